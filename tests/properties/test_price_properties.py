"""Properties of price revision: monotone in the base price, the Leappy chain telescopes, and the
Teogest worst case is never below the index-based price."""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from cgvlib.arithmetic.price import index_factors, revise_price
from cgvlib.errors import OutOfCoverageError
from cgvlib.model.loader import vendor as load
from cgvlib.money import round_half_up
from cgvlib.reference.syntec import syntec_ratio

SETTINGS = settings(max_examples=60, deadline=None)
cents = st.integers(min_value=0, max_value=1_000_000_000)  # 0 to 10,000,000 EUR


def leappy_in_october():
    """Leappy's formula revised each 1 October (a test clause that chains across August 2022)."""
    v = load("leappy")
    clause = v.price_revision[0].model_copy(update={"months": [10], "ambiguity": None})
    return v.model_copy(update={"price_revision": [clause]})


LEAPPY_VARIANTS = {"leappy": load("leappy"), "leappy_in_october": leappy_in_october()}


def dates(first: str, last: str):
    return st.dates(min_value=dt.date.fromisoformat(first), max_value=dt.date.fromisoformat(last))


def eur(c: int) -> str:
    """Integer cents as a euro string with two decimals."""
    return f"{c // 100}.{c % 100:02d}"


def computable(call):
    """The result, or skip the example when the Syntec data lacks a value it needs (whether
    the computation refuses or gives the worst case alone)."""
    try:
        result = call()
    except OutOfCoverageError:
        assume(False)
    assume(result.price_cents is not None)
    return result


# one scenario per clause family: (vendor, clause, base dates, service dates, facts)
SCENARIOS = {
    "leappy": ("leappy", None, ("2023-02-28", "2024-06-30"), ("2023-03-01", "2025-01-01"), {}),
    "leappy_2021": ("leappy", None, ("2021-01-01", "2021-12-31"), ("2021-01-01", "2022-07-01"),
                    {}),
    "teogest": ("teogest", 0, ("2015-12-31", "2021-12-31"), ("2016-01-01", "2022-12-31"), {}),
    "teogest_annex": ("teogest", 4, ("2023-10-30", "2023-10-30"), ("2023-10-30", "2025-12-30"),
                      {}),
    "janquor": ("janquor", 0, ("2020-01-01", "2024-12-31"), ("2020-01-01", "2025-12-31"),
                {"volume_deviation_percent": {y: d for y, d in zip(range(2019, 2026),
                                                                   (12, -15, 10, 0, 30, -11, 5),
                                                                   strict=True)}}),
    "iosmart": ("iosmart", None, ("2020-01-01", "2024-12-31"), ("2020-01-01", "2030-12-31"), {}),
}


@SETTINGS
@given(name=st.sampled_from(sorted(SCENARIOS)), data=st.data(), low=cents, high=cents)
def test_monotone_in_the_base_price(name, data, low, high):
    vendor, clause, (b0, b1), (a0, a1), facts = SCENARIOS[name]
    base = data.draw(dates(b0, b1), label="base_date")
    at = data.draw(dates(max(a0, base.isoformat()), a1), label="at")
    low, high = sorted((low, high))

    def price(c):
        return computable(lambda: revise_price(vendor, eur(c), base, at, clause=clause, **facts))

    r_low, r_high = price(low), price(high)
    assert r_low.price_cents <= r_high.price_cents
    assert r_low.worst_case_cents <= r_high.worst_case_cents
    for name_ in r_low.readings:
        a, b = r_low.readings[name_], r_high.readings[name_]
        if a.price_cents is not None and b.price_cents is not None:
            assert a.price_cents <= b.price_cents


@SETTINGS
@given(variant=st.sampled_from(sorted(LEAPPY_VARIANTS)), base=dates("2015-03-01", "2025-06-30"),
       days=st.integers(min_value=0, max_value=3_700), base_cents=cents)
@example(variant="leappy_in_october", base=dt.date(2021, 8, 15), days=1_144, base_cents=100_000)
@example(variant="leappy", base=dt.date(2023, 3, 15), days=600, base_cents=1)
def test_leappy_chain_telescopes(variant, base, days, base_cents):
    # P2 = P1 x S2/S1 revision after revision, each S1 the previous S2: the product of the
    # ratios is S_last / S_first exactly (with the 2022 coefficient when S_first is old)
    at = min(base + dt.timedelta(days=days), dt.date(2025, 12, 30))
    r = computable(lambda: revise_price(LEAPPY_VARIANTS[variant], eur(base_cents), base, at))
    assume(r.revisions)
    steps = r.revisions
    for before, after in itertools.pairwise(steps):
        assert after.s1 == before.s2
    product = Fraction(1)
    for s in steps:
        product *= s.ratio
    assert product == syntec_ratio(steps[-1].s2, steps[0].s1)
    assert r.factor == product
    assert steps[-1].price_exact == base_cents * product


@SETTINGS
@given(base=dates("2015-12-31", "2021-12-31"), days=st.integers(min_value=0, max_value=2_600),
       base_cents=cents, clause=st.sampled_from([0, 1, 2, 3]))
def test_teogest_worst_case_at_least_the_index(base, days, base_cents, clause):
    at = base + dt.timedelta(days=days)
    r = computable(lambda: revise_price("teogest", eur(base_cents), base, at, clause=clause))
    assert r.worst_case_cents >= r.price_cents
    for reading in r.readings.values():
        if reading.price_cents is not None:
            assert reading.worst_case_cents >= reading.price_cents
            for step in reading.revisions:
                assert step.worst_case_price >= step.price


@SETTINGS
@given(num=st.integers(min_value=1, max_value=10_000),
       den=st.integers(min_value=1, max_value=10_000),
       reading=st.sampled_from(["capped_at_9", "index_in_full"]))
def test_margin_factors(num, den, reading):
    # for any index ratio, under both readings: worst case >= index-based factor >= the ratio
    # cut to 1.09, and the worst case at least the vendor's 9 %
    clause = load("teogest").price_revision[0].readings()[reading]
    ratio = Fraction(num, den)
    by_index, worst = index_factors(ratio, clause)
    assert worst >= by_index
    assert worst >= Fraction(109, 100)
    assert by_index == (min(ratio, Fraction(109, 100)) if reading == "capped_at_9" else ratio)


@SETTINGS
@given(base=dates("2015-01-01", "2026-12-31"), days=st.integers(min_value=0, max_value=3_000),
       base_cents=cents, clause=st.sampled_from([0, 1, 2, 3]))
@example(base=dt.date(2024, 1, 1), days=731, base_cents=13_000, clause=3)
def test_teogest_worst_case_needs_no_index(base, days, base_cents, clause):
    # capped_at_9 (the default): the worst case is the base price x 1.09 per revision, rounded
    # once, whether the index values are in the data, in a gap or past its end
    at = base + dt.timedelta(days=days)
    r = revise_price("teogest", eur(base_cents), base, at, clause=clause)
    exact = base_cents * Fraction(109, 100) ** len(r.revisions)
    assert r.worst_case_cents == round_half_up(exact)
    assert (r.price_cents is None) == bool(r.index_unknown)


@pytest.mark.parametrize(("years", "worst_cents"), [(1, 10_900), (2, 11_881), (3, 12_950)])
def test_teogest_worst_case_compounds_nine_percent(years, worst_cents):
    # 100.00 EUR set on 2016-01-01 (a Teogest price, 14.1.2): worst case 100 x 1.09^years =
    # 109.00, 118.81, 129.5029 -> 129.50
    r = revise_price("teogest", 100, "2016-01-01", dt.date(2016 + years, 1, 1))
    assert r.worst_case_cents == worst_cents
