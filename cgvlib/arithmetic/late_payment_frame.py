"""Late-payment interest and indemnity for a whole table of invoices, vectorised.

:func:`late_payment_frame` computes :func:`~cgvlib.arithmetic.late_payment.late_payment` for
every row of a pandas DataFrame with whole-array numpy operations (no per-row Python), and is
equal to it row by row, to the cent, by construction: the same integer numerator (cents x bp x
days, cents x bp x days x 12, or cents x bp x months x 365) over the same denominator
365 x 10,000, rounded once, half-up, on int64 arrays.

**Rates by day.** Every annual rule's rate is constant within a semester (the L441-10 II ECB
semester rate; the legal rate, fixed per semester since 2015 and per year before). For a rule,
:func:`rate_table` asks the scalar lookup (:func:`~cgvlib.arithmetic.late_payment.
annual_rate_bp`, so the very same rates) for each covered semester and tabulates, for each
covered day ``t``, the rate ``bp[t]`` and the running sum ``F(t) = sum of bp[d] for d < t``.
Then for a delay ``s..e`` split at 1 January / 1 July, the sum over semester pieces of
rate x days is ``F(e + 1) - F(s)``, and the rate on a date (invoice date, first day of delay) is
``bp[date]``: two gathers from a table of about 10,000 days replace the search for each row's
semesters. The table covers the semesters the reference data covers; a row needing a rate
outside it raises :class:`~cgvlib.errors.OutOfCoverageError`.

**Work shared, passes few.** Readings sharing a start of delay share its arrays; a delay's
days are day numbers, read as indexes by every table that covers the rows (each table also
kept by day number); months of delay come from small tables by (anchor's day of the month,
payment day) (:class:`MonthCount`, built once per span of days); each interest is rounded in
place on its own weights. Only the shown reading keeps its rates and the floor flags; the
others keep their interest; a figure no column shows (the lawful one of a reading asked for
as written alone, or the reverse) is not computed.

**Ambiguous clauses.** The main columns are the chosen reading's (the clause's default unless
``reading`` is given); for every other reading ``r`` two more columns give its figures:
``interest_cents[r]`` and ``total_cents[r]``. ``df.attrs`` records ``vendor``, ``reading``,
``default_reading`` and ``readings`` (every reading's name).

A dask DataFrame (optional extra ``scale``) is computed partition by partition with the same
function (``map_partitions``) and returned as a dask DataFrame.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import pandas as pd

from cgvlib.arithmetic.common import as_vendor, clause_of
from cgvlib.arithmetic.frame_inputs import (
    amount_column,
    check_frame,
    date_column,
    refuse,
    rows_text,
)
from cgvlib.arithmetic.late_payment import (
    AS_WRITTEN,
    DAYS_PER_MONTH_30,
    LAWFUL,
    MONTHS_PER_YEAR,
    annual_rate_bp,
    annual_rules,
    delay_offset,
    indemnity_terms,
    missing_invoice_date_error,
    needs_invoice_date,
    reading_names,
)
from cgvlib.arithmetic.penalty_floor import floor_applies, floor_bp_on
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.payment import LatePayment
from cgvlib.model.vendor import Vendor
from cgvlib.money import BP_PER_UNIT, INT64_MAX, INTEREST_DENOMINATOR, percent_to_bp
from cgvlib.reference.ecb_rate import load_ecb_rates
from cgvlib.reference.legal_rate import load_semester_rates
from cgvlib.reference.months import semester_end
from cgvlib.reference.provisional import assume_last_if, assumed_until
from cgvlib.reference.status import data_version, horizons

FIRST_SEMESTER = dt.date(1999, 1, 1)  # the ECB series starts on 1999-01-01; legal rate on 2005
EPOCH = dt.date(1970, 1, 1)
SECONDS_PER_DAY = 86_400


def _day_number(day: dt.date) -> int:
    return (day - EPOCH).days


def _date(number: int) -> dt.date:
    return EPOCH + dt.timedelta(days=int(number))


# --------------------------------------------------------------------------- rate tables


@dataclass(frozen=True)
class RateTable:
    """An annual rule's rate for every covered day, and its running sum.

    ``bp[i]`` is the rate on day ``first + i`` (day numbers count from 1970-01-01); ``cum[i]``
    is ``bp[0] + ... + bp[i - 1]``, so the rate-days over days ``a..b`` are
    ``cum[b + 1 - first] - cum[a - first]``. Covered days: ``start``..``end``.
    """

    first: int
    bp: np.ndarray
    cum: np.ndarray
    start: dt.date
    end: dt.date
    series: str

    @property
    def size(self) -> int:
        return len(self.bp)

    @functools.cached_property
    def bp_by_day(self) -> np.ndarray:
        """``bp`` indexed by the day number itself (0 before ``first``, never read there)."""
        return np.concatenate((np.zeros(self.first, dtype=self.bp.dtype), self.bp))

    @functools.cached_property
    def percent_by_day(self) -> np.ndarray:
        """``bp_by_day / 100``: the rates in percent, as the ``rate`` column shows them."""
        return self.bp_by_day / 100

    @functools.cached_property
    def cum_by_day(self) -> np.ndarray:
        """``cum`` indexed by the day number itself: the rate-days over days ``a..b`` are
        ``cum_by_day[b + 1] - cum_by_day[a]``."""
        return np.concatenate((np.zeros(self.first, dtype=self.cum.dtype), self.cum))


_TABLES: dict[str, RateTable] = {}
_TABLES_BUILT_ON: list[tuple] = []  # the data_version() the tables were built on


def _cached(key: str) -> RateTable | None:
    """The table built for ``key`` on the reference data in use now: every table is dropped
    when the series change (a user value added, a file edited, an ``assume_last`` block
    entered or left), so provisional or outdated rates are never served."""
    version = data_version()
    if [version] != _TABLES_BUILT_ON:
        _TABLES.clear()
        _HELD.clear()
        _TABLES_BUILT_ON[:] = [version]
    return _TABLES.get(key)


def _series(rule) -> str:
    """What the table's rates come from, for error messages."""
    names = {
        "ecb_plus_points": "the ECB rate (the ECB data is complete until "
        f"{load_ecb_rates().complete_until})",
        "legal_multiple": "the legal interest rate",
        "legal_plus_points": "the legal interest rate",
    }
    return " and ".join(dict.fromkeys(names[r.kind] for r in annual_rules(rule)))


def _changes(rule) -> list[dt.date]:
    """The days a rule's rate may change on: every 1 January and 1 July (the legal rate, the
    L441-10 II ECB semester rate), and every ECB decision for a rate « in force » on the day."""
    days = []
    semester = FIRST_SEMESTER
    while semester.year <= dt.date.today().year + 50:
        days.append(semester)
        semester = semester_end(semester) + dt.timedelta(days=1)
    if any(r.kind == "ecb_plus_points" and r.ecb_rate == "in_force" for r in annual_rules(rule)):
        days += [d for d in load_ecb_rates().effectives if d >= FIRST_SEMESTER]
    return sorted(set(days))


def _table(key: str, days_of_change, rate_on, series: str) -> RateTable:
    """The :class:`RateTable` of ``rate_on(day) -> bp``, constant between the days
    ``days_of_change()`` lists (built once per ``key``); the days the reference data does not
    cover (before its start, after its end) are left out."""
    cached = _cached(key)
    if cached is not None:
        return cached
    changes = days_of_change()
    starts: list[dt.date] = []
    rates: list[int] = []
    end = None
    for day in changes:
        try:
            bp = rate_on(day)
        except OutOfCoverageError:
            if starts:
                end = day - dt.timedelta(days=1)
                break  # past the end of the data
            continue
        starts.append(day)
        rates.append(bp)
    if not starts:
        raise OutOfCoverageError(
            "no reference rate covers any day for this rule", series="late-payment rate"
        )
    end = end or semester_end(changes[-1])
    try:  # the last rate may stop before the next change (an ECB rate in force on a day)
        rate_on(end)
    except OutOfCoverageError as exc:
        end = max(starts[-1], exc.last_covered)
    bounds = [_day_number(s) for s in starts] + [_day_number(end) + 1]
    lengths = np.diff(bounds)
    keep = lengths > 0
    bp_by_day = np.repeat(np.asarray(rates, dtype=np.int64)[keep], lengths[keep])
    cum = np.concatenate(([0], np.cumsum(bp_by_day)))
    table = RateTable(_day_number(starts[0]), bp_by_day, cum, starts[0], end, series)
    _TABLES[key] = table
    return table


def rate_table(rule) -> RateTable:
    """The :class:`RateTable` of an annual rule (cached by the rule's content): each rate from
    the scalar lookup (:func:`~cgvlib.arithmetic.late_payment.annual_rate_bp`), so the very
    same rates."""
    annual_rules(rule)
    return _table(rule.model_dump_json(), lambda: _changes(rule),
                  lambda day: annual_rate_bp(rule, day)[0], _series(rule))


def floor_table() -> RateTable:
    """The L441-10 II floor by day (:func:`~cgvlib.arithmetic.penalty_floor.floor_bp_on`: 3 x
    the legal rate of the semester, 0 before 2009), as far as the legal-rate data goes."""

    def semesters() -> list[dt.date]:
        changes = []
        semester = FIRST_SEMESTER
        while semester <= load_semester_rates().complete_until + dt.timedelta(days=1):
            changes.append(semester)
            semester = semester_end(semester) + dt.timedelta(days=1)
        return changes

    return _table("floor", semesters, floor_bp_on,
                  "the legal interest rate (the L441-10 II floor, 3 x the legal rate)")


def lawful_table(rule) -> RateTable:
    """An annual rule's rate held to the floor day by day: max(rate, floor), on the days both
    tables cover."""
    key = f"lawful:{rule.model_dump_json()}"
    cached = _cached(key)
    if cached is not None:
        return cached
    rates, floor = rate_table(rule), floor_table()
    first = max(rates.first, floor.first)
    last = min(rates.first + rates.size, floor.first + floor.size)  # exclusive
    bp = np.maximum(rates.bp[first - rates.first:last - rates.first],
                    floor.bp[first - floor.first:last - floor.first])
    cum = np.concatenate(([0], np.cumsum(bp)))
    table = RateTable(first, bp, cum, _date(first), _date(last - 1),
                      f"{rates.series} and {floor.series}")
    _TABLES[key] = table
    return table


# --------------------------------------------------------------------------- inputs


LABEL = "invoices"
REQUIRED = (("amount", "amount_cents"), "due", "paid")
OPTIONAL = ("invoice_date",)
CENTS_TOO = "integer cents in 'amount_cents'"


def _rows(index: pd.Index, mask: np.ndarray) -> str:
    return rows_text(index, mask)


@dataclass(frozen=True)
class Invoices:
    """The validated input columns as int64 arrays (cents; day numbers from 1970-01-01)."""

    index: pd.Index
    cents: np.ndarray
    due: np.ndarray
    paid: np.ndarray
    days_late: np.ndarray  # paid - due
    invoice: np.ndarray | None  # None when the column is absent
    invoice_missing: np.ndarray | None

    memo: dict = field(default_factory=dict, compare=False)  # what every delay shares

    @functools.cached_property
    def most_cents(self) -> int:
        """The largest amount (0 for no row)."""
        return int(self.cents.max()) if self.cents.size else 0


def read_invoices(frame, needs_invoice_date: bool, vendor: Vendor, clause: LatePayment) -> Invoices:
    """Validate ``frame`` (:mod:`~cgvlib.arithmetic.frame_inputs`); :class:`InputError` naming
    the column, the first bad rows and their values."""
    amount = check_frame(frame, LABEL, REQUIRED, OPTIONAL)[0]
    if amount == "amount":
        cents, _ = amount_column(frame["amount"], f"{LABEL}['amount']", also=CENTS_TOO)
    else:
        cents, _ = amount_column(frame["amount_cents"], f"{LABEL}['amount_cents']", unit="cents")
    due, _ = date_column(frame["due"], f"{LABEL}['due']",
                         missing_advice="every invoice needs its due date")
    paid, _ = date_column(frame["paid"], f"{LABEL}['paid']",
                          missing_advice="every invoice needs its payment date")
    days_late = paid - due
    if days_late.size and days_late.min() < 0:
        refuse(f"{LABEL}['paid']", frame["paid"], days_late < 0, "paid before the due date",
               "a late payment is paid on or after its due date")
    invoice = invoice_missing = None
    if "invoice_date" in frame.columns:
        invoice, invoice_missing = date_column(frame["invoice_date"], f"{LABEL}['invoice_date']",
                                               allow_missing=True)
        after_due = invoice > due
        if after_due.any() and (after_due := after_due & ~invoice_missing).any():
            refuse(f"{LABEL}['invoice_date']", frame["invoice_date"], after_due,
                   "dated after the due date", "an invoice falls due on or after its date")
    if needs_invoice_date and (invoice is None or invoice_missing.any()):
        where = (
            f"{LABEL}['invoice_date']"
            if invoice is None
            else f"{LABEL}['invoice_date']: {_rows(frame.index, invoice_missing)}"
        )
        raise missing_invoice_date_error(vendor, clause, where)
    return Invoices(frame.index, cents, due, paid, days_late, invoice, invoice_missing)


# --------------------------------------------------------------------------- computation


@dataclass(frozen=True)
class ReadingArrays:
    """The shown reading's figures for every row: first day and days of delay, the first
    period's rate in percent (meaningful where there is a day of delay: the ``rate`` column
    is NaN elsewhere), the interest, and where the floor raised it. The arrays are the
    caller's own (the columns are made of them in place)."""

    first: np.ndarray
    delay: np.ndarray
    rate: np.ndarray | float  # a float: the same rate on every row
    interest_cents: np.ndarray
    floored: np.ndarray


def _take(table: np.ndarray, at: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """``table[at]`` for indexes known to be in range (-1 for the last entry): ``np.take``
    without its bounds check, faster than fancy indexing on a million rows."""
    return np.take(table, at, mode="wrap", out=out)


# A day of a 28-, 29-, 30- or 31-day month as a whole number of parts of a month: the least
# common multiple of the four lengths, so a month fraction rest / length is exactly
# rest x (LCM / length) / LCM, over one denominator for every row.
MONTH_PARTS = 377_580  # lcm(28, 29, 30, 31)
_DAYS_OF_MONTH = np.arange(1, 32, dtype=np.int64)[:, None]  # an anchor's day of the month


_DAYS_ROUNDED = 1_024  # month tables span whole blocks of days, shared by nearby frames


class MonthTables(NamedTuple):
    """:class:`MonthCount`'s tables for the days ``low``..``high`` (built once per span)."""

    low: int
    months: int  # months spanned
    since_month: np.ndarray
    rest: np.ndarray
    length: np.ndarray
    started_month: np.ndarray
    since_parts: np.ndarray | None  # None when the parts could outgrow int32
    anchor_row: np.ndarray  # an anchor day's row in the tables, less low
    month: np.ndarray  # a day's month, from low's


@functools.lru_cache(maxsize=4)
def _month_tables(low: int, high: int) -> MonthTables:
    """The tables of :class:`MonthCount` over the days ``low``..``high`` (read only)."""
    days = np.arange(low, high + 1).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    first_month = months[0].astype(np.int64)
    month = months.astype(np.int64) - first_month  # 0 for low's month
    day_of_month = (days - months.astype("datetime64[D]")).astype(np.int64) + 1
    starts = np.arange(first_month, first_month + month[-1] + 3).astype(
        "datetime64[M]").astype("datetime64[D]").astype(np.int64)
    lengths = np.diff(starts)
    spanned = int(month[-1]) + 1
    # for each anchor day of the month (row) and payment day (column)
    before = np.minimum(_DAYS_OF_MONTH, lengths[month]) > day_of_month
    since_month = np.maximum(month - before, 0)  # below 0 only where no row reads it
    since = starts[since_month] + np.minimum(_DAYS_OF_MONTH, lengths[since_month]) - 1
    after = (starts[since_month + 1]
             + np.minimum(_DAYS_OF_MONTH, lengths[since_month + 1]) - 1)
    rest = np.arange(low, high + 1) - since
    length = after - since
    since_parts = None
    # the months as parts of a month, while they fit in int32 (a few centuries)
    if (spanned + 1) * MONTH_PARTS <= np.iinfo(np.int32).max:
        since_parts = (since_month * MONTH_PARTS + rest * (MONTH_PARTS // length)
                       ).astype(np.int32).ravel()
    tables = MonthTables(low, spanned, since_month.astype(np.int32).ravel(),
                         rest.astype(np.int32).ravel(), length.astype(np.int32).ravel(),
                         (since_month + (rest > 0)).astype(np.int32).ravel(), since_parts,
                         (day_of_month - 1) * len(days) - low, month.astype(np.int32))
    for table in tables:
        if isinstance(table, np.ndarray):
            table.flags.writeable = False  # shared by every call on these days
    return tables


class MonthCount:
    """:func:`~cgvlib.reference.months.months_of_delay` for rows ``(anchor, paid)`` with
    ``anchor <= paid`` (``anchor`` the day before the first day of delay).

    The months between two days depend only on the anchor's month and day of the month and
    on the payment day: tables over (anchor's day of the month 1..31) x (payment days spanned)
    give, for the last anniversary on or before the payment day, its month, the days since
    it (``rest``) and the length of the month of anniversaries it starts (``length``); a row
    is then one index into them, and its whole months are that month minus its anchor's.
    ``anchor`` is overwritten."""

    def __init__(self, anchor: np.ndarray, paid: np.ndarray):
        low = int(anchor.min()) if anchor.size else 0
        high = int(paid.max()) if paid.size else 0
        tables = _month_tables(low - low % _DAYS_ROUNDED,
                               high - high % _DAYS_ROUNDED + _DAYS_ROUNDED - 1)
        self.months = tables.months
        self.since_month = tables.since_month
        self.rest = tables.rest
        self.length = tables.length
        self.started_month = tables.started_month
        self.in_parts = tables.since_parts is not None
        self.since_parts = tables.since_parts
        # each anchor's row in the tables (less low, so that adding the payment day gives
        # the row's index) and its month
        at_anchor = np.subtract(anchor, tables.low, out=anchor)
        self.at = _take(tables.anchor_row, at_anchor)
        self.at += paid
        self.anchor_month = _take(tables.month, at_anchor)

    def full(self) -> np.ndarray:
        """Whole months of each row (int32)."""
        full = _take(self.since_month, self.at)
        full -= self.anchor_month
        return full

    def started(self) -> np.ndarray:
        """Months started (whole months, plus one where days are left over), int32."""
        started = _take(self.started_month, self.at)
        started -= self.anchor_month
        return started

    def parts(self) -> np.ndarray | None:
        """The months as :data:`MONTH_PARTS` parts of a month (``full x LCM + rest x LCM /
        length``), int32; None when they could outgrow int32 (over a few centuries)."""
        if not self.in_parts:
            return None
        parts = _take(self.since_parts, self.at)
        parts -= self.anchor_month * np.int32(MONTH_PARTS)
        return parts


def months_of_delay_array(first: np.ndarray, paid: np.ndarray):
    """Vectorised :func:`~cgvlib.reference.months.months_of_delay` on day numbers, for rows
    with ``paid >= first``: ``(full, rest, length)`` counted on the anniversaries of
    ``anchor = first - 1`` (:class:`MonthCount`)."""
    if first.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    count = MonthCount(first - 1, paid)
    return (count.full().astype(np.int64), count.rest[count.at].astype(np.int64),
            count.length[count.at].astype(np.int64))


def _coverage(
    index: pd.Index, bad: np.ndarray, dates: np.ndarray, what: str, table: RateTable
) -> None:
    if not bad.any():
        return
    first_bad = int(np.flatnonzero(bad)[0])
    label = index[[first_bad]].tolist()[0]  # a Python value, as shown in the rows
    raise OutOfCoverageError(
        f"{_rows(index, bad)} need a rate outside the reference data: {table.series} is "
        f"known from {table.start} to {table.end}; the first, index {label!r}, needs "
        "the rate "
        f"for {what} {_date(dates[first_bad])}. Extend data/rates/ (see data/rates/README.md) "
        "or leave those rows out",
        series="late-payment rate",
        last_covered=table.end,
    )


def _half_up(cents: np.ndarray, weight: np.ndarray, denominator, bound: int | None = None,
             *, most_cents: int | None = None, in_place: bool = False,
             out: np.ndarray | None = None) -> np.ndarray:
    """cents x weight / denominator, rounded once, half-up, in exact int64. ``bound``, when
    given, is an upper bound of ``weight`` (e.g. the table's highest rate x the longest delay)
    that spares a pass over it; the exact maximum is taken only when the bound is too high.
    ``most_cents``: the largest amount, when known; ``in_place``: ``weight`` (an int64 array
    of the caller's own) is overwritten with the result, else ``out`` (int64) when given."""
    if most_cents is None:
        most_cents = int(cents.max()) if cents.size else 0
    largest = most_cents * bound if bound is not None else INT64_MAX + 1
    if largest > INT64_MAX:
        largest = most_cents * int(np.max(weight)) if cents.size else 0
    if largest > INT64_MAX:
        # amounts are at most MAX_AMOUNT_CENTS, which fits any rate up to 100 % a year for
        # 252 years: only a larger rate (a rate per month) over decades can get here
        raise InputError(
            f"{LABEL}: cents x basis points x days reaches {largest:,}, beyond {INT64_MAX:,}, "
            "the limit of the exact int64 arithmetic; compute those invoices with "
            "late_payment (exact Python integers)"
        )
    if in_place and weight.dtype == np.int64:
        product = np.multiply(weight, cents, out=weight)
    else:
        product = np.multiply(cents, weight, dtype=np.int64, out=out)
    if isinstance(denominator, int):
        if denominator % 2 == 0 and largest + denominator // 2 <= INT64_MAX:
            # floor(product / d + 1/2) = floor((product + d / 2) / d) for an even d: half-up
            # in one division, in place on the one temporary
            product += denominator // 2
            product //= denominator
            return product
        if 2 * largest + denominator <= INT64_MAX:
            # floor((2 x product + d) / 2d) = floor(product / d + 1/2)
            product *= 2
            product += denominator
            product //= 2 * denominator
            return product
    quotient, remainder = np.divmod(product, denominator)
    remainder *= 2
    quotient += remainder >= denominator
    return quotient


class Fixed(NamedTuple):
    """Where each row's fixed rate is read in a table: its rate is ``bp[offset + index]``
    (with ``index`` -1: no day of delay, the rate 0 appended past the table's end);
    ``offset`` is negative where ``index`` holds day numbers (``-first``)."""

    offset: int
    index: np.ndarray


def _from(values: np.ndarray, offset: int) -> np.ndarray:
    """``values`` from its index ``offset``: a view, or for a negative ``offset`` a copy
    behind ``-offset`` zeros (a table by day, some ten thousand entries, not the rows)."""
    if offset >= 0:
        return values[offset:]
    return np.concatenate((np.zeros(-offset, dtype=values.dtype), values))


class Span(NamedTuple):
    """Where a delay's days fall in a table: the rate-days of a row are ``cum[hi] - cum[lo]``
    (0 for a row without a day of delay, where ``hi == lo``). ``shared``: ``lo``/``hi`` are
    the delay's own day numbers, the same for every table that covers the rows, and ``cum``
    the table's running sum by day number (``shift``: the earliest first day's index in the
    table); else indexes into the table's own ``cum`` (``shift`` 0)."""

    lo: np.ndarray
    hi: np.ndarray
    cum: np.ndarray
    shift: int
    shared: bool


@dataclass(frozen=True)
class Delay:
    """The rows' delay under one start of delay: first day, days of delay, late rows, and
    the day after each delay (``hi``); every table covering the rows reads these day
    numbers as indexes into its arrays by day number (no per-table pass over the rows)."""

    first: np.ndarray
    delay: np.ndarray
    paid: np.ndarray
    index: pd.Index
    spans: dict = field(default_factory=dict, compare=False)

    @functools.cached_property
    def late(self) -> np.ndarray:
        """The rows with a day of delay."""
        return self.delay > 0

    @functools.cached_property
    def longest(self) -> int:
        """The longest delay in days (0 for no row)."""
        return int(self.delay.max()) if self.delay.size else 0

    @functools.cached_property
    def origin(self) -> int:
        """The earliest first day of delay (a day number; 0 for no row)."""
        return int(self.first.min()) if self.first.size else 0

    @functools.cached_property
    def hi(self) -> np.ndarray:
        """The day after each late row's payment day (its first day for the others)."""
        return self.first + self.delay

    @functools.cached_property
    def bound(self) -> tuple[int, int]:
        """The latest first day, and a day no ``hi`` passes (the latest first day or the day
        after the latest payment), known without ``hi``."""
        if not self.first.size:
            return 0, 0
        latest = int(self.first.max())
        return latest, max(latest, int(self.paid.max()) + 1)

    @functools.cached_property
    def reach(self) -> tuple[int, int]:
        """The latest first day and ``hi``."""
        if not self.first.size:
            return 0, 0
        return self.bound[0], int(self.hi.max())

    def _covers(self, table: RateTable) -> bool:
        end = table.first + table.size
        if not self.first.size:
            return True
        if self.origin < table.first or self.bound[0] >= end:
            return False
        return self.bound[1] <= end or self.reach[1] <= end

    def check(self, table: RateTable) -> None:
        """An error for a late row outside ``table`` (what :meth:`span` refuses)."""
        if not self._covers(table):
            self.span(table)

    def span(self, table: RateTable) -> Span:
        """The rows' :class:`Span` in ``table``; an error for a late row outside it."""
        if self._covers(table):
            return Span(self.first, self.hi, table.cum_by_day, self.origin - table.first, True)
        key = ("span", id(table))
        found = self.spans.get(key)
        if found is not None and found[0] is table:
            return found[1]
        # some row is outside the table: the late ones are errors, the others read 0
        lo = self.first - table.first
        hi = lo + self.delay
        if (self.late & (lo < 0)).any():
            _coverage(self.index, self.late & (lo < 0), self.first,
                      "its first day of delay", table)
        if (self.late & (hi > table.size)).any():
            _coverage(self.index, self.late & (hi > table.size), self.paid,
                      "its payment date", table)
        lo = np.where(self.late, lo, 0)
        hi = np.where(self.late, hi, 0)
        span = Span(lo, hi, table.cum, 0, False)
        self.spans[key] = (table, span)
        return span

    def rate_days(self, table: RateTable) -> np.ndarray:
        """The sum over each row's days of delay of the table's rate (0 without a day)."""
        lo, hi, cum, _, _ = self.span(table)
        weight = _take(cum, hi)
        weight -= _take(cum, lo, self.scratch("lo", cum.dtype))
        return weight

    def scratch(self, name: str, dtype) -> np.ndarray:
        """A buffer of one value per row, reused by every reading of this delay (its
        contents are only good until the next use of the same name)."""
        key = ("scratch", name, np.dtype(dtype))
        found = self.spans.get(key)
        if found is None:
            found = self.spans[key] = np.empty(self.first.shape, dtype=dtype)
        return found

    def first_percent(self, table: RateTable) -> np.ndarray:
        """:meth:`first_rate` in percent (bp / 100, the same floats), gathered as such."""
        if self._covers(table):
            return _take(table.percent_by_day, self.first)
        return self.first_rate(table) / 100

    def first_rate(self, table: RateTable, out: np.ndarray | None = None) -> np.ndarray:
        """The table's rate on each late row's first day of delay (any value on the others),
        in ``out`` when given and the table covers the rows."""
        if self._covers(table):
            return _take(table.bp_by_day, self.first, out)
        lo = self.span(table).lo
        return np.append(table.bp, 0)[np.where(self.late, np.minimum(lo, table.size - 1),
                                               table.size)]

    def at(self, table: RateTable, when: np.ndarray, what: str, shared: dict) -> Fixed:
        """Where ``when`` falls in the table (:class:`Fixed`): -1 on rows without a day of
        delay when some row is outside the table, an error when a late one is. ``shared``
        keeps what does not depend on the delay (every row in the table)."""
        if when is self.first and self._covers(table):
            return Fixed(-table.first, self.first)
        key = ("at", id(table), id(when))
        for memo in (shared, self.spans):
            found = memo.get(key)
            if found is not None and found[0] is table and found[1] is when:
                return found[2]
        least, most = (int(when.min()), int(when.max())) if when.size else (table.first,) * 2
        if least >= table.first and most < table.first + table.size:
            fixed = Fixed(-table.first, when)
            shared[key] = (table, when, fixed)
            return fixed
        at = when - table.first
        _coverage(self.index, self.late & ((at < 0) | (at >= table.size)), when, what, table)
        fixed = Fixed(0, np.where(self.late, at, -1))
        self.spans[key] = (table, when, fixed)
        return fixed

    def months(self) -> MonthCount:
        """The calendar months of each row's delay (none without a day of delay): counted
        from the anchor, the day before the first day (the payment day where not late)."""
        found = self.spans.get("months")
        if found is None:
            anchor = self.first - 1
            np.minimum(anchor, self.paid, out=anchor)
            found = self.spans["months"] = MonthCount(anchor, self.paid)
        return found


def _most(table: RateTable) -> int:
    """The table's highest rate (0 for an empty table)."""
    return int(table.bp.max()) if table.size else 0


def bp_at(table_bp: np.ndarray, at: Fixed) -> np.ndarray:
    """The rate of a table's rates where :class:`Fixed` ``at`` says, 0 at -1 (no day of
    delay)."""
    return _take(_from(np.append(table_bp, 0), at.offset), at.index)


def _per_month(rule, d: Delay, inv: Invoices) -> np.ndarray:
    """The interest of a rate per month of delay, its months counted as ``rule.months``
    says."""
    bp = percent_to_bp(rule.percent, "percent")
    cents, most = inv.cents, inv.most_cents
    if rule.months == "prorata":
        weight = d.delay * (bp * MONTHS_PER_YEAR)
        return _half_up(cents, weight, INTEREST_DENOMINATOR, d.longest * bp * MONTHS_PER_YEAR,
                        most_cents=most, in_place=True)
    if rule.months == "prorata_30":
        weight = d.delay * bp
        return _half_up(cents, weight, DAYS_PER_MONTH_30 * BP_PER_UNIT, d.longest * bp,
                        most_cents=most, in_place=True)
    count = d.months()
    if rule.months == "started":
        weight = np.multiply(count.started(), bp, dtype=np.int64)
        return _half_up(cents, weight, BP_PER_UNIT, (count.months + 1) * bp, most_cents=most,
                        in_place=True)
    # prorata_months: bp x (full + rest / length) months, over MONTH_PARTS parts of a month
    parts = count.parts()
    if parts is not None:
        weight = np.multiply(parts, bp, dtype=np.int64)
        largest = most * int(weight.max()) if weight.size else 0
        denominator = MONTH_PARTS * BP_PER_UNIT
        if largest + denominator // 2 <= INT64_MAX:
            return _half_up(cents, weight, denominator, (count.months + 1) * MONTH_PARTS * bp,
                            most_cents=most, in_place=True)
    # the months' own lengths as denominators (exact, slower)
    length = count.length[count.at].astype(np.int64)
    weight = count.full().astype(np.int64)
    weight *= length
    weight += count.rest[count.at]
    weight *= bp
    return _half_up(cents, weight, length * BP_PER_UNIT, most_cents=most, in_place=True)


def _delay(inv: Invoices, event: str, offset: int) -> Delay:
    """The rows' delay when it starts ``offset + 1`` days after ``event`` (never before the
    day after the due date, L441-10 II's first day of delay): two new arrays, made in place."""
    if event == "due_date":
        first = np.add(inv.due, offset + 1)
        if offset == 0:  # paid - due, known not to be negative
            return Delay(first, inv.days_late.copy(), inv.paid, inv.index)
    else:
        first = np.add(inv.invoice, offset)
        np.maximum(first, inv.due, out=first)
        first += 1
    delay = np.subtract(inv.paid, first)
    delay += 1
    np.maximum(delay, 0, out=delay)
    return Delay(first, delay, inv.paid, inv.index)


def _reading_arrays(clause: LatePayment, inv: Invoices, floors: bool, memos: dict,
                    shown: str | None = None, *, need_written: bool = True,
                    need_lawful: bool = True):
    """The interest of one reading as written and, where the floor applies, lawful:
    ``(written, lawful, arrays)`` (``lawful`` None for the law's own default terms, or when
    not ``need_lawful``; ``written`` None when neither ``need_written`` nor needed for the
    lawful figure); ``arrays``, the :class:`ReadingArrays` of the figure ``shown``
    (``"written"`` or ``"lawful"``, which must be needed), None when ``shown`` is None.
    ``memos`` keeps, per start of delay, what readings sharing it compute once."""
    event, offset = delay_offset(clause)
    memo = memos.setdefault((event, offset), {})
    if "delay" not in memo:
        memo["delay"] = _delay(inv, event, offset)
    d = memo["delay"]
    rule = clause.rule
    cents, most = inv.cents, inv.most_cents
    if rule.kind == "percent_per_month":
        interest = _per_month(rule, d, inv)
        bp = percent_to_bp(rule.percent, "percent")
        arrays = None
        if shown == "written":
            arrays = ReadingArrays(d.first, d.delay, bp / 100, interest,
                                   np.zeros(d.first.shape, dtype=bool))
        if not (floors and need_lawful):
            if floors:  # rows the floor's data does not cover are refused all the same
                d.check(floor_table())
            return interest, None, arrays
        # L441-10 II against a rate per month: the interest over the whole delay
        if "floor" not in memo:
            floor = floor_table()
            memo["floor"] = _half_up(cents, d.rate_days(floor), INTEREST_DENOMINATOR,
                                     _most(floor) * d.longest, most_cents=most, in_place=True)
        at_floor = memo["floor"]
        if shown != "lawful":
            return interest, np.maximum(interest, at_floor), arrays
        floored = at_floor > interest
        rate = d.first_percent(floor_table())  # the floor's rate where it applies, else bp
        np.copyto(rate, bp / 100, where=~floored)
        # the interest as written, when no column shows it, becomes the lawful interest
        lawful = np.maximum(interest, at_floor, out=None if need_written else interest)
        arrays = ReadingArrays(d.first, d.delay, rate, lawful, floored)
        return (interest if need_written else None), lawful, arrays
    table = rate_table(rule)
    if clause.rate_fixed_at == "semester":
        weight = d.rate_days(table)
        shown_rate = d.first_percent(table) if shown == "written" else None
        fixed_on = None
    else:
        on_invoice = clause.rate_fixed_at == "invoice_date"
        when = inv.invoice if on_invoice else d.first
        fixed_on = d.at(table, when,
                        "its invoice date" if on_invoice else "its first day of delay", inv.memo)
        rate_bp = bp_at(table.bp, fixed_on)
        shown_rate = rate_bp / 100 if shown == "written" else None
        # the rates not shown: their array becomes the weights
        weight = np.multiply(rate_bp, d.delay, out=rate_bp if shown is None else None)
    bound = _most(table) * d.longest
    lawful_weight = lawful_rate = floored = None
    if floors and not need_lawful:  # rows the lawful figure could not cover: refused still
        d.check(floor_table() if fixed_on is not None else lawful_table(rule))
    floors = floors and need_lawful
    if floors:
        if fixed_on is None:
            lawful = lawful_table(rule)
            lawful_weight = d.rate_days(lawful)
            if shown == "lawful":
                lawful_rate = d.first_percent(lawful)
        else:
            lawful_weight = _lawful_fixed_weight(d, table.bp, fixed_on)
            if shown == "lawful":  # the rate as written is not shown: held in its array
                floor = floor_table()
                at_floor = d.first_rate(floor, d.scratch("row", floor.bp.dtype))
                lawful_rate = np.maximum(rate_bp, at_floor, out=rate_bp) / 100
        if shown == "lawful":
            floored = lawful_weight > weight
    arrays = written = None
    if need_written:
        written = _half_up(cents, weight, INTEREST_DENOMINATOR, bound, most_cents=most,
                           in_place=True)
    if shown == "written":
        arrays = ReadingArrays(d.first, d.delay, shown_rate, written,
                               np.zeros(d.first.shape, dtype=bool))
    if not floors:
        return written, None, arrays
    held = max(_most(table), _most(floor_table())) * d.longest
    spare = weight if written is None and weight.dtype == np.int64 else None  # not shown
    lawful = _half_up(cents, lawful_weight, INTEREST_DENOMINATOR, held, most_cents=most,
                      in_place=True, out=spare)
    if shown == "lawful":
        arrays = ReadingArrays(d.first, d.delay, lawful_rate, lawful, floored)
    return written, lawful, arrays


def _lawful_fixed_weight(d: Delay, table_bp: np.ndarray, fixed_on: Fixed) -> np.ndarray:
    """The rate-days of a rate fixed on a date (the table's rate where ``fixed_on`` says)
    held to the floor day by day: for each distinct rate ``r`` (a few dozen at most), a
    running sum of max(r, floor) over the floor's days the rows reach (int32 when it fits)."""
    floor = floor_table()
    shared = d._covers(floor)
    # covered: the days themselves, from the first day (no array of hi); else the span's
    hi = None if shared else d.span(floor).hi
    shift = d.origin - floor.first
    key = ("held", id(table_bp), id(floor.bp), shared)
    found = d.spans.get(key)
    if found is None or found[0] is not table_bp or found[1] is not floor.bp:
        rank, cum = _held_sums(table_bp, floor)
        base = 0  # what a day of ``hi`` adds to its row's index, less its column
        if shared:  # only the days from the delay's origin to its reach, by day number
            cum = cum[:, shift:shift + d.bound[1] - d.origin + 1]
            base = -d.origin
        cum = cum - cum[:, :1]  # the same differences, smaller numbers
        if cum.size and cum.max() <= np.iinfo(np.int32).max:
            cum = cum.astype(np.int32)
        found = d.spans[key] = (table_bp, floor.bp, rank * np.int64(cum.shape[1]) + base,
                                cum.ravel())
    row, flat = found[2], found[3]
    row = _take(_from(row, fixed_on.offset), fixed_on.index, d.scratch("row", np.int64))
    if hi is None:
        row += d.first
        row += d.delay
    else:
        row += hi
    weight = _take(flat, row)
    row -= d.delay  # at lo now: hi - lo is the delay (0 on a row without a day of delay)
    weight -= _take(flat, row, d.scratch("held", flat.dtype))
    return weight


_HELD: dict[int, tuple] = {}  # id(table bp) -> (bp, floor bp, rank, running sums)


def _held_sums(table_bp: np.ndarray, floor: RateTable) -> tuple[np.ndarray, np.ndarray]:
    """For a table of fixed rates: each of its days' index among its distinct rates (the last
    index, for -1, is the rate 0), and per distinct rate ``r`` the running sum of max(r, floor)
    over the floor's days; built once per table and floor (dropped with the tables when the
    reference data change)."""
    found = _HELD.get(id(table_bp))
    if found is not None and found[0] is table_bp and found[1] is floor.bp:
        return found[2], found[3]
    rates, rank = np.unique(np.append(table_bp, 0), return_inverse=True)
    held = np.maximum(rates[:, None], floor.bp[None, :])
    cum = np.concatenate((np.zeros((len(rates), 1), dtype=np.int64), np.cumsum(held, axis=1)),
                         axis=1)
    _HELD[id(table_bp)] = (table_bp, floor.bp, rank, cum)
    return rank, cum


def _key(clause: LatePayment) -> str:
    """What the figures depend on: readings differing only in other fields (Leappy's formal
    notice) are computed once."""
    return clause.model_dump_json(include={"rule", "rate_fixed_at", "delay_starts"})


def _basis(name: str, clause_default: str, single: bool, floors: bool) -> tuple[str, bool]:
    """The clause reading behind a reading name, and whether its figure is the lawful one."""
    if not floors:
        return name, False
    if single:
        return clause_default, name == LAWFUL
    if name.endswith(f"/{AS_WRITTEN}"):
        return name.removesuffix(f"/{AS_WRITTEN}"), False
    return name, True


def provisional_rows(clause: LatePayment, lawful: bool, inv: Invoices,
                     main: ReadingArrays) -> np.ndarray:
    """The rows whose figure reads a rate past the reference data (carried forward inside an
    :func:`~cgvlib.reference.provisional.assume_last` block): the rate fixed on a day past the
    series' end, a semester of the delay starting after it (ECB semester rate, legal rate), or,
    for a lawful figure, a semester of the delay past the legal rate's end (the floor)."""
    ends = {h.series: _day_number(h.last) for h in horizons()}
    late = main.delay > 0
    past = np.zeros(late.shape, dtype=bool)
    if clause.rule.kind != "percent_per_month":
        if clause.rate_fixed_at == "semester":
            read = inv.paid
        else:
            read = inv.invoice if clause.rate_fixed_at == "invoice_date" else main.first
        ecb_semester = _day_number(semester_end(_date(ends["ecb"])) + dt.timedelta(days=1))
        for rule in annual_rules(clause.rule):
            if rule.kind != "ecb_plus_points":
                past |= read > ends["legal"]
            elif rule.ecb_rate == "in_force":
                past |= read > ends["ecb"]
            else:  # the rate in force on 1 January / 1 July: a semester starting after the end
                past |= read >= ecb_semester
    if lawful:
        past |= inv.paid > ends["legal"]
    return late & past


def _frame(vendor: Vendor | str, invoices: pd.DataFrame, reading: str | None,
           readings: tuple[str, ...] | None = None) -> pd.DataFrame:
    v = as_vendor(vendor)
    clause = clause_of(v, "late_payment", "late-payment penalties")
    variants, clause_default = reading_variants(clause)
    floors = floor_applies(v.id)
    names, default_name = reading_names(clause, floors)
    chosen = reading or default_name
    valid = ", ".join(names) if len(names) > 1 else "this clause reads one way only"
    for name in [chosen, *(readings or ())]:
        if name not in names:
            raise InputError(
                f"reading {name!r} is not a reading of this clause; valid readings: {valid}"
            )
    for variant in variants.values():
        annual_rules(variant.rule)
        delay_offset(variant)
    inv = read_invoices(invoices, any(needs_invoice_date(c) for c in variants.values()), v, clause)
    single = len(variants) == 1
    computed: dict[str, tuple] = {}
    memos: dict = {}
    main: ReadingArrays | None = None
    interests: dict[str, np.ndarray] = {}
    others = [n for n in names if n != chosen and (readings is None or n in readings)]
    wanted: dict[str, set[bool]] = {}  # per clause reading: its figures asked for (lawful?)
    for name in [chosen, *others]:
        variant_name, lawful = _basis(name, clause_default, single, floors)
        wanted.setdefault(_key(variants[variant_name]), set()).add(lawful)
    for name in [chosen, *others]:
        variant_name, lawful = _basis(name, clause_default, single, floors)
        key = _key(variants[variant_name])
        if key not in computed:
            # the chosen reading, computed first, with every array; of the other readings,
            # only the interest is shown; a figure no column shows is not computed
            shown = None if main is not None else "lawful" if lawful else "written"
            written, lawful_interest, arrays = _reading_arrays(
                variants[variant_name], inv, floors, memos, shown,
                need_written=False in wanted[key], need_lawful=True in wanted[key])
            if main is None:
                main = arrays
            computed[key] = written, lawful_interest
        written, lawful_interest = computed[key]
        interests[name] = lawful_interest if lawful else written
    del computed
    memos.clear()  # the shared delays and spans

    chosen_variant, chosen_lawful = _basis(chosen, clause_default, single, floors)
    provisional = None
    if assumed_until() is not None:
        provisional = provisional_rows(variants[chosen_variant], chosen_lawful, inv, main)
    unit_cents, _, _ = indemnity_terms(v)
    days_late, cents = inv.days_late, inv.cents
    del inv  # its dates, read no more: their memory serves the columns below
    owed = days_late >= 1
    indemnity = np.multiply(owed, unit_cents, dtype=np.int64)
    total = main.interest_cents + indemnity
    # its own array, or the one rate on every row
    rate = np.full(main.delay.shape, main.rate) if isinstance(main.rate, float) else main.rate
    np.putmask(rate, main.delay == 0, np.nan)
    # day numbers as datetime64[s], in the first days' own array (read no more)
    first_day = np.multiply(main.first, SECONDS_PER_DAY, out=main.first)
    columns = {
        "amount_cents": cents,
        "days_late": days_late,
        "first_day_of_delay": first_day.view("datetime64[s]"),
        "days_of_delay": main.delay,
        "rate": rate,
        "interest_cents": main.interest_cents,
        "indemnity_cents": indemnity,
        "total_cents": total,
        "interest": main.interest_cents / 100,
        "indemnity": np.multiply(owed, unit_cents / 100),  # the same floats as cents / 100
        "total": total / 100,
    }
    if chosen_lawful:
        columns["floor_applied"] = main.floored
    if provisional is not None:
        columns["provisional"] = provisional
    for name, interest in interests.items():
        if name != chosen:
            columns[f"interest_cents[{name}]"] = interest
            columns[f"total_cents[{name}]"] = interest + indemnity
    out = pd.DataFrame(columns, index=invoices.index, copy=False)
    several = len(names) > 1
    out.attrs.update(
        vendor=v.id,
        reading=chosen if several else None,
        default_reading=default_name if several else None,
        readings=list(names) if several else [],
        rate_unit="per month" if clause.rule.kind == "percent_per_month" else "per year",
    )
    return out


def _partition(invoices: pd.DataFrame, vendor: Vendor | str, reading: str | None,
               until: dt.date | None = None, readings: tuple[str, ...] | None = None):
    """One dask partition (map_partitions passes the partition first), computed in the
    :func:`~cgvlib.reference.provisional.assume_last` block the call was made in (``until``;
    dask computes later, outside it)."""
    with assume_last_if(until is not None, until):
        return _frame(vendor, invoices, reading, readings)


def _is_dask(obj) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


def late_payment_frame(vendor: Vendor | str, invoices, *, reading: str | None = None,
                       readings: Iterable[str] | None = None):
    """:func:`~cgvlib.arithmetic.late_payment.late_payment` for every row of ``invoices``.

    ``invoices``: a pandas DataFrame with columns ``amount`` (euros, at most two decimals; or
    ``amount_cents``, integer cents, instead), ``due`` and ``paid`` (datetime64,
    ``datetime.date`` or ISO strings) and, when the clause needs it, ``invoice_date``; other
    columns are ignored. Or a dask DataFrame with those columns (optional extra ``scale``: the
    same computation per partition, returned as a dask DataFrame). An empty frame (no rows,
    the columns present) gives an empty result with the same columns.

    Returns a DataFrame on the input's index with the int64 columns ``amount_cents``,
    ``days_late``, ``days_of_delay``, ``interest_cents``, ``indemnity_cents``,
    ``total_cents`` (exact), ``first_day_of_delay`` (datetime64), ``rate`` (the first
    period's rate in percent, per year or per month as ``attrs["rate_unit"]`` says; NaN
    without a day of delay) and the float euro columns ``interest``, ``indemnity``, ``total``
    (the cents / 100, for display). For an ambiguous clause, each other reading ``r`` adds
    ``interest_cents[r]`` and ``total_cents[r]``: every other reading, or only those named in
    ``readings`` (``[]``: none; fewer columns, less work). Equal to the scalar function to the
    cent on every row. Inside an :func:`~cgvlib.reference.provisional.assume_last` block, a boolean
    column ``provisional`` says which rows use a rate carried forward past the data (the
    scalar result's ``provisional``).

    Bad inputs raise :class:`InputError` naming the column, the first rows' index labels and
    their values (:mod:`~cgvlib.arithmetic.frame_inputs`): a missing column (the required and
    the given ones listed); amounts of the wrong kind (booleans, complex, timedeltas, dates,
    strings that are not numbers, strings among numbers), missing (NaN, None, NaT),
    infinite, negative, above 100,000,000.00 EUR (the limit of the exact int64 arithmetic,
    :data:`~cgvlib.money.MAX_AMOUNT_CENTS`) or with fractions of a cent; dates that are
    missing or not dates (numbers, timedeltas, unparseable strings); a payment before its due
    date; a missing invoice date the clause needs. A row needing a rate outside the reference data
    raises :class:`OutOfCoverageError` naming how many rows, the first one, and the covered
    range.
    """
    if isinstance(readings, str):  # one name, not its letters
        readings = (readings,)
    readings = None if readings is None else tuple(readings)
    if _is_dask(invoices):
        meta = _frame(vendor, invoices._meta, reading, readings)
        return invoices.map_partitions(_partition, vendor, reading, assumed_until(), readings,
                                       meta=meta)
    return _frame(vendor, invoices, reading, readings)


__all__ = ["RateTable", "floor_table", "late_payment_frame", "months_of_delay_array", "rate_table"]
