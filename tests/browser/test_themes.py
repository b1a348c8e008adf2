"""The sample wiki under MkDocs' own `mkdocs` and `readthedocs` themes (no Material CSS, no
Material variables, no `.md-typeset`), measured in Chromium at 1280 and 390 px: the map is
laid out as a map (columns at their width, lane labels shown, icons at text size, no text
over other text), and the index and a persona page show without collisions."""

from __future__ import annotations

import functools
import os
import threading
from http.server import ThreadingHTTPServer
from typing import Iterator

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import INDEX, JOURNEYS, PERSONA, REPO, WIDTHS, _QuietHandler, add_probes, page_opener

THEMES = ["mkdocs", "readthedocs"]


@pytest.fixture(scope="module", params=THEMES)
def theme_url(request, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(theme, URL) of the sample wiki built with the theme and served on 127.0.0.1."""
    root = tmp_path_factory.mktemp(f"wiki-{request.param}")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(REPO / config["docs_dir"])
    # highlight.js comes from a CDN, which the closed test network does not reach.
    config["theme"] = {"name": request.param, "highlightjs": False}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    loaded = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=True)
    loaded.plugins["journeys"].config["today"] = "2026-11-22"
    build(loaded)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield request.param, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def reduce_motion(page) -> None:
    # The mkdocs theme (Bootstrap) scrolls smoothly otherwise, and the probes measure right
    # after they scroll.
    page.emulate_media(reduced_motion="reduce")


@pytest.fixture
def open_themed(reader, theme_url):
    theme, url = theme_url
    with page_opener(reader, url, add_probes, before_load=reduce_motion, material=False) as _open:
        yield theme, _open


MAP_MEASURES = """() => {
  const table = document.querySelector('.journey-map__table');
  const box = (el) => el.getBoundingClientRect();
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const cells = Array.from(table.querySelectorAll('tbody td'));
  const labels = Array.from(table.querySelectorAll('.journey-map__label'));
  // the stage, channel and moment icons: painted by the stylesheet before an element's
  // text (a mask of the image the element names in --journeys-icon), sized as it says
  const icons = Array.from(table.querySelectorAll('[style*="--journeys-icon"]'))
    .map((el) => getComputedStyle(el, '::before'))
    .filter((style) => style.content !== 'none' && style.maskImage.startsWith('url('))
    .map((style) => ({width: parseFloat(style.width), height: parseFloat(style.height)}));
  const scroller = box(document.querySelector('.journey-map__scroll'));
  // the stylesheet's own minimum step width (--journeys-col-min), measured in pixels
  const probe = document.createElement('div');
  probe.style.width = 'var(--journeys-col-min)';
  table.closest('.journeys').append(probe);
  const col_min = box(probe).width;
  probe.remove();
  return {
    rem,
    col_min,
    narrowest_cell: Math.min(...cells.map((td) => box(td).width)),
    cells: cells.length,
    labels: labels.map((th) => ({text: th.innerText.trim(), width: box(th).width, height: box(th).height,
                                 left: box(th).left, scroller_left: scroller.left})),
    largest_icon: Math.max(...icons.map((icon) => Math.max(icon.width, icon.height))),
    icons: icons.length,
    font_size: parseFloat(getComputedStyle(table).fontSize),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_is_laid_out_under_other_themes(open_themed, width: str) -> None:
    theme, open_page = open_themed
    page = open_page(JOURNEYS["camping"], width)
    measures = page.evaluate(MAP_MEASURES)
    where = f"{theme} at {width}"
    # Columns keep at least the stylesheet's minimum step width (6.6rem since the map canvas
    # of issue 11, so that more steps are in view; the map scrolls below it), rather than
    # collapsing to a word under a theme that sizes tables its own way.
    assert measures["cells"] > 50
    assert measures["col_min"] >= 6 * measures["rem"], f"{where}: the stylesheet's minimum is {measures['col_min']}px"
    assert measures["narrowest_cell"] >= measures["col_min"], f"{where}: {measures['narrowest_cell']}px"
    # Every lane has its label, shown at the map's left edge, wide enough for a word.
    assert len(measures["labels"]) >= 8
    for label in measures["labels"]:
        assert label["text"] and label["width"] >= 60 and label["height"] >= 16, f"{where}: {label}"
        assert abs(label["left"] - label["scroller_left"]) <= 2, f"{where}: {label}"
    # Icons at the size of the text beside them, not the theme's default (or the SVG's own) size.
    assert measures["icons"] > 5
    assert measures["largest_icon"] <= 2 * measures["font_size"] + 1, f"{where}: {measures}"
    overlaps = page.evaluate("journeysProbes.textOverlaps('.journey-map__table')")
    assert overlaps == [], f"{where}: text collides:\n" + "\n".join(overlaps)
    hidden = page.evaluate("journeysProbes.hiddenLaneLabels('.journey-map__scroll')")
    assert hidden == [], f"{where}, map scrolled to its right end:\n" + "\n".join(hidden)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [INDEX, PERSONA])
def test_cross_links_and_index_show_under_other_themes(open_themed, path: str, width: str) -> None:
    theme, open_page = open_themed
    page = open_page(path, width)
    selector = ".journeys-index" if path == INDEX else ".journeys-persona"
    box = page.locator(selector).first.bounding_box()
    assert box and box["width"] >= 200 and box["height"] >= 100, f"{theme} {path} at {width}: {box}"
    overlaps = page.evaluate(f"journeysProbes.textOverlaps('{selector}')")
    assert overlaps == [], f"{theme} {path} at {width}: text collides:\n" + "\n".join(overlaps)
