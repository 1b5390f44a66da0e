"""Benchmark: a 1,000,000-row French ledger read and computed end to end.

The ledger is generated in a temporary folder as a French accounting export: UTF-8 with a
byte-order mark, ``;`` separators, ``Fournisseur;N° de facture;Date de facture;Échéance;Payée
le;Montant HT``, ``15/03/2024`` dates, amounts such as ``1 234,56``, 5 % unpaid, across the five
vendors and the statutory terms (vendor names written several ways), due dates from 2016 to
June 2025, computed at ``as_of`` = 2025-06-30.

Baseline, in the same run: ``pandas.read_csv`` of the same file alone (its frame's bytes are
the memory reference). Measured: ``read_ledger`` + ``ledger_claims`` + the summaries
(``by_vendor``, ``by_month``) end to end. Printed for information beside them: pandas reading
the file with its French types (:func:`typed_reading`), one run.

It also prints one more run split by phase: reading, the claims, and within them the
arithmetic (:func:`~cgvlib.arithmetic.late_payment_frame.late_payment_frame`), the summaries.

Targets: time at most 3x the baseline; peak memory at most 4x the bytes of the baseline's
frame. Memory is the growth of the resident set (Linux ``VmHWM`` after the run minus ``VmRSS``
before it) in a fresh process that has already imported cgvlib and read a small ledger, so it
counts the Arrow buffers pandas uses for text, which tracemalloc does not see. Run with
``make bench``.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from cgvlib.ledger import ledger_claims, read_ledger

ROWS = 1_000_000
REPEATS = 2
TARGET_RATIO = 3.0
TARGET_MEMORY_RATIO = 4.0
AS_OF = dt.date(2025, 6, 30)
NAMES = ["Loi", "L441-10", "JANQUOR", "Janquor", "ioSmart", "IOSMART", "Teogest", "Leappy SAS",
         "leappy", "Michaël GOUT", "Michael Gout"]
HEADER = "Fournisseur;N° de facture;Date de facture;Échéance;Payée le;Montant HT"


def french_amounts(cents: np.ndarray) -> pd.Series:
    """``1 234,56``: thousands grouped by a space, a decimal comma."""
    euros = pd.Series(cents // 100).map("{:,}".format).str.replace(",", " ", regex=False)
    return euros + "," + pd.Series(cents % 100).map("{:02d}".format)


def generate(path: Path, rows: int = ROWS, seed: int = 20250630) -> None:
    rng = np.random.default_rng(seed)
    first, last = np.datetime64("2016-01-01"), np.datetime64(AS_OF.isoformat())
    due = first + rng.integers(0, int((last - first).astype(int)) + 1, rows).astype("m8[D]")
    invoice = due - rng.integers(0, 46, rows).astype("m8[D]")
    paid = np.minimum(due + rng.integers(-10, 301, rows).astype("m8[D]"), last)
    paid = np.maximum(paid, invoice)
    unpaid = rng.random(rows) < 0.05
    cents = rng.integers(1, 5_000_000, rows)  # 0.01 .. 49,999.99 EUR

    def french(days: np.ndarray) -> pd.Series:
        return pd.Series(days.astype("datetime64[ns]")).dt.strftime("%d/%m/%Y")

    table = pd.DataFrame({
        "Fournisseur": np.asarray(NAMES, dtype=object)[rng.integers(0, len(NAMES), rows)],
        "N° de facture": pd.Series(np.arange(1, rows + 1)).map("F-{:07d}".format),
        "Date de facture": french(invoice),
        "Échéance": french(due),
        "Payée le": french(paid).where(~unpaid, ""),
        "Montant HT": french_amounts(cents),
    })
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        table.to_csv(out, sep=";", index=False, header=HEADER.split(";"), lineterminator="\r\n")


def baseline(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep=";", encoding="utf-8-sig")


def typed_reading(path: Path) -> pd.DataFrame:
    """For information: pandas reading the same file with its French types (decimal comma,
    thousands grouped by a space, ``dd/mm/yyyy`` dates): float euros, no row checked or
    refused, no vendor matched; what an analyst gets from pandas alone."""
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", decimal=",", thousands=" ",
                       parse_dates=["Date de facture", "Échéance", "Payée le"],
                       date_format="%d/%m/%Y")


def measured(path: Path):
    result = ledger_claims(read_ledger(path), as_of=AS_OF)
    return result, result.by_vendor, result.by_month


def phases(path: Path) -> dict[str, float]:
    """One more run split into its phases (seconds): reading, the claims (and within them
    the arithmetic's :func:`late_payment_frame`, timed through a wrapper), the summaries."""
    import cgvlib.ledger.claims as claims

    arithmetic = claims.late_payment_frame
    spent = [0.0]

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return arithmetic(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    claims.late_payment_frame = timed
    try:
        start = time.perf_counter()
        ledger = read_ledger(path)
        read = time.perf_counter()
        result = ledger_claims(ledger, as_of=AS_OF)
        computed = time.perf_counter()
        summaries = (result.by_vendor, result.by_month)
        summarised = time.perf_counter()
        del summaries
    finally:
        claims.late_payment_frame = arithmetic
    return {"read_ledger": read - start, "ledger_claims": computed - read,
            "of which late_payment_frame": spent[0], "summaries": summarised - computed}


def timed_once(run, path: Path) -> float:
    start = time.perf_counter()
    run(path)
    return time.perf_counter() - start


def best(run, path: Path) -> tuple[float, object]:
    times, out = [], None
    for _ in range(REPEATS):
        start = time.perf_counter()
        out = run(path)
        times.append(time.perf_counter() - start)
    return min(times), out


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise OSError(f"no {field} in /proc/self/status")


def _child_peak(which: str, path: str, warm: str, queue) -> None:
    run = {"baseline": baseline, "measured": measured}[which]
    measured(Path(warm))  # imports, vendor files and rate tables in place, as in the timing
    before = _status_kib("VmRSS")
    run(Path(path))
    queue.put((_status_kib("VmHWM") - before) * 1024)


def peak_bytes(which: str, path: Path, warm: Path) -> int:
    """The resident-set growth of one run of ``which`` in a fresh process, in bytes."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(target=_child_peak, args=(which, str(path), str(warm), queue))
    child.start()
    peak = queue.get()
    child.join()
    return peak


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grand_livre.csv"
        start = time.perf_counter()
        generate(path)
        made = time.perf_counter() - start
        size = path.stat().st_size
        print(f"{ROWS:,} rows, {size / 1e6:.0f} MB, generated in {made:.1f} s; "
              f"best of {REPEATS} runs")
        warm = _warm(Path(tmp))
        measured(warm)  # vendor files and rate tables loaded before timing
        base_s, frame = best(baseline, path)
        frame_bytes = int(frame.memory_usage(deep=True).sum())
        del frame
        ledger_s, (result, by_vendor, _) = best(measured, path)
        ratio = ledger_s / base_s
        counts = (result.rows_read, result.accepted, result.rejected_count)
        total = int(by_vendor["total_cents"].sum())
        del result, by_vendor
        split = phases(path)
        typed_s = timed_once(typed_reading, path)
        base_peak = peak_bytes("baseline", path, warm)
        peak = peak_bytes("measured", path, warm)
    memory_ratio = peak / frame_bytes
    complete = counts[0] == ROWS and counts[1] + counts[2] == ROWS
    print(f"{'baseline: pandas.read_csv alone':<48} {base_s:7.2f} s   frame "
          f"{frame_bytes / 1e6:7.0f} MB (peak growth {base_peak / 1e6:.0f} MB)")
    print(f"{'read_ledger + ledger_claims + summaries':<48} {ledger_s:7.2f} s   "
          f"peak growth {peak / 1e6:5.0f} MB")
    print(f"{'for information: pandas.read_csv, French types':<48} {typed_s:7.2f} s   "
          f"(read_ledger + ledger_claims + summaries: {ledger_s / typed_s:.2f}x that)")
    print(f"rows read {counts[0]:,}, accepted {counts[1]:,}, rejected {counts[2]:,}; "
          f"claimable {total / 100:,.2f} EUR")
    whole = split["read_ledger"] + split["ledger_claims"] + split["summaries"]
    print("one more run, by phase: " + ", ".join(
        f"{name} {seconds:.2f} s ({seconds / whole:.0%})" for name, seconds in split.items()))
    time_ok = ratio <= TARGET_RATIO
    memory_ok = memory_ratio <= TARGET_MEMORY_RATIO
    print(f"time   {ratio:5.2f}x the baseline    target <= {TARGET_RATIO:.0f}x: "
          f"{'PASS' if time_ok else 'FAIL'}")
    print(f"memory {memory_ratio:5.2f}x the frame's bytes target <= "
          f"{TARGET_MEMORY_RATIO:.0f}x: {'PASS' if memory_ok else 'FAIL'}")
    ok = time_ok and memory_ok and complete
    if not complete:
        print("FAIL: accepted + rejected is not the rows read")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


def _warm(folder: Path) -> Path:
    """A small ledger of the same kind, read once first so that the vendor files and the rate
    tables are loaded before the timed runs."""
    path = folder / "warm.csv"
    generate(path, rows=1_000, seed=1)
    return path


if __name__ == "__main__":
    sys.exit(main())
