"""Executing the notebooks headless with papermill (no front end), timed.

- ``all``: every notebook (notebooks/, the lessons of notebooks/teaching, their French
  editions and solutions) once, ``PARALLEL`` at a time; target: under 60 s in all. Printed
  beside it: the sum of the runs' own times, which is what one at a time would take.
- ``apps``: ``CONCURRENT`` runs at once of the notebooks that build apps (dashboard and the
  workbook notebooks, with their defaults then their second parameters), as a server making
  headless copies would: every run must finish, none may wait on a widget's message from a
  front end that is not there. Each cell has ``CELL_TIMEOUT`` seconds: a kernel waiting on a
  comm fails its run loudly (which notebook, which cell), and the benchmark fails.

Baseline in the same run: a one-cell notebook that only imports cgvlib (kernel start-up and
the import), the median of three runs alone, and ``CONCURRENT`` of them at once for ``apps``.
Each kernel starts in its notebook's folder (the notebooks read files beside them), without
changing the folder of this process, which runs several papermill calls in threads. Each run
is made as the report batch makes one (:func:`cgvlib.report.batch.warm_engine`): papermill
on a kernel given to it, the running notebook saved at most every second and at the end
(papermill alone writes the whole notebook, images included, before and after every cell:
about 1.5 s of this process's time per notebook, taken from the kernels on two cores).

``python benchmarks/bench_notebooks.py [all|apps]`` (both by default).
"""

from __future__ import annotations

import concurrent.futures
import json
import pathlib
import statistics
import sys
import tempfile
import time

import nbformat
import papermill
from jupyter_core.utils import run_sync
from papermill.exceptions import PapermillExecutionError

from cgvlib.report.batch import KERNEL, this_python_kernel, warm_engine

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TARGET_S = 60.0
PARALLEL = 2  # the machine's cores
CONCURRENT = 12
CELL_TIMEOUT = 120  # seconds; a cell waiting on a front end's message would wait for ever
START_TIMEOUT = 300  # twelve kernels starting at once on two cores


def kernel_in(folder: pathlib.Path) -> type:
    """A kernel manager (this Python) whose kernel starts in ``folder``."""
    base = this_python_kernel()

    class InFolder(base):
        async def start_kernel(self, **kwargs):
            kwargs.setdefault("cwd", str(folder))
            return await super().start_kernel(**kwargs)

    return InFolder


def app_notebooks() -> list[pathlib.Path]:
    """The notebooks that build an app (cgvlib.apps)."""
    return sorted(p for p in NOTEBOOKS.glob("*.ipynb") if "cgvlib.apps" in p.read_text("utf-8"))


def second_parameters(path: pathlib.Path, tmp: pathlib.Path) -> dict:
    stored = json.loads(path.read_text("utf-8"))["metadata"].get("cgvlib", {})
    return {name: value.replace("{tmp}", str(tmp)) if isinstance(value, str) else value
            for name, value in stored.get("test_parameters", {}).items()}


def run(path: pathlib.Path, out: pathlib.Path, parameters: dict | None = None) -> float:
    """One headless run; raises with the notebook and the cell when it fails or hangs."""
    start = time.perf_counter()
    kernel = kernel_in(path.parent)()
    try:
        papermill.execute_notebook(str(path), str(out), parameters=parameters or {},
                                   progress_bar=False, kernel_name=KERNEL,
                                   engine_name=warm_engine(), km=kernel,
                                   start_timeout=START_TIMEOUT, execution_timeout=CELL_TIMEOUT)
    finally:
        run_sync(kernel.shutdown_kernel)(now=True)
    return time.perf_counter() - start


def why(path: pathlib.Path, exc: BaseException) -> str:
    name = path.relative_to(ROOT).as_posix()
    if isinstance(exc, PapermillExecutionError):
        return f"{name}: cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
    if "timed out" in str(exc).lower():
        return (f"{name}: a cell ran past {CELL_TIMEOUT} s: its kernel waited, on a widget's "
                f"message from a front end that headless runs do not have? ({exc})")
    return f"{name}: {type(exc).__name__}: {exc}"


def at_once(jobs: list[tuple[pathlib.Path, dict]], tmp: pathlib.Path,
            workers: int) -> tuple[float, list[tuple[pathlib.Path, float | str]]]:
    """``jobs`` run ``workers`` at a time: the wall time, and each job's seconds or error."""
    def one(i: int, path: pathlib.Path, parameters: dict):
        try:
            return path, run(path, tmp / f"{i:02d}_{path.name}", parameters)
        except Exception as exc:  # a failed run is reported, the others go on
            return path, why(path, exc)

    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda job: one(*job),
                                [(i, p, params) for i, (p, params) in enumerate(jobs)]))
    return time.perf_counter() - start, results


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(modes: list[str]) -> int:
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        baseline = tmp / "baseline.ipynb"
        nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import cgvlib")]),
                       baseline)
        run(baseline, tmp / "warm.ipynb")  # the disk cache
        base = statistics.median(run(baseline, tmp / f"base{i}.ipynb") for i in range(3))
        print(f"{'baseline (start + import cgvlib), alone':<50} {base:6.1f} s")

        if "all" in modes:
            notebooks = sorted(p for p in NOTEBOOKS.rglob("*.ipynb")
                               if ".ipynb_checkpoints" not in p.parts)
            (tmp / "all").mkdir()
            wall, results = at_once([(p, {}) for p in notebooks], tmp / "all", PARALLEL)
            for path, seconds in results:
                shown = f"{seconds:6.1f} s" if isinstance(seconds, float) else f"FAILED {seconds}"
                print(f"  {path.relative_to(ROOT).as_posix():<48} {shown}")
            failed = [s for _, s in results if isinstance(s, str)]
            alone = sum(s for _, s in results if isinstance(s, float))
            failures += len(failed)
            ok = wall < TARGET_S and not failed
            failures += wall >= TARGET_S
            print(f"{f'all {len(notebooks)} notebooks, {PARALLEL} at a time':<50} {wall:6.1f} s  "
                  f"(their runs' own times add up to {alone:.1f} s; {len(notebooks)} x "
                  f"baseline = {len(notebooks) * base:.1f} s)  target < {TARGET_S:.0f} s  "
                  f"{verdict(ok)}")

        if "apps" in modes:
            apps = app_notebooks()
            jobs = [(p, second_parameters(p, tmp / "apps") if second else {})
                    for second in (False, True) for p in apps][:CONCURRENT]
            (tmp / "apps").mkdir()
            (tmp / "base12").mkdir()
            base_wall, base_results = at_once([(baseline, {})] * CONCURRENT, tmp / "base12",
                                              CONCURRENT)
            wall, results = at_once(jobs, tmp / "apps", CONCURRENT)
            failed = [s for _, s in results + base_results if isinstance(s, str)]
            for message in failed:
                print(f"  FAILED {message}")
            slowest = max((s for _, s in results if isinstance(s, float)), default=0.0)
            failures += len(failed)
            print(f"{f'{CONCURRENT} app notebook runs at once':<50} {wall:6.1f} s  baseline "
                  f"{CONCURRENT} one-cell runs at once {base_wall:5.1f} s  ratio "
                  f"{wall / base_wall:5.2f}; slowest run {slowest:.1f} s; "
                  f"{len(results) - len(failed)} of {len(results)} finished, none waiting on "
                  f"a front end  {verdict(not failed)}")
    print("PASS" if not failures else f"FAIL ({failures} target(s) missed or runs failed)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["all", "apps"]))
