"""Benchmark: the plugin's build against a plugin-free control, at several wiki sizes.

    python benchmarks/run.py                 # N = 100, 300, 1000; 3 alternating runs each
    python benchmarks/run.py --sizes 100 --runs 5

Each build is a fresh `mkdocs build` process (so peak memory is that build's own),
plugin and control alternating so that machine noise hits both alike. Prints per N the
median wall time of both, their ratio, the plugin's own time per journey by phase (from
MKDOCS_JOURNEYS_TIMINGS) and the peak memory of both.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

PHASES = ("read_validate", "cross_reference", "render_maps", "generated_pages", "exports")


def timed_build(root: Path, config: str, timings: Path | None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `mkdocs build` in its own process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if timings:
        env["MKDOCS_JOURNEYS_TIMINGS"] = str(timings)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(root / f"site-{config}")],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {config} failed:\n{stderr}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def bench(n: int, runs: int, workdir: Path, features: tuple[str, ...] = ()) -> dict:
    root = workdir / f"wiki-{n}"
    generate(root, n, features=features)
    walls: dict[str, list[float]] = {"plugin.yml": [], "control.yml": []}
    peaks: dict[str, list[float]] = {"plugin.yml": [], "control.yml": []}
    phases: list[dict[str, float]] = []
    for run in range(runs):
        order = ("plugin.yml", "control.yml") if run % 2 == 0 else ("control.yml", "plugin.yml")
        for config in order:
            timings = root / "timings.json" if config == "plugin.yml" else None
            wall, peak = timed_build(root, config, timings)
            walls[config].append(wall)
            peaks[config].append(peak)
            if timings:
                phases.append(json.loads(timings.read_text())["seconds"])
    plugin, control = statistics.median(walls["plugin.yml"]), statistics.median(walls["control.yml"])
    return {
        "n": n,
        "runs": runs,
        "plugin_s": plugin,
        "control_s": control,
        "ratio": plugin / control,
        "phase_ms_per_journey": {p: 1000 * statistics.median(x[p] for x in phases) / n for p in PHASES},
        "plugin_peak_mib": max(peaks["plugin.yml"]),
        "control_peak_mib": max(peaks["control.yml"]),
        "memory_ratio": max(peaks["plugin.yml"]) / max(peaks["control.yml"]),
    }


def table(results: list[dict]) -> str:
    head = ("| N | control (s) | plugin (s) | ratio | plugin ms/journey: read+validate / cross-ref / maps / "
            "generated pages / exports (total) | peak MiB control / plugin (ratio) |")
    rows = [head, "|" + "---|" * 6]
    for r in results:
        p = r["phase_ms_per_journey"]
        phases = " / ".join(f"{p[name]:.2f}" for name in PHASES)
        rows.append(
            f"| {r['n']} | {r['control_s']:.2f} | {r['plugin_s']:.2f} | {r['ratio']:.3f}x | {phases} "
            f"({sum(p.values()):.2f}) | {r['control_peak_mib']:.0f} / {r['plugin_peak_mib']:.0f} "
            f"({r['memory_ratio']:.2f}x) |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    parser.add_argument("--runs", type=int, default=3, help="builds of each wiki per size (alternating)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument("--feature", action="append", default=[],
                        help="a Material theme feature for both wikis, e.g. navigation.prune (repeatable)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="journeys-bench-") as workdir:
        results = [bench(n, args.runs, Path(workdir), tuple(args.feature)) for n in args.sizes]
    features = f", theme features: {', '.join(args.feature)}" if args.feature else ""
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs per size{features}\n")
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
