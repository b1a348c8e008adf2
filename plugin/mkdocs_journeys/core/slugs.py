"""Identifiers: lowercase slugs that keep non-Latin letters (Chinese, Malay diacritics, ...)."""

from __future__ import annotations

import re
import unicodedata

_DASHES_RE = re.compile(r"-{2,}")


def slugify(text: str) -> str:
    """Lowercase; letters and digits of any script are kept, spaces become '-', punctuation goes."""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text.strip().lower()):
        if char.isalnum() or char in "-_":
            out.append(char)
        elif char.isspace():
            out.append("-")
    return _DASHES_RE.sub("-", "".join(out)).strip("-_")


def is_slug(text: str) -> bool:
    return bool(text) and slugify(text) == text
