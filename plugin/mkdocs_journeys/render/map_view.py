"""What a journey map shows, arranged for the templates: columns, stage spans and lanes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..core.model import Journey, Opportunity, Stage, Step
from .emotion import EmotionLane, emotion_lane

# Every lane the map can show, in the default order.
LANES = (
    "actions", "touchpoints", "thoughts", "emotion", "pain_points", "moments",
    "backstage", "owner", "completion", "opportunities",
)

# The lanes whose texts search may index, and those it does by default: the short,
# findable ones (every reader downloads the whole index; the full texts of a thousand
# maps make it about 27 MB, these about a third of that).
SEARCH_LANES = ("actions", "touchpoints", "thoughts", "pain_points", "moments", "backstage", "owner", "opportunities")
DEFAULT_SEARCH_LANES = ("touchpoints", "pain_points", "moments", "owner", "opportunities")


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


def _has_data(lane: str, journey: Journey, steps: list[Step], view: MapView) -> bool:
    if lane == "emotion":
        return view.emotion is not None
    if lane == "opportunities":
        return bool(view.stage_opportunities)
    if lane == "completion":
        return any(step.completion is not None for step in steps)
    return any(getattr(step, lane) for step in steps)


def map_view(journey: Journey, lanes: Sequence[str] = LANES, persona_name: Callable[[str], str] = str) -> MapView:
    columns = journey.steps()
    view = MapView(journey=journey, columns=columns, lanes=[], emotion=emotion_lane(journey, persona_name))
    step_columns = {(stage.id, step.id): index for stage in journey.stages
                    for index, step in enumerate(stage.steps, 1)}
    for opportunity in journey.opportunities:
        if opportunity.stage_id:
            column = step_columns.get((opportunity.stage_id, opportunity.step_id)) if opportunity.step_id else None
            view.stage_opportunities.setdefault(opportunity.stage_id, []).append((opportunity, column))
        else:
            view.journey_opportunities.append(opportunity)
    for placed in view.stage_opportunities.values():
        placed.sort(key=lambda item: item[1] is not None)  # stable: the stage's own first
    steps = [step for _, step in columns]
    view.lanes = [lane for lane in lanes if _has_data(lane, journey, steps, view)]
    return view
