"""Geometry of the SVG charts drawn on the server (no JavaScript), so a page and its PDF match:
columns per day, and horizontal bars scaled to the largest value."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from otop_fair.thai import baht

COLUMN_AREA_HEIGHT = 160
COLUMN_CHART_WIDTH = 640
BAR_ROW_HEIGHT = 26
BAR_LABEL_WIDTH = 190
BAR_VALUE_WIDTH = 110
BAR_CHART_WIDTH = 640
# The check-in's side-by-side panels: narrower, with short labels.
COMPACT_BARS = {"width": 340, "label_width": 110, "value_width": 80, "row_height": 26}


@dataclass(frozen=True)
class Shape:
    """One bar: where it sits, its size, its label and its value."""

    label: str
    value: float
    x: float
    y: float
    width: float
    height: float

    @property
    def centre_x(self):
        return round(self.x + self.width / 2, 1)

    @property
    def short_value(self):
        """Column tops have little room: millions as "59.4 ล้าน", smaller amounts in full baht."""
        if self.value >= 1_000_000:
            return _("%(millions)s M") % {"millions": f"{self.value / 1_000_000:,.1f}"}
        return baht(self.value, decimals=0)

    @property
    def value_x(self):
        return round(self.x + self.width + 6, 1)

    @property
    def above_y(self):
        return round(self.y - 5, 1)

    @property
    def middle_y(self):
        return round(self.y + self.height / 2 + 5, 1)


@dataclass(frozen=True)
class Chart:
    shapes: list
    width: int
    height: int
    baseline: int = 0
    label_width: int = BAR_LABEL_WIDTH

    @property
    def caption_y(self):
        return self.baseline + 18

    @property
    def value_x(self):
        """Where right-aligned values end, at the chart's right edge."""
        return self.width - 4


def column_chart(items):
    """Vertical columns for `(label, value)` pairs, e.g. sales per fair day."""
    items = list(items)
    largest = max((float(v) for _, v in items), default=0.0) or 1.0
    slot = COLUMN_CHART_WIDTH / max(len(items), 1)
    top = 22
    shapes = []
    for index, (label, value) in enumerate(items):
        height = round(float(value) / largest * COLUMN_AREA_HEIGHT, 1)
        shapes.append(
            Shape(
                label=label,
                value=float(value),
                x=round(index * slot + slot * 0.15, 1),
                y=round(top + COLUMN_AREA_HEIGHT - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
            )
        )
    return Chart(
        shapes=shapes,
        width=COLUMN_CHART_WIDTH,
        height=top + COLUMN_AREA_HEIGHT + 24,
        baseline=top + COLUMN_AREA_HEIGHT,
    )


def bar_chart(
    items,
    *,
    width=BAR_CHART_WIDTH,
    label_width=BAR_LABEL_WIDTH,
    value_width=BAR_VALUE_WIDTH,
    row_height=BAR_ROW_HEIGHT,
):
    """Horizontal bars for `(label, value)` pairs scaled to the largest value: the report's
    shares at full width, the check-in's narrower panels with `COMPACT_BARS`."""
    items = list(items)
    largest = max((float(v) for _, v in items), default=0.0) or 1.0
    space = width - label_width - value_width
    shapes = [
        Shape(
            label=label,
            value=float(value),
            x=label_width,
            y=index * row_height + 4,
            width=round(float(value) / largest * space, 1),
            height=row_height - 8,
        )
        for index, (label, value) in enumerate(items)
    ]
    return Chart(
        shapes=shapes,
        width=width,
        height=max(len(items), 1) * row_height + 8,
        label_width=label_width,
    )
