"""Issue 12, format 2: every new field read, validated, drawn and linked both ways.

One site written to "Additions of format 2" (tests/format2_pages.py) is built with
--strict and its HTML read back; then each new rule is broken once: --strict fails naming
the file, line and field, and a build without it shows the problem panel above the rest
of the map.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any

import pytest

from support.building import build_site, page
from support.serve_rebuilds import serve_build, write_served_site
from format2_pages import CURRENT, FUTURE, OTHER, RESEARCH, SUB, current_data, format2_pages
from journey_html import (
    EMOTION_CURVE,
    EMOTION_MARKERS,
    assert_link_to_page,
    column_cells,
    emotion_points,
    lane_names,
    lane_row,
    map_table,
    resolve_href,
    stage_headers,
    step_headers,
    text_of,
)

COLUMNS = 4  # Find the site, Get into car, Pitch the tent | Get into car


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("format2"), format2_pages(), strict=True)
    assert not result.aborted, result.warnings
    assert result.warnings == []
    return result


def current_map(built):
    table = map_table(built.content(CURRENT))
    assert table is not None
    return table


# -- relaxed ids and emotions --------------------------------------------------------------


def test_repeated_names_get_numbered_ids_in_order_of_appearance(built):
    table = current_map(built)
    assert [th["id"] for th in stage_headers(table)] == ["jm-stage-arrival", "jm-stage-arrival-2"]
    assert [th["id"] for th in step_headers(table, COLUMNS)] == [
        "jm-step-find-the-site", "jm-step-get-into-car", "jm-step-pitch-the-tent", "jm-step-get-into-car-2"]
    records = json.loads((built.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    same = [r for r in records if r["title"] == "Same title"]
    assert [r["id"] for r in same] == ["same-title", "same-title-2"]
    assert [r["at"] for r in same] == ["arrival-2", "arrival"]


def test_an_explicit_step_id_may_repeat_in_another_stage(tmp_path):
    """Step ids are unique within their stage: two stages may each have a step `get-into-car`;
    `at` names either through its stage, and each column keeps its own anchor."""
    data = {"type": "purchase", "personas": ["urban-camper"], "stages": [
        {"name": "Leave home", "id": "leave", "steps": [{"name": "Get into car", "id": "get-into-car"}]},
        {"name": "Drive back", "id": "back", "steps": [{"name": "Get into car", "id": "get-into-car"},
                                                        {"name": "Unpack", "id": "unpack"}]},
    ], "opportunities": [{"title": "Charge the car overnight", "at": "back/get-into-car", "owner": "operations"}]}
    pages = {"journeys/drive.md": page({"title": "Drive", "journey": data}),
             "personas/urban-camper.md": page({"persona": {"name": "Li Wei"}}),
             "departments/operations.md": page({"department": {"name": "Operations"}})}
    result = build_site(tmp_path, pages, strict=True)
    assert not result.aborted, result.warnings
    assert result.warnings == []
    table = map_table(result.content("journeys/drive.md"))
    assert [th["id"] for th in step_headers(table, 3)] == [
        "jm-step-get-into-car", "jm-step-back/get-into-car", "jm-step-unpack"]
    index = result.content("opportunities/index.md")
    link = next(a for a in index.select("a[href]") if "jm-step-" in a["href"])
    assert link["href"].endswith("#jm-step-back/get-into-car")


def test_decimal_emotions_are_drawn_at_their_height(built):
    cells = column_cells(lane_row(current_map(built), "emotion"), COLUMNS)
    first, second = emotion_points(cells[0]), emotion_points(cells[1])
    # -1.5 lies between -1 and -2, +0.5 between 0 and +1 (y grows downwards)
    # the zero line of the grid every cell draws (<use>), defined once per map
    zero = float(re.fullmatch(r"M0 ([\d.]+)H100", built.content(CURRENT).select_one(
        "#journeys-grid .journeys-emotion__zero")["d"]).group(1))
    assert cells[0].select_one(EMOTION_CURVE + ' > use[xlink\\:href="#journeys-grid"]') is not None
    assert all(y > zero for y in first.values()) and all(y < zero for y in second.values())
    assert "-1.5" in text_of(cells[0]) and "+0.5" in text_of(cells[1])
    assert "+1.5" in text_of(cells[3])


# -- the new lanes -------------------------------------------------------------------------


def test_new_lanes_come_in_the_default_order_with_custom_lanes_last(built):
    lanes = lane_names(current_map(built))
    assert lanes[:2] == ["storyboard", "description"]
    assert lanes.index("evidence") > lanes.index("emotion")
    assert lanes[-1] == "custom"
    custom = lane_row(current_map(built), "custom")
    assert custom["data-lane"] == "location"
    assert text_of(custom.find("th")) == "Where"
    assert text_of(column_cells(custom, COLUMNS)[0]) == "Forest road"


def test_stage_and_step_descriptions(built):
    table = current_map(built)
    assert "From the motorway exit to a pitched tent." in text_of(stage_headers(table)[0])
    cells = column_cells(lane_row(table, "description"), COLUMNS)
    assert text_of(cells[0]) == "The family follows the phone map into the valley."
    assert text_of(cells[1]) == ""


def test_storyboard_pictures_are_lazy_with_alt_text_and_only_site_files_or_http(built):
    cells = column_cells(lane_row(current_map(built), "storyboard"), COLUMNS)
    own, none, remote, _ = (cell.find("img") for cell in cells)
    assert own["alt"] == "Unmarked turn-off in the forest" and own["loading"] == "lazy"
    target = resolve_href(built, CURRENT, own["src"])
    assert target is not None and target.is_file() and target.read_text().startswith("<svg")
    assert none is None
    assert remote["src"] == "https://example.org/tent.png" and remote["alt"] == "Pitch the tent"


def test_feeling_words_stand_at_the_curve_point(built):
    cells = column_cells(lane_row(current_map(built), "emotion"), COLUMNS)
    feeling = cells[0].select_one(".journeys-emotion__feeling")
    assert text_of(feeling) == "Anxious"
    # the word's y (in the curve's viewBox) is that of the highest point as drawn: the marker,
    # which carries its series' offset
    top = float(re.search(r"--journeys-point-y:\s*([\d.]+)", feeling["style"]).group(1))
    markers = [float(use["y"].rstrip("%")) for use in cells[0].select(EMOTION_MARKERS)]
    assert markers and abs(top - min(markers)) < 0.1
    assert abs(min(markers) - min(emotion_points(cells[0]).values())) <= 5  # the curve's point, give or take an offset
    assert text_of(cells[2].select_one(".journeys-emotion__feeling")) == "Relieved"


def test_per_persona_texts_are_labelled_with_name_and_curve_colour(built):
    table = current_map(built)
    legend = {text_of(item): item.select_one("path")["class"][-1].rsplit("--", 1)[1]
              for item in lane_row(table, "emotion").select(".journeys-legend__item")}
    actions = column_cells(lane_row(table, "actions"), COLUMNS)[0].select("li.journeys-persona-text")
    assert [text_of(li) for li in actions] == ["Li Wei Drives and looks for signs", 'Mei Asks "are we there yet?"']
    for li in actions:
        name = text_of(li.select_one(".journeys-persona-text__who"))
        assert f"journeys-persona-text--{legend[name]}" in li["class"], (name, li["class"])
    assert len({tuple(li["class"]) for li in actions}) == 2  # two personas, two colours
    thoughts = column_cells(lane_row(table, "thoughts"), COLUMNS)[0]
    assert text_of(thoughts) == "Li Wei Did we miss the turn?"


def test_evidence_links_per_step_and_cited_by_back(built):
    cell = column_cells(lane_row(current_map(built), "evidence"), COLUMNS)[0]
    links = cell.select("a")
    assert [text_of(a) for a in links] == ["Camping interviews", "https://example.org/survey"]
    assert links[0]["href"].endswith("#arrival")
    assert_link_to_page(built, CURRENT, links[0], RESEARCH)
    cited = built.content(RESEARCH).select_one(".journeys-cited-by")
    assert cited is not None
    back = cited.select("a")
    assert len(back) == 1 and text_of(back[0]) == "Camping today › Arrival › Find the site"
    assert back[0]["href"].endswith("#jm-step-find-the-site")
    assert_link_to_page(built, RESEARCH, back[0], CURRENT)


def test_sub_journey_links_both_ways(built):
    step = step_headers(current_map(built), COLUMNS)[0]
    links = step.select("a.journeys-sub-journey")
    assert len(links) == 1, "both sides name the link (the step's journey, the child's parent): shown once"
    link = links[0]
    assert "Finding the site" in text_of(link)
    assert_link_to_page(built, CURRENT, link, SUB)
    part_of = built.content(SUB).select_one(".journey-summary__parent a")
    assert text_of(part_of) == "Camping today › Arrival › Find the site"
    assert part_of["href"].endswith("#jm-step-find-the-site")
    assert_link_to_page(built, SUB, part_of, CURRENT)


def test_compares_pair_links_each_other_and_shows_the_state(built):
    for page_path, other, own_state, other_state in ((CURRENT, FUTURE, "Current state", "Future state"),
                                                     (FUTURE, CURRENT, "Future state", "Current state")):
        content = built.content(page_path)
        badge = content.select_one(".journey-summary__badges .journeys-badge--state")
        assert text_of(badge) == own_state
        compares = content.select_one(".journey-summary__compares")
        assert other_state in text_of(compares)
        assert_link_to_page(built, page_path, compares.find("a"), other)
    # a journey that does not write its state shows no badge
    assert built.content(OTHER).select_one(".journeys-badge--state") is None


def test_metrics_history_is_drawn_as_a_trend_ending_at_the_current_value(built):
    summary = built.content(CURRENT).select_one(".journey-summary__metrics")
    nps = summary.select_one(".journeys-metric--nps .journeys-trend")
    assert text_of(nps.select_one(".journeys-sr-only")) == "Trend: 2026-03-31: -4, 2026-06-30: 3, now: 12"
    coords = [tuple(map(float, pair.split())) for pair in re.findall(r"[ML]([\d.]+ [\d.]+)", nps.select_one("path")["d"])]
    assert len(coords) == 3
    assert coords[0][1] > coords[1][1] > coords[2][1]  # rising values are drawn upwards
    assert summary.select_one(".journeys-metric--ces") is None or summary.select_one(".journeys-metric--ces .journeys-trend") is None
    assert built.content(CURRENT).select_one(".journeys-badge--phase").get_text(strip=True) == "Purchase"


def test_opportunity_value_effort_and_places_in_both_journeys(built):
    here = column_cells(lane_row(current_map(built), "opportunities"), COLUMNS)[0]
    card = next(li for li in here.select("li") if "Put up signs" in text_of(li))
    assert "Value 4/5" in text_of(card) and "Effort 2/5" in text_of(card)
    assert "Find the site" in text_of(card)
    other = map_table(built.content(OTHER))
    there = column_cells(lane_row(other, "opportunities"), 1)[0]
    assert "Put up signs at both turn-offs" in text_of(there) and "Pay deposit" in text_of(there)


def test_exports_hold_value_effort_and_every_place(built):
    records = json.loads((built.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    signs = next(r for r in records if r["id"] == "signs")
    assert (signs["value"], signs["effort"]) == (4, 2)
    assert (signs["at"], signs["stage"], signs["step"]) == ("arrival/find-the-site", "Arrival", "Find the site")
    assert [(p["journey_path"], p["at"], p["step"]) for p in signs["places"]] == [
        (CURRENT, "arrival/find-the-site", "Find the site"), (OTHER, "confirm/pay-deposit", "Pay deposit")]
    csv_text = (built.site_dir / "opportunities" / "opportunities.csv").read_text(encoding="utf-8")
    header = csv_text.splitlines()[0].split(",")
    assert header[-3:] == ["value", "effort", "places"]
    assert f"{CURRENT}#arrival/find-the-site; {OTHER}#confirm/pay-deposit" in csv_text


def test_texts_of_format_2_are_escaped(tmp_path):
    data = current_data()
    step = data["stages"][0]["steps"][0]
    step.update(description="<script>alert(1)</script>", feeling="<b>bold</b>", image_alt='" onerror="x',
                actions={"urban-camper": "<img src=x>"})
    data["custom_lanes"][0]["label"] = "<i>Where</i>"
    result = build_site(tmp_path, format2_pages(**{CURRENT: page({"title": "Camping today", "journey": data})}),
                        strict=True)
    assert not result.aborted, result.warnings
    html = result.html(CURRENT)
    for raw in ("<script>alert(1)", "<b>bold</b>", "<img src=x>", "<i>Where</i>", '" onerror="x'):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_custom_lanes_are_selected_by_the_lanes_option_like_built_in_ones(tmp_path):
    result = build_site(tmp_path, format2_pages(), strict=True, plugin_config={
        "today": "2026-11-22", "lanes": ["location", "emotion", "systems"],
        "custom_lanes": [{"id": "systems", "label": "Systems"}]})
    assert not result.aborted, result.warnings
    rows = [(lane, row) for lane, row in zip(lane_names(current_map(result)), current_map(result).select("tbody > tr"))]
    assert [row.get("data-lane", lane) for lane, row in rows] == ["location", "emotion"]  # no step fills systems


def test_site_wide_custom_lane_filled_by_a_step(tmp_path):
    data = current_data()
    data["stages"][0]["steps"][1]["lanes"] = {"systems": ["Booking app", "Maps"]}
    result = build_site(tmp_path, format2_pages(**{CURRENT: page({"title": "Camping today", "journey": data})}),
                        strict=True, plugin_config={"today": "2026-11-22",
                                                    "custom_lanes": [{"id": "systems", "label": "Systems"}]})
    assert not result.aborted, result.warnings
    table = current_map(result)
    rows = [row for row in table.select("tbody > tr.journey-map__lane--custom")]
    assert [row["data-lane"] for row in rows] == ["systems", "location"]  # site-wide first, then the journey's
    assert [li.get_text(strip=True) for li in column_cells(rows[0], COLUMNS)[1].select("li")] == ["Booking app", "Maps"]


# -- every new rule broken once --------------------------------------------------------------


@dataclass
class Case:
    id: str
    pages: dict[str, str]
    field: str
    value: str
    line: str | None = None  # the text of the offending line
    path: str = CURRENT
    severity: str = "error"


def changed(change, path: str = CURRENT, title: str = "Camping today") -> dict[str, str]:
    data = current_data()
    change(data)
    return {path: page({"title": title, "journey": data})}


def step0(**fields: Any):
    def change(data):
        data["stages"][0]["steps"][0].update(copy.deepcopy(fields))
    return change


def journey(**fields: Any):
    def change(data):
        data.update(copy.deepcopy(fields))
    return change


def opportunity(**fields: Any):
    def change(data):
        data["opportunities"][0].update(copy.deepcopy(fields))
    return change


STEP = "journey.stages[0].steps[0]"
CASES = [
    Case("state-unknown", changed(journey(state="someday")), "journey.state", "someday", "state: someday"),
    Case("compares-missing-page", changed(journey(compares="journeys/nowhere.md")), "journey.compares",
         "journeys/nowhere.md", "compares: journeys/nowhere.md", severity="warning"),
    Case("compares-not-a-journey", changed(journey(compares=RESEARCH)), "journey.compares", RESEARCH,
         f"compares: {RESEARCH}"),
    # the future page names this one, which names a third: the future page's pairing is refused
    Case("compares-third-page", changed(journey(compares=OTHER)), "journey.compares", CURRENT,
         f"compares: {CURRENT}", path=FUTURE),
    Case("compares-url", changed(journey(compares="https://example.org/a.md")), "journey.compares",
         "https://example.org/a.md", "compares: https://example.org/a.md"),
    Case("parent-cycle", {SUB: page({"title": "Finding the site", "journey": {
        "parent": f"{CURRENT}#arrival/find-the-site",
        "stages": [{"name": "Exit", "steps": [{"name": "Leave", "journey": CURRENT}]}]}}),
        **changed(journey(parent=f"{SUB}#exit/leave"))},
        "journey.parent", f"{SUB}#exit/leave", f"parent: {SUB}#exit/leave"),
    Case("parent-step-missing", changed(journey(parent=f"{OTHER}#confirm/nothing")), "journey.parent",
         f"{OTHER}#confirm/nothing", f"parent: {OTHER}#confirm/nothing"),
    Case("custom-lane-builtin-name", changed(journey(custom_lanes=[{"id": "actions", "label": "Mine"}])),
         "journey.custom_lanes[0].id", "actions", "- id: actions"),
    Case("custom-lane-not-slug", changed(journey(custom_lanes=[{"id": "Where Is", "label": "Where"}])),
         "journey.custom_lanes[0].id", "Where Is", "- id: Where Is"),
    Case("custom-lane-twice", changed(journey(custom_lanes=[{"id": "location", "label": "A"},
                                                            {"id": "location", "label": "B"}])),
         "journey.custom_lanes[1].id", "location", None),
    Case("step-lane-undeclared", changed(step0(lanes={"systems": "App"})), f"{STEP}.lanes.systems", "systems",
         "systems: App", severity="warning"),
    Case("image-scheme", changed(step0(image="javascript:alert(1)")), f"{STEP}.image", "javascript:alert(1)",
         "image: javascript:alert(1)"),
    Case("image-missing", changed(step0(image="images/nothing.png")), f"{STEP}.image", "images/nothing.png",
         "image: images/nothing.png", severity="warning"),
    Case("evidence-scheme", changed(step0(evidence=["data:text/html,x"])), f"{STEP}.evidence[0]",
         "data:text/html,x", "- data:text/html,x"),
    Case("evidence-missing", changed(step0(evidence=["research/nothing.md"])), f"{STEP}.evidence[0]",
         "research/nothing.md", "- research/nothing.md", severity="warning"),
    Case("step-journey-missing", changed(step0(journey="journeys/nothing.md")), f"{STEP}.journey",
         "journeys/nothing.md", "journey: journeys/nothing.md", severity="warning"),
    Case("actions-persona-unknown", changed(step0(actions={"stranger": "Waves"})), f"{STEP}.actions.stranger",
         "stranger", "stranger: Waves"),
    Case("thoughts-persona-not-slug", changed(step0(thoughts={"Li Wei": "Hmm"})), f"{STEP}.thoughts.Li Wei",
         "Li Wei", "Li Wei: Hmm"),
    Case("feeling-too-long", changed(step0(feeling="Anxious " * 6)), f"{STEP}.feeling", "Anxious Anxious",
         "feeling: 'Anxious"),
    Case("value-out-of-range", changed(opportunity(value=6)), "journey.opportunities[0].value", "6", "value: 6"),
    Case("effort-decimal", changed(opportunity(effort=2.5)), "journey.opportunities[0].effort", "2.5",
         "effort: 2.5"),
    Case("at-other-journey-missing-step", changed(opportunity(at=[f"{OTHER}#confirm/nothing"])),
         "journey.opportunities[0].at[0]", f"{OTHER}#confirm/nothing", f"- {OTHER}#confirm/nothing"),
    Case("history-out-of-order", changed(journey(metrics={"nps": 1, "history": [
        {"date": "2026-06-30", "nps": 3}, {"date": "2026-03-31", "nps": -4}]})),
        "journey.metrics.history[1].date", "2026-03-31", "- date: '2026-03-31'"),
    Case("history-unknown-key", changed(journey(metrics={"history": [{"date": "2026-06-30", "sales": 3}]})),
         "journey.metrics.history[0].sales", "sales", "sales: 3", severity="warning"),
    Case("history-nps-out-of-range", changed(journey(metrics={"history": [{"date": "2026-06-30", "nps": 300}]})),
         "journey.metrics.history[0].nps", "300", "nps: 300"),
    Case("explicit-id-repeated", changed(lambda d: d["stages"][1].update(id="arrival")), "journey.stages[1].id",
         "arrival", None),
]


def _line(text: str, fragment: str) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert lines, fragment
    return lines[0]


def _reported(built, case: Case) -> list[str]:
    return [w for w in built.warnings if f"{case.field}:" in w and case.path in w]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_each_new_rule_is_a_warning_that_fails_strict_and_keeps_the_rest_of_the_map(tmp_path, case):
    """One build, not strict: MkDocs' --strict fails a build on any warning it logged, so the
    message logged as a warning here is what fails the strict build (proven end to end for
    one error and one warning below)."""
    pages = format2_pages(**case.pages)
    loose = build_site(tmp_path, pages)
    assert not loose.aborted
    messages = _reported(loose, case)
    assert messages, loose.warnings
    assert case.value in messages[0] and "expected" in messages[0], messages
    if case.line is not None:
        assert f"{case.path}:{_line(pages[case.path], case.line)}:" in messages[0], messages
    content = loose.content(case.path)
    panel = content.select_one("div.journeys-problems")
    table = map_table(content)
    assert panel is not None and case.field in text_of(panel)
    assert table is not None, "a page with problems keeps every valid part of its map"
    assert table in panel.find_all_next("table"), "the panel stands above the map"
    assert "Find the site" in text_of(table) and "Pitch the tent" in text_of(table)


STRICT_CASES = [next(case for case in CASES if case.severity == severity) for severity in ("error", "warning")]


@pytest.mark.parametrize("case", STRICT_CASES, ids=[case.id for case in STRICT_CASES])
def test_a_new_rule_fails_the_strict_build(tmp_path, case):
    strict = build_site(tmp_path, format2_pages(**case.pages), strict=True)
    assert strict.aborted, "strict build must fail"
    assert _reported(strict, case), strict.warnings


# -- the sample wiki uses format 2 -------------------------------------------------------------



@pytest.fixture(scope="module")
def sample(sample_wiki):
    """The sample wiki, built once per session with --strict (conftest)."""
    return sample_wiki

SAMPLE_CURRENT = "journeys/camping-trip.md"
SAMPLE_FUTURE = "journeys/camping-trip-future.md"
SAMPLE_SUB = "journeys/camping-find-the-site.md"
SAMPLE_B2B = "journeys/b2b-key-account.md"


def test_sample_wiki_compares_a_future_state_with_its_current_state(sample):
    future = sample.content(SAMPLE_FUTURE)
    assert "未来状态" in text_of(future.select_one(".journeys-badge--state"))
    assert_link_to_page(sample, SAMPLE_FUTURE, future.select_one(".journey-summary__compares a"), SAMPLE_CURRENT)
    back = sample.content(SAMPLE_CURRENT).select_one(".journey-summary__compares a")
    assert_link_to_page(sample, SAMPLE_CURRENT, back, SAMPLE_FUTURE)


def test_sample_wiki_has_a_sub_journey_linked_both_ways(sample):
    part_of = sample.content(SAMPLE_SUB).select_one(".journey-summary__parent a")
    assert_link_to_page(sample, SAMPLE_SUB, part_of, SAMPLE_CURRENT)
    assert part_of["href"].endswith("#jm-step-drive-in")
    link = sample.content(SAMPLE_CURRENT).select_one("#jm-step-drive-in a.journeys-sub-journey")
    assert_link_to_page(sample, SAMPLE_CURRENT, link, SAMPLE_SUB)


def test_sample_wiki_storyboard_pictures_exist_and_fit_their_column(sample):
    pictures = map_table(sample.content(SAMPLE_CURRENT)).select(".journey-map__lane--storyboard img")
    assert len(pictures) >= 4
    for img in pictures:
        target = resolve_href(sample, SAMPLE_CURRENT, img["src"])
        assert target is not None and target.is_file(), img["src"]
        assert img["alt"].strip() and img["loading"] == "lazy"


def test_sample_b2b_journey_gives_each_role_its_own_texts_and_a_custom_lane(sample):
    table = map_table(sample.content(SAMPLE_B2B))
    labelled = table.select(".journey-map__lane--actions .journeys-persona-text__who")
    assert {text_of(who) for who in labelled} >= {"Chen Jing (陈静)", "Liu Yang (刘洋)"}
    assert len({tuple(who.parent["class"]) for who in labelled}) >= 3  # a colour per role
    assert table.select_one(".journey-map__lane--custom th").get_text(strip=True) == "Systems involved"
    assert table.select_one(".journey-map__lane--evidence a") is not None


def test_sample_research_page_lists_the_steps_citing_it(sample):
    cited = sample.content("research/ka-stakeholder-interviews.md").select(".journeys-cited-by a")
    assert len(cited) == 3
    for link in cited:
        assert_link_to_page(sample, "research/ka-stakeholder-interviews.md", link, SAMPLE_B2B)


def test_sample_opportunities_have_value_effort_and_one_spans_two_journeys(sample):
    records = json.loads((sample.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    assert sum(1 for r in records if r["value"] is not None and r["effort"] is not None) >= 8
    spanning = [r for r in records if len({p["journey_path"] for p in r["places"]}) > 1]
    assert [r["id"] for r in spanning] == ["camping-signage"]
    sub_map = map_table(sample.content(SAMPLE_SUB))
    assert "在两个下路口设置醒目的营地指示牌" in text_of(lane_row(sub_map, "opportunities"))


# -- the JSON Schema agrees with the validator on format 2 -----------------------------------------

from datetime import date  # noqa: E402

import jsonschema  # noqa: E402

from mkdocs_journeys.core.frontmatter import parse_yaml, split_page  # noqa: E402
from mkdocs_journeys.core.schema import front_matter_schema  # noqa: E402
from mkdocs_journeys.core.site_reader import cross_reference, read_pages  # noqa: E402

SCHEMA_VALIDATOR = jsonschema.Draft7Validator(front_matter_schema())
# New rules only the validator can check, and why a schema cannot.
FORMAT2_VALIDATOR_ONLY = {
    "compares-missing-page": "whether a page exists depends on the site",
    "compares-not-a-journey": "what kind of page another page is depends on the site",
    "compares-third-page": "a pair is a relation between two pages",
    "parent-cycle": "a cycle runs through several pages",
    "parent-step-missing": "the steps of another page",
    "custom-lane-twice": "ids unique in a list: a schema sees values, not clashes between them",
    "step-lane-undeclared": "the lanes a journey or the site declares: a reference between fields",
    "image-missing": "whether a file exists depends on the site",
    "evidence-missing": "whether a page exists depends on the site",
    "step-journey-missing": "whether a page exists depends on the site",
    "actions-persona-unknown": "the journey's personas: a reference between fields",
    "at-other-journey-missing-step": "the steps of another page",
    "history-out-of-order": "order between list items",
    "explicit-id-repeated": "ids unique in their journey",
}


def _front(text: str):
    split = split_page(text)
    return parse_yaml(split.yaml_text, split.first_yaml_line)


def _validator_problems(pages: dict[str, str], path: str) -> list[str]:
    texts = [(p, t) for p, t in pages.items() if p.endswith(".md")]
    site = cross_reference(read_pages(texts), [p for p in pages if not p.endswith(".md")], date(2026, 11, 22))
    return [problem.message for problem in site.problems_of(path)]


def test_the_format2_site_is_valid_for_the_schema_and_the_validator():
    pages = format2_pages()
    for path, text in pages.items():
        if path.endswith(".md") and text.startswith("---"):
            assert list(SCHEMA_VALIDATOR.iter_errors(_front(text))) == [], path
            assert _validator_problems(pages, path) == [], path


def test_format2_exclusions_name_real_cases():
    assert set(FORMAT2_VALIDATOR_ONLY) <= {case.id for case in CASES}


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_schema_and_validator_agree_on_each_new_rule(case):
    pages = format2_pages(**case.pages)
    assert _validator_problems(pages, case.path), "the validator must catch every case"
    errors = list(SCHEMA_VALIDATOR.iter_errors(_front(pages[case.path])))
    if case.id in FORMAT2_VALIDATOR_ONLY:
        assert errors == [], f"the schema catches {case.id} after all: drop it from FORMAT2_VALIDATOR_ONLY"
        return
    assert errors, f"the schema lets {case.id} pass"
    wanted = [int(part) if part.isdigit() else part
              for part in re.split(r"[.\[\]]+", case.field) if part]
    assert any(list(error.absolute_path) == wanted[: len(error.absolute_path)] for error in errors), (
        [list(error.absolute_path) for error in errors], wanted)


def test_a_place_naming_a_whole_other_journey_lists_the_opportunity_under_its_map(tmp_path):
    data = current_data()
    data["opportunities"][0]["at"] = ["arrival", OTHER]
    result = build_site(tmp_path, format2_pages(**{CURRENT: page({"title": "Camping today", "journey": data})}),
                        strict=True)
    assert not result.aborted, result.warnings
    whole = result.content(OTHER).select_one("section.journey-opportunities")
    assert whole is not None and "Put up signs at both turn-offs" in text_of(whole)
    records = json.loads((result.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    signs = next(r for r in records if r["id"] == "signs")
    assert [(p["journey_path"], p["at"], p["stage"]) for p in signs["places"]] == [
        (CURRENT, "arrival", "Arrival"), (OTHER, None, None)]


def test_under_serve_a_map_is_drawn_again_when_a_journey_linked_to_it_changes(tmp_path):
    write_served_site(tmp_path, format2_pages())
    serve_build(tmp_path)
    other = tmp_path / "site" / "journeys" / "booking" / "index.html"
    assert "Value 4/5" in other.read_text(encoding="utf-8")
    data = current_data()
    data["opportunities"][0]["value"] = 1  # written in camping.md, placed in booking.md too
    write_served_site(tmp_path, {CURRENT: page({"title": "Camping today", "journey": data})})
    serve_build(tmp_path)
    html = other.read_text(encoding="utf-8")
    assert "Value 1/5" in html and "Value 4/5" not in html


def test_an_opportunity_whose_first_place_is_in_another_journey_links_there_from_the_index(tmp_path):
    data = current_data()
    data["opportunities"][0]["at"] = [f"{OTHER}#confirm/pay-deposit", "arrival/find-the-site"]
    result = build_site(tmp_path, format2_pages(**{CURRENT: page({"title": "Camping today", "journey": data})}),
                        strict=True)
    assert not result.aborted, result.warnings
    index = result.content("opportunities/index.md")
    row = next(tr for tr in index.select("tr") if "Put up signs at both turn-offs" in text_of(tr))
    place = next(a for a in row.select("a") if "Pay deposit" in text_of(a))
    assert text_of(place) == "Booking: Confirm › Pay deposit"  # another journey named first (the index and department tables)
    assert place["href"].endswith("#jm-step-pay-deposit")
    assert_link_to_page(result, "opportunities/index.md", place, OTHER)
    department = result.content("departments/operations.md")
    row = next(tr for tr in department.select("tr") if "Put up signs at both turn-offs" in text_of(tr))
    assert any(a["href"].endswith("booking/#jm-step-pay-deposit") for a in row.select("a"))
