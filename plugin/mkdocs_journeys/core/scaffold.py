"""New pages to start from: a journey, persona or department page with every field explained.

The pages are files in page_templates/ (valid as written: they name no persona or
department that might not exist; those fields are there as comments).
"""

from __future__ import annotations

import json
import unicodedata
from importlib import resources
from string import Template

import yaml

from .frontmatter import PAGE_KINDS
from .slugs import MAX_PAGE_ID_CHARS, slugify

# Where `new` puts each kind of page, under the docs folder (a persona's id is its file name).
DEFAULT_FOLDERS = {"journey": "journeys", "persona": "personas", "department": "departments"}


def yaml_text(text: str) -> str:
    """The text as a YAML scalar: plain where YAML reads it back unchanged, else quoted."""
    try:
        plain = "\n" not in text and yaml.safe_load(text) == text
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def new_page(kind: str, name: str) -> tuple[str, str]:
    """The file name (`<slug>.md`) and text of a new page called `name`; ValueError if the
    name has no letters or digits to make a file name from."""
    if kind not in PAGE_KINDS:
        raise ValueError(f"a page kind is one of: {', '.join(PAGE_KINDS)}")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes of another encoding, passed on by the shell as surrogates
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise ValueError(f"the name {shown!r} is not UTF-8 text; write it in UTF-8") from None
    name = " ".join(name.split())
    if any(unicodedata.category(char) == "Cc" for char in name):
        raise ValueError(f"the name {name!r} holds control characters; a name is text you can print")
    # The id (the file name) is cut to the length ids may have; the title keeps the whole name.
    slug = slugify(name)[:MAX_PAGE_ID_CHARS].rstrip("-_")
    if not slug:
        raise ValueError(f"{name!r} has no letters or digits to make a file name from")
    template = resources.files(__package__).joinpath("page_templates", f"{kind}.md").read_text(encoding="utf-8")
    text = Template(template).substitute(name=yaml_text(name), slug=slug)
    return f"{slug}.md", text
