"""Driving the notice app as a reader would: pick a vendor, move the letter's date, choose a
commitment, switch the chart; and the lesson's exercises.

Hand-worked figures (cgvlib.arithmetic.notice and exit_cost conventions):
- JANQUOR, start 2024-01-31, 1,000 EUR a month: first term ends 2025-01-30; the letter must
  leave by 2024-11-30 (two months before the term's last day 2025-01-30, and before the
  anniversary 2025-01-31 too, 31 November clamped: no later day, no risk).
  A letter on 2024-11-30 is in time: months 11 and 12 remain (from 2024-11-30), 2,000 EUR.
  A letter on 2024-12-05 is late and void: the contract renews to 2026-01-30, and 14 contract
  months remain (24 - 10 completed), 14,000 EUR.
- GOUT, 12-month maintenance from 2024-01-31: last safe day 2024-12-30 (one month before the
  period's last day 2025-01-30); the renewal-date reading gives 2024-12-31, the risk: a letter
  only then renews the 12 months, 12 x 1,000 = 12,000 EUR at stake. A letter on 2024-12-05
  ends it on 2025-01-30; two months remain (2,000 EUR).
- Teogest, 12-month commitment from 2024-01-31, request 2025-03-03: art. 20 (default), one
  year of tenure, 2 months (April-May 2025), within the second commitment period, which runs
  to 2026-01-30.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import matplotlib.dates as mdates
import pytest

from cgvlib.apps.notice import NoticeApp, notice_exercises
from cgvlib.errors import InputError

D = dt.date


@pytest.fixture
def app():
    return NoticeApp(vendor="janquor", start="2024-01-31", notice_sent="2024-12-05",
                     monthly_amount=1000, lang="en")


def gids(figure):
    ax = figure.axes[0]
    return {a.get_gid() for a in [*ax.get_lines(), *ax.patches, *ax.texts]} - {None}


def test_controls_are_named_for_what_they_set(app):
    assert list(app.controls) == ["vendor", "start", "notice_sent", "commitment_months",
                                  "monthly_amount", "chart"]
    assert ("JANQUOR", "janquor") in app.controls["vendor"].options
    assert [v for _, v in app.controls["commitment_months"].options] == [None, 12, 24, 36]


def test_a_late_letter_renews_janquor(app):
    assert app.error is None
    plan = app.results.plan
    assert (plan.end, plan.deadline, plan.deadline_met, plan.renewed) == (
        D(2026, 1, 30), D(2024, 11, 30), False, True)
    assert plan.billed_total == Decimal("14000.00")
    assert set(app.results.readings) == {"anniversary", "term_end"}
    assert list(app.frame.index) == ["term_end (default)", "anniversary"]
    assert list(app.frame["end"]) == [D(2026, 1, 30)] * 2
    assert list(app.frame["later_day_risk"]) == [None, None]
    deadlines = app.results.deadlines
    assert list(deadlines["last_day_to_send_notice"]) == [D(2024, 11, 30), D(2025, 11, 30)]
    assert {"term", "notice window", "today"} <= gids(app.figure)
    today = next(line for line in app.figure.axes[0].get_lines() if line.get_gid() == "today")
    assert today.get_label() == "notice sent (5 December 2024)"


def test_moving_the_letter_recomputes_once_and_memoises(app):
    assert app.computations == 1
    app.controls["notice_sent"].value = D(2024, 11, 30)
    plan = app.results.plan
    assert (plan.end, plan.deadline_met, plan.renewed) == (D(2025, 1, 30), True, False)
    assert plan.billed_total == Decimal("2000.00")
    assert app.computations == 2
    app.controls["notice_sent"].value = D(2024, 12, 5)
    assert app.computations == 2
    assert app.results.plan.billed_total == Decimal("14000.00")


def test_switching_the_chart_keeps_the_plan(app):
    plan = app.results.plan
    app.controls["chart"].value = "exit cost"
    assert app.error is None
    assert app.results.plan is plan  # the exit plan does not depend on the chart
    # one line for both readings (the same sums every day for this contract)
    assert {"exit cost (term_end)", "jump", "missed deadline", "notice sent"} <= gids(
        app.figure)
    cost_figure = app.figure
    app.controls["chart"].value = "timeline"
    app.controls["chart"].value = "exit cost"
    assert app.figure is cost_figure  # drawn once per set of values


def sent_day(figure, gid):
    (line,) = [line for line in figure.axes[0].get_lines() if line.get_gid() == gid]
    return mdates.num2date(line.get_xdata()[0]).date(), line.get_label()


def test_a_later_letter_moves_the_line_on_the_same_timeline(app):
    # 2024-12-05 and 2024-12-20 are both late: the contract renews to 2026-01-30 either way,
    # so the timeline covers the same terms and only its line moves
    figure = app.figure
    app.controls["notice_sent"].value = D(2024, 12, 20)
    assert app.figure is figure and app.figure_changed
    assert sent_day(figure, "today") == (D(2024, 12, 20), "notice sent (20 December 2024)")
    assert "notice sent (20 December 2024)" in app.legend.value
    assert "5 December 2024" not in app.legend.value
    # a letter in time ends the contract a year earlier: another timeline
    app.controls["notice_sent"].value = D(2024, 11, 30)
    assert app.figure is not figure
    assert sent_day(app.figure, "today")[0] == D(2024, 11, 30)


def test_a_letter_in_time_marks_its_sum_on_the_same_exit_cost_chart(app):
    app.controls["chart"].value = "exit cost"
    figure = app.figure
    texts = lambda: [t.get_text() for t in figure.axes[0].texts]  # noqa: E731
    assert "€14,000.00" in texts()  # late letter on 2024-12-05: 14 months (see above)
    app.controls["notice_sent"].value = D(2024, 11, 30)  # in time: 2 months, 2,000 EUR
    assert app.figure is figure and app.figure_changed
    assert "€2,000.00" in texts() and "€14,000.00" not in texts()
    assert sent_day(figure, "notice sent") == (D(2024, 11, 30), "notice sent (30 Nov 2024)")
    assert "notice sent (30 Nov 2024)" in app.legend.value


def test_gout_needs_the_maintenance_length(app):
    figure = app.figure
    app.controls["vendor"].value = "gout"
    assert app.error is not None
    assert "commitment_months" in app.error and "GOUT" in app.error
    assert app.figure is figure  # the last good figure stays
    assert "commitment_months" in app.message.value
    app.controls["commitment_months"].value = 12
    assert app.error is None and app.message.value == ""
    plan = app.results.plan
    assert (plan.end, plan.deadline, plan.deadline_met) == (D(2025, 1, 30), D(2024, 12, 30),
                                                            True)
    assert plan.billed_total == Decimal("2000.00")
    assert (plan.later_deadline, plan.at_stake) == (D(2024, 12, 31), Decimal("12000.00"))
    row = app.frame.loc["notice[0]=term_end (default)"]
    assert (row["later_day_risk"], str(row["at_stake"])) == (D(2024, 12, 31), "12000.00")


def test_notice_before_the_start_is_refused(app):
    figure = app.figure
    app.controls["notice_sent"].value = D(2023, 12, 1)
    assert "before start 2024-01-31" in app.error
    assert app.figure is figure
    app.controls["notice_sent"].value = None
    assert "notice_sent: empty; write a date such as 15/03/2024" in app.error
    app.controls["notice_sent"].value = D(2024, 12, 5)
    app.controls["monthly_amount"].value = -10.0
    assert "monthly_amount" in app.error and "negative" in app.error


def test_a_length_the_vendor_does_not_offer_is_refused(app):
    app.controls["commitment_months"].value = 24
    assert "no 24-month term" in app.error


def test_vendors_without_terms_to_renew(app):
    app.controls["vendor"].value = "leappy"
    assert app.error is None
    assert app.results.plan.end == D(2024, 12, 5)
    assert app.results.deadlines is None
    assert "no renewal" in app.results.deadlines_note
    assert "no terms" in gids(app.figure)


def test_teogest_commitment_keeps_both_readings():
    app = NoticeApp(vendor="teogest", start="2024-01-31", notice_sent="2025-03-03",
                    commitment_months=12, monthly_amount=1000, lang="en")
    assert app.error is None
    assert app.results.plan.end == D(2026, 1, 30)
    assert app.results.plan.notice_months == 2
    assert list(app.frame.index) == ["notice[0]=one_year_notice_due (default)",
                                     "notice[0]=one_year_no_notice", "notice[1]=eve_of_renewal"]
    assert "last_day_to_send_notice (notice[1]=eve_of_renewal)" in app.results.deadlines.columns


def test_bad_initial_values_raise():
    with pytest.raises(InputError, match="commitment_months"):
        NoticeApp(commitment_months=18, lang="en")
    with pytest.raises(InputError, match="vendor"):
        NoticeApp(vendor="acme", lang="en")


# --------------------------------------------------------------------------- exercises


def test_exercise_answers():
    exercises = notice_exercises()
    assert exercises["janquor_deadline"].answer() == D(2024, 11, 30)
    assert exercises["teogest_end"].answer() == D(2025, 3, 31)
    assert exercises["teogest_first_anniversary"].answer() == 2
    assert exercises["gout_deadline"].answer() == D(2024, 11, 30)
    assert exercises["janquor_late_cost"].answer() == Decimal("14000.00")


@pytest.mark.parametrize(("name", "answer", "why"), [
    ("janquor_deadline", "2024-12-01", "rolled the non-existent 31 November"),
    ("janquor_deadline", "2025-01-30", "term's last day"),
    ("teogest_end", "2025-03-19", "le lendemain du mois"),
    ("teogest_end", "2025-02-28", "forgetting the base month"),
    ("teogest_end", "2025-04-30", "started years"),
    ("teogest_first_anniversary", 0, "moins d’un an"),
    ("gout_deadline", "2024-12-01", "renewal date"),
    ("janquor_late_cost", 2000, "void"),
])
def test_classic_mistakes_are_recognised(name, answer, why):
    verdict = notice_exercises()[name].check(answer)
    assert not verdict
    assert why in verdict.message


def test_right_and_missing_answers():
    exercises = notice_exercises()
    assert exercises["janquor_deadline"].check("2024-11-30")
    assert exercises["janquor_late_cost"].check("14 000,00")
    assert "No answer yet" in exercises["teogest_end"].check(None).message
