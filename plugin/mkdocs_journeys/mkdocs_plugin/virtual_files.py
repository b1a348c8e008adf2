"""Files the plugin adds to the site without writing into docs_dir: pages for persona and
department ids that have none, the opportunity index, the journey overview, and their exports."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import get_relative_url

from ..core.exports import index_data, opportunity_records, to_compact_json, to_csv, to_json
from ..core.overview import Overview, overview_records
from ..core.site_index import Site, generated_page_path
from .i18n import BuildLanguage


def add_generated_pages(
    files: Files, config: MkDocsConfig, site: Site, index_title: str, generate_missing: bool,
    site_files: dict[str, File], language: BuildLanguage | None,
    overview: tuple[str, str] | None = None,
) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Add the pages (`overview`: the journey overview's path and title); return {page path:
    (view, id)} of the pages to fill, and the aliases {generated path: the user's page at its
    URL}. A user's page always wins. `site_files` maps the core's paths to the site's files;
    the added pages are added to it."""
    generated: dict[str, tuple[str, str]] = {}
    aliases: dict[str, str] = {}
    wanted: list[tuple[str, str, str, str]] = []  # (path, view, id, title)
    if generate_missing:
        wanted += [(generated_page_path("personas", pid), "persona", pid, pid) for pid in site.missing_personas]
        wanted += [(generated_page_path("departments", did), "department", did, did) for did in site.missing_departments]
    wanted.append((site.index_path or "", "index", "", index_title))
    if overview is not None:
        wanted.append((overview[0], "overview", "", overview[1]))
    # With an explicit nav, generated pages are built and linked but not listed (and not
    # reported as missing from it); without one, MkDocs lists them under their folders.
    inclusion = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
    pages_by_url = {file.url: path for path, file in site_files.items() if file.is_documentation_page()}
    for path, view, page_id, title in wanted:
        target = path
        if path not in site_files:
            # MkDocs prints a front-matter title as HTML (nav, <title>, the theme's <h1>): the
            # title (a label override, an id) is text, so it is escaped, as journey titles are.
            # json.dumps gives a valid YAML string for any title (ids like `yes` stay text);
            # the index and the overview are wide, so Material's sidebars make room for them.
            hide = "hide: [navigation, toc]\n" if view in ("index", "overview") else ""
            page = File.generated(config, path, content=f"---\ntitle: {json.dumps(escape(title))}\n{hide}---\n",
                                  inclusion=inclusion)
            if language is not None:
                language.place(page)
            existing = pages_by_url.get(page.url)
            if existing is None:
                files.append(page)
                site_files[path] = page
                pages_by_url[page.url] = path
            else:
                # A user's page publishes at the same URL (opportunities.md vs
                # opportunities/index.md): it wins, and links to the path lead to it.
                target = aliases[path] = existing
        if view == "index":
            site.index_path = target
        generated[target] = (view, page_id)
    return generated, aliases


def _url_finder(config: MkDocsConfig, site_files: dict[str, File], aliases: dict[str, str],
                relative_to: str | None = None):
    """The published URL of a core path, with an optional anchor: relative to the URL
    `relative_to` when given, else as published (absolute with `site_url`)."""
    site_url = config.site_url or ""

    def url_for(path: str, anchor: str | None = None) -> str | None:
        file = site_files.get(aliases.get(path, path))
        if file is None:
            return None
        if relative_to is not None:
            url = get_relative_url(file.url, relative_to)
        else:
            url = urljoin(site_url, file.url) if site_url else file.url
        return f"{url}#{anchor}" if anchor else url

    return url_for


def _add_export(files: Files, config: MkDocsConfig, path: str, content: str, site_files: dict[str, File],
                language: BuildLanguage | None) -> None:
    export = File.generated(config, path, content=content)
    if language is not None:
        language.place(export)
    for existing in [file for file in files if file.dest_uri == export.dest_uri]:
        files.remove(existing)  # always the export of this build, never a stale copy
    files.append(export)
    site_files[path] = export


def add_exports(files: Files, config: MkDocsConfig, site: Site, folder: str, site_files: dict[str, File],
                aliases: dict[str, str], language: BuildLanguage | None) -> list[tuple[str, str]]:
    """Add opportunities.json and .csv to the folder (and to `site_files`); return their (name, path)."""
    records = opportunity_records(site, _url_finder(config, site_files, aliases))
    exports = []
    for name, content in (("opportunities.json", to_json(records)), ("opportunities.csv", to_csv(records))):
        path = f"{folder}/{name}"
        _add_export(files, config, path, content, site_files, language)
        exports.append((name, path))
    return exports


INDEX_DATA = "index-data.json"


def add_index_data(files: Files, config: MkDocsConfig, site: Site, folder: str, site_files: dict[str, File],
                   aliases: dict[str, str], language: BuildLanguage | None) -> str:
    """Add the index's compact data (read by journeys.js) to the folder; return its path.
    Its links are relative to the file itself, so the site works wherever it is served."""
    path = f"{folder}/{INDEX_DATA}"
    url_for = _url_finder(config, site_files, aliases, relative_to=File.generated(config, path, content="").url)
    _add_export(files, config, path, to_compact_json(index_data(site, url_for)), site_files, language)
    return path


def add_overview_export(files: Files, config: MkDocsConfig, overview: Overview, folder: str,
                        site_files: dict[str, File], aliases: dict[str, str],
                        language: BuildLanguage | None) -> tuple[str, str]:
    """Add overview.json (each journey with the figures of its card) to the overview's folder."""
    records = overview_records(overview, _url_finder(config, site_files, aliases))
    path = f"{folder}/overview.json"
    _add_export(files, config, path, json.dumps(records, ensure_ascii=False, indent=2) + "\n", site_files, language)
    return "overview.json", path
