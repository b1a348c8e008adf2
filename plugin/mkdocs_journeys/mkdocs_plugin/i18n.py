"""What mkdocs-static-i18n changes about a build, read in one place.

i18n builds the site once per language, each time from that language's files only (and
the default language's where a translation is missing, if `fallback_to_default` says
so), and publishes every language but the default under `<language>/`. A translated file
keeps its name (`campsite-operations.zh.md`, or `zh/departments/...` in the folder layout)
and i18n records it without the language as `norm_src_uri`: that is the page's path for
the journey core, so ids and links are the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def site_path(file: File) -> str:
    """The page's path for the core: its name without i18n's language mark."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


@dataclass(frozen=True)
class BuildLanguage:
    """The language i18n is building now."""

    code: str
    folder: str  # where its pages are published: "" for the default language, else "<code>/"

    def place(self, file: File) -> File:
        """Publish a file the plugin adds in this language's folder, with what i18n reads
        of its own files (the language selector links each page to its alternates)."""
        if self.folder:
            file.dest_uri = self.folder + file.dest_uri
        file.locale = file.locale_alternate_of = self.code  # type: ignore[attr-defined]
        file.localization = None  # type: ignore[attr-defined]
        file.alternates = {self.code: file}  # type: ignore[attr-defined]
        file.norm_src_uri = file.src_uri  # type: ignore[attr-defined]
        return file


def build_language(config: MkDocsConfig) -> BuildLanguage | None:
    """The language of this build when mkdocs-static-i18n is on, else None."""
    plugin = config.plugins.get("i18n")
    code = getattr(plugin, "current_language", None)
    if plugin is None or not code:
        return None
    default = getattr(plugin, "default_language", code)
    return BuildLanguage(code, "" if code == default else f"{code}/")
