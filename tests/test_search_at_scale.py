"""The search index every reader downloads stays lean, and search still finds every journey
by its step names, pain points and opportunity titles.

The run's large generated wiki (benchmarks/generate.py: 30-step journeys, every lane
filled) is built with the plugin and, as its control, with the same pages and no plugin;
the sample wiki is the repository's. The texts expected are read from the pages' front matter; the index is
the search_index.json Material wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config

from support.large_wiki import LARGE_JOURNEYS
from support.search_index import document_text, page_documents, search_documents, tokens

@dataclass
class GeneratedWiki:
    docs: Path
    plugin_site: Path
    control_site: Path


@pytest.fixture(scope="module")
def generated(large_generated_wiki, tmp_path_factory) -> GeneratedWiki:
    """The large generated wiki of the run (support/large_wiki.py), built with the plugin, and
    its control: the same pages built without the plugin (the generator's control.yml)."""
    root = large_generated_wiki.root
    control_site = tmp_path_factory.mktemp("control") / "site"
    build(load_config(str(root / "control.yml"), site_dir=str(control_site)))
    return GeneratedWiki(large_generated_wiki.docs_dir, large_generated_wiki.site_dir, control_site)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    # libyaml's reader (PyYAML's C binding): the same data, read several times faster
    return yaml.load(text.split("---\n", 2)[1], Loader=yaml.CSafeLoader)


def texts(value) -> list[str]:
    """A text field written as a list or, for one item, as a plain string."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(item) for item in value]


def journeys_of(docs_dir: Path) -> Iterator[tuple[str, dict]]:
    """(location of the page, its `journey:` front matter) of every journey page."""
    for path in sorted((docs_dir / "journeys").glob("*.md")):
        data = front_matter(path)
        if isinstance(data, dict) and isinstance(data.get("journey"), dict):
            yield f"journeys/{path.stem}/", data["journey"]


def missing_from_search(documents: list[dict], location: str, journey: dict) -> list[str]:
    """What of a journey search cannot find in the page's own documents: step names and
    opportunity titles as written, every word of every pain point."""
    text = " ".join(document_text(d) for d in page_documents(documents, location))
    words = set(tokens(text))
    missing = []
    for stage in journey["stages"]:
        for step in stage["steps"]:
            if step["name"] not in text:
                missing.append(f"step {step['name']!r}")
            for pain_point in texts(step.get("pain_points")):
                missing += [f"{word!r} of pain point {pain_point!r}" for word in tokens(pain_point) if word not in words]
    for opportunity in journey.get("opportunities") or []:
        if opportunity["title"] not in text:
            missing.append(f"opportunity {opportunity['title']!r}")
    return [f"{location}: {what}" for what in missing]


def test_search_finds_every_journey_of_a_generated_wiki_by_its_steps_pain_points_and_opportunities(generated):
    documents = search_documents(generated.plugin_site)
    journeys = list(journeys_of(generated.docs))
    assert len(journeys) == LARGE_JOURNEYS
    missing = [what for location, journey in journeys for what in missing_from_search(documents, location, journey)]
    assert missing == [], "\n".join(missing[:20])


def test_search_finds_every_journey_of_the_sample_wiki_by_its_steps_pain_points_and_opportunities(sample_wiki):
    documents = search_documents(sample_wiki.site_dir)
    journeys = list(journeys_of(sample_wiki.docs_dir))
    assert len(journeys) >= 5
    missing = [what for location, journey in journeys for what in missing_from_search(documents, location, journey)]
    assert missing == [], "\n".join(missing[:20])


def test_what_the_plugin_adds_to_the_search_index_is_at_most_the_control_index(generated):
    plugin = (generated.plugin_site / "search" / "search_index.json").stat().st_size
    control = (generated.control_site / "search" / "search_index.json").stat().st_size
    assert plugin - control <= control, f"plugin {plugin} bytes, control {control} bytes"


def test_the_generated_parts_add_headings_and_their_own_text_not_listings_of_journeys(generated):
    """Persona, department, overview and index pages name many journeys, each indexed on
    its own page: their search documents do not list them again."""
    documents = search_documents(generated.plugin_site)
    titles = [data["title"] for data in (front_matter(path) for path in sorted((generated.docs / "journeys").glob("*.md")))]
    for location in ("opportunities/", "overview/", "personas/persona-0/", "departments/department-0/"):
        text = " ".join(document_text(d) for d in page_documents(documents, location))
        listed = [title for title in titles if title in text]
        assert listed == [], (location, listed[:5])
    # while their headings stay sections of their own
    html = (generated.plugin_site / "departments" / "department-0" / "index.html").read_text(encoding="utf-8")
    headings = {" ".join(h.get_text(" ").split()) for h in BeautifulSoup(html, "html.parser").select(".journeys h2[id]")}
    titles = {d["title"] for d in page_documents(documents, "departments/department-0/")}
    assert headings and headings <= titles, (headings, titles)
