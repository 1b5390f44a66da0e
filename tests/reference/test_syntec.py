"""Syntec index lookups, publication dates and the 2022 chaining. Expected values are literals
from shared/data/syntec_index.csv, SOURCES.md section 4 and syntec_revision_2022.md."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest

from cgvlib import paths
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.reference import syntec as syntec_module
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.syntec import (
    SyntecValue,
    load_syntec,
    syntec,
    syntec_last_published,
    syntec_ratio,
    syntec_series,
    syntec_table,
)


def test_first_revised_value():
    # Le Moniteur; SVP: August 2022 = 280.6, first revised value, published 30 September 2022
    result = syntec("2022-08")
    assert isinstance(result, SyntecValue)
    assert result.value == Decimal("280.6")
    assert result.series == "revised"
    assert result.bp is None
    assert result.published == dt.date(2022, 9, 30)
    assert result.published_assumed is False
    assert (result.start, result.end) == (dt.date(2022, 8, 1), dt.date(2022, 8, 31))


def test_old_value_with_assumed_publication():
    # juristique.org 2013-2021 table: December 2021 = 277.3 (old index), no publication date
    result = syntec("2021-12")
    assert result.value == Decimal("277.3")
    assert result.series == "old"
    assert result.published == dt.date(2022, 1, 31)  # last day of the following month
    assert result.published_assumed is True
    assert "assumed published 2022-01-31" in str(result)


def test_last_row():
    # juristique.org/en/news/syntec-index-october-2025: October 2025 = 322.2, published 2025-11-28
    result = syntec("2025-10")
    assert result.value == Decimal("322.2")
    assert result.published == dt.date(2025, 11, 28)
    assert result.published_assumed is False
    assert str(result).startswith("322.2 points (Syntec index, revised series, 2025-10")
    assert float(result) == 322.2


@pytest.mark.parametrize(
    ("month", "value"),
    [
        (pd.Period("2023-05", freq="M"), "302.7"),  # salaire-minimum.com; svp.com
        (dt.date(2023, 9, 17), "306.0"),  # salaire-minimum.com; juristique
        ("2020-03", "275.3"),  # recalculated value (syntec.fr), not the frozen 274.7
        ("2015-01", "246.7"),  # first row, juristique 2013-2021 table
        ("2024-01", "310.5"),  # Weblex table via rbb-paris.com
    ],
)
def test_month_inputs_and_values(month, value):
    assert syntec(month).value == Decimal(value)


def test_gap_is_refused_as_a_gap():
    with pytest.raises(OutOfCoverageError) as info:
        syntec("2024-06")  # SOURCES.md: 2024-06 missing inside the range
    message = str(info.value)
    assert "2024-06" in message
    assert "gap" in message
    assert "not after its end" in message
    assert "syntec_index.csv" in message
    assert "2024-06,<value>,revised" in message


def test_old_gap_row_template_says_old():
    with pytest.raises(OutOfCoverageError, match="2022-03,<value>,old"):
        syntec("2022-03")


def test_after_end_is_refused():
    with pytest.raises(OutOfCoverageError) as info:
        syntec("2025-11")
    message = str(info.value)
    assert "after the last covered date" in message
    assert "2025-10" in message
    assert "2015-01" in message
    assert "gap" not in message


def test_before_start_is_refused():
    with pytest.raises(OutOfCoverageError, match="2015-01"):
        syntec("2014-12")


def test_bad_month():
    with pytest.raises(InputError):
        syntec("2024-13")


@pytest.mark.parametrize(
    ("at_date", "month", "value", "published"),
    [
        # October 2025 published 2025-11-28; November 2025 not before 2025-12-31 (assumed)
        ("2025-12-01", "2025-10", "322.2", "2025-11-28"),
        ("2025-12-30", "2025-10", "322.2", "2025-11-28"),
        ("2025-11-28", "2025-10", "322.2", "2025-11-28"),
        # May 2023 = 302.7 published 30/06/2023 (salaire-minimum.com; svp.com)
        ("2023-06-30", "2023-05", "302.7", "2023-06-30"),
        # the day before: April 2023 = 301.9, published 2023-05-31
        ("2023-06-29", "2023-04", "301.9", "2023-05-31"),
        # Sep 2024 = 314.5 published 2024-10-31; Oct 2024 has no date, assumed 2024-11-30
        ("2024-11-05", "2024-09", "314.5", "2024-10-31"),
        # Jan 2025 = 315.2 published 2025-02-28 (juristique Jan 2025 article)
        ("2025-03-15", "2025-01", "315.2", "2025-02-28"),
    ],
)
def test_last_published(at_date, month, value, published):
    result = syntec_last_published(at_date)
    assert result.month == month
    assert result.value == Decimal(value)
    assert result.published == dt.date.fromisoformat(published)
    assert at_date in result.note


def test_last_published_with_assumed_date():
    # Oct 2024 = 315.0 has no publication date: assumed 2024-11-30
    result = syntec_last_published("2024-11-30")
    assert (result.month, result.value) == ("2024-10", Decimal("315.0"))
    assert result.published_assumed is True


def test_last_published_gap_names_the_missing_month():
    # on 2025-10-15 the latest month out is 2025-08 (assumed published 2025-09-30), a gap;
    # 2025-09 is assumed published only on 2025-10-31. Never fall back to 2025-01.
    with pytest.raises(OutOfCoverageError) as info:
        syntec_last_published("2025-10-15")
    assert "2025-08" in str(info.value)
    assert "gap" in str(info.value)


def test_last_published_after_coverage():
    with pytest.raises(OutOfCoverageError) as info:
        syntec_last_published("2025-12-31")
    message = str(info.value)
    assert "2025-12-30" in message
    assert "2025-11" in message


def test_last_published_before_coverage():
    # the first row, 2015-01, is assumed published on 2015-02-28
    with pytest.raises(OutOfCoverageError, match="2015-02-28"):
        syntec_last_published("2015-02-27")


def test_ratio_across_the_revision():
    # S1 old 2021-12 = 277.3, S2 revised 2023-01 = 293.9, k = 0.97975 (Syntec / SVP)
    expected = Fraction(2939, 10) / (Fraction(2773, 10) * Fraction(97975, 100000))
    assert syntec_ratio(syntec("2023-01"), syntec("2021-12")) == expected
    assert syntec_ratio("2023-01", "2021-12") == expected
    assert isinstance(syntec_ratio("2023-01", "2021-12"), Fraction)


def test_ratio_within_one_series():
    # revised: 2023-05 302.7 / 2023-01 293.9; old: 2021-12 277.3 / 2015-01 246.7
    assert syntec_ratio("2023-05", "2023-01") == Fraction(3027, 2939)
    assert syntec_ratio("2021-12", "2015-01") == Fraction(2773, 2467)


def test_ratio_revised_base_old_new_is_refused():
    with pytest.raises(InputError, match="revised"):
        syntec_ratio(syntec("2021-12"), syntec("2023-01"))


def test_ratio_refuses_a_rate():
    with pytest.raises(InputError):
        syntec_ratio(legal_rate("2023-09-15"), syntec("2023-01"))


def test_revision_info_from_yaml():
    info = syntec_module.SYNTEC_REVISION
    assert info.coefficient == Decimal("0.97975")
    assert info.coefficient_fraction == Fraction(97975, 100000)
    assert info.first_revised_month == dt.date(2022, 8, 1)
    assert info.last_old_month == dt.date(2022, 7, 1)
    assert "coefficient de raccord" in info.quote
    assert "0,97975 (280,6 / 286,4)" in info.quote
    assert "286.4" in info.open_question
    assert all(url.startswith("https://") for _, url in info.sources)


def test_coefficient_is_not_written_in_code():
    source = Path(syntec_module.__file__).read_text(encoding="utf-8")
    assert "0.97975" not in source
    assert "97975" not in source.replace("0,97975", "")


def test_coefficient_comes_from_the_yaml(tmp_path, monkeypatch):
    rates = tmp_path / "rates"
    shutil.copytree(paths.rates_dir(), rates)
    yaml_path = rates / "syntec_revision_2022.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    text = text.replace('coefficient: "0.97975"', 'coefficient: "0.98009"')
    text = text.replace('coefficient_denominator: "286.4"', 'coefficient_denominator: "286.3"')
    yaml_path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("CGVLIB_DATA", str(tmp_path))
    expected = Fraction(2939, 10) / (Fraction(2773, 10) * Fraction(98009, 100000))
    assert syntec_ratio("2023-01", "2021-12") == expected


def test_table():
    table = syntec_table()
    assert isinstance(table.index, pd.PeriodIndex)
    assert table.index.freqstr == "M"
    assert list(table.columns) == ["value", "series", "published", "published_assumed", "source"]
    assert len(table) == 108  # SOURCES.md §4: 108 rows
    assert (~table["published_assumed"]).sum() == 20  # publication date known for 20 rows
    row = table.loc[pd.Period("2025-10", freq="M")]
    assert (row["value"], row["series"]) == (322.2, "revised")
    assert row["published"] == pd.Timestamp("2025-11-28")


def test_series_has_nan_in_gaps():
    series = syntec_series()
    assert series[pd.Period("2024-05", freq="M")] == 313.3
    assert series.isna()[pd.Period("2024-06", freq="M")]
    assert syntec_series("old").last_valid_index() == pd.Period("2021-12", freq="M")
    assert syntec_series("revised").first_valid_index() == pd.Period("2022-08", freq="M")


def test_gaps_are_the_22_listed_months():
    # SOURCES.md §4 Coverage: 2022-01..07, 2022-09..12, 2023-12, 2024-06, 2024-07, 2024-11,
    # 2025-02..08. Update this list when a missing month is added.
    expected = (
        [f"2022-{m:02d}" for m in range(1, 8)]
        + [f"2022-{m:02d}" for m in range(9, 13)]
        + ["2023-12", "2024-06", "2024-07", "2024-11"]
        + [f"2025-{m:02d}" for m in range(2, 9)]
    )
    assert len(expected) == 22
    assert [g.strftime("%Y-%m") for g in load_syntec().gaps()] == expected
