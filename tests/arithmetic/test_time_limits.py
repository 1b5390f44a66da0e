"""Time limits counted in the text's own unit, worked out by hand on a calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.arithmetic.time_limits import time_limit, time_limits
from cgvlib.errors import InputError


def test_jours_ouvres_skip_the_may_holidays():
    # ioSmart: "dans un délai de 10 jours ouvrés suivant la livraison". Delivery Friday
    # 2024-05-03; jours ouvrés after it: 6, 7, (8 Victoire and 9 Ascension are holidays), 10,
    # 13, 14, 15, 16, 17, (20 Pentecost Monday holiday), 21, 22 -> the 10th is 2024-05-22
    r = time_limit("iosmart", "claim writing", "2024-05-03")
    assert r.date == dt.date(2024, 5, 22)
    assert r.limit == "within" and r.party == "client"
    assert r.sources[0].article == "Réclamations (unnumbered)"


def test_jours_ouvrables_count_saturdays():
    # Leappy art. 14: refusal "dans les 10 jours ouvrables de la réception des prestations".
    # Received Friday 2024-12-20: 21 (Sat) 1, 23 2, 24 3, (25 Christmas), 26 4, 27 5,
    # 28 (Sat) 6, 30 7, 31 8, (1 January), 2 9, 3 10 -> 2025-01-03
    assert time_limit("leappy", 0, "2024-12-20").date == dt.date(2025, 1, 3)


def test_months_clamp_at_the_month_end():
    # Teogest annex 3: reversibility request "dans un délai de 3 mois après la fin de son
    # abonnement": from 2024-11-30, three months later is 2025-02-30 -> clamped to 2025-02-28
    r = time_limit("teogest", "reversibility request", "2024-11-30")
    assert r.date == dt.date(2025, 2, 28)


def test_working_hours_are_read_as_jours_ouvres_and_say_so():
    # Teogest annex 2 A.3: diagnosis "dans un délai de 48 heures ouvrées" from a report on
    # Monday 2024-05-06: 48 h = 2 jours ouvrés: 7 (1), (8 and 9 holidays), 10 (2) -> 2024-05-10;
    # the fix "72 heures ouvrées" = 3 jours ouvrés -> Monday 2024-05-13
    support = time_limits("teogest", "2024-05-06", topic="support")
    assert list(support["date"])[:2] == [dt.date(2024, 5, 10), dt.date(2024, 5, 13)]
    r = time_limit("teogest", "causes bug", "2024-05-06")
    assert any("read as 2 jours ouvrés" in line for line in r.working)


def test_calendar_days_and_hours():
    # JANQUOR art. 8: contest "dans les 15 jours à compter de la réception de la facture":
    # received 2024-02-20 -> 2024-03-06 (leap year: 20 Feb + 15 days = 6 March)
    assert time_limit("janquor", "contest", "2024-02-20").date == dt.date(2024, 3, 6)
    # Teogest annex 2 A.3.b: restore "dans un délai de 20 minutes à 2 heures" after a crash at
    # 2024-05-06 23:30 -> 2024-05-07 01:30
    crash = dt.datetime(2024, 5, 6, 23, 30)
    assert time_limit("teogest", "server crash", crash).date == dt.datetime(2024, 5, 7, 1, 30)


def test_an_example_is_marked_as_one():
    # ioSmart: carrier reservations "(par ex. ... sous 3 jours ouvrables…)": an example only
    r = time_limit("iosmart", "carrier", "2024-05-03")
    assert r.limit == "example" and "example, not a rule" in r.headline()


def test_ambiguous_time_limit_carries_its_readings():
    # Teogest annex 3: "dans un délai de 3 mois après la fin de son abonnement ou de sa dernière
    # connexion": the later or the earlier of the two events
    r = time_limit("teogest", "reversibility request", "2024-11-30")
    assert r.ambiguous and set(r.readings) == {"later_of_two", "earlier_of_two"}


def test_choosing_a_time_limit_needs_one_match():
    with pytest.raises(InputError, match="matches 0 JANQUOR time limits"):
        time_limit("janquor", "nothing like this", "2024-01-01")
    with pytest.raises(InputError, match="say nothing on time limits"):
        time_limit("statutory", 0, "2024-01-01")
