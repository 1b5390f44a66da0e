"""Periods the text counts without saying how a part of one counts.

- « 10 % du montant de la facture par mois de retard »: is a started month due whole, or does
  the rate run pro rata temporis? One day late costs 10 % under the first reading, 0.33 %
  under the second.
- « deux (2) mois avant le terme du contrat »: counted back from the term's last day or from
  the anniversary (the first day of the renewed period)? The deadline moves by a day, and a
  letter sent on that day renews (or not) a whole period.
- « abonné depuis moins d'un an » / « depuis plus d'un an »: a notice by tenure whose two
  branches leave out exactly the boundary tenure (a request made on the first anniversary).

Each is found where the vendor file records readings that differ on exactly that point
(``rule.months`` of a rate per month; ``rule.counted_from`` of a notice before the term;
``rule.at_threshold`` of a notice by tenure), and quantified with the arithmetic layer.
"""

from __future__ import annotations

import datetime as dt

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    eur_cents,
    register,
    source_of,
    variants_of,
)
from cgvlib.analysis.words import (
    count_words,
    day_words,
    decimal_words,
    joined_by,
    listed,
    named,
    written,
)
from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.notice import tenure_notice
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.payment import LatePayment
from cgvlib.model.term import BeforeTerm, TenureBased, Term
from cgvlib.reference.months import add_months, months_before

RULE = Phrase("internal consistency; Code civil art. 1190 (in doubt, against the drafter)")
AMOUNT_EUR = 10_000
DUE = dt.date(2024, 3, 15)
DELAYS = (1, 45)  # days late: one day, and a month and a half
TERM_END = dt.date(2025, 12, 31)  # a period ending on 31 December: renewal on 1 January
SUBSCRIBED = dt.date(2023, 11, 20)  # a subscription whose boundary tenure falls in 2024
AT_THRESHOLD_WORDS = {"notice": Phrase("notice due, as over the boundary"),
                      "no_notice": Phrase("no notice, as under the boundary")}


@register(RULE)
def late_penalty_part_month_unspecified(ctx: Context):
    """A penalty « par mois de retard » whose readings differ on whether a started month is due
    whole or runs pro rata, with what each costs on a 10,000 EUR invoice.

    Internal consistency; the file's default reading is the one giving the earlier deadline,
    the last safe day (:data:`~cgvlib.model.ambiguity.LAST_SAFE_DAY_RULE`).
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    variants, default = variants_of(clause)
    months = {name: v.rule.months for name, v in variants.items()
              if v.rule.kind == "percent_per_month"}
    if len(set(months.values())) < 2:
        return
    figures = []
    for days in DELAYS:
        paid = DUE + dt.timedelta(days=days)
        result = late_payment(ctx.vendor, AMOUNT_EUR, DUE, paid,
                              invoice_date=DUE - dt.timedelta(days=30))
        each = Joined((Phrase("{amount} under {name} ({how})",
                              amount=eur_cents(result.readings[n].interest_cents), name=named(n),
                              how=Phrase("every started month whole") if m == "started"
                              else Phrase("pro rata"))
                       for n, m in months.items()), ", ")
        figures.append(Phrase("paid 1 day late: {each}", each=each) if days == 1 else
                       Phrase("paid {days} days late: {each}", days=days, each=each))
    percent = variants[default].rule.percent
    article, quote = source_of(clause)
    yield Finding(
        severity="ambiguity", family="late payment", article=article, quote=quote, rule=RULE,
        explanation=Phrase("A penalty of {percent} % per month of delay, without saying whether "
                           "a started month counts whole: on {amount} EUR due {due}, {figures}. "
                           "Default: {default}.", percent=decimal_words(percent),
                           amount=count_words(AMOUNT_EUR), due=day_words(DUE),
                           figures=listed(figures), default=named(default)),
        path="late_payment.rule.months")


@register(RULE)
def notice_term_day_unspecified(ctx: Context):
    """A notice « N mois avant le terme » whose readings differ on the day the months are
    counted back from (the term's last day, or the anniversary), with both deadlines.

    Internal consistency; the file's default reading is the one giving the earlier deadline,
    the last safe day (:data:`~cgvlib.model.ambiguity.LAST_SAFE_DAY_RULE`).
    """
    term = ctx.vendor.term
    if not isinstance(term, Term):
        return
    for i, notice in enumerate(term.notice):
        variants, default = variants_of(notice)
        counted = {name: v.rule for name, v in variants.items()
                   if isinstance(v.rule, BeforeTerm)}
        if len({r.counted_from for r in counted.values()}) < 2:
            continue
        anniversary = TERM_END + dt.timedelta(days=1)
        deadlines = []
        for name, rule in counted.items():
            anchor = TERM_END if rule.counted_from == "term_end" else anniversary
            what = (Phrase("the last day of the period") if anchor == TERM_END
                    else Phrase("the anniversary"))
            values = dict(day=day_words(months_before(anchor, rule.months)), name=named(name),
                          months=rule.months, what=what)
            deadlines.append(
                Phrase("{day} under {name} ({months} months before {what})", **values)
                if rule.months > 1 else
                Phrase("{day} under {name} ({months} month before {what})", **values))
        article, quote = source_of(notice)
        yield Finding(
            severity="ambiguity", family="duration and notice", article=article, quote=quote,
            rule=RULE,
            explanation=Phrase("The notice for {what} runs back from « the term » without saying "
                               "which day that is. For a period ending on {end} (renewed on "
                               "{anniversary}), the letter is due by {deadlines}. Default: "
                               "{default}.", what=written(notice.applies_to),
                               end=day_words(TERM_END), anniversary=day_words(anniversary),
                               deadlines=joined_by(deadlines, Phrase("; by ")),
                               default=named(default)),
            path=f"term.notice[{i}].rule.counted_from")


@register(RULE)
def notice_tenure_boundary_unstated(ctx: Context):
    """A notice that depends on tenure (none under N months, a notice over) whose text is
    silent on a tenure of exactly N months: the file's readings differ on that boundary
    (``rule.at_threshold``), with when the contract ends under each.

    Internal consistency: « moins d'un an » and « plus d'un an » leave out a request made on
    the first anniversary; Code civil art. 1190 would read the gap against the drafter, the
    file's default says which reading is acted on and why. The generic ``ambiguous_clause``
    finding gives the file's note; this one names the silent boundary and its dates.
    """
    term = ctx.vendor.term
    if not isinstance(term, Term):
        return
    for i, notice in enumerate(term.notice):
        variants, default = variants_of(notice)
        rules = {name: v.rule for name, v in variants.items()
                 if isinstance(v.rule, TenureBased) and v.rule.no_notice_under_months > 0}
        if len({r.at_threshold for r in rules.values()}) < 2:
            continue
        months = {r.no_notice_under_months for r in rules.values()}
        threshold = max(months)
        request = add_months(SUBSCRIBED, threshold)
        ends = []
        for name, rule in rules.items():
            result = tenure_notice(rule, SUBSCRIBED, request)
            how = (Phrase("{months} months from {start}", months=result.notice_months,
                          start=day_words(result.notice_start))
                   if result.notice_months else Phrase("at the end of the month of the request"))
            ends.append(Phrase("on {end} under {name} ({boundary}: {how})",
                               end=day_words(result.end), name=named(name),
                               boundary=AT_THRESHOLD_WORDS[rule.at_threshold], how=how))
        article, quote = source_of(notice)
        yield Finding(
            severity="ambiguity", family="duration and notice", article=article, quote=quote,
            rule=RULE,
            explanation=Phrase("The notice ({what}) depends on tenure: none under {threshold} "
                               "months, a notice over; the text says nothing of a tenure of "
                               "exactly {threshold} months. For a subscription started on "
                               "{start} and a request on {request}, the contract ends {ends}. "
                               "Default: {default}.", what=written(notice.applies_to),
                               threshold=threshold, start=day_words(SUBSCRIBED),
                               request=day_words(request), ends=listed(ends),
                               default=named(default)),
            path=f"term.notice[{i}].rule.at_threshold")
