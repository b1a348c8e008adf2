"""Typed reading of front-matter values: each getter returns a clean value or reports a Problem.

Every getter takes the containing mapping, the key and the field path, so a problem can
name the file, the line of the key, the field path, the value found and what was expected.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from .frontmatter import LineDict, LineList
from .problems import Problem, Severity, describe_value, key_name
from .slugs import MAX_PAGE_ID_CHARS, is_slug, slugify

_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Plain ASCII slugs, nearly every id, that is_slug accepts without slugifying them letter by
# letter: an ASCII letter or digit at both ends, and no "--" (slugify would merge it).
_ASCII_SLUG_RE = re.compile(r"[a-z0-9]+(?:(?:_|-(?!-))+[a-z0-9]+)*")
# The allowed keys of each kind of mapping as a set, for check_keys.
_key_set = functools.cache(frozenset)


def parse_iso_date(value: Any) -> date | None:
    """The date an ISO YYYY-MM-DD text stands for; None if it is not one or does not exist."""
    if isinstance(value, str) and _ISO_DATE_RE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Reference:
    """A name a page uses that only the whole site can check (a persona, a department, a page)."""

    target_kind: str  # persona / department / page / opportunity (an opportunity id, unique site-wide)
    target: str
    field: str
    line: int | None


class FieldReader:
    """Collects the problems and cross-page references of one page while its fields are read."""

    def __init__(self, path: str, first_line: int = 2):
        self.path = path
        self.first_line = first_line  # 1-based file line of the first YAML line
        self.problems: list[Problem] = []
        self.references: list[Reference] = []

    def refer(self, target_kind: str, target: str, field: str, line: int | None) -> None:
        self.references.append(Reference(target_kind, target, field, line))

    # -- reporting --------------------------------------------------------------------

    def line_of(self, container: Any, key: Any = None) -> int | None:
        if isinstance(container, LineDict):
            line = container.key_lines.get(key)
            return self.first_line + (container.line if line is None else line)
        if isinstance(container, LineList):
            if isinstance(key, int) and 0 <= key < len(container.item_lines):
                return self.first_line + container.item_lines[key]
            return self.first_line + container.line
        return None

    def _item_lines(self, items: list) -> list[int | None]:
        """The line of each item of a list, as line_of gives it, in one pass."""
        if isinstance(items, LineList):
            first = self.first_line
            return [first + line for line in items.item_lines]
        return [None] * len(items)

    def report(
        self,
        field: str,
        value: Any,
        expected: str,
        line: int | None,
        severity: Severity = Severity.ERROR,
        *,
        described: bool = False,
    ) -> None:
        self.problems.append(
            Problem(
                path=self.path,
                line=line,
                field=field,
                value=value if described else describe_value(value),
                expected=expected,
                severity=severity,
            )
        )

    def check_keys(self, mapping: LineDict, allowed: Sequence[str], path: str) -> None:
        """Unknown keys are warnings: a typo such as `emotoin` must not pass silently."""
        if mapping.keys() <= _key_set(allowed):  # nearly always: one set check instead of a scan
            unknown = []
        else:
            unknown = [key for key in mapping if key not in allowed]
        for key in unknown:
            suggestion = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
            self.report(
                f"{path}.{key_name(key)}",
                key if isinstance(key, str) else key_name(key),
                f"a known key{hint}: " + ", ".join(allowed),
                self.line_of(mapping, key),
                Severity.WARNING,
                described=not isinstance(key, str),
            )
        for key, line in getattr(mapping, "duplicate_keys", []):
            self.report(
                f"{path}.{key_name(key)}",
                key,
                "each key once (this one is repeated; the last value wins)",
                self.first_line + line,
            )

    # -- getters ------------------------------------------------------------------------

    def mapping(self, parent: Any, key: Any, path: str, required: bool = False) -> LineDict | None:
        value = parent.get(key) if isinstance(parent, dict) else None
        if value is None:
            if required:
                self.report(path, value, "a mapping of fields", self.line_of(parent, key))
            return None
        if not isinstance(value, dict):
            self.report(path, value, "a mapping of fields", self.line_of(parent, key))
            return None
        return value  # type: ignore[return-value]

    def items(self, parent: dict, key: str, path: str, required: bool = False, what: str = "items") -> list[tuple[Any, str, int | None]]:
        """The items of a list field with their field paths and lines; [] when absent or wrong."""
        value = parent.get(key)
        line = self.line_of(parent, key)
        if value is None:
            if required:
                self.report(path, value, f"a non-empty list of {what}", line)
            return []
        if not isinstance(value, list):
            self.report(path, value, f"a list of {what}", line)
            return []
        if not value:
            self.report(path, value, f"a non-empty list of {what}" + ("" if required else ", or leave the key out"), line,
                        Severity.ERROR if required else Severity.WARNING)
            return []
        return [(item, f"{path}[{index}]", line) for index, (item, line) in enumerate(zip(value, self._item_lines(value)))]

    def text(self, parent: dict, key: str, path: str, required: bool = False) -> str | None:
        value = parent.get(key)
        if isinstance(value, str) and value.strip():  # the common case, with no line to look up
            return value.strip()
        line = self.line_of(parent, key)
        if value is None:
            if required:
                self.report(path, value, "a non-empty text", line)
            return None
        return self._text_value(value, path, line)

    def _text_value(self, value: Any, path: str, line: int | None) -> str | None:
        if not isinstance(value, str):
            hint = f" (quote it: '{describe_value(value)}')" if isinstance(value, (int, float)) and not isinstance(value, bool) else ""
            self.report(path, value, "a text" + hint, line)
            return None
        value = value.strip()
        if not value:
            self.report(path, value, "a non-empty text", line)
            return None
        return value

    def _list_entries(self, parent: dict, key: str, path: str) -> list[tuple[Any, str, int | None]]:
        """The entries of a field that is a list, or a single value standing for a list of one."""
        value = parent.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            if not isinstance(value, str):
                self.report(path, value, "a text or a list of texts", self.line_of(parent, key))
                return []
            return [(value, path, self.line_of(parent, key))]
        if not value:
            self.report(path, value, "a non-empty list, or leave the key out", self.line_of(parent, key), Severity.WARNING)
        return [(item, f"{path}[{index}]", line) for index, (item, line) in enumerate(zip(value, self._item_lines(value)))]

    def texts(self, parent: dict, key: str, path: str) -> list[str]:
        """A list of texts, or a single text standing for a list of one."""
        texts = []
        for item, item_path, line in self._list_entries(parent, key, path):
            text = self._text_value(item, item_path, line)
            if text:
                texts.append(text)
        return texts

    def ids(self, parent: dict, key: str, path: str, kind: str) -> list[str]:
        """A list of persona or department ids, or a single one; each is a reference to check."""
        result: list[str] = []
        for item, item_path, line in self._list_entries(parent, key, path):
            text = self._text_value(item, item_path, line)
            if text and self._check_page_id(text, item_path, line, kind) and text not in result:
                result.append(text)
                self.refer(kind, text, item_path, line)
        return result

    def id(self, parent: dict, key: str, path: str, kind: str) -> str | None:
        """One persona or department id; a reference to check."""
        text = self.text(parent, key, path)
        line = self.line_of(parent, key)
        if text is None or not self._check_page_id(text, path, line, kind):
            return None
        self.refer(kind, text, path, line)
        return text

    def _check_page_id(self, text: str, path: str, line: int | None, kind: str) -> bool:
        if not self._check_slug(text, path, line, f"a {kind} id"):
            return False
        if len(text) > MAX_PAGE_ID_CHARS:
            self.report(path, text, f"a {kind} id of at most {MAX_PAGE_ID_CHARS} characters "
                        f"(it names the {kind}'s page)", line)
            return False
        return True

    def _check_slug(self, text: str, path: str, line: int | None, what: str) -> bool:
        if _ASCII_SLUG_RE.fullmatch(text) or is_slug(text):
            return True
        slug = slugify(text)
        hint = f" such as '{slug}'" if 0 < len(slug) <= MAX_PAGE_ID_CHARS else ""  # a 100 kB name gets no 100 kB hint
        self.report(path, text, f"{what}: a lowercase slug{hint} (letters, digits, '-' and '_'; no '/', '.' or spaces)", line)
        return False

    def own_id(self, parent: dict, name: str | None, path: str, line: int | None) -> str | None:
        """A stage's, step's or opportunity's id: explicit, or the slug of its name."""
        if parent.get("id") is not None:
            text = self.text(parent, "id", f"{path}.id")
            if text is None or not self._check_slug(text, f"{path}.id", self.line_of(parent, "id"), "an id"):
                return None
            return text
        if name is None:
            return None
        slug = slugify(name)
        if not slug:
            self.report(f"{path}.id", name, "an explicit `id`: this name has no letters or digits to make one from", line)
            return None
        return slug

    def choice(self, parent: dict, key: str, path: str, choices: Iterable[str], default: str | None = None) -> str | None:
        value = parent.get(key)
        if value is None:
            return default
        choices = tuple(choices)
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        self.report(path, value, "one of: " + ", ".join(choices), self.line_of(parent, key))
        return default

    def boolean(self, parent: dict, key: str, path: str) -> bool:
        value = parent.get(key)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        self.report(path, value, "true or false", self.line_of(parent, key))
        return False

    def number(
        self,
        parent: dict,
        key: str,
        path: str,
        low: float,
        high: float,
        integer: bool = False,
        what: str = "a number",
    ) -> float | None:
        value = parent.get(key)
        if value is None:
            return None
        return self.number_value(value, path, self.line_of(parent, key), low, high, integer, what)

    def number_value(
        self, value: Any, path: str, line: int | None, low: float, high: float, integer: bool, what: str, hint: str = ""
    ) -> Any:
        expected = f"{what} from {low:g} to {high:g}{hint}"
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report(path, value, expected, line)
            return None
        if integer and not isinstance(value, int):
            self.report(path, value, expected, line)
            return None
        # Compared as written: NaN compares false, and an integer of hundreds of digits must
        # not be turned into a float (it overflows) just to be found out of range.
        if not low <= value <= high:
            self.report(path, value, expected, line)
            return None
        return value

    def iso_date(self, parent: dict, key: str, path: str, required: bool = False) -> date | None:
        value = parent.get(key)
        line = self.line_of(parent, key)
        if value is None:
            if required:
                self.report(path, value, "an ISO date such as 2026-12-15", line)
            return None
        parsed = parse_iso_date(value)
        if parsed is not None:
            return parsed
        if isinstance(value, str) and _ISO_DATE_RE.match(value.strip()):
            self.report(path, value, "a date that exists on the calendar (YYYY-MM-DD)", line)
            return None
        self.report(path, value, "an ISO date such as 2026-12-15", line)
        return None

    def each_mapping(
        self,
        parent: dict,
        key: str,
        path: str,
        read: Callable[[LineDict, str, int | None], Any],
        required: bool = False,
        what: str = "items",
    ) -> list[Any]:
        """Read each item of a list of mappings with `read`, skipping (and reporting) non-mappings."""
        result = []
        for item, item_path, line in self.items(parent, key, path, required, what):
            if not isinstance(item, dict):
                self.report(item_path, item, f"a mapping of fields ({what})", line)
                continue
            read_item = read(item, item_path, line)  # type: ignore[arg-type]
            if read_item is not None:
                result.append(read_item)
        return result
