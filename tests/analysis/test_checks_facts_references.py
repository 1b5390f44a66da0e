"""Statements of fact against the reference data; outdated legal references."""

from __future__ import annotations

from tests.analysis.checks_support import build, rows, run, src


def stated(example_data, percent, start, end, series="legal_professional"):
    example_data["late_payment"]["stated_rates"] = [
        {"series": series, "percent": percent, "from_date": start, "to_date": end,
         "source": src()}]
    return example_data


# --- stated_rate_wrong ----------------------------------------------------------------------


def test_a_yearly_rate_right_for_one_semester_only(example_data, write_vendor):
    # legal rate 2023: 2.06 % (S1), 4.22 % (S2)
    v = build(write_vendor, stated(example_data, 4.22, "2023-01-01", "2023-12-31"))
    [f] = rows(run(v), "stated_rate_wrong")
    assert f["severity"] == "note"
    assert f["periods"] == "2023-S1"
    assert "2.06 % for 2023-S1; 4.22 % for 2023-S2" in f["explanation"]
    assert "right for 2023-S2 only" in f["explanation"]
    # at a date of the second semester the statement is right
    assert rows(run(v, at="2023-09-01"), "stated_rate_wrong") == []
    assert len(rows(run(v, at="2023-03-01"), "stated_rate_wrong")) == 1


def test_a_right_statement_reports_nothing(example_data, write_vendor):
    v = build(write_vendor, stated(example_data, 2.06, "2023-01-01", "2023-06-30"))
    assert rows(run(v), "stated_rate_wrong") == []


def test_ecb_rate_statement(example_data, write_vendor):
    # ECB MRO: 4.50 % from 2023-09-20 to 2024-06-11, then 4.25 %
    v = build(write_vendor, stated(example_data, 4.50, "2024-01-01", "2024-12-31", "ecb"))
    [f] = rows(run(v), "stated_rate_wrong")
    assert "4.25 %" in f["explanation"]
    v = build(write_vendor, stated(example_data, 4.50, "2024-01-01", "2024-06-11", "ecb"))
    assert rows(run(v), "stated_rate_wrong") == []


# --- force_majeure_outdated_reference -------------------------------------------------------


def force_majeure(basis):
    return {"legal_basis": basis, "notify": "promptly", "source": src("8")}


def test_force_majeure_under_article_1148(example_data, write_vendor):
    example_data["force_majeure"] = force_majeure("code_civil_1148")
    [f] = rows(run(build(write_vendor, example_data)), "force_majeure_outdated_reference")
    assert f["severity"] == "note"
    assert "Code civil art. 1218 does since 1 October 2016" in f["explanation"]
    assert f["path"] == "force_majeure.legal_basis"


def test_force_majeure_under_article_1218_or_case_law_is_fine(example_data, write_vendor):
    for basis in ("code_civil_1218", "case_law"):
        example_data["force_majeure"] = force_majeure(basis)
        frame = run(build(write_vendor, example_data))
        assert rows(frame, "force_majeure_outdated_reference") == [], basis
