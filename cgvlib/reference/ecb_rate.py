"""ECB main refinancing operations (MRO) rate, and the semester rate of Code de commerce
L441-10 II.

**Data.** ``data/rates/ecb_main_refinancing_rate.csv`` lists every change of the MRO rate by
the date it took effect; a rate holds from its ``effective`` date until the day before the
next row. The file is complete up to its ``# complete_until`` date (later than its last row:
the ECB held the rate at every meeting in between). Past that date a change may exist that the
file does not record, so lookups refuse (:class:`~cgvlib.errors.OutOfCoverageError`) unless
the caller passes ``assume="last"``. Rows a user adds (``python -m cgvlib rates add ecb`` or
``rates update ecb``) live in the user data folder and extend the file
(:mod:`cgvlib.reference.user_data`); their results are marked ``user_supplied``. Conventions
of the early rows (see ``data/rates/README.md``): from 2000-06-28 to 2008-10-14 the rate is
the minimum bid rate of variable rate tenders; before 2004-03-10 the date is that of the ECB
key-rate table, the MRO rate applying from the first operation settled after it.

**Code de commerce, art. L441-10 II** (as worded since ordonnance n° 2019-359): when the terms
of sale do not set the late-payment rate, it is the rate the ECB applies to its most recent
main refinancing operation plus 10 percentage points; and

    « le taux applicable pendant le premier semestre de l'année concernée est le taux en
    vigueur au 1er janvier de l'année en question. Pour le second semestre de l'année
    concernée, il est le taux en vigueur au 1er juillet de l'année en question. »

:func:`ecb_semester_rate` implements that sentence: the rate in force on 1 January (for a date
in January-June) or on 1 July (July-December). The 10 points are added by the late-payment
arithmetic, not here.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from cgvlib import paths
from cgvlib.dates import as_date
from cgvlib.i18n import Joined, Phrase
from cgvlib.reference.provisional import (
    carried,
    joined_notes,
    number_text,
    provisional_note,
    provisional_source,
)
from cgvlib.reference.series import (
    NOTE_SEPARATOR,
    WITH_COVERAGE_END,
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

ECB_FILE = "ecb_main_refinancing_rate.csv"
ECB_COLUMNS = ("effective", "rate", "source")
ECB_LABEL = "ECB main refinancing operations rate"
SEMESTER_LABEL = "ECB main refinancing rate for the semester (Code de commerce L441-10 II)"

# Conventions of the early rows (data/rates/README.md, 'The ECB rate').
MRO_DATE_CONVENTION_END = dt.date(2004, 3, 10)
VARIABLE_TENDERS = (dt.date(2000, 6, 28), dt.date(2008, 10, 14))


class EcbRow(NamedTuple):
    line: int
    effective: dt.date
    rate: Decimal
    bp: int
    source: str
    user: bool = False  # from the user data folder


@dataclass(frozen=True)
class EcbRates:
    """The parsed ECB file: one row per change, strictly increasing dates."""

    path: Path
    rows: tuple[EcbRow, ...]
    effectives: tuple[dt.date, ...]
    complete_until: dt.date
    extend: str
    user_path: Path | None = None  # the user file merged in, if any
    packaged_complete_until: dt.date | None = None  # before the user file moved it
    provisional_after: dt.date | None = None  # the end of the data, when carried past it
    replaces: frozenset[str] = frozenset()  # a user file: the packaged rows it replaces
    superseded: tuple[str, ...] = ()  # user rows the packaged data now holds differently

    def period_end(self, index: int) -> dt.date:
        """Last day row ``index`` is known to hold: the day before the next change, or the
        file's ``complete_until`` for the last row."""
        if index + 1 < len(self.rows):
            return self.rows[index + 1].effective - dt.timedelta(days=1)
        return self.complete_until


@cached_by_file
def _parse(path: Path) -> EcbRates:
    return _build(read_series_csv(path, ECB_COLUMNS, WITH_COVERAGE_END))


@cached_by_file
def _parse_user(path: Path) -> EcbRates:
    return _build(read_series_csv(path, ECB_COLUMNS, WITH_COVERAGE_END), user=True)


def _build(raw, *, user: bool = False) -> EcbRates:
    """Check and convert the rows of a file (a user file may hold no change, only a later
    ``complete_until``)."""
    path = raw.path
    rows: list[EcbRow] = []
    for line, row in raw.rows:
        effective = parse_date(raw, line, "effective", required(raw, line, row, "effective"))
        rate, bp = parse_percent(raw, line, "rate", row["rate"])
        source = required(raw, line, row, "source")
        if rows:
            prev = rows[-1]
            check_order(raw, (prev.line, prev.effective), line, "effective", effective, "date")
            if bp == prev.bp:
                raise raw.error(
                    line,
                    "rate",
                    f"{rate} is the rate already in force since {prev.effective} (line "
                    f"{prev.line}); the file lists changes only, a hold adds no row",
                )
        rows.append(EcbRow(line, effective, rate, bp, source, user))
    if not rows and not user:
        raise raw.error(raw.header_line, None, "no data rows")
    complete_until = raw.meta_date("complete_until")
    if rows and complete_until < rows[-1].effective:
        raise raw.error(
            raw.meta_line("complete_until"),
            "# complete_until",
            f"{complete_until} is before the last change, {rows[-1].effective} (line "
            f"{rows[-1].line}); move it to at least that date",
        )
    return EcbRates(
        path, tuple(rows), tuple(r.effective for r in rows), complete_until, raw.meta["extend"],
        replaces=replaced_keys(raw.meta) if user else frozenset(),
    )


def _merge(base: EcbRates, user: EcbRates) -> EcbRates:
    """The packaged changes followed by the user's (:mod:`cgvlib.reference.user_data`)."""
    rows = {row.effective: row for row in base.rows}
    superseded = []
    for row in user.rows:
        packaged = rows.get(row.effective)
        if packaged is not None:
            if packaged.bp == row.bp:
                continue
            if row.effective.isoformat() in user.replaces:
                rows[row.effective] = row._replace(source=user_source(row.source, packaged.rate))
            else:
                superseded.append(row.effective.isoformat())
            continue
        if row.effective <= base.complete_until:
            raise data_error(
                user.path, row.line, "effective",
                f"{row.effective} is inside the range the packaged file {base.path.name} says is "
                f"complete (until {base.complete_until}) and is no change it records; a user "
                f"change must take effect after {base.complete_until}",
            )
        rows[row.effective] = row._replace(source=user_source(row.source))
    ordered = [rows[day] for day in sorted(rows)]
    for prev, row in itertools.pairwise(ordered):
        if row.user and row.bp == prev.bp:
            raise data_error(
                user.path, row.line, "rate",
                f"{row.rate} is the rate already in force since {prev.effective}; the series lists "
                "changes only, a hold adds no row (move complete_until instead)",
            )
    return EcbRates(
        base.path,
        tuple(ordered),
        tuple(r.effective for r in ordered),
        max(base.complete_until, user.complete_until),
        base.extend,
        user.path,
        base.complete_until,
        superseded=tuple(superseded),
    )


def load_ecb_rates(path=None, *, user: bool = True) -> EcbRates:
    """Parse (cached) the ECB file; ``path`` defaults to ``data/rates/`` (CGVLIB_DATA), and
    then, unless ``user=False``, the user file of the user data folder extends it."""
    if path is not None:
        return _parse(path)
    base = _parse(paths.rates_file(ECB_FILE))
    found = existing_user_series(ECB_FILE) if user else None
    data = merged(ECB_FILE, base, _parse_user(found) if found else None, _merge)
    return carried(ECB_FILE, data, _carry_forward)


def _carry_forward(data: EcbRates, until: dt.date) -> EcbRates:
    """``data`` with its last rate taken to hold until ``until``, the days past its
    ``complete_until`` provisional (:func:`cgvlib.reference.provisional.assume_last`)."""
    if until <= data.complete_until:
        return data
    return replace(data, complete_until=until, provisional_after=data.complete_until)


def _notes(data: EcbRates, index: int, day: dt.date) -> Note | str:
    """The caveats on the rate of row ``index`` looked up for ``day``, in one note."""
    row = data.rows[index]
    end = data.period_end(index)
    notes = []
    if row.effective < MRO_DATE_CONVENTION_END:
        notes.append(Phrase("before {convention_end} the date is the ECB key-rate table date; "
                            "the MRO rate applied from the first operation settled after it",
                            convention_end=day_or_month_words(MRO_DATE_CONVENTION_END)))
    if row.effective <= VARIABLE_TENDERS[1] and end >= VARIABLE_TENDERS[0]:
        notes.append(Phrase("{first}..{last}: minimum bid rate of variable rate tenders",
                            first=day_or_month_words(VARIABLE_TENDERS[0]),
                            last=day_or_month_words(VARIABLE_TENDERS[1])))
    if index == len(data.rows) - 1:
        notes.append(Phrase("last change in the data; confirmed unchanged until {end}",
                            end=day_or_month_words(end)))
    if not row.user and _coverage_from_user(data, index, day):
        notes.append(Phrase("still in force on {day} per the user-supplied {path} (the packaged "
                            "data ends on {packaged_end})", day=day_or_month_words(day),
                            path=str(data.user_path),
                            packaged_end=day_or_month_words(data.packaged_complete_until)))
    return joined_notes([Note(n) for n in notes]) if notes else ""


def ecb_rate(date, *, assume: str | None = None) -> AsOf:
    """The ECB MRO rate in force on ``date``, in percent.

    The value is the last change with ``effective <= date``; its period runs from that change
    to the day before the next one (or to the file's ``complete_until`` for the last one).
    A date before the first row or after ``complete_until`` raises
    :class:`~cgvlib.errors.OutOfCoverageError`; with ``assume="last"`` a date after the end
    gets the last rate, ``assumed=True``, and a period from its change to ``date``.
    """
    carry = check_assume(assume)
    day = as_date(date)
    data = load_ecb_rates()
    if day < data.effectives[0] or day > data.complete_until:
        before = day < data.effectives[0]
        if before or not carry:
            raise coverage_error(
                ECB_LABEL,
                day.isoformat(),
                data.effectives[0].isoformat(),
                data.complete_until.isoformat(),
                data.path,
                data.extend,
                before=before,
                last_covered=data.complete_until,
            )
        row = data.rows[-1]
        return AsOf(
            series=ECB_LABEL,
            value=row.rate,
            bp=row.bp,
            start=row.effective,
            end=day,
            source=row.source,
            assumed=True,
            note=carried_forward_note(data.complete_until),
            user_supplied=row.user,
        )
    index = bisect.bisect_right(data.effectives, day) - 1
    row = data.rows[index]
    if data.provisional_after is not None and day > data.provisional_after:
        what = Phrase("the rate {rate} % (in force since {effective})",
                      rate=number_text(row.rate),
                      effective=day_or_month_words(row.effective))
        return AsOf(
            series=ECB_LABEL,
            value=row.rate,
            bp=row.bp,
            start=row.effective,
            end=data.complete_until,
            source=provisional_source(what, data.provisional_after, row.source),
            assumed=True,
            note=provisional_note(what, data.provisional_after),
            user_supplied=row.user or _coverage_from_user(data, index, data.provisional_after),
        )
    return AsOf(
        series=ECB_LABEL,
        value=row.rate,
        bp=row.bp,
        start=row.effective,
        end=data.period_end(index),
        source=row.source,
        note=_notes(data, index, day),
        user_supplied=row.user or _coverage_from_user(data, index, day),
    )


def ecb_semester_rate(date, *, assume: str | None = None) -> AsOf:
    """The L441-10 II rate for the semester of ``date``: the ECB MRO rate in force on
    1 January (dates in January-June) or on 1 July (July-December), in percent.

    The period is the whole semester. The ECB data must cover that 1 January / 1 July: any
    date of a semester whose first day is after the file's ``complete_until`` is refused
    (:class:`~cgvlib.errors.OutOfCoverageError`), unless ``assume="last"``, which carries the
    last known rate forward with ``assumed=True``.
    """
    carry = check_assume(assume)
    day = as_date(date)
    start, end = semester_bounds(day)
    data = load_ecb_rates()
    if start > data.complete_until:
        if not carry:
            last_semester_end = semester_bounds(data.complete_until)[1]
            raise coverage_error(
                SEMESTER_LABEL,
                f"{day} (its semester {start}..{end} takes the rate in force on {start})",
                _first_full_semester(data),
                last_semester_end,
                data.path,
                data.extend,
                before=False,
                why=f" (the rate in force on {start} is not known: the ECB data is complete "
                f"until {data.complete_until})",
                last_covered=last_semester_end,
                asked_words=_semester_asked(day, start, end),
                why_words=Phrase(" (the rate in force on {start} is not known: the ECB data is "
                                 "complete until {until})", start=day_or_month_words(start),
                                 until=day_or_month_words(data.complete_until)),
            )
        carried = ecb_rate(start, assume="last")
        return replace(
            carried,
            series=SEMESTER_LABEL,
            start=start,
            end=end,
            note=Note(Phrase("rate in force on {start} not known: {note}",
                             start=day_or_month_words(start), note=carried.note)),
        )
    if start < data.effectives[0]:
        raise coverage_error(
            SEMESTER_LABEL,
            f"{day} (its semester {start}..{end} takes the rate in force on {start})",
            _first_full_semester(data),
            semester_bounds(data.complete_until)[1],
            data.path,
            data.extend,
            before=True,
            last_covered=semester_bounds(data.complete_until)[1],
            asked_words=_semester_asked(day, start, end),
        )
    in_force = ecb_rate(start)
    return AsOf(
        series=SEMESTER_LABEL,
        value=in_force.value,
        bp=in_force.bp,
        start=start,
        end=end,
        source=in_force.source,
        note=Note(Joined((Phrase("rate in force on {start} (effective since {since})",
                                 start=day_or_month_words(start),
                                 since=day_or_month_words(in_force.start)),
                          Joined((NOTE_SEPARATOR, in_force.note)) if in_force.assumed
                          else ""))),
        assumed=in_force.assumed,
        user_supplied=in_force.user_supplied,
    )


def _coverage_from_user(data: EcbRates, index: int, day: dt.date | None = None) -> bool:
    """True when only the user file says the rate of row ``index`` holds on ``day`` (a day
    past the packaged ``complete_until``); without ``day``: when the last row's period runs
    past it."""
    if data.packaged_complete_until is None:
        return False
    if day is not None:
        return day > data.packaged_complete_until
    return index == len(data.rows) - 1 and data.complete_until > data.packaged_complete_until


def _semester_asked(day: dt.date, start: dt.date, end: dt.date) -> Phrase:
    """The date asked of :func:`ecb_semester_rate`, with its semester, in a reader's words."""
    return Phrase("{day} (its semester, {start} to {end}, takes the rate in force on {start})",
                  day=day_or_month_words(day), start=day_or_month_words(start),
                  end=day_or_month_words(end))


def _first_full_semester(data: EcbRates) -> dt.date:
    """First day of the first semester whose 1 January / 1 July the data covers."""
    start, end = semester_bounds(data.effectives[0])
    return start if start == data.effectives[0] else end + dt.timedelta(days=1)


def ecb_rate_table() -> pd.DataFrame:
    """Every change as a DataFrame: effective, end (Timestamps; ``end`` is the day before the
    next change, or ``complete_until``), rate (float percent), rate_bp (exact int), source."""
    data = load_ecb_rates()
    return pd.DataFrame(
        {
            "effective": pd.to_datetime([r.effective for r in data.rows]),
            "end": pd.to_datetime([data.period_end(i) for i in range(len(data.rows))]),
            "rate": [float(r.rate) for r in data.rows],
            "rate_bp": pd.array([r.bp for r in data.rows], dtype="int64"),
            "source": [r.source for r in data.rows],
        }
    )


def ecb_rate_series() -> pd.Series:
    """The MRO rate as a step series of float percent indexed by effective date (a
    DatetimeIndex named ``effective``): for plotting (``drawstyle='steps-post'``)."""
    rows = load_ecb_rates().rows
    return pd.Series(
        [float(r.rate) for r in rows],
        index=pd.DatetimeIndex([pd.Timestamp(r.effective) for r in rows], name="effective"),
        name=ECB_LABEL,
    )
