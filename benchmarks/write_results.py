"""Run every benchmark (``benchmarks/bench_*.py``, each in its own process) and write what
each printed, with the date, the machine and which targets pass, to ``benchmarks/RESULTS.md``
(replacing the previous results). Exit status 1 when a benchmark misses a target.

Run it with ``make bench``; ``python benchmarks/write_results.py bench_checks`` runs only the
benchmarks named: their sections and rows replace theirs in the results already written, the
others are kept as they were, and the first paragraph says which were run again, when, and on
what load.
"""

from __future__ import annotations

import datetime as dt
import os
import pathlib
import platform
import re
import subprocess
import sys
import time

from cgvlib.output import write_text

HERE = pathlib.Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"


def machine() -> str:
    cores = os.cpu_count()
    return (f"{platform.machine()}, {cores} cores, Python {platform.python_version()}, "
            f"load average at the start {load()}")


_ROW = re.compile(r"^\| `(bench_\w+\.py)` \| (PASS|FAIL) \| (\d+) s \|$", re.MULTILINE)
_AGAIN = re.compile(r" Run again since: (.*)\.$")


def earlier(text: str) -> tuple[str, dict[str, tuple[bool, float, str]]]:
    """The first paragraph of results already written, and each benchmark's ``(passed,
    seconds, section)`` in them."""
    paragraphs = text.split("\n\n")
    head = paragraphs[1] if len(paragraphs) > 1 else ""
    found = {}
    for name, verdict, seconds in _ROW.findall(text):
        start = text.find(f"## {name}:")
        end = text.find("\n## ", start + 1)
        section = text[start:] if end < 0 else text[start:end + 1]
        found[name] = (verdict == "PASS", float(seconds), section.rstrip("\n") + "\n")
    return head, found


def again_said(head: str, names: list[str], when: dt.datetime) -> str:
    """``head`` saying that ``names`` were run again at ``when`` (an earlier mention of the
    same benchmark replaced)."""
    match = _AGAIN.search(head)
    said = dict(re.findall(r"`(bench_\w+\.py)` on ([^;]*)", match.group(1))) if match else {}
    for name in names:
        said[name] = f"{when:%Y-%m-%d %H:%M} UTC, load average {load()}"
    base = head[:match.start()] if match else head
    return base + " Run again since: " + "; ".join(
        f"`{name}` on {text}" for name, text in sorted(said.items())) + "."


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
    head = (f"Written by `make bench` (`python benchmarks/write_results.py`) on "
            f"{started:%Y-%m-%d %H:%M} UTC; machine: {about}. Each benchmark prints its figures "
            "with the baseline measured in the same run and the ratio; timings on a busy "
            "machine are noisy, rerun on a quiet one before reading them closely.")
    results = {name: (ok, s, section)
               for (name, ok, s), section in zip(verdicts, sections, strict=True)}
    if names and RESULTS.exists():  # the others as they were written
        kept_head, kept = earlier(RESULTS.read_text("utf-8"))
        if kept:
            head = again_said(kept_head, [name for name, _, _ in verdicts], started)
            results = {**kept, **results}
    table = "\n".join(f"| `{name}` | {'PASS' if ok else 'FAIL'} | {s:.0f} s |"
                      for name, (ok, s, _) in sorted(results.items()))
    text = (
        "# Benchmark results\n\n"
        f"{head}\n\n"
        "| benchmark | targets | took |\n|---|---|---|\n"
        f"{table}\n\n" + "\n".join(section for _, (_, _, section) in sorted(results.items()))
    )
    write_text(RESULTS, text, force=True)
    print(f"written: {RESULTS}")
    return 0 if all(ok for _, ok, _ in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
