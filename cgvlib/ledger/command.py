"""``python -m cgvlib ledger FILE``: read an analyst's own ledger, print what each vendor
could claim (totals by vendor, rows read / accepted / rejected, the largest items, the
rejected rows) in the chosen language, and write a workbook (sheets: summary, invoices,
rejected) into ``--out`` through the output guard (:mod:`cgvlib.output`).

With ``--engine dask`` (a folder of files, computed out of core) the workbook's invoices sheet
lists the largest items, and every invoice's figures are written file by file as Parquet into
``<out>/<ledger name>_claims/`` (:meth:`~cgvlib.ledger.result.LedgerResult.write_invoices`),
never gathered in memory."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import pandas as pd

from cgvlib.dates import as_date, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.ledger.claims import ledger_claims
from cgvlib.ledger.read import read_ledger
from cgvlib.ledger.result import LedgerResult
from cgvlib.ledger.tables import invoices_table, rejected_table, summary_table
from cgvlib.money import format_eur
from cgvlib.output import check_target, guarded_write, output_folder
from cgvlib.reference.provisional import assume_last_if

LARGEST = 5  # items printed
REJECTED_SHOWN = 10  # rejected rows printed (all are in the workbook)
EXCEL_ROWS = 1_048_575  # data rows a sheet holds under its header


def column_arguments(pairs: list[str]) -> dict[str, str]:
    """``--column vendor=Fournisseur`` pairs as a mapping; a clear error for another form."""
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, header = pair.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise InputError(f"--column {pair!r}: write canonical=Header, such as "
                             "--column vendor=Fournisseur")
        found[name.strip()] = header.strip()
    return found


def workbook_path(source: str, out) -> Path:
    """``<out>/<ledger name>_claims.xlsx`` (the folder made when missing)."""
    return output_folder(out, what="ledger") / f"{Path(source).stem}_claims.xlsx"


def run(args: argparse.Namespace) -> int:
    """The ``ledger`` command (:mod:`cgvlib.cli`)."""
    lang = args.lang
    as_of = as_date(args.as_of, "--as-of") if args.as_of else dt.date.today()
    target = workbook_path(args.file, args.out)
    check_target(target, force=args.force)  # refused before any work
    ledger = read_ledger(args.file, columns=column_arguments(args.column),
                         amount_basis=args.amount_basis, vendor_files=args.vendor_file,
                         lang=lang, engine=args.engine)
    with assume_last_if(args.assume_last, as_of):
        result = ledger_claims(ledger, as_of=as_of, lang=lang)
    print(summary_text(result, lang))
    if result.summaries is not None:  # out of core: the invoices written file by file
        folder = target.with_name(target.stem)
        result.write_invoices(folder, force=args.force)
        print(translate("Every invoice's figures written as Parquet, file by file, to "
                        "{path}", lang).format(path=folder))
    written = write_workbook(result, target, lang, force=args.force)
    print(translate("Workbook written to {path}", lang).format(path=written))
    return 0


def summary_text(result: LedgerResult, lang: str) -> str:
    """The printed summary: counts, totals by vendor, largest items, rejected rows."""
    lines = [f"{result.source}: {result.counts_line(lang)}",
             translate("Claims on {as_of}, amounts {basis}", lang)
             .format(as_of=_date_words(result, lang), basis=result.amount_basis), ""]
    lines.append(summary_table(result, lang).to_string(index=False))
    lines.append(translate("Total claimable: {total}", lang)
                 .format(total=format_eur(result.total_cents, lang)))
    if result.provisional:
        lines.append(translate("Some figures carry the last reference values forward: they "
                               "are provisional.", lang))
    largest = result.largest(LARGEST)
    late = largest[largest["total_cents"] > 0]
    if len(late):
        lines += ["", translate("Largest items:", lang),
                  invoices_table(result, lang, limit=min(LARGEST, len(late)))
                  .to_string(index=False)]
    else:
        lines += ["", translate("No invoice was paid late: nothing to claim.", lang)]
    if result.rejected_count:
        shown = rejected_table(result, lang, limit=REJECTED_SHOWN)
        lines += ["", translate("Rejected rows (the workbook lists them all):", lang),
                  shown.to_string(index=False)]
    return "\n".join(lines)


def _date_words(result: LedgerResult, lang: str) -> str:
    return format_date(result.as_of, lang)


def write_workbook(result: LedgerResult, target: Path, lang: str, *, force: bool) -> Path:
    """Sheets summary, invoices and rejected, through :func:`cgvlib.output.guarded_write`
    (the invoices sheet: the largest items of a result computed out of core)."""
    out_of_core = result.summaries is not None
    invoices_shown = len(result.summaries.largest) if out_of_core else None
    if (not out_of_core and result.accepted > EXCEL_ROWS) or result.rejected_count > EXCEL_ROWS:
        raise InputError(f"{result.source}: more rows than an .xlsx sheet holds "
                         f"({EXCEL_ROWS:,}); split the ledger")
    sheets = {
        translate("summary", lang): summary_table(result, lang, money="euros"),
        translate("invoices", lang): invoices_table(result, lang, money="euros",
                                                    limit=invoices_shown),
        translate("rejected", lang): rejected_table(result, lang),
    }

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            for name, table in sheets.items():
                table.to_excel(writer, sheet_name=name, index=False)

    return guarded_write(target, write, force=force)
