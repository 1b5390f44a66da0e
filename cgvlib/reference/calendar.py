"""The French business calendar: jours calendaires, jours ouvrés, jours ouvrables.

The terms of sale count delays in three different kinds of day, and the kind changes the
answer, so every function here takes the kind the text uses (never "working days" loosely):

``"calendar"`` (jours calendaires)
    Every day of the calendar, weekends and public holidays included.
``"ouvré"`` (jours ouvrés)
    Monday to Friday, excluding French public holidays (jours fériés).
``"ouvrable"`` (jours ouvrables)
    Monday to Saturday, excluding French public holidays. Sunday is never ouvrable.

A kind may be written in any case and with or without its accent (``"ouvre"``, ``"OUVRÉ"``);
anything else raises :class:`~cgvlib.errors.InputError` listing the valid kinds.

Public holidays
    Taken from the ``holidays`` package (``holidays.France``, public category, French names),
    so the list follows the statute year by year (Code du travail L3133-1 and the laws cited
    by ``holidays``). Two regions are modelled:

    * ``"metropole"`` (default): ``holidays.France()`` without subdivision, i.e. the eleven
      national jours fériés of metropolitan France.
    * ``"alsace-moselle"``: ``holidays.France(subdiv="57")`` (Moselle), which adds Good Friday
      (Vendredi saint) and 26 December (Saint-Étienne) from the local law of 1892. The
      installed ``holidays`` also has ``subdiv="6AE"`` (Alsace, i.e. Bas-Rhin and Haut-Rhin),
      which gives exactly the same days, so one region stands for the three départements.

    The overseas départements and collectivités are not modelled; any other region raises
    :class:`~cgvlib.errors.InputError`. Region names are also accepted in any case and with
    accents (``"Métropole"``).

    Lundi de Pentecôte: ``holidays`` lists it every year except 2005, 2006 and 2007, when the
    law n° 2004-626 of 30 June 2004 made it the "journée de solidarité" by default. Since 2008
    each employer chooses its journée de solidarité; it is not modelled separately, and
    Pentecost Monday counts as a public holiday.

    Holidays falling on a Saturday or a Sunday are not carried over to another day (France has
    no substitute days): a holiday on a Saturday removes one jour ouvrable but no jour ouvré.

    The holiday lists are built lazily, per (region, year range), the first time they are
    needed, and cached for the life of the process.

Heures ouvrées
    Business-hour clocks ("48 heures ouvrées") are deliberately not modelled: the caller
    converts "N heures ouvrées" into jours ouvrés under the reading it documents (for example
    48 heures ouvrées = 6 jours ouvrés of 8 hours, or 2 jours ouvrés read as whole days) and
    then uses :func:`add_days`.

Scalar functions take anything :func:`cgvlib.dates.as_date` accepts; the vectorised forms
:func:`add_days_array` and :func:`count_days_array` take numpy ``datetime64`` arrays (or
pandas date columns) and agree with the scalar forms element by element.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

import holidays
import numpy as np

from cgvlib.dates import as_date
from cgvlib.errors import InputError

DayKind = Literal["calendar", "ouvré", "ouvrable"]
Region = Literal["metropole", "alsace-moselle"]

#: The day kinds, in their canonical spelling.
KINDS: tuple[str, ...] = ("calendar", "ouvré", "ouvrable")
#: The modelled regions, in their canonical spelling.
REGIONS: tuple[str, ...] = ("metropole", "alsace-moselle")

# Region -> ``subdiv`` argument of ``holidays.France`` (None = no subdivision).
_SUBDIV: dict[str, str | None] = {"metropole": None, "alsace-moselle": "57"}

# numpy weekmasks, Monday first.
_WEEKMASK: dict[str, str] = {"ouvré": "1111100", "ouvrable": "1111110"}
# Last weekday (Monday = 0) that can be a day of the kind.
_LAST_WEEKDAY: dict[str, int] = {"ouvré": 4, "ouvrable": 5}

# Years python's ``datetime.date`` can hold.
_MIN_YEAR, _MAX_YEAR = dt.MINYEAR, dt.MAXYEAR


def _fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents and surrounding blanks."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_KIND_BY_FOLDED = {_fold(k): k for k in KINDS}
_REGION_BY_FOLDED = {_fold(r): r for r in REGIONS}


def normalize_kind(kind: str) -> str:
    """Return the canonical spelling of a day kind: ``"calendar"``, ``"ouvré"`` or ``"ouvrable"``.

    Case and accents are ignored (``"Ouvre"`` -> ``"ouvré"``); anything else raises
    :class:`InputError` listing the valid kinds.
    """
    if isinstance(kind, str):
        found = _KIND_BY_FOLDED.get(_fold(kind))
        if found is not None:
            return found
    raise InputError(
        f"kind: {kind!r} is not a day kind; use one of {', '.join(map(repr, KINDS))} "
        "(jours calendaires, jours ouvrés = Monday-Friday, jours ouvrables = Monday-Saturday, "
        "both without public holidays)"
    )


def normalize_region(region: str) -> str:
    """Return the canonical spelling of a region: ``"metropole"`` or ``"alsace-moselle"``.

    Case and accents are ignored; anything else raises :class:`InputError`.
    """
    if isinstance(region, str):
        found = _REGION_BY_FOLDED.get(_fold(region))
        if found is not None:
            return found
    raise InputError(
        f"region: {region!r} is not a modelled region; use one of {', '.join(map(repr, REGIONS))}"
    )


def _as_int(value, name: str) -> int:
    if isinstance(value, bool):
        raise InputError(f"{name}: expected a whole number of days, got {value!r}")
    try:
        return operator.index(value)
    except TypeError:
        raise InputError(
            f"{name}: expected a whole number of days, got {type(value).__name__} {value!r}"
        ) from None


def _as_year(year) -> int:
    if isinstance(year, bool):
        raise InputError(f"year: expected a year such as 2024, got {year!r}")
    try:
        y = operator.index(year)
    except TypeError:
        raise InputError(
            f"year: expected a year such as 2024, got {type(year).__name__} {year!r}"
        ) from None
    if not _MIN_YEAR <= y <= _MAX_YEAR:
        raise InputError(f"year: {y} is outside {_MIN_YEAR}..{_MAX_YEAR}")
    return y


# --------------------------------------------------------------------------- holiday lists


@functools.lru_cache(maxsize=512)
def _holiday_table(region: str, first_year: int, last_year: int) -> Mapping[dt.date, str]:
    """Public holidays of ``region`` for the years ``first_year..last_year`` (both included).

    ``region`` must be canonical. Built on first use and cached; read-only.
    """
    table = holidays.France(
        subdiv=_SUBDIV[region],
        years=range(first_year, last_year + 1),
        language="fr",
        categories=(holidays.PUBLIC,),
    )
    return MappingProxyType(dict(sorted(table.items())))


@functools.lru_cache(maxsize=128)
def _busdaycalendar(kind: str, region: str, first_year: int, last_year: int) -> np.busdaycalendar:
    """numpy business-day calendar for ``kind`` (ouvré or ouvrable) over the years given."""
    days = np.array(sorted(_holiday_table(region, first_year, last_year)), dtype="datetime64[D]")
    return np.busdaycalendar(weekmask=_WEEKMASK[kind], holidays=days)


def public_holidays(year: int, *, region: str = "metropole") -> dict[dt.date, str]:
    """The French public holidays (jours fériés) of ``year`` in ``region``, by date.

    Names are the French ones given by ``holidays`` (``"Lundi de Pentecôte"``,
    ``"Vendredi saint"``...). Returns a new dict sorted by date; the region mapping and the
    Pentecost Monday convention are described in the module docstring.
    """
    region = normalize_region(region)
    y = _as_year(year)
    return dict(_holiday_table(region, y, y))


def is_public_holiday(d, *, region: str = "metropole") -> bool:
    """True when ``d`` is a French public holiday in ``region`` (whatever its weekday)."""
    day = as_date(d, "d")
    region = normalize_region(region)
    return day in _holiday_table(region, day.year, day.year)


def _is_day(day: dt.date, kind: str, region: str) -> bool:
    """``is_day`` for a ``datetime.date`` and canonical ``kind`` and ``region``."""
    if kind == "calendar":
        return True
    if day.weekday() > _LAST_WEEKDAY[kind]:
        return False
    return day not in _holiday_table(region, day.year, day.year)


def is_day(d, kind: str, *, region: str = "metropole") -> bool:
    """True when ``d`` is a day of ``kind`` in ``region``.

    * ``"calendar"``: always true.
    * ``"ouvré"``: ``d`` is Monday to Friday and not a public holiday.
    * ``"ouvrable"``: ``d`` is Monday to Saturday and not a public holiday.
    """
    return _is_day(as_date(d, "d"), normalize_kind(kind), normalize_region(region))


# --------------------------------------------------------------------------- scalar forms


def _out_of_range() -> InputError:
    return InputError(
        f"the result would fall outside the dates Python supports ({dt.date.min} to {dt.date.max})"
    )


def _step(day: dt.date, direction: int) -> dt.date:
    try:
        return day + dt.timedelta(days=direction)
    except OverflowError:
        raise _out_of_range() from None


def add_days(start, n: int, kind: str = "calendar", *, region: str = "metropole") -> dt.date:
    """The ``n``-th day of ``kind`` strictly after ``start`` (``start`` itself is never counted).

    * ``n >= 1``: walk forward from ``start``, excluded, and return the ``n``-th day of the
      kind met. ``start`` need not itself be a day of the kind: from Saturday 2024-05-04, one
      jour ouvré later is Monday 2024-05-06.
    * ``n == 0``: return ``start`` unchanged, even when it is not a day of the kind (use
      :func:`on_or_before` or :func:`on_or_after` to move onto one).
    * ``n <= -1``: the ``|n|``-th day of the kind strictly before ``start``.

    Examples: add_days(Friday 2024-05-03, 1, "ouvré") is Monday 2024-05-06; add_days(Tuesday
    2024-05-07, 1, "ouvré") is Friday 2024-05-10, because Wednesday 2024-05-08 (Victoire 1945)
    and Thursday 2024-05-09 (Ascension) are public holidays.

    This is the inverse of :func:`count_days` for every ``n``, negative included:
    ``count_days(s, add_days(s, n, k), k) == n`` (see there for the backward convention).
    """
    day = as_date(start, "start")
    n = _as_int(n, "n")
    kind = normalize_kind(kind)
    region = normalize_region(region)
    if kind == "calendar":
        try:
            return day + dt.timedelta(days=n)
        except OverflowError:
            raise _out_of_range() from None
    direction = 1 if n > 0 else -1
    remaining = abs(n)
    while remaining:
        day = _step(day, direction)
        if _is_day(day, kind, region):
            remaining -= 1
    return day


def count_days(start, end, kind: str = "calendar", *, region: str = "metropole") -> int:
    """The number of days of ``kind`` from ``start`` to ``end``, ``start`` excluded and ``end``
    included, signed by the direction of travel.

    * ``end >= start``: the number of days ``d`` of the kind with ``start < d <= end``.
      ``count_days(s, s, k) == 0``.
    * ``end < start``: minus the number of days ``d`` of the kind with ``end <= d < start``
      (walking backwards, ``start`` is still the excluded end and ``end`` the included one).

    This makes :func:`count_days` the exact inverse of :func:`add_days` for every ``n``,
    negative included: ``count_days(s, add_days(s, n, k), k) == n``. In calendar days the
    count is ``(end - start).days``.

    Decided convention: the backward count is *not* ``-count_days(end, start)`` when an end is
    not a day of the kind. In general ``count_days(b, a) == -(count_days(a, b) + is_day(a) -
    is_day(b))`` for ``a <= b``, so the two agree whenever both ends are days of the kind
    (always for ``"calendar"``). Example: from Saturday 2024-05-04 back to Friday 2024-05-03
    counts -1 jour ouvré (the Friday), while Friday -> Saturday counts 0.
    """
    first = as_date(start, "start")
    last = as_date(end, "end")
    kind = normalize_kind(kind)
    region = normalize_region(region)
    if kind == "calendar":
        return (last - first).days
    # Forward: the days in (first, last]; backward: the days in [last, first), negated.
    if last >= first:
        low, high, sign = first + dt.timedelta(days=1), last, 1
    else:
        low, high, sign = last, first - dt.timedelta(days=1), -1
    count = 0
    day = low
    while day <= high:
        if _is_day(day, kind, region):
            count += 1
        day += dt.timedelta(days=1)
    return sign * count


def on_or_before(d, kind: str, *, region: str = "metropole") -> dt.date:
    """The latest day of ``kind`` on or before ``d`` (``d`` itself when it is one).

    This is Teogest's direct-debit rule (art. 14): "le 20 de chaque mois ... ou le jour ouvré
    le plus proche avant cette date si le 20 ne correspond pas à un jour ouvré", i.e.
    ``on_or_before(date(y, m, 20), "ouvré")``. For ``"calendar"`` it returns ``d``.
    """
    day = as_date(d, "d")
    kind = normalize_kind(kind)
    region = normalize_region(region)
    while not _is_day(day, kind, region):
        day = _step(day, -1)
    return day


#: Same function as :func:`on_or_before`: the latest day of the kind on or before ``d``
#: (``d`` included). The day of the kind strictly before ``d`` is ``add_days(d, -1, kind)``.
previous_day_of_kind = on_or_before


def on_or_after(d, kind: str, *, region: str = "metropole") -> dt.date:
    """The earliest day of ``kind`` on or after ``d`` (``d`` itself when it is one).

    The day of the kind strictly after ``d`` is ``add_days(d, 1, kind)``.
    """
    day = as_date(d, "d")
    kind = normalize_kind(kind)
    region = normalize_region(region)
    while not _is_day(day, kind, region):
        day = _step(day, 1)
    return day


# --------------------------------------------------------------------------- vectorised forms


def _as_day_array(values, name: str) -> np.ndarray:
    """``values`` as a ``datetime64[D]`` array; :class:`InputError` on bad input or NaT."""
    try:
        arr = np.asarray(values, dtype="datetime64[D]")
    except (TypeError, ValueError) as exc:
        raise InputError(f"{name}: cannot read as dates (datetime64[D]): {exc}") from None
    missing = np.isnat(arr)
    if missing.any():
        where = np.flatnonzero(missing.ravel())[:10].tolist()
        raise InputError(f"{name}: missing dates (NaT) at flat positions {where}")
    return arr


def _as_int_array(values, name: str) -> np.ndarray:
    arr = np.asarray(values)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise InputError(f"{name}: expected whole numbers of days, got dtype {arr.dtype}")
    return arr.astype(np.int64)


def _years(arr: np.ndarray) -> np.ndarray:
    return arr.astype("datetime64[Y]").astype(np.int64) + 1970


def _year_span(*arrays: np.ndarray) -> tuple[int, int]:
    lows = [int(_years(a).min()) for a in arrays if a.size]
    highs = [int(_years(a).max()) for a in arrays if a.size]
    return min(lows), max(highs)


def _clamp_years(first: int, last: int) -> tuple[int, int]:
    return max(first, _MIN_YEAR), min(last, _MAX_YEAR)


def add_days_array(starts, n, kind: str = "calendar", *, region: str = "metropole") -> np.ndarray:
    """Vectorised :func:`add_days`: element by element, the ``n``-th day of ``kind`` strictly
    after ``starts`` (``n == 0``: the start itself; ``n < 0``: strictly before).

    ``starts`` is anything numpy reads as ``datetime64[D]`` (a pandas date column included);
    ``n`` an integer or an integer array broadcastable with it. Returns a ``datetime64[D]``
    array of the broadcast shape. Uses ``numpy.busday_offset`` with weekmask ``"1111100"``
    (ouvré) or ``"1111110"`` (ouvrable) and the public holidays of the years spanned;
    missing dates (NaT) raise :class:`InputError`.
    """
    kind = normalize_kind(kind)
    region = normalize_region(region)
    days = _as_day_array(starts, "starts")
    steps = _as_int_array(n, "n")
    days, steps = np.broadcast_arrays(days, steps)
    if kind == "calendar":
        return days + steps.astype("timedelta64[D]")
    if days.size == 0:
        return days.copy()
    first, last = _year_span(days)
    # Roughly 250 jours ouvrés a year; start with a margin and widen until the holiday list
    # covers every result (and so every day between a start and its result).
    margin = int(np.abs(steps).max()) // 200 + 1
    while True:
        lo, hi = _clamp_years(first - margin, last + margin)
        cal = _busdaycalendar(kind, region, lo, hi)
        forward = np.busday_offset(days, steps, roll="backward", busdaycal=cal)
        backward = np.busday_offset(days, steps, roll="forward", busdaycal=cal)
        result = np.where(steps > 0, forward, np.where(steps < 0, backward, days))
        r_lo, r_hi = _year_span(result)
        if r_lo >= lo and r_hi <= hi:  # every day from a start to its result was covered
            return result
        if lo == _MIN_YEAR and hi == _MAX_YEAR:
            raise _out_of_range()
        margin *= 2


def count_days_array(starts, ends, kind: str = "calendar", *, region: str = "metropole"):
    """Vectorised :func:`count_days`, element by element and with the same convention:
    ``start`` excluded, ``end`` included, so the days ``d`` of ``kind`` with
    ``start < d <= end`` when ``end >= start``, and minus those with ``end <= d < start`` when
    ``end < start``.

    ``starts`` and ``ends`` are anything numpy reads as ``datetime64[D]``, broadcast
    together. Returns an ``int64`` array. Uses ``numpy.busday_count`` (which counts
    ``[begin, end)``) on ``[start + 1, end + 1)`` forwards and ``[end, start)`` backwards,
    always with ``begin <= end`` because numpy's own convention for ``end < begin`` changed
    between versions (numpy gh-23197); weekmask ``"1111100"`` (ouvré) or ``"1111110"``
    (ouvrable) and the public holidays of the years spanned. Missing dates (NaT) raise
    :class:`InputError`.
    """
    kind = normalize_kind(kind)
    region = normalize_region(region)
    first_days = _as_day_array(starts, "starts")
    last_days = _as_day_array(ends, "ends")
    first_days, last_days = np.broadcast_arrays(first_days, last_days)
    if kind == "calendar":
        return (last_days - first_days).astype(np.int64)
    if first_days.size == 0:
        return np.zeros(first_days.shape, dtype=np.int64)
    lo, hi = _clamp_years(*_year_span(first_days, last_days))
    hi = min(hi + 1, _MAX_YEAR)  # start + 1 / end + 1 may fall on 1 January of the next year
    cal = _busdaycalendar(kind, region, lo, hi)
    one = np.timedelta64(1, "D")
    backward = last_days < first_days
    begin = np.where(backward, last_days, first_days + one)
    stop = np.where(backward, first_days, last_days + one)
    counts = np.busday_count(begin, stop, busdaycal=cal).astype(np.int64)
    return np.where(backward, -counts, counts)


__all__ = [
    "KINDS",
    "REGIONS",
    "DayKind",
    "Region",
    "add_days",
    "add_days_array",
    "count_days",
    "count_days_array",
    "is_day",
    "is_public_holiday",
    "normalize_kind",
    "normalize_region",
    "on_or_after",
    "on_or_before",
    "previous_day_of_kind",
    "public_holidays",
]
