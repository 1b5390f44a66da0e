"""Hypothesis properties of the SLA arithmetic (cgvlib/arithmetic/sla.py).

- the credit never exceeds the cap (20 % of the month's invoice for Teogest), also for a
  made-up clause whose tiers exceed the cap;
- the credit percent never decreases as unavailability grows, under each reading of the gaps;
- the downtime allowed grows with the period and shrinks as availability grows.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.arithmetic.sla import sla_credit, sla_downtime
from cgvlib.model.loader import vendor as load
from cgvlib.model.sla import PERIODS
from cgvlib.money import div_round_half_up

settings.register_profile("cgvlib-sla", deadline=None, max_examples=200)
settings.load_profile("cgvlib-sla")

TEOGEST = load("teogest")


def _richer():
    """Teogest's clause with tiers of 0/10/25/40/60 %: the 20 % cap binds from the 3rd tier."""
    credits = [Decimal(c) for c in (0, 10, 25, 40, 60)]
    tiers = [t.model_copy(update={"credit_percent": c})
             for t, c in zip(TEOGEST.sla.tiers, credits, strict=True)]
    return TEOGEST.model_copy(update={"sla": TEOGEST.sla.model_copy(update={"tiers": tiers})})


RICHER = _richer()

# rates in percent: decimals up to 4 places plus exact fractions, in 0..100, and rates packed
# around the tier bounds and gaps where the steps are
rates = st.one_of(
    st.decimals(min_value=0, max_value=100, places=4),
    st.fractions(min_value=0, max_value=100, max_denominator=10_000),
    st.decimals(min_value=0, max_value=2, places=5),
)
invoices = st.one_of(st.integers(min_value=0, max_value=1_000_000_000),  # cents, to 10 M EUR
                     st.sampled_from([0, 1, 50, 123_456]))
availabilities = st.decimals(min_value=0, max_value=100, places=4)


def _euros(cents: int) -> Decimal:
    return Decimal(cents).scaleb(-2)


@pytest.mark.parametrize("vendor", [TEOGEST, RICHER], ids=["teogest", "richer_tiers"])
@given(rate=rates, cents=invoices, reading=st.sampled_from(["lower_tier", "upper_tier"]))
def test_credit_never_exceeds_the_cap(vendor, rate, cents, reading):
    r = sla_credit(vendor, rate, _euros(cents), reading=reading)
    cap_cents = div_round_half_up(cents * 20, 100)  # 20 % of the invoice, half-up
    assert r.amount_cents <= cap_cents
    assert r.percent <= 20
    assert r.cap_cents == cap_cents
    for other in r.readings.values():
        assert other.amount_cents <= cap_cents


@pytest.mark.parametrize("vendor", [TEOGEST, RICHER], ids=["teogest", "richer_tiers"])
@given(a=rates, b=rates, reading=st.sampled_from(["lower_tier", "upper_tier"]))
def test_credit_percent_is_non_decreasing(vendor, a, b, reading):
    low, high = sorted([Fraction(a), Fraction(b)])
    first = sla_credit(vendor, low, 1000, reading=reading)
    second = sla_credit(vendor, high, 1000, reading=reading)
    assert first.percent <= second.percent
    assert first.amount_cents <= second.amount_cents


@given(rate=rates)
def test_ambiguous_exactly_in_a_gap(rate):
    r = sla_credit(TEOGEST, rate, 1000)
    in_gap = any(lo < Fraction(rate) < hi for lo, hi in TEOGEST.sla.gaps())
    assert r.ambiguous == in_gap
    assert (r.gap is not None) == in_gap
    if in_gap:
        lower, upper = r.readings["lower_tier"], r.readings["upper_tier"]
        assert lower.percent < upper.percent
        assert (r.percent, r.amount_cents) == (upper.percent, upper.amount_cents)
    else:
        assert r.readings == {}


@given(a=availabilities)
def test_downtime_grows_with_the_period(a):
    seconds = [sla_downtime(a, p).seconds for p in PERIODS]  # day, week, month, year
    if a == 100:
        assert seconds == [0, 0, 0, 0]
    else:
        assert seconds == sorted(seconds)
        assert len(set(seconds)) == 4


@given(a=availabilities, b=availabilities, period=st.sampled_from(PERIODS))
def test_downtime_decreases_with_availability(a, b, period):
    low, high = sorted([a, b])
    more, less = sla_downtime(low, period), sla_downtime(high, period)
    assert more.seconds >= less.seconds
    assert (more.seconds > less.seconds) == (low < high)
    assert more.rounded >= less.rounded
