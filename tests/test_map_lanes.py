"""The swimlane map of a journey page: every lane shows what the front matter says, in order.

One small site is built (strict) for the whole module; each test reads one aspect of the
HTML and compares it with the front matter written below.
"""

from __future__ import annotations

import re

import pytest

from conftest import build_site, page
from journey_html import (
    as_list,
    assert_link_to_page,
    cell_items,
    column_cells,
    emotion_points,
    icon_svg,
    item_texts,
    lane_names,
    lane_row,
    lane_rows,
    map_table,
    resolve_href,
    series_class,
    stage_headers,
    step_headers,
    text_of,
    visible_text,
)

MAIN = "journeys/camping.md"
SPARSE = "journeys/sparse.md"
FAMILY = "journeys/family.md"
PLACED = "journeys/placed.md"
H1_BODY = "journeys/h1-body.md"

STAGES = [
    {
        "name": "Discover",
        "id": "discover",
        "icon": "material/compass-outline",
        "steps": [
            {
                "name": "Search the web",
                "id": "search",
                "actions": ["Types 'campsite near me'", "Opens three tabs"],
                "thoughts": "So many choices",
                "emotion": 1,
                "touchpoints": [
                    {"name": "Search results", "channel": "web", "kind": "pre"},
                    {"name": "A friend's tip", "channel": "carrier pigeon", "kind": "untouched"},
                ],
                "pain_points": ["Prices are hidden"],
                "moments": [{"kind": "aha", "text": "Finds a site by a river"}],
                "backstage": ["An agency buys search ads"],
                "owner": "marketing",
                "completion": 1.0,
            },
            {
                "name": "Compare sites",
                "id": "compare",
                "actions": "Reads reviews",
                "emotion": 0,
                "touchpoints": [{"name": "Review site", "channel": "partner", "kind": "first", "key": True}],
                "completion": 0.64,
            },
        ],
    },
    {
        "name": "Book",
        "id": "book",
        "steps": [
            {
                "name": "Phone the owner",
                "id": "call",
                "actions": "Calls the owner",
                "thoughts": ["Will anyone answer?", "No written confirmation"],
                "emotion": -1,
                "touchpoints": [{"name": "Owner's phone", "channel": "phone", "kind": "core", "key": True}],
                "moments": [{"kind": "micro", "text": "Waits on hold for ten minutes"}],
                "backstage": ["The owner writes bookings in a notebook"],
                "owner": "operations",
                "completion": 0.5,
                "truth": True,
            },
        ],
    },
    {
        "name": "Stay",
        "id": "stay",
        "steps": [
            {
                "name": "Arrive",
                "id": "arrive",
                "actions": "Drives in",
                "emotion": -2,
                "pain_points": ["No signs at the turn-off", "Traffic in the valley"],
                "completion": 0.45,
            },
            {"name": "Sleep in the tent", "id": "sleep", "thoughts": "Listen to the river"},
            {
                "name": "Leave",
                "id": "leave",
                "actions": "Pays and leaves",
                "emotion": 2,
                "owner": "operations",
                "completion": 0.4,
                "backstage": ["Deposits are reconciled by hand"],
            },
        ],
    },
]

OPPORTUNITIES = [
    {"title": "Signs at the turn-off", "id": "signs", "at": "stay/arrive", "owner": "operations", "status": "do"},
    {"title": "Online booking form", "id": "booking-form", "at": "book", "owner": "marketing", "status": "plan"},
    {"title": "Honest photos", "id": "photos", "at": "discover/search", "owner": "marketing", "status": "done"},
    {"title": "Loyalty programme", "id": "loyalty", "owner": "marketing", "status": "check"},
]

JOURNEY = {
    "type": "purchase",
    "scope": "full",
    "personas": ["urban-camper"],
    "owner": "operations",
    "reviewed": "2026-09-01",
    "sources": ["research.md", "https://example.org/survey"],
    "scenario": "Two families plan a weekend at a mountain campsite.",
    "goals": ["Relax with the children", "Take good photos"],
    "expectations": ["Easy booking", "A clean site with power"],
    "metrics": {"nps": -18, "ces": 5.2, "csat": 64},
    "stages": STAGES,
    "opportunities": OPPORTUNITIES,
}

SPARSE_JOURNEY = {
    "personas": ["urban-camper"],
    "stages": [
        {"name": "Only", "id": "only", "steps": [
            {"name": "First", "id": "first", "actions": "Does a thing", "emotion": 1},
            {"name": "Second", "id": "second", "thoughts": "Thinks a thing"},
        ]},
    ],
}

# Per-persona emotions: a step with one value for all, one with only one persona's value.
FAMILY_JOURNEY = {
    "personas": ["urban-camper", "grandparent"],
    "stages": [
        {"name": "Camp", "id": "camp", "steps": [
            {"name": "Drive in", "id": "drive", "emotion": {"urban-camper": -2, "grandparent": 1}},
            {"name": "Pitch", "id": "pitch", "emotion": 2},
            {"name": "Barbecue", "id": "bbq", "emotion": {"urban-camper": 0, "grandparent": -1}},
            {"name": "Storm", "id": "storm", "emotion": {"grandparent": -2}},
            {"name": "Leave", "id": "leave", "emotion": {"urban-camper": 1, "grandparent": 2}},
        ]},
    ],
}
FAMILY_PERSONAS = ["urban-camper", "grandparent"]

PERSONA_NAMES = {"urban-camper": "Li Wei", "grandparent": "Grandma Wu"}
DEPARTMENT_NAMES = {"operations": "Campsite operations", "marketing": "Marketing and sales"}
DEPARTMENT_PAGES = {key: f"departments/{key}.md" for key in DEPARTMENT_NAMES}

STEPS = [step for stage in STAGES for step in stage["steps"]]
ALL_LANES = ["actions", "touchpoints", "thoughts", "emotion", "pain_points", "moments",
             "backstage", "owner", "completion", "opportunities"]


def pages() -> dict[str, str]:
    result = {
        MAIN: page({"title": "Weekend camping trip", "journey": JOURNEY}, "The story of the trip.\n"),
        SPARSE: page({"title": "Sparse trip", "journey": SPARSE_JOURNEY}),
        FAMILY: page({"title": "Family trip", "journey": FAMILY_JOURNEY}),
        PLACED: page({"title": "Placed trip", "journey": SPARSE_JOURNEY},
                     "Intro paragraph before the map.\n\n<!-- journey:map -->\n\nClosing paragraph after the map.\n"),
        H1_BODY: page({"journey": SPARSE_JOURNEY}, "# Heading from the body\n\nText under the heading.\n"),
        "research.md": "# Research\n\nInterviews.\n",
    }
    for persona_id, name in PERSONA_NAMES.items():
        result[f"personas/{persona_id}.md"] = page({"persona": {"name": name, "segment": "current"}})
    for department_id, name in DEPARTMENT_NAMES.items():
        result[DEPARTMENT_PAGES[department_id]] = page({"department": {"name": name}})
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("lanes"), pages(), strict=True)
    assert not result.aborted, result.warnings
    return result


@pytest.fixture(scope="module")
def table(built):
    found = map_table(built.content(MAIN))
    assert found is not None
    return found


def test_a_valid_site_builds_strict_without_warnings(built):
    assert not built.aborted
    assert [w for w in built.warnings if "journey" in w.lower()] == []


# -- placement ---------------------------------------------------------------------------


def test_the_map_is_right_under_the_page_title(built):
    content = built.content(MAIN)
    children = [child for child in content.children if getattr(child, "name", None)]
    h1_index = next(i for i, child in enumerate(children) if child.name == "h1")
    assert text_of(children[h1_index]).startswith("Weekend camping trip")
    following = children[h1_index + 1]
    assert following.select_one("section.journey-summary") is not None
    assert map_table(following) is not None
    # The narrative comes after the map.
    narrative = content.find(string=re.compile("The story of the trip"))
    assert narrative is not None
    assert following in narrative.find_parents()[0].find_all_previous()


def test_the_map_goes_under_an_h1_written_in_the_body(built):
    content = built.content(H1_BODY)
    headings = content.find_all("h1")
    assert len(headings) == 1
    assert text_of(headings[0]).startswith("Heading from the body")
    nxt = headings[0].find_next_sibling()
    assert map_table(nxt) is not None


def test_the_map_goes_where_the_marker_line_is(built):
    content = built.content(PLACED)
    intro = content.find(string=re.compile("Intro paragraph before the map")).find_parent("p")
    closing = content.find(string=re.compile("Closing paragraph after the map")).find_parent("p")
    table = map_table(content)
    assert table is not None
    assert intro in table.find_all_previous("p")
    assert closing in table.find_all_next("p")
    assert "journey:map" not in content.get_text()


# -- header block ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def summary(built):
    found = built.content(MAIN).select_one("section.journey-summary")
    assert found is not None
    return found


def test_summary_shows_type_scope_and_scenario(summary):
    text = text_of(summary).lower()
    assert "purchase" in text
    assert "full" in text
    assert JOURNEY["scenario"] in text_of(summary)


@pytest.mark.parametrize("key", ["goals", "expectations"])
def test_summary_lists_goals_and_expectations(summary, key):
    found = [li for li in (text_of(li) for li in summary.find_all("li"))]
    positions = [found.index(item) for item in JOURNEY[key]]
    assert positions == sorted(positions)


def test_summary_persona_chips_link_to_persona_pages(built, summary):
    link = summary.find("a", string=re.compile(PERSONA_NAMES["urban-camper"]))
    assert_link_to_page(built, MAIN, link, "personas/urban-camper.md")


def test_summary_links_the_owning_department(built, summary):
    link = summary.find("a", string=re.compile(DEPARTMENT_NAMES["operations"]))
    assert_link_to_page(built, MAIN, link, DEPARTMENT_PAGES["operations"])


def test_summary_shows_metrics(summary):
    text = text_of(summary)
    assert re.search(r"NPS\W+-18\b", text), text
    assert re.search(r"CES\W+5\.2\b", text), text
    assert re.search(r"CSAT\W+64\s*%", text), text


def test_summary_shows_reviewed_date(summary):
    assert "2026-09-01" in text_of(summary)


def test_summary_links_sources(built, summary):
    research = built.output_path("research.md").resolve()
    targets = [resolve_href(built, MAIN, a["href"]) for a in summary.find_all("a", href=True)]
    assert research in targets
    web_link = summary.find("a", href="https://example.org/survey")
    assert web_link is not None


# -- columns -----------------------------------------------------------------------------


def test_stage_headers_in_order_spanning_their_steps(table):
    headers = stage_headers(table)
    assert [text_of(h) for h in headers] == [stage["name"] for stage in STAGES]
    assert [int(h.get("colspan", 1)) for h in headers] == [len(stage["steps"]) for stage in STAGES]


def test_stage_icon_is_drawn_on_its_header(table):
    headers = stage_headers(table)
    # Discover has material/compass-outline, drawn by the stylesheet from the map's icons
    compass = icon_svg(headers[0].select_one(".journey-map__stage-name"))
    assert compass is not None and "<path" in compass
    assert icon_svg(headers[1].select_one(".journey-map__stage-name")) is None
    assert headers[1].find("svg") is None


def test_step_headers_in_order(table):
    headers = step_headers(table, len(STEPS))
    for header, step in zip(headers, STEPS):
        assert text_of(header).startswith(step["name"])


def test_every_lane_row_covers_every_step_column(table):
    for lane, row in lane_rows(table):
        column_cells(row, len(STEPS))


# -- lanes -------------------------------------------------------------------------------


def test_all_lanes_with_data_in_the_default_order(table):
    assert lane_names(table) == ALL_LANES


def test_lane_labels_in_english(table):
    labels = [visible_text(row.find("th", attrs={"scope": "row"})) for _, row in lane_rows(table)]
    assert labels == ["Actions", "Touchpoints", "Thoughts", "Emotion", "Pain points", "Moments",
                      "Backstage", "Owner", "Completion", "Opportunities"]


def test_lanes_without_data_are_left_out(built):
    table = map_table(built.content(SPARSE))
    assert lane_names(table) == ["actions", "thoughts", "emotion"]


@pytest.mark.parametrize("lane", ["actions", "thoughts", "pain_points", "backstage"])
def test_text_lanes_show_each_steps_items_in_order(table, lane):
    cells = column_cells(lane_row(table, lane), len(STEPS))
    for cell, step in zip(cells, STEPS):
        assert item_texts(cell) == as_list(step.get(lane)), step["name"]


def test_touchpoints_lane(table):
    cells = column_cells(lane_row(table, "touchpoints"), len(STEPS))
    for cell, step in zip(cells, STEPS):
        items = cell_items(cell)
        touchpoints = step.get("touchpoints", [])
        assert len(items) == len(touchpoints), step["name"]
        for li, touchpoint in zip(items, touchpoints):
            text = text_of(li)
            assert text.startswith(touchpoint["name"])
            assert touchpoint["channel"] in text
            classes = " ".join(li.get("class", []))
            assert f"journeys-touchpoint--{touchpoint['kind']}" in classes
            assert ("key" in classes or "★" in text) == bool(touchpoint.get("key"))
            has_icon = icon_svg(li) is not None
            assert has_icon == (touchpoint["channel"] in ("web", "partner", "phone")), touchpoint


def test_touchpoint_kinds_are_shown_distinctly(table):
    cells = column_cells(lane_row(table, "touchpoints"), len(STEPS))
    seen: dict[str, tuple[str, str]] = {}
    for cell, step in zip(cells, STEPS):
        items = cell_items(cell)
        for li, touchpoint in zip(items, step.get("touchpoints", [])):
            label = text_of(li).replace(touchpoint["name"], "").replace(touchpoint["channel"], "")
            label = label.replace("★", "").replace("Key touchpoint", "").strip()
            assert label, f"no kind label for {touchpoint}"
            seen[touchpoint["kind"]] = (label, f"journeys-touchpoint--{touchpoint['kind']}")
    assert set(seen) == {"pre", "first", "core", "untouched"}
    assert len({label for label, _ in seen.values()}) == 4, seen


def test_key_touchpoints_are_marked(table):
    cells = column_cells(lane_row(table, "touchpoints"), len(STEPS))
    names = [tp["name"] for step in STEPS for tp in step.get("touchpoints", [])]
    marked = []
    for cell in cells:
        for li in cell_items(cell):
            if "journeys-touchpoint--key" in li.get("class", []):
                marked.extend(name for name in names if text_of(li).startswith(name))
    expected = [tp["name"] for step in STEPS for tp in step.get("touchpoints", []) if tp.get("key")]
    assert marked == expected


def test_emotion_lane_draws_one_curve_through_the_steps(table):
    row = lane_row(table, "emotion")
    cells = column_cells(row, len(STEPS))
    ys: dict[int, float] = {}
    for cell, step in zip(cells, STEPS):
        points = emotion_points(cell)
        if "emotion" not in step:
            assert points == {}, step["name"]
            continue
        assert cell.find("svg") is not None
        assert len(points) == 1, (step["name"], points)
        y = next(iter(points.values()))
        assert ys.setdefault(step["emotion"], y) == y
    # Higher emotion is drawn higher (smaller y), for every pair of values.
    values = sorted(ys)
    assert [ys[v] for v in values] == sorted(ys.values(), reverse=True)
    assert len(set(ys.values())) == len(ys)


def test_moments_lane_distinguishes_aha_and_micro(table):
    cells = column_cells(lane_row(table, "moments"), len(STEPS))
    found = {}
    for cell, step in zip(cells, STEPS):
        items = cell_items(cell)
        moments = step.get("moments", [])
        assert len(items) == len(moments), step["name"]
        for li, moment in zip(items, moments):
            text = text_of(li)
            assert text.endswith(moment["text"])
            assert f"journeys-moment--{moment['kind']}" in li.get("class", [])
            found[moment["kind"]] = text[: -len(moment["text"])].strip()
    assert found["aha"] and found["micro"] and found["aha"] != found["micro"]
    assert "aha" in found["aha"].lower() and "micro" in found["micro"].lower()


def test_moment_of_truth_is_marked_on_its_step_header(table):
    headers = step_headers(table, len(STEPS))
    for header, step in zip(headers, STEPS):
        marked = "moment of truth" in text_of(header).lower()
        classes = " ".join(c for tag in [header, *header.find_all(True)] for c in tag.get("class", []))
        assert marked == bool(step.get("truth")), step["name"]
        assert ("truth" in classes) == bool(step.get("truth")), step["name"]


def test_owner_lane_links_each_steps_department(built, table):
    cells = column_cells(lane_row(table, "owner"), len(STEPS))
    for cell, step in zip(cells, STEPS):
        owner = step.get("owner")
        if owner is None:
            assert text_of(cell) == ""
            continue
        link = cell.find("a")
        assert text_of(link) == DEPARTMENT_NAMES[owner]
        assert_link_to_page(built, MAIN, link, DEPARTMENT_PAGES[owner])


def test_completion_lane_shows_percentages(table):
    cells = column_cells(lane_row(table, "completion"), len(STEPS))
    for cell, step in zip(cells, STEPS):
        completion = step.get("completion")
        if completion is None:
            assert not re.search(r"\d", text_of(cell)), step["name"]
            continue
        expected = round(completion * 100)
        assert re.search(rf"(?<![\d.]){expected}\s*%", text_of(cell)), (step["name"], text_of(cell))


def test_opportunities_are_placed_under_their_stage(built, table):
    row = lane_row(table, "opportunities")
    cells = column_cells(row, len(STEPS))
    stage_of_column = [stage["id"] for stage in STAGES for _ in stage["steps"]]
    for cell, stage_id in zip(cells, stage_of_column):
        text = text_of(cell)
        for opportunity in OPPORTUNITIES:
            placed_here = (opportunity.get("at") or "").split("/")[0] == stage_id
            assert (opportunity["title"] in text) == placed_here, (opportunity["title"], stage_id)


@pytest.mark.parametrize("opportunity", [o for o in OPPORTUNITIES if o.get("at")], ids=lambda o: o["id"])
def test_each_opportunity_shows_status_and_owner(built, table, opportunity):
    row = lane_row(table, "opportunities")
    item = row.find(string=re.compile(re.escape(opportunity["title"]))).find_parent("li")
    text = text_of(item)
    assert re.search(rf"\b{opportunity['status']}\b", text, re.I), text
    link = item.find("a", string=re.compile(DEPARTMENT_NAMES[opportunity["owner"]]))
    assert_link_to_page(built, MAIN, link, DEPARTMENT_PAGES[opportunity["owner"]])


def test_an_opportunity_without_a_place_is_still_shown(built, table):
    assert "Loyalty programme" not in text_of(table)
    assert "Loyalty programme" in text_of(built.content(MAIN))


# -- per-persona curves --------------------------------------------------------------------


@pytest.fixture(scope="module")
def family_emotion(built):
    table = map_table(built.content(FAMILY))
    return lane_row(table, "emotion")


def test_per_persona_emotions_have_a_legend_with_each_persona(family_emotion):
    items = family_emotion.select(".journeys-legend__item")
    assert [text_of(item) for item in items] == [PERSONA_NAMES[p] for p in FAMILY_PERSONAS]


def test_per_persona_emotions_draw_one_curve_per_persona(family_emotion):
    steps = FAMILY_JOURNEY["stages"][0]["steps"]
    items = family_emotion.select(".journeys-legend__item")
    series = {persona: series_class(item.select_one("path")) for persona, item in zip(FAMILY_PERSONAS, items)}
    assert len(set(series.values())) == len(FAMILY_PERSONAS)
    cells = column_cells(family_emotion, len(steps))
    # each persona's curve draws a value at one height, a few units off the other personas'
    # (ties stay apart), and always nearer that value's height than any other value's
    y_of: dict[tuple[str, int], float] = {}
    for cell, step in zip(cells, steps):
        emotion = step["emotion"]
        expected = emotion if isinstance(emotion, dict) else {p: emotion for p in FAMILY_PERSONAS}
        points = emotion_points(cell)
        assert set(points) == {series[p] for p in expected}, (step["name"], points)
        assert len(cell.select("svg")) >= 1
        for persona, value in expected.items():
            y = points[series[persona]]
            assert y_of.setdefault((persona, value), y) == y, (step["name"], persona)
    values = sorted({value for _, value in y_of})
    assert len(values) >= 3
    for persona in FAMILY_PERSONAS:
        ordered = [y_of[(persona, v)] for v in values if (persona, v) in y_of]
        assert ordered == sorted(ordered, reverse=True) and len(set(ordered)) == len(ordered), persona
    for value in values:
        heights = [y for (_, v), y in y_of.items() if v == value]
        others = [y for (_, v), y in y_of.items() if v != value]
        spread = max(heights) - min(heights)
        assert spread < min(abs(y - h) for y in others for h in heights), value


def test_a_single_emotion_curve_has_no_persona_legend(table):
    row = lane_row(table, "emotion")
    assert row.select(".journeys-legend__item") == []


# -- links ---------------------------------------------------------------------------------


def test_every_relative_link_in_the_map_resolves(built):
    for src in (MAIN, FAMILY, SPARSE):
        journey = built.content(src).select_one("div.journeys")
        for anchor in journey.find_all("a", href=True):
            target = resolve_href(built, src, anchor["href"].split("#")[0])
            if target is not None:
                assert target.is_file(), (src, anchor["href"])
