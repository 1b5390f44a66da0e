"""The published JSON Schema of vendor files is the one the model generates."""

from __future__ import annotations

import jsonschema
import yaml

from cgvlib.model.schema import SCHEMA_FILE, schema_text, vendor_json_schema
from tests.conftest import EXAMPLE_FILE, ROOT


def test_schema_file_is_current():
    on_disk = (ROOT / "data" / "vendors" / SCHEMA_FILE).read_text(encoding="utf-8")
    assert on_disk == schema_text(), "run: python -m cgvlib.model.schema"


def test_example_file_validates_against_the_schema():
    data = yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))
    jsonschema.validate(data, vendor_json_schema())


def test_schema_rejects_an_unknown_rule_kind():
    data = yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))
    data["late_payment"]["rule"]["kind"] = "legal_multiply"
    validator = jsonschema.Draft202012Validator(vendor_json_schema())
    assert list(validator.iter_errors(data))
