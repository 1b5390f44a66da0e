"""How every chart looks: one colour per vendor kept across every chart, euro and date
formats, titles that say what is shown. Figures are made with :class:`matplotlib.figure.Figure`
directly (no pyplot state), so apps can redraw them and tests can inspect their artists.

Money on axes is formatted from the amounts the arithmetic already rounded; labels use the
same thousands separators as :func:`cgvlib.money.format_eur`.
"""

from __future__ import annotations

import datetime as dt
import math

import matplotlib.dates as mdates
from babel import dates as babel_dates
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter, FuncFormatter

from cgvlib.lang import check_lang

# One colour per vendor (colour-blind safe, Okabe–Ito), the same in every chart.
VENDOR_COLOURS: dict[str, str] = {
    "janquor": "#E69F00",
    "iosmart": "#56B4E9",
    "teogest": "#009E73",
    "leappy": "#CC79A7",
    "gout": "#D55E00",
    "statutory": "#000000",
}
EXTRA_COLOURS = ["#0072B2", "#F0E442", "#999999", "#882255", "#44AA99"]
FLOOR_COLOUR = "#B22222"      # the statutory floor (3 x legal rate)
DEFAULT_COLOUR = "#000000"    # the statutory default (ECB + 10 points)
BREACH_SHADE = "#F4CCCC"      # periods where a clause is below the floor
FIGSIZE = (9.0, 4.8)


def vendor_colour(vendor) -> str:
    """The colour of a vendor (a Vendor or its id); a stable extra colour for other vendors."""
    vid = getattr(vendor, "id", vendor)
    if vid in VENDOR_COLOURS:
        return VENDOR_COLOURS[vid]
    return EXTRA_COLOURS[sum(map(ord, str(vid))) % len(EXTRA_COLOURS)]


def vendor_label(vendor) -> str:
    return getattr(vendor, "name", str(vendor))


def eur_text(value: float, decimals: int = 0) -> str:
    """12345.6 -> '12,346 EUR' (axis labels; exact figures come from the results)."""
    return f"{value:,.{decimals}f} EUR"


EURO_AXIS = FuncFormatter(lambda value, _pos: eur_text(value))
PERCENT_AXIS = FuncFormatter(lambda value, _pos: f"{value:g} %")


def new_figure(title: str, *, xlabel: str = "", ylabel: str = "", figsize=FIGSIZE) -> tuple:
    """A figure with one axes, its title and axis labels set; returns ``(figure, axes)``."""
    fig = Figure(figsize=figsize, layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, alpha=0.3)
    return fig, ax


def date_axis(ax, *, yearly: bool = False, lang: str = "en") -> None:
    """Readable dates on the x axis: years, or months (days on a short range) whose labels
    always carry the year (:class:`YearDateFormatter`), in ``lang``."""
    locator = mdates.YearLocator() if yearly else mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(YearDateFormatter(lang))


class YearDateFormatter(Formatter):
    """Date tick labels that never leave the reader guessing the year.

    The first tick in view and the first tick of each new year carry the year; the others are
    short. Ticks on 1 January read as the year alone (``2025``); other month starts as the
    month (``avr.`` / ``Apr``), with the year on the first tick (``avr. 2024``); other days as
    ``15/04`` / ``15 Apr``, with the year on the first (``15/04/2024`` / ``15 Apr 2024``).
    French months and day order for ``lang="fr"`` (Babel's abbreviations), English otherwise.
    """

    def __init__(self, lang: str = "en") -> None:
        self.lang = check_lang(lang)

    def __call__(self, value, pos=None) -> str:
        """One date on its own (the cursor's readout): always with its year."""
        return self._label(mdates.num2date(value), with_year=True)

    def format_ticks(self, values) -> list[str]:
        low, high = (sorted(self.axis.get_view_interval()) if self.axis is not None
                     else (-math.inf, math.inf))
        labels, year = [], None
        for value in values:
            day = mdates.num2date(value)
            in_view = low - 1e-9 <= value <= high + 1e-9
            labels.append(self._label(day, with_year=in_view and day.year != year))
            if in_view:
                year = day.year
        return labels

    def _label(self, day: dt.datetime, *, with_year: bool) -> str:
        if day.day == 1 and day.month == 1:
            return str(day.year)
        if day.day == 1:
            pattern = "MMM y" if with_year else "MMM"
        elif self.lang == "fr":
            pattern = "dd/MM/y" if with_year else "dd/MM"
        else:
            pattern = "d MMM y" if with_year else "d MMM"
        return babel_dates.format_date(day.date(), pattern, locale=self.lang)


def as_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())
