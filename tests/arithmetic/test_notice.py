"""Duration, renewal, notice and exit: expected dates and sums worked out by hand.

Month arithmetic used below (end-of-month clamping, cgvlib.reference.months): a term of N
months from S ends on S + N months - 1 day, its anniversary is S + N months; 31 January +
12 months = 31 January; 29 February 2024 + 12 months = 28 February 2025, + 48 months =
29 February 2028; 31 January 2025 - 2 months = 30 November 2024 (no 31 November).

Texts: Teogest art. 20 (tenure notice, highest of three amounts), 14.1.1, 14.3; JANQUOR
art. 16 (two months before the term, late notice void, renewed period due in full); GOUT 7 C
(one month before the échéance, started months due).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest

from cgvlib.arithmetic.notice import (
    ExitPlan,
    exit_plan,
    latest_tenure_request,
    renewal_deadlines,
)
from cgvlib.errors import InputError
from cgvlib.model.ambiguity import LAST_SAFE_DAY_RULE
from cgvlib.model.loader import vendor

D = dt.date


# --------------------------------------------------------------------------- Teogest, art. 20


def test_teogest_under_one_year_no_notice():
    # start 2024-03-15, request 2024-11-20: 8 completed months < 12 (« abonné depuis moins
    # d'un an »): no notice, ends at the end of the month of the request, 2024-11-30.
    plan = exit_plan("teogest", "2024-03-15", "2024-11-20")
    assert isinstance(plan, ExitPlan)
    assert plan.end == D(2024, 11, 30)
    assert plan.notice_months == 0
    assert plan.notice_start is None
    assert plan.tenure_years == 0
    assert plan.renewed is False
    assert plan.rule == "20"
    assert plan.request_date == D(2024, 11, 20)


def test_teogest_one_full_year():
    # start 2023-03-15, request 2024-11-20: 1 completed year (anniversary 2024-03-15):
    # notice 1 + 1 x 1 = 2 months from 2024-12-01 (day after the month of the request):
    # December and January, ends 2025-01-31.
    plan = exit_plan("teogest", "2023-03-15", "2024-11-20")
    assert (plan.tenure_years, plan.notice_months) == (1, 2)
    assert plan.notice_start == D(2024, 12, 1)
    assert plan.end == D(2025, 1, 31)


def test_teogest_three_full_years():
    # start 2021-03-15, request 2024-11-20: 3 completed years (2024-03-15 <= 2024-11-20 <
    # 2025-03-15): notice 1 + 3 = 4 months, 2024-12-01 .. 2025-03-31.
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20")
    assert (plan.tenure_years, plan.notice_months) == (3, 4)
    assert plan.notice_start == D(2024, 12, 1)
    assert plan.end == D(2025, 3, 31)
    assert any("1 + 1 x 3" in line for line in plan.derivation)


def test_teogest_boundary_exactly_one_year():
    # start 2023-11-20. Request 2024-11-19: 11 completed months, no notice, ends 2024-11-30.
    # Request 2024-11-20, the first anniversary: « moins d'un an » / « plus d'un an » leave it
    # out. Default (one_year_notice_due): 1 completed year, notice 1 + 1 = 2 months from
    # 2024-12-01, ends 2025-01-31. Other reading (one_year_no_notice): ends 2024-11-30.
    # Request 2024-11-21: over a year under both readings: 2 months, ends 2025-01-31.
    before = exit_plan("teogest", "2023-11-20", "2024-11-19")
    on = exit_plan("teogest", "2023-11-20", "2024-11-20")
    after = exit_plan("teogest", "2023-11-20", "2024-11-21")
    assert (before.notice_months, before.end) == (0, D(2024, 11, 30))
    assert on.reading == on.default_reading == "notice[0]=one_year_notice_due"
    assert (on.notice_months, on.tenure_years, on.end) == (2, 1, D(2025, 1, 31))
    assert any("leave out: read as « plus d'un an »" in line for line in on.derivation)
    other = on.readings["notice[0]=one_year_no_notice"]
    assert (other.notice_months, other.end) == (0, D(2024, 11, 30))
    assert {r.end for r in after.readings.values()} == {D(2025, 1, 31)}
    assert not any("leave out" in line for line in after.derivation)


def test_teogest_last_day_without_notice_and_its_risk():
    # start 2023-11-20, no commitment. The last day to ask without notice is the day before
    # the first anniversary, 2024-11-19 (default); under one_year_no_notice, the anniversary
    # 2024-11-20. Request 2024-11-10: met under both; the default names the later day.
    # At stake if the letter leaves only on 2024-11-20, monthly 900.00, October invoice
    # 1,000.00, largest 1,500.00 (less 20 % = 1,200.00): default: November (month of the
    # request) 900.00 + 2 notice months x 1,200.00 = 3,300.00; no-notice reading: November
    # only, 900.00; difference 2,400.00.
    plan = exit_plan("teogest", "2023-11-20", "2024-11-10", monthly_amount=900,
                     invoice_history={"2024-10": 1000, "2023-12": 1500})
    assert (plan.deadline, plan.deadline_met) == (D(2024, 11, 19), True)
    assert (plan.later_deadline, plan.later_reading) == (
        D(2024, 11, 20), "notice[0]=one_year_no_notice")
    assert plan.at_stake == Decimal("2400.00")
    assert "risk: 2024-11-20 under notice[0]=one_year_no_notice (at stake 2,400.00 EUR" in (
        plan.headline())
    # on the anniversary itself the last safe day is missed
    on = exit_plan("teogest", "2023-11-20", "2024-11-20")
    assert (on.deadline, on.deadline_met) == (D(2024, 11, 19), False)
    assert on.readings["notice[0]=one_year_no_notice"].deadline_met is True
    # once the anniversary is past, there is no such day
    assert exit_plan("teogest", "2023-11-20", "2024-11-21").deadline is None


def test_latest_tenure_request_is_safe_under_both_readings():
    # start 2023-11-20, a period ending 2024-11-30. A request on 2024-11-19 ends 2024-11-30
    # (no notice); on 2024-11-20 it ends 2025-01-31 under one_year_notice_due (2 months), or
    # 2024-11-30 under one_year_no_notice; on 2024-11-21 it ends 2025-01-31 under both.
    notice = vendor("teogest").term.notice[0]
    due = notice.reading("one_year_notice_due").rule
    none = notice.reading("one_year_no_notice").rule
    assert latest_tenure_request(due, D(2023, 11, 20), D(2024, 11, 30)) == D(2024, 11, 19)
    assert latest_tenure_request(none, D(2023, 11, 20), D(2024, 11, 30)) == D(2024, 11, 20)


def test_teogest_request_on_the_last_day_of_a_month():
    # start 2021-03-15, request 2024-11-30: still November: same as 2024-11-20.
    # Request 2024-12-01: notice 4 months from 2025-01-01, ends 2025-04-30.
    assert exit_plan("teogest", "2021-03-15", "2024-11-30").end == D(2025, 3, 31)
    assert exit_plan("teogest", "2021-03-15", "2024-12-01").end == D(2025, 4, 30)


def test_teogest_request_on_start_day():
    # start and request 2024-01-31: 0 months, ends 2024-01-31 (end of that month).
    plan = exit_plan("teogest", "2024-01-31", "2024-01-31")
    assert (plan.end, plan.notice_months) == (D(2024, 1, 31), 0)


def test_teogest_leap_day_start():
    # start 2024-02-29: the first anniversary is 2025-02-28 (clamped).
    # Request 2025-02-27: 11 completed months: no notice, ends 2025-02-28.
    # Request 2025-02-28: 12 completed months: 2 months from 2025-03-01, ends 2025-04-30.
    assert exit_plan("teogest", "2024-02-29", "2025-02-27").end == D(2025, 2, 28)
    plan = exit_plan("teogest", "2024-02-29", "2025-02-28")
    assert (plan.notice_months, plan.end) == (2, D(2025, 4, 30))


def test_teogest_without_commitment_readings_agree():
    # 14.3 governs a commitment's renewal; without commitment every reading gives art. 20, and
    # the request (3 years and 8 months of tenure) is far from the first anniversary.
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20")
    assert plan.ambiguous
    assert set(plan.readings) == {"notice[0]=one_year_notice_due",
                                  "notice[0]=one_year_no_notice", "notice[1]=eve_of_renewal"}
    assert plan.default_reading == "notice[0]=one_year_notice_due"
    assert {r.end for r in plan.readings.values()} == {D(2025, 3, 31)}
    assert plan.later_deadline is None and plan.at_stake is None


def test_teogest_commitment_ends_after_the_notice():
    # start 2023-01-01, 36-month commitment: 2023-01-01 .. 2025-12-31 (2026-01-01 - 1 day).
    # Request 2024-11-20: 1 completed year, art. 20 notice 2 months to 2025-01-31, but a
    # commitment is terminable only « au terme de la période souscrite » (14.1.1): ends
    # 2025-12-31. Art. 20 (the default, last safe day): the latest request whose notice ends by
    # 2025-12-31 is in September 2025 (2 years of tenure from 2025-01-01: 3 months, Oct-Dec);
    # October's would end 2026-01-31: last day 2025-09-30. 14.3 reading: the eve of
    # 2026-01-01, 2025-12-31: the later day, the risk.
    plan = exit_plan("teogest", "2023-01-01", "2024-11-20", commitment_months=36)
    eve = plan.readings["notice[1]=eve_of_renewal"]
    assert plan.reading == "notice[0]=one_year_notice_due"
    assert (plan.end, plan.notice_months, plan.notice_start) == (
        D(2025, 12, 31), 2, D(2024, 12, 1))
    assert plan.term_end == D(2025, 12, 31)
    assert plan.rule == "20"
    assert (plan.deadline, plan.deadline_met) == (D(2025, 9, 30), True)
    assert (plan.later_deadline, plan.later_reading) == (
        D(2025, 12, 31), "notice[1]=eve_of_renewal")
    assert plan.at_stake is None  # no monthly amount, no invoices
    assert (eve.end, eve.notice_months, eve.rule, eve.deadline) == (
        D(2025, 12, 31), 0, "14.3", D(2025, 12, 31))


def test_teogest_notice_runs_past_the_commitment():
    # start 2023-01-01, 36 months, request 2025-11-20: 2 completed years: notice 1 + 2 = 3
    # months, 2025-12-01 .. 2026-02-28, after the commitment's end 2025-12-31: « l'abonnement
    # se poursuivra jusqu'à la date de fin du préavis »: ends 2026-02-28 (art. 20, default;
    # last safe day 2025-09-30 missed). 14.3 reading: declined before the eve: ends 2025-12-31.
    plan = exit_plan("teogest", "2023-01-01", "2025-11-20", commitment_months=36)
    assert plan.end == D(2026, 2, 28)
    assert (plan.deadline, plan.deadline_met) == (D(2025, 9, 30), False)
    assert plan.tenure_years == 2  # 2025-01-01 <= 2025-11-20 < 2026-01-01
    assert plan.readings["notice[1]=eve_of_renewal"].end == D(2025, 12, 31)
    shown = exit_plan("teogest", "2023-01-01", "2025-11-20", commitment_months=36,
                      reading="notice[1]=eve_of_renewal")
    assert shown.reading == "notice[1]=eve_of_renewal"
    assert shown.end == D(2025, 12, 31)
    assert shown.default_reading == "notice[0]=one_year_notice_due"
    assert shown.later_deadline is None  # the eve is the latest day of any reading


def test_teogest_commitment_request_on_eve_and_on_renewal_date():
    # start 2023-01-01, 36 months. Request 2025-12-31 (eve of renewal): art. 20, 2 completed
    # years: 3 months from 2026-01-01 to 2026-03-31, past the commitment: ends 2026-03-31;
    # 14.3 ends 2025-12-31. Request 2026-01-01 (renewal date): the renewed period
    # 2026-01-01 .. 2028-12-31 is in progress: art. 20, 3 completed years, 4 months from
    # 2026-02-01 to 2026-05-31, before the commitment's end: 2028-12-31; 14.3: 2028-12-31.
    eve = exit_plan("teogest", "2023-01-01", "2025-12-31", commitment_months=36)
    assert eve.end == D(2026, 3, 31)
    assert eve.readings["notice[1]=eve_of_renewal"].end == D(2025, 12, 31)
    plan = exit_plan("teogest", "2023-01-01", "2026-01-01", commitment_months=36)
    assert (plan.end, plan.notice_months) == (D(2028, 12, 31), 4)
    assert plan.readings["notice[1]=eve_of_renewal"].end == D(2028, 12, 31)


def test_teogest_commitment_lengths():
    with pytest.raises(InputError, match="12, 24, 36"):
        exit_plan("teogest", "2023-01-01", "2024-11-20", commitment_months=18)
    with pytest.raises(InputError, match="monthly subscription"):
        exit_plan("teogest", "2023-01-01", "2024-11-20", commitment_months=1)


# --------------------------------------------------------------------------- Teogest billing

HISTORY = {"2024-10": 1000, "2023-12": 1500, "2024-05": 1100}


def test_teogest_billing_largest_less_20_percent():
    # Request 2024-11-20, 4 notice months (Dec-Mar). November, the month in progress, is due
    # and billed as usual at the use, 900.00. Notice: (1) October invoice 1,000.00;
    # (2) largest 1,500.00 x 0.80 = 1,200.00; (3) use 900.00 -> 1,200.00 x 4 = 4,800.00.
    # Total 900.00 + 4,800.00 = 5,700.00 over 5 calendar months.
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                     invoice_history=HISTORY)
    assert plan.billed_monthly == Decimal("1200.00")
    assert plan.billed_total == Decimal("5700.00")
    assert plan.billed_total_cents == 570_000
    assert plan.billed_months == 5
    assert "highest of three" in plan.billing_basis


def test_teogest_billing_previous_month_wins():
    # (1) October 1,300.00; (2) 1,500.00 x 0.8 = 1,200.00; (3) 900.00 -> 1,300.00 x 4 =
    # 5,200.00, plus November at 900.00: 6,100.00
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                     invoice_history={"2024-10": 1300, "2023-12": 1500})
    assert plan.billed_total == Decimal("6100.00")


def test_teogest_billing_use_wins():
    # (3) 1,250.50 > 1,200.00 > 1,000.00 -> 1,250.50 x 4, plus November at 1,250.50:
    # 5 x 1,250.50 = 6,252.50
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount="1250.50",
                     invoice_history=HISTORY)
    assert plan.billed_monthly == Decimal("1250.50")
    assert plan.billed_total == Decimal("6252.50")


def test_teogest_billing_rounds_the_discount_half_up():
    # largest 1,234.57 x 0.8 = 987.656 -> 987.66 (half-up); 1,234.58 x 0.8 = 987.664 -> 987.66.
    # previous 500.00, use 0: 987.66 x 4 = 3,950.64, November at 0.00.
    for largest in ("1234.57", "1234.58"):
        plan = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=0,
                         invoice_history={"2024-10": 500, "2022-06": largest})
        assert plan.billed_monthly == Decimal("987.66")
        assert plan.billed_total == Decimal("3950.64")


def test_teogest_billing_one_cent_and_ten_million():
    # 0.01: previous 0.01, 0.01 x 0.8 = 0.008 -> 0.01, use 0.01: 0.01 x 4 + November 0.01 =
    # 0.05.
    small = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount="0.01",
                      invoice_history={"2024-10": "0.01"})
    assert small.billed_total == Decimal("0.05")
    # 10,000,000.00 use > 8,000,000.00 (discounted): x 4 + November = 50,000,000.00
    big = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=10_000_000,
                    invoice_history={"2024-10": 10_000_000})
    assert big.billed_total == Decimal("50000000.00")


def test_teogest_billing_with_commitment_after_the_notice():
    # start 2023-01-01, 36 months, request 2024-11-20, art. 20 reading (the default): November
    # 2024 (month in progress) at the ordinary 900.00; notice December 2024 and January 2025
    # at the highest of three (1,000.00 / 1,500.00 x 0.8 = 1,200.00 / 900.00 -> 1,200.00);
    # then February..December 2025 (11 months) at 900.00:
    # 900.00 + 2 x 1,200.00 + 11 x 900.00 = 900.00 + 2,400.00 + 9,900.00 = 13,200.00 over
    # 14 months.
    plan = exit_plan("teogest", "2023-01-01", "2024-11-20", commitment_months=36,
                     monthly_amount=900, invoice_history={"2024-10": 1000, "2023-12": 1500})
    assert plan.reading == "notice[0]=one_year_notice_due"
    assert plan.billed_monthly == Decimal("1200.00")
    assert plan.billed_months == 14
    assert plan.billed_total == Decimal("13200.00")
    # 14.3 reading: no notice; Nov 2024 .. Dec 2025 = 14 ordinary months x 900.00 = 12,600.00
    eve = plan.readings["notice[1]=eve_of_renewal"]
    assert eve.billed_monthly is None
    assert eve.billed_total == Decimal("12600.00")
    # The risk: a request only on the eve, 2025-12-31 (tenure 2 years: 3 notice months,
    # January..March 2026, past the commitment): art. 20 bills December 2025 at 900.00 and
    # 3 x 1,200.00 (no invoice for November 2025 is given, so not computable); shown as such.
    assert plan.later_deadline == D(2025, 12, 31)
    assert plan.at_stake is None and "2025-11" in plan.at_stake_basis


def test_teogest_billing_no_notice_month_in_progress_only():
    # under one year: no notice, ends 2024-11-30; only the month of the request (November, the
    # month in progress) is billed: 1 x 900.00 = 900.00.
    plan = exit_plan("teogest", "2024-03-15", "2024-11-20", monthly_amount=900)
    assert plan.billed_total == Decimal("900.00")
    assert plan.billed_months == 1
    unknown = exit_plan("teogest", "2024-03-15", "2024-11-20")
    assert unknown.billed_total is None and "monthly_amount" in unknown.billing_basis


def test_teogest_billing_not_computable_without_inputs():
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20")
    assert plan.billed_monthly is None and plan.billed_total is None
    assert "invoice_history" in plan.billing_basis and "monthly_amount" in plan.billing_basis
    no_use = exit_plan("teogest", "2021-03-15", "2024-11-20", invoice_history=HISTORY)
    assert no_use.billed_total is None and "monthly_amount" in no_use.billing_basis
    no_october = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                           invoice_history={"2023-12": 1500})
    assert no_october.billed_total is None and "2024-10" in no_october.billing_basis


def test_teogest_invoice_history_as_series():
    series = pd.Series([1000.0, 1500.0], index=pd.PeriodIndex(["2024-10", "2023-12"], freq="M"))
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                     invoice_history=series)
    assert plan.billed_total == Decimal("5700.00")


def test_teogest_invoice_history_bad():
    with pytest.raises(InputError, match="outside"):
        exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                  invoice_history={"2024-12": 1000})
    with pytest.raises(InputError, match="mapping"):
        exit_plan("teogest", "2021-03-15", "2024-11-20", invoice_history=[1000, 1500])
    with pytest.raises(InputError, match="invoice_history"):
        exit_plan("teogest", "2021-03-15", "2024-11-20", invoice_history={"2024-10": -5})
    with pytest.raises(InputError, match=r"invoice_history: row '2024-10' \(1 of 1 row\): missing"):
        exit_plan("teogest", "2021-03-15", "2024-11-20",
                  invoice_history=pd.Series([float("nan")], index=["2024-10"]))


def test_teogest_explain_cites_art_20():
    plan = exit_plan("teogest", "2021-03-15", "2024-11-20", monthly_amount=900,
                     invoice_history=HISTORY)
    text = plan.explain()
    assert "ends 2025-03-31" in text
    assert "[art. 20]" in text
    assert "5,700.00 EUR" in plan.headline()
    assert "Reading shown: notice[0]=one_year_notice_due" in text
    assert LAST_SAFE_DAY_RULE in " ".join(text.split())  # why the default (text wrapped)


# --------------------------------------------------------------------------- JANQUOR, art. 16


def test_janquor_31_january_deadline_on_time():
    # start 2024-01-31: term 2024-01-31 .. 2025-01-30, anniversary 2025-01-31.
    # term_end reading: 2025-01-30 - 2 months = 2024-11-30; anniversary reading:
    # 2025-01-31 - 2 months = 2024-11-30 (clamped): both 2024-11-30, so no later day, no risk.
    # Sent 2024-11-30: in time, ends 2025-01-30.
    plan = exit_plan("janquor", "2024-01-31", "2024-11-30")
    assert plan.default_reading == "term_end"
    assert {r.deadline for r in plan.readings.values()} == {D(2024, 11, 30)}
    assert plan.deadline_met is True
    assert plan.renewed is False
    assert plan.end == plan.term_end == D(2025, 1, 30)
    assert plan.notice_months == 2
    assert plan.rule == "16"
    assert (plan.later_deadline, plan.at_stake, plan.at_stake_basis) == (None, None, "")
    assert "risk" not in plan.headline()


def test_janquor_one_day_late_renews_and_all_sums_due():
    # Sent 2024-12-01, one day after 2024-11-30: void, renewed for 12 months: ends at the end
    # of the next term, 2026-01-30 (= 2024-01-31 + 24 months - 1 day).
    # monthly 1,000.00: contract months not over at 2024-12-01: full months 2024-01-31 ->
    # 2024-12-01 = 10 (month 11 runs 2024-11-30 .. 2024-12-30), to 2026-01-30: 24 months;
    # 24 - 10 = 14 months x 1,000.00 = 14,000.00 (renewed period due in full).
    plan = exit_plan("janquor", "2024-01-31", "2024-12-01", monthly_amount=1000)
    assert plan.deadline == D(2024, 11, 30)
    assert plan.deadline_met is False
    assert plan.renewed is True
    assert plan.end == D(2026, 1, 30)
    assert plan.term_end == D(2025, 1, 30)
    assert plan.billed_months == 14
    assert plan.billed_total == Decimal("14000.00")
    assert "renewed period is due in full" in plan.billing_basis
    assert "payable at once" in plan.billing_basis
    assert any("2025-11-30" in line for line in plan.derivation)  # next letter's deadline


def test_janquor_in_time_sums_to_term():
    # Sent 2024-11-30: months 11 (2024-11-30 .. 2024-12-30) and 12 (2024-12-31 .. 2025-01-30)
    # remain: 12 - 10 = 2 x 1,000.00 = 2,000.00.
    plan = exit_plan("janquor", "2024-01-31", "2024-11-30", monthly_amount=1000)
    assert (plan.billed_months, plan.billed_total) == (2, Decimal("2000.00"))


def test_janquor_readings_differ_on_the_first_of_the_month():
    # start 2024-03-01: term ends 2025-02-28, anniversary 2025-03-01.
    # term_end (default, the last safe day): 2025-02-28 - 2 months = 2024-12-28;
    # anniversary: 2025-03-01 - 2 months = 2025-01-01.
    # Sent 2024-12-30: late under the default: renewed, ends 2026-02-28; months not over at
    # 2024-12-30 (9 completed, month 10 runs 2024-12-01..12-31) to 2026-02-28: 24 - 9 = 15 x
    # 1,000.00 = 15,000.00. In time under anniversary: ends 2025-02-28.
    # At stake if only 2025-01-01 is met: a letter that day is void under term_end, ends
    # 2026-02-28: 24 - 10 = 14 months, 14,000.00; in time under anniversary, ends 2025-02-28:
    # 12 - 10 = 2 months, 2,000.00; difference 12,000.00 = the renewed 12 months in full.
    plan = exit_plan("janquor", "2024-03-01", "2024-12-30", monthly_amount=1000)
    assert (plan.deadline, plan.end, plan.renewed) == (D(2024, 12, 28), D(2026, 2, 28), True)
    assert plan.billed_total == Decimal("15000.00")
    late = plan.readings["anniversary"]
    assert (late.deadline, late.end, late.renewed) == (D(2025, 1, 1), D(2025, 2, 28), False)
    assert (plan.later_deadline, plan.later_reading) == (D(2025, 1, 1), "anniversary")
    assert plan.at_stake == Decimal("12000.00")
    assert plan.at_stake_cents == 1_200_000
    assert "risk: 2025-01-01 under anniversary (at stake 12,000.00 EUR" in plan.headline()
    assert any(w.startswith("risk: the reading anniversary gives 2025-01-01") for w in
               plan.working)
    assert late.later_deadline is None  # the later reading has no later day


def test_janquor_second_term():
    # start 2024-01-31, sent 2025-06-15: term 2 (2025-01-31 .. 2026-01-30), deadline
    # 2026-01-31 - 2 months = 2025-11-30: in time, ends 2026-01-30.
    plan = exit_plan("janquor", "2024-01-31", "2025-06-15")
    assert (plan.term_end, plan.deadline, plan.end) == (
        D(2026, 1, 30), D(2025, 11, 30), D(2026, 1, 30))


def test_janquor_leap_day_start():
    # start 2024-02-29: term ends 2025-02-27 (2025-02-28 - 1 day); term_end reading (default)
    # 2025-02-27 - 2 months = 2024-12-27; anniversary 2025-02-28 - 2 months = 2024-12-28.
    # Sent 2024-12-28: late under the default: renewed to 2026-02-27; in time under the other.
    plan = exit_plan("janquor", "2024-02-29", "2024-12-28")
    assert (plan.deadline, plan.end, plan.renewed) == (D(2024, 12, 27), D(2026, 2, 27), True)
    assert plan.readings["anniversary"].renewed is False
    assert plan.readings["anniversary"].end == D(2025, 2, 27)


def test_janquor_ten_million_a_month():
    # 14 months x 10,000,000.00 = 140,000,000.00
    plan = exit_plan("janquor", "2024-01-31", "2024-12-01", monthly_amount=10_000_000)
    assert plan.billed_total == Decimal("140000000.00")


def test_janquor_six_month_term_renews_only_on_request():
    # 6 months from 2024-02-29: ends 2024-08-28 (2024-08-29 - 1 day); no tacit renewal, no
    # notice. Sent after the end: the contract has already ended.
    plan = exit_plan("janquor", "2024-02-29", "2024-05-01", commitment_months=6)
    assert (plan.end, plan.deadline, plan.renewed, plan.notice_months) == (
        D(2024, 8, 28), None, False, 0)
    with pytest.raises(InputError, match="already ended"):
        exit_plan("janquor", "2024-02-29", "2024-09-01", commitment_months=6)


def test_janquor_commitment_not_offered():
    with pytest.raises(InputError, match="3, 6, 12"):
        exit_plan("janquor", "2024-01-31", "2024-11-30", commitment_months=24)


def test_janquor_billing_without_amount():
    plan = exit_plan("janquor", "2024-01-31", "2024-12-01")
    assert plan.billed_total is None and plan.billed_months == 14
    assert "monthly_amount" in plan.billing_basis


# --------------------------------------------------------------------------- GOUT, 7 C


def test_gout_twelve_month_maintenance():
    # 12 months from 2024-01-01: 2024-01-01 .. 2024-12-31, renewal 2025-01-01.
    # Default (term_end, the last safe day): 2024-12-31 - 1 month = 2024-11-30; sent
    # 2024-12-01, late: renewed to 2025-12-31; monthly 50.00: 24 - 11 = 13 months = 650.00.
    # anniversary: 2025-01-01 - 1 month = 2024-12-01, in time: ends 2024-12-31,
    # 12 - 11 = 1 month = 50.00. At stake on 2024-12-01: 650.00 - 50.00 = 600.00 (the renewed
    # 12 months x 50.00).
    plan = exit_plan("gout", "2024-01-01", "2024-12-01", commitment_months=12, monthly_amount=50)
    assert plan.default_reading == "notice[0]=term_end"
    assert (plan.deadline, plan.renewed, plan.end, plan.notice_months) == (
        D(2024, 11, 30), True, D(2025, 12, 31), 1)
    assert plan.billed_total == Decimal("650.00")
    assert (plan.later_deadline, plan.at_stake) == (D(2024, 12, 1), Decimal("600.00"))
    in_time = plan.readings["notice[0]=anniversary"]
    assert (in_time.deadline, in_time.renewed, in_time.end) == (
        D(2024, 12, 1), False, D(2024, 12, 31))
    assert in_time.billed_total == Decimal("50.00")
    assert "refunded within 2 months" in plan.billing_basis
    discretionary = plan.readings["exit_charges[0]=refund_discretionary"]
    assert discretionary.end == plan.end
    assert ("7 C, website maintenance ended before the end of its period: every sum due until "
            "the term is payable at once") in discretionary.billing_basis


def test_gout_needs_the_maintenance_length():
    with pytest.raises(InputError, match="commitment_months"):
        exit_plan("gout", "2024-01-01", "2024-12-01")


def test_gout_leap_day_start():
    # 12 months from 2024-02-29: ends 2025-02-27; 2025-02-27 - 1 month = 2025-01-27 (default,
    # term_end); anniversary 2025-02-28 - 1 month = 2025-01-28.
    plan = exit_plan("gout", "2024-02-29", "2025-01-28", commitment_months=12)
    assert (plan.deadline, plan.end) == (D(2025, 1, 27), D(2026, 2, 27))
    assert plan.readings["notice[0]=anniversary"].deadline == D(2025, 1, 28)
    assert plan.readings["notice[0]=anniversary"].end == D(2025, 2, 27)


# --------------------------------------------------------------------------- per order


@pytest.mark.parametrize("vendor", ["leappy", "iosmart"])
def test_per_order_no_notice(vendor):
    plan = exit_plan(vendor, "2024-01-31", "2024-06-15")
    assert plan.end == D(2024, 6, 15)
    assert plan.notice_months == 0 and plan.notice_start is None
    assert plan.deadline is None and plan.deadline_met is None
    assert plan.renewed is False
    assert plan.billed_total is None
    assert "work done" in plan.billing_basis
    assert not plan.ambiguous
    assert "no notice" in plan.headline()


def test_per_order_commitment_is_stated_unused():
    plan = exit_plan("leappy", "2024-01-31", "2024-06-15", commitment_months=12)
    assert any("not used" in line for line in plan.derivation)


# --------------------------------------------------------------------------- bad input


def test_statutory_is_silent():
    with pytest.raises(InputError, match="say nothing"):
        exit_plan("statutory", "2024-01-01", "2024-06-01")
    with pytest.raises(InputError, match="say nothing"):
        renewal_deadlines("statutory", "2024-01-01", "2025-06-01")


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"notice_sent": "2023-12-31"}, "before start"),
        ({"notice_sent": "2024-13-01"}, "notice_sent"),
        ({"start": 20240101}, "start"),
        ({"monthly_amount": -1}, "negative"),
        ({"monthly_amount": "12.345"}, "fractions of a cent"),
        ({"commitment_months": 1.5}, "whole number"),
        ({"commitment_months": True}, "whole number"),
        ({"commitment_months": 0}, "1 month or more"),
        ({"reading": "bogus"}, "valid readings"),
    ],
)
def test_bad_input(kwargs, match):
    args = {"start": "2024-01-01", "notice_sent": "2024-06-01"} | kwargs
    with pytest.raises(InputError, match=match):
        exit_plan("janquor", **args)


# --------------------------------------------------------------------------- renewal_deadlines


def _dates(frame, column):
    return list(frame[column])


def test_deadlines_janquor_31_january():
    # Terms from 2024-01-31 (until 2026-06-01: three terms start by then); ends 2025-01-30,
    # 2026-01-30, 2027-01-30; both readings give 30 November (clamped). Monthly 1,000.00: the
    # other reading's day is the same day, so nothing is at stake.
    frame = renewal_deadlines("janquor", "2024-01-31", "2026-06-01", monthly_amount=1000)
    assert _dates(frame, "term_start") == [D(2024, 1, 31), D(2025, 1, 31), D(2026, 1, 31)]
    assert _dates(frame, "term_end") == [D(2025, 1, 30), D(2026, 1, 30), D(2027, 1, 30)]
    assert _dates(frame, "renewal_date") == [D(2025, 1, 31), D(2026, 1, 31), D(2027, 1, 31)]
    nov30 = [D(2024, 11, 30), D(2025, 11, 30), D(2026, 11, 30)]
    assert _dates(frame, "last_day_to_send_notice") == nov30
    assert _dates(frame, "last_day_to_send_notice (anniversary)") == nov30
    assert list(frame["notice_months"]) == [2, 2, 2]
    assert list(frame["at_stake (anniversary)"]) == [Decimal("0.00")] * 3
    assert list(frame["rule"]) == ["16"] * 3
    assert frame.attrs["default_reading"] == "term_end"


def test_deadlines_janquor_first_of_march():
    # start 2024-03-01 until 2025-03-01 (the second term starts that day: 2 rows).
    # term end 2025-02-28 - 2 months = 2024-12-28 (default, the last safe day); anniversary
    # 2025-03-01 - 2 = 2025-01-01. A letter on 2025-01-01 is void under the default: the
    # renewed 12 months x 1,000.00 = 12,000.00 at stake (worked in
    # test_janquor_readings_differ_on_the_first_of_the_month); the same each term.
    frame = renewal_deadlines("janquor", "2024-03-01", "2025-03-01", monthly_amount=1000)
    assert len(frame) == 2
    assert _dates(frame, "last_day_to_send_notice") == [D(2024, 12, 28), D(2025, 12, 28)]
    assert _dates(frame, "last_day_to_send_notice (anniversary)") == [D(2025, 1, 1),
                                                                      D(2026, 1, 1)]
    assert list(frame["at_stake (anniversary)"]) == [Decimal("12000.00")] * 2
    assert list(frame.columns).index("at_stake (anniversary)") == len(frame.columns) - 2
    shown = renewal_deadlines("janquor", "2024-03-01", "2025-03-01", reading="anniversary")
    assert _dates(shown, "last_day_to_send_notice") == [D(2025, 1, 1), D(2026, 1, 1)]
    assert "last_day_to_send_notice (term_end)" in shown.columns
    assert not any(c.startswith("at_stake") for c in shown.columns)  # no monthly_amount


def test_deadlines_janquor_leap_day():
    # start 2024-02-29: anniversaries 2025-02-28, 2026-02-28, 2027-02-28, 2028-02-29,
    # 2029-02-28 (each from the start, clamped); term ends the day before each.
    # term end - 2 months (default): 2024-12-27, 2025-12-27, 2026-12-27, 2027-12-28,
    # 2028-12-27; anniversary - 2 months: 2024-12-28, 2025-12-28, 2026-12-28, 2027-12-29,
    # 2028-12-28.
    frame = renewal_deadlines("janquor", "2024-02-29", "2028-03-01")
    assert _dates(frame, "term_start") == [D(2024, 2, 29), D(2025, 2, 28), D(2026, 2, 28),
                                           D(2027, 2, 28), D(2028, 2, 29)]
    assert _dates(frame, "term_end") == [D(2025, 2, 27), D(2026, 2, 27), D(2027, 2, 27),
                                         D(2028, 2, 28), D(2029, 2, 27)]
    assert _dates(frame, "last_day_to_send_notice") == [
        D(2024, 12, 27), D(2025, 12, 27), D(2026, 12, 27), D(2027, 12, 28), D(2028, 12, 27)]
    assert _dates(frame, "last_day_to_send_notice (anniversary)") == [
        D(2024, 12, 28), D(2025, 12, 28), D(2026, 12, 28), D(2027, 12, 29), D(2028, 12, 28)]


def test_deadlines_janquor_six_months_single_row():
    frame = renewal_deadlines("janquor", "2024-02-29", "2026-01-01", commitment_months=6)
    assert len(frame) == 1
    assert frame.loc[0, "term_end"] == D(2024, 8, 28)
    assert frame.loc[0, "renewal_date"] is None
    assert frame.loc[0, "last_day_to_send_notice"] is None


def test_deadlines_teogest_calendar_year_commitment():
    # start 2023-01-01, 12-month commitments, until 2025-06-30: three periods.
    # art. 20 (default, the last safe day): 2023: tenure 0, ends at the end of the month:
    # latest 2023-12-31 (0 months); 2024: 1 year, 2 months: a request in October (Nov-Dec)
    # ends 2024-12-31: 2024-10-31; 2025: 2 years, 3 months: September (Oct-Dec): 2025-09-30.
    # 14.3: the eve of renewal = each period's last day, no notice. The anniversary reading
    # (one_year_no_notice) changes nothing here.
    frame = renewal_deadlines("teogest", "2023-01-01", "2025-06-30", commitment_months=12)
    assert _dates(frame, "term_end") == [D(2023, 12, 31), D(2024, 12, 31), D(2025, 12, 31)]
    assert _dates(frame, "last_day_to_send_notice") == [
        D(2023, 12, 31), D(2024, 10, 31), D(2025, 9, 30)]
    assert list(frame["notice_months"]) == [0, 2, 3]
    assert list(frame["rule"]) == ["20"] * 3
    assert _dates(frame, "last_day_to_send_notice (notice[1]=eve_of_renewal)") == _dates(
        frame, "term_end")
    assert list(frame["notice_months (notice[1]=eve_of_renewal)"]) == [0, 0, 0]
    assert _dates(frame, "last_day_to_send_notice (notice[0]=one_year_no_notice)") == _dates(
        frame, "last_day_to_send_notice")
    # with a monthly amount: nothing at stake where the days agree; the art. 20 notice billed at
    # the highest of three amounts needs the invoices, so the eve's stake is not computable
    priced = renewal_deadlines("teogest", "2023-01-01", "2025-06-30", commitment_months=12,
                               monthly_amount=900)
    assert list(priced["at_stake (notice[1]=eve_of_renewal)"]) == [Decimal("0.00"), None, None]
    assert list(priced["at_stake (notice[0]=one_year_no_notice)"]) == [Decimal("0.00")] * 3


def test_deadlines_teogest_mid_month_start():
    # start 2024-03-15, 12 months: periods end 2025-03-14, 2026-03-14, 2027-03-14.
    # art. 20 (default): period 1, tenure 0: end of the request's month <= 2025-03-14:
    # 2025-02-28; period 2, 1 year -> 2 months: December 2025 (Jan-Feb 2026, ends 2026-02-28):
    # 2025-12-31; period 3, 2 years -> 3 months: November 2026 (Dec-Feb, ends 2027-02-28):
    # 2026-11-30.
    frame = renewal_deadlines("teogest", "2024-03-15", "2026-06-01", commitment_months=12)
    assert _dates(frame, "last_day_to_send_notice") == [D(2025, 2, 28), D(2025, 12, 31),
                                                        D(2026, 11, 30)]
    assert list(frame["notice_months"]) == [0, 2, 3]
    assert list(frame["rule"]) == ["20"] * 3
    assert _dates(frame, "last_day_to_send_notice (notice[1]=eve_of_renewal)") == [
        D(2025, 3, 14), D(2026, 3, 14), D(2027, 3, 14)]
    eve = renewal_deadlines("teogest", "2024-03-15", "2026-06-01", commitment_months=12,
                            reading="notice[1]=eve_of_renewal")
    assert list(eve["rule"]) == ["14.3"] * 3


def test_deadlines_gout_only_notice_readings():
    # 12 months from 2024-01-01 until 2025-01-01: 2 rows; 2024-12-31 - 1 month = 2024-11-30
    # (default, term_end), renewal 2025-01-01 - 1 month = 2024-12-01 (anniversary); the refund
    # reading does not change the notice and gets no column. At stake at 50.00 a month: the
    # renewed 12 months, 600.00 (worked in test_gout_twelve_month_maintenance).
    frame = renewal_deadlines("gout", "2024-01-01", "2025-01-01", commitment_months=12,
                              monthly_amount=50)
    assert _dates(frame, "last_day_to_send_notice") == [D(2024, 11, 30), D(2025, 11, 30)]
    assert _dates(frame, "last_day_to_send_notice (notice[0]=anniversary)") == [
        D(2024, 12, 1), D(2025, 12, 1)]
    assert list(frame["at_stake (notice[0]=anniversary)"]) == [Decimal("600.00")] * 2
    assert not any("refund" in c for c in frame.columns)
    assert "exit_charges[0]=refund_discretionary" in frame.attrs["readings"]


def test_deadlines_bad_input():
    with pytest.raises(InputError, match="commitment_months"):
        renewal_deadlines("teogest", "2023-01-01", "2025-06-30")
    with pytest.raises(InputError, match="commitment_months"):
        renewal_deadlines("gout", "2023-01-01", "2025-06-30")
    with pytest.raises(InputError, match="no renewal and no notice"):
        renewal_deadlines("leappy", "2023-01-01", "2025-06-30")
    with pytest.raises(InputError, match="before start"):
        renewal_deadlines("janquor", "2023-01-01", "2022-06-30")
    with pytest.raises(InputError, match="valid readings"):
        renewal_deadlines("janquor", "2023-01-01", "2024-06-30", reading="bogus")
    with pytest.raises(InputError, match="monthly_amount"):
        renewal_deadlines("janquor", "2023-01-01", "2024-06-30", monthly_amount=-5)
    with pytest.raises(InputError, match="fractions of a cent"):
        renewal_deadlines("janquor", "2023-01-01", "2024-06-30", monthly_amount="1.001")


def test_janquor_stake_not_computable_without_a_price():
    # start 2024-03-01, letter 2024-12-20: the anniversary reading's day 2025-01-01 is the risk;
    # without monthly_amount the sum at stake is not given, and the plan says why.
    plan = exit_plan("janquor", "2024-03-01", "2024-12-20")
    assert plan.later_deadline == D(2025, 1, 1)
    assert plan.at_stake is None and plan.at_stake_cents is None
    assert "monthly_amount" in plan.at_stake_basis
    assert "risk: 2025-01-01 under anniversary (at stake not computable" in plan.headline()


def test_deadline_agrees_with_exit_plan():
    # The last day of the table ends the contract at the term; the day after renews it.
    frame = renewal_deadlines("janquor", "2024-03-01", "2024-03-01")
    last = frame.loc[0, "last_day_to_send_notice"]
    assert exit_plan("janquor", "2024-03-01", last).end == D(2025, 2, 28)
    assert exit_plan("janquor", "2024-03-01", last + dt.timedelta(days=1)).renewed
