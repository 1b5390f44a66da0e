"""Duration, renewal and notice (préavis), and what leaving costs.

The notice rules are the texts' own kinds: a fixed number of months before the term
(``before_term``), a length that grows with tenure (``tenure_based``), or a right not to renew
until the eve of the renewal date (``until_eve_of_renewal``).
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Count, Duration, Flag, Share, Strict


class InitialTerm(Clause):
    """One commitment length the terms offer, and how it renews."""

    months: Count | None = Field(ge=1, le=120, description="None: set by the order or quote")
    renewal: Literal["tacit", "on_request", "none", "unstated"]
    renewal_months: Count | None = Field(default=None, ge=1, le=120)

    @model_validator(mode="after")
    def _renewal_length(self) -> Self:
        if self.renewal == "tacit" and self.renewal_months is None and self.months is not None:
            raise ValueError("a tacit renewal needs renewal_months (the renewed period's length)")
        return self


class BeforeTerm(Strict):
    """Notice must be sent ``months`` before the term; ``counted_from`` the term's last day
    (``term_end``) or its anniversary date (``anniversary``, the day after)."""

    kind: Literal["before_term"]
    months: Count = Field(ge=1, le=24)
    counted_from: Literal["term_end", "anniversary"]
    form: str
    late_notice: Literal["void_renewal_due", "unstated"]


class TenureBased(Strict):
    """Teogest-style notice: none under ``no_notice_under_months`` of tenure (the contract ends
    at the end of the month of the request); otherwise ``base_months`` plus
    ``months_per_full_year`` for each full year of tenure, starting the day after the month of
    the request, and running past a commitment's end if it ends later. ``at_threshold``: what a
    request made exactly on the day tenure reaches ``no_notice_under_months`` gets."""

    kind: Literal["tenure_based"]
    no_notice_under_months: Count = Field(ge=0)
    base_months: Count = Field(ge=0)
    months_per_full_year: Count = Field(ge=0)
    starts: Literal["day_after_month_of_request"]
    extends_commitment: Flag
    form: str
    at_threshold: Literal["notice", "no_notice"] = Field(
        default="notice",
        description="A request made on the day tenure reaches exactly no_notice_under_months "
        "(the first anniversary), which « moins d'un an » / « plus d'un an » leave out: "
        "'notice' reads it as over a year (notice due), 'no_notice' as under a year",
    )


class UntilEveOfRenewal(Strict):
    """The client may decline the renewal up to the day before the renewal date."""

    kind: Literal["until_eve_of_renewal"]
    form: str


NoticeRuleKind = Annotated[
    BeforeTerm | TenureBased | UntilEveOfRenewal, Field(discriminator="kind")
]


class NoticeRule(Clause):
    applies_to: str
    rule: NoticeRuleKind


class ExitCharge(Clause):
    """What the client pays when leaving or during notice.

    - ``all_sums_to_term``: every sum due until the term becomes payable at once;
    - ``renewed_period_in_full``: a renewed period is due in full;
    - ``started_months``: every started month is due (tout mois commencé est dû), the rest refunded;
    - ``highest_of_three``: billed the highest of the previous month's invoice, the largest
      monthly invoice less ``discount_percent``, and actual use (Teogest art. 20);
    - ``work_done``: services performed up to the effective date and not yet paid.
    """

    applies_to: str
    kind: Literal[
        "all_sums_to_term",
        "renewed_period_in_full",
        "started_months",
        "highest_of_three",
        "work_done",
    ]
    discount_percent: Share | None = None
    refund_within: Duration | None = None
    payer: Literal["client", "vendor"] = Field(
        default="client", description="Who the text says pays (a drafting error can say vendor)"
    )


class Term(Clause):
    """How long the contract runs."""

    duration: Literal["fixed", "indefinite", "per_order"]
    initial_terms: list[InitialTerm]
    notice: list[NoticeRule]
    exit_charges: list[ExitCharge]
