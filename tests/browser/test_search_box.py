"""A reader types a pain point or a step name into Material's search box and finds the
journey: the sample wiki, searched in headless Chromium. The index holds each word of a
journey once (its headline written out, the other texts' words), so a phrase is found by
its words, as Material's search finds any text. A result shows the paragraphs that hold
the words searched for: each reads as a sentence of the map."""

from __future__ import annotations

import pytest

from .conftest import search_for

B2B = "journeys/b2b-key-account/"
MALAY = "journeys/pembelian-dalam-talian/"


def search_results(page, query: str) -> list[dict]:
    """The result list Material shows for `query`: each result's page path and its box."""
    search_for(page, query)
    return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item > a')].map(a => {
        const box = a.getBoundingClientRect();
        return {path: new URL(a.href).pathname, top: box.top, bottom: box.bottom, height: box.height};
    })""")


@pytest.mark.parametrize("query, found", [
    ("Security and integration questions go unanswered", B2B),  # a pain point
    ("Downloads the industry white paper", B2B),  # a step name
    ("Pricing model does not map to the RFP template", B2B),  # a pain point whose words other texts hold too
    ("Baucar hanya sampai selepas 30 minit", MALAY),  # a Malay pain point
])
def test_search_finds_the_journey_by_a_pain_point_or_a_step_name(search_page, query: str, found: str) -> None:
    page = search_page()
    results = search_results(page, query)
    paths = [result["path"] for result in results]
    assert f"/{found}" in paths, (query, paths)
    # the reader sees it without scrolling the results
    journey = results[paths.index(f"/{found}")]
    assert journey["height"] > 0 and 0 <= journey["top"] and journey["bottom"] <= page.viewport_size["height"], (
        query, paths, journey)


@pytest.mark.parametrize("query, paragraph", [
    # a step: its stage's paragraph, the step names as written
    ("Downloads the industry white paper", "Awareness (认知): Meets the brand at an industry summit; "
                                           "Downloads the industry white paper"),
    # a pain point: the pain points' paragraph, its label first, the words not in the
    # headline (an opportunity title holds "form")
    ("Eleven-field registration form", "Pain points: Eleven-field registration; Generic follow-up e-mails"),
])
def test_a_journey_result_shows_the_paragraph_found_as_it_reads(search_page, query: str, paragraph: str) -> None:
    page = search_page()
    results = search_results(page, query)
    paths = [result["path"] for result in results]
    assert f"/{B2B}" in paths, (query, paths)
    shown = page.evaluate(r"""path => [...document.querySelectorAll('.md-search-result__item > a')]
        .filter(a => new URL(a.href).pathname === path)
        .flatMap(a => [...a.querySelectorAll('article > p')])
        .map(p => ({text: p.textContent.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim(),
                    height: p.getBoundingClientRect().height}))""", f"/{B2B}")
    matching = [item for item in shown if item["text"].startswith(paragraph)]
    assert matching, (query, [item["text"][:120] for item in shown])
    assert matching[0]["height"] > 0  # shown, not hidden
