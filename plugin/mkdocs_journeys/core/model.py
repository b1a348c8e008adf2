"""The journey wiki's data model: what a page's front matter says once it is validated.

Plain dataclasses with no behaviour beyond small derived views; the readers build them,
the cross-reference index links them, the renderers display them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

JOURNEY_TYPES = ("purchase", "lead-generation", "engagement", "retention", "onboarding", "service", "other")
SCOPES = ("full", "key")
TOUCHPOINT_KINDS = ("pre", "first", "core", "untouched")
MOMENT_KINDS = ("aha", "micro")
STATUSES = ("plan", "do", "check", "act", "done")
PRIORITIES = ("high", "medium", "low")
DECISIONS = ("adopt", "adjust", "abandon")
SEGMENTS = ("prospect", "current", "churned")
EMOTION_MIN, EMOTION_MAX = -2, 2


@dataclass(slots=True)
class Touchpoint:
    name: str
    channel: str | None = None
    kind: str | None = None
    key: bool = False


@dataclass(slots=True)
class Moment:
    kind: str
    text: str


@dataclass(slots=True)
class Step:
    id: str
    name: str
    actions: list[str] = field(default_factory=list)
    thoughts: list[str] = field(default_factory=list)
    emotion: int | None = None  # one value for every persona of the step
    persona_emotions: dict[str, int] = field(default_factory=dict)  # per persona id
    touchpoints: list[Touchpoint] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    backstage: list[str] = field(default_factory=list)
    owner: str | None = None
    completion: float | None = None
    truth: bool = False
    personas: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Stage:
    id: str
    name: str
    icon: str | None = None
    personas: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


@dataclass(slots=True)
class LogEntry:
    date: date | None
    status: str | None
    note: str | None


@dataclass(slots=True)
class Opportunity:
    id: str
    title: str
    journey_path: str  # the page the opportunity is written in
    at: str | None = None  # as written: stage id or stage-id/step-id
    stage_id: str | None = None
    step_id: str | None = None
    owner: str | None = None
    status: str = "plan"
    priority: str = "medium"
    due: date | None = None
    kpi: str | None = None
    result: str | None = None
    decision: str | None = None
    log: list[LogEntry] = field(default_factory=list)

    @property
    def last_log(self) -> LogEntry | None:
        return self.log[-1] if self.log else None

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today and self.status != "done"


@dataclass(slots=True)
class Metrics:
    nps: float | None = None
    ces: float | None = None
    csat: float | None = None

    def __bool__(self) -> bool:
        return any(value is not None for value in (self.nps, self.ces, self.csat))


@dataclass(slots=True)
class Source:
    text: str  # as written
    url: str | None = None  # an http(s) URL
    page: str | None = None  # a site page, relative to the docs folder, once found to exist
    title: str | None = None  # that page's title
    # where a page link may point: relative to the journey's folder, then to the docs folder
    candidates: tuple[str, ...] = ()
    field: str = ""
    line: int | None = None


@dataclass(slots=True)
class Journey:
    path: str
    title: str
    type: str | None = None
    scope: str = "key"
    personas: list[str] = field(default_factory=list)
    owner: str | None = None
    reviewed: date | None = None
    sources: list[Source] = field(default_factory=list)
    scenario: str | None = None
    goals: list[str] = field(default_factory=list)
    expectations: list[str] = field(default_factory=list)
    metrics: Metrics = field(default_factory=Metrics)
    stages: list[Stage] = field(default_factory=list)
    opportunities: list[Opportunity] = field(default_factory=list)
    language: str | None = None  # extension: labels of this map in another language

    def steps(self) -> list[tuple[Stage, Step]]:
        return [(stage, step) for stage in self.stages for step in stage.steps]

    def all_personas(self) -> list[str]:
        """The journey's personas, then any named only on a stage or step, in order of appearance."""
        seen = dict.fromkeys(self.personas)
        for stage in self.stages:
            seen.update(dict.fromkeys(stage.personas))
            for step in stage.steps:
                seen.update(dict.fromkeys(step.personas))
                seen.update(dict.fromkeys(step.persona_emotions))
        return list(seen)

    def is_stale(self, today: date, stale_after_days: int) -> bool:
        return self.reviewed is None or (today - self.reviewed).days > stale_after_days


@dataclass(slots=True)
class Persona:
    id: str
    path: str
    name: str | None = None
    role: str | None = None
    segment: str | None = None
    quote: str | None = None
    goals: list[str] = field(default_factory=list)
    needs: list[str] = field(default_factory=list)
    frustrations: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)

    @property
    def display_name(self) -> str:
        return self.name or self.id


@dataclass(slots=True)
class Department:
    id: str
    path: str
    name: str | None = None
    lead: str | None = None
    contact: str | None = None

    @property
    def display_name(self) -> str:
        return self.name or self.id
