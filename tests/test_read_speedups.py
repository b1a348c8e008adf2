"""The shortcuts taken for reading speed give exactly what the plain ways they replace give."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mkdocs_journeys.core import frontmatter
from mkdocs_journeys.core.fields import _ASCII_SLUG_RE
from mkdocs_journeys.core.frontmatter import FRONT_MATTER_RE, FrontMatterError, parse_yaml, split_page
from mkdocs_journeys.core.slugs import is_slug

SAMPLE_WIKI = Path(__file__).resolve().parent.parent / "journeys"

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


# -- the events pass of parse_yaml against the node graph's ---------------------------------

def _as_read(value: object) -> object:
    """What the reader gives, lines included, in a form == compares (NaN as text)."""
    if isinstance(value, dict):
        return ("mapping", getattr(value, "line", None), getattr(value, "key_lines", None),
                getattr(value, "duplicate_keys", None), [(_as_read(k), _as_read(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", getattr(value, "line", None), getattr(value, "item_lines", None), [_as_read(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def _outcome(text: str) -> object:
    try:
        return _as_read(parse_yaml(text, first_line=5))
    except FrontMatterError as error:
        return ("error", error.message, error.line, error.expected)


def _outcome_of_node_graph(text: str, monkeypatch: pytest.MonkeyPatch) -> object:
    def needs_node_graph(loader: object) -> object:
        raise frontmatter._NeedsNodeGraph

    with monkeypatch.context() as patched:
        patched.setattr(frontmatter, "_values_from_events", needs_node_graph)
        return _outcome(text)


YAML_LINES = ["a: 1", "b:", "  - x", "  - y: 2", "    z: [1, {q: yes}]", "- item", "c: {k: v, k: w}", "a: again",
              "d: &anchor {m: 1}", "e: *anchor", "f:\n  <<: *anchor\n  n: 2", "g: !!str 12", "h: !!int x",
              "i: ! 12", "j: !custom {x: 1}", "? [k]\n: v", "=: 1", "~: null key", "2026-01-01: date key",
              "1.5: float key", "l: 2026-02-30", "m: " + "9" * 5000, "n: [unclosed", "o: 'single", "  p: bad indent",
              "q: \"tab\tin quotes\"", "r: \u0007", "--- s: 2", "...", "t: |\n  block\n  text", "u: >-\n  folded",
              "# a comment", "", "v: " + "[" * 70 + "]" * 70, "w: &self [*self]", "x: .nan", "y: -.inf", "z: 0x1F",
              "营地: 看线上攻略", "? complex\n: value", "aa: {bb: [cc, dd], ee: ~}", "ff: [1, 2,]", "gg: @reserved"]


@SETTINGS
@given(st.lists(st.sampled_from(YAML_LINES), max_size=6).map("\n".join))
@example("")
@example("# only a comment\n")
@example("just text\n")
@example("- a\n- b\n")
@example("a: 1\n--- b: 2\n")
@example("a:\n" + "".join("  " * depth + "- \n" for depth in range(1, 70)))
@example("a: " + "9" * 5000 + "\nb: [\n")
@example("base: &base {kind: core}\ntouchpoint: *base\n")
def test_the_events_pass_reads_what_the_node_graph_reads(text: str) -> None:
    """parse_yaml builds most pages straight from the parser's events and leaves the rest to
    the node graph: either way, the same values, lines, duplicate keys, or the same error."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert _outcome(text + "\n") == _outcome_of_node_graph(text + "\n", monkeypatch)


def test_the_events_pass_reads_every_sample_page_as_the_node_graph_does() -> None:
    pages = sorted(SAMPLE_WIKI.rglob("*.md"))
    texts = [page.yaml_text for page in map(split_page, (path.read_text(encoding="utf-8") for path in pages))
             if page.yaml_text]
    assert len(texts) > 20
    with pytest.MonkeyPatch.context() as monkeypatch:
        for text in texts:
            assert _outcome(text) == _outcome_of_node_graph(text, monkeypatch)


def test_the_first_characters_of_resolved_values_are_pyyamls() -> None:
    """A plain value starting with any other character is text, without asking the loader."""
    resolved = {first for first in yaml.SafeLoader.yaml_implicit_resolvers if first}
    assert frontmatter.RESOLVED_FIRST_CHARACTERS == resolved
