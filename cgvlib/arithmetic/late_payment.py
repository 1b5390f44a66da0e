"""Late-payment interest (pénalités de retard) and the fixed recovery indemnity for one invoice.

Statute (Code de commerce):

- L441-10 I: penalties run from « le jour suivant la date de règlement figurant sur la
  facture », « sans qu'un rappel soit nécessaire », at the agreed rate, never below three times
  the legal interest rate; when the terms are silent, at « le taux d'intérêt appliqué par la
  Banque centrale européenne à son opération de refinancement la plus récente majoré de 10
  points de pourcentage ».
- L441-10 II: « le taux applicable pendant le premier semestre de l'année concernée est le
  taux en vigueur au 1er janvier de l'année en question. Pour le second semestre [...] au 1er
  juillet »; and « Tout professionnel en situation de retard de paiement est de plein droit
  débiteur [...] d'une indemnité forfaitaire pour frais de recouvrement ».
- D441-5: that indemnity « est fixé à 40 euros ».

Conventions (DESIGN.md, :mod:`cgvlib.money`):

- **Days.** Days late = paid - due. The first day of delay is the day after the clause's
  ``delay_starts.after`` event plus ``days`` (after the due date with 0 days: the day after
  the due date), never before the day after the due date. The day of payment is a day of
  delay: days of delay = max(0, paid - first day of delay + 1).
- **Rates.** Every rule on the ECB rate uses the L441-10 II semester rate
  (:func:`~cgvlib.reference.ecb_rate.ecb_semester_rate`, the ECB rate in force on 1 January or
  1 July), for every vendor: a clause on « le taux de refinancement de la BCE » refers to the
  rate L441-10 defines. Rules on the legal rate use
  :func:`~cgvlib.reference.legal_rate.legal_rate` for the clause's creditor. The rate is taken
  on the invoice date (``rate_fixed_at: invoice_date``), on the first day of delay
  (``delay_start``), or semester by semester (``semester``: the delay is split at 1 January /
  1 July, each piece at its semester's rate). ``higher_of`` takes, period by period, the
  highest of its rules' annual rates.
- **Exact arithmetic.** Amount in integer cents, rates in integer basis points, days in
  integers; interest is ONE fraction over 365 x 10,000 (actual/365 fixed), rounded once,
  half-up, to the cent:

  * annual rules: sum over periods of cents x bp x days;
  * ``percent_per_month``, ``prorata``: months = days x 12 / 365, so cents x bp x days x 12;
  * ``percent_per_month``, ``started``: months = the months started from the first day of
    delay (:func:`~cgvlib.reference.months.started_months`), so cents x bp x months x 365.

- **Indemnity.** 40 EUR per invoice paid late (days late >= 1), whatever the terms say or omit
  (L441-10 II, D441-5): the clause's amount when it states one, else the statute's.

The amount is the sum the clause's ``base`` names (the invoice total, or the amount excluding
VAT for Leappy and GOUT); the caller gives that figure. A clause's ``fallback_start`` (the start
when the invoice bears no due date) is not used here: this function always takes a due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    clause_of,
    euros,
    money,
    over_readings,
)
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.base import Silent, Source
from cgvlib.model.payment import LatePayment
from cgvlib.model.vendor import Vendor
from cgvlib.money import (
    INTEREST_DENOMINATOR,
    bp_to_percent,
    div_round_half_up,
    percent_to_bp,
    to_cents,
)
from cgvlib.reference.ecb_rate import ecb_semester_rate
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.months import semester_bounds_between, semester_label, started_months

# D441-5: « Le montant de l'indemnité forfaitaire pour frais de recouvrement [...] est fixé à
# 40 euros. »
STATUTORY_INDEMNITY_CENTS = 4_000
MONTHS_PER_YEAR = 12  # prorata: months = days x 12 / 365
DAYS_PER_YEAR = 365  # started months: cents x bp x months = cents x bp x months x 365 / 365

BASE_WORDS = {
    "invoice_total": "the invoice amount as invoiced (VAT included)",
    "amount_excl_vat": "the amount excluding VAT (montant hors taxes)",
    "unstated": "the sum unpaid (the text does not say on which amount)",
}


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class DelayPeriod:
    """A stretch of the delay at one rate: ``start``..``end`` (both included), ``days`` long.

    ``rate_bp``/``rate`` are the annual rate (per month for a per-month rule); ``how`` says how
    the rate was found, e.g. ``"3 x legal rate 4.22 % (2023-S2)"``; ``months`` is the number of
    months counted for a per-month rule (started months), else None.
    """

    start: dt.date
    end: dt.date
    days: int
    rate_bp: int
    rate: Decimal
    how: str
    months: int | None = None


@dataclass(frozen=True, kw_only=True)
class LatePaymentResult(Result):
    """Interest, indemnity and total for one invoice paid late, with the periods used.

    ``rate`` is the rate of the first period (annual percent, or percent per month for a
    per-month rule, as ``rate_unit`` says), None when there is no day of delay.
    """

    amount: Decimal
    amount_cents: int
    due: dt.date
    paid: dt.date
    invoice_date: dt.date | None
    days_late: int
    first_day_of_delay: dt.date
    days_of_delay: int
    rate: Decimal | None
    rate_unit: str
    periods: tuple[DelayPeriod, ...]
    interest: Decimal
    interest_cents: int
    indemnity: Decimal
    indemnity_cents: int
    total: Decimal
    total_cents: int

    def headline(self) -> str:
        days = "1 day" if self.days_late == 1 else f"{self.days_late} days"
        return (
            f"{money(self.amount_cents)} paid {days} late: interest "
            f"{money(self.interest_cents)} + indemnity {money(self.indemnity_cents)} = "
            f"{money(self.total_cents)}"
        )


# --------------------------------------------------------------------------- clause helpers


def needs_invoice_date(clause: LatePayment) -> bool:
    """True when the reading needs the invoice date: the delay runs from it, or the rate is
    the one in force on it (« en vigueur au jour de la facturation »)."""
    return clause.delay_starts.after == "invoice_date" or clause.rate_fixed_at == "invoice_date"


def readings_needing_invoice_date(clause: LatePayment) -> list[str]:
    """Names of the readings of ``clause`` that need the invoice date."""
    variants, _ = reading_variants(clause)
    return [name for name, variant in variants.items() if needs_invoice_date(variant)]


def missing_invoice_date_error(vendor: Vendor, clause: LatePayment, where: str) -> InputError:
    """The error for a reading that needs the invoice date when none was given."""
    names = readings_needing_invoice_date(clause)
    if names == ["as_written"]:
        why = (
            "the delay runs from the invoice date"
            if clause.delay_starts.after == "invoice_date"
            else "the rate is the one in force on the invoice date"
        )
        needs = f"needs the invoice date ({why})"
    else:
        listed = ", ".join(f"{n!r}{_reading_means(clause, n)}" for n in names)
        needs = f"needs the invoice date under reading(s) {listed}"
    return InputError(
        f"{where}: {vendor.name}'s late-payment clause (art. {clause.source.article}) {needs}; "
        "give the invoice date (invoice_date='YYYY-MM-DD', or an invoice_date column)"
    )


def _reading_means(clause: LatePayment, name: str) -> str:
    if clause.ambiguity is None:
        return ""
    for r in clause.ambiguity.readings:
        if r.name == name:
            return f" ({r.means})"
    return ""


def delay_offset(clause: LatePayment) -> tuple[str, int]:
    """``(event, n)``: the first day of delay is the day after ``event`` + ``n`` days.

    Only the due date and the invoice date are inputs of this layer; a start after performance
    needs the performance date, which these functions do not take.
    """
    start = clause.delay_starts
    if start.after == "performance":
        raise InputError(
            "this late-payment clause starts the delay after performance (the date of the "
            "service), which late_payment does not take; compute from the due date instead"
        )
    return start.after, start.days


def points_bp(points) -> int:
    return percent_to_bp(points, "points")


def whole_multiple(rule) -> int:
    """The integer multiple of a ``legal_multiple`` rule; refuses one that would not give
    whole basis points (only whole multiples are computed exactly: 3 and 2 are)."""
    multiple = rule.multiple
    if multiple != multiple.to_integral_value():
        raise InputError(
            f"legal_multiple: multiple {multiple} x the legal rate need not be a whole number "
            "of basis points, so it cannot be computed exactly; only whole multiples (2, 3...) "
            "are supported"
        )
    return int(multiple)


def annual_rules(rule) -> list:
    """The annual rules of ``rule`` (itself, or the members of a ``higher_of``)."""
    if rule.kind != "higher_of":
        return [rule]
    members = []
    for member in rule.rules:
        if member.kind in ("percent_per_month", "higher_of"):
            raise InputError(
                f"higher_of: every rule compared must be an annual rate; {member.kind!r} is not "
                "(a rate per month cannot be compared period by period with an annual one)"
            )
        members.append(member)
    return members


# --------------------------------------------------------------------------- the rates


def _legal_label(legal, day: dt.date) -> str:
    if (legal.end - legal.start).days > 200:  # 2005-2014: one rate for the year (décret)
        return f"{legal.start.year}, annual rate"
    return semester_label(day)


def _one_rate(rule, day: dt.date) -> tuple[int, str]:
    """An annual rule's rate on ``day``, in bp, with how it was found."""
    if rule.kind == "ecb_plus_points":
        # L441-10 II: « le taux en vigueur au 1er janvier » / « au 1er juillet »
        ecb = ecb_semester_rate(day)
        return (
            ecb.bp + points_bp(rule.points),
            f"ECB {ecb.value} % in force on {ecb.start} ({semester_label(day)}) "
            f"+ {rule.points} pts",
        )
    legal = legal_rate(day, rule.creditor)
    label = _legal_label(legal, day)
    if rule.kind == "legal_multiple":
        m = whole_multiple(rule)
        return m * legal.bp, f"{m} x legal rate {legal.value} % ({label})"
    if rule.kind == "legal_plus_points":
        return (
            legal.bp + points_bp(rule.points),
            f"legal rate {legal.value} % ({label}) + {rule.points} pts",
        )
    raise InputError(f"rule kind {rule.kind!r} is not an annual rate")  # pragma: no cover


def annual_rate_bp(rule, day: dt.date) -> tuple[int, str]:
    """The annual rate of ``rule`` on ``day`` (basis points) and how it was found.

    ``higher_of``: « au taux le plus élevé entre » its rules, each on the same day.
    """
    if rule.kind != "higher_of":
        return _one_rate(rule, day)
    found = [_one_rate(member, day) for member in annual_rules(rule)]
    best = max(bp for bp, _ in found)
    parts = " vs ".join(f"{how} = {bp_to_percent(bp)} %" for bp, how in found)
    return best, f"higher of {parts}"


# --------------------------------------------------------------------------- computation


def first_day_of_delay(clause: LatePayment, due: dt.date, invoice_date: dt.date | None) -> dt.date:
    """The day after ``delay_starts.after`` + ``days``, never before the day after the due date
    (L441-10 I: penalties run from « le jour suivant la date de règlement »)."""
    event, days = delay_offset(clause)
    base = due if event == "due_date" else invoice_date
    return max(base + dt.timedelta(days=days + 1), due + dt.timedelta(days=1))


def _periods(
    clause: LatePayment, first: dt.date, paid: dt.date, invoice_date: dt.date | None
) -> tuple[list[DelayPeriod], int]:
    """The periods of the delay ``first``..``paid`` and the exact interest numerator."""
    rule = clause.rule
    days = (paid - first).days + 1
    if rule.kind == "percent_per_month":
        bp = percent_to_bp(rule.percent, "percent")
        if rule.months == "prorata":
            how = f"{rule.percent} % per month pro rata temporis ({days} days x 12 / 365 months)"
            return (
                [DelayPeriod(first, paid, days, bp, bp_to_percent(bp), how)],
                bp * days * MONTHS_PER_YEAR,
            )
        months = started_months(first, paid)
        how = f"{rule.percent} % per started month ({months} month(s) started on {first})"
        return (
            [DelayPeriod(first, paid, days, bp, bp_to_percent(bp), how, months)],
            bp * months * DAYS_PER_YEAR,
        )
    if clause.rate_fixed_at == "semester":
        pieces = semester_bounds_between(first, paid)
        periods = []
        for start, end in pieces:
            bp, how = annual_rate_bp(rule, start)
            periods.append(
                DelayPeriod(start, end, (end - start).days + 1, bp, bp_to_percent(bp), how)
            )
    else:
        when = invoice_date if clause.rate_fixed_at == "invoice_date" else first
        bp, how = annual_rate_bp(rule, when)
        what = (
            "the invoice date"
            if clause.rate_fixed_at == "invoice_date"
            else "the first day of delay"
        )
        periods = [
            DelayPeriod(first, paid, days, bp, bp_to_percent(bp), f"{how}, taken on {what} {when}")
        ]
    return periods, sum(p.rate_bp * p.days for p in periods)


@lru_cache(maxsize=1)
def _statutory_indemnity_source() -> Source:
    from cgvlib.arithmetic.statutory import statutory

    return statutory().recovery_indemnity.source


def indemnity_terms(vendor: Vendor) -> tuple[int, str, tuple[Source, ...]]:
    """The indemnity per invoice paid late (cents), its working line, and its citation.

    L441-10 II / D441-5 give 40 EUR « de plein droit »: when the terms omit the indemnity
    (Leappy) or name it without an amount (GOUT), the statute's 40 EUR applies.
    """
    clause = vendor.recovery_indemnity
    statute = _statutory_indemnity_source()
    if isinstance(clause, Silent) or clause is None:
        return (
            STATUTORY_INDEMNITY_CENTS,
            "Indemnity: 40.00 EUR, set by D441-5 (« est fixé à 40 euros »); the terms do "
            "not mention it, L441-10 II makes it due « de plein droit »",
            (statute,),
        )
    if clause.amount is None:
        return (
            STATUTORY_INDEMNITY_CENTS,
            f"Indemnity: 40.00 EUR; the terms name it without an amount (art. "
            f"{clause.source.article}), D441-5 sets it « à 40 euros »",
            (clause.source, statute),
        )
    cents = to_cents(clause.amount, "recovery_indemnity.amount")
    per = (
        " (counted once: the clause's « toute somme » is this one invoice)"
        if clause.per == "unpaid_sum"
        else ""
    )
    return cents, f"Indemnity: {money(cents)} per invoice paid late{per}", (clause.source,)


def _start_words(
    clause: LatePayment, first: dt.date, due: dt.date, invoice_date: dt.date | None
) -> str:
    event, offset = delay_offset(clause)
    base, what = (
        (due, "due date") if event == "due_date" else (invoice_date, f"invoice date {invoice_date}")
    )
    words = f"day {offset + 1} after the {what}" if offset else f"the day after the {what}"
    if first > base + dt.timedelta(days=offset + 1):
        words += ", held to the day after the due date: no delay runs before it"
    return words


def _interest_line(cents: int, periods: list[DelayPeriod], numerator: int, rule) -> str:
    if rule.kind == "percent_per_month" and rule.months == "prorata":
        p = periods[0]
        terms = f"{p.rate_bp} bp x {p.days} d x 12"
    elif rule.kind == "percent_per_month":
        p = periods[0]
        terms = f"{p.rate_bp} bp x {p.months} month(s) x 365"
    else:
        terms = " + ".join(f"{p.rate_bp} bp x {p.days} d" for p in periods)
    exact = Decimal(cents * numerator) / INTEREST_DENOMINATOR
    return (
        f"Interest: {cents:,} cents x ({terms}) / (365 x 10,000) = {exact:.4f} cents, "
        "rounded half-up once"
    )


def _compute(
    vendor: Vendor,
    clause: LatePayment,
    cents: int,
    due: dt.date,
    paid: dt.date,
    invoice_date: dt.date | None,
) -> LatePaymentResult:
    """The result under one reading of the clause."""
    first = first_day_of_delay(clause, due, invoice_date)
    days_late = (paid - due).days
    days_of_delay = max(0, (paid - first).days + 1)
    working = [
        f"Amount: {money(cents)}, read as {BASE_WORDS[clause.base]}",
        f"Due {due}, paid {paid}: {days_late} day(s) late (paid - due)",
    ]
    start_words = _start_words(clause, first, due, invoice_date)
    working.append(f"First day of delay: {first} ({start_words})")
    periods: list[DelayPeriod] = []
    numerator = 0
    if days_of_delay:
        periods, weight = _periods(clause, first, paid, invoice_date)
        numerator = cents * weight
        working.append(
            f"Days of delay: {days_of_delay} ({first}..{paid}, the day of payment counted)"
        )
        working += [
            f"  {p.start}..{p.end}: {p.days} day(s) at {p.rate} %"
            f"{' per month' if clause.rule.kind == 'percent_per_month' else ''}: {p.how}"
            for p in periods
        ]
        working.append(_interest_line(cents, periods, weight, clause.rule))
    else:
        working.append("Days of delay: 0 (paid before the first day of delay): no interest")
    interest_cents = div_round_half_up(numerator, INTEREST_DENOMINATOR)
    if clause.formal_notice == "required":
        working.append(
            "Under this reading interest is owed only after a formal notice "
            "(mise en demeure) by registered letter; the figures assume it was sent "
            "(interest then counts from the first day of delay)"
        )
    unit_cents, line, indemnity_sources = indemnity_terms(vendor)
    # L441-10 II: « Tout professionnel en situation de retard de paiement »: paid after the due
    # date, whatever day the clause's own penalty starts on.
    indemnity_cents = unit_cents if days_late >= 1 else 0
    working.append(line if days_late >= 1 else "Indemnity: none, paid on or before the due date")
    total_cents = interest_cents + indemnity_cents
    working.append(
        f"Total: {money(interest_cents)} + {money(indemnity_cents)} = {money(total_cents)}"
    )
    return LatePaymentResult(
        vendor=vendor.id,
        working=tuple(working),
        sources=(clause.source, *indemnity_sources),
        amount=euros(cents),
        amount_cents=cents,
        due=due,
        paid=paid,
        invoice_date=invoice_date,
        days_late=days_late,
        first_day_of_delay=first,
        days_of_delay=days_of_delay,
        rate=periods[0].rate if periods else None,
        rate_unit="per month" if clause.rule.kind == "percent_per_month" else "per year",
        periods=tuple(periods),
        interest=euros(interest_cents),
        interest_cents=interest_cents,
        indemnity=euros(indemnity_cents),
        indemnity_cents=indemnity_cents,
        total=euros(total_cents),
        total_cents=total_cents,
    )


def late_payment(
    vendor: Vendor | str, amount, due, paid, *, invoice_date=None, reading: str | None = None
) -> LatePaymentResult:
    """Interest (or penalty), fixed recovery indemnity and total for one invoice paid late.

    ``vendor``: a :class:`Vendor`, its id, or ``"statutory"`` (L441-10's default terms: ECB
    semester rate + 10 points, semester by semester). ``amount``: euros, the sum the clause's
    base names. ``due``/``paid``: dates (``paid`` on or after ``due``). ``invoice_date``: needed
    when the reading runs the delay from it or takes the rate in force on it (Leappy, GOUT,
    Teogest's day-31 readings). ``reading``: another reading of an ambiguous clause (JANQUOR
    ``started``/``prorata``; Teogest's six; Leappy's formal notice).

    A clause on « le taux de refinancement de la BCE » is computed on the L441-10 II semester
    rate (the ECB rate in force on 1 January / 1 July of the semester), for every vendor.
    See the module docstring for the day counts and the exact formula.
    """
    v = as_vendor(vendor)
    clause = clause_of(v, "late_payment", "late-payment penalties")
    cents = amount_cents(amount, "amount")
    due_day = as_date(due, "due")
    paid_day = as_date(paid, "paid")
    invoice_day = None if invoice_date is None else as_date(invoice_date, "invoice_date")
    if paid_day < due_day:
        raise InputError(
            f"paid: {paid_day} is before the due date {due_day}; a late payment is "
            "paid on or after its due date"
        )
    if invoice_day is not None and invoice_day > due_day:
        raise InputError(
            f"invoice_date: {invoice_day} is after the due date {due_day}; an "
            "invoice falls due on or after its date"
        )
    if invoice_day is None and readings_needing_invoice_date(clause):
        raise missing_invoice_date_error(v, clause, "invoice_date")
    for variant in reading_variants(clause)[0].values():
        annual_rules(variant.rule)
        delay_offset(variant)

    def one(variant: LatePayment) -> LatePaymentResult:
        return _compute(v, variant, cents, due_day, paid_day, invoice_day)

    return over_readings(clause, one, reading=reading)


__all__ = ["DelayPeriod", "LatePaymentResult", "late_payment"]
