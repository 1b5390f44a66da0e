"""DataFrame and Series inputs are checked (cgvlib/arithmetic/frame_inputs.py): each bad kind
of column, for every function that takes a frame, with its exact message; the scalar entry
points refuse the same values with the same words (cgvlib.money.amount_cents); any frame of
valid values, however it is typed, still equals the scalar function."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cgvlib.arithmetic.cancellation import cancellation_fee
from cgvlib.arithmetic.exit_cost import invoice_history_cents
from cgvlib.arithmetic.fees import management_fee
from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.late_payment_frame import _half_up, late_payment_frame
from cgvlib.arithmetic.liability import liability_cap
from cgvlib.arithmetic.notice import exit_plan
from cgvlib.arithmetic.price import revise_price
from cgvlib.arithmetic.sla import sla_credit
from cgvlib.errors import InputError
from cgvlib.money import INT64_MAX, MAX_AMOUNT_CENTS, amount_cents
from cgvlib.views.late_payment import breach_periods, penalty_rates
from cgvlib.views.notice import exit_cost_points, exit_plans
from tests.properties.test_late_payment_properties import VENDORS, invoice

# The words every amount error ends with (cgvlib.money._REFUSALS), spelt out here on purpose.
EUROS = "give euros as numbers with at most two decimals, e.g. 1234.56"
OR_CENTS = f"{EUROS}, or integer cents in 'amount_cents'"
MISSING = "missing (NaN, None or NaT)"
EVERY = "give every amount, 0 or more euros"
NEGATIVE = "give an amount of 0 or more euros"
LIMIT = ("above 100,000,000.00 EUR, the limit of exact int64 amounts: {}; the exact arithmetic "
         "computes cents x basis points x days in 64-bit integers (at most "
         "9,223,372,036,854,775,807), and 10,000,000,000 cents x 10,000 bp (100 % a year) x "
         "92,233 days (252 years) still fits")
SUB_CENT = "give euros with at most two decimals, e.g. 1234.56"
DATES = "give dates as datetime64, datetime.date or 'YYYY-MM-DD'"
DAYS = [1, 2, 3, 4]


def _message(call) -> str:
    with pytest.raises(InputError) as info:
        call()
    return str(info.value)


def test_the_limit_fits_int64():
    # cents x bp x days for the largest amount, 100 % a year, 252 years: below INT64_MAX
    assert MAX_AMOUNT_CENTS == 10**10
    assert MAX_AMOUNT_CENTS * 10_000 * 92_233 <= INT64_MAX < MAX_AMOUNT_CENTS * 10_000 * 92_234


# --------------------------------------------------------------------------- late_payment_frame


def invoices(**changes) -> pd.DataFrame:
    frame = pd.DataFrame({"amount": [100.0, 200.0, 300.0, 400.0], "due": ["2023-06-15"] * 4,
                          "paid": ["2023-07-30"] * 4}, index=[3, 17, 42, 50])
    for column, values in changes.items():
        frame[column] = values
    return frame


def objects(*values) -> pd.Series:
    return pd.Series(list(values), index=[3, 17, 42, 50], dtype=object)


LATE_PAYMENT_FRAME = [
    ("timedelta", invoices(amount=pd.to_timedelta(DAYS, unit="D")),
     "invoices['amount']: rows 3, 17, 42, 50 (4 of 4 rows): not a number of euros: "
     "Timedelta('1 days 00:00:00'), Timedelta('2 days 00:00:00'), Timedelta('3 days 00:00:00'), "
     f"Timedelta('4 days 00:00:00'); {OR_CENTS}"),
    ("complex", invoices(amount=np.array([1 + 2j, 2, 3, 4])),
     "invoices['amount']: rows 3, 17, 42, 50 (4 of 4 rows): not a number of euros: (1+2j), "
     f"(2+0j), (3+0j), (4+0j); {OR_CENTS}"),
    ("bool", invoices(amount=[True, False, True, True]),
     "invoices['amount']: rows 3, 17, 42, 50 (4 of 4 rows): not a number of euros: True, "
     f"False, True, True; {OR_CENTS}"),
    ("mixed objects", invoices(amount=objects(True, "abc", 1 + 2j, 100.0)),
     "invoices['amount']: rows 3, 17, 42 (3 of 4 rows): not a number of euros: True, 'abc', "
     f"(1+2j); {OR_CENTS}"),
    ("a string among numbers", invoices(amount=objects(100.0, "12.50", 300.0, 400.0)),
     f"invoices['amount']: row 17 (1 of 4 rows): not a number of euros: '12.50'; {OR_CENTS}"),
    ("unparseable strings", invoices(amount=["100.00", "abc", "1,5", "300"]),
     "invoices['amount']: rows 17, 42 (2 of 4 rows): not a number of euros: 'abc', '1,5'; "
     f"{OR_CENTS}"),
    ("infinity", invoices(amount=[100.0, np.inf, 300.0, 400.0]),
     f"invoices['amount']: row 17 (1 of 4 rows): not a number of euros: inf; {OR_CENTS}"),
    ("NaN", invoices(amount=[100.0, np.nan, 300.0, 400.0]),
     f"invoices['amount']: row 17 (1 of 4 rows): {MISSING}: nan; {EVERY}"),
    ("None", invoices(amount=objects(100.0, None, 300.0, 400.0)),
     f"invoices['amount']: row 17 (1 of 4 rows): {MISSING}: None; {EVERY}"),
    ("NaT", invoices(amount=objects(100.0, pd.NaT, 300.0, 400.0)),
     f"invoices['amount']: row 17 (1 of 4 rows): {MISSING}: NaT; {EVERY}"),
    ("negative", invoices(amount=[100.0, -1.0, 300.0, 400.0]),
     f"invoices['amount']: row 17 (1 of 4 rows): negative: -1.0; {NEGATIVE}"),
    ("too large", invoices(amount=[100.0, 1e9, 300.0, 100_000_000.01]),
     "invoices['amount']: rows 17, 50 (2 of 4 rows): "
     + LIMIT.format("1000000000.0, 100000000.01")),
    ("fractions of a cent", invoices(amount=[100.0, 12.345, 300.0, 400.0]),
     f"invoices['amount']: row 17 (1 of 4 rows): fractions of a cent: 12.345; {SUB_CENT}"),
    ("number as date", invoices(due=[45000, 45001, 45002, 45003]),
     "invoices['due']: rows 3, 17, 42, 50 (4 of 4 rows): not a date: 45000, 45001, 45002, "
     f"45003; {DATES}"),
    ("string as date", invoices(due=["2023-06-15", "15/06/2023", "2023-02-30", "2023-06-15"]),
     "invoices['due']: rows 17, 42 (2 of 4 rows): not a date: '15/06/2023', '2023-02-30'; "
     f"{DATES}"),
    ("timedelta as date", invoices(paid=pd.to_timedelta(DAYS, unit="D")),
     "invoices['paid']: rows 3, 17, 42, 50 (4 of 4 rows): not a date: "
     "Timedelta('1 days 00:00:00'), Timedelta('2 days 00:00:00'), Timedelta('3 days 00:00:00'), "
     f"Timedelta('4 days 00:00:00'); {DATES}"),
    ("mixed objects as dates", invoices(due=objects(dt.date(2023, 6, 15), 5, True, "x")),
     f"invoices['due']: rows 17, 42 (2 of 4 rows): not a date: 5, True; {DATES}"),
    ("None as date", invoices(due=["2023-06-15", None, "2023-06-15", "2023-06-15"]),
     f"invoices['due']: row 17 (1 of 4 rows): {MISSING}: nan; every invoice needs its due date"),
    ("NaT as date",
     invoices(paid=pd.to_datetime(["2023-07-30", None, "2023-07-30", "2023-07-30"])),
     f"invoices['paid']: row 17 (1 of 4 rows): {MISSING}: NaT; every invoice needs its "
     "payment date"),
    ("missing column", invoices().drop(columns=["paid"]),
     "invoices: missing column(s) 'paid'; required: 'amount' or 'amount_cents', 'due', "
     "'paid'; optional: 'invoice_date'; given: 'amount', 'due'"),
    ("no amount column", invoices().drop(columns=["amount"]),
     "invoices: missing column(s) 'amount' or 'amount_cents'; required: 'amount' or "
     "'amount_cents', 'due', 'paid'; optional: 'invoice_date'; given: 'due', 'paid'"),
    ("amount and amount_cents", invoices(amount_cents=[1, 2, 3, 4]),
     "invoices: both 'amount' and 'amount_cents' given; give one of them (required: 'amount' "
     "or 'amount_cents', 'due', 'paid'; optional: 'invoice_date'; given: 'amount', 'due', "
     "'paid', 'amount_cents')"),
    ("a column twice", pd.concat([invoices(), invoices()[["due"]]], axis=1),
     "invoices: column(s) 'due' given more than once; required: 'amount' or 'amount_cents', "
     "'due', 'paid'; optional: 'invoice_date'; given: 'amount', 'due', 'paid', 'due'"),
    ("fractions of a cent in cents",
     invoices().drop(columns="amount").assign(amount_cents=[1.0, 2.5, 3.0, 4.0]),
     "invoices['amount_cents']: row 17 (1 of 4 rows): fractions of a cent: 2.5; give whole "
     "cents as integers, e.g. 123456"),
    ("too many cents",
     invoices().drop(columns="amount").assign(amount_cents=[1, 10**10 + 1, 3, 4]),
     "invoices['amount_cents']: row 17 (1 of 4 rows): above 10,000,000,000 cents "
     "(100,000,000.00 EUR), the limit of exact int64 amounts: 10000000001; the exact "
     "arithmetic computes cents x basis points x days in 64-bit integers (at most "
     "9,223,372,036,854,775,807), and 10,000,000,000 cents x 10,000 bp (100 % a year) x "
     "92,233 days (252 years) still fits"),
    ("not a DataFrame", [1, 2],
     "invoices: expected a pandas DataFrame (required: 'amount' or 'amount_cents', 'due', "
     "'paid'; optional: 'invoice_date'), got list"),
]


@pytest.mark.parametrize(("frame", "message"), [c[1:] for c in LATE_PAYMENT_FRAME],
                         ids=[c[0] for c in LATE_PAYMENT_FRAME])
def test_late_payment_frame_refuses(frame, message):
    assert _message(lambda: late_payment_frame("statutory", frame)) == message


def test_only_the_first_five_rows_are_named():
    frame = pd.DataFrame({"amount": [True] * 8, "due": ["2023-06-15"] * 8,
                          "paid": ["2023-07-30"] * 8})
    assert _message(lambda: late_payment_frame("statutory", frame)) == (
        "invoices['amount']: rows 0, 1, 2, 3, 4, ... (8 of 8 rows): not a number of euros: "
        f"True, True, True, True, True, ...; {OR_CENTS}")


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"amount": pd.Series([], dtype=float), "due": pd.Series([], dtype="M8[s]"),
                  "paid": pd.Series([], dtype="M8[s]")}),
    pd.DataFrame(columns=["amount", "due", "paid"]),  # object columns
    pd.DataFrame({"amount": pd.Series([], dtype=bool), "due": pd.Series([], dtype=int),
                  "paid": pd.Series([], dtype="m8[ns]")}),  # no row is bad
], ids=["typed", "object", "wrong types"])
def test_an_empty_frame_gives_an_empty_result(frame):
    out = late_payment_frame("statutory", frame)
    assert len(out) == 0 and "total_cents" in out.columns


def test_an_empty_frame_still_needs_its_columns():
    with pytest.raises(InputError, match=r"missing column\(s\) 'paid'"):
        late_payment_frame("statutory", pd.DataFrame(columns=["amount", "due"]))


def test_every_valid_form_of_a_column_gives_the_same_figures():
    expected = late_payment_frame("statutory", invoices())
    due, paid = dt.date(2023, 6, 15), dt.date(2023, 7, 30)
    forms = [
        invoices(amount=[100, 200, 300, 400]),  # int euros
        invoices(amount=["100", "200.00", " 300.0 ", "4e2"]),  # numeric strings
        invoices(amount=objects(100, 200.0, Decimal("300.00"), np.float32(400))),
        invoices(amount=pd.array([100, 200, 300, 400], dtype="Int64")),
        invoices(amount=pd.Series(["100", "200", "300", "400"], dtype="category",
                                  index=[3, 17, 42, 50])),
        invoices().drop(columns="amount").assign(amount_cents=[10_000, 20_000, 30_000, 40_000]),
        invoices(due=[due] * 4, paid=objects(paid, pd.Timestamp(paid), "2023-07-30",
                                             dt.datetime(2023, 7, 30, 23, 59))),
        invoices(due=pd.to_datetime(["2023-06-15"] * 4).tz_localize("Europe/Paris")),
    ]
    for frame in forms:
        pd.testing.assert_frame_equal(late_payment_frame("statutory", frame), expected)


def test_float32_amounts_are_read_as_typed():
    # 12.34 in float32 is 12.340000152587890625: whole cents at float32 precision
    frame = invoices(amount=np.array([12.34, 0.1, 99_999.99, 0.07], dtype=np.float32))
    assert late_payment_frame("statutory", frame)["amount_cents"].tolist() == [
        1234, 10, 9_999_999, 7]


def test_the_int64_guard_names_the_limit():
    # unreachable with amounts <= 100,000,000.00 EUR and the rates on file; kept for any rate
    assert _message(lambda: _half_up(np.array([10**10]), np.array([10**9]), 3_650_000)) == (
        "invoices: cents x basis points x days reaches 10,000,000,000,000,000,000, beyond "
        "9,223,372,036,854,775,807, the limit of the exact int64 arithmetic; compute those "
        "invoices with late_payment (exact Python integers)")


# --------------------------------------------------------------------------- liability_cap


def payments(**changes) -> pd.DataFrame:
    frame = pd.DataFrame({"date": ["2024-01-10", "2024-02-10", "2024-03-10"],
                          "amount": [100.0, 200.0, 300.0]}, index=["jan", "feb", "mar"])
    for column, values in changes.items():
        frame[column] = values
    return frame


def months(*values) -> pd.Series:
    return pd.Series(list(values), index=["jan", "feb", "mar"], dtype=object)


LIABILITY = [
    ("bool", payments(amount=[True, False, True]),
     "payments['amount']: rows 'jan', 'feb', 'mar' (3 of 3 rows): not a number of euros: "
     f"True, False, True; {EUROS}"),
    ("timedelta", payments(amount=pd.to_timedelta([1, 2, 3], unit="D")),
     "payments['amount']: rows 'jan', 'feb', 'mar' (3 of 3 rows): not a number of euros: "
     "Timedelta('1 days 00:00:00'), Timedelta('2 days 00:00:00'), "
     f"Timedelta('3 days 00:00:00'); {EUROS}"),
    ("complex", payments(amount=np.array([1 + 2j, 2, 3])),
     "payments['amount']: rows 'jan', 'feb', 'mar' (3 of 3 rows): not a number of euros: "
     f"(1+2j), (2+0j), (3+0j); {EUROS}"),
    ("mixed objects", payments(amount=months(100.0, "abc", 1 + 2j)),
     "payments['amount']: rows 'feb', 'mar' (2 of 3 rows): not a number of euros: 'abc', "
     f"(1+2j); {EUROS}"),
    ("unparseable string", payments(amount=["100", "1 000", "300"]),
     f"payments['amount']: row 'feb' (1 of 3 rows): not a number of euros: '1 000'; {EUROS}"),
    ("NaN", payments(amount=[100.0, np.nan, 300.0]),
     f"payments['amount']: row 'feb' (1 of 3 rows): {MISSING}: nan; {EVERY}"),
    ("None", payments(amount=months(100.0, None, 300.0)),
     f"payments['amount']: row 'feb' (1 of 3 rows): {MISSING}: None; {EVERY}"),
    ("NaT", payments(amount=months(100.0, pd.NaT, 300.0)),
     f"payments['amount']: row 'feb' (1 of 3 rows): {MISSING}: NaT; {EVERY}"),
    ("negative", payments(amount=[100.0, -5.0, 300.0]),
     f"payments['amount']: row 'feb' (1 of 3 rows): negative: -5.0; {NEGATIVE}"),
    ("too large", payments(amount=[1e9, 2.0, 3.0]),
     "payments['amount']: row 'jan' (1 of 3 rows): " + LIMIT.format("1000000000.0")),
    ("fractions of a cent", payments(amount=[100.0, 1.005, 3.0]),
     f"payments['amount']: row 'feb' (1 of 3 rows): fractions of a cent: 1.005; {SUB_CENT}"),
    ("number as date", payments(date=[20240110, 20240210, 20240310]),
     "payments['date']: rows 'jan', 'feb', 'mar' (3 of 3 rows): not a date: 20240110, "
     f"20240210, 20240310; {DATES}"),
    ("string as date", payments(date=["2024-01-10", "10/02/2024", "2024-03-10"]),
     f"payments['date']: row 'feb' (1 of 3 rows): not a date: '10/02/2024'; {DATES}"),
    ("NaT as date", payments(date=pd.to_datetime(["2024-01-10", None, "2024-03-10"])),
     f"payments['date']: row 'feb' (1 of 3 rows): {MISSING}: NaT; every payment needs a date "
     "and an amount"),
    ("timedelta as invoice date", payments(invoiced=pd.to_timedelta([1, 2, 3], unit="D")),
     "payments['invoiced']: rows 'jan', 'feb', 'mar' (3 of 3 rows): not a date: "
     "Timedelta('1 days 00:00:00'), Timedelta('2 days 00:00:00'), "
     f"Timedelta('3 days 00:00:00'); {DATES}"),
    ("VAT not a number", payments(vat=[20.0, "x", 60.0]),
     f"payments['vat']: row 'feb' (1 of 3 rows): not a number of euros: 'x'; {EUROS}"),
    ("missing column", payments().drop(columns="amount"),
     "payments: missing column(s) 'amount'; required: 'date', 'amount'; optional: 'order', "
     "'invoiced', 'vat'; given: 'date'"),
    ("unknown column", payments(note=["x", "y", "z"]),
     "payments: unknown column(s) 'note'; required: 'date', 'amount'; optional: 'order', "
     "'invoiced', 'vat'; given: 'date', 'amount', 'note'"),
]


@pytest.mark.parametrize(("frame", "message"), [c[1:] for c in LIABILITY],
                         ids=[c[0] for c in LIABILITY])
def test_liability_cap_refuses(frame, message):
    assert _message(lambda: liability_cap("janquor", frame, "2024-06-15")) == message


def test_liability_optional_columns_may_have_gaps_and_an_empty_frame_has_no_payment():
    gaps = payments(vat=[20.0, np.nan, 60.0], invoiced=["2024-01-01", None, "2024-03-01"],
                    order=[1, None, 1])
    # 100 + 200 + 300 = 600.00 excl. VAT, x 1.20 (JANQUOR art. 4; the row without vat at 20 %)
    assert liability_cap("janquor", gaps, "2024-06-15").cap == Decimal("720.00")
    empty = pd.DataFrame({"date": pd.Series([], dtype="M8[s]"),
                          "amount": pd.Series([], dtype=float)})
    assert liability_cap("janquor", empty, "2024-06-15").cap == Decimal("0.00")


# --------------------------------------------------------------------------- invoice_history

MONTHS = ["2024-08", "2024-09", "2024-10"]


def history(*values, dtype=None) -> pd.Series:
    return pd.Series(list(values), index=MONTHS, dtype=dtype)


HISTORY = [
    ("bool", history(True, False, True),
     "invoice_history: rows '2024-08', '2024-09', '2024-10' (3 of 3 rows): not a number of "
     f"euros: True, False, True; {EUROS}"),
    ("complex", history(1 + 2j, 2, 3),
     "invoice_history: rows '2024-08', '2024-09', '2024-10' (3 of 3 rows): not a number of "
     f"euros: (1+2j), (2+0j), (3+0j); {EUROS}"),
    ("mixed objects", history(1000.0, "abc", 1 + 2j, dtype=object),
     "invoice_history: rows '2024-09', '2024-10' (2 of 3 rows): not a number of euros: 'abc', "
     f"(1+2j); {EUROS}"),
    ("NaN", history(1000.0, np.nan, 1300.0),
     f"invoice_history: row '2024-09' (1 of 3 rows): {MISSING}: nan; {EVERY}"),
    ("negative", history(1000.0, -1.0, 1300.0),
     f"invoice_history: row '2024-09' (1 of 3 rows): negative: -1.0; {NEGATIVE}"),
    ("too large", history(1000.0, 1e9, 1300.0),
     "invoice_history: row '2024-09' (1 of 3 rows): " + LIMIT.format("1000000000.0")),
    ("fractions of a cent", history(1000.0, 1.005, 1300.0),
     f"invoice_history: row '2024-09' (1 of 3 rows): fractions of a cent: 1.005; {SUB_CENT}"),
    ("a DataFrame", pd.DataFrame({"amount": [1.0]}, index=["2024-10"]),
     "invoice_history: expected a mapping or a pandas Series of month -> amount in euros, e.g. "
     "{'2024-10': 1250.00}, got DataFrame"),
]


@pytest.mark.parametrize(("series", "message"), [c[1:] for c in HISTORY],
                         ids=[c[0] for c in HISTORY])
def test_exit_plan_invoice_history_refuses(series, message):
    assert _message(lambda: exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                                      invoice_history=series)) == message


def test_invoice_history_series_and_mapping_agree_and_empty_is_empty():
    series = history(1000.0, 1200.5, 1300)
    mapping = dict(zip(MONTHS, [1000.0, 1200.5, 1300], strict=True))
    start, request = dt.date(2021, 3, 15), dt.date(2024, 11, 20)
    assert invoice_history_cents(series, start, request) == invoice_history_cents(
        mapping, start, request) == {dt.date(2024, 8, 1): 100_000, dt.date(2024, 9, 1): 120_050,
                                     dt.date(2024, 10, 1): 130_000}
    assert invoice_history_cents(pd.Series([], dtype=float), start, request) == {}
    # a mapping's value is refused with the same words, named by its month
    assert _message(lambda: invoice_history_cents({"2024-09": True}, start, request)) == (
        f"invoice_history[2024-09]: True is not a number of euros; {EUROS}")


def test_views_taking_an_invoice_history_refuse_the_same():
    bad = pd.Series([1000.0, np.nan], index=["2024-06", "2024-07"])
    assert _message(lambda: exit_cost_points("teogest", "2024-06-01", monthly_amount=900,
                                             invoice_history=bad, months=2)) == (
        f"invoice_history: row '2024-07' (1 of 2 rows): {MISSING}: nan; {EVERY}")
    plans = exit_plans(["teogest"], "2021-03-15", "2024-11-20", monthly_amount=900,
                       invoice_history=pd.Series([True], index=["2024-10"]))
    assert plans["billing"].tolist() == [
        "no plan: invoice_history: row '2024-10' (1 of 1 row): not a number of euros: True; "
        f"{EUROS}"]


def test_breach_periods_needs_the_penalty_rates_columns():
    rates = penalty_rates(["gout"], start="2024-01-01", end="2024-12-31")
    assert _message(lambda: breach_periods(rates.drop(columns=["floor_bp", "how"]))) == (
        "rates: missing column(s) 'floor_bp'; required: 'vendor', 'name', 'semester', 'start', "
        "'end', 'rate_bp', 'floor_bp', 'below_floor'; given: 'semester', 'start', 'end', "
        "'vendor', 'name', 'rate_bp', 'rate', 'floor', 'default_bp', 'default', 'below_floor', "
        "'terms'")


# --------------------------------------------------------------------------- scalar entry points

SCALAR = [
    (True, f"True is not a number of euros; {EUROS}"),
    (np.True_, f"True is not a number of euros; {EUROS}"),
    (1 + 2j, f"(1+2j) is not a number of euros; {EUROS}"),
    # a typed string is read as French or English text (cgvlib.amount_text): its own advice
    ("abc", "'abc' is not a number of euros; write an amount such as 10 000,50 or 10000.50"),
    (dt.timedelta(days=1), f"datetime.timedelta(days=1) is not a number of euros; {EUROS}"),
    (float("inf"), f"inf is not a number of euros; {EUROS}"),
    (float("nan"), f"nan is {MISSING}; {EVERY}"),
    (None, f"None is {MISSING}; {EVERY}"),
    (pd.NaT, f"NaT is {MISSING}; {EVERY}"),
    (-1, f"-1 is negative; {NEGATIVE}"),
    (1e9, "1000000000.0 is " + LIMIT.replace(": {}", "")),
    (12.345, f"12.345 has fractions of a cent; {SUB_CENT}"),
]
SCALAR_IDS = ["bool", "numpy bool", "complex", "string", "timedelta", "inf", "NaN", "None",
              "NaT", "negative", "too large", "fractions of a cent"]


@pytest.mark.parametrize(("value", "words"), SCALAR, ids=SCALAR_IDS)
def test_late_payment_refuses_the_same_amounts(value, words):
    assert _message(lambda: late_payment("statutory", value, "2023-06-15", "2023-07-30")) == (
        f"amount: {words}")
    assert _message(lambda: amount_cents(value, "x")) == f"x: {words}"


OTHER_SCALARS = {
    "invoice_amount": lambda a: sla_credit("teogest", 0.3, a),
    "monthly_amount": lambda a: exit_plan("gout", "2024-01-01", "2024-06-01",
                                          commitment_months=12, monthly_amount=a),
    "price": lambda a: revise_price("leappy", a, "2023-01-01", "2024-03-01"),
    "fees_excl_vat": lambda a: management_fee("janquor", a),
    "amount": lambda a: cancellation_fee("teogest", a, "2024-06-20", "2024-06-01"),
}


@pytest.mark.parametrize("name", list(OTHER_SCALARS))
@pytest.mark.parametrize(("value", "words"), [SCALAR[i] for i in (0, 2, 5, 6, 10)],
                         ids=["bool", "complex", "inf", "NaN", "too large"])
def test_other_scalar_functions_refuse_the_same_amounts(name, value, words):
    assert _message(lambda: OTHER_SCALARS[name](value)) == f"{name}: {words}"


# --------------------------------------------------------------------------- property


@st.composite
def typed(draw, rows: list) -> pd.DataFrame:
    """``rows`` as a DataFrame whose columns take any valid form: amounts as floats, numeric
    strings, Decimal objects or integer cents; dates as datetime64, ISO strings or dates."""
    amounts = [a for a, _, _, _ in rows]
    form = draw(st.sampled_from(["float", "str", "decimal", "cents"]))
    columns: dict = {}
    if form == "float":
        columns["amount"] = amounts
    elif form == "str":
        columns["amount"] = [f"{a:.2f}" for a in amounts]
    elif form == "decimal":
        columns["amount"] = pd.Series([Decimal(f"{a:.2f}") for a in amounts], dtype=object)
    else:
        columns["amount_cents"] = [round(a * 100) for a in amounts]
    for i, name in enumerate(("due", "paid", "invoice_date"), start=1):
        days = [r[i] for r in rows]
        kind = draw(st.sampled_from(["datetime64", "str", "date"]))
        columns[name] = (pd.to_datetime(days) if kind == "datetime64"
                         else [d.isoformat() for d in days] if kind == "str"
                         else pd.Series(days, dtype=object))
    return pd.DataFrame(columns)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), vendor=st.sampled_from(VENDORS))
def test_any_valid_frame_equals_the_scalar(data, vendor):
    # the invoices of tests/properties/test_late_payment_properties.py, in any valid form
    rows = data.draw(st.lists(invoice(vendor), min_size=1, max_size=8))
    out = late_payment_frame(vendor, data.draw(typed(rows)))
    shown = out.attrs["reading"]
    for i, (amount, due, paid, invoice_date) in enumerate(rows):
        r = late_payment(vendor, amount, due, paid, invoice_date=invoice_date)
        got = out.iloc[i]
        assert got["amount_cents"] == amount_cents(amount)
        assert got["total_cents"] == r.total_cents
        for name, other in r.readings.items():
            column = "total_cents" if name == shown else f"total_cents[{name}]"
            assert got[column] == other.total_cents
