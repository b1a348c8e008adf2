"""Geometry of the emotion curve: one small SVG per step cell, joined into curves across cells.

Each cell spans x 0..100; a step's point sits at x 50 and its segments run to the cell
edges at the midpoint with the neighbouring step, so adjacent cells meet exactly whatever
the column widths. One series per persona when steps give per-persona emotions.

Curves that share a value must stay apart: each series is drawn a few units above or below
the value's line (its `offset`, the same along the whole curve so the cells still join; it is
added to the path's coordinates here, not written as a transform on every path), and has its
own marker shape and dash pattern. A persona that does not act at a step (the step,
or else its stage, names other personas) gets no point there: its curve has a gap.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.model import EMOTION_MAX, Journey, Stage, Step

TOP, BOTTOM = 12.0, 88.0  # y of +2 and -2 inside a 0..100 viewBox
SERIES_GAP = 3.0  # viewBox units between neighbouring series' curves (about 5 px on screen)
SCALE = (2, 1, 0, -1, -2)  # the ticks of the visible scale


def emotion_y(value: float) -> float:
    return TOP + (EMOTION_MAX - value) * (BOTTOM - TOP) / (2 * EMOTION_MAX)


@dataclass(slots=True)
class Series:
    index: int  # 0-based: picks the colour and dash pattern
    persona: str | None  # None: the single curve of a journey without per-persona emotions
    name: str = ""  # the persona's display name
    offset: float = 0.0  # drawn this far below the value's line (viewBox units), so ties stay apart

    @property
    def colour(self) -> int:
        return self.index % 6  # the stylesheet has six series styles (colour, dashes, marker)


def signed(value: float | None) -> str:
    """+1, 0, -2: an emotion as readers see it."""
    if value is None:
        return ""
    text = f"{value:g}"
    return f"+{text}" if value > 0 else text


@dataclass(slots=True)
class CellCurve:
    series: Series
    value: int
    path: str  # the line through this cell, in viewBox units, the series' offset included
    y: float  # the point at x 50, on the value's line (without the series' offset)
    # Written once here rather than worked out per cell in the template (a map has hundreds):
    signed: str = ""  # the value as shown: +1, 0, -2
    value_class: str = ""  # the series' text colour, or positive/negative/zero for one curve
    drawn_y: float = 0.0  # y as drawn: the series' offset added (the marker's, in %)
    marker_y: str = ""  # drawn_y as the marker's attribute writes it: 47%, 15.5%
    word: int = 0  # the value rounded as the template's round filter did (Python's: +0.5 -> 0)
    colour: int = 0  # the series' colour (its style's number)
    first: bool = True  # the cell's first curve (the screen reader's text joins them with "; ")


@dataclass
class EmotionCell:
    curves: list[CellCurve] = field(default_factory=list)


@dataclass
class EmotionLane:
    series: list[Series]
    cells: list[EmotionCell]
    zero_y: float = emotion_y(0)
    # (value, y) of each tick of the scale, for the grid lines and the labels
    scale: tuple[tuple[int, float], ...] = tuple((value, emotion_y(value)) for value in SCALE)

    @property
    def per_persona(self) -> bool:
        return any(s.persona for s in self.series)


def _value_class(series: Series, value: int) -> str:
    if series.persona:
        return f"journeys-text--{series.colour}"
    return "journeys-emotion__value--" + ("pos" if value > 0 else "neg" if value < 0 else "zero")


def _step_values(journey: Journey, stage: Stage, step: Step, series: list[Series]) -> list[int | None]:
    if not series[0].persona:
        return [step.emotion]
    acting = set(step.personas or stage.personas or journey.personas or (s.persona for s in series))
    return [
        step.persona_emotions[s.persona] if s.persona in step.persona_emotions
        else step.emotion if s.persona in acting else None
        for s in series
    ]


def emotion_lane(journey: Journey, persona_name: Callable[[str], str] = str,
                 all_personas: list[str] | None = None) -> EmotionLane | None:
    """The emotion lane of a journey, or None when no step gives an emotion (`all_personas`:
    the journey's all_personas(), when the caller has them)."""
    columns = journey.steps()
    steps = [step for _, step in columns]
    if not any(step.emotion is not None or step.persona_emotions for step in steps):
        return None
    if all_personas is None:
        all_personas = journey.all_personas()
    personas = [p for p in all_personas if any(p in step.persona_emotions for step in steps)]
    series = [Series(i, persona, persona_name(persona)) for i, persona in enumerate(personas)] or [Series(0, None)]
    for s in series:
        s.offset = (s.index - (len(series) - 1) / 2) * SERIES_GAP
    # A step's single emotion is the emotion of every persona acting at that step.
    values = [_step_values(journey, stage, step, series) for stage, step in columns]
    cells = []
    for index, row in enumerate(values):
        cell = EmotionCell()
        for s in series:
            value = row[s.index]
            if value is None:
                continue
            y = emotion_y(value)
            drawn = y + s.offset
            before = values[index - 1][s.index] if index > 0 else None
            after = values[index + 1][s.index] if index + 1 < len(values) else None
            # the midpoints with the neighbours, offset like the point (the curve is moved as
            # a whole); written without spaces the path grammar does not need
            path = f"M0 {(emotion_y(before) + y) / 2 + s.offset:g}L50 {drawn:g}" if before is not None \
                else f"M50 {drawn:g}"
            if after is not None:
                path += f"L100 {(emotion_y(after) + y) / 2 + s.offset:g}"
            cell.curves.append(CellCurve(series=s, value=value, path=path, y=y,
                                         signed=signed(value), value_class=_value_class(s, value),
                                         drawn_y=drawn, marker_y=f"{drawn:g}%", word=int(round(value)),
                                         colour=s.colour, first=not cell.curves))
        cells.append(cell)
    return EmotionLane(series=series, cells=cells)


@dataclass
class Sparkline:
    """A persona's emotion across one journey, as a small SVG polyline (viewBox 0 0 width 40)."""

    width: int
    path: str
    points: list[tuple[float, float, int]]  # x, y, value
    values: str = ""  # "+1, 0, -2": what a screen reader hears (written here, not per point in Jinja)
    # the points as one path of zero-length lines, each drawn as a dot by a round line cap:
    # one element, not one per step (a persona page draws a curve for each of its journeys)
    dots: str = ""


def sparkline(journey: Journey, persona: str) -> Sparkline | None:
    values = [step.persona_emotions.get(persona, step.emotion) for _, step in journey.steps()]
    if all(value is None for value in values):
        return None
    step_width = 12
    points = [
        (index * step_width + step_width / 2, 4 + (EMOTION_MAX - value) * 8, value)
        for index, value in enumerate(values) if value is not None
    ]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:g} {y:g}" for i, (x, y, _) in enumerate(points))
    return Sparkline(width=len(values) * step_width, path=path, points=points,
                     values=", ".join(signed(value) for _, _, value in points),
                     dots="".join(f"M{x:g} {y:g}h0" for x, y, _ in points))
