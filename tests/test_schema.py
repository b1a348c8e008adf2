"""The JSON Schema of the front matter agrees with the validator.

Over the format-rule cases of the bad-input corpus (tests/support/bad_pages.py) and every page of the sample wiki:
a page's front matter is valid for the schema exactly when the validator reports no
problem about it, for every rule a JSON Schema can express. The cases of the rules it
cannot express are listed below with the reason; for them the test checks that the
schema indeed lets them pass and the validator indeed catches them.
"""

from __future__ import annotations

from datetime import date

import jsonschema
import pytest

from conftest import REPO, build_site, page
from mkdocs_journeys.cli.project import theme_dirs
from mkdocs_journeys.core.frontmatter import FrontMatterError, parse_yaml, split_page
from mkdocs_journeys.core.journey_reader import (
    JOURNEY_KEYS,
    LOG_KEYS,
    METRIC_KEYS,
    MOMENT_KEYS,
    OPPORTUNITY_KEYS,
    STAGE_KEYS,
    STEP_KEYS,
    TOUCHPOINT_KEYS,
)
from mkdocs_journeys.core.model import (
    DECISIONS, JOURNEY_TYPES, MOMENT_KINDS, PRIORITIES, SCOPES, SEGMENTS, STATUSES, TOUCHPOINT_KINDS,
)
from mkdocs_journeys.core.profile_reader import DEPARTMENT_KEYS, PERSONA_KEYS
from mkdocs_journeys.core.schema import SCHEMA_LIMITS, front_matter_schema
from mkdocs_journeys.core.site_reader import cross_reference, read_pages
from mkdocs_journeys.render.icons import IconLibrary
from sample_pages import journey_data, supporting_pages
from support.bad_pages import BAD, FORMAT_RULES as CASES, site_pages as _site_pages

SCHEMA = front_matter_schema()


@pytest.fixture(scope="module")
def built(sample_wiki):
    """The sample wiki, built once with --strict (conftest)."""
    return sample_wiki


VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
ICONS = IconLibrary(theme_dirs("material", ".")[0])
TODAY = date(2026, 11, 22)
SAMPLE_DOCS = REPO / "journeys"

# Bad-input cases that break a rule only the validator checks, and why a schema cannot.
VALIDATOR_ONLY = {
    "duplicate-step-ids": "ids unique in their stage: a schema sees values, not clashes between them",
    "duplicate-stage-ids": "ids unique in their journey",
    "persona-emotion-for-persona-not-in-journey": "a per-persona emotion names a persona listed elsewhere",
    "icon-unknown": "whether the theme bundles an icon depends on the theme installed",
    "icon-unknown-set": "whether the theme bundles an icon set depends on the theme installed",
    "source-page-missing": "whether a page exists depends on the site",
    "due-impossible-date": "calendar validity (2026-02-30) is not a pattern",
    "reviewed-impossible-date": "calendar validity",
    "log-date-impossible": "calendar validity",
    "log-out-of-order": "order between list items",
    "persona-without-page": "a persona page exists: the site",
    "stage-persona-without-page": "a persona page exists: the site",
    "department-without-page": "a department page exists: the site",
    "step-owner-without-page": "a department page exists: the site",
    "opportunity-owner-without-page": "a department page exists: the site",
    "at-missing-stage": "`at` names a stage of the same journey: a reference between fields",
    "at-missing-step": "`at` names a step of that stage",
    "at-step-of-another-stage": "`at` names a step of that stage",
    "yaml-duplicate-key": "YAML keeps the last of two equal keys: the data no longer shows the repetition",
}
# Cases whose YAML cannot be read: there is no data for a schema; the validator reports it.
UNREADABLE = {"yaml-syntax-error"}


def front_matter(text: str):
    split = split_page(text)
    if split.yaml_text is None:
        return None
    return parse_yaml(split.yaml_text, split.first_yaml_line)


def core_problems(pages: dict[str, str], path: str) -> list[str]:
    site = cross_reference(read_pages(pages.items(), ICONS.exists), [], TODAY)
    return [problem.message for problem in site.problems_of(path)]


def schema_errors(meta) -> list[jsonschema.ValidationError]:
    return list(VALIDATOR.iter_errors(meta))


def field_path(dotted: str) -> list:
    """journey.stages[0].steps[1].emotion -> ['journey', 'stages', 0, 'steps', 1, 'emotion']"""
    parts: list = []
    for part in dotted.replace("]", "").split("."):
        name, *indexes = part.split("[")
        parts.append(name)
        parts += [int(index) for index in indexes]
    return parts


def test_the_schema_is_a_valid_draft_07_schema():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_every_key_the_readers_accept_is_in_the_schema_and_no_other():
    definitions = SCHEMA["definitions"]
    for definition, keys in [
        ("journey", JOURNEY_KEYS), ("metrics", METRIC_KEYS), ("stage", STAGE_KEYS), ("step", STEP_KEYS),
        ("touchpoint", TOUCHPOINT_KEYS), ("moment", MOMENT_KEYS), ("opportunity", OPPORTUNITY_KEYS),
        ("log_entry", LOG_KEYS), ("persona", PERSONA_KEYS), ("department", DEPARTMENT_KEYS),
    ]:
        properties = definitions[definition]["properties"]
        assert list(properties) == list(keys), definition
        assert definitions[definition]["additionalProperties"] is False
        for key, spec in properties.items():
            assert spec["description"].strip(), (definition, key)


def test_the_exclusions_name_real_cases_and_the_documented_limits_cover_them():
    assert set(VALIDATOR_ONLY) | UNREADABLE <= {case.id for case in CASES}
    assert len(SCHEMA_LIMITS) >= 8
    assert "validate" in SCHEMA["description"]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_schema_and_validator_agree_on_the_bad_input_corpus(case):
    problems = core_problems(_site_pages(case), case.path)
    assert problems, "the validator must catch every case of the corpus"
    if case.id in UNREADABLE:
        with pytest.raises(FrontMatterError):
            front_matter(case.text)
        assert any("front matter" in message for message in problems)
        return
    errors = schema_errors(front_matter(case.text))
    if case.id in VALIDATOR_ONLY:
        assert errors == [], f"the schema catches {case.id} after all: drop it from VALIDATOR_ONLY"
        return
    assert errors, f"the schema lets {case.id} pass; the validator says {problems}"
    # The schema objects to the field the case breaks (or to the mapping that holds it).
    wanted = field_path(case.field) if case.field != "front matter" else []
    assert any(list(error.absolute_path) == wanted[: len(error.absolute_path)] for error in errors), (
        wanted, [(list(e.absolute_path), e.message) for e in errors])


def test_the_base_pages_of_the_corpus_are_valid_for_both():
    pages = {**supporting_pages(), BAD: page({"title": "Trip", "journey": journey_data()})}
    for path, text in pages.items():
        assert core_problems(pages, path) == [], path
        meta = front_matter(text)
        assert meta is None or schema_errors(meta) == [], path


SAMPLE_PAGES = sorted(path.relative_to(SAMPLE_DOCS).as_posix() for path in SAMPLE_DOCS.rglob("*.md"))


def test_schema_and_validator_agree_on_the_sample_wiki():
    pages = {path: (SAMPLE_DOCS / path).read_text(encoding="utf-8") for path in SAMPLE_PAGES}
    site = cross_reference(read_pages(pages.items(), ICONS.exists),
                           [p.relative_to(SAMPLE_DOCS).as_posix() for p in SAMPLE_DOCS.rglob("*")], TODAY)
    assert site.problems() == []
    checked = 0
    for path, text in pages.items():
        meta = front_matter(text)
        if meta is None:
            continue
        assert [e.message for e in schema_errors(meta)] == [], path
        checked += any(kind in meta for kind in ("journey", "persona", "department"))
    assert checked >= 30  # the journeys, personas and departments of the sample wiki


# Front matter beyond the corpus, on the edges of the rules both must agree on:
# (id, journey overrides or a whole front matter, valid?)
EDGES = [
    ("choice-in-capitals", {"type": "Purchase", "scope": " KEY "}, True),
    ("key-with-no-value-is-absent", {"scenario": None, "goals": None, "metrics": None, "type": None}, True),
    ("single-text-for-a-list", {"goals": "Relax", "personas": "urban-camper"}, True),
    ("empty-optional-list", {"goals": []}, False),
    ("empty-text", {"scenario": "  "}, False),
    ("number-for-a-text", {"scenario": 2026}, False),
    ("quoted-number-id", {"stages.0.id": "2026", "opportunities.0.at": "arrival"}, True),
    ("number-id", {"stages.0.id": 2026}, False),
    ("id-with-spaces-around", {"stages.0.id": " research "}, True),
    ("id-with-double-dash", {"stages.0.id": "re--search"}, False),
    ("id-ending-in-dash", {"stages.0.id": "research-"}, False),
    ("non-latin-id", {"stages.0.id": "营地-入口", "opportunities.0.at": "arrival"}, True),
    ("icon-with-svg-suffix", {"stages.0.icon": "material/compass-outline.svg"}, True),
    ("metrics-on-the-edges", {"metrics": {"nps": -100, "ces": 7, "csat": 0}}, True),
    ("metrics-not-a-mapping", {"metrics": [1, 2]}, False),
    ("completion-one", {"stages.0.steps.0.completion": 1}, True),
    ("touchpoint-without-name", {"stages.0.steps.0.touchpoints.0": {"channel": "web"}}, False),
    ("moment-without-text", {"stages.0.steps.0.moments.0": {"kind": "aha"}}, False),
    ("moment-kind-null", {"stages.0.steps.0.moments.0": {"kind": None, "text": "Wow"}}, False),
    ("log-entry-without-date", {"opportunities.0.log.1": {"status": "do"}}, False),
    ("owner-null", {"opportunities.0.owner": None}, False),
    ("empty-emotion-mapping", {"stages.0.steps.0.emotion": {}}, False),
    ("source-http-in-capitals", {"sources": ["HTTPS://example.org"]}, False),
    ("source-protocol-relative", {"sources": ["//example.org/x"]}, False),
    ("text-list-with-a-number", {"goals": ["Relax", 3]}, False),
    ("language-code-with-region", {"language": "zh-Hant"}, True),
    ("language-that-is-a-path", {"language": "../../etc"}, False),
    ("persona-id-too-long-for-a-file-name", {"personas": ["a" * 61]}, False),
]


def _journey_with(overrides: dict) -> str:
    data = journey_data()
    for dotted, value in overrides.items():
        *parents, last = [int(p) if p.isdigit() else p for p in dotted.split(".")]
        target = data
        for part in parents:
            target = target[part]
        target[last] = value
    return page({"title": "Edge trip", "journey": data})


@pytest.mark.parametrize("case_id, overrides, valid", EDGES, ids=[edge[0] for edge in EDGES])
def test_schema_and_validator_agree_on_the_edges(case_id, overrides, valid):
    text = _journey_with(overrides)
    pages = {**supporting_pages(), BAD: text}
    problems = core_problems(pages, BAD)
    errors = schema_errors(front_matter(text))
    assert (problems == []) is valid, problems
    assert (errors == []) is valid, [e.message for e in errors]


@pytest.mark.parametrize("text, valid", [
    ("---\npersona: {}\n---\n", True),
    ("---\ndepartment:\n  name: Ops\n  lead: ~\n---\n", True),
    ("---\npersona:\n---\n", False),
    ("---\ntitle: Both\njourney: {stages: [{name: A, steps: [{name: B}]}]}\npersona: {}\n---\n", False),
    ("---\n\n---\n", False),
], ids=["empty-persona", "department-with-a-null-field", "persona-with-no-value", "two-page-kinds",
        "empty-front-matter"])
def test_schema_and_validator_agree_on_page_kinds(text, valid):
    path = "personas/li-wei.md"
    problems = core_problems({path: text, **supporting_pages()}, path)
    errors = schema_errors(front_matter(text))
    assert (problems == []) is valid, problems
    assert (errors == []) is valid, [e.message for e in errors]


def test_a_page_kind_typo_is_caught_by_the_validator_only():
    # SCHEMA_LIMITS: other top-level keys belong to MkDocs and its theme, so the schema allows them.
    text = "---\njourneys:\n  stages: []\n---\n"
    assert schema_errors(front_matter(text)) == []
    assert any("journeys" in message for message in core_problems({"a.md": text}, "a.md"))


def test_the_scaffolded_pages_are_valid_for_the_schema():
    from mkdocs_journeys.core.scaffold import new_page

    for kind in ("journey", "persona", "department"):
        _, text = new_page(kind, "Weekend camping trip")
        assert schema_errors(front_matter(text)) == [], kind


# -- the format reference of the sample wiki: its field tables are generated from the schema ----

REFERENCE = "reference/format.md"
# Each table of the reference: the reader's keys, and how the table writes them.
TABLES = {
    "journey": (JOURNEY_KEYS, "journey."), "stage": (STAGE_KEYS, ""), "step": (STEP_KEYS, ""),
    "touchpoint": (TOUCHPOINT_KEYS, ""), "moment": (MOMENT_KEYS, ""), "opportunity": (OPPORTUNITY_KEYS, ""),
    "log": (LOG_KEYS, ""), "persona": (PERSONA_KEYS, "persona."), "department": (DEPARTMENT_KEYS, "department."),
}


def reference_tables(built) -> dict[str, dict[str, list[str]]]:
    """{kind: {field: [type, requirement, meaning]}} of the generated tables in the built page."""
    tables = {}
    for wrapper in built.content(REFERENCE).select("div.journeys-format-reference"):
        rows = {}
        for row in wrapper.select("tbody tr"):
            cells = [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
            rows[cells[0]] = cells[1:]
        tables[wrapper["data-kind"]] = rows
    return tables


def test_every_key_the_readers_accept_is_in_the_generated_reference(built):
    tables = reference_tables(built)
    assert set(tables) == set(TABLES)
    for kind, (keys, prefix) in TABLES.items():
        for key in keys:
            assert prefix + key in tables[kind], (kind, key)
            type_text, requirement, meaning = tables[kind][prefix + key]
            assert type_text and requirement and len(meaning) > 10, (kind, key)
    for key in METRIC_KEYS:
        assert f"journey.metrics.{key}" in tables["journey"]
    assert "journey:format-reference" not in str(built.content(REFERENCE))


def test_the_reference_lists_the_models_choices_and_the_readers_ranges(built):
    tables = reference_tables(built)
    choices = {("journey", "journey.type"): JOURNEY_TYPES, ("journey", "journey.scope"): SCOPES,
               ("touchpoint", "kind"): TOUCHPOINT_KINDS, ("moment", "kind"): MOMENT_KINDS,
               ("opportunity", "status"): STATUSES, ("opportunity", "priority"): PRIORITIES,
               ("opportunity", "decision"): DECISIONS, ("log", "status"): STATUSES,
               ("persona", "persona.segment"): SEGMENTS}
    for (kind, field), values in choices.items():
        type_text = tables[kind][field][0]
        assert all(f"{value}" in type_text.replace(",", " ").split() for value in values), (field, type_text)
    assert tables["journey"]["journey.metrics.nps"][0] == "number from -100 to 100"
    assert tables["journey"]["journey.metrics.ces"][0] == "number from 1 to 7"
    assert tables["step"]["emotion"][0].startswith("number from -2 to 2")  # format 2: decimals allowed
    assert tables["journey"]["journey.stages"][1] == "required, at least one"
    assert "warning" in tables["opportunity"]["owner"][1]
    assert tables["opportunity"]["status"][1] == "default plan"


def test_the_reference_keeps_its_hand_written_rules(built):
    text = built.content(REFERENCE).get_text(" ")
    for heading in ("Identifiers", "Values", "Rules and checks", "Dates, overdue and stale", "Languages"):
        assert heading in text


def test_an_unknown_reference_kind_shows_a_problem_panel(tmp_path):
    pages = {"reference.md": "# Reference\n\n<!-- journey:format-reference kind=stages -->\n\n"
                             "Quoted, not replaced: `<!-- journey:format-reference kind=step -->`\n"}
    built = build_site(tmp_path, pages)
    content = built.content("reference.md")
    panel = content.select_one("div.journeys-problems")
    assert panel is not None and "kind=stages" in panel.get_text() and "stage" in panel.get_text()
    assert content.select("div.journeys-format-reference") == []
    assert "kind=step -->" in content.get_text()
