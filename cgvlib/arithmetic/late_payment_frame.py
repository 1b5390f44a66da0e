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
from dataclasses import dataclass, field

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
    invoice: np.ndarray | None  # None when the column is absent
    invoice_missing: np.ndarray | None


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
    early = paid < due
    if early.any():
        refuse(f"{LABEL}['paid']", frame["paid"], early, "paid before the due date",
               "a late payment is paid on or after its due date")
    invoice = invoice_missing = None
    if "invoice_date" in frame.columns:
        invoice, invoice_missing = date_column(frame["invoice_date"], f"{LABEL}['invoice_date']",
                                               allow_missing=True)
        after_due = ~invoice_missing & (invoice > due)
        if after_due.any():
            refuse(f"{LABEL}['invoice_date']", frame["invoice_date"], after_due,
                   "dated after the due date", "an invoice falls due on or after its date")
    if needs_invoice_date and (invoice is None or invoice_missing.any()):
        where = (
            f"{LABEL}['invoice_date']"
            if invoice is None
            else f"{LABEL}['invoice_date']: {_rows(frame.index, invoice_missing)}"
        )
        raise missing_invoice_date_error(vendor, clause, where)
    return Invoices(frame.index, cents, due, paid, invoice, invoice_missing)


# --------------------------------------------------------------------------- computation


@dataclass(frozen=True)
class ReadingArrays:
    """One reading's figures for every row: first day and days of delay, the first period's
    rate (0 without a day of delay), the interest, and where the floor raised it."""

    first: np.ndarray
    delay: np.ndarray
    rate_bp: np.ndarray
    interest_cents: np.ndarray
    floored: np.ndarray


def _calendar(low: int, high: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each day number ``low..high``: its month index, day of the month, month length."""
    days = np.arange(low, high + 1).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    month_start = months.astype("datetime64[D]")
    day_of_month = (days - month_start).astype(np.int64) + 1
    length = ((months + 1).astype("datetime64[D]") - month_start).astype(np.int64)
    return months.astype(np.int64), day_of_month, length


def _anniversary(month: np.ndarray, day_of_month: np.ndarray) -> np.ndarray:
    """The day numbered ``day_of_month`` in month index ``month``, clamped to its last day
    (the months' first days and lengths from a table of the months spanned, a few hundred)."""
    low, high = int(month.min()), int(month.max())
    months = np.arange(low, high + 2).astype("datetime64[M]").astype("datetime64[D]")
    starts = months.astype(np.int64)
    at = month - low
    return starts[at] + np.minimum(day_of_month, np.diff(starts)[at]) - 1


def months_of_delay_array(first: np.ndarray, paid: np.ndarray):
    """Vectorised :func:`~cgvlib.reference.months.months_of_delay` on day numbers, for rows
    with ``paid >= first``: ``(full, rest, length)`` counted on the anniversaries of
    ``anchor = first - 1``. The calendar facts are gathered from a table of the days spanned
    (a few thousand), faster than converting every date to a month."""
    if first.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    anchor = first - 1
    low = int(min(anchor.min(), paid.min()))
    month, day_of_month, length = _calendar(low, int(max(anchor.max(), paid.max())))
    a = anchor - low
    p = paid - low
    full = month[p] - month[a] - (np.minimum(day_of_month[a], length[p]) > day_of_month[p])
    since = _anniversary(month[a] + full, day_of_month[a])
    after = _anniversary(month[a] + full + 1, day_of_month[a])
    return full, paid - since, after - since


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


def _half_up(cents: np.ndarray, weight: np.ndarray, denominator, bound: int | None = None
             ) -> np.ndarray:
    """cents x weight / denominator, rounded once, half-up, in exact int64. ``bound``, when
    given, is an upper bound of ``weight`` (e.g. the table's highest rate x the longest delay)
    that spares a pass over it; the exact maximum is taken only when the bound is too high."""
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
    product = np.multiply(cents, weight, dtype=np.int64)
    if isinstance(denominator, int) and 2 * largest + denominator <= INT64_MAX:
        # floor((2 x product + d) / 2d) = floor(product / d + 1/2): half-up in one division,
        # in place on the one temporary
        product *= 2
        product += denominator
        product //= 2 * denominator
        return product
    quotient, remainder = np.divmod(product, denominator)
    remainder *= 2
    quotient += remainder >= denominator
    return quotient


@dataclass(frozen=True)
class Delay:
    """The rows' delay under one start of delay: first day, days of delay, late rows, and the
    indexes of the first day and the payment day in a table (computed once per table)."""

    first: np.ndarray
    delay: np.ndarray
    late: np.ndarray
    paid: np.ndarray
    index: pd.Index
    spans: dict = field(default_factory=dict, compare=False)

    @functools.cached_property
    def longest(self) -> int:
        """The longest delay in days (0 for no row)."""
        return int(self.delay.max()) if self.delay.size else 0

    def span(self, table: RateTable) -> tuple[np.ndarray, np.ndarray]:
        """``lo``/``hi`` such that the rate-days of a row are ``cum[hi] - cum[lo]`` (0 for a
        row without a day of delay, where ``hi == lo``); an error for a late row outside the
        table. Kept per table: readings sharing a start of delay and a table share it."""
        key = ("span", id(table))
        found = self.spans.get(key)
        if found is not None and found[0] is table:
            return found[1]
        lo = self.first - table.first
        hi = lo + self.delay  # paid + 1 for a late row, lo for the others
        if lo.size and (lo.min() < 0 or lo.max() > table.size or hi.max() > table.size):
            # some row is outside the table: the late ones are errors, the others read 0
            if (self.late & (lo < 0)).any():
                _coverage(self.index, self.late & (lo < 0), self.first,
                          "its first day of delay", table)
            if (self.late & (hi > table.size)).any():
                _coverage(self.index, self.late & (hi > table.size), self.paid,
                          "its payment date", table)
            lo = np.where(self.late, lo, 0)
            hi = np.where(self.late, hi, 0)
        self.spans[key] = (table, (lo, hi))
        return lo, hi

    def first_rate(self, table: RateTable) -> np.ndarray:
        """The table's rate on each late row's first day of delay, 0 on the other rows."""
        key = ("first rate", id(table))
        found = self.spans.get(key)
        if found is None or found[0] is not table:
            lo, _ = self.span(table)
            found = self.spans[key] = (table, np.append(table.bp, 0)[
                np.where(self.late, np.minimum(lo, table.size - 1), table.size)])
        return found[1]

    def at(self, table: RateTable, when: np.ndarray, what: str) -> np.ndarray:
        """The index of ``when`` in the table for late rows, -1 elsewhere (the table's rate
        on ``when`` is then ``bp_at(table, at)``)."""
        at = when - table.first
        if at.size and (at.min() < 0 or at.max() >= table.size):
            _coverage(self.index, self.late & ((at < 0) | (at >= table.size)), when, what,
                      table)
        return np.where(self.late, at, -1)


def _most(table: RateTable) -> int:
    """The table's highest rate (0 for an empty table)."""
    return int(table.bp.max()) if table.size else 0


def bp_at(table_bp: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The rate at index ``at`` of a table's rates, 0 where ``at`` is -1 (no day of delay)."""
    return np.append(table_bp, 0)[at]


def _per_month(rule, d: Delay, cents: np.ndarray, memo: dict) -> tuple[np.ndarray, np.ndarray]:
    """A rate per month of delay, its months counted as ``rule.months`` says: the first
    period's rate and the interest. ``memo`` keeps what readings with the same delay share
    (the calendar months of delay)."""
    bp = percent_to_bp(rule.percent, "percent")
    denominator, bound = BP_PER_UNIT, None
    if rule.months == "prorata":
        weight, denominator = d.delay * (bp * MONTHS_PER_YEAR), INTEREST_DENOMINATOR
        bound = d.longest * bp * MONTHS_PER_YEAR
    elif rule.months == "prorata_30":
        weight, denominator = d.delay * bp, DAYS_PER_MONTH_30 * BP_PER_UNIT
        bound = d.longest * bp
    else:
        if "months" not in memo:
            full, rest, length = months_of_delay_array(np.where(d.late, d.first, d.paid),
                                                       d.paid)
            rest[~d.late] = 0  # no month and no day of delay (full is 0 there)
            memo["months"] = full, rest, length
        full, rest, length = memo["months"]
        if rule.months == "prorata_months":
            weight = full * length
            weight += rest
            weight *= bp
            denominator = length * BP_PER_UNIT  # a month's length: never 0
        else:
            weight = full + (rest > 0)
            weight *= bp
    if "rate" not in memo:
        memo["rate"] = {}
    if bp not in memo["rate"]:
        memo["rate"][bp] = np.where(d.late, bp, 0)
    return memo["rate"][bp], _half_up(cents, weight, denominator, bound)


def _reading_arrays(clause: LatePayment, inv: Invoices, floors: bool, memos: dict):
    """The figures of one reading as written and, where the floor applies, lawful:
    ``(written, lawful)`` (``lawful`` None for the law's own default terms). ``memos`` keeps,
    per start of delay, what readings sharing it compute once."""
    event, offset = delay_offset(clause)
    memo = memos.setdefault((event, offset), {})
    if "delay" not in memo:
        if event == "due_date":
            first = inv.due + (offset + 1)
        else:
            first = inv.invoice + (offset + 1)
            np.maximum(first, inv.due + 1, out=first)
        delay = inv.paid - first
        delay += 1
        np.maximum(delay, 0, out=delay)
        memo["delay"] = Delay(first, delay, delay > 0, inv.paid, inv.index)
        memo["no floor"] = np.zeros(first.shape, dtype=bool)
    d = memo["delay"]
    first, delay, no_floor = d.first, d.delay, memo["no floor"]
    rule = clause.rule
    if rule.kind == "percent_per_month":
        rate_bp, interest = _per_month(rule, d, inv.cents, memo)
        written = ReadingArrays(first, delay, rate_bp, interest, no_floor)
        if not floors:
            return written, None
        # L441-10 II against a rate per month: the interest over the whole delay
        if "floor" not in memo:
            floor = floor_table()
            lo, hi = d.span(floor)
            memo["floor"] = (_half_up(inv.cents, floor.cum[hi] - floor.cum[lo],
                                      INTEREST_DENOMINATOR, _most(floor) * d.longest),
                             floor.bp[np.minimum(lo, floor.size - 1)])
        at_floor, floor_bp = memo["floor"]
        floored = at_floor > interest
        return written, ReadingArrays(first, delay, np.where(floored, floor_bp, rate_bp),
                                      np.maximum(interest, at_floor), floored)
    if clause.rate_fixed_at == "semester":
        table = rate_table(rule)
        lo, hi = d.span(table)
        weight = table.cum[hi] - table.cum[lo]
        rate_bp = d.first_rate(table)
    else:
        on_invoice = clause.rate_fixed_at == "invoice_date"
        when = inv.invoice if on_invoice else first
        table = rate_table(rule)
        fixed_on = d.at(table, when,
                        "its invoice date" if on_invoice else "its first day of delay")
        rate_bp = bp_at(table.bp, fixed_on)
        weight = rate_bp * delay
    interest = _half_up(inv.cents, weight, INTEREST_DENOMINATOR, _most(table) * d.longest)
    written = ReadingArrays(first, delay, rate_bp, interest, no_floor)
    if not floors:
        return written, None
    if clause.rate_fixed_at == "semester":
        lawful_weight, lawful_rate = _lawful_semester_weight(clause, d)
    else:
        if "floor span" not in memo:
            memo["floor span"] = d.span(floor_table())
        lawful_weight, lawful_rate = _lawful_fixed_weight(d, rate_bp, table.bp, fixed_on,
                                                          memo["floor span"])
    held = max(_most(table), _most(floor_table())) * d.longest
    return written, ReadingArrays(
        first, delay, lawful_rate,
        _half_up(inv.cents, lawful_weight, INTEREST_DENOMINATOR, held), lawful_weight > weight)


def _lawful_semester_weight(clause: LatePayment, d: Delay):
    """The rate-days of a rule read per semester held to the floor (a table of max(rate,
    floor) per day), and the first day's rate."""
    table = lawful_table(clause.rule)
    lo, hi = d.span(table)
    return table.cum[hi] - table.cum[lo], d.first_rate(table)


def _lawful_fixed_weight(d: Delay, rate_bp: np.ndarray, table_bp: np.ndarray,
                         fixed_on: np.ndarray, span):
    """The rate-days of a rate fixed on a date (``rate_bp``, the table's rate at index
    ``fixed_on``, 0 at -1) held to the floor day by day, and the first day's rate: for each
    distinct rate ``r`` (a few dozen at most), a running sum of max(r, floor) over the floor's
    days; ``span`` is the delay's ``(lo, hi)`` in the floor table."""
    floor = floor_table()
    lo, hi = span
    rank, cum = _held_sums(table_bp, floor)
    flat = cum.ravel()
    row = rank[fixed_on]
    row *= cum.shape[1]
    weight = flat[row + hi]
    row += lo
    weight -= flat[row]
    # rate 0 and floor 0 on a row without a day of delay
    return weight, np.maximum(rate_bp, d.first_rate(floor))


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


def _frame(vendor: Vendor | str, invoices: pd.DataFrame, reading: str | None) -> pd.DataFrame:
    v = as_vendor(vendor)
    clause = clause_of(v, "late_payment", "late-payment penalties")
    variants, clause_default = reading_variants(clause)
    floors = floor_applies(v.id)
    names, default_name = reading_names(clause, floors)
    chosen = reading or default_name
    if chosen not in names:
        valid = ", ".join(names) if len(names) > 1 else "this clause reads one way only"
        raise InputError(
            f"reading {chosen!r} is not a reading of this clause; valid readings: {valid}"
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
    for name in [chosen, *(n for n in names if n != chosen)]:
        variant_name, lawful = _basis(name, clause_default, single, floors)
        key = _key(variants[variant_name])
        if key not in computed:
            both = _reading_arrays(variants[variant_name], inv, floors, memos)
            if main is None:  # the chosen reading, computed first: every array kept
                main = both[1] if lawful else both[0]
            # of the other readings, only the interest is shown: the rest is let go
            computed[key] = tuple(None if a is None else a.interest_cents for a in both)
        written, lawful_interest = computed[key]
        interests[name] = lawful_interest if lawful else written
    del computed
    memos.clear()  # the shared delays and spans

    unit_cents, _, _ = indemnity_terms(v)
    days_late = inv.paid - inv.due
    indemnity = (days_late >= 1) * np.int64(unit_cents)
    total = main.interest_cents + indemnity
    rate = np.full(len(days_late), np.nan)
    np.divide(main.rate_bp, 100, out=rate, where=main.delay > 0)
    first_day = main.first * SECONDS_PER_DAY  # day numbers as datetime64[s]
    columns = {
        "amount_cents": inv.cents,
        "days_late": days_late,
        "first_day_of_delay": first_day.view("datetime64[s]"),
        "days_of_delay": main.delay,
        "rate": rate,
        "interest_cents": main.interest_cents,
        "indemnity_cents": indemnity,
        "total_cents": total,
        "interest": main.interest_cents / 100,
        "indemnity": indemnity / 100,
        "total": total / 100,
    }
    chosen_variant, chosen_lawful = _basis(chosen, clause_default, single, floors)
    if chosen_lawful:
        columns["floor_applied"] = main.floored
    if assumed_until() is not None:
        columns["provisional"] = provisional_rows(variants[chosen_variant], chosen_lawful, inv,
                                                  main)
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
               until: dt.date | None = None):
    """One dask partition (map_partitions passes the partition first), computed in the
    :func:`~cgvlib.reference.provisional.assume_last` block the call was made in (``until``;
    dask computes later, outside it)."""
    with assume_last_if(until is not None, until):
        return _frame(vendor, invoices, reading)


def _is_dask(obj) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


def late_payment_frame(vendor: Vendor | str, invoices, *, reading: str | None = None):
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
    ``interest_cents[r]`` and ``total_cents[r]``. Equal to the scalar function to the cent on
    every row. Inside an :func:`~cgvlib.reference.provisional.assume_last` block, a boolean
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
    if _is_dask(invoices):
        meta = _frame(vendor, invoices._meta, reading)
        return invoices.map_partitions(_partition, vendor, reading, assumed_until(), meta=meta)
    return _frame(vendor, invoices, reading)


__all__ = ["RateTable", "floor_table", "late_payment_frame", "months_of_delay_array", "rate_table"]
