"""Fees and one-off charges: time and materials, management fee, minimum billing, deposits,
overrun surcharge, VAT, recruitment fee and the non-solicitation penalty.

Each function reads the vendor's ``fees`` (or ``non_solicitation``) clauses of the kind it
computes, and returns a :class:`FeeResult`: the fee in euros and cents, its working and the
clause it comes from. Amounts are computed exactly (cents times basis points, as fractions)
and rounded once, half-up, to the cent at the end.

Decisions this module takes (each is repeated where it applies):

- Time and materials: an hourly fee with ``increment_minutes`` bills every started increment
  (ioSmart: « Chaque demi-heure commencée est due »: 61 minutes are 3 half-hours); without an
  increment the time is billed prorata to the minute. The urgent mark-up (ioSmart « majoration
  de 25 % ») applies to the billed (rounded) time, since it marks up the price of the
  intervention and the intervention is billed by started half-hours. A minimum per unit
  (Teogest « minimum de facturation de 70 € H.T. par dossier annuel restauré ») is tested on
  the whole job: ``max(time charge, files x minimum)``.
- Amounts a text dates and revises on an index (Teogest's hourly rates « tarif au
  30/10/2023 », its minimum billing « Au 1er janvier 2024 ») are used as stated; revising them
  is the price module's job, and the functions take the revised figure as ``rate=`` /
  ``minimum=``.
- Overrun surcharge (GOUT 5AB2): one invoice of 5 % of the initial quote per month started
  once the project has run more than 90 days (or 84 days under the 12-week reading).
- Non-solicitation of a subcontractor (Leappy art. 17): « douze (12) mois - entendu à taux
  plein de 5 jours par semaine » is read two ways, both computed: 52 weeks x 5 days = 260 days
  of service, or the text's own full-time year of 225 days (art. 7.1); the vendor file's
  ``service_days_per_year`` under each reading.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    choose,
    clause_of,
    euros,
    money,
    over_readings,
)
from cgvlib.arithmetic.working_words import (
    Worded,
    colon,
    day_words,
    decimal_words,
    duration_said,
    eur,
    file_words,
    month_words,
    named,
)
from cgvlib.dates import as_date, as_month
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, Said
from cgvlib.model.fees import Fee
from cgvlib.model.vendor import Vendor
from cgvlib.money import percent_fraction, round_half_up, to_cents
from cgvlib.reference.months import add_months, started_months


@dataclass(frozen=True, kw_only=True)
class FeeResult(Result):
    """One fee: ``amount`` (euros) / ``amount_cents``, and what it is.

    ``fee``: the fee's name in the vendor file; ``total`` / ``total_cents``: the amount billed
    with this fee where that is meaningful (the invoice topped up to the minimum, the price
    with VAT), else None; ``quantity`` and ``quantity_unit``: what was counted (3 half-hours,
    2 months, 260 days); ``due``: False when the fee's condition does not hold (amount 0);
    ``optional``: the vendor may charge it but need not (« pourra », « peut être demandé »);
    ``example``: the text gives the figure only as an example (« par exemple »).
    """

    fee: str
    amount: Decimal
    amount_cents: int
    total: Decimal | None = None
    total_cents: int | None = None
    quantity: Decimal | None = None
    quantity_unit: str | None = None
    due: bool = True
    optional: bool = False
    example: bool = False

    def headline(self, lang: str = "en") -> str:
        parts = [file_words(self.fee), Said(colon), eur(self.amount_cents)]
        if self.quantity is not None:
            parts.append(Joined((" [", decimal_words(self.quantity), " ",
                                 unit_words(self.quantity_unit), "]")))
        if self.total_cents is not None:
            parts.append(Phrase(" (total {total})", total=eur(self.total_cents)))
        if not self.due:
            parts.append(Phrase(" (not due)"))
        if self.example:
            parts.append(Phrase(" (the text's figure is only an example)"))
        elif self.optional:
            parts.append(Phrase(" (at the vendor's option)"))
        return Joined(parts).say(lang)


_UNIT_WORDS = {"minutes": Phrase("minutes"), "months": Phrase("months"),
               "days": Phrase("days", "unit")}


def unit_words(unit: str):
    """What a fee counted, to be said in the reader's language: a unit of the library
    (``minutes``, ``months``, ``days``), a unit built with its count (``30-minute
    increments``), or a vendor file's own word."""
    if isinstance(unit, Worded):
        return unit
    return _UNIT_WORDS.get(unit) or file_words(unit)


# --------------------------------------------------------------------------- shared helpers


def _count(value, name: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool):
        raise InputError(f"{name}: expected a whole number, got {value!r}")
    try:
        n = operator.index(value)
    except TypeError:
        raise InputError(f"{name}: expected a whole number, got {type(value).__name__} "
                         f"{value!r}") from None
    if n < minimum:
        raise InputError(f"{name}: {n} is below {minimum}; give a whole number >= {minimum}")
    return n


def _fees(v: Vendor, kind: str, what: str) -> list[Fee]:
    found = [f for f in v.fees if f.kind == kind]
    if not found:
        raise InputError(f"{v.name}'s terms state no {what}, so there is nothing to compute")
    return found


def _choose(v: Vendor, fees: list[Fee], which, what: str) -> Fee:
    """One fee among ``fees``: ``which`` is its index, or words all found in its name, base and
    condition; None only when there is one."""
    return choose(fees, which, argument="which", what=f"{v.name} {what}",
                  label=lambda f: " ".join(filter(None, (f.name, f.base, f.when))))[1]


def _is_example(fee: Fee) -> bool:
    """The model has no flag for a figure given as an example: the quote's « par exemple »."""
    return "par exemple" in fee.source.quote.lower()


def _result(v: Vendor, fee: Fee, cents: int, working: list[str], **more) -> FeeResult:
    if fee.note:
        working = [*working, Worded(Phrase("note: {note}", note=file_words(fee.note)))]
    sources = more.pop("sources", (fee.source,))
    return FeeResult(vendor=v.name, fee=fee.name, amount=euros(cents), amount_cents=cents,
                     working=tuple(working), sources=tuple(sources),
                     optional=more.pop("optional", fee.optional),
                     example=more.pop("example", _is_example(fee)), **more)


# --------------------------------------------------------------------------- time and materials


def time_and_materials(vendor, minutes, *, urgent=False, which=None, files=1, rate=None,
                       reading=None) -> FeeResult:
    """The price of ``minutes`` of work billed at an hourly fee (intervention en régie).

    ioSmart (« Devis et commande »): « Le taux horaire standard est de 88,00 € HT/heure [...]
    Chaque demi-heure commencée est due »: ceil(minutes / 30) half-hours at 44.00 EUR, so 61
    minutes are 3 half-hours, 132.00 EUR. « Toute intervention qualifiée d'urgente [...]
    pourra faire l'objet d'une majoration de 25 % »: with ``urgent=True`` the 25 % is applied
    to the billed (rounded) time: 132.00 x 1.25 = 165.00 EUR (the vendor's option, applied at
    its maximum).

    Teogest (``which`` chooses the fee): restore of a backup, annexe 2 D.2, « au temps passé au
    tarif horaire de 130 € H.T [...] avec un minimum de facturation de 70 € H.T. par dossier
    annuel restauré »; reversibility assistance, annexe 3, « au tarif horaire de 200 € H.T ».
    No increment is stated: the time is billed prorata to the minute (61 minutes at 130 EUR/h
    = 132.1666... -> 132.17 EUR). ``files``: the yearly files restored; the minimum is tested on
    the whole job, ``max(time charge, files x 70 EUR)``. Both rates are « tarif au 30/10/2023
    qui sera révisé selon l'indice Syntec »: pass the revised rate as ``rate`` (euros per
    hour), else the rate stated is used and the working says so.
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "hourly", "hourly fee"), which, "hourly fee")
    mins = _count(minutes, "minutes")
    n_files = _count(files, "files", minimum=1)
    if not isinstance(urgent, bool):
        raise InputError(f"urgent: expected True or False, got {urgent!r}")
    surcharges = [f for f in v.fees if f.kind == "surcharge"] if urgent else []
    if urgent and not surcharges:
        raise InputError(f"urgent: {v.name}'s terms state no mark-up for urgent work")
    rate_c = None if rate is None else amount_cents(rate, "rate")

    def one(fee: Fee) -> FeeResult:
        hourly = to_cents(fee.amount) if rate_c is None else rate_c
        working = [Worded(Joined((
            Phrase("hourly rate {rate} excl. VAT", rate=eur(hourly)),
            Phrase(" (given by the caller)") if rate_c is not None else "",
            Phrase(", stated as at {day}", day=day_words(fee.as_of))
            if fee.as_of and rate_c is None else "")))]
        if fee.increment_minutes:
            step = fee.increment_minutes
            steps = -(-mins // step)
            billed = steps * step
            working.append(Worded(Phrase("{minutes} minutes: {steps} started increment(s) of "
                                         "{step} minutes billed = {billed} minutes",
                                         minutes=mins, steps=steps, step=step, billed=billed)))
            quantity = Decimal(steps)
            unit = Worded(Phrase("{step}-minute increments", step=step))
        else:
            billed = mins
            working.append(Worded(Phrase("{minutes} minutes billed prorata to the minute (no "
                                         "increment stated)", minutes=mins)))
            quantity, unit = Decimal(mins), "minutes"
        charge = Fraction(hourly * billed, 60)
        shown = eur(round_half_up(charge))
        working.append(Worded(Phrase("time charge: {rate} x {billed} / 60 = {charge}",
                                     rate=eur(hourly), billed=billed, charge=shown)))
        if fee.minimum is not None:
            floor = to_cents(fee.minimum) * n_files
            working.append(Worded(Phrase("minimum {minimum} per {per} x {files} = {floor}",
                                         minimum=eur(to_cents(fee.minimum)),
                                         per=file_words(fee.per) if fee.per else Phrase("job"),
                                         files=n_files, floor=eur(floor))))
            if charge < floor:
                charge = Fraction(floor)
                working.append(Worded(Phrase("the minimum applies")))
        elif n_files != 1:
            raise InputError(f"files: {fee.name!r} has no minimum per file; leave files=1")
        sources = [fee.source]
        for s in surcharges:
            charge *= 1 + percent_fraction(s.percent)
            sources.append(s.source)
            working.append(Worded(
                Phrase("urgent: + {percent} % on the billed time ({name}; optional, applied)",
                       percent=decimal_words(s.percent), name=file_words(s.name))
                if s.optional else
                Phrase("urgent: + {percent} % on the billed time ({name}; applied)",
                       percent=decimal_words(s.percent), name=file_words(s.name))))
        cents = round_half_up(charge)
        working.append(Worded(Phrase("amount: {amount} excl. VAT", amount=eur(cents))))
        return _result(v, fee, cents, working, quantity=quantity, quantity_unit=unit,
                       sources=sources)

    return over_readings(chosen, one, reading=reading)


# --------------------------------------------------------------------------- percentage fees


def management_fee(vendor, fees_excl_vat, *, reading=None) -> FeeResult:
    """A fee that is a percentage of the fees excluding VAT.

    JANQUOR art. 7: « Les frais de gestion du dossier sont arrêtés à 5% du montant total des
    honoraires HT. »: 5 % of ``fees_excl_vat``.
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "percent_of_fees", "management fee"), None, "management fee")
    base = amount_cents(fees_excl_vat, "fees_excl_vat")

    def one(fee: Fee) -> FeeResult:
        cents = round_half_up(base * percent_fraction(fee.percent))
        working = [Worded(Phrase("{percent} % of {base} ({what}) = {amount}",
                                 percent=decimal_words(fee.percent), base=eur(base),
                                 what=file_words(fee.base), amount=eur(cents)))]
        return _result(v, fee, cents, working)

    return over_readings(chosen, one, reading=reading)


def vat(vendor, amount_excl_vat, *, reading=None) -> FeeResult:
    """The VAT on ``amount_excl_vat`` at the rate the vendor's terms state.

    JANQUOR art. 4: « avec application du taux de TVA en vigueur (actuellement 20 %) »;
    GOUT 4 A: « Le montant applicable de TVA en France sur les prestations de services est de
    20% ». Vendors whose text states no rate (ioSmart, Teogest, Leappy) get a clear error.
    ``amount`` is the VAT; ``total`` the amount including VAT.
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "vat", "VAT rate"), None, "VAT rate")
    base = amount_cents(amount_excl_vat, "amount_excl_vat")

    def one(fee: Fee) -> FeeResult:
        cents = round_half_up(base * percent_fraction(fee.percent))
        working = [Worded(Phrase("VAT {percent} % of {base} = {amount}",
                                 percent=decimal_words(fee.percent), base=eur(base),
                                 amount=eur(cents))),
                   Worded(Phrase("total including VAT: {total}", total=eur(base + cents)))]
        return _result(v, fee, cents, working, total=euros(base + cents),
                       total_cents=base + cents)

    return over_readings(chosen, one, reading=reading)


# --------------------------------------------------------------------------- minimum billing


def minimum_billing(vendor, invoice_amount, month, *, minimum=None, reading=None) -> FeeResult:
    """The top-up that brings a month's invoice to the minimum billing.

    Teogest 14.3.3: « Au 1er janvier 2024 ce montant a été fixé à 130 € H.T. et est révisé au
    premier janvier de chaque année en fonction de l'indice Syntec ». ``amount`` is the
    top-up, ``max(0, minimum - invoice_amount)``; ``total`` the amount billed for the month.

    The stated minimum is used for the months from its date (``as_of``) up to its next
    revision (for Teogest, 2024-01 to 2024-12). Outside that span the minimum in force is not
    the text's figure: give it as ``minimum`` (euros; the revised figure is the price module's
    job), else the error says so. ``month``: 'YYYY-MM' or any date in the month.
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "minimum_billing", "minimum billing"), None, "minimum billing")
    invoice = amount_cents(invoice_amount, "invoice_amount")
    first_day = as_month(month, "month")
    given = None if minimum is None else amount_cents(minimum, "minimum")

    def one(fee: Fee) -> FeeResult:
        working = [Worded(Phrase("invoice for {month}: {amount} excl. VAT",
                                 month=month_words(first_day), amount=eur(invoice)))]
        if given is not None:
            floor = given
            working.append(Worded(Phrase("minimum {minimum} (given by the caller)",
                                         minimum=eur(floor))))
        else:
            floor = to_cents(fee.amount)
            _check_in_force(v, fee, first_day)
            working.append(Worded(Phrase("minimum {minimum} per {per}, as stated at {day}",
                                         minimum=eur(floor), per=file_words(fee.per),
                                         day=day_words(fee.as_of))))
        top_up = max(0, floor - invoice)
        working.append(Worded(Phrase("top-up: max(0, {floor} - {invoice}) = {top_up}; billed "
                                     "{billed}", floor=eur(floor), invoice=eur(invoice),
                                     top_up=eur(top_up), billed=eur(invoice + top_up))))
        return _result(v, fee, top_up, working, total=euros(invoice + top_up),
                       total_cents=invoice + top_up, due=top_up > 0)

    return over_readings(chosen, one, reading=reading)


def _check_in_force(v: Vendor, fee: Fee, first_day: dt.date) -> None:
    """The stated amount applies from its date until the vendor's next revision date."""
    if fee.as_of is None:
        return
    if first_day < fee.as_of.replace(day=1):
        raise InputError(f"month: the text states the {fee.name} from {fee.as_of} only; for "
                         f"{first_day:%Y-%m} give the minimum in force as minimum=")
    revision = _next_revision(v, fee.as_of)
    if revision is not None and first_day >= revision:
        raise InputError(f"month: the {money(to_cents(fee.amount))} minimum stated at "
                         f"{fee.as_of} is revised on {revision} on the index the text names; for "
                         f"{first_day:%Y-%m} compute the revised minimum with the price-revision "
                         "functions and pass it as minimum=")


def _next_revision(v: Vendor, after: dt.date) -> dt.date | None:
    """The first revision date after ``after`` of a price revision applying to a minimum."""
    dates = []
    for rev in v.price_revision:
        if not any("minimum" in a.lower() for a in rev.applies_to) or not rev.months:
            continue
        day = rev.day or 1
        for year in (after.year, after.year + 1):
            dates += [dt.date(year, m, day) for m in rev.months if dt.date(year, m, day) > after]
    return min(dates, default=None)


# --------------------------------------------------------------------------- deposits


def deposit(vendor, quote_amount, *, which=None, slip_days=None, reading=None) -> FeeResult:
    """A deposit (acompte) on a quote.

    GOUT 5AB2: « Celui-ci correspond à 50% du montant du devis » (website design, on
    acceptance); « En cas de dépassement de planning de plus de deux semaines, [...] un second
    acompte de 50% serait demandé » (``which="second"``; needs ``slip_days``, the overrun of
    the schedule in days: due only when more than 14); 5 C: « en cas de devis supérieur à cinq
    cent euros (500) euros, un acompte de 50% peut être demandé » (``which="security"``: not
    due for a quote of 500 EUR or less).

    ioSmart (« Paiement »): « d'exiger un acompte (par exemple 30 %) »: the 30 % is an
    example, not a rate the text sets; the result says so (``example=True``).
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "deposit", "deposit"), which, "deposit")
    quote = amount_cents(quote_amount, "quote_amount")
    slip = None if slip_days is None else _count(slip_days, "slip_days")

    def one(fee: Fee) -> FeeResult:
        working = [Worded(Phrase("{name}: {percent} % of the quote {quote}",
                                 name=file_words(fee.name), percent=decimal_words(fee.percent),
                                 quote=eur(quote)))]
        due = True
        threshold = _threshold(fee)
        if threshold is not None and quote <= threshold:
            due = False
            working.append(Worded(Phrase("not due: the quote is not above {threshold} ({when})",
                                         threshold=eur(threshold), when=file_words(fee.when))))
        if fee.after is not None:
            limit = _days(fee.after, "after")
            if slip is None:
                raise InputError(f"slip_days: the {fee.name!r} is due only when the schedule "
                                 f"overruns by more than {fee.after}; give the overrun in days")
            working.append(Worded(Joined((
                Phrase("schedule overrun {slip} days; due when more than {limit} days",
                       slip=slip, limit=limit),
                Joined((" (", file_words(fee.when), ")")) if fee.when else ""))))
            due = due and slip > limit
        cents = round_half_up(quote * percent_fraction(fee.percent)) if due else 0
        if _is_example(fee):
            working.append(Worded(Phrase("{percent} % is an example the text gives (« par "
                                         "exemple »), not a rate it sets",
                                         percent=decimal_words(fee.percent))))
        working.append(Worded(Phrase("deposit: {amount}", amount=eur(cents))))
        return _result(v, fee, cents, working, due=due)

    return over_readings(chosen, one, reading=reading)


def _threshold(fee: Fee) -> int | None:
    """A quote threshold written in the fee's condition, « above N EUR », in cents."""
    m = re.search(r"above (\d+(?:\.\d+)?) EUR", fee.when or "")
    return to_cents(m.group(1)) if m else None


def _days(duration, name: str) -> int:
    if duration.unit in ("calendar_days", "weeks") and duration.value % 1 == 0:
        return int(duration.value) * (7 if duration.unit == "weeks" else 1)
    raise InputError(f"{name}: a duration of {duration} cannot be counted in calendar days here")


# --------------------------------------------------------------------------- overrun surcharge


def overrun_surcharge(vendor, quote_amount, project_start, at, *, reading=None) -> FeeResult:
    """The surcharge billed, up to date ``at``, on a project that runs past its limit.

    GOUT 5AB2 (« Surfacturation en cas de dépassement »): « Pour le cas où le projet se verrait
    étalé sur une période supérieure à quatre-vingt-dix (90) jours, une facture supplémentaire
    de 5% du devis initial sera établie chaque mois ». The same article notifies the client at
    week eight « de cette possibilité de surfacturation au-delà de 12 semaines »: the file
    keeps both readings, ``ninety_days`` (default) and ``twelve_weeks`` (84 days).

    Counting (decided here): the project has run ``(at - project_start).days`` days; it runs
    past 90 days from day 91, ``project_start + 91 days``. From that day one invoice is due per
    month started, months counted on the anniversaries of that day
    (:func:`~cgvlib.reference.months.started_months`): for a start on 2024-01-01, day 91 is
    2024-04-01; at 2024-03-31 nothing is due, at 2024-04-01 one month (5 %), at 2024-05-01
    two. ``amount`` = months x 5 % x the initial quote.
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "recurring_surcharge", "overrun surcharge"), None,
                     "overrun surcharge")
    quote = amount_cents(quote_amount, "quote_amount")
    start = as_date(project_start, "project_start")
    end = as_date(at, "at")
    if end < start:
        raise InputError(f"at: {end} is before project_start {start}")

    def one(fee: Fee) -> FeeResult:
        limit = _days(fee.after, "after")
        first = start + dt.timedelta(days=limit + 1)
        ran = (end - start).days
        working = [Worded(Phrase("project from {start} to {end}: {days} days",
                                 start=day_words(start), end=day_words(end), days=ran)),
                   Worded(Phrase("surcharged once it runs more than {after} ({limit} days): from "
                                 "day {day}, {first}", after=duration_said(fee.after),
                                 limit=limit, day=limit + 1, first=day_words(first)))]
        months = started_months(first, end) if end >= first else 0
        if months:
            working.append(Worded(Phrase(
                "months started from {first} to {end}: {months} (each started month is one "
                "invoice; the next starts on {next})", first=day_words(first),
                end=day_words(end), months=months, next=day_words(add_months(first, months)))))
        else:
            working.append(Worded(Phrase("not past the limit: nothing to bill")))
        cents = round_half_up(quote * percent_fraction(fee.percent) * months)
        working.append(Worded(Phrase("{months} x {percent} % x {quote} ({what}) = {amount}",
                                     months=months, percent=decimal_words(fee.percent),
                                     quote=eur(quote), what=file_words(fee.base),
                                     amount=eur(cents))))
        return _result(v, fee, cents, working, quantity=Decimal(months),
                       quantity_unit="months", due=months > 0)

    return over_readings(chosen, one, reading=reading)


# --------------------------------------------------------------------------- hiring


def recruitment_fee(vendor, annual_fixed_pay=None, daily_rate=None, *, reading=None) -> FeeResult:
    """The fee for hiring a consultant the vendor presented.

    Leappy art. 7.1: « Le pourcentage est de 25% de la Rémunération Annuelle Fixe Totale du
    Consultant. En cas d'impossibilité d'évaluer la Rémunération Annuelle Fixe Totale du
    Consultant, il sera retenu le montant d'une prestation pour ce même consultant à temps
    complet chez un client pour une durée de un an soit 225 jours. » Give
    ``annual_fixed_pay`` (the first year's fixed pay), or, when it cannot be assessed, the
    consultant's ``daily_rate``; with both the pay is used (the daily rate is the fallback).
    Payable « dans les quatorze (14) jours à compter de la date d'émission de la facture ».
    """
    v = as_vendor(vendor)
    chosen = _choose(v, _fees(v, "recruitment", "recruitment fee"), None, "recruitment fee")
    pay = None if annual_fixed_pay is None else amount_cents(annual_fixed_pay, "annual_fixed_pay")
    rate = None if daily_rate is None else amount_cents(daily_rate, "daily_rate")
    if pay is None and rate is None:
        raise InputError("give annual_fixed_pay (the consultant's first-year fixed pay) or, "
                         "when it cannot be assessed, daily_rate (the consultant's daily rate)")
    terms = [t for t in v.payment_terms if "recruit" in t.applies_to.lower()]

    def one(fee: Fee) -> FeeResult:
        if pay is not None:
            cents = round_half_up(pay * percent_fraction(fee.percent))
            working = [Worded(Phrase("{percent} % of the first-year fixed pay {pay} = {amount}",
                                     percent=decimal_words(fee.percent), pay=eur(pay),
                                     amount=eur(cents)))]
            if rate is not None:
                working.append(Worded(Phrase("{name} not used: it applies only when the pay "
                                             "cannot be assessed", name=named("daily_rate"))))
        else:
            cents = rate * fee.days
            working = [Worded(Phrase("pay cannot be assessed: {days} days x {rate} = {amount}",
                                     days=fee.days, rate=eur(rate), amount=eur(cents)))]
        working += [Worded(Phrase("payable: {days} days after the invoice (art. {article})",
                                  days=t.days, article=t.source.article))
                    for t in terms if t.days]
        return _result(v, fee, cents, working,
                       sources=(fee.source, *(t.source for t in terms)))

    return over_readings(chosen, one, reading=reading)


def non_solicitation_penalty(vendor, monthly_gross_salary=None, *, who="employees",
                             daily_rate=None, reading=None) -> FeeResult:
    """The penalty for hiring (or soliciting) the other party's staff.

    Teogest art. 23: « une somme forfaitaire égale à 6 (six) fois la rémunération brute
    mensuelle du salarié au moment de son départ »: 6 x ``monthly_gross_salary``.

    Leappy art. 17, employees: « une indemnité égale à douze (12) mois de salaire brut du
    salarié embauché »: 12 x ``monthly_gross_salary``. Subcontractors (``who=
    "subcontractors"``): « une somme égale à douze (12) mois - entendu à taux plein de 5 jours
    par semaine [...] - de prestation fournie par le sous-traitant sollicité »: the clause's
    months x ``service_days_per_year`` / 12 days at ``daily_rate``. Two readings, both
    computed: ``weeks_of_five_days``, 52 weeks x 5 days = 260 days (260 x ``daily_rate``), and
    ``text_year_225_days``, the text's own full-time year « pour une durée de un an soit 225
    jours » (art. 7.1; 225 x ``daily_rate``), the default (Code civil art. 1190: the smaller
    penalty, against Leappy who drafted the terms). The text's « ou calculé au prorata en cas
    de projet » (a fixed-price project) is not modelled. Both are clauses pénales a judge may
    moderate (Code civil art. 1231-5).
    """
    v = as_vendor(vendor)
    clauses = clause_of(v, "non_solicitation", "non-solicitation")
    found = [c for c in clauses if c.applies_to == who]
    if not found:
        covered = ", ".join(sorted({c.applies_to for c in clauses}))
        raise InputError(f"who: {v.name}'s non-solicitation clause covers {covered}, not {who!r}")
    clause = found[0]

    def one(c) -> FeeResult:
        months = c.penalty_months
        sources = [c.source]
        if c.penalty_basis == "monthly_gross_salary":
            if monthly_gross_salary is None:
                raise InputError("monthly_gross_salary: give the employee's monthly gross pay "
                                 f"(the penalty is {months} months of it)")
            base = amount_cents(monthly_gross_salary, "monthly_gross_salary")
            cents = base * months
            working = [Worded(Phrase("{months} x monthly gross salary {base} = {amount}",
                                     months=months, base=eur(base), amount=eur(cents)))]
            quantity, unit = Decimal(months), "months"
        elif c.penalty_basis == "subcontractor_services":
            if daily_rate is None:
                raise InputError("daily_rate: give the subcontractor's daily rate (the penalty "
                                 f"is {months} months of its services at 5 days a week)")
            rate = amount_cents(daily_rate, "daily_rate")
            per_year = c.service_days_per_year
            days = Fraction(months * per_year, 12)
            cents = round_half_up(rate * days)
            shown_days = decimal_words(_fraction_text(days))
            working = [Worded(Phrase("{months} months of services at full time = {months} x "
                                     "{per_year} days a year / 12 = {days} days", months=months,
                                     per_year=per_year, days=shown_days)),
                       Worded(Phrase("{days} days x {rate} = {amount}", days=shown_days,
                                     rate=eur(rate), amount=eur(cents)))]
            # the text's own year of full-time services, where the file states one (Leappy art.
            # 7.1 « pour une durée de un an soit 225 jours »): cite it when this reading uses it
            year = [f for f in v.fees if f.kind == "recruitment" and f.days == per_year]
            if year:
                working.insert(1, Worded(Phrase("{days} days: the text's year of full-time "
                                                "services (art. {article})", days=per_year,
                                                article=year[0].source.article)))
                sources.append(year[0].source)
            quantity, unit = Decimal(days.numerator) / days.denominator, "days"
        else:
            raise InputError(f"{v.name}'s penalty basis {c.penalty_basis!r} is not computed here")
        working.append(Worded(Phrase("ban: during the contract and {duration} after {event}",
                                     duration=duration_said(c.duration),
                                     event=file_words(c.from_event))))
        if c.note:
            working.append(Worded(Phrase("note: {note}", note=file_words(c.note))))
        return FeeResult(vendor=v.name, fee=Worded(Phrase("non-solicitation penalty ({who})",
                                                          who=file_words(c.applies_to))),
                         amount=euros(cents), amount_cents=cents, working=tuple(working),
                         sources=tuple(sources), quantity=quantity, quantity_unit=unit)

    return over_readings(clause, one, reading=reading)


def _fraction_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):.2f}"


__all__ = [
    "FeeResult",
    "deposit",
    "management_fee",
    "minimum_billing",
    "non_solicitation_penalty",
    "overrun_surcharge",
    "recruitment_fee",
    "time_and_materials",
    "vat",
]
