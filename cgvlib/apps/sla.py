"""What service credit does a month's outage earn? An app over the SLA arithmetic.

Controls: ``vendor`` (vendors whose terms state a service level), ``month`` (YYYY-MM),
``downtime`` and ``planned_maintenance`` (durations typed as '1h30', '90' minutes, '90min',
'1:30', ...), ``invoice_amount`` (the month's invoice, EUR). Results: the month's
``unavailability`` rate (annexe 2 A.6 formula) and the ``sla_credit`` it earns, with both
readings when the rate falls in a gap between two tiers. Figure: the credit tiers with the
month's rate marked; table: one row per reading (tier, credit percent, amount, cap applied,
ambiguous, claim deadline). ``lang`` (``"fr"`` by default, or ``"en"``): the language of every
word, month, date and number the app shows, and of its messages.

The rate does not depend on the invoice: changing ``invoice_amount`` reuses the rate already
computed for the vendor, month and durations.

The chart is made once per vendor (and scale) and laid out once; another rate moves its marker
in place (:func:`~cgvlib.views.sla.move_marker`), and the page's PNG is the rest of the chart,
rendered once, with the marker drawn over it (:func:`~cgvlib.views.shown_chart.figure_png_over`),
its legend as HTML under it (:class:`~cgvlib.apps.chart_app.ChartApp`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from cgvlib.apps.base import freeze_layout
from cgvlib.apps.chart_app import ChartApp
from cgvlib.apps.choosers import vendor_id, with_own
from cgvlib.apps.inputs import AmountText, typed_euros
from cgvlib.arithmetic.sla import (
    SlaCreditResult,
    UnavailabilityResult,
    duration_seconds,
    sla_credit,
    tier_label,
    unavailability,
)
from cgvlib.dates import as_month, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase, translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendor as vendor_by_id
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.sla import Sla
from cgvlib.money import format_percent
from cgvlib.names import label
from cgvlib.reference.months import add_months, end_of_month
from cgvlib.views.shown_chart import figure_png_over, still_background
from cgvlib.views.sla import credit_tiers_chart, marker_artists, move_marker


@dataclass(frozen=True)
class SlaResults:
    """The month's unavailability rate and the credit it earns (every reading in a gap)."""

    vendor: str  # the vendor's id
    unavailability: UnavailabilityResult
    sla_credit: SlaCreditResult

    @property
    def ambiguous(self) -> bool:
        return self.sla_credit.ambiguous

    @property
    def readings(self):
        return self.sla_credit.readings

    def explain(self, lang: str = "en") -> str:
        return self.sla_credit.explain(lang)


TYPED_FORMS = ("'1h30' (1 h 30 min), '90' (minutes), '90min', '2h', '45s', '1:30' (h:mm), "
               "'1:27:39.5' (h:mm:ss) or '1 h 27 mn 39.5 s'")


def _check_duration(text: str, name: str, lang: str = "en", field: str | None = None) -> None:
    """A clear message for a duration typed in a text box (the library's names the Python
    types it also accepts, which a reader of the app cannot type), in ``lang``; ``field``:
    the box's name as the app shows it (``name`` in English)."""
    field = name if lang == "en" or field is None else field
    forms = translate(TYPED_FORMS, lang)
    shown = repr(text) if lang == "en" else f"« {text.strip()} »"
    if not text.strip():
        raise InputError(translate("{field}: empty; type a duration such as {forms}, or 0",
                                   lang).format(field=field, forms=forms))
    if text.strip().startswith("-"):
        raise InputError(translate("{field}: {text} is negative; type a duration of 0 or more",
                                   lang).format(field=field, text=shown))
    try:
        duration_seconds(text, name)
    except InputError:
        raise InputError(translate("{field}: {text} is not a duration; type {forms}",
                                   lang).format(field=field, text=shown, forms=forms)) from None


def sla_vendors(own=()) -> list[tuple[str, str]]:
    """``(name, id)`` of every vendor whose terms state a service level, by name, and of the
    analyst's own vendors ``own`` (ids) that state one."""
    offered = with_own([(v.name, v.id) for v in all_vendors()], own)
    return sorted((name, vid) for name, vid in offered if isinstance(vendor_by_id(vid).sla, Sla))


def month_options(around: dt.date, *, before: int = 24, after: int = 12) -> list[str]:
    """YYYY-MM from ``before`` months before ``around`` to ``after`` months after it."""
    first = as_month(around)
    return [f"{add_months(first, k):%Y-%m}" for k in range(-before, after + 1)]


def month_choices(months: list[str], lang: str) -> list[tuple[str, str]]:
    """``(name, YYYY-MM)`` of ``months``, each named in ``lang`` (``mars 2024``)."""
    return [(format_date(as_month(m), lang, length="MMMM y"), m) for m in months]


def _previous_month(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{add_months(today.replace(day=1), -1):%Y-%m}"


class SlaApp(ChartApp):
    """The service credit a month's downtime earns, on the vendor's credit tiers.

    ``SlaApp(vendor="teogest", month="2024-03", downtime="1h30", planned_maintenance="0",
    invoice_amount=1234.56, lang="fr")``; every argument but ``lang`` is the initial value of
    the control of that name (``month`` defaults to last month, the one a claim is usually made
    for).
    """

    title = "Service credit for a month's downtime (SLA)"

    def __init__(self, vendor: str = "teogest", month: str | None = None,
                 downtime: str = "1h30", planned_maintenance: str = "0",
                 invoice_amount: float = 1000.0, lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        vendor = vendor_id(vendor)  # an own vendor (a path, a Vendor) is offered too
        choices = sla_vendors(own=[vendor])
        ids = [vid for _name, vid in choices]
        if vendor not in ids:
            raise InputError(translate("vendor: {vendor} states no service level; vendors with "
                                       "an SLA: {ids}", lang).format(vendor=repr(vendor),
                                                                     ids=", ".join(ids)))
        first = as_month(month or _previous_month(), "month")
        self._initial = {
            "vendor": vendor, "month": f"{first:%Y-%m}", "downtime": str(downtime),
            "planned_maintenance": str(planned_maintenance),
            "invoice_amount": float(invoice_amount),
        }
        self._vendor_choices = choices
        self._month_choices = month_options(first)
        self._rates: dict[tuple, UnavailabilityResult] = {}
        self.rate_computations = 0  # how many times the rate itself was computed
        self._figure = None  # the chart shown, its marker moved from rate to rate
        self._marked: tuple | None = None  # (vendor, rate) the chart marks
        self._background = None  # the chart without its marker, rendered (figure_png_over)
        super().__init__()

    # --- controls ---------------------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        init = self._initial
        style = {"description_width": "initial"}
        lang = self.lang
        hint = translate("duration: '1h30', '90' (minutes), '90min', '1:30', '1 h 27 mn 39.5 s'",
                         lang)
        return {
            "vendor": widgets.Dropdown(options=self._vendor_choices, value=init["vendor"],
                                       description=translate("Vendor", lang), style=style),
            "month": widgets.Dropdown(options=month_choices(self._month_choices, lang),
                                      value=init["month"], description=translate("Month", lang),
                                      style=style),
            "downtime": widgets.Text(value=init["downtime"],
                                     description=translate("Downtime", lang),
                                     placeholder="1h30", tooltip=hint, style=style,
                                     continuous_update=False),
            "planned_maintenance": widgets.Text(value=init["planned_maintenance"],
                                                description=translate("Planned maintenance",
                                                                      lang),
                                                placeholder="0", tooltip=hint, style=style,
                                                continuous_update=False),
            "invoice_amount": AmountText(value=init["invoice_amount"],
                                         description=translate("Month's invoice (EUR)", lang),
                                         style=style),
        }

    def _field(self, name: str) -> str:
        """The control ``name`` as the app shows it (its description)."""
        return self.controls[name].description

    # --- computation ------------------------------------------------------------------------

    def _rate(self, vendor: str, month: str, downtime: str,
              planned_maintenance: str) -> UnavailabilityResult:
        key = (vendor, month, downtime.strip(), planned_maintenance.strip())
        if key not in self._rates:
            _check_duration(downtime, "downtime", self.lang, self._field("downtime"))
            _check_duration(planned_maintenance, "planned_maintenance", self.lang,
                            self._field("planned_maintenance"))
            if self.lang != "en":  # the library's own refusal is in English
                self._check_room(month, downtime, planned_maintenance)
            self.rate_computations += 1
            self._rates[key] = unavailability(downtime, month, vendor=vendor,
                                              planned_maintenance=planned_maintenance)
        return self._rates[key]

    def _check_room(self, month: str, downtime: str, planned_maintenance: str) -> None:
        """Refuse, in the app's language, durations the month cannot hold: planned maintenance
        that leaves no service time, or downtime beyond the service time (the month's length
        less the maintenance: annexe 2 A.6, as :func:`~cgvlib.arithmetic.sla.unavailability`
        counts it)."""
        first = as_month(month, "month")
        total = end_of_month(first).day * 86_400
        maintenance = duration_seconds(planned_maintenance, "planned_maintenance")
        month_words = format_date(first, self.lang, length="MMMM y")
        if maintenance >= total:
            raise InputError(Phrase("{field}: {text} leaves no service time in {month}; give less "
                                    "than the month's length", field=self._field(
                                        "planned_maintenance"),
                                    text=f"« {planned_maintenance.strip()} »", month=month_words))
        if duration_seconds(downtime, "downtime") > total - maintenance:
            raise InputError(Phrase("{field}: {text} exceeds the service time of {month} (the "
                                    "month's length less the planned maintenance)",
                                    field=self._field("downtime"),
                                    text=f"« {downtime.strip()} »", month=month_words))

    def compute(self, *, vendor, month, downtime, planned_maintenance,
                invoice_amount) -> SlaResults:
        rate = self._rate(vendor, month, downtime, planned_maintenance)
        field = "invoice_amount" if self.lang == "en" else self._field("invoice_amount")
        invoice_amount = typed_euros(invoice_amount, "invoice_amount",  # 1 234,56 or 1234.56
                                     lang=self.lang, label=field)
        if invoice_amount is None or invoice_amount != invoice_amount:  # NaN
            raise InputError(translate("{field}: empty; give the month's invoice in euros, "
                                       "e.g. 1234.56", self.lang).format(field=field))
        if invoice_amount < 0:
            raise InputError(translate("{field}: {amount} EUR is negative; give the month's "
                                       "invoice in euros, 0 or more", self.lang).format(
                                           field=field, amount=invoice_amount))
        credit = sla_credit(vendor, rate, invoice_amount)
        return SlaResults(vendor=vendor, unavailability=rate, sla_credit=credit)

    def draw(self, results: SlaResults):
        """The credit tiers with the month's rate marked. The chart depends on the vendor and
        the rate only, not on the invoice amount; another rate of the same vendor moves the
        marker on the chart already shown."""
        key = (results.vendor, results.unavailability.percent)
        if key == self._marked:
            return self._figure
        if (self._marked is not None and self._marked[0] == results.vendor
                and move_marker(self._figure, results.sla_credit)):
            self.redrawn_in_place = True
        else:
            self._figure = credit_tiers_chart(results.vendor, unavailability=results.sla_credit,
                                              legend_in_figure=False, lang=self.lang)
            freeze_layout(self._figure)
            self._background = None
        self._marked = key
        return self._figure

    def shown_png(self) -> bytes | None:
        """The chart's PNG: the chart without its marker is rendered once per chart, the
        marker drawn over it at each rate."""
        if self.figure is None:
            return None
        moving = marker_artists(self.figure)
        if self._background is None:
            self._background = still_background(self.figure, moving)
        return figure_png_over(self.figure, self._background, moving)

    def table(self, results: SlaResults) -> pd.DataFrame:
        """One row per reading; the words of its cells in the app's language (the column
        names are translated when shown)."""
        credit, lang = results.sla_credit, self.lang
        tiers = vendor_by_id(results.vendor).sla.tiers
        readings = dict(credit.readings) if credit.readings else {None: credit}
        rows = []
        for name, r in readings.items():
            if name is None:
                reading = translate("single reading", lang)
            else:
                reading = name.replace("_", " ") if lang == "en" else label(name, lang)
            if name is not None and name == credit.default_reading:
                reading += translate(" (default)", lang)
            if r.tier_index is None:
                tier = translate("no tier", lang)
            else:
                tier = r.tier if lang == "en" else tier_label(tiers[r.tier_index], lang)
            rows.append({
                "reading": reading,
                "unavailability": (f"{results.unavailability.percent_rounded} %" if lang == "en"
                                   else format_percent(results.unavailability.percent_rounded,
                                                       lang)),
                "tier": tier,
                "credit percent": r.percent,
                "amount (EUR)": r.amount,
                "cap applied": r.cap_applied,
                "ambiguous": credit.ambiguous,
                "claim deadline": r.claim_deadline,
            })
        return pd.DataFrame(rows)
