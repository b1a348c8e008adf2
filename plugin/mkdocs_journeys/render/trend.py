"""Format 2: the small trend of a journey metric over its `metrics.history`, as an SVG path."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import Journey

WIDTH, HEIGHT, PAD = 60.0, 16.0, 2.0


@dataclass(slots=True)
class Trend:
    path: str  # in a 0 0 WIDTH HEIGHT viewBox
    last: tuple[float, float]  # the newest point, drawn as a dot
    text: str  # what a screen reader hears: "2026-03-31: -4, 2026-06-30: 3, now: 12"


def metric_trend(journey: Journey, key: str, now_label: str = "now") -> Trend | None:
    """The metric's earlier values, oldest first, then its current value; None with fewer than two."""
    points = [(entry.date.isoformat() if entry.date else "?", getattr(entry, key))
              for entry in journey.metrics.history if getattr(entry, key) is not None]
    current = getattr(journey.metrics, key)
    if current is not None:
        points.append((now_label, current))
    if len(points) < 2:
        return None
    values = [value for _, value in points]
    low, high = min(values), max(values)
    span = (high - low) or 1
    step = (WIDTH - 2 * PAD) / (len(points) - 1)
    coords = [(PAD + index * step, HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD))
              for index, value in enumerate(values)]
    path = " ".join(f"{'M' if index == 0 else 'L'}{x:.1f} {y:.1f}" for index, (x, y) in enumerate(coords))
    text = ", ".join(f"{when}: {value:g}" for when, value in points)
    return Trend(path=path, last=coords[-1], text=text)
