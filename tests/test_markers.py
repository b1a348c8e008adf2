"""Issue 17: markers are found where Markdown finds them (CommonMark fences and indented
code, also in quotes and list items, never in the front matter), and a marker that cannot
be honoured is a warning naming its file and line, in the build and in `validate` alike."""

from __future__ import annotations

import pytest

from conftest import build_site, page
from hostile_checks import assert_docs_as_written, run_cli
from mkdocs_journeys.core.markers import INDEX_MARKER, MARKERS, marker_lines, page_markers
from sample_pages import journey_page, supporting_pages

TODAY = "2026-11-22"
INDEX = f"<!-- {INDEX_MARKER} -->"

# (Markdown, the 1-based lines that hold a marker CommonMark would pass on as HTML)
SCAN_CASES = {
    "a line of its own": (f"# Title\n\n{INDEX}\n", [3]),
    "up to three spaces of indent": (f"   {INDEX}\n", [1]),
    "fence in a longer fence": (f"````markdown\n```\n{INDEX}\n```\n````\n", []),
    "shorter fence does not close": (f"````\n```\n```\n{INDEX}\n````\n{INDEX}\n", [6]),
    "longer closing fence closes": (f"```\n{INDEX}\n`````\n{INDEX}\n", [4]),
    "tilde fence not closed by backticks": (f"~~~\n```\n{INDEX}\n~~~\n{INDEX}\n", [5]),
    "backticks not closed by tildes": (f"```\n~~~\n{INDEX}\n```\n", []),
    "closing fence with text is no closing": (f"```\n``` not closing\n{INDEX}\n```\n", []),
    "closing fence indented four is code": (f"```\n    ```\n{INDEX}\n```\n", []),
    "unclosed fence runs to the end": (f"```\n\n{INDEX}\n", []),
    "backtick info string with a backtick is no fence": (f"``` a`b\n{INDEX}\n", [2]),
    "indented code": (f"Text.\n\n    {INDEX}\n", []),
    "tab-indented code": (f"\t{INDEX}\n", []),
    "four spaces after a paragraph continue it": (f"Text.\n    {INDEX}\n", []),
    "four-space fence is indented code": (f"    ```\n{INDEX}\n", [2]),
    "inside a sentence": (f"See {INDEX} here.\n", []),
    "fence in a list item": (f"- Example:\n\n  ```\n  {INDEX}\n  ```\n\n{INDEX}\n", [7]),
    "fence in a nested list item": (f"- a\n    - b\n\n      ```\n      {INDEX}\n      ```\n", []),
    "list item content": (f"- a\n\n  {INDEX}\n", [3]),
    "code in a list item": (f"- a\n\n        {INDEX}\n", []),
    "fence in a block quote": (f"> ```\n> {INDEX}\n> ```\n", []),
    "fence ends with its quote": (f"> ```\n> code\n\n{INDEX}\n", [4]),
    "marker in a block quote": (f"> {INDEX}\n", [1]),
    "after a heading": (f"## Index\n{INDEX}\n", [2]),
}


@pytest.mark.parametrize("markdown, lines", SCAN_CASES.values(), ids=SCAN_CASES.keys())
def test_marker_lines_follow_commonmark_blocks(markdown, lines):
    assert [marker.line for marker in marker_lines(markdown)] == lines


def test_a_marker_in_the_front_matter_is_yaml_text_and_lines_count_from_the_file():
    text = f"---\ntitle: Notes\ndescription: |\n  {INDEX}\n---\n\nBody.\n\n{INDEX}\n"
    assert [(marker.name, marker.line) for marker in page_markers(text)] == [(INDEX_MARKER, 9)]
    assert [m.line for m in page_markers(text.replace("\n", "\r\n").encode("utf-8"))] == [9]


def test_the_marker_table_names_every_marker_the_plugin_places():
    assert set(MARKERS) == {"journey:map", "journey:links", "journey:opportunities", "journey:overview",
                            "journey:format-reference"}


# -- in a real build, and in validate ---------------------------------------------------------


def hostile_marker_pages() -> dict[str, str]:
    fence_doc = (f"# How to make an index page\n\nWrite this:\n\n````markdown\n```\n{INDEX}\n```\n````\n\n"
                 "Text after the example.\n")
    return {
        "journeys/camping.md": journey_page(body="Narrative.\n\n<!-- journey:map -->\n\n<!-- journey:map -->\n"
                                                "\n<!-- journey:links -->\n"),
        **supporting_pages(),
        "docs-of-markers.md": fence_doc,  # documents the marker: no index
        "ideas.md": f"# Ideas\n\n{INDEX}\n",  # the index
        "more-ideas.md": f"# More ideas\n\n{INDEX}\n",  # a second index marker
        "about.md": "# About\n\n<!-- journey:map -->\n\n<!-- journey:mpa -->\n",
        "reference.md": "# Fields\n\n<!-- journey:format-reference kind=nonsense -->\n",
        "personas/hiker.md": page({"title": "Hiker", "persona": {"name": "Hiker"}}, f"Hiker.\n\n{INDEX}\n"),
    }


# (page, marker, which of its occurrences on the page, what the warning says)
EXPECTED_WARNINGS = [
    ("journeys/camping.md", "<!-- journey:map -->", 2, "one journey:map per page"),
    ("journeys/camping.md", "<!-- journey:links -->", 1, "only on a persona or department page"),
    ("more-ideas.md", INDEX, 1, "ideas.md (line 3) shows the opportunity index"),
    ("about.md", "<!-- journey:map -->", 1, "only on a journey page"),
    ("about.md", "<!-- journey:mpa -->", 1, "did you mean <!-- journey:map -->?"),
    ("reference.md", "<!-- journey:format-reference kind=nonsense -->", 1, "kind=<one of journey"),
    ("personas/hiker.md", INDEX, 1, "on this persona page it shows nothing"),
]


def line_of(text: str, line_text: str, occurrence: int) -> int:
    numbers = [number for number, line in enumerate(text.split("\n"), 1) if line == line_text]
    return numbers[occurrence - 1]


@pytest.fixture(scope="module")
def marker_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("markers")
    pages = hostile_marker_pages()
    return build_site(root, pages), pages


def test_a_marker_that_shows_nothing_is_a_warning_naming_file_and_line(marker_build):
    built, pages = marker_build
    assert not built.aborted  # not strict: every page is built
    messages = [w.removeprefix("journeys: ") for w in built.warnings if "marker: found" in w]
    for path, marker, occurrence, said in EXPECTED_WARNINGS:
        line = line_of(pages[path], marker, occurrence)
        assert any(m.startswith(f"{path}:{line}: marker: found {marker}") and said in m for m in messages), \
            (path, line, said, messages)
    assert len(messages) == len(EXPECTED_WARNINGS), messages
    assert not any("docs-of-markers.md" in m for m in built.warnings)
    assert_docs_as_written(built, pages)


def test_the_first_index_marker_wins_and_a_documented_marker_is_only_code(marker_build):
    built, _ = marker_build
    assert built.content("ideas.md").select_one(".journeys-index, table") is not None
    documented = built.content("docs-of-markers.md")
    assert INDEX in documented.select_one("pre code").get_text()  # shown as the code it is
    assert documented.select_one("table") is None
    assert built.content("more-ideas.md").select_one("table") is None
    assert not built.output_path("opportunities/index.md").exists()  # ideas.md is the index


def test_the_map_goes_at_the_first_map_marker_and_warning_pages_show_a_panel(marker_build):
    built, _ = marker_build
    content = built.content("journeys/camping.md")
    assert len(content.select("table")) >= 1 and "Narrative." in content.get_text()
    assert built.content("about.md").select_one("div.journeys-problems") is not None


def test_strict_fails_on_a_marker_that_shows_nothing(tmp_path):
    pages = {"journeys/camping.md": journey_page(), **supporting_pages(), "about.md": "# About\n\n<!-- journey:map -->\n"}
    built = build_site(tmp_path, pages, strict=True)
    assert built.aborted
    assert any(w.startswith("journeys: about.md:3: marker: found <!-- journey:map -->") for w in built.warnings)
    assert_docs_as_written(built, pages)


def test_validate_reports_the_marker_warnings_as_the_build_logs_them(marker_build):
    built, _ = marker_build
    result = run_cli("validate", cwd=built.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    cli = [line for line in result.stdout.splitlines() if "marker: found" in line]
    logged = [w.removeprefix("journeys: ") for w in built.warnings if "marker: found" in w]
    assert cli == logged


def test_a_journey_page_holding_the_index_marker_shows_its_map_and_the_index(tmp_path):
    """A journey page may be the index (the marker is honoured on journey pages): it shows
    both, its map at the top and the index at the marker."""
    pages = {"journeys/camping.md": journey_page(body="Narrative.\n\n<!-- journey:opportunities -->\n"),
             **supporting_pages()}
    built = build_site(tmp_path, pages, strict=True)
    assert not built.aborted, built.warnings
    content = built.content("journeys/camping.md")
    assert content.select_one("table.journey-map__table") is not None
    index = content.select_one("div.journeys-index")
    assert index is not None and index.select("tr[id]")
    assert not (built.site_dir / "opportunities" / "index.html").exists()  # no second, generated index
