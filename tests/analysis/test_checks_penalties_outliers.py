"""Penalties a judge may moderate (Code civil 1231-5) and outliers among vendors, on the
reference invoice: 10,000 EUR issued 2024-02-14, due 2024-03-15, paid 2024-05-14 (60 days late).

Statutory default: ECB semester rate 4.50 % (2024-S1) + 10 = 14.50 %: 10,000 x 14.50 % x 60 / 365
= 238.36 EUR. Three times the legal rate (2024-S1, 5.07 %): 15.21 % -> 250.03 EUR, + 40 EUR.
"""

from __future__ import annotations

from cgvlib.analysis.checks.penalties import EXCESSIVE_MULTIPLE
from tests.analysis.checks_support import ambiguity, build, rows, run


def monthly(example_data, percent, amb=None):
    lp = example_data["late_payment"]
    lp["rule"] = {"kind": "percent_per_month", "percent": percent, "months": "prorata"}
    lp.pop("rate_fixed_at")
    if amb:
        lp["ambiguity"] = amb
    return example_data


def test_ten_percent_a_month_is_manifestly_excessive(example_data, write_vendor):
    # 10 % x 60 x 12 / 365 = 19.726 % -> 1,972.60 EUR = 8.3 x 238.36
    v = build(write_vendor, monthly(example_data, 10))
    [f] = rows(run(v), "late_penalty_manifestly_excessive")
    assert f["severity"] == "risk"
    assert "1,972.60 EUR (8.3 times)" in f["explanation"]
    assert "statutory default of 238.36 EUR" in f["explanation"]
    assert EXCESSIVE_MULTIPLE == 3


def test_three_times_the_legal_rate_is_not_excessive(example_data, write_vendor):
    # 250.03 EUR = 1.05 x the default
    assert rows(run(build(write_vendor, example_data)), "late_penalty_manifestly_excessive") == []


def test_excessive_under_another_reading_only(example_data, write_vendor):
    # 1 % a month = 12 % a year: 197.26 EUR (0.8 x); read as 10 % a month: 8.3 x
    amb = ambiguity({"one": {}, "ten": {"rule": {"percent": 10}}}, default="one")
    v = build(write_vendor, monthly(example_data, 1, amb))
    [f] = rows(run(v), "late_penalty_manifestly_excessive")
    assert "under reading ten (not the default, one)" in f["explanation"]


def test_at_moves_the_reference_invoice(example_data, write_vendor):
    v = build(write_vendor, monthly(example_data, 10))
    [f] = rows(run(v, at="2023-03-01"), "late_penalty_manifestly_excessive")
    assert "due 2022-12-31, paid 2023-03-01" in f["explanation"]


# --- late_cost_outlier ----------------------------------------------------------------------


def peers(example_data, write_vendor):
    """Three ordinary vendors (3 x the legal rate: 290.03 EUR on the reference invoice)."""
    out = []
    for name in ("alpha", "beta", "gamma"):
        data = dict(example_data, name=name.upper())
        out.append(build(write_vendor, data, f"{name}.yaml"))
    return out


def test_a_vendor_far_above_the_others(example_data, write_vendor):
    others = peers(example_data, write_vendor)
    odd = build(write_vendor, monthly(example_data, 10), "odd.yaml")
    [f] = rows(run(odd, peers=[*others, odd]), "late_cost_outlier")
    # 1,972.60 + 40 = 2,012.60 EUR against a median of 290.03 EUR: 6.9 times
    assert f["severity"] == "note"
    assert "2,012.60 EUR, 6.9 times the median of the other vendors (290.03 EUR" in (
        f["explanation"])
    assert "more than 3 times the median" in f["explanation"]
    # the ordinary ones are not outliers: their median of the others is 290.03 EUR too
    assert rows(run(others[0], peers=[*others, odd]), "late_cost_outlier") == []


def test_a_vendor_far_below_the_others(example_data, write_vendor):
    others = peers(example_data, write_vendor)
    low = build(write_vendor, monthly(example_data, 0.05), "low.yaml")
    # 0.05 % x 60 x 12 / 365 = 0.0986 % -> 9.86 + 40 = 49.86 EUR: 0.2 x 290.03
    [f] = rows(run(low, peers=others), "late_cost_outlier")
    assert "less than 1/3 of the median" in f["explanation"]


def test_too_few_peers_to_compare(example_data, write_vendor):
    odd = build(write_vendor, monthly(example_data, 10), "odd.yaml")
    alone = peers(example_data, write_vendor)[:1]
    assert rows(run(odd, peers=alone), "late_cost_outlier") == []
