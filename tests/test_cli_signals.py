"""Interrupted and concurrent runs: Ctrl-C and SIGTERM stop a command with one line on stderr
and exit status 130 / 143, leaving no scratch folder, temporary file or lock; two reports aimed
at one folder never both write (the second stops on the first one's lock).

The subprocess tests run the real command (`python -m cgvlib report --vendor gout --quiet`),
about 3 to 10 s each."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from cgvlib import cli
from cgvlib.cli import main
from cgvlib.output import REPORT_LOCK, folder_lock
from cgvlib.report import batch as batch_module
from cgvlib.report.batch import Outcome
from tests.conftest import ROOT

LOCKED = "another cgvlib report is writing into this folder"


def default_sigint() -> None:
    """In the child: Ctrl-C as in a terminal, even when the tests run where SIGINT is ignored
    (a background job), which Python would otherwise pass on to the command."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def report(out):
    return subprocess.Popen(
        [sys.executable, "-m", "cgvlib", "report", "--vendor", "gout", "--out", str(out),
         "--quiet"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=default_sigint)


def wait_for(process, ready, what: str, timeout: float = 60) -> None:
    """Poll until ``ready()``; fail if the command ends first or takes too long."""
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the command ended before {what}: {process.returncode}\n{out}\n{err}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} after {timeout} s")
        time.sleep(0.02)


def running(out) -> list:
    return list(out.glob(".running-*")) if out.is_dir() else []


def cells_done(out) -> bool:
    """The kernel has executed cells: papermill recorded one as completed."""
    for scratch in running(out):
        for notebook in scratch.glob("*.ipynb"):
            try:
                if '"status": "completed"' in notebook.read_text(encoding="utf-8"):
                    return True
            except (OSError, UnicodeDecodeError):
                pass
    return False


@pytest.mark.parametrize(("signum", "status", "line", "when"), [
    (signal.SIGINT, 130, "cgvlib: interrupted (Ctrl-C); stopped, nothing partial left behind",
     "started"),
    (signal.SIGTERM, 143, "cgvlib: terminated (SIGTERM); stopped, nothing partial left behind",
     "cells"),
], ids=["sigint-as-it-starts", "sigterm-mid-notebook"])
def test_a_stopped_report_says_so_in_one_line_and_leaves_nothing(tmp_path, signum, status, line,
                                                                  when):
    out = tmp_path / "reports"
    process = report(out)
    wait_for(process, lambda: (out / REPORT_LOCK).exists() and running(out),
             "its lock and scratch folder")
    if when == "cells":
        wait_for(process, lambda: cells_done(out), "a cell executed")
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == status, stderr
    assert stderr == line + "\n"
    assert "Traceback" not in stderr and stdout == ""
    assert sorted(p.name for p in out.iterdir()) == []  # no .running-*, temporary file, lock


def test_two_reports_on_one_folder_one_writes_the_other_stops(tmp_path):
    out = tmp_path / "reports"
    first, second = report(out), report(out)
    results = [(p.returncode, out_, err) for p in (first, second)
               for out_, err in [p.communicate(timeout=120)]]
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [0, 2], results
    (_, written, _), = [r for r in results if r[0] == 0]
    (_, _, refused), = [r for r in results if r[0] == 2]
    assert written.startswith(f"1 of 1 report(s) written to {out}/")
    assert refused.startswith(f"cgvlib: {out}: {LOCKED} (process ")
    assert refused.endswith(f"; wait for it to end or choose another --out folder (delete "
                            f"{out / REPORT_LOCK} only if that process is no longer running)\n")
    assert sorted(p.name for p in out.iterdir()) == ["gout.html", "gout.ipynb"]


# --------------------------------------------------------------------------- in process


def test_a_report_stops_on_a_folder_another_report_holds(tmp_path, capsys):
    with folder_lock(tmp_path):
        assert main(["report", "--vendor", "gout", "--out", str(tmp_path), "--quiet"]) == 2
        assert sorted(p.name for p in tmp_path.iterdir()) == [REPORT_LOCK]
    err = capsys.readouterr().err
    assert err.startswith(f"cgvlib: {tmp_path}: {LOCKED} (process {os.getpid()} on ")
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_stale_lock_is_taken_over_and_its_scratch_folders_removed(tmp_path, monkeypatch,
                                                                     capsys):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / REPORT_LOCK).write_text(f"{dead.pid} {socket.gethostname()} "
                                        "2024-01-01T10:00:00+00:00\n", encoding="utf-8")
    (tmp_path / ".running-killed").mkdir()
    (tmp_path / ".running-killed" / "gout.ipynb").write_text("{", encoding="utf-8")
    ran = []

    def execute(one, out, *, template, force):  # the batch around the run is what is tested
        ran.append(sorted(p.name for p in out.iterdir()))
        return Outcome(one.name, None, None, None, 0.0)

    monkeypatch.setattr(batch_module, "execute", execute)
    assert batch_module.run(["gout"], out=tmp_path, progress=False).ok
    assert ran == [[REPORT_LOCK]]  # the dead run's scratch folder was gone before the run
    assert capsys.readouterr().err == (
        f"cgvlib: note: {tmp_path}: took over the lock {REPORT_LOCK} left by process "
        f"{dead.pid} (started 2024-01-01T10:00:00+00:00), which is no longer running\n")
    assert list(tmp_path.iterdir()) == []


def test_main_turns_ctrl_c_and_sigterm_into_one_line_and_restores_the_handler(monkeypatch,
                                                                                capsys):
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)

    def ctrl_c(args):
        raise KeyboardInterrupt

    def sigterm(args):
        os.kill(os.getpid(), signal.SIGTERM)  # the handler main installed raises at once
        time.sleep(5)
        pytest.fail("SIGTERM did not stop the command")

    monkeypatch.setattr(cli, "_compare", ctrl_c)
    assert main(["compare"]) == 130
    assert capsys.readouterr().err == ("cgvlib: interrupted (Ctrl-C); stopped, nothing partial "
                                       "left behind\n")
    monkeypatch.setattr(cli, "_compare", sigterm)
    started = time.monotonic()
    assert main(["compare"]) == 143
    assert time.monotonic() - started < 2
    assert capsys.readouterr().err == ("cgvlib: terminated (SIGTERM); stopped, nothing partial "
                                       "left behind\n")
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


def test_compare_csv_never_writes_into_data(capsys):
    target = ROOT / "data" / "comparison.csv"
    assert main(["compare", "--csv", str(target), "--force"]) == 2
    assert capsys.readouterr().err.startswith(f"cgvlib: {target}: refused, this is inside "
                                              f"{ROOT / 'data'}, the project's data folder")
    assert not target.exists()
