"""A ledger split over many files, read and computed with dask (optional extra ``scale``), out
of core: no more than one file's rows per worker are in memory at a time.

``read_ledger(folder_or_glob, engine="dask")`` reads every CSV (or every Parquet) file of a
folder, or those a glob names, one dask partition per file, each file by the very reader of
:mod:`cgvlib.ledger.read` (so the same forms, the same reasons, row numbers counted within
each file, and a ``file`` column naming it). Each file is read once for the counts and the
rows refused at reading (kept: they are few), its accepted rows dropped; the ledger's
``frame`` is a dask DataFrame that reads each file again when computed.

``ledger_claims`` then computes each partition with the pandas engine in dask's workers and
keeps, per partition, only what the summaries need: the totals by vendor and by month of the
due date, the largest items (:data:`LARGEST_KEPT`), the rows refused at the computation and
the number of rows accepted; those are merged into the result's ``by_vendor``, ``by_month``
and ``largest(n)`` (sums of integer cents: the same figures as pandas on the same data). The
per-invoice figures stay partitioned: ``result.invoices`` is a dask DataFrame (each partition
largest first), computed only when asked (``.compute()``, the command's workbook) or written
file by file (:meth:`~cgvlib.ledger.result.LedgerResult.write_invoices`).
"""

from __future__ import annotations

import glob
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cgvlib.errors import InputError
from cgvlib.ledger.read import Ledger, _by_suffix, ledger_from_table

LARGEST_KEPT = 100  # the largest items kept per partition, and so in the result
KINDS = {".csv": "csv", ".txt": "csv", ".parquet": "parquet"}


def _dask():
    try:
        import dask
        import dask.dataframe as dd
    except ImportError:
        raise InputError("engine='dask' needs dask (pip install 'cgvlib[scale]', or "
                         "\"dask[dataframe]\")") from None
    return dask, dd


def ledger_files(source) -> list[Path]:
    """The files of a folder (CSV or Parquet, one kind), or those a glob names, sorted."""
    text = str(source)
    path = Path(text).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in KINDS)
    elif any(c in text for c in "*?["):
        files = sorted(Path(p) for p in glob.glob(str(path)) if Path(p).is_file())
    elif path.is_file():
        files = [path]
    else:
        raise InputError(f"{text}: no such folder or file; give a folder of CSV or Parquet "
                         "files, or a glob such as 'ledgers/*.csv'")
    if not files:
        raise InputError(f"{text}: no .csv, .txt or .parquet file found")
    kinds = {KINDS.get(p.suffix.lower()) for p in files}
    if None in kinds or len(kinds) > 1:
        raise InputError(f"{text}: give files of one kind, all CSV or all Parquet; found "
                         + ", ".join(sorted({p.suffix or p.name for p in files})))
    return files


def _read_part(path: Path, options: dict) -> Ledger:
    table, _, serials = _by_suffix(path, path.suffix.lower(), path.name)
    part = ledger_from_table(table, str(path), serials=serials, consume=True, **options)
    part.frame.insert(0, "file", path.name)
    part.rejected.insert(0, "file", path.name)
    return part


def _file_frame(path: Path, options: dict) -> pd.DataFrame:
    """One file's accepted rows (a partition of the ledger's frame)."""
    return _read_part(path, options).frame


def _file_about(path: Path, options: dict) -> Ledger:
    """One file read for its counts and refused rows; its accepted rows dropped (only their
    columns kept, as the frame's description)."""
    part = _read_part(path, options)
    part.frame = part.frame.iloc[:0]
    return part


def read_ledger_dask(source, **options) -> Ledger:
    """A :class:`~cgvlib.ledger.read.Ledger` whose ``frame`` is a dask DataFrame, one
    partition per file, read when computed; ``rejected`` and ``rows_read`` are gathered from
    every file (module docstring)."""
    dask, dd = _dask()
    files = ledger_files(source)
    about = dask.compute(*[dask.delayed(_file_about)(p, options) for p in files])
    bases = {p.amount_basis for p in about}
    if len(bases) > 1:
        raise InputError(f"{source}: the files' amounts are not all HT or all TTC; give "
                         "--amount-basis only when no header says, or split the ledgers")
    meta = about[0].frame
    frame = dd.from_delayed([dask.delayed(_file_frame)(p, options) for p in files],
                            meta=meta, verify_meta=False)
    rejected = pd.concat([p.rejected for p in about], ignore_index=True)
    return Ledger(frame, rejected, sum(p.rows_read for p in about), str(source),
                  about[0].amount_basis, about[0].columns, about[0].lang)


def _claims_part(frame: pd.DataFrame, ledger: Ledger, as_of, lang: str, until):
    """One partition's claims, in the assume_last block the call was made in (``until``)."""
    from cgvlib.ledger.claims import ledger_claims
    from cgvlib.reference.provisional import assume_last_if

    part = Ledger(frame.reset_index(drop=True), ledger.rejected.iloc[:0], len(frame),
                  ledger.source, ledger.amount_basis, ledger.columns, ledger.lang)
    with assume_last_if(until is not None, until):
        result = ledger_claims(part, as_of=as_of, lang=lang)
    if len(frame):  # the rows rejected at computation: the partition's file
        name = frame["file"].iloc[0]
        if "file" in result.rejected.columns:
            result.rejected["file"] = result.rejected["file"].fillna(name)
        else:
            result.rejected.insert(0, "file", name)
    if "provisional" not in result.figures.columns:  # every partition: the same columns
        result.figures["provisional"] = False
    return result


@dataclass(frozen=True)
class Summaries:
    """What a partitioned result keeps in memory: the totals by vendor and by month, the
    largest items, the number of rows accepted, and whether a figure is provisional."""

    by_vendor: pd.DataFrame
    by_month: pd.DataFrame
    largest: pd.DataFrame
    accepted: int
    provisional: bool


def _reduced(result, kept: int) -> dict:
    """One partition's claims reduced to what the summaries need (its invoices dropped)."""
    return {"by_vendor": result.by_vendor, "by_month": result.by_month,
            "largest": result.largest(kept), "accepted": result.accepted,
            "provisional": result.provisional, "rejected": result.rejected,
            "readings": result.readings}


def _merged(parts: list[dict], kept: int) -> Summaries:
    """The partitions' summaries merged: sums by vendor and by month, and the largest items
    of all (the largest of each partition's largest)."""
    from cgvlib.ledger.result import largest_first

    by_vendor = pd.concat([p["by_vendor"] for p in parts]).groupby(level=0, sort=True).sum()
    by_vendor = by_vendor.astype("int64").sort_values("total_cents", ascending=False,
                                                      kind="stable")
    by_vendor.index = by_vendor.index.astype("str")
    by_vendor.index.name = "vendor"
    by_month = (pd.concat([p["by_month"] for p in parts])
                .groupby(["vendor", "month"], sort=True)[["invoices", "total_cents"]].sum()
                .reset_index().astype({"invoices": "int64", "total_cents": "int64"}))
    largest = pd.concat([p["largest"] for p in parts], ignore_index=True)
    largest = largest.take(largest_first(largest)[:kept]).reset_index(drop=True)
    return Summaries(by_vendor, by_month, largest, sum(p["accepted"] for p in parts),
                     any(p["provisional"] for p in parts))


def is_dask_frame(frame) -> bool:
    return type(frame).__module__.split(".")[0] in ("dask", "dask_expr")


def claims_by_partition(ledger: Ledger, as_of, lang: str):
    """``(invoices, rejected, readings, summaries)``: the invoices as a dask DataFrame (each
    partition computed when asked), and the rest reduced partition by partition in one pass
    over the files."""
    from cgvlib.reference.provisional import assumed_until

    dask, dd = _dask()
    until = assumed_until()
    # what a partition needs of the ledger, without its dask frame (dask would compute it)
    about = Ledger(pd.DataFrame(), ledger.rejected.iloc[:0], 0, ledger.source,
                   ledger.amount_basis, ledger.columns, ledger.lang)
    results = [dask.delayed(_claims_part)(p, about, as_of, lang, until)
               for p in ledger.frame.to_delayed()]
    parts = list(dask.compute(*[dask.delayed(_reduced)(r, LARGEST_KEPT) for r in results]))
    summaries = _merged(parts, LARGEST_KEPT)
    readings = {}
    for part in parts:
        readings.update(part["readings"])
    rejected = pd.concat([ledger.rejected, *(p["rejected"] for p in parts
                                             if len(p["rejected"]))], ignore_index=True)
    meta = summaries.largest.iloc[:0]
    invoices = dd.from_delayed([dask.delayed(_invoices_of)(r) for r in results], meta=meta,
                               verify_meta=False)
    return invoices, rejected, readings, summaries


def _invoices_of(result) -> pd.DataFrame:
    return result.invoices
