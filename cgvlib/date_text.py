"""Dates as people type them: the written forms cgvlib reads, and one clear refusal for the
rest. :func:`cgvlib.dates.as_date` (the one door for dates) sends every string here.

Accepted (spaces around and between the parts are free, no-break spaces included):

- ISO 8601: ``2024-03-15`` (what the data files and the command line have always used);
- French figures, day first: ``15/03/2024``, ``5/3/2024``;
- French words: ``15 mars 2024``, ``1er mars 2024``, in any case, with or without accents
  (``15 fevrier 2024``, ``15 FÉVRIER 2024``, ``15 aout 2024``), and the short month names
  French pages print (``5 déc. 2026``, ``3 févr. 2025``).

Refused, each with the form to use: a two-digit year (which century?), another separator or
order (``2024/03/15``, ``15-03-2024``, ``15.03.2024``), an English month name, a day or
month that does not exist (``31/02/2024``: February 2024 has 29 days). Figures are always
read day first, the French order: ``03/04/2024`` is 3 April 2024, never 4 March.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

DATE_ADVICE = "write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15"
MONTH_ADVICE = "write a month such as 03/2024, mars 2024 or 2024-03"

# French month names and the abbreviations CLDR (Babel) prints, without accents
MONTH_NAMES = {
    "janvier": 1, "janv": 1,
    "fevrier": 2, "fevr": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "aout": 8,
    "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10,
    "novembre": 11, "nov": 11,
    "decembre": 12, "dec": 12,
}

_FIGURES = re.compile(r"(\d{1,2})/(\d{1,2})/(\d+)")
_WORDS = re.compile(r"(\d{1,2})(er)? ([a-z]+)\.? (\d+)")
_MONTH_FIGURES = re.compile(r"(\d{1,2})/(\d+)")
_MONTH_WORDS = re.compile(r"([a-z]+)\.? (\d+)")


def _plain(text: str) -> str:
    """Lower case, accents dropped (``Février`` -> ``fevrier``; ``1ᵉʳ`` -> ``1er``), every
    run of spaces (no-break ones too) one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


class DateTextError(ValueError):
    """Why a typed date (or month) was refused: ``reason`` completes ``<value> is ...``."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _year(text: str, what: str = "date") -> int:
    if len(text) != 4:
        raise DateTextError(f"not a {what}: give the year in full, with four figures (2024, "
                            f"not {text})")
    return int(text)


def _month(word: str, what: str = "date") -> int:
    if word not in MONTH_NAMES:
        raise DateTextError(f"not a {what}: {word!r} is not a French month name (janvier to "
                            "décembre)")
    return MONTH_NAMES[word]


def calendar_problem(year: int, month: int, day: int | None = None) -> str | None:
    """Why ``year``, ``month`` (and ``day``) name no calendar date, as the words after
    ``is not a calendar date: ``; None when they do.

    >>> calendar_problem(2024, 2, 30)
    'February 2024 has 29 days'
    >>> calendar_problem(2024, 13, 1)
    'there is no month 13 (1 to 12)'
    """
    if not 1 <= month <= 12:
        return f"there is no month {month} (1 to 12)"
    if day is None:
        return None
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        return f"{calendar.month_name[month]} {year} has {last} days"
    return None


def _checked(year: int, month: int, day: int) -> dt.date:
    problem = calendar_problem(year, month, day)
    if problem or year < 1:
        raise DateTextError(f"not a calendar date: {problem or 'there is no year 0'}")
    return dt.date(year, month, day)


def parse_french_date(text: str) -> dt.date:
    """``15/03/2024``, ``15 mars 2024`` or ``1er mars 2024`` as a date; raise
    :class:`DateTextError` otherwise (ISO strings are :func:`cgvlib.dates.as_date`'s own).

    >>> parse_french_date("1er Août 2024")
    datetime.date(2024, 8, 1)
    """
    plain = _plain(text)
    figures = _FIGURES.fullmatch(plain)
    if figures:
        day, month, year = figures.groups()
        return _checked(_year(year), int(month), int(day))
    words = _WORDS.fullmatch(plain)
    if words:
        day, first, month, year = words.groups()
        if first and day.lstrip("0") != "1":
            raise DateTextError(f"not a date: only the first of the month is written "
                                f"'1er', not {day + first!r}")
        return _checked(_year(year), _month(month), int(day))
    raise DateTextError("not a date")


def parse_french_month(text: str) -> dt.date:
    """``03/2024`` or ``mars 2024`` as the first day of that month; raise
    :class:`DateTextError` otherwise."""
    plain = _plain(text)
    figures = _MONTH_FIGURES.fullmatch(plain)
    words = _MONTH_WORDS.fullmatch(plain)
    if figures:
        month, year = int(figures.group(1)), _year(figures.group(2), "month")
    elif words:
        month, year = _month(words.group(1), "month"), _year(words.group(2), "month")
    else:
        raise DateTextError("not a month")
    problem = calendar_problem(year, month)
    if problem:
        raise DateTextError(f"not a month: {problem}")
    return dt.date(year, month, 1)
