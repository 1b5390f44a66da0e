"""The cap on the vendor's liability (plafond de responsabilité) at a date, from the client's
payment history.

The vendors' caps (``liability`` in the vendor files):

- JANQUOR art. 21: « la garantie serait limitée au montant payé par le client pour la
  fourniture des services »: every sum paid up to ``at``.
- ioSmart (« Responsabilité »): « strictement limitée au montant total hors taxes effectivement
  payé par le Client au titre de la commande concernée » (give ``order``; « ou de la période
  contractuelle »: tag the period's payments with one order label); for an ongoing
  relation (no ``order``): « plafonnée au montant cumulé des sommes facturées et encaissées au
  cours des douze (12) derniers mois précédant la survenance du fait générateur ». Whether
  VAT counts in the latter is ambiguous: readings ``vat_included`` (default) and ``excl_vat``.
- Leappy art. 9: « la moitié de la somme totale hors taxes effectivement payée »: half of the
  sums paid up to ``at``. The text counts them « Pour l'ensemble de la mission » when the
  mission is paid in one go after the initial advance, « Depuis la signature du contrat jusqu'à
  la phase génératrice de l'action en responsabilité » when paid in instalments. Either way
  only sums actually paid count: pass as ``at`` the event giving rise to the claim (instalments)
  or the date the cap is assessed (whole mission), and ``order`` to keep one mission's
  payments.
- GOUT art. 10: « limitée à la moitié de la somme totale effectivement payée par le Client pour
  le service fourni par le Prestataire à la date de la réclamation »: half of the sums paid up
  to ``at``, the date of the claim (``order``: the service concerned).
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

``amount`` is the sum paid **excluding VAT** (euros, 0 or more: net a refund against the
payment it refunds). A cap counted with VAT (ioSmart's 12-month cap under its default reading)
adds each payment's ``vat``, or ``vat_percent`` of its amount; without either it is an error.
A cap whose text does not say (JANQUOR, GOUT) is counted on the amounts as given, excluding
VAT, and the working says so.

Windows (decided here): dates have no time of day, so a payment on the day of ``at`` counts.
« Les douze (12) derniers mois précédant la survenance » are the 12 months ending on the event
day: from the day after ``add_months(at, -12)`` to ``at``, both included; a payment made exactly
12 months before the event is out, one made the next day is in. The 6 months of Teogest are
counted the same way. For ioSmart's 12-month cap a sum counts only if both its invoice date
(``invoiced``) and its payment date fall in the window (« facturées et encaissées »).
"""

from __future__ import annotations

import calendar
import datetime as dt
import operator
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

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
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.model.obligations import LiabilityCap
from cgvlib.model.vendor import Vendor
from cgvlib.money import BP_PER_UNIT, percent_to_bp, round_half_up
from cgvlib.reference.months import months_before

COLUMNS = ("date", "amount", "order", "invoiced", "vat")
_PER_USER = "per_user_per_day_6_month_average"
_TRAILING = "trailing_12_months_invoiced_and_collected"
_METHODS = ("daily_average_all_users", "per_affected_user_per_day")


@dataclass(frozen=True)
class Payment:
    """One payment, validated: ``paid`` date, ``cents`` excl. VAT, and the optional fields."""

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
    "from the start", and ``window_end``, both included) and the ``multiplier``."""

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

    def headline(self) -> str:
        return (f"liability cap {money(self.cap_cents)} ({self.basis}; {self.payments_counted} "
                f"payment(s), {money(self.payments_sum_cents)})")


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
        unknown = [str(c) for c in payments.columns if c not in COLUMNS]
        missing = [c for c in ("date", "amount") if c not in payments.columns]
        if unknown or missing:
            raise InputError(
                "payments: the DataFrame needs columns 'date' and 'amount' and may have "
                f"'order', 'invoiced', 'vat'; missing {missing or 'none'}, unknown "
                f"{unknown or 'none'} (columns: {[str(c) for c in payments.columns]})")
        rows: list = payments.to_dict("records")
    elif isinstance(payments, (str, bytes, Mapping)) or not isinstance(payments, Sequence):
        raise InputError(
            "payments: expected a pandas DataFrame (columns date, amount[, order, invoiced, vat])"
            " or a list of (date, amount[, order, invoiced, vat]) tuples, got "
            f"{type(payments).__name__}")
    else:
        rows = list(payments)
    return tuple(_payment(i, row) for i, row in enumerate(rows))


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


def _window(day: dt.date, months: int) -> dt.date:
    """First day of the ``months`` months ending on ``day`` (both ends included)."""
    return months_before(day, months) + dt.timedelta(days=1)


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
                  interruption_days=None, vat_percent=None, reading=None) -> LiabilityResult:
    """The cap on the vendor's liability at date ``at``, from the client's ``payments``.

    ``at``: the date the clause counts to (the event giving rise to liability, or the claim
    for GOUT); ``order``: keep the payments of one order, mission or service (ioSmart: selects
    the per-order cap; without it, the 12-month cap of an ongoing relation); ``users``,
    ``affected_users``, ``interruption_days``: Teogest's per-user, per-day cap; ``vat_percent``:
    the VAT rate when a cap counts VAT and the payments carry no ``vat``. The payment shapes
    and the windows are in the module docstring.
    """
    v = as_vendor(vendor)
    day = as_date(at, "at")
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
    vat_bp = None if vat_percent is None else percent_to_bp(vat_percent, "vat_percent")
    readings = clause.readings() if clause.ambiguous else {}

    def one(c: LiabilityCap) -> LiabilityResult:
        name = next((n for n, r in readings.items() if r == c), None)
        return _compute(v, c, name, rows, day, order, per_user, vat_bp)

    return over_readings(clause, one, reading=reading)


def _compute(v, c: LiabilityCap, name, rows, day, order, per_user, vat_bp) -> LiabilityResult:
    working = []
    start = None
    if c.basis == _TRAILING:
        start = _window(day, 12)
    elif c.basis == _PER_USER:
        start = _window(day, 6)
    counted = [p for p in rows if p.paid <= day and (start is None or p.paid >= start)]
    later = sum(1 for p in rows if p.paid > day)
    if order is not None:
        counted = [p for p in counted if p.order == _order_key(order)]
        working.append(f"payments for order {order!r} only")
    if c.basis == _TRAILING:
        for p in counted:
            if p.invoiced is None:
                raise InputError(f"invoiced: the payment of {p.paid} has no invoice date; the cap "
                                 "counts sums « facturées et encaissées » in the window, so "
                                 "every payment needs its invoice date")
        counted = [p for p in counted if start <= p.invoiced <= day]
    window = f"from {start} to {day}" if start else f"up to {day}"
    working.append(f"payments {window} (both included): {len(counted)}"
                   + (f"; {later} payment(s) after {day} not counted" if later else ""))

    vat_included = c.excl_vat is False
    total = Fraction(sum(p.cents for p in counted))
    if vat_included:
        total += _vat(v, counted, vat_bp, name)
        working.append("the sums are counted with VAT")
    elif c.excl_vat is None:
        working.append("the text does not say whether VAT counts: counted on the amounts as "
                       "given, excluding VAT")
    else:
        working.append("the sums are counted excluding VAT")
    if vat_bp is not None and not vat_included:
        working.append("vat_percent not used: this cap does not count VAT")
    sum_cents = round_half_up(total)
    working.append(f"sum: {money(sum_cents)}")

    cap = total * Fraction(c.multiplier)
    basis = _basis_words(c, window)
    if c.basis == _PER_USER:
        cap, basis = _per_user(c, name, cap, day, start, per_user, working)
    if c.multiplier != 1:
        working.append(f"x {c.multiplier}")
    cents = round_half_up(cap)
    working.append(f"cap: {money(cents)}")
    if c.note:
        working.append(f"note: {c.note}")
    return LiabilityResult(
        vendor=v.name, working=tuple(working), sources=(c.source,),
        cap=euros(cents), cap_cents=cents, basis=basis, basis_kind=c.basis,
        applies_to=c.applies_to, payments_counted=len(counted), payments_sum=euros(sum_cents),
        payments_sum_cents=sum_cents, window_start=start, window_end=day,
        multiplier=c.multiplier, vat_included=vat_included,
    )


def _vat(v, counted: list[Payment], vat_bp, name) -> Fraction:
    total = Fraction(0)
    for p in counted:
        if p.vat_cents is not None:
            total += p.vat_cents
        elif vat_bp is not None:
            total += Fraction(p.cents * vat_bp, BP_PER_UNIT)
        else:
            under = f" under the reading {name!r}" if name else ""
            raise InputError(f"vat_percent: {v.name}'s cap counts the sums with VAT{under}; give "
                             "each payment's VAT (a 'vat' column) or vat_percent= (e.g. 20)")
    return total


def _basis_words(c: LiabilityCap, window: str) -> str:
    share = {Decimal(1): "", Decimal("0.5"): "half of "}.get(c.multiplier,
                                                              f"{c.multiplier} x ")
    what = {
        "amounts_paid": "the sums paid",
        "order_amount_paid": "the sums paid for the order",
        _TRAILING: "the sums invoiced and collected",
        _PER_USER: "the sums paid",
    }[c.basis]
    return f"{share}{what} {window}"


def _per_user(c, name, cap: Fraction, day, start, per_user, working):
    """Teogest art. 18.2 under one of its two readings (see the module docstring)."""
    users, affected, days = per_user
    method = name if name in _METHODS else "per_affected_user_per_day"
    if method == "daily_average_all_users":
        window_days = (day - start).days + 1
        working.append(f"average per day over the {window_days} days of the window, x {days} "
                       "day(s) of interruption (all users)")
        return (cap * days / window_days,
                f"average daily payment from {start} to {day} x {days} day(s) of interruption")
    month_days = calendar.monthrange(day.year, day.month)[1]
    working.append(f"average per month (sum / 6), per user ({users}) and per day of "
                   f"{day:%Y-%m} ({month_days} days), x {affected} user(s) affected x {days} "
                   "day(s) of interruption")
    return (cap * affected * days / (6 * users * month_days),
            f"average monthly payment from {start} to {day} / {users} users / {month_days} "
            f"days x {affected} users x {days} day(s)")


__all__ = ["COLUMNS", "LiabilityResult", "Payment", "liability_cap", "payments_of"]
