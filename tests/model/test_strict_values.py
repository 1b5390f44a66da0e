"""Strict values in the model (cgvlib.model.base): a boolean is never an amount, a count, a
percentage or a duration; a yes/no field takes only true or false; percentages stay within
their bounds (a share 0..100, a rate 0..1000). Each refusal names the line and the field."""

from __future__ import annotations

import types
import typing
from decimal import Decimal

import pytest
from pydantic import BaseModel

from cgvlib.errors import VendorFileError
from cgvlib.model.base import Duration
from cgvlib.model.loader import load_vendor
from cgvlib.model.vendor import Vendor
from tests.conftest import FIXTURES

BOOLEAN = ("expected a number, got the boolean true; write a figure such as 30 (true and false "
           "are only for yes/no fields)")
SOURCE = {"article": "5", "quote": "Les factures sont payables"}


def problem(write_vendor, data, written: str | None = None) -> str:
    """The one problem of the file; with ``written``, its line must be the line holding it."""
    path = write_vendor(data)
    with pytest.raises(VendorFileError) as info:
        load_vendor(path, texts_dir=FIXTURES, verify_quotes=False)
    message = str(info.value)
    assert message.startswith(f"{path}: 1 problem(s) in this vendor file\n  - line ")
    if written is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        line = next(i for i, t in enumerate(lines, 1) if written in t)
        assert message.split("\n  - ", 1)[1].startswith(f"line {line}, ")
    return message.split("\n  - ", 1)[1].split(", ", 1)[1]


def test_boolean_as_an_amount(write_vendor, example_data):
    example_data["recovery_indemnity"]["amount"] = True
    assert problem(write_vendor, example_data, "amount: true") == (
        f"recovery_indemnity.amount: {BOOLEAN}")


def test_boolean_as_a_count(write_vendor, example_data):
    example_data["payment_terms"][0]["days"] = True
    assert problem(write_vendor, example_data, "days: true") == (
        f"payment_terms[0].days: {BOOLEAN}")


def test_boolean_as_a_multiple_and_in_a_list_of_months(write_vendor, example_data):
    example_data["late_payment"]["rule"]["multiple"] = True
    assert problem(write_vendor, example_data).endswith(
        f"late_payment.rule.multiple: {BOOLEAN}")


def test_boolean_as_a_duration(write_vendor, example_data):
    example_data["force_majeure"] = {
        "legal_basis": "unstated", "notify": "promptly", "source": SOURCE,
        "notify_within": {"value": True, "unit": "calendar_days"}}
    assert problem(write_vendor, example_data).endswith(
        f"force_majeure.notify_within.value: {BOOLEAN}")


def test_a_flag_takes_only_true_or_false(write_vendor, example_data):
    example_data["late_payment"]["whole_debt_due"] = "yes"  # quoted: text, not a flag
    assert problem(write_vendor, example_data, "whole_debt_due: 'yes'") == (
        "late_payment.whole_debt_due: input should be a valid boolean (got 'yes')")


def test_a_share_above_100_is_refused(write_vendor, example_data):
    example_data["cancellation"] = [{
        "applies_to": "sessions", "of": "the quote", "source": SOURCE,
        "tiers": [{"less_than": "2 calendar_days", "fee_percent": 120, "source": SOURCE}]}]
    assert problem(write_vendor, example_data).endswith(
        "cancellation[0].tiers[0].fee_percent: 120 % is outside 0 to 100: this percentage is a "
        "share of a whole (100 % is all of it)")


def test_a_negative_share_is_refused(write_vendor, example_data):
    example_data["fees"] = [{"name": "acompte", "kind": "deposit", "percent": -5,
                             "source": SOURCE}]
    assert problem(write_vendor, example_data).endswith(
        "fees[0].percent: -5 % is negative: this percentage is 0 or more")


def test_a_deposit_above_100_percent_is_refused_a_surcharge_is_not(write_vendor, example_data):
    example_data["fees"] = [{"name": "acompte", "kind": "deposit", "percent": 150,
                             "source": SOURCE}]
    assert problem(write_vendor, example_data, "percent: 150") == (
        "fees[0].percent: 150 % is above 100 %: the percent of a deposit fee is a share "
        "of its base (100 % is all of it)")
    example_data["fees"] = [{"name": "urgence", "kind": "surcharge", "percent": 150,
                             "when": "urgent", "source": SOURCE}]
    vendor = load_vendor(write_vendor(example_data), texts_dir=FIXTURES, verify_quotes=False)
    assert vendor.fees[0].percent == Decimal(150)


def test_a_negative_rate_and_a_rate_above_1000_are_refused(write_vendor, example_data):
    example_data["late_payment"]["rule"] = {"kind": "percent_per_month", "percent": 1500,
                                            "months": "started"}
    del example_data["late_payment"]["rate_fixed_at"]
    assert problem(write_vendor, example_data).endswith(
        "late_payment.rule.percent: 1500 % is above 1000 %: check the decimal point (15.21 means "
        "15.21 %)")


def test_availability_above_100_percent_is_refused():
    from cgvlib.model.sla import CreditCap

    with pytest.raises(ValueError, match=r"100\.5 % is outside 0 to 100"):
        CreditCap(percent=Decimal("100.5"), source=SOURCE)


def _numbers(annotation) -> list[type]:
    """The number types an annotation takes (through Optional, unions, lists, Annotated)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _numbers(typing.get_args(annotation)[0]) and [annotation]
    if origin in (list, tuple, typing.Union, types.UnionType):
        return [t for a in typing.get_args(annotation) for t in _numbers(a)]
    return [annotation] if annotation in (int, Decimal, float) else []


def _models(model=Vendor, seen=None):
    seen = set() if seen is None else seen
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            t = stack.pop()
            if isinstance(t, type) and issubclass(t, BaseModel):
                _models(t, seen)
            stack += list(typing.get_args(t))
    return seen


def test_no_number_field_of_any_model_takes_a_boolean():
    """Guards future fields: every int, Decimal and float field of every model refuses True."""
    checked = 0
    for model in _models():
        for name, field in model.model_fields.items():
            if not _numbers(field.annotation):
                continue
            checked += 1
            with pytest.raises(ValueError) as info:
                model.__pydantic_validator__.validate_assignment(
                    model.model_construct(), name, True)
            errors = info.value.errors()
            assert any(e["loc"][:1] == (name,) and e["input"] is True for e in errors), name
    assert checked > 30
    assert Duration(value=Decimal(2), unit="months").value == 2
