"""Test fixtures. The helpers live in support/ (fixture modules that test modules import);
their names stay importable from here too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.building import REPO, Built, WarningCollector, build_site, page
from support.large_wiki import large_generated_wiki  # noqa: F401 - a session fixture for every module
from support.sample_wiki import build_sample_wiki

__all__ = ["REPO", "Built", "WarningCollector", "build_site", "page"]


@pytest.fixture
def site(tmp_path: Path):
    """Build a site from {path: text}: site({...}, strict=True, plugin_config={...})."""

    def _build(pages: dict[str, str], **kwargs: Any) -> Built:
        return build_site(tmp_path, pages, **kwargs)

    return _build


@pytest.fixture(scope="session")
def sample_wiki(tmp_path_factory) -> Built:
    """The repository's sample wiki, built once with --strict for every module that reads it."""
    return build_sample_wiki(tmp_path_factory.mktemp("sample-site"))
