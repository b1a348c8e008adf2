"""Small, complete pages written to the format, shared by the tests."""

from __future__ import annotations

import copy
from typing import Any

from support.building import page


def journey_data(**overrides: Any) -> dict[str, Any]:
    """A journey with every lane filled; pass keyword overrides for the `journey` mapping."""
    data: dict[str, Any] = {
        "type": "purchase",
        "scope": "key",
        "personas": ["urban-camper"],
        "owner": "operations",
        "reviewed": "2026-09-01",
        "sources": ["research.md", "https://example.org/survey"],
        "scenario": "Two families plan a weekend at a mountain campsite.",
        "goals": ["Relax with the children"],
        "expectations": ["Easy booking"],
        "metrics": {"nps": 12, "ces": 4.8, "csat": 72},
        "stages": [
            {
                "name": "Research",
                "id": "research",
                "icon": "material/compass-outline",
                "steps": [
                    {
                        "name": "Read online guides",
                        "id": "guides",
                        "actions": "Browses posts",
                        "thoughts": "Are these photos real?",
                        "emotion": 1,
                        "touchpoints": [{"name": "Social posts", "channel": "social", "kind": "pre", "key": True}],
                        "pain_points": ["Photos look better than reality"],
                        "moments": [{"kind": "aha", "text": "A friend's video"}],
                        "backstage": ["Marketing curates posts"],
                        "owner": "marketing",
                        "completion": 0.82,
                        "truth": True,
                    },
                ],
            },
            {
                "name": "Arrival",
                "id": "arrival",
                "steps": [
                    {
                        "name": "Find the site",
                        "id": "find-the-site",
                        "actions": ["Drives up the valley"],
                        "emotion": -2,
                        "moments": [{"kind": "micro", "text": "If only there were a sign"}],
                        "completion": 0.5,
                        "owner": "operations",
                    },
                ],
            },
        ],
        "opportunities": [
            {
                "title": "Put up signs at both turn-offs",
                "id": "signage",
                "at": "arrival/find-the-site",
                "owner": "operations",
                "status": "do",
                "priority": "high",
                "due": "2026-12-15",
                "kpi": "Fewer than 2 complaints a month",
                "log": [
                    {"date": "2026-10-01", "status": "plan", "note": "Agreed"},
                    {"date": "2026-11-02", "status": "do", "note": "Signs ordered"},
                ],
            }
        ],
    }
    data.update(copy.deepcopy(overrides))
    return data


def journey_page(title: str = "Weekend camping trip", body: str = "Narrative.\n", **overrides: Any) -> str:
    return page({"title": title, "journey": journey_data(**overrides)}, body)


def supporting_pages() -> dict[str, str]:
    """Persona, department and source pages that journey_data() refers to."""
    return {
        "personas/urban-camper.md": page({"title": "Li Wei", "persona": {"name": "Li Wei", "segment": "current"}}),
        "departments/operations.md": page({"title": "Operations", "department": {"name": "Campsite operations"}}),
        "departments/marketing.md": page({"title": "Marketing", "department": {"name": "Marketing"}}),
        "research.md": "# Research\n\nInterviews.\n",
    }


def other_journey_page(title: str, opportunity_id: str, body: str = "Narrative.\n", **overrides: Any) -> str:
    """Another valid journey for the same site: its opportunity has an id of its own."""
    opportunity = copy.deepcopy(journey_data()["opportunities"][0])
    opportunity.update(id=opportunity_id, title=f"{opportunity['title']} ({title})")
    return journey_page(title=title, body=body, opportunities=[opportunity], **overrides)
