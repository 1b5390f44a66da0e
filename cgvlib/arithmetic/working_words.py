"""The working's words, said in the reader's language when shown.

A result's working is built once, in English words with their values (:mod:`cgvlib.i18n`'s
:class:`~cgvlib.i18n.Phrase`), and said when shown: in English, the library's working text
(ISO dates, ``1,234.56 EUR``, ``8.07 %``, identifiers as they are, which tests and messages
read), or in French, with Babel's dates and amounts (``1er mars 2024``, ``1 234,56 €``), decimal
commas and the names of :func:`cgvlib.names.label`. The helpers below are those values.
"""

from __future__ import annotations

import datetime as dt

from cgvlib.dates import format_date
from cgvlib.i18n import Joined, Phrase, Said, ntranslate, say, translate
from cgvlib.i18n import Worded as Worded  # a line of working (kept importable from here)
from cgvlib.money import format_eur, format_number
from cgvlib.names import label


def _page_lang(lang: str) -> str | None:
    """The language given to the Babel formats: None (the working text) for English."""
    return None if lang == "en" else lang


def eur(cents: int) -> Said:
    """Already-rounded cents in words: ``1,234.56 EUR`` (English working) or ``1 234,56 €``."""
    return Said(lambda lang: format_eur(cents, _page_lang(lang)))


def day_words(day) -> Said:
    """A date in words: ISO ``2024-03-01`` (English working) or ``1er mars 2024``."""
    return Said(lambda lang: format_date(day, _page_lang(lang)))


def decimal_words(value) -> Said:
    """A number as it is written (``8.07``, ``0.5``), with a decimal comma in French."""
    return Said(lambda lang: str(value) if lang == "en" else str(value).replace(".", ","))


def count_words(value: int) -> Said:
    """A whole number with its thousands: ``1,000,000`` or ``1 000 000``."""
    return Said(lambda lang: f"{value:,}" if lang == "en" else format_number(value, lang))


def named(identifier) -> Said:
    """A reading's (or any identifier's) name: itself in the English working, its name
    (:func:`cgvlib.names.label`) in French; ``a/b`` names each part."""
    def words(lang: str) -> str:
        if lang == "en" or identifier is None:
            return str(identifier)
        return " / ".join(label(part, lang) for part in str(identifier).split("/"))
    return Said(words)


def file_words(text) -> Said:
    """Words from a vendor or statute file (a reading's meaning, an ambiguity note, the rule
    that makes a reading the default): as written in English, through the catalog in French
    (the msgid is the English with its whitespace made single); a :class:`Worded` text or a
    phrase is said as it is."""
    def words(lang: str) -> str:
        if hasattr(text, "say"):
            return text.say(lang)
        if lang == "en" or not text:
            return str(text)
        return translate(" ".join(str(text).split()), lang)
    return Said(words)


def said_days(days: int) -> Phrase:
    """``1 day`` / ``12 days`` (``1 jour`` / ``12 jours``)."""
    return Phrase("1 day") if days == 1 else Phrase("{days} days", days=days)


def semester_words(day: dt.date) -> Said:
    """The semester of ``day``: ``2024-S1`` in the English working, ``1er semestre 2024``."""
    def words(lang: str) -> str:
        half = 1 if day.month <= 6 else 2
        if lang == "en":
            return f"{day.year}-S{half}"
        return Phrase("{half} semester {year}", half=Phrase("1st") if half == 1
                      else Phrase("2nd"), year=day.year).say(lang)
    return Said(words)


def year_words(year: int) -> Phrase:
    """``2012, annual rate`` (a legal rate set for a whole year, 2005-2014)."""
    return Phrase("{year}, annual rate", year=year)


def month_words(month: dt.date) -> Said:
    """A month: ``2024-03`` in the English working, ``mars 2024`` in French."""
    def words(lang: str) -> str:
        if lang == "en":
            return f"{month:%Y-%m}"
        return format_date(month, lang, length="MMMM y")
    return Said(words)


UNIT_FORMS = {  # a unit's counted forms (msgids of the catalog, context "count")
    "calendar_days": ("{n} day", "{n} days"),
    "jours_ouvres": ("{n} jour ouvré", "{n} jours ouvrés"),
    "jours_ouvrables": ("{n} jour ouvrable", "{n} jours ouvrables"),
    "working_hours": ("{n} working hour", "{n} working hours"),
    "hours": ("{n} hour", "{n} hours"),
    "weeks": ("{n} week", "{n} weeks"),
    "months": ("{n} month", "{n} months"),
    "years": ("{n} year", "{n} years"),
}


def counted_words(value, unit: str, lang: str) -> str:
    """``value`` of ``unit`` (a :data:`UNIT_FORMS` unit) in ``lang``: ``30 jours``."""
    whole = value == int(value)
    one, many = UNIT_FORMS[unit]
    count = int(value) if whole else (1 if value < 2 else 2)  # 1,5 heure, 2,5 heures
    form = ntranslate(one, many, count, lang)
    return form.format(n=say(decimal_words(int(value) if whole else value), lang))


def duration_said(duration) -> Said:
    """A :class:`~cgvlib.model.base.Duration`: its ``str`` in English (``30 days``,
    ``10 jours ouvrés``), ``30 jours`` in French."""
    return Said(lambda lang: str(duration) if lang == "en" else
                counted_words(duration.value, duration.unit, lang))


def colon(lang: str) -> str:
    """``": "`` in English, ``" : "`` in French (a space before the colon)."""
    return ": " if lang == "en" else " : "


def semicolon(lang: str) -> str:
    """``"; "`` in English, ``" ; "`` in French."""
    return "; " if lang == "en" else " ; "


def listed(parts, separator: str = "; ") -> Joined:
    """``parts`` said one after the other, separated by ``"; "`` or ``": "`` written as the
    language writes it (``" ; "`` in French)."""
    mark = Said(semicolon if separator == "; " else colon)
    joined = []
    for i, part in enumerate(parts):
        joined += [mark, part] if i else [part]
    return Joined(joined)


def moment_words(moment) -> Said:
    """A date, or a date and time: as ``str`` gives it in the English working (``2024-05-16``,
    ``2024-05-16 18:00:00``), ``16 mai 2024`` or ``16 mai 2024 à 18:00`` in French."""
    def words(lang: str) -> str:
        if lang == "en":
            return str(moment)
        if isinstance(moment, dt.datetime):
            return Phrase("{day} at {time}", day=day_words(moment.date()),
                          time=f"{moment:%H:%M}").say(lang)
        return format_date(moment, lang)
    return Said(words)


def article_words(article: str) -> Said:
    """A vendor file's article label, its English remarks said in French: ``Livraison
    (unnumbered)`` -> ``Livraison (non numéroté)``."""
    def words(lang: str) -> str:
        if lang == "en":
            return article
        return (article.replace("(unnumbered)", Phrase("(unnumbered)").say(lang))
                .replace("(first heading of that number)",
                         Phrase("(first heading of that number)").say(lang))
                .replace("(second heading of that number)",
                         Phrase("(second heading of that number)").say(lang)))
    return Said(words)
