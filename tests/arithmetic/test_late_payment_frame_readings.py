"""late_payment_frame(..., readings=...): columns for the other readings asked for only."""

from __future__ import annotations

import pandas as pd
import pytest

from cgvlib.arithmetic.late_payment_frame import late_payment_frame
from cgvlib.errors import InputError

# GOUT art. 6: 3 x the legal rate in force at invoicing (2023-S2: 3 x 4.22 % = 12.66 %), 60
# days of delay (2024-01-15..2024-03-14: 17 + 29 + 14); 2024-S1's floor 3 x 5.07 % = 15.21 %
# is higher, so the lawful figure uses it.
GOUT = pd.DataFrame({"amount": [10_000.00], "due": ["2024-01-14"], "paid": ["2024-03-14"],
                     "invoice_date": ["2023-12-15"]})
GOUT_LAWFUL = 25_003  # 1,000,000 x 1521 x 60 = 91,260,000,000 / 3,650,000 = 25,002.74
GOUT_AS_WRITTEN = 20_811  # 1,000,000 x 1266 x 60 = 75,960,000,000 / 3,650,000 = 20,810.96
INDEMNITY = 4_000  # 40 EUR (D441-5)

# Teogest art. 14.6, delay from day 31 after issue: invoice 2023-06-01, first day of delay
# 2023-07-02, paid 2023-07-30: 29 days at 2023-S2's legal rate + 3 points = 7.22 % as written,
# held to the floor 3 x 4.22 % = 12.66 % (the default reading).
TEOGEST = pd.DataFrame({"amount": [10_000.00], "due": ["2023-06-01"], "paid": ["2023-07-30"],
                        "invoice_date": ["2023-06-01"]})
TEOGEST_DEFAULT = 10_059  # 1,000,000 x 1266 x 29 = 36,714,000,000 / 3,650,000 = 10,058.63
TEOGEST_AS_WRITTEN = 5_736  # 1,000,000 x 722 x 29 = 20,938,000,000 / 3,650,000 = 5,736.44


def _reading_columns(out: pd.DataFrame) -> list[str]:
    return [c for c in out.columns if "[" in c]


def test_no_other_reading():
    out = late_payment_frame("gout", GOUT, readings=[])
    assert _reading_columns(out) == []
    assert out["interest_cents"].tolist() == [GOUT_LAWFUL]
    assert out.attrs["readings"] == ["lawful", "as_written"]  # every reading's name still


def test_the_reading_asked_for():
    out = late_payment_frame("gout", GOUT, readings=["as_written"])
    assert _reading_columns(out) == ["interest_cents[as_written]", "total_cents[as_written]"]
    assert out["interest_cents[as_written]"].tolist() == [GOUT_AS_WRITTEN]
    assert out["total_cents[as_written]"].tolist() == [GOUT_AS_WRITTEN + INDEMNITY]


def test_one_of_twelve_readings():
    out = late_payment_frame("teogest", TEOGEST, readings="day_31_semester/as_written")
    assert _reading_columns(out) == ["interest_cents[day_31_semester/as_written]",
                                     "total_cents[day_31_semester/as_written]"]
    assert out["interest_cents"].tolist() == [TEOGEST_DEFAULT]
    assert out["interest_cents[day_31_semester/as_written]"].tolist() == [TEOGEST_AS_WRITTEN]


def test_the_shown_reading_is_not_repeated():
    out = late_payment_frame("gout", GOUT, reading="as_written", readings=["as_written"])
    assert _reading_columns(out) == []
    assert out["interest_cents"].tolist() == [GOUT_AS_WRITTEN]


def test_an_unknown_reading_is_named():
    with pytest.raises(InputError, match=r"^reading 'written' is not a reading of this clause; "
                       r"valid readings: lawful, as_written$"):
        late_payment_frame("gout", GOUT, readings=["written"])
