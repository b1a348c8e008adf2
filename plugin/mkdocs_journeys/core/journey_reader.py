"""Read and validate the `journey:` front matter of a page into a Journey (see JOURNEY_FORMAT.md)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .fields import FieldReader, parse_iso_date
from .frontmatter import LineDict
from .model import (
    DECISIONS,
    EMOTION_MAX,
    EMOTION_MIN,
    JOURNEY_TYPES,
    MOMENT_KINDS,
    PRIORITIES,
    SCOPES,
    STATUSES,
    TOUCHPOINT_KINDS,
    Journey,
    LogEntry,
    Metrics,
    Moment,
    Opportunity,
    Source,
    Stage,
    Step,
    Touchpoint,
)
from .problems import Severity, key_name
from .slugs import is_icon_name

JOURNEY_KEYS = (
    "type", "scope", "personas", "owner", "reviewed", "sources", "scenario", "goals",
    "expectations", "metrics", "stages", "opportunities", "language",
)
METRIC_KEYS = ("nps", "ces", "csat")
# The ranges of the journey metrics (NPS, CES, CSAT in percent) and of a step's completion share.
METRIC_RANGES = {"nps": (-100, 100), "ces": (1, 7), "csat": (0, 100)}
COMPLETION_RANGE = (0, 1)
STAGE_KEYS = ("name", "id", "icon", "personas", "steps")
STEP_KEYS = (
    "name", "id", "actions", "thoughts", "emotion", "touchpoints", "pain_points", "moments",
    "backstage", "owner", "completion", "truth", "personas",
)
TOUCHPOINT_KEYS = ("name", "channel", "kind", "key")
MOMENT_KEYS = ("kind", "text")
OPPORTUNITY_KEYS = (
    "title", "id", "at", "owner", "status", "priority", "due", "kpi", "result", "decision", "log",
)
LOG_KEYS = ("date", "status", "note")

_URL_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
# en, zh, zh-Hans, zh_CN, ms-MY, ...: the code names a labels file, so nothing else may pass.
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")

# Answers whether the theme bundles an icon such as "material/compass-outline".
IconCheck = Callable[[str], bool]


class _Seen:
    """What reading one journey has met so far, for checks that span items."""

    def __init__(self) -> None:
        self.stage_ids: set[str] = set()
        self.step_ids: set[str] = set()
        # per-persona emotions, checked once all stages (and their personas) are read
        self.persona_emotions: list[tuple[Step, str, str, int | None]] = []


def read_journey(
    data: LineDict,
    title: str,
    reader: FieldReader,
    icon_exists: IconCheck | None = None,
) -> Journey:
    path = reader.path
    seen = _Seen()
    reader.check_keys(data, JOURNEY_KEYS, "journey")
    journey = Journey(
        path=path,
        title=title,
        type=reader.choice(data, "type", "journey.type", JOURNEY_TYPES),
        scope=reader.choice(data, "scope", "journey.scope", SCOPES, default="key") or "key",
        personas=reader.ids(data, "personas", "journey.personas", "persona"),
        owner=reader.id(data, "owner", "journey.owner", "department"),
        reviewed=reader.iso_date(data, "reviewed", "journey.reviewed"),
        sources=_read_sources(data, reader),
        scenario=reader.text(data, "scenario", "journey.scenario"),
        goals=reader.texts(data, "goals", "journey.goals"),
        expectations=reader.texts(data, "expectations", "journey.expectations"),
        metrics=_read_metrics(data, reader),
        language=_read_language(data, reader),
    )
    journey.stages = reader.each_mapping(
        data, "stages", "journey.stages",
        lambda item, item_path, line: _read_stage(item, item_path, line, reader, icon_exists, seen),
        required=True, what="stages",
    )
    _check_emotion_personas(journey, reader, seen)
    journey.opportunities = reader.each_mapping(
        data, "opportunities", "journey.opportunities",
        lambda item, item_path, line: _read_opportunity(item, item_path, line, reader, journey),
        what="opportunities",
    )
    return journey


def _read_language(data: LineDict, reader: FieldReader) -> str | None:
    language = reader.text(data, "language", "journey.language")
    if language is not None and not _LANGUAGE_RE.match(language):
        reader.report("journey.language", language, "a language code such as en, zh, zh-Hans or ms",
                      reader.line_of(data, "language"))
        return None
    return language


def _read_metrics(data: LineDict, reader: FieldReader) -> Metrics:
    metrics = reader.mapping(data, "metrics", "journey.metrics")
    if metrics is None:
        return Metrics()
    reader.check_keys(metrics, METRIC_KEYS, "journey.metrics")
    return Metrics(
        nps=reader.number(metrics, "nps", "journey.metrics.nps", *METRIC_RANGES["nps"], what="a Net Promoter Score"),
        ces=reader.number(metrics, "ces", "journey.metrics.ces", *METRIC_RANGES["ces"], what="a Customer Effort Score"),
        csat=reader.number(metrics, "csat", "journey.metrics.csat", *METRIC_RANGES["csat"],
                           what="a satisfaction percentage"),
    )


def _read_sources(data: LineDict, reader: FieldReader) -> list[Source]:
    sources = []
    for text, item_path, line in _text_entries(data, "sources", "journey.sources", reader):
        if text.startswith(("http://", "https://")):
            sources.append(Source(text=text, url=text))
        elif _URL_SCHEME_RE.match(text) or text.startswith("//"):
            reader.report(item_path, text, "a page of the site or an http(s) link", line)
        else:
            candidates = tuple(dict.fromkeys(
                path for path in (resolve_page_path(reader.path, text), resolve_page_path("", text)) if path
            ))
            if not candidates:
                reader.report(item_path, text, "a page inside the site's docs folder", line)
            else:
                sources.append(Source(text=text, candidates=candidates, field=item_path, line=line))
    return sources


def resolve_page_path(from_path: str, link: str) -> str | None:
    """A link as written in a page, as a path relative to the docs folder (None if it escapes it)."""
    link = link.split("#", 1)[0]
    joined = link.lstrip("/") if link.startswith("/") else posixpath.join(posixpath.dirname(from_path), link)
    normal = posixpath.normpath(joined)
    if normal.startswith("..") or normal in (".", ""):
        return None
    return normal


def _text_entries(data: LineDict, key: str, path: str, reader: FieldReader) -> list[tuple[str, str, int | None]]:
    """Texts of a text-list field with their paths and lines (for per-item checks)."""
    value = data.get(key)
    if isinstance(value, list):
        texts = reader.texts(data, key, path)
        entries = [(item.strip(), f"{path}[{i}]", reader.line_of(value, i)) for i, item in enumerate(value)
                   if isinstance(item, str) and item.strip()]
        return entries if len(entries) == len(texts) else []
    text = reader.text(data, key, path)
    return [(text, path, reader.line_of(data, key))] if text else []


def _read_stage(
    item: LineDict, path: str, line: int | None, reader: FieldReader, icon_exists: IconCheck | None, seen: _Seen
) -> Stage | None:
    reader.check_keys(item, STAGE_KEYS, path)
    name = reader.text(item, "name", f"{path}.name", required=True)
    stage_id = _unique(reader.own_id(item, name, path, line), seen.stage_ids, f"{path}.id", line, reader, "stage")
    icon = reader.text(item, "icon", f"{path}.icon")
    if icon is not None:
        icon = icon.removesuffix(".svg")
        if not is_icon_name(icon) or (icon_exists is not None and not icon_exists(icon)):
            reader.report(f"{path}.icon", icon, "an icon the theme bundles, such as material/compass-outline",
                          reader.line_of(item, "icon"))
            icon = None
    steps = reader.each_mapping(
        item, "steps", f"{path}.steps",
        lambda step, step_path, step_line: _read_step(step, step_path, step_line, reader, seen),
        required=True, what="steps",
    )
    personas = reader.ids(item, "personas", f"{path}.personas", "persona")
    if name is None or stage_id is None or not steps:
        return None
    return Stage(id=stage_id, name=name, icon=icon, personas=personas, steps=steps)


def _read_step(item: LineDict, path: str, line: int | None, reader: FieldReader, seen: _Seen) -> Step | None:
    reader.check_keys(item, STEP_KEYS, path)
    name = reader.text(item, "name", f"{path}.name", required=True)
    step_id = _unique(reader.own_id(item, name, path, line), seen.step_ids, f"{path}.id", line, reader, "step")
    step = Step(
        id=step_id or "",
        name=name or "",
        actions=reader.texts(item, "actions", f"{path}.actions"),
        thoughts=reader.texts(item, "thoughts", f"{path}.thoughts"),
        touchpoints=reader.each_mapping(
            item, "touchpoints", f"{path}.touchpoints",
            lambda tp, tp_path, tp_line: _read_touchpoint(tp, tp_path, reader), what="touchpoints",
        ),
        pain_points=reader.texts(item, "pain_points", f"{path}.pain_points"),
        moments=reader.each_mapping(
            item, "moments", f"{path}.moments",
            lambda m, m_path, m_line: _read_moment(m, m_path, reader), what="moments",
        ),
        backstage=reader.texts(item, "backstage", f"{path}.backstage"),
        owner=reader.id(item, "owner", f"{path}.owner", "department"),
        completion=reader.number(item, "completion", f"{path}.completion", *COMPLETION_RANGE, what="a share"),
        truth=reader.boolean(item, "truth", f"{path}.truth"),
        personas=reader.ids(item, "personas", f"{path}.personas", "persona"),
    )
    _read_emotion(item, path, reader, step, seen)
    if name is None or step_id is None:
        return None
    return step


def _unique(item_id: str | None, seen_ids: set[str], path: str, line: int | None, reader: FieldReader, what: str) -> str | None:
    """Stage and step ids are unique within their journey (steps across all stages)."""
    if item_id is None:
        return None
    if item_id in seen_ids:
        reader.report(path, item_id, f"a {what} id not used by another {what} of this journey "
                      "(give one of them an explicit `id`)", line)
        return None
    seen_ids.add(item_id)
    return item_id


def _read_emotion(item: LineDict, path: str, reader: FieldReader, step: Step, seen: _Seen) -> None:
    value = item.get("emotion")
    field = f"{path}.emotion"
    if value is None:
        return
    if isinstance(value, dict):
        if not value:
            reader.report(field, value, "an integer from -2 to 2, or a mapping of persona id to such an integer",
                          reader.line_of(item, "emotion"))
        for persona, score in value.items():
            persona_field = f"{field}.{key_name(persona)}"
            persona_line = reader.line_of(value, persona)
            if not isinstance(persona, str):
                # `1: 2`, `null: 1`, `true: 1`: YAML reads these keys as numbers, nothing or booleans
                reader.report(persona_field, key_name(persona), "a persona id (a lowercase slug; quote one that "
                              "looks like a number or a boolean)", persona_line, described=True)
                continue
            if not reader._check_slug(persona, persona_field, persona_line, "persona"):
                continue
            checked = reader.number_value(score, persona_field, persona_line, EMOTION_MIN, EMOTION_MAX, True, "an integer")
            if checked is not None:
                step.persona_emotions[persona] = checked
                seen.persona_emotions.append((step, persona, persona_field, persona_line))
        return
    step.emotion = reader.number_value(
        value, field, reader.line_of(item, "emotion"), EMOTION_MIN, EMOTION_MAX, True,
        "an integer", " (or a mapping of persona id to such an integer)",
    )


def _read_touchpoint(item: LineDict, path: str, reader: FieldReader) -> Touchpoint | None:
    reader.check_keys(item, TOUCHPOINT_KEYS, path)
    name = reader.text(item, "name", f"{path}.name", required=True)
    touchpoint = Touchpoint(
        name=name or "",
        channel=reader.text(item, "channel", f"{path}.channel"),
        kind=reader.choice(item, "kind", f"{path}.kind", TOUCHPOINT_KINDS),
        key=reader.boolean(item, "key", f"{path}.key"),
    )
    return touchpoint if name else None


def _read_moment(item: LineDict, path: str, reader: FieldReader) -> Moment | None:
    reader.check_keys(item, MOMENT_KEYS, path)
    kind = reader.choice(item, "kind", f"{path}.kind", MOMENT_KINDS)
    if item.get("kind") is None:
        reader.report(f"{path}.kind", None, "one of: " + ", ".join(MOMENT_KINDS), reader.line_of(item))
    text = reader.text(item, "text", f"{path}.text", required=True)
    return Moment(kind=kind, text=text) if kind and text else None


def _check_emotion_personas(journey: Journey, reader: FieldReader, seen: _Seen) -> None:
    """Per-persona emotions must name personas of the journey (its list, a stage's or a step's)."""
    allowed = set(journey.personas)
    for stage in journey.stages:
        allowed.update(stage.personas)
        for step in stage.steps:
            allowed.update(step.personas)
    for step, persona, field, line in seen.persona_emotions:
        if persona not in allowed:
            known = ", ".join(sorted(allowed)) or "none: list them in journey.personas"
            reader.report(field, persona, f"a persona of this journey ({known})", line)
            step.persona_emotions.pop(persona, None)


def _read_opportunity(item: LineDict, path: str, line: int | None, reader: FieldReader, journey: Journey) -> Opportunity | None:
    reader.check_keys(item, OPPORTUNITY_KEYS, path)
    title = reader.text(item, "title", f"{path}.title", required=True)
    opportunity_id = reader.own_id(item, title, path, line)
    owner = reader.id(item, "owner", f"{path}.owner", "department")
    if item.get("owner") is None:
        reader.report(f"{path}.owner", None, "a department id: an improvement that no department owns is not followed up",
                      reader.line_of(item), Severity.WARNING)
    opportunity = Opportunity(
        id=opportunity_id or "",
        title=title or "",
        journey_path=journey.path,
        owner=owner,
        status=reader.choice(item, "status", f"{path}.status", STATUSES, default="plan") or "plan",
        priority=reader.choice(item, "priority", f"{path}.priority", PRIORITIES, default="medium") or "medium",
        due=reader.iso_date(item, "due", f"{path}.due"),
        kpi=reader.text(item, "kpi", f"{path}.kpi"),
        result=reader.text(item, "result", f"{path}.result"),
        decision=reader.choice(item, "decision", f"{path}.decision", DECISIONS),
        log=reader.each_mapping(
            item, "log", f"{path}.log",
            lambda entry, entry_path, entry_line: _read_log_entry(entry, entry_path, reader), what="log entries",
        ),
    )
    if opportunity_id:
        reader.refer("opportunity", opportunity_id, f"{path}.id" if item.get("id") is not None else f"{path}.title",
                     reader.line_of(item, "id" if item.get("id") is not None else "title"))
    _resolve_at(item, path, reader, journey, opportunity)
    _check_log_order(item, path, reader, opportunity)
    if title is None or opportunity_id is None:
        return None
    return opportunity


def _resolve_at(item: LineDict, path: str, reader: FieldReader, journey: Journey, opportunity: Opportunity) -> None:
    at = reader.text(item, "at", f"{path}.at")
    if at is None:
        return
    opportunity.at = at
    stage_id, _, step_id = at.partition("/")
    stage = next((s for s in journey.stages if s.id == stage_id), None)
    line = reader.line_of(item, "at")
    if stage is None:
        known = ", ".join(s.id for s in journey.stages)
        reader.report(f"{path}.at", at, f"a stage id of this journey, or stage-id/step-id; stage ids: {known}", line)
        return
    if step_id and not any(step.id == step_id for step in stage.steps):
        known = ", ".join(f"{stage.id}/{step.id}" for step in stage.steps)
        reader.report(f"{path}.at", at, f"a step of stage '{stage.id}': {known}", line)
        return
    opportunity.stage_id = stage.id
    opportunity.step_id = step_id or None


def _read_log_entry(item: LineDict, path: str, reader: FieldReader) -> LogEntry:
    reader.check_keys(item, LOG_KEYS, path)
    return LogEntry(
        date=reader.iso_date(item, "date", f"{path}.date", required=True),
        status=reader.choice(item, "status", f"{path}.status", STATUSES),
        note=reader.text(item, "note", f"{path}.note"),
    )


def _check_log_order(item: LineDict, path: str, reader: FieldReader, opportunity: Opportunity) -> None:
    log_data = item.get("log")
    if not isinstance(log_data, list):
        return
    previous = None
    for index, entry in enumerate(log_data):
        entry_date = parse_iso_date(entry.get("date")) if isinstance(entry, dict) else None
        if entry_date is None:
            continue
        if previous is not None and entry_date < previous:
            reader.report(f"{path}.log[{index}].date", entry_date.isoformat(),
                          f"log entries oldest first: this date is before the previous entry's {previous.isoformat()}",
                          reader.line_of(log_data, index))
        previous = entry_date
