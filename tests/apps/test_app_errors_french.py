"""A French app refuses in French and explains its sums in French: the message line says a
library error in the page's language (:meth:`cgvlib.errors.CgvError.said`), the notice and
SLA apps refuse what their controls can produce (a letter before the start, a commitment the
terms do not offer, more downtime than the month holds) in French, and the exit plan's
billing explanation is French. An English app keeps the library's English messages."""

from __future__ import annotations

import datetime as dt

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest

from cgvlib.apps.base import App
from cgvlib.apps.notice import NoticeApp
from cgvlib.apps.sla import SlaApp
from cgvlib.arithmetic.notice import exit_plan
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.views.notice import exit_plan_frame


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


class LegalRateApp(App):
    """The legal rate of a day: an app whose computation reaches the reference data."""

    title = "Late payment"

    def __init__(self, day: str, lang: str) -> None:
        self.lang, self._day = lang, day
        super().__init__()

    def make_controls(self):
        return {"day": widgets.Text(value=self._day)}

    def compute(self, *, day):
        return legal_rate(day)

    def draw(self, results):
        return None


def test_the_message_line_says_a_library_error_in_the_pages_language():
    app = LegalRateApp("2026-03-01", "fr")
    assert app.error is None
    app.controls["day"].value = "2027-03-01"  # past the semesters file, which ends 30 June 2026
    assert app.error.startswith(
        "taux de l'intérêt légal, créanciers professionnels : aucune valeur pour la date "
        "demandée (1er mars 2027), postérieure à la dernière date couverte par les données.")
    assert "30 juin 2026" in app.message.value
    english = LegalRateApp("2027-03-01", "en")
    assert english.error.startswith("legal interest rate, professional creditors: no value for "
                                    "2027-03-01, which is after the last covered date.")


def test_an_error_raised_with_a_plain_string_reads_the_same_everywhere():
    class Refusing(LegalRateApp):
        def compute(self, *, day):
            raise InputError(Phrase("Late payment") if day == "phrase" else "day: refused")

    assert Refusing("plain", "fr").error == "day: refused"
    # words from the catalog are said in the app's language
    assert Refusing("phrase", "fr").error == "Retard de paiement"
    assert Refusing("phrase", "en").error == "Late payment"


def test_the_exit_plan_explains_its_billing_in_french():
    # JANQUOR art. 16, from 31 January 2024: the first 12-month term ends on 30 January 2025,
    # the letter must leave 2 months before, by 30 November 2024; sent on 5 December 2024 it
    # is late, the contract renews to 30 January 2026 and every month from the one in progress
    # (the 11th, 30 November to 29 December 2024) is due: 2 left in the term + 12 renewed = 14
    # months x 1 000 EUR = 14 000 EUR
    plan = exit_plan("janquor", "2024-01-31", "2024-12-05", monthly_amount=1000)
    frame = exit_plan_frame(plan, "fr")
    row = frame.iloc[0]
    assert (row["billed_months"], str(row["billed_total"])) == (14, "14000.00")
    assert row["billing"] == (
        "14 mois x montant mensuel jusqu'au terme ; art. 16, une période de 12 mois renouvelée "
        "après une demande de résiliation tardive : une période renouvelée est due en entier ; "
        "art. 16, résiliation anticipée à la demande expresse du client de cesser les "
        "prestations : toute somme due jusqu'au terme est exigible immédiatement")
    # the English frame keeps the library's English
    assert exit_plan_frame(plan)["billing"].iloc[0].startswith(
        "14 month(s) x monthly_amount to the end; art. 16")
    # Teogest art. 20, subscription without commitment: under one year of tenure, no préavis;
    # the month of the request (December 2024) is due: 1 x 1 000 EUR
    plan = exit_plan("teogest", "2024-01-31", "2024-12-05", monthly_amount=1000)
    assert exit_plan_frame(plan, "fr")["billing"].iloc[0] == (
        "mois civils à partir du mois de la demande : 1 en cours au montant mensuel, sans préavis")


def test_the_notice_app_refuses_in_french():
    app = NoticeApp("janquor", lang="fr")
    app.controls["notice_sent"].value = "01/01/2024"
    assert app.error == (
        "lettre envoyée : le 1er janvier 2024 est avant le début du contrat (31 janvier 2024) ; "
        "la lettre ne peut partir qu'une fois le contrat commencé")
    app.controls["notice_sent"].value = "05/12/2024"
    app.controls["commitment_months"].value = 24  # JANQUOR art. 16: 12 months, or 3 or 6
    assert app.error == ("engagement : les conditions de JANQUOR ne proposent pas de durée de 24 "
                         "mois ; durées possibles : 3, 6, 12 mois")
    gout = NoticeApp("gout", commitment_months=12, lang="fr")
    gout.controls["commitment_months"].value = None  # GOUT art. 7 C: set by the quote
    assert gout.error == ("engagement : la durée du contrat de Michaël GOUT est fixée par la "
                          "commande ou le devis (art. 7 C) ; choisissez-la")


def test_the_notice_app_in_english_keeps_the_librarys_words():
    app = NoticeApp("janquor", lang="en")
    app.controls["notice_sent"].value = dt.date(2024, 1, 1)
    assert app.error == ("notice_sent: 2024-01-01 is before start 2024-01-31; notice can only "
                         "be sent once the contract has started")


def test_the_sla_app_refuses_more_time_than_the_month_holds_in_french():
    # March 2024 has 31 days = 744 h
    app = SlaApp("teogest", month="2024-03", lang="fr")
    app.controls["downtime"].value = "745h"
    assert app.error == ("Indisponibilité : « 745h » dépasse le temps de service du mois (mars "
                         "2024 : sa durée moins la maintenance planifiée)")
    app.controls["downtime"].value = "1h"
    app.controls["planned_maintenance"].value = "744h"
    assert app.error == ("Maintenance planifiée : « 744h » ne laisse aucun temps de service en "
                         "mars 2024 ; indiquez moins que la durée du mois")
    app.controls["planned_maintenance"].value = "743h"  # 1 h left: 1 h down is 100 %
    assert app.error is None
    assert app.results.unavailability.percent == 100


def test_dates_the_notice_app_cannot_chart_are_refused_in_french():
    # the exit cost chart plots a day's plan a point over at most 120 months; a letter on 31
    # December 2099 is 911 whole months after 31 January 2024
    app = NoticeApp("teogest", start="2024-01-31", notice_sent="2099-12-31", chart="exit cost",
                    lang="fr")
    assert app.error == (
        "lettre envoyée : le 31 décembre 2099 est plus de 117 mois après le début du contrat "
        "(31 janvier 2024) ; le graphique de ce que coûte le départ couvre au plus 120 mois "
        "depuis le début")
    # the calendar ends with year 9999: a month after December 9999 does not exist
    app.controls["start"].value = "01/01/9998"
    app.controls["notice_sent"].value = "05/12/9999"
    assert app.error == "le 5 décembre 9999 n'a pas de mois suivant dans les années 1 à 9999"
