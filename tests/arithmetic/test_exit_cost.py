"""What leaving costs: the month in progress (one convention for every vendor) and a period
ended midway (GOUT 7 C, JANQUOR art. 16), worked by hand from the texts.

Texts: GOUT 7 C « Tous mois commencé est dû. Les autres pourront faire l'objet d'un
remboursement par chèque sous deux (2) mois. », 5 D « Les prestations récurrentes sont réglées
à l'avance. »; JANQUOR art. 16 « la totalité des sommes restant dues jusqu'au terme du contrat
seront exigibles immédiatement »; Teogest art. 20 « Tout mois commencé étant dû ».
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cgvlib.arithmetic.notice import EarlyExit, early_exit, exit_plan
from cgvlib.errors import InputError

D = dt.date


# --------------------------------------------------------------------------- month in progress


def test_every_vendor_counts_the_month_in_progress():
    # One convention: the month in progress at the request is in the total.
    # JANQUOR, start 2024-01-31, letter 2024-11-20 (in time, deadline 2024-11-30): month 10
    # (2024-10-31..2024-11-29) is in progress, months 11 and 12 follow: 3 x 100.00 = 300.00.
    janquor = exit_plan("janquor", "2024-01-31", "2024-11-20", monthly_amount=100)
    assert (janquor.billed_months, janquor.billed_total) == (3, Decimal("300.00"))
    assert any("the month in progress included" in w for w in janquor.working)
    # GOUT, 6 months from 2024-07-01 (ends 2024-12-31; last safe day 2024-11-30), letter
    # 2024-11-20: November in progress, then December: 2 x 100.00 = 200.00.
    gout = exit_plan("gout", "2024-07-01", "2024-11-20", commitment_months=6,
                     monthly_amount=100)
    assert (gout.end, gout.billed_months, gout.billed_total) == (
        D(2024, 12, 31), 2, Decimal("200.00"))
    # Teogest, start 2024-03-15, request 2024-11-20 (under a year: no notice, ends
    # 2024-11-30): November, the calendar month in progress, 1 x 100.00 = 100.00.
    teogest = exit_plan("teogest", "2024-03-15", "2024-11-20", monthly_amount=100)
    assert (teogest.end, teogest.billed_months, teogest.billed_total) == (
        D(2024, 11, 30), 1, Decimal("100.00"))
    assert any("2024-11: the month in progress, due" in w for w in teogest.working)


# --------------------------------------------------------------------------- a period ended midway


def test_gout_maintenance_ended_midway_under_each_reading():
    # 12 months from 2024-01-01 at 100.00 a month, paid in advance; the maintenance ends
    # 2024-05-15 (e.g. 7 D). Months on the 1st: January..May started (5, May in progress),
    # June..December not started (7).
    # refund_owed (default): May due, 1 x 100.00 = 100.00; June..December refunded by cheque,
    # 7 x 100.00 = 700.00, within two months: by 2024-07-15.
    # refund_discretionary: every sum to the end of the period: (1 + 7) x 100.00 = 800.00,
    # nothing refunded.
    result = early_exit("gout", "2024-01-01", "2024-05-15", commitment_months=12,
                        monthly_amount=100)
    assert isinstance(result, EarlyExit)
    assert result.reading == "notice[0]=term_end"
    assert (result.period_start, result.period_end) == (D(2024, 1, 1), D(2024, 12, 31))
    assert (result.period_months, result.started_months, result.unstarted_months) == (12, 5, 7)
    assert (result.months_due, result.due, result.refund) == (
        1, Decimal("100.00"), Decimal("700.00"))
    assert result.refund_by == D(2024, 7, 15)
    assert "refund 700.00 EUR by 2024-07-15" in result.headline()
    assert [s.article for s in result.sources] == ["7 C", "7 C"]
    assert any("Tous mois commencé est dû" in s.quote for s in result.sources)
    kept = result.readings["exit_charges[0]=refund_discretionary"]
    assert (kept.months_due, kept.due, kept.refund, kept.refund_by) == (
        8, Decimal("800.00"), Decimal("0.00"), None)
    assert "no refund" in kept.headline()


def test_gout_ended_in_a_renewed_period_on_a_month_end():
    # 12 months from 2024-01-31: periods 2024-01-31..2025-01-30, 2025-01-31..2026-01-30.
    # Ends 2025-03-30 (second period): months begin 2025-01-31, 2025-02-28, 2025-03-31...;
    # 2 started (the second, 2025-02-28..2025-03-30, in progress), 10 not started.
    # refund_owed: 1 x 45.50 = 45.50 due; 10 x 45.50 = 455.00 refunded by 2025-05-30.
    result = early_exit("gout", "2024-01-31", "2025-03-30", commitment_months=12,
                        monthly_amount="45.50")
    assert (result.period_start, result.period_end) == (D(2025, 1, 31), D(2026, 1, 30))
    assert (result.started_months, result.unstarted_months) == (2, 10)
    assert (result.due, result.refund, result.refund_by) == (
        Decimal("45.50"), Decimal("455.00"), D(2025, 5, 30))


def test_janquor_express_request_to_stop_makes_every_sum_due():
    # start 2024-01-31, the services stop 2024-11-20 at the client's express request: month 10
    # (2024-10-31..2024-11-29) in progress, months 11 and 12 not started: every sum to the
    # term, 3 x 1,000.00 = 3,000.00, due at once; nothing refunded (the same 3 months as
    # exit_plan's total for a letter that day).
    result = early_exit("janquor", "2024-01-31", "2024-11-20", monthly_amount=1000)
    assert (result.started_months, result.unstarted_months, result.months_due) == (10, 2, 3)
    assert (result.due, result.refund, result.refund_by) == (
        Decimal("3000.00"), Decimal("0.00"), None)
    assert result.sources[-1].article == "16"


def test_early_exit_without_a_price_gives_months_and_dates():
    result = early_exit("gout", "2024-01-01", "2024-05-15", commitment_months=12)
    assert (result.due, result.refund, result.refund_by) == (None, None, D(2024, 7, 15))
    assert "monthly_amount" in result.basis and "monthly_amount" in result.headline()


@pytest.mark.parametrize(("vendor", "kwargs", "match"), [
    ("teogest", {}, "no exit in the middle of a period"),
    ("leappy", {}, "no exit in the middle of a period"),
    ("gout", {}, "commitment_months"),
    ("gout", {"commitment_months": 12, "ends_on": "2023-12-31"}, "before start"),
    ("gout", {"commitment_months": 12, "monthly_amount": "1.005"}, "fractions of a cent"),
    ("janquor", {"commitment_months": 6, "ends_on": "2024-09-01"}, "already ended"),
])
def test_early_exit_bad_input(vendor, kwargs, match):
    args = {"start": "2024-01-01", "ends_on": "2024-05-15"} | kwargs
    with pytest.raises(InputError, match=match):
        early_exit(vendor, **args)
