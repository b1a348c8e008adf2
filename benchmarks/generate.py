"""Generate a realistic journey wiki of N journeys, and its plugin-free control twin.

Each journey has 5-7 stages, 25-35 steps, 2-3 personas, 3-5 opportunities and every lane
filled; there is one persona page per 5 journeys and one department page per 20. The
control wiki has exactly the same pages (front matter and Markdown bodies) and the same
theme and search, only without the `journeys` plugin.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Callable

import yaml

CHANNELS = ["web", "app", "phone", "email", "social", "in-person", "chat", "mail", "store", "partner"]
KINDS = ["pre", "first", "core", "untouched"]
STATUSES = ["plan", "do", "check", "act", "done"]
WORDS = (
    "customer booking payment arrival campsite signage power river photo family support form "
    "delivery invoice contract workshop review renewal onboarding training mentor checklist "
    "预定 营地 支付 体验 退房 pembelian halaman pelanggan langkah"
).split()


def words(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def journey(rng: random.Random, index: int, personas: list[str], departments: list[str]) -> dict:
    chosen = rng.sample(personas, rng.randint(2, 3))
    stage_count = rng.randint(5, 7)
    step_total = rng.randint(25, 35)
    sizes = [step_total // stage_count + (1 if i < step_total % stage_count else 0) for i in range(stage_count)]
    stages, completion = [], 1.0
    for s, size in enumerate(sizes):
        steps = []
        for t in range(size):
            completion = max(0.05, completion - rng.random() * 0.03)
            per_persona = rng.random() < 0.5
            steps.append({
                "name": f"{words(rng, 2, 4)} {s}.{t}",
                "id": f"s{s}-t{t}",
                "actions": words(rng, 6, 12),
                "thoughts": words(rng, 5, 10) + "?",
                "emotion": {p: rng.randint(-2, 2) for p in chosen} if per_persona else rng.randint(-2, 2),
                "touchpoints": [
                    {"name": words(rng, 2, 3), "channel": rng.choice(CHANNELS), "kind": rng.choice(KINDS),
                     "key": rng.random() < 0.2}
                    for _ in range(rng.randint(1, 2))
                ],
                "pain_points": [words(rng, 4, 8) for _ in range(rng.randint(1, 2))],
                "moments": [{"kind": rng.choice(["aha", "micro"]), "text": words(rng, 5, 9)}],
                "backstage": [words(rng, 4, 8)],
                "owner": rng.choice(departments),
                "completion": round(completion, 3),
                "truth": rng.random() < 0.05,
                "personas": [rng.choice(chosen)],
            })
        stages.append({"name": words(rng, 1, 2) + f" {s}", "id": f"stage-{s}", "icon": "material/compass-outline",
                       "personas": chosen[:2], "steps": steps})
    opportunities = []
    for o in range(rng.randint(3, 5)):
        stage = rng.choice(stages)
        step = rng.choice(stage["steps"])
        status = rng.choice(STATUSES)
        opportunities.append({
            "title": words(rng, 4, 8),
            "id": f"j{index}-o{o}",
            "at": f"{stage['id']}/{step['id']}",
            "owner": rng.choice(departments),
            "status": status,
            "priority": rng.choice(["high", "medium", "low"]),
            "due": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "kpi": words(rng, 4, 8),
            "result": words(rng, 3, 6) if status in ("check", "act", "done") else None,
            "decision": rng.choice(["adopt", "adjust", "abandon"]) if status in ("act", "done") else None,
            "log": [{"date": "2026-01-15", "status": "plan", "note": words(rng, 3, 6)},
                    {"date": "2026-03-01", "status": status, "note": words(rng, 3, 6)}],
        })
        opportunities[-1] = {k: v for k, v in opportunities[-1].items() if v is not None}
    return {
        "type": rng.choice(["purchase", "service", "retention", "onboarding"]),
        "scope": rng.choice(["key", "full"]),
        "personas": chosen,
        "owner": rng.choice(departments),
        "reviewed": "2026-0%d-15" % rng.randint(1, 9),
        "sources": ["https://example.org/research"],
        "scenario": words(rng, 10, 20),
        "goals": [words(rng, 3, 6) for _ in range(2)],
        "expectations": [words(rng, 3, 6) for _ in range(2)],
        "metrics": {"nps": rng.randint(-50, 60), "ces": round(rng.uniform(1, 7), 1), "csat": rng.randint(40, 95)},
        "stages": stages,
        "opportunities": opportunities,
    }


def body(rng: random.Random) -> str:
    paragraphs = [words(rng, 40, 70) + "." for _ in range(3)]
    return "\n\n## Narrative\n\n" + "\n\n".join(paragraphs) + "\n"


# libyaml's emitter where PyYAML has it: the same bytes, about four times faster (the test
# suite's large wiki and the benchmark's generated wikis are mostly YAML to write).
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    return "---\n" + yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False) + "---\n"


CONFIG = """site_name: Benchmark wiki ({n} journeys)
docs_dir: docs
site_dir: site
theme:
  name: material
{features}plugins:
  - search
{plugin}"""


def generate(root: Path, n: int, seed: int = 1, features: tuple[str, ...] = (),
             adjust: Callable[[int, dict], None] | None = None) -> dict[str, int]:
    """Write root/docs (shared), root/plugin.yml and root/control.yml (with these Material
    theme features, e.g. navigation.prune). Returns each journey's step count by its path
    under docs/, so that a benchmark can pick a page without reading the wiki back.
    adjust(number, journey), if given, changes each journey's data before it is written
    (the tests shape their large wiki with it)."""
    rng = random.Random(seed)
    personas = [f"persona-{i}" for i in range(max(3, n // 5))]
    departments = [f"department-{i}" for i in range(max(2, n // 20))]
    docs = root / "docs"
    for folder in ("journeys", "personas", "departments"):
        (docs / folder).mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Benchmark wiki\n\nGenerated journeys.\n", encoding="utf-8")
    step_counts: dict[str, int] = {}
    for i in range(n):
        data = {"title": f"Journey {i}: {words(rng, 2, 4)}", "journey": journey(rng, i, personas, departments)}
        if adjust is not None:
            adjust(i, data["journey"])
        path = f"journeys/journey-{i:05d}.md"
        (docs / path).write_text(front_matter(data) + body(rng), encoding="utf-8")
        step_counts[path] = sum(len(stage["steps"]) for stage in data["journey"]["stages"])
    for pid in personas:
        data = {"title": pid, "persona": {"name": words(rng, 2, 2), "role": words(rng, 2, 4), "segment": "current",
                                          "quote": words(rng, 6, 10), "goals": [words(rng, 3, 5)]}}
        (docs / "personas" / f"{pid}.md").write_text(front_matter(data) + body(rng), encoding="utf-8")
    for did in departments:
        data = {"title": did, "department": {"name": words(rng, 2, 3), "lead": words(rng, 2, 2)}}
        (docs / "departments" / f"{did}.md").write_text(front_matter(data) + body(rng), encoding="utf-8")
    theme_features = f"  features: [{', '.join(features)}]\n" if features else ""
    (root / "plugin.yml").write_text(CONFIG.format(n=n, features=theme_features,
                                                  plugin="  - journeys:\n      today: 2026-11-22\n"))
    (root / "control.yml").write_text(CONFIG.format(n=n, features=theme_features, plugin=""))
    return step_counts


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
