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


# --------------------------------------------------------------------------- heures ouvrées
# Teogest annex 2 counts in « heures ouvrées »; art. 9: « ouvert du lundi au jeudi de 9h30 à
# 12 h et de 13 h 30 à 18 h et le vendredi de 9h30 à 12 h et de 13 h 30 à 17 h »: 2.5 + 4.5 =
# 7 hours Monday to Thursday, 2.5 + 3.5 = 6 on Friday. Two readings: jours_ouvres_24h (the
# default: the deadline binds the vendor, and it is the earlier) and support_hours.


def test_diagnosis_both_readings_over_the_may_holidays():
    # « rechercher et contrôler les causes du dysfonctionnement dans un délai de 48 heures
    # ouvrées », report on Monday 2024-05-06 (a date: 00:00).
    # jours_ouvres_24h: 48 / 24 = 2 jours ouvrés after the 6th: 7 (1), 8 and 9 holidays, 10 (2)
    # support_hours: Mon 6 7 h, Tue 7 7 h (14), Wed 8 and Thu 9 holidays, Fri 10 6 h (20),
    # Mon 13 (27), Tue 14 (34), Wed 15 (41), Thu 16 7 h (48): ends Thursday 2024-05-16 18:00
    r = time_limit("teogest", "causes bug", "2024-05-06")
    assert r.reading == r.default_reading == "jours_ouvres_24h"
    assert r.date == dt.date(2024, 5, 10)
    assert r.readings["support_hours"].date == dt.datetime(2024, 5, 16, 18, 0)
    assert r.readings["support_hours"].sources[1].article == "9"
    assert time_limit("teogest", "causes bug", "2024-05-06",
                      reading="support_hours").date == dt.datetime(2024, 5, 16, 18, 0)


def test_fix_72_hours_past_pentecost():
    # « corrigée dans un délai de 72 heures ouvrées », report Monday 2024-05-06:
    # jours_ouvres_24h: 3 jours ouvrés: 7, 10, 13 -> 2024-05-13
    # support_hours: 48 h by Thu 16 18:00 as above, Fri 17 6 h (54), Mon 20 Pentecost Monday,
    # Tue 21 (61), Wed 22 (68), Thu 23: 9:30-12:00 2.5 h (70.5) and 1.5 h from 13:30 -> 15:00
    r = time_limit("teogest", "fix software bug", "2024-05-06")
    assert r.date == dt.date(2024, 5, 13)
    assert r.readings["support_hours"].date == dt.datetime(2024, 5, 23, 15, 0)


def test_report_during_the_day():
    # Report Monday 2024-06-03 at 10:00 (no holiday in June 2024):
    # support_hours: Mon 10:00-12:00 2 h + 13:30-18:00 4.5 h = 6.5, Tue 4 (13.5), Wed 5 (20.5),
    # Thu 6 (27.5), Fri 7 6 h (33.5), Mon 10 (40.5), Tue 11 (47.5), Wed 12: 0.5 h from 9:30
    # -> 2024-06-12 10:00. jours_ouvres_24h: the day after: 4 (1), 5 (2) -> 2024-06-05
    r = time_limit("teogest", "causes bug", dt.datetime(2024, 6, 3, 10, 0))
    assert r.date == dt.date(2024, 6, 5)
    assert r.readings["support_hours"].date == dt.datetime(2024, 6, 12, 10, 0)
    # Reported at the opening, 09:30: 7 + 7 + 7 + 7 + 6 + 7 + 7 = 48 ends at the close of
    # Tuesday 2024-06-11, 18:00 (a count that fills a span ends at its close)
    r = time_limit("teogest", "causes bug", dt.datetime(2024, 6, 3, 9, 30))
    assert r.readings["support_hours"].date == dt.datetime(2024, 6, 11, 18, 0)
    # Reported on Friday 2024-06-07 at 17:30, after the 17:00 close: nothing that day; Mon 10,
    # Tue 11, Wed 12, Thu 13 (28), Fri 14 (34), Mon 17 (41), Tue 18 (48) -> 2024-06-18 18:00;
    # jours_ouvres_24h: Mon 10 (1), Tue 11 (2) -> 2024-06-11
    r = time_limit("teogest", "causes bug", dt.datetime(2024, 6, 7, 17, 30))
    assert r.date == dt.date(2024, 6, 11)
    assert r.readings["support_hours"].date == dt.datetime(2024, 6, 18, 18, 0)


def test_restore_over_christmas_and_the_region():
    # Annexe 2 D.2 restore « dans un délai de 48 heures ouvrées », asked Tuesday 2024-12-24
    # at 12:00. Metropole: Tue 24 13:30-18:00 4.5 h, Wed 25 Christmas, Thu 26 (11.5), Fri 27
    # 6 h (17.5), Mon 30 (24.5), Tue 31 (31.5), Wed 1 January, Thu 2 (38.5), Fri 3 (44.5),
    # Mon 6: 2.5 h to 12:00 (47) and 1 h from 13:30 -> 2025-01-06 14:30.
    # jours_ouvres_24h: Thu 26 (1), Fri 27 (2) -> 2024-12-27
    asked = dt.datetime(2024, 12, 24, 12, 0)
    r = time_limit("teogest", "restore vendor backup", asked)
    assert r.date == dt.date(2024, 12, 27)
    assert r.readings["support_hours"].date == dt.datetime(2025, 1, 6, 14, 30)
    # Alsace-Moselle also closes 26 December: 4.5, Fri 27 (10.5), Mon 30 (17.5), Tue 31
    # (24.5), Thu 2 (31.5), Fri 3 (37.5), Mon 6 (44.5), Tue 7: 2.5 + 1 -> 2025-01-07 14:30;
    # jours_ouvres_24h: Fri 27 (1), Mon 30 (2) -> 2024-12-30
    r = time_limit("teogest", "restore vendor backup", asked, region="alsace-moselle")
    assert r.date == dt.date(2024, 12, 30)
    assert r.readings["support_hours"].date == dt.datetime(2025, 1, 7, 14, 30)


def test_heures_ouvrees_readings_are_explained():
    text = " ".join(time_limit("teogest", "causes bug", "2024-05-06").explain().split())
    assert "Reading shown: jours_ouvres_24h (the default)." in text
    assert "Code civil art. 1190" in text and "the earlier deadline" in text
    assert "- support_hours: N hours of the support's opening hours" in text
    assert "no later than 2024-05-16 18:00:00" in text
    support = " ".join(time_limit("teogest", "causes bug", "2024-05-06",
                                  reading="support_hours").explain().split())
    assert ("counted in the opening hours (Mon 09:30-12:00, 13:30-18:00; Tue 09:30-12:00, "
            "13:30-18:00") in support
    assert "a date is read as 00:00" in support
    assert "[art. 9] « Le service d’assistance technique est ouvert" in support


def test_time_limits_table_carries_every_reading():
    support = time_limits("teogest", "2024-05-06", topic="support")
    diagnosis = support.iloc[0]
    assert diagnosis["reading"] == "jours_ouvres_24h"
    assert diagnosis["readings"] == {"jours_ouvres_24h": dt.date(2024, 5, 10),
                                     "support_hours": dt.datetime(2024, 5, 16, 18, 0)}
    assert support.iloc[2]["readings"] == {}  # 2 hours after a crash: one reading


def test_opening_hours_are_validated():
    from pydantic import ValidationError

    from cgvlib.arithmetic.time_limits import opening_hours_end
    from cgvlib.model.procedure import OpeningHours

    src = {"article": "1", "quote": "ouvert"}
    with pytest.raises(ValidationError, match="must close after it opens"):
        OpeningHours(monday=["12:00-09:30"], source=src)
    with pytest.raises(ValidationError, match="overlap or are not in order"):
        OpeningHours(monday=["09:00-12:00", "11:00-13:00"], source=src)
    with pytest.raises(ValidationError, match="at least one open span"):
        OpeningHours(source=src)
    with pytest.raises(ValidationError, match="pattern"):
        OpeningHours(monday=["9h30-12h"], source=src)
    # a span to 24:00: Saturdays 20:00-24:00 only; 6 hours from Saturday 2024-06-01 22:00 are
    # 2 h that night and 4 h the next Saturday -> 2024-06-08 24:00 = 2024-06-09 00:00
    late = OpeningHours(saturday=["20:00-24:00"], source=src)
    assert opening_hours_end(dt.datetime(2024, 6, 1, 22), 6, late) == dt.datetime(2024, 6, 9)
