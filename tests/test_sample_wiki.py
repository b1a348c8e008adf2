"""The sample wiki (mkdocs.yml at the repository root, docs in journeys/) builds with --strict,
and every journey page in it shows the map its front matter describes."""

from __future__ import annotations

import re

import pytest

from support.sample_wiki import DOCS, JOURNEYS, front_matter
from journey_html import (
    as_list,
    cell_items,
    column_cells,
    emotion_points,
    item_texts,
    lane_names,
    lane_row,
    map_table,
    stage_headers,
    step_headers,
    text_of,
)

DEFAULT_LANES = ["storyboard", "description", "actions", "touchpoints", "thoughts", "emotion", "pain_points",
                 "moments", "backstage", "evidence", "owner", "completion", "opportunities"]
STEP_FIELD_OF_LANE = {"storyboard": "image"}  # format 2: the step field a lane shows, where the names differ
CJK_RE = re.compile(r"[\u4e00-\u9fff]")




@pytest.fixture(scope="module")
def built(sample_wiki):
    return sample_wiki


def expected_lanes(journey: dict, src: str = "") -> list[str]:
    steps = [step for stage in journey["stages"] for step in stage["steps"]]
    present = {lane for lane in DEFAULT_LANES
               if any(step.get(STEP_FIELD_OF_LANE.get(lane, lane)) not in (None, [], "") for step in steps)}
    if any(step.get("feeling") for step in steps):
        present.add("emotion")
    present.discard("opportunities")
    if any(_places_here(opportunity.get("at"), src) for opportunity in journey.get("opportunities", [])):
        present.add("opportunities")
    for other in JOURNEYS:  # format 2: an opportunity of another journey placed in this one
        for opportunity in front_matter(DOCS / other)["journey"].get("opportunities", []):
            if any(place.startswith(src + "#") for place in as_list(opportunity.get("at"))):
                present.add("opportunities")
    custom = [lane["id"] for lane in journey.get("custom_lanes", [])
              if any(lane["id"] in step.get("lanes", {}) for step in steps)]
    return [lane for lane in DEFAULT_LANES if lane in present] + ["custom"] * len(custom)


def _places_here(at, src: str) -> bool:
    """An `at` (one place or a list) names a stage of its own journey."""
    return any("#" not in place and not place.endswith(".md") for place in as_list(at))


def shown_texts(value) -> list[str]:
    """The items a text lane shows for a step's field: its texts, then (format 2) each persona's."""
    if isinstance(value, dict):
        return [text for texts in value.values() for text in as_list(texts)]
    return as_list(value)


def test_the_sample_wiki_has_journeys():
    assert len(JOURNEYS) >= 7
    assert "journeys/camping-trip.md" in JOURNEYS


def test_the_sample_wiki_builds_strict_without_warnings(built):
    assert built.warnings == []
    assert (built.site_dir / "index.html").is_file()


@pytest.mark.parametrize("src", JOURNEYS)
def test_each_journey_has_its_map_with_the_lanes_it_should_have(built, src):
    journey = front_matter(DOCS / src)["journey"]
    content = built.content(src)
    assert content.select_one("div.journeys-problems") is None
    table = map_table(content)
    assert table is not None
    stages = journey["stages"]
    headers = stage_headers(table)
    assert len(headers) == len(stages)
    for header, stage in zip(headers, stages):
        assert text_of(header).startswith(stage["name"]), (text_of(header), stage["name"])
    assert [int(h.get("colspan", 1)) for h in stage_headers(table)] == [len(stage["steps"]) for stage in stages]
    steps = [step for stage in stages for step in stage["steps"]]
    for header, step in zip(step_headers(table, len(steps)), steps):
        assert text_of(header).startswith(step["name"]), (header, step["name"])
    assert lane_names(table) == expected_lanes(journey, src)
    for lane in ("actions", "thoughts", "pain_points", "backstage"):
        if lane in lane_names(table):
            cells = column_cells(lane_row(table, lane), len(steps))
            for cell in cells:  # a persona's text is labelled with the persona's name: not part of the text
                for label in cell.select(".journeys-persona-text__who"):
                    label.decompose()
            assert [item_texts(cell) for cell in cells] == [shown_texts(step.get(lane)) for step in steps], lane


def test_camping_trip_has_a_curve_per_persona(built):
    src = "journeys/camping-trip.md"
    journey = front_matter(DOCS / src)["journey"]
    steps = [step for stage in journey["stages"] for step in stage["steps"]]
    row = lane_row(map_table(built.content(src)), "emotion")
    personas = journey["personas"]
    legend = row.select(".journeys-legend__item")
    assert len(legend) == len(personas) == 2
    cells = column_cells(row, len(steps))
    for cell, step in zip(cells, steps):
        points = emotion_points(cell)
        if isinstance(step.get("emotion"), dict):
            assert len(points) == len(step["emotion"]), step["name"]
        elif step.get("emotion") is not None:
            assert len(points) >= 1, step["name"]
    # Where the two personas feel differently, the two points are at different heights.
    differing = [i for i, step in enumerate(steps)
                 if isinstance(step.get("emotion"), dict) and len(set(step["emotion"].values())) == 2]
    assert differing
    for index in differing:
        assert len(set(emotion_points(cells[index]).values())) == 2


def test_camping_trip_shows_aha_and_micro_moments(built):
    src = "journeys/camping-trip.md"
    journey = front_matter(DOCS / src)["journey"]
    steps = [step for stage in journey["stages"] for step in stage["steps"]]
    cells = column_cells(lane_row(map_table(built.content(src)), "moments"), len(steps))
    for cell, step in zip(cells, steps):
        moments = step.get("moments", [])
        items = cell_items(cell)
        assert len(items) == len(moments)
        for li, moment in zip(items, moments):
            assert text_of(li).endswith(moment["text"])
            assert f"journeys-moment--{moment['kind']}" in li.get("class", [])
    kinds = {m["kind"] for step in steps for m in step.get("moments", [])}
    assert kinds == {"aha", "micro"}


def test_camping_trip_labels_are_chinese(built):
    table = map_table(built.content("journeys/camping-trip.md"))
    labels = [text_of(row.th) for row in table.select("tbody > tr")]
    assert labels and all(CJK_RE.search(label) for label in labels), labels


def test_pembelian_dalam_talian_has_completion_on_every_step(built):
    src = "journeys/pembelian-dalam-talian.md"
    journey = front_matter(DOCS / src)["journey"]
    steps = [step for stage in journey["stages"] for step in stage["steps"]]
    assert all(step.get("completion") is not None for step in steps)
    cells = column_cells(lane_row(map_table(built.content(src)), "completion"), len(steps))
    for cell, step in zip(cells, steps):
        expected = round(step["completion"] * 100)
        assert re.search(rf"(?<![\d.]){expected}\s*%", text_of(cell)), (step["name"], text_of(cell))


def test_pembelian_dalam_talian_labels_are_malay(built):
    table = map_table(built.content("journeys/pembelian-dalam-talian.md"))
    labels = {text_of(row.th) for row in table.select("tbody > tr")}
    assert labels.isdisjoint({"Actions", "Touchpoints", "Thoughts", "Emotion", "Completion", "Opportunities"})


@pytest.mark.parametrize("src, language", [("journeys/camping-trip.md", "zh"),
                                           ("journeys/pembelian-dalam-talian.md", "ms"),
                                           ("journeys/hotel-checkout.md", None)])
def test_a_map_in_another_language_than_the_site_says_so(built, src, language):
    # screen readers read it in its own voice; browsers hyphenate it by its own rules
    html_lang = built.soup(src).html["lang"]
    assert html_lang == "en"
    assert built.content(src).select_one("div.journeys.journey").get("lang") == language


def test_hotel_checkout_map_is_at_its_marker_after_the_intro(built):
    content = built.content("journeys/hotel-checkout.md")
    table = map_table(content)
    container = table.find_parent("div", class_="journeys")
    assert container is not None and container.parent is content
    before = container.find_previous_sibling("p")
    after = container.find_next_sibling("p")
    assert text_of(before).startswith("The hotel used a journey map")
    assert text_of(after).startswith("Two moments from the stay")
    assert "journey:map" not in str(content)


@pytest.mark.parametrize("src", [s for s in JOURNEYS if "<!-- journey:map -->" not in (DOCS / s).read_text(encoding="utf-8")])
def test_journeys_without_a_marker_have_the_map_under_the_title(built, src):
    content = built.content(src)
    h1 = content.find("h1")
    container = h1.find_next_sibling()
    assert map_table(container) is not None
