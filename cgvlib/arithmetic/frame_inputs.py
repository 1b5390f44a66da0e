"""Checks of pandas inputs (DataFrame columns, Series), written once, vectorised.

Every public function that takes a DataFrame or a Series (:func:`~cgvlib.arithmetic.
late_payment_frame.late_payment_frame`, the ``payments`` of :func:`~cgvlib.arithmetic.
liability.liability_cap`, Teogest's ``invoice_history`` in :func:`~cgvlib.arithmetic.notice.
exit_plan` and the views built on it) reads its columns here. A column of the wrong kind, a
missing value or an amount out of range raises :class:`~cgvlib.errors.InputError` naming the
column, the first bad rows (by index label) and their values::

    invoices['amount']: rows 3, 17, 42 (3 of 50 rows): not a number of euros: True, 'abc',
    (1+2j); give euros as numbers with at most two decimals, e.g. 1234.56

Amounts (euros, or cents in a ``*_cents`` column) follow the one rule of
:func:`cgvlib.money.amount_cents`, with the same reasons and advice, checked in this order:

- **kind**: a column of booleans, complex numbers, timedeltas or dates; in a column of Python
  objects, anything but real numbers, or strings among numbers (a column holds one kind); a
  string that is not a number (``'abc'``, ``'1,5'``, ``'nan'``); infinity;
- **missing**: NaN, None, NaT, pandas NA (where the column is required);
- **negative**;
- **too large**: above :data:`~cgvlib.money.MAX_AMOUNT_CENTS` (100,000,000.00 EUR), the limit
  of the exact int64 arithmetic (cents x basis points x days must fit in 64 bits);
- **fractions of a cent**.

Dates: ``datetime64`` (a time of day is dropped, a time zone's local day kept),
``datetime.date``/``datetime``/``Timestamp`` objects, ISO strings ``'YYYY-MM-DD'``; refused:
numbers, booleans, timedeltas, unparseable strings (``'2023-02-30'``, ``'31/01/2024'``) and,
where required, missing values.

An empty frame (no rows) has no bad row: the checks pass and the callers return an empty
result (a missing column is still an error).

Only whole-array operations run over the rows; Python code runs per distinct *type* of an
object column (a handful) and to format the first :data:`SHOWN` bad rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
import pandas as pd

from cgvlib.errors import InputError
from cgvlib.money import MAX_AMOUNT_CENTS, amount_refusal, shown

SHOWN = 5  # bad rows named in a message
BLOCK = 32_768  # rows converted at a time: a block's floats fit in the processor's cache

# the kinds of value an object column may hold
NUMBER, DECIMAL, STRING, DATE, OTHER = range(5)


# --------------------------------------------------------------------------- messages


def rows_text(index: pd.Index, mask: np.ndarray) -> str:
    """``"rows 3, 17, 42 (3 of 50 rows)"``: the first :data:`SHOWN` labels where ``mask``."""
    where = np.flatnonzero(mask)
    labels = [repr(shown(x)) for x in index[where[:SHOWN]].tolist()]
    more = ", ..." if len(where) > SHOWN else ""
    word = "row" if len(where) == 1 else "rows"
    total = "row" if len(mask) == 1 else "rows"
    return f"{word} {', '.join(labels)}{more} ({len(where):,} of {len(mask):,} {total})"


def values_text(col: pd.Series, mask: np.ndarray) -> str:
    """The first :data:`SHOWN` values where ``mask``, as Python shows them."""
    where = np.flatnonzero(mask)[:SHOWN]
    values = [repr(shown(x)) for x in col.iloc[where].tolist()]
    return ", ".join(values) + (", ..." if mask.sum() > SHOWN else "")


def refuse(label: str, col: pd.Series, mask: np.ndarray, reason: str, advice: str):
    """Raise the error naming ``label``, the bad rows, the reason, their values, the advice."""
    raise InputError(f"{label}: {rows_text(col.index, mask)}: {reason}: "
                     f"{values_text(col, mask)}; {advice}")


def _quoted(names) -> str:
    return ", ".join(repr(str(n)) for n in names) or "none"


def _wanted(required, optional) -> str:
    parts = [" or ".join(repr(n) for n in r) if isinstance(r, tuple) else repr(r)
             for r in required]
    text = f"required: {', '.join(parts)}"
    return text + (f"; optional: {_quoted(optional)}" if optional else "")


def check_frame(frame, label: str, required: Sequence[str | tuple[str, ...]],
                optional: Sequence[str] = (), *, closed: bool = False) -> list[str]:
    """``frame`` is a DataFrame with every ``required`` column (a tuple: exactly one of
    those), no column twice and, when ``closed``, no other column than ``required`` and
    ``optional``; else an :class:`InputError` listing the required and the given columns.
    Returns the required columns present (the chosen one of each tuple)."""
    wanted = _wanted(required, optional)
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"{label}: expected a pandas DataFrame ({wanted}), got "
                         f"{type(frame).__name__}")
    given = list(frame.columns)
    twice = sorted({str(c) for c in frame.columns[frame.columns.duplicated()]})
    if twice:
        raise InputError(f"{label}: column(s) {_quoted(twice)} given more than once; "
                         f"{wanted}; given: {_quoted(given)}")
    present, missing = [], []
    for r in required:
        names = r if isinstance(r, tuple) else (r,)
        found = [n for n in names if n in frame.columns]
        if len(found) > 1:
            raise InputError(f"{label}: both {' and '.join(map(repr, found))} given; give one "
                             f"of them ({wanted}; given: {_quoted(given)})")
        if found:
            present.append(found[0])
        else:
            missing.append(" or ".join(map(repr, names)))
    if missing:
        raise InputError(f"{label}: missing column(s) {', '.join(missing)}; {wanted}; "
                         f"given: {_quoted(given)}")
    if closed:
        known = {n for r in required for n in (r if isinstance(r, tuple) else (r,))}
        unknown = [c for c in given if c not in known | set(optional)]
        if unknown:
            raise InputError(f"{label}: unknown column(s) {_quoted(unknown)}; {wanted}; "
                             f"given: {_quoted(given)}")
    return present


# --------------------------------------------------------------------------- object columns


def _kind_of(kind: type) -> int:
    if issubclass(kind, bool | np.bool_):
        return OTHER
    if issubclass(kind, Decimal):
        return DECIMAL
    if issubclass(kind, int | float | np.integer | np.floating):
        return NUMBER
    if issubclass(kind, str | np.str_):
        return STRING
    if issubclass(kind, dt.date | np.datetime64):  # datetime and Timestamp too
        return DATE
    return OTHER


# what pandas infers for an object column of plain ints and floats, missing values aside
_ONLY_NUMBERS = ("integer", "floating", "mixed-integer-float")


def _kinds(col: pd.Series) -> np.ndarray:
    """Each value's kind (:data:`NUMBER` ...), one Python call per distinct type."""
    types = col.map(type)
    codes = {t: _kind_of(t) for t in types.unique()}
    return types.map(codes).to_numpy(dtype=np.int8)


# --------------------------------------------------------------------------- amounts


def _not_amounts(dtype) -> bool:
    """A column type that never holds amounts: booleans, complex, timedeltas, dates,
    periods, bytes (numbers, strings and Python objects are read value by value)."""
    if isinstance(dtype, np.dtype):
        return dtype.kind in "bcmMSV"
    return pd.api.types.is_bool_dtype(dtype) or not (
        pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_string_dtype(dtype))


def _float_cents(label, col, euros, scale, unit, allow_missing, also, precision=None):
    """Float amounts (NaN where missing) as int64 cents, refused as the rule says; a float32
    column (``precision``) is whole cents when it is the float32 nearest to them."""
    def no(problem, mask):
        _, reason, advice = amount_refusal(problem, unit)
        if problem == "kind" and also:
            advice = f"{advice}, or {also}"
        refuse(label, col, mask, reason, advice)

    least, most = (euros.min(), euros.max()) if euros.size else (0.0, 0.0)
    if np.isfinite(least) and np.isfinite(most):  # NaN and infinities show in the extremes
        missing = np.zeros(euros.shape, dtype=bool)
    else:
        finite = np.isfinite(euros)
        infinite = ~finite & ~np.isnan(euros)
        if infinite.any():
            no("kind", infinite)
        missing = ~finite
        if not allow_missing:
            no("missing", missing)
        euros = np.where(finite, euros, 0.0)
        least, most = euros.min(), euros.max()
    if least < 0:
        no("negative", euros < 0)
    limit = MAX_AMOUNT_CENTS / scale
    if most > limit:
        no("too_large", euros > limit)
    # A float is a whole number of cents exactly when it is the double nearest to cents /
    # 100, i.e. when its shortest repr (what amount_cents reads) has at most two decimals.
    # Block by block, so that the floats in between stay in the processor's cache.
    cents = np.empty(euros.shape, dtype=np.int64)
    buffer = np.empty(min(euros.size, BLOCK))
    for start in range(0, euros.size, BLOCK):
        part = euros[start:start + BLOCK]
        whole = np.multiply(part, scale, out=buffer[:part.size])
        np.rint(whole, out=whole)
        np.copyto(cents[start:start + part.size], whole, casting="unsafe")
        if scale != 1:
            whole /= scale
        if precision is not None:
            sub_cent = whole.astype(precision) != part.astype(precision)
        else:
            sub_cent = whole != part
        if sub_cent.any():
            whole = np.rint(euros * scale)
            if scale != 1:
                whole /= scale
            if precision is not None:
                no("sub_cent", whole.astype(precision) != euros.astype(precision))
            no("sub_cent", whole != euros)
    return cents, missing


def amount_column(col: pd.Series, label: str, *, unit: str = "euros",
                  allow_missing: bool = False, also: str | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The amounts of ``col`` (euros, or cents with ``unit="cents"``) as int64 cents, and the
    mask of missing values (0 cents there; only with ``allow_missing``).

    Refused as :func:`cgvlib.money.amount_cents` refuses one value (module docstring), with
    an :class:`InputError` naming ``label``, the first bad rows and their values; ``also``
    adds another way to give the amounts to the advice of the "not a number" error."""
    scale = 100 if unit == "euros" else 1
    n = len(col)
    if n == 0:
        return _NOTHING
    col, dtype = _uncategorised(col)

    def no_kind(mask):
        _, reason, advice = amount_refusal("kind", unit)
        refuse(label, col, mask, reason, f"{advice}, or {also}" if also else advice)

    if _not_amounts(dtype):  # booleans, complex, timedeltas, dates, periods...
        missing = col.isna().to_numpy()
        if (~missing).any():
            no_kind(~missing)
        if not allow_missing:
            _, reason, advice = amount_refusal("missing", unit)
            refuse(label, col, missing, reason, advice)
        return np.zeros(n, dtype=np.int64), missing
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":
        values = col.to_numpy()
        if values.min() < 0:
            _, reason, advice = amount_refusal("negative", unit)
            refuse(label, col, values < 0, reason, advice)
        limit = MAX_AMOUNT_CENTS // scale
        if values.max() > limit:
            _, reason, advice = amount_refusal("too_large", unit)
            refuse(label, col, values > limit, reason, advice)
        return values.astype(np.int64) * scale, np.zeros(n, dtype=bool)
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        euros = col.to_numpy(dtype=np.float64)
        return _float_cents(label, col, euros, scale, unit, allow_missing, also,
                            dtype if dtype.itemsize < 8 else None)
    if pd.api.types.is_numeric_dtype(dtype):  # nullable Int64, Float64...
        euros = col.to_numpy(dtype=np.float64, na_value=np.nan)
        return _float_cents(label, col, euros, scale, unit, allow_missing, also)
    missing = col.isna().to_numpy()
    if pd.api.types.is_string_dtype(dtype) and not (
            isinstance(dtype, np.dtype) and dtype.kind == "O"):
        strings = ~missing
        decimals = np.zeros(n, dtype=bool)
    elif pd.api.types.infer_dtype(col, skipna=True) in _ONLY_NUMBERS:  # fast path, no types
        strings = decimals = np.zeros(n, dtype=bool)
    else:  # Python objects
        kinds = _kinds(col)
        strings = (kinds == STRING) & ~missing
        decimals = (kinds == DECIMAL) & ~missing
        numbers = ((kinds == NUMBER) | decimals) & ~missing
        bad = ~missing & ~(numbers | strings)
        if numbers.any() and strings.any():
            bad |= strings  # strings among numbers: one kind per column
        if bad.any():
            no_kind(bad)
    if strings.any():
        parsed = pd.to_numeric(col.where(strings), errors="coerce").to_numpy(
            dtype=np.float64, na_value=np.nan)
        unreadable = strings & ~np.isfinite(parsed)
        if unreadable.any():
            no_kind(unreadable)
        euros = np.where(strings, parsed, np.nan)
    else:
        euros = col.where(~missing).to_numpy(dtype=np.float64, na_value=np.nan)
    cents, absent = _float_cents(label, col, euros, scale, unit, allow_missing, also)
    if decimals.any():  # exact: Decimal('12.3400000001') is not 1234 cents
        exact = col.to_numpy(dtype=object)[decimals] * scale
        inexact = np.zeros(n, dtype=bool)
        inexact[np.flatnonzero(decimals)] = (exact % 1 != 0).astype(bool)
        if inexact.any():
            _, reason, advice = amount_refusal("sub_cent", unit)
            refuse(label, col, inexact, reason, advice)
    return cents, absent


# --------------------------------------------------------------------------- dates

DATE_ADVICE = "give dates as datetime64, datetime.date or 'YYYY-MM-DD'"
_NOTHING = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool))  # an empty column's values


def _uncategorised(col: pd.Series) -> tuple[pd.Series, object]:
    """A categorical column as its values (objects), to be checked as any other."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.astype(object), np.dtype(object)
    return col, col.dtype


MISSING = "missing (NaN, None or NaT)"
_PER_DAY = {"h": 24, "m": 1_440, "s": 86_400, "ms": 86_400_000, "us": 86_400_000_000,
            "ns": 86_400_000_000_000}  # datetime64 units shorter than a day, in a day
_NAT = np.iinfo(np.int64).min  # NaT's int64 value


def _days(stamps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """datetime64 values as int64 day numbers (the day each falls on; any number where
    missing) and the mask of missing values (NaT): one integer floor division for the units
    shorter than a day (what ``astype("datetime64[D]")`` does, faster)."""
    unit, count = np.datetime_data(stamps.dtype)
    per_day = _PER_DAY.get(unit)
    if per_day is None or count != 1:
        days = stamps.astype("datetime64[D]")
        return days.view(np.int64), np.isnat(days)
    ticks = stamps.view(np.int64)
    if ticks.size and ticks.min() == _NAT:  # NaT is the least int64: one pass finds any
        return ticks // per_day, ticks == _NAT
    return ticks // per_day, np.zeros(ticks.shape, dtype=bool)


def date_column(col: pd.Series, label: str, *, allow_missing: bool = False,
                missing_advice: str = "give a date on every row"
                ) -> tuple[np.ndarray, np.ndarray]:
    """The dates of ``col`` as int64 day numbers (days since 1970-01-01; 0 where missing) and
    the mask of missing values (only with ``allow_missing``); numbers, booleans, timedeltas
    and unparseable strings refused, with :class:`InputError` naming ``label`` and the first
    bad rows and values."""
    n = len(col)
    if n == 0:
        return _NOTHING
    col, dtype = _uncategorised(col)
    if isinstance(dtype, pd.DatetimeTZDtype):
        stamps = col.dt.tz_localize(None)  # the local calendar day, as as_date reads it
    elif isinstance(dtype, np.dtype) and dtype.kind == "M":
        stamps = col
    else:
        missing = col.isna().to_numpy()
        if pd.api.types.is_string_dtype(dtype) and not (
                isinstance(dtype, np.dtype) and dtype.kind == "O"):
            strings, dates = ~missing, np.zeros(n, dtype=bool)
        elif isinstance(dtype, np.dtype) and dtype.kind == "O":
            kinds = _kinds(col)
            strings = (kinds == STRING) & ~missing
            dates = (kinds == DATE) & ~missing
        else:  # numbers, booleans, timedeltas, periods...
            strings = dates = np.zeros(n, dtype=bool)
        bad = ~missing & ~strings & ~dates
        if bad.any():
            refuse(label, col, bad, "not a date", DATE_ADVICE)
        stamps = pd.Series(pd.NaT, index=col.index, dtype="datetime64[us]")
        if strings.any():
            stamps[strings] = pd.to_datetime(col[strings], errors="coerce", format="ISO8601")
        if dates.any():
            stamps[dates] = pd.to_datetime(col[dates].astype(object), errors="coerce")
        unreadable = ~missing & stamps.isna().to_numpy()
        if unreadable.any():
            refuse(label, col, unreadable, "not a date", DATE_ADVICE)
    days, missing = _days(stamps.to_numpy())
    if missing.any():
        if not allow_missing:
            refuse(label, col, missing, MISSING, missing_advice)
        days[missing] = 0
    return days, missing


__all__ = ["SHOWN", "amount_column", "check_frame", "date_column", "refuse", "rows_text",
           "values_text"]
