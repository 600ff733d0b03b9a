"""The spam dashboard's chart, drawn on the server as SVG geometry: no script, no chart library, no CDN."""

from __future__ import annotations

from dataclasses import dataclass

from .selectors import VERDICTS, VerdictDay

COLOURS = {"approve": "#2e7d32", "hold": "#f9a825", "spam": "#c62828", "discard": "#6a1b9a"}
CHART_HEIGHT = 200
BAR_WIDTH = 18
BAR_GAP = 6


@dataclass(frozen=True)
class Segment:
    x: int
    y: float
    width: int
    height: float
    colour: str
    label: str


def stacked_bars(days: list[VerdictDay]) -> tuple[list[Segment], int, int]:
    """One stacked bar a day, scaled so the busiest day fills the chart. Returns (segments, width, peak)."""
    peak = max((day.total for day in days), default=0) or 1
    segments = []
    for index, day in enumerate(days):
        x = index * (BAR_WIDTH + BAR_GAP)
        top = float(CHART_HEIGHT)
        for verdict in VERDICTS:
            count = day.counts[verdict]
            if not count:
                continue
            height = CHART_HEIGHT * count / peak
            top -= height
            segments.append(
                Segment(
                    x,
                    round(top, 1),
                    BAR_WIDTH,
                    round(height, 1),
                    COLOURS[verdict],
                    f"{day.day:%d %b}: {count} {verdict}",
                )
            )
    return segments, len(days) * (BAR_WIDTH + BAR_GAP), peak
