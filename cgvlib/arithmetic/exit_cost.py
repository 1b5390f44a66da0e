"""What leaving costs: the sums billed from a termination request to the contract's end.

Used by :func:`cgvlib.arithmetic.notice.exit_plan` and :func:`~cgvlib.arithmetic.notice.
early_exit`, which find the dates; this module turns them into money, under the vendor's
``exit_charges`` (:class:`~cgvlib.model.term.ExitCharge`).

**The month in progress: one convention for every vendor.** The month in progress at the
request date is included in what leaving costs: it has started, and a started month is due
(Teogest art. 20 « Tout mois commencé étant dû »; GOUT 7 C « Tous mois commencé est dû »;
JANQUOR art. 16 keeps every invoice to the term payable). So every total answers "what do we
still pay from the day the letter leaves", that month included, whether or not its invoice has
already been issued or paid (the working names the month, for a reader who has paid it). The
month is the one the vendor bills by: the calendar month for Teogest (« Chaque fin de mois,
l'Editeur émet une facture »), the contract month from the monthly anniversary of the start for
JANQUOR and GOUT. No text makes the month in progress anything but due, so no other reading is
kept.

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
  is the month in progress, billed as usual at the ordinary monthly invoice, ``monthly_amount``
  (« Tout mois commencé étant dû », art. 20); each notice month after it is billed the highest
  of the three; any later month up to the end (a commitment that ends after the notice, 14.1.1;
  a commitment left at its end under 14.3) is billed the ordinary monthly invoice.
- **Months remaining to the end** (``all_sums_to_term``, ``renewed_period_in_full``,
  ``started_months``: JANQUOR art. 16, GOUT 7 C): the monthly price times the contract months
  not over at the request date, counted on the monthly anniversaries of the start
  (:func:`~cgvlib.reference.months.add_months`): the month in progress at the request date
  and every later month to the end, a renewed period in full.
- **A period ended midway** (:func:`period_exit`, GOUT 7 C, JANQUOR art. 16): the period's
  months started by the day the exit takes effect are due; the months not started are refunded
  (``started_months`` with ``refund_within``: « Les autres pourront faire l'objet d'un
  remboursement par chèque sous deux (2) mois », by the exit day + that time) or due as well
  (``all_sums_to_term``).
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

import pandas as pd

from cgvlib.arithmetic.common import amount_cents
from cgvlib.arithmetic.frame_inputs import amount_column
from cgvlib.arithmetic.time_limits import limit_date
from cgvlib.arithmetic.working_words import (
    Worded,
    article_words,
    colon,
    day_words,
    decimal_words,
    duration_said,
    eur,
    file_words,
    listed,
    month_words,
    named,
)
from cgvlib.dates import as_month
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, Said
from cgvlib.model.base import Source
from cgvlib.model.term import ExitCharge
from cgvlib.money import BP_PER_UNIT, div_round_half_up, percent_to_bp
from cgvlib.reference.months import (
    add_months,
    calendar_months_touched,
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
    words = [{
        "all_sums_to_term": Phrase("every sum due until the term is payable at once"),
        "renewed_period_in_full": Phrase("a renewed period is due in full"),
        "started_months": Phrase("every started month is due"),
        "highest_of_three": Phrase("each notice month is billed the highest of three amounts"),
        "work_done": Phrase("the services performed up to the effective date and not yet paid "
                            "are due"),
    }[charge.kind]]
    if charge.kind == "started_months" and charge.refund_within is not None:
        words.append(Phrase(", the months not started are refunded within {within}",
                            within=duration_said(charge.refund_within)))
    if charge.kind == "highest_of_three" and charge.discount_percent is not None:
        words.append(Phrase(" (the largest invoice less {percent} %)",
                            percent=decimal_words(charge.discount_percent)))
    if charge.payer == "vendor":
        words.append(Phrase(" (the text names the vendor as payer: see the file's note)"))
    return Worded(Joined(("art. ", article_words(charge.source.article), ", ",
                          file_words(charge.applies_to),
                          Said(colon), Joined(words))))


def _charges(charges: Iterable[ExitCharge], kinds: Iterable[str]) -> list[ExitCharge]:
    wanted = set(kinds)
    return [c for c in charges if c.kind in wanted]


# --------------------------------------------------------------------------- invoice history


def invoice_history_cents(history, start: dt.date, request: dt.date) -> dict[dt.date, int]:
    """``invoice_history`` (mapping or ``pandas.Series``: month -> euros) as first day of the
    month -> cents, checked to lie between the month of ``start`` and the month of ``request``.

    A Series's amounts are checked at once (:func:`~cgvlib.arithmetic.frame_inputs.
    amount_column`: the rows named by month), a mapping's one by one with the same rule and
    words (:func:`~cgvlib.money.amount_cents`); an empty history is an empty mapping.
    """
    if isinstance(history, pd.DataFrame) or not hasattr(history, "items"):
        raise InputError(
            "invoice_history: expected a mapping or a pandas Series of month -> amount in euros, "
            f"e.g. {{'2024-10': 1250.00}}, got {type(history).__name__}"
        )
    if isinstance(history, pd.Series):
        cents, _ = amount_column(history, "invoice_history")
        items = zip(history.index, cents.tolist(), strict=True)
    else:
        items = history.items()
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
        out[month] = (value if isinstance(history, pd.Series)
                      else amount_cents(value, f"invoice_history[{month:%Y-%m}]"))
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
        missing.append(Phrase("{name} (the monthly invoices up to the request)",
                              name=named("invoice_history")))
    if monthly_cents is None:
        missing.append(Phrase("{name} (the expected monthly use during the notice; 0 if none)",
                              name=named("monthly_amount")))
    if missing:
        what = ([missing[0], Phrase(" and ", "list"), missing[1]] if len(missing) == 2
                else missing)
        return None, [Worded(Phrase("not computable: missing {what}", what=Joined(what)))]
    previous_month = add_months(start_of_month(request), -1)
    if previous_month not in history:
        return None, [Worded(Phrase(
            "not computable: {name} has no invoice for {month}, the month before the request "
            "(« émise le mois précédent sa demande »)", name=named("invoice_history"),
            month=month_words(previous_month)))]
    previous = history[previous_month]
    largest_month = max(history, key=lambda m: (history[m], m))
    largest = history[largest_month]
    discount_bp = percent_to_bp(charge.discount_percent or 0, "discount_percent")
    discounted = div_round_half_up(largest * (BP_PER_UNIT - discount_bp), BP_PER_UNIT)
    monthly = max(previous, discounted, monthly_cents)
    return monthly, [
        Worded(Phrase("(1) invoice of the month before the request, {month}: {amount}",
                      month=month_words(previous_month), amount=eur(previous))),
        Worded(Phrase("(2) largest invoice, {month}: {amount} less {percent} % = {discounted} "
                      "(half-up to the cent)", month=month_words(largest_month),
                      amount=eur(largest), percent=decimal_words(charge.discount_percent),
                      discounted=eur(discounted))),
        Worded(Phrase("(3) expected use during the notice ({name}): {amount}",
                      name=named("monthly_amount"), amount=eur(monthly_cents))),
        Worded(Phrase("billed per notice month: the highest, {amount}", amount=eur(monthly))),
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
    """Teogest: the calendar months from the month of the request (the month in progress) to
    the end's month; the month of the request and any month after the notice at
    ``monthly_cents``, the ``notice_months`` after the month of the request at the highest of
    three."""
    highest = next(c for c in charges if c.kind == "highest_of_three")
    used = [*([highest] if notice_months else []), *_charges(charges, ["started_months"])]
    months = calendar_months_touched(start_of_month(request), end)
    after = months - 1 - notice_months
    lines = [Worded(Phrase("month of the request, {month}: the month in progress, due (« Tout "
                           "mois commencé étant dû ») and billed as usual",
                           month=month_words(request))),
             Worded(Phrase("months billed from it up to {month}: {months} (1 in progress, "
                           "{notice} of notice, {after} ordinary after the notice)",
                           month=month_words(end), months=months, notice=notice_months,
                           after=after))]
    monthly, total, reasons = None, 0, []
    if notice_months:
        monthly, working = highest_of_three(highest, request, history, monthly_cents)
        lines += working
        if monthly is None:
            reasons += working
        else:
            total += notice_months * monthly
            lines.append(Worded(Phrase("notice: {months} x {amount} = {total}",
                                       months=notice_months, amount=eur(monthly),
                                       total=eur(notice_months * monthly))))
    ordinary = 1 + after
    if monthly_cents is None:
        reasons.append(Worded(
            Phrase("not computable: missing {name} (the ordinary monthly invoice, for the month "
                   "of the request and the months after the notice)", name=named("monthly_amount"))
            if after else
            Phrase("not computable: missing {name} (the ordinary monthly invoice, for the month "
                   "of the request)", name=named("monthly_amount"))))
    else:
        total += ordinary * monthly_cents
        lines.append(Worded(Phrase("month of the request and ordinary months: {months} x "
                                   "{amount} = {total}", months=ordinary,
                                   amount=eur(monthly_cents),
                                   total=eur(ordinary * monthly_cents))))
    if reasons:
        basis = Worded(listed(list(dict.fromkeys(r for r in reasons
                                                 if r.startswith("not computable")))))
        return Billing(monthly, None, months, basis, tuple(lines),
                       tuple(c.source for c in used))
    lines.append(Worded(Phrase("total billed from the month of the request: {amount}",
                               amount=eur(total))))
    monthly_name = named("monthly_amount")
    basis = Worded(Joined((
        Phrase("calendar months from the month of the request: 1 in progress at {name}",
               name=monthly_name),
        Phrase(", {months} notice month(s) at the highest of three amounts",
               months=notice_months) if notice_months else Phrase(", no notice"),
        Phrase(", {months} ordinary month(s) at {name}", months=after, name=monthly_name)
        if after else "",
        Joined((" (", describe_charge(highest), ")")) if notice_months else "")))
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
    rules = listed([describe_charge(c) for c in used])
    lines = [Worded(Phrase("contract months not over at {request} up to {end} (the month in "
                           "progress included, as every month in progress is): {months}",
                           request=day_words(request), end=day_words(end), months=months))]
    if monthly_cents is None:
        return Billing(None, None, months,
                       Worded(Phrase("not computable: missing {name} (the monthly price); "
                                     "{rules}", name=named("monthly_amount"), rules=rules)),
                       tuple(lines), tuple(c.source for c in used))
    total = months * monthly_cents
    lines.append(Worded(Phrase("sums due to the end: {months} x {amount} = {total}",
                               months=months, amount=eur(monthly_cents), total=eur(total))))
    return Billing(monthly_cents, total, months,
                   Worded(Phrase("{months} month(s) x {name} to the end; {rules}", months=months,
                                 name=named("monthly_amount"), rules=rules)),
                   tuple(lines), tuple(c.source for c in used))


# --------------------------------------------------------------------------- period ended midway

PERIOD_EXIT_KINDS = ("started_months", "all_sums_to_term")


@dataclass(frozen=True)
class PeriodExit:
    """A period ended on ``ends_on``, before its last day.

    ``period_months``: the period's contract months; ``started``: those begun by ``ends_on``
    (the month in progress included); ``not_started``: the others; ``months_due``: the months
    the client bears from the month in progress on (1 + the months not started, unless they
    are refunded); ``due_cents``: their sum; ``refund_cents``: the months not started, paid in
    advance and refunded (0 when not refunded), by ``refund_by``. Sums are None without the
    monthly price.
    """

    period_months: int
    started: int
    not_started: int
    months_due: int
    due_cents: int | None
    refund_cents: int | None
    refund_by: dt.date | None
    basis: str
    lines: tuple[str, ...]
    sources: tuple[Source, ...]


def period_exit(charge: ExitCharge, *, start: dt.date, period_start: dt.date,
                period_end: dt.date, ends_on: dt.date, monthly_cents: int | None) -> PeriodExit:
    """The months of the period ``period_start``..``period_end`` of a contract started on
    ``start`` (months on the monthly anniversaries of ``start``) when it ends on ``ends_on``,
    and what is due and refunded under ``charge`` (module docstring).

    GOUT, 12 months from 2024-01-01 at 100.00, ends 2024-05-15: May is in progress, June to
    December (7) not started: refund owed: 1 x 100.00 due, 700.00 refunded by 2024-07-15;
    refund at the provider's discretion: 8 x 100.00 = 800.00 due.
    """
    if charge.kind not in PERIOD_EXIT_KINDS:
        raise ValueError(f"a {charge.kind} charge does not end a period midway")
    before = full_months_between(start, period_start)
    period_months = full_months_between(start, period_end + dt.timedelta(days=1)) - before
    started = full_months_between(start, ends_on) + 1 - before
    not_started = period_months - started
    refunded = charge.kind == "started_months" and charge.refund_within is not None
    months_due = 1 + (0 if refunded else not_started)
    refund_by = limit_date(charge.refund_within, ends_on) if refunded else None
    lines = [Worded(Phrase("period {start} to {end}: {months} month(s); ends {ends}: "
                           "{started} started (the month in progress included), {not_started} "
                           "not started", start=day_words(period_start),
                           end=day_words(period_end), months=period_months,
                           ends=day_words(ends_on), started=started, not_started=not_started)),
             Worded(Joined((f"art. {charge.source.article}", Said(colon), (
                 Phrase("every started month is due, the {not_started} not started are "
                        "refunded within {within}, by {by}", not_started=not_started,
                        within=duration_said(charge.refund_within), by=day_words(refund_by))
                 if refunded else
                 Phrase("every sum to the end of the period is due: the month in progress and "
                        "the {not_started} not started", not_started=not_started)))))]
    if monthly_cents is None:
        return PeriodExit(period_months, started, not_started, months_due, None, None,
                          refund_by, Worded(Phrase("not computable: missing {name} (the monthly "
                                                   "price)", name=named("monthly_amount"))),
                          tuple(lines), (charge.source,))
    due = months_due * monthly_cents
    refund = not_started * monthly_cents if refunded else 0
    lines.append(Worded(Joined((
        Phrase("due from the month in progress: {months} x {amount} = {total}",
               months=months_due, amount=eur(monthly_cents), total=eur(due)),
        Phrase("; refunded: {months} x {amount} = {total} by {by}", months=not_started,
               amount=eur(monthly_cents), total=eur(refund), by=day_words(refund_by))
        if refunded else ""))))
    basis = Worded(Joined((
        Phrase("{months} month(s) due from the month in progress", months=months_due),
        Phrase(", {months} refunded by {by}", months=not_started, by=day_words(refund_by))
        if refunded else Phrase(", every sum to the end of the period"),
        f" (art. {charge.source.article})")))
    return PeriodExit(period_months, started, not_started, months_due, due, refund, refund_by,
                      basis, tuple(lines), (charge.source,))


# --------------------------------------------------------------------------- work done


def work_done_billing(charges: list[ExitCharge]) -> Billing:
    """Leappy, ioSmart: only the work done is due; the terms give no figure."""
    used = _charges(charges, ["work_done"])
    rules = (listed([describe_charge(c) for c in used]) if used
             else Phrase("the terms state no exit charge"))
    return Billing(None, None, 0,
                   Worded(Phrase("not computable from the terms (the work done up to the "
                                 "effective date is not a figure of the contract): {rules}",
                                 rules=rules)),
                   tuple(Worded(Phrase("exit charge: {charge}", charge=describe_charge(c)))
                         for c in used),
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
