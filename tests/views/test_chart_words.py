"""The report's five charts in French: words, amounts, dates, percentages and ticks in French
formats; identifiers (vendor and reading names, articles) as they are; English by default.

Expected texts are written by hand: amounts in French are ``10 000,00 €`` with a narrow
no-break space between thousands and a no-break space before ``€`` and ``%`` (Babel's fr
locale); dates ``1er mars 2024`` (long) or ``31 janv. 2024`` (short, where room is short).
The scenario figures come from the existing chart tests: Teogest paid 45 days
late (due 2024-03-01, paid 2024-04-15); the data ends with 2026-S1 (legal rate to
2026-06-30); Leappy below the floor from 2015-S1, Teogest from 2023-S1, both to 2026-S1;
JANQUOR's last days to send notice 2024-11-30 and 2025-11-30, GOUT's 2024-12-31.
"""

from __future__ import annotations

import datetime as dt
import re
import string

import matplotlib.dates as mdates
import pandas as pd
import pytest

from cgvlib.analysis.checks import SEVERITIES
from cgvlib.errors import InputError
from cgvlib.model.loader import load_vendor
from cgvlib.views.findings import summary_chart
from cgvlib.views.late_payment import (
    cost_by_days_late,
    penalty_rate_over_time,
    update_cost_chart,
)
from cgvlib.views.notice import renewal_timeline
from cgvlib.views.sla import credit_tiers_chart
from cgvlib.views.words import WORDS, axis_eur_text, decimal_text, french_date_tick, word
from tests.conftest import FIXTURES

NB, NNB = "\u00a0", "\u202f"  # no-break space (before € and %), narrow one (thousands)
FIVE = ["janquor", "iosmart", "teogest", "leappy", "gout"]
ENGLISH_MONTHS = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def drawn(fig):
    """The figure laid out, so its tick labels hold their text."""
    fig.draw_without_rendering()
    return fig


def texts(items) -> list[str]:
    return [t.get_text() for t in items]


def legend(ax) -> list[str]:
    return texts(ax.get_legend().get_texts())


def footnote(fig) -> str:
    return fig.get_supxlabel().replace("\n", " ")


# --------------------------------------------------------------------------- the words


def test_every_word_has_french_and_english():
    """The English is the msgid; the French comes from the catalog (tests/i18n checks that
    every msgid has one)."""
    for key, english in WORDS.items():
        assert english, key
        assert word(key, "fr", **PLACEHOLDERS) != word(key, "en", **PLACEHOLDERS) \
            or key in SAME_IN_BOTH, key


# "date", "{label} ({day})", ", {x}", "Article"
SAME_IN_BOTH = {"date_label", "day_line", "marked_reading", "column_article"}
# every {placeholder} of the words, filled with "x"
PLACEHOLDERS = dict.fromkeys(
    {name for english in WORDS.values() for _, name, _, _ in string.Formatter().parse(english)
     if name}, "x")

def test_french_numbers_and_dates():
    assert axis_eur_text(12_345.6, "fr") == f"12{NNB}346{NB}€"
    assert axis_eur_text(12_345.6, "en") == "€12,346"
    assert decimal_text("0.205", "fr") == "0,205"
    assert decimal_text("0.205", "en") == "0.205"
    assert french_date_tick(mdates.date2num(dt.datetime(2025, 1, 1))) == "2025"
    assert french_date_tick(mdates.date2num(dt.datetime(2024, 5, 1))) == "mai"
    assert french_date_tick(mdates.date2num(dt.datetime(2024, 9, 1))) == "sept."
    assert french_date_tick(mdates.date2num(dt.datetime(2024, 5, 15))) == "15/05"


# --------------------------------------------------------------------------- late payment


@pytest.fixture(scope="module")
def cost_fr():
    return drawn(cost_by_days_late(["teogest"], 10000, "2024-03-01", paid="2024-04-15",
                                   lang="fr"))


def test_cost_chart_in_french(cost_fr):
    ax = cost_fr.axes[0]
    assert ax.get_title(loc="left") == (
        f"Coût du paiement en retard d'une facture de 10{NNB}000,00{NB}€ échue le 1er mars 2024")
    assert ax.get_xlabel() == "Jours de retard (date de paiement moins échéance)"
    assert ax.get_ylabel() == "Pénalités + indemnité forfaitaire"
    assert legend(ax) == [
        "Teogest (lecture par défaut : retard dès le 31e jour, taux légal de chaque semestre)",
        "Teogest : la clause telle qu'écrite (sous le plancher)",
        "Teogest : 3 autres lectures",  # drawn dashed; the 2 others give the default's line
        "Règles supplétives (Code de commerce)",
        "payée le 15 avril 2024 : 45 jours de retard",
    ]
    ticks = texts(ax.get_yticklabels())
    assert f"100{NB}€" in ticks and not any("EUR" in t for t in ticks)
    assert ax.yaxis.get_major_formatter()(1000, 0) == f"1{NNB}000{NB}€"


def test_cost_chart_footnote_in_french(cost_fr):
    notes = cost_fr.cgvlib_notes
    assert notes.startswith("Trait plein : le montant dû selon la loi, jamais sous trois fois "
                            "le taux d'intérêt légal de chaque semestre")
    assert "Tirets : les autres lectures d'une clause ambiguë" in notes
    assert "Date de facture (Teogest) : la date d'échéance." in notes
    assert notes.endswith(f"Dès le premier jour de retard, l'indemnité forfaitaire de "
                          f"40,00{NB}€ est due (D441-5).")
    assert "indemnité forfaitaire de 40,00" in footnote(cost_fr)


def test_cost_chart_zoom_and_redraw_stay_french():
    fig = cost_by_days_late(["janquor", "gout"], 10000, "2024-03-01", lang="fr")
    zoom = fig.axes[1].get_title(loc="left")
    assert zoom.startswith("Zoom sur les autres : de 0 à ")
    assert zoom.endswith(f"{NB}€ (JANQUOR sort de cette échelle)")
    assert update_cost_chart(fig, 25000)
    assert f"facture de 25{NNB}000,00{NB}€ échue le 1er mars 2024" in fig.axes[0].get_title(
        loc="left")


def test_cost_chart_end_of_data_and_silent_terms_in_french(example_data, write_vendor):
    # 2026-05-01 + 60 days = 2026-06-30, the last day of 2026-S1
    fig = cost_by_days_late(["iosmart"], 1_000, "2026-05-01", lang="fr")
    assert "L'axe s'arrête à 60 jours de retard (30 juin 2026) : le taux d'intérêt légal est " \
           "connu jusqu'au 30 juin 2026" in fig.cgvlib_notes
    example_data["late_payment"] = {"silent": True, "note": "no late-payment clause"}
    vendor = load_vendor(write_vendor(example_data), texts_dir=FIXTURES)
    fig = cost_by_days_late([vendor], 10_000, "2024-03-01", max_days=50, lang="fr")
    assert "EXEMPLE SARL (contrat muet : conditions légales)" in legend(fig.axes[0])


@pytest.fixture(scope="module")
def rates_fr():
    return drawn(penalty_rate_over_time(FIVE, lang="fr"))


def test_rate_chart_in_french(rates_fr):
    ax = rates_fr.axes[0]
    assert ax.get_title(loc="left") == (
        "Taux des pénalités de retard, semestre par semestre (de 2015-S1 à 2026-S1)")
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Semestre", "Taux annuel (%, échelle log.)")
    entries = legend(ax)
    assert "Plancher : 3 × le taux légal (L441-10 II)" in entries
    assert f"JANQUOR : 10{NB}% par mois = 120{NB}% par an" in entries
    assert "Michaël GOUT (= le plancher)" in entries
    assert "Sous le plancher (une bande par fournisseur)" in entries
    bands = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("breach-label")]
    assert sorted(bands) == ["Leappy SAS : sous le plancher de 2015-S1 à 2026-S1",
                             "Teogest : sous le plancher de 2023-S1 à 2026-S1"]
    ticks = texts(ax.get_yticklabels())
    assert f"0,5{NB}%" in ticks and f"5{NB}%" in ticks


def test_rate_chart_dates_and_footnote_in_french(rates_fr):
    years = texts(rates_fr.axes[0].get_xticklabels())
    assert years[0] == "2015" and "2026" in years
    assert not [t for t in years if ENGLISH_MONTHS.search(t)]
    note = footnote(rates_fr)
    assert note.startswith("Semestres de 2015-S1 à 2026-S1 ; les données s'arrêtent à 2026-S1 "
                           ": le taux d'intérêt légal est connu jusqu'au 30 juin 2026")
    assert "Échelle logarithmique" in note


# --------------------------------------------------------------------------- service levels


@pytest.fixture(scope="module")
def tiers_fr():
    return drawn(credit_tiers_chart("teogest", unavailability=0.205, lang="fr"))


def test_credit_tiers_in_french(tiers_fr):
    ax = tiers_fr.axes[0]
    assert ax.get_title(loc="left") == (
        "Teogest : crédit de service selon le taux d'indisponibilité mensuelle")
    assert ax.get_xlabel() == "taux d'indisponibilité mensuelle (formule de l'annexe 2 A.6)"
    assert ax.get_ylabel() == "crédit, en % de la facture du mois"
    entries = legend(ax)
    assert f"taux du mois : 0,205{NB}% → crédit 3{NB}%, palier supérieur (par défaut)" in entries
    assert f"plafond mensuel : 20{NB}% de la facture (Annexe 2 A.6)" in entries
    assert "lacune : le texte ne dit rien" in entries
    assert f"0,5{NB}%" in texts(ax.get_xticklabels())
    zoom = tiers_fr.axes[1]
    assert zoom.get_title(loc="left") == f"lacune 1 : 0,2–0,21{NB}%, le texte ne dit rien"
    assert texts(zoom.get_xticklabels()) == [f"0,2{NB}%", f"0,21{NB}%"]
    assert f"palier supérieur : 3{NB}%" in texts(zoom.texts)
    assert "lecture par défaut : le palier supérieur (Code civil art. 1190)" in footnote(tiers_fr)


# --------------------------------------------------------------------------- notice


@pytest.fixture(scope="module")
def timeline_fr():
    return drawn(renewal_timeline(FIVE, "2024-01-31", "2025-12-31",
                                  commitment_months={"teogest": 12, "gout": 12},
                                  today="2024-12-05", today_label="lettre envoyée", lang="fr"))


def test_renewal_timeline_in_french(timeline_fr):
    ax = timeline_fr.axes[0]
    assert ax.get_title(loc="left") == (
        "Quand envoyer la lettre de résiliation : périodes depuis le 31 janv. 2024, "
        "reconductions, délais de préavis")
    assert ax.get_xlabel() == "date"
    entries = texts(timeline_fr.legends[0].get_texts())
    assert "lettre envoyée (5 décembre 2024)" in entries
    assert "dernier jour pour envoyer la lettre (lecture par défaut)" in entries
    assert "date de reconduction (reconduction tacite)" in entries
    notes = texts(ax.texts)
    assert {"30 nov. 2024", "30 nov. 2025", "31 déc. 2024"} <= set(notes)
    assert ("durée par commande (art. 5) : ni reconduction tacite, ni préavis ; la résiliation "
            "prend effet dès qu'elle est faite") in [n.replace("\n", " ") for n in notes]
    # the readings by their French names (cgvlib.names), never their identifiers
    assert texts(ax.get_yticklabels())[0] == (
        "JANQUOR\npériodes de 12 mois\nv : compté depuis la fin de la période\n"
        "x : compté depuis la date anniversaire")


def test_renewal_timeline_dates_have_no_english_month(timeline_fr):
    ax = timeline_fr.axes[0]
    ticks = texts(ax.get_xticklabels())
    assert "2025" in ticks and "avr." in ticks
    assert not [t for t in [*ticks, *texts(ax.texts)] if ENGLISH_MONTHS.search(t)]


def test_renewal_timeline_default_day_label_in_french():
    fig = renewal_timeline(["janquor"], "2024-01-31", "2025-12-31", today="2024-12-05",
                           lang="fr")
    assert "date du scénario (5 décembre 2024)" in texts(fig.legends[0].get_texts())


# --------------------------------------------------------------------------- findings


@pytest.fixture(scope="module")
def findings_fr():
    rows = [("b1", "Leappy SAS", "breach"), ("a1", "Leappy SAS", "ambiguity"),
            ("r1", "Teogest", "risk"), ("n1", "JANQUOR", "note")]
    frame = pd.DataFrame([{"id": i, "vendor": v, "severity": s, "family": "late payment",
                           "article": "4", "quote": "q", "rule": "L441-10",
                           "explanation": "e", "periods": "", "path": "p"}
                          for i, v, s in rows])
    frame["severity"] = pd.Categorical(frame["severity"], categories=list(SEVERITIES),
                                       ordered=True)
    return drawn(summary_chart(frame, lang="fr"))


def test_findings_chart_in_french(findings_fr):
    ax = findings_fr.axes[0]
    assert ax.get_title(loc="left") == (
        "Constatations de conformité par fournisseur, par gravité (4 au total)")
    assert ax.get_xlabel() == "Constatations (nombre)"
    assert legend(ax) == ["manquement", "risque", "ambiguïté", "remarque"]
    assert ax.get_legend().get_title().get_text() == "Gravité"
    assert texts(ax.get_yticklabels()) == ["JANQUOR", "Teogest", "Leappy SAS"]
    assert {p.get_gid() for p in ax.patches} >= {"breach:Leappy SAS", "risk:Teogest"}
    note = footnote(findings_fr)
    assert note.startswith("Chaque constatation est un contrôle portant sur une clause. "
                           "Gravités : manquement : contredit une disposition légale")
    assert "remarque : une erreur de rédaction" in note


# --------------------------------------------------------------------------- languages


@pytest.mark.parametrize("draw", [
    lambda lang: cost_by_days_late(["teogest"], 100, "2024-03-01", max_days=5, lang=lang),
    lambda lang: penalty_rate_over_time(["gout"], start="2025-01-01", lang=lang),
    lambda lang: credit_tiers_chart("teogest", lang=lang),
    lambda lang: renewal_timeline(["janquor"], lang=lang),
    lambda lang: summary_chart(pd.DataFrame(columns=["id", "vendor", "severity", "article",
                                                     "quote"]), vendors=["gout"], lang=lang),
], ids=["cost", "rates", "tiers", "timeline", "findings"])
def test_an_unknown_language_is_refused(draw):
    with pytest.raises(InputError, match=r"lang: 'de'.*valid: fr, en"):
        draw("de")
    with pytest.raises(InputError, match="lang: 'de'"):
        word("cost_title", "de")


def test_english_stays_the_default():
    fig = cost_by_days_late(["teogest"], 10000, "2024-03-01", paid="2024-04-15")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == (
        "What paying a €10,000.00 invoice due 1 March 2024 late costs, by days late")
    assert ax.yaxis.get_major_formatter()(1000, 0) == "€1,000"
    assert fig.cgvlib_notes.endswith(
        "From day 1 late the €40.00 indemnité forfaitaire is due (D441-5).")
    timeline = renewal_timeline(["janquor"], "2024-01-31", "2025-12-31", today="2024-12-05")
    assert "30 Nov 2024" in texts(timeline.axes[0].texts)
    assert "scenario date (5 December 2024)" in texts(timeline.legends[0].get_texts())
