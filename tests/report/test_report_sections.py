"""The report's sections (no kernel): checked parameters, tables in French and English with
figures worked out by hand, amounts formatted from the already-rounded cents."""

from __future__ import annotations

import re

import pytest

from cgvlib.dates import format_date
from cgvlib.errors import InputError, UnknownVendorError
from cgvlib.money import format_eur, format_percent
from cgvlib.report.sections import prepare

NB, NNB = "\u00a0", "\u202f"  # no-break space (before € and %), narrow one (thousands)

SCENARIO = dict(
    vendors=["teogest", "janquor"], invoice_amount=10000, due="2024-03-01",
    paid="2024-04-15", unavailability_percent=0.5, monthly_amount=1000,
    contract_start="2024-01-31", notice_date="2024-12-05",
)


@pytest.fixture(scope="module")
def fr():
    return prepare(**SCENARIO)  # lang defaults to French


@pytest.fixture(scope="module")
def en():
    return prepare(**SCENARIO, lang="en")


def row(styler, name: str) -> dict:
    return styler.data.loc[name].to_dict()


def test_french_formats():
    assert format_eur(123456, "fr") == f"1{NNB}234,56{NB}€"
    assert format_eur(-5, "fr") == f"-0,05{NB}€"
    assert format_date("2026-11-25", "fr") == "25 novembre 2026"
    assert format_date("2026-11-25", "en") == "25 November 2026"
    assert format_percent("8.07", "fr") == f"8,07{NB}%"
    assert format_percent("10", "en") == "10%"


def test_unknown_language_is_refused():
    with pytest.raises(InputError, match=r"lang: 'de'.*valid: fr, en"):
        format_date("2026-11-25", "de")
    with pytest.raises(InputError, match="lang: 'de'"):
        prepare(**SCENARIO, lang="de")


def test_late_payment_in_french(fr):
    table = fr.late_payment_table()
    assert table.data.index.name == "Fournisseur"
    # Teogest art. 14.6, default reading: the delay starts on day 31 after the invoice
    # (2024-03-01 + 31 = 2024-04-01), 15 days to 2024-04-15. As written, legal 5.07 % (2024-S1)
    # + 3 = 8.07 %: 1,000,000 c x 807 x 15 / 3,650,000 = 3,316.44 c -> 33.16 + 40 = 73.16. The
    # L441-10 II floor 3 x 5.07 = 15.21 % applies instead: 1,000,000 x 1521 x 15 / 3,650,000 =
    # 6,250.68 c -> 62.51 + 40 = 102.51. The readings counting from the day after the due date:
    # 45 days at the floor, 1,000,000 x 1521 x 45 / 3,650,000 = 18,752.05 c -> 187.52 + 40.
    assert row(table, "Teogest") == {
        "Jours de retard": 45, "Premier jour de retard": "1er avril 2024", "Jours comptés": 15,
        "Taux": f"15,21{NB}% par an", "Pénalités": f"62,51{NB}€", "Indemnité": f"40,00{NB}€",
        "Total": f"102,51{NB}€", "Total selon la clause (sous le plancher)": f"73,16{NB}€",
        "Autres lectures": (  # the readings by their names (cgvlib.names), " ; " between
            f"227,52{NB}€: retard dès l'échéance, taux légal de chaque semestre ; retard dès "
            "l'échéance, taux légal au début du retard ; retard dès l'échéance, taux légal à la "
            f"date de facture\n102,51{NB}€: retard dès le 31e jour, taux légal de ce jour ; "
            "retard dès le 31e jour, taux légal à la date de facture"),
        "Article": "14.6",
    }
    # JANQUOR art. 11, 10 % per month, prorata (default): 120 % a year over 45 days:
    # 1,000,000 x 12,000 x 45 / 3,650,000 = 147,945.2 c -> 1,479.45 + 40 = 1,519.45. Other
    # readings, + 40 each: months of 30 days, 45 / 30 x 10 % = 1,500; calendar months, one whole
    # (03-02..04-01) and 14 days of April's 30, 1.4667 x 1,000 = 1,466.67; started months, 2
    # (03-02..04-01, 04-02..04-15) x 10 % = 2,000. Never below the floor: no total as written.
    janquor = row(table, "JANQUOR")
    assert janquor["Taux"] == f"10{NB}% par mois"
    assert janquor["Pénalités"] == f"1{NNB}479,45{NB}€"
    assert janquor["Total"] == f"1{NNB}519,45{NB}€"
    assert janquor["Total selon la clause (sous le plancher)"] == ""
    assert janquor["Autres lectures"] == (
        f"1{NNB}540,00{NB}€: prorata (mois de 30 jours)\n1{NNB}506,67{NB}€: mois entiers, puis "
        f"prorata\n2{NNB}040,00{NB}€: tout mois commencé")
    # The law (L441-10 II): ECB 4.50 % on 2024-01-01 + 10 pts = 14.50 % over 45 days:
    # 1,000,000 x 1,450 x 45 / 3,650,000 = 17,876.7 c -> 178.77 + 40 = 218.77.
    law = row(table, "Règles supplétives (Code de commerce)")
    assert (law["Premier jour de retard"], law["Taux"], law["Total"]) == (
        "2 mars 2024", f"14,5{NB}% par an", f"218,77{NB}€")


def test_late_payment_in_english(en):
    table = en.late_payment_table()
    assert table.data.index.name == "Vendor"
    teogest = row(table, "Teogest")
    # 15 days at the floor 15.21 % (2024-S1): 62.51 + 40; as written at 8.07 %: 33.16 + 40
    assert (teogest["First day of delay"], teogest["Penalties"], teogest["Total"],
            teogest["Total by the clause (below the floor)"]) == (
        "1 April 2024", "€62.51", "€102.51", "€73.16")
    assert row(table, "JANQUOR")["Total"] == "€1,519.45"


def test_a_half_cent_is_rounded_once_half_up_then_only_formatted():
    # The law's 14.50 % on 36.50 EUR for 10 days (2024-03-02..2024-03-11):
    # 3,650 c x 1,450 x 10 / 3,650,000 = 14.5 c exactly -> 15 c half-up (half-even: 14 c).
    report = prepare(**{**SCENARIO, "invoice_amount": 36.50, "paid": "2024-03-11"})
    law = row(report.late_payment_table(), "Règles supplétives (Code de commerce)")
    assert (law["Pénalités"], law["Total"]) == (f"0,15{NB}€", f"40,15{NB}€")


def test_service_credit_and_silence(fr):
    table = fr.sla_table()
    # Teogest annexe 2 A.6: 0.5 % falls in the tier 0.21-0.5 %: 3 % of 1,000 = 30.00,
    # capped at 20 % of the month's invoice = 200.00.
    teogest = row(table, "Teogest")
    assert (teogest["Crédit (% de la facture)"], teogest["Crédit"], teogest["Plafond"]) == (
        f"3{NB}%", f"30,00{NB}€", f"200,00{NB}€")
    assert teogest["Palier d'indisponibilité"] == f"0,21–0,5{NB}%"
    assert row(table, "JANQUOR")["Remarque"] == "le contrat ne dit rien"
    assert len(fr.sla_charts()) == 1  # Teogest only


def test_exit_in_french(fr):
    table = fr.exit_table()
    # JANQUOR art. 16: terms of 12 months from 2024-01-31, the first ends 2025-01-30; notice
    # « deux mois avant le terme »: 2 months before its last day (the default, the earlier
    # date), 2025-01-30 -> 2024-11-30, or before the anniversary 2025-01-31 -> 2024-11-30 too
    # (no 31 November). Sent 2024-12-05: void, the renewed period is due; ends 2026-01-30;
    # billed Dec 2024..Jan 2026 = 14 months x 1,000.
    assert row(table, "JANQUOR") == {
        "Lettre envoyée le": "5 décembre 2024", "Dernier jour pour l'envoyer": "30 novembre 2024",
        "Fin du contrat": "30 janvier 2026", "Reconduit": "oui", "Dû jusqu'à la fin":
        f"14{NNB}000,00{NB}€",
        "Autres lectures": "30 janvier 2026: compté depuis la date anniversaire", "Article": "16",
        "Remarque": "",
    }
    # Teogest art. 20: under 12 months of tenure, no notice: ends at the end of the month of
    # the request, 2024-12-31; that month, begun, is due (« Tout mois commencé étant dû »):
    # 1 x 1,000.
    teogest = row(table, "Teogest")
    assert (teogest["Fin du contrat"], teogest["Dû jusqu'à la fin"]) == (
        "31 décembre 2024", f"1{NNB}000,00{NB}€")


def test_a_duration_per_order_says_why_no_sum_is_given():
    report = prepare(**{**SCENARIO, "vendors": ["leappy"]})
    leappy = row(report.exit_table(), "Leappy SAS")
    # Leappy art. 5: a termination takes effect the day it is made; the work done until then
    # is due, which is not a figure of the contract.
    assert (leappy["Fin du contrat"], leappy["Dû jusqu'à la fin"]) == ("5 décembre 2024", "")
    assert leappy["Remarque"] == ("Seul le travail effectué jusqu'à la résiliation est dû ; les "
                                  "conditions n'en donnent pas le montant, qui se lit sur les "
                                  "factures.")


def test_a_term_length_left_to_the_order_says_what_to_give():
    report = prepare(**{**SCENARIO, "vendors": ["gout"]})
    note = row(report.exit_table(), "Michaël GOUT")["Remarque"]
    # a sentence saying why and what to give, not the library's English message
    assert note == ("Non calculé : la durée du contrat de Michaël GOUT est fixée par le devis ou "
                    "la commande (art. 7 C) ; donnez-la dans le paramètre « Durée d'engagement "
                    "(mois) », par exemple 12.")
    given = prepare(**{**SCENARIO, "vendors": ["gout"], "commitment_months": {"gout": 12}})
    # GOUT art. 7 C: 12-month term from 2024-01-31, ends 2025-01-30; notice « un mois avant
    # l'échéance », by default before its last day (the earlier date): by 2024-12-30 (before
    # the anniversary 2025-01-31 it would be 2024-12-31); sent 2024-12-05 in time.
    gout = row(given.exit_table(), "Michaël GOUT")
    assert (gout["Dernier jour pour l'envoyer"], gout["Fin du contrat"], gout["Reconduit"]) == (
        "30 décembre 2024", "30 janvier 2025", "non")


def test_headings_and_parameters_use_the_report_formats(fr):
    heading = fr.heading("late_payment").data
    assert heading.startswith("## Retard de paiement")
    assert f"10{NNB}000,00{NB}€ échue le 1er mars 2024 et payée le 15 avril 2024" in heading
    values = fr.parameters_table().data["Valeur"].to_dict()
    assert values["Montant de la facture"] == f"10{NNB}000,00{NB}€"
    assert values["Date de facture"] == "1er mars 2024"  # not given: the due date
    assert values["Indisponibilité du mois"] == f"0,5{NB}%"
    assert values["Durée d'engagement (mois)"] == "selon le contrat"
    assert values["Langue"] == "français"  # not the code 'fr'
    assert values["Au-delà des données de référence"] == ("non calculé (aucune valeur n'est "
                                                         "supposée)")


def test_working_is_folded_per_vendor(fr):
    working = fr.working("late_payment").data
    assert working.count("<details>") == 3  # Teogest, JANQUOR, the law
    # Teogest at the floor 3 x 5.07 = 15.21 % over 15 days, the clause's 8.07 % named beside,
    # in the page's language
    assert ("1\u202f000\u202f000 centimes x (1521 pb x 15 j) / (365 x 10 000)" in working)
    assert "le plancher L441-10 II, au-dessus des 8,07 % de la clause" in working


@pytest.mark.parametrize(("change", "message"), [
    ({"paid": "2024-02-01"}, "paid: 2024-02-01 is before due 2024-03-01"),
    ({"invoice_date": "2024-03-02"}, "invoice_date: 2024-03-02 is after due 2024-03-01"),
    ({"notice_date": "2023-12-31"}, "notice_date: 2023-12-31 is before contract_start"),
    ({"due": "2024-13-01"}, "due: 2024-13-01 is not a calendar date: there is no month 13"),
    ({"invoice_amount": -5}, "invoice_amount"),
    ({"invoice_amount": 12.345}, "fractions of a cent"),
    ({"unavailability_percent": 150}, "unavailability_percent: 150% is outside 0..100"),
    ({"unavailability_percent": "lots"}, "'lots' is not a percentage"),
    ({"commitment_months": 0}, "commitment_months: 0 for teogest is not a number of months"),
    ({"vendors": []}, "vendors: expected a vendor id or a list"),
    ({"vendors": ["statutory"]}, "'statutory' is not a vendor id"),
])
def test_bad_parameters_name_the_parameter(change, message):
    with pytest.raises(InputError, match=re.escape(message)):
        prepare(**{**SCENARIO, **change})


def test_unknown_vendors_are_refused_with_the_known_ones():
    with pytest.raises(UnknownVendorError, match=r"unknown vendor 'teogst'.*teogest"):
        prepare(**{**SCENARIO, "vendors": ["teogst"]})
    with pytest.raises(UnknownVendorError, match="unknown vendor 'gouy'"):
        prepare(**{**SCENARIO, "commitment_months": {"gouy": 12}})


def test_a_shared_commitment_mapping_keeps_this_reports_vendors():
    report = prepare(**{**SCENARIO, "commitment_months": {"gout": 12, "teogest": 24}})
    assert dict(report.p.commitment_months) == {"teogest": 24}
