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

Vendors are ids, Vendor objects, or ``"statutory"`` for the law's default terms. Money is shown
from the amounts the arithmetic already rounded, formatted with :func:`cgvlib.money.format_eur`:
no second rounding happens here.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from decimal import Decimal
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
from cgvlib.arithmetic.common import STATUTORY_ID, Result, as_vendor
from cgvlib.arithmetic.statutory import statutory
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.money import format_eur
from cgvlib.names import ID_LABELS, label
from cgvlib.views.words import WORDS, word

AMBIGUOUS_BACKGROUND = "#FFF2CC"  # light yellow: the ‡ cells
SILENT_STYLE = "color: #7F7F7F; background-color: #F2F2F2"
NOT_STATED_STYLE = "color: #A6A6A6"
FAMILY_RULE = "border-top: 1px solid #7F7F7F"
CITATION_COLUMNS = ["item", "text", "article", "quote", "other readings", "note"]
AMBIGUITY_COLUMNS = ["vendor", "family", "path", "article", "readings", "default",
                     "why default", "note"]


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


def vendors_table(vendors=None) -> pd.DataFrame:
    """Who the vendors are and where their terms come from, one row per vendor (indexed by
    id): name, activity, the document read (title and the version it states), its vendor file,
    how many values are cited (article and verbatim quote), how many clauses admit several
    readings, and whether every quote was found in the text when the file was loaded."""
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
    return pd.DataFrame(rows).set_index("id")


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


def _readings_words(clause) -> str:
    return "\n".join(f"{r.name}: {r.means}" for r in clause.ambiguity.readings)


def ambiguities_table(vendors=None) -> pd.DataFrame:
    """Every clause that admits several readings, one row each: vendor, clause family, the
    field path in the vendor file, article, the readings (``name: what it means``, one per
    line), the default reading, why it is the default, and the vendor file's note on why the
    text admits them."""
    rows = []
    for v in resolve_vendors(vendors):
        for path, clause in v.ambiguities():
            key = path.split(".")[0].split("[")[0]
            rows.append({
                "vendor": v.name,
                "family": FAMILIES.get(key, key),
                "path": path,
                "article": clause.source.article if clause.source else None,
                "readings": _readings_words(clause),
                "default": clause.ambiguity.default,
                "why default": clause.ambiguity.why_default,
                "note": clause.ambiguity.note,
            })
    return pd.DataFrame(rows, columns=AMBIGUITY_COLUMNS)


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


def format_money(value: Decimal) -> str:
    """An already-rounded Decimal amount as ``1,234.56 EUR``, exactly: the Decimal is turned
    into its whole cents (no rounding) and formatted by :func:`cgvlib.money.format_eur`."""
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InputError(f"{value} EUR is not a whole number of cents; results hold rounded "
                         "amounts, so this figure is not money")
    return format_eur(int(cents))


def scenario_row(result: Result) -> dict[str, Any]:
    """One result as a table row: headline, scalar figures (money as ``1,234.56 EUR``
    formatted from the already-rounded Decimals; the ``*_cents`` duplicates are left out), and
    whether the clause is ambiguous with the other readings' headlines. Non-scalar figures (the
    delay periods, tier gaps...) are left to ``result.explain()``."""
    figures = result.figures()
    row: dict[str, Any] = {"headline": result.headline()}
    for name, value in figures.items():
        if name.endswith("_cents"):
            stem = name.removesuffix("_cents")
            if isinstance(value, int) and stem not in figures and not any(
                isinstance(v, Decimal) and _is_money(n, figures) and v * 100 == value
                for n, v in figures.items()
            ):  # money given only in cents (e.g. an SLA credit's cap_cents)
                row[stem] = format_eur(value)
            continue
        if not _is_scalar(value):
            continue
        if isinstance(value, Decimal) and _is_money(name, figures):
            row[name] = format_money(value)
        else:
            row[name] = value
    row["ambiguous"] = result.ambiguous
    row["reading"] = result.reading
    others = [f"{name}: {r.headline()}" for name, r in result.readings.items()
              if name != result.reading]
    row["other readings"] = "\n".join(others) or None
    return row


def scenario_table(results: Mapping[str, Result]) -> pd.DataFrame:
    """One row per vendor (the mapping's keys, e.g. vendor ids or names) with a result's key
    figures: the headline, every scalar figure (money formatted from the already-rounded cents,
    never rounded again), ``ambiguous``, the reading shown and the other readings' headlines.
    Columns are the union of the results' figures, in the order they first appear."""
    rows = {}
    for key, result in results.items():
        if not isinstance(result, Result):
            raise InputError(f"results[{key!r}]: expected a cgvlib result (e.g. from "
                             f"cgvlib.late_payment), got {type(result).__name__}")
        rows[key] = scenario_row(result)
    if not rows:
        raise InputError("results: no result to tabulate; give at least one vendor's result")
    columns = list(dict.fromkeys(c for row in rows.values() for c in row))
    tail = ["ambiguous", "reading", "other readings"]
    columns = [c for c in columns if c not in tail] + tail
    frame = pd.DataFrame([[row.get(c) for c in columns] for row in rows.values()],
                         index=pd.Index(list(rows), name="vendor"), columns=columns,
                         dtype=object)
    return frame
