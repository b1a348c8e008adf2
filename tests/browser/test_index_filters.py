"""The opportunity index's filters and sorting, used with the mouse and with the keyboard, on a
page loaded directly and on one reached through Material's instant navigation."""

from __future__ import annotations

import re

from .conftest import INDEX, JOURNEYS

ROWS = ".journeys-index__row"
FORM = "[data-journeys-filters]"
# Not a due date: sorts after every date.
NO_DATE = "9999-99-99"


def shown_rows(page) -> list[dict]:
    """The table rows a reader sees, in the order shown, with their data attributes."""
    return page.evaluate(
        """(selector) => Array.from(document.querySelectorAll(selector))
            .filter(row => row.getClientRects().length > 0)
            .map(row => ({id: row.id, ...row.dataset}))""",
        ROWS,
    )


def all_rows(page) -> list[dict]:
    return page.evaluate(
        "(selector) => Array.from(document.querySelectorAll(selector)).map(row => ({id: row.id, ...row.dataset}))",
        ROWS,
    )


def shown_cards(page) -> dict[str, list[str]]:
    """Board column (status) -> the statuses of the cards a reader sees in it, and its count."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.journeys-board__column')).map(column => ({
            column: column.className,
            cards: Array.from(column.querySelectorAll('.journeys-board__card'))
                .filter(card => card.getClientRects().length > 0).map(card => card.dataset.status),
            count: column.querySelector('.journeys-count').textContent.trim()}))"""
    )


def wait_for_filters(page) -> None:
    page.wait_for_selector(f"{FORM}:not([hidden])", state="visible")


def check_status_filter(page, status: str) -> None:
    expected = {row["id"] for row in all_rows(page) if row["status"] == status}
    assert expected, f"the sample wiki has no opportunity with status {status}"
    shown = shown_rows(page)
    assert {row["id"] for row in shown} == expected, f"status {status}: rows shown {[r['id'] for r in shown]}"
    for column in shown_cards(page):
        assert all(card == status for card in column["cards"]), column
        assert column["count"] == str(len(column["cards"])), column
    assert f"status={status}" in page.url
    assert page.locator("[data-count]").inner_text().startswith(f"{len(expected)} / ")


def check_sorted_by_due(rows: list[dict]) -> None:
    dues = [row["due"] or NO_DATE for row in rows]
    assert dues == sorted(dues), f"not in due-date order: {dues}"


def check_sorted_by_priority(rows: list[dict]) -> None:
    keys = [(int(row["priorityRank"]), row["due"] or NO_DATE) for row in rows]
    assert keys == sorted(keys), f"not in priority order: {keys}"


def test_filters_and_sorting_by_mouse(open_page) -> None:
    page = open_page(INDEX)
    wait_for_filters(page)
    everything = all_rows(page)
    assert len(shown_rows(page)) == len(everything) > 10

    # A click opens the native list (drawn outside the page, so Playwright picks from it).
    page.click("select[data-filter=status]")
    page.select_option("select[data-filter=status]", "do")
    check_status_filter(page, "do")

    page.click("select[data-filter=owner]")
    page.select_option("select[data-filter=owner]", "marketing")
    both = {row["id"] for row in everything if row["status"] == "do" and row["owner"] == "marketing"}
    assert both and {row["id"] for row in shown_rows(page)} == both

    page.select_option("select[data-filter=owner]", "")
    page.select_option("select[data-filter=status]", "")
    page.select_option("select[data-sort]", "due")
    shown = shown_rows(page)
    assert len(shown) == len(everything)
    check_sorted_by_due(shown)

    page.select_option("select[data-sort]", "priority")
    check_sorted_by_priority(shown_rows(page))

    page.select_option("select[data-sort]", "")
    assert [row["id"] for row in shown_rows(page)] == [row["id"] for row in everything]

    # A card on the board links to its row in the table.
    card = page.locator(".journeys-board__card a").first
    row_id = card.get_attribute("href").split("#")[-1]
    card.click()
    assert page.evaluate("location.hash") == f"#{row_id}"
    # Material scrolls to the anchor after the click has returned: wait for the row to arrive.
    page.wait_for_function(
        "(id) => { const r = document.getElementById(id).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }", arg=row_id)


def test_filters_and_sorting_by_keyboard(open_page) -> None:
    page = open_page(INDEX)
    wait_for_filters(page)
    status = page.locator("select[data-filter=status]")
    status.focus()
    # The filters are in the tab order, in the order shown.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.filter") == "owner"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.filter") == "status"

    # Options in order: All, Plan, Do, ... — two steps down is Do.
    page.keyboard.press("ArrowDown")
    assert status.input_value() == "plan"
    check_status_filter(page, "plan")
    page.keyboard.press("ArrowDown")
    assert status.input_value() == "do"
    check_status_filter(page, "do")
    page.keyboard.press("Home")
    assert status.input_value() == ""
    assert len(shown_rows(page)) == len(all_rows(page))

    # Tab on to the sort control (owner, journey, priority, sort), choose "due date".
    for _ in range(4):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-sort')")
    page.keyboard.press("ArrowDown")
    assert page.locator("select[data-sort]").input_value() == "due"
    check_sorted_by_due(shown_rows(page))


def test_filters_after_instant_navigation(open_page) -> None:
    page = open_page(JOURNEYS["camping"])
    page.evaluate("window.__journeysMarker = 'same document'")
    link = page.locator(".journey-map__lane--opportunities a.journeys-opportunity__title").first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_url(re.compile(r"/opportunities/"))
    wait_for_filters(page)
    # Material's instant navigation swapped the page in place: no full reload happened.
    assert page.evaluate("window.__journeysMarker") == "same document"
    assert page.locator("h1").first.inner_text().strip() != ""

    page.select_option("select[data-filter=status]", "check")
    check_status_filter(page, "check")
    page.locator("select[data-filter=status]").focus()
    page.keyboard.press("ArrowDown")
    check_status_filter(page, "act")

    # Away to a journey and back, again without reloading: a fresh index, filters working.
    page.locator(".journeys-index__row:not([hidden]) a[href*='b2b-key-account']").first.click()
    page.wait_for_url(re.compile(r"/journeys/b2b-key-account/"))
    page.wait_for_selector(".journey-map")
    # A journey page gives the map the window (layout: wide, Material's navigation stepped
    # aside): back to the index through one of the map's opportunity links.
    back = page.locator(".journey-map__lane--opportunities a.journeys-opportunity__title").first
    back.scroll_into_view_if_needed()
    back.click()
    page.wait_for_url(re.compile(r"/opportunities/(#[\w-]+)?$"))
    wait_for_filters(page)
    assert page.evaluate("window.__journeysMarker") == "same document"
    assert len(shown_rows(page)) == len(all_rows(page))
    page.select_option("select[data-sort]", "priority")
    check_sorted_by_priority(shown_rows(page))


def test_filters_restored_from_the_address(open_page) -> None:
    page = open_page(INDEX + "?status=plan&sort=due")
    wait_for_filters(page)
    assert page.locator("select[data-filter=status]").input_value() == "plan"
    check_status_filter(page, "plan")
    check_sorted_by_due(shown_rows(page))
