"""A figure built on a value carried forward past the reference data says so in the reader's
language: the provisional note of a late payment and of a price revision is French on a
French page (``explain("fr")``, ``headline("fr")``) and stays the library's English in
``str``, ``explain()`` and ``provisional_note``.

The figures are worked out by hand from the contract and the reference data (in the comment
above each test); the French words are the catalog's.
"""

from __future__ import annotations

from decimal import Decimal

from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.price import revise_price
from cgvlib.i18n import say
from cgvlib.reference.provisional import assume_last

NB, NNB = "\u00a0", "\u202f"  # no-break space (before €), narrow one (thousands)

# ECB main refinancing rate: the data's last rate is 2.15 % (effective 2025-06-11), known
# until 2026-06-11; carried forward, it is the rate in force on 2026-07-01.
ECB_NOTE_FR = ("taux en vigueur le 1er juillet 2026 (applicable depuis le 11 juin 2025) ; "
               "provisoire : dernière valeur connue reportée au-delà du 11 juin 2026, fin des "
               "données (le taux de 2,15 % (en vigueur depuis le 11 juin 2025))")
ECB_NOTE_EN = ("rate in force on 2026-07-01 (effective since 2025-06-11); provisional: the rate "
               "2.15 % (in force since 2025-06-11) carried forward past 2026-06-11, the end of "
               "the data (assume last)")
# The legal rate: the data ends with 2026-S1 (2.62 % / 6.67 %), carried into 2026-S2.
LEGAL_NOTE_FR = ("provisoire : dernière valeur connue reportée au-delà du 30 juin 2026, fin des "
                 "données (les taux légaux du 1er janvier 2026 au 30 juin 2026 (2,62 / 6,67))")
LEGAL_NOTE_EN = ("provisional: the legal rates of 2026-01-01..2026-06-30 (2.62 / 6.67) carried "
                 "forward past 2026-06-30, the end of the data (assume last)")


def statutory_past_the_data():
    # L441-10 II (no clause): ECB rate of the semester (in force on 1 July 2026: 2.15 %,
    # carried) + 10 points = 12.15 %. 10,000.00 EUR due 2026-07-01, paid 2026-08-15: 45 days
    # (2 July..15 August). Interest = 1,000,000 cents x 1215 bp x 45 / 3,650,000 =
    # 14,979.45 cents -> 149.79 EUR; + 40 EUR (D441-5) = 189.79 EUR.
    with assume_last("2026-09-30"):
        return late_payment("statutory", 10000, "2026-07-01", "2026-08-15")


def test_a_late_payment_past_the_data_says_its_provisional_note_in_french():
    result = statutory_past_the_data()
    assert (result.interest_cents, result.total_cents, result.provisional) == (
        14_979, 18_979, True)
    said = result.explain("fr").split("\n")
    assert said[0] == (
        f"Règles supplétives (Code de commerce) : 10{NNB}000,00{NB}€ payés avec 45 jours de "
        f"retard : intérêts 149,79{NB}€ + indemnité 40,00{NB}€ = 189,79{NB}€ ({ECB_NOTE_FR})")
    assert f"  Montant provisoire : {ECB_NOTE_FR}" in said
    assert ("    du 2 juillet 2026 au 15 août 2026 : 45 jour(s) à 12,15 % : BCE 2,15 % en "
            "vigueur le 1er juillet 2026 (2e semestre 2026) "
            f"({ECB_NOTE_FR}) + 10 points") in said
    assert not any("carried forward" in line or "provisional" in line for line in said)
    # the English stays the library's working text
    assert result.provisional_note == ECB_NOTE_EN
    assert f"  Provisional figure: {ECB_NOTE_EN}" in result.explain().split("\n")
    assert say(result.provisional_note, "fr") == ECB_NOTE_FR


def test_a_clause_on_the_legal_rate_past_the_data_says_its_note_in_french():
    # Leappy art. 4: 2 x the legal rate (professional creditor) in force on the invoice date,
    # 2026-07-01: 2026-S2, the 2026-S1 rate 2.62 % carried = 5.24 %; the L441-10 II floor,
    # 3 x 2.62 = 7.86 %, applies instead. 10,000.00 EUR due 2026-07-31, paid 2026-08-15:
    # 15 days (1..15 August). Interest = 1,000,000 x 786 x 15 / 3,650,000 = 3,230.14 cents ->
    # 32.30 EUR, + 40 = 72.30 EUR; as written 1,000,000 x 524 x 15 / 3,650,000 = 2,153.42 ->
    # 21.53 EUR, + 40 = 61.53 EUR; the floor adds 10.77 EUR.
    with assume_last("2026-09-30"):
        result = late_payment("leappy", 10000, "2026-07-31", "2026-08-15",
                              invoice_date="2026-07-01")
    assert (result.total_cents, result.as_written.total_cents) == (7_230, 6_153)
    said = result.explain("fr").split("\n")
    assert said[0].endswith(f"72,30{NB}€ sous le plancher L441-10 II (la clause telle "
                            f"qu'écrite : 61,53{NB}€, 10,77{NB}€ de moins) ({LEGAL_NOTE_FR})")
    # the clause's own rate line: the legal rate's label, then its note after " ; "
    assert (f"(2 x taux légal 2,62 % (2e semestre 2026 ; {LEGAL_NOTE_FR}), pris à la date de "
            "facture, le 1er juillet 2026)") in said[5]
    assert f"  Montant provisoire : {LEGAL_NOTE_FR}" in said
    english = result.explain().split("\n")
    assert (f"(2 x legal rate 2.62 % (2026-S2; {LEGAL_NOTE_EN}), taken on the invoice date "
            "2026-07-01)") in english[5]


def test_a_price_revision_past_the_data_says_its_provisional_note_in_french():
    # Leappy art. 4: P2 = P1 x S2/S1 each 1 January and 1 July. 1,000.00 EUR set on
    # 2025-11-15. The Syntec data ends with 2025-10 (322.2); carried forward, each later month
    # is 322.2. 2026-01-01: S1 = 321.7 (2025-09, last published at the signature), S2 = 322.2
    # (2025-11, carried): 1,000.00 x 322.2 / 321.7 = 1,001.554... ; 2026-07-01: S2 = S1 =
    # 322.2, unchanged: 1,001.55 EUR on 2026-12-31.
    with assume_last("2026-12-31"):
        result = revise_price("leappy", 1000, "2025-11-15", "2026-12-31")
    assert result.price == Decimal("1001.55") and result.provisional
    carried = ("provisoire : dernière valeur connue reportée au-delà du 31 octobre 2025, fin "
               "des données (l'indice Syntec, octobre 2025 : 322,2)")
    assert say(result.provisional_note, "fr") == (
        f"{carried} ; dernier indice publié au plus tard le 1er janvier 2026 : novembre 2025, "
        f"supposé publié le 31 décembre 2025 ; {carried} ; dernier indice publié au plus tard "
        "le 1er juillet 2026 : mai 2026, supposé publié le 30 juin 2026")
    assert result.headline("fr") == (
        f"1{NNB}001,55{NB}€ le 31 décembre 2026 (1{NNB}000,00{NB}€ fixé le 15 novembre 2025, "
        f"2 révisions) ({say(result.provisional_note, 'fr')})")
    assert result.explain("fr").split("\n")[0] == f"leappy : {result.headline('fr')}"
    # its English, as before
    english = ("provisional: the index of 2025-10 (322.2) carried forward past 2025-10-31, the "
               "end of the data (assume last)")
    assert result.provisional_note == (
        f"{english}; last index published on or before 2026-01-01: 2025-11, assumed published "
        f"2025-12-31; {english}; last index published on or before 2026-07-01: 2026-05, "
        "assumed published 2026-06-30")
    assert result.headline().endswith(f"2 revisions) ({result.provisional_note})")
