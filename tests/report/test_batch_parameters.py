"""The report's parameters as they are read (`-f file.yaml`, `-p name value`): strict YAML, names
checked against the template's `parameters` cell (an error with the closest valid name), a
folder or a missing file refused in one line; from the command line, exit status 2, no
traceback, nothing written."""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.cli import main
from cgvlib.errors import InputError, YamlError
from cgvlib.report.batch import parse_cli_value, plan, read_parameters_file

TAKES = ("the report takes: lang, invoice_amount, due, paid, invoice_date, "
         "unavailability_percent, monthly_amount, contract_start, notice_date, commitment_months, "
         "assume_last, ledger, ledger_as_of")
HINT = "-f takes a YAML file of parameters, such as scenario.yaml"


def write(tmp_path, text: str):
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def message(call, *args, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return str(info.value)


def test_a_good_file_reads_as_before(tmp_path):
    path = write(tmp_path, "lang: en\ndue: 2024-06-30\nper_vendor:\n  gout: "
                           "{commitment_months: 12}\n")
    assert read_parameters_file(path) == {"lang": "en", "due": dt.date(2024, 6, 30),
                                          "per_vendor": {"gout": {"commitment_months": 12}}}


def test_f_a_folder(tmp_path):
    assert message(read_parameters_file, tmp_path) == (
        f"{tmp_path}: is a folder, not a parameters file; {HINT}")


def test_f_missing(tmp_path):
    assert message(read_parameters_file, tmp_path / "nope.yaml") == (
        f"{tmp_path / 'nope.yaml'}: no such parameters file; {HINT}")


def test_f_undeclared_name_with_the_closest_one_and_its_line(tmp_path):
    path = write(tmp_path, "lang: en\nlangue: fr\n")
    assert message(read_parameters_file, path) == (
        f"{path}, line 2: unknown parameter 'langue' (did you mean 'lang'?); {TAKES}, per_vendor")
    path = write(tmp_path, "per_vendor:\n  gout:\n    comitment_months: 12\n")
    assert message(read_parameters_file, path) == (
        f"{path}, line 3, per_vendor.gout: unknown parameter 'comitment_months' (did you mean "
        f"'commitment_months'?); {TAKES}")


def test_f_traps_and_duplicates(tmp_path):
    path = write(tmp_path, "due: 2024-06-30\ndue: 2024-07-31\n")
    assert message(read_parameters_file, path) == (
        f"{path}, line 2, due: duplicate key 'due' (first at line 1); a key may appear only "
        "once in a mapping: keep one")
    path = write(tmp_path, "invoice_amount: 010\n")
    assert message(read_parameters_file, path) == (
        f'{path}, line 1, invoice_amount: 010 is read by YAML 1.1 as the octal number 8; write '
        f'10, or quote it ("010") if it is text')
    path = write(tmp_path, "paid: 2024-02-30\n")
    assert message(read_parameters_file, path) == (
        f"{path}, line 1, paid: 2024-02-30 is not a calendar date: February 2024 has 29 days; "
        "write a date that exists, as YYYY-MM-DD")


def test_p_undeclared_name_with_the_closest_one():
    assert message(plan, ["teogest"], parameters={"langue": "en"}) == (
        f"parameters: unknown parameter 'langue' (did you mean 'lang'?); {TAKES}, per_vendor")
    assert message(plan, ["teogest"], parameters={"xyz": 1}) == (
        f"parameters: unknown parameter 'xyz'; {TAKES}, per_vendor")


def test_p_values_are_read_strictly():
    assert parse_cli_value("12", "invoice_amount") == 12
    assert parse_cli_value("{gout: 12}", "commitment_months") == {"gout": 12}
    assert parse_cli_value("[unclosed", "lang") == "[unclosed"  # not YAML at all: the text
    assert message(parse_cli_value, "yes", "lang") == (
        "-p lang: yes is read by YAML 1.1 as the boolean true; write true or false for a yes/no "
        "field, or quote it (-p lang '\"yes\"') if it is text")
    assert message(parse_cli_value, "010", "invoice_amount") == (
        "-p invoice_amount: 010 is read by YAML 1.1 as the octal number 8; write 10, or quote "
        "it (-p invoice_amount '\"010\"') if it is text")
    assert message(parse_cli_value, "{gout: 1:30}", "commitment_months") == (
        "-p commitment_months, gout: 1:30 is read by YAML 1.1 as a base-60 number (90); write "
        "a duration as a number and a unit, e.g. '1.5 hours', or quote it (\"1:30\") if it is "
        "text")
    assert message(parse_cli_value, "2024-02-30", "due") == (
        "-p due: 2024-02-30 is not a calendar date: February 2024 has 29 days; write a date "
        "that exists, as YYYY-MM-DD")
    with pytest.raises(YamlError, match="duplicate key 'gout'"):
        parse_cli_value("{gout: 1, gout: 2}", "commitment_months")


@pytest.mark.parametrize(("args", "expected"), [
    (["-f", "{tmp}"], "{tmp}: is a folder, not a parameters file; " + HINT),
    (["-f", "{tmp}/nope.yaml"], "{tmp}/nope.yaml: no such parameters file; " + HINT),
    (["-p", "langue", "en"], "parameters: unknown parameter 'langue' (did you mean 'lang'?); "),
    (["-p", "lang", "on"], "-p lang: on is read by YAML 1.1 as the boolean true; "),
])
def test_the_command_line_prints_one_line_and_exits_2(args, expected, tmp_path, capsys):
    out = tmp_path / "reports"
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    assert main(["report", "--vendor", "teogest", "--out", str(out), "--quiet", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cgvlib: " + expected.replace("{tmp}", str(tmp_path)))
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
