"""`mkdocs serve` at scale: time from saving one journey to its rebuilt page.

    python benchmarks/serve.py            # a generated wiki of 1000 journeys
    python benchmarks/serve.py --n 300

Starts the real server on a loopback port, waits for the first build, then edits one
step name of one journey and polls the page until the new name is served. Prints the
time from save to served page, MkDocs' own rebuild time, and the plugin's share of the
rebuild by phase (MKDOCS_JOURNEYS_TIMINGS), for the first build and the rebuild.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(0.2)
    raise SystemExit("timed out")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="journeys-serve-") as workdir:
        root = Path(workdir)
        generate(root, args.n)
        timings = root / "timings.json"
        log = root / "serve.log"
        port = free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", MKDOCS_JOURNEYS_TIMINGS=str(timings))
        with open(log, "w") as log_file:
            server = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-f", "plugin.yml", "--dev-addr", f"127.0.0.1:{port}"],
                cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT,
            )
        try:
            page = root / "docs" / "journeys" / "journey-00007.md"
            url = f"http://127.0.0.1:{port}/journeys/journey-00007/"
            first = wait_for(lambda: "journey-map__table" in fetch(url), 1800)
            first_phases = json.loads(timings.read_text())["seconds"]
            text = page.read_text(encoding="utf-8")
            step = re.search(r"^ {6}- name: (.+)$", text, re.M)
            assert step, "no step name found"
            token = "Edited step " + str(int(time.time()))
            saved = time.perf_counter()
            page.write_text(text.replace(step.group(0), step.group(0).replace(step.group(1), token), 1), encoding="utf-8")
            wait_for(lambda: token in fetch(url), 1800)
            served = time.perf_counter() - saved
            time.sleep(1)
            rebuild_phases = json.loads(timings.read_text())["seconds"]
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        built = re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text())
        print(f"N = {args.n} journeys, {os.cpu_count()} cores")
        print(f"first build: page served after {first:.1f} s; plugin phases (s): {first_phases}")
        print(f"save -> rebuilt page served: {served:.1f} s; MkDocs rebuild: {built[-1] if built else '?'} s")
        print(f"plugin phases of the rebuild (s): {rebuild_phases} (total {sum(rebuild_phases.values()):.2f} s)")


if __name__ == "__main__":
    main()
