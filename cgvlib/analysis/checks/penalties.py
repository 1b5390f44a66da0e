"""Late-payment penalties a judge could moderate as manifestly excessive.

Code civil art. 1231-5: « Lorsque le contrat stipule que celui qui manquera de l'exécuter paiera
une certaine somme à titre de dommages et intérêts, il ne peut être alloué à l'autre partie une
somme plus forte ni moindre. Néanmoins, le juge peut, même d'office, modérer ou augmenter la
pénalité ainsi convenue si elle est manifestement excessive ou dérisoire. »

The article sets no figure. The project's yardstick (:data:`EXCESSIVE_MULTIPLE`): a penalty
costing more than three times the statutory default penalty for the same delay. Why three: the
statute itself tolerates agreed rates well above its default (no ceiling, a floor of three times
the legal rate), and its default, the ECB rate plus 10 points, is already set well above the
creditor's cost of money to deter late payment; three times that default is a margin no
deterrence argument covers, and a point where the penalty stops resembling the loss a delay
causes. It is a screening threshold for an analyst, not a rule of law.

Reference scenario (:func:`reference_scenario`): an invoice of 10,000 EUR (the amount the
clause's base names) due on 2024-03-15, issued 30 days before, paid 60 days late. With ``at``,
the same invoice paid on ``at``, due 60 days before.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    eur_cents,
    readings_words,
    register,
    source_of,
    variants_of,
)
from cgvlib.analysis.words import count_words, day_words, decimal_words, named
from cgvlib.arithmetic.late_payment import LatePaymentResult, late_payment
from cgvlib.arithmetic.statutory import statutory
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.payment import LatePayment
from cgvlib.model.vendor import Vendor

RULE = ("Code civil art. 1231-5 (« le juge peut [...] modérer [...] la pénalité ainsi convenue "
        "si elle est manifestement excessive »)")
AMOUNT_EUR = 10_000
DUE = dt.date(2024, 3, 15)
DAYS_LATE = 60
INVOICE_BEFORE_DUE = 30  # days: the invoice the clause's rate or start may be taken from
EXCESSIVE_MULTIPLE = 3  # more than 3 x the statutory default penalty (see the module docstring)


def reference_scenario(at: dt.date | None) -> tuple[dt.date, dt.date, dt.date]:
    """(due, paid, invoice date) of the reference invoice."""
    paid = DUE + dt.timedelta(days=DAYS_LATE) if at is None else at
    due = paid - dt.timedelta(days=DAYS_LATE)
    return due, paid, due - dt.timedelta(days=INVOICE_BEFORE_DUE)


def scenario_words(at: dt.date | None) -> Phrase:
    due, paid, invoice = reference_scenario(at)
    return Phrase("{amount} EUR invoiced on {invoice}, due {due}, paid {paid} ({days} days late)",
                  amount=count_words(AMOUNT_EUR), invoice=day_words(invoice), due=day_words(due),
                  paid=day_words(paid), days=DAYS_LATE)


def late_cost(vendor: Vendor, at: dt.date | None) -> LatePaymentResult:
    """The late-payment result of the reference scenario for ``vendor`` (every reading)."""
    due, paid, invoice = reference_scenario(at)
    return late_payment(vendor, AMOUNT_EUR, due, paid, invoice_date=invoice)


def as_agreed(result: LatePaymentResult, variants: dict) -> dict[str, LatePaymentResult]:
    """Each reading of the clause with its figure as agreed: the clause as written, the
    L441-10 II floor aside (the penalty « ainsi convenue » is the clause's own)."""
    if len(variants) == 1:
        return {next(iter(variants)): result.as_written or result}
    return {name: result.readings[name].as_written or result.readings[name] for name in variants}


@register(RULE)
def late_penalty_manifestly_excessive(ctx: Context):
    """The late penalty costs more than three times the statutory default penalty on the
    reference invoice: a penalty a judge may moderate.

    Code civil art. 1231-5: « le juge peut, même d'office, modérer ou augmenter la pénalité
    ainsi convenue si elle est manifestement excessive ». A risk (default reading), or a risk
    under the readings named when only they exceed it.
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    result = late_cost(ctx.vendor, ctx.at)
    law = late_cost(statutory(), ctx.at)
    variants, default = variants_of(clause)
    interest = {name: r.interest_cents for name, r in as_agreed(result, variants).items()}
    ratios = {name: Fraction(cents, law.interest_cents) for name, cents in interest.items()}
    over = [name for name, ratio in ratios.items() if ratio > EXCESSIVE_MULTIPLE]
    if not over:
        return
    over.sort(key=lambda n: n != default)
    several = len(interest) > 1
    def figure(n):
        values = dict(amount=eur_cents(interest[n]),
                      ratio=decimal_words(f"{float(ratios[n]):.1f}"), name=named(n))
        if not several:
            return Phrase("{amount} ({ratio} times)", **values)
        if n == default:
            return Phrase("{amount} ({ratio} times) under {name} (the default)", **values)
        return Phrase("{amount} ({ratio} times) under {name}", **values)

    figures = Joined((figure(n) for n in over), ", ")
    reading = readings_words(over, default, len(variants)) if default not in over else ""
    article, quote = source_of(clause)
    values = dict(scenario=scenario_words(ctx.at), reading=reading, figures=figures,
                  law=eur_cents(law.interest_cents), rate=decimal_words(law.periods[0].rate),
                  multiple=EXCESSIVE_MULTIPLE)
    yield Finding(
        severity="risk", family="late payment", article=article, quote=quote, rule=RULE,
        explanation=(Phrase(
            "On {scenario}, the penalty {reading} is {figures}, against the statutory default of "
            "{law} (ECB rate + 10 points: {rate} % a year): above the project's threshold of "
            "{multiple} times the default, a penalty a judge may moderate as manifestly "
            "excessive (the 40 EUR indemnity comes on top in both).", **values) if reading else
            Phrase(
            "On {scenario}, the penalty is {figures}, against the statutory default of {law} "
            "(ECB rate + 10 points: {rate} % a year): above the project's threshold of "
            "{multiple} times the default, a penalty a judge may moderate as manifestly "
            "excessive (the 40 EUR indemnity comes on top in both).", **values)),
        path="late_payment.rule")
