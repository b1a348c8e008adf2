"""What `mkdocs serve` rebuilds need not do again: read unchanged pages, render unchanged HTML.

The plugin instance lives across serve rebuilds (it defines on_startup). Pages are
reused by the hash of their text (core.site_reader.DocumentCache); rendered HTML by the hashes
of the pages it is drawn from plus a signature of what it shows of the rest of the site.
A config change drops everything.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..core.site_index import Site
from ..core.site_reader import DocumentCache
from .mkdocs_linker import MkDocsLinker


class RenderCache:
    def __init__(self) -> None:
        self.documents = DocumentCache()
        self.keep_html = False  # only worth its memory when there will be a rebuild
        self._html: dict[tuple[str, str], tuple[tuple, str]] = {}  # (what, path) -> (key, html)
        self._config_key = ""
        self._site_key = ""

    def use_config(self, config_key: str) -> None:
        if config_key != self._config_key:  # a config change can change any page or map
            self._config_key = config_key
            self.documents.clear()
            self._html = {}

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

    def render(self, what: str, path: str, sources: list[str], render: Callable[[], str]) -> str:
        """Render, or reuse the HTML of the last build when the pages it is drawn from (by
        their text) and the rest of the site are unchanged."""
        if not self.keep_html:
            return render()
        key = (self._site_key, tuple(self.documents.digest_of(source) for source in sources))
        cached = self._html.get((what, path))
        if cached is not None and cached[0] == key and all(key[1]):
            return cached[1]
        html = render()
        self._html[(what, path)] = (key, html)
        return html
