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
        "Price revision", "Compliance findings"]
    assert [type(app) for app in board.apps.values()] == [
        CompareApp, LatePaymentApp, SlaApp, NoticeApp, PriceApp, FindingsApp]
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
        "Préavis et sortie", "Révision des prix", "Constats de conformité"]
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
