"""Hypothesis properties of exit_plan and renewal_deadlines.

- the contract never ends before the request;
- the end never moves earlier when the notice is sent later (every reading);
- renewal_deadlines' terms are contiguous (each starts the day after the previous one ends)
  and renew the day after they end;
- a letter sent on a before-term deadline ends the contract at that term; one day later it
  renews; art. 20's latest request ends the notice by the term, the next day's does not;
- the default reading's deadline is the last safe day: never after any reading's; the later
  day named as the risk is after it, and JANQUOR's and GOUT's stake is the renewed period in
  full (renewal months x the monthly amount);
- a period ended midway: started + not started = the period's months; what is due plus what is
  refunded = the month in progress and the months not started; the refund falls two months
  after the exit (GOUT 7 C).
"""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cgvlib.arithmetic.notice import early_exit, exit_plan, renewal_deadlines, tenure_notice
from cgvlib.model.loader import vendor
from cgvlib.reference.months import add_months

settings.register_profile("cgvlib-notice", deadline=None, max_examples=120)
settings.load_profile("cgvlib-notice")

VENDORS = {v: vendor(v) for v in ("teogest", "janquor", "gout", "leappy", "iosmart")}
ONE_DAY = dt.timedelta(days=1)

starts = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 12, 31))
offsets = st.integers(min_value=0, max_value=4_000)

# (vendor, commitment_months): every combination exit_plan accepts for an open-ended request.
CASES = st.one_of(
    st.tuples(st.just("teogest"), st.sampled_from([None, 12, 24, 36])),
    st.tuples(st.just("janquor"), st.just(None)),
    st.tuples(st.just("gout"), st.integers(min_value=1, max_value=36)),
    st.tuples(st.sampled_from(["leappy", "iosmart"]), st.just(None)),
)


def _ends(case, start, request):
    name, months = case
    plan = exit_plan(VENDORS[name], start, request, commitment_months=months)
    return {reading: r.end for reading, r in (plan.readings or {"only": plan}).items()}


@given(case=CASES, start=starts, offset=offsets)
def test_end_never_before_request(case, start, offset):
    request = start + dt.timedelta(days=offset)
    for end in _ends(case, start, request).values():
        assert end >= request


@given(case=CASES, start=starts, a=offsets, b=offsets)
def test_end_non_decreasing_in_notice_date(case, start, a, b):
    first, second = sorted((a, b))
    early = _ends(case, start, start + dt.timedelta(days=first))
    late = _ends(case, start, start + dt.timedelta(days=second))
    for reading, end in early.items():
        assert end <= late[reading]


def _deadlines(case, start, span):
    name, months = case
    return renewal_deadlines(VENDORS[name], start, start + dt.timedelta(days=span),
                             commitment_months=months)


@given(case=st.one_of(
    st.tuples(st.just("teogest"), st.sampled_from([12, 24, 36])),
    st.tuples(st.just("janquor"), st.sampled_from([None, 3, 6])),
    st.tuples(st.just("gout"), st.integers(min_value=1, max_value=36)),
), start=starts, span=offsets)
def test_deadline_rows_are_contiguous(case, start, span):
    frame = _deadlines(case, start, span)
    rows = frame.to_dict("records")
    assert rows[0]["term_start"] == start
    for row in rows:
        assert row["term_end"] >= row["term_start"]
        if row["renewal_date"] is not None:
            assert row["renewal_date"] == row["term_end"] + ONE_DAY
    for previous, row in itertools.pairwise(rows):
        assert row["term_start"] == previous["term_end"] + ONE_DAY


@given(name=st.sampled_from(["janquor", "gout"]), months=st.integers(min_value=1, max_value=36),
       start=starts, span=offsets, reading_index=st.integers(min_value=0, max_value=1))
def test_before_term_deadline_is_the_last_day(name, months, start, span, reading_index):
    commitment = None if name == "janquor" else months
    frame = renewal_deadlines(VENDORS[name], start, start + dt.timedelta(days=span),
                              commitment_months=commitment)
    reading = [frame.attrs["default_reading"],
               *[r for r in frame.attrs["readings"] if "exit_charges" not in r
                 and r != frame.attrs["default_reading"]]][reading_index]
    frame = renewal_deadlines(VENDORS[name], start, start + dt.timedelta(days=span),
                              commitment_months=commitment, reading=reading)
    row = frame.iloc[-1]
    last, term_start, term_end = (row["last_day_to_send_notice"], row["term_start"],
                                  row["term_end"])
    assume(term_start <= last)  # a notice longer than the term falls in the previous one
    on_time = exit_plan(VENDORS[name], start, last, commitment_months=commitment,
                        reading=reading)
    assert on_time.deadline_met and on_time.end == term_end
    if last < term_end:
        late = exit_plan(VENDORS[name], start, last + ONE_DAY, commitment_months=commitment,
                         reading=reading)
        assert late.renewed and late.end > term_end


@given(start=starts, span=offsets, months=st.sampled_from([12, 24, 36]))
def test_art20_latest_request(start, span, months):
    frame = renewal_deadlines(VENDORS["teogest"], start, start + dt.timedelta(days=span),
                              commitment_months=months)  # the default: art. 20
    rule = next(n.rule for n in VENDORS["teogest"].term.notice if n.rule.kind == "tenure_based")
    for row in frame.to_dict("records"):
        last, term_end = row["last_day_to_send_notice"], row["term_end"]
        assert last is not None
        assert tenure_notice(rule, start, last).end <= term_end
        assert tenure_notice(rule, start, last + ONE_DAY).end > term_end
        assert tenure_notice(rule, start, last).notice_months == row["notice_months"]


@given(case=CASES, start=starts, offset=offsets)
def test_the_default_deadline_is_the_last_safe_day(case, start, offset):
    name, months = case
    plan = exit_plan(VENDORS[name], start, start + dt.timedelta(days=offset),
                     commitment_months=months)
    days = [r.deadline for r in plan.readings.values() if r.deadline is not None]
    if plan.deadline is not None:
        assert all(plan.deadline <= day for day in days)
    if plan.later_deadline is not None:
        assert plan.later_deadline == max(days) > plan.deadline
        assert plan.readings[plan.later_reading].deadline == plan.later_deadline
    else:
        assert plan.at_stake_cents is None


@given(name=st.sampled_from(["janquor", "gout"]), months=st.integers(min_value=1, max_value=24),
       start=starts, offset=offsets, cents=st.integers(min_value=0, max_value=10**9))
def test_the_stake_of_a_late_letter_is_the_renewed_period(name, months, start, offset, cents):
    commitment = None if name == "janquor" else months
    length = 12 if name == "janquor" else months
    plan = exit_plan(VENDORS[name], start, start + dt.timedelta(days=offset),
                     commitment_months=commitment, monthly_amount=f"{cents / 100:.2f}")
    if plan.later_deadline is not None and plan.later_deadline >= start:
        assert plan.at_stake_cents == length * cents


@given(months=st.integers(min_value=1, max_value=36), start=starts, offset=offsets,
       cents=st.integers(min_value=0, max_value=10**9))
def test_a_period_ended_midway_adds_up(months, start, offset, cents):
    ends_on = start + dt.timedelta(days=offset)
    result = early_exit(VENDORS["gout"], start, ends_on, commitment_months=months,
                        monthly_amount=f"{cents / 100:.2f}")
    for r in result.readings.values():
        assert r.period_start <= ends_on <= r.period_end
        assert r.started_months >= 1 and r.unstarted_months >= 0
        assert r.started_months + r.unstarted_months == r.period_months == months
        assert r.due_cents + r.refund_cents == (1 + r.unstarted_months) * cents
        if r.refund_by is not None:
            assert r.refund_by == add_months(ends_on, 2)


@given(case=st.one_of(
    st.tuples(st.just("teogest"), st.sampled_from([12, 24, 36])),
    st.tuples(st.just("janquor"), st.just(None)),
    st.tuples(st.just("gout"), st.integers(min_value=1, max_value=36)),
), start=starts, span=offsets)
def test_the_table_shows_the_last_safe_day(case, start, span):
    frame = _deadlines(case, start, span)
    others = [c for c in frame.columns if c.startswith("last_day_to_send_notice (")]
    for row in frame.to_dict("records"):
        for column in others:
            assert row["last_day_to_send_notice"] <= row[column]
