from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from cgvlib.dates import as_date, as_month
from cgvlib.errors import InputError


def test_as_date_accepts_dates_strings_and_timestamps():
    assert as_date("2024-02-29") == dt.date(2024, 2, 29)
    assert as_date(dt.datetime(2024, 2, 29, 13, 5)) == dt.date(2024, 2, 29)
    assert as_date(pd.Timestamp("2024-02-29")) == dt.date(2024, 2, 29)


@pytest.mark.parametrize("bad", ["2023-02-29", "29/02/2023", 20240229, None, pd.NaT])
def test_as_date_refuses_with_the_argument_name(bad):
    with pytest.raises(InputError, match="paid"):
        as_date(bad, "paid")


def test_as_month():
    assert as_month("2022-08") == dt.date(2022, 8, 1)
    assert as_month(pd.Period("2022-08", "M")) == dt.date(2022, 8, 1)
    assert as_month("2022-08-17") == dt.date(2022, 8, 1)
    with pytest.raises(InputError):
        as_month("2022-13")


# --- the first of the month in French prose -----------------------------------------------------


@pytest.mark.parametrize(("day", "length", "lang", "shown"), [
    # French writes the first of the month as the ordinal « 1er » (premier), every other day
    # as a cardinal; English (en_GB) writes 1 as it writes 2
    (dt.date(2025, 1, 1), "long", "fr", "1er janvier 2025"),
    (dt.date(2025, 1, 2), "long", "fr", "2 janvier 2025"),
    (dt.date(2025, 1, 11), "long", "fr", "11 janvier 2025"),  # not 11er
    (dt.date(2025, 1, 21), "long", "fr", "21 janvier 2025"),
    (dt.date(2024, 3, 1), "medium", "fr", "1er mars 2024"),  # « mars » has no abbreviation
    (dt.date(2024, 2, 1), "medium", "fr", "1er févr. 2024"),
    (dt.date(2025, 1, 1), "full", "fr", "mercredi 1er janvier 2025"),  # 1 January 2025: Wed
    (dt.date(2025, 1, 1), "short", "fr", "01/01/2025"),  # figures: no ordinal
    (dt.date(2025, 1, 1), "MMMM y", "fr", "janvier 2025"),  # no day at all
    (dt.date(2025, 1, 1), "long", "en", "1 January 2025"),
    (dt.date(2025, 1, 1), "medium", "en", "1 Jan 2025"),
])
def test_format_date_writes_the_first_of_the_month_1er_in_french(day, length, lang, shown):
    from cgvlib.dates import format_date

    assert format_date(day, lang, length=length) == shown


def test_a_date_written_1er_reads_back():
    from cgvlib.dates import format_date

    assert as_date(format_date(dt.date(2025, 1, 1), "fr")) == dt.date(2025, 1, 1)
    assert as_date(format_date(dt.date(2024, 2, 1), "fr", length="medium")) == dt.date(2024, 2, 1)
