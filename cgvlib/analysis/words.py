"""The values the findings and the comparison put in their words, said in the reader's language.

A finding's explanation and a comparison cell are built once as English words with their values
(:class:`~cgvlib.i18n.Phrase`) and kept as a :class:`Worded` string: its English is the
library's text (what the tests and the English pages read), and :func:`cgvlib.i18n.say` gives
it in French through the catalog. The values below are said the same way: percentages with a
decimal comma, amounts and dates by Babel, a duration in French units, and the vendor file's
own English words (a clause's ``applies_to``, a deadline's ``what``) through the catalog, whose
msgid is the English as the file writes it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from cgvlib.arithmetic.working_words import (
    UNIT_FORMS,
    Worded,
    count_words,
    day_words,
    decimal_words,
    duration_said,
    eur,
    file_words,
    named,
)
from cgvlib.i18n import Joined, Phrase, Said, say

__all__ = [
    "ARTICLE_NOTES",
    "FILE_TEXT_FIELDS",
    "SEMICOLON",
    "UNIT_FORMS",
    "Worded",
    "article_words",
    "count_words",
    "day_words",
    "decimal_words",
    "duration_words",
    "eur",
    "eur_words",
    "file_texts_described",
    "file_words",
    "first_sentence",
    "joined_by",
    "listed",
    "named",
    "number_words",
    "said",
    "written",
]


def written(text) -> Said | str:
    """English words of a vendor file (said through the catalog in French, its white space
    normalised as :func:`file_texts_described` lists it); ``""`` for none."""
    return file_words(" ".join(str(text).split())) if text else ""


def number_words(value: Decimal | int) -> Said:
    """A number with the digits it has (``12``, ``99.8``, ``0.5``; ``0,5`` in French)."""
    d = Decimal(value).normalize()
    return decimal_words(f"{d:f}")


def eur_words(cents) -> Said:
    """Cents (int or Fraction) as ``1,234.56 EUR`` (``1 234,56 €``), rounded half-up here when
    not already whole."""
    value = Fraction(cents)
    whole = (value.numerator * 2 + value.denominator) // (2 * value.denominator)
    return eur(whole)


def duration_words(duration) -> Said | str:
    """A :class:`~cgvlib.model.base.Duration` in words (``10 jours`` in French); ``""`` for
    none."""
    return "" if duration is None else duration_said(duration)


SEMICOLON = Phrase("; ")  # between the items of a list: " ; " in French


def listed(parts) -> Joined:
    """``parts`` separated by semicolons (`` ; `` in French)."""
    return joined_by(parts, SEMICOLON)


def joined_by(parts, separator) -> Joined:
    """``parts`` one after the other with ``separator`` between them, a separator that is
    itself words (``Phrase("; by ")``), said in each language."""
    items = []
    for part in parts:
        if items:
            items.append(separator)
        items.append(part)
    return Joined(items)


# The vendor-file fields whose English the findings, the comparison and the tables of
# vendors and ambiguities show, said through the catalog (:func:`written`), by model class:
# each of their texts needs its French (``tests/i18n``); a jurisdiction's note is shown by its
# first sentence (why a court named does not exist). A document's version is the document's
# own words (French, as the texts date themselves), said as they are. A class's fields count
# for its subclasses: every cited clause's reader's note (``Cited``) is shown in the exports.
FILE_TEXT_FIELDS = {
    "Cited": ("note",),
    "Vendor": ("activity",),
    "Document": ("version",),
    "PaymentTerm": ("applies_to",),
    "NoticeRule": ("applies_to",),
    "BeforeTerm": ("form",),
    "TenureBased": ("form",),
    "UntilEveOfRenewal": ("form",),
    "ExitCharge": ("applies_to",),
    "Sla": ("hours", "claim_from"),
    "Fee": ("name", "when", "base", "per"),
    "CancellationSchedule": ("applies_to",),
    "PriceRevision": ("applies_to",),
    "LiabilityCap": ("applies_to",),
    "NonSolicitation": ("applies_to", "from_event"),
    "Confidentiality": ("applies_to",),
    "Deadline": ("what", "from_event"),
    "Limit": ("what", "quantity"),
    "ForceMajeure": ("notify",),
    "Jurisdiction": ("applies_to", "law"),
    "Ambiguity": ("note", "why_default"),
    "Reading": ("means",),
    "Silent": ("note",),  # why a family is silent, in the comparison's tooltips
}


def first_sentence(note: str) -> str:
    """The first sentence of a vendor file's note, without its full stop."""
    return note.strip().split(". ")[0].rstrip(".")


def file_texts_described(vendors=None) -> set[tuple[str | None, str]]:
    """(context, English) of every vendor-file text the findings and the comparison can show
    (every reading of an ambiguous clause included; the vendor files and the law's default
    terms), and of the facts a cancellation line depends on (context ``fact``)."""
    from cgvlib.arithmetic.statutory import statutory
    from cgvlib.model.ambiguity import Clause
    from cgvlib.model.loader import vendors as all_vendors

    found: set[tuple[str | None, str]] = set()
    seen: dict[int, object] = {}  # the objects kept, so that no id is reused while walking

    def add(text) -> None:
        if isinstance(text, str) and text.strip():
            found.add((None, " ".join(text.split())))

    def walk(obj) -> None:
        if id(obj) in seen:
            return
        seen[id(obj)] = obj
        if isinstance(obj, list | tuple):
            for item in obj:
                walk(item)
            return
        if not hasattr(type(obj), "model_fields"):
            return
        kind = type(obj).__name__
        for name in {name for cls in type(obj).__mro__
                     for name in FILE_TEXT_FIELDS.get(cls.__name__, ())}:
            value = getattr(obj, name)
            for text in value if isinstance(value, list | tuple) else [value]:
                add(text)
        if kind == "Jurisdiction" and obj.note and obj.court_exists is False:
            add(first_sentence(obj.note))
        if kind == "CancellationTier":
            found.update(("fact", fact if value else f"not {fact}")
                         for fact, value in obj.when.items())
        for name in type(obj).model_fields:
            walk(getattr(obj, name))
        if isinstance(obj, Clause) and obj.ambiguity is not None:
            walk(list(obj.readings().values()))

    walk([*(all_vendors() if vendors is None else vendors), statutory()])
    return found


# What a vendor file says of an article label in brackets, in English: « Prix (unnumbered) ».
ARTICLE_NOTES = {
    "unnumbered": Phrase("unnumbered"),
    "first heading of that number": Phrase("first heading of that number"),
    "second heading of that number": Phrase("second heading of that number"),
}
_ARTICLE_NOTE = re.compile(r"\(([^()]*)\)$")


def article_words(article) -> Said:
    """An article label as the vendor file gives it (``"Prix (unnumbered)"``), its English
    remark in brackets said in the reader's language (``"Prix (non numéroté)"``)."""
    text = "" if article is None else str(article)

    def words(lang: str) -> str:
        def note(match: re.Match) -> str:
            said = ARTICLE_NOTES.get(match.group(1))
            return match.group(0) if said is None else f"({said.say(lang)})"
        return text if lang == "en" else _ARTICLE_NOTE.sub(note, text)

    return Said(words)


# French contracts « de » and « à » with the article that follows: a value that starts with
# « le » or « les » (« le devis initial ») after « de {base} » reads « du devis initial ».
_FRENCH_CONTRACTIONS = re.compile(r"\b(de|à) (les?) ")
_CONTRACTED = {("de", "le"): "du", ("de", "les"): "des", ("à", "le"): "au", ("à", "les"): "aux"}


def said(words, lang: str) -> str:
    """``words`` said in ``lang`` (:func:`cgvlib.i18n.say`); in French, « de le » and « à le »
    where a value met its phrase contracted (« du », « au », « des », « aux »)."""
    text = say(words, lang)
    if lang != "fr":
        return text
    return _FRENCH_CONTRACTIONS.sub(
        lambda m: _CONTRACTED[(m.group(1), m.group(2))] + " ", text)
