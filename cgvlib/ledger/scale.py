"""A ledger split over many files, read and computed with dask (optional extra ``scale``).

``read_ledger(folder_or_glob, engine="dask")`` reads every CSV (or every Parquet) file of a
folder, or those a glob names, one dask partition per file, each file by the very reader of
:mod:`cgvlib.ledger.read` (so the same forms, the same reasons, row numbers counted within
each file, and a ``file`` column naming it). ``ledger_claims`` then computes each partition
with :func:`~cgvlib.ledger.claims.ledger_claims` in dask's workers and gathers the results:
the same invoices and totals as pandas on the same data.
"""

from __future__ import annotations

import glob
from pathlib import Path

import pandas as pd

from cgvlib.errors import InputError
from cgvlib.ledger.read import FRAME_COLUMNS, Ledger, _by_suffix, ledger_from_table

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
    part = ledger_from_table(table, str(path), serials=serials, **options)
    part.frame.insert(0, "file", path.name)
    part.rejected.insert(0, "file", path.name)
    return part


def read_ledger_dask(source, **options) -> Ledger:
    """A :class:`~cgvlib.ledger.read.Ledger` whose ``frame`` is a dask DataFrame, one
    partition per file; ``rejected`` and ``rows_read`` are gathered from every file."""
    dask, dd = _dask()
    files = ledger_files(source)
    parts = dask.compute(*[dask.delayed(_read_part)(p, options) for p in files])
    bases = {p.amount_basis for p in parts}
    if len(bases) > 1:
        raise InputError(f"{source}: the files' amounts are not all HT or all TTC; give "
                         "--amount-basis only when no header says, or split the ledgers")
    meta = parts[0].frame.iloc[:0]
    frame = dd.from_delayed([dask.delayed(p.frame) for p in parts], meta=meta,
                            verify_meta=False)
    rejected = pd.concat([p.rejected for p in parts], ignore_index=True)
    return Ledger(frame, rejected, sum(p.rows_read for p in parts), str(source),
                  parts[0].amount_basis, parts[0].columns, parts[0].lang)


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
    return result


def is_dask_frame(frame) -> bool:
    return type(frame).__module__.split(".")[0] in ("dask", "dask_expr")


def claims_by_partition(ledger: Ledger, as_of, lang: str):
    """``(invoices, rejected, readings)`` gathered from each partition's claims."""
    from cgvlib.reference.provisional import assumed_until

    dask, _ = _dask()
    until = assumed_until()
    # what a partition needs of the ledger, without its dask frame (dask would compute it)
    about = Ledger(pd.DataFrame(), ledger.rejected.iloc[:0], 0, ledger.source,
                   ledger.amount_basis, ledger.columns, ledger.lang)
    results = dask.compute(*[dask.delayed(_claims_part)(p, about, as_of, lang, until)
                             for p in ledger.frame.to_delayed()])
    invoices = [r.invoices for r in results if len(r.invoices)]
    rejected = [ledger.rejected, *(r.rejected for r in results if len(r.rejected))]
    readings = {}
    for r in results:
        readings.update(r.readings)
    empty = pd.DataFrame(columns=["file", *FRAME_COLUMNS])
    return (pd.concat(invoices, ignore_index=True) if invoices else empty,
            pd.concat(rejected, ignore_index=True), readings)
