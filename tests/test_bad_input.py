"""Every rule of the format's "Rules a page must keep", broken once.

For each case: `mkdocs build --strict` aborts with a warning that names the file (and line,
where known), the field path and the value found; without strict the build completes,
the broken page shows the problem panel (in place of its map for errors, above it for
warnings) and a second, valid journey page in the same site keeps its map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest

from conftest import build_site, page
from forgiving import has_readable_structure
from journey_html import map_table
from sample_pages import journey_data, journey_page, other_journey_page, supporting_pages

BAD = "journeys/bad.md"
GOOD = "journeys/good.md"
PERSONA = "personas/urban-camper.md"
DEPARTMENT = "departments/operations.md"

ERROR, WARNING = "error", "warning"


def good_page() -> str:
    return other_journey_page("Good trip", "good-signs")


def _walk(data: Any, dotted: str) -> tuple[Any, Any]:
    *parents, last = [int(part) if part.isdigit() else part for part in dotted.split(".")]
    for part in parents:
        data = data[part]
    return data, last


def bad_journey(set: dict[str, Any] | None = None, delete: tuple[str, ...] = (), title: str = "Broken trip") -> str:
    """The complete sample journey with some fields (dotted paths under `journey`) changed."""
    data = journey_data()
    for dotted, value in (set or {}).items():
        parent, key = _walk(data, dotted)
        parent[key] = value
    for dotted in delete:
        parent, key = _walk(data, dotted)
        del parent[key]
    return page({"title": title, "journey": data})


def raw_journey(old: str, new: str) -> str:
    """The sample journey's text with one piece of its YAML rewritten by hand."""
    text = journey_page(title="Broken trip")
    assert text.count(old) == 1, old
    return text.replace(old, new)


@dataclass
class Case:
    id: str
    text: str  # the bad page
    field: str  # the field path the message must name
    value: str | None  # the value found, as it appears in the page (None: nothing was found)
    severity: str = ERROR
    path: str = BAD
    line: str | None = None  # the text of the offending line, to check the reported line number
    extra: dict[str, str] = field(default_factory=dict)  # more pages for the site


def emotion(value: Any, line: str | None = None) -> dict[str, Any]:
    return {"text": bad_journey(set={"stages.0.steps.0.emotion": value}), "field": "journey.stages[0].steps[0].emotion",
            "value": str(value), "line": line}


CASES = [
    # -- stages and steps ---------------------------------------------------------------
    Case("missing-stages", bad_journey(delete=("stages",)), "journey.stages", None),
    Case("empty-stages", bad_journey(set={"stages": []}), "journey.stages", None, line="stages: []"),
    Case("stage-without-name", bad_journey(delete=("stages.0.name",)), "journey.stages[0].name", None),
    Case("stage-without-steps", bad_journey(delete=("stages.1.steps",)), "journey.stages[1].steps", None),
    Case("stage-with-empty-steps", bad_journey(set={"stages.1.steps": []}), "journey.stages[1].steps", None,
         line="steps: []"),
    Case("step-without-name", bad_journey(delete=("stages.0.steps.0.name",)), "journey.stages[0].steps[0].name", None),
    Case("step-not-a-mapping", bad_journey(set={"stages.0.steps": ["Read online guides"]}),
         "journey.stages[0].steps[0]", "Read online guides", line="- Read online guides"),
    Case("stage-id-not-a-slug", bad_journey(set={"stages.0.id": "Research Stage"}), "journey.stages[0].id",
         "Research Stage", line="id: Research Stage"),
    Case("duplicate-step-ids", bad_journey(set={"stages.1.steps.0.id": "guides", "opportunities.0.at": "arrival"}),
         "journey.stages[1].steps[0].id", "guides"),
    # (format 2: a repeated step name without ids is valid, its id gets -2: tests/test_format2.py)
    Case("duplicate-stage-ids", bad_journey(set={"stages.1.id": "research", "opportunities.0.at": "research"}),
         "journey.stages[1].id", "research"),
    # -- opportunities ----------------------------------------------------------------
    Case("opportunity-without-title", bad_journey(delete=("opportunities.0.title",)),
         "journey.opportunities[0].title", None),
    Case("opportunity-without-owner", bad_journey(delete=("opportunities.0.owner",)),
         "journey.opportunities[0].owner", None, WARNING),
    # -- numbers ------------------------------------------------------------------------
    Case("emotion-above-range", **emotion(3, "emotion: 3")),
    Case("emotion-below-range", **emotion(-3, "emotion: -3")),
    # (format 2: a decimal emotion such as 1.5 is valid: tests/test_format2.py)
    Case("emotion-bool", **emotion(True, "emotion: true")),
    Case("emotion-text", **emotion("happy", "emotion: happy")),
    Case("persona-emotion-for-persona-not-in-journey",
         bad_journey(set={"stages.0.steps.0.emotion": {"urban-camper": 1, "stranger": -1}}),
         "journey.stages[0].steps[0].emotion.stranger", "stranger", line="stranger: -1"),
    Case("persona-emotion-out-of-range", bad_journey(set={"stages.0.steps.0.emotion": {"urban-camper": 4}}),
         "journey.stages[0].steps[0].emotion.urban-camper", "4", line="urban-camper: 4"),
    Case("completion-above-one", bad_journey(set={"stages.0.steps.0.completion": 1.5}),
         "journey.stages[0].steps[0].completion", "1.5", line="completion: 1.5"),
    Case("completion-as-percent", bad_journey(set={"stages.0.steps.0.completion": 82}),
         "journey.stages[0].steps[0].completion", "82", line="completion: 82"),
    Case("completion-negative", bad_journey(set={"stages.1.steps.0.completion": -0.1}),
         "journey.stages[1].steps[0].completion", "-0.1", line="completion: -0.1"),
    Case("nps-above-range", bad_journey(set={"metrics.nps": 150}), "journey.metrics.nps", "150", line="nps: 150"),
    Case("nps-below-range", bad_journey(set={"metrics.nps": -101}), "journey.metrics.nps", "-101", line="nps: -101"),
    Case("ces-below-range", bad_journey(set={"metrics.ces": 0}), "journey.metrics.ces", "0", line="ces: 0"),
    Case("ces-above-range", bad_journey(set={"metrics.ces": 7.5}), "journey.metrics.ces", "7.5", line="ces: 7.5"),
    Case("csat-above-range", bad_journey(set={"metrics.csat": 101}), "journey.metrics.csat", "101", line="csat: 101"),
    Case("csat-negative", bad_journey(set={"metrics.csat": -1}), "journey.metrics.csat", "-1", line="csat: -1"),
    # -- enumerations -------------------------------------------------------------------
    Case("type-unknown", bad_journey(set={"type": "sales"}), "journey.type", "sales", line="type: sales"),
    Case("scope-unknown", bad_journey(set={"scope": "partial"}), "journey.scope", "partial", line="scope: partial"),
    Case("touchpoint-kind-unknown", bad_journey(set={"stages.0.steps.0.touchpoints.0.kind": "secondary"}),
         "journey.stages[0].steps[0].touchpoints[0].kind", "secondary", line="kind: secondary"),
    Case("moment-kind-unknown", bad_journey(set={"stages.0.steps.0.moments.0.kind": "eureka"}),
         "journey.stages[0].steps[0].moments[0].kind", "eureka", line="kind: eureka"),
    Case("status-unknown", bad_journey(set={"opportunities.0.status": "doing"}),
         "journey.opportunities[0].status", "doing", line="status: doing"),
    Case("log-status-unknown", bad_journey(set={"opportunities.0.log.1.status": "finished"}),
         "journey.opportunities[0].log[1].status", "finished", line="status: finished"),
    Case("priority-unknown", bad_journey(set={"opportunities.0.priority": "urgent"}),
         "journey.opportunities[0].priority", "urgent", line="priority: urgent"),
    Case("decision-unknown", bad_journey(set={"opportunities.0.decision": "keep"}),
         "journey.opportunities[0].decision", "keep", line="decision: keep"),
    Case("persona-segment-unknown", page({"persona": {"name": "Li Wei", "segment": "vip"}}),
         "persona.segment", "vip", path=PERSONA, line="segment: vip"),
    Case("truth-not-boolean", bad_journey(set={"stages.0.steps.0.truth": "very much"}),
         "journey.stages[0].steps[0].truth", "very much", line="truth: very much"),
    # -- icons and sources ----------------------------------------------------------------
    Case("icon-unknown", bad_journey(set={"stages.0.icon": "material/no-such-icon-anywhere"}),
         "journey.stages[0].icon", "material/no-such-icon-anywhere", line="icon: material/no-such-icon-anywhere"),
    Case("icon-unknown-set", bad_journey(set={"stages.0.icon": "nosuchset/compass-outline"}),
         "journey.stages[0].icon", "nosuchset/compass-outline", line="icon: nosuchset/compass-outline"),
    Case("icon-as-shortcode", bad_journey(set={"stages.0.icon": ":material-compass-outline:"}),
         "journey.stages[0].icon", ":material-compass-outline:"),
    Case("source-javascript", bad_journey(set={"sources": ["javascript:alert(1)"]}),
         "journey.sources[0]", "javascript:alert(1)", line="- javascript:alert(1)"),
    Case("source-javascript-mixed-case", bad_journey(set={"sources": ["JavaScript:alert(1)"]}),
         "journey.sources[0]", "JavaScript:alert(1)", line="- JavaScript:alert(1)"),
    Case("source-other-scheme", bad_journey(set={"sources": ["research.md", "ftp://example.org/data.csv"]}),
         "journey.sources[1]", "ftp://example.org/data.csv", line="- ftp://example.org/data.csv"),
    Case("source-page-missing", bad_journey(set={"sources": ["research/missing.md"]}),
         "journey.sources[0]", "research/missing.md", WARNING, line="- research/missing.md"),
    # -- dates ---------------------------------------------------------------------------
    Case("due-not-a-date", bad_journey(set={"opportunities.0.due": "next week"}),
         "journey.opportunities[0].due", "next week", line="due: next week"),
    Case("due-impossible-date", raw_journey("due: '2026-12-15'", "due: 2026-02-30"),
         "journey.opportunities[0].due", "2026-02-30", line="due: 2026-02-30"),
    Case("reviewed-impossible-date", raw_journey("reviewed: '2026-09-01'", "reviewed: 2026-13-01"),
         "journey.reviewed", "2026-13-01", line="reviewed: 2026-13-01"),
    Case("reviewed-not-iso", bad_journey(set={"reviewed": "01/09/2026"}),
         "journey.reviewed", "01/09/2026", line="reviewed: 01/09/2026"),
    Case("log-date-impossible", raw_journey("- date: '2026-10-01'", "- date: 2026-04-31"),
         "journey.opportunities[0].log[0].date", "2026-04-31", line="date: 2026-04-31"),
    Case("log-date-not-iso", bad_journey(set={"opportunities.0.log.1.date": "2 Nov 2026"}),
         "journey.opportunities[0].log[1].date", "2 Nov 2026", line="date: 2 Nov 2026"),
    Case("log-out-of-order", bad_journey(set={"opportunities.0.log.0.date": "2026-11-20"}),
         "journey.opportunities[0].log[1].date", "2026-11-02"),
    # -- references ----------------------------------------------------------------------
    Case("persona-without-page", bad_journey(set={"personas": ["urban-camper", "ghost-camper"]}),
         "journey.personas[1]", "ghost-camper", WARNING, line="- ghost-camper"),
    Case("stage-persona-without-page", bad_journey(set={"stages.1.personas": ["lost-hiker"]}),
         "journey.stages[1].personas[0]", "lost-hiker", WARNING, line="- lost-hiker"),
    Case("department-without-page", bad_journey(set={"owner": "ghost-department"}),
         "journey.owner", "ghost-department", WARNING, line="owner: ghost-department"),
    Case("step-owner-without-page", bad_journey(set={"stages.0.steps.0.owner": "night-shift"}),
         "journey.stages[0].steps[0].owner", "night-shift", WARNING, line="owner: night-shift"),
    Case("opportunity-owner-without-page", bad_journey(set={"opportunities.0.owner": "nobody-team"}),
         "journey.opportunities[0].owner", "nobody-team", WARNING, line="owner: nobody-team"),
    Case("persona-id-not-a-slug", bad_journey(set={"personas": ["Urban Camper"]}),
         "journey.personas[0]", "Urban Camper", line="- Urban Camper"),
    Case("at-missing-stage", bad_journey(set={"opportunities.0.at": "nowhere"}),
         "journey.opportunities[0].at", "nowhere", line="at: nowhere"),
    Case("at-missing-step", bad_journey(set={"opportunities.0.at": "arrival/nowhere"}),
         "journey.opportunities[0].at", "arrival/nowhere", line="at: arrival/nowhere"),
    Case("at-step-of-another-stage", bad_journey(set={"opportunities.0.at": "research/find-the-site"}),
         "journey.opportunities[0].at", "research/find-the-site", line="at: research/find-the-site"),
    # -- unknown keys (warnings: the page still renders) ---------------------------------
    Case("unknown-key-step-emotoin", raw_journey("      emotion: -2\n", "      emotoin: -2\n"),
         "journey.stages[1].steps[0].emotoin", "emotoin", WARNING, line="emotoin: -2"),
    Case("unknown-key-journey", bad_journey(set={"sceanrio": "Typo of scenario"}),
         "journey.sceanrio", "sceanrio", WARNING, line="sceanrio: Typo of scenario"),
    Case("unknown-key-stage", bad_journey(set={"stages.1.icn": "material/tent"}),
         "journey.stages[1].icn", "icn", WARNING, line="icn: material/tent"),
    Case("unknown-key-touchpoint", bad_journey(set={"stages.0.steps.0.touchpoints.0.knd": "pre"}),
         "journey.stages[0].steps[0].touchpoints[0].knd", "knd", WARNING, line="knd: pre"),
    Case("unknown-key-metrics", bad_journey(set={"metrics.nsp": 3}), "journey.metrics.nsp", "nsp", WARNING,
         line="nsp: 3"),
    Case("unknown-key-opportunity", bad_journey(set={"opportunities.0.kpis": "More"}),
         "journey.opportunities[0].kpis", "kpis", WARNING, line="kpis: More"),
    Case("unknown-key-log", bad_journey(set={"opportunities.0.log.0.notes": "Typo"}),
         "journey.opportunities[0].log[0].notes", "notes", WARNING, line="notes: Typo"),
    Case("unknown-key-persona", page({"persona": {"nmae": "Li Wei"}}), "persona.nmae", "nmae", WARNING,
         path=PERSONA, line="nmae: Li Wei"),
    Case("unknown-key-department", page({"department": {"name": "Ops", "leed": "Zhang Min"}}),
         "department.leed", "leed", WARNING, path=DEPARTMENT, line="leed: Zhang Min"),
    # -- the front matter itself -------------------------------------------------------------
    Case("yaml-syntax-error",
         raw_journey("scenario: Two families plan a weekend", "scenario: Two families: plan a weekend"),
         "front matter", None, line="scenario: Two families: plan a weekend"),
    Case("yaml-duplicate-key", raw_journey("  scope: key\n", "  scope: key\n  scope: full\n"),
         "journey.scope", "scope", line="scope: full"),
    Case("front-matter-is-a-list", "---\n- journey\n- stages\n---\n\nBody text.\n", "front matter", None),
    Case("front-matter-is-text", "---\njust some words\n---\n\nBody text.\n", "front matter", "just some words"),
    Case("journey-is-a-list", page({"title": "Broken trip", "journey": ["Research", "Arrival"]}),
         "journey", None, line="journey:"),
    Case("journey-is-text", page({"title": "Broken trip", "journey": "A camping trip"}),
         "journey", "A camping trip", line="journey: A camping trip"),
    Case("journey-is-empty", "---\ntitle: Broken trip\njourney:\n---\n\nBody text.\n", "journey", None,
         line="journey:"),
]


def _line_number(text: str, marker: str) -> int:
    numbers = [number for number, line in enumerate(text.splitlines(), start=1) if marker in line]
    assert len(numbers) == 1, f"marker {marker!r} is on lines {numbers}"
    return numbers[0]


def _site_pages(case: Case) -> dict[str, str]:
    pages = {**supporting_pages(), GOOD: good_page(), **case.extra}
    if case.path != BAD:
        pages[BAD] = other_journey_page("Another good trip", "other-signs")
    pages[case.path] = case.text
    return pages


def _names(message: str, field: str) -> str | None:
    """The rest of the message after the field path, if it names the field exactly."""
    match = re.search(re.escape(field) + r"(?![\w\[.-])", message)
    return message[match.end():] if match else None


def _has_value(rest: str, value: str) -> bool:
    return re.search(r"(?<![\w.-])" + re.escape(value) + r"(?![\w.])", rest, re.I) is not None


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_strict_build_fails_naming_file_field_and_value(tmp_path, case):
    built = build_site(tmp_path, _site_pages(case), strict=True)
    assert built.aborted, "strict build must fail"
    about_field = [(w, rest) for w in built.warnings if (rest := _names(w, case.field)) is not None]
    assert about_field, f"no warning names {case.field}: {built.warnings}"
    matching = [w for w, rest in about_field
                if case.path in w and (case.value is None or _has_value(rest, case.value))]
    assert matching, f"no warning names {case.path} and value {case.value!r}: {about_field}"
    assert any("expect" in w.lower() for w in matching), matching
    if case.line is not None:
        line = _line_number(case.text, case.line)
        assert any(f"{case.path}:{line}" in w for w in matching), (line, matching)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_non_strict_build_shows_the_problem_panel(tmp_path, case):
    built = build_site(tmp_path, _site_pages(case), strict=False)
    assert not built.aborted, built.warnings
    content = built.content(case.path)
    panel = content.select_one("div.journeys-problems")
    assert panel is not None, "no problem panel"
    assert case.field in panel.get_text(" ")
    if case.path == BAD:
        has_map = map_table(content) is not None
        # issue 11 item 5, forgiving previews: only a structure that cannot be read loses the map
        assert has_map == (case.severity == WARNING or has_readable_structure(case.text)), "the map is missing"
    good = built.content(GOOD)
    assert map_table(good) is not None, "the valid page lost its map"
    assert good.select_one("div.journeys-problems") is None


def test_yaml_syntax_error_does_not_show_the_front_matter_as_text(tmp_path):
    case = next(c for c in CASES if c.id == "yaml-syntax-error")
    built = build_site(tmp_path, _site_pages(case))
    text = built.content(BAD).get_text(" ")
    for leaked in ("stages:", "Two families", "Read online guides", "opportunities:"):
        assert leaked not in text
    assert "Narrative." in text  # the body is still there


def test_warnings_only_page_keeps_its_map_below_the_panel(tmp_path):
    case = next(c for c in CASES if c.id == "unknown-key-step-emotoin")
    built = build_site(tmp_path, _site_pages(case))
    content = built.content(BAD)
    panel = content.select_one("div.journeys-problems")
    table = map_table(content)
    assert panel is not None and table is not None
    assert table in panel.find_all_next("table")


def test_javascript_source_never_becomes_a_link(tmp_path):
    text = bad_journey(set={"sources": ["javascript:alert(1)", "JAVASCRIPT:alert(2)", " javascript:alert(3)",
                                        "https://example.org/ok"]})
    built = build_site(tmp_path, {**supporting_pages(), BAD: text})
    for html_file in built.site_dir.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", html, re.I), html_file


# format 2: ids derived from titles get -2, -3 ... instead (tests/test_format2.py)
@pytest.mark.parametrize("explicit", [True], ids=["explicit-ids"])
def test_duplicate_opportunity_ids_across_two_journey_pages(tmp_path, explicit):
    opportunity = {"title": "Put up signs", "at": "arrival", "owner": "operations"}
    if explicit:
        opportunity["id"] = "shared-signs"
    expected_id = "shared-signs" if explicit else "put-up-signs"
    first = journey_page(title="First trip", opportunities=[opportunity])
    second = journey_page(title="Second trip", opportunities=[dict(opportunity)])
    pages = {**supporting_pages(), GOOD: good_page(), "journeys/first.md": first, "journeys/second.md": second}

    strict = build_site(tmp_path / "strict", pages, strict=True)
    assert strict.aborted
    messages = [w for w in strict.warnings if expected_id in w and "journey.opportunities[0]" in w]
    assert messages, strict.warnings
    assert any("journeys/first.md" in w or "journeys/second.md" in w for w in messages)

    loose = build_site(tmp_path / "loose", pages)
    assert not loose.aborted
    panels = [loose.content(p).select_one("div.journeys-problems") for p in ("journeys/first.md", "journeys/second.md")]
    assert any(panel is not None and expected_id in panel.get_text() for panel in panels)
    assert map_table(loose.content(GOOD)) is not None


def test_a_page_with_errors_is_still_built_and_other_pages_are_intact(tmp_path):
    case = next(c for c in CASES if c.id == "emotion-above-range")
    built = build_site(tmp_path, _site_pages(case))
    assert built.output_path(BAD).is_file()
    assert "Some narrative." in built.content(BAD).get_text()
    for path in ("personas/urban-camper.md", "departments/operations.md", "research.md"):
        assert built.content(path).select_one("div.journeys-problems") is None
