"""Internal contradictions and drafting errors."""

from __future__ import annotations

from cgvlib.analysis.checks import NOT_COMPUTED
from cgvlib.analysis.checks.numbering import headings
from tests.analysis.checks_support import ambiguity, build, rows, run, src


def test_the_example_has_no_contradiction(example_data, write_vendor):
    frame = run(build(write_vendor, example_data))
    for check_id in ("ambiguous_clause", "formal_notice_contradiction",
                     "payment_term_stated_two_ways", "duration_units_disagree",
                     "obligation_on_wrong_party", "duplicate_article_number",
                     "reference_to_missing_article", "notice_tenure_boundary_unstated",
                     NOT_COMPUTED):
        assert rows(frame, check_id) == [], check_id


# --- ambiguous_clause -----------------------------------------------------------------------


def test_every_ambiguity_is_reported_with_its_readings(example_data, write_vendor):
    example_data["payment_terms"][0]["ambiguity"] = ambiguity(
        {"thirty": {}, "on_receipt": {"kind": "on_receipt", "days": None}}, default="thirty",
        note="« à réception, à trente jours »")
    [f] = rows(run(build(write_vendor, example_data)), "ambiguous_clause")
    assert f["severity"] == "ambiguity"
    assert f["family"] == "payment terms"
    assert f["path"] == "payment_terms[0]"
    assert f["explanation"].startswith("« à réception, à trente jours » Readings: thirty:")
    assert "Default: thirty" in f["explanation"]


# --- formal_notice_contradiction ------------------------------------------------------------


def test_formal_notice_both_required_and_not(example_data, write_vendor):
    example_data["late_payment"]["ambiguity"] = ambiguity(
        {"without_notice": {}, "after_notice": {"formal_notice": "required"}},
        default="after_notice")
    [f] = rows(run(build(write_vendor, example_data)), "formal_notice_contradiction")
    assert f["severity"] == "ambiguity"
    assert "formal notice required (after_notice)" in f["explanation"]
    assert "L441-10 II" in f["rule"]


def test_an_ambiguity_on_something_else_is_no_notice_contradiction(example_data, write_vendor):
    example_data["late_payment"]["ambiguity"] = ambiguity(
        {"invoice": {}, "delay": {"rate_fixed_at": "delay_start"}}, default="invoice")
    frame = run(build(write_vendor, example_data))
    assert rows(frame, "formal_notice_contradiction") == []
    assert len(rows(frame, "ambiguous_clause")) == 1


# --- payment_term_stated_two_ways -----------------------------------------------------------


def test_payment_term_stated_two_ways(example_data, write_vendor):
    # « payables à réception, dans les dix (10) jours »
    term = example_data["payment_terms"][0]
    term["days"] = 10
    term["ambiguity"] = ambiguity({"ten_days": {}, "on_receipt": {"kind": "on_receipt",
                                                                  "days": None}},
                                  default="ten_days")
    [f] = rows(run(build(write_vendor, example_data)), "payment_term_stated_two_ways")
    assert "ten_days: due 10 days after the invoice date" in f["explanation"]
    assert "on_receipt: due on receipt of the invoice" in f["explanation"]


def test_readings_with_the_same_due_date_are_not_two_terms(example_data, write_vendor):
    term = example_data["payment_terms"][0]
    term["ambiguity"] = ambiguity({"plain": {}, "debit": {"debit_day": 20}}, default="plain")
    assert rows(run(build(write_vendor, example_data)), "payment_term_stated_two_ways") == []


# --- duration_units_disagree ----------------------------------------------------------------


def overrun_fee(after, readings=None, default=None):
    fee = {"name": "surcharge", "kind": "recurring_surcharge", "percent": 5, "base": "quote",
           "per": "month", "after": after, "source": src()}
    if readings:
        fee["ambiguity"] = ambiguity(readings, default=default)
    return fee


def test_ninety_days_against_twelve_weeks(example_data, write_vendor):
    example_data["fees"] = [overrun_fee("90 calendar_days", {"days": {}, "weeks": {
        "after": "12 weeks"}}, "days")]
    [f] = rows(run(build(write_vendor, example_data)), "duration_units_disagree")
    assert f["path"] == "fees[0].after"
    assert f["family"] == "fees"
    assert "weeks: 12 weeks (84 days)" in f["explanation"]
    assert "disagree by 6 days" in f["explanation"]
    assert "more than 84 and at most 90 days" in f["explanation"]


def test_two_values_in_the_same_unit_are_not_a_unit_disagreement(example_data, write_vendor):
    example_data["fees"] = [overrun_fee("90 calendar_days", {"ninety": {}, "hundred": {
        "after": "100 calendar_days"}}, "ninety")]
    assert rows(run(build(write_vendor, example_data)), "duration_units_disagree") == []


# --- obligation_on_wrong_party --------------------------------------------------------------


def term_with_exit(payer):
    return {"duration": "per_order", "initial_terms": [], "notice": [], "source": src("7"),
            "exit_charges": [{"applies_to": "termination by the client", "kind": "work_done",
                              "payer": payer, "source": src("7 F")}]}


def test_exit_charge_put_on_the_vendor(example_data, write_vendor):
    example_data["term"] = term_with_exit("vendor")
    [f] = rows(run(build(write_vendor, example_data)), "obligation_on_wrong_party")
    assert f["severity"] == "risk"
    assert f["path"] == "term.exit_charges[0].payer"
    assert f["article"] == "7 F"


def test_exit_charge_on_the_client_is_fine(example_data, write_vendor):
    example_data["term"] = term_with_exit("client")
    assert rows(run(build(write_vendor, example_data)), "obligation_on_wrong_party") == []


# --- duplicate_article_number ---------------------------------------------------------------

TEXT = """CONDITIONS GÉNÉRALES
ARTICLE 5 : MODALITÉS DE PAIEMENT
5AB1– Règlement des factures
Les factures sont payables à trente (30) jours à compter de leur date d’émission.
5AB2– Acomptes financiers
Un acompte de 50 % est demandé.
5AB2– Surfacturation en cas de dépassement
Une facture supplémentaire de 5 % est établie chaque mois.
"""


def test_an_article_number_used_for_two_headings(example_data, write_vendor, tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "dup.txt").write_text(TEXT, encoding="utf-8")
    example_data["document"]["file"] = "dup.txt"
    example_data["fees"] = [{"name": "acompte", "kind": "deposit", "percent": 50,
                             "source": src("5AB2 (first heading of that number)")}]
    v = build(write_vendor, example_data)
    [f] = rows(run(v, texts_dir=texts), "duplicate_article_number")
    assert f["severity"] == "note"
    assert f["article"] == "5AB2"
    assert f["family"] == "fees"  # the family of the clause citing it
    assert f["path"] == "fees[0]"
    assert "line 5: « 5AB2– Acomptes financiers »" in f["explanation"]
    assert "line 7: « 5AB2– Surfacturation en cas de dépassement »" in f["explanation"]


def test_without_the_text_the_check_says_it_did_not_run(example_data, write_vendor, tmp_path):
    v = build(write_vendor, example_data)
    frame = run(v, texts_dir=tmp_path / "nowhere", checks=["duplicate_article_number"])
    assert rows(frame, "duplicate_article_number") == []
    [f] = rows(frame, NOT_COMPUTED)
    assert f["severity"] == "note"
    assert f["explanation"].startswith("duplicate_article_number not computed")


def test_headings_are_numbered_lines_with_a_capitalised_title():
    text = ("ARTICLE 1 : DISPOSITIONS\nArticle 4.1 : Frais\n14.5. Modalités de paiement\n"
            "1. CHAMP D’APPLICATION\n30 jours fin de mois\n3BA  Proposition commerciale\n"
            "2. Une phrase qui finit par un point.\n")
    assert [label for _, label, _ in headings(text)] == ["1", "4.1", "14.5", "1", "3BA"]


def test_an_annex_restarts_the_numbering():
    text = "1. Objet\n2. Prix\nANNEXE 1 – SLA\n1. Objet\n"
    labels = [label for _, label, _ in headings(text)]
    assert labels[:2] == ["1", "2"] and labels[2].endswith("/1")
