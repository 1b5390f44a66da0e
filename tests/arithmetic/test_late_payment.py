"""late_payment: interest, indemnity and total for one invoice, worked out by hand.

Every figure below is computed by hand from the clause and the reference data, with the
integer working in the comment: interest = cents x sum(bp x days) / (365 x 10,000), rounded
once half-up (DESIGN.md). Reference rates used (data/rates/):

- ECB semester rate (L441-10 II: rate in force on 1 January / 1 July): 2022-S1 0.00 (since
  2016-03-16), 2023-S1 2.50 (change of 2022-12-21), 2023-S2 4.00 (change of 2023-06-21),
  2024-S1 4.50 (change of 2023-09-20), 2024-S2 4.25 (change of 2024-06-12); the ECB data is
  complete until 2026-06-11.
- Legal rate, professional creditors: 2012 0.71 (annual), 2022-S1 0.76, 2023-S1 2.06,
  2023-S2 4.22, 2024-S1 5.07; the L441-10 II floor is three times it: 2023-S1 6.18 %,
  2023-S2 12.66 %, 2024-S1 15.21 %.
- ECB rate in force on a day (ioSmart's default reading): 3.75 from 2023-05-10, 4.00 from
  2023-06-21, 4.25 from 2023-08-02, 4.50 from 2023-09-20.

The figures are the lawful ones (never below the floor, semester by semester); a clause's own
figure is its ``as_written`` reading (tests/arithmetic/test_penalty_floor.py has more).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cgvlib.arithmetic.late_payment import LatePaymentResult, late_payment
from cgvlib.errors import CgvError, InputError, OutOfCoverageError, UnknownVendorError
from cgvlib.model.loader import vendor as load
from cgvlib.model.payment import LegalMultiple, PercentPerMonth

D = dt.date


# --- statutory terms: ECB semester rate + 10 points, each semester at its own rate ------------


def test_statutory_splits_the_delay_at_1_july():
    # due 2023-06-15, paid 2023-07-30: 45 days late; first day of delay 2023-06-16.
    # 2023-06-16..2023-06-30: 15 days at 2.50 + 10 = 12.50 % (1250 bp, ECB on 2023-01-01)
    # 2023-07-01..2023-07-30: 30 days at 4.00 + 10 = 14.00 % (1400 bp, ECB on 2023-07-01)
    # 1,000,000 c x (1250 x 15 + 1400 x 30 = 18,750 + 42,000 = 60,750) = 60,750,000,000
    # / 3,650,000 = 16,643.84 -> 16,644 c = 166.44 EUR; + 40 EUR (D441-5) = 206.44 EUR
    r = late_payment("statutory", "10000.00", "2023-06-15", "2023-07-30")
    assert isinstance(r, LatePaymentResult)
    assert r.days_late == 45
    assert r.first_day_of_delay == D(2023, 6, 16)
    assert r.days_of_delay == 45
    assert [(p.start, p.end, p.days, p.rate_bp) for p in r.periods] == [
        (D(2023, 6, 16), D(2023, 6, 30), 15, 1250),
        (D(2023, 7, 1), D(2023, 7, 30), 30, 1400),
    ]
    assert r.periods[0].rate == Decimal("12.50")
    assert "2023-01-01" in r.periods[0].how and "2023-S1" in r.periods[0].how
    assert r.rate == Decimal("12.50")
    assert r.interest_cents == 16_644
    assert r.interest == Decimal("166.44")
    assert r.indemnity == Decimal("40.00")
    assert r.total == Decimal("206.44")
    assert r.total_cents == 20_644
    assert not r.ambiguous
    assert r.headline() == (
        "10,000.00 EUR paid 45 days late: interest 166.44 EUR + indemnity 40.00 EUR = 206.44 EUR"
    )
    text = r.explain()
    assert "15 day(s) at 12.50 %" in text and "30 day(s) at 14.00 %" in text
    assert [s.article for s in r.sources] == ["L441-10 II", "D441-5"]


def test_statutory_across_new_year_and_a_leap_day():
    # 1,000.00 EUR due 2023-12-20, paid 2024-03-01: 11 + 61 = 72 days late.
    # 2023-12-21..2023-12-31: 11 days at 14.00 % (ECB 4.00 on 2023-07-01 + 10)
    # 2024-01-01..2024-03-01: 31 + 29 (2024-02-29) + 1 = 61 days at 14.50 % (ECB 4.50 + 10)
    # 100,000 c x (1400 x 11 + 1450 x 61 = 15,400 + 88,450 = 103,850) = 10,385,000,000
    # / 3,650,000 = 2,845.21 -> 28.45 EUR; total 68.45 EUR
    r = late_payment("statutory", 1000, D(2023, 12, 20), D(2024, 3, 1))
    assert r.days_late == 72
    assert [p.days for p in r.periods] == [11, 61]
    assert [p.rate_bp for p in r.periods] == [1400, 1450]
    assert r.interest == Decimal("28.45")
    assert r.total == Decimal("68.45")


def test_statutory_semester_rate_ignores_a_change_inside_the_semester():
    # ECB cut to 4.25 on 2024-06-12: 2024-S1 keeps the rate of 1 January (4.50), 2024-S2 takes
    # the rate of 1 July (4.25). Due 2024-06-10, paid 2024-07-05: 25 days late.
    # 2024-06-11..2024-06-30: 20 days at 14.50 %; 2024-07-01..2024-07-05: 5 days at 14.25 %
    # 1,000,000 c x (1450 x 20 + 1425 x 5 = 29,000 + 7,125 = 36,125) = 36,125,000,000
    # / 3,650,000 = 9,897.26 -> 98.97 EUR
    r = late_payment("statutory", 10_000, "2024-06-10", "2024-07-05")
    assert [(p.days, p.rate_bp) for p in r.periods] == [(20, 1450), (5, 1425)]
    assert r.interest == Decimal("98.97")


def test_paid_on_the_due_date_owes_nothing():
    # 0 days late: no day of delay, no interest, no indemnity (L441-10 II: only a payment
    # after the due date is late)
    r = late_payment("statutory", 10_000, "2023-06-15", "2023-06-15")
    assert (r.days_late, r.days_of_delay) == (0, 0)
    assert r.periods == ()
    assert r.rate is None
    assert (r.interest, r.indemnity, r.total) == (Decimal("0.00"), Decimal("0.00"), Decimal("0.00"))
    assert "0 days late" in r.headline()


def test_one_day_late_on_a_leap_day_ten_million_euros():
    # 10,000,000.00 EUR due 2024-02-28, paid 2024-02-29: 1 day at 14.50 % (2024-S1)
    # 1,000,000,000 c x 1450 x 1 = 1,450,000,000,000 / 3,650,000 = 397,260.27
    # -> 397,260 c = 3,972.60 EUR; + 40 = 4,012.60 EUR
    r = late_payment("statutory", "10000000.00", "2024-02-28", "2024-02-29")
    assert r.days_late == r.days_of_delay == 1
    assert r.first_day_of_delay == D(2024, 2, 29)
    assert r.interest == Decimal("3972.60")
    assert r.total == Decimal("4012.60")
    assert "paid 1 day late" in r.headline()


def test_one_cent_earns_no_interest_but_the_indemnity():
    # 1 c x 60,750 (the 45 days of the first test) = 60,750 / 3,650,000 = 0.017 -> 0 c
    r = late_payment("statutory", "0.01", "2023-06-15", "2023-07-30")
    assert r.interest_cents == 0
    assert r.total == Decimal("40.00")


def test_rounding_is_half_up_once():
    # 14.60 EUR one day late in 2023-S1 at 12.50 %: 1,460 c x 1250 x 1 = 1,825,000
    # / 3,650,000 = 0.5 exactly -> rounds up to 1 c (half-even would give 0)
    r = late_payment("statutory", "14.60", "2023-03-01", "2023-03-02")
    assert r.interest_cents == 1


def test_statutory_refuses_a_semester_the_ecb_data_does_not_cover():
    # 2026-S2 takes the rate in force on 2026-07-01; the ECB data ends on 2026-06-11
    with pytest.raises(OutOfCoverageError, match="2026-06-11"):
        late_payment("statutory", 1000, "2026-06-25", "2026-07-10")


# --- JANQUOR: 10 % of the invoice per month of delay (art. 11), two readings -----------------


def test_janquor_prorata_is_the_default():
    # 10 % per month pro rata: months = 45 x 12 / 365.
    # 1,000,000 c x 1000 bp x 45 d x 12 = 540,000,000,000 / 3,650,000 = 147,945.21
    # -> 1,479.45 EUR; + 40 EUR (art. 11) = 1,519.45 EUR
    # 120 % a year is far above the floor (12.66 % in 2023-S2): no as-written counterpart.
    r = late_payment("janquor", 10_000, "2023-06-15", "2023-07-30")
    assert r.reading == r.default_reading == "prorata"
    assert r.rate == Decimal("10.00") and r.rate_unit == "per month"
    assert r.interest == Decimal("1479.45")
    assert r.total == Decimal("1519.45")
    assert set(r.readings) == {"prorata", "prorata_30", "prorata_months", "started"}
    assert not r.floor_applied and r.gap_cents == 0


def test_janquor_pro_rata_month_conventions():
    # due 2023-01-31, paid 2023-03-01: delay 2023-02-01..2023-03-01, 29 days, on 10,000.00 EUR
    # - a twelfth of a year: 1,000,000 x 1000 x 29 x 12 / 3,650,000 = 95,342.47 -> 953.42 EUR
    # - 30 days: 1,000,000 x 1000 x 29 / 300,000 = 96,666.67 -> 966.67 EUR
    # - months of delay from the due date: 2023-01-31 + 1 month = 2023-02-28 (one whole
    #   month), then 1 day (2023-03-01) of the month 2023-02-28..2023-03-31 (31 days):
    #   1,000,000 x 1000 x (1 x 31 + 1) / 310,000 = 103,225.81 -> 1,032.26 EUR
    # - started months: 2 (the second started on 2023-03-01) -> 2,000.00 EUR
    r = late_payment("janquor", 10_000, "2023-01-31", "2023-03-01")
    assert {name: x.interest for name, x in r.readings.items()} == {
        "prorata": Decimal("953.42"),
        "prorata_30": Decimal("966.67"),
        "prorata_months": Decimal("1032.26"),
        "started": Decimal("2000.00"),
    }
    assert "1 whole month(s)" in r.readings["prorata_months"].periods[0].how


def test_janquor_started_months():
    # Started months from 2023-06-16: months start on 06-16 and 07-16, both <= 07-30: 2.
    # 1,000,000 c x 1000 bp x 2 x 365 / 3,650,000 = 200,000 c = 2,000.00 EUR; total 2,040.00
    r = late_payment("janquor", 10_000, "2023-06-15", "2023-07-30", reading="started")
    assert r.reading == "started"
    assert r.periods[0].months == 2
    assert r.interest == Decimal("2000.00")
    assert r.total == Decimal("2040.00")
    assert r.readings["prorata"].total == Decimal("1519.45")


def test_janquor_one_day_late_under_both_readings():
    # started: one day starts a month: 10 % of 10,000.00 = 1,000.00 EUR
    # prorata: 1,000,000 x 1000 x 1 x 12 = 12,000,000,000 / 3,650,000 = 3,287.67 -> 32.88 EUR
    r = late_payment("janquor", 10_000, "2023-03-01", "2023-03-02")
    assert r.readings["started"].interest == Decimal("1000.00")
    assert r.readings["prorata"].interest == Decimal("32.88")


@pytest.mark.parametrize(
    ("due", "paid", "months"),
    [
        # months of delay are counted on the anniversaries of the due date (the delay runs from
        # the end of that day), so a clamped month end never starts a month early:
        ("2024-01-15", "2024-02-15", 1),  # exactly one month (2024-01-16..02-15)
        ("2024-01-15", "2024-02-16", 2),  # one month and a day
        ("2024-01-30", "2024-02-28", 1),  # 29 days
        ("2024-01-30", "2024-02-29", 1),  # 2024-01-30 + 1 month = 2024-02-29: exactly one
        ("2024-01-30", "2024-03-01", 2),
        ("2023-01-30", "2023-02-28", 1),  # 29 days; 2023-01-30 + 1 month = 2023-02-28
        ("2024-01-31", "2024-02-29", 1),  # clamped anniversary of the 31st: one month
        ("2024-01-31", "2024-03-01", 2),
        ("2024-03-31", "2024-04-30", 1),  # 2024-03-31 + 1 month = 2024-04-30
        ("2024-02-29", "2024-03-29", 1),  # from a leap day
        ("2024-02-29", "2024-03-30", 2),
        ("2024-12-31", "2025-02-28", 2),  # 2025-01-31, then 2025-02-28: two whole months
    ],
)
def test_janquor_started_months_on_month_ends(due, paid, months):
    # 10 % of 1,000.00 EUR per started month: 100.00 EUR a month
    r = late_payment("janquor", 1000, due, paid, reading="started")
    assert r.periods[0].months == months
    assert r.interest == Decimal(100 * months)


def test_janquor_prorata_over_a_clamped_month():
    # due 2024-01-30, paid 2024-02-29: 30 days (2024-01-31..2024-02-29)
    # 100,000 c x 1000 x 30 x 12 = 36,000,000,000 / 3,650,000 = 9,863.01 -> 98.63 EUR;
    # months of delay: exactly one (2024-01-30 + 1 month = 2024-02-29) -> 100.00 EUR
    r = late_payment("janquor", 1000, "2024-01-30", "2024-02-29")
    assert r.readings["prorata"].interest == Decimal("98.63")
    assert r.readings["prorata_months"].interest == Decimal("100.00")


def test_janquor_ten_million_for_a_year():
    # 365 days pro rata = 12 months = 120 %: 1,000,000,000 c x 1000 x 365 x 12 / 3,650,000
    # = 1,200,000,000 c = 12,000,000.00 EUR
    r = late_payment("janquor", 10_000_000, "2023-01-01", "2024-01-01")
    assert r.interest == Decimal("12000000.00")


# --- ioSmart: higher of ECB + 10 and 3 x legal rate, fixed at the start of the delay ----------


def test_iosmart_in_2022_the_ecb_rule_wins():
    # first day 2022-03-02: ECB semester rate 0.00 (2022-S1) + 10 = 10.00 % vs 3 x 0.76 = 2.28 %
    # due 2022-03-01, paid 2022-04-30: 60 days. 1,000,000 x 1000 x 60 = 60,000,000,000
    # / 3,650,000 = 16,438.36 -> 164.38 EUR; + 40 = 204.38 EUR
    r = late_payment("iosmart", 10_000, "2022-03-01", "2022-04-30")
    assert r.rate == Decimal("10.00")
    assert "2.28 %" in r.periods[0].how
    assert r.interest == Decimal("164.38")
    assert r.total == Decimal("204.38")


def test_iosmart_in_2024_s1_the_legal_rule_wins():
    # first day 2024-02-01: ECB 4.50 + 10 = 14.50 % vs 3 x 5.07 = 15.21 % -> 15.21 %
    # due 2024-01-31, paid 2024-03-01: 29 (February 2024) + 1 = 30 days
    # 1,000,000 x 1521 x 30 = 45,630,000,000 / 3,650,000 = 12,501.37 -> 125.01 EUR
    r = late_payment("iosmart", 10_000, "2024-01-31", "2024-03-01")
    assert r.days_of_delay == 30
    assert r.rate == Decimal("15.21")
    assert r.interest == Decimal("125.01")
    assert r.total == Decimal("165.01")


def test_iosmart_keeps_the_start_rate_across_1_july():
    # « apprécié à la date de départ du retard »: the ECB rate in force on 2023-06-16 is 3.75 %
    # (since 2023-05-10): max(13.75, 6.18) = 13.75 % for all 45 days (06-16..07-30), above
    # both semesters' floors (6.18 %, 12.66 %): 1,000,000 x 1375 x 45 = 61,875,000,000
    # / 3,650,000 = 16,952.05 -> 169.52 EUR
    r = late_payment("iosmart", 10_000, "2023-06-15", "2023-07-30")
    assert r.reading == "ecb_on_delay_start"
    assert len(r.periods) == 1 and r.periods[0].rate_bp == 1375
    assert r.interest == Decimal("169.52")
    # the L441-10 II semester reading: 2.50 + 10 = 12.50 % taken on 2023-06-16, kept for the
    # delay as written: 1,000,000 x 1250 x 45 = 56,250,000,000 / 3,650,000 = 15,410.96
    # -> 154.11 EUR; but in 2023-S2 the floor (12.66 %) is above it: 15 days (06-16..06-30)
    # at 12.50 % and 30 days at 12.66 %: 1250 x 15 + 1266 x 30 = 18,750 + 37,980 = 56,730
    # -> 1,000,000 x 56,730 / 3,650,000 = 15,542.47 -> 155.42 EUR
    semester = r.readings["ecb_semester_rate"]
    assert semester.interest == Decimal("155.42")
    assert r.readings["ecb_semester_rate/as_written"].interest == Decimal("154.11")
    assert [(p.days, p.rate_bp, p.floored) for p in semester.periods] == [
        (15, 1250, False), (30, 1266, True)]


def test_iosmart_ecb_rate_in_force_on_the_day_against_the_semester_rate():
    # due 2023-08-01, paid 2023-10-01: first day 2023-08-02, the day the ECB rate rose to
    # 4.25 %; 61 days (08-02..10-01), all in 2023-S2 (floor 12.66 %).
    # in force that day: 4.25 + 10 = 14.25 %: 1,000,000 x 1425 x 61 = 86,925,000,000
    #   / 3,650,000 = 23,815.07 -> 238.15 EUR
    # semester rate (in force on 2023-07-01, 4.00 %): 14.00 %: 1,000,000 x 1400 x 61
    #   = 85,400,000,000 / 3,650,000 = 23,397.26 -> 233.97 EUR
    r = late_payment("iosmart", 10_000, "2023-08-01", "2023-10-01")
    assert r.interest == Decimal("238.15")
    assert r.readings["ecb_semester_rate"].interest == Decimal("233.97")
    assert "in force on 2023-08-02" in r.periods[0].how
    assert "Why the default" in r.explain() and "apprécié" in r.explain()


def test_iosmart_delay_starting_after_the_data_is_refused():
    with pytest.raises(OutOfCoverageError):
        late_payment("iosmart", 1000, "2026-06-30", "2026-07-15")
    # the first day of delay, 2026-06-16, is past the ECB data (complete until 2026-06-11):
    # the rate « apprécié à la date de départ du retard » is not known
    with pytest.raises(OutOfCoverageError, match="2026-06-11"):
        late_payment("iosmart", 1000, "2026-06-15", "2026-06-20")


# --- Teogest: legal rate + 3 points (art. 14.6), six readings ----------------------------------


TEOGEST = dict(amount=10_000, due="2023-06-01", paid="2023-07-30", invoice_date="2023-06-01")


@pytest.mark.parametrize(
    ("reading", "as_written", "lawful"),
    [
        # After the due date (receipt, 2023-06-01): first day 2023-06-02, 59 days: 29 in
        # 2023-S1, 30 in 2023-S2. The floor, 6.18 % then 12.66 %, is above legal + 3 in both.
        # As written, semester: 29 days at 2.06 + 3 = 5.06 % and 30 days at 4.22 + 3 = 7.22 %:
        #   1,000,000 x (506 x 29 + 722 x 30 = 14,674 + 21,660 = 36,334) / 3,650,000 = 9,954.52
        # Lawful, whatever the rate date: 618 x 29 + 1266 x 30 = 17,922 + 37,980 = 55,902
        #   -> 1,000,000 x 55,902 / 3,650,000 = 15,315.62 -> 153.16 EUR
        ("after_due_date_semester", "99.55", "153.16"),
        # as written, the rate on 2023-06-02 (5.06 %) for 59 days: 506 x 59 = 29,854
        #   -> 8,179.18 c
        ("after_due_date_delay_start", "81.79", "153.16"),
        # as written, the rate on the invoice date 2023-06-01 (5.06 %): the same 81.79
        ("after_due_date_invoice_date", "81.79", "153.16"),
        # Day 31 after issue: first day 2023-07-02, 29 days in 2023-S2.
        # As written at 7.22 %: 722 x 29 = 20,938 -> 5,736.44 c; lawful at the floor 12.66 %:
        #   1266 x 29 = 36,714 -> 1,000,000 x 36,714 / 3,650,000 = 10,058.63 -> 100.59 EUR
        ("day_31_semester", "57.36", "100.59"),
        ("day_31_delay_start", "57.36", "100.59"),
        # as written, the rate of the invoice date (5.06 %): 506 x 29 = 14,674 -> 4,020.27 c
        ("day_31_invoice_date", "40.20", "100.59"),
    ],
)
def test_teogest_each_reading(reading, as_written, lawful):
    r = late_payment(
        "teogest",
        TEOGEST["amount"],
        TEOGEST["due"],
        TEOGEST["paid"],
        invoice_date=TEOGEST["invoice_date"],
        reading=reading,
    )
    assert r.interest == Decimal(lawful)
    assert r.as_written.interest == Decimal(as_written)
    assert r.readings[f"{reading}/as_written"].interest == Decimal(as_written)
    assert r.indemnity == Decimal("40.00")  # art. 14.6: « 40 € H.T. », paid 59 days late
    assert r.reading == reading


def test_teogest_default_is_day_31_each_semester():
    r = late_payment("teogest", **TEOGEST)
    assert r.reading == "day_31_semester"
    assert r.first_day_of_delay == D(2023, 7, 2)
    assert r.days_late == 59 and r.days_of_delay == 29
    assert len(r.readings) == 12  # six readings, each lawful and as written
    assert r.total == Decimal("140.59")  # 100.59 + 40.00 (as written: 57.36 + 40.00)
    assert r.as_written.total == Decimal("97.36") and r.gap_cents == 4_323


def test_teogest_day_31_split_against_rate_at_start():
    # invoice and due 2023-05-15, paid 2023-07-10; day 31 = 2023-06-15.
    # semester: 2023-06-15..06-30 16 days at 5.06 %, 07-01..07-10 10 days at 7.22 %:
    #   100,000 c x (506 x 16 + 722 x 10 = 8,096 + 7,220 = 15,316) = 1,531,600,000
    #   / 3,650,000 = 419.62 -> 4.20 EUR
    # at the start of the delay: 506 x 26 = 13,156 -> 1,315,600,000 / 3,650,000 = 360.44
    #   -> 3.60 EUR
    # Lawful: the floor (6.18 %, then 12.66 %) is above both rates, under either rate date:
    #   618 x 16 + 1266 x 10 = 9,888 + 12,660 = 22,548 -> 100,000 x 22,548 / 3,650,000
    #   = 617.75 -> 6.18 EUR
    r = late_payment("teogest", 1000, "2023-05-15", "2023-07-10", invoice_date="2023-05-15")
    written = r.as_written
    assert [(p.days, p.rate_bp) for p in written.periods] == [(16, 506), (10, 722)]
    assert written.interest == Decimal("4.20")
    assert r.readings["day_31_delay_start/as_written"].interest == Decimal("3.60")
    assert [(p.days, p.rate_bp, p.clause_rate_bp) for p in r.periods] == [
        (16, 618, 506), (10, 1266, 722)]
    assert r.interest == r.readings["day_31_delay_start"].interest == Decimal("6.18")


def test_teogest_paid_before_day_31():
    # paid 2023-06-20, 19 days after receipt: no day of delay under day 31, but late for
    # L441-10 (the indemnity is due). After the due date: 19 days at 5.06 % as written:
    # 1,000,000 x 506 x 19 = 9,614,000,000 / 3,650,000 = 2,633.97 -> 26.34 EUR; at the
    # 2023-S1 floor 6.18 %: 1,000,000 x 618 x 19 = 11,742,000,000 / 3,650,000 = 3,216.99
    # -> 32.17 EUR
    r = late_payment("teogest", 10_000, "2023-06-01", "2023-06-20", invoice_date="2023-06-01")
    assert (r.days_late, r.days_of_delay) == (19, 0)
    assert r.interest == Decimal("0.00") and r.indemnity == Decimal("40.00")
    assert r.readings["after_due_date_semester"].interest == Decimal("32.17")
    assert r.readings["after_due_date_semester/as_written"].interest == Decimal("26.34")


def test_teogest_needs_the_invoice_date():
    with pytest.raises(InputError, match=r"invoice date.*day_31_semester"):
        late_payment("teogest", 1000, "2023-06-01", "2023-07-30")


# --- Leappy: 2 x the legal rate in force at invoicing (art. 4) ---------------------------------


def test_leappy_rate_fixed_at_invoicing_and_both_readings_agree():
    # invoice and due 2023-06-20 (on receipt), paid 2023-08-19: 10 + 31 + 19 = 60 days.
    # Rate of the invoice date, 2023-S1: 2 x 2.06 = 4.12 % for all 60 days (not 2 x 4.22 in
    # July-August). 1,000,000 x 412 x 60 = 24,720,000,000 / 3,650,000 = 6,772.60 -> 67.73 EUR.
    # The terms omit the indemnity: D441-5's 40 EUR. Total 107.73 EUR, as written.
    # Lawful: 4.12 % is below the floor in both semesters (6.18 %, 12.66 %): 10 days
    # (06-21..06-30) at 6.18 % and 50 days (07-01..08-19) at 12.66 %:
    # 618 x 10 + 1266 x 50 = 6,180 + 63,300 = 69,480 -> 1,000,000 x 69,480 / 3,650,000
    # = 19,035.62 -> 190.36 EUR; total 230.36 EUR.
    r = late_payment("leappy", 10_000, "2023-06-20", "2023-08-19", invoice_date="2023-06-20")
    assert r.rate == Decimal("6.18")
    assert r.interest == Decimal("190.36")
    assert r.indemnity == Decimal("40.00")
    assert r.total == Decimal("230.36")
    assert r.as_written.rate == Decimal("4.12")
    assert r.as_written.interest == Decimal("67.73")
    assert r.as_written.total == Decimal("107.73")
    assert set(r.readings) == {"without_notice", "after_formal_notice",
                               "without_notice/as_written", "after_formal_notice/as_written"}
    assert r.reading == "after_formal_notice"
    assert {n: x.total for n, x in r.readings.items()} == {
        "without_notice": Decimal("230.36"), "after_formal_notice": Decimal("230.36"),
        "without_notice/as_written": Decimal("107.73"),
        "after_formal_notice/as_written": Decimal("107.73")}
    assert "formal notice" in r.explain()
    assert "D441-5" in [s.article for s in r.sources]


def test_leappy_needs_the_invoice_date():
    with pytest.raises(InputError, match="invoice date"):
        late_payment("leappy", 1000, "2023-06-20", "2023-08-19")


# --- Michaël GOUT: 3 x the legal rate in force at invoicing (art. 6) ---------------------------


def test_gout_rate_of_the_invoice_semester():
    # invoice 2023-12-15 (2023-S2: 3 x 4.22 = 12.66 %), due 2024-01-14, paid 2024-03-14:
    # 17 + 29 + 14 = 60 days, still at 12.66 % in 2024-S1.
    # 1,000,000 x 1266 x 60 = 75,960,000,000 / 3,650,000 = 20,810.96 -> 208.11 EUR
    # indemnity named without amount: D441-5's 40 EUR. Total 248.11 EUR, as written.
    # Lawful: in 2024-S1 the floor is 3 x 5.07 = 15.21 %: 1,000,000 x 1521 x 60
    # = 91,260,000,000 / 3,650,000 = 25,002.74 -> 250.03 EUR; total 290.03 EUR.
    r = late_payment("gout", 10_000, "2024-01-14", "2024-03-14", invoice_date="2023-12-15")
    assert r.reading == "lawful" and r.default_reading == "lawful"
    assert r.rate == Decimal("15.21")
    assert r.interest == Decimal("250.03")
    assert r.total == Decimal("290.03")
    written = late_payment("gout", 10_000, "2024-01-14", "2024-03-14",
                           invoice_date="2023-12-15", reading="as_written")
    assert written.rate == Decimal("12.66")
    assert written.interest == Decimal("208.11")
    assert written.total == Decimal("248.11")
    assert any("D441-5" in line for line in written.working)


def test_gout_annual_legal_rate_before_2015():
    # invoice 2012-05-01: 2012's one legal rate 0.71 %, x 3 = 2.13 %; due 2012-05-31,
    # paid 2012-07-01: 31 days. 100,000 x 213 x 31 = 660,300,000 / 3,650,000 = 180.9
    # -> 1.81 EUR
    # The floor, 3 x 0.71 = 2.13 %, is the clause's rate itself: nothing to raise.
    r = late_payment("gout", 1000, "2012-05-31", "2012-07-01", invoice_date="2012-05-01")
    assert r.interest == Decimal("1.81")
    assert "2012, annual rate" in r.periods[0].how
    assert not r.floor_applied and r.readings == {}


# --- bad input -------------------------------------------------------------------------------


def test_paid_before_due():
    with pytest.raises(InputError, match="paid: 2023-06-14 is before the due date"):
        late_payment("statutory", 1000, "2023-06-15", "2023-06-14")


@pytest.mark.parametrize("amount", [-1, float("nan"), "12.345", "abc"])
def test_bad_amounts(amount):
    with pytest.raises(InputError, match="amount"):
        late_payment("statutory", amount, "2023-06-15", "2023-07-30")


def test_unknown_vendor():
    with pytest.raises(UnknownVendorError):
        late_payment("nobody", 1000, "2023-06-15", "2023-07-30")


def test_bad_date_and_unknown_reading():
    with pytest.raises(InputError, match="due"):
        late_payment("statutory", 1000, "2023-02-30", "2023-07-30")
    with pytest.raises(InputError, match="valid readings: prorata, prorata_30, prorata_months, "
                       "started, prorata/as_written"):
        late_payment("janquor", 1000, "2023-06-15", "2023-07-30", reading="completed")


def test_invoice_date_after_due():
    with pytest.raises(InputError, match="invoice_date"):
        late_payment("gout", 1000, "2023-06-15", "2023-07-30", invoice_date="2023-06-16")


def _with_rule(vendor_id: str, rule):
    v = load(vendor_id)
    return v.model_copy(update={"late_payment": v.late_payment.model_copy(update={"rule": rule})})


def test_a_multiple_that_gives_no_whole_basis_points_is_refused():
    v = _with_rule("gout", LegalMultiple(kind="legal_multiple", multiple=Decimal("1.5")))
    with pytest.raises(InputError, match="whole"):
        late_payment(v, 1000, "2023-06-15", "2023-07-30", invoice_date="2023-06-01")


def test_higher_of_compares_annual_rates_only():
    v = load("iosmart")
    rule = v.late_payment.rule.model_copy(
        update={
            "rules": [
                v.late_payment.rule.rules[0],
                PercentPerMonth(kind="percent_per_month", percent=Decimal(1), months="prorata"),
            ]
        }
    )
    with pytest.raises(InputError, match="annual"):
        late_payment(_with_rule("iosmart", rule), 1000, "2023-06-15", "2023-07-30")


def test_errors_are_cgv_errors():
    assert issubclass(OutOfCoverageError, CgvError) and issubclass(InputError, CgvError)
