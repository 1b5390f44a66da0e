"""Executing every notebook headless with papermill, timed; target: under 60 s in all.

Baseline in the same run: a one-cell notebook that only imports cgvlib (kernel start-up and the
import), so the figure per notebook can be read as start-up plus the notebook's own work.
"""

from __future__ import annotations

import pathlib
import sys
import tempfile
import time

import nbformat
import papermill

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET_S = 60.0


def run(path: pathlib.Path, out: pathlib.Path) -> float:
    start = time.perf_counter()
    papermill.execute_notebook(str(path), str(out), cwd=str(path.parent), progress_bar=False,
                               kernel_name="python3")
    return time.perf_counter() - start


def main() -> int:
    notebooks = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        baseline = tmp / "baseline.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import cgvlib")]),
                       baseline)
        base = run(baseline, tmp / "baseline_out.ipynb")
        print(f"{'baseline (start + import cgvlib)':<45} {base:6.1f} s")
        total = 0.0
        for path in notebooks:
            seconds = run(path, tmp / path.name)
            total += seconds
            print(f"{path.relative_to(ROOT).as_posix():<45} {seconds:6.1f} s")
    ok = total < TARGET_S
    print(f"{'all notebooks':<45} {total:6.1f} s   target < {TARGET_S:.0f} s: "
          f"{'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
