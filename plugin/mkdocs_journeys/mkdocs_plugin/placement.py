"""Where rendered journey HTML goes in a page's content."""

from __future__ import annotations

import re

# An author places what the plugin adds with a marker line in the page body
# (<!-- journey:map --> on journey pages, <!-- journey:links --> on persona and department
# pages, <!-- journey:opportunities --> for the index); otherwise it goes under the title.
MAP_MARKER = "journey:map"
LINKS_MARKER = "journey:links"
INDEX_MARKER = "journey:opportunities"
_LEADING_H1_RE = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.S)


_MARKER_RES = {
    marker: re.compile(rf"(?:<p>\s*)?<!--\s*{re.escape(marker)}\s*-->(?:\s*</p>)?")
    for marker in (MAP_MARKER, LINKS_MARKER, INDEX_MARKER)
}


def has_marker(text: str, marker: str) -> bool:
    return _MARKER_RES[marker].search(text) is not None


def place_in_content(html: str, rendered: str, marker: str) -> str:
    """At the marker; else right after a leading <h1>; else first (under the theme's title)."""
    match = _MARKER_RES[marker].search(html)
    if match:
        return html[: match.start()] + rendered + html[match.end() :]
    match = _LEADING_H1_RE.match(html)
    if match:
        return html[: match.end()] + "\n" + rendered + html[match.end() :]
    return rendered + "\n" + html
