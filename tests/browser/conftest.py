"""Browser tests: the sample wiki, built once, served on a loopback port and read in Debian's
headless Chromium through Playwright, as a reader meets it."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# A closed network: nothing but the loopback server is reached, nothing is fetched.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-default-apps",
    "--disable-quic",
]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
PROBES = Path(__file__).resolve().parent / "probes.js"
# The folder the README names; the review screenshots land here.
SCREENSHOTS = REPO / "screenshots"

JOURNEYS = {
    "camping": "journeys/camping-trip/",
    "b2b": "journeys/b2b-key-account/",
    "malay": "journeys/pembelian-dalam-talian/",
}
INDEX = "opportunities/"
PERSONA = "personas/urban-camper/"
DEPARTMENT = "departments/campsite-operations/"

WIDTHS = {"wide": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# The window of a printed page: A4 landscape less 10 mm margins (the map's @page), 277 mm x
# 190 mm in CSS pixels.
PRINTED = {"width": round(277 / 25.4 * 96), "height": round(190 / 25.4 * 96)}
# Material picks the palette whose media query matches when the reader has chosen none.
PALETTES = {"light": ("light", "default"), "dark": ("dark", "slate")}


def _missing(what: str) -> None:
    """Skip when a browser prerequisite cannot be had here; in CI, where scripts/test
    installs it, its absence is a failure instead of a silent skip."""
    if os.environ.get("CI"):
        pytest.fail(f"{what}; scripts/test should have installed it", pytrace=False)
    pytest.skip(f"{what} (scripts/test installs it with apt/npm as root)")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@pytest.fixture(scope="session")
def wiki_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample wiki (the repository's mkdocs.yml), built once and served on 127.0.0.1.

    Built with `site_url` set to where it is served, as a published wiki has it: Material's
    instant navigation only takes over links listed in the sitemap, which is empty without.
    """
    site_dir = tmp_path_factory.mktemp("browser-wiki") / "site"
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), site_url=url)
    # A fixed build date, so overdue marks (and the screenshots) do not change with the day.
    config.plugins["journeys"].config["today"] = "2026-11-22"
    build(config)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright for Python is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def reader(browser):
    """The worker's reader: a browser context for each palette (the system setting), in
    which every page of the served wikis opens (except those a test needs in a browser set
    up otherwise: no JavaScript, reduced motion, a print window). Its tabs share the HTTP
    cache and the compiled scripts, as a reader's do: a page load takes about half the CPU it
    takes in a context of its own. Material remembers the palette a page opened in and
    applies it to the next pages; hence one context per palette, and what a test's pages
    stored (a palette chosen with the toggle) cleared when the test ends.

    Each context keeps a blank tab open for the whole run: a tab opened in a context whose
    other tabs have all closed costs Chromium about 0.5 CPU-s and 0.7 s, with one tab left
    open about 0.3 CPU-s and 0.45 s (20 page loads of the sample wiki, measured); most tests
    close the only tab they opened."""
    contexts = {palette: browser.new_context(color_scheme=color_scheme, device_scale_factor=1)
                for palette, (color_scheme, _) in PALETTES.items()}
    for context in contexts.values():
        context.new_page()  # about:blank, never navigated, never in front of a test's tab
    yield contexts
    for context in contexts.values():
        context.close()


def open_reader_page(reader, base_url: str, path: str, width: str, palette: str, errors: list[str],
                     before_load=None, material: bool = True):
    """A new tab of the reader at base_url + path, in a window of `width` (a name in WIDTHS,
    or a size) and the palette asked for, loaded; `before_load(page)` runs before it loads,
    and its script errors are added to `errors`. On a Material site (`material`), the page
    must show the palette asked for."""
    page = reader[palette].new_page()
    page.set_viewport_size(WIDTHS[width] if isinstance(width, str) else width)
    page.on("pageerror", lambda error: errors.append(f"{path}: {error}"))
    page.set_default_timeout(15_000)
    if before_load is not None:
        before_load(page)
    page.goto(base_url + path, wait_until="load")
    if material:
        assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette][1], (
            f"Material did not switch to the {palette} palette on {path}")
    return page


def close_reader_page(page) -> None:
    """Close a tab, clearing what its site stored first, so that the next test's tabs open
    as a new reader's would (Material keeps a palette chosen with its toggle)."""
    if page.is_closed():
        return
    try:
        page.evaluate("localStorage.clear()")
    except Exception:  # noqa: BLE001 - a page that crashed or left the site stored nothing to clear
        pass
    page.close()


@contextmanager
def page_opener(reader, base_url: str, after_load=None, before_load=None, material: bool = True):
    """A function open(path, width="wide", palette="light") -> a loaded Playwright page of
    the site at base_url, in the palette asked for; `before_load(page)` and `after_load(page)`
    run on each (see open_reader_page). Any script error on the pages (the theme's or ours)
    fails the test when it ends."""
    pages = []
    errors: list[str] = []

    def _open(path: str, width: str = "wide", palette: str = "light"):
        page = open_reader_page(reader, base_url, path, width, palette, errors, before_load, material)
        pages.append(page)
        if after_load is not None:
            after_load(page)
        return page

    yield _open
    for page in pages:
        close_reader_page(page)
    assert errors == [], "script errors in the page:\n" + "\n".join(errors)


def switch_palette(page, palette: str) -> None:
    """Material's palette toggle in the header, clicked as a reader does, to `palette`; back
    once the page shows it and its colours have finished their transitions."""
    scheme = PALETTES[palette][1]
    assert page.get_attribute("body", "data-md-color-scheme") != scheme, f"already in the {palette} palette"
    page.locator("[data-md-component=palette] label:visible").click()
    # the pointer leaves the window and the focus the toggle: no hover or focus in a picture
    page.mouse.move(-1, -1)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_function("""(scheme) => document.body.dataset.mdColorScheme === scheme
        && document.getAnimations().every(animation => !(animation instanceof CSSTransition))""", arg=scheme)


def in_both_palettes(page):
    """The palettes in turn on one page: the light one it opens in, then the dark one the
    reader switches to with Material's toggle."""
    for palette in PALETTES:
        if palette != "light":
            switch_palette(page, palette)
        yield palette
    # Material remembers the choice for the reader's next pages: forgotten, so that the
    # test's next tabs open in the system palette, as every other tab does (see reader).
    page.evaluate("localStorage.clear()")


def add_probes(page) -> None:
    page.add_script_tag(path=str(PROBES))


@pytest.fixture
def open_page(reader, wiki_url: str):
    """open_page(path, width="wide", palette="light") -> a loaded page of the sample wiki,
    with the layout probes (probes.js) added: a page of the test's own, for tests that click,
    type, switch modes or take pictures."""
    with page_opener(reader, wiki_url, add_probes) as _open:
        yield _open


# Before a shared page is handed on: nothing focused, the maps and the window scrolled back
# to where a page opens, and the browser has laid that out (two frames: Material's and the
# plugin's scroll handlers have run).
BACK_TO_THE_TOP = """async () => {
    if (document.activeElement) document.activeElement.blur();
    for (const scroller of document.querySelectorAll('.journey-map__scroll')) scroller.scrollLeft = 0;
    window.scrollTo(0, 0);
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


class SharedPages:
    """Pages of the sample wiki loaded once per worker and read by several tests: each test
    that only measures (evaluates probes, reads boxes and styles, runs axe) reads the same
    loaded page instead of loading its own. A map's overview is the detailed map with one
    class more (journeys.js toggles it, nothing else changes), so one page serves both: the
    button is pressed when the test asks for the other. At most `keep` stay open."""

    def __init__(self, reader, base_url: str, keep: int = 48) -> None:
        self.reader, self.base_url, self.keep = reader, base_url, keep
        self.open: dict[tuple, object] = {}  # key -> page, least recently used first
        self.errors: list[str] = []

    def get(self, path: str, width: str, palette: str, overview: bool):
        key = (path, width, palette)
        if key in self.open:
            page = self.open[key] = self.open.pop(key)
            # Chromium draws frames for the reader's front tab only (the others get one a
            # second): every wait for a frame would take a second on a tab left behind.
            page.bring_to_front()
        else:
            page = self._load(key)
        self._show_overview(page, overview)
        page.evaluate(BACK_TO_THE_TOP)
        return page

    def printed(self, path: str):
        """The page as printed: in a window of the printed page's size (PRINTED), with print
        media emulated, in the light palette."""
        return self.get(path, "printed", "light", overview=False)

    def _load(self, key: tuple):
        while len(self.open) >= self.keep:
            close_reader_page(self.open.pop(next(iter(self.open))))
        path, width, palette = key
        page = open_reader_page(self.reader, self.base_url, path, PRINTED if width == "printed" else width,
                                palette, self.errors)
        if width == "printed":
            page.emulate_media(media="print")
        add_probes(page)
        self.open[key] = page
        return page

    @staticmethod
    def _show_overview(page, overview: bool) -> None:
        """The page's first map in the mode asked for, by its "whole map" button."""
        shown = page.evaluate("!!document.querySelector('.journey-map.journey-map--overview')")
        if shown != overview:
            page.click("[data-journey-map-overview]")
            page.wait_for_selector(".journey-map.journey-map--overview" if overview
                                   else ".journey-map:not(.journey-map--overview)")

    def close(self) -> None:
        for page in self.open.values():
            close_reader_page(page)
        self.open.clear()


@pytest.fixture(scope="session")
def shared_pages(reader, wiki_url: str) -> Iterator[SharedPages]:
    pages = SharedPages(reader, wiki_url)
    yield pages
    pages.close()


@pytest.fixture
def view_page(shared_pages: SharedPages):
    """view_page(path, width="wide", palette="light", overview=False) -> a loaded page of the
    sample wiki with the probes added (and its map switched to the overview, if asked), shared
    with the other tests of this worker that ask for the same: for tests that only read the
    page. It comes back to them scrolled to the top, nothing focused. A test that clicks,
    types, switches modes or takes a picture opens its own (open_page). Any script error on
    the shared pages while the test runs (or since the last test that read them) fails it."""

    def _view(path: str, width: str = "wide", palette: str = "light", overview: bool = False):
        return shared_pages.get(path, width, palette, overview)

    yield _view
    errors, shared_pages.errors[:] = list(shared_pages.errors), []
    assert errors == [], "script errors in the page:\n" + "\n".join(errors)


@pytest.fixture
def printed_page(shared_pages: SharedPages):
    """printed_page(path) -> the page of the sample wiki as printed (SharedPages.printed), with
    the probes added, shared with the other tests of this worker that read it printed
    (test_print, test_map_canvas). Any script error on the shared pages fails the test, as
    with view_page."""

    def _printed(path: str):
        return shared_pages.printed(path)

    yield _printed
    errors, shared_pages.errors[:] = list(shared_pages.errors), []
    assert errors == [], "script errors in the page:\n" + "\n".join(errors)


SEARCH_INPUT = ".md-search__input"
SEARCH_RESULT = ".md-search-result__item"


@pytest.fixture(scope="session")
def _search_home(reader, wiki_url: str):
    """The sample wiki's home page, opened once for the worker's searches (test_search_box's
    and test_map_canvas's), and the script errors seen on it."""
    errors: list[str] = []
    page = open_reader_page(reader, wiki_url, "", "wide", "light", errors)
    yield page, errors
    close_reader_page(page)


@pytest.fixture
def search_page(_search_home):
    """search_page() -> the home page of the sample wiki with Material's search box, shared by
    the searches of the worker (the search worker indexes the wiki once): a reader who clears
    the box and types the next words (search_for). Any script error on it while the test runs
    fails the test."""
    page, errors = _search_home
    page.bring_to_front()  # frames come at once to the front tab only (see SharedPages.get)
    yield lambda: page
    found, errors[:] = list(errors), []
    assert found == [], "script errors in the page:\n" + "\n".join(found)


def search_for(page, query: str) -> None:
    """Type `query` into Material's search box, as a reader does, and wait for its results;
    the box emptied first (and its results gone) if an earlier search left words in it."""
    page.click(SEARCH_INPUT)
    if page.input_value(SEARCH_INPUT):
        page.fill(SEARCH_INPUT, "")
        page.keyboard.press("End")
        page.wait_for_selector(SEARCH_RESULT, state="detached")
    page.fill(SEARCH_INPUT, query)
    page.keyboard.press("End")  # Material searches on key events; fill() sends none
    page.wait_for_selector(SEARCH_RESULT, timeout=15_000)


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        _missing(f"axe-core is not installed in {AXE.parent}")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    found = shutil.which("pdftoppm")
    if found is None:
        _missing("pdftoppm (poppler-utils) is not installed")
    return found


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
