"""What MkDocs gets to parse into page.meta: the page's own front matter, less the journey
mapping the plugin has read (checked with MkDocs' own front-matter reader, at the core's
level: no site is built)."""

from __future__ import annotations

import datetime

import pytest
import yaml
from mkdocs.utils.meta import get_data

from mkdocs_journeys.core.documents import read_document

JOURNEY = "journey:\n  stages:\n    - name: A\n      steps: [{name: s}]\n"


def as_mkdocs_reads(text: str) -> tuple[str, dict]:
    return get_data(read_document("journeys/a.md", text).text_for_site_generator())


@pytest.mark.parametrize("front_matter", [
    f"title: Camping\ntags: [a, b]\n{JOURNEY}hide:\n  - toc\n",
    f"{JOURNEY}title: Camping\n# a comment\ntags: [a, b]\nhide: [toc]\n",
    f"title: Camping\n\n{JOURNEY}\n# the end\ntags: [a, b]\nhide: [toc]\n",
])
def test_a_journey_page_gives_mkdocs_every_key_but_the_journey_mapping(front_matter):
    markdown, meta = as_mkdocs_reads(f"---\n{front_matter}---\n\n# Body\n")
    expected = yaml.safe_load(front_matter)
    del expected["journey"]
    assert meta == expected
    assert markdown == "# Body\n"


def test_dates_are_typed_as_mkdocs_types_them():
    _, meta = as_mkdocs_reads(f"---\ndate: 2026-10-01\n{JOURNEY}---\nBody\n")
    assert meta == {"date": datetime.date(2026, 10, 1)}


def test_a_page_with_only_the_journey_mapping_has_no_metadata_and_keeps_its_whole_body():
    markdown, meta = as_mkdocs_reads(f"---\n{JOURNEY}---\nKey: value\n\nBody\n")
    assert meta == {}
    assert markdown == "Key: value\n\nBody\n"  # not read as MultiMarkdown metadata


def test_a_persona_page_gives_mkdocs_its_whole_front_matter():
    front_matter = "title: Li Wei\npersona:\n  name: Li Wei\n  goals: [Relax]\n"
    _, meta = as_mkdocs_reads(f"---\n{front_matter}---\nBody\n")
    assert meta == yaml.safe_load(front_matter)


@pytest.mark.parametrize("front_matter", [
    "{title: Camping, journey: {stages: [{name: A, steps: [{name: s}]}]}}\n",  # a flow mapping
    f"journey: &j\n  stages:\n    - name: A\n      steps: [{{name: s}}]\ncopy: *j\n",  # an alias into it
])
def test_a_journey_mapping_that_cannot_be_cut_on_lines_is_left_in(front_matter):
    _, meta = as_mkdocs_reads(f"---\n{front_matter}---\nBody\n")
    assert meta == yaml.safe_load(front_matter)


@pytest.mark.parametrize("text", [
    "---\ntitle: [unclosed\njourney: {}\n---\nBody\n",  # not YAML
    "---\n- a list\n---\nBody\n",  # YAML, not a mapping
])
def test_a_broken_front_matter_is_never_shown_as_text(text):
    markdown, meta = as_mkdocs_reads(text)
    assert meta == {}
    assert markdown == "Body\n"
