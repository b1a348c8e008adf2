"""Test helpers: build real MkDocs sites in temporary folders and read the HTML they produce."""

from __future__ import annotations

import logging
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs import theme as mkdocs_theme
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates shared by the many builds of a test run.

    Jinja keys each entry by template file and checks the source's checksum, so a changed
    or overriding template (a custom_dir) is compiled afresh; the builds are otherwise
    MkDocs' own, just without compiling Material's templates again for every small site.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE_CACHE = _MemoryBytecodeCache()
_theme_get_env = mkdocs_theme.Theme.get_env


def _get_env_with_cache(self: mkdocs_theme.Theme) -> jinja2.Environment:
    env = _theme_get_env(self)
    env.bytecode_cache = _BYTECODE_CACHE
    return env


mkdocs_theme.Theme.get_env = _get_env_with_cache  # type: ignore[method-assign]

REPO = Path(__file__).resolve().parent.parent


class WarningCollector(logging.Handler):
    """Keeps the warnings MkDocs logs during a build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class Built:
    root: Path
    site_dir: Path
    docs_dir: Path
    warnings: list[str] = field(default_factory=list)
    aborted: bool = False
    use_directory_urls: bool = True

    def output_path(self, src_path: str) -> Path:
        """Where MkDocs writes the page of a Markdown source path."""
        stem = src_path[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return self.site_dir / (stem + ".html")
        if self.use_directory_urls:
            return self.site_dir / stem / "index.html"
        return self.site_dir / (stem + ".html")

    def html(self, src_path: str) -> str:
        return self.output_path(src_path).read_text(encoding="utf-8")

    def soup(self, src_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(src_path), "html.parser")

    def content(self, src_path: str) -> BeautifulSoup:
        """The page's article (Material's content area), without navigation and header."""
        article = self.soup(src_path).select_one("article.md-content__inner")
        assert article is not None, f"no article in {src_path}"
        return article

    def warnings_about(self, text: str) -> list[str]:
        return [message for message in self.warnings if text in message]


def page(front_matter: dict[str, Any] | str, body: str = "Some narrative.\n") -> str:
    """A Markdown page with the given front matter (a dict, dumped as YAML, or YAML text)."""
    if isinstance(front_matter, dict):
        text = yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False)
    else:
        text = textwrap.dedent(front_matter).strip("\n") + "\n"
    return f"---\n{text}---\n\n{body}"


def build_site(
    root: Path,
    pages: dict[str, str],
    *,
    strict: bool = False,
    plugin_config: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    files: dict[str, str] | None = None,
) -> Built:
    """Write pages into root/docs, a mkdocs.yml beside them, and build with MkDocs itself.

    `files` are extra files outside the docs folder, relative to root (e.g. theme
    overrides in `overrides/journeys/lanes/thoughts.html`).
    """
    docs = root / "docs"
    for path, text in (files or {}).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for path, text in pages.items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    docs.mkdir(parents=True, exist_ok=True)
    settings: dict[str, Any] = {
        "site_name": "Test wiki",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material"},
        "plugins": ["search", {"journeys": plugin_config or {"today": "2026-11-22"}}],
        "strict": strict,
    }
    settings.update(config or {})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    built = Built(root=root, site_dir=root / "site", docs_dir=docs,
                  use_directory_urls=settings.get("use_directory_urls", True))
    try:
        loaded = load_config(str(root / "mkdocs.yml"))
        loaded.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
        build(loaded)
    except Abort:
        built.aborted = True
    finally:
        logger.removeHandler(collector)
    built.warnings = collector.messages
    return built


@pytest.fixture
def site(tmp_path: Path):
    """Build a site from {path: text}: site({...}, strict=True, plugin_config={...})."""

    def _build(pages: dict[str, str], **kwargs: Any) -> Built:
        return build_site(tmp_path, pages, **kwargs)

    return _build
