"""Reports run at once (at most ``WORKERS``, one warm kernel each): runs that overlap both
land; a failing run leaves the others; a kernel is reused only after a run that succeeded over
built-in vendors; the folder's lock still refuses a second batch; Ctrl-C stops every kernel
and leaves nothing behind.

Overlap is shown without timing anything: each run of the barrier template waits, in its
kernel, for the other run to have started, and fails if it never does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading

import nbformat
import pytest

from cgvlib.errors import CgvError
from cgvlib.output import REPORT_LOCK
from cgvlib.report import batch as batch_module
from cgvlib.report.batch import run
from tests.conftest import ROOT
from tests.test_cli_signals import cells_done, default_sigint, running, wait_for

NB = "\u00a0"


def template(tmp_path, body: str):
    """A report template: the ``vendors`` parameter, then ``body`` (one code cell)."""
    path = tmp_path / "template.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("vendors = []", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(body),
    ])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                       "language": "python"}
    nbformat.write(notebook, path)
    return path


def barrier(tmp_path, fail: str | None = None) -> str:
    """A cell that marks its run as started, waits (at most 60 s) until every vendor's run
    has, and prints its kernel's process id; the run of ``fail`` then raises."""
    marks = tmp_path / "started"
    marks.mkdir()
    return f"""\
import os, pathlib, time
marks = pathlib.Path({str(marks)!r})
(marks / vendors[0]).touch()
deadline = time.monotonic() + 60
while len(list(marks.iterdir())) < 2:
    if time.monotonic() > deadline:
        raise RuntimeError("the other run never started")
    time.sleep(0.05)
print(os.getpid())
if vendors[0] == {fail!r}:
    raise ValueError("this vendor's run fails")
"""


def kernel_pid(notebook) -> int:
    executed = nbformat.read(notebook, as_version=4)
    (text,) = [o["text"] for c in executed.cells for o in c.get("outputs", [])
               if o.get("name") == "stdout"]
    return int(text)


def test_two_reports_run_at_once_and_both_land(tmp_path):
    # the real template, two vendors: both pages are written, in the runs' order
    batch = run(["teogest", "gout"], out=tmp_path / "out", progress=False)
    assert batch.ok, batch.summary()
    assert [o.name for o in batch.outcomes] == ["teogest", "gout"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "gout.html", "gout.ipynb", "teogest.html", "teogest.ipynb"]
    teogest = (tmp_path / "out" / "teogest.html").read_text(encoding="utf-8")
    gout = (tmp_path / "out" / "gout.html").read_text(encoding="utf-8")
    # Teogest art. 14.6 (default reading): 10 000 EUR due 2024-03-01 paid 2024-04-15, delay
    # from day 31 (2024-04-01), 15 days at 5.07 % + 3 = 8.07 %: 33.16 + 40.00 = 73.16 EUR.
    assert f"73,16{NB}€" in teogest
    # GOUT art. 6: 3 x the legal rate at invoicing (2024 S1, 5.07 %) = 15.21 %, 45 days
    # (2 March to 15 April): 10 000 x 15.21 % x 45 / 365 = 187.52 EUR, + 40 = 227.52 EUR.
    assert f"227,52{NB}€" in gout
    for name in ("teogest", "gout"):  # each page from its own run's parameters
        executed = nbformat.read(tmp_path / "out" / f"{name}.ipynb", as_version=4)
        (injected,) = [c for c in executed.cells
                       if "injected-parameters" in c.metadata.get("tags", [])]
        assert f'vendors = ["{name}"]' in injected.source


def test_runs_overlap_and_a_failing_one_leaves_the_others(tmp_path):
    # each run waits in its kernel until the other has started: run one after the other,
    # the first would give up after 60 s and both would fail
    path = template(tmp_path, barrier(tmp_path, fail="iosmart"))
    batch = run(["gout", "iosmart"], out=tmp_path / "out", template=path, progress=False)
    assert [(o.name, o.ok) for o in batch.outcomes] == [("gout", True), ("iosmart", False)]
    assert "ValueError: this vendor's run fails" in batch.failed[0].error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "gout.html", "gout.ipynb", "iosmart.failed.ipynb"]
    pids = {kernel_pid(tmp_path / "out" / n) for n in ("gout.ipynb", "iosmart.failed.ipynb")}
    assert len(pids) == 2  # one kernel per worker


def test_a_warm_kernel_serves_the_next_run_unless_the_last_one_failed(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_module, "WORKERS", 1)
    path = template(tmp_path, "import os\nprint(os.getpid())\n"
                              "if vendors[0] == 'iosmart':\n    raise ValueError('no')")
    batch = run(["gout", "janquor", "iosmart", "leappy"], out=tmp_path / "out",
                template=path, progress=False)
    assert [o.ok for o in batch.outcomes] == [True, True, False, True]
    out = tmp_path / "out"
    gout, janquor, iosmart, leappy = (kernel_pid(out / n) for n in (
        "gout.ipynb", "janquor.ipynb", "iosmart.failed.ipynb", "leappy.ipynb"))
    assert gout == janquor == iosmart  # started once, warm for the next runs
    assert leappy != iosmart  # after a failure: a fresh kernel


def test_a_run_with_an_own_vendor_leaves_its_kernel_to_no_other_run(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_module, "WORKERS", 1)
    mine = ROOT / "tests" / "fixtures" / "atelier" / "atelier.yaml"  # an analyst's own file
    path = template(tmp_path, "import os\nprint(os.getpid())")
    batch = run([str(mine), "gout", "janquor"], out=tmp_path / "out", template=path,
                progress=False)
    assert batch.ok, batch.summary()
    assert [o.name for o in batch.outcomes] == ["atelier", "gout", "janquor"]
    atelier, gout, janquor = (kernel_pid(o.notebook) for o in batch.outcomes)
    assert atelier != gout  # the own vendor stays in its kernel's session only
    assert gout == janquor  # a run over built-in vendors leaves its kernel warm


def test_the_folder_lock_refuses_a_second_batch_while_the_first_runs(tmp_path):
    marks = tmp_path / "started"
    marks.mkdir()
    go = tmp_path / "go"
    path = template(tmp_path, f"""\
import pathlib, time
(pathlib.Path({str(marks)!r}) / vendors[0]).touch()
deadline = time.monotonic() + 60
while not pathlib.Path({str(go)!r}).exists() and time.monotonic() < deadline:
    time.sleep(0.05)
""")
    out = tmp_path / "out"
    first = {}
    thread = threading.Thread(target=lambda: first.update(batch=run(
        ["gout", "teogest"], out=out, template=path, progress=False)))
    thread.start()
    try:
        wait = threading.Event()
        for _ in range(1200):  # both runs are in their kernels (at most 60 s)
            if len(list(marks.iterdir())) == 2:
                break
            wait.wait(0.05)
        assert len(list(marks.iterdir())) == 2
        with pytest.raises(CgvError, match="another cgvlib report is writing into this "
                                           "folder"):
            run(["leappy"], out=out, template=path, progress=False)
    finally:
        go.touch()
        thread.join()
    assert first["batch"].ok, first["batch"].summary()
    assert sorted(p.name for p in out.iterdir()) == [
        "gout.html", "gout.ipynb", "teogest.html", "teogest.ipynb"]


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for stat in os.listdir("/proc"):
        if stat.isdigit():
            try:
                with open(f"/proc/{stat}/stat", encoding="utf-8") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(stat))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_during_two_runs_stops_both_kernels_and_leaves_nothing(tmp_path):
    out = tmp_path / "reports"
    process = subprocess.Popen(
        [sys.executable, "-m", "cgvlib", "report", "--vendor", "gout", "--vendor", "teogest",
         "--out", str(out), "--quiet"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint)
    wait_for(process, lambda: len(running(out)) == 2 and cells_done(out),
             "two runs going, a cell executed")
    kernels = children(process.pid)
    assert len(kernels) == 2  # one per worker
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr == "cgvlib: interrupted (Ctrl-C); stopped, nothing partial left behind\n"
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == []  # no scratch folder, file or lock
    assert not [pid for pid in kernels if alive(pid)]
    assert not (out / REPORT_LOCK).exists()


def test_a_running_notebook_is_saved_at_most_once_a_second(monkeypatch):
    # papermill saves before and after each cell; a run's scratch notebook is written when
    # the last write is at least SAVE_EVERY (1 s) old: at 0.0, 1.0 and 2.2 here
    times = [0.0, 0.4, 0.9, 1.0, 1.5, 2.2]
    now = []
    monkeypatch.setattr(batch_module.time, "monotonic", lambda: now[-1])
    saved = []
    save = batch_module._at_most_every(batch_module.SAVE_EVERY, lambda: saved.append(now[-1]))
    for t in times:
        now.append(t)
        save()
    assert saved == [0.0, 1.0, 2.2]
