"""Prioritisation and opportunities across journeys (issue 14), read from real builds: the value
x effort matrix on the index and department pages places each open opportunity with both
scores in the right quadrant and links it; the sort by value/effort has its data; an
opportunity placed in several journeys is listed once, with every place, and marked on
each journey's map."""

from __future__ import annotations

import pytest

from conftest import build_site, page

# (title, value, effort, status, owner); the quadrant is worked out by the test's own rule:
# a score of 3 or more is high value / large effort.
SCORED = [
    ("Signs at the turn-off", 5, 1, "plan", "ops"),
    ("New booking system", 5, 5, "do", "it"),
    ("Nicer napkins", 1, 1, "plan", "ops"),
    ("Rebuild the lake", 1, 5, "check", "ops"),
    ("Middling idea", 3, 3, "act", "it"),
    ("Small fix", 2, 2, "plan", "ops"),
    ("Also small fix", 2, 2, "plan", "ops"),
    ("Already done", 5, 1, "done", "ops"),
]
UNSCORED = [("No effort given", 4, None), ("No scores", None, None)]


def expected_quadrant(value: int, effort: int) -> str:
    high_value, large_effort = value >= 3, effort >= 3
    return {(True, False): "quick_wins", (True, True): "big_bets",
            (False, False): "fill_ins", (False, True): "reconsider"}[(high_value, large_effort)]


def opportunity(title, value, effort, status="plan", owner="ops", at="s/a"):
    item = {"title": title, "at": at, "status": status, "owner": owner}
    if value is not None:
        item["value"] = value
    if effort is not None:
        item["effort"] = effort
    return item


def stages():
    return [{"name": "S", "id": "s", "steps": [{"name": "A", "id": "a"}, {"name": "B", "id": "b"}]}]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    first = {"stages": stages(), "opportunities": [opportunity(*item) for item in SCORED]
             + [opportunity(title, value, effort) for title, value, effort in UNSCORED]
             + [opportunity("Shared signage", 4, 2, at=["s/a", "journeys/second.md#s/b"])]}
    second = {"stages": stages(), "opportunities": [opportunity("Second's own", 2, 4, owner="it")]}
    return build_site(tmp_path_factory.mktemp("matrix"), {
        "journeys/first.md": page({"title": "First", "journey": first}),
        "journeys/second.md": page({"title": "Second", "journey": second}),
        "departments/ops.md": page({"department": {"name": "Operations"}}),
        "departments/it.md": page({"department": {"name": "IT"}}),
    }, strict=True)


def points(content) -> dict[str, dict]:
    """Opportunity id -> its point: the quadrant it says, where it is drawn, its link and label."""
    found = {}
    for link in content.select("svg.journeys-matrix__svg a.journeys-matrix__point"):
        found[link["data-opportunity"]] = {
            "quadrant": link["data-quadrant"],
            "x": float(link.circle["cx"]), "y": float(link.circle["cy"]),
            "href": link["xlink:href"], "label": link.select_one("text").get_text(), "title": link.title.get_text(),
        }
    return found


def quadrant_boxes(content) -> dict[str, tuple[float, float, float, float]]:
    boxes = {}
    for rect in content.select("rect.journeys-matrix__quadrant"):
        name = rect["class"][-1].removeprefix("journeys-matrix__quadrant--")
        x, y, w, h = (float(rect[key]) for key in ("x", "y", "width", "height"))
        boxes[name] = (x, y, x + w, y + h)
    return boxes


def slug(title: str) -> str:
    return title.lower().replace(" ", "-").replace("'", "")


def test_index_matrix_places_each_open_scored_opportunity_in_its_quadrant(built) -> None:
    assert not built.aborted, built.warnings
    content = built.content("opportunities/index.md")
    found = points(content)
    wanted = [(t, v, e) for t, v, e, status, _ in SCORED if status != "done"] + [("Shared signage", 4, 2),
                                                                                  ("Second's own", 2, 4)]
    assert set(found) == {slug(title) for title, _, _ in wanted}
    boxes = quadrant_boxes(content)
    assert set(boxes) == {"quick_wins", "big_bets", "fill_ins", "reconsider"}
    # the quadrants tile the plot: quick wins top left, big bets top right
    assert boxes["quick_wins"][2] == boxes["big_bets"][0] and boxes["quick_wins"][3] == boxes["fill_ins"][1]
    for title, value, effort in wanted:
        point = found[slug(title)]
        quadrant = expected_quadrant(value, effort)
        assert point["quadrant"] == quadrant, title
        left, top, right, bottom = boxes[quadrant]
        assert left < point["x"] < right and top < point["y"] < bottom, (title, point, boxes[quadrant])
        # each point links the opportunity's row and says what it is
        assert point["href"] in (f"#{slug(title)}", f"./#{slug(title)}")  # this page's row
        assert content.find(id=slug(title)) is not None
        assert title in point["title"] and f"Value {value}" in point["title"] and f"Effort {effort}" in point["title"]
    # higher value is drawn higher, larger effort further right
    assert found["signs-at-the-turn-off"]["y"] < found["nicer-napkins"]["y"]
    assert found["signs-at-the-turn-off"]["x"] < found["new-booking-system"]["x"]


def test_points_sharing_a_cell_do_not_hide_each_other(built) -> None:
    found = points(built.content("opportunities/index.md"))
    one, two = found["small-fix"], found["also-small-fix"]
    assert ((one["x"] - two["x"]) ** 2 + (one["y"] - two["y"]) ** 2) ** 0.5 >= 18  # circles of radius 9


def test_the_list_under_the_matrix_names_every_point_by_quadrant(built) -> None:
    content = built.content("opportunities/index.md")
    found = points(content)
    for group in content.select(".journeys-matrix__group"):
        quadrant = group["class"][-1].removeprefix("journeys-matrix__group--")
        heading = group.select_one(".journeys-matrix__group-title").get_text(strip=True)
        assert heading == {"quick_wins": "Quick wins", "big_bets": "Big bets", "fill_ins": "Fill-ins",
                           "reconsider": "Reconsider"}[quadrant]
        for item in group.select("li"):
            point = found[item["data-opportunity"]]
            assert point["quadrant"] == quadrant
            assert item["value"] == point["label"]  # the list's number is the point's label
    listed = [li["data-opportunity"] for li in content.select(".journeys-matrix__group li")]
    assert sorted(listed) == sorted(found)


def test_sort_by_value_for_effort_has_its_data(built) -> None:
    content = built.content("opportunities/index.md")
    assert content.select_one('select[data-sort] option[value="value-effort"]') is not None
    rows = {row["id"]: row for row in content.select("tr.journeys-index__row")}
    assert rows["signs-at-the-turn-off"]["data-value-effort"] == "5.000"
    assert rows["rebuild-the-lake"]["data-value-effort"] == "0.200"
    assert rows["no-effort-given"]["data-value-effort"] == ""


def test_department_pages_show_the_matrix_of_their_own_opportunities(built) -> None:
    for department, owner in (("departments/ops.md", "ops"), ("departments/it.md", "it")):
        found = points(built.content(department))
        mine = {slug(t) for t, v, e, status, o in SCORED if o == owner and status != "done"}
        mine |= {"shared-signage"} if owner == "ops" else {"second's-own".replace("'", "")}
        assert set(found) == mine, department
        for point in found.values():
            assert point["href"].startswith("../../opportunities/#")


def test_labels_follow_the_pages_language(tmp_path) -> None:
    journey = {"stages": stages(), "opportunities": [opportunity("Schild", 5, 1)]}
    built = build_site(tmp_path, {"journeys/x.md": page({"journey": journey})},
                       config={"theme": {"name": "material", "language": "de"}})
    content = built.content("opportunities/index.md")
    names = [text.get_text() for text in content.select("text.journeys-matrix__name")]
    assert names == ["Quick Wins", "Große Wetten", "Lückenfüller", "Überdenken"]
    assert content.select_one("#journeys-matrix-title").get_text() == "Nutzen und Aufwand"


def test_no_scored_opportunity_says_so(tmp_path) -> None:
    journey = {"stages": stages(), "opportunities": [opportunity("Unscored", None, None)]}
    built = build_site(tmp_path, {"journeys/x.md": page({"journey": journey})})
    matrix = built.content("opportunities/index.md").select_one(".journeys-matrix")
    assert matrix.select_one("svg") is None
    assert "No open opportunity has both a value and an effort score yet." in matrix.get_text()


# -- an opportunity placed in several journeys ---------------------------------------------

def test_a_shared_opportunity_is_listed_once_with_every_place(built) -> None:
    content = built.content("opportunities/index.md")
    rows = content.select("tr#shared-signage")
    assert len(rows) == 1
    place_links = rows[0].select("td a[href*='#jm-']")  # the place cell (the columns' order is the table's)
    places = [a.get_text(strip=True) for a in place_links]
    assert places == ["S › A", "Second: S › B"]
    hrefs = [a["href"] for a in place_links]
    assert hrefs == ["../journeys/first/#jm-step-a", "../journeys/second/#jm-step-b"]
    department = built.content("departments/ops.md")
    cells = [row for row in department.select("tr") if "Shared signage" in row.get_text()]
    assert len(cells) == 1
    assert [a.get_text(strip=True) for a in cells[0].select("td a[href*='#jm-']")] == ["S › A", "Second: S › B"]


@pytest.mark.parametrize("journey", ["journeys/first.md", "journeys/second.md"])
def test_each_journeys_map_marks_the_shared_opportunity(built, journey: str) -> None:
    lane = built.content(journey).select_one(".journey-map__lane--opportunities")
    shared = [item for item in lane.select(".journeys-opportunity") if "Shared signage" in item.get_text()]
    assert len(shared) == 1
    assert shared[0].select_one(".journeys-badge--spans").get_text(strip=True) == "spans journeys"
    others = [item for item in lane.select(".journeys-opportunity") if "Shared signage" not in item.get_text()]
    assert others and not any(item.select_one(".journeys-badge--spans") for item in others)
