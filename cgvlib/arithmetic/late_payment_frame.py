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
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cgvlib.arithmetic.common import as_vendor, clause_of
from cgvlib.arithmetic.late_payment import (
    DAYS_PER_YEAR,
    MONTHS_PER_YEAR,
    annual_rate_bp,
    annual_rules,
    delay_offset,
    indemnity_terms,
    missing_invoice_date_error,
    needs_invoice_date,
)
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.payment import LatePayment
from cgvlib.model.vendor import Vendor
from cgvlib.money import INTEREST_DENOMINATOR, percent_to_bp
from cgvlib.reference.ecb_rate import load_ecb_rates
from cgvlib.reference.months import semester_end

FIRST_SEMESTER = dt.date(1999, 1, 1)  # the ECB series starts on 1999-01-01; legal rate on 2005
SHOWN_LABELS = 5  # bad rows named in an error message
INT64_MAX = np.iinfo(np.int64).max
EPOCH = dt.date(1970, 1, 1)


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


def _series(rule) -> str:
    """What the table's rates come from, for error messages."""
    names = {
        "ecb_plus_points": "the ECB semester rate (L441-10 II; the ECB data is complete until "
        f"{load_ecb_rates().complete_until})",
        "legal_multiple": "the legal interest rate",
        "legal_plus_points": "the legal interest rate",
    }
    return " and ".join(dict.fromkeys(names[r.kind] for r in annual_rules(rule)))


def rate_table(rule) -> RateTable:
    """The :class:`RateTable` of an annual rule (cached by the rule's content).

    Each covered semester's rate comes from the scalar lookup on its first day; semesters the
    reference data does not cover (before the series starts, after its end) are left out.
    """
    key = rule.model_dump_json()
    if key in _TABLES:
        return _TABLES[key]
    annual_rules(rule)
    starts: list[dt.date] = []
    rates: list[int] = []
    semester = FIRST_SEMESTER
    while True:
        try:
            bp, _ = annual_rate_bp(rule, semester)
        except OutOfCoverageError:
            if starts:
                break  # past the end of the data
        else:
            starts.append(semester)
            rates.append(bp)
        semester = semester_end(semester) + dt.timedelta(days=1)
        if semester.year > dt.date.today().year + 50:  # pragma: no cover - data never ends
            break
    if not starts:
        raise OutOfCoverageError(
            "no reference rate covers any semester for this rule", series="late-payment rate"
        )
    end = semester_end(starts[-1])
    lengths = np.diff([_day_number(s) for s in starts] + [_day_number(end) + 1])
    bp_by_day = np.repeat(np.asarray(rates, dtype=np.int64), lengths)
    cum = np.concatenate(([0], np.cumsum(bp_by_day)))
    table = RateTable(_day_number(starts[0]), bp_by_day, cum, starts[0], end, _series(rule))
    _TABLES[key] = table
    return table


# --------------------------------------------------------------------------- inputs


def _rows(index: pd.Index, mask: np.ndarray) -> str:
    where = np.flatnonzero(mask)
    labels = ", ".join(repr(index[i]) for i in where[:SHOWN_LABELS])
    more = f" and {len(where) - SHOWN_LABELS} more" if len(where) > SHOWN_LABELS else ""
    return f"{len(where)} row(s) (index {labels}{more})"


@dataclass(frozen=True)
class Invoices:
    """The validated input columns as int64 arrays (cents; day numbers from 1970-01-01)."""

    index: pd.Index
    cents: np.ndarray
    due: np.ndarray
    paid: np.ndarray
    invoice: np.ndarray | None  # None when the column is absent
    invoice_missing: np.ndarray | None


def _cents(frame: pd.DataFrame) -> np.ndarray:
    """The ``amount`` column (euros) as int64 cents, refusing what :func:`amount_cents` refuses:
    missing, negative, non-finite and sub-cent amounts."""
    col = frame["amount"]
    if pd.api.types.is_bool_dtype(col.dtype):
        raise InputError("amount: expected euros, got a column of booleans")
    if pd.api.types.is_integer_dtype(col.dtype) and not col.hasnans:
        euros = col.to_numpy(dtype=np.int64)
        bad = euros < 0
        if bad.any():
            raise InputError(f"amount: {_rows(frame.index, bad)} negative; give 0 or more euros")
        if euros.size and int(euros.max()) > INT64_MAX // 100:
            raise InputError("amount: amounts too large for int64 cents")
        return euros * 100
    if not pd.api.types.is_numeric_dtype(col.dtype):
        col = pd.to_numeric(col, errors="coerce")
    euros = col.to_numpy(dtype=np.float64, na_value=np.nan)
    finite = np.isfinite(euros)
    if not finite.all():
        raise InputError(
            f"amount: {_rows(frame.index, ~finite)} missing or not a finite number of euros"
        )
    if (euros < 0).any():
        raise InputError(f"amount: {_rows(frame.index, euros < 0)} negative; give 0 or more euros")
    if euros.size and euros.max() >= 2.0**53 / 100:
        raise InputError(
            "amount: amounts from 90,071,992,547,409.92 EUR up cannot be read "
            "exactly from floats; give them as integer euros"
        )
    cents = np.rint(euros * 100)
    # A float is a whole number of cents exactly when it is the double nearest to cents / 100,
    # i.e. when its shortest repr (what amount_cents reads) has at most two decimals.
    sub_cent = cents / 100 != euros
    if sub_cent.any():
        raise InputError(
            f"amount: {_rows(frame.index, sub_cent)} with fractions of a cent; give "
            "euros with at most two decimals, e.g. 1234.56"
        )
    return cents.astype(np.int64)


def _days(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """A date column (datetime64, datetime.date or ISO strings) as int64 day numbers, and the
    mask of missing or unreadable dates."""
    col = frame[column]
    if isinstance(col.dtype, pd.DatetimeTZDtype):
        col = col.dt.tz_localize(None)  # the local calendar day, as as_date reads it
    if not pd.api.types.is_datetime64_dtype(col.dtype):
        col = pd.to_datetime(col, errors="coerce", format="ISO8601")
    days = col.to_numpy().astype("datetime64[D]")
    missing = np.isnat(days)
    return days.view(np.int64), missing


def read_invoices(frame, needs_invoice_date: bool, vendor: Vendor, clause: LatePayment) -> Invoices:
    """Validate ``frame``; :class:`InputError` naming the column and the first bad rows."""
    if not isinstance(frame, pd.DataFrame):
        raise InputError(
            f"invoices: expected a pandas DataFrame with columns amount, due, paid "
            f"(and invoice_date), got {type(frame).__name__}"
        )
    absent = [c for c in ("amount", "due", "paid") if c not in frame.columns]
    if absent:
        raise InputError(
            f"invoices: missing column(s) {', '.join(absent)}; expected amount "
            "(euros), due and paid (dates), and invoice_date when the clause needs it"
        )
    cents = _cents(frame)
    due, due_missing = _days(frame, "due")
    paid, paid_missing = _days(frame, "paid")
    for name, missing in (("due", due_missing), ("paid", paid_missing)):
        if missing.any():
            raise InputError(
                f"{name}: {_rows(frame.index, missing)} with no date or not a date; "
                "give datetime64, datetime.date or 'YYYY-MM-DD'"
            )
    early = paid < due
    if early.any():
        raise InputError(
            f"paid: {_rows(frame.index, early)} paid before the due date; a late "
            "payment is paid on or after its due date"
        )
    invoice = invoice_missing = None
    if "invoice_date" in frame.columns:
        invoice, invoice_missing = _days(frame, "invoice_date")
        after_due = ~invoice_missing & (invoice > due)
        if after_due.any():
            raise InputError(
                f"invoice_date: {_rows(frame.index, after_due)} dated after the due "
                "date; an invoice falls due on or after its date"
            )
    if needs_invoice_date and (invoice is None or invoice_missing.any()):
        where = (
            "invoice_date"
            if invoice is None
            else f"invoice_date: {_rows(frame.index, invoice_missing)}"
        )
        raise missing_invoice_date_error(vendor, clause, where)
    return Invoices(frame.index, cents, due, paid, invoice, invoice_missing)


# --------------------------------------------------------------------------- computation


@dataclass(frozen=True)
class ReadingArrays:
    first: np.ndarray
    delay: np.ndarray
    rate_bp: np.ndarray  # 0 where there is no day of delay
    interest_cents: np.ndarray


def _calendar(low: int, high: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each day number ``low..high``: its month index, day of the month, month length."""
    days = np.arange(low, high + 1).astype("datetime64[D]")
    months = days.astype("datetime64[M]")
    month_start = months.astype("datetime64[D]")
    day_of_month = (days - month_start).astype(np.int64) + 1
    length = ((months + 1).astype("datetime64[D]") - month_start).astype(np.int64)
    return months.astype(np.int64), day_of_month, length


def started_months_array(first: np.ndarray, paid: np.ndarray) -> np.ndarray:
    """Vectorised :func:`~cgvlib.reference.months.started_months` (both ends included) on
    day numbers: the months of ``paid``'s month index minus ``first``'s, less one when the
    anniversary in ``paid``'s month (``first``'s day clamped to the month's length) is after
    ``paid``, plus one for the month started on ``first``.

    The calendar facts are gathered from a table of the days spanned (a few thousand), which
    is faster than converting a million dates to months."""
    if first.size == 0:
        return np.zeros(0, dtype=np.int64)
    low = int(min(first.min(), paid.min()))
    month, day_of_month, length = _calendar(low, int(max(first.max(), paid.max())))
    f = first - low
    p = paid - low
    full = month[p] - month[f]
    full -= np.minimum(day_of_month[f], length[p]) > day_of_month[p]
    return full + 1


def _coverage(
    index: pd.Index, bad: np.ndarray, dates: np.ndarray, what: str, table: RateTable
) -> None:
    if not bad.any():
        return
    first_bad = int(np.flatnonzero(bad)[0])
    raise OutOfCoverageError(
        f"{_rows(index, bad)} need a rate outside the reference data: {table.series} is "
        f"known from {table.start} to {table.end}; the first, index {index[first_bad]!r}, needs "
        "the rate "
        f"for {what} {_date(dates[first_bad])}. Extend data/rates/ (see data/rates/README.md) "
        "or leave those rows out",
        series="late-payment rate",
        last_covered=table.end,
    )


def _reading_arrays(clause: LatePayment, inv: Invoices) -> ReadingArrays:
    """The first day, days of delay, first-period rate and interest under one reading."""
    event, offset = delay_offset(clause)
    base = inv.due if event == "due_date" else inv.invoice
    first = np.maximum(base + (offset + 1), inv.due + 1)
    delay = np.maximum(inv.paid - first + 1, 0)
    late = delay > 0
    rule = clause.rule
    if rule.kind == "percent_per_month":
        bp = percent_to_bp(rule.percent, "percent")
        rate_bp = np.where(late, bp, 0)
        if rule.months == "prorata":
            weight = delay * (bp * MONTHS_PER_YEAR)
        else:
            months = np.where(late, started_months_array(first, inv.paid), 0)
            weight = months * (bp * DAYS_PER_YEAR)
    else:
        table = rate_table(rule)
        if clause.rate_fixed_at == "semester":
            lo = first - table.first
            hi = inv.paid - table.first
            _coverage(inv.index, late & (lo < 0), first, "its first day of delay", table)
            _coverage(inv.index, late & (hi >= table.size), inv.paid, "its payment date", table)
            lo = np.where(late, lo, 0)
            hi = np.where(late, hi + 1, 0)
            weight = table.cum[hi] - table.cum[lo]
            rate_bp = np.where(late, table.bp[lo], 0)
        else:
            on_invoice = clause.rate_fixed_at == "invoice_date"
            when = inv.invoice if on_invoice else first
            at = when - table.first
            what = "its invoice date" if on_invoice else "its first day of delay"
            _coverage(inv.index, late & ((at < 0) | (at >= table.size)), when, what, table)
            rate_bp = np.where(late, table.bp[np.where(late, at, 0)], 0)
            weight = rate_bp * delay
    if inv.cents.size and int(inv.cents.max()) * int(weight.max()) > INT64_MAX:
        raise InputError(
            "amount: amounts and delays too large for exact int64 arithmetic; "
            "compute those invoices with late_payment"
        )
    quotient, remainder = np.divmod(inv.cents * weight, INTEREST_DENOMINATOR)
    interest = quotient + (2 * remainder >= INTEREST_DENOMINATOR)
    return ReadingArrays(first, delay, rate_bp, interest)


def _key(clause: LatePayment) -> str:
    """What the figures depend on: readings differing only in other fields (Leappy's formal
    notice) are computed once."""
    return clause.model_dump_json(include={"rule", "rate_fixed_at", "delay_starts"})


def _frame(vendor: Vendor | str, invoices: pd.DataFrame, reading: str | None) -> pd.DataFrame:
    v = as_vendor(vendor)
    clause = clause_of(v, "late_payment", "late-payment penalties")
    variants, default_name = reading_variants(clause)
    chosen = reading or default_name
    if chosen not in variants:
        valid = ", ".join(variants) if len(variants) > 1 else "this clause reads one way only"
        raise InputError(
            f"reading {chosen!r} is not a reading of this clause; valid readings: {valid}"
        )
    for variant in variants.values():
        annual_rules(variant.rule)
        delay_offset(variant)
    inv = read_invoices(invoices, any(needs_invoice_date(c) for c in variants.values()), v, clause)
    computed: dict[str, ReadingArrays] = {}
    by_reading: dict[str, ReadingArrays] = {}
    for name in [chosen, *(n for n in variants if n != chosen)]:
        key = _key(variants[name])
        if key not in computed:
            computed[key] = _reading_arrays(variants[name], inv)
        by_reading[name] = computed[key]

    unit_cents, _, _ = indemnity_terms(v)
    days_late = inv.paid - inv.due
    indemnity = np.where(days_late >= 1, unit_cents, 0)
    main = by_reading[chosen]
    total = main.interest_cents + indemnity
    rate = np.where(main.delay > 0, main.rate_bp / 100, np.nan)
    columns = {
        "amount_cents": inv.cents,
        "days_late": days_late,
        "first_day_of_delay": main.first.astype("datetime64[D]").astype("datetime64[s]"),
        "days_of_delay": main.delay,
        "rate": rate,
        "interest_cents": main.interest_cents,
        "indemnity_cents": indemnity,
        "total_cents": total,
        "interest": main.interest_cents / 100,
        "indemnity": indemnity / 100,
        "total": total / 100,
    }
    for name, arrays in by_reading.items():
        if name != chosen:
            columns[f"interest_cents[{name}]"] = arrays.interest_cents
            columns[f"total_cents[{name}]"] = arrays.interest_cents + indemnity
    out = pd.DataFrame(columns, index=invoices.index, copy=False)
    out.attrs.update(
        vendor=v.id,
        reading=chosen if len(variants) > 1 else None,
        default_reading=default_name if len(variants) > 1 else None,
        readings=list(variants) if len(variants) > 1 else [],
        rate_unit="per month" if clause.rule.kind == "percent_per_month" else "per year",
    )
    return out


def _partition(invoices: pd.DataFrame, vendor: Vendor | str, reading: str | None):
    """One dask partition (map_partitions passes the partition first)."""
    return _frame(vendor, invoices, reading)


def _is_dask(obj) -> bool:
    return type(obj).__module__.split(".")[0] in ("dask", "dask_expr")


def late_payment_frame(vendor: Vendor | str, invoices, *, reading: str | None = None):
    """:func:`~cgvlib.arithmetic.late_payment.late_payment` for every row of ``invoices``.

    ``invoices``: a pandas DataFrame with columns ``amount`` (euros), ``due`` and ``paid``
    (datetime64, ``datetime.date`` or ISO strings) and, when the clause needs it,
    ``invoice_date``; or a dask DataFrame with those columns (optional extra ``scale``: the
    same computation per partition, returned as a dask DataFrame).

    Returns a DataFrame on the input's index with the int64 columns ``amount_cents``,
    ``days_late``, ``days_of_delay``, ``interest_cents``, ``indemnity_cents``,
    ``total_cents`` (exact), ``first_day_of_delay`` (datetime64), ``rate`` (the first
    period's rate in percent, per year or per month as ``attrs["rate_unit"]`` says; NaN
    without a day of delay) and the float euro columns ``interest``, ``indemnity``, ``total``
    (the cents / 100, for display). For an ambiguous clause, each other reading ``r`` adds
    ``interest_cents[r]`` and ``total_cents[r]``. Equal to the scalar function to the cent on
    every row.

    Bad rows (paid before due, missing or unreadable dates, missing, negative or sub-cent
    amounts, a missing invoice date the clause needs) raise :class:`InputError` naming the
    column and the first rows' index labels; a row needing a rate outside the reference data
    raises :class:`OutOfCoverageError` naming how many rows, the first one, and the covered
    range.
    """
    if _is_dask(invoices):
        meta = _frame(vendor, invoices._meta, reading)
        return invoices.map_partitions(_partition, vendor, reading, meta=meta)
    return _frame(vendor, invoices, reading)


__all__ = ["RateTable", "late_payment_frame", "rate_table", "started_months_array"]
