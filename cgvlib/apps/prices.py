"""Price revision app: the price of a service over time under each vendor's revision clause.

Controls: ``vendors`` (SelectMultiple, ids as values, names as labels), ``price`` (AmountText,
euros excl. VAT), ``start`` (DateText, the date the price was set: the signature, typed
``15/03/2023``, ``15 mars 2023`` or ``2023-03-15``), ``until`` (DateText), ``volume_known``
(Checkbox: whether JANQUOR's volume deviation is known) and ``volume_deviation_percent``
(PercentText, the deviation of the volume of work from plan, in %, typed ``-15,5`` or
``12.5``, taken for each year evaluated; used only when ``volume_known`` and only by JANQUOR).
``lang`` (``"fr"`` by default, or ``"en"``): the language of every word the app shows.

Results (``app.results``): a dict vendor id -> :class:`~cgvlib.views.prices.VendorPricePath`
(the clipped monthly path and ``revise_price`` at ``until`` or at the last computable day).
Each vendor's path is cached by the values it depends on, so adding a vendor or changing the
volume deviation does not recompute the others. Figure:
:func:`~cgvlib.views.prices.plot_price_paths`, shown as a PNG with its legend as HTML under it
(:class:`~cgvlib.apps.chart_app.ChartApp`); table: :func:`~cgvlib.views.prices.price_table`.
"""

from __future__ import annotations

import ipywidgets as widgets

from cgvlib.apps.base import assume_last_checkbox, freeze_layout, message_day
from cgvlib.apps.chart_app import ChartApp
from cgvlib.apps.choosers import chosen_ids, with_own
from cgvlib.apps.inputs import (
    AmountText,
    DateText,
    PercentText,
    typed_date,
    typed_euros,
    typed_percent,
)
from cgvlib.arithmetic.price import VOLUME_FACT
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
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



class PriceApp(ChartApp):
    """How far can prices rise? One line per vendor, from ``start`` to ``until``."""

    title = "Price revision: the price of a service over time under each vendor's clause"

    def __init__(self, vendors=DEFAULT_VENDORS, price=1000.0, start="2023-03-15",
                 until="2025-10-31", volume_deviation_percent=None,
                 assume_last: bool = False, lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        chosen = list(chosen_ids(vendors))  # own vendors (a path, a Vendor) offered too
        offered = with_own([(v.name, v.id) for v in all_vendors()], chosen)
        known = {vid: v for _name, vid in offered
                 if isinstance((v := vendor_by_id(vid)).price_revision, list)
                 and v.price_revision}
        unknown = [v for v in chosen if v not in known]
        if unknown:
            raise InputError(translate("vendors: unknown or without a price revision clause: "
                                       "{unknown}; valid: {valid}", self.lang).format(
                                           unknown=", ".join(map(str, unknown)),
                                           valid=", ".join(sorted(known))))
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
        lang = self.lang
        return {
            "vendors": widgets.SelectMultiple(options=self._options, value=init["vendors"],
                                              description=translate("Vendors", lang), rows=5,
                                              style=style),
            "price": AmountText(value=init["price"],
                                description=translate("Price (EUR excl. VAT)", lang),
                                style=style),
            "start": DateText(init["start"], lang=lang, style=style,
                              description=translate("Price set on", lang)),
            "until": DateText(init["until"], lang=lang, style=style,
                              description=translate("Until", lang)),
            "volume_known": widgets.Checkbox(value=init["volume_known"],
                                             description=translate(
                                                 "JANQUOR volume deviation known", lang),
                                             style=style),
            "volume_deviation_percent": PercentText(
                value=init["volume_deviation_percent"],
                description=translate("Volume deviation, % (each year)", lang), style=style),
            "assume_last": assume_last_checkbox(init["assume_last"], lang),
        }

    def _field(self, name: str) -> str:
        """The control ``name`` as the messages name it: ``name`` in English, the control's
        description in French."""
        return name if self.lang == "en" else self.controls[name].description

    def compute(self, *, vendors, price, start, until, volume_known, volume_deviation_percent,
                assume_last=False):
        lang = self.lang
        if not vendors:
            raise InputError(translate("vendors: choose at least one vendor", lang))
        price = typed_euros(price, "price", lang=lang, label=self._field("price"))
        if price < 0:
            raise InputError(translate("{field}: {price} is negative; give an amount of 0 or "
                                       "more euros", lang).format(field=self._field("price"),
                                                                  price=f"{price:g}"))
        start = typed_date(start, "start", lang=lang, label=self._field("start"))
        until = typed_date(until, "until", lang=lang, label=self._field("until"))
        if until < start:
            raise InputError(translate("{field}: {until} is before the date the price was set "
                                       "({start}); pick a later date", lang).format(
                                           field=self._field("until"),
                                           until=message_day(until, lang),
                                           start=message_day(start, lang)))
        deviation = None
        if volume_known:
            deviation = typed_percent(volume_deviation_percent, VOLUME_FACT, lang=lang,
                                      label=self._field("volume_deviation_percent"))
        results = {}
        for vid in vendors:
            fact = deviation if uses_volume_fact(vid) else None
            key = (vid, price, start, until, fact, bool(assume_last))
            if key not in self._paths:
                self.path_computations += 1
                facts = {VOLUME_FACT: fact} if fact is not None else {}
                with assume_last_if(assume_last, until):  # the box ticked: past the index data
                    self._paths[key] = vendor_price_path(vid, price, start, until,
                                                         lang=self.lang, **facts)
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
            figure = plot_price_paths(results.values(), notes_in_figure=False,
                                      legend_in_figure=False, lang=self.lang)
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
        return price_table(results.values(), self.lang)


__all__ = ["PriceApp"]
