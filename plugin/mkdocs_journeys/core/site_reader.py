"""A whole wiki from its pages: every page read once, then cross-referenced in one pass.

The one way pages become a Site, shared by the MkDocs plugin (pages from MkDocs' Files)
and the command line (pages from the docs folder on disk), so both apply the same rules
and report the same problems. Two steps, so a caller can time or interleave them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .documents import Document, read_document
from .fields import Reference
from .journey_reader import IconCheck
from .markers import SiteMarkers
from .problems import Problem
from .site_index import Site


@dataclass
class PagesRead:
    """Every page read and validated, before the site-wide checks."""

    documents: list[Document] = field(default_factory=list)  # our pages, and any page with problems
    titles: dict[str, str] = field(default_factory=dict)  # every page's title by its path
    index_path: str | None = None  # the first page that holds the opportunity-index marker
    overview_path: str | None = None  # the first page that holds the journey-overview marker
    marker_problems: list[Problem] = field(default_factory=list)  # markers that show nothing


class DocumentCache:
    """The documents of the last build, reused for pages whose text has not changed
    (a `mkdocs serve` rebuild after one edit reads one page, not the whole wiki), with
    what each refers to, which the next cross-reference checks again."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[bytes, Document, list[Reference]]] = {}

    @staticmethod
    def _digest(text: str | bytes) -> bytes:
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16).digest()

    def read(self, path: str, text: str | bytes, icon_exists: IconCheck | None, seen: dict) -> Document:
        digest = self._digest(text)
        entry = self._entries.get(path)
        if entry is not None and entry[0] == digest:
            document = entry[1]
            document.references = entry[2]
        else:
            document = read_document(path, text, icon_exists)
        seen[path] = (digest, document, document.references)
        return document

    def digest_of(self, path: str) -> bytes:
        """The hash of the page's text as last read (b"" if it was not read)."""
        entry = self._entries.get(path)
        return entry[0] if entry else b""

    def keep_only(self, seen: dict[str, tuple[bytes, Document, list[Reference]]]) -> None:
        """What this build read is what the next one may reuse (deleted pages drop out)."""
        self._entries = seen

    def clear(self) -> None:
        self._entries = {}

    def entries(self) -> dict[str, tuple[bytes, Document, list[Reference]]]:
        """What the next build may reuse, by path: (hash of the page's text, document, its references)."""
        return self._entries

    def restore(self, entries: dict[str, tuple[bytes, Document, list[Reference]]]) -> None:
        """Entries kept from an earlier run (the command line stores them between runs)."""
        self._entries = entries


def read_pages(
    pages: Iterable[tuple[str, str | bytes]],
    icon_exists: IconCheck | None = None,
    cache: DocumentCache | None = None,
) -> PagesRead:
    """Read each (path relative to the docs folder, text) page once, in the order given
    (bytes for a page that is not UTF-8: read_document reports it), with its markers: the
    first page holding the opportunity-index marker is the index."""
    read = PagesRead()
    markers = SiteMarkers()
    seen: dict[str, tuple[bytes, Document, list[Reference]]] = {}
    for path, text in pages:
        document = cache.read(path, text, icon_exists, seen) if cache else read_document(path, text, icon_exists)
        read.titles[path] = document.title
        if markers.add_page(path, text, document.kind) or document.kind or document.problems:
            read.documents.append(document)
    if cache is not None:
        cache.keep_only(seen)
    read.index_path, read.marker_problems = markers.index_path, markers.problems
    read.overview_path = markers.overview_path
    return read


def cross_reference(
    read: PagesRead,
    other_files: Iterable[str],
    today: date,
    stale_after_days: int = 365,
    index_folder: str = "opportunities",
    custom_lanes: Iterable[str] = (),
) -> Site:
    """The site of the pages read; `other_files` are the site's other files (images, data,
    pages not read), which sources may name too."""
    known_paths = {path: path for path in other_files}
    known_paths.update(read.titles)
    site = Site(
        read.documents,
        known_paths=known_paths,
        today=today,
        stale_after_days=stale_after_days,
        index_path=read.index_path or f"{index_folder}/index.md",
        custom_lanes=tuple(custom_lanes),
    )
    for problem in read.marker_problems:
        site.site_problems[problem.path].append(problem)
    for document in read.documents:
        # Checked: the documents need them no more (a DocumentCache keeps its own for the
        # next rebuild). Each names its field path: many small texts per journey.
        document.references = []
    return site
