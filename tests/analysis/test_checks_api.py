"""check / check_all / findings_summary / list_checks: columns, options, errors, genericity."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cgvlib.analysis import checks as checks_package
from cgvlib.analysis.checks import (
    COLUMNS,
    NOT_COMPUTED,
    REGISTRY,
    SEVERITIES,
    check,
    check_all,
    findings_summary,
    list_checks,
)
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.model.loader import load_vendor, vendor
from tests.analysis.checks_support import build, run
from tests.conftest import ROOT

CHECKS_DIR = Path(checks_package.__file__).parent


def test_columns_and_severity_order(example_data, write_vendor):
    frame = run(build(write_vendor, example_data))
    assert list(frame.columns) == COLUMNS
    assert list(frame["severity"].cat.categories) == list(SEVERITIES)
    assert frame["vendor"].unique().tolist() == ["EXEMPLE SARL"]


def test_a_vendor_by_id_and_a_subset_of_checks():
    frame = check("leappy", checks=["late_rate_below_floor", "stated_rate_wrong"])
    assert frame["id"].tolist() == ["late_rate_below_floor", "stated_rate_wrong"]
    with pytest.raises(InputError, match="unknown check"):
        check("leappy", checks=["no_such_check"])


def test_a_date_past_the_reference_data_is_refused():
    with pytest.raises(OutOfCoverageError):
        check("leappy", at="2031-01-01")


def test_a_check_that_cannot_compute_says_so(example_data, write_vendor):
    # the arithmetic takes a due date: a delay that runs from performance cannot be computed
    example_data["late_payment"]["delay_starts"] = {"after": "performance", "days": 30}
    frame = run(build(write_vendor, example_data), checks=["late_penalty_manifestly_excessive"])
    [row] = frame.to_dict("records")
    assert row["id"] == NOT_COMPUTED
    assert row["severity"] == "note"
    assert row["explanation"].startswith("late_penalty_manifestly_excessive not computed:")


def test_summary_of_no_findings_and_of_some():
    empty = findings_summary(pd.DataFrame(columns=COLUMNS))
    assert list(empty.columns) == [*SEVERITIES, "total"] and empty.empty
    frame = check_all(["leappy", "iosmart"], checks=["late_rate_below_floor"])
    summary = findings_summary(frame)
    assert summary.to_dict("index") == {
        "Leappy SAS": {"breach": 1, "risk": 0, "ambiguity": 0, "note": 0, "total": 1}}


def test_every_check_is_listed_with_its_rule_and_a_docstring():
    listed = list_checks()
    assert set(listed["id"]) == set(REGISTRY)
    for spec in REGISTRY.values():
        assert spec.rule, spec.id
        doc = inspect.getdoc(spec.function)
        assert doc and len(doc.splitlines()) > 2, f"{spec.id}: document the rule it implements"
        assert spec.function.__name__ == spec.id


def test_every_check_has_tests():
    sources = "".join(p.read_text(encoding="utf-8")
                      for p in (ROOT / "tests" / "analysis").glob("test_checks_*.py"))
    untested = [i for i in REGISTRY if f'"{i}"' not in sources]
    assert untested == []


def test_the_checks_never_name_a_vendor():
    names = {"janquor", "iosmart", "teogest", "easyteo", "leappy", "gout", "montreuil", "dijon",
             "meaux"}
    for path in CHECKS_DIR.glob("*.py"):
        code = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        code = re.sub(r'"""[\s\S]*?"""', "", code)  # docstrings may cite the texts
        found = [n for n in names if re.search(rf"\b{n}\b", code, re.IGNORECASE)]
        assert found == [], f"{path.name} names {found}"


def test_a_renamed_vendor_gets_the_same_findings(tmp_path):
    # the checks read the model's fields, never the vendor's id or name
    data = yaml.safe_load((ROOT / "data" / "vendors" / "teogest.yaml").read_text("utf-8"))
    data["id"], data["name"] = "autre", "AUTRE SAS"
    path = tmp_path / "autre.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    other = load_vendor(path, verify_quotes=False)
    original = vendor("teogest")
    peers = [vendor(v) for v in ("janquor", "iosmart", "leappy", "gout")]
    a = check(original, peers=[*peers, original]).drop(columns="vendor")
    b = check(other, peers=[*peers, other]).drop(columns="vendor")
    pd.testing.assert_frame_equal(a, b)
