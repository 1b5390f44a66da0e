"""``python -m cgvlib rates status|add|update``: output, exit status 0, and one clear line with
exit status 2 for bad input, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cgvlib.cli import main
from tests.conftest import FIXTURES, ROOT

URL = "https://www.legifrance.gouv.fr/test"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_status(capsys, user_data):
    status, out, err = run(capsys, "rates", "status", "--today", "2026-12-05")
    assert (status, err) == (0, "")
    assert f"user data folder: {user_data} (CGVLIB_USER_DATA overrides it)" in out
    assert "legal interest rate: 2005-01-01 to 2026-06-30 (ended 158 day(s) ago)" in out
    assert "ECB main refinancing rate: 1999-01-01 to 2026-06-11 (ended 177 day(s) ago)" in out
    assert "Syntec index: 2015-01-01 to 2025-10-31 (ended 400 day(s) ago)" in out
    assert "missing months: 22: 2022-01, 2022-02" in out
    assert "python -m cgvlib rates update ecb" in out
    assert "packaged rows resting on a secondary site: 32 of 33" in out  # legal, 2005-2026-S1
    assert "packaged rows resting on a secondary site: 60 of 60" in out  # ECB
    assert "packaged rows resting on a secondary site: 100 of 108" in out  # Syntec


def test_add_then_status_marks_user_supplied(capsys, user_data):
    status, out, _ = run(capsys, "rates", "add", "legal", "--semester", "2026-S2",
                         "--professional", "3.10", "--consumer", "7.00", "--source", URL)
    assert status == 0
    assert out.startswith("legal rate 2026-S2: 3.10 % (professional), 7.00 % (consumer), "
                          "user-supplied, written to ")
    _, out, _ = run(capsys, "rates", "status", "--today", "2026-12-05")
    assert "legal interest rate: 2005-01-01 to 2026-12-31 (covers today)" in out
    assert "latest value: 3.10 % (professional) / 7.00 % (consumer), from 2026-07-01 " \
           "[user-supplied]" in out
    status, _, err = run(capsys, "rates", "add", "legal", "--semester", "2026-S2",
                         "--professional", "3.20", "--consumer", "7.00", "--source", URL)
    assert status == 2 and "pass --force" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["add", "legal", "--semester", "2026-S2", "--professional", "3,1", "--consumer", "7",
      "--source", URL], "cgvlib: professional: '3,1' is not a rate in percent"),
    (["add", "syntec", "--month", "2025-11", "--value", "323.0", "--source", "my notes"],
     "cgvlib: source: 'my notes' cites no URL nor official reference"),
    (["add", "ecb", "--rate", "2.40", "--source", URL], "cgvlib: ecb: give both"),
    (["update", "syntec"], "cgvlib: rates update syntec: no machine-readable official source"),
    (["update", "ecb", "--from-file", "nowhere.csv"], "cgvlib: --from-file: nowhere.csv: "),
])
def test_bad_input_is_one_line_and_status_2(capsys, argv, message):
    status, out, err = run(capsys, "rates", *argv)
    assert status == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert "Traceback" not in err


def test_update_from_file(capsys):
    status, out, _ = run(capsys, "rates", "update", "ecb", "--from-file",
                         str(FIXTURES / "ecb_mro_portal.csv"))
    assert status == 0
    assert "2.30 % from 2026-09-16; complete until 2026-09-16, user-supplied" in out


def test_the_program_exits_2_without_a_traceback(user_data):
    done = subprocess.run(
        [sys.executable, "-m", "cgvlib", "rates", "add", "ecb", "--effective", "2026-02-30",
         "--rate", "2.40", "--source", URL],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={"CGVLIB_USER_DATA": str(user_data), "PATH": "", "HOME": str(user_data)})
    assert done.returncode == 2
    assert done.stderr == "cgvlib: effective: '2026-02-30' is not a date; write YYYY-MM-DD\n"
    assert not user_data.exists()


@pytest.mark.parametrize(("argv", "message"), [
    (["rates"], "the following arguments are required: {status,add,update}"),
    (["rates", "add"], "the following arguments are required: {legal,ecb,syntec}"),
    (["rates", "add", "syntec", "--month", "2025-11", "--value", "323"],
     "the following arguments are required: --source"),
])
def test_a_missing_argument_exits_2(capsys, argv, message):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert message in capsys.readouterr().err
