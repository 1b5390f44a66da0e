"""Statements of fact in the terms, checked against the reference data.

A text may state a reference rate as a fact (« Le taux d'intérêt légal est fixé à 4,22 % pour
l'année 2023 pour information »); the vendor file keeps it in ``late_payment.stated_rates``
with the period it claims. Code monétaire et financier L313-2: the legal interest rate is
fixed « pour chaque semestre » (since 2015), so a rate stated for a year may hold for one
semester only.
"""

from __future__ import annotations

import datetime as dt

from cgvlib.analysis.checks.base import Context, Finding, register
from cgvlib.analysis.words import day_words, decimal_words, listed
from cgvlib.errors import OutOfCoverageError
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.payment import LatePayment
from cgvlib.reference.ecb_rate import ecb_rate
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.months import semester_label

RULE = Phrase("Code monétaire et financier L313-2 (the legal interest rate, fixed per "
              "semester); reference data")
SERIES = {
    "legal_professional": (Phrase("the legal interest rate (professional creditors)"),
                           lambda day: legal_rate(day, "professional")),
    "legal_consumer": (Phrase("the legal interest rate (consumer creditors)"),
                       lambda day: legal_rate(day, "consumer")),
    "ecb": (Phrase("the ECB main refinancing rate"), ecb_rate),
}


def _label(start: dt.date, end: dt.date) -> str:
    if (start.month, start.day) in ((1, 1), (7, 1)) and (end - start).days < 200:
        return semester_label(start)
    return f"{start}..{end}"


def _periods(lookup, start: dt.date, end: dt.date):
    """The reference values in force from ``start`` to ``end``, one per period of the series;
    stops where the data stops (the last item is then the error)."""
    day = start
    while day <= end:
        try:
            value = lookup(day)
        except OutOfCoverageError as exc:
            yield exc
            return
        yield value
        day = value.end + dt.timedelta(days=1)


@register(RULE)
def stated_rate_wrong(ctx: Context):
    """A reference rate the terms state as a fact differs from the reference data in part of
    the period the terms state it for.

    CMF L313-2: the legal rate is fixed for each semester; the check compares the stated figure
    with every value the series took in the stated period (with ``at``: the value at that
    date only).
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    for i, stated in enumerate(clause.stated_rates):
        what, lookup = SERIES[stated.series]
        start, end = stated.from_date, stated.to_date
        if ctx.at is not None:
            if not start <= ctx.at <= end:
                continue
            start = end = ctx.at
        wrong, right, stop = [], [], None
        for value in _periods(lookup, start, end):
            if isinstance(value, OutOfCoverageError):
                stop = value
                break
            (right if value.value == stated.percent else wrong).append(value)
        if not wrong:
            continue
        label = ", ".join(_label(v.start, v.end) for v in wrong)
        given = listed(Phrase("{rate} % for {period}", rate=decimal_words(v.value),
                               period=_label(v.start, v.end))
                        for v in sorted(wrong + right, key=lambda v: v.start))
        parts = [Phrase("The terms state {what} at {rate} % for {start} to {end}; the reference "
                        "data gives {given}", what=what, rate=decimal_words(stated.percent),
                        start=day_words(stated.from_date), end=day_words(stated.to_date),
                        given=given)]
        parts.append(Phrase(": the stated figure is right for {periods} only.",
                            periods=", ".join(_label(v.start, v.end) for v in right)) if right
                     else Phrase(": the stated figure is never right in that period."))
        if stop is not None:
            parts.append(Phrase(" Not checked beyond the reference data ({why}).", why=stop))
        text = Joined(parts)
        yield Finding(
            severity="note", family="late payment", article=stated.source.article,
            quote=stated.source.quote, rule=RULE, explanation=text, periods=label,
            path=f"late_payment.stated_rates[{i}]")
