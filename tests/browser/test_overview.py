"""The journey overview and the value x effort matrix in Chromium (issue 14): the overview's
filters (also after instant navigation, and restored from the address), the layout of pairs
and sub-journeys measured, axe-core in both palettes, and the review screenshots of the
sample wiki's overview and its index's matrix."""

from __future__ import annotations

import functools
import re
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import PALETTES, WIDTHS, _QuietHandler, add_probes, in_both_palettes, page_opener
from .axe import run_axe_but_the_themes

OVERVIEW = "overview/"
PIXELS = {"wide": 1280, "phone": 390}
TODAY = "2026-11-22"


def journey(title: str, owner: str, personas: list[str], phase: str | None = None, **extra) -> str:
    import yaml

    data = {"owner": owner, "personas": personas, "reviewed": "2026-10-01",
            "stages": [{"name": "S", "id": "s", "steps": [{"name": "A", "id": "a", "emotion": -1},
                                                          {"name": "B", "id": "b", "emotion": 1}]}], **extra}
    if phase:
        data["phase"] = phase
    return "---\n" + yaml.safe_dump({"title": title, "journey": data}, allow_unicode=True) + "---\n\nText.\n"


# A small wiki with what the sample wiki may lack: a pair, a sub-journey, journeys that
# need attention and journeys that do not.
PAGES = {
    "index.md": "# Home\n\nSee the [journey overview](overview/index.md).\n",
    "journeys/book.md": journey("Book today", "sales", ["camper"], "buy", state="current",
                                compares="journeys/book-future.md"),
    "journeys/book-future.md": journey("Book tomorrow", "sales", ["camper"], "buy", state="future",
                                       compares="journeys/book.md"),
    "journeys/stay.md": journey("Stay", "ops", ["camper", "child"], "use"),
    "journeys/pitch.md": journey("Pitch the tent", "crew", ["child"], "use", parent="journeys/stay.md#s/a"),
    "journeys/leave.md": journey("Leave", "ops", ["camper"], "use", reviewed="2024-01-01"),
    "journeys/find.md": journey("Find us", "marketing", ["camper"], "discover", opportunities=[
        {"title": "Signs", "at": "s/a", "due": "2026-01-01", "owner": "ops", "value": 5, "effort": 1}]),
}
ATTENTION = {"Leave", "Find us"}  # review due; an overdue opportunity


@pytest.fixture(scope="module")
def small_wiki(tmp_path_factory):
    from conftest import build_site  # the tests' own helper: a real MkDocs build

    root = tmp_path_factory.mktemp("overview-wiki")
    (root / "site").mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root / "site")))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    built = build_site(root, PAGES, plugin_config={
        "today": TODAY, "lifecycle": [{"id": "discover", "label": "Discover"}, {"id": "buy", "label": "Buy"},
                                      {"id": "use", "label": "Use"}]},
        config={"site_url": url, "theme": {"name": "material", "features": ["navigation.instant"], "palette": [
            # the sample wiki's two palettes: the reader's system setting, and a toggle in the header
            {"media": "(prefers-color-scheme: light)", "scheme": "default",
             "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"}},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
             "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"}}]}})
    assert not built.aborted, built.warnings
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def open_small(reader, small_wiki: str):
    with page_opener(reader, small_wiki, add_probes) as _open:
        yield _open


def shown_titles(page) -> list[str]:
    """The titles of the cards a reader sees, in page order."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.journeys-overview__card'))
        .filter(card => card.getClientRects().length > 0)
        .map(card => card.querySelector('.journeys-overview__title').textContent.trim())""")


def outlined_titles(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.journeys-overview__card--context'))
        .map(card => card.querySelector('.journeys-overview__title').textContent.trim())""")


def shown_phases(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.journeys-overview__phase'))
        .filter(section => section.getClientRects().length > 0)
        .map(section => section.querySelector('h2').textContent.trim())""")


def wait_for_filters(page) -> None:
    page.wait_for_selector(".journeys-overview [data-journeys-filters]:not([hidden])", state="visible")


# in page order: by phase, then by path; the sub-journey in its parent
ALL = ["Find us", "Book today", "Book tomorrow", "Leave", "Stay", "Pitch the tent"]


def test_filters_hide_and_show_cards_and_keep_state_in_the_url(open_small) -> None:
    page = open_small(OVERVIEW)
    wait_for_filters(page)
    assert shown_titles(page) == ALL
    assert page.locator("[data-count]").inner_text().startswith("6 / 6")

    page.select_option("select[data-filter=owner]", "sales")
    assert shown_titles(page) == ["Book today", "Book tomorrow"]
    assert shown_phases(page) == ["Buy"]
    assert "owner=sales" in page.url

    # a persona: a journey's personas are a list
    page.select_option("select[data-filter=owner]", "")
    page.select_option("select[data-filter=persona]", "child")
    assert shown_titles(page) == ["Stay", "Pitch the tent"]
    assert outlined_titles(page) == []  # both match
    page.select_option("select[data-filter=state]", "current")
    page.select_option("select[data-filter=persona]", "")
    assert shown_titles(page) == ["Find us", "Book today", "Leave", "Stay", "Pitch the tent"]

    page.select_option("select[data-filter=state]", "")
    page.select_option("select[data-filter=attention]", "yes")
    assert set(shown_titles(page)) == ATTENTION
    assert "attention=yes" in page.url

    page.select_option("select[data-filter=attention]", "")
    page.select_option("select[data-filter=state]", "current")
    page.select_option("select[data-filter=owner]", "marketing")
    assert shown_titles(page) == ["Find us"]
    assert page.locator("[data-count]").inner_text().startswith("1 / 6")
    assert "state=current" in page.url and "owner=marketing" in page.url


def test_a_parent_kept_for_its_sub_journey_is_outlined(open_small, axe_source: str) -> None:
    # only the sub-journey "Pitch the tent" is the crew's: "Stay" stays in view to hold it
    page = open_small(OVERVIEW + "?owner=crew")
    wait_for_filters(page)
    assert shown_titles(page) == ["Stay", "Pitch the tent"]
    assert outlined_titles(page) == ["Stay"]
    assert page.locator("[data-count]").inner_text().startswith("1 / 6")
    borders = page.evaluate("""() => Array.from(document.querySelectorAll('.journeys-overview__card'))
        .filter(card => card.getClientRects().length > 0)
        .map(card => getComputedStyle(card).borderTopStyle)""")
    assert borders == ["dashed", "solid"]
    assert run_axe_but_the_themes(page, axe_source) == []  # a filtered view keeps its contrast


def test_filters_are_restored_from_the_address(open_small) -> None:
    page = open_small(OVERVIEW + "?owner=ops&attention=yes")
    wait_for_filters(page)
    assert page.locator("select[data-filter=owner]").input_value() == "ops"
    assert page.locator("select[data-filter=attention]").input_value() == "yes"
    assert shown_titles(page) == ["Leave"]


def test_filters_after_instant_navigation(open_small) -> None:
    page = open_small("")
    page.evaluate("window.__journeysMarker = 'same document'")
    page.locator("article a[href*='overview']").first.click()
    page.wait_for_url(re.compile(r"/overview/"))
    wait_for_filters(page)
    assert page.evaluate("window.__journeysMarker") == "same document"  # no full reload
    page.select_option("select[data-filter=owner]", "ops")
    assert shown_titles(page) == ["Leave", "Stay"]

    # to a journey and back, still without a reload: the filter comes back from the address
    page.locator(".journeys-overview__title a", has_text="Leave").click()
    page.wait_for_url(re.compile(r"/journeys/leave/"))
    page.wait_for_selector(".journey-map")
    page.go_back()
    page.wait_for_url(re.compile(r"/overview/\?owner=ops"))
    wait_for_filters(page)
    assert page.evaluate("window.__journeysMarker") == "same document"
    assert page.locator("select[data-filter=owner]").input_value() == "ops"
    assert shown_titles(page) == ["Leave", "Stay"]


def boxes(page, selector: str) -> list[dict]:
    return page.evaluate("""(selector) => Array.from(document.querySelectorAll(selector)).map(element => {
        const box = element.getBoundingClientRect();
        return {title: element.querySelector('.journeys-overview__title').textContent.trim(),
                left: box.left, right: box.right, top: box.top, bottom: box.bottom};
    })""", selector)


def test_pair_side_by_side_when_wide_stacked_on_a_phone(open_small) -> None:
    for width in ("wide", "phone"):
        page = open_small(OVERVIEW, width=width)
        today, tomorrow = boxes(page, ".journeys-overview__pair .journeys-overview__card")
        assert (today["title"], tomorrow["title"]) == ("Book today", "Book tomorrow")
        viewport = page.viewport_size["width"]
        assert today["left"] >= 0 and tomorrow["right"] <= viewport, (width, today, tomorrow)
        if width == "wide":
            assert today["right"] <= tomorrow["left"] and abs(today["top"] - tomorrow["top"]) < 1
        else:
            assert today["bottom"] <= tomorrow["top"]
        # the sub-journey's card lies inside its parent's card
        cards = {box["title"]: box for box in boxes(page, ".journeys-overview__card")}
        parent, child = cards["Stay"], cards["Pitch the tent"]
        assert parent["left"] <= child["left"] and child["right"] <= parent["right"]
        assert parent["top"] < child["top"] and child["bottom"] <= parent["bottom"]
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport


@pytest.mark.parametrize("path", [OVERVIEW, "journeys/book/", "opportunities/"])
def test_no_serious_axe_violations(open_small, axe_source: str, path: str) -> None:
    """In the light palette the page opens in, then in the dark one the reader switches to."""
    page = open_small(path, palette="light")
    for palette in in_both_palettes(page):
        assert page.get_attribute("body", "data-md-color-scheme") == PALETTES[palette][1]
        ours = run_axe_but_the_themes(page, axe_source)
        assert ours == [], f"{path} ({palette}):\n" + "\n".join(f"{v['rule']} on {v['where']}: {v['why']}" for v in ours)


# The sample wiki's overview and index under axe, in both palettes: test_accessibility.py
# (PAGES), on the pages loaded once per worker; the index was checked twice, here and there.


def test_matrix_points_are_links_in_view_and_apart(open_page) -> None:
    for width in ("wide", "phone"):
        page = open_page("opportunities/", width=width)
        points = page.evaluate("""() => Array.from(document.querySelectorAll('a.journeys-matrix__point')).map(link => {
            const box = link.querySelector('circle').getBoundingClientRect();
            const chart = link.closest('svg').getBoundingClientRect();
            return {href: link.href.baseVal, x: box.left + box.width / 2, y: box.top + box.height / 2,
                    r: box.width / 2, inside: box.left >= chart.left && box.right <= chart.right
                        && box.top >= chart.top && box.bottom <= chart.bottom};
        })""")
        assert len(points) >= 4
        assert all(point["inside"] for point in points)
        for index, one in enumerate(points):
            assert page.locator(f"[id='{one['href'].split('#')[-1]}']").count() == 1
            for other in points[index + 1:]:
                assert ((one["x"] - other["x"]) ** 2 + (one["y"] - other["y"]) ** 2) ** 0.5 >= one["r"] + other["r"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PIXELS[width]
    # a point takes the keyboard focus and leads to its row
    first = page.locator("a.journeys-matrix__point").first
    target = first.evaluate("link => link.href.baseVal").split("#")[-1]
    first.focus()
    assert page.evaluate("document.activeElement.classList.contains('journeys-matrix__point')")
    page.keyboard.press("Enter")
    page.wait_for_function("(id) => location.hash === '#' + id", arg=target)


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots(open_page, screenshots: Path, width: str) -> None:
    """The sample wiki's overview (the whole page) and its index's matrix, for a person to look
    at: in the light palette each opens in, then in the dark one after Material's toggle."""
    page = open_page(OVERVIEW, width=width)
    page.wait_for_selector("[data-journeys-filters]:not([hidden])")
    for palette in in_both_palettes(page):
        overview = screenshots / f"overview-{palette}-{PIXELS[width]}.png"
        page.screenshot(path=str(overview), full_page=True, animations="disabled")
        assert overview.stat().st_size > 10_000, palette
    page = open_page("opportunities/", width=width)
    for palette in in_both_palettes(page):
        page.evaluate("window.scrollTo(0, 0)")
        box = page.locator(".journeys-matrix").bounding_box()
        assert box and box["width"] <= PIXELS[width], palette
        matrix = screenshots / f"matrix-{palette}-{PIXELS[width]}.png"
        page.screenshot(path=str(matrix), full_page=True, clip=box, animations="disabled")
        assert matrix.stat().st_size > 5_000, palette


# -- a wiki of more journeys than cards: a row each, the same filters ------------------------

@pytest.fixture(scope="module")
def large_overview(large_generated_wiki):
    """The large generated wiki (tests/support/large_wiki.py, built once for the run), served:
    its URL and overview.json."""
    import json

    built = large_generated_wiki
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built.site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    records = json.loads((built.site_dir / "overview" / "overview.json").read_text(encoding="utf-8"))
    yield f"http://127.0.0.1:{server.server_address[1]}/", records
    server.shutdown()
    server.server_close()


def shown_rows(page) -> list[str]:
    return page.evaluate("""() => Array.from(document.querySelectorAll('.journeys-overview tr[data-filter-item]'))
        .filter(row => row.getClientRects().length > 0).map(row => row.querySelector('a').textContent.trim())""")


@pytest.mark.parametrize("width", ["wide", "phone"])
def test_a_large_overview_filters_its_rows(reader, large_overview, width) -> None:
    url, records = large_overview
    with page_opener(reader, url, wait_for_filters) as open_large:
        page = open_large(OVERVIEW + "?owner=department-3", width)
        assert not page.locator(".journeys-overview__card").count(), "a row per journey, no cards"
        expected = [r["title"] for r in records if r["owner"] == "department-3"]
        assert expected and sorted(shown_rows(page)) == sorted(expected)
        assert page.locator("[data-count]").inner_text().startswith(f"{len(expected)} / {len(records)}")

        page.select_option("select[data-filter=owner]", "")
        page.select_option("select[data-filter=attention]", "yes")
        assert "attention=yes" in page.url and "owner" not in page.url
        assert sorted(shown_rows(page)) == sorted(r["title"] for r in records if r["needs_attention"])
        # the table scrolls inside its frame on a phone; the page itself does not scroll sideways
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
