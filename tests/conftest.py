"""Test fixtures. The helpers live in support/ (fixture modules that test modules import);
their names stay importable from here too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from support.building import REPO, Built, WarningCollector, build_site, page
from support.built_once import built_once
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
    """The repository's sample wiki, built once for the run with --strict, for every module
    that reads it (and every xdist worker: support/built_once.py)."""
    return built_once(tmp_path_factory, "sample-wiki", lambda folder: build_sample_wiki(folder / "site"))


# The browser modules that read the sample wiki: run on one worker, they build and serve it
# once (tests/browser/conftest.py: wiki_url), start one Chromium, and load each page they only
# read once for all of them (view_page: SharedPages; search_page); spread over the two
# workers, both did all of that and most of their pages were loaded twice. test_themes builds
# its own sites: it stays a unit of its own, for the other worker. Longest first.
SHARED_PAGES_MODULES = (
    "tests/browser/test_map_canvas.py",
    "tests/browser/test_index_filters.py",
    "tests/browser/test_overview.py",
    "tests/browser/test_accessibility.py",
    "tests/browser/test_screenshots.py",
    "tests/browser/test_map_layout.py",
    "tests/browser/test_print.py",
    "tests/browser/test_format2_layout.py",
    "tests/browser/test_contrast.py",
    "tests/browser/test_probes.py",
    "tests/browser/test_search_box.py",
)

# The modules that take longest, longest first (measured with --durations=0, per module).
# scripts/test hands whole modules to the two workers in collection order
# (--dist loadfile --no-loadscope-reorder): started first, the long ones finish together
# instead of one worker running a long module alone at the end. The others follow in
# their usual order. The browser modules of SHARED_PAGES_MODULES are one unit, handed out
# where the first of them stands (first: about 140 s of the run's 345), and run in the order
# listed there (longest first).
LONGEST_FIRST = [
    SHARED_PAGES_MODULES[0],
    "tests/test_index_scale.py",  # builds the shared large wiki early, before the browser modules need it
    *SHARED_PAGES_MODULES[1:],
    "tests/browser/test_themes.py",
    "tests/test_hostile_sizes.py",
    "tests/test_fuzz.py",
    "tests/test_cli.py",
    "tests/test_format2.py",
    "tests/test_zensical.py",
    "tests/test_search_at_scale.py",
    "tests/test_error_contract.py",
    "tests/test_no_stray_writes.py",
    "tests/test_benchmark_script.py",
    "tests/test_serve.py",
    "tests/test_crosslinks.py",
    "tests/test_navigation.py",
    "tests/test_import.py",
]


class _SharedPagesTogether:
    """Under --dist loadfile (scripts/test), the modules of SHARED_PAGES_MODULES are one unit
    of work, handed to one worker where the first of them stands in the collection order;
    every other module is a unit of its own, as loadfile has it."""

    @pytest.hookimpl(tryfirst=True)
    def pytest_xdist_make_scheduler(self, config: pytest.Config, log):
        if config.getvalue("dist") != "loadfile":
            return None
        from xdist.scheduler import LoadFileScheduling

        class Scheduling(LoadFileScheduling):
            def _split_scope(self, nodeid: str) -> str:
                module = super()._split_scope(nodeid)
                return SHARED_PAGES_MODULES[0] if module in SHARED_PAGES_MODULES else module

        return Scheduling(config, log)


def pytest_configure(config: pytest.Config) -> None:
    if config.pluginmanager.hasplugin("xdist"):  # its hook, known only with pytest-xdist
        config.pluginmanager.register(_SharedPagesTogether(), "shared-pages-together")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {module: number for number, module in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest keep their order
