"""The error contract end to end: a dozen cases of the bad-input corpus built with MkDocs.

tests/test_bad_input.py checks every case of tests/support/bad_pages.py at the core's level;
two builds prove the wiring for a dozen of them, one of each way a problem reaches the
reader (a journey's field, a warning that keeps the map, a check of the whole site, a
persona and a department page, unreadable YAML, a file that is not UTF-8, an icon of the
theme, a file name, ...), all in one small wiki built strict and not:

- `mkdocs build --strict` fails, with a warning naming the file (and line, where known),
  the field path and the value found, and saying what was expected;
- a build without `--strict` completes: the bad page shows the problem panel (in place of
  its map for errors, above it for warnings), a valid journey in the same site keeps its map
  and its opportunity stays in the index.

Then the things that must build: a BOM and CRLF line endings, a leap day, a 100 kB text.
And through the real command line: no Python traceback, exit code 1 for a strict failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from journey_html import map_table, text_of
from sample_pages import journey_page, supporting_pages
from support.bad_pages import (
    BAD, DEPARTMENT, ERROR, GOOD, MINIMAL, PERSONA, WARNING, Case, bad_journey, case, good_page, journey_text,
    line_number, messages_about, raw_journey,
)
from support.building import Built, build_site, write_site

MKDOCS = Path(sys.executable).parent / "mkdocs"

def placed(bad: Case) -> Case:
    """The case at a page of its own in the site of all the wiring cases: a case that
    rewrites one of the shared pages (the bad journey, the persona or department the valid
    journey names) moves to a file named after it, and a journey's opportunity takes an id of
    its own, so that no two cases meet. Lines stay as they are."""
    if bad.path not in (BAD, PERSONA, DEPARTMENT):
        return bad
    folder = bad.path.split("/")[0]
    old, new = "id: signage\n", f"id: signage-{bad.id}\n"
    text = bad.text.replace(old.encode(), new.encode()) if isinstance(bad.text, bytes) else bad.text.replace(old, new)
    return replace(bad, path=f"{folder}/{bad.id}.md", text=text)


WIRING = [placed(case(case_id)) for case_id in (
    "emotion-above-range",  # an error in a journey's field: the panel takes the map's place
    "unknown-key-step-emotoin",  # a warning: the map stays, below the panel
    "persona-without-page",  # found by the site-wide check
    "source-page-missing",  # a page MkDocs' files do not have
    "icon-unknown",  # looked up in the theme's folders
    "persona-segment-unknown",  # a persona page
    "department-contact-bool",  # a department page
    "page-kind-typo",  # a page that is not ours gets the panel too
    "duplicate-persona-pages",  # ids from file names, across folders
    "persona-file-name-with-space",  # a file name MkDocs gives
    "yaml-syntax-error",  # front matter that cannot be read, which MkDocs would show as text
    "yaml-alias-bomb",  # refused before it expands
    "not-utf8",  # a file MkDocs cannot decode
)]
JOURNEY_CASES = {bad.id for bad in WIRING if bad.path.startswith("journeys/")}


def placed_case(case_id: str) -> Case:
    return next(bad for bad in WIRING if bad.id == case_id)


@pytest.fixture(scope="module")
def wiring_site(tmp_path_factory):
    """wiring_site(strict): every wiring case in one small wiki with a valid journey, built by
    MkDocs once strict and once not."""
    pages: dict[str, str | bytes] = {**supporting_pages(), GOOD: good_page()}
    for bad in WIRING:
        assert bad.path not in pages, bad.path
        pages[bad.path] = bad.text
    builds = {strict: build_site(tmp_path_factory.mktemp("strict" if strict else "loose"), pages, strict=strict)
              for strict in (True, False)}
    return builds.__getitem__


def test_the_wiring_cases_are_a_dozen_kinds_of_problem():
    assert len(WIRING) >= 12 and len({bad.path for bad in WIRING}) == len(WIRING)
    assert {ERROR, WARNING} <= {bad.severity for bad in WIRING}


@pytest.mark.parametrize("bad", WIRING, ids=[c.id for c in WIRING])
def test_strict_build_fails_naming_file_field_and_value(wiring_site, bad):
    built = wiring_site(True)
    assert built.aborted, "strict build must fail"
    matching = messages_about(bad, built.warnings)
    assert any("expect" in w.lower() for w in matching), matching
    assert all(w.startswith("journeys: ") for w in matching), "logged by the plugin"
    if bad.line is not None:
        line = line_number(bad.lines, bad.line)
        assert any(f"{bad.path}:{line}:" in w for w in matching), (line, matching)


@pytest.mark.parametrize("bad", WIRING, ids=[c.id for c in WIRING])
def test_non_strict_build_completes_and_shows_the_problem(wiring_site, bad):
    built = wiring_site(False)
    assert not built.aborted, built.warnings
    content = built.content(bad.path)
    panel = content.select_one("div.journeys-problems")
    assert panel is not None, "no problem panel"
    assert bad.field in panel.get_text(" ")
    if bad.id in JOURNEY_CASES:
        assert (map_table(content) is not None) == bad.keeps_map, "the map is missing, or drawn from nothing"
    good = built.content(GOOD)
    assert map_table(good) is not None, "the valid page lost its map"
    assert good.select_one("div.journeys-problems") is None
    index = built.content("opportunities/index.md")
    assert index.find(id="good-signs") is not None, "the valid journey's opportunity left the index"


def test_yaml_syntax_error_does_not_show_the_front_matter_as_text(wiring_site):
    text = wiring_site(False).content(placed_case("yaml-syntax-error").path).get_text(" ")
    for leaked in ("stages:", "Two families", "Read online guides", "opportunities:"):
        assert leaked not in text
    assert "Narrative." in text  # the body is still there


def test_warnings_only_page_keeps_its_map_below_the_panel(wiring_site):
    content = wiring_site(False).content(placed_case("unknown-key-step-emotoin").path)
    panel = content.select_one("div.journeys-problems")
    table = map_table(content)
    assert panel is not None and table is not None
    assert table in panel.find_all_next("table")


def test_a_page_with_errors_is_still_built_and_other_pages_are_intact(wiring_site):
    built = wiring_site(False)
    bad = placed_case("emotion-above-range")
    assert built.output_path(bad.path).is_file()
    assert "Some narrative." in built.content(bad.path).get_text()
    for path in ("personas/urban-camper.md", "departments/operations.md", "research.md"):
        assert built.content(path).select_one("div.journeys-problems") is None


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


# -- valid input that must build strict with no warning at all ------------------------------------


def _strict_clean(tmp_path: Path, pages: dict[str, str | bytes]) -> Built:
    built = build_site(tmp_path, {**supporting_pages(), **pages}, strict=True)
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
    "crash/alias-bomb.md": case("yaml-alias-bomb").text,
}


def run_mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([str(MKDOCS), "build", "-f", str(root / "mkdocs.yml"), *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def crash_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("crashers")
    write_site(root, {**supporting_pages(), GOOD: good_page(), **CRASHERS})
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
    write_site(tmp_path, {**supporting_pages(), GOOD: good_page()})
    result = run_mkdocs(tmp_path, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr and "Traceback" not in result.stderr
