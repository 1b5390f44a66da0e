"""Reports (papermill run + HTML export), timed against a plain papermill run in the same run.

- one vendor's report (``teogest``) against a one-cell notebook that only imports cgvlib, run
  by papermill on the same kernel (kernel start-up and the import): target at most 1.2x, on
  what a user waits for, the two commands: ``python -m cgvlib report --vendor teogest --out D
  --quiet`` against ``papermill -k python3 one.ipynb out.ipynb`` (``python3``: the report's
  kernel name, :data:`cgvlib.report.batch.KERNEL`), each the median of CMD_RUNS runs, taken in
  turn, after a warm-up run of each. The same pair in this process (``cgvlib.report.run``, its
  exporter built anew as a command does, against ``papermill.execute_notebook``; medians of
  RUNS and BASE_RUNS after one warm-up each) is printed for information with its ratio;
- the report for all five vendors (``report --all``: at most ``WORKERS`` at once, one warm
  kernel each) against one vendor's report in this process: target at most 2x (median of
  ALL_RUNS);
- the five reports in all: under 60 s.

Then where one report's time goes: the kernel's cells (from papermill's timings: the
template's import, the charts, the rest), the HTML export (building the exporter, one export
with it built), and what is left (kernel start-up, papermill, writing the files). The
reports' kernel loads the template's modules while it starts (:mod:`cgvlib.report.kernel`):
the template's import cell then takes next to nothing, its cost is in the start-up.
"""

from __future__ import annotations

import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat
import papermill

from cgvlib.report import batch as report_batch
from cgvlib.report.batch import KERNEL, run, this_python_kernel

RUNS = 3
BASE_RUNS = 5
CMD_RUNS = 5
ALL_RUNS = 2
ONE = "teogest"
ONE_RATIO = 1.2
ALL_RATIO = 2.0
TARGET_S = 60.0


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def command(args: list[str]) -> float:
    """The seconds ``args`` takes as a command, from start to exit; it must succeed."""
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def commands(tmp: pathlib.Path, baseline: pathlib.Path) -> tuple[list[float], list[float]]:
    """The report command's and the papermill command's times: a warm-up run of each, then
    CMD_RUNS of each, taken in turn (so that a busy moment weighs on both)."""
    papermill_command = str(pathlib.Path(sys.executable).parent / "papermill")

    def report(i: int) -> float:
        return command([sys.executable, "-m", "cgvlib", "report", "--vendor", ONE, "--out",
                        str(tmp / f"cmd{i}"), "--quiet"])

    def plain(i: int) -> float:
        return command([papermill_command, "-k", KERNEL, str(baseline),
                        str(tmp / f"cmd_out{i}.ipynb")])

    report(-1)
    plain(-1)
    reports, plains = [], []
    for i in range(CMD_RUNS):
        plains.append(plain(i))
        reports.append(report(i))
    return reports, plains


def one_report(out: pathlib.Path) -> tuple[float, object]:
    """One vendor's report, its exporter built anew (as ``python -m cgvlib report`` does)."""
    report_batch._html_exporter.cache_clear()
    return timed(lambda: run([ONE], out=out, progress=False))


def breakdown(notebook: pathlib.Path, base: float, one: float) -> None:
    """Where one report's time goes, from its executed notebook."""
    executed = nbformat.read(notebook, as_version=4)
    cells = [(c.source.splitlines()[0] if c.source else "", c.metadata.papermill.duration or 0)
             for c in executed.cells if c.cell_type == "code"]
    imports = sum(s for src, s in cells if src.startswith(("from ", "import ", "%")))
    charts = sum(s for src, s in cells if ".charts(" in src)
    cells_total = sum(s for _, s in cells)
    report_batch._html_exporter.cache_clear()
    build, _ = timed(report_batch._html_exporter)
    export, _ = timed(lambda: report_batch._html_exporter().from_notebook_node(executed))
    print("where one report's time goes (its median run; the exporter timed after it):")
    rows = [
        ("kernel start-up + import cgvlib (baseline)", base),
        ("template's import cell (loaded at start-up)", imports),
        ("charts (4 cells)", charts),
        ("other cells (tables, card, working)", cells_total - imports - charts),
        ("HTML exporter built (in the background)", build),
        ("HTML export with the exporter built", export),
        ("rest: papermill, saves, moves", one - base - cells_total - export),
    ]
    for name, seconds in rows:
        print(f"  {name:<46} {seconds:6.2f} s")


def main() -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        baseline = tmp / "baseline.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import cgvlib")]),
                       baseline)

        def plain(i: int) -> None:
            papermill.execute_notebook(str(baseline), str(tmp / f"out{i}.ipynb"),
                                       progress_bar=False, kernel_name=KERNEL,
                                       kernel_manager_class=this_python_kernel())

        plain(-1)  # warm the disk cache: the kernel's and cgvlib's files
        one_report(tmp / "warm")  # and the report's
        bases = [timed(lambda i=i: plain(i))[0] for i in range(BASE_RUNS)]
        base = statistics.median(bases)
        ones = []
        for i in range(RUNS):
            seconds, batch = one_report(tmp / f"one{i}")
            failures += not batch.ok
            ones.append(seconds)
        one = statistics.median(ones)
        totals = []
        for i in range(ALL_RUNS):
            seconds, batch = timed(lambda i=i: run(None, out=tmp / f"all{i}", progress=False))
            failures += not batch.ok
            totals.append(seconds)
        total = statistics.median(totals)
        print(f"baseline runs {', '.join(f'{s:.2f}' for s in bases)} s; one report runs "
              f"{', '.join(f'{s:.2f}' for s in ones)} s; --all runs "
              f"{', '.join(f'{s:.1f}' for s in totals)} s ({report_batch.WORKERS} workers)")
        for outcome in batch.outcomes:
            print(f"  report {outcome.name:<36} {outcome.seconds:6.1f} s"
                  + ("" if outcome.ok else f"  FAILED: {outcome.error}"))
        middle = ones.index(one)  # the median run (RUNS is odd)
        breakdown(tmp / f"one{middle}" / f"{ONE}.ipynb", base, one)
        cmd_reports, cmd_plains = commands(tmp, baseline)
        cmd_report = statistics.median(cmd_reports)
        cmd_plain = statistics.median(cmd_plains)
        print(f"commands: report runs {', '.join(f'{s:.2f}' for s in cmd_reports)} s; "
              f"papermill runs {', '.join(f'{s:.2f}' for s in cmd_plains)} s")

    print(f"{'one report, in process':<30} {one:6.1f} s  baseline one-cell papermill run "
          f"{base:5.1f} s  ratio {one / base:5.2f} (for information)")
    ok = cmd_report <= ONE_RATIO * cmd_plain
    failures += not ok
    print(f"{'one report, command (' + ONE + ')':<30} {cmd_report:6.1f} s  baseline "
          f"papermill command {cmd_plain:5.1f} s  ratio {cmd_report / cmd_plain:5.2f} "
          f"(target <= {ONE_RATIO})  {verdict(ok)}")
    ok = total <= ALL_RATIO * one
    failures += not ok
    print(f"{'report --all (5 vendors)':<30} {total:6.1f} s  baseline one report "
          f"{one:5.1f} s  ratio {total / one:5.2f} (target <= {ALL_RATIO})  {verdict(ok)}")
    ok = total < TARGET_S
    failures += not ok
    print(f"{'report --all in all':<30} {total:6.1f} s  target < {TARGET_S:.0f} s  {verdict(ok)}")
    print("PASS" if not failures else f"FAIL ({failures} target(s) missed or runs failed)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
