"""The summary card: the answer first, one row per vendor, before any detail.

For one scenario (an invoice paid late; a contract started on a day and a termination letter
sent on another), each vendor's row gives:

- **what is owed** for the late payment: the lawful figure (the law over the letter:
  :func:`~cgvlib.arithmetic.late_payment.late_payment`'s ``total``, never below the L441-10 II
  floor), with the clause's own figure beside it when the floor changed it;
- **the last safe day** to send the termination letter
  (:func:`~cgvlib.arithmetic.notice.exit_plan`'s ``deadline``, the earliest day any reading
  gives) and whether the scenario's letter meets it;
- **what is at stake** if only a later reading's day is met (``at_stake``), or, when the letter
  is already late, what the renewal leaves due;
- **the findings** of :func:`~cgvlib.analysis.checks.check`, counted by severity.

Each figure links (an HTML anchor) to its detail further down the page: :data:`ANCHORS`.
Where a figure cannot be computed, the cell says why in a sentence, never a bare "not
computed". When the scenario reaches past the reference data, the card opens on one notice
(:func:`late_payment_notice`): which series is known until when and how to go on; the late
payments are then a sentence each (:func:`late_payment_or_why`), or, when the last values are
carried forward (:func:`~cgvlib.reference.provisional.assume_last`), figures marked
provisional. The results are those the report shows (:func:`late_payment_of`,
:func:`exit_plan_of`, used by :mod:`cgvlib.report.sections` as well), never recomputed another
way. Words are :data:`CARD_WORDS` (English msgids, French in the gettext catalog,
:mod:`cgvlib.i18n`); amounts and dates are formatted from the
already-rounded figures (:func:`cgvlib.money.format_eur`, :func:`cgvlib.dates.format_date`).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from cgvlib.analysis.checks import SEVERITIES, check, findings_summary
from cgvlib.arithmetic.common import STATUTORY_ID, Result, amount_cents, as_vendor
from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.notice import ExitPlan, exit_plan
from cgvlib.dates import as_date, format_date
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.i18n import Phrase, ntranslate, say, translate
from cgvlib.lang import check_lang
from cgvlib.model.base import Silent
from cgvlib.money import cents_to_euros, format_eur
from cgvlib.reference.months import add_months
from cgvlib.reference.provisional import assume_last_if
from cgvlib.reference.status import coverage_notice

# The ids of the detail sections the card links to (the report's headings carry them).
ANCHORS = {"late_payment": "late-payment", "sla": "sla", "exit": "exit",
           "findings": "findings", "comparison": "comparison", "card": "summary"}

CARD_WORDS: dict[str, str] = {
    "card_title": "At a glance",
    "card_intro": (
        "An invoice of {amount} due on {due}, paid on {paid}; a contract started on {start}, a "
        "termination letter sent on {notice}."),
    "col_vendor": "Vendor",
    "col_owed": "Owed for the delay",
    "col_deadline": "Last safe day for the letter",
    "col_stake": "At stake if it is missed",
    "col_findings": "Findings",
    "owed_detail": "penalties and the fixed indemnity",
    "as_written": "{amount} by the clause, below the legal floor",
    "in_time": "the letter of {notice} is in time; ends on {end}",
    "too_late": "the letter of {notice} is too late: renewed, ends on {end}",
    "no_deadline": "No deadline: the letter of {notice} ends the contract on {end}.",
    "no_deadline_notice": (
        "No deadline: {months} months' notice, the letter of {notice} ends the contract on "
        "{end}."),
    "stake": "more if the letter leaves only on {day}, the day another reading of the terms allows",
    "stake_unpriced": (
        "Another reading of the terms allows waiting until {day}; the sum at stake cannot be "
        "priced from this scenario (see the working)."),
    "stake_renewed": "day already past: still due until {end}, the renewed period included",
    "stake_renewed_unpriced": "Day already past: the contract runs until {end}.",
    "stake_single": "Every reading of the terms gives this day: no later day to fear.",
    "stake_nothing": "Nothing: there is no deadline to miss.",
    "no_term_clause": "The terms say nothing of their duration or termination: no day to compute.",
    "length_set_by_order": (
        "Not computed: {name}'s term length is set by the quote or order (art. {article}); give"
        " it in the parameter “Commitment (months)”, such as 12."),
    "not_computable": "Not computed: the scenario's data is not enough ({why}).",
    "work_done": (
        "Only the work done up to the termination is due; the terms give no figure for it, "
        "which is read on the invoices."),
    "no_findings": "no finding",
    "past_the_data": (
        "Not computed: the scenario reaches past the reference data (see the notice above)."),
    "provisional": "provisional: the last known rate carried forward",
    # the folds of the report's details (cgvlib.report.sections)
    "fold_charts": "Charts ({count})",
    "fold_findings": "The {count} findings, with the article and the quote",
    "fold_comparison": "The table of clauses, one column per vendor",
}

# Severity words, singular and plural (English; ngettext gives the French form), most serious
# first (the order of SEVERITIES).
SEVERITY_WORDS: dict[str, tuple[str, str]] = {
    "breach": ("breach", "breaches"),
    "risk": ("risk", "risks"),
    "ambiguity": ("ambiguity", "ambiguities"),
    "note": ("note", "notes"),
}
SEVERITY_COLOURS = {"breach": "#c62828", "risk": "#e65100", "ambiguity": "#8d6e00",
                    "note": "#616161"}


def card_word(key: str, lang: str, **values) -> str:
    """The card's text ``key`` in ``lang``, its ``{placeholders}`` filled from ``values``."""
    return translate(CARD_WORDS[key], lang).format(**values)


def severity_count(severity: str, count: int, lang: str) -> str:
    """``"2 manquements"``, ``"1 risk"`` (the form the count takes in ``lang``: French
    ``"0 manquement"``, English ``"0 breaches"``)."""
    one, many = SEVERITY_WORDS[severity]
    return f"{count} {ntranslate(one, many, count, lang)}"


# --------------------------------------------------------------------------- the results


def late_payment_of(vendor: str, invoice_cents: int, due, paid, invoice_date) -> Result:
    """The late payment of the scenario, as the report and the card both show it."""
    return late_payment(vendor, cents_to_euros(invoice_cents), due, paid,
                        invoice_date=invoice_date)


LATE_PAYMENT_SERIES = ("legal", "ecb")  # the series a late payment reads


def late_payment_or_why(vendor: str, invoice_cents: int, due, paid, invoice_date,
                        lang: str) -> Result | str:
    """:func:`late_payment_of`, or, when the scenario needs a rate past the reference data
    (and its last value is not carried forward), the sentence saying so in ``lang`` (the
    notice, :func:`late_payment_notice`, says which series and how to go on)."""
    try:
        return late_payment_of(vendor, invoice_cents, due, paid, invoice_date)
    except OutOfCoverageError:
        return card_word("past_the_data", lang)


def late_payment_notice(due, paid, invoice_date, lang: str, *, assumed: bool) -> str | None:
    """The notice of a late-payment scenario reaching past the reference data
    (:func:`~cgvlib.reference.status.coverage_notice`, ``None`` when covered): how to go on
    when ``assumed`` is false, that the figures are provisional when it is true."""
    dates = [d for d in (invoice_date, due, paid) if d is not None]
    return coverage_notice(dates, lang, series=LATE_PAYMENT_SERIES, assumed=assumed,
                           how=not assumed)


def flat_invoice_history(start: dt.date, notice: dt.date, monthly_cents: int) -> dict[str, str]:
    """Every monthly invoice from the contract's first month to the letter's month at the
    scenario's monthly amount (what Teogest's art. 20 « le plus élevé de trois montants »
    looks back on): the scenario states one monthly invoice, the same every month."""
    months, month = {}, start.replace(day=1)
    while month <= notice:
        months[f"{month:%Y-%m}"] = str(cents_to_euros(monthly_cents))
        month = add_months(month, 1)
    return months


def exit_plan_of(vendor: str, start: dt.date, notice: dt.date, commitment_months: int | None,
                 monthly_cents: int) -> ExitPlan:
    """The termination of the scenario, as the report and the card both show it: the monthly
    amount is every invoice's amount so far (:func:`flat_invoice_history`)."""
    return exit_plan(vendor, start, notice, commitment_months=commitment_months,
                     monthly_amount=cents_to_euros(monthly_cents),
                     invoice_history=flat_invoice_history(start, notice, monthly_cents))


def length_left_to_order(vendor: str):
    """The source of the term offer whose length the order or quote sets (GOUT art. 7 C), when
    the terms offer no tacitly renewed length of their own; else None."""
    term = as_vendor(vendor).term
    if isinstance(term, Silent):
        return None
    offers = term.initial_terms
    if any(o.months and o.renewal == "tacit" for o in offers):
        return None
    return next((o.source for o in offers if o.months is None), None)


def exit_unavailable(vendor: str, error: InputError | None, commitment_months, lang: str) -> str:
    """Why the scenario's termination has no figure, in a sentence of ``lang``: the terms are
    silent, or leave the length to the order, or a value is missing (the error's message, said
    in ``lang``: :meth:`~cgvlib.errors.CgvError.said`)."""
    if isinstance(as_vendor(vendor).term, Silent):
        return card_word("no_term_clause", lang)
    source = length_left_to_order(vendor)
    if source is not None and commitment_months is None:
        return card_word("length_set_by_order", lang, name=as_vendor(vendor).name,
                         article=source.article)
    return card_word("not_computable", lang, why=say(error, lang) if error else "")


def billing_unavailable(vendor: str, plan: ExitPlan, lang: str) -> str:
    """Why ``plan`` bills no total, in a sentence of ``lang`` (only the work done is due, which
    the terms do not price; else the plan's own reason, said in ``lang``)."""
    term = as_vendor(vendor).term
    if any(c.kind == "work_done" for c in getattr(term, "exit_charges", [])):
        return card_word("work_done", lang)
    return card_word("not_computable", lang, why=say(plan.billing_basis, lang))


# --------------------------------------------------------------------------- one row


@dataclass(frozen=True)
class VendorSummary:
    """One vendor's row of the card, in words of one language, each cell a main line and a
    second line (``""`` when none)."""

    vendor: str
    name: str
    owed: str
    owed_detail: str
    deadline: str
    deadline_detail: str
    stake: str  # the sum at stake ("" when none), then the sentence around it
    stake_detail: str
    findings: tuple[tuple[str, str], ...]  # (severity, "1 manquement"), most serious first
    findings_total: int


def _stake_cells(plan: ExitPlan, lang: str) -> tuple[str, str]:
    """What is at stake if the last safe day is missed: (the sum or "", the sentence)."""
    day = lambda d: format_date(d, lang)  # noqa: E731
    if plan.deadline is None:
        return "", card_word("stake_nothing", lang)
    if plan.deadline_met is False:  # missed already: the renewal is what it cost
        if plan.billed_total_cents is None:
            return "", card_word("stake_renewed_unpriced", lang, end=day(plan.end))
        return (format_eur(plan.billed_total_cents, lang),
                card_word("stake_renewed", lang, end=day(plan.end)))
    if plan.later_deadline is None:
        return "", card_word("stake_single", lang)
    if plan.at_stake_cents is None:
        return "", card_word("stake_unpriced", lang, day=day(plan.later_deadline))
    return (format_eur(plan.at_stake_cents, lang),
            card_word("stake", lang, day=day(plan.later_deadline)))


def _deadline_cells(plan: ExitPlan | str, notice: dt.date, lang: str
                    ) -> tuple[str, str, str, str]:
    """The last-safe-day cell (the day or "", the sentence) and the at-stake cell (the sum or
    "", the sentence); ``plan`` a sentence when there is no plan."""
    if isinstance(plan, str):
        return "", plan, "", ""
    day = lambda d: format_date(d, lang)  # noqa: E731
    if plan.deadline is None:
        key = "no_deadline_notice" if plan.notice_months else "no_deadline"
        status = card_word(key, lang, months=plan.notice_months, notice=day(notice),
                           end=day(plan.end))
        return "", status, *_stake_cells(plan, lang)
    status = card_word("in_time" if plan.deadline_met else "too_late", lang,
                       notice=day(notice), end=day(plan.end))
    return day(plan.deadline), status, *_stake_cells(plan, lang)


def _owed_cells(late: Result | str, lang: str) -> tuple[str, str]:
    """The owed cell: (the lawful total or "", the sentence under it); ``late`` a sentence
    when there is no figure (past the reference data)."""
    if isinstance(late, str):
        return "", late
    written = late.as_written
    detail = (card_word("as_written", lang, amount=format_eur(written.total_cents, lang))
              if written is not None and written.total_cents != late.total_cents
              else card_word("owed_detail", lang))
    if getattr(late, "provisional", False):
        detail += (" ; " if lang == "fr" else "; ") + card_word("provisional", lang)
    return format_eur(late.total_cents, lang), detail


def vendor_summary(vendor: str, late: Result | str, plan: ExitPlan | str,
                   findings: pd.DataFrame, notice, lang: str = "fr") -> VendorSummary:
    """One vendor's row from the results the report shows: ``late`` its late payment, or the
    sentence saying why there is none (past the reference data), ``plan`` its exit plan or
    the sentence saying why there is none, ``findings`` its
    :func:`~cgvlib.analysis.checks.check` frame; ``notice`` the letter's date."""
    check_lang(lang)
    name = as_vendor(vendor).name
    owed, owed_detail = _owed_cells(late, lang)
    deadline, detail, stake, stake_detail = _deadline_cells(plan, as_date(notice, "notice"),
                                                            lang)
    mine = findings[findings["vendor"] == name]
    counts = (findings_summary(mine).iloc[0] if not mine.empty
              else pd.Series(0, index=[*SEVERITIES, "total"]))
    return VendorSummary(
        vendor=vendor, name=name, owed=owed,
        owed_detail=owed_detail, deadline=deadline, deadline_detail=detail, stake=stake,
        stake_detail=stake_detail,
        findings=tuple((s, severity_count(s, int(counts[s]), lang)) for s in SEVERITIES
                       if counts[s]),
        findings_total=int(counts["total"]),
    )


# --------------------------------------------------------------------------- the card

CARD_STYLE = """
<style>
.cgv-card{border:2px solid #1f3b57;border-radius:6px;padding:6px 10px;margin:4px 0 10px;
  font-size:13px;line-height:1.3;max-width:1250px}
.cgv-card h2{font-size:17px;margin:2px 0 2px}
.cgv-card p.cgv-scenario{margin:0 0 4px;color:#333}
.cgv-card table{border-collapse:collapse;width:100%;table-layout:auto}
.cgv-card th,.cgv-card td{text-align:left !important;vertical-align:top !important;
  padding:3px 6px !important;max-width:none !important;white-space:normal}
.cgv-card thead th{font-weight:600;border-bottom:1px solid #999}
.cgv-card td{border-bottom:1px solid #ddd}
.cgv-card .cgv-figure{font-size:15px;font-weight:700;white-space:nowrap}
.cgv-card .cgv-detail{color:#444;font-size:12px}
.cgv-card a{color:inherit;text-decoration:none}
.cgv-card a:hover{text-decoration:underline}
.cgv-card .cgv-sev{font-weight:600;white-space:nowrap}
.cgv-card p.cgv-notice{margin:0 0 4px;padding:2px 6px;border-left:4px solid #8d6e00;
  background:#fff8e1}
</style>
"""


def _text(words: str) -> str:
    """Words as HTML text (``<``, ``>``, ``&`` escaped; quotes kept as they are)."""
    return html.escape(words, quote=False)


def _link(section: str, inner: str) -> str:
    return f'<a href="#{ANCHORS[section]}">{inner}</a>'


def _cell(section: str, figure: str, detail: str, css: str) -> str:
    main = (f'<div class="cgv-figure">{_link(section, _text(figure))}</div>'
            if figure else "")
    more = f'<div class="cgv-detail">{_text(detail)}</div>' if detail else ""
    return f'<td class="{css}">{main}{more}</td>'


def _findings_cell(row: VendorSummary, lang: str) -> str:
    if not row.findings:
        return f'<td class="cgv-findings">{_link("findings", card_word("no_findings", lang))}</td>'
    parts = [f'<span class="cgv-sev" style="color:{SEVERITY_COLOURS[severity]}">'
             f"{_text(words)}</span>" for severity, words in row.findings]
    return f'<td class="cgv-findings">{_link("findings", "<br>".join(parts))}</td>'


def card_html(rows: Sequence[VendorSummary], scenario: str, lang: str = "fr",
              notice: str | None = None) -> str:
    """The card as one HTML block: its title (anchored ``#summary``), the scenario in a
    sentence, the notice of a scenario past the reference data (if any), one table row per
    vendor."""
    w = lambda key: _text(card_word(key, lang))  # noqa: E731
    head = "".join(f"<th>{w(k)}</th>" for k in
                   ("col_vendor", "col_owed", "col_deadline", "col_stake", "col_findings"))
    body = []
    for row in rows:
        body.append(
            f'<tr data-vendor="{html.escape(row.vendor)}"><th scope="row">'
            f"{_text(row.name)}</th>"
            + _cell("late_payment", row.owed, row.owed_detail, "cgv-owed")
            + _cell("exit", row.deadline, row.deadline_detail, "cgv-deadline")
            + _cell("exit", row.stake, row.stake_detail, "cgv-stake")
            + _findings_cell(row, lang) + "</tr>")
    return (f'{CARD_STYLE}<div class="cgv-card" id="{ANCHORS["card"]}">'
            f"<h2>{w('card_title')}</h2>"
            f'<p class="cgv-scenario">{_text(scenario)}</p>'
            + (f'<p class="cgv-notice">{_text(notice)}</p>' if notice else "") +
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            "</div>")


@dataclass(frozen=True)
class SummaryCard:
    """The card: its rows (:class:`VendorSummary`) and its HTML (shown by Jupyter)."""

    rows: tuple[VendorSummary, ...]
    html: str
    notice: str | None = None  # the scenario reaches past the reference data

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return "SummaryCard(" + ", ".join(f"{r.name}: {r.owed}, {r.deadline or '-'}"
                                          for r in self.rows) + ")"


def scenario_sentence(*, invoice_cents: int, due, paid, start, notice, lang: str) -> str:
    day = lambda d: format_date(d, lang)  # noqa: E731
    return card_word("card_intro", lang, amount=format_eur(invoice_cents, lang), due=day(due),
                     paid=day(paid), start=day(start), notice=day(notice))


def build_card(vendors: Sequence[str], late: Mapping[str, Result | str],
               plans: Mapping[str, ExitPlan | str], findings: pd.DataFrame, *,
               invoice_cents: int, due, paid, start, notice, lang: str = "fr",
               invoice_date=None, assumed: bool = False) -> SummaryCard:
    """The card of ``vendors`` from results already computed (the report's): a late payment
    is a result or the sentence saying why there is none. ``assumed``: the results were
    computed carrying the last reference values forward (the notice then says they are
    provisional)."""
    rows = tuple(vendor_summary(v, late[v], plans[v], findings, notice, lang) for v in vendors)
    sentence = scenario_sentence(invoice_cents=invoice_cents, due=due, paid=paid, start=start,
                                 notice=notice, lang=lang)
    warning = late_payment_notice(due, paid, invoice_date, lang, assumed=assumed)
    return SummaryCard(rows, card_html(rows, sentence, lang, warning), warning)


def summary_card(vendors: Sequence[str], *, invoice_amount, due, paid, contract_start,
                 notice_date, monthly_amount, invoice_date=None,
                 commitment_months: Mapping[str, int] | int | None = None,
                 lang: str = "fr", assume_last: bool = False) -> SummaryCard:
    """The card for a scenario, computed here (for a notebook or the dashboard; the report
    builds it from its own results with :func:`build_card`). ``vendors``: vendor ids (the
    law's default terms, ``statutory``, are left out: they have no contract to leave);
    ``commitment_months``: a number for every vendor or ``{vendor: months}``;
    ``assume_last``: past the reference data, carry the last values forward to the
    scenario's latest date (:func:`~cgvlib.reference.provisional.assume_last`), the late
    payments so computed marked provisional."""
    ids = [v for v in vendors if v != STATUTORY_ID]
    if not ids:
        raise InputError(Phrase("vendors: {vendors} names no vendor; give vendor ids such as "
                                "['teogest'] (the law's default terms have no card of their own)",
                                vendors=repr(list(vendors))))
    due_day, paid_day = as_date(due, "due"), as_date(paid, "paid")
    start, notice = as_date(contract_start, "contract_start"), as_date(notice_date, "notice_date")
    invoiced = due_day if invoice_date is None else as_date(invoice_date, "invoice_date")
    invoice_cents = amount_cents(invoice_amount, "invoice_amount")
    monthly_cents = amount_cents(monthly_amount, "monthly_amount")
    months = (commitment_months if isinstance(commitment_months, Mapping)
              else dict.fromkeys(ids, commitment_months))
    with assume_last_if(assume_last, [due_day, paid_day, invoiced, start, notice]):
        late = {v: late_payment_or_why(v, invoice_cents, due_day, paid_day, invoiced, lang)
                for v in ids}
    plans: dict[str, ExitPlan | str] = {}
    for v in ids:
        try:
            plans[v] = exit_plan_of(v, start, notice, months.get(v), monthly_cents)
        except InputError as exc:
            plans[v] = exit_unavailable(v, exc, months.get(v), lang)
    findings = pd.concat([check(v) for v in ids], ignore_index=True)
    return build_card(ids, late, plans, findings, invoice_cents=invoice_cents, due=due_day,
                      paid=paid_day, start=start, notice=notice, lang=lang,
                      invoice_date=invoiced, assumed=assume_last)
