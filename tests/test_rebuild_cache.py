"""mkdocs serve keeps the plugin between rebuilds: what did not change is reused, and
every page that shows what changed is rendered again. Rebuilds run in-process the way
`mkdocs serve` runs them: the config loaded again, the plugin instance kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from mkdocs_journeys.render.renderer import Renderer
from sample_pages import journey_page, supporting_pages
from support.serve_rebuilds import serve_build, write_served_site


def text_of(root: Path, url_path: str) -> str:
    html = (root / "site" / url_path / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article").get_text(" ", strip=True)


@pytest.fixture
def counted(monkeypatch):
    """Count the maps the renderer draws."""
    calls: list[str] = []
    original = Renderer.journey_map

    def journey_map(self, journey, site, linker):
        calls.append(journey.path)
        return original(self, journey, site, linker)

    monkeypatch.setattr(Renderer, "journey_map", journey_map)
    return calls


def test_a_rebuild_renders_again_only_the_map_that_changed_and_every_page_showing_it(tmp_path, counted):
    pages = {
        "journeys/camping.md": journey_page(),
        "journeys/hotel.md": journey_page(title="Hotel stay", opportunities=[
            {"title": "Express check-out", "id": "express", "owner": "operations", "status": "plan"}]),
        **supporting_pages(),
    }
    write_served_site(tmp_path, pages)
    serve_build(tmp_path)
    assert sorted(counted) == ["journeys/camping.md", "journeys/hotel.md"]

    # Edit one journey: its opportunity moves from plan to check.
    counted.clear()
    hotel = tmp_path / "docs" / "journeys" / "hotel.md"
    hotel.write_text(hotel.read_text(encoding="utf-8").replace("status: plan", "status: check"), encoding="utf-8")
    serve_build(tmp_path)
    assert counted == ["journeys/hotel.md"]  # the camping map was reused
    department = BeautifulSoup((tmp_path / "site/departments/operations/index.html").read_text(), "html.parser")
    check_rows = department.select("#journeys-status-check + .journeys-table-wrap tbody tr")
    assert [row.select_one("td").get_text(strip=True) for row in check_rows] == ["Express check-out"]
    index = BeautifulSoup((tmp_path / "site/opportunities/index.html").read_text(), "html.parser")
    assert index.select_one("tr#express")["data-status"] == "check"

    # Rename a persona: every map naming it is drawn again with the new name.
    counted.clear()
    persona = tmp_path / "docs" / "personas" / "urban-camper.md"
    persona.write_text(persona.read_text(encoding="utf-8").replace("name: Li Wei", "name: Wei Li"), encoding="utf-8")
    serve_build(tmp_path)
    assert sorted(counted) == ["journeys/camping.md", "journeys/hotel.md"]
    assert "Wei Li" in text_of(tmp_path, "journeys/camping")
    assert "Li Wei" not in text_of(tmp_path, "journeys/camping")


def test_a_one_off_build_keeps_no_rendered_maps(tmp_path, counted):
    write_served_site(tmp_path, {"journeys/camping.md": journey_page(), **supporting_pages()})
    for _ in range(2):
        config = load_config(str(tmp_path / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    assert counted == ["journeys/camping.md", "journeys/camping.md"]


def test_every_one_off_build_in_a_process_shows_the_whole_map(tmp_path):
    """A single build releases a journey's step texts once its map is rendered; a second
    build in the same process (MkDocs keeps the plugin instance) must read them afresh."""
    write_served_site(tmp_path, {"journeys/camping.md": journey_page(), **supporting_pages()})
    for _ in range(2):
        config = load_config(str(tmp_path / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        text = text_of(tmp_path, "journeys/camping")
        for written in ("Browses posts", "Are these photos real?", "Marketing curates posts", "Drives up the valley"):
            assert written in text, written
