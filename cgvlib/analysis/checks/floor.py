"""The late-penalty rate against the statutory floor, semester by semester.

Code de commerce L441-10 II: « Sauf disposition contraire qui ne peut toutefois fixer un taux
inférieur à trois fois le taux d'intérêt légal, ce taux est égal au taux d'intérêt appliqué
par la Banque centrale européenne à son opération de refinancement la plus récente majoré de
10 points de pourcentage. »

The legal interest rate is set per semester (Code monétaire et financier L313-2), so the floor
moves twice a year: a clause can be lawful in one semester and below the floor in another. Each
semester S is examined with the clause's rate computed on S's first day (the rate of an invoice
issued in S, or of a delay running in S) against three times S's legal rate (professional
creditors). A rate per month counts as its lowest annual equivalent
(:func:`~cgvlib.analysis.checks.base.annual_equivalent`).

Not modelled: the consumer value of the legal rate (B2B terms use the professional one); a
rate taken at a date the clause does not fix (the file then records readings, each examined).
"""

from __future__ import annotations

from fractions import Fraction

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    Semester,
    annual_equivalent,
    floor_bp,
    group_readings,
    legal_bp,
    pct_words,
    readings_words,
    register,
    runs,
    source_of,
    variants_of,
)
from cgvlib.analysis.words import day_words
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.payment import LatePayment, uses_reference_rate

RULE = ("Code de commerce L441-10 II « ne peut toutefois fixer un taux inférieur à trois fois "
        "le taux d'intérêt légal »")
FIXED = {"invoice_date": Phrase("at the invoice date"),
         "delay_start": Phrase("on the first day of delay")}


def _below(rule, semesters) -> dict[Semester, tuple[Fraction, int, str]]:
    """The semesters where ``rule`` is below the floor: semester -> (rate, floor, how)."""
    out = {}
    for s in semesters:
        rate, how = annual_equivalent(rule, s.start)
        floor = floor_bp(s)
        if rate < floor:
            out[s] = (rate, floor, how)
    return out


def _figures(below: dict[Semester, tuple[Fraction, int, str]]) -> Joined:
    first = min(below)
    widest = max(below, key=lambda s: below[s][1] - below[s][0])
    rate, floor, how = below[first]
    parts = [Phrase("e.g. {semester}: {how} = {rate} % against a floor of 3 x {legal} = "
                    "{floor} %", semester=first.label, how=how, rate=pct_words(rate),
                    legal=pct_words(legal_bp(first)), floor=pct_words(floor))]
    if widest != first:
        rate, floor, _ = below[widest]
        parts.append(Phrase("; the widest gap {semester}: {rate} % against {floor} %",
                            semester=widest.label, rate=pct_words(rate),
                            floor=pct_words(floor)))
    return Joined(parts)


def _count(below) -> Phrase:
    n = len(below)
    return Phrase("1 semester") if n == 1 else Phrase("{count} semesters", count=n)


@register(RULE)
def late_rate_below_floor(ctx: Context):
    """The late-penalty rate (default reading) is below three times the legal interest rate.

    L441-10 II: « Sauf disposition contraire qui ne peut toutefois fixer un taux inférieur à
    trois fois le taux d'intérêt légal ». Reported with the semesters concerned (runs), each
    semester's rate against its floor; the floor then applies instead of the clause's rate.
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    variants, default = variants_of(clause)
    below = _below(variants[default].rule, ctx.semesters)
    if not below:
        return
    article, quote = source_of(clause)
    yield Finding(
        severity="breach", family="late payment", article=article, quote=quote, rule=RULE,
        explanation=Phrase("The penalty rate is below the statutory floor in {count} ({runs}): "
                           "{figures}. A clause cannot set a rate below the floor: three times "
                           "the legal rate applies instead.", count=_count(below),
                           runs=runs(below, ctx.semesters), figures=_figures(below)),
        periods=runs(below, ctx.semesters), path="late_payment.rule")


@register(RULE)
def late_rate_below_floor_other_reading(ctx: Context):
    """Another reading of the late-penalty clause would put the rate below the floor in
    semesters where the default reading does not.

    L441-10 II: « ne peut toutefois fixer un taux inférieur à trois fois le taux d'intérêt
    légal ». A risk: the clause is lawful as read by default, unlawful as it may be read.
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    variants, default = variants_of(clause)
    if len(variants) == 1:
        return
    base = set(_below(variants[default].rule, ctx.semesters))
    extra: dict[str, frozenset] = {}
    details: dict[frozenset, dict] = {}
    for name, variant in variants.items():
        if name == default:
            continue
        below = _below(variant.rule, ctx.semesters)
        more = frozenset(s for s in below if s not in base)
        extra[name] = more
        details[more] = {s: below[s] for s in more}
    article, quote = source_of(clause)
    for names, more in group_readings(extra, default):
        if not more:
            continue
        yield Finding(
            severity="risk", family="late payment", article=article, quote=quote, rule=RULE,
            explanation=Phrase("Read otherwise ({readings}), the penalty rate is below the "
                               "statutory floor in {count} ({runs}) where the default reading "
                               "is not: {figures}.",
                               readings=readings_words(names, default, len(variants)),
                               count=_count(more), runs=runs(more, ctx.semesters),
                               figures=_figures(details[more])),
            periods=runs(more, ctx.semesters), path="late_payment")


@register(RULE)
def late_rate_fixed_below_later_floor(ctx: Context):
    """A rate fixed at the invoice date (or at the start of the delay), lawful then, falls
    below the floor of a later semester while the invoice is still unpaid.

    L441-10 II: « ne peut toutefois fixer un taux inférieur à trois fois le taux d'intérêt
    légal »; the legal rate changes each semester (CMF L313-2), the fixed rate does not. A
    risk, with an example: the shortest such lag, the largest ratio of floor to rate.
    ``periods`` are the semesters in which the rate was fixed (invoice or delay start); with
    ``at``, the later semester is ``at``'s.
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    variants, default = variants_of(clause)
    universe = ctx.all_semesters
    later = ctx.semesters if ctx.at is not None else universe
    pairs_of: dict[str, tuple] = {}
    fixed: dict[str, str] = {}
    floors = {s: floor_bp(s) for s in {*universe, *later}}
    for name, variant in variants.items():
        pairs_of[name] = ()
        if variant.rate_fixed_at not in FIXED or not uses_reference_rate(variant.rule):
            continue
        fixed[name] = variant.rate_fixed_at
        # each semester's rate as fixed on its first day (the day the example names)
        rates = {s: annual_equivalent(variant.rule, s.start) for s in universe}
        pairs = []
        for s0 in universe:
            rate, how = rates[s0]
            if rate < floors[s0]:
                continue  # already below when fixed: late_rate_below_floor reports it
            pairs += [(s0, s1, rate, how, floors[s1]) for s1 in later
                      if s1 > s0 and floors[s1] > rate]
        pairs_of[name] = tuple(pairs)
    # readings overtaken in the same semesters make one finding (its example the first's)
    overtaken = {name: frozenset(p[0] for p in pairs) for name, pairs in pairs_of.items()}
    article, quote = source_of(clause)
    index = {s: i for i, s in enumerate(universe)}
    for names, _ in group_readings(overtaken, default):
        pairs = pairs_of[names[0]]
        if not pairs:
            continue
        when = sorted({fixed[n] for n in names})
        example = min(pairs, key=lambda p: (index[p[1]] - index[p[0]], -(p[4] / p[2])))
        widest = max(pairs, key=lambda p: p[4] / p[2])
        s0, s1, rate, how, floor = example
        what = {("invoice_date",): Phrase("an invoice dated {day}", day=day_words(s0.start)),
                ("delay_start",): Phrase("a delay that started on {day}",
                                         day=day_words(s0.start))}.get(
            tuple(when), Phrase("a rate fixed on {day}", day=day_words(s0.start)))
        unpaid = (Phrase("still unpaid on {day}", day=day_words(ctx.at)) if ctx.at is not None
                  else Phrase("still unpaid in {semester}", semester=s1.label))
        reading = readings_words(names, default, len(variants))
        fixed_semesters = {p[0] for p in pairs}
        taken = (FIXED[when[0]] if len(when) == 1 else
                 Phrase("{first} or {second}", first=FIXED[when[0]], second=FIXED[when[1]]))
        text = [Phrase("The rate is taken {when} and kept for the whole delay ({reading}). ",
                       when=taken, reading=reading) if reading else
                Phrase("The rate is taken {when} and kept for the whole delay. ", when=taken),
                Phrase("Lawful when fixed, it falls below the floor of a later semester: e.g. "
                       "{what} bears {how} = {rate} %; {unpaid}, it runs below that semester's "
                       "floor of 3 x {legal} = {floor} %.", what=what, how=how,
                       rate=pct_words(rate), unpaid=unpaid, legal=pct_words(legal_bp(s1)),
                       floor=pct_words(floor))]
        if widest != example:
            text.append(Phrase(" The widest gap: fixed in {fixed} at {rate} %, unpaid in "
                               "{unpaid} where the floor is {floor} %.", fixed=widest[0].label,
                               rate=pct_words(widest[2]), unpaid=widest[1].label,
                               floor=pct_words(widest[4])))
        text.append(Phrase(" Semesters in which a rate so fixed is later overtaken: {runs}.",
                           runs=runs(fixed_semesters, universe)))
        text = Joined(text)
        yield Finding(
            severity="risk", family="late payment", article=article, quote=quote, rule=RULE,
            explanation=text, periods=runs(fixed_semesters, universe),
            path="late_payment.rate_fixed_at")
