"""Issue 15 item 1: the opportunity index, a department, a persona and the overview stay light
in a large wiki (benchmarks/generate.py's, 480 opportunities, 432 of them one department's,
one persona in every journey), and without JavaScript every opportunity is still reached by
following the links in the pages' content."""

from __future__ import annotations

import json
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from support.building import Built
from support.large_wiki import BIG_DEPARTMENT, LARGE_JOURNEYS, UNOWNED_JOURNEY, WIDE_PERSONA

from mkdocs_journeys.render.renderer import INDEX_PAGE_SIZE

JOURNEYS = LARGE_JOURNEYS
INDEX = "opportunities/index.html"
DEPARTMENT = f"departments/{BIG_DEPARTMENT}/index.html"
PERSONA = f"personas/{WIDE_PERSONA}/index.html"
OVERVIEW = "overview/index.html"

# (whole page bytes, content bytes, content elements). Listing everything would take the
# index about 1.4 KB, a department's row about 1 KB and a persona's journey card about 6 KB
# each: about 680 KB, 430 KB and 700 KB of content here, so none of these bounds could hold.
BOUNDS = {
    INDEX: (250_000, 100_000, 1_600),
    DEPARTMENT: (250_000, 150_000, 3_600),
    PERSONA: (150_000, 40_000, 1_200),
    OVERVIEW: (200_000, 80_000, 1_400),
}


@pytest.fixture(scope="module")
def large(large_generated_wiki) -> Built:
    """The large generated wiki, built once for the run (tests/support/large_wiki.py)."""
    return large_generated_wiki


def exported(built: Built) -> list[dict]:
    return json.loads((built.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))


def content(built: Built, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((built.site_dir / page).read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    assert article is not None, page
    return article


def test_the_wiki_is_as_large_as_the_test_needs(large):
    records = exported(large)
    assert len(records) > 2 * INDEX_PAGE_SIZE
    assert sum(1 for record in records if record["owner"] == BIG_DEPARTMENT) > 400
    assert any(record["owner"] is None for record in records)


@pytest.mark.parametrize("page", list(BOUNDS))
def test_pages_stay_light(large, page):
    max_bytes, max_content, max_elements = BOUNDS[page]
    html = (large.site_dir / page).read_text(encoding="utf-8")
    article = content(large, page)
    assert len(html.encode()) <= max_bytes, f"{page}: {len(html.encode())} bytes"
    assert len(str(article).encode()) <= max_content, f"{page}: content of {len(str(article).encode())} bytes"
    elements = len(article.find_all(True))
    assert elements <= max_elements, f"{page}: {elements} elements in the content"


def test_the_index_holds_its_first_page_and_counts_of_all(large):
    records = exported(large)
    article = content(large, INDEX)
    rows = article.select("tbody[data-rows] tr[id]")
    assert [row["id"] for row in rows] == [record["id"] for record in records[:INDEX_PAGE_SIZE]]
    counts = {element["data-status-count"]: element.find("strong").get_text() for element in
              article.select("[data-status-count]")}
    for status in ("plan", "do", "check", "act", "done"):
        assert counts[status] == str(sum(1 for record in records if record["status"] == status)), status
    assert counts["overdue"] == str(sum(1 for record in records if record["overdue"]))
    # the pager and the board's cards are drawn by journeys.js, so both wait for it
    assert article.select_one("[data-pager]").has_attr("hidden")
    assert article.select_one("[data-board-open]").has_attr("hidden")
    assert not article.select(".journeys-board__card")


def test_the_index_data_holds_every_opportunity_with_links_that_resolve(large):
    records = exported(large)
    article = content(large, INDEX)
    root = article.select_one("[data-journeys-index]")
    page_url = "http://wiki.test/opportunities/"
    data_url = urljoin(page_url, root["data-journeys-data"])
    data = json.loads((large.site_dir / urlsplit(data_url).path.lstrip("/")).read_text(encoding="utf-8"))
    at = {name: number for number, name in enumerate(data["columns"])}
    assert [row[at["id"]] for row in data["rows"]] == [record["id"] for record in records]
    for row, record in zip(data["rows"], records):
        assert row[at["title"]] == record["title"]
        assert row[at["status"]] == record["status"]
        assert row[at["due"]] == record["due"]
        assert bool(row[at["overdue"]]) == record["overdue"]
        assert data["priorities"][row[at["priority"]]] == record["priority"]
        journey = data["journeys"][row[at["journey"]]]
        assert journey[0] == record["journey"]
        owner = data["owners"][row[at["owner"]]] if row[at["owner"]] is not None else None
        assert (owner[0] if owner else None) == record["owner"]
        # the data's links are relative to the data file itself
        target = urlsplit(urljoin(data_url, journey[1])).path
        assert (large.site_dir / target.lstrip("/") / "index.html").is_file(), journey[1]
        if owner:
            assert (large.site_dir / urlsplit(urljoin(data_url, owner[2])).path.lstrip("/") / "index.html").is_file()


class _ContentLinks(HTMLParser):
    """One pass over a page: the ids of the table rows and the link targets inside Material's
    content area (article.md-content__inner), never those of the navigation around it."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0  # open <article> elements since the content area began, 0 outside it
        self.row_ids: list[str] = []
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            if self.depth or "md-content__inner" in (dict(attrs).get("class") or "").split():
                self.depth += 1
            return
        if not self.depth:
            return
        attributes = dict(attrs)
        if tag == "tr" and attributes.get("id"):
            self.row_ids.append(attributes["id"])
        elif tag == "a" and attributes.get("href") is not None:
            self.hrefs.append(attributes["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.depth:
            self.depth -= 1


def content_links(html: str) -> tuple[list[str], list[str]]:
    """(ids of the rows, hrefs of the links) in a page's content area, read in one pass."""
    parser = _ContentLinks()
    parser.feed(html)
    parser.close()
    return parser.row_ids, parser.hrefs


def test_content_links_reads_the_content_area_only():
    html = ('<nav><a href="nav/">Nav</a></nav><article class="md-content__inner md-typeset">'
            '<table><tr id="o-1"><td><a href="../x/#o-1">x</a></td></tr><tr><td>-</td></tr></table>'
            '<article><a href="inner/">in</a></article><a href="after-inner/">after</a></article>'
            '<footer><a href="foot/">Foot</a><tr id="o-2"></tr></footer>')
    assert content_links(html) == (["o-1"], ["../x/#o-1", "inner/", "after-inner/"])


def _crawl(built: Built, start: str) -> tuple[set[str], dict[str, set[str]]]:
    """Follow the links in the content of each page (never the navigation) from `start`;
    return the pages reached and, for each opportunity id, the pages that link to its row or
    hold it."""
    site = built.site_dir
    seen = {start}
    queue = deque([start])
    found: dict[str, set[str]] = {}
    index_path = "/" + INDEX.removesuffix("index.html")
    while queue:
        page = queue.popleft()
        row_ids, hrefs = content_links((site / page).read_text(encoding="utf-8"))
        for row_id in row_ids:
            found.setdefault(row_id, set()).add(page)
        base = "http://wiki.test/" + page.removesuffix("index.html")
        for href in hrefs:
            url = urlsplit(urljoin(base, href))
            if url.netloc != "wiki.test":
                continue
            path = unquote(url.path)
            if path == index_path and url.fragment:
                found.setdefault(url.fragment, set()).add(page)
            target = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
            if target.endswith(".html") and target not in seen and (site / target).is_file():
                seen.add(target)
                queue.append(target)
    assert len(seen) > JOURNEYS, f"the crawl reached only {len(seen)} pages"
    return seen, found


def test_every_opportunity_is_reached_from_the_index_without_javascript(large):
    records = exported(large)
    reached, found = _crawl(large, INDEX)
    missing = [record["id"] for record in records if record["id"] not in found]
    assert not missing, f"{len(missing)} opportunities no link leads to, e.g. {missing[:5]}"
    # the department's own page lists all of its many opportunities ...
    own = {record["id"] for record in records if record["owner"] == BIG_DEPARTMENT}
    assert own <= {key for key, pages in found.items() if DEPARTMENT in pages}
    # ... and those without an owner are reached through their journey's map
    unowned = [record["id"] for record in records if record["owner"] is None]
    journey_page = "journeys/" + Path(UNOWNED_JOURNEY).stem + "/index.html"
    assert journey_page in reached
    assert set(unowned) <= {key for key, pages in found.items() if journey_page in pages}


def test_a_large_department_links_to_the_index_filtered_to_it(large):
    article = content(large, DEPARTMENT)
    links = [a["href"] for a in article.select("a[href]") if "?owner=" in a["href"]]
    assert links and all(link.endswith(f"?owner={BIG_DEPARTMENT}") for link in links)
    # every row is short: its title links to the opportunity's row in the index
    rows = article.select("table tbody tr")
    assert len(rows) == sum(1 for record in exported(large) if record["owner"] == BIG_DEPARTMENT)
    assert all(row.find("a")["href"].split("#")[0].endswith("opportunities/") for row in rows)


def test_a_persona_in_every_journey_gets_a_row_per_journey(large):
    article = content(large, PERSONA)
    linked = {a["href"] for a in article.select("table tbody tr td:first-child a")}
    assert len(linked) == JOURNEYS


def test_the_matrix_shows_the_best_fifty_of_many(tmp_path):
    from support.building import build_site, page

    scores = [(value, effort) for value in range(1, 6) for effort in range(1, 6)] * 3  # 75 scored
    opportunities = [{"title": f"Idea {n}", "id": f"idea-{n}", "owner": "ops", "status": "plan",
                      "value": value, "effort": effort} for n, (value, effort) in enumerate(scores)]
    journey = {"owner": "ops", "stages": [{"name": "S", "id": "s", "steps": [{"name": "A", "id": "a"}]}],
               "opportunities": opportunities}
    built = build_site(tmp_path, {"journeys/many.md": page({"title": "Many ideas", "journey": journey})})
    assert not built.aborted, built.warnings
    matrix = built.content("opportunities/index.md").select_one(".journeys-matrix")
    points = matrix.select(".journeys-matrix__point")
    assert len(points) == 50
    ratio = {f"idea-{n}": value / effort for n, (value, effort) in enumerate(scores)}
    shown = [point["data-opportunity"] for point in points]
    left_out = set(ratio) - set(shown)
    assert min(ratio[i] for i in shown) >= max(ratio[i] for i in left_out)
    # numbered in the wiki's order, each point named in the list under the chart
    assert shown == sorted(shown, key=lambda i: int(i.split("-")[1]))
    assert {li["data-opportunity"] for li in matrix.select(".journeys-matrix__list li")} == set(shown)
    assert "50 of 75" in matrix.select_one("[data-matrix-top]").get_text()
