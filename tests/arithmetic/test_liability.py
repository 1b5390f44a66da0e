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


def test_janquor_all_sums_paid_both_vat_readings():
    # art. 21 « limitée au montant payé par le client pour la fourniture des services »:
    # 1,200.00 + 800.00 excl. VAT paid up to 2024-06-15 = 2,000.00 excl. VAT.
    # vat_included (default): art. 4 « taux de TVA en vigueur (actuellement 20 %) »,
    # 2,000.00 x 1.20 = 2,400.00; excl_vat: 2,000.00
    r = liability_cap("janquor", HISTORY, EVENT)
    assert r.cap == Decimal("2400.00")
    assert r.reading == r.default_reading == "vat_included"
    assert r.vat_included and r.vat_percent == Decimal("20.00")
    assert r.readings["excl_vat"].cap == Decimal("2000.00")
    assert not r.readings["excl_vat"].vat_included
    assert r.payments_counted == 2
    assert r.payments_sum == Decimal("2400.00")
    assert r.window_start is None
    assert r.window_end == dt.date(2024, 6, 15)
    assert r.multiplier == 1
    assert [s.article for s in r.sources] == ["21", "4"]  # the cap, and the VAT rate used
    assert r.readings["excl_vat"].sources[0].article == "21"
    assert liability_cap("janquor", HISTORY, EVENT, reading="excl_vat").cap == Decimal("2000.00")


def test_vat_readings_are_explained():
    r = liability_cap("janquor", HISTORY, EVENT)
    text = r.explain()
    assert "Reading shown: vat_included (the default)." in text
    assert "Code civil art. 1190" in text
    assert "does not say whether VAT counts" in text
    assert "- excl_vat: the same sums excluding VAT" in text
    assert "liability cap 2,000.00 EUR" in text  # the other reading's figure
    assert "moved at 20 % VAT (the rate the terms state, art. 4): amount x 1.2" in text
    assert "the highest, 2,400.00 EUR, under vat_included" in text


def test_leappy_half_of_the_sums_paid():
    # art. 9 « la moitié de la somme totale hors taxes effectivement payée »: 2,000.00 / 2
    r = liability_cap("leappy", HISTORY, EVENT)
    assert r.cap == Decimal("1000.00")
    assert r.basis == "half of the sums paid up to 2024-06-15"
    # one mission only: order A, 1,200.00 / 2 = 600.00
    assert liability_cap("leappy", HISTORY, EVENT, order="A").cap == Decimal("600.00")


def test_gout_half_at_the_date_of_the_claim():
    # art. 10 « la moitié de la somme totale effectivement payée [...] à la date de la
    # réclamation »: claim on 2024-06-16 counts the three payments, 2,500.00 excl. VAT.
    # vat_included (default; 4 A « TVA [...] de 20% »): 2,500.00 x 1.20 / 2 = 1,500.00;
    # excl_vat: 2,500.00 / 2 = 1,250.00
    r = liability_cap("gout", HISTORY, "2024-06-16")
    assert r.cap == Decimal("1500.00")
    assert r.readings["excl_vat"].cap == Decimal("1250.00")
    # service B only: (800 + 500) x 1.20 / 2 = 780.00; excl. VAT (800 + 500) / 2 = 650.00
    r = liability_cap("gout", HISTORY, "2024-06-16", order="B")
    assert (r.cap, r.readings["excl_vat"].cap) == (Decimal("780.00"), Decimal("650.00"))


def test_amounts_given_including_vat():
    # The client's bank statement: 1,000.00 and 250.01 paid VAT included (GOUT, claim
    # 2024-06-30). vat_included: 1,250.01 / 2 = 625.005 -> 625.01 (half-up);
    # excl_vat: 1,250.01 / 1.20 = 1,041.675, / 2 = 520.8375 -> 520.84
    rows = [("2024-01-10", 1000), ("2024-03-10", "250.01")]
    r = liability_cap("gout", rows, "2024-06-30", amounts="incl_vat")
    assert r.cap == Decimal("625.01")
    assert r.readings["excl_vat"].cap == Decimal("520.84")
    assert "the amounts are given including VAT, moved at 20 % VAT" in "\n".join(
        r.readings["excl_vat"].working)
    assert r.vat_percent is None  # nothing moved across VAT under the default reading


def test_one_rounding_at_the_end():
    # 0.03 paid VAT included to GOUT, excl_vat: 3 cents / 1.20 = 2.5 cents, / 2 = 1.25 cents
    # -> 0.01. Rounding the sum first (2.5 -> 3 cents) would give 1.5 -> 0.02.
    r = liability_cap("gout", [("2024-01-10", "0.03")], EVENT, amounts="incl_vat",
                      reading="excl_vat")
    assert r.cap == Decimal("0.01")
    assert r.payments_sum == Decimal("0.03")  # 2.5 cents shown rounded half-up
    assert "shown rounded; the cap uses the exact sum" in "\n".join(r.working)


def test_vat_given_per_payment():
    # JANQUOR, amounts incl. VAT with each payment's VAT (5th value): 1,200.00 of which
    # 200.00 VAT, 600.00 of which 100.00 VAT. vat_included: 1,800.00; excl_vat: 1,000.00 +
    # 500.00 = 1,500.00 (the stated VAT, not the 20 % rate: the same here by construction)
    rows = [("2024-01-10", 1200, None, None, 200), ("2024-02-10", 600, None, None, 100)]
    r = liability_cap("janquor", rows, EVENT, amounts="incl_vat")
    assert (r.cap, r.readings["excl_vat"].cap) == (Decimal("1800.00"), Decimal("1500.00"))
    # a payment that bore 5.5 % VAT: 1,055.00 incl. of which 55.00 VAT -> 1,000.00 excl.
    r = liability_cap("janquor", [("2024-01-10", 1055, None, None, 55)], EVENT,
                      amounts="incl_vat", reading="excl_vat")
    assert r.cap == Decimal("1000.00")
    with pytest.raises(InputError, match=r"vat: the payment of 2024-01-10 carries VAT 300\.00"):
        liability_cap("janquor", [("2024-01-10", 200, None, None, 300)], EVENT,
                      amounts="incl_vat", reading="excl_vat")


def test_leappy_excl_vat_from_amounts_incl_vat():
    # art. 9 « la moitié de la somme totale hors taxes »: one reading only. Amounts given VAT
    # included at 20 %: (1,200 + 800 + 500) / 1.20 = 2,083.333..., / 2 = 1,041.666... ->
    # 1,041.67 (claim 2024-06-16). Leappy states no VAT rate: without vat_percent, an error.
    r = liability_cap("leappy", HISTORY, "2024-06-16", amounts="incl_vat", vat_percent=20)
    assert r.cap == Decimal("1041.67")
    assert not r.ambiguous and not r.vat_included
    with pytest.raises(InputError, match="vat_percent: Leappy SAS's cap counts the sums excluding"
                                         " VAT, the amounts are given including VAT"):
        liability_cap("leappy", HISTORY, "2024-06-16", amounts="incl_vat")


def test_bad_amounts_argument():
    with pytest.raises(InputError, match="amounts: 'ttc' is not valid; give 'excl_vat'"):
        liability_cap("janquor", HISTORY, EVENT, amounts="ttc")
    with pytest.raises(InputError, match="vat_percent: 'twenty' is not"):
        liability_cap("janquor", HISTORY, EVENT, vat_percent="twenty")


@pytest.mark.parametrize(
    ("vendor", "amount", "reading", "cap"),
    [
        ("leappy", "0.01", None, "0.01"),  # half a cent -> half-up 0.01
        ("leappy", "0.03", None, "0.02"),  # 1.5 cents -> 0.02
        ("gout", 10_000_000, "excl_vat", "5000000.00"),  # 10,000,000 / 2
        ("gout", 10_000_000, "vat_included", "6000000.00"),  # 10,000,000 x 1.20 / 2
        ("gout", "0.01", "vat_included", "0.01"),  # 0.012 / 2 = 0.6 cent -> 0.01
        ("janquor", 10_000_000, "excl_vat", "10000000.00"),
        ("janquor", 10_000_000, "vat_included", "12000000.00"),  # x 1.20
        ("janquor", "0.01", "excl_vat", "0.01"),
        ("janquor", "0.01", "vat_included", "0.01"),  # 1.2 cents -> 0.01
        ("janquor", "0.03", "vat_included", "0.04"),  # 3.6 cents -> 0.04
    ],
)
def test_small_and_large_amounts(vendor, amount, reading, cap):
    r = liability_cap(vendor, [("2024-01-10", amount)], EVENT, reading=reading)
    assert r.cap == Decimal(cap)


def test_no_payment_no_cap():
    r = liability_cap("janquor", [], EVENT)
    assert r.cap == 0
    assert r.payments_counted == 0
    assert {x.cap for x in r.readings.values()} == {0}
    assert "the highest" not in "\n".join(r.working)  # the readings agree


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


def test_iosmart_trailing_12_months_every_reading():
    # « sommes facturées et encaissées au cours des douze (12) derniers mois précédant la
    # survenance », event 2024-06-15, vat_percent 20:
    # self=vat_included (default window to_event_day, 2023-06-16 .. 2024-06-15): invoiced and
    #   collected in it: 2,000.00 + 500.00 = 2,500.00 (1,000.00 paid on 2023-06-15 is out;
    #   4,000.00 invoiced 2023-06-10 is out), x 1.20 = 3,000.00;
    # self=excl_vat: 2,500.00;
    # period=before_event_day (2023-06-15 .. 2024-06-14, VAT included): 1,000.00 is invoiced
    #   2023-06-01, before the window: out; 2,000.00 in; 500.00 (event day) out: 2,000.00 x
    #   1.20 = 2,400.00;
    # period=calendar_months (2023-06-01 .. 2024-05-31): 1,000.00 + 2,000.00 + 4,000.00 =
    #   7,000.00 x 1.20 = 8,400.00 (June 2024 is the event's month: 500.00 out)
    r = liability_cap("iosmart", TRAILING, EVENT, vat_percent=20)
    assert r.cap == Decimal("3000.00")
    assert r.reading == r.default_reading == "self=vat_included"
    assert r.vat_included
    assert {n: x.cap for n, x in r.readings.items()} == {
        "self=vat_included": Decimal("3000.00"),
        "self=excl_vat": Decimal("2500.00"),
        "period=before_event_day": Decimal("2400.00"),
        "period=calendar_months": Decimal("8400.00"),
    }
    assert r.payments_counted == 2
    assert r.window_start == dt.date(2023, 6, 16)
    assert r.window_end == dt.date(2024, 6, 15)
    cal = r.readings["period=calendar_months"]
    assert (cal.window_start, cal.window_end) == (dt.date(2023, 6, 1), dt.date(2024, 5, 31))
    assert liability_cap("iosmart", TRAILING, EVENT, vat_percent=20,
                         reading="self=excl_vat").cap == Decimal("2500.00")
    # the working names the highest cap, here not the default's
    assert ("the readings give caps from 2,400.00 EUR to 8,400.00 EUR; the highest, "
            "8,400.00 EUR, under period=calendar_months") in r.working


# Event 2024-06-15; each sum invoiced the day it is paid, given VAT included (amounts=
# "incl_vat"), so the VAT-included readings count the amounts as given. One amount per
# boundary day, each a power of ten, so a total's digits show which days count.
BOUNDARIES = [(day, amount, "A", day) for day, amount in [
    ("2023-05-31", 1),  # before every window
    ("2023-06-01", 10),  # first day of the calendar-month window
    ("2023-06-15", 100),  # exactly 12 months before the event
    ("2023-06-16", 1_000),  # first day of the day-for-day window ending on the event day
    ("2024-05-31", 10_000),  # last day of the month before the event's
    ("2024-06-01", 100_000),  # first day of the event's month
    ("2024-06-14", 1_000_000),  # the day before the event
    ("2024-06-15", 10_000_000),  # the event day
    ("2024-06-16", 100_000_000),  # after the event: never counted
]]


def test_iosmart_window_boundary_days():
    r = liability_cap("iosmart", BOUNDARIES, EVENT, amounts="incl_vat", vat_percent=20)
    caps = {n: x.cap for n, x in r.readings.items()}
    # to_event_day, 2023-06-16 .. 2024-06-15: 1,000 + 10,000 + 100,000 + 1,000,000 +
    # 10,000,000 = 11,111,000.00 (the event day in, 12 months before it out)
    assert caps["self=vat_included"] == Decimal("11111000.00")
    # before_event_day, 2023-06-15 .. 2024-06-14: 100 + 1,000 + 10,000 + 100,000 + 1,000,000
    # = 1,111,100.00 (12 months before in, the event day out)
    assert caps["period=before_event_day"] == Decimal("1111100.00")
    # calendar_months, 2023-06-01 .. 2024-05-31: 10 + 100 + 1,000 + 10,000 = 11,110.00
    assert caps["period=calendar_months"] == Decimal("11110.00")
    # excl_vat on the default window: 11,111,000.00 / 1.20 = 9,259,166.666... -> 9,259,166.67
    assert caps["self=excl_vat"] == Decimal("9259166.67")
    before = r.readings["period=before_event_day"]
    assert (before.window_start, before.window_end) == (dt.date(2023, 6, 15),
                                                         dt.date(2024, 6, 14))
    assert "2 payment(s) after 2024-06-14 not counted" in "\n".join(before.working)


def test_iosmart_window_at_the_end_of_february():
    # Event 2024-02-29 (leap day): 12 months before is 2023-02-29, clamped to 2023-02-28.
    rows = [(day, amount, "A", day) for day, amount in [
        ("2023-01-31", 1), ("2023-02-01", 10), ("2023-02-28", 100), ("2023-03-01", 1_000),
        ("2024-01-31", 10_000), ("2024-02-01", 100_000), ("2024-02-28", 1_000_000),
        ("2024-02-29", 10_000_000)]]
    r = liability_cap("iosmart", rows, "2024-02-29", amounts="incl_vat", vat_percent=20)
    caps = {n: (x.window_start, x.window_end, x.cap) for n, x in r.readings.items()}
    # to_event_day: 2023-03-01 .. 2024-02-29: 1,000 + ... + 10,000,000 = 11,111,000.00
    assert caps["self=vat_included"] == (dt.date(2023, 3, 1), dt.date(2024, 2, 29),
                                         Decimal("11111000.00"))
    # before_event_day: 2023-02-28 .. 2024-02-28: 100 + ... + 1,000,000 = 1,111,100.00
    assert caps["period=before_event_day"] == (dt.date(2023, 2, 28), dt.date(2024, 2, 28),
                                               Decimal("1111100.00"))
    # calendar_months: 2023-02-01 .. 2024-01-31: 10 + 100 + 1,000 + 10,000 = 11,110.00
    assert caps["period=calendar_months"] == (dt.date(2023, 2, 1), dt.date(2024, 1, 31),
                                              Decimal("11110.00"))


def test_iosmart_window_after_a_leap_day():
    # Event 2025-02-28: 12 months before is 2024-02-28, so to_event_day runs 2024-02-29 ..
    # 2025-02-28 (the leap day in, 2024-02-28 out) and before_event_day 2024-02-28 ..
    # 2025-02-27; both days are in the calendar months 2024-02-01 .. 2025-01-31.
    rows = [("2024-02-28", 100, "A", "2024-02-28"), ("2024-02-29", 1_000, "A", "2024-02-29")]
    r = liability_cap("iosmart", rows, "2025-02-28", amounts="incl_vat", vat_percent=20)
    assert {n: x.cap for n, x in r.readings.items() if n != "self=excl_vat"} == {
        "self=vat_included": Decimal("1000.00"),
        "period=before_event_day": Decimal("1100.00"),
        "period=calendar_months": Decimal("1100.00"),
    }


def test_iosmart_window_readings_are_explained():
    text = " ".join(liability_cap("iosmart", TRAILING, EVENT, vat_percent=20).explain().split())
    assert "Reading shown: self=vat_included (the default)." in text
    assert "- period=calendar_months: the 12 whole calendar months before the month" in text
    assert "no window is always the one less favourable to ioSmart" in text  # why_default
    assert "« au cours des douze (12) derniers mois précédant la survenance" in text


def test_iosmart_trailing_with_vat_per_payment():
    # VAT given per payment (a 5th value): 2,000.00 + 400.00 and 500.00 + 100.00 = 3,000.00
    rows = [("2023-06-16", 2000, "A", "2023-06-16", 400), ("2024-06-15", 500, "B", "2024-06-15",
                                                           100)]
    assert liability_cap("iosmart", rows, EVENT).cap == Decimal("3000.00")


def test_iosmart_trailing_needs_vat_and_invoice_dates():
    # ioSmart states no VAT rate (« la TVA applicable au taux en vigueur »)
    with pytest.raises(InputError, match="vat_percent: ioSmart's cap counts the sums including "
                                         "VAT under the reading 'self=vat_included'"):
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
    # order 1: 100.00 + 300.00 = 400.00 excl. VAT; x 1.20 = 480.00 (vat_included, default)
    r = liability_cap("janquor", frame, EVENT, order=1)
    assert r.cap == Decimal("480.00")
    assert r.readings["excl_vat"].cap == Decimal("400.00")
    assert payments_of(frame)[1].order is None


@pytest.mark.parametrize(
    ("payments", "message"),
    [
        ("2024-01-10", "payments: expected a pandas DataFrame"),
        ({"date": "2024-01-10"}, "payments: expected a pandas DataFrame"),
        (pd.DataFrame({"date": ["2024-01-10"], "amout": [1]}),
         r"payments: missing column\(s\) 'amount'; .* given: 'date', 'amout'"),
        ([("2024-01-10",)], r"payments\[0\]: expected \(date, amount"),
        ([("2024-01-10", 1, "A", None, None, 5)], r"payments\[0\]: expected"),
        ([42], r"payments\[0\]: expected a tuple"),
        ([("2024-01-10", -5)], r"payments\[0\]\.amount: -5 is negative"),
        ([("2024-01-10", "1.005")], "fractions of a cent"),
        ([("10.01.2024", 1)], r"payments\[0\]\.date: '10.01.2024' is not a date"),
        ([("2024-01-10", None)], r"payments\[0\]\.amount: missing"),
        ([{"date": "2024-01-10", "amount": 1, "note": "x"}], "unknown key"),
        (pd.DataFrame({"date": [pd.NaT], "amount": [1]}),
         r"payments\['date'\]: row 0 \(1 of 1 row\): missing"),
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
