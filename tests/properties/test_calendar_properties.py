"""Hypothesis properties of the business calendar and the month helpers.

Kept apart from the example-based tests (tests/reference/), as python-dateutil does.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.reference.calendar import (
    KINDS,
    REGIONS,
    add_days,
    add_days_array,
    count_days,
    count_days_array,
    is_day,
    on_or_after,
    on_or_before,
)
from cgvlib.reference.months import (
    add_months,
    calendar_months_touched,
    end_of_month,
    full_months_between,
    full_years_between,
    semester_bounds_between,
    semester_label,
    started_months,
)

# Holiday lists are built on first use; that may exceed hypothesis' default deadline.
settings.register_profile("cgvlib-calendar", deadline=None, max_examples=150)
settings.load_profile("cgvlib-calendar")

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
kinds = st.sampled_from(KINDS)
regions = st.sampled_from(REGIONS)
steps = st.integers(min_value=-400, max_value=400)


# --------------------------------------------------------------------------- calendar


@given(start=dates, n=steps, kind=kinds, region=regions)
def test_count_days_inverts_add_days(start, n, kind, region):
    end = add_days(start, n, kind, region=region)
    assert count_days(start, end, kind, region=region) == n


@given(start=dates, n=steps, kind=kinds, region=regions)
def test_add_days_is_strictly_increasing_in_n(start, n, kind, region):
    assert add_days(start, n, kind, region=region) < add_days(start, n + 1, kind, region=region)


@given(start=dates, n=steps.filter(bool), kind=kinds, region=regions)
def test_add_days_lands_on_a_day_of_the_kind(start, n, kind, region):
    assert is_day(add_days(start, n, kind, region=region), kind, region=region)


@given(a=dates, b=dates, kind=kinds, region=regions)
def test_backward_count_mirrors_the_forward_one(a, b, kind, region):
    # Start excluded, end included in both directions: for a <= b the backward count differs
    # from minus the forward one by the ends' own membership of the kind.
    a, b = sorted((a, b))
    forward = count_days(a, b, kind, region=region)
    backward = count_days(b, a, kind, region=region)
    assert forward >= 0
    assert backward == -(forward + is_day(a, kind, region=region) - is_day(b, kind, region=region))


@given(day=dates, kind=kinds, region=regions)
def test_on_or_before_and_after_bracket_the_day(day, kind, region):
    before = on_or_before(day, kind, region=region)
    after = on_or_after(day, kind, region=region)
    assert before <= day <= after
    assert is_day(before, kind, region=region)
    assert is_day(after, kind, region=region)
    # No day of the kind strictly between them other than the day itself.
    assert count_days(before, after, kind, region=region) == (0 if before == after else 1)


@given(
    pairs=st.lists(st.tuples(dates, steps), min_size=1, max_size=12),
    kind=kinds,
    region=regions,
)
def test_add_days_array_equals_the_scalar_form(pairs, kind, region):
    starts = np.array([s for s, _ in pairs], dtype="datetime64[D]")
    n = np.array([k for _, k in pairs], dtype=np.int64)
    expected = np.array(
        [add_days(s, k, kind, region=region) for s, k in pairs], dtype="datetime64[D]"
    )
    np.testing.assert_array_equal(add_days_array(starts, n, kind, region=region), expected)


@given(
    pairs=st.lists(st.tuples(dates, dates), min_size=1, max_size=12),
    kind=kinds,
    region=regions,
)
def test_count_days_array_equals_the_scalar_form(pairs, kind, region):
    starts = np.array([s for s, _ in pairs], dtype="datetime64[D]")
    ends = np.array([e for _, e in pairs], dtype="datetime64[D]")
    expected = [count_days(s, e, kind, region=region) for s, e in pairs]
    np.testing.assert_array_equal(count_days_array(starts, ends, kind, region=region), expected)


# --------------------------------------------------------------------------- months

month_steps = st.integers(min_value=-240, max_value=240)


@given(day=dates)
def test_add_months_back_and_forth_never_goes_past_the_start(day):
    assert add_months(add_months(day, 1), -1) <= day


@given(day=dates, n=month_steps)
def test_add_months_keeps_the_day_or_clamps_to_month_end(day, n):
    moved = add_months(day, n)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == n
    assert moved.day == day.day or (moved.day < day.day and moved == end_of_month(moved))


@given(day=dates)
def test_end_of_month_is_on_or_after_the_day_and_in_the_same_month(day):
    last = end_of_month(day)
    assert last >= day
    assert (last.year, last.month) == (day.year, day.month)
    assert (last + dt.timedelta(days=1)).day == 1


@given(start=dates, ends=st.tuples(dates, dates))
def test_started_months_is_non_decreasing_in_end(start, ends):
    early, late = sorted(ends)
    if early < start:
        return
    assert started_months(start, early) <= started_months(start, late)


@given(a=dates, b=dates)
def test_month_counts_are_consistent(a, b):
    start, end = sorted((a, b))
    full = full_months_between(start, end)
    assert add_months(start, full) <= end < add_months(start, full + 1)
    assert started_months(start, end) == full + 1
    assert full_years_between(start, end) == full // 12
    assert started_months(start, end) <= calendar_months_touched(start, end) + 1


@given(a=dates, b=dates)
def test_semester_pieces_tile_the_period(a, b):
    start, end = sorted((a, b))
    pieces = semester_bounds_between(start, end)
    assert pieces[0][0] == start
    assert pieces[-1][1] == end
    for (_, prev_end), (next_start, _) in itertools.pairwise(pieces):
        assert next_start == prev_end + dt.timedelta(days=1)
    for piece_start, piece_end in pieces:
        assert piece_start <= piece_end
        assert semester_label(piece_start) == semester_label(piece_end)
    assert sum((e - s).days + 1 for s, e in pieces) == (end - start).days + 1
