"""The report's ledger section: given an analyst's ledger, the report says what each vendor
could claim on its invoices, in the page's language; without one, the section is not there."""

from __future__ import annotations

import pytest

from cgvlib.errors import InputError
from cgvlib.report.sections import prepare
from cgvlib.report.typed_parameters import typed_value
from tests.conftest import ROOT
from tests.report.test_page_language import leaks, shown

LEDGER = ROOT / "tests" / "ledger" / "fixtures" / "grand_livre.csv"
TEMPLATE = ROOT / "notebooks" / "report.ipynb"
SCENARIO = dict(vendors=["teogest"], invoice_amount=10000, due="2024-03-01", paid="2024-04-15",
                unavailability_percent=0.5, monthly_amount=1000, contract_start="2024-01-31",
                notice_date="2024-12-05")


def section(lang: str) -> str:
    report = prepare(lang=lang, ledger=str(LEDGER), ledger_as_of="30/06/2025", **SCENARIO)
    return shown(report.ledger_section())


def test_the_french_section_gives_the_total_and_every_row_accounted_for():
    text = section("fr")
    # the 44 rows of the hand-worked ledger (tests/ledger/test_hand_worked.py), all accepted,
    # the unpaid ones counted to 30 June 2025: 1,517,187 + 555,119 + 120,768 + 57,765 + 57,211
    # + 53,529 = 2,361,579 cents
    assert "Total que les fournisseurs pourraient réclamer : 23\u202f615,79\xa0€." in text
    assert "44" in text and "30 juin 2025" in text
    assert leaks("ledger", text, "fr") == set()


def test_the_english_section_says_the_same_in_english():
    text = section("en")
    assert "Total the vendors could claim: €23,615.79." in text
    assert "30 June 2025" in text
    assert leaks("ledger", text, "en") == set()


def test_no_ledger_no_section():
    assert prepare(lang="fr", **SCENARIO).ledger_section() is None


def test_a_ledger_that_is_not_a_file_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"ledger: .* is not a file; give the path of a ledger"):
        prepare(lang="fr", ledger=str(tmp_path / "absent.csv"), **SCENARIO)
    with pytest.raises(InputError, match=r"-p ledger: .* is not a file"):
        typed_value("ledger", str(tmp_path / "absent.csv"), "-p ledger", TEMPLATE)


def test_a_ledger_given_to_the_command_is_passed_on_absolute(monkeypatch):
    monkeypatch.chdir(LEDGER.parent)
    assert typed_value("ledger", "grand_livre.csv", "-p ledger", TEMPLATE) == str(LEDGER)
