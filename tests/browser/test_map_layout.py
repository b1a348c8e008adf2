"""The map as laid out on a laptop (1280x800) and a phone (390x844): lane labels, caption, and
the names and opportunities of a stage being scrolled through stay in view while the map
scrolls sideways, no text covers other text or runs out of its cell, and nothing makes the
page itself wider than the screen."""

from __future__ import annotations

import pytest

from .conftest import DEPARTMENT, INDEX, JOURNEYS, PERSONA, WIDTHS


def page_overflow(page) -> tuple[int, int]:
    return page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("journey", JOURNEYS)
def test_map_layout(view_page, journey: str, width: str) -> None:
    page = view_page(JOURNEYS[journey], width=width)

    overlaps = page.evaluate("journeysProbes.textOverlaps('.journey-map__table')")
    assert overlaps == [], f"{journey} at {width}: text collides:\n" + "\n".join(overlaps)

    hidden = page.evaluate("journeysProbes.hiddenLaneLabels('.journey-map__scroll')")
    assert hidden == [], f"{journey} at {width}, map scrolled to its right end:\n" + "\n".join(hidden)
    hidden = page.evaluate("journeysProbes.hiddenStageParts('.journey-map__scroll')")
    assert hidden == [], f"{journey} at {width}:\n" + "\n".join(hidden)
    # ...and so does the map's caption, wrapped within the visible width.
    caption, box = page.evaluate(
        """() => [document.querySelector('.journey-map__caption').getBoundingClientRect().toJSON(),
                  document.querySelector('.journey-map__scroll').getBoundingClientRect().toJSON()]""")
    assert box["left"] - 1 <= caption["left"] and caption["right"] <= box["right"] + 1, (
        f"{journey} at {width}: caption at x {caption['left']:.0f}-{caption['right']:.0f}, "
        f"visible map x {box['left']:.0f}-{box['right']:.0f}")

    scroll_width, viewport = page_overflow(page)
    assert scroll_width <= viewport, (
        f"{journey} at {width}: the page is {scroll_width}px wide in a {viewport}px window")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [INDEX, PERSONA, DEPARTMENT])
def test_other_pages_fit_the_screen(view_page, path: str, width: str) -> None:
    page = view_page(path, width=width)
    scroll_width, viewport = page_overflow(page)
    assert scroll_width <= viewport, f"{path} at {width}: the page is {scroll_width}px wide in a {viewport}px window"
    overlaps = page.evaluate("journeysProbes.textOverlaps('article')")
    assert overlaps == [], f"{path} at {width}: text collides:\n" + "\n".join(overlaps)
