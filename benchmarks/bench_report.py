"""The report for all five vendors (papermill run + HTML export each), timed; target: under
60 s in all.

Baseline in the same run: the same number of papermill runs of a one-cell notebook that only
imports cgvlib (kernel start-up and the import), so the difference is the reports' own work.
"""

from __future__ import annotations

import pathlib
import sys
import tempfile
import time

import nbformat
import papermill

from cgvlib.report.batch import run

TARGET_S = 60.0


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        start = time.perf_counter()
        batch = run(None, out=tmp / "reports", progress=False)
        total = time.perf_counter() - start
        for outcome in batch.outcomes:
            print(f"report {outcome.name:<38} {outcome.seconds:6.1f} s")
        baseline = tmp / "baseline.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import cgvlib")]),
                       baseline)
        start = time.perf_counter()
        for i, _ in enumerate(batch.outcomes):
            papermill.execute_notebook(str(baseline), str(tmp / f"out{i}.ipynb"),
                                       progress_bar=False, kernel_name="python3")
        base = time.perf_counter() - start
    print(f"{'baseline: as many runs of `import cgvlib`':<45} {base:6.1f} s")
    ok = batch.ok and total < TARGET_S
    print(f"{'report for all vendors':<45} {total:6.1f} s   target < {TARGET_S:.0f} s: "
          f"{'PASS' if ok else 'FAIL'}" + ("" if batch.ok else "  (a run failed)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
