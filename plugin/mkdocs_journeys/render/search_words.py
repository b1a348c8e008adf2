"""The words a search document already holds, so that each is indexed once.

Every reader's browser downloads the whole search index, and search matches words, not
phrases (lunr ranks by how often a word occurs, which a map's repeated texts would only
skew). A journey's search text therefore gives its readable headline verbatim and then,
of the longer texts (pain points, touchpoints, moments, ...), only the words it does not
hold yet, each once.

Words are cut where every separator of Material's search cuts (white space and hyphens),
and compared as lunr compares them: in lower case, without punctuation at either end.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping

# Every language's `search.config.separator` of Material holds these (some also more).
_SEPARATOR_RE = re.compile(r"[\s\-]+")
_WORD_RE = re.compile(r"[^\s\-]+")


def _stripped(word: str) -> str:
    """The word without punctuation at either end (lunr's trimmer drops it too)."""
    start, end = 0, len(word)
    while start < end and unicodedata.category(word[start])[0] == "P":
        start += 1
    while end > start and unicodedata.category(word[end - 1])[0] == "P":
        end -= 1
    return word[start:end]


def search_words(text: str) -> list[str]:
    """The words of `text` as search cuts them, punctuation at their ends removed."""
    return [word for word in map(_stripped, _SEPARATOR_RE.split(text)) if word]


class SearchWords:
    """The words of one search document so far: `note` what is written out, `fragments`
    gives what texts add."""

    def __init__(self, *held: str | None) -> None:
        """`held`: texts the document holds already (its title)."""
        self._seen: set[str] = set()
        for text in held:
            self.note(text)

    def note(self, text: str | None) -> str:
        """`text` as it is, its words now held."""
        if text:
            self._seen.update(word.lower() for word in search_words(text))
        return text or ""

    def fragments(self, *texts: object) -> list[str]:
        """Of each text in `texts` (texts, or lists and dicts of them, nested), the words not
        held yet, each once, in the order they come; a text that adds none is left out.
        New words that follow each other keep the hyphen written between them
        ("Eleven-field form"). From now on they are held."""
        found: list[str] = []
        seen = self._seen
        for text in _texts(texts):
            pieces: list[str] = []
            follows = False  # the last word was new
            previous_end = 0
            for match in _WORD_RE.finditer(text):
                word = _stripped(match.group())
                key = word.lower()
                if key and key not in seen:
                    seen.add(key)
                    if pieces:
                        pieces.append("-" if follows and "-" in text[previous_end : match.start()] else " ")
                    pieces.append(word)
                    follows = True
                elif key:
                    follows = False
                previous_end = match.end()
            if pieces:
                found.append("".join(pieces))
        return found


def _texts(value: object) -> Iterator[str]:
    """The texts of `value` in order: a text, or lists and dicts (their values) of them."""
    if isinstance(value, str):
        if value:
            yield value
    elif isinstance(value, Mapping):
        yield from _texts(list(value.values()))
    elif isinstance(value, Iterable):
        for item in value:
            yield from _texts(item)
