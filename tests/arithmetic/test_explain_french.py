"""Every result's working in French: ``result.explain("fr")`` is wholly French (dates
``1er mars 2024``, amounts ``1 234,56 €``, decimal commas, the readings' French names), while
``explain()`` stays the library's English (the other tests of this folder read it).

Each expected line is worked out by hand from the contract and the reference data (the
working of each figure is in the comment above it); the French words are the catalog's.
"""

from __future__ import annotations

import re

import pytest

from cgvlib.arithmetic import cancellation, fees, liability, price, time_limits
from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.notice import early_exit, exit_plan
from cgvlib.arithmetic.sla import sla_credit, sla_downtime
from cgvlib.errors import InputError

NB, NNB = "\u00a0", "\u202f"  # no-break space (before € and %), narrow one (thousands)
FIVE = ["janquor", "iosmart", "teogest", "leappy", "gout"]


def lines(text: str) -> list[str]:
    return text.split("\n")


# --------------------------------------------------------------------------- late payment


def test_janquor_late_payment_in_french():
    # JANQUOR art. 11: 10 % per month of delay, default reading pro rata of a twelfth of a
    # 365-day year. 2,000.00 EUR due 2024-03-01 paid 2024-04-15: first day of delay 2 March
    # (the day after the due date), 45 days of delay (2 March..15 April, both counted).
    # Interest = 200,000 cents x 1000 bp x 45 x 12 / (365 x 10,000) = 108,000,000,000 /
    # 3,650,000 = 29,589.0411 cents -> 295.89 EUR; + 40 EUR indemnity = 335.89 EUR.
    # The floor (3 x 5.07 % = 15.21 % a year, 2024-S1) is far below 120 % a year.
    r = late_payment("janquor", 2000, "2024-03-01", "2024-04-15")
    said = lines(r.explain("fr"))
    assert said[:10] == [
        f"janquor : 2{NNB}000,00{NB}€ payés avec 45 jours de retard : intérêts 295,89{NB}€ + "
        f"indemnité 40,00{NB}€ = 335,89{NB}€",
        f"  Montant : 2{NNB}000,00{NB}€, lu comme le montant de la facture tel que facturé "
        "(TVA comprise)",
        "  Échéance le 1er mars 2024, payé le 15 avril 2024 : 45 jour(s) de retard (paiement - "
        "échéance)",
        "  Premier jour de retard : 2 mars 2024 (le lendemain de l'échéance)",
        "  Jours de retard : 45 (du 2 mars 2024 au 15 avril 2024, le jour du paiement compté)",
        "    du 2 mars 2024 au 15 avril 2024 : 45 jour(s) à 10,00 % par mois : 10 % par mois "
        "prorata temporis, un mois étant un douzième d'une année de 365 jours (45 jours x 12 / "
        "365 mois)",
        f"  Intérêts : 200{NNB}000 centimes x 1000 pb x 45 j x 12 / (365 x 10 000) = "
        "29589,0411 centimes, arrondis une fois au centime le plus proche (demi vers le haut)",
        "  Plancher L441-10 II (3 x le taux d'intérêt légal, semestre par semestre) : le taux de "
        "la clause n'est en dessous à aucun jour du retard, son montant est donc le montant "
        "légal",
        f"  Indemnité : 40,00{NB}€ par facture payée en retard (comptée une fois : « toute "
        "somme » de la clause est cette seule facture)",
        f"  Total : 295,89{NB}€ + 40,00{NB}€ = 335,89{NB}€",
    ]
    # the reading shown, by its French name, and every reading's figure: started months,
    # 2 months started (2 March..1 April, 2 April..15 April) x 10 % = 400.00 EUR + 40
    assert "  Lecture montrée : prorata (année de 365 jours) (celle par défaut)." in said
    assert "    - tout mois commencé : tout mois de retard commencé coûte les 10 % entiers (un " \
           "jour de retard = 10 %)" in said
    assert (f"      2{NNB}000,00{NB}€ payés avec 45 jours de retard : intérêts 400,00{NB}€ + "
            f"indemnité 40,00{NB}€ = 440,00{NB}€") in said
    # the English working is unchanged
    assert lines(r.explain())[6] == ("  Interest: 200,000 cents x 1000 bp x 45 d x 12 / (365 x "
                                     "10,000) = 29589.0411 cents, rounded half-up once")
    assert r.explain() == r.explain("en") == str(r)


def test_teogest_late_payment_under_the_floor_in_french():
    # Teogest art. 14.6, default reading: delay from day 31 after issue, each semester's legal
    # rate + 3 points. Invoice 2024-02-01, due 2024-03-01, paid 2024-04-15: the first day of
    # delay is day 31 after issue, 1 February + 31 days = 3 March 2024 (February has 29 days);
    # 44 days of delay (3 March..15 April). Legal rate 2024-S1 5.07 % + 3 = 8.07 % is below the
    # floor 3 x 5.07 = 15.21 %, which applies: 1,000,000 x 1521 x 44 / 3,650,000
    # = 18,335.3425 cents -> 183.35 EUR; + 40 = 223.35 EUR. As written: 1,000,000 x 807 x 44
    # / 3,650,000 = 9,728.2192 -> 97.28 EUR + 40 = 137.28 EUR; the floor adds 86.07 EUR.
    r = late_payment("teogest", 10000, "2024-03-01", "2024-04-15", invoice_date="2024-02-01")
    said = lines(r.explain("fr"))
    assert said[0] == (f"teogest : 10{NNB}000,00{NB}€ payés avec 45 jours de retard : intérêts "
                       f"183,35{NB}€ + indemnité 40,00{NB}€ = 223,35{NB}€ sous le plancher "
                       f"L441-10 II (la clause telle qu'écrite : 137,28{NB}€, 86,07{NB}€ de "
                       "moins)")
    assert said[3] == ("  Premier jour de retard : 3 mars 2024 (le 31e jour après la date de "
                       "facture, le 1er février 2024)")
    assert said[5] == ("    du 3 mars 2024 au 15 avril 2024 : 44 jour(s) à 15,21 % : 3 x taux "
                       "légal 5,07 % (1er semestre 2024) = 15,21 %, le plancher L441-10 II, "
                       "au-dessus des 8,07 % de la clause (taux légal 5,07 % (1er semestre 2024) "
                       "+ 3 points)")
    assert said[6] == (f"  Intérêts : 1{NNB}000{NNB}000 centimes x (1521 pb x 44 j) / (365 x "
                       "10 000) = 18335,3425 centimes, arrondis une fois au centime le plus "
                       "proche (demi vers le haut)")
    assert (f"  La clause telle qu'écrite, hors plancher : 137,28{NB}€ ; le plancher ajoute "
            f"86,07{NB}€") in said
    assert ("  Lecture montrée : retard dès le 31e jour, taux légal de chaque semestre (celle "
            "par défaut).") in said


# --------------------------------------------------------------------------- SLA


def test_teogest_sla_credit_in_french():
    # Annexe 2 A.6: 0.5 % falls in « entre 0,21 et 0,5 % » -> 3 % of the month's invoice;
    # 3 % x 1,000.00 EUR = 30.00 EUR; the cap, 20 % = 200.00 EUR, is not reached.
    r = sla_credit("teogest", 0.5, 1000)
    assert lines(r.explain("fr"))[:6] == [
        f"Teogest : 0,5 % d'indisponibilité -> palier 0,21–0,5{NB}% : crédit 3 % de "
        f"1{NNB}000,00{NB}€ = 30,00{NB}€",
        "  indisponibilité 0,5 % (donnée)",
        f"  palier 0,21–0,5{NB}% (Annexe 2 A.6) : crédit de 3 % de la facture du mois",
        f"  3 % x 1{NNB}000,00{NB}€ = 30 € -> 30,00{NB}€ (arrondi au centime le plus proche, "
        "demi vers le haut)",
        "  plafond 20 % de la facture du mois (Annexe 2 A.6) = 200,00\u00a0€ : non atteint "
        "(aucun palier ne le dépasse : le palier le plus haut est de 20 %)",
        "  réclamation dans les 30 jours suivant le dernier jour du mois de référence ; versé "
        "sous forme d'un avoir",
    ]


def test_downtime_allowance_in_french():
    # 99.8 % of a mean Gregorian month (365.2425 / 12 = 30.436875 days = 2,629,746 s):
    # 0.2 % x 2,629,746 s = 5,259.492 s -> 5,259.5 s = 1 h 27 min 39.5 s (the text's table)
    r = sla_downtime(99.8, "month")
    assert lines(r.explain("fr")) == [
        "(tout prestataire) : une disponibilité de 99,8 % permet 1 h 27 min 39,5 s "
        "d'indisponibilité par mois",
        "  un mois compte 30,436875 jour(s) = 2629746 s (année de 365,2425 jours / 12)",
        "  indisponibilité permise : 100 % - 99,8 % = 0,2 %",
        "  0,2 % x 2629746 s = 5259,492 s",
        "  arrondi au dixième de seconde le plus proche (demi vers le haut) : 5259,5 s = 1 h "
        "27 min 39,5 s",
    ]
    assert r.headline() == "99.8 % availability allows 1 h 27 min 39.5 s of downtime per month"


# --------------------------------------------------------------------------- notice and exit


def test_janquor_late_notice_in_french():
    # JANQUOR art. 16: 12 months from 2024-01-31, term's last day 2025-01-30; notice « deux
    # (2) mois avant le terme »: by 2024-11-30 (default: counted from the term's last day).
    # A letter of 2024-12-05 is late: the renewed period is due in full; earliest end the
    # end of term 2, 2026-01-30 (its letter by 2025-11-30). Months not over at 2024-12-05:
    # 24 (to 2026-01-30) - 10 (completed on 2024-12-05) = 14; 14 x 1,000.00 = 14,000.00 EUR.
    r = exit_plan("janquor", "2024-01-31", "2024-12-05", monthly_amount=1000,
                  commitment_months=12)
    said = lines(r.explain("fr"))
    assert said[:6] == [
        "JANQUOR : demande du 5 décembre 2024 : fin le 30 janvier 2026 (dernier jour sûr, le 30 "
        "novembre 2024, manqué, renouvelé (préavis tardif)) ; facturé jusqu'à la fin "
        f"14{NNB}000,00{NB}€",
        "  période 1 en cours : du 31 janvier 2024 au 30 janvier 2025 (12 mois, art. 16)",
        "  préavis 2 mois avant le dernier jour de la période (art. 16) : dernier jour pour "
        "l'envoyer le 30 novembre 2024",
        "  envoyé le 5 décembre 2024, après le 30 novembre 2024 : nulle (« toute demande de "
        "résiliation hors-délai sera nul »), la période renouvelée est due en entier ; la fin "
        "la plus proche est la fin de la période 2, le 30 janvier 2026 (la lettre doit partir "
        "au plus tard le 30 novembre 2025)",
        "  mois du contrat non écoulés au 5 décembre 2024 jusqu'au 30 janvier 2026 (le mois en "
        "cours compris, comme tout mois en cours) : 14",
        f"  sommes dues jusqu'au terme : 14 x 1{NNB}000,00{NB}€ = 14{NNB}000,00{NB}€",
    ]
    assert "  Lecture montrée : compté depuis la fin de la période (celle par défaut)." in said


def test_gout_early_exit_in_french():
    # GOUT 7 C, 12 months from 2024-01-01 at 100.00 EUR, ended 2024-05-15: May is in progress
    # (5 months started), June..December (7) not started and refunded within two months, by
    # 2024-07-15: 1 x 100.00 due, 7 x 100.00 = 700.00 refunded.
    r = early_exit("gout", "2024-01-01", "2024-05-15", monthly_amount=100, commitment_months=12)
    assert lines(r.explain("fr"))[:5] == [
        "Michaël GOUT : prend fin le 15 mai 2024, dans la période du 1er janvier 2024 au 31 "
        "décembre 2024 : 5 mois commencé(s) sur 12 ; dû 100,00\u00a0€, remboursement de "
        "700,00\u00a0€ au plus tard le 15 juillet 2024",
        "  période du 1er janvier 2024 au 31 décembre 2024 : 12 mois ; prend fin le 15 mai 2024 : "
        "5 commencé(s) (le mois en cours compris), 7 non commencé(s)",
        "  art. 7 C : tout mois commencé est dû, les 7 non commencés sont remboursés sous 2 mois, "
        "au plus tard le 15 juillet 2024",
        "  dû à partir du mois en cours : 1 x 100,00\u00a0€ = 100,00\u00a0€ ; remboursé : 7 x "
        "100,00\u00a0€ = 700,00\u00a0€ au plus tard le 15 juillet 2024",
        "  base : 1 mois dû(s) à partir du mois en cours, 7 remboursé(s) au plus tard le 15 "
        "juillet 2024 (art. 7 C)",
    ]


# --------------------------------------------------------------------------- fees, caps, limits


def test_janquor_management_fee_and_vat_in_french():
    # JANQUOR art. 7: 5 % of the fees excluding VAT: 5 % x 1,000.00 = 50.00 EUR; art. 4: VAT
    # 20 % of 1,000.00 = 200.00 EUR, 1,200.00 EUR with VAT.
    fee = lines(fees.management_fee("janquor", 1000).explain("fr"))
    assert fee[:2] == [f"JANQUOR : frais de gestion du dossier : 50,00{NB}€",
                       f"  5 % de 1{NNB}000,00{NB}€ (montant total des honoraires HT) = "
                       f"50,00{NB}€"]
    vat = lines(fees.vat("janquor", 1000).explain("fr"))
    assert vat[1:4] == [f"  TVA 20 % de 1{NNB}000,00{NB}€ = 200,00{NB}€",
                        f"  total TTC : 1{NNB}200,00{NB}€",
                        # the vendor file's note, said through the catalog
                        "  note : Le taux en vigueur s'applique ; 20 % est le taux à la date du "
                        "texte."]


def test_janquor_liability_cap_in_french():
    # JANQUOR art. 21, default reading VAT included: 1,000.00 + 2,000.00 paid excluding VAT,
    # moved to VAT included at the art. 4 rate: 3,000.00 x 1.2 = 3,600.00 EUR; the other
    # reading (excluding VAT) gives 3,000.00 EUR.
    r = liability.liability_cap("janquor", [("2024-01-15", 1000), ("2024-03-15", 2000)],
                                "2024-06-15")
    said = lines(r.explain("fr"))
    assert said[:5] == [
        f"JANQUOR : plafond de responsabilité 3{NNB}600,00{NB}€ (les sommes payées jusqu'au 15 "
        f"juin 2024 ; 2 paiement(s), 3{NNB}600,00{NB}€ TTC)",
        "  paiements jusqu'au 15 juin 2024 (bornes comprises) : 2",
        "  les sommes sont comptées TVA comprise ; les montants sont donnés hors TVA, convertis à "
        "20 % de TVA (le taux que fixent les conditions, art. 4) : montant x 1,2",
        f"  somme : 3{NNB}600,00{NB}€",
        f"  plafond : 3{NNB}600,00{NB}€",
    ]
    assert (f"  les lectures donnent des plafonds de 3{NNB}000,00{NB}€ à 3{NNB}600,00{NB}€ ; le "
            f"plus élevé, 3{NNB}600,00{NB}€, selon TTC") in said


def test_gout_cancellation_in_french():
    # GOUT 7 A: an appointment cancelled less than 48 hours before (22 h: 9 June 12:00 for 10
    # June 10:00), the provider not travelled, the service estimable: 50 % of 300.00 = 150.00.
    r = cancellation.cancellation_fee("gout", 300, "2024-06-10 10:00", "2024-06-09 12:00",
                                      travelled=False, estimable=True)
    assert lines(r.explain("fr"))[:6] == [
        f"Michaël GOUT : frais d'annulation 150,00{NB}€ (50 % de 300,00{NB}€ ; préavis 22 h 00 "
        "min : préavis de moins de 48 heures lorsque le prestataire s'est déplacé : non, la "
        "prestation peut être estimée : oui)",
        "  événement (rendez-vous d'accompagnement annulés par le client) le 10 juin 2024 à "
        "10:00 ; annulé le 9 juin 2024 à 12:00",
        "  préavis : 22 h 00 min",
        "  ligne 1 : préavis de moins de 48 heures lorsque le prestataire s'est déplacé : non, la "
        "prestation peut être estimée : oui",
        f"  50 % de 300,00{NB}€ (le montant hors taxe estimé de la prestation)",
        f"  frais : 150,00{NB}€",
    ]


def test_teogest_time_limit_in_french():
    # Annexe 2 A.3.a, 48 heures ouvrées from Monday 6 May 2024, default reading 24 hours to a
    # jour ouvré: 2 jours ouvrés after the report, Tuesday 7 May, then Friday 10 May (8 May and
    # Ascension, 9 May 2024, are public holidays).
    r = time_limits.time_limit("teogest", 10, "2024-05-06")
    assert lines(r.explain("fr"))[:3] == [
        "Teogest : rechercher et vérifier les causes d'une anomalie logicielle signalée : au "
        "plus tard le 10 mai 2024 (48 heures ouvrées à partir du 6 mai 2024)",
        "  à partir du 6 mai 2024 (le signalement de l'anomalie par un utilisateur) : 48 heures "
        "ouvrées -> 10 mai 2024",
        "  48 heures ouvrées lues comme 2 jours ouvrés (24 heures par jour ouvré), comptés à "
        "partir du lendemain de l'événement",
    ]


def test_leappy_price_revision_in_french():
    # Leappy art. 4, P2 = P1 x S2/S1: signed 2023-03-01 (S1 = the index last published then,
    # January 2023, 293.9), revised 1 July 2023 (S2 = May 2023, 302.7): 302.7 / 293.9 =
    # 1.0299422 (7 places) -> 1,000.00 x 302.7 / 293.9 = 1,029.94 EUR.
    r = price.revise_price("leappy", 1000, "2023-03-01", "2023-09-01")
    said = lines(r.explain("fr"))
    assert said[0] == (f"leappy : 1{NNB}029,94{NB}€ le 1er septembre 2023 (1{NNB}000,00{NB}€ fixé "
                       "le 1er mars 2023, 1 révision)")
    assert said[3] == (
        "  Révision du 1er juillet 2023 (nouveaux prix à partir du 2 juillet 2023) : S1 = 293,9 "
        "(janvier 2023, série révisée, publié le 28 février 2023), publié en dernier au 1er mars "
        "2023 (la signature) ; S2 = 302,7 (mai 2023, série révisée, publié le 30 juin 2023), "
        "publié en dernier au 1er juillet 2023 ; S2/S1 = 302,7 / 293,9 = 1,0299422 ; prix "
        f"1{NNB}029,94{NB}€")


# --------------------------------------------------------------------------- the scan

SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
PYTHON_VALUES = re.compile(r"\b(?:True|False|None|nan|NaN|NaT)\b")
ENGLISH_WORDS = re.compile(r" (?:the|of|and|days) ")
QUOTE = re.compile(r"«[^»]*»")  # the contract's own words, French already


def leaks(text: str) -> set[str]:
    """Identifiers, Python values and common English words in ``text``, quotes left out."""
    text = QUOTE.sub("", text)
    return (set(SNAKE_CASE.findall(text)) | set(PYTHON_VALUES.findall(text))
            | set(ENGLISH_WORDS.findall(text)))


def test_the_scan_finds_what_it_looks_for():
    assert leaks("lecture term_end ; valeur None ; 12 days of the delay") == {
        "term_end", "None", " days ", " the "}
    assert leaks("« the quote » reste telle quelle") == set()


SCENARIOS = {
    "late_payment": lambda v: late_payment(v, 10000, "2024-03-01", "2024-04-15",
                                           invoice_date="2024-02-01"),
    "sla_credit": lambda v: sla_credit(v, 0.5, 1000),
    "exit_plan": lambda v: exit_plan(v, "2024-01-31", "2024-12-05", monthly_amount=1000,
                                     commitment_months=12),
    "early_exit": lambda v: early_exit(v, "2024-01-01", "2024-05-15", monthly_amount=100,
                                       commitment_months=12),
    "management_fee": lambda v: fees.management_fee(v, 1000),
    "vat": lambda v: fees.vat(v, 1000),
    "minimum_billing": lambda v: fees.minimum_billing(v, 100, "2024-03"),
    "overrun_surcharge": lambda v: fees.overrun_surcharge(v, 1000, "2024-01-01", "2024-05-15"),
    "recruitment_fee": lambda v: fees.recruitment_fee(v, 50000),
    "non_solicitation": lambda v: fees.non_solicitation_penalty(v, 3000),
    "liability_cap": lambda v: liability.liability_cap(
        v, [("2024-01-15", 1000, None, "2024-01-10"), ("2024-03-15", 2000, None, "2024-03-10")],
        "2024-06-15", **({"users": 10, "affected_users": 2, "interruption_days": 3}
                         if v == "teogest" else {})),
    "cancellation_fee": lambda v: cancellation.cancellation_fee(
        v, 1000, "2024-06-10 10:00", "2024-06-01 09:00",
        **({"travelled": False, "estimable": True} if v == "gout" else {})),
    "price_revision": lambda v: price.revise_price(v, 1000, "2023-03-01", "2023-09-01"),
    "time_limits": lambda v: [time_limits.time_limit(v, i, "2024-05-06")
                              for i in range(len(time_limits.time_limits(v, "2024-05-06")))],
}


@pytest.mark.parametrize("kind", sorted(SCENARIOS))
def test_french_working_has_no_identifier_nor_english(kind):
    said, computed = [], []
    for vendor in [*FIVE, "statutory"]:
        try:
            results = SCENARIOS[kind](vendor)
        except InputError:  # the terms are silent on it (or state no such exit)
            continue
        computed.append(vendor)
        said += [line for r in (results if isinstance(results, list) else [results])
                 for line in lines(r.explain("fr"))]
    assert computed  # at least one vendor's terms say something of it
    found = {line: sorted(leaks(line)) for line in said if leaks(line)}
    assert found == {}
