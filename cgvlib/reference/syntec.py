"""Syntec index (indice Syntec), monthly, with its publication dates and the August 2022
switch to the revised index.

**Data.** ``data/rates/syntec_index.csv``: one row per month a source states, with
``series`` = ``old`` (the old index, up to 2022-07) or ``revised`` (the « indice Syntec
révisé », from 2022-08), and the publication date when a source gives it. The file is complete
up to its last row's month except for the months missing inside it (gaps, listed in
``data/rates/README.md``); a gap or a month after the end is refused
(:class:`~cgvlib.errors.OutOfCoverageError`), never interpolated or extrapolated. Months a
user adds (``python -m cgvlib rates add syntec``) live in the user data folder and extend the
file or fill its gaps (:mod:`cgvlib.reference.user_data`); their results are marked
``user_supplied``.

**Publication dates.** The Fédération Syntec publishes each month's value around the end of
the following month (October 2025 on 2025-11-28). When the file gives no date, the value is
assumed published on the **last day of the following month** (``published_assumed=True``).

**The 2022 switch** (``data/rates/syntec_revision_2022.yaml``, read with :mod:`cgvlib.strict_yaml`):
the Fédération Syntec computed a « coefficient de raccord » k = 0,97975 (280,6 / 286,4),
"égal au rapport de la valeur de l'Indice Révisé à août 2022 et de la dernière valeur publiée
de l'ancien indice". Hence old-equivalent(t) = revised(t) / k, or S0_revised = S0_old x k.
:func:`syntec_ratio` applies it; the coefficient is read from the YAML file, never written in
code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from cgvlib import paths, strict_yaml
from cgvlib.dates import as_date, as_month
from cgvlib.errors import InputError, OutOfCoverageError, YamlError
from cgvlib.i18n import Phrase, Said
from cgvlib.reference.provisional import (
    Note,
    carried,
    joined_notes,
    note_of,
    number_text,
    provisional_source,
)
from cgvlib.reference.series import (
    AsOf,
    cached_by_file,
    check_order,
    coverage_error,
    data_error,
    day_or_month_words,
    month_end,
    month_str,
    next_month,
    parse_date,
    parse_decimal,
    parse_month,
    read_series_csv,
    required,
)
from cgvlib.reference.user_data import (
    existing_user_series,
    merged,
    replaced_keys,
    user_source,
)

SYNTEC_FILE = "syntec_index.csv"
REVISION_FILE = "syntec_revision_2022.yaml"
SYNTEC_COLUMNS = ("month", "value", "series", "published", "source")
SYNTEC_LABEL = "Syntec index"
SOURCE_PREFIX = {"old": "OLD index", "revised": "REVISED index"}


# --------------------------------------------------------------------------------------------
# The 2022 revision, from YAML
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SyntecRevision:
    """The August 2022 switch to the revised index, as stated in ``syntec_revision_2022.yaml``.

    ``coefficient`` is the published « coefficient de raccord » k, as a Decimal;
    ``coefficient_fraction`` is the same number as an exact Fraction. Months are first days.
    """

    path: Path
    coefficient: Decimal
    coefficient_numerator: Decimal
    coefficient_denominator: Decimal
    last_old_month: dt.date
    first_revised_month: dt.date
    first_revised_value: Decimal
    first_revised_published: dt.date
    quote: str
    quote_by: str
    usage: Mapping[str, str]
    open_question: str
    sources: tuple[tuple[str, str], ...]  # (title, url)

    @property
    def coefficient_fraction(self) -> Fraction:
        return Fraction(self.coefficient)

    def series_of(self, month: dt.date) -> str:
        """``'old'`` for a month up to the last old month, ``'revised'`` from the first revised."""
        return "old" if month <= self.last_old_month else "revised"


@cached_by_file
def _parse_revision(path: Path) -> SyntecRevision:
    try:
        doc = strict_yaml.load_file(path)
    except YamlError as exc:
        raise data_error(path, exc.line, exc.key, exc.problem) from None
    if not isinstance(doc, dict):
        raise data_error(path, None, None, "expected a mapping of keys at the top level")

    def text(*keys: str) -> str:
        node = doc
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        if node is None or str(node).strip() == "":
            raise data_error(path, None, ".".join(keys), "missing value")
        return str(node).strip()

    def number(key: str) -> Decimal:
        value = text(key)
        try:
            result = Decimal(value)
        except InvalidOperation:
            raise data_error(path, None, key, f"{value!r} is not a number") from None
        if not result.is_finite() or result <= 0:
            raise data_error(path, None, key, f"{value!r} is not a positive number")
        return result

    def month(key: str) -> dt.date:
        value = text(key)
        try:
            return dt.date.fromisoformat(value + "-01")
        except ValueError:
            raise data_error(path, None, key, f"{value!r} is not a month; write YYYY-MM") from None

    k = number("coefficient")
    numerator, denominator = number("coefficient_numerator"), number("coefficient_denominator")
    if abs(numerator / denominator - k) > Decimal("0.000005"):
        raise data_error(
            path, None, "coefficient", f"{k} is not {numerator} / {denominator} rounded to 5 digits"
        )
    last_old, first_revised = month("last_old_month"), month("first_revised_month")
    if next_month(last_old) != first_revised:
        raise data_error(
            path, None, "first_revised_month", "must be the month after last_old_month"
        )
    try:
        published = dt.date.fromisoformat(text("first_revised_published"))
    except ValueError:
        raise data_error(path, None, "first_revised_published", "not a date YYYY-MM-DD") from None
    usage = doc.get("usage")
    if not isinstance(usage, dict) or not usage:
        raise data_error(path, None, "usage", "expected a mapping of how to use the coefficient")
    sources = doc.get("sources")
    if not isinstance(sources, list) or not sources:
        raise data_error(path, None, "sources", "expected a list of {title, url}")
    pairs = []
    for i, item in enumerate(sources):
        if not (isinstance(item, dict) and item.get("title") and item.get("url")):
            raise data_error(path, None, f"sources[{i}]", "expected a title and a url")
        pairs.append((str(item["title"]), str(item["url"])))
    return SyntecRevision(
        path=path,
        coefficient=k,
        coefficient_numerator=numerator,
        coefficient_denominator=denominator,
        last_old_month=last_old,
        first_revised_month=first_revised,
        first_revised_value=number("first_revised_value"),
        first_revised_published=published,
        quote=text("quote", "text"),
        quote_by=text("quote", "by"),
        usage={str(key): str(value).strip() for key, value in usage.items()},
        open_question=text("open_question"),
        sources=tuple(pairs),
    )


def syntec_revision(path=None) -> SyntecRevision:
    """The 2022 revision facts (cached); ``path`` defaults to ``data/rates/`` (CGVLIB_DATA)."""
    return _parse_revision(path if path is not None else paths.rates_file(REVISION_FILE))


def __getattr__(name: str):
    # SYNTEC_REVISION is read from the YAML file on first use (and re-read if it changes),
    # so that importing the module never touches the data.
    if name == "SYNTEC_REVISION":
        return syntec_revision()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------------------------
# The monthly values
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class SyntecValue(AsOf):
    """One month of the Syntec index, in index points (``bp`` is ``None``).

    ``series`` is ``'old'`` or ``'revised'`` (never divide one by the other without the
    coefficient: use :func:`syntec_ratio`); ``start``/``end`` are the month's first and last
    days; ``published`` is the publication date, ``published_assumed`` true when the data has
    none and the last day of the following month is assumed.
    """

    month: str
    published: dt.date
    published_assumed: bool
    unit: str = "points"

    def _describe(self) -> str:
        when = "assumed published" if self.published_assumed else "published"
        return f"{SYNTEC_LABEL}, {self.series} series, {self.month}, {when} {self.published}"


class SyntecRow(NamedTuple):
    line: int
    month: dt.date
    value: Decimal
    series: str
    published: dt.date | None
    source: str
    user: bool = False  # from the user data folder
    provisional: bool = False  # carried forward past the data (assume_last)

    @property
    def publication(self) -> tuple[dt.date, bool]:
        """(publication date, assumed?)."""
        if self.published is not None:
            return self.published, False
        return assumed_publication(self.month), True


def assumed_publication(month: dt.date) -> dt.date:
    """The assumed publication date of a month's value: the last day of the following month."""
    return month_end(next_month(month))


@dataclass(frozen=True)
class SyntecData:
    """The parsed Syntec file: months unique and increasing, possibly with gaps."""

    path: Path
    rows: tuple[SyntecRow, ...]
    by_month: Mapping[dt.date, SyntecRow]
    first: dt.date
    complete_until: dt.date  # first day of the last covered month
    extend: str
    revision: SyntecRevision  # the YAML facts the rows were checked against
    user_path: Path | None = None  # the user file merged in, if any
    replaces: frozenset[str] = frozenset()  # a user file: the packaged rows it replaces
    superseded: tuple[str, ...] = ()  # user rows the packaged data now holds differently

    def months(self) -> list[dt.date]:
        """Every month from the first to ``complete_until``, gaps included."""
        months, month = [], self.first
        while month <= self.complete_until:
            months.append(month)
            month = next_month(month)
        return months

    def gaps(self) -> list[dt.date]:
        return [m for m in self.months() if m not in self.by_month]

    @functools.cached_property
    def publications(self) -> tuple[tuple[dt.date, dt.date], ...]:
        """(month, publication date) for every month of the range, gaps included (assumed)."""
        return tuple(
            (m, self.by_month[m].publication[0] if m in self.by_month else assumed_publication(m))
            for m in self.months()
        )


@cached_by_file
def _parse_index(path: Path) -> SyntecData:
    revision = syntec_revision(path.parent / REVISION_FILE)
    return _build(read_series_csv(path, SYNTEC_COLUMNS), revision)


@cached_by_file
def _parse_user_index(path: Path) -> SyntecData:
    revision = syntec_revision(paths.rates_file(REVISION_FILE))
    return _build(read_series_csv(path, SYNTEC_COLUMNS), revision, user=True)


def _build(raw, revision: SyntecRevision, *, user: bool = False) -> SyntecData:
    path = raw.path
    rows: list[SyntecRow] = []
    for line, row in raw.rows:
        month = parse_month(raw, line, "month", required(raw, line, row, "month"))
        value = parse_decimal(raw, line, "value", row["value"])
        series = required(raw, line, row, "series")
        published_text = row["published"].strip()
        published = parse_date(raw, line, "published", published_text) if published_text else None
        source = required(raw, line, row, "source")
        if rows:
            check_order(raw, (rows[-1].line, rows[-1].month), line, "month", month, "month")
        if value <= 0:
            raise raw.error(line, "value", f"{value} is not a positive index value")
        if series not in SOURCE_PREFIX:
            raise raw.error(line, "series", f"{series!r} is not valid; write old or revised")
        if series != revision.series_of(month):
            raise raw.error(
                line,
                "series",
                f"{month_str(month)} is {series!r} but the old index ends with "
                f"{month_str(revision.last_old_month)} and the revised one starts with "
                f"{month_str(revision.first_revised_month)} ({revision.path.name})",
            )
        if not source.startswith(SOURCE_PREFIX[series]):
            raise raw.error(
                line, "source", f"a {series} row's source must start with {SOURCE_PREFIX[series]!r}"
            )
        if published is not None and published <= month_end(month):
            raise raw.error(
                line, "published", f"{published} is not after the end of {month_str(month)}"
            )
        if month == revision.first_revised_month and value != revision.first_revised_value:
            raise raw.error(
                line,
                "value",
                f"{value} differs from the first revised value {revision.first_revised_value} "
                f"stated in {revision.path.name}",
            )
        rows.append(SyntecRow(line, month, value, series, published, source, user))
    if not rows:
        raise raw.error(raw.header_line, None, "no data rows")
    complete_until = rows[-1].month  # covered through the last row: one row extends it
    return SyntecData(
        path,
        tuple(rows),
        {r.month: r for r in rows},
        rows[0].month,
        complete_until,
        raw.meta["extend"],
        revision,
        replaces=replaced_keys(raw.meta) if user else frozenset(),
    )


def load_syntec(path=None, *, user: bool = True) -> SyntecData:
    """Parse (cached) the Syntec file; ``path`` defaults to ``data/rates/`` (CGVLIB_DATA),
    and then, unless ``user=False``, the user file of the user data folder extends it and fills
    its gaps. The revision YAML is read from the same folder as the file."""
    given = path is not None
    path = Path(path) if given else paths.rates_file(SYNTEC_FILE)
    data = _parse_index(path)
    if data.revision is not syntec_revision(path.parent / REVISION_FILE):  # the YAML changed
        _parse_index.cache_clear()
        _parse_user_index.cache_clear()
        data = _parse_index(path)
    if given or not user:
        return data
    found = existing_user_series(SYNTEC_FILE)
    data = merged(SYNTEC_FILE, data, _parse_user_index(found) if found else None, _merge)
    return carried(SYNTEC_FILE, data, _carry_forward)


def _carry_forward(data: SyntecData, until: dt.date) -> SyntecData:
    """``data`` with the last month's value carried forward to the month of ``until``, each
    added month provisional and assumed published on the last day of the following month
    (:func:`cgvlib.reference.provisional.assume_last`); gaps stay gaps."""
    last = data.rows[-1]
    what = Phrase("the index of {month} ({value})",
                  month=day_or_month_words(month_str(last.month)), value=number_text(last.value))
    rows = list(data.rows)
    month = next_month(data.complete_until)
    while month <= until:
        rows.append(last._replace(month=month, published=None, provisional=True,
                                  source=provisional_source(what, month_end(last.month),
                                                            last.source)))
        month = next_month(month)
    if len(rows) == len(data.rows):
        return data
    return dataclasses.replace(data, rows=tuple(rows), by_month={r.month: r for r in rows},
                               complete_until=rows[-1].month)


def _merge(base: SyntecData, user: SyntecData) -> SyntecData:
    """The packaged months with the user's (:mod:`cgvlib.reference.user_data`): later months
    extend the series, gap months fill it, a differing value for a packaged month replaces it."""
    rows = dict(base.by_month)
    superseded = []
    for row in user.rows:
        packaged = rows.get(row.month)
        if packaged is not None:
            if packaged.value == row.value:
                continue
            if month_str(row.month) in user.replaces:
                rows[row.month] = row._replace(source=user_source(row.source, packaged.value))
            else:
                superseded.append(month_str(row.month))
            continue
        if row.month < base.first:
            raise data_error(
                user.path, row.line, "month",
                f"{month_str(row.month)} is before the first month of the packaged series "
                f"({month_str(base.first)}, {base.path.name})",
            )
        rows[row.month] = row._replace(source=user_source(row.source))
    ordered = tuple(rows[month] for month in sorted(rows))
    return SyntecData(
        base.path, ordered, {r.month: r for r in ordered}, ordered[0].month, ordered[-1].month,
        base.extend, base.revision, user.path, superseded=tuple(superseded),
    )


def _value(row: SyntecRow, note: str = "") -> SyntecValue:
    published, assumed = row.publication
    if row.provisional:
        notes = [n for n in (note_of(row.source), note) if n]
        note = notes[0] if len(notes) == 1 else joined_notes(notes)
    return SyntecValue(
        assumed=row.provisional,
        series=row.series,
        value=row.value,
        bp=None,
        start=row.month,
        end=month_end(row.month),
        source=row.source,
        note=note,
        month=month_str(row.month),
        published=published,
        published_assumed=assumed,
        user_supplied=row.user,
    )


def _gap_error(data: SyntecData, month: dt.date, context: str = "") -> OutOfCoverageError:
    series = data.revision.series_of(month)
    text = month_str(month)
    message = (
        f"{SYNTEC_LABEL}: {context}{text} is a gap in the data: the month is missing inside the "
        f"covered range {month_str(data.first)} to {month_str(data.complete_until)}, not after "
        f"its end. Once a source states its value, add the row "
        f"'{text},<value>,{series},<publication date or blank>,"
        f'"{SOURCE_PREFIX[series]} (…); <source>"\' to {data.path}, in month order '
        "(never a value derived from published percentages or from the other series).")
    words = Phrase("Syntec index: {month} is a gap in the data: the month is missing inside the "
                   "covered range, {first} to {last}, not after its end. Once a source states "
                   "its value, add it to your user data folder (`python -m cgvlib rates add`).",
                   month=day_or_month_words(text),
                   first=day_or_month_words(month_str(data.first)),
                   last=day_or_month_words(month_str(data.complete_until)))
    return OutOfCoverageError(
        Said(lambda lang: message if lang == "en" else words.say(lang)),
        series=SYNTEC_LABEL,
        last_covered=month_end(data.complete_until),
    )


def syntec(month) -> SyntecValue:
    """The Syntec index value of ``month`` ('YYYY-MM', a date in the month, or a pandas
    Period), in index points, with its series (old/revised) and publication date.

    A month before the first row or after ``# complete_until``, or a gap inside the range,
    raises :class:`~cgvlib.errors.OutOfCoverageError`.
    """
    first_day = as_month(month, "month")
    data = load_syntec()
    if first_day < data.first or first_day > data.complete_until:
        raise coverage_error(
            SYNTEC_LABEL,
            month_str(first_day),
            month_str(data.first),
            month_str(data.complete_until),
            data.path,
            data.extend,
            before=first_day < data.first,
            can_assume=False,
            last_covered=month_end(data.complete_until),
        )
    row = data.by_month.get(first_day)
    if row is None:
        raise _gap_error(data, first_day)
    return _value(row)


def syntec_last_published(at_date) -> SyntecValue:
    """The Syntec index most recently published on or before ``at_date`` (the "dernier indice
    publié" of a revision clause): the latest month whose publication date, actual or assumed
    (last day of the following month), is on or before ``at_date``.

    If that month is a gap in the data, raises :class:`~cgvlib.errors.OutOfCoverageError`
    naming it (an older month is never used instead). Covered only while no later publication
    can exist that the data lacks: the month after ``# complete_until`` is assumed published on
    the last day of the month after it, so ``at_date`` must be before that day.
    """
    day = as_date(at_date, "at_date")
    data = load_syntec()
    after_end = next_month(data.complete_until)
    first_date = data.by_month[data.first].publication[0]
    last_date = assumed_publication(after_end) - dt.timedelta(days=1)
    if day < first_date or day > last_date:
        before = day < first_date
        why = (
            f" (the first month, {month_str(data.first)}, was published on {first_date})"
            if before
            else f" (the index of {month_str(after_end)}, not in the data, is assumed published "
            f"by {last_date + dt.timedelta(days=1)}, the last day of the following month)"
        )
        why_words = (
            Phrase(" (the first month, {month}, was published on {day})",
                   month=day_or_month_words(month_str(data.first)),
                   day=day_or_month_words(first_date))
            if before
            else Phrase(" (the index of {month}, not in the data, is assumed published by {day},"
                        " the last day of the following month)",
                        month=day_or_month_words(month_str(after_end)),
                        day=day_or_month_words(last_date + dt.timedelta(days=1)))
        )
        raise coverage_error(
            f"{SYNTEC_LABEL}, last published value",
            day.isoformat(),
            first_date,
            last_date,
            data.path,
            data.extend,
            before=before,
            why=why,
            can_assume=False,
            last_covered=last_date,
            why_words=why_words,
        )
    latest = max(month for month, published in data.publications if published <= day)
    row = data.by_month.get(latest)
    if row is None:
        raise _gap_error(
            data,
            latest,
            f"the last index published on or before {day} is that of {month_str(latest)} "
            f"(assumed published by {assumed_publication(latest)}), and ",
        )
    published, assumed = row.publication
    when = Phrase("assumed published") if assumed else Phrase("published")
    return _value(row, Note(Phrase(
        "last index published on or before {day}: {month}, {when} {published}",
        day=day_or_month_words(day), month=day_or_month_words(month_str(latest)), when=when,
        published=day_or_month_words(published))))


def syntec_ratio(s2, s1) -> Fraction:
    """The exact revision ratio S2 / S1 (new value over base value), chaining across the
    August 2022 switch.

    - same series: S2 / S1;
    - S1 old and S2 revised: S2 / (S1 x k), k the « coefficient de raccord » of
      ``syntec_revision_2022.yaml`` (equivalently (S2 / k) / S1, the old series continued);
    - S1 revised and S2 old: refused (:class:`~cgvlib.errors.InputError`).

    ``s2`` and ``s1`` are :class:`SyntecValue` results, or months (looked up with
    :func:`syntec`).
    """
    new, base = _as_syntec(s2, "s2"), _as_syntec(s1, "s1")
    ratio = Fraction(new.value) / Fraction(base.value)
    if new.series == base.series:
        return ratio
    if base.series == "old" and new.series == "revised":
        return ratio / load_syntec().revision.coefficient_fraction
    raise InputError(
        f"syntec_ratio: the base value s1 ({base.month}) is from the revised index and the new "
        f"value s2 ({new.month}) from the old one; the old index ended with "
        f"{month_str(load_syntec().revision.last_old_month)}, so a revised base cannot precede an "
        "old new value. Swap the arguments if s2 was meant to be the later month."
    )


def _as_syntec(value, name: str) -> SyntecValue:
    if isinstance(value, SyntecValue):
        return value
    if isinstance(value, AsOf):
        raise InputError(f"{name}: {value.series} is not a Syntec index value")
    return syntec(value)


def syntec_table() -> pd.DataFrame:
    """The Syntec rows as a DataFrame indexed by month (a monthly PeriodIndex): value (float
    index points, for display), series (old/revised), published (Timestamp, actual or
    assumed), published_assumed (bool), source. Gaps are absent rows."""
    rows = load_syntec().rows
    pubs = [r.publication for r in rows]
    return pd.DataFrame(
        {
            "value": [float(r.value) for r in rows],
            "series": [r.series for r in rows],
            "published": pd.to_datetime([p[0] for p in pubs]),
            "published_assumed": [p[1] for p in pubs],
            "source": [r.source for r in rows],
        },
        index=pd.PeriodIndex([month_str(r.month) for r in rows], freq="M", name="month"),
    )


def syntec_series(series: str | None = None) -> pd.Series:
    """The index as float points on a monthly PeriodIndex spanning the covered range, NaN in
    the gaps (for plotting). ``series`` ``'old'`` or ``'revised'`` keeps one series only; the
    default shows both as published (they differ by the coefficient: do not compare them)."""
    if series not in (None, "old", "revised"):
        raise InputError(
            f"series: {series!r} is not valid; valid values are None, 'old' and 'revised'"
        )
    data = load_syntec()
    index = pd.period_range(month_str(data.first), month_str(data.complete_until), freq="M")
    values = {
        pd.Period(month_str(r.month), freq="M"): float(r.value)
        for r in data.rows
        if series is None or r.series == series
    }
    name = SYNTEC_LABEL if series is None else f"{SYNTEC_LABEL} ({series})"
    return pd.Series(
        [values.get(p, float("nan")) for p in index], index=index.rename("month"), name=name
    )
