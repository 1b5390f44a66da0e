"""Payment terms, late-payment penalties and the fixed recovery indemnity.

Statute (Code de commerce): L441-10 I sets the payment term (60 days from invoice, or 45 days
end of month; 30 days after performance when the terms are silent); L441-10 II the late-penalty
rate (as agreed, never below three times the legal interest rate; the ECB refinancing rate plus
ten points when silent), due without any reminder, and with D441-5 the 40 EUR fixed recovery
indemnity.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Cited, Count, Euros, Flag, Rate, Strict

# --- payment terms ---------------------------------------------------------------------------

PaymentKind = Literal["on_receipt", "days_after_invoice", "days_after_performance",
                      "days_end_of_month", "in_advance", "unstated"]


class PaymentTerm(Clause):
    """When an invoice is due.

    - ``on_receipt``: payable on receipt of the invoice (payable à réception);
    - ``days_after_invoice``: ``days`` calendar days after the invoice date (à N jours nets);
    - ``days_after_performance``: ``days`` after delivery or performance (L441-10 I's default);
    - ``days_end_of_month``: ``days`` days end of month (N jours fin de mois);
    - ``in_advance``: paid before the period it covers;
    - ``unstated``: the text gives no term (L441-10 I then sets 30 days after performance).
    """

    applies_to: str = Field(min_length=2, description="Which invoices, e.g. 'all invoices'")
    kind: PaymentKind
    days: Count | None = Field(default=None, ge=0, le=366)
    debit_day: Count | None = Field(
        default=None, ge=1, le=31, description="Day of the month of a direct debit, if any"
    )
    debit_roll: Literal["previous_jour_ouvre"] | None = Field(
        default=None, description="Where the debit day moves when it is not a jour ouvré"
    )

    @model_validator(mode="after")
    def _days_match_kind(self) -> Self:
        needs_days = self.kind in ("days_after_invoice", "days_after_performance",
                                   "days_end_of_month")
        if needs_days and self.days is None:
            raise ValueError(f"kind {self.kind!r} needs 'days' (e.g. days: 30)")
        if not needs_days and self.days is not None:
            raise ValueError(
                f"kind {self.kind!r} takes no 'days'; use days_after_invoice or "
                "days_end_of_month for a term in days"
            )
        return self


# --- late-payment rate rules -------------------------------------------------------------------

Creditor = Literal["professional", "consumer"]


class EcbPlusPoints(Strict):
    """ECB main refinancing rate plus ``points`` percentage points (the L441-10 II default:
    +10). ``ecb_rate`` says which ECB rate: ``semester``, the rate L441-10 II defines (« le taux
    en vigueur au 1er janvier » for the first semester, « au 1er juillet » for the second), or
    ``in_force``, the rate of the most recent refinancing operation on the day the rate is
    taken."""

    kind: Literal["ecb_plus_points"]
    points: Rate
    ecb_rate: Literal["semester", "in_force"] = "semester"


class LegalMultiple(Strict):
    """``multiple`` times the legal interest rate (the professional-creditor value by default)."""

    kind: Literal["legal_multiple"]
    multiple: Decimal = Field(gt=0, le=100)
    creditor: Creditor = "professional"


class LegalPlusPoints(Strict):
    """The legal interest rate plus ``points`` percentage points."""

    kind: Literal["legal_plus_points"]
    points: Rate
    creditor: Creditor = "professional"


class PercentPerMonth(Strict):
    """``percent`` of the invoice per month of delay; ``months`` says how months count:

    - ``started``: every started month of delay counts whole;
    - ``prorata``: a month is a twelfth of a 365-day year (months = days x 12 / 365);
    - ``prorata_30``: a month is 30 days (months = days / 30);
    - ``prorata_months``: whole months of delay, counted on the anniversaries of the day before
      the first day of delay, and the days left over as a fraction of the month they fall in.
    """

    kind: Literal["percent_per_month"]
    percent: Rate
    months: Literal["started", "prorata", "prorata_30", "prorata_months"]


class HigherOf(Strict):
    """The highest of several rules, each computed as its own kind says."""

    kind: Literal["higher_of"]
    rules: list[RateRule] = Field(min_length=2)


RateRule = Annotated[
    EcbPlusPoints | LegalMultiple | LegalPlusPoints | PercentPerMonth | HigherOf,
    Field(discriminator="kind"),
]
HigherOf.model_rebuild()


class DelayStart(Strict):
    """The first day of delay is the day after ``after`` + ``days`` calendar days.

    ``after: due_date`` with ``days: 0`` is L441-10's "le jour suivant la date de règlement
    figurant sur la facture"; ``after: invoice_date, days: 30`` makes day 31 after the invoice
    the first day of delay.
    """

    after: Literal["due_date", "invoice_date", "performance"]
    days: Count = Field(default=0, ge=0, le=366)


RateFixedAt = Literal["invoice_date", "delay_start", "semester"]


def uses_reference_rate(rule) -> bool:
    """True when the rule depends on a published rate (ECB or legal), which then needs a date."""
    if rule.kind == "higher_of":
        return any(uses_reference_rate(r) for r in rule.rules)
    return rule.kind != "percent_per_month"


class StatedRate(Cited):
    """A reference rate the text itself states as a fact ("le taux d'intérêt légal est fixé à
    4,22 % pour l'année 2023"), kept so it can be checked against the reference data."""

    series: Literal["legal_professional", "legal_consumer", "ecb"]
    percent: Rate
    from_date: dt.date
    to_date: dt.date


class LatePayment(Clause):
    """The late-payment penalty (pénalités de retard) of a vendor's terms."""

    rule: RateRule
    rate_fixed_at: RateFixedAt | None = Field(
        default=None,
        description="invoice_date (taux en vigueur au jour de la facturation), delay_start "
        "(apprécié à la date de départ du retard) or semester (each day of delay at the rate of "
        "its semester, splitting at 1 January / 1 July); only for rules on a published rate",
    )
    delay_starts: DelayStart
    fallback_start: DelayStart | None = Field(
        default=None, description="Where the delay starts when the invoice bears no due date"
    )
    base: Literal["invoice_total", "amount_excl_vat", "unstated"]
    day_count: Literal["actual/365"] = "actual/365"
    formal_notice: Literal["not_required", "required"]
    whole_debt_due: Flag = Field(description="Any delay makes every sum owed due at once")
    stated_rates: list[StatedRate] = Field(default_factory=list)

    @model_validator(mode="after")
    def _rate_date_when_needed(self) -> Self:
        if uses_reference_rate(self.rule) and self.rate_fixed_at is None:
            raise ValueError(
                "this rule uses a published rate: say when it is taken with rate_fixed_at "
                "(invoice_date, delay_start or semester); if the text is silent, record the "
                "readings in an ambiguity block"
            )
        if not uses_reference_rate(self.rule) and self.rate_fixed_at is not None:
            raise ValueError("a fixed percentage needs no rate_fixed_at; remove it")
        if self.rate_fixed_at == "semester" and _in_force(self.rule):
            raise ValueError(
                "ecb_rate: in_force takes the ECB rate of one day, so the rate must be fixed on "
                "a day: rate_fixed_at invoice_date or delay_start (semester by semester, the "
                "ECB rate is the semester rate: ecb_rate: semester)"
            )
        return self


def _in_force(rule) -> bool:
    if rule.kind == "higher_of":
        return any(_in_force(r) for r in rule.rules)
    return rule.kind == "ecb_plus_points" and rule.ecb_rate == "in_force"


class RecoveryIndemnity(Clause):
    """Fixed recovery indemnity (indemnité forfaitaire pour frais de recouvrement).

    ``amount`` is None when the text names the indemnity without its amount; the law
    (D441-5) sets it at 40 EUR whatever the text says.
    """

    amount: Euros | None
    per: Literal["invoice", "unpaid_sum"] = "invoice"
