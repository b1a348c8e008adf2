"""The pages read by the last `validate` or `export` of a docs folder, kept between runs.

A pre-commit hook checks the whole wiki on every commit, though a commit changes a few
pages: a page whose text is unchanged is taken from here instead of being read again
(core.site_reader.DocumentCache, the cache `mkdocs serve` uses between rebuilds). The cache is
only used while the rules and the theme's icons are those it was made with: its key
holds the package's code and the icon folders' modification times.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import resources
from pathlib import Path

from ..core.site_reader import DocumentCache

_FORMAT = 1


def cache_path(docs_dir: str) -> Path:
    """One file per docs folder, in the user's cache folder (never in the wiki)."""
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    name = hashlib.blake2b(os.path.abspath(docs_dir).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return Path(root) / "mkdocs-journeys" / f"{name}.pickle"


def fingerprint(theme_dirs: list[str], icons_checked: bool) -> str:
    """What the documents read depend on besides their text: the code that reads them, and
    which icons the theme has (an icon set's folder changes when an icon is added or removed)."""
    digest = hashlib.blake2b(f"{_FORMAT}:{icons_checked}".encode(), digest_size=16)
    package = resources.files("mkdocs_journeys")
    for folder in ("core", "render"):
        for entry in sorted(package.joinpath(folder).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".py"):
                digest.update(entry.name.encode() + entry.read_bytes())
    for theme_dir in theme_dirs:
        icons = os.path.join(theme_dir, ".icons")
        if os.path.isdir(icons):
            for entry in sorted(os.scandir(icons), key=lambda e: e.name):
                digest.update(f"{icons}/{entry.name}:{entry.stat().st_mtime_ns}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class StoredCache:
    """The cache of one docs folder: loaded if its key matches, saved only when it changed."""

    def __init__(self, path: Path, key: str):
        self.path = path
        self.key = key
        self.documents = DocumentCache()
        self._paths: list[str] = []  # the pages of the cache as loaded
        try:
            with open(path, "rb") as file:
                key_stored, paths, documents = pickle.load(file)  # noqa: S301 - the user's own cache
            if key_stored == key and isinstance(documents, DocumentCache):
                self.documents, self._paths = documents, paths
        except Exception:  # missing, unreadable or from another version: start afresh
            pass
        self._digests = {page: self.documents.digest_of(page) for page in self._paths}

    def save(self, paths: list[str]) -> None:
        """After a run over `paths`: written if any page was added, removed or read again."""
        if paths == self._paths and all(self.documents.digest_of(p) == self._digests[p] for p in paths):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.path.parent, delete=False) as file:
                pickle.dump((self.key, paths, self.documents), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(file.name, self.path)  # whole or not at all, whoever runs alongside
        except OSError:
            pass  # a cache that cannot be written only costs time
