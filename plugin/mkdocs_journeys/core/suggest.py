"""The nearest existing name for one that does not exist: "did you mean 'ana-costa'?".

Used where a reference is checked (persona and department ids, `at`, source pages), so that
a typo is answered with the name the author most likely meant.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# difflib's ratio (0..1) a known name must reach to be offered: 0.6 is difflib's own
# default, close enough to catch a typo or two in an id, far enough to stay quiet otherwise.
CUTOFF = 0.6


class Suggestions:
    """Hints for the unknown names of one set of known names. A wiki refers to the same
    missing id from many pages: each unknown name is compared with the known ones once."""

    def __init__(self, known: Iterable[str]):
        self._by_folded: dict[str, str] = {}
        for name in known:
            self._by_folded.setdefault(name.casefold(), name)
        self._hints: dict[str, str] = {}

    def nearest(self, name: str) -> str | None:
        """The known name most like `name` (letter case aside), or None if none is close."""
        folded = name.casefold()
        if folded in self._by_folded:
            return self._by_folded[folded]
        matches = difflib.get_close_matches(folded, self._by_folded, n=1, cutoff=CUTOFF)
        return self._by_folded[matches[0]] if matches else None

    def hint(self, name: str) -> str:
        """To append to an expectation: " (did you mean 'x'?)", as for unknown keys, or ""
        if nothing is close."""
        if name not in self._hints:
            match = self.nearest(name)
            self._hints[name] = f" (did you mean '{match}'?)" if match is not None and match != name else ""
        return self._hints[name]


def nearest(name: str, known: Iterable[str]) -> str | None:
    return Suggestions(known).nearest(name)


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """The hint for one name among a few known ones (a journey's stages and steps)."""
    return Suggestions(known).hint(name)
