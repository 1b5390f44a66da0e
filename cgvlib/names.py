"""Human names, in French and English, for the identifiers the library computes with.

Reading names of ambiguous clauses (``day_31_semester``, ``prorata_30``, ``vat_included``, or
``notice[0]=term_end`` when a clause holds several ambiguities), severities of findings
(``breach``...), the checks of the findings (``late_rate_below_floor``) and the values of
the clause model's fields (kinds, parties, units, topics) are identifiers: they never reach
a page as they are. :func:`label` gives each its name in a language; the English names
are :data:`ID_LABELS`, their French is in the gettext catalog (context ``"identifier"``,
:mod:`cgvlib.i18n`).

Fallback rule, so that no raw identifier is ever shown: an identifier missing from
:data:`ID_LABELS` is shown as its words (``"some_new_kind"`` -> ``"some new kind"``), the same in
both languages. ``tests/i18n`` checks that every identifier of the five vendor files and of the
model has a name in both languages, so the fallback only serves a user's own vendor file.
"""

from __future__ import annotations

import re

from cgvlib.i18n import translate
from cgvlib.lang import check_lang

CONTEXT = "identifier"  # the gettext msgctxt of every name below

# The clause families, in the order of the vendor files (cgvlib.analysis.compare.FAMILIES).
FAMILY_NAMES: dict[str, str] = {
    "payment_terms": "payment terms",
    "late_payment": "late payment",
    "recovery_indemnity": "recovery indemnity",
    "sla": "service levels",
    "term": "duration and notice",
    "price_revision": "price revision",
    "fees": "fees",
    "cancellation": "cancellation",
    "liability": "liability",
    "non_solicitation": "non-solicitation",
    "confidentiality": "confidentiality",
    "deadlines": "time limits",
    "limits": "limits",
    "force_majeure": "force majeure",
    "jurisdiction": "jurisdiction",
}

ID_LABELS: dict[str, str] = {
    # --- readings of ambiguous clauses (data/vendors/*.yaml) and a clause read as written
    "as_written": "as written",
    "after_due_date_delay_start": "delay from the due date, legal rate when the delay starts",
    "after_due_date_invoice_date": "delay from the due date, legal rate at the invoice date",
    "after_due_date_semester": "delay from the due date, each semester's legal rate",
    "after_formal_notice": "only after a formal notice",
    "anniversary": "counted from the anniversary",
    "art20_notice": "art. 20 notice by tenure",
    "before_event_day": "12 months before the event day",
    "calendar_months": "whole calendar months",
    "capped_at_9": "rise capped at 9 %",
    "daily_average_all_users": "daily average, all users",
    "day_31_delay_start": "delay from day 31, legal rate on that day",
    "day_31_invoice_date": "delay from day 31, legal rate at the invoice date",
    "day_31_semester": "delay from day 31, each semester's legal rate",
    "debit_date_is_due": "due on the debit date",
    "earlier_of_two": "the earlier of the two dates",
    "ecb_on_delay_start": "ECB rate on the first day of delay",
    "ecb_semester_rate": "ECB semester rate",
    "end_of_month": "end of month",
    "eve_of_renewal": "up to the eve of renewal",
    "excl_vat": "excluding VAT",
    "first_of_month": "first of the month",
    "index_in_full": "index applied in full",
    "jours_ouvres_24h": "24 hours to a working day",
    "later_of_two": "the later of the two dates",
    "lower_tier": "tier below",
    "ninety_days": "after 90 days",
    "on_receipt": "on receipt",
    "one_year_no_notice": "one year: no notice",
    "one_year_notice_due": "one year: notice due",
    "per_affected_user_per_day": "per affected user and day",
    "prorata": "pro rata (365-day year)",
    "prorata_30": "pro rata (30-day months)",
    "prorata_months": "whole months, then pro rata",
    "refund_discretionary": "refund at the provider's discretion",
    "refund_owed": "refund owed",
    "started": "every started month",
    "support_hours": "support opening hours",
    "ten_days": "ten days",
    "term_end": "counted from the end of the term",
    "text_year_225_days": "a year of 225 days",
    "three_years": "three years",
    "to_event_day": "12 months to the event day",
    "twelve_weeks": "after 12 weeks",
    "upper_tier": "tier above",
    "vat_included": "VAT included",
    "weeks_of_five_days": "weeks of five days",
    "while_confidential": "while confidential",
    "without_notice": "without notice",
    # --- the law's default terms, compared as one more "vendor" (data/statute/statutory.yaml)
    "statutory": "Statutory default (Code de commerce)",
    # --- the scenario's amounts, as the working names them (result.explain())
    "monthly_amount": "monthly amount",
    "invoice_history": "invoice history",
    **FAMILY_NAMES,  # the clause families
    # --- severities of findings (cgvlib.analysis.checks.SEVERITIES)
    "breach": "breach",
    "risk": "risk",
    "ambiguity": "ambiguity",
    "note": "note",
    # --- values of the clause model's fields (kinds, parties, units, topics...)
    "acceptance": "acceptance",
    "actual/365": "actual/365",
    "all_sums_to_term": "all sums to term",
    "amount_excl_vat": "amount excluding VAT",
    "amounts_paid": "amounts paid",
    "annual_gross_salary_share": "share of annual gross salary",
    "at_most": "at most",
    "audit": "audit",
    "before_term": "before the term",
    "billing_unit": "billing unit",
    "both": "both parties",
    "calendar_days": "calendar days",
    "case_law": "case law",
    "changes": "changes",
    "claims": "claims",
    "client": "client",
    "code_civil_1148": "Code civil art. 1148 (former)",
    "code_civil_1218": "Code civil art. 1218",
    "consumer": "consumer",
    "contest": "contest",
    "credit_note": "credit note",
    "cure": "cure period",
    "data": "data",
    "day_after_month_of_request": "from the day after the month of the request",
    "days_after_invoice": "days after the invoice",
    "days_after_performance": "days after performance",
    "days_end_of_month": "days end of month",
    "delay_start": "start of the delay",
    "deposit": "deposit",
    "due_date": "due date",
    "ecb": "ECB rate",
    "ecb_plus_points": "ECB rate plus points",
    "either": "either party",
    "employees": "employees",
    "example": "example",
    "fixed": "fixed",
    "higher_of": "the higher of",
    "highest_of_three": "the highest of three amounts",
    "hourly": "hourly",
    "hours": "hours",
    "in_advance": "in advance",
    "in_force": "rate in force",
    "indefinite": "indefinite",
    "index_ratio": "index ratio",
    "index_since": "index since",
    "index_with_margin": "index with margin",
    "invoice": "invoice",
    "invoice_date": "invoice date",
    "invoice_total": "invoice total",
    "jours_ouvrables": "working days (Mon-Sat)",
    "jours_ouvres": "business days (Mon-Fri)",
    "last_published_at_as_of": "last published at the date",
    "last_published_at_previous_revision": "last published at the previous revision",
    "last_published_at_revision": "last published at the revision",
    "last_published_at_service": "last published at the service",
    "last_published_at_signature": "last published at signature",
    "legal_consumer": "legal rate (consumers)",
    "legal_multiple": "multiple of the legal rate",
    "legal_plus_points": "legal rate plus points",
    "legal_professional": "legal rate (professionals)",
    "minimum_billing": "minimum billing",
    "month": "month",
    "monthly_gross_salary": "monthly gross salary",
    "months": "months",
    "new_orders_only": "new orders only",
    "no_notice": "no notice",
    "none": "none",
    "not_before": "not before",
    "not_required": "not required",
    "notice": "notice",
    "on_request": "on request",
    "opening_hours": "opening hours",
    "order_amount_paid": "order amount paid",
    "other": "other",
    "payment": "payment",
    "per_order": "per order",
    "per_user_per_day_6_month_average": "per user per day, 6-month average",
    "percent_of_fees": "percent of fees",
    "percent_per_month": "percent per month",
    "performance": "performance",
    "previous_jour_ouvre": "previous business day",
    "professional": "professional",
    "quote": "quote",
    "recruitment": "recruitment",
    "recurring_surcharge": "recurring surcharge",
    "renewed_period_in_full": "renewed period in full",
    "required": "required",
    "semester": "semester",
    "started_months": "started months",
    "subcontractor_services": "subcontractor services",
    "subcontractors": "subcontractors",
    "support": "support",
    "surcharge": "surcharge",
    "syntec": "Syntec index",
    "tacit": "tacit renewal",
    "tenure_based": "by tenure",
    "termination": "termination",
    "trailing_12_months_invoiced_and_collected": "last 12 months invoiced and collected",
    "unpaid_sum": "unpaid sum",
    "unstated": "not stated",
    "until_eve_of_renewal": "until the eve of renewal",
    "vat": "VAT",
    "vendor": "vendor",
    "void_renewal_due": "void: the renewed period is due",
    "volume_step": "volume step",
    "weeks": "weeks",
    "within": "within",
    "work_done": "work done",
    "working_hours": "working hours",
    "years": "years",
    # --- checks of the compliance findings (cgvlib.analysis.checks.REGISTRY)
    "ambiguous_clause": "ambiguous clause",
    "formal_notice_contradiction": "formal notice: contradiction",
    "payment_term_stated_two_ways": "payment term stated two ways",
    "duration_units_disagree": "durations that disagree",
    "obligation_on_wrong_party": "obligation on the wrong party",
    "price_discretion_above_index": "price rise above the index",
    "stated_rate_wrong": "stated rate wrong",
    "late_rate_below_floor": "late rate below the floor",
    "late_rate_below_floor_other_reading": "late rate below the floor (other reading)",
    "late_rate_fixed_below_later_floor": "fixed rate below a later floor",
    "court_chosen_by_one_party": "court chosen by one party",
    "court_does_not_exist": "court that does not exist",
    "court_competence_depends_on_status": "court competence depends on status",
    "duplicate_article_number": "duplicate article number",
    "reference_to_missing_article": "reference to a missing article",
    "late_penalty_manifestly_excessive": "late penalty manifestly excessive",
    "late_cost_outlier": "late cost out of line",
    "late_penalty_part_month_unspecified": "part month of delay unspecified",
    "notice_term_day_unspecified": "notice: day of the term unspecified",
    "notice_tenure_boundary_unstated": "notice: tenure boundary unstated",
    "force_majeure_outdated_reference": "force majeure: outdated reference",
    "sla_tier_gap": "gap between credit tiers",
    "sla_tiers_stop_short": "credit tiers stop short",
    "cancellation_gap": "cancellation: gap in the schedule",
    "cancellation_overlap": "cancellation: overlapping lines",
    "cancellation_schedule_stops_short": "cancellation schedule stops short",
    "recovery_indemnity_missing": "recovery indemnity missing",
    "recovery_indemnity_amount_missing": "recovery indemnity: amount missing",
    "recovery_indemnity_amount_not_40": "recovery indemnity not €40",
    "recovery_indemnity_per_unpaid_sum": "recovery indemnity per unpaid sum",
    "late_rate_missing": "late rate missing",
    "payment_term_missing": "payment term missing",
    "payment_term_too_long": "payment term too long",
    "check_not_computed": "check not computed",
}


def label(identifier: str, lang: str) -> str:
    """The name of ``identifier`` in ``lang``: ``label("prorata_30", "fr")`` is
    ``"prorata (mois de 30 jours)"``.

    A reading of a clause with several ambiguities, ``"<path>=<reading>"`` (e.g.
    ``"notice[1]=eve_of_renewal"``), is named by its reading. An identifier without a name is
    shown as its words (see the module's fallback rule)."""
    name = str(identifier).rpartition("=")[2]
    if name in ID_LABELS:
        return translate(ID_LABELS[name], lang, CONTEXT)
    check_lang(lang)  # a wrong language is refused on the fallback too
    return name.replace("_", " ")


# An identifier inside a sentence: snake_case words, with the field path of a clause holding
# several ambiguities when there is one (``notice[0]=term_end``, ``self=vat_included``).
IDENTIFIER_IN_TEXT = re.compile(
    r"\b(?:[a-z][a-z0-9_]*(?:\[\d+\])?=)?([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b")
QUOTES = {"fr": ("« ", " »"), "en": ("“", "”")}


def name_identifiers(text: str, lang: str) -> str:
    """``text`` with every identifier :data:`ID_LABELS` names replaced by its name in ``lang``,
    between the language's quotation marks: ``"Default: debit_date_is_due."`` ->
    ``"Default: “due on the debit date”."``. For sentences the library writes in English
    (a finding's explanation, a result's working): the reader sees the names the tables show.
    Snake_case words that name nothing are left as they are."""
    opening, closing = QUOTES[check_lang(lang)]

    def named(match: re.Match) -> str:
        identifier = match.group(1)
        if identifier not in ID_LABELS:
            return match.group(0)
        return f"{opening}{label(identifier, lang)}{closing}"

    return IDENTIFIER_IN_TEXT.sub(named, str(text))


__all__ = ["CONTEXT", "ID_LABELS", "label", "name_identifiers"]
