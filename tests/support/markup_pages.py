"""Pages whose every text carries markup (a script tag and an attribute break-out): shared
by test_escaping.py and test_escaping_everywhere.py."""

from __future__ import annotations


SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


def evil(label: str) -> str:
    """A text that names its field, then tries both payloads."""
    return f"{label} {SCRIPT} {IMG}"


JOURNEY_PATH = "journeys/evil.md"
PERSONA_PATH = "personas/evil-persona.md"
DEPARTMENT_PATH = "departments/evil-department.md"

JOURNEY = {
    "type": "service",
    "personas": ["evil-persona"],
    "owner": "evil-department",
    "sources": [f"https://example.org/?q={IMG}"],
    "scenario": evil("scenario"),
    "goals": [evil("goal")],
    "expectations": [evil("expectation")],
    "stages": [
        {
            "name": evil("stage one"),
            "personas": ["evil-persona"],
            "steps": [
                {
                    "name": evil("step one"),
                    "actions": [evil("action")],
                    "thoughts": evil("thought"),
                    "emotion": {"evil-persona": 1},
                    "touchpoints": [{"name": evil("touchpoint"), "channel": evil("channel"), "kind": "core", "key": True}],
                    "pain_points": [evil("pain point")],
                    "moments": [{"kind": "aha", "text": evil("aha moment")},
                                {"kind": "micro", "text": evil("micro moment")}],
                    "backstage": [evil("backstage")],
                    "owner": "evil-department",
                    "completion": 0.5,
                    "truth": True,
                    "personas": ["evil-persona"],
                },
            ],
        },
        {
            "name": evil("stage two"),
            "id": "two",
            "steps": [{"name": evil("step two"), "actions": evil("second action"), "emotion": -1}],
        },
    ],
    "opportunities": [
        {
            "title": evil("opportunity title"),
            "at": "two",
            "owner": "evil-department",
            "status": "check",
            "kpi": evil("kpi"),
            "result": evil("result"),
            "decision": "adjust",
            "due": "2026-01-01",
            "log": [{"date": "2025-12-01", "status": "plan", "note": evil("log note")}],
        },
        {"title": evil("journey-wide opportunity"), "owner": "evil-department"},
    ],
}

PERSONA = {
    "name": evil("persona name"),
    "role": evil("persona role"),
    "segment": "prospect",
    "quote": evil("persona quote"),
    "goals": [evil("persona goal")],
    "needs": [evil("persona need")],
    "frustrations": [evil("persona frustration")],
    "channels": [evil("persona channel")],
}

DEPARTMENT = {"name": evil("department name"), "lead": evil("department lead"), "contact": evil("department contact")}
