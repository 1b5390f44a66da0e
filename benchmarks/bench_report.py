"""Reports (papermill run + HTML export), timed against a plain papermill run in the same run.

- one vendor's report (``report teogest``) against a one-cell notebook that only imports
  cgvlib, run by papermill on the same kernel (kernel start-up and the import): target at
  most 1.2x (median of RUNS each);
- the report for all five vendors (``report --all``) against one vendor's report: target at
  most 2x;
- the five reports in all: under 60 s.
"""

from __future__ import annotations

import pathlib
import statistics
import sys
import tempfile
import time

import nbformat
import papermill

from cgvlib.report.batch import KERNEL, run, this_python_kernel

RUNS = 3
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

        plain(-1)  # warm the file cache
        base = statistics.median(timed(lambda i=i: plain(i))[0] for i in range(RUNS))
        ones = []
        for i in range(RUNS):
            seconds, batch = timed(lambda i=i: run([ONE], out=tmp / f"one{i}", progress=False))
            failures += not batch.ok
            ones.append(seconds)
        one = statistics.median(ones)
        total, batch = timed(lambda: run(None, out=tmp / "all", progress=False))
        failures += not batch.ok
        for outcome in batch.outcomes:
            print(f"  report {outcome.name:<36} {outcome.seconds:6.1f} s"
                  + ("" if outcome.ok else f"  FAILED: {outcome.error}"))

    ok = one <= ONE_RATIO * base
    failures += not ok
    print(f"{'one report (' + ONE + ')':<30} {one:6.1f} s  baseline one-cell papermill run "
          f"{base:5.1f} s  ratio {one / base:5.2f} (target <= {ONE_RATIO})  {verdict(ok)}")
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
