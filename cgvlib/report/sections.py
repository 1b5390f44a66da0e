"""The report's sections, each one call from the template ``notebooks/report.ipynb``.

``report = prepare(**parameters)`` checks the parameters (:mod:`cgvlib.report.parameters`);
then each method gives one thing to show: first the summary card (:meth:`Report.summary_card`,
:mod:`cgvlib.views.summary`: the answer for each vendor, linking to the sections below), a
heading with its introduction
(:meth:`Report.heading`), a table in the report's language (amounts as ``1 234,56 €`` and dates
as ``25/11/2026`` in French, formatted from the already-rounded cents, never rounded again), a
chart (from :mod:`cgvlib.views`, in the report's language too), or the working of every figure
(:meth:`Report.working`, in the report's language). Charts, the findings and the clause table fold
(``<details>``: :meth:`Report.charts`, :meth:`Report.folded_findings`,
:meth:`Report.folded_comparison`), so that a page over every vendor stays short.

The late payments and exit plans are those of :func:`cgvlib.views.summary.late_payment_of` and
:func:`~cgvlib.views.summary.exit_plan_of`, the card's own: the scenario's monthly amount is
every monthly invoice so far (Teogest's art. 20 bills its notice at the highest of three
amounts, one of them the largest past invoice).

A vendor whose terms say nothing on a subject gets a row saying so; a figure the terms leave
to the order (a commitment length) gets a sentence saying what to give, in the report's
language; a sum the terms do not give (the work done) a sentence saying so. A scenario past
the reference rates gets a notice (the card, the late-payment section: which series is known
until when, how to go on) and its late payments a sentence instead of figures, unless the
``assume_last`` parameter carries the last values forward to the scenario's latest date: the
figures are then marked provisional. Anything else wrong stops the report with its message: a
report never shows a guess.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from collections.abc import Callable
from functools import cached_property

import pandas as pd
from IPython.display import HTML, Markdown
from pandas.io.formats.style import Styler

from cgvlib.analysis.checks import check
from cgvlib.arithmetic.common import STATUTORY_ID, Result, as_vendor
from cgvlib.arithmetic.late_payment import AS_WRITTEN
from cgvlib.arithmetic.sla import sla_credit, tier_label
from cgvlib.dates import format_date
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.model.base import Silent
from cgvlib.money import cents_to_euros, format_eur, format_percent
from cgvlib.names import label, name_identifiers
from cgvlib.reference.provisional import assume_last_if
from cgvlib.report.labels import text
from cgvlib.report.parameters import ReportParameters, report_parameters
from cgvlib.statute_links import link_citations
from cgvlib.views.findings import findings_table, summary_chart
from cgvlib.views.late_payment import cost_by_days_late, penalty_rate_over_time
from cgvlib.views.notice import renewal_timeline
from cgvlib.views.sla import credit_tiers_chart
from cgvlib.views.summary import (
    ANCHORS,
    SummaryCard,
    billing_unavailable,
    build_card,
    card_word,
    exit_plan_of,
    exit_unavailable,
    late_payment_notice,
    late_payment_or_why,
)
from cgvlib.views.tables import comparison_table
from cgvlib.views.words import word

CELL_STYLE = {"white-space": "pre-wrap", "text-align": "left", "vertical-align": "top"}
RENEWAL_YEARS_SHOWN = 2  # the timeline runs to two years after the notice date


def prepare(**parameters) -> Report:
    """The report for the template's parameters, checked (:func:`report_parameters`)."""
    return Report(report_parameters(**parameters))


class Report:
    """One report: its checked parameters and, computed once each, its results."""

    def __init__(self, parameters: ReportParameters) -> None:
        self.p = parameters

    def computing(self):
        """The block the rates are read in: past the reference data, their last values
        carried forward to the scenario's latest date when the ``assume_last`` parameter
        says so (:func:`~cgvlib.reference.provisional.assume_last`), else the data alone."""
        return assume_last_if(self.p.assume_last, self.p.latest)

    @cached_property
    def rates_notice(self) -> str | None:
        """The notice of a scenario past the reference rates (None when they cover it)."""
        p = self.p
        return late_payment_notice(p.due, p.paid, p.invoice_date, p.lang,
                                   assumed=p.assume_last)

    # --- words and formats ------------------------------------------------------------------

    def t(self, key: str, **values) -> str:
        return text(key, self.p.lang, **values)

    def eur(self, cents: int) -> str:
        return format_eur(cents, self.p.lang)

    def day(self, value) -> str:
        return format_date(value, self.p.lang)

    def name(self, vendor_id: str) -> str:
        """A vendor's name; the law's default terms named in the report's language."""
        if vendor_id == STATUTORY_ID:
            return label(vendor_id, self.p.lang)
        return as_vendor(vendor_id).name

    def _table(self, rows: dict[str, dict[str, object]], index: str = "vendor") -> Styler:
        """Rows of words as a table in the report's language: every line of a cell shown
        (``styler.data`` holds the frame)."""
        frame = pd.DataFrame.from_dict(rows, orient="index", dtype=object)
        frame.index.name = self.t(index)
        frame = frame.rename(columns=lambda key: self.t(key)).fillna("")
        return frame.style.set_properties(**CELL_STYLE)

    # --- title, parameters, headings -----------------------------------------------------------

    def title(self) -> Markdown:
        names = ", ".join(self.name(v) for v in self.p.vendors)
        return Markdown(f"# {self.t('title', names=names)}")

    def introduction(self) -> Markdown:
        """What the report compares and how it cites (under the summary card)."""
        return Markdown(self.t("subtitle"))

    def summary_card(self) -> SummaryCard:
        """The answer first (:mod:`cgvlib.views.summary`): per vendor, what the late payment
        owes, the last safe day for the letter and what is at stake, the findings by severity,
        each linking to its section below; from the results the sections show."""
        p = self.p
        return build_card(p.vendors, self.late_payments, self.exits, self.findings,
                          invoice_cents=p.invoice_cents, due=p.due, paid=p.paid,
                          start=p.contract_start, notice=p.notice_date, lang=p.lang,
                          invoice_date=p.invoice_date, assumed=p.assume_last)

    def parameters_table(self) -> Styler:
        p = self.p
        months = ", ".join(f"{self.name(v)}: {n}" for v, n in p.commitment_months.items())
        values = {
            "p_vendors": ", ".join(self.name(v) for v in p.vendors),
            "p_invoice_amount": self.eur(p.invoice_cents),
            "p_invoice_date": self.day(p.invoice_date),
            "p_due": self.day(p.due),
            "p_paid": self.day(p.paid),
            "p_unavailability_percent": format_percent(float(p.unavailability_percent),
                                                       p.lang),
            "p_monthly_amount": self.eur(p.monthly_cents),
            "p_contract_start": self.day(p.contract_start),
            "p_notice_date": self.day(p.notice_date),
            "p_commitment_months": months or self.t("p_default"),
            "p_assume_last": self.t("assume_last_on" if p.assume_last else "assume_last_off"),
            "p_lang": self.t(f"lang_{p.lang}"),
        }
        return self._table({self.t(k): {"value": v} for k, v in values.items()}, "parameter")

    def heading(self, section: str) -> Markdown:
        """The section's heading and the sentence introducing it, with the scenario's
        figures in the report's formats."""
        p = self.p
        values = {
            "amount": self.eur(p.invoice_cents), "due": self.day(p.due),
            "paid": self.day(p.paid), "monthly": self.eur(p.monthly_cents),
            "unavailability": format_percent(float(p.unavailability_percent), p.lang),
            "start": self.day(p.contract_start), "notice": self.day(p.notice_date),
        }
        if section == "sla":
            values["amount"] = self.eur(p.monthly_cents)
        anchor = f' <a id="{ANCHORS[section]}"></a>' if section in ANCHORS else ""
        notice = (f"\n\n**{self.rates_notice}**"
                  if section == "late_payment" and self.rates_notice else "")
        return Markdown(f"## {self.t(section)}{anchor}\n\n"
                        f"{link_citations(self.t(section + '_intro', **values))}{notice}")

    # --- the clause comparison ---------------------------------------------------------------

    def comparison(self):
        return comparison_table(list(self.p.compared), lang=self.p.lang)

    # --- late payment --------------------------------------------------------------------------

    @cached_property
    def late_payments(self) -> dict[str, Result | str]:
        """Each late payment of the scenario, or the sentence saying it needs a rate past the
        reference data (:func:`~cgvlib.views.summary.late_payment_or_why`)."""
        p = self.p
        with self.computing():
            return {v: late_payment_or_why(v, p.invoice_cents, p.due, p.paid, p.invoice_date,
                                           p.lang)
                    for v in p.compared}

    def _rates(self, result) -> str:
        unit = self.t("per_month") if result.rate_unit == "per month" else self.t("per_year")
        rates = dict.fromkeys(format_percent(period.rate, self.p.lang)
                              for period in result.periods)
        return f"{' → '.join(rates)} {unit}" if rates else ""

    def _others(self, result: Result, describe: Callable[[Result], str]) -> str:
        """The other readings' figures, one line per distinct figure with its readings. A
        late-payment clause's figures as written (the L441-10 II floor aside) are left out: the
        table gives the default reading's in a column of its own, the working gives them all."""
        readings: dict[str, list[str]] = {}
        for name, other in result.readings.items():
            if name != result.reading and not name.endswith(AS_WRITTEN):
                readings.setdefault(describe(other), []).append(name)
        names_in = word("list_separator", self.p.lang).join  # their names hold commas
        return "\n".join(f"{figure}: {names_in(label(n, self.p.lang) for n in names)}"
                         for figure, names in readings.items())

    def late_payment_table(self) -> Styler:
        rows = {}
        for vendor, r in self.late_payments.items():
            if isinstance(r, str):
                rows[self.name(vendor)] = {"note": r}
                continue
            rows[self.name(vendor)] = {
                "days_late": r.days_late,
                "first_day_of_delay": self.day(r.first_day_of_delay) if r.days_late else "",
                "days_of_delay": r.days_of_delay,
                "rate": self._rates(r),
                "interest": self.eur(r.interest_cents),
                "indemnity": self.eur(r.indemnity_cents),
                "total": self.eur(r.total_cents),
                "as_written": ("" if r.as_written is None
                               else self.eur(r.as_written.total_cents)),
                "other_readings": self._others(r, lambda o: self.eur(o.total_cents)),
                "article": _articles(r),
            }
            if r.provisional:  # a rate carried forward past the data (assume_last)
                rows[self.name(vendor)]["note"] = card_word("provisional", self.p.lang)
        return self._table(rows)

    def late_payment_charts(self) -> list:
        """The late-payment charts that the reference data (or the last values carried
        forward) covers: a chart past the data is left out, the section's notice says why."""
        figures = []
        for chart in (self.late_payment_chart, self.penalty_rate_chart):
            try:
                with self.computing():
                    figures.append(chart())
            except OutOfCoverageError:
                continue
        return figures

    def late_payment_chart(self):
        p = self.p
        days = (p.paid - p.due).days
        return cost_by_days_late(list(p.vendors), cents_to_euros(p.invoice_cents), p.due,
                                 max_days=max(120, days + 30), invoice_date=p.invoice_date,
                                 paid=p.paid, lang=p.lang)

    def penalty_rate_chart(self):
        return penalty_rate_over_time(list(self.p.compared), lang=self.p.lang)

    # --- service levels ------------------------------------------------------------------------

    def _with_clause(self, family: str) -> list[str]:
        return [v for v in self.p.vendors if not isinstance(getattr(as_vendor(v), family), Silent)]

    def _attempt(self, compute: Callable[[], Result]) -> Result | str:
        """A result, or why the terms give none for this scenario (e.g. a commitment length
        left to the order)."""
        try:
            return compute()
        except InputError as exc:
            return self.t("not_computed", why=str(exc))

    @cached_property
    def sla_credits(self) -> dict[str, Result | str]:
        p = self.p
        return {v: self._attempt(lambda v=v: sla_credit(
                    v, p.unavailability_percent, cents_to_euros(p.monthly_cents)))
                for v in self._with_clause("sla")}

    def _vendor_table(self, results: dict[str, Result | str],
                      row: Callable[[str, Result], dict[str, object]]) -> Styler:
        """One row per vendor of the report: ``row(vendor, result)``, or a note saying why
        there is no result (the terms are silent, or leave a figure to the order)."""
        rows = {}
        for vendor in self.p.vendors:
            r = results.get(vendor, self.t("silent"))
            rows[self.name(vendor)] = {"note": r} if isinstance(r, str) else row(vendor, r)
        return self._table(rows)

    def sla_table(self) -> Styler:
        return self._vendor_table(self.sla_credits, lambda vendor, r: {
            "tier": self._tier(vendor, r),
            "credit_percent": format_percent(r.percent, self.p.lang),
            "credit": self.eur(r.amount_cents),
            "cap": self.eur(r.cap_cents) if r.cap_cents is not None else "",
            "other_readings": self._others(r, lambda o: self.eur(o.amount_cents)),
            "note": r.claim_deadline_rule or "",
            "article": _articles(r),
        })

    def _tier(self, vendor: str, credit) -> str:
        if credit.tier_index is None:
            return ""
        return tier_label(as_vendor(vendor).sla.tiers[credit.tier_index], self.p.lang)

    def sla_charts(self) -> list:
        """One credit-tier chart per vendor whose terms state service levels."""
        percent = float(self.p.unavailability_percent)
        return [credit_tiers_chart(v, unavailability=percent, lang=self.p.lang)
                for v in self.sla_credits]

    # --- termination and renewal -----------------------------------------------------------------

    @cached_property
    def exits(self) -> dict[str, Result | str]:
        """Each vendor's exit plan for the scenario, or the sentence saying why there is none
        (the terms are silent, or leave the length to the order and none was given)."""
        p, plans = self.p, {}
        for v in p.vendors:
            months = p.commitment_months.get(v)
            try:
                plans[v] = exit_plan_of(v, p.contract_start, p.notice_date, months,
                                        p.monthly_cents)
            except InputError as exc:
                plans[v] = exit_unavailable(v, exc, months, p.lang)
        return plans

    def exit_table(self) -> Styler:
        return self._vendor_table(self.exits, self._exit_row)

    def _exit_row(self, vendor: str, r) -> dict[str, object]:
        billed = getattr(r, "billed_total_cents", None)
        return {
            "request": self.day(r.request_date),
            "deadline": self.day(r.deadline) if r.deadline else "",
            "end": self.day(r.end),
            "renewed": self.t("yes") if r.renewed else self.t("no"),
            "billed_total": self.eur(billed) if billed is not None else "",
            "other_readings": self._others(r, lambda o: self.day(o.end)),
            "article": _articles(r),
            # why no sum is given (e.g. the work done up to the end is not a contract figure)
            "note": billing_unavailable(vendor, r, self.p.lang) if billed is None else "",
        }

    def renewal_chart(self):
        p = self.p
        until = p.notice_date.replace(year=p.notice_date.year + RENEWAL_YEARS_SHOWN)
        months = dict(p.commitment_months) or None
        return renewal_timeline(list(p.vendors), p.contract_start, until,
                                commitment_months=months, today=p.notice_date,
                                today_label=self.t("notice_sent"), lang=p.lang)

    # --- compliance ----------------------------------------------------------------------------

    @cached_property
    def findings(self) -> pd.DataFrame:
        # each vendor against every vendor file (cgvlib.check's peers), as in every report,
        # not only against this report's vendors
        return pd.concat([check(v) for v in self.p.vendors], ignore_index=True)

    def findings_table(self):
        if self.findings.empty:
            return Markdown(self.t("nothing_found"))
        return findings_table(self.findings, vendors=list(self.p.vendors), with_quotes=True,
                              lang=self.p.lang)

    def findings_chart(self):
        return summary_chart(self.findings, vendors=list(self.p.vendors), lang=self.p.lang)

    # --- the working ---------------------------------------------------------------------------

    def working(self, section: str) -> HTML:
        """Every vendor's working for ``section`` (``late_payment``, ``sla``, ``exit``), one
        folded block each: the headline, each step, the clauses quoted, every reading."""
        results = {"late_payment": self.late_payments, "sla": self.sla_credits,
                   "exit": self.exits}[section]
        blocks = [f"<p><b>{html.escape(self.t('working'))}</b></p>"]
        # every vendor of the report (never an empty section: why there is no working), then
        # the others computed (the law's default terms)
        for vendor in dict.fromkeys([*self.p.vendors, *results]):
            r = results.get(vendor, self.t("silent"))
            if isinstance(r, str):
                blocks.append(f"<p>{html.escape(self.name(vendor))} : {html.escape(r)}</p>"
                              if self.p.lang == "fr" else
                              f"<p>{html.escape(self.name(vendor))}: {html.escape(r)}</p>")
                continue
            working = name_identifiers(r.explain(self.p.lang), self.p.lang)
            blocks.append(f"<details><summary>{html.escape(self.name(vendor))}</summary>"
                          f"<pre>{html.escape(working)}</pre></details>")
        return HTML("\n".join(blocks))

    # --- the analyst's ledger ------------------------------------------------------------------

    @cached_property
    def ledger_claims(self):
        """What each vendor could claim on the ledger's invoices (None without a ledger)."""
        from cgvlib.ledger import ledger_claims, read_ledger

        p = self.p
        if p.ledger is None:
            return None
        as_of = p.ledger_as_of or dt.date.today()
        with assume_last_if(p.assume_last, as_of):
            return ledger_claims(read_ledger(p.ledger, lang=p.lang), as_of=as_of, lang=p.lang)

    def ledger_section(self) -> HTML | None:
        """The ledger's section (nothing without a ledger): the rows read, computed and set
        aside, the total, each vendor's totals, then folded: the largest items, the exposure
        chart and the rows set aside with their reason."""
        from cgvlib.ledger.tables import invoices_table, rejected_table, summary_table
        from cgvlib.views.exposure import exposure_chart

        result = self.ledger_claims
        if result is None:
            return None
        intro = self.t("ledger_intro", counts=result.counts_line(self.p.lang),
                       as_of=self.day(result.as_of))
        parts = [f"<h2>{html.escape(self.t('ledger'))}</h2>",
                 f"<p>{html.escape(intro)}</p>",
                 f"<p><b>{html.escape(self.t('ledger_total', total=self.eur(result.total_cents)))}"
                 "</b></p>",
                 summary_table(result, self.p.lang).to_html(index=False),
                 _folded(self.t("ledger_largest"),
                         invoices_table(result, self.p.lang, limit=20).style.hide()).data]
        chart = exposure_chart(result, self.p.lang)
        parts.append(f"<details><summary>{html.escape(self.t('ledger_chart'))}</summary>"
                     f'<p><img alt="" src="data:image/png;base64,{compact_png(chart)}"></p>'
                     "</details>")
        if result.rejected_count:
            parts.append(_folded(f"{self.t('ledger_rejected')} ({result.rejected_count})",
                                 rejected_table(result, self.p.lang).style.hide()).data)
        return HTML("\n".join(parts))

    # --- folded details ---------------------------------------------------------------------

    def charts(self, section: str) -> HTML:
        """The charts of ``section`` (``late_payment``, ``sla``, ``exit``, ``findings``) in a
        folded block: the page opens on the tables, a chart is one click away. Each chart is a
        PNG in a palette (:func:`compact_png`), a fraction of the page's weight."""
        pngs = self.chart_images(section)
        if not pngs:  # past the reference data: the section's notice says why
            return HTML("")
        images = "".join(f'<p><img alt="" src="data:image/png;base64,{png}"></p>'
                         for png in pngs)
        summary = html.escape(card_word("fold_charts", self.p.lang, count=len(pngs)),
                              quote=False)
        return HTML(f"<details><summary>{summary}</summary>{images}</details>")

    def chart_images(self, section: str) -> list[str]:
        """The charts of ``section`` drawn, each as a base64 PNG (:func:`compact_png`)."""
        figures = {"late_payment": self.late_payment_charts,
                   "sla": self.sla_charts, "exit": lambda: [self.renewal_chart()],
                   "findings": lambda: [self.findings_chart()]}[section]()
        return [compact_png(figure) for figure in figures]

    def folded_findings(self) -> HTML:
        """The findings table, folded under a line giving their number."""
        summary = card_word("fold_findings", self.p.lang, count=len(self.findings))
        return _folded(summary, self.findings_table())

    def folded_comparison(self) -> HTML:
        """The clause-by-vendor table, folded."""
        return _folded(card_word("fold_comparison", self.p.lang), self.comparison())


def _folded(summary: str, shown) -> HTML:
    """``shown`` (a styled table or Markdown) inside a closed ``<details>``."""
    inner = (shown.to_html() if isinstance(shown, Styler)
             else f"<p>{html.escape(shown.data)}</p>")
    return HTML(f"<details><summary>{html.escape(summary, quote=False)}</summary>{inner}"
                "</details>")


def compact_png(figure) -> str:
    """``figure`` as a base64 PNG in a palette: the apps' PNG
    (:func:`~cgvlib.views.shown_chart.figure_png`: drawn once as the chart laid itself out,
    no second drawing to crop it to a tight bounding box, quantised and lightly compressed:
    the charts' few flat colours and anti-aliased lines read the same, a fraction of the
    bytes)."""
    from cgvlib.views.shown_chart import figure_png

    return base64.b64encode(figure_png(figure)).decode("ascii")


def _articles(result: Result) -> str:
    return ", ".join(dict.fromkeys(s.article for s in result.sources))
