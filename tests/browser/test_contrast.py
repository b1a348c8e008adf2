"""Map text is readable in Material's light and dark palettes: every piece of text has WCAG AA
contrast against what is painted beneath it, computed from the rendered colours."""

from __future__ import annotations

import pytest

from .conftest import INDEX, JOURNEYS, PALETTES


def describe(findings: list[dict]) -> str:
    return "\n".join(
        f"  {f['text']!r}: {f.get('colour')} on {f.get('background')} = {f['ratio']} (needs {f.get('needed')}) "
        f"[{f.get('element', '')}]{' ' + f['note'] if 'note' in f else ''}"
        for f in findings
    )


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("journey", JOURNEYS)
def test_journey_text_contrast(view_page, journey: str, palette: str) -> None:
    page = view_page(JOURNEYS[journey], palette=palette)
    findings = page.evaluate("journeysProbes.lowContrast('.journeys.journey')")
    assert findings == [], f"{journey}, {palette} palette, text below WCAG AA:\n" + describe(findings)


@pytest.mark.parametrize("palette", PALETTES)
def test_index_text_contrast(view_page, palette: str) -> None:
    page = view_page(INDEX, palette=palette)
    findings = page.evaluate("journeysProbes.lowContrast('.journeys-index')")
    assert findings == [], f"index, {palette} palette, text below WCAG AA:\n" + describe(findings)
