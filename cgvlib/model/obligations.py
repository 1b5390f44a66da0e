"""Liability caps, non-solicitation and confidentiality: what each party owes the other."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Duration

LiabilityBasis = Literal[
    "amounts_paid",  # sums paid by the client for the services
    "order_amount_paid",  # sums paid on the order concerned
    "trailing_12_months_invoiced_and_collected",
    "per_user_per_day_6_month_average",  # Teogest art. 18.2
    "unstated",
]


class LiabilityCap(Clause):
    applies_to: str
    basis: LiabilityBasis
    multiplier: Decimal = Field(default=Decimal(1), gt=0, le=100)
    excl_vat: bool | None = Field(default=None, description="The basis is counted excluding VAT")
    window: str | None = Field(default=None, description="Which payments count, in words")


class NonSolicitation(Clause):
    applies_to: Literal["employees", "subcontractors"]
    parties: Literal["both", "client"]
    duration: Duration
    from_event: str
    penalty_months: int = Field(ge=1, le=60)
    penalty_basis: Literal[
        "monthly_gross_salary", "annual_gross_salary_share", "subcontractor_services"
    ]


class Confidentiality(Clause):
    applies_to: str
    after_end: Duration | None = Field(description="How long it lasts after the contract ends")
    indefinite: bool = False

    @model_validator(mode="after")
    def _one_length(self) -> Self:
        if self.after_end is not None and self.indefinite:
            raise ValueError("give either after_end or indefinite: true, not both")
        return self
