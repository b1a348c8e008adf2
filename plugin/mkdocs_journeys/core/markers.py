"""Page markers: where an author places what the plugin adds, and which markers count.

A marker is an HTML comment on a line of its own, `<!-- journey:map -->`. MARKERS lists
them with the pages that honour each; a marker elsewhere, a second one of a kind, or an
unknown `journey:` name is a warning naming its file and line (it would show nothing).

Markdown decides what is a marker line, not a text search: a line inside a fenced code
block (CommonMark: closed only by a fence of the same character at least as long) or an
indented code block is code, also in block quotes and list items, so a page that
documents a marker shows it and does not act on it. The same scan serves the plugin and
the command line.

Placement in the page's HTML (place_in_content) needs no such scan: Markdown has escaped
the markers that stood in code.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from .frontmatter import split_page
from .problems import Problem, Severity
from .schema import REFERENCE_KINDS
from .site_index import Site

MAP_MARKER = "journey:map"
LINKS_MARKER = "journey:links"
INDEX_MARKER = "journey:opportunities"
OVERVIEW_MARKER = "journey:overview"
FORMAT_REFERENCE_MARKER = "journey:format-reference"

# Page kinds as core.documents names them; None is a page that is none of ours.
_ALL_PAGES = frozenset({None, "journey", "persona", "department"})


@dataclass(frozen=True)
class MarkerRule:
    shows: str  # what the plugin puts in the marker's place
    page_kinds: frozenset  # the kinds of page that honour it
    where: str  # those pages, in words
    once_per_page: bool = True
    once_per_site: bool = False
    needs_kind: bool = False  # `kind=<reference kind>` after the name


MARKERS: dict[str, MarkerRule] = {
    MAP_MARKER: MarkerRule("the journey map", frozenset({"journey"}),
                           "a journey page (one with 'journey:' in its front matter)"),
    LINKS_MARKER: MarkerRule("the journeys and opportunities of the persona or department",
                             frozenset({"persona", "department"}), "a persona or department page"),
    INDEX_MARKER: MarkerRule("the opportunity index", frozenset({None, "journey"}),
                             "one page of the site that is not a persona or department page", once_per_site=True),
    OVERVIEW_MARKER: MarkerRule("the journey overview", frozenset({None}),
                                "one page of the site that is not a journey, persona or department page",
                                once_per_site=True),
    FORMAT_REFERENCE_MARKER: MarkerRule("a field table of the format reference", _ALL_PAGES, "any page",
                                        once_per_page=False, needs_kind=True),
}


@dataclass(frozen=True)
class MarkerLine:
    name: str  # journey:map, ...
    argument: str  # what follows the name, e.g. `kind=journey`
    line: int  # 1-based, in the page file

    @property
    def text(self) -> str:
        return f"<!-- {self.name}{' ' + self.argument if self.argument else ''} -->"


# -- finding marker lines in Markdown -------------------------------------------------------

_QUICK_RE = re.compile(r"<!--\s*journey:")
_MARKER_LINE_RE = re.compile(r" {0,3}<!--\s*(journey:[\w-]*)\s*(.*?)\s*-->\s*$")
_QUOTE_RE = re.compile(r" {0,3}> ?")
_LIST_ITEM_RE = re.compile(r"( {0,3})([-+*]|[0-9]{1,9}[.)])( *)(.*)$")
_THEMATIC_BREAK_RE = re.compile(r" {0,3}([-*_])(?: *\1){2,} *$")
_FENCE_RE = re.compile(r"( {0,3})(`{3,}(?=[^`]*$)|~{3,})")
_BLOCK_START_RE = re.compile(r" {0,3}(?:>|#{1,6}(?: |$)|`{3}|~{3}|<|[-+*] |[0-9]{1,9}[.)] )")


@dataclass
class _Fence:
    depth: int  # how many containers (quotes, list items) it is inside
    char: str
    length: int


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _closes(line: str, fence: _Fence) -> bool:
    stripped = line.strip()
    return (_indent(line) <= 3 and len(stripped) >= fence.length and stripped == fence.char * len(stripped))


def marker_lines(markdown: str, first_line: int = 1) -> Iterator[MarkerLine]:
    """The marker lines of Markdown text, as CommonMark reads its blocks: not in fenced or
    indented code (also inside block quotes and list items), not inside a paragraph."""
    containers: list[int | None] = []  # None: a block quote; n: a list item's content column
    fence: _Fence | None = None
    paragraph = False
    for number, raw in enumerate(markdown.split("\n"), first_line):
        rest = raw.expandtabs(4)
        matched = 0
        for content_column in containers:  # the open containers this line continues
            if content_column is None:
                quote = _QUOTE_RE.match(rest)
                if quote is None:
                    break
                rest = rest[quote.end():]
            elif not rest.strip():
                rest = ""
            elif _indent(rest) >= content_column:
                rest = rest[content_column:]
            else:
                break
            matched += 1
        if matched < len(containers):
            if paragraph and fence is None and rest.strip() and not _BLOCK_START_RE.match(rest):
                continue  # a lazy continuation line of the paragraph
            del containers[matched:]
            if fence is not None and fence.depth > matched:
                fence = None  # its container ended
            paragraph = False
        if fence is not None:
            if _closes(rest, fence):
                fence = None
            continue
        while True:  # new containers opened on this line
            quote = _QUOTE_RE.match(rest)
            if quote is not None:
                containers.append(None)
                rest, paragraph = rest[quote.end():], False
                continue
            item = _LIST_ITEM_RE.match(rest)
            if item is not None and not _THEMATIC_BREAK_RE.match(rest) and (item.group(3) or not item.group(4)):
                spaces = len(item.group(3))
                if not item.group(4) or spaces > 4:
                    spaces = 1  # an empty first line, or indented code after one space
                width = len(item.group(1)) + len(item.group(2)) + spaces
                containers.append(width)
                rest, paragraph = rest[width:], False
                continue
            break
        if not rest.strip():
            paragraph = False
            continue
        if _indent(rest) >= 4:
            continue  # indented code, or the paragraph going on
        opening = _FENCE_RE.match(rest)
        if opening is not None:
            fence, paragraph = _Fence(len(containers), opening.group(2)[0], len(opening.group(2))), False
            continue
        marker = _MARKER_LINE_RE.match(rest)
        if marker is not None:
            paragraph = False
            yield MarkerLine(marker.group(1), marker.group(2), number)
            continue
        paragraph = not (rest.lstrip().startswith("#") or _THEMATIC_BREAK_RE.match(rest))


def page_markers(text: str | bytes) -> list[MarkerLine]:
    """The marker lines of a page's body (a marker in the front matter is YAML text)."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")  # not UTF-8: the page gets an error of its own
    if not _QUICK_RE.search(text):  # most pages: one regex search, no scan
        return []
    normalized = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    body = split_page(normalized).body  # a suffix of the normalized text
    first_line = normalized.count("\n", 0, len(normalized) - len(body)) + 1
    return list(marker_lines(body, first_line))


def is_index_page(markdown: str) -> bool:
    """Does the Markdown hold the opportunity-index marker on a line of its own, outside code?"""
    return any(marker.name == INDEX_MARKER for marker in page_markers(markdown))


# -- which markers count --------------------------------------------------------------------


class SiteMarkers:
    """The markers of every page, gathered as the pages are read (in the build's order):
    which page is the opportunity index, and a warning for each marker that shows nothing."""

    def __init__(self) -> None:
        self.holders: dict[str, tuple[str, int]] = {}  # once-per-site marker -> (page, line) that has it
        self.problems: list[Problem] = []

    @property
    def index_path(self) -> str | None:
        """The page that shows the opportunity index: the first that holds its marker."""
        holder = self.holders.get(INDEX_MARKER)
        return holder[0] if holder else None

    @property
    def overview_path(self) -> str | None:
        """The page that shows the journey overview: the first that holds its marker."""
        holder = self.holders.get(OVERVIEW_MARKER)
        return holder[0] if holder else None

    def add_page(self, path: str, text: str | bytes, page_kind: str | None) -> bool:
        """Check one page's markers; True if any of them is a problem."""
        before = len(self.problems)
        seen: dict[str, int] = {}
        for marker in page_markers(text):
            rule = MARKERS.get(marker.name)
            if rule is None:
                close = difflib.get_close_matches(marker.name, list(MARKERS), n=1)
                hint = f" (did you mean <!-- {close[0]} -->?)" if close else ""
                self._warn(path, marker, f"one of the markers {', '.join(MARKERS)}{hint}; this one shows nothing")
            elif page_kind not in rule.page_kinds:
                self._warn(path, marker, f"{marker.name} only on {rule.where}, where it shows {rule.shows}; "
                           f"on this {_page_kind_name(page_kind)} it shows nothing")
            elif rule.once_per_page and marker.name in seen:
                self._warn(path, marker, f"one {marker.name} per page (the first, line {seen[marker.name]}, "
                           f"shows {rule.shows}); this one shows nothing")
            elif rule.needs_kind and not _reference_kind(marker.argument):
                self._warn(path, marker, f"kind=<one of {', '.join(REFERENCE_KINDS)}> after {marker.name}, "
                           f"such as <!-- {marker.name} kind=journey -->")
            elif rule.once_per_site and self.holders.get(marker.name, (path,))[0] != path:
                holder, line = self.holders[marker.name]
                self._warn(path, marker, f"one page of the site holding {marker.name}: {holder} "
                           f"(line {line}) shows {rule.shows}; this one shows nothing")
            elif rule.once_per_site:
                self.holders.setdefault(marker.name, (path, marker.line))
            seen.setdefault(marker.name, marker.line)
        return len(self.problems) > before

    def _warn(self, path: str, marker: MarkerLine, expected: str) -> None:
        self.problems.append(Problem(path, marker.line, "marker", marker.text, expected, Severity.WARNING))


def _page_kind_name(kind: str | None) -> str:
    return f"{kind} page" if kind else "page (not a journey, persona or department page)"


def _reference_kind(argument: str) -> bool:
    match = re.fullmatch(r"kind=([\w-]+)", argument)
    return match is not None and match.group(1) in REFERENCE_KINDS


# -- placing rendered HTML at a marker --------------------------------------------------------

_LEADING_H1_RE = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.S)
_HTML_MARKER_RES = {
    name: re.compile(rf"(?:<p>\s*)?<!--\s*{re.escape(name)}\s*-->(?:\s*</p>)?")
    for name in (MAP_MARKER, LINKS_MARKER, INDEX_MARKER, OVERVIEW_MARKER)
}
FORMAT_REFERENCE_HTML_RE = re.compile(
    rf"(?:<p>\s*)?<!--\s*{re.escape(FORMAT_REFERENCE_MARKER)}\s+kind=([\w-]*)\s*-->(?:\s*</p>)?")


def place_in_content(html: str, rendered: str, marker: str) -> str:
    """At the marker; else right after a leading <h1>; else first (under the theme's title)."""
    match = _HTML_MARKER_RES[marker].search(html)
    if match:
        return html[: match.start()] + rendered + html[match.end() :]
    match = _LEADING_H1_RE.match(html)
    if match:
        return html[: match.end()] + "\n" + rendered + html[match.end() :]
    return rendered + "\n" + html


def place_after_content(html: str, rendered: str, marker: str) -> str:
    """At the marker; else after the page's own text (a department page opens with its
    description, then what the department owns)."""
    match = _HTML_MARKER_RES[marker].search(html)
    if match:
        return html[: match.start()] + rendered + html[match.end() :]
    return html + "\n" + rendered


# -- what a page shows, and where -------------------------------------------------------------


@dataclass(frozen=True)
class PagePart:
    """Views the plugin adds to a page at one place, in this order. A view is (name, id):
    `panel` (the page's problems), `map`, `persona`, `department`, `cited_by`, `index`,
    `overview`. `after_content`: with no marker in the page, after its own text rather
    than under its title."""

    marker: str
    views: tuple[tuple[str, str], ...]
    after_content: bool = False


def page_parts(site: Site, path: str, generated: tuple[str, str] | None = None,
               overview_path: str | None = None) -> list[PagePart]:
    """What a page shows besides its own text: the one rule the MkDocs plugin and the
    Zensical extension both follow. `generated`: the (view, id) of a page the generator
    added (a persona or department without a page of its own); `overview_path`: the page
    that shows the journey overview."""
    document = site.documents.get(path)
    panel = (("panel", ""),) if site.problems_of(path) else ()
    own = generated if generated is not None and generated[0] in ("persona", "department") else None
    if document is not None and document.persona is not None:
        own = ("persona", document.persona.id)
    elif document is not None and document.department is not None:
        own = ("department", document.department.id)
    parts: list[PagePart] = []
    if document is not None and document.kind == "journey":
        # A forgiving preview: a page with problems still shows every valid part of its map
        # under the panel; a journey without a readable stage shows the panel alone.
        readable = document.journey is not None and bool(document.journey.stages)
        parts.append(PagePart(MAP_MARKER, panel + ((("map", path),) if readable else ())))
    elif own is not None and own[0] == "persona":
        parts.append(PagePart(LINKS_MARKER, panel + (own,)))
    elif own is not None:  # a department: its own description first, then what it owns
        if panel:
            parts.append(PagePart(LINKS_MARKER, panel))
        parts.append(PagePart(LINKS_MARKER, (own,), after_content=True))
    elif panel:
        parts.append(PagePart(LINKS_MARKER, panel))
    if path in site.cited_by:  # format 2: the steps that cite this page as their evidence
        parts.append(PagePart(LINKS_MARKER, (("cited_by", path),), after_content=True))
    if path == site.index_path:
        parts.append(PagePart(INDEX_MARKER, (("index", ""),)))
    elif path == overview_path:
        parts.append(PagePart(OVERVIEW_MARKER, (("overview", ""),)))
    return [part for part in parts if part.views]


def place_part(html: str, rendered: str, part: PagePart) -> str:
    """The rendered part placed in the page's HTML (see PagePart)."""
    if part.after_content:
        return place_after_content(html, rendered, part.marker)
    return place_in_content(html, rendered, part.marker)
