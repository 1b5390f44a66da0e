"""Shared machinery of the reference series: reading ``data/rates/*.csv``, the :class:`AsOf`
result, and the coverage rule.

File format (see ``data/rates/README.md``): a preamble of ``# key: value`` lines, then a CSV
header row, then one row per line. The preamble must hold at least ``series``, ``unit``,
``complete_until`` and ``extend``. The preamble is parsed here by hand; the rows are read by
pandas as strings (never with ``comment=``, since a source may contain ``#``), then each
series module checks and converts its own columns with the helpers below, so that every
malformed value, duplicate, unsorted row, overlap or gap is reported as a
:class:`~cgvlib.errors.ReferenceDataError` naming the file, the line and the field.

Coverage rule (``DESIGN.md``, "Reference data"): past the date up to which a file is complete,
a lookup raises :class:`~cgvlib.errors.OutOfCoverageError` rather than guess. The caller may
opt in to carrying the last value forward with ``assume="last"``; the result then says so
(``assumed=True`` and a ``note``).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pandas as pd

from cgvlib.dates import format_date
from cgvlib.errors import InputError, OutOfCoverageError, ReferenceDataError
from cgvlib.i18n import Phrase, Said, Worded
from cgvlib.money import percent_to_bp
from cgvlib.output import protect_input

REQUIRED_META = ("series", "unit", "extend")
WITH_COVERAGE_END = (*REQUIRED_META, "complete_until")
ASSUME_CHOICES = (None, "last")

USER_MARK = "user-supplied"  # how a value from the user data folder is marked wherever shown

_META_LINE = re.compile(r"^#\s*([a-z][a-z0-9_]*)\s*:\s*(.*?)\s*$")
_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_ISO_MONTH = re.compile(r"^[0-9]{4}-[0-9]{2}$")


# --------------------------------------------------------------------------------------------
# The result of a lookup
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class AsOf:
    """One value of a reference series, with the period it holds for and its source.

    ``value`` is exact: percent for rates (``Decimal('4.22')`` is 4.22 %), index points for
    an index. ``bp`` is the rate in integer basis points (422), ``None`` for an index.
    ``start``/``end`` bound the period the value holds for, both days included. ``assumed`` is
    true only when the caller asked ``assume="last"`` past the end of the data; ``note`` then
    says so, and otherwise carries any caveat about the value. ``user_supplied`` is true when
    the value comes from the user data folder (``rates add``/``rates update``); its ``source``
    then starts with "user-supplied".
    """

    series: str
    value: Decimal
    bp: int | None
    start: dt.date
    end: dt.date
    source: str
    assumed: bool = False
    note: str = ""
    unit: str = "%"
    user_supplied: bool = False

    def __float__(self) -> float:
        return float(self.value)

    def _describe(self) -> str:
        return f"{self.series}, {self.start.isoformat()}..{self.end.isoformat()}"

    def __str__(self) -> str:
        text = f"{self.value} {self.unit} ({self._describe()}; {shorten(self.source)})"
        if self.assumed or self.note:
            text += f" [{'ASSUMED: ' if self.assumed else ''}{self.note}]"
        if self.user_supplied and USER_MARK not in text:
            text += f" [{USER_MARK}]"
        return text


def shorten(text: str, width: int = 80) -> str:
    """``text`` cut at a word boundary to at most about ``width`` characters, with an ellipsis."""
    if len(text) <= width:
        return text
    cut = text[:width].rsplit(" ", 1)[0].rstrip(" ,;(")
    return cut + " …"


# --------------------------------------------------------------------------------------------
# Reading a file
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawFile:
    """A series file split into its preamble and its rows (all fields still strings)."""

    path: Path
    meta: Mapping[str, str]
    meta_lines: Mapping[str, int]
    header_line: int
    rows: tuple[tuple[int, Mapping[str, str]], ...]  # (line number in the file, fields)

    def error(self, line: int | None, field: str | None, message: str) -> ReferenceDataError:
        """A :class:`ReferenceDataError` naming this file, the line and the field."""
        return data_error(self.path, line, field, message)

    def meta_line(self, key: str) -> int:
        return self.meta_lines.get(key, self.header_line)

    def meta_date(self, key: str) -> dt.date:
        return parse_date(self, self.meta_line(key), f"# {key}", self.meta[key])

    def meta_month(self, key: str) -> dt.date:
        return parse_month(self, self.meta_line(key), f"# {key}", self.meta[key])


def data_error(path, line: int | None, field: str | None, message: str) -> ReferenceDataError:
    where = str(path)
    if line is not None:
        where += f", line {line}"
    if field is not None:
        where += f", field '{field}'"
    return ReferenceDataError(f"{where}: {message}")


def read_series_csv(
    path, columns: tuple[str, ...], required_meta: tuple[str, ...] = REQUIRED_META
) -> RawFile:
    """Read ``path``: its ``# key: value`` preamble, then its rows with exactly ``columns``.

    Checks the preamble (``# key: value`` lines, required keys, no duplicate key) and the
    header (exactly ``columns``, in that order), and maps each row to its line number in the
    file. Fields stay strings (a short row's missing fields are empty strings): the caller
    checks and converts them.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise data_error(path, None, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise data_error(path, None, None, f"not UTF-8 text ({exc.reason})") from None
    return read_series_text(path, text, columns, required_meta)


def read_series_text(
    path, text: str, columns: tuple[str, ...], required_meta: tuple[str, ...] = REQUIRED_META
) -> RawFile:
    """:func:`read_series_csv` of a text already in memory (a user file about to be written is
    checked this way before it is); ``path`` names it in errors."""
    path = Path(path)
    lines = text.split("\n")

    meta: dict[str, str] = {}
    meta_lines: dict[str, int] = {}
    index = 0
    while index < len(lines) and lines[index].startswith("#"):
        number = index + 1
        raw = lines[index].rstrip("\r")
        index += 1
        if raw.strip() == "#":
            continue  # an empty comment line, for spacing
        match = _META_LINE.match(raw)
        if match is None:
            raise data_error(
                path, number, None, f"preamble line {raw!r} is not of the form '# key: value'"
            )
        key, value = match.groups()
        if key in meta:
            first = meta_lines[key]
            raise data_error(path, number, f"# {key}", f"duplicate key (first on line {first})")
        meta[key] = value
        meta_lines[key] = number

    if index >= len(lines) or not lines[index].strip():
        raise data_error(path, index + 1, None, "expected the CSV header row after the preamble")
    header_line = index + 1
    header = tuple(name.strip() for name in lines[index].rstrip("\r").split(","))
    if header != columns:
        raise data_error(
            path,
            header_line,
            None,
            f"header is {','.join(header)!r}; expected exactly {','.join(columns)!r}",
        )
    for key in required_meta:
        if not meta.get(key):
            raise data_error(
                path,
                header_line,
                f"# {key}",
                f"the preamble before the header (line {header_line}) has no '# {key}:' line; "
                f"add one (required keys: {', '.join(required_meta)})",
            )

    body = lines[index + 1 :]
    numbers = [header_line + 1 + i for i, line in enumerate(body) if line.strip()]
    try:
        frame = pd.read_csv(
            io.StringIO("\n".join(lines[index:])),
            dtype=str,
            na_filter=False,
            skip_blank_lines=True,
            encoding="utf-8",
        )
    except pd.errors.ParserError as exc:
        message = str(exc)
        found = re.search(r"line (\d+)", message)
        line = header_line - 1 + int(found.group(1)) if found else None
        raise data_error(path, line, None, f"not a valid CSV row ({message})") from None
    if len(frame) != len(numbers):
        raise data_error(
            path,
            None,
            None,
            f"{len(frame)} CSV rows but {len(numbers)} non-blank lines after the header: a "
            "quoted field probably spans several lines; keep each row on one line",
        )
    rows = tuple(
        (number, dict(zip(columns, values, strict=True)))
        for number, values in zip(numbers, frame.itertuples(index=False, name=None), strict=True)
    )
    return RawFile(path, meta, meta_lines, header_line, rows)


T = TypeVar("T")


def cached_by_file(parse: Callable[[Path], T]) -> Callable[[Path], T]:
    """Wrap ``parse(path)`` in an LRU cache keyed by the path and the file's mtime and size.

    A lookup then costs one ``stat`` and a dictionary hit; an edited file is re-read.
    """

    @functools.lru_cache(maxsize=32)
    def cached(path: str, mtime_ns: int, size: int) -> T:
        protect_input(path, f"the reference series {Path(path).name}")  # never written over
        return parse(Path(path))

    @functools.wraps(parse)
    def load(path) -> T:
        path = path if isinstance(path, Path) else Path(path)
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            raise data_error(path, None, None, "file not found") from None
        return cached(str(path), stat.st_mtime_ns, stat.st_size)

    load.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return load


# --------------------------------------------------------------------------------------------
# Field parsers: each raises ReferenceDataError naming file, line and field
# --------------------------------------------------------------------------------------------


def required(raw: RawFile, line: int, row: Mapping[str, str], field: str) -> str:
    value = row[field].strip()
    if not value:
        raise raw.error(line, field, "missing value")
    return value


def parse_date(raw: RawFile, line: int, field: str, text: str) -> dt.date:
    text = text.strip()
    try:
        if not _ISO_DATE.match(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise raw.error(line, field, f"{text!r} is not a date; write YYYY-MM-DD") from None


def parse_month(raw: RawFile, line: int, field: str, text: str) -> dt.date:
    """A ``YYYY-MM`` field, returned as the first day of that month."""
    text = text.strip()
    try:
        if not _ISO_MONTH.match(text):
            raise ValueError
        return dt.date.fromisoformat(text + "-01")
    except ValueError:
        raise raw.error(line, field, f"{text!r} is not a month; write YYYY-MM") from None


def parse_decimal(raw: RawFile, line: int, field: str, text: str) -> Decimal:
    text = text.strip()
    if not text:
        raise raw.error(line, field, "missing value")
    if not _DECIMAL.match(text):
        raise raw.error(
            line, field, f"{text!r} is not a number; write digits with a '.' decimal point"
        )
    return Decimal(text)


def parse_percent(raw: RawFile, line: int, field: str, text: str) -> tuple[Decimal, int]:
    """A rate in percent, at least 0, at most two decimals: ``(Decimal('4.22'), 422)``."""
    value = parse_decimal(raw, line, field, text)
    if value < 0:
        raise raw.error(line, field, f"{text!r} is negative; a rate here is 0 or more")
    try:
        bp = percent_to_bp(value, field)
    except InputError:
        raise raw.error(
            line, field, f"{text!r} has more than two decimals; write e.g. 4.22"
        ) from None
    return value, bp


def check_order(
    raw: RawFile,
    previous: tuple[int, dt.date] | None,
    line: int,
    field: str,
    key: dt.date,
    label: str = "date",
) -> None:
    """Refuse a key equal to (duplicate) or before (unsorted) the previous row's key."""
    if previous is None:
        return
    prev_line, prev_key = previous
    if key == prev_key:
        raise raw.error(line, field, f"duplicate {label} {key} (also on line {prev_line})")
    if key < prev_key:
        raise raw.error(
            line,
            field,
            f"rows are not sorted: {key.isoformat()} comes after {prev_key.isoformat()} "
            f"(line {prev_line}); keep the rows in increasing {label} order",
        )


# --------------------------------------------------------------------------------------------
# Coverage and the assume= opt-in
# --------------------------------------------------------------------------------------------


def check_assume(assume) -> bool:
    """``True`` for ``assume="last"``, ``False`` for ``None``; any other value is refused."""
    if assume is None:
        return False
    if assume == "last":
        return True
    raise InputError(
        f"assume: {assume!r} is not valid; valid values are None (refuse dates past the data, "
        'the default) and "last" (carry the last value forward, marked assumed=True)'
    )


def coverage_error(
    label: str,
    asked: str,
    first: dt.date | str,
    last: dt.date | str,
    path: Path,
    extend: str,
    *,
    before: bool,
    why: str = "",
    can_assume: bool = True,
    last_covered=None,
    asked_words=None,
    why_words=None,
) -> OutOfCoverageError:
    """The refusal of a date outside the covered range ``first``..``last``.

    The message names the series, the date asked, the first and last covered dates, the data
    file and how to extend it (the file's own ``# extend:`` line), and, for a series that
    offers it (``can_assume``), the ``assume="last"`` opt-in. ``why`` adds a reason after the
    covered range.

    The error is said in a reader's language too (:meth:`~cgvlib.errors.CgvError.said`):
    in French, the series by its name (:data:`SERIES_NAMES`), the dates in words
    (``30 juin 2026``), how to add a value with the command line or to carry the last one
    forward; the data file's path and its ``# extend:`` line, for whoever edits the package,
    stay in the English. ``asked_words`` and ``why_words``: the date asked and the reason as
    words (a :class:`~cgvlib.i18n.Phrase`) when ``asked`` or ``why`` is more than a date.
    """
    where = "before the first" if before else "after the last"
    message = (
        f"{label}: no value for {asked}, which is {where} covered date. The data covers "
        f"{first} to {last}{why}, from {path}. To extend it, edit that file: {extend}; or, "
        "without editing the package, add the value to your user data folder with "
        "'python -m cgvlib rates add' ('python -m cgvlib rates status' says how)."
    )
    if can_assume and before:
        message += ' (assume="last" does not apply: it only carries the last value forward.)'
    elif can_assume:
        message += (
            f' To carry the last value forward past {last} instead, pass assume="last" to the '
            "lookup (the result is then marked assumed=True); computations built on the "
            "series never assume."
        )
    words = coverage_words(label, asked_words or day_or_month_words(asked), first, last,
                           why_words or "", before=before, can_assume=can_assume)
    return OutOfCoverageError(Said(lambda lang: message if lang == "en" else words.say(lang)),
                              series=label, last_covered=last_covered)


# The series' names as a reader sees them, by the label their lookups give (the ``series`` of
# an :class:`AsOf` and of an :class:`~cgvlib.errors.OutOfCoverageError`).
SERIES_NAMES = {
    "legal interest rate, professional creditors":
        Phrase("legal interest rate, professional creditors"),
    "legal interest rate, consumer creditors": Phrase("legal interest rate, consumer creditors"),
    "ECB main refinancing operations rate": Phrase("ECB main refinancing operations rate"),
    "ECB main refinancing rate for the semester (Code de commerce L441-10 II)":
        Phrase("ECB main refinancing rate for the semester (Code de commerce L441-10 II)"),
    "Syntec index": Phrase("Syntec index"),
    "Syntec index, last published value": Phrase("Syntec index, last published value"),
}


def series_name(label: str):
    """The words of a series' ``label`` (:data:`SERIES_NAMES`), the label itself if unknown."""
    return SERIES_NAMES.get(label, label)


def day_or_month_words(text) -> Said | str:
    """A date (``2026-06-30``, a :class:`datetime.date`) or a month (``2026-06``) of the
    reference data: ISO in English, as the library's messages write it, in words in French
    (``30 juin 2026``, ``juin 2026``); any other text as it is."""
    iso = text.isoformat() if isinstance(text, dt.date) else str(text)
    if _ISO_DATE.match(iso):
        day = dt.date.fromisoformat(iso)
        return Said(lambda lang: iso if lang == "en" else format_date(day, lang))
    if _ISO_MONTH.match(iso):
        month = dt.date.fromisoformat(f"{iso}-01")
        return Said(lambda lang: iso if lang == "en" else format_date(month, lang,
                                                                       length="MMMM y"))
    return iso


def coverage_words(label: str, asked, first, last, why="", *, before: bool,
                   can_assume: bool = True):
    """The words of :func:`coverage_error` for a reader: which series has no value for the
    date asked, the range the data covers, how to go on."""
    values = dict(series=series_name(label), asked=asked, first=day_or_month_words(first),
                  last=day_or_month_words(last), why=why)
    if before:
        return Phrase("{series}: no value for {asked}, before the first date the data covers. "
                      "The data covers {first} to {last}{why}.", **values)
    if not can_assume:
        return Phrase("{series}: no value for {asked}, after the last date the data covers. "
                      "The data covers {first} to {last}{why}. To go on, add the value to your "
                      "user data folder (`python -m cgvlib rates add`).", **values)
    return Phrase("{series}: no value for {asked}, after the last date the data covers. The "
                  "data covers {first} to {last}{why}. To go on, add the value to your user "
                  "data folder (`python -m cgvlib rates add`), or carry the last known value "
                  "forward past {last} (the figures are then marked provisional).", **values)


# A note on a reference value: its English as a ``str`` (it reads, compares, joins and is
# stored in a ``source`` as the English note always was) that keeps the words it was made
# from, to be said in a reader's language (:func:`cgvlib.i18n.say`).
Note = Worded


# Between two notes: ``"; "``, `` ; `` in French.
NOTE_SEPARATOR = Said(lambda lang: " ; " if lang == "fr" else "; ")


def carried_forward_note(last: dt.date | str) -> Note:
    """The note of a value carried past ``last`` by a lookup's ``assume="last"``."""
    return Note(Phrase("carried forward past {last}, the last covered date (assume='last')",
                       last=day_or_month_words(last)))


# --------------------------------------------------------------------------------------------
# Calendar helpers shared by the series
# --------------------------------------------------------------------------------------------


def semester_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the calendar semester (1 Jan-30 Jun or 1 Jul-31 Dec) of ``day``."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


def month_end(first: dt.date) -> dt.date:
    """Last day of the month of ``first``."""
    return next_month(first) - dt.timedelta(days=1)


def next_month(first: dt.date) -> dt.date:
    """First day of the month after the month of ``first``."""
    return dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)


def month_str(first: dt.date) -> str:
    return f"{first.year:04d}-{first.month:02d}"
