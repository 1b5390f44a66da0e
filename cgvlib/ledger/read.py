"""Read an analyst's own ledger: every row accepted into canonical columns or refused with
its reason, so that ``len(frame) + len(rejected) == rows_read`` always.

Sources: a CSV/text file (separator ``;``, ``,`` or tab, found from the header line; UTF-8
with or without a byte-order mark; a Windows-1252 file, as Excel saves « CSV (séparateur :
point-virgule) », is refused naming that encoding), an .xlsx workbook (its first sheet), a
Parquet file, or a pandas DataFrame already read. Empty lines at the end of a file are not
rows; an empty line among the rows is a row, refused as such. Row numbers are those a
spreadsheet shows: the header is row 1, the first data row is row 2.

Columns are found by :mod:`cgvlib.ledger.headers`, amounts read by
:mod:`cgvlib.ledger.amounts`, dates by :mod:`cgvlib.ledger.day_cells`, vendor names by
:mod:`cgvlib.ledger.vendors`, each over the whole column at once.
"""

from __future__ import annotations

import io
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from cgvlib.dates import format_date
from cgvlib.errors import InputError
from cgvlib.lang import check_lang
from cgvlib.ledger import amounts, day_cells, headers
from cgvlib.ledger.reasons import reason_text
from cgvlib.ledger.result import counts_line
from cgvlib.ledger.usual_cells import blank_cells, text_array
from cgvlib.ledger.vendors import UNKNOWN, known_names, match_distinct
from cgvlib.output import protect_input

SEPARATORS = (";", ",", "\t")
SUFFIXES = (".csv", ".txt", ".xlsx", ".parquet")
FIRST_ROW = 2  # the row number of the first data row (the header is row 1)
REJECTED_COLUMNS = ["row", "column", "value", "reason"]
FRAME_COLUMNS = ["row", "invoice", "vendor", "vendor_name", "amount_cents", "invoice_date",
                 "due", "paid"]


@dataclass
class Ledger:
    """A ledger read: ``frame`` (the accepted rows: ``row``, ``invoice``, ``vendor`` (id) and
    ``vendor_name`` (categorical: each vendor once), ``amount_cents`` (int64),
    ``invoice_date``, ``due``, ``paid``
    (datetime64; ``paid`` NaT while unpaid, ``invoice_date`` NaT when not given)),
    ``rejected`` (``row``, ``column`` (the file's header, or the canonical name of a column
    the file does not have: :func:`~cgvlib.ledger.headers.column_name`), ``value`` (the cell
    as written),
    ``reason`` (in ``lang``)), ``rows_read``, ``source`` (its name for messages),
    ``amount_basis`` (``"HT"`` or ``"TTC"``), ``columns`` (canonical name -> the file's
    header) and ``lang``."""

    frame: pd.DataFrame
    rejected: pd.DataFrame
    rows_read: int
    source: str
    amount_basis: str
    columns: dict[str, str] = field(default_factory=dict)
    lang: str = "fr"

    def counts_line(self, lang: str | None = None) -> str:
        """« 13 lignes lues, 8 retenues, 5 rejetées » (at reading; the computation may
        reject more)."""
        return counts_line(self.rows_read, len(self.frame), len(self.rejected),
                           lang or self.lang)

    def __repr__(self) -> str:
        return (f"<Ledger {self.source}: {self.rows_read} rows read, {len(self.frame)} "
                f"accepted, {len(self.rejected)} rejected, amounts {self.amount_basis}>")


def read_ledger(source, *, columns: dict[str, str] | None = None,
                amount_basis: str | None = None, vendor_files=(), lang: str = "fr",
                engine: str = "pandas") -> Ledger:
    """Read ``source`` (a path or a DataFrame) into a :class:`Ledger` (module docstring).

    ``columns`` maps canonical names (``vendor``, ``amount``, ``invoice_date``, ``due``,
    ``paid``, ``invoice``) to the file's headers where they are not usual ones;
    ``amount_basis`` (``"HT"``/``"TTC"``) when the amount's header does not say;
    ``vendor_files``: the analyst's own vendor files, so the ledger may name them.
    ``engine="dask"``: ``source`` is a folder or a glob of CSV or Parquet files
    (:mod:`cgvlib.ledger.scale`).
    Errors that concern the whole file (unreadable, not UTF-8, a required column missing,
    no HT/TTC) raise :class:`~cgvlib.errors.InputError`; a bad row never does."""
    lang = check_lang(lang)
    if engine == "dask":
        from cgvlib.ledger.scale import read_ledger_dask

        return read_ledger_dask(source, columns=columns, amount_basis=amount_basis,
                                vendor_files=vendor_files, lang=lang)
    if engine != "pandas":
        raise InputError(f"engine: {engine!r} is not an engine; valid: pandas, dask")
    table, name, serials = read_table(source)
    ledger = ledger_from_table(table, name, columns=columns, amount_basis=amount_basis,
                               vendor_files=vendor_files, lang=lang, serials=serials,
                               consume=True)
    del table
    pa.default_memory_pool().release_unused()  # the file's text, read and dropped
    return ledger


def read_table(source) -> tuple[pd.DataFrame, str, bool]:
    """``(table, name, serials)``: the file's cells (text for a CSV), its name for messages,
    and whether a number in a date column is an Excel serial date (.xlsx)."""
    if isinstance(source, pd.DataFrame):
        return source.reset_index(drop=True), "DataFrame", False
    if not isinstance(source, str | Path):
        raise InputError(f"ledger: expected a file path (.csv, .txt, .xlsx, .parquet) or a "
                         f"pandas DataFrame, got {type(source).__name__}")
    path = Path(source).expanduser()
    name = str(source)
    if not path.is_file():
        raise InputError(f"{name}: no such file; give the path of a ledger (.csv, .xlsx or "
                         ".parquet)")
    protect_input(path, f"the ledger {path.name}")  # never written over by an output
    return _by_suffix(path, path.suffix.lower(), name)


def read_upload(name: str, content: bytes, **options) -> Ledger:
    """:func:`read_ledger` of a file's bytes (an app's upload), ``name`` its file name."""
    table, _, serials = _by_suffix(content, Path(name).suffix.lower(), name)
    return ledger_from_table(table, name, serials=serials, consume=True, **options)


def _by_suffix(where, suffix: str, name: str) -> tuple[pd.DataFrame, str, bool]:
    """The table of a path or bytes ``where``, read as its suffix says."""
    if isinstance(where, bytes | bytearray | memoryview):
        raw = bytes(where)
        where = io.BytesIO(raw)
    else:
        raw = None
    if suffix in (".csv", ".txt"):
        return (csv_table(raw, name) if raw is not None else read_csv(where, name)), name, False
    if suffix == ".xlsx":
        try:
            table = pd.read_excel(where, dtype=object, engine="openpyxl")
        except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
            raise InputError(f"{name}: cannot be read as an .xlsx workbook ({exc})") from None
        return _drop_trailing_empty(table), name, True
    if suffix == ".parquet":
        try:
            table = pd.read_parquet(where)
        except ImportError:
            raise InputError(f"{name}: reading Parquet needs pyarrow (pip install pyarrow)") \
                from None
        except Exception as exc:
            raise InputError(f"{name}: cannot be read as a Parquet file ({exc})") from None
        return table.reset_index(drop=True), name, False
    raise InputError(f"{name}: a ledger is a .csv, .txt, .xlsx or .parquet file, not "
                     f"{suffix or 'a file without extension'}")


def read_csv(path: Path, name: str) -> pd.DataFrame:
    """A CSV's cells as text (nothing converted), its trailing empty lines left out. Arrow
    reads the file itself when the header is its first line (no copy of the file's bytes in
    Python); anything else (or a file Arrow refuses) goes through :func:`csv_table`."""
    with path.open("rb") as start:
        head = start.read(_HEAD)
    found = _header_line(head)
    if found is not None and found[0] == 0:
        table = _arrow_csv(str(path), head, found[1])
        if table is not None:
            return _drop_trailing_empty(table)
    return csv_table(path.read_bytes(), name)


_HEAD = 65536  # the bytes looked at for the header line


def _header_line(head: bytes) -> tuple[int, str] | None:
    """``(line, separator)``: the header's line number (0: the first line) and the separator
    it uses most, or None when no line of ``head`` reads as a UTF-8 header."""
    body = head[len(BOM):] if head.startswith(BOM) else head
    lines = body.splitlines()
    end = next((i for i, line in enumerate(lines) if line.strip()), None)
    if end is None:
        return None
    try:
        header = lines[end].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return end, max(SEPARATORS, key=header.count)


def csv_table(raw: bytes, name: str) -> pd.DataFrame:
    """The cells of a CSV file's bytes (:func:`read_csv`): Arrow's reader, in C and on every
    core, when the header is the first line (an empty line among the rows stays a row, refused
    as such); else, or when Arrow cannot read them as they are, pandas' reader, which says
    what is wrong."""
    body = memoryview(raw)[len(BOM):] if raw.startswith(BOM) else memoryview(raw)
    end = next((i for i, line in enumerate(bytes(body[:_HEAD]).splitlines()) if line.strip()),
               None)
    first = bytes(body[:_HEAD]).splitlines()[end] if end is not None else b""
    try:
        header = first.decode("utf-8")
    except UnicodeDecodeError:
        header = None
    if header is not None and header.strip() and end == 0:
        table = _arrow_csv(pa.py_buffer(body), bytes(body[:_HEAD]),
                           max(SEPARATORS, key=header.count))
        if table is not None:  # Arrow checked every cell is UTF-8
            return _drop_trailing_empty(table)
    if header is None or not _is_utf8(raw):
        raise _not_utf8(raw, name)
    if not header.strip():
        raise InputError(f"{name}: empty file; a ledger has a header line and one line per "
                         "invoice")
    sep = max(SEPARATORS, key=header.count)
    text = bytes(body).decode("utf-8")
    try:
        table = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False,
                            skip_blank_lines=False, engine="c")
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(f"{name}: cannot be read as a CSV with separator {sep!r}: {exc}") \
            from None
    return _drop_trailing_empty(table)


BOM = b"\xef\xbb\xbf"


def _is_utf8(raw: bytes) -> bool:
    """Whether ``raw`` is UTF-8, checked in C on the bytes in place (no copy)."""
    offsets = pa.py_buffer(np.array([0, len(raw)], dtype=np.int64))
    whole = pa.Array.from_buffers(pa.large_binary(), 1, [None, offsets, pa.py_buffer(raw)])
    try:
        whole.cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _not_utf8(raw: bytes, name: str) -> InputError:
    try:
        raw.decode("utf-8")
        where = ""
    except UnicodeDecodeError as exc:
        where = f" (byte 0x{raw[exc.start]:02x} at position {exc.start})"
    return InputError(
        f"{name}: not UTF-8{where}; it looks like Windows-1252 (cp1252, latin-1), as Excel "
        "saves « CSV (séparateur : point-virgule) »; save it as « CSV UTF-8 » and read it "
        "again")


def _arrow_csv(source, head: bytes, sep: str) -> pd.DataFrame | None:
    """The cells as text by Arrow's CSV reader (``source``: a path or a buffer; ``head``: its
    first bytes), an empty line kept as a row of empty cells; or None when Arrow cannot read
    them as they are (a row with another number of cells, a duplicate header, a cell that is
    not UTF-8): pandas then says what is wrong."""
    from pyarrow import csv

    head = head[len(BOM):] if head.startswith(BOM) else head
    options = csv.ParseOptions(delimiter=sep, ignore_empty_lines=False)
    try:
        names = csv.read_csv(pa.py_buffer(head.split(b"\n")[0] + b"\n"),
                             parse_options=options).column_names
        if len(set(names)) != len(names):
            return None
        table = csv.read_csv(
            source, parse_options=options,
            convert_options=csv.ConvertOptions(
                column_types={n: pa.string() for n in names}, strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if table.column_names != names:
        return None
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get,
                           self_destruct=True)


def _empty_rows(table: pd.DataFrame) -> np.ndarray:
    """Rows whose every cell is missing or blank (a blank first cell picks the candidates)."""
    empty = np.zeros(len(table), dtype=bool)
    if table.empty or not len(table.columns):
        return empty
    candidates = np.flatnonzero(_blank(table.iloc[:, 0]))
    if candidates.size:
        rows = table.iloc[candidates]
        empty[candidates] = np.logical_and.reduce([_blank(rows[c]) for c in rows.columns])
    return empty


def _blank(cells: pd.Series) -> np.ndarray:
    arrow = text_array(cells)
    if arrow is not None:  # Arrow text: each cell's first byte, in numpy
        return blank_cells(arrow)
    if not pd.api.types.is_string_dtype(cells.dtype) or cells.dtype == object:
        cells = cells.astype(object).where(cells.notna(), "").astype(str)
    return (cells.fillna("").str.strip() == "").to_numpy(dtype=bool)


def _drop_trailing_empty(table: pd.DataFrame) -> pd.DataFrame:
    empty = _empty_rows(table)
    kept = len(empty) - int(np.argmin(empty[::-1])) if not empty.all() else 0
    return table.iloc[:kept].reset_index(drop=True)


def ledger_from_table(table: pd.DataFrame, name: str, *, columns=None, amount_basis=None,
                      vendor_files=(), lang: str = "fr", serials: bool = False,
                      first_row: int = FIRST_ROW, consume: bool = False) -> Ledger:
    """The :class:`Ledger` of a table already read (``first_row``: the row number of its
    first row). ``consume``: the table was read for this call alone, and each of its columns
    is dropped from it once read, so that a large file's text is not kept beside its
    values."""
    lang = check_lang(lang)
    found = headers.match_columns(table.columns, columns, name)
    basis = headers.amount_basis(found["amount"], amount_basis, name)
    n = len(table)
    rows = np.arange(first_row, first_row + n, dtype=np.int64)
    order = ["vendor", "amount", "invoice_date", "due", "paid"]
    refused = np.zeros(n, dtype=bool)
    notes: list[tuple[np.ndarray, str, np.ndarray, list[str]]] = []
    fields: dict[str, np.ndarray] = {}

    def note(canonical: str, bad: np.ndarray, codes) -> None:
        """Refuse the rows ``bad`` not refused yet, for the reason ``codes`` (a code, or a
        function of the rows' positions giving theirs), keeping the cells as written."""
        new = bad & ~refused
        if not new.any():
            return
        at = np.flatnonzero(new)
        refused[at] = True
        words = np.full(len(at), codes, dtype=object) if isinstance(codes, str) \
            else codes(at)
        cells = (table[found[canonical]].take(at).to_numpy(dtype=object) if canonical
                 else [None] * len(at))
        notes.append((at, canonical, words, [_shown(v) for v in cells]))

    def done(*canonicals: str) -> None:
        if consume:
            for canonical in canonicals:
                if canonical in found and found[canonical] in table.columns:
                    del table[found[canonical]]

    note("", _empty_rows(table), "empty_line")
    if consume:  # the columns a ledger does not use
        for header in set(table.columns) - set(found.values()):
            del table[header]
    known = known_names(vendor_files)
    dates = [c for c in order[2:] if c in found]
    with _Columns(aside=n >= _PARALLEL_ROWS) as columns:  # each column read at once
        amounts_read = columns.read(amounts.read_amounts, table[found["amount"]], aside=True)
        invoices_read = (columns.read(_text, table[found["invoice"]], aside=True)
                         if "invoice" in found else None)
        vendors_read = columns.read(match_distinct, table[found["vendor"]], known)
        dates_read = {c: columns.read(day_cells.date_codes, table[found[c]], serials=serials)
                      for c in dates}
    vendor_codes, ids, vendor_reasons, nearest = vendors_read.result()
    note("vendor", (vendor_reasons != "")[vendor_codes],
         lambda at: vendor_reasons[vendor_codes[at]])
    done("vendor")
    cents, amount_why = amounts_read.result()
    note("amount", amount_why != "", lambda at: amount_why[at])
    done("amount")
    for canonical in order[2:]:
        if canonical not in found:
            fields[canonical] = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
            continue
        days, codes, why = dates_read[canonical].result()
        refuses = why != ""
        if canonical != "due":  # an empty invoice date or payment date is allowed
            refuses &= why != day_cells.MISSING
        note(canonical, refuses[codes], lambda at, codes=codes, why=why: why[codes[at]])
        fields[canonical] = days
    done("invoice_date")
    invoice_date, due, paid = fields["invoice_date"], fields["due"], fields["paid"]
    note("due", due < invoice_date, "due_before_invoice")  # NaT compares False
    note("paid", paid < invoice_date, "paid_before_invoice")
    done("due", "paid")
    rejected = _rejected(notes, found, rows, lambda at: nearest[vendor_codes[at]],
                         invoice_date, known, lang)
    kept = np.flatnonzero(~refused)
    every = len(kept) == n  # no row refused: the columns as they are, no copy by place

    def accepted(values):
        return values if every else values[kept]

    invoice = np.full(len(kept), "", dtype=object)
    if invoices_read is not None:
        invoice = invoices_read.result()
        invoice = (invoice if every else invoice.take(kept)).array
    done("invoice")
    vendor, vendor_name = _vendor_columns(accepted(vendor_codes), ids, known)
    frame = pd.DataFrame({
        "row": accepted(rows),
        "invoice": invoice,
        "vendor": vendor,
        "vendor_name": vendor_name,
        "amount_cents": accepted(cents),
        "invoice_date": accepted(invoice_date).astype("datetime64[ns]"),
        "due": accepted(due).astype("datetime64[ns]"),
        "paid": accepted(paid).astype("datetime64[ns]"),
    }, columns=FRAME_COLUMNS)
    return Ledger(frame, rejected, n, name, basis, found, lang)


_PARALLEL_ROWS = 100_000  # from this many rows, some columns are read on a second thread


class _Columns:
    """Reads of whole columns, each a function call: those asked ``aside`` on a second
    thread when ``aside`` (numpy and Arrow work outside the interpreter's lock, so the
    amounts are read while the dates are), the others at once, one after the other. One
    thread only: the memory of two reads at most at a time. Each read's ``result()`` is
    its function's value (or raises its error)."""

    def __init__(self, *, aside: bool):
        self.pool = ThreadPoolExecutor(max_workers=1) if aside else None

    def __enter__(self) -> _Columns:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True)

    def read(self, function, *args, aside: bool = False, **kwargs) -> Future:
        if aside and self.pool is not None:
            return self.pool.submit(function, *args, **kwargs)
        done: Future = Future()
        try:
            done.set_result(function(*args, **kwargs))
        except Exception as exc:  # raised again by result(), in the order asked
            done.set_exception(exc)
        return done


def _vendor_columns(codes: np.ndarray, ids: np.ndarray, known) -> tuple[pd.Categorical,
                                                                        pd.Categorical]:
    """The ``vendor`` (id) and ``vendor_name`` columns of accepted rows whose distinct names
    are ``codes`` (into ``ids``): categorical, each distinct vendor mapped once, its
    categories the vendors present, sorted."""
    used = np.bincount(codes, minlength=len(ids)) > 0 if len(codes) else np.zeros(len(ids), bool)
    vendors = sorted({str(ids[i]) for i in np.flatnonzero(used)})
    names = sorted({known.names.get(v, v) for v in vendors})
    vendor_of = np.array([vendors.index(str(i)) if str(i) in vendors else -1 for i in ids],
                         dtype=np.int64)
    name_of = np.array([names.index(known.names.get(v, v)) for v in vendors] or [0],
                       dtype=np.int64)
    at = vendor_of[codes]
    return (pd.Categorical.from_codes(at, categories=vendors, validate=False),
            pd.Categorical.from_codes(name_of[at] if len(at) else at, categories=names,
                                      validate=False))


def _text(cells: pd.Series) -> pd.Series:
    """A column as stripped text (a number or a date as written by pandas), empty when
    missing; Arrow strings stay Arrow strings (no Python object per cell)."""
    if not pd.api.types.is_string_dtype(cells.dtype) or cells.dtype == object:
        cells = cells.astype(object).where(cells.notna(), "").astype(str)
    return cells.fillna("").str.strip().astype("str")


def _rejected(notes, found, rows, closest, invoice_date, known, lang):
    """The rejected rows' table, by row: row, column (:func:`column_name`), value (the cell
    as written), reason in ``lang``, from the ``notes`` of the rows refused (positions,
    canonical column, reason codes, cells); ``closest(positions)``: the known vendor closest
    to each one's. Each distinct reason is worded once."""
    if not notes:
        return rejected_frame([])
    bad = np.concatenate([at for at, *_ in notes])
    order = np.argsort(bad, kind="stable")
    bad = bad[order]
    headers_of = np.concatenate([[headers.column_name(c, found)] * len(at)
                                 for at, c, *_ in notes]).astype(object)[order]
    codes = np.concatenate([words for _, _, words, _ in notes]).astype(object)[order]
    values = np.concatenate([np.asarray(cells, dtype=object) for *_, cells in notes])[order]
    nearest = closest(bad)
    worded: dict[tuple, str] = {}
    reasons = []
    for i, code in enumerate(codes):
        fields = ()
        if code == UNKNOWN:
            code, fields = (code, (("closest", nearest[i]),)) if nearest[i] else (
                "vendor_unknown_far", (("known", ", ".join(sorted(known.names.values()))),))
        elif code in ("due_before_invoice", "paid_before_invoice"):
            fields = (("invoice_date", invoice_date[bad[i]]),)
        key = (code, fields)
        if key not in worded:
            shown = {k: format_date(pd.Timestamp(v).date(), lang) if k == "invoice_date"
                     else v for k, v in fields}
            worded[key] = reason_text(code, lang, **shown)
        reasons.append(worded[key])
    return rejected_frame(list(zip(rows[bad].tolist(), headers_of.tolist(), values.tolist(),
                                   reasons, strict=True)))


def rejected_frame(records) -> pd.DataFrame:
    """The rejected table from ``(row, column, value, reason)`` records."""
    frame = pd.DataFrame(records, columns=REJECTED_COLUMNS)
    return frame.astype({"row": "int64"})


def _shown(value) -> str:
    """A cell as the analyst wrote it (empty for a missing cell; a date as ISO)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)
