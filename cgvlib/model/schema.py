"""The vendor file's JSON Schema, generated from the model.

``data/vendors/schema.json`` is this schema, written by ``python -m cgvlib.model.schema`` (a
maintainer command: the one write into ``data/`` the output guard lets through, by
:func:`cgvlib.output.write_vendor_schema`, which the command line never calls); a test fails
when the file is not current. Editors that read JSON Schema (VS Code with the YAML
extension, PyCharm) then validate a vendor file as it is typed: add
``# yaml-language-server: $schema=schema.json`` as the file's first line.
"""

from __future__ import annotations

import json
import sys

from cgvlib.model.vendor import Vendor
from cgvlib.output import VENDOR_SCHEMA, write_vendor_schema

SCHEMA_FILE = VENDOR_SCHEMA  # in data/vendors/


def vendor_json_schema() -> dict:
    schema = Vendor.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "cgvlib vendor file"
    return schema


def schema_text() -> str:
    return json.dumps(vendor_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    target = write_vendor_schema(schema_text())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
