"""Hostile sizes: an alias bomb is refused with a clear message instead of exhausting memory;
a journey of 2,000 steps and a wiki of 1,000 journeys build without a warning.

Nothing here measures time (that is the benchmark's job); the builds are MkDocs' own.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support.building import build_site, page
from journey_html import map_table, step_headers, text_of
from mkdocs_journeys.core.documents import read_document
from mkdocs_journeys.core.frontmatter import MAX_EXPANDED_NODES

MKDOCS = Path(sys.executable).parent / "mkdocs"

# Nine levels of nine aliases: 9**9 (387 million) strings once expanded, from 400 bytes.
BILLION_LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} [{','.join(['*' + chr(97 + level)] * 9)}]\n" for level in range(8)
)
# The same bomb built from mappings instead of lists.
MERGE_BOMB = "a: &a {x: lol, y: lol, z: lol}\n" + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} {{{', '.join(f'k{i}: *{chr(97 + level)}' for i in range(9))}}}\n"
    for level in range(8)
)


def indented(yaml_text: str) -> str:
    return "".join(f"  {line}\n" for line in yaml_text.splitlines())


@pytest.mark.parametrize("bomb", [BILLION_LAUGHS, MERGE_BOMB], ids=["lists", "mappings"])
@pytest.mark.parametrize("where", ["journey", "top-level", "plain-page"])
def test_an_alias_bomb_is_refused_with_a_message(bomb, where):
    if where == "journey":
        text = "---\ntitle: Bomb\njourney:\n" + indented(bomb) + "---\nBody\n"
    elif where == "top-level":
        text = "---\ntitle: Bomb\n" + bomb + "journey:\n  type: other\n---\nBody\n"
    else:  # a page that is not a journey page: MkDocs alone would expand it
        text = "---\ntitle: Notes\ntags:\n" + indented(bomb) + "---\nBody\n"
    document = read_document("journeys/bomb.md", text)
    assert document.broken
    [problem] = document.problems
    assert problem.field == "front matter"
    assert f"{MAX_EXPANDED_NODES:,}" in problem.message and "alias" in problem.message
    assert problem.message.startswith("journeys/bomb.md:")
    assert document.body == "Body\n"


def _limit_memory() -> None:
    # 2 GiB of address space: plenty for MkDocs and Material, far too little for 387 million strings.
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "non-strict"])
def test_an_alias_bomb_in_a_wiki_builds_in_bounded_memory(tmp_path, strict):
    """The real command line, in a process that cannot have more than 2 GiB: the bomb in a
    journey page and in a plain page is reported, the rest of the wiki builds."""
    docs = tmp_path / "docs"
    (docs / "journeys").mkdir(parents=True)
    (docs / "journeys" / "bomb.md").write_text("---\ntitle: Bomb\njourney:\n" + indented(BILLION_LAUGHS)
                                               + "---\nBody\n", encoding="utf-8")
    (docs / "notes.md").write_text("---\ntitle: Notes\ntags:\n" + indented(MERGE_BOMB) + "---\nNotes\n",
                                   encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    settings = {"site_name": "Bombs", "theme": {"name": "material"},
                "plugins": ["search", {"journeys": {"today": "2026-11-22"}}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    result = subprocess.run(
        [str(MKDOCS), "build", *(["--strict"] if strict else [])], cwd=tmp_path, capture_output=True, text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), preexec_fn=_limit_memory, timeout=600,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "MemoryError" not in output, output[-3000:]
    assert result.returncode == (1 if strict else 0), output[-3000:]
    for path in ("journeys/bomb.md", "notes.md"):
        assert any(path in line and "alias" in line for line in output.splitlines()), (path, output[-3000:])
    if not strict:
        assert "Home" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
        notes = (tmp_path / "site" / "notes" / "index.html").read_text(encoding="utf-8")
        assert "journeys-problems" in notes and "lol" not in notes


# -- a journey of 2,000 steps --------------------------------------------------------------------

STAGES, STEPS_PER_STAGE = 40, 50


def long_journey() -> dict:
    stages = []
    for s in range(STAGES):
        steps = []
        for t in range(STEPS_PER_STAGE):
            n = s * STEPS_PER_STAGE + t
            steps.append({
                "name": f"Step {n}", "id": f"step-{n}", "actions": f"Does thing {n}", "thoughts": f"Thinks {n}",
                "emotion": {"walker": (n % 5) - 2, "rider": ((n + 2) % 5) - 2},
                "touchpoints": [{"name": f"Touchpoint {n}", "channel": "web", "kind": "core", "key": n % 7 == 0}],
                "pain_points": [f"Pain {n}"] if n % 3 == 0 else [],
                "moments": [{"kind": "aha", "text": f"Aha {n}"}] if n % 11 == 0 else [],
                "owner": "operations", "completion": round(1 - n / 4000, 4), "truth": n % 97 == 0,
            })
            steps[-1] = {key: value for key, value in steps[-1].items() if value != []}
        stages.append({"name": f"Stage {s}", "id": f"stage-{s}", "steps": steps})
    return {
        "type": "service", "personas": ["walker", "rider"], "owner": "operations", "reviewed": "2026-09-01",
        "stages": stages,
        "opportunities": [{"title": f"Improve step {n}", "id": f"improve-{n}", "at": f"stage-{n // 50}/step-{n}",
                           "owner": "operations", "status": "do"} for n in range(0, 2000, 100)],
    }


def profiles(personas: list[str], departments: list[str]) -> dict[str, str]:
    pages = {f"personas/{p}.md": page({"title": p.title(), "persona": {"name": p.title()}}) for p in personas}
    pages.update({f"departments/{d}.md": page({"title": d.title(), "department": {"name": d.title()}})
                  for d in departments})
    return pages


def test_a_journey_of_2000_steps_builds_strict_without_warnings(tmp_path):
    pages = {"journeys/long.md": page({"title": "A very long journey", "journey": long_journey()}),
             **profiles(["walker", "rider"], ["operations"])}
    built = build_site(tmp_path, pages, strict=True)
    assert not built.aborted and built.warnings == [], built.warnings[:5]
    table = map_table(built.content("journeys/long.md"))
    assert table is not None
    headers = step_headers(table, 2000)
    assert text_of(headers[0]).startswith("Step 0") and text_of(headers[-1]).startswith("Step 1999")
    persona = built.content("personas/walker.md")
    assert "A very long journey" in text_of(persona)
    records = json.loads((built.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    assert len(records) == 20 and records[-1]["step"] == "Step 1900"


# -- a wiki of 1,000 journeys ------------------------------------------------------------------------

JOURNEYS = 1000
# Journeys per folder: about the square root of 1,000, so that each page's pruned navigation
# (its own folder's pages and the other folders) is as short as it gets: a quarter less build
# time than folders of 100.
PER_FOLDER = 32
PERSONAS = [f"persona-{i}" for i in range(20)]
DEPARTMENTS = [f"department-{i}" for i in range(10)]


def small_journey(n: int) -> str:
    persona = PERSONAS[n % len(PERSONAS)]
    department = DEPARTMENTS[n % len(DEPARTMENTS)]
    journey = {
        "type": "purchase", "personas": [persona], "owner": department, "reviewed": "2026-01-01",
        "stages": [
            {"name": "Before", "id": "before", "steps": [
                {"name": f"Find offer {n}", "id": "find", "emotion": 1, "owner": department},
                {"name": f"Compare {n}", "id": "compare", "emotion": -1},
            ]},
            {"name": "After", "id": "after", "steps": [{"name": f"Use it {n}", "id": "use", "emotion": 2}]},
        ],
        "opportunities": [{"title": f"Opportunity {n}", "id": f"opportunity-{n}", "at": "before/compare",
                           "owner": department, "status": ("plan", "do", "check", "act", "done")[n % 5],
                           "due": "2026-12-01"}],
    }
    return page({"title": f"Journey {n}", "journey": journey})


@pytest.fixture(scope="module")
def big_wiki(tmp_path_factory):
    pages = {f"journeys/{n // PER_FOLDER}/journey-{n}.md": small_journey(n) for n in range(JOURNEYS)}
    pages.update(profiles(PERSONAS, DEPARTMENTS))
    # Material's navigation.prune, as a wiki this size would use: each page's navigation
    # then holds its own branch, not all 1,260 pages (two thirds of the build time without).
    # Every page is still in the navigation, where the plugin puts its generated pages.
    theme = {"name": "material", "features": ["navigation.prune"]}
    return build_site(tmp_path_factory.mktemp("big-wiki"), pages, strict=True, config={"theme": theme})


def test_a_wiki_of_1000_journeys_builds_strict_without_warnings(big_wiki):
    assert not big_wiki.aborted and big_wiki.warnings == [], big_wiki.warnings[:5]
    for n in (0, 499, 999):
        assert map_table(big_wiki.content(f"journeys/{n // PER_FOLDER}/journey-{n}.md")) is not None


def test_every_journey_of_the_big_wiki_is_indexed_and_exported(big_wiki):
    records = json.loads((big_wiki.site_dir / "opportunities" / "opportunities.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in records) == sorted(f"opportunity-{n}" for n in range(JOURNEYS))
    csv_lines = (big_wiki.site_dir / "opportunities" / "opportunities.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_lines) == JOURNEYS + 1
    # The index holds its first page of rows in the HTML and every row in its data (drawn by
    # journeys.js); without JavaScript, each department's page links every one it owns.
    index = big_wiki.content("opportunities/index.md")
    anchors = {tag["id"] for tag in index.find_all(id=True)}
    assert {r["id"] for r in records[:50]} <= anchors
    data = json.loads((big_wiki.site_dir / "opportunities" / "index-data.json").read_text(encoding="utf-8"))
    assert sorted(row[data["columns"].index("id")] for row in data["rows"]) == sorted(r["id"] for r in records)
    linked = set()
    for department in DEPARTMENTS:
        article = big_wiki.content(f"departments/{department}.md")
        linked |= {a["href"].split("#")[-1] for a in article.select("a[href*='opportunities/#']")}
    assert {f"opportunity-{n}" for n in range(JOURNEYS)} <= linked


def test_persona_and_department_pages_of_the_big_wiki_list_all_theirs(big_wiki):
    persona = big_wiki.content("personas/persona-7.md")
    journeys = {a.get_text(strip=True) for a in persona.find_all("a") if a.get_text(strip=True).startswith("Journey ")}
    assert journeys == {f"Journey {n}" for n in range(7, JOURNEYS, len(PERSONAS))}
    department = big_wiki.content("departments/department-3.md")
    owned = {a.get_text(strip=True) for a in department.find_all("a")}
    assert {f"Opportunity {n}" for n in range(3, JOURNEYS, len(DEPARTMENTS))} <= owned
