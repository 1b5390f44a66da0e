"""Money, dates, numbers and percentages on a page: Babel's formats for fr (fr_FR) and en
(en_GB), written out by hand here. French: a narrow no-break space (U+202F) between
thousands, a no-break space (U+00A0) before € and %, a decimal comma."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.numbers import format_currency

from cgvlib.dates import format_date
from cgvlib.errors import InputError
from cgvlib.money import (
    div_round_half_up,
    exact_euros,
    format_eur,
    format_number,
    format_percent,
)

NB, NNB = "\u00a0", "\u202f"


def test_money_in_french():
    assert format_eur(123456, "fr") == f"1{NNB}234,56{NB}€"
    assert format_eur(5, "fr") == f"0,05{NB}€"
    assert format_eur(-250, "fr") == f"-2,50{NB}€"
    assert format_eur(1_000_000_000, "fr") == f"10{NNB}000{NNB}000,00{NB}€"


def test_money_in_english():
    assert format_eur(123456, "en") == "€1,234.56"
    assert format_eur(5, "en") == "€0.05"
    assert format_eur(-250, "en") == "-€2.50"
    assert format_eur(0, "en") == "€0.00"


def test_money_in_the_working_text_without_a_language():
    assert format_eur(123456) == "1,234.56 EUR"
    assert format_eur(-250) == "-2.50 EUR"


def test_a_half_cent_is_rounded_once_half_up_and_the_display_never_rounds_again():
    # 3,650 c at 14.50 % for 10 days: 3,650 x 1,450 x 10 / 3,650,000 = 14.5 c exactly.
    cents = div_round_half_up(3_650 * 1_450 * 10, 3_650_000)
    assert cents == 15  # half-up
    assert format_eur(cents, "fr") == f"0,15{NB}€"
    assert format_eur(cents, "en") == "€0.15"
    # What the display must never do: hand Babel the unrounded 0.145 EUR (half-even: 0.14).
    assert format_currency(Decimal("0.145"), "EUR", locale="en_GB") == "€0.14"
    # Likewise 2.5 c (half-even would give 2 c): the arithmetic's 3 c is shown as 3 c.
    assert format_eur(div_round_half_up(5, 2), "en") == "€0.03"


@pytest.mark.parametrize("unrounded", [Decimal("14.5"), 2.5, "15", None, True])
def test_cents_not_whole_are_refused_never_rounded(unrounded):
    with pytest.raises(InputError, match="is not a whole number of cents"):
        format_eur(unrounded, "fr")


def test_the_exact_decimal_given_to_babel_has_two_places_from_the_integer():
    assert exact_euros(123456) == Decimal("1234.56")
    assert exact_euros(123456).as_tuple().exponent == -2
    assert exact_euros(5).as_tuple() == Decimal("0.05").as_tuple()


def test_long_dates():
    assert format_date(dt.date(2026, 12, 5), "fr") == "5 décembre 2026"
    assert format_date(dt.date(2026, 12, 5), "en") == "5 December 2026"
    assert format_date("2024-02-29", "fr") == "29 février 2024"


def test_short_dates_where_room_is_short():
    assert format_date(dt.date(2024, 1, 31), "fr", length="medium") == "31 janv. 2024"
    assert format_date(dt.date(2024, 1, 31), "en", length="medium") == "31 Jan 2024"


def test_dates_in_the_working_text_without_a_language():
    assert format_date(dt.date(2026, 12, 5)) == "2026-12-05"


def test_numbers_keep_their_digits():
    assert format_number(Decimal("12345.678"), "fr") == f"12{NNB}345,678"
    assert format_number(Decimal("12345.678"), "en") == "12,345.678"
    assert format_number("0.205", "fr") == "0,205"


def test_percentages_keep_their_digits():
    assert format_percent("15.21", "fr") == f"15,21{NB}%"
    assert format_percent("15.21", "en") == "15.21%"
    assert format_percent(Decimal("0.205"), "fr") == f"0,205{NB}%"  # not rounded to 0 %
    assert format_percent("10", "en") == "10%"
    assert format_percent("15.21") == "15.21 %"  # the working text


@pytest.mark.parametrize("call", [lambda: format_eur(1, "de"),
                                  lambda: format_date("2026-12-05", "de"),
                                  lambda: format_percent("1", "de")])
def test_another_language_is_refused(call):
    with pytest.raises(InputError, match="lang: 'de' is not a language of cgvlib"):
        call()
