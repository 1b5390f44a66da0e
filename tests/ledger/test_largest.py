"""The largest items without sorting the whole ledger: ``largest(n)`` picks the rows whose
total reaches the n-th largest, then orders those; the same rows, in the same order, as the
first n of ``invoices`` (largest total first, then by row)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.ledger import ledger_claims, read_ledger

AS_OF = dt.date(2025, 6, 30)
HEADER = ["Fournisseur", "Échéance", "Montant TTC", "Date de paiement"]


def test_equal_totals_keep_the_row_order():
    # the statutory terms on 1 000,00 EUR: rows 2 and 4 both 30 days late at the same rate
    # owe the same; row 3, paid on time, owes nothing; row 5 is 60 days late and owes more
    table = pd.DataFrame([["Loi", "31/01/2024", "1 000,00", "01/03/2024"],
                          ["Loi", "31/01/2024", "1 000,00", "31/01/2024"],
                          ["Loi", "31/01/2024", "1 000,00", "01/03/2024"],
                          ["Loi", "31/01/2024", "1 000,00", "31/03/2024"]], columns=HEADER)
    result = ledger_claims(read_ledger(table), as_of=AS_OF)
    assert result.largest(3)["row"].tolist() == [5, 2, 4]
    assert result.largest(2)["row"].tolist() == [5, 2]
    assert result.invoices["row"].tolist() == [5, 2, 4, 3]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Loi", "Teogest", "JANQUOR", "ioSmart"]),
                          st.integers(0, 400), st.sampled_from([100_00, 250_00, 1_000_00]),
                          st.integers(0, 120)), min_size=1, max_size=30),
       st.integers(0, 35))
def test_largest_is_the_head_of_the_invoices(rows, n):
    start = dt.date(2023, 1, 1)
    table = pd.DataFrame(
        [(v, (start + dt.timedelta(days=d)).strftime("%d/%m/%Y"), f"{c // 100},{c % 100:02d}",
          (start + dt.timedelta(days=d + late)).strftime("%d/%m/%Y"))
         for v, d, c, late in rows], columns=HEADER)
    picked = ledger_claims(read_ledger(table), as_of=AS_OF).largest(n)
    whole = ledger_claims(read_ledger(table), as_of=AS_OF).invoices.head(n)
    pd.testing.assert_frame_equal(picked.reset_index(drop=True), whole.reset_index(drop=True))
