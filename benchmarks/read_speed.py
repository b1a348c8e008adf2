"""Time the front matter reader alone on a wiki written by generate.py.

    .venv/bin/python benchmarks/generate.py /tmp/wiki 300
    .venv/bin/python benchmarks/read_speed.py /tmp/wiki [--rounds 7]

Prints, per journey page, the median and the minimum over the rounds of the CPU time (the
machine may be shared; wall time would count the other processes) of: parsing its YAML (parse_yaml:
composing and building values) and reading the whole page (read_document: parsing and
validating). The pages are read into memory first, so no disk time is counted.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from mkdocs_journeys.core.documents import read_document
from mkdocs_journeys.core.frontmatter import parse_yaml, split_page


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("wiki", type=Path, help="a folder written by generate.py")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted((args.wiki / "docs" / "journeys").glob("*.md"))]
    splits = [split_page(text) for text in texts]
    parse_times, read_times = [], []
    for _ in range(args.rounds):
        gc.collect()
        start = time.process_time()
        for split in splits:
            parse_yaml(split.yaml_text, split.first_yaml_line)
        parse_times.append(time.process_time() - start)
        gc.collect()
        start = time.process_time()
        for number, text in enumerate(texts):
            read_document(f"journeys/{number}.md", text)
        read_times.append(time.process_time() - start)
    per_page = 1000 / len(texts)
    print(f"{len(texts)} journeys, {sum(map(len, texts)) / len(texts) / 1000:.1f} kB each, {args.rounds} rounds")
    print(f"parse_yaml:    {statistics.median(parse_times) * per_page:.2f} ms per journey "
          f"(min {min(parse_times) * per_page:.2f})")
    print(f"read_document: {statistics.median(read_times) * per_page:.2f} ms per journey "
          f"(min {min(read_times) * per_page:.2f})")


if __name__ == "__main__":
    main()
