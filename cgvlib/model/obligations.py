"""Liability caps, non-solicitation and confidentiality: what each party owes the other."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Count, Duration, Flag

LiabilityBasis = Literal[
    "amounts_paid",  # sums paid by the client for the services
    "order_amount_paid",  # sums paid on the order concerned
    "trailing_12_months_invoiced_and_collected",
    "per_user_per_day_6_month_average",  # Teogest art. 18.2
    "unstated",
]


class CapPeriod(Clause):
    """The months whose sums a cap counts (« au cours des douze (12) derniers mois précédant la
    survenance du fait générateur »), and which days they cover.

    ``counted``, for an event on day E:

    - ``to_event_day``: the ``months`` months ending on E, counted back day for day: from the
      day after E - ``months`` months to E, both included (E = 2024-06-15: 2023-06-16 ..
      2024-06-15);
    - ``before_event_day``: the ``months`` months before E, E excluded: from E - ``months``
      months to the day before E (2023-06-15 .. 2024-06-14);
    - ``calendar_months``: the ``months`` whole calendar months before E's month
      (2023-06-01 .. 2024-05-31).

    E - N months is clamped to the month's end (2024-02-29 - 12 months = 2023-02-28).
    """

    months: Count = Field(ge=1, le=120)
    counted: Literal["to_event_day", "before_event_day", "calendar_months"]


class LiabilityCap(Clause):
    applies_to: str
    basis: LiabilityBasis
    multiplier: Decimal = Field(default=Decimal(1), gt=0, le=100)
    excl_vat: Flag | None = Field(
        default=None,
        description="The basis is counted excluding VAT (true), VAT included (false), or the "
        "text does not say (unset: give the readings in an ambiguity block)",
    )
    window: str | None = Field(default=None, description="Which payments count, in words")
    period: CapPeriod | None = Field(
        default=None,
        description="For a cap on the sums of the last N months: the months and how their "
        "days are counted (required for trailing_12_months_invoiced_and_collected)",
    )

    @model_validator(mode="after")
    def _period_fits_basis(self) -> Self:
        trailing = self.basis == "trailing_12_months_invoiced_and_collected"
        if trailing and (self.period is None or self.period.months != 12):
            raise ValueError("a trailing_12_months cap needs period: {months: 12, counted: ...}")
        if not trailing and self.period is not None:
            raise ValueError(f"period is only for a trailing-months cap, not basis {self.basis}")
        return self


class NonSolicitation(Clause):
    applies_to: Literal["employees", "subcontractors"]
    parties: Literal["both", "client"]
    duration: Duration
    from_event: str
    penalty_months: Count = Field(ge=1, le=60)
    penalty_basis: Literal[
        "monthly_gross_salary", "annual_gross_salary_share", "subcontractor_services"
    ]
    service_days_per_year: Count | None = Field(
        default=None,
        ge=1,
        le=366,
        description="subcontractor_services only: the days of service a year (12 months) of the "
        "penalty counts, e.g. 260 for 52 weeks of 5 days",
    )

    @model_validator(mode="after")
    def _days_fit_basis(self) -> Self:
        services = self.penalty_basis == "subcontractor_services"
        if services and self.service_days_per_year is None:
            raise ValueError("a subcontractor_services penalty needs service_days_per_year")
        if not services and self.service_days_per_year is not None:
            raise ValueError("service_days_per_year is only for a subcontractor_services penalty")
        return self


class Confidentiality(Clause):
    applies_to: str
    after_end: Duration | None = Field(description="How long it lasts after the contract ends")
    indefinite: Flag = False

    @model_validator(mode="after")
    def _one_length(self) -> Self:
        if self.after_end is not None and self.indefinite:
            raise ValueError("give either after_end or indefinite: true, not both")
        return self
