"""A light digest of rendered HTML for search engines that parse every tag.

Material's search reads each page tag by tag. A persona, department or index page holds
thousands of tags (tables, sparklines, cards) that say little a search needs, and reading
them cost more than rendering them. The digest keeps the headings (search sections link
to them) and turns everything between them into one paragraph of plain text. A table or
list that links to other pages is reduced to the names of those pages (journeys,
departments), each once: the steps, dates, statuses and opportunities it details are
indexed on the pages it links to, and every reader downloads the whole index.
"""

from __future__ import annotations

import re

_HEADING_RE = re.compile(r"(<h([2-6])\b[^>]*>)(.*?)</h\2>", re.S)
# Text in our templates is escaped, so "<" and ">" occur only in tags and comments.
_TAG_RE = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_BLOCK_START_RE = re.compile(r"<(table|ul|ol)\b")
_LINK_RE = re.compile(r"<a\b[^>]*>", re.S)
_PAGE_LINK_RE = re.compile(r"<a\b[^>]*\bhref=\"[^\"#]*\"[^>]*>(.*?)</a>", re.S)  # no #fragment: a page


def _text(html: str) -> str:
    return " ".join(_TAG_RE.sub(" ", html).split())


def _linked_pages(block: str) -> str:
    if not _LINK_RE.search(block):
        return block  # a list of plain texts (a persona's goals) stays as it is
    names = dict.fromkeys(_text(name) for name in _PAGE_LINK_RE.findall(block))
    return " " + "; ".join(name for name in names if name) + " "


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


def _section_text(html: str) -> str:
    # Each block's end found with str.find: a lazy regex up to it tries the closing tag at every character.
    parts: list[str] = []
    position = 0
    while match := _BLOCK_START_RE.search(html, position):
        end = _block_end(html, match.group(1), match.end())
        if end < 0:
            break
        parts += (html[position : match.start()], _linked_pages(html[match.start() : end]))
        position = end
    parts.append(html[position:])
    return _text("".join(parts))


def search_digest(html: str) -> str:
    """The headings of `html` as they are (their inner tags dropped), the text between
    them as one <p> each."""
    parts: list[str] = []
    position = 0
    for match in _HEADING_RE.finditer(html):
        text = _section_text(html[position : match.start()])
        if text:
            parts.append(f"<p>{text}</p>")
        parts.append(f"{match.group(1)}{_text(match.group(3))}</h{match.group(2)}>")
        position = match.end()
    text = _section_text(html[position:])
    if text:
        parts.append(f"<p>{text}</p>")
    return "\n".join(parts)
