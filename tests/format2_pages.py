"""A small site written to format 2, shared by the format-2 tests."""

from __future__ import annotations

import copy
from typing import Any

from conftest import page

PICTURE = ('<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90" viewBox="0 0 160 90">'
           '<rect width="160" height="90" fill="#2e7d32"/></svg>\n')

CURRENT = "journeys/camping.md"
FUTURE = "journeys/camping-future.md"
SUB = "journeys/find-the-site.md"
OTHER = "journeys/booking.md"
RESEARCH = "research/interviews.md"


def current_data() -> dict[str, Any]:
    return {
        "type": "purchase",
        "state": "current",
        "phase": "Purchase",
        "personas": ["urban-camper", "camper-child"],
        "owner": "operations",
        "reviewed": "2026-09-01",
        "custom_lanes": [{"id": "location", "label": "Where"}],
        "metrics": {"nps": 12, "csat": 70, "history": [{"date": "2026-03-31", "nps": -4, "csat": 58},
                                                        {"date": "2026-06-30", "nps": 3}]},
        "stages": [
            {
                "name": "Arrival",
                "id": "arrival",
                "description": "From the motorway exit to a pitched tent.",
                "steps": [
                    {
                        "name": "Find the site",
                        "id": "find-the-site",
                        "description": "The family follows the phone map into the valley.",
                        "image": "images/turn-off.svg",
                        "image_alt": "Unmarked turn-off in the forest",
                        "feeling": "Anxious",
                        "emotion": -1.5,
                        "actions": {"urban-camper": "Drives and looks for signs",
                                    "camper-child": 'Asks "are we there yet?"'},
                        "thoughts": {"urban-camper": "Did we miss the turn?"},
                        "lanes": {"location": "Forest road"},
                        "evidence": ["research/interviews.md#arrival", "https://example.org/survey"],
                        "journey": SUB,
                    },
                    {"name": "Get into car", "emotion": 0.5},
                    {"name": "Pitch the tent", "image": "https://example.org/tent.png", "emotion": 1,
                     "feeling": "Relieved"},
                ],
            },
            {
                "name": "Arrival",  # a repeated stage name: its derived id is arrival-2
                "steps": [{"name": "Get into car", "emotion": {"urban-camper": 2, "camper-child": 1.5}}],
            },
        ],
        "opportunities": [
            {"title": "Put up signs at both turn-offs", "id": "signs", "owner": "operations",
             "at": ["arrival/find-the-site", f"{OTHER}#confirm/pay-deposit"], "value": 4, "effort": 2},
            {"title": "Same title", "owner": "operations", "at": "arrival-2"},
            {"title": "Same title", "owner": "operations", "at": "arrival"},
        ],
    }


def future_data() -> dict[str, Any]:
    data = copy.deepcopy(current_data())
    data.update(state="future", compares=CURRENT)
    del data["custom_lanes"]
    for stage in data["stages"]:
        for step in stage["steps"]:
            step.pop("lanes", None)
            step.pop("journey", None)
            step.pop("evidence", None)
    del data["opportunities"]
    return data


def format2_pages(**changes: Any) -> dict[str, str]:
    """The site; `changes` replace whole pages (path -> text)."""
    pages = {
        CURRENT: page({"title": "Camping today", "journey": current_data()}),
        FUTURE: page({"title": "Camping tomorrow", "journey": future_data()}),
        SUB: page({"title": "Finding the site", "journey": {
            "parent": f"{CURRENT}#arrival/find-the-site", "personas": ["urban-camper"],
            "stages": [{"name": "Exit", "steps": [{"name": "Leave the motorway", "emotion": 0}]}]}}),
        OTHER: page({"title": "Booking", "journey": {
            "personas": ["urban-camper"],
            "stages": [{"name": "Confirm", "id": "confirm", "steps": [{"name": "Pay deposit", "id": "pay-deposit"}]}]}}),
        RESEARCH: "# Camping interviews\n\n## Arrival\n\nTwelve families.\n",
        "images/turn-off.svg": PICTURE,
        "personas/urban-camper.md": page({"title": "Li Wei", "persona": {"name": "Li Wei"}}),
        "personas/camper-child.md": page({"title": "Mei", "persona": {"name": "Mei"}}),
        "departments/operations.md": page({"title": "Operations", "department": {"name": "Campsite operations"}}),
    }
    pages.update(changes)
    return pages
