"""What each vendor could claim: the API's shape and rules, the command, the app and the chart.

Figures worked out by hand (interest = cents x bp x days / (365 x 10,000), rounded once,
half-up; indemnité forfaitaire 40 EUR = 4,000 c per late invoice, D441-5):

- row 2, Loi (statutory terms, L441-10 II: the ECB rate in force on 1 July 2024, 4.25 %, + 10
  points = 14.25 % = 1,425 bp for the second half of 2024), 2 500,00 EUR due 01/07/2024,
  paid 15/09/2024: days late 2024-07-02..2024-09-15 = 30 + 31 + 15 = 76;
  250,000 x 1,425 x 76 / 3,650,000 = 7,417.81 -> 7,418; total 11,418 c (no floor: the law's
  own terms).
- row 3, JANQUOR (art. 11: 10 % of the invoice per month of delay; default reading « prorata »,
  a year of 12 months over 365 days), 12 000,00 EUR due 10/02/2024, paid 28/02/2024: 18 days;
  1,200,000 x 1,000 x 12 x 18 / 3,650,000 = 71,013.70 -> 71,014; total 75,014 c; the floor
  (3 x 5.07 % = 15.21 % a year) is far below 120 % a year: as written = lawful.
- row 4, Teogest, 980,50 EUR due 15/07/2024, paid 10/07/2024, before its due date: 0 c.
- row 5, Loi, 1 000,00 EUR due 31/01/2024, unpaid, as_of 01/03/2024: days late
  2024-02-01..2024-03-01 = 29 + 1 = 30; the ECB rate in force on 1 January 2024, 4.50 %, + 10
  points = 14.50 %; 100,000 x 1,450 x 30 / 3,650,000 = 1,191.78 -> 1,192; total 5,192 c.

Sum: 11,418 + 75,014 + 0 + 5,192 = 91,624 c.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cgvlib.cli import main
from cgvlib.errors import InputError
from cgvlib.ledger import LedgerResult, ledger_claims, read_ledger
from cgvlib.reference.provisional import assume_last
from tests.conftest import ROOT

AS_OF = dt.date(2024, 3, 1)
LINES = [
    "Fournisseur;N° de facture;Date de facture;Échéance;Montant TTC;Date de paiement",
    "Loi;X-1;01/06/2024;01/07/2024;2 500,00;15/09/2024",
    "JANQUOR;J-9;10/01/2024;10/02/2024;12 000,00;28/02/2024",
    "Teogest;F-14;15/06/2024;15/07/2024;980,50;10/07/2024",
    "Loi;X-2;01/01/2024;31/01/2024;1 000,00;",
]
TOTALS = {2: 11_418, 3: 75_014, 4: 0, 5: 5_192}  # row -> total cents, by hand above
INVOICE_COLUMNS = ["row", "invoice", "vendor", "vendor_name", "amount_cents", "invoice_date",
                   "due", "paid", "unpaid", "days_late", "interest_cents", "indemnity_cents",
                   "total_cents", "as_written_total_cents", "reading"]


@pytest.fixture
def ledger_file(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("\n".join(LINES) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture
def result(ledger_file) -> LedgerResult:
    return ledger_claims(read_ledger(ledger_file), as_of=AS_OF)


def test_every_row_its_hand_worked_figure_largest_first(result):
    inv = result.invoices
    assert list(inv.columns) == INVOICE_COLUMNS
    assert inv["row"].tolist() == [3, 2, 5, 4]  # largest total first
    assert dict(zip(inv["row"], inv["total_cents"], strict=True)) == TOTALS
    by_row = inv.set_index("row")
    assert by_row.loc[2, ["days_late", "interest_cents", "indemnity_cents"]].tolist() == [
        76, 7_418, 4_000]
    assert by_row.loc[3, ["days_late", "interest_cents", "as_written_total_cents"]].tolist() == [
        18, 71_014, 75_014]
    assert by_row.loc[4, ["days_late", "interest_cents", "indemnity_cents"]].tolist() == [0, 0, 0]
    assert by_row.loc[5, "unpaid"] and pd.isna(by_row.loc[5, "paid"])
    assert by_row.loc[5, "days_late"] == 30
    assert by_row.loc[3, "reading"] == "prorata" and by_row.loc[2, "reading"] == "statutory"
    assert (result.rows_read, result.accepted, result.rejected_count) == (4, 4, 0)
    assert result.total_cents == 91_624


def test_totals_by_vendor_and_by_month_of_the_due_date(result):
    by = result.by_vendor
    assert by.loc["statutory"].tolist() == [2, 2, 7_418 + 1_192, 8_000, 16_610, 16_610]
    assert by.loc["janquor", ["invoices", "late_invoices", "total_cents"]].tolist() == [
        1, 1, 75_014]
    assert by.loc["teogest", ["invoices", "late_invoices", "total_cents"]].tolist() == [1, 0, 0]
    months = result.by_month.set_index(["vendor", "month"])["total_cents"].to_dict()
    assert months == {("janquor", pd.Timestamp("2024-02-01")): 75_014,
                      ("statutory", pd.Timestamp("2024-01-01")): 5_192,
                      ("statutory", pd.Timestamp("2024-07-01")): 11_418,
                      ("teogest", pd.Timestamp("2024-07-01")): 0}


def test_explain_names_the_rule_and_the_reading_in_the_readers_language(result):
    french = result.explain()
    assert "4 lignes lues, 4 retenues, 0 rejetée" in french
    assert "la loi avant la lettre" in french and "L441-10 II" in french
    assert "- JANQUOR: lecture « prorata (année de 365 jours) »" in french
    english = result.explain("en")
    assert "4 rows read, 4 accepted, 0 rejected" in english
    assert "An unpaid invoice is counted as paid on 1 March 2024" in english


def test_as_of_is_today_by_default_and_french_text_is_read(ledger_file):
    ledger = read_ledger(ledger_file)
    assert ledger_claims(ledger).as_of == dt.date.today()
    assert ledger_claims(ledger, as_of="1er mars 2024").as_of == AS_OF
    with pytest.raises(InputError, match="as_of"):
        ledger_claims(ledger, as_of="31/02/2024")


def test_rows_that_cannot_be_computed_move_to_rejected(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("\n".join([
        "Fournisseur;Date de facture;Échéance;Montant HT;Payée le",
        "Teogest;;15/03/2024;100,00;20/04/2024",        # row 2: the clause counts from it
        "Loi;01/05/2024;31/05/2024;100,00;",            # row 3: unpaid, as_of before invoice
        "Loi;01/01/2024;31/01/2024;100,00;15/02/2024",  # row 4: fine
    ]), encoding="utf-8")
    got = ledger_claims(read_ledger(path, lang="en"), as_of="2024-04-01", lang="en")
    assert (got.rows_read, got.accepted, got.rejected_count) == (3, 1, 2)
    assert got.rejected[["row", "column", "value"]].values.tolist() == [
        [2, "Date de facture", ""], [3, "Payée le", ""]]
    assert got.rejected["reason"].tolist() == [
        "Teogest's clause counts from the invoice date, which this row does not give",
        "unpaid, and the date of the calculation (1 April 2024) is before the invoice date "
        "(1 May 2024)"]


def test_past_the_reference_data_rejected_unless_assume_last(ledger_file):
    # the legal rate is known until 30 June 2026 and the ECB rate until 11 June 2026 (its
    # rate in force on 1 July 2026 unknown), so the L441-10 II rate stops on 30 June 2026
    ledger = read_ledger(ledger_file, lang="en")
    late = ledger_claims(ledger, as_of="2026-12-31", lang="en")
    assert late.accepted + late.rejected_count == late.rows_read == 4
    rejected = late.rejected.set_index("row")
    assert rejected.loc[5, "reason"].startswith(
        "needs the rates up to 31 December 2026, but the reference data goes up to 30 June 2026")
    with assume_last("2026-12-31"):
        carried = ledger_claims(ledger, as_of="2026-12-31", lang="en")
    assert carried.rejected_count == 0
    flagged = carried.invoices.set_index("row")["provisional"]
    assert flagged.to_dict() == {3: False, 2: False, 5: True, 4: False}


def test_an_own_vendor_file_computed_by_its_clause(tmp_path):
    # tests/test_own_vendor.py: 10,000 EUR invoiced 31/01/2024, due 01/03/2024, paid
    # 15/04/2024, 3 x 5.07 % = 15.21 % for 45 days: 18,752.05 -> 18,752 + 4,000 = 22,752 c
    shutil.copytree(ROOT / "tests" / "fixtures" / "atelier", tmp_path / "mine")
    path = tmp_path / "livre.csv"
    path.write_text("Tiers;Date facture;Due date;Amount excl. VAT;Paid\n"
                    "Atelier Martin;31/01/2024;01/03/2024;10000.00;15/04/2024\n",
                    encoding="utf-8")
    got = ledger_claims(read_ledger(path, vendor_files=[tmp_path / "mine" / "atelier.yaml"]),
                        as_of=AS_OF)
    assert got.invoices[["vendor", "total_cents"]].values.tolist() == [["atelier", 22_752]]


def test_nothing_is_dropped_when_nothing_is_accepted(tmp_path):
    path = tmp_path / "livre.csv"
    path.write_text("Fournisseur;Échéance;Montant HT\nInconnu;15/03/2024;10,00\n",
                    encoding="utf-8")
    got = ledger_claims(read_ledger(path), as_of=AS_OF)
    assert (got.rows_read, got.accepted, got.rejected_count) == (1, 0, 1)
    assert got.by_vendor.empty and got.by_month.empty and got.total_cents == 0


# --------------------------------------------------------------------------- the command


def test_the_command_prints_the_summary_and_writes_the_workbook(ledger_file, tmp_path, capsys):
    out = tmp_path / "sorties"  # made by the command
    args = ["ledger", str(ledger_file), "--out", str(out), "--as-of", "01/03/2024"]
    assert main(args) == 0
    shown = capsys.readouterr().out
    assert "4 lignes lues, 4 retenues, 0 rejetée" in shown
    assert "JANQUOR" in shown and "750,14\u00a0€" in shown  # 75,014 c, the largest item
    assert "Total réclamable : 916,24\u00a0€" in shown  # 91,624 c
    book = load_workbook(out / "livre_claims.xlsx")
    assert book.sheetnames == ["résumé", "factures", "rejets"]
    assert book["factures"].max_row == 5  # a header and the 4 accepted rows
    assert main(args) == 2  # an existing workbook is not overwritten
    assert "exists" in capsys.readouterr().err
    assert main([*args, "--force", "--lang", "en"]) == 0
    assert load_workbook(out / "livre_claims.xlsx").sheetnames == ["summary", "invoices",
                                                                   "rejected"]


def test_the_command_refuses_bad_input_in_one_line(ledger_file, tmp_path, capsys):
    assert main(["ledger", str(ledger_file), "--out", str(tmp_path), "--column", "due"]) == 2
    assert "--column 'due': write canonical=Header" in capsys.readouterr().err


# --------------------------------------------------------------------------- chart and app


def test_the_chart_one_bar_colour_per_vendor_and_words_when_nothing_is_late(result, tmp_path):
    from cgvlib.views.exposure import exposure_chart

    figure = exposure_chart(result)
    gids = {a.get_gid() for a in figure.axes[0].patches}
    assert gids == {"vendor:janquor", "vendor:statutory"}  # teogest owes nothing
    assert figure.axes[0].get_title(loc="left") == (
        "Ce que chaque fournisseur pourrait réclamer, par mois d'échéance")
    path = tmp_path / "livre.csv"
    path.write_text("Vendor;Due;Amount excl. VAT;Paid\nLoi;15/03/2024;10.00;15/03/2024\n",
                    encoding="utf-8")
    quiet = exposure_chart(ledger_claims(read_ledger(path), as_of=AS_OF), "en")
    assert quiet.axes == []  # no empty axes: a sentence says why
    (text,) = [t for t in quiet.texts if t.get_gid() == "nothing-late"]
    assert text.get_text().startswith("Nothing to claim on 1 March 2024")


def test_the_app_driven_by_its_controls(ledger_file):
    from cgvlib.apps.ledger import LedgerApp

    app = LedgerApp(str(ledger_file), as_of="01/03/2024")
    assert app.error is None and app.results.total_cents == 91_624
    assert "4 lignes lues" in app.message.value
    assert app.frame.iloc[0, 0] == "JANQUOR"
    app.controls["as_of"].value = "bof"
    assert app.error.startswith("Au : « bof » n'est pas une date")
    app.controls["as_of"].value = "1er mars 2024"
    app.controls["path"].value = ""
    app.controls["upload"].value = ({"name": "upload.csv", "type": "text/csv", "size": 0,
                                     "content": memoryview(ledger_file.read_bytes()),
                                     "last_modified": dt.datetime(2024, 3, 1)},)
    assert app.error is None and app.results.source == "upload.csv"
    assert app.results.total_cents == 91_624


def test_a_delay_before_the_reference_data_is_rejected_alone(tmp_path):
    # the ECB series starts on 1 January 1999: a delay in 1995 has no statutory rate; the two
    # 2024 rows are the 1 000,00 EUR of row 5 above, unpaid 30 days at 14.50 %: 5,192 c, and
    # the same paid on 01/03/2024: 5,192 c
    path = tmp_path / "livre.csv"
    path.write_text("\n".join([
        "Fournisseur;Échéance;Montant HT;Payée le",
        "Loi;31/01/1995;1 000,00;01/03/1995",
        "Loi;31/01/2024;1 000,00;01/03/2024",
        "Loi;31/01/2024;1 000,00;",
    ]), encoding="utf-8")
    got = ledger_claims(read_ledger(path), as_of=AS_OF, lang="en")
    assert got.invoices[["row", "total_cents"]].values.tolist() == [[3, 5_192], [4, 5_192]]
    assert got.rejected[["row", "column", "value", "reason"]].values.tolist() == [
        [2, "Payée le", "1995-03-01", "its delay, from 1 February 1995, needs rates the "
         "reference data does not hold (it starts in 1999 for the ECB rate, 2005 for the legal "
         "rate)"]]


DAYS = st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31))
ROWS = st.lists(st.tuples(
    st.sampled_from(["Teogest", "ioSmart", "Leappy SAS", "Michaël GOUT", "JANQUOR", "Loi",
                     "Inconnu", ""]),
    st.one_of(st.none(), DAYS), DAYS, st.one_of(st.none(), DAYS),
    st.integers(0, 10_000_000)), max_size=15)


@settings(max_examples=40, deadline=None)
@given(ROWS, DAYS)
def test_every_row_accounted_for_and_the_law_never_below_the_letter(rows, as_of):
    table = pd.DataFrame(
        [(v, i.strftime("%d/%m/%Y") if i else "", d.strftime("%d/%m/%Y"),
          p.strftime("%d/%m/%Y") if p else "", f"{c // 100},{c % 100:02d}")
         for v, i, d, p, c in rows],
        columns=["Fournisseur", "Date de facture", "Échéance", "Payée le", "Montant HT"])
    got = ledger_claims(read_ledger(table), as_of=as_of)
    assert got.accepted + got.rejected_count == got.rows_read == len(rows)
    assert sorted([*got.invoices["row"], *got.rejected["row"]]) == list(
        range(2, len(rows) + 2))
    inv = got.invoices
    assert (inv["total_cents"] == inv["interest_cents"] + inv["indemnity_cents"]).all()
    assert (inv["total_cents"] >= inv["as_written_total_cents"]).all()  # the floor only raises
    assert ((inv["indemnity_cents"] == 4_000) == (inv["days_late"] > 0)).all()  # D441-5
    assert (inv["total_cents"].diff().dropna() <= 0).all()  # largest first


def test_a_row_paid_on_time_needs_no_invoice_date(tmp_path):
    # Teogest's default reading counts from the invoice date (day 31), but a row paid by its
    # due date owes nothing under every reading: accepted with 0, not rejected
    path = tmp_path / "livre.csv"
    path.write_text("Fournisseur;Échéance;Montant HT;Payée le\n"
                    "Teogest;15/03/2024;100,00;15/03/2024\n"
                    "Teogest;15/03/2024;100,00;\n", encoding="utf-8")
    got = ledger_claims(read_ledger(path), as_of="2024-03-10")  # unpaid, not yet due
    assert got.invoices[["row", "days_late", "total_cents"]].values.tolist() == [
        [2, 0, 0], [3, 0, 0]]
    assert got.rejected_count == 0
