"""check_all over the five vendors, warm (vendors loaded, reference data read, a first call
made), against a plain baseline in the same run: loading the five vendors warm (the loader's
cache) and building a DataFrame of as many rows. Target: median under 50 ms.

The first call after the vendors are loaded is printed too (not a target: it runs every
check; a repeated call with the same vendors and reference data reuses the findings).
Both calls must give the same findings.
"""

from __future__ import annotations

import statistics
import sys
import time

import pandas as pd

from cgvlib import check_all, vendors

RUNS = 15
TARGET_S = 0.05


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    value = call()
    return time.perf_counter() - start, value


def main() -> int:
    vendors()
    first, findings = timed(check_all)
    warm = []
    for _ in range(RUNS):
        seconds, again = timed(check_all)
        warm.append(seconds)
    same = again.equals(findings)
    rows = findings.to_dict("records")
    base = statistics.median(timed(lambda: (vendors(), pd.DataFrame(rows)))[0]
                             for _ in range(RUNS))
    median = statistics.median(warm)
    ok = same and median < TARGET_S
    print(f"check_all, {len(findings)} findings on 5 vendors: first call {first:.3f} s")
    print(f"{'check_all warm':<28} {median * 1000:7.1f} ms  baseline (vendors + frame) "
          f"{base * 1000:6.1f} ms  ratio {median / base:5.1f}  same findings: "
          f"{'yes' if same else 'NO'}  target < {TARGET_S * 1000:.0f} ms  "
          f"{'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
