"""Adding reference values to the user data folder (``python -m cgvlib rates add``).

One function per series: :func:`add_legal_rate` (a semester's two legal rates),
:func:`add_ecb_rate` (an ECB decision, or only the date up to which the rate is known to be
unchanged) and :func:`add_syntec` (a month of the Syntec index). Each checks, before anything
is written:

- **format and range**: a semester ``YYYY-S1``/``YYYY-S2``, a date ``YYYY-MM-DD``, a month
  ``YYYY-MM``; a rate in percent with at most two decimals, 0 to :data:`MAX_RATE` for the legal
  rate, 0 to :data:`MAX_ECB_RATE` for the ECB; a Syntec value within :data:`SYNTEC_MAX_STEP`
  of the nearest earlier month of the same series; no date in the future beyond what a
  published decision can announce;
- **the source** (required): a URL, a NOR number (``ECOT2516925A``) or a Journal officiel
  reference (``JORF n°0302 du 26 décembre 2025``), on one line;
- **continuity**: a semester follows the last one; an ECB change takes effect after the date up
  to which the series is complete and differs from the rate then in force; a Syntec month
  follows the series or fills one of its gaps;
- **no silent replacement**: a value for a period the series already holds is refused unless
  ``force`` (``--force``) is given; the same value again changes nothing.

The new user file is then read back in memory with the very checks of the packaged files and
merged with the packaged series (:mod:`cgvlib.reference.user_data`) before it replaces the old
one through :func:`cgvlib.output.write_user_series`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from cgvlib.errors import InputError
from cgvlib.output import write_user_series
from cgvlib.reference import ecb_rate, legal_rate, syntec
from cgvlib.reference.series import (
    REQUIRED_META,
    WITH_COVERAGE_END,
    month_end,
    month_str,
    next_month,
    read_series_csv,
    read_series_text,
    semester_bounds,
)
from cgvlib.reference.user_data import (
    REPLACES,
    existing_user_series,
    replaced_keys,
    user_series_path,
)

MAX_RATE = Decimal("20")  # legal rate, percent: every value since 2005 is below 9
MAX_ECB_RATE = Decimal("10")  # ECB MRO rate, percent: its highest was 4.75
SYNTEC_MAX_STEP = Decimal("0.10")  # a month's index within 10 % of the previous known month
MAX_SOURCE_LENGTH = 500
ECB_ANNOUNCE_DAYS = 31  # an ECB change takes effect about a week after the decision

_PERCENT = re.compile(r"^[0-9]{1,2}(\.[0-9]{1,2})?$")
_INDEX = re.compile(r"^[0-9]{2,4}(\.[0-9])?$")
_SEMESTER = re.compile(r"^([0-9]{4})-S([12])$")
_URL = re.compile(r"https?://[^\s\"]+\.[^\s\"]+")
_NOR = re.compile(r"\b[A-Z]{4}[0-9]{7}[A-Z]\b")
_JOURNAL = re.compile(r"\b(JORF|Journal officiel)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SeriesSpec:
    """What the user file of one series looks like and how it is checked and merged."""

    name: str  # as on the command line: legal, ecb, syntec
    file: str
    columns: tuple[str, ...]
    required_meta: tuple[str, ...]
    title: str
    unit: str
    key: str  # the column that identifies a row
    build: Callable  # (RawFile, user=True) -> parsed series
    merge: Callable  # (packaged, user) -> merged series
    packaged: Callable  # () -> the packaged series alone


SPECS: Mapping[str, SeriesSpec] = {
    "legal": SeriesSpec(
        "legal", legal_rate.SEMESTER_FILE, legal_rate.SEMESTER_COLUMNS, REQUIRED_META,
        "French legal interest rate, user-supplied semesters", "percent", "start",
        legal_rate._build_semesters, legal_rate._merge_semesters,
        lambda: legal_rate.load_semester_rates(user=False),
    ),
    "ecb": SeriesSpec(
        "ecb", ecb_rate.ECB_FILE, ecb_rate.ECB_COLUMNS, WITH_COVERAGE_END,
        "ECB main refinancing operations (MRO) rate, user-supplied changes", "percent",
        "effective", ecb_rate._build, ecb_rate._merge,
        lambda: ecb_rate.load_ecb_rates(user=False),
    ),
    "syntec": SeriesSpec(
        "syntec", syntec.SYNTEC_FILE, syntec.SYNTEC_COLUMNS, REQUIRED_META,
        "Syntec index, user-supplied months", "index points", "month",
        lambda raw, user: syntec._build(raw, syntec.load_syntec(user=False).revision, user=user),
        syntec._merge, lambda: syntec.load_syntec(user=False),
    ),
}


@dataclass(frozen=True)
class AddResult:
    """What :func:`add_legal_rate`, :func:`add_ecb_rate` or :func:`add_syntec` did."""

    series: str
    path: Path
    changed: bool
    message: str

    def __str__(self) -> str:
        return self.message


# --------------------------------------------------------------------------------------------
# Checking the arguments
# --------------------------------------------------------------------------------------------


def check_source(source) -> str:
    """The source of an added value: required, one line, and citing a URL, a NOR number or a
    Journal officiel reference."""
    text = source.strip() if isinstance(source, str) else ""
    valid = ("valid: a URL (https://…), a NOR number such as ECOT2516925A, or a Journal "
             "officiel reference such as 'JORF n°0302 du 26 décembre 2025'")
    if not text:
        raise InputError(f"source: required, the official text or page stating the value; {valid}")
    if any(ord(c) < 32 for c in text) or len(text) > MAX_SOURCE_LENGTH:
        raise InputError(f"source: {text[:60]!r}… must be one line of at most "
                         f"{MAX_SOURCE_LENGTH} characters")
    if not (_URL.search(text) or _NOR.search(text) or _JOURNAL.search(text)):
        raise InputError(f"source: {text!r} cites no URL nor official reference; {valid}")
    return text


def _percent(value, field: str, maximum: Decimal) -> Decimal:
    text = str(value).strip()
    if not _PERCENT.match(text):
        raise InputError(f"{field}: {text!r} is not a rate in percent; write e.g. 2.62 (digits, "
                         "a '.' decimal point, at most two decimals)")
    rate = Decimal(text)
    if rate > maximum:
        raise InputError(f"{field}: {text} % is out of range; valid: 0 to {maximum} %")
    return rate


def _date(value, field: str) -> dt.date:
    text = str(value).strip()
    try:
        if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{field}: {text!r} is not a date; write YYYY-MM-DD") from None


def _month(value, field: str) -> dt.date:
    text = str(value).strip()
    try:
        if not re.match(r"^[0-9]{4}-[0-9]{2}$", text):
            raise ValueError
        return dt.date.fromisoformat(text + "-01")
    except ValueError:
        raise InputError(f"{field}: {text!r} is not a month; write YYYY-MM") from None


def _today(today) -> dt.date:
    return today if isinstance(today, dt.date) else dt.date.today()


# --------------------------------------------------------------------------------------------
# The user file: read, change one row, check, write
# --------------------------------------------------------------------------------------------


def _user_rows(spec: SeriesSpec) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(preamble, rows) of the user file as written (sources without the user-supplied mark)."""
    path = existing_user_series(spec.file)
    if path is None:
        return {}, []
    raw = read_series_csv(path, spec.columns, spec.required_meta)
    return dict(raw.meta), [dict(fields) for _, fields in raw.rows]


def _render(spec: SeriesSpec, meta: Mapping[str, str], rows: list[dict[str, str]]) -> str:
    preamble = {
        "series": spec.title,
        "unit": spec.unit,
        "written_by": "python -m cgvlib rates add / rates update (edit with care: same format "
                      "as data/rates/" + spec.file + ")",
        "extend": "python -m cgvlib rates add " + spec.name + " … --source …",
        **{k: v for k, v in meta.items() if k not in ("series", "unit", "written_by", "extend")},
    }
    out = io.StringIO()
    for key, value in preamble.items():
        out.write(f"# {key}: {value}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(spec.columns)
    for row in sorted(rows, key=lambda r: r[spec.key]):
        writer.writerow([row[c] for c in spec.columns])
    return out.getvalue()


def save_user_rows(spec: SeriesSpec, meta: Mapping[str, str], rows: list[dict[str, str]]) -> Path:
    """Check the user file ``meta`` + ``rows`` as the loader would (the file's own checks, then
    the merge with the packaged series), then write it. Raises before writing anything."""
    text = _render(spec, meta, rows)
    path = user_series_path(spec.file)
    user = spec.build(read_series_text(path, text, spec.columns, spec.required_meta), user=True)
    spec.merge(spec.packaged(), user)
    return write_user_series(spec.file, text)


def _put(spec: SeriesSpec, row: dict[str, str], meta: Mapping[str, str] | None = None, *,
         replaces_packaged: bool = False) -> Path:
    """Write ``row`` into the user file (instead of its key's earlier user row, if any);
    ``replaces_packaged``: it replaces a packaged row (``--force``), which the file's
    ``# replaces:`` line then names."""
    old_meta, rows = _user_rows(spec)
    rows = [r for r in rows if r[spec.key] != row[spec.key]] + [row]
    meta = {**old_meta, **(meta or {})}
    if replaces_packaged:
        meta[REPLACES] = ", ".join(sorted(replaced_keys(meta) | {row[spec.key]}))
    return save_user_rows(spec, meta, rows)


def _replacing(what: str, held: str, force: bool) -> None:
    if not force:
        raise InputError(f"{what}: the series already holds {held}; a value is never replaced "
                         "silently: pass --force (force=True) to replace it")


# --------------------------------------------------------------------------------------------
# The three series
# --------------------------------------------------------------------------------------------


def add_legal_rate(semester, professional, consumer, source, *, force: bool = False,
                   today=None) -> AddResult:
    """Add the legal interest rates of ``semester`` (``"2026-S2"``): ``professional`` (« dans
    tous les autres cas », the B2B value) and ``consumer``, in percent, with the ``source`` of
    the arrêté (NOR number, Journal officiel reference or URL)."""
    found = _SEMESTER.match(str(semester).strip())
    if not found:
        raise InputError(f"semester: {semester!r} is not a semester; write YYYY-S1 (January to "
                         "June) or YYYY-S2 (July to December), e.g. 2026-S2")
    year, half = int(found.group(1)), int(found.group(2))
    start = dt.date(year, 1 if half == 1 else 7, 1)
    end = semester_bounds(start)[1]
    pro = _percent(professional, "professional", MAX_RATE)
    con = _percent(consumer, "consumer", MAX_RATE)
    source = check_source(source)
    latest = semester_bounds(_today(today))[1] + dt.timedelta(days=1)
    if start > latest:
        raise InputError(f"semester: {semester} is too far ahead; the arrêté of a semester is "
                         f"published shortly before it, so the latest valid one now starts on "
                         f"{latest}")
    data = legal_rate.load_semester_rates()
    label = f"{year}-S{half}"
    over_packaged = False
    if start in data.starts:
        row = data.rows[data.starts.index(start)]
        if (row.professional, row.consumer) == (pro, con):
            return AddResult("legal", data.user_path or data.path, False,
                             f"legal rate {label}: already {pro} / {con}; nothing changed")
        _replacing(f"semester {label}", f"{row.professional} (professional) / {row.consumer} "
                   f"(consumer) from {row.source}", force)
        over_packaged = start in SPECS["legal"].packaged().starts
    elif start != data.complete_until + dt.timedelta(days=1):
        nxt = data.complete_until + dt.timedelta(days=1)
        raise InputError(f"semester: {label} does not follow on from the series, which ends on "
                         f"{data.complete_until}; the next semester to add is "
                         f"{nxt.year}-S{1 if nxt.month == 1 else 2}")
    path = _put(SPECS["legal"], {"start": start.isoformat(), "end": end.isoformat(),
                                 "professional": str(pro), "consumer": str(con),
                                 "source": source}, replaces_packaged=over_packaged)
    return AddResult("legal", path, True, f"legal rate {label}: {pro} % (professional), {con} % "
                     f"(consumer), user-supplied, written to {path}")


def add_ecb_rate(effective=None, rate=None, source=None, *, until=None, force: bool = False,
                 today=None) -> AddResult:
    """Add an ECB change of the MRO rate: ``rate`` (percent) in force from ``effective`` (the
    "with effect from" date), with the ``source`` of the decision. ``until`` (default: the
    effective date) is the last date up to which no later change can exist; without
    ``effective`` and ``rate``, only that date moves (the ECB held the rate)."""
    source = check_source(source)
    now = _today(today)
    data = ecb_rate.load_ecb_rates()
    if (effective is None) != (rate is None):
        raise InputError("ecb: give both --effective and --rate for a change, or only --until "
                         "when the ECB held the rate")
    if effective is None and until is None:
        raise InputError("ecb: give --effective and --rate (a change) or --until (a hold)")
    spec = SPECS["ecb"]
    meta, rows = _user_rows(spec)
    until_day = _date(until, "until") if until is not None else None
    if until_day is not None and until_day > now:
        raise InputError(f"until: {until_day} is in the future; it is the last date up to which "
                         f"no unrecorded change can exist, at most today ({now})")
    if effective is None:
        if until_day <= data.complete_until:
            raise InputError(f"until: {until_day} is not after {data.complete_until}, the date up "
                             "to which the series is already complete; nothing to add")
        path = save_user_rows(spec, {**meta, "complete_until": until_day.isoformat(),
                                     "complete_until_source": source}, rows)
        return AddResult("ecb", path, True, f"ECB rate: unchanged at {data.rows[-1].rate} % "
                         f"until {until_day}, user-supplied, written to {path}")
    day = _date(effective, "effective")
    value = _percent(rate, "rate", MAX_ECB_RATE)
    if day > now + dt.timedelta(days=ECB_ANNOUNCE_DAYS):
        raise InputError(f"effective: {day} is more than {ECB_ANNOUNCE_DAYS} days ahead; an "
                         "ECB change takes effect about a week after its decision")
    if until_day is not None and until_day < day:
        raise InputError(f"until: {until_day} is before the change's effective date {day}")
    over_packaged = False
    if day in data.effectives:
        row = data.rows[data.effectives.index(day)]
        if row.rate == value:
            return AddResult("ecb", data.user_path or data.path, False,
                             f"ECB rate from {day}: already {value} %; nothing changed")
        _replacing(f"effective {day}", f"{row.rate} % from {row.source}", force)
        over_packaged = day <= spec.packaged().complete_until
    else:
        packaged = spec.packaged()
        if day <= packaged.complete_until:
            raise InputError(f"effective: {day} is inside the range {data.path.name} says is "
                             f"complete (until {packaged.complete_until}) with no change then; "
                             f"an added change takes effect after {packaged.complete_until}")
        if day <= data.complete_until:
            _replacing(f"effective {day}", f"no change from {data.rows[-1].effective} until "
                       f"{data.complete_until}", force)
        before = ecb_rate.ecb_rate(day - dt.timedelta(days=1), assume="last")
        if before.value == value:
            raise InputError(f"rate: {value} % is already in force on {day} (since "
                             f"{before.start}); a hold adds no row: give only --until")
    new_until = max(until_day or day, day, _meta_date(meta, "complete_until") or day)
    path = _put(spec, {"effective": day.isoformat(), "rate": str(value), "source": source},
                {"complete_until": new_until.isoformat()}, replaces_packaged=over_packaged)
    return AddResult("ecb", path, True, f"ECB rate: {value} % from {day} (complete until "
                     f"{new_until}), user-supplied, written to {path}")


def _meta_date(meta: Mapping[str, str], key: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(meta[key])
    except (KeyError, ValueError):
        return None


def add_syntec(month, value, source, *, published=None, force: bool = False,
               today=None) -> AddResult:
    """Add the Syntec index of ``month`` (``"2025-11"``): ``value`` in index points as the
    Fédération Syntec publishes it, its ``published`` date if known (else the last day of the
    following month is assumed), and the ``source``."""
    first = _month(month, "month")
    text = str(value).strip()
    if not _INDEX.match(text) or Decimal(text) <= 0:
        raise InputError(f"value: {text!r} is not an index value; write it as published, e.g. "
                         "322.2 (at most one decimal)")
    points = Decimal(text)
    source = check_source(source)
    now = _today(today)
    if month_end(first) >= now:
        raise InputError(f"month: {month_str(first)} has not ended yet (today is {now}); its "
                         "index is published around the end of the following month")
    pub = _date(published, "published") if published is not None else None
    if pub is not None and not month_end(first) < pub <= now:
        raise InputError(f"published: {pub} must be after the end of {month_str(first)} and "
                         f"not after today ({now})")
    data = syntec.load_syntec()
    series = data.revision.series_of(first)
    if first < data.first:
        raise InputError(f"month: {month_str(first)} is before the series starts "
                         f"({month_str(data.first)})")
    over_packaged = False
    if first in data.by_month:
        row = data.by_month[first]
        if row.value == points:
            return AddResult("syntec", data.user_path or data.path, False,
                             f"Syntec {month_str(first)}: already {points}; nothing changed")
        _replacing(f"month {month_str(first)}", f"{row.value} from {row.source}", force)
        over_packaged = first in SPECS["syntec"].packaged().by_month
    earlier = [r for r in data.rows if r.month < first and r.series == series]
    if earlier:
        ref = earlier[-1]
        if abs(points - ref.value) > ref.value * SYNTEC_MAX_STEP:
            raise InputError(f"value: {points} is more than {SYNTEC_MAX_STEP:%} away from "
                             f"{ref.value}, the index of {month_str(ref.month)}; check the "
                             f"figure (the {series} series, as published)")
    if first > next_month(data.complete_until) and not force:
        raise InputError(f"month: {month_str(first)} leaves a gap after "
                         f"{month_str(data.complete_until)}, the last month of the series; add "
                         f"{month_str(next_month(data.complete_until))} first, or pass --force "
                         "to leave the months between as gaps")
    prefix = syntec.SOURCE_PREFIX[series]
    row = {"month": month_str(first), "value": str(points), "series": series,
           "published": pub.isoformat() if pub else "",
           "source": source if source.startswith(prefix) else f"{prefix}; {source}"}
    path = _put(SPECS["syntec"], row, replaces_packaged=over_packaged)
    return AddResult("syntec", path, True, f"Syntec {month_str(first)}: {points} ({series} "
                     f"index), user-supplied, written to {path}")
