"""ProperDocs (the maintained MkDocs 1.x fork) builds the sample wiki with the plugin, found
through its own `properdocs.plugins` entry point, as `properdocs build --strict` does from a
properdocs.yml: every journey has its map, persona and department pages their cross-links,
the index its rows and the exports their records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from importlib.metadata import entry_points

import pytest
import yaml

from conftest import REPO
from journey_html import icon_svg, map_table
from support.sample_wiki import JOURNEYS

pytest.importorskip("properdocs")

BUILD_DATE = datetime(2026, 11, 22, tzinfo=timezone.utc)


def test_the_plugin_is_declared_to_properdocs():
    found = [entry for entry in entry_points(group="properdocs.plugins") if entry.name == "journeys"]
    assert len(found) == 1
    assert found[0].load().__name__ == "JourneysPlugin"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The repository's mkdocs.yml as a properdocs.yml (the name ProperDocs looks for first)."""
    root = tmp_path_factory.mktemp("properdocs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / config["docs_dir"])
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    config["site_dir"] = str(root / "site")
    (root / "properdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(int(BUILD_DATE.timestamp()))}
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict"], cwd=root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


def html(site, url: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_properdocs_draws_every_journey_map(built):
    for src in JOURNEYS:
        page = html(built, src[: -len(".md")])
        article = page.select_one("article")
        assert article.select_one(".journeys-problems") is None, src
        assert map_table(article) is not None, f"{src}: no map"
        icons = [icon_svg(e) for e in article.select(".journey-map__stage-name, .journeys-touchpoint")]
        assert any(icon and "<path" in icon for icon in icons), f"{src}: no stage or channel icon"


def test_properdocs_fills_persona_department_and_index_pages(built):
    persona = html(built, "personas/urban-camper").select_one(".journeys-persona")
    assert persona is not None and persona.select_one("a[href$='journeys/camping-trip/']") is not None
    department = html(built, "departments/campsite-operations").select_one(".journeys-department")
    assert department is not None and department.select("a")
    records = json.loads((built / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    index = html(built, "opportunities").select_one(".journeys-index")
    assert records and index is not None
    for record in records:
        assert index.find(id=record["id"]) is not None, f"{record['id']} is exported but not in the index"
