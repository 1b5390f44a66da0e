"""The cap on the vendor's liability (plafond de responsabilité) at a date, from the client's
payment history.

The vendors' caps (``liability`` in the vendor files):

- JANQUOR art. 21: « la garantie serait limitée au montant payé par le client pour la
  fourniture des services »: every sum paid up to ``at``. Whether VAT counts is not said:
  readings ``vat_included`` (default, Code civil art. 1190: the higher cap) and ``excl_vat``.
- ioSmart (« Responsabilité »): « strictement limitée au montant total hors taxes effectivement
  payé par le Client au titre de la commande concernée » (give ``order``; « ou de la période
  contractuelle »: tag the period's payments with one order label); for an ongoing
  relation (no ``order``): « plafonnée au montant cumulé des sommes facturées et encaissées au
  cours des douze (12) derniers mois précédant la survenance du fait générateur ». Two
  ambiguities, each computed with the other at its default: whether VAT counts (readings
  ``self=vat_included``, the default, and ``self=excl_vat``) and which days the 12 months
  cover (``period=before_event_day``, ``period=calendar_months``; the default window is
  ``to_event_day``; see Windows below).
- Leappy art. 9: « la moitié de la somme totale hors taxes effectivement payée »: half of the
  sums paid up to ``at``. The text counts them « Pour l'ensemble de la mission » when the
  mission is paid in one go after the initial advance, « Depuis la signature du contrat jusqu'à
  la phase génératrice de l'action en responsabilité » when paid in instalments. Either way
  only sums actually paid count: pass as ``at`` the event giving rise to the claim (instalments)
  or the date the cap is assessed (whole mission), and ``order`` to keep one mission's
  payments.
- GOUT art. 10: « limitée à la moitié de la somme totale effectivement payée par le Client pour
  le service fourni par le Prestataire à la date de la réclamation »: half of the sums paid up
  to ``at``, the date of the claim (``order``: the service concerned). VAT: readings
  ``vat_included`` (default, the higher cap) and ``excl_vat``, as for JANQUOR.
- Teogest art. 18.2: « strictement limité au remboursement du montant des sommes effectivement
  payées par le Client à la date de survenance du fait générateur de responsabilité, par poste
  Utilisateur, par jour d'interruption sur la moyenne de consommation des 6 (six) derniers
  mois »: needs ``users`` (the user posts of the subscription), ``interruption_days`` and
  optionally ``affected_users`` (default: all). Two readings:

  * ``daily_average_all_users`` (default): the average daily payment of the last 6 months
    times the days of interruption: sum x days / (days in the 6-month window);
  * ``per_affected_user_per_day``: the average monthly payment of the last 6 months, per user
    and per day of the month of ``at``, times the users affected and the days of
    interruption: sum / 6 / users / (days in the month of ``at``) x affected x days.

Payments (``payments``), accepted shapes:

- a pandas DataFrame with columns ``date`` and ``amount``, and optionally ``order``,
  ``invoiced`` (the invoice date) and ``vat`` (the VAT paid with that sum, in euros);
- a sequence of tuples ``(date, amount)``, ``(date, amount, order)``, ``(date, amount, order,
  invoiced)`` or ``(date, amount, order, invoiced, vat)``;
- a sequence of mappings with those keys.

VAT. ``amount`` is the sum paid (euros, 0 or more: net a refund against the payment it
refunds), **excluding VAT** by default; ``amounts="incl_vat"`` says the amounts include VAT
(what left the client's account). ``vat`` is the VAT paid with that sum, in euros (optional).
Each reading of a cap counts the sums excluding VAT (``excl_vat``), including it
(``vat_included``), or as given when the text does not say and the file records no readings.
A sum is moved from one side to the other with its own ``vat`` when given; otherwise at a rate:
``vat_percent`` when given, else the rate the vendor's file states (JANQUOR art. 4 and GOUT 4 A:
20 %; the result then cites it); ioSmart, Teogest and Leappy state none, so the caller gives
one. At a rate r, a sum excluding VAT x includes x (1 + r); a sum including VAT y excludes
y / (1 + r). Every figure is exact (fractions of a cent) until the one half-up rounding of the
cap, so the cap with VAT is never below the cap without it.

Windows. Dates have no time of day, so a payment on the day of ``at`` counts where the window
ends on ``at``. The cap on « les douze (12) derniers mois précédant la survenance » (ioSmart)
has three readings of its days, for an event on ``at`` = E (:class:`~cgvlib.model.obligations.
CapPeriod`): ``to_event_day`` (default), the day after E - 12 months to E (E = 2024-06-15:
2023-06-16 .. 2024-06-15; a payment exactly 12 months before is out, one on E is in);
``before_event_day``, E - 12 months to the day before E (2023-06-15 .. 2024-06-14: the other way
round); ``calendar_months``, the 12 whole calendar months before E's month (2023-06-01 ..
2024-05-31). E - 12 months is clamped to the month's end (E = 2024-02-29: 2023-02-28). A sum
counts only if both its invoice date (``invoiced``) and its payment date fall in the window
(« facturées et encaissées »). When the readings give different caps, the working names the
highest (Code civil art. 1190 picks no window once for all: it depends on the dates). The
6 months of Teogest are counted as ``to_event_day``.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    clause_of,
    euros,
    money,
    over_readings,
)
from cgvlib.arithmetic.frame_inputs import amount_column, check_frame, date_column
from cgvlib.arithmetic.working_words import (
    Worded,
    day_words,
    decimal_words,
    eur,
    file_words,
    month_words,
    named,
)
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.base import Source
from cgvlib.model.obligations import LiabilityCap
from cgvlib.model.vendor import Vendor
from cgvlib.money import BP_PER_UNIT, bp_to_percent, percent_to_bp, round_half_up
from cgvlib.reference.months import months_before, start_of_month

COLUMNS = ("date", "amount", "order", "invoiced", "vat")
_PER_USER = "per_user_per_day_6_month_average"
_TRAILING = "trailing_12_months_invoiced_and_collected"
_METHODS = ("daily_average_all_users", "per_affected_user_per_day")
AMOUNTS = ("excl_vat", "incl_vat")


@dataclass(frozen=True)
class Payment:
    """One payment, validated: ``paid`` date, ``cents`` (excl. or incl. VAT, as the caller's
    ``amounts`` says), and the optional fields."""

    paid: dt.date
    cents: int
    order: object = None
    invoiced: dt.date | None = None
    vat_cents: int | None = None


@dataclass(frozen=True, kw_only=True)
class LiabilityResult(Result):
    """The cap: ``cap`` (euros) / ``cap_cents``; ``basis``: how it is counted, in words, and
    ``basis_kind`` the model's code; ``applies_to``: the clause's scope; the payments counted
    (``payments_counted``, ``payments_sum`` / ``payments_sum_cents``, VAT included when
    ``vat_included``), the window they were taken from (``window_start``, None when it is
    "from the start", and ``window_end``, both included) and the ``multiplier``;
    ``vat_percent``: the VAT rate used to move sums across VAT (None when none was needed or
    every sum carried its ``vat``)."""

    cap: Decimal
    cap_cents: int
    basis: str
    basis_kind: str
    applies_to: str
    payments_counted: int
    payments_sum: Decimal
    payments_sum_cents: int
    window_start: dt.date | None
    window_end: dt.date
    multiplier: Decimal
    vat_included: bool
    vat_percent: Decimal | None = None

    def headline(self, lang: str = "en") -> str:
        said = dict(cap=eur(self.cap_cents), basis=self.basis, count=self.payments_counted,
                    total=eur(self.payments_sum_cents))
        return (Phrase("liability cap {cap} ({basis}; {count} payment(s), {total} incl. VAT)",
                       **said) if self.vat_included else
                Phrase("liability cap {cap} ({basis}; {count} payment(s), {total} excl. VAT)",
                       **said)).say(lang)


# --------------------------------------------------------------------------- payments


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _order_key(value):
    """Orders compare by their text; 3.0 (from a DataFrame column with gaps) reads as 3."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def payments_of(payments) -> tuple[Payment, ...]:
    """Validate ``payments`` (a DataFrame, or a sequence of tuples or mappings; see the module
    docstring) into :class:`Payment` records, with errors naming the row and the field."""
    if isinstance(payments, pd.DataFrame):
        return _frame_payments(payments)
    if isinstance(payments, (str, bytes, Mapping)) or not isinstance(payments, Sequence):
        raise InputError(
            "payments: expected a pandas DataFrame (columns date, amount[, order, invoiced, vat])"
            " or a list of (date, amount[, order, invoiced, vat]) tuples, got "
            f"{type(payments).__name__}")
    return tuple(_payment(i, row) for i, row in enumerate(payments))


def _frame_payments(frame: pd.DataFrame) -> tuple[Payment, ...]:
    """A DataFrame's payments, each column checked at once
    (:mod:`~cgvlib.arithmetic.frame_inputs`): errors name the column and the first rows.
    ``invoiced``, ``vat`` and ``order`` may be missing on a row (not given); an empty frame
    has no payment."""
    check_frame(frame, "payments", ("date", "amount"), ("order", "invoiced", "vat"),
                closed=True)
    days, _ = date_column(frame["date"], "payments['date']",
                          missing_advice="every payment needs a date and an amount")
    cents, _ = amount_column(frame["amount"], "payments['amount']")
    n = len(frame)
    invoiced, no_invoice = (date_column(frame["invoiced"], "payments['invoiced']",
                                        allow_missing=True) if "invoiced" in frame
                            else (np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)))
    vat, no_vat = (amount_column(frame["vat"], "payments['vat']", allow_missing=True)
                   if "vat" in frame else (np.zeros(n, dtype=np.int64), np.ones(n, dtype=bool)))
    orders = frame["order"].tolist() if "order" in frame else [None] * n
    paid_days = days.astype("datetime64[D]").tolist()
    invoice_days = invoiced.astype("datetime64[D]").tolist()
    return tuple(
        Payment(paid=paid_days[i], cents=int(cents[i]),
                order=None if _missing(orders[i]) else _order_key(orders[i]),
                invoiced=None if no_invoice[i] else invoice_days[i],
                vat_cents=None if no_vat[i] else int(vat[i]))
        for i in range(n))


def _payment(i: int, row) -> Payment:
    where = f"payments[{i}]"
    if isinstance(row, Mapping):
        unknown = [str(k) for k in row if k not in COLUMNS]
        if unknown:
            raise InputError(f"{where}: unknown key(s) {unknown}; valid keys: {list(COLUMNS)}")
        fields = dict(row)
    elif isinstance(row, (tuple, list)):
        if not 2 <= len(row) <= len(COLUMNS):
            raise InputError(f"{where}: expected (date, amount[, order, invoiced, vat]), got "
                             f"{len(row)} value(s): {row!r}")
        fields = dict(zip(COLUMNS, row, strict=False))
    else:
        raise InputError(f"{where}: expected a tuple (date, amount[, order, invoiced, vat]) or a "
                         f"mapping, got {type(row).__name__} {row!r}")
    for name in ("date", "amount"):
        if _missing(fields.get(name)):
            raise InputError(f"{where}.{name}: missing; every payment needs a date and an amount")
    invoiced = fields.get("invoiced")
    vat = fields.get("vat")
    order = fields.get("order")
    return Payment(
        paid=as_date(fields["date"], f"{where}.date"),
        cents=amount_cents(fields["amount"], f"{where}.amount"),
        order=None if _missing(order) else _order_key(order),
        invoiced=None if _missing(invoiced) else as_date(invoiced, f"{where}.invoiced"),
        vat_cents=None if _missing(vat) else amount_cents(vat, f"{where}.vat"),
    )


# --------------------------------------------------------------------------- choosing the cap


def _cap_clause(v: Vendor, order) -> LiabilityCap:
    clauses = clause_of(v, "liability", "a liability cap")
    caps = [c for c in clauses if c.basis != "unstated"]
    if not caps:
        raise InputError(f"{v.name}'s liability clauses set no amount cap: "
                         + "; ".join(f"{c.applies_to} ({c.note or c.source.quote})"
                                     for c in clauses))
    if order is not None:
        per_order = [c for c in caps if c.basis == "order_amount_paid"]
        return (per_order or caps)[0]
    usable = [c for c in caps if c.basis != "order_amount_paid"]
    if not usable:
        raise InputError(f"order: {v.name}'s cap is the amount paid for the order concerned "
                         f"(« {caps[0].source.quote} »); give the order's id")
    return usable[0]


def _window(c: LiabilityCap, day: dt.date) -> tuple[dt.date | None, dt.date]:
    """The first and last days (both included) of the payments the cap counts for an event
    on ``day``; the first is None when the cap counts every payment up to ``day``."""
    if c.basis == _PER_USER:
        return months_before(day, 6) + dt.timedelta(days=1), day
    if c.period is None:
        return None, day
    months = c.period.months
    match c.period.counted:
        case "to_event_day":
            return months_before(day, months) + dt.timedelta(days=1), day
        case "before_event_day":
            return months_before(day, months), day - dt.timedelta(days=1)
        case "calendar_months":
            first_of_month = start_of_month(day)
            return months_before(first_of_month, months), first_of_month - dt.timedelta(days=1)
    raise ValueError(c.period.counted)


def _vat_rate(v: Vendor, vat_percent) -> tuple[int | None, Source | None]:
    """The VAT rate in basis points: ``vat_percent`` when given, else the one the vendor's file
    states (with its source), else None."""
    if vat_percent is not None:
        return percent_to_bp(vat_percent, "vat_percent"), None
    stated = [f for f in v.fees if f.kind == "vat"]
    if stated:
        fee = stated[0].default_reading()
        return percent_to_bp(fee.percent, "vat_percent"), fee.source
    return None, None


def _whole(value, name: str, *, minimum: int) -> int:
    try:
        if isinstance(value, bool):
            raise TypeError
        value = operator.index(value)
    except TypeError:
        raise InputError(f"{name}: expected a whole number, got {value!r}") from None
    if value < minimum:
        raise InputError(f"{name}: {value} is below {minimum}")
    return value


# --------------------------------------------------------------------------- entry point


def liability_cap(vendor, payments, at, *, order=None, users=None, affected_users=None,
                  interruption_days=None, vat_percent=None, amounts="excl_vat",
                  reading=None) -> LiabilityResult:
    """The cap on the vendor's liability at date ``at``, from the client's ``payments``.

    ``at``: the date the clause counts to (the event giving rise to liability, or the claim
    for GOUT); ``order``: keep the payments of one order, mission or service (ioSmart: selects
    the per-order cap; without it, the 12-month cap of an ongoing relation); ``users``,
    ``affected_users``, ``interruption_days``: Teogest's per-user, per-day cap; ``amounts``:
    ``"excl_vat"`` (default) or ``"incl_vat"``, how the payments' amounts are stated;
    ``vat_percent``: the VAT rate for moving a sum across VAT when it carries no ``vat`` (by
    default the rate the vendor's file states, if any). The payment shapes, VAT and the windows
    are in the module docstring. Every reading of an ambiguous cap is computed
    (``result.readings``); ``reading`` chooses the one shown.
    """
    v = as_vendor(vendor)
    day = as_date(at, "at")
    if amounts not in AMOUNTS:
        raise InputError(f"amounts: {amounts!r} is not valid; give 'excl_vat' (the payments' "
                         "amounts exclude VAT, the default) or 'incl_vat' (they include it)")
    clause = _cap_clause(v, order)
    rows = payments_of(payments)
    if order is not None and rows and all(p.order is None for p in rows):
        raise InputError("order: the payments carry no order; give them as (date, amount, order)"
                         " or with an 'order' column")
    per_user = None
    if clause.basis == _PER_USER:
        missing = [n for n, x in (("users", users), ("interruption_days", interruption_days))
                   if x is None]
        if missing:
            raise InputError(f"{', '.join(missing)}: {v.name}'s cap is counted « par poste "
                             "Utilisateur, par jour d'interruption »; give the number of user "
                             "posts (users) and the days of interruption (interruption_days)")
        n_users = _whole(users, "users", minimum=1)
        n_affected = n_users if affected_users is None else _whole(
            affected_users, "affected_users", minimum=0)
        if n_affected > n_users:
            raise InputError(f"affected_users: {n_affected} is more than users ({n_users})")
        per_user = (n_users, n_affected, _whole(interruption_days, "interruption_days",
                                                minimum=0))
    else:
        given = [n for n, x in (("users", users), ("affected_users", affected_users),
                                ("interruption_days", interruption_days)) if x is not None]
        if given:
            raise InputError(f"{', '.join(given)}: only used by a per-user, per-day cap "
                             f"(Teogest art. 18.2); {v.name}'s cap is {clause.basis}")
    vat = _vat_rate(v, vat_percent)
    variants, _ = reading_variants(clause)

    def one(c: LiabilityCap) -> LiabilityResult:
        name = next((n for n, r in variants.items() if r == c and len(variants) > 1), None)
        return _compute(v, c, name, rows, day, order, per_user, vat, amounts)

    result = over_readings(clause, one, reading=reading)
    return _name_the_highest(result)


def _name_the_highest(result: LiabilityResult) -> LiabilityResult:
    """When the readings give different caps, add a working line naming the highest."""
    caps = {name: r.cap_cents for name, r in result.readings.items()}
    if len(set(caps.values())) < 2:
        return result
    top = max(caps.values())
    names = Joined((named(n) for n, cents in caps.items() if cents == top), ", ")
    low = min(caps.values())
    line = Worded(Phrase("the readings give caps from {low} to {top}; the highest, {top}, "
                         "under {names}", low=eur(low), top=eur(top), names=names))
    return dataclasses.replace(result, working=(*result.working, line))


def _compute(v, c: LiabilityCap, name, rows, day, order, per_user, vat,
             amounts) -> LiabilityResult:
    working = []
    start, end = _window(c, day)
    counted = [p for p in rows if p.paid <= end and (start is None or p.paid >= start)]
    later = sum(1 for p in rows if p.paid > end)
    if order is not None:
        counted = [p for p in counted if p.order == _order_key(order)]
        working.append(Worded(Phrase("payments for order {order} only", order=repr(order))))
    if c.basis == _TRAILING:
        for p in counted:
            if p.invoiced is None:
                raise InputError(f"invoiced: the payment of {p.paid} has no invoice date; the cap "
                                 "counts sums « facturées et encaissées » in the window, so "
                                 "every payment needs its invoice date")
        counted = [p for p in counted if start <= p.invoiced <= end]
    window = (Phrase("from {start} to {end}", start=day_words(start), end=day_words(end))
              if start else Phrase("up to {end}", end=day_words(end)))
    if c.period is not None:
        working.append(Worded(Phrase("the {months} months counted {how}", months=c.period.months,
                                     how=_COUNTED[c.period.counted])))
    working.append(Worded(Joined((
        Phrase("payments {window} (both included): {count}", window=window, count=len(counted)),
        Phrase("; {later} payment(s) after {end} not counted", later=later, end=day_words(end))
        if later else ""))))

    total, vat_included, rate_used = _sum(v, c, name, counted, vat, amounts, working)
    if vat[0] is not None and vat[1] is None and not rate_used:
        working.append(Worded(Phrase("{name} not used: no sum had to be moved across VAT",
                                     name=named("vat_percent"))))
    sum_cents = round_half_up(total)
    working.append(Worded(Joined((Phrase("sum: {total}", total=eur(sum_cents)),
                                  Phrase(" (shown rounded; the cap uses the exact sum)")
                                  if total != sum_cents else ""))))

    cap = total * Fraction(c.multiplier)
    basis = _basis_words(c, window)
    if c.basis == _PER_USER:
        cap, basis = _per_user(c, name, cap, day, start, per_user, working)
    if c.multiplier != 1:
        working.append(Worded(Joined(("x ", decimal_words(c.multiplier)))))
    cents = round_half_up(cap)
    working.append(Worded(Phrase("cap: {cap}", cap=eur(cents))))
    if c.note:
        working.append(Worded(Phrase("note: {note}", note=file_words(c.note))))
    rate_bp, rate_source = vat
    sources = [c.source]
    if c.period is not None:
        sources.append(c.period.source)
    if rate_used and rate_source is not None:
        sources.append(rate_source)
    return LiabilityResult(
        vendor=v.name, working=tuple(working), sources=tuple(sources),
        cap=euros(cents), cap_cents=cents, basis=basis, basis_kind=c.basis,
        applies_to=c.applies_to, payments_counted=len(counted), payments_sum=euros(sum_cents),
        payments_sum_cents=sum_cents, window_start=start, window_end=end,
        multiplier=c.multiplier, vat_included=vat_included,
        vat_percent=bp_to_percent(rate_bp) if rate_used else None,
    )


_COUNTED = {
    "to_event_day": Phrase("day for day back from the event, the event day included"),
    "before_event_day": Phrase("day for day back from the event, the event day excluded"),
    "calendar_months": Phrase("as whole calendar months before the month of the event"),
}


def _sum(v, c: LiabilityCap, name, counted: list[Payment], vat, amounts: str,
         working: list[str]) -> tuple[Fraction, bool, bool]:
    """The counted sums on the cap's VAT footing: ``(total, vat_included, rate_used)``."""
    given_incl = amounts == "incl_vat"
    given = "including VAT" if given_incl else "excluding VAT"
    given_said = Phrase("including VAT") if given_incl else Phrase("excluding VAT")
    if c.excl_vat is None:
        working.append(Worded(Phrase("the text does not say whether VAT counts: the amounts are "
                                     "counted as given, {given}", given=given_said)))
        return Fraction(sum(p.cents for p in counted)), given_incl, False
    want_incl = c.excl_vat is False
    wanted = "including VAT" if want_incl else "excluding VAT"
    wanted_said = Phrase("including VAT") if want_incl else Phrase("excluding VAT")
    if want_incl == given_incl:
        working.append(Worded(Phrase("the sums are counted {wanted}, as the amounts are given",
                                     wanted=wanted_said)))
        return Fraction(sum(p.cents for p in counted)), want_incl, False
    rate_bp, rate_source = vat
    total = Fraction(0)
    rate_used = False
    for p in counted:
        if p.vat_cents is not None:
            if given_incl and p.vat_cents > p.cents:
                raise InputError(f"vat: the payment of {p.paid} carries VAT "
                                 f"{money(p.vat_cents)}, more than its amount including VAT "
                                 f"{money(p.cents)}")
            total += p.cents - p.vat_cents if given_incl else p.cents + p.vat_cents
        elif rate_bp is not None:
            rate_used = True
            total += (Fraction(p.cents * BP_PER_UNIT, BP_PER_UNIT + rate_bp) if given_incl
                      else Fraction(p.cents * (BP_PER_UNIT + rate_bp), BP_PER_UNIT))
        else:
            under = f" under the reading {name!r}" if name else ""
            raise InputError(f"vat_percent: {v.name}'s cap counts the sums {wanted}{under}, the "
                             f"amounts are given {given}, and its terms state no VAT rate; give "
                             "each payment's VAT (a 'vat' column) or vat_percent= (e.g. 20)")
    how = Phrase("with each payment's VAT")
    if rate_used:
        pct = decimal_words(f"{bp_to_percent(rate_bp).normalize():f}")
        factor = decimal_words(f"{(Decimal(BP_PER_UNIT + rate_bp) / BP_PER_UNIT).normalize():f}")
        where = (Phrase("the rate the terms state, art. {article}", article=rate_source.article)
                 if rate_source else named("vat_percent"))
        how = Joined((
            Phrase("at {percent} % VAT ({where})", percent=pct, where=where)
            if all(p.vat_cents is None for p in counted) else
            Phrase("with each payment's VAT, else at {percent} % ({where})", percent=pct,
                   where=where),
            Phrase(": amount / {factor}", factor=factor) if given_incl else
            Phrase(": amount x {factor}", factor=factor)))
    working.append(Worded(Phrase("the sums are counted {wanted}; the amounts are given {given}, "
                                 "moved {how}", wanted=wanted_said, given=given_said, how=how)))
    return total, want_incl, rate_used


def _basis_words(c: LiabilityCap, window) -> Worded:
    share = ({Decimal(1): "", Decimal("0.5"): Phrase("half of ")}.get(c.multiplier)
             if c.multiplier in (1, Decimal("0.5")) else
             Joined((decimal_words(c.multiplier), " x ")))
    what = {
        "amounts_paid": Phrase("the sums paid"),
        "order_amount_paid": Phrase("the sums paid for the order"),
        _TRAILING: Phrase("the sums invoiced and collected"),
        _PER_USER: Phrase("the sums paid"),
    }[c.basis]
    return Worded(Joined((share, what, " ", window)))


def _per_user(c, name, cap: Fraction, day, start, per_user, working):
    """Teogest art. 18.2 under one of its two readings (see the module docstring)."""
    users, affected, days = per_user
    method = name if name in _METHODS else "per_affected_user_per_day"
    if method == "daily_average_all_users":
        window_days = (day - start).days + 1
        working.append(Worded(Phrase("average per day over the {window} days of the window, "
                                     "x {days} day(s) of interruption (all users)",
                                     window=window_days, days=days)))
        return (cap * days / window_days,
                Worded(Phrase("average daily payment from {start} to {day} x {days} day(s) of "
                              "interruption", start=day_words(start), day=day_words(day),
                              days=days)))
    month_days = calendar.monthrange(day.year, day.month)[1]
    working.append(Worded(Phrase("average per month (sum / 6), per user ({users}) and per day of "
                                 "{month} ({month_days} days), x {affected} user(s) affected x "
                                 "{days} day(s) of interruption", users=users,
                                 month=month_words(day), month_days=month_days,
                                 affected=affected, days=days)))
    return (cap * affected * days / (6 * users * month_days),
            Worded(Phrase("average monthly payment from {start} to {day} / {users} users / "
                          "{month_days} days x {affected} users x {days} day(s)",
                          start=day_words(start), day=day_words(day), users=users,
                          month_days=month_days, affected=affected, days=days)))


__all__ = ["COLUMNS", "LiabilityResult", "Payment", "liability_cap", "payments_of"]
