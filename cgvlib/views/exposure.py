"""A ledger's exposure over time: what each vendor could claim, by month of the due date.

:func:`exposure_chart` draws, for each month in which invoices fell due, the total claimable
(interest + indemnité forfaitaire, the lawful figure of :func:`cgvlib.ledger.ledger_claims`)
as a bar stacked by vendor, in each vendor's colour, on a date axis whose labels carry the
year, in the reader's language. When nothing is late, the figure says so in words instead of
showing empty axes.

Artists carry a ``gid``: ``vendor:<id>`` (a vendor's bars), ``nothing-late`` (the sentence
shown when nothing is late).
"""

from __future__ import annotations

import pandas as pd
from babel.numbers import format_currency
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from cgvlib.dates import format_date
from cgvlib.i18n import translate
from cgvlib.lang import BABEL_LOCALES, check_lang
from cgvlib.ledger.result import LedgerResult
from cgvlib.views.style import FIGSIZE, date_axis, new_figure, vendor_colour

BAR_DAYS = 24  # a month's bar width, in days


def euro_axis(lang: str) -> FuncFormatter:
    """Whole euros on an axis, in ``lang`` (``1 500 €`` / ``€1,500``)."""
    locale = BABEL_LOCALES[check_lang(lang)]
    return FuncFormatter(lambda value, _pos: format_currency(
        round(value), "EUR", locale=locale, format="#,##0 ¤" if lang == "fr" else "¤#,##0",
        currency_digits=False))


APP_MARGINS = {"left": 0.12, "right": 0.98, "bottom": 0.1, "top": 0.9}  # without a legend


def exposure_chart(result: LedgerResult, lang: str | None = None, *,
                   legend_in_figure: bool = True) -> Figure:
    """Total claimable per month of the due date, a bar stacked by vendor (module
    docstring). ``legend_in_figure=False`` leaves the legend out of the figure, its entries
    kept in ``fig.cgvlib_legend`` as ``(handles, labels)`` for an app to show them as HTML
    (:func:`cgvlib.views.shown_chart.legend_html`)."""
    lang = check_lang(lang or result.lang)
    title = translate("What each vendor could claim, by month of the due date", lang)
    months = result.by_month
    late = months[months["total_cents"] > 0]
    if late.empty:
        return _nothing_late(result, title, lang)
    fig, ax = new_figure(title, ylabel=translate("Claimable (interest + indemnity)", lang))
    names = result.shown_names(lang)
    table = late.pivot_table(index="month", columns="vendor", values="total_cents",
                             aggfunc="sum", fill_value=0).sort_index()
    order = table.sum().sort_values(ascending=False).index
    bottom = pd.Series(0.0, index=table.index)
    for vendor in order:
        euros = table[vendor] / 100  # floats for the chart only; the figures stay in cents
        ax.bar(table.index.to_pydatetime(), euros.to_numpy(), width=BAR_DAYS,
               bottom=bottom.to_numpy(), color=vendor_colour(vendor),
               label=names.get(vendor, vendor), gid=f"vendor:{vendor}")
        bottom += euros
    ax.yaxis.set_major_formatter(euro_axis(lang))
    date_axis(ax, lang=lang)
    ax.margins(y=0.12)
    if legend_in_figure:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    else:  # an app's figure, redrawn at every change: fixed margins, no layout to solve
        fig.cgvlib_legend = ax.get_legend_handles_labels()  # type: ignore[attr-defined]
        fig.set_layout_engine(None)
        fig.subplots_adjust(**APP_MARGINS)
    fig.cgvlib_notes = translate(
        "Unpaid invoices counted as paid on {as_of}; the lawful figure (L441-10 II floor).",
        lang).format(as_of=format_date(result.as_of, lang))
    return fig


def _nothing_late(result: LedgerResult, title: str, lang: str) -> Figure:
    """No axes to leave empty: the figure says why there is nothing to show."""
    fig = Figure(figsize=(FIGSIZE[0], 1.6), layout="constrained")
    fig.suptitle(title, x=0.01, ha="left", fontsize=11, fontweight="bold")
    if result.accepted:
        why = translate("Nothing to claim on {as_of}: no accepted invoice was paid, or is "
                        "still unpaid, after its due date.", lang)
    else:
        why = translate("Nothing to claim: no row of the ledger was accepted (see the "
                        "rejected rows).", lang)
    fig.text(0.01, 0.4, why.format(as_of=format_date(result.as_of, lang)), fontsize=10,
             gid="nothing-late")
    return fig
