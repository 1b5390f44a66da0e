"""Month and semester arithmetic for the contracts' wording, one helper per phrase.

Every helper is built on ``dateutil.relativedelta`` and shares one convention:

End-of-month clamping
    Moving a date by whole months keeps its day number and, when the target month is too
    short, clamps it to that month's last day (``relativedelta`` semantics):

    * 31st of a month + 1 month -> last day of the next month: 2024-01-31 + 1 = 2024-02-29
      (leap year), 2023-01-31 + 1 = 2023-02-28, 2024-03-31 - 1 = 2024-02-29,
      2024-05-31 + 1 = 2024-06-30;
    * 29 February + 12 months in a non-leap year -> 28 February: 2024-02-29 + 12 = 2025-02-28.

    Anniversaries are always computed from the original date (``add_months(start, k)``), never
    by chaining one-month steps, so a clamped month does not shorten the following ones:
    from 2024-01-31 the anniversaries are 2024-02-29, 2024-03-31, 2024-04-30...

Periods
    A period from ``start`` to ``end`` includes both ends unless a docstring says otherwise;
    ``end`` before ``start`` raises :class:`~cgvlib.errors.InputError`.

Every date argument goes through :func:`cgvlib.dates.as_date`.
"""

from __future__ import annotations

import datetime as dt
import operator

from dateutil.relativedelta import relativedelta

from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase
from cgvlib.reference.series import day_or_month_words


def _as_months(n, name: str = "n") -> int:
    if isinstance(n, bool):
        raise InputError(f"{name}: expected a whole number of months, got {n!r}")
    try:
        return operator.index(n)
    except TypeError:
        raise InputError(
            f"{name}: expected a whole number of months, got {type(n).__name__} {n!r}"
        ) from None


def _period(start, end) -> tuple[dt.date, dt.date]:
    first = as_date(start, "start")
    last = as_date(end, "end")
    if last < first:
        raise InputError(f"end: {last} is before start {first}; a period needs start <= end")
    return first, last


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


# --------------------------------------------------------------------------- moving by months


def add_months(d, n: int) -> dt.date:
    """The same day number ``n`` months later (``n < 0``: earlier), clamped to month end.

    When the target month has fewer days than ``d``'s day number, the result is that month's
    last day: 2024-01-31 + 1 = 2024-02-29; 2023-01-31 + 1 = 2023-02-28;
    2024-03-31 - 1 = 2024-02-29; 2024-02-29 + 12 = 2025-02-28. ``n == 0`` returns ``d``.

    Because of the clamping, ``add_months(add_months(d, 1), -1) <= d`` (equal unless ``d`` was
    clamped: 2024-01-31 + 1 - 1 = 2024-01-29).
    """
    day = as_date(d, "d")
    months = _as_months(n)
    try:
        return day + relativedelta(months=months)
    except (OverflowError, ValueError):
        raise InputError(Phrase("{day} moved by {months} months falls outside years 1..9999",
                                day=day_or_month_words(day), months=months)) from None


def months_before(d, n: int) -> dt.date:
    """``n`` months before ``d``, clamped to month end: ``add_months(d, -n)``.

    For "N mois avant le terme": ``months_before(term, 2)`` is 2024-02-29 for a term on
    2024-04-30 (clamped: there is no 30 February) and 2024-01-31 for a term on 2024-03-31.
    """
    return add_months(d, -_as_months(n))


def months_after(d, n: int) -> dt.date:
    """``n`` months after ``d``, clamped to month end: ``add_months(d, n)``."""
    return add_months(d, _as_months(n))


# --------------------------------------------------------------------------- month bounds


def start_of_month(d) -> dt.date:
    """The first day of ``d``'s month (2024-02-29 -> 2024-02-01)."""
    return as_date(d, "d").replace(day=1)


def end_of_month(d) -> dt.date:
    """The last day of ``d``'s month: 28, 29, 30 or 31 (2024-02-10 -> 2024-02-29,
    2023-02-10 -> 2023-02-28, 2024-12-31 -> 2024-12-31)."""
    return as_date(d, "d") + relativedelta(day=31)


def start_of_next_month(d) -> dt.date:
    """The first day of the month after ``d``'s month (2024-12-31 -> 2025-01-01)."""
    day = as_date(d, "d")
    if day.year == dt.MAXYEAR and day.month == 12:
        raise InputError(Phrase("d: {day} has no next month within years 1..9999",
                                day=day_or_month_words(day)))
    return day.replace(day=1) + relativedelta(months=1)


def day_after_month_of(d) -> dt.date:
    """The first day of the month after ``d``'s month: "le lendemain du mois durant lequel
    X a eu lieu".

    2024-03-15 -> 2024-04-01; 2024-03-31 -> 2024-04-01; 2024-12-31 -> 2025-01-01. The same
    date as :func:`start_of_next_month`, named after the contract phrase (Teogest art. 20:
    the notice runs "à compter du lendemain du mois de la demande").
    """
    return start_of_next_month(d)


# --------------------------------------------------------------------------- counting months


def full_months_between(start, end) -> int:
    """Completed months from ``start`` to ``end``: the largest ``k >= 0`` such that
    ``add_months(start, k) <= end``.

    The k-th month is completed on its anniversary ``add_months(start, k)`` (clamped to month
    end, computed from ``start``): 2024-01-15 -> 2024-02-14 is 0, -> 2024-02-15 is 1;
    2024-01-31 -> 2024-02-28 is 0, -> 2024-02-29 is 1 (clamped anniversary);
    2024-01-31 -> 2024-03-30 is 1, -> 2024-03-31 is 2. ``end < start`` raises InputError.
    """
    first, last = _period(start, end)
    k = _month_index(last) - _month_index(first)
    # add_months(first, k) lies in end's month; if it is after end, the month is not complete.
    if first + relativedelta(months=k) > last:
        k -= 1
    return k


def full_years_between(start, end) -> int:
    """Completed years from ``start`` to ``end``: the largest ``k >= 0`` such that
    ``add_months(start, 12 * k) <= end`` (so ``full_months_between(start, end) // 12``).

    2023-03-15 -> 2024-03-14 is 0, -> 2024-03-15 is 1. A start on 29 February has its
    anniversary on 28 February in non-leap years (clamping): 2024-02-29 -> 2025-02-28 is 1,
    -> 2025-02-27 is 0. ``end < start`` raises InputError.
    """
    return full_months_between(start, end) // 12


def started_months(start, end) -> int:
    """Months started in the period ``start``..``end``, both included, counted on the monthly
    anniversaries of ``start``: "tout mois commencé est dû".

    Month 1 starts on ``start``; month ``k + 1`` starts on the anniversary
    ``add_months(start, k)`` (clamped to month end, computed from ``start``). The result is
    the number of those starts that are ``<= end``, i.e. ``full_months_between(start, end) +
    1``:

    * 2024-01-15 -> 2024-01-15 is 1 (one day starts a month);
    * 2024-01-15 -> 2024-02-14 is 1; -> 2024-02-15 is 2;
    * 31st of the month: 2024-01-31 -> 2024-02-28 is 1; -> 2024-02-29 is 2, because the
      clamped anniversary 2024-02-29 starts month 2 (and in 2023, 2023-01-31 -> 2023-02-28 is
      already 2).

    For months read as calendar months (a subscription billed per calendar month) use
    :func:`calendar_months_touched`. ``end < start`` raises InputError.
    """
    return full_months_between(start, end) + 1


def months_of_delay(first_day, last_day) -> tuple[int, int, int]:
    """The months a delay ``first_day``..``last_day`` (both included) lasts: ``(full, rest,
    length)``, i.e. ``full`` whole months and ``rest`` days of a month ``length`` days long.

    "Par mois de retard": a delay is a duration that starts running at the end of the day
    before its first day (the due date, for a delay from the day after the due date), so its
    months are counted on the anniversaries of that day, ``anchor = first_day - 1``: ``full``
    is the largest ``k`` with ``add_months(anchor, k) <= last_day``, ``rest`` the days after
    that anniversary up to ``last_day``, ``length`` the days from that anniversary to the next.
    Counting from the anchor, not from the first day, keeps a clamped month end from starting
    a month early:

    * due 2024-01-15, paid 2024-02-15 (delay 2024-01-16..2024-02-15): exactly one month,
      ``(1, 0, 29)``;
    * due 2023-01-30, paid 2023-02-28 (29 days): 2023-01-30 + 1 month = 2023-02-28, so exactly
      one month, ``(1, 0, 30)`` (the next month, from 2023-02-28 to 2023-03-30, has 30 days);
    * due 2023-01-31, paid 2023-03-01: one month to 2023-02-28, then 1 day of a 31-day month
      (2023-02-28..2023-03-31), ``(1, 1, 31)``.
    """
    first, last = _period(first_day, last_day)
    anchor = first - dt.timedelta(days=1)
    full = full_months_between(anchor, last)
    since = add_months(anchor, full)
    return full, (last - since).days, (add_months(anchor, full + 1) - since).days


def started_months_of_delay(first_day, last_day) -> int:
    """Months of delay started in ``first_day``..``last_day`` (both included): « tout mois de
    retard commencé », counted as :func:`months_of_delay` counts them (``full``, plus one when
    days are left over). One day of delay starts one month; a delay of exactly one month
    (due 2023-01-30, paid 2023-02-28) is one month, not two.
    """
    full, rest, _ = months_of_delay(first_day, last_day)
    return full + (rest > 0)


def calendar_months_touched(start, end) -> int:
    """The number of calendar months (January, February...) the period ``start``..``end``
    (both included) has at least one day in.

    "Tout mois commencé est dû" read as calendar months: 2024-01-31 -> 2024-02-01 is 2;
    2024-01-01 -> 2024-01-31 is 1; 2024-12-15 -> 2025-01-15 is 2. ``end < start`` raises
    InputError.
    """
    first, last = _period(start, end)
    return _month_index(last) - _month_index(first) + 1


# --------------------------------------------------------------------------- semesters


def semester_start(d) -> dt.date:
    """The first day of ``d``'s semester: 1 January (S1, January-June) or 1 July (S2)."""
    day = as_date(d, "d")
    return dt.date(day.year, 1 if day.month <= 6 else 7, 1)


def semester_end(d) -> dt.date:
    """The last day of ``d``'s semester: 30 June (S1) or 31 December (S2)."""
    day = as_date(d, "d")
    return dt.date(day.year, 6, 30) if day.month <= 6 else dt.date(day.year, 12, 31)


def semester_label(d) -> str:
    """``"YYYY-S1"`` (January-June) or ``"YYYY-S2"`` (July-December) for ``d``'s semester."""
    day = as_date(d, "d")
    return f"{day.year}-S{1 if day.month <= 6 else 2}"


def semester_bounds_between(start, end) -> list[tuple[dt.date, dt.date]]:
    """Split the period ``start``..``end`` (both included) at every 1 January and 1 July.

    Returns consecutive ``(piece_start, piece_end)`` pairs, both ends included, each inside one
    semester: the first starts on ``start``, the last ends on ``end``, and each next piece
    starts the day after the previous one ends, so the pieces' day counts
    ``(piece_end - piece_start).days + 1`` add up to ``(end - start).days + 1``.

    For a late payment, pass the first day of delay (the day after the due date) as ``start``
    and the payment date as ``end``. Example: 2024-06-20 -> 2024-07-10 gives
    [(2024-06-20, 2024-06-30), (2024-07-01, 2024-07-10)]; ``start == end`` gives one piece of
    one day. ``end < start`` raises InputError.
    """
    first, last = _period(start, end)
    pieces = []
    piece_start = first
    while True:
        piece_end = min(semester_end(piece_start), last)
        pieces.append((piece_start, piece_end))
        if piece_end == last:
            return pieces
        piece_start = piece_end + dt.timedelta(days=1)


__all__ = [
    "add_months",
    "calendar_months_touched",
    "day_after_month_of",
    "end_of_month",
    "full_months_between",
    "full_years_between",
    "months_after",
    "months_before",
    "months_of_delay",
    "semester_bounds_between",
    "semester_end",
    "semester_label",
    "semester_start",
    "start_of_month",
    "start_of_next_month",
    "started_months",
    "started_months_of_delay",
]
