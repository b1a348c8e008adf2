"""The journey templates' environment prints every value escaped exactly as Jinja's own
autoescaping does (it only skips MarkupSafe's Markup wrapper around each printed value)."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment, StrictUndefined, UndefinedError
from markupsafe import Markup, escape

from mkdocs_journeys.render.environment import COMPILED_TEMPLATES, escape_printed, make_environment

HOSTILE = "<script>alert('x')</script> & \"quoted\" 体验 «ü»"


class Html:
    def __html__(self) -> str:
        return "<b>own html</b>"

    def __repr__(self) -> str:  # a stable test id: pytest-xdist workers must collect the same names
        return "Html()"


class Text:
    def __str__(self) -> str:
        return "a < b"

    def __repr__(self) -> str:
        return "Text()"


@pytest.mark.parametrize("value", [HOSTILE, "", "plain", 3, -2.5, None, True, Markup("<i>safe</i>"), Html(), Text()],
                         ids=repr)
def test_a_printed_value_is_what_markupsafe_escape_gives(value):
    assert escape_printed(value) == str(escape(value))


def test_an_undefined_value_raises_as_before():
    environment = make_environment()
    with pytest.raises(UndefinedError):
        environment.from_string("{{ missing }}").render()


TEMPLATES = {
    "page.html": (
        "{% import 'macros.html' as m %}"
        "<p title=\"{{ text }}\">{{ text }}</p>{{ number }}{{ safe }}{{ text | e }}{{ text ~ number }}"
        "{% set block %}<em>{{ text }}</em>{% endset %}{{ block }}{{ block | upper }}"
        "{{ m.chip(text) }}{% call m.wrap() %}{{ text }}{% endcall %}"
        "{% filter lower %}<B>{{ text }}</B>{% endfilter %}"
        "{% for item in items %}<li>{{ item }}</li>{% endfor %}{% include 'part.html' %}"
    ),
    "macros.html": ("{% macro chip(name) %}<span>{{ name }}</span>{% endmacro %}"
                    "{% macro wrap() %}<div>{{ caller() }}</div>{% endmacro %}"),
    "part.html": "<footer>{{ text }}</footer>",
}


def test_templates_print_the_same_html_as_jinjas_own_autoescaping():
    context = {"text": HOSTILE, "number": 7, "safe": Markup("<hr>"), "items": [HOSTILE, 1, Markup("<br>")]}
    journeys = make_environment()
    journeys.loader = DictLoader(TEMPLATES)
    plain = Environment(loader=DictLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                        trim_blocks=True, lstrip_blocks=True)
    template = journeys.get_template("page.html")
    assert template.root_render_func.__globals__["escape"] is escape_printed  # the journeys' templates print through it
    html = template.render(context)
    assert html == plain.get_template("page.html").render(context)
    assert "<script>" not in html and html.count("&lt;script&gt;") == 10


def test_templates_are_compiled_once_per_process_and_again_when_their_source_changes(tmp_path):
    """`mkdocs serve` makes a new environment for each rebuild: unchanged templates are not
    compiled again; an override edited between two rebuilds is."""
    override = tmp_path / "journeys" / "greeting.html"
    override.parent.mkdir()
    override.write_text("Hello {{ name }}", encoding="utf-8")
    first = make_environment([str(tmp_path)])
    assert first.get_template("journeys/greeting.html").render(name="<Ana>") == "Hello &lt;Ana&gt;"
    first.get_template("journeys/map.html")
    compiled = dict(COMPILED_TEMPLATES.codes)
    assert any(key.startswith("journeys/greeting.html") for key in compiled)
    assert any(key.startswith("journeys/map.html") for key in compiled)

    second = make_environment([str(tmp_path)])
    assert second.get_template("journeys/greeting.html").render(name="Ana") == "Hello Ana"
    second.get_template("journeys/map.html")
    assert all(COMPILED_TEMPLATES.codes[key] is code for key, code in compiled.items()), "compiled again"

    override.write_text("Goodbye {{ name }}", encoding="utf-8")
    third = make_environment([str(tmp_path)])
    assert third.get_template("journeys/greeting.html").render(name="<Ana>") == "Goodbye &lt;Ana&gt;"
