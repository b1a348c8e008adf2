"""Render journey maps and problem panels to HTML with Jinja2 templates.

Templates are looked up by name (`journeys/map.html`, `journeys/lanes/emotion.html`, ...)
first in the folders given (a theme's `custom_dir`), then in this package, and compiled
once per build.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..core.model import PRIORITIES, STATUSES, Journey, Opportunity
from ..core.problems import Problem, has_errors
from ..core.site_index import Site
from .emotion import signed, sparkline
from .icons import MOMENT_ICONS, IconLibrary, IconSprite, channel_icon_name
from .labels import Labels
from .linker import Linker
from .map_view import DEFAULT_SEARCH_LANES, LANES, map_view


def make_environment(template_dirs: Iterable[str] = ()) -> Environment:
    loader = ChoiceLoader([FileSystemLoader(list(template_dirs)), PackageLoader("mkdocs_journeys.render", "templates")])
    return Environment(
        loader=loader,
        autoescape=True,  # every text of a page is plain text: escaped, always
        auto_reload=False,  # compiled once per build: no stat() of every included template
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.0f}%"


class Renderer:
    def __init__(
        self,
        labels: Labels,
        icons: IconLibrary | None = None,
        template_dirs: Iterable[str] = (),
        lanes: Sequence[str] = LANES,
        search_lanes: Sequence[str] = DEFAULT_SEARCH_LANES,
    ):
        self.labels = labels
        self.icons = icons
        self.lanes = list(lanes)
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
        }

    def journey_map(self, journey: Journey, site: Site, linker: Linker) -> str:
        labels = self.labels_for(journey.language)
        view = map_view(journey, self.lanes, site.persona_name)
        sprite = IconSprite(self.icons)
        context = self._context(site, journey.path, linker, labels)
        context["icon"] = lambda name: Markup(sprite.use(name))
        context["channel_icon"] = lambda channel: Markup(sprite.use(channel_icon_name(channel)))
        context["icon_symbols"] = lambda: Markup(sprite.symbols())
        return self._map.render(journey=journey, view=view, **context)

    def journey_search_text(self, journey: Journey, site: Site, linker: Linker) -> str:
        """All the map's text in a few tags, for search engines that parse every tag."""
        labels = self.labels_for(journey.language)
        return self._search_text.render(journey=journey, search_lanes=self.search_lanes,
                                        **self._context(site, journey.path, linker, labels))

    def problems_panel(self, problems: list[Problem], language: str | None = None) -> str:
        labels = self.labels_for(language)
        return self._problems.render(problems=problems, errors=has_errors(problems), t=labels)

    def persona_page(self, persona_id: str, page_path: str, site: Site, linker: Linker) -> str:
        """The profile and cross-links added to a persona's page (or its generated page)."""
        roles = site.persona_roles.get(persona_id, [])
        return self._persona.render(
            persona=site.personas.get(persona_id),
            persona_id=persona_id,
            roles=[{"role": role, "curve": sparkline(role.journey, persona_id),
                    "opportunities": site.opportunities_of_journeys([role.journey])} for role in roles],
            **self._context(site, page_path, linker, self.labels),
        )

    def department_page(self, department_id: str, page_path: str, site: Site, linker: Linker) -> str:
        opportunities = site.opportunities_by_owner.get(department_id, [])
        return self._department.render(
            department=site.departments.get(department_id),
            department_id=department_id,
            opportunities=opportunities,
            opportunities_by_status=[(status, [o for o in opportunities if o.status == status]) for status in STATUSES],
            journeys=site.journeys_by_owner.get(department_id, []),
            steps=site.steps_by_owner.get(department_id, []),
            **self._context(site, page_path, linker, self.labels),
        )

    def opportunity_index(self, page_path: str, site: Site, linker: Linker, exports: list[tuple[str, str]]) -> str:
        labels = self.labels
        owners = sorted({o.owner for o in site.opportunities if o.owner}, key=site.department_name)
        journeys = [j for j in site.journeys if j.opportunities]
        filters = [
            ("status", labels("status"), [(s, labels("status." + s)) for s in STATUSES]),
            ("owner", labels("lane.owner"), [(o, site.department_name(o)) for o in owners]),
            ("journey", labels("journey"), [(j.path, j.title) for j in journeys]),
            ("priority", labels("priority"), [(p, labels("priority." + p)) for p in PRIORITIES]),
        ]
        return self._index.render(
            opportunities=site.opportunities,
            board=[(status, [o for o in site.opportunities if o.status == status]) for status in STATUSES],
            filters=filters,
            priority_rank={p: i for i, p in enumerate(PRIORITIES)},
            exports=exports,
            **self._context(site, page_path, linker, labels),
        )
