"""The measuring functions of probes.js find what they are meant to find: on small pages made
to have each fault (and its fixed twin), they report the fault and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest

PROBES = Path(__file__).with_name("probes.js")

MAP = """
<style>
  body {{ margin: 0; font: 14px/1.4 sans-serif; background: #fff; color: #222; }}
  .journey-map__scroll {{ width: 300px; overflow-x: auto; position: relative; }}
  table {{ border-collapse: separate; border-spacing: 0; width: max-content; }}
  th, td {{ width: 150px; min-width: 150px; padding: 4px; vertical-align: top; text-align: left; }}
  th.journey-map__label {{ width: 80px; min-width: 80px; background: #fff; {label_style} }}
  .cover {{ position: relative; z-index: 2; background: #eee; }}
  {extra}
</style>
<div class="journey-map__scroll">
  <table class="journey-map__table"><tbody>
    <tr><th class="journey-map__label">Actions</th><td>{cell_a}</td><td>Second cell</td><td>Third</td></tr>
    <tr><th class="journey-map__label">Thoughts</th><td>One</td><td class="cover">Two</td><td>Three</td></tr>
  </tbody></table>
</div>
"""


@pytest.fixture
def blank_page(browser):
    context = browser.new_context(viewport={"width": 800, "height": 600})
    page = context.new_page()

    def _load(html: str):
        page.set_content(html)
        page.add_script_tag(path=str(PROBES))
        return page

    yield _load
    context.close()


def test_overlapping_text_is_found(blank_page) -> None:
    clean = blank_page(MAP.format(label_style="position: sticky; left: 0; z-index: 3;", extra="",
                                  cell_a="First cell"))
    assert clean.evaluate("journeysProbes.textOverlaps('.journey-map__table')") == []

    collided = blank_page(MAP.format(label_style="position: sticky; left: 0; z-index: 3;",
                                     extra=".shift { position: relative; left: 140px; }",
                                     cell_a="First <span class='shift'>shifted</span>"))
    findings = collided.evaluate("journeysProbes.textOverlaps('.journey-map__table')")
    assert any("shifted" in f and "overlaps" in f for f in findings), findings
    assert any("runs out of its cell" in f for f in findings), findings


def test_labels_scrolled_away_or_covered_are_found(blank_page) -> None:
    sticky = blank_page(MAP.format(label_style="position: sticky; left: 0; z-index: 3;", extra="",
                                   cell_a="First cell"))
    assert sticky.evaluate("journeysProbes.hiddenLaneLabels('.journey-map__scroll')") == []

    scrolled = blank_page(MAP.format(label_style="", extra="", cell_a="First cell"))
    findings = scrolled.evaluate("journeysProbes.hiddenLaneLabels('.journey-map__scroll')")
    assert len(findings) == 2 and all("outside the visible map" in f for f in findings), findings

    covered = blank_page(MAP.format(label_style="position: sticky; left: 0; z-index: 1;", extra="",
                                    cell_a="First cell"))
    findings = covered.evaluate("journeysProbes.hiddenLaneLabels('.journey-map__scroll')")
    assert findings and all("covered by td" in f for f in findings), findings


def test_low_contrast_is_found_against_what_is_beneath(blank_page) -> None:
    page = blank_page("""
        <style>body { margin: 0; background: #fff; font: 14px sans-serif; }</style>
        <div id="root">
          <p style="color: #767676">Grey on white passes (4.54:1)</p>
          <p style="color: #777777">Lighter grey fails (4.48:1)</p>
          <p style="color: rgba(0, 0, 0, 0.3)">Faint black fails</p>
          <p style="color: #949494; font-size: 24px">Large grey passes at 3:1</p>
          <div style="position: relative; height: 30px">
            <span style="position: absolute; inset: 0; background: #222"></span>
            <span style="position: relative; color: #fff">White on a dark bar beneath</span>
          </div>
          <div style="position: relative; height: 30px">
            <span style="position: absolute; inset: 0; background: #222"></span>
            <span style="position: relative; color: #333">Dark on a dark bar beneath</span>
          </div>
        </div>""")
    found = {f["text"]: f for f in page.evaluate("journeysProbes.lowContrast('#root')")}
    assert set(found) == {"Lighter grey fails (4.48:1)", "Faint black fails", "Dark on a dark bar beneath"}, found
    assert found["Dark on a dark bar beneath"]["background"] == "#222222"


def test_smallest_font_is_measured(blank_page) -> None:
    page = blank_page("<div id='root' style='font-size: 12px'>Normal <small style='font-size: 7px'>tiny</small>"
                      "<span class='journeys-sr-only' style='font-size: 1px'>hidden from sight</span></div>")
    assert page.evaluate("journeysProbes.smallestFont('#root')") == {"size": 7, "text": "tiny"}
