"""The ``ledger`` command's arguments (light: the command line reads them before any work)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``ledger`` command's arguments."""
    parser.add_argument("file", help="the ledger: .csv (separator ; , or tab), .xlsx or .parquet")
    parser.add_argument("--out", default="reports",
                        help="folder for the workbook (default: reports/; made if missing)")
    parser.add_argument("--as-of", help="date unpaid invoices are counted as paid on, e.g. "
                        "30/06/2026 or 2026-06-30 (default: today)")
    parser.add_argument("--lang", choices=["fr", "en"], default="fr", help="language (fr)")
    parser.add_argument("--column", action="append", default=[], metavar="CANONICAL=HEADER",
                        help="the file's header of a column (vendor, amount, invoice_date, "
                             "due, paid, invoice), e.g. --column due=Echeance (repeatable)")
    parser.add_argument("--amount-basis", choices=["HT", "TTC"],
                        help="HT or TTC, when the amount's header does not say")
    parser.add_argument("--file", dest="vendor_file", action="append", default=[],
                        help="an analyst's own vendor YAML file the ledger names (repeatable)")
    parser.add_argument("--force", action="store_true", help="overwrite an existing workbook")
    parser.add_argument("--assume-last", action="store_true",
                        help="past the end of the reference data, carry each series' last "
                             "value forward (to --as-of); those figures are marked provisional")
    parser.add_argument("--engine", choices=["pandas", "dask"], default="pandas",
                        help="dask: FILE is a folder (or glob) of CSV or Parquet files")
