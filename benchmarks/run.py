"""Benchmark: the plugin's build against a plugin-free control, at several wiki sizes, with
and without Material's navigation.prune, and what a reader of each build downloads.

    python benchmarks/run.py                  # N = 100, 300, 1000 x (Material defaults, navigation.prune); 3 runs
    python benchmarks/run.py --sizes 100 --runs 1 --feature-sets navigation.prune --json figures.json

Each build is a fresh `mkdocs build` process (so peak memory and CPU time are that build's
own), plugin and control alternating so that machine noise hits both alike. Per N and
feature set it prints the median wall and CPU time of both and their ratios, the peak
memory of both, the plugin's own time per journey by phase (MKDOCS_JOURNEYS_TIMINGS); then,
measured on the finished sites (outside the timed builds): the search index of both, the
opportunity index page and a journey page of about 30 steps (bytes, elements and, when
Chromium is installed, main-thread time on load); then issue 15's budget, PASS or FAIL.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402
from pages import (  # noqa: E402
    INDEX_PAGE, chromium_available, journey_page, largest_page, main_thread_work, page_figures,
    search_index_bytes,
)

PHASES = ("read_validate", "cross_reference", "render_maps", "generated_pages", "exports")
CONFIGS = ("plugin.yml", "control.yml")
# Issue 15's budget; it binds at BUDGET_N with BUDGET_FEATURES, the other rows are shown for scale.
BUDGET_N = 1000
BUDGET_FEATURES = ("navigation.prune",)
MAX_TIME_RATIO = 1.10
MAX_MEMORY_RATIO = 1.15
MAX_SEARCH_ADDITIONS = 1.0  # what the plugin adds to the search index, as a share of the control's
MAX_INDEX_BYTES = 500_000
MAX_INDEX_MAIN_THREAD_MS = 1000
# "Flat": the plugin's ms per journey at a size is at most this much of the smallest size's.
# Only growth counts: a cost per journey that falls with N is fixed cost spread thinner.
MAX_PER_JOURNEY_GROWTH = 1.20


def timed_build(root: Path, config: str, timings: Path | None) -> dict[str, float]:
    """Wall and CPU (user + system) seconds and peak RSS (MiB) of one `mkdocs build` in its
    own process, into root/site-<config>."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if timings:
        env["MKDOCS_JOURNEYS_TIMINGS"] = str(timings)
    # stderr to a file, not a pipe: a build that warns a lot must not block on a full pipe.
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(root / f"site-{config}")],
            cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=stderr,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if process.returncode != 0:
            stderr.seek(0)
            raise SystemExit(f"build of {root / config} failed:\n{stderr.read().decode(errors='replace')}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_mib": usage.ru_maxrss / 1024}


def measure_builds(root: Path, runs: int, n: int) -> dict:
    """The timed builds of plugin and control, alternating; the last of each stays in root."""
    figures: dict[str, list[dict[str, float]]] = {config: [] for config in CONFIGS}
    phases: list[dict[str, float]] = []
    for run in range(runs):
        for config in CONFIGS if run % 2 == 0 else CONFIGS[::-1]:
            timings = root / "timings.json" if config == "plugin.yml" else None
            figures[config].append(timed_build(root, config, timings))
            if timings:
                phases.append(json.loads(timings.read_text())["seconds"])
    result: dict = {}
    for side, config in (("plugin", "plugin.yml"), ("control", "control.yml")):
        result[f"{side}_wall_s"] = statistics.median(f["wall_s"] for f in figures[config])
        result[f"{side}_cpu_s"] = statistics.median(f["cpu_s"] for f in figures[config])
        result[f"{side}_peak_mib"] = max(f["peak_mib"] for f in figures[config])
    # each run's own pair, in run order: how far the host moved between runs
    result["wall_s_per_run"] = {side: [f["wall_s"] for f in figures[config]]
                                for side, config in (("plugin", "plugin.yml"), ("control", "control.yml"))}
    result["wall_ratio"] = result["plugin_wall_s"] / result["control_wall_s"]
    result["cpu_ratio"] = result["plugin_cpu_s"] / result["control_cpu_s"]
    result["memory_ratio"] = result["plugin_peak_mib"] / result["control_peak_mib"]
    result["phase_ms_per_journey"] = {p: 1000 * statistics.median(x[p] for x in phases) / n for p in PHASES}
    return result


def measure_pages(root: Path, step_counts: dict[str, int], browser_loads: int) -> dict:
    """What readers get from the two finished sites (nothing here is timed with the builds)."""
    plugin_site, control_site = root / "site-plugin.yml", root / "site-control.yml"
    journey, steps = journey_page(step_counts)
    search_plugin, search_control = search_index_bytes(plugin_site), search_index_bytes(control_site)
    result = {
        "search_index_bytes": {"plugin": search_plugin, "control": search_control},
        "search_additions_ratio": (search_plugin - search_control) / search_control,
        "index_page": {"path": INDEX_PAGE, "plugin": page_figures(plugin_site, INDEX_PAGE)},
        "journey_page": {"path": journey, "steps": steps, "plugin": page_figures(plugin_site, journey),
                         "control": page_figures(control_site, journey)},
        # issue 15: persona and department pages stay light too (shown, not budgeted)
        "largest_cross_link_page": {folder: largest_page(plugin_site, folder) for folder in ("departments", "personas")},
    }
    if browser_loads and chromium_available():
        plugin_pages = [page for page, kind in ((INDEX_PAGE, "index_page"), (journey, "journey_page"))
                        if result[kind]["plugin"] is not None]
        result["main_thread"] = {
            "plugin": main_thread_work(plugin_site, plugin_pages, browser_loads),
            "control": main_thread_work(control_site, [journey], browser_loads),
        }
    return result


def bench(n: int, runs: int, workdir: Path, features: tuple[str, ...] = (), browser_loads: int = 3) -> dict:
    root = workdir / f"wiki-{n}-{'+'.join(features) or 'none'}"
    step_counts = generate(root, n, features=features)
    try:
        result = {"n": n, "runs": runs, "features": list(features)}
        result.update(measure_builds(root, runs, n))
        result.update(measure_pages(root, step_counts, browser_loads))
    finally:
        shutil.rmtree(root, ignore_errors=True)  # two sites of 1,000 journeys are large
    return result


# -- verdicts ---------------------------------------------------------------------------

def budget(results: list[dict]) -> list[dict]:
    """Per result: {"n", "features", "binding", "checks": {name: (value, passed or None)}}; None
    means not measured (no index page, no Chromium, no smaller size to compare with)."""
    smallest: dict[tuple[str, ...], dict] = {}
    for r in sorted(results, key=lambda r: r["n"]):
        smallest.setdefault(tuple(r["features"]), r)
    verdicts = []
    for r in results:
        index = r["index_page"]["plugin"]
        index_ms = ((r.get("main_thread") or {}).get("plugin") or {}).get(INDEX_PAGE, {}).get("task_ms")
        base = smallest[tuple(r["features"])]
        growth = (per_journey_total(r) / per_journey_total(base)) if base["n"] < r["n"] else None
        checks = {
            "time_ratio": (r["wall_ratio"], r["wall_ratio"] <= MAX_TIME_RATIO),
            "memory_ratio": (r["memory_ratio"], r["memory_ratio"] <= MAX_MEMORY_RATIO),
            "search_additions_ratio": (r["search_additions_ratio"], r["search_additions_ratio"] <= MAX_SEARCH_ADDITIONS),
            "index_bytes": (index and index["bytes"], index and index["bytes"] <= MAX_INDEX_BYTES),
            "index_main_thread_ms": (index_ms, None if index_ms is None else index_ms <= MAX_INDEX_MAIN_THREAD_MS),
            "per_journey_growth": (growth, None if growth is None else growth <= MAX_PER_JOURNEY_GROWTH),
        }
        verdicts.append({"n": r["n"], "features": r["features"], "growth_from_n": base["n"],
                         "binding": r["n"] == BUDGET_N and tuple(r["features"]) == BUDGET_FEATURES,
                         "checks": checks})
    return verdicts


def per_journey_total(result: dict) -> float:
    return sum(result["phase_ms_per_journey"].values())


# -- tables -----------------------------------------------------------------------------

def features_label(features: list[str]) -> str:
    return ", ".join(f"`{f}`" for f in features) or "defaults"


def pair(control: float, plugin: float, ratio: float, digits: int = 2) -> str:
    return f"{control:.{digits}f} / {plugin:.{digits}f} ({ratio:.3f}x)"


def kb(size: int) -> str:
    return f"{size / 1000:,.0f}"


def page_cell(figures: dict | None) -> str:
    return "—" if figures is None else f"{kb(figures['bytes'])} kB, {figures['elements']:,}"


def ms_cell(work: dict | None, page: str, detail: bool = False) -> str:
    figures = (work or {}).get(page)
    if figures is None:
        return "—"
    cell = f"{figures['task_ms']:,.0f}"
    return cell + (f" ({figures['script_ms']:,.0f} / {figures['layout_ms']:,.0f})" if detail else "")


def build_table(results: list[dict]) -> str:
    rows = [
        "| N | theme features | wall s: control / plugin (ratio) | CPU s: control / plugin (ratio) | "
        "peak MiB: control / plugin (ratio) | plugin ms/journey: read+validate / cross-ref / maps / "
        "generated pages / exports (total) |",
        "|" + "---|" * 6,
    ]
    for r in results:
        phases = r["phase_ms_per_journey"]
        rows.append(
            f"| {r['n']} | {features_label(r['features'])} "
            f"| {pair(r['control_wall_s'], r['plugin_wall_s'], r['wall_ratio'])} "
            f"| {pair(r['control_cpu_s'], r['plugin_cpu_s'], r['cpu_ratio'])} "
            f"| {pair(r['control_peak_mib'], r['plugin_peak_mib'], r['memory_ratio'], 0)} "
            f"| {' / '.join(f'{phases[p]:.2f}' for p in PHASES)} ({per_journey_total(r):.2f}) |"
        )
    return "\n".join(rows)


def runs_line(results: list[dict]) -> str:
    """Each run's wall time ratio (its plugin build over its control build) per row."""
    rows = []
    for r in results:
        runs = r["wall_s_per_run"]
        ratios = ", ".join(f"{p / c:.3f}x" for p, c in zip(runs["plugin"], runs["control"]))
        rows.append(f"N = {r['n']}, {features_label(r['features'])}: {ratios}")
    return "Wall time ratio of each run (plugin / control, in run order): " + "; ".join(rows) + "."


def pages_table(results: list[dict]) -> str:
    rows = [
        "| N | theme features | search index kB: control / plugin (additions / control) | "
        "opportunity index: size, elements | index main thread ms (script / layout) | "
        "journey page (steps): control -> plugin size, elements | journey main thread ms: control / plugin | "
        "largest department / persona page: size, elements |",
        "|" + "---|" * 8,
    ]
    for r in results:
        search = r["search_index_bytes"]
        journey = r["journey_page"]
        largest = r["largest_cross_link_page"]
        work = r.get("main_thread") or {}
        rows.append(
            f"| {r['n']} | {features_label(r['features'])} "
            f"| {kb(search['control'])} / {kb(search['plugin'])} ({r['search_additions_ratio']:.2f}x) "
            f"| {page_cell(r['index_page']['plugin'])} "
            f"| {ms_cell(work.get('plugin'), INDEX_PAGE, detail=True)} "
            f"| ({journey['steps']}) {page_cell(journey['control'])} -> {page_cell(journey['plugin'])} "
            f"| {ms_cell(work.get('control'), journey['path'])} / {ms_cell(work.get('plugin'), journey['path'])} "
            f"| {page_cell(largest['departments'])} / {page_cell(largest['personas'])} |"
        )
    return "\n".join(rows)


def budget_table(verdicts: list[dict]) -> str:
    def cell(value, passed, shown: str) -> str:
        if passed is None:
            return "n/a"
        return f"{shown} {'PASS' if passed else 'FAIL'}"

    rows = [
        f"| N | theme features | wall time ≤ {MAX_TIME_RATIO:.2f}x | peak memory ≤ {MAX_MEMORY_RATIO:.2f}x | "
        f"search additions ≤ {MAX_SEARCH_ADDITIONS:.1f}x control | index ≤ {MAX_INDEX_BYTES // 1000} kB | "
        f"index main thread ≤ {MAX_INDEX_MAIN_THREAD_MS / 1000:g} s | "
        f"ms/journey flat (≤ {MAX_PER_JOURNEY_GROWTH:.2f}x the smallest N's) |",
        "|" + "---|" * 8,
    ]
    for v in verdicts:
        c = v["checks"]
        shown = {
            "time_ratio": f"{c['time_ratio'][0]:.3f}x",
            "memory_ratio": f"{c['memory_ratio'][0]:.2f}x",
            "search_additions_ratio": f"{c['search_additions_ratio'][0]:.2f}x",
            "index_bytes": "—" if c["index_bytes"][0] is None else f"{kb(c['index_bytes'][0])} kB",
            "index_main_thread_ms": "" if c["index_main_thread_ms"][0] is None
            else f"{c['index_main_thread_ms'][0]:,.0f} ms",
            "per_journey_growth": "" if c["per_journey_growth"][0] is None else f"{c['per_journey_growth'][0]:.2f}x",
        }
        binding = " (the budget)" if v["binding"] else ""
        cells = " | ".join(cell(*c[name], shown[name]) for name in shown)
        rows.append(f"| {v['n']}{binding} | {features_label(v['features'])} | {cells} |")
    return "\n".join(rows)


def verdict_line(verdicts: list[dict]) -> str:
    where = f"N = {BUDGET_N}, {features_label(list(BUDGET_FEATURES))}"
    binding = [v for v in verdicts if v["binding"]]
    if not binding:
        return f"Issue 15's budget ({where}): not measured in this run."
    failed = [name for name, (_, passed) in binding[0]["checks"].items() if passed is False]
    unmeasured = [name for name, (_, passed) in binding[0]["checks"].items() if passed is None]
    text = f"Issue 15's budget ({where}): {'FAIL (' + ', '.join(failed) + ')' if failed else 'PASS'}"
    return text + (f"; not measured: {', '.join(unmeasured)}" if unmeasured else "") + "."


def parse_feature_sets(text: str) -> list[tuple[str, ...]]:
    """"none,navigation.prune" -> [(), ("navigation.prune",)]; features of one set joined by +."""
    sets = []
    for item in text.split(","):
        item = item.strip()
        sets.append(() if item in ("", "none") else tuple(f for f in item.split("+") if f))
    return sets


def environment(args: argparse.Namespace) -> dict:
    """What a figure depends on besides the code: machine, versions, the run's settings."""
    try:
        commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=Path(__file__).parent,
                                capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = None
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        **{name: metadata.version(name) for name in ("mkdocs", "mkdocs-material")},
        "runs": args.runs,
        "browser_loads": args.browser_loads if chromium_available() else 0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--runs", type=int, default=3, help="builds of each wiki per size (alternating)")
    parser.add_argument("--feature-sets", default="none,navigation.prune", type=parse_feature_sets,
                        help="comma-separated sets of Material theme features for both wikis, features of "
                             "one set joined by '+', 'none' for Material's defaults (default: %(default)s)")
    parser.add_argument("--browser-loads", type=int, default=3,
                        help="first visits per page in Chromium, median taken; 0 skips the browser")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="journeys-bench-") as workdir:
        for n in args.sizes:
            for features in args.feature_sets:
                print(f"N = {n}, theme features: {features_label(list(features))} ...", file=sys.stderr, flush=True)
                results.append(bench(n, args.runs, Path(workdir), features, args.browser_loads))
    verdicts = budget(results)
    env = environment(args)
    browser = (f"Chromium main thread: median of {env['browser_loads']} first visits" if env["browser_loads"]
               else "no Chromium measurement")
    print(f"{env['date']}, commit {env['commit']}, {env['cores']} cores, Python {env['python']}, "
          f"mkdocs {env['mkdocs']}, mkdocs-material {env['mkdocs-material']}, runs per size: {env['runs']}, "
          f"{browser}; kB = 1,000 bytes\n")
    print(build_table(results), end="\n\n")
    print(runs_line(results), end="\n\n")
    print(pages_table(results), end="\n\n")
    print(budget_table(verdicts), end="\n\n")
    print(verdict_line(verdicts))
    if args.json:
        args.json.write_text(json.dumps({"environment": env, "results": results, "budget": verdicts}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
