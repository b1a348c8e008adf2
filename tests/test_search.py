"""What Material's search indexes of journey, persona, department and index pages.

Search reads a light digest of the map and the cross-links (their text, under their
headings); readers get the full map and cross-links. Each test builds a real site and
reads the search index and the pages MkDocs wrote.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import Built, build_site, page

# The comment the plugin marks a held fragment with (a token per build, then its number).
MARKER_RE = re.compile(r"<!--/?journeys-[0-9a-f]{12}")

JOURNEY = {
    "title": "Renewing a library card",
    "journey": {
        "personas": ["night-reader"],
        "owner": "front-desk",
        "stages": [
            {
                "name": "Reminder",
                "steps": [
                    {"name": "Open the renewal letter", "actions": ["Reads the paper notice twice"],
                     "pain_points": ["Notice arrives after the expiry date"], "owner": "front-desk",
                     "emotion": {"night-reader": -1}},
                    {"name": "Find the web form", "thoughts": ["Where is the renew button"],
                     "emotion": {"night-reader": 1}},
                ],
            }
        ],
        "opportunities": [
            {"title": "Send the reminder by text message", "status": "do", "owner": "front-desk",
             "kpi": "Renewals before expiry"},
        ],
    },
}
PERSONA = {"title": "Night reader", "persona": {"name": "Nadia Osman",
                                                "quote": "I only have time after midnight"}}
DEPARTMENT = {"title": "Front desk", "department": {"name": "Front desk team"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    return build_site(tmp_path_factory.mktemp("search"), {
        "index.md": "# Home\n",
        "journeys/renewal.md": page(JOURNEY),
        "personas/night-reader.md": page(PERSONA),
        "departments/front-desk.md": page(DEPARTMENT),
    }, strict=True)


def indexed_text(built: Built, location_prefix: str) -> str:
    """All text search holds for the page at this location (its sections joined)."""
    documents = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    found = [d for d in documents if d["location"].split("#")[0] == location_prefix]
    assert found, [d["location"] for d in documents]
    return " ".join(" ".join(BeautifulSoup(d["title"] + " " + d["text"], "html.parser").get_text().split())
                    for d in found)


def indexed_markup(built: Built, location_prefix: str) -> str:
    documents = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return " ".join(d["text"] for d in documents if d["location"].split("#")[0] == location_prefix)


def test_the_build_is_clean(built):
    assert not built.aborted, built.warnings
    assert built.warnings == []


def test_search_finds_the_names_and_findings_of_the_map(built):
    text = indexed_text(built, "journeys/renewal/")
    for expected in ("Open the renewal letter", "Find the web form", "Reminder", "Notice arrives after the expiry date",
                     "Send the reminder by text message", "Renewals before expiry", "Front desk team", "Nadia Osman"):
        assert expected in text, expected
    # The longest texts stay on the page by default: every reader downloads the index.
    assert "Reads the paper notice twice" not in text
    assert "Where is the renew button" not in text


def test_search_lanes_choose_the_texts_search_indexes(tmp_path):
    built = build_site(tmp_path, {"journeys/renewal.md": page(JOURNEY), "personas/night-reader.md": page(PERSONA),
                                  "departments/front-desk.md": page(DEPARTMENT)}, strict=True,
                       plugin_config={"today": "2026-11-22", "search_lanes": ["actions", "thoughts"]})
    assert not built.aborted, built.warnings
    text = indexed_text(built, "journeys/renewal/")
    assert "Reads the paper notice twice" in text and "Where is the renew button" in text
    assert "Notice arrives after the expiry date" not in text  # pain points not chosen
    assert "Open the renewal letter" in text  # step names always
    assert "Notice arrives after the expiry date" in built.html("journeys/renewal.md")  # the map shows every lane


def test_an_unknown_search_lane_fails_the_config(tmp_path):
    built = build_site(tmp_path, {"journeys/renewal.md": page(JOURNEY)},
                       plugin_config={"search_lanes": ["feelings"]})
    assert built.aborted
    assert any("search_lanes" in message and "feelings" in message for message in built.warnings), built.warnings


def test_readers_get_the_full_map_and_no_digest(built):
    html = built.html("journeys/renewal.md")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("table.journey-map") or soup.select(".journey-map table"), "no map table"
    assert "journeys-search-text" not in html
    assert not MARKER_RE.search(html)


def test_search_finds_the_cross_links_of_a_persona_page_as_text(built):
    text = indexed_text(built, "personas/night-reader/")
    assert "I only have time after midnight" in text  # the profile
    assert "Renewing a library card" in text  # the journey the persona walks
    markup = indexed_markup(built, "personas/night-reader/")
    assert "<svg" not in markup and "<table" not in markup and "<li" not in markup


def test_readers_get_the_full_cross_links_of_a_persona_page(built):
    html = built.html("personas/night-reader.md")
    soup = BeautifulSoup(html, "html.parser")
    journey_links = [a for a in soup.select(".journeys-crosslinks a") if a.get_text(strip=True) == "Renewing a library card"]
    assert journey_links, "the journey card link is missing"
    assert soup.select("svg.journeys-sparkline")
    assert not MARKER_RE.search(html)


def test_search_keeps_the_sections_of_a_department_page(built):
    documents = json.loads((built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    anchors = {d["location"].split("#", 1)[1] for d in documents
               if d["location"].startswith("departments/front-desk/#")}
    html = built.html("departments/front-desk.md")
    soup = BeautifulSoup(html, "html.parser")
    headings = {h["id"] for h in soup.select(".journeys-crosslinks h2[id]")}
    assert headings and headings <= anchors, (headings, anchors)
    # Its tables and lists are reduced to the pages they link: the journey, not its details.
    text = indexed_text(built, "departments/front-desk/")
    assert "Renewing a library card" in text
    assert "Open the renewal letter" not in text  # a step it owns: indexed on the journey page


def test_search_names_the_journeys_of_the_index_and_readers_get_every_row(built):
    assert "Renewing a library card" in indexed_text(built, "opportunities/")
    assert "<li" not in indexed_markup(built, "opportunities/")  # the digest, not the board's lists
    assert "Send the reminder by text message" in indexed_text(built, "journeys/renewal/")
    soup = built.soup("opportunities/index.md")
    rows = [row for row in soup.select("table tr") if "Send the reminder by text message" in row.get_text()]
    assert rows, "the index table has no row for the opportunity"


def test_a_page_cannot_forge_the_digest_markers(tmp_path):
    forged = "<!--journeys-000000000000:0-->kept<!--/journeys-000000000000-->"
    built = build_site(tmp_path, {"journeys/renewal.md": page(JOURNEY, f"Narrative.\n\n{forged}\n")})
    assert not built.aborted, built.warnings
    html = built.html("journeys/renewal.md")
    assert "kept" in html
    assert "Renewing a library card" in indexed_text(built, "journeys/renewal/")


def test_the_digest_keeps_headings_text_and_the_pages_that_tables_and_lists_link():
    from mkdocs_journeys.render.search_digest import search_digest

    html = (
        '<section><p>Profile: <strong>Li &amp; Wei</strong></p><ul><li>Plain &lt;b&gt; goal</li></ul>'
        '<!-- a comment --></section>'
        '<h2 id="opps" class="x">Opportunities <span>(2)</span></h2>'
        '<table><tr><th>Title</th><th>Journey</th></tr>'
        '<tr><td><a href="../o/#a">Text the reminder</a></td><td><a href="../j/">Renewal</a></td><td>2026-12-01</td></tr>'
        '<tr><td><a href="../o/#b">Open on Sundays</a></td><td><a href="../j/">Renewal</a></td>'
        '<td><a class="d" href="../d/">Front desk</a></td></tr></table>'
        '<h3 id="steps">Steps</h3><ul><li><a href="../j/#jm-step-1">Renewal: Reminder / Open</a></li></ul>'
    )
    assert search_digest(html) == (
        "<p>Profile: Li &amp; Wei Plain &lt;b&gt; goal</p>\n"
        '<h2 id="opps" class="x">Opportunities (2)</h2>\n'
        "<p>Renewal; Front desk</p>\n"
        '<h3 id="steps">Steps</h3>'
    )


def test_the_digest_reduces_nested_lists_as_one():
    from mkdocs_journeys.render.search_digest import search_digest

    cards = (
        '<ul class="cards">'
        '<li><a href="../j1/">Renewal</a><ul><li><a href="../o/#x">Text the reminder</a> <a href="../d/">Front desk</a></li></ul></li>'
        '<li><a href="../j2/">Move house</a><p>Acts in: <a href="../j2/#jm-stage-s">Packing</a></p></li>'
        '</ul><p>After</p>'
    )
    assert search_digest(cards) == "<p>Renewal; Front desk; Move house After</p>"
