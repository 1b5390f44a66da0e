"""A ledger's amount column read into integer cents, whole column at once.

The written forms are those of :mod:`cgvlib.amount_text` (``1 234,56``, ``1234,56``,
``1 234,56 €``, no-break and narrow no-break spaces between thousands), plus the English
forms an accounting export may use (``1234.56``, ``1,234.56``). A comma before three figures
(``1,500``) reads two ways: the column decides, the way a reader of the whole file would. If
another amount of the column has a decimal comma or thousands grouped by spaces, the column is
French and ``1,500`` is 1.50; if another has thousands grouped by commas before a point, it is
English and ``1,500`` is 1 500; if nothing in the column says, the amount is refused as
ambiguous. A point before three figures (``1.500``) is refused the same way unless the column
is English.

Numbers already typed (an .xlsx cell, a Parquet column) are taken as euros, with at most two
decimals. Each refused amount gets a reason code (:data:`REASONS`), never a silent rounding.

A CSV's cells in the usual French form are read straight from their bytes
(:mod:`cgvlib.ledger.usual_cells`); the others once per distinct value (:func:`pandas.factorize`)
with vectorised regular expressions.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from cgvlib.amount_text import SPACES  # space, no-break space, narrow no-break space
from cgvlib.ledger.usual_cells import text_array, usual_french_amounts
from cgvlib.money import MAX_AMOUNT_CENTS

# reason codes, worded by cgvlib.ledger.reasons
MISSING, NOT_A_NUMBER, NEGATIVE, FRACTION, TOO_LARGE, AMBIGUOUS = (
    "amount_missing", "amount_not_a_number", "amount_negative", "amount_fraction",
    "amount_too_large", "amount_ambiguous")
REASONS = (MISSING, NOT_A_NUMBER, NEGATIVE, FRACTION, TOO_LARGE, AMBIGUOUS)

_PATTERN = (
    "^(?P<sign>[-\u2212]?)\\s*"
    rf"(?P<units>\d{{1,3}}(?:[{SPACES}]\d{{3}})+|\d{{1,3}}(?:,\d{{3}})+|\d+)"
    r"(?:(?P<mark>[.,])(?P<dec>\d+))?$"
)
_CURRENCY = rf"(?i)[\s{SPACES}]*(?:€|eur|euros?)[\s{SPACES}]*$"
_MAX_DIGITS = len(str(MAX_AMOUNT_CENTS // 100)) + 1  # more integer figures than this: too large


def read_amounts(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(cents, reason)``: int64 cents (0 where refused) and, per row, ``""`` or the reason
    code (:data:`REASONS`) of a refused amount."""
    n = len(values)
    cents = np.zeros(n, dtype=np.int64)
    reason = np.full(n, "", dtype=object)
    if n == 0:
        return cents, reason
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values):
        _numbers(values.to_numpy(dtype="float64", na_value=np.nan), cents, reason,
                 np.ones(n, dtype=bool))
        return cents, reason
    arrow = text_array(values)
    if arrow is not None:  # a CSV's text: the usual French cells straight from their bytes
        got, taken = usual_french_amounts(arrow, MAX_AMOUNT_CENTS)
        cents[taken] = got[taken]
        missing = ~taken & values.isna().to_numpy()
        reason[missing] = MISSING
        others = ~taken & ~missing
        if others.any():
            _texts(values[others], cents, reason, others, french=bool(taken.any()))
        return cents, reason
    if pd.api.types.infer_dtype(values, skipna=False) == "string":  # text only
        _texts(values, cents, reason, np.ones(n, dtype=bool))
        return cents, reason
    objects = values.astype(object).to_numpy()
    is_text = np.fromiter((isinstance(v, str) for v in objects), dtype=bool, count=n)
    is_number = np.fromiter(
        (isinstance(v, int | float | np.integer | np.floating) and not isinstance(v, bool)
         for v in objects), dtype=bool, count=n)
    missing = pd.isna(values).to_numpy() & ~is_text
    reason[missing] = MISSING
    other = ~(is_text | is_number | missing)
    reason[other] = NOT_A_NUMBER
    if is_number.any():
        _numbers(objects[is_number].astype("float64"), cents, reason, is_number)
    if is_text.any():
        _texts(pd.Series(objects[is_text], dtype=object), cents, reason, is_text)
    return cents, reason


def _numbers(floats: np.ndarray, cents: np.ndarray, reason: np.ndarray, where: np.ndarray):
    """Typed numbers in euros: missing, negative, too large, or with fractions of a cent."""
    got_cents = np.zeros(len(floats), dtype=np.int64)
    why = np.full(len(floats), "", dtype=object)
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = floats * 100
        nan = np.isnan(floats)
        why[nan] = MISSING
        why[~nan & ~np.isfinite(floats)] = NOT_A_NUMBER
        finite = np.isfinite(floats)
        why[finite & (floats < 0)] = NEGATIVE
        big = finite & (np.abs(scaled) > MAX_AMOUNT_CENTS)
        why[big & (floats >= 0)] = TOO_LARGE
        ok = finite & ~big
        rounded = np.rint(np.where(ok, scaled, 0))
        fraction = ok & (np.abs(scaled - rounded) > 1e-6 * np.maximum(1, np.abs(scaled)))
        why[fraction & (why == "")] = FRACTION
        got_cents[ok] = rounded[ok].astype(np.int64)
    cents[where] = got_cents
    reason[where] = why


def _texts(texts: pd.Series, cents: np.ndarray, reason: np.ndarray, where: np.ndarray, *,
           french: bool = False):
    """The texts read once per distinct value; ``french``: the column holds amounts in the
    usual French form besides these."""
    codes, uniques = pd.factorize(texts, sort=False)
    arrow = pa.array(uniques.array if hasattr(uniques, "array") else uniques,
                     type=pa.string(), from_pandas=True)
    got_cents, why = _read_texts(arrow, french=french)
    cents[where] = got_cents[codes]
    reason[where] = why[codes]


def _bool(array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False)


def _read_texts(texts: pa.Array, *, french: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Each distinct text read as cents, or its reason code (Arrow's compute functions, in C
    over the whole array). The usual French form (``1 234,56``: groups of three figures,
    a comma and two decimals) is read on a short path: its figures are the cents; the others
    by :func:`_read_forms`, told whether the column holds that French form (``french``: it
    does, in cells read already)."""
    body = pc.utf8_trim(pc.replace_substring_regex(texts, _CURRENCY, ""), SPACES + "\t")
    usual = _bool(pc.match_substring_regex(body, _USUAL_FRENCH))
    if not usual.any():
        return _read_forms(body, french=french)
    cents = np.zeros(len(texts), dtype=np.int64)
    why = np.full(len(texts), "", dtype=object)
    figures = pc.replace_substring_regex(pc.filter(body, pa.array(usual)), f"[{SPACES},]", "")
    long = _bool(pc.greater(pc.utf8_length(figures), _MAX_DIGITS + 2))
    read = pc.cast(pc.if_else(pa.array(long), "0", figures), pa.int64()).to_numpy()
    why[usual] = np.where(long | (read > MAX_AMOUNT_CENTS), TOO_LARGE, "")
    cents[usual] = np.where(why[usual] == "", read, 0)
    others = ~usual
    if others.any():
        cents[others], why[others] = _read_forms(pc.filter(body, pa.array(others)),
                                                 french=True)
    return cents, why


_USUAL_FRENCH = rf"^\d{{1,3}}(?:[{SPACES}]\d{{3}})*,\d{{2}}$|^\d+,\d{{2}}$"


def _read_forms(body: pa.Array, *, french: bool) -> tuple[np.ndarray, np.ndarray]:
    """Every written form (module docstring) of the texts ``body`` (currency and spaces
    around already dropped); ``french``: the column is known to be French already."""
    n = len(body)
    parts = pc.extract_regex(body, _PATTERN)
    units, mark, dec, sign = (pc.fill_null(pc.struct_field(parts, f), "")
                              for f in ("units", "mark", "dec", "sign"))
    matched = _bool(pc.is_valid(pc.struct_field(parts, "units")))
    comma_units = _bool(pc.match_substring(units, ","))
    space_units = _bool(pc.match_substring_regex(units, f"[{SPACES}]"))
    one_group = _bool(pc.match_substring_regex(units, r"^\d{1,3},\d{3}$"))
    mark_comma, mark_point = _bool(pc.equal(mark, ",")), _bool(pc.equal(mark, "."))
    three = _bool(pc.equal(pc.utf8_length(dec), 3))
    why = np.full(n, "", dtype=object)

    def note(mask: np.ndarray, code: str) -> None:
        why[mask & (why == "")] = code

    note(_bool(pc.equal(body, "")), MISSING)
    note(~matched, NOT_A_NUMBER)
    # the column's evidence: a decimal comma or space groups (French), comma groups before a
    # point or several comma groups (English)
    french = french or bool((mark_comma | space_units).any())
    english = bool((comma_units & (mark_point | ~one_group)).any())
    note(comma_units & mark_comma, NOT_A_NUMBER)  # 1,234,56: neither form
    lone = one_group & _bool(pc.equal(mark, ""))
    if french and not english:  # 1,500 in a French column: 1.50
        where = pa.array(lone)
        dec = pc.if_else(where, pc.replace_substring_regex(units, r"^\d{1,3},", ""), dec)
        units = pc.if_else(where, pc.replace_substring_regex(units, r",\d{3}$", ""), units)
        comma_units = comma_units & ~lone
        mark_point = mark_point & ~lone
    elif not english or french:  # nothing says, or both forms in one column
        note(lone & matched, AMBIGUOUS)
    if not english:  # 1.500: a decimal point or German thousands?
        note(mark_point & three & ~comma_units & matched, AMBIGUOUS)
    digits = pc.utf8_ltrim(pc.replace_substring_regex(units, f"[{SPACES},]", ""), "0")
    note(_bool(pc.match_substring_regex(pc.utf8_slice_codeunits(dec, 2, 1 << 30), "[1-9]"))
         & matched, FRACTION)
    note(_bool(pc.greater(pc.utf8_length(digits), _MAX_DIGITS)) & matched, TOO_LARGE)
    good = pa.array(matched & (why == ""))
    euros = pc.cast(pc.if_else(pc.and_(good, pc.not_equal(digits, "")), digits, "0"),
                    pa.int64())
    hundredths = pc.cast(pc.if_else(good, pc.utf8_rpad(pc.utf8_slice_codeunits(dec, 0, 2), 2,
                                                        "0"), "00"), pa.int64())
    got = euros.to_numpy() * 100 + hundredths.to_numpy()
    negative = _bool(pc.not_equal(sign, ""))
    ok = matched & (why == "")
    why[ok & negative & (got > 0)] = NEGATIVE
    why[ok & ~negative & (got > MAX_AMOUNT_CENTS)] = TOO_LARGE
    return np.where(why == "", got, 0).astype(np.int64), why
