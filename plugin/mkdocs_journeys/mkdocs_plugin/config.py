"""The `journeys` plugin's options, as written under `plugins: - journeys:` in mkdocs.yml.

Each option is defined once, here; `mkdocs build` and the command line (`validate`,
`export`) both validate them with this class (load_options), so both refuse the same
values with the same message. A new option is one more line below, with a type from
option_types.py (messages that name the value found) or one of MkDocs' own.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c  # noqa: F401 - MkDocs' own types serve too (c.Choice, ...)

from ..core.model import BUILT_IN_LANES
from ..core.site_index import Site
from ..core.suggest import did_you_mean
from ..render.labels import Labels, label_names, normalize_language
from ..render.map_view import DEFAULT_SEARCH_LANES, SEARCH_LANES
from . import option_types as o


class JourneysConfig(base.Config):
    enabled = o.Flag(default=True)
    """Turn the plugin off (e.g. `enabled: !ENV [JOURNEYS, true]`); pages then build as plain Markdown."""

    lanes = o.LaneIds(BUILT_IN_LANES)
    """Which lanes a map shows, in this order: built-in lanes and custom lanes by id (checked once
    the pages are read: a journey may declare its own). Lanes without data in a journey are left out. Default: every built-in lane, then
    the custom lanes (site-wide, then each journey's own)."""

    custom_lanes = o.CustomLanes(BUILT_IN_LANES)
    """Format 2: site-wide custom lanes, `[{id: systems, label: Systems}]`; steps fill them under `lanes:`."""

    search_lanes = o.Names(SEARCH_LANES, default=DEFAULT_SEARCH_LANES, what="lane names")
    """Which lanes' texts search indexes, besides each journey's headline (scenario, personas, owner,
    stage and step names, written out). Of these texts, and of the goals and expectations, search
    gets each word once: it matches words, not phrases, and every reader downloads the index.
    Actions, thoughts and backstage are left to the page by default (`opportunities`: titles, KPIs, owners)."""

    layout = c.Choice(("wide", "column"), default="wide")
    """`wide`: journey pages give the map the window's width (Material's sidebars step aside unless the page's `hide:` says otherwise); `column`: the map stays in the text column."""

    language = o.Language(Labels.available, normalize_language)
    """Language of the map labels; defaults to `theme.language`, falling back to English."""

    labels = o.LabelOverrides(label_names)
    """Override any label, e.g. `{lane.actions: Customer does}`."""

    stale_after_days = o.WholeNumber(default=365)
    """A journey whose `reviewed` date is older than this (or missing) is marked as due for review."""

    today = o.IsoDate()
    """The build date for overdue and stale marks (ISO date). Default: SOURCE_DATE_EPOCH, else today."""

    opportunities = o.SiteFolder(default="opportunities")
    """Folder of the opportunity index page and its exports (opportunities.json, opportunities.csv).
    A page of your own holding `<!-- journey:opportunities -->` shows the index instead."""

    overview = o.SiteFolder(default="overview")
    """Folder of the journey overview page and its export (overview.json). A page of your own
    holding `<!-- journey:overview -->` shows the overview instead."""

    lifecycle = c.Type(list, default=[])  # its items are checked in on_config (core.overview.parse_lifecycle)
    """The lifecycle phases the overview groups journeys by, in this order: `[{id: discover,
    label: Discover}, ...]` (or plain ids). A journey's `phase` must then be one of the ids."""

    generate_pages = o.Flag(default=True)
    """Generate pages for persona and department ids that have none (each still warns)."""


class OptionsError(ValueError):
    """Options the build would refuse; one line per option, each naming it."""


def load_options(options: Any, config_file_path: str | None = None) -> tuple[JourneysConfig, list[str]]:
    """The options validated as MkDocs validates them for the build (BasePlugin.load_config):
    the config and its warnings (`option `x`: ...`), or OptionsError."""
    if options is None:
        options = {}
    if not isinstance(options, dict):
        raise OptionsError("the options under `- journeys:` must be a mapping such as `today: 2026-12-15`, "
                           f"not {options!r}")
    config = JourneysConfig(config_file_path=config_file_path)
    config.load_dict(options)
    errors, warnings = config.validate()
    if errors:
        raise OptionsError("\n".join(f"option `{name}`: {error}" for name, error in errors))
    return config, [f"option `{name}`: {warning}" for name, warning in warnings]


def unknown_lanes(lanes: list[str] | None, custom_lanes: list[tuple[str, str]], site: Site) -> list[str]:
    """Ids in the `lanes` option that no built-in lane, site-wide or journey's custom lane has
    (a typo such as `actoins` must not hide a lane silently)."""
    known = {*BUILT_IN_LANES, *(lane_id for lane_id, _ in custom_lanes),
             *(lane.id for journey in site.journeys for lane in journey.custom_lanes)}
    messages = []
    for index, lane_id in enumerate(lanes or ()):
        if lane_id not in known:
            messages.append(f"journeys: mkdocs.yml: plugins.journeys.lanes[{index}]: found {lane_id!r}; expected a "
                            f"built-in lane or the id of a custom lane of the site or of a journey"
                            f"{did_you_mean(lane_id, known)}")
    return messages
