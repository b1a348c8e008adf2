"""What issue 11 changed in the map's HTML, read from real builds: the layout option and the
page's own `hide:`, the map's controls (present but hidden without JavaScript), cards in
their step's grid track, curves with gaps where a persona does not act, series offsets and
markers, the scale in the page's language, channel names in the page's language, and the
department page's summary line and due-date order. How it all looks is measured in
tests/browser/."""

from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import build_site, page
from journey_html import EMOTION_MARKERS, column_cells, lane_row, map_table, text_of, touchpoint_details
from mkdocs_journeys.render.labels import Labels
from sample_pages import supporting_pages

JOURNEY = "journeys/trip.md"
DEPARTMENT = "departments/operations.md"
PERSONAS = {
    "personas/urban-camper.md": page({"title": "Li Wei", "persona": {"name": "Li Wei"}}),
    "personas/grandparent.md": page({"title": "Grandma", "persona": {"name": "Grandma"}}),
    "personas/teen.md": page({"title": "Teen", "persona": {"name": "Teen"}}),
}

# Two stages; the first is walked by the camper alone, the second by all three.
TRIP = {
    "personas": ["urban-camper", "grandparent", "teen"],
    "owner": "operations",
    "stages": [
        {"name": "Plan", "id": "plan", "personas": ["urban-camper"], "steps": [
            {"name": "Read guides", "id": "guides", "emotion": 1,
             "touchpoints": [{"name": "Travel site", "channel": "web"}, {"name": "Forum", "channel": "Forum"}]},
            {"name": "Book", "id": "book", "emotion": -1},
        ]},
        {"name": "Stay", "id": "stay", "steps": [
            {"name": "Arrive", "id": "arrive", "emotion": {"urban-camper": 0, "grandparent": 0, "teen": -2}},
            {"name": "Barbecue", "id": "bbq", "emotion": 2},
            {"name": "Night", "id": "night", "personas": ["teen"], "emotion": -1},
        ]},
    ],
    "opportunities": [
        {"id": "o-stage", "title": "Welcome pack", "at": "stay", "owner": "operations", "due": "2026-12-20"},
        {"id": "o-night", "title": "Quiet hours", "at": "stay/night", "owner": "operations", "due": "2026-11-01"},
        {"id": "o-book", "title": "Pay online", "at": "plan/book", "owner": "operations", "status": "do",
         "due": "2026-11-30"},
        {"id": "o-late", "title": "Better signs", "at": "stay/arrive", "owner": "operations", "due": "2026-10-01"},
        {"id": "o-done", "title": "Map in the app", "at": "plan/guides", "owner": "operations", "status": "done",
         "due": "2026-09-01"},
        {"id": "o-open", "title": "Someday", "at": "stay/bbq", "owner": "operations"},
    ],
}
TODAY = "2026-11-22"


def trip_page(**front_matter) -> str:
    return page({"title": "Trip", "journey": TRIP, **front_matter})


def build(tmp_path, pages=None, plugin_config=None, config=None):
    pages = pages or {JOURNEY: trip_page()}
    built = build_site(tmp_path, {**supporting_pages(), **PERSONAS, **pages}, strict=True,
                       plugin_config={"today": TODAY, **(plugin_config or {})}, config=config)
    assert not built.aborted, built.warnings
    return built


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(tmp_path_factory.mktemp("canvas"))


def journey_block(built, src=JOURNEY):
    return built.content(src).select_one("div.journeys.journey")


# -- layout ----------------------------------------------------------------------------------


def test_journey_pages_are_wide_by_default(built):
    assert "journeys--wide" in journey_block(built)["class"]


def test_layout_column_keeps_the_map_in_the_text_column(tmp_path):
    built = build(tmp_path, plugin_config={"layout": "column"})
    assert "journeys--wide" not in journey_block(built)["class"]


def test_a_pages_own_hide_wins_over_the_layout(tmp_path):
    built = build(tmp_path, {JOURNEY: trip_page(hide=["toc"])})
    assert "journeys--wide" not in journey_block(built)["class"]
    # Material still hides what the page asked for: its contents sidebar, not its navigation.
    soup = built.soup(JOURNEY)
    assert soup.select_one(".md-sidebar--secondary").has_attr("hidden")
    assert not soup.select_one(".md-sidebar--primary").has_attr("hidden")


def test_an_unknown_layout_is_refused_naming_the_choices(tmp_path):
    built = build_site(tmp_path, {**supporting_pages(), **PERSONAS, JOURNEY: trip_page()},
                       plugin_config={"layout": "full"})
    assert built.aborted
    message = " ".join(built.warnings)
    assert "layout" in message and "wide" in message and "column" in message, built.warnings


# -- controls ----------------------------------------------------------------------------------


def test_map_controls_are_named_buttons_hidden_until_the_script_shows_them(built):
    tools = journey_block(built).select_one("[data-journey-map-tools]")
    assert tools.has_attr("hidden")
    buttons = tools.find_all("button")
    assert [b.get("type") for b in buttons] == ["button", "button"]
    assert [text_of(b) for b in buttons] == ["Whole map", "Full screen"]
    assert all(b.get("aria-pressed") == "false" for b in buttons)


# -- opportunities under their step ------------------------------------------------------------


def test_each_card_sits_in_its_steps_track_and_stage_cards_span_the_stage(built):
    row = lane_row(map_table(journey_block(built)), "opportunities")
    cells = row.find_all("td", recursive=False)
    assert [int(td["colspan"]) for td in cells] == [2, 3]
    placed = {}
    for td in cells:
        for card in td.select("li.journeys-opportunity-card"):
            style = card.get("style", "")
            column = re.search(r"grid-column:\s*(\d+)", style)
            placed[text_of(card.select_one(".journeys-opportunity__title"))] = (
                int(column.group(1)) if column else "stage")
    assert placed == {"Pay online": 2, "Map in the app": 1, "Welcome pack": "stage", "Quiet hours": 3,
                      "Better signs": 1, "Someday": 2}
    # The whole stage's card comes first: it spans the stage above the steps' own.
    stay = cells[1].select("li.journeys-opportunity-card")
    assert "journeys-opportunity-card--stage" in stay[0]["class"]
    assert all(not card.has_attr("data-step") for card in stay[:1])
    assert [card.get("data-step") for card in stay[1:]] == ["night", "arrive", "bbq"]


# -- emotion curves ---------------------------------------------------------------------------


def markers(cell) -> list[tuple[str, float]]:
    """(series class, y in %) of each marker drawn in a cell."""
    found = []
    for use in cell.select(EMOTION_MARKERS):
        # the shape defined for the series, in its colour: #journeys-marker-N
        series = "journeys-marker--" + re.fullmatch(r"#journeys-marker-(\d)", use["xlink:href"]).group(1)
        found.append((series, float(use["y"].rstrip("%"))))
    return found


def test_a_persona_draws_no_point_where_it_does_not_act(built):
    cells = column_cells(lane_row(map_table(journey_block(built)), "emotion"), 5)
    counts = [len(markers(cell)) for cell in cells]
    # Plan: only the camper acts (stage personas); Arrive: three explicit values; Barbecue:
    # all three (no one named, the journey's three); Night: the teen alone (step personas).
    assert counts == [1, 1, 3, 3, 1]
    assert [s for s, _ in markers(cells[0])] == ["journeys-marker--0"]
    assert [s for s, _ in markers(cells[4])] == ["journeys-marker--2"]


def test_equal_values_are_drawn_apart_with_different_markers(built):
    cells = column_cells(lane_row(map_table(journey_block(built)), "emotion"), 5)
    arrive = markers(cells[2])
    camper, grandparent = arrive[0], arrive[1]  # both 0
    assert camper[0] != grandparent[0]
    assert abs(camper[1] - grandparent[1]) >= 2.5  # viewBox %, about 4-5 px on screen
    # each series' marker shape is a different symbol
    hrefs = {use.get("xlink:href") for use in cells[3].select(EMOTION_MARKERS)}
    assert len(hrefs) == 3


def test_the_scale_names_its_extremes_in_the_pages_language(tmp_path):
    built = build(tmp_path, {JOURNEY: page({"title": "Trip", "journey": {**TRIP, "language": "ms"}})})
    label = lane_row(map_table(journey_block(built)), "emotion").find("th")
    # the row's header reads as the lane's name and the legend: the scale is drawn, not spoken
    assert text_of(label) == " ".join([Labels("ms")("lane.emotion"), "Li Wei", "Grandma", "Teen"])
    words = [w["data-label"] for w in label.select(".journeys-scale__word")]
    assert words == ["Sangat positif", "Sangat negatif"]
    ticks = [t["data-label"] for t in label.select(".journeys-scale__tick")]
    assert ticks == ["+2", "+1", "0", "-1", "-2"]


# -- channels ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language, expected", [("zh", "网站"), ("de", "Web"), ("ms", "Web"), ("ja", "ウェブ")])
def test_known_channels_are_named_in_the_pages_language(tmp_path, language, expected):
    built = build(tmp_path, {JOURNEY: page({"title": "Trip", "journey": {**TRIP, "language": language}})})
    channels = [touchpoint_details(item)[0] for item in journey_block(built).select(".journeys-touchpoint")]
    # a channel the plugin does not know is shown as written
    assert channels == [expected, "Forum"]


# -- department page ----------------------------------------------------------------------------


def test_department_page_opens_with_its_description_then_the_summary(built):
    content = built.content(DEPARTMENT)
    description = content.find("p", string=re.compile("Some narrative"))
    summary = content.select_one(".journeys-department__summary")
    assert description is not None and summary is not None
    first_table = content.select_one("table")
    ordered = [tag for tag in content.find_all(True) if tag is description or tag is summary or tag is first_table]
    assert ordered == [description, summary, first_table]
    counts = {" ".join(text_of(s).split()[1:]): int(text_of(s).split()[0])
              for s in summary.select(".journeys-summary-count")}
    # open: all but the done one; overdue (before 2026-11-22, not done): Quiet hours, Better
    # signs; due from today to 30 days on: Pay online (11-30), Welcome pack (12-20)
    assert counts == {"open": 5, "overdue": 2, "due in the next 30 days": 2}


def test_department_tables_are_sorted_by_due_date(built):
    content = built.content(DEPARTMENT)
    for table in content.select("table.journeys-table"):
        dues = [row.select_one("time") for row in table.select("tbody tr")]
        dated = [date.fromisoformat(t["datetime"]) for t in dues if t is not None]
        assert dated == sorted(dated)
        # undated ones last
        assert all(t is None for t in dues[len(dated):])
    plan = content.select_one("#journeys-status-plan + .journeys-table-wrap")
    assert [text_of(row.find("td")) for row in plan.select("tbody tr")] == [
        "Better signs", "Quiet hours", "Welcome pack", "Someday"]
