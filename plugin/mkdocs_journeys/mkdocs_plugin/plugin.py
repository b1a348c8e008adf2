"""The `journeys` MkDocs plugin: a thin adapter between MkDocs and the journey core.

Events, in build order:
- on_config: labels, icons and templates (compiled once), the stylesheet and script;
- on_files: every page read and validated once, cross-referenced in one pass; problems
  logged as warnings (so `--strict` fails on them); pages generated for persona and
  department ids without one, the opportunity index and its exports added as virtual
  files (nothing is written into docs_dir);
- on_page_read_source: MkDocs gets the text already read (and, for front matter MkDocs
  would render as text, only the body);
- on_page_content: problem panels placed into the page, markers where maps and
  cross-links go;
- on_env (every page read, none written yet): maps and cross-links rendered in one pass
  and held compressed (deferred.py);
- on_page_context: their light text digests shown to Material's search, then the full HTML.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from jinja2 import Environment
from mkdocs.utils.templates import TemplateContext

from ..core.clock import build_date
from ..core.site_index import Site
from ..core.site_reader import cross_reference, read_pages
from ..render.format_reference import place_format_references
from ..render.icons import IconLibrary
from ..render.labels import Labels
from ..render.renderer import Renderer
from ..render.search_digest import search_digest
from .config import JourneysConfig
from .deferred import DeferredFragments
from .mkdocs_linker import MkDocsLinker
from .placement import INDEX_MARKER, LINKS_MARKER, MAP_MARKER, is_index_page, place_in_content
from .render_cache import RenderCache
from .timings import PhaseTimer
from .virtual_files import add_exports, add_generated_pages

log = get_plugin_logger("journeys")


ASSETS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "render", "assets")
ASSETS = {"assets/journeys/journeys.css": "journeys.css", "assets/journeys/journeys.js": "journeys.js"}


@contextmanager
def _long_lived_objects() -> Iterator[None]:
    """Read the wiki without the cyclic garbage collector, then keep what was read out of its
    way until the build ends. Reading makes no reference cycles, but millions of objects
    that live for the whole build: each collection would scan them all again (a third of
    the reading time at 300 journeys, more as the wiki grows). on_post_build unfreezes."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.freeze()


_RENDERS_PER_COLLECTION = 16


@contextmanager
def _young_collections_only() -> Iterator[None]:
    """Render without the automatic cyclic GC: its full collections, which our many
    allocations would trigger, scan every object of every page MkDocs has read, so each
    map would cost more in a bigger wiki. The loop collects its own young garbage (Jinja
    leaves reference cycles) every few renders instead, which scans only new objects."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _page_texts(files: Files) -> Iterator[tuple[str, str | bytes]]:
    """(path, text) of every page MkDocs builds; unreadable pages are MkDocs' to report."""
    for file in files.documentation_pages():
        try:
            text = file.content_string
        except UnicodeDecodeError:
            text = file.content_bytes  # not UTF-8: reported by the core, not a crash of MkDocs
        except (OSError, ValueError):
            continue
        yield file.src_uri, text


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer: Renderer | None = None
        self.linker: MkDocsLinker | None = None
        self.timer = PhaseTimer()
        self._written_content: str | None = None  # the page being written, with its markers
        self._generated: dict[str, tuple[str, str]] = {}  # generated page -> (kind, id)
        self._aliases: dict[str, str] = {}  # generated path -> the user's page at its URL
        self._exports: list[tuple[str, str]] = []  # (label, path) of the export files
        self.fragments = DeferredFragments()  # rendered maps and cross-links, until written
        self._to_render: list[tuple[str, int, str, str]] = []  # (path, slot, kind, id) for on_env
        self.cache = RenderCache()  # kept across the rebuilds of `mkdocs serve`

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this instance across serve rebuilds.
        self.cache.keep_html = command == "serve"

    # -- configuration ----------------------------------------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            # MkDocs may reuse this instance (serve, or builds in one process): forget the
            # last build's site so no event of this one uses it.
            self.site = self.renderer = self.linker = None
            return None
        try:
            self.today = build_date(self.config.today)
        except ValueError:
            raise PluginError(f"journeys: `today` must be an ISO date such as 2026-12-15, not {self.config.today!r}") from None
        folder = self.config.opportunities.strip().strip("/")
        if not folder or ".." in folder.split("/"):
            raise PluginError(f"journeys: `opportunities` must be a folder inside the site, not {self.config.opportunities!r}")
        self.index_folder = folder
        language = self.config.language or config.theme.get("language") or "en"
        self.renderer = Renderer(
            Labels(language, self.config.labels),
            icons=IconLibrary(config.theme.dirs),
            template_dirs=config.theme.dirs,
            lanes=self.config.lanes,
            label_overrides=self.config.labels,
            search_lanes=self.config.search_lanes,
        )
        self.cache.use_config(repr((sorted(self.config.items()), list(config.theme.dirs), language, self.today,
                                    config.use_directory_urls, config.site_url)))
        for uri in ASSETS:
            target = config.extra_css if uri.endswith(".css") else config.extra_javascript
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    # -- reading the site ----------------------------------------------------------------

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return None
        icons = self.renderer.icons
        self.timer = PhaseTimer()
        self._written_content = None  # a build that stopped half-way must not leak a page
        self.fragments.clear()
        # Under mkdocs serve the render cache keeps every fragment's HTML anyway.
        self.fragments.compress = not self.cache.keep_html
        self._to_render = []
        with self.timer.phase("read_validate"), _long_lived_objects():
            # Only `mkdocs serve` reuses documents: a single build releases their step texts
            # once the maps are rendered, so the next build in this process must read afresh.
            reuse = self.cache.documents if self.cache.keep_html else None
            read = read_pages(_page_texts(files), icons.exists if icons else None, is_index_page, reuse)
        with self.timer.phase("cross_reference"):
            self.site = cross_reference(read, [file.src_uri for file in files], self.today,
                                        self.config.stale_after_days, self.index_folder,
                                        checked_again=self.cache.keep_html)
        for problem in self.site.problems():
            log.warning(problem.message)
        with self.timer.phase("generated_pages"):
            self._generated, self._aliases = add_generated_pages(
                files, config, self.site, self.renderer.labels("index.title"), self.config.generate_pages
            )
        with self.timer.phase("exports"):
            self._exports = add_exports(files, config, self.site, self.index_folder, self._aliases)
        for uri, name in ASSETS.items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=os.path.join(ASSETS_DIR, name)))
        self.linker = MkDocsLinker(files, self._aliases)
        self.cache.use_site(self.site, self.linker)
        return files

    # -- pages -------------------------------------------------------------------------

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        document = self.site.documents.get(page.file.src_uri) if self.site else None
        if document is None:
            return None
        # The page was read and its front matter parsed once, in on_files: MkDocs gets the
        # body (an empty front matter keeps MkDocs from reading "Key: value" lines of the
        # body as metadata) and the other front matter keys in on_page_markdown. Broken
        # front matter thus never shows as page text.
        return "---\n{}\n---\n" + document.body

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        document = self.site.documents.get(page.file.src_uri) if self.site else None
        if document is None:
            return None
        page.meta = dict(document.meta)
        # MkDocs treats a front-matter title as HTML (in the nav, <title> and the theme's
        # <h1>); the titles of journey pages are plain text like every other field.
        if isinstance(page.meta.get("title"), str):
            page.meta["title"] = escape(page.meta["title"])
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Problem panels go in now; maps and cross-links are marked here and rendered in
        on_env, all in one pass."""
        site, renderer = self.site, self.renderer
        if site is None or renderer is None or self.linker is None:
            return None
        path = page.file.src_uri
        document = site.documents.get(path)
        kind, page_id = self._generated.get(path, (None, ""))
        if document is not None and document.persona is not None:
            kind, page_id = "persona", document.persona.id
        elif document is not None and document.department is not None:
            kind, page_id = "department", document.department.id
        parts: list[str] = []
        marker = LINKS_MARKER
        problems = site.problems_of(path)
        if problems:
            language = document.journey.language if document is not None and document.journey else None
            parts.append(renderer.problems_panel(problems, language))
        if document is not None and document.kind == "journey":
            marker = MAP_MARKER  # a journey page too broken to read: the panel takes the map's place
            if document.journey is not None and not site.is_broken(path):
                parts.append(self._render_later(path, "journey", ""))
        elif kind in ("persona", "department"):
            parts.append(self._render_later(path, kind, page_id))
        if parts:
            html = place_in_content(html, "\n".join(parts), marker)
        if kind == "index":
            html = place_in_content(html, self._render_later(path, "index", ""), INDEX_MARKER)
        return place_format_references(html, renderer.env)

    def _render_later(self, path: str, kind: str, page_id: str) -> str:
        marker, slot = self.fragments.reserve(path)
        self._to_render.append((path, slot, kind, page_id))
        return marker

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Every map and cross-link page rendered in one pass, between MkDocs reading the
        pages and writing them: the templates stay hot in the CPU's caches (interleaved with
        MkDocs' Markdown, maps rendered a tenth slower and slowed MkDocs down too)."""
        to_render, self._to_render = self._to_render, []
        if self.site is None or self.renderer is None or self.linker is None:
            return None  # disabled since the pages were marked (a config change under serve)
        with _young_collections_only():
            self._render_all(to_render)
        return None

    def _render_all(self, to_render: list[tuple[str, int, str, str]]) -> None:
        for count, (path, slot, kind, page_id) in enumerate(to_render, 1):
            if count % _RENDERS_PER_COLLECTION == 0:
                gc.collect(1)  # this loop's own garbage; see _young_collections_only
            if kind == "journey":
                with self.timer.phase("render_maps"):
                    self.fragments.fill(path, slot, *self._render_journey(path))
            else:
                with self.timer.phase("generated_pages"):
                    self.fragments.fill(path, slot, *self._render_crosslinks(path, kind, page_id))

    def _render_journey(self, path: str) -> tuple[str, str]:
        """The journey's search digest and map."""
        site, renderer, linker = self.site, self.renderer, self.linker
        journey = site.documents[path].journey
        digest = self.cache.render("digest", path, [path], lambda: renderer.journey_search_text(journey, site, linker))
        journey_map = self.cache.render("map", path, [path], lambda: renderer.journey_map(journey, site, linker))
        if not self.cache.keep_html:
            # A single build: no page will draw on these texts again (a rebuild under
            # `mkdocs serve` may, from the documents it reuses).
            journey.drop_step_texts()
        return digest, journey_map

    def _render_crosslinks(self, path: str, kind: str, page_id: str) -> tuple[str, str]:
        """The search digest and HTML of what a persona or department page, or the index,
        shows of the rest of the site."""
        site, renderer, linker = self.site, self.renderer, self.linker
        own = [path] if path in site.documents else []  # a generated page has no text of its own
        if kind == "persona":
            sources = [*own, *(role.journey.path for role in site.persona_roles.get(page_id, []))]
            render = partial(renderer.persona_page, page_id, path, site, linker)
        elif kind == "department":
            sources = [*own, *sorted({*(j.path for j in site.journeys_by_owner.get(page_id, [])),
                                      *(s.journey.path for s in site.steps_by_owner.get(page_id, [])),
                                      *(o.journey_path for o in site.opportunities_by_owner.get(page_id, []))})]
            render = partial(renderer.department_page, page_id, path, site, linker)
        else:
            exports = [(name, linker.url(path, export) or export) for name, export in self._exports]
            sources = [j.path for j in site.journeys]
            render = partial(renderer.opportunity_index, path, site, linker, exports)
        full = self.cache.render(kind, path, sources, render)
        return self.cache.render(f"{kind}:digest", path, sources, lambda: search_digest(full)), full

    @event_priority(100)  # before Material's search reads the page
    def _show_digests(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        if page.content is not None and self.fragments.has(page.file.src_uri):
            self._written_content = page.content
            page.content = self.fragments.with_digests(page.file.src_uri, page.content)

    @event_priority(-100)  # after every other plugin's on_page_context, search among them
    def _show_full(self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation) -> None:
        if page.content is not None and self.fragments.has(page.file.src_uri):
            page.content = self.fragments.with_full(page.file.src_uri, page.content)

    on_page_context = CombinedEvent(_show_digests, _show_full)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # MkDocs keeps every page's content until the build ends; once written, a page keeps
        # the content MkDocs made of its Markdown, not the maps and cross-links (search has
        # their digests): a wiki of thousands of maps would hold them all.
        if self._written_content is not None:
            page.content = self.fragments.without_markers(self._written_content)
            self._written_content = None
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        gc.unfreeze()
        if self.site is not None:
            self.timer.report(log, len(self.site.journeys))

    def on_build_error(self, *, error: Exception) -> None:
        gc.unfreeze()


__all__ = ["JourneysPlugin"]
