"""Every chart is readable: rendered for each of the five vendors, in French and in English,
with the report's default scenario (the ``parameters`` cell of ``notebooks/report.ipynb``:
an invoice of 10,000 EUR due 2024-03-01 and paid 2024-04-15, 0.5 % unavailability on a
1,000 EUR month, a contract started 2024-01-31 and a termination letter sent 2024-12-05).

Three rules, checked on every axes of every figure:

- no empty panel: an axes draws data (a line with points, a bar or patch, a filled area) or
  carries a sentence saying why there is nothing;
- no line hidden under another: two lines with the same points differ both in colour and in
  look (line style, marker or width); otherwise the chart draws one line and says the series
  coincide;
- the year on every date axis: the first tick label in view carries a four-digit year, and
  so does every tick on the first day of a year.

The rules themselves are tested on hand-made figures first, so that a rule that could never
fail would show here.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re

import matplotlib
import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import numpy as np
import pytest
from matplotlib.figure import Figure

from cgvlib.report.sections import prepare
from cgvlib.views.notice import exit_cost_by_date, notice_by_tenure
from cgvlib.views.prices import price_paths_chart, syntec_chart
from cgvlib.views.sla import downtime_budget_chart
from cgvlib.views.style import date_axis

matplotlib.use("Agg")

FIVE = ["janquor", "iosmart", "teogest", "leappy", "gout"]
LANGS = ["fr", "en"]
# what matplotlib puts on an axis given dates (the switchable one by default)
DATE_CONVERTERS = (mdates.DateConverter, mdates.ConciseDateConverter,
                   mdates._SwitchableDateConverter)
YEAR = re.compile(r"\b(19|20)\d\d\b")
# the report's default scenario (notebooks/report.ipynb, cell "parameters")
SCENARIO = {"invoice_amount": 10000, "due": "2024-03-01", "paid": "2024-04-15",
            "invoice_date": None, "unavailability_percent": 0.5, "monthly_amount": 1000,
            "contract_start": "2024-01-31", "notice_date": "2024-12-05",
            "commitment_months": None}


# --------------------------------------------------------------------------- the rules


def _has_points(line) -> bool:
    x = np.asarray(line.get_xdata(), dtype=object)
    return line.get_visible() and x.size > 0


def _draws_something(ax) -> bool:
    return (any(_has_points(line) for line in ax.lines)
            or any(p.get_visible() for p in ax.patches)
            or any(c.get_visible() for c in ax.collections)
            or any(i.get_visible() for i in ax.images))


def _says_something(ax) -> bool:
    return any(t.get_visible() and t.get_text().strip() for t in ax.texts)


def empty_axes(fig: Figure) -> list[str]:
    """The titles (or positions) of the visible axes that draw nothing and say nothing."""
    return [ax.get_title(loc="left") or ax.get_title() or f"axes {i}"
            for i, ax in enumerate(fig.axes)
            if ax.get_visible() and not _draws_something(ax) and not _says_something(ax)]


def _points(line) -> tuple:
    x = np.asarray(mdates.date2num(line.get_xdata()) if _is_dates(line.get_xdata())
                   else line.get_xdata(), dtype=float)
    return tuple(x.tolist()), tuple(np.asarray(line.get_ydata(), dtype=float).tolist())


def _is_dates(values) -> bool:
    return len(values) > 0 and isinstance(values[0], dt.date | np.datetime64)


def _look(line) -> tuple:
    return line.get_linestyle(), line.get_marker(), round(line.get_linewidth(), 2)


def hidden_lines(fig: Figure) -> list[tuple[str, str]]:
    """Pairs of lines of one axes with the same points that cannot be told apart: in the same
    colour (a dashed line over a solid one of its colour vanishes), or with the same look
    (line style, marker, width), where the one drawn last hides the other whatever the
    colours. Lines with the same points stay readable only in other colours and looks (a
    narrow line inside a wide one, a dashed one over a solid one)."""
    pairs = []
    for ax in fig.axes:
        drawn = [line for line in ax.lines if _has_points(line)]
        for i, first in enumerate(drawn):
            for line in drawn[i + 1:]:
                if _points(first) != _points(line):
                    continue
                if (mcolors.same_color(first.get_color(), line.get_color())
                        or _look(first) == _look(line)):
                    pairs.append((first.get_label(), line.get_label()))
    return pairs


def _date_axes(fig: Figure):
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            converter = axis.get_converter()
            if axis.get_visible() and isinstance(converter, DATE_CONVERTERS):
                yield axis


def yearless_date_ticks(fig: Figure) -> list[str]:
    """Date tick labels that should carry the year and do not: the first one in view, and
    any on 1 January."""
    fig.draw_without_rendering()
    missing = []
    for axis in _date_axes(fig):
        low, high = sorted(axis.get_view_interval())
        ticks = [(loc, label.get_text()) for loc, label
                 in zip(axis.get_majorticklocs(), axis.get_majorticklabels(), strict=True)
                 if low - 1e-9 <= loc <= high + 1e-9 and label.get_text()]
        for i, (loc, text) in enumerate(ticks):
            day = mdates.num2date(loc)
            if (i == 0 or (day.month, day.day) == (1, 1)) and not YEAR.search(text):
                missing.append(text)
    return missing


# --------------------------------------------------------------------------- the rules fail


def _figure():
    fig = Figure()
    return fig, fig.add_subplot()


def test_an_axes_that_draws_and_says_nothing_is_found():
    fig, ax = _figure()
    ax.set_title("empty")
    assert empty_axes(fig) == ["empty"]
    ax.text(0.5, 0.5, "No clause to chart: the terms are silent.")
    assert empty_axes(fig) == []


def test_two_identical_lines_in_one_style_are_found():
    fig, ax = _figure()
    ax.plot([1, 2, 3], [4, 5, 6], "-", color="red", label="a")
    ax.plot([1, 2, 3], [4, 5, 6], "-", color="blue", label="b")
    assert hidden_lines(fig) == [("a", "b")]  # the blue line covers the red one
    ax.lines[1].set_linestyle("--")
    assert hidden_lines(fig) == []  # red shows between the blue dashes
    ax.lines[1].set_color("red")
    assert hidden_lines(fig) == [("a", "b")]  # red dashes over red: one line


def test_a_date_axis_without_its_year_is_found():
    fig, ax = _figure()
    ax.plot([dt.date(2024, 2, 1), dt.date(2025, 6, 1)], [0, 1])
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m"))
    # ticks 04, 07, 10, 01 (2025), 04: the first and the January one lack the year
    assert yearless_date_ticks(fig) == ["04", "01"]


@pytest.mark.parametrize("lang, first, january", [("fr", "avr. 2024", "2025"),
                                                  ("en", "Apr 2024", "2025")])
def test_the_shared_date_axis_gives_the_year(lang, first, january):
    fig, ax = _figure()
    ax.plot([dt.date(2024, 3, 20), dt.date(2025, 6, 1)], [0, 1])
    ax.set_xlim(dt.date(2024, 3, 20), dt.date(2025, 6, 1))  # no margin: April first in view
    date_axis(ax, lang=lang)
    ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
    assert yearless_date_ticks(fig) == []
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == first and january in labels


# --------------------------------------------------------------------------- every chart


def _call(function, *args, lang, **kwargs):
    """``function`` in ``lang`` when it takes a language (charts that have no words to
    translate take none)."""
    if "lang" in inspect.signature(function).parameters:
        kwargs["lang"] = lang
    return function(*args, **kwargs)


# the term length where the order sets it (GOUT art. 7 C: « indiquée sur le devis »)
ORDER_TERMS = {"gout": 12}
# the vendors whose préavis grows with tenure (Teogest art. 20: 1 month + 1 per full year)
TENURE_VENDORS = {"teogest"}


def charts(report) -> dict[str, Figure]:
    """Every chart of the report and of the apps for the report's vendor in its language."""
    vendor_id, lang = report.p.vendors[0], report.p.lang
    figures = {
        "late payment cost": report.late_payment_chart(),
        "penalty rate": report.penalty_rate_chart(),
        "renewal": report.renewal_chart(),
        "findings": report.findings_chart(),
        "exit cost": _call(exit_cost_by_date, vendor_id, "2024-01-31", monthly_amount=1000,
                           notice_sent="2024-12-05", lang=lang,
                           commitment_months=ORDER_TERMS.get(vendor_id)),
        "price paths": _call(price_paths_chart, [vendor_id], 1000, "2024-01-31",
                             "2024-12-05", lang=lang),
        "syntec": _call(syntec_chart, lang=lang),
    }
    for i, chart in enumerate(report.sla_charts()):
        figures[f"credit tiers {i}"] = chart
    if report.sla_credits:
        figures["downtime budget"] = _call(downtime_budget_chart, vendor=vendor_id, lang=lang)
    if vendor_id in TENURE_VENDORS:
        figures["notice by tenure"] = _call(notice_by_tenure, vendor_id, lang=lang)
    return figures


@pytest.fixture(scope="module", params=[(v, lang) for v in FIVE for lang in LANGS],
                ids=lambda p: f"{p[0]}-{p[1]}")
def report(request):
    vendor_id, lang = request.param
    return prepare(vendors=[vendor_id], lang=lang, **SCENARIO)


@pytest.fixture(scope="module")
def rendered(report):
    figures = charts(report)
    yield figures
    for fig in figures.values():
        fig.clear()


def test_the_charts_of_every_vendor_are_found(report, rendered):
    # the seven charts every vendor has, and Teogest's service levels (annex 2) and
    # tenure-based préavis (art. 20), which no other text has
    teogest = {"credit tiers 0", "downtime budget", "notice by tenure"}
    assert set(rendered) == {"late payment cost", "penalty rate", "renewal", "findings",
                             "exit cost", "price paths", "syntec",
                             *(teogest if report.p.vendors == ("teogest",) else ())}


def test_no_panel_is_empty(rendered):
    assert {name: empty_axes(fig) for name, fig in rendered.items() if empty_axes(fig)} == {}


def test_no_line_hides_another(rendered):
    assert {name: hidden_lines(fig) for name, fig in rendered.items() if hidden_lines(fig)} == {}


def test_every_date_axis_gives_the_year(rendered):
    missing = {name: yearless_date_ticks(fig) for name, fig in rendered.items()}
    assert {name: ticks for name, ticks in missing.items() if ticks} == {}


@pytest.mark.parametrize("section", ["late_payment", "sla", "exit"])
def test_the_working_is_never_empty(report, section):
    # under its heading ("Détail du calcul" / "The working"), each vendor of the report gets
    # its working folded, or a sentence saying why there is none (silent terms, a term
    # length left to the order)
    heading = {"fr": "Détail du calcul", "en": "The working"}[report.p.lang]
    page = report.working(section).data
    first, *rest = page.split("\n")
    assert first == f"<p><b>{heading}</b></p>"
    name = report.name(report.p.vendors[0])
    assert rest and rest[0].startswith((f"<details><summary>{name}</summary><pre>",
                                        f"<p>{name} : ", f"<p>{name}: "))
    assert rest[0] not in (f"<p>{name} : </p>", f"<p>{name}: </p>")


@pytest.mark.parametrize("lang", LANGS)
def test_the_comparison_page_charts_are_readable(lang):
    # the five vendors together (report --together): their lines share the axes
    report = prepare(vendors=FIVE, lang=lang, **SCENARIO)
    figures = {"late payment cost": report.late_payment_chart(),
               "penalty rate": report.penalty_rate_chart(), "renewal": report.renewal_chart(),
               "findings": report.findings_chart(),
               "price paths": price_paths_chart(FIVE, 1000, "2024-01-31", "2024-12-05")}
    for name, fig in figures.items():
        assert (empty_axes(fig), hidden_lines(fig), yearless_date_ticks(fig)) == ([], [], []), name
        fig.clear()
