"""Each clause in a few plain words, for the clause-by-vendor comparison.

One function per clause type (``describe`` dispatches on the type) returns the clause's rows
as ``(item, words)`` pairs. Words describe the clause as written; an ambiguous clause is
described under its default reading and marked by the comparison. The words are English with
their values (:class:`~cgvlib.i18n.Phrase`), said in the table's language by
:func:`cgvlib.i18n.say`; the vendor file's own English words (a deadline's ``what``, a fee's
``when``) are said through the catalog (:func:`cgvlib.analysis.words.written`).
"""

from __future__ import annotations

import functools
from decimal import Decimal

from babel.dates import get_month_names

from cgvlib.analysis.words import (
    SEMICOLON,
    day_words,
    decimal_words,
    duration_words,
    joined_by,
    listed,
    written,
)
from cgvlib.i18n import Joined, Phrase, Said, translate
from cgvlib.lang import BABEL_LOCALES
from cgvlib.model.base import Silent
from cgvlib.model.fees import CancellationSchedule, CancellationTier, Fee
from cgvlib.model.obligations import Confidentiality, LiabilityCap, NonSolicitation
from cgvlib.model.payment import DelayStart, LatePayment, PaymentTerm, RecoveryIndemnity
from cgvlib.model.price import PriceRevision
from cgvlib.model.procedure import Deadline, ForceMajeure, Jurisdiction, Limit
from cgvlib.model.sla import Sla
from cgvlib.model.term import ExitCharge, InitialTerm, NoticeRule, Term
from cgvlib.names import label

Rows = list[tuple[str, object]]  # (item, words said in the table's language)


def num(value: Decimal | int) -> str:
    """12 -> '12', Decimal('99.80') -> '99.8', Decimal('0.5') -> '0.5'."""
    d = Decimal(value).normalize()
    return f"{d:f}"


def number(value: Decimal | int) -> Said:
    """:func:`num` in words (a decimal comma in French)."""
    return decimal_words(num(value))


def months_words(count: int) -> Phrase:
    return Phrase("1 month") if count == 1 else Phrase("{count} months", count=count)


def days_words(count: int) -> Phrase:
    return Phrase("1 day") if count == 1 else Phrase("{days} days", days=count)


def eur(value: Decimal) -> Said:
    """An amount the text states in euros: ``12 EUR``, ``12.50 EUR`` (``12 €``, ``12,50 €``)."""
    d = Decimal(value)
    whole = d == d.to_integral_value()
    english = f"{num(d)} EUR" if whole else f"{d:.2f} EUR"

    def words(lang: str) -> str:
        if lang == "en":
            return english
        figure = num(d) if whole else f"{d:.2f}"
        return f"{figure.replace('.', ',')}\u00a0€"

    return Said(words)


def identifier_words(identifier: str) -> Said:
    """An identifier as words: ``lower tier`` in English, its name in French."""
    return Said(lambda lang: identifier.replace("_", " ") if lang == "en"
                else label(identifier, lang))


@functools.singledispatch
def describe(clause) -> Rows:
    raise TypeError(f"no description for {type(clause).__name__}")


@describe.register
def _silent(clause: Silent) -> Rows:
    return [("", Phrase("text silent"))]


# --- payment ------------------------------------------------------------------------------------


@describe.register
def _payment(term: PaymentTerm) -> Rows:
    match term.kind:
        case "on_receipt":
            words = Phrase("on receipt")
        case "days_after_invoice":
            words = Phrase("{days} days net from invoice", days=term.days)
        case "days_after_performance":
            words = Phrase("{days} days after delivery or performance", days=term.days)
        case "days_end_of_month":
            words = Phrase("{days} days end of month", days=term.days)
        case "in_advance":
            words = Phrase("in advance")
        case "unstated":
            words = Phrase("no term stated (law: 30 days after performance)")
        case _:
            raise KeyError(term.kind)
    if term.debit_day:
        words = Joined((words, Phrase("; direct debit on the {day}th", day=term.debit_day)))
        if term.debit_roll == "previous_jour_ouvre":
            words = Joined((words, Phrase(" (or the jour ouvré before)")))
    return [(term.applies_to, words)]


MONTH_WORDS = {
    "started": Phrase("every started month counts"),
    "prorata": Phrase("prorata"),
    "prorata_30": Phrase("prorata, 30-day months"),
    "prorata_months": Phrase("prorata of each month of delay"),
}


def rule_words(rule):
    match rule.kind:
        case "ecb_plus_points":
            if rule.ecb_rate == "in_force":
                return Phrase("ECB rate in force that day + {points} pts",
                              points=number(rule.points))
            return Phrase("ECB rate + {points} pts", points=number(rule.points))
        case "legal_multiple":
            if rule.creditor == "consumer":
                return Phrase("{multiple}x legal rate (consumer value)",
                              multiple=number(rule.multiple))
            return Phrase("{multiple}x legal rate", multiple=number(rule.multiple))
        case "legal_plus_points":
            return Phrase("legal rate + {points} pts", points=number(rule.points))
        case "percent_per_month":
            return Phrase("{percent} % of the invoice per month of delay ({how})",
                          percent=number(rule.percent), how=MONTH_WORDS[rule.months])
        case "higher_of":
            return Phrase("higher of {rules}", rules=joined_by(
                (rule_words(r) for r in rule.rules), Phrase(" and ")))
    raise ValueError(rule.kind)


FIXED_AT = {
    "invoice_date": Phrase("fixed at invoicing"),
    "delay_start": Phrase("fixed at the start of the delay"),
    "semester": Phrase("rate of each semester"),
}


def start_words(start: DelayStart) -> Phrase:
    if start.after == "due_date" and start.days == 0:
        return Phrase("day after the due date")
    day = start.days + 1
    match start.after:
        case "due_date":
            return Phrase("day {day} after due date", day=day)
        case "invoice_date":
            return Phrase("day {day} after invoice", day=day)
        case "performance":
            return Phrase("day {day} after performance", day=day)
    raise KeyError(start.after)


@describe.register
def _late(clause: LatePayment) -> Rows:
    rate = rule_words(clause.rule)
    if clause.rate_fixed_at:
        rate = Joined((rate, ", ", FIXED_AT[clause.rate_fixed_at]))
    starts = start_words(clause.delay_starts)
    if clause.fallback_start:
        starts = Phrase("{start} (else {fallback})", start=starts,
                        fallback=start_words(clause.fallback_start))
    base = {
        "invoice_total": Phrase("invoice amount"),
        "amount_excl_vat": Phrase("amount excl. VAT"),
        "unstated": Phrase("not stated"),
    }[clause.base]
    return [
        ("rate", rate),
        ("delay starts", starts),
        ("penalty base", base),
        ("formal notice first", Phrase("required") if clause.formal_notice == "required"
         else Phrase("not needed")),
        ("whole debt due at once", Phrase("yes") if clause.whole_debt_due else Phrase("no")),
    ]


@describe.register
def _indemnity(clause: RecoveryIndemnity) -> Rows:
    if clause.amount is None:
        return [("", Phrase("named without amount (law: 40 EUR)"))]
    if clause.per == "invoice":
        return [("", Phrase("{amount} per invoice", amount=eur(clause.amount)))]
    return [("", Phrase("{amount} per unpaid sum", amount=eur(clause.amount)))]


# --- SLA ----------------------------------------------------------------------------------------


@describe.register
def _sla(sla: Sla) -> Rows:
    tiers = "/".join(num(t.credit_percent) for t in sla.tiers)
    tiers_words = decimal_words(tiers)
    gaps = Joined((Phrase("{low}–{high} %", low=number(a), high=number(b))
                   for a, b in sla.gaps()), ", ")
    credit = (Phrase("{tiers} % of the month's invoice; gaps {gaps} (a figure in a gap takes "
                     "the {between})", tiers=tiers_words, gaps=gaps,
                     between=identifier_words(sla.between_tiers))
              if sla.gaps() else Phrase("{tiers} % of the month's invoice", tiers=tiers_words))
    return [
        ("availability", Phrase("{percent} % per {window}, {hours}",
                                percent=number(sla.availability_percent),
                                window=Phrase("month") if sla.window == "month" else sla.window,
                                hours=written(sla.hours))),
        ("credit tiers", credit),
        ("credit cap", Phrase("{percent} % of the month's invoice",
                              percent=number(sla.cap.percent))),
        ("claim window", Phrase("{within} after {event}",
                                within=duration_words(sla.claim_within),
                                event=written(sla.claim_from))),
    ]


# --- term, notice, exit -------------------------------------------------------------------------


def initial_words(t: InitialTerm):
    length = months_words(t.months) if t.months else Phrase("set by the order")
    renewal = {
        "tacit": Phrase("tacit renewal ({months} months)", months=t.renewal_months)
        if t.renewal_months
        else Phrase("tacit renewal"),
        "on_request": Phrase("renewed on request"),
        "none": Phrase("no renewal"),
        "unstated": "",
    }[t.renewal]
    return Joined((length, ", ", renewal)) if renewal else length


def notice_words(n: NoticeRule):
    r = n.rule
    match r.kind:
        case "before_term":
            ref = (Phrase("its last day") if r.counted_from == "term_end"
                   else Phrase("its anniversary date"))
            return Phrase("{months} before the term (counted from {ref}), {form}",
                          months=months_words(r.months), ref=ref, form=written(r.form))
        case "tenure_based":
            return Phrase("none under {under} months of tenure; else {base} + {per_year} month "
                          "per full year, from the day after the month of the request",
                          under=r.no_notice_under_months, base=r.base_months,
                          per_year=r.months_per_full_year)
        case "until_eve_of_renewal":
            return Phrase("until the day before renewal, {form}", form=written(r.form))
    raise ValueError(r.kind)


def exit_words(e: ExitCharge):
    words = {
        "all_sums_to_term": Phrase("all sums to the term due at once"),
        "renewed_period_in_full": Phrase("a renewed period is due in full"),
        "started_months": Phrase("every started month due"),
        "highest_of_three": Phrase("billed the highest of three amounts during notice"),
        "work_done": Phrase("work done and unpaid is due"),
    }[e.kind]
    if e.refund_within:
        words = Joined((words, Phrase(", rest refunded within {within}",
                                      within=duration_words(e.refund_within))))
    if e.payer == "vendor":
        words = Joined((words, Phrase(" (text says the vendor pays)")))
    return words


TERM_ITEMS = {"initial_terms": "initial term", "notice": "notice", "exit_charges": "exit cost"}
DURATION_WORDS = {"fixed": Phrase("fixed term"), "indefinite": Phrase("indefinite"),
                  "per_order": Phrase("per order")}


@describe.register
def _term(term: Term) -> Rows:
    rows: Rows = [("duration", DURATION_WORDS[term.duration])]
    words = {"initial_terms": initial_words, "notice": notice_words, "exit_charges": exit_words}
    for field, item in TERM_ITEMS.items():
        clauses = getattr(term, field)
        if clauses:
            rows.append((item, listed(words[field](c) for c in clauses)))
    return rows


# --- prices and fees ----------------------------------------------------------------------------

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def months_of_year(months: list[int]) -> Said:
    """``Jan/Jul`` (``janv./juil.``)."""
    def words(lang: str) -> str:
        if lang == "en":
            return "/".join(MONTHS[m - 1] for m in months)
        names = get_month_names("abbreviated", locale=BABEL_LOCALES[lang])
        return "/".join(names[m] for m in months)
    return Said(words)


def index_words(index: str | None):
    """The index a price follows: ``syntec`` in English (as the file names it), its name in
    French."""
    return identifier_words(index) if index else ""


@describe.register
def _price(p: PriceRevision) -> Rows:
    when = months_of_year(p.months)
    if p.day:
        when = Joined((str(p.day), " ", when))
    match p.kind:
        case "index_ratio":
            words = Phrase("P2 = P1 x S2/S1 on {index}, each {when}", index=index_words(p.index),
                           when=when)
        case "index_with_margin":
            cap = Phrase("up to") if p.index_capped else Phrase("vendor's margin up to")
            words = Phrase("on {index} each {when}, {cap} {percent} %",
                           index=index_words(p.index), when=when, cap=cap,
                           percent=number(p.cap_percent))
            if p.above_index_allowed:
                words = Joined((words, Phrase(" (may exceed the index)")))
        case "index_since":
            words = Phrase("on {index} in force at each service, from the tariff of {day}",
                           index=index_words(p.index), day=day_words(p.as_of))
        case "volume_step":
            words = Phrase("±{step} % each {when} if volume deviates by more than {threshold} %",
                           step=number(p.step_percent), when=when,
                           threshold=number(p.threshold_percent))
        case "new_orders_only":
            words = Phrase("may change prices for new orders")
        case _:
            raise ValueError(p.kind)
    return [("", words)]


def fee_words(f: Fee):
    match f.kind:
        case "hourly":
            parts = [Phrase("{amount}/h", amount=eur(f.amount))]
            if f.increment_minutes:
                parts.append(Phrase(", each started {minutes} min due",
                                    minutes=f.increment_minutes))
            if f.minimum:
                parts.append(Phrase(", minimum {amount} {per}", amount=eur(f.minimum),
                                    per=written(f.per)) if f.per else
                             Phrase(", minimum {amount}", amount=eur(f.minimum)))
            words = Joined(parts)
        case "surcharge":
            words = Phrase("+{percent} % when {when}", percent=number(f.percent),
                           when=written(f.when))
        case "percent_of_fees":
            words = Phrase("{percent} % of {base}", percent=number(f.percent),
                           base=written(f.base))
        case "fixed" | "minimum_billing":
            words = Phrase("{amount} {per}", amount=eur(f.amount), per=written(f.per))
        case "deposit":
            words = (Phrase("{percent} % deposit {when}", percent=number(f.percent),
                            when=written(f.when)) if f.when else
                     Phrase("{percent} % deposit", percent=number(f.percent)))
        case "recurring_surcharge":
            words = Phrase("{percent} % of {base} {per} after {after}", percent=number(f.percent),
                           base=written(f.base), per=written(f.per),
                           after=duration_words(f.after))
        case "recruitment":
            words = Phrase("{percent} % of first-year pay, or {days} days of fees",
                           percent=number(f.percent), days=f.days)
        case "billing_unit":
            words = Phrase("prices may be counted in {per}s of {days}, billable by {part} {per}; "
                           "amount per {per} set by the quote", per=written(f.per),
                           days=days_words(f.days), part=number(f.smallest_part))
        case "vat":
            words = Phrase("{percent} %", percent=number(f.percent))
        case _:
            raise ValueError(f.kind)
    named = (Phrase("{name}: {words} (may apply)", name=written(f.name), words=words)
             if f.optional else Phrase("{name}: {words}", name=written(f.name), words=words))
    return named


@describe.register
def _fee(f: Fee) -> Rows:
    return [(f.kind.replace("_", " "), fee_words(f))]


def fact_words(fact: str, value: bool) -> Said:
    """A fact a cancellation line depends on: ``travelled`` / ``not travelled`` (the fact's
    words through the catalog in French, context ``fact``)."""
    def words(lang: str) -> str:
        if lang == "en":
            return fact if value else f"not {fact}"
        return translate(fact if value else f"not {fact}", lang, "fact")
    return Said(words)


def tier_words(t: CancellationTier):
    bounds = []
    if t.less_than:
        bounds.append(Phrase("< {bound}", bound=duration_words(t.less_than)))
    if t.at_most:
        bounds.append(Phrase("≤ {bound}", bound=duration_words(t.at_most)))
    if t.at_least:
        bounds.append(Phrase("≥ {bound}", bound=duration_words(t.at_least)))
    if t.more_than:
        bounds.append(Phrase("> {bound}", bound=duration_words(t.more_than)))
    fee = (Phrase("{percent} %", percent=number(t.fee_percent)) if t.fee_percent is not None
           else eur(t.fee_amount))
    if t.minimum:
        fee = Phrase("{fee} (min {minimum})", fee=fee, minimum=eur(t.minimum))
    when = joined_by(bounds, Phrase(" and ")) if bounds else Phrase("any time")
    facts = Joined((fact_words(k, v) for k, v in t.when.items()), ", ")
    if t.when:
        return Phrase("{when} ({facts}): {fee}", when=when, facts=facts, fee=fee)
    return Phrase("{when}: {fee}", when=when, fee=fee)


@describe.register
def _cancellation(c: CancellationSchedule) -> Rows:
    return [(c.applies_to, listed(tier_words(t) for t in c.tiers))]


# --- obligations --------------------------------------------------------------------------------

BASIS = {
    "amounts_paid": Phrase("sums paid"),
    "order_amount_paid": Phrase("sums paid on the order"),
    "trailing_12_months_invoiced_and_collected": Phrase("sums invoiced and collected over 12 "
                                                        "months"),
    "per_user_per_day_6_month_average": Phrase("sums paid per user per day of outage (6-month "
                                               "average)"),
    "unstated": Phrase("unstated"),
}


@describe.register
def _liability(c: LiabilityCap) -> Rows:
    if c.multiplier == 1:
        return [("cap", Phrase("{basis} ({what})", basis=BASIS[c.basis],
                               what=written(c.applies_to)))]
    return [("cap", Phrase("{multiple} x {basis} ({what})", multiple=number(c.multiplier),
                           basis=BASIS[c.basis], what=written(c.applies_to)))]


@describe.register
def _non_solicitation(c: NonSolicitation) -> Rows:
    basis = {
        "monthly_gross_salary": Phrase("months of gross salary"),
        "annual_gross_salary_share": Phrase("months of gross salary"),
        "subcontractor_services": Phrase("months of the subcontractor's services"),
    }[c.penalty_basis]
    return [
        (c.applies_to, Phrase("{duration} after {event}; penalty {months} {basis}",
                              duration=duration_words(c.duration), event=written(c.from_event),
                              months=number(c.penalty_months), basis=basis))
    ]


@describe.register
def _confidentiality(c: Confidentiality) -> Rows:
    length = (
        Phrase("{duration} after the end", duration=duration_words(c.after_end))
        if c.after_end
        else Phrase("indefinite")
        if c.indefinite
        else Phrase("no duration stated")
    )
    return [("", Phrase("{what}: {length}", what=written(c.applies_to), length=length))]


# --- procedure ----------------------------------------------------------------------------------


def deadline_words(d: Deadline) -> Phrase:
    values = dict(what=written(d.what), duration=duration_words(d.duration),
                  event=written(d.from_event))
    match d.limit:
        case "within":
            return Phrase("{what}: within {duration} from {event}", **values)
        case "not_before":
            return Phrase("{what}: not before {duration} from {event}", **values)
        case "at_most":
            return Phrase("{what}: at most {duration} from {event}", **values)
        case "example":
            return Phrase("{what}: e.g. {duration} from {event}", **values)
    raise KeyError(d.limit)


@describe.register
def _deadline(d: Deadline) -> Rows:
    return [(d.topic, deadline_words(d))]


@describe.register
def _limit(c: Limit) -> Rows:
    return [(c.topic, Phrase("{what}: {quantity}", what=written(c.what),
                             quantity=written(c.quantity)))]


@describe.register
def _force_majeure(c: ForceMajeure) -> Rows:
    basis = {
        "code_civil_1218": "Code civil art. 1218",
        "code_civil_1148": "Code civil art. 1148",
        "case_law": Phrase("case law"),
        "unstated": Phrase("not stated"),
    }[c.legal_basis]
    rows = [
        ("definition", basis),
        ("notify", Phrase("within {duration}", duration=duration_words(c.notify_within))
         if c.notify_within else written(c.notify)),
    ]
    if c.termination_after:
        after = duration_words(c.termination_after)
        rows.append(("termination after", Phrase("{duration} (example)", duration=after)
                     if c.termination_after_is_example else after))
    return rows


@describe.register
def _jurisdiction(c: Jurisdiction) -> Rows:
    court = c.court or (Phrase("chosen by the vendor") if c.chosen_by == "vendor"
                        else Phrase("none named"))
    law = written(c.law) if c.law else Phrase("law not stated")
    return [(c.applies_to, Joined((court, SEMICOLON, law)))]
