"""Price revision app: the price of a service over time under each vendor's revision clause.

Controls: ``vendors`` (SelectMultiple, ids as values, names as labels), ``price`` (AmountText,
euros excl. VAT), ``start`` (DatePicker, the date the price was set: the signature), ``until``
(DatePicker), ``volume_known`` (Checkbox: whether JANQUOR's volume deviation is known) and
``volume_deviation_percent`` (FloatText, the deviation of the volume of work from plan, in %,
taken for each year evaluated; used only when ``volume_known`` and only by JANQUOR).

Results (``app.results``): a dict vendor id -> :class:`~cgvlib.views.prices.VendorPricePath`
(the clipped monthly path and ``revise_price`` at ``until`` or at the last computable day).
Each vendor's path is cached by the values it depends on, so adding a vendor or changing the
volume deviation does not recompute the others. Figure:
:func:`~cgvlib.views.prices.plot_price_paths`; table: :func:`~cgvlib.views.prices.price_table`.
"""

from __future__ import annotations

import datetime as dt
import math

import ipywidgets as widgets

from cgvlib.apps.base import App, assume_last_checkbox, freeze_layout
from cgvlib.apps.choosers import chosen_ids, with_own
from cgvlib.apps.inputs import AmountText, typed_euros
from cgvlib.arithmetic.price import VOLUME_FACT
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.model.loader import vendor as vendor_by_id
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.reference.provisional import assume_last_if
from cgvlib.views.prices import (
    VendorPricePath,
    plot_price_paths,
    price_table,
    update_price_chart,
    uses_volume_fact,
    vendor_price_path,
)

DEFAULT_VENDORS = ("leappy", "teogest", "janquor", "iosmart", "gout")


class PriceApp(App):
    """How far can prices rise? One line per vendor, from ``start`` to ``until``."""

    title = "Price revision: the price of a service over time under each vendor's clause"

    def __init__(self, vendors=DEFAULT_VENDORS, price=1000.0, start="2023-03-15",
                 until="2025-10-31", volume_deviation_percent=None,
                 assume_last: bool = False) -> None:
        chosen = list(chosen_ids(vendors))  # own vendors (a path, a Vendor) offered too
        offered = with_own([(v.name, v.id) for v in all_vendors()], chosen)
        known = {vid: v for _name, vid in offered
                 if isinstance((v := vendor_by_id(vid)).price_revision, list)
                 and v.price_revision}
        unknown = [v for v in chosen if v not in known]
        if unknown:
            raise InputError(f"vendors: unknown or without a price revision clause: "
                             f"{', '.join(map(str, unknown))}; valid: {', '.join(sorted(known))}")
        self._options = [(v.name, v.id) for v in known.values()]
        self._initial = {
            "vendors": tuple(chosen),
            "price": float(price),
            "start": as_date(start, "start"),
            "until": as_date(until, "until"),
            "volume_known": volume_deviation_percent is not None,
            "volume_deviation_percent": float(volume_deviation_percent or 0.0),
            "assume_last": bool(assume_last),
        }
        self._paths: dict[tuple, VendorPricePath] = {}
        self.path_computations = 0  # how many vendor paths were computed (tests: per-vendor cache)
        self._drawn = None  # the results app.figure shows
        self._widths = 0
        super().__init__()

    def make_controls(self) -> dict[str, widgets.Widget]:
        init = self._initial
        style = {"description_width": "initial"}
        return {
            "vendors": widgets.SelectMultiple(options=self._options, value=init["vendors"],
                                              description="Vendors", rows=5, style=style),
            "price": AmountText(value=init["price"], description="Price (EUR excl. VAT)",
                                style=style),
            "start": widgets.DatePicker(value=init["start"], description="Price set on",
                                        style=style),
            "until": widgets.DatePicker(value=init["until"], description="Until", style=style),
            "volume_known": widgets.Checkbox(value=init["volume_known"],
                                             description="JANQUOR volume deviation known",
                                             style=style),
            "volume_deviation_percent": widgets.FloatText(
                value=init["volume_deviation_percent"],
                description="Volume deviation, % (each year)", style=style),
            "assume_last": assume_last_checkbox(init["assume_last"], "en"),
        }

    def compute(self, *, vendors, price, start, until, volume_known, volume_deviation_percent,
                assume_last=False):
        if not vendors:
            raise InputError("vendors: choose at least one vendor")
        price = typed_euros(price, "price")  # 1 000,50 or 1000.50
        if price is None or not math.isfinite(price):
            raise InputError(f"price: {price!r} is not an amount; give euros excl. VAT, e.g. 1000")
        if price < 0:
            raise InputError(f"price: {price:g} is negative; give an amount of 0 or more euros")
        for name, value in (("start", start), ("until", until)):
            if not isinstance(value, dt.date):
                what = "the date the price was set (the signature)" if name == "start" else (
                    "the last date to price a service at")
                raise InputError(f"{name}: pick {what}")
        if until < start:
            raise InputError(f"until: {until} is before the date the price was set ({start}); "
                             "pick a later date")
        deviation = None
        if volume_known:
            if volume_deviation_percent is None or not math.isfinite(volume_deviation_percent):
                raise InputError(f"{VOLUME_FACT}: {volume_deviation_percent!r} is not a "
                                 "percentage; give e.g. 12 or -15.5")
            deviation = volume_deviation_percent
        results = {}
        for vid in vendors:
            fact = deviation if uses_volume_fact(vid) else None
            key = (vid, price, start, until, fact, bool(assume_last))
            if key not in self._paths:
                self.path_computations += 1
                facts = {VOLUME_FACT: fact} if fact is not None else {}
                with assume_last_if(assume_last, until):  # the box ticked: past the index data
                    self._paths[key] = vendor_price_path(vid, price, start, until, **facts)
            results[vid] = self._paths[key]
        return results

    def draw(self, results):
        """The chart for the results; when only the price changed, the figure already shown
        is updated in place (its layout kept), which renders much faster than a new one."""
        if self._drawn is results:
            return self.figure
        if self.figure is not None and update_price_chart(self.figure, results.values()):
            figure = self.figure
            widths = self._tick_widths(figure)
            freeze_layout(figure, again=widths != self._widths)
            self.redrawn_in_place = True
        else:
            figure = plot_price_paths(results.values(), notes_in_figure=False)
            freeze_layout(figure)
            widths = self._tick_widths(figure)
        self._drawn, self._widths = results, widths
        return figure

    @staticmethod
    def _tick_widths(figure) -> int:
        """The longest euro tick label (a longer one needs the figure laid out anew)."""
        ax = figure.axes[0]
        low, high = ax.get_ylim()
        return max(len(ax.yaxis.get_major_formatter()(v, 0)) for v in (low, high))

    def table(self, results):
        return price_table(results.values())


__all__ = ["PriceApp"]
