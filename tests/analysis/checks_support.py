"""Small vendor files for the checks' tests, built from the minimal example file.

``build(write_vendor, data)`` writes a vendor dict and loads it without verifying quotes (the
tests add clauses whose words are not in ``tests/fixtures/exemple.txt``); ``run(vendor)``
checks it alone (no peers), with the fixtures as the texts' folder.
"""

from __future__ import annotations

import copy

from cgvlib.analysis.checks import check
from cgvlib.model.loader import load_vendor
from tests.conftest import FIXTURES

SRC = {"article": "5", "quote": "a quote of the test file"}


def src(article: str = "5", quote: str = "a quote of the test file") -> dict:
    return {"article": article, "quote": quote}


def build(write_vendor, data: dict, name: str = "exemple.yaml", *, verify: bool = False):
    """Write ``data`` (its id matching ``name``) and load it."""
    data = copy.deepcopy(data)
    data["id"] = name.removesuffix(".yaml")
    return load_vendor(write_vendor(data, name), texts_dir=FIXTURES, verify_quotes=verify)


def run(vendor, *, at=None, peers=(), checks=None, texts_dir=FIXTURES):
    return check(vendor, at=at, peers=list(peers), checks=checks, texts_dir=texts_dir)


def rows(frame, check_id: str):
    """The findings of one check, as a list of dicts."""
    return frame[frame["id"] == check_id].to_dict("records")


def ambiguity(readings: dict[str, dict], default: str, note: str = "the text reads two ways"):
    return {"note": note, "default": default,
            "readings": [{"name": n, "means": f"reading {n}", "set": s}
                         for n, s in readings.items()]}
