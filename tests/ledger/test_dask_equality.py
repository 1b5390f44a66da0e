"""The dask engine gives the same invoices and totals as pandas on the same data.

The hand-worked ledger (fixtures/grand_livre.csv, 44 invoices, figures in
test_hand_worked.py) is split into three files, as CSV and as Parquet, in a folder that
``read_ledger(folder, engine="dask")`` reads; pandas reads the whole file. Skipped when
dask or the ledger's dask engine is not installed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

pytest.importorskip("dask.dataframe", reason="dask is an optional extra (scale)")
ledger = pytest.importorskip("cgvlib.ledger", reason="the ledger package is not there yet")
pytest.importorskip("cgvlib.ledger.scale", reason="the ledger's dask engine is not there")

FIXTURE = Path(__file__).parent / "fixtures" / "grand_livre.csv"
AS_OF = dt.date(2025, 6, 30)
COMPARED = ["invoice", "vendor", "amount_cents", "unpaid", "days_late", "interest_cents",
            "indemnity_cents", "total_cents", "as_written_total_cents"]
TOTAL, AS_WRITTEN_TOTAL = 2_361_579, 2_327_074  # summed by hand in test_hand_worked.py


def _cells() -> pd.DataFrame:
    """The fixture's cells as text, nothing converted (the CSV as a spreadsheet shows it)."""
    return pd.read_csv(FIXTURE, sep=";", dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")


def _parts(frame: pd.DataFrame) -> list[pd.DataFrame]:
    return [frame.iloc[:15], frame.iloc[15:30], frame.iloc[30:]]


def _table(result) -> pd.DataFrame:
    return (result.invoices[COMPARED].sort_values("invoice").reset_index(drop=True)
            .astype({"unpaid": bool}))


@pytest.fixture(scope="module")
def pandas_result():
    return ledger.ledger_claims(ledger.read_ledger(FIXTURE), as_of=AS_OF)


def _same(dask_result, pandas_result):
    assert (dask_result.rows_read, dask_result.accepted, dask_result.rejected_count) == (
        44, 44, 0)
    pd.testing.assert_frame_equal(_table(dask_result), _table(pandas_result),
                                  check_dtype=False)
    assert int(dask_result.invoices["total_cents"].sum()) == TOTAL
    assert int(dask_result.invoices["as_written_total_cents"].sum()) == AS_WRITTEN_TOTAL
    pd.testing.assert_frame_equal(dask_result.by_vendor.sort_index(),
                                  pandas_result.by_vendor.sort_index(), check_dtype=False)


def test_a_folder_of_csv_files(tmp_path, pandas_result):
    folder = tmp_path / "csv"
    folder.mkdir()
    for i, part in enumerate(_parts(_cells())):
        part.to_csv(folder / f"grand_livre_{i}.csv", sep=";", index=False, encoding="utf-8-sig")
    result = ledger.ledger_claims(ledger.read_ledger(folder, engine="dask"), as_of=AS_OF)
    _same(result, pandas_result)


def test_a_glob_of_csv_files(tmp_path, pandas_result):
    for i, part in enumerate(_parts(_cells())):
        part.to_csv(tmp_path / f"livre_{i}.csv", sep=";", index=False, encoding="utf-8")
    result = ledger.ledger_claims(ledger.read_ledger(str(tmp_path / "livre_*.csv"),
                                                     engine="dask"), as_of=AS_OF)
    _same(result, pandas_result)


def test_a_folder_of_parquet_files(tmp_path, pandas_result):
    pytest.importorskip("pyarrow")
    folder = tmp_path / "parquet"
    folder.mkdir()
    for i, part in enumerate(_parts(_cells())):
        part.to_parquet(folder / f"grand_livre_{i}.parquet", index=False)
    result = ledger.ledger_claims(ledger.read_ledger(folder, engine="dask"), as_of=AS_OF)
    _same(result, pandas_result)
