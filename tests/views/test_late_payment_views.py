"""The late-payment charts and the data behind them.

Every expected figure below is worked by hand from data/rates/ (never produced by the code
under test):

Legal interest rate, professional creditors (data/rates/fr_legal_interest_rate.csv):
  2015-S1 0.93 | 2022-S2 0.77 | 2023-S1 2.06 | 2023-S2 4.22 | 2024-S1 5.07 | 2024-S2 4.92 |
  2025-S1 3.71 | 2025-S2 2.76 | 2026-S1 2.62 (the last row: the data ends with 2026-S1).
  The highest from 2015-S1 to 2022-S2 is 1.01 (2016-S1); every one is above 0.
ECB main refinancing rate in force on 1 January / 1 July (data/rates/ecb_main_refinancing_rate.csv):
  2023-01-01: 2.50 (since 2022-12-21) | 2023-07-01: 4.00 (since 2023-06-21) |
  2024-01-01: 4.50 (since 2023-09-20) | 2024-07-01: 4.25 (since 2024-06-12).

Floor = 3 x legal; default = ECB + 10 points. Leappy: 2 x legal, below 3 x legal whenever the
legal rate is above 0, so in every semester since 2015. Teogest: legal + 3, below 3 x legal
exactly when 2 x legal > 3, i.e. legal > 1.5 %: never up to 2022-S2 (at most 1.01), always
from 2023-S1 (2.06 x 3 = 6.18 > 5.06) to 2026-S1 (2.62 x 3 = 7.86 > 5.62). ioSmart: the higher
of ECB + 10 and 3 x legal, never below the floor. GOUT: 3 x legal, the floor exactly.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import pytest

from cgvlib.errors import InputError
from cgvlib.model.loader import load_vendor
from cgvlib.model.loader import vendor as load_vendor_by_id
from cgvlib.views.late_payment import (
    annual_rate,
    breach_periods,
    cost_by_days_late,
    late_payment_table,
    late_payments,
    penalty_rate_over_time,
    penalty_rates,
)
from cgvlib.views.style import BREACH_SHADE, FLOOR_COLOUR, vendor_colour
from tests.conftest import FIXTURES

FIVE = ["janquor", "iosmart", "teogest", "leappy", "gout"]


def lines_by_gid(ax) -> dict:
    return {line.get_gid(): line for line in ax.get_lines() if line.get_gid()}


def same_colour(a, b) -> bool:
    return mcolors.to_hex(a) == mcolors.to_hex(b)


# --------------------------------------------------------------------------- cost by days late


@pytest.fixture(scope="module")
def cost_figure():
    return cost_by_days_late(FIVE, 10_000, "2024-03-01", max_days=120, mark_days=45)


def test_a_line_per_vendor_in_its_colour_and_the_statutory_terms_in_black(cost_figure):
    ax = cost_figure.axes[0]
    lines = lines_by_gid(ax)
    for vid in FIVE:
        assert same_colour(lines[f"vendor:{vid}"].get_color(), vendor_colour(vid))
    assert same_colour(lines["vendor:statutory"].get_color(), "#000000")
    assert list(lines["vendor:statutory"].get_xdata()) == list(range(121))


def test_totals_at_45_days_late_are_the_hand_worked_ones(cost_figure):
    # 10,000 EUR due 2024-03-01, paid 2024-04-15: delay 2024-03-02..2024-04-15 = 45 days, in
    # 2024-S1, plus the 40 EUR indemnity.
    lines = lines_by_gid(cost_figure.axes[0])
    at = {gid: float(line.get_ydata()[45]) for gid, line in lines.items() if gid != "marker"}
    # statutory: ECB 4.50 + 10 = 14.50 %: 10,000 x 14.50 % x 45 / 365 = 178.767 -> 178.77
    assert at["vendor:statutory"] == pytest.approx(218.77)
    # ioSmart: higher of 14.50 and 3 x 5.07 = 15.21 %: 187.520 -> 187.52
    assert at["vendor:iosmart"] == pytest.approx(227.52)
    # JANQUOR pro rata: 10,000 x 10 % x 45 x 12 / 365 = 1,479.452 -> 1,479.45
    assert at["vendor:janquor"] == pytest.approx(1519.45)
    # JANQUOR started months: 2 months started (2 March..1 April, 2 April..15 April) = 20 %
    assert at["reading:janquor:started"] == pytest.approx(2040.00)
    # Teogest default (day 31 after the invoice date, taken as the due date): delay from
    # 2024-04-01, 15 days. As written at 5.07 + 3 = 8.07 %: 33.164 -> 33.16; lawful at the
    # floor 3 x 5.07 = 15.21 %: 10,000 x 15.21 % x 15 / 365 = 62.507 -> 62.51
    assert at["vendor:teogest"] == pytest.approx(102.51)
    assert at["as-written:teogest"] == pytest.approx(73.16)
    # Teogest, delay from the day after the due date: 45 days; as written at 8.07 %: 99.49;
    # lawful at 15.21 %: 187.52
    assert at["reading:teogest:after_due_date_semester"] == pytest.approx(227.52)
    # Leappy: 2 x 5.07 = 10.14 % (invoice date = due date, 2024-S1): 125.013 -> 125.01 as
    # written; lawful at 15.21 %: 187.52
    assert at["vendor:leappy"] == pytest.approx(227.52)
    assert at["as-written:leappy"] == pytest.approx(165.01)
    # GOUT: 3 x 5.07 = 15.21 % is the floor itself: no figure as written apart
    assert at["vendor:gout"] == pytest.approx(227.52)
    assert "as-written:gout" not in at and "as-written:iosmart" not in at


def test_no_cost_on_the_due_date_and_the_indemnity_from_day_one(cost_figure):
    lines = lines_by_gid(cost_figure.axes[0])
    statutory = lines["vendor:statutory"].get_ydata()
    assert statutory[0] == 0
    # one day at 14.50 %: 10,000 x 14.50 % / 365 = 3.972 -> 3.97, + 40
    assert statutory[1] == pytest.approx(43.97)


def test_other_readings_are_dashed_thin_in_the_vendors_colour(cost_figure):
    lines = lines_by_gid(cost_figure.axes[0])
    teogest = [line for gid, line in lines.items() if gid.startswith("reading:teogest:")]
    # six readings, the default one solid; for this invoice (due date = invoice date) the
    # readings differ only by where the delay starts: the two other "day 31" readings give
    # the default's totals (not drawn again), the three "after the due date" ones one dashed
    # line between them; the footnote says so
    assert [line.get_gid() for line in teogest] == ["reading:teogest:after_due_date_semester"]
    notes = cost_figure.cgvlib_notes
    assert ("Teogest: 2 other readings give the same totals as the default reading on every "
            "day shown") in notes
    assert "Teogest: 3 other readings give the same totals on every day shown" in notes
    for line in teogest:
        assert line.get_linestyle() == "--"
        assert same_colour(line.get_color(), vendor_colour("teogest"))
        assert line.get_linewidth() < lines["vendor:teogest"].get_linewidth()
    assert lines["vendor:teogest"].get_linestyle() == "-"
    # ioSmart: the ECB rate in force on the first day of delay (default) or the semester's:
    # 4.50 % either way in 2024-S1 (no change between 1 January and the end of the range), so
    # one line for both, and a note
    assert [gid for gid in lines if gid.startswith("reading:iosmart")] == []
    assert ("ioSmart: another reading gives the same totals as the default reading on every "
            "day shown") in notes
    # the clause as written is dotted, and no reading of it is drawn apart
    assert lines["as-written:teogest"].get_linestyle() == ":"
    assert not any(gid.endswith("/as_written") for gid in lines)
    legend = [t.get_text() for t in cost_figure.axes[0].get_legend().get_texts()]
    assert "Teogest (default reading: delay from day 31, each semester's legal rate)" in legend
    assert "Teogest: the clause as written (below the floor)" in legend
    assert "Teogest: 3 other readings" in legend  # the three drawn dashed (one line)
    # Leappy: the reading without a formal notice gives the default's lawful totals here
    assert not [text for text in legend if text.startswith("Leappy SAS: other reading")]
    assert ("Leappy SAS: another reading gives the same totals as the default reading on "
            "every day shown") in notes


def test_titles_axes_euro_ticks_marker_and_footnote(cost_figure):
    ax = cost_figure.axes[0]
    assert "€10,000.00" in ax.get_title(loc="left")
    assert "1 March 2024" in ax.get_title(loc="left")
    assert ax.yaxis.get_major_formatter()(2500, 0) == "€2,500"
    assert ax.get_xlim() == (0, 120)
    marker = lines_by_gid(ax)["marker"]
    assert list(marker.get_xdata()) == [45, 45]
    footnote = cost_figure._supxlabel.get_text().replace("\n", " ")
    assert "Dashed: an ambiguous clause's other readings" in footnote and "€40.00" in footnote
    assert footnote.count("Solid:") == 1
    assert "dotted: the clause as written" in footnote and "L441-10 II" in footnote


def test_a_zoom_panel_when_janquor_dwarfs_the_others(cost_figure):
    # JANQUOR reaches about 4,000 EUR at 120 days, the others about 540 EUR
    assert len(cost_figure.axes) == 2
    zoom = cost_figure.axes[1]
    assert "JANQUOR" in zoom.get_title(loc="left")
    assert zoom.get_ylim()[1] < 1000
    assert "zoom" not in zoom.get_xlabel().lower()
    without = cost_by_days_late(["teogest", "leappy"], 10_000, "2024-03-01")
    assert len(without.axes) == 1


def test_the_statutory_line_is_added_or_left_out():
    ax = cost_by_days_late(["gout"], 1_000, "2024-03-01", max_days=10,
                           with_statutory=False).axes[0]
    assert set(lines_by_gid(ax)) == {"vendor:gout"}


def test_days_stop_where_the_reference_data_ends():
    # 2026-05-01 + 60 days = 2026-06-30, the last day of 2026-S1
    fig = cost_by_days_late(["iosmart"], 1_000, "2026-05-01", max_days=120)
    assert fig.axes[0].get_xlim() == (0, 60)
    assert "stop at 60" in fig._supxlabel.get_text()
    with pytest.raises(InputError, match="past the reference data"):
        cost_by_days_late(["iosmart"], 1_000, "2026-07-01")


def test_a_vendor_silent_on_late_payment_gets_the_statutory_terms(example_data, write_vendor):
    example_data["late_payment"] = {"silent": True, "note": "no late-payment clause"}
    vendor = load_vendor(write_vendor(example_data), texts_dir=FIXTURES)
    fig = cost_by_days_late([vendor], 10_000, "2024-03-01", max_days=50)
    lines = lines_by_gid(fig.axes[0])
    assert same_colour(lines["vendor:exemple"].get_color(), vendor_colour("exemple"))
    assert float(lines["vendor:exemple"].get_ydata()[45]) == pytest.approx(218.77)
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert "EXEMPLE SARL (silent: statutory terms)" in legend


def test_bad_amount_is_an_input_error():
    with pytest.raises(InputError, match="amount"):
        cost_by_days_late(["gout"], -5, "2024-03-01")


# --------------------------------------------------------------------------- one scenario table


def test_table_of_one_scenario():
    results = late_payments(["statutory", "teogest"], 10_000, "2024-03-01", "2024-04-15")
    table = late_payment_table(results)
    statutory = table.loc["Statutory default (Code de commerce)"]
    assert statutory["total"] == "218.77 EUR"
    assert statutory["rates"] == "14.50 %"
    assert not statutory["ambiguous"]
    assert table.loc["Teogest", "ambiguous"]
    teogest = table.loc["Teogest"]
    # default reading, 15 days from 2024-04-01: at the floor 3 x 5.07 = 15.21 %,
    # 10,000 x 15.21 % x 15 / 365 = 62.507 -> 62.51, + 40 = 102.51; as written at 8.07 %:
    # 33.164 -> 33.16, + 40 = 73.16, the floor adding 29.35
    assert teogest["total"] == "102.51 EUR"
    assert teogest["as written"] == "73.16 EUR (the floor adds 29.35 EUR)"
    assert teogest["rates"] == "15.21 %"
    # from the day after the due date, 45 days at 15.21 %: 187.52 + 40
    assert "after_due_date_semester: 227.52 EUR" in teogest["other readings"]
    assert statutory["as written"] is None


def test_table_shows_both_semesters_rates():
    # statutory, 2024-06-20 + 20 days: 10 days in 2024-S1 (14.50 %), 10 in 2024-S2 (14.25 %)
    results = late_payments(["statutory"], 1_000, "2024-06-20", "2024-07-10")
    assert late_payment_table(results).iloc[0]["rates"] == "14.50 % then 14.25 %"


def test_the_table_in_french():
    # JANQUOR art. 11: « 10 % du montant de la facture par mois de retard »; 10,000 EUR due
    # 2024-03-01 paid 2024-04-15 (45 days): Teogest's clause as written 73.16 EUR, the floor
    # adding 29.35 EUR (worked in test_table_of_one_scenario); JANQUOR's other readings
    # (worked in tests/apps/test_late_payment_app.py): 30-day months 1,540.00 EUR, ...
    results = late_payments(["janquor", "teogest", "statutory"], 10_000, "2024-03-01",
                            "2024-04-15")
    table = late_payment_table(results, "fr")
    janquor = table.loc["JANQUOR"]
    assert janquor["rates"] == "10\u00a0% par mois"
    assert janquor["terms"] == "sa propre clause"
    assert janquor["other readings"].startswith(
        "prorata (mois de 30 jours) : 1\u202f540,00\u00a0€; ")
    assert table.loc["Teogest", "as written"] == "73,16\u00a0€ (le plancher ajoute 29,35\u00a0€)"
    assert table.loc["Teogest", "rates"] == "15,21\u00a0%"  # 3 x 5.07 %, the floor
    assert table.loc["Statutory default (Code de commerce)", "terms"] == (
        "les règles supplétives de la loi")
    # 10 days in 2024-S1 (4.50 + 10 = 14.50 %), 10 in 2024-S2 (4.25 + 10 = 14.25 %)
    two = late_payment_table(late_payments(["statutory"], 1_000, "2024-06-20", "2024-07-10"),
                             "fr")
    assert two.iloc[0]["rates"] == "14,5\u00a0% puis 14,25\u00a0%"


def test_janquor_annual_rate_in_french_and_english():
    # JANQUOR art. 11: 10 % per month; a year's equivalent is 10 x 12 = 120 %
    clause = load_vendor_by_id("janquor").late_payment.default_reading()
    assert annual_rate(clause, dt.date(2024, 1, 1)) == (
        12000, "10 % per month x 12 = 120.00 % a year")
    assert annual_rate(clause, dt.date(2024, 1, 1), "fr") == (
        12000, "10\u00a0% par mois x 12 = 120\u00a0% par an")
    rates = penalty_rates(["janquor", "iosmart"], "2024-01-01", "2024-06-30", lang="fr")
    assert rates["how"].iloc[0] == "10\u00a0% par mois x 12 = 120\u00a0% par an"
    assert list(rates["terms"]) == ["sa propre clause", "sa propre clause"]


# --------------------------------------------------------------------------- penalty rates


@pytest.fixture(scope="module")
def rates():
    return penalty_rates(FIVE)


def row(rates, semester, vendor):
    found = rates[(rates["semester"] == semester) & (rates["vendor"] == vendor)]
    assert len(found) == 1
    return found.iloc[0]


def test_semesters_from_2015_to_the_end_of_the_data(rates):
    semesters = list(dict.fromkeys(rates["semester"]))
    assert semesters[0] == "2015-S1"
    assert semesters[-1] == "2026-S1"
    assert len(semesters) == 23  # 11 years x 2 + 2026-S1
    assert len(rates) == 23 * 5


@pytest.mark.parametrize(("semester", "vendor", "rate_bp", "floor_bp", "below"), [
    ("2024-S1", "leappy", 1014, 1521, True),    # 2 x 5.07 vs 3 x 5.07
    ("2024-S1", "gout", 1521, 1521, False),     # the floor exactly: not below
    ("2024-S1", "iosmart", 1521, 1521, False),  # higher of 4.50 + 10 and 15.21
    ("2024-S1", "teogest", 807, 1521, True),    # 5.07 + 3
    ("2023-S2", "iosmart", 1400, 1266, False),  # higher of 4.00 + 10 and 3 x 4.22 = 12.66
    ("2023-S1", "teogest", 506, 618, True),     # 2.06 + 3 vs 3 x 2.06
    ("2022-S2", "teogest", 377, 231, False),    # 0.77 + 3 vs 3 x 0.77
    ("2015-S1", "leappy", 186, 279, True),      # 2 x 0.93 vs 3 x 0.93
    ("2015-S1", "janquor", 12000, 279, False),  # 10 % per month = 120 % a year
])
def test_rates_of_a_few_semesters(rates, semester, vendor, rate_bp, floor_bp, below):
    r = row(rates, semester, vendor)
    assert (r["rate_bp"], r["floor_bp"], bool(r["below_floor"])) == (rate_bp, floor_bp, below)
    assert r["rate"] == Decimal(rate_bp) / 100


def test_statutory_default_per_semester(rates):
    assert row(rates, "2023-S1", "gout")["default"] == Decimal("12.50")  # 2.50 + 10
    assert row(rates, "2024-S1", "gout")["default"] == Decimal("14.50")  # 4.50 + 10
    assert row(rates, "2024-S2", "gout")["default"] == Decimal("14.25")  # 4.25 + 10


def test_who_is_below_the_floor_and_when(rates):
    below = rates[rates["below_floor"]]
    assert len(below[below["vendor"] == "leappy"]) == 23  # every semester
    teogest = list(below.loc[below["vendor"] == "teogest", "semester"])
    assert teogest == ["2023-S1", "2023-S2", "2024-S1", "2024-S2", "2025-S1", "2025-S2",
                       "2026-S1"]
    assert set(below["vendor"]) == {"leappy", "teogest"}


def test_breach_periods(rates):
    runs = breach_periods(rates).set_index("vendor")
    assert runs.loc["leappy", "first"] == "2015-S1"
    assert runs.loc["leappy", "last"] == "2026-S1"
    assert runs.loc["teogest", "first"] == "2023-S1"
    assert runs.loc["teogest", "semesters"] == 7
    # widest gap for Teogest: 3L - (L + 3) = 2 x 5.07 - 3 = 7.14 points (2024-S1)
    assert runs.loc["teogest", "largest_gap"] == Decimal("7.14")
    assert runs.loc["leappy", "largest_gap"] == Decimal("5.07")  # 3L - 2L = L, largest 5.07


def test_rates_past_the_data_are_refused():
    with pytest.raises(InputError, match="2026-06-30"):
        penalty_rates(["gout"], "2025-01-01", "2026-07-01")


# --------------------------------------------------------------------------- the rates chart


@pytest.fixture(scope="module")
def rates_figure():
    return penalty_rate_over_time(FIVE)


def breach_spans(ax, vendor):
    return [p for p in ax.patches if p.get_gid() == f"breach:{vendor}"]


def test_rates_chart_lines(rates_figure):
    ax = rates_figure.axes[0]
    lines = lines_by_gid(ax)
    for vid in FIVE:
        assert same_colour(lines[f"vendor:{vid}"].get_color(), vendor_colour(vid))
    assert same_colour(lines["floor"].get_color(), FLOOR_COLOUR)
    assert same_colour(lines["default"].get_color(), "#000000")
    # the floor as drawn: 3 x 5.07 = 15.21 % in 2024-S1
    floor = lines["floor"]
    x = [mdates.num2date(v).date() for v in mdates.date2num(floor.get_xdata())]
    assert float(floor.get_ydata()[x.index(dt.date(2024, 1, 1))]) == pytest.approx(15.21)
    assert ax.get_yscale() == "log"
    assert "JANQUOR: 10 % per month = 120 % a year" in [
        t.get_text() for t in ax.get_legend().get_texts()]


def test_breaches_shaded_for_leappy_and_teogest_not_for_iosmart(rates_figure):
    ax = rates_figure.axes[0]
    leappy, teogest = breach_spans(ax, "leappy"), breach_spans(ax, "teogest")
    assert len(leappy) == 1 and len(teogest) == 1  # one contiguous run each
    assert not breach_spans(ax, "iosmart")
    assert not breach_spans(ax, "gout")
    assert not breach_spans(ax, "janquor")
    for span in leappy + teogest:
        assert same_colour(span.get_facecolor(), BREACH_SHADE)
    start = mdates.num2date(teogest[0].get_x()).date()
    end = mdates.num2date(teogest[0].get_x() + teogest[0].get_width()).date()
    assert (start, end) == (dt.date(2023, 1, 1), dt.date(2026, 7, 1))
    labels = [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("breach-label")]
    assert "Teogest: below the floor 2023-S1 to 2026-S1" in labels
    assert "Leappy SAS: below the floor 2015-S1 to 2026-S1" in labels


def test_rates_chart_title_axis_and_footnote(rates_figure):
    ax = rates_figure.axes[0]
    assert "2015-S1 to 2026-S1" in ax.get_title(loc="left")
    assert "log scale" in ax.get_ylabel()
    assert ax.yaxis.get_major_formatter()(10, 0) == "10%"
    footnote = rates_figure._supxlabel.get_text()
    assert "2026-S1" in footnote and "Log scale" in footnote


def test_rates_chart_without_breaches_has_no_shading():
    ax = penalty_rate_over_time(["iosmart", "gout"], start="2023-01-01").axes[0]
    assert not [p for p in ax.patches if (p.get_gid() or "").startswith("breach:")]
    lines = lines_by_gid(ax)
    assert set(lines) == {"floor", "default", "vendor:iosmart", "vendor:gout"}


def test_the_floor_binds_agreed_rates_only():
    # 2024-S1: default 4.50 + 10 = 14.50 % < floor 3 x 5.07 = 15.21 %, yet not a breach
    r = row(penalty_rates(["statutory"], "2024-01-01", "2024-06-30"), "2024-S1", "statutory")
    assert (r["rate_bp"], r["floor_bp"], bool(r["below_floor"])) == (1450, 1521, False)
    assert r["terms"] == "the law's default terms"


def test_paid_marks_the_days_late_and_extends_the_range():
    # 2024-03-01 -> 2024-08-01: 153 days late, past 120: the range reaches 180 (6 x 30 days)
    ax = cost_by_days_late(["gout"], 1_000, "2024-03-01", paid="2024-08-01").axes[0]
    marker = lines_by_gid(ax)["marker"]
    assert list(marker.get_xdata()) == [153, 153]
    assert ax.get_xlim() == (0, 180)
    assert "paid 1 August 2024: 153 days late" in [
        t.get_text() for t in ax.get_legend().get_texts()]
