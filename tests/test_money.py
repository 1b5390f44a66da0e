"""The exact-money conventions: cents, basis points, one half-up rounding, display."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cgvlib.errors import InputError
from cgvlib.money import bp_to_percent, div_round_half_up, format_eur, percent_to_bp, to_cents


@pytest.mark.parametrize(("euros", "cents"), [
    (0.01, 1), (12.345, 1235),  # 12.345 typed is 12.345, rounded half-up to 12.35
    (12.344, 1234), ("10000000", 1_000_000_000), (Decimal("0.005"), 1), (40, 4000),
])
def test_to_cents(euros, cents):
    assert to_cents(euros) == cents


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf"), "abc", True])
def test_to_cents_refuses_bad_amounts(bad):
    with pytest.raises(InputError):
        to_cents(bad)


def test_percent_to_bp_and_back():
    assert percent_to_bp(15.21) == 1521
    assert percent_to_bp("4.22") == 422
    assert bp_to_percent(1521) == Decimal("15.21")
    with pytest.raises(InputError, match="more than two decimals"):
        percent_to_bp(4.225)


@pytest.mark.parametrize(("num", "den", "expected"), [
    (5, 10, 1),    # 0.5 rounds up
    (4, 10, 0),
    (15, 10, 2),   # 1.5 -> 2 (half-up, not half-even)
    (25, 10, 3),   # 2.5 -> 3 (half-even would give 2)
    (-25, 10, -3),  # away from zero
    (3_650_000, 3_650_000, 1),
])
def test_div_round_half_up(num, den, expected):
    assert div_round_half_up(num, den) == expected


def test_interest_example_by_hand():
    # 10,000.00 EUR at 12.66 % for 30 days, actual/365:
    # 1_000_000 cents x 1266 bp x 30 days / 3_650_000 = 10405.479... cents -> 104.05 EUR
    assert div_round_half_up(1_000_000 * 1266 * 30, 365 * 10_000) == 10405


def test_format_eur_formats_the_rounded_cents_without_rounding_again():
    assert format_eur(123456) == "1,234.56 EUR"
    assert format_eur(123456, "fr") == "1\u202f234,56\u00a0€"
    assert format_eur(5) == "0.05 EUR"
    assert format_eur(-250) == "-2.50 EUR"


def test_round_half_up_on_fractions():
    from fractions import Fraction

    from cgvlib.money import percent_fraction, round_half_up

    # 8 % of 1,234.56 EUR = 123,456 cents x 8/100 = 9876.48 cents -> 9876
    assert round_half_up(Fraction(123_456) * percent_fraction(8)) == 9876
    assert round_half_up(Fraction(5, 2)) == 3  # 2.5 -> 3, not the half-even 2
    assert percent_fraction("15.21") == Fraction(1521, 10_000)
