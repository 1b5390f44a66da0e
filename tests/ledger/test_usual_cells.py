"""A CSV's usual cells are read straight from their bytes (cgvlib.ledger.usual_cells); every
other cell by the full readers. Both ways give the same cents, days and reasons: a column of
Arrow text (as a CSV is read) and the same cells as Python objects read alike."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.ledger.amounts import read_amounts
from cgvlib.ledger.day_cells import read_dates
from cgvlib.ledger.usual_cells import blank_cells, usual_dates, usual_french_amounts

MAX = 10_000_000_000  # 100 000 000,00 EUR in cents (cgvlib.money.MAX_AMOUNT_CENTS)


def test_usual_french_amounts_are_their_figures():
    cells = pa.array(["1 234,56", "1\u00a0234,56", "1\u202f234,56", "1234,56", "0,01",
                      "100 000 000,00", "100 000 000,01", "12 34,56", "1 234,5", "-5,00",
                      "1.234,56", "", None, "1 234,56 €"])
    cents, taken = usual_french_amounts(cells, MAX)
    # 1 234,56 EUR = 123 456 cents however the thousands are spaced; 100 000 000,01 is past
    # the largest amount; the rest are not the usual form (left for the full reader)
    assert cents.tolist() == [123_456] * 4 + [1, MAX] + [0] * 8
    assert taken.tolist() == [True] * 6 + [False] * 8


def test_usual_dates_are_calendar_days():
    cells = pa.array(["15/03/2024", "2024-03-15", "29/02/2024", "29/02/2023", "2024-02-30",
                      "15/03/0224", "31/12/2199", "01/01/2200", "1/3/2024", "15-03-2024", ""])
    days, taken = usual_dates(cells)
    assert taken.tolist() == [True, True, True, False, False, False, True, False, False,
                              False, False]
    assert [str(d) for d in days[taken]] == ["2024-03-15", "2024-03-15", "2024-02-29",
                                             "2199-12-31"]


def test_blank_cells():
    cells = pa.array(["a", "", " ", "\u00a0", "\t\r", None, " x", "\u3000", "é"])
    assert blank_cells(cells).tolist() == [False, True, True, True, True, True, False, True,
                                           False]


AMOUNT_TEXT = st.one_of(
    st.text(alphabet="0123456789 ,.-€\u00a0\u202f", max_size=16),
    st.integers(0, 2 * MAX).map(lambda c: f"{c // 100:,}".replace(",", " ") + f",{c % 100:02d}"),
    st.integers(0, 2 * MAX).map(lambda c: f"{c // 100}.{c % 100:02d}"))
DATE_TEXT = st.one_of(
    st.text(alphabet="0123456789/- ", min_size=8, max_size=11),
    st.dates(dt.date(1890, 1, 1), dt.date(2210, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates(dt.date(1890, 1, 1), dt.date(2210, 12, 31)).map(lambda d: d.isoformat()),
    st.sampled_from(["", "31/02/2024", "00/01/2024", "15 mars 2024", "2024-03-15 00:00:00"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(AMOUNT_TEXT, min_size=1, max_size=20))
def test_amounts_read_alike_from_arrow_text_and_from_objects(cells):
    arrow, objects = (read_amounts(pd.Series(cells, dtype=kind)) for kind in ("str", object))
    assert arrow[0].tolist() == objects[0].tolist()
    assert arrow[1].tolist() == objects[1].tolist()


@settings(max_examples=150, deadline=None)
@given(st.lists(DATE_TEXT, min_size=1, max_size=20))
def test_dates_read_alike_from_arrow_text_and_from_objects(cells):
    arrow, objects = (read_dates(pd.Series(cells, dtype=kind)) for kind in ("str", object))
    assert np.array_equal(arrow[0], objects[0], equal_nan=True)
    assert arrow[1].tolist() == objects[1].tolist()
