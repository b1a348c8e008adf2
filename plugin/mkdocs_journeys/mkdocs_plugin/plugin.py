"""The `journeys` MkDocs plugin: a thin adapter between MkDocs and the journey core.

Events, in build order:
- on_config: labels, icons and templates (compiled once), the stylesheet;
- on_files: every page read and validated once, cross-referenced in one pass; problems
  logged as warnings (so `--strict` fails on them);
- on_page_read_source: MkDocs gets the text already read (and, for front matter MkDocs
  would render as text, only the body);
- on_page_content: the rendered map (or the problem panel) placed into the page.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core.clock import build_date
from ..core.documents import Document, read_document
from ..core.site import Site
from ..render.icons import IconLibrary
from ..render.labels import Labels
from ..render.renderer import Renderer
from .config import JourneysConfig
from .placement import place_in_content

log = get_plugin_logger("journeys")

ASSETS_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "render", "assets")
STYLESHEET = "assets/journeys/journeys.css"


class MkDocsLinker:
    """Relative URLs between pages, as MkDocs computes them (use_directory_urls either way)."""

    def __init__(self, files: Files):
        self.files = files

    def url(self, from_path: str, to_path: str, anchor: str | None = None) -> str | None:
        source = self.files.get_file_from_path(from_path)
        target = self.files.get_file_from_path(to_path)
        if source is None or target is None:
            return None
        url = target.url_relative_to(source)
        return f"{url}#{anchor}" if anchor else url


class JourneysPlugin(BasePlugin[JourneysConfig]):
    def __init__(self) -> None:
        self.site: Site | None = None
        self.renderer: Renderer | None = None
        self.linker: MkDocsLinker | None = None
        self._sources: dict[str, str] = {}  # page text read in on_files, handed to MkDocs once

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        try:
            self.today = build_date(self.config.today)
        except ValueError:
            raise PluginError(f"journeys: `today` must be an ISO date such as 2026-12-15, not {self.config.today!r}") from None
        language = self.config.language or config.theme.get("language") or "en"
        icons = IconLibrary(config.theme.dirs)
        self.renderer = Renderer(
            Labels(language, self.config.labels),
            icons=icons,
            template_dirs=config.theme.dirs,
            lanes=self.config.lanes,
            label_overrides=self.config.labels,
        )
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return None
        icons = self.renderer.icons
        documents: list[Document] = []
        self._sources = {}
        for file in files.documentation_pages():
            try:
                text = file.content_string
            except (OSError, ValueError):
                continue  # MkDocs reports unreadable files itself
            document = read_document(file.src_uri, text, icons.exists if icons else None)
            if document.kind or document.problems:
                documents.append(document)
                self._sources[file.src_uri] = text
        self.site = Site(
            documents,
            known_paths=files.src_uris,
            today=self.today,
            stale_after_days=self.config.stale_after_days,
        )
        for problem in self.site.problems():
            log.warning(problem.message)
        if files.get_file_from_path(STYLESHEET) is None:
            files.append(File.generated(config, STYLESHEET, abs_src_path=os.path.join(ASSETS_DIR, "journeys.css")))
        self.linker = MkDocsLinker(files)
        return files

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        text = self._sources.get(page.file.src_uri)
        if text is None or self.site is None:
            return None
        document = self.site.documents[page.file.src_uri]
        if any(problem.field == "front matter" for problem in document.problems):
            # MkDocs would show unreadable front matter as page text; give it the body only.
            return document.body
        return text

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if self.site is None or self.renderer is None or self.linker is None:
            return None
        document = self.site.documents.get(page.file.src_uri)
        if document is None:
            return None
        language = document.journey.language if document.journey else None
        parts: list[str] = []
        if document.problems:
            parts.append(self.renderer.problems_panel(document.problems, language))
        if document.journey is not None and not document.broken:
            parts.append(self.renderer.journey_map(document.journey, self.site, self.linker))
        if not parts:
            return None
        return place_in_content(html, "\n".join(parts))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._sources = {}


__all__ = ["JourneysPlugin"]
