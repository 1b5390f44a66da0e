"""PriceApp driven from pytest: controls set by value, results, figure and table checked.

Hand-worked figures (data/rates/syntec_index.csv): Leappy 1,000 EUR signed 2023-03-15 is
1000 x 313.3 / 293.9 = 1,066.01 EUR after its 2024-07-01 revision and stops on 2025-01-01
(the 2025-01-01 revision needs the index of 2024-11, a gap); 2,000 EUR gives 2,132.02 EUR
(2000 x 313.3 / 293.9 = 2132.0177); JANQUOR with a volume deviation of +12 % each year:
1000 x 1.03 x 1.03 = 1,060.90 EUR on 2025-10-31.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

import pytest

from cgvlib.apps.prices import PriceApp
from cgvlib.errors import InputError


def gids(app, prefix):
    return [a.get_gid().split(":")[1] for a in app.figure.axes[0].get_lines()
            if (a.get_gid() or "").startswith(prefix)]


@pytest.fixture
def app():
    return PriceApp(vendors=("leappy", "iosmart"), price=1000, start="2023-03-15",
                    until="2025-10-31", lang="en")


def test_controls_are_named_for_what_they_set(app):
    assert list(app.controls) == ["vendors", "price", "start", "until", "volume_known",
                                  "volume_deviation_percent", "assume_last"]
    assert dict(app.controls["vendors"].options)["Leappy SAS"] == "leappy"
    assert app.controls["start"].value == "2023-03-15"  # typed as text (15/03/2023 in French)


def test_initial_results_figure_and_table(app):
    assert app.error is None
    assert list(app.results) == ["leappy", "iosmart"]
    leappy = app.results["leappy"]
    assert leappy.result.price == Decimal("1066.01")
    assert leappy.at == dt.date(2025, 1, 1)
    assert "Syntec index of 2024-11" in leappy.stopped
    assert gids(app, "price:") == ["leappy", "iosmart"]
    assert list(app.frame.index) == ["Leappy SAS", "ioSmart"]
    assert app.frame.loc["ioSmart", "revised price (EUR)"] == Decimal("1000.00")
    assert list(app.frame.columns) == ["clause", "price at", "revised price (EUR)",
                                       "worst case (EUR)", "revisions applied",
                                       "index values used", "path stops"]


def test_changing_the_price_recomputes_and_redraws(app):
    app.controls["price"].value = 2000
    assert app.results["leappy"].result.price == Decimal("2132.02")
    line = next(a for a in app.figure.axes[0].get_lines() if a.get_gid() == "price:leappy")
    assert round(line.get_ydata()[-1], 2) == 2132.02
    before = app.computations
    app.controls["price"].value = 1000  # a value already seen: memoised
    assert app.computations == before
    assert app.results["leappy"].result.price == Decimal("1066.01")


def test_adding_a_vendor_computes_only_that_vendor(app):
    assert app.path_computations == 2
    app.controls["vendors"].value = ("leappy", "iosmart", "teogest")
    assert app.path_computations == 3
    assert gids(app, "price:") == ["leappy", "iosmart", "teogest"]
    assert gids(app, "stop:") == ["leappy", "teogest"]


def test_volume_deviation_moves_janquor_only(app):
    app.controls["vendors"].value = ("leappy", "janquor")
    assert app.results["janquor"].result.price == Decimal("1000.00")
    assert app.results["janquor"].result.worst_case_price == Decimal("1060.90")
    assert "janquor" in gids(app, "worst:")
    computed = app.path_computations
    app.controls["volume_known"].value = True
    app.controls["volume_deviation_percent"].value = 12
    assert app.results["janquor"].result.price == Decimal("1060.90")
    assert "janquor" not in gids(app, "worst:")
    assert app.path_computations == computed + 2  # JANQUOR at 0 %, then at 12 %; Leappy cached


@pytest.mark.parametrize(("control", "value", "message"), [
    ("price", -5.0, "price: '-5' is negative"),  # a text field: its text
    ("price", 1000.005, "price: '1000.005' has fractions of a cent"),
    ("until", dt.date(2022, 1, 1), "until: 2022-01-01 is before the date the price was set"),
    ("until", None, "until: empty; write a date such as 15/03/2024"),
    ("start", None, "start: empty; write a date such as 15/03/2024"),
    ("start", "31/02/2023", "start: '31/02/2023' is not a calendar date: February 2023 has 28"),
    ("vendors", (), "vendors: choose at least one vendor"),
])
def test_bad_values_show_a_message_and_keep_the_last_figure(app, control, value, message):
    figure, results = app.figure, app.results
    app.controls[control].value = value
    assert app.error is not None and app.error.startswith(message)
    assert html.escape(message) in app.message.value  # the message line is HTML
    assert app.figure is figure and app.results is results


def test_a_bad_value_then_a_good_one_clears_the_message(app):
    app.controls["price"].value = -1.0
    assert app.error
    app.controls["price"].value = 1000.0
    assert app.error is None and app.message.value == ""


def test_unknown_vendor_is_refused_when_building_the_app():
    with pytest.raises(InputError, match="vendors: unknown or without a price revision clause"):
        PriceApp(vendors=("nobody",), lang="en")


def test_a_new_price_updates_the_same_figure_in_place(app):
    figure = app.figure
    app.controls["price"].value = 2000
    # Leappy's last revision at 2000 EUR: 2,000 x 313.3 / 293.9 (S2 = 2024-05, S1 = 2023-01,
    # the chained ratios telescoping) = 2,132.017... -> 2,132.02 EUR
    assert app.figure is figure and app.figure_changed
    line = next(a for a in figure.axes[0].get_lines() if a.get_gid() == "price:leappy")
    assert round(float(line.get_ydata()[-1]), 2) == 2132.02


def test_the_box_carries_the_last_index_forward_and_marks_the_price_provisional():
    # Leappy, price 1,000.00 EUR set on 2025-11-15, to 2026-12-31. The Syntec data ends with
    # 2025-10 (322.2, published 2025-11-28), so the 2026-01-01 revision's S2 (the index last
    # published on that day: 2025-11) is missing and the path stops there.
    app = PriceApp(vendors=["leappy"], start="2025-11-15", until="2026-12-31", lang="en")
    unticked = app.results["leappy"]
    assert unticked.at == dt.date(2026, 1, 1) and "after the end of the data" in unticked.stopped
    # Ticked: 2025-10 carried forward. 2026-01-01: S1 = 321.7 (2025-09, the last published at
    # the signature), S2 = 322.2 (carried): 1,000.00 x 322.2 / 321.7 = 1,001.554... -> 1,001.55;
    # 2026-07-01: S1 = S2 = 322.2 (carried), unchanged.
    app.controls["assume_last"].value = True
    ticked = app.results["leappy"]
    assert ticked.stopped is None and ticked.at == dt.date(2026, 12, 31)
    assert ticked.result.price == Decimal("1001.55") and ticked.result.provisional
    app.controls["assume_last"].value = False  # untick: the data alone again, no carried value
    assert app.results["leappy"].at == dt.date(2026, 1, 1)


def test_the_legend_is_html_under_the_chart(app):
    # the chart alone in the PNG; under it, one entry per vendor line (its clause in a few
    # words), then the revision marker and the stop marker (Leappy stops on 2025-01-01)
    assert app.figure.axes[0].get_legend() is None
    legend = html.unescape(app.legend.value)
    assert "<span>Leappy SAS: Syntec each January and July (P2 = P1 x S2/S1)</span>" in legend
    assert "<span>ioSmart: no revision of running orders</span>" in legend
    assert legend.index("Leappy SAS:") < legend.index("ioSmart:")
    assert 'stroke="#cc79a7"' in legend  # Leappy's colour
    before = app.legend.value
    app.controls["price"].value = 2000
    assert app.legend.value == before
