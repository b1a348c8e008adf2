"""The opportunity index's filters and sorting, used with the mouse and with the keyboard, on a
page loaded directly and on one reached through Material's instant navigation; in a large
wiki, the table drawn from the index's data: filters from and into the address, back and
forward, pages, a link to a row on a later page and the board built on demand."""

from __future__ import annotations

import functools
import json
import re
import threading
from http.server import ThreadingHTTPServer

import pytest

from .conftest import INDEX, JOURNEYS, _QuietHandler, page_opener
from .axe import AXE_RUN

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
    """The rows in the page, shown or not (drawn from the data: those of the current view)."""
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


def exported(page) -> list[dict]:
    """Every opportunity, from the export beside the index (the rows in the page are only
    those the filters show)."""
    return page.evaluate("fetch(new URL('opportunities.json', location.href)).then(r => r.json())")


def check_status_filter(page, status: str) -> None:
    expected = {record["id"] for record in exported(page) if record["status"] == status}
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
    assert [row["id"] for row in everything] == [record["id"] for record in exported(page)]
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
    assert len(shown_rows(page)) == len(exported(page))

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
    assert len(shown_rows(page)) == len(exported(page))
    page.select_option("select[data-sort]", "priority")
    check_sorted_by_priority(shown_rows(page))


def test_filters_restored_from_the_address(open_page) -> None:
    page = open_page(INDEX + "?status=plan&sort=due")
    wait_for_filters(page)
    assert page.locator("select[data-filter=status]").input_value() == "plan"
    check_status_filter(page, "plan")
    check_sorted_by_due(shown_rows(page))


def wait_for_view(page, status: str, rows: int) -> None:
    """Until the form is shown with this status chosen and that many rows in view."""
    page.wait_for_function(
        """([status, rows]) => {
            const form = document.querySelector('[data-journeys-filters]');
            const shown = Array.from(document.querySelectorAll('.journeys-index__row'))
                .filter(row => row.getClientRects().length > 0);
            return form && !form.hidden && form.querySelector('select[data-filter=status]').value === status
                && shown.length === rows && shown.every(row => !status || row.dataset.status === status);
        }""", arg=[status, rows])


def test_back_and_forward_through_filters_under_instant_navigation(open_page) -> None:
    page = open_page(INDEX)
    wait_for_filters(page)
    page.evaluate("window.__journeysMarker = 'same document'")
    everything = [row["id"] for row in all_rows(page)]
    page.select_option("select[data-filter=status]", "plan")
    page.wait_for_url(re.compile(r"\?status=plan$"))
    page.select_option("select[data-filter=status]", "do")
    page.wait_for_url(re.compile(r"\?status=do$"))
    # Material's instant navigation may also fetch the page again on back: wait for the
    # view the address names, shown by whichever document is there when it settles
    page.go_back()
    page.wait_for_url(re.compile(r"\?status=plan$"))
    wait_for_view(page, "plan", sum(1 for record in exported(page) if record["status"] == "plan"))
    check_status_filter(page, "plan")
    page.go_back()
    page.wait_for_url(re.compile(r"/opportunities/$"))
    wait_for_view(page, "", len(everything))
    assert [row["id"] for row in shown_rows(page)] == everything
    assert page.evaluate("window.__journeysMarker") == "same document"


# -- a large wiki: the index draws its table, pages and board from its data file ---------

@pytest.fixture(scope="module")
def large_wiki(large_generated_wiki):
    """The large generated wiki (tests/support/large_wiki.py, built once for the run), served:
    its URL and its opportunities as exported."""
    built = large_generated_wiki
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built.site_dir)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    records = json.loads((built.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", records
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def open_large(reader, large_wiki):
    url, _ = large_wiki
    with page_opener(reader, url, wait_for_filters) as _open:
        yield _open


def wanted(records: list[dict], **filters) -> list[dict]:
    return [r for r in records if all(r[key] == value for key, value in filters.items())]


def by_due(records: list[dict]) -> list[str]:
    """Ids in due-date order, the wiki's order among equal dates (a stable sort)."""
    return [r["id"] for r in sorted(records, key=lambda r: r["due"] or NO_DATE)]


def test_filters_in_the_address_show_the_filtered_rows_after_load(open_large, large_wiki):
    _, records = large_wiki
    page = open_large(INDEX + "?status=plan&owner=department-0&sort=due")
    expected = wanted(records, status="plan", owner="department-0")
    assert len(expected) > 10
    assert page.locator("select[data-filter=status]").input_value() == "plan"
    assert page.locator("select[data-filter=owner]").input_value() == "department-0"
    assert page.locator("select[data-sort]").input_value() == "due"
    shown = shown_rows(page)
    assert [row["id"] for row in shown] == by_due(expected)[:50]
    assert page.locator("[data-count]").inner_text().startswith(f"{len(expected)} / {len(records)}")
    # the note on what the HTML holds without JavaScript has given way to the table
    assert not page.locator("[data-first-page-note]").is_visible()

    # the journey filter's options come from the data (the HTML would list every journey)
    chosen = next(r for r in records[200:] if r["priority"] == "high")  # a journey past the first page
    journey, path = chosen["journey"], chosen["journey_url"].rstrip("/") + ".md"
    page = open_large(INDEX + f"?journey={path}&priority=high")
    assert page.locator("select[data-filter=journey]").input_value() == path
    assert page.locator("select[data-filter=journey] option").count() == 1 + len({r["journey"] for r in records})
    expected = [r["id"] for r in records if r["journey"] == journey and r["priority"] == "high"]
    assert expected and [row["id"] for row in shown_rows(page)] == expected


def test_a_changed_filter_is_a_new_address_and_back_returns(open_large, large_wiki):
    _, records = large_wiki
    page = open_large(INDEX)
    assert [row["id"] for row in shown_rows(page)] == [r["id"] for r in records[:50]]
    page.select_option("select[data-filter=status]", "do")
    page.wait_for_url(re.compile(r"\?status=do$"))
    assert [row["id"] for row in shown_rows(page)] == [r["id"] for r in wanted(records, status="do")[:50]]
    page.check("[data-filter-overdue]")
    page.wait_for_url(re.compile(r"\?status=do&overdue=1$"))
    assert [row["id"] for row in shown_rows(page)] == [r["id"] for r in wanted(records, status="do", overdue=True)[:50]]

    page.go_back()
    page.wait_for_url(re.compile(r"\?status=do$"))
    page.wait_for_function("!document.querySelector('[data-filter-overdue]').checked")
    assert [row["id"] for row in shown_rows(page)] == [r["id"] for r in wanted(records, status="do")[:50]]
    page.go_back()
    page.wait_for_url(re.compile(r"/opportunities/$"))
    page.wait_for_function("document.querySelector('select[data-filter=status]').value === ''")
    assert [row["id"] for row in shown_rows(page)] == [r["id"] for r in records[:50]]
    page.go_forward()
    page.wait_for_url(re.compile(r"\?status=do$"))
    page.wait_for_function("document.querySelector('select[data-filter=status]').value === 'do'")
    assert {row["status"] for row in shown_rows(page)} == {"do"}


def test_paging_through_the_table(open_large, large_wiki):
    _, records = large_wiki
    page = open_large(INDEX + "?status=check")
    expected = [r["id"] for r in wanted(records, status="check")]
    pages = -(-len(expected) // 50)
    assert pages >= 2
    pager = page.locator("[data-pager]")
    assert pager.is_visible()
    where = page.locator("[data-page-where]")
    assert where.inner_text() == f"Page 1 of {pages}"
    previous, following = pager.locator('[data-page-step="-1"]'), pager.locator('[data-page-step="1"]')
    assert previous.is_disabled() and following.is_enabled()

    following.click()
    page.wait_for_url(re.compile(r"\?status=check&page=2$"))
    assert where.inner_text() == f"Page 2 of {pages}"
    assert [row["id"] for row in shown_rows(page)] == expected[50:100]
    # the reader is taken back up to the table's heading, in view below the page's header
    top, header = page.evaluate("[document.getElementById('journeys-index-table').getBoundingClientRect().top,"
                                " document.querySelector('.md-header').getBoundingClientRect().bottom]")
    assert header <= top < page.viewport_size["height"] / 2

    page.go_back()
    page.wait_for_url(re.compile(r"\?status=check$"))
    page.wait_for_function("(text) => document.querySelector('[data-page-where]').textContent === text",
                           arg=f"Page 1 of {pages}")
    assert [row["id"] for row in shown_rows(page)] == expected[:50]

    # a shared address with a page shows that page; a page past the last shows the last
    page = open_large(INDEX + f"?status=check&page={pages + 5}")
    assert page.locator("[data-page-where]").inner_text() == f"Page {pages} of {pages}"
    assert [row["id"] for row in shown_rows(page)] == expected[(pages - 1) * 50:]
    assert page.locator('[data-page-step="1"]').is_disabled()


@pytest.mark.parametrize("width", ["wide", "phone"])
def test_the_pager_is_in_view_below_the_table(open_large, width):
    page = open_large(INDEX, width)
    page.locator("[data-pager]").scroll_into_view_if_needed()
    boxes = page.evaluate("""() => {
        const box = (e) => { const r = e.getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
        return {table: box(document.querySelector('.journeys-index__table').parentElement),
                buttons: Array.from(document.querySelectorAll('[data-page-step]')).map(box),
                where: box(document.querySelector('[data-page-where]')), width: window.innerWidth,
                height: window.innerHeight};
    }""")
    previous, following = boxes["buttons"]
    for box in (previous, following, boxes["where"]):
        assert box["top"] >= boxes["table"]["bottom"] - 1, "the pager sits below the table"
        assert 0 <= box["left"] and box["right"] <= boxes["width"], f"out of the window: {box}"
        assert 0 <= box["top"] and box["bottom"] <= boxes["height"]
    # previous, where and next side by side without overlapping
    assert previous["right"] <= boxes["where"]["left"] + 0.5 or previous["bottom"] <= boxes["where"]["top"]
    assert boxes["where"]["right"] <= following["left"] + 0.5 or boxes["where"]["bottom"] <= following["top"]


def test_a_link_to_an_opportunity_on_a_later_page_shows_its_row(open_large, large_wiki):
    _, records = large_wiki
    target = records[-3]["id"]  # in the last page of the whole list
    page = open_large(INDEX + "?status=" + ("plan" if records[-3]["status"] != "plan" else "do") + "#" + target)
    # the filters would hide it: they are cleared, and the page that holds it is shown
    page.wait_for_function("(id) => document.getElementById(id) !== null", arg=target)
    assert page.locator("select[data-filter=status]").input_value() == ""
    box = page.evaluate("(id) => { const r = document.getElementById(id).getBoundingClientRect();"
                        " return {top: r.top, bottom: r.bottom}; }", target)
    assert 0 <= box["top"] and box["bottom"] <= page.viewport_size["height"], box
    ids = [row["id"] for row in shown_rows(page)]
    assert target in ids and ids == [r["id"] for r in records[(len(records) - 3) // 50 * 50:][:50]]


def test_the_board_is_built_on_demand(open_large, large_wiki):
    _, records = large_wiki
    page = open_large(INDEX + "?owner=department-0")
    assert page.locator(".journeys-board__card").count() == 0
    button = page.locator("[data-board-open]")
    assert button.is_visible()
    button.click()
    page.wait_for_url(re.compile(r"\?owner=department-0&board=1$"))
    own = wanted(records, owner="department-0")
    cards = shown_cards(page)
    assert [column["column"].split("--")[-1] for column in cards] == ["plan", "do", "check", "act", "done"]
    for column in cards:
        status = column["column"].split("--")[-1]
        expected = wanted(own, status=status)
        assert column["count"] == str(len(expected))
        assert column["cards"] == [status] * min(len(expected), 100)
    # a card leads to its row in the table
    card = page.locator(".journeys-board__column--act .journeys-board__card a").first
    row_id = card.get_attribute("href").split("#")[-1]
    card.click()
    page.wait_for_function(
        "(id) => { const r = document.getElementById(id); if (!r) return false; const b = r.getBoundingClientRect();"
        " return b.top >= 0 && b.bottom <= window.innerHeight; }", arg=row_id)


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_large_index_has_no_serious_axe_violations(open_large, axe_source: str, palette: str) -> None:
    page = open_large(INDEX + "?page=2", palette=palette)
    page.click("[data-board-open]")
    page.wait_for_selector(".journeys-board__card")
    page.add_script_tag(content=axe_source)
    ours = [v for v in page.evaluate(AXE_RUN) if v["owner"] == "plugin"]
    assert ours == [], "\n".join(f"{v['rule']} ({v['impact']}) at {v['where']}: {v['why']}" for v in ours)


def test_a_large_departments_short_rows_fit_a_phone(reader, large_wiki) -> None:
    url, _ = large_wiki
    with page_opener(reader, url) as open_tab:
        page = open_tab("departments/department-0/", "phone")
        cells = page.evaluate("""() => Array.from(document.querySelectorAll('.journeys-table--short tbody tr'))
            .slice(0, 30).map(row => Array.from(row.cells).map(cell => {
                const r = cell.getBoundingClientRect(); return {left: r.left, right: r.right}; }))""")
        assert len(cells) == 30
        width = page.evaluate("window.innerWidth")
        for title, due in cells:
            # the title wraps; the due date (and the overdue mark) stays in the window beside it
            assert title["right"] <= due["left"] + 0.5 and 0 <= title["left"] and due["right"] <= width, (title, due)
