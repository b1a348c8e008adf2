"""The repository's sample wiki (mkdocs.yml at its root, docs in journeys/), built as
`mkdocs build --strict` builds it."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from journey_html import tree_digest
from support.building import REPO, Built, WarningCollector

DOCS = REPO / "journeys"


def front_matter(path: Path) -> dict:
    """A sample page's front matter, as YAML reads it."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"^---\n(.*?\n)---\n", text, re.S)
    assert match, path
    return yaml.safe_load(match.group(1))


def journey_sources() -> list[str]:
    """Every page of the sample wiki whose front matter is a journey."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n") and "journey" in front_matter(path):
            found.append(path.relative_to(DOCS).as_posix())
    return found


JOURNEYS = journey_sources()


def build_sample_wiki(site_dir: Path) -> Built:
    """Build it strict into site_dir: no warning, nothing written into the docs folder."""
    before = tree_digest(DOCS)
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)  # raises Abort on any warning, since strict
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(collector)
    assert collector.messages == []
    assert tree_digest(DOCS) == before, "the build wrote into the docs folder"
    return Built(root=REPO, site_dir=site_dir, docs_dir=DOCS, warnings=collector.messages,
                 use_directory_urls=config.use_directory_urls)
