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
from support.search_index import tokens

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
    # the headline, as written
    for expected in ("Open the renewal letter", "Find the web form", "Reminder", "Send the reminder by text message",
                     "Front desk team", "Nadia Osman"):
        assert expected in text, expected
    # the other texts of the default lanes: their words
    words = set(tokens(text))
    for expected in ("Notice arrives after the expiry date", "Renewals before expiry"):
        assert set(tokens(expected)) <= words, expected
    # The longest texts stay on the page by default: every reader downloads the index.
    assert not {"reads", "paper", "twice"} & words
    assert not {"where", "button"} & words


def test_search_lanes_choose_the_texts_search_indexes(tmp_path):
    built = build_site(tmp_path, {"journeys/renewal.md": page(JOURNEY), "personas/night-reader.md": page(PERSONA),
                                  "departments/front-desk.md": page(DEPARTMENT)}, strict=True,
                       plugin_config={"today": "2026-11-22", "search_lanes": ["actions", "thoughts"]})
    assert not built.aborted, built.warnings
    text = indexed_text(built, "journeys/renewal/")
    words = set(tokens(text))
    assert set(tokens("Reads the paper notice twice Where is the renew button")) <= words
    assert not {"arrives", "expiry"} & words  # pain points not chosen
    assert "Send the reminder by text message" not in text  # nor opportunities
    assert "Open the renewal letter" in text  # step names always
    assert "Notice arrives after the expiry date" in built.html("journeys/renewal.md")  # the map shows every lane


def test_search_lanes_index_the_texts_of_each_persona(tmp_path):
    journey = {"title": "Renewing a library card", "journey": {
        "personas": ["night-reader", "day-reader"],
        "stages": [{"name": "Reminder", "steps": [
            {"name": "Open the letter", "actions": {"night-reader": "Reads it by lamplight",
                                                    "day-reader": "Files it under bills"},
             "thoughts": {"day-reader": "Why paper again"}}]}]}}
    day = {"title": "Day reader", "persona": {"name": "Dana"}}
    built = build_site(tmp_path, {"journeys/renewal.md": page(journey), "personas/night-reader.md": page(PERSONA),
                                  "personas/day-reader.md": page(day)}, strict=True,
                       plugin_config={"today": "2026-11-22", "search_lanes": ["actions", "thoughts"]})
    assert not built.aborted, built.warnings
    words = set(tokens(indexed_text(built, "journeys/renewal/")))
    assert set(tokens("Reads it by lamplight Files it under bills Why paper again")) <= words


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


def test_search_finds_the_profile_and_headings_of_a_persona_page_not_its_listing(built):
    text = indexed_text(built, "personas/night-reader/")
    assert "I only have time after midnight" in text  # the profile
    assert "Journeys this persona walks" in text  # the heading of its cross-links
    # the journeys it walks are found on their own pages: not listed again
    assert "Renewing a library card" not in text and "Open the renewal letter" not in text
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
    # Its tables and lists of other pages are left to those pages: the journey, its steps
    # and opportunities are indexed on the journey page.
    text = indexed_text(built, "departments/front-desk/")
    assert "Front desk team" in text  # the profile
    for listed in ("Renewing a library card", "Open the renewal letter", "Send the reminder by text message"):
        assert listed not in text, listed


def test_search_finds_the_index_by_its_own_text_and_readers_get_every_row(built):
    text = indexed_text(built, "opportunities/")
    assert "Opportunities" in text  # its title and headings
    assert "Renewing a library card" not in text and "Send the reminder by text message" not in text
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


def test_the_digest_keeps_headings_and_own_text_and_leaves_out_listings_of_pages():
    from mkdocs_journeys.render.search_digest import search_digest

    html = (
        '<section><p>Profile: <strong>Li &amp; Wei</strong></p><ul><li>Plain &lt;b&gt; goal</li></ul>'
        '<!-- a comment --></section>'
        '<form hidden><label>Owner <select><option>All</option><option>Front desk</option></select></label></form>'
        '<h2 id="opps" class="x">Opportunities <span>(2)</span></h2>'
        '<table><tr><th>Title</th><th>Journey</th></tr>'
        '<tr><td><a href="../o/#a">Text the reminder</a></td><td><a href="../j/">Renewal</a></td><td>2026-12-01</td></tr>'
        '</table><p>Sorted by due date.</p><nav><a href="?page=2">2</a> <a href="../p3/">3</a></nav>'
        '<select data-filter="status"><option>Plan</option></select>'
        '<h3 id="steps">Steps</h3><ul><li><a href="../j/#jm-step-1">Renewal: Reminder / Open</a></li></ul>'
        '<p>Curve: <svg role="img"><title>Emotion</title><path d="M0 0"/></svg></p>'
    )
    assert search_digest(html) == (
        "<p>Profile: Li &amp; Wei Plain &lt;b&gt; goal</p>\n"
        '<h2 id="opps" class="x">Opportunities (2)</h2>\n'
        "<p>Sorted by due date.</p>\n"
        '<h3 id="steps">Steps</h3>\n'
        "<p>Curve:</p>"
    )


def test_the_digest_leaves_out_nested_listings_as_one_and_keeps_the_headings_they_hold():
    from mkdocs_journeys.render.search_digest import search_digest

    cards = (
        '<ul class="cards">'
        '<li><h3 id="renewal">Renewal</h3><a href="../j1/">Renewal</a><ul><li><a href="../o/#x">Text the reminder</a></li></ul></li>'
        '<li><h3>Move house</h3><p>Acts in: <a href="../j2/#jm-stage-s">Packing</a></p></li>'
        '</ul><p>After</p>'
    )
    assert search_digest(cards) == '<h3 id="renewal">Renewal</h3>\n<p>After</p>'


REPEATING = {
    "title": "Moving house",
    "journey": {
        "personas": ["night-reader"],
        "owner": "front-desk",
        "scenario": "A family moves to another town and changes every address.",
        "stages": [
            {"name": stage, "personas": ["night-reader"], "steps": [
                {"name": f"Step {number} of {len(stage)}", "owner": "front-desk", "personas": ["night-reader"],
                 "actions": ["Calls the removal company"],
                 "pain_points": [f"Waiting on hold for {stage.lower()}, again"],
                 "moments": [{"kind": "aha", "text": f"Boxes labelled by room {number}"}],
                 "touchpoints": [{"name": "Removal company hotline", "channel": "phone"}]}
                for number in range(1, 5)]}
            for stage in ("Planning", "Boxes and vans", "Settling in")
        ],
        "opportunities": [
            {"title": f"Call back instead of hold {number}", "owner": "front-desk", "kpi": "Calls answered within a day"}
            for number in range(1, 4)
        ],
    },
}


@pytest.fixture(scope="module")
def repeating(tmp_path_factory) -> Built:
    return build_site(tmp_path_factory.mktemp("repeating"), {
        "journeys/moving.md": page(REPEATING),
        "personas/night-reader.md": page(PERSONA),
        "departments/front-desk.md": page(DEPARTMENT),
    }, strict=True, plugin_config={"today": "2026-11-22", "search_lanes": [
        "actions", "touchpoints", "pain_points", "moments", "owner", "opportunities"]})


def test_each_name_and_label_is_indexed_once_per_journey(repeating):
    assert not repeating.aborted, repeating.warnings
    text = indexed_text(repeating, "journeys/moving/")
    # every step is owned by the same department and walked by the same persona; every
    # step has an aha moment and the same action and touchpoint
    for once in ("Front desk team", "Nadia Osman", "Planning", "Boxes and vans", "Settling in"):
        assert text.count(once) == 1, (once, text)
    # the other texts' words: each once (the moment label, action, touchpoint, kpi, ...)
    words = tokens(text)
    repeated = sorted({word for word in words if words.count(word) > 1})
    # only words of the headline's texts, written out: title, scenario, stage and step names,
    # opportunity titles
    journey = REPEATING["journey"]
    allowed = set(tokens(" ".join(
        [REPEATING["title"], journey["scenario"]] + [stage["name"] for stage in journey["stages"]]
        + [step["name"] for stage in journey["stages"] for step in stage["steps"]]
        + [opportunity["title"] for opportunity in journey["opportunities"]])))
    assert set(repeated) <= allowed, sorted(set(repeated) - allowed)
    # and each pain point is still found by its words
    for stage in journey["stages"]:
        for step in stage["steps"]:
            assert set(tokens(step["pain_points"][0])) <= set(words), step["pain_points"][0]


def test_a_search_result_previews_the_scenario_first(repeating):
    documents = json.loads((repeating.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    journey = next(d for d in documents if d["location"] == "journeys/moving/")
    assert journey["title"] == "Moving house"
    # Material's result shows the title, then the start of the text
    assert journey["text"].startswith("<p>A family moves to another town and changes every address.</p>"), journey["text"][:200]


def test_search_words_are_cut_and_compared_as_search_does():
    from mkdocs_journeys.render.search_words import SearchWords, search_words

    assert search_words("Check-in desk: (closed) «again»!") == ["Check", "in", "desk", "closed", "again"]
    words = SearchWords("Renewing a library card")
    assert words.note("Open the letter") == "Open the letter"
    # each text's new words, a text that adds none left out; lists and dicts (persona texts) flattened
    assert words.fragments("The LIBRARY letter, opened late;", ["late", None, "card-holder"], None,
                           {"persona": ["Holder of the card", "Queue"]}) == ["opened late", "holder", "of", "Queue"]
    assert words.fragments("Opened", "") == []
    # new words that follow each other read as written
    assert words.fragments("Eleven-field form: opened (twice) by the registration desk.") == [
        "Eleven-field form twice by registration desk"]
    # no spaces: one word, as search cuts it
    assert words.fragments("预定太难，价格不清", "预定太难，价格不清") == ["预定太难，价格不清"]
