"""The SLA charts: the credit tiers as a step chart with the text's gaps drawn, and the
downtime an availability target allows, beside the vendor's own table (Teogest annexe 2 A.1).

Expected figures are worked by hand from the text:
- tiers (annexe 2 A.6): 0 % up to 0.2, 3 % from 0.21 to 0.5, 8 % from 0.51 to 1, 13 % from
  1.01 to 1.5, 20 % above 1.5; gaps (0.2, 0.21), (0.5, 0.51), (1, 1.01); cap 20 %;
- 1 h 30 min down in March 2024 (31 days, no maintenance): 5,400 / 2,678,400 x 100
  = 0.2016129... %, in the first gap;
- 0.2 % of a day = 172.8 s, of a week (604,800 s) = 1,209.6 s, of a mean Gregorian month
  (2,629,746 s) = 5,259.492 s, of a mean Gregorian year (31,556,952 s) = 63,113.904 s; the text
  prints 2 mn 52.8 s, 20 mn 9.6 s, 1 h 27 mn 39.5 s, 17 h 31 mn 53.9 s;
- 0.5 % of a day = 432 s = 7 min 12.0 s.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from matplotlib.colors import to_hex

import cgvlib
from cgvlib.errors import InputError
from cgvlib.views.sla import (
    GAP_LABEL,
    credit_tiers_chart,
    downtime_budget_chart,
    downtime_budget_table,
    marker_artists,
    move_marker,
)
from cgvlib.views.style import vendor_colour


def by_gid(artists, gid):
    return [a for a in artists if a.get_gid() == gid]


# --- credit tiers ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiers_in_gap():
    return credit_tiers_chart("teogest", unavailability=0.205)


def test_three_gaps_are_shaded_where_the_text_is_silent(tiers_in_gap):
    ax = tiers_in_gap.axes[0]
    gaps = by_gid(ax.patches, "gap")
    assert len(gaps) == 3
    spans = sorted((round(p.get_x(), 6), round(p.get_x() + p.get_width(), 6)) for p in gaps)
    assert spans == [(0.2, 0.21), (0.5, 0.51), (1.0, 1.01)]
    assert all(p.get_hatch() for p in gaps)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert labels.count(GAP_LABEL) == 1 and GAP_LABEL == "gap: text silent"


def test_each_gap_is_magnified_in_its_own_panel(tiers_in_gap):
    main, *zooms = tiers_in_gap.axes
    assert len(zooms) == 3
    assert [pytest.approx(z.get_xlim()) for z in zooms] == [(0.19, 0.22), (0.49, 0.52),
                                                           (0.99, 1.02)]
    assert [len(by_gid(z.patches, "gap")) for z in zooms] == [1, 1, 1]
    title = zooms[0].get_title(loc="left")
    assert "0.2–0.21 %" in title and "text silent" in title
    # the whole scale runs to 2 %
    assert main.get_xlim() == pytest.approx((0, 2))


def test_both_readings_are_drawn_across_each_gap(tiers_in_gap):
    ax = tiers_in_gap.axes[0]
    lower = by_gid(ax.get_lines(), "reading-lower_tier")
    upper = by_gid(ax.get_lines(), "reading-upper_tier")
    assert [tuple(line.get_ydata()) for line in lower] == [(0, 0), (3, 3), (8, 8)]
    assert [tuple(line.get_ydata()) for line in upper] == [(3, 3), (8, 8), (13, 13)]
    assert [tuple(line.get_xdata()) for line in upper] == [(0.2, 0.21), (0.5, 0.51),
                                                           (1.0, 1.01)]


def test_the_step_of_the_tiers_in_the_vendor_colour(tiers_in_gap):
    ax = tiers_in_gap.axes[0]
    (step,) = by_gid(ax.get_lines(), "tier")
    assert to_hex(step.get_color()) == vendor_colour("teogest").lower()
    ys = [y for y in step.get_ydata() if y == y]  # NaN breaks the step at each gap
    assert ys == [0, 0, 3, 3, 8, 8, 13, 13, 20, 20]
    xs = [x for x in step.get_xdata() if x == x]
    assert xs == [0, 0.2, 0.21, 0.5, 0.51, 1, 1.01, 1.5, 1.5, 2]


def test_the_cap_line_at_twenty_percent(tiers_in_gap):
    ax = tiers_in_gap.axes[0]
    (cap,) = by_gid(ax.get_lines(), "cap")
    assert tuple(cap.get_ydata()) == (20, 20)
    assert "cap: 20 %" in cap.get_label()


def test_a_rate_in_a_gap_is_marked_under_both_readings(tiers_in_gap):
    ax = tiers_in_gap.axes[0]
    markers = by_gid(ax.get_lines(), "marker")
    assert [tuple(m.get_xdata()) for m in markers] == [(0.205,), (0.205,)]
    points = {m.get_ydata()[0]: m.get_markerfacecolor() for m in markers}
    assert set(points) == {0, 3}
    assert to_hex(points[3]) == "#000000"  # upper tier: the default reading, filled
    assert to_hex(points[0]) == "#ffffff"
    # the marker also shows in the first gap's panel
    assert len(by_gid(tiers_in_gap.axes[1].get_lines(), "marker")) == 2
    assert by_gid(tiers_in_gap.axes[2].get_lines(), "marker") == []


def test_a_rate_on_a_tier_is_marked_once():
    ax = credit_tiers_chart("teogest", unavailability="0.35").axes[0]
    (marker,) = by_gid(ax.get_lines(), "marker")
    assert (marker.get_xdata()[0], marker.get_ydata()[0]) == (0.35, 3)


def test_a_measured_month_is_marked_at_its_exact_rate():
    measured = cgvlib.unavailability("1h30", "2024-03")
    ax = credit_tiers_chart("teogest", unavailability=measured).axes[0]
    markers = by_gid(ax.get_lines(), "marker")
    assert {m.get_xdata()[0] for m in markers} == {float(Fraction(5400 * 100, 2_678_400))}
    assert sorted(m.get_ydata()[0] for m in markers) == [0, 3]


def test_a_rate_past_the_scale_widens_it():
    ax = credit_tiers_chart("teogest", unavailability=3).axes[0]
    assert ax.get_xlim()[1] == pytest.approx(3.3)
    (marker,) = by_gid(ax.get_lines(), "marker")
    assert marker.get_ydata()[0] == 20


def marks(fig):
    """Each panel's markers as (x, y, face colour), and the legend's labels."""
    return ([sorted((m.get_xdata()[0], m.get_ydata()[0], to_hex(m.get_markerfacecolor()))
                    for m in by_gid(ax.get_lines(), "marker")) for ax in fig.axes],
            [[r.get_xdata()[0] for r in by_gid(ax.get_lines(), "marker-rule")]
             for ax in fig.axes],
            fig.cgvlib_legend[1])


def test_the_legend_can_be_kept_out_of_the_figure():
    fig = credit_tiers_chart("teogest", unavailability=0.205, legend_in_figure=False)
    assert fig.axes[0].get_legend() is None
    handles, labels = fig.cgvlib_legend
    assert GAP_LABEL in labels and len(handles) == len(labels) == len(set(labels))


def test_moving_the_marker_gives_the_chart_of_the_new_rate():
    # 0.205 % (first gap: 0 % and 3 %) moved to 0.35 % (tier 0.21-0.5 %: 3 %, no zoom panel)
    # and to 1.005 % (third gap: 8 % and 13 %, in the third zoom panel)
    fig = credit_tiers_chart("teogest", unavailability=0.205, legend_in_figure=False)
    assert move_marker(fig, "0.35")
    assert marks(fig) == marks(credit_tiers_chart("teogest", unavailability="0.35",
                                                  legend_in_figure=False))
    assert marks(fig)[0] == [[(0.35, 3.0, "#000000")], [], [], []]
    assert move_marker(fig, "1.005")
    assert [len(m) for m in marks(fig)[0]] == [2, 0, 0, 2]
    assert marks(fig) == marks(credit_tiers_chart("teogest", unavailability="1.005",
                                                  legend_in_figure=False))
    # the rule under the points: drawn first over a still background
    assert [a.get_gid() for a in marker_artists(fig)][:2] == ["marker-rule", "marker-rule"]


def test_a_rate_past_the_scale_needs_a_new_chart():
    fig = credit_tiers_chart("teogest", unavailability=0.205, legend_in_figure=False)
    before = marks(fig)
    assert not move_marker(fig, 3)  # 3 % x 1.1 = 3.3 % lies past the 2 % scale
    assert marks(fig) == before


def test_titles_and_percent_axes(tiers_in_gap):
    ax = tiers_in_gap.axes[0]
    assert "Teogest" in ax.get_title(loc="left") and "service credit" in ax.get_title(loc="left")
    assert "unavailability" in ax.get_xlabel()
    assert "% of the month's invoice" in ax.get_ylabel()
    assert ax.xaxis.get_major_formatter()(0.5, 0) == "0.5%"
    assert ax.yaxis.get_major_formatter()(20, 0) == "20%"
    assert "magnified" in tiers_in_gap.get_supxlabel()


def test_a_vendor_without_sla_is_refused():
    with pytest.raises(InputError, match="no service level"):
        credit_tiers_chart("leappy")


# --- downtime budget -------------------------------------------------------------------------

ANNEX_2 = ["2 min 52.8 s", "20 min 9.6 s", "1 h 27 min 39.5 s", "17 h 31 min 53.9 s"]


@pytest.fixture(scope="module")
def budget():
    return downtime_budget_chart(99.8, vendor="teogest")


def test_four_computed_bars_with_the_annex_2_labels(budget):
    ax = budget.axes[0]
    bars = by_gid(ax.patches, "computed")
    assert len(bars) == 4
    assert [b.get_width() for b in bars] == pytest.approx([172.8, 1209.6, 5259.492, 63113.904])
    assert [t.get_text() for t in by_gid(ax.texts, "computed-label")] == ANNEX_2
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "per day", "per week", "per month", "per year"]


def test_the_texts_own_table_beside_the_computed_bars(budget):
    ax = budget.axes[0]
    stated = by_gid(ax.patches, "stated")
    assert [b.get_width() for b in stated] == pytest.approx([172.8, 1209.6, 5259.5, 63113.9])
    assert [t.get_text() for t in by_gid(ax.texts, "stated-label")] == ANNEX_2
    assert "Annexe 2 A.1" in ax.get_title(loc="left")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "computed: (100 % - availability) x period", "stated in the text (Annexe 2 A.1)"]


def test_time_axis_is_logarithmic_with_readable_ticks(budget):
    ax = budget.axes[0]
    assert ax.get_xscale() == "log"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1 min", "10 min", "1 h", "1 d"]


def test_the_budget_in_french():
    ax = downtime_budget_chart(lang="fr").axes[0]
    # 0.2 % of a year of 365.2425 days: 63,113.904 s = 17 h 31 min 53.9 s, with a comma
    assert [t.get_text() for t in by_gid(ax.texts, "computed-label")][-1] == "17 h 31 min 53,9 s"
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "par jour", "par semaine", "par mois", "par an"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1 min", "10 min", "1 h", "1 j"]
    assert ax.get_title(loc="left") == (
        "Indisponibilité permise par une disponibilité de 99,8 %, par période (Teogest, "
        "Annexe 2 A.1)")


def test_another_availability_has_no_stated_table():
    fig = downtime_budget_chart(99.5)
    ax = fig.axes[0]
    assert by_gid(ax.patches, "stated") == []
    labels = [t.get_text() for t in by_gid(ax.texts, "computed-label")]
    assert labels[0] == "7 min 12.0 s"  # 0.5 % of 86,400 s = 432 s
    assert "99.8 % only" in fig.get_supxlabel()


def test_no_vendor_draws_the_computed_bars_only():
    ax = downtime_budget_chart(99.8, vendor=None).axes[0]
    assert len(by_gid(ax.patches, "computed")) == 4
    assert by_gid(ax.patches, "stated") == []


def test_budget_table_sets_the_text_beside_the_computation():
    table = downtime_budget_table(99.8)
    assert list(table["computed"]) == ANNEX_2
    assert list(table["stated"]) == ANNEX_2
    assert list(table["stated seconds"]) == [Decimal("172.8"), Decimal("1209.6"),
                                             Decimal("5259.5"), Decimal("63113.9")]
    assert list(table["seconds"]) == [Decimal("172.8"), Decimal("1209.6"), Decimal("5259.492"),
                                      Decimal("63113.904")]
    assert table["agrees"].tolist() == [True] * 4


def test_budget_table_without_a_stated_table_has_the_computation_only():
    table = downtime_budget_table(99.5)
    assert list(table.columns) == ["period", "computed", "seconds"]
    assert list(table["seconds"]) == [Decimal(432), Decimal(3024), Decimal("13148.73"),
                                      Decimal("157784.76")]
