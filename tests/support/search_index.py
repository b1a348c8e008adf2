"""Reading the search index Material wrote (site/search/search_index.json) as its search
reads it: the documents of a page, and their words cut as lunr cuts them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

# Material's default `search.config.separator` (English); every language's holds these.
SEPARATOR_RE = re.compile(r"[\s\-]+")
# lunr's trimmer: what is not a word character at either end of a token is dropped.
_EDGES_RE = re.compile(r"^\W+|\W+$")
# Material cuts Chinese with jieba into words marked by zero-width spaces, after the plugin
# wrote its text: removed again, the text reads as the plugin wrote it.
_ZERO_WIDTH = "\u200b"


def search_documents(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def page_documents(documents: list[dict], location: str) -> list[dict]:
    """The documents (sections) of the page at `location` (such as `journeys/renewal/`)."""
    found = [d for d in documents if d["location"].split("#")[0] == location]
    assert found, f"no search document for {location}: " + ", ".join(d["location"] for d in documents[:20])
    return found


def plain(html: str) -> str:
    """The text a search document holds (Material keeps some tags and escapes the text)."""
    text = BeautifulSoup(html, "html.parser").get_text(" ").replace(_ZERO_WIDTH, "")
    return " ".join(text.split())


def document_text(document: dict) -> str:
    return plain(document["title"]) + " " + plain(document["text"])


def tokens(text: str) -> list[str]:
    """The words of `text` as lunr indexes them: cut at the separator, trimmed, lower case."""
    return [word for word in (_EDGES_RE.sub("", piece).lower() for piece in SEPARATOR_RE.split(text)) if word]
