"""What each vendor could claim for the late payments of a ledger.

Each vendor's rows are computed at once by
:func:`~cgvlib.arithmetic.late_payment_frame.late_payment_frame` (whole arrays, never a loop
over rows), under the clause's default reading, the lawful one: a rate never below three
times the legal rate of each semester (Code de commerce L441-10 II), the clause as written
kept beside it (``as_written_total_cents``). An unpaid row is computed as paid on ``as_of``;
a row paid on or before its due date is accepted with nothing due.

A row that cannot be computed is moved to the rejected rows with its reason, so that
accepted + rejected == rows read, always:

- unpaid, and ``as_of`` before its invoice date;
- the vendor's clause counts from the invoice date (or fixes the rate on it) and the row does
  not give it;
- it needs a rate past the reference data (the reason says how far the data goes), unless
  the call is made inside :func:`cgvlib.reference.provisional.assume_last`, where the figures
  carried forward are marked ``provisional``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from cgvlib.arithmetic.common import STATUTORY_ID, as_vendor
from cgvlib.arithmetic.late_payment import as_written_name, needs_invoice_date
from cgvlib.arithmetic.late_payment_frame import late_payment_frame
from cgvlib.dates import as_date, format_date
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.i18n import say
from cgvlib.lang import check_lang
from cgvlib.ledger.headers import column_name
from cgvlib.ledger.read import Ledger, rejected_frame
from cgvlib.ledger.reasons import reason_text
from cgvlib.ledger.result import LedgerResult, VendorReading, vendor_codes
from cgvlib.ledger.scale import claims_by_partition, is_dask_frame
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.base import Silent

FIGURES = ["days_late", "interest_cents", "indemnity_cents", "total_cents",
           "as_written_total_cents"]


def ledger_claims(ledger: Ledger, *, as_of: dt.date | str | None = None,
                  lang: str = "fr") -> LedgerResult:
    """The claims of every accepted row of ``ledger`` on ``as_of`` (default today): a
    :class:`~cgvlib.ledger.result.LedgerResult` (module docstring)."""
    if not isinstance(ledger, Ledger):
        raise InputError(f"ledger: expected a Ledger (read_ledger(...)), got "
                         f"{type(ledger).__name__}")
    lang = check_lang(lang)
    day = as_date(as_of, "as_of") if as_of is not None else dt.date.today()
    summaries = None
    if is_dask_frame(ledger.frame):  # out of core: the invoices stay partitioned
        invoices, rejected, readings, summaries = claims_by_partition(ledger, day, lang)
    else:
        invoices, rejected, readings = _claims(ledger, day, lang)
    rejected = rejected.sort_values(["file", "row"] if "file" in rejected.columns else "row",
                                    kind="stable").reset_index(drop=True)
    return LedgerResult(figures=invoices, rejected=rejected.astype({"row": "int64"}),
                        rows_read=ledger.rows_read, as_of=day, lang=lang, source=ledger.source,
                        amount_basis=ledger.amount_basis, readings=readings,
                        summaries=summaries)


def _claims(ledger: Ledger, day: dt.date, lang: str):
    """``(invoices, rejected, readings)`` of a ledger in memory. The rows are handled by
    position, vendor by vendor, only their dates and amounts taken (never the text), each
    vendor's figures written in place into whole-ledger columns."""
    frame = ledger.frame
    dated = _Dated(frame)
    unpaid = np.isnat(dated.paid)
    paid_on = np.where(unpaid, np.datetime64(day).astype(dated.paid.dtype), dated.paid)
    too_early = unpaid & (paid_on < dated.invoice_date)  # NaT compares False
    refused = [refused_rows(dated.rows(np.flatnonzero(too_early)), ledger, "paid",
                            lambda rows: _worded(_days(rows["invoice_date"], lang),
                                                 lambda d: reason_text(
                                                     "as_of_before_invoice", lang,
                                                     as_of=format_date(day, lang),
                                                     invoice_date=d)))]
    paid_on = np.maximum(paid_on, dated.due)  # paid early: nothing due
    codes, vendors = vendor_codes(frame["vendor"])
    figures = _Figures(len(frame))
    readings: dict[str, VendorReading] = {}
    for code, vendor_id in enumerate(vendors):
        at = np.flatnonzero(codes == code)
        if too_early.any():
            at = at[~too_early[at]]
        if not at.size:
            continue
        reading, bad = _vendor_claims(str(vendor_id), at, dated, paid_on, ledger, lang,
                                      figures)
        refused += bad
        readings[str(vendor_id)] = reading
    return (figures.invoices(frame, unpaid),
            pd.concat([ledger.rejected, *refused], ignore_index=True), readings)


class _Dated:
    """The ledger's columns a computation reads, as numpy arrays (no copy)."""

    def __init__(self, frame: pd.DataFrame):
        self.row = frame["row"].to_numpy()
        self.amount = frame["amount_cents"].to_numpy()
        self.invoice_date = frame["invoice_date"].to_numpy()
        self.due = frame["due"].to_numpy()
        self.paid = frame["paid"].to_numpy()

    def rows(self, at: np.ndarray) -> pd.DataFrame:
        """The ledger's rows at the positions ``at`` (indexed by them), as refused rows
        show them."""
        return pd.DataFrame({"row": self.row[at], "invoice_date": self.invoice_date[at],
                             "due": self.due[at], "paid": self.paid[at]}, index=at)


class _Figures:
    """The figures of every row, written vendor by vendor at the rows' positions, then taken
    as the accepted rows' table (:meth:`invoices`)."""

    def __init__(self, n: int):
        self.columns = {name: np.zeros(n, dtype=np.int64) for name in FIGURES}
        self.size = n
        self.places: list[np.ndarray] = []  # the rows computed, frame by frame
        self.reading = np.zeros(n, dtype=np.int16)  # into reading_names (a few readings)
        self.reading_names: list[str] = []
        self.provisional: np.ndarray | None = None

    def add(self, out: pd.DataFrame) -> None:
        """One computed frame's figures: the lawful ones and the clause's as written."""
        if not len(out):
            return
        at = out.index.to_numpy(dtype=np.int64)
        reading = out.attrs.get("reading")
        readings = out.attrs.get("readings") or []
        written = as_written_name(reading) if reading else None
        column = f"total_cents[{written}]" if written in readings else None
        for name in FIGURES[:4]:
            self.columns[name][at] = out[name].to_numpy(dtype=np.int64)
        self.columns["as_written_total_cents"][at] = (
            out[column] if column in out.columns else out["total_cents"]).to_numpy(
            dtype=np.int64)
        self.places.append(at)
        name = reading or STATUTORY_ID
        if name not in self.reading_names:
            self.reading_names.append(name)
        if self.reading_names.index(name):  # 0 already
            self.reading[at] = self.reading_names.index(name)
        if "provisional" in out.columns:
            if self.provisional is None:
                self.provisional = np.zeros(self.size, dtype=bool)
            self.provisional[at] = out["provisional"].astype("boolean").fillna(
                False).to_numpy(dtype=bool)

    def invoices(self, frame: pd.DataFrame, unpaid: np.ndarray) -> pd.DataFrame:
        """The accepted rows with their figures, in the ledger's order. When every row was
        computed, the ledger's columns are taken as they are (no copy)."""
        every = sum(len(p) for p in self.places) == self.size  # each row computed once
        at = None
        if not every:
            computed = np.zeros(self.size, dtype=bool)
            for places in self.places:
                computed[places] = True
            at = np.flatnonzero(computed)

        def kept(values):
            return values if every else values[at]

        shown = ["file"] if "file" in frame.columns else []  # a ledger of several files
        invoices = pd.DataFrame({name: frame[name].array if every
                                 else frame[name].array.take(at)
                                 for name in [*shown, "row", "invoice", "vendor", "vendor_name",
                                              "amount_cents", "invoice_date", "due", "paid"]})
        invoices["unpaid"] = kept(unpaid)
        for name in FIGURES:
            invoices[name] = kept(self.columns[name])
        names = sorted(self.reading_names) or [STATUTORY_ID]
        places = np.array([names.index(r) for r in self.reading_names] or [0], dtype=np.int16)
        invoices["reading"] = pd.Categorical.from_codes(places[kept(self.reading)],
                                                        categories=names)
        if self.provisional is not None:
            invoices["provisional"] = kept(self.provisional)
        return invoices.astype({"row": "int64", "amount_cents": "int64"})


def _vendor_claims(vendor_id: str, at: np.ndarray, dated: _Dated, paid_on: np.ndarray,
                   ledger: Ledger, lang: str, figures: _Figures):
    """One vendor's rows (positions ``at``), their figures written into ``figures``:
    ``(reading, refused tables)``. A vendor whose terms say nothing on late payment owes
    the law's default terms (L441-10 II)."""
    vendor = as_vendor(vendor_id)
    clause = vendor.late_payment
    silent = isinstance(clause, Silent) or clause in (None, [])
    terms = as_vendor(STATUTORY_ID) if silent else vendor
    variants, _ = reading_variants(terms.late_payment)
    refused: list[pd.DataFrame] = []
    due, paid, invoice_date = dated.due[at], paid_on[at], dated.invoice_date[at]
    if any(needs_invoice_date(c) for c in variants.values()):
        # a row paid by its due date owes nothing under any reading: its date is not needed
        on_time = np.isnat(invoice_date) & (paid <= due)
        invoice_date = np.where(on_time, due, invoice_date)
        missing = np.isnat(invoice_date)
        if missing.any():
            reason = reason_text("needs_invoice_date", lang, vendor=vendor.name)
            refused.append(refused_rows(dated.rows(at[missing]), ledger, "invoice_date",
                                        lambda rows: [reason] * len(rows)))
            keep = ~missing
            at, due, paid, invoice_date = at[keep], due[keep], paid[keep], invoice_date[keep]
    scenario = pd.DataFrame({"amount_cents": dated.amount[at], "due": due, "paid": paid,
                             "invoice_date": invoice_date}, index=at)
    attrs, bad = _computed(terms, scenario, lang, figures)
    for labels, reasons in bad:
        refused.append(refused_rows(dated.rows(np.asarray(labels, dtype=np.int64)), ledger,
                                    "paid", lambda _, r=reasons: r))
    reading = VendorReading(vendor_id, vendor.name, attrs.get("reading") or STATUTORY_ID,
                            attrs.get("default_reading") or STATUTORY_ID, silent)
    return reading, refused


def _computed(terms, scenario: pd.DataFrame, lang: str, figures: _Figures):
    """``(attrs, refused)``: the frame's figures for the rows it can compute, written into
    ``figures``, and ``(index labels, reasons)`` for the others. The rows past the reference
    data are found from the error's last covered date; any other failure is narrowed down by
    halves."""
    refused: list[tuple] = []
    pending = [scenario]
    done = False
    attrs: dict = {}
    wanted = _as_written_only(terms, scenario)
    while pending:
        chunk = pending.pop()
        if chunk.empty and done:
            continue
        try:
            out = late_payment_frame(terms, chunk, readings=wanted)
        except (OutOfCoverageError, InputError) as exc:
            last = getattr(exc, "last_covered", None)
            past = np.zeros(len(chunk), dtype=bool)
            if last is not None:
                past = ((chunk["paid"] > chunk["due"])
                        & (chunk["paid"] > pd.Timestamp(last))).to_numpy()
            if past.any():
                days = _days(chunk["paid"][past], lang)
                last_text = format_date(last, lang)
                worded = {d: reason_text("past_the_data", lang, day=d, last=last_text)
                          for d in set(days)}  # once per distinct day
                refused.append((chunk.index[past], [worded[d] for d in days]))
                pending.append(chunk[~past])
            elif len(chunk) == 1 or _fails_without_rows(terms, chunk):
                # one row, or a failure of the vendor's terms rather than of rows: every row
                if isinstance(exc, OutOfCoverageError) and len(chunk) == 1:
                    first = (chunk["due"].iloc[0] + pd.Timedelta(days=1)).date()
                    reason = reason_text("outside_the_data", lang,
                                         day=format_date(first, lang))
                else:
                    reason = reason_text("not_computed", lang, why=say(exc, lang))
                refused.append((chunk.index, [reason] * len(chunk)))
            else:
                half = len(chunk) // 2
                pending += [chunk.iloc[:half], chunk.iloc[half:]]
            continue
        attrs = out.attrs
        figures.add(out)
        done = True
    return attrs, refused


_AS_WRITTEN: dict[int, tuple[object, list[str]]] = {}  # id(terms) -> (terms, names)


def _as_written_only(terms, scenario: pd.DataFrame) -> list[str]:
    """The one other reading a ledger shows beside the lawful figure: the clause as written
    (of the reading shown), so the frame computes no other reading's columns. Found once per
    vendor's terms (the terms are kept with the names, so their ``id`` stays theirs)."""
    known = _AS_WRITTEN.get(id(terms))
    if known is not None and known[0] is terms:
        return known[1]
    try:
        attrs = late_payment_frame(terms, scenario.iloc[:0]).attrs
    except (OutOfCoverageError, InputError):
        return []
    reading = attrs.get("reading")
    written = as_written_name(reading) if reading else None
    names = [written] if written in (attrs.get("readings") or []) else []
    _AS_WRITTEN[id(terms)] = (terms, names)
    return names


def _fails_without_rows(terms, chunk: pd.DataFrame) -> bool:
    """True when the vendor's terms cannot be computed at all (the frame fails with no row),
    so that narrowing the rows down would only repeat the failure."""
    try:
        late_payment_frame(terms, chunk.iloc[:0])
    except (OutOfCoverageError, InputError):
        return True
    return False


def refused_rows(rows: pd.DataFrame, ledger: Ledger, canonical: str,
                 reasons) -> pd.DataFrame | None:
    """The rejected table of ``rows`` (accepted rows of the ledger that cannot be computed):
    their numbers, the column ``canonical`` as messages name it (:func:`column_name`), its
    value (a date as ISO, empty when not given), and ``reasons(rows)``; None for no rows
    (left out by :func:`pandas.concat`)."""
    if not len(rows):
        return None
    values = rows[canonical].dt.strftime("%Y-%m-%d").fillna("") if len(rows) else []
    named = column_name(canonical, ledger.columns)
    return rejected_frame(list(zip(rows["row"].astype(int), [named] * len(rows), values,
                                   reasons(rows), strict=True)))


def _worded(days: list[str], word) -> list[str]:
    """``word(day)`` for each day, worded once per distinct day."""
    found = {d: word(d) for d in set(days)}
    return [found[d] for d in days]


def _days(days: pd.Series, lang: str) -> list[str]:
    """Each date in ``lang``, formatted once per distinct date."""
    codes, uniques = pd.factorize(days)
    shown = [format_date(d.date(), lang) for d in uniques]
    return [shown[c] for c in codes]
