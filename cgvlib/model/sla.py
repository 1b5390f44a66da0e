"""Service levels (SLA): availability target, how unavailability is measured, credit tiers.

Tiers are written as the text bounds them, inclusive at both ends (``from_percent`` ..
``to_percent``; the last tier may be open: ``above_percent``). The loader refuses overlapping
tiers; gaps the text leaves between tiers are kept as they are (a figure that falls in one is
ambiguous, and ``between_tiers`` says which reading applies by default).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Cited, Duration, Share

PERIODS = ("day", "week", "month", "year")


class CreditTier(Cited):
    """Credit earned when the month's unavailability rate (percent) is in this tier."""

    from_percent: Share | None = Field(default=None, description="Inclusive lower bound")
    above_percent: Share | None = Field(default=None, description="Exclusive lower bound")
    to_percent: Share | None = Field(default=None, description="Inclusive upper bound")
    credit_percent: Share = Field(description="Credit, in percent of the month's invoice")

    @model_validator(mode="after")
    def _one_lower_bound(self) -> Self:
        if (self.from_percent is None) == (self.above_percent is None):
            raise ValueError("give exactly one lower bound: from_percent (>=) or above_percent (>)")
        low = self.from_percent if self.from_percent is not None else self.above_percent
        if self.to_percent is not None and self.to_percent < low:
            raise ValueError(f"to_percent {self.to_percent} is below the lower bound {low}")
        return self

    @property
    def low(self) -> Decimal:
        return self.from_percent if self.from_percent is not None else self.above_percent

    def contains(self, percent: Decimal) -> bool:
        above_low = percent >= self.low if self.from_percent is not None else percent > self.low
        return above_low and (self.to_percent is None or percent <= self.to_percent)


class StatedDowntime(Cited):
    """The maximum downtime per period that the text itself states for its target, in seconds."""

    day: Decimal | None = None
    week: Decimal | None = None
    month: Decimal | None = None
    year: Decimal | None = None


class CreditCap(Cited):
    percent: Share = Field(description="Cap on the month's credits, percent of its invoice")


class Sla(Clause):
    """Availability commitment and service credits."""

    availability_percent: Share
    hours: str = Field(description="When the service must be available, e.g. '24/7'")
    window: Literal["month"] = Field(description="Period over which unavailability is measured")
    formula: str = Field(description="The text's own unavailability formula, in words")
    excluded_from_downtime: list[str]
    excluded_from_total_time: list[str]
    stated_downtime: StatedDowntime | None = None
    tiers: list[CreditTier] = Field(min_length=1)
    between_tiers: Literal["lower_tier", "upper_tier"] = Field(
        description="Which tier a figure falling in a gap between two tiers takes"
    )
    cap: CreditCap
    claim_within: Duration
    claim_from: str = Field(description="Event the claim window runs from")
    paid_as: Literal["credit_note", "payment", "unstated"]

    @model_validator(mode="after")
    def _tiers_sorted_without_overlap(self) -> Self:
        for i, (a, b) in enumerate(zip(self.tiers, self.tiers[1:], strict=False)):
            if a.to_percent is None:
                raise ValueError(f"tiers[{i}] is open-ended but tiers[{i + 1}] follows it")
            if b.low < a.to_percent or (b.low == a.to_percent and b.from_percent is not None):
                raise ValueError(
                    f"tiers[{i}] ({a.low}..{a.to_percent} %) and tiers[{i + 1}] (from {b.low} %) "
                    "overlap; tiers must be sorted and disjoint"
                )
        return self

    def gaps(self) -> list[tuple[Decimal, Decimal]]:
        """Intervals (open at both ends) that no tier covers, between consecutive tiers."""
        out = []
        for a, b in zip(self.tiers, self.tiers[1:], strict=False):
            if b.low > a.to_percent:
                out.append((a.to_percent, b.low))
        return out
