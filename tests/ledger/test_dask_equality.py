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
    return (result.invoices_in_memory()[COMPARED].sort_values("invoice")
            .reset_index(drop=True).astype({"unpaid": bool, "vendor": str}))


@pytest.fixture(scope="module")
def pandas_result():
    return ledger.ledger_claims(ledger.read_ledger(FIXTURE), as_of=AS_OF)


def _same(dask_result, pandas_result):
    assert (dask_result.rows_read, dask_result.accepted, dask_result.rejected_count) == (
        44, 44, 0)
    pd.testing.assert_frame_equal(_table(dask_result), _table(pandas_result),
                                  check_dtype=False)
    invoices = dask_result.invoices_in_memory()
    assert int(invoices["total_cents"].sum()) == TOTAL
    assert int(invoices["as_written_total_cents"].sum()) == AS_WRITTEN_TOTAL
    pd.testing.assert_frame_equal(dask_result.by_vendor.sort_index(),
                                  pandas_result.by_vendor.sort_index(), check_dtype=False)
    assert dask_result.total_cents == TOTAL


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


def _split_csv(folder: Path) -> Path:
    folder.mkdir()
    for i, part in enumerate(_parts(_cells())):
        part.to_csv(folder / f"grand_livre_{i}.csv", sep=";", index=False, encoding="utf-8-sig")
    return folder


def test_the_invoices_stay_partitioned_and_the_summaries_are_reduced(tmp_path):
    result = ledger.ledger_claims(ledger.read_ledger(_split_csv(tmp_path / "csv"),
                                                     engine="dask"), as_of=AS_OF)
    assert result.invoices.npartitions == 3  # one per file, never gathered by the summaries
    assert result.summaries is not None
    assert result.accepted == 44 and result.rows_read == 44


def test_the_largest_items_and_the_monthly_totals_are_the_same(tmp_path, pandas_result):
    result = ledger.ledger_claims(ledger.read_ledger(_split_csv(tmp_path / "csv"),
                                                     engine="dask"), as_of=AS_OF)
    shown = ["invoice", "vendor", "total_cents", "as_written_total_cents"]
    for n in (1, 5, 44):  # the files split at rows 17 and 32: the largest cross the files
        pd.testing.assert_frame_equal(
            result.largest(n)[shown].astype({"vendor": str}),
            pandas_result.largest(n)[shown].astype({"vendor": str}), check_dtype=False)
    # the largest item of the fixture, worked in test_hand_worked.py, leads both
    assert result.largest(1)["total_cents"].tolist() == [
        int(pandas_result.invoices["total_cents"].max())]
    pd.testing.assert_frame_equal(result.by_month, pandas_result.by_month, check_dtype=False)
    assert int(result.by_month["total_cents"].sum()) == TOTAL
    assert int(result.by_month["invoices"].sum()) == 44


def test_the_invoices_are_written_file_by_file(tmp_path, pandas_result):
    result = ledger.ledger_claims(ledger.read_ledger(_split_csv(tmp_path / "csv"),
                                                     engine="dask"), as_of=AS_OF)
    written = result.write_invoices(tmp_path / "out")
    assert sorted(p.name for p in written) == [
        "grand_livre_0_claims.parquet", "grand_livre_1_claims.parquet",
        "grand_livre_2_claims.parquet"]
    back = pd.concat([pd.read_parquet(p) for p in sorted(written)], ignore_index=True)
    assert len(back) == 44 and int(back["total_cents"].sum()) == TOTAL
    with pytest.raises(Exception, match="exists"):
        result.write_invoices(tmp_path / "out")


def test_the_command_writes_the_invoices_file_by_file(tmp_path, capsys):
    from cgvlib.cli import main

    folder = _split_csv(tmp_path / "livres")
    out = tmp_path / "out"
    assert main(["ledger", str(folder), "--engine", "dask", "--as-of", "30/06/2025",
                 "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "44 rows read, 44 accepted, 0 rejected" in printed
    written = sorted((out / "livres_claims").iterdir())
    assert [p.name for p in written] == [f"grand_livre_{i}_claims.parquet" for i in range(3)]
    back = pd.concat([pd.read_parquet(p) for p in written], ignore_index=True)
    assert int(back["total_cents"].sum()) == TOTAL
    sheets = pd.read_excel(out / "livres_claims.xlsx", sheet_name=None)
    assert len(sheets["invoices"]) == 44  # the largest items: here every one of the 44
