"""The small wiki of the cross-link tests (three journeys, their personas and departments)
and the helpers that read its built pages: shared by test_crosslinks.py, test_exports.py,
test_navigation.py, test_build_date.py and test_serve.py."""

from __future__ import annotations

import copy
import posixpath
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

from support.building import Built, build_site, page

TODAY = date(2026, 11, 22)
STATUSES = ("plan", "do", "check", "act", "done")

# -- the small wiki -------------------------------------------------------------------
#
# Two departments (one outside departments/), two personas (one outside personas/),
# three journeys (one in a sub-folder), opportunities for both departments in every PDCA
# status, overdue and not, one with a non-Latin title and no id, one for the whole journey.

DEPARTMENTS = {
    "operations": {"path": "departments/operations.md", "name": "Campsite operations", "lead": "Zhang Min"},
    "marketing": {"path": "org/marketing.md", "name": "Marketing team", "lead": "Aisha Rahman"},
}
PERSONAS = {
    "urban-camper": {"path": "personas/urban-camper.md", "name": "Li Wei"},
    "grandparent": {"path": "people/grandparent.md", "name": "Siti Aminah"},
}

CAMPING = {
    "title": "Weekend camping trip",
    "journey": {
        "type": "purchase",
        "personas": ["urban-camper", "grandparent"],
        "owner": "operations",
        "reviewed": "2026-09-01",  # 82 days before TODAY: fresh
        "sources": ["research.md", "https://example.org/survey"],
        "stages": [
            {
                "name": "Research",
                "id": "research",
                "personas": ["urban-camper"],
                "steps": [
                    {"name": "Read online guides", "id": "guides", "owner": "marketing",
                     "personas": ["urban-camper"], "emotion": {"urban-camper": 1, "grandparent": -1}},
                    {"name": "Compare campsites", "id": "compare", "owner": "marketing",
                     "emotion": {"urban-camper": 2, "grandparent": 0}},
                ],
            },
            {
                "name": "Arrival",
                "id": "arrival",
                "steps": [
                    {"name": "Find the site", "id": "find-the-site", "owner": "operations",
                     "personas": ["grandparent"], "emotion": {"urban-camper": -2, "grandparent": -1}},
                    # no id: takes the slug of its name
                    {"name": "Pitch the tent", "owner": "operations", "emotion": 1},
                ],
            },
        ],
        "opportunities": [
            {"title": "Put up signs at both turn-offs", "id": "signage", "at": "arrival/find-the-site",
             "owner": "operations", "status": "do", "priority": "high", "due": "2026-12-15",
             "kpi": "Fewer than 2 arrival complaints a month",
             "log": [{"date": "2026-10-01", "status": "plan", "note": "Agreed with operations"},
                     {"date": "2026-11-02", "status": "do", "note": "Signs ordered"}]},
            {"title": "Publish honest photos", "at": "research", "owner": "marketing", "status": "check",
             "priority": "medium", "due": "2026-10-01", "kpi": "Fewer photo complaints",
             "result": "Two complaints in October",
             "log": [{"date": "2026-09-15", "status": "check", "note": "Survey sent"}]},
            {"title": "夜间照明", "at": "arrival", "owner": "operations", "status": "plan", "priority": "low"},
            {"title": "Print a paper map", "id": "paper-map", "at": "arrival/pitch-the-tent", "owner": "operations",
             "status": "done", "priority": "medium", "due": "2026-01-10", "kpi": "Maps handed out",
             "result": "All guests got one", "decision": "adopt",
             "log": [{"date": "2026-01-05", "status": "do", "note": "Printed"},
                     {"date": "2026-02-01", "status": "done", "note": "Standard at check-in"}]},
        ],
    },
}

BOOKING = {
    "title": "Online booking",
    "journey": {
        "type": "service",
        "personas": ["urban-camper"],
        "owner": "marketing",  # never reviewed: stale
        "stages": [
            {"name": "Choose", "id": "choose", "steps": [
                {"name": "Pick dates", "id": "pick-dates", "owner": "marketing", "emotion": 0},
                {"name": "Pay", "id": "pay", "owner": "operations", "emotion": -1},
            ]},
        ],
        "opportunities": [
            {"title": "Show the total price upfront", "id": "total-price", "at": "choose/pay", "owner": "marketing",
             "status": "act", "priority": "high", "due": "2026-11-01", "kpi": "Abandoned payments",
             "result": "Down by a third", "decision": "adjust",
             "log": [{"date": "2026-11-10", "status": "act", "note": "Roll out to the app too"}]},
            {"title": "Remember returning campers", "id": "remember", "owner": "marketing", "status": "plan",
             "priority": "medium", "due": "2027-03-01"},
        ],
    },
}

WINTER = {
    "title": "Winter cabins",
    "journey": {
        "type": "retention",
        "personas": ["grandparent"],
        "owner": "operations",
        "reviewed": "2024-01-10",  # more than 365 days before TODAY: stale
        "stages": [{"name": "Stay", "id": "stay", "steps": [{"name": "Light the stove", "id": "stove", "emotion": 2}]}],
    },
}

JOURNEYS = {
    "journeys/camping.md": CAMPING,
    "journeys/booking.md": BOOKING,
    "journeys/old/winter.md": WINTER,
}

# What the format says ids are: explicit, or the slug of the name/title.
EXPECTED_STEP_IDS = {"Pitch the tent": "pitch-the-tent"}
EXPECTED_OPPORTUNITY_IDS = {"Publish honest photos": "publish-honest-photos", "夜间照明": "夜间照明"}


def wiki_pages(journeys: dict[str, dict[str, Any]] | None = None) -> dict[str, str]:
    """The Markdown files of the small wiki (journeys may be replaced)."""
    pages: dict[str, str] = {
        "index.md": "# Camping wiki\n\nStart here.\n",
        "research.md": "# Research\n\nInterviews.\n",
    }
    for department_id, department in DEPARTMENTS.items():
        pages[department["path"]] = page(
            {"title": department["name"], "department": {"name": department["name"], "lead": department["lead"]}},
            f"About {department_id}.\n",
        )
    for persona_id, persona in PERSONAS.items():
        pages[persona["path"]] = page({"title": persona["name"], "persona": {"name": persona["name"]}},
                                      f"About {persona_id}.\n")
    for path, data in (journeys if journeys is not None else JOURNEYS).items():
        pages[path] = page(copy.deepcopy(data), f"The story of {data['title']}.\n")
    return pages


def opportunities_of(journeys: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every opportunity as written, with its journey path, journey title and expected id."""
    found = []
    for path, data in (journeys if journeys is not None else JOURNEYS).items():
        for item in data["journey"].get("opportunities", []):
            item = dict(item)
            item["id"] = item.get("id") or EXPECTED_OPPORTUNITY_IDS[item["title"]]
            item["journey_path"] = path
            item["journey_title"] = data["title"]
            found.append(item)
    return found


def step_id(step: dict[str, Any]) -> str:
    return step.get("id") or EXPECTED_STEP_IDS[step["name"]]


def place_names(journey: dict[str, Any], at: str | None) -> tuple[str | None, str | None]:
    """The stage and step names an `at` reference names."""
    if not at:
        return None, None
    stage_id, _, wanted_step = at.partition("/")
    stage = next(s for s in journey["journey"]["stages"] if s["id"] == stage_id)
    if not wanted_step:
        return stage["name"], None
    step = next(s for s in stage["steps"] if step_id(s) == wanted_step)
    return stage["name"], step["name"]


def is_overdue(item: dict[str, Any], today: date = TODAY) -> bool:
    return bool(item.get("due")) and date.fromisoformat(item["due"]) < today and item.get("status", "plan") != "done"


def build_wiki(root: Path, use_directory_urls: bool = True, **kwargs: Any) -> Built:
    config = dict(kwargs.pop("config", {}) or {})
    config.setdefault("use_directory_urls", use_directory_urls)
    pages = kwargs.pop("pages", None) or wiki_pages()
    return build_site(root, pages, config=config, **kwargs)


# -- reading links ------------------------------------------------------------------------

_soups: dict[Path, BeautifulSoup] = {}


def page_soup(path: Path) -> BeautifulSoup:
    key = path.resolve()
    if key not in _soups or _soups[key] is None:
        _soups[key] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return _soups[key]


def resolve(built: Built, from_src: str, href: str) -> tuple[Path, str]:
    """The built file a relative href of the page from_src points to, and its (decoded) fragment."""
    parts = urlsplit(href)
    assert not parts.scheme and not parts.netloc, f"not a relative link: {href}"
    assert not href.startswith("/"), f"{from_src}: site-absolute link {href!r}: links must be relative"
    source = built.output_path(from_src)
    if not parts.path:
        return source, unquote(parts.fragment)
    base = posixpath.dirname(source.relative_to(built.site_dir).as_posix())
    target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
    assert target != ".." and not target.startswith("../"), f"{from_src}: {href!r} leaves the site"
    if (built.site_dir / target).is_dir():
        target = posixpath.join(target, "index.html")
    return built.site_dir / target, unquote(parts.fragment)


def element_by_id(path: Path, anchor: str) -> Tag | None:
    return page_soup(path).find(id=anchor)


def relative_links(article: Tag) -> list[str]:
    hrefs = []
    for a in article.select("a[href]"):
        href = a["href"]
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            assert parts.scheme in ("http", "https", "mailto"), f"unexpected link scheme: {href!r}"
            continue
        hrefs.append(href)
    return hrefs


def check_links(built: Built, src_paths: list[str]) -> int:
    """Every relative href in the articles of these pages resolves to a built file, and every
    #anchor exists in the target. Returns how many links were checked."""
    _soups.clear()
    checked = 0
    for src in src_paths:
        for href in relative_links(built.content(src)):
            target, anchor = resolve(built, src, href)
            assert target.is_file(), f"{src}: link {href!r} points to {target}, which was not built"
            if anchor:
                assert target.suffix == ".html", f"{src}: {href!r}"
                assert element_by_id(target, anchor) is not None, f"{src}: link {href!r}: no id={anchor!r} in {target}"
            checked += 1
    return checked


def link_targets(built: Built, src: str, scope: Tag | None = None) -> list[tuple[Path, str, Tag]]:
    """(target file, anchor, <a>) of every relative link inside scope (default: the article)."""
    scope = scope if scope is not None else built.content(src)
    found = []
    for a in scope.select("a[href]"):
        parts = urlsplit(a["href"])
        if parts.scheme or parts.netloc:
            continue
        target, anchor = resolve(built, src, a["href"])
        found.append((target.resolve(), anchor, a))
    return found


def out(built: Built, src: str) -> Path:
    return built.output_path(src).resolve()


def index_src() -> str:
    return "opportunities/index.md"


def text_of(tag: Tag | None) -> str:
    return " ".join(tag.get_text(" ", strip=True).split()) if tag is not None else ""
