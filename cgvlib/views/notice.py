"""Charts and tables of duration, tacite reconduction, notice (préavis) and exit.

- :func:`renewal_timeline`: one row per vendor: the terms as bars, the renewal dates as
  ticks, the window in which the termination letter must leave (shaded) and its last day under
  every reading of the clause, with a "today" (or scenario-date) line;
- :func:`notice_by_tenure`: Teogest art. 20, the préavis's length against the client's tenure,
  and the date the contract ends for a request made in a given month;
- :func:`exit_cost_by_date`: what leaving costs (the sums billed until the end) against the
  date the letter is sent, with the jumps where a deadline is missed;
- tables: :func:`exit_plan_frame` (one plan's figures per reading), :func:`exit_plans` (one
  row per vendor and reading) and :func:`notice_citations` (every article and verbatim quote
  behind a vendor's term, notice and exit charges).

Every date and amount comes from :mod:`cgvlib.arithmetic.notice` and
:mod:`cgvlib.arithmetic.exit_cost` (their docstrings state the conventions: term ends,
clamping, readings); this module only draws them. ``commitment_months`` may be one length for
every vendor or a mapping ``{vendor id: months}`` (JANQUOR: 12 by default, or 3 or 6; Teogest:
12, 24 or 36, None for the monthly subscription; GOUT: required, the maintenance's length).
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Mapping

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from cgvlib.analysis.words import said, written
from cgvlib.arithmetic.common import as_vendor
from cgvlib.arithmetic.notice import exit_plan, renewal_deadlines, tenure_notice
from cgvlib.dates import as_date, as_month, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase, say, translate
from cgvlib.lang import check_lang
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.base import Silent
from cgvlib.model.term import TenureBased
from cgvlib.money import amount_cents, format_eur
from cgvlib.names import label as id_name
from cgvlib.names import name_identifiers
from cgvlib.reference.months import add_months, full_months_between
from cgvlib.reference.series import day_or_month_words
from cgvlib.views.style import (
    as_datetime,
    date_axis,
    new_figure,
    vendor_colour,
    vendor_label,
)
from cgvlib.views.summary import card_word
from cgvlib.views.words import axis_eur_text, chart_day, euro_axis, word

ONE_DAY = dt.timedelta(days=1)
MAX_CHART_MONTHS = 120  # the longest span of the exit cost chart, a day's plan a point
ALL_VENDORS = ("janquor", "iosmart", "teogest", "leappy", "gout")
TODAY_COLOUR = "#333333"
MISSED_COLOUR = "#B22222"

# gids the tests (and readers of a figure) find the artists by
TERM_GID = "term"
WINDOW_GID = "notice window"
LAST_DAY_GID = "last day to send notice"
OTHER_READING_GID = "last day to send notice (other reading)"
RISK_GID = "later day (risk)"
RENEWAL_GID = "renewal dates"
NO_TERMS_GID = "no terms"
TODAY_GID = "today"
NOTICE_GID = "notice (months)"
MISSED_GID = "missed deadline"
JUMP_GID = "jump"


# --------------------------------------------------------------------------- inputs


def _vendor_list(vendors) -> list:
    if vendors is None:
        vendors = ALL_VENDORS
    if isinstance(vendors, str) or hasattr(vendors, "term"):
        vendors = [vendors]
    found = [as_vendor(v) for v in vendors]
    if not found:
        raise InputError("vendors: give at least one vendor id, e.g. ['janquor', 'teogest']")
    return found


def _for_vendor(value, vendor):
    """``value`` itself, or its entry for ``vendor`` when it is a mapping by vendor id."""
    if isinstance(value, Mapping):
        return value.get(vendor.id)
    return value


def _x(day: dt.date) -> float:
    return mdates.date2num(as_datetime(day))


def _is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def _term(vendor):
    term = getattr(vendor, "term", None)
    return None if term is None or isinstance(term, Silent) else term


def _has_notice(term) -> bool:
    """Whether any reading of the term clause has a notice rule (else: duration per order)."""
    variants, _ = reading_variants(term)
    return any(variant.notice for variant in variants.values())


def _no_terms_text(vendor, commitment, error: InputError | None, lang: str) -> str:
    """Why a vendor's row has no terms drawn, in a line in ``lang`` (an error from the
    computation in its words, said in ``lang`` when it has them)."""
    term = _term(vendor)
    if term is None:
        return word("terms_silent", lang)
    article = term.source.article if term.source else "?"
    if not _has_notice(term):
        return word("per_order", lang, article=article)
    kinds = {n.rule.kind for n in term.notice}
    if "tenure_based" in kinds and commitment is None:
        rule = next(n for n in term.notice if n.rule.kind == "tenure_based")
        return word("no_commitment", lang, article=rule.source.article)
    if commitment is None and any(o.months is None for o in term.initial_terms):
        offer = next(o for o in term.initial_terms if o.months is None)
        return word("term_set_by_order", lang, article=offer.source.article)
    return textwrap.shorten(say(error, lang), 150, placeholder=" ...") if error else ""


# --------------------------------------------------------------------------- timeline


def _reading_columns(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """(reading name, column) for the other readings' last days in a deadlines table."""
    prefix = "last_day_to_send_notice ("
    return [(c[len(prefix):-1], c) for c in frame.columns if c.startswith(prefix)]


def _short(reading: str | None) -> str:
    """A reading's name without the field path: 'notice[0]=term_end' -> 'term_end'."""
    if reading is None:
        return ""
    return ", ".join(part.split("=")[-1] for part in reading.split(", "))


def _reading_names(readings: list[str | None], lang: str) -> str:
    """The readings' names in ``lang`` (:func:`cgvlib.names.label`), ``"; "``-separated (a
    name may hold a comma): ``["notice[0]=term_end"]`` -> ``"counted from the end of the
    term"``. A reading may be several, comma-joined (``"notice[0]=a, notice[1]=b"``)."""
    parts = [part for reading in readings if reading for part in reading.split(", ")]
    return word("list_separator", lang).join(dict.fromkeys(id_name(p, lang) for p in parts))


def _draw_vendor_row(ax, y: float, vendor, frame: pd.DataFrame, colour: str,
                     today: dt.date, lang: str, windows: list | None = None) -> dt.date:
    """Terms, windows, last days and renewal ticks of one vendor; returns the last day drawn.

    On the row (y axis inverted): the window band above, the term bars below. Each window is
    appended to ``windows`` with its last day, ``(patch, last day)``."""
    shown = _short(frame.attrs.get("reading"))
    others = _reading_columns(frame)
    last_drawn = frame["term_end"].iloc[-1] + ONE_DAY
    renewals = []
    for k, row in enumerate(frame.to_dict("records")):
        first, end = row["term_start"], row["term_end"]
        ax.add_patch(Rectangle(
            (_x(first), y + 0.02), _x(end + ONE_DAY) - _x(first), 0.3,
            facecolor=colour, edgecolor="white", linewidth=1.5, gid=TERM_GID,
            label=f"_{vendor.id} term {k + 1}: {first} to {end}",
        ))
        if not _is_missing(row["renewal_date"]):
            renewals.append(row["renewal_date"])
        last = row["last_day_to_send_notice"]
        if not _is_missing(last):
            if last >= first:
                window = ax.add_patch(Rectangle(
                    (_x(first), y - 0.3), _x(last + ONE_DAY) - _x(first), 0.24,
                    facecolor=colour, alpha=_window_alpha(last, today), edgecolor=colour,
                    hatch="////", linewidth=0.8, gid=WINDOW_GID,
                    label=f"_{vendor.id} window for term {k + 1}: {first} to {last}",
                ))
                if windows is not None:
                    windows.append((window, last))
            marker = ax.plot([_x(last) + 0.5], [y - 0.18], linestyle="none", marker="v",
                             markersize=9, markerfacecolor=colour, markeredgecolor="black",
                             label=f"_{vendor.id} last day ({shown}): {last}")[0]
            marker.set_gid(LAST_DAY_GID)
            ax.annotate(chart_day(last, lang), (_x(last) + 0.5, y - 0.3), xytext=(0, 1),
                        textcoords="offset points", ha="center", va="bottom", fontsize=7)
        for name, column in others:
            other = row[column]
            if _is_missing(other) or other == last:
                continue
            mark = ax.plot([_x(other) + 0.5], [y - 0.18], linestyle="none", marker="x",
                           markersize=8, color="black", markeredgewidth=1.6,
                           label=f"_{vendor.id} last day ({_short(name)}): {other}")[0]
            mark.set_gid(OTHER_READING_GID)
            if _is_missing(last) or other > last:  # the later day: the risk, dated above
                ax.annotate(chart_day(other, lang), (_x(other) + 0.5, y - 0.3),
                            xytext=(0, 9), textcoords="offset points", ha="center",
                            va="bottom", fontsize=6.5, style="italic", color=MISSED_COLOUR,
                            gid=RISK_GID)
    if renewals:
        ticks = ax.plot([_x(d) for d in renewals], [y + 0.17] * len(renewals), linestyle="none",
                        marker="|", markersize=20, markeredgewidth=2, color="black",
                        label=f"_{vendor.id} renewal dates")[0]
        ticks.set_gid(RENEWAL_GID)
    return last_drawn


def _window_alpha(last: dt.date, today: dt.date) -> float:
    """A window already over at ``today`` is paler."""
    return 0.15 if last < today else 0.35


def renewal_timeline(vendors=None, start="2024-01-31", until="2026-12-31", *,
                     commitment_months=None, today=None, today_label: str | None = None,
                     legend_in_figure: bool = True, lang: str = "en"):
    """One row per vendor (its colour): when each term runs and by when notice must leave.

    For every term from ``start`` while terms start on or before ``until``
    (:func:`~cgvlib.arithmetic.notice.renewal_deadlines`): a bar from the term's first day to
    its last (the eve of the renewal date); a tick at each renewal date (tacite reconduction);
    the window in which the letter must leave, hatched, from the term's start to the last day
    to send notice under the default reading, the last safe day, marked ``v`` with its date; the
    last day under each other reading marked ``x`` when it differs, dated in red when it is
    later: the risk (JANQUOR's and GOUT's anniversary readings, Teogest's 14.3 reading).
    Windows already over at ``today`` are paler.
    Vendors without terms (duration per order: Leappy, ioSmart; Teogest without a commitment;
    GOUT without its length) get a row saying why.

    ``today``: the date of the vertical line (default: the real today), drawn when it falls in
    the chart, labelled ``today_label`` (default "today"; e.g. "notice sent").
    ``lang`` (``"en"`` or ``"fr"``): the language of the words, dates and ticks
    (:mod:`cgvlib.views.words`); reading names and articles stay as they are.
    ``legend_in_figure=False`` leaves the legend out (its entries kept in
    ``fig.cgvlib_legend`` as ``(handles, labels)``, :func:`cgvlib.views.shown_chart.legend_html`);
    :func:`move_today` then moves the day's line on the same figure.
    """
    check_lang(lang)
    chosen = _vendor_list(vendors)
    first = as_date(start, "start")
    last = as_date(until, "until")
    if last < first:
        raise InputError(f"until: {last} is before start {first}; give a later date")
    now = dt.date.today() if today is None else as_date(today, "today")
    label = today_label or word("today" if today is None else "scenario_date", lang)
    height = max(3.4, 1.9 + 0.95 * len(chosen))
    title = word("renewal_title", lang, start=chart_day(first, lang))
    if not legend_in_figure:  # an app's PNG is the figure as laid out: no wider tight box
        title = textwrap.fill(title, 80)
    fig, ax = new_figure(title, xlabel=word("date_label", lang), figsize=(11, height))
    right, ticks, windows = last + ONE_DAY, [], []
    for y, vendor in enumerate(chosen):
        colour = vendor_colour(vendor)
        commitment = _for_vendor(commitment_months, vendor)
        term = _term(vendor)
        frame, error = None, None
        if term is not None and _has_notice(term):
            try:
                frame = renewal_deadlines(vendor, first, last, commitment_months=commitment)
            except InputError as exc:
                error = exc
        if frame is None or frame.empty:
            text = ax.text(_x(first), y, textwrap.fill(
                _no_terms_text(vendor, commitment, error, lang), 95), va="center", ha="left",
                fontsize=8.5, style="italic", color="#555555")
            text.set_in_layout(False)
            text.set_gid(NO_TERMS_GID)
            ticks.append(vendor_label(vendor))
            continue
        right = max(right, _draw_vendor_row(ax, y, vendor, frame, colour, now, lang,
                                            windows))
        months = full_months_between(frame["term_start"].iloc[0], frame["term_end"].iloc[0]
                                     + ONE_DAY)
        line = word("month_terms", lang, months=months)
        others = _reading_columns(frame)
        if others:
            line += "\n" + word("default_mark", lang, names=_reading_names(
                [frame.attrs.get("reading")], lang))
            line += "\n" + word("other_mark", lang, names=_reading_names(
                [name for name, _ in others], lang))
        ticks.append(f"{vendor_label(vendor)}\n{line}")
    ax.set_yticks(range(len(chosen)), ticks, fontsize=8.5)
    for tick, vendor in zip(ax.get_yticklabels(), chosen, strict=True):
        tick.set_color(vendor_colour(vendor))
        tick.set_fontweight("bold")
    ax.set_ylim(len(chosen) - 0.5, -0.75)
    margin = max(10, (right - first).days // 60)
    ax.set_xlim(_x(first) - margin, _x(right) + margin)
    ax.grid(True, axis="x", alpha=0.3)
    ax.grid(False, axis="y")
    handles = [
        Patch(facecolor="#999999", edgecolor="white", label=word("term_legend", lang)),
        Line2D([], [], linestyle="none", marker="|", markersize=12, markeredgewidth=2,
               color="black", label=word("renewal_legend", lang)),
        Patch(facecolor=(0.6, 0.6, 0.6, 0.35), edgecolor="#666666", hatch="////",
              label=word("window_legend", lang)),
        Line2D([], [], linestyle="none", marker="v", markersize=8, markerfacecolor="#999999",
               markeredgecolor="black", label=word("last_day_legend", lang)),
        Line2D([], [], linestyle="none", marker="x", markersize=8, markeredgewidth=1.6,
               color="black", label=word("risk_day_legend", lang)),
    ]
    line = None
    if _x(first) - margin <= _x(now) <= _x(right) + margin:
        line = ax.axvline(_x(now), color=TODAY_COLOUR, linestyle="--", linewidth=1.3,
                          label=word("day_line", lang, label=label,
                                     day=format_date(now, lang)))
        line.set_gid(TODAY_GID)
        handles.append(line)
    date_axis(ax, lang=lang)
    if legend_in_figure:
        fig.legend(handles=handles, loc="outside lower center", ncol=3, fontsize=8,
                   frameon=False)
    else:
        fig.cgvlib_legend = (handles, [h.get_label() for h in handles])  # type: ignore[attr-defined]
    fig.cgvlib_timeline = {"windows": windows, "line": line, "label": label, "lang": lang,  # type: ignore[attr-defined]
                           "legend_in_figure": legend_in_figure}
    return fig


def move_today(fig, today, today_label: str | None = None) -> bool:
    """Move the day's line of a :func:`renewal_timeline` drawn with
    ``legend_in_figure=False`` to ``today``, in place: the line, its legend entry and the
    paler windows already over. False (the figure left as it was) when the figure has no such
    line or ``today`` falls outside the chart: a new chart is then needed."""
    kept = getattr(fig, "cgvlib_timeline", None)
    if kept is None or kept["line"] is None or kept["legend_in_figure"]:
        return False
    now = as_date(today, "today")
    low, high = fig.axes[0].get_xlim()
    if not low <= _x(now) <= high:
        return False
    line, lang = kept["line"], kept["lang"]
    label = today_label or kept["label"]
    line.set_xdata([_x(now), _x(now)])
    line.set_label(word("day_line", lang, label=label, day=format_date(now, lang)))
    for window, last in kept["windows"]:
        window.set_alpha(_window_alpha(last, now))
    handles, _labels = fig.cgvlib_legend
    fig.cgvlib_legend = (handles, [h.get_label() for h in handles])
    return True


# --------------------------------------------------------------------------- tenure


def _tenure_rule(vendor) -> tuple[TenureBased, str]:
    """The tenure-based notice rule of the default reading, and its article."""
    term = _term(vendor)
    if term is not None:
        variants, default = reading_variants(term)
        for variant in (variants[default], *variants.values()):
            for notice in variant.notice:
                if notice.rule.kind == "tenure_based":
                    return notice.rule, notice.source.article
    raise InputError(f"vendor: {vendor_label(vendor)}'s préavis does not depend on tenure; only a "
                     "tenure-based notice (Teogest art. 20) can be charted against tenure")


def notice_points(vendor="teogest", *, request_month="2024-11", max_years: int = 6
                  ) -> pd.DataFrame:
    """The préavis for a request made in ``request_month`` after 0, 1, ..., ``max_years`` x 12
    completed months of subscription: columns ``tenure_months``, ``tenure_years`` (completed
    months / 12), ``notice_months``, ``notice_start`` and ``end`` (the contract's last day).

    The request is taken on the first day of ``request_month`` (the préavis and the end depend
    on the month of the request only, through « le lendemain du mois »), the start exactly that
    many months earlier (:func:`~cgvlib.arithmetic.notice.tenure_notice`).
    """
    v = as_vendor(vendor)
    rule, _ = _tenure_rule(v)
    request = as_month(request_month, "request_month")
    if isinstance(max_years, bool) or not isinstance(max_years, int) or not 1 <= max_years <= 40:
        raise InputError(f"max_years: {max_years!r}; give a whole number of years from 1 to 40")
    rows = []
    for m in range(max_years * 12 + 1):
        notice = tenure_notice(rule, add_months(request, -m), request)
        rows.append({"tenure_months": m, "tenure_years": m / 12,
                     "notice_months": notice.notice_months, "notice_start": notice.notice_start,
                     "end": notice.end})
    frame = pd.DataFrame(rows)
    frame.attrs.update(vendor=v.name, request=request)
    return frame


def notice_by_tenure(vendor="teogest", *, request_month="2024-11", max_years: int = 6,
                     lang: str = "en"):
    """The préavis's length (months) against the client's tenure (years) at the request.

    Teogest art. 20: no préavis under one year of subscription (the contract ends at the end of
    the month of the request), then 1 month + 1 month per full year, from « le lendemain du
    mois » of the request: the step from 0 to 2 months at the first anniversary (a request made
    exactly on it counts as « plus d’un an », under the default reading), 3 at two years, 4 at
    three... Each whole year is annotated with the contract's last day for a request made in
    ``request_month``. The line (gid ``"notice (months)"``) samples every completed month.
    ``lang`` (``"en"`` or ``"fr"``): the language of the words and dates.
    """
    check_lang(lang)
    v = as_vendor(vendor)
    _, article = _tenure_rule(v)
    points = notice_points(v, request_month=request_month, max_years=max_years)
    request = points.attrs["request"]
    colour = vendor_colour(v)
    fig, ax = new_figure(
        word("tenure_title", lang, name=v.name, article=article,
             month=format_date(request, lang, length="MMMM y")),
        xlabel=word("tenure_axis", lang), ylabel=word("tenure_notice_axis", lang))
    line = ax.plot(points["tenure_years"], points["notice_months"], drawstyle="steps-post",
                   color=colour, linewidth=2.2,
                   label=word("tenure_line", lang, name=v.name))[0]
    line.set_gid(NOTICE_GID)
    years = points[points["tenure_months"] % 12 == 0]
    ax.plot(years["tenure_years"], years["notice_months"], linestyle="none", marker="o",
            color=colour, markeredgecolor="black", label=word("tenure_anniversary", lang))
    for row in years.itertuples(index=False):
        ax.annotate(word("tenure_ends", lang, day=chart_day(row.end, lang)),
                    (row.tenure_years + 0.5, row.notice_months),
                    xytext=(0, -4), textcoords="offset points", ha="center", va="top",
                    fontsize=8)
    at_one = points[points["tenure_months"] == 12].iloc[0]
    ax.annotate(word("tenure_first_anniversary", lang, months=at_one.notice_months),
                (1, at_one.notice_months), xytext=(0.05, at_one.notice_months + 2.2),
                fontsize=8, arrowprops={"arrowstyle": "->", "color": "#555555"})
    top = int(points["notice_months"].max())
    ax.set_xlim(-0.1, max_years + 0.6)
    ax.set_ylim(-0.9, top + 1.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=8)
    return fig


# --------------------------------------------------------------------------- exit cost


def _history_for(history, vendor):
    """``history`` itself, or its entry for ``vendor`` when it maps vendor ids to histories."""
    if isinstance(history, Mapping) and history and all(
            h is None or hasattr(h, "items") for h in history.values()):
        return history.get(vendor.id)
    return history


def _history_until(history, request: dt.date):
    """The invoices issued up to the month of the request (exit_plan refuses later ones)."""
    if history is None:
        return None
    items = history.items() if hasattr(history, "items") else None
    if items is None:
        raise InputError("invoice_history: expected a mapping or a pandas Series of month -> "
                         f"amount in euros, e.g. {{'2024-10': 1250.00}}, got "
                         f"{type(history).__name__}")
    month = request.replace(day=1)
    if isinstance(history, pd.Series):  # kept a Series: exit_plan checks its amounts at once
        return history[[as_month(key, "invoice_history month") <= month
                        for key in history.index]]
    return {key: value for key, value in items
            if as_month(key, "invoice_history month") <= month}


def _readings_of(plan) -> dict:
    """Every reading's plan, the default first (a single ``{None: plan}`` when unambiguous)."""
    if not plan.readings:
        return {None: plan}
    default = plan.default_reading
    return {default: plan.readings[default],
            **{k: r for k, r in plan.readings.items() if k != default}}


def exit_cost_points(vendor, start, *, monthly_amount, commitment_months=None,
                     invoice_history=None, months: int = 24) -> pd.DataFrame:
    """One row per day from ``start`` for ``months`` months and per reading: the plan if the
    letter leaves that day. Columns ``notice_sent``, ``reading`` (None when the clause reads one
    way), ``default``, ``end``, ``deadline``, ``renewed``, ``notice_months``, ``billed_total``
    (euros as float for charts; NaN when not computable), ``billed_total_cents`` (exact, None
    when not computable) and ``billing_basis``."""
    v = as_vendor(vendor)
    first = as_date(start, "start")
    if isinstance(months, bool) or not isinstance(months, int) or not (
            1 <= months <= MAX_CHART_MONTHS):
        raise InputError(f"months: {months!r}; give a whole number of months from 1 to "
                         f"{MAX_CHART_MONTHS}")
    last = add_months(first, months) - ONE_DAY
    commitment_months = _for_vendor(commitment_months, v)
    invoice_history = _history_for(invoice_history, v)
    rows = []
    day = first
    while day <= last:
        plan = exit_plan(v, first, day, commitment_months=commitment_months,
                         monthly_amount=monthly_amount,
                         invoice_history=_history_until(invoice_history, day), with_risk=False)
        for name, r in _readings_of(plan).items():
            rows.append({
                "notice_sent": day, "reading": name,
                "default": name is None or name == plan.default_reading,
                "end": r.end, "deadline": r.deadline, "renewed": r.renewed,
                "notice_months": r.notice_months,
                "billed_total": (math.nan if r.billed_total_cents is None
                                 else r.billed_total_cents / 100),
                "billed_total_cents": r.billed_total_cents,
                "billing_basis": r.billing_basis,
            })
        day += ONE_DAY
    frame = pd.DataFrame(rows)
    # kept as the exit plans give them (words to say in the chart's language), not as strings
    frame["billing_basis"] = pd.Series([row["billing_basis"] for row in rows], dtype=object,
                                       index=frame.index)
    frame.attrs.update(vendor=v.name, start=first, last=last)
    return frame


def _missed(before, after) -> bool:
    """Whether the letter of ``after`` came after the deadline that ``before`` met, so that
    the contract now ends a term later (late letter, or a letter after the renewal)."""
    return (not _is_missing(before.deadline) and after.notice_sent > before.deadline
            and after.end > before.end)


def _jump_text(before, after, lang: str = "en") -> str:
    cents = int(after.billed_total_cents - before.billed_total_cents)
    amount = format_eur(cents, lang) if cents % 100 else axis_eur_text(cents // 100, lang)
    if _missed(before, after) and after.renewed:
        return word("jump_renewed", lang, day=chart_day(before.deadline, lang), amount=amount)
    if after.notice_months > before.notice_months:
        return word("jump_notice", lang, before=before.notice_months,
                    after=after.notice_months, amount=amount)
    if _missed(before, after):
        return word("jump_late", lang, day=chart_day(before.deadline, lang), amount=amount)
    return f"+{amount}"


def _basis_text(vendor, basis: str, lang: str) -> str:
    """Why the sum cannot be computed, in ``lang``: the exit plan's reason (the library's
    English) in English; in French, the summary card's sentence (only the work done is due,
    or not computed, with the reason said in French)."""
    if lang == "en":
        return basis[:1].upper() + basis[1:]
    if any(c.kind == "work_done" for c in getattr(_term(vendor), "exit_charges", None) or []):
        return card_word("work_done", lang)
    return card_word("not_computable", lang, why=say(basis, lang))


def _distinct_readings(points: pd.DataFrame) -> list[tuple[object, pd.DataFrame, list[str]]]:
    """The readings of :func:`exit_cost_points` to draw, the default first: ``(reading, its
    rows, the later readings whose sums equal its own on every day)``. A reading whose sums
    equal an earlier one's is drawn once, with it, so no line hides under another."""
    kept: list[tuple[object, pd.DataFrame, list[str]]] = []
    for name, group in points.groupby("reading", sort=False, dropna=False):
        group = group.reset_index(drop=True)
        totals = group["billed_total"].to_numpy(dtype=float)
        twin = next((k for k in kept if np.array_equal(
            k[1]["billed_total"].to_numpy(dtype=float), totals, equal_nan=True)), None)
        if twin is None:
            kept.append((name, group, []))
        else:
            twin[2].append(str(name))
    return kept


def exit_cost_months(start, notice_sent, months: int = 24):
    """The months :func:`exit_cost_by_date` charts from ``start``: ``months``, widened to
    three months past ``notice_sent``; refused past :data:`MAX_CHART_MONTHS`."""
    first_day = as_date(start, "start")
    sent = as_date(notice_sent, "notice_sent")
    if sent < first_day:
        raise InputError(f"notice_sent: {sent} is before start {first_day}; notice can only "
                         "be sent once the contract has started")
    if isinstance(months, int) and not isinstance(months, bool):
        months = max(months, full_months_between(first_day, sent) + 3)
        if months > MAX_CHART_MONTHS:
            raise InputError(Phrase(
                "{field}: {sent} is more than {most} months after the start {start}; the "
                "chart of what leaving costs covers {months} months from the start at most",
                field=Phrase("notice sent"), sent=day_or_month_words(sent),
                most=MAX_CHART_MONTHS - 3, start=day_or_month_words(first_day),
                months=MAX_CHART_MONTHS))
    return months


def exit_cost_by_date(vendor, start, *, monthly_amount, commitment_months=None,
                      invoice_history=None, months: int = 24, notice_sent=None,
                      points: pd.DataFrame | None = None, legend_in_figure: bool = True,
                      lang: str = "en"):
    """What leaving costs (the sums billed until the end) against the date the letter leaves.

    One step line per reading of the term clause (the default solid, labelled "<reading>
    (default)"; others dashed; readings with the same sums every day share one line, its
    legend naming them all), for every day from ``start`` over ``months`` months. The sums
    fall month by month as fewer months remain, and jump up where a deadline is missed (JANQUOR
    art. 16: a late letter is void and the renewed year is due in full) or where the préavis
    grows with tenure (Teogest art. 20): each upward jump of the default reading is marked and
    annotated, and each missed deadline drawn as a dotted vertical line (gid
    ``"missed deadline"``). Where the total cannot be computed (Teogest without
    ``invoice_history``; Leappy and ioSmart, whose exit charge is the work done) the chart says
    why instead of guessing. ``notice_sent``: a date to mark (vertical line and the default
    reading's sum that day; gid ``"notice sent"``); the chart is widened to include it.
    ``lang`` (``"en"`` or ``"fr"``): the language of the words, amounts and dates; readings are
    shown by their names (:func:`cgvlib.names.label`). ``points``: the
    :func:`exit_cost_points` of these inputs over :func:`exit_cost_months` months, when the
    caller keeps them (an app drawing the chart again for another ``notice_sent``).
    ``legend_in_figure=False`` leaves the legend out (its entries kept in
    ``fig.cgvlib_legend`` as ``(handles, labels)``, :func:`cgvlib.views.shown_chart.legend_html`);
    :func:`move_notice_sent` then marks another day on the same figure.
    """
    check_lang(lang)
    sent = None if notice_sent is None else as_date(notice_sent, "notice_sent")
    if sent is not None:
        months = exit_cost_months(start, sent, months)
    if points is None:
        points = exit_cost_points(vendor, start, monthly_amount=monthly_amount,
                                  commitment_months=commitment_months,
                                  invoice_history=invoice_history, months=months)
    v = as_vendor(vendor)
    colour = vendor_colour(v)
    first = points.attrs["start"]
    title = word("exit_title", lang, name=v.name, start=chart_day(first, lang))
    if monthly_amount is not None:
        title += word("exit_title_monthly", lang, amount=format_eur(
            amount_cents(monthly_amount, "monthly_amount"), lang))
    fig, ax = new_figure(title, xlabel=word("exit_x_axis", lang),
                         ylabel=word("exit_y_axis", lang))
    styles = ["-", "--", ":", "-."]
    missed_drawn = set()
    for i, (name, group, twins) in enumerate(_distinct_readings(points)):
        default = bool(group["default"].iloc[0])
        shown = "single reading" if _is_missing(name) else str(name)
        label = (word("single_reading", lang) if _is_missing(name)
                 else _reading_names([name], lang))
        if default and not _is_missing(name):
            label += word("by_default", lang)
        if twins:  # readings with the same sums every day: one line, and the legend says so
            label += word("same_sums", lang, names=_reading_names(twins, lang))
        xs = [_x(d) for d in group["notice_sent"]]
        ax.plot(xs, group["billed_total"], drawstyle="steps-post", color=colour,
                linestyle=styles[i % len(styles)], linewidth=2.2 if default else 1.4,
                alpha=1 if default else 0.8, label=label)[0].set_gid(
                    f"exit cost ({shown})")
        totals = group["billed_total"].to_numpy()
        for k in range(1, len(group)):
            rise = totals[k] - totals[k - 1]
            if not rise > 0:
                continue
            before, after = group.iloc[k - 1], group.iloc[k]
            if _missed(before, after) and before.deadline not in missed_drawn:
                missed_drawn.add(before.deadline)
                ax.axvline(_x(before.deadline) + 1, color=MISSED_COLOUR, linestyle=":",
                           linewidth=1.2,
                           label=(word("missed_legend", lang)
                                  if len(missed_drawn) == 1 else "_missed")).set_gid(
                                      MISSED_GID)
            if default:
                ax.plot([xs[k]], [totals[k]], linestyle="none", marker="^", color=MISSED_COLOUR,
                        markersize=7, label="_jump")[0].set_gid(JUMP_GID)
                ax.annotate(_jump_text(before, after, lang), (xs[k], totals[k]),
                            xytext=(-6, -2), textcoords="offset points", fontsize=7.5,
                            ha="right", va="top", color=MISSED_COLOUR)
    if points["billed_total"].isna().all():
        basis = points["billing_basis"].iloc[-1]
        ax.text(0.5, 0.5, textwrap.fill(_basis_text(v, basis, lang), 90),
                transform=ax.transAxes, ha="center", va="center", fontsize=9, style="italic",
                color="#555555").set_gid("not computable")
        ax.set_ylim(0, 1)
        ax.set_yticks([])
    else:
        top = points["billed_total"].max()
        ax.set_ylim(0, top * 1.08 if top > 0 else 1000)
        ax.yaxis.set_major_formatter(euro_axis(lang))
        missing = points[points["billed_total"].isna() & points["default"]]
        if not missing.empty:
            basis = missing["billing_basis"].iloc[0]
            ax.text(0.99, 0.97, textwrap.fill(word(
                "sum_from", lang, day=chart_day(missing["notice_sent"].iloc[0], lang),
                why=name_identifiers(_basis_text(v, basis, lang), lang)), 70),
                transform=ax.transAxes, ha="right", va="top", fontsize=8, style="italic",
                color="#555555").set_gid("not computable")
    ax.set_xlim(_x(first), _x(points.attrs["last"] + ONE_DAY))
    marks = None
    if sent is not None:
        line = ax.axvline(_x(sent), color=TODAY_COLOUR, linestyle="--", linewidth=1.3,
                          label=word("day_line", lang, label=word("notice_sent", lang),
                                     day=chart_day(sent, lang)))
        line.set_gid("notice sent")
        row = _sent_row(points, sent)
        if not math.isnan(row.billed_total):
            dot = ax.plot([_x(sent)], [row.billed_total], linestyle="none", marker="o",
                          color=TODAY_COLOUR, label="_sent")[0]
            note = ax.annotate(format_eur(int(row.billed_total_cents), lang),
                               (_x(sent), row.billed_total),
                               xytext=(6, -14), textcoords="offset points", fontsize=8.5,
                               fontweight="bold", color=TODAY_COLOUR)
            marks = (line, dot, note)
    date_axis(ax, lang=lang)
    handles = [h for h in ax.get_lines() if not h.get_label().startswith("_")]
    if legend_in_figure:
        fig.legend(handles=handles, loc="outside lower center", ncol=4, fontsize=8,
                   frameon=False)
    else:
        fig.cgvlib_legend = (handles, [h.get_label() for h in handles])  # type: ignore[attr-defined]
    fig.cgvlib_exit = {"points": points, "marks": marks, "lang": lang,  # type: ignore[attr-defined]
                       "legend_in_figure": legend_in_figure}
    return fig


def _sent_row(points: pd.DataFrame, sent: dt.date):
    """The default reading's point for a letter sent on ``sent``."""
    return points[(points["notice_sent"] == sent) & points["default"]].iloc[0]


def move_notice_sent(fig, notice_sent) -> bool:
    """Mark another day the letter leaves on a chart of :func:`exit_cost_by_date` drawn with
    ``legend_in_figure=False``, in place: its line, its legend entry, the sum billed that day.
    False (the figure left as it was) when the chart does not run to that day or has no sum
    to mark on it: a new chart is then needed."""
    kept = getattr(fig, "cgvlib_exit", None)
    if kept is None or kept["marks"] is None or kept["legend_in_figure"]:
        return False
    points, lang = kept["points"], kept["lang"]
    sent = as_date(notice_sent, "notice_sent")
    if not points.attrs["start"] <= sent <= points.attrs["last"]:
        return False
    row = _sent_row(points, sent)
    if math.isnan(row.billed_total):
        return False
    line, dot, note = kept["marks"]
    line.set_xdata([_x(sent), _x(sent)])
    line.set_label(word("day_line", lang, label=word("notice_sent", lang),
                        day=chart_day(sent, lang)))
    dot.set_data([_x(sent)], [row.billed_total])
    note.xy = (_x(sent), row.billed_total)
    note.set_text(format_eur(int(row.billed_total_cents), lang))
    handles, _labels = fig.cgvlib_legend
    fig.cgvlib_legend = (handles, [h.get_label() for h in handles])
    return True


# --------------------------------------------------------------------------- tables


PLAN_COLUMNS = ["end", "notice_months", "notice_start", "term_end", "last_day_to_send_notice",
                "deadline_met", "later_day_risk", "at_stake", "renewed", "tenure_years",
                "billed_months", "billed_monthly", "billed_total", "billing"]


def exit_plan_frame(plan, lang: str = "en") -> pd.DataFrame:
    """One row per reading of an :class:`~cgvlib.arithmetic.notice.ExitPlan` (the default
    first, marked ``(default)``): end, préavis, the term and its deadline (the last safe day
    under the default), whether it was met or the term renewed, the later day another reading
    gives (``later_day_risk``) and what is at stake if the letter leaves only then
    (``at_stake``, ``Decimal`` euros), and the sums billed until the end (``Decimal`` euros,
    None when not computable, ``billing`` says why). ``lang``: the language of the readings'
    names (in English, their identifiers) and of ``billing``, the sums' explanation."""
    rows, index = [], []
    for name, r in _readings_of(plan).items():
        shown = name if lang == "en" or name is None else id_name(name, lang)
        index.append(translate("single reading", lang) if name is None
                     else shown + translate(" (default)", lang) if name == plan.default_reading
                     else shown)
        rows.append({
            "end": r.end, "notice_months": r.notice_months, "notice_start": r.notice_start,
            "term_end": r.term_end, "last_day_to_send_notice": r.deadline,
            "deadline_met": r.deadline_met, "later_day_risk": r.later_deadline,
            "at_stake": r.at_stake, "renewed": r.renewed,
            "tenure_years": r.tenure_years, "billed_months": r.billed_months,
            "billed_monthly": r.billed_monthly, "billed_total": r.billed_total,
            "billing": say(r.billing_basis, lang),
        })
    frame = pd.DataFrame(rows, index=pd.Index(index, name="reading"), columns=PLAN_COLUMNS)
    frame.attrs.update(vendor=plan.vendor, request=plan.request_date)
    return frame


def exit_plans(vendors, start, notice_sent, *, commitment_months=None, monthly_amount=None,
               invoice_history=None) -> pd.DataFrame:
    """Exit plans side by side: one row per vendor and reading (:func:`exit_plan_frame`).

    ``commitment_months``, ``monthly_amount`` and ``invoice_history`` are one value for every
    vendor or a mapping by vendor id. A vendor whose plan cannot be made from these inputs
    (GOUT without ``commitment_months``) gets one row whose ``billing`` column says why.
    """
    frames = []
    for v in _vendor_list(vendors):
        history = _history_for(invoice_history, v)
        try:
            plan = exit_plan(v, start, notice_sent,
                             commitment_months=_for_vendor(commitment_months, v),
                             monthly_amount=_for_vendor(monthly_amount, v),
                             invoice_history=history)
            frame = exit_plan_frame(plan)
        except InputError as exc:
            frame = pd.DataFrame([{"billing": f"no plan: {exc}"}],
                                 index=pd.Index(["-"], name="reading"), columns=PLAN_COLUMNS)
        frames.append(frame.assign(vendor=v.name).set_index("vendor", append=True)
                      .reorder_levels(["vendor", "reading"]))
    return pd.concat(frames)


# What a citation of notice_citations is for, and its columns, in a reader's language
CITED_WORDS = {"term": Phrase("term"), "initial term": Phrase("initial term"),
               "notice": Phrase("notice"), "exit charge": Phrase("exit charge")}
CITATION_HEADERS = {"vendor": Phrase("vendor"), "what": Phrase("what"),
                    "applies_to": Phrase("applies to"), "article": Phrase("article"),
                    "quote": Phrase("quote")}


def _initial_term_words(initial, lang: str) -> str:
    if lang == "en":
        return f"{initial.months or 'set by the order'} months, renewal {initial.renewal}"
    months = initial.months or translate("set by the order", lang)
    return translate("{months} months, renewal: {renewal}", lang).format(
        months=months, renewal=id_name(initial.renewal, lang))


def notice_citations(vendors=None, lang: str = "en") -> pd.DataFrame:
    """Every article and verbatim quote behind the vendors' duration, tacite reconduction,
    préavis and exit charges, one row per cited source: ``vendor``, ``what`` (term, initial
    term, notice, exit charge), ``applies_to``, ``article``, ``quote`` and ``path`` (the field
    in the vendor file). Quotes are the vendor files' own, checked against the source texts.

    ``lang`` (``"en"`` or ``"fr"``): the language of the headers and of the words (the vendor
    files' words through the catalog); the quotes are the texts' own. French leaves out
    ``path`` (the vendor file's English field names)."""
    check_lang(lang)
    rows = []
    for v in _vendor_list(vendors):
        term = _term(v)
        if term is None:
            continue
        items = [("term", "", term.source, "term")]
        items += [("initial term", _initial_term_words(o, lang), o.source,
                   f"term.initial_terms[{i}]") for i, o in enumerate(term.initial_terms)]
        items += [("notice", n.applies_to, n.source, f"term.notice[{i}]")
                  for i, n in enumerate(term.notice)]
        items += [("exit charge", c.applies_to, c.source, f"term.exit_charges[{i}]")
                  for i, c in enumerate(term.exit_charges)]
        seen = set()
        for what, applies, source, path in items:
            if source is None or (source.article, source.quote) in seen:
                continue
            seen.add((source.article, source.quote))
            if lang != "en":
                what, applies = CITED_WORDS[what].say(lang), said(written(applies), lang)
            rows.append({"vendor": v.name, "what": what, "applies_to": applies,
                         "article": source.article, "quote": source.quote, "path": path})
    columns = ["vendor", "what", "applies_to", "article", "quote", "path"]
    frame = pd.DataFrame(rows, columns=columns)
    if lang == "en":
        return frame
    frame = frame.drop(columns="path")  # the vendor file's field names: English identifiers
    return frame.set_axis([CITATION_HEADERS[c].say(lang) for c in frame.columns], axis=1)


__all__ = [
    "exit_cost_by_date",
    "exit_cost_months",
    "exit_cost_points",
    "exit_plan_frame",
    "exit_plans",
    "move_notice_sent",
    "move_today",
    "notice_by_tenure",
    "notice_citations",
    "notice_points",
    "renewal_timeline",
]
