"""A lean digest of a generated part (persona, department, index, overview) for search.

Material's search reads each page tag by tag, and every reader's browser downloads the
whole index. A generated part is mostly listings of other pages: journeys, steps and
opportunities with their owners, states and dates, all indexed on the pages they link to.
The digest keeps what is the part's own: its headings (search sections link to them) and
its own text between them, as one paragraph each. A table or list that links to other
pages is left out (only the headings with an id inside it are kept), and so is a
navigation between pages; so are forms and selects (filters), pictures (svg) and scripts.
A list of plain texts (a persona's goals) stays.
"""

from __future__ import annotations

import re

_HEADING_RE = re.compile(r"(<h([2-6])\b[^>]*>)(.*?)</h\2>", re.S)
_ID_HEADING_RE = re.compile(r"<h([2-6])\b[^>]*\bid=\"[^\"]*\"[^>]*>.*?</h\1>", re.S)
# Text in our templates is escaped, so "<" and ">" occur only in tags and comments.
_TAG_RE = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_LISTING_START_RE = re.compile(r"<(table|ul|ol|dl|nav|form|select|svg|script|style)\b")
_ALWAYS_LEFT_OUT = {"form", "select", "svg", "script", "style"}
_LINK_RE = re.compile(r"<a\b[^>]*\bhref=", re.S)


def _text(html: str) -> str:
    return " ".join(_TAG_RE.sub(" ", html).split())


def _block_end(html: str, tag: str, position: int) -> int:
    """Where the element opened just before `position` ends, nested ones of its kind
    counted (a persona's cards list each journey's opportunities); -1 if it never does."""
    opening, closing, depth = f"<{tag}", f"</{tag}>", 1
    while depth:
        close = html.find(closing, position)
        if close < 0:
            return -1
        inner = html.find(opening, position, close)
        if inner >= 0:
            depth, position = depth + 1, inner + len(opening)
        else:
            depth, position = depth - 1, close + len(closing)
    return position


def _own_html(html: str) -> str:
    """`html` without its listings of other pages, forms, pictures and scripts; the
    headings with an id that these held are kept in their place."""
    # Each block's end found with str.find: a lazy regex up to it tries the closing tag at every character.
    parts: list[str] = []
    position = 0
    while match := _LISTING_START_RE.search(html, position):
        tag = match.group(1)
        end = _block_end(html, tag, match.end())
        if end < 0:
            break
        block = html[match.start() : end]
        if tag in _ALWAYS_LEFT_OUT or _LINK_RE.search(block):
            headings = [heading.group(0) for heading in _ID_HEADING_RE.finditer(block)]
            parts += (html[position : match.start()], " ", *headings, " ")
        else:
            parts += (html[position:end],)
        position = end
    parts.append(html[position:])
    return "".join(parts)


def search_digest(html: str) -> str:
    """The headings of `html` as they are (their inner tags dropped), the part's own
    text between them as one <p> each."""
    html = _own_html(html)
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
