"""The languages cgvlib writes in: French and English, checked in one place.

Amounts (:func:`cgvlib.money.format_eur`), percentages (:func:`cgvlib.money.format_percent`),
dates (:func:`cgvlib.dates.format_date`), the report's words (:mod:`cgvlib.report.labels`) and
the charts' words (:mod:`cgvlib.views.words`) take a ``lang`` that is one of :data:`LANGS`.
Words go through the gettext catalog (:mod:`cgvlib.i18n`); numbers, money and dates are
formatted by Babel for the locale :data:`BABEL_LOCALES` gives each language (British English:
``5 December 2026``, the day before the month as in French).
"""

from __future__ import annotations

from cgvlib.errors import InputError

LANGS = ("fr", "en")
BABEL_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def check_lang(lang) -> str:
    """``lang`` when it is one of :data:`LANGS`; a clear error otherwise."""
    if lang not in LANGS:
        raise InputError(f"lang: {lang!r} is not a language of cgvlib; valid: "
                         + ", ".join(LANGS))
    return lang
