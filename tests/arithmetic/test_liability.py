"""Liability caps: JANQUOR art. 21, ioSmart « Responsabilité », Leappy art. 9, GOUT art. 10,
Teogest art. 18.2; payment shapes and windows.

Every expected figure is worked out by hand from the text in the comment beside it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from cgvlib.arithmetic.liability import liability_cap, payments_of
from cgvlib.errors import InputError

EVENT = "2024-06-15"
# (date, amount excl. VAT, order, invoice date)
HISTORY = [
    ("2023-01-10", 1200, "A", "2023-01-02"),
    ("2024-06-15", 800, "B", "2024-06-01"),  # on the day of `at`: counted
    ("2024-06-16", 500, "B", "2024-06-01"),  # after `at`: not counted
]


# --------------------------------------------------------------------------- amounts paid


def test_janquor_all_sums_paid():
    # art. 21 « limitée au montant payé par le client pour la fourniture des services »:
    # 1,200.00 + 800.00 paid up to 2024-06-15 = 2,000.00
    r = liability_cap("janquor", HISTORY, EVENT)
    assert r.cap == Decimal("2000.00")
    assert r.payments_counted == 2
    assert r.payments_sum == Decimal("2000.00")
    assert r.window_start is None
    assert r.window_end == dt.date(2024, 6, 15)
    assert r.multiplier == 1
    assert not r.vat_included
    assert "does not say whether VAT counts" in "\n".join(r.working)
    assert r.sources[0].article == "21"


def test_leappy_half_of_the_sums_paid():
    # art. 9 « la moitié de la somme totale hors taxes effectivement payée »: 2,000.00 / 2
    r = liability_cap("leappy", HISTORY, EVENT)
    assert r.cap == Decimal("1000.00")
    assert r.basis == "half of the sums paid up to 2024-06-15"
    # one mission only: order A, 1,200.00 / 2 = 600.00
    assert liability_cap("leappy", HISTORY, EVENT, order="A").cap == Decimal("600.00")


def test_gout_half_at_the_date_of_the_claim():
    # art. 10 « la moitié de la somme totale effectivement payée [...] à la date de la
    # réclamation »: claim on 2024-06-16 counts the three payments: 2,500.00 / 2 = 1,250.00
    assert liability_cap("gout", HISTORY, "2024-06-16").cap == Decimal("1250.00")
    # service B only, claim 2024-06-16: (800 + 500) / 2 = 650.00
    assert liability_cap("gout", HISTORY, "2024-06-16", order="B").cap == Decimal("650.00")


@pytest.mark.parametrize(
    ("vendor", "amount", "cap"),
    [
        ("leappy", "0.01", "0.01"),  # half a cent -> half-up 0.01
        ("leappy", "0.03", "0.02"),  # 1.5 cents -> 0.02
        ("gout", 10_000_000, "5000000.00"),
        ("janquor", 10_000_000, "10000000.00"),
        ("janquor", "0.01", "0.01"),
    ],
)
def test_small_and_large_amounts(vendor, amount, cap):
    assert liability_cap(vendor, [("2024-01-10", amount)], EVENT).cap == Decimal(cap)


def test_no_payment_no_cap():
    r = liability_cap("janquor", [], EVENT)
    assert r.cap == 0
    assert r.payments_counted == 0


# --------------------------------------------------------------------------- ioSmart


def test_iosmart_per_order():
    # « montant total hors taxes effectivement payé [...] au titre de la commande concernée »:
    # order B paid up to 2024-06-15: 800.00 (the 500.00 of 2024-06-16 is later)
    r = liability_cap("iosmart", HISTORY, EVENT, order="B")
    assert r.cap == Decimal("800.00")
    assert r.basis_kind == "order_amount_paid"
    assert not r.ambiguous


TRAILING = [
    # (paid, amount, order, invoiced)
    ("2023-06-15", 1000, "A", "2023-06-01"),  # exactly 12 months before the event: out
    ("2023-06-16", 2000, "A", "2023-06-16"),  # first day of the window: in
    ("2023-07-01", 4000, "A", "2023-06-10"),  # invoiced 2023-06-10, before the window: out
    ("2024-06-15", 500, "B", "2024-06-15"),  # the event day: in
    ("2024-06-16", 8000, "B", "2024-06-15"),  # collected after the event: out
]


def test_iosmart_trailing_12_months_both_readings():
    # « sommes facturées et encaissées au cours des douze (12) derniers mois »: the window is
    # 2023-06-16 .. 2024-06-15; invoiced and collected in it: 2,000.00 + 500.00 = 2,500.00.
    # vat_included (default): 2,500.00 x 1.20 = 3,000.00; excl_vat: 2,500.00.
    r = liability_cap("iosmart", TRAILING, EVENT, vat_percent=20)
    assert r.cap == Decimal("3000.00")
    assert r.reading == "vat_included"
    assert r.vat_included
    assert r.readings["excl_vat"].cap == Decimal("2500.00")
    assert r.payments_counted == 2
    assert r.window_start == dt.date(2023, 6, 16)
    assert r.window_end == dt.date(2024, 6, 15)
    assert liability_cap("iosmart", TRAILING, EVENT, vat_percent=20,
                         reading="excl_vat").cap == Decimal("2500.00")


def test_iosmart_trailing_with_vat_per_payment():
    # VAT given per payment (a 5th value): 2,000.00 + 400.00 and 500.00 + 100.00 = 3,000.00
    rows = [("2023-06-16", 2000, "A", "2023-06-16", 400), ("2024-06-15", 500, "B", "2024-06-15",
                                                           100)]
    assert liability_cap("iosmart", rows, EVENT).cap == Decimal("3000.00")


def test_iosmart_trailing_at_month_end():
    # Event 2024-02-29: 12 months before is 2023-02-28 (clamped), so the window starts on
    # 2023-03-01; a payment on 2023-02-28 is out, one on 2023-03-01 is in (1,000.00 excl. VAT).
    rows = [("2023-02-28", 700, "A", "2023-02-28"), ("2023-03-01", 1000, "A", "2023-03-01")]
    r = liability_cap("iosmart", rows, "2024-02-29", vat_percent=20, reading="excl_vat")
    assert r.cap == Decimal("1000.00")
    assert r.window_start == dt.date(2023, 3, 1)


def test_iosmart_trailing_needs_vat_and_invoice_dates():
    with pytest.raises(InputError, match="vat_percent: ioSmart's cap counts the sums with VAT"):
        liability_cap("iosmart", TRAILING, EVENT)
    with pytest.raises(InputError, match="invoiced: the payment of 2024-01-10 has no invoice"):
        liability_cap("iosmart", [("2024-01-10", 100)], EVENT, vat_percent=20)


# --------------------------------------------------------------------------- Teogest

# monthly payments of 600.00 on the 15th, 2023-11-15 .. 2024-07-15
MONTHLY = [(f"{y}-{m:02d}-15", 600) for y, m in
           [(2023, 11), (2023, 12), (2024, 1), (2024, 2), (2024, 3), (2024, 4), (2024, 5),
            (2024, 6), (2024, 7)]]


def test_teogest_daily_average_all_users():
    # 18.2: the 6 months ending 2024-06-15 start on 2023-12-16 (2023-12-15 is out): payments
    # of 2024-01-15 .. 2024-06-15 = 6 x 600.00 = 3,600.00 over 183 days (16 + 31 + 29 + 31 +
    # 30 + 31 + 15). Default reading: 3,600.00 x 3 days / 183 = 59.016... -> 59.02
    r = liability_cap("teogest", MONTHLY, EVENT, users=20, interruption_days=3)
    assert r.cap == Decimal("59.02")
    assert r.reading == "daily_average_all_users"
    assert r.payments_sum == Decimal("3600.00")
    assert r.payments_counted == 6
    assert r.window_start == dt.date(2023, 12, 16)


def test_teogest_per_affected_user_per_day():
    # Other reading: 3,600.00 / 6 = 600.00 a month, / 20 users / 30 days (June 2024)
    # x 5 users affected x 3 days = 600 x 15 / 600 = 15.00
    r = liability_cap("teogest", MONTHLY, EVENT, users=20, affected_users=5,
                      interruption_days=3, reading="per_affected_user_per_day")
    assert r.cap == Decimal("15.00")
    # all 20 users affected: 600.00 x 20 x 3 / (20 x 30) = 60.00
    r = liability_cap("teogest", MONTHLY, EVENT, users=20, interruption_days=3)
    assert r.readings["per_affected_user_per_day"].cap == Decimal("60.00")


def test_teogest_zero_days_and_leap_february():
    assert liability_cap("teogest", MONTHLY, EVENT, users=20, interruption_days=0).cap == 0
    # Event 2024-02-29: window 2023-08-30 .. 2024-02-29 (months_before = 2023-08-29), 184
    # days; payments 2023-11-15 .. 2024-02-15 = 4 x 600.00 = 2,400.00.
    # daily: 2,400.00 x 1 / 184 = 13.043... -> 13.04
    # per user: 2,400 / 6 = 400 / 10 users / 29 days x 10 x 1 = 13.793... -> 13.79
    r = liability_cap("teogest", MONTHLY, "2024-02-29", users=10, interruption_days=1)
    assert r.cap == Decimal("13.04")
    assert r.readings["per_affected_user_per_day"].cap == Decimal("13.79")


def test_teogest_needs_users_and_days():
    with pytest.raises(InputError, match="users, interruption_days: Teogest's cap"):
        liability_cap("teogest", MONTHLY, EVENT)
    with pytest.raises(InputError, match="interruption_days: Teogest's cap"):
        liability_cap("teogest", MONTHLY, EVENT, users=3)
    with pytest.raises(InputError, match="affected_users: 4 is more than users"):
        liability_cap("teogest", MONTHLY, EVENT, users=3, affected_users=4, interruption_days=1)
    with pytest.raises(InputError, match="users: 0 is below 1"):
        liability_cap("teogest", MONTHLY, EVENT, users=0, interruption_days=1)
    with pytest.raises(InputError, match="interruption_days: expected a whole number"):
        liability_cap("teogest", MONTHLY, EVENT, users=3, interruption_days=1.5)


def test_per_user_arguments_elsewhere_are_refused():
    with pytest.raises(InputError, match="users: only used by a per-user"):
        liability_cap("janquor", HISTORY, EVENT, users=3)


# --------------------------------------------------------------------------- payment shapes


def test_shapes_agree():
    frame = pd.DataFrame(HISTORY, columns=["date", "amount", "order", "invoiced"])
    dicts = [dict(zip(["date", "amount", "order", "invoiced"], row, strict=True))
             for row in HISTORY]
    pairs = [(d, a) for d, a, _, _ in HISTORY]
    caps = {liability_cap("leappy", shape, EVENT).cap for shape in (HISTORY, frame, dicts, pairs)}
    assert caps == {Decimal("1000.00")}


def test_dataframe_with_gaps_and_timestamps():
    # An int order column with a gap becomes float: order 1.0 still matches order=1.
    frame = pd.DataFrame({"date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-03-10"]),
                          "amount": [100.0, 200.5, 300.0], "order": [1, None, 1]})
    r = liability_cap("janquor", frame, EVENT, order=1)
    assert r.cap == Decimal("400.00")
    assert payments_of(frame)[1].order is None


@pytest.mark.parametrize(
    ("payments", "message"),
    [
        ("2024-01-10", "payments: expected a pandas DataFrame"),
        ({"date": "2024-01-10"}, "payments: expected a pandas DataFrame"),
        (pd.DataFrame({"date": ["2024-01-10"], "amout": [1]}), "missing \\['amount'\\]"),
        ([("2024-01-10",)], r"payments\[0\]: expected \(date, amount"),
        ([("2024-01-10", 1, "A", None, None, 5)], r"payments\[0\]: expected"),
        ([42], r"payments\[0\]: expected a tuple"),
        ([("2024-01-10", -5)], r"payments\[0\]\.amount: -5 is negative"),
        ([("2024-01-10", "1.005")], "fractions of a cent"),
        ([("10/01/2024", 1)], r"payments\[0\]\.date: '10/01/2024' is not a date"),
        ([("2024-01-10", None)], r"payments\[0\]\.amount: missing"),
        ([{"date": "2024-01-10", "amount": 1, "note": "x"}], "unknown key"),
        (pd.DataFrame({"date": [pd.NaT], "amount": [1]}), r"payments\[0\]\.date: missing"),
    ],
)
def test_bad_payments(payments, message):
    with pytest.raises(InputError, match=message):
        liability_cap("janquor", payments, EVENT)


def test_order_needs_orders():
    with pytest.raises(InputError, match="order: the payments carry no order"):
        liability_cap("janquor", [("2024-01-10", 100)], EVENT, order="A")


def test_vendors_without_a_cap():
    with pytest.raises(InputError, match="say nothing on a liability cap"):
        liability_cap("statutory", HISTORY, EVENT)


def test_bad_date():
    with pytest.raises(InputError, match="at: 'June' is not a date"):
        liability_cap("janquor", HISTORY, "June")
