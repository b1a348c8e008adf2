"""The bad-input corpus: every rule of the format broken once, and every field with a value of
the wrong type, missing fields and empty lists, ids that would escape the output folder,
non-text keys, hostile numbers, impossible dates, broken YAML, a page that is not UTF-8.

One table of cases. tests/test_bad_input.py checks each at the core's level (the messages,
the problem panel, the map kept or replaced); tests/test_error_contract.py builds a dozen
of them with MkDocs to prove the wiring; test_cli.py and test_schema.py reuse the rule cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sample_pages import journey_data, journey_page, other_journey_page, supporting_pages
from support.building import page
from support.forgiving import has_readable_structure

BAD = "journeys/bad.md"
GOOD = "journeys/good.md"
PERSONA = "personas/urban-camper.md"
DEPARTMENT = "departments/operations.md"
# Broken persona and department pages of their own, so that the pages the valid journey
# refers to stay intact.
OTHER_PERSONA = "personas/li-wei.md"
OTHER_DEPARTMENT = "departments/ops.md"

ERROR, WARNING = "error", "warning"


@dataclass
class Case:
    id: str
    text: str | bytes  # the bad page (bytes: a file that is not UTF-8)
    field: str  # the field path the message must name
    value: str | None  # the value found, as the message shows it (None: nothing was found)
    severity: str = ERROR
    path: str = BAD
    line: str | None = None  # the text of the offending line, to check the reported line number
    extra: dict[str, str] = field(default_factory=dict)  # more pages for the site
    has_map: bool | None = None  # does the bad page keep a map? (default: unless its structure is unreadable)

    @property
    def keeps_map(self) -> bool:
        # issue 11 item 5, forgiving previews: only a structure that cannot be read loses the map
        if self.has_map is not None:
            return self.has_map
        return self.severity == WARNING or has_readable_structure(self.text)

    @property
    def lines(self) -> str:
        """The page's text, also for a page given as bytes."""
        return self.text.decode("latin-1") if isinstance(self.text, bytes) else self.text


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


def emotion(value: Any, line: str | None = None) -> dict[str, Any]:
    return {"text": bad_journey(set={"stages.0.steps.0.emotion": value}), "field": "journey.stages[0].steps[0].emotion",
            "value": str(value), "line": line}


STEP = "stages.0.steps.0"
STEP_FIELD = "journey.stages[0].steps[0]"
OPPORTUNITY = "opportunities.0"
OPPORTUNITY_FIELD = "journey.opportunities[0]"


def wrong(dotted: str, value: Any, field: str, shown: str, line: str | None = None) -> dict[str, Any]:
    """The sample journey with one field (dotted path under `journey`) set to a wrong value."""
    return {"text": bad_journey(set={dotted: value}), "field": field, "value": shown, "line": line}


def persona_page(data: Any) -> str:
    return page({"title": "Li Wei", "persona": data})


def department_page(data: Any) -> str:
    return page({"title": "Operations", "department": data})


def journey_text(yaml_lines: str) -> str:
    """A journey page written by hand: the YAML between the fences, exactly as given."""
    return f"---\ntitle: Broken trip\n{yaml_lines}---\n\nSome narrative.\n"


MINIMAL = "journey:\n  stages:\n    - name: Research\n      steps:\n        - name: Read guides\n"

# -- every rule of the format's "Rules a page must keep", broken once ----------------------------

FORMAT_RULES = [
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
    # step ids are unique within their stage (the same explicit id in two stages is valid:
    # tests/test_format2.py)
    Case("duplicate-step-ids", bad_journey(set={"stages.1.steps": [{"name": "Find the site", "id": "find-the-site"},
                                                                   {"name": "Pitch the tent", "id": "find-the-site"}]}),
         "journey.stages[1].steps[1].id", "find-the-site"),
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

# -- the error contract: wrong types, missing and escaping values, hostile input -------------------

WRONG_TYPES = [
    # -- the journey's own fields ---------------------------------------------------------
    Case("journey-type-number", **wrong("type", 5, "journey.type", "5", "type: 5")),
    Case("journey-scope-list", **wrong("scope", ["key"], "journey.scope", "a list", "scope:")),
    Case("journey-personas-mapping", **wrong("personas", {"urban-camper": 1}, "journey.personas", "a mapping",
                                             "personas:")),
    Case("journey-personas-number", **wrong("personas", 7, "journey.personas", "7", "personas: 7")),
    Case("journey-owner-number", **wrong("owner", 42, "journey.owner", "42", "owner: 42")),
    Case("journey-owner-list", **wrong("owner", ["operations", "marketing"], "journey.owner", "a list")),
    Case("journey-reviewed-number", **wrong("reviewed", 20260901, "journey.reviewed", "20260901",
                                            "reviewed: 20260901")),
    Case("journey-reviewed-list", **wrong("reviewed", ["2026-09-01"], "journey.reviewed", "a list", "reviewed:")),
    Case("journey-sources-number", **wrong("sources", 7, "journey.sources", "7", "sources: 7")),
    Case("journey-sources-item-mapping", **wrong("sources", [{"url": "https://example.org"}], "journey.sources[0]",
                                                 "a mapping")),
    Case("journey-scenario-list", **wrong("scenario", ["One", "Two"], "journey.scenario", "a list", "scenario:")),
    Case("journey-scenario-number", **wrong("scenario", 2026, "journey.scenario", "2026", "scenario: 2026")),
    Case("journey-goals-mapping", **wrong("goals", {"relax": True}, "journey.goals", "a mapping", "goals:")),
    Case("journey-goals-item-number", **wrong("goals", ["Relax", 3], "journey.goals[1]", "3", "- 3")),
    Case("journey-expectations-float", **wrong("expectations", 3.5, "journey.expectations", "3.5",
                                               "expectations: 3.5")),
    Case("journey-metrics-list", **wrong("metrics", [12, 4.8], "journey.metrics", "a list", "metrics:")),
    Case("journey-metrics-text", **wrong("metrics", "good", "journey.metrics", "good", "metrics: good")),
    Case("journey-nps-text", **wrong("metrics.nps", "high", "journey.metrics.nps", "high", "nps: high")),
    Case("journey-ces-bool", **wrong("metrics.ces", True, "journey.metrics.ces", "true", "ces: true")),
    Case("journey-csat-list", **wrong("metrics.csat", [72], "journey.metrics.csat", "a list", "csat:")),
    Case("journey-stages-text", **wrong("stages", "Research", "journey.stages", "Research", "stages: Research")),
    Case("journey-stages-empty-mapping", **wrong("stages", {}, "journey.stages", "an empty mapping", "stages: {}")),
    Case("journey-opportunities-text", **wrong("opportunities", "Fix it", "journey.opportunities", "Fix it",
                                               "opportunities: Fix it")),
    Case("journey-language-number", **wrong("language", 12, "journey.language", "12", "language: 12")),
    # -- a stage's fields -----------------------------------------------------------------
    Case("stage-not-a-mapping", **wrong("stages.1", "Arrival", "journey.stages[1]", "Arrival", "- Arrival")),
    Case("stage-name-number", **wrong("stages.0.name", 12, "journey.stages[0].name", "12", "- name: 12")),
    Case("stage-id-list", **wrong("stages.0.id", ["research"], "journey.stages[0].id", "a list")),
    Case("stage-icon-bool", **wrong("stages.0.icon", True, "journey.stages[0].icon", "true", "icon: true")),
    Case("stage-personas-number", **wrong("stages.0.personas", 5, "journey.stages[0].personas", "5",
                                          "personas: 5")),
    Case("stage-steps-text", **wrong("stages.1.steps", "Walk in", "journey.stages[1].steps", "Walk in",
                                     "steps: Walk in")),
    Case("stage-steps-mapping", **wrong("stages.1.steps", {"name": "Walk in"}, "journey.stages[1].steps",
                                        "a mapping")),
    # -- a step's fields (every key) ---------------------------------------------------------
    Case("step-is-a-list", **wrong("stages.1.steps", [["Find the site", "Park"]], "journey.stages[1].steps[0]",
                                   "a list")),
    Case("step-name-float", **wrong(f"{STEP}.name", 3.14, f"{STEP_FIELD}.name", "3.14", "- name: 3.14")),
    Case("step-id-mapping", **wrong(f"{STEP}.id", {"a": 1}, f"{STEP_FIELD}.id", "a mapping")),
    Case("step-actions-number", **wrong(f"{STEP}.actions", 5, f"{STEP_FIELD}.actions", "5", "actions: 5")),
    # format 2: a mapping is persona id -> text(s); `x` is no persona of the journey
    Case("step-thoughts-mapping", **wrong(f"{STEP}.thoughts", {"x": "y"}, f"{STEP_FIELD}.thoughts.x", "x")),
    Case("step-emotion-list", **wrong(f"{STEP}.emotion", [1, 2], f"{STEP_FIELD}.emotion", "a list")),
    Case("step-touchpoints-text", **wrong(f"{STEP}.touchpoints", "web", f"{STEP_FIELD}.touchpoints", "web",
                                          "touchpoints: web")),
    Case("step-pain-points-number", **wrong(f"{STEP}.pain_points", 7, f"{STEP_FIELD}.pain_points", "7",
                                            "pain_points: 7")),
    Case("step-moments-text", **wrong(f"{STEP}.moments", "aha", f"{STEP_FIELD}.moments", "aha", "moments: aha")),
    Case("step-backstage-bool", **wrong(f"{STEP}.backstage", True, f"{STEP_FIELD}.backstage", "true",
                                        "backstage: true")),
    Case("step-owner-list", **wrong(f"{STEP}.owner", ["marketing"], f"{STEP_FIELD}.owner", "a list")),
    Case("step-completion-text", **wrong(f"{STEP}.completion", "90%", f"{STEP_FIELD}.completion", "90%",
                                         "completion: 90%")),
    Case("step-truth-number", **wrong(f"{STEP}.truth", 1, f"{STEP_FIELD}.truth", "1", "truth: 1")),
    Case("step-personas-number", **wrong(f"{STEP}.personas", 9, f"{STEP_FIELD}.personas", "9", "personas: 9")),
    # -- touchpoints and moments ---------------------------------------------------------------
    Case("touchpoint-not-a-mapping", **wrong(f"{STEP}.touchpoints", ["Social posts"],
                                             f"{STEP_FIELD}.touchpoints[0]", "Social posts", "- Social posts")),
    Case("touchpoint-name-number", **wrong(f"{STEP}.touchpoints.0.name", 1, f"{STEP_FIELD}.touchpoints[0].name",
                                           "1", "- name: 1")),
    Case("touchpoint-channel-list", **wrong(f"{STEP}.touchpoints.0.channel", ["web"],
                                            f"{STEP_FIELD}.touchpoints[0].channel", "a list", "channel:")),
    Case("touchpoint-kind-number", **wrong(f"{STEP}.touchpoints.0.kind", 3, f"{STEP_FIELD}.touchpoints[0].kind",
                                           "3", "kind: 3")),
    Case("touchpoint-key-text", **wrong(f"{STEP}.touchpoints.0.key", "maybe", f"{STEP_FIELD}.touchpoints[0].key",
                                        "maybe", "key: maybe")),
    Case("moment-not-a-mapping", **wrong(f"{STEP}.moments", ["A friend's video"], f"{STEP_FIELD}.moments[0]",
                                         "A friend's video", "- A friend's video")),
    Case("moment-kind-number", **wrong(f"{STEP}.moments.0.kind", 1, f"{STEP_FIELD}.moments[0].kind", "1",
                                       "- kind: 1")),
    Case("moment-text-list", **wrong(f"{STEP}.moments.0.text", ["a", "b"], f"{STEP_FIELD}.moments[0].text",
                                     "a list")),
    # -- opportunities and their log -------------------------------------------------------------
    Case("opportunity-not-a-mapping", **wrong("opportunities", ["Put up signs"], "journey.opportunities[0]",
                                              "Put up signs", "- Put up signs")),
    Case("opportunity-title-number", **wrong(f"{OPPORTUNITY}.title", 5, f"{OPPORTUNITY_FIELD}.title", "5",
                                             "- title: 5")),
    Case("opportunity-id-list", **wrong(f"{OPPORTUNITY}.id", ["signage"], f"{OPPORTUNITY_FIELD}.id", "a list")),
    Case("opportunity-at-number", **wrong(f"{OPPORTUNITY}.at", 3, f"{OPPORTUNITY_FIELD}.at", "3", "at: 3")),
    Case("opportunity-owner-mapping", **wrong(f"{OPPORTUNITY}.owner", {"a": "b"}, f"{OPPORTUNITY_FIELD}.owner",
                                              "a mapping")),
    Case("opportunity-status-number", **wrong(f"{OPPORTUNITY}.status", 1, f"{OPPORTUNITY_FIELD}.status", "1",
                                              "status: 1")),
    Case("opportunity-priority-list", **wrong(f"{OPPORTUNITY}.priority", ["high"], f"{OPPORTUNITY_FIELD}.priority",
                                              "a list", "priority:")),
    Case("opportunity-due-number", **wrong(f"{OPPORTUNITY}.due", 2026, f"{OPPORTUNITY_FIELD}.due", "2026",
                                           "due: 2026")),
    Case("opportunity-kpi-number", **wrong(f"{OPPORTUNITY}.kpi", 5, f"{OPPORTUNITY_FIELD}.kpi", "5", "kpi: 5")),
    Case("opportunity-result-list", **wrong(f"{OPPORTUNITY}.result", ["x"], f"{OPPORTUNITY_FIELD}.result",
                                            "a list", "result:")),
    Case("opportunity-decision-bool", **wrong(f"{OPPORTUNITY}.decision", True, f"{OPPORTUNITY_FIELD}.decision",
                                              "true", "decision: true")),
    Case("opportunity-log-text", **wrong(f"{OPPORTUNITY}.log", "done", f"{OPPORTUNITY_FIELD}.log", "done",
                                         "log: done")),
    Case("log-entry-not-a-mapping", **wrong(f"{OPPORTUNITY}.log", ["2026-10-01 plan"], f"{OPPORTUNITY_FIELD}.log[0]",
                                            "2026-10-01 plan", "- 2026-10-01 plan")),
    Case("log-date-number", **wrong(f"{OPPORTUNITY}.log.0.date", 20261001, f"{OPPORTUNITY_FIELD}.log[0].date",
                                    "20261001", "- date: 20261001")),
    Case("log-status-list", **wrong(f"{OPPORTUNITY}.log.0.status", ["do"], f"{OPPORTUNITY_FIELD}.log[0].status",
                                    "a list")),
    Case("log-note-number", **wrong(f"{OPPORTUNITY}.log.0.note", 5, f"{OPPORTUNITY_FIELD}.log[0].note", "5",
                                    "note: 5")),
    # -- persona and department pages -------------------------------------------------------------
    Case("persona-is-text", persona_page("Li Wei"), "persona", "Li Wei", path=OTHER_PERSONA, line="persona: Li Wei"),
    Case("persona-name-number", persona_page({"name": 5}), "persona.name", "5", path=OTHER_PERSONA, line="name: 5"),
    Case("persona-role-list", persona_page({"role": ["a", "b"]}), "persona.role", "a list", path=OTHER_PERSONA,
         line="role:"),
    Case("persona-segment-number", persona_page({"segment": 1}), "persona.segment", "1", path=OTHER_PERSONA,
         line="segment: 1"),
    Case("persona-quote-mapping", persona_page({"quote": {"a": "b"}}), "persona.quote", "a mapping", path=OTHER_PERSONA,
         line="quote:"),
    Case("persona-goals-number", persona_page({"goals": 5}), "persona.goals", "5", path=OTHER_PERSONA, line="goals: 5"),
    Case("persona-needs-bool", persona_page({"needs": True}), "persona.needs", "true", path=OTHER_PERSONA,
         line="needs: true"),
    Case("persona-frustrations-float", persona_page({"frustrations": 3.5}), "persona.frustrations", "3.5",
         path=OTHER_PERSONA, line="frustrations: 3.5"),
    Case("persona-channels-mapping", persona_page({"channels": {"web": 1}}), "persona.channels", "a mapping",
         path=OTHER_PERSONA, line="channels:"),
    Case("department-is-list", department_page(["Ops"]), "department", "a list", path=OTHER_DEPARTMENT,
         line="department:"),
    Case("department-name-number", department_page({"name": 5}), "department.name", "5", path=OTHER_DEPARTMENT,
         line="name: 5"),
    Case("department-lead-list", department_page({"lead": ["Zhang Min"]}), "department.lead", "a list",
         path=OTHER_DEPARTMENT, line="lead:"),
    Case("department-contact-bool", department_page({"contact": True}), "department.contact", "true",
         path=OTHER_DEPARTMENT, line="contact: true"),
]

MISSING_AND_EMPTY = [
    Case("touchpoint-without-name", bad_journey(delete=(f"{STEP}.touchpoints.0.name",)),
         f"{STEP_FIELD}.touchpoints[0].name", None),
    Case("moment-without-kind", bad_journey(delete=(f"{STEP}.moments.0.kind",)), f"{STEP_FIELD}.moments[0].kind",
         None),
    Case("moment-without-text", bad_journey(delete=(f"{STEP}.moments.0.text",)), f"{STEP_FIELD}.moments[0].text",
         None),
    Case("log-entry-without-date", bad_journey(delete=(f"{OPPORTUNITY}.log.0.date",)),
         f"{OPPORTUNITY_FIELD}.log[0].date", None),
    Case("journey-null", journey_text("journey: null\n"), "journey", None, line="journey: null", has_map=False),
    Case("journey-tilde", journey_text("journey: ~\n"), "journey", None, line="journey: ~", has_map=False),
    Case("journey-number", journey_text("journey: 5\n"), "journey", "5", line="journey: 5", has_map=False),
    Case("persona-null", "---\npersona:\n---\n\nSome narrative.\n", "persona", None, path=OTHER_PERSONA,
         line="persona:"),
    Case("empty-text", **wrong("scenario", "   ", "journey.scenario", None, "scenario:")),
    # empty optional lists are warnings: leave the key out instead
    Case("empty-goals", **wrong("goals", [], "journey.goals", "an empty list", "goals: []"), severity=WARNING),
    Case("empty-personas", **wrong("personas", [], "journey.personas", "an empty list", "personas: []"),
         severity=WARNING),
    Case("empty-touchpoints", **wrong(f"{STEP}.touchpoints", [], f"{STEP_FIELD}.touchpoints", "an empty list",
                                      "touchpoints: []"), severity=WARNING),
    Case("empty-opportunities", **wrong("opportunities", [], "journey.opportunities", "an empty list",
                                        "opportunities: []"), severity=WARNING),
    Case("empty-log", **wrong(f"{OPPORTUNITY}.log", [], f"{OPPORTUNITY_FIELD}.log", "an empty list", "log: []"),
         severity=WARNING),
    Case("two-page-kinds", page({"title": "Broken trip", "journey": journey_data(), "persona": {"name": "X"}}),
         "persona", "persona"),
]

# Ids become file names (personas/<id>/, departments/<id>/) and anchors: none may leave its folder.
ESCAPING_IDS = [
    Case("persona-ref-dotdot-slash", **wrong("personas", ["../evil"], "journey.personas[0]", "../evil", "- ../evil")),
    Case("persona-ref-absolute", **wrong("personas", ["/etc/passwd"], "journey.personas[0]", "/etc/passwd",
                                         "- /etc/passwd")),
    Case("persona-ref-dotdot", **wrong("personas", [".."], "journey.personas[0]", "..", "- ..")),
    Case("persona-ref-punctuation-only", **wrong("personas", ["!!!"], "journey.personas[0]", "!!!", "- '!!!'")),
    Case("persona-ref-too-long", **wrong("personas", ["a" * 61], "journey.personas[0]", "a" * 61, "- " + "a" * 61)),
    Case("department-ref-dotdot", **wrong("owner", "../../evil", "journey.owner", "../../evil",
                                          "owner: ../../evil")),
    Case("step-owner-absolute", **wrong(f"{STEP}.owner", "/etc/x", f"{STEP_FIELD}.owner", "/etc/x",
                                        "owner: /etc/x")),
    Case("opportunity-owner-dotdot", **wrong(f"{OPPORTUNITY}.owner", "..", f"{OPPORTUNITY_FIELD}.owner", "..",
                                             "owner: ..")),
    Case("stage-persona-ref-escaping", **wrong("stages.1.personas", ["../x"], "journey.stages[1].personas[0]",
                                               "../x", "- ../x")),
    Case("step-persona-ref-escaping", **wrong(f"{STEP}.personas", ["/x"], f"{STEP_FIELD}.personas[0]", "/x",
                                              "- /x")),
    Case("emotion-persona-key-escaping", **wrong(f"{STEP}.emotion", {"../x": 1}, f"{STEP_FIELD}.emotion.../x",
                                                 "../x", "../x: 1")),
    Case("stage-id-dotdot-slash", **wrong("stages.0.id", "../x", "journey.stages[0].id", "../x", "id: ../x")),
    Case("step-id-absolute", **wrong(f"{STEP}.id", "/etc/x", f"{STEP_FIELD}.id", "/etc/x", "id: /etc/x")),
    Case("opportunity-id-dotdot-slash", **wrong(f"{OPPORTUNITY}.id", "../x", f"{OPPORTUNITY_FIELD}.id", "../x",
                                                "id: ../x")),
    Case("opportunity-id-dotdot", **wrong(f"{OPPORTUNITY}.id", "..", f"{OPPORTUNITY_FIELD}.id", "..", "id: ..")),
    Case("stage-name-empty-slug", bad_journey(set={"stages.0.name": "!!!"}, delete=("stages.0.id",)),
         "journey.stages[0].id", "!!!"),
    Case("step-name-empty-slug", bad_journey(set={f"{STEP}.name": "???"}, delete=(f"{STEP}.id",)),
         f"{STEP_FIELD}.id", "???"),
    Case("opportunity-title-empty-slug", bad_journey(set={f"{OPPORTUNITY}.title": "!!!"},
                                                     delete=(f"{OPPORTUNITY}.id",)),
         f"{OPPORTUNITY_FIELD}.id", "!!!"),
    Case("at-escaping", **wrong(f"{OPPORTUNITY}.at", "../x", f"{OPPORTUNITY_FIELD}.at", "../x", "at: ../x")),
    # persona and department ids are file stems
    Case("persona-file-name-with-space", persona_page({"name": "Li Wei"}), "persona", "Bad Name.md",
         path="personas/Bad Name.md"),
    Case("persona-file-name-punctuation-only", persona_page({"name": "Li Wei"}), "persona", "!!!.md",
         path="personas/!!!.md"),
    Case("persona-file-name-with-dots", persona_page({"name": "Li Wei"}), "persona", "a..b.md",
         path="personas/a..b.md"),
    Case("department-file-name-uppercase", department_page({"name": "Ops"}), "department", "Ops Team.md",
         path="departments/Ops Team.md"),
    Case("persona-file-name-too-long", persona_page({"name": "Li Wei"}), "persona", "p" * 61 + ".md",
         path="personas/" + "p" * 61 + ".md"),
]

DUPLICATES_AND_KEYS = [
    Case("duplicate-opportunity-ids-in-one-journey",
         bad_journey(set={"opportunities": journey_data()["opportunities"]
                          + [{"title": "Another sign", "id": "signage", "owner": "operations"}]}),
         "journey.opportunities[1].id", "signage"),
    Case("duplicate-persona-pages", persona_page({"name": "Li Wei again"}), "persona", "urban-camper",
         path="team/urban-camper.md"),
    Case("duplicate-department-pages", department_page({"name": "Ops again"}), "department", "operations",
         path="team/operations.md"),
    Case("emotion-number-key", raw_journey("      emotion: 1\n", "      emotion: {1: 1}\n"),
         f"{STEP_FIELD}.emotion.1", "1", line="emotion: {1: 1}"),
    Case("emotion-null-key", raw_journey("      emotion: 1\n", "      emotion: {null: 1}\n"),
         f"{STEP_FIELD}.emotion.null", "null", line="emotion: {null: 1}"),
    Case("emotion-bool-key", raw_journey("      emotion: 1\n", "      emotion: {true: 1}\n"),
         f"{STEP_FIELD}.emotion.true", "true", line="emotion: {true: 1}"),
    Case("journey-number-key", raw_journey("  scope: key\n", "  scope: key\n  1: x\n"), "journey.1", "1",
         WARNING, line="1: x"),
    Case("journey-null-key", raw_journey("  scope: key\n", "  scope: key\n  null: z\n"), "journey.null", "null",
         WARNING, line="null: z"),
    Case("step-bool-key", raw_journey("      truth: true\n", "      truth: true\n      true: y\n"),
         f"{STEP_FIELD}.true", "true", WARNING, line="true: y"),
    Case("unknown-key-moment", **wrong(f"{STEP}.moments.0.txt", "typo", f"{STEP_FIELD}.moments[0].txt", "txt",
                                       "txt: typo"), severity=WARNING),
    Case("page-kind-typo", page({"title": "Broken trip", "journeys": journey_data()}), "journeys", "journeys",
         WARNING, line="journeys:", has_map=False),
    Case("title-list", raw_journey("title: Broken trip\n", "title: [Broken, trip]\n"), "title", "a list",
         WARNING, line="title: [Broken, trip]"),
    Case("title-number", raw_journey("title: Broken trip\n", "title: 2026\n"), "title", "2026", WARNING,
         line="title: 2026"),
    Case("page-kind-capitalised", page({"title": "Li Wei", "Persona": {"name": "Li Wei"}}), "Persona", "Persona",
         WARNING, path=OTHER_PERSONA, line="Persona:"),
]

HOSTILE_VALUES = [
    Case("emotion-nan", raw_journey("      emotion: 1\n", "      emotion: .nan\n"), f"{STEP_FIELD}.emotion", "nan",
         line="emotion: .nan"),
    Case("completion-infinite", raw_journey("      completion: 0.82\n", "      completion: .inf\n"),
         f"{STEP_FIELD}.completion", "inf", line="completion: .inf"),
    Case("nps-minus-infinite", raw_journey("    nps: 12\n", "    nps: -.inf\n"), "journey.metrics.nps", "-inf",
         line="nps: -.inf"),
    Case("csat-googol", raw_journey("    csat: 72\n", f"    csat: {10 ** 100}\n"), "journey.metrics.csat",
         None, line="csat: 1000"),
    Case("emotion-400-digits", raw_journey("      emotion: 1\n", f"      emotion: {'9' * 400}\n"),
         f"{STEP_FIELD}.emotion", None, line="emotion: 999"),
    Case("emotion-5000-digits", raw_journey("      emotion: 1\n", f"      emotion: {'9' * 5000}\n"),
         "front matter", None, line="emotion: 999"),
    Case("due-not-a-leap-year", raw_journey("due: '2026-12-15'", "due: 2026-02-29"), f"{OPPORTUNITY_FIELD}.due",
         "2026-02-29", line="due: 2026-02-29"),
    Case("reviewed-day-zero", raw_journey("reviewed: '2026-09-01'", "reviewed: 2026-09-00"), "journey.reviewed",
         "2026-09-00", line="reviewed: 2026-09-00"),
    Case("due-with-time", **wrong(f"{OPPORTUNITY}.due", "2026-12-15T10:00", f"{OPPORTUNITY_FIELD}.due",
                                  "2026-12-15T10:00")),
    Case("explicit-timestamp-impossible", raw_journey("due: '2026-12-15'", "due: !!timestamp 2026-02-30"),
         f"{OPPORTUNITY_FIELD}.due", "2026-02-30", line="due: !!timestamp"),
    Case("huge-text-in-a-choice", **wrong("type", "x" * 100_000, "journey.type", None, "type: xxx")),
]

BROKEN_YAML = [
    Case("yaml-tab-indent", raw_journey("  scope: key\n", "\tscope: key\n"), "front matter", None,
         line="\tscope: key"),
    Case("yaml-unclosed-quote", raw_journey("  scope: key\n", "  scope: \"key\n"), "front matter", None),
    Case("yaml-unclosed-bracket", raw_journey("  goals:\n  - Relax with the children\n", "  goals: [Relax\n"),
         "front matter", None),
    Case("yaml-bad-indent", raw_journey("  scope: key\n", "     scope: key\n"), "front matter", None,
         line="     scope: key"),
    Case("yaml-unknown-alias", raw_journey("  scope: key\n", "  scope: *nope\n"), "front matter", None,
         line="scope: *nope"),
    Case("yaml-control-character", raw_journey("  scope: key\n", "  scope: k\x1bey\n"), "front matter", None,
         line="scope: k\x1bey"),
    Case("yaml-explicit-int-tag", raw_journey("  scope: key\n", "  scope: !!int abc\n"), "front matter", None,
         line="scope: !!int abc"),
    Case("yaml-empty-int-tag", raw_journey("  scope: key\n", "  scope: !!int\n"), "front matter", None,
         line="scope: !!int"),
    Case("yaml-explicit-bool-tag", raw_journey("      truth: true\n", "      truth: !!bool maybe\n"),
         "front matter", None, line="truth: !!bool maybe"),
    Case("yaml-python-tag", raw_journey("  scope: key\n", "  scope: !!python/object/apply:os.system [ls]\n"),
         "front matter", None, line="scope: !!python"),
    Case("yaml-omap", journey_text("journey: !!omap\n  - stages: []\n"), "journey", None, line="journey: !!omap",
         has_map=False),
    Case("yaml-set-for-a-list", raw_journey("  goals:\n  - Relax with the children\n", "  goals: !!set {Relax}\n"),
         "journey.goals", None, line="goals: !!set"),
    Case("yaml-mapping-key-is-a-list", raw_journey("  scope: key\n", "  ? [a, b]\n  : key\n"), "front matter",
         None, line="? [a, b]"),
    Case("yaml-alias-bomb", journey_text("journey:\n  a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                                         + "".join(f"  {chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
                                                   for i in range(8))), "front matter", None),
    Case("yaml-self-alias", raw_journey("      emotion: 1\n", "      emotion: &e [*e]\n"), "front matter", None),
    Case("yaml-nested-fifty-thousand-deep", raw_journey("  scope: key\n", "  scope: " + "[" * 50_000 + "]" * 50_000 + "\n"),
         "front matter", None, line="scope: [[["),
    Case("not-utf8", journey_page(title="Broken café").encode("latin-1"), "encoding", "0xe9",
         line="title: Broken caf"),
]


CONTRACT = WRONG_TYPES + MISSING_AND_EMPTY + ESCAPING_IDS + DUPLICATES_AND_KEYS + HOSTILE_VALUES + BROKEN_YAML
CASES = FORMAT_RULES + CONTRACT


def case(case_id: str) -> Case:
    return next(c for c in CASES if c.id == case_id)


def site_pages(case: Case) -> dict[str, str | bytes]:
    """The bad page in a small valid wiki: the pages it refers to, and a valid journey."""
    pages: dict[str, str | bytes] = {**supporting_pages(), GOOD: good_page(), **case.extra}
    if case.path != BAD:
        pages[BAD] = other_journey_page("Another good trip", "other-signs")
    pages[case.path] = case.text
    return pages


def line_number(text: str, marker: str) -> int:
    numbers = [number for number, line in enumerate(text.splitlines(), start=1) if marker in line]
    assert len(numbers) == 1, f"marker {marker!r} is on lines {numbers}"
    return numbers[0]


def after_field(message: str, field: str) -> str | None:
    """The rest of the message after the field path, if it names the field exactly."""
    match = re.search(re.escape(field) + r"(?![\w\[.-])", message)
    return message[match.end():] if match else None


def has_value(rest: str, value: str) -> bool:
    return re.search(r"(?<![\w.-])" + re.escape(value) + r"(?![\w.])", rest, re.I) is not None


def messages_about(case: Case, messages: list[str]) -> list[str]:
    """The messages that name the case's file, field and value (assert there are some)."""
    about_field = [(m, rest) for m in messages if (rest := after_field(m, case.field)) is not None]
    assert about_field, f"no message names {case.field}: {messages}"
    matching = [m for m, rest in about_field if case.path in m and (case.value is None or has_value(rest, case.value))]
    assert matching, f"no message names {case.path} and value {case.value!r}: {about_field}"
    return matching
