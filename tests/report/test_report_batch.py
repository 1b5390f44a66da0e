"""Report batches through papermill: a batch that succeeds for one vendor and fails for
another on a bad parameter, from the command line with a YAML file of parameters; outputs kept
unless forced; a failed run never damages an earlier report. Parameter names are checked
before anything runs."""

from __future__ import annotations

import datetime as dt

import nbformat
import pytest

from cgvlib.cli import main
from cgvlib.errors import InputError, UnknownVendorError
from cgvlib.report.batch import parse_cli_value, plan, run
from tests.conftest import ROOT

NB = "\u00a0"

PARAMETERS_YAML = """\
# dates as YAML dates (unquoted) and as strings
due: 2024-03-01
paid: "2024-04-15"
invoice_amount: 10000
per_vendor:
  leappy:
    paid: 2024-02-01   # before the due date: this run fails, the other goes on
"""


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """`python -m cgvlib report --vendor teogest --vendor leappy -f params.yaml -p lang en`."""
    folder = tmp_path_factory.mktemp("batch")
    params = folder / "params.yaml"
    params.write_text(PARAMETERS_YAML, encoding="utf-8")
    out = folder / "reports"
    status = main(["report", "--vendor", "teogest", "--vendor", "leappy", "--out", str(out),
                   "-f", str(params), "-p", "lang", "en", "--quiet"])
    return status, out


def test_the_batch_ends_non_zero_when_a_run_failed(batch, capsys):
    status, _ = batch
    assert status == 1


def test_the_good_run_wrote_its_notebook_and_html(batch):
    _, out = batch
    assert sorted(p.name for p in out.iterdir()) == [  # English: the language in the names
        "leappy.en.failed.ipynb", "teogest.en.html", "teogest.en.ipynb"]
    page = (out / "teogest.en.html").read_text(encoding="utf-8")
    # Teogest art. 14.6 (default reading): 10,000 EUR due 2024-03-01 paid 2024-04-15, delay
    # from day 31 (2024-04-01), 15 days at 5.07 % + 3 = 8.07 %: 33.16 + 40.00 = 73.16 EUR.
    assert "€73.16" in page  # Babel's English format
    assert "Late payment" in page and "Retard de paiement" not in page  # -p lang en
    assert "15 April 2024" in page
    # no code, no prompts, no notes to the template's readers
    assert "report.late_payment_table()" not in page
    assert "prepare(" not in page
    assert "Vendor report (template)" not in page
    executed = nbformat.read(out / "teogest.en.ipynb", as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert 'vendors = ["teogest"]' in injected[0].source
    assert 'lang = "en"' in injected[0].source
    assert 'due = "2024-03-01"' in injected[0].source  # a YAML date, passed as its ISO text


def test_the_failed_run_names_its_cell_and_why(batch, capsys):
    _, out = batch
    failed = nbformat.read(out / "leappy.en.failed.ipynb", as_version=4)
    errors = [c for c in failed.cells if any(o.get("output_type") == "error"
                                             for o in c.get("outputs", []))]
    assert len(errors) == 1 and errors[0].source.startswith("report = prepare(")
    assert not (out / "leappy.en.html").exists()


def test_the_summary_says_what_failed(tmp_path, capsys):
    batch = run(["leappy"], out=tmp_path, progress=False,
                parameters={"paid": dt.date(2024, 2, 1)})
    assert not batch.ok
    (outcome,) = batch.failed
    assert outcome.error.startswith("cell ")
    assert "`report = prepare( …`: InputError: paid: 2024-02-01 is before due 2024-03-01" \
        in outcome.error
    assert "FAILED  leappy: cell" in batch.summary()
    assert "0 of 1 report(s) written" in batch.summary()


def test_existing_reports_are_kept_unless_forced(batch):
    _, out = batch
    before = (out / "teogest.en.html").stat().st_mtime_ns
    with pytest.raises(InputError, match=r"these reports exist and are kept: "
                                         r".*teogest\.en\.ipynb, .*teogest\.en\.html; pass "
                                         r"--force"):
        run(["teogest"], out=out, progress=False, parameters={"lang": "en"})
    assert main(["report", "--vendor", "teogest", "--out", str(out), "-p", "lang", "en",
                 "--quiet"]) == 2
    assert (out / "teogest.en.html").stat().st_mtime_ns == before


def test_a_forced_run_that_fails_leaves_the_earlier_report(batch):
    _, out = batch
    before = (out / "teogest.en.html").read_bytes()
    result = run(["teogest"], out=out, force=True, progress=False,
                 parameters={"unavailability_percent": 150, "lang": "en"})
    assert "unavailability_percent: 150% is outside 0..100" in result.failed[0].error
    assert (out / "teogest.en.html").read_bytes() == before
    assert (out / "teogest.en.failed.ipynb").exists()


# --------------------------------------------------------------------------- before running


def test_parameter_names_are_checked_before_anything_runs(tmp_path):
    with pytest.raises(InputError, match=r"unknown parameter 'amout' \(did you mean "
                                         r"'invoice_amount' or 'monthly_amount'\?\); the report "
                                         r"takes: lang, invoice_amount"):
        run(["teogest"], out=tmp_path, parameters={"amout": 3})
    with pytest.raises(InputError, match="'vendors' is set by the batch"):
        plan(["teogest"], parameters={"vendors": ["gout"]})
    with pytest.raises(InputError, match="per_vendor: 'gout' is not among this batch's vendors"):
        plan(["teogest"], parameters={"per_vendor": {"gout": {"lang": "en"}}})
    with pytest.raises(UnknownVendorError, match="unknown vendor 'teogst'; known vendors: gout, "):
        plan(["teogst"])
    assert list(tmp_path.iterdir()) == []


def test_runs_one_per_vendor_or_together():
    runs = plan(["teogest", "gout"], parameters={
        "due": dt.date(2024, 3, 1), "per_vendor": {"gout": {"commitment_months": 12}}})
    assert [(r.name, r.parameters) for r in runs] == [
        ("teogest", {"due": "2024-03-01", "vendors": ["teogest"]}),
        ("gout", {"due": "2024-03-01", "commitment_months": 12, "vendors": ["gout"]}),
    ]
    (together,) = plan(["teogest", "gout"], together=True)
    assert (together.name, together.parameters) == ("vendors", {"vendors": ["teogest", "gout"]})
    everyone = [r.name for r in plan(None)]
    assert everyone == ["gout", "iosmart", "janquor", "leappy", "teogest"]


def test_reports_never_go_into_data_or_notebooks():
    for folder in ("notebooks", "data/reports"):
        with pytest.raises(InputError, match=rf"{ROOT / folder}: refused, this is inside "
                                             rf"{ROOT / folder.split('/')[0]}, the project's"):
            run(["teogest"], out=ROOT / folder, force=True)
    assert not (ROOT / "data" / "reports").exists()


def test_command_line_values_are_read_as_yaml():
    assert parse_cli_value("12") == 12
    assert parse_cli_value("{gout: 12}") == {"gout": 12}
    assert parse_cli_value("2024-03-01") == dt.date(2024, 3, 1)
    assert parse_cli_value("en") == "en"
    assert parse_cli_value("null") is None


def test_the_command_needs_vendors(capsys):
    assert main(["report", "--out", "x"]) == 2
    assert "give --vendor ID (repeatable) or --all" in capsys.readouterr().err


def test_reports_run_in_this_python_whatever_jupyter_has_registered(tmp_path, monkeypatch):
    # A "python3" kernel registered for another Python (here one that does not exist) comes
    # first in JUPYTER_PATH; the report still runs in the Python running cgvlib.
    kernels = tmp_path / "jupyter" / "kernels" / "python3"
    kernels.mkdir(parents=True)
    (kernels / "kernel.json").write_text(
        '{"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", '
        '"{connection_file}"], "display_name": "elsewhere", "language": "python"}')
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    batch = run(["iosmart"], out=tmp_path / "reports", progress=False)
    assert batch.ok, batch.summary()
    assert (tmp_path / "reports" / "iosmart.html").exists()


def test_a_hung_cell_fails_its_run_and_the_batch_goes_on(tmp_path, monkeypatch):
    import cgvlib.report.batch as batch_module

    template = tmp_path / "slow.ipynb"
    slow = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("vendors = []", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("import time\nif vendors == ['gout']:\n    time.sleep(60)"),
    ])
    slow.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                   "language": "python"}
    nbformat.write(slow, template)
    monkeypatch.setattr(batch_module, "CELL_TIMEOUT", 3)
    batch = run(["gout", "teogest"], out=tmp_path / "out", template=template, progress=False)
    assert [o.ok for o in batch.outcomes] == [False, True]
    assert batch.failed[0].error == ("CellTimeoutError: A cell timed out while it was being "
                                     "executed, after 3 seconds.")
    assert (tmp_path / "out" / "gout.failed.ipynb").exists()
