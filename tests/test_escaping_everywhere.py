"""Markup in front matter is text in every file the build makes, and only safe URLs become links.

tests/test_escaping.py proves it for the journey page. Here the same payload-filled wiki
(every text field holds HTML/JS) is read in every other output: persona, department and
index pages, the search index, the JSON and CSV exports, and every HTML file of the site.
Then the sources: `javascript:`, `data:`, `vbscript:` and their disguises never reach an
`href` (or any other URL attribute).
"""

from __future__ import annotations

import csv
import io
import json
import re
from urllib.parse import unquote

import pytest

from conftest import REPO, build_site, page
from journey_html import map_table, soup_of, text_of
from support.markup_pages import (
    DEPARTMENT, DEPARTMENT_PATH, JOURNEY, JOURNEY_PATH, PERSONA, PERSONA_PATH, SCRIPT, evil,
)
from support.search_index import tokens

FORMULA_PATH = "journeys/formulas.md"
EXPORTS = "opportunities/opportunities"
# Spreadsheets run a cell that starts with one of these as a formula (core/exports.py).
FORMULA_STARTS = ("=", "+", "-", "@")

FORMULA_OPPORTUNITIES = [
    {"title": '=HYPERLINK("https://evil.example","click") <b>bold</b>', "id": "formula-equals",
     "kpi": "+1 more <script>alert(1)</script>", "result": "-2 fewer", "owner": "evil-department"},
    {"title": "@SUM(A1:A9) </td><td>", "id": "formula-at", "kpi": "ok, \"quoted\", and\nnew line",
     "owner": "evil-department"},
]
FORMULA_JOURNEY = {
    "personas": ["evil-persona"],
    "stages": [{"name": "=Stage <i>one</i>", "id": "one", "steps": [{"name": "-Step & more", "id": "s"}]}],
    "opportunities": [dict(o, at="one/s") for o in FORMULA_OPPORTUNITIES],
}
FORMULA_TITLE = "+Formula journey <img src=x onerror=alert(1)>"

# Every URL attribute HTML has; none may carry a script or data scheme.
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background")


def dangerous_url(value: str) -> bool:
    """As a browser reads it: ASCII whitespace and controls removed, case ignored."""
    cleaned = re.sub(r"[\x00-\x20]", "", value).lower()
    return cleaned.startswith(("javascript:", "data:", "vbscript:", "livescript:", "//evil", "\\\\", "/\\", "\\/"))


def live_payloads(tree) -> list[str]:
    """What only an unescaped payload could have made: elements, event handlers, script URLs."""
    found = []
    for tag in tree.find_all(True):
        if tag.name == "script" and "alert(" in tag.get_text():
            found.append(str(tag)[:120])
        if tag.name in ("img", "b", "i", "iframe", "svg") and (tag.get("src") == "x" or tag.has_attr("onerror")):
            found.append(str(tag)[:120])
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") and "alert" in value:
                found.append(f"{tag.name} {name}={value[:60]}")
            if name.lower() in URL_ATTRIBUTES and dangerous_url(value):
                found.append(f"{tag.name} {name}={value[:60]}")
    return found


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    pages = {
        JOURNEY_PATH: page({"title": "A journey with markup in every text", "journey": JOURNEY}),
        FORMULA_PATH: page({"title": FORMULA_TITLE, "journey": FORMULA_JOURNEY}),
        PERSONA_PATH: page({"title": "Evil persona", "persona": PERSONA}),
        DEPARTMENT_PATH: page({"title": "Evil department", "department": DEPARTMENT}),
    }
    result = build_site(tmp_path_factory.mktemp("escaping-everywhere"), pages)
    assert not result.aborted and result.warnings == [], result.warnings
    return result


def shown(tree) -> str:
    return " ".join(tree.get_text(" ").split())


def test_every_html_file_of_the_site_is_free_of_live_payloads(built):
    html_files = sorted(built.site_dir.rglob("*.html"))
    assert len(html_files) >= 6
    for html_file in html_files:
        assert live_payloads(soup_of(html_file.read_text(encoding="utf-8"))) == [], html_file


def test_the_journey_with_formula_texts_still_has_its_map(built):
    assert map_table(built.content(FORMULA_PATH)) is not None
    assert map_table(built.content(JOURNEY_PATH)) is not None


@pytest.mark.parametrize("label", [
    "persona name", "persona role", "persona quote", "persona goal", "persona need", "persona frustration",
    "persona channel", "stage one", "step one", "opportunity title", "journey-wide opportunity", "department name",
])
def test_the_persona_page_shows_each_text_as_text(built, label):
    assert evil(label) in shown(built.content(PERSONA_PATH))


@pytest.mark.parametrize("label", [
    "department name", "department lead", "department contact", "step one", "stage one", "opportunity title",
    "journey-wide opportunity", "kpi", "result", "log note",
])
def test_the_department_page_shows_each_text_as_text(built, label):
    assert evil(label) in shown(built.content(DEPARTMENT_PATH))


@pytest.mark.parametrize("label", ["opportunity title", "journey-wide opportunity", "kpi", "stage two",
                                   "department name"])
def test_the_index_shows_each_text_as_text(built, label):
    assert evil(label) in shown(built.content("opportunities/index.md"))


def test_the_index_shows_the_formula_texts_as_written(built):
    text = shown(built.content("opportunities/index.md"))
    for opportunity in FORMULA_OPPORTUNITIES:
        assert " ".join(opportunity["title"].split()) in text
    assert FORMULA_TITLE in text


def test_titles_in_navigation_and_head_are_text(built):
    soup = built.soup(FORMULA_PATH)
    assert FORMULA_TITLE in soup.title.get_text()
    nav_titles = [" ".join(a.get_text().split()) for a in soup.select("nav a")]
    assert FORMULA_TITLE in nav_titles


def test_the_search_index_holds_text_not_markup(built):
    index = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    documents = index["docs"]
    journey_docs = [d for d in documents if d["location"].startswith("journeys/evil/")]
    assert journey_docs, [d["location"] for d in documents][:20]
    for document in documents:
        for key in ("title", "text"):
            assert live_payloads(soup_of(document.get(key, ""))) == [], (document["location"], key)
    indexed = " ".join(shown(soup_of(d["text"])) for d in journey_docs)
    for label in ("scenario", "step one", "opportunity title"):
        assert evil(label) in indexed, label
    # a pain point is indexed by its words, each once per journey (search matches words)
    assert set(tokens(evil("pain point"))) <= set(tokens(indexed))


# -- the exports ------------------------------------------------------------------------------------


def test_the_json_export_holds_every_text_exactly(built):
    records = {r["id"]: r for r in json.loads((built.site_dir / f"{EXPORTS}.json").read_text(encoding="utf-8"))}
    evil_record = next(r for r in records.values() if r["title"] == evil("opportunity title"))
    assert evil_record["kpi"] == evil("kpi")
    assert evil_record["result"] == evil("result")
    assert evil_record["stage"] == evil("stage two")
    assert evil_record["journey"] == "A journey with markup in every text"
    for opportunity in FORMULA_OPPORTUNITIES:
        record = records[opportunity["id"]]
        assert record["title"] == opportunity["title"]
        assert record["kpi"] == opportunity["kpi"]
        assert record["journey"] == FORMULA_TITLE
        assert record["stage"] == "=Stage <i>one</i>" and record["step"] == "-Step & more"
    assert records["formula-equals"]["result"] == "-2 fewer"


def test_the_json_export_is_escaped_as_json_only(built):
    raw = (built.site_dir / f"{EXPORTS}.json").read_text(encoding="utf-8")
    assert SCRIPT in raw  # JSON needs no HTML escaping: the text is there as written
    assert '\\"quoted\\"' in raw and "\\n" in raw


def csv_rows(built) -> dict[str, dict[str, str]]:
    text = (built.site_dir / f"{EXPORTS}.csv").read_bytes().decode("utf-8")
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text, newline=""))}


def guarded(text: str) -> str:
    """The CSV rule of core/exports.py: a cell a spreadsheet would run as a formula gets a leading '."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def test_the_csv_export_holds_every_text_with_formulas_defused(built):
    rows = csv_rows(built)
    evil_row = next(r for r in rows.values() if r["title"] == evil("opportunity title"))
    assert evil_row["kpi"] == evil("kpi") and evil_row["stage"] == evil("stage two")
    for opportunity in FORMULA_OPPORTUNITIES:
        row = rows[opportunity["id"]]
        for key in ("title", "kpi", "result"):
            assert row[key] == guarded(opportunity.get(key, "")), key
        assert row["journey"] == guarded(FORMULA_TITLE) == "'" + FORMULA_TITLE
        assert row["stage"] == "'=Stage <i>one</i>" and row["step"] == "'-Step & more"
    assert rows["formula-equals"]["title"].startswith("'=HYPERLINK(")
    assert rows["formula-at"]["title"].startswith("'@SUM(")
    for row in rows.values():
        for value in row.values():
            assert not value.startswith(FORMULA_STARTS), value


def test_the_index_script_never_writes_html():
    script = (REPO / "plugin" / "mkdocs_journeys" / "render" / "assets" / "journeys.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


# -- links: only site pages and http(s) URLs -------------------------------------------------------

HOSTILE_SOURCES = [
    "javascript:alert(1)", "JAVASCRIPT:alert(2)", " javascript:alert(3)", "java\tscript:alert(4)",
    "java\nscript:alert(5)", "data:text/html,<script>alert(6)</script>", "vbscript:msgbox(7)",
    "//evil.example/x", "\\\\evil.example\\x", "jav&#x09;ascript:alert(8)", "javascript&colon;alert(9)",
    "https:evil.example", "file:///etc/passwd",
]


@pytest.mark.parametrize("use_directory_urls", [True, False], ids=["directory-urls", "file-urls"])
def test_hostile_sources_never_become_links(tmp_path, use_directory_urls):
    journey = {"stages": [{"name": "Only", "steps": [{"name": "Step", "actions": "Acts"}]}],
               "sources": HOSTILE_SOURCES + ["./javascript:alert(10).md", "https://example.org/fine"]}
    pages = {
        "journeys/sources.md": page({"title": "Sources", "journey": journey}),
        # a page whose file name looks like a URL scheme: its relative link must not become one
        "journeys/javascript:alert(10).md": "# Named like a scheme\n",
    }
    built = build_site(tmp_path, pages, config={"use_directory_urls": use_directory_urls})
    assert not built.aborted
    for html_file in sorted(built.site_dir.rglob("*.html")):
        soup = soup_of(html_file.read_text(encoding="utf-8"))
        assert live_payloads(soup) == [], html_file
    content = built.content("journeys/sources.md")
    panel = text_of(content.select_one("div.journeys-problems"))
    for source in HOSTILE_SOURCES:
        if not re.search(r"[\t\n\\]", source):  # (those are quoted with escapes in the message)
            assert source.strip() in panel, source


def test_a_page_named_like_a_scheme_is_linked_as_a_page(tmp_path):
    journey = {"stages": [{"name": "Only", "steps": [{"name": "Step", "actions": "Acts"}]}],
               "sources": ["./javascript:alert(10).md", "https://example.org/fine"]}
    pages = {
        "journeys/sources.md": page({"title": "Sources", "journey": journey}),
        "journeys/javascript:alert(10).md": "# Named like a scheme\n",
    }
    built = build_site(tmp_path, pages, strict=True, config={"use_directory_urls": False})
    assert not built.aborted, built.warnings
    links = {a.get_text(strip=True): a["href"] for a in built.content("journeys/sources.md").select(
        "section.journey-summary a[href]")}
    assert links["Named like a scheme"] and not dangerous_url(links["Named like a scheme"])
    assert not re.match(r"^[a-z][a-z0-9+.-]*:", links["Named like a scheme"], re.I)
    target = built.output_path("journeys/sources.md").parent / unquote(links["Named like a scheme"])
    assert target.resolve() == built.output_path("journeys/javascript:alert(10).md").resolve()
    assert links["https://example.org/fine"] == "https://example.org/fine"
