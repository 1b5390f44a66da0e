"""Compliance findings as a table and a chart: where a clause breaks French commercial law, where
a court may set it aside, where the text contradicts itself or admits two readings.

The findings come from :func:`cgvlib.check_all` (or :func:`cgvlib.check`): one row per finding
with its ``id`` (the check), ``vendor`` (name), ``severity``, ``family``, ``article`` and
``quote`` (the vendor's words), ``rule`` (the statute), ``explanation``, ``periods`` and
``path``. The functions here only select, sort and render them; they never run the checks, so
one ``findings = cgvlib.check_all()`` serves every table and chart of a notebook.

- :func:`select_findings`: the rows of some vendors and severities, sorted by severity (breach
  first), then vendor (in the fixed order of the charts: JANQUOR, ioSmart, Teogest, Leappy,
  GOUT, then others by name), then the checks' own order;
- :func:`findings_table`: those rows as a pandas ``Styler``: severity cells coloured (breach
  red, risk orange, ambiguity yellow, note grey), every cell of a row carrying the article and
  the verbatim quote of the terms in its tooltip (a ``title`` attribute, HTML-escaped, which an
  exported HTML page keeps), the quote also as a column with ``with_quotes=True``;
- :func:`summary_chart`: stacked bars of the findings per vendor by severity, in the same
  colours;
- :func:`pick_finding`, :func:`finding_frame`, :func:`finding_detail`: one finding in full
  (explanation, article, quote, rule, periods), for a lesson or the app;
- :func:`finding_label`: the words naming a finding in a list (``"Leappy SAS ·
  late_rate_below_floor"``).

Vendors are given as ids (``"leappy"``), names (``"Leappy SAS"``) or Vendor objects;
``"statutory"`` (the law's own default terms) is accepted and left out: it has no finding.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from pandas.io.formats.style import Styler

from cgvlib.analysis.checks import SEVERITIES, findings_summary
from cgvlib.analysis.words import article_words, said
from cgvlib.arithmetic.common import STATUTORY_ID, as_vendor
from cgvlib.errors import InputError
from cgvlib.i18n import say, translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.names import label, name_identifiers
from cgvlib.views.late_payment import default_vendors
from cgvlib.views.style import new_figure, vendor_colour
from cgvlib.views.tables import family_name, full_text
from cgvlib.views.words import word

# One colour per severity, the same in the table and the chart.
SEVERITY_COLOURS: dict[str, str] = {
    "breach": "#C62828",     # red
    "risk": "#EF8A17",       # orange
    "ambiguity": "#F2D04B",  # yellow
    "note": "#A6A6A6",       # grey
}
SEVERITY_TEXT_COLOURS: dict[str, str] = {
    "breach": "#FFFFFF", "risk": "#000000", "ambiguity": "#000000", "note": "#000000",
}
SEVERITY_MEANINGS: dict[str, str] = {s: word(f"meaning_{s}", "en") for s in SEVERITIES}
DEFAULT_SEVERITIES = ("breach", "risk")
TABLE_COLUMNS = ["severity", "vendor", "id", "family", "article", "rule", "explanation",
                 "periods"]
DETAIL_FIELDS = ["vendor", "id", "severity", "family", "explanation", "article", "quote", "rule",
                 "periods", "path"]
SEPARATOR = " · "


# --------------------------------------------------------------------------- selection


def _check_frame(frame) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise InputError("frame: expected the findings of cgvlib.check_all() or "
                         f"cgvlib.check(vendor), got {type(frame).__name__}")
    missing = [c for c in ("id", "vendor", "severity", "article", "quote") if c not in frame]
    if missing:
        raise InputError(f"frame: columns {missing} missing; expected the findings of "
                         "cgvlib.check_all() or cgvlib.check(vendor)")
    return frame


def vendor_order() -> list[str]:
    """The names of the vendor files in the charts' fixed order (JANQUOR, ioSmart, Teogest,
    Leappy, GOUT, then any other vendor file)."""
    names = {v.id: v.name for v in all_vendors()}
    return [names[vid] for vid in default_vendors(with_statutory=False)]


def _ordered_names(names: Iterable[str]) -> list[str]:
    """``names`` in the fixed vendor order; names of no vendor file after, alphabetically."""
    fixed = {name: i for i, name in enumerate(vendor_order())}
    unique = list(dict.fromkeys(names))
    return sorted(unique, key=lambda n: (fixed.get(n, len(fixed)), n.casefold()))


def _vendor_names(vendors, frame: pd.DataFrame) -> list[str]:
    """Vendor names from ids, names or Vendor objects; an unknown id is an input error."""
    if isinstance(vendors, str | Vendor):
        vendors = [vendors]
    vendors = list(vendors)
    if not vendors:
        raise InputError("vendors: no vendor chosen; choose at least one (ids such as "
                         "'leappy', or names such as 'Leappy SAS')")
    known = set(frame["vendor"])
    names = []
    for v in vendors:
        if v == STATUTORY_ID:  # the law's own default terms: nothing to find, left out
            continue
        if isinstance(v, str) and v in known:
            names.append(v)
        else:
            names.append(as_vendor(v).name)
    return names


def _severities(severities) -> list[str]:
    if severities is None:
        return list(SEVERITIES)
    if isinstance(severities, str):
        severities = [severities]
    chosen = list(severities)
    if not chosen:
        raise InputError("severities: none chosen; choose at least one of "
                         + ", ".join(SEVERITIES))
    unknown = [s for s in chosen if s not in SEVERITIES]
    if unknown:
        raise InputError(f"severities: unknown {unknown}; valid: {', '.join(SEVERITIES)}")
    return chosen


def select_findings(frame: pd.DataFrame, *, vendors=None, severities=None) -> pd.DataFrame:
    """The findings of ``vendors`` (default: all) with one of ``severities`` (default: all),
    sorted by severity (breach first), then vendor in the fixed order, then the order of
    ``frame`` (the checks' own order). The index of ``frame`` is kept, so a row can be found
    again in it."""
    frame = _check_frame(frame)
    chosen = _severities(severities)
    rows = frame[frame["severity"].astype(str).isin(chosen)]
    if vendors is not None:
        rows = rows[rows["vendor"].isin(_vendor_names(vendors, frame))]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    vendor_rank = {n: i for i, n in enumerate(_ordered_names(frame["vendor"]))}
    keys = pd.DataFrame({
        "severity": rows["severity"].astype(str).map(rank),
        "vendor": rows["vendor"].map(vendor_rank),
        "position": np.arange(len(rows)),
    }, index=rows.index)
    order = keys.sort_values(["severity", "vendor", "position"], kind="stable").index
    return rows.loc[order]


# --------------------------------------------------------------------------- the table


def quote_tooltip(article, quote, lang: str = "en") -> str:
    """``art. 4: « the vendor's words »`` (plain text; empty when the finding cites nothing);
    the article's remark in brackets in ``lang`` (:func:`~cgvlib.analysis.words.article_words`)."""
    article = "" if article is None or pd.isna(article) else article_words(article).say(lang)
    quote = "" if quote is None or pd.isna(quote) else str(quote)
    if article and quote:
        return f"art. {article}: « {quote} »"
    if quote:
        return f"« {quote} »"
    return f"art. {article}" if article else ""


def _words(names: list[str], lang: str) -> str:
    """``"a, b and c"`` (``"a, b et c"``)."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + word("list_last", lang) + names[-1]


def _caption(rows: pd.DataFrame, vendors, severities: list[str], frame, lang: str) -> str:
    """What the table shows, in ``lang``."""
    which = _words([label(s, lang) for s in severities], lang)
    who = (word("every_vendor", lang) if vendors is None
           else _words(_ordered_names(_vendor_names(vendors, frame)), lang))
    if rows.empty:
        if len(severities) == len(SEVERITIES):
            return word("findings_none_all", lang, who=who)
        return word("findings_none", lang, which=which, who=who)
    colours = word("severity_colours", lang, **{s: label(s, lang) for s in SEVERITIES})
    return word("findings_shown", lang, who=who, count=len(rows), which=which, colours=colours)


def _shown_in(lang: str) -> dict[str, object]:
    """How each column's cells read in ``lang`` (HTML-escaped): severities, checks and families
    by their names, the explanations and rules said in ``lang`` (:func:`cgvlib.i18n.say`), any
    identifier left in them by its name (:func:`cgvlib.names.name_identifiers`)."""
    def said_in(value) -> str:
        return html.escape(name_identifiers(said(value, lang), lang), quote=False)

    def article(value) -> str:
        return html.escape(article_words(value).say(lang), quote=False)

    def named(value) -> str:
        return html.escape(label(value, lang), quote=False)

    return {
        "severity": named,
        "id": named,
        "family": lambda value: html.escape(family_name(value, lang), quote=False),
        "explanation": said_in,
        "rule": said_in,
        "article": article,
    }


def _severity_css(severity) -> str:
    s = str(severity)
    if s not in SEVERITY_COLOURS:
        return ""
    return (f"background-color: {SEVERITY_COLOURS[s]}; color: {SEVERITY_TEXT_COLOURS[s]}; "
            "font-weight: bold")


def findings_table(frame: pd.DataFrame, *, vendors=None, severities=None,
                   with_quotes: bool = False, lang: str = "en") -> Styler:
    """The findings of ``vendors`` with one of ``severities`` as a table for reading.

    ``styler.data`` is :func:`select_findings` (the index of ``frame`` kept, hidden on screen)
    with the columns severity, vendor, id, family, article, rule, explanation, periods (and
    ``quote`` after ``article`` when ``with_quotes``). Severity cells are coloured (breach red,
    risk orange, ambiguity yellow, note grey); every cell of a row has the finding's article
    and verbatim quote as its tooltip (``title`` attribute, HTML-escaped). The caption says
    what is shown, or that there is no finding.

    ``lang`` (``"en"`` or ``"fr"``): the language of what is shown; ``styler.data`` keeps the
    identifiers. The headers, caption, severities, checks and families are in ``lang``
    (:func:`cgvlib.names.label`), and so are the explanations and rules
    (:func:`cgvlib.i18n.say`).
    """
    check_lang(lang)
    frame = _check_frame(frame)
    chosen = _severities(severities)
    rows = select_findings(frame, vendors=vendors, severities=chosen)
    columns = list(TABLE_COLUMNS)
    if with_quotes:
        columns.insert(columns.index("article") + 1, "quote")
    data = rows[columns].copy()
    data["severity"] = data["severity"].astype(str)
    caption = _caption(rows, vendors, chosen, frame, lang)
    styler = data.style.set_caption(caption)
    table_styles = [
        {"selector": "caption", "props": "caption-side: top; text-align: left; "
                                         "font-size: 0.85em; color: #404040"},
        {"selector": "td", "props": "text-align: left; vertical-align: top; max-width: 30em"},
        {"selector": "th.col_heading", "props": "text-align: left"},
    ]
    styler = styler.format_index(
        lambda column: html.escape(word(f"column_{column}", lang), quote=False), axis=1)
    if data.empty:
        return styler.hide(axis="index").set_table_styles(table_styles)
    tips = pd.DataFrame(
        [[html.escape(quote_tooltip(a, q, lang))] * len(columns)
         for a, q in zip(rows["article"], rows["quote"], strict=True)],
        index=data.index, columns=data.columns, dtype=object)
    return (
        styler
        .format(escape="html")
        .format(_shown_in(lang))
        .map(_severity_css, subset=["severity"])
        .set_tooltips(tips, as_title_attribute=True)
        .hide(axis="index")
        .set_table_styles(table_styles)
    )


# --------------------------------------------------------------------------- one finding


def finding_label(row, duplicate: bool = False, lang: str | None = None) -> str:
    """``"Leappy SAS · late_rate_below_floor"``; with the field path when ``duplicate`` (the
    same check reports several findings on that vendor). With ``lang``, for a reader: the
    check by its name in that language (``"Leappy SAS · taux de pénalité sous le
    plancher"``), the field path's words without underscores."""
    check = row["id"] if lang is None else label(row["id"], lang)
    text = f"{row['vendor']}{SEPARATOR}{check}"
    if duplicate and row.get("path"):
        path = row["path"] if lang is None else str(row["path"]).replace("_", " ")
        text += f"{SEPARATOR}{path}"
    return text


def finding_labels(rows: pd.DataFrame, lang: str | None = None) -> list[tuple[str, object]]:
    """``(label, index)`` of every row, the field path added where a vendor has several
    findings of one check (:func:`finding_label`, for a reader of ``lang`` when given)."""
    counts = rows.groupby(["vendor", "id"]).size() if not rows.empty else pd.Series(dtype=int)
    return [(finding_label(row, counts.get((row["vendor"], row["id"]), 0) > 1, lang), index)
            for index, row in rows.iterrows()]


def pick_finding(frame: pd.DataFrame, vendor, check: str, *, path: str | None = None
                 ) -> pd.Series:
    """The one finding of ``check`` (its id, e.g. ``"late_rate_below_floor"``) on ``vendor``
    (id, name or Vendor); ``path`` tells several findings of one check apart."""
    frame = _check_frame(frame)
    name = _vendor_names([vendor], frame)[0]
    rows = frame[(frame["vendor"] == name) & (frame["id"] == check)]
    if path is not None:
        rows = rows[rows["path"] == path]
    if rows.empty:
        found = ", ".join(dict.fromkeys(frame.loc[frame["vendor"] == name, "id"])) or "none"
        raise InputError(f"no finding {check!r}{f' at {path!r}' if path else ''} on {name}; "
                         f"its findings: {found}")
    if len(rows) > 1:
        raise InputError(f"{len(rows)} findings {check!r} on {name}; choose one with path= "
                         "(" + ", ".join(repr(p) for p in rows["path"]) + ")")
    return rows.iloc[0]


def finding_frame(finding: pd.Series, lang: str | None = None) -> pd.DataFrame:
    """One finding as a two-column table (``field``, ``value``): vendor, check, severity,
    family, explanation, article, the verbatim quote, the rule, the periods and the field path
    in the vendor file; empty fields left out. With ``lang``, for a reader: the fields, the
    check and the severity named in that language, the explanation said in it
    (:func:`cgvlib.i18n.say`) with its identifiers named."""
    rows = []
    for name in DETAIL_FIELDS:
        value = finding.get(name)
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            continue
        value = str(value) if lang is None else _detail_value(name, value, lang)
        if not value:
            continue
        if name == "quote":
            value = f"« {value} »"
        field = "check" if name == "id" else name
        rows.append({"field": field if lang is None else translate(field, lang),
                     "value": value})
    return pd.DataFrame(rows, columns=["field", "value"])


def _detail_value(name: str, value, lang: str) -> str:
    """One field of a finding in ``lang``: a check or severity by its name, a sentence of
    the library with its identifiers named."""
    if name in ("id", "severity"):
        return label(str(value), lang)
    if name == "family":
        return family_name(str(value), lang)
    return name_identifiers(say(value, lang), lang)


def finding_detail(frame: pd.DataFrame, vendor, check: str, *, path: str | None = None,
                   lang: str | None = None) -> Styler:
    """One finding in full (:func:`finding_frame` of :func:`pick_finding`, in ``lang`` when
    given: then without the field path, whose names are the vendor file's English), every
    field untruncated, the severity coloured."""
    table = finding_frame(pick_finding(frame, vendor, check, path=path), lang)
    severity_field = "severity" if lang is None else translate("severity", lang)
    if lang not in (None, "en"):  # the field path: the vendor file's English field names
        table = table[table["field"] != translate("path", lang)]
    severity = table.loc[table["field"] == severity_field, "value"]
    field_name = "field" if lang is None else translate("field", lang)
    table = table.set_index("field").rename_axis(field_name)
    styler = full_text(table).hide(axis="columns")
    if not severity.empty:
        styler = styler.map(_severity_css, subset=pd.IndexSlice[[severity_field], :])
    return styler


# --------------------------------------------------------------------------- the chart


def summary_chart(frame: pd.DataFrame, *, vendors=None, lang: str = "en") -> Figure:
    """Stacked horizontal bars of the findings per vendor, one segment per severity (breach
    first from the left, red; then risk orange, ambiguity yellow, note grey), each segment's
    count written in it and the total at the end of the bar. Vendors from top to bottom in the
    fixed order (JANQUOR, ioSmart, Teogest, Leappy, GOUT, then others); ``vendors`` restricts
    them (and shows a vendor with no finding as an empty bar). Each severity's bars are one
    container labelled with the severity; each bar has the gid ``<severity>:<vendor name>``.
    ``lang`` (``"en"`` or ``"fr"``): the language of the words (:mod:`cgvlib.views.words`; in
    French a severity is named with its id beside it: "manquement (breach)")."""
    check_lang(lang)
    frame = _check_frame(frame)
    if vendors is None:
        names = _ordered_names(frame["vendor"])
    else:
        names = _ordered_names(_vendor_names(vendors, frame))
    rows = frame[frame["vendor"].isin(names)]
    counts = (findings_summary(rows) if not rows.empty
              else pd.DataFrame(columns=[*SEVERITIES, "total"], dtype="int64"))
    if not names:
        raise InputError("vendors: no vendor to chart; give the findings of "
                         "cgvlib.check_all() and vendor ids such as 'leappy'")
    counts = counts.reindex(index=names, fill_value=0)

    fig, ax = new_figure(
        word("findings_title", lang, count=int(counts["total"].sum())),
        xlabel=word("findings_axis", lang), ylabel="",
        figsize=(9.0, 1.6 + 0.55 * len(names)))
    y = np.arange(len(names))
    left = np.zeros(len(names))
    for severity in SEVERITIES:
        widths = counts[severity].to_numpy(dtype=float)
        bars = ax.barh(y, widths, left=left, height=0.62, color=SEVERITY_COLOURS[severity],
                       edgecolor="white", linewidth=0.8, label=word(f"severity_{severity}", lang),
                       gid=severity)
        for patch, name in zip(bars.patches, names, strict=True):
            patch.set_gid(f"{severity}:{name}")
        ax.bar_label(bars, labels=[str(int(w)) if w else "" for w in widths],
                     label_type="center", fontsize=8, color=SEVERITY_TEXT_COLOURS[severity])
        left += widths
    for yi, total in zip(y, left, strict=True):
        ax.annotate(f"{int(total)}", (total, yi), xytext=(4, 0), textcoords="offset points",
                    ha="left", va="center", fontsize=9, fontweight="bold", gid="total")
    ax.set_yticks(y, names)
    by_name = {v.name: v.id for v in all_vendors()}
    for tick, name in zip(ax.get_yticklabels(), names, strict=True):
        tick.set_color(vendor_colour(by_name.get(name, name)))
        tick.set_fontweight("bold")
    ax.set_ylim(len(names) - 0.4, -0.6)  # the first vendor at the top
    ax.set_xlim(0, max(float(left.max()), 1.0) * 1.1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(False, axis="y")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False,
              title=word("severity", lang), title_fontsize=8)
    meanings = word("list_separator", lang).join(
        word("severity_meaning", lang, severity=word(f"severity_{s}", lang),
             meaning=word(f"meaning_{s}", lang))
        for s in SEVERITIES)
    fig.supxlabel(textwrap.fill(word("findings_note", lang, meanings=meanings), 130),
                  fontsize=7.5, x=0.01, ha="left", color="#404040")
    return fig


__all__ = [
    "DEFAULT_SEVERITIES",
    "SEVERITY_COLOURS",
    "SEVERITY_MEANINGS",
    "finding_detail",
    "finding_frame",
    "finding_label",
    "finding_labels",
    "findings_table",
    "pick_finding",
    "quote_tooltip",
    "select_findings",
    "summary_chart",
    "vendor_order",
]
