"""Taux de l'intérêt légal (French legal interest rate), as of a date.

Statute: Code monétaire et financier, art. L313-2, as rewritten by ordonnance n° 2014-947 du
20 août 2014 (in force 1 January 2015). Since then an arrêté of the minister for the economy
fixes the rate **for each semester**, with two values:

- one for a creditor who is a natural person not acting for professional needs
  ("personne physique n'agissant pas pour des besoins professionnels"): ``"consumer"``;
- one "dans tous les autres cas": ``"professional"``, the value for B2B claims and the base
  of the Code de commerce L441-10 penalty floor (3 x the legal rate).

From 2005 to 2014 a décret fixed **one annual rate** for every creditor
(``fr_legal_interest_rate_annual.csv``); both creditor kinds then get that same value. Earlier
years are not in the data and are refused.

Data: ``data/rates/fr_legal_interest_rate.csv`` (semesters 2015-S1 onward, complete through
its last row: one new row extends it) and ``data/rates/fr_legal_interest_rate_annual.csv``. A
date past the last semester is refused (:class:`~cgvlib.errors.OutOfCoverageError`) unless
the caller passes ``assume="last"``. Semesters a user adds (``python -m cgvlib rates add
legal``) live in the user data folder and extend the file (:mod:`cgvlib.reference.user_data`);
their results are marked ``user_supplied``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from cgvlib import paths
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase
from cgvlib.reference.provisional import (
    carried,
    joined_notes,
    note_of,
    number_text,
    provisional_source,
)
from cgvlib.reference.series import (
    AsOf,
    Note,
    cached_by_file,
    carried_forward_note,
    check_assume,
    check_order,
    coverage_error,
    data_error,
    day_or_month_words,
    parse_date,
    parse_percent,
    read_series_csv,
    required,
    semester_bounds,
)
from cgvlib.reference.user_data import (
    existing_user_series,
    merged,
    replaced_keys,
    user_source,
)

SEMESTER_FILE = "fr_legal_interest_rate.csv"
ANNUAL_FILE = "fr_legal_interest_rate_annual.csv"
SEMESTER_COLUMNS = ("start", "end", "professional", "consumer", "source")
ANNUAL_COLUMNS = ("year", "rate", "source")

CREDITORS = {
    "professional": "legal interest rate, professional creditors",
    "consumer": "legal interest rate, consumer creditors",
}

def annual_note(year: int) -> Note:
    """The note on a rate of the annual file (before 2015)."""
    return Note(Phrase("annual rate of {year} (décret): before 2015 one rate applied to every "
                       "creditor; the consumer/professional split starts on {split} "
                       "(ordonnance n° 2014-947)", year=str(year),
                       split=day_or_month_words("2015-01-01")))


class SemesterRow(NamedTuple):
    line: int
    start: dt.date
    end: dt.date
    professional: Decimal
    professional_bp: int
    consumer: Decimal
    consumer_bp: int
    source: str
    user: bool = False  # from the user data folder
    provisional: bool = False  # carried forward past the data (assume_last)


class YearRow(NamedTuple):
    line: int
    year: int
    rate: Decimal
    bp: int
    source: str


@dataclass(frozen=True)
class SemesterRates:
    """The parsed semester file: rows sorted by start, contiguous, complete until ``end``."""

    path: Path
    rows: tuple[SemesterRow, ...]
    starts: tuple[dt.date, ...]
    complete_until: dt.date
    extend: str
    user_path: Path | None = None  # the user file merged in, if any
    replaces: frozenset[str] = frozenset()  # a user file: the packaged rows it replaces
    superseded: tuple[str, ...] = ()  # user rows the packaged data now holds differently


@dataclass(frozen=True)
class AnnualRates:
    """The parsed annual file (2005-2014): one row per consecutive year."""

    path: Path
    rows: tuple[YearRow, ...]
    complete_until: dt.date
    extend: str

    @property
    def first(self) -> dt.date:
        return dt.date(self.rows[0].year, 1, 1)


@cached_by_file
def _parse_semesters(path: Path) -> SemesterRates:
    return _build_semesters(read_series_csv(path, SEMESTER_COLUMNS))


@cached_by_file
def _parse_user_semesters(path: Path) -> SemesterRates:
    return _build_semesters(read_series_csv(path, SEMESTER_COLUMNS), user=True)


def _build_semesters(raw, *, user: bool = False) -> SemesterRates:
    rows: list[SemesterRow] = []
    previous: SemesterRow | None = None
    for line, row in raw.rows:
        start = parse_date(raw, line, "start", required(raw, line, row, "start"))
        end = parse_date(raw, line, "end", required(raw, line, row, "end"))
        pro, pro_bp = parse_percent(raw, line, "professional", row["professional"])
        con, con_bp = parse_percent(raw, line, "consumer", row["consumer"])
        source = required(raw, line, row, "source")
        if end < start:
            raise raw.error(line, "end", f"{end} is before the row's start {start}")
        if previous is not None:
            check_order(raw, (previous.line, previous.start), line, "start", start, "start date")
            if start <= previous.end:
                raise raw.error(
                    line,
                    "start",
                    f"overlap: {start}..{end} overlaps {previous.start}..{previous.end} "
                    f"(line {previous.line})",
                )
            if start != previous.end + dt.timedelta(days=1) and not user:
                # (a user file may replace an older semester and extend the series: its
                # continuity is checked once merged, by _merge_semesters)
                raise raw.error(
                    line,
                    "start",
                    f"gap: the previous row (line {previous.line}) ends on {previous.end}, so "
                    f"this row must start on {previous.end + dt.timedelta(days=1)}, not {start}",
                )
        if (start.month, start.day) not in ((1, 1), (7, 1)):
            raise raw.error(line, "start", f"{start} is not a semester start (1 January or 1 July)")
        if end != semester_bounds(start)[1]:
            raise raw.error(
                line,
                "end",
                f"{end} is not the end of the semester starting {start}; "
                f"expected {semester_bounds(start)[1]}",
            )
        previous = SemesterRow(line, start, end, pro, pro_bp, con, con_bp, source, user)
        rows.append(previous)
    if not rows:
        raise raw.error(raw.header_line, None, "no data rows")
    complete_until = rows[-1].end  # the file covers through its last semester: one row extends it
    return SemesterRates(
        raw.path, tuple(rows), tuple(r.start for r in rows), complete_until, raw.meta["extend"],
        replaces=replaced_keys(raw.meta) if user else frozenset(),
    )


def _merge_semesters(base: SemesterRates, user: SemesterRates) -> SemesterRates:
    """The packaged semesters followed by the user's (:mod:`cgvlib.reference.user_data`)."""
    rows = {row.start: row for row in base.rows}
    expected = base.complete_until + dt.timedelta(days=1)
    superseded = []
    for row in user.rows:
        packaged = rows.get(row.start)
        if packaged is not None:
            if (packaged.professional_bp, packaged.consumer_bp) == (row.professional_bp,
                                                                    row.consumer_bp):
                continue
            if row.start.isoformat() in user.replaces:
                replaced = f"{packaged.professional} / {packaged.consumer}"
                rows[row.start] = row._replace(source=user_source(row.source, replaced))
            else:
                superseded.append(row.start.isoformat())
            continue
        if row.start < base.starts[0] or (row.start > base.complete_until
                                          and row.start != expected):
            raise data_error(
                user.path, row.line, "start",
                f"{row.start} does not follow on from the packaged series "
                f"({base.path.name} ends on {base.complete_until}): the first added semester "
                f"starts on {expected}",
            )
        rows[row.start] = row._replace(source=user_source(row.source))
        expected = row.end + dt.timedelta(days=1)
    ordered = [rows[start] for start in sorted(rows)]
    return SemesterRates(
        base.path, tuple(ordered), tuple(r.start for r in ordered), ordered[-1].end, base.extend,
        user.path, superseded=tuple(superseded),
    )


@cached_by_file
def _parse_years(path: Path) -> AnnualRates:
    raw = read_series_csv(path, ANNUAL_COLUMNS)
    rows: list[YearRow] = []
    for line, row in raw.rows:
        text = required(raw, line, row, "year")
        if not (text.isdigit() and len(text) == 4):
            raise raw.error(line, "year", f"{text!r} is not a year; write YYYY")
        year = int(text)
        rate, bp = parse_percent(raw, line, "rate", row["rate"])
        source = required(raw, line, row, "source")
        if rows:
            prev = rows[-1]
            first_day = dt.date(year, 1, 1)
            check_order(raw, (prev.line, dt.date(prev.year, 1, 1)), line, "year", first_day, "year")
            if year != prev.year + 1:
                raise raw.error(line, "year", f"gap: {year} follows {prev.year} (line {prev.line})")
        rows.append(YearRow(line, year, rate, bp, source))
    if not rows:
        raise raw.error(raw.header_line, None, "no data rows")
    complete_until = dt.date(rows[-1].year, 12, 31)
    return AnnualRates(path, tuple(rows), complete_until, raw.meta["extend"])


def load_semester_rates(path=None, *, user: bool = True) -> SemesterRates:
    """Parse (cached) the semester file; ``path`` defaults to ``data/rates/`` (CGVLIB_DATA),
    and then, unless ``user=False``, the user file of the user data folder extends it."""
    if path is not None:
        return _parse_semesters(path)
    base = _parse_semesters(paths.rates_file(SEMESTER_FILE))
    found = existing_user_series(SEMESTER_FILE) if user else None
    data = merged(SEMESTER_FILE, base, _parse_user_semesters(found) if found else None,
                  _merge_semesters)
    return carried(SEMESTER_FILE, data, _carry_forward)


def _carry_forward(data: SemesterRates, until: dt.date) -> SemesterRates:
    """``data`` with the last semester's rates carried forward through ``until``'s semester,
    each added row provisional (:func:`cgvlib.reference.provisional.assume_last`)."""
    rows = list(data.rows)
    last = rows[-1]
    what = Phrase("the legal rates of {start}..{end} ({professional} / {consumer})",
                  start=day_or_month_words(last.start), end=day_or_month_words(last.end),
                  professional=number_text(last.professional),
                  consumer=number_text(last.consumer))
    while rows[-1].end < until:
        start = rows[-1].end + dt.timedelta(days=1)
        rows.append(last._replace(
            start=start, end=semester_bounds(start)[1], provisional=True,
            source=provisional_source(what, data.complete_until, last.source)))
    if len(rows) == len(data.rows):
        return data
    return replace(data, rows=tuple(rows), starts=tuple(r.start for r in rows),
                   complete_until=rows[-1].end)


def load_annual_rates(path=None) -> AnnualRates:
    """Parse (cached) the 2005-2014 annual file; ``path`` defaults to ``data/rates/``."""
    return _parse_years(path if path is not None else paths.rates_file(ANNUAL_FILE))


def _check_creditor(creditor) -> str:
    if creditor not in CREDITORS:
        raise InputError(
            f"creditor: {creditor!r} is not valid; valid values are 'professional' (tous les "
            "autres cas: the B2B value) and 'consumer' (personne physique n'agissant pas pour "
            "des besoins professionnels)"
        )
    return creditor


def legal_rate(date, creditor: str = "professional", *, assume: str | None = None) -> AsOf:
    """The legal interest rate in force on ``date`` for ``creditor``, in percent.

    ``creditor`` is ``"professional"`` (the B2B value, "tous les autres cas") or
    ``"consumer"``. From 2015-01-01 the value is the semester's; from 2005 to 2014 it is the
    year's single rate, the same for both creditor kinds (``note`` says so). Before 2005, or
    after the last covered semester, raises :class:`~cgvlib.errors.OutOfCoverageError`;
    with ``assume="last"`` a date after the end gets the last semester's value, with
    ``assumed=True``, the period set to the date's semester and a ``note``.
    """
    label = CREDITORS[_check_creditor(creditor)]
    carry = check_assume(assume)
    day = as_date(date)
    semesters = load_semester_rates()
    if semesters.starts[0] <= day <= semesters.complete_until:
        row = semesters.rows[bisect.bisect_right(semesters.starts, day) - 1]
        return _semester_result(label, creditor, row, row.start, row.end)
    if day > semesters.complete_until:
        if not carry:
            raise coverage_error(
                label,
                day.isoformat(),
                load_annual_rates().first.isoformat(),
                semesters.complete_until.isoformat(),
                semesters.path,
                semesters.extend,
                before=False,
                last_covered=semesters.complete_until,
                why_words=Phrase(" (up to the {semester})",
                                 semester=semester_words(semesters.complete_until)),
            )
        row = semesters.rows[-1]
        start, end = semester_bounds(day)
        note = carried_forward_note(semesters.complete_until)
        return replace(
            _semester_result(label, creditor, row, start, end),
            assumed=True,
            note=joined_notes([note, Note(Phrase(
                "value of {start}..{end}", start=day_or_month_words(row.start),
                end=day_or_month_words(row.end)))]),
        )

    annual = load_annual_rates()
    for row in annual.rows:
        if row.year == day.year:
            return AsOf(
                series=label,
                value=row.rate,
                bp=row.bp,
                start=dt.date(row.year, 1, 1),
                end=dt.date(row.year, 12, 31),
                source=row.source,
                note=annual_note(row.year),
            )
    if day > annual.complete_until:  # a year missing between the two files
        raise coverage_error(
            label,
            day.isoformat(),
            annual.first.isoformat(),
            semesters.complete_until.isoformat(),
            annual.path,
            f"{day.year} is missing between the annual and the semester files; " + annual.extend,
            before=False,
            last_covered=semesters.complete_until,
        )
    raise coverage_error(
        label,
        day.isoformat(),
        annual.first.isoformat(),
        semesters.complete_until.isoformat(),
        annual.path,
        annual.extend,
        before=True,
        last_covered=semesters.complete_until,
    )


def semester_words(day: dt.date) -> Phrase:
    """The calendar semester of ``day`` in words: ``first semester of 2026`` (``1er semestre
    2026``)."""
    if day.month <= 6:
        return Phrase("first semester of {year}", year=day.year)
    return Phrase("second semester of {year}", year=day.year)


def _semester_result(
    label: str, creditor: str, row: SemesterRow, start: dt.date, end: dt.date
) -> AsOf:
    value, bp = (
        (row.professional, row.professional_bp)
        if creditor == "professional"
        else (row.consumer, row.consumer_bp)
    )
    if row.provisional:
        return AsOf(series=label, value=value, bp=bp, start=start, end=end, source=row.source,
                    user_supplied=row.user, assumed=True, note=note_of(row.source))
    return AsOf(series=label, value=value, bp=bp, start=start, end=end, source=row.source,
                user_supplied=row.user)


def legal_rate_table() -> pd.DataFrame:
    """The semester rates as a DataFrame: start, end (Timestamps), professional and consumer
    (float percent, for display), source, then professional_bp and consumer_bp (exact int)."""
    rows = load_semester_rates().rows
    return pd.DataFrame(
        {
            "start": pd.to_datetime([r.start for r in rows]),
            "end": pd.to_datetime([r.end for r in rows]),
            "professional": [float(r.professional) for r in rows],
            "consumer": [float(r.consumer) for r in rows],
            "source": [r.source for r in rows],
            "professional_bp": pd.array([r.professional_bp for r in rows], dtype="int64"),
            "consumer_bp": pd.array([r.consumer_bp for r in rows], dtype="int64"),
        }
    )


def legal_rate_series(creditor: str = "professional") -> pd.Series:
    """The semester rates (2015 on) for ``creditor`` as float percent, indexed by semester
    start (a DatetimeIndex named ``start``): for plotting; use :func:`legal_rate` to compute."""
    label = CREDITORS[_check_creditor(creditor)]
    rows = load_semester_rates().rows
    return pd.Series(
        [float(getattr(r, creditor)) for r in rows],
        index=pd.DatetimeIndex([pd.Timestamp(r.start) for r in rows], name="start"),
        name=label,
    )
