"""What `mkdocs serve` rebuilds need not do again: read unchanged pages, render unchanged views.

The plugin makes one only under `mkdocs serve`, whose rebuilds reuse the plugin instance
(it defines on_startup). Pages are reused by the hash of their text
(core.site_reader.DocumentCache); what the plugin adds to a page by the hashes of the pages
it draws on (the site index says which) plus a signature of what every page shows of the
rest of the site. A config change drops everything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import TypeVar

from ..core.site_index import Site
from ..core.site_reader import DocumentCache
from .mkdocs_linker import MkDocsLinker

Rendered = TypeVar("Rendered")


class RenderCache:
    def __init__(self) -> None:
        self.documents = DocumentCache()
        self._rendered: dict[tuple[str, str], tuple[tuple, object]] = {}  # (page path, view) -> (key, rendered)
        self._config_key = ""
        self._site_key = ""

    def use_config(self, config_key: str) -> None:
        if config_key != self._config_key:  # a config change can change any page or map
            self._config_key = config_key
            self.documents.clear()
            self._rendered = {}

    def use_site(self, site: Site, linker: MkDocsLinker) -> None:
        """What every rendered page shows of the rest of the site: names and pages of
        personas and departments, page titles (source links), URLs, the index."""
        parts = (
            sorted((p.id, p.display_name, p.path) for p in site.personas.values()),
            sorted((d.id, d.display_name, d.path) for d in site.departments.values()),
            sorted((path, document.title) for path, document in site.documents.items()),
            sorted(linker.urls.items()),
            sorted(linker.aliases.items()),
            site.index_path,
            sorted(site.opportunity_by_id),
        )
        self._site_key = hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()

    def rendered(self, path: str, view: str, drawn_on: list[str], render: Callable[[], Rendered]) -> Rendered:
        """What `render` makes of a view of the page at `path` (a page may show two: a
        department's cross-links and the steps citing it): made again only when one of the
        pages it draws on (by their text) or the rest of the site changed."""
        key = (self._site_key, tuple(self.documents.digest_of(source) for source in [path, *drawn_on]))
        cached = self._rendered.get((path, view))
        if cached is not None and cached[0] == key and all(key[1][1:]):
            return cached[1]  # type: ignore[return-value]
        made = render()
        self._rendered[(path, view)] = (key, made)
        return made
