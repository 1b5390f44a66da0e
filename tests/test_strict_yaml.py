"""Strict YAML (cgvlib.strict_yaml): every trap refused with one message naming the source, the
line, the key and what to write instead; then the same traps in a vendor file, through the
loader and through `python -m cgvlib compare --file`."""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib import strict_yaml
from cgvlib.cli import main
from cgvlib.errors import InputError, VendorFileError, YamlError, YamlSyntaxError
from cgvlib.model.loader import load_vendor
from tests.conftest import EXAMPLE_FILE, FIXTURES


def refused(text: str) -> str:
    with pytest.raises(YamlError) as info:
        strict_yaml.load(text, "f.yaml")
    return str(info.value)


# --------------------------------------------------------------------------- the loader


def test_plain_yaml_reads_as_before():
    text = ("a: 0\nb: -3\nc: 0.5\nd: true\ne: False\nf: 2024-02-29\ng: '010'\nh: \"yes\"\n"
            "i: 09:30-12:00\nj: ~\nk: [1, 2]\n")
    assert strict_yaml.load(text) == {
        "a": 0, "b": -3, "c": 0.5, "d": True, "e": False, "f": dt.date(2024, 2, 29),
        "g": "010", "h": "yes", "i": "09:30-12:00", "j": None, "k": [1, 2]}
    assert strict_yaml.load("") is None
    assert strict_yaml.load("\ufeffa: 1") == {"a": 1}  # a UTF-8 byte-order mark is accepted


def test_the_loader_is_a_checking_safe_loader():
    import yaml

    assert issubclass(strict_yaml.StrictLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    with pytest.raises(YamlError, match="duplicate key"):
        yaml.load("a: 1\na: 2\n", Loader=strict_yaml.StrictLoader)


def test_duplicate_key():
    assert refused("x:\n  a: 1\n  b: 2\n  a: 3\n") == (
        "f.yaml, line 4, x.a: duplicate key 'a' (first at line 2); a key may appear only once "
        "in a mapping: keep one")


def test_leading_zero_number():
    assert refused("x:\n  days: 010\n") == (
        'f.yaml, line 2, x.days: 010 is read by YAML 1.1 as the octal number 8; write 10, or '
        'quote it ("010") if it is text')
    assert refused("- 09\n") == (
        "f.yaml, line 1, [0]: 09 is read by YAML 1.1 as the text '09' (other YAML tools: a "
        'number); write 9, or quote it ("09") if it is text')


def test_sexagesimal_number():
    assert refused("delay: 1:30\n") == (
        "f.yaml, line 1, delay: 1:30 is read by YAML 1.1 as a base-60 number (90); write a "
        "duration as a number and a unit, e.g. '1.5 hours', or quote it (\"1:30\") if it is text")


@pytest.mark.parametrize(("word", "value"), [("yes", "true"), ("on", "true"), ("Off", "false"),
                                              ("NO", "false"), ("y", "true"), ("n", "false")])
def test_yes_on_and_their_kin_as_values(word, value):
    assert refused(f"whole_debt_due: {word}\n") == (
        f"f.yaml, line 1, whole_debt_due: {word} is read by YAML 1.1 as the boolean {value}; "
        f'write true or false for a yes/no field, or quote it ("{word}") if it is text')


def test_on_as_a_key():
    assert refused("on: 1\n").startswith("f.yaml, line 1, on: on is read by YAML 1.1 as the "
                                         "boolean true")


def test_other_number_notations():
    assert refused("a: 0x1F\n") == (
        'f.yaml, line 1, a: 0x1F is read by YAML 1.1 as the number 31; write it in decimal '
        'digits: 31, or quote it ("0x1F") if it is text')
    assert refused("a: 1_000\n").startswith("f.yaml, line 1, a: 1_000 is read by YAML 1.1 as "
                                            "the number 1000")
    assert refused("a: .nan\n").startswith("f.yaml, line 1, a: .nan is read by YAML 1.1 as the "
                                           "float nan; write a finite figure")


def test_alias_that_contains_itself():
    assert refused("a: &a [1, *a]\n") == (
        "f.yaml, line 1: alias *a refers to the value that contains it, which would be "
        "endless; write the value out in full")


def test_billion_laughs_is_refused_at_once():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    assert refused("\n".join(lines) + "\n") == (
        "f.yaml, line 9: aliases would expand this document by 1,234,567,880 values, above the "
        "limit of 10,000 (alias *h alone stands for 111,111,111); write the values out, with "
        "fewer aliases")


def test_an_alias_sharing_one_block_is_allowed():
    assert strict_yaml.load("a: &n {x: 1}\nb: *n\n") == {"a": {"x": 1}, "b": {"x": 1}}


def test_merge_key():
    assert refused("a: {<<: {b: 1}}\n").startswith("f.yaml, line 1, a: the merge key << is "
                                                    "refused")


def test_too_deep():
    assert strict_yaml.MAX_DEPTH == 50
    strict_yaml.load("[" * 50 + "]" * 50)
    assert refused("[" * 51 + "]" * 51) == (
        "f.yaml, line 1: nesting deeper than 50 levels of mappings and lists; a vendor file "
        "needs about 8: check the indentation and the brackets")


def test_too_big_is_refused_before_reading_it_all(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * strict_yaml.MAX_BYTES)
    with pytest.raises(YamlError) as info:
        strict_yaml.load_file(path)
    assert str(info.value) == (
        f"{path}: 1,048,581 bytes, above the 1,048,576-byte (1 MB) limit for YAML input; a "
        "vendor file is under 100 kB: is it the right file?")


def test_not_utf8_says_where_and_what_it_looks_like(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("name: Société\n".encode("cp1252"))
    with pytest.raises(YamlError) as info:
        strict_yaml.load_file(path)
    assert str(info.value) == (
        f"{path}, line 1: not UTF-8: byte 0xE9 at offset 10 cannot be read as UTF-8; it looks "
        "like Windows-1252 (latin-1), where it reads 'é'; save it as UTF-8")


def test_a_byte_order_mark_counts_in_the_offset(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\nb: \xe9\n")
    with pytest.raises(YamlError, match=r", line 2: not UTF-8: byte 0xE9 at offset 11 "):
        strict_yaml.load_file(path)
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert strict_yaml.load_file(path) == {"a": 1}


def test_without_libyaml_the_same_rules_hold(monkeypatch):
    """The pure-Python SafeLoader is the fallback when libyaml is missing."""
    import importlib

    import yaml

    monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    python_only = importlib.reload(strict_yaml)
    try:
        assert python_only.StrictLoader.__mro__[1] is yaml.SafeLoader
        assert python_only.load("a: [1, 2]\nb: '010'\n") == {"a": [1, 2], "b": "010"}
        for text, problem in [("a: 1\na: 2\n", "duplicate key 'a'"), ("a: 010\n", "octal"),
                              ("a: 1:30\n", "base-60"), ("a: yes\n", "boolean true"),
                              ("a: n\n", "boolean false"), ("a: &x [*x]\n", "contains it"),
                              ("a: 2024-02-30\n", "February 2024 has 29 days")]:
            with pytest.raises(YamlError, match=problem):
                python_only.load(text)
    finally:
        monkeypatch.undo()
        importlib.reload(strict_yaml)


def test_impossible_date_unquoted():
    assert refused("due: 2024-02-30\n") == (
        "f.yaml, line 1, due: 2024-02-30 is not a calendar date: February 2024 has 29 days; "
        "write a date that exists, as YYYY-MM-DD")
    assert refused("due: 2023-13-01\n") == (
        "f.yaml, line 1, due: 2023-13-01 is not a calendar date: there is no month 13 (1 to 12); "
        "write a date that exists, as YYYY-MM-DD")


def test_syntax_errors_are_one_line_with_their_line():
    with pytest.raises(YamlSyntaxError) as info:
        strict_yaml.load("id: x\nname: [unclosed\n", "f.yaml")
    assert str(info.value) == (
        "f.yaml, line 3: not valid YAML (column 1): did not find expected ',' or ']' (while "
        "parsing a flow sequence that starts at line 2, column 7)")
    assert isinstance(info.value, InputError)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(YamlError, match=r"nowhere.yaml: no such YAML file$"):
        strict_yaml.load_file(tmp_path / "nowhere.yaml")
    with pytest.raises(YamlError, match=r"is a folder, not a YAML file; give the path of a file$"):
        strict_yaml.load_file(tmp_path)


# --------------------------------------------------------------------------- in a vendor file

EXAMPLE = EXAMPLE_FILE.read_text(encoding="utf-8")
BAD_VENDOR_FILES = {
    "duplicate key": (
        EXAMPLE.replace("name: EXEMPLE SARL\n", "name: EXEMPLE SARL\nname: EXEMPLE SAS\n"),
        "line 5, name: duplicate key 'name' (first at line 4); a key may appear only once in a "
        "mapping: keep one"),
    "leading zero": (
        EXAMPLE.replace("    days: 30\n", "    days: 030\n"),
        'line 14, payment_terms[0].days: 030 is read by YAML 1.1 as the octal number 24; write '
        '30, or quote it ("030") if it is text'),
    "sexagesimal": (
        EXAMPLE.replace("    days: 30\n", "    days: 1:30\n"),
        "line 14, payment_terms[0].days: 1:30 is read by YAML 1.1 as a base-60 number (90)"),
    "yes": (
        EXAMPLE.replace("  whole_debt_due: false\n", "  whole_debt_due: yes\n"),
        "line 25, late_payment.whole_debt_due: yes is read by YAML 1.1 as the boolean true; "
        'write true or false for a yes/no field, or quote it ("yes") if it is text'),
    "recursive alias": (
        EXAMPLE.replace("sla: {silent: true}", "sla: &s {silent: true, note: [*s]}"),
        "line 36: alias *s refers to the value that contains it, which would be endless"),
    "too deep": (
        EXAMPLE.replace("sla: {silent: true}", "sla: " + "[" * 60 + "]" * 60),
        "line 36: nesting deeper than 50 levels of mappings and lists"),
    "impossible date": (
        EXAMPLE.replace("fees: []", "fees:\n  - name: frais de dossier\n    kind: fixed\n"
                        "    amount: 10\n    per: order\n    as_of: 2024-02-30\n"
                        "    source: {article: '5', quote: 'Les factures sont payables'}"),
        "line 44, fees[0].as_of: 2024-02-30 is not a calendar date: February 2024 has 29 days; "
        "write a date that exists, as YYYY-MM-DD"),
    "impossible date, quoted": (
        EXAMPLE.replace("fees: []", "fees:\n  - name: frais de dossier\n    kind: fixed\n"
                        "    amount: 10\n    per: order\n    as_of: '2024-02-30'\n"
                        "    source: {article: '5', quote: 'Les factures sont payables'}"),
        "line 44, fees[0].as_of: 2024-02-30 is not a calendar date: February 2024 has 29 days; "
        "write a date that exists, as YYYY-MM-DD"),
}


@pytest.mark.parametrize("case", list(BAD_VENDOR_FILES))
def test_bad_vendor_file_gives_one_problem_with_line_and_field(case, write_vendor):
    text, expected = BAD_VENDOR_FILES[case]
    path = write_vendor(text)
    with pytest.raises(VendorFileError) as info:
        load_vendor(path, texts_dir=FIXTURES, verify_quotes=False)
    message = str(info.value)
    assert message.startswith(f"{path}: 1 problem(s) in this vendor file\n  - ")
    assert expected in message


def test_bad_vendor_file_bytes(tmp_path):
    latin = tmp_path / "exemple.yaml"
    latin.write_bytes(EXAMPLE.encode("cp1252"))
    with pytest.raises(VendorFileError) as info:
        load_vendor(latin, verify_quotes=False)
    assert ("  - line 7: not UTF-8: byte 0xE9 at offset 246 cannot be read as UTF-8; it looks "
            "like Windows-1252 (latin-1), where it reads 'é'; save it as UTF-8") in str(info.value)
    latin.write_text(EXAMPLE + "#" * strict_yaml.MAX_BYTES, encoding="utf-8")
    with pytest.raises(VendorFileError, match=r"  - file: [\d,]+ bytes, above the 1,048,576-byte "
                                              r"\(1 MB\) limit"):
        load_vendor(latin, verify_quotes=False)


@pytest.mark.parametrize("case", ["duplicate key", "yes", "impossible date, quoted"])
def test_the_command_line_prints_one_message_and_exits_2(case, write_vendor, capsys):
    text, expected = BAD_VENDOR_FILES[case]
    path = write_vendor(text)
    assert main(["compare", "--file", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cgvlib: {path}: 1 problem(s) in this vendor file\n")
    assert expected in err and "Traceback" not in err


def test_the_command_line_on_a_folder_or_a_missing_file(tmp_path, capsys):
    assert main(["compare", "--file", str(tmp_path)]) == 2
    assert f"{tmp_path}: 1 problem(s) in this vendor file\n  - file: is a folder; give the " \
           "path of a vendor YAML file" in capsys.readouterr().err
    assert main(["compare", "--file", str(tmp_path / "nope.yaml")]) == 2
    assert "  - file: not found; give the path of a vendor YAML file" in capsys.readouterr().err


def test_every_vendor_file_and_the_reference_yaml_pass_the_strict_loader():
    from cgvlib import paths
    from cgvlib.reference.syntec import syntec_revision

    for path in sorted(paths.vendors_dir().glob("*.yaml")):
        assert isinstance(strict_yaml.load_file(path), dict), path
    assert syntec_revision().coefficient


def test_a_trap_in_the_syntec_revision_file_is_a_reference_data_error(tmp_path):
    from cgvlib import paths
    from cgvlib.errors import ReferenceDataError
    from cgvlib.reference.syntec import REVISION_FILE, syntec_revision

    text = (paths.rates_dir() / REVISION_FILE).read_text(encoding="utf-8")
    path = tmp_path / REVISION_FILE
    path.write_text(text.replace('coefficient: "0.97975"', 'coefficient: "0.97975"\n'
                                 'coefficient: "0.98"'), encoding="utf-8")
    line = text.splitlines().index('coefficient: "0.97975"') + 2
    with pytest.raises(ReferenceDataError) as info:
        syntec_revision(path)
    assert str(info.value) == (
        f"{path}, line {line}, field 'coefficient': duplicate key 'coefficient' (first at line "
        f"{line - 1}); a key may appear only once in a mapping: keep one")
