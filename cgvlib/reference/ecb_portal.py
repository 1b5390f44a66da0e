"""The ECB main refinancing rate from the ECB Data Portal (``python -m cgvlib rates update
ecb``), the one reference series with a machine-readable official source.

**Source.** The ECB Data Portal publishes the MRO fixed rate as series
``FM.D.U2.EUR.4F.KR.MRR_FR.LEV`` ("date of changes": one observation per change) and
``FM.B.U2.EUR.4F.KR.MRR_FR.LEV`` (every business day). The live update asks the portal's API
for the business-day series in SDMX-CSV (:data:`API_URL`); ``--from-file`` reads a copy
downloaded by hand, so the update works offline. Two CSV layouts are read:

- **SDMX-CSV** (the API's ``format=csvdata``): a header with ``TIME_PERIOD`` and
  ``OBS_VALUE`` (and ``KEY``, ``FREQ``, …, ``TITLE``…); one row per observation;
- **the portal's "Download CSV"**: ``DATE``, ``TIME PERIOD``, then one column whose title ends
  with the series key, e.g. ``… (FM.D.U2.EUR.4F.KR.MRR_FR.LEV)``.

Either may be a file of changes or a daily series, in any date order: the observations are
sorted and only the changes are kept. The file must be the MRO fixed-rate series
(``MRR_FR``): another series (the deposit facility, ``DFR``) is refused.

**What is written.** Each change after the date up to which the packaged file is complete
becomes a user row (source: the portal, its series key and URL, and the file or download
date); the last observation date becomes the new ``complete_until`` (``until`` may state a
later one for a file of changes). Observations inside the packaged range are checked against
it from 2008-10-15 (the series starts with fixed-rate tenders): a disagreement stops the update
and names the date and both values. A user row the portal contradicts is replaced only with
``force``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from cgvlib.errors import InputError
from cgvlib.reference import ecb_rate
from cgvlib.reference.rates_add import SPECS, AddResult, _user_rows, save_user_rows

SERIES_KEY = "FM.D.U2.EUR.4F.KR.MRR_FR.LEV"
DAILY_KEY = "FM.B.U2.EUR.4F.KR.MRR_FR.LEV"
API_URL = "https://data-api.ecb.europa.eu/service/data/FM/B.U2.EUR.4F.KR.MRR_FR.LEV"
PORTAL_PAGE = "https://data.ecb.europa.eu/data/datasets/FM/" + SERIES_KEY
FIXED_RATE_START = dt.date(2008, 10, 15)  # MRR_FR: fixed-rate tenders from this date
TIMEOUT_SECONDS = 30
MAX_BYTES = 20_000_000

_KEY_IN_TITLE = re.compile(r"\(([A-Z0-9_]+(?:\.[A-Z0-9_]+)+)\)\s*$")


@dataclass(frozen=True)
class PortalSeries:
    """The observations of one portal file, sorted by date, and the series key it names."""

    key: str
    observations: tuple[tuple[dt.date, Decimal], ...]
    origin: str  # the file or URL read

    def changes(self, before: Decimal | None = None) -> list[tuple[dt.date, Decimal]]:
        """The observations whose value differs from the one before (``before``: the rate in
        force before the first observation, if known)."""
        found, current = [], before
        for day, value in self.observations:
            if value != current:
                found.append((day, value))
                current = value
        return found


def _problem(origin: str, line: int | None, message: str) -> InputError:
    where = f"{origin}, line {line}" if line else origin
    return InputError(f"{where}: {message}; expected an ECB Data Portal CSV of the series "
                      f"{SERIES_KEY} (SDMX-CSV with TIME_PERIOD and OBS_VALUE, or the portal's "
                      "download with DATE, TIME PERIOD and the series column)")


def parse_portal_csv(text: str, origin: str = "ECB Data Portal CSV") -> PortalSeries:
    """The MRO observations of an ECB Data Portal CSV ``text`` (either layout)."""
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise _problem(origin, None, "the file is empty") from None
    upper = [name.upper() for name in header]
    if "TIME_PERIOD" in upper and "OBS_VALUE" in upper:
        date_col, value_col = upper.index("TIME_PERIOD"), upper.index("OBS_VALUE")
        key_col = upper.index("KEY") if "KEY" in upper else None
        key = None
    elif "DATE" in upper and len(header) >= 3:
        date_col = upper.index("DATE")
        keyed = [i for i, name in enumerate(header) if _KEY_IN_TITLE.search(name)]
        if len(keyed) != 1:
            raise _problem(origin, 1, "no single column titled with a series key such as "
                                      f"'… ({SERIES_KEY})'")
        value_col, key_col = keyed[0], None
        key = _KEY_IN_TITLE.search(header[value_col]).group(1)
    else:
        raise _problem(origin, 1, f"the header {','.join(header)[:120]!r} is neither layout")
    observations: dict[dt.date, Decimal] = {}
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise _problem(origin, line, f"{len(row)} fields where the header has "
                                         f"{len(header)} (a decimal comma, or a field to quote?)")
        if key_col is not None:
            key = key or row[key_col].strip()
            if row[key_col].strip() != key:
                raise _problem(origin, line, f"a second series {row[key_col].strip()!r}")
        value_text = row[value_col].strip()
        if value_text in ("", "NaN", "-"):
            continue  # no observation that day
        day = _iso_date(row[date_col].strip(), origin, line)
        try:
            value = Decimal(value_text)
        except InvalidOperation:
            raise _problem(origin, line, f"OBS_VALUE {value_text!r} is not a number") from None
        if not value.is_finite() or value < 0 or value > 100 or value != value.quantize(
                Decimal("0.01")):
            raise _problem(origin, line, f"{value_text!r} is not a rate in percent with at most "
                                         "two decimals")
        if day in observations and observations[day] != value:
            raise _problem(origin, line, f"two values for {day}")
        observations[day] = value.quantize(Decimal("0.01"))
    if not observations:
        raise _problem(origin, None, "no observation")
    if not key or "MRR_FR" not in key:
        raise _problem(origin, None, f"the series is {key!r}, not the MRO fixed rate (MRR_FR)")
    return PortalSeries(key, tuple(sorted(observations.items())), origin)


def _iso_date(text: str, origin: str, line: int) -> dt.date:
    try:
        if not re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _problem(origin, line, f"the date {text!r} is not YYYY-MM-DD") from None


def read_portal_file(path) -> PortalSeries:
    """:func:`parse_portal_csv` of a downloaded file."""
    path = Path(path).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"--from-file: {path}: cannot be read ({exc.strerror or exc}); give "
                         "the CSV downloaded from the ECB Data Portal") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"--from-file: {path}: not UTF-8 text; give the CSV downloaded from "
                         "the ECB Data Portal") from None
    return parse_portal_csv(text, str(path))


def download(start: dt.date, *, opener=None) -> PortalSeries:
    """The business-day MRO series from ``start`` on, from the ECB Data Portal API (``opener``:
    :func:`urllib.request.urlopen` by default). Without a network, one clear error that
    suggests ``--from-file``."""
    url = f"{API_URL}?format=csvdata&startPeriod={start.isoformat()}"
    opener = opener or urllib.request.urlopen
    try:
        with opener(url, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise InputError(
            f"rates update ecb: the ECB Data Portal could not be reached ({reason}); download "
            f"the CSV of {SERIES_KEY} from {PORTAL_PAGE} and run "
            "'python -m cgvlib rates update ecb --from-file FILE.csv'"
        ) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"rates update ecb: the answer of {url} is larger than {MAX_BYTES} "
                         "bytes; use --from-file")
    return parse_portal_csv(data.decode("utf-8", errors="replace"), url)


def update_ecb(from_file=None, *, until=None, force: bool = False, today=None,
               opener=None) -> AddResult:
    """Bring the ECB series up to date from the portal (or ``from_file``), into the user data
    folder. ``until``: a later date up to which no change exists (for a file of changes)."""
    now = today if isinstance(today, dt.date) else dt.date.today()
    packaged = ecb_rate.load_ecb_rates(user=False)
    portal = (read_portal_file(from_file) if from_file is not None
              else download(packaged.complete_until - dt.timedelta(days=31), opener=opener))
    _cross_check(portal, packaged)
    last = portal.observations[-1][0]
    until_day = _until(until, last, now)
    in_force = ecb_rate.ecb_rate(packaged.complete_until)
    after = [(d, v) for d, v in portal.observations if d > packaged.complete_until]
    changes = PortalSeries(portal.key, tuple(after), portal.origin).changes(in_force.value)
    spec = SPECS["ecb"]
    meta, rows = _user_rows(spec)
    new = {d.isoformat(): str(v) for d, v in changes}
    ours = [r for r in rows  # user changes the portal speaks for (not forced replacements)
            if packaged.complete_until < dt.date.fromisoformat(r["effective"]) <= until_day]
    conflicts = [r for r in ours if new.get(r["effective"]) != r["rate"]]
    if conflicts and not force:
        listed = ", ".join(f"{r['rate']} % from {r['effective']}" for r in conflicts)
        raise InputError(f"rates update ecb: the portal contradicts user-supplied rows ({listed}) "
                         "of the user data folder; pass --force to replace them with the portal's")
    kept = [r for r in rows if r not in ours]
    where = (f"{PORTAL_PAGE}, file {Path(portal.origin).name}" if from_file is not None
             else f"{API_URL}, downloaded {now.isoformat()}")
    added = [{"effective": d.isoformat(), "rate": str(v),
              "source": f"ECB Data Portal, series {portal.key} ({where})"} for d, v in changes]
    old_until = dt.date.fromisoformat(meta.get("complete_until", packaged.complete_until
                                               .isoformat()))
    new_until = max(until_day, old_until)
    same_rows = {(r["effective"], r["rate"]) for r in kept + added} == {
        (r["effective"], r["rate"]) for r in rows}
    if same_rows and new_until <= ecb_rate.load_ecb_rates().complete_until:
        return AddResult("ecb", ecb_rate.load_ecb_rates().user_path or packaged.path, False,
                         f"ECB rate: the portal ({portal.key}, last observation {last}) adds "
                         f"nothing; the series is complete until "
                         f"{ecb_rate.load_ecb_rates().complete_until}")
    path = save_user_rows(spec, {**meta, "complete_until": new_until.isoformat(),
                                 "complete_until_source": f"ECB Data Portal ({where})"},
                          kept + added)
    summary = "; ".join(f"{v} % from {d}" for d, v in changes) or "no change"
    return AddResult("ecb", path, True, f"ECB rate from the portal ({portal.key}): {summary}; "
                     f"complete until {new_until}, user-supplied, written to {path}")


def _until(until, last: dt.date, now: dt.date) -> dt.date:
    if until is None:
        return last
    try:
        day = dt.date.fromisoformat(str(until).strip())
    except ValueError:
        raise InputError(f"until: {until!r} is not a date; write YYYY-MM-DD") from None
    if not last <= day <= now:
        raise InputError(f"until: {day} must be between the file's last observation ({last}) "
                         f"and today ({now})")
    return day


def _cross_check(portal: PortalSeries, packaged: ecb_rate.EcbRates) -> None:
    """Every observation inside the packaged range (from 2008-10-15) agrees with it."""
    for day, value in portal.observations:
        if day < FIXED_RATE_START or day > packaged.complete_until:
            continue
        known = ecb_rate.ecb_rate(day)
        if known.value != value and not known.user_supplied:
            raise InputError(
                f"{portal.origin}: the ECB Data Portal gives {value} % on {day}, but "
                f"{packaged.path} gives {known.value} % (from {known.start}); the update "
                "stops: correct the packaged row (data/rates/README.md) or check the file"
            )
