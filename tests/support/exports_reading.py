"""Reading the opportunity exports of a built site, and a journey with opportunities due
around a given day: shared by test_exports.py and test_build_date.py."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from typing import Any

from support.building import Built, page
from support.crosslink_wiki import DEPARTMENTS, is_overdue


def read_json(built: Built, folder: str = "opportunities") -> list[dict[str, Any]]:
    return json.loads((built.site_dir / folder / "opportunities.json").read_text(encoding="utf-8"))


def read_csv(built: Built, folder: str = "opportunities") -> tuple[list[str], list[dict[str, str]]]:
    raw = (built.site_dir / folder / "opportunities.csv").read_bytes()
    text = raw.decode("utf-8-sig")  # UTF-8 (a byte order mark is allowed)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = list(reader)
    header, body = rows[0], rows[1:]
    assert all(len(row) == len(header) for row in body)
    return header, [dict(zip(header, row)) for row in body]


def by_id(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    assert len({r["id"] for r in records}) == len(records), "one record per opportunity"
    return {r["id"]: r for r in records}


def dated_journey(build_day: date) -> dict[str, Any]:
    """A journey whose opportunities are due around build_day."""
    def day(offset: int) -> str:
        return (build_day + timedelta(days=offset)).isoformat()

    return {
        "title": "Dated journey",
        "journey": {
            "owner": "operations",
            "reviewed": day(-10),
            "stages": [{"name": "Only", "id": "only", "steps": [{"name": "One step", "id": "one"}]}],
            "opportunities": [
                {"title": "Due yesterday", "id": "yesterday", "owner": "operations", "status": "do", "due": day(-1)},
                {"title": "Due today", "id": "today", "owner": "operations", "status": "check", "due": day(0)},
                {"title": "Due tomorrow", "id": "tomorrow", "owner": "operations", "status": "act", "due": day(1)},
                {"title": "Done long ago", "id": "done", "owner": "operations", "status": "done", "due": day(-400)},
                {"title": "Planned, past due", "id": "planned", "owner": "operations", "due": day(-145)},
                {"title": "No due date", "id": "undated", "owner": "operations", "status": "do"},
            ],
        },
    }


def dated_pages(journey: dict[str, Any]) -> dict[str, str]:
    return {
        "dated.md": page(journey),
        DEPARTMENTS["operations"]["path"]: page({"title": "Operations", "department": {"name": "Operations"}}),
    }


def expected_overdue(journey: dict[str, Any], today: date) -> dict[str, bool]:
    return {o["id"]: is_overdue(o, today) for o in journey["journey"]["opportunities"]}


def overdue_in_exports(built: Built) -> dict[str, bool]:
    from_json = {key: r["overdue"] for key, r in by_id(read_json(built)).items()}
    from_csv = {row["id"]: row["overdue"].strip().lower() in ("true", "1", "yes") for row in read_csv(built)[1]}
    assert from_json == from_csv
    return from_json
