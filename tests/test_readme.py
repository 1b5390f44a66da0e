"""The README's two commands and the vendor-file README's example stay true."""

from __future__ import annotations

import re

import yaml

from cgvlib.model.loader import load_vendor
from tests.conftest import EXAMPLE_FILE, FIXTURES, ROOT


def test_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_ci_runs_the_readme_test_command():
    """.ci/run ends with the README's test command; what comes before only prepares the
    machine (it installs the browser the browser tests drive) and runs no test itself."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    readme_commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    script = (ROOT / ".ci" / "run").read_text()
    lines = [ln.strip() for ln in script.splitlines() if ln.strip() and not
             ln.lstrip().startswith("#")]
    assert "make test" in readme_commands
    assert lines[-1] == "make test"
    assert not [ln for ln in lines[:-1] if re.search(r"\b(make|pytest|python3?|ruff)\b", ln)]


def test_vendor_readme_example_is_the_example_file_and_loads(write_vendor):
    readme = (ROOT / "data" / "vendors" / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## The minimal example.*?```yaml\n(.*?)```", readme, re.S).group(1)
    assert yaml.safe_load(block) == yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))
    vendor = load_vendor(write_vendor(block), texts_dir=FIXTURES)
    assert vendor.name == "EXEMPLE SARL" and vendor.quotes_verified


def test_readme_report_parameters_example_is_accepted():
    from cgvlib.report.batch import plan

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Reports.*?```yaml\n(.*?)```", readme, re.S).group(1)
    runs = {r.name: r.parameters for r in plan(None, parameters=yaml.safe_load(block))}
    assert runs["gout"]["contract_start"] == "2023-04-01"
    assert runs["teogest"] == {"invoice_amount": 25000, "due": "2024-06-30",
                               "paid": "2024-09-02", "vendors": ["teogest"]}
