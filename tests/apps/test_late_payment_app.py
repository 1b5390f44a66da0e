"""The late-payment app driven from pytest, and the lesson's exercises.

Expected figures are worked by hand (rates from data/rates/): 10,000 EUR due 2024-03-01 paid
2024-04-15 is 45 days late, delay 2024-03-02..2024-04-15 in 2024-S1 (legal rate 5.07 %, ECB
rate on 1 January 2024 4.50 %):
- statutory: 14.50 % x 45 / 365 x 10,000 = 178.767 -> 178.77, + 40 = 218.77 EUR;
- GOUT and ioSmart: 15.21 % -> 187.520 -> 187.52, + 40 = 227.52 EUR;
- Leappy: 10.14 % -> 125.013 -> 125.01, + 40 = 165.01 EUR;
- Teogest (day 31 after the invoice date, the due date when none is given): 15 days at
  8.07 % -> 33.164 -> 33.16, + 40 = 73.16 EUR;
- JANQUOR: 10 % x 45 x 12 / 365 x 10,000 = 1,479.452 -> 1,479.45, + 40 = 1,519.45 EUR.
"""

from __future__ import annotations

import datetime as dt
import html
import struct
from decimal import Decimal

import pytest

from cgvlib.apps.late_payment import LatePaymentApp, law_exercises

ALL = ("janquor", "iosmart", "teogest", "leappy", "gout", "statutory")


@pytest.fixture
def app():
    return LatePaymentApp(amount=10_000, due="2024-03-01", paid="2024-04-15", lang="en")


def test_controls_and_defaults(app):
    assert set(app.controls) == {"vendors", "amount", "due", "paid", "invoice_date",
                                 "assume_last"}
    assert app.controls["assume_last"].value is False  # the data alone unless asked
    assert app.controls["assume_last"].description == (
        "Carry the last known values forward (provisional)")
    assert app.controls["vendors"].value == ALL
    assert dict(app.controls["vendors"].options)["Teogest"] == "teogest"
    assert app.controls["invoice_date"].value == ""  # a date typed as text: empty
    assert app.error is None
    assert app.computations == 1
    assert app.vendor_computations == 6


def test_results_per_vendor(app):
    totals = {vid: app.results[vid].total for vid in ALL}
    # 10,000 EUR due 2024-03-01, paid 2024-04-15 (45 days). Lawful figures, never below
    # 3 x 5.07 = 15.21 % (2024-S1): Teogest 15 days from day 31 (2024-04-01) at the floor:
    # 62.507 -> 62.51 + 40 = 102.51 (as written at 8.07 %: 73.16); Leappy 45 days at the floor:
    # 187.52 + 40 = 227.52 (as written at 2 x 5.07 = 10.14 %: 165.01); ioSmart and GOUT at
    # 15.21 % already; JANQUOR 10 % x 45 x 12 / 365 a month = 1,479.45 + 40
    assert totals == {
        "janquor": Decimal("1519.45"), "iosmart": Decimal("227.52"),
        "teogest": Decimal("102.51"), "leappy": Decimal("227.52"),
        "gout": Decimal("227.52"), "statutory": Decimal("218.77"),
    }
    assert app.results["teogest"].as_written.total == Decimal("73.16")
    assert app.results["leappy"].as_written.total == Decimal("165.01")
    assert app.results.days_late == 45
    assert app.results["teogest"].ambiguous


def test_figure_has_a_line_per_vendor_and_the_marker(app):
    ax = app.figure.axes[0]
    gids = {line.get_gid() for line in ax.get_lines()}
    assert {f"vendor:{v}" for v in ALL} <= gids
    marker = next(line for line in ax.get_lines() if line.get_gid() == "marker")
    assert list(marker.get_xdata()) == [45, 45]
    assert ax.get_xlim() == (0, 120)


def test_table(app):
    table = app.frame
    assert list(table.index) == ["JANQUOR", "ioSmart", "Teogest", "Leappy SAS", "Michaël GOUT",
                                 "Statutory default (Code de commerce)"]
    assert table.loc["Teogest", "total"] == "102.51 EUR"
    assert table.loc["Teogest", "as written"] == "73.16 EUR (the floor adds 29.35 EUR)"
    assert table.loc["JANQUOR", "rates"] == "10.00 % per month"
    assert table.loc["JANQUOR", "as written"] is None
    # JANQUOR's other readings, + 40 each: 45 days / 30 = 1.5 months x 10 % = 1,500;
    # 2 March..1 April one whole month, then 14 days of April's 30: 1.4667 x 1,000 = 1,466.67;
    # 2 started months x 10 % = 2,000
    assert table.loc["JANQUOR", "other readings"] == (
        "prorata_30: 1,540.00 EUR; prorata_months: 1,506.67 EUR; started: 2,040.00 EUR")
    assert table.loc["Statutory default (Code de commerce)", "days_late"] == 45


def test_adding_a_vendor_computes_only_that_vendor():
    app = LatePaymentApp(vendors=["teogest"], amount=10_000, due="2024-03-01",
                         paid="2024-04-15", lang="en")
    assert app.vendor_computations == 1
    app.controls["vendors"].value = ("teogest", "leappy")
    assert app.vendor_computations == 2
    assert set(app.results.results) == {"teogest", "leappy"}
    app.controls["vendors"].value = ("teogest",)
    assert app.vendor_computations == 2
    assert app.computations == 2  # set back to a value already seen: memoised


def test_invoice_date_recomputes_only_the_vendors_that_read_it(app):
    before = app.vendor_computations
    app.controls["invoice_date"].value = dt.date(2024, 1, 31)
    # Teogest, Leappy and GOUT read the invoice date; JANQUOR, ioSmart, statutory do not
    assert app.vendor_computations == before + 3
    # Teogest day 31 after 2024-01-31 = 2024-03-02: the whole 45 days at the floor 15.21 %:
    # 187.52 + 40 = 227.52 (as written at 8.07 %: 99.49 + 40 = 139.49)
    assert app.results["teogest"].total == Decimal("227.52")
    assert app.results["teogest"].as_written.total == Decimal("139.49")
    app.controls["invoice_date"].value = None
    assert app.vendor_computations == before + 3
    assert app.results["teogest"].total == Decimal("102.51")


def test_changing_the_payment_date_moves_the_marker(app):
    app.controls["paid"].value = dt.date(2024, 9, 1)  # 184 days late
    assert app.error is None
    marker = next(line for line in app.figure.axes[0].get_lines() if line.get_gid() == "marker")
    assert list(marker.get_xdata()) == [184, 184]
    assert app.figure.axes[0].get_xlim() == (0, 210)  # 184 rounded up to 7 x 30 days
    # statutory: 2024-03-02..2024-06-30 = 121 days at 14.50 %, 2024-07-01..2024-09-01 = 63
    # days at 14.25 %: 1,000,000 cents x (1450 x 121 + 1425 x 63) / 3,650,000
    # = 1,000,000 x 265,225 / 3,650,000 = 72,664.38 cents -> 726.64 EUR, + 40
    assert app.results["statutory"].total == Decimal("766.64")


@pytest.mark.parametrize(("control", "value", "message"), [
    ("paid", dt.date(2024, 2, 1), "before the due date 2024-03-01"),
    ("amount", -100.0, "amount: '-100' is negative"),  # a text field: its text
    ("amount", 10.005, "fractions of a cent"),
    ("vendors", (), "vendors: none chosen"),
    ("paid", dt.date(2026, 8, 1), "The scenario reaches past the reference data"),
    ("invoice_date", dt.date(2024, 3, 5), "after the due date"),
    ("due", None, "due: empty"),
])
def test_bad_values_show_a_message_and_keep_the_last_figure(app, control, value, message):
    figure, results = app.figure, app.results
    app.controls[control].value = value
    assert app.error is not None and message in app.error
    assert message.split(":")[0] in app.message.value
    assert app.figure is figure and app.results is results


def test_past_the_data_the_notice_then_the_opt_in_gives_provisional_figures():
    # statutory, 10,000.00 EUR due 2026-06-25 paid 2026-07-10: 15 days (5 in 2026-S1, 10 in
    # 2026-S2). 2026-S2 needs the ECB rate of 1 July 2026, past the data (known until
    # 11 June 2026): a notice, no figure. Ticked: the last ECB rate 2.15 % (since 2025-06-11)
    # carried forward, 2.15 + 10 = 12.15 % both semesters:
    # 1,000,000 x 1215 x 15 / 3,650,000 = 4,993.15 -> 4,993 cents, + 40 EUR = 89.93 EUR
    app = LatePaymentApp(vendors=["statutory"], amount=10_000, due="2026-06-25",
                         paid="2026-07-10")  # French, the apps' default
    assert app.results is None and app.figure is None
    assert app.error.startswith(
        "Le scénario dépasse les données de référence : taux de l'intérêt légal connu "
        "jusqu'au 30 juin 2026 ; taux de refinancement de la BCE connu jusqu'au 11 juin 2026.")
    assert "--assume-last" in app.error and "Traceback" not in app.message.value
    assert "#B22222" not in app.message.value  # a notice, not an error
    app.controls["assume_last"].value = True
    assert app.error is None and app.figure is not None
    result = app.results["statutory"]
    assert (result.interest_cents, result.total_cents, result.provisional) == (4_993, 8_993, True)
    assert "carried forward past 2026-06-11" in result.provisional_note
    assert "Montants provisoires : le scénario dépasse" in app.message.value
    app.controls["assume_last"].value = False  # unticked: the notice again
    assert app.error.startswith("Le scénario dépasse les données de référence")


def test_recovers_after_a_bad_value(app):
    app.controls["paid"].value = dt.date(2024, 2, 1)
    assert app.error
    app.controls["paid"].value = dt.date(2024, 4, 15)
    assert app.error is None and app.message.value == ""
    assert app.computations == 2  # the bad value was tried once; the good one is memoised


# --------------------------------------------------------------------------- exercises


def test_exercise_answers_are_the_hand_worked_ones():
    ex = law_exercises()
    # 1: 2023-06-16..2023-06-30 = 15 days at 2.50 + 10 = 12.50 %, 2023-07-01..2023-07-30 = 30
    # days at 4.00 + 10 = 14.00 %: 10,000 x (1250 x 15 + 1400 x 30) / 3,650,000 = 166.438
    # -> 166.44, + 40 = 206.44
    assert ex[1].answer() == Decimal("206.44")
    assert ex[2].answer() == dt.date(2024, 3, 1)
    assert ex[3].answer() == Decimal("15.21")  # 3 x 5.07
    assert ex[4].answer() == dt.date(2024, 4, 1)  # 2024-03-01 + 31 days
    # 5: 2,000 x 10 % x 45 x 12 / 365 = 295.890 -> 295.89
    assert ex[5].answer() == Decimal("295.89")


@pytest.mark.parametrize(("number", "answer", "because"), [
    # 46 days: 16 at 12.50 %, 30 at 14.00 %: (20,000 + 42,000) / 365 = 169.86, + 40
    (1, "209.86", "count the due date as a day of delay"),
    # 45 days at 12.50 %: 154.11, + 40
    (1, 194.11, "first semester's rate"),
    # 45 days at 14.00 %: 172.60, + 40
    (1, "212.60", "second semester's rate"),
    (1, "166.44", "forget the 40 EUR"),
    (2, "2024-02-29", "due date itself"),
    (3, "12.66", "2023-S2"),          # 3 x 4.22
    (3, "24.03", "consumers"),        # 3 x 8.01
    (3, "14.50", "default rate"),     # 4.50 + 10
    (4, "2024-03-02", "other reading"),
    (4, "2024-03-31", "day 30"),
    (5, "400", "every started month"),  # 2 started months x 10 % x 2,000
    (5, "300.00", "months of 30 days"),  # 2,000 x 10 % x 45 / 30
    (5, "335.89", "add the 40 EUR"),
])
def test_classic_mistakes_are_recognised(number, answer, because):
    verdict = law_exercises()[number].check(answer)
    assert not verdict
    assert because in verdict.message


def test_no_answer_and_right_answers():
    ex = law_exercises()
    assert str(ex[1].check(None)).startswith("No answer yet")
    assert ex[1].check("206,44")
    assert ex[4].check("2024-04-01")
    wrong = ex[1].check("1.00")
    assert "expected 206.44 EUR" in wrong.message


def test_a_new_amount_updates_the_same_figure_in_place(app):
    figure = app.figure
    app.controls["amount"].value = 20_000
    # the same Figure, its lines redrawn for 20,000 EUR: statutory terms, 45 days late, delay
    # 2024-03-02..2024-04-15 in 2024-S1 at 14.50 %: 2,000,000 x 1450 x 45 / 3,650,000
    # = 35,753.42 cents -> 357.53 EUR + 40 EUR indemnity = 397.53 EUR
    assert app.figure is figure and app.figure_changed
    assert app.results["statutory"].total == Decimal("397.53")
    line = next(a for a in figure.axes[0].get_lines() if a.get_gid() == "vendor:statutory")
    assert round(float(line.get_ydata()[45]), 2) == 397.53


def test_the_legend_is_html_under_the_chart_and_the_png_has_none(app):
    # the PNG carries the chart alone; its legend is an HTML list right under it, one entry
    # per line the chart draws: Teogest's default reading (day 31, each semester's legal
    # rate), its clause as written under the floor, its 3 other readings as one dashed line
    assert app.figure.axes[0].get_legend() is None
    children = list(app.widget.children)
    assert children.index(app.output) + 1 == children.index(app.legend)
    legend = html.unescape(app.legend.value)
    for entry in ("Teogest (default reading: delay from day 31, each semester's legal rate)",
                  "Teogest: the clause as written (below the floor)",
                  "Teogest: 3 other readings", "paid 15 April 2024: 45 days late"):
        assert f"<span>{entry}</span>" in legend
    # Teogest's colour (#009E73, the style's Okabe–Ito green) on its solid line's swatch
    assert 'stroke="#009e73" stroke-width="' in legend
    png = app.shown_png()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    # 8 x 4 inches at 100 dpi, 1.45 times taller with the zoom panel: 800 x 580 pixels
    assert struct.unpack(">II", png[16:24]) == (800, 580)


def test_the_legend_follows_the_vendors_and_stays_for_a_new_amount(app):
    before = app.legend.value
    app.controls["amount"].value = 20_000
    assert app.legend.value == before  # the same lines, only their heights change
    app.controls["vendors"].value = ("gout",)
    assert "<span>Michaël GOUT</span>" in html.unescape(app.legend.value)
    assert "Teogest" not in app.legend.value
