"""Properties of late-payment arithmetic: paying later never costs less, the lawful figure is
never below the L441-10 II floor nor below the clause as written, and the vectorised form equals
the scalar one to the cent on any invoices, for every vendor and reading."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.late_payment_frame import late_payment_frame
from cgvlib.arithmetic.penalty_floor import floor_bp_on
from cgvlib.reference.months import semester_bounds_between

FIRST = dt.date(2015, 1, 1)
# Last day every rate a vendor's rule needs is known: the ECB data is complete until
# 2026-06-11 (statutory, ioSmart); the legal rate is known through 2026-06-30.
LAST = {
    "statutory": dt.date(2026, 6, 11),
    "iosmart": dt.date(2026, 6, 11),
    "janquor": dt.date(2026, 6, 30),
    "teogest": dt.date(2026, 6, 30),
    "leappy": dt.date(2026, 6, 30),
    "gout": dt.date(2026, 6, 30),
}
VENDORS = sorted(LAST)

amounts = st.integers(min_value=0, max_value=1_000_000_000).map(lambda c: c / 100)


@st.composite
def invoice(draw, vendor: str):
    """(amount, due, paid, invoice_date) with every date inside the vendor's covered range."""
    last = LAST[vendor]
    due = draw(st.dates(FIRST + dt.timedelta(days=40), last))
    paid = due + dt.timedelta(days=draw(st.integers(0, min(500, (last - due).days))))
    invoice_date = due - dt.timedelta(days=draw(st.integers(0, 40)))
    return draw(amounts), due, paid, invoice_date


def _totals(result) -> dict[str, int]:
    return {name: r.total_cents for name, r in result.readings.items()} or {
        "as_written": result.total_cents
    }


@settings(max_examples=150, deadline=None)
@given(data=st.data(), vendor=st.sampled_from(VENDORS))
def test_paying_later_never_costs_less(data, vendor):
    amount, due, paid, invoice_date = data.draw(invoice(vendor))
    later = paid + dt.timedelta(days=data.draw(st.integers(0, (LAST[vendor] - paid).days)))
    before = _totals(late_payment(vendor, amount, due, paid, invoice_date=invoice_date))
    after = _totals(late_payment(vendor, amount, due, later, invoice_date=invoice_date))
    for name, total in before.items():
        assert after[name] >= total, name


@settings(max_examples=60, deadline=None)
@given(data=st.data(), vendor=st.sampled_from(VENDORS))
def test_frame_equals_scalar(data, vendor):
    rows = data.draw(st.lists(invoice(vendor), min_size=1, max_size=12))
    frame = pd.DataFrame(rows, columns=["amount", "due", "paid", "invoice_date"])
    out = late_payment_frame(vendor, frame)
    shown = out.attrs["reading"]
    for i, (amount, due, paid, invoice_date) in enumerate(rows):
        r = late_payment(vendor, amount, due, paid, invoice_date=invoice_date)
        got = out.iloc[i]
        assert got["interest_cents"] == r.interest_cents
        assert got["indemnity_cents"] == r.indemnity_cents
        assert got["total_cents"] == r.total_cents
        assert got["days_of_delay"] == r.days_of_delay
        assert got["first_day_of_delay"].date() == r.first_day_of_delay
        if "floor_applied" in out.columns:
            assert bool(got["floor_applied"]) == r.floor_applied
        for name, other in r.readings.items():
            column = "total_cents" if name == shown else f"total_cents[{name}]"
            assert got[column] == other.total_cents


def _at_the_floor(amount, first: dt.date, paid: dt.date) -> int:
    """The interest at three times the legal rate over first..paid, worked independently of the
    code under test: each semester's days at that semester's floor, one half-up rounding."""
    cents = round(amount * 100)
    weight = sum(floor_bp_on(start) * ((end - start).days + 1)
                 for start, end in semester_bounds_between(first, paid))
    return (2 * cents * weight + 3_650_000) // (2 * 3_650_000)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), vendor=st.sampled_from([v for v in VENDORS if v != "statutory"]))
def test_never_below_the_floor_nor_the_clause(data, vendor):
    amount, due, paid, invoice_date = data.draw(invoice(vendor))
    r = late_payment(vendor, amount, due, paid, invoice_date=invoice_date)
    lawful = {n: x for n, x in r.readings.items() if not n.endswith("as_written")} or {"": r}
    for name, result in lawful.items():
        written = result.as_written or result
        assert result.interest_cents >= written.interest_cents, name
        if result.days_of_delay:
            floor = _at_the_floor(amount, result.first_day_of_delay, paid)
            assert result.interest_cents >= floor, name
            # the lawful figure is one of the two, or, for an annual rate, per semester the
            # higher of each: never above both summed
            assert result.interest_cents <= written.interest_cents + floor + 1, name
