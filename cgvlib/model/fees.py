"""Fees and one-off charges, and cancellation schedules.

Fee kinds and their fields:

- ``hourly``: ``amount`` per hour, billed by ``increment_minutes`` (each started increment due),
  with an optional ``minimum`` per ``per``;
- ``surcharge``: ``percent`` added to a fee ``when`` a condition holds (urgency);
- ``percent_of_fees``: ``percent`` of ``base`` (a management fee);
- ``fixed``: ``amount`` ``per`` event or period;
- ``minimum_billing``: bill topped up to ``amount`` per ``per``, as of ``as_of``;
- ``deposit``: ``percent`` of the quote paid before work starts (``optional`` when the vendor
  may or may not ask);
- ``recurring_surcharge``: ``percent`` of ``base`` billed ``per`` period once a project runs
  longer than ``after``;
- ``recruitment``: ``percent`` of first-year fixed pay, else ``days`` of the consultant's rate;
- ``billing_unit``: a unit the prices may be counted in, ``per`` (its name, e.g. « crédit »),
  standing for ``days`` days of work and billable by ``smallest_part`` of it (0.5: a
  « demi-crédit »); the amount per unit is set by each quote;
- ``vat``: the VAT rate the terms state.

``percent`` is a share of its base, 0 to 100, for a deposit, VAT, a management fee
(``percent_of_fees``), a recurring surcharge and a recruitment fee; a ``surcharge`` is a rate
(0 or more: +100 % doubles the fee).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, ValidationInfo, field_validator, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Cited, Count, Duration, Euros, Flag, Rate, Share

FEE_FIELDS: dict[str, tuple[str, ...]] = {
    "hourly": ("amount",),
    "surcharge": ("percent", "when"),
    "percent_of_fees": ("percent", "base"),
    "fixed": ("amount", "per"),
    "minimum_billing": ("amount", "per"),
    "deposit": ("percent",),
    "recurring_surcharge": ("percent", "base", "per", "after"),
    "recruitment": ("percent", "days"),
    "billing_unit": ("per", "days", "smallest_part"),
    "vat": ("percent",),
}
SHARE_FEE_KINDS = ("deposit", "vat", "percent_of_fees", "recurring_surcharge", "recruitment")


class Fee(Clause):
    name: str = Field(min_length=2, description="What the fee is, in the text's words")
    kind: Literal[
        "hourly",
        "surcharge",
        "percent_of_fees",
        "fixed",
        "minimum_billing",
        "deposit",
        "recurring_surcharge",
        "recruitment",
        "billing_unit",
        "vat",
    ]
    amount: Euros | None = None
    percent: Rate | None = None
    base: str | None = None
    per: str | None = None
    when: str | None = None
    after: Duration | None = None
    days: Count | None = Field(default=None, ge=1)
    increment_minutes: Count | None = Field(default=None, ge=1, le=1440)
    smallest_part: Decimal | None = Field(
        default=None, gt=0, le=1,
        description="billing_unit: the smallest part of the unit billed (0.5: a half unit)")
    minimum: Euros | None = None
    optional: Flag = False
    as_of: dt.date | None = Field(default=None, description="Date the amount was set at")
    excl_vat: Flag = Field(default=True, description="The amount is stated excluding VAT (HT)")

    @field_validator("percent")
    @classmethod
    def _share_for_kind(cls, percent, info: ValidationInfo):
        kind = info.data.get("kind")
        if percent is not None and kind in SHARE_FEE_KINDS and percent > 100:
            raise ValueError(f"{percent} % is above 100 %: the percent of a {kind} fee is a "
                             "share of its base (100 % is all of it)")
        return percent

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Self:
        missing = [f for f in FEE_FIELDS[self.kind] if getattr(self, f) is None]
        if missing:
            raise ValueError(f"a fee of kind {self.kind!r} needs {', '.join(missing)}")
        return self


class CancellationTier(Cited):
    """The fee when the event is cancelled with a notice inside these bounds.

    Bounds on the notice (time between cancellation and the event): ``at_least`` / ``at_most``
    are inclusive, ``more_than`` / ``less_than`` exclusive. ``when`` adds facts the tier needs,
    e.g. ``{travelled: true}``.
    """

    at_least: Duration | None = None
    more_than: Duration | None = None
    at_most: Duration | None = None
    less_than: Duration | None = None
    fee_percent: Share | None = None
    fee_amount: Euros | None = None
    minimum: Euros | None = None
    when: dict[str, Flag] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.at_least is not None and self.more_than is not None:
            raise ValueError("give at most one lower bound: at_least or more_than")
        if self.at_most is not None and self.less_than is not None:
            raise ValueError("give at most one upper bound: at_most or less_than")
        if self.fee_percent is None and self.fee_amount is None:
            raise ValueError("a tier needs fee_percent or fee_amount (0 for no fee)")
        return self


class CancellationSchedule(Clause):
    applies_to: str
    of: str = Field(description="What the percentage applies to, e.g. 'the quote'")
    tiers: list[CancellationTier] = Field(min_length=1)
