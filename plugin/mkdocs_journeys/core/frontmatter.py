"""Split a Markdown page into YAML front matter and body, and parse the YAML safely.

MkDocs drops front matter whose YAML is invalid and renders it as text, so the plugin
parses it itself: with line numbers for every key and list item, dates kept as text
(validated later, so an impossible date is a field problem, not a crash), and a guard
against alias bombs and absurd nesting before any Python object is built.

All of it through PyYAML's public API. Nearly every page is mappings, lists and untagged
values: those are built straight from the safe loader's events (libyaml's loader when
installed; `get_event`, each event with its `start_mark`), a value that YAML reads as a
number, boolean, null or date through the loader's own `resolve` and constructors. A page
with anything else (anchors and aliases, tags, merge keys, a mapping as a key, nesting past
the limit, a second document) is read the general way: the loader composes the node graph
(`get_single_node`), the guards walk the nodes and the parser's events, and
`construct_document` builds the values with the constructors registered by
`add_constructor` (the mapping and list ones build their text, mappings and lists
directly, `_value`). Both give the same values and lines. Syntax errors are told in plain
words (yaml_errors.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .yaml_errors import VALID_YAML, explain

# The same pattern MkDocs uses (mkdocs.utils.meta), so both agree on where front matter is.
FRONT_MATTER_RE = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# It is matched in two steps: its lazy `.*?` tries the closing line at every character
# (0.2 ms on a 30 kB journey), a search for the first closing line after the opening one
# finds the same end.
_OPENING_RE = re.compile(r"-{3}[ \t]*\n")
_CLOSING_RE = re.compile(r"\n(?:\.{3}|-{3})[ \t]*\n")

# A page is ours when its front matter has one of these top-level keys.
PAGE_KINDS = ("journey", "persona", "department")
_KIND_LINE_RE = re.compile(r"^(journey|persona|department)[ \t]*:", re.M)

# Limits on the YAML node graph, checked before construction (aliases can make a small
# file expand into billions of nodes).
MAX_EXPANDED_NODES = 200_000
MAX_DEPTH = 64
# libyaml's composer recurses once per nesting level and overflows the C stack (a
# segfault, no exception) some ten thousand levels down. Each level needs a bracket or a
# column of indentation, so a text with fewer of both than this is safe to compose.
_SAFE_TO_COMPOSE = 1000

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping that remembers the 0-based line of each key."""

    line: int = 0
    key_lines: dict[Any, int]
    duplicate_keys: list[tuple[Any, int]]


class LineList(list):
    """A list that remembers the 0-based line of each item."""

    line: int = 0
    item_lines: list[int]


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"


def _value(loader: Any, node: yaml.Node) -> Any:
    """The value of a node. Nearly all of a journey is text, mappings and lists: text is
    taken from its node, mappings and lists are built here directly (PyYAML's generic
    construct_object keeps books on every node it builds); any other node goes through
    the loader's constructors. (A node reached through two aliases
    is built twice: equal values; the alias guard has already bounded how often.)"""
    kind = node.__class__
    if kind is yaml.ScalarNode:
        if node.tag == _STR_TAG:
            return node.value
    elif kind is yaml.MappingNode:
        if node.tag == _MAP_TAG:
            return _construct_mapping(loader, node)
    elif node.tag == _SEQ_TAG:
        return _construct_list(loader, node)
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> LineDict:
    """A mapping with the line of each key."""
    if any(key.tag == _MERGE_TAG for key, _ in node.value):
        loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line
    key_lines = mapping.key_lines = {}
    duplicate_keys = mapping.duplicate_keys = []
    for key_node, value_node in node.value:
        key = _value(loader, key_node)
        if key_node.__class__ is not yaml.ScalarNode:
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value, not a list or mapping", key_node.start_mark
                ) from None
        line = key_node.start_mark.line
        if key in mapping:
            duplicate_keys.append((key, line))
        mapping[key] = _value(loader, value_node)
        key_lines[key] = line
    return mapping


def _construct_list(loader: Any, node: yaml.SequenceNode) -> LineList:
    """A list with the line of each item."""
    items = LineList([_value(loader, child) for child in node.value])
    items.line = node.start_mark.line
    items.item_lines = [child.start_mark.line for child in node.value]
    return items


def _reported_as_yaml_error(construct: Any, what: str) -> Any:
    """PyYAML raises ValueError or KeyError (not a YAML error) on `!!int abc`, `!!bool maybe`,
    `!!float x` and integers of thousands of digits: make them YAML errors with their line."""

    def construct_checked(loader: Any, node: yaml.Node) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, LookupError, TypeError, OverflowError):  # LookupError: "!!int" with no digits
            written = str(node.value)
            written = written if len(written) <= 40 else written[:39] + "…"
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read {written!r} as {what}", node.start_mark
            ) from None

    return construct_checked


class _JourneyLoader(_Base):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader (libyaml's when installed), changed only through its documented
    hook, add_constructor: mappings and lists that know their lines, dates kept as text,
    numbers and booleans that fail as YAML errors."""


_JourneyLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_JourneyLoader.add_constructor("tag:yaml.org,2002:seq", _construct_list)
# (!!omap and !!pairs keep PyYAML's constructors: lists of pairs, reported where a mapping is due.)
for _tag, _what in (("int", "an integer"), ("float", "a number"), ("bool", "true or false")):
    _JourneyLoader.add_constructor(
        f"tag:yaml.org,2002:{_tag}",
        _reported_as_yaml_error(yaml.constructor.SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{_tag}"], _what),
    )
# Dates stay text, whether YAML recognised them or they carry `!!timestamp`: the validator
# reads them, so "2026-02-30" is reported as a field problem, not raised.
_JourneyLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


class FrontMatterError(Exception):
    """The front matter cannot be read at all: what was found (message), at which line (1-based
    in the page file) and what to write instead (expected)."""

    def __init__(self, message: str, line: int | None, expected: str = VALID_YAML):
        super().__init__(message)
        self.message = message
        self.line = line
        self.expected = expected


@dataclass
class SplitPage:
    """A page's text cut into front matter and body."""

    yaml_text: str | None  # None when the page has no front matter
    body: str
    first_yaml_line: int = 2  # 1-based line of the first YAML line in the file
    kind: str | None = None  # journey / persona / department, guessed from the raw text


def split_page(text: str) -> SplitPage:
    """Cut the page; guess its kind from the raw front matter, even if the YAML is broken."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    opening = _OPENING_RE.match(text)
    closing = _CLOSING_RE.search(text, opening.end()) if opening else None
    if not closing:
        return SplitPage(yaml_text=None, body=text)
    yaml_text = text[opening.end() : closing.start() + 1]
    kind_match = _KIND_LINE_RE.search(yaml_text)
    return SplitPage(
        yaml_text=yaml_text,
        body=text[closing.end() :].lstrip("\n"),
        kind=kind_match.group(1) if kind_match else None,
    )


def _check_node_graph(root: yaml.Node, first_line: int) -> None:
    """Refuse node graphs that expand too far or nest too deep, without expanding them."""
    expanded: dict[int, int] = {}
    # Iterative post-order walk; shared (aliased) nodes are sized once and counted per use.
    stack: list[tuple[yaml.Node, int, bool]] = [(root, 1, False)]
    on_path: set[int] = set()
    while stack:
        node, depth, children_done = stack.pop()
        key = id(node)
        if depth > MAX_DEPTH:
            raise FrontMatterError(
                f"the YAML nests deeper than {MAX_DEPTH} levels", first_line + node.start_mark.line
            )
        if isinstance(node, yaml.ScalarNode):
            expanded[key] = 1
            continue
        children = _children(node)
        if children_done:
            on_path.discard(key)
            size = 1 + sum(expanded[id(child)] for child in children)
            if size > MAX_EXPANDED_NODES:
                raise FrontMatterError(
                    f"the YAML expands to more than {MAX_EXPANDED_NODES:,} values through aliases "
                    "(an alias bomb?); write the values out instead",
                    first_line + node.start_mark.line,
                )
            expanded[key] = size
            continue
        if key in expanded:
            continue
        if key in on_path:
            raise FrontMatterError("the YAML refers to itself through an alias", first_line + node.start_mark.line)
        on_path.add(key)
        stack.append((node, depth, True))
        for child in children:
            if id(child) not in expanded:
                stack.append((child, depth + 1, False))


def _check_nesting(yaml_text: str, first_line: int) -> None:
    """Refuse text nesting deeper than MAX_DEPTH before the composer recurses into it."""
    columns = max(map(len, yaml_text.split("\n")))
    if yaml_text.count("[") + yaml_text.count("{") + 2 * columns <= _SAFE_TO_COMPOSE:
        return
    # The parser keeps its own stack: walk its events and count.
    loader = _JourneyLoader(yaml_text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(
                        f"the YAML nests deeper than {MAX_DEPTH} levels", first_line + event.start_mark.line
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


def _line_index(yaml_text: str, position: int) -> int:
    """The 0-based line of a reader error's position: libyaml counts UTF-8 bytes, PyYAML characters."""
    if _Base is not yaml.SafeLoader:
        return yaml_text.encode("utf-8", "surrogatepass")[:position].count(b"\n")
    return yaml_text.count("\n", 0, position)


class _NeedsNodeGraph(Exception):
    """The front matter has more than mappings, lists and untagged values: read it the general way."""


# The first characters of the values that the safe loader's implicit resolvers may read as
# something else than text (null, booleans, numbers, dates, `<<`, `=`): a plain value starting
# with any other character is text without asking the loader (tests check this against PyYAML).
RESOLVED_FIRST_CHARACTERS = frozenset("~nNyYtTfFoO0123456789+-.<=!&*")
# The tags of the values built in the events pass, through the loader's constructors.
_EVENT_PASS_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp"))
_NO_KEY = object()  # a mapping waiting for its next key


def _values_from_events(loader: Any) -> Any:
    """The document's values built from the parser's events: mappings and lists with their
    lines, as `_construct_mapping` and `_construct_list` build them from nodes, without
    composing the node graph first (benchmarks/README.md gives the gain); it meets the
    parser's syntax errors in the same order. Raises _NeedsNodeGraph for what only the
    node graph reads (or guards) as the rules want."""
    get_event = loader.get_event
    get_event()  # the stream's start
    if loader.check_event(yaml.StreamEndEvent):
        raise _NeedsNodeGraph  # no document: the general way says what that gives
    get_event()  # the document's start
    open_collections: list[tuple[Any, bool, Any, int]] = []  # the enclosing (collection, is mapping, key, key line)
    collection: Any = None  # the mapping or list being filled; None at the top
    is_mapping = False
    key: Any = _NO_KEY
    key_line = 0
    while True:
        event = get_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag not in (None, "!"):
                raise _NeedsNodeGraph
            value = event.value
            line = event.start_mark.line
            if event.implicit[0] and (not value or value[0] in RESOLVED_FIRST_CHARACTERS):
                tag = loader.resolve(yaml.ScalarNode, value, event.implicit)
                if tag != _STR_TAG:
                    if tag not in _EVENT_PASS_TAGS:
                        raise _NeedsNodeGraph  # `<<` and `=`
                    try:
                        value = loader.construct_object(
                            yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style))
                    except yaml.YAMLError:
                        # the general way reports it, or a syntax error further down first
                        raise _NeedsNodeGraph from None
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if (event.anchor is not None or event.tag not in (None, "!") or (is_mapping and key is _NO_KEY)
                    or len(open_collections) >= MAX_DEPTH):
                raise _NeedsNodeGraph
            open_collections.append((collection, is_mapping, key, key_line))
            line = event.start_mark.line
            if kind is yaml.MappingStartEvent:
                collection = LineDict()
                collection.key_lines, collection.duplicate_keys = {}, []
            else:
                collection = LineList()
                collection.item_lines = []
            collection.line = line
            is_mapping, key = kind is yaml.MappingStartEvent, _NO_KEY
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value, line = collection, collection.line
            collection, is_mapping, key, key_line = open_collections.pop()
        else:
            raise _NeedsNodeGraph  # an alias
        if collection is None:  # the document's value: it must be the stream's only one
            get_event()  # the document's end
            if not loader.check_event(yaml.StreamEndEvent):
                raise _NeedsNodeGraph
            return value
        if not is_mapping:
            collection.append(value)
            collection.item_lines.append(line)
        elif key is _NO_KEY:
            key, key_line = value, line
        else:
            if key in collection:
                collection.duplicate_keys.append((key, key_line))
            collection[key] = value
            collection.key_lines[key] = key_line
            key = _NO_KEY


def _values_from_node_graph(yaml_text: str, first_line: int) -> Any:
    loader = _JourneyLoader(yaml_text)
    try:
        _check_nesting(yaml_text, first_line)
        node = loader.get_single_node()
        if node is None:
            return None
        if "*" in yaml_text:  # only aliases can expand a graph beyond its text or loop it
            _check_node_graph(node, first_line)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def parse_yaml(yaml_text: str, first_line: int = 2) -> Any:
    """Parse front matter YAML into LineDict/LineList values; raise FrontMatterError."""
    try:
        loader = _JourneyLoader(yaml_text)
        try:
            return _values_from_events(loader)
        except _NeedsNodeGraph:
            pass
        finally:
            loader.dispose()
        return _values_from_node_graph(yaml_text, first_line)
    except yaml.MarkedYAMLError as error:
        explained = explain(error, yaml_text)
        line = first_line + explained.line if explained.line is not None else None
        raise FrontMatterError(explained.found, line, explained.expected) from None
    except yaml.reader.ReaderError as error:
        # A character YAML forbids, such as a control character pasted from a terminal.
        character = f"U+{error.character:04X}" if isinstance(error.character, int) else repr(error.character)
        raise FrontMatterError(f"invalid YAML: the character {character} is not allowed ({error.reason})",
                               first_line + _line_index(yaml_text, error.position)) from None
    except yaml.YAMLError as error:
        raise FrontMatterError(f"invalid YAML: {error}", None) from None
    except RecursionError:
        raise FrontMatterError("the YAML nests too deeply to read", None) from None
