"""Render journey maps and problem panels to HTML with Jinja2 templates.

Templates are looked up by name (`journeys/map.html`, `journeys/lanes/emotion.html`, ...)
first in the folders given (a theme's `custom_dir`), then in this package, and compiled
once per process (render/environment.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any

from markupsafe import Markup

from ..core.model import PRIORITIES, STATES, STATUSES, Journey, Opportunity
from ..core.problems import Problem, has_errors
from ..core.site_index import Site
from ..core.comparison import compare
from ..core.matrix import matrix_items, value_for_effort
from ..core.overview import Overview
from .charts import card_curve, comparison_chart, matrix_chart
from .emotion import signed, sparkline
from .environment import make_environment
from .icons import CHANNEL_ICONS, MOMENT_ICONS, IconLibrary, IconSprite, channel_icon_name
from .labels import Labels
from .linker import Linker
from .map_view import DEFAULT_SEARCH_LANES, MapView, map_view
from .search_words import SearchWords, lane_texts
from .trend import metric_trend


DUE_SOON_DAYS = 30  # a department page counts what falls due within this many days
# Rows of the index's table per page: what the HTML holds before JavaScript, and each page
# journeys.js shows. The HTML stays the same size however many opportunities the wiki has.
INDEX_PAGE_SIZE = 50
OVERVIEW_CARDS = 60  # journeys the overview shows as cards; beyond, a line each
MATRIX_POINTS = 50  # points the value x effort matrix shows at most
PERSONA_CARDS = 30  # journeys a persona page shows as cards; beyond, as short rows
# The labels journeys.js writes into the rows and the pager it renders
CLIENT_LABELS = ("due", "overdue", "whole_journey", "index.page", "index.board.more")


def spans_journeys(opportunity: Opportunity) -> bool:
    """Is the opportunity placed in more than one journey?"""
    return len({place.journey_path for place in opportunity.places if place.stage_id}) > 1


def map_icons(journey: Journey) -> list[str | None]:
    """The icons the built-in map templates draw: the stages', the touchpoints' channels',
    the moments' kinds."""
    names: list[str | None] = [stage.icon for stage in journey.stages]
    for _, step in journey.steps():
        names.extend(channel_icon_name(touchpoint.channel) for touchpoint in step.touchpoints)
        names.extend(MOMENT_ICONS.get(moment.kind) for moment in step.moments)
    return names


def matrix_of(opportunities: Sequence[Opportunity]) -> tuple[Any, int]:
    """The value x effort chart and how many opportunities it could hold: past MATRIX_POINTS,
    those with the highest value for the effort (numbered in the wiki's order), so a wiki of
    thousands keeps a chart a reader can read and a page that stays light."""
    items = matrix_items(opportunities)
    if len(items) <= MATRIX_POINTS:
        return matrix_chart(items), len(items)
    best = sorted(items, key=lambda item: -(value_for_effort(item.opportunity) or 0))[:MATRIX_POINTS]
    chosen = {id(item.opportunity) for item in best}
    return matrix_chart(matrix_items([i.opportunity for i in items if id(i.opportunity) in chosen])), len(items)


def _cell_lookups(view: MapView, site: Site, context: dict[str, Any], sprite: IconSprite,
                  labels: Labels) -> dict[str, Any]:
    """What the built-in lanes look up in every cell, looked up once per map: a call from a
    template costs several times a lookup in a dict, and a map has hundreds of cells. (The
    functions stay in the context for templates overridden in a custom_dir.)"""
    journey = view.journey
    steps = [step for _, step in view.columns]
    channels = {touchpoint.channel for step in steps for touchpoint in step.touchpoints}
    return {
        # persona id -> (its page's URL or None, its name): the chips of the step headers
        "persona_links": {persona_id: (context["persona_url"](persona_id), site.persona_name(persona_id))
                          for persona_id in view.personas},
        # department id -> (its page's URL or None, its name): the owner lane
        "owner_links": {step.owner: (context["department_url"](step.owner), site.department_name(step.owner))
                        for step in steps if step.owner},
        # a touchpoint's channel as written -> its icon's style attribute, and its name
        "channel_styles": {channel: Markup(sprite.mask_style(channel_icon_name(channel))) for channel in channels},
        "channel_names": {channel: labels("channel." + channel.strip().lower())
                          if channel.strip().lower() in CHANNEL_ICONS else channel
                          for channel in channels if channel},
        "moment_styles": {kind: Markup(sprite.mask_style(name)) for kind, name in MOMENT_ICONS.items()},
        # step id -> the sub-journeys that map the step in detail (format 2)
        "step_sub_journeys": {step.id: site.sub_journeys[(journey.path, step.id)] for step in steps
                              if (journey.path, step.id) in site.sub_journeys},
    }


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


class Renderer:
    def __init__(
        self,
        labels: Labels,
        icons: IconLibrary | None = None,
        template_dirs: Iterable[str] = (),
        lanes: Sequence[str] | None = None,
        search_lanes: Sequence[str] = DEFAULT_SEARCH_LANES,
        layout: str = "wide",
        custom_lanes: Sequence[tuple[str, str]] = (),
        phase_labels: dict[str, str] | None = None,
    ):
        self.labels = labels
        self.icons = icons
        # None: every built-in lane, then the custom ones (site-wide, then each journey's own)
        self.lanes = list(lanes) if lanes is not None else None
        self.layout = layout  # "wide": journey pages give the map the window's width
        self.custom_lanes = list(custom_lanes)  # site-wide (id, label), format 2
        self.phase_labels = phase_labels or {}  # lifecycle phase id -> its label (the `lifecycle` option)
        self.search_lanes = frozenset(search_lanes)
        self._labels_by_language: dict[str, Labels] = {labels.language: labels}
        self.env = make_environment(template_dirs)
        self.env.filters["percent"] = percent
        self.env.filters["signed"] = signed
        self._map = self.env.get_template("journeys/map.html")
        self._search_text = self.env.get_template("journeys/search_text.html")
        self._problems = self.env.get_template("journeys/problems.html")
        self._persona = self.env.get_template("journeys/persona.html")
        self._department = self.env.get_template("journeys/department.html")
        self._index = self.env.get_template("journeys/opportunities.html")
        self._cited_by = self.env.get_template("journeys/cited_by.html")
        self._overview = self.env.get_template("journeys/overview.html")

    def labels_for(self, language: str | None) -> Labels:
        if not language:
            return self.labels
        found = self._labels_by_language.get(language)
        if found is None:
            found = self._labels_by_language[language] = self.labels.in_language(language)
        return found

    def _context(self, site: Site, page_path: str, linker: Linker, labels: Labels) -> dict[str, Any]:
        urls: dict[str, str | None] = {}  # a map links the same few pages from many cells

        def link(to_path: str | None, anchor: str | None = None) -> str | None:
            if not to_path:
                return None
            url = urls[to_path] if to_path in urls else urls.setdefault(to_path, linker.url(page_path, to_path))
            return f"{url}#{anchor}" if url is not None and anchor else url

        def opportunity_url(opportunity: Opportunity) -> str | None:
            return link(site.index_path, opportunity.id) if site.index_path else None

        return {
            "site": site,
            "t": labels,
            "link": link,
            "persona_url": lambda persona_id: link(site.persona_path(persona_id)),
            "department_url": lambda department_id: link(site.department_path(department_id)),
            "opportunity_url": opportunity_url,
            "moment_icons": MOMENT_ICONS,
            "today": site.today,
            "metric_trend": lambda journey, key: metric_trend(journey, key, labels("trend.now")),
            "places": site.places_of,
            "spans_journeys": spans_journeys,
            "phase_labels": self.phase_labels,
            # the value x effort matrix of a list of opportunities (journeys/matrix.html)
            "matrix": matrix_of,
            "matrix_chart": lambda opportunities: matrix_of(opportunities)[0],  # the name older overrides use
        }

    def journey_map(self, journey: Journey, site: Site, linker: Linker) -> str:
        labels = self.labels_for(journey.language)
        view = map_view(journey, self.lanes, site.persona_name, self.custom_lanes,
                        site.foreign_opportunities.get(journey.path, ()))
        sprite = IconSprite(self.icons)
        context = self._context(site, journey.path, linker, labels)
        context["icon"] = lambda name: Markup(sprite.use(name))
        context["channel_icon"] = lambda channel: Markup(sprite.use(channel_icon_name(channel)))
        context["icon_symbols"] = lambda: Markup(sprite.symbols())
        # the built-in lanes' icons as masks (no element per icon); icon() and channel_icon()
        # still give an SVG for any icon, for templates overridden in a custom_dir
        sprite.prepare_masks(map_icons(journey))
        context["icon_style"] = lambda name: Markup(sprite.mask_style(name))
        context["channel_icon_style"] = lambda channel: Markup(sprite.mask_style(channel_icon_name(channel)))
        context["icon_definitions"] = Markup(sprite.mask_definitions())  # escaped by mask_url
        context.update(_cell_lookups(view, site, context, sprite, labels))
        other = site.counterpart.get(journey.path)  # format 2: the other state, compared side by side
        comparison = compare(journey, other) if other is not None else None
        context["comparison"] = comparison
        context["comparison_chart"] = comparison_chart(comparison) if comparison else None
        document = site.documents.get(journey.path)
        # Material's `hide:` in the page's front matter is the author's own choice of sidebars.
        wide = self.layout == "wide" and not (document is not None and document.hides)
        return self._map.render(journey=journey, view=view, wide=wide, **context)

    def journey_search_text(self, journey: Journey, site: Site, linker: Linker) -> str:
        """The map's text for search, in a few tags, each word once (journeys/search_text.html)."""
        labels = self.labels_for(journey.language)
        # The page title is indexed already, as the title of the page's search document.
        return self._search_text.render(journey=journey, search_lanes=self.search_lanes,
                                        words=SearchWords(journey.title), lanes=lane_texts(journey),
                                        **self._context(site, journey.path, linker, labels))

    def cited_by(self, page_path: str, site: Site, linker: Linker) -> str:
        """Format 2: the steps that cite a page as their evidence, added to that page."""
        return self._cited_by.render(citations=site.cited_by.get(page_path, []),
                                     **self._context(site, page_path, linker, self.labels))

    def problems_panel(self, problems: list[Problem], language: str | None = None) -> str:
        labels = self.labels_for(language)
        return self._problems.render(problems=problems, errors=has_errors(problems), t=labels)

    def persona_page(self, persona_id: str, page_path: str, site: Site, linker: Linker) -> str:
        """The profile and cross-links added to a persona's page (or its generated page)."""
        roles = site.persona_roles.get(persona_id, [])
        # up to a page of journeys, a card each; beyond, a short row each (the map has the rest)
        full_cards = len(roles) <= PERSONA_CARDS
        today = site.today
        items = []
        for role in roles:
            opportunities = site.opportunities_of_journeys([role.journey])
            item = {"role": role, "opportunities": opportunities}
            if full_cards:
                item["curve"] = sparkline(role.journey, persona_id)
            else:
                open_items = [o for o in opportunities if o.status != "done"]
                item["open"] = len(open_items)
                item["overdue"] = sum(1 for o in open_items if o.is_overdue(today))
            items.append(item)
        return self._persona.render(
            persona=site.personas.get(persona_id),
            persona_id=persona_id,
            roles=items,
            full_cards=full_cards,
            **self._context(site, page_path, linker, self.labels),
        )

    def department_page(self, department_id: str, page_path: str, site: Site, linker: Linker) -> str:
        opportunities = site.opportunities_by_owner.get(department_id, [])
        today = site.today
        soon = today + timedelta(days=DUE_SOON_DAYS)
        open_items = [o for o in opportunities if o.status != "done"]
        # what a department head asks first: how much is open, late, or about to be
        summary = {
            "open": len(open_items),
            "overdue": sum(1 for o in open_items if o.is_overdue(today)),
            "due_soon": sum(1 for o in open_items if o.due is not None and today <= o.due <= soon),
        }
        by_due = sorted(opportunities, key=lambda o: (o.due is None, o.due or today))  # stable: else wiki order
        steps_by_journey: dict[str, list[Any]] = {}  # the journey named once, then its steps
        owned_steps = site.steps_by_owner.get(department_id, [])
        for owned in owned_steps:
            steps_by_journey.setdefault(owned.journey.path, []).append(owned)
        return self._department.render(
            # up to a page of rows every detail is in the table; beyond, each row is short and
            # the index (filtered to the department) shows the rest
            full_rows=len(opportunities) <= INDEX_PAGE_SIZE,
            department=site.departments.get(department_id),
            department_id=department_id,
            opportunities=opportunities,
            summary=summary,
            opportunities_by_status=[(status, [o for o in by_due if o.status == status]) for status in STATUSES],
            journeys=site.journeys_by_owner.get(department_id, []),
            steps=list(steps_by_journey.values()),
            few_steps=len(owned_steps) <= INDEX_PAGE_SIZE,
            index_url=linker.url(page_path, site.index_path) if site.index_path else None,
            **self._context(site, page_path, linker, self.labels),
        )

    def opportunity_index(self, page_path: str, site: Site, linker: Linker, exports: list[tuple[str, str]],
                          data_url: str | None = None) -> str:
        """The index. With `data_url` (its compact data, core.exports.index_data) the HTML
        holds summary counts and the first page of rows, and journeys.js shows the filtered,
        sorted, paged table and the board from the data; without it, every row and card."""
        labels = self.labels
        context = self._context(site, page_path, linker, labels)
        opportunities = site.opportunities
        # all in the HTML (rows and cards) when they fit in a page or no data file is there
        complete = data_url is None or len(opportunities) <= INDEX_PAGE_SIZE
        first_rows = opportunities if complete else opportunities[:INDEX_PAGE_SIZE]
        owners = sorted({o.owner for o in site.opportunities if o.owner}, key=site.department_name)
        # a wiki of thousands of journeys: journeys.js lists them from the data file
        journeys = [j for j in site.journeys if j.opportunities] if complete else []
        filters = [
            ("status", labels("status"), [(s, labels("status." + s)) for s in STATUSES]),
            ("owner", labels("lane.owner"), [(o, site.department_name(o)) for o in owners]),
            ("journey", labels("journey"), [(j.path, j.title) for j in journeys]),
            ("priority", labels("priority"), [(p, labels("priority." + p)) for p in PRIORITIES]),
        ]
        status_counts = {status: 0 for status in STATUSES}
        owner_counts: dict[str, int] = {}
        overdue = 0
        unlisted_journeys: dict[str, Journey] = {}  # journeys whose opportunities no department page lists
        for item in opportunities:
            status_counts[item.status] += 1
            overdue += item.is_overdue(site.today)
            if item.owner:
                owner_counts[item.owner] = owner_counts.get(item.owner, 0) + 1
            if not complete and (not item.owner or context["department_url"](item.owner) is None):
                unlisted_journeys.setdefault(item.journey_path, site.journey_by_path[item.journey_path])
        return self._index.render(
            opportunities=opportunities,
            first_rows=first_rows,
            complete=complete,
            data_url=data_url,
            page_size=INDEX_PAGE_SIZE,
            status_counts=status_counts,
            owner_counts=[(owner, owner_counts[owner]) for owner in owners],
            overdue_count=overdue,
            unlisted_journeys=list(unlisted_journeys.values()),
            board=[(status, [] if not complete else [o for o in opportunities if o.status == status]) for status in STATUSES],
            filters=filters,
            priority_rank={p: i for i, p in enumerate(PRIORITIES)},
            exports=exports,
            client_labels={key: labels(key) for key in CLIENT_LABELS}
            | {f"status.{s}": labels("status." + s) for s in STATUSES}
            | {f"priority.{p}": labels("priority." + p) for p in PRIORITIES},
            **context,
        )

    def overview_page(self, overview: Overview, page_path: str, site: Site, linker: Linker,
                      exports: list[tuple[str, str]]) -> str:
        """The journey overview: every journey's card by lifecycle phase, with filters."""
        labels = self.labels
        filters = [
            ("owner", labels("lane.owner"), [(o, site.department_name(o)) for o in overview.owners()], False),
            ("persona", labels("personas"), sorted(((p, site.persona_name(p)) for p in overview.personas()),
                                                  key=lambda option: option[1].casefold()), True),
            ("state", labels("state"), [(s, labels("state." + s)) for s in STATES
                                         if any(card.journey.state == s for card in overview.cards)], False),
            ("attention", labels("overview.attention"), [("yes", labels("overview.attention.yes"))], False),
        ]
        return self._overview.render(overview=overview, filters=filters, card_curve=card_curve, exports=exports,
                                     short=len(overview.cards) > OVERVIEW_CARDS,
                                     words=labels.table,
                                     **self._context(site, page_path, linker, labels))
