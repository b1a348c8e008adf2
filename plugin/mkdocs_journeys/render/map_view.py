"""What a journey map shows, arranged for the templates: columns, stage spans and lanes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..core.model import BUILT_IN_LANES, Journey, Opportunity, Place, Stage, Step
from .emotion import EmotionCell, EmotionLane, Series, emotion_lane

# Every built-in lane the map can show, in the default order (custom lanes follow them).
LANES = BUILT_IN_LANES

# The lanes whose texts search may index, and those it does by default: the short,
# findable ones (every reader downloads the whole index; the full texts of a thousand
# maps make it about 27 MB, these about a third of that).
SEARCH_LANES = ("actions", "touchpoints", "thoughts", "pain_points", "moments", "backstage", "owner", "opportunities")
DEFAULT_SEARCH_LANES = ("touchpoints", "pain_points", "moments", "owner", "opportunities")

# Lanes whose texts may be given per persona (format 2): the step's attribute of those texts.
PERSONA_TEXT_LANES = {"actions": "persona_actions", "thoughts": "persona_thoughts"}
_SERIES_STYLES = 6  # the stylesheet has six series colours


@dataclass
class MapView:
    journey: Journey
    columns: list[tuple[Stage, Step]]
    lanes: list[str]  # the lanes with data, in the configured order
    emotion: EmotionLane | None
    # per stage: its opportunities with the column (1-based, within the stage) of the step each
    # is placed at, None for those placed at the stage itself; those come first
    stage_opportunities: dict[str, list[tuple[Opportunity, int | None]]] = field(default_factory=dict)
    journey_opportunities: list[Opportunity] = field(default_factory=list)
    # format 2
    custom_lanes: dict[str, str] = field(default_factory=dict)  # lane id -> label, site-wide then the journey's
    persona_colours: dict[str, int] = field(default_factory=dict)  # persona id -> series colour, as on the curve
    emotion_cells: list[tuple[EmotionCell, Step]] = field(default_factory=list)  # each step's cell, with its step
    personas: list[str] = field(default_factory=list)  # Journey.all_personas(), walked once per map


# The lane a step field is shown in, where the names differ (a faulty value is marked there).
_LANE_OF_FIELD = {"image": "storyboard", "image_alt": "storyboard", "feeling": "emotion"}


def _has_data(lane: str, journey: Journey, steps: list[Step], view: MapView, invalid: set[str]) -> bool:
    if lane in invalid:
        return True  # a forgiving preview marks the faulty value in its lane
    if lane == "emotion":
        return view.emotion is not None
    if lane == "opportunities":
        return bool(view.stage_opportunities)
    if lane == "completion":
        return any(step.completion is not None for step in steps)
    if lane == "storyboard":
        return any(step.image is not None and (step.image.url or step.image.page) for step in steps)
    if lane in PERSONA_TEXT_LANES:
        return any(getattr(step, lane) or getattr(step, PERSONA_TEXT_LANES[lane]) for step in steps)
    if lane in view.custom_lanes:
        return any(lane in step.lanes for step in steps)
    if lane not in LANES:
        return False  # a custom lane another journey declares
    return any(getattr(step, lane) for step in steps)


def _at_place(opportunity: Opportunity, place: Place) -> Opportunity:
    """The opportunity as seen from one of its places: the lane templates read stage_id and step_id."""
    if (opportunity.stage_id, opportunity.step_id) == (place.stage_id, place.step_id) and \
            place.journey_path == opportunity.journey_path:
        return opportunity
    return dataclasses.replace(opportunity, stage_id=place.stage_id, step_id=place.step_id)


def map_view(
    journey: Journey,
    lanes: Sequence[str] | None = None,
    persona_name: Callable[[str], str] = str,
    site_lanes: Sequence[tuple[str, str]] = (),
    foreign_opportunities: Sequence[tuple[Opportunity, Place]] = (),
) -> MapView:
    """`lanes`: the configured lanes (None: every built-in lane, then the custom ones);
    `site_lanes`: the site-wide custom lanes (id, label); `foreign_opportunities`: those
    written in other journeys with a place in this one."""
    columns = journey.steps()
    steps = [step for _, step in columns]
    personas = journey.all_personas()
    view = MapView(journey=journey, columns=columns, lanes=[], emotion=emotion_lane(journey, persona_name, personas),
                   personas=personas)
    view.custom_lanes = dict(site_lanes)
    view.custom_lanes.update((lane.id, lane.label) for lane in journey.custom_lanes)
    if view.emotion is None and any("emotion" in step.invalid or step.feeling for step in steps):
        # no valid number, but a feeling word or a faulty value to show in place
        view.emotion = EmotionLane(series=[Series(0, None)], cells=[EmotionCell() for _ in steps])
    step_columns = {(stage.id, step.id): index for stage in journey.stages
                    for index, step in enumerate(stage.steps, 1)}

    def place_in_stage(opportunity: Opportunity, place: Place) -> None:
        column = step_columns.get((place.stage_id, place.step_id)) if place.step_id else None
        view.stage_opportunities.setdefault(place.stage_id, []).append(  # type: ignore[arg-type]
            (_at_place(opportunity, place), column))

    for opportunity in journey.opportunities:
        own = [place for place in opportunity.places if place.journey_path == journey.path and place.stage_id]
        for place in own:
            place_in_stage(opportunity, place)
        if not own:
            view.journey_opportunities.append(opportunity)
    for opportunity, place in foreign_opportunities:
        if place.stage_id:
            place_in_stage(opportunity, place)
        else:  # written in another journey for the whole of this one
            view.journey_opportunities.append(opportunity)
    for placed in view.stage_opportunities.values():
        placed.sort(key=lambda item: item[1] is not None)  # stable: the stage's own first
    if view.emotion is not None:
        view.emotion_cells = list(zip(view.emotion.cells, steps))
    series = view.emotion.series if view.emotion else []
    view.persona_colours = {s.persona: s.colour for s in series if s.persona}
    for persona in personas:
        if persona not in view.persona_colours:
            view.persona_colours[persona] = len(view.persona_colours) % _SERIES_STYLES
    wanted = list(lanes) if lanes is not None else [*LANES, *view.custom_lanes]
    invalid = {_LANE_OF_FIELD.get(name, name) for step in steps for name in step.invalid}
    view.lanes = [lane for lane in wanted if _has_data(lane, journey, steps, view, invalid)]
    return view
