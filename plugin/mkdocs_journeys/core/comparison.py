"""Two states of one journey (a `compares` pair) side by side: which steps the later state
adds, removes and keeps (matched by step id), and both emotion curves over one row of steps."""

from __future__ import annotations

from dataclasses import dataclass

from .model import STATES, Journey, Step
from .overview import step_emotions


@dataclass
class Comparison:
    before: Journey  # current (or planned)
    after: Journey  # future (or actual)
    columns: list[tuple[str, str]]  # (step id, name): both journeys' steps, kept ones shared
    before_emotions: list[float | None]  # one per column (None: no such step, or no emotion)
    after_emotions: list[float | None]
    added: list[Step]  # in `after` only
    removed: list[Step]  # in `before` only
    kept: list[tuple[Step, Step]]  # (before's, after's)


def _ordered(one: Journey, other: Journey) -> tuple[Journey, Journey]:
    """The earlier state first: current before future, planned before actual."""
    return tuple(sorted((one, other), key=lambda j: (STATES.index(j.state), j.path)))  # type: ignore[return-value]


def compare(one: Journey, other: Journey) -> Comparison:
    before, after = _ordered(one, other)
    before_steps = {step.id: step for _, step in before.steps()}
    after_steps = {step.id: step for _, step in after.steps()}
    # The earlier state's steps in order; each step the later state adds goes right after
    # the step it follows there, so kept steps line up.
    columns: list[tuple[str, str]] = [(step.id, step.name) for step in before_steps.values()]
    position = {step_id: index for index, (step_id, _) in enumerate(columns)}
    insert_at = 0
    for step_id, step in after_steps.items():
        if step_id in position:
            insert_at = position[step_id] + 1
            continue
        columns.insert(insert_at, (step_id, step.name))
        insert_at += 1
        position = {sid: index for index, (sid, _) in enumerate(columns)}
    before_by_id = dict(zip(before_steps, step_emotions(before)))
    after_by_id = dict(zip(after_steps, step_emotions(after)))
    return Comparison(
        before=before,
        after=after,
        columns=columns,
        before_emotions=[before_by_id.get(step_id) for step_id, _ in columns],
        after_emotions=[after_by_id.get(step_id) for step_id, _ in columns],
        added=[step for step_id, step in after_steps.items() if step_id not in before_steps],
        removed=[step for step_id, step in before_steps.items() if step_id not in after_steps],
        kept=[(step, after_steps[step_id]) for step_id, step in before_steps.items() if step_id in after_steps],
    )
