"""Prioritisation: open opportunities placed by value (1..5) and effort (1..5) in four quadrants."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Opportunity

# value >= HIGH_VALUE is high value; effort >= HIGH_EFFORT is large effort (3 is the middle
# of both scales and counts towards the upper half: a middling item is not a quick win).
HIGH_VALUE = 3
HIGH_EFFORT = 3
QUADRANTS = ("quick_wins", "big_bets", "fill_ins", "reconsider")


def quadrant(value: int, effort: int) -> str:
    if value >= HIGH_VALUE:
        return "big_bets" if effort >= HIGH_EFFORT else "quick_wins"
    return "reconsider" if effort >= HIGH_EFFORT else "fill_ins"


def value_for_effort(opportunity: Opportunity) -> float | None:
    """What the sort by value/effort orders by (highest first); None without both scores."""
    if opportunity.value is None or opportunity.effort is None:
        return None
    return opportunity.value / opportunity.effort


@dataclass
class MatrixItem:
    number: int  # the point's label, 1.., also in the list under the matrix
    opportunity: Opportunity
    quadrant: str


def matrix_items(opportunities: Iterable[Opportunity]) -> list[MatrixItem]:
    """The open opportunities that have both scores, numbered in the order given."""
    scored = [o for o in opportunities if o.status != "done" and o.value is not None and o.effort is not None]
    return [MatrixItem(number, o, quadrant(o.value, o.effort)) for number, o in enumerate(scored, 1)]  # type: ignore[arg-type]
