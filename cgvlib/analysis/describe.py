"""Each clause in a few plain words, for the clause-by-vendor comparison.

One function per clause type (``describe`` dispatches on the type) returns the clause's rows
as ``(item, words)`` pairs. Words describe the clause as written; an ambiguous clause is
described under its default reading and marked by the comparison.
"""

from __future__ import annotations

import functools
from decimal import Decimal

from cgvlib.model.base import Silent
from cgvlib.model.fees import CancellationSchedule, CancellationTier, Fee
from cgvlib.model.obligations import Confidentiality, LiabilityCap, NonSolicitation
from cgvlib.model.payment import DelayStart, LatePayment, PaymentTerm, RecoveryIndemnity
from cgvlib.model.price import PriceRevision
from cgvlib.model.procedure import Deadline, ForceMajeure, Jurisdiction, Limit
from cgvlib.model.sla import Sla
from cgvlib.model.term import ExitCharge, InitialTerm, NoticeRule, Term

Rows = list[tuple[str, str]]


def num(value: Decimal | int) -> str:
    """12 -> '12', Decimal('99.80') -> '99.8', Decimal('0.5') -> '0.5'."""
    d = Decimal(value).normalize()
    return f"{d:f}"


def plural(count: int, unit: str) -> str:
    return f"{count} {unit}" + ("" if count == 1 else "s")


def eur(value: Decimal) -> str:
    d = Decimal(value)
    return f"{num(d)} EUR" if d == d.to_integral_value() else f"{d:.2f} EUR"


@functools.singledispatch
def describe(clause) -> Rows:
    raise TypeError(f"no description for {type(clause).__name__}")


@describe.register
def _silent(clause: Silent) -> Rows:
    return [("", "text silent")]


# --- payment ------------------------------------------------------------------------------------


@describe.register
def _payment(term: PaymentTerm) -> Rows:
    words = {
        "on_receipt": "on receipt",
        "days_after_invoice": f"{term.days} days net from invoice",
        "days_after_performance": f"{term.days} days after delivery or performance",
        "days_end_of_month": f"{term.days} days end of month",
        "in_advance": "in advance",
        "unstated": "no term stated (law: 30 days after performance)",
    }[term.kind]
    if term.debit_day:
        words += f"; direct debit on the {term.debit_day}th"
        if term.debit_roll == "previous_jour_ouvre":
            words += " (or the jour ouvré before)"
    return [(term.applies_to, words)]


MONTH_WORDS = {
    "started": "every started month counts",
    "prorata": "prorata",
    "prorata_30": "prorata, 30-day months",
    "prorata_months": "prorata of each month of delay",
}


def rule_words(rule) -> str:
    match rule.kind:
        case "ecb_plus_points":
            which = " in force that day" if rule.ecb_rate == "in_force" else ""
            return f"ECB rate{which} + {num(rule.points)} pts"
        case "legal_multiple":
            return f"{num(rule.multiple)}x legal rate" + (
                " (consumer value)" if rule.creditor == "consumer" else ""
            )
        case "legal_plus_points":
            return f"legal rate + {num(rule.points)} pts"
        case "percent_per_month":
            how = MONTH_WORDS[rule.months]
            return f"{num(rule.percent)} % of the invoice per month of delay ({how})"
        case "higher_of":
            return "higher of " + " and ".join(rule_words(r) for r in rule.rules)
    raise ValueError(rule.kind)


FIXED_AT = {
    "invoice_date": "fixed at invoicing",
    "delay_start": "fixed at the start of the delay",
    "semester": "rate of each semester",
}


def start_words(start: DelayStart) -> str:
    if start.after == "due_date" and start.days == 0:
        return "day after the due date"
    ref = {"due_date": "due date", "invoice_date": "invoice", "performance": "performance"}
    return f"day {start.days + 1} after {ref[start.after]}"


@describe.register
def _late(clause: LatePayment) -> Rows:
    rate = rule_words(clause.rule)
    if clause.rate_fixed_at:
        rate += ", " + FIXED_AT[clause.rate_fixed_at]
    starts = start_words(clause.delay_starts)
    if clause.fallback_start:
        starts += f" (else {start_words(clause.fallback_start)})"
    base = {
        "invoice_total": "invoice amount",
        "amount_excl_vat": "amount excl. VAT",
        "unstated": "not stated",
    }[clause.base]
    return [
        ("rate", rate),
        ("delay starts", starts),
        ("penalty base", base),
        ("formal notice first", "required" if clause.formal_notice == "required" else "not needed"),
        ("whole debt due at once", "yes" if clause.whole_debt_due else "no"),
    ]


@describe.register
def _indemnity(clause: RecoveryIndemnity) -> Rows:
    if clause.amount is None:
        return [("", "named without amount (law: 40 EUR)")]
    per = "per invoice" if clause.per == "invoice" else "per unpaid sum"
    return [("", f"{eur(clause.amount)} {per}")]


# --- SLA ----------------------------------------------------------------------------------------


@describe.register
def _sla(sla: Sla) -> Rows:
    tiers = "/".join(num(t.credit_percent) for t in sla.tiers)
    gaps = ", ".join(f"{num(a)}–{num(b)} %" for a, b in sla.gaps())
    return [
        ("availability", f"{num(sla.availability_percent)} % per {sla.window}, {sla.hours}"),
        ("credit tiers", f"{tiers} % of the month's invoice" + (
            f"; gaps {gaps} (a figure in a gap takes the {sla.between_tiers.replace('_', ' ')})"
            if gaps else "")),
        ("credit cap", f"{num(sla.cap.percent)} % of the month's invoice"),
        ("claim window", f"{sla.claim_within} after {sla.claim_from}"),
    ]


# --- term, notice, exit -------------------------------------------------------------------------


def initial_words(t: InitialTerm) -> str:
    length = plural(t.months, "month") if t.months else "set by the order"
    renewal = {
        "tacit": f"tacit renewal ({t.renewal_months} months)"
        if t.renewal_months
        else "tacit renewal",
        "on_request": "renewed on request",
        "none": "no renewal",
        "unstated": "",
    }[t.renewal]
    return f"{length}, {renewal}" if renewal else length


def notice_words(n: NoticeRule) -> str:
    r = n.rule
    match r.kind:
        case "before_term":
            ref = "its last day" if r.counted_from == "term_end" else "its anniversary date"
            return f"{plural(r.months, 'month')} before the term (counted from {ref}), {r.form}"
        case "tenure_based":
            return (
                f"none under {r.no_notice_under_months} months of tenure; else "
                f"{r.base_months} + {r.months_per_full_year} month per full year, from the "
                "day after the month of the request"
            )
        case "until_eve_of_renewal":
            return f"until the day before renewal, {r.form}"
    raise ValueError(r.kind)


def exit_words(e: ExitCharge) -> str:
    words = {
        "all_sums_to_term": "all sums to the term due at once",
        "renewed_period_in_full": "a renewed period is due in full",
        "started_months": "every started month due",
        "highest_of_three": "billed the highest of three amounts during notice",
        "work_done": "work done and unpaid is due",
    }[e.kind]
    if e.refund_within:
        words += f", rest refunded within {e.refund_within}"
    if e.payer == "vendor":
        words += " (text says the vendor pays)"
    return words


TERM_ITEMS = {"initial_terms": "initial term", "notice": "notice", "exit_charges": "exit cost"}
DURATION_WORDS = {"fixed": "fixed term", "indefinite": "indefinite", "per_order": "per order"}


@describe.register
def _term(term: Term) -> Rows:
    rows: Rows = [("duration", DURATION_WORDS[term.duration])]
    words = {"initial_terms": initial_words, "notice": notice_words, "exit_charges": exit_words}
    for field, item in TERM_ITEMS.items():
        clauses = getattr(term, field)
        if clauses:
            rows.append((item, "; ".join(words[field](c) for c in clauses)))
    return rows


# --- prices and fees ----------------------------------------------------------------------------

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@describe.register
def _price(p: PriceRevision) -> Rows:
    when = "/".join(MONTHS[m - 1] for m in p.months)
    if p.day:
        when = f"{p.day} {when}"
    match p.kind:
        case "index_ratio":
            words = f"P2 = P1 x S2/S1 on {p.index}, each {when}"
        case "index_with_margin":
            cap = "up to" if p.index_capped else "vendor's margin up to"
            words = f"on {p.index} each {when}, {cap} {num(p.cap_percent)} %"
            if p.above_index_allowed:
                words += " (may exceed the index)"
        case "index_since":
            words = f"on {p.index} in force at each service, from the tariff of {p.as_of}"
        case "volume_step":
            words = (
                f"±{num(p.step_percent)} % each {when} if volume deviates by more than "
                f"{num(p.threshold_percent)} %"
            )
        case "new_orders_only":
            words = "may change prices for new orders"
        case _:
            raise ValueError(p.kind)
    return [("", words)]


def fee_words(f: Fee) -> str:
    match f.kind:
        case "hourly":
            words = f"{eur(f.amount)}/h"
            if f.increment_minutes:
                words += f", each started {f.increment_minutes} min due"
            if f.minimum:
                words += f", minimum {eur(f.minimum)}" + (f" {f.per}" if f.per else "")
        case "surcharge":
            words = f"+{num(f.percent)} % when {f.when}"
        case "percent_of_fees":
            words = f"{num(f.percent)} % of {f.base}"
        case "fixed" | "minimum_billing":
            words = f"{eur(f.amount)} {f.per}"
        case "deposit":
            words = f"{num(f.percent)} % deposit" + (f" {f.when}" if f.when else "")
        case "recurring_surcharge":
            words = f"{num(f.percent)} % of {f.base} {f.per} after {f.after}"
        case "recruitment":
            words = f"{num(f.percent)} % of first-year pay, or {f.days} days of fees"
        case "billing_unit":
            words = (f"prices may be counted in {f.per}s of {plural(f.days, 'day')}, billable by "
                     f"{num(f.smallest_part)} {f.per}; amount per {f.per} set by the quote")
        case "vat":
            words = f"{num(f.percent)} %"
        case _:
            raise ValueError(f.kind)
    return f"{f.name}: {words}" + (" (may apply)" if f.optional else "")


@describe.register
def _fee(f: Fee) -> Rows:
    return [(f.kind.replace("_", " "), fee_words(f))]


def tier_words(t: CancellationTier) -> str:
    bounds = []
    if t.less_than:
        bounds.append(f"< {t.less_than}")
    if t.at_most:
        bounds.append(f"≤ {t.at_most}")
    if t.at_least:
        bounds.append(f"≥ {t.at_least}")
    if t.more_than:
        bounds.append(f"> {t.more_than}")
    fee = f"{num(t.fee_percent)} %" if t.fee_percent is not None else eur(t.fee_amount)
    if t.minimum:
        fee += f" (min {eur(t.minimum)})"
    facts = ", ".join(f"{k}" if v else f"not {k}" for k, v in t.when.items())
    return f"{' and '.join(bounds) or 'any time'}{' (' + facts + ')' if facts else ''}: {fee}"


@describe.register
def _cancellation(c: CancellationSchedule) -> Rows:
    return [(c.applies_to, "; ".join(tier_words(t) for t in c.tiers))]


# --- obligations --------------------------------------------------------------------------------

BASIS = {
    "amounts_paid": "sums paid",
    "order_amount_paid": "sums paid on the order",
    "trailing_12_months_invoiced_and_collected": "sums invoiced and collected over 12 months",
    "per_user_per_day_6_month_average": "sums paid per user per day of outage (6-month average)",
    "unstated": "unstated",
}


@describe.register
def _liability(c: LiabilityCap) -> Rows:
    share = "" if c.multiplier == 1 else f"{num(c.multiplier)} x "
    return [("cap", f"{share}{BASIS[c.basis]} ({c.applies_to})")]


@describe.register
def _non_solicitation(c: NonSolicitation) -> Rows:
    basis = {
        "monthly_gross_salary": "months of gross salary",
        "annual_gross_salary_share": "months of gross salary",
        "subcontractor_services": "months of the subcontractor's services",
    }[c.penalty_basis]
    return [
        (c.applies_to, f"{c.duration} after {c.from_event}; penalty {c.penalty_months} {basis}")
    ]


@describe.register
def _confidentiality(c: Confidentiality) -> Rows:
    length = (
        f"{c.after_end} after the end"
        if c.after_end
        else "indefinite"
        if c.indefinite
        else "no duration stated"
    )
    return [("", f"{c.applies_to}: {length}")]


# --- procedure ----------------------------------------------------------------------------------


def deadline_words(d: Deadline) -> str:
    limit = {
        "within": "within",
        "not_before": "not before",
        "at_most": "at most",
        "example": "e.g.",
    }[d.limit]
    return f"{d.what}: {limit} {d.duration} from {d.from_event}"


@describe.register
def _deadline(d: Deadline) -> Rows:
    return [(d.topic, deadline_words(d))]


@describe.register
def _limit(c: Limit) -> Rows:
    return [(c.topic, f"{c.what}: {c.quantity}")]


@describe.register
def _force_majeure(c: ForceMajeure) -> Rows:
    basis = {
        "code_civil_1218": "Code civil art. 1218",
        "code_civil_1148": "Code civil art. 1148",
        "case_law": "case law",
        "unstated": "not stated",
    }[c.legal_basis]
    rows = [
        ("definition", basis),
        ("notify", f"within {c.notify_within}" if c.notify_within else c.notify),
    ]
    if c.termination_after:
        ex = " (example)" if c.termination_after_is_example else ""
        rows.append(("termination after", f"{c.termination_after}{ex}"))
    return rows


@describe.register
def _jurisdiction(c: Jurisdiction) -> Rows:
    court = c.court or ("chosen by the vendor" if c.chosen_by == "vendor" else "none named")
    law = c.law or "law not stated"
    return [(c.applies_to, f"{court}; {law}")]
