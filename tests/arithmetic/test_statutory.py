"""The law's default terms (Code de commerce L441-10, D441-5) and its two rates."""

from __future__ import annotations

from decimal import Decimal

import pytest

import cgvlib
from cgvlib.errors import OutOfCoverageError


@pytest.mark.parametrize(("date", "percent"), [
    ("2022-03-01", "10.00"),  # ECB MRO in force on 2022-01-01: 0.00 % (since 2016-03-16) + 10
    ("2023-08-15", "14.00"),  # in force on 2023-07-01: 4.00 % (change of 2023-06-21) + 10
    ("2024-03-01", "14.50"),  # in force on 2024-01-01: 4.50 % (change of 2023-09-20) + 10
    ("2026-06-30", "12.15"),  # in force on 2026-01-01: 2.15 % (change of 2025-06-11) + 10
])
def test_statutory_late_rate_is_the_ecb_semester_rate_plus_ten_points(date, percent):
    assert cgvlib.statutory_late_rate(date).value == Decimal(percent)


@pytest.mark.parametrize(("date", "percent"), [
    ("2022-03-01", "2.28"),   # 3 x 0.76 (2022-S1, professional creditors)
    ("2023-09-01", "12.66"),  # 3 x 4.22 (2023-S2)
    ("2024-03-01", "15.21"),  # 3 x 5.07 (2024-S1)
    ("2026-01-15", "7.86"),   # 3 x 2.62 (2026-S1)
])
def test_minimum_late_rate_is_three_times_the_legal_rate(date, percent):
    assert cgvlib.minimum_late_rate(date).value == Decimal(percent)


def test_past_the_reference_data_is_refused():
    # 2026-S2 needs the ECB rate in force on 2026-07-01; the ECB data ends on 2026-06-11
    with pytest.raises(OutOfCoverageError, match="2026-06-11"):
        cgvlib.statutory_late_rate("2026-07-01")
    with pytest.raises(OutOfCoverageError, match="2026-06-30"):
        cgvlib.minimum_late_rate("2026-07-01")


def test_statutory_terms_are_a_cited_vendor():
    law = cgvlib.statutory()
    assert law.quotes_verified
    # L441-10 I: "fixé au trentième jour suivant la date de réception des marchandises ou
    # d'exécution de la prestation demandée"
    assert (law.payment_terms[0].kind, law.payment_terms[0].days) == ("days_after_performance", 30)
    assert law.late_payment.rule.points == Decimal(10)
    assert law.late_payment.rate_fixed_at == "semester"
    assert law.recovery_indemnity.amount == Decimal(40)  # D441-5
    assert cgvlib.compare([law], ["late payment"]).iloc[0, 0] == (
        "ECB rate + 10 pts, rate of each semester"
    )
