"""Date inputs: every public function accepts ``datetime.date``, ``datetime.datetime``,
pandas ``Timestamp`` or an ISO string ``YYYY-MM-DD``, and turns it into a ``datetime.date``
here, with a clear error otherwise."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from cgvlib.errors import InputError
from cgvlib.lang import check_lang

DateLike = dt.date | str

_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt \t])")


def date_problem(text: str) -> str | None:
    """Why ``text`` (``YYYY-MM-DD``, possibly followed by a time) is not a calendar date, or
    None when it is one (or does not look like a date at all).

    >>> date_problem("2024-02-30")
    '2024-02-30 is not a calendar date: February 2024 has 29 days; write a date that exists, as YYYY-MM-DD'
    """  # noqa: E501
    m = _DATE.match(str(text))
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    shown = m.group(0).strip()
    advice = "write a date that exists, as YYYY-MM-DD"
    if not 1 <= month <= 12:
        return f"{shown} is not a calendar date: there is no month {month} (1 to 12); {advice}"
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        return (f"{shown} is not a calendar date: {calendar.month_name[month]} {year} has "
                f"{last} days; {advice}")
    return None


def as_date(value, name: str = "date") -> dt.date:
    """Return ``value`` as a ``datetime.date``; raise :class:`InputError` naming ``name``."""
    if isinstance(value, dt.datetime):  # also pandas.Timestamp, a datetime subclass
        if value != value:  # NaT
            raise InputError(f"{name}: missing date (NaT); give a date such as '2024-03-31'")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            impossible = date_problem(value)
            if impossible:
                raise InputError(f"{name}: {impossible}") from None
            raise InputError(
                f"{name}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. '2024-03-31'"
            ) from None
    if hasattr(value, "to_pydatetime"):
        return as_date(value.to_pydatetime(), name)
    raise InputError(
        f"{name}: expected a date (datetime.date or 'YYYY-MM-DD'), got {type(value).__name__} "
        f"{value!r}"
    )


def as_month(value, name: str = "month") -> dt.date:
    """Return the first day of the month named by ``value``.

    Accepts ``'YYYY-MM'``, a ``pandas.Period`` of monthly frequency, or any date (its month).
    """
    if isinstance(value, str) and len(value.strip()) == 7:
        try:
            return dt.date.fromisoformat(value.strip() + "-01")
        except ValueError:
            raise InputError(f"{name}: {value!r} is not a month; write it as YYYY-MM") from None
    if hasattr(value, "start_time") and hasattr(value, "freqstr"):  # pandas.Period
        return value.start_time.date().replace(day=1)
    return as_date(value, name).replace(day=1)


DATE_FORMATS = {"fr": "%d/%m/%Y", "en": "%Y-%m-%d"}


def format_date(day: dt.date, lang: str = "en") -> str:
    """A date for display: ``'25/11/2026'`` (fr) or ``'2026-11-25'`` (en, ISO 8601)."""
    check_lang(lang)
    return as_date(day).strftime(DATE_FORMATS[lang])
