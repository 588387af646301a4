"""Geometry of the plain bar charts drawn as SVG on the server (no Django, no JavaScript)."""

from dataclasses import dataclass

ROW_HEIGHT = 28
LABEL_WIDTH = 110
VALUE_WIDTH = 80
CHART_WIDTH = 340


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    y: int
    width: float
    text_y: int


@dataclass(frozen=True)
class BarChart:
    bars: list
    width: int
    height: int
    label_width: int
    bar_space: int

    @property
    def value_x(self):
        return self.width - 4


def horizontal_bars(items):
    """Lay out `(label, value)` pairs as horizontal bars scaled to the largest value."""
    items = list(items)
    largest = max((float(value) for _, value in items), default=0.0)
    bar_space = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    for index, (label, value) in enumerate(items):
        scaled = (float(value) / largest * bar_space) if largest > 0 else 0.0
        y = index * ROW_HEIGHT + 4
        bars.append(
            Bar(label=label, value=float(value), y=y, width=round(scaled, 1), text_y=y + 15)
        )
    return BarChart(
        bars=bars,
        width=CHART_WIDTH,
        height=max(len(items), 1) * ROW_HEIGHT + 8,
        label_width=LABEL_WIDTH,
        bar_space=bar_space,
    )
