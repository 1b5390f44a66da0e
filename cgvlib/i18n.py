"""Every word a reader sees, in French or English, through one gettext catalog.

The msgids are the English words; ``cgvlib/locale/fr/LC_MESSAGES/cgvlib.po`` gives each its
French. That ``.po`` file is the source of truth: Babel reads it and compiles it in memory
(:func:`babel.messages.pofile.read_po`, :func:`babel.messages.mofile.write_mo`) into a
:class:`gettext.GNUTranslations` the first time French is asked for, so no binary ``.mo`` is
kept in the project. English is :class:`gettext.NullTranslations`: the msgid itself.

- :func:`translate` (alias ``_``) gives one message in a language; ``context`` tells apart two
  identical English words that need different French ones (gettext's ``msgctxt``);
  :func:`ntranslate` gives the form a count takes (``ngettext``).
- :class:`Phrase` keeps English words with their values until a reader's language is known:
  a result's working, a finding's explanation are built once and said in French or English
  when shown (:func:`say`); :class:`Worded` is such words as a ``str`` of their English.
- A fuzzy or empty French entry is not used (gettext falls back to the English msgid), and
  ``tests/i18n`` checks that every message the code uses has a French translation.

Adding a word: write its English in the code (a ``WORDS``/``TEXT``/``ID_LABELS`` table or a
``translate("...", lang)`` call), then its entry in the ``.po`` file::

    msgid "Late payment"
    msgstr "Retard de paiement"
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from cgvlib.lang import check_lang

DOMAIN = "cgvlib"
LOCALE_DIR = Path(__file__).parent / "locale"


def catalog_path(lang: str) -> Path:
    """The ``.po`` file of ``lang`` (French only: English is the msgids themselves)."""
    return LOCALE_DIR / check_lang(lang) / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str):
    """The :class:`babel.messages.catalog.Catalog` of ``lang``, read from its ``.po`` file."""
    with catalog_path(lang).open("rb") as po:
        return read_po(po, locale=lang, domain=DOMAIN)


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The gettext translations of ``lang``, compiled once from the ``.po`` file and kept."""
    if check_lang(lang) == "en":
        return gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, read_catalog(lang))  # fuzzy entries left out (use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def translate(msgid: str, lang: str, context: str | None = None) -> str:
    """``msgid`` (English) in ``lang``; ``context`` is the gettext ``msgctxt`` when the same
    English needs two French words. A French entry missing from the catalog gives the English
    (the tests make sure none is missing)."""
    found = translations(lang)
    return found.pgettext(context, msgid) if context else found.gettext(msgid)


def ntranslate(singular: str, plural: str, count: int, lang: str,
               context: str = "count") -> str:
    """The form of ``singular``/``plural`` (English) that ``count`` takes in ``lang``
    (gettext's ``npgettext``: French says ``0 manquement``, ``2 manquements``). Counted words
    have their own ``context`` (``"count"``), apart from the same word alone."""
    return translations(lang).npgettext(context, singular, plural, count)


_ = translate


class Phrase:
    """English words with ``{named}`` values, said in a language when shown.

    ``Phrase("{days} days late", days=12)`` says ``12 days late`` in English and, through the
    catalog, ``12 jours de retard`` in French. A value that is itself a :class:`Phrase` (or any
    object with a ``say(lang)`` method, such as :class:`Said`) is said in the same language;
    any other value is shown with ``str``. ``str(phrase)`` is its English, so code and tests
    that read English keep working. Two phrases are equal when their words and values are.
    """

    __slots__ = ("context", "msgid", "values")

    def __init__(self, msgid: str, context: str | None = None, **values) -> None:
        self.msgid = msgid
        self.context = context
        self.values = values

    def say(self, lang: str) -> str:
        words = translate(self.msgid, lang, self.context)
        if not self.values:
            return words
        return words.format(**{name: say(value, lang) for name, value in self.values.items()})

    def __str__(self) -> str:
        return self.say("en")

    def __repr__(self) -> str:
        return f"Phrase({str(self)!r})"

    def _key(self):
        return (self.msgid, self.context, tuple(sorted((k, str(v)) for k, v in
                                                        self.values.items())))

    def __eq__(self, other) -> bool:
        return isinstance(other, Phrase) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __add__(self, other) -> Joined:
        return Joined((self, other))

    def __radd__(self, other) -> Joined:
        return Joined((other, self))


class Said:
    """A value whose words depend on the language: ``Said(lambda lang: format_eur(c, lang))``."""

    __slots__ = ("words",)

    def __init__(self, words) -> None:
        self.words = words

    def say(self, lang: str) -> str:
        return self.words(lang)

    def __str__(self) -> str:
        return self.words("en")


class Joined:
    """Parts (phrases, said values, plain strings) said one after the other, joined by
    ``separator`` (a plain string, the same in every language)."""

    __slots__ = ("parts", "separator")

    def __init__(self, parts, separator: str = "") -> None:
        self.parts = tuple(parts)
        self.separator = separator

    def say(self, lang: str) -> str:
        return self.separator.join(say(part, lang) for part in self.parts)

    def __str__(self) -> str:
        return self.say("en")

    def __add__(self, other) -> Joined:
        return Joined((self, other))

    def __radd__(self, other) -> Joined:
        return Joined((other, self))

    def __eq__(self, other) -> bool:
        return isinstance(other, Joined) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class Worded(str):
    """Words as a ``str`` holding their English (so they read, compare, join and are stored as
    the library's English text always was) that keep what they were made from (a
    :class:`Phrase`, :class:`Joined` or :class:`Said`), to be said in another language by
    :func:`say`: a line of a result's working, a note on a reference value."""

    words: object

    def __new__(cls, words) -> Worded:
        text = super().__new__(cls, str(words))
        text.words = words
        return text

    def say(self, lang: str) -> str:
        return say(self.words, lang)


def say(words, lang: str) -> str:
    """``words`` in ``lang``: a :class:`Phrase`, :class:`Said` or :class:`Joined` said in it; a
    plain string (already in its language, or a quote) as it is."""
    return words.say(lang) if hasattr(words, "say") else str(words)


__all__ = ["DOMAIN", "LOCALE_DIR", "Joined", "Phrase", "Said", "Worded", "_", "catalog_path",
           "ntranslate", "read_catalog", "say", "translate", "translations"]
