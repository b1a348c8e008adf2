"""The repository's sample wiki (mkdocs.yml at its root, docs in journeys/), built as
`mkdocs build --strict` builds it."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from journey_html import tree_digest
from support.building import REPO, Built, WarningCollector

DOCS = REPO / "journeys"


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
