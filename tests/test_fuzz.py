"""Property-based tests: whatever an author writes, reading and rendering never raise.

Hypothesis generates front matter of every shape (random nesting, types, unicode, huge and
tiny numbers, realistic journeys with random values in their fields, and raw text that
may not even be YAML). For each, the core reads the pages, cross-references them, renders
every page kind and writes the exports: the outcome is either a rendering or a list of
problems naming the page, never an uncaught exception.

CI runs a fixed (derandomized) set of examples so that a red build is reproducible; set
JOURNEYS_FUZZ=explore to draw fresh random examples locally.
"""

from __future__ import annotations

import json
import os
import string
from datetime import date

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from support.building import build_site
from mkdocs_journeys.core.documents import Document, read_document
from mkdocs_journeys.core.exports import FIELDS, opportunity_records, to_csv, to_json
from mkdocs_journeys.core.journey_reader import (
    JOURNEY_KEYS, LOG_KEYS, METRIC_KEYS, MOMENT_KEYS, OPPORTUNITY_KEYS, STAGE_KEYS, STEP_KEYS, TOUCHPOINT_KEYS,
)
from mkdocs_journeys.core.model import (
    DECISIONS, JOURNEY_TYPES, MOMENT_KINDS, PRIORITIES, SCOPES, SEGMENTS, STATUSES, TOUCHPOINT_KINDS,
)
from mkdocs_journeys.core.problems import Problem
from mkdocs_journeys.core.profile_reader import DEPARTMENT_KEYS, PERSONA_KEYS
from mkdocs_journeys.core.site_index import Site
from mkdocs_journeys.render.labels import Labels
from mkdocs_journeys.render.renderer import Renderer
from sample_pages import journey_page, supporting_pages

EXPLORE = os.environ.get("JOURNEYS_FUZZ") == "explore"
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=not EXPLORE,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
TODAY = date(2026, 11, 22)
RENDERER = Renderer(Labels("en"))

# -- values ------------------------------------------------------------------------------

# Every character YAML can write (surrogates cannot be encoded), including controls and
# right-to-left and combining marks.
texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
slugs = st.sampled_from(["urban-camper", "grandparent", "operations", "marketing", "营地-入口", "a", "_", "-x-"])
dates = st.one_of(
    st.dates().map(date.isoformat),
    st.sampled_from(["2026-02-29", "2024-02-29", "2026-13-01", "0000-00-00", "2026-1-1", "9999-12-31"]),
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.sampled_from([0, 1, -1, 2, -2, 3, 100, -101, 10**100, -(10**100)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-3, max_value=3),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, texts, slugs, dates)
choices = st.sampled_from(
    JOURNEY_TYPES + SCOPES + TOUCHPOINT_KINDS + MOMENT_KINDS + STATUSES + PRIORITIES + DECISIONS + SEGMENTS
)
ALL_KEYS = tuple(dict.fromkeys(
    JOURNEY_KEYS + METRIC_KEYS + STAGE_KEYS + STEP_KEYS + TOUCHPOINT_KEYS + MOMENT_KEYS + OPPORTUNITY_KEYS + LOG_KEYS
    + PERSONA_KEYS + DEPARTMENT_KEYS + ("journey", "persona", "department", "title")
))
keys = st.one_of(st.sampled_from(ALL_KEYS), texts, st.integers(), st.booleans(), st.none(),
                 st.floats(allow_nan=False))

# Any YAML-able value: scalars, lists and mappings nested at random.
anything = st.recursive(
    st.one_of(scalars, choices),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=30,
)


def field_value(*typical: st.SearchStrategy) -> st.SearchStrategy:
    """Mostly a value of the right shape, sometimes anything at all."""
    return st.one_of(*typical, anything)


def record(fields: dict[str, st.SearchStrategy]) -> st.SearchStrategy:
    """A mapping with a random subset of the real keys (and now and then a stray key)."""
    return st.fixed_dictionaries({}, optional=fields).flatmap(
        lambda mapping: st.dictionaries(keys, anything, max_size=1).map(lambda extra: {**extra, **mapping})
    )


text_or_texts = field_value(texts, st.lists(texts, max_size=3))
ids = field_value(slugs, st.lists(slugs, max_size=3))
touchpoint = record({"name": field_value(texts), "channel": field_value(texts, st.sampled_from(["web", "phone"])),
                     "kind": field_value(choices), "key": field_value(st.booleans())})
moment = record({"kind": field_value(choices), "text": field_value(texts)})
emotion = field_value(st.integers(-3, 3), st.dictionaries(st.one_of(slugs, keys), field_value(st.integers(-3, 3)),
                                                          max_size=3))
step = record({
    "name": field_value(texts), "id": field_value(slugs, texts), "actions": text_or_texts, "thoughts": text_or_texts,
    "emotion": emotion, "touchpoints": field_value(st.lists(touchpoint, max_size=2)), "pain_points": text_or_texts,
    "moments": field_value(st.lists(moment, max_size=2)), "backstage": text_or_texts, "owner": ids,
    "completion": field_value(st.floats(-0.5, 1.5)), "truth": field_value(st.booleans()), "personas": ids,
})
stage = record({"name": field_value(texts), "id": field_value(slugs, texts),
                "icon": field_value(st.sampled_from(["material/tent", "material/x", "fontawesome/solid/x"])),
                "personas": ids, "steps": field_value(st.lists(step, min_size=1, max_size=3))})
log_entry = record({"date": field_value(dates), "status": field_value(choices), "note": field_value(texts)})
opportunity = record({
    "title": field_value(texts), "id": field_value(slugs, texts),
    "at": field_value(st.sampled_from(["research", "research/guides", "s", "a/b", "x/y/z", "/", ""]), slugs),
    "owner": ids, "status": field_value(choices), "priority": field_value(choices), "due": field_value(dates),
    "kpi": field_value(texts), "result": field_value(texts), "decision": field_value(choices),
    "log": field_value(st.lists(log_entry, max_size=3)),
})
journey = record({
    "type": field_value(choices), "scope": field_value(choices), "personas": ids, "owner": ids,
    "reviewed": field_value(dates), "sources": field_value(st.lists(field_value(
        texts, st.sampled_from(["research.md", "https://example.org", "javascript:alert(1)", "../../x.md", "/"])),
        max_size=3)),
    "scenario": field_value(texts), "goals": text_or_texts, "expectations": text_or_texts,
    "metrics": field_value(record({"nps": numbers, "ces": numbers, "csat": numbers})),
    "stages": field_value(st.lists(stage, min_size=1, max_size=3)),
    "opportunities": field_value(st.lists(opportunity, max_size=3)),
    "language": field_value(st.sampled_from(["en", "zh", "ms", "zh-Hant", "xx", "../../locales/en", "en/../zh"])),
})
persona = record({key: field_value(texts, choices, st.lists(texts, max_size=2)) for key in PERSONA_KEYS})
department = record({key: field_value(texts) for key in DEPARTMENT_KEYS})

front_matters = st.one_of(
    st.fixed_dictionaries({"title": field_value(texts), "journey": field_value(journey)}),
    st.fixed_dictionaries({"journey": anything}),
    st.fixed_dictionaries({"persona": field_value(persona)}),
    st.fixed_dictionaries({"department": field_value(department)}),
    st.dictionaries(keys, anything, max_size=4),
    anything,
)

# -- the pipeline ------------------------------------------------------------------------------


class StubLinker:
    """Every target is a page of the site, except those of the `missing` folder."""

    def url(self, from_path: str, to_path: str, anchor: str | None = None) -> str | None:
        if to_path.startswith("missing/"):
            return None
        return f"/{to_path}" + (f"#{anchor}" if anchor else "")


def icon_exists(name: str) -> bool:
    return name == "material/tent"


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def render_everything(pages: dict[str, str]) -> list[Document]:
    """Read, cross-reference, render every page kind and export; return the documents."""
    documents = [read_document(path, text, icon_exists) for path, text in pages.items()]
    for document in documents:
        for problem in document.problems:
            assert isinstance(problem, Problem) and problem.path == document.path
            assert problem.message.startswith(document.path)
    known = {document.path: document.title for document in documents}
    site = Site(documents, known_paths=known, today=TODAY, index_path="opportunities/index.md")
    linker = StubLinker()
    for document in site.documents.values():
        if document.problems:
            assert RENDERER.problems_panel(document.problems, document.journey.language if document.journey else None)
        if document.journey is not None and not document.broken:
            assert "journey-map" in RENDERER.journey_map(document.journey, site, linker)
    for persona_id in [*site.personas, *site.missing_personas]:
        RENDERER.persona_page(persona_id, site.persona_path(persona_id), site, linker)
    for department_id in [*site.departments, *site.missing_departments]:
        RENDERER.department_page(department_id, site.department_path(department_id), site, linker)
    RENDERER.opportunity_index("opportunities/index.md", site, linker, [("opportunities.json", "x.json")])
    records = opportunity_records(site, lambda path, anchor: f"/{path}" + (f"#{anchor}" if anchor else ""))
    assert json.loads(to_json(records)) == records
    assert to_csv(records).startswith(",".join(FIELDS))
    return documents


def with_supporting(path: str, text: str) -> dict[str, str]:
    """The fuzzed page in a small valid wiki, so references and cross-links are exercised."""
    return {**supporting_pages(), "journeys/good.md": journey_page(), path: text}


PATHS = st.sampled_from(["journeys/fuzz.md", "personas/fuzz-persona.md", "departments/fuzz-dept.md",
                         "personas/Bad Name.md", "missing/page.md", "index.md"])

# -- properties ----------------------------------------------------------------------------------


@FUZZ
@given(front_matter=front_matters, path=PATHS)
@example(front_matter={"journey": {"metrics": {"nps": 10**400}, "stages": [  # math.isfinite overflowed on these
    {"name": "S", "steps": [{"name": "A", "emotion": -(10**400), "completion": 10**400}]}]}}, path="journeys/fuzz.md")
def test_any_front_matter_data_is_read_and_rendered_or_reported(front_matter, path):
    text = f"---\n{dump(front_matter)}---\n\nBody.\n"
    render_everything(with_supporting(path, text))


# Each example is up to six fuzzed pages (up to three journeys): 100 draw about as many
# fuzzed journeys as the single-page properties' 300, and drawing them is most of the time.
@settings(FUZZ, max_examples=100)
@given(journeys=st.lists(st.fixed_dictionaries({"title": texts, "journey": journey}), min_size=1, max_size=3),
       people=st.lists(st.tuples(st.sampled_from(["personas", "departments"]), slugs, st.one_of(persona, department)),
                       max_size=3))
def test_several_fuzzed_pages_cross_reference_without_raising(journeys, people):
    """Fuzzed journeys and profiles together: duplicate ids, references between them, ..."""
    pages = {f"journeys/j{index}.md": f"---\n{dump(data)}---\n" for index, data in enumerate(journeys)}
    for index, (folder, page_id, data) in enumerate(people):
        kind = folder[:-1] if folder != "departments" else "department"
        pages[f"{folder}/{index}/{page_id}.md"] = f"---\n{dump({kind: data})}---\n"
    render_everything(pages)


YAML_SYMBOLS = st.sampled_from(list(":-?[]{},#&*!|>'\"%@`\t\n ") + ["\r\n", "\ufeff", "---", "...", "<<", "- ", ": ",
                                                                        "!!omap", "!!set", "!!binary", "!!timestamp",
                                                                        "!!int", "!!float", "!!python/name:os.system",
                                                                        "&a", "*a", "journey:", "  stages:", "\\u"])
raw_yaml = st.lists(st.one_of(YAML_SYMBOLS, st.text(string.ascii_letters + string.digits, max_size=4), texts),
                    max_size=40).map("".join)


@FUZZ
@given(body=raw_yaml, prefix=st.sampled_from(["", "journey:\n", "journey:\n  stages:\n", "persona:\n  "]))
@example(body="!!int", prefix="")  # found by this test: IndexError out of PyYAML
@example(body="[" * 50_000 + "]" * 50_000, prefix="journey:\n  type: ")  # libyaml's composer overflowed the C stack
@example(body="!!omap [{a: 1}]", prefix="journey:\n  stages: ")
def test_any_text_as_front_matter_is_read_or_reported(body, prefix):
    text = f"---\n{prefix}{body}\n---\n\nBody.\n"
    documents = render_everything(with_supporting("journeys/fuzz.md", text))
    fuzzed = next(d for d in documents if d.path == "journeys/fuzz.md")
    assert fuzzed.kind is not None or not prefix.startswith(("journey", "persona")) or fuzzed.problems


@FUZZ
@given(text=st.text(max_size=200))
def test_any_page_text_at_all_is_read_or_reported(text):
    for candidate in (text, "---\n" + text, "\ufeff---\r\n" + text.replace("\n", "\r\n") + "\r\n---\r\n"):
        render_everything({"journeys/fuzz.md": candidate})


# Each example is a whole Material build (about 0.6 s); the core properties above draw the
# variety of data, these prove the adapter passes fuzzed journeys through MkDocs.
@settings(FUZZ, max_examples=8)
@given(front_matter=st.fixed_dictionaries({"title": field_value(texts), "journey": field_value(journey)}))
def test_real_mkdocs_builds_of_fuzzed_journeys_complete(tmp_path_factory, front_matter):
    """A few fuzzed journeys through MkDocs itself: the adapter must not raise either."""
    root = tmp_path_factory.mktemp("fuzz-build")
    text = f"---\n{dump(front_matter)}---\n\nBody.\n"
    built = build_site(root, with_supporting("journeys/fuzz.md", text))
    assert not built.aborted, built.warnings
    assert "Body." in built.html("journeys/fuzz.md")
    assert (built.site_dir / "opportunities" / "opportunities.json").is_file()
