"""The clause-by-vendor comparison: one row per clause item, one column per vendor.

``compare_long`` gives one row per (vendor, clause item) with the words, the article, the
quote and the ambiguity flag (the citation behind any cell); ``compare`` pivots it into the
table an analyst reads, marking ambiguous cells with ``‡``. Both say the words in ``lang``
(English by default; the items, families and vendors stay the table's keys).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from cgvlib.analysis.describe import TERM_ITEMS, describe
from cgvlib.analysis.words import SEMICOLON, named, said, written
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, say
from cgvlib.lang import check_lang
from cgvlib.model.ambiguity import Clause, reading_variants
from cgvlib.model.base import Silent
from cgvlib.model.loader import vendor as load_vendor_by_id
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.names import FAMILY_NAMES

AMBIGUOUS_MARK = "‡"
NOT_STATED = "—"

FAMILIES: dict[str, str] = dict(FAMILY_NAMES)  # family id -> its English name
LONG_COLUMNS = ["family", "item", "vendor", "text", "ambiguous", "other_readings", "silent",
                "article", "quote", "note", "path"]
# What a silent family means when the law fills the gap.
SILENT_WORDS = {
    "late_payment": Phrase("text silent (law: ECB rate + 10 pts, L441-10)"),
    "recovery_indemnity": Phrase("text silent (law: 40 EUR per invoice, D441-5)"),
}


def _as_vendors(vendors) -> list[Vendor]:
    if vendors is None:
        return all_vendors()
    if isinstance(vendors, (str, Vendor)):
        vendors = [vendors]
    return [v if isinstance(v, Vendor) else load_vendor_by_id(v) for v in vendors]


def _as_families(families: Iterable[str] | None) -> list[str]:
    if families is None:
        return list(FAMILIES)
    if isinstance(families, str):
        families = [families]
    by_label = {label: key for key, label in FAMILIES.items()}
    chosen = []
    for f in families:
        key = f if f in FAMILIES else by_label.get(f)
        if key is None:
            raise InputError(f"unknown clause family {f!r}; valid families: " + ", ".join(FAMILIES))
        chosen.append(key)
    return chosen


def ambiguous_items(clause, lang: str = "en") -> dict[str, list[str]]:
    """The rows of ``clause`` whose words change with the reading: item -> every distinct
    wording in ``lang``, the default reading's first. Rows that read the same either way are
    not listed; when no row changes although the clause is ambiguous, every row is listed."""
    if not isinstance(clause, Clause):
        return {}
    variants, default_name = reading_variants(clause)
    if len(variants) == 1:
        return {}
    base = {item: said(text, lang) for item, text in describe(variants[default_name])}
    words: dict[str, list[str]] = {item: [text] for item, text in base.items()}
    for variant in variants.values():
        for item, text in describe(variant):
            text = said(text, lang)
            if item in words and text not in words[item]:
                words[item].append(text)
    differing = {item: texts for item, texts in words.items() if len(texts) > 1}
    if differing:
        return differing
    # The readings differ in a detail the short words do not show: flag every row anyway.
    names = Joined((named(name) for name in variants), ", ")
    flag = said(Phrase("readings {names} (see the clause's note)", names=names), lang)
    return {item: [text, flag] for item, text in base.items()}


def cited(clause, item: str) -> tuple[str | None, str | None]:
    """The article and quote behind one row: the row's own nested clauses where it shows them
    (a Term's notice rules, say), else the clause's own citation."""
    field = next((f for f, label in TERM_ITEMS.items() if label == item), None)
    nested = getattr(clause, field, None) if field else None
    sources = [c.source for c in nested] if nested else [getattr(clause, "source", None)]
    sources = [s for s in sources if s is not None]
    if not sources:
        return None, None
    articles = list(dict.fromkeys(s.article for s in sources))
    return "; ".join(articles), " | ".join(dict.fromkeys(s.quote for s in sources))


def compare_long(vendors=None, families: Iterable[str] | None = None, *,
                 lang: str = "en") -> pd.DataFrame:
    """One row per vendor and clause item: family, item, vendor, text (default reading),
    ambiguous, other_readings (the item's words under the other readings), silent, article,
    quote, note (a silent family's in ``lang``) and the field path in the vendor file.

    ``vendors``: Vendor objects or ids (default: every vendor); ``families``: keys or labels of
    :data:`FAMILIES` (default: all); ``lang``: the language of ``text`` and ``other_readings``.
    """
    check_lang(lang)
    rows = []
    for v in _as_vendors(vendors):
        for key in _as_families(families):
            value = getattr(v, key)
            clauses = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            for index, clause in clauses:
                silent = isinstance(clause, Silent)
                shown = clause.default_reading() if isinstance(clause, Clause) else clause
                variants = ambiguous_items(clause, lang)
                for item, text in describe(shown):
                    text = said(SILENT_WORDS.get(key, text) if silent else text, lang)
                    article, quote = cited(clause, item)
                    rows.append({
                        "family": FAMILIES[key], "item": item, "vendor": v.name,
                        "text": text,
                        "ambiguous": item in variants,
                        "other_readings": " | ".join(variants.get(item, [])[1:]) or None,
                        "silent": silent,
                        "article": article,
                        "quote": quote,
                        "note": said(written(clause.note), lang) if silent and clause.note
                        else clause.note,
                        "path": key if index is None else f"{key}[{index}]",
                    })
    return pd.DataFrame(rows, columns=LONG_COLUMNS)


def compare(vendors=None, families: Iterable[str] | None = None, *,
            lang: str = "en") -> pd.DataFrame:
    """The clause-by-vendor table: index (family, item), one column per vendor, short words
    in ``lang``.

    A cell whose clause admits several readings ends with ``‡`` (its default reading is
    shown); ``—`` means the vendor's terms say nothing on that item; "text silent" that they
    say nothing on the whole family.
    """
    long = compare_long(vendors, families, lang=lang)
    between = say(SEMICOLON, lang)  # several clauses in one cell
    vendor_names = list(dict.fromkeys(long["vendor"]))
    family_order = [FAMILIES[k] for k in _as_families(families)]
    long = long.assign(
        cell=long["text"].where(~long["ambiguous"], long["text"] + " " + AMBIGUOUS_MARK)
    )
    table = (
        long.groupby(["family", "item", "vendor"], sort=False)["cell"]
        .agg(lambda cells: between.join(dict.fromkeys(cells)))
        .unstack("vendor")
    )
    table = table.reindex(columns=vendor_names)
    silent = long[long["silent"]]
    for _, row in silent.iterrows():  # a silent vendor reads "text silent" on every item
        in_family = table.index.get_level_values("family") == row["family"]
        table.loc[in_family, row["vendor"]] = row["text"]
    items_per_family = table.index.to_frame(index=False).groupby("family")["item"].count()
    drop = [(fam, "") for fam, n in items_per_family.items() if n > 1 and (fam, "") in table.index]
    table = table.drop(index=drop)
    order = {name: i for i, name in enumerate(family_order)}
    table = table.sort_index(level="family", key=lambda s: s.map(order), sort_remaining=False)
    return table.fillna(NOT_STATED)


def citation(vendor, family: str, item: str | None = None, *, lang: str = "en"
             ) -> pd.DataFrame:
    """Article and quote behind the cells of one vendor and family (and item); the cells'
    words in ``lang``."""
    long = compare_long(vendor, [family], lang=lang)
    if item is not None:
        chosen = long[long["item"] == item]
        if chosen.empty and not long["silent"].all():
            items = ", ".join(repr(i) for i in dict.fromkeys(long["item"])) or "none"
            name = long["vendor"].iloc[0]
            raise InputError(f"item {item!r}: {name}'s terms state nothing on it in "
                             f"{family!r}; items they state: {items}")
        long = chosen if not chosen.empty else long
    return long[["family", "item", "text", "article", "quote", "path"]].reset_index(drop=True)
