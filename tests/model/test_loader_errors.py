"""Bad vendor files: each kind of mistake gives one clear error naming the file, the line (when
the field exists in the file), the field path, what is wrong and what would be valid."""

from __future__ import annotations

import pytest

from cgvlib.errors import UnknownVendorError, VendorFileError
from cgvlib.model.loader import load_vendor, vendor
from tests.conftest import FIXTURES


def load(path):
    return load_vendor(path, texts_dir=FIXTURES)


def problems(path) -> str:
    with pytest.raises(VendorFileError) as info:
        load(path)
    message = str(info.value)
    assert str(path) in message  # every message names the file
    return message


def test_the_example_loads_and_its_quotes_are_verified(write_vendor, example_data):
    v = load(write_vendor(example_data))
    assert v.id == "exemple"
    assert v.quotes_verified is True
    assert len(v.citations()) == 4  # payment term, late payment, indemnity, jurisdiction


def test_missing_file_says_what_to_give(tmp_path):
    message = problems(tmp_path / "nowhere.yaml")
    assert "not found" in message and "teogest.yaml" in message


def test_invalid_yaml_gives_line_and_column(write_vendor):
    message = problems(write_vendor("id: exemple\nname: [unclosed\n"))
    assert "not valid YAML" in message and "line 3" in message


def test_top_level_must_be_a_mapping(write_vendor):
    message = problems(write_vendor("- just\n- a list\n"))
    assert "YAML mapping" in message


def test_missing_family_says_how_to_write_silence(write_vendor, example_data):
    del example_data["sla"]
    message = problems(write_vendor(example_data))
    assert "sla: missing field 'sla'" in message
    assert "{silent: true" in message


def test_unknown_field_lists_the_valid_fields(write_vendor, example_data):
    example_data["late_payment"]["colour"] = "red"
    message = problems(write_vendor(example_data))
    assert "late_payment.colour: unknown field 'colour'" in message
    assert "valid fields here: source, note, ambiguity, rule," in message


def test_unknown_rule_kind_lists_the_valid_kinds(write_vendor, example_data):
    example_data["late_payment"]["rule"] = {"kind": "legal_multiply", "multiple": 3}
    message = problems(write_vendor(example_data))
    assert "late_payment.rule: unknown kind 'legal_multiply'" in message
    assert "'legal_multiple'" in message and "'ecb_plus_points'" in message


def test_negative_rate_is_refused_with_its_line(write_vendor, example_data):
    example_data["late_payment"]["rule"] = {"kind": "legal_plus_points", "points": -3}
    path = write_vendor(example_data)
    message = problems(path)
    line = next(i for i, t in enumerate(path.read_text().splitlines(), 1) if "points: -3" in t)
    assert f"line {line}, late_payment.rule.points" in message
    assert "-3 % is negative: this percentage is 0 or more" in message


def test_wrong_type_is_refused(write_vendor, example_data):
    example_data["payment_terms"][0]["days"] = "thirty"
    message = problems(write_vendor(example_data))
    assert "payment_terms[0].days" in message and "valid integer" in message


def test_term_in_days_needs_its_days(write_vendor, example_data):
    del example_data["payment_terms"][0]["days"]
    message = problems(write_vendor(example_data))
    assert "kind 'days_after_invoice' needs 'days'" in message


def test_published_rate_rule_needs_rate_fixed_at(write_vendor, example_data):
    del example_data["late_payment"]["rate_fixed_at"]
    message = problems(write_vendor(example_data))
    assert "say when it is taken with rate_fixed_at" in message


def test_bad_duration_unit_lists_the_units(write_vendor, example_data):
    example_data["deadlines"] = [{
        "topic": "claims", "what": "claims", "party": "client", "limit": "within",
        "duration": "10 days", "from_event": "delivery",
        "source": {"article": "5", "quote": "Les factures sont payables"},
    }]
    message = problems(write_vendor(example_data))
    assert "deadlines[0].duration" in message
    assert "'jours_ouvres'" in message and "'calendar_days'" in message


def sla_block(tiers):
    cite = {"article": "5", "quote": "Les factures sont payables"}
    return {
        "availability_percent": 99.8, "hours": "24/7", "window": "month",
        "formula": "downtime / total time", "excluded_from_downtime": [],
        "excluded_from_total_time": [], "between_tiers": "upper_tier",
        "tiers": [{**t, "source": cite} for t in tiers],
        "cap": {"percent": 20, "source": cite}, "claim_within": "30 calendar_days",
        "claim_from": "end of month", "paid_as": "credit_note", "source": cite,
    }


def test_overlapping_credit_tiers_are_refused(write_vendor, example_data):
    example_data["sla"] = sla_block([
        {"from_percent": 0, "to_percent": 0.5, "credit_percent": 0},
        {"from_percent": 0.4, "to_percent": 1, "credit_percent": 5},
    ])
    message = problems(write_vendor(example_data))
    assert "sla" in message and "overlap" in message and "sorted and disjoint" in message


def test_tiers_with_a_gap_are_accepted_and_the_gap_is_kept(write_vendor, example_data):
    example_data["sla"] = sla_block([
        {"from_percent": 0, "to_percent": 0.2, "credit_percent": 0},
        {"from_percent": 0.21, "credit_percent": 5},
    ])
    v = load(write_vendor(example_data))
    assert [(str(a), str(b)) for a, b in v.sla.gaps()] == [("0.2", "0.21")]


def test_quote_not_in_the_text_is_refused_with_the_nearest_passage(write_vendor, example_data):
    example_data["late_payment"]["source"]["quote"] = "quatre fois le taux d'intérêt légal"
    message = problems(write_vendor(example_data))
    assert "late_payment.source.quote" in message and "quote not found in exemple.txt" in message


def test_quote_nearest_passage_helps_fix_a_typo(write_vendor, example_data):
    example_data["payment_terms"][0]["source"]["quote"] = (
        "Les factures sont payables à trente (30) jours a compter"
    )
    message = problems(write_vendor(example_data))
    nearest = 'the text nearest to it reads: "Les factures sont payables à trente (30) jours à'
    assert nearest in message


def test_quote_longer_than_200_characters_is_refused(write_vendor, example_data):
    example_data["recovery_indemnity"]["source"]["quote"] = "x" * 201
    message = problems(write_vendor(example_data))
    assert "recovery_indemnity.source.quote" in message and "at most 200 characters" in message


def test_id_must_match_the_file_name(write_vendor, example_data):
    message = problems(write_vendor(example_data, name="other.yaml"))
    assert "'exemple' differs from the file name" in message


def test_text_file_must_exist(write_vendor, example_data):
    example_data["document"]["file"] = "missing.txt"
    message = problems(write_vendor(example_data))
    assert "'missing.txt' is not in" in message and "exemple.txt" in message


def test_ambiguity_default_must_be_one_of_the_readings(write_vendor, example_data):
    example_data["late_payment"]["ambiguity"] = {
        "note": "two readings", "default": "c",
        "readings": [{"name": "a", "means": "as written"}, {"name": "b", "means": "other"}],
    }
    message = problems(write_vendor(example_data))
    assert "default 'c' is not one of the readings ['a', 'b']" in message


def test_an_invalid_reading_is_named(write_vendor, example_data):
    example_data["late_payment"]["ambiguity"] = {
        "note": "two readings", "default": "a",
        "readings": [{"name": "a", "means": "as written"},
                     {"name": "b", "means": "other", "set": {"rate_fixed_at": "yesterday"}}],
    }
    message = problems(write_vendor(example_data))
    assert "reading 'b' gives an invalid clause: rate_fixed_at" in message


def test_every_problem_is_reported_at_once(write_vendor, example_data):
    del example_data["sla"]
    example_data["late_payment"]["rule"]["multiple"] = -1
    with pytest.raises(VendorFileError) as info:
        load(write_vendor(example_data))
    assert len(info.value.problems) == 2


def test_unknown_vendor_lists_the_known_ones():
    with pytest.raises(UnknownVendorError) as info:
        vendor("nobody")
    assert "unknown vendor 'nobody'; known vendors:" in str(info.value)
