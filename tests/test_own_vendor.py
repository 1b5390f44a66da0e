"""An analyst's own (sixth) vendor, end to end: its text beside its YAML file verifies its
quotes with no setting; it is added to the five built-in vendors by ``compare --file``,
``report --file``, ``export --file`` and the apps; and nothing the analyst sets (an own file with
a built-in's id or name, ``CGVLIB_TEXTS`` naming another folder) breaks the built-in vendors.

The own vendor is ``tests/fixtures/atelier/``: ``atelier.yaml`` and its text ``atelier.txt``
beside it (a fictional workshop: 30 days net, 3x the legal rate in force on the invoice date,
40 EUR indemnity, 12-month terms renewed tacitly, notice 2 months before the term's last day).
"""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import cgvlib
from cgvlib.cli import main
from cgvlib.errors import InputError, OutputError, VendorFileError
from cgvlib.model.loader import load_vendor, own_vendor
from cgvlib.model.starter import copy_example, fill_header
from tests.conftest import ROOT

ATELIER = ROOT / "tests" / "fixtures" / "atelier"
BUILT_IN_NAMES = ["Michaël GOUT", "ioSmart", "JANQUOR", "Leappy SAS", "Teogest"]  # by file id
ATELIER_NAME = "ATELIER MARTIN SARL"
TEOGEST_TEXT = "002_e3b3096ff3294ba6.txt"

# The scenario worked out by hand from atelier.yaml (art. 6: "trois fois le taux d'intérêt
# légal, en vigueur au jour de la facturation"): invoice of 10,000 EUR dated 2024-01-31, due
# 2024-03-01 (30 days), paid 2024-04-15. Legal rate for professionals, 2024-S1: 5.07 %, so
# 3 x 5.07 = 15.21 %. Days late: 2024-03-02..2024-04-15 = 30 (March) + 15 (April) = 45.
# Interest: 1,000,000 cents x 1521 bp x 45 / (365 x 10,000) = 18,752.05 cents -> 187.52 EUR;
# with the 40 EUR indemnity: 227.52 EUR.
SCENARIO = {"amount": 10_000, "due": "2024-03-01", "paid": "2024-04-15",
            "invoice_date": "2024-01-31"}
INTEREST, TOTAL = Decimal("187.52"), Decimal("227.52")


@pytest.fixture
def atelier(tmp_path) -> Path:
    """A copy of the own vendor's file and its text, in a fresh folder."""
    folder = tmp_path / "mine"
    shutil.copytree(ATELIER, folder)
    return folder / "atelier.yaml"


def own_copy(folder: Path, vendor_id: str, name: str) -> Path:
    """The atelier file under another id and name, its text beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ATELIER / "atelier.txt", folder / "atelier.txt")
    text = (ATELIER / "atelier.yaml").read_text(encoding="utf-8")
    text = text.replace("id: atelier", f"id: {vendor_id}").replace(ATELIER_NAME, name)
    (folder / f"{vendor_id}.yaml").write_text(text, encoding="utf-8")
    return folder / f"{vendor_id}.yaml"


# --------------------------------------------------------------------------- its text


def test_the_text_beside_the_file_verifies_the_quotes_with_no_setting(atelier, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setenv("CGVLIB_TEXTS", str(tmp_path / "nowhere"))
    vendor = load_vendor(atelier)
    assert vendor.quotes_verified is True
    assert vendor.name == ATELIER_NAME


def test_a_misquote_is_checked_against_the_text_beside_the_file(atelier):
    text = atelier.read_text(encoding="utf-8")
    atelier.write_text(text.replace("Tribunal de commerce de Nantes.\"",
                                    "Tribunal de commerce de Rennes.\""), encoding="utf-8")
    with pytest.raises(VendorFileError) as info:
        load_vendor(atelier)
    assert "jurisdiction[0].source.quote: quote not found in atelier.txt" in str(info.value)


def test_an_own_file_whose_text_is_nowhere_says_where_it_was_looked_for(atelier):
    (atelier.parent / "atelier.txt").unlink()
    with pytest.raises(VendorFileError) as info:
        load_vendor(atelier)
    assert (f"document.file: 'atelier.txt' is not in {atelier.parent} (beside this file)"
            in str(info.value))
    assert "put the vendor's text beside this file" in str(info.value)


# --------------------------------------------------------------------------- built-ins are safe


def test_an_own_file_with_a_built_in_id_is_refused(tmp_path):
    path = own_copy(tmp_path / "clash", "teogest", ATELIER_NAME)
    with pytest.raises(InputError) as info:
        own_vendor(path)
    assert str(info.value) == (
        f"{path}: id 'teogest' is already a built-in vendor's "
        f"({ROOT / 'data' / 'vendors' / 'teogest.yaml'}); an own vendor cannot replace one: "
        "give your file another id (and name the file after it), such as teogest_own")
    assert cgvlib.vendor("teogest").name == "Teogest"  # the built-in one, untouched
    assert Path(cgvlib.vendor("teogest").origin) == ROOT / "data" / "vendors" / "teogest.yaml"


def test_an_own_file_with_a_built_in_name_is_refused(tmp_path):
    path = own_copy(tmp_path / "clash", "teogest_bis", "Teogest")
    with pytest.raises(InputError, match="name 'Teogest' is already the built-in vendor "
                                         "teogest's; give your vendor another name"):
        own_vendor(path)


def test_a_built_in_file_given_by_its_path_is_that_vendor():
    builtin = own_vendor(ROOT / "data" / "vendors" / "teogest.yaml")
    assert builtin.id == "teogest" and builtin.name == "Teogest"


def test_the_command_line_refuses_a_clash_in_one_message(tmp_path, capsys):
    path = own_copy(tmp_path / "clash", "gout", ATELIER_NAME)
    assert main(["compare", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cgvlib: {path}: id 'gout' is already a built-in vendor's")


def test_texts_elsewhere_do_not_break_the_built_in_vendors(tmp_path, monkeypatch,
                                                            texts_present):
    # CGVLIB_TEXTS names a folder of one's own texts, holding a different file under the
    # name of Teogest's text: Teogest's pinned sha256 picks its own text in ../shared/cgv
    own_texts = tmp_path / "my_texts"
    own_texts.mkdir()
    (own_texts / "atelier.txt").write_bytes((ATELIER / "atelier.txt").read_bytes())
    (own_texts / TEOGEST_TEXT).write_text("Article 1 – rien\n", encoding="utf-8")
    monkeypatch.setenv("CGVLIB_TEXTS", str(own_texts))
    for vendor in cgvlib.vendors():
        assert vendor.quotes_verified, vendor.id
    assert [v.name for v in cgvlib.vendors()] == BUILT_IN_NAMES


def test_a_built_in_vendor_without_its_text_loads_unverified(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    vendor = load_vendor(ROOT / "data" / "vendors" / "teogest.yaml", texts_dir=empty)
    assert vendor.name == "Teogest" and vendor.quotes_verified is False


# --------------------------------------------------------------------------- the figure


def test_its_late_payment_worked_out_by_hand(atelier):
    result = cgvlib.late_payment(cgvlib.vendor(atelier), **SCENARIO)
    assert (result.interest, result.total) == (INTEREST, TOTAL)
    # once added, its id names it
    assert cgvlib.late_payment("atelier", **SCENARIO).total == TOTAL


# --------------------------------------------------------------------------- compare --file


def read_csv_header(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return next(csv.reader(handle))


def test_compare_file_adds_it_to_the_five(atelier, tmp_path, capsys):
    out = tmp_path / "table.csv"
    assert main(["compare", "--file", str(atelier), "--csv", str(out)]) == 0
    assert read_csv_header(out) == ["family", "item", *BUILT_IN_NAMES, ATELIER_NAME]


def test_compare_only_shows_it_alone(atelier, tmp_path, capsys):
    out = tmp_path / "alone.csv"
    assert main(["compare", "--file", str(atelier), "--only", "--csv", str(out)]) == 0
    assert read_csv_header(out) == ["family", "item", ATELIER_NAME]
    out = tmp_path / "two.csv"
    assert main(["compare", "--file", str(atelier), "--vendor", "teogest", "--csv",
                 str(out)]) == 0
    assert read_csv_header(out) == ["family", "item", "Teogest", ATELIER_NAME]


def test_compare_only_needs_vendors(capsys):
    assert main(["compare", "--only"]) == 2
    assert "--only: give the vendors to show alone" in capsys.readouterr().err


# --------------------------------------------------------------------------- export --file


def test_export_file_writes_its_rows_and_its_deadlines(atelier, tmp_path, capsys):
    from openpyxl import load_workbook

    xlsx, ics = tmp_path / "new" / "terms.xlsx", tmp_path / "new" / "deadlines.ics"
    assert main(["export", "--file", str(atelier), "--xlsx", str(xlsx), "--ics", str(ics),
                 "--start", "2024-01-01", "--until", "2026-01-01",
                 "--commitment", "teogest=12", "--commitment", "gout=12", "--lang", "en"]) == 0
    sheet = load_workbook(xlsx)["Comparison"]
    header = [c.value for c in sheet[1]]
    names = {row[header.index("Vendor")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {*BUILT_IN_NAMES, ATELIER_NAME}
    text = ics.read_text(encoding="utf-8")
    # terms start 2024-01-01, 2025-01-01 and 2026-01-01 (--until is the last term start); each
    # ends on 31 December, and two months before that last day is 31 October
    assert [line for line in text.splitlines() if line.startswith("UID:atelier")] == [
        "UID:atelier-2024-10-31@cgvlib", "UID:atelier-2025-10-31@cgvlib",
        "UID:atelier-2026-10-31@cgvlib"]
    assert "DTSTART;VALUE=DATE:20241031" in text


# --------------------------------------------------------------------------- report --file


def test_report_plan_sends_the_file_to_the_report(atelier):
    from cgvlib.report.batch import plan

    [one] = plan([str(atelier)], parameters={"lang": "en"})
    assert (one.name, one.parameters) == ("atelier", {"lang": "en",
                                                      "vendors": [str(atelier.resolve())]})
    [both] = plan(["teogest", atelier], together=True)
    assert both.parameters == {"vendors": ["teogest", str(atelier.resolve())]}


def test_report_file_writes_a_page_named_after_it(atelier, tmp_path, capsys):
    out = tmp_path / "reports"
    assert main(["report", "--file", str(atelier), "--out", str(out), "--quiet",
                 "-p", "invoice_date", "2024-01-31", "-p", "commitment_months",
                 "{atelier: 12}"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["atelier.html", "atelier.ipynb"]
    page = (out / "atelier.html").read_text(encoding="utf-8")
    assert ATELIER_NAME in page
    assert "227,52" in page  # the scenario above, in French: 227,52 €


def test_report_names_the_way_to_give_a_vendor(capsys):
    assert main(["report", "--out", "nowhere"]) == 2
    assert ("report: give --vendor ID (repeatable) or --all, and/or --file my_vendor.yaml"
            in capsys.readouterr().err)


# --------------------------------------------------------------------------- the apps


def test_the_late_payment_app_takes_a_path(atelier):
    from cgvlib.apps.late_payment import LatePaymentApp

    app = LatePaymentApp(vendors=[str(atelier), "teogest"], **SCENARIO)
    assert app.controls["vendors"].value == ("atelier", "teogest")
    assert ("ATELIER MARTIN SARL", "atelier") in app.controls["vendors"].options
    assert app.results["atelier"].total == TOTAL


def test_the_compare_app_takes_a_loaded_vendor(atelier):
    from cgvlib.apps.compare import CompareApp

    app = CompareApp(vendors=[load_vendor(atelier), "leappy"], families=["late payment"])
    assert list(app.results.table.columns) == [ATELIER_NAME, "Leappy SAS"]  # as given


def test_the_notice_app_takes_a_path(atelier):
    from cgvlib.apps.notice import NoticeApp

    app = NoticeApp(vendor=atelier, start="2024-01-01", notice_sent="2024-10-15")
    # a letter on 2024-10-15 is before the last safe day 2024-10-31: the contract ends with
    # its first term, on 2024-12-31
    assert app.controls["vendor"].value == "atelier"
    assert app.results.end.isoformat() == "2024-12-31"


# --------------------------------------------------------------------------- starting a file


def test_copy_the_example_then_fill_it(tmp_path):
    path = copy_example(tmp_path / "start", "monfournisseur")
    assert sorted(p.name for p in path.parent.iterdir()) == ["exemple.txt",
                                                             "monfournisseur.yaml"]
    with pytest.raises(VendorFileError, match="'exemple' differs from the file name"):
        load_vendor(path)
    fill_header(path, vendor_id="monfournisseur", name="MON FOURNISSEUR SAS")
    vendor = load_vendor(path)
    assert (vendor.id, vendor.name, vendor.quotes_verified) == (
        "monfournisseur", "MON FOURNISSEUR SAS", True)
    with pytest.raises(OutputError, match="an input cgvlib reads"):
        fill_header(path, name="AUTRE")  # a loaded file is an input, never rewritten


def test_copy_example_refuses_a_bad_id(tmp_path):
    with pytest.raises(InputError, match="'Mon Fournisseur' is not a vendor id"):
        copy_example(tmp_path, "Mon Fournisseur")


def test_the_findings_app_checks_it(atelier):
    from cgvlib.apps.findings import FindingsApp

    app = FindingsApp(vendors=[atelier], severities=("breach", "risk", "ambiguity", "note"))
    # one finding: the rate is fixed on the invoice date (art. 6), so a delay running into a
    # later semester whose floor (3x that semester's legal rate) is higher stays at the lower
    # rate; its article numbers all exist in its text, read beside its file (no note)
    assert app.controls["vendors"].value == ("atelier",)
    rows = app.results.rows
    assert list(zip(rows["id"], rows["vendor"], rows["severity"], strict=True)) == [
        ("late_rate_fixed_below_later_floor", ATELIER_NAME, "risk")]


def test_the_dashboard_takes_it_and_leaves_it_out_of_the_price_tab(atelier):
    from cgvlib.apps.dashboard import dashboard

    board = dashboard(vendors=[atelier, "teogest"])
    assert board.apps["Late payment"].controls["vendors"].value == ("atelier", "teogest")
    # atelier.yaml has no price revision clause (price_revision: [])
    assert board.apps["Price revision"].controls["vendors"].value == ("teogest",)
