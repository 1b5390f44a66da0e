"""The claims of a ledger: every accepted row's figures, the rejected rows, and the totals by
vendor and by month of the due date, with the words that say how they were made."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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

    ``invoices``: one row per accepted row, largest ``total_cents`` first; ``rejected``:
    ``row``, ``column``, ``value``, ``reason``; ``by_vendor`` (indexed by vendor id) and
    ``by_month`` (``vendor``, ``month``: the first day of the due month); ``rows_read``,
    ``accepted``, ``rejected_count``; ``as_of``; ``explain()``."""

    invoices: pd.DataFrame
    rejected: pd.DataFrame
    rows_read: int
    as_of: dt.date
    lang: str = "fr"
    source: str = ""
    amount_basis: str = "TTC"
    readings: dict[str, VendorReading] = field(default_factory=dict)

    @property
    def accepted(self) -> int:
        return len(self.invoices)

    @property
    def rejected_count(self) -> int:
        return len(self.rejected)

    @property
    def by_vendor(self) -> pd.DataFrame:
        """Per vendor id: ``invoices``, ``late_invoices`` (paid or counted after the due
        date), and the sums of the money columns (cents)."""
        inv = self.invoices
        grouped = inv.assign(late=inv["days_late"] > 0).groupby("vendor", sort=True)
        table = pd.DataFrame({"invoices": grouped.size(),
                              "late_invoices": grouped["late"].sum()})
        for column in MONEY:
            table[column] = grouped[column].sum()
        table = table.astype("int64")
        table.index.name = "vendor"
        return table.sort_values("total_cents", ascending=False, kind="stable")

    @property
    def by_month(self) -> pd.DataFrame:
        """Per vendor and month of the due date: ``invoices`` and ``total_cents``."""
        inv = self.invoices
        month = inv["due"].dt.to_period("M").dt.to_timestamp()
        grouped = inv.assign(month=month).groupby(["vendor", "month"], sort=True)
        table = pd.DataFrame({"invoices": grouped.size(),
                              "total_cents": grouped["total_cents"].sum()}).reset_index()
        return table.astype({"invoices": "int64", "total_cents": "int64"})

    def shown_names(self, lang: str | None = None) -> dict[str, str]:
        """Each vendor id's name for a page in ``lang``: the vendor's own name, the law's
        default terms named in the reader's language."""
        lang = lang or self.lang
        names = dict(zip(*_vendor_pairs(self.invoices), strict=True))
        names.update({v: r.name for v, r in self.readings.items()})
        if STATUTORY in names:
            names[STATUTORY] = label(STATUTORY, lang)
        return names

    @property
    def total_cents(self) -> int:
        return int(self.invoices["total_cents"].sum())

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
