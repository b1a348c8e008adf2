"""Read and validate the `journey:` front matter of a page into a Journey (see JOURNEY_FORMAT.md)."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .fields import FieldReader, parse_iso_date
from .frontmatter import LineDict
from .model import (
    BUILT_IN_LANES,
    DECISIONS,
    FEELING_MAX_CHARS,
    RATING_MAX,
    RATING_MIN,
    STATES,
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
    CustomLane,
    MetricsPoint,
    Opportunity,
    Place,
    Source,
    Stage,
    Step,
    Touchpoint,
)
from .problems import Severity, key_name
from .slugs import is_icon_name, slugify
from .suggest import did_you_mean

JOURNEY_KEYS = (
    "type", "scope", "personas", "owner", "reviewed", "sources", "scenario", "goals",
    "expectations", "metrics", "stages", "opportunities", "language",
    # format 2
    "state", "compares", "phase", "parent", "custom_lanes",
)
METRIC_KEYS = ("nps", "ces", "csat", "history")
HISTORY_KEYS = ("date", "nps", "ces", "csat")
CUSTOM_LANE_KEYS = ("id", "label")
# The ranges of the journey metrics (NPS, CES, CSAT in percent) and of a step's completion share.
METRIC_RANGES = {"nps": (-100, 100), "ces": (1, 7), "csat": (0, 100)}
COMPLETION_RANGE = (0, 1)
STAGE_KEYS = ("name", "id", "icon", "personas", "steps", "description")
STEP_KEYS = (
    "name", "id", "actions", "thoughts", "emotion", "touchpoints", "pain_points", "moments",
    "backstage", "owner", "completion", "truth", "personas",
    # format 2
    "description", "image", "image_alt", "feeling", "lanes", "evidence", "journey",
)
TOUCHPOINT_KEYS = ("name", "channel", "kind", "key")
MOMENT_KEYS = ("kind", "text")
OPPORTUNITY_KEYS = (
    "title", "id", "at", "owner", "status", "priority", "due", "kpi", "result", "decision", "log",
    "value", "effort",  # format 2
)
LOG_KEYS = ("date", "status", "note")

_URL_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
# en, zh, zh-Hans, zh_CN, ms-MY, ...: the code names a labels file, so nothing else may pass.
_LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")

# Answers whether the theme bundles an icon such as "material/compass-outline".
IconCheck = Callable[[str], bool]


class _Seen:
    """What reading one journey has met so far, for checks that span items."""

    def __init__(self, data: LineDict) -> None:
        self.stage_ids: set[str] = set()
        self.step_ids: set[str] = set()  # every step id of the journey so far
        self.stage_id = ""  # the stage being read, and the ids of its steps so far
        self.stage_step_ids: set[str] = set()
        # Explicit ids, known before any item is read: an id derived from a name steps
        # aside (-2, -3 ...) for them as for earlier ones; only explicit ids may clash.
        self.explicit_stage_ids: set[str] = set()
        self.explicit_step_ids: set[str] = set()
        stages = data.get("stages")
        for stage in stages if isinstance(stages, list) else ():
            if not isinstance(stage, dict):
                continue
            if isinstance(stage.get("id"), str):
                self.explicit_stage_ids.add(stage["id"].strip())
            steps = stage.get("steps")
            for step in steps if isinstance(steps, list) else ():
                if isinstance(step, dict) and isinstance(step.get("id"), str):
                    self.explicit_step_ids.add(step["id"].strip())
        # per-persona emotions and texts, checked once all stages (and their personas) are read:
        # (what, step, persona, field, line)
        self.persona_keys: list[tuple[str, Step, str, str, int | None]] = []
        self.custom_lanes: set[str] = set()  # ids this journey declares


def read_journey(
    data: LineDict,
    title: str,
    reader: FieldReader,
    icon_exists: IconCheck | None = None,
) -> Journey:
    path = reader.path
    seen = _Seen(data)
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
        state=reader.choice(data, "state", "journey.state", STATES, default="current") or "current",
        state_given=data.get("state") is not None,
        compares=_read_page_link(data, "compares", "journey.compares", reader, anchors=False),
        phase=reader.text(data, "phase", "journey.phase"),
        phase_line=reader.line_of(data, "phase"),
        parent=_read_page_link(data, "parent", "journey.parent", reader, anchors=True),
        custom_lanes=_read_custom_lanes(data, reader, seen),
    )
    journey.stages = reader.each_mapping(
        data, "stages", "journey.stages",
        lambda item, item_path, line: _read_stage(item, item_path, line, reader, icon_exists, seen),
        required=True, what="stages",
    )
    _check_persona_keys(journey, reader, seen)
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
    values = _metric_values(metrics, "journey.metrics", reader)
    history = reader.each_mapping(
        metrics, "history", "journey.metrics.history",
        lambda item, item_path, line: _read_history_entry(item, item_path, line, reader), what="measurements",
    )
    _check_date_order(metrics.get("history"), "journey.metrics.history", reader, "measurements")
    return Metrics(**values, history=history)


def _metric_values(metrics: LineDict, path: str, reader: FieldReader) -> dict[str, float | None]:
    return {
        "nps": reader.number(metrics, "nps", f"{path}.nps", *METRIC_RANGES["nps"], what="a Net Promoter Score"),
        "ces": reader.number(metrics, "ces", f"{path}.ces", *METRIC_RANGES["ces"], what="a Customer Effort Score"),
        "csat": reader.number(metrics, "csat", f"{path}.csat", *METRIC_RANGES["csat"], what="a satisfaction percentage"),
    }


def _read_history_entry(item: LineDict, path: str, line: int | None, reader: FieldReader) -> MetricsPoint:
    reader.check_keys(item, HISTORY_KEYS, path)
    point = MetricsPoint(date=reader.iso_date(item, "date", f"{path}.date", required=True),
                         **_metric_values(item, path, reader))
    if all(value is None for value in (point.nps, point.ces, point.csat)) and all(
            item.get(key) is None for key in METRIC_KEYS[:3]):
        reader.report(path, item, "a measurement with at least one of nps, ces, csat", line)
    return point


def _check_date_order(entries: object, path: str, reader: FieldReader, what: str) -> None:
    """List entries with a `date` are oldest first (two on the same day are fine)."""
    if not isinstance(entries, list):
        return
    previous = None
    for index, entry in enumerate(entries):
        entry_date = parse_iso_date(entry.get("date")) if isinstance(entry, dict) else None
        if entry_date is None:
            continue
        if previous is not None and entry_date < previous:
            reader.report(f"{path}[{index}].date", entry_date.isoformat(),
                          f"{what} oldest first: this date is before the previous entry's {previous.isoformat()}",
                          reader.line_of(entries, index))
        previous = entry_date


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


def _link_target(text: str, path: str, line: int | None, reader: FieldReader, what: str,
                 anchors: bool, urls: bool) -> Source | None:
    """A format-2 link: an http(s) URL (where `urls`), or a path written from the docs folder
    (a path relative to the page's own folder is tried next), with an optional #anchor."""
    if text.startswith(("http://", "https://")):
        if urls:
            return Source(text=text, url=text, field=path, line=line)
        reader.report(path, text, f"{what} of this site, written from the docs folder", line)
        return None
    if _URL_SCHEME_RE.match(text) or text.startswith("//"):
        reader.report(path, text, f"{what} of this site, written from the docs folder"
                      + (", or an http(s) link" if urls else ""), line)
        return None
    page, _, anchor = text.partition("#")
    if anchor and not anchors:
        reader.report(path, text, f"{what} without a #anchor", line)
        return None
    candidates = tuple(dict.fromkeys(
        found for found in (resolve_page_path("", page), resolve_page_path(reader.path, page)) if found
    ))
    if not page or not candidates:
        reader.report(path, text, f"{what} inside the site's docs folder", line)
        return None
    return Source(text=text, candidates=candidates, field=path, line=line, anchor=anchor or None)


def _read_page_link(data: LineDict, key: str, path: str, reader: FieldReader, anchors: bool) -> Source | None:
    """`compares`, `parent` and a step's `journey`: a journey page of the site."""
    text = reader.text(data, key, path)
    if text is None:
        return None
    return _link_target(text, path, reader.line_of(data, key), reader, "a journey page", anchors, urls=False)


def _read_custom_lanes(data: LineDict, reader: FieldReader, seen: _Seen) -> list[CustomLane]:
    def read(item: LineDict, path: str, line: int | None) -> CustomLane | None:
        reader.check_keys(item, CUSTOM_LANE_KEYS, path)
        lane_id = reader.text(item, "id", f"{path}.id", required=True)
        label = reader.text(item, "label", f"{path}.label", required=True)
        id_line = reader.line_of(item, "id")
        if lane_id is None or not reader._check_slug(lane_id, f"{path}.id", id_line, "a lane id"):
            return None
        if lane_id in BUILT_IN_LANES:
            reader.report(f"{path}.id", lane_id, "a lane id that is not a built-in lane's ("
                          + ", ".join(BUILT_IN_LANES) + ")", id_line)
            return None
        if lane_id in seen.custom_lanes:
            reader.report(f"{path}.id", lane_id, "a lane id not declared twice in this journey", id_line)
            return None
        seen.custom_lanes.add(lane_id)
        return CustomLane(lane_id, label) if label else None

    return reader.each_mapping(data, "custom_lanes", "journey.custom_lanes", read, what="custom lanes")


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
    stage_id = _unique(item, _own_id(item, name, path, line, reader), seen.stage_ids, seen.explicit_stage_ids,
                       f"{path}.id", line, reader, "stage")
    icon = reader.text(item, "icon", f"{path}.icon")
    if icon is not None:
        icon = icon.removesuffix(".svg")
        if not is_icon_name(icon) or (icon_exists is not None and not icon_exists(icon)):
            reader.report(f"{path}.icon", icon, "an icon the theme bundles, such as material/compass-outline",
                          reader.line_of(item, "icon"))
            icon = None
    description = reader.text(item, "description", f"{path}.description")
    seen.stage_id, seen.stage_step_ids = stage_id or "", set()
    steps = reader.each_mapping(
        item, "steps", f"{path}.steps",
        lambda step, step_path, step_line: _read_step(step, step_path, step_line, reader, seen),
        required=True, what="steps",
    )
    personas = reader.ids(item, "personas", f"{path}.personas", "persona")
    if name is None or stage_id is None or not steps:
        return None
    return Stage(id=stage_id, name=name, icon=icon, personas=personas, steps=steps, description=description)


def _read_step(item: LineDict, path: str, line: int | None, reader: FieldReader, seen: _Seen) -> Step | None:
    problems_before = len(reader.problems)
    reader.check_keys(item, STEP_KEYS, path)
    name = reader.text(item, "name", f"{path}.name", required=True)
    own_id = _own_id(item, name, path, line, reader)
    anchor = ""
    if item.get("id") is not None and own_id in seen.step_ids and own_id not in seen.stage_step_ids:
        # Steps are unique within their stage: an explicit id another stage uses too is valid;
        # its anchor on the page names the stage as well, so both columns can be linked.
        step_id, anchor = own_id, f"{seen.stage_id}/{own_id}"
    else:
        step_id = _unique(item, own_id, seen.step_ids, seen.explicit_step_ids, f"{path}.id", line, reader, "step")
    if step_id is not None:
        seen.stage_step_ids.add(step_id)
    step = Step(
        id=step_id or "",
        anchor=anchor or step_id or "",
        name=name or "",
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
        description=reader.text(item, "description", f"{path}.description"),
        image_alt=reader.text(item, "image_alt", f"{path}.image_alt"),
        feeling=_read_feeling(item, path, reader),
        sub_journey=_read_page_link(item, "journey", f"{path}.journey", reader, anchors=False),
    )
    step.actions, step.persona_actions = _read_persona_texts(item, "actions", path, reader, step, seen)
    step.thoughts, step.persona_thoughts = _read_persona_texts(item, "thoughts", path, reader, step, seen)
    image = reader.text(item, "image", f"{path}.image")
    if image is not None:
        step.image = _link_target(image, f"{path}.image", reader.line_of(item, "image"), reader,
                                  "a picture file", anchors=False, urls=True)
    step.evidence = [
        source for text, item_path, entry_line in _text_entries(item, "evidence", f"{path}.evidence", reader)
        if (source := _link_target(text, item_path, entry_line, reader, "a page", anchors=True, urls=True))
    ]
    step.lanes = _read_step_lanes(item, path, reader, seen)
    _read_emotion(item, path, reader, step, seen)
    if len(reader.problems) > problems_before:
        step.invalid = _invalid_fields(reader, problems_before, path)
    if name is None or step_id is None:
        return None
    return step


def _invalid_fields(reader: FieldReader, since: int, path: str) -> tuple[str, ...]:
    """The step's fields (`emotion`, `actions`, ...) that an error was reported for."""
    prefix = path + "."
    fields = []
    for problem in reader.problems[since:]:
        if problem.severity is Severity.ERROR and problem.field.startswith(prefix):
            fields.append(re.split(r"[.\[]", problem.field[len(prefix):], maxsplit=1)[0])
    return tuple(dict.fromkeys(fields))


def _read_feeling(item: LineDict, path: str, reader: FieldReader) -> str | None:
    feeling = reader.text(item, "feeling", f"{path}.feeling")
    if feeling is not None and len(feeling) > FEELING_MAX_CHARS:
        reader.report(f"{path}.feeling", feeling, f"a short word or phrase of at most {FEELING_MAX_CHARS} "
                      "characters, such as Anxious (longer texts go in `thoughts` or `description`)",
                      reader.line_of(item, "feeling"))
        return None
    return feeling


def _persona_key(key: object, field: str, line: int | None, reader: FieldReader) -> bool:
    if not isinstance(key, str):
        # `1: 2`, `null: 1`, `true: 1`: YAML reads these keys as numbers, nothing or booleans
        reader.report(field, key_name(key), "a persona id (a lowercase slug; quote one that looks like a number "
                      "or a boolean)", line, described=True)
        return False
    return reader._check_slug(key, field, line, "persona")


def _read_persona_texts(item: LineDict, key: str, path: str, reader: FieldReader, step: Step,
                        seen: _Seen) -> tuple[list[str], dict[str, list[str]]]:
    """`actions`/`thoughts`: one text, a list of texts, or (format 2) a map persona id -> text(s)."""
    value = item.get(key)
    if not isinstance(value, dict):
        return reader.texts(item, key, f"{path}.{key}"), {}
    field = f"{path}.{key}"
    if not value:
        reader.report(field, value, "a text, a list of texts, or a mapping of persona id to text(s)",
                      reader.line_of(item, key))
    by_persona: dict[str, list[str]] = {}
    for persona in value:
        persona_field = f"{field}.{key_name(persona)}"
        persona_line = reader.line_of(value, persona)
        if not _persona_key(persona, persona_field, persona_line, reader):
            continue
        texts = reader.texts(value, persona, persona_field)
        if texts:
            by_persona[persona] = texts
            seen.persona_keys.append((key, step, persona, persona_field, persona_line))
    return [], by_persona


def _read_step_lanes(item: LineDict, path: str, reader: FieldReader, seen: _Seen) -> dict[str, list[str]]:
    lanes = reader.mapping(item, "lanes", f"{path}.lanes")
    if lanes is None:
        return {}
    result: dict[str, list[str]] = {}
    for lane in lanes:
        lane_field = f"{path}.lanes.{key_name(lane)}"
        lane_line = reader.line_of(lanes, lane)
        if not isinstance(lane, str) or not reader._check_slug(lane, lane_field, lane_line, "a custom lane id"):
            continue
        texts = reader.texts(lanes, lane, lane_field)
        if not texts:
            continue
        if lane not in seen.custom_lanes:
            reader.refer("lane", lane, lane_field, lane_line)  # maybe a site-wide lane: the site checks
        result[lane] = texts
    return result


def _own_id(item: LineDict, name: str | None, path: str, line: int | None, reader: FieldReader) -> str | None:
    """A stage's or step's id; when the explicit one is faulty (reported), the slug of its name,
    so that a forgiving preview still draws the column."""
    own = reader.own_id(item, name, path, line)
    if own is None and item.get("id") is not None and name is not None:
        return slugify(name) or None
    return own


def _unique(item: LineDict, item_id: str | None, seen_ids: set[str], explicit_ids: set[str], path: str,
            line: int | None, reader: FieldReader, what: str) -> str | None:
    """Stage ids are unique within their journey; an id derived from a name that is taken
    (for steps: anywhere in the journey) gets -2, -3 ... (real maps repeat names); only an
    explicit id that repeats is an error (for steps: within their stage, see _read_step)."""
    if item_id is None:
        return None
    if item.get("id") is not None and item_id in seen_ids:
        reader.report(path, item_id, f"a {what} id not used by another {what} of this journey "
                      "(an explicit `id` must be unique; leave it out to derive one from the name)", line)
        # numbered below like a derived one, so that a forgiving preview still draws it
    if item_id in seen_ids or (item.get("id") is None and item_id in explicit_ids):
        number = 2
        while f"{item_id}-{number}" in seen_ids or f"{item_id}-{number}" in explicit_ids:
            number += 1
        item_id = f"{item_id}-{number}"
    seen_ids.add(item_id)
    return item_id


_EMOTION_EXPECTED = "a number from -2 to 2 (decimals allowed)"


def _read_emotion(item: LineDict, path: str, reader: FieldReader, step: Step, seen: _Seen) -> None:
    value = item.get("emotion")
    field = f"{path}.emotion"
    if value is None:
        return
    if isinstance(value, dict):
        if not value:
            reader.report(field, value, f"{_EMOTION_EXPECTED}, or a mapping of persona id to such a number",
                          reader.line_of(item, "emotion"))
        for persona, score in value.items():
            persona_field = f"{field}.{key_name(persona)}"
            persona_line = reader.line_of(value, persona)
            if not _persona_key(persona, persona_field, persona_line, reader):
                continue
            checked = reader.number_value(score, persona_field, persona_line, EMOTION_MIN, EMOTION_MAX, False,
                                          "a number")
            if checked is not None:
                step.persona_emotions[persona] = checked
                seen.persona_keys.append(("emotion", step, persona, persona_field, persona_line))
        return
    step.emotion = reader.number_value(
        value, field, reader.line_of(item, "emotion"), EMOTION_MIN, EMOTION_MAX, False,
        "a number", " (decimals allowed; or a mapping of persona id to such a number)",
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


def _check_persona_keys(journey: Journey, reader: FieldReader, seen: _Seen) -> None:
    """Per-persona emotions, actions and thoughts name personas of the journey (its list, a
    stage's or a step's)."""
    allowed = set(journey.personas)
    for stage in journey.stages:
        allowed.update(stage.personas)
        for step in stage.steps:
            allowed.update(step.personas)
    for what, step, persona, field, line in seen.persona_keys:
        if persona not in allowed:
            known = ", ".join(sorted(allowed)) or "none: list them in journey.personas"
            reader.report(field, persona, f"a persona of this journey ({known}){did_you_mean(str(persona), allowed)}", line)
            held = {"emotion": step.persona_emotions, "actions": step.persona_actions,
                    "thoughts": step.persona_thoughts}[what]
            held.pop(persona, None)
            step.invalid = tuple(dict.fromkeys((*step.invalid, what)))


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
        value=_rating(item, "value", path, reader, "a value from 1 (low) to 5 (high)"),
        effort=_rating(item, "effort", path, reader, "an effort from 1 (small) to 5 (large)"),
        derived_id=item.get("id") is None,
    )
    if opportunity_id and item.get("id") is not None:
        # Only an explicit id that repeats is an error; the site gives derived ones -2, -3 ...
        reader.refer("opportunity", opportunity_id, f"{path}.id", reader.line_of(item, "id"))
    _resolve_at(item, path, reader, journey, opportunity)
    _check_date_order(item.get("log"), f"{path}.log", reader, "log entries")
    if title is None or opportunity_id is None:
        return None
    return opportunity


def _rating(item: LineDict, key: str, path: str, reader: FieldReader, what: str) -> int | None:
    value = item.get(key)
    if value is None:
        return None
    return reader.number_value(value, f"{path}.{key}", reader.line_of(item, key), RATING_MIN, RATING_MAX, True,
                               f"{what}: an integer")


def _resolve_at(item: LineDict, path: str, reader: FieldReader, journey: Journey, opportunity: Opportunity) -> None:
    """`at`: one place or (format 2) a list; a place in another journey is PAGE.md#stage[/step],
    resolved by the site. The first place is also the opportunity's at/stage_id/step_id."""
    for text, item_path, line in _text_entries(item, "at", f"{path}.at", reader):
        place = _read_place(text, item_path, line, reader, journey)
        if place is not None:
            opportunity.places.append(place)
    if opportunity.places:
        first = opportunity.places[0]
        opportunity.at = first.text
        opportunity.stage_id, opportunity.step_id = first.stage_id, first.step_id


def _read_place(text: str, path: str, line: int | None, reader: FieldReader, journey: Journey) -> Place | None:
    page, hash_sign, anchor = text.partition("#")
    if hash_sign or page.endswith(".md"):
        target = _link_target(text, path, line, reader, "a journey page", anchors=True, urls=False)
        if target is None:
            return None
        return Place(text=text, journey_path="", foreign=True, candidates=target.candidates, anchor=anchor,
                     field=path, line=line)
    stage_id, _, step_id = text.partition("/")
    stage = next((s for s in journey.stages if s.id == stage_id), None)
    if stage is None:
        known = ", ".join(s.id for s in journey.stages)
        places = [s.id for s in journey.stages] + [f"{s.id}/{t.id}" for s in journey.stages for t in s.steps]
        reader.report(path, text, f"a stage id of this journey, or stage-id/step-id, or PAGE.md#stage-id[/step-id] "
                      f"for another journey; stage ids: {known}" + did_you_mean(text, places), line)
        return None
    if step_id and not any(step.id == step_id for step in stage.steps):
        known = ", ".join(f"{stage.id}/{step.id}" for step in stage.steps)
        places = [f"{s.id}/{t.id}" for s in journey.stages for t in s.steps]
        reader.report(path, text, f"a step of stage '{stage.id}': {known}{did_you_mean(text, places)}", line)
        return None
    return Place(text=text, journey_path=journey.path, stage_id=stage.id, step_id=step_id or None, field=path, line=line)


def _read_log_entry(item: LineDict, path: str, reader: FieldReader) -> LogEntry:
    reader.check_keys(item, LOG_KEYS, path)
    return LogEntry(
        date=reader.iso_date(item, "date", f"{path}.date", required=True),
        status=reader.choice(item, "status", f"{path}.status", STATUSES),
        note=reader.text(item, "note", f"{path}.note"),
    )
