"""The ledger's tables for a reader: headers in the reader's language, vendors by name, dates
and money formatted (``money="text"``: ``1 234,56 €``) or kept as exact euros for a workbook
(``money="euros"``: :class:`~decimal.Decimal` from the integer cents, never rounded again)."""

from __future__ import annotations

import pandas as pd

from cgvlib.dates import format_date
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.ledger.result import LedgerResult
from cgvlib.money import exact_euros, format_eur


def _money(cents: pd.Series, lang: str, money: str) -> pd.Series:
    if money == "text":
        return cents.map(lambda c: format_eur(int(c), lang))
    return cents.map(lambda c: exact_euros(int(c)))


def _day(days: pd.Series, lang: str, money: str, empty: str = "") -> pd.Series:
    if money != "text":
        return days.dt.date.astype(object).where(days.notna(), None)
    shown = {d: format_date(d.date(), lang, length="medium") for d in days.dropna().unique()}
    return days.map(lambda d: shown.get(d, empty) if pd.notna(d) else empty)


def summary_table(result: LedgerResult, lang: str | None = None,
                  money: str = "text") -> pd.DataFrame:
    """One row per vendor, largest total first: invoices, late ones, interest, indemnities,
    total (lawful) and total as the clause is written."""
    lang = check_lang(lang or result.lang)
    by = result.by_vendor
    names = result.shown_names(lang)
    return pd.DataFrame({
        translate("Vendor", lang): [names.get(v, v) for v in by.index],
        translate("Invoices", lang): by["invoices"].to_numpy(),
        translate("Late", lang): by["late_invoices"].to_numpy(),
        translate("Interest", lang): _money(by["interest_cents"], lang, money).to_numpy(),
        translate("Indemnities", lang): _money(by["indemnity_cents"], lang, money).to_numpy(),
        translate("Total claimable", lang): _money(by["total_cents"], lang, money).to_numpy(),
        translate("Total as written", lang):
            _money(by["as_written_total_cents"], lang, money).to_numpy(),
    })


def invoices_table(result: LedgerResult, lang: str | None = None, money: str = "text",
                   limit: int | None = None) -> pd.DataFrame:
    """The accepted rows, largest total first (the first ``limit`` when given)."""
    lang = check_lang(lang or result.lang)
    inv = result.invoices_in_memory() if limit is None else result.largest(limit)
    unpaid = translate("unpaid", lang)
    table = pd.DataFrame({
        translate("Row", lang): inv["row"].to_numpy(),
        translate("Vendor", lang): inv["vendor"].map(result.shown_names(lang)).to_numpy(),
        translate("Invoice", lang): inv["invoice"].to_numpy(),
        translate("Amount", lang): _money(inv["amount_cents"], lang, money).to_numpy(),
        translate("Invoice date", lang): _day(inv["invoice_date"], lang, money).to_numpy(),
        translate("Due", lang): _day(inv["due"], lang, money).to_numpy(),
        translate("Paid", lang): _day(inv["paid"], lang, money, unpaid).to_numpy(),
        translate("Days late", lang): inv["days_late"].to_numpy(),
        translate("Interest", lang): _money(inv["interest_cents"], lang, money).to_numpy(),
        translate("Indemnity", lang): _money(inv["indemnity_cents"], lang, money).to_numpy(),
        translate("Total claimable", lang): _money(inv["total_cents"], lang, money).to_numpy(),
        translate("Total as written", lang):
            _money(inv["as_written_total_cents"], lang, money).to_numpy(),
    })
    if "file" in inv.columns:  # a ledger of several files: each row's file
        table.insert(0, translate("File", lang), inv["file"].to_numpy())
    if "provisional" in inv.columns and inv["provisional"].any():
        mark = translate("provisional", lang)
        table[translate("Figures", lang)] = [mark if p else "" for p in inv["provisional"]]
    return table


def rejected_table(result, lang: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """The rejected rows of a :class:`LedgerResult` (or of a
    :class:`~cgvlib.ledger.read.Ledger` just read): row, column, value as written, reason."""
    lang = check_lang(lang or result.lang)
    rej = result.rejected if limit is None else result.rejected.head(limit)
    table = pd.DataFrame({
        translate("Row", lang): rej["row"].to_numpy(),
        translate("Column", lang): rej["column"].to_numpy(),
        translate("Value", lang): rej["value"].to_numpy(),
        translate("Reason", lang): rej["reason"].to_numpy(),
    })
    if "file" in rej.columns:
        table.insert(0, translate("File", lang), rej["file"].fillna("").to_numpy())
    return table
