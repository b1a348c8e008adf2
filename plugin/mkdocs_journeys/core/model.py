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
STATES = ("current", "future", "planned", "actual")  # format 2: which state of the journey a map shows
EMOTION_MIN, EMOTION_MAX = -2, 2
RATING_MIN, RATING_MAX = 1, 5  # an opportunity's value and effort
FEELING_MAX_CHARS = 40
# The map's built-in lanes, in their default order; custom lanes may not take these names.
BUILT_IN_LANES = (
    "storyboard", "description", "actions", "touchpoints", "thoughts", "emotion", "pain_points", "moments",
    "backstage", "evidence", "owner", "completion", "opportunities",
)


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
class Source:
    """A link a page writes to a page of the site (or a file) or an http(s) URL: `sources`,
    and the format-2 `evidence`, `image`, `compares`, `parent` and a step's `journey`."""

    text: str  # as written
    url: str | None = None  # an http(s) URL
    page: str | None = None  # a site page, relative to the docs folder, once found to exist
    title: str | None = None  # that page's title
    # where a page link may point, first match wins (relative to the docs folder and/or the page's folder)
    candidates: tuple[str, ...] = ()
    field: str = ""
    line: int | None = None
    anchor: str | None = None  # what follows '#': a heading, or stage-id[/step-id] of a journey


@dataclass(slots=True)
class Step:
    id: str
    name: str
    # what the step's column is linked by (#jm-step-<anchor>): its id, or stage-id/step-id for
    # an explicit id that another stage's step has too
    anchor: str = ""
    actions: list[str] = field(default_factory=list)
    thoughts: list[str] = field(default_factory=list)
    emotion: float | None = None  # one value for every persona of the step (decimals allowed)
    persona_emotions: dict[str, float] = field(default_factory=dict)  # per persona id
    touchpoints: list[Touchpoint] = field(default_factory=list)
    pain_points: list[str] = field(default_factory=list)
    moments: list[Moment] = field(default_factory=list)
    backstage: list[str] = field(default_factory=list)
    owner: str | None = None
    completion: float | None = None
    truth: bool = False
    personas: list[str] = field(default_factory=list)
    # -- format 2 --
    description: str | None = None
    image: Source | None = None  # the storyboard picture: a file of the site or an http(s) URL
    image_alt: str | None = None
    feeling: str | None = None  # the emotion in words
    persona_actions: dict[str, list[str]] = field(default_factory=dict)  # persona id -> texts
    persona_thoughts: dict[str, list[str]] = field(default_factory=dict)
    lanes: dict[str, list[str]] = field(default_factory=dict)  # custom lane id -> texts
    evidence: list[Source] = field(default_factory=list)
    sub_journey: Source | None = None  # `journey`: the journey page that maps this step in detail
    # Fields whose values were invalid (dropped, reported): a forgiving preview marks them in place.
    invalid: tuple[str, ...] = ()


@dataclass(slots=True)
class Stage:
    id: str
    name: str
    icon: str | None = None
    description: str | None = None
    personas: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


@dataclass(slots=True)
class LogEntry:
    date: date | None
    status: str | None
    note: str | None


@dataclass(slots=True)
class Place:
    """A stage or step an opportunity improves; in its own journey or (format 2) another one."""

    text: str  # as written: stage, stage/step, or PAGE.md#stage[/step]
    journey_path: str  # the journey it is in (for another journey: once found to exist)
    stage_id: str | None = None  # None until resolved
    step_id: str | None = None
    foreign: bool = False  # written as PAGE.md#...: resolved by the site
    candidates: tuple[str, ...] = ()  # for a foreign place: where its page may be
    anchor: str = ""  # for a foreign place: stage[/step]
    field: str = ""
    line: int | None = None


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
    value: int | None = None  # format 2: 1 (low) .. 5 (high)
    effort: int | None = None  # format 2: 1 (small) .. 5 (large)
    places: list[Place] = field(default_factory=list)  # every place, the first one also in at/stage_id/step_id
    derived_id: bool = False  # the id is the slug of the title: a clash gets -2, -3 ... rather than an error

    @property
    def last_log(self) -> LogEntry | None:
        return self.log[-1] if self.log else None

    def is_overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today and self.status != "done"


@dataclass(slots=True)
class MetricsPoint:
    """An earlier measurement of the journey's metrics (format 2 `metrics.history`)."""

    date: date | None
    nps: float | None = None
    ces: float | None = None
    csat: float | None = None


@dataclass(slots=True)
class Metrics:
    nps: float | None = None
    ces: float | None = None
    csat: float | None = None
    history: list[MetricsPoint] = field(default_factory=list)  # oldest first

    def __bool__(self) -> bool:
        return any(value is not None for value in (self.nps, self.ces, self.csat)) or bool(self.history)


@dataclass(slots=True)
class CustomLane:
    id: str
    label: str


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
    # -- format 2 --
    state: str = "current"
    state_given: bool = False  # written in the page (a map without `state` shows no badge)
    compares: Source | None = None
    phase: str | None = None
    phase_line: int | None = None  # where `phase` is written: the overview checks it against the lifecycle option
    parent: Source | None = None  # the step of another journey this one zooms into
    custom_lanes: list[CustomLane] = field(default_factory=list)

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
                seen.update(dict.fromkeys(step.persona_actions))
                seen.update(dict.fromkeys(step.persona_thoughts))
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
