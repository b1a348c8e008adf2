"""The `journeys` plugin's options, as written under `plugins: - journeys:` in mkdocs.yml."""

from __future__ import annotations

from datetime import date

from mkdocs.config import base
from mkdocs.config import config_options as c

from ..render.map_view import DEFAULT_SEARCH_LANES, LANES, SEARCH_LANES


class JourneysConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. `enabled: !ENV [JOURNEYS, true]`); pages then build as plain Markdown."""

    lanes = c.ListOfItems(c.Choice(LANES), default=list(LANES))
    """Which lanes a map shows, in this order. Lanes without data in a journey are left out."""

    search_lanes = c.ListOfItems(c.Choice(SEARCH_LANES), default=list(DEFAULT_SEARCH_LANES))
    """Which lanes' texts search indexes, besides the journey's header and its stage and step
    names (actions, thoughts and backstage are left to the page: every reader downloads the index)."""

    layout = c.Choice(("wide", "column"), default="wide")
    """`wide`: journey pages give the map the window's width (Material's sidebars step aside unless the page's `hide:` says otherwise); `column`: the map stays in the text column."""

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

    generate_pages = c.Type(bool, default=True)
    """Generate pages for persona and department ids that have none (each still warns)."""
