"""What a forgiving preview must still draw: the test's own reading of a page's structure."""

from __future__ import annotations

from typing import Any

from mkdocs_journeys.core.frontmatter import FrontMatterError, parse_yaml, split_page


def has_readable_structure(text: str | bytes) -> bool:
    """The page's front matter can be read (the plugin's YAML reading, which its own tests
    cover) and its journey has a stage with a name and a step with a name: then a build
    without --strict draws its map under the problem panel, whatever else is wrong."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")  # the plugin reads such a page with replacements
    page = split_page(text)
    if page.yaml_text is None:
        return False
    try:
        front = parse_yaml(page.yaml_text, page.first_yaml_line)
    except FrontMatterError:
        return False
    journey: Any = front.get("journey") if isinstance(front, dict) else None
    stages = journey.get("stages") if isinstance(journey, dict) else None
    return isinstance(stages, list) and any(
        isinstance(stage, dict) and _named(stage) and isinstance(stage.get("steps"), list)
        and any(isinstance(step, dict) and _named(step) for step in stage["steps"])
        for stage in stages
    )


def _named(item: dict) -> bool:
    name = item.get("name")
    return isinstance(name, str) and bool(name.strip())
