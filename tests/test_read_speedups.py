"""The shortcuts taken for reading speed give exactly what the plain ways they replace give."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_journeys.core.fields import _ASCII_SLUG_RE
from mkdocs_journeys.core.frontmatter import FRONT_MATTER_RE, FrontMatterError, parse_yaml, split_page
from mkdocs_journeys.core.slugs import is_slug

SETTINGS = settings(max_examples=500, deadline=None, derandomize=True, database=None)


@SETTINGS
@given(st.lists(st.sampled_from(["---", "...", "--", "-", ".", "\n", "\n\n", " ", "\t", "x: 1", "\r\n", "\ufeff"]),
                max_size=14).map("".join))
@example("---\n---\n")
@example("---\n\n---\n")
@example("---\n...\n---\nbody")
@example("--- \t\nx: 1\n--- \nbody\n---\n")
@example("---\nx: 1\n----\n---\n")
def test_split_page_finds_the_front_matter_mkdocs_pattern_finds(text: str) -> None:
    normal = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    match = FRONT_MATTER_RE.match(normal)
    page = split_page(text)
    if match is None:
        assert (page.yaml_text, page.body) == (None, normal)
    else:
        assert (page.yaml_text, page.body) == (match.group(1), normal[match.end():].lstrip("\n"))


@SETTINGS
@given(st.text(st.sampled_from("az09-_ .A/é营"), max_size=12))
@example("a--b")
@example("a-_-b")
@example("a_")
@example("_a")
def test_the_ascii_slug_shortcut_accepts_only_slugs(text: str) -> None:
    if _ASCII_SLUG_RE.fullmatch(text):
        assert is_slug(text)


SCALARS = ["", "~", "null", "Null", "NULL", "nul", "<<", "<", "=", "yes", "No", "on", "OFF", "y", "true", "True",
           "1", "-1", "+1", "0x1F", "0o7", "07", "0b101", "1_000", "1:30", "1.5", "-.5", ".5", ".inf", "-.Inf",
           ".nan", ".NaN", "1e3", "1.0e+3", "2026-02-30", "2026-1-1 10:00:00", "x", "营地", "Form booking", "!", "&"]


@SETTINGS
@given(st.one_of(st.sampled_from(SCALARS), st.text(st.sampled_from("0123456789.-+_:eExXoOnNtTyYfF~<=a "), max_size=8)),
       st.sampled_from(["{}", "'{}'", '"{}"']))
def test_the_reader_reads_scalars_as_pyyaml_does_dates_aside(value: str, written: str) -> None:
    """The reader builds plain texts straight from their nodes: every other scalar must come
    out as PyYAML's own safe loader reads it, except dates, which stay the text written."""
    text = f"key: {written.format(value)}\nlist: [{written.format(value)}]\n"
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        nodes = [root.value[0][1], *root.value[1][1].value]
        constructor = yaml.SafeLoader("")
        expected = [node.value if node.tag == "tag:yaml.org,2002:timestamp" else constructor.construct_object(node)
                    for node in nodes]
    except (yaml.YAMLError, ValueError):  # PyYAML raises ValueError on some odd numbers: an error for us too
        with pytest.raises(FrontMatterError):
            parse_yaml(text)
        return
    read = parse_yaml(text)
    got = [read["key"], *read["list"]]
    assert len(got) == len(expected)
    for value_read, want in zip(got, expected):
        if isinstance(want, float) and want != want:  # NaN
            assert isinstance(value_read, float) and value_read != value_read
        else:
            assert (type(value_read), value_read) == (type(want), want), (value, value_read, want)
