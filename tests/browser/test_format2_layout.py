"""Format 2 on the sample wiki, measured in Chromium: storyboard pictures fit their column
without being stretched, the feeling word stands at its curve point, per-persona texts are
labelled in view, and the new lanes keep the map free of colliding text."""

from __future__ import annotations

import pytest

from .conftest import WIDTHS

CAMPING = "journeys/camping-trip/"
FUTURE = "journeys/camping-trip-future/"
B2B = "journeys/b2b-key-account/"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [CAMPING, FUTURE, "journeys/camping-find-the-site/"])
def test_storyboard_pictures_fit_their_column_and_keep_their_proportions(open_page, path, width):
    page = open_page(path, width=width)
    overlaps = page.evaluate("journeysProbes.textOverlaps('.journey-map__table')")  # before any scrolling
    assert overlaps == [], f"{path} at {width}: text collides:\n" + "\n".join(overlaps)
    pictures = page.evaluate("""() => Promise.all([...document.querySelectorAll(
        '.journey-map__lane--storyboard img')].map(async img => {
            img.loading = 'eager'; img.scrollIntoView(); await img.decode();
            const box = img.getBoundingClientRect(), cell = img.closest('td').getBoundingClientRect();
            return {src: img.getAttribute('src'), width: box.width, height: box.height,
                    natural: img.naturalWidth / img.naturalHeight, cellLeft: cell.left, cellRight: cell.right,
                    left: box.left, right: box.right};
        }))""")
    assert pictures, f"{path}: no storyboard picture"
    for picture in pictures:
        assert picture["width"] > 40, picture
        assert picture["cellLeft"] - 0.5 <= picture["left"] and picture["right"] <= picture["cellRight"] + 0.5, (
            f"{path} at {width}: {picture['src']} runs out of its column")
        ratio = picture["width"] / picture["height"]
        assert abs(ratio - picture["natural"]) / picture["natural"] < 0.03, (
            f"{path} at {width}: {picture['src']} stretched ({ratio:.2f} drawn, {picture['natural']:.2f} natural)")


def test_feeling_words_sit_just_above_their_point(view_page):
    page = view_page(CAMPING)
    found = page.evaluate("""() => [...document.querySelectorAll('.journeys-emotion__feeling--at-point')].map(word => {
        const cell = word.closest('td');
        // the points are <use> markers in their own SVG; the word stands over the highest
        word.scrollIntoView({block: 'center', inline: 'center'});
        const points = [...cell.querySelectorAll('td > [aria-hidden] > svg + svg > use')].map(use => use.getBoundingClientRect());
        const p = points.reduce((a, b) => (b.top < a.top ? b : a));
        const w = word.getBoundingClientRect();
        return {text: word.textContent, wordBottom: w.bottom, wordLeft: w.left, wordRight: w.right,
                pointTop: p.top, pointX: (p.left + p.right) / 2, points: points.length,
                valuesTop: Math.min(...[...cell.querySelectorAll('td > [aria-hidden] > b')].map(b => b.getBoundingClientRect().top))};
    })""")
    assert len(found) >= 5
    assert any(word["points"] > 1 for word in found)  # a step with two personas' points is among them
    for word in found:
        assert word["wordLeft"] <= word["pointX"] <= word["wordRight"], word  # centred over the point
        assert 0 <= word["pointTop"] - word["wordBottom"] + 8 <= 24, word  # just above it
        assert word["wordBottom"] <= word["valuesTop"], word  # not sunk into the values under the curve


def test_each_role_text_is_labelled_with_a_visible_name_in_its_curve_colour(view_page):
    page = view_page(B2B)
    labels = page.evaluate("""() => [...document.querySelectorAll('.journey-map__lane--actions .journeys-persona-text')]
        .map(item => {
            const who = item.querySelector('.journeys-persona-text__who');
            const box = who.getBoundingClientRect();
            return {name: who.textContent, colour: getComputedStyle(who).color,
                    bar: getComputedStyle(item).borderLeftColor, width: box.width, height: box.height};
        })""")
    assert len(labels) >= 6
    colours = {}
    for label in labels:
        assert label["width"] > 10 and label["height"] > 8, label  # the name is shown, not only a colour
        assert label["colour"] == label["bar"], label
        colours.setdefault(label["name"], set()).add(label["colour"])
    assert all(len(found) == 1 for found in colours.values()), colours  # one colour per role
    assert len({next(iter(found)) for found in colours.values()}) == len(colours)  # a different one each
