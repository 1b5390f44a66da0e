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
