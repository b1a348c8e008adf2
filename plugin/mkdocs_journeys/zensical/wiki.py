"""The wiki of one docs folder as a Markdown extension sees it: read once per process.

Zensical renders each page through Python-Markdown on its own; a map needs the whole site
(persona names, department pages, opportunity ids), so the first page of a folder reads
every page of it with the core, as the MkDocs plugin and the command line do, and the
following pages look things up in what was read. Under `zensical serve` a page whose file
changed makes the folder be read again (unchanged pages are taken from the last reading).
"""

from __future__ import annotations

import logging
import os
import posixpath
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import quote

import pathspec

from ..cli.project import DEFAULT_EXCLUDE, Project
from ..mkdocs_plugin.config import load_options  # the plugin's own option definitions
from ..core.clock import build_date
from ..core.overview import Overview, build_overview, parse_lifecycle
from ..core.site_index import Site
from ..core.site_reader import DocumentCache, cross_reference, read_pages
from ..render.icons import IconLibrary
from ..render.labels import Labels
from ..render.map_view import DEFAULT_SEARCH_LANES
from ..render.renderer import Renderer

log = logging.getLogger("mkdocs_journeys")

EXPORT_NAMES = ("opportunities.json", "opportunities.csv")


class FolderLinker:
    """Links between the files of the docs folder (the site publishes those and nothing else:
    no page is generated), written as an author writes them in Markdown: the target file's
    path relative to the linking page's file. Zensical turns these into URLs (and checks
    them) as it does for the page's own links; a URL relative to the page's address would
    be taken as a file path and misplaced."""

    def __init__(self, paths: Iterable[str]):
        self.paths = frozenset(paths)

    def url(self, from_path: str, to_path: str, anchor: str | None = None) -> str | None:
        if from_path not in self.paths or to_path not in self.paths:
            return None
        url = quote(posixpath.relpath(to_path, posixpath.dirname(from_path) or "."))
        return f"{url}#{anchor}" if anchor else url


@dataclass
class FolderWiki:
    site: Site
    renderer: Renderer
    linker: FolderLinker
    exports: list[tuple[str, str]]  # (name, path) of exports present in the docs folder
    overview: Overview | None = None  # the journey overview's cards
    overview_path: str | None = None  # the page holding <!-- journey:overview -->
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)  # page -> (mtime_ns, size) as read
    documents: DocumentCache = field(default_factory=DocumentCache)

    def is_current(self, docs_dir: str, path: str) -> bool:
        """Is the page's file as it was read? (One stat: the page being rendered.)"""
        try:
            stat = os.stat(os.path.join(docs_dir, path))
        except OSError:
            return path not in self.stamps
        return self.stamps.get(path) == (stat.st_mtime_ns, stat.st_size)


def _stamps(docs_dir: str, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    stamps = {}
    for path in paths:
        try:
            stat = os.stat(os.path.join(docs_dir, path))
        except OSError:
            continue
        stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def project_for(docs_dir: str, root_dir: str | None, theme_dirs: list[str], options: dict[str, Any]) -> Project:
    """The project as the core needs it. The journeys plugin's options of a mkdocs.yml beside
    the docs folder apply (Zensical drops plugins it does not know), the extension's own
    options over them, validated by the plugin's own option definitions."""
    config_file = next((os.path.join(root_dir, name) for name in ("mkdocs.yml", "mkdocs.yaml")
                        if root_dir and os.path.isfile(os.path.join(root_dir, name))), None)
    if config_file is not None:
        project = Project.load(docs_dir, config_file)
        written = project.written_options
    else:
        project = Project(docs_dir=docs_dir, exclude=pathspec.GitIgnoreSpec.from_lines(DEFAULT_EXCLUDE))
        written = {}
    if options:
        project.options, _ = load_options({**(written if isinstance(written, dict) else {}), **options}, config_file)
    project.theme_dirs = list(theme_dirs)
    project.missing_theme = None
    return project


def load_folder(project: Project, theme_language: str | None = None, previous: FolderWiki | None = None) -> FolderWiki:
    """Every page of the folder read (unchanged ones reused from `previous`) and
    cross-referenced once; problems logged as warnings."""
    options = project.options
    files = list(project.files())
    pages = [path for path, is_page in files if is_page]
    icons = IconLibrary(project.theme_dirs)
    documents = previous.documents if previous is not None else DocumentCache()
    stamps = _stamps(project.docs_dir, pages)
    read = read_pages(project.read_pages(pages), icons.exists, documents)
    today: date = project.today()
    site_lanes = list(options.custom_lanes)  # (id, label) of the site-wide custom lanes
    site = cross_reference(read, [path for path, _ in files], today, project.stale_after_days, project.index_folder,
                           custom_lanes=[lane_id for lane_id, _ in site_lanes])
    lifecycle = parse_lifecycle(options.lifecycle)
    overview = build_overview(site, lifecycle)
    for problem in site.problems():
        log.warning(problem.message)
    language = options.language or theme_language or "en"
    labels = options.labels or {}
    renderer = Renderer(
        Labels(language, labels),
        icons=icons,
        template_dirs=project.theme_dirs,
        lanes=options.lanes,  # None: every built-in lane, then the custom ones
        layout=options.layout,
        custom_lanes=site_lanes,
        search_lanes=options.search_lanes or DEFAULT_SEARCH_LANES,
        phase_labels={phase.id: phase.label for phase in lifecycle},
    )
    published = [path for path, _ in files]
    linker = FolderLinker(published)
    folder = posixpath.dirname(site.index_path or "") or project.index_folder
    present = set(published)
    exports = [(name, f"{folder}/{name}") for name in EXPORT_NAMES if f"{folder}/{name}" in present]
    return FolderWiki(site, renderer, linker, exports, overview, read.overview_path, stamps, documents)


class FolderWikis:
    """One wiki per docs folder and settings, for the life of the process."""

    def __init__(self) -> None:
        self._wikis: dict[tuple, FolderWiki] = {}
        self.readings = 0  # how often a docs folder was read, for the record
        self._lock = threading.Lock()  # pages may be rendered from several threads

    def get(self, key: tuple, project_of: Any, page_path: str) -> FolderWiki:
        with self._lock:
            wiki = self._wikis.get(key)
            if wiki is None or not wiki.is_current(key[0], page_path):
                wiki = self._wikis[key] = load_folder(*project_of(), previous=wiki)
                self.readings += 1
            return wiki

    def clear(self) -> None:
        with self._lock:
            self._wikis.clear()


WIKIS = FolderWikis()
