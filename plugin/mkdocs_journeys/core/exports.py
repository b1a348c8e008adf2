"""The opportunity exports (JSON and CSV) for trackers and BI tools: one record per opportunity."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from .model import PRIORITIES, Opportunity, Place
from .site_index import Site

FIELDS = (
    "id", "title", "journey", "journey_url", "at", "stage", "step", "owner", "owner_url",
    "status", "priority", "due", "overdue", "kpi", "result", "decision", "last_update", "url",
    "value", "effort", "places",  # format 2
)

# url_for(page path, anchor) -> the page's URL as published (absolute when site_url is known).
UrlFor = Callable[[str, "str | None"], "str | None"]


def opportunity_record(site: Site, opportunity: Opportunity, url_for: UrlFor) -> dict[str, Any]:
    journey = site.journey_by_path[opportunity.journey_path]
    stage, step = site.place(opportunity)
    last = opportunity.last_log
    return {
        "id": opportunity.id,
        "title": opportunity.title,
        "journey": journey.title,
        "journey_url": url_for(journey.path, None),
        "at": opportunity.at,
        "stage": stage.name if stage else None,
        "step": step.name if step else None,
        "owner": opportunity.owner,
        "owner_url": url_for(site.department_path(opportunity.owner), None) if opportunity.owner else None,
        "status": opportunity.status,
        "priority": opportunity.priority,
        "due": opportunity.due.isoformat() if opportunity.due else None,
        "overdue": opportunity.is_overdue(site.today),
        "kpi": opportunity.kpi,
        "result": opportunity.result,
        "decision": opportunity.decision,
        "last_update": last.date.isoformat() if last and last.date else None,
        "url": url_for(site.index_path, opportunity.id) if site.index_path else None,
        "value": opportunity.value,
        "effort": opportunity.effort,
        "places": [_place_record(site, place, url_for) for place in opportunity.places if place.journey_path],
    }


def _place_record(site: Site, place: Place, url_for: UrlFor) -> dict[str, Any]:
    """One place of an opportunity: in its own journey or (format 2) another one."""
    journey = site.journey_by_path[place.journey_path]
    stage = next((s for s in journey.stages if s.id == place.stage_id), None)
    step = next((s for s in stage.steps if s.id == place.step_id), None) if stage else None
    at = f"{place.stage_id}/{place.step_id}" if place.step_id else place.stage_id  # None: the whole journey
    return {
        "journey": journey.title,
        "journey_path": journey.path,
        "journey_url": url_for(journey.path, None),
        "at": at,
        "stage": stage.name if stage else None,
        "step": step.name if step else None,
    }


def opportunity_records(site: Site, url_for: UrlFor) -> list[dict[str, Any]]:
    return [opportunity_record(site, opportunity, url_for) for opportunity in site.opportunities]


def to_json(records: list[dict[str, Any]]) -> str:
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # places: PAGE.md#stage/step, one after another
        return _csv_cell("; ".join(place["journey_path"] + (f"#{place['at']}" if place["at"] else "") for place in value))
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A cell starting with = + - @ runs as a formula in spreadsheets: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(records: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow([_csv_cell(record[name]) for name in FIELDS])
    return out.getvalue()


# -- the index's own data: what its table and board need, no more --------------------------

INDEX_DATA_VERSION = 1


def index_data(site: Site, url_for: UrlFor) -> dict[str, Any]:
    """The opportunity index's compact data (index-data.json), read by journeys.js to show
    the filtered, sorted, paged table and the PDCA board. Journeys and owners are listed once
    and named by their number in each row; a row is a list, in the order of `columns`.
    Not an export: its shape may change with the plugin (the exports are the contract)."""
    journeys: dict[str, int] = {}
    journey_rows: list[list[Any]] = []
    owners: dict[str, int] = {}
    owner_rows: list[list[Any]] = []

    def journey_number(path: str) -> int:
        if path not in journeys:
            journey = site.journey_by_path[path]
            journeys[path] = len(journey_rows)
            journey_rows.append([journey.title, url_for(journey.path, None), journey.path])
        return journeys[path]

    def owner_number(owner: str | None) -> int | None:
        if not owner:
            return None
        if owner not in owners:
            owners[owner] = len(owner_rows)
            owner_rows.append([owner, site.department_name(owner), url_for(site.department_path(owner), None)])
        return owners[owner]

    rows = []
    for opportunity in site.opportunities:
        # [journey, "stage › step", the anchor on the journey's page]
        places = [[journey_number(journey.path), stage.name + (f" › {step.name}" if step else ""),
                   f"jm-step-{step.anchor}" if step else f"jm-stage-{stage.id}"]
                  for journey, stage, step in site.places_of(opportunity)]
        value_effort = (round(opportunity.value / opportunity.effort, 3)
                        if opportunity.value and opportunity.effort else None)
        rows.append([
            opportunity.id, opportunity.title, opportunity.status,
            opportunity.due.isoformat() if opportunity.due else None,
            1 if opportunity.is_overdue(site.today) else 0,
            journey_number(opportunity.journey_path), owner_number(opportunity.owner),
            PRIORITIES.index(opportunity.priority),  # the rank the sort uses
            opportunity.kpi, value_effort, places,
        ])
    return {
        "version": INDEX_DATA_VERSION,
        "columns": ["id", "title", "status", "due", "overdue", "journey", "owner", "priority", "kpi",
                    "value_effort", "places"],
        "priorities": list(PRIORITIES),  # a row's priority is its rank here
        "journeys": journey_rows,  # [title, url, path]
        "owners": owner_rows,  # [id, name, url]
        "rows": rows,
    }


def to_compact_json(data: Any) -> str:
    """JSON without spaces: a file every reader of the index downloads."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
