"""Issue 3: the opportunity exports, opportunities/opportunities.json and .csv in the built site.

The expected records are computed from the front matter of support/crosslink_wiki.py.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

import pytest

from mkdocs_journeys.cli.project import page_url  # MkDocs' URL rule, asked of MkDocs
from support.building import Built
from support.crosslink_wiki import (
    DEPARTMENTS,
    JOURNEYS,
    TODAY,
    build_wiki,
    element_by_id,
    is_overdue,
    opportunities_of,
    place_names,
    resolve,
    wiki_pages,
)

from support.exports_reading import (
    by_id,
    dated_journey,
    dated_pages,
    expected_overdue,
    overdue_in_exports,
    read_csv,
    read_json,
)

FIELDS = ["id", "title", "journey", "journey_url", "at", "stage", "step", "owner", "owner_url",
          "status", "priority", "due", "overdue", "kpi", "result", "decision", "last_update", "url",
          "value", "effort", "places"]  # format 2: the 18 fields, then value, effort and every place


def expected_records(use_directory_urls: bool, today: date = TODAY, site_url: str = "",
                     index: str = "opportunities/index.md") -> dict[str, dict[str, Any]]:
    def url(src: str) -> str:
        return site_url + page_url(src, use_directory_urls)

    records = {}
    for item in opportunities_of():
        stage, step = place_names(JOURNEYS[item["journey_path"]], item.get("at"))
        log = item.get("log") or []
        records[item["id"]] = {
            "id": item["id"],
            "title": item["title"],
            "journey": item["journey_title"],
            "journey_url": url(item["journey_path"]),
            "at": item.get("at"),
            "stage": stage,
            "step": step,
            "owner": item["owner"],
            "owner_url": url(DEPARTMENTS[item["owner"]]["path"]),
            "status": item.get("status", "plan"),
            "priority": item.get("priority", "medium"),
            "due": item.get("due"),
            "overdue": is_overdue(item, today),
            "kpi": item.get("kpi"),
            "result": item.get("result"),
            "decision": item.get("decision"),
            "last_update": log[-1]["date"] if log else None,
            "url": url(index) + "#" + item["id"],
            "value": item.get("value"),
            "effort": item.get("effort"),
            "places": [{"journey": item["journey_title"], "journey_path": item["journey_path"],
                        "journey_url": url(item["journey_path"]), "at": item["at"], "stage": stage, "step": step}]
            if item.get("at") else [],
        }
    return records


@pytest.fixture(scope="module", params=[True, False], ids=["directory-urls", "file-urls"])
def wiki(request, tmp_path_factory) -> Built:
    built = build_wiki(tmp_path_factory.mktemp("exports"), use_directory_urls=request.param, strict=True,
                       plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    return built


def test_json_export_has_one_record_per_opportunity_with_exactly_the_fields(wiki):
    records = read_json(wiki)
    assert isinstance(records, list) and all(isinstance(r, dict) for r in records)
    assert set(by_id(records)) == {o["id"] for o in opportunities_of()}
    for record in records:
        assert sorted(record) == sorted(FIELDS), record["id"]
        assert isinstance(record["overdue"], bool)
        assert record["due"] is None or date.fromisoformat(record["due"])


def test_json_export_matches_the_front_matter(wiki):
    assert by_id(read_json(wiki)) == expected_records(wiki.use_directory_urls)


def test_json_export_urls_resolve_in_the_built_site(wiki):
    for record in read_json(wiki):
        for key in ("journey_url", "owner_url", "url"):
            parts = urlsplit(record[key])
            assert not parts.scheme and not parts.netloc, record[key]
            target, anchor = resolve(wiki, "index.md", record[key].lstrip("/"))
            assert target.is_file(), (key, record[key])
            if key == "url":
                row = element_by_id(target, anchor)
                assert row is not None and record["title"] in row.get_text(" ", strip=True)


def test_csv_export_is_utf8_with_a_header_and_the_same_records(wiki):
    raw = (wiki.site_dir / "opportunities" / "opportunities.csv").read_bytes()
    raw.decode("utf-8")  # strict: raises on anything else
    assert "夜间照明".encode() in raw
    header, rows = read_csv(wiki)
    assert sorted(header) == sorted(FIELDS) and len(header) == len(FIELDS)
    records = by_id(read_json(wiki))
    assert [row["id"] for row in rows] == [r["id"] for r in read_json(wiki)]
    for row in rows:
        record = records[row["id"]]
        for name in FIELDS:
            value = record[name]
            if name == "overdue":
                assert row[name].strip().lower() in (("true", "1", "yes") if value else ("false", "0", "no", ""))
            elif name == "places":
                assert row[name] == "; ".join(f"{p['journey_path']}#{p['at']}" for p in value), row["id"]
            elif value is None:
                assert row[name] == "", (row["id"], name)
            else:
                assert row[name] == str(value), (row["id"], name)


def test_exports_use_absolute_urls_with_a_site_url(tmp_path):
    site_url = "https://wiki.example.com/camping/"
    built = build_wiki(tmp_path, strict=True, plugin_config={"today": TODAY.isoformat()},
                       config={"site_url": site_url})
    assert not built.aborted, built.warnings
    assert by_id(read_json(built)) == expected_records(True, site_url=site_url)
    header, rows = read_csv(built)
    assert all(row["url"].startswith(site_url) and row["journey_url"].startswith(site_url) for row in rows)


def test_exports_follow_the_opportunities_option_and_a_user_index_page(tmp_path):
    built = build_wiki(tmp_path / "folder", strict=True,
                       plugin_config={"today": TODAY.isoformat(), "opportunities": "improvements"})
    assert not built.aborted, built.warnings
    assert not (built.site_dir / "opportunities" / "opportunities.json").exists()
    assert by_id(read_json(built, "improvements")) == expected_records(True, index="improvements/index.md")
    assert len(read_csv(built, "improvements")[1]) == len(opportunities_of())

    pages = wiki_pages()
    pages["follow-up/tracking.md"] = "# Tracking\n\n<!-- journey:opportunities -->\n"
    built = build_wiki(tmp_path / "marker", pages=pages, strict=True, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    assert by_id(read_json(built)) == expected_records(True, index="follow-up/tracking.md")


def test_exports_replace_a_stale_copy_in_the_docs(tmp_path):
    pages = wiki_pages()
    pages["opportunities/opportunities.json"] = json.dumps([{"id": "stale"}])
    pages["opportunities/opportunities.csv"] = "id\nstale\n"
    built = build_wiki(tmp_path, pages=pages, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted
    assert set(by_id(read_json(built))) == {o["id"] for o in opportunities_of()}
    assert {row["id"] for row in read_csv(built)[1]} == {o["id"] for o in opportunities_of()}
    assert json.loads((built.docs_dir / "opportunities" / "opportunities.json").read_text()) == [{"id": "stale"}]


@pytest.mark.parametrize("offset", [0, 2, -700], ids=["on-the-day", "two-days-later", "long-before"])
def test_overdue_is_computed_against_the_today_option(tmp_path, offset):
    journey = dated_journey(TODAY)
    today = TODAY + timedelta(days=offset)
    built = build_wiki(tmp_path, pages=dated_pages(journey), strict=True, plugin_config={"today": today.isoformat()})
    assert not built.aborted, built.warnings
    assert overdue_in_exports(built) == expected_overdue(journey, today)
    records = by_id(read_json(built))
    assert records["undated"]["due"] is None
    assert {key: r["due"] for key, r in records.items() if r["due"]} == \
        {o["id"]: o["due"] for o in journey["journey"]["opportunities"] if o.get("due")}


def test_overdue_uses_source_date_epoch_without_the_today_option(tmp_path, monkeypatch):
    # a build day far from the real today, late in the (UTC) day
    build_day = date(2091, 3, 10)
    journey = dated_journey(build_day)
    real_today = datetime.now(timezone.utc).date()
    assert expected_overdue(journey, build_day) != expected_overdue(journey, real_today)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2091, 3, 10, 23, 30, tzinfo=timezone.utc).timestamp())))
    # plugin options without `today`
    built = build_wiki(tmp_path, pages=dated_pages(journey), strict=True, plugin_config={"stale_after_days": 365})
    assert not built.aborted, built.warnings
    assert overdue_in_exports(built) == expected_overdue(journey, build_day)


def test_exports_of_a_site_without_opportunities(tmp_path):
    journey = dated_journey(TODAY)
    del journey["journey"]["opportunities"]
    built = build_wiki(tmp_path, pages=dated_pages(journey), strict=True, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    assert read_json(built) == []
    header, rows = read_csv(built)
    assert sorted(header) == sorted(FIELDS) and rows == []


def test_owner_url_of_a_department_without_a_page_is_its_generated_page(tmp_path):
    journey = dated_journey(TODAY)
    journey["journey"]["opportunities"][0]["owner"] = "security"
    built = build_wiki(tmp_path, pages=dated_pages(journey), plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted and built.warnings_about("security")
    record = by_id(read_json(built))["yesterday"]
    assert record["owner"] == "security"
    assert record["owner_url"] == page_url("departments/security.md", True)
    assert resolve(built, "index.md", record["owner_url"])[0].is_file()


# -- the index's own data file (not an export: read by journeys.js) -------------------------------

def _index_data(built: Built, page_src: str) -> tuple[dict, str]:
    """The data file the index page names, and its URL (resolved as a browser would)."""
    from urllib.parse import urljoin

    from bs4 import BeautifulSoup

    page = BeautifulSoup(built.output_path(page_src).read_text(encoding="utf-8"), "html.parser")
    root = page.select_one("[data-journeys-index]")
    assert root is not None and root.has_attr("data-journeys-data"), page_src
    page_address = "http://site.test/" + page_url(page_src, built.use_directory_urls)
    address = urljoin(page_address, root["data-journeys-data"])
    path = built.site_dir / urlsplit(address).path.lstrip("/")
    return json.loads(path.read_text(encoding="utf-8")), address


def _file_of(built: Built, address: str):
    from urllib.parse import unquote

    path = built.site_dir / unquote(urlsplit(address).path).lstrip("/")
    return path / "index.html" if address.split("#")[0].endswith("/") else path


def _check_index_data(built: Built, page_src: str) -> None:
    from urllib.parse import urljoin

    data, address = _index_data(built, page_src)
    exported = read_json(built)
    records = by_id(exported)
    at = {name: number for number, name in enumerate(data["columns"])}
    # every opportunity, in the exports' (and the index's) order
    assert {o["id"] for o in opportunities_of()} == set(records)
    assert [row[at["id"]] for row in data["rows"]] == [record["id"] for record in exported]
    for row in data["rows"]:
        record = records[row[at["id"]]]
        journey = data["journeys"][row[at["journey"]]]
        assert (row[at["title"]], row[at["status"]], journey[0]) == (record["title"], record["status"], record["journey"])
        # links relative to the data file lead to the journey page, the owner's page and the place's anchor
        assert _file_of(built, urljoin(address, journey[1])).is_file(), journey[1]
        if row[at["owner"]] is not None:
            assert _file_of(built, urljoin(address, data["owners"][row[at["owner"]]][2])).is_file()
        for place in row[at["places"]]:
            target = _file_of(built, urljoin(address, data["journeys"][place[0]][1]))
            assert element_by_id(target, place[2]) is not None, place


def test_the_index_data_file_links_resolve_with_either_url_style(wiki):
    _check_index_data(wiki, "opportunities/index.md")


def test_the_index_data_file_follows_a_user_page_holding_the_index(tmp_path):
    pages = wiki_pages()
    pages["follow-up/tracking.md"] = "# Tracking\n\n<!-- journey:opportunities -->\n"
    built = build_wiki(tmp_path, pages=pages, strict=True, plugin_config={"today": TODAY.isoformat()})
    assert not built.aborted, built.warnings
    assert (built.site_dir / "opportunities" / "index-data.json").is_file()
    _check_index_data(built, "follow-up/tracking.md")
