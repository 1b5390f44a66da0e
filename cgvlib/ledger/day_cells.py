"""A ledger's date columns read into dates, whole column at once.

Text is read by :func:`cgvlib.dates.as_date` (ISO ``2024-03-15``, French ``15/03/2024``,
``15 mars 2024``, ``1er mars 2024``), once per distinct value (a ledger of a million rows has
a few thousand distinct dates; a CSV's ``15/03/2024`` and ``2024-03-15`` are read in numpy,
:mod:`cgvlib.ledger.usual_cells`), optionally followed by a
midnight time (``2024-03-15 00:00:00``, as some exports write). Dates already typed (an .xlsx
date cell, a Parquet or pandas datetime column) are taken as they are; a plain number in an
.xlsx file is an Excel serial date (day 1 = 1900-01-01, with Excel's 1900 leap-year quirk:
serial 45366 is 2024-03-15).
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from cgvlib.date_text import DateTextError, calendar_problem, parse_french_date
from cgvlib.ledger.usual_cells import distinct_codes, text_array, usual_dates

MISSING, NOT_A_DATE, IMPOSSIBLE = "date_missing", "date_not_a_date", "date_impossible"
REASONS = (MISSING, NOT_A_DATE, IMPOSSIBLE)

EXCEL_EPOCH = np.datetime64("1899-12-30")  # serial 0, past Excel's phantom 29 February 1900
_MIDNIGHT = re.compile(r"[T ]00:00(?::00(?:\.0+)?)?$")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_EARLIEST, _LATEST = dt.date(1900, 1, 1), dt.date(2199, 12, 31)


def read_dates(values: pd.Series, *, serials: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """``(days, reason)``: datetime64[D] dates (NaT where missing or refused) and, per row,
    ``""`` or a reason code (:data:`REASONS`); ``serials``: a number is an Excel serial date
    (.xlsx), else it is refused as not a date."""
    days, codes, why = date_codes(values, serials=serials)
    return days, why[codes]


def date_codes(values: pd.Series, *, serials: bool = False) -> tuple[np.ndarray, np.ndarray,
                                                                       np.ndarray]:
    """``(days, codes, why)``: the days of :func:`read_dates`, and its reasons as each row's
    index ``codes`` into ``why``, the reason of each distinct cell (``""`` when read)."""
    n = len(values)
    nat = np.datetime64("NaT")
    if n == 0:
        return (np.full(0, nat, dtype="datetime64[D]"), np.zeros(0, dtype=np.int64),
                np.array([""], dtype=object))
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        typed = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) else values
        days = typed.to_numpy().astype("datetime64[D]")
        return days, np.isnat(days).astype(np.int64), np.array(["", MISSING], dtype=object)
    arrow = text_array(values)
    if arrow is not None:  # a CSV's text: each distinct cell once, the usual forms in numpy
        uniques, codes = distinct_codes(arrow)
        got = np.full(len(uniques) + 1, nat, dtype="datetime64[D]")
        got[:-1], taken = usual_dates(uniques)
        others = [(int(i), uniques[int(i)].as_py()) for i in np.flatnonzero(~taken)]
    else:
        codes, uniques = pd.factorize(values if pd.api.types.is_string_dtype(values.dtype)
                                      else values.astype(object), sort=False)
        codes = np.where(codes < 0, len(uniques), codes)
        got = np.full(len(uniques) + 1, nat, dtype="datetime64[D]")
        others = list(enumerate(uniques))
    why = np.full(len(uniques) + 1, "", dtype=object)
    why[-1] = MISSING  # the last: a missing cell
    for i, value in others:
        got[i], why[i] = _one(value, serials)
    return got[codes], codes, why


def _one(value, serials: bool) -> tuple[np.datetime64, str]:
    """One distinct cell value: its day, or NaT and a reason code."""
    nat = np.datetime64("NaT")
    if isinstance(value, dt.datetime | pd.Timestamp):
        return (nat, MISSING) if pd.isna(value) else (np.datetime64(value.date(), "D"), "")
    if isinstance(value, dt.date):
        return np.datetime64(value, "D"), ""
    if isinstance(value, bool) or value is None:
        return nat, MISSING if value is None else NOT_A_DATE
    if isinstance(value, int | float | np.integer | np.floating):
        if pd.isna(value):
            return nat, MISSING
        if serials and float(value).is_integer() and 1 <= value <= 109_574:  # up to 2199
            return EXCEL_EPOCH + np.timedelta64(int(value), "D"), ""
        return nat, NOT_A_DATE
    if not isinstance(value, str):
        return nat, NOT_A_DATE
    text = _MIDNIGHT.sub("", value.strip())
    if not text:
        return nat, MISSING
    iso = _ISO.fullmatch(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        if calendar_problem(year, month, day):
            return nat, IMPOSSIBLE
        return _in_range(dt.date(year, month, day))
    try:
        return _in_range(parse_french_date(text))
    except DateTextError as refused:
        return nat, IMPOSSIBLE if refused.reason.startswith("not a calendar date") \
            else NOT_A_DATE


def _in_range(day: dt.date) -> tuple[np.datetime64, str]:
    if not _EARLIEST <= day <= _LATEST:  # 15/03/0224: a slip, not an invoice
        return np.datetime64("NaT"), IMPOSSIBLE
    return np.datetime64(day, "D"), ""
