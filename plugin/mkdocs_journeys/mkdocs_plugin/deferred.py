"""What the plugin adds to a page waits, as a marker, until the page is written.

Material's search reads every tag of a page's content, and a journey map or a persona's
cross-links hold thousands; MkDocs also reads every page before it writes any, so a wiki's
maps would all sit in memory at once. So each fragment the plugin renders is held
compressed (a 140 KB map takes 13 KB) with a light digest of its text for search. Just
before search reads the page, the marker becomes the digest; just after, the full HTML;
once the page is written, neither stays in the page.
"""

from __future__ import annotations

import re
import secrets
import zlib


def _pack(html: str) -> bytes:
    return zlib.compress(html.encode("utf-8"), 1)


def _unpack(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    return zlib.decompress(data).decode("utf-8") if data else ""


class DeferredFragments:
    def __init__(self) -> None:
        # Markers carry a token of this instance: no page can forge one.
        name = f"journeys-{secrets.token_hex(6)}"
        self._open, self._close = name, f"/{name}"
        self._marker_re = re.compile(rf"<!--{name}:(\d+)-->")
        self._digest_re = re.compile(rf"<!--{name}:(\d+)-->.*?<!--/{name}-->", re.S)
        self._pages: dict[str, list[tuple[bytes | str, bytes | str]]] = {}  # path -> (digest, full) per marker
        self.compress = True  # False when the HTML is kept anyway (mkdocs serve's render cache)

    def clear(self) -> None:
        self._pages = {}

    def reserve(self, path: str) -> tuple[str, int]:
        """A place for a fragment of the page: the marker to put in its content, and the
        slot to fill once the fragment is rendered."""
        held = self._pages.setdefault(path, [])
        held.append((b"", b""))
        return f"<!--{self._open}:{len(held) - 1}-->", len(held) - 1

    def fill(self, path: str, slot: int, digest: str, full: str) -> None:
        self._pages[path][slot] = (_pack(digest), _pack(full)) if self.compress else (digest, full)

    def has(self, path: str) -> bool:
        return path in self._pages

    def with_digests(self, path: str, content: str) -> str:
        """The content as search should read it: each marker followed by its digest."""
        held = self._pages.get(path, [])

        def digest(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return f"{match.group(0)}{_unpack(held[index][0])}<!--{self._close}-->" if index < len(held) else ""

        return self._marker_re.sub(digest, content)

    def with_full(self, path: str, content: str) -> str:
        """The content as readers get it: each digest replaced by its full HTML. The page's
        fragments are then released."""
        held = self._pages.pop(path, [])

        def full(match: re.Match[str]) -> str:
            index = int(match.group(1))
            return _unpack(held[index][1]) if index < len(held) else ""

        return self._digest_re.sub(full, content)

    def without_markers(self, content: str) -> str:
        return self._marker_re.sub("", content)
