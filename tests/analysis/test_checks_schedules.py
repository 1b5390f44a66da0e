"""Gaps, overlaps and short ends in service-credit tiers and cancellation schedules."""

from __future__ import annotations

from tests.analysis.checks_support import build, rows, run, src


def sla(tiers, between="lower_tier"):
    return {"availability_percent": 99.8, "hours": "24/7", "window": "month",
            "formula": "downtime / total time", "excluded_from_downtime": [],
            "excluded_from_total_time": [], "tiers": tiers, "between_tiers": between,
            "cap": {"percent": 20, "source": src("A.6")}, "claim_within": "30 calendar_days",
            "claim_from": "the month's end", "paid_as": "credit_note", "source": src("A.6")}


def tier(credit, low=None, above=None, high=None):
    t = {"credit_percent": credit, "source": src("A.6")}
    if low is not None:
        t["from_percent"] = low
    if above is not None:
        t["above_percent"] = above
    if high is not None:
        t["to_percent"] = high
    return t


# --- SLA tiers ------------------------------------------------------------------------------


def test_two_decimal_tiers_leave_gaps(example_data, write_vendor):
    # « entre 0 % et 0,2 % »: 0; « entre 0,21 et 0,5 % »: 3 %; « supérieur à 0,5 % »: 8 %
    example_data["sla"] = sla([tier(0, low=0, high=0.2), tier(3, low=0.21, high=0.5),
                               tier(8, above=0.5)], between="upper_tier")
    [f] = rows(run(build(write_vendor, example_data)), "sla_tier_gap")
    assert f["severity"] == "ambiguity"
    assert "above 0.2 % and below 0.21 % (e.g. 0.205 %) falls in no tier" in f["explanation"]
    assert "the tier below gives 0 %, the tier above 3 %" in f["explanation"]
    assert f["path"] == "sla.tiers[0], sla.tiers[1]"


def test_contiguous_tiers_leave_no_gap(example_data, write_vendor):
    example_data["sla"] = sla([tier(0, low=0, high=0.2), tier(3, above=0.2, high=0.5),
                               tier(8, above=0.5)])
    frame = run(build(write_vendor, example_data))
    assert rows(frame, "sla_tier_gap") == []
    assert rows(frame, "sla_tiers_stop_short") == []


def test_tiers_that_stop_before_the_worst_case(example_data, write_vendor):
    example_data["sla"] = sla([tier(0, low=0, high=0.2), tier(3, above=0.2, high=1.5)])
    [f] = rows(run(build(write_vendor, example_data)), "sla_tiers_stop_short")
    assert "stops at 1.5 %: a higher rate (e.g. 2.5 %) is in no tier" in f["explanation"]
    assert f["path"] == "sla.tiers[1]"


def test_tiers_that_start_above_zero(example_data, write_vendor):
    example_data["sla"] = sla([tier(3, low=0.2, high=0.5), tier(8, above=0.5)])
    [f] = rows(run(build(write_vendor, example_data)), "sla_tiers_stop_short")
    assert "below 0.2 % (e.g. 0.1 %) is in no tier" in f["explanation"]


# --- cancellation schedules -----------------------------------------------------------------


def schedule(*tiers):
    return [{"applies_to": "training sessions", "of": "the price", "source": src("D"),
             "tiers": [dict(t, source=src("D")) for t in tiers]}]


TRAINING = ({"less_than": "8 calendar_days", "fee_percent": 100},
            {"at_least": "8 calendar_days", "at_most": "15 calendar_days", "fee_percent": 50},
            {"at_least": "16 calendar_days", "at_most": "1 months", "fee_percent": 20},
            {"more_than": "1 months", "fee_percent": 0})


def test_whole_days_leave_no_gap_between_15_and_16_days(example_data, write_vendor):
    # notice counted in whole calendar days (as the arithmetic does): 15 -> 50 %, 16 -> 20 %;
    # « un mois » by calendar month, exactly covered by « au plus » / « plus de »
    example_data["cancellation"] = schedule(*TRAINING)
    frame = run(build(write_vendor, example_data))
    for check_id in ("cancellation_gap", "cancellation_overlap",
                     "cancellation_schedule_stops_short"):
        assert rows(frame, check_id) == [], check_id


def test_a_missing_day_is_a_gap(example_data, write_vendor):
    tiers = list(TRAINING)
    tiers[2] = {"at_least": "17 calendar_days", "at_most": "1 months", "fee_percent": 20}
    example_data["cancellation"] = schedule(*tiers)
    [f] = rows(run(build(write_vendor, example_data)), "cancellation_gap")
    assert f["severity"] == "ambiguity"
    assert "16 calendar days before the event" in f["explanation"]
    assert f["path"] == "cancellation[0].tiers"


def test_a_month_against_30_days_leaves_a_gap_in_long_months(example_data, write_vendor):
    # « 30 jours au plus » then « plus d'un mois »: 31 days before an event on 31 March is
    # exactly one month (no line), in a 30-day month there is no gap
    example_data["cancellation"] = schedule(
        {"at_most": "30 calendar_days", "fee_percent": 20},
        {"more_than": "1 months", "fee_percent": 0})
    [f] = rows(run(build(write_vendor, example_data)), "cancellation_gap")
    assert "31 calendar days before the event" in f["explanation"]


def test_hours_either_side_of_48_hours(example_data, write_vendor):
    example_data["cancellation"] = schedule({"less_than": "48 hours", "fee_percent": 100},
                                            {"at_least": "48 hours", "fee_percent": 0})
    assert rows(run(build(write_vendor, example_data)), "cancellation_gap") == []
    example_data["cancellation"] = schedule({"less_than": "48 hours", "fee_percent": 100},
                                            {"more_than": "48 hours", "fee_percent": 0})
    [f] = rows(run(build(write_vendor, example_data)), "cancellation_gap")
    assert "48 h 00 min before the event" in f["explanation"]


def test_overlapping_lines(example_data, write_vendor):
    example_data["cancellation"] = schedule({"at_most": "10 calendar_days", "fee_percent": 100},
                                            {"at_least": "8 calendar_days", "fee_percent": 0})
    [f] = rows(run(build(write_vendor, example_data)), "cancellation_overlap")
    assert "8 calendar days before the event" in f["explanation"]
    assert "falls in line 1, line 2" in f["explanation"]


def test_a_schedule_without_a_line_for_long_notices_stops_short(example_data, write_vendor):
    example_data["cancellation"] = schedule(
        {"less_than": "48 hours", "fee_percent": 100},
        {"at_least": "48 hours", "at_most": "72 hours", "fee_percent": 50})
    frame = run(build(write_vendor, example_data))
    [f] = rows(frame, "cancellation_schedule_stops_short")
    assert "longest bound (72 hours)" in f["explanation"]
    assert rows(frame, "cancellation_gap") == []  # beyond the last line is not a gap


def test_lines_that_depend_on_facts_are_checked_per_combination(example_data, write_vendor):
    # GOUT art. 7 A: free >= 48 h before, else 50 % (estimable) or 200 EUR (not estimable),
    # the whole amount once the provider has travelled: every combination is covered once
    example_data["cancellation"] = schedule(
        {"at_least": "48 hours", "fee_percent": 0, "when": {"travelled": False}},
        {"less_than": "48 hours", "fee_percent": 50,
         "when": {"travelled": False, "estimable": True}},
        {"less_than": "48 hours", "fee_amount": 200,
         "when": {"travelled": False, "estimable": False}},
        {"fee_percent": 100, "minimum": 200, "when": {"travelled": True}})
    frame = run(build(write_vendor, example_data))
    for check_id in ("cancellation_gap", "cancellation_overlap",
                     "cancellation_schedule_stops_short"):
        assert rows(frame, check_id) == [], check_id
    # without the 200 EUR line, a short notice on a service that cannot be estimated is a gap
    del example_data["cancellation"][0]["tiers"][2]
    [f] = rows(run(build(write_vendor, example_data)), "cancellation_gap")
    assert "when estimable=False, travelled=False" in f["explanation"]
