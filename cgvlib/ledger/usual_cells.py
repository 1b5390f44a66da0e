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

import functools

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
    return _blank_chunk(_one_array(texts))


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


def usual_dates(texts: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """``(days, taken)``: the datetime64[D] day of each cell written ``dd/mm/yyyy`` or
    ``yyyy-mm-dd`` that is a calendar day from 1900 to 2199, and where it was. Each ten-byte
    cell is read as two 64-bit words (its bytes 0-7 and 2-9), its figures and marks checked
    and taken out of them a whole column at a time, and its day looked up in a table of
    every calendar day of those years."""
    texts = _one_array(texts)
    n = len(texts)
    days = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    taken = np.zeros(n, dtype=bool)
    raw, starts, lengths = _bytes(texts)
    ten = lengths == 10
    rows = np.flatnonzero(ten)
    if not rows.size:
        return days, taken
    if bool(((lengths == 0) | ten).all()):  # the cells lie end to end: read in place
        first = int(starts[rows[0]])
        head = _words(raw, first, len(rows), stride=10)
        tail = _words(raw, first + 2, len(rows), stride=10)
    else:
        words = _words(raw, 0, len(raw) - 7, stride=1)
        head, tail = words[starts[rows]], words[starts[rows] + 2]
    for form in (_SLASHED, _ISO_FORM):
        got = _form_days(head, tail, form)
        found = ~np.isnat(got)
        if len(rows) == n and found.all():  # every cell in this form: no copy by place
            return got, found
        days[rows[found]] = got[found]
        taken[rows[found]] = True
        if found.all():
            break
        rows, head, tail = rows[~found], head[~found], tail[~found]
    return days, taken


def _one_array(texts: pa.ChunkedArray | pa.Array) -> pa.Array:
    """A column's chunks as one array (one copy of its bytes, read once)."""
    if isinstance(texts, pa.ChunkedArray):
        return texts.combine_chunks() if texts.num_chunks != 1 else texts.chunk(0)
    return texts


def _words(raw: np.ndarray, offset: int, count: int, *, stride: int) -> np.ndarray:
    """``count`` little-endian 64-bit words of the bytes ``raw``, the first at ``offset``,
    each ``stride`` bytes after the previous one (a view, no copy)."""
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    return np.ndarray(shape=(count,), dtype="<u8", buffer=raw, offset=offset,
                      strides=(stride,))


def _word(text: bytes) -> np.uint64:
    return np.uint64(int.from_bytes(text, "little"))


def _lanes(value: int, width: int = 8) -> np.uint64:
    return np.uint64(int.from_bytes(bytes([value]) * width, "little"))


_LOW7, _HIGH = _lanes(0x7F), _lanes(0x80)


def _figures_marks(word: np.ndarray, pattern: bytes, *, figures: bytes = b"0") -> np.ndarray:
    """Each word XORed with ``pattern`` (a figure's place holds ``0``, a mark's the mark),
    and where every byte is as the pattern says: a figure (0-9 once XORed) where
    ``pattern`` has ``figures``, the very mark elsewhere (0 once XORed). Bytes of 0x80 and
    above are never figures or marks."""
    xored = word ^ _word(pattern)
    limit = _word(bytes(0x76 if c in figures else 0x7F for c in pattern))
    return xored, ((((xored & _LOW7) + limit) | xored) & _HIGH) == 0


# each form: its bytes 0-7 and 2-9 as patterns, then the day's, the month's and the year's
# figures, each (word, byte): word 0 holds bytes 0-7 of the cell, word 1 its bytes 2-9
_SLASHED = (b"00/00/00", b"/00/0000", ((0, 0), (0, 1)), ((0, 3), (0, 4)),
            ((0, 6), (0, 7), (1, 6), (1, 7)))
_ISO_FORM = (b"0000-00-", b"00-00-00", ((1, 6), (1, 7)), ((1, 3), (1, 4)),
             ((0, 0), (0, 1), (0, 2), (0, 3)))


def _form_days(head: np.ndarray, tail: np.ndarray, form) -> np.ndarray:
    """The days of the ten-byte cells (``head``: bytes 0-7, ``tail``: bytes 2-9) written in
    ``form``, NaT where a cell is not that form or not a calendar day of the years read."""
    first, second, *places = form
    head, head_ok = _figures_marks(head, first)
    tail, tail_ok = _figures_marks(tail, second)
    figures = (head.view(np.uint8).reshape(-1, 8), tail.view(np.uint8).reshape(-1, 8))
    day, month = ((figures[w][:, b] * np.uint8(10) + figures[v][:, c])  # at most 99
                  for (w, b), (v, c) in places[:2])
    year = np.zeros(len(head), dtype=np.int32)
    for w, b in places[2]:
        year = year * 10 + figures[w][:, b]
    ok = (head_ok & tail_ok & (day <= 31) & (month <= 12) & (year >= EARLIEST_YEAR)
          & (year <= LATEST_YEAR))
    at = (year - EARLIEST_YEAR) * 416 + month * np.int32(32) + day  # 416: 13 months of 32
    return _calendar()[np.where(ok, at, 0)]  # place 0: month 0, not a day


@functools.cache
def _calendar() -> np.ndarray:
    """Every (year, month 0-12, day 0-31) of the years read, in the order
    ``((year - EARLIEST_YEAR) * 13 + month) * 32 + day``: its datetime64[D] day, NaT where
    it is not a calendar day (month 0, day 0, 30 February...)."""
    year, month, day = (a.reshape(-1) for a in np.meshgrid(
        np.arange(EARLIEST_YEAR, LATEST_YEAR + 1), np.arange(13), np.arange(32),
        indexing="ij"))
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_at = np.maximum(month, 1)
    ok = ((month >= 1) & (day >= 1)
          & (day <= _DAYS_IN_MONTH[month_at] - ((month_at == 2) & ~leap)))
    days = np.full(len(year), np.datetime64("NaT"), dtype="datetime64[D]")
    days[ok] = _day_numbers(year[ok], month[ok], day[ok]).astype("datetime64[D]")
    return days


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


def usual_french_amounts(texts: pa.ChunkedArray | pa.Array,
                         max_cents: int) -> tuple[np.ndarray, np.ndarray]:
    """``(cents, taken)``: the cents of each cell written in the usual French form (figures in
    groups of three separated by a space, a no-break or a narrow no-break space, or not
    grouped; a comma and two decimals: ``1 234,56``, ``1234,56``) up to ``max_cents``, and
    where it was. Its figures, spaces and comma dropped, are the cents, read as an integer
    (no float on the way): a cell of 4 to 12 ASCII bytes from its last 12 bytes read as
    64-bit words (:func:`_short_amounts`), any other by Arrow's compute functions."""
    texts = _one_array(texts)
    cents, taken = _short_amounts(texts)
    taken &= cents <= max_cents
    rest = np.flatnonzero(~taken)
    if rest.size:
        cents[rest], taken[rest] = _long_amounts(texts.take(pa.array(rest)), max_cents)
    return np.where(taken, cents, 0), taken


def _long_amounts(texts: pa.Array, max_cents: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`usual_french_amounts` by Arrow's compute functions (any length, no-break
    spaces)."""
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


# A short amount's last 12 bytes as two words: ``low``, its last 8 bytes (``12 345,67``:
# ``2 345,67``), ``high`` the 4 before them (``   1``). From the comma, the units' figures
# are k = 1, 2, 3 (low bytes 4, 3, 2), a space or k = 4 (low byte 1), k = 5 (low byte 0),
# k = 6, 7 (high bytes 3, 2), a space or k = 8 (high byte 1), k = 9 (high byte 0). The
# patterns: a figure ``0``, the comma, a byte looked at on its own ``.`` (a figure or a
# space: byte 1 of each word).
_LOW_SHAPE, _HIGH_SHAPE = b"0.000,00", b"0.00"
_SPACE = ord(" ") ^ ord("0")  # a space, XORed with 0


def _present(length: int, width: int, first: int = 0) -> int:
    """The bytes (0xFF each) of a word of ``width`` bytes holding the ``width`` bytes before
    the last ``first`` of a cell of ``length`` bytes, that are the cell's."""
    return int.from_bytes(bytes(0xFF if width - j <= length - first else 0
                                for j in range(width)), "little")


_SHORTEST, _LONGEST = 4, 12  # 0,01 .. 9 999 999,99
# by length (any other: 0, nothing read): the low word's bytes and the high word's
_LOW_PRESENT, _HIGH_PRESENT = (
    np.array([_present(n, 8) if _SHORTEST <= n <= _LONGEST else 0
              for n in range(_LONGEST + 2)], dtype=np.uint64),
    np.array([_present(n, 4, 8) if _SHORTEST <= n <= _LONGEST else 0
              for n in range(_LONGEST + 2)], dtype=np.uint32))
_ZEROS = _lanes(ord("0"))
_BYTE_1 = np.uint64(0xFF00)


def _shape_ok(figures: np.ndarray, pattern: bytes, present: np.ndarray) -> np.ndarray:
    """Where each byte of a word (``figures``: XORed with ``0`` in every byte) that is the
    cell's (``present``) and not ``.`` in ``pattern`` is as ``pattern`` says."""
    kind = figures.dtype.type

    def lanes(values) -> np.generic:
        return kind(int.from_bytes(bytes(values), "little"))

    xored = figures ^ lanes(c ^ ord("0") if c != ord(".") else 0 for c in pattern)
    limit = lanes(0x76 if c == ord("0") else 0x7F for c in pattern)
    looked = present & lanes(0x80 if c != ord(".") else 0 for c in pattern)
    return ((((xored & lanes([0x7F] * len(pattern))) + limit) | xored) & looked) == 0


def _eight_figures(word: np.ndarray) -> np.ndarray:
    """The number written by the 8 figures (0-9 each, the first in the lowest byte) of
    each word (three multiplications, no loop over the figures)."""
    word = ((word & _lanes(0x0F)) * np.uint64(2561)) >> np.uint64(8)
    word = ((word & _lanes_16(0x00FF)) * np.uint64(6553601)) >> np.uint64(16)
    return ((word & np.uint64(0x0000FFFF0000FFFF)) * np.uint64(42949672960001)) >> np.uint64(32)


def _four_figures(word: np.ndarray) -> np.ndarray:
    """:func:`_eight_figures` of 32-bit words: the number their 4 figures write."""
    word = ((word & np.uint32(0x0F0F0F0F)) * np.uint32(2561)) >> np.uint32(8)
    return ((word & np.uint32(0x00FF00FF)) * np.uint32(6553601)) >> np.uint32(16)


def _lanes_16(value: int) -> np.uint64:
    return np.uint64(int.from_bytes(value.to_bytes(2, "little") * 4, "little"))


def _byte_1(word: np.ndarray, length: np.ndarray, shortest: int):
    """``(figure, space)``: whether byte 1 of each word, the cell's when it has at least
    ``shortest`` bytes, is a figure or a space (either, where it is not the cell's)."""
    byte = word.view(np.uint8)[1::word.itemsize]
    absent = length < shortest
    return (byte <= 9) | absent, (byte == _SPACE) | absent


_BLOCK = 1 << 16  # rows read at once: their words stay in the processor's cache


def _short_amounts(texts: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """``(cents, taken)`` of the cells of 4 to 12 ASCII bytes in the usual French form
    (plain space between groups), read from their last 12 bytes as a 64-bit and a 32-bit
    word (:func:`_short_block`), a block of rows at a time."""
    n = len(texts)
    cents, taken = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    raw, starts, lengths = _bytes(texts)
    if not ((lengths >= _SHORTEST) & (lengths <= _LONGEST)).any():
        return cents, taken
    padded = np.zeros(len(raw) + 16, dtype=np.uint8)  # 16 bytes before the first cell
    padded[16:] = raw
    for first in range(0, n, _BLOCK):
        block = slice(first, first + _BLOCK)
        cents[block], taken[block] = _short_block(padded, starts[block], lengths[block])
    return cents, taken


def _short_block(padded: np.ndarray, starts: np.ndarray, lengths: np.ndarray):
    """:func:`_short_amounts` of the cells at ``starts`` (each 16 bytes before its place in
    ``padded``): their shape checked a word at a time, a space dropped by shifting the
    figure before it."""
    length = np.minimum(lengths, _LONGEST + 1)
    ends = starts + lengths + 16
    low = _words(padded, 0, len(padded) - 7, stride=1)[ends - 8] ^ _ZEROS
    present = _LOW_PRESENT[length]
    plain, grouped = _byte_1(low, length, 7)  # k = 4: the cell's from 7 bytes
    ok = _shape_ok(low, _LOW_SHAPE, present) & (present != 0)
    long = bool((length > 8).any())
    if long:  # figures before the last 8 bytes
        high = np.ndarray(shape=(len(padded) - 3,), dtype="<u4", buffer=padded,
                          strides=(1,))[ends - 12] ^ np.uint32(0x30303030)
        high_present = _HIGH_PRESENT[length]
        ok &= _shape_ok(high, _HIGH_SHAPE, high_present)
        high_plain, high_grouped = _byte_1(high, length, 11)  # k = 8: from 11 bytes
        plain &= high_plain
        grouped &= high_grouped & (length != 11)
    grouped &= length != 7  # a space first: not an amount
    taken = ok & (plain | grouped)
    spaced = grouped & ~plain
    shift = spaced.astype(np.uint64) << np.uint64(3)  # 8 more where the space was
    low &= present & np.where(spaced, ~_BYTE_1, ~np.uint64(0))  # the space: a figure 0
    # k = 5 (and k = 4 when not a space), k = 3 .. 1 (byte 4), the cents (bytes 6, 7)
    read = _eight_figures(((low & np.uint64(0xFF)) << (np.uint64(8) + shift))
                          | ((low & np.uint64(0xFFFFFFFF00)) << np.uint64(8))
                          | (low & np.uint64(0xFFFF << 48)))
    if long:  # k = 9, k = 8 (when not a space), k = 7, 6
        high &= high_present & np.where(spaced, np.uint32(0xFFFF00FF), np.uint32(0xFFFFFFFF))
        units = _four_figures(((high & np.uint32(0xFF)) << shift.astype(np.uint32))
                              | (high & np.uint32(0xFFFFFF00)))
        read += units.astype(np.uint64) * np.where(spaced, np.uint64(10 ** 6),
                                                   np.uint64(10 ** 7))
    return np.where(taken, read, np.uint64(0)).astype(np.int64), taken
