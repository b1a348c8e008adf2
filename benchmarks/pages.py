"""What a reader of a built benchmark wiki downloads and what their browser does with it:
page bytes and elements, the search index's size, and (when Chromium is here) the main
thread's work on loading a page. Measured on a finished site, never during a timed build.
"""

from __future__ import annotations

import functools
import statistics
import threading
from contextlib import contextmanager
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

# Where the plugin publishes the opportunity index by default (index_path), and the
# search index Material's search writes.
INDEX_PAGE = "opportunities/index.html"
SEARCH_INDEX = "search/search_index.json"
CHROMIUM = Path("/usr/bin/chromium")
# As in tests/browser/conftest.py: a closed network, nothing fetched but the loopback site.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps",
    "--disable-quic",
]
# Performance.getMetrics figures (seconds of the renderer's main thread since enabling).
MAIN_THREAD_METRICS = {"TaskDuration": "task_ms", "ScriptDuration": "script_ms", "LayoutDuration": "layout_ms"}


class _StartTagCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.elements += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # <br/>, <use .../> in SVG
        self.elements += 1


def page_figures(site_dir: Path, page: str) -> dict[str, int] | None:
    """{"bytes", "elements"} of a built page (elements: its start tags), or None if the site has
    no such page."""
    path = site_dir / page
    if not path.is_file():
        return None
    data = path.read_bytes()
    counter = _StartTagCounter()
    counter.feed(data.decode("utf-8"))
    counter.close()
    return {"bytes": len(data), "elements": counter.elements}


def largest_page(site_dir: Path, folder: str) -> dict | None:
    """page_figures of the largest page under a folder of the site (by bytes), with its path;
    None if there is none. Only that one page is parsed."""
    found = sorted(site_dir.glob(f"{folder}/*/index.html"), key=lambda path: (-path.stat().st_size, path))
    if not found:
        return None
    page = found[0].relative_to(site_dir).as_posix()
    return {"path": page, **page_figures(site_dir, page)}


def search_index_bytes(site_dir: Path) -> int:
    return (site_dir / SEARCH_INDEX).stat().st_size


def journey_page(step_counts: dict[str, int], target: int = 30) -> tuple[str, int]:
    """(built page path, step count) of the journey whose step count is closest to target
    (the first in path order among equals, so the same page at every run of one N).
    step_counts maps a journey's Markdown path under docs/ to its steps."""
    source = min(sorted(step_counts), key=lambda path: abs(step_counts[path] - target))
    return source.removesuffix(".md") + "/index.html", step_counts[source]


def chromium_available() -> bool:
    if not CHROMIUM.exists():
        return False
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass


@contextmanager
def served(site_dir: Path) -> Iterator[str]:
    """The site on a loopback port for the time of the block; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main_thread_work(site_dir: Path, pages: list[str], loads: int = 3) -> dict[str, dict] | None:
    """Per page: the median over `loads` first visits (fresh browser context, empty cache) of
    the main thread's task, script and layout time (ms) once the page has loaded and the
    network is idle, with the page's title as the browser saw it. None without Chromium."""
    if not chromium_available():
        return None
    from playwright.sync_api import sync_playwright

    results: dict[str, dict] = {}
    with served(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for page_path in pages:
                url = base + page_path.removesuffix("index.html")
                samples = [_one_load(browser, base, url) for _ in range(loads)]
                results[page_path] = {
                    **{name: statistics.median(s[name] for s in samples) for name in MAIN_THREAD_METRICS.values()},
                    "title": samples[-1]["title"],
                    "loads": loads,
                }
        finally:
            browser.close()
    return results


def _one_load(browser, base: str, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        # Material links Google Fonts by default: refused at once, so that no load waits on a
        # network this machine may not have, and every run measures the same page.
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                      else route.abort())
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url, wait_until="load", timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=120_000)
        metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        figures = {key: 1000 * metrics.get(name, 0.0) for name, key in MAIN_THREAD_METRICS.items()}
        figures["title"] = page.title()
        return figures
    finally:
        context.close()
