"""Issue 3: the build date behind overdue and stale marks (`today` option, else
SOURCE_DATE_EPOCH, else today), and marks that never turn into warnings."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from conftest import Built, page
from support.crosslink_wiki import DEPARTMENTS, build_wiki, index_src, link_targets, out, text_of
from support.exports_reading import by_id, dated_journey, expected_overdue, read_json

OPERATIONS = DEPARTMENTS["operations"]["path"]


def epoch_of(day: date) -> str:
    return str(int(datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc).timestamp()))


def pages_for(build_day: date) -> dict[str, str]:
    """The dated journey (owned by operations) and a second journey reviewed 200 days before."""
    reviewed = {
        "title": "Reviewed journey",
        "journey": {
            "owner": "operations",
            "reviewed": (build_day - timedelta(days=200)).isoformat(),
            "stages": [{"name": "Only", "id": "only", "steps": [{"name": "One step", "id": "one"}]}],
        },
    }
    return {
        "dated.md": page(dated_journey(build_day)),
        "reviewed.md": page(reviewed),
        OPERATIONS: page({"title": "Operations", "department": {"name": "Operations"}}),
    }


def overdue_marks(built: Built) -> dict[str, dict[str, bool]]:
    """Per page, which opportunities are marked overdue in the HTML (by title)."""
    index = {row["id"]: "journeys-row--overdue" in row.get("class", []) and "Overdue" in text_of(row)
             for row in built.content(index_src()).select("tr[id]")}
    department = {}
    for row in built.content(OPERATIONS).select("table tbody tr"):
        title = text_of(row.find("td"))
        department[title] = "journeys-row--overdue" in row.get("class", []) and "Overdue" in text_of(row)
    return {"index": index, "department": department}


def expected_marks(build_day: date, today: date) -> dict[str, dict[str, bool]]:
    journey = dated_journey(build_day)
    by_title = {o["title"]: o["id"] for o in journey["journey"]["opportunities"]}
    overdue = expected_overdue(journey, today)
    return {"index": overdue, "department": {title: overdue[key] for title, key in by_title.items()}}


def stale_marks(built: Built) -> dict[str, bool]:
    marks = {}
    for src in ("dated.md", "reviewed.md"):
        target = out(built, src)
        entry = next(a.find_parent("li") for t, anchor, a in link_targets(built, OPERATIONS)
                     if t == target and not anchor and a.find_parent("table") is None)
        marks[src] = bool(entry.select("[class*=stale]"))
    return marks


def build(tmp_path, build_day: date, **plugin) -> Built:
    built = build_wiki(tmp_path, pages=pages_for(build_day), strict=True, plugin_config=plugin or {"enabled": True})
    assert not built.aborted, built.warnings
    assert built.warnings == [], "overdue and stale are marks, not warnings"
    return built


@pytest.mark.parametrize("offset", [0, 2, 300], ids=["build-day", "two-days-later", "300-days-later"])
def test_marks_follow_the_today_option(tmp_path, offset):
    build_day = date(2026, 11, 22)
    today = build_day + timedelta(days=offset)
    built = build(tmp_path, build_day, today=today.isoformat())
    assert overdue_marks(built) == expected_marks(build_day, today)
    # dated.md was reviewed 10 days before the build day, reviewed.md 200 days before
    assert stale_marks(built) == {"dated.md": 10 + offset > 365, "reviewed.md": 200 + offset > 365}


def test_the_today_option_may_be_a_yaml_date(tmp_path):
    build_day = date(2026, 11, 22)
    today = build_day + timedelta(days=2)
    built = build(tmp_path, build_day, today=today)  # written unquoted in mkdocs.yml
    assert "today: 2026-11-24" in (built.root / "mkdocs.yml").read_text()
    assert overdue_marks(built) == expected_marks(build_day, today)


def test_the_today_option_wins_over_source_date_epoch(tmp_path, monkeypatch):
    build_day = date(2026, 11, 22)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_of(build_day + timedelta(days=400)))
    built = build(tmp_path, build_day, today=build_day.isoformat())
    assert overdue_marks(built) == expected_marks(build_day, build_day)
    assert stale_marks(built) == {"dated.md": False, "reviewed.md": False}


def test_source_date_epoch_sets_the_build_date_without_the_option(tmp_path, monkeypatch):
    build_day = date(2091, 3, 10)  # far from the real today
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_of(build_day + timedelta(days=200)))
    built = build(tmp_path, build_day, stale_after_days=365)
    today = build_day + timedelta(days=200)
    assert overdue_marks(built) == expected_marks(build_day, today)
    assert stale_marks(built) == {"dated.md": False, "reviewed.md": True}
    assert any(expected_marks(build_day, today)["index"].values())


def test_without_option_or_epoch_the_build_date_is_today(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    real_today = datetime.now(timezone.utc).date()
    # due dates two days either side of today: safe however close to midnight the test runs
    journey = dated_journey(real_today)
    for item in journey["journey"]["opportunities"]:
        if item["id"] == "yesterday":
            item["due"] = (real_today - timedelta(days=2)).isoformat()
        if item["id"] in ("today", "tomorrow"):
            item["due"] = (real_today + timedelta(days=2)).isoformat()
    pages = {"dated.md": page(journey), OPERATIONS: page({"title": "Operations", "department": {"name": "Ops"}})}
    built = build_wiki(tmp_path, pages=pages, strict=True, plugin_config={"stale_after_days": 365})
    assert not built.aborted, built.warnings
    overdue = {key: r["overdue"] for key, r in by_id(read_json(built)).items()}
    assert overdue == {"yesterday": True, "today": False, "tomorrow": False, "done": False,
                       "planned": True, "undated": False}
