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


def nearest(name: str, known: Iterable[str]) -> str | None:
    """The known name most like `name` (letter case aside), or None if none is close."""
    by_folded: dict[str, str] = {}
    for candidate in known:
        by_folded.setdefault(candidate.casefold(), candidate)
    folded = name.casefold()
    if folded in by_folded:
        return by_folded[folded]
    matches = difflib.get_close_matches(folded, by_folded, n=1, cutoff=CUTOFF)
    return by_folded[matches[0]] if matches else None


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """A hint to append to an expectation: " (did you mean 'x'?)", as for unknown keys, or ""
    if nothing is close."""
    match = nearest(name, known)
    return f" (did you mean '{match}'?)" if match is not None and match != name else ""
