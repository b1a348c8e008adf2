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
from collections.abc import Iterable

# Every language's `search.config.separator` of Material holds these (some also more).
_SEPARATOR_RE = re.compile(r"[\s\-]+")


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
    """The words of one search document so far: `note` what is written verbatim, `new`
    gives what a text adds."""

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

    def new(self, *texts: str | Iterable[str] | None) -> str:
        """The words of `texts` (each a text or a list of texts) not held yet, each once,
        in the order they come, each after a space; from now on held."""
        found = []
        seen = self._seen
        for group in texts:
            for text in (group,) if isinstance(group, str) else group or ():
                for word in search_words(text) if text else ():
                    key = word.lower()
                    if key not in seen:
                        seen.add(key)
                        found.append(word)
        return "".join(" " + word for word in found)
