"""Where rendered journey HTML goes in a page's content."""

from __future__ import annotations

import re

# An author places the map with this line in the page body; otherwise it goes under the title.
MAP_MARKER = "<!-- journey:map -->"
_MARKER_RE = re.compile(r"(?:<p>\s*)?<!--\s*journey:map\s*-->(?:\s*</p>)?")
_LEADING_H1_RE = re.compile(r"^\s*<h1\b[^>]*>.*?</h1>", re.S)


def place_in_content(html: str, rendered: str) -> str:
    """At the marker; else right after a leading <h1>; else first (under the theme's title)."""
    match = _MARKER_RE.search(html)
    if match:
        return html[: match.start()] + rendered + html[match.end() :]
    match = _LEADING_H1_RE.match(html)
    if match:
        return html[: match.end()] + "\n" + rendered + html[match.end() :]
    return rendered + "\n" + html
