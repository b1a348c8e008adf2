"""Screenshots for review, saved into screenshots/ (named in the README): a journey map in both
palettes at both widths, the wide journey page as a reader first sees it, the whole map in
overview mode, a department page, the opportunity index; and the README's two pictures
(screenshots/journey-map.png: the whole map; screenshots/department-page.png). A person looks
at them; the tests check they show what they are named after. Each page is pictured in the
light palette it opens in, then in the dark one after Material's palette toggle."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import DEPARTMENT, INDEX, JOURNEYS, WIDTHS, in_both_palettes

MAP_JOURNEY = "b2b"  # four personas' curves, moments, every lane, 14 steps
PIXELS = {"wide": 1280, "phone": 390}


def element_shot(page, selector: str, path: Path) -> dict:
    """A picture of one element as it sits in the page, without Material's sticky header
    drawn over it: a full-page capture clipped to the element."""
    page.evaluate("window.scrollTo(0, 0)")
    box = page.locator(selector).first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, f"{selector} is not shown"
    page.screenshot(path=str(path), full_page=True, clip=box, animations="disabled")
    return box


@pytest.mark.parametrize("width", WIDTHS)
def test_map_screenshot(open_page, screenshots: Path, width: str) -> None:
    page = open_page(JOURNEYS[MAP_JOURNEY], width=width)
    for palette in in_both_palettes(page):
        path = screenshots / f"journey-map-{palette}-{PIXELS[width]}.png"
        box = element_shot(page, ".journey-map", path)
        assert path.stat().st_size > 10_000, palette
        # The picture shows the lane labels and the first step at least.
        assert box["width"] <= PIXELS[width], palette
        if width == "wide":
            assert box["width"] >= 0.85 * PIXELS[width], palette  # the wide canvas, not the text column


def test_wide_page_screenshot(open_page, screenshots: Path) -> None:
    """The window a reader sees once the map is scrolled to the top: the map's band across it."""
    page = open_page(JOURNEYS[MAP_JOURNEY])
    for palette in in_both_palettes(page):
        page.evaluate("""() => { const map = document.querySelector('.journey-map');
            window.scrollTo(0, map.getBoundingClientRect().top + window.scrollY - 60); }""")
        path = screenshots / f"journey-page-{palette}-1280.png"
        page.screenshot(path=str(path), animations="disabled")
        assert path.stat().st_size > 10_000, palette


def test_overview_screenshot(open_page, screenshots: Path) -> None:
    page = open_page(JOURNEYS[MAP_JOURNEY])
    page.click("[data-journey-map-overview]")
    for palette in in_both_palettes(page):
        path = screenshots / f"journey-map-overview-{palette}-1280.png"
        box = element_shot(page, ".journey-map", path)
        assert path.stat().st_size > 10_000, palette
        # every step is in the picture: the map does not scroll sideways
        assert page.evaluate("(s => s.scrollWidth <= s.clientWidth)(document.querySelector('.journey-map__scroll'))")
        assert box["width"] <= 1280, palette
        if palette == "light":
            (screenshots / "journey-map.png").write_bytes(path.read_bytes())  # the README's picture


@pytest.mark.parametrize("width", WIDTHS)
def test_department_screenshot(open_page, screenshots: Path, width: str) -> None:
    page = open_page(DEPARTMENT, width=width)
    for palette in in_both_palettes(page):
        path = screenshots / f"department-{palette}-{PIXELS[width]}.png"
        box = element_shot(page, "article", path)
        assert path.stat().st_size > 10_000, palette
        assert box["width"] <= PIXELS[width], palette
        if palette == "light" and width == "wide":
            (screenshots / "department-page.png").write_bytes(path.read_bytes())  # the README's picture


def test_index_screenshot(open_page, screenshots: Path) -> None:
    page = open_page(INDEX)
    page.wait_for_selector("[data-journeys-filters]:not([hidden])")
    path = screenshots / "opportunity-index-light-1280.png"
    page.screenshot(path=str(path), animations="disabled")
    assert path.stat().st_size > 10_000
