"""Notice and exit: when does the contract end if the letter leaves on a given day, was the
deadline met or has the contract renewed (tacite reconduction), and what is billed until the
end. Also the exercises of the lesson on renewal and notice (préavis).

:class:`NoticeApp` controls: ``vendor`` (Dropdown of vendor ids, names as labels), ``start`` and
``notice_sent`` (DatePicker), ``commitment_months`` (Dropdown: none, 12, 24, 36),
``monthly_amount`` (AmountText, euros a month, typed 1 000,50 or 1000.50) and ``chart`` (the
renewal timeline or the exit cost by date). Results: the
:func:`~cgvlib.arithmetic.notice.exit_plan` (``app.results.plan``: end, préavis, the last safe
day met or missed (the default reading's deadline), the later day another reading gives and what
is at stake if the letter leaves only then, renewed or not, billed total, every reading; the
table's ``later_day_risk`` and ``at_stake``) and the
:func:`~cgvlib.arithmetic.notice.renewal_deadlines` table (``app.results.deadlines``, None with
``app.results.deadlines_note`` saying why for vendors without terms to renew); the table is the
exit plan's figures per reading. Bad values (a notice sent before the start, GOUT without the
maintenance's length, a length the vendor does not offer) show a clear message.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import ipywidgets as widgets
import pandas as pd

from cgvlib.apps.base import App
from cgvlib.apps.choosers import vendor_id, with_own
from cgvlib.apps.exercises import Exercise
from cgvlib.apps.inputs import AmountText, typed_euros
from cgvlib.arithmetic.notice import ExitPlan, exit_plan, renewal_deadlines
from cgvlib.dates import as_date, as_month
from cgvlib.errors import InputError
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.reference.months import add_months, end_of_month
from cgvlib.views.notice import exit_cost_by_date, exit_plan_frame, renewal_timeline

COMMITMENTS = [("none", None), ("12 months", 12), ("24 months", 24), ("36 months", 36)]
CHARTS = [("renewal timeline", "timeline"), ("exit cost by date", "exit cost")]
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class NoticeResults:
    """What the app computed for one set of control values."""

    vendor: str
    start: dt.date
    notice_sent: dt.date
    commitment_months: int | None
    monthly_amount: float | None
    chart: str
    plan: ExitPlan
    deadlines: pd.DataFrame | None = field(repr=False)
    deadlines_note: str | None
    until: dt.date

    @property
    def end(self) -> dt.date:
        return self.plan.end

    @property
    def readings(self) -> dict[str, ExitPlan]:
        return dict(self.plan.readings)


class NoticeApp(App):
    """When the contract ends if notice leaves on a given day, and what leaving costs."""

    title = "Notice and exit: when the contract ends and what leaving costs"

    def __init__(self, vendor: str = "janquor", start="2024-01-31", notice_sent="2024-12-05", *,
                 commitment_months: int | None = None, monthly_amount: float | None = 1000.0,
                 chart: str = "timeline", invoice_history=None) -> None:
        self._initial = {
            "vendor": vendor_id(vendor), "start": as_date(start, "start"),
            "notice_sent": as_date(notice_sent, "notice_sent"),
            "commitment_months": commitment_months,
            "monthly_amount": None if monthly_amount is None else float(monthly_amount),
            "chart": chart,
        }
        if commitment_months not in dict(COMMITMENTS).values():
            raise InputError(f"commitment_months: {commitment_months!r}; the app offers "
                             "None, 12, 24 or 36")
        if chart not in dict(CHARTS).values():
            raise InputError(f"chart: {chart!r}; choose 'timeline' or 'exit cost'")
        self.invoice_history = invoice_history  # Teogest's monthly invoices, month -> euros
        self._plans: dict = {}
        self._deadlines: dict = {}
        self._figures: dict = {}
        super().__init__()

    # --- controls ---------------------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        init = self._initial
        options = with_own([(v.name, v.id) for v in all_vendors()], [init["vendor"]])
        if init["vendor"] not in [vid for _, vid in options]:
            raise InputError(f"vendor: {init['vendor']!r} is not a vendor; valid: "
                             + ", ".join(vid for _, vid in options))
        style = {"description_width": "initial"}
        return {
            "vendor": widgets.Dropdown(options=options, value=init["vendor"],
                                       description="vendor", style=style),
            "start": widgets.DatePicker(value=init["start"], description="contract start",
                                        style=style),
            "notice_sent": widgets.DatePicker(value=init["notice_sent"],
                                              description="notice sent", style=style),
            "commitment_months": widgets.Dropdown(options=COMMITMENTS,
                                                  value=init["commitment_months"],
                                                  description="commitment", style=style),
            "monthly_amount": AmountText(value=init["monthly_amount"],
                                         description="monthly amount (EUR)", style=style),
            "chart": widgets.ToggleButtons(options=CHARTS, value=init["chart"],
                                           description="chart", style=style),
        }

    # --- computing --------------------------------------------------------------------------

    def compute(self, *, vendor, start, notice_sent, commitment_months, monthly_amount,
                chart) -> NoticeResults:
        if start is None:
            raise InputError("start: pick the date the contract (subscription) started")
        if notice_sent is None:
            raise InputError("notice_sent: pick the date the termination letter leaves")
        start, notice_sent = as_date(start, "start"), as_date(notice_sent, "notice_sent")
        monthly_amount = typed_euros(monthly_amount, "monthly_amount", optional=True)
        if monthly_amount is not None and monthly_amount < 0:
            raise InputError(f"monthly_amount: {monthly_amount} EUR is negative; give the "
                             "monthly price in euros, 0 or more")
        plan = self._plan(vendor, start, notice_sent, commitment_months, monthly_amount)
        ends = [r.end for r in (plan.readings or {None: plan}).values()]
        until = max([*ends, notice_sent])
        deadlines, note = self._deadline_table(vendor, start, until, commitment_months)
        return NoticeResults(vendor=vendor, start=start, notice_sent=notice_sent,
                             commitment_months=commitment_months, monthly_amount=monthly_amount,
                             chart=chart, plan=plan, deadlines=deadlines, deadlines_note=note,
                             until=until)

    def _plan(self, vendor, start, notice_sent, commitment_months, monthly_amount) -> ExitPlan:
        """The exit plan, cached by the controls it depends on (not the chart)."""
        key = (vendor, start, notice_sent, commitment_months, monthly_amount)
        if key not in self._plans:
            self._plans[key] = exit_plan(vendor, start, notice_sent,
                                         commitment_months=commitment_months,
                                         monthly_amount=monthly_amount,
                                         invoice_history=self._history(start, notice_sent))
        return self._plans[key]

    def _history(self, start: dt.date, notice_sent: dt.date):
        """The invoices given, up to the month of the request (exit_plan refuses later ones)."""
        if self.invoice_history is None:
            return None
        first, last = start.replace(day=1), notice_sent.replace(day=1)
        return {k: v for k, v in self.invoice_history.items()
                if first <= as_month(k, "invoice_history month") <= last}

    def _deadline_table(self, vendor, start, until, commitment_months):
        key = (vendor, start, until, commitment_months)
        if key not in self._deadlines:
            try:
                table = renewal_deadlines(vendor, start, until,
                                          commitment_months=commitment_months)
                self._deadlines[key] = (table, None)
            except InputError as exc:
                self._deadlines[key] = (None, f"no renewal deadlines: {exc}")
        return self._deadlines[key]

    # --- drawing ----------------------------------------------------------------------------

    def draw(self, results: NoticeResults):
        r = results
        # the timeline does not depend on the monthly amount: changing it keeps the figure
        key = (r.chart, r.vendor, r.start, r.notice_sent, r.commitment_months,
               r.monthly_amount if r.chart != "timeline" else None)
        if key not in self._figures:
            if r.chart == "timeline":
                self._figures[key] = renewal_timeline(
                    [r.vendor], r.start, r.until, commitment_months=r.commitment_months,
                    today=r.notice_sent, today_label="notice sent")
            else:
                if r.monthly_amount is None:
                    raise InputError("monthly_amount: give the monthly price in euros to chart "
                                     "what leaving costs")
                self._figures[key] = exit_cost_by_date(
                    r.vendor, r.start, monthly_amount=r.monthly_amount,
                    commitment_months=r.commitment_months,
                    invoice_history=self.invoice_history, notice_sent=r.notice_sent)
        return self._figures[key]

    def table(self, results: NoticeResults) -> pd.DataFrame:
        return exit_plan_frame(results.plan)


# --------------------------------------------------------------------------- exercises


def _deadline_row(vendor: str, start: str, commitment_months=None) -> dict:
    table = renewal_deadlines(vendor, start, start, commitment_months=commitment_months)
    row = table.iloc[0].to_dict()
    row["reading"] = table.attrs["reading"]
    return row


def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days)


def gout_deadline_exercise(start: str, start_words: str) -> Exercise:
    """GOUT art. 7 C, website maintenance for 12 months from ``start`` (``start_words`` in the
    question): the last safe day to send the letter, one calendar month before the period's
    last day, clamped to the month's end (the renewal date gives the later day, the risk)."""
    row = lambda: _deadline_row("gout", start, 12)  # noqa: E731
    return Exercise(
        question=(f"Michaël GOUT, website maintenance for 12 months from {start_words}, renewed "
                  "tacitly « sauf si le Client [...] en fait la demande par lettre recommandée "
                  "avec accusé de réception au moins un mois avant l’échéance » (art. 7 C). "
                  "What is the last safe day to send the letter?"),
        solution=lambda: row()["last_day_to_send_notice"],
        unit="date",
        working=lambda: (
            f"the period runs {row()['term_start']} to {row()['term_end']}; « l’échéance » may "
            f"be the period's last day or the renewal date {row()['renewal_date']}; one month "
            f"before the last day is {row()['last_day_to_send_notice']} (a day the month lacks "
            f"clamps to the month's last day; default reading {row()['reading']}: for a date "
            "the client must meet, the earliest day any reading gives), one month before the "
            f"renewal date {row()['last_day_to_send_notice (notice[0]=anniversary)']}, the risk"),
        mistakes={
            "you counted from the renewal date: that reading gives the later day, which may be "
            "too late to stop the renewal; the last safe day counts from the period's last day":
                lambda: add_months(row()["renewal_date"], -1),
            "you counted 30 days back from the period's last day instead of one calendar month":
                lambda: _days_before(row()["term_end"], 30),
            "you gave the period's last day, when the contract ends: the letter must leave a "
            "month earlier": lambda: row()["term_end"],
            "you rolled a day the month lacks over into the next month instead of clamping it "
            "to the month's last day": lambda: _rolled_over(add_months(row()["term_end"], -1),
                                                            row()["term_end"]),
        },
    )


def _rolled_over(clamped: dt.date, term_end: dt.date) -> dt.date:
    """One month before ``term_end`` counted without clamping: a day the month lacks (31
    February) rolls over into the next month (3 March); the clamped day itself otherwise."""
    missing = term_end.day - clamped.day
    return clamped + dt.timedelta(days=missing) if missing > 0 else clamped


def notice_exercises() -> dict[str, Exercise]:
    """The exercises of ``notebooks/teaching/02_renewal_and_notice.ipynb``: each answer is
    computed by the library, each classic mistake by the mistaken reasoning it names.

    - ``janquor_deadline``: JANQUOR, start 2024-01-31, last day to send the letter;
    - ``teogest_end``: Teogest, start 2021-03-15, request 2024-11-20: the contract's last day;
    - ``teogest_first_anniversary``: Teogest, request on the first anniversary: months of
      préavis;
    - ``gout_deadline``: GOUT maintenance, 12 months from 2024-01-01: last day to send the
      letter;
    - ``janquor_late_cost``: JANQUOR as above, 1,000 EUR a month, letter on 2024-12-05: the
      sums billed until the end.
    """
    janquor = lambda: _deadline_row("janquor", "2024-01-31")  # noqa: E731
    teogest = lambda: exit_plan("teogest", "2021-03-15", "2024-11-20")  # noqa: E731
    first_anniversary = lambda: exit_plan("teogest", "2023-11-20", "2024-11-20")  # noqa: E731
    late = lambda: exit_plan("janquor", "2024-01-31", "2024-12-05",  # noqa: E731
                             monthly_amount=1000)
    request = dt.date(2024, 11, 20)
    return {
        "janquor_deadline": Exercise(
            question=("JANQUOR, 12-month contract started on 31 January 2024 (art. 16: « deux "
                      "(2) mois avant le terme du contrat »). What is the last day to send the "
                      "registered letter so that the contract ends at its first term?"),
            solution=lambda: janquor()["last_day_to_send_notice"],
            unit="date",
            working=lambda: (
                f"the first term runs {janquor()['term_start']} to {janquor()['term_end']} "
                f"(renewal on {janquor()['renewal_date']}); two months before the term's last "
                f"day gives {janquor()['last_day_to_send_notice']}, two months before the "
                f"renewal date {janquor()['last_day_to_send_notice (anniversary)']}: 31 "
                "November does not exist, so the date clamps to 30 November; both readings "
                "agree, and a letter sent that day is in time"),
            mistakes={
                "you gave the term's last day, when the contract ends: the letter must leave "
                "two months earlier": lambda: janquor()["term_end"],
                "you gave the renewal date (the anniversary): the letter must leave two months "
                "earlier": lambda: janquor()["renewal_date"],
                "you rolled the non-existent 31 November over to 1 December instead of clamping "
                "it to the month's last day, or counted 60 days back from the term's last day "
                "instead of two calendar months":
                    lambda: _days_before(janquor()["term_end"], 60),
                "you counted 60 days back from the anniversary instead of two calendar months":
                    lambda: _days_before(janquor()["renewal_date"], 60),
                "you read « deux mois avant » as strictly before and took one day more: a "
                "letter sent on the day two months before the term is in time":
                    lambda: _days_before(janquor()["last_day_to_send_notice"], 1),
            },
        ),
        "teogest_end": Exercise(
            question=("Teogest, subscription without commitment started on 15 March 2021; the "
                      "client asks to unsubscribe on 20 November 2024, after 3 full years "
                      "(art. 20). On what day does the contract end?"),
            solution=lambda: teogest().end,
            unit="date",
            working=lambda: "; ".join(teogest().derivation),
            mistakes={
                "you started the préavis on the day of the request instead of « le lendemain du "
                "mois » of the request (1 December 2024)":
                    lambda: add_months(request, 4) - ONE_DAY,
                "you started the préavis on the day of the request (instead of 1 December) and "
                "ended it on the same day number": lambda: add_months(request, 4),
                "you gave 3 months of préavis (one per full year, forgetting the base month "
                "of « un mois plus un mois par année complète »), or started the 4 months on "
                "1 November, in the month of the request, which is billed anyway (« tout mois "
                "commencé étant dû »)": lambda: end_of_month(add_months(request, 3)),
                "you counted started years (4) instead of completed years (3): 5 months":
                    lambda: end_of_month(add_months(request, 5)),
                "you ended the préavis on the first day of the month after it: 4 months from "
                "1 December end on 31 March": lambda: teogest().end + ONE_DAY,
            },
        ),
        "teogest_first_anniversary": Exercise(
            question=("Teogest, subscription started on 20 November 2023; the request is made "
                      "on 20 November 2024, exactly on the first anniversary. How many months "
                      "of préavis does the vendor file give?"),
            solution=lambda: first_anniversary().notice_months,
            unit="months",
            working=lambda: "; ".join(first_anniversary().derivation),
            mistakes={
                "you read the anniversary itself as « moins d’un an »: the text's « moins d’un "
                "an » / « plus d’un an » leave that day out; that reading is kept and shown, "
                "but the default is the one a careful client plans on, « plus d’un an » (the "
                "later end and the larger bill; the last day to leave without préavis is the "
                "day before the anniversary, safe under both)": lambda: 0,
                "you gave the base month only: the completed year adds one month (1 + 1 x 1)":
                    lambda: 1,
            },
        ),
        "gout_deadline": gout_deadline_exercise("2024-01-01", "1 January 2024"),
        "janquor_late_cost": Exercise(
            question=("JANQUOR as in the first exercise, 1,000 EUR a month; the letter leaves "
                      "on 5 December 2024. What is billed from that day to the end of the "
                      "contract?"),
            solution=lambda: late().billed_total,
            unit="EUR",
            working=lambda: "; ".join(late().working[:5]),
            mistakes={
                "you let the late letter end the contract at the first term (30 January "
                "2025): it is void, « toute demande de résiliation hors-délai sera nul et ne "
                "fera en aucun cas obstacle à ladite reconduction »": lambda: exit_plan(
                    "janquor", "2024-01-31", late().deadline, monthly_amount=1000).billed_total,
                "you counted the renewed year only, without the months left in the current "
                "term": lambda: 12 * late().billed_monthly,
                "you left out the month in progress at the request (the 11th month, from 30 "
                "November to 30 December 2024, not yet paid)":
                    lambda: late().billed_total - late().billed_monthly,
            },
        ),
    }


__all__ = ["NoticeApp", "NoticeResults", "notice_exercises"]
