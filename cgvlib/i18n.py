"""Every word a reader sees, in French or English, through one gettext catalog.

The msgids are the English words; ``cgvlib/locale/fr/LC_MESSAGES/cgvlib.po`` gives each its
French. That ``.po`` file is the source of truth: Babel reads it and compiles it in memory
(:func:`babel.messages.pofile.read_po`, :func:`babel.messages.mofile.write_mo`) into a
:class:`gettext.GNUTranslations` the first time French is asked for, so no binary ``.mo`` is
kept in the project. English is :class:`gettext.NullTranslations`: the msgid itself.

- :func:`translate` (alias ``_``) gives one message in a language; ``context`` tells apart two
  identical English words that need different French ones (gettext's ``msgctxt``);
  :func:`ntranslate` gives the form a count takes (``ngettext``).
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

__all__ = ["DOMAIN", "LOCALE_DIR", "_", "catalog_path", "ntranslate", "read_catalog",
           "translate", "translations"]
