"""A vendor's figure far from its peers', on a reference scenario.

Scenario: the late cost as the clause writes it (penalty plus recovery indemnity, default
reading, the L441-10 II floor aside: the clause is compared, not the law) of the reference
invoice of :mod:`cgvlib.analysis.checks.penalties` (10,000 EUR paid 60 days late). Rule
(:data:`OUTLIER_FACTOR`): a vendor whose figure is more than three times, or less than a third
of, the median of the other vendors' figures is an outlier. The median of the others, not of
all, so that the outlier does not pull the yardstick towards itself; at least
:data:`MIN_PEERS` others are needed. Not a rule of law: a pointer for the analyst.
"""

from __future__ import annotations

from fractions import Fraction
from statistics import median

from cgvlib.analysis.checks.base import Context, Finding, eur_cents, register, source_of
from cgvlib.analysis.checks.penalties import late_cost, scenario_words
from cgvlib.analysis.words import decimal_words
from cgvlib.errors import CgvError
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.payment import LatePayment

RULE = Phrase("comparison with the other vendors (not a rule of law)")
OUTLIER_FACTOR = 3
MIN_PEERS = 2


def _as_written(result):
    return result.as_written or result


@register(RULE)
def late_cost_outlier(ctx: Context):
    """The vendor's late cost on the reference invoice is more than three times, or less than a
    third of, the median of the other vendors' (a note).

    No statute: a comparison across the vendors checked together (the ``peers``).
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    own = _as_written(late_cost(ctx.vendor, ctx.at)).total_cents
    others = {}
    for peer in ctx.peers:
        if peer is ctx.vendor or (peer.id == ctx.vendor.id and peer.origin == ctx.vendor.origin):
            continue  # the vendor itself
        if not isinstance(peer.late_payment, LatePayment):
            continue
        try:
            others[peer.name] = _as_written(late_cost(peer, ctx.at)).total_cents
        except CgvError:
            continue
    if len(others) < MIN_PEERS:
        return
    middle = Fraction(median(sorted(Fraction(c) for c in others.values())))
    if middle == 0:
        return
    ratio = Fraction(own) / middle
    if 1 / Fraction(OUTLIER_FACTOR) <= ratio <= OUTLIER_FACTOR:
        return
    side = (Phrase("more than {factor} times the median", factor=OUTLIER_FACTOR) if ratio > 1
            else Phrase("less than 1/{factor} of the median", factor=OUTLIER_FACTOR))
    listed = Joined((Phrase("{name} {amount}", name=name, amount=eur_cents(c))
                     for name, c in others.items()), ", ")
    article, quote = source_of(clause)
    yield Finding(
        severity="note", family="late payment", article=article, quote=quote, rule=RULE,
        explanation=Phrase("On {scenario}, the late cost (penalty + indemnity) is {own}, {ratio} "
                           "times the median of the other vendors ({median}; {listed}): "
                           "{side}.", scenario=scenario_words(ctx.at), own=eur_cents(own),
                           ratio=decimal_words(f"{float(ratio):.1f}"),
                           median=eur_cents(middle), listed=listed, side=side),
        path="late_payment.rule")
