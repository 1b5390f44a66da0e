"""The L441-10 II floor in the late-payment figures: the law over the letter, semester by
semester, the clause as written kept as a reading; worked out by hand.

Legal rate, professional creditors (data/rates/): 2008 3.99 and 2009 3.79 (annual rates),
2023-S1 2.06, 2023-S2 4.22, 2024-S1 5.07. The floor is three times it: 2009 11.37 %, 2023-S1
6.18 %, 2023-S2 12.66 %, 2024-S1 15.21 %. Interest = cents x sum(bp x days) / (365 x 10,000),
rounded once, half-up.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.late_payment_frame import late_payment_frame
from cgvlib.arithmetic.penalty_floor import floor_bp_on, floor_pieces
from cgvlib.errors import OutOfCoverageError
from cgvlib.model.loader import vendor as load
from cgvlib.model.payment import PercentPerMonth

D = dt.date


def test_the_floor_by_date():
    assert floor_bp_on(D(2024, 3, 1)) == 3 * 507
    assert floor_bp_on(D(2023, 7, 1)) == 3 * 422
    assert floor_bp_on(D(2009, 1, 1)) == 3 * 379  # the first day of the LME's three times
    assert floor_bp_on(D(2008, 12, 31)) == 0  # before 2009: not modelled
    with pytest.raises(OutOfCoverageError, match="2026-06-30"):
        floor_bp_on(D(2026, 7, 1))


def test_pieces_split_at_each_semester():
    pieces = floor_pieces(D(2023, 6, 20), D(2024, 1, 10))
    assert [(p.start, p.end, p.days, p.bp) for p in pieces] == [
        (D(2023, 6, 20), D(2023, 6, 30), 11, 618),
        (D(2023, 7, 1), D(2023, 12, 31), 184, 1266),
        (D(2024, 1, 1), D(2024, 1, 10), 10, 1521),
    ]


def test_gout_rate_fixed_at_invoicing_floored_only_in_the_later_semester():
    # GOUT art. 6: 3 x the legal rate « en vigueur au jour de la facturation ».
    # Invoice 2023-05-15: 3 x 2.06 = 6.18 %; due 2023-06-14, paid 2023-07-14: 30 days of
    # delay, 2023-06-15..06-30 (16 days, floor 6.18 %: not above the clause) and
    # 2023-07-01..07-14 (14 days, floor 12.66 %: above it).
    # Lawful: 618 x 16 + 1266 x 14 = 9,888 + 17,724 = 27,612
    #   -> 1,000,000 x 27,612 / 3,650,000 = 7,564.93 -> 75.65 EUR
    # As written: 618 x 30 = 18,540 -> 1,000,000 x 18,540 / 3,650,000 = 5,079.45 -> 50.79 EUR
    r = late_payment("gout", 10_000, "2023-06-14", "2023-07-14", invoice_date="2023-05-15")
    assert [(p.days, p.rate_bp, p.floored) for p in r.periods] == [
        (16, 618, False), (14, 1266, True)]
    assert r.interest == Decimal("75.65") and r.total == Decimal("115.65")
    assert r.as_written.interest == Decimal("50.79") and r.as_written.total == Decimal("90.79")
    assert r.gap_cents == 2_486
    assert r.readings["as_written"].interest == Decimal("50.79")
    text = r.explain()
    assert "Reading shown: lawful (the default)" in text
    assert "the law over the letter" in text
    assert "2023-S2" in text and "L441-10 II" in text


def test_across_1_january_2009():
    # Leappy art. 4: 2 x the legal rate at invoicing. Invoice and due 2008-12-01, paid
    # 2009-01-30: 60 days, 2008-12-02..12-31 (30 days) and 2009-01-01..01-30 (30 days).
    # Clause: 2 x 3.99 = 7.98 %. Floor: none modelled in 2008; 3 x 3.79 = 11.37 % in 2009.
    # Lawful: 798 x 30 + 1137 x 30 = 23,940 + 34,110 = 58,050
    #   -> 1,000,000 x 58,050 / 3,650,000 = 15,904.11 -> 159.04 EUR
    # As written: 798 x 60 = 47,880 -> 13,117.81 -> 131.18 EUR
    r = late_payment("leappy", 10_000, "2008-12-01", "2009-01-30", invoice_date="2008-12-01")
    assert [(p.days, p.rate_bp, p.floored) for p in r.periods] == [
        (30, 798, False), (30, 1137, True)]
    assert r.interest == Decimal("159.04")
    assert r.as_written.interest == Decimal("131.18")
    assert any("before 2009" in line for line in r.working)


def test_before_2009_nothing_is_floored_and_the_working_says_so():
    # Leappy, invoice 2008-03-01, paid 2008-04-30: 60 days at 7.98 %, as written:
    # 1,000,000 x 798 x 60 = 47,880,000,000 / 3,650,000 = 13,117.81 -> 131.18 EUR
    r = late_payment("leappy", 10_000, "2008-03-01", "2008-04-30", invoice_date="2008-03-01")
    assert r.interest == Decimal("131.18") and not r.floor_applied
    assert any("before 2009" in line for line in r.working)


def _per_month(percent: str, months: str):
    v = load("janquor")
    rule = PercentPerMonth(kind="percent_per_month", percent=Decimal(percent), months=months)
    return v.model_copy(update={"late_payment": v.late_payment.model_copy(
        update={"rule": rule, "ambiguity": None})})


def test_a_rate_per_month_is_compared_on_the_whole_delay():
    # 0.5 % per month pro rata (6 % a year) against the 2024-S1 floor of 15.21 %:
    # due 2024-03-01, paid 2024-03-31, 30 days on 10,000.00 EUR.
    # As written: 1,000,000 x 50 x 30 x 12 = 18,000,000,000 / 3,650,000 = 4,931.51 -> 49.32
    # At the floor: 1,000,000 x 1521 x 30 = 45,630,000,000 / 3,650,000 = 12,501.37 -> 125.01
    low = _per_month("0.5", "prorata")
    r = late_payment(low, 10_000, "2024-03-01", "2024-03-31")
    assert r.interest == Decimal("125.01") and r.rate_unit == "per year"
    assert r.as_written.interest == Decimal("49.32") and r.as_written.rate_unit == "per month"
    # 2 % per started month: one month started, 200.00 EUR, above the floor's 125.01
    high = _per_month("2", "started")
    r = late_payment(high, 10_000, "2024-03-01", "2024-03-31")
    assert r.interest == Decimal("200.00") and not r.floor_applied


def test_the_law_s_own_default_has_no_floor():
    # ECB + 10 in 2024-S1 is 14.50 %, below 3 x 5.07 = 15.21 %: the floor bounds an agreed
    # rate, not the default. 1,000,000 x 1450 x 30 = 43,500,000,000 / 3,650,000 = 11,917.81
    r = late_payment("statutory", 10_000, "2024-03-01", "2024-03-31")
    assert r.interest == Decimal("119.18") and not r.floor_applied and r.readings == {}


def test_the_frame_agrees_on_the_floored_cases():
    frame = pd.DataFrame({
        "amount": [10_000.0, 10_000.0],
        "due": ["2023-06-14", "2008-12-01"],
        "paid": ["2023-07-14", "2009-01-30"],
        "invoice_date": ["2023-05-15", "2008-12-01"],
    })
    gout = late_payment_frame("gout", frame.iloc[[0]])
    assert gout["interest_cents"].tolist() == [7_565]
    assert gout["interest_cents[as_written]"].tolist() == [5_079]
    assert gout["floor_applied"].tolist() == [True]
    leappy = late_payment_frame("leappy", frame.iloc[[1]])
    assert leappy["interest_cents"].tolist() == [15_904]
    assert leappy["interest_cents[after_formal_notice/as_written]"].tolist() == [13_118]
    low = late_payment_frame(_per_month("0.5", "prorata"),
                             pd.DataFrame({"amount": [10_000.0], "due": ["2024-03-01"],
                                           "paid": ["2024-03-31"]}))
    assert low["interest_cents"].tolist() == [12_501]
    assert low["interest_cents[as_written]"].tolist() == [4_932]
    assert low["rate"].tolist() == [15.21]
