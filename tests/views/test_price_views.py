"""The price revision charts: the Syntec index with its 2022 switch, and price paths per vendor.

Expected figures are worked by hand from data/rates/syntec_index.csv:

- Leappy, 1,000 EUR signed 2023-03-15, revision of 2023-07-01: S1 = last published at the
  signature = 2023-01 (293.9, published 2023-02-28); S2 = last published at 2023-07-01 =
  2023-05 (302.7, published 2023-06-30); 1000 x 302.7 / 293.9 = 1029.9421... -> 1,029.94 EUR,
  for services after 2023-07-01. The chain telescopes: after 2024-07-01 (S2 = 2024-05, 313.3)
  1000 x 313.3 / 293.9 = 1066.0088... -> 1,066.01 EUR.
- Teogest, 1,000 EUR set 2019-03-15, to 2022-06-30: three 1 January revisions; index-based
  1000 x 276.9 (2021-11) / 270.2 (2018-11) = 1024.7964... -> 1,024.80 EUR; worst case (its
  margin used in full, +9 % a year) 1000 x 1.09^3 = 1295.029 -> 1,295.03 EUR.
- JANQUOR, 10 January revisions 2024 and 2025, volume deviation +12 % each year: 1000 x 1.03^2
  = 1,060.90 EUR; without the fact the price stays 1,000.00 and the worst case is 1,060.90.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import matplotlib.dates as mdates
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.text import Annotation

import cgvlib
from cgvlib.errors import InputError
from cgvlib.reference.syntec import syntec_table
from cgvlib.views.prices import (
    price_paths_chart,
    price_revision_table,
    price_table,
    stop_reason,
    syntec_chart,
    vendor_price_path,
    vendor_price_paths,
)

ALL = ["leappy", "teogest", "janquor", "iosmart", "gout"]
COLOURS = {"janquor": "#e69f00", "iosmart": "#56b4e9", "teogest": "#009e73",
           "leappy": "#cc79a7", "gout": "#d55e00"}


def by_gid(ax, gid):
    found = [a for a in ax.get_children() if a.get_gid() == gid]
    assert len(found) == 1, f"expected one artist {gid!r}, found {len(found)}"
    return found[0]


def day(x) -> dt.date:
    return mdates.num2date(mdates.date2num(x)).date()


def finite_points(line) -> list[tuple[dt.date, float]]:
    xs, ys = line.get_xdata(), np.asarray(line.get_ydata(), dtype=float)
    return [(day(x), y) for x, y in zip(xs, ys, strict=True) if np.isfinite(y)]


# --------------------------------------------------------------------------------------------
# Syntec chart
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def syntec_fig():
    return syntec_chart("2015-01", "2025-10")


def test_syntec_chart_has_two_series_in_two_styles(syntec_fig):
    ax = syntec_fig.axes[0]
    old, revised = by_gid(ax, "syntec-old"), by_gid(ax, "syntec-revised")
    assert old.get_label() == "old index (to 2022-07)"
    assert revised.get_label() == "revised index (from 2022-08)"
    assert to_hex(old.get_color()) != to_hex(revised.get_color())
    assert old.get_marker() != revised.get_marker()
    assert ax.get_ylabel() == "index points"
    assert "Syntec index by month, 2015-01 to 2025-10" in ax.get_title(loc="left")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "old index (to 2022-07)" in labels and "revised index (from 2022-08)" in labels


def test_syntec_chart_plots_only_the_months_in_the_data(syntec_fig):
    ax = syntec_fig.axes[0]
    old = finite_points(by_gid(ax, "syntec-old"))
    revised = finite_points(by_gid(ax, "syntec-revised"))
    # 2015-01..2021-12 old (84 months); revised: 2022-08, 2023-01..11, 2024-01..05,
    # 2024-08..10, 2024-12, 2025-01, 2025-09..10 (24 months); 22 gaps left empty.
    assert (len(old), len(revised)) == (84, 24)
    table = syntec_table().loc["2015-01":"2025-10"]
    assert len(old) + len(revised) == len(table)
    assert [d.strftime("%Y-%m") for d, _ in revised][:4] == ["2022-08", "2023-01", "2023-02",
                                                             "2023-03"]
    assert dict(revised)[dt.date(2023, 5, 1)] == pytest.approx(302.7)
    assert dict(old)[dt.date(2021, 12, 1)] == pytest.approx(277.3)


def test_syntec_chart_window_has_no_interpolated_point():
    ax = syntec_chart("2021-10", "2023-02").axes[0]
    old = [d for d, _ in finite_points(by_gid(ax, "syntec-old"))]
    revised = [d for d, _ in finite_points(by_gid(ax, "syntec-revised"))]
    assert old == [dt.date(2021, 10, 1), dt.date(2021, 11, 1), dt.date(2021, 12, 1)]
    assert revised == [dt.date(2022, 8, 1), dt.date(2023, 1, 1), dt.date(2023, 2, 1)]
    # 2022-01..07 and 2022-09..12: two shaded gaps
    assert len([a for a in ax.patches if a.get_gid() == "syntec-gap"]) == 2


def test_syntec_chart_marks_the_2022_switch_with_its_coefficient(syntec_fig):
    ax = syntec_fig.axes[0]
    switch = by_gid(ax, "syntec-switch")
    assert day(switch.get_xdata()[0]) == dt.date(2022, 8, 1)
    note = by_gid(ax, "syntec-coefficient")
    assert isinstance(note, Annotation)
    assert "revised = old x 0.97975" in note.get_text()
    assert day(note.xy[0]) == dt.date(2022, 8, 1) and note.xy[1] == pytest.approx(280.6)
    gaps = [a for a in ax.patches if a.get_gid() == "syntec-gap"]
    assert len(gaps) == 6  # 2022-01..07, 2022-09..12, 2023-12, 2024-06..07, 2024-11, 2025-02..08
    assert "2024-11" in by_gid(ax, "syntec-gaps-note").get_text()


def test_syntec_chart_old_equivalent_is_dashed_and_divided_by_k(syntec_fig):
    ax = syntec_fig.axes[0]
    equivalent = by_gid(ax, "syntec-old-equivalent")
    assert equivalent.get_linestyle() == "--"
    points = dict(finite_points(equivalent))
    assert points[dt.date(2022, 8, 1)] == pytest.approx(286.4, abs=0.001)  # 280.6 / 0.97975
    assert len(points) == 24
    without = syntec_chart(old_equivalent=False).axes[0]
    assert not [a for a in without.get_lines() if a.get_gid() == "syntec-old-equivalent"]


def test_syntec_chart_refuses_an_end_before_the_start():
    with pytest.raises(InputError, match="end: 2020-01 is before start 2021-01"):
        syntec_chart("2021-01", "2020-01")


# --------------------------------------------------------------------------------------------
# Price paths
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_fig():
    return price_paths_chart(ALL, 1000, "2023-03-15", "2025-10-31")


def test_hand_checked_leappy_price_after_the_july_2023_revision():
    assert cgvlib.revise_price("leappy", 1000, "2023-03-15", "2023-07-02").price == \
        Decimal("1029.94")
    # a service executed on the revision date keeps the previous price
    assert cgvlib.revise_price("leappy", 1000, "2023-03-15", "2023-07-01").price == \
        Decimal("1000.00")


def test_one_line_per_vendor_in_its_colour(default_fig):
    ax = default_fig.axes[0]
    lines = {a.get_gid().split(":")[1]: a for a in ax.get_lines()
             if (a.get_gid() or "").startswith("price:")}
    assert list(lines) == ALL
    for vid, line in lines.items():
        assert to_hex(line.get_color()) == COLOURS[vid]
    assert lines["leappy"].get_label().startswith("Leappy SAS: Syntec each January and July")
    assert lines["iosmart"].get_label() == "ioSmart: no revision of running orders"
    # flat lines sharing their values are nested stripes, so each stays visible
    assert len({lines[v].get_linewidth() for v in ("janquor", "iosmart", "gout")}) == 3
    assert ax.get_xlabel() == "date of the service"
    assert ax.get_ylabel() == "price excl. VAT"
    assert ax.yaxis.get_major_formatter()(1000, 0) == "€1,000"


def test_leappy_line_steps_at_each_revision(default_fig):
    ax = default_fig.axes[0]
    line = by_gid(ax, "price:leappy")
    points = [(day(x), round(y, 2)) for x, y in zip(line.get_xdata(), line.get_ydata(),
                                                     strict=True)]
    assert points == [
        (dt.date(2023, 3, 15), 1000.00),
        (dt.date(2023, 7, 2), 1029.94),   # 1000 x 302.7 / 293.9
        (dt.date(2024, 1, 2), 1044.57),   # 1000 x 307.0 / 293.9
        (dt.date(2024, 7, 2), 1066.01),   # 1000 x 313.3 / 293.9
        (dt.date(2025, 1, 1), 1066.01),   # the last computable day
    ]
    assert line.get_drawstyle() == "steps-post"
    marks = by_gid(ax, "revisions:leappy")
    assert [day(x) for x in marks.get_xdata()] == [dt.date(2023, 7, 2), dt.date(2024, 1, 2),
                                                   dt.date(2024, 7, 2)]


def test_paths_stop_where_the_index_data_stops_with_a_note(default_fig):
    ax = default_fig.axes[0]
    stop = by_gid(ax, "stop:teogest")
    assert day(stop.get_xdata()[0]) == dt.date(2023, 12, 31)
    assert day(by_gid(ax, "stop:leappy").get_xdata()[0]) == dt.date(2025, 1, 1)
    notes = by_gid(ax, "price-notes").get_text()
    assert ("Teogest: no price after 2023-12-31: the 2024-01-01 revision needs S1, the Syntec "
            "index of 2022-11: a gap in the data") in notes
    assert "the Syntec index of 2024-11: a gap in the data" in notes
    assert "ioSmart, article Prix (unnumbered): no revision of running orders" in notes
    assert "Michaël GOUT, art. 4BA: no revision of running orders" in notes
    assert "JANQUOR, art. 4: flat unless the volume of work deviates by more than 10 %" in notes
    assert not [a for a in ax.get_lines() if a.get_gid() in ("stop:iosmart", "stop:gout")]


def test_teogest_worst_case_is_a_dashed_line_over_a_band():
    ax = price_paths_chart(["teogest", "leappy"], 1000, "2019-03-15", "2022-06-30").axes[0]
    price, worst = by_gid(ax, "price:teogest"), by_gid(ax, "worst:teogest")
    assert worst.get_linestyle() == "--"
    assert to_hex(worst.get_color()) == COLOURS["teogest"]
    assert worst.get_label() == "Teogest: worst case (its margin used in full)"
    assert round(price.get_ydata()[-1], 2) == 1024.80
    assert [round(y, 2) for y in worst.get_ydata()] == [1000.00, 1090.00, 1188.10, 1295.03,
                                                        1295.03]
    assert by_gid(ax, "worst-band:teogest") is not None
    assert not [a for a in ax.get_lines() if a.get_gid() == "worst:leappy"]


def test_janquor_steps_with_a_volume_deviation_and_is_flat_without():
    given = price_paths_chart(["janquor"], 1000, "2023-03-15", "2025-10-31",
                              volume_deviation_percent=12).axes[0]
    line = by_gid(given, "price:janquor")
    assert [round(y, 2) for y in line.get_ydata()] == [1000.00, 1030.00, 1060.90, 1060.90]
    assert [day(x) for x in line.get_xdata()][1:3] == [dt.date(2024, 1, 10),
                                                       dt.date(2025, 1, 10)]
    assert "volume deviation 12 % taken for each year evaluated (2023, 2024)" in \
        by_gid(given, "price-notes").get_text()
    unknown = price_paths_chart(["janquor"], 1000, "2023-03-15", "2025-10-31").axes[0]
    assert set(by_gid(unknown, "price:janquor").get_ydata()) == {1000.0}
    assert round(by_gid(unknown, "worst:janquor").get_ydata()[-1], 2) == 1060.90


def test_table_gives_price_worst_case_revisions_index_values_and_stops():
    table = price_revision_table(["leappy", "teogest", "iosmart"], 1000, "2023-03-15",
                                 "2025-10-31")
    leappy = table.loc["Leappy SAS"]
    assert leappy["revised price (EUR)"] == Decimal("1066.01")
    assert leappy["price at"] == dt.date(2025, 1, 1)
    assert leappy["revisions applied"].startswith("2023-07-01 (S2/S1 302.7/293.9: 1029.94 EUR)")
    assert leappy["index values used"].startswith("2023-01: 293.9 (revised); 2023-05: 302.7")
    assert "Syntec index of 2024-11" in leappy["path stops"]
    teogest = table.loc["Teogest"]
    assert teogest["revised price (EUR)"] == Decimal("1000.00")
    assert teogest["path stops"].startswith("after 2023-12-31:")
    assert table.loc["ioSmart", "path stops"] == "no: reaches 2025-10-31"


def test_the_price_table_in_french():
    # Leappy art. 9, P2 = P1 x S2/S1 each January and July: signed 2023-03-15 at 1,000 EUR,
    # revised 2023-07-01 with S1 = 293.9 (2023-01) and S2 = 302.7 (2023-05), both of the
    # revised series: 1,000 x 302.7 / 293.9 = 1,029.942 -> 1,029.94 EUR
    table = price_table(vendor_price_paths(["leappy", "iosmart"], 1000, "2023-03-15",
                                           "2025-10-31", lang="fr"), "fr")
    leappy = table.loc["Leappy SAS"]
    assert leappy["revisions applied"].startswith(
        "1er juil. 2023 (S2/S1 302,7/293,9 : 1\u202f029,94\u00a0€); ")
    assert leappy["index values used"].startswith(
        "2023-01 : 293,9 (série révisée); 2023-05 : 302,7 (série révisée)")
    # before the August 2022 switch the values come from the old series: 2021-01 = 275.0
    old = price_table(vendor_price_paths(["leappy"], 1000, "2021-03-15", "2021-12-31",
                                         lang="fr"), "fr")
    assert old.loc["Leappy SAS", "index values used"].startswith(
        "2021-01 : 275,0 (ancienne série)")
    # ioSmart's price article has no number in the text: the note says so in French
    notes = " ".join(vendor_price_paths(["iosmart"], 1000, "2023-03-15", "2025-10-31",
                                        lang="fr")[0].notes)
    assert notes == ("ioSmart, article Prix (non numéroté) : pas de révision des commandes en "
                     "cours ; les nouveaux tarifs ne s'appliquent qu'aux nouvelles commandes")


def test_last_computable_day_inside_a_month():
    # Leappy's 2025-07-01 revision needs 2025-05, a gap: services up to 2025-07-01 are priced,
    # and the monthly path alone (rows on the 1st) would not see it before 2025-08-01.
    vp = vendor_price_path("leappy", 1000, "2025-03-15", "2025-07-15")
    assert vp.at == dt.date(2025, 7, 1)
    assert vp.stopped == "the 2025-07-01 revision needs S2, the Syntec index of 2025-05: a gap " \
        "in the data"


def test_stop_reason_past_the_end_of_the_data():
    message = ("S2 of the revision at the service date 2026-01-15: Syntec index, last published "
               "value: no value for 2026-01-15, which is after the last covered date. ...")
    assert stop_reason(message) == ("the 2026-01-15 revision needs S2, a Syntec index published "
                                    "after the end of the data (2025-10)")


def test_bad_scenarios_raise_clear_errors():
    with pytest.raises(InputError, match="until: 2023-01-01 is before start 2023-03-15"):
        price_paths_chart(["leappy"], 1000, "2023-03-15", "2023-01-01")
    with pytest.raises(InputError, match="price: -5 is negative"):
        price_paths_chart(["leappy"], -5, "2023-03-15", "2023-12-01")
    with pytest.raises(InputError, match="vendors: choose at least one vendor"):
        price_paths_chart([], 1000, "2023-03-15", "2023-12-01")


def test_the_price_paths_in_french():
    fig = price_paths_chart(["leappy", "iosmart"], 1000, "2023-03-15", "2025-10-31", lang="fr")
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == (
        "1\u202f000,00\u00a0€ fixés le 15 mars 2023 : le prix jusqu'au 31 oct. 2025 selon la "
        "clause de révision de chaque fournisseur")
    assert ax.get_xlabel() == "date de la prestation" and ax.get_ylabel() == "prix HT"
    assert ax.yaxis.get_major_formatter()(1000, 0) == "1\u202f000\u00a0€"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Leappy SAS : Syntec chaque janvier et juillet (P2 = P1 x S2/S1)" in labels
    assert "ioSmart : pas de révision des commandes en cours" in labels
    notes = by_gid(ax, "price-notes").get_text().replace("\n  ", " ")
    assert ("ioSmart, article Prix (non numéroté) : pas de révision des commandes en cours ; "
            "les nouveaux tarifs ne s'appliquent qu'aux nouvelles commandes") in notes


def test_the_syntec_chart_in_french():
    ax = syntec_chart("2021-10", "2023-02", lang="fr").axes[0]
    assert ax.get_ylabel() == "points d'indice"
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "ancien indice (jusqu'à 2022-07)" in labels
    assert "2022-08 : passage à l'indice révisé" in labels
    # k = 280.6 / 286.4 = 0.97975 (the data's chaining coefficient), a decimal comma in French
    assert "révisé = ancien x 0,97975" in by_gid(ax, "syntec-coefficient").get_text()
