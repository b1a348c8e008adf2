"""The kinds of value the plugin's options take, as MkDocs config options.

Each raises MkDocs' ValidationError with a message that names the value found and what is
expected; MkDocs prefixes it with the plugin and option name (`Plugin 'journeys' option
'lanes': ...`). The command line validates with these same classes (config.load_options).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from mkdocs.config.base import ValidationError
from mkdocs.config.config_options import BaseConfigOption

from ..core.clock import iso_date
from ..core.problems import describe_value
from ..core.slugs import is_slug


def _found(value: Any) -> str:
    return f"found {describe_value(value)}"


class Flag(BaseConfigOption[bool]):
    """true or false (a quoted "no" is a text, not false)."""

    def __init__(self, default: bool) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        if not isinstance(value, bool):
            raise ValidationError(f"{_found(value)}; expected true or false, without quotes")
        return value


class WholeNumber(BaseConfigOption[int]):
    """A whole number, 0 or more (YAML's `yes` is a boolean, not 1)."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"{_found(value)}; expected a whole number of days, 0 or more, such as 365")
        return value


class Language(BaseConfigOption[str | None]):
    """A language code such as de or zh-Hant, or nothing (the theme's language is then used).
    A language without labels is a warning: its maps show English labels."""

    def __init__(self, available: Callable[[], Iterable[str]], normalize: Callable[[str], str]) -> None:
        super().__init__()
        self.available = available
        self.normalize = normalize

    def run_validation(self, value: object) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValidationError(f"{_found(value)}; expected a language code such as en, de or zh-Hant")
        available = list(self.available())
        language = self.normalize(value)
        # normalize gives English for a code it cannot use at all (`../x`, `??`)
        if language not in available or (language == "en" and not value.lower().startswith("en")):
            self.warnings.append(f"there are no labels in {value!r}, so maps show English ones; "
                                 f"languages with labels: {', '.join(available)}")
        return value.strip()


class Names(BaseConfigOption[list[str]]):
    """A list of names from a fixed set, each at most once, in the order given."""

    def __init__(self, choices: Iterable[str], default: Iterable[str], what: str) -> None:
        super().__init__()
        self.choices = tuple(choices)
        self.default = list(default)
        self.what = what

    def run_validation(self, value: object) -> list[str]:
        expected = f"a list of {self.what} from: {', '.join(self.choices)}"
        if not isinstance(value, list):
            raise ValidationError(f"{_found(value)}; expected {expected}")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or item not in self.choices:
                raise ValidationError(f"{_found(item)} in the list; expected {expected}")
            if item in seen:
                raise ValidationError(f"{_found(item)} twice in the list; expected each name at most once")
            seen.add(item)
        return value


class LabelOverrides(BaseConfigOption[dict[str, str]]):
    """A mapping of label names to texts; a name that is no label is a warning (it changes nothing)."""

    def __init__(self, known_labels: Callable[[], Iterable[str]]) -> None:
        super().__init__()
        self.default = {}
        self.known_labels = known_labels

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(f"{_found(value)}; expected a mapping of label names to texts, "
                                  "such as {lane.actions: Customer does}")
        known = set(self.known_labels())
        for key, text in value.items():
            if not isinstance(key, str):
                raise ValidationError(f"{_found(key)} as a label name; expected a label name such as lane.actions")
            if not isinstance(text, str):
                raise ValidationError(f"{key}: {_found(text)}; expected a text (quote one that YAML reads as "
                                      "a number or a boolean)")
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                self.warnings.append(f"{key!r} is not a label name, so it changes nothing{hint}")
        return dict(value)


class IsoDate(BaseConfigOption[date | None]):
    """A day as an ISO date, 2026-12-15 (YAML reads it as a date; quoted, it is a text)."""

    def run_validation(self, value: object) -> date | None:
        if value is None or value == "":
            return None
        try:
            return iso_date(value)  # type: ignore[arg-type]
        except ValueError:
            raise ValidationError(f"{_found(value)}; expected an ISO date such as 2026-12-15") from None


class SiteFolder(BaseConfigOption[str]):
    """A folder inside the site, given relative to it (`opportunities`, `wiki/index`)."""

    def __init__(self, default: str) -> None:
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> str:
        folder = value.strip().strip("/") if isinstance(value, str) else ""
        parts = folder.split("/")
        if (not folder or any(part in ("", ".", "..") for part in parts) or "\\" in folder
                or any(not char.isprintable() for char in folder)):
            raise ValidationError(f"{_found(value)}; expected a folder inside the site, such as opportunities "
                                  "(no `..`, no empty or control characters)")
        return folder


class LaneIds(BaseConfigOption["list[str] | None"]):
    """The lanes a map shows, in order: built-in lane names and custom lane ids (slugs), each
    at most once. Whether a custom id is declared is known only once the pages are read (a
    journey may declare its own lanes): the plugin checks that after reading."""

    def __init__(self, built_in: Iterable[str]) -> None:
        super().__init__()
        self.built_in = tuple(built_in)
        self.default = None

    def run_validation(self, value: object) -> list[str] | None:
        if value is None:
            return None
        expected = f"a list of lane names ({', '.join(self.built_in)}) or custom lane ids"
        if not isinstance(value, list):
            raise ValidationError(f"{_found(value)}; expected {expected}")
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str) or not (item in self.built_in or is_slug(item)):
                raise ValidationError(f"{_found(item)} in the list; expected {expected}")
            if item in seen:
                raise ValidationError(f"{_found(item)} twice in the list; expected each lane at most once")
            seen.add(item)
        return value


class CustomLanes(BaseConfigOption["list[tuple[str, str]]"]):
    """Format 2: site-wide custom lanes, `[{id: systems, label: Systems}]`, as (id, label)."""

    def __init__(self, built_in: Iterable[str]) -> None:
        super().__init__()
        self.built_in = tuple(built_in)
        self.default = []

    def run_validation(self, value: object) -> list[tuple[str, str]]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError(f"{_found(value)}; expected a list such as [{{id: systems, label: Systems}}]")
        result: list[tuple[str, str]] = []
        for index, lane in enumerate(value):
            if not isinstance(lane, dict):
                raise ValidationError(f"item {index}: {_found(lane)}; expected a mapping with an id and a label")
            if set(lane) - {"id", "label"}:
                raise ValidationError(f"item {index}: found the keys {sorted(map(str, lane))}; expected only id and label")
            lane_id, label = lane.get("id"), lane.get("label")
            if not isinstance(lane_id, str) or not is_slug(lane_id) or lane_id in self.built_in:
                raise ValidationError(f"item {index}: id {_found(lane_id)}; expected a lowercase slug that is not "
                                      f"a built-in lane's name ({', '.join(self.built_in)})")
            if any(lane_id == known for known, _ in result):
                raise ValidationError(f"item {index}: id {_found(lane_id)}; expected an id not declared twice")
            if not isinstance(label, str) or not label.strip():
                raise ValidationError(f"item {index}: label {_found(label)}; expected the lane's label, a text")
            result.append((lane_id, label.strip()))
        return result
