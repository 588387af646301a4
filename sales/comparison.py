"""A figure now against the same figure before: a zone's takings today against the day before, a
fair's takings against the previous fair of its name. Plain data, no Django."""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Comparison:
    label: str
    current: Decimal
    previous: Decimal

    @property
    def change(self):
        return self.current - self.previous

    @property
    def percent_change(self):
        """The change as a percentage of the earlier figure; None when there was nothing before."""
        if not self.previous:
            return None
        return float(self.change / self.previous * 100)
