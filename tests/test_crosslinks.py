"""Issue 3: persona, department and opportunity pages, and the links between them.

Every test builds a real site with MkDocs and reads the HTML it wrote. Expected values
come from the front matter written here (the small wiki below), never from the program's output.
The wiki and the helpers that read it (wiki_pages, resolve, check_links, ...) live in
support/crosslink_wiki.py, shared with the other test files of this issue.
"""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from bs4 import Tag

from support.building import Built, page
from support.crosslink_wiki import (
    TODAY,
    STATUSES,
    DEPARTMENTS,
    PERSONAS,
    JOURNEYS,
    wiki_pages,
    opportunities_of,
    place_names,
    is_overdue,
    build_wiki,
    resolve,
    element_by_id,
    check_links,
    link_targets,
    out,
    index_src,
    text_of,
)

ALL_PAGES_WITH_LINKS = [
    *JOURNEYS,
    *(p["path"] for p in PERSONAS.values()),
    *(d["path"] for d in DEPARTMENTS.values()),
    index_src(),
]


# -- tests ----------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def wiki(request, tmp_path_factory) -> Built:
    root = tmp_path_factory.mktemp("wiki")
    return build_wiki(root, use_directory_urls=request.param, strict=True,
                      plugin_config={"today": TODAY.isoformat()})


def test_the_wiki_builds_strict_with_overdue_and_stale_items(wiki):
    # overdue opportunities and stale journeys are marks, not warnings
    assert any(is_overdue(o) for o in opportunities_of())
    assert not wiki.aborted, wiki.warnings
    assert wiki.warnings == []


def test_every_cross_link_resolves_to_a_built_file_and_anchor(wiki):
    checked = check_links(wiki, ALL_PAGES_WITH_LINKS)
    # not vacuous: at least the opportunity links of every page were looked at
    assert checked >= 3 * len(opportunities_of())


def test_map_opportunity_lane_links_to_the_index_row(wiki):
    index = out(wiki, index_src())
    for item in opportunities_of():
        links = [(anchor, a) for target, anchor, a in link_targets(wiki, item["journey_path"])
                 if target == index and anchor == item["id"]]
        assert links, f"{item['journey_path']}: no link to the index row of {item['id']!r}"
        assert item["title"] in text_of(links[0][1])
        row = element_by_id(index, item["id"])
        assert row.name == "tr" and item["title"] in text_of(row)


@pytest.mark.parametrize("persona_id", list(PERSONAS))
def test_persona_page_lists_its_journeys_and_their_opportunities(wiki, persona_id):
    src = PERSONAS[persona_id]["path"]
    walks = {path: data for path, data in JOURNEYS.items() if persona_id in data["journey"]["personas"]}
    assert walks and len(walks) < len(JOURNEYS)
    article = wiki.content(src)
    journey_links = {target for target, anchor, _ in link_targets(wiki, src) if not anchor}
    journey_outputs = {out(wiki, path): path for path in JOURNEYS}
    linked_journeys = {journey_outputs[t] for t in journey_links if t in journey_outputs}
    assert linked_journeys == set(walks)
    for path, data in walks.items():
        assert data["title"] in text_of(article)

    # opportunities: exactly those of the persona's journeys, each linked to its index row
    index = out(wiki, index_src())
    expected = {o["id"] for o in opportunities_of() if o["journey_path"] in walks}
    linked = {anchor for target, anchor, _ in link_targets(wiki, src) if target == index}
    assert linked == expected
    titles = {o["title"] for o in opportunities_of() if o["journey_path"] in walks}
    others = {o["title"] for o in opportunities_of() if o["journey_path"] not in walks}
    page_text = text_of(article)
    assert all(title in page_text for title in titles)
    assert not any(title in page_text for title in others)


def _names_in(path: str) -> list[str]:
    data = JOURNEYS[path]["journey"]
    return [n for s in data["stages"] for n in [s["name"], *(st["name"] for st in s["steps"])]]


def _anchored_links_outside_tables(built: Built, src: str) -> set[tuple[Path, str]]:
    """(journey page, stage or step name) of every link to a map header that is not in a table;
    the header the anchor points to must name exactly one stage or step, as the link does."""
    journey_outputs = {out(built, path): path for path in JOURNEYS}
    found = set()
    for target, anchor, a in link_targets(built, src):
        if not anchor or target not in journey_outputs or a.find_parent("table") is not None:
            continue
        header = element_by_id(target, anchor)
        assert header is not None
        names = [n for n in _names_in(journey_outputs[target]) if n in text_of(header)]
        assert len(names) == 1, (anchor, text_of(header))
        assert names[0] in text_of(a), f"link text {text_of(a)!r} does not name {names[0]!r}"
        found.add((target, names[0]))
    return found


@pytest.mark.parametrize("persona_id", list(PERSONAS))
def test_persona_page_links_the_stages_and_steps_where_the_persona_acts(wiki, persona_id):
    src = PERSONAS[persona_id]["path"]
    expected: set[tuple[Path, str]] = set()  # (journey page, name of the stage or step)
    for path, data in JOURNEYS.items():
        for stage in data["journey"]["stages"]:
            if persona_id in stage.get("personas", []):
                expected.add((out(wiki, path), stage["name"]))
            for step in stage["steps"]:
                if persona_id in step.get("personas", []):
                    expected.add((out(wiki, path), step["name"]))
    assert expected
    assert _anchored_links_outside_tables(wiki, src) == expected


def _sparkline_points(svg: Tag) -> list[tuple[float, float]]:
    """The points a persona's curve marks: each a dot, a zero-length line ("M6 20h0") of
    the one path that draws them."""
    dots = svg.select_one("path.journeys-sparkline__points")
    assert dots is not None and not svg.find("circle"), "the points are one path, not an element each"
    return [(float(x), float(y)) for x, y in re.findall(r"M([-\d.]+) ([-\d.]+)h0", dots["d"])]


def _emotions(persona_id: str, data: dict[str, Any]) -> list[int | None]:
    values = []
    for stage in data["journey"]["stages"]:
        for step in stage["steps"]:
            emotion = step.get("emotion")
            values.append(emotion.get(persona_id) if isinstance(emotion, dict) else emotion)
    return values


@pytest.mark.parametrize("persona_id", list(PERSONAS))
def test_persona_page_draws_the_persona_emotion_across_each_journey(wiki, persona_id):
    src = PERSONAS[persona_id]["path"]
    article = wiki.content(src)
    walks = {path: data for path, data in JOURNEYS.items() if persona_id in data["journey"]["personas"]}
    svgs = article.find_all("svg")
    assert len(svgs) == len(walks), "one emotion curve per journey the persona walks"
    journey_outputs = {out(wiki, path): path for path in JOURNEYS}
    drawn = {}
    for svg in svgs:
        # the curve sits with its journey: the nearest plain journey link before it
        link = svg.find_previous("a", href=True)
        while link is not None and resolve(wiki, src, link["href"])[1]:
            link = link.find_previous("a", href=True)
        drawn[journey_outputs[resolve(wiki, src, link["href"])[0].resolve()]] = svg
    assert set(drawn) == set(walks)
    for path, svg in drawn.items():
        data = JOURNEYS[path]
        values = [v for v in _emotions(persona_id, data) if v is not None]
        points = _sparkline_points(svg)
        assert len(points) == len(values)
        xs = [x for x, _ in points]
        assert xs == sorted(xs) and len(set(xs)) == len(xs)
        # higher emotion is drawn higher (smaller y), equal emotions at the same height
        for (_, y1), v1 in zip(points, values):
            for (_, y2), v2 in zip(points, values):
                assert (v1 > v2) == (y1 < y2) and (v1 == v2) == (y1 == y2)
        assert svg.find("path") is not None or svg.find("polyline") is not None


def test_the_two_personas_get_different_curves_in_a_shared_journey(wiki):
    # camping gives per-persona emotions that differ: the curves must differ too
    curves = []
    for persona_id, persona in PERSONAS.items():
        article = wiki.content(persona["path"])
        for svg in article.find_all("svg"):
            link = svg.find_previous("a", href=True)
            if resolve(wiki, persona["path"], link["href"])[0].resolve() == out(wiki, "journeys/camping.md"):
                curves.append([y for _, y in _sparkline_points(svg)])
    assert len(curves) == 2 and curves[0] != curves[1]


def _status_of_heading(heading: Tag) -> str | None:
    """The PDCA status a heading names (its first word: "Plan (2)", "Done 1", ...)."""
    words = text_of(heading).lower().split()
    return words[0] if words and words[0] in STATUSES else None


def _department_rows(built: Built, src: str) -> list[Tag]:
    return [row for row in built.content(src).select("table tbody tr")]


def _first_cell_title(row: Tag) -> str:
    return text_of(row.find("td"))


@pytest.mark.parametrize("department_id", list(DEPARTMENTS))
def test_department_page_lists_exactly_its_own_opportunities(wiki, department_id):
    src = DEPARTMENTS[department_id]["path"]
    own = [o for o in opportunities_of() if o["owner"] == department_id]
    assert own and len(own) < len(opportunities_of())
    rows = _department_rows(wiki, src)
    titles = [_first_cell_title(row) for row in rows]
    assert sorted(titles) == sorted(o["title"] for o in own)
    # each one links to its row in the index
    index = out(wiki, index_src())
    linked = {anchor for target, anchor, _ in link_targets(wiki, src) if target == index}
    assert linked == {o["id"] for o in own}


@pytest.mark.parametrize("department_id", list(DEPARTMENTS))
def test_department_opportunities_are_grouped_by_pdca_status(wiki, department_id):
    src = DEPARTMENTS[department_id]["path"]
    own = [o for o in opportunities_of() if o["owner"] == department_id]
    article = wiki.content(src)
    groups: list[tuple[str, set[str]]] = []
    for table in article.find_all("table"):
        heading = table.find_previous(["h3", "h4"])
        assert heading is not None
        status = _status_of_heading(heading)
        assert status is not None, text_of(heading)
        groups.append((status, {_first_cell_title(r) for r in table.select("tbody tr")}))
    expected = [(s, {o["title"] for o in own if o.get("status", "plan") == s}) for s in STATUSES]
    assert groups == [(s, titles) for s, titles in expected if titles], "in PDCA order, only non-empty groups"


@pytest.mark.parametrize("department_id", list(DEPARTMENTS))
def test_department_opportunity_rows_show_their_follow_up(wiki, department_id):
    src = DEPARTMENTS[department_id]["path"]
    rows = {_first_cell_title(row): row for row in _department_rows(wiki, src)}
    journeys_by_path = JOURNEYS
    for item in (o for o in opportunities_of() if o["owner"] == department_id):
        row = rows[item["title"]]
        text = text_of(row)
        assert item["journey_title"] in text
        stage, step = place_names(journeys_by_path[item["journey_path"]], item.get("at"))
        for name in (stage, step):
            if name:
                assert name in text
        assert item.get("priority", "medium") in text.lower()
        for key in ("kpi", "result"):
            if item.get(key):
                assert item[key] in text
        if item.get("decision"):
            assert item["decision"] in text.lower()
        if item.get("due"):
            assert item["due"] in text
        if item.get("log"):
            last = item["log"][-1]
            assert last["note"] in text and last["date"] in text
            for earlier in item["log"][:-1]:
                assert earlier["note"] not in text, "only the last log entry"
        overdue = is_overdue(item)
        assert ("journeys-row--overdue" in (row.get("class") or [])) == overdue, item["title"]
        assert ("Overdue" in text) == overdue, item["title"]


@pytest.mark.parametrize("department_id", list(DEPARTMENTS))
def test_department_page_lists_owned_journeys_with_stale_marks(wiki, department_id):
    src = DEPARTMENTS[department_id]["path"]
    owned = {path: data for path, data in JOURNEYS.items() if data["journey"].get("owner") == department_id}
    assert owned
    journey_outputs = {out(wiki, path): path for path in JOURNEYS}
    entries: dict[str, Tag] = {}
    for target, anchor, a in link_targets(wiki, src):
        if not anchor and target in journey_outputs and a.find_parent("table") is None:
            entries[journey_outputs[target]] = a.find_parent("li")
    assert set(entries) == set(owned)
    for path, data in owned.items():
        reviewed = data["journey"].get("reviewed")
        stale = reviewed is None or (TODAY - date.fromisoformat(reviewed)).days > 365
        assert bool(entries[path].select("[class*=stale]")) == stale, f"{path}: stale mark"
        if reviewed:
            assert reviewed in text_of(entries[path])


def test_stale_marks_follow_stale_after_days(tmp_path):
    # camping was reviewed 82 days before TODAY: stale after 30 days, fresh after 100
    results = {}
    for days in (30, 100):
        built = build_wiki(tmp_path / str(days), strict=True,
                           plugin_config={"today": TODAY.isoformat(), "stale_after_days": days})
        assert not built.aborted, built.warnings
        src = DEPARTMENTS["operations"]["path"]
        target = out(built, "journeys/camping.md")
        entry = next(a.find_parent("li") for t, anchor, a in link_targets(built, src)
                     if t == target and not anchor and a.find_parent("table") is None)
        results[days] = bool(entry.select("[class*=stale]"))
    assert results == {30: True, 100: False}


@pytest.mark.parametrize("department_id", list(DEPARTMENTS))
def test_department_page_lists_the_steps_it_is_responsible_for(wiki, department_id):
    src = DEPARTMENTS[department_id]["path"]
    expected = {(out(wiki, path), step["name"]) for path, data in JOURNEYS.items()
                for stage in data["journey"]["stages"] for step in stage["steps"] if step.get("owner") == department_id}
    assert expected
    assert _anchored_links_outside_tables(wiki, src) == expected


def test_index_lists_every_opportunity_with_its_details(wiki):
    article = wiki.content(index_src())
    table = next(t for t in article.find_all("table") if t.select("tbody tr[id]"))
    rows = {row["id"]: row for row in table.select("tbody tr")}
    assert set(rows) == {o["id"] for o in opportunities_of()}
    src = index_src()
    for item in opportunities_of():
        row = rows[item["id"]]
        assert not row.has_attr("hidden") and "display:none" not in (row.get("style") or "").replace(" ", "")
        text = text_of(row)
        assert item["title"] in text
        journey = JOURNEYS[item["journey_path"]]
        stage, step = place_names(journey, item.get("at"))
        for name in (stage, step):
            if name:
                assert name in text
        targets = {t for t, _, _ in link_targets(wiki, src, row)}
        assert out(wiki, item["journey_path"]) in targets
        assert out(wiki, DEPARTMENTS[item["owner"]]["path"]) in targets
        assert DEPARTMENTS[item["owner"]]["name"] in text
        assert item.get("status", "plan") in text.lower()
        assert item.get("priority", "medium") in text.lower()
        if item.get("due"):
            assert item["due"] in text
        if item.get("kpi"):
            assert item["kpi"] in text
        overdue = is_overdue(item)
        assert ("journeys-row--overdue" in row.get("class", [])) == overdue, item["id"]
        assert ("Overdue" in text) == overdue, item["id"]


def test_index_is_also_a_pdca_board(wiki):
    article = wiki.content(index_src())
    columns = []
    for heading in article.find_all(["h3", "h4"]):
        status = _status_of_heading(heading)
        if status is None:
            continue
        column = heading.find_parent(["section", "div", "li"])
        titles = {text_of(a) for a in column.find_all("a")}
        columns.append((status, titles))
    assert [s for s, _ in columns] == list(STATUSES), "a column per PDCA status, in order"
    for status, titles in columns:
        assert titles == {o["title"] for o in opportunities_of() if o.get("status", "plan") == status}


def test_index_has_the_filter_form_hidden_until_javascript(wiki):
    article = wiki.content(index_src())
    forms = article.find_all("form")
    assert forms, "the filter form is in the HTML"
    assert all(form.has_attr("hidden") for form in forms)
    # the filters offer every status and every owner of the site
    options = {option.get("value") for form in forms for option in form.find_all("option")}
    assert set(STATUSES) <= options
    assert set(DEPARTMENTS) <= options


def test_generated_pages_for_ids_without_a_page_warn_and_fail_strict(tmp_path):
    journeys = copy.deepcopy(JOURNEYS)
    camping = journeys["journeys/camping.md"]["journey"]
    camping["personas"].append("teenager")
    camping["stages"][1]["personas"] = ["teenager"]
    camping["stages"][0]["steps"][1]["personas"] = ["teenager"]
    camping["stages"][1]["steps"][1]["owner"] = "security"
    camping["opportunities"].append({"title": "Night patrols", "id": "patrols", "at": "arrival", "owner": "security",
                                     "status": "do", "due": "2026-11-01"})
    journeys["journeys/booking.md"]["journey"]["personas"].append("teenager")
    journeys["journeys/old/winter.md"]["journey"]["owner"] = "facilities"  # owns a journey, nothing else
    pages = wiki_pages(journeys)

    strict = build_wiki(tmp_path / "strict", pages=pages, strict=True, plugin_config={"today": TODAY.isoformat()})
    assert strict.aborted
    assert strict.warnings_about("teenager") and strict.warnings_about("security")
    assert strict.warnings_about("facilities")

    built = build_wiki(tmp_path / "lenient", pages=pages, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted
    assert built.warnings_about("teenager") and built.warnings_about("security")
    persona_src, department_src = "personas/teenager.md", "departments/security.md"
    assert built.output_path(persona_src).is_file() and built.output_path(department_src).is_file()
    assert not (built.docs_dir / persona_src).exists() and not (built.docs_dir / department_src).exists()

    # the generated persona page shows the persona's journeys, stages, steps and opportunities
    persona = built.content(persona_src)
    targets = {t for t, anchor, _ in link_targets(built, persona_src) if not anchor}
    assert out(built, "journeys/camping.md") in targets and out(built, "journeys/booking.md") in targets
    assert out(built, "journeys/old/winter.md") not in targets
    text = text_of(persona)
    for name in ("Arrival", "Compare campsites", "Night patrols", "Show the total price upfront"):
        assert name in text
    assert len(persona.find_all("svg")) == 2

    # the generated department page shows the steps and opportunities it owns
    department = built.content(department_src)
    rows = department.select("table tbody tr")
    assert [_first_cell_title(r) for r in rows] == ["Night patrols"]
    assert "journeys-row--overdue" in rows[0].get("class", [])
    assert "Pitch the tent" in text_of(department)

    # a department that only owns a journey: the journey, with its stale mark
    facilities = "departments/facilities.md"
    entries = [a.find_parent("li") for t, anchor, a in link_targets(built, facilities)
               if t == out(built, "journeys/old/winter.md") and not anchor]
    assert len(entries) == 1 and entries[0].select("[class*=stale]")
    assert not built.content(facilities).select("table tbody tr")

    # and references to them link to the generated pages
    links = {t for t, _, _ in link_targets(built, "journeys/camping.md")}
    assert out(built, persona_src) in links and out(built, department_src) in links
    assert out(built, facilities) in {t for t, _, _ in link_targets(built, "journeys/old/winter.md")}
    check_links(built, [*JOURNEYS, persona_src, department_src, facilities, index_src()])


def test_a_user_page_at_a_generated_path_wins(tmp_path):
    # personas/teenager.md exists but is not a persona page: the author's page is kept
    journeys = copy.deepcopy(JOURNEYS)
    journeys["journeys/camping.md"]["journey"]["personas"].append("teenager")
    pages = wiki_pages(journeys)
    pages["personas/teenager.md"] = "# Teenagers\n\nWritten by the author.\n"
    pages["opportunities/index.md"] = "# Our improvements\n\nWritten by the author too.\n"
    built = build_wiki(tmp_path, pages=pages, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted
    persona = built.content("personas/teenager.md")
    assert "Written by the author." in text_of(persona)
    assert text_of(persona.find("h1")) == "Teenagers"
    index = built.content("opportunities/index.md")
    assert "Written by the author too." in text_of(index)
    assert text_of(index.find("h1")) == "Our improvements"
    assert {row.get("id") for row in index.select("tr[id]")} >= {o["id"] for o in opportunities_of()}


def test_a_user_page_with_the_index_marker_takes_the_index_place(tmp_path):
    pages = wiki_pages()
    pages["follow-up/tracking.md"] = (
        "# Tracking\n\nBefore the index.\n\n<!-- journey:opportunities -->\n\nAfter the index.\n"
    )
    built = build_wiki(tmp_path, pages=pages, strict=True, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    assert not built.output_path("opportunities/index.md").exists()
    src = "follow-up/tracking.md"
    article = built.content(src)
    rows = article.select("tr[id]")
    assert {row["id"] for row in rows} == {o["id"] for o in opportunities_of()}
    html = str(article)
    assert html.index("Before the index.") < html.index(str(rows[0]["id"])) < html.index("After the index.")
    assert "journey:opportunities" not in html
    # the map, persona and department pages link to the rows of this page
    tracking = out(built, src)
    for from_src in ("journeys/camping.md", PERSONAS["urban-camper"]["path"], DEPARTMENTS["operations"]["path"]):
        anchors = {anchor for t, anchor, _ in link_targets(built, from_src) if t == tracking}
        assert "signage" in anchors, from_src
    check_links(built, [*JOURNEYS, src, *(p["path"] for p in PERSONAS.values()),
                        *(d["path"] for d in DEPARTMENTS.values())])


def test_index_folder_follows_the_opportunities_option(tmp_path):
    built = build_wiki(tmp_path, strict=True,
                       plugin_config={"today": TODAY.isoformat(), "opportunities": "improvements"})
    assert not built.aborted, built.warnings
    assert built.output_path("improvements/index.md").is_file()
    assert not built.output_path("opportunities/index.md").exists()
    index = out(built, "improvements/index.md")
    anchors = {anchor for t, anchor, _ in link_targets(built, "journeys/camping.md") if t == index}
    assert anchors == {o["id"] for o in opportunities_of() if o["journey_path"] == "journeys/camping.md"}
    check_links(built, ["journeys/camping.md", "improvements/index.md"])


def test_a_page_that_only_quotes_the_index_marker_does_not_become_the_index(tmp_path):
    pages = wiki_pages()
    pages["reference.md"] = (
        "# Reference\n\nWrite `<!-- journey:opportunities -->` on a line of its own.\n\n"
        "| marker | effect |\n|---|---|\n| `<!-- journey:opportunities -->` | the index |\n\n"
        "```markdown\n<!-- journey:opportunities -->\n```\n"
    )
    built = build_wiki(tmp_path, pages=pages, strict=True, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    assert {row["id"] for row in built.content(index_src()).select("tr[id]")} == {o["id"] for o in opportunities_of()}
    reference = built.content("reference.md")
    assert not reference.select("tr[id]")
    assert reference.get_text().count("<!-- journey:opportunities -->") == 3, "the quotes are left as written"


def test_persona_and_department_links_go_where_the_author_puts_the_marker(tmp_path):
    pages = wiki_pages()
    persona_src, department_src = PERSONAS["urban-camper"]["path"], DEPARTMENTS["marketing"]["path"]
    pages[persona_src] = page({"title": "Li Wei", "persona": {"name": "Li Wei"}},
                              "Intro text.\n\n<!-- journey:links -->\n\nClosing text.\n")
    pages[department_src] = page({"title": "Marketing team", "department": {"name": "Marketing team"}},
                                 "Who we are.\n\n<!-- journey:links -->\n\nHow to reach us.\n")
    built = build_wiki(tmp_path, pages=pages, strict=True, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    for src, first, last, title in ((persona_src, "Intro text.", "Closing text.", "Online booking"),
                                    (department_src, "Who we are.", "How to reach us.", "Show the total price upfront")):
        html = str(built.content(src))
        assert "journey:links" not in html
        assert html.index(first) < html.index(title) < html.index(last), src
        assert html.count(title) >= 1
