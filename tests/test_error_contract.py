"""The error contract, case by case, for the bad inputs tests/test_bad_input.py does not cover.

Every field of the format with a value of the wrong type; missing required fields and
empty lists; ids that would escape the output folder (as explicit ids, as references and
as file names); non-text keys; hostile numbers (NaN, infinity, hundreds of digits);
dates that do not exist; YAML that is broken in more ways (tabs, control characters,
explicit tags, deep nesting); a page that is not UTF-8. For each case:

- `mkdocs build --strict` fails, with a warning naming the file (and line, where known),
  the field path and the value found, and saying what was expected;
- a build without `--strict` completes: the bad page shows the problem panel (in place of
  its map for errors, above it for warnings), a valid journey in the same site keeps its map.

Then the things that must build: a BOM and CRLF line endings, a leap day, a 100 kB text.
And through the real command line: no Python traceback, exit code 1 for a strict failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import Built, build_site, page
from forgiving import has_readable_structure
from journey_html import map_table, text_of
from sample_pages import journey_data, journey_page, other_journey_page, supporting_pages
from test_bad_input import (
    BAD, ERROR, GOOD, WARNING, _has_value, _line_number, _names, bad_journey, good_page, raw_journey,
)

MKDOCS = Path(sys.executable).parent / "mkdocs"

STEP = "stages.0.steps.0"
STEP_FIELD = "journey.stages[0].steps[0]"
OPPORTUNITY = "opportunities.0"
OPPORTUNITY_FIELD = "journey.opportunities[0]"


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
    has_map: bool | None = None  # does the bad page keep a map? (default: only with warnings)


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


# Broken persona and department pages of their own, so that the pages the valid journey
# refers to stay intact.
OTHER_PERSONA = "personas/li-wei.md"
OTHER_DEPARTMENT = "departments/ops.md"

MINIMAL = "journey:\n  stages:\n    - name: Research\n      steps:\n        - name: Read guides\n"

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

CASES = WRONG_TYPES + MISSING_AND_EMPTY + ESCAPING_IDS + DUPLICATES_AND_KEYS + HOSTILE_VALUES + BROKEN_YAML


def site_pages(case: Case) -> dict[str, str | bytes]:
    pages: dict[str, str | bytes] = {**supporting_pages(), GOOD: good_page(), **case.extra}
    if case.path != BAD:
        pages[BAD] = other_journey_page("Another good trip", "other-signs")
    pages[case.path] = case.text
    return pages


def build(root: Path, pages: dict[str, str | bytes], **kwargs: Any) -> Built:
    """build_site, also for pages given as bytes (written as they are)."""
    for path, data in pages.items():
        if isinstance(data, bytes):
            target = root / "docs" / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return build_site(root, {p: t for p, t in pages.items() if isinstance(t, str)}, **kwargs)


def case_lines(case: Case) -> str:
    return case.text.decode("latin-1") if isinstance(case.text, bytes) else case.text


def test_there_are_many_cases_with_unique_ids():
    assert len(CASES) >= 150
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_strict_build_fails_naming_file_field_and_value(tmp_path, case):
    built = build(tmp_path, site_pages(case), strict=True)
    assert built.aborted, "strict build must fail"
    about_field = [(w, rest) for w in built.warnings if (rest := _names(w, case.field)) is not None]
    assert about_field, f"no warning names {case.field}: {built.warnings}"
    matching = [w for w, rest in about_field
                if case.path in w and (case.value is None or _has_value(rest, case.value))]
    assert matching, f"no warning names {case.path} and value {case.value!r}: {about_field}"
    assert any("expect" in w.lower() for w in matching), matching
    assert all(len(w) < 2000 for w in built.warnings), "a message must stay readable, whatever the value"
    if case.line is not None:
        line = _line_number(case_lines(case), case.line)
        assert any(f"{case.path}:{line}:" in w for w in matching), (line, matching)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_non_strict_build_completes_and_shows_the_problem(tmp_path, case):
    built = build(tmp_path, site_pages(case), strict=False)
    assert not built.aborted, built.warnings
    content = built.content(case.path)
    panel = content.select_one("div.journeys-problems")
    assert panel is not None, "no problem panel"
    assert case.field in panel.get_text(" ")
    if case.path == BAD:
        # issue 11 item 5, forgiving previews: only a structure that cannot be read loses the map
        readable = case.severity == WARNING or has_readable_structure(case.text)
        expected = case.has_map if case.has_map is not None else readable
        assert (map_table(content) is not None) == expected, "the map is missing, or drawn from nothing"
    good = built.content(GOOD)
    assert map_table(good) is not None, "the valid page lost its map"
    assert good.select_one("div.journeys-problems") is None
    index = built.content("opportunities/index.md")
    assert index.find(id="good-signs") is not None, "the valid journey's opportunity left the index"


# -- valid input that must build strict with no warning at all ------------------------------------


def _strict_clean(tmp_path: Path, pages: dict[str, str | bytes]) -> Built:
    built = build(tmp_path, {**supporting_pages(), **pages}, strict=True)
    assert built.warnings == [] and not built.aborted, built.warnings
    return built


def test_bom_and_crlf_pages_build_strict_without_warnings(tmp_path):
    def windows(text: str) -> bytes:
        return ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")

    pages = {path: windows(text) for path, text in supporting_pages().items()}
    pages["journeys/windows.md"] = windows(journey_page(title="Saved on Windows"))
    built = _strict_clean(tmp_path, pages)
    content = built.content("journeys/windows.md")
    table = map_table(content)
    assert table is not None
    assert "Read online guides" in text_of(table) and "Find the site" in text_of(table)
    assert text_of(content.select_one("h1")) == "Saved on Windows"
    persona = built.content("personas/urban-camper.md")
    assert "Saved on Windows" in text_of(persona), "the persona page lists the journey"
    for path in pages:
        html = built.html(path)
        assert "\ufeff" not in html and "title: " not in text_of(built.content(path)), path


def test_old_mac_line_endings_build_strict_without_warnings(tmp_path):
    built = _strict_clean(tmp_path, {"journeys/cr.md": journey_page(title="Carriage returns").replace("\n", "\r")})
    assert map_table(built.content("journeys/cr.md")) is not None


def test_a_leap_day_is_a_date(tmp_path):
    text = raw_journey("due: '2026-12-15'", "due: 2024-02-29")
    built = _strict_clean(tmp_path, {BAD: text})
    row = built.content("opportunities/index.md").find("time", attrs={"datetime": "2024-02-29"})
    assert row is not None


def test_a_100_kb_text_builds_and_is_shown_whole(tmp_path):
    scenario = ("Two families plan a weekend at a mountain campsite. " * 2000)[:100_000].strip()
    built = _strict_clean(tmp_path, {BAD: journey_page(title="Long story", scenario=scenario)})
    assert scenario in " ".join(text_of(built.content(BAD)).split())


def test_a_long_message_value_is_shortened(tmp_path):
    built = build(tmp_path, {**supporting_pages(), BAD: bad_journey(set={"type": "x" * 100_000})})
    messages = [w for w in built.warnings if "journey.type" in w]
    assert len(messages) == 1 and len(messages[0]) < 500 and "xxxxxxxx" in messages[0]


# -- the real command line: no traceback, exit code 1 --------------------------------------------

# The inputs that crashed MkDocs or the plugin before they were handled, in one site.
CRASHERS = {
    "crash/not-utf8.md": journey_page(title="Café").encode("latin-1"),
    "crash/long-persona-id.md": bad_journey(set={"personas": ["p" * 300]}, title="Long persona id"),
    "crash/deep-nesting.md": journey_text("journey: " + "[" * 50_000 + "]" * 50_000 + "\n"),
    "crash/int-tag.md": journey_text(MINIMAL + "  type: !!int abc\n"),
    "crash/huge-integer.md": journey_text(MINIMAL.replace("Read guides\n", f"Read guides\n          emotion: {'9' * 400}\n")),
    "crash/huge-integer-text.md": journey_text(MINIMAL + f"  metrics: {{nps: {'9' * 5000}}}\n"),
    "crash/omap.md": journey_text("journey: !!omap\n  - stages: []\n"),
    "crash/timestamp.md": journey_text(MINIMAL + "  reviewed: !!timestamp 2026-02-30\n"),
    "crash/language.md": journey_text(MINIMAL + "  language: ../../../../../../../etc/hostname\n"),
    "crash/title-list.md": "---\ntitle: [a, b]\n" + MINIMAL + "---\n\nBody.\n",
    "crash/alias-bomb.md": CASES[[c.id for c in CASES].index("yaml-alias-bomb")].text,
}


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(MKDOCS), "build", "-f", str(root / "mkdocs.yml"), *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def crash_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crashers")
    build(root, {**supporting_pages(), GOOD: good_page(), **CRASHERS})  # writes docs/ and mkdocs.yml
    return root


def test_the_command_line_strict_build_fails_cleanly(crash_site):
    result = run_mkdocs(crash_site, "--strict", "-d", str(crash_site / "strict-site"))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    assert result.returncode == 1, output[-3000:]
    assert "Aborted with" in output
    for path in CRASHERS:
        assert f"journeys: {path}" in output, path


def test_the_command_line_build_completes_with_every_page(crash_site):
    result = run_mkdocs(crash_site, "-d", str(crash_site / "loose-site"))
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    assert result.returncode == 0, output[-3000:]
    built = Built(root=crash_site, site_dir=crash_site / "loose-site", docs_dir=crash_site / "docs")
    for path in CRASHERS:
        assert built.content(path).select_one("div.journeys-problems") is not None, path
    assert map_table(built.content(GOOD)) is not None
    assert not any(p.name.startswith("p" * 100) for p in (crash_site / "loose-site").rglob("*"))


def test_the_command_line_build_of_a_valid_wiki_prints_no_warning(tmp_path):
    build(tmp_path, {**supporting_pages(), GOOD: good_page()})
    result = run_mkdocs(tmp_path, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
