"""benchmarks/write_results.py: running some benchmarks again keeps the others' results."""

import datetime as dt
import importlib.util

from cgvlib.paths import PROJECT_ROOT

_SPEC = importlib.util.spec_from_file_location(
    "write_results", PROJECT_ROOT / "benchmarks" / "write_results.py")
write_results = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(write_results)

WRITTEN = """# Benchmark results

Written by `make bench` on 2026-12-06 21:09 UTC; machine: x86_64. Timings are noisy.

| benchmark | targets | took |
|---|---|---|
| `bench_apps.py` | PASS | 26 s |
| `bench_ledger.py` | FAIL | 11 s |

## bench_apps.py: PASS

```
LatePaymentApp 105.6ms PASS
```

## bench_ledger.py: FAIL

```
time 5.66x FAIL
```
"""


def test_the_results_already_written_are_read_back_benchmark_by_benchmark():
    head, found = write_results.earlier(WRITTEN)
    assert head == "Written by `make bench` on 2026-12-06 21:09 UTC; machine: x86_64. " \
                   "Timings are noisy."
    assert sorted(found) == ["bench_apps.py", "bench_ledger.py"]
    assert found["bench_apps.py"] == (
        True, 26.0, "## bench_apps.py: PASS\n\n```\nLatePaymentApp 105.6ms PASS\n```\n")
    assert found["bench_ledger.py"] == (
        False, 11.0, "## bench_ledger.py: FAIL\n\n```\ntime 5.66x FAIL\n```\n")


def test_the_first_paragraph_says_which_ran_again_each_once(monkeypatch):
    monkeypatch.setattr(write_results, "load", lambda: "0.50")
    head, _ = write_results.earlier(WRITTEN)
    once = write_results.again_said(head, ["bench_ledger.py"], dt.datetime(2026, 12, 6, 21, 36))
    assert once.endswith("Timings are noisy. Run again since: `bench_ledger.py` on "
                         "2026-12-06 21:36 UTC, load average 0.50.")
    twice = write_results.again_said(once, ["bench_apps.py", "bench_ledger.py"],
                                     dt.datetime(2026, 12, 6, 22, 0))
    assert twice.endswith("Timings are noisy. Run again since: `bench_apps.py` on "
                          "2026-12-06 22:00 UTC, load average 0.50; `bench_ledger.py` on "
                          "2026-12-06 22:00 UTC, load average 0.50.")
