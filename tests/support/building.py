"""Build real MkDocs sites in temporary folders, as `mkdocs build` does, and read the HTML
they produce."""

from __future__ import annotations

import logging
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_journeys.cli.project import page_url  # MkDocs' URL rule, asked of MkDocs

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

REPO = Path(__file__).resolve().parents[2]
THEME_TEMPLATE_CACHE = Path(__file__).with_name("theme_template_cache.py")


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
        """Where MkDocs writes the page of a Markdown source path (its URL, asked of MkDocs)."""
        url = unquote(page_url(src_path, self.use_directory_urls))
        return self.site_dir / (url + "index.html" if url.endswith("/") else url)

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


# libyaml's emitter: the same text as PyYAML's own (checked on every page the suite writes),
# several times faster; the pages of the bad-input tables are written at collection.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def page(front_matter: dict[str, Any] | str, body: str = "Some narrative.\n") -> str:
    """A Markdown page with the given front matter (a dict, dumped as YAML, or YAML text)."""
    if isinstance(front_matter, dict):
        text = yaml.dump(front_matter, Dumper=DUMPER, allow_unicode=True, sort_keys=False)
    else:
        text = textwrap.dedent(front_matter).strip("\n") + "\n"
    return f"---\n{text}---\n\n{body}"


def write_site(
    root: Path,
    pages: dict[str, str | bytes],
    *,
    strict: bool = False,
    plugin_config: dict[str, Any] | None = None,
    config: dict[str, Any] | None = None,
    files: dict[str, str] | None = None,
) -> Built:
    """Write pages into root/docs (bytes as they are: a file that is not UTF-8) and a
    mkdocs.yml beside them, without building.

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
        if isinstance(text, bytes):
            target.write_bytes(text)
        else:
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
    # The theme's templates compiled once per test process (support/theme_template_cache.py),
    # through MkDocs' own hooks, after the site's own.
    settings["hooks"] = [*settings.get("hooks", []), str(THEME_TEMPLATE_CACHE)]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return Built(root=root, site_dir=root / "site", docs_dir=docs,
                 use_directory_urls=settings.get("use_directory_urls", True))


def build_written(built: Built) -> Built:
    """Build a written site in this process, as `mkdocs build` does, keeping its warnings."""
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        loaded = load_config(str(built.root / "mkdocs.yml"))
        loaded.plugins.on_startup(command="build", dirty=False)
        try:
            build(loaded)
        finally:
            loaded.plugins.on_shutdown()
    except Abort:
        built.aborted = True
    finally:
        logger.removeHandler(collector)
    built.warnings = collector.messages
    return built


def build_site(root: Path, pages: dict[str, str | bytes], **settings: Any) -> Built:
    """Write pages into root/docs, a mkdocs.yml beside them, and build with MkDocs itself
    (the keywords of write_site: strict, plugin_config, config, files)."""
    return build_written(write_site(root, pages, **settings))
