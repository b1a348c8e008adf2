"""Interface labels in the site's language, English as the fallback for every key."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

FALLBACK = "en"


def normalize_language(code: str | None) -> str:
    """Map a theme language code (zh, zh-Hans, zh_CN, ms, en-GB, ...) to a locale file name."""
    if not code:
        return FALLBACK
    code = code.replace("_", "-").lower()
    if code in ("zh-hant", "zh-tw", "zh-hk", "zh-mo"):
        return "zh-Hant"
    language = code.split("-")[0]
    # The code names a file of the locales folder: letters only, never a path.
    return language if language.isascii() and language.isalpha() else FALLBACK


@lru_cache(maxsize=None)
def _locale(name: str) -> dict[str, str]:
    resource = resources.files(__package__).joinpath("locales", f"{name}.yml")
    if not resource.is_file():
        return {}
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items()}


def label_names() -> list[str]:
    """Every label's name (the English set is the complete one)."""
    return list(_locale(FALLBACK))


class Labels:
    """Label lookup: overrides from the config, then the language, then English, then the key."""

    def __init__(self, language: str | None = None, overrides: dict[str, str] | None = None):
        self.language = normalize_language(language)
        self._overrides = overrides or {}
        self._labels = {**_locale(FALLBACK), **_locale(self.language), **self._overrides}

    def in_language(self, language: str | None) -> Labels:
        """The same overrides in another language (a journey written in another language)."""
        return Labels(language, self._overrides)

    def __call__(self, key: str, default: str | None = None) -> str:
        return self._labels.get(key, key if default is None else default)

    @property
    def table(self) -> dict[str, str]:
        """Every label by key, for templates that look many up (a dict lookup is cheaper than a call)."""
        return self._labels

    @staticmethod
    def available() -> list[str]:
        folder = resources.files(__package__).joinpath("locales")
        return sorted(entry.name.removesuffix(".yml") for entry in folder.iterdir() if entry.name.endswith(".yml"))
