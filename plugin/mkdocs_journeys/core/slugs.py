"""Identifiers: lowercase slugs that keep non-Latin letters (Chinese, Malay diacritics, ...),
and icon names."""

from __future__ import annotations

import re
import unicodedata

_DASHES_RE = re.compile(r"-{2,}")

# A persona's or department's id names its page and the folder the page is built into;
# 60 characters of up to 4 bytes each stay within the 255 bytes a file name may have.
MAX_PAGE_ID_CHARS = 60


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


# An icon as Material's shortcodes name it: a set and a name (`material/compass-outline`,
# `fontawesome/solid/tent`). The one rule, for the reader, the schema and the icon lookup.
ICON_NAME_PATTERN = r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)+"
_ICON_NAME_RE = re.compile(rf"^{ICON_NAME_PATTERN}$")


def is_icon_name(text: str) -> bool:
    return bool(_ICON_NAME_RE.match(text))
