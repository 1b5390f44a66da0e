"""Run every benchmark (``benchmarks/bench_*.py``, each in its own process) and write what
each printed, with the date, the machine and which targets pass, to ``benchmarks/RESULTS.md``
(replacing the previous results). Exit status 1 when a benchmark misses a target.

Run it with ``make bench``; ``python benchmarks/write_results.py bench_checks`` runs only the
benchmarks named (their section alone is then written).
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import platform
import subprocess
import sys
import time

from cgvlib.output import write_text

HERE = pathlib.Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"


def machine() -> str:
    cores = os.cpu_count()
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, "
            f"load average at the start {load}")


def main(names: list[str]) -> int:
    chosen = sorted(HERE.glob("bench_*.py"))
    if names:
        chosen = [p for p in chosen if p.stem in names or p.name in names]
    started = dt.datetime.now(dt.UTC)
    sections, verdicts = [], []
    about = machine()
    for path in chosen:
        print(f"== {path.name}", flush=True)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                              cwd=HERE.parent)
        seconds = time.perf_counter() - start
        output = done.stdout.rstrip() + (f"\n{done.stderr.rstrip()}" if done.returncode and
                                         done.stderr.strip() else "")
        print(output, flush=True)
        passed = done.returncode == 0
        verdicts.append((path.name, passed, seconds))
        sections.append(f"## {path.name}: {'PASS' if passed else 'FAIL'}\n\n```\n{output}\n```\n")
    table = "\n".join(f"| `{name}` | {'PASS' if ok else 'FAIL'} | {s:.0f} s |"
                      for name, ok, s in verdicts)
    text = (
        "# Benchmark results\n\n"
        f"Written by `make bench` (`python benchmarks/write_results.py`) on "
        f"{started:%Y-%m-%d %H:%M} UTC; machine: {about}. Each benchmark prints its figures "
        "with the baseline measured in the same run and the ratio; timings on a busy machine "
        "are noisy, rerun on a quiet one before reading them closely.\n\n"
        "| benchmark | targets | took |\n|---|---|---|\n"
        f"{table}\n\n" + "\n".join(sections)
    )
    write_text(RESULTS, text, force=True)
    print(f"written: {RESULTS}")
    return 0 if all(ok for _, ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
