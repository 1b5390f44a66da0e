"""Cancellation fees: Teogest annexe 4 D (training), GOUT art. 7 A (appointments), Leappy
art. 8 (48 hours); JANQUOR and ioSmart have no schedule.

Every expected figure is worked out by hand from the text in the comment beside it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cgvlib.arithmetic.cancellation import cancellation_fee
from cgvlib.errors import InputError

TRAINING = "2024-03-31"  # a training on a 31st, one month after a leap-year February


# --------------------------------------------------------------------------- Teogest, annexe 4 D


@pytest.mark.parametrize(
    ("cancelled", "days", "percent", "fee"),
    [
        # « moins de 8 jours »: 2024-03-31 - 2024-03-24 = 7 days -> 100 % of 1,000.00
        ("2024-03-24", 7, 100, "1000.00"),
        # « entre 8 et 15 jours »: exactly 8 days -> 50 %
        ("2024-03-23", 8, 50, "500.00"),
        # exactly 15 days -> still 50 %
        ("2024-03-16", 15, 50, "500.00"),
        # « entre 16 jours et un mois »: exactly 16 days -> 20 %
        ("2024-03-15", 16, 20, "200.00"),
        # 30 days, less than a month (a month before 2024-03-31 is 2024-02-29) -> 20 %
        ("2024-03-01", 30, 20, "200.00"),
        # exactly one month: add_months(2024-03-31, -1) = 2024-02-29 (clamped) -> 20 %
        ("2024-02-29", 31, 20, "200.00"),
        # « avant un mois avant le début »: one day earlier, 32 days -> no fee
        ("2024-02-28", 32, 0, "0.00"),
        # the cancellation day itself is day 0 -> 100 %
        ("2024-03-31", 0, 100, "1000.00"),
        # 1 day before -> 100 %
        ("2024-03-30", 1, 100, "1000.00"),
    ],
)
def test_teogest_training_schedule(cancelled, days, percent, fee):
    r = cancellation_fee("teogest", 1000, TRAINING, cancelled)
    assert r.fee == Decimal(fee)
    assert r.fee_cents == int(Decimal(fee) * 100)
    assert r.notice_unit == "calendar_days"
    assert r.notice_value == days
    assert r.notice == dt.timedelta(days=days)
    assert r.percent == percent
    assert r.flat is None
    assert r.vendor == "Teogest"
    assert r.sources[0].article == "Annexe 4 D"


def test_teogest_tier_names_the_bounds():
    r = cancellation_fee("teogest", 1000, TRAINING, "2024-02-29")
    assert r.tier == "notice at least 16 days and at most 1 month"
    assert r.tier_index == 2
    assert "2024-02-29" in "\n".join(r.working)  # the month bound's date is shown
    assert "20 %" in r.sources[1].quote


def test_teogest_counts_dates_not_hours():
    # Times of day are ignored for a day-based schedule: 2024-03-23 18:00 -> 2024-03-31 09:00
    # is 7 days 15 hours, but 8 whole calendar days between the dates -> 50 % of 1,000.00.
    r = cancellation_fee("teogest", 1000, dt.datetime(2024, 3, 31, 9), dt.datetime(2024, 3, 23, 18))
    assert r.fee == Decimal("500.00")
    assert r.notice_value == 8
    assert r.notice == dt.timedelta(days=7, hours=15)


def test_teogest_month_in_a_non_leap_year():
    # Training 2023-03-31: one month before is 2023-02-28 (clamped). 2023-02-28 -> 20 % of
    # 2,500.00 = 500.00; 2023-02-27 -> more than one month -> 0.
    assert cancellation_fee("teogest", 2500, "2023-03-31", "2023-02-28").fee == Decimal("500.00")
    assert cancellation_fee("teogest", 2500, "2023-03-31", "2023-02-27").fee == Decimal("0.00")


def test_teogest_month_in_a_30_day_month():
    # Training 2024-05-15: one month before is 2024-04-15 (30 days). 2024-04-15 -> 20 %;
    # 2024-04-14 (31 days) -> more than a month -> 0.
    assert cancellation_fee("teogest", 1000, "2024-05-15", "2024-04-15").percent == 20
    assert cancellation_fee("teogest", 1000, "2024-05-15", "2024-04-14").fee == 0


def test_teogest_cancellation_after_the_training_start():
    # Cancelled the day after the training: notice -1 day, no lower bound holds but « moins de
    # 8 jours » -> 100 %, flagged as after the event.
    r = cancellation_fee("teogest", 1000, TRAINING, "2024-04-01")
    assert r.fee == Decimal("1000.00")
    assert r.after_event is True
    assert r.notice_value == -1
    # One hour before a 09:00 training the same day: not after the event, still 100 %.
    r = cancellation_fee("teogest", 1000, "2024-03-31T09:00", "2024-03-31T08:00")
    assert r.after_event is False
    assert r.fee == Decimal("1000.00")


@pytest.mark.parametrize(
    ("amount", "cancelled", "fee"),
    [
        ("0.01", "2024-03-23", "0.01"),  # 50 % of 1 cent = 0.5 cent -> half-up 0.01
        ("0.01", "2024-03-15", "0.00"),  # 20 % of 1 cent = 0.2 cent -> 0.00
        ("0.03", "2024-03-15", "0.01"),  # 20 % of 3 cents = 0.6 cent -> 0.01
        (10_000_000, "2024-03-15", "2000000.00"),  # 20 % of 10,000,000.00
        (10_000_000, "2024-03-24", "10000000.00"),  # 100 %
    ],
)
def test_teogest_small_and_large_amounts(amount, cancelled, fee):
    assert cancellation_fee("teogest", amount, TRAINING, cancelled).fee == Decimal(fee)


def test_schedule_selected_by_words_or_index():
    # Teogest has one schedule; naming it by words of applies_to or by index gives the same.
    a = cancellation_fee("teogest", 1000, TRAINING, "2024-03-23", schedule="training")
    b = cancellation_fee("teogest", 1000, TRAINING, "2024-03-23", schedule=0)
    assert a.fee == b.fee == Decimal("500.00")
    with pytest.raises(InputError, match="matches 0"):
        cancellation_fee("teogest", 1000, TRAINING, "2024-03-23", schedule="coaching")
    with pytest.raises(InputError, match="no Teogest cancellation schedule number 3"):
        cancellation_fee("teogest", 1000, TRAINING, "2024-03-23", schedule=3)


# --------------------------------------------------------------------------- GOUT, art. 7 A

APPOINTMENT = "2024-03-10T10:00"


def test_gout_exactly_48_hours_is_free():
    # « au moins 48 heures »: 2024-03-08 10:00 -> 2024-03-10 10:00 is 48 h 00 -> 0
    r = cancellation_fee("gout", 300, APPOINTMENT, "2024-03-08T10:00", travelled=False)
    assert r.fee == Decimal("0.00")
    assert r.notice_unit == "hours"
    assert r.notice_value == 48
    assert r.tier_index == 0


def test_gout_47_h_59_is_half():
    # « moins de 48h avant le rendez-vous, et avant déplacement »: 47 h 59 min -> 50 % of
    # the estimated 300.00 = 150.00
    r = cancellation_fee("gout", 300, APPOINTMENT, "2024-03-08T10:01", travelled=False,
                         estimable=True)
    assert r.fee == Decimal("150.00")
    assert r.percent == 50
    assert r.notice == dt.timedelta(hours=47, minutes=59)
    assert r.facts == {"travelled": False, "estimable": True}
    assert "47 h 59 min" in r.headline()


def test_gout_not_estimable_is_a_flat_200():
    # « deux cent (200) euros hors taxe [...] si la prestation ne peut être estimée »: 200.00,
    # whatever the amount, and no amount is needed.
    r = cancellation_fee("gout", None, APPOINTMENT, "2024-03-09T10:00", travelled=False,
                         estimable=False)
    assert r.fee == Decimal("200.00")
    assert r.flat == 200
    assert r.amount is None
    assert cancellation_fee("gout", 50, APPOINTMENT, "2024-03-09T10:00", travelled=False,
                            estimable=False).fee == Decimal("200.00")


@pytest.mark.parametrize(
    ("amount", "cancelled", "fee"),
    [
        (300, "2024-03-10T09:00", "300.00"),  # « facturation intégrale »: 100 % of 300.00
        (150, "2024-03-10T09:00", "200.00"),  # 100 % of 150.00 < « minimum de deux cent euros »
        ("199.99", "2024-03-10T09:00", "200.00"),
        ("200.01", "2024-03-10T09:00", "200.01"),
        (300, "2024-03-05T10:00", "300.00"),  # any notice once the provider travelled (5 days)
        (300, "2024-03-10T11:00", "300.00"),  # after the appointment's start
        (10_000_000, "2024-03-10T09:00", "10000000.00"),
    ],
)
def test_gout_travelled_full_amount_with_minimum(amount, cancelled, fee):
    r = cancellation_fee("gout", amount, APPOINTMENT, cancelled, travelled=True)
    assert r.fee == Decimal(fee)
    assert r.minimum == 200
    assert r.tier_index == 3


def test_gout_dates_mean_midnight():
    # Dates only: 2024-03-08 00:00 -> 2024-03-10 00:00 is exactly 48 h -> free
    r = cancellation_fee("gout", 300, "2024-03-10", "2024-03-08", travelled=False)
    assert r.fee == 0
    assert r.notice == dt.timedelta(hours=48)
    # one day less: 24 h -> 50 % of 300.00 = 150.00
    assert cancellation_fee("gout", 300, dt.date(2024, 3, 10), dt.date(2024, 3, 9),
                            travelled=False, estimable=True).fee == Decimal("150.00")


def test_gout_after_the_appointment_without_travel_is_half():
    # Cancelled one hour after the start, provider did not travel (e.g. a remote session):
    # « moins de 48h » -> 50 % of 300.00
    r = cancellation_fee("gout", 300, APPOINTMENT, "2024-03-10T11:00", travelled=False,
                         estimable=True)
    assert r.fee == Decimal("150.00")
    assert r.after_event is True
    assert r.notice_value == -1


def test_gout_missing_facts_are_named():
    with pytest.raises(InputError, match=r"missing fact.*estimable, travelled"):
        cancellation_fee("gout", 300, APPOINTMENT, "2024-03-09T10:00")
    # with travelled=False only estimable is still needed
    with pytest.raises(InputError, match=r"missing fact\(s\) estimable:"):
        cancellation_fee("gout", 300, APPOINTMENT, "2024-03-09T10:00", travelled=False)
    # at 48 h or more only travelled matters
    with pytest.raises(InputError, match=r"missing fact\(s\) travelled:"):
        cancellation_fee("gout", 300, APPOINTMENT, "2024-03-01T10:00")
    # once travelled, estimable is not needed
    assert cancellation_fee("gout", 300, APPOINTMENT, "2024-03-09T10:00",
                            travelled=True).fee == Decimal("300.00")


def test_gout_bad_facts():
    with pytest.raises(InputError, match="urgent: not a fact"):
        cancellation_fee("gout", 300, APPOINTMENT, "2024-03-09T10:00", urgent=True)
    with pytest.raises(InputError, match="travelled: expected True or False"):
        cancellation_fee("gout", 300, APPOINTMENT, "2024-03-09T10:00", travelled="yes")


def test_gout_percent_line_needs_the_amount():
    with pytest.raises(InputError, match=r"amount: .*50"):
        cancellation_fee("gout", None, APPOINTMENT, "2024-03-09T10:00", travelled=False,
                         estimable=True)


# --------------------------------------------------------------------------- Leappy, art. 8

ACTION = "2024-06-10T14:00"


@pytest.mark.parametrize(
    ("cancelled", "fee", "after"),
    [
        ("2024-06-08T14:00", "0.00", False),  # « préavis de quarante-huit (48) heures »: 48 h
        ("2024-06-08T14:00:01", "800.00", False),  # 47 h 59 min 59 s -> « reste due »: 100 %
        ("2024-06-10T13:59", "800.00", False),  # 1 minute before
        ("2024-06-10T15:00", "800.00", True),  # after the start (a no-show)
        ("2024-05-01T09:00", "0.00", False),  # weeks ahead
    ],
)
def test_leappy_48_hours(cancelled, fee, after):
    r = cancellation_fee("leappy", 800, ACTION, cancelled)
    assert r.fee == Decimal(fee)
    assert r.after_event is after
    assert r.notice_unit == "hours"


def test_leappy_free_line_needs_no_amount():
    r = cancellation_fee("leappy", None, ACTION, "2024-06-01T14:00")  # 9 days = 216 h
    assert r.fee == 0
    assert r.headline().startswith("cancellation fee 0.00 EUR (0 %; notice 216 h 00 min")


def test_leappy_uses_no_fact():
    with pytest.raises(InputError, match="depends on no fact"):
        cancellation_fee("leappy", 800, ACTION, "2024-06-01T14:00", travelled=True)


# --------------------------------------------------------------------------- no schedule


def test_iosmart_has_no_quantified_fee():
    with pytest.raises(InputError, match="no cancellation fee schedule") as err:
        cancellation_fee("iosmart", 800, ACTION, "2024-06-01T14:00")
    assert "frais engagés" in str(err.value)
    assert "not quantified" in str(err.value)


@pytest.mark.parametrize("vendor", ["janquor", "statutory"])
def test_vendors_without_schedule(vendor):
    with pytest.raises(InputError, match="no cancellation fee schedule"):
        cancellation_fee(vendor, 800, ACTION, "2024-06-01T14:00")


# --------------------------------------------------------------------------- typed the French way


@pytest.mark.parametrize(
    ("event_at", "cancelled_at", "fee"),
    [
        # Teogest, training on 31 March 2024: cancelled on 23 March -> 31 - 23 = 8 days,
        # « entre 8 et 15 jours » -> 50 % of 1,000.00 = 500.00 (as the ISO case above)
        ("31/03/2024", "23/03/2024", "500.00"),
        ("31 mars 2024", "23 mars 2024", "500.00"),
        # Teogest counts calendar dates, not hours: 31/03 09:00 - 23/03 18:00 is still 8 days
        ("31/03/2024 9 h", "23/03/2024 18:00", "500.00"),
        # 24 March: 7 days, « moins de 8 jours » -> 100 % = 1,000.00
        ("31/03/2024", "24 mars 2024", "1000.00"),
    ],
)
def test_teogest_dates_typed_the_french_way(event_at, cancelled_at, fee):
    assert cancellation_fee("teogest", 1000, event_at, cancelled_at).fee == Decimal(fee)


@pytest.mark.parametrize(
    ("cancelled_at", "fee", "hours"),
    [
        # Leappy, action on 10 June 2024 at 14:00 (ACTION), « préavis de quarante-huit (48)
        # heures »: cancelled 8 June at 14:00 -> exactly 48 h -> no fee
        ("08/06/2024 14:00", "0.00", 48),
        ("8 juin 2024 à 14 h", "0.00", 48),
        # 8 June at 14:30 -> 47 h 30 min, under 48 h -> « reste due »: 100 % of 800.00
        ("08/06/2024 14h30", "800.00", Decimal("47.5")),
        ("8 juin 2024 14 h 30", "800.00", Decimal("47.5")),
        # 8 June at midnight (a date alone) -> 62 h -> no fee
        ("8 juin 2024", "0.00", 62),
    ],
)
def test_leappy_moments_typed_the_french_way(cancelled_at, fee, hours):
    r = cancellation_fee("leappy", 800, "10/06/2024 14:00", cancelled_at)
    assert r.fee == Decimal(fee)
    assert r.notice == dt.timedelta(hours=float(hours))


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"event_at": "31/02/2024"}, "event_at: '31/02/2024' is not a calendar date: "
                                      "February 2024 has 29 days; write a date such as"),
        ({"event_at": "31/03/24 14:00"}, "event_at: '31/03/24' is not a date: give the year in "
                                         "full"),
        ({"event_at": "31/03/2024 24:00"}, r"event_at: '31/03/2024 24:00' has no such time of "
                                           r"day \(24:00\)"),
        ({"event_at": "2024-03-31T25:00"}, "is not a date and time; write a date such as "
                                           "31/03/2024"),
        ({"event_at": "demain"}, "event_at: 'demain' is not a date; write a date such as "
                                 "31/03/2024, 31 mars 2024 or 2024-03-31 \\(midnight\\)"),
        ({"cancelled_at": 20240301}, "cancelled_at: expected a date"),
        ({"amount": -1}, "amount: -1 is negative"),
        ({"amount": "12.345"}, "fractions of a cent"),
        ({"amount": "abc"}, "amount: 'abc' is not a number"),
        ({"reading": "other"}, "reads one way only"),
    ],
)
def test_bad_input(kwargs, message):
    args = {"amount": 1000, "event_at": TRAINING, "cancelled_at": "2024-03-01", **kwargs}
    with pytest.raises(InputError, match=message):
        cancellation_fee("teogest", args.pop("amount"), args.pop("event_at"),
                         args.pop("cancelled_at"), **args)


def test_mixed_time_zones_are_refused():
    aware = dt.datetime(2024, 3, 10, 10, tzinfo=dt.UTC)
    with pytest.raises(InputError, match="time zone"):
        cancellation_fee("leappy", 800, aware, "2024-03-01T10:00")


def test_time_zones_give_the_exact_notice():
    # 2024-03-31 is the spring clock change in Paris; in UTC the notice is exact: 48 h.
    event = dt.datetime(2024, 4, 1, 12, tzinfo=dt.UTC)
    r = cancellation_fee("leappy", 800, event, dt.datetime(2024, 3, 30, 12, tzinfo=dt.UTC))
    assert r.fee == 0


def test_unknown_vendor():
    with pytest.raises(Exception, match="nobody"):
        cancellation_fee("nobody", 800, ACTION, "2024-06-01T14:00")


def test_explain_cites_the_clause():
    text = cancellation_fee("teogest", 1000, TRAINING, "2024-03-23").explain()
    assert "Teogest: cancellation fee 500.00 EUR" in text
    assert "« 50 % si l’annulation intervient entre 8 et 15 jours" in text
