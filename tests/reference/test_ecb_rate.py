"""ECB MRO rate and the L441-10 II semester rate. Expected values are literals from the rows of
shared/data/ecb_main_refinancing_rate.csv and SOURCES.md section 3 (named in comments)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.reference import ecb_rate as ecb_module
from cgvlib.reference.ecb_rate import ecb_rate, ecb_rate_series, ecb_rate_table, ecb_semester_rate

CASES = [
    # 2023-08-02 4.25 and 2023-09-20 4.50: Banque de France policy rates table
    ("2023-09-19", "4.25"),
    ("2023-09-20", "4.50"),
    # 2025-04-23 2.40 (en.paperjam.lu ...) and 2025-06-11 2.15 (devizu.news; Bank of Slovenia)
    ("2025-06-10", "2.40"),
    ("2025-06-11", "2.15"),
    # holds confirmed up to 2026-06-11 (SOURCES.md §3 "Completeness after the last row")
    ("2026-06-11", "2.15"),
    # initial rate 1999-01-01 3.00 (Bank of Slovenia table)
    ("1999-01-01", "3.00"),
    # 2016-03-16 0.00 (Banque de France), until 2022-07-27 0.50
    ("2016-03-16", "0.00"),
    ("2022-07-26", "0.00"),
    ("2022-07-27", "0.50"),
    # 2003-06-06 2.00 held until 2005-12-06 2.25
    ("2005-12-05", "2.00"),
]


@pytest.mark.parametrize(("date", "percent"), CASES)
def test_rate_in_force(date, percent):
    result = ecb_rate(date)
    assert result.value == Decimal(percent)
    assert result.bp == int(Decimal(percent) * 100)
    assert result.assumed is False


def test_period_of_a_rate():
    result = ecb_rate("2023-09-19")
    # 4.25 from 2023-08-02, replaced by 4.50 on 2023-09-20
    assert (result.start, result.end) == (dt.date(2023, 8, 2), dt.date(2023, 9, 19))


def test_last_row_period_ends_at_complete_until():
    result = ecb_rate("2025-12-25")
    assert (result.start, result.end) == (dt.date(2025, 6, 11), dt.date(2026, 6, 11))
    assert "2026-06-11" in result.note


def test_after_complete_until_is_refused():
    # the June 2026 rise to 2.40 % has no confirmed effective date: must not be guessed
    with pytest.raises(OutOfCoverageError) as info:
        ecb_rate("2026-06-12")
    message = str(info.value)
    assert "2026-06-11" in message
    assert "1999-01-01" in message
    assert "ecb_main_refinancing_rate.csv" in message
    assert "complete_until" in message
    assert 'assume="last"' in message
    assert info.value.last_covered == dt.date(2026, 6, 11)


def test_before_first_row_is_refused():
    with pytest.raises(OutOfCoverageError, match="1999-01-01"):
        ecb_rate("1998-12-31")


def test_assume_last():
    result = ecb_rate("2026-06-12", assume="last")
    assert result.value == Decimal("2.15")
    assert result.assumed is True
    assert "carried forward past 2026-06-11" in result.note


def test_invalid_assume():
    with pytest.raises(InputError, match="None"):
        ecb_rate("2024-01-01", assume=True)


SEMESTER_CASES = [
    # rate in force on 2023-07-01: 4.00 since 2023-06-21 (4.25 only from 2023-08-02)
    ("2023-08-15", "4.00", "2023-07-01", "2023-12-31"),
    # rate in force on 2024-01-01: 4.50 since 2023-09-20
    ("2024-03-01", "4.50", "2024-01-01", "2024-06-30"),
    # rate in force on 2025-07-01: 2.15 since 2025-06-11
    ("2025-07-01", "2.15", "2025-07-01", "2025-12-31"),
    # rate in force on 2026-01-01: 2.15 (holds confirmed up to 2026-06-11)
    ("2026-01-15", "2.15", "2026-01-01", "2026-06-30"),
    ("2026-06-30", "2.15", "2026-01-01", "2026-06-30"),
    # rate in force on 2022-07-01: still 0.00 (the 0.50 applied from 2022-07-27)
    ("2022-12-31", "0.00", "2022-07-01", "2022-12-31"),
    # rate in force on 2023-01-01: 2.50 since 2022-12-21
    ("2023-06-30", "2.50", "2023-01-01", "2023-06-30"),
]


@pytest.mark.parametrize(("date", "percent", "start", "end"), SEMESTER_CASES)
def test_semester_rate(date, percent, start, end):
    result = ecb_semester_rate(date)
    assert result.value == Decimal(percent)
    assert (result.start, result.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert "L441-10" in result.series
    assert start in result.note


def test_semester_rate_differs_from_rate_in_force():
    # 2023-08-15: in force 4.25 (since 2023-08-02), but the semester takes 1 July's 4.00
    assert ecb_rate("2023-08-15").value == Decimal("4.25")
    assert ecb_semester_rate("2023-08-15").value == Decimal("4.00")


@pytest.mark.parametrize("date", ["2026-07-01", "2026-12-31"])
def test_semester_after_coverage_is_refused(date):
    with pytest.raises(OutOfCoverageError) as info:
        ecb_semester_rate(date)
    message = str(info.value)
    assert "2026-06-11" in message
    assert "2026-06-30" in message
    assert "2026-07-01" in message
    assert 'assume="last"' in message


def test_semester_assume_last():
    result = ecb_semester_rate("2026-08-01", assume="last")
    assert result.value == Decimal("2.15")
    assert result.assumed is True
    assert (result.start, result.end) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))


def test_semester_before_coverage_is_refused():
    with pytest.raises(OutOfCoverageError):
        ecb_semester_rate("1998-12-31")


def test_docstring_quotes_l441_10_ii():
    doc = " ".join(ecb_module.__doc__.split())
    assert (
        "le taux applicable pendant le premier semestre de l'année concernée est le taux en "
        "vigueur au 1er janvier de l'année en question. Pour le second semestre de l'année "
        "concernée, il est le taux en vigueur au 1er juillet de l'année en question."
    ) in doc


def test_series_and_table():
    series = ecb_rate_series()
    assert isinstance(series.index, pd.DatetimeIndex)
    assert len(series) == 60  # SOURCES.md §3: 60 rows
    assert series.index.is_monotonic_increasing
    assert series[pd.Timestamp("2023-09-20")] == 4.50
    assert series.iloc[-1] == 2.15
    table = ecb_rate_table()
    last = table.iloc[-1]
    assert last["effective"] == pd.Timestamp("2025-06-11")
    assert last["end"] == pd.Timestamp("2026-06-11")
    assert last["rate_bp"] == 215
