"""Issue 3: under the real `mkdocs serve`, editing a persona, a journey and a department updates every page
that shows it on the next rebuild, and the plugin causes no rebuild loop."""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import page
from support.crosslink_wiki import DEPARTMENTS, JOURNEYS, PERSONAS, TODAY, wiki_pages

MKDOCS = Path(sys.executable).parent / "mkdocs"
START_TIMEOUT = 60.0
CHANGE_TIMEOUT = 60.0
POLL = 0.5
QUIET = 3.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_url(src: str) -> str:
    stem = src[: -len(".md")]
    return stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"


def fetch(base: str, src: str) -> str | None:
    try:
        with urllib.request.urlopen(base + page_url(src), timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def article_text(html: str) -> str:
    article = BeautifulSoup(html, "html.parser").select_one("article")
    return " ".join(article.get_text(" ", strip=True).split()) if article is not None else ""


def build_count(log: Path) -> tuple[int, int]:
    """(builds started, builds finished). The first build ends with "Documentation built";
    each rebuild with "Reloading browsers" (MkDocs drops a "Documentation built in 0.32
    seconds" identical to the one before it, so that line cannot count rebuilds)."""
    text = log.read_text(encoding="utf-8", errors="replace")
    finished = min(text.count("Documentation built"), 1) + text.count("Reloading browsers")
    return text.count("Building documentation"), finished


def wait_for(predicate, timeout: float, what: str, log: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        assert process.poll() is None, f"mkdocs serve exited: {log.read_text(errors='replace')}"
        time.sleep(POLL)
    raise AssertionError(f"timed out waiting for {what}; server log:\n{log.read_text(errors='replace')[-4000:]}")


def test_serve_rebuilds_every_page_showing_an_edited_persona_journey_or_department(tmp_path):
    docs = tmp_path / "docs"
    for path, text in wiki_pages().items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    settings = {
        "site_name": "Serve test",
        "docs_dir": "docs",
        "theme": {"name": "material"},
        "plugins": ["search", {"journeys": {"today": TODAY.isoformat()}}],
    }
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")

    persona_src = PERSONAS["urban-camper"]["path"]
    journey_src = "journeys/camping.md"
    department_src = DEPARTMENTS["operations"]["path"]
    index_src = "opportunities/index.md"
    old_persona, new_persona = PERSONAS["urban-camper"]["name"], "Chen Jiahui"
    old_step, new_step = "Find the site", "Locate the campsite entrance"
    old_department, new_department = DEPARTMENTS["operations"]["name"], "Site services"
    camping = copy.deepcopy(JOURNEYS[journey_src])
    assert camping["journey"]["stages"][1]["steps"][0]["name"] == old_step
    # preconditions of what the pages show: the persona acts in the step, operations owns it,
    # an opportunity is placed at it, and the persona walks the journey
    assert "urban-camper" in camping["journey"]["personas"]
    camping["journey"]["stages"][1]["steps"][0]["personas"] = ["urban-camper", "grandparent"]
    (docs / journey_src).write_text(page(camping, "Story.\n"), encoding="utf-8")
    assert camping["journey"]["stages"][1]["steps"][0]["owner"] == "operations"
    assert any(o.get("at") == "arrival/find-the-site" for o in camping["journey"]["opportunities"])

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    with open(log, "wb") as stderr:
        process = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(tmp_path / "mkdocs.yml")],
            cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=stderr, stdin=subprocess.DEVNULL,
        )
    try:
        wait_for(lambda: fetch(base, journey_src) is not None, START_TIMEOUT, "the server", log, process)
        before = {src: article_text(fetch(base, src) or "") for src in (journey_src, persona_src, department_src,
                                                                        index_src)}
        assert old_step in before[journey_src] and old_persona in before[journey_src]
        assert old_persona in before[persona_src] and old_step in before[persona_src]
        assert old_step in before[department_src] and old_step in before[index_src]
        assert old_department in before[journey_src] and old_department in before[index_src]
        assert old_department in before[persona_src]  # owner of opportunities in the persona's journeys
        for new in (new_persona, new_step, new_department):
            assert new not in " ".join(before.values())
        builds_before = build_count(log)

        # edit the persona's name and the step's name, as an author saving two files
        persona_text = (docs / persona_src).read_text(encoding="utf-8")
        assert persona_text.count(old_persona) == 2  # title and persona.name
        (docs / persona_src).write_text(persona_text.replace(old_persona, new_persona), encoding="utf-8")
        camping["journey"]["stages"][1]["steps"][0]["name"] = new_step
        (docs / journey_src).write_text(page(camping, "Story.\n"), encoding="utf-8")
        department_text = (docs / department_src).read_text(encoding="utf-8")
        assert department_text.count(old_department) == 2  # title and department.name
        (docs / department_src).write_text(department_text.replace(old_department, new_department), encoding="utf-8")

        def shows_changes() -> bool:
            pages = {src: article_text(fetch(base, src) or "") for src in before}
            return (
                new_step in pages[journey_src] and new_persona in pages[journey_src]
                and new_persona in pages[persona_src] and new_step in pages[persona_src]
                and new_step in pages[department_src] and new_step in pages[index_src]
                and new_department in pages[department_src] and new_department in pages[journey_src]
                and new_department in pages[index_src] and new_department in pages[persona_src]
            )

        wait_for(shows_changes, CHANGE_TIMEOUT, "the edits to show", log, process)
        after = {src: article_text(fetch(base, src) or "") for src in before}
        for src, text in after.items():
            assert old_step not in text, src
        assert old_persona not in after[persona_src] and old_persona not in after[journey_src]
        for src in (journey_src, index_src, department_src, persona_src):
            assert old_department not in after[src], src
        assert build_count(log)[0] > builds_before[0], "the changes came from a rebuild"

        # no rebuild loop: once the last build finished, nothing more happens
        wait_for(lambda: build_count(log)[0] == build_count(log)[1], CHANGE_TIMEOUT, "the build to finish",
                 log, process)
        settled = build_count(log)
        time.sleep(QUIET)
        assert build_count(log) == settled, f"rebuilt without changes:\n{log.read_text(errors='replace')[-4000:]}"
        assert process.poll() is None
        assert settled[0] - builds_before[0] <= 3, "at most one rebuild per saved file"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    # stopped: the process is gone and the port serves nothing any more
    assert process.returncode is not None
    assert fetch(base, journey_src) is None
