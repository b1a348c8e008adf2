"""The `journeys` MkDocs plugin: a thin adapter between MkDocs and the journey core.

A page's way through the build (ARCHITECTURE.md draws it):
- on_config: labels, icons and templates (compiled once), the stylesheet and script;
- on_files (after mkdocs-static-i18n has chosen this language's files): every page read and
  validated once, cross-referenced in one pass; problems logged as warnings (so
  `--strict` fails on them); pages for persona and department ids without one, the
  opportunity index, the journey overview and their exports added as files (nothing is
  written into docs_dir);
- on_page_read_source: MkDocs gets the text already read, with the front matter it
  parses into page.meta, less the journey mapping the plugin has read (parsing it again
  would cost as much as reading the page);
- on_page_context, just before Material's search reads the page: what the plugin adds
  (problems, map, cross-links, "cited by", index, overview) rendered and placed, search given its light text
  digest; just after search, the digest swapped for the full HTML; once the page is
  written, MkDocs' own content put back (it keeps every page's content until the build ends).
"""

from __future__ import annotations

import gc
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from ..core.clock import BuildDateError, build_date
from ..core.documents import Document
from ..core.markers import PagePart, page_parts, place_part
from ..core.overview import Overview, build_overview, parse_lifecycle
from ..core.problems import Problem
from ..core.site_index import Site
from ..core.site_reader import cross_reference, read_pages
from ..render.format_reference import place_format_references
from ..render.icons import IconLibrary
from ..render.labels import Labels
from ..render.renderer import Renderer
from ..render.search_digest import search_digest
from .config import JourneysConfig, unknown_lanes
from .i18n import BuildLanguage, build_language, site_path
from .mkdocs_linker import MkDocsLinker
from .render_cache import RenderCache
from .timings import PhaseTimer
from .virtual_files import add_exports, add_generated_pages, add_index_data, add_overview_export

log = get_plugin_logger("journeys")


ASSETS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "render", "assets")
ASSETS = {"assets/journeys/journeys.css": "journeys.css", "assets/journeys/overview.css": "overview.css",
          "assets/journeys/journeys.js": "journeys.js"}

# mkdocs-static-i18n configures each language's build and picks its files at priority -100;
# the plugin reads the site after it.
AFTER_I18N = -110


@contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Reading, and rendering what a page shows, make many objects and few reference cycles
    (those of a render are collected after it), and each automatic collection scans every
    object MkDocs holds again:
    reading 1,000 generated journeys takes 4.8 s with the collector and 3.8 s without; at
    N = 1,000 rendering without it halves the build's time in collections, 1.0 -> 0.5 s
    (benchmarks/README.md). The state found is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _FrozenWhileBuilding:
    """What was read lives until the build ends and holds no cycles, yet every full
    collection while the pages are written would scan it again: it is frozen (gc.freeze)
    from the end of reading to the end of the build, at N = 1,000 about a tenth of the
    build's CPU time (benchmarks/README.md). Only when nothing else froze objects, so
    unfreezing leaves the process as found: nothing frozen."""

    def __init__(self) -> None:
        self.frozen = False

    def freeze(self) -> None:
        if not self.frozen and gc.get_freeze_count() == 0:
            gc.freeze()
            self.frozen = True

    def release(self) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


def _page_texts(files: Files):
    """(core path, text) of every page MkDocs builds; unreadable pages are MkDocs' to report."""
    for file in files.documentation_pages():
        try:
            text = file.content_string
        except UnicodeDecodeError:
            text = file.content_bytes  # not UTF-8: reported by the core, not a crash of MkDocs
        except (OSError, ValueError):
            continue
        yield site_path(file), text


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer: Renderer | None = None
        self.linker: MkDocsLinker | None = None
        self.timer = PhaseTimer()
        self.serve_cache: RenderCache | None = None  # only under `mkdocs serve`: kept across rebuilds
        self._generated: dict[str, tuple[str, str]] = {}  # generated page path -> (view, id) it shows
        self._overview_path: str | None = None  # the page that shows the journey overview
        self._site_files: dict[str, File] = {}  # core path -> the file MkDocs builds
        self._exports: list[tuple[str, str]] = []  # (name, path) of the export files
        self._overview_exports: list[tuple[str, str]] = []
        self._index_data = ""  # the index's compact data file (journeys.js reads it)
        self.overview: Overview | None = None  # the journey overview's cards
        self._language: BuildLanguage | None = None
        # The page being written: its content as MkDocs made it, and what replaces each
        # digest after search. Markers carry a token of this instance: no page can forge one.
        self._token = secrets.token_hex(6)
        self._written: tuple[Page, str, list[tuple[str, str]]] | None = None
        self._read_objects = _FrozenWhileBuilding()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup makes MkDocs keep this instance across serve rebuilds.
        if command != "serve":
            self.serve_cache = None
        elif self.serve_cache is None:
            self.serve_cache = RenderCache()

    # -- configuration ----------------------------------------------------------------

    @event_priority(AFTER_I18N)  # i18n sets each language build's theme language
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            # MkDocs may reuse this instance (serve, or builds in one process): forget the
            # last build's site so no event of this one uses it.
            self.site = self.renderer = self.linker = None
            return None
        try:  # the options are validated by config.py; SOURCE_DATE_EPOCH is read here
            self.today = build_date(self.config.today)
        except BuildDateError as error:
            raise PluginError(f"journeys: {error}") from None
        self.index_folder = self.config.opportunities
        if self.config.overview == self.index_folder:
            raise PluginError(f"journeys: `overview` must be a folder inside the site other than the opportunity "
                              f"index's ({self.index_folder!r}), not {self.config.overview!r}")
        self.overview_folder = self.config.overview
        try:
            self.lifecycle = parse_lifecycle(self.config.lifecycle)
        except ValueError as error:
            raise PluginError(f"journeys: mkdocs.yml: plugins.journeys.{error}") from None
        language = self.config.language or config.theme.get("language") or "en"
        self.renderer = Renderer(
            Labels(language, self.config.labels),
            icons=IconLibrary(config.theme.dirs),
            template_dirs=config.theme.dirs,
            lanes=self.config.lanes,
            search_lanes=self.config.search_lanes,
            layout=self.config.layout,
            custom_lanes=self.config.custom_lanes,
            phase_labels={phase.id: phase.label for phase in self.lifecycle},
        )
        if self.serve_cache is not None:
            self.serve_cache.use_config(repr((sorted(self.config.items()), list(config.theme.dirs), language,
                                              self.today, config.use_directory_urls, config.site_url)))
        for uri in ASSETS:
            target = config.extra_css if uri.endswith(".css") else config.extra_javascript
            if uri not in [str(item) for item in target]:
                target.append(uri)
        return config

    # -- reading the site ----------------------------------------------------------------

    @event_priority(AFTER_I18N)  # i18n leaves only this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return None
        self.timer = PhaseTimer()
        self._written = None  # a build that stopped half-way must not leak a page
        self._language = build_language(config)
        self._site_files = {site_path(file): file for file in files}
        icons = self.renderer.icons
        with self.timer.phase("read_validate"), _without_cyclic_gc():
            reuse = self.serve_cache.documents if self.serve_cache is not None else None
            read = read_pages(_page_texts(files), icons.exists if icons else None, reuse)
            self._read_objects.freeze()
        with self.timer.phase("cross_reference"):
            self.site = cross_reference(read, self._site_files, self.today, self.config.stale_after_days,
                                        self.index_folder,
                                        custom_lanes=[lane_id for lane_id, _ in self.config.custom_lanes])
            self.overview = build_overview(self.site, self.lifecycle)  # the overview's cards, one more pass
        for problem in self.site.problems():
            log.warning(self._as_written(problem).message)
        unknown = unknown_lanes(self.config.lanes, self.config.custom_lanes, self.site)
        if unknown:  # a lane of a journey's own custom_lanes is known only now: the config fails here
            raise PluginError("; ".join(unknown))
        with self.timer.phase("generated_pages"):
            overview_path = read.overview_path or f"{self.overview_folder}/index.md"
            generated, aliases = add_generated_pages(
                files, config, self.site, self.renderer.labels("index.title"), self.config.generate_pages,
                self._site_files, self._language, overview=(overview_path, self.renderer.labels("overview.title")),
            )
        with self.timer.phase("exports"):
            self._exports = add_exports(files, config, self.site, self.index_folder, self._site_files, aliases,
                                        self._language)
            self._index_data = add_index_data(files, config, self.site, self.index_folder, self._site_files, aliases,
                                              self._language)
            self._overview_exports = [add_overview_export(files, config, self.overview, self.overview_folder,
                                                          self._site_files, aliases, self._language)]
        for uri, name in ASSETS.items():
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=os.path.join(ASSETS_DIR, name)))
        self._generated = generated
        self._overview_path = next((path for path, (view, _) in generated.items() if view == "overview"), None)
        self.linker = MkDocsLinker(self._site_files, aliases)
        if self.serve_cache is not None:
            self.serve_cache.use_site(self.site, self.linker)
        return files

    def _as_written(self, problem: Problem) -> Problem:
        """The problem naming the file as written (i18n's `page.zh.md`, not the core's `page.md`)."""
        file = self._site_files.get(problem.path)
        return replace(problem, path=file.src_uri) if file is not None and file.src_uri != problem.path else problem

    # -- pages -------------------------------------------------------------------------

    def _document(self, page: Page) -> Document | None:
        return self.site.documents.get(site_path(page.file)) if self.site is not None else None

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        # The page was read once, in on_files; a broken front matter is never shown as text.
        document = self._document(page)
        return document.text_for_site_generator() if document is not None else None

    @event_priority(100)  # before other plugins read page.meta
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self._document(page) is None:
            return None
        title = page.meta.get("title")
        if title is not None and not isinstance(title, str):
            del page.meta["title"]  # reported: the page keeps its H1 or file name
        elif title is not None:
            # MkDocs treats a front-matter title as HTML (in the nav, <title> and the theme's
            # <h1>); the titles of journey pages are plain text like every other field.
            page.meta["title"] = escape(title)
        return None

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.renderer is None or self.site is None:
            return None
        return place_format_references(html, self.renderer.env)

    @event_priority(100)  # before Material's search reads the page
    def _add_with_search_digests(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                                 nav: Navigation) -> None:
        self._written = None
        if self.site is None or page.content is None:
            return
        with _without_cyclic_gc():
            additions = self._additions(site_path(page.file))
        if not additions:
            return
        own, content, swaps = page.content, page.content, []
        for number, (part, digest, full) in enumerate(additions):
            held = f"<!--journeys-{self._token}:{number}-->{digest}<!--/journeys-{self._token}:{number}-->"
            content = place_part(content, held, part)
            swaps.append((held, full))
        page.content = content
        self._written = (page, own, swaps)

    @event_priority(-100)  # after every other plugin's on_page_context, search among them
    def _show_full_html(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> None:
        if self._written is None or self._written[0] is not page or page.content is None:
            return
        content = page.content
        for held, full in self._written[2]:
            content = content.replace(held, full, 1)
        page.content = content

    on_page_context = CombinedEvent(_add_with_search_digests, _show_full_html)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        # Once written, the page keeps the content MkDocs made of its Markdown: MkDocs holds
        # every page's content until the build ends, and search has read the digests.
        if self._written is not None and self._written[0] is page:
            page.content = self._written[1]
            self._written = None
        return None

    # -- what a page shows ---------------------------------------------------------------

    def _additions(self, path: str) -> list[tuple[PagePart, str, str]]:
        """(where, search digest, full HTML) of each part the plugin adds to the page."""
        site = self.site
        if site is None or self.renderer is None:
            return []
        additions = []
        for part in page_parts(site, path, self._generated.get(path), self._overview_path):
            rendered = [self._panel(path) if view == "panel" else self._view(path, view, page_id)
                        for view, page_id in part.views]
            additions.append((part, "".join(digest for digest, _ in rendered), "".join(full for _, full in rendered)))
        return additions

    def _panel(self, path: str) -> tuple[str, str]:
        """The page's problems, naming the files as written (digest and HTML alike)."""
        document = self.site.documents.get(path)
        language = document.journey.language if document is not None and document.journey else None
        problems = [self._as_written(problem) for problem in self.site.problems_of(path)]
        panel = self.renderer.problems_panel(problems, language) + "\n"
        return panel, panel

    def _view(self, path: str, view: str, page_id: str) -> tuple[str, str]:
        """The view's search digest and HTML, rendered now (or, under serve, reused)."""
        if self.serve_cache is None:
            return self._render(path, view, page_id)
        drawn_on = self.site.pages_drawn_on(view, page_id)
        return self.serve_cache.rendered(path, view, drawn_on, lambda: self._render(path, view, page_id))

    def _render(self, path: str, view: str, page_id: str) -> tuple[str, str]:
        site, renderer, linker = self.site, self.renderer, self.linker
        if view == "map":
            journey = site.documents[path].journey
            with self.timer.phase("render_maps"):
                return (renderer.journey_search_text(journey, site, linker),
                        renderer.journey_map(journey, site, linker))
        with self.timer.phase("generated_pages"):
            if view == "persona":
                full = renderer.persona_page(page_id, path, site, linker)
            elif view == "department":
                full = renderer.department_page(page_id, path, site, linker)
            elif view == "cited_by":
                full = renderer.cited_by(path, site, linker)
            elif view == "overview":
                exports = [(name, linker.url(path, export) or export) for name, export in self._overview_exports]
                full = renderer.overview_page(self.overview, path, site, linker, exports)
            else:
                exports = [(name, linker.url(path, export) or export) for name, export in self._exports]
                full = renderer.opportunity_index(path, site, linker, exports, linker.url(path, self._index_data))
            return search_digest(full), full

    def on_build_error(self, *, error: Exception) -> None:
        self._end_build()

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.site is not None:
            self.timer.report(log, len(self.site.journeys))
        self._end_build()

    def _end_build(self) -> None:
        """Let go of what this build read and of MkDocs' files, each holding its page and its
        HTML (the next build reads again; `mkdocs serve` keeps what it reuses in
        serve_cache). The plugin outlives the build: kept, they would live as long as the
        process, and the model's freeing at shutdown, while the interpreter clears its
        modules, is far slower than in a collection with the build's other garbage
        (benchmarks/README.md)."""
        self._read_objects.release()
        self.site = self.overview = self.linker = self._written = None
        self._site_files = {}


__all__ = ["JourneysPlugin"]
