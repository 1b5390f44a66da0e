"""The errors a reader meets on a page (a vendor id, a notice date, a month's downtime, an
amount, a price past the index data) carry their words: ``str(err)`` is the library's English,
byte for byte as before, and ``err.said("fr")`` the catalog's French. An app's table shows a
sum the French way, thousands grouped and its cents kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cgvlib.apps.base import shown_value
from cgvlib.arithmetic.notice import exit_plan
from cgvlib.arithmetic.price import revise_price
from cgvlib.arithmetic.sla import unavailability
from cgvlib.errors import CgvError, InputError, OutOfCoverageError, UnknownVendorError
from cgvlib.i18n import say
from cgvlib.model.loader import vendor
from cgvlib.money import amount_cents

NNB = "\u202f"  # narrow no-break space, between thousands in French


def raised(kind, call) -> CgvError:
    with pytest.raises(kind) as info:
        call()
    return info.value


def test_an_unknown_vendor_is_said_in_french():
    error = raised(UnknownVendorError, lambda: vendor("gouts"))
    assert str(error) == ("unknown vendor 'gouts'; known vendors: gout, iosmart, janquor, "
                          "leappy, teogest; or give the path of a vendor file, such as "
                          "my_vendor.yaml")
    assert error.said("fr") == say(error, "fr") == (
        "fournisseur inconnu 'gouts' ; fournisseurs connus : gout, iosmart, janquor, leappy, "
        "teogest ; ou donnez le chemin d'un fichier fournisseur, tel que my_vendor.yaml")


def test_a_notice_sent_before_the_start_is_said_in_french():
    error = raised(InputError, lambda: exit_plan("gout", "2024-01-31", "2023-12-05",
                                                 monthly_amount=1000))
    assert str(error) == ("notice_sent: 2023-12-05 is before start 2024-01-31; notice can "
                          "only be sent once the contract has started")
    assert error.said("fr") == (
        "notice_sent : le 5 décembre 2023 est avant le début, le 31 janvier 2024 ; le préavis "
        "ne peut être envoyé qu'une fois le contrat commencé")


def test_a_commitment_the_terms_do_not_offer_is_said_in_french():
    # JANQUOR art. 3: initial terms of 3, 6 or 12 months
    error = raised(InputError, lambda: exit_plan("janquor", "2024-01-31", "2024-12-05",
                                                 monthly_amount=1000, commitment_months=7))
    assert str(error) == ("commitment_months: JANQUOR's terms offer no 7-month term; valid "
                          "lengths: 3, 6, 12")
    assert error.said("fr") == ("commitment_months : les conditions de JANQUOR ne proposent "
                                "pas de durée de 7 mois ; durées valides : 3, 6, 12")


def test_a_downtime_longer_than_the_month_is_said_in_french():
    # March 2024: 31 days x 86,400 s = 2,678,400 s; 745 h = 2,682,000 s is more
    error = raised(InputError, lambda: unavailability("745h", "2024-03"))
    assert str(error) == ("downtime: 2682000 s exceeds the theoretical total time of 2024-03 "
                          "(2678400 s = 2,678,400 s - 0 s of planned maintenance)")
    assert error.said("fr") == (
        "downtime : 2682000 s dépassent le temps total théorique de mars 2024 (2678400 s = "
        f"2{NNB}678{NNB}400 s - 0 s de maintenance planifiée)")


def test_a_refused_amount_is_said_in_french():
    negative = raised(InputError, lambda: amount_cents("-5", "amount"))
    assert str(negative) == "amount: '-5' is negative; give an amount of 0 or more euros"
    assert negative.said("fr") == ("amount : '-5' refusé : négatif ; donnez un montant de 0 "
                                   "euro ou plus")
    sub_cent = raised(InputError, lambda: amount_cents(12.345, "amount"))
    assert str(sub_cent) == ("amount: 12.345 has fractions of a cent; give euros with at most "
                             "two decimals, e.g. 1234.56")
    assert sub_cent.said("fr") == ("amount : 12.345 refusé : des fractions de centime ; donnez "
                                   "des euros avec au plus deux décimales, par exemple 1234,56")
    typed = raised(InputError, lambda: amount_cents("1.234,56", "invoice_amount"))
    assert str(typed) == (
        "invoice_amount: '1.234,56' is ambiguous: it has both a comma and a point (1,234.56 or "
        "1.234,56?); group thousands with spaces and put one comma or point before the cents; "
        "write an amount such as 10 000,50 or 10000.50")
    assert typed.said("fr").startswith("invoice_amount : '1.234,56' est ambigu : ")
    assert typed.said("fr").endswith(" ; écrivez un montant tel que 10 000,50 ou 10000.50")


def test_a_price_past_the_index_data_keeps_the_reference_words_in_french():
    # Leappy, 1,000.00 EUR set on 2025-11-15: the 2026-01-01 revision's S2 (the index last
    # published on that day, 2025-11) is past the data (it ends with 2025-10); the clause has
    # no cap, so no worst case either
    error = raised(OutOfCoverageError,
                   lambda: revise_price("leappy", 1000, "2025-11-15", "2026-12-31"))
    assert str(error).startswith("S2 of the revision of 2026-01-01: Syntec index, last "
                                 "published value: no value for 2026-01-01, which is after")
    assert str(error).endswith(" No worst case without it either: P2 = P1 x S2/S1 has no cap, "
                               "the price is the index's.")
    french = error.said("fr")
    assert french.startswith("S2 de la révision du 1er janvier 2026 : indice Syntec, dernière "
                             "valeur publiée : aucune valeur pour la date demandée (1er janvier "
                             "2026)")
    assert french.endswith(" Pas de pire cas sans elle non plus : P2 = P1 x S2/S1 n'a pas de "
                           "plafond, le prix suit l'indice.")


@pytest.mark.parametrize(("value", "fr", "en"), [
    (Decimal("1000.00"), f"1{NNB}000,00", "1000.00"),  # a sum keeps its cents
    (Decimal("14000.00"), f"14{NNB}000,00", "14000.00"),
    (Decimal("1234567.5"), f"1{NNB}234{NNB}567,5", "1234567.5"),
    (Decimal("0.50"), "0,50", "0.50"),
    (Decimal("315.2"), "315,2", "315.2"),
    (2024, "2024", "2024"),  # a whole number (a year, a count) as it is
])
def test_an_app_table_shows_a_sum_the_languages_way(value, fr, en):
    assert (shown_value(value, "fr"), shown_value(value, "en")) == (fr, en)
