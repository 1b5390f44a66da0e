"""Why a ledger row was refused, in the reader's language: one sentence per reason code.

The English words are the gettext msgids (:func:`cgvlib.i18n.translate`), French in the
catalog; ``{fields}`` are filled after translation.
"""

from __future__ import annotations

from cgvlib.i18n import translate


def reason_text(code: str, lang: str, **fields) -> str:
    """The sentence for reason ``code`` in ``lang``, its ``{fields}`` filled."""
    return _WORDS[code](lang).format(**fields)


_WORDS = {
    "empty_line": lambda lang: translate("empty line", lang),
    "vendor_missing": lambda lang: translate("no vendor given", lang),
    "vendor_unknown": lambda lang: translate(
        "unknown vendor; the closest known one is {closest}; add its vendor file with --file "
        "or fix the name", lang),
    "vendor_unknown_far": lambda lang: translate(
        "unknown vendor; known vendors: {known}; add its vendor file with --file", lang),
    "amount_missing": lambda lang: translate("no amount given", lang),
    "amount_not_a_number": lambda lang: translate(
        "not an amount; write an amount such as 1 234,56 or 1234.56", lang),
    "amount_negative": lambda lang: translate(
        "negative amount; a credit note is not an invoice that can be paid late", lang),
    "amount_fraction": lambda lang: translate(
        "fractions of a cent; an invoice has at most two decimals", lang),
    "amount_too_large": lambda lang: translate(
        "too large; amounts go up to 100 000 000,00 €", lang),
    "amount_ambiguous": lambda lang: translate(
        "ambiguous amount: a comma or point before three figures (1,500) reads as thousands or "
        "as decimals; write 1 500 or 1,50", lang),
    "date_missing": lambda lang: translate(
        "no date given; write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15", lang),
    "date_not_a_date": lambda lang: translate(
        "not a date; write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15", lang),
    "date_impossible": lambda lang: translate(
        "no such day in the calendar; write a date that exists, such as 15/03/2024, "
        "15 mars 2024 or 2024-03-15", lang),
    "paid_before_invoice": lambda lang: translate(
        "paid before the invoice date ({invoice_date})", lang),
    "as_of_before_invoice": lambda lang: translate(
        "unpaid, and the date of the calculation ({as_of}) is before the invoice date "
        "({invoice_date})", lang),
    "due_before_invoice": lambda lang: translate(
        "due before the invoice date ({invoice_date})", lang),
    "needs_invoice_date": lambda lang: translate(
        "{vendor}'s clause counts from the invoice date, which this row does not give", lang),
    "past_the_data": lambda lang: translate(
        "needs the rates up to {day}, but the reference data goes up to {last}; add the values "
        "(python -m cgvlib rates add) or carry the last ones forward (--assume-last)", lang),
    "outside_the_data": lambda lang: translate(
        "its delay, from {day}, needs rates the reference data does not hold (it starts in "
        "1999 for the ECB rate, 2005 for the legal rate)", lang),
    "not_computed": lambda lang: translate("could not be computed: {why}", lang),
}

CODES = tuple(_WORDS)
