"""Issue 11 item 5, forgiving previews: without --strict a page with problems shows every
valid part of its map under the problem panel, its faulty values marked in place; only a
page whose structure cannot be read shows the panel alone; --strict still fails."""

from __future__ import annotations

import pytest

from conftest import build_site, page
from journey_html import EMOTION_VALUES, column_cells, emotion_points, lane_names, lane_row, map_table, text_of
from sample_pages import journey_data, journey_page, supporting_pages

BAD = "journeys/bad.md"


def bad_page(change) -> str:
    data = journey_data()
    change(data)
    return page({"title": "Broken trip", "journey": data})


def build_both(tmp_path, text: str):
    pages = {**supporting_pages(), BAD: text}
    strict = build_site(tmp_path / "strict", pages, strict=True)
    loose = build_site(tmp_path / "loose", pages)
    assert strict.aborted, "--strict still fails"
    assert not loose.aborted
    return loose.content(BAD)


def panel_above_map(content):
    panel = content.select_one("div.journeys-problems")
    table = map_table(content)
    assert panel is not None, "no problem panel"
    assert table is not None, "the map is gone"
    assert table in panel.find_all_next("table"), "the panel must stand above the map"
    return panel, table


def test_an_emotion_out_of_range_leaves_a_marked_gap_and_keeps_the_rest(tmp_path):
    content = build_both(tmp_path, bad_page(lambda d: d["stages"][0]["steps"][0].update(emotion=3)))
    panel, table = panel_above_map(content)
    assert "journey.stages[0].steps[0].emotion" in text_of(panel)
    first, second = column_cells(lane_row(table, "emotion"), 2)
    assert emotion_points(first) == {}, "no point is drawn for the faulty value"
    assert text_of(first.select_one(".journeys-invalid")) == "invalid value"
    assert emotion_points(second), "the valid value keeps its point"
    assert first.select_one(EMOTION_VALUES) is None
    # every other lane of the step is still drawn
    for lane in ("actions", "touchpoints", "thoughts", "pain_points", "moments", "backstage", "owner",
                 "completion", "opportunities"):
        assert lane in lane_names(table), lane
    assert "Browses posts" in text_of(column_cells(lane_row(table, "actions"), 2)[0])


def test_a_faulty_text_is_marked_in_its_own_lane(tmp_path):
    content = build_both(tmp_path, bad_page(lambda d: d["stages"][1]["steps"][0].update(pain_points=[{"a": 1}])))
    _, table = panel_above_map(content)
    first, second = column_cells(lane_row(table, "pain_points"), 2)
    assert text_of(second.select_one(".journeys-invalid")) == "invalid value"
    assert "Photos look better than reality" in text_of(first)


def test_a_step_without_a_name_drops_only_that_column(tmp_path):
    def change(data):
        data["stages"][0]["steps"].append({"actions": "Nameless"})
    content = build_both(tmp_path, bad_page(change))
    _, table = panel_above_map(content)
    assert "Nameless" not in text_of(table)
    assert "Read online guides" in text_of(table) and "Find the site" in text_of(table)


def test_an_only_emotion_that_is_faulty_still_shows_the_lane_with_its_mark(tmp_path):
    def change(data):
        data["stages"][0]["steps"][0]["emotion"] = "happy"
        del data["stages"][1]["steps"][0]["emotion"]
    content = build_both(tmp_path, bad_page(change))
    _, table = panel_above_map(content)
    first, _ = column_cells(lane_row(table, "emotion"), 2)
    assert text_of(first.select_one(".journeys-invalid")) == "invalid value"


@pytest.mark.parametrize("text", [
    journey_page(title="Broken trip").replace("  scope: key\n", "  scope: key\n   bad: [\n"),
    bad_page(lambda d: d.pop("stages")),
    bad_page(lambda d: d.update(stages=[])),
    bad_page(lambda d: d.update(stages=[{"name": "Only", "steps": []}])),
], ids=["yaml-does-not-parse", "no-stages", "empty-stages", "no-readable-step"])
def test_an_unreadable_structure_shows_the_panel_alone(tmp_path, text):
    content = build_both(tmp_path, text)
    assert content.select_one("div.journeys-problems") is not None
    assert map_table(content) is None
