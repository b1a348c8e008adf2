"""Screenshots for review, saved into screenshots/ (named in the README): a journey map in both
palettes at both widths, the opportunity index, and the README's own picture
(screenshots/journey-map.png). A person looks at them; the test checks they show the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import INDEX, JOURNEYS, PALETTES, WIDTHS

MAP_JOURNEY = "b2b"  # four personas' curves, moments, every lane
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
@pytest.mark.parametrize("palette", PALETTES)
def test_map_screenshot(open_page, screenshots: Path, palette: str, width: str) -> None:
    page = open_page(JOURNEYS[MAP_JOURNEY], width=width, palette=palette)
    path = screenshots / f"journey-map-{palette}-{PIXELS[width]}.png"
    box = element_shot(page, ".journey-map", path)
    assert path.stat().st_size > 10_000
    # The picture shows the lane labels and the first step at least.
    assert box["width"] <= PIXELS[width]
    if palette == "light" and width == "wide":
        readme = screenshots / "journey-map.png"
        readme.write_bytes(path.read_bytes())


def test_index_screenshot(open_page, screenshots: Path) -> None:
    page = open_page(INDEX)
    page.wait_for_selector("[data-journeys-filters]:not([hidden])")
    path = screenshots / "opportunity-index-light-1280.png"
    page.screenshot(path=str(path), animations="disabled")
    assert path.stat().st_size > 10_000
