"""axe-core (npm package, injected into the page) finds no serious or critical violation on a
journey, a persona, a department, the opportunity index and the journey overview, in both
palettes."""

from __future__ import annotations

import pytest

from .axe import run_axe_but_the_themes
from .conftest import DEPARTMENT, INDEX, JOURNEYS, PALETTES, PERSONA

PAGES = {
    "journey": JOURNEYS["b2b"],
    "journey-zh": JOURNEYS["camping"],
    "journey-ms": JOURNEYS["malay"],
    "persona": PERSONA,
    "department": DEPARTMENT,
    "index": INDEX,
    "overview": "overview/",  # the journey overview (issue 14)
}


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("name", PAGES)
def test_no_serious_axe_violations(view_page, axe_source: str, name: str, palette: str) -> None:
    page = view_page(PAGES[name], palette=palette)
    ours = run_axe_but_the_themes(page, axe_source)
    report = "\n".join(
        f"  {v['impact']} {v['rule']} ({v['help']}) on {v['owner']}: {v['where']}\n      "
        + v["why"].replace("\n", "\n      ")
        for v in ours
    )
    assert ours == [], f"{PAGES[name]} ({palette}):\n{report}"
