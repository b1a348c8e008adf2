"""A site as the core sees it, without MkDocs: what a build logs and what each page shows.

The plugin reads every page with the core, cross-references them, logs each problem's
message as a warning (so `--strict` fails on any), puts the problem panel on every page
that has problems and draws a journey's map unless the page has errors. Checking those
facts here takes milliseconds per site instead of a Material build; the end-to-end tests
in test_error_contract.py prove the wiring for a dozen cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bs4 import BeautifulSoup, Tag
from mkdocs.theme import Theme

from mkdocs_journeys.core.documents import Document
from mkdocs_journeys.core.site_index import Site
from mkdocs_journeys.core.site_reader import cross_reference, read_pages
from mkdocs_journeys.render.icons import IconLibrary
from mkdocs_journeys.render.labels import Labels
from mkdocs_journeys.render.renderer import Renderer

TODAY = date(2026, 11, 22)  # the `today` build_site gives the plugin
# The icons Material bundles, looked up in the theme's folders as the plugin does.
ICONS = IconLibrary(Theme(name="material").dirs)
RENDERER = Renderer(Labels("en"), icons=ICONS)


@dataclass
class CoreSite:
    site: Site

    @property
    def messages(self) -> list[str]:
        """What a build logs as warnings, in its order."""
        return [problem.message for problem in self.site.problems()]

    def document(self, path: str) -> Document:
        return self.site.documents[path]

    def panel(self, path: str) -> Tag | None:
        """The problem panel the page shows, or None when it has no problem."""
        problems = self.site.problems_of(path)
        if not problems:
            return None
        document = self.site.documents.get(path)
        language = document.journey.language if document is not None and document.journey else None
        return BeautifulSoup(RENDERER.problems_panel(problems, language), "html.parser").select_one(
            "div.journeys-problems")

    def shows_map(self, path: str) -> bool:
        """A journey page shows its map (under the panel, if it has problems) unless its
        structure could not be read: no journey, or no stage (forgiving previews)."""
        document = self.site.documents.get(path)
        return document is not None and document.journey is not None and bool(document.journey.stages)

    def indexed(self, opportunity_id: str) -> bool:
        return opportunity_id in self.site.opportunity_by_id


def read_site(pages: dict[str, str | bytes]) -> CoreSite:
    """Every page read and cross-referenced by the core, as the plugin's build does."""
    read = read_pages(pages.items(), ICONS.exists)
    return CoreSite(cross_reference(read, list(pages), TODAY))
