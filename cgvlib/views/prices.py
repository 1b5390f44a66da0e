"""Price revision charts (révision des prix): the Syntec index with its August 2022 switch, and
the price of a service over time under each vendor's revision clause.

- :func:`syntec_chart`: the monthly Syntec index as the data holds it, the old index (to
  2022-07) and the revised index (from 2022-08) in two styles, gaps left as gaps (never
  interpolated), the switch marked with its « coefficient de raccord » (revised = old x k,
  k read from ``data/rates/syntec_revision_2022.yaml``), and optionally the revised series
  divided by k, dashed: the old index continued, which is what chaining a price across 2022
  amounts to.
- :func:`vendor_price_path`: for one vendor, the monthly path of
  :func:`~cgvlib.arithmetic.price.price_path` (``clip=True``) and the
  :func:`~cgvlib.arithmetic.price.revise_price` result at ``until``, or at the last computable
  day when the Syntec data lacks a value a revision needs (with the reason, naming the month).
  Both with ``index_missing="refuse"``: the chart draws index-based prices, so it stops where
  the index-based price is unknown even when the arithmetic could give the worst case alone.
- :func:`price_paths_chart` (:func:`plot_price_paths` from computed paths): one line per vendor
  in its colour, stepping on each revision's effective date (Leappy each January and July,
  Teogest each 1 January, JANQUOR each 10 January); the worst case (Teogest's margin up to
  9 % a year, JANQUOR's unknown volume taken upwards) dashed over a shaded band; revision
  dates marked; each line stopped where the index data stops, with a note naming the
  missing month.
- :func:`price_table` (:func:`price_revision_table` from vendors): per vendor the revised
  price, the worst case, the revisions applied, the index values used, and where the path
  stopped and why.

Every figure comes from the arithmetic; this module only arranges and draws it (floats only
for plotting). A volume deviation given as one number for a range with several JANQUOR
revisions is taken as the same deviation for every year evaluated, and the chart says so.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from cgvlib.arithmetic.common import as_vendor
from cgvlib.arithmetic.price import (
    SERIES_WORDS,
    VOLUME_FACT,
    PriceRevisionResult,
    price_path,
    revise_price,
    scheduled_dates,
    select_clause,
)
from cgvlib.arithmetic.working_words import article_words
from cgvlib.dates import as_date, as_month, format_date
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.i18n import say, translate
from cgvlib.lang import check_lang
from cgvlib.model.vendor import Vendor
from cgvlib.money import format_eur
from cgvlib.reference.series import month_str, next_month
from cgvlib.reference.status import data_version
from cgvlib.reference.syntec import load_syntec, syntec_revision, syntec_table
from cgvlib.views.style import (
    DEFAULT_COLOUR,
    as_datetime,
    date_axis,
    new_figure,
    vendor_colour,
    vendor_label,
)
from cgvlib.views.words import chart_day, decimal_text, euro_axis, word

OLD_STYLE = {"color": "#7F7F7F", "marker": "o", "markersize": 2.5, "linestyle": "-",
             "linewidth": 1.4}
REVISED_STYLE = {"color": "#0072B2", "marker": "s", "markersize": 3.0, "linestyle": "-",
                 "linewidth": 1.8}
EQUIVALENT_STYLE = {"color": "#7F7F7F", "linestyle": "--", "linewidth": 1.2, "marker": "o",
                    "markersize": 2.5, "markerfacecolor": "white"}
GAP_SHADE = "#E6E6E6"
WIDE = (11.0, 5.8)
CHART_ONLY_SIZE = (8.0, 4.4)  # inches: the price chart without its legend (an app's figure)


# --------------------------------------------------------------------------------------------
# The Syntec index
# --------------------------------------------------------------------------------------------


def _month_ranges(months: list[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Consecutive months grouped into (first, last) runs."""
    runs: list[tuple[dt.date, dt.date]] = []
    for m in months:
        if runs and next_month(runs[-1][1]) == m:
            runs[-1] = (runs[-1][0], m)
        else:
            runs.append((m, m))
    return runs


def _run_text(first: dt.date, last: dt.date, lang: str = "en") -> str:
    if first == last:
        return month_str(first)
    return word("month_run", lang, first=month_str(first), last=month_str(last))


def syntec_chart(start="2015-01", end=None, *, old_equivalent: bool = True,
                 lang: str = "en") -> Figure:
    """The Syntec index by month from ``start`` to ``end`` (months 'YYYY-MM'; ``end`` defaults
    to the data's last month), as the data holds it.

    Artists, for tests and readers: the lines labelled ``"old index (to 2022-07)"`` and
    ``"revised index (from 2022-08)"`` (one point per month present in the data, NaN in the
    gaps so the line breaks: nothing interpolated), the dashed ``"revised / k (old-index
    equivalent)"`` when ``old_equivalent``, the switch line (gid ``"syntec-switch"``) and its
    annotation ``"revised = old x 0.97975"`` (gid ``"syntec-coefficient"``), and one grey
    band per gap (gid ``"syntec-gap"``). ``lang`` (``"en"`` or ``"fr"``): the language of the
    words and numbers (:mod:`cgvlib.views.words`; months stay ``YYYY-MM``).
    """
    check_lang(lang)
    data = load_syntec()
    first = max(as_month(start, "start"), data.first)
    last = as_month(end, "end") if end is not None else data.complete_until
    last = min(last, data.complete_until)
    if last < first:
        raise InputError(f"end: {month_str(last)} is before start {month_str(first)} (the data "
                         f"covers {month_str(data.first)} to {month_str(data.complete_until)}); "
                         "give a later end month")
    revision = syntec_revision()
    k = revision.coefficient
    table = syntec_table()
    months = pd.period_range(month_str(first), month_str(last), freq="M")
    table = table.reindex(months)
    x = [as_datetime(p.start_time.date()) for p in months]

    old_to, revised_from = (month_str(revision.last_old_month),
                            month_str(revision.first_revised_month))
    fig, ax = new_figure(
        word("syntec_title", lang, first=month_str(first), last=month_str(last), old=old_to,
             revised=revised_from),
        xlabel=word("syntec_x_axis", lang), ylabel=word("syntec_y_axis", lang))
    for series, style, label in (
        ("old", OLD_STYLE, word("syntec_old", lang, month=old_to)),
        ("revised", REVISED_STYLE, word("syntec_revised", lang, month=revised_from)),
    ):
        values = table["value"].where(table["series"] == series)
        if values.notna().any():
            ax.plot(x, values.to_numpy(dtype=float), label=label, gid=f"syntec-{series}",
                    zorder=3, **style)
    revised = table["value"].where(table["series"] == "revised")
    if old_equivalent and revised.notna().any():
        ax.plot(x, (revised / float(k)).to_numpy(dtype=float),
                label=word("syntec_equivalent", lang, k=decimal_text(k, lang)),
                gid="syntec-old-equivalent", zorder=2, **EQUIVALENT_STYLE)

    gap_runs = _month_ranges([m for m in data.gaps() if first <= m <= last])
    for i, (g0, g1) in enumerate(gap_runs):
        ax.axvspan(as_datetime(g0), as_datetime(next_month(g1)), color=GAP_SHADE, zorder=0,
                   label=word("syntec_gap", lang) if i == 0 else None,
                   gid="syntec-gap")

    switch = revision.first_revised_month
    if first <= switch <= last:
        ax.axvline(as_datetime(switch), color=DEFAULT_COLOUR, linestyle=":", linewidth=1.2,
                   label=word("syntec_switch", lang, month=month_str(switch)),
                   gid="syntec-switch")
        y = float(revision.first_revised_value)
        ax.annotate(
            word("syntec_coefficient", lang, k=decimal_text(k, lang),
                 numerator=decimal_text(revision.coefficient_numerator, lang),
                 denominator=decimal_text(revision.coefficient_denominator, lang)),
            xy=(as_datetime(switch), y), xytext=(16, 0), textcoords="offset points",
            fontsize=8.5, ha="left", va="center", gid="syntec-coefficient",
            arrowprops={"arrowstyle": "->", "color": DEFAULT_COLOUR, "linewidth": 0.8},
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "#BBBBBB"})

    gaps = "; ".join(_run_text(*run, lang) for run in gap_runs) or word("none", lang)
    ax.text(0.0, -0.14, word("syntec_note", lang, gaps=gaps,
                             end=month_str(data.complete_until)),
            transform=ax.transAxes, ha="left", va="top", fontsize=8, color="#444444",
            gid="syntec-gaps-note")
    ax.margins(y=0.12)
    date_axis(ax, yearly=(last.year - first.year) >= 4, lang=lang)
    ax.legend(loc="upper left", fontsize=8.5, framealpha=0.95)
    return fig


# --------------------------------------------------------------------------------------------
# Price paths: computing
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VendorPricePath:
    """One vendor's price over time, from the arithmetic.

    ``path``: :func:`~cgvlib.arithmetic.price.price_path` with ``clip=True``, computed when
    first read (one revision per month: the chart reads it only for a clause revised at each
    change of the index, ``index_since``; the others step on ``result``'s revisions); ``result``:
    :func:`~cgvlib.arithmetic.price.revise_price` at ``at``, which is ``until`` or, when the
    index data stops first, the last computable day; ``stopped`` the short reason (None when
    the path reaches ``until``), ``stop_error`` the full message; ``facts`` what was passed to
    the arithmetic; ``notes`` what the chart should say about this vendor.
    """

    vendor: Vendor
    kind: str
    price: Decimal
    start: dt.date
    until: dt.date
    at: dt.date
    result: PriceRevisionResult = field(repr=False)
    facts: Mapping = field(default_factory=dict)
    stopped: str | None = None
    stop_error: str | None = field(default=None, repr=False)
    notes: tuple[str, ...] = ()
    reading: str | None = None

    @functools.cached_property
    def path(self) -> pd.DataFrame:
        """The clipped monthly path from ``start`` to ``until``."""
        return price_path(self.vendor, self.price, self.start, self.until, reading=self.reading,
                          clip=True, index_missing="refuse", **self.facts)

    @property
    def id(self) -> str:
        return self.vendor.id

    @property
    def name(self) -> str:
        return vendor_label(self.vendor)


def _day(day: dt.date, lang: str) -> str:
    """A date of the price chart's words: ISO (``2023-12-31``) in English, as the library
    writes its working; ``31 déc. 2023`` in French."""
    return str(day) if lang == "en" else chart_day(day, lang)


def _number(value, lang: str) -> str:
    return decimal_text(value, lang)


def clause_summary(vendor, lang: str = "en") -> str:
    """A few words on the vendor's main revision clause, for legends and tables, in ``lang``."""
    v = as_vendor(vendor)
    _, clause = select_clause(v, None)
    match clause.kind:
        case "index_ratio":
            names = [format_date(dt.date(2000, m, 1), lang, length="MMMM") for m in clause.months]
            months = (names[0] if len(names) == 1
                      else ", ".join(names[:-1]) + word("list_last", lang) + names[-1])
            return word("price_summary_ratio", lang, months=months)
        case "index_with_margin":
            key = "price_summary_margin" if clause.above_index_allowed else "price_summary_capped"
            return word(key, lang, cap=_number(clause.cap_percent, lang))
        case "index_since":
            return word("price_summary_since", lang, day=_day(clause.as_of, lang))
        case "volume_step":
            return word("price_summary_volume", lang, step=_number(clause.step_percent, lang),
                        day=f"{clause.day or 1}/{clause.months[0]:02d}",
                        threshold=_number(clause.threshold_percent, lang))
        case _:
            return word("price_summary_none", lang)


def uses_volume_fact(vendor) -> bool:
    """Whether the vendor's main revision clause depends on ``volume_deviation_percent``."""
    return select_clause(as_vendor(vendor), None)[1].kind == "volume_step"


def _facts_for(v: Vendor, clause, start: dt.date, until: dt.date, facts: Mapping,
               lang: str = "en"):
    """The facts the vendor's clause takes, and a note when a single volume deviation is
    spread over several JANQUOR revisions (the same deviation every year evaluated)."""
    out = {k: value for k, value in facts.items() if k != VOLUME_FACT}
    value = facts.get(VOLUME_FACT)
    if value is None or clause.kind != "volume_step":
        return out, None
    if isinstance(value, Mapping):
        out[VOLUME_FACT] = dict(value)
        return out, None
    dates = [d for d in scheduled_dates(clause, start.year, until.year) if start < d <= until]
    if len(dates) <= 1:
        out[VOLUME_FACT] = value
        return out, None
    years = [d.year - 1 for d in dates]
    out[VOLUME_FACT] = dict.fromkeys(years, value)
    note = word("note_spread", lang, name=v.name, value=_number(value, lang),
                years=", ".join(map(str, years)))
    return out, note


def _article(article: str, lang: str = "en") -> str:
    """``art. 4`` or ``article Prix (unnumbered)``, the file's remarks in ``lang``
    (``article Prix (non numéroté)``)."""
    words = article_words(article).say(lang)
    return f"art. {words}" if article[:1].isdigit() else f"article {words}"


_GAP = re.compile(r"(\d{4}-\d{2}) is a gap in the data")
_WHICH = re.compile(r"^(S1|S2) of the revision (?:of|at the service date) (\d{4}-\d{2}-\d{2})")


def stop_reason(message: str, lang: str = "en") -> str:
    """A short reason from the reference layer's error, in ``lang``: which index value of which
    revision is missing, and whether it is a gap in the data or beyond its end (another error
    keeps its own first sentence)."""
    data = load_syntec()
    which = _WHICH.search(message)
    head = (word("stop_which", lang, which=which.group(1),
                 day=_day(dt.date.fromisoformat(which.group(2)), lang))
            if which else word("stop_needs", lang))
    gap = _GAP.search(message)
    if gap:
        return head + word("stop_gap", lang, month=gap.group(1))
    if "after the last covered date" in message:
        return head + word("stop_after", lang, end=month_str(data.complete_until))
    if "before the first covered date" in message:
        return head + word("stop_before", lang, first=month_str(data.first))
    return message.split(". ")[0]


_LAST_PRICED: dict[tuple, tuple[dt.date, OutOfCoverageError | None]] = {}


def last_priced_day(v: Vendor, first: dt.date, last: dt.date, reading: str | None,
                    facts: tuple) -> tuple[dt.date, OutOfCoverageError | None]:
    """The last day up to ``last`` a price set on ``first`` can be revised to, and the refusal
    that stops it there (None when the path reaches ``last``): found by bisection between the
    last computable month and the next. It does not depend on the price (the index values
    alone decide), so it is computed once per vendor file, dates, reading and facts, and
    reference data (a value added, an ``assume_last`` block: :func:`data_version`)."""
    key = (v.id, v.origin, first, last, reading, repr(facts),  # facts may hold a mapping
           data_version())
    if key not in _LAST_PRICED:
        _LAST_PRICED[key] = _bisect_last_priced_day(v, first, last, reading, dict(facts))
    return _LAST_PRICED[key]


def _bisect_last_priced_day(v: Vendor, first: dt.date, last: dt.date, reading: str | None,
                            own: dict) -> tuple[dt.date, OutOfCoverageError | None]:

    def at(day):
        return revise_price(v, 1, first, day, reading=reading, index_missing="refuse", **own)

    try:
        at(last)
        return last, None
    except OutOfCoverageError as exc:
        error = exc
    good, bad = first, last
    while (bad - good).days > 1:
        mid = good + dt.timedelta(days=(bad - good).days // 2)
        try:
            at(mid)
            good = mid
        except OutOfCoverageError as exc:
            bad, error = mid, exc
    return good, error


def vendor_price_path(vendor, price, start, until, *, reading: str | None = None,
                      lang: str = "en", **facts) -> VendorPricePath:
    """One vendor's clipped monthly path and its price at ``until`` (or at the last computable
    day, found day by day between the last computable month and the first that is not); its
    ``stopped`` reason and ``notes`` in ``lang``."""
    check_lang(lang)
    v = as_vendor(vendor)
    _, clause = select_clause(v, None)
    first, last = as_date(start, "start"), as_date(until, "until")
    if last < first:
        raise InputError(f"until: {last} is before start {first}; give a later date")
    own, spread = _facts_for(v, clause, first, last, facts, lang)
    good, error = last_priced_day(v, first, last, reading, tuple(sorted(own.items())))
    result = revise_price(v, price, first, good, reading=reading, index_missing="refuse", **own)
    notes = []
    stopped = stop_reason(str(error), lang) if error is not None else None
    if stopped:
        notes.append(word("note_stops", lang, name=v.name, day=_day(good, lang), why=stopped))
    if clause.kind == "new_orders_only":
        notes.append(word("note_new_orders", lang, name=v.name,
                          article=_article(clause.source.article, lang)))
    if clause.kind == "volume_step" and result.depends_on:
        notes.append(word("note_volume", lang, name=v.name,
                          article=_article(clause.source.article, lang),
                          threshold=_number(clause.threshold_percent, lang),
                          step=_number(clause.step_percent, lang)))
    if spread:
        notes.append(spread)
    if clause.kind == "index_with_margin" and "unstated" in (clause.new_index, clause.base_index):
        notes.append(word("note_unstated_index", lang, name=v.name))
    return VendorPricePath(
        vendor=v, kind=clause.kind, price=result.base_price, start=first, until=last, at=good,
        result=result, facts=own, stopped=stopped,
        stop_error=str(error) if error is not None else None, notes=tuple(notes),
        reading=reading)


def vendor_price_paths(vendors, price, start, until, *, reading: str | None = None,
                       lang: str = "en", **facts) -> list[VendorPricePath]:
    """:func:`vendor_price_path` for each vendor (ids or Vendors), in the order given."""
    if isinstance(vendors, str | Vendor):
        vendors = [vendors]
    vendors = list(vendors)
    if not vendors:
        raise InputError("vendors: choose at least one vendor, e.g. ['leappy', 'teogest']")
    return [vendor_price_path(v, price, start, until, reading=reading, lang=lang, **facts)
            for v in vendors]


# --------------------------------------------------------------------------------------------
# Price paths: drawing
# --------------------------------------------------------------------------------------------


def _steps(vp: VendorPricePath) -> tuple[list[dt.datetime], list[float], list[float]]:
    """The points of a step line (drawn ``steps-post``): the start, each revision's effective
    day, and the last day; prices and worst cases as floats for plotting."""
    r = vp.result
    if vp.kind == "index_since":  # revised whenever the index in force changes: the monthly path
        days = [d.date() for d in vp.path["date"]]
        prices, worst = list(vp.path["price"]), list(vp.path["worst_case"])
    else:
        days = [vp.start] + [s.effective for s in r.revisions]
        prices = [r.base_price] + [s.price for s in r.revisions]
        worst = [r.base_price] + [s.worst_case_price for s in r.revisions]
    if days[-1] != vp.at:
        days, prices, worst = [*days, vp.at], [*prices, r.price], [*worst, r.worst_case_price]
    return ([as_datetime(d) for d in days], [float(p) for p in prices],
            [float(w) for w in worst])


def _segments(x, y) -> list[tuple]:
    return [(x[i], x[i + 1], y[i]) for i in range(len(x) - 1)]


def _overlap(a, b) -> bool:
    """Whether two step lines run on the same values for at least a quarter of the shorter
    one's span (a shared first month does not count)."""
    shared = sum((min(a1, b1) - max(a0, b0) for a0, a1, ya in a for b0, b1, yb in b
                  if ya == yb and max(a0, b0) < min(a1, b1)), dt.timedelta())
    spans = [line[-1][1] - line[0][0] for line in (a, b) if line]
    return bool(spans) and shared >= min(spans) / 4


def _stripes(lines: Mapping[str, tuple]) -> tuple[dict[str, float], dict[str, int]]:
    """Line widths and z-orders so that lines running on the same values (the flat ones)
    show as nested stripes instead of hiding each other: the lines that move most are drawn on
    top, thin; a line under others it overlaps is wider than the widest of them."""
    segments = {vid: _segments(x, y) for vid, (x, y, _w) in lines.items()}
    top_first = sorted(lines, key=lambda vid: (-len(set(lines[vid][1])), lines[vid][0][-1]))
    width: dict[str, float] = {}
    order: dict[str, int] = {}
    for rank, vid in enumerate(top_first):
        above = [width[o] for o in top_first[:rank] if _overlap(segments[vid], segments[o])]
        width[vid] = max(above) + 1.6 if above else 2.0
        order[vid] = 3 + len(top_first) - rank
    return width, order


def plot_price_paths(paths: Iterable[VendorPricePath], *, title: str | None = None,
                     notes_in_figure: bool = True, legend_in_figure: bool = True,
                     lang: str = "en") -> Figure:
    """Draw computed :class:`VendorPricePath` (see :func:`price_paths_chart`), the words in
    ``lang`` (the paths' notes are in the language they were computed in).
    ``notes_in_figure=False`` leaves the notes out of the figure (kept in
    ``fig.cgvlib_notes``), ``legend_in_figure=False`` the legend (kept in
    ``fig.cgvlib_legend`` as ``(handles, labels)``, drawn in a smaller figure,
    :data:`CHART_ONLY_SIZE`): an app shows them as HTML beside the image."""
    check_lang(lang)
    paths = list(paths)
    if not paths:
        raise InputError("vendors: choose at least one vendor, e.g. ['leappy', 'teogest']")
    p0 = paths[0]
    fig, ax = new_figure(
        title or _paths_title(p0, lang, wrap=not legend_in_figure),
        xlabel=word("price_x_axis", lang), ylabel=word("price_y_axis", lang),
        figsize=WIDE if legend_in_figure else CHART_ONLY_SIZE)
    lines = {vp.id: _steps(vp) for vp in paths}
    width, order = _stripes(lines)
    last_day = max(vp.until for vp in paths)
    marker_proxy = False
    for vp in paths:
        x, y, w = lines[vp.id]
        colour = vendor_colour(vp.vendor)
        ax.plot(x, y, drawstyle="steps-post", color=colour, linewidth=width[vp.id],
                solid_capstyle="butt", zorder=order[vp.id], gid=f"price:{vp.id}",
                label=word("price_line", lang, name=vp.name,
                           summary=clause_summary(vp.vendor, lang)))
        if w != y:
            ax.fill_between(x, y, w, step="post", color=colour, alpha=0.12, linewidth=0,
                            gid=f"worst-band:{vp.id}")
            why = word("worst_margin" if vp.kind == "index_with_margin" else "worst_volume",
                       lang)
            ax.plot(x, w, drawstyle="steps-post", color=colour, linestyle="--", linewidth=1.6,
                    zorder=order[vp.id], gid=f"worst:{vp.id}",
                    label=word("worst_line", lang, name=vp.name, why=why))
        revisions = [(as_datetime(s.effective), float(s.price)) for s in vp.result.revisions]
        if revisions and vp.kind != "index_since":
            ax.plot(*zip(*revisions, strict=True), linestyle="none", marker="o", markersize=5,
                    markerfacecolor="white", markeredgecolor=colour, markeredgewidth=1.5,
                    zorder=10, gid=f"revisions:{vp.id}", label=f"_revisions {vp.name}")
            marker_proxy = True
        if vp.stopped:
            ax.plot([x[-1]], [y[-1]], linestyle="none", marker="X", markersize=9, color=colour,
                    markeredgecolor="white", zorder=11, gid=f"stop:{vp.id}",
                    label=f"_stop {vp.name}")
            ax.annotate(word("stops_at", lang, name=vp.name, day=_day(vp.at, lang)),
                        xy=(x[-1], y[-1]), xytext=(6, -12),
                        textcoords="offset points", fontsize=8, color=colour,
                        gid=f"stop-note:{vp.id}")
    ax.set_xlim(as_datetime(min(vp.start for vp in paths)) - dt.timedelta(days=10),
                as_datetime(last_day) + dt.timedelta(days=10))
    ax.yaxis.set_major_formatter(euro_axis(lang))
    ax.yaxis.set_major_locator(MaxNLocator(6))  # a few round amounts, legible in print
    first_day = min(vp.start for vp in paths)
    # years on paths over 18 months
    date_axis(ax, yearly=(last_day - first_day).days > 548, lang=lang)
    handles, labels = ax.get_legend_handles_labels()
    if marker_proxy:
        handles.append(Line2D([], [], linestyle="none", marker="o", markerfacecolor="white",
                              markeredgecolor="#444444"))
        labels.append(word("revision_legend", lang))
    if any(vp.stopped for vp in paths):
        handles.append(Line2D([], [], linestyle="none", marker="X", color="#444444"))
        labels.append(word("stop_legend", lang))
    if any(vp.result.worst_case_price != vp.result.price for vp in paths):
        handles.append(Patch(color="#444444", alpha=0.12))
        labels.append(word("band_legend", lang))
    if legend_in_figure:
        ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
                  frameon=False)
    else:  # an app shows it as HTML beside the image
        fig.cgvlib_legend = (handles, labels)  # type: ignore[attr-defined]
    notes = [n for vp in paths for n in vp.notes]
    fig.cgvlib_notes = " ".join(f"• {n}" for n in notes)  # type: ignore[attr-defined]
    if notes and notes_in_figure:  # an app shows them beside the chart (cheaper redraws)
        # wrapped here (not wrap=True, which measures the text word by word at each render)
        text = "\n".join(textwrap.fill(f"• {n}", NOTE_WIDTH, subsequent_indent="  ")
                         for n in notes)
        ax.text(0.0, -0.13, text, transform=ax.transAxes, ha="left", va="top", fontsize=7.8,
                color="#333333", gid="price-notes")
    fig._cgv_paths = _structure(paths, title)  # type: ignore[attr-defined]
    fig._cgv_lang = lang  # type: ignore[attr-defined]
    fig._cgv_wrap = not legend_in_figure  # type: ignore[attr-defined]
    return fig


NOTE_WIDTH = 150  # characters a line of the notes under the price chart
TITLE_WIDTH = 80  # characters a line of the title of the smaller chart


def _paths_title(p0: VendorPricePath, lang: str = "en", *, wrap: bool = False) -> str:
    """The chart's title; ``wrap``: on lines of :data:`TITLE_WIDTH` characters at most (the
    smaller figure of an app)."""
    title = word("price_title", lang, price=format_eur(p0.result.base_price_cents, lang),
                 start=_day(p0.start, lang), until=_day(p0.until, lang))
    return textwrap.fill(title, TITLE_WIDTH) if wrap else title


def _structure(paths: list[VendorPricePath], title: str | None) -> tuple:
    """What the chart's artists depend on besides the price (update_price_chart checks it)."""
    return (title, tuple((vp.id, vp.kind, vp.start, vp.until, vp.at, vp.stopped, vp.notes,
                          len(vp.result.revisions),
                          vp.result.worst_case_price != vp.result.price) for vp in paths))


def update_price_chart(fig: Figure, paths: Iterable[VendorPricePath]) -> bool:
    """Redraw a :func:`plot_price_paths` figure in place for the same vendors and dates at
    another price: the lines, worst cases and their bands, revision and stop markers, the
    title and the y range. Returns False (the figure untouched) when anything else changed
    (vendors, dates, where a path stops, the notes): draw a new figure then."""
    paths = list(paths)
    made = getattr(fig, "_cgv_paths", None)
    if made is None or not paths or made[1] != _structure(paths, made[0])[1]:
        return False
    ax = fig.axes[0]
    artists = {a.get_gid(): a for a in ax.get_children() if a.get_gid()}
    for vp in paths:
        x, y, w = _steps(vp)
        artists[f"price:{vp.id}"].set_data(x, y)
        if f"worst:{vp.id}" in artists:
            artists[f"worst:{vp.id}"].set_data(x, w)
            band = artists[f"worst-band:{vp.id}"]
            new = ax.fill_between(x, y, w, step="post", color=band.get_facecolor()[0],
                                  linewidth=0, gid=f"worst-band:{vp.id}")
            new.set_zorder(band.get_zorder())
            band.remove()
        if f"revisions:{vp.id}" in artists:
            artists[f"revisions:{vp.id}"].set_data(
                [as_datetime(s.effective) for s in vp.result.revisions],
                [float(s.price) for s in vp.result.revisions])
        if f"stop:{vp.id}" in artists:
            artists[f"stop:{vp.id}"].set_data([x[-1]], [y[-1]])
            artists[f"stop-note:{vp.id}"].xy = (x[-1], y[-1])
    if made[0] is None:
        ax.set_title(_paths_title(paths[0], getattr(fig, "_cgv_lang", "en"),
                                  wrap=getattr(fig, "_cgv_wrap", False)), loc="left",
                     fontsize=11, fontweight="bold")
    ax.relim()
    ax.autoscale_view(scalex=False)
    return True


def price_paths_chart(vendors, price, start, until, *, reading: str | None = None,
                      lang: str = "en", **facts) -> Figure:
    """The price of a service set at ``price`` euros (excl. VAT) on ``start`` (the signature),
    month by month to ``until``, under each vendor's main revision clause.

    One line per vendor in its colour (gid ``"price:<id>"``), stepping when a revision takes
    effect (white-filled markers, gid ``"revisions:<id>"``); where the clause lets the price go
    higher than the index-based figure (Teogest's margin up to 9 % a year; JANQUOR without
    ``volume_deviation_percent``) a dashed worst-case line (gid ``"worst:<id>"``) over a
    shaded band; vendors without revision of running orders (ioSmart, GOUT) flat, with a note.
    A line stops on the last day the Syntec data allows (an X, gid ``"stop:<id>"``) and the
    note under the chart names the missing month. Facts: ``volume_deviation_percent`` for
    JANQUOR (one percentage, the same for each year evaluated, or ``{year N-1: percent}``).
    ``lang`` (``"en"`` or ``"fr"``): the language of the words, amounts and dates.
    """
    return plot_price_paths(vendor_price_paths(vendors, price, start, until, reading=reading,
                                               lang=lang, **facts), lang=lang)


# --------------------------------------------------------------------------------------------
# Table
# --------------------------------------------------------------------------------------------


def _revision_text(step, lang: str = "en") -> str:
    """One revision applied, in ``lang``: its day, the index ratio or the factor, the price
    (``2023-07-01 (S2/S1 302.7/293.9: 1029.94 EUR)``, ``1er juil. 2023 (S2/S1 302,7/293,9 :
    1 029,94 €)``)."""
    day = step.date if lang == "en" else _day(step.date, lang)
    price = f"{step.price} EUR" if lang == "en" else format_eur(int(step.price * 100), lang)
    if step.ratio is not None:
        return translate("{day} (S2/S1 {s2}/{s1}: {price})", lang).format(
            day=day, s2=_number(step.s2.value, lang), s1=_number(step.s1.value, lang),
            price=price)
    if step.note:
        return f"{day} ({_step_note(step.note, lang)})"
    return translate("{day} (x {factor}: {price})", lang).format(
        day=day, factor=_number(f"{float(step.factor):.2f}", lang), price=price)


_DEPENDS = re.compile(rf"^depends on {VOLUME_FACT} for (\d{{4}})$")


def _step_note(note, lang: str) -> str:
    """A revision's note in ``lang``: the arithmetic's ``depends on volume_deviation_percent
    for 2023`` (a JANQUOR revision whose volume deviation is unknown) in words, another note
    said in ``lang``."""
    found = _DEPENDS.match(str(note))
    if found:
        return translate("depends on the volume deviation of {year}", lang).format(
            year=found.group(1))
    return say(note, lang)


def _index_value_text(s, lang: str = "en") -> str:
    """One index value used, in ``lang``: its month, value and series (``2023-01: 293.9
    (revised)``, ``2023-01 : 293,9 (série révisée)``)."""
    return translate("{month}: {value} ({series})", lang).format(
        month=s.month, value=_number(s.value, lang), series=SERIES_WORDS[s.series].say(lang))


def price_table(paths: Iterable[VendorPricePath], lang: str = "en") -> pd.DataFrame:
    """One row per vendor: the clause, the date priced, the revised price and the worst case
    (Decimal euros, exact), the revisions applied, the index values used, and where the path
    stopped and why; the words of the cells in ``lang`` (the column names stay the English
    keys, for an app to show in its language)."""
    check_lang(lang)
    none = translate("none", lang)
    rows = []
    for vp in paths:
        r = vp.result
        at, until = (vp.at, vp.until) if lang == "en" else (_day(vp.at, lang),
                                                              _day(vp.until, lang))
        rows.append({
            "vendor": vp.name,
            "clause": clause_summary(vp.vendor, lang),
            "price at": vp.at,
            "revised price (EUR)": r.price,
            "worst case (EUR)": r.worst_case_price,
            "revisions applied": "; ".join(_revision_text(step, lang) for step in r.revisions)
            or none,
            "index values used": "; ".join(_index_value_text(s, lang)
                                           for s in r.index_values) or none,
            "path stops": (translate("after {day}: {why}", lang).format(day=at, why=vp.stopped)
                           if vp.stopped else translate("no: reaches {day}", lang).format(
                               day=until)),
        })
    return pd.DataFrame(rows).set_index("vendor")


def price_revision_table(vendors, price, start, until, *, reading: str | None = None,
                         **facts) -> pd.DataFrame:
    """:func:`price_table` for vendors and a scenario (the same arguments as
    :func:`price_paths_chart`)."""
    return price_table(vendor_price_paths(vendors, price, start, until, reading=reading,
                                          **facts))


__all__ = ["VendorPricePath", "clause_summary", "plot_price_paths", "price_paths_chart",
           "price_revision_table", "price_table", "stop_reason", "syntec_chart",
           "update_price_chart",
           "uses_volume_fact", "vendor_price_path", "vendor_price_paths"]
