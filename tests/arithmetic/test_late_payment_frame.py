"""late_payment_frame: the same hand-worked figures as test_late_payment.py, for a whole table
at once, equal to the scalar function row by row; bad rows and coverage named; dask."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.late_payment_frame import late_payment_frame, months_of_delay_array
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.reference.months import months_of_delay
from cgvlib.reference.provisional import assume_last

# The hand-worked cases of test_late_payment.py (working in that file's comments):
# (vendor, amount, due, paid, invoice_date, interest cents of the default reading, lawful)
CASES = pd.DataFrame(
    [
        # 15 d at 12.50 % + 30 d at 14.00 %: 1,000,000 x 60,750 / 3,650,000 -> 16,644
        ("statutory", 10_000.00, "2023-06-15", "2023-07-30", None, 16_644),
        # 11 d at 14.00 % + 61 d at 14.50 %: 100,000 x 103,850 / 3,650,000 -> 2,845
        ("statutory", 1_000.00, "2023-12-20", "2024-03-01", None, 2_845),
        # 1 d at 14.50 % on 2024-02-29: 1,000,000,000 x 1450 / 3,650,000 -> 397,260
        ("statutory", 10_000_000.00, "2024-02-28", "2024-02-29", None, 397_260),
        # 1,460 x 1250 x 1 = 1,825,000 = half of 3,650,000: rounds up to 1
        ("statutory", 14.60, "2023-03-01", "2023-03-02", None, 1),
        # 0 days late
        ("statutory", 10_000.00, "2023-06-15", "2023-06-15", None, 0),
        # JANQUOR prorata: 1,000,000 x 1000 x 45 x 12 / 3,650,000 -> 147,945
        ("janquor", 10_000.00, "2023-06-15", "2023-07-30", None, 147_945),
        # ioSmart 2022: 10.00 % (ECB 0 + 10 > 3 x 0.76): 1,000,000 x 1000 x 60 -> 16,438
        ("iosmart", 10_000.00, "2022-03-01", "2022-04-30", None, 16_438),
        # ioSmart 2024-S1: 15.21 % (3 x 5.07 > 14.50): 1,000,000 x 1521 x 30 -> 12,501
        ("iosmart", 10_000.00, "2024-01-31", "2024-03-01", None, 12_501),
        # Teogest day 31: 29 d at 7.22 % as written, below the floor 12.66 % (2023-S2):
        # 1,000,000 x 1266 x 29 = 36,714,000,000 / 3,650,000 -> 10,059
        ("teogest", 10_000.00, "2023-06-01", "2023-07-30", "2023-06-01", 10_059),
        # Leappy: 2 x 2.06 % at invoicing, below the floor: 10 d at 6.18 % + 50 d at 12.66 %:
        # 1,000,000 x (6,180 + 63,300) / 3,650,000 -> 19,036 (as written 412 x 60 -> 6,773)
        ("leappy", 10_000.00, "2023-06-20", "2023-08-19", "2023-06-20", 19_036),
        # GOUT: 3 x 4.22 % at invoicing, below 2024-S1's floor 15.21 % for the 60 d:
        # 1,000,000 x 1521 x 60 / 3,650,000 -> 25,003 (as written 1266 x 60 -> 20,811)
        ("gout", 10_000.00, "2024-01-14", "2024-03-14", "2023-12-15", 25_003),
    ],
    columns=["vendor", "amount", "due", "paid", "invoice_date", "interest_cents"],
)


@pytest.mark.parametrize("vendor", ["statutory", "janquor", "iosmart", "teogest", "leappy", "gout"])
def test_hand_worked_figures(vendor):
    cases = CASES[CASES.vendor == vendor]
    out = late_payment_frame(vendor, cases.drop(columns=["vendor", "interest_cents"]))
    assert out.index.equals(cases.index)
    assert out["interest_cents"].tolist() == cases["interest_cents"].tolist()
    days_late = (pd.to_datetime(cases.paid) - pd.to_datetime(cases.due)).dt.days
    # indemnity: 40 EUR (4,000 c) when paid after the due date (L441-10 II, D441-5)
    assert out["indemnity_cents"].tolist() == [4_000 if d else 0 for d in days_late]
    assert (out["total_cents"] == out["interest_cents"] + out["indemnity_cents"]).all()
    assert out["total"].tolist() == (out["total_cents"] / 100).tolist()


def test_columns_and_types():
    out = late_payment_frame("statutory", CASES[CASES.vendor == "statutory"].iloc[:1])
    row = out.iloc[0]
    assert row["days_late"] == 45 and row["days_of_delay"] == 45
    assert row["first_day_of_delay"] == pd.Timestamp("2023-06-16")
    assert row["rate"] == 12.5  # first period: 2023-S1
    assert row["interest"] == 166.44 and row["total"] == 206.44
    for column in (
        "amount_cents",
        "days_late",
        "days_of_delay",
        "interest_cents",
        "indemnity_cents",
        "total_cents",
    ):
        assert out[column].dtype == np.int64
    assert out.attrs["vendor"] == "statutory" and out.attrs["readings"] == []


def test_no_delay_has_no_rate():
    out = late_payment_frame("statutory", CASES.iloc[[4]])
    assert np.isnan(out["rate"].iloc[0])


def test_other_readings_get_their_own_columns():
    # JANQUOR started: 2 months started from 2023-06-16 -> 10 % x 2 = 2,000.00 EUR + 40
    janquor = CASES[CASES.vendor == "janquor"]
    out = late_payment_frame("janquor", janquor)
    assert out.attrs["reading"] == out.attrs["default_reading"] == "prorata"
    assert out["interest_cents[started]"].iloc[0] == 200_000
    assert out["total_cents[started]"].iloc[0] == 204_000
    chosen = late_payment_frame("janquor", janquor, reading="started")
    assert chosen["total_cents"].iloc[0] == 204_000
    assert chosen["total_cents[prorata]"].iloc[0] == 151_945


def test_teogest_six_readings_in_columns():
    # the six figures of test_teogest_each_reading, lawful and as written, + 40 EUR each
    out = late_payment_frame("teogest", CASES[CASES.vendor == "teogest"])
    row = out.iloc[0]
    assert row["total_cents"] == 10_059 + 4_000
    assert bool(row["floor_applied"])
    assert row["total_cents[day_31_semester/as_written]"] == 5_736 + 4_000
    assert row["total_cents[after_due_date_semester]"] == 15_316 + 4_000
    assert row["total_cents[after_due_date_semester/as_written]"] == 9_955 + 4_000
    assert row["total_cents[after_due_date_delay_start]"] == 15_316 + 4_000
    assert row["total_cents[after_due_date_delay_start/as_written]"] == 8_179 + 4_000
    assert row["total_cents[after_due_date_invoice_date/as_written]"] == 8_179 + 4_000
    assert row["total_cents[day_31_delay_start]"] == 10_059 + 4_000
    assert row["total_cents[day_31_delay_start/as_written]"] == 5_736 + 4_000
    assert row["total_cents[day_31_invoice_date]"] == 10_059 + 4_000
    assert row["total_cents[day_31_invoice_date/as_written]"] == 4_020 + 4_000
    assert row["first_day_of_delay"] == pd.Timestamp("2023-07-02")
    assert row["rate"] == 12.66  # the floor of 2023-S2, not the clause's 7.22 %


def test_leappy_readings_same_figures():
    out = late_payment_frame("leappy", CASES[CASES.vendor == "leappy"])
    assert out.attrs["readings"] == ["without_notice", "after_formal_notice",
                                     "without_notice/as_written",
                                     "after_formal_notice/as_written"]
    assert (out["total_cents"] == out["total_cents[without_notice]"]).all()
    assert out["interest_cents[after_formal_notice/as_written]"].tolist() == [6_773]


def test_one_reading_clause_has_lawful_and_as_written():
    out = late_payment_frame("gout", CASES[CASES.vendor == "gout"])
    assert out.attrs["readings"] == ["lawful", "as_written"]
    assert out.attrs["reading"] == out.attrs["default_reading"] == "lawful"
    assert out["interest_cents[as_written]"].tolist() == [20_811]
    written = late_payment_frame("gout", CASES[CASES.vendor == "gout"], reading="as_written")
    assert written["interest_cents"].tolist() == [20_811]
    assert written["interest_cents[lawful]"].tolist() == [25_003]
    assert "floor_applied" not in written.columns


def test_dates_as_datetime64_dates_or_strings():
    base = CASES[CASES.vendor == "gout"].drop(columns=["vendor", "interest_cents"])
    as_dates = base.assign(
        **{c: [dt.date.fromisoformat(x) for x in base[c]] for c in ("due", "paid", "invoice_date")}
    )
    as_datetime = base.assign(
        **{c: pd.to_datetime(base[c]) for c in ("due", "paid", "invoice_date")}
    )
    expected = late_payment_frame("gout", base)
    pd.testing.assert_frame_equal(late_payment_frame("gout", as_dates), expected)
    pd.testing.assert_frame_equal(late_payment_frame("gout", as_datetime), expected)


def test_equal_to_the_scalar_row_by_row():
    rng = np.random.default_rng(7)
    n = 300
    due = np.datetime64("2015-01-01") + rng.integers(0, 4000, n).astype("m8[D]")
    paid = np.minimum(due + rng.integers(0, 400, n).astype("m8[D]"), np.datetime64("2026-06-11"))
    frame = pd.DataFrame(
        {
            "amount": rng.integers(0, 10**9, n) / 100,
            "due": due,
            "paid": paid,
            "invoice_date": due - rng.integers(0, 40, n).astype("m8[D]"),
        },
        index=[f"inv{i}" for i in range(n)],
    )
    for vendor in ("statutory", "janquor", "iosmart", "teogest", "leappy", "gout"):
        out = late_payment_frame(vendor, frame)
        for label, row in frame.iterrows():
            r = late_payment(vendor, row.amount, row.due, row.paid, invoice_date=row.invoice_date)
            got = out.loc[label]
            assert (got.interest_cents, got.total_cents, got.days_of_delay) == (
                r.interest_cents,
                r.total_cents,
                r.days_of_delay,
            ), (vendor, label)
            for name, other in r.readings.items():
                if name != r.reading:
                    assert got[f"total_cents[{name}]"] == other.total_cents


def test_months_of_delay_array_matches_the_helper():
    # (first day of delay, payment day): month ends, leap days, one day, a year
    pairs = [
        ("2024-01-31", "2024-02-28"),
        ("2024-01-31", "2024-02-29"),
        ("2023-01-31", "2023-02-28"),
        ("2023-02-01", "2023-03-01"),
        ("2024-01-15", "2024-01-15"),
        ("2024-01-16", "2024-02-15"),
        ("2024-01-16", "2024-02-16"),
        ("2023-12-31", "2024-12-30"),
        ("2024-01-01", "2024-12-31"),
        ("2024-03-01", "2025-02-28"),
    ]
    first = np.array([a for a, _ in pairs], dtype="datetime64[D]").view(np.int64)
    paid = np.array([b for _, b in pairs], dtype="datetime64[D]").view(np.int64)
    full, rest, length = months_of_delay_array(first, paid)
    assert list(zip(full.tolist(), rest.tolist(), length.tolist(), strict=True)) == [
        months_of_delay(a, b) for a, b in pairs]


def test_empty_frame():
    empty = pd.DataFrame(
        {
            "amount": pd.Series([], dtype=float),
            "due": pd.Series([], dtype="datetime64[s]"),
            "paid": pd.Series([], dtype="datetime64[s]"),
        }
    )
    out = late_payment_frame("statutory", empty)
    assert len(out) == 0 and "total_cents" in out.columns


# --- bad rows ----------------------------------------------------------------------------------


def _frame(**changes):
    frame = pd.DataFrame(
        {"amount": [100.0, 200.0, 300.0], "due": ["2023-06-15"] * 3, "paid": ["2023-07-30"] * 3},
        index=["a", "b", "c"],
    )
    for column, values in changes.items():
        frame[column] = values
    return frame


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        (
            {"paid": ["2023-07-30", "2023-06-14", "2023-06-01"]},
            r"invoices\['paid'\]: rows 'b', 'c' \(2 of 3 rows\): paid before the due date",
        ),
        (
            {"amount": [100.0, -1.0, 3.0]},
            r"invoices\['amount'\]: row 'b' \(1 of 3 rows\): negative",
        ),
        (
            {"amount": [100.0, 2.0, np.nan]},
            r"invoices\['amount'\]: row 'c' \(1 of 3 rows\): missing",
        ),
        (
            {"amount": [100.005, 2.0, 3.0]},
            r"invoices\['amount'\]: row 'a' \(1 of 3 rows\): fractions of a cent",
        ),
        (
            {"due": ["2023-06-15", None, "2023-06-15"]},
            r"invoices\['due'\]: row 'b' \(1 of 3 rows\): missing",
        ),
        ({"paid": ["2023-07-30", "2023-07-30", "2023-02-30"]},
         r"invoices\['paid'\]: row 'c' \(1 of 3 rows\): not a date"),
    ],
)
def test_bad_rows_are_named(changes, match):
    with pytest.raises(InputError, match=match):
        late_payment_frame("statutory", _frame(**changes))


def test_missing_columns_and_invoice_date():
    with pytest.raises(InputError, match="missing column"):
        late_payment_frame("statutory", _frame().drop(columns=["paid"]))
    with pytest.raises(InputError, match="invoice date"):
        late_payment_frame("gout", _frame())
    with pytest.raises(InputError, match=r"row 'b' \(1 of 3 rows\)"):
        late_payment_frame("gout", _frame(invoice_date=["2023-06-01", None, "2023-06-01"]))
    with pytest.raises(InputError, match="expected a pandas DataFrame"):
        late_payment_frame("statutory", [1, 2])
    with pytest.raises(InputError, match="valid readings"):
        late_payment_frame("janquor", _frame(), reading="completed")


def test_out_of_coverage_names_rows_and_the_last_covered_date():
    # 2026-S2 needs the ECB rate in force on 2026-07-01; the data ends on 2026-06-11 (its
    # semester, 2026-S1, is the last one known: covered through 2026-06-30)
    frame = _frame(
        paid=["2023-07-30", "2026-07-10", "2026-08-01"],
        due=["2023-06-15", "2026-06-25", "2026-06-25"],
    )
    with pytest.raises(
        OutOfCoverageError,
        match=r"rows 'b', 'c' \(2 of 3 rows\).*2026-06-11.*2026-06-30"
        r".*index 'b'.*2026-07-10",
    ) as info:
        late_payment_frame("statutory", frame)
    assert info.value.last_covered == dt.date(2026, 6, 30)
    # a row paid on its due date needs no rate, even out of the data
    on_time = late_payment_frame(
        "statutory", _frame(due=["2027-01-01"] * 3, paid=["2027-01-01"] * 3)
    )
    assert on_time["total_cents"].eq(0).all()


# --- dask --------------------------------------------------------------------------------------


def test_dask_frame_matches_pandas():
    dd = pytest.importorskip("dask.dataframe")
    frame = CASES[CASES.vendor == "teogest"].drop(columns=["vendor", "interest_cents"])
    frame = pd.concat([frame] * 4, ignore_index=True)
    frame["paid"] = pd.to_datetime(frame["paid"]) + pd.to_timedelta(np.arange(len(frame)), unit="D")
    frame["due"] = pd.to_datetime(frame["due"])
    frame["invoice_date"] = pd.to_datetime(frame["invoice_date"])
    lazy = late_payment_frame("teogest", dd.from_pandas(frame, npartitions=2))
    assert not isinstance(lazy, pd.DataFrame)
    pd.testing.assert_frame_equal(
        lazy.compute(), late_payment_frame("teogest", frame), check_like=False
    )


def test_past_the_data_only_inside_assume_last_and_never_after_it():
    # statutory, 10,000.00 EUR due 2026-06-25, paid 2026-07-10: 15 days late, 5 in 2026-S1 and
    # 10 in 2026-S2. 2026-S2 needs the ECB rate of 1 July 2026, past the data (2026-06-11):
    # refused, unless the last ECB rate (2.15 %, since 2025-06-11) is carried forward. Then
    # both semesters are 2.15 + 10 = 12.15 % (above the floor 3 x 2.62 = 7.86 %):
    # 1,000,000 x 1215 x 15 = 18,225,000,000 / 3,650,000 = 4,993.15 -> 4,993 cents
    frame = _frame(amount=[10_000.0] * 3, due=["2026-06-25"] * 3, paid=["2026-07-10"] * 3)
    with pytest.raises(OutOfCoverageError):
        late_payment_frame("statutory", frame)
    with assume_last("2026-12-31"):
        assert late_payment_frame("statutory", frame)["interest_cents"].tolist() == [4_993] * 3
    with pytest.raises(OutOfCoverageError):  # the carried-forward rates are not kept
        late_payment_frame("statutory", frame)


def _spread_invoices(rows: int = 400) -> pd.DataFrame:
    """Invoices due 2016-2024, paid 0-400 days late, issued 0-90 days before they fall due,
    amounts 0.01-1,000,000.00 EUR (a fixed sample: the same rows every run)."""
    rng = np.random.default_rng(20261206)
    due = pd.Timestamp("2016-01-01") + pd.to_timedelta(rng.integers(0, 3285, rows), unit="D")
    return pd.DataFrame({
        "amount_cents": rng.integers(1, 100_000_001, rows),
        "due": due,
        "paid": due + pd.to_timedelta(rng.integers(0, 401, rows), unit="D"),
        "invoice_date": due - pd.to_timedelta(rng.integers(0, 91, rows), unit="D"),
    })


@pytest.mark.parametrize("vendor", ["statutory", "janquor", "iosmart", "teogest", "leappy", "gout"])
def test_a_reading_alone_gives_the_columns_of_the_full_table(vendor):
    # asking for one reading alone (readings=[]) computes only its figures: they must be the
    # very columns the full table shows for that reading
    invoices = _spread_invoices()
    full = late_payment_frame(vendor, invoices)
    for name in full.attrs["readings"]:
        everything = late_payment_frame(vendor, invoices, reading=name)
        alone = late_payment_frame(vendor, invoices, reading=name, readings=[])
        assert not any("[" in column for column in alone.columns)
        pd.testing.assert_frame_equal(alone, everything[list(alone.columns)],
                                      check_like=False, obj=f"{vendor} {name}")
        # and the full table's own column for that reading holds the same figures
        column = "total_cents" if name == full.attrs["reading"] else f"total_cents[{name}]"
        assert full[column].tolist() == alone["total_cents"].tolist()
