"""The notice and exit charts: rows, bars, windows and markers where the hand-worked dates say.

Hand-worked dates (cgvlib.arithmetic.notice conventions):
- JANQUOR, start 2024-01-31: terms 2024-01-31..2025-01-30 and 2025-01-31..2026-01-30; last day
  to send notice 2 months before the term's last day 2025-01-30 -> 2024-11-30, and before the
  anniversary 2025-01-31 -> 2024-11-30 too (31 November clamps); then 2025-11-30.
- GOUT maintenance, 12 months from 2024-01-31: one month before the term's last day 2025-01-30
  -> 2024-12-30 (default reading, the last safe day); before the renewal date 2025-01-31 ->
  2024-12-31 (the later day, the risk).
- Teogest, 12-month commitment from 2024-01-31 (term ends 2025-01-30): art. 20 (default), no
  notice in the first year, ends at the end of the month of the request: latest request
  2024-12-31; 14.3: the eve, 2025-01-30 (the risk).
- Teogest art. 20, request in November 2024: none under a year (ends 2024-11-30); 2 months at
  one year (2024-12-01..2025-01-31); 4 months at three years (ends 2025-03-31).
- JANQUOR exit cost, 1,000 EUR a month: on 2024-11-30 two contract months remain (2,000 EUR);
  on 2024-12-01 the letter is late, the year renews: 14 months (14,000 EUR).
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pytest
from matplotlib.colors import to_rgb

from cgvlib.arithmetic.notice import exit_plan
from cgvlib.errors import InputError
from cgvlib.views.notice import (
    exit_cost_by_date,
    exit_plan_frame,
    exit_plans,
    move_notice_sent,
    move_today,
    notice_by_tenure,
    notice_citations,
    notice_points,
    renewal_timeline,
)
from cgvlib.views.style import vendor_colour

D = dt.date
ALL = ["janquor", "iosmart", "teogest", "leappy", "gout"]


def x(day: dt.date) -> float:
    return mdates.date2num(dt.datetime.combine(day, dt.time()))


def by_gid(artists, gid):
    return [a for a in artists if a.get_gid() == gid]


@pytest.fixture(scope="module")
def timeline():
    return renewal_timeline(ALL, "2024-01-31", "2025-12-31",
                            commitment_months={"teogest": 12, "gout": 12}, today="2024-12-05",
                            today_label="notice sent")


def test_timeline_has_one_row_per_vendor(timeline):
    ax = timeline.axes[0]
    labels = [t.get_text().split("\n")[0] for t in ax.get_yticklabels()]
    assert labels == ["JANQUOR", "ioSmart", "Teogest", "Leappy SAS", "Michaël GOUT"]
    assert "termination letter must leave" in ax.get_title(loc="left")
    assert ax.get_xlabel() == "date"


def test_timeline_term_bars_in_each_vendors_colour_on_its_row(timeline):
    ax = timeline.axes[0]
    bars = by_gid(ax.patches, "term")
    assert len(bars) == 6  # two 12-month terms each for JANQUOR, Teogest and GOUT
    for vendor, row in [("janquor", 0), ("teogest", 2), ("gout", 4)]:
        mine = [b for b in bars if to_rgb(b.get_facecolor()) == to_rgb(vendor_colour(vendor))]
        assert len(mine) == 2, vendor
        assert all(row <= b.get_y() + b.get_height() / 2 <= row + 0.5 for b in mine)
    janquor = sorted((b for b in bars if b.get_y() < 0.5), key=lambda b: b.get_x())
    assert janquor[0].get_x() == x(D(2024, 1, 31))
    assert janquor[0].get_x() + janquor[0].get_width() == x(D(2025, 1, 31))
    assert janquor[1].get_x() + janquor[1].get_width() == x(D(2026, 1, 31))


def test_timeline_notice_windows_end_on_the_last_day_to_send_notice(timeline):
    ax = timeline.axes[0]
    windows = by_gid(ax.patches, "notice window")
    janquor = sorted((w for w in windows
                      if to_rgb(w.get_facecolor()) == to_rgb(vendor_colour("janquor"))),
                     key=lambda w: w.get_x())
    # from the term's start to the end of the last day (2024-11-30 included)
    assert [(w.get_x(), w.get_x() + w.get_width()) for w in janquor] == [
        (x(D(2024, 1, 31)), x(D(2024, 12, 1))), (x(D(2025, 1, 31)), x(D(2025, 12, 1)))]
    # the window already over at the scenario date is paler
    assert janquor[0].get_alpha() < janquor[1].get_alpha()
    gout = [w for w in windows if to_rgb(w.get_facecolor()) == to_rgb(vendor_colour("gout"))]
    assert min(w.get_x() + w.get_width() for w in gout) == x(D(2024, 12, 31))


def test_timeline_marks_both_readings_last_days(timeline):
    ax = timeline.axes[0]
    default = by_gid(ax.get_lines(), "last day to send notice")
    days = sorted(round(line.get_xdata()[0] - 0.5) for line in default)
    assert x(D(2024, 11, 30)) in days and x(D(2025, 11, 30)) in days  # JANQUOR
    assert x(D(2024, 12, 30)) in days  # GOUT, from the term's last day
    assert x(D(2024, 12, 31)) in days  # Teogest art. 20 (under a year: end of month)
    other = by_gid(ax.get_lines(), "last day to send notice (other reading)")
    other_days = {round(line.get_xdata()[0] - 0.5) for line in other}
    assert x(D(2024, 12, 31)) in other_days  # GOUT, from the renewal date
    assert x(D(2025, 1, 30)) in other_days  # Teogest 14.3, the eve of renewal
    # the later days are dated as the risk (JANQUOR's readings agree: nothing to date)
    risks = {t.get_text() for t in by_gid(ax.texts, "later day (risk)")}
    assert {"31 Dec 2024", "30 Jan 2025"} <= risks
    assert "30 Nov 2024" not in risks
    legend = [t.get_text() for t in timeline.legends[0].get_texts()]
    assert "last day under another reading (dated when later: the risk)" in legend
    renewals = by_gid(ax.get_lines(), "renewal dates")
    assert len(renewals) == 3
    assert list(renewals[0].get_xdata()) == [x(D(2025, 1, 31)), x(D(2026, 1, 31))]


def test_timeline_says_why_a_vendor_has_no_terms(timeline):
    ax = timeline.axes[0]
    texts = [t.get_text().replace("\n", " ") for t in by_gid(ax.texts, "no terms")]
    assert len(texts) == 2
    assert all("duration per order" in t and "no préavis" in t for t in texts)
    today = by_gid(ax.get_lines(), "today")
    assert len(today) == 1 and list(today[0].get_xdata()) == [x(D(2024, 12, 5))] * 2
    assert today[0].get_label() == "notice sent (5 December 2024)"


def test_timeline_without_commitment_explains_teogest_and_gout():
    fig = renewal_timeline(["teogest", "gout"], "2024-01-31", "2025-01-31", today="2024-06-01")
    texts = [t.get_text().replace("\n", " ") for t in by_gid(fig.axes[0].texts, "no terms")]
    assert "subscription without commitment" in texts[0]
    assert "give the commitment in months" in texts[1]
    assert not by_gid(fig.axes[0].patches, "term")


def test_timeline_refuses_until_before_start():
    with pytest.raises(InputError, match="until"):
        renewal_timeline(["janquor"], "2024-01-31", "2023-01-31")


def test_notice_by_tenure_values():
    fig = notice_by_tenure("teogest", request_month="2024-11", max_years=6)
    ax = fig.axes[0]
    line = by_gid(ax.get_lines(), "notice (months)")[0]
    months = dict(zip((round(v * 12) for v in line.get_xdata()), line.get_ydata(), strict=True))
    assert months[0] == 0
    assert months[11] == 0  # under one year: no préavis
    assert months[12] == 2  # the first anniversary: 1 + 1 full year (the vendor file's reading)
    assert months[24] == 3
    assert months[36] == 4
    assert months[72] == 7
    assert line.get_drawstyle() == "steps-post"
    assert to_rgb(line.get_color()) == to_rgb(vendor_colour("teogest"))
    assert "art. 20" in ax.get_title(loc="left")
    assert ax.get_ylabel() == "préavis (months)"
    assert "tenure" in ax.get_xlabel()


def test_notice_points_end_dates():
    points = notice_points("teogest", request_month="2024-11", max_years=3).set_index(
        "tenure_months")
    assert points.loc[11, "end"] == D(2024, 11, 30)
    assert points.loc[12, "notice_start"] == D(2024, 12, 1)
    assert points.loc[12, "end"] == D(2025, 1, 31)
    assert points.loc[36, "end"] == D(2025, 3, 31)


def test_notice_by_tenure_in_french():
    ax = notice_by_tenure("teogest", request_month="2024-11", max_years=2, lang="fr").axes[0]
    assert ax.get_title(loc="left") == (
        "Teogest art. 20 : préavis selon l'ancienneté, demande en novembre 2024")
    assert ax.get_ylabel() == "préavis (mois)"
    # a request in November 2024 after one full year: 2 months from 1 December, to 31 January
    assert "fin le 31 janv. 2025" in [t.get_text() for t in ax.texts]


def test_notice_by_tenure_refuses_a_vendor_without_tenure_rule():
    with pytest.raises(InputError, match="does not depend on tenure"):
        notice_by_tenure("janquor")


@pytest.fixture(scope="module")
def janquor_cost():
    return exit_cost_by_date("janquor", "2024-01-31", monthly_amount=1000, months=24)


def test_exit_cost_jumps_where_janquors_deadline_is_missed(janquor_cost):
    ax = janquor_cost.axes[0]
    line = by_gid(ax.get_lines(), "exit cost (term_end)")[0]
    # the anniversary reading bills the same sums every day for this contract: one line, the
    # legend says so (no line hidden under another)
    # (the readings by their names, cgvlib.names)
    assert line.get_label() == ("counted from the end of the term (default) = counted from the "
                                "anniversary (same sums every day)")
    cost = dict(zip(line.get_xdata(), line.get_ydata(), strict=True))
    assert cost[x(D(2024, 1, 31))] == 12000
    assert cost[x(D(2024, 11, 30))] == 2000
    assert cost[x(D(2024, 12, 1))] == 14000
    assert cost[x(D(2025, 11, 30))] == 2000
    assert cost[x(D(2025, 12, 1))] == 14000
    jumps = by_gid(ax.get_lines(), "jump")
    assert [j.get_xdata()[0] for j in jumps] == [x(D(2024, 12, 1)), x(D(2025, 12, 1))]
    missed = by_gid(ax.get_lines(), "missed deadline")
    assert {m.get_xdata()[0] for m in missed} == {x(D(2024, 12, 1)), x(D(2025, 12, 1))}
    assert not by_gid(ax.get_lines(), "exit cost (anniversary)")  # not drawn a second time


def test_exit_cost_axes_and_annotation(janquor_cost):
    ax = janquor_cost.axes[0]
    assert ax.yaxis.get_major_formatter()(14000, 0) == "€14,000"
    assert ax.get_xlabel() == "date the termination letter is sent"
    notes = [t.get_text() for t in ax.texts]
    assert "letter after 30 Nov 2024: renewed,\n+€12,000" in notes


def test_exit_cost_in_french():
    fig = exit_cost_by_date("janquor", "2024-01-31", monthly_amount=1000, months=12,
                            notice_sent="2024-12-05", lang="fr")
    ax = fig.axes[0]
    # Babel's French: a narrow no-break space between thousands, a no-break space before €
    assert ax.yaxis.get_major_formatter()(14000, 0) == "14\u202f000\u00a0€"
    assert ax.get_xlabel() == "date d'envoi de la lettre de résiliation"
    assert ax.get_title(loc="left") == (
        "JANQUOR : ce que coûte la sortie, selon la date d'envoi de la lettre\ncontrat depuis le "
        "31 janv. 2024, 1\u202f000,00\u00a0€ par mois")
    texts = [t.get_text() for t in ax.texts]
    # the letter after the last day (30 November 2024) renews the year: 12 x 1,000 more
    assert "lettre après le 30 nov. 2024 : reconduit,\n+12\u202f000\u00a0€" in texts
    # 5 December 2024: the renewed year (Feb 2025 - Jan 2026, 12 months) + December and
    # January of the running term: 14 x 1,000
    assert "14\u202f000,00\u00a0€" in texts
    labels = [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    assert labels[0] == ("compté depuis la fin de la période (par défaut) = compté depuis la "
                         "date anniversaire (mêmes sommes chaque jour)")
    assert "lettre envoyée (5 déc. 2024)" in labels


def test_exit_cost_marks_the_notice_date():
    fig = exit_cost_by_date("janquor", "2024-01-31", monthly_amount=1000, months=12,
                            notice_sent="2024-12-05")
    ax = fig.axes[0]
    sent = by_gid(ax.get_lines(), "notice sent")
    assert sent and sent[0].get_xdata()[0] == x(D(2024, 12, 5))
    assert any(t.get_text() == "€14,000.00" for t in ax.texts)


def shown(fig):
    """What a moved chart must share with one drawn afresh: its lines' data and labels, its
    texts, its windows' alpha, and its legend."""
    ax = fig.axes[0]
    return ([(line.get_gid(), list(line.get_xdata()), list(line.get_ydata()), line.get_label())
             for line in ax.get_lines()],
            [(t.get_text(), tuple(getattr(t, "xy", t.get_position()))) for t in ax.texts],
            [p.get_alpha() for p in by_gid(ax.patches, "notice window")],
            fig.cgvlib_legend[1])


def test_timeline_day_moved_in_place_matches_a_new_chart():
    # JANQUOR's first window ends on 2024-11-30: open on 2024-11-01, over on 2024-12-05
    draw = lambda day: renewal_timeline(  # noqa: E731
        ["janquor"], "2024-01-31", "2026-01-30", today=day, today_label="notice sent",
        legend_in_figure=False)
    fig = draw("2024-11-01")
    assert fig.legends == []
    assert [p.get_alpha() for p in by_gid(fig.axes[0].patches, "notice window")] == [0.35, 0.35]
    assert move_today(fig, "2024-12-05", "notice sent")
    assert [p.get_alpha() for p in by_gid(fig.axes[0].patches, "notice window")] == [0.15, 0.35]
    assert shown(fig) == shown(draw("2024-12-05"))
    assert not move_today(fig, "2030-01-01")  # outside the chart: a new chart is needed


def test_exit_cost_day_moved_in_place_matches_a_new_chart():
    draw = lambda day: exit_cost_by_date(  # noqa: E731
        "janquor", "2024-01-31", monthly_amount=1000, months=12, notice_sent=day,
        legend_in_figure=False)
    fig = draw("2024-12-05")
    assert fig.legends == []
    assert move_notice_sent(fig, "2024-11-30")
    assert "€2,000.00" in [t.get_text() for t in fig.axes[0].texts]
    assert shown(fig) == shown(draw("2024-11-30"))
    assert not move_notice_sent(fig, "2025-03-01")  # past the chart's 12 months


def test_exit_cost_says_when_not_computable():
    fig = exit_cost_by_date("leappy", "2024-01-31", monthly_amount=1000, months=2)
    texts = [t.get_text() for t in by_gid(fig.axes[0].texts, "not computable")]
    assert texts and "work done" in texts[0].replace("\n", " ")


def test_exit_plans_table_one_row_per_vendor_and_reading():
    table = exit_plans(["janquor", "gout", "leappy"], "2024-01-31", "2024-12-05",
                       monthly_amount=1000)
    janquor = table.loc["JANQUOR"]
    assert list(janquor.index) == ["term_end (default)", "anniversary"]
    assert janquor.loc["term_end (default)", "end"] == D(2026, 1, 30)
    assert janquor.loc["term_end (default)", "renewed"]
    assert str(janquor.loc["term_end (default)", "billed_total"]) == "14000.00"
    assert janquor.loc["term_end (default)", "later_day_risk"] is None  # both 2024-11-30
    assert "commitment_months" in table.loc[("Michaël GOUT", "-"), "billing"]
    assert table.loc[("Leappy SAS", "single reading"), "end"] == D(2024, 12, 5)


def test_notice_citations_quote_the_notice_clauses():
    table = notice_citations(["janquor", "teogest"])
    janquor = table[(table["vendor"] == "JANQUOR") & (table["what"] == "notice")]
    assert janquor["article"].tolist() == ["16"]
    assert "deux (2) mois avant le terme du contrat" in janquor["quote"].iloc[0]
    teogest = table[table["vendor"] == "Teogest"]
    assert any("Tout mois commencé étant dû" in q for q in teogest["quote"])


def test_exit_plan_frame_shows_the_safe_day_and_the_risk():
    # JANQUOR from 2024-03-01, letter 2024-12-20, 1,000.00 a month: last safe day 2024-12-28
    # (two months before the term's last day 2025-02-28), met; the anniversary reading gives
    # 2025-01-01, and a letter only then is void under the default: the renewed 12 months,
    # 12 x 1,000.00 = 12,000.00, at stake.
    plan = exit_plan("janquor", "2024-03-01", "2024-12-20", monthly_amount=1000)
    frame = exit_plan_frame(plan)
    row = frame.loc["term_end (default)"]
    assert (row["last_day_to_send_notice"], row["deadline_met"]) == (D(2024, 12, 28), True)
    assert row["later_day_risk"] == D(2025, 1, 1)
    assert str(row["at_stake"]) == "12000.00"
    assert frame.loc["anniversary", "later_day_risk"] is None
