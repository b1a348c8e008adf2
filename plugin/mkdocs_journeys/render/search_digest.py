"""A light digest of rendered HTML for search engines that parse every tag.

Material's search reads each page tag by tag. A persona, department or index page holds
thousands of tags (tables, sparklines, cards) that say little a search needs, and reading
them cost more than rendering them. The digest keeps the headings (search sections link
to them) and turns everything between them into one paragraph of plain text.
"""

from __future__ import annotations

import re

_HEADING_RE = re.compile(r"(<h([2-6])\b[^>]*>)(.*?)</h\2>", re.S)
# Text in our templates is escaped, so "<" and ">" occur only in tags and comments.
_TAG_RE = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_SPACE_RE = re.compile(r"\s+")


def _text(html: str) -> str:
    return _SPACE_RE.sub(" ", _TAG_RE.sub(" ", html)).strip()


def search_digest(html: str) -> str:
    """The headings of `html` as they are (their inner tags dropped), the text between
    them as one <p> each."""
    parts: list[str] = []
    position = 0
    for match in _HEADING_RE.finditer(html):
        text = _text(html[position : match.start()])
        if text:
            parts.append(f"<p>{text}</p>")
        parts.append(f"{match.group(1)}{_text(match.group(3))}</h{match.group(2)}>")
        position = match.end()
    text = _text(html[position:])
    if text:
        parts.append(f"<p>{text}</p>")
    return "\n".join(parts)
