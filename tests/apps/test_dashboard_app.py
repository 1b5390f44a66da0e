"""The dashboard without a browser: one tab per app, in order, with plain titles; the vendors
and each tab's settings reach the apps; a control changed through the dashboard redraws its app.
(tests/browser/test_dashboard.py checks the page Voilà serves in a real browser.)"""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from cgvlib.apps.compare import CompareApp
from cgvlib.apps.dashboard import TABS, Dashboard, dashboard
from cgvlib.apps.findings import FindingsApp
from cgvlib.apps.late_payment import LatePaymentApp
from cgvlib.apps.ledger import EXAMPLE, LedgerApp
from cgvlib.apps.notice import NoticeApp
from cgvlib.apps.prices import PriceApp
from cgvlib.apps.sla import SlaApp
from cgvlib.errors import InputError

VENDORS = ["teogest", "leappy", "statutory"]


@pytest.fixture(scope="module")
def board() -> Dashboard:
    return dashboard(VENDORS, {"Late payment": {"amount": 2500, "paid": "2024-05-15"},
                               "Service credits (SLA)": {"month": "2024-03"}}, lang="en")


def test_one_tab_per_app_in_order_with_plain_titles(board):
    assert isinstance(board.widget, widgets.Tab)
    assert list(board.widget.titles) == list(TABS) == [
        "Compare the terms", "Late payment", "Service credits (SLA)", "Notice and exit",
        "Price revision", "Compliance findings", "Your ledger"]
    assert [type(app) for app in board.apps.values()] == [
        CompareApp, LatePaymentApp, SlaApp, NoticeApp, PriceApp, FindingsApp, LedgerApp]
    assert list(board.widget.children) == [app.widget for app in board.apps.values()]
    assert all(app.error is None for app in board.apps.values())


def test_vendors_and_settings_reach_the_apps(board):
    apps = board.apps
    assert apps["Compare the terms"].values["vendors"] == tuple(VENDORS)
    assert apps["Late payment"].values["vendors"] == tuple(VENDORS)
    # the price app offers vendors' clauses only, the findings app leaves the law's terms out
    assert apps["Price revision"].values["vendors"] == ("teogest", "leappy")
    assert apps["Compliance findings"].values["vendors"] == ("teogest", "leappy")
    assert apps["Late payment"].values["amount"] == "2500"  # a text field: 2 500,00 typed too
    assert str(apps["Late payment"].values["paid"]) == "2024-05-15"
    assert apps["Service credits (SLA)"].values["month"] == "2024-03"


def test_vendors_given_in_a_tabs_settings_win():
    board = dashboard(VENDORS, {"Late payment": {"vendors": ["gout"]}}, lang="en")
    assert board.apps["Late payment"].values["vendors"] == ("gout",)
    assert board.apps["Compare the terms"].values["vendors"] == tuple(VENDORS)


def test_a_control_changed_through_the_dashboard_redraws_its_app():
    app = dashboard(["teogest"], lang="en").apps["Late payment"]
    before = app.results["teogest"].total
    app.controls["amount"].value = 5000.0
    assert app.error is None
    assert app.results["teogest"].total != before


def test_an_unknown_tab_is_refused_naming_the_tabs():
    with pytest.raises(InputError, match="Late payment"):
        dashboard(settings={"Late payments": {"amount": 1}}, lang="en")


def test_the_dashboard_is_french_by_default_and_english_on_request():
    board = dashboard(["teogest"], {"Retard de paiement": {"paid": "15 mai 2024"}})
    assert list(board.widget.titles) == [
        "Comparer les conditions", "Retard de paiement", "Crédits de service (SLA)",
        "Préavis et sortie", "Révision des prix", "Constats de conformité",
        "Votre grand livre"]
    assert list(board.apps) == list(TABS)  # the apps by the tabs' English titles
    assert all(app.lang == "fr" for app in board.apps.values())
    late = board.apps["Late payment"]
    assert late.controls["paid"].value == "15/05/2024"  # a French date, typed as text
    assert late.controls["amount"].description == "Montant (EUR)"
    english = dashboard(["teogest"], lang="en")
    assert list(english.widget.titles) == list(TABS)
    assert all(app.lang == "en" for app in english.apps.values())
    with pytest.raises(InputError, match="Retard de paiement"):
        dashboard(settings={"Retards": {"amount": 1}})


def test_the_ledger_tab_shows_the_example_ledger_and_says_so(board):
    # notebooks/examples/ledger_exemple.csv: 13 lines under its header, 5 of them refused as
    # the example means them to be (Teogests: unknown vendor; 12,345: fractions of a cent;
    # 31/02/2024: no such day; -300,00: negative; paid 15/06 before its invoice of 01/07);
    # 6 vendors among the 8 rows kept (the five and the law's terms); computed on the last day
    # both the legal rate (known to 30 June 2026) and the ECB rate (to 11 June 2026) are known
    app = board.apps["Your ledger"]
    assert app.error is None
    assert app.controls["path"].value == str(EXAMPLE)
    assert str(app.values["as_of"]) in ("11/06/2026", "2026-06-11")
    assert (app.results.rows_read, app.results.accepted, app.results.rejected_count) == (
        13, 8, 5)
    assert app.message.value.count("The example ledger (notebooks/examples): upload "
                                   "yours") == 1
    assert "13 rows read, 8 accepted, 5 rejected" in app.message.value
    assert app.figure is not None and app.frame is not None and len(app.frame) == 6


def test_the_ledger_tab_takes_its_settings_and_drops_the_example_words(tmp_path):
    own = tmp_path / "mon_livre.csv"
    own.write_text("Fournisseur;Échéance;Montant TTC;Date de paiement\n"
                   "Loi;31/01/2024;1 000,00;01/03/2024\n", encoding="utf-8")
    board = dashboard(settings={"Your ledger": {"path": str(own), "as_of": "30/06/2025"}},
                      lang="en")
    app = board.apps["Your ledger"]
    assert app.error is None
    assert "example" not in app.message.value
    assert app.message.value.endswith("1 row read, 1 accepted, 0 rejected</span>")
