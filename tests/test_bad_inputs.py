"""Bad inputs, one table: each named case is a command line (or a call of the public API) that
must end in one clear message, never a traceback and never a number. A command line exits with
status 2 and prints one message starting ``cgvlib:``; the API raises a :class:`CgvError`.
Each row gives the words the message must show: what is wrong and what would be valid.

The cases are documented, with the same words, in docs/reliability.md."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

import cgvlib
from cgvlib.cli import main
from cgvlib.errors import CgvError
from tests.conftest import EXAMPLE_FILE, FIXTURES, ROOT

EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")


def example(old: str, new: str) -> str:
    """The example vendor file with one edit (the edit must apply)."""
    assert old in EXAMPLE, old
    return EXAMPLE.replace(old, new, 1)


BILLION_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 10)}]\n" for a, b in zip("abcdefg", "bcdefgh", strict=True))

# Vendor files given to `compare --file vendor.yaml`: (file text or bytes, the words shown).
VENDOR_FILES = {
    "duplicate key": (
        example("name: EXEMPLE SARL\n", "name: EXEMPLE SARL\nname: EXEMPLE SAS\n"),
        "line 5, name: duplicate key 'name' (first at line 4); a key may appear only once"),
    "leading-zero number": (
        example("    days: 30\n", "    days: 030\n"),
        "payment_terms[0].days: 030 is read by YAML 1.1 as the octal number 24; write 30"),
    "base-60 number": (
        example("    days: 30\n", "    days: 1:30\n"),
        "payment_terms[0].days: 1:30 is read by YAML 1.1 as a base-60 number (90)"),
    "yes for a yes/no field": (
        example("whole_debt_due: false", "whole_debt_due: yes"),
        'late_payment.whole_debt_due: yes is read by YAML 1.1 as the boolean true; write true '
        'or false for a yes/no field, or quote it ("yes")'),
    "boolean as a count": (
        example("    days: 30\n", "    days: true\n"),
        "payment_terms[0].days: expected a number, got the boolean true"),
    "boolean as an amount": (
        example("  amount: 40\n", "  amount: true\n"),
        "recovery_indemnity.amount: expected a number, got the boolean true"),
    "misspelt field": (
        example("    days: 30\n", "    dayz: 30\n"),
        "unknown field 'dayz'; valid fields here:"),
    "negative rate": (
        example("{kind: legal_multiple, multiple: 3}",
                "{kind: percent_per_month, percent: -3, months: started}"),
        "-3 % is negative"),
    "rate above 1000 %": (
        example("{kind: legal_multiple, multiple: 3}",
                "{kind: percent_per_month, percent: 1500, months: started}"),
        "1500 % is above 1000 %: check the decimal point"),
    "impossible date": (
        example("fees: []", "fees:\n  - name: frais de dossier\n    kind: fixed\n"
                "    amount: 10\n    per: order\n    as_of: 2024-02-30\n"
                "    source: {article: '5', quote: 'Les factures sont payables'}"),
        "fees[0].as_of: 2024-02-30 is not a calendar date: February 2024 has 29 days"),
    "impossible date, quoted": (
        example("fees: []", "fees:\n  - name: frais de dossier\n    kind: fixed\n"
                "    amount: 10\n    per: order\n    as_of: '2023-13-01'\n"
                "    source: {article: '5', quote: 'Les factures sont payables'}"),
        "fees[0].as_of: 2023-13-01 is not a calendar date: there is no month 13 (1 to 12)"),
    "alias inside itself": (
        example("sla: {silent: true}", "sla: &s {silent: true, note: [*s]}"),
        "alias *s refers to the value that contains it, which would be endless"),
    "billion laughs": (
        BILLION_LAUGHS,
        "above the limit of 10,000 (alias *g alone stands for 11,111,111); write the values out"),
    "merge key": (
        example("sla: {silent: true}", "base: &b {silent: true}\nsla: {<<: *b}"),
        "the merge key << is refused"),
    "nesting too deep": (
        example("sla: {silent: true}", "sla: " + "[" * 60 + "]" * 60),
        "nesting deeper than 50 levels of mappings and lists"),
    "invalid YAML": (
        example("  amount: 40\n", "  amount: [40\n"),
        "not valid YAML"),
    "two documents in one file": (
        EXAMPLE + "---\nid: autre\n",
        "but found another document (expected a single document in the stream"),
    "not UTF-8": (
        EXAMPLE.encode("cp1252"),
        "not UTF-8: byte 0xE9 at offset 246 cannot be read as UTF-8; it looks like "
        "Windows-1252 (latin-1), where it reads 'é'; save it as UTF-8"),
    "above 1 MB": (
        EXAMPLE + "#" * (1024 * 1024),
        "above the 1,048,576-byte (1 MB) limit for YAML input"),
}

# Command lines, run in a fresh folder ({tmp}); files the case needs are written there first.
COMMANDS = {
    "unknown vendor": (
        ["compare", "--vendor", "gouts"], {},
        "unknown vendor 'gouts'; known vendors: gout, iosmart, janquor, leappy, teogest"),
    "unknown clause family": (
        ["compare", "--family", "late_ratee"], {},
        "unknown clause family 'late_ratee'; valid families: payment_terms, late_payment"),
    "vendor file is a folder": (
        ["compare", "--file", "{tmp}"], {},
        "file: is a folder; give the path of a vendor YAML file"),
    "vendor file missing": (
        ["compare", "--file", "{tmp}/nope.yaml"], {},
        "file: not found; give the path of a vendor YAML file"),
    "csv into data/": (
        ["compare", "--csv", str(ROOT / "data" / "vendors" / "table.csv"), "--force"], {},
        "is inside " + str(ROOT / "data") + ", the project's data folder"),
    "csv over an input, even with --force": (
        ["compare", "--file", "{tmp}/exemple.yaml", "--csv", "{tmp}/exemple.yaml", "--force"],
        {"exemple.yaml": EXAMPLE, "texts/exemple.txt": (FIXTURES / "exemple.txt").read_text(
            encoding="utf-8")},
        "this is the vendor file exemple.yaml, an input cgvlib reads; outputs are never written "
        "over an input, even with --force"),
    "csv exists, no --force": (
        ["compare", "--csv", "{tmp}/table.csv"], {"table.csv": "kept\n"},
        "already exists and is kept; pass --force (force=True) to replace it"),
    "csv is a folder": (
        ["compare", "--csv", "{tmp}/out"], {"out/keep.txt": "x"},
        "is a folder; give a file name such as"),
    "csv under a file": (
        ["compare", "--csv", "{tmp}/note.txt/table.csv"], {"note.txt": "x"},
        "note.txt is a file, not a folder"),
    "export with nothing to write": (
        ["export"], {}, "export: give --xlsx FILE and/or --ics FILE"),
    "export --ics without dates": (
        ["export", "--ics", "{tmp}/deadlines.ics"], {},
        "export --ics: give --start and --until (dates such as 2024-01-01)"),
    "export impossible date": (
        ["export", "--ics", "{tmp}/d.ics", "--start", "2024-02-30", "--until", "2026-01-01",
         "--vendor", "janquor"], {},
        "2024-02-30 is not a calendar date: February 2024 has 29 days"),
    "export into the CGV texts": (
        ["export", "--xlsx", str(ROOT.parent / "shared" / "cgv" / "table.xlsx")], {},
        "the vendors' CGV texts; outputs are never written there, even with --force"),
    "report without a vendor": (
        ["report", "--out", "{tmp}/r"], {}, "report: give --vendor ID (repeatable) or --all"),
    "report parameter misspelt": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-p", "langue", "fr"], {},
        "unknown parameter 'langue' (did you mean 'lang'?)"),
    "report parameter impossible date": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-p", "paid", "2024-02-30"], {},
        "2024-02-30 is not a calendar date: February 2024 has 29 days"),
    "report parameter yes": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-p", "lang", "yes"], {},
        "yes is read by YAML 1.1 as the boolean true"),
    "report -f a folder": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-f", "{tmp}"], {},
        "is a folder, not a parameters file; -f takes a YAML file of parameters"),
    "report -f missing": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-f", "{tmp}/nope.yaml"], {},
        "no such parameters file; -f takes a YAML file of parameters"),
    "report -f duplicate key": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-f", "{tmp}/scenario.yaml"],
        {"scenario.yaml": "lang: fr\nlang: en\n"},
        "scenario.yaml, line 2, lang: duplicate key 'lang' (first at line 1)"),
    "report -f leading zero": (
        ["report", "--vendor", "gout", "--out", "{tmp}/r", "-f", "{tmp}/scenario.yaml"],
        {"scenario.yaml": "invoice_amount: 010\n"},
        "010 is read by YAML 1.1 as the octal number 8"),
    "report unknown vendor": (
        ["report", "--vendor", "gouts", "--out", "{tmp}/r"], {},
        "unknown vendor 'gouts'; known vendors: gout, iosmart, janquor, leappy, teogest"),
    "report --out is a file": (
        ["report", "--vendor", "gout", "--out", "{tmp}/note.txt"], {"note.txt": "x"},
        "is a file, not a folder; give a folder such as 'reports/'"),
}

D = dt.date
FRAME = {"amount": [1200.0], "due": [D(2024, 1, 31)], "paid": [D(2024, 3, 1)]}

# Calls of the public API: (call, the words the error shows).
CALLS = {
    "amount is a boolean": (
        lambda: cgvlib.late_payment("gout", True, due=D(2024, 1, 31), paid=D(2024, 3, 1)),
        "amount: True is not a number of euros; give euros as numbers with at most two "
        "decimals, e.g. 1234.56"),
    "amount beyond the exact arithmetic": (
        lambda: cgvlib.late_payment("gout", 1e9, due=D(2024, 1, 31), paid=D(2024, 3, 1)),
        "is above 100,000,000.00 EUR, the limit of exact int64 amounts"),
    "frame amounts are timedeltas": (
        lambda: cgvlib.late_payment_frame("gout", pd.DataFrame(
            {**FRAME, "amount": [pd.Timedelta(days=1)]})),
        "invoices['amount']: row 0 (1 of 1 row): not a number of euros"),
    "frame without its paid column": (
        lambda: cgvlib.late_payment_frame("gout", pd.DataFrame(
            {"amount": [1.0], "due": [D(2024, 1, 31)]})),
        "invoices: missing column(s) 'paid'; required: 'amount' or 'amount_cents', 'due', "
        "'paid'"),
    "frame with a missing date": (
        lambda: cgvlib.late_payment_frame("gout", pd.DataFrame({**FRAME, "paid": [pd.NaT]})),
        "invoices['paid']: row 0 (1 of 1 row): missing (NaN, None or NaT)"),
    "payment past the reference data": (
        lambda: cgvlib.late_payment("leappy", 1000, due=D(2026, 5, 1), paid=D(2027, 3, 1),
                                    invoice_date=D(2026, 4, 1)),
        "which is after the last covered date. The data covers 2005-01-01 to 2026-06-30"),
    "unknown reading": (
        lambda: cgvlib.late_payment("janquor", 1000, due=D(2024, 1, 31), paid=D(2024, 3, 1),
                                    reading="prorata_31"),
        "reading 'prorata_31' is not a reading of this clause; valid readings: prorata, "
        "prorata_30, prorata_months, started"),
    "unknown citation family": (
        lambda: cgvlib.citation("gout", "late_ratee"),
        "unknown clause family 'late_ratee'; valid families: payment_terms, late_payment"),
    "unknown citation item": (
        lambda: cgvlib.citation("gout", "late_payment", "taux"),
        "item 'taux': Michaël GOUT's terms state nothing on it in 'late_payment'; items they "
        "state: 'rate'"),
    "unknown time-limit topic": (
        lambda: cgvlib.time_limits("gout", D(2024, 1, 1), topic="bogus"),
        "topic: 'bogus' is not a topic of Michaël GOUT's time limits; valid topics: changes, "
        "cure, notice, other, termination"),
    "unknown check": (
        lambda: cgvlib.check("gout", checks=["bogus"]),
        "unknown check(s) bogus; valid checks: ambiguous_clause"),
    "impossible date to check at": (
        lambda: cgvlib.check("gout", at="2024-02-30"),
        "at: 2024-02-30 is not a calendar date: February 2024 has 29 days"),
    "unknown creditor": (
        lambda: cgvlib.legal_rate(D(2024, 1, 1), "autre"),
        "creditor: 'autre' is not valid; valid values are 'professional'"),
    "impossible month": (
        lambda: cgvlib.syntec("2024-13"),
        "month: '2024-13' is not a month: there is no month 13 (1 to 12); write a month such "
        "as 03/2024, mars 2024 or 2024-03"),
    "unknown fact": (
        lambda: cgvlib.revise_price("teogest", 1000, D(2024, 1, 1), D(2025, 1, 1), bogus=3),
        "unknown fact(s) bogus; the only fact price revision uses is volume_deviation_percent"),
    "unavailability above 100 %": (
        lambda: cgvlib.sla_credit("teogest", 150, 1000),
        "unavailability_percent: 150 % is outside 0..100"),
    "unknown region": (
        lambda: cgvlib.public_holidays(2024, region="mars"),
        "region: 'mars' is not a modelled region; use one of 'metropole', 'alsace-moselle'"),
}


def test_the_table_has_at_least_forty_named_cases():
    assert len(VENDOR_FILES) + len(COMMANDS) + len(CALLS) >= 40


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def one_message(argv: list[str], capsys) -> str:
    """Run the command line; it must exit 2 with one message and no traceback."""
    status = main(argv)
    captured = capsys.readouterr()
    assert status == 2, captured
    assert captured.err.startswith("cgvlib: "), captured.err
    assert "Traceback" not in captured.err and captured.out == ""
    return captured.err


@pytest.mark.parametrize("case", list(VENDOR_FILES))
def test_a_bad_vendor_file(case, tmp_path, capsys, monkeypatch):
    text, shown = VENDOR_FILES[case]
    path = tmp_path / "exemple.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    before = files_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    err = one_message(["compare", "--file", str(path)], capsys)
    assert err.startswith(f"cgvlib: {path}: 1 problem(s) in this vendor file\n  - "), err
    assert shown in err
    assert files_in(tmp_path) == before  # nothing written, the input untouched


@pytest.mark.parametrize("case", list(COMMANDS))
def test_a_bad_command_line(case, tmp_path, capsys, monkeypatch):
    argv, files, shown = COMMANDS[case]
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    data_before = files_in(ROOT / "data")
    before = files_in(tmp_path)
    monkeypatch.chdir(tmp_path)
    if (tmp_path / "texts").is_dir():  # the case's own vendor file quotes its own text
        monkeypatch.setenv("CGVLIB_TEXTS", str(tmp_path / "texts"))
    err = one_message([a.replace("{tmp}", str(tmp_path)) for a in argv], capsys)
    assert shown in err
    assert files_in(tmp_path) == before
    assert files_in(ROOT / "data") == data_before


@pytest.mark.parametrize("case", list(CALLS))
def test_a_bad_call(case):
    call, shown = CALLS[case]
    with pytest.raises(CgvError) as info:
        call()
    assert shown in str(info.value)
