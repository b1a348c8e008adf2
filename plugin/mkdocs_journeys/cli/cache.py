"""The pages read by the last `validate` or `export` of a docs folder, kept between runs.

A pre-commit hook checks the whole wiki on every commit, though a commit changes a few
pages: a page whose text is unchanged is taken from here instead of being read again
(core.site_reader.DocumentCache, the cache `mkdocs serve` uses between rebuilds). The cache is
only used while the rules and the theme's icons are those it was made with: its key
holds the package's code and the icon folders' modification times.

The file is JSON (cache_format.py): whoever can write it can make us skip reading a
page, never run code. A file that cannot be read as the cache of this key is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from ..core.documents import Document
from ..core.fields import Reference
from ..core.site_reader import DocumentCache
from .cache_format import encode, loads

_FORMAT = 3  # 1 was a pickle; 2 held no references
CACHE_SUFFIX = ".json"


def cache_root(environ: dict[str, str] | None = None) -> Path | None:
    """$XDG_CACHE_HOME, else ~/.cache; None if neither is an absolute path. The XDG rule: a
    relative XDG_CACHE_HOME is invalid and ignored (relative to the current folder, it
    would put the cache into the wiki, and the next build would publish it); so is a
    relative HOME, for the same reason."""
    environ = environ if environ is not None else os.environ
    configured = environ.get("XDG_CACHE_HOME", "")
    if configured and os.path.isabs(configured):
        return Path(configured)
    home = environ["HOME"] if "HOME" in environ else os.path.expanduser("~")
    return Path(home) / ".cache" if os.path.isabs(home) else None


def cache_path(docs_dir: str, environ: dict[str, str] | None = None) -> Path | None:
    """One file per docs folder, in the user's cache folder (never in the wiki); None when
    there is no cache folder to use."""
    root = cache_root(environ)
    if root is None:
        return None
    name = hashlib.blake2b(os.path.abspath(docs_dir).encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
    return root / "mkdocs-journeys" / f"{name}{CACHE_SUFFIX}"


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


def _load(path: Path, key: str) -> tuple[list[str], dict[str, tuple[bytes, Document, list[Reference]]]]:
    """(pages, entries) of the cache file; ValueError (or OSError) if it is not this key's cache."""
    with open(path, encoding="utf-8") as file:
        data = loads(file.read())
    if not isinstance(data, dict) or data.get("key") != key:
        raise ValueError("another cache")
    paths, entries = data["paths"], data["entries"]
    if not (isinstance(paths, list) and all(isinstance(p, str) for p in paths) and isinstance(entries, dict)):
        raise ValueError("not a cache")
    for page, entry in entries.items():
        if not (isinstance(page, str) and isinstance(entry, tuple) and len(entry) == 3
                and isinstance(entry[0], bytes) and isinstance(entry[1], Document)
                and isinstance(entry[2], list) and all(isinstance(ref, Reference) for ref in entry[2])):
            raise ValueError("not a cache entry")
    return paths, entries


class StoredCache:
    """The cache of one docs folder: loaded if its key matches, saved only when it changed."""

    def __init__(self, path: Path, key: str):
        self.path = path
        self.key = key
        self.documents = DocumentCache()
        self._paths: list[str] = []  # the pages of the cache as loaded
        try:
            self._paths, entries = _load(path, key)
            self.documents.restore(entries)
        except Exception:  # missing, unreadable, damaged or from another version: start afresh
            self._paths = []
        self._digests = {page: self.documents.digest_of(page) for page in self._paths}

    def save(self, paths: list[str]) -> None:
        """After a run over `paths`: written if any page was added, removed or read again."""
        if paths == self._paths and all(self.documents.digest_of(p) == self._digests.get(p) for p in paths):
            return
        temporary = None
        try:
            text = json.dumps({"key": self.key, "paths": paths, "entries": encode(self.documents.entries())},
                              ensure_ascii=True, separators=(",", ":"))
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="ascii", dir=self.path.parent, delete=False,
                                             suffix=".tmp") as file:
                temporary = file.name
                file.write(text)
            os.replace(file.name, self.path)  # whole or not at all, whoever runs alongside
            temporary = None
            self.path.with_suffix(".pickle").unlink(missing_ok=True)  # the format-1 cache, never read again
        except (OSError, TypeError, ValueError, RecursionError):
            pass  # a cache that cannot be written only costs time
        finally:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.remove(temporary)
