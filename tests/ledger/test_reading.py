"""Reading a ledger: files and their forms, headers, amounts, dates, vendor names, and every
row accounted for (accepted + rejected == rows read).

Expected values are read off the cells by hand (``1 234,56`` is 123,456 cents); the row
numbers are those a spreadsheet shows (header row 1, first data row 2).
"""

from __future__ import annotations

import datetime as dt
import shutil

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.errors import InputError
from cgvlib.ledger import Ledger, read_ledger
from cgvlib.ledger.amounts import read_amounts
from cgvlib.ledger.day_cells import read_dates
from cgvlib.ledger.headers import basis_of, match_columns, plain
from cgvlib.ledger.read import read_upload
from tests.conftest import ROOT

ATELIER = ROOT / "tests" / "fixtures" / "atelier"  # an own vendor file and its text
HEADER = "Fournisseur;N° de facture;Date de facture;Échéance;Montant TTC;Date de paiement"


def write(tmp_path, lines, name="livre.csv", encoding="utf-8", newline="\n"):
    path = tmp_path / name
    path.write_bytes(newline.join(lines).encode(encoding))
    return path


# --------------------------------------------------------------------------- files


def test_a_french_csv_read_row_by_row(tmp_path):
    path = write(tmp_path, [HEADER,
                            "Teogest;F-1;15/01/2024;14/02/2024;1 234,56;20/03/2024",
                            "ioSmart;IO-2;1 mars 2024;2024-03-31;980,5 €;", ""])
    got = read_ledger(path)
    assert isinstance(got, Ledger)
    assert (got.rows_read, len(got.frame), len(got.rejected)) == (2, 2, 0)
    assert got.amount_basis == "TTC"
    assert got.frame["row"].tolist() == [2, 3]
    assert got.frame["vendor"].tolist() == ["teogest", "iosmart"]
    assert got.frame["amount_cents"].tolist() == [123_456, 98_050]
    assert got.frame["invoice"].tolist() == ["F-1", "IO-2"]
    assert got.frame["invoice_date"].tolist() == [pd.Timestamp("2024-01-15"),
                                                  pd.Timestamp("2024-03-01")]
    assert got.frame["due"].tolist() == [pd.Timestamp("2024-02-14"), pd.Timestamp("2024-03-31")]
    assert got.frame["paid"].iloc[0] == pd.Timestamp("2024-03-20")
    assert pd.isna(got.frame["paid"].iloc[1])  # empty: unpaid


@pytest.mark.parametrize("sep", [";", ",", "\t"])
def test_the_separator_is_found_from_the_header(tmp_path, sep):
    lines = [sep.join(["Vendor", "Due date", "Amount excl. VAT"]),
             sep.join(["Teogest", "2024-02-14", "1234.56"])]
    got = read_ledger(write(tmp_path, lines))
    assert got.frame["amount_cents"].tolist() == [123_456]
    assert got.amount_basis == "HT"


def test_a_byte_order_mark_and_windows_line_ends_are_fine(tmp_path):
    path = tmp_path / "bom.csv"
    text = "\r\n".join([HEADER, "Teogest;F-1;15/01/2024;14/02/2024;10,00;"]) + "\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    got = read_ledger(path)
    assert got.columns["vendor"] == "Fournisseur"  # the BOM is not part of the header
    assert got.frame["amount_cents"].tolist() == [1000]


def test_a_windows_1252_file_is_refused_naming_the_encoding(tmp_path):
    path = write(tmp_path, [HEADER, "Teogest;F-1;15/01/2024;14/02/2024;10,00;"],
                 encoding="cp1252")
    with pytest.raises(InputError, match=r"not UTF-8 .*Windows-1252.*CSV UTF-8"):
        read_ledger(path)


def test_empty_lines_at_the_end_are_not_rows_but_one_among_the_rows_is(tmp_path):
    path = write(tmp_path, [HEADER, "Teogest;F-1;15/01/2024;14/02/2024;10,00;", ";;;;;",
                            "Teogest;F-2;15/01/2024;14/02/2024;20,00;", "", ";;;;;", "  ", ""])
    got = read_ledger(path, lang="en")
    assert got.rows_read == 3
    assert got.frame["row"].tolist() == [2, 4]
    assert got.rejected.to_dict("records") == [
        {"row": 3, "column": "", "value": "", "reason": "empty line"}]


def test_an_xlsx_with_date_cells_serial_numbers_and_number_cells(tmp_path):
    frame = pd.DataFrame({
        "Fournisseur": ["Teogest", "JANQUOR"],
        "Date de facture": [dt.datetime(2024, 1, 15), dt.datetime(2024, 1, 10)],
        "Échéance": [dt.datetime(2024, 2, 14), 45366],  # Excel serial 45366 = 2024-03-15
        "Montant HT": [1234.56, "2 000,00"],
    })
    path = tmp_path / "livre.xlsx"
    frame.to_excel(path, index=False)
    got = read_ledger(path)
    assert got.frame["due"].tolist() == [pd.Timestamp("2024-02-14"), pd.Timestamp("2024-03-15")]
    assert got.frame["amount_cents"].tolist() == [123_456, 200_000]
    assert got.amount_basis == "HT"


def test_a_parquet_file_with_typed_columns(tmp_path):
    frame = pd.DataFrame({"Vendor": ["ioSmart"], "Due": pd.to_datetime(["2024-03-31"]),
                          "Amount": [99.9], "Paid": pd.to_datetime([None])})
    path = tmp_path / "livre.parquet"
    frame.to_parquet(path)
    got = read_ledger(path, amount_basis="ttc")
    assert got.frame["amount_cents"].tolist() == [9_990]
    assert got.amount_basis == "TTC"
    assert pd.isna(got.frame["paid"].iloc[0])


def test_a_dataframe_and_an_upload_read_as_the_file(tmp_path):
    lines = [HEADER, "Teogest;F-1;15/01/2024;14/02/2024;1 234,56;20/03/2024"]
    path = write(tmp_path, lines)
    cells = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    from_frame = read_ledger(cells)
    from_bytes = read_upload("livre.csv", path.read_bytes())
    from_file = read_ledger(path)
    pd.testing.assert_frame_equal(from_frame.frame, from_file.frame)
    pd.testing.assert_frame_equal(from_bytes.frame, from_file.frame)
    assert from_frame.source == "DataFrame" and from_bytes.source == "livre.csv"


@pytest.mark.parametrize(("name", "message"), [
    ("absent.csv", "no such file"),
    ("livre.pdf", r"\.csv, \.txt, \.xlsx or \.parquet"),
])
def test_a_path_that_is_no_ledger_is_refused(tmp_path, name, message):
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF")
    with pytest.raises(InputError, match=message):
        read_ledger(tmp_path / name)


# --------------------------------------------------------------------------- headers


def test_headers_compare_without_case_accents_spaces_or_punctuation():
    assert plain("N° de facture") == "nodefacture"
    assert plain("DATE D'ÉCHÉANCE") == plain("date d echeance") == "datedecheance"
    found = match_columns(["FOURNISSEUR", "date d'echeance", "Montant  TTC", "Réglée le",
                           "Numéro de facture"], None, "x")
    assert found == {"vendor": "FOURNISSEUR", "due": "date d'echeance", "amount": "Montant  TTC",
                     "paid": "Réglée le", "invoice": "Numéro de facture"}


@pytest.mark.parametrize(("header", "basis"), [
    ("Montant HT", "HT"), ("Montant TTC", "TTC"), ("Amount excl. VAT", "HT"),
    ("Amount incl. VAT", "TTC"), ("Montant hors taxes", "HT"), ("Montant", None),
    ("Amount", None)])
def test_the_amount_header_says_ht_or_ttc(header, basis):
    assert basis_of(header) == basis


def test_a_ledger_without_basis_asks_for_it(tmp_path):
    path = write(tmp_path, ["Fournisseur;Échéance;Montant", "Teogest;14/02/2024;10,00"])
    with pytest.raises(InputError, match="does not say HT or TTC; give --amount-basis"):
        read_ledger(path)
    assert read_ledger(path, amount_basis="HT").amount_basis == "HT"


def test_a_basis_against_the_header_is_refused(tmp_path):
    path = write(tmp_path, ["Fournisseur;Échéance;Montant HT", "Teogest;14/02/2024;10,00"])
    with pytest.raises(InputError, match="says HT, but amount_basis is TTC"):
        read_ledger(path, amount_basis="TTC")


def test_unusual_headers_are_named_by_columns(tmp_path):
    path = write(tmp_path, ["Société;Date limite;Total", "Teogest;14/02/2024;10,00"])
    with pytest.raises(InputError, match=r"no vendor column found; its headers: 'Société', "
                                         r"'Date limite', 'Total'; usual names: Fournisseur"):
        read_ledger(path, amount_basis="TTC")
    got = read_ledger(path, columns={"vendor": "Société", "due": "Date limite",
                                     "amount": "Total"}, amount_basis="TTC")
    assert got.frame["due"].tolist() == [pd.Timestamp("2024-02-14")]
    with pytest.raises(InputError, match="no column 'Echeance' in the file"):
        read_ledger(path, columns={"due": "Echeance"})
    with pytest.raises(InputError, match="'deadline' is not a ledger column"):
        read_ledger(path, columns={"deadline": "Date limite"})


def test_two_columns_that_could_be_the_same_one_are_refused(tmp_path):
    path = write(tmp_path, ["Fournisseur;Tiers;Échéance;Montant HT",
                            "Teogest;Teogest;14/02/2024;10,00"])
    with pytest.raises(InputError, match="could both be the vendor column"):
        read_ledger(path)


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(("cells", "cents"), [
    # French: grouped by spaces (plain, no-break, narrow no-break), decimal comma, euro sign
    (["1 234,56", "1234,56", "1 234,56 €", "1\u202f234,56\u00a0€", "12 EUR"],
     [123_456, 123_456, 123_456, 123_456, 1_200]),
    # English: grouped by commas, decimal point
    (["1234.56", "1,234.56", "1,500"], [123_456, 123_456, 150_000]),
    # the column is French (a decimal comma elsewhere): 1,500 is 1.50 EUR
    (["1,500", "2,50"], [150, 250]),
])
def test_amounts_in_french_and_english_forms(cells, cents):
    got, reasons = read_amounts(pd.Series(cells))
    assert got.tolist() == cents
    assert reasons.tolist() == [""] * len(cells)


@pytest.mark.parametrize(("cell", "reason"), [
    ("", "amount_missing"), ("abc", "amount_not_a_number"), ("-10,00", "amount_negative"),
    ("\u221210,00", "amount_negative"), ("10,005", "amount_fraction"),
    ("1 234,56,7", "amount_not_a_number"), ("100 000 000,01", "amount_too_large"),
    ("123 456 789 012,00", "amount_too_large"), ("1e3", "amount_not_a_number"),
])
def test_amounts_refused_with_their_reason(cell, reason):
    _, reasons = read_amounts(pd.Series([cell, "1,50"]))
    assert reasons.tolist() == [reason, ""]


def test_a_lone_comma_group_is_ambiguous_when_the_column_does_not_say():
    # 1,500 and 1.500: 1 500 EUR or 1.50 EUR? Nothing else in the column says.
    _, reasons = read_amounts(pd.Series(["1,500", "1.500", "20"]))
    assert reasons.tolist() == ["amount_ambiguous", "amount_ambiguous", ""]


def test_typed_numbers_are_euros_with_at_most_two_decimals():
    cents, reasons = read_amounts(pd.Series([12.5, 0.1 + 0.2, 12.345, np.nan, -1.0, 1e9]))
    assert cents[:2].tolist() == [1_250, 30]
    assert reasons.tolist() == ["", "", "amount_fraction", "amount_missing", "amount_negative",
                                "amount_too_large"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10_000_000_000), min_size=1, max_size=20))
def test_french_written_cents_read_back_exactly(cents):
    cells = [f"{c // 100:,}".replace(",", "\u202f") + f",{c % 100:02d} €" for c in cents]
    got, reasons = read_amounts(pd.Series(cells))
    assert got.tolist() == cents and set(reasons) == {""}


# --------------------------------------------------------------------------- dates


def test_dates_in_every_accepted_form_and_refused_ones():
    days, reasons = read_dates(pd.Series([
        "15/03/2024", "5/3/2024", "15 mars 2024", "1er août 2024", "2024-03-15",
        "2024-03-15 00:00:00", "31/02/2024", "2023-02-29", "15-03-2024", "15/03/24", "", None]))
    assert days[:6].tolist() == [dt.date(2024, 3, 15), dt.date(2024, 3, 5),
                                 dt.date(2024, 3, 15), dt.date(2024, 8, 1),
                                 dt.date(2024, 3, 15), dt.date(2024, 3, 15)]
    assert reasons.tolist() == [""] * 6 + ["date_impossible", "date_impossible",
                                           "date_not_a_date", "date_not_a_date",
                                           "date_missing", "date_missing"]


# --------------------------------------------------------------------------- vendors and rows


def test_vendor_names_ids_and_the_law(tmp_path):
    names = ["Teogest", "TEOGEST", "téogest", "Leappy", "Leappy SAS", "michael gout", "iosmart",
             "Loi", "L441-10", "statutory", "L. 441-10"]
    lines = [HEADER] + [f"{n};F{i};15/01/2024;14/02/2024;10,00;" for i, n in enumerate(names)]
    got = read_ledger(write(tmp_path, lines))
    assert got.frame["vendor"].tolist() == ["teogest"] * 3 + ["leappy"] * 2 + [
        "gout", "iosmart"] + ["statutory"] * 4


def test_an_unknown_vendor_is_rejected_with_the_closest_name(tmp_path):
    lines = [HEADER, "Teogets;F1;15/01/2024;14/02/2024;10,00;",
             "Zyx Conseil;F2;15/01/2024;14/02/2024;10,00;",
             ";F3;15/01/2024;14/02/2024;10,00;"]
    got = read_ledger(write(tmp_path, lines), lang="fr")
    rows = got.rejected.to_dict("records")
    assert [(r["row"], r["column"], r["value"]) for r in rows] == [
        (2, "Fournisseur", "Teogets"), (3, "Fournisseur", "Zyx Conseil"), (4, "Fournisseur", "")]
    assert rows[0]["reason"].startswith("fournisseur inconnu ; le plus proche connu est Teogest")
    assert "fournisseurs connus : " in rows[1]["reason"] and "JANQUOR" in rows[1]["reason"]
    assert rows[2]["reason"] == "aucun fournisseur indiqué"


def test_an_own_vendor_file_is_named_by_the_ledger(tmp_path):
    folder = tmp_path / "mine"
    shutil.copytree(ATELIER, folder)
    lines = [HEADER, "Atelier Martin;F1;15/01/2024;14/02/2024;10,00;",  # SARL left aside
             "ATELIER MARTIN SARL;F2;15/01/2024;14/02/2024;10,00;"]
    got = read_ledger(write(tmp_path, lines), vendor_files=[folder / "atelier.yaml"])
    assert got.frame["vendor"].tolist() == ["atelier", "atelier"]
    assert got.frame["vendor_name"].tolist() == ["ATELIER MARTIN SARL"] * 2


def test_each_bad_row_is_rejected_once_with_row_column_value_and_reason(tmp_path):
    lines = [HEADER,
             "Teogest;F1;15/01/2024;14/02/2024;abc;",               # row 2: amount
             "Teogest;F2;15/01/2024;31/02/2024;10,00;",             # row 3: impossible due
             "Teogest;F3;15/01/2024;;10,00;",                       # row 4: no due date
             "Teogest;F4;15/03/2024;14/02/2024;10,00;",             # row 5: due before invoice
             "Teogest;F5;15/01/2024;14/02/2024;10,00;10/01/2024",   # row 6: paid before it
             "Teogest;F6;15/01/2024;14/02/2024;10,00;20/02/2024"]   # row 7: fine
    got = read_ledger(write(tmp_path, lines), lang="en")
    assert got.rows_read == 6 and got.frame["row"].tolist() == [7]
    assert got.rejected[["row", "column", "value"]].values.tolist() == [
        [2, "Montant TTC", "abc"], [3, "Échéance", "31/02/2024"], [4, "Échéance", ""],
        [5, "Échéance", "14/02/2024"], [6, "Date de paiement", "10/01/2024"]]
    reasons = got.rejected["reason"].tolist()
    assert reasons[0] == "not an amount; write an amount such as 1 234,56 or 1234.56"
    assert reasons[1].startswith("no such day in the calendar; write a date that exists")
    assert reasons[3] == "due before the invoice date (15 March 2024)"
    assert reasons[4] == "paid before the invoice date (15 January 2024)"


CELLS = st.sampled_from(["Teogest", "Loi", "Inconnu", "", "15/01/2024", "31/02/2024",
                         "2024-02-14", "10,00", "-1", "1,500", "abc", " "])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=4, max_size=4), max_size=12))
def test_every_row_is_accepted_or_rejected_never_both_never_lost(rows):
    table = pd.DataFrame(rows, columns=["Fournisseur", "Échéance", "Montant HT",
                                        "Date de paiement"], dtype=object)
    got = read_ledger(table)
    assert len(got.frame) + len(got.rejected) == got.rows_read == len(rows)
    assert set(got.frame["row"]).isdisjoint(got.rejected["row"])
    assert sorted([*got.frame["row"], *got.rejected["row"]]) == list(range(2, len(rows) + 2))


# --------------------------------------------------------------------------- many files (dask)


def test_a_folder_read_with_dask_keeps_each_files_row_numbers(tmp_path):
    pytest.importorskip("dask.dataframe")
    folder = tmp_path / "livres"
    folder.mkdir()
    write(folder, [HEADER, "Teogest;F1;15/01/2024;14/02/2024;10,00;",
                   "Teogets;F2;15/01/2024;14/02/2024;10,00;"], name="a.csv")
    write(folder, [HEADER, "Loi;F3;15/01/2024;14/02/2024;abc;",
                   "Loi;F4;15/01/2024;14/02/2024;20,00;"], name="b.csv")
    got = read_ledger(folder, engine="dask", lang="en")
    assert got.rows_read == 4
    assert got.rejected[["file", "row", "column", "value"]].values.tolist() == [
        ["a.csv", 3, "Fournisseur", "Teogets"], ["b.csv", 2, "Montant TTC", "abc"]]
    accepted = got.frame.compute()
    assert accepted[["file", "row", "vendor"]].values.tolist() == [
        ["a.csv", 2, "teogest"], ["b.csv", 3, "statutory"]]


def test_a_folder_of_mixed_kinds_or_an_unknown_engine_is_refused(tmp_path):
    pytest.importorskip("dask.dataframe")
    write(tmp_path, [HEADER], name="a.csv")
    pd.DataFrame({"Vendor": ["Loi"]}).to_parquet(tmp_path / "b.parquet")
    with pytest.raises(InputError, match="all CSV or all Parquet"):
        read_ledger(tmp_path, engine="dask")
    with pytest.raises(InputError, match="'spark' is not an engine; valid: pandas, dask"):
        read_ledger(tmp_path / "a.csv", engine="spark")
