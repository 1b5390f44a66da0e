"""Notice and exit: when does the contract end if the letter leaves on a given day, was the
deadline met or has the contract renewed (tacite reconduction), and what is billed until the
end. Also the exercises of the lesson on renewal and notice (préavis).

:class:`NoticeApp` controls: ``vendor`` (Dropdown of vendor ids, names as labels), ``start`` and
``notice_sent`` (DateText: ``15/03/2024``, ``15 mars 2024`` or ``2024-03-15``),
``commitment_months`` (Dropdown: none, 12, 24, 36),
``monthly_amount`` (AmountText, euros a month, typed 1 000,50 or 1000.50) and ``chart`` (the
renewal timeline or the exit cost by date). Results: the
:func:`~cgvlib.arithmetic.notice.exit_plan` (``app.results.plan``: end, préavis, the last safe
day met or missed (the default reading's deadline), the later day another reading gives and what
is at stake if the letter leaves only then, renewed or not, billed total, every reading; the
table's ``later_day_risk`` and ``at_stake``) and the
:func:`~cgvlib.arithmetic.notice.renewal_deadlines` table (``app.results.deadlines``, None with
``app.results.deadlines_note`` saying why for vendors without terms to renew); the table is the
exit plan's figures per reading. Bad values (a notice sent before the start, GOUT without the
maintenance's length, a length the vendor does not offer) show a clear message. ``lang``
(``"fr"`` by default, or ``"en"``): the language of every word the app shows.

The chart is shown as a PNG the app renders itself, its legend as HTML under it
(:class:`~cgvlib.apps.chart_app.ChartApp`). The timeline is made and laid out once for a
contract (vendor, start, commitment, the day it runs to); another day the notice leaves moves
its line in place (:func:`~cgvlib.views.notice.move_today`). Each exit cost chart is made and
laid out once for its inputs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import ipywidgets as widgets
import pandas as pd

from cgvlib.apps.base import freeze_layout
from cgvlib.apps.chart_app import ChartApp
from cgvlib.apps.choosers import vendor_id, with_own
from cgvlib.apps.exercises import Exercise
from cgvlib.apps.inputs import AmountText, DateText, typed_date, typed_euros
from cgvlib.arithmetic.notice import ExitPlan, exit_plan, renewal_deadlines
from cgvlib.dates import as_date, as_month, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase, say, translate
from cgvlib.lang import check_lang
from cgvlib.model.base import Silent
from cgvlib.model.loader import vendor as vendor_by_id
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.reference.months import add_months, end_of_month
from cgvlib.reference.series import day_or_month_words
from cgvlib.views.notice import (
    exit_cost_by_date,
    exit_cost_months,
    exit_cost_points,
    exit_plan_frame,
    move_notice_sent,
    move_today,
    renewal_timeline,
)

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


class NoticeApp(ChartApp):
    """When the contract ends if notice leaves on a given day, and what leaving costs."""

    title = "Notice and exit: when the contract ends and what leaving costs"

    def __init__(self, vendor: str = "janquor", start="2024-01-31", notice_sent="2024-12-05", *,
                 commitment_months: int | None = None, monthly_amount: float | None = 1000.0,
                 chart: str = "timeline", invoice_history=None, lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        self._initial = {
            "vendor": vendor_id(vendor), "start": as_date(start, "start"),
            "notice_sent": as_date(notice_sent, "notice_sent"),
            "commitment_months": commitment_months,
            "monthly_amount": None if monthly_amount is None else float(monthly_amount),
            "chart": chart,
        }
        if commitment_months not in dict(COMMITMENTS).values():
            raise InputError(translate("commitment_months: {months}; the app offers None, 12, "
                                       "24 or 36", self.lang).format(
                                           months=repr(commitment_months)))
        if chart not in dict(CHARTS).values():
            raise InputError(translate("chart: {chart}; choose 'timeline' or 'exit cost'",
                                       self.lang).format(chart=repr(chart)))
        self.invoice_history = invoice_history  # Teogest's monthly invoices, month -> euros
        self._plans: dict = {}
        self._deadlines: dict = {}
        self._exit_figure = None  # the exit cost chart shown, its day moved from day to day
        self._exit_key: tuple | None = None  # all it depends on but the day
        self._exit_day: dt.date | None = None  # the day it marks
        self._points: dict = {}  # what leaving costs on each day, by the inputs it needs
        self._timeline = None  # the timeline shown, its day's line moved from day to day
        self._timeline_key: tuple | None = None  # (vendor, start, until, commitment)
        self._timeline_day: dt.date | None = None  # the day its line marks
        super().__init__()

    # --- controls ---------------------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        init = self._initial
        options = with_own([(v.name, v.id) for v in all_vendors()], [init["vendor"]])
        lang = self.lang
        if init["vendor"] not in [vid for _, vid in options]:
            raise InputError(translate("vendor: {vendor} is not a vendor; valid: {ids}",
                                       lang).format(vendor=repr(init["vendor"]),
                                                    ids=", ".join(vid for _, vid in options)))
        style = {"description_width": "initial"}
        commitments = [(translate(name, lang), months) for name, months in COMMITMENTS]
        charts = [(translate(name, lang), chart) for name, chart in CHARTS]
        return {
            "vendor": widgets.Dropdown(options=options, value=init["vendor"],
                                       description=translate("vendor", lang), style=style),
            "start": DateText(init["start"], lang=lang, style=style,
                              description=translate("contract start", lang)),
            "notice_sent": DateText(init["notice_sent"], lang=lang, style=style,
                                    description=translate("notice sent", lang)),
            "commitment_months": widgets.Dropdown(options=commitments,
                                                  value=init["commitment_months"],
                                                  description=translate("commitment", lang),
                                                  style=style),
            "monthly_amount": AmountText(value=init["monthly_amount"],
                                         description=translate("monthly amount (EUR)", lang),
                                         style=style),
            "chart": widgets.ToggleButtons(options=charts, value=init["chart"],
                                           description=translate("chart", lang), style=style),
        }

    def _field(self, name: str) -> str:
        """The control ``name`` as the messages name it: ``name`` in English, the control's
        description in French."""
        return name if self.lang == "en" else self.controls[name].description

    # --- computing --------------------------------------------------------------------------

    def compute(self, *, vendor, start, notice_sent, commitment_months, monthly_amount,
                chart) -> NoticeResults:
        lang, field = self.lang, self._field
        start = typed_date(start, "start", lang=lang, label=field("start"))
        notice_sent = typed_date(notice_sent, "notice_sent", lang=lang,
                                 label=field("notice_sent"))
        monthly_amount = typed_euros(monthly_amount, "monthly_amount", optional=True, lang=lang,
                                     label=field("monthly_amount"))
        if monthly_amount is not None and monthly_amount < 0:
            raise InputError(translate("{field}: {amount} EUR is negative; give the monthly "
                                       "price in euros, 0 or more", lang).format(
                                           field=field("monthly_amount"), amount=monthly_amount))
        if notice_sent < start:
            raise InputError(Phrase("{field}: {sent} is before start {start}; notice can only be "
                                    "sent once the contract has started",
                                    field=field("notice_sent"),
                                    sent=day_or_month_words(notice_sent),
                                    start=day_or_month_words(start)))
        if lang != "en":  # the library's own refusal is in English
            self._check_commitment(vendor, commitment_months)
        plan = self._plan(vendor, start, notice_sent, commitment_months, monthly_amount)
        ends = [r.end for r in (plan.readings or {None: plan}).values()]
        until = max([*ends, notice_sent])
        deadlines, note = self._deadline_table(vendor, start, until, commitment_months)
        return NoticeResults(vendor=vendor, start=start, notice_sent=notice_sent,
                             commitment_months=commitment_months, monthly_amount=monthly_amount,
                             chart=chart, plan=plan, deadlines=deadlines, deadlines_note=note,
                             until=until)

    def _check_commitment(self, vendor: str, commitment_months: int | None) -> None:
        """Refuse, in the app's language, a commitment the vendor's terms do not offer: none
        chosen where the order or quote sets the length of a term to give notice on (GOUT art.
        7 C), or a length the terms do not list (as
        :func:`~cgvlib.arithmetic.notice.contract_terms` decides)."""
        term = vendor_by_id(vendor).term
        if term is None or isinstance(term, Silent) or not term.notice:
            return  # a duration per order, without notice: nothing to choose
        offers = term.initial_terms
        fixed = sorted({o.months for o in offers if o.months is not None})
        by_order = [o for o in offers if o.months is None]
        tacit = {o.months for o in offers if o.months and o.renewal == "tacit"}
        field = self._field("commitment_months")
        if commitment_months is None and by_order and not tacit:
            raise InputError(Phrase("{field}: {name}'s term length is set by the order or quote "
                                    "(art. {article}); choose it", field=field,
                                    name=vendor_by_id(vendor).name,
                                    article=by_order[0].source.article))
        if commitment_months is not None and fixed and not by_order and (
                commitment_months not in fixed):
            raise InputError(Phrase("{field}: {name}'s terms offer no {months}-month term; valid "
                                    "lengths: {lengths}", field=field,
                                    name=vendor_by_id(vendor).name, months=commitment_months,
                                    lengths=", ".join(map(str, fixed))))

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
        if r.chart == "timeline":
            return self._draw_timeline(r)
        if r.monthly_amount is None:
            raise InputError(translate("{field}: give the monthly price in euros to "
                                       "chart what leaving costs", self.lang).format(
                                           field=self._field("monthly_amount")))
        return self._draw_exit_cost(r)

    def _draw_exit_cost(self, r: NoticeResults):
        """What leaving costs by the day the letter leaves; made once for its inputs (all but
        that day, while the chart's span holds it), the day then marked in place."""
        key = (r.vendor, r.start, r.commitment_months, r.monthly_amount,
               exit_cost_months(r.start, r.notice_sent))
        if key == self._exit_key:
            if r.notice_sent == self._exit_day:
                return self._exit_figure
            if move_notice_sent(self._exit_figure, r.notice_sent):
                self._exit_day = r.notice_sent
                self.redrawn_in_place = True
                return self._exit_figure
        self._exit_figure = exit_cost_by_date(
            r.vendor, r.start, monthly_amount=r.monthly_amount,
            commitment_months=r.commitment_months, invoice_history=self.invoice_history,
            notice_sent=r.notice_sent, points=self._exit_points(r), legend_in_figure=False,
            lang=self.lang)
        freeze_layout(self._exit_figure)
        self._exit_key, self._exit_day = key, r.notice_sent
        return self._exit_figure

    def _exit_points(self, r: NoticeResults) -> pd.DataFrame:
        """The sums billed for a letter sent on each day of the exit cost chart, cached by
        the inputs they depend on (not the day the notice leaves, but the months it spans)."""
        months = exit_cost_months(r.start, r.notice_sent)
        key = (r.vendor, r.start, r.commitment_months, r.monthly_amount, months)
        if key not in self._points:
            self._points[key] = exit_cost_points(
                r.vendor, r.start, monthly_amount=r.monthly_amount,
                commitment_months=r.commitment_months, invoice_history=self.invoice_history,
                months=months)
        return self._points[key]

    def _draw_timeline(self, r: NoticeResults):
        """The renewal timeline, which does not depend on the monthly amount; for another day
        the notice leaves on the same contract, the line of the day moves on the chart already
        shown."""
        label = translate("notice sent", self.lang)
        key = (r.vendor, r.start, r.until, r.commitment_months)
        if key == self._timeline_key:
            if r.notice_sent == self._timeline_day:
                return self._timeline
            if move_today(self._timeline, r.notice_sent, label):
                self._timeline_day = r.notice_sent
                self.redrawn_in_place = True
                return self._timeline
        self._timeline = renewal_timeline(
            [r.vendor], r.start, r.until, commitment_months=r.commitment_months,
            today=r.notice_sent, today_label=label, legend_in_figure=False, lang=self.lang)
        freeze_layout(self._timeline)
        self._timeline_key, self._timeline_day = key, r.notice_sent
        return self._timeline

    def table(self, results: NoticeResults) -> pd.DataFrame:
        return exit_plan_frame(results.plan, self.lang)


# --------------------------------------------------------------------------- exercises


def _deadline_row(vendor: str, start: str, commitment_months=None) -> dict:
    table = renewal_deadlines(vendor, start, start, commitment_months=commitment_months)
    row = table.iloc[0].to_dict()
    row["reading"] = table.attrs["reading"]
    return row


def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days)


def gout_deadline_exercise(start: str, lang: str = "en") -> Exercise:
    """GOUT art. 7 C, website maintenance for 12 months from ``start``: the last safe day to
    send the letter, one calendar month before the period's last day, clamped to the month's
    end (the renewal date gives the later day, the risk). Its words in ``lang``."""
    row = lambda: _deadline_row("gout", start, 12)  # noqa: E731
    day = lambda key: format_date(row()[key], lang)  # noqa: E731
    return Exercise(
        question=translate(
            "Michaël GOUT, website maintenance for 12 months from {start}, renewed tacitly « "
            "sauf si le Client [...] en fait la demande par lettre recommandée avec accusé de "
            "réception au moins un mois avant l’échéance » (art. 7 C). What is the last safe "
            "day to send the letter?", lang).format(start=format_date(as_date(start), lang)),
        solution=lambda: row()["last_day_to_send_notice"],
        unit="date",
        working=lambda: translate(
            "the period runs {start} to {end}; « l’échéance » may be the period's last day or "
            "the renewal date {renewal}; one month before the last day is {safe} (a day the "
            "month lacks clamps to the month's last day; default reading: for a date the "
            "client must meet, the earliest day any reading gives), one month before the "
            "renewal date {risk}, the risk", lang).format(
                start=day("term_start"), end=day("term_end"), renewal=day("renewal_date"),
                safe=day("last_day_to_send_notice"),
                risk=day("last_day_to_send_notice (notice[0]=anniversary)")),
        mistakes={
            translate("you counted from the renewal date: that reading gives the later day, "
                      "which may be too late to stop the renewal; the last safe day counts "
                      "from the period's last day", lang):
                lambda: add_months(row()["renewal_date"], -1),
            translate("you counted 30 days back from the period's last day instead of one "
                      "calendar month", lang): lambda: _days_before(row()["term_end"], 30),
            translate("you gave the period's last day, when the contract ends: the letter "
                      "must leave a month earlier", lang): lambda: row()["term_end"],
            translate("you rolled a day the month lacks over into the next month instead of "
                      "clamping it to the month's last day", lang):
                lambda: _rolled_over(add_months(row()["term_end"], -1), row()["term_end"]),
        },
    )


def teogest_end_exercise(start: str, request: str, lang: str = "en") -> Exercise:
    """Teogest art. 20, a subscription without commitment started on ``start``, unsubscribed
    on ``request``: the contract's last day (one month plus one per completed year, from the
    first day of the month after the request). Its words in ``lang``."""
    plan = lambda: exit_plan("teogest", start, request)  # noqa: E731
    asked = as_date(request)
    months = lambda extra=0: plan().notice_months + extra  # noqa: E731
    return Exercise(
        question=translate(
            "Teogest, subscription without commitment started on {start}; the client asks to "
            "unsubscribe on {request} (art. 20). On what day does the contract end?", lang)
        .format(start=format_date(as_date(start), lang), request=format_date(asked, lang)),
        solution=lambda: plan().end,
        unit="date",
        working=lambda: "; ".join(say(line, lang) for line in plan().derivation),
        mistakes={
            translate("you started the préavis on the day of the request instead of « le "
                      "lendemain du mois » of the request", lang):
                lambda: add_months(asked, months()) - ONE_DAY,
            translate("you started the préavis on the day of the request (instead of the first "
                      "day of the next month) and ended it on the same day number", lang):
                lambda: add_months(asked, months()),
            translate("you gave one month per full year, forgetting the base month of « un "
                      "mois plus un mois par année complète », or started the préavis on the "
                      "first day of the month of the request, which is billed anyway (« tout "
                      "mois commencé étant dû »)", lang):
                lambda: end_of_month(add_months(asked, months(-1))),
            translate("you counted started years instead of completed years: one month too "
                      "many", lang): lambda: end_of_month(add_months(asked, months(1))),
            translate("you ended the préavis on the first day of the month after it", lang):
                lambda: plan().end + ONE_DAY,
        },
    )


def _rolled_over(clamped: dt.date, term_end: dt.date) -> dt.date:
    """One month before ``term_end`` counted without clamping: a day the month lacks (31
    February) rolls over into the next month (3 March); the clamped day itself otherwise."""
    missing = term_end.day - clamped.day
    return clamped + dt.timedelta(days=missing) if missing > 0 else clamped


def notice_exercises(lang: str = "en") -> dict[str, Exercise]:
    """The exercises of the lesson on renewal and notice: each answer is computed by the
    library, each classic mistake by the mistaken reasoning it names; their words in
    ``lang``.

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
    first_anniversary = lambda: exit_plan("teogest", "2023-11-20", "2024-11-20")  # noqa: E731
    late = lambda: exit_plan("janquor", "2024-01-31", "2024-12-05",  # noqa: E731
                             monthly_amount=1000)
    day = lambda key: format_date(janquor()[key], lang)  # noqa: E731
    return {
        "janquor_deadline": Exercise(
            question=translate(
                "JANQUOR, 12-month contract started on 31 January 2024 (art. 16: « deux (2) "
                "mois avant le terme du contrat »). What is the last day to send the "
                "registered letter so that the contract ends at its first term?", lang),
            solution=lambda: janquor()["last_day_to_send_notice"],
            unit="date",
            working=lambda: translate(
                "the first term runs {start} to {end} (renewal on {renewal}); two months "
                "before the term's last day gives {safe}, two months before the renewal date "
                "{other}: 31 November does not exist, so the date clamps to 30 November; both "
                "readings agree, and a letter sent that day is in time", lang).format(
                    start=day("term_start"), end=day("term_end"), renewal=day("renewal_date"),
                    safe=day("last_day_to_send_notice"),
                    other=day("last_day_to_send_notice (anniversary)")),
            mistakes={
                translate("you gave the term's last day, when the contract ends: the letter "
                          "must leave two months earlier", lang): lambda: janquor()["term_end"],
                translate("you gave the renewal date (the anniversary): the letter must leave "
                          "two months earlier", lang): lambda: janquor()["renewal_date"],
                translate("you rolled the non-existent 31 November over to 1 December instead "
                          "of clamping it to the month's last day, or counted 60 days back "
                          "from the term's last day instead of two calendar months", lang):
                    lambda: _days_before(janquor()["term_end"], 60),
                translate("you counted 60 days back from the anniversary instead of two "
                          "calendar months", lang):
                    lambda: _days_before(janquor()["renewal_date"], 60),
                translate("you read « deux mois avant » as strictly before and took one day "
                          "more: a letter sent on the day two months before the term is in "
                          "time", lang):
                    lambda: _days_before(janquor()["last_day_to_send_notice"], 1),
            },
        ),
        "teogest_end": teogest_end_exercise("2021-03-15", "2024-11-20", lang),
        "teogest_first_anniversary": Exercise(
            question=translate(
                "Teogest, subscription started on 20 November 2023; the request is made on 20 "
                "November 2024, exactly on the first anniversary. How many months of préavis "
                "does the vendor file give?", lang),
            solution=lambda: first_anniversary().notice_months,
            unit="months",
            working=lambda: "; ".join(say(line, lang) for line in
                                      first_anniversary().derivation),
            mistakes={
                translate("you read the anniversary itself as « moins d’un an »: the text's « "
                          "moins d’un an » / « plus d’un an » leave that day out; that reading "
                          "is kept and shown, but the default is the one a careful client "
                          "plans on, « plus d’un an » (the later end and the larger bill; the "
                          "last day to leave without préavis is the day before the "
                          "anniversary, safe under both)", lang): lambda: 0,
                translate("you gave the base month only: the completed year adds one month (1 "
                          "+ 1 x 1)", lang): lambda: 1,
            },
        ),
        "gout_deadline": gout_deadline_exercise("2024-01-01", lang),
        "janquor_late_cost": Exercise(
            question=translate(
                "JANQUOR as in the first exercise, 1,000 EUR a month; the letter leaves on 5 "
                "December 2024. What is billed from that day to the end of the contract?",
                lang),
            solution=lambda: late().billed_total,
            unit="EUR",
            working=lambda: "; ".join(say(line, lang) for line in late().working[:5]),
            mistakes={
                translate("you let the late letter end the contract at the first term (30 "
                          "January 2025): it is void, « toute demande de résiliation "
                          "hors-délai sera nul et ne fera en aucun cas obstacle à ladite "
                          "reconduction »", lang): lambda: exit_plan(
                    "janquor", "2024-01-31", late().deadline, monthly_amount=1000).billed_total,
                translate("you counted the renewed year only, without the months left in the "
                          "current term", lang): lambda: 12 * late().billed_monthly,
                translate("you left out the month in progress at the request (the 11th month, "
                          "from 30 November to 30 December 2024, not yet paid)", lang):
                    lambda: late().billed_total - late().billed_monthly,
            },
        ),
    }


__all__ = ["NoticeApp", "NoticeResults", "notice_exercises"]
