"""How every chart looks: one colour per vendor kept across every chart, euro and date
formats, titles that say what is shown. Figures are made with :class:`matplotlib.figure.Figure`
directly (no pyplot state), so apps can redraw them and tests can inspect their artists.

Money on axes is formatted from the amounts the arithmetic already rounded; labels use the
same thousands separators as :func:`cgvlib.money.format_eur`.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

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


def date_axis(ax, *, yearly: bool = False) -> None:
    """Readable dates on the x axis: years, or months with their year."""
    locator = mdates.YearLocator() if yearly else mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def as_datetime(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())
