"""Geometry of the overview's small charts: a card's emotion curve, the two curves of a
`compares` pair on one scale, and the value x effort matrix. Coordinates are worked out
here, once; the templates only write them into SVG."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..core.comparison import Comparison
from ..core.matrix import HIGH_EFFORT, HIGH_VALUE, MatrixItem
from ..core.model import EMOTION_MAX, EMOTION_MIN, RATING_MAX, RATING_MIN
from .emotion import signed


@dataclass
class Curve:
    path: str
    points: list[tuple[float, float]]
    text: str  # what a screen reader hears: "+1, 0, -2"


def _curve(values: list[float | None], x_of, y_of) -> Curve | None:
    points = [(x_of(index), y_of(value)) for index, value in enumerate(values) if value is not None]
    if not points:
        return None
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:g} {y:g}" for i, (x, y) in enumerate(points))
    return Curve(path=path, points=points,
                 text=", ".join(signed(round(value, 1)) for value in values if value is not None))


def _emotion_y(top: float, height: float):
    return lambda value: round(top + (EMOTION_MAX - value) * height / (EMOTION_MAX - EMOTION_MIN), 1)


CARD_STEP, CARD_HEIGHT = 10, 32


def card_curve(values: list[float | None]) -> Curve | None:
    """A card's small curve: viewBox 0 0 (steps x CARD_STEP) CARD_HEIGHT."""
    return _curve(values, lambda i: i * CARD_STEP + CARD_STEP / 2, _emotion_y(4, CARD_HEIGHT - 8))


@dataclass
class ComparisonChart:
    width: int
    height: int
    zero_y: float
    columns: list[tuple[float, str, str]]  # x of each step column, the step's id and name
    before: Curve | None
    after: Curve | None
    levels: list[tuple[float, str]] = field(default_factory=list)  # y and label of +2 .. -2


COLUMN, CHART_HEIGHT, CHART_TOP, CHART_LEFT = 72, 132, 10, 28


def comparison_chart(comparison: Comparison) -> ComparisonChart:
    """Both emotion curves on one scale (-2 .. +2), one column per step of either state."""
    y_of = _emotion_y(CHART_TOP, CHART_HEIGHT - 2 * CHART_TOP)
    x_of = lambda index: CHART_LEFT + index * COLUMN + COLUMN / 2  # noqa: E731 - a small geometry helper
    return ComparisonChart(
        width=CHART_LEFT + len(comparison.columns) * COLUMN,
        height=CHART_HEIGHT,
        zero_y=y_of(0),
        columns=[(x_of(index), step_id, name) for index, (step_id, name) in enumerate(comparison.columns)],
        before=_curve(comparison.before_emotions, x_of, y_of),
        after=_curve(comparison.after_emotions, x_of, y_of),
        levels=[(y_of(value), signed(value)) for value in range(EMOTION_MAX, EMOTION_MIN - 1, -1)],
    )


@dataclass
class MatrixPoint:
    item: MatrixItem
    x: float
    y: float


@dataclass
class MatrixChart:
    size: int
    left: int  # the plot's origin: left edge and top edge
    top: int
    cell: int
    value_split_y: float  # the line between low and high value
    effort_split_x: float  # the line between small and large effort
    points: list[MatrixPoint]
    ticks: list[tuple[int, float]]  # 1..5 and where along each axis


CELL, MATRIX_LEFT, MATRIX_TOP, POINT_GAP = 76, 44, 12, 22


def matrix_chart(items: list[MatrixItem]) -> MatrixChart:
    """Effort on x (small on the left), value on y (high at the top); the points that share a
    cell are spread in a small grid inside it, so none hides another."""
    span = RATING_MAX - RATING_MIN + 1
    by_cell: dict[tuple[int, int], list[MatrixItem]] = {}
    for item in items:
        by_cell.setdefault((item.opportunity.effort, item.opportunity.value), []).append(item)  # type: ignore[arg-type]
    points = []
    for (effort, value), members in by_cell.items():
        per_row = math.ceil(math.sqrt(len(members)))
        rows = math.ceil(len(members) / per_row)
        gap = min(POINT_GAP, (CELL - 8) / max(per_row, rows))
        centre_x = MATRIX_LEFT + (effort - RATING_MIN + 0.5) * CELL
        centre_y = MATRIX_TOP + (RATING_MAX - value + 0.5) * CELL
        for index, item in enumerate(members):
            row, column = divmod(index, per_row)
            points.append(MatrixPoint(item, round(centre_x + (column - (per_row - 1) / 2) * gap, 1),
                                      round(centre_y + (row - (rows - 1) / 2) * gap, 1)))
    return MatrixChart(
        size=span * CELL,
        left=MATRIX_LEFT,
        top=MATRIX_TOP,
        cell=CELL,
        value_split_y=MATRIX_TOP + (RATING_MAX - HIGH_VALUE + 1) * CELL,
        effort_split_x=MATRIX_LEFT + (HIGH_EFFORT - RATING_MIN) * CELL,
        points=sorted(points, key=lambda point: point.item.number),
        ticks=[(score, (score - RATING_MIN + 0.5) * CELL) for score in range(RATING_MIN, RATING_MAX + 1)],
    )
