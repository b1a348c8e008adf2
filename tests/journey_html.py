"""Reading rendered journey maps back out of built HTML, for the tests.

Only structural conventions the issue names are relied on: the summary block
(section.journey-summary), stage headers th[scope=colgroup] with a colspan, step headers
th[scope=col], lane rows with a th[scope=row] (identified by the `journey-map__lane--<lane>`
class, the lane names of the `lanes` option), the problem panel div.journeys-problems.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Tag

LANE_CLASS_RE = re.compile(r"^journey-map__lane--(.+)$")


def map_table(content: Tag) -> Tag | None:
    return content.select_one("table.journey-map__table")


def stage_headers(table: Tag) -> list[Tag]:
    return table.select("thead th[scope=colgroup]")


def step_headers(table: Tag, count: int) -> list[Tag]:
    """The step headers: th[scope=col] of the head's last row (a corner cell may lead)."""
    headers = table.select("thead tr")[-1].select("th[scope=col]")
    assert len(headers) in (count, count + 1), [h.get_text(" ", strip=True) for h in headers]
    return headers[-count:]


def lane_rows(table: Tag) -> list[tuple[str, Tag]]:
    """The body rows in order, each with its lane name."""
    rows = []
    for row in table.select("tbody > tr"):
        assert row.find("th", attrs={"scope": "row"}) is not None, row
        lane = next((m.group(1) for cls in row.get("class", []) if (m := LANE_CLASS_RE.match(cls))), None)
        rows.append((lane, row))
    return rows


def lane_names(table: Tag) -> list[str]:
    return [lane for lane, _ in lane_rows(table)]


def lane_row(table: Tag, lane: str) -> Tag:
    found = [row for name, row in lane_rows(table) if name == lane]
    assert len(found) == 1, f"lane {lane!r}: {len(found)} rows"
    return found[0]


def column_cells(row: Tag, columns: int) -> list[Tag]:
    """The data cell that covers each step column (a cell with colspan covers several)."""
    cells: list[Tag] = []
    for cell in row.find_all("td", recursive=False):
        cells.extend([cell] * int(cell.get("colspan", 1)))
    assert len(cells) == columns, f"{len(cells)} columns covered, expected {columns}"
    return cells


def cell_items(cell: Tag) -> list[Tag]:
    """A cell's items: its list's (not those of a list inside an item), or the one
    paragraph a cell of one item holds (a list of one would be two elements)."""
    items = [li for li in cell.find_all("li") if li.find_parent("li") is None]
    return items or cell.find_all("p", recursive=False)


def item_texts(cell: Tag) -> list[str]:
    return [item.get_text(" ", strip=True) for item in cell_items(cell)]


def visible_text(tag: Tag) -> str:
    """A tag's text as the eye reads it: without the texts only screen readers get."""
    copy = BeautifulSoup(str(tag), "html.parser")
    for hidden in copy.select(".journeys-sr-only"):
        hidden.decompose()
    return text_of(copy)


_ICON_DEFINITION_RE = re.compile(r"(--ji\d+):\s*url\('data:image/svg\+xml,([^']*)'\)")
_ICON_USE_RE = re.compile(r"--journeys-icon:\s*var\((--ji\d+)\)")


def icon_svg(element: Tag) -> str | None:
    """The SVG of the icon the stylesheet draws before an element's text: the element names
    a variable (style="--journeys-icon:var(--ji0)") that the map's outermost element defines
    as the icon's data URI."""
    match = _ICON_USE_RE.search(element.get("style", ""))
    root = element.find_parent("div", class_="journey")
    if match is None or root is None:
        return None
    definitions = {name: unquote(data) for name, data in _ICON_DEFINITION_RE.findall(root.get("style", ""))}
    return definitions.get(match.group(1))


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


# The parts of an emotion cell and of a step header, named by their place: the map writes
# no class on each (the lane or the row says what they are). For select() on a cell or a
# header; the browser tests use the same selectors from the row (EMOTION_IN_ROW).
EMOTION_DRAWING = ":scope > [aria-hidden]"  # the box hidden from screen readers
EMOTION_CURVE = EMOTION_DRAWING + " > svg:first-child"  # the curve, stretched with the cell
EMOTION_MARKERS = EMOTION_DRAWING + " > svg + svg > use"  # the points' markers
EMOTION_VALUES = EMOTION_DRAWING + " > b"  # the values shown to the eye
EMOTION_SPOKEN = EMOTION_DRAWING + " + .journeys-sr-only"  # what a screen reader hears
EMOTION_IN_ROW = ".journey-map__lane--emotion td > [aria-hidden]"
STEP_HEADERS = ".journey-map__steps > th:not(.journey-map__corner)"
TOUCHPOINT_DETAILS_SEPARATOR = " \u00b7 "


def step_name(header: Tag) -> str:
    """A step header's name: its first element (<b>), before the links, badges and chips."""
    name = header.find(True, recursive=False)
    assert name is not None and name.name == "b", header
    return text_of(name)


def touchpoint_name(item: Tag) -> str:
    """A touchpoint's name: the item's own text (the channel and kind are in its <small>)."""
    return " ".join(" ".join(part.split()) for part in item.find_all(string=True, recursive=False)
                    if part.strip())


def touchpoint_details(item: Tag) -> list[str]:
    """A touchpoint's channel and kind as shown, in that order (each only where given), without
    the key mark."""
    small = item.find("small", recursive=False)
    if small is None:
        return []
    text = "".join(small.find_all(string=True, recursive=False))
    return [part.strip() for part in text.split(TOUCHPOINT_DETAILS_SEPARATOR) if part.strip()]


_POINT_RE = re.compile(r"[ML]\s*50(?:\.0+)?[ ,]+(-?\d+(?:\.\d+)?)")


def series_class(tag: Tag) -> str:
    classes = [cls for cls in tag.get("class", []) if re.match(r"^journeys-series--\d+$", cls)]
    assert len(classes) == 1, tag
    return classes[0]


def emotion_points(cell: Tag) -> dict[str, float]:
    """The y of each series' point at the middle of the cell (x 50 of a 0..100 viewBox)."""
    points: dict[str, float] = {}
    for path in cell.select("svg path"):
        match = _POINT_RE.search(path.get("d", ""))
        if match is None:
            continue
        name = series_class(path)
        y = float(match.group(1))
        assert points.get(name, y) == y, f"series {name} has two points in one cell"
        points[name] = y
    return points


def resolve_href(built: Any, src_path: str, href: str) -> Path | None:
    """The built file a relative link from a page points to (None for absolute URLs)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    page_file = built.output_path(src_path)
    target = (page_file.parent / unquote(parts.path)).resolve()
    if href.endswith("/") or parts.path == "" or target.is_dir():
        target = target / "index.html"
    return target


def assert_link_to_page(built: Any, from_src: str, anchor: Tag, to_src: str) -> None:
    """The link resolves to the built page of `to_src`."""
    assert anchor is not None and anchor.name == "a", anchor
    target = resolve_href(built, from_src, anchor["href"])
    assert target is not None, anchor["href"]
    assert target.is_file(), f"{anchor['href']} -> {target} does not exist"
    assert target == built.output_path(to_src).resolve(), (anchor["href"], target)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under a folder with the hash of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")
