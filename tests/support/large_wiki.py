"""A large generated wiki (benchmarks/generate.py) where one department owns most of the
opportunities, one persona walks every journey and one journey's opportunities have no owner: the index, a department and a persona page
at a size where listing everything in the HTML would make them heavy."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .building import REPO, Built, build_written
from .built_once import built_once

BIG_DEPARTMENT = "department-0"
WIDE_PERSONA = "persona-0"  # walks every journey
PALETTES = """  name: material
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
"""
UNOWNED_JOURNEY = "journeys/journey-00000.md"  # its opportunities have no owner


def write_large_wiki(root: Path, n: int) -> Built:
    """Write the benchmark's wiki of n journeys, where department-0 owns nine in ten of the
    opportunities (the rest keep their random owner) and the first journey's have none, and
    persona-0 walks every journey."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))

    def shape(number: int, journey: dict) -> None:
        if WIDE_PERSONA not in journey["personas"]:
            journey["personas"].append(WIDE_PERSONA)
        for opportunity in journey["opportunities"]:
            if number == 0:
                opportunity.pop("owner", None)
            elif number % 10:
                opportunity["owner"] = BIG_DEPARTMENT

    generate(root, n, adjust=shape)
    # both of Material's palettes, chosen by the reader's system setting (the browser tests' dark runs)
    config = (root / "plugin.yml").read_text(encoding="utf-8").replace("  name: material\n", PALETTES, 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return Built(root=root, site_dir=root / "site", docs_dir=root / "docs")


# -- one build for the whole run ---------------------------------------------------------------

LARGE_JOURNEYS = 120  # 480 opportunities: many more than the index's page of 50 rows


def build_large_wiki(root: Path) -> Built:
    return build_written(write_large_wiki(root, LARGE_JOURNEYS))


@pytest.fixture(scope="session")
def large_generated_wiki(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The large generated wiki, built once for the run (tests/conftest.py offers it to every module)."""
    built = built_once(tmp_path_factory, "large-wiki", build_large_wiki)
    assert not built.aborted, built.warnings
    return built
