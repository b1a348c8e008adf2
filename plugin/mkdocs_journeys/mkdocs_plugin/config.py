"""The `journeys` plugin's options, as written under `plugins: - journeys:` in mkdocs.yml."""

from __future__ import annotations

import difflib
from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError

from ..core.model import BUILT_IN_LANES
from ..core.site import Site
from ..core.slugs import is_slug
from ..render.map_view import DEFAULT_SEARCH_LANES, SEARCH_LANES


class JourneysConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. `enabled: !ENV [JOURNEYS, true]`); pages then build as plain Markdown."""

    lanes = c.Optional(c.ListOfItems(c.Type(str)))
    """Which lanes a map shows, in this order: built-in lanes and custom lanes by id (checked in
    on_config). Lanes without data in a journey are left out. Default: every built-in lane, then
    the custom lanes (site-wide, then each journey's own)."""

    custom_lanes = c.ListOfItems(c.Type(dict), default=[])
    """Format 2: site-wide custom lanes, `[{id: systems, label: Systems}]`; steps fill them under `lanes:`."""

    search_lanes = c.ListOfItems(c.Choice(SEARCH_LANES), default=list(DEFAULT_SEARCH_LANES))
    """Which lanes' texts search indexes, besides the journey's header and its stage and step
    names (actions, thoughts and backstage are left to the page: every reader downloads the index)."""

    language = c.Optional(c.Type(str))
    """Language of the map labels; defaults to `theme.language`, falling back to English."""

    labels = c.Type(dict, default={})
    """Override any label, e.g. `{lane.actions: Customer does}`."""

    stale_after_days = c.Type(int, default=365)
    """A journey whose `reviewed` date is older than this (or missing) is marked as due for review."""

    today = c.Optional(c.Type((str, date)))
    """The build date for overdue and stale marks (ISO date). Default: SOURCE_DATE_EPOCH, else today."""

    opportunities = c.Type(str, default="opportunities")
    """Folder of the opportunity index page and its exports (opportunities.json, opportunities.csv).
    A page of your own holding `<!-- journey:opportunities -->` shows the index instead."""

    overview = c.Type(str, default="overview")
    """Folder of the journey overview page and its export (overview.json). A page of your own
    holding `<!-- journey:overview -->` shows the overview instead."""

    lifecycle = c.Type(list, default=[])  # its items are checked in on_config (core.overview.parse_lifecycle)
    """The lifecycle phases the overview groups journeys by, in this order: `[{id: discover,
    label: Discover}, ...]` (or plain ids). A journey's `phase` must then be one of the ids."""

    generate_pages = c.Type(bool, default=True)
    """Generate pages for persona and department ids that have none (each still warns)."""


def custom_lanes_option(custom_lanes: list[dict], lanes: list[str] | None) -> list[tuple[str, str]]:
    """Format 2: the site-wide custom lanes as (id, label), checked like a journey's own, and
    the `lanes` option checked against the built-in and custom lane ids."""
    result: list[tuple[str, str]] = []
    for index, lane in enumerate(custom_lanes):
        lane_id, label = lane.get("id"), lane.get("label")
        where = f"journeys: custom_lanes[{index}]"
        if set(lane) - {"id", "label"}:
            raise PluginError(f"{where}: found the keys {sorted(map(str, lane))}; expected only id and label")
        if not isinstance(lane_id, str) or not is_slug(lane_id) or lane_id in BUILT_IN_LANES:
            raise PluginError(f"{where}.id: found {lane_id!r}; expected a lowercase slug that is not a built-in "
                              f"lane's name ({', '.join(BUILT_IN_LANES)})")
        if any(lane_id == known for known, _ in result):
            raise PluginError(f"{where}.id: found {lane_id!r}; expected an id not declared twice")
        if not isinstance(label, str) or not label.strip():
            raise PluginError(f"{where}.label: found {label!r}; expected the lane's label, a text")
        result.append((lane_id, label.strip()))
    for index, lane_id in enumerate(lanes or ()):
        if lane_id not in BUILT_IN_LANES and not is_slug(lane_id):
            raise PluginError(f"journeys: lanes[{index}]: found {lane_id!r}; expected a built-in lane "
                              f"({', '.join(BUILT_IN_LANES)}) or a custom lane's id")
    return result


def unknown_lanes(lanes: list[str] | None, custom_lanes: list[tuple[str, str]], site: Site) -> list[str]:
    """Ids in the `lanes` option that no built-in lane, site-wide or journey's custom lane has
    (a typo such as `actoins` must not hide a lane silently)."""
    known = {*BUILT_IN_LANES, *(lane_id for lane_id, _ in custom_lanes),
             *(lane.id for journey in site.journeys for lane in journey.custom_lanes)}
    messages = []
    for index, lane_id in enumerate(lanes or ()):
        if lane_id not in known:
            close = difflib.get_close_matches(lane_id, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            messages.append(f"journeys: mkdocs.yml: plugins.journeys.lanes[{index}]: found {lane_id!r}; expected a "
                            f"built-in lane or a custom lane's id{hint}")
    return messages
