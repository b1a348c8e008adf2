"""The field tables of a format reference page, generated from core/schema.py.

A page holds `<!-- journey:format-reference kind=journey -->` on a line of its own (the
marker is defined with the others in core/markers.py); the
table of that mapping (journey, stage, step, touchpoint, moment, opportunity, log,
persona, department) takes its place, with the descriptions the JSON Schema carries, so
the reference and the schema cannot disagree.
"""

from __future__ import annotations

import re

from jinja2 import Environment
from markupsafe import Markup, escape

from ..core.markers import FORMAT_REFERENCE_HTML_RE, FORMAT_REFERENCE_MARKER
from ..core.schema import REFERENCE_KINDS, reference_rows


_CODE_RE = re.compile(r"`([^`]+)`")
_LINK_RE = re.compile(r"\[([^\]]+)\]\((#[\w-]+)\)")  # links within the page only
_STRONG_RE = re.compile(r"\*\*(.+?)\*\*")
_EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def inline_markdown(text: str) -> Markup:
    """The little Markdown the descriptions use (`code`, *emphasis*, **strong**, [link](#anchor)),
    everything else escaped."""
    parts = _CODE_RE.split(text)  # odd items are code spans
    html = []
    for index, part in enumerate(parts):
        if index % 2:
            html.append(f"<code>{escape(part)}</code>")
            continue
        escaped = str(escape(part))
        escaped = _LINK_RE.sub(r'<a href="\2">\1</a>', escaped)
        escaped = _STRONG_RE.sub(r"<strong>\1</strong>", escaped)
        html.append(_EMPHASIS_RE.sub(r"<em>\1</em>", escaped))
    return Markup("".join(html))


def place_format_references(html: str, env: Environment) -> str:
    """Each marker replaced by its table (rendered with journeys/format_reference.html)."""
    if FORMAT_REFERENCE_MARKER not in html:
        return html
    template = env.get_template("journeys/format_reference.html")

    def table(match: re.Match) -> str:
        kind = match.group(1)
        rows = reference_rows(kind) if kind in REFERENCE_KINDS else None
        return template.render(kind=kind, rows=rows, kinds=REFERENCE_KINDS, markdown=inline_markdown)

    return FORMAT_REFERENCE_HTML_RE.sub(table, html)
