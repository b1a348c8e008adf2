"""The core, without MkDocs: reading front matter, line numbers, dates, hostile YAML, ids."""

from __future__ import annotations

import pytest

from mkdocs_journeys.core.documents import read_document
from mkdocs_journeys.core.frontmatter import MAX_EXPANDED_NODES, FrontMatterError, parse_yaml, split_page
from mkdocs_journeys.core.slugs import slugify

JOURNEY_TEXT = """\
---
title: Weekend camping trip
journey:
  type: purchase
  reviewed: 2026-09-01
  stages:
    - name: Research
      steps:
        - name: Read online guides
          emotion: 1
        - name: 看线上攻略
          emotion: -1
    - name: Pembelian dalam talian
      steps:
        - name: Membuat pembayaran
  opportunities:
    - title: Put up signs
      at: pembelian-dalam-talian
      owner: operations
      due: 2026-12-15
---

# Body heading

Narrative text.
"""


def line_of(text: str, marker: str) -> int:
    numbers = [n for n, line in enumerate(text.splitlines(), start=1) if marker in line]
    assert len(numbers) == 1, (marker, numbers)
    return numbers[0]


# -- parse_yaml -------------------------------------------------------------------------------


def test_parse_yaml_remembers_the_line_of_each_key_and_item():
    text = "title: T\njourney:\n  stages:\n    - name: A\n    - name: B\n"
    data = parse_yaml(text, first_line=2)
    assert data.key_lines == {"title": 0, "journey": 1}
    stages = data["journey"]["stages"]
    assert stages.item_lines == [3, 4]
    assert stages[1].key_lines["name"] == 4


def test_syntax_error_reports_the_file_line():
    yaml_text = "title: T\njourney:\n  scenario: one: two\n"
    with pytest.raises(FrontMatterError) as caught:
        parse_yaml(yaml_text, first_line=2)
    assert caught.value.line == 4  # line 1 is the opening ---, so the third YAML line is line 4


def test_syntax_error_line_counts_from_the_first_yaml_line():
    with pytest.raises(FrontMatterError) as caught:
        parse_yaml("a: 1\nb: [unclosed\nc: 3\nd: 4\n", first_line=10)
    assert caught.value.line is not None and caught.value.line >= 11


def test_unclosed_quote_is_a_front_matter_error():
    with pytest.raises(FrontMatterError):
        parse_yaml('title: "never closed\njourney: {}\n')


@pytest.mark.parametrize("written", ["2026-09-01", "2026-02-30", "2026-13-45"])
def test_dates_are_kept_as_text(written):
    data = parse_yaml(f"due: {written}\n")
    assert data["due"] == written
    assert isinstance(data["due"], str)


def test_an_impossible_date_is_a_field_problem_not_a_crash():
    text = JOURNEY_TEXT.replace("due: 2026-12-15", "due: 2026-02-30")
    document = read_document("journeys/trip.md", text)
    problems = [p for p in document.problems if p.field == "journey.opportunities[0].due"]
    assert len(problems) == 1
    assert problems[0].line == line_of(text, "due: 2026-02-30")
    assert "2026-02-30" in problems[0].value


def test_valid_dates_become_dates():
    document = read_document("journeys/trip.md", JOURNEY_TEXT)
    assert document.problems == []
    assert document.journey.reviewed.isoformat() == "2026-09-01"
    assert document.journey.opportunities[0].due.isoformat() == "2026-12-15"


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_an_alias_bomb_is_refused_before_it_expands():
    # Refused by the node-graph guard (its message), so never built: no timing needed to
    # know it is cheap; test_hostile_sizes.py builds one in a process of bounded memory.
    with pytest.raises(FrontMatterError) as caught:
        parse_yaml(BILLION_LAUGHS)
    assert f"{MAX_EXPANDED_NODES:,}" in caught.value.message and "alias" in caught.value.message
    # `f` is the first list past the limit: 9**6 = 531,441 strings (`e` holds 9**5 = 59,049).
    assert caught.value.line == 2 + [line[:2] for line in BILLION_LAUGHS.splitlines()].index("f:")


def test_an_alias_bomb_in_a_page_is_a_problem_of_that_page():
    text = "---\njourney:\n" + "".join("  " + line + "\n" for line in BILLION_LAUGHS.splitlines()) + "---\nBody\n"
    document = read_document("journeys/bomb.md", text)
    assert document.broken
    assert [p.field for p in document.problems] == ["front matter"]


def test_a_few_aliases_are_fine():
    data = parse_yaml("base: &base {kind: core, key: true}\ntouchpoint: *base\n")
    assert data["touchpoint"] == {"kind": "core", "key": True}


def test_absurd_nesting_is_refused():
    with pytest.raises(FrontMatterError):
        parse_yaml("a: " + "[" * 500 + "]" * 500 + "\n")


def test_a_self_referencing_alias_is_refused():
    with pytest.raises(FrontMatterError):
        parse_yaml("a: &a [*a]\n")


# -- read_document -------------------------------------------------------------------------


def test_a_journey_page_is_read_into_the_model():
    document = read_document("journeys/trip.md", JOURNEY_TEXT)
    assert document.kind == "journey"
    assert document.title == "Weekend camping trip"
    journey = document.journey
    assert [stage.name for stage in journey.stages] == ["Research", "Pembelian dalam talian"]
    assert [step.name for _, step in journey.steps()] == ["Read online guides", "看线上攻略", "Membuat pembayaran"]
    assert [step.emotion for _, step in journey.steps()] == [1, -1, None]
    assert document.body.startswith("# Body heading")


def test_problem_lines_are_file_lines():
    text = JOURNEY_TEXT.replace("emotion: -1", "emotion: -7")
    problems = read_document("journeys/trip.md", text).problems
    assert [(p.field, p.line) for p in problems] == [
        ("journey.stages[0].steps[1].emotion", line_of(text, "emotion: -7"))
    ]
    assert problems[0].path == "journeys/trip.md"
    assert "-7" in problems[0].value


@pytest.mark.parametrize("variant", ["crlf", "bom", "bom+crlf", "cr"])
def test_crlf_and_bom_pages_read_fine(variant):
    text = JOURNEY_TEXT
    if "crlf" in variant:
        text = text.replace("\n", "\r\n")
    if variant == "cr":
        text = text.replace("\n", "\r")
    if "bom" in variant:
        text = "\ufeff" + text
    document = read_document("journeys/trip.md", text)
    assert document.kind == "journey"
    assert document.problems == []
    assert document.title == "Weekend camping trip"
    assert [step.name for _, step in document.journey.steps()] == ["Read online guides", "看线上攻略", "Membuat pembayaran"]
    assert "\r" not in document.body and "\ufeff" not in document.body
    assert document.body.startswith("# Body heading")


@pytest.mark.parametrize("variant", ["crlf", "bom"])
def test_problem_lines_are_right_in_crlf_and_bom_pages(variant):
    text = JOURNEY_TEXT.replace("emotion: -1", "emotion: 9")
    expected = line_of(text, "emotion: 9")
    text = text.replace("\n", "\r\n") if variant == "crlf" else "\ufeff" + text
    problems = read_document("journeys/trip.md", text).problems
    assert [(p.field, p.line) for p in problems] == [("journey.stages[0].steps[1].emotion", expected)]


def test_yaml_syntax_error_in_a_page_is_one_problem_with_its_line():
    text = JOURNEY_TEXT.replace("  type: purchase", "  type: purchase: again")
    document = read_document("journeys/trip.md", text)
    assert document.broken
    assert [(p.field, p.line) for p in document.problems] == [("front matter", line_of(text, "purchase: again"))]
    assert document.kind == "journey"  # still known to be a journey page, so it is reported as one
    assert document.body.startswith("# Body heading")


def test_a_page_without_front_matter_is_not_ours():
    document = read_document("notes.md", "# Notes\n\nJust text.\n")
    assert document.kind is None and document.problems == []
    assert document.title == "Notes"


def test_other_front_matter_is_left_alone():
    document = read_document("notes.md", "---\ntitle: Notes\ntags: [a, b]\n---\nText\n")
    assert document.kind is None and document.problems == []


def test_split_page_finds_front_matter_and_body():
    split = split_page("---\ntitle: T\njourney:\n  type: x\n---\nBody\n")
    assert split.yaml_text == "title: T\njourney:\n  type: x\n"
    assert split.body == "Body\n"
    assert split.kind == "journey"


# -- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Read online guides", "read-online-guides"),
        ("看线上攻略", "看线上攻略"),
        ("攻略，预定！", "攻略预定"),
        ("选位置 搭帐篷", "选位置-搭帐篷"),
        ("Pembelian dalam talian", "pembelian-dalam-talian"),
        ("Kedai Kopi Café", "kedai-kopi-café"),
        ("Ḿalaysia Ēkspres", "ḿalaysia-ēkspres"),
        ("Check-out: pay & leave!", "check-out-pay-leave"),
        ("  Trim   spaces  ", "trim-spaces"),
    ],
)
def test_slugify_keeps_letters_of_any_script(name, slug):
    assert slugify(name) == slug


def test_steps_without_ids_take_the_slug_of_their_name():
    document = read_document("journeys/trip.md", JOURNEY_TEXT)
    assert [step.id for _, step in document.journey.steps()] == ["read-online-guides", "看线上攻略", "membuat-pembayaran"]
    assert [stage.id for stage in document.journey.stages] == ["research", "pembelian-dalam-talian"]
    opportunity = document.journey.opportunities[0]
    assert opportunity.id == "put-up-signs"
    assert opportunity.stage_id == "pembelian-dalam-talian"
