"""Links between the pages of a MkDocs site, as MkDocs computes them."""

from __future__ import annotations

from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url


class MkDocsLinker:
    """Relative URLs between pages (use_directory_urls either way)."""

    def __init__(self, files: Files, aliases: dict[str, str] | None = None):
        # A plain dict of the final file list: Files.get_file_from_path normalises its
        # argument through PurePath on every call, too slow for a map's hundreds of links.
        self.urls = {file.src_uri: file.url for file in files}
        self.aliases = aliases or {}  # paths whose page is published by another file

    def url(self, from_path: str, to_path: str, anchor: str | None = None) -> str | None:
        source = self.urls.get(from_path)
        target = self.urls.get(self.aliases.get(to_path, to_path))
        if source is None or target is None:
            return None
        url = get_relative_url(target, source)
        return f"{url}#{anchor}" if anchor else url
