"""Builds as `mkdocs serve` runs them, in this process: the site written (and written again
with changed pages), the config loaded again for each rebuild while the plugin instance
stays, as serve keeps it between rebuilds."""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config


def write_served_site(root: Path, pages: dict[str, str]) -> None:
    """Write (or overwrite) these pages in root/docs, and the site's mkdocs.yml."""
    for path, text in pages.items():
        target = root / "docs" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": "Rebuilds", "docs_dir": "docs", "site_dir": "site", "theme": {"name": "material"},
        "plugins": ["search", {"journeys": {"today": "2026-11-22"}}],
    }))


def serve_build(root: Path) -> None:
    """One build of root as serve runs it."""
    config = load_config(str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
