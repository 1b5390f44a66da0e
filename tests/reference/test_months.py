"""Month and semester helpers: month-end edges named one by one.

Expected values are worked out by hand; month lengths used: January 31, February 29 in 2024
and 2028 (leap years) and 28 in 2023, 2025 and 1900 (1900 is not a leap year, 2000 is),
March 31, April 30, May 31, June 30, August 31.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cgvlib.errors import InputError
from cgvlib.reference.months import (
    add_months,
    calendar_months_touched,
    day_after_month_of,
    end_of_month,
    full_months_between,
    full_years_between,
    months_after,
    months_before,
    semester_bounds_between,
    semester_end,
    semester_label,
    semester_start,
    start_of_month,
    start_of_next_month,
    started_months,
)

D = dt.date


# --------------------------------------------------------------------------- add_months


@pytest.mark.parametrize(
    ("day", "n", "expected"),
    [
        # 31st of the month into a shorter month: clamped to its last day.
        ("2024-01-31", 1, D(2024, 2, 29)),  # leap year: 29 February
        ("2023-01-31", 1, D(2023, 2, 28)),  # non-leap year: 28 February
        ("2024-03-31", -1, D(2024, 2, 29)),  # backwards into February
        ("2024-05-31", 1, D(2024, 6, 30)),  # into a 30-day month
        ("2024-08-31", 6, D(2025, 2, 28)),  # across a year end into a non-leap February
        ("2024-03-31", -13, D(2023, 2, 28)),
        # 30th into February is clamped too.
        ("2024-01-30", 1, D(2024, 2, 29)),
        # Leap day + 12 months in a non-leap year: 29 February does not exist -> 28 February.
        ("2024-02-29", 12, D(2025, 2, 28)),
        ("2024-02-29", 48, D(2028, 2, 29)),  # 2028 is a leap year again
        ("2024-02-29", 1, D(2024, 3, 29)),  # from a short month: day number kept
        # Year end, forwards and backwards.
        ("2024-12-31", 1, D(2025, 1, 31)),
        ("2024-01-15", -1, D(2023, 12, 15)),
        ("2024-12-15", 1, D(2025, 1, 15)),
        # n == 0 returns the date itself.
        ("2024-01-31", 0, D(2024, 1, 31)),
    ],
)
def test_add_months(day, n, expected):
    assert add_months(day, n) == expected


def test_add_months_back_and_forth_loses_the_clamped_days():
    # 2024-01-31 + 1 = 2024-02-29 (clamped); 2024-02-29 - 1 = 2024-01-29.
    assert add_months(add_months("2024-01-31", 1), -1) == D(2024, 1, 29)
    # Nothing clamped: back to the start.
    assert add_months(add_months("2024-01-15", 1), -1) == D(2024, 1, 15)


def test_months_before_and_after():
    # Notice "2 mois avant le terme": term 30 April 2024 -> 30 February does not exist ->
    # 29 February 2024; term 31 March 2024 -> 31 January 2024.
    assert months_before("2024-04-30", 2) == D(2024, 2, 29)
    assert months_before("2024-03-31", 2) == D(2024, 1, 31)
    assert months_before("2024-01-15", 1) == D(2023, 12, 15)
    assert months_after("2024-01-31", 1) == D(2024, 2, 29)
    assert months_after("2023-11-30", 3) == D(2024, 2, 29)


def test_add_months_accepts_timestamps_and_refuses_bad_input():
    assert add_months(pd.Timestamp("2024-01-31"), 1) == D(2024, 2, 29)
    with pytest.raises(InputError, match=r"^n: "):
        add_months("2024-01-31", 1.0)
    with pytest.raises(InputError, match=r"^n: "):
        months_before("2024-01-31", "2")
    with pytest.raises(InputError, match="d: "):
        add_months("31.01.2024", 1)
    with pytest.raises(InputError):
        add_months("9999-12-31", 1)


# --------------------------------------------------------------------------- month bounds


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-02-10", D(2024, 2, 29)),  # leap February
        ("2023-02-10", D(2023, 2, 28)),  # non-leap February
        ("1900-02-01", D(1900, 2, 28)),  # century year, not leap
        ("2000-02-01", D(2000, 2, 29)),  # divisible by 400, leap
        ("2024-04-30", D(2024, 4, 30)),  # already the last day of a 30-day month
        ("2024-12-01", D(2024, 12, 31)),  # year end
        ("2024-01-31", D(2024, 1, 31)),  # the 31st itself
    ],
)
def test_end_of_month(day, expected):
    assert end_of_month(day) == expected


def test_start_of_month_and_next_month():
    assert start_of_month("2024-02-29") == D(2024, 2, 1)
    assert start_of_month("2024-03-01") == D(2024, 3, 1)
    assert start_of_next_month("2024-01-31") == D(2024, 2, 1)
    assert start_of_next_month("2024-02-29") == D(2024, 3, 1)
    assert start_of_next_month("2024-12-31") == D(2025, 1, 1)  # year end
    with pytest.raises(InputError):
        start_of_next_month("9999-12-01")


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # "le lendemain du mois durant lequel X a eu lieu"
        ("2024-03-15", D(2024, 4, 1)),
        ("2024-03-01", D(2024, 4, 1)),  # first day of the month: still the next month
        ("2024-03-31", D(2024, 4, 1)),  # 31st
        ("2024-02-29", D(2024, 3, 1)),  # leap day
        ("2024-12-31", D(2025, 1, 1)),  # year end
    ],
)
def test_day_after_month_of(day, expected):
    assert day_after_month_of(day) == expected


# --------------------------------------------------------------------------- counting months


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-01-15", "2024-01-15", 1),  # one day starts a month
        ("2024-01-15", "2024-02-14", 1),  # the day before the first anniversary
        ("2024-01-15", "2024-02-15", 2),  # the anniversary starts month 2
        # 31st of the month: the anniversary in February is clamped to its last day.
        ("2024-01-31", "2024-02-28", 1),
        ("2024-01-31", "2024-02-29", 2),  # 2024-01-31 + 1 month = 2024-02-29
        ("2023-01-31", "2023-02-28", 2),  # 2023-01-31 + 1 month = 2023-02-28
        # Anniversaries are computed from the start, not chained: the third is 31 March.
        ("2024-01-31", "2024-03-30", 2),
        ("2024-01-31", "2024-03-31", 3),
        # Across a year end: 12 anniversaries up to 2025-01-15.
        ("2024-01-15", "2025-01-14", 12),
        ("2024-01-15", "2025-01-15", 13),
    ],
)
def test_started_months(start, end, expected):
    assert started_months(start, end) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-01-31", "2024-02-01", 2),  # two days, two calendar months
        ("2024-01-01", "2024-01-31", 1),
        ("2024-01-15", "2024-01-15", 1),
        ("2024-12-15", "2025-01-15", 2),  # year end
        ("2024-01-15", "2025-01-14", 13),  # January 2024 ... January 2025
        ("2024-02-29", "2024-03-01", 2),  # leap day then 1 March
    ],
)
def test_calendar_months_touched(start, end, expected):
    assert calendar_months_touched(start, end) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2024-01-15", "2024-01-15", 0),
        ("2024-01-15", "2024-02-14", 0),
        ("2024-01-15", "2024-02-15", 1),
        ("2024-01-31", "2024-02-28", 0),
        ("2024-01-31", "2024-02-29", 1),  # clamped anniversary
        ("2024-01-31", "2024-04-29", 2),  # third anniversary is 2024-04-30
        ("2024-01-31", "2024-04-30", 3),
        ("2023-12-31", "2024-02-29", 2),  # across year end: 2024-01-31, 2024-02-29
    ],
)
def test_full_months_between(start, end, expected):
    assert full_months_between(start, end) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2023-03-15", "2024-03-14", 0),
        ("2023-03-15", "2024-03-15", 1),
        # Leap day start: the anniversary in a non-leap year is 28 February (clamping).
        ("2024-02-29", "2025-02-27", 0),
        ("2024-02-29", "2025-02-28", 1),
        ("2024-02-29", "2028-02-28", 3),  # 2028 is leap: the 4th anniversary is 29 February
        ("2024-02-29", "2028-02-29", 4),
        ("2023-12-31", "2024-12-30", 0),  # year end
        ("2023-12-31", "2024-12-31", 1),
    ],
)
def test_full_years_between(start, end, expected):
    assert full_years_between(start, end) == expected


@pytest.mark.parametrize(
    "helper",
    [started_months, calendar_months_touched, full_months_between, full_years_between],
)
def test_period_helpers_refuse_end_before_start(helper):
    with pytest.raises(InputError, match="before start"):
        helper("2024-02-15", "2024-02-14")


# --------------------------------------------------------------------------- semesters


@pytest.mark.parametrize(
    ("day", "start", "end", "label"),
    [
        ("2024-01-01", D(2024, 1, 1), D(2024, 6, 30), "2024-S1"),
        ("2024-06-30", D(2024, 1, 1), D(2024, 6, 30), "2024-S1"),
        ("2024-07-01", D(2024, 7, 1), D(2024, 12, 31), "2024-S2"),
        ("2024-12-31", D(2024, 7, 1), D(2024, 12, 31), "2024-S2"),
        ("2024-02-29", D(2024, 1, 1), D(2024, 6, 30), "2024-S1"),
    ],
)
def test_semester_start_end_label(day, start, end, label):
    assert semester_start(day) == start
    assert semester_end(day) == end
    assert semester_label(day) == label


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # Split at 1 July: 11 days in S1 (20-30 June) and 10 in S2 (1-10 July).
        (
            "2024-06-20",
            "2024-07-10",
            [(D(2024, 6, 20), D(2024, 6, 30)), (D(2024, 7, 1), D(2024, 7, 10))],
        ),
        # One day.
        ("2024-03-01", "2024-03-01", [(D(2024, 3, 1), D(2024, 3, 1))]),
        # Inside one semester.
        ("2024-07-01", "2024-12-31", [(D(2024, 7, 1), D(2024, 12, 31))]),
        # Last day of S1 and first of S2.
        (
            "2024-06-30",
            "2024-07-01",
            [(D(2024, 6, 30), D(2024, 6, 30)), (D(2024, 7, 1), D(2024, 7, 1))],
        ),
        # Year end: 31 December then 1 January.
        (
            "2024-12-31",
            "2025-01-01",
            [(D(2024, 12, 31), D(2024, 12, 31)), (D(2025, 1, 1), D(2025, 1, 1))],
        ),
        # Four semesters touched.
        (
            "2023-11-15",
            "2025-01-10",
            [
                (D(2023, 11, 15), D(2023, 12, 31)),
                (D(2024, 1, 1), D(2024, 6, 30)),
                (D(2024, 7, 1), D(2024, 12, 31)),
                (D(2025, 1, 1), D(2025, 1, 10)),
            ],
        ),
    ],
)
def test_semester_bounds_between(start, end, expected):
    assert semester_bounds_between(start, end) == expected


def test_semester_bounds_between_refuses_end_before_start():
    with pytest.raises(InputError, match="before start"):
        semester_bounds_between("2024-07-10", "2024-06-20")
