"""An analyst's own ledger: read an accounting export (CSV, .xlsx, Parquet or a DataFrame) and
compute what each vendor could claim for late payment, every row accepted or rejected with its
reason.

>>> from cgvlib.ledger import read_ledger, ledger_claims
>>> result = ledger_claims(read_ledger("notebooks/examples/ledger_exemple.csv"),
...                        as_of="2026-06-30")  # doctest: +SKIP

The names are imported when first used, so that the command line reads its arguments
(:mod:`cgvlib.ledger.arguments`) without loading the arithmetic.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "read_ledger": "cgvlib.ledger.read",
    "Ledger": "cgvlib.ledger.read",
    "ledger_claims": "cgvlib.ledger.claims",
    "LedgerResult": "cgvlib.ledger.result",
    "VendorReading": "cgvlib.ledger.result",
}

__all__ = ["Ledger", "LedgerResult", "VendorReading", "ledger_claims", "read_ledger"]


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'cgvlib.ledger' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
