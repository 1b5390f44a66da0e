"""Tables an analyst reads: the clause-by-vendor comparison (styled), the citations behind a
cell, every ambiguity, and the key figures of one scenario across vendors.

- :func:`comparison_table`: :func:`cgvlib.compare` as a pandas ``Styler``: one column per
  vendor, rows grouped by clause family; cells whose clause admits several readings (``‡``) on
  a light yellow background, cells of a family the terms are silent on greyed; hovering a cell
  shows its article, the verbatim quote and the other readings (a ``title`` tooltip, which an
  exported HTML page keeps);
- :func:`citations_table`: article, quote and other readings behind one cell;
- :func:`ambiguities_table`: every clause that admits several readings, with its readings,
  the default one and why;
- :func:`vendors_table`: who the vendors are and which version of their terms was read;
- :func:`scenario_table`: one row per vendor with a result's figures, its headline, and the
  headlines of the other readings when the clause is ambiguous;
- :func:`full_text`: any of these DataFrames shown in full (quotes and notes untruncated).

Each table takes ``lang`` (``"en"``, the default, or ``"fr"``): its headers and words in the
reader's language (families, items, readings by their names, the vendor files' English
through the catalog, ``oui``/``non``, dates and money by Babel); English keeps the columns and
values the library has always given.

Vendors are ids, Vendor objects, or ``"statutory"`` for the law's default terms. Money is shown
from the amounts the arithmetic already rounded, formatted with :func:`cgvlib.money.format_eur`:
no second rounding happens here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pandas as pd
from pandas.io.formats.style import Styler

from cgvlib.analysis.compare import (
    AMBIGUOUS_MARK,
    FAMILIES,
    NOT_STATED,
    citation,
    compare,
    compare_long,
)
from cgvlib.analysis.words import article_words, named, said, written
from cgvlib.arithmetic.common import STATUTORY_ID, Result, as_vendor
from cgvlib.arithmetic.sla import SlaCreditResult
from cgvlib.arithmetic.statutory import statutory
from cgvlib.arithmetic.working_words import Worded, counted_words
from cgvlib.dates import format_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase, say, translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.money import format_eur
from cgvlib.names import ID_LABELS, label
from cgvlib.reference.series import NOTE_SEPARATOR
from cgvlib.views.words import WORDS, decimal_text, word

AMBIGUOUS_BACKGROUND = "#FFF2CC"  # light yellow: the ‡ cells
SILENT_STYLE = "color: #7F7F7F; background-color: #F2F2F2"
NOT_STATED_STYLE = "color: #A6A6A6"
FAMILY_RULE = "border-top: 1px solid #7F7F7F"
CITATION_COLUMNS = ["item", "text", "article", "quote", "other readings", "note"]
AMBIGUITY_COLUMNS = ["vendor", "family", "path", "article", "readings", "default",
                     "why default", "note"]
VENDOR_COLUMNS = ["name", "activity", "document", "version", "vendor file", "values cited",
                  "ambiguities", "quotes verified"]
# The columns of the tables below, in a reader's language (English: the column's name itself)
COLUMN_WORDS = {
    "vendor": Phrase("vendor"), "family": Phrase("family"), "path": Phrase("path"),
    "article": Phrase("article"), "readings": Phrase("readings"),
    "default": Phrase("default"), "why default": Phrase("why default"), "note": Phrase("note"),
    "id": Phrase("id"), "name": Phrase("name"), "activity": Phrase("activity"),
    "document": Phrase("document"), "version": Phrase("version"),
    "vendor file": Phrase("vendor file"), "values cited": Phrase("values cited"),
    "ambiguities": Phrase("ambiguities"), "quotes verified": Phrase("quotes verified"),
}


# --- selection ----------------------------------------------------------------------------------


def resolve_vendors(vendors=None) -> list[Vendor]:
    """Vendor objects from ids, Vendors or ``"statutory"`` (the law's default terms); None means
    every vendor file. An empty selection is an input error."""
    if vendors is None:
        return all_vendors()
    if isinstance(vendors, str | Vendor):
        vendors = [vendors]
    chosen = [as_vendor(v) for v in vendors]
    if not chosen:
        raise InputError("vendors: choose at least one vendor (ids such as 'teogest', or "
                         f"'{STATUTORY_ID}' for the law's default terms)")
    return chosen


def _families(families) -> list[str] | None:
    if families is None or isinstance(families, str):
        return families
    families = list(families)
    if not families:
        raise InputError("families: choose at least one clause family; valid families: "
                         + ", ".join(FAMILIES.values()))
    return families


# --- the comparison -----------------------------------------------------------------------------


FAMILY_KEYS = {name: key for key, name in FAMILIES.items()}


def family_name(family: str, lang: str) -> str:
    """A clause family as :func:`cgvlib.compare` and the findings name it (``"late payment"``,
    :data:`cgvlib.analysis.compare.FAMILIES`) in ``lang`` (``"retard de paiement"``); words
    that name no family are shown as they are."""
    key = FAMILY_KEYS.get(str(family))
    return label(key, lang) if key else str(family)


ITEM_KEYS = {english: key for key, english in WORDS.items() if key.startswith("item_")}


def item_name(item: str, lang: str) -> str:
    """A row of the comparison (:mod:`cgvlib.analysis.describe`'s item) in ``lang``: a fixed
    item (``"penalty base"``) through :data:`~cgvlib.views.words.WORDS`, a kind or topic
    (``"billing unit"``, the identifier ``billing_unit``) by its name
    (:func:`cgvlib.names.label`); the words a clause says it applies to (the vendor file's
    English) through the catalog."""
    if not item:  # a family shown in one row
        return item
    if item in ITEM_KEYS:
        return word(ITEM_KEYS[item], lang)
    identifier = item.replace(" ", "_")
    return label(identifier, lang) if identifier in ID_LABELS else translate(item, lang)


def vendor_name(name: str, lang: str) -> str:
    """A column of the comparison: a vendor's name, the law's default terms named in ``lang``."""
    return label(STATUTORY_ID, lang) if name == statutory().name else name


def comparison_caption(lang: str, *, ambiguous_only: bool = False) -> str:
    """The comparison table's legend in ``lang``."""
    caption = word("comparison_legend", lang, mark=AMBIGUOUS_MARK, none=NOT_STATED)
    if ambiguous_only:
        caption += " " + word("comparison_ambiguous_only", lang)
    return caption


def _cell_key(row) -> tuple[str, str, str]:
    return row["family"], row["item"], row["vendor"]


def _tooltip_text(rows: pd.DataFrame, lang: str = "en") -> str:
    """Article, quote and other readings of the long rows behind one cell."""
    parts = []
    for _, row in rows.iterrows():
        if row["silent"]:
            parts.append(f"{row['text']}" + (f": {row['note']}" if row["note"] else ""))
            continue
        lines = []
        if row["article"]:
            lines.append(f"art. {row['article']}: « {row['quote']} »")
        if isinstance(row["other_readings"], str) and row["other_readings"]:
            lines.append(word("other_readings_tip", lang, readings=row["other_readings"]))
        if lines:
            parts.append("\n".join(lines))
    return "\n\n".join(dict.fromkeys(parts))


def comparison_tooltips(table: pd.DataFrame, long: pd.DataFrame, lang: str = "en"
                        ) -> pd.DataFrame:
    """The tooltip of every cell of ``table`` (a :func:`cgvlib.compare` table) from the rows of
    ``long`` (:func:`cgvlib.compare_long` for the same vendors and families): article and
    verbatim quote, then the other readings; for a silent family, the vendor file's note.
    Plain text (not HTML-escaped); empty where the terms state nothing."""
    by_cell, silent = {}, {}
    if not long.empty:
        by_cell = dict(iter(long.groupby(["family", "item", "vendor"], sort=False)))
        quiet = long.loc[long["silent"].astype(bool)]
        silent = dict(iter(quiet.groupby(["family", "vendor"], sort=False)))
    tips = []
    for family, item in table.index:
        row = []
        for vendor in table.columns:
            rows = by_cell.get((family, item, vendor))
            if rows is None:
                rows = silent.get((family, vendor))
            row.append("" if rows is None else _tooltip_text(rows, lang))
        tips.append(row)
    return pd.DataFrame(tips, index=table.index, columns=table.columns, dtype=object)


def comparison_styles(table: pd.DataFrame, long: pd.DataFrame) -> pd.DataFrame:
    """The CSS of every cell of ``table``: ambiguous cells (``‡``) on a light yellow background,
    cells of a family the vendor is silent on greyed, items not stated in light grey, and a rule
    above the first row of each family."""
    quiet = long.loc[long["silent"].astype(bool)]
    silent = set(zip(quiet["family"], quiet["vendor"], strict=True))
    styles = []
    previous = None
    for (family, _item), texts in zip(table.index, table.to_numpy(), strict=True):
        row = []
        for vendor, text in zip(table.columns, texts, strict=True):
            text = str(text)
            css = []
            if (family, vendor) in silent:
                css.append(SILENT_STYLE)
            elif text.endswith(AMBIGUOUS_MARK) or f"{AMBIGUOUS_MARK};" in text:
                css.append(f"background-color: {AMBIGUOUS_BACKGROUND}")
            elif text == NOT_STATED:
                css.append(NOT_STATED_STYLE)
            if family != previous:
                css.append(FAMILY_RULE)
            row.append("; ".join(css))
        styles.append(row)
        previous = family
    return pd.DataFrame(styles, index=table.index, columns=table.columns, dtype=object)


def ambiguous_rows(table: pd.DataFrame) -> pd.Series:
    """True for the rows of a comparison table with at least one ambiguous (``‡``) cell."""
    return table.apply(lambda col: col.astype(str).str.contains(AMBIGUOUS_MARK, regex=False)
                       ).any(axis=1)


def comparison_table(vendors=None, families: Iterable[str] | None = None, *,
                     ambiguous_only: bool = False, lang: str = "en") -> Styler:
    """The clause-by-vendor table (:func:`cgvlib.compare`) styled for reading.

    ``styler.data`` is exactly ``cgvlib.compare(vendors, families, lang=lang)`` (only its
    rows with an ambiguous cell when ``ambiguous_only``). Column headers are the vendors'
    names, rows are grouped by clause family. Ambiguous cells (``‡``) have a light yellow
    background, cells of a family the terms are silent on are greyed; every cell's tooltip
    holds its article, the verbatim quote and the other readings (the caption is the legend).

    ``vendors``: ids, Vendor objects or ``"statutory"`` (default: every vendor file);
    ``families``: clause family keys or labels (default: all).
    ``lang`` (``"en"`` or ``"fr"``): the language of the legend, the families, the items, the
    cells (the clauses described by :mod:`cgvlib.analysis.describe`) and the tooltips' words.
    """
    check_lang(lang)
    chosen = resolve_vendors(vendors) if vendors is not None else None
    families = _families(families)
    table = compare(chosen, families, lang=lang)
    long = compare_long(chosen, families, lang=lang)
    if ambiguous_only and not table.empty:
        table = table[ambiguous_rows(table)]
    if table.empty:
        return table.style.set_caption(word(
            "comparison_nothing_ambiguous" if ambiguous_only else "comparison_nothing", lang))
    tips = comparison_tooltips(table, long, lang).map(lambda t: html.escape(t) if t else "")
    styles = comparison_styles(table, long)
    styler = (
        table.style
        .format(escape="html")
        .format_index(escape="html", axis=0)
        .format_index(lambda family: html.escape(family_name(family, lang), quote=False),
                      axis=0, level=0)
        .format_index(lambda item: html.escape(item_name(item, lang), quote=False),
                      axis=0, level=1)
        .format_index(lambda name: html.escape(vendor_name(name, lang), quote=False), axis=1)
        .hide(names=True, axis="index")
        .hide(names=True, axis="columns")
        .apply(lambda _: styles, axis=None)
        .set_tooltips(tips, as_title_attribute=True)
        .set_caption(comparison_caption(lang, ambiguous_only=ambiguous_only))
        .set_table_styles([
            {"selector": "caption", "props": "caption-side: top; text-align: left; "
                                             "font-size: 0.85em; color: #404040"},
            {"selector": "td", "props": "text-align: left; vertical-align: top; "
                                        "max-width: 22em"},
            {"selector": "th.row_heading", "props": "text-align: left; vertical-align: top"},
            {"selector": "th.row_heading.level0", "props": "font-weight: bold"},
            {"selector": "th.col_heading", "props": "text-align: left"},
        ])
    )
    return styler


def comparison_cells(table: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The (family, item, vendor name) of every cell of a comparison table that says
    something (cells reading ``—`` are left out), row by row."""
    return [(family, item, vendor)
            for (family, item), texts in zip(table.index, table.to_numpy(), strict=True)
            for vendor, text in zip(table.columns, texts, strict=True)
            if str(text) != NOT_STATED]


def full_text(frame: pd.DataFrame) -> Styler:
    """``frame`` shown with every cell in full (a notebook truncates long text in a DataFrame),
    line breaks kept, text top-aligned and left-aligned: for reading quotes, readings and
    notes. ``styler.data`` is ``frame`` itself."""

    def cell(value) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        return html.escape(str(value)).replace("\n", "<br>")

    return (
        frame.style
        .format(cell)
        .format_index(escape="html", axis=0)
        .format_index(escape="html", axis=1)
        .set_table_styles([
            {"selector": "td", "props": "text-align: left; vertical-align: top; "
                                        "max-width: 40em"},
            {"selector": "th", "props": "text-align: left; vertical-align: top"},
        ])
    )


# --- vendors, citations and ambiguities ---------------------------------------------------------


def column_names(columns: Iterable[str], lang: str) -> list[str]:
    """The names of ``columns`` (keys of :data:`COLUMN_WORDS`) in ``lang``; English: the
    columns as they are."""
    check_lang(lang)
    return [COLUMN_WORDS[c].say(lang) if c in COLUMN_WORDS else c for c in columns]


def yes_no(value, lang: str) -> str:
    """A true/false cell as a reader reads it: ``yes``/``no`` (``oui``/``non``)."""
    return translate("yes", lang) if value else translate("no", lang)


# A library table's column with a reading in its name: ``last_day_to_send_notice (anniversary)``
_COLUMN_READING = re.compile(r"^(?P<column>\w+) \((?P<reading>[^)]*)\)$")
# Words of the library's tables (:func:`table_in`) the other tables of the library do not say:
# columns of renewal_deadlines, downtime_table, sla_credit_table, breach_periods and
# penalty_rates, and the periods of downtime_table
TABLE_WORDS = {
    "term_start": Phrase("term start"), "renewal_date": Phrase("renewal date"),
    "period": Phrase("period"), "period_days": Phrase("period days"),
    "human": Phrase("human"), "low": Phrase("low"), "low_inclusive": Phrase("low inclusive"),
    "high": Phrase("high"), "high_inclusive": Phrase("high inclusive"),
    "credit_lower_tier": Phrase("credit lower tier"),
    "credit_upper_tier": Phrase("credit upper tier"), "first": Phrase("first"),
    "last": Phrase("last"), "semesters": Phrase("semesters"),
    "largest_gap": Phrase("largest gap"), "semester": Phrase("semester"),
    "floor": Phrase("floor"), "below_floor": Phrase("below floor"), "how": Phrase("how"),
    "day": Phrase("day"), "week": Phrase("week"), "year": Phrase("year"),
}
# The reference series whose names no other part of the library says
SERIES_WORDS = {
    "statutory late-payment rate (L441-10 II)": Phrase(
        "statutory late-payment rate (L441-10 II)"),
    "minimum late-payment rate (L441-10 II)": Phrase("minimum late-payment rate (L441-10 II)"),
}


def _said(name: str, lang: str) -> str:
    """A word of a library table in ``lang``: :data:`TABLE_WORDS`, else through the catalog
    (``vendor``, ``rule``...: words other tables say), underscores as spaces."""
    if name in TABLE_WORDS:
        return TABLE_WORDS[name].say(lang)
    return translate(name.replace("_", " "), lang)


def _header_in(column, lang: str) -> str:
    match = _COLUMN_READING.match(str(column))
    if match:
        return f"{_said(match['column'], lang)} ({label(match['reading'], lang)})"
    return _said(str(column), lang)


def _cell_in(value, lang: str):
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, Decimal):
        return decimal_text(value, lang)
    if isinstance(value, str) and value:
        return label(value, lang) if value in ID_LABELS else _said(value, lang)
    return value


def table_in(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A table the library computes (:func:`cgvlib.renewal_deadlines`,
    :func:`cgvlib.downtime_table`...) as a reader of ``lang`` reads it: English, ``frame``
    itself; French, its headers said through the catalog (``renewal_date`` -> ``date de
    renouvellement``, a reading in a header by its name), days written out, true/false as
    oui/non, decimal commas, identifiers by their names (:func:`cgvlib.names.label`) and words
    through the catalog. The figures are not touched."""
    if check_lang(lang) == "en":
        return frame
    shown = frame.astype(object).map(lambda value: _cell_in(value, lang))
    shown.columns = [_header_in(c, lang) for c in frame.columns]
    if frame.index.name:
        shown.index.name = _header_in(frame.index.name, lang)
    return shown


def rate_text(rate, lang: str = "en") -> str:
    """A reference rate (:class:`cgvlib.reference.series.AsOf`, e.g. :func:`cgvlib.ecb_rate`)
    as a reader of ``lang`` reads it: English, its own text (value, series, period, source,
    note); French, the value, the series, the period it holds for and its caveats (the note,
    provisional, user-supplied) said in French. The source, a citation in the data file's own
    words, is left to ``str(rate)`` and to ``data/rates``."""
    if check_lang(lang) == "en":
        return str(rate)
    period = translate("from {start} to {end}", lang).format(
        start=format_date(rate.start, lang), end=format_date(rate.end, lang))
    series = (SERIES_WORDS[rate.series].say(lang) if rate.series in SERIES_WORDS
              else translate(rate.series, lang))
    text = f"{decimal_text(rate.value, lang)} {rate.unit} ({series}, {period})"
    caveats = [translate("provisional", lang)] if rate.assumed else []
    caveats += [say(rate.note, lang)] if rate.note else []
    caveats += [translate("user-supplied", lang)] if rate.user_supplied else []
    return text + (f" [{say(NOTE_SEPARATOR, lang).join(caveats)}]" if caveats else "")


def vendors_table(vendors=None, *, lang: str = "en") -> pd.DataFrame:
    """Who the vendors are and where their terms come from, one row per vendor (indexed by
    id): name, activity, the document read (title and the version it states), its vendor file,
    how many values are cited (article and verbatim quote), how many clauses admit several
    readings, and whether every quote was found in the text when the file was loaded.

    ``lang`` (``"en"`` or ``"fr"``): the language of the headers, of the law's default terms'
    name, of the activity (the vendor file's English, through the catalog) and of the
    quotes' check (``oui``/``non``); English keeps the identifiers' columns and ``True``/
    ``False``. The document's title and version are the document's own words."""
    check_lang(lang)
    rows = []
    for v in resolve_vendors(vendors):
        rows.append({
            "id": v.id,
            "name": v.name,
            "activity": v.activity,
            "document": v.document.title,
            "version": v.document.version,
            "vendor file": _short_path(v.origin),
            "values cited": len(v.citations()),
            "ambiguities": len(v.ambiguities()),
            "quotes verified": v.quotes_verified,
        })
    frame = pd.DataFrame(rows).set_index("id")
    if lang == "en":
        return frame
    frame["name"] = [vendor_name(name, lang) for name in frame["name"]]
    frame["activity"] = [said(written(text), lang) for text in frame["activity"]]
    frame["version"] = [said(written(text), lang) for text in frame["version"]]
    frame["quotes verified"] = [yes_no(value, lang) for value in frame["quotes verified"]]
    frame.index.name = COLUMN_WORDS["id"].say(lang)
    return frame.set_axis(column_names(frame.columns, lang), axis=1)


def _short_path(path: str | None) -> str | None:
    """``data/vendors/teogest.yaml`` rather than the absolute path, for files of the project."""
    if path is None:
        return None
    parts = path.replace("\\", "/").split("/")
    return "/".join(parts[-3:]) if len(parts) >= 3 and parts[-3] == "data" else path


def citations_table(vendor, family: str, item: str | None = None, *, lang: str = "en"
                    ) -> pd.DataFrame:
    """Article, verbatim quote and other readings behind one cell of the comparison (one row
    per clause behind it; all of the family's rows when ``item`` is None), the cell's words,
    the other readings and a silent family's note in ``lang``.

    For a family the terms are silent on, the one row says so and its note explains what
    applies instead. An item the vendor's terms do not state is an input error listing the
    items they do state.
    """
    v = as_vendor(vendor)
    rows = citation(v, family, lang=lang)  # every item of the family, in compare_long's order
    long = compare_long(v, [family], lang=lang).reset_index(drop=True)
    frame = rows.assign(**{"other readings": long["other_readings"], "note": long["note"],
                           "silent": long["silent"]})
    if item is not None:
        chosen = frame[frame["item"] == item]
        if chosen.empty and frame["silent"].any():
            chosen = frame[frame["silent"]]
        if chosen.empty:
            items = ", ".join(repr(i) for i in dict.fromkeys(frame["item"])) or "none"
            raise InputError(f"item {item!r}: {v.name}'s terms state nothing on it in "
                             f"{family!r}; items they state: {items}")
        frame = chosen
    frame = frame.reset_index(drop=True)[CITATION_COLUMNS]
    return frame.astype(object).where(frame.notna(), None)


def _readings_words(clause, lang: str = "en") -> str:
    """``name: what it means``, one reading a line; in French the reading's name
    (:func:`cgvlib.names.label`) and its meaning through the catalog."""
    if lang == "en":
        return "\n".join(f"{r.name}: {r.means}" for r in clause.ambiguity.readings)
    return "\n".join(said(Phrase("{name}: {means}", name=named(r.name), means=written(r.means)),
                           lang) for r in clause.ambiguity.readings)


def ambiguities_table(vendors=None, *, lang: str = "en") -> pd.DataFrame:
    """Every clause that admits several readings, one row each: vendor, clause family, the
    field path in the vendor file, article, the readings (``name: what it means``, one per
    line), the default reading, why it is the default, and the vendor file's note on why the
    text admits them.

    ``lang`` (``"en"`` or ``"fr"``): the language of the headers, the families, the readings'
    names (:func:`cgvlib.names.label`) and of the vendor file's words (meanings, why the
    default, note: through the catalog); English keeps the readings' identifiers and the
    field path as the vendor file writes them (in French, its words without underscores)."""
    check_lang(lang)
    rows = []
    for v in resolve_vendors(vendors):
        for path, clause in v.ambiguities():
            key = path.split(".")[0].split("[")[0]
            family = FAMILIES.get(key, key)
            ambiguity = clause.ambiguity
            article = clause.source.article if clause.source else None
            if lang == "en":
                rows.append([v.name, family, path, article, _readings_words(clause),
                             ambiguity.default, ambiguity.why_default, ambiguity.note])
                continue
            rows.append([
                vendor_name(v.name, lang), family_name(family, lang), path.replace("_", " "),
                article_words(article).say(lang) if article else None,
                _readings_words(clause, lang), named(ambiguity.default).say(lang),
                said(written(ambiguity.why_default), lang) or None,
                said(written(ambiguity.note), lang) or None,
            ])
    return pd.DataFrame(rows, columns=column_names(AMBIGUITY_COLUMNS, lang))


# --- one scenario across vendors ----------------------------------------------------------------


MONEY_NAMES = {"amount", "fee", "price", "total", "interest", "indemnity", "cap", "flat",
               "minimum", "deposit", "penalty", "credit", "surcharge", "vat", "balance"}
MONEY_SUFFIXES = ("_amount", "_price", "_fee", "_total", "_cap")


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, list | tuple | dict | set | frozenset)


def _is_money(name: str, figures: Mapping[str, Any]) -> bool:
    """A Decimal figure is money when the result also gives it in cents (``interest`` and
    ``interest_cents``) or when its name says so (``fee``, ``worst_case_price``...)."""
    return (f"{name}_cents" in figures or name in MONEY_NAMES
            or name.endswith(MONEY_SUFFIXES))


def format_money(value: Decimal, lang: str = "en") -> str:
    """An already-rounded Decimal amount as ``1,234.56 EUR`` (``1 234,56 €`` in French),
    exactly: the Decimal is turned into its whole cents (no rounding) and formatted by
    :func:`cgvlib.money.format_eur`."""
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InputError(f"{value} EUR is not a whole number of cents; results hold rounded "
                         "amounts, so this figure is not money")
    return _eur(int(cents), lang)


def _eur(cents: int, lang: str) -> str:
    """Cents as the table shows them: the working text in English, Babel's French."""
    return format_eur(cents, None if check_lang(lang) == "en" else lang)


def _value(value: Any, lang: str) -> Any:
    """A figure other than money as a French reader reads it: ``oui``/``non``, a date in
    words, a length of time in days or hours, a decimal comma, words of the working (a rule, a
    basis) said in French, an identifier by its name, a file's English and an article's
    remark through the catalog; English: the figure as it is."""
    if lang == "en" or value is None:
        return value
    if isinstance(value, Worded):  # words of the working, kept with the phrase they came from
        return said(value.words, lang)
    if isinstance(value, bool):
        return yes_no(value, lang)
    if isinstance(value, dt.timedelta):
        return _elapsed_words(value, lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, Decimal | float):
        return f"{value}".replace(".", ",")
    if isinstance(value, str):  # an identifier by its name, a file's English through the catalog
        return (label(value, lang) if value in ID_LABELS
                else article_words(said(written(value), lang)).say(lang))
    return value


def _elapsed_words(elapsed: dt.timedelta, lang: str) -> str:
    """A length of time in ``lang``: whole days counted (``10 jours``), else hours and minutes
    (``47 h 59 min``)."""
    if elapsed % dt.timedelta(days=1) == dt.timedelta(0):
        return counted_words(elapsed.days, "calendar_days", lang)
    sign = "-" if elapsed < dt.timedelta(0) else ""
    hours, rest = divmod(abs(elapsed) // dt.timedelta(minutes=1), 60)
    return f"{sign}{hours} h {rest:02d} min"


_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")


def tier_words(tier: str, lang: str) -> str:
    """An SLA credit tier as a result names it (:func:`cgvlib.arithmetic.sla.tier_label`'s
    English, ``0.21–0.5 %``, ``> 0.5 up to 1 %``) in ``lang``: a decimal comma, a no-break
    space before ``%`` and its words through the catalog (``0,21–0,5 %``,
    ``> 0,5 jusqu'à 1 %``)."""
    if lang == "en":
        return tier
    french = _DECIMAL_POINT.sub(",", tier).replace(" %", "\u00a0%")
    return french.replace(" up to ", f" {translate('up to', lang)} ")


def scenario_row(result: Result, lang: str = "en") -> dict[str, Any]:
    """One result as a table row: headline, scalar figures (money as ``1,234.56 EUR``
    formatted from the already-rounded Decimals; the ``*_cents`` duplicates are left out), and
    whether the clause is ambiguous with the other readings' headlines. Non-scalar figures (the
    delay periods, tier gaps...) are left to ``result.explain()``. ``lang``: the language of
    the headline, the money, dates, yes/no and the readings' names (the keys stay the
    figures' names)."""
    figures = result.figures()
    row: dict[str, Any] = {"headline": result.headline(lang)}
    for name, value in figures.items():
        if name.endswith("_cents"):
            stem = name.removesuffix("_cents")
            if isinstance(value, int) and stem not in figures and not any(
                isinstance(v, Decimal) and _is_money(n, figures) and v * 100 == value
                for n, v in figures.items()
            ):  # money given only in cents (e.g. an SLA credit's cap_cents)
                row[stem] = _eur(value, lang)
            continue
        if not _is_scalar(value):
            continue
        if isinstance(value, Decimal) and _is_money(name, figures):
            row[name] = format_money(value, lang)
        elif isinstance(result, SlaCreditResult) and name == "tier" and value:
            row[name] = tier_words(value, lang)
        else:
            row[name] = _value(value, lang)
    row["ambiguous"] = _value(result.ambiguous, lang)
    row["reading"] = (result.reading if lang == "en" or result.reading is None
                      else named(result.reading).say(lang))
    colon = ": " if lang == "en" else " : "
    others = [f"{name if lang == 'en' else named(name).say(lang)}{colon}{r.headline(lang)}"
              for name, r in result.readings.items() if name != result.reading]
    row["other readings"] = "\n".join(others) or None
    return row


def scenario_table(results: Mapping[str, Result], *, lang: str = "en") -> pd.DataFrame:
    """One row per vendor (the mapping's keys, e.g. vendor ids or names) with a result's key
    figures: the headline, every scalar figure (money formatted from the already-rounded cents,
    never rounded again), ``ambiguous``, the reading shown and the other readings' headlines.
    Columns are the union of the results' figures, in the order they first appear.

    ``lang`` (``"en"`` or ``"fr"``): the language of the cells (:func:`scenario_row`) and, in
    French, of the headers (each figure's name through the catalog, or
    :func:`cgvlib.names.label`)."""
    check_lang(lang)
    rows = {}
    for key, result in results.items():
        if not isinstance(result, Result):
            raise InputError(f"results[{key!r}]: expected a cgvlib result (e.g. from "
                             f"cgvlib.late_payment), got {type(result).__name__}")
        rows[key] = scenario_row(result, lang)
    if not rows:
        raise InputError("results: no result to tabulate; give at least one vendor's result")
    columns = list(dict.fromkeys(c for row in rows.values() for c in row))
    tail = ["ambiguous", "reading", "other readings"]
    columns = [c for c in columns if c not in tail] + tail
    frame = pd.DataFrame([[row.get(c) for c in columns] for row in rows.values()],
                         index=pd.Index(list(rows), name="vendor"), columns=columns,
                         dtype=object)
    if lang == "en":
        return frame
    frame.index.name = COLUMN_WORDS["vendor"].say(lang)
    return frame.set_axis([figure_name(c, lang) for c in frame.columns], axis=1)


# Figures of the results whose words the catalog has nowhere else
FIGURE_WORDS = {
    "headline": Phrase("headline"), "amount": Phrase("amount"), "due": Phrase("due"),
    "paid": Phrase("paid"), "rate_unit": Phrase("rate unit"),
    "provisional_note": Phrase("provisional note"),
    "total_as_written": Phrase("total as written"),
    "unavailability_percent": Phrase("unavailability percent"),
    "tier_index": Phrase("tier index"), "percent": Phrase("percent"),
    "cap_percent": Phrase("cap percent"), "claim_deadline_rule": Phrase("claim deadline rule"),
    "after_event": Phrase("after event"),
    "applies_to": Phrase("applies to"),
    "at": Phrase("at"),
    "at_stake_basis": Phrase("at stake basis"),
    "base_date": Phrase("base date"),
    "base_price": Phrase("base price"),
    "basis": Phrase("basis"),
    "basis_kind": Phrase("basis kind"),
    "billing_basis": Phrase("billing basis"),
    "clause_index": Phrase("clause index"),
    "deadline": Phrase("deadline"),
    "ends_on": Phrase("ends on"),
    "factor": Phrase("factor"),
    "fee": Phrase("fee"),
    "flat": Phrase("flat"),
    "gap": Phrase("gap"),
    "kind": Phrase("kind"),
    "later_deadline": Phrase("later deadline"),
    "later_reading": Phrase("later reading"),
    "months_due": Phrase("months due"),
    "multiplier": Phrase("multiplier"),
    "notice_unit": Phrase("notice unit"),
    "notice_value": Phrase("notice value"),
    "optional": Phrase("optional"),
    "payments_counted": Phrase("payments counted"),
    "payments_sum": Phrase("payments sum"),
    "period_end": Phrase("period end"),
    "period_months": Phrase("period months"),
    "period_start": Phrase("period start"),
    "price": Phrase("price"),
    "quantity": Phrase("quantity"),
    "quantity_unit": Phrase("quantity unit"),
    "refund": Phrase("refund"),
    "refund_by": Phrase("refund by"),
    "request_date": Phrase("request date"),
    "schedule": Phrase("schedule"),
    "start": Phrase("start"),
    "unavailable": Phrase("unavailable"),
    "unstarted_months": Phrase("unstarted months"),
    "vat_percent": Phrase("vat percent"),
    "window_end": Phrase("window end"),
    "window_start": Phrase("window start"),
    "worst_case_price": Phrase("worst case price"),
}


def figure_name(name: str, lang: str) -> str:
    """A result's figure (``days_of_delay``) named in ``lang`` (``jours de retard``): its
    words through the catalog, else its name (:func:`cgvlib.names.label`)."""
    if name in FIGURE_WORDS:
        return FIGURE_WORDS[name].say(lang)
    words = name.replace("_", " ")
    said_words = translate(words, lang)
    return said_words if said_words != words or lang == "en" else label(name, lang)
