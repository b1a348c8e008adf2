"""The map as a canvas (issue 11), measured in Chromium: the map band takes the window's width
and shows at least half of each sample journey's steps at 1280x800; the "whole map" control
fits every step of the 15-step map into 1280 px (its badges inside their steps); both
controls work by keyboard, after Material's instant navigation, and are absent without
JavaScript (the full table stays);
every opportunity card lies under its own step; curves of equal values stay apart; the scale
matches the curves; department pages and the index answer "what is late?" on a phone; printed
maps keep their words whole; search finds Chinese and Malay."""

from __future__ import annotations

import math
import re
import struct
import zlib
from pathlib import Path

import pytest

from .conftest import CHROMIUM_ARGS, DEPARTMENT, INDEX, JOURNEYS, PALETTES, WIDTHS, search_for
from .axe import run_axe_but_the_themes

REPO = Path(__file__).resolve().parents[2]
SAMPLE_JOURNEYS = sorted(path.stem for path in (REPO / "journeys" / "journeys").glob("*.md"))
B2B = JOURNEYS["b2b"]

BAND = """() => {
    const scroller = document.querySelector('.journey-map__scroll');
    const box = scroller.getBoundingClientRect();
    const steps = [...scroller.querySelectorAll('.journey-map__steps > th:not(.journey-map__corner)')].map(th => th.getBoundingClientRect());
    return {band: box.width, left: box.left, right: box.right, viewport: window.innerWidth,
            scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, steps: steps.length,
            inView: steps.filter(r => r.left >= box.left - 1 && r.right <= box.right + 1
                                       && r.left >= 0 && r.right <= window.innerWidth).length};
}"""


# Each badge of a step's header ("★ Moment of truth") with its box and its header's.
BADGES_IN_THEIR_STEP = """() => [...document.querySelectorAll('.journey-map__steps > th .journeys-badge')].map(badge => {
    const cell = badge.closest('th').getBoundingClientRect(), box = badge.getBoundingClientRect();
    return {text: badge.textContent.trim(), box: [box.left, box.top, box.right, box.bottom],
            cell: [cell.left, cell.top, cell.right, cell.bottom],
            inside: box.left >= cell.left - 0.5 && box.right <= cell.right + 0.5 && box.bottom <= cell.bottom + 0.5};
})"""


def map_into_view(page) -> None:
    page.evaluate("document.querySelector('.journey-map').scrollIntoView({block: 'start'})")


# -- 1. the whole width ------------------------------------------------------------------------


@pytest.mark.parametrize("journey", SAMPLE_JOURNEYS)
def test_map_band_spans_the_window_and_shows_half_the_steps(view_page, journey: str) -> None:
    page = view_page(f"journeys/{journey}/")
    map_into_view(page)
    band = page.evaluate(BAND)
    assert band["band"] >= 0.85 * band["viewport"], f"{journey}: map band {band}"
    assert band["inView"] * 2 >= band["steps"], f"{journey}: {band['inView']} of {band['steps']} steps in view: {band}"
    # Material's sidebars stepped aside: nothing of them is shown beside the map.
    sidebars = page.evaluate("""() => [...document.querySelectorAll('.md-sidebar--primary, .md-sidebar--secondary')]
        .map(e => e.getBoundingClientRect().width)""")
    assert all(width == 0 for width in sidebars), f"{journey}: sidebars {sidebars}"


def test_other_pages_keep_materials_sidebars(view_page) -> None:
    page = view_page(DEPARTMENT)
    width = page.evaluate("document.querySelector('.md-sidebar--primary').getBoundingClientRect().width")
    assert width > 100


# -- 2. the whole map, full screen, keyboard, instant navigation, no JavaScript ------------------


def focus_by_tab(page, selector: str, limit: int = 80) -> int:
    """Press Tab from the top of the page until the element is focused; the number of presses."""
    page.evaluate("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector({selector!r})"):
            return presses
    raise AssertionError(f"{selector} not reached with {limit} Tab presses")


def test_overview_fits_the_15_step_map_into_1280px_by_keyboard(open_page) -> None:
    page = open_page(B2B)
    button = "[data-journey-map-overview]"
    assert page.is_visible(button)
    assert page.evaluate(f"document.querySelector({button!r}).getAttribute('aria-pressed')") == "false"
    before = page.evaluate(BAND)
    assert before["scrollWidth"] > before["clientWidth"], "the detail map should scroll sideways"
    focus_by_tab(page, button)
    page.keyboard.press("Enter")
    assert page.evaluate(f"document.querySelector({button!r}).getAttribute('aria-pressed')") == "true"
    map_into_view(page)
    after = page.evaluate(BAND)
    assert after["steps"] >= 14
    assert after["scrollWidth"] <= after["clientWidth"], f"overview scrolls sideways: {after}"
    assert after["inView"] == after["steps"], after
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    # a badge wraps inside its narrow step column instead of being cut at the column's edge
    badges = page.evaluate(BADGES_IN_THEIR_STEP)
    assert len(badges) >= 3 and all(badge["inside"] for badge in badges), badges
    # texts are cut to a few lines: no cell taller than in the detail view
    heights = page.evaluate("""() => [...document.querySelectorAll('.journey-map__lane--actions td')]
        .map(td => td.getBoundingClientRect().height)""")
    assert max(heights) < 120, heights
    # Space switches back to the detail.
    page.focus(button)
    page.keyboard.press("Space")
    assert page.evaluate(BAND)["scrollWidth"] > after["clientWidth"]


def test_fullscreen_by_keyboard_and_esc_leaves(open_page) -> None:
    page = open_page(B2B)
    button = "[data-journey-map-fullscreen]"
    assert page.is_visible(button)
    page.focus(button)
    # The button follows the fullscreenchange event, which Chromium fires a frame after
    # fullscreenElement changes: wait for both, else the check races the event on a busy machine.
    pressed = f"document.querySelector({button!r}).getAttribute('aria-pressed')"
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.fullscreenElement === document.querySelector('.journey-map') && {pressed} === 'true'",
                           timeout=5000)
    size = page.evaluate("""() => {const r = document.querySelector('.journey-map').getBoundingClientRect();
        return [r.width, r.height, window.innerWidth, window.innerHeight]}""")
    assert size[0] >= size[2] - 1 and size[1] >= size[3] - 1, size
    assert page.evaluate(f"document.querySelector({button!r}).textContent.trim()") == "Leave full screen"
    page.keyboard.press("Escape")
    page.wait_for_function(f"document.fullscreenElement === null && {pressed} === 'false'", timeout=5000)
    assert page.evaluate(f"document.querySelector({button!r}).textContent.trim()") == "Full screen"
    # and the button leaves it too
    page.focus(button)
    page.keyboard.press("Enter")
    page.wait_for_function("document.fullscreenElement !== null")
    page.keyboard.press("Enter")  # the focus stayed on the button
    page.wait_for_function("document.fullscreenElement === null")


def test_controls_work_after_instant_navigation(open_page) -> None:
    page = open_page(INDEX)
    # the index draws its rows again once its data has come, which may be after the load
    # event; its filters show when it has: a row's link taken before would be gone
    page.wait_for_selector("[data-journeys-filters]:not([hidden])")
    page.evaluate("window.journeysNotReloaded = true")
    link = page.locator(".journeys-index__row a[href$='b2b-key-account/']").first
    link.scroll_into_view_if_needed()
    link.click()
    page.wait_for_selector("[data-journey-map-tools]:not([hidden])")
    assert page.evaluate("window.journeysNotReloaded === true"), "the page was reloaded, not swapped in"
    page.focus("[data-journey-map-overview]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('.journey-map').classList.contains('journey-map--overview')")
    map_into_view(page)
    band = page.evaluate(BAND)
    assert band["scrollWidth"] <= band["clientWidth"], band


def test_without_javascript_the_map_is_the_full_table(browser, wiki_url: str) -> None:
    context = browser.new_context(viewport=WIDTHS["wide"], java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(wiki_url + B2B, wait_until="load")
        assert not page.is_visible("[data-journey-map-tools]")
        assert not page.is_visible("[data-journey-map-overview]")
        steps = page.locator(".journey-map__steps > th:not(.journey-map__corner)").count()
        assert steps >= 14
        # every step's actions are there in full, the map scrolls sideways to them
        scroll = page.evaluate("[document.querySelector('.journey-map__scroll').scrollWidth,"
                               " document.querySelector('.journey-map__scroll').clientWidth]")
        assert scroll[0] > scroll[1]
    finally:
        context.close()


# -- 3. every card under its own step ----------------------------------------------------------

UNDER_THEIR_STEP = """() => {
    const findings = [];
    let cards = 0;
    for (const card of document.querySelectorAll('.journeys-opportunity-card')) {
        cards += 1;
        const header = card.dataset.step ? document.getElementById('jm-step-' + card.dataset.step)
                                         : document.getElementById('jm-stage-' + card.dataset.stage);
        const c = card.getBoundingClientRect(), h = header.getBoundingClientRect();
        const overlap = Math.min(c.right, h.right) - Math.max(c.left, h.left);
        if (overlap < Math.min(c.width, h.width) * 0.9) {
            findings.push(card.textContent.trim().slice(0, 40) + ': card x ' + Math.round(c.left) + '-' +
                Math.round(c.right) + ', its header x ' + Math.round(h.left) + '-' + Math.round(h.right));
        }
        // and under no other step: a step's card stays inside its step's column
        if (card.dataset.step && (c.left < h.left - 1 || c.right > h.right + 1)) {
            findings.push(card.textContent.trim().slice(0, 40) + ' reaches beyond its step');
        }
    }
    return {cards, findings};
}"""


@pytest.mark.parametrize("journey", SAMPLE_JOURNEYS)
def test_every_opportunity_card_lies_under_its_own_step(view_page, journey: str) -> None:
    """In the detailed map as the page opens, then in the overview (the pages other tests
    measure too: measuring changes nothing in the page)."""
    for mode in ("detail", "overview"):
        page = view_page(f"journeys/{journey}/", overview=mode == "overview")
        result = page.evaluate(UNDER_THEIR_STEP)
        assert result["findings"] == [], f"{journey} ({mode}):\n" + "\n".join(result["findings"])
        if journey == "camping-trip":
            assert result["cards"] >= 5, mode


# -- 4. curves a person can read ---------------------------------------------------------------

TIES = """() => {
    // every pair of markers of one cell that show the same value (the values under the curve
    // are in the markers' order)
    const pairs = [];
    for (const cell of document.querySelectorAll('.journey-map__lane--emotion > td')) {
        const uses = [...cell.querySelectorAll('td > [aria-hidden] > svg + svg > use')];
        // each value as a screen reader hears it, after the values shown:
        // "Li Wei: -1 (Negative); Mei: +2 (Very positive)"
        const heard = cell.querySelector('td > [aria-hidden] + .journeys-sr-only');
        const values = (heard ? heard.textContent.split('; ') : []).map(said =>
            said.replace(/\\s+/g, ' ').match(/[-+]?\\d+(\\.\\d+)?(?=\\s*\\()/)[0]);
        for (let i = 0; i < uses.length; i++) for (let j = i + 1; j < uses.length; j++) {
            if (Number(values[i]) !== Number(values[j])) continue;
            const a = uses[i].getBoundingClientRect(), b = uses[j].getBoundingClientRect();
            pairs.push({value: values[i],
                        distance: Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2),
                        shapes: [uses[i].getAttribute('xlink:href'), uses[j].getAttribute('xlink:href')]});
        }
    }
    return pairs;
}"""


@pytest.mark.parametrize("mode", ["detail", "overview"])
def test_equal_values_draw_points_apart_and_differently_shaped(view_page, mode: str) -> None:
    page = view_page(B2B, overview=mode == "overview")
    pairs = page.evaluate(TIES)
    assert pairs, "the B2B map has steps where two personas feel the same"
    for pair in pairs:
        assert pair["distance"] >= 4 or pair["shapes"][0] != pair["shapes"][1], pair
        assert pair["shapes"][0] != pair["shapes"][1], pair


def test_b2b_awareness_shows_only_the_persona_who_acts(view_page) -> None:
    page = view_page(B2B)
    counts = page.evaluate("""() => [...document.querySelectorAll('.journey-map__lane--emotion > td')].slice(0, 2)
        .map(td => td.querySelectorAll('td > [aria-hidden] > svg + svg > use').length)""")
    assert counts == [1, 1]


def png_pixels(data: bytes) -> tuple[int, int, list[list[tuple[int, ...]]]]:
    """A PNG (8-bit RGB or RGBA, as Chromium writes screenshots) as rows of pixels."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, idat, width = 8, b"", 0
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    raw, stride, rows, previous = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, up_left = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - up_left
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - up_left), 2, up_left))
                line[i] = (line[i] + near[2]) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


MARKER_SPOTS = """() => {
    // the middle of each point on the curves and of each marker before a value under them,
    // with its series' colour as the stylesheet defines it
    const colour = (n) => getComputedStyle(document.querySelector('.journeys')).getPropertyValue('--journeys-series-' + n).trim();
    const spots = [];
    for (const use of document.querySelectorAll('.journey-map__lane--emotion td > [aria-hidden] > svg + svg > use')) {
        const r = use.getBoundingClientRect();
        spots.push({what: 'point', x: r.left + r.width / 2, y: r.top + r.height / 2,
                    colour: colour(use.getAttribute('xlink:href').slice(-1))});
    }
    for (const value of document.querySelectorAll('.journey-map__lane--emotion td > [aria-hidden] > b[class*="journeys-text--"]')) {
        const r = value.getBoundingClientRect();
        const size = parseFloat(getComputedStyle(value, '::before').width);
        spots.push({what: 'value marker', x: r.left + size / 2, y: r.top + r.height / 2,
                    colour: colour(value.className.match(/journeys-text--(\\d)/)[1])});
    }
    return spots.filter(s => s.x > 150 && s.x < window.innerWidth - 2 && s.y > 2 && s.y < window.innerHeight - 2);
}"""


@pytest.mark.parametrize("palette", PALETTES)
def test_points_and_value_markers_are_painted_in_their_series_colour(view_page, palette: str) -> None:
    """What is painted, read back from the screen: a marker defined once and drawn with
    <use>, or a value's marker painted through a mask, must show its persona's colour."""
    page = view_page(B2B, palette=palette)
    page.evaluate("""() => { const row = document.querySelector('.journey-map__lane--emotion');
        window.scrollTo(0, row.getBoundingClientRect().top + window.scrollY - 100); }""")
    spots = page.evaluate(MARKER_SPOTS)
    assert {s["what"] for s in spots} == {"point", "value marker"}, spots
    # the window's band that holds the spots: decoding the whole window in Python took seconds
    top = max(0, math.floor(min(s["y"] for s in spots)) - 2)
    bottom = min(page.viewport_size["height"], math.ceil(max(s["y"] for s in spots)) + 3)
    band = {"x": 0, "y": top, "width": page.viewport_size["width"], "height": bottom - top}
    width, height, rows = png_pixels(page.screenshot(clip=band, animations="disabled"))
    ratio = width / page.viewport_size["width"]
    for spot in spots:
        wanted = tuple(int(spot["colour"][i:i + 2], 16) for i in (1, 3, 5))
        shown = rows[round((spot["y"] - top) * ratio)][round(spot["x"] * ratio)]
        assert max(abs(a - b) for a, b in zip(shown, wanted)) <= 24, f"{palette}: {spot} shows {shown}"


SCALE = """() => {
    const row = document.querySelector('.journey-map__lane--emotion');
    const ticks = {};
    for (const tick of row.querySelectorAll('.journeys-scale__tick')) {
        const r = tick.getBoundingClientRect();
        ticks[tick.dataset.label] = {y: r.top + r.height / 2, visible: r.height > 4 && getComputedStyle(tick, '::before').content !== 'none'};
    }
    const words = [...row.querySelectorAll('.journeys-scale__word')].map(w => ({
        text: getComputedStyle(w, '::before').content.replace(/^"|"$/g, ''), height: w.getBoundingClientRect().height}));
    const points = [];
    for (const cell of row.querySelectorAll('.journey-map__lane--emotion > td')) {
        const uses = [...cell.querySelectorAll('td > [aria-hidden] > svg + svg > use')];
        const heard = cell.querySelector('td > [aria-hidden] + .journeys-sr-only');
        const values = heard ? heard.textContent.split('; ') : [];  // as read aloud, in the markers' order
        uses.forEach((use, i) => {
            const r = use.getBoundingClientRect();
            const text = values[i].replace(/\\s+/g, ' ');
            // format 2 allows fractions (-1.5): the whole signed number before the word
            points.push({value: text.match(/[-+]?\\d+(?:\\.\\d+)?(?=\\s*\\()/)[0], y: r.top + r.height / 2});
        });
    }
    const sizes = [...row.querySelectorAll('td > [aria-hidden] > b')].map(v => parseFloat(getComputedStyle(v).fontSize));
    // the ticks are drawn (generated content), so the text probes do not see them: they must
    // not cover the label's own text (its name, the legend, the extremes' words)
    const label = row.querySelector('th');
    const texts = [];
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || node.parentElement.closest('.journeys-sr-only')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) texts.push({text: node.textContent.trim(), r});
    }
    for (const word of label.querySelectorAll('.journeys-scale__word')) texts.push({text: 'word', r: word.getBoundingClientRect()});
    const covered = [];
    for (const tick of label.querySelectorAll('.journeys-scale__tick')) {
        const t = tick.getBoundingClientRect();
        for (const {text, r} of texts) {
            const dx = Math.min(t.right, r.right) - Math.max(t.left, r.left);
            const dy = Math.min(t.bottom, r.bottom) - Math.max(t.top, r.top);
            if (dx > 1 && dy > 1) covered.push(tick.dataset.label + ' covers ' + text);
        }
    }
    return {ticks, words, points, sizes, covered};
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("journey, extremes", [("b2b", ["Very positive", "Very negative"]),
                                               ("camping", ["非常积极", "非常消极"]),
                                               ("malay", ["Sangat positif", "Sangat negatif"])])
def test_the_scale_is_visible_in_the_pages_language_and_matches_the_points(view_page, journey, extremes,
                                                                           width) -> None:
    page = view_page(JOURNEYS[journey], width=width)
    scale = page.evaluate(SCALE)
    assert scale["covered"] == [], scale["covered"]
    assert sorted(scale["ticks"]) == sorted(["+2", "+1", "0", "-1", "-2"])
    assert all(t["visible"] for t in scale["ticks"].values()), scale["ticks"]
    assert [w["text"] for w in scale["words"]] == extremes and all(w["height"] > 8 for w in scale["words"])
    # each point sits at its value's tick (give or take the few pixels a series is offset)
    assert scale["points"]
    # a fraction sits between its neighbouring ticks, at its share of the way
    tick_y = {int(label): tick["y"] for label, tick in scale["ticks"].items()}
    for point in scale["points"]:
        value = float(point["value"])
        assert -2 <= value <= 2, point
        low, high = math.floor(value), math.ceil(value)
        expected = tick_y[low] + (value - low) * (tick_y[high] - tick_y[low])
        assert abs(point["y"] - expected) <= 10, (point, expected)
    if journey == "camping":
        assert any(float(point["value"]) % 1 for point in scale["points"]), scale["points"]  # its -1.5 is among them
    assert min(scale["sizes"]) >= 14, scale["sizes"]


# -- 7. pages that answer their reader's question first -----------------------------------------


@pytest.mark.parametrize("path", [DEPARTMENT, INDEX])
def test_status_and_due_date_stay_in_view_on_a_phone(view_page, path: str) -> None:
    page = view_page(path, width="phone")
    result = page.evaluate("""() => {
        const out = [];
        for (const row of document.querySelectorAll('.journeys-table tbody tr')) {
            if (row.hidden) continue;
            const due = row.querySelector('.journeys-table__due');
            // the status: a cell of the index; on a department page, the heading over the table
            const status = row.querySelector('.journeys-table__status') ||
                row.closest('.journeys-table-wrap').previousElementSibling.querySelector('.journeys-status');
            for (const [name, element] of [['due', due], ['status', status]]) {
                const r = element.getBoundingClientRect();
                out.push({name, text: row.cells[0].textContent.trim().slice(0, 30), right: r.right, left: r.left});
            }
        }
        return {out, width: window.innerWidth};
    }""")
    assert result["out"]
    outside = [o for o in result["out"] if o["right"] > result["width"] or o["left"] < 0]
    assert outside == [], f"{path}: not in view at 390 px without scrolling sideways: {outside}"


def test_index_overdue_only_filter(open_page) -> None:
    page = open_page(INDEX)
    page.wait_for_selector("[data-journeys-filters]:not([hidden])")
    total = page.locator(".journeys-index__row").count()
    page.check("[data-filter-overdue]")
    shown = page.evaluate("""() => [...document.querySelectorAll('.journeys-index__row')].filter(r => !r.hidden)
        .map(r => r.classList.contains('journeys-row--overdue'))""")
    assert shown and all(shown) and len(shown) < total
    cards = page.evaluate("""() => [...document.querySelectorAll('.journeys-board__card')].filter(c => !c.hidden)
        .map(c => c.classList.contains('journeys-row--overdue'))""")
    assert cards and all(cards)
    assert "overdue=1" in page.url
    page.uncheck("[data-filter-overdue]")
    assert page.evaluate("[...document.querySelectorAll('.journeys-index__row')].filter(r => !r.hidden).length") == total


@pytest.mark.parametrize("journey", JOURNEYS)
def test_printed_map_never_breaks_a_word(printed_page, journey: str) -> None:
    # A4 landscape less the margins, print media, the probes added: as in test_print
    page = printed_page(JOURNEYS[journey])
    broken = page.evaluate("journeysProbes.brokenWords('.journey-map__table')")
    assert broken == [], f"{journey}, printed:\n" + "\n".join(broken[:20])
    # the scale's ticks stay in the emotion lane's label cell on paper too
    stray = page.evaluate("""() => {
        const label = document.querySelector('.journey-map__lane--emotion th').getBoundingClientRect();
        return [...document.querySelectorAll('.journeys-scale__tick')].map(t => t.getBoundingClientRect())
            .filter(r => r.top < label.top || r.bottom > label.bottom || r.left < label.left || r.right > label.right)
            .map(r => [r.left, r.top]);
    }""")
    assert stray == [], f"{journey}, printed: scale ticks outside their cell at {stray}"


def search(page, query: str) -> list[str]:
    search_for(page, query)
    return page.evaluate("[...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href)")


# words of the map's header and of its pain points (both indexed): Chinese words that only
# jieba's segmentation makes findable, Malay ones that English's tokenizer finds
@pytest.mark.parametrize("query, found", [("露营", "camping-trip"), ("营地", "camping-trip"),
                                          ("pendaratan", "pembelian-dalam-talian"), ("baucar", "pembelian-dalam-talian")])
def test_search_finds_chinese_and_malay(search_page, query: str, found: str) -> None:
    page = search_page()
    hrefs = search(page, query)
    assert any(found in href for href in hrefs), (query, hrefs)


# -- axe in the overview ------------------------------------------------------------------------


@pytest.mark.parametrize("palette", PALETTES)
def test_overview_has_no_serious_axe_violations(view_page, axe_source: str, palette: str) -> None:
    page = view_page(B2B, palette=palette, overview=True)
    ours = run_axe_but_the_themes(page, axe_source)
    assert ours == [], "\n".join(f"{v['rule']}: {v['where']} {v['why']}" for v in ours)
