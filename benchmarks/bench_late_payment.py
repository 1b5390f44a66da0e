"""Benchmark: late_payment_frame on 1,000,000 invoices against a loop over late_payment.

For each of the five vendors and the statutory terms: the vectorised function on 1M invoices
(due dates spread over 2015-2025, delays of 0 to 400 days, random amounts in cents), and a
plain loop over the scalar function on a 2,000-invoice sample of the same table, in the same
run. Both must agree to the cent on the sample (every reading's total included).

Targets: at least 10M rows/s for every vendor and every reading of its clause (each reading
computed alone, ``late_payment_frame(vendor, rows, reading=r, readings=[])``, 1M rows under
0.1 s, best of three) and 100x the loop's per-invoice throughput. For information, every
reading at once (the default call: an ambiguous clause's other readings add two columns
each), with its throughput in reading-rows per second. Memory, on 10M invoices (tracemalloc,
which sees numpy's buffers): the peak while computing, beyond the result returned, at most 4x
the input frame's bytes (the raw peak, result included, is printed too: a vendor with many
readings returns two int64 columns per reading, so its result alone outgrows the input).
Dask: the same 1M rows in two partitions no slower than in one (threaded scheduler, median of
five; the rows' totals summed, as a dask job uses them, rather than gathered into one pandas
frame).
Run with ``make bench`` (not part of the test suite).
"""

from __future__ import annotations

import statistics
import time
import tracemalloc

import numpy as np
import pandas as pd

from cgvlib.arithmetic.late_payment import AS_WRITTEN, LAWFUL, late_payment
from cgvlib.arithmetic.late_payment_frame import late_payment_frame

ROWS = 1_000_000
SAMPLE = 2_000
REPEATS = 3
TARGET_SECONDS = 0.1  # 10M rows/s
MEMORY_ROWS = 10_000_000
TARGET_MEMORY = 4.0  # x the input frame's bytes, beyond the result
TARGET_SPEEDUP = 100
VENDORS = ("statutory", "janquor", "iosmart", "teogest", "leappy", "gout")
LAST_COVERED = np.datetime64("2026-06-11")  # the ECB data's complete_until


def invoices(rows: int, seed: int = 20240229) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    first, last = np.datetime64("2015-01-01"), np.datetime64("2025-12-31")
    due = first + rng.integers(0, int((last - first).astype(int)) + 1, rows).astype("m8[D]")
    paid = np.minimum(due + rng.integers(0, 401, rows).astype("m8[D]"), LAST_COVERED)
    invoice_date = due - rng.integers(0, 31, rows).astype("m8[D]")
    amount = rng.integers(1, 1_000_000_000, rows) / 100  # 0.01 .. 10,000,000.00 EUR
    return pd.DataFrame(
        {
            "amount": amount,
            "due": due.astype("datetime64[s]"),
            "paid": paid.astype("datetime64[s]"),
            "invoice_date": invoice_date.astype("datetime64[s]"),
        }
    )


def loop(vendor: str, sample: pd.DataFrame) -> tuple[float, list]:
    amounts = sample["amount"].tolist()
    dues = sample["due"].dt.date.tolist()
    paids = sample["paid"].dt.date.tolist()
    invoice_dates = sample["invoice_date"].dt.date.tolist()
    start = time.perf_counter()
    results = [
        late_payment(vendor, a, d, p, invoice_date=i)
        for a, d, p, i in zip(amounts, dues, paids, invoice_dates, strict=True)
    ]
    seconds = time.perf_counter() - start
    return seconds, results


def scalar_totals(result, names: list[str]) -> dict[str, int]:
    """The scalar result's total under each of the frame's reading names. The scalar lists a
    figure as written only where the L441-10 II floor raised it; elsewhere it is the lawful
    figure of the same reading."""
    totals = {"": result.total_cents}
    for name in names:
        if name in result.readings:
            totals[name] = result.readings[name].total_cents
            continue
        base = name.removesuffix(AS_WRITTEN).removesuffix("/")
        lawful = result.readings.get(base) if base not in ("", LAWFUL) else None
        totals[name] = (lawful or result).total_cents
    return totals


def frame_totals(out: pd.DataFrame) -> list[dict[str, int]]:
    shown = out.attrs["reading"]
    columns = {"": "total_cents"}
    for name in out.attrs["readings"]:
        columns[name] = "total_cents" if name == shown else f"total_cents[{name}]"
    arrays = {name: out[col].to_numpy() for name, col in columns.items()}
    return [{name: int(a[i]) for name, a in arrays.items()} for i in range(len(out))]


def best_seconds(vendor: str, data: pd.DataFrame, **options) -> float:
    """The best of REPEATS runs of ``late_payment_frame(vendor, data, **options)``."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        late_payment_frame(vendor, data, **options)
        times.append(time.perf_counter() - start)
    return min(times)


def each_reading(data: pd.DataFrame) -> int:
    """Every reading of every vendor computed alone on ROWS rows: under TARGET_SECONDS each."""
    print(f"\neach reading alone (reading=r, readings=[]), {ROWS:,} rows, best of {REPEATS}:")
    failures = 0
    for vendor in VENDORS:
        names = late_payment_frame(vendor, data.iloc[:1]).attrs["readings"] or [None]
        for name in names:
            seconds = best_seconds(vendor, data, reading=name, readings=[])
            ok = seconds < TARGET_SECONDS
            failures += not ok
            print(f"{vendor:<10} {name or '(one reading)':<38} {seconds:.3f} s  "
                  f"{ROWS / seconds / 1e6:5.1f}M rows/s  {'PASS' if ok else 'FAIL'}")
    print(f"target: every reading < {TARGET_SECONDS} s per {ROWS:,} rows (10M rows/s)")
    return failures


def memory() -> int:
    """Peak traced memory on MEMORY_ROWS invoices per vendor, against the input's bytes."""
    data = invoices(MEMORY_ROWS)
    given = int(data.memory_usage(index=True, deep=True).sum())
    print(f"\nmemory on {MEMORY_ROWS:,} invoices; input frame {given / 1e6:,.0f} MB")
    print(f"{'vendor':<10} {'peak':>9} {'result':>9} {'peak/input':>11} {'beyond/input':>13}  "
          "verdict")
    failures = 0
    for vendor in VENDORS:
        late_payment_frame(vendor, data.iloc[:10])
        tracemalloc.start()
        out = late_payment_frame(vendor, data)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        result = int(out.memory_usage(index=False, deep=True).sum())
        del out
        beyond = (peak - result) / given
        ok = beyond <= TARGET_MEMORY
        failures += not ok
        print(f"{vendor:<10} {peak / 1e6:>7,.0f}MB {result / 1e6:>7,.0f}MB {peak / given:>10.1f}x "
              f"{beyond:>12.1f}x  {'PASS' if ok else 'FAIL'}")
    print(f"target: peak beyond the result <= {TARGET_MEMORY:.0f}x the input frame's bytes")
    return failures


def dask_partitions(data: pd.DataFrame) -> int:
    """The same rows in one dask partition and in two: two no slower than one."""
    try:
        import dask
        import dask.dataframe as dd
    except ImportError:
        print("\ndask: not installed (optional extra 'scale'): skipped")
        return 0
    vendor = "teogest"
    timed = {}
    with dask.config.set(scheduler="threads"):
        for parts in (1, 2):
            frame = dd.from_pandas(data, npartitions=parts)
            late_payment_frame(vendor, frame)["total_cents"].sum().compute()  # warm
            runs = []
            for _ in range(5):
                start = time.perf_counter()
                late_payment_frame(vendor, frame)["total_cents"].sum().compute()
                runs.append(time.perf_counter() - start)
            timed[parts] = statistics.median(runs)
    ratio = timed[2] / timed[1]
    ok = ratio <= 1.0
    print(f"\ndask, {vendor}, {ROWS:,} rows: 1 partition {timed[1]:.3f} s, 2 partitions "
          f"{timed[2]:.3f} s, ratio {ratio:.2f} (target <= 1.00)  {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


def main() -> int:
    data = invoices(ROWS)
    sample = data.iloc[:SAMPLE]
    failures = 0
    print(f"{ROWS:,} invoices per vendor; loop on {SAMPLE:,}; best of {REPEATS} frame runs")
    print(
        f"{'vendor':<10} {'all, 1M':>10} {'readings':>8} {'rd-rows/s':>10} {'loop/row':>10} "
        f"{'speed-up':>9}  "
        "same  verdict"
    )
    for vendor in VENDORS:
        late_payment_frame(vendor, data.iloc[:10])  # warm the rate tables and vendor cache
        frame_seconds = best_seconds(vendor, data)
        out = late_payment_frame(vendor, data.iloc[:SAMPLE])
        loop_seconds, results = loop(vendor, sample)
        names = list(out.attrs["readings"] or [])
        same = frame_totals(out) == [scalar_totals(r, names) for r in results]
        per_invoice = loop_seconds / SAMPLE
        speedup = per_invoice / (frame_seconds / ROWS)
        ok = same and speedup >= TARGET_SPEEDUP
        failures += not ok
        readings = max(len(names), 1)
        print(
            f"{vendor:<10} {frame_seconds:>9.3f}s {readings:>8} "
            f"{ROWS * readings / frame_seconds / 1e6:>9.1f}M {per_invoice * 1e6:>8.0f}us "
            f"{speedup:>8,.0f}x  {'yes' if same else 'NO':<4}  {'PASS' if ok else 'FAIL'}"
        )
    print(
        f"targets: >= {TARGET_SPEEDUP}x the loop per invoice, equal totals on the sample "
        "(every reading at once: for information)"
    )
    failures += each_reading(data)
    failures += memory()
    failures += dask_partitions(data)
    print("PASS" if not failures else f"FAIL ({failures} target(s) missed)")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
