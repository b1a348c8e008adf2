"""The benchmark's measuring helpers (benchmarks/run.py, benchmarks/pages.py) on a tiny
generated wiki built for real, plugin and control: the figures it reports must be about the
right pages and add up. No timing is asserted: the builds' times are only checked to be
reported."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import pages  # noqa: E402
import run  # noqa: E402
from generate import generate  # noqa: E402

N = 5


@pytest.fixture(scope="module")
def tiny_wiki(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], dict]:
    """N journeys built once with the plugin and once without (fresh `mkdocs build` each)."""
    root = tmp_path_factory.mktemp("bench-wiki")
    step_counts = generate(root, N, features=("navigation.prune",))
    builds = run.measure_builds(root, runs=1, n=N)
    return root, step_counts, builds


def test_generate_reports_each_journeys_step_count(tiny_wiki) -> None:
    root, step_counts, _ = tiny_wiki
    assert sorted(step_counts) == [f"journeys/journey-{i:05d}.md" for i in range(N)]
    for path, steps in step_counts.items():
        text = (root / "docs" / path).read_text(encoding="utf-8")
        # every step has exactly one `completion:` in the generated front matter
        assert text.count("\n      completion: ") == steps, path
        assert 25 <= steps <= 35


def test_journey_page_is_the_one_closest_to_30_steps(tiny_wiki) -> None:
    _, step_counts, _ = tiny_wiki
    page, steps = pages.journey_page(step_counts)
    closest = min(abs(s - 30) for s in step_counts.values())
    assert abs(steps - 30) == closest
    assert step_counts[page.removesuffix("/index.html") + ".md"] == steps
    assert pages.journey_page({"b.md": 29, "a.md": 31, "c.md": 40}) == ("a/index.html", 31)


def test_build_figures_are_reported_for_both_builds(tiny_wiki) -> None:
    root, _, builds = tiny_wiki
    for side in ("plugin", "control"):
        assert {f"{side}_wall_s", f"{side}_cpu_s", f"{side}_peak_mib"} <= builds.keys()
        assert (root / f"site-{side}.yml" / "index.html").is_file()
    assert set(builds["phase_ms_per_journey"]) == set(run.PHASES)
    # one run: its own pair is the median's pair, and the line of each run's ratio shows it
    assert builds["wall_s_per_run"] == {"plugin": [builds["plugin_wall_s"]], "control": [builds["control_wall_s"]]}
    line = run.runs_line([{"n": N, "features": ["navigation.prune"], **builds}])
    assert f"N = {N}, `navigation.prune`: {builds['wall_ratio']:.3f}x." in line


def test_page_and_search_figures_of_both_sites(tiny_wiki) -> None:
    root, step_counts, _ = tiny_wiki
    figures = run.measure_pages(root, step_counts, browser_loads=0)
    search = figures["search_index_bytes"]
    assert search["plugin"] > search["control"] > 0
    assert figures["search_additions_ratio"] == pytest.approx((search["plugin"] - search["control"]) / search["control"])
    index = figures["index_page"]
    assert index["path"] == "opportunities/index.html"
    # the index lists every opportunity of every journey: 3-5 each
    assert index["plugin"]["elements"] > 3 * N
    assert index["plugin"]["bytes"] == (root / "site-plugin.yml" / index["path"]).stat().st_size
    journey = figures["journey_page"]
    assert journey["control"] is not None and journey["plugin"] is not None
    # the plugin's page is the control's page plus the map of every step
    assert journey["plugin"]["elements"] > journey["control"]["elements"] + journey["steps"]
    assert journey["plugin"]["bytes"] > journey["control"]["bytes"]
    assert pages.page_figures(root / "site-control.yml", pages.INDEX_PAGE) is None
    department = figures["largest_cross_link_page"]["departments"]
    sizes = [p.stat().st_size for p in (root / "site-plugin.yml" / "departments").glob("*/index.html")]
    assert department["path"].startswith("departments/") and department["bytes"] == max(sizes)
    assert department["elements"] > 0
    assert "main_thread" not in figures


def test_start_tags_counted_including_self_closing_svg(tmp_path: Path) -> None:
    html = '<!doctype html><html><body><p>a &amp; b 营地<br/><svg><use href="#i"/></svg></p><!-- <p> --></body></html>'
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    # html, body, p, br, svg, use; not the comment's <p>
    assert pages.page_figures(tmp_path, "page.html") == {"bytes": len(html.encode()), "elements": 6}
    assert pages.page_figures(tmp_path, "missing.html") is None


def _result(n: int, wall_ratio: float, per_journey_ms: float, index_bytes: int | None) -> dict:
    phases = dict.fromkeys(run.PHASES, 0.0) | {"render_maps": per_journey_ms}
    return {
        "n": n, "features": ["navigation.prune"], "wall_ratio": wall_ratio, "memory_ratio": 1.2,
        "search_additions_ratio": 0.5, "phase_ms_per_journey": phases,
        "index_page": {"plugin": None if index_bytes is None else {"bytes": index_bytes, "elements": 1}},
        "main_thread": {"plugin": {pages.INDEX_PAGE: {"task_ms": 1500.0}}},
    }


def test_budget_verdicts() -> None:
    verdicts = run.budget([_result(100, 1.5, 10.0, 100), _result(1000, 1.05, 12.5, 600_000),
                           _result(300, 1.2, 11.0, None)])
    small, large, middle = (v["checks"] for v in verdicts)
    assert [v["binding"] for v in verdicts] == [False, True, False]
    assert large["time_ratio"] == (1.05, True) and small["time_ratio"] == (1.5, False)
    assert large["memory_ratio"] == (1.2, False)
    assert large["search_additions_ratio"] == (0.5, True)
    assert large["index_bytes"] == (600_000, False) and small["index_bytes"] == (100, True)
    assert middle["index_bytes"] == (None, None)
    assert large["index_main_thread_ms"] == (1500.0, False)
    # growth is against the smallest size of the same feature set; the smallest has none
    assert small["per_journey_growth"] == (None, None)
    assert large["per_journey_growth"][0] == pytest.approx(1.25) and large["per_journey_growth"][1] is False
    assert middle["per_journey_growth"][0] == pytest.approx(1.1) and middle["per_journey_growth"][1] is True
    line = run.verdict_line(verdicts)
    assert "FAIL" in line and "memory_ratio" in line and "time_ratio" not in line
    table = run.budget_table(verdicts)
    assert table.count("\n") == 2 + len(verdicts) - 1
    assert "1000 (the budget)" in table and "600 kB FAIL" in table and "1.050x PASS" in table


def test_feature_sets_option() -> None:
    assert run.parse_feature_sets("none,navigation.prune") == [(), ("navigation.prune",)]
    assert run.parse_feature_sets("navigation.prune+navigation.tabs") == [("navigation.prune", "navigation.tabs")]


def test_main_thread_work_loads_the_page_asked_for(tiny_wiki) -> None:
    if not pages.chromium_available():
        pytest.skip("Chromium or Playwright is not installed: the benchmark reports no main-thread time")
    root, _, _ = tiny_wiki
    # In a thread of its own: Playwright's sync API refuses a thread whose asyncio loop is
    # running, as it is in a test process where the browser tests ran first.
    with ThreadPoolExecutor(max_workers=1) as thread:
        work = thread.submit(pages.main_thread_work, root / "site-plugin.yml", [pages.INDEX_PAGE], loads=1).result()
    figures = work[pages.INDEX_PAGE]
    assert figures["title"].startswith("Opportunities")
    assert {"task_ms", "script_ms", "layout_ms"} <= figures.keys() and figures["loads"] == 1
