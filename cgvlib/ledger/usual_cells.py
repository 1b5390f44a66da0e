"""The usual cells of a ledger read straight from the bytes of an Arrow text column.

A million-row export writes nearly every date as ``15/03/2024`` (or ``2024-03-15``) and nearly
every amount as ``1 234,56``. Those cells are read here by numpy over the column's UTF-8 bytes
in place (no Python object per cell): a date from its ten fixed-width figures, an amount from
its figures, exactly, as integer cents (no float on the way). A cell in any other form, or one
that is not a valid day or amount, is left for the full readers
(:mod:`cgvlib.ledger.day_cells`, :mod:`cgvlib.ledger.amounts`), which give the same value for
a usual cell and a reason for a bad one: so the two ways agree, and the slow one only sees the
few cells the fast one does not take.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

EARLIEST_YEAR, LATEST_YEAR = 1900, 2199  # as day_cells: 15/03/0224 is a slip, not an invoice
_ZERO = ord("0")
_DAYS_IN_MONTH = np.array([0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)
_NO_BREAK_SPACES = ("\u00a0", "\u202f")  # written as a plain space before the bytes are read


def text_array(cells) -> pa.ChunkedArray | None:
    """The Arrow text of a pandas column held in Arrow (``str``/``string[pyarrow]``), as the
    reader left it (chunks, no copy); None for any other column (objects, numbers, dates)."""
    to_arrow = getattr(getattr(cells, "array", None), "__arrow_array__", None)
    if to_arrow is None:
        return None
    try:
        chunked = to_arrow()
    except (TypeError, pa.ArrowException):
        return None
    if not isinstance(chunked, pa.ChunkedArray):
        chunked = pa.chunked_array([chunked])
    if not (pa.types.is_string(chunked.type) or pa.types.is_large_string(chunked.type)):
        return None
    return chunked


def distinct_codes(texts: pa.ChunkedArray | pa.Array) -> tuple[pa.Array, np.ndarray]:
    """``(distinct, codes)``: the distinct cells (hashed in C) and each row's index into them
    (a missing cell: ``len(distinct)``)."""
    encoded = _chunks(pc.dictionary_encode(texts))
    if not encoded:
        return pa.array([], type=pa.string()), np.zeros(0, dtype=np.int64)
    distinct = encoded[-1].dictionary  # the chunks share one dictionary, grown chunk by chunk
    if any(len(c.dictionary) != len(distinct) for c in encoded):
        distinct = pc.unique(texts).drop_null()
        codes = _chunks(pc.index_in(texts, value_set=distinct))
    else:
        codes = [c.indices for c in encoded]
    return distinct, np.concatenate([pc.fill_null(c, len(distinct)).to_numpy() for c in codes])


def _chunks(texts: pa.ChunkedArray | pa.Array) -> list[pa.Array]:
    return list(texts.chunks) if isinstance(texts, pa.ChunkedArray) else [texts]


def _bytes(texts: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(data, starts, lengths)``: the UTF-8 bytes and each cell's place in them (a missing
    cell has length 0)."""
    _, offsets, data = texts.buffers()
    kind = np.int64 if pa.types.is_large_string(texts.type) else np.int32
    where = np.frombuffer(offsets, dtype=kind)[texts.offset:texts.offset + len(texts) + 1]
    where = where.astype(np.int64)
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    lengths = np.diff(where)
    if texts.null_count:
        lengths = np.where(pc.is_valid(texts).to_numpy(zero_copy_only=False), lengths, 0)
    return raw, where[:-1], lengths


# the first byte of a cell that may be all white space: ASCII white space, or the lead byte of
# a Unicode one (U+0085, U+00A0: C2; U+1680, U+180E: E1; U+2000..U+205F: E2; U+3000: E3)
_SPACE_LEADS = np.zeros(256, dtype=bool)
_SPACE_LEADS[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0xC2, 0xE1, 0xE2,
              0xE3]] = True


def blank_cells(texts: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Whether each cell is missing, empty or only white space: looked at by its first byte,
    trimmed (in C) only when that byte may start white space."""
    return np.concatenate([_blank_chunk(c) for c in _chunks(texts)] or [np.zeros(0, bool)])


def _blank_chunk(texts: pa.Array) -> np.ndarray:
    raw, starts, lengths = _bytes(texts)
    blank = lengths == 0
    maybe = np.flatnonzero(~blank)
    maybe = maybe[_SPACE_LEADS[raw[starts[maybe]]]] if len(raw) else maybe[:0]
    if maybe.size:
        trimmed = pc.utf8_trim_whitespace(texts.take(pa.array(maybe)))
        blank[maybe] = pc.equal(pc.utf8_length(trimmed), 0).to_numpy(zero_copy_only=False)
    return blank


def _numpy(values) -> np.ndarray:
    """An Arrow array or chunked array (no nulls) as one numpy array."""
    if isinstance(values, pa.ChunkedArray):
        return np.concatenate([c.to_numpy(zero_copy_only=False) for c in values.chunks]
                              or [np.zeros(0, dtype=values.type.to_pandas_dtype())])
    return values.to_numpy(zero_copy_only=False)


def _has_bytes_above_ascii(texts: pa.ChunkedArray | pa.Array) -> bool:
    for chunk in _chunks(texts):
        raw, starts, lengths = _bytes(chunk)
        if len(starts) and (raw[starts[0]:starts[-1] + lengths[-1]] >= 0x80).any():
            return True
    return False


def _number(raw: np.ndarray, at: np.ndarray, positions: tuple[int, ...]):
    """``(number, ok)``: the figures at ``positions`` of each cell starting at ``at`` read as
    a number, and whether each of those bytes is a figure."""
    number = np.zeros(len(at), dtype=np.int32)
    ok = np.ones(len(at), dtype=bool)
    for position in positions:
        figure = raw[at + position] - np.uint8(_ZERO)  # wraps above 9 when not a figure
        ok &= figure <= 9
        number = number * 10 + figure
    return number, ok


def usual_dates(texts: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """``(days, taken)``: the datetime64[D] day of each cell written ``dd/mm/yyyy`` or
    ``yyyy-mm-dd`` that is a calendar day from 1900 to 2199, and where it was."""
    n = len(texts)
    days = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    taken = np.zeros(n, dtype=bool)
    raw, starts, lengths = _bytes(texts)
    ten = np.flatnonzero(lengths == 10)
    if not ten.size:
        return days, taken
    slash = raw[starts[ten] + 2] == ord("/")
    for sep, day_at, month_at, year_at, marks, rows in (
            (ord("/"), (0, 1), (3, 4), (6, 7, 8, 9), (2, 5), ten[slash]),
            (ord("-"), (8, 9), (5, 6), (0, 1, 2, 3), (4, 7), ten[~slash])):
        if not rows.size:
            continue
        at = starts[rows]
        d, day_ok = _number(raw, at, day_at)
        m, month_ok = _number(raw, at, month_at)
        y, year_ok = _number(raw, at, year_at)
        ok = (day_ok & month_ok & year_ok & (raw[at + marks[0]] == sep)
              & (raw[at + marks[1]] == sep))
        ok &= (m >= 1) & (m <= 12) & (y >= EARLIEST_YEAR) & (y <= LATEST_YEAR) & (d >= 1)
        m = np.where(ok, m, 1)
        leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
        ok &= d <= _DAYS_IN_MONTH[m] - ((m == 2) & ~leap)
        if ok.all():
            days[rows] = _day_numbers(y, m, d).astype("datetime64[D]")
            taken[rows] = True
            continue
        good = rows[ok]
        days[good] = _day_numbers(y[ok], m[ok], d[ok]).astype("datetime64[D]")
        taken[good] = True
    return days, taken


def _day_numbers(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of valid calendar dates (the proleptic Gregorian count of
    days from a civil date, in integers)."""
    year = year.astype(np.int64) - (month <= 2)
    era = year // 400
    of_era = year - era * 400
    of_year = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5 + day - 1
    of_cycle = of_era * 365 + of_era // 4 - of_era // 100 + of_year
    return era * 146_097 + of_cycle - 719_468


_USUAL_FRENCH = r"^\d{1,3}(?: \d{3})*,\d{2}$|^\d+,\d{2}$"


def usual_french_amounts(texts: pa.Array, max_cents: int) -> tuple[np.ndarray, np.ndarray]:
    """``(cents, taken)``: the cents of each cell written in the usual French form (figures in
    groups of three separated by a space, a no-break or a narrow no-break space, or not
    grouped; a comma and two decimals: ``1 234,56``, ``1234,56``) up to ``max_cents``, and
    where it was. Its figures, spaces and comma dropped, are the cents, read as an integer
    (Arrow's compute functions over the whole column, no float on the way)."""
    if _has_bytes_above_ascii(texts):  # only then may it hold a no-break space
        for space in _NO_BREAK_SPACES:
            texts = pc.replace_substring(texts, space, " ")
    figures = pc.replace_substring(pc.replace_substring(texts, " ", ""), ",", "")
    usual = pc.and_(pc.match_substring_regex(texts, _USUAL_FRENCH),
                    pc.less_equal(pc.utf8_length(figures), len(str(max_cents))))
    usual = pc.fill_null(usual, False)
    read = _numpy(pc.cast(pc.if_else(usual, figures, "0"), pa.int64()))
    taken = _numpy(usual) & (read <= max_cents)
    return np.where(taken, read, 0), taken
