"""The late-penalty rate against L441-10 II's floor (three times the legal rate), semester by
semester, on small vendor files. Legal rates (professional creditors) from
data/rates/fr_legal_interest_rate.csv: 0.93 % in 2015-S1 ... 0.77 % in 2022-S2, 2.06 % in
2023-S1, 4.22 % in 2023-S2, 5.07 % in 2024-S1 ... 2.62 % in 2026-S1 (the last semester)."""

from __future__ import annotations

from tests.analysis.checks_support import ambiguity, build, rows, run

ALL = "2015-S1..2026-S1"


def with_rule(example_data, rule, fixed="invoice_date", amb=None):
    lp = example_data["late_payment"]
    lp["rule"] = rule
    if fixed is None:
        lp.pop("rate_fixed_at", None)
    else:
        lp["rate_fixed_at"] = fixed
    if amb is not None:
        lp["ambiguity"] = amb
    return example_data


# --- late_rate_below_floor ------------------------------------------------------------------


def test_twice_the_legal_rate_is_below_the_floor_in_every_semester(example_data, write_vendor):
    # 2 x legal < 3 x legal whenever the legal rate is above 0: every semester of the data
    v = build(write_vendor, with_rule(example_data, {"kind": "legal_multiple", "multiple": 2}))
    [f] = rows(run(v), "late_rate_below_floor")
    assert f["severity"] == "breach"
    assert f["periods"] == ALL
    assert f["rule"].startswith("Code de commerce L441-10 II")
    assert "1.86 % against a floor of 3 x 0.93 = 2.79 %" in f["explanation"]  # 2015-S1
    assert "2024-S1: 10.14 % against 15.21 %" in f["explanation"]  # the widest gap
    assert f["path"] == "late_payment.rule"


def test_three_times_the_legal_rate_is_the_floor_not_below(example_data, write_vendor):
    v = build(write_vendor, example_data)  # 3 x legal rate: exactly the floor
    assert rows(run(v), "late_rate_below_floor") == []


def test_legal_rate_plus_3_points_is_below_once_the_legal_rate_exceeds_1_5(example_data,
                                                                          write_vendor):
    # legal + 3 < 3 x legal <=> legal > 1.5 %: from 2023-S1 (2.06 %) to 2026-S1 (2.62 %);
    # 2022-S2: 0.77 + 3 = 3.77 % >= 2.31 %
    v = build(write_vendor, with_rule(example_data, {"kind": "legal_plus_points", "points": 3},
                                      fixed="semester"))
    [f] = rows(run(v), "late_rate_below_floor")
    assert f["periods"] == "2023-S1..2026-S1"
    assert "5.06 % against a floor of 3 x 2.06 = 6.18 %" in f["explanation"]


def test_at_limits_the_check_to_that_semester(example_data, write_vendor):
    v = build(write_vendor, with_rule(example_data, {"kind": "legal_plus_points", "points": 3},
                                      fixed="semester"))
    assert rows(run(v, at="2022-06-01"), "late_rate_below_floor") == []
    [f] = rows(run(v, at="2024-03-01"), "late_rate_below_floor")
    assert f["periods"] == "2024-S1"


def test_a_rate_per_month_counts_as_its_annual_equivalent(example_data, write_vendor):
    # 10 % a month pro rata = 120 % a year: never below; 0.1 % a month = 1.2 % a year, below
    # every floor (the lowest, 3 x 0.76 = 2.28 %)
    high = {"kind": "percent_per_month", "percent": 10, "months": "prorata"}
    v = build(write_vendor, with_rule(example_data, high, fixed=None))
    assert rows(run(v), "late_rate_below_floor") == []
    low = {"kind": "percent_per_month", "percent": 0.1, "months": "started"}
    v = build(write_vendor, with_rule(example_data, low, fixed=None))
    [f] = rows(run(v), "late_rate_below_floor")
    assert f["periods"] == ALL


def test_higher_of_ecb_plus_10_and_3x_legal_is_never_below(example_data, write_vendor):
    rule = {"kind": "higher_of", "rules": [{"kind": "ecb_plus_points", "points": 10},
                                           {"kind": "legal_multiple", "multiple": 3}]}
    v = build(write_vendor, with_rule(example_data, rule, fixed="delay_start"))
    assert rows(run(v), "late_rate_below_floor") == []


# --- late_rate_below_floor_other_reading ----------------------------------------------------


def test_another_reading_below_the_floor_is_a_risk(example_data, write_vendor):
    amb = ambiguity({"three": {}, "two": {"rule": {"multiple": 2}}}, default="three")
    v = build(write_vendor, with_rule(example_data, {"kind": "legal_multiple", "multiple": 3},
                                      amb=amb))
    frame = run(v)
    assert rows(frame, "late_rate_below_floor") == []
    [f] = rows(frame, "late_rate_below_floor_other_reading")
    assert f["severity"] == "risk"
    assert f["periods"] == ALL
    assert "under reading two (not the default, three)" in f["explanation"]


def test_other_readings_above_the_floor_report_nothing(example_data, write_vendor):
    amb = ambiguity({"three": {}, "four": {"rule": {"multiple": 4}}}, default="three")
    v = build(write_vendor, with_rule(example_data, {"kind": "legal_multiple", "multiple": 3},
                                      amb=amb))
    assert rows(run(v), "late_rate_below_floor_other_reading") == []


# --- late_rate_fixed_below_later_floor ------------------------------------------------------


def test_a_rate_fixed_at_invoicing_falls_below_a_later_floor(example_data, write_vendor):
    # 3 x legal at the invoice date: an invoice of 2022-07-01 bears 3 x 0.77 = 2.31 %; unpaid in
    # 2023-S1 the floor is 3 x 2.06 = 6.18 %. Every semester up to 2023-S2 (4.22 %) has a
    # later, higher legal rate (5.07 % in 2024-S1); none after 2024-S1.
    v = build(write_vendor, example_data)
    [f] = rows(run(v), "late_rate_fixed_below_later_floor")
    assert f["severity"] == "risk"
    assert f["periods"] == "2015-S1..2023-S2"
    assert "an invoice dated 2022-07-01" in f["explanation"]
    assert "= 2.31 %; still unpaid in 2023-S1" in f["explanation"]
    assert "floor of 3 x 2.06 = 6.18 %" in f["explanation"]


def test_with_at_only_rates_fixed_before_that_semester(example_data, write_vendor):
    v = build(write_vendor, example_data)
    [f] = rows(run(v, at="2023-03-01"), "late_rate_fixed_below_later_floor")
    assert f["periods"] == "2015-S1..2022-S2"
    assert "still unpaid on 2023-03-01" in f["explanation"]
    # 2022-S2 (0.77 %): only the two semesters at 0.76 % (2021-S2, 2022-S1) were lower
    [f] = rows(run(v, at="2022-09-01"), "late_rate_fixed_below_later_floor")
    assert f["periods"] == "2021-S2..2022-S1"
    # 2016-S2 (0.93 %): no earlier semester was lower (2015-S1 was 0.93 %, equal)
    assert rows(run(v, at="2016-09-01"), "late_rate_fixed_below_later_floor") == []


def test_a_rate_taken_each_semester_never_lags(example_data, write_vendor):
    example_data["late_payment"]["rate_fixed_at"] = "semester"
    v = build(write_vendor, example_data)
    assert rows(run(v), "late_rate_fixed_below_later_floor") == []


def test_a_rate_already_below_when_fixed_is_left_to_the_floor_check(example_data, write_vendor):
    v = build(write_vendor, with_rule(example_data, {"kind": "legal_multiple", "multiple": 2}))
    frame = run(v)
    assert rows(frame, "late_rate_fixed_below_later_floor") == []
    assert len(rows(frame, "late_rate_below_floor")) == 1
