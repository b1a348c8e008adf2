"""Where rendered journey HTML goes in a page's content."""

from __future__ import annotations

import re

# An author places what the plugin adds with a marker line in the page body
# (<!-- journey:map --> on journey pages, <!-- journey:links --> on persona and department
# pages, <!-- journey:opportunities --> for the index); otherwise it goes under the title.
MAP_MARKER = "journey:map"
LINKS_MARKER = "journey:links"
INDEX_MARKER = "journey:opportunities"
OVERVIEW_MARKER = "journey:overview"  # the journey overview
_LEADING_H1_RE = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.S)


_MARKER_RES = {
    marker: re.compile(rf"(?:<p>\s*)?<!--\s*{re.escape(marker)}\s*-->(?:\s*</p>)?")
    for marker in (MAP_MARKER, LINKS_MARKER, INDEX_MARKER, OVERVIEW_MARKER)
}


_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def has_marker_line(markdown: str, marker: str) -> bool:
    """Does the Markdown hold the marker on a line of its own, outside fenced code?
    (A page that only quotes the marker, in code, must not become the index.)"""
    line_re = re.compile(rf"^\s{{0,3}}<!--\s*{re.escape(marker)}\s*-->\s*$")
    fence = None
    for line in markdown.splitlines():
        match = _FENCE_RE.match(line)
        if match:
            if fence is None:
                fence = match.group(1)[0] * 3
            elif match.group(1).startswith(fence):
                fence = None
            continue
        if fence is None and line_re.match(line):
            return True
    return False


def is_index_page(markdown: str) -> bool:
    """Does the page hold the opportunity-index marker (and so become the index)?"""
    return INDEX_MARKER in markdown and has_marker_line(markdown, INDEX_MARKER)


def is_overview_page(markdown: str) -> bool:
    """Does the page hold the overview marker (and so become the journey overview)?"""
    return OVERVIEW_MARKER in markdown and has_marker_line(markdown, OVERVIEW_MARKER)


def place_in_content(html: str, rendered: str, marker: str) -> str:
    """At the marker; else right after a leading <h1>; else first (under the theme's title)."""
    match = _MARKER_RES[marker].search(html)
    if match:
        return html[: match.start()] + rendered + html[match.end() :]
    match = _LEADING_H1_RE.match(html)
    if match:
        return html[: match.end()] + "\n" + rendered + html[match.end() :]
    return rendered + "\n" + html
