"""The reference layer's words in French: a value carried forward past the data says so in
French (its note), and a date past the data is refused in French (the
:class:`~cgvlib.errors.OutOfCoverageError` said in the reader's language), while ``str()``
keeps the English the rest of the library and its tests read.

Expected sentences are written by hand from the data files: ``fr_legal_interest_rate.csv``
ends with the semester 2026-01-01..2026-06-30 (professional 2.62 %, consumer 6.67 %),
``fr_legal_interest_rate_annual.csv`` starts in 2005, ``ecb_main_refinancing_rate.csv``'s last
change is 2.15 % from 2025-06-11 and it is complete until 2026-06-11 (its first row is
1999-01-01), ``syntec_index.csv`` ends with 2025-10 = 322.2."""

from __future__ import annotations

import pytest

from cgvlib.errors import OutOfCoverageError
from cgvlib.i18n import say
from cgvlib.reference.ecb_rate import ecb_rate, ecb_semester_rate
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.provisional import assume_last, joined_notes, marked
from cgvlib.reference.syntec import syntec


def test_a_legal_rate_carried_forward_says_so_in_french():
    with assume_last("2027-03-31"):
        rate = legal_rate("2027-02-01")
    # the last semester of the data, 1 January to 30 June 2026, carried into 2027-S1
    assert say(rate.note, "fr") == (
        "provisoire : dernière valeur connue reportée au-delà du 30 juin 2026, fin des données "
        "(les taux légaux du 1er janvier 2026 au 30 juin 2026 (2,62 / 6,67))")
    assert str(rate.note) == say(rate.note, "en") == (
        "provisional: the legal rates of 2026-01-01..2026-06-30 (2.62 / 6.67) carried forward "
        "past 2026-06-30, the end of the data (assume last)")
    # what a working line adds after the value, in the same words
    assert say(marked(rate), "fr") == f" ({say(rate.note, 'fr')})"
    assert marked(rate) == f" ({rate.note})"


def test_the_ecb_rate_and_the_syntec_index_carried_forward_say_so_in_french():
    with assume_last("2026-12-31"):
        ecb = ecb_rate("2026-06-12")
    # 2.15 % in force since 11 June 2025; the file is complete until 11 June 2026
    assert say(ecb.note, "fr") == (
        "provisoire : dernière valeur connue reportée au-delà du 11 juin 2026, fin des données "
        "(le taux de 2,15 % (en vigueur depuis le 11 juin 2025))")
    with assume_last("2026-01-31"):
        index = syntec("2025-12")
    # October 2025 = 322.2 carried past its month's last day, 31 October 2025
    assert say(index.note, "fr") == (
        "provisoire : dernière valeur connue reportée au-delà du 31 octobre 2025, fin des "
        "données (l'indice Syntec, octobre 2025 : 322,2)")


def test_several_notes_join_the_languages_way():
    with assume_last("2027-03-31"):
        legal, ecb = legal_rate("2027-02-01"), ecb_rate("2027-02-01")
    both = joined_notes([ecb.note, legal.note])
    assert both == f"{ecb.note}; {legal.note}"  # the English, as a plain join gave it
    assert say(both, "fr") == f"{say(ecb.note, 'fr')} ; {say(legal.note, 'fr')}"


def test_a_date_past_the_legal_rate_data_is_refused_in_french():
    with pytest.raises(OutOfCoverageError) as info:
        legal_rate("2027-03-01")
    error = info.value
    # the semesters file ends on 30 June 2026, the end of 2026's first semester; the annual
    # file starts on 1 January 2005
    french = (
        "taux de l'intérêt légal, créanciers professionnels : aucune valeur pour la date "
        "demandée (1er mars 2027), postérieure à la dernière date couverte par les données. "
        "Période couverte par les données : 1er janvier 2005 – 30 juin 2026 (jusqu'à la fin du "
        "1er semestre 2026). Pour continuer, ajoutez la valeur à votre dossier de données "
        "(« python -m cgvlib rates add ») ou reportez la dernière valeur connue au-delà du 30 "
        "juin 2026 (les chiffres sont alors marqués provisoires).")
    assert error.said("fr") == say(error, "fr") == french
    # the English message is the library's, unchanged
    assert str(error).startswith("legal interest rate, professional creditors: no value for "
                                 "2027-03-01, which is after the last covered date. The data "
                                 "covers 2005-01-01 to 2026-06-30, from ")
    assert error.said("en") == str(error)
    assert error.last_covered.isoformat() == "2026-06-30"


def test_a_date_before_the_data_and_a_semester_past_it_are_refused_in_french():
    with pytest.raises(OutOfCoverageError) as info:
        legal_rate("1990-01-01")
    assert info.value.said("fr") == (
        "taux de l'intérêt légal, créanciers professionnels : aucune valeur pour la date "
        "demandée (1er janvier 1990), antérieure à la première date couverte par les données. "
        "Période couverte par les données : 1er janvier 2005 – 30 juin 2026.")
    # L441-10 II: the semester's ECB rate is the one in force on 1 January 2027, which the
    # file (complete until 11 June 2026) does not know; its last full semester ends 30 June
    with pytest.raises(OutOfCoverageError) as info:
        ecb_semester_rate("2027-03-01")
    assert info.value.said("fr") == (
        "taux de refinancement de la BCE du semestre (Code de commerce L441-10 II) : aucune "
        "valeur pour la date demandée (1er mars 2027 ; son semestre, du 1er janvier 2027 au 30 "
        "juin 2027, prend le taux en vigueur le 1er janvier 2027), postérieure à la dernière "
        "date couverte par les données. Période couverte par les données : 1er janvier 1999 – "
        "30 juin 2026 (le taux en vigueur le 1er janvier 2027 n'est pas connu : les données de "
        "la BCE sont complètes jusqu'au 11 juin 2026). Pour continuer, ajoutez la valeur à "
        "votre dossier de données (« python -m cgvlib rates add ») ou reportez la dernière "
        "valeur connue au-delà du 30 juin 2026 (les chiffres sont alors marqués provisoires).")


def test_a_month_past_the_syntec_data_is_refused_in_french():
    with pytest.raises(OutOfCoverageError) as info:
        syntec("2029-01")
    # the index is never carried forward without asking: no such way out is offered
    assert info.value.said("fr") == (
        "indice Syntec : aucune valeur pour la date demandée (janvier 2029), postérieure à la "
        "dernière date couverte par les données. Période couverte par les données : janvier "
        "2015 – octobre 2025. Pour continuer, ajoutez la valeur à votre dossier de données "
        "(« python -m cgvlib rates add »).")


def test_the_semesters_ecb_rate_says_which_rate_in_french():
    # L441-10 II: the rate of 2024-S1 is the one in force on 1 January 2024, the MRO rate of
    # 4.50 % effective since 20 September 2023 (the ECB's last rise of that cycle)
    rate = ecb_semester_rate("2024-03-01")
    assert str(rate.value) == "4.50"
    assert say(rate.note, "fr") == ("taux en vigueur le 1er janvier 2024 (applicable depuis le "
                                    "20 septembre 2023)")
    assert rate.note == "rate in force on 2024-01-01 (effective since 2023-09-20)"
