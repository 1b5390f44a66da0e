"""Service levels as charts: the credit tiers as a step chart with the gaps the text leaves
between them, and the downtime an availability target allows per day, week, month and year.

- :func:`credit_tiers_chart`: the credit (percent of the month's invoice) against the month's
  unavailability rate. The top panel shows the whole scale (0 to 2 %, or further to reach the
  marker); the text's gaps (Teogest: 0.2–0.21, 0.5–0.51 and 1–1.01 %) are only 0.01 point
  wide, so each is also magnified in its own panel below (0.01 point either side), where both
  readings are drawn across the gap: the tier below and the tier above.
- :func:`downtime_budget_chart`: horizontal bars on a logarithmic time axis (a day's
  allowance is 1/365 of a year's), labelled as the text writes durations
  ('1 h 27 min 39.5 s'), with the vendor's own table (Teogest annexe 2 A.1) beside the
  computed figures when it states one for that availability.
- :func:`downtime_budget_table`: the same figures as a DataFrame.

Artists carry a ``gid`` so tests and readers can find them: ``tier``, ``gap`` (the shaded
spans), ``reading-lower_tier`` / ``reading-upper_tier`` (the two readings across a gap),
``cap``, ``marker``; ``computed`` and ``stated`` for the downtime bars.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, NullLocator

from cgvlib.arithmetic.common import as_vendor
from cgvlib.arithmetic.sla import (
    PERIODS,
    SlaCreditResult,
    downtime_table,
    format_duration,
    sla_credit,
    sla_credit_table,
)
from cgvlib.errors import InputError
from cgvlib.lang import check_lang
from cgvlib.model.sla import Sla
from cgvlib.model.vendor import Vendor
from cgvlib.views.style import new_figure, vendor_colour, vendor_label
from cgvlib.views.words import decimal_text, percent_axis, word

GAP_SHADE = "#FBE3B0"       # a gap the text leaves between two tiers
GAP_EDGE = "#B8860B"
CAP_COLOUR = "#B22222"
LOWER_COLOUR = "#0072B2"    # the lower-tier reading across a gap
UPPER_COLOUR = "#D55E00"    # the upper-tier reading across a gap
STATED_COLOUR = "#999999"   # the vendor's own downtime table
GAP_LABEL = word("gap_legend", "en")
ZOOM_MARGIN = Decimal("0.01")  # each zoom panel shows the gap and 0.01 point either side
MAIN_MAX = Decimal(2)          # the main panel runs to 2 % unless the marker lies beyond
_BOX = {"facecolor": "white", "edgecolor": "none", "pad": 1.0}


def _num(d) -> str:
    return format(Decimal(d).normalize(), "f")


def _sla(vendor: Vendor) -> Sla | None:
    sla = getattr(vendor, "sla", None)
    return sla if isinstance(sla, Sla) else None


def _rate_text(p: Fraction) -> str:
    d = Decimal(p.numerator) / Decimal(p.denominator)
    q = d.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    return _num(q) if Fraction(q) == p else f"{_num(q)}…"


def _measured(vendor: Vendor, unavailability) -> tuple[Fraction, SlaCreditResult]:
    """The exact rate and the credit it earns (any invoice: only the percentages are drawn)."""
    if isinstance(unavailability, SlaCreditResult):
        if unavailability.vendor != vendor.name:
            raise InputError(f"unavailability: a credit of {unavailability.vendor}, not of "
                             f"{vendor.name}")
        return unavailability.unavailability_percent, unavailability
    credit = sla_credit(vendor, unavailability, 100)
    return credit.unavailability_percent, credit


def _readings(credit: SlaCreditResult) -> dict[str, SlaCreditResult]:
    return dict(credit.readings) if credit.readings else {credit.reading or "text": credit}


def _legend_entries(ax) -> tuple[list, list[str]]:
    """The axes' legend handles and labels, each label once (the three gap spans share one
    entry)."""
    handles, labels = ax.get_legend_handles_labels()
    seen: dict[str, object] = {}
    for h, lab in zip(handles, labels, strict=True):
        seen.setdefault(lab, h)
    return list(seen.values()), list(seen.keys())


def _legend(ax, **kwargs) -> None:
    """A legend with each label once (the three gap spans share one entry)."""
    ax.legend(*_legend_entries(ax), **kwargs)


def _draw_tiers(ax, table: pd.DataFrame, colour: str, x_max: float, *, labels: bool,
                lang: str, only_gap: int | None = None) -> None:
    """The step of the tiers, the gap spans, and both readings across each gap (or across the
    gap numbered ``only_gap``, from 0, in a zoom panel); legend labels in ``lang``."""
    xs: list[float] = []
    ys: list[float] = []
    rows = table.to_dict("records")
    for i, row in enumerate(rows):
        if row["kind"] != "tier":
            continue
        low, high = float(row["low"]), min(float(row["high"]), x_max)
        credit = float(row["credit_percent"])
        previous = rows[i - 1] if i else None
        if previous is not None and previous["kind"] == "gap":
            xs.append(float("nan"))  # the step breaks where the text is silent
            ys.append(float("nan"))
        xs += [low, high]
        ys += [credit, credit]
    ax.plot(xs, ys, color=colour, linewidth=2.2, solid_capstyle="butt",
            label=word("tier_line", lang) if labels else None, gid="tier", zorder=3)
    gap_rows = [row for row in rows if row["kind"] == "gap"]
    for k, row in enumerate(gap_rows):
        if only_gap is not None and k != only_gap:
            continue
        low, high = float(row["low"]), float(row["high"])
        ax.axvspan(low, high, facecolor=GAP_SHADE, edgecolor=GAP_EDGE, hatch="///",
                   linewidth=0.6, label=word("gap_legend", lang) if labels else None, gid="gap",
                   zorder=1)
        lower, upper = float(row["credit_lower_tier"]), float(row["credit_upper_tier"])
        ax.plot([low, high], [lower, lower], color=LOWER_COLOUR, linestyle=(0, (3, 1.5)),
                linewidth=1.6, label=word("gap_lower", lang) if labels else None,
                gid="reading-lower_tier", zorder=2)
        ax.plot([low, high], [upper, upper], color=UPPER_COLOUR, linestyle=(0, (1, 1)),
                linewidth=1.9, label=word("gap_upper", lang) if labels else None,
                gid="reading-upper_tier", zorder=2)


def _draw_marker(ax, p: Fraction, credit: SlaCreditResult, *, labels: bool,
                 lang: str) -> None:
    x = float(p)
    for name, r in _readings(credit).items():
        default = name == credit.default_reading or not credit.readings
        face = "#000000" if default else "white"
        what = "" if not credit.readings else (
            word("marked_reading", lang, reading=name)
            + (word("by_default", lang) if default else ""))
        text = word("marked_rate", lang, rate=decimal_text(_rate_text(p), lang),
                    credit=decimal_text(_num(r.percent), lang), reading=what)
        ax.plot([x], [float(r.percent)], marker="o", markersize=8, markerfacecolor=face,
                markeredgecolor="#000000", markeredgewidth=1.5, linestyle="none",
                label=text if labels else None,
                gid="marker", zorder=5)
    ax.axvline(x, color="#000000", linewidth=0.7, linestyle=":", gid="marker-rule", zorder=1)


def _mark(fig: Figure, marked: tuple[Fraction, SlaCreditResult]) -> None:
    """The marker of the month's rate on the main panel (with its legend entries) and on the
    zoom panel whose range holds it."""
    ax, zooms, lang = fig.axes[0], fig.cgvlib_sla["zooms"], fig.cgvlib_sla["lang"]
    _draw_marker(ax, *marked, labels=True, lang=lang)
    for zoom, low, high in zooms:
        if low <= Decimal(float(marked[0])) <= high:
            _draw_marker(zoom, *marked, labels=False, lang=lang)


def marker_artists(fig: Figure) -> list:
    """The artists that mark the month's rate (gids ``marker`` and ``marker-rule``), in the
    order they are drawn: the rules, then the points."""
    found = [a for ax in fig.axes for a in ax.get_lines()
             if a.get_gid() in ("marker", "marker-rule")]
    return sorted(found, key=lambda a: a.get_zorder())


def move_marker(fig: Figure, unavailability) -> bool:
    """Mark another month's rate on a chart of :func:`credit_tiers_chart`, in place: the old
    marker removed, the new one drawn, the legend's entries updated. False (the figure left
    as it was) when the rate lies past the chart's scale: a new chart is then needed."""
    kept = fig.cgvlib_sla
    marked = _measured(kept["vendor"], unavailability)
    if _x_max(kept["table"], marked) != kept["x_max"]:
        return False
    for artist in marker_artists(fig):
        artist.remove()
    _mark(fig, marked)
    _set_legend(fig)
    return True


def _x_max(table: pd.DataFrame, marked) -> Decimal:
    """The end of the main panel's scale: 2 % or half a point past the last tier's start,
    and past the marker."""
    x_max = max(MAIN_MAX, max(Decimal(low) for low in table["low"]) + Decimal("0.5"))
    if marked is not None:
        x_max = max(x_max, Decimal(float(marked[0])) * Decimal("1.1"))
    return x_max


def _set_legend(fig: Figure) -> None:
    """The main panel's legend: in the figure, or kept in ``fig.cgvlib_legend``."""
    ax = fig.axes[0]
    if fig.cgvlib_sla["legend_in_figure"]:
        _legend(ax, loc="lower right", fontsize=8, ncols=2, framealpha=0.95)
    else:
        fig.cgvlib_legend = _legend_entries(ax)


def credit_tiers_chart(vendor="teogest", *, unavailability=None, lang: str = "en",
                       legend_in_figure: bool = True) -> Figure:
    """The service credit against the month's unavailability rate, as a step chart.

    - ``vendor``: a vendor id or :class:`Vendor` whose terms state an SLA (Teogest);
    - ``unavailability``: optional, the month's rate to mark: a number in percent (0.205), a
      Decimal, Fraction or string, an :class:`~cgvlib.arithmetic.sla.UnavailabilityResult`,
      or a :class:`~cgvlib.arithmetic.sla.SlaCreditResult`. In a gap, both readings are
      marked (the default reading filled).

    The top panel runs from 0 to 2 % (further when the marker lies beyond); each 0.01-point
    gap between two tiers is shaded there and magnified below, with the credit under each
    reading drawn across it. The dash-dot line is the monthly cap. ``lang`` (``"en"`` or
    ``"fr"``): the language of the words and ticks (:mod:`cgvlib.views.words`).
    ``legend_in_figure=False`` leaves the legend out (its entries kept in
    ``fig.cgvlib_legend`` as ``(handles, labels)``, :func:`cgvlib.views.shown_chart.legend_html`).
    :func:`move_marker` marks another rate on the same figure.
    """
    check_lang(lang)
    v = as_vendor(vendor)
    sla = _sla(v)
    if sla is None:
        raise InputError(f"vendor: {v.name}'s terms state no service level, so there are no "
                         "credit tiers to draw; vendors with an SLA: teogest")
    table = sla_credit_table(v)
    gaps = table[table["kind"] == "gap"]
    colour = vendor_colour(v)
    marked = _measured(v, unavailability) if unavailability is not None else None

    x_max = _x_max(table, marked)  # the whole scale, past the marker
    x_max_f = float(x_max)

    title = word("sla_title", lang, vendor=vendor_label(v))
    fig, ax = new_figure(title, xlabel=word("sla_x_axis", lang),
                         ylabel=word("sla_y_axis", lang), figsize=(10.0, 7.2))
    n = max(len(gaps), 1)
    grid = fig.add_gridspec(2, n, height_ratios=[3, 2])
    ax.set_subplotspec(grid[0, :])

    _draw_tiers(ax, table, colour, x_max_f, labels=True, lang=lang)
    cap = float(sla.cap.percent)
    ax.axhline(cap, color=CAP_COLOUR, linestyle="-.", linewidth=1.2, gid="cap", zorder=4,
               label=word("cap_line", lang, cap=decimal_text(_num(sla.cap.percent), lang),
                          article=sla.cap.source.article))
    top = float(table["credit_percent"].max())
    ax.set_xlim(0, x_max_f)
    ax.set_ylim(-1, max(cap, top) + 4)
    ax.xaxis.set_major_formatter(percent_axis(lang))
    ax.yaxis.set_major_formatter(percent_axis(lang))
    for k, row in enumerate(gaps.to_dict("records"), start=1):
        ax.annotate(word("gap_number", lang, k=k),
                    xy=(float(row["low"]), float(row["credit_upper_tier"]) + 0.4),
                    xytext=(0, 14), textcoords="offset points", ha="center", fontsize=8,
                    color=GAP_EDGE, arrowprops={"arrowstyle": "-|>", "color": GAP_EDGE,
                                                "lw": 0.8})
    fig.cgvlib_sla = {"vendor": v, "table": table, "x_max": x_max, "lang": lang,  # type: ignore[attr-defined]
                      "legend_in_figure": legend_in_figure, "zooms": []}

    for k, row in enumerate(gaps.to_dict("records"), start=1):
        zoom = fig.add_subplot(grid[1, k - 1])
        low, high = row["low"] - ZOOM_MARGIN, row["high"] + ZOOM_MARGIN
        _draw_tiers(zoom, table, colour, float(high), labels=False, lang=lang,
                    only_gap=k - 1)
        lower, upper = float(row["credit_lower_tier"]), float(row["credit_upper_tier"])
        zoom.set_xlim(float(low), float(high))
        zoom.set_ylim(lower - 2, upper + 2)
        zoom.xaxis.set_major_locator(FixedLocator([float(row["low"]), float(row["high"])]))
        zoom.xaxis.set_minor_locator(NullLocator())
        zoom.yaxis.set_major_locator(FixedLocator(sorted({lower, upper})))
        zoom.xaxis.set_major_formatter(percent_axis(lang))
        zoom.yaxis.set_major_formatter(percent_axis(lang))
        zoom.grid(True, alpha=0.3)
        zoom.set_title(word("gap_zoom_title", lang, k=k, low=decimal_text(_num(row["low"]), lang),
                            high=decimal_text(_num(row["high"]), lang)),
                       fontsize=9, loc="left")
        mid = float((row["low"] + row["high"]) / 2)
        above = decimal_text(_num(row["credit_upper_tier"]), lang)
        below = decimal_text(_num(row["credit_lower_tier"]), lang)
        zoom.text(mid, upper + 0.6, word("tier_above_value", lang, credit=above),
                  ha="center", va="bottom", fontsize=7.5, color=UPPER_COLOUR, bbox=_BOX)
        zoom.text(mid, lower - 0.6, word("tier_below_value", lang, credit=below),
                  ha="center", va="top", fontsize=7.5, color=LOWER_COLOUR, bbox=_BOX)
        fig.cgvlib_sla["zooms"].append((zoom, low, high))
    if marked is not None:
        _mark(fig, marked)
    _set_legend(fig)

    fig.supxlabel(word("sla_note", lang, default=_default_reading_words(sla, lang)),
                  fontsize=8, x=0.01, ha="left", color="#333333")
    return fig


def _default_reading_words(sla: Sla, lang: str) -> str:
    from cgvlib.model.ambiguity import reading_variants

    variants, name = reading_variants(sla)
    rule = variants[name].between_tiers
    return word("the_tier_above" if rule == "upper_tier" else "the_tier_below", lang)


# --- downtime budget ---------------------------------------------------------------------------


def _stated(vendor, availability: Decimal, lang: str = "en"
            ) -> tuple[dict[str, Decimal], str | None, str]:
    """The vendor's own table for ``availability`` (seconds per period), its article, and a note
    in ``lang`` when the vendor states one for another availability."""
    if vendor is None:
        return {}, None, ""
    v = as_vendor(vendor)
    sla = _sla(v)
    if sla is None or sla.stated_downtime is None:
        return {}, None, ""
    if Decimal(sla.availability_percent) != availability:
        return {}, None, word("stated_elsewhere", lang, vendor=vendor_label(v),
                              availability=decimal_text(_num(sla.availability_percent), lang),
                              article=sla.stated_downtime.source.article)
    stated = {p: getattr(sla.stated_downtime, p) for p in PERIODS
              if getattr(sla.stated_downtime, p) is not None}
    return stated, sla.stated_downtime.source.article, ""


def downtime_budget_table(availability_percent=99.8, *, vendor="teogest") -> pd.DataFrame:
    """The maximum downtime per period for ``availability_percent``, and the vendor's own
    figures when its text states a table for that availability (Teogest annexe 2 A.1).

    Columns: ``period``, ``computed`` (the duration as the text writes it, rounded half-up to
    the tenth of a second), ``seconds`` (exact), ``stated`` (the text's figure, or empty),
    ``stated seconds``, ``agrees`` (the computed figure, rounded, equals the stated one), and
    ``source``; the last four only when the vendor states a table for that availability.
    """
    table = downtime_table(availability_percent)
    availability = Decimal(str(availability_percent))
    stated, article, _note = _stated(vendor, availability)
    rows = []
    for row in table.to_dict("records"):
        s = stated.get(row["period"])
        rows.append({
            "period": row["period"],
            "computed": row["human"],
            "seconds": row["seconds"],
            "stated": format_duration(s) if s is not None else "",
            "stated seconds": s,
            "agrees": (s == row["rounded"]) if s is not None else None,
            "source": article or "",
        })
    frame = pd.DataFrame(rows)
    if not stated:  # no table of the text's own to set beside the computation
        frame = frame[["period", "computed", "seconds"]]
    return frame


_TIME_TICKS = [
    (1, "1 s"), (10, "10 s"), (60, "1 min"), (600, "10 min"), (3600, "1 h"),
    (86400, "1 d"), (864000, "10 d"), (8640000, "100 d"),
]


def duration_text(text: str, lang: str) -> str:
    """A duration as :func:`~cgvlib.arithmetic.sla.format_duration` writes it
    (``'1 d 17 h 31 min 53.9 s'``) in ``lang``: French writes days ``j`` and a decimal comma
    (``'1 j 17 h 31 min 53,9 s'``). The figures are not touched."""
    if check_lang(lang) == "en":
        return text
    return decimal_text(re.sub(r"(\d) d\b", r"\1 j", text), lang)


def downtime_budget_chart(availability_percent=99.8, *, vendor="teogest", lang: str = "en"
                          ) -> Figure:
    """The maximum downtime ``availability_percent`` allows per day, week, month and year.

    One bar per period (``gid='computed'``), labelled as the text writes durations; when the
    vendor's text states its own table for that availability (Teogest annexe 2 A.1), its
    figures are drawn beside (``gid='stated'``). The time axis is logarithmic: a year's
    allowance is 365 times a day's. A month is a twelfth of the mean Gregorian year
    (365.2425 days), which is how the text's own figures come out. ``vendor=None`` draws the
    computed bars only. ``lang`` (``"en"`` or ``"fr"``): the language of the words, durations
    and numbers (:mod:`cgvlib.views.words`).
    """
    check_lang(lang)
    table = downtime_table(availability_percent)
    availability = Decimal(str(availability_percent))
    stated, article, note = _stated(vendor, availability, lang)
    v = as_vendor(vendor) if vendor is not None else None
    colour = vendor_colour(v) if v is not None and stated else "#0072B2"

    title = word("downtime_title", lang, availability=decimal_text(_num(availability), lang))
    if article:
        title += f" ({vendor_label(v)}, {article})"
    fig, ax = new_figure(title, xlabel=word("downtime_axis", lang), ylabel="")
    computed_label = word("computed_legend", lang)
    stated_label = word("stated_legend", lang, article=article)
    periods = list(table["period"])
    height = 0.38 if stated else 0.6
    offset = height / 2 if stated else 0.0
    ys = list(range(len(periods)))
    seconds = [float(s) for s in table["seconds"]]
    log = min(seconds) > 0
    bars = ax.barh([y - offset for y in ys], seconds, height=height, color=colour,
                   label=computed_label, gid="computed")
    for bar, human in zip(bars, table["human"], strict=True):
        bar.set_gid("computed")
        ax.annotate(duration_text(human, lang),
                    xy=(bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4, 0), textcoords="offset points", va="center", fontsize=9,
                    gid="computed-label")
    if stated:
        values = [float(stated.get(p, 0)) for p in periods]
        sbars = ax.barh([y + offset for y in ys], values, height=height, color=STATED_COLOUR,
                        hatch="//", edgecolor="white", label=stated_label, gid="stated")
        for bar, period in zip(sbars, periods, strict=True):
            bar.set_gid("stated")
            if period in stated:
                ax.annotate(duration_text(format_duration(stated[period]), lang),
                            xy=(bar.get_width(), bar.get_y() + bar.get_height() / 2),
                            xytext=(4, 0), textcoords="offset points", va="center",
                            fontsize=9, color="#555555", gid="stated-label")
    ax.set_yticks(ys, [word(f"per_{p}", lang) for p in periods])
    ax.invert_yaxis()
    if log:
        ax.set_xscale("log")
        low, high = min(seconds) / 3, max(seconds) * 12
        ax.set_xlim(low, high)
        ticks = [(t, lab) for t, lab in _TIME_TICKS if low <= t <= high]
        ax.xaxis.set_major_locator(FixedLocator([t for t, _ in ticks]))
        ax.set_xticks([t for t, _ in ticks], [duration_text(lab, lang) for _, lab in ticks])
        ax.xaxis.set_minor_locator(NullLocator())
    else:
        ax.set_xlim(0, 1)
        ax.set_xlabel(word("downtime_axis_none", lang))
    ax.grid(False, axis="y")
    handles = [Patch(color=colour, label=computed_label)]
    if stated:
        handles.append(Patch(facecolor=STATED_COLOUR, hatch="//", edgecolor="white",
                             label=stated_label))
    ax.legend(handles=handles, loc="upper right", fontsize=8)
    foot = word("downtime_note", lang)
    if note:
        foot += "\n" + note
    fig.supxlabel(foot, fontsize=8, x=0.01, ha="left", color="#333333")
    return fig


__all__ = ["GAP_LABEL", "credit_tiers_chart", "downtime_budget_chart", "downtime_budget_table",
           "marker_artists", "move_marker"]
