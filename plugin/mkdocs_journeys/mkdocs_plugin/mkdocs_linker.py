"""Links between the pages of a MkDocs site, as MkDocs computes them."""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url


class MkDocsLinker:
    """Relative URLs between the site's files (use_directory_urls either way), by the
    core's path of each (i18n.site_path)."""

    def __init__(self, site_files: Mapping[str, File], aliases: dict[str, str] | None = None):
        # A plain dict: Files.get_file_from_path normalises its argument through PurePath
        # on every call, too slow for a map's hundreds of links.
        self.urls = {path: file.url for path, file in site_files.items()}
        self.aliases = aliases or {}  # paths whose page is published by another file

    def url(self, from_path: str, to_path: str, anchor: str | None = None) -> str | None:
        source = self.urls.get(from_path)
        target = self.urls.get(self.aliases.get(to_path, to_path))
        if source is None or target is None:
            return None
        url = get_relative_url(target, source)
        return f"{url}#{anchor}" if anchor else url
