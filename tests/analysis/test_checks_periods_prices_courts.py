"""Partial periods left unspecified, discretionary price revisions, and jurisdiction clauses."""

from __future__ import annotations

from tests.analysis.checks_support import ambiguity, build, rows, run, src


def per_month(example_data, amb=True):
    lp = example_data["late_payment"]
    lp["rule"] = {"kind": "percent_per_month", "percent": 10, "months": "prorata"}
    lp.pop("rate_fixed_at")
    if amb:
        lp["ambiguity"] = ambiguity({"prorata": {}, "started": {"rule": {"months": "started"}}},
                                    default="prorata")
    return example_data


# --- late_penalty_part_month_unspecified ----------------------------------------------------


def test_a_month_of_delay_without_saying_how_a_part_month_counts(example_data, write_vendor):
    # 10,000 EUR one day late: 10 % (a started month) = 1,000 EUR, or 10 % x 12 / 365 =
    # 32.88 EUR pro rata; 45 days late: 2 started months = 2,000 EUR, or 45 x 12 / 365 x 10 %
    # = 1,479.45 EUR
    v = build(write_vendor, per_month(example_data))
    [f] = rows(run(v), "late_penalty_part_month_unspecified")
    assert f["severity"] == "ambiguity"
    assert "paid 1 day late: 32.88 EUR under prorata" in f["explanation"]
    assert "1,000.00 EUR under started" in f["explanation"]
    assert "paid 45 days late: 1,479.45 EUR under prorata" in f["explanation"]
    assert "2,000.00 EUR under started" in f["explanation"]


def test_a_month_of_delay_the_file_reads_one_way(example_data, write_vendor):
    v = build(write_vendor, per_month(example_data, amb=False))
    assert rows(run(v), "late_penalty_part_month_unspecified") == []


# --- notice_term_day_unspecified ------------------------------------------------------------


def term_with_notice(amb=True):
    notice = {"applies_to": "12-month contracts", "source": src("16"),
              "rule": {"kind": "before_term", "months": 2, "counted_from": "term_end",
                       "form": "registered letter", "late_notice": "unstated"}}
    if amb:
        notice["ambiguity"] = ambiguity({"term_end": {}, "anniversary": {
            "rule": {"counted_from": "anniversary"}}}, default="anniversary")
    return {"duration": "fixed", "source": src("16"), "notice": [notice], "exit_charges": [],
            "initial_terms": [{"months": 12, "renewal": "tacit", "renewal_months": 12,
                               "source": src("16")}]}


def test_notice_before_the_term_without_the_day(example_data, write_vendor):
    # two months before 2025-12-31 is 2025-10-31; before the anniversary 2026-01-01, 2025-11-01
    example_data["term"] = term_with_notice()
    [f] = rows(run(build(write_vendor, example_data)), "notice_term_day_unspecified")
    assert "2025-10-31 under term_end" in f["explanation"]
    assert "2025-11-01 under anniversary" in f["explanation"]
    assert f["path"] == "term.notice[0].rule.counted_from"


def test_notice_before_the_term_read_one_way(example_data, write_vendor):
    example_data["term"] = term_with_notice(amb=False)
    assert rows(run(build(write_vendor, example_data)), "notice_term_day_unspecified") == []


# --- notice_tenure_boundary_unstated --------------------------------------------------------


def term_by_tenure(readings: dict[str, dict] | None):
    notice = {"applies_to": "termination by the client", "source": src("20"),
              "rule": {"kind": "tenure_based", "no_notice_under_months": 12, "base_months": 1,
                       "months_per_full_year": 1, "starts": "day_after_month_of_request",
                       "extends_commitment": True, "form": "registered letter"}}
    if readings:
        notice["ambiguity"] = ambiguity(readings, default=next(iter(readings)))
    return {"duration": "indefinite", "source": src("4"), "notice": [notice],
            "exit_charges": [], "initial_terms": []}


def test_a_tenure_notice_silent_on_exactly_one_year(example_data, write_vendor):
    # « moins d'un an »: no notice; « plus d'un an »: 1 + 1 month per full year. Subscribed
    # 2023-11-20, request on 2024-11-20 (exactly one year): as over a year, 1 + 1 = 2 months
    # from 2024-12-01 (the day after the month of the request), ending 2025-01-31; as under a
    # year, no notice, ending at the end of the month of the request, 2024-11-30
    example_data["term"] = term_by_tenure({"notice_due": {},
                                           "no_notice": {"rule": {"at_threshold": "no_notice"}}})
    [f] = rows(run(build(write_vendor, example_data)), "notice_tenure_boundary_unstated")
    assert f["severity"] == "ambiguity"
    assert f["path"] == "term.notice[0].rule.at_threshold"
    assert "says nothing of a tenure of exactly 12 months" in f["explanation"]
    assert ("on 2025-01-31 under notice_due (notice due, as over the boundary: 2 months from "
            "2024-12-01)") in f["explanation"]
    assert ("on 2024-11-30 under no_notice (no notice, as under the boundary: at the end of the "
            "month of the request)") in f["explanation"]
    assert f["explanation"].endswith("Default: notice_due.")


def test_a_tenure_notice_with_its_boundary_read_one_way(example_data, write_vendor):
    # one reading only, or readings that differ on something else (the base months): the
    # boundary is not in question
    example_data["term"] = term_by_tenure(None)
    assert rows(run(build(write_vendor, example_data)), "notice_tenure_boundary_unstated") == []
    example_data["term"] = term_by_tenure({"one": {}, "two": {"rule": {"base_months": 2}}})
    assert rows(run(build(write_vendor, example_data)), "notice_tenure_boundary_unstated") == []


# --- price_discretion_above_index -----------------------------------------------------------


def revision(above=True):
    return {"applies_to": ["module prices"], "kind": "index_with_margin", "index": "syntec",
            "months": [1], "day": 1, "new_index": "unstated", "base_index": "unstated",
            "cap_percent": 9, "above_index_allowed": above, "source": src("14")}


def test_a_vendor_margin_above_the_index(example_data, write_vendor):
    # 1,000 EUR on 2016-01-01, six yearly revisions to 2022-01-01 on the old Syntec index:
    # 1,093.17 EUR by the index (cgvlib.revise_price), 1,000 x 1.09^6 = 1,677.10 EUR at +9 %
    example_data["price_revision"] = [revision()]
    [f] = rows(run(build(write_vendor, example_data)), "price_discretion_above_index")
    assert f["severity"] == "risk"
    assert "1,093.17 EUR by the index (+9.32 %)" in f["explanation"]
    assert "up to 1,677.10 EUR (+67.71 %)" in f["explanation"]
    assert "583.93 EUR" in f["explanation"]
    assert "2016-01-01" in f["explanation"] and "2022-01-01" in f["explanation"]


def test_an_index_revision_without_margin(example_data, write_vendor):
    example_data["price_revision"] = [revision(above=False)]
    assert rows(run(build(write_vendor, example_data)), "price_discretion_above_index") == []


# --- jurisdiction ---------------------------------------------------------------------------


def court(**fields):
    base = {"applies_to": "all disputes", "law": "French law",
            "court": "Tribunal de commerce de Lyon", "chosen_by": "fixed", "source": src("9")}
    return [base | fields]


def test_a_court_chosen_by_the_vendor(example_data, write_vendor):
    example_data["jurisdiction"] = court(court=None, chosen_by="vendor")
    [f] = rows(run(build(write_vendor, example_data)), "court_chosen_by_one_party")
    assert f["severity"] == "risk"
    assert "Code de procédure civile art. 48" in f["rule"]


def test_a_court_that_does_not_exist(example_data, write_vendor):
    example_data["jurisdiction"] = court(
        court="Tribunal de commerce de Nulle-Part", court_exists=False,
        note="No tribunal de commerce sits there (Code de commerce annexe 7-1). More words.")
    [f] = rows(run(build(write_vendor, example_data)), "court_does_not_exist")
    assert "Tribunal de commerce de Nulle-Part, a court that does not exist" in f["explanation"]
    assert "(No tribunal de commerce sits there (Code de commerce annexe 7-1))" in (
        f["explanation"])


def test_a_tribunal_judiciaire_between_professionals(example_data, write_vendor):
    example_data["jurisdiction"] = court(court="Tribunal judiciaire de Dijon")
    [f] = rows(run(build(write_vendor, example_data)), "court_competence_depends_on_status")
    assert f["severity"] == "note"
    assert "L721-3" in f["rule"]


def test_a_fixed_commercial_court_that_exists_is_fine(example_data, write_vendor):
    for fields in ({}, {"court_exists": True}):
        example_data["jurisdiction"] = court(**fields)
        frame = run(build(write_vendor, example_data))
        for check_id in ("court_chosen_by_one_party", "court_does_not_exist",
                         "court_competence_depends_on_status"):
            assert rows(frame, check_id) == [], check_id
