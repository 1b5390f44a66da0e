"""The French business calendar: jours calendaires, ouvrés, ouvrables and jours fériés.

Every expected value was worked out by hand on a printed calendar; the working is in the
comment next to it. Useful weekdays:

* May 2024: Wed 1 (Fête du Travail), Fri 3, Sat 4, Sun 5, Mon 6, Tue 7, Wed 8 (Victoire 1945),
  Thu 9 (Ascension = Easter 31 March + 39), Fri 10, Sat 11, Mon 13, Mon 20 (Lundi de
  Pentecôte = Easter + 50).
* March/April 2024: Thu 28 March, Fri 29 March (Good Friday), Mon 1 April (Easter Monday).
* December 2024: Tue 24, Wed 25 (Noël), Thu 26 (Saint-Étienne in Alsace-Moselle), Fri 27,
  Tue 31; Wed 1 January 2025 (Jour de l'an), Thu 2 January 2025.
* April/May 2021: Fri 23 April, Sat 24 April, Fri 30 April, Sat 1 May (Fête du Travail on a
  Saturday), Mon 3 May, Fri 7 May, Sat 8 May (Victoire 1945 on a Saturday), Mon 10 May.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from cgvlib.errors import InputError
from cgvlib.reference import calendar as cal
from cgvlib.reference.calendar import (
    KINDS,
    add_days,
    add_days_array,
    count_days,
    count_days_array,
    is_day,
    is_public_holiday,
    normalize_kind,
    normalize_region,
    on_or_after,
    on_or_before,
    previous_day_of_kind,
    public_holidays,
)

D = dt.date


# --------------------------------------------------------------------------- kinds and regions


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("calendar", "calendar"),
        ("CALENDAR", "calendar"),
        ("ouvré", "ouvré"),
        ("ouvre", "ouvré"),
        ("OUVRÉ", "ouvré"),
        (" Ouvre ", "ouvré"),
        ("ouvrable", "ouvrable"),
        ("Ouvrable", "ouvrable"),
    ],
)
def test_kind_accepts_any_case_and_no_accent(written, canonical):
    assert normalize_kind(written) == canonical


@pytest.mark.parametrize("bad", ["working", "business", "ouvrés", "", None, 1])
def test_unknown_kind_is_refused_with_the_valid_kinds_listed(bad):
    with pytest.raises(InputError) as err:
        normalize_kind(bad)
    for kind in KINDS:
        assert repr(kind) in str(err.value)


def test_functions_refuse_an_unknown_kind():
    with pytest.raises(InputError, match="ouvrable"):
        add_days("2024-05-03", 1, "working days")
    with pytest.raises(InputError):
        count_days("2024-05-03", "2024-05-10", "weekdays")
    with pytest.raises(InputError):
        add_days_array(np.array(["2024-05-03"], dtype="datetime64[D]"), 1, "bank")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("metropole", "metropole"),
        ("Métropole", "metropole"),
        ("alsace-moselle", "alsace-moselle"),
        ("ALSACE-MOSELLE", "alsace-moselle"),
    ],
)
def test_region_accepts_any_case_and_accents(written, canonical):
    assert normalize_region(written) == canonical


@pytest.mark.parametrize("bad", ["guadeloupe", "57", "alsace", "France", None])
def test_unknown_region_is_refused(bad):
    with pytest.raises(InputError, match="alsace-moselle"):
        public_holidays(2024, region=bad)


# --------------------------------------------------------------------------- public holidays


def test_public_holidays_2024_metropole():
    # Easter Sunday 2024 is 31 March: Easter Monday 1 April, Ascension (+39) 9 May,
    # Pentecost Monday (+50) 20 May; the other eight are fixed dates.
    assert sorted(public_holidays(2024)) == [
        D(2024, 1, 1),
        D(2024, 4, 1),
        D(2024, 5, 1),
        D(2024, 5, 8),
        D(2024, 5, 9),
        D(2024, 5, 20),
        D(2024, 7, 14),
        D(2024, 8, 15),
        D(2024, 11, 1),
        D(2024, 11, 11),
        D(2024, 12, 25),
    ]


def test_public_holiday_names_are_french():
    names = public_holidays(2024)
    assert names[D(2024, 5, 8)] == "Fête de la Victoire"
    assert names[D(2024, 12, 25)] == "Noël"


def test_alsace_moselle_adds_good_friday_and_26_december_and_metropole_does_not():
    # Good Friday 2024 = Easter 31 March - 2 = 29 March; Saint-Étienne = 26 December.
    metropole = public_holidays(2024, region="metropole")
    alsace = public_holidays(2024, region="alsace-moselle")
    assert D(2024, 3, 29) not in metropole
    assert D(2024, 12, 26) not in metropole
    assert alsace[D(2024, 3, 29)] == "Vendredi saint"
    assert alsace[D(2024, 12, 26)] == "Saint-Étienne"
    assert set(alsace) - set(metropole) == {D(2024, 3, 29), D(2024, 12, 26)}
    assert not is_public_holiday("2024-03-29")
    assert is_public_holiday("2024-03-29", region="alsace-moselle")


def test_pentecost_monday_is_a_public_holiday():
    """Lundi de Pentecôte 2024-05-20 is in the holidays list.

    The "journée de solidarité" (law of 30 June 2004) is not modelled separately: each
    employer chooses its day, and Pentecost Monday counts as a jour férié. The ``holidays``
    package leaves it out only in 2005-2007, when it was the journée de solidarité by default
    (Easter 2006 was 16 April, so Pentecost Monday 2006 was 5 June).
    """
    assert public_holidays(2024)[D(2024, 5, 20)] == "Lundi de Pentecôte"
    assert not is_day("2024-05-20", "ouvré")
    assert D(2006, 6, 5) not in public_holidays(2006)


def test_public_holidays_returns_a_fresh_dict_each_time():
    first = public_holidays(2024)
    first.clear()
    assert len(public_holidays(2024)) == 11


def test_holiday_lists_are_built_lazily_and_cached():
    cal._holiday_table.cache_clear()
    public_holidays(2031)
    public_holidays(2031)
    info = cal._holiday_table.cache_info()
    assert (info.misses, info.hits) == (1, 1)


def test_public_holidays_refuses_a_bad_year():
    with pytest.raises(InputError):
        public_holidays("2024")
    with pytest.raises(InputError):
        public_holidays(10000)


# --------------------------------------------------------------------------- is_day


@pytest.mark.parametrize(
    ("day", "calendar", "ouvre", "ouvrable"),
    [
        ("2024-05-03", True, True, True),  # ordinary Friday
        ("2024-05-04", True, False, True),  # ordinary Saturday: ouvrable, not ouvré
        ("2024-05-05", True, False, False),  # Sunday: neither
        ("2024-05-08", True, False, False),  # Wednesday, Victoire 1945
        ("2024-05-09", True, False, False),  # Thursday, Ascension
        ("2021-05-01", True, False, False),  # Saturday, Fête du Travail: not even ouvrable
        ("2021-05-08", True, False, False),  # Saturday, Victoire 1945
        ("2021-04-24", True, False, True),  # ordinary Saturday the week before
        ("2024-02-29", True, True, True),  # leap day, a Thursday
    ],
)
def test_is_day(day, calendar, ouvre, ouvrable):
    assert is_day(day, "calendar") is calendar
    assert is_day(day, "ouvré") is ouvre
    assert is_day(day, "ouvrable") is ouvrable


# --------------------------------------------------------------------------- add_days


@pytest.mark.parametrize(
    ("start", "n", "kind", "expected"),
    [
        # Friday + 1 jour ouvré skips the weekend: Monday.
        ("2024-05-03", 1, "ouvré", D(2024, 5, 6)),
        # Friday + 1 jour ouvrable is the Saturday.
        ("2024-05-03", 1, "ouvrable", D(2024, 5, 4)),
        # Tuesday + 1 jour ouvré: Wed 8 (Victoire 1945) and Thu 9 (Ascension) are holidays.
        ("2024-05-07", 1, "ouvré", D(2024, 5, 10)),
        # Same for ouvrable; the second jour ouvrable is Saturday 11.
        ("2024-05-07", 1, "ouvrable", D(2024, 5, 10)),
        ("2024-05-07", 2, "ouvrable", D(2024, 5, 11)),
        # Start on a Saturday (not ouvré): the first jour ouvré after it is Monday.
        ("2024-05-04", 1, "ouvré", D(2024, 5, 6)),
        # Friday 3 + 5 jours ouvrés: Mon 6, Tue 7, Fri 10, Mon 13, Tue 14.
        ("2024-05-03", 5, "ouvré", D(2024, 5, 14)),
        # n == 0 returns the start itself, even a Saturday for ouvré.
        ("2024-05-04", 0, "ouvré", D(2024, 5, 4)),
        # Negative n: strictly before. Monday - 1 ouvré = Friday.
        ("2024-05-06", -1, "ouvré", D(2024, 5, 3)),
        # Friday 10 - 1 ouvré skips Thu 9 and Wed 8 (holidays): Tuesday 7.
        ("2024-05-10", -1, "ouvré", D(2024, 5, 7)),
        ("2024-05-10", -1, "ouvrable", D(2024, 5, 7)),
        # Monday 13 - 1 ouvrable = Saturday 11.
        ("2024-05-13", -1, "ouvrable", D(2024, 5, 11)),
        # Calendar days: leap day, non-leap February, year end.
        ("2024-02-28", 2, "calendar", D(2024, 3, 1)),
        ("2023-02-28", 1, "calendar", D(2023, 3, 1)),
        ("2024-12-31", 1, "calendar", D(2025, 1, 1)),
        ("2025-01-01", -1, "calendar", D(2024, 12, 31)),
        ("2024-01-31", 30, "calendar", D(2024, 3, 1)),  # 29 days of Feb 2024 + 1
        # Year end in jours ouvrés: Wed 25 December is Noël, Thu 26 is ouvré in metropole.
        ("2024-12-24", 1, "ouvré", D(2024, 12, 26)),
        # Tue 31 December + 1 ouvré: Wed 1 January 2025 is Jour de l'an -> Thu 2 January.
        ("2024-12-31", 1, "ouvré", D(2025, 1, 2)),
        # Saturday holidays: Fri 30 April 2021 + 1 ouvrable skips Sat 1 May (holiday) and
        # Sunday -> Monday 3 May; + 1 ouvré gives the same Monday (the weekend is skipped
        # anyway, so a Saturday holiday costs no jour ouvré).
        ("2021-04-30", 1, "ouvrable", D(2021, 5, 3)),
        ("2021-04-30", 1, "ouvré", D(2021, 5, 3)),
        ("2021-05-07", 1, "ouvrable", D(2021, 5, 10)),  # Sat 8 May 2021 is Victoire 1945
        ("2021-04-23", 1, "ouvrable", D(2021, 4, 24)),  # an ordinary Saturday is ouvrable
        # 2023-12-31 + 252 jours ouvrés = 2024-12-31 (2024 has 252 jours ouvrés, see below).
        ("2023-12-31", 252, "ouvré", D(2024, 12, 31)),
    ],
)
def test_add_days(start, n, kind, expected):
    assert add_days(start, n, kind) == expected


def test_add_days_default_kind_is_calendar():
    assert add_days("2024-05-03", 3) == D(2024, 5, 6)


def test_add_days_in_alsace_moselle():
    # Tue 24 December 2024 + 1 ouvré: Wed 25 Noël, Thu 26 Saint-Étienne -> Friday 27.
    assert add_days("2024-12-24", 1, "ouvré", region="alsace-moselle") == D(2024, 12, 27)
    # Thu 28 March 2024 + 1 ouvré: metropole Fri 29; Alsace-Moselle skips Good Friday 29,
    # the weekend and Easter Monday 1 April -> Tuesday 2 April.
    assert add_days("2024-03-28", 1, "ouvré") == D(2024, 3, 29)
    assert add_days("2024-03-28", 1, "ouvré", region="alsace-moselle") == D(2024, 4, 2)


def test_add_days_accepts_dates_datetimes_and_timestamps():
    assert add_days(D(2024, 5, 3), 1, "ouvré") == D(2024, 5, 6)
    assert add_days(dt.datetime(2024, 5, 3, 17, 30), 1, "ouvré") == D(2024, 5, 6)
    assert add_days(pd.Timestamp("2024-05-03"), 1, "ouvré") == D(2024, 5, 6)


@pytest.mark.parametrize("bad_n", [1.5, "1", True, None])
def test_add_days_refuses_a_non_integer_n(bad_n):
    with pytest.raises(InputError, match=r"^n: "):
        add_days("2024-05-03", bad_n, "ouvré")


def test_add_days_refuses_a_bad_date():
    with pytest.raises(InputError, match="start"):
        add_days("2024-13-01", 1)


def test_add_days_beyond_python_dates_is_an_input_error():
    with pytest.raises(InputError):
        add_days("9999-12-31", 1)
    with pytest.raises(InputError):
        add_days("9999-12-31", 1, "ouvré")


# --------------------------------------------------------------------------- count_days


@pytest.mark.parametrize(
    ("start", "end", "kind", "expected"),
    [
        # Start excluded, end included: Fri 3 -> Mon 6 counts only Monday.
        ("2024-05-03", "2024-05-06", "ouvré", 1),
        ("2024-05-03", "2024-05-06", "ouvrable", 2),  # Sat 4, Mon 6
        ("2024-05-03", "2024-05-06", "calendar", 3),
        # Tue 7 -> Fri 10: Wed 8 and Thu 9 are holidays, Fri 10 counts.
        ("2024-05-07", "2024-05-10", "ouvré", 1),
        # Fri 3 -> Fri 10: Mon 6, Tue 7, Fri 10 (ouvré); + Sat 4 (ouvrable).
        ("2024-05-03", "2024-05-10", "ouvré", 3),
        ("2024-05-03", "2024-05-10", "ouvrable", 4),
        ("2024-05-03", "2024-05-10", "calendar", 7),
        # Same day: nothing in between.
        ("2024-05-03", "2024-05-03", "ouvré", 0),
        # End before start: minus the days of the kind in [end, start) (start still excluded,
        # end still included): Fri 3, Mon 6, Tue 7 -> -3; with Sat 4 -> -4 ouvrables.
        ("2024-05-10", "2024-05-03", "ouvré", -3),
        ("2024-05-10", "2024-05-03", "ouvrable", -4),
        ("2024-05-10", "2024-05-03", "calendar", -7),
        # Backwards from a day that is not ouvré: Sat 4 -> Fri 3 counts the Friday (-1),
        # whereas Fri 3 -> Sat 4 counts nothing (the Saturday is not ouvré).
        ("2024-05-04", "2024-05-03", "ouvré", -1),
        ("2024-05-03", "2024-05-04", "ouvré", 0),
        # Mon 6 -> Sat 4: [Sat 4, Mon 6) holds Sat 4 and Sun 5, neither ouvré.
        ("2024-05-06", "2024-05-04", "ouvré", 0),
        # Sat 1 January 2000 (Jour de l'an) -> Fri 31 December 1999: the Friday, -1.
        ("2000-01-01", "1999-12-31", "ouvré", -1),
        # May 2024 (start 30 April excluded, end 31 May included): 23 weekdays
        # (1-3, 6-10, 13-17, 20-24, 27-31) minus the weekday holidays 1, 8, 9, 20 -> 19;
        # ouvrable adds Saturdays 4, 11, 18, 25 -> 23.
        ("2024-04-30", "2024-05-31", "ouvré", 19),
        ("2024-04-30", "2024-05-31", "ouvrable", 23),
        ("2024-04-30", "2024-05-31", "calendar", 31),
        # The whole of 2024 (366 days from Monday 1 January): 52 weeks + Mon 30 and Tue 31
        # December -> 262 weekdays; weekday holidays: all but 14 July (a Sunday) -> 10;
        # 262 - 10 = 252. Ouvrable: 52 * 6 + 2 = 314 Mon-Sat days - 10 = 304.
        ("2023-12-31", "2024-12-31", "ouvré", 252),
        ("2023-12-31", "2024-12-31", "ouvrable", 304),
        ("2023-12-31", "2024-12-31", "calendar", 366),
        # Saturday holiday (1 May 2021): the week Sun 25 April -> Sun 2 May has 5 jours ouvrés
        # and only 5 jours ouvrables; the week before (Sun 18 -> Sun 25 April) has 5 and 6.
        ("2021-04-25", "2021-05-02", "ouvré", 5),
        ("2021-04-25", "2021-05-02", "ouvrable", 5),
        ("2021-04-18", "2021-04-25", "ouvré", 5),
        ("2021-04-18", "2021-04-25", "ouvrable", 6),
        # Leap day: Wed 28 -> Fri 1 March 2024 counts Thu 29 February and Fri 1 March.
        ("2024-02-28", "2024-03-01", "ouvré", 2),
    ],
)
def test_count_days(start, end, kind, expected):
    assert count_days(start, end, kind) == expected


def test_count_days_in_alsace_moselle():
    # 2024 in Alsace-Moselle: 252 jours ouvrés minus Fri 29 March and Thu 26 December = 250.
    assert count_days("2023-12-31", "2024-12-31", "ouvré", region="alsace-moselle") == 250


def test_count_days_inverts_add_days_on_the_worked_examples():
    assert count_days("2024-05-07", add_days("2024-05-07", 1, "ouvré"), "ouvré") == 1
    assert count_days("2024-05-10", add_days("2024-05-10", -1, "ouvré"), "ouvré") == -1
    # From a Saturday holiday backwards: add_days(Sat 2021-05-01, -1, ouvrable) is Fri 30
    # April, and counting back from the Saturday to it gives -1.
    assert add_days("2021-05-01", -1, "ouvrable") == D(2021, 4, 30)
    assert count_days("2021-05-01", "2021-04-30", "ouvrable") == -1


# --------------------------------------------------------------------------- on_or_before / after


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Teogest art. 14, "le 20 de chaque mois ... ou le jour ouvré le plus proche avant":
        ("2024-03-20", D(2024, 3, 20)),  # Wednesday: the 20th itself
        ("2024-01-20", D(2024, 1, 19)),  # Saturday -> Friday 19
        ("2024-04-20", D(2024, 4, 19)),  # Saturday -> Friday 19
        ("2024-05-20", D(2024, 5, 17)),  # Pentecost Monday, then Sun 19, Sat 18 -> Fri 17
        ("2024-10-20", D(2024, 10, 18)),  # Sunday -> Friday 18
        ("2024-05-09", D(2024, 5, 7)),  # Ascension, then Victoire 1945 -> Tuesday 7
        ("2025-01-01", D(2024, 12, 31)),  # Jour de l'an -> Tuesday 31 December
    ],
)
def test_on_or_before_ouvre(day, expected):
    assert on_or_before(day, "ouvré") == expected
    assert previous_day_of_kind(day, "ouvré") == expected


def test_on_or_before_other_kinds():
    assert on_or_before("2024-04-20", "ouvrable") == D(2024, 4, 20)  # a Saturday is ouvrable
    assert on_or_before("2021-05-02", "ouvrable") == D(2021, 4, 30)  # Sun 2, Sat 1 May holiday
    assert on_or_before("2024-05-05", "calendar") == D(2024, 5, 5)
    # Alsace-Moselle: Thu 26 December 2024 (Saint-Étienne), Wed 25 (Noël) -> Tue 24.
    assert on_or_before("2024-12-26", "ouvré", region="alsace-moselle") == D(2024, 12, 24)


def test_on_or_after():
    assert on_or_after("2024-05-04", "ouvré") == D(2024, 5, 6)  # Saturday -> Monday
    assert on_or_after("2024-05-08", "ouvré") == D(2024, 5, 10)  # Wed 8, Thu 9 holidays
    assert on_or_after("2024-05-06", "ouvré") == D(2024, 5, 6)
    assert on_or_after("2024-05-04", "ouvrable") == D(2024, 5, 4)


# --------------------------------------------------------------------------- vectorised forms


def _days(*values: str) -> np.ndarray:
    return np.array(values, dtype="datetime64[D]")


def test_add_days_array_worked_examples():
    starts = _days("2024-05-03", "2024-05-07", "2024-05-04", "2024-12-31", "2024-05-10")
    n = np.array([1, 1, 0, 1, -1])
    expected = _days("2024-05-06", "2024-05-10", "2024-05-04", "2025-01-02", "2024-05-07")
    np.testing.assert_array_equal(add_days_array(starts, n, "ouvré"), expected)


def test_add_days_array_broadcasts_a_scalar_n_and_reads_pandas_columns():
    starts = pd.Series(pd.to_datetime(["2024-05-03", "2024-05-07"]))
    result = add_days_array(starts, 1, "ouvrable")
    np.testing.assert_array_equal(result, _days("2024-05-04", "2024-05-10"))
    assert result.dtype == np.dtype("datetime64[D]")


def test_add_days_array_calendar_and_region():
    np.testing.assert_array_equal(
        add_days_array(_days("2024-02-28", "2024-12-31"), 1, "calendar"),
        _days("2024-02-29", "2025-01-01"),
    )
    np.testing.assert_array_equal(
        add_days_array(_days("2024-12-24", "2024-03-28"), 1, "ouvré", region="alsace-moselle"),
        _days("2024-12-27", "2024-04-02"),
    )


def test_add_days_array_over_many_years_matches_the_scalar_form():
    # Far beyond the first holiday list built: the list must be widened until it covers.
    starts = _days("2024-01-01", "2024-06-15")
    for n in (2000, -2000, 9000):
        expected = [np.datetime64(add_days(str(s), n, "ouvré"), "D") for s in starts]
        np.testing.assert_array_equal(add_days_array(starts, n, "ouvré"), expected)


def test_count_days_array_worked_examples():
    # Same workings as test_count_days; the last pair is Sat 4 -> Fri 3 May 2024 (backwards).
    starts = _days(
        "2024-05-03", "2024-05-10", "2024-04-30", "2023-12-31", "2024-05-03", "2024-05-04"
    )
    ends = _days(
        "2024-05-10", "2024-05-03", "2024-05-31", "2024-12-31", "2024-05-03", "2024-05-03"
    )
    np.testing.assert_array_equal(
        count_days_array(starts, ends, "ouvré"), [3, -3, 19, 252, 0, -1]
    )
    np.testing.assert_array_equal(
        count_days_array(starts, ends, "ouvrable"), [4, -4, 23, 304, 0, -1]
    )
    np.testing.assert_array_equal(count_days_array(starts, ends), [7, -7, 31, 366, 0, -1])
    assert count_days_array(starts, ends, "ouvré").dtype == np.int64


def test_count_days_array_alsace_moselle():
    counts = count_days_array(
        _days("2023-12-31"), _days("2024-12-31"), "ouvré", region="alsace-moselle"
    )
    np.testing.assert_array_equal(counts, [250])


def test_arrays_refuse_missing_dates_and_non_integer_n():
    with pytest.raises(InputError, match="NaT"):
        add_days_array(_days("2024-05-03", "NaT"), 1, "ouvré")
    with pytest.raises(InputError, match="NaT"):
        count_days_array(_days("2024-05-03"), _days("NaT"), "ouvré")
    with pytest.raises(InputError, match=r"^n: "):
        add_days_array(_days("2024-05-03"), 1.5, "ouvré")
    with pytest.raises(InputError, match="starts"):
        add_days_array(["not a date"], 1, "ouvré")


def test_arrays_accept_empty_input():
    assert add_days_array(_days(), 1, "ouvré").shape == (0,)
    assert count_days_array(_days(), _days(), "ouvré").shape == (0,)
