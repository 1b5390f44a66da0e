"""Date inputs: every public function accepts ``datetime.date``, ``datetime.datetime``,
pandas ``Timestamp`` or a string, ISO (``2024-03-15``) or French (``15/03/2024``,
``15 mars 2024``, ``1er mars 2024``: :mod:`cgvlib.date_text`), and turns it into a
``datetime.date`` here, with a clear error otherwise."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date as babel_format_date
from babel.dates import get_date_format

from cgvlib.date_text import (
    DATE_ADVICE,
    MONTH_ADVICE,
    DateTextError,
    calendar_problem,
    parse_french_date,
    parse_french_month,
)
from cgvlib.errors import InputError
from cgvlib.lang import BABEL_LOCALES, check_lang

DateLike = dt.date | str

_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[Tt \t])")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")


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
    problem = calendar_problem(year, month, day)
    if problem:
        shown = m.group(0).strip()
        return f"{shown} is not a calendar date: {problem}; write a date that exists, as YYYY-MM-DD"
    return None


def as_date(value, name: str = "date") -> dt.date:
    """Return ``value`` as a ``datetime.date``; raise :class:`InputError` naming ``name``.

    A string is ISO (``2024-03-15``) or French (``15/03/2024``, ``15 mars 2024``, ``1er mars
    2024``, any case, accents optional); anything else is refused with those three forms:

    >>> as_date("15 février 2024")
    datetime.date(2024, 2, 15)
    >>> as_date("31/02/2024", "due")
    Traceback (most recent call last):
    ...
    cgvlib.errors.InputError: due: '31/02/2024' is not a calendar date: February 2024 has 29 days; write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15
    """  # noqa: E501
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
        try:
            return parse_french_date(value)
        except DateTextError as refused:
            raise InputError(f"{name}: {value!r} is {refused.reason}; {DATE_ADVICE}") from None
    if hasattr(value, "to_pydatetime"):
        return as_date(value.to_pydatetime(), name)
    raise InputError(
        f"{name}: expected a date (datetime.date, or text such as '15/03/2024', '15 mars 2024' "
        f"or '2024-03-15'), got {type(value).__name__} {value!r}"
    )


def as_month(value, name: str = "month") -> dt.date:
    """Return the first day of the month named by ``value``.

    Accepts ``'YYYY-MM'``, ``'03/2024'``, ``'mars 2024'`` (any case, accents optional), a
    ``pandas.Period`` of monthly frequency, or any date (its month).
    """
    if isinstance(value, str) and _ISO_MONTH.fullmatch(value.strip()):
        year, month = (int(part) for part in value.strip().split("-"))
        problem = calendar_problem(year, month)
        if problem:
            raise InputError(f"{name}: {value!r} is not a month: {problem}; {MONTH_ADVICE}")
        return dt.date(year, month, 1)
    if isinstance(value, str):
        try:
            return parse_french_month(value)
        except DateTextError as refused:
            if refused.reason != "not a month":  # a month's form, with a wrong part
                raise InputError(f"{name}: {value!r} is {refused.reason}; {MONTH_ADVICE}") \
                    from None
            # else perhaps a whole date: its month, or as_date says what is wrong with it
    if hasattr(value, "start_time") and hasattr(value, "freqstr"):  # pandas.Period
        return value.start_time.date().replace(day=1)
    return as_date(value, name).replace(day=1)


BABEL_LENGTHS = ("short", "medium", "long", "full")
# French writes the first of the month as an ordinal, « 1er » (premier), and every other day as
# a cardinal (« 2 janvier »); CLDR's French patterns print « 1 janvier », so a pattern whose day
# stands before a month's name (``d MMMM y``, ``d MMM y``) gets the ordinal for day 1.
_DAY_BEFORE_MONTH_NAME = re.compile(r"(?<![d'])d(?= MMM)")


def _pattern(length: str, locale: str) -> str:
    """The Babel pattern of ``length`` (a CLDR length or a pattern itself) for ``locale``."""
    if length in BABEL_LENGTHS:
        return get_date_format(length, locale=locale).pattern
    return length


def format_date(day: dt.date, lang: str | None = None, *, length: str = "long") -> str:
    """A date for a page, by Babel for ``lang``: ``'25 novembre 2026'`` (fr) or
    ``'25 November 2026'`` (en); ``length="medium"`` where room is short (``'25 nov. 2026'``,
    ``'25 Nov 2026'``); ``length`` may also be a Babel pattern (``"MMMM y"``). The first of
    the month is ``1er`` in French when its month is written in words (``'1er janvier 2025'``,
    ``'1er janv. 2025'``; ``'01/01/2025'`` in figures). Without ``lang``: ISO 8601
    ``'2026-11-25'``, the library's working text (``explain()``, messages, files).

    >>> format_date(dt.date(2025, 1, 1), "fr"), format_date(dt.date(2025, 1, 2), "fr")
    ('1er janvier 2025', '2 janvier 2025')
    >>> format_date(dt.date(2025, 1, 1), "en")
    '1 January 2025'
    """
    day = as_date(day)
    if lang is None:
        return day.isoformat()
    locale = BABEL_LOCALES[check_lang(lang)]
    pattern = _pattern(length, locale)
    if lang == "fr" and day.day == 1:
        pattern = _DAY_BEFORE_MONTH_NAME.sub("d'er'", pattern)
    return babel_format_date(day, format=pattern, locale=locale)
