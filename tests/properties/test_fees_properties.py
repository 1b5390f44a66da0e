"""Hypothesis properties of fees, cancellation fees and liability caps.

- every fee is non-negative;
- a cancellation fee never exceeds the event's amount, except where the text sets a floor or a
  flat fee: GOUT's « avec un minimum de deux cent euros » once the provider travelled, and its
  flat « deux cent (200) euros » when the service cannot be estimated; there the fee is at
  most max(amount, 200 EUR);
- for a fixed event and fixed facts, the cancellation fee does not increase as the notice grows;
- the liability cap does not decrease as payments are added;
- a cap counted with VAT is never below the same cap counted without it, whichever way the
  amounts are given (JANQUOR, GOUT, ioSmart), the one rounding coming after the VAT;
- Leappy's subcontractor penalty under the 225-day reading (the default) never exceeds the
  260-day one;
- Teogest's « heures ouvrées » read as 24 hours to a jour ouvré (the default) never end after
  the same hours counted in the support's opening hours.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.arithmetic.cancellation import cancellation_fee
from cgvlib.arithmetic.fees import (
    management_fee,
    non_solicitation_penalty,
    overrun_surcharge,
    time_and_materials,
    vat,
)
from cgvlib.arithmetic.liability import liability_cap
from cgvlib.arithmetic.time_limits import time_limit
from cgvlib.money import MAX_AMOUNT_CENTS

AMOUNTS = st.integers(min_value=0, max_value=1_000_000_000).map(lambda c: Decimal(c) / 100)
EVENT = dt.datetime(2024, 3, 31, 9, 0)
# notices from 3 days after the event to 70 days before it, to the minute
NOTICES = st.integers(min_value=-3 * 24 * 60, max_value=70 * 24 * 60).map(
    lambda m: dt.timedelta(minutes=m))
GOUT_FACTS = st.sampled_from([
    {"travelled": False, "estimable": True},
    {"travelled": False, "estimable": False},
    {"travelled": True},
    {"travelled": True, "estimable": False},
])
FLOOR = Decimal(200)  # GOUT 7 A: « minimum de deux cent euros », « deux cent (200) euros »


def _schedule_cases():
    return st.one_of(
        st.tuples(st.just("teogest"), st.just({})),
        st.tuples(st.just("leappy"), st.just({})),
        st.tuples(st.just("gout"), GOUT_FACTS),
    )


@settings(deadline=None)
@given(case=_schedule_cases(), amount=AMOUNTS, notice=NOTICES)
def test_cancellation_fee_is_bounded(case, amount, notice):
    vendor, facts = case
    r = cancellation_fee(vendor, amount, EVENT, EVENT - notice, **facts)
    assert r.fee >= 0
    if r.minimum is None and r.flat is None:
        assert r.fee <= amount
    else:  # GOUT only: the 200 EUR floor or flat fee
        assert vendor == "gout"
        assert r.fee <= max(amount, FLOOR)


@settings(deadline=None)
@given(case=_schedule_cases(), amount=AMOUNTS, a=NOTICES, b=NOTICES)
def test_cancellation_fee_does_not_grow_with_notice(case, amount, a, b):
    vendor, facts = case
    shorter, longer = sorted((a, b))
    fee_short = cancellation_fee(vendor, amount, EVENT, EVENT - shorter, **facts).fee
    fee_long = cancellation_fee(vendor, amount, EVENT, EVENT - longer, **facts).fee
    assert fee_long <= fee_short


@settings(deadline=None)
@given(a=st.integers(0, 10_000), b=st.integers(0, 10_000), urgent=st.booleans())
def test_time_and_materials_grows_with_time(a, b, urgent):
    lo, hi = sorted((a, b))
    low = time_and_materials("iosmart", lo, urgent=urgent).amount
    assert 0 <= low <= time_and_materials("iosmart", hi, urgent=urgent).amount
    assert time_and_materials("teogest", lo, which="restore").amount >= 0


@settings(deadline=None)
@given(amount=AMOUNTS, days=st.integers(0, 800))
def test_percentage_fees_are_non_negative_and_bounded(amount, days):
    assert 0 <= management_fee("janquor", amount).amount <= amount
    assert 0 <= vat("gout", amount).amount <= amount
    start = dt.date(2024, 1, 1)
    surcharge = overrun_surcharge("gout", amount, start, start + dt.timedelta(days=days))
    assert surcharge.amount >= 0
    for reading in surcharge.readings.values():
        assert reading.amount >= 0


PAYMENT = st.tuples(
    st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2025, 12, 31)),
    st.integers(min_value=0, max_value=100_000_000).map(lambda c: Decimal(c) / 100),
    st.sampled_from(["A", "B"]),
    st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2025, 12, 31)),
)
CAP_CASES = st.sampled_from([
    ("janquor", {}),
    ("leappy", {}),
    ("gout", {"order": "A"}),
    ("iosmart", {"order": "B"}),
    ("iosmart", {"vat_percent": 20}),
    ("teogest", {"users": 7, "affected_users": 3, "interruption_days": 4}),
])


@settings(deadline=None)
@given(case=CAP_CASES, payments=st.lists(PAYMENT, max_size=8), extra=PAYMENT,
       at=st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2025, 6, 30)))
def test_liability_cap_does_not_decrease_with_payments(case, payments, extra, at):
    vendor, kwargs = case
    before = liability_cap(vendor, payments, at, **kwargs)
    after = liability_cap(vendor, [*payments, extra], at, **kwargs)
    assert 0 <= before.cap <= after.cap
    for name, reading in before.readings.items():
        assert reading.cap <= after.readings[name].cap


VAT_PAYMENT = st.tuples(
    st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2024, 12, 31)),
    st.integers(min_value=0, max_value=100_000_000),  # cents
    st.one_of(st.none(), st.integers(min_value=0, max_value=100)),  # VAT, % of the amount
)
VAT_CASES = st.sampled_from([
    ("janquor", "vat_included", "excl_vat"),
    ("gout", "vat_included", "excl_vat"),
    ("iosmart", "self=vat_included", "self=excl_vat"),
])


@settings(deadline=None)
@given(case=VAT_CASES, rows=st.lists(VAT_PAYMENT, max_size=8),
       amounts=st.sampled_from(["excl_vat", "incl_vat"]),
       rate=st.integers(min_value=0, max_value=10_000).map(lambda bp: Decimal(bp) / 100),
       at=st.dates(min_value=dt.date(2023, 6, 1), max_value=dt.date(2025, 1, 31)))
def test_cap_with_vat_is_never_below_cap_without(case, rows, amounts, rate, at):
    vendor, incl, excl = case
    payments = []
    for day, cents, vat_share in rows:
        # a per-payment VAT of vat_share % of the amount (never more than the amount)
        vat = None if vat_share is None else Decimal(cents * vat_share // 100) / 100
        payments.append((day, Decimal(cents) / 100, "A", day, vat))
    r = liability_cap(vendor, payments, at, amounts=amounts, vat_percent=rate)
    assert r.readings[incl].vat_included and not r.readings[excl].vat_included
    assert 0 <= r.readings[excl].cap <= r.readings[incl].cap
    assert r.readings[excl].payments_counted == r.readings[incl].payments_counted


@settings(deadline=None)
@given(cents=st.integers(min_value=0, max_value=MAX_AMOUNT_CENTS))  # the amounts' limit
def test_leappy_225_day_reading_never_exceeds_the_260_day_one(cents):
    r = non_solicitation_penalty("leappy", who="subcontractors", daily_rate=Decimal(cents) / 100)
    assert r.reading == "text_year_225_days"
    assert 0 <= r.amount <= r.readings["weeks_of_five_days"].amount


START_MOMENTS = st.one_of(
    st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2026, 12, 31)),
    st.datetimes(min_value=dt.datetime(2024, 1, 1), max_value=dt.datetime(2026, 12, 31, 23, 59)),
)


@settings(deadline=None)
@given(start=START_MOMENTS, which=st.sampled_from(["causes bug", "fix software bug",
                                                   "restore vendor backup"]),
       region=st.sampled_from(["metropole", "alsace-moselle"]))
def test_24_hour_reading_is_never_later_than_support_hours(start, which, region):
    r = time_limit("teogest", which, start, region=region)
    assert r.reading == "jours_ouvres_24h"
    support = r.readings["support_hours"].date
    assert isinstance(r.date, dt.date) and isinstance(support, dt.datetime)
    assert r.date <= support.date()
    moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    assert support > moment
