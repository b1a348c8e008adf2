"""Every case of the bad-input corpus (tests/support/bad_pages.py), checked at the core's level.

For each case, in the small wiki of tests/support/bad_pages.site_pages:
- what a build logs names the file (and line, where known), the field path and the value
  found, and says what was expected, in a message of readable length; any message makes
  `mkdocs build --strict` fail;
- without strict, the bad page shows the problem panel naming the field, in place of its
  map for errors and above it for warnings; the valid journey keeps its map, has no panel,
  and its opportunity stays in the index.

That the plugin logs these messages as warnings, shows these panels and maps, and that
`--strict` aborts, is proven end to end by tests/test_error_contract.py.
"""

from __future__ import annotations

import pytest

from sample_pages import supporting_pages
from support.bad_pages import BAD, CASES, GOOD, Case, bad_journey, line_number, messages_about, site_pages
from support.core_site import read_site


def test_there_are_many_cases_with_unique_ids():
    assert len(CASES) >= 200
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_messages_name_file_line_field_value_and_expectation(case: Case):
    messages = read_site(site_pages(case)).messages
    matching = messages_about(case, messages)
    assert any("expect" in message.lower() for message in matching), matching
    assert all(len(message) < 2000 for message in messages), "a message must stay readable, whatever the value"
    if case.line is not None:
        line = line_number(case.lines, case.line)
        assert any(f"{case.path}:{line}:" in message for message in matching), (line, matching)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_page_shows_the_problem_and_the_valid_journey_keeps_its_map(case: Case):
    core = read_site(site_pages(case))
    panel = core.panel(case.path)
    assert panel is not None, "no problem panel"
    assert case.field in panel.get_text(" ")
    if case.path == BAD:
        assert core.shows_map(BAD) == case.keeps_map, "the map is missing, or drawn from nothing"
    assert core.shows_map(GOOD), "the valid page lost its map"
    assert core.panel(GOOD) is None
    assert core.indexed("good-signs"), "the valid journey's opportunity left the index"


def test_a_long_value_is_shortened_in_its_message():
    messages = read_site({**supporting_pages(), BAD: bad_journey(set={"type": "x" * 100_000})}).messages
    about_type = [message for message in messages if "journey.type" in message]
    assert len(about_type) == 1 and len(about_type[0]) < 500 and "xxxxxxxx" in about_type[0]
