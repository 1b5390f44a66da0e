"""Late payment as charts: what a late invoice costs with each vendor, day by day, and each
vendor's penalty rate semester by semester against the statutory floor.

- :func:`cost_by_days_late`: the late-payment total (interest + indemnité forfaitaire) against
  the days late (0..``max_days``), one line per vendor in its colour and the statutory default
  terms in black: the lawful figure (never below the L441-10 II floor), solid; where the clause
  as written gives less, that figure dotted in the same colour; an ambiguous clause's other
  readings dashed in the same colour. Computed with the vectorised
  :func:`cgvlib.late_payment_frame` (one frame of ``max_days + 1`` invoices per vendor), equal
  to :func:`cgvlib.late_payment` to the cent.
- :func:`penalty_rate_over_time`: each vendor's annual penalty rate per semester (a per-month
  rule as its annual equivalent: 10 % per month = 120 % a year), the floor of L441-10 II
  (3 x the legal rate) and the statutory default (ECB semester rate + 10 points), on a
  logarithmic scale, with the semesters where a clause is below the floor shaded in a band
  per vendor at the top of the chart.
- :func:`penalty_rates` and :func:`breach_periods`: the data behind that chart.
- :func:`late_payments` and :func:`late_payment_table`: one scenario for several vendors and
  its table (vendor, days late, rates, interest, indemnity, total, other readings).

Vendors whose terms are silent on late payment are computed on the statutory terms (L441-10
II: ECB semester rate + 10 points, 40 EUR indemnity), and their labels say so.

Artists carry a ``gid`` so tests and readers can find them: ``vendor:<id>`` (a vendor's default
reading, lawful), ``as-written:<id>`` (that reading as the clause writes it, where the floor
raised it), ``reading:<id>:<reading>`` (another reading), ``floor``, ``default``,
``breach:<id>`` (a shaded run of semesters below the floor) and ``marker`` (the days late
chosen in the app).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import (
    FixedLocator,
    FuncFormatter,
    MaxNLocator,
    NullFormatter,
    NullLocator,
)

from cgvlib.arithmetic.common import STATUTORY_ID, amount_cents, as_vendor
from cgvlib.arithmetic.frame_inputs import check_frame
from cgvlib.arithmetic.late_payment import (
    AS_WRITTEN,
    STATUTORY_INDEMNITY_CENTS,
    LatePaymentResult,
    annual_rate_bp,
    as_written_name,
    late_payment,
    readings_needing_invoice_date,
)
from cgvlib.arithmetic.late_payment_frame import late_payment_frame
from cgvlib.arithmetic.statutory import minimum_late_rate, statutory, statutory_late_rate
from cgvlib.dates import as_date, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import say, translate
from cgvlib.lang import check_lang
from cgvlib.model.base import Silent
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.payment import LatePayment
from cgvlib.model.vendor import Vendor
from cgvlib.money import bp_to_percent, format_eur, format_percent, percent_to_bp
from cgvlib.names import label
from cgvlib.reference.ecb_rate import load_ecb_rates
from cgvlib.reference.legal_rate import load_semester_rates
from cgvlib.reference.months import semester_end, semester_label, semester_start
from cgvlib.views.style import (
    BREACH_SHADE,
    DEFAULT_COLOUR,
    FIGSIZE,
    FLOOR_COLOUR,
    VENDOR_COLOURS,
    as_datetime,
    date_axis,
    new_figure,
    vendor_colour,
)
from cgvlib.views.tables import scenario_table
from cgvlib.views.words import (
    axis_eur_text,
    decimal_text,
    percent_axis,
    word,
)

MARK_STEP = 30  # the x range reaches past a marker beyond max_days by whole 30-day steps
MONTHS_PER_YEAR = 12  # a per-month rule's annual equivalent: 10 % per month = 120 % a year
SILENT_WORDS = word("silent_terms", "en")
RATE_TICKS = [0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500]
STRIP_HEIGHT = 0.07  # axes fraction of one vendor's breach band at the top of the rate chart
STRIP_GAP = 0.01
CHART_ONLY_SIZE = (8.0, 4.0)  # inches: the cost chart without its legend (an app's figure)
TABLE_COLUMNS = ["days_late", "first_day_of_delay", "days_of_delay", "rates", "interest",
                 "indemnity", "total", "as written", "ambiguous", "reading", "other readings",
                 "terms"]


# --------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class Terms:
    """The vendor a line is drawn for, and the terms its late payment is computed on: its own
    clause, or the statutory terms when its terms are silent (``note`` then says so)."""

    vendor: Vendor
    computed_on: Vendor
    note: str | None = None

    @property
    def id(self) -> str:
        return self.vendor.id

    @property
    def label(self) -> str:
        return self.label_in("en")

    def label_in(self, lang: str) -> str:
        """The vendor's name (the law's default terms named in ``lang``), and when its terms
        are silent that the statutory terms apply."""
        name = label(self.id, lang) if self.id == STATUTORY_ID else self.vendor.name
        return name + (f" ({word('silent_terms', lang)})" if self.note else "")

    @property
    def clause(self) -> LatePayment:
        return self.computed_on.late_payment

    @property
    def colour(self) -> str:
        return vendor_colour(self.vendor.id)


def terms_of(vendor: Vendor | str) -> Terms:
    """A vendor (an id, a Vendor, or ``"statutory"``) with the terms its late payment is
    computed on: the statutory terms (L441-10 II, D441-5) when its terms are silent."""
    v = as_vendor(vendor)
    clause = v.late_payment
    if clause is None or isinstance(clause, Silent):
        return Terms(v, statutory(), SILENT_WORDS)
    return Terms(v, v)


def default_vendors(*, with_statutory: bool = True) -> list[str]:
    """Every vendor file's id, in the order of the style's colours (JANQUOR, ioSmart,
    Teogest, Leappy, GOUT), then any other vendor, then ``"statutory"``."""
    ids = [v.id for v in all_vendors()]
    order = {vid: i for i, vid in enumerate(VENDOR_COLOURS)}
    ids.sort(key=lambda vid: (order.get(vid, len(order)), vid))
    return [*ids, STATUTORY_ID] if with_statutory else ids


def _selection(vendors, *, with_statutory: bool) -> list[Terms]:
    if vendors is None:
        vendors = default_vendors(with_statutory=False)
    elif isinstance(vendors, str | Vendor):
        vendors = [vendors]
    chosen = [terms_of(v) for v in vendors]
    if not chosen:
        raise InputError("vendors: choose at least one vendor (ids such as 'teogest', or "
                         f"'{STATUTORY_ID}' for the law's default terms)")
    seen: dict[str, Terms] = {}
    for t in chosen:
        seen.setdefault(t.id, t)
    if with_statutory and STATUTORY_ID not in seen:
        seen[STATUTORY_ID] = terms_of(STATUTORY_ID)
    if STATUTORY_ID in seen:  # the statutory line last, drawn on top
        seen[STATUTORY_ID] = seen.pop(STATUTORY_ID)
    return list(seen.values())


# --------------------------------------------------------------------------- coverage


@dataclass(frozen=True)
class Coverage:
    """How far the late-payment rates are known: the legal rate to ``legal_until`` (end of its
    last semester), the ECB rate to ``ecb_until``, so the L441-10 II semester rate to the end
    of the semester holding ``ecb_until``; both together to ``until``."""

    legal_until: dt.date
    ecb_until: dt.date

    @property
    def ecb_semester_until(self) -> dt.date:
        return semester_end(self.ecb_until)

    @property
    def until(self) -> dt.date:
        return min(self.legal_until, self.ecb_semester_until)

    @property
    def last_semester(self) -> str:
        return semester_label(self.until)

    def words(self, lang: str = "en") -> str:
        """How far the rates are known, in a sentence in ``lang``."""
        return word("coverage", lang, legal=format_date(self.legal_until, lang),
                    ecb=format_date(self.ecb_until, lang),
                    ecb_semester=format_date(self.ecb_semester_until, lang),
                    until=format_date(self.until, lang), semester=self.last_semester)


def coverage() -> Coverage:
    """The last day both reference series of the late-payment rates cover."""
    return Coverage(load_semester_rates().complete_until, load_ecb_rates().complete_until)


def past_coverage_error(name: str, day: dt.date) -> InputError:
    cov = coverage()
    return InputError(f"{name}: {day} is past the reference data: {cov.words()}. Choose a date "
                      f"up to {cov.until}, or extend data/rates/ (see data/rates/README.md)")


# --------------------------------------------------------------------------- one scenario


def late_payments(vendors, amount, due, paid, *, invoice_date=None
                  ) -> dict[str, LatePaymentResult]:
    """:func:`cgvlib.late_payment` for each vendor (ids, Vendors, ``"statutory"``), keyed by
    vendor id, in the order given.

    ``invoice_date`` goes to the vendors whose clause needs it (Leappy, GOUT, Teogest's day-31
    readings); when it is None they get the due date. A vendor silent on late payment is
    computed on the statutory terms (the result's ``vendor`` then says ``statutory``).
    """
    due_day, paid_day = as_date(due, "due"), as_date(paid, "paid")
    invoice_day = due_day if invoice_date is None else as_date(invoice_date, "invoice_date")
    out = {}
    for t in _selection(vendors, with_statutory=False):
        out[t.id] = late_payment(t.computed_on, amount, due_day, paid_day,
                                 invoice_date=invoice_day)
    return out


def _eur(cents: int, lang: str) -> str:
    """A sum of the table: the library's working text in English (``1,234.56 EUR``), Babel's
    format in French (``1 234,56 €``), from the rounded cents either way."""
    return format_eur(cents) if lang == "en" else format_eur(cents, lang)


def _percent(rate, lang: str) -> str:
    """An exact rate in percent: ``10.00 %`` in English (its digits as the result holds
    them), Babel's format in French (``10 %``, ``15,21 %``)."""
    return f"{rate} %" if lang == "en" else format_percent(rate, lang)


def _rates_words(result: LatePaymentResult, lang: str = "en") -> str | None:
    """The rates applied, each semester's in turn: ``14.50 % then 14.25 %``; a per-month rule
    says so (``10.00 % per month``, ``10 % par mois``)."""
    if not result.periods:
        return None
    per_month = result.rate_unit == "per month"
    rates = list(dict.fromkeys(
        translate("{rate} per month", lang).format(rate=_percent(p.rate, lang)) if per_month
        else _percent(p.rate, lang) for p in result.periods))
    then = translate("{before} then {after}", lang)
    return functools.reduce(lambda before, after: then.format(before=before, after=after),
                            rates)


def _other_totals(result: LatePaymentResult, lang: str = "en") -> str | None:
    """The other readings of the clause (lawful figures); the figures as written have their
    own column. In English a reading is its identifier (``prorata_30: 1,540.00 EUR``, the app
    names it when shown), in French its name."""
    one = translate("{reading}: {total}", lang)
    others = [one.format(reading=name if lang == "en" else label(name, lang),
                         total=_eur(r.total_cents, lang))
              for name, r in result.readings.items()
              if name != result.reading and not name.endswith(AS_WRITTEN)]
    return "; ".join(others) or None


def _as_written_total(result: LatePaymentResult, lang: str = "en") -> str | None:
    """The clause's own total when the L441-10 II floor raised it, and the gap."""
    if result.as_written is None:
        return None
    return translate("{total} (the floor adds {gap})", lang).format(
        total=_eur(result.as_written.total_cents, lang), gap=_eur(result.gap_cents, lang))


def _terms_words(t: Terms, lang: str) -> str:
    """The terms a vendor's figures are computed on, in ``lang``."""
    if t.note:
        return word("silent_terms", lang)
    return translate("the law's default terms" if t.id == STATUTORY_ID else "its own clause",
                     lang)


def late_payment_table(results: Mapping[str, LatePaymentResult],
                       lang: str = "en") -> pd.DataFrame:
    """One row per vendor (by name): days late, first day of delay, days of delay, the rates
    applied (each semester's when the delay spans two), interest, indemnity and total (the
    lawful figures, formatted from the rounded cents by
    :func:`cgvlib.views.tables.scenario_table`), the clause's own total where the L441-10 II
    floor raised it (``as written``, with the gap), whether the clause is ambiguous, the reading
    shown and the other readings' totals, and the terms used (the vendor's own, or the
    statutory terms when it is silent). The words this table writes (rates, terms, other
    readings, as written) are in ``lang``; the columns from
    :func:`~cgvlib.views.tables.scenario_table` are the library's working text, which an app
    shows in its language (:func:`cgvlib.apps.base.shown_frame`)."""
    check_lang(lang)
    if not results:
        raise InputError("results: no result to tabulate; choose at least one vendor")
    named: dict[str, LatePaymentResult] = {}
    terms: dict[str, str] = {}
    for key, result in results.items():
        t = terms_of(key)
        named[t.vendor.name] = result
        terms[t.vendor.name] = _terms_words(t, lang)
    frame = scenario_table(named)
    frame["rates"] = [_rates_words(r, lang) for r in named.values()]
    frame["terms"] = [terms[name] for name in named]
    frame["other readings"] = [_other_totals(r, lang) for r in named.values()]
    frame["as written"] = [_as_written_total(r, lang) for r in named.values()]
    frame = frame.reindex(columns=TABLE_COLUMNS)
    return frame.astype(object).where(frame.notna(), None)


# --------------------------------------------------------------------------- cost by days late


def _invoices(amount, due: dt.date, days: int, invoice_date: dt.date) -> pd.DataFrame:
    offsets = np.arange(days + 1)
    due64 = np.datetime64(due, "D")
    return pd.DataFrame({
        "amount": [amount] * (days + 1),
        "due": np.full(days + 1, due64),
        "paid": due64 + offsets,
        "invoice_date": np.full(days + 1, np.datetime64(invoice_date, "D")),
    })


def _line_widths(n: int) -> list[float]:
    """Widths from wide to narrow in drawing order, so lines that coincide stay visible (the
    later, narrower one drawn inside the earlier)."""
    return [max(1.2, 3.4 - 0.5 * i) for i in range(n)]


def cost_by_days_late(vendors, amount, due, *, max_days: int = 120, invoice_date=None,
                      paid=None, mark_days: int | None = None, with_statutory: bool = True,
                      zoom: bool | None = None, notes_in_figure: bool = True,
                      legend_in_figure: bool = True, lang: str = "en") -> Figure:
    """The late-payment total (interest + indemnity, EUR) against days late 0..``max_days``.

    One line per vendor in its colour (``gid`` ``vendor:<id>``), and the statutory default
    terms (``"statutory"``) in black, added when ``with_statutory`` and not among
    ``vendors``. For an ambiguous clause the default reading is solid and the other readings
    dashed and thin in the same colour (``reading:<id>:<reading>``), one legend entry for
    them. Vendors whose clause needs an invoice date get ``invoice_date`` (default: the due
    date); vendors silent on late payment are drawn on the statutory terms and their label
    says so. ``paid`` (a payment date) or ``mark_days`` draws a vertical marker (``marker``)
    at that many days late; the x range then reaches past it (to the next multiple of 30
    days).

    The x range stops at the last day the reference rates cover (a footnote then says so).
    The footnotes are also in ``fig.cgvlib_notes``; ``notes_in_figure=False`` leaves them out
    of the figure (an app shows them as text beside it, so redraws stay fast); likewise
    ``legend_in_figure=False`` leaves the legend out (its entries kept in
    ``fig.cgvlib_legend`` as ``(handles, labels)``, :func:`cgvlib.views.shown_chart.legend_html`)
    and draws the chart alone in a smaller figure (:data:`CHART_ONLY_SIZE`).
    When one vendor's curve dwarfs the others (its top more than 3 times theirs, as JANQUOR's
    10 % per month does), a second panel below (``zoom=None``: automatic; True/False to force)
    shows the same lines up to the others' top, so they can be told apart.

    ``lang`` (``"en"`` or ``"fr"``): the language of the words, amounts, dates and ticks
    (:mod:`cgvlib.views.words`); vendor and reading names stay as they are.
    """
    check_lang(lang)
    chosen = _selection(vendors, with_statutory=with_statutory)
    due_day = as_date(due, "due")
    invoice_day = due_day if invoice_date is None else as_date(invoice_date, "invoice_date")
    if isinstance(max_days, bool) or not isinstance(max_days, int | np.integer) or max_days < 1:
        raise InputError(f"max_days: {max_days!r}; give a whole number of days, 1 or more")
    if paid is not None and mark_days is None:
        mark_days = (as_date(paid, "paid") - due_day).days
        if mark_days < 0:
            raise InputError(f"paid: {paid} is before the due date {due_day}; a late payment "
                             "is paid on or after its due date")
    cov = coverage()
    if due_day >= cov.until:
        raise past_coverage_error("due", due_day)
    notes = []
    days = int(max_days)
    if mark_days is not None and mark_days >= days:  # reach past the marker, by whole months
        days = MARK_STEP * math.ceil((int(mark_days) + 1) / MARK_STEP)
    if due_day + dt.timedelta(days=days) > cov.until:
        days = (cov.until - due_day).days
        notes.append(word("days_stop_note", lang, days=days, until=format_date(cov.until, lang),
                          coverage=cov.words(lang)))
    cents = amount_cents(amount, "amount")
    x = np.arange(days + 1)
    curves, tops, rest_top, auto_zoom = _cost_curves(chosen, cents, due_day, days, invoice_day)
    forced = zoom is not None
    if zoom is None:
        zoom = auto_zoom

    fig, ax = new_figure(
        _cost_title(cents, due_day, lang),
        xlabel="" if zoom else word("days_late_axis", lang),
        ylabel=word("cost_axis", lang),
        figsize=FIGSIZE if legend_in_figure else CHART_ONLY_SIZE,
    )
    axes = [ax]
    if zoom:
        fig.set_size_inches(fig.get_figwidth(), fig.get_figheight() * 1.45)
        grid = fig.add_gridspec(2, 1, height_ratios=[1.3, 1.0])
        ax.set_subplotspec(grid[0])
        lower = fig.add_subplot(grid[1], sharex=ax)
        lower.grid(True, alpha=0.3)
        lower.set_xlabel(word("days_late_axis", lang))
        lower.set_ylabel(word("cost_axis", lang))
        big = next(c[0] for c in curves if c[0].id == tops[0][1])
        lower.set_title(_zoom_title(rest_top, big, lang), loc="left", fontsize=9)
        ax.tick_params(labelbottom=False)  # the days are read on the lower panel's axis
        axes.append(lower)

    widths = _line_widths(len(curves))
    dashed_any = False
    written_any = False
    for (t, totals, others, default, written), width in zip(curves, widths, strict=True):
        is_statutory = t.id == STATUTORY_ID
        label = t.label_in(lang) + (word("default_reading_of", lang, reading=default)
                                    if others else "")
        for k, axis in enumerate(axes):
            axis.plot(x, totals, color=t.colour, lw=1.8 if is_statutory else width,
                      gid=f"vendor:{t.id}", zorder=4 if is_statutory else 3,
                      label=label if k == 0 else f"_{label}")
            if written is not None:
                words = word("as_written_line", lang, name=t.vendor.name)
                axis.plot(x, written, color=t.colour, lw=1.3, ls=":", gid=f"as-written:{t.id}",
                          zorder=3, label=words if k == 0 else f"_{words}")
                written_any = True
            same, groups = reading_groups(totals, others)
            dashed = sum(map(len, groups))  # the readings drawn dashed, the legend counts
            for i, group in enumerate(groups):
                words = (word("other_readings", lang, name=t.vendor.name, count=dashed)
                         if dashed > 1
                         else word("other_reading", lang, name=t.vendor.name, reading=group[0]))
                axis.plot(x, others[group[0]], color=t.colour, lw=1.0, ls="--", alpha=0.85,
                          gid=f"reading:{t.id}:{group[0]}",
                          label=words if i == 0 and k == 0 else f"_{words}")
                dashed_any = True
            if k == 0:
                notes.extend(coincidence_notes(t.vendor.name, same, groups, lang))
    if mark_days is not None:
        paid_day = due_day + dt.timedelta(days=int(mark_days))
        paid_words = word("paid_marker", lang, day=format_date(paid_day, lang), days=mark_days,
                          s="s" if mark_days > 1 else "")
        for k, axis in enumerate(axes):
            axis.axvline(mark_days, color="#404040", lw=1.2, ls=":", gid="marker",
                         label=paid_words if k == 0 else f"_{paid_words}")
    for axis in axes:
        axis.set_xlim(0, days)
        axis.set_ylim(bottom=0)
        axis.yaxis.set_major_formatter(_euro_ticks(lang))
        axis.yaxis.set_major_locator(MaxNLocator(6))  # a few round amounts per panel
    if zoom:
        axes[1].set_ylim(0, rest_top * 1.12)
    if legend_in_figure:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    else:  # an app shows it as HTML beside the image
        fig.cgvlib_legend = ax.get_legend_handles_labels()  # type: ignore[attr-defined]

    if dashed_any:
        notes.insert(0, word("readings_note", lang))
    if written_any:
        notes.insert(0, word("floor_note", lang))
    needs_invoice = [t.vendor.name for t, *_ in curves if readings_needing_invoice_date(t.clause)]
    if needs_invoice:
        when = (word("the_due_date", lang) if invoice_date is None
                else format_date(invoice_day, lang))
        notes.append(word("invoice_date_note", lang, names=", ".join(needs_invoice), when=when))
    notes.append(word("indemnity_note", lang,
                      indemnity=format_eur(STATUTORY_INDEMNITY_CENTS, lang)))
    fig.cgvlib_notes = " ".join(notes)  # type: ignore[attr-defined]
    if notes_in_figure:  # an app shows them beside the chart instead (cheaper redraws)
        fig.supxlabel(_wrap(fig.cgvlib_notes), fontsize=7.5, x=0.01, ha="left",
                      color="#404040")
    # what update_cost_chart needs to redraw this figure for another amount
    fig._cgv_cost = (tuple(chosen), due_day, invoice_day, days,  # type: ignore
                     bool(zoom), forced, tops[0][1] if zoom else None, lang)
    fig._cgv_groups = _all_groups(curves)  # type: ignore[attr-defined]
    return fig


def reading_groups(default: np.ndarray, others: Mapping[str, np.ndarray]
                   ) -> tuple[list[str], list[list[str]]]:
    """The other readings whose totals equal the default reading's on every day (drawn once,
    as the default line), and the rest grouped by equal totals, in their order: one line
    per group, so no line hides under another."""
    same = [r for r, values in others.items() if np.array_equal(values, default)]
    groups: list[list[str]] = []
    for reading, values in others.items():
        if reading in same:
            continue
        group = next((g for g in groups if np.array_equal(others[g[0]], values)), None)
        if group is None:
            groups.append([reading])
        else:
            group.append(reading)
    return same, groups


def coincidence_notes(name: str, same: list[str], groups: list[list[str]],
                      lang: str) -> list[str]:
    """The sentences saying which readings' curves coincide (and are drawn once)."""
    notes = []
    if same:
        key = "same_as_default_one" if len(same) == 1 else "same_as_default"
        notes.append(word(key, lang, name=name, count=len(same)))
    notes += [word("shared_dashed", lang, name=name, count=len(group))
              for group in groups if len(group) > 1]
    return notes


def _all_groups(curves) -> dict[str, tuple]:
    """Per vendor, the readings drawn as one line (:func:`reading_groups`): what a redraw for
    another amount must keep."""
    groups = {}
    for t, totals, others, _default, _written in curves:
        same, shared = reading_groups(totals, others)
        groups[t.id] = (tuple(same), tuple(map(tuple, shared)))
    return groups


@functools.lru_cache(maxsize=1024)
def _euro_tick(euros: int, lang: str) -> str:
    return axis_eur_text(euros, lang)


def _euro_ticks(lang: str) -> FuncFormatter:
    """The euro tick labels of :func:`~cgvlib.views.words.euro_axis` (whole euros), each
    label worded once: a chart redrawn for another amount mostly shows the same ticks."""
    check_lang(lang)
    return FuncFormatter(lambda value, _pos: _euro_tick(round(value), lang))


def _cost_title(cents: int, due_day: dt.date, lang: str) -> str:
    return word("cost_title", lang, amount=format_eur(cents, lang),
                due=format_date(due_day, lang))


def _zoom_title(rest_top: float, big: Terms, lang: str) -> str:
    return word("zoom_title", lang, top=axis_eur_text(rest_top * 1.12, lang),
                name=big.vendor.name)


def _cost_curves(chosen: list[Terms], cents: int, due_day: dt.date, days: int,
                 invoice_day: dt.date):
    """(terms, default totals, {reading: totals}, default reading, totals as written or None)
    for each line, the tops (highest first), the top of all but the highest, and whether a zoom
    panel is needed. The other readings are the clause's (lawful figures); the default
    reading's figure as written is kept only where the floor raised it on some day."""
    invoices = _invoices(cents // 100 if cents % 100 == 0 else cents / 100, due_day, days,
                         invoice_day)
    curves = []
    for t in chosen:
        frame = late_payment_frame(t.computed_on, invoices)
        default = frame.attrs.get("default_reading")
        totals = frame["total_cents"].to_numpy() / 100
        others = {r: frame[f"total_cents[{r}]"].to_numpy() / 100
                  for r in frame.attrs.get("readings") or []
                  if r != default and not r.endswith(AS_WRITTEN)}
        column = f"total_cents[{as_written_name(default)}]" if default else None
        written = frame[column].to_numpy() / 100 if column in frame.columns else None
        if written is not None and not (written < totals).any():
            written = None
        curves.append((t, totals, others, default, written))
    tops = sorted(((max([c[1].max(), *(o.max() for o in c[2].values())]), c[0].id)
                   for c in curves), reverse=True)
    rest_top = tops[1][0] if len(tops) > 1 else tops[0][0]
    zoom = len(tops) > 1 and rest_top > 0 and tops[0][0] > 3 * rest_top
    return curves, tops, rest_top, zoom


def update_cost_chart(fig: Figure, amount) -> bool:
    """Redraw a :func:`cost_by_days_late` figure in place for another invoice ``amount``: the
    lines' totals, the title, the y ranges and the zoom panel's title. Returns False (the
    figure untouched) when the new amount would change the chart's structure (the zoom panel
    appearing or going, another vendor running off the scale): draw a new figure then."""
    made = getattr(fig, "_cgv_cost", None)
    if made is None:
        return False
    chosen, due_day, invoice_day, days, zoom, forced, big_id, lang = made  # the Terms drawn
    cents = amount_cents(amount, "amount")
    curves, tops, rest_top, auto_zoom = _cost_curves(chosen, cents, due_day, days, invoice_day)
    if (not forced and auto_zoom != zoom) or (zoom and tops[0][1] != big_id):
        return False
    if _all_groups(curves) != getattr(fig, "_cgv_groups", None):
        return False  # other readings coincide at this amount: a new figure, new notes
    drawn = {line.get_gid() for axis in fig.axes for line in axis.get_lines()}
    if any((written is not None) != (f"as-written:{t.id}" in drawn)
           for t, _totals, _others, _default, written in curves):
        return False  # the floor raises another set of vendors: a new figure
    for t, totals, others, _default, written in curves:
        for axis in fig.axes:
            for line in axis.get_lines():
                gid = line.get_gid()
                if gid == f"vendor:{t.id}":
                    line.set_ydata(totals)
                elif gid == f"as-written:{t.id}":
                    line.set_ydata(written)
                elif gid.startswith(f"reading:{t.id}:"):
                    line.set_ydata(others[gid.split(":", 2)[2]])
    ax = fig.axes[0]
    ax.set_title(_cost_title(cents, due_day, lang), loc="left", fontsize=11, fontweight="bold")
    for axis in fig.axes:
        axis.set_autoscaley_on(True)
        axis.relim()
        axis.autoscale_view(scalex=False)
        axis.set_ylim(bottom=0)
    if zoom:
        big = next(t for t in chosen if t.id == big_id)
        fig.axes[1].set_ylim(0, rest_top * 1.12)
        fig.axes[1].set_title(_zoom_title(rest_top, big, lang), loc="left", fontsize=9)
    return True


def _wrap(text: str, width: int = 125) -> str:
    return "\n".join(textwrap.wrap(text, width))


# --------------------------------------------------------------------------- rates over time


def _semester_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    day = semester_start(start)
    out = []
    while day <= end:
        out.append(day)
        day = semester_end(day) + dt.timedelta(days=1)
    return out


def annual_rate(clause: LatePayment, day: dt.date, lang: str = "en") -> tuple[int, str]:
    """The annual rate (bp) of a clause's rule in ``day``'s semester, and how it was found (in
    ``lang``).

    A per-month rule counts as its annual equivalent (10 % per month = 120 % a year: x 12);
    an annual rule is :func:`~cgvlib.arithmetic.late_payment.annual_rate_bp` on ``day``. Taken
    on the semester's first day whatever ``rate_fixed_at`` says: a rate fixed at invoicing or
    at the start of the delay is the rate of the semester the invoice or delay falls in.
    """
    rule = clause.rule
    if rule.kind == "percent_per_month":
        bp = percent_to_bp(rule.percent, "percent") * MONTHS_PER_YEAR
        return bp, translate("{month} per month x 12 = {year} a year", lang).format(
            month=_percent(rule.percent, lang), year=_percent(bp_to_percent(bp), lang))
    bp, how = annual_rate_bp(rule, day)
    return bp, say(how, lang)


def penalty_rates(vendors=None, start="2015-01-01", end=None, lang: str = "en") -> pd.DataFrame:
    """Each vendor's annual penalty rate semester by semester, with the floor and the default.

    One row per (semester, vendor), semesters from the one holding ``start`` to the one holding
    ``end`` (default: the last semester both the legal rate and the ECB semester rate cover).
    Columns: ``semester`` ("2024-S1"), ``start``/``end`` (its days), ``vendor`` (id), ``name``,
    ``rate_bp``/``rate`` (the default reading's annual rate; a per-month rule x 12),
    ``floor_bp``/``floor`` (3 x the legal rate, :func:`cgvlib.minimum_late_rate`),
    ``default_bp``/``default`` (ECB semester rate + 10 points,
    :func:`cgvlib.statutory_late_rate`), ``below_floor`` (an agreed rate < floor, strictly: a
    clause at exactly 3 x the legal rate is not below it; the floor binds agreed rates only, «
    Sauf disposition contraire qui ne peut toutefois fixer un taux inférieur », so the statutory
    terms, and a vendor silent on late payment, are never below it, although the default was
    under 3 x the legal rate in 2024), ``terms`` (own clause or statutory) and ``how``.
    Rates in percent are exact ``Decimal``; ``terms`` and ``how`` in ``lang``.
    """
    check_lang(lang)
    chosen = _selection(vendors, with_statutory=False)
    first = as_date(start, "start")
    cov = coverage()
    last = cov.until if end is None else as_date(end, "end")
    if last < first:
        raise InputError(f"end: {last} is before start {first}; give an end on or after it")
    if semester_start(last) > cov.until:
        raise past_coverage_error("end", last)
    rows = []
    for semester in _semester_starts(first, last):
        floor = minimum_late_rate(semester).bp
        default = statutory_late_rate(semester).bp
        for t in chosen:
            own = t.computed_on is t.vendor and t.id != STATUTORY_ID
            bp, how = annual_rate(t.clause.default_reading(), semester, lang)
            rows.append({
                "semester": semester_label(semester), "start": semester,
                "end": semester_end(semester), "vendor": t.id, "name": t.vendor.name,
                "rate_bp": bp, "rate": bp_to_percent(bp),
                "floor_bp": floor, "floor": bp_to_percent(floor),
                "default_bp": default, "default": bp_to_percent(default),
                "below_floor": own and bp < floor,
                "terms": (word("silent_terms", lang) if t.note else translate(
                    "its own clause" if own else "the law's default terms", lang)),
                "how": how,
            })
    frame = pd.DataFrame(rows)
    frame.attrs["coverage"] = cov.words()
    return frame


BREACH_COLUMNS = ("vendor", "name", "semester", "start", "end", "rate_bp", "floor_bp",
                  "below_floor")


def breach_periods(rates: pd.DataFrame) -> pd.DataFrame:
    """The runs of consecutive semesters where a vendor's rate is below the floor, from a
    :func:`penalty_rates` frame: one row per run with ``vendor``, ``name``, ``first`` and
    ``last`` semester, ``start`` and ``end`` days, ``semesters`` (how many), and the widest gap
    below the floor (``largest_gap``, percentage points). A frame without the columns used
    is refused, naming the required and the given columns."""
    check_frame(rates, "rates", BREACH_COLUMNS)
    rows = []
    for vendor, group in rates.groupby("vendor", sort=False):
        group = group.sort_values("start")
        run: list = []
        for row in [*group.itertuples(), None]:
            if row is not None and row.below_floor:
                run.append(row)
                continue
            if run:
                rows.append({
                    "vendor": vendor, "name": run[0].name, "first": run[0].semester,
                    "last": run[-1].semester, "start": run[0].start, "end": run[-1].end,
                    "semesters": len(run),
                    "largest_gap": bp_to_percent(max(r.floor_bp - r.rate_bp for r in run)),
                })
                run = []
    columns = ["vendor", "name", "first", "last", "start", "end", "semesters", "largest_gap"]
    return pd.DataFrame(rows, columns=columns)


def _steps(frame: pd.DataFrame, column: str) -> tuple[list, list]:
    """Step-line points: each semester's start at its value, then the last semester's end."""
    x = [as_datetime(d) for d in frame["start"]]
    x.append(as_datetime(frame["end"].iloc[-1] + dt.timedelta(days=1)))
    y = list(frame[column] / 100)
    y.append(y[-1])
    return x, y


def penalty_rate_over_time(vendors=None, *, start="2015-01-01", end=None,
                           lang: str = "en") -> Figure:
    """Each vendor's annual late-penalty rate semester by semester, against the law.

    Lines: each vendor's default reading in its colour (a per-month rule as its annual
    equivalent), the L441-10 II floor (3 x the legal rate, ``FLOOR_COLOUR``, a wide band) and
    the statutory default (ECB semester rate + 10 points, black dashed). The y axis is
    logarithmic, so JANQUOR's 120 % a year fits beside rates of 2 %, and 2 x and 3 x the legal
    rate run parallel. Semesters where a vendor's rate is below the floor are shaded in a band
    of ``BREACH_SHADE`` per vendor at the top of the chart, one span per run of consecutive
    semesters, labelled with the vendor. A footnote says where the data ends and why.
    ``lang`` (``"en"`` or ``"fr"``): the language of the words and ticks
    (:mod:`cgvlib.views.words`).
    """
    check_lang(lang)
    rates = penalty_rates(vendors, start, end)
    chosen = _selection(vendors, with_statutory=False)
    semesters = rates.drop_duplicates("semester")
    breaches = breach_periods(rates)
    breaching = list(dict.fromkeys(breaches["vendor"]))
    first, last = semesters["semester"].iloc[0], semesters["semester"].iloc[-1]

    fig, ax = new_figure(
        word("rates_title", lang, first=first, last=last),
        xlabel=word("semester_axis", lang),
        ylabel=word("rate_axis", lang),
    )
    x, y = _steps(semesters, "floor_bp")
    ax.step(x, y, where="post", color=FLOOR_COLOUR, lw=6, alpha=0.35, gid="floor", zorder=2,
            label=word("floor_line", lang))
    x, y = _steps(semesters, "default_bp")
    ax.step(x, y, where="post", color=DEFAULT_COLOUR, lw=1.3, ls="--", gid="default", zorder=4,
            label=word("default_line", lang))
    drawn = [t for t in chosen if t.id != STATUTORY_ID]  # the statutory terms: the default line
    for t, width in zip(drawn, _line_widths(len(drawn)), strict=True):
        mine = rates[rates["vendor"] == t.id]
        x, y = _steps(mine, "rate_bp")
        label = t.label_in(lang)
        rule = t.clause.default_reading().rule
        if rule.kind == "percent_per_month":
            label += word("per_month_rule", lang, month=decimal_text(rule.percent, lang),
                          year=decimal_text(rule.percent * 12, lang))
        if (mine["rate_bp"] == mine["floor_bp"]).all():
            label += word("equals_floor", lang)
        elif (mine["rate_bp"] == mine[["floor_bp", "default_bp"]].max(axis=1)).all():
            label += word("equals_higher", lang)
        ax.step(x, y, where="post", color=t.colour, lw=width, gid=f"vendor:{t.id}", zorder=3,
                label=label)

    values = pd.concat([rates["rate_bp"], rates["floor_bp"], rates["default_bp"]]) / 100
    values = values[values > 0]
    low, high = float(values.min()) / 1.4, float(values.max()) * 1.4
    reserved = len(breaching) * (STRIP_HEIGHT + STRIP_GAP) + STRIP_GAP
    span = (math.log10(high) - math.log10(low)) / (1 - reserved)
    ax.set_yscale("log")
    ax.set_ylim(low, 10 ** (math.log10(low) + span))
    ax.yaxis.set_major_locator(FixedLocator(RATE_TICKS))
    ax.yaxis.set_major_formatter(percent_axis(lang))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_minor_formatter(NullFormatter())
    x0 = as_datetime(semesters["start"].iloc[0])
    x1 = as_datetime(semesters["end"].iloc[-1] + dt.timedelta(days=1))
    ax.set_xlim(x0, x1)
    date_axis(ax, yearly=True, lang=lang)

    middle = x0 + (x1 - x0) / 2
    for i, vendor in enumerate(breaching):
        top = 1 - STRIP_GAP - i * (STRIP_HEIGHT + STRIP_GAP)
        bottom = top - STRIP_HEIGHT
        runs = breaches[breaches["vendor"] == vendor]
        colour = vendor_colour(vendor)
        for run in runs.itertuples():
            words = (word("breach_run", lang, name=run.name, first=run.first, last=run.last)
                     if run.last != run.first
                     else word("breach_one", lang, name=run.name, first=run.first))
            s = as_datetime(run.start)
            e = as_datetime(run.end + dt.timedelta(days=1))
            ax.axvspan(s, e, ymin=bottom, ymax=top, facecolor=BREACH_SHADE, edgecolor=colour,
                       lw=1.0, gid=f"breach:{vendor}", zorder=1,
                       label=f"_{words}")
            inside = s < middle
            ax.text(s + dt.timedelta(days=40) if inside else s - dt.timedelta(days=40),
                    10 ** (math.log10(ax.get_ylim()[0]) + span * (bottom + top) / 2),
                    words, ha="left" if inside else "right", va="center", fontsize=8,
                    color="#303030", gid=f"breach-label:{vendor}", zorder=5)
    handles, labels = ax.get_legend_handles_labels()
    if breaching:  # one neutral legend entry for every vendor's band
        breach_label = word("breach_legend", lang)
        handles.append(Patch(facecolor=BREACH_SHADE, edgecolor="#808080", label=breach_label))
        labels.append(breach_label)
    ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8,
              frameon=False)
    cov = coverage()
    fig.supxlabel(_wrap(word("rates_note", lang, first=first, last=last,
                             semester=cov.last_semester, coverage=cov.words(lang))),
                  fontsize=7.5, x=0.01, ha="left", color="#404040")
    return fig


__all__ = [
    "Coverage",
    "Terms",
    "annual_rate",
    "breach_periods",
    "cost_by_days_late",
    "coverage",
    "default_vendors",
    "late_payment_table",
    "late_payments",
    "penalty_rate_over_time",
    "penalty_rates",
    "terms_of",
    "update_cost_chart",
]
