"""The Jinja2 environment of the journey templates: looked up by name, first in the theme's
folders (a custom_dir overrides any of them), then in this package; compiled once per
process; every printed value escaped.

What a template prints goes through the name `escape` of its compiled module. MarkupSafe's
`escape` wraps each result in a `Markup` built in Python, two Python calls per printed value,
and a map prints a thousand values and more: the printed text needs no `Markup` (the compiled code
only joins it, and a macro's or `{% set %}` block's text is made `Markup` once, whole). So
each compiled template of this environment prints through `escape_printed`: the same text
from MarkupSafe's own escaping function, without the wrapper (benchmarks/README.md gives
the gain). The templates' `|e` filter and everything else are Jinja's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, Template
from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import escape

try:  # the C function MarkupSafe's escape calls (MarkupSafe 3)
    from markupsafe import _escape_inner as _escape_text
except ImportError:  # another MarkupSafe: its public escape, as Jinja would call it
    def _escape_text(text: str) -> str:
        return str(escape(text))


def escape_printed(value: Any) -> str:
    """`{{ value }}` as markupsafe.escape writes it: text escaped, an object with `__html__`
    as its HTML, anything else as its escaped `str()` (StrictUndefined raises there)."""
    if value.__class__ is str:
        return _escape_text(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape_text(str(value))


class _PrintingTemplate(Template):
    @classmethod
    def from_code(cls, environment: Environment, code: Any, globals: Any, uptodate: Any = None) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        # The module's functions (root, blocks, macros) share its globals: one name to set.
        template.root_render_func.__globals__["escape"] = escape_printed
        return template


class CompiledTemplates(BytecodeCache):
    """Compiled template code kept in memory (Jinja's bytecode-cache hook), for environments
    set up alike: a template is known by its name and file (a custom_dir's override is a file
    of its own) and reused only while its source is the same (Jinja compares a checksum of
    it): an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, Any]] = {}  # key -> (source checksum, code)

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, f"{name}\0{filename}", self.get_source_checksum(source))
        found = self.codes.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]
        return bucket

    def set_bucket(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = (bucket.checksum, bucket.code)

    # The part of BytecodeCache's interface for caches that store bytes: not used here.
    def load_bytecode(self, bucket: Bucket) -> None:
        pass

    def dump_bytecode(self, bucket: Bucket) -> None:
        pass


# The journey templates' code, kept for the process: `mkdocs serve` makes a new environment
# for each rebuild, and compiling the templates again would be a fixed cost of each one.
# Every environment is made below, set up alike, so code compiled for one is code for the next.
COMPILED_TEMPLATES = CompiledTemplates()


def make_environment(template_dirs: Iterable[str] = ()) -> Environment:
    loader = ChoiceLoader([FileSystemLoader(list(template_dirs)), PackageLoader("mkdocs_journeys.render", "templates")])
    environment = Environment(
        loader=loader,
        autoescape=True,  # every text of a page is plain text: escaped, always
        auto_reload=False,  # loaded once per build: no stat() of every included template
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        bytecode_cache=COMPILED_TEMPLATES,
    )
    environment.template_class = _PrintingTemplate
    return environment
