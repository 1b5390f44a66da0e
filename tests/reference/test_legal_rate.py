"""Legal interest rate lookups. Every expected value is a literal copied from the sources
named in the comments (shared/data/SOURCES.md, section 1 and 2), never computed by the code."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.reference.legal_rate import legal_rate, legal_rate_series, legal_rate_table

# (date, creditor, percent, semester start, semester end): SOURCES.md §1, arrêté table.
SEMESTER_CASES = [
    # Arrêté du 27 juin 2023, JORF n°0150 du 30 juin 2023: 4.22 / 6.82
    ("2023-09-15", "professional", "4.22", "2023-07-01", "2023-12-31"),
    ("2023-09-15", "consumer", "6.82", "2023-07-01", "2023-12-31"),
    # Arrêté du 23 décembre 2014, JO 27 déc. 2014: 0.93 / 4.06 (first semester regime day)
    ("2015-01-01", "professional", "0.93", "2015-01-01", "2015-06-30"),
    ("2015-06-30", "consumer", "4.06", "2015-01-01", "2015-06-30"),
    # Arrêté du 15 décembre 2025, JORF n°0302 du 26 déc. 2025: 2.62 / 6.67 (last covered day)
    ("2026-06-30", "professional", "2.62", "2026-01-01", "2026-06-30"),
    ("2026-01-01", "consumer", "6.67", "2026-01-01", "2026-06-30"),
    # Arrêté du 21 décembre 2023 (infonet.fr): 5.07 / 8.01
    ("2024-06-30", "professional", "5.07", "2024-01-01", "2024-06-30"),
    # Arrêté du 26 juin 2024 (bpifrance-creation.fr): 4.92 / 8.16
    ("2024-07-01", "professional", "4.92", "2024-07-01", "2024-12-31"),
    # Arrêté du 19 juin 2025, JO 24 juin 2025: 2.76 / 6.65
    ("2025-12-31", "professional", "2.76", "2025-07-01", "2025-12-31"),
    # Arrêté du 26 décembre 2022: 2.06 / 4.47 (the jump from 0.77 in 2022-S2)
    ("2023-01-01", "professional", "2.06", "2023-01-01", "2023-06-30"),
    ("2022-12-31", "professional", "0.77", "2022-07-01", "2022-12-31"),
]


@pytest.mark.parametrize(("date", "creditor", "percent", "start", "end"), SEMESTER_CASES)
def test_semester_values(date, creditor, percent, start, end):
    result = legal_rate(date, creditor)
    assert result.value == Decimal(percent)
    assert result.bp == int(Decimal(percent) * 100)
    assert (result.start, result.end) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    assert result.assumed is False


def test_default_creditor_is_professional():
    assert legal_rate("2023-09-15").value == Decimal("4.22")  # arrêté du 27 juin 2023


def test_result_shows_its_working():
    result = legal_rate("2023-09-15")
    assert result.bp == 422
    assert float(result) == 4.22
    assert "Arrêté du 27 juin 2023" in result.source
    text = str(result)
    assert text.startswith(
        "4.22 % (legal interest rate, professional creditors, 2023-07-01..2023-12-31; "
        "Arrêté du 27 juin 2023"
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.value = Decimal("1")  # type: ignore[misc]


@pytest.mark.parametrize(
    "date",
    [dt.date(2023, 9, 15), dt.datetime(2023, 9, 15, 23, 59), pd.Timestamp("2023-09-15")],
)
def test_accepts_date_types(date):
    assert legal_rate(date).value == Decimal("4.22")


# Annual regime, SOURCES.md §2 (LexisNexis table): 2010 0.65 (décret n° 2010-127),
# 2005 2.05 (décret n° 2005-130), 2014 0.04 (décret n° 2014-98).
@pytest.mark.parametrize(
    ("date", "percent"),
    [
        ("2010-05-05", "0.65"),
        ("2005-01-01", "2.05"),
        ("2014-12-31", "0.04"),
        ("2008-02-29", "3.99"),
    ],
)
@pytest.mark.parametrize("creditor", ["professional", "consumer"])
def test_annual_regime_same_for_both_creditors(date, percent, creditor):
    result = legal_rate(date, creditor)
    assert result.value == Decimal(percent)
    year = int(date[:4])
    assert (result.start, result.end) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    assert "every creditor" in result.note
    assert "Décret" in result.source


def test_after_last_semester_is_refused():
    with pytest.raises(OutOfCoverageError) as info:
        legal_rate("2026-07-01")  # 2026-S2 (candidate 2.75 %) is not confirmed
    message = str(info.value)
    assert "2026-06-30" in message  # last covered day
    assert "2005-01-01" in message  # first covered day
    assert "fr_legal_interest_rate.csv" in message
    assert "add one row" in message
    assert 'assume="last"' in message
    assert "legal interest rate, professional creditors" in message
    assert info.value.last_covered == dt.date(2026, 6, 30)


def test_consumer_after_last_semester_is_refused():
    with pytest.raises(OutOfCoverageError, match="2026-06-30"):
        legal_rate("2027-01-01", "consumer")


def test_before_2005_is_refused():
    with pytest.raises(OutOfCoverageError) as info:
        legal_rate("2004-12-31")
    assert "2005-01-01" in str(info.value)
    assert "before the first covered date" in str(info.value)


def test_before_2005_is_refused_even_with_assume_last():
    with pytest.raises(OutOfCoverageError):
        legal_rate("2004-06-30", assume="last")


def test_assume_last_carries_the_last_semester_forward():
    result = legal_rate("2026-09-01", assume="last")
    assert result.value == Decimal("2.62")  # 2026-S1 value, arrêté du 15 décembre 2025
    assert result.assumed is True
    assert "carried forward past 2026-06-30" in result.note
    assert (result.start, result.end) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert "ASSUMED" in str(result)


def test_assume_last_inside_coverage_changes_nothing():
    result = legal_rate("2023-09-15", assume="last")
    assert result.value == Decimal("4.22")
    assert result.assumed is False


def test_invalid_creditor_lists_the_valid_ones():
    with pytest.raises(InputError) as info:
        legal_rate("2023-09-15", "b2b")
    assert "'professional'" in str(info.value)
    assert "'consumer'" in str(info.value)


def test_invalid_assume_lists_the_valid_ones():
    with pytest.raises(InputError) as info:
        legal_rate("2023-09-15", assume="previous")
    assert "None" in str(info.value)
    assert '"last"' in str(info.value)


def test_invalid_date():
    with pytest.raises(InputError):
        legal_rate("2023/09/15")


def test_three_times_the_rate_matches_published_penalty_floors():
    # Published "3 x taux légal" floors (SOURCES.md §1): 2016-S1 3.03 (etrepaye.fr),
    # 2018-S1 2.67 (ficime.com), 2023-S2 12.66 (capeb09.fr), 2024-S2 14.76 (avencia-eca.fr),
    # 2025-S2 8.28 (legifiscal.fr), 2026-S1 7.86 (legifiscal.fr, adecia.fr).
    floors = {
        "2016-03-01": 303,
        "2018-03-01": 267,
        "2023-09-01": 1266,
        "2024-09-01": 1476,
        "2025-09-01": 828,
        "2026-03-01": 786,
    }
    for date, floor_bp in floors.items():
        assert 3 * legal_rate(date).bp == floor_bp, date


def test_series_for_plotting():
    series = legal_rate_series()
    assert isinstance(series.index, pd.DatetimeIndex)
    assert len(series) == 23  # 2015-S1 .. 2026-S1, SOURCES.md §1 "23 rows"
    assert series.iloc[0] == 0.93
    assert series[pd.Timestamp("2023-07-01")] == 4.22
    assert series.iloc[-1] == 2.62
    assert legal_rate_series("consumer")[pd.Timestamp("2023-07-01")] == 6.82
    with pytest.raises(InputError):
        legal_rate_series("b2b")


def test_table():
    table = legal_rate_table()
    assert list(table.columns[:5]) == ["start", "end", "professional", "consumer", "source"]
    row = table[table["start"] == pd.Timestamp("2024-01-01")].iloc[0]
    assert (row["professional"], row["consumer"]) == (5.07, 8.01)  # arrêté du 21 déc. 2023
    assert (row["professional_bp"], row["consumer_bp"]) == (507, 801)
    assert row["end"] == pd.Timestamp("2024-06-30")
