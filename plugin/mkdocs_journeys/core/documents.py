"""Turn one page's text into a Document: its kind, its validated model and its problems."""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from typing import Any

from .fields import FieldReader, Reference
from .frontmatter import PAGE_KINDS, FrontMatterError, parse_yaml, split_page
from .journey_reader import IconCheck, read_journey
from .model import Department, Journey, Persona
from .problems import Problem, Severity, has_errors, key_name
from .profile_reader import read_department, read_persona

_H1_RE = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


@dataclass
class Document:
    path: str  # relative to the docs folder, forward slashes
    kind: str | None  # journey / persona / department; None for pages that are not ours
    body: str  # the Markdown after the front matter
    title: str
    journey: Journey | None = None
    persona: Persona | None = None
    department: Department | None = None
    problems: list[Problem] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)  # checked against the whole site
    # The front matter as written, less the `journey:` mapping (the model holds it): what
    # the site generator parses into the page's metadata (title, tags, hide, persona, ...).
    # None when it cannot be read: the page then has no front matter for the generator.
    other_front_matter: str | None = None
    # The page sets Material's `hide:` (its sidebars are the author's choice, not the layout's).
    hides: bool = False

    def text_for_site_generator(self) -> str:
        """The page as the site generator should read it: body and the front matter above
        (never a broken one, which it would show as text)."""
        if self.other_front_matter is None:
            # A blank first line: no "Key: value" line of the body is read as metadata.
            return "\n" + self.body
        return f"---\n{self.other_front_matter}---\n\n{self.body}"

    @property
    def broken(self) -> bool:
        """The page breaks the format: show its problems instead of what it would render."""
        return has_errors(self.problems)


def default_title(path: str, body: str, meta: Any = None) -> str:
    """The title MkDocs would give the page: front matter title, first H1, or the file name."""
    if isinstance(meta, dict) and isinstance(meta.get("title"), str) and meta["title"].strip():
        return meta["title"].strip()
    match = _H1_RE.search(body)
    if match:
        return match.group(1)
    stem = posixpath.splitext(posixpath.basename(path))[0]
    if stem in ("index", "README"):
        stem = posixpath.basename(posixpath.dirname(path)) or "Home"
    return stem.replace("-", " ").replace("_", " ").capitalize()


def _check_kind_typos(meta: dict, reader: FieldReader) -> None:
    """`journeys:` or `Persona:` holding a mapping would silently make a plain page."""
    for key, value in meta.items():
        if not isinstance(key, str) or not isinstance(value, dict):
            continue
        match = difflib.get_close_matches(key.lower(), PAGE_KINDS, n=1, cutoff=0.85)
        if match:
            reader.report(key_name(key), key, f"'{match[0]}:' to make this a {match[0]} page (did you mean it?)",
                          reader.line_of(meta, key), Severity.WARNING)


def _front_matter_without(yaml_text: str, meta: dict, key: str) -> str | None:
    """The front matter's text without one top-level key and its block, for the site
    generator to parse: a journey's mapping is most of its page, and parsing it again
    would cost as much as reading the page. The whole text when the block cannot be cut
    on its own lines (a flow mapping, aliases into it); None when nothing is left."""
    key_lines: dict = getattr(meta, "key_lines", {})
    if key not in meta or key not in key_lines:
        return yaml_text if meta else None
    start = key_lines[key]
    others = [line for other, line in key_lines.items() if other != key]
    if not others:
        return None
    if start in others:
        return yaml_text  # keys sharing a line: a flow mapping
    lines = yaml_text.split("\n")
    end = min((line for line in others if line > start), default=len(lines) - 1)
    block, rest = lines[start:end], lines[:start] + lines[end:]
    rest_text = "\n".join(rest)
    if "*" in rest_text and "&" in "\n".join(block):
        return yaml_text  # an alias may name an anchor of the block
    return rest_text


def _decode_replacing(data: bytes) -> tuple[str, tuple[int, int] | None]:
    """The text of a page file, and the first byte that is not UTF-8 with its 1-based line."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        text = data.decode("utf-8-sig", errors="replace")
        return text, (data[error.start], data.count(b"\n", 0, error.start) + 1)


def read_document(path: str, text: str | bytes, icon_exists: IconCheck | None = None) -> Document:
    """Read any page. Pages that are not journey, persona or department pages get kind None;
    their front matter is still checked, since MkDocs renders broken front matter as text.

    A page may also be given as bytes: bytes that are not UTF-8 (MkDocs would stop the whole
    build on them) are replaced, and the page gets an error naming the line."""
    undecodable = None
    if isinstance(text, bytes):
        text, undecodable = _decode_replacing(text)
    page = split_page(text)
    document = Document(path=path, kind=page.kind, body=page.body, title=default_title(path, page.body))
    reader = FieldReader(path, page.first_yaml_line)
    if undecodable is not None:
        byte, line = undecodable
        reader.report("encoding", f"the byte {byte:#04x}, which is not UTF-8",
                      "a page saved as UTF-8 text (the bytes that are not are shown as \ufffd)", line, described=True)
    if page.yaml_text is None:
        document.problems = reader.problems
        return document
    try:
        meta = parse_yaml(page.yaml_text, page.first_yaml_line)
    except FrontMatterError as error:
        reader.report("front matter", error.message, error.expected, error.line, described=True)
        document.problems = reader.problems
        return document
    document.title = default_title(path, page.body, meta)
    if not isinstance(meta, dict):
        reader.report("front matter", meta, "a mapping of keys such as title: or journey:", page.first_yaml_line)
        document.problems = reader.problems
        return document
    document.other_front_matter = _front_matter_without(page.yaml_text, meta, "journey")
    document.hides = "hide" in meta
    if meta.get("title") is not None and not isinstance(meta["title"], str):
        # MkDocs would show `title: [a, b]` as "['a', 'b']": the page keeps its H1 or file name.
        reader.report("title", meta["title"], "a text (the page title; quote one that YAML reads as a number "
                      "or a boolean)", reader.line_of(meta, "title"), Severity.WARNING)
    kinds = [kind for kind in PAGE_KINDS if kind in meta]
    document.kind = kinds[0] if kinds else None
    if not kinds:
        _check_kind_typos(meta, reader)
    if len(kinds) > 1:
        reader.report(kinds[1], kinds[1], f"one page kind per page (this page is already a {kinds[0]} page)",
                      reader.line_of(meta, kinds[1]))
    data = reader.mapping(meta, document.kind, document.kind, required=True) if document.kind else None
    if data is not None:
        if document.kind == "journey":
            document.journey = read_journey(data, document.title, reader, icon_exists)
        elif document.kind == "persona":
            document.persona = read_persona(data, reader)
        else:
            document.department = read_department(data, reader)
    document.problems = sorted(reader.problems, key=lambda problem: problem.line or 0)
    document.references = reader.references
    return document
