"""Files the plugin adds to the site without writing into docs_dir: pages for persona and
department ids that have none, the opportunity index, and its exports."""

from __future__ import annotations

import json
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from ..core.exports import opportunity_records, to_csv, to_json
from ..core.site_index import Site, generated_page_path


def add_generated_pages(
    files: Files, config: MkDocsConfig, site: Site, index_title: str, generate_missing: bool
) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """Add the pages; return {page path: (kind, id)} of the pages to fill, and the aliases
    {generated path: the user's page at its URL}. A user's page always wins."""
    generated: dict[str, tuple[str, str]] = {}
    aliases: dict[str, str] = {}
    wanted: list[tuple[str, str, str, str]] = []  # (path, kind, id, title)
    if generate_missing:
        wanted += [(generated_page_path("personas", pid), "persona", pid, pid) for pid in site.missing_personas]
        wanted += [(generated_page_path("departments", did), "department", did, did) for did in site.missing_departments]
    wanted.append((site.index_path or "", "index", "", index_title))
    # With an explicit nav, generated pages are built and linked but not listed (and not
    # reported as missing from it); without one, MkDocs lists them under their folders.
    inclusion = InclusionLevel.NOT_IN_NAV if config.nav else InclusionLevel.UNDEFINED
    pages_by_url = {file.url: file for file in files}
    for path, kind, page_id, title in wanted:
        target = path
        if files.get_file_from_path(path) is None:
            # json.dumps gives a valid YAML string for any title (ids like `yes` stay text);
            # the index is wide, so Material's sidebars make room for it.
            hide = "hide: [navigation, toc]\n" if kind == "index" else ""
            page = File.generated(config, path, content=f"---\ntitle: {json.dumps(title)}\n{hide}---\n",
                                  inclusion=inclusion)
            existing = pages_by_url.get(page.url)
            if existing is None:
                files.append(page)
                pages_by_url[page.url] = page
            else:
                # A user's page publishes at the same URL (opportunities.md vs
                # opportunities/index.md): it wins, and links to the path lead to it.
                target = aliases[path] = existing.src_uri
        if kind == "index":
            site.index_path = target
        generated[target] = (kind, page_id)
    return generated, aliases


def add_exports(files: Files, config: MkDocsConfig, site: Site, folder: str,
                aliases: dict[str, str]) -> list[tuple[str, str]]:
    """Add opportunities.json and .csv to the folder; return their (name, path)."""
    site_url = config.site_url or ""

    def url_for(path: str, anchor: str | None) -> str | None:
        file = files.get_file_from_path(aliases.get(path, path))
        if file is None:
            return None
        url = urljoin(site_url, file.url) if site_url else file.url
        return f"{url}#{anchor}" if anchor else url

    records = opportunity_records(site, url_for)
    exports = []
    for name, content in (("opportunities.json", to_json(records)), ("opportunities.csv", to_csv(records))):
        path = f"{folder}/{name}"
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)  # always the export of this build, never a stale copy
        files.append(File.generated(config, path, content=content))
        exports.append((name, path))
    return exports
