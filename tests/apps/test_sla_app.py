"""Driving the SLA app as a reader would: type a downtime, pick a month, change the invoice.

Hand-worked figures (Teogest annexe 2 A.6; no planned maintenance unless said):
- March 2024 has 31 days = 2,678,400 s. 1 h 30 = 5,400 s -> 0.2016129... %: in the gap
  (0.2, 0.21); lower tier 0 % -> 0.00 EUR, upper tier (default) 3 % of 1,234.56 EUR
  = 37.0368 -> 37.04 EUR. Claim by 30 April 2024 (30 days after 31 March).
- 8 h = 28,800 s -> 1.0752688... %, tier 1.01–1.5 %: 13 % of 1,234.56 = 160.4928 -> 160.49 EUR.
- February 2024 has 29 days = 2,505,600 s; with 2 h of planned maintenance the theoretical
  time is 2,498,400 s and 1 h 30 gives 5,400 / 2,498,400 x 100 = 75/347 % = 0.216... %,
  tier 0.21–0.5 %: 3 %. Claim by 30 March 2024 (29 February + 30 days).
- March 2024 lasts 744 h, so 745 h of downtime is impossible.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from fractions import Fraction

import PIL.Image
import PIL.ImageChops
import pytest

from cgvlib.apps.sla import SlaApp
from cgvlib.errors import InputError


@pytest.fixture
def app():
    return SlaApp(vendor="teogest", month="2024-03", downtime="1h30", planned_maintenance="0",
                  invoice_amount=1234.56, lang="en")


def markers(figure):
    return [line for line in figure.axes[0].get_lines() if line.get_gid() == "marker"]


def test_controls_are_named_for_what_they_set(app):
    assert list(app.controls) == ["vendor", "month", "downtime", "planned_maintenance",
                                  "invoice_amount"]
    assert app.controls["vendor"].options == (("Teogest", "teogest"),)
    months = app.controls["month"].options  # (name, YYYY-MM)
    assert ("March 2024", "2024-03") in months
    assert months[0] == ("March 2022", "2022-03") and months[-1] == ("March 2025", "2025-03")


def test_a_rate_in_a_gap_keeps_both_readings(app):
    assert app.error is None
    assert app.results.unavailability.percent == Fraction(5400 * 100, 2_678_400)
    assert app.results.ambiguous
    assert set(app.results.readings) == {"lower_tier", "upper_tier"}
    assert app.results.sla_credit.amount == Decimal("37.04")
    frame = app.frame
    assert list(frame.columns) == ["reading", "unavailability", "tier", "credit percent",
                                   "amount (EUR)", "cap applied", "ambiguous", "claim deadline"]
    assert list(frame["reading"]) == ["lower tier", "upper tier (default)"]
    assert list(frame["tier"]) == ["0–0.2 %", "0.21–0.5 %"]
    assert list(frame["amount (EUR)"]) == [Decimal("0.00"), Decimal("37.04")]
    assert list(frame["ambiguous"]) == [True, True]
    assert list(frame["cap applied"]) == [False, False]
    assert list(frame["claim deadline"]) == [dt.date(2024, 4, 30)] * 2
    assert sorted(m.get_ydata()[0] for m in markers(app.figure)) == [0, 3]


def test_changing_the_downtime_gives_a_new_credit(app):
    app.controls["downtime"].value = "8h"
    assert app.error is None
    assert not app.results.ambiguous
    assert app.results.sla_credit.tier == "1.01–1.5 %"
    assert app.results.sla_credit.amount == Decimal("160.49")
    assert list(app.frame["reading"]) == ["single reading"]
    assert list(app.frame["credit percent"]) == [Decimal(13)]
    (marker,) = markers(app.figure)
    assert marker.get_ydata()[0] == 13


def test_planned_maintenance_shortens_the_month(app):
    app.controls["month"].value = "2024-02"
    app.controls["planned_maintenance"].value = "2h"
    assert app.results.unavailability.theoretical_seconds == 2_498_400
    assert app.results.unavailability.percent == Fraction(75, 347)
    assert app.results.sla_credit.percent == 3
    assert not app.results.ambiguous
    assert list(app.frame["claim deadline"]) == [dt.date(2024, 3, 30)]


def test_results_are_memoised_by_the_controls_values(app):
    app.controls["downtime"].value = "8h"
    seen = app.computations
    app.controls["downtime"].value = "1h30"
    app.controls["downtime"].value = "8h"
    assert app.computations == seen
    assert app.results.sla_credit.amount == Decimal("160.49")


def test_a_new_invoice_reuses_the_rate_and_the_figure(app):
    rates, figure = app.rate_computations, app.figure
    app.controls["invoice_amount"].value = 2000.0
    assert app.rate_computations == rates
    assert app.figure is figure
    assert app.results.sla_credit.amount == Decimal("60.00")  # 3 % of 2,000
    assert list(app.frame["amount (EUR)"]) == [Decimal("0.00"), Decimal("60.00")]


def test_another_downtime_moves_the_marker_on_the_same_figure(app):
    figure = app.figure
    app.controls["downtime"].value = "8h"  # 1.0752688... %: tier 1.01-1.5 %, 13 %
    assert app.figure is figure and app.figure_changed
    (marker,) = markers(figure)  # the two markers of the gap are gone
    assert (marker.get_xdata()[0], marker.get_ydata()[0]) == (
        pytest.approx(float(Fraction(28_800 * 100, 2_678_400))), 13)
    assert all(line.get_gid() != "marker" for ax in figure.axes[1:] for line in ax.get_lines())
    assert "1,075" not in app.legend.value and "1.075" in app.legend.value


def test_the_page_shows_the_same_png_as_a_chart_drawn_afresh(app):
    app.shown_png()
    app.controls["downtime"].value = "8h"
    app.shown_png()
    app.controls["downtime"].value = "1h30"  # back to the gap, on the chart drawn for 8 h
    moved = PIL.Image.open(io.BytesIO(app.shown_png())).convert("RGB")
    fresh = SlaApp(vendor="teogest", month="2024-03", downtime="1h30", lang="en")
    drawn = PIL.Image.open(io.BytesIO(fresh.shown_png())).convert("RGB")
    assert moved.size == drawn.size == (1000, 720)
    assert PIL.ImageChops.difference(moved, drawn).getbbox() is None


def test_a_downtime_past_the_scale_draws_a_new_figure(app):
    figure = app.figure
    app.controls["downtime"].value = "24h"  # 86,400 / 2,678,400 = 3.2258... %: past 2 %
    assert app.figure is not figure
    assert app.figure.axes[0].get_xlim()[1] == pytest.approx(100 * 86_400 / 2_678_400 * 1.1)
    (marker,) = markers(app.figure)
    assert marker.get_ydata()[0] == 20


@pytest.mark.parametrize(("control", "value", "says"), [
    ("downtime", "une heure", "downtime: 'une heure' is not a duration; type '1h30'"),
    ("downtime", "", "downtime: empty"),
    ("downtime", "-10", "downtime: '-10' is negative"),
    ("downtime", "745h", "downtime: 2682000 s exceeds the theoretical total time of 2024-03"),
    ("planned_maintenance", "1:7", "planned_maintenance: '1:7' is not a duration"),
    ("planned_maintenance", "744h", "planned_maintenance: 2678400 s leaves no service time"),
    ("invoice_amount", -100.0, "invoice_amount: '-100' is negative"),  # its text
    ("invoice_amount", 12.345, "invoice_amount: '12.345' has fractions of a cent"),
])
def test_a_bad_value_shows_a_message_and_keeps_the_last_figure(app, control, value, says):
    figure, results, frame = app.figure, app.results, app.frame
    app.controls[control].value = value
    assert app.error is not None and app.error.startswith(says)
    assert says.split(":")[0] in app.message.value
    assert app.figure is figure and app.results is results and app.frame is frame
    # a good value clears the message
    app.controls["downtime"].value = "8h"
    app.controls["planned_maintenance"].value = "0"
    app.controls["invoice_amount"].value = 1234.56
    assert app.error is None and app.message.value == ""


def test_a_vendor_without_sla_is_refused():
    with pytest.raises(InputError, match="states no service level"):
        SlaApp(vendor="leappy", month="2024-03", lang="en")
