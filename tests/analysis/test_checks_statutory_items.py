"""The mentions L441-1 / L441-10 / D441-5 require: payment term, penalty rate, indemnity."""

from __future__ import annotations

from tests.analysis.checks_support import ambiguity, build, rows, run, src


def test_example_file_carries_every_statutory_item(example_data, write_vendor):
    # 30 days from the invoice, 3 x the legal rate, 40 EUR per invoice
    frame = run(build(write_vendor, example_data))
    for check_id in ("recovery_indemnity_missing", "recovery_indemnity_amount_missing",
                     "recovery_indemnity_amount_not_40", "recovery_indemnity_per_unpaid_sum",
                     "late_rate_missing", "payment_term_missing", "payment_term_too_long"):
        assert rows(frame, check_id) == [], check_id


def test_indemnity_never_mentioned(example_data, write_vendor):
    example_data["recovery_indemnity"] = {"silent": True}
    [f] = rows(run(build(write_vendor, example_data)), "recovery_indemnity_missing")
    assert f["severity"] == "breach"
    assert f["article"] == "5"  # the late-payment clause, where it is expected
    assert "40 EUR per invoice paid late (D441-5)" in f["explanation"]


def test_indemnity_named_without_amount(example_data, write_vendor):
    example_data["recovery_indemnity"]["amount"] = None
    [f] = rows(run(build(write_vendor, example_data)), "recovery_indemnity_amount_missing")
    assert f["severity"] == "breach"
    assert f["path"] == "recovery_indemnity.amount"


def test_indemnity_other_than_40(example_data, write_vendor):
    example_data["recovery_indemnity"]["amount"] = 50
    [f] = rows(run(build(write_vendor, example_data)), "recovery_indemnity_amount_not_40")
    assert f["severity"] == "breach"
    assert "50 EUR" in f["explanation"]
    assert "only on justification" in f["explanation"]
    example_data["recovery_indemnity"]["amount"] = 30
    [f] = rows(run(build(write_vendor, example_data)), "recovery_indemnity_amount_not_40")
    assert "owed 40 EUR whatever the terms say" in f["explanation"]


def test_indemnity_per_unpaid_sum_is_a_note(example_data, write_vendor):
    example_data["recovery_indemnity"]["per"] = "unpaid_sum"
    [f] = rows(run(build(write_vendor, example_data)), "recovery_indemnity_per_unpaid_sum")
    assert f["severity"] == "note"


def test_no_penalty_rate(example_data, write_vendor):
    example_data["late_payment"] = {"silent": True}
    [f] = rows(run(build(write_vendor, example_data)), "late_rate_missing")
    assert f["severity"] == "breach"
    assert "ECB refinancing rate of the semester plus 10 points" in f["explanation"]


def test_no_payment_term(example_data, write_vendor):
    example_data["payment_terms"][0] = {"applies_to": "all invoices", "kind": "unstated",
                                        "source": src()}
    [f] = rows(run(build(write_vendor, example_data)), "payment_term_missing")
    assert f["severity"] == "breach"
    assert f["path"] == "payment_terms[0]"
    assert "30th day after performance" in f["explanation"]


def test_payment_term_beyond_60_days(example_data, write_vendor):
    example_data["payment_terms"][0]["days"] = 90
    [f] = rows(run(build(write_vendor, example_data)), "payment_term_too_long")
    assert f["severity"] == "breach"
    assert "90 days" in f["explanation"] and "60 days from the invoice date" in f["explanation"]
    example_data["payment_terms"][0]["days"] = 60  # the maximum itself is lawful
    assert rows(run(build(write_vendor, example_data)), "payment_term_too_long") == []


def test_payment_term_beyond_45_days_end_of_month(example_data, write_vendor):
    term = example_data["payment_terms"][0]
    term["kind"], term["days"] = "days_end_of_month", 50
    [f] = rows(run(build(write_vendor, example_data)), "payment_term_too_long")
    assert "45 days end of month" in f["explanation"]
    term["days"] = 45
    assert rows(run(build(write_vendor, example_data)), "payment_term_too_long") == []


def test_payment_term_too_long_under_another_reading_is_a_risk(example_data, write_vendor):
    example_data["payment_terms"][0]["ambiguity"] = ambiguity(
        {"thirty": {}, "seventy_five": {"days": 75}}, default="thirty")
    [f] = rows(run(build(write_vendor, example_data)), "payment_term_too_long")
    assert f["severity"] == "risk"
    assert "under reading seventy_five (not the default, thirty)" in f["explanation"]
