"""The report's words in French (the default) and English.

:data:`TEXT` holds each text's English, a gettext msgid; its French is in
``cgvlib/locale/fr/LC_MESSAGES/cgvlib.po`` (:mod:`cgvlib.i18n`). Only the report's own text is
here: headings, the sentences that introduce each section, the
column names of its tables. Amounts and dates are formatted by :func:`cgvlib.money.format_eur`
and :func:`cgvlib.dates.format_date` from the already-rounded figures. The charts are drawn in
the report's language too, with their own words (:mod:`cgvlib.views.words`). The working
printed under each table (``result.explain(lang)``), the descriptions of the clauses in the
appendix table and the findings' explanations are said in the page's language too
(:class:`cgvlib.i18n.Phrase`); only the contract quotes stay verbatim.
"""

from __future__ import annotations

from cgvlib.i18n import translate

TEXT: dict[str, str] = {
    "title": "Terms of sale: {names}",
    "subtitle": (
        "Compared with the statutory default rules of the Code de commerce. Every figure cites "
        "the article and sentence of the contract it comes from; a clause that reads two ways "
        "keeps both readings."),
    "parameters": "The scenario",
    "parameters_intro": "What this report assumes (the run's parameters):",
    "comparison": "Appendix: the clauses side by side",
    "comparison_intro": (
        "One row per item of the contract, one column per vendor and one for the law. ‡: the "
        "clause admits several readings (the default one is shown); —: the text says nothing."),
    "late_payment": "Late payment",
    "late_payment_intro": (
        "What each vendor may claim for an invoice of {amount} due on {due} and paid on {paid}: "
        "late-payment penalties and the fixed recovery indemnity (L441-10, D441-5). The figures "
        "are those the law makes due: never below three times the legal rate of each semester "
        "(L441-10 II); where a clause gives less, its own total stands beside."),
    "sla": "Service levels",
    "sla_intro": (
        "The service credit owed for a month in which the service was unavailable "
        "{unavailability} of the time, on a monthly invoice of {amount}."),
    "exit": "Termination and renewal",
    "exit_intro": (
        "A contract started on {start}, a termination letter sent on {notice}: when it ends and "
        "what is due until then, at {monthly} a month."),
    "findings": "Compliance",
    "findings_intro": (
        "The clauses checked against the Code de commerce, semester by semester: breaches, risks,"
        " ambiguities and notes."),
    "ledger": "Your ledger: what each vendor could claim",
    "ledger_intro": (
        "{counts}. Invoices still unpaid are counted as paid on {as_of}. Each figure is the "
        "lawful one (never below the L441-10 floor, semester by semester); the clause as "
        "written is beside it where it differs."),
    "ledger_total": "Total the vendors could claim: {total}.",
    "ledger_largest": "The largest items",
    "ledger_rejected": "Rows set aside, with the reason",
    "ledger_chart": "Exposure by month of the due date",
    "working": "The working",
    "nothing_found": "No finding.",
    # table columns and cells
    "vendor": "Vendor",
    "parameter": "Parameter",
    "value": "Value",
    "days_late": "Days late",
    "first_day_of_delay": "First day of delay",
    "days_of_delay": "Days counted",
    "rate": "Rate",
    "interest": "Penalties",
    "indemnity": "Indemnity",
    "total": "Total",
    "as_written": "Total by the clause (below the floor)",
    "other_readings": "Other readings",
    "article": "Article",
    "tier": "Unavailability tier",
    "credit_percent": "Credit (% of the invoice)",
    "credit": "Credit",
    "cap": "Cap",
    "request": "Letter sent on",
    "deadline": "Last day to send it",
    "end": "Contract ends",
    "renewed": "Renewed",
    "billed_total": "Due until the end",
    "note": "Note",
    "yes": "yes",
    "no": "no",
    "per_month": "per month",
    "per_year": "per year",
    "not_computed": "not computed: {why}",
    "notice_sent": "notice sent",
    "silent": "the terms say nothing",
    # parameter names
    "p_vendors": "Vendors",
    "p_invoice_amount": "Invoice amount",
    "p_due": "Due date",
    "p_paid": "Paid on",
    "p_invoice_date": "Invoice date",
    "p_unavailability_percent": "Unavailability",
    "p_monthly_amount": "Monthly amount",
    "p_contract_start": "Contract start",
    "p_notice_date": "Termination letter",
    "p_commitment_months": "Commitment (months)",
    "p_lang": "Language",
    "p_default": "as the terms say",
    "p_assume_last": "Past the reference data",
    "assume_last_on": "last known values carried forward (provisional figures)",
    "assume_last_off": "not computed (no value is assumed)",
    "lang_fr": "French",
    "lang_en": "English",
}


def text(key: str, lang: str, **values) -> str:
    """The report's text ``key`` in ``lang`` (:data:`TEXT`' English through the gettext
    catalog), with ``{placeholders}`` filled from ``values``."""
    return translate(TEXT[key], lang).format(**values)
