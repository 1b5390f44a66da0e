"""Fuzzing as a test: mutated vendor files and command lines end in a result or in one clear
error (:class:`cgvlib.CgvError`, or argparse's usage error), never in a traceback, and never
with a file changed outside the output path.

Hypothesis draws the mutations with a fixed seed (``derandomize``) and a bounded number of
examples, so the run is the same on every machine and stays well under a minute.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cgvlib
from cgvlib import paths
from cgvlib.cli import main
from cgvlib.errors import CgvError
from cgvlib.model.loader import load_vendor
from tests.conftest import ROOT

VENDOR_IDS = ("gout", "iosmart", "janquor", "leappy", "teogest")
FUZZ = settings(derandomize=True, deadline=None, database=None, max_examples=80,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# Values a careless edit or a hostile file may put anywhere in a vendor file.
NASTY = [True, False, None, 0, -1, -0.5, 10**20, 1e308, "", "abc", "2024-02-30", "010",
         "1:30", "yes", "off", "12 mois", "15,5 %", "∞", [], {}, [None], {"kind": "nope"},
         {"silent": True}, "x" * 2000, "2024-13-01", "0x1F", ".nan", "-.inf"]


def _texts() -> Path:
    folder = paths.texts_dir()
    if not folder.is_dir():
        pytest.skip(f"the vendors' texts are not at {folder}")
    return folder


def _originals() -> dict[str, dict]:
    return {v: yaml.safe_load((paths.vendors_dir() / f"{v}.yaml").read_text(encoding="utf-8"))
            for v in VENDOR_IDS}


ORIGINALS = _originals()


def _places(node, path=()) -> list[tuple]:
    """Every path to a value in the tree (mapping keys and list indexes)."""
    out = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            out += _places(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _places(value, (*path, i))
    return out


PLACES = {v: _places(data) for v, data in ORIGINALS.items()}


def _mutate(data: dict, place: tuple, how: str, value) -> dict:
    data = copy.deepcopy(data)
    parent = data
    for key in place[:-1]:
        parent = parent[key]
    last = place[-1]
    if how == "delete":
        del parent[last]
    elif how == "replace":
        parent[last] = value
    elif how == "wrap":  # a scalar where a list or mapping was, or the other way round
        parent[last] = [parent[last]]
    return data


def _snapshot() -> dict[str, str]:
    """A hash of every file under data/ and of the vendors' texts."""
    files = [p for p in (ROOT / "data").rglob("*") if p.is_file()]
    texts = paths.texts_dir()
    if texts.is_dir():
        files += [p for p in texts.rglob("*") if p.is_file()]
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


@pytest.fixture(scope="module")
def untouched():
    before = _snapshot()
    yield
    assert _snapshot() == before, "a run changed a file under data/ or a vendor's text"


def _exercise(vendor) -> None:
    """What a user does with a vendor file: compare, check, compute."""
    cgvlib.compare([vendor])
    cgvlib.check_all([vendor])
    for compute in (
        lambda: cgvlib.late_payment(vendor, 1000, "2024-03-01", "2024-04-15",
                                    invoice_date="2024-03-01"),
        lambda: cgvlib.exit_plan(vendor, "2024-01-31", "2024-12-05", commitment_months=12,
                                 monthly_amount=1000),
        lambda: cgvlib.sla_credit(vendor, 0.5, 1000),
    ):
        with contextlib.suppress(CgvError):
            compute()


@FUZZ
@given(vendor=st.sampled_from(VENDOR_IDS), data=st.data())
def test_a_mutated_vendor_file_loads_or_says_why(vendor, data, tmp_path, untouched):
    texts = _texts()
    place = data.draw(st.sampled_from(PLACES[vendor]), label="place")
    how = data.draw(st.sampled_from(["delete", "replace", "replace", "wrap"]), label="how")
    value = data.draw(st.sampled_from(NASTY), label="value") if how == "replace" else None
    mutated = _mutate(ORIGINALS[vendor], place, how, value)
    path = tmp_path / f"{vendor}.yaml"
    path.write_text(yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    try:
        loaded = load_vendor(path, texts_dir=texts)
    except CgvError as exc:
        assert str(exc).strip(), "an error without a message"
        return
    with contextlib.suppress(CgvError):
        _exercise(loaded)


TEXT_EDITS = st.sampled_from([
    ("\n", "\n\n"), (": ", ":"), ("  ", " "), ("- ", "-"), ("\"", ""), ("'", ""),
    ("late_payment:", "late_payment: &a\n  x: *a\nlate_payment2:"), (": 10", ": 010"),
    (": 12", ": 1:30"), ("true", "yes"), ("false", "off"), ("2024", "2024-02-30"),
    ("id:", "id:\nid:"), ("é", "\udcff"), ("\n", "\t"),
])


@settings(FUZZ, max_examples=40)
@given(vendor=st.sampled_from(VENDOR_IDS), edit=TEXT_EDITS, where=st.integers(0, 10_000))
def test_an_edited_vendor_text_loads_or_says_why(vendor, edit, where, tmp_path, untouched):
    texts = _texts()
    text = (paths.vendors_dir() / f"{vendor}.yaml").read_text(encoding="utf-8")
    old, new = edit
    starts = [i for i in range(len(text)) if text.startswith(old, i)]
    if not starts:
        return
    at = starts[where % len(starts)]
    text = text[:at] + new + text[at + len(old):]
    path = tmp_path / f"{vendor}.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    try:
        loaded = load_vendor(path, texts_dir=texts)
    except CgvError as exc:
        assert str(exc).strip()
        return
    with contextlib.suppress(CgvError):
        _exercise(loaded)


# --------------------------------------------------------------------------- command lines

VALUES = st.sampled_from([
    "gout", "teogest", "nope", "", "late payment", "liability", "2024-01-31", "2024-02-30",
    "31/01/2024", "yes", "-1", "0", "12", "1e9", "gout=12", "gout=x", "=12", "--force",
    "data/vendors/gout.yaml", "../shared/cgv", "/", "\x00",
])
OPTIONS = {
    "compare": ["--vendor", "--family", "--width", "--csv", "--file"],
    "export": ["--xlsx", "--ics", "--start", "--until", "--commitment", "--alarm-days",
               "--vendor"],
}


@st.composite
def command_lines(draw, out: Path):
    command = draw(st.sampled_from(sorted(OPTIONS)))
    argv = [command]
    for _ in range(draw(st.integers(0, 4))):
        option = draw(st.sampled_from(OPTIONS[command]))
        if option in ("--csv", "--xlsx", "--ics"):
            value = draw(st.sampled_from([
                str(out / "out.file"), str(out / "new" / "folder" / "out.file"),
                str(ROOT / "data" / "vendors" / "gout.yaml"),
                str(ROOT / "data" / "rates" / "ecb_main_refinancing_rate.csv"),
                str(paths.texts_dir() / "cgv.txt"), str(out), ""]))
        elif option == "--file":
            value = draw(st.sampled_from([str(ROOT / "data" / "vendors" / "gout.yaml"),
                                          str(out), str(out / "missing.yaml"), ""]))
        else:
            value = draw(VALUES)
        argv += [option, value]
    if draw(st.booleans()):
        argv.append("--force")
    return argv


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_a_command_line_ends_in_a_result_or_one_clear_error(data, tmp_path, untouched):
    argv = data.draw(command_lines(tmp_path))
    before = {p for p in Path.cwd().iterdir()}
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse's usage error
            status = exc.code
    assert status in (0, 1, 2), (argv, status, err.getvalue())
    assert "Traceback" not in err.getvalue() + out.getvalue(), argv
    if status == 2:
        assert err.getvalue().strip(), argv
    assert {p for p in Path.cwd().iterdir()} == before, "a file written outside the output path"
