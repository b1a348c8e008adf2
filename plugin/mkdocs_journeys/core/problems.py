"""Problems found in journey wiki pages: one per broken rule, each naming where and what."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class Severity(str, Enum):
    # An error means the page breaks the format: its map is replaced by an error panel.
    ERROR = "error"
    # A warning means the page still renders (an unknown key, a missing persona page, ...).
    WARNING = "warning"


_MAX_VALUE_CHARS = 80
_MAX_KEY_CHARS = 40


def describe_value(value: Any) -> str:
    """A short, single-line rendering of a value found in a page."""
    if isinstance(value, str):
        text = repr(value)
    elif value is None:
        text = "nothing"
    elif isinstance(value, bool):
        text = "true" if value else "false"  # as YAML writes it, not Python's True
    elif isinstance(value, dict):
        text = "a mapping" if value else "an empty mapping"
    elif isinstance(value, list):
        text = "a list" if value else "an empty list"
    else:
        text = repr(value)
    if len(text) > _MAX_VALUE_CHARS:
        text = text[: _MAX_VALUE_CHARS - 1] + "…"
    return text


def key_name(key: Any) -> str:
    """A mapping key as written in YAML, for field paths: `null:`, `true:` and `1:` are keys
    that YAML reads as nothing, a boolean and a number; a long key is shortened."""
    if key is None:
        text = "null"
    elif isinstance(key, bool):
        text = "true" if key else "false"
    else:
        text = str(key)
    return text if len(text) <= _MAX_KEY_CHARS else text[: _MAX_KEY_CHARS - 1] + "…"


@dataclass(frozen=True)
class Problem:
    path: str  # the page's path relative to the docs folder, with forward slashes
    line: int | None  # 1-based line in the page file, where known
    field: str  # the field path, e.g. journey.stages[2].steps[0].emotion
    value: str  # the value found, already described for humans
    expected: str  # what the format expects there
    severity: Severity = Severity.ERROR

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    @property
    def message(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.location}: {where}found {self.value}; expected {self.expected}"

    def __str__(self) -> str:
        return self.message


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)
