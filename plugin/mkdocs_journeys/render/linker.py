"""How rendered pages link to each other: the site generator says what a page's URL is."""

from __future__ import annotations

from typing import Protocol


class Linker(Protocol):
    def url(self, from_path: str, to_path: str, anchor: str | None = None) -> str | None:
        """A relative URL from one page to another (paths relative to the docs folder),
        or None when the target is not a page of the site."""
