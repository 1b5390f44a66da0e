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

A refusal (:class:`DateTextError`) says why in the reader's language, through the catalog
(:meth:`DateTextError.say`): ``30/02/2024 n'est pas une date : février 2024 a 29 jours ;
écrivez une date telle que 15/03/2024, 15 mars 2024 ou 2024-03-15``; its ``reason`` is the
library's English words (``not a calendar date: February 2024 has 29 days``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from babel.dates import get_month_names

from cgvlib.i18n import Phrase, Said, say, translate
from cgvlib.lang import BABEL_LOCALES, check_lang

# A form that is accepted, said after each refusal (English: the library's messages)
DATE_ADVICE_WORDS = Phrase("write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15")
MONTH_ADVICE_WORDS = Phrase("write a month such as 03/2024, mars 2024 or 2024-03")
DATE_ADVICE, MONTH_ADVICE = str(DATE_ADVICE_WORDS), str(MONTH_ADVICE_WORDS)

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
FRENCH_MONTHS = ("janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, "
                 "novembre, décembre")

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


class TypedTextError(ValueError):
    """Why a typed value (a date, a month, an amount, a percentage) was refused.

    ``words``: the refusal as a :class:`~cgvlib.i18n.Phrase` whose English starts
    ``{value} is`` (the value is filled in when said); ``advice``: the words of a form that
    is accepted; ``reason``: the English words after ``<value> is``, as the library's
    messages use them (``not a calendar date: February 2024 has 29 days``).
    """

    def __init__(self, words: Phrase, advice: Phrase):
        values = {name: say(value, "en") for name, value in words.values.items()}
        self.words = words
        self.advice = advice
        self.reason = words.msgid.removeprefix("{value} is ").format(**values)
        super().__init__(self.reason)

    def say(self, text: str, lang: str, *, shown: str | None = None) -> str:
        """The refusal of ``text`` in ``lang``, with a form that is accepted; the value is
        shown as ``shown`` when given, else as typed in French, quoted in English:

        >>> try:
        ...     parse_french_date("30/02/2024")
        ... except DateTextError as refused:
        ...     print(refused.say("30/02/2024", "fr"))
        30/02/2024 n'est pas une date : février 2024 a 29 jours ; écrivez une date telle que 15/03/2024, 15 mars 2024 ou 2024-03-15
        """  # noqa: E501
        if shown is None:
            shown = repr(text) if check_lang(lang) == "en" else text.strip()
        refusal = Phrase(self.words.msgid, value=shown, **self.words.values).say(lang)
        return refusal + translate("; ", lang) + self.advice.say(lang)


class DateTextError(TypedTextError):
    """Why a typed date (or month) was refused (see :class:`TypedTextError`)."""

    def __init__(self, words: Phrase, advice: Phrase = DATE_ADVICE_WORDS):
        super().__init__(words, advice)


def quoted(word: str) -> Said:
    """A word of the typed text, quoted as each language quotes: ``'marsh'``, « marsh »."""
    return Said(lambda lang: repr(word) if lang == "en" else f"« {word} »")


def month_name(month: int) -> Said:
    """A month's name in each language, by Babel: ``February``, ``février``."""
    return Said(lambda lang: get_month_names("wide", locale=BABEL_LOCALES[lang])[month])


def _year(text: str, what: str = "date") -> int:
    if len(text) != 4:
        words = (Phrase("{value} is not a date: give the year in full, with four figures "
                        "(2024, not {year})", year=text) if what == "date" else
                 Phrase("{value} is not a month: give the year in full, with four figures "
                        "(2024, not {year})", year=text))
        raise DateTextError(words, DATE_ADVICE_WORDS if what == "date" else MONTH_ADVICE_WORDS)
    return int(text)


def _month(word: str, what: str = "date") -> int:
    if word not in MONTH_NAMES:
        words = (Phrase("{value} is not a date: {word} is not a French month name ({names})",
                        word=quoted(word), names=FRENCH_MONTHS) if what == "date" else
                 Phrase("{value} is not a month: {word} is not a French month name ({names})",
                        word=quoted(word), names=FRENCH_MONTHS))
        raise DateTextError(words, DATE_ADVICE_WORDS if what == "date" else MONTH_ADVICE_WORDS)
    return MONTH_NAMES[word]


def calendar_problem_words(year: int, month: int, day: int | None = None) -> Phrase | None:
    """Why ``year``, ``month`` (and ``day``) name no calendar date, in words said in each
    language (``February 2024 has 29 days``, ``février 2024 a 29 jours``); None when they
    do."""
    if not 1 <= month <= 12:
        return Phrase("there is no month {month} (1 to 12)", month=month)
    if day is None:
        return None
    last = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        return Phrase("{month} {year} has {days} days", month=month_name(month), year=year,
                      days=last)
    return None


def calendar_problem(year: int, month: int, day: int | None = None) -> str | None:
    """Why ``year``, ``month`` (and ``day``) name no calendar date, as the English words after
    ``is not a calendar date: ``; None when they do.

    >>> calendar_problem(2024, 2, 30)
    'February 2024 has 29 days'
    >>> calendar_problem(2024, 13, 1)
    'there is no month 13 (1 to 12)'
    """
    problem = calendar_problem_words(year, month, day)
    return None if problem is None else str(problem)


def _checked(year: int, month: int, day: int) -> dt.date:
    problem = calendar_problem_words(year, month, day)
    if problem is None and year < 1:
        problem = Phrase("there is no year 0")
    if problem is not None:
        raise DateTextError(Phrase("{value} is not a calendar date: {problem}",
                                   problem=problem))
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
            raise DateTextError(Phrase("{value} is not a date: only the first of the month is "
                                       "written {first}, not {written}",
                                       first=quoted("1er"), written=quoted(day + first)))
        return _checked(_year(year), _month(month), int(day))
    raise DateTextError(Phrase("{value} is not a date"))


_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date_text(text: str) -> dt.date:
    """A date typed ISO (``2024-03-15``) or French (:func:`parse_french_date`); raise
    :class:`DateTextError` saying why otherwise (``2024-02-30``: February 2024 has 29 days).

    >>> parse_date_text("2024-03-15"), parse_date_text("15 mars 2024")
    (datetime.date(2024, 3, 15), datetime.date(2024, 3, 15))
    """
    iso = _ISO_DATE.fullmatch(_plain(text))
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _checked(year, month, day)
    return parse_french_date(text)


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
        raise DateTextError(Phrase("{value} is not a month"), MONTH_ADVICE_WORDS)
    problem = calendar_problem_words(year, month)
    if problem:
        raise DateTextError(Phrase("{value} is not a month: {problem}", problem=problem),
                            MONTH_ADVICE_WORDS)
    return dt.date(year, month, 1)
