"""The clause-by-vendor comparison: cells read off the five texts, checked by hand."""

from __future__ import annotations

import pytest

import cgvlib
from cgvlib.analysis.compare import AMBIGUOUS_MARK, FAMILIES
from cgvlib.cli import main
from cgvlib.errors import InputError


@pytest.fixture(scope="module")
def table():
    return cgvlib.compare()


def test_one_column_per_vendor_and_every_family(table):
    assert list(table.columns) == ["Michaël GOUT", "ioSmart", "JANQUOR", "Leappy SAS", "Teogest"]
    # every family has at least one vendor that says something, in checklist order
    assert list(dict.fromkeys(table.index.get_level_values("family"))) == list(FAMILIES.values())


def test_late_payment_rates(table):
    rate = table.loc[("late payment", "rate")]
    # ioSmart: "au taux le plus élevé entre : le taux de refinancement de la BCE majoré de 10
    # points et trois fois le taux d'intérêt légal" ... "apprécié à la date de départ du retard":
    # the ECB rate in force that day by default, or the L441-10 II semester rate: ambiguous
    assert rate["ioSmart"] == (
        "higher of ECB rate in force that day + 10 pts and 3x legal rate, fixed at the start "
        f"of the delay {AMBIGUOUS_MARK}"
    )
    # GOUT art. 6: "trois (3) fois le taux d'intérêt légal (en vigueur au jour de la facturation"
    assert rate["Michaël GOUT"] == "3x legal rate, fixed at invoicing"
    # Leappy art. 4: "deux (2) fois le taux d'intérêt légal (en vigueur au jour de la facturation"
    assert rate["Leappy SAS"] == "2x legal rate, fixed at invoicing"
    # JANQUOR art. 11: "10% du montant de la facture par mois de retard": part months unstated,
    # default reading prorata (Code civil 1190), so the cell is marked ambiguous
    assert rate["JANQUOR"] == f"10 % of the invoice per month of delay (prorata) {AMBIGUOUS_MARK}"
    # Teogest 14.6: "taux d'intérêt légal, majoré de trois points"; the rate date is unstated
    assert rate["Teogest"] == f"legal rate + 3 pts, rate of each semester {AMBIGUOUS_MARK}"


def test_only_rows_that_change_with_the_reading_are_marked(table):
    # Leappy's ambiguity is on the formal notice (art. 4 says both "après mise en demeure" and
    # "sans qu'aucun rappel ou mise en demeure préalable"); its rate reads the same either way
    assert table.loc[("late payment", "formal notice first"), "Leappy SAS"] == (
        f"required {AMBIGUOUS_MARK}"
    )
    assert table.loc[("late payment", "whole debt due at once"), "Leappy SAS"] == "yes"
    # Teogest 14.6: first day of delay is the day after receipt, or day 31 after issue
    assert table.loc[("late payment", "delay starts"), "Teogest"] == (
        f"day 31 after invoice {AMBIGUOUS_MARK}"
    )


def test_recovery_indemnity(table):
    row = table.loc[("recovery indemnity", "")]
    assert row["ioSmart"] == "40 EUR per invoice"            # "indemnité forfaitaire ... de 40 €"
    assert row["JANQUOR"] == "40 EUR per unpaid sum"  # art. 11 "toute somme, y compris l'acompte"
    assert row["Michaël GOUT"] == "named without amount (law: 40 EUR)"   # art. 6, no amount
    assert row["Leappy SAS"] == "text silent (law: 40 EUR per invoice, D441-5)"


def test_teogest_sla_gaps_are_shown(table):
    cell = table.loc[("service levels", "credit tiers"), "Teogest"]
    # annex 2 A.6: tiers 0 / 3 / 8 / 13 / 20 %, with the gaps "0,2 %" .. "0,21", "0,5 %" ..
    # "0,51 %", "1 %" .. "1,01 %"
    assert cell.startswith("0/3/8/13/20 % of the month's invoice; gaps 0.2–0.21 %, 0.5–0.51 %, "
                           "1–1.01 %")
    assert table.loc[("service levels", "credit cap"), "JANQUOR"] == "text silent"


def test_leappy_billing_unit_is_shown(table):
    # Leappy art. 4: « au crédit - correspondant à une journée, pouvant être fractionné en
    # demi-crédit »: a crédit is 1 day, billable by half crédits; no other vendor has one
    row = table.loc[("fees", "billing unit")]
    assert row["Leappy SAS"] == (
        "crédit (une journée, fractionnable en demi-crédit): prices may be counted in crédits "
        "of 1 day, billable by 0.5 crédit; amount per crédit set by the quote")
    assert set(row.drop("Leappy SAS")) == {"—"}
    cited = cgvlib.citation("leappy", "fees", "billing unit")
    assert cited.loc[0, "article"] == "4"
    assert "demi-crédit" in cited.loc[0, "quote"]


def test_compare_filters_vendors_and_families():
    small = cgvlib.compare(["teogest", "leappy"], families=["late payment", "price_revision"])
    assert list(small.columns) == ["Teogest", "Leappy SAS"]
    assert set(small.index.get_level_values("family")) == {"late payment", "price revision"}


def test_unknown_family_lists_the_valid_ones():
    with pytest.raises(InputError, match="unknown clause family 'penalties'; valid families: "):
        cgvlib.compare(families=["penalties"])


def test_citation_gives_article_and_quote():
    cited = cgvlib.citation("teogest", "late payment", "rate")
    assert cited.loc[0, "article"] == "14.6"
    assert "majoré de trois points" in cited.loc[0, "quote"]


def test_long_form_carries_the_other_readings():
    long = cgvlib.compare_long("janquor", ["late payment"])
    row = long[long["item"] == "rate"].iloc[0]
    assert row["ambiguous"]
    assert row["other_readings"] == (
        "10 % of the invoice per month of delay (prorata, 30-day months) | "
        "10 % of the invoice per month of delay (prorata of each month of delay) | "
        "10 % of the invoice per month of delay (every started month counts)"
    )


def test_cli_prints_the_table(capsys):
    args = ["compare", "--vendor", "teogest", "--family", "late payment", "--width", "120"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "LATE PAYMENT" in out and "legal rate + 3 pts" in out


def test_cli_reports_errors_without_traceback(capsys):
    assert main(["compare", "--vendor", "nobody"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cgvlib: unknown vendor 'nobody'; known vendors: gout, iosmart")


def test_cli_writes_csv_and_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "table.csv"
    assert main(["compare", "--csv", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("family,item,")
    capsys.readouterr()
    assert main(["compare", "--csv", str(target)]) == 2
    assert capsys.readouterr().err == (f"cgvlib: {target}: already exists and is kept; pass "
                                       "--force (force=True) to replace it, or choose another "
                                       "name\n")
