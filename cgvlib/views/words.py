"""The charts' words in English (the default) and French, and their tick labels per language.

The charts (the report's :func:`~cgvlib.views.late_payment.cost_by_days_late`,
:func:`~cgvlib.views.late_payment.penalty_rate_over_time`,
:func:`~cgvlib.views.sla.credit_tiers_chart`, :func:`~cgvlib.views.notice.renewal_timeline`,
:func:`~cgvlib.views.findings.summary_chart`; the notebooks' and apps'
:func:`~cgvlib.views.notice.exit_cost_by_date`, :func:`~cgvlib.views.notice.notice_by_tenure`,
:func:`~cgvlib.views.prices.price_paths_chart`, :func:`~cgvlib.views.prices.syntec_chart`,
:func:`~cgvlib.views.sla.downtime_budget_chart`) and the tables
(:func:`~cgvlib.views.findings.findings_table`, :func:`~cgvlib.views.tables.comparison_table`)
take a ``lang``; their titles, axis labels, legend entries, annotations, footnotes, headers and
captions are :data:`WORDS` (the English, a gettext msgid; the French is in
``cgvlib/locale/fr/LC_MESSAGES/cgvlib.po``, see :mod:`cgvlib.i18n`), filled by :func:`word`.

Numbers, money and dates in Babel's formats for the language (:data:`cgvlib.lang.BABEL_LOCALES`):

- Amounts the arithmetic rounded are written by :func:`cgvlib.money.format_eur` (``€1,234.56``
  / ``1 234,56 €``, never rounded again); amounts on an axis (a scale, not a result) by
  :func:`axis_eur_text` (``€12,346`` / ``12 346 €``).
- Dates are :func:`cgvlib.dates.format_date` (``1 March 2024`` / ``1er mars 2024``), or
  :func:`chart_day` where room is short (``31 Jan 2024`` / ``31 janv. 2024``).
- Numbers keep their digits (:func:`decimal_text`): ``0.205`` / ``0,205``.
- Tick labels: :func:`euro_axis` (``€1,000`` / ``1 000 €``), :func:`percent_axis`
  (``0.5%`` / ``0,5 %``), :func:`date_ticks` (English concise dates, or French month
  abbreviations with the year on January: ``2025``, ``avr.``, ``juil.``).

Reading names (``day_31_semester``) and severities are identifiers: a page shows their names
(:func:`cgvlib.names.label`; :func:`word` names a ``reading`` itself). Vendor names, article
numbers, semesters (``2024-S1``) and the contracts' verbatim quotes stay as they are in both
languages.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
from babel import Locale
from babel.numbers import format_currency, get_decimal_symbol
from matplotlib.ticker import Formatter, FuncFormatter

from cgvlib.dates import format_date
from cgvlib.i18n import translate
from cgvlib.lang import BABEL_LOCALES, check_lang
from cgvlib.money import format_percent
from cgvlib.names import label
from cgvlib.views.style import date_axis

WORDS: dict[str, str] = {
    # --- late payment: cost by days late (cgvlib.views.late_payment.cost_by_days_late)
    "cost_title": "What paying a {amount} invoice due {due} late costs, by days late",
    "days_late_axis": "Days late (payment date minus due date)",
    "cost_axis": "Interest + indemnité forfaitaire",
    "zoom_title": "Zoom on the others: 0 to {top} ({name} runs off this scale)",
    "silent_terms": "silent: statutory terms",
    "default_reading_of": " (default reading: {reading})",
    "other_readings": "{name}: {count} other readings",
    "other_reading": "{name}: other reading ({reading})",
    "as_written_line": "{name}: the clause as written (below the floor)",
    "floor_note": (
        "Solid: the lawful figure, never below three times the legal rate of each semester (Code "
        "de commerce L441-10 II); dotted: the clause as written, where it gives less."),
    "paid_marker": "paid {day}: {days} day{s} late",
    "days_stop_note": "The days stop at {days} ({until}): {coverage}.",
    "readings_note": (
        "Dashed: an ambiguous clause's other readings (solid: its default reading, the one the "
        "vendor file gives reasons for; their totals are in the scenario table)."),
    "invoice_date_note": "Invoice date ({names}): {when}.",
    "the_due_date": "the due date",
    "indemnity_note": "From day 1 late the {indemnity} indemnité forfaitaire is due (D441-5).",
    "coverage": (
        "the legal interest rate is known to {legal} and the ECB rate to {ecb}, so the L441-10 II"
        " semester rate to {ecb_semester} (its rate is the one in force on 1 January or 1 July): "
        "both to {until} ({semester})"),
    # --- late payment: readings whose curves coincide (cgvlib.views.late_payment)
    "same_as_default_one": (
        "{name}: another reading gives the same totals as the default reading on every day "
        "shown (one solid line for both)."),
    "same_as_default": (
        "{name}: {count} other readings give the same totals as the default reading on every "
        "day shown (one solid line for them all)."),
    "shared_dashed": (
        "{name}: {count} other readings give the same totals on every day shown (one dashed "
        "line for them)."),
    # --- late payment: rates over time (cgvlib.views.late_payment.penalty_rate_over_time)
    "rates_title": (
        "Late-penalty rate of each vendor's clause, semester by semester ({first} to {last})"),
    "semester_axis": "Semester",
    "rate_axis": "Annual penalty rate (%, log scale)",
    "floor_line": "Statutory floor: 3 x legal rate (L441-10 II)",
    "default_line": "Statutory default: ECB semester rate + 10 pts",
    "per_month_rule": ": {month} % per month = {year} % a year",
    "equals_floor": " (= the floor)",
    "equals_higher": " (= the higher of floor and default)",
    "breach_run": "{name}: below the floor {first} to {last}",
    "breach_one": "{name}: below the floor {first}",
    "breach_legend": "Below the floor (a shaded band per vendor, top)",
    "rates_note": (
        "Semesters {first} to {last}; the data end with {semester}: {coverage}. Each rate is the "
        "clause's default reading in the semester (a rate fixed at invoicing or at the start of "
        "the delay: the rate of the semester the invoice or the delay falls in; legal rate for "
        "professional creditors). Log scale: each step up multiplies the rate, so 2 x and 3 x the"
        " legal rate run parallel and a per-month rule (as its annual equivalent, x 12) stays on "
        "the chart."),
    # --- the Syntec index (cgvlib.views.prices.syntec_chart)
    "syntec_title": (
        "Syntec index by month, {first} to {last}\nold index to {old}, revised index from "
        "{revised}, as published"),
    "syntec_x_axis": "month the index measures",
    "syntec_y_axis": "index points",
    "syntec_old": "old index (to {month})",
    "syntec_revised": "revised index (from {month})",
    "syntec_equivalent": "revised / {k} (old-index equivalent: the chaining)",
    "syntec_gap": "no value in the data (gap, not interpolated)",
    "syntec_switch": "{month}: switch to the revised index",
    "syntec_coefficient": (
        "revised = old x {k}\n(k = {numerator} / {denominator}, coefficient de raccord)"),
    "syntec_note": (
        "Gaps in the data (left empty, not interpolated):\n{gaps}.\nData ends with {end}."),
    "month_run": "{first} to {last}",
    "none": "none",
    # --- price paths (cgvlib.views.prices.price_paths_chart)
    "price_title": (
        "{price} set on {start}: the price to {until} under each vendor's revision clause"),
    "price_x_axis": "date of the service",
    "price_y_axis": "price excl. VAT",
    "price_line": "{name}: {summary}",
    "price_summary_ratio": "Syntec each {months} (P2 = P1 x S2/S1)",
    "price_summary_margin": "Syntec each 1 January, vendor may go up to +{cap} %",
    "price_summary_capped": "Syntec each 1 January, at most +{cap} %",
    "price_summary_since": "tariff of {day} on the Syntec index at the service date",
    "price_summary_volume": "±{step} % on {day} if the volume deviates > {threshold} %",
    "price_summary_none": "no revision of running orders",
    "worst_margin": "its margin used in full",
    "worst_volume": "volume deviation unknown, taken upwards",
    "worst_line": "{name}: worst case ({why})",
    "stops_at": "{name} stops {day}",
    "revision_legend": "revision takes effect",
    "stop_legend": "path stops: Syntec value missing",
    "band_legend": "between the index-based price and the worst case",
    "stop_which": "the {day} revision needs {which}, ",
    "stop_needs": "needs ",
    "stop_gap": "the Syntec index of {month}: a gap in the data",
    "stop_after": "a Syntec index published after the end of the data ({end})",
    "stop_before": "a Syntec index from before the data starts ({first})",
    "note_stops": "{name}: no price after {day}: {why} (the path stops there)",
    "note_new_orders": (
        "{name}, {article}: no revision of running orders; new tariffs apply to new orders only"),
    "note_volume": (
        "{name}, {article}: flat unless the volume of work deviates by more than {threshold} %; "
        "the dashed line takes an unknown deviation upwards (+{step} % a year); give the volume "
        "deviation for the ±{step} % steps"),
    "note_spread": "{name}: volume deviation {value} % taken for each year evaluated ({years})",
    "note_unstated_index": (
        "{name}: the text does not say which index values are compared; working convention: the "
        "index last published at each 1 January against the one last published at the previous "
        "1 January"),
    # --- service levels (cgvlib.views.sla.credit_tiers_chart)
    "sla_title": "{vendor}: service credit by monthly unavailability rate",
    "sla_x_axis": "monthly unavailability rate (annexe 2 A.6 formula)",
    "sla_y_axis": "credit, % of the month's invoice",
    "tier_line": "credit by tier (annexe 2 A.6)",
    "gap_legend": "gap: text silent",
    "gap_lower": "in a gap: tier below",
    "gap_upper": "in a gap: tier above",
    "marked_rate": "marked rate: {rate} % → credit {credit} %{reading}",
    "marked_reading": ", {reading}",
    "by_default": " (default)",
    "cap_line": "monthly cap: {cap} % of the invoice ({article})",
    "gap_number": "gap {k}",
    "gap_zoom_title": "gap {k}: {low}–{high} %, text silent",
    "tier_above_value": "tier above: {credit} %",
    "tier_below_value": "tier below: {credit} %",
    "the_tier_above": "the tier above",
    "the_tier_below": "the tier below",
    "sla_note": (
        "Top: the whole scale. Bottom: each gap the tiers leave (no tier covers a rate strictly "
        "inside it) magnified, 0.01 point either side.\nAcross a gap, dashed blue = the tier "
        "below, dotted orange = the tier above; default reading: {default} (Code civil art. "
        "1190)."),
    # --- downtime allowed (cgvlib.views.sla.downtime_budget_chart)
    "downtime_title": "Downtime allowed by {availability} % availability, per period",
    "downtime_axis": "maximum downtime (logarithmic scale)",
    "downtime_axis_none": "maximum downtime (none: 100 % availability)",
    "computed_legend": "computed: (100 % - availability) x period",
    "stated_legend": "stated in the text ({article})",
    "stated_elsewhere": "{vendor} states its own table for {availability} % only ({article}).",
    "per_day": "per day",
    "per_week": "per week",
    "per_month": "per month",
    "per_year": "per year",
    "downtime_note": (
        "A day is 86,400 s, a week 7 days, a year 365.2425 days (mean Gregorian year), a month a "
        "twelfth of it; rounded half-up to the tenth of a second.\nThe credit itself is computed "
        "on the actual calendar month less planned maintenance (annexe 2 A.6), so a real month's "
        "allowance differs."),
    # --- duration and notice (cgvlib.views.notice.renewal_timeline)
    "renewal_title": (
        "When the termination letter must leave: terms from {start}, renewals, notice windows"),
    "date_label": "date",
    "terms_silent": "the terms say nothing on duration or notice",
    "per_order": (
        "duration per order (art. {article}): no tacite reconduction, no préavis; a termination "
        "takes effect when made"),
    "no_commitment": (
        "subscription without commitment: no term to renew; the art. {article} préavis runs "
        "from any request"),
    "term_set_by_order": (
        "term length set by the order or quote (art. {article}): give the commitment in months"),
    "month_terms": "{months}-month terms",
    "term_legend": "term (to the eve of its renewal)",
    "renewal_legend": "renewal date (tacite reconduction)",
    "window_legend": "window to send the letter (default reading)",
    "last_day_legend": "last day to send it (default reading)",
    "other_last_day_legend": "last day under another reading",
    "risk_day_legend": "last day under another reading (dated when later: the risk)",
    "today": "today",
    "scenario_date": "scenario date",
    "day_line": "{label} ({day})",
    # --- what leaving costs (cgvlib.views.notice.exit_cost_by_date)
    "exit_title": (
        "{name}: what leaving costs, by the date the letter is sent\ncontract from {start}"),
    "exit_title_monthly": ", {amount} a month",
    "exit_x_axis": "date the termination letter is sent",
    "exit_y_axis": "billed until the end",
    "single_reading": "single reading",
    "same_sums": " = {names} (same sums every day)",
    "missed_legend": "day after the last day to send notice",
    "jump_renewed": "letter after {day}: renewed,\n+{amount}",
    "jump_notice": "préavis {before} → {after} months\n+{amount}",
    "jump_late": "letter after {day},\n+{amount}",
    "sum_from": "From {day}: {why}",
    "notice_sent": "notice sent",
    "default_mark": "v: {names}",
    "other_mark": "x: {names}",
    # --- préavis against tenure (cgvlib.views.notice.notice_by_tenure)
    "tenure_title": "{name} art. {article}: préavis against tenure, request in {month}",
    "tenure_axis": "tenure at the request (completed years of subscription)",
    "tenure_notice_axis": "préavis (months)",
    "tenure_line": "{name}: préavis (months)",
    "tenure_anniversary": "at each anniversary",
    "tenure_ends": "ends {day}",
    "tenure_first_anniversary": (
        "first anniversary: 0 → {months} months\n(1 month + 1 per full year), from the 1st of\n"
        "the month after the request"),
    # --- compliance findings (cgvlib.views.findings.summary_chart)
    "findings_title": "Compliance findings per vendor, by severity ({count} in all)",
    "findings_axis": "Findings (number)",
    "severity": "Severity",
    "severity_breach": "breach",
    "severity_risk": "risk",
    "severity_ambiguity": "ambiguity",
    "severity_note": "note",
    "meaning_breach": "contradicts a statute it cannot depart from, or omits a mention it requires",
    "meaning_risk": "lawful as read, but a court may set it aside, or unlawful in some situation",
    "meaning_ambiguity": "admits several readings or contradicts itself",
    "meaning_note": "a drafting error or a fact worth knowing",
    "severity_meaning": "{severity}: {meaning}",
    "list_separator": "; ",
    "findings_note": "Each finding is one check on one clause. {meanings}.",
    # --- compliance findings as a table (cgvlib.views.findings.findings_table)
    "column_severity": "Severity",
    "column_vendor": "Vendor",
    "column_id": "Check",
    "column_family": "Clause family",
    "column_article": "Article",
    "column_quote": "Quote",
    "column_rule": "Rule",
    "column_explanation": "Explanation",
    "column_periods": "Semesters",
    "every_vendor": "every vendor",
    "list_last": " and ",
    "findings_none": "No {which} finding for {who}.",
    "findings_none_all": "No finding for {who}.",
    "findings_shown": (
        "Findings for {who}: {count} ({which}), sorted by severity ({colours}), then vendor. "
        "Hover a row for the article and the verbatim quote of the terms it concerns."),
    "severity_colours": "{breach} red, {risk} orange, {ambiguity} yellow, {note} grey",
    # --- the clause-by-vendor comparison (cgvlib.views.tables.comparison_table)
    "comparison_legend": (
        "{mark} on a light yellow background: the clause admits several readings; the default "
        "reading is shown, the others are in the cell's tooltip. Grey: the terms say nothing on "
        "the whole family (the law's default applies where it has one). {none}: this vendor's "
        "terms state nothing on that item. Hover a cell for its article and the verbatim quote "
        "of the terms."),
    "comparison_ambiguous_only": "Only the rows with an ambiguous cell are shown.",
    "comparison_nothing": (
        "Nothing to show: the chosen vendors' terms have no clause in the chosen families."),
    "comparison_nothing_ambiguous": (
        "Nothing to show: the chosen vendors' terms have no ambiguous clause in the chosen "
        "families."),
    "other_readings_tip": "Other readings: {readings}",
    # the comparison's items (cgvlib.analysis.describe; a kind or topic is named by
    # cgvlib.names, a clause's own "applies to" words are shown as written)
    "item_rate": "rate",
    "item_delay_starts": "delay starts",
    "item_penalty_base": "penalty base",
    "item_formal_notice_first": "formal notice first",
    "item_whole_debt": "whole debt due at once",
    "item_availability": "availability",
    "item_credit_tiers": "credit tiers",
    "item_credit_cap": "credit cap",
    "item_claim_window": "claim window",
    "item_duration": "duration",
    "item_initial_term": "initial term",
    "item_exit_cost": "exit cost",
    "item_cap": "cap",
    "item_definition": "definition",
    "item_notify": "notify",
    "item_termination_after": "termination after",
}


def word(key: str, lang: str, **values) -> str:
    """The chart words ``key`` in ``lang`` (:data:`WORDS`' English through the gettext catalog),
    with ``{placeholders}`` filled from ``values`` (values a language does not use are
    ignored). A ``reading`` is a reading's identifier (``day_31_semester``): it is shown by
    its name in ``lang`` (:func:`cgvlib.names.label`)."""
    if "reading" in values:
        values["reading"] = label(values["reading"], lang)
    return translate(WORDS[key], lang).format(**values)


# --------------------------------------------------------------------------- numbers and dates


def decimal_text(value, lang: str) -> str:
    """A number as written (``str(value)``, which may be cut short: ``'0.202…'``), with
    Babel's decimal sign for the language: ``0.21`` -> ``'0,21'`` in French. Nothing is
    rounded."""
    sign = get_decimal_symbol(BABEL_LOCALES[check_lang(lang)])
    return str(value).replace(".", sign)


def axis_eur_text(value: float, lang: str) -> str:
    """A whole-euro amount of a scale (an axis bound or tick, not a result), by Babel:
    ``'€12,346'`` or ``'12 346 €'`` (narrow no-break spaces between thousands, a no-break
    space before €). Rounded to the euro: a scale is not a figure owed."""
    locale = BABEL_LOCALES[check_lang(lang)]
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(round(value), "EUR", format=pattern, locale=locale,
                           currency_digits=False)


def chart_day(day: dt.date, lang: str) -> str:
    """A date written out in a chart, short: ``'31 Jan 2024'`` (en) or ``'31 janv. 2024'``
    (fr)."""
    return format_date(day, lang, length="medium")


# --------------------------------------------------------------------------- tick labels


FRENCH_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                 "oct.", "nov.", "déc.")


def french_date_tick(value: float, _pos=None) -> str:
    """A date tick in French: the year on 1 January, the month's abbreviation on another
    month's first day (``'avr.'``), else ``'15/04'``."""
    day = mdates.num2date(value)
    if day.day != 1:
        return f"{day:%d/%m}"
    return str(day.year) if day.month == 1 else FRENCH_MONTHS[day.month - 1]


def euro_axis(lang: str) -> Formatter:
    """Tick labels of an axis in euros: ``€1,000`` (en) or ``1 000 €`` (fr)."""
    check_lang(lang)
    return FuncFormatter(lambda value, _pos: axis_eur_text(value, lang))


def percent_axis(lang: str) -> Formatter:
    """Tick labels of an axis in percent, by Babel: ``0.5%`` (en) or ``0,5 %`` (fr)."""
    check_lang(lang)
    return FuncFormatter(lambda value, _pos: format_percent(f"{value:g}", lang))


def date_ticks(ax, lang: str, *, yearly: bool = False) -> None:
    """:func:`cgvlib.views.style.date_axis` (years, or months with their year), its tick labels
    French for ``"fr"`` (no English month name)."""
    date_axis(ax, yearly=yearly)
    if check_lang(lang) == "fr":
        ax.xaxis.set_major_formatter(FuncFormatter(french_date_tick))


__all__ = [
    "WORDS",
    "axis_eur_text",
    "chart_day",
    "date_ticks",
    "decimal_text",
    "euro_axis",
    "percent_axis",
    "word",
]
