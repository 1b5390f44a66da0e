"""The claims of a ledger: every accepted row's figures, the rejected rows, and the totals by
vendor and by month of the due date, with the words that say how they were made."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from cgvlib.dates import format_date
from cgvlib.i18n import ntranslate, translate
from cgvlib.money import format_eur
from cgvlib.names import label

STATUTORY = "statutory"
MONEY = ["interest_cents", "indemnity_cents", "total_cents", "as_written_total_cents"]


def counts_line(rows_read: int, accepted: int, rejected: int, lang: str) -> str:
    """The rows read, accepted and rejected, in ``lang``: « 12 lignes lues, 10 retenues,
    2 rejetées »."""
    return ", ".join([
        ntranslate("{n} row read", "{n} rows read", rows_read, lang).format(n=rows_read),
        ntranslate("{n} accepted", "{n} accepted", accepted, lang).format(n=accepted),
        ntranslate("{n} rejected", "{n} rejected", rejected, lang).format(n=rejected)])


@dataclass(frozen=True)
class VendorReading:
    """The reading a vendor's figures were computed under: ``reading`` (the lawful reading of
    the clause's default, ``lawful`` when the clause reads one way, ``statutory`` for the
    law's default terms), the clause's ``default`` reading, and ``silent``: the vendor's terms
    say nothing on late payment, so the law's default terms apply (L441-10 II)."""

    vendor: str
    name: str
    reading: str
    default: str
    silent: bool = False


@dataclass
class LedgerResult:
    """What each vendor could claim (see :func:`cgvlib.ledger.ledger_claims`).

    ``figures``: one row per accepted row with its figures, in the ledger's order (with the
    dask engine, a dask DataFrame, one partition per file, each largest first: computed only
    when asked, :meth:`invoices_in_memory`); ``invoices``: the same, largest ``total_cents``
    first (sorted when first asked for); ``rejected``: ``row``, ``column``, ``value``,
    ``reason``; ``by_vendor`` (indexed by vendor id) and ``by_month`` (``vendor``, ``month``:
    the first day of the due month); :meth:`largest`; ``rows_read``, ``accepted``,
    ``rejected_count``; ``as_of``; ``explain()``; :meth:`write_invoices`. ``summaries``: the
    dask engine's figures reduced file by file (:class:`cgvlib.ledger.scale.Summaries`),
    which ``by_vendor``, ``by_month``, ``largest`` and ``accepted`` then read."""

    figures: pd.DataFrame
    rejected: pd.DataFrame
    rows_read: int
    as_of: dt.date
    lang: str = "fr"
    source: str = ""
    amount_basis: str = "TTC"
    readings: dict[str, VendorReading] = field(default_factory=dict)
    summaries: Any = None

    @functools.cached_property
    def invoices(self) -> pd.DataFrame:
        """Every accepted row with its figures, largest ``total_cents`` first, then by file
        and row (with the dask engine: the partitioned ``figures``, each partition sorted)."""
        if self.summaries is not None:
            return self.figures
        return self.figures.take(largest_first(self.figures)).reset_index(drop=True)

    @property
    def accepted(self) -> int:
        return self.summaries.accepted if self.summaries is not None else len(self.figures)

    @property
    def provisional(self) -> bool:
        """Whether some figures carry the reference data's last values forward."""
        if self.summaries is not None:
            return self.summaries.provisional
        return "provisional" in self.figures.columns and bool(self.figures["provisional"].any())

    def largest(self, n: int) -> pd.DataFrame:
        """The ``n`` largest items (largest ``total_cents`` first), in memory: the rows whose
        total reaches the ``n``-th largest are picked first (no sort of the whole ledger)."""
        if self.summaries is not None:
            if n <= len(self.summaries.largest) or len(self.summaries.largest) == self.accepted:
                return self.summaries.largest.head(n)
            return self.invoices_in_memory().head(n)
        figures = self.figures
        if "invoices" in self.__dict__ or n >= len(figures):
            return self.invoices.head(n)
        total = figures["total_cents"].to_numpy()
        reached = np.partition(total, len(total) - n)[len(total) - n] if n > 0 else None
        picked = figures[total >= reached] if n > 0 else figures.iloc[:0]
        return picked.take(largest_first(picked)[:n]).reset_index(drop=True)

    def invoices_in_memory(self) -> pd.DataFrame:
        """Every accepted row with its figures, largest first, as a pandas DataFrame (a dask
        result's partitions computed and gathered: as large as the ledger)."""
        if self.summaries is None:
            return self.invoices
        gathered = self.figures.compute()
        return gathered.take(largest_first(gathered)).reset_index(drop=True)

    def write_invoices(self, folder, *, force: bool = False) -> list[Path]:
        """Write the invoices with their figures as Parquet into ``folder`` (made when
        missing), through the output guard: ``<source>_claims.parquet``, or with the dask
        engine one ``<file>_claims.parquet`` per file, each partition computed and written
        in turn (never the whole ledger in memory). Returns the paths written."""
        from cgvlib.output import guarded_write, output_folder

        where = output_folder(folder, what="ledger")
        if self.summaries is None:
            target = where / f"{Path(self.source).stem or 'ledger'}_claims.parquet"
            return [guarded_write(target, lambda tmp: _parquet(self.figures, tmp),
                                  force=force)]
        import dask

        def one(part: pd.DataFrame) -> list[Path]:
            if part.empty:
                return []
            target = where / f"{Path(str(part['file'].iloc[0])).stem}_claims.parquet"
            return [guarded_write(target, lambda tmp: _parquet(part, tmp), force=force)]

        written = dask.compute(*[dask.delayed(one)(p) for p in self.figures.to_delayed()])
        return [path for paths in written for path in paths]

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    @property
    def by_vendor(self) -> pd.DataFrame:
        """Per vendor id: ``invoices``, ``late_invoices`` (paid or counted after the due
        date), and the sums of the money columns (cents)."""
        if self.summaries is not None:
            return self.summaries.by_vendor.copy()
        inv = self.figures
        codes, vendors = vendor_codes(inv["vendor"])  # each vendor once
        present = np.flatnonzero(np.bincount(codes, minlength=len(vendors)))
        table = pd.DataFrame({
            "invoices": _sums(codes, len(vendors))[present],
            "late_invoices": _sums(codes, len(vendors), inv["days_late"].to_numpy() > 0)[
                present],
            **{c: _sums(codes, len(vendors), inv[c].to_numpy())[present] for c in MONEY}},
            index=pd.Index(np.asarray(vendors, dtype=object)[present], dtype="str",
                           name="vendor"))
        return table.sort_values("total_cents", ascending=False, kind="stable")

    @property
    def by_month(self) -> pd.DataFrame:
        """Per vendor and month of the due date: ``invoices`` and ``total_cents``."""
        if self.summaries is not None:
            return self.summaries.by_month.copy()
        inv = self.figures
        codes, vendors = vendor_codes(inv["vendor"])  # each vendor once
        days, distinct = _distinct_days(inv["due"])  # each distinct due date's month once
        month_of_day = distinct.astype("datetime64[M]")
        months, month_at = np.unique(month_of_day, return_inverse=True)  # sorted
        key = codes * len(months) + month_at.reshape(-1)[days]  # by vendor, then month
        size = len(vendors) * len(months)
        count = _sums(key, size)
        present = np.flatnonzero(count)
        return pd.DataFrame({
            "vendor": pd.array(np.asarray(vendors, dtype=object)[present // len(months)],
                               dtype="str"),
            "month": months[present % len(months)].astype("datetime64[ns]"),
            "invoices": count[present],
            "total_cents": _sums(key, size, inv["total_cents"].to_numpy())[present]})

    def shown_names(self, lang: str | None = None) -> dict[str, str]:
        """Each vendor id's name for a page in ``lang``: the vendor's own name, the law's
        default terms named in the reader's language."""
        lang = lang or self.lang
        names = {} if self.summaries is not None else dict(
            zip(*_vendor_pairs(self.figures), strict=True))
        names.update({v: r.name for v, r in self.readings.items()})
        if STATUTORY in names:
            names[STATUTORY] = label(STATUTORY, lang)
        return names

    @property
    def total_cents(self) -> int:
        if self.summaries is not None:
            return int(self.summaries.by_vendor["total_cents"].sum())
        return int(self.figures["total_cents"].sum())

    def __repr__(self) -> str:
        return (f"<LedgerResult {self.source} on {self.as_of}: {self.rows_read} rows read, "
                f"{self.accepted} accepted, {self.rejected_count} rejected, total "
                f"{format_eur(self.total_cents)}; .explain() for the working>")

    def counts_line(self, lang: str | None = None) -> str:
        """« 12 lignes lues, 10 retenues, 2 rejetées »."""
        return counts_line(self.rows_read, self.accepted, self.rejected_count,
                           lang or self.lang)

    def explain(self, lang: str | None = None) -> str:
        """Which rule and reading made the figures, in ``lang`` (the result's by default)."""
        lang = lang or self.lang
        when = format_date(self.as_of, lang)
        lines = [
            translate("Late-payment claims of {source}, on {as_of}.", lang)
            .format(source=self.source, as_of=when),
            self.counts_line(lang) + ".",
            translate("An unpaid invoice is counted as paid on {as_of}; an invoice paid on or "
                      "before its due date owes nothing.", lang).format(as_of=when),
            translate("The amounts are taken as the file gives them ({basis}); interest runs "
                      "on them from the first day of delay.", lang)
            .format(basis=self.amount_basis),
            *([translate("The amounts are excluding VAT (HT): penalties run on the sum due, "
                         "usually including VAT (TTC), so these figures may understate them.",
                         lang)] if self.amount_basis == "HT" else []),
            translate("Rule: the law over the letter. An agreed rate is never below three "
                      "times the legal interest rate of each semester of the delay (Code de "
                      "commerce L441-10 II); where a clause gives less, that floor applies "
                      "semester by semester, and the clause as written is shown beside it. "
                      "Every late invoice also owes the fixed recovery indemnity (D441-5).",
                      lang),
        ]
        totals = self.by_vendor
        names = self.shown_names(lang)
        for vendor_id, reading in sorted(self.readings.items()):
            total = int(totals["total_cents"].get(vendor_id, 0))
            written = int(totals["as_written_total_cents"].get(vendor_id, 0))
            lines.append(f"- {names[vendor_id]}: " + self._reading_words(reading, lang) + "; "
                         + translate("total {total} (as written: {written})", lang)
                         .format(total=format_eur(total, lang),
                                 written=format_eur(written, lang)))
        if self.rejected_count:
            lines.append(translate("The rejected rows are listed with their reasons in "
                                   ".rejected.", lang))
        return "\n".join(lines)

    @staticmethod
    def _reading_words(reading: VendorReading, lang: str) -> str:
        if reading.silent:
            return translate("the terms say nothing on late payment: the law's default terms "
                             "apply (ECB rate + 10 points, L441-10 II)", lang)
        if reading.reading == STATUTORY:
            return translate("the law's default terms (ECB rate + 10 points, L441-10 II)", lang)
        if reading.reading == "lawful":
            return translate("the clause, held to the legal floor", lang)
        return translate("reading « {reading} », held to the legal floor (the clause's "
                         "default reading)", lang).format(reading=label(reading.reading, lang))


def _vendor_pairs(invoices: pd.DataFrame) -> tuple[list, list]:
    """The distinct ``(vendor, vendor_name)`` pairs of the invoices."""
    pairs = invoices[["vendor", "vendor_name"]].drop_duplicates()
    return pairs["vendor"].tolist(), pairs["vendor_name"].tolist()


def vendor_codes(vendors: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, vendors)``: each row's vendor as its place among the vendors, sorted (a
    missing one: -1); the categorical column's own codes when its categories are sorted
    already (a category no row has is then among the vendors, with no row)."""
    if isinstance(vendors.dtype, pd.CategoricalDtype):
        categories = vendors.cat.categories
        if categories.is_monotonic_increasing and categories.is_unique:
            return (vendors.cat.codes.to_numpy().astype(np.int64),
                    np.asarray(categories, dtype=object))
    codes, uniques = pd.factorize(vendors, sort=True)
    return codes, np.asarray(uniques, dtype=object)


_DAYS_COUNTED = 1 << 20  # a span of days counted in one array (2,870 years)


def _distinct_days(due: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, distinct)``: each row's due day as its index into the distinct days
    (datetime64): counted over the span of days, no hashing; dates with a time of day,
    a missing one or a span too long are factorized."""
    values = due.to_numpy()
    if values.dtype.kind == "M" and len(values):
        days = values.astype("datetime64[D]")
        number = days.view(np.int64)
        first = int(number.min())
        if (not np.isnat(days).any() and int(number.max()) - first < _DAYS_COUNTED
                and (days == values).all()):
            at = number - first
            present = np.flatnonzero(np.bincount(at))
            place = np.zeros(len(present) and int(present[-1]) + 1, dtype=np.int64)
            place[present] = np.arange(len(present))
            return place[at], (present + first).astype("datetime64[D]")
    codes, distinct = pd.factorize(due)
    return codes, distinct.to_numpy()


def _sums(key: np.ndarray, size: int, values: np.ndarray | None = None) -> np.ndarray:
    """Per key ``0..size-1``: the number of rows (no ``values``) or the exact int64 sum of
    ``values``."""
    if values is None:
        return np.bincount(key, minlength=size).astype(np.int64)
    sums = np.zeros(size, dtype=np.int64)
    np.add.at(sums, key, values.astype(np.int64))
    return sums


def _parquet(invoices: pd.DataFrame, tmp: Path) -> None:
    invoices.to_parquet(tmp, index=False)


def largest_first(invoices: pd.DataFrame) -> np.ndarray:
    """The positions of ``invoices`` in their order: largest ``total_cents`` first, then by
    file (a ledger of several files), then by row number. Rows of one file in row order (as
    read) are sorted on a single integer key: the total's rank above the position."""
    total = invoices["total_cents"].to_numpy(dtype=np.int64)
    rows = invoices["row"].to_numpy()
    n = len(total)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    bits = (n - 1).bit_length()
    spread = int(total.max()) - int(total.min())
    if ("file" not in invoices.columns and spread < (1 << (62 - bits))
            and (n < 2 or bool((np.diff(rows) > 0).all()))):
        return np.argsort(((int(total.max()) - total) << bits) | np.arange(n))
    keys = [rows]
    if "file" in invoices.columns:
        keys.append(pd.factorize(invoices["file"], sort=True)[0])
    return np.lexsort([*keys, -total])
