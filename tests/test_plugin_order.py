"""journeys in real sites: the plugins people combine with Material, each listed before
and after journeys, built for real (installed from the `test` extra), each one's output
checked on journey pages, and journeys' own output checked beside it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from conftest import Built, build_site, page
from sample_pages import journey_page, supporting_pages

JOURNEY = "journeys/camping.md"
PERSONA = "personas/urban-camper.md"
DEPARTMENT = "departments/operations.md"
ORDERS = ("before", "after")


def pages(**extra: str) -> dict[str, str]:
    return {JOURNEY: journey_page(), **supporting_pages(), "index.md": "# Home\n", **extra}


def build_with(root: Path, order: str, name: str, options: dict[str, Any] | None = None,
               site_pages: dict[str, str] | None = None, strict: bool = True, **config: Any) -> Built:
    """Build with the plugin `name` listed before or after journeys."""
    other = {name: options} if options else name
    journeys = {"journeys": {"today": "2026-11-22"}}
    plugins = ["search", other, journeys] if order == "before" else ["search", journeys, other]
    built = build_site(root, site_pages or pages(), strict=strict, config={"plugins": plugins, **config})
    assert not built.aborted, built.warnings
    return built


def assert_journeys_output(built: Built) -> None:
    """journeys did its part: the map, the persona's cross-links, the index."""
    assert built.content(JOURNEY).select(".journey-map"), "no map on the journey page"
    assert built.content(PERSONA).select(f'a[href$="journeys/camping/"]'), "no cross-link to the journey"
    assert built.content("opportunities/index.md").select("[id]"), "no opportunity index"


@pytest.mark.parametrize("order", ORDERS)
def test_git_revision_date_shows_on_journey_persona_and_department_pages(tmp_path, order):
    site_pages = pages()
    # The plugin reads each page's last commit: the site is a git repository.
    build_site(tmp_path, site_pages, config={"plugins": ["search"]})  # writes the files
    environment = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                   "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2026-03-04T12:00:00",
                   "GIT_COMMITTER_DATE": "2026-03-04T12:00:00", "PATH": "/usr/bin:/bin"}
    for command in (["git", "init", "-q"], ["git", "add", "docs"], ["git", "commit", "-q", "-m", "pages"]):
        subprocess.run(command, cwd=tmp_path, check=True, env=environment)
    built = build_with(tmp_path, order, "git-revision-date-localized",
                       {"type": "iso_date", "enable_creation_date": False, "fallback_to_build_date": True},
                       site_pages=site_pages)
    for path in (JOURNEY, PERSONA, DEPARTMENT):
        dates = built.soup(path).select(".git-revision-date-localized-plugin")
        assert [date.get_text(strip=True) for date in dates] == ["2026-03-04"], path
    assert_journeys_output(built)


@pytest.mark.parametrize("order", ORDERS)
def test_macros_see_the_front_matter_of_journey_and_persona_pages(tmp_path, order):
    persona = page({"title": "Li Wei", "persona": {"name": "Li Wei", "segment": "current"}},
                   "Macro says: {{ persona.name }} ({{ persona.segment }}).\n")
    journey = journey_page(body="Macro says: {{ page.meta.title }} / {{ custom_note }}.\n")
    journey = journey.replace("---\ntitle:", "---\ncustom_note: from the front matter\ntitle:", 1)
    built = build_with(tmp_path, order, "macros", site_pages=pages(**{PERSONA: persona, JOURNEY: journey}))
    assert "Macro says: Li Wei (current)." in built.content(PERSONA).get_text(" ", strip=True)
    assert "Macro says: Weekend camping trip / from the front matter." in built.content(JOURNEY).get_text(" ", strip=True)
    assert_journeys_output(built)


def tagged(path: str, text: str, tags: list[str]) -> str:
    return text.replace("---\ntitle:", f"---\ntags: {json.dumps(tags)}\ntitle:", 1)


@pytest.mark.parametrize("order", ORDERS)
def test_material_tags_listing_holds_journey_and_persona_pages(tmp_path, order):
    site_pages = pages(**{"tags.md": "# Tags\n\n<!-- material/tags -->\n"})
    site_pages[JOURNEY] = tagged(JOURNEY, site_pages[JOURNEY], ["camping", "families"])
    site_pages[PERSONA] = tagged(PERSONA, site_pages[PERSONA], ["camping"])
    built = build_with(tmp_path, order, "tags", site_pages=site_pages)
    listing = built.content("tags.md")
    linked = {a["href"] for a in listing.select("a[href]") if not a["href"].startswith("#")}
    assert {"../journeys/camping/", "../personas/urban-camper/"} <= linked
    chips = [tag.get_text(strip=True) for tag in built.soup(JOURNEY).select(".md-tag")]
    assert chips == ["camping", "families"]
    assert_journeys_output(built)


@pytest.mark.parametrize("order", ORDERS)
def test_material_tags_file_of_material_9_5_holds_journey_pages(tmp_path, order):
    site_pages = pages(**{"tags.md": "# Tags\n\n[TAGS]\n"})
    site_pages[JOURNEY] = tagged(JOURNEY, site_pages[JOURNEY], ["camping"])
    # tags_file is deprecated since Material 9.6 (a warning): not strict.
    built = build_with(tmp_path, order, "tags", {"tags_file": "tags.md"}, site_pages=site_pages, strict=False)
    linked = {a["href"] for a in built.content("tags.md").select("a[href]")}
    assert "../journeys/camping/" in linked
    assert not [w for w in built.warnings if "journeys" in w], built.warnings
    assert_journeys_output(built)


@pytest.mark.parametrize("order", ORDERS)
def test_material_blog_lists_its_posts_beside_the_journey_wiki(tmp_path, order):
    post = page("date: 2026-10-01\ntitle: Camping season", "Our campsite opens.\n\n<!-- more -->\n\nMore.\n")
    site_pages = pages(**{"blog/index.md": "# Blog\n", "blog/posts/season.md": post})
    built = build_with(tmp_path, order, "blog", site_pages=site_pages)
    index = BeautifulSoup((built.site_dir / "blog" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Camping season" in index.get_text(" ", strip=True)
    assert (built.site_dir / "blog" / "2026" / "10" / "01" / "camping-season" / "index.html").is_file()
    assert_journeys_output(built)


@pytest.mark.parametrize("order", ORDERS)
def test_awesome_nav_orders_journey_pages_and_keeps_generated_ones(tmp_path, order):
    nav = "nav:\n  - Journeys: journeys\n  - People: personas\n  - '*'\n"
    built = build_with(tmp_path, order, "awesome-nav", site_pages=pages(**{".nav.yml": nav}))
    sections = [label.get_text(" ", strip=True)
                for label in built.soup("index.md").select(".md-nav--primary > .md-nav__list > .md-nav__item > label")]
    assert sections[:2] == ["Journeys", "People"]
    journey_links = built.soup("index.md").select('.md-nav--primary a[href$="journeys/camping/"]')
    assert journey_links, "the journey page is not in the nav"
    assert_journeys_output(built)


@pytest.mark.parametrize("order", ORDERS)
def test_redirects_lead_to_a_journey_page(tmp_path, order):
    built = build_with(tmp_path, order, "redirects", {"redirect_maps": {"old/camping.md": JOURNEY}})
    redirect = (built.site_dir / "old" / "camping" / "index.html").read_text(encoding="utf-8")
    assert 'content="0; url=../../journeys/camping/"' in redirect
    assert_journeys_output(built)


@pytest.mark.parametrize("order", ORDERS)
def test_minify_keeps_maps_and_cross_links_whole(tmp_path, order):
    built = build_with(tmp_path, order, "minify", {"minify_html": True})
    html = built.html(JOURNEY)
    assert "\n    <" not in html  # minified: no indented lines left
    map_text = built.content(JOURNEY).select_one(".journey-map").get_text(" ", strip=True)
    assert "Read online guides" in map_text
    assert_journeys_output(built)
