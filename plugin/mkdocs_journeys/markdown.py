"""`markdown_extensions: [mkdocs_journeys.markdown]`: journey maps and cross-links for site
generators that run Python-Markdown extensions but not MkDocs plugins, i.e. Zensical.

Zensical hands each page's path, URL, front matter and the site's config to extensions
through its context preprocessor (`rendering_context`). With it, this extension places on
each page what the MkDocs plugin places: a journey page's map (or its problems), a persona
or department page's cross-links, the opportunity index on the page holding
`<!-- journey:opportunities -->`, and format-reference tables. All of it is rendered by the
same core and templates, from the docs folder read once per process (zensical/wiki.py).

Without that context (under MkDocs, where the `journeys` plugin does the work) the
extension changes nothing. Options (each also read from the `journeys` plugin's options of
a mkdocs.yml beside the docs folder): today, language, lanes, labels, stale_after_days,
opportunities; and `strict`, which fails the build on any problem.
"""

from __future__ import annotations

import os
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

from .core.markers import page_parts, place_part
from .render.format_reference import place_format_references
from .zensical.wiki import WIKIS, FolderWiki, project_for

CONTEXT_PREPROCESSOR = "rendering_context"  # zensical.extensions.context.ContextPreprocessor.name
OPTIONS = ("today", "language", "lanes", "labels", "stale_after_days", "opportunities")


class JourneyProblems(Exception):
    """Raised under `strict: true` for a page with problems: Zensical's own --strict does
    not see the warnings a Markdown extension logs."""


def page_fragments(wiki: FolderWiki, path: str, html: str) -> str:
    """The page's HTML with what the journeys plugin would add to it (core.markers.page_parts)."""
    site, renderer, linker = wiki.site, wiki.renderer, wiki.linker
    document = site.documents.get(path)

    def render(view: str, page_id: str) -> str:
        if view == "panel":
            language = document.journey.language if document is not None and document.journey else None
            return renderer.problems_panel(site.problems_of(path), language) + "\n"
        if view == "map":
            return renderer.journey_map(document.journey, site, linker)
        if view == "persona":
            return renderer.persona_page(page_id, path, site, linker)
        if view == "department":
            return renderer.department_page(page_id, path, site, linker)
        if view == "cited_by":
            return renderer.cited_by(path, site, linker)
        if view == "overview":
            return renderer.overview_page(wiki.overview, path, site, linker, [])
        exports = [(name, linker.url(path, export) or export) for name, export in wiki.exports]
        return renderer.opportunity_index(path, site, linker, exports)

    overview_path = wiki.overview_path if wiki.overview is not None else None
    for part in page_parts(site, path, overview_path=overview_path):
        html = place_part(html, "".join(render(view, page_id) for view, page_id in part.views), part)
    return place_format_references(html, renderer.env)


class JourneysPostprocessor(Postprocessor):
    """Runs on the page's final HTML (after raw HTML, markers included, is put back).

    Postprocessors also run on other HTML, e.g. the toc extension's table of contents;
    only the text that follows the last treeprocessor is the page."""

    def __init__(self, md: Markdown, options: dict[str, Any], strict: bool = False):
        super().__init__(md)
        self.options = options
        self.strict = strict
        self.page_is_next = False  # set when every treeprocessor has run

    def run(self, text: str) -> str:
        if not self.page_is_next:
            return text
        self.page_is_next = False
        context = self.md.preprocessors[CONTEXT_PREPROCESSOR] if CONTEXT_PREPROCESSOR in self.md.preprocessors else None
        page, config = getattr(context, "page", None), getattr(context, "config", None)
        if page is None or not isinstance(config, dict) or not getattr(page, "path", None):
            return text  # not Zensical: MkDocs' journeys plugin, if listed, does the work
        root_dir = config.get("root_dir") or ""
        docs_dir = os.path.normpath(os.path.join(root_dir, config.get("docs_dir") or "docs"))
        theme = config.get("theme") or {}
        options = dict(self.options)
        theme_language = theme.get("language")
        theme_dirs = list(config.get("theme_dirs") or [])
        key = (docs_dir, repr(sorted(options.items())), theme_language, tuple(theme_dirs))
        path = page.path.replace(os.sep, "/")
        wiki = WIKIS.get(key, lambda: (project_for(docs_dir, root_dir, theme_dirs, options), theme_language), path)
        if self.strict:
            problems = wiki.site.problems_of(path)
            if problems:
                raise JourneyProblems("journeys (strict): " + "; ".join(problem.message for problem in problems))
        return page_fragments(wiki, path, text)


class _PageIsNext(Treeprocessor):
    """The last treeprocessor: what the postprocessors see next is the page."""

    def __init__(self, md: Markdown, postprocessor: JourneysPostprocessor):
        super().__init__(md)
        self.postprocessor = postprocessor

    def run(self, root: Any) -> None:
        self.postprocessor.page_is_next = True


class JourneysExtension(Extension):
    def __init__(self, **kwargs: Any):
        self.config = {
            "today": ["", "The build date for overdue and stale marks (ISO date); default SOURCE_DATE_EPOCH, else today"],
            "language": ["", "Language of the map labels; default theme.language, else English"],
            "lanes": [[], "Which lanes a map shows, in this order"],
            "labels": [{}, "Label overrides, e.g. {lane.actions: Customer does}"],
            "stale_after_days": ["", "A journey reviewed longer ago than this is marked as due for review"],
            "opportunities": ["", "Folder of the opportunity index (default: opportunities)"],
            "strict": [False, "Fail the page (and so the build) on any problem, as `mkdocs build --strict` does"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # Only the options set here (a default of None would make Python-Markdown read the
        # option as a boolean): the others come from the journeys plugin's, if any.
        options = {key: self.getConfig(key) for key in OPTIONS if self.getConfig(key) not in ("", [], {})}
        postprocessor = JourneysPostprocessor(md, options, bool(self.getConfig("strict")))
        # After raw HTML (30) is put back, so the marker comments are in the text.
        md.postprocessors.register(postprocessor, "journeys", 5)
        md.treeprocessors.register(_PageIsNext(md, postprocessor), "journeys_page_is_next", -1000)


def makeExtension(**kwargs: Any) -> JourneysExtension:  # noqa: N802 - Python-Markdown's name
    return JourneysExtension(**kwargs)
