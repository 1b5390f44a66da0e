"""Dates in the findings' and the comparison's words go through
:func:`cgvlib.dates.format_date`: the first of the month is « 1er » in French prose."""

from __future__ import annotations

import datetime as dt

from cgvlib.analysis.checks.references import OUTDATED, _long_date
from cgvlib.analysis.words import day_words


def test_the_first_of_the_month_is_1er_in_french_words():
    assert day_words(dt.date(2025, 1, 1)).say("fr") == "1er janvier 2025"
    assert day_words(dt.date(2025, 1, 2)).say("fr") == "2 janvier 2025"
    assert day_words(dt.date(2024, 7, 1)).say("fr") == "1er juillet 2024"  # a semester's start


def test_the_english_working_keeps_iso_dates():
    assert str(day_words(dt.date(2025, 1, 1))) == "2025-01-01"


def test_art_1218_in_force_on_1er_octobre_2016():
    # ordonnance n° 2016-131, art. 9: in force on 1 October 2016
    day = OUTDATED["code_civil_1148"][2]
    assert day == dt.date(2016, 10, 1)
    assert _long_date(day).say("fr") == "1er octobre 2016"
    assert _long_date(day).say("en") == "1 October 2016"
