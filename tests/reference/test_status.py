"""``rates status`` and the coverage notice: how far the series go, and the sentence a page
shows when its scenario reaches past them."""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.errors import InputError
from cgvlib.reference.rates_add import add_legal_rate
from cgvlib.reference.status import coverage_notice, past_the_data, rates_status, scenario_dates

TODAY = dt.date(2026, 12, 5)


def test_status_of_the_packaged_series():
    table = rates_status(TODAY)
    assert list(table.index) == ["legal", "ecb", "syntec"]
    legal, ecb, syntec = (table.loc[k] for k in ("legal", "ecb", "syntec"))
    assert (legal.covered_from, legal.covered_until, legal.age_days, legal.missing) == (
        dt.date(2005, 1, 1), dt.date(2026, 6, 30), 158, [])
    assert legal.latest == "2.62 % (professional) / 6.67 % (consumer)"
    assert legal.latest_from == dt.date(2026, 1, 1)
    assert legal.latest_source.startswith("Arrêté du 15 décembre 2025, JORF n°0302")
    assert (ecb.covered_from, ecb.covered_until, ecb.age_days) == (
        dt.date(1999, 1, 1), dt.date(2026, 6, 11), 177)
    assert (ecb.latest, ecb.latest_from) == ("2.15 %", dt.date(2025, 6, 11))
    assert (syntec.covered_until, syntec.age_days) == (dt.date(2025, 10, 31), 400)
    assert syntec.latest == "322.2 (revised index, 2025-10)"
    assert syntec.missing == [
        "2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07",
        "2022-09", "2022-10", "2022-11", "2022-12", "2023-12", "2024-06", "2024-07",
        "2024-11", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08",
    ]
    assert not table.latest_user_supplied.any() and (table.user_rows == 0).all()
    assert rates_status(dt.date(2026, 6, 30)).loc["legal"].age_days == 0


def test_status_shows_user_supplied_values(user_data):
    add_legal_rate("2026-S2", "3.10", "7.00", "https://www.legifrance.gouv.fr/test", today=TODAY)
    legal = rates_status(TODAY).loc["legal"]
    assert (legal.covered_until, legal.age_days) == (dt.date(2026, 12, 31), 0)
    assert legal.latest_user_supplied and legal.user_rows == 1
    assert legal.user_file == str(user_data / "rates" / "fr_legal_interest_rate.csv")
    assert legal.latest_source == "user-supplied: https://www.legifrance.gouv.fr/test"


def test_notice_in_french_and_english():
    scenario = {"invoice_amount": 10_000, "due": "2026-05-01", "paid": dt.date(2026, 8, 1)}
    assert coverage_notice(scenario, "fr", series=("legal", "ecb")) == (
        "Le scénario dépasse les données de référence : taux de l'intérêt légal connu jusqu'au "
        "30 juin 2026 ; taux de refinancement de la BCE connu jusqu'au 11 juin 2026. Les "
        "montants qui exigent une valeur ultérieure ne sont pas calculés, sauf à reporter la "
        "dernière valeur connue (ils sont alors provisoires) ; « python -m cgvlib rates status "
        "» indique comment ajouter les valeurs.")
    english = coverage_notice(["2026-01-10", "2026-06-20"], "en")
    assert english.startswith(
        "The scenario reaches past the reference data: ECB main refinancing rate known until "
        "11 June 2026; Syntec index known until 30 December 2025. Figures that need")


def test_no_notice_when_covered():
    assert coverage_notice({"due": "2025-01-31", "paid": "2025-03-15"}, "en") is None
    assert coverage_notice("2026-06-11", "fr", series="ecb") is None
    assert coverage_notice([], "fr") is None
    assert past_the_data("2026-06-12") == {"ecb": dt.date(2026, 6, 11),
                                           "syntec": dt.date(2025, 12, 30)}


def test_scenario_dates_reads_nested_per_vendor_values():
    scenario = {"lang": "fr", "due": "2024-06-30",
                "per_vendor": {"gout": {"contract_start": "2023-04-01", "notice_date": None}},
                "commitment_months": 12}
    assert scenario_dates(scenario) == [dt.date(2024, 6, 30), dt.date(2023, 4, 1)]


@pytest.mark.parametrize(("value", "kwargs", "message"), [
    (42, {}, "^dates_or_scenario: 42 is not a date"),
    ("2026-13-01", {}, "2026-13-01"),
    ("2026-01-01", {"series": "euribor"}, "^series: 'euribor' is not a reference series"),
    ("2026-01-01", {"lang": "de"}, "^lang: 'de'"),
])
def test_notice_bad_input(value, kwargs, message):
    with pytest.raises(InputError, match=message):
        coverage_notice(value, **kwargs)
