"""Amounts as people type them: the written forms cgvlib reads, and one clear refusal for the
rest. :func:`cgvlib.money.amount_cents` (the one rule for amounts) sends every string here.

Accepted (spaces around the amount are free):

- figures with a comma or a point before the cents: ``10000,50``, ``10000.50``, ``10000``;
- thousands grouped by spaces, French style: ``10 000,50``, ``1 234 567``; the space may be a
  no-break space (U+00A0) or a narrow no-break space (U+202F), as French pages print them;
- followed by the currency, or not: ``10 000 €``, ``10 000,50 EUR``, ``12,5€``.

Refused, because they could be read two ways or hide a typo: a comma and a point together
(``1,234.56`` is 1234.56 in English, ``1.234,56`` the same in German, and either could be a
slip); a lone comma or point before three figures ending in 0 (``1,500``, ``10.000``: 1500
euros or 1.50? 10000 or 10.00?; with another last figure, ``12.345``, either reading is
refused, so the amount is refused as having fractions of a cent);
thousands grouped by commas or points (``1.234.567``); groups of other than three figures
(``10 00``); exponents (``1e3``); anything else that is not figures. A negative amount reads
as such (``-10``), for :func:`~cgvlib.money.amount_cents` to refuse with its own words.

A refusal (:class:`AmountTextError`) says why in the reader's language, through the catalog
(:meth:`~cgvlib.date_text.TypedTextError.say`): ``1.234,56 est ambigu : il a une virgule et un
point (1,234.56 ou 1.234,56 ?) ; [...]``; its ``reason`` is the library's English words.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cgvlib.date_text import TypedTextError
from cgvlib.i18n import Phrase, Said

# A form that is accepted, said after each refusal (English: the library's messages)
AMOUNT_ADVICE_WORDS = Phrase("write an amount such as 10 000,50 or 10000.50")
CENTS_ADVICE_WORDS = Phrase("write a whole number of cents such as 1000050")
AMOUNT_ADVICE = str(AMOUNT_ADVICE_WORDS)

SPACES = " \u00a0\u202f"  # space, no-break space, narrow no-break space
_CURRENCY = re.compile(r"\s*(?:€|eur)$", re.IGNORECASE)
_AMOUNT = re.compile(
    rf"(?P<sign>[-\u2212]?)"
    rf"(?P<units>\d{{1,3}}(?:[{SPACES}]\d{{3}})+|\d+)"
    rf"(?:(?P<mark>[.,])(?P<decimals>\d+))?"
)


class AmountTextError(TypedTextError):
    """Why a typed amount (or percentage) was refused (see
    :class:`~cgvlib.date_text.TypedTextError`)."""

    def __init__(self, words: Phrase, advice: Phrase = AMOUNT_ADVICE_WORDS):
        super().__init__(words, advice)


def parse_amount(text: str, *, currency: bool = True) -> Decimal:
    """The exact number ``text`` writes (``'10 000,50 €'`` -> ``Decimal('10000.50')``); raise
    :class:`AmountTextError` for a form that could be read two ways or is not an amount.
    ``currency``: an amount in euros, so a trailing ``€`` or ``EUR`` is allowed (else cents).

    >>> parse_amount("10\u202f000,50\u00a0€")
    Decimal('10000.50')
    """
    body = text.strip()
    advice = AMOUNT_ADVICE_WORDS if currency else CENTS_ADVICE_WORDS
    if currency:
        body = _CURRENCY.sub("", body)
    if "," in body and "." in body:
        raise AmountTextError(Phrase(
            "{value} is ambiguous: it has both a comma and a point (1,234.56 or 1.234,56?); "
            "group thousands with spaces and put one comma or point before the cents"), advice)
    if body.count(",") > 1 or body.count(".") > 1:
        raise AmountTextError(Phrase(
            "{value} is not an amount: group thousands with spaces, not with commas or "
            "points, and put one comma or point before the cents"), advice)
    match = _AMOUNT.fullmatch(body)
    if not match:
        raise AmountTextError(Phrase("{value} is not a number of euros") if currency else
                              Phrase("{value} is not a number of cents"), advice)
    units, decimals = match["units"], match["decimals"]
    grouped = not units.isdigit()
    if decimals is not None and len(decimals) == 3 and decimals[-1] == "0" and not grouped \
            and units != "0":
        raise AmountTextError(Phrase(
            "{value} is ambiguous: {thousands} euros or {units} euros? group thousands with "
            "spaces and give at most two decimals", thousands=units + decimals,
            units=_decimal(units, decimals[:2])), advice)
    digits = "".join(c for c in units if c.isdigit())
    number = Decimal(f"{digits}.{decimals}" if decimals is not None else digits)
    return -number if match["sign"] else number


def _decimal(units: str, decimals: str) -> Said:
    """``units.decimals`` as each language writes a decimal number: ``1.50``, ``1,50``."""
    return Said(lambda lang: f"{units}.{decimals}" if lang == "en" else f"{units},{decimals}")


PERCENT_ADVICE_WORDS = Phrase("write a percentage such as 0,5 or 12.5")
PERCENT_ADVICE = str(PERCENT_ADVICE_WORDS)
_PERCENT = re.compile(r"(?P<sign>[-\u2212+]?)\s*(?P<units>\d+)(?:[.,](?P<decimals>\d+))?"
                      r"\s*%?")


def parse_percent(text: str) -> Decimal:
    """The exact percentage ``text`` writes, with a decimal comma or point and an optional
    ``%``: ``'0,5'`` -> ``Decimal('0.5')``, ``'-15.5 %'`` -> ``Decimal('-15.5')``; raise
    ValueError for anything else (``'1,234.5'``, ``'5e2'``, ``'cinq'``).

    >>> parse_percent("0,5")
    Decimal('0.5')
    """
    match = _PERCENT.fullmatch(text.strip().replace("\u00a0", " ").replace("\u202f", " "))
    if not match:
        raise AmountTextError(Phrase("{value} is not a percentage"), PERCENT_ADVICE_WORDS)
    decimals = match["decimals"]
    number = Decimal(f"{match['units']}.{decimals}" if decimals else match["units"])
    return -number if match["sign"] in ("-", "\u2212") else number
