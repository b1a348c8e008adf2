"""Printing a journey: the map fits the page width (landscape, every step in a column), no
text is smaller than about 6pt or runs into its neighbour, and every step and lane is in the
PDF (nothing cut off). The PDF's pages are also rendered to PNG for a person to look at."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import JOURNEYS

SIX_POINTS_PX = 8.0


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("journey", JOURNEYS)
def test_map_prints_whole_and_legible(printed_page, pdftoppm: str, screenshots: Path, tmp_path: Path,
                                      journey: str) -> None:
    # in a window of the printed page's size (A4 landscape less the margins), print media,
    # the probes added: the page test_map_canvas reads printed too (conftest: printed_page)
    page = printed_page(JOURNEYS[journey])

    fit = page.evaluate(
        """() => {
            const scroller = document.querySelector('.journey-map__scroll');
            const table = document.querySelector('.journey-map__table');
            return {scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth,
                    tableRight: table.getBoundingClientRect().right,
                    contentRight: document.querySelector('article').getBoundingClientRect().right,
                    pageWidth: document.documentElement.clientWidth};
        }"""
    )
    assert fit["scrollWidth"] <= fit["clientWidth"] + 1, f"{journey}: the printed map overflows: {fit}"
    assert fit["tableRight"] <= min(fit["contentRight"], fit["pageWidth"]) + 1, f"{journey}: {fit}"

    smallest = page.evaluate("journeysProbes.smallestFont('.journey-map__table')")
    assert smallest["size"] >= SIX_POINTS_PX, f"{journey}: printed text at {smallest['size']}px: {smallest['text']!r}"

    overlaps = page.evaluate("journeysProbes.textOverlaps('.journey-map__table')")
    assert overlaps == [], f"{journey}, printed: text collides:\n" + "\n".join(overlaps)

    names = page.evaluate(
        """() => [...document.querySelectorAll('.journey-map__steps > th:not(.journey-map__corner), th.journey-map__label')]
            .map(e => (e.firstChild ? e.firstChild.textContent : e.textContent).trim())"""
    )
    pdf = tmp_path / f"{journey}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True,
             margin={"top": "10mm", "bottom": "10mm", "left": "10mm", "right": "10mm"})

    # -raw: the text in the order it is drawn, cell by cell (the default interleaves the
    # lines of neighbouring cells)
    text = squeeze(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                                  text=True).stdout)
    missing = [name for name in names if squeeze(name) not in text]
    assert names and missing == [], f"{journey}: not in the printed PDF: {missing}"

    out = screenshots / "print"
    out.mkdir(exist_ok=True)
    for old in out.glob(f"{journey}-*.png"):
        old.unlink()
    subprocess.run([pdftoppm, "-r", "60", "-png", str(pdf), str(out / journey)], check=True)
    pages = sorted(out.glob(f"{journey}-*.png"))
    assert pages, f"{journey}: pdftoppm rendered no page"
