"""What leaving costs: the sums billed from a termination request to the contract's end.

Used by :func:`cgvlib.arithmetic.notice.exit_plan`, which finds the dates; this module turns
them into money, under the vendor's ``exit_charges`` (:class:`~cgvlib.model.term.ExitCharge`).

Three bases, chosen by the kinds of charge the vendor's terms state:

- **Notice billed at the highest of three amounts** (``highest_of_three``, Teogest art. 20):
  « Durant toute la durée du préavis le client sera facturé du montant correspondant au plus
  élevé des trois montants suivants : celui de la facture de consommation mensuelle émise le
  mois précédent sa demande de désabonnement, celui de la facture de consommation mensuelle la
  plus importante de toute la durée de son abonnement minorée de 20%, celui de la facture de
  consommation si le Client continue d'utiliser les applications pendant la durée du préavis. »
  Teogest invoices per calendar month (14.1.1: « Chaque fin de mois, l'Editeur émet une
  facture »; « Tout Utilisateur inscrit au moins un instant dans le mois est réputé avoir été
  inscrit le mois complet »), so the months billed are calendar months: the month of the request
  is invoiced as usual (« Tout mois commencé étant dû », art. 20) and is not counted here; each
  notice month is billed the highest of the three; any later month up to the end (a commitment
  that ends after the notice, 14.1.1; a commitment left at its end under 14.3) is billed the
  ordinary monthly invoice, ``monthly_amount``.
- **Months remaining to the end** (``all_sums_to_term``, ``renewed_period_in_full``,
  ``started_months``: JANQUOR art. 16, GOUT 7 C): the monthly price times the contract months
  not over at the request date, counted on the monthly anniversaries of the start
  (:func:`~cgvlib.reference.months.add_months`): the month in progress at the request date is
  counted (taken as not yet paid), and every later month to the end, a renewed period in full.
- **Work done** (``work_done``: Leappy art. 5, ioSmart, GOUT 7 B/7 F): the services performed up
  to the effective date and not yet paid; the terms give no figure, so none is computed.

Conventions:

- ``invoice_history`` maps a month (``'YYYY-MM'``, a date, a ``pandas.Period`` or
  ``Timestamp``) to the amount of the monthly invoice for that month, in euros; Teogest issues
  it at the end of that month, so « la facture [...] émise le mois précédent sa demande » is the
  history's entry for the month before the month of the request. The history may run from the
  month of the start to the month of the request (that month's invoice is issued before the
  notice starts); a month outside that range is an input error.
- Every monthly figure is rounded once, half-up, to the cent (20 % off the largest invoice:
  cents x 8,000 / 10,000); the total is the monthly invoices added, each already in cents.
- A missing input makes the billing *not computable*: ``monthly_cents``/``total_cents`` are
  None and ``basis`` says which input is missing. Nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from cgvlib.arithmetic.common import amount_cents, money
from cgvlib.dates import as_month
from cgvlib.errors import InputError
from cgvlib.model.base import Source
from cgvlib.model.term import ExitCharge
from cgvlib.money import BP_PER_UNIT, div_round_half_up, percent_to_bp
from cgvlib.reference.months import (
    add_months,
    calendar_months_touched,
    day_after_month_of,
    full_months_between,
    start_of_month,
)

REMAINING_KINDS = ("all_sums_to_term", "renewed_period_in_full", "started_months")


@dataclass(frozen=True)
class Billing:
    """What is billed from the request to the end.

    ``monthly_cents``: the monthly amount billed during the notice (or the monthly price for a
    months-remaining basis); ``total_cents``: every month counted in ``months`` added;
    either is None when not computable or without meaning (``basis`` says why).
    """

    monthly_cents: int | None
    total_cents: int | None
    months: int
    basis: str
    lines: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()


# --------------------------------------------------------------------------- the charges


def describe_charge(charge: ExitCharge) -> str:
    """A charge in words, with its article."""
    words = {
        "all_sums_to_term": "every sum due until the term is payable at once",
        "renewed_period_in_full": "a renewed period is due in full",
        "started_months": "every started month is due",
        "highest_of_three": "each notice month is billed the highest of three amounts",
        "work_done": "the services performed up to the effective date and not yet paid are due",
    }[charge.kind]
    if charge.kind == "started_months" and charge.refund_within is not None:
        words += f", the months not started are refunded within {charge.refund_within}"
    if charge.kind == "highest_of_three" and charge.discount_percent is not None:
        words += f" (the largest invoice less {charge.discount_percent} %)"
    if charge.payer == "vendor":
        words += " (the text names the vendor as payer: see the file's note)"
    return f"art. {charge.source.article}, {charge.applies_to}: {words}"


def _charges(charges: Iterable[ExitCharge], kinds: Iterable[str]) -> list[ExitCharge]:
    wanted = set(kinds)
    return [c for c in charges if c.kind in wanted]


# --------------------------------------------------------------------------- invoice history


def invoice_history_cents(history, start: dt.date, request: dt.date) -> dict[dt.date, int]:
    """``invoice_history`` (mapping or ``pandas.Series``: month -> euros) as first day of the
    month -> cents, checked to lie between the month of ``start`` and the month of ``request``.
    """
    items = history.items() if hasattr(history, "items") else None
    if items is None:
        raise InputError(
            "invoice_history: expected a mapping or a pandas Series of month -> amount in euros, "
            f"e.g. {{'2024-10': 1250.00}}, got {type(history).__name__}"
        )
    first, last = start_of_month(start), start_of_month(request)
    out: dict[dt.date, int] = {}
    for key, value in items:
        month = as_month(key, "invoice_history month")
        if not first <= month <= last:
            raise InputError(
                f"invoice_history: month {month:%Y-%m} is outside the subscription before the "
                f"notice ({first:%Y-%m} to {last:%Y-%m}, the month of the request); give the "
                "monthly invoices issued up to the month of the request"
            )
        if month in out:
            raise InputError(f"invoice_history: month {month:%Y-%m} is given twice")
        out[month] = amount_cents(value, f"invoice_history[{month:%Y-%m}]")
    return out


# --------------------------------------------------------------------------- highest of three


def highest_of_three(
    charge: ExitCharge,
    request: dt.date,
    history: Mapping[dt.date, int] | None,
    monthly_cents: int | None,
) -> tuple[int | None, list[str]]:
    """The monthly amount billed during the notice (Teogest art. 20), or None and the reason.

    The highest of: the invoice of the month before the month of the request; the largest
    invoice of the history less ``charge.discount_percent`` (rounded half-up to the cent); the
    expected monthly use during the notice (``monthly_cents``; 0 if the client stops using the
    applications).
    """
    missing = []
    if history is None:
        missing.append("invoice_history (the monthly invoices up to the request)")
    if monthly_cents is None:
        missing.append("monthly_amount (the expected monthly use during the notice; 0 if none)")
    if missing:
        return None, ["not computable: missing " + " and ".join(missing)]
    previous_month = add_months(start_of_month(request), -1)
    if previous_month not in history:
        return None, [f"not computable: invoice_history has no invoice for {previous_month:%Y-%m},"
                      " the month before the request (« émise le mois précédent sa demande »)"]
    previous = history[previous_month]
    largest_month = max(history, key=lambda m: (history[m], m))
    largest = history[largest_month]
    discount_bp = percent_to_bp(charge.discount_percent or 0, "discount_percent")
    discounted = div_round_half_up(largest * (BP_PER_UNIT - discount_bp), BP_PER_UNIT)
    monthly = max(previous, discounted, monthly_cents)
    return monthly, [
        f"(1) invoice of the month before the request, {previous_month:%Y-%m}: {money(previous)}",
        f"(2) largest invoice, {largest_month:%Y-%m}: {money(largest)} less "
        f"{charge.discount_percent} % = {money(discounted)} (half-up to the cent)",
        f"(3) expected use during the notice (monthly_amount): {money(monthly_cents)}",
        f"billed per notice month: the highest, {money(monthly)}",
    ]


def calendar_month_billing(
    charges: list[ExitCharge],
    *,
    request: dt.date,
    end: dt.date,
    notice_months: int,
    history: Mapping[dt.date, int] | None,
    monthly_cents: int | None,
) -> Billing:
    """Teogest: the calendar months after the month of the request up to the end's month; the
    first ``notice_months`` of them at the highest of three, the others at ``monthly_cents``."""
    highest = next(c for c in charges if c.kind == "highest_of_three")
    used = [*([highest] if notice_months else []), *_charges(charges, ["started_months"])]
    first = day_after_month_of(request)
    months = calendar_months_touched(first, end) if end >= first else 0
    ordinary = months - notice_months
    lines = [f"month of the request, {request:%Y-%m}: invoiced as usual (« Tout mois commencé "
             "étant dû »), not counted here",
             f"months billed after it up to {end:%Y-%m}: {months} ({notice_months} of notice, "
             f"{ordinary} ordinary)"]
    monthly, total, reasons = None, 0, []
    if notice_months:
        monthly, working = highest_of_three(highest, request, history, monthly_cents)
        lines += working
        if monthly is None:
            reasons += working
        else:
            total += notice_months * monthly
            lines.append(f"notice: {notice_months} x {money(monthly)} = "
                         f"{money(notice_months * monthly)}")
    if ordinary:
        if monthly_cents is None:
            reasons.append("not computable: missing monthly_amount (the ordinary monthly invoice"
                           " for the months after the notice)")
        else:
            total += ordinary * monthly_cents
            lines.append(f"ordinary months: {ordinary} x {money(monthly_cents)} = "
                         f"{money(ordinary * monthly_cents)}")
    if reasons:
        basis = "; ".join(dict.fromkeys(r for r in reasons if r.startswith("not computable")))
        return Billing(monthly, None, months, basis, tuple(lines),
                       tuple(c.source for c in used))
    lines.append(f"total billed after the month of the request: {money(total)}")
    basis = ("calendar months after the month of the request: "
             + (f"{notice_months} notice month(s) at the highest of three amounts"
                if notice_months else "no notice")
             + (f", {ordinary} ordinary month(s) at monthly_amount" if ordinary else "")
             + (f" ({describe_charge(highest)})" if notice_months else ""))
    return Billing(monthly, total, months, basis, tuple(lines), tuple(c.source for c in used))


# --------------------------------------------------------------------------- months remaining


def remaining_months(start: dt.date, request: dt.date, end: dt.date) -> int:
    """Contract months (from the monthly anniversaries of ``start``) not over at ``request``,
    up to ``end`` (the last day of a term, so a month boundary): the month in progress at the
    request and every later one.

    ``full_months_between(start, end + 1 day) - full_months_between(start, request)``: start
    2024-01-31, request 2024-11-20 (month 10 runs 2024-10-31..2024-11-29), end 2025-01-30
    gives 12 - 9 = 3.
    """
    return (full_months_between(start, end + dt.timedelta(days=1))
            - full_months_between(start, request))


def remaining_months_billing(
    charges: list[ExitCharge],
    *,
    start: dt.date,
    request: dt.date,
    end: dt.date,
    monthly_cents: int | None,
) -> Billing:
    """JANQUOR, GOUT: the monthly price times the contract months remaining at the request."""
    used = _charges(charges, REMAINING_KINDS)
    months = remaining_months(start, request, end)
    rules = "; ".join(describe_charge(c) for c in used)
    lines = [f"contract months not over at {request} up to {end} (the month in progress "
             f"included, taken as not yet paid): {months}"]
    if monthly_cents is None:
        return Billing(None, None, months,
                       "not computable: missing monthly_amount (the monthly price); " + rules,
                       tuple(lines), tuple(c.source for c in used))
    total = months * monthly_cents
    lines.append(f"sums due to the end: {months} x {money(monthly_cents)} = {money(total)}")
    return Billing(monthly_cents, total, months,
                   f"{months} month(s) x monthly_amount to the end; " + rules,
                   tuple(lines), tuple(c.source for c in used))


# --------------------------------------------------------------------------- work done


def work_done_billing(charges: list[ExitCharge]) -> Billing:
    """Leappy, ioSmart: only the work done is due; the terms give no figure."""
    used = _charges(charges, ["work_done"])
    rules = "; ".join(describe_charge(c) for c in used) or "the terms state no exit charge"
    return Billing(None, None, 0,
                   "not computable from the terms (the work done up to the effective date is "
                   "not a figure of the contract): " + rules,
                   tuple(f"exit charge: {describe_charge(c)}" for c in used),
                   tuple(c.source for c in used))


def exit_billing(
    charges: list[ExitCharge],
    *,
    start: dt.date,
    request: dt.date,
    end: dt.date,
    notice_months: int,
    history: Mapping[dt.date, int] | None,
    monthly_cents: int | None,
) -> Billing:
    """The billing from ``request`` to ``end`` under the basis the charges call for (module
    docstring): highest of three if stated, else months remaining, else work done."""
    kinds = {c.kind for c in charges}
    if "highest_of_three" in kinds:
        return calendar_month_billing(charges, request=request, end=end,
                                      notice_months=notice_months, history=history,
                                      monthly_cents=monthly_cents)
    if kinds & set(REMAINING_KINDS):
        return remaining_months_billing(charges, start=start, request=request, end=end,
                                        monthly_cents=monthly_cents)
    return work_done_billing(charges)
