"""The charts' words in English (the default) and French, and their tick labels per language.

The report's charts (:func:`~cgvlib.views.late_payment.cost_by_days_late`,
:func:`~cgvlib.views.late_payment.penalty_rate_over_time`,
:func:`~cgvlib.views.sla.credit_tiers_chart`, :func:`~cgvlib.views.notice.renewal_timeline`,
:func:`~cgvlib.views.findings.summary_chart`) take a ``lang``; their titles, axis labels, legend
entries, annotations and footnotes are :data:`WORDS`, filled by :func:`word`.

- Amounts the arithmetic rounded are written by :func:`cgvlib.money.format_eur` (never rounded
  again); amounts on an axis (a scale, not a result) by :func:`axis_eur_text`.
- Dates are :func:`cgvlib.dates.format_date` (``2024-01-31`` / ``31/01/2024``), or
  :func:`chart_day` where the English charts write ``31 Jan 2024``.
- Percentages keep their digits (:func:`decimal_text`): ``0.205 %`` / ``0,205 %``, with a
  no-break space before ``%`` in French.
- Tick labels: :func:`euro_axis` (``1,000 EUR`` / ``1 000 €``), :func:`percent_axis`
  (``0.5 %`` / ``0,5 %``), :func:`date_ticks` (English concise dates, or French month
  abbreviations with the year on January: ``2025``, ``avr.``, ``juil.``).

Identifiers stay as they are in both languages: vendor names, reading names
(``day_31_semester``), article numbers, severities' ids, semesters (``2024-S1``) and the
contracts' verbatim quotes.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
from matplotlib.ticker import Formatter, FuncFormatter

from cgvlib.dates import format_date
from cgvlib.lang import check_lang
from cgvlib.money import NARROW_NBSP, NBSP
from cgvlib.views.style import EURO_AXIS, PERCENT_AXIS, date_axis, eur_text

WORDS: dict[str, dict[str, str]] = {
    # --- late payment: cost by days late (cgvlib.views.late_payment.cost_by_days_late)
    "cost_title": {
        "en": "What paying a {amount} invoice due {due} late costs, by days late",
        "fr": "Coût du paiement en retard d'une facture de {amount} échue le {due}",
    },
    "days_late_axis": {
        "en": "Days late (payment date minus due date)",
        "fr": "Jours de retard (date de paiement moins échéance)",
    },
    "cost_axis": {
        "en": "Interest + indemnité forfaitaire",
        "fr": "Pénalités + indemnité forfaitaire",
    },
    "zoom_title": {
        "en": "Zoom on the others: 0 to {top} ({name} runs off this scale)",
        "fr": "Zoom sur les autres : de 0 à {top} ({name} sort de cette échelle)",
    },
    "silent_terms": {"en": "silent: statutory terms", "fr": "contrat muet : conditions légales"},
    "default_reading_of": {"en": " (default reading: {reading})",
                           "fr": " (lecture par défaut : {reading})"},
    "other_readings": {"en": "{name}: {count} other readings",
                       "fr": "{name} : {count} autres lectures"},
    "other_reading": {"en": "{name}: other reading ({reading})",
                      "fr": "{name} : autre lecture ({reading})"},
    "as_written_line": {"en": "{name}: the clause as written (below the floor)",
                        "fr": "{name} : la clause telle qu'écrite (sous le plancher)"},
    "floor_note": {
        "en": "Solid: the lawful figure, never below three times the legal rate of each "
              "semester (Code de commerce L441-10 II); dotted: the clause as written, where it "
              "gives less.",
        "fr": "Trait plein : le montant dû selon la loi, jamais sous trois fois le taux "
              "d'intérêt légal de chaque semestre (Code de commerce, art. L441-10 II) ; "
              "pointillé : la clause telle qu'écrite, là où elle donne moins.",
    },
    "paid_marker": {"en": "paid {day}: {days} days late",
                    "fr": "payée le {day} : {days} jour{s} de retard"},
    "days_stop_note": {
        "en": "The days stop at {days} ({until}): {coverage}.",
        "fr": "L'axe s'arrête à {days} jours de retard ({until}) : {coverage}.",
    },
    "readings_note": {
        "en": "Dashed: an ambiguous clause's other readings (solid: its default reading, the "
              "one the vendor file gives reasons for; their totals are in the scenario table).",
        "fr": "Tirets : les autres lectures d'une clause ambiguë (trait plein : sa lecture par "
              "défaut, celle que la fiche du fournisseur justifie ; leurs totaux figurent dans "
              "le tableau du scénario).",
    },
    "invoice_date_note": {"en": "Invoice date ({names}): {when}.",
                          "fr": "Date de facture ({names}) : {when}."},
    "the_due_date": {"en": "the due date", "fr": "la date d'échéance"},
    "indemnity_note": {
        "en": "From day 1 late the 40 EUR indemnité forfaitaire is due (D441-5).",
        "fr": "Dès le premier jour de retard, l'indemnité forfaitaire de {indemnity} est due "
              "(D441-5).",
    },
    "coverage": {
        "en": "the legal interest rate is known to {legal} and the ECB rate to {ecb}, so the "
              "L441-10 II semester rate to {ecb_semester} (its rate is the one in force on "
              "1 January or 1 July): both to {until} ({semester})",
        "fr": "le taux d'intérêt légal est connu jusqu'au {legal} et le taux de refinancement "
              "de la BCE jusqu'au {ecb}, donc le taux semestriel de L441-10 II jusqu'au "
              "{ecb_semester} (le taux applicable est celui en vigueur au 1er janvier ou au "
              "1er juillet) : les deux jusqu'au {until} ({semester})",
    },
    # --- late payment: rates over time (cgvlib.views.late_payment.penalty_rate_over_time)
    "rates_title": {
        "en": "Late-penalty rate of each vendor's clause, semester by semester ({first} to "
              "{last})",
        "fr": "Taux des pénalités de retard, semestre par semestre (de {first} à {last})",
    },
    "semester_axis": {"en": "Semester", "fr": "Semestre"},
    "rate_axis": {"en": "Annual penalty rate (%, log scale)",
                  "fr": "Taux annuel (%, échelle log.)"},
    "floor_line": {"en": "Statutory floor: 3 x legal rate (L441-10 II)",
                   "fr": "Plancher : 3 × le taux légal (L441-10 II)"},
    "default_line": {
        "en": "Statutory default: ECB semester rate + 10 pts",
        "fr": "Taux supplétif : taux BCE du semestre + 10 points",
    },
    "per_month_rule": {"en": ": {month} % per month = {year} % a year",
                       "fr": " : {month}\u00a0% par mois = {year}\u00a0% par an"},
    "equals_floor": {"en": " (= the floor)", "fr": " (= le plancher)"},
    "equals_higher": {"en": " (= the higher of floor and default)",
                      "fr": " (= le plus élevé : plancher ou supplétif)"},
    "breach_run": {"en": "{name}: below the floor {first} to {last}",
                   "fr": "{name} : sous le plancher de {first} à {last}"},
    "breach_one": {"en": "{name}: below the floor {first}",
                   "fr": "{name} : sous le plancher en {first}"},
    "breach_legend": {"en": "Below the floor (a shaded band per vendor, top)",
                      "fr": "Sous le plancher (une bande par fournisseur)"},
    "rates_note": {
        "en": "Semesters {first} to {last}; the data end with {semester}: {coverage}. Each "
              "rate is the clause's default reading in the semester (a rate fixed at invoicing "
              "or at the start of the delay: the rate of the semester the invoice or the delay "
              "falls in; legal rate for professional creditors). Log scale: each step up "
              "multiplies the rate, so 2 x and 3 x the legal rate run parallel and a per-month "
              "rule (as its annual equivalent, x 12) stays on the chart.",
        "fr": "Semestres de {first} à {last} ; les données s'arrêtent à {semester} : "
              "{coverage}. Chaque taux est celui de la lecture par défaut de la clause pour le "
              "semestre (un taux fixé à la facturation ou au début du retard : celui du "
              "semestre où tombe la facture ou le retard ; taux légal des créanciers "
              "professionnels). Échelle logarithmique : chaque graduation multiplie le taux, si "
              "bien que 2 × et 3 × le taux légal courent en parallèle et qu'un taux mensuel (en "
              "équivalent annuel, × 12) reste dans le graphique.",
    },
    # --- service levels (cgvlib.views.sla.credit_tiers_chart)
    "sla_title": {"en": "{vendor}: service credit by monthly unavailability rate",
                  "fr": "{vendor} : crédit de service selon le taux d'indisponibilité "
                        "mensuelle"},
    "sla_x_axis": {"en": "monthly unavailability rate (annexe 2 A.6 formula)",
                   "fr": "taux d'indisponibilité mensuelle (formule de l'annexe 2 A.6)"},
    "sla_y_axis": {"en": "credit, % of the month's invoice",
                   "fr": "crédit, en % de la facture du mois"},
    "tier_line": {"en": "credit by tier (annexe 2 A.6)", "fr": "crédit par palier (annexe 2 A.6)"},
    "gap_legend": {"en": "gap: text silent", "fr": "lacune : le texte ne dit rien"},
    "gap_lower": {"en": "in a gap: tier below", "fr": "lacune → palier inférieur"},
    "gap_upper": {"en": "in a gap: tier above", "fr": "lacune → palier supérieur"},
    "marked_rate": {"en": "marked rate: {rate} % → credit {credit} %{reading}",
                    "fr": "taux du mois : {rate}\u00a0% → crédit {credit}\u00a0%{reading}"},
    "marked_reading": {"en": ", {spaced}", "fr": ", {name}"},
    "by_default": {"en": " (default)", "fr": " (par défaut)"},
    "cap_line": {"en": "monthly cap: {cap} % of the invoice ({article})",
                 "fr": "plafond mensuel : {cap}\u00a0% de la facture ({article})"},
    "gap_number": {"en": "gap {k}", "fr": "lacune {k}"},
    "gap_zoom_title": {"en": "gap {k}: {low}–{high} %, text silent",
                       "fr": "lacune {k} : {low}–{high}\u00a0%, le texte ne dit rien"},
    "tier_above_value": {"en": "tier above: {credit} %",
                         "fr": "palier supérieur : {credit}\u00a0%"},
    "tier_below_value": {"en": "tier below: {credit} %",
                         "fr": "palier inférieur : {credit}\u00a0%"},
    "the_tier_above": {"en": "the tier above", "fr": "le palier supérieur"},
    "the_tier_below": {"en": "the tier below", "fr": "le palier inférieur"},
    "sla_note": {
        "en": "Top: the whole scale. Bottom: each gap the tiers leave (no tier covers a rate "
              "strictly inside it) magnified, 0.01 point either side.\nAcross a gap, dashed "
              "blue = the tier below, dotted orange = the tier above; default reading: "
              "{default} (Code civil art. 1190).",
        "fr": "En haut : toute l'échelle. En bas : chaque lacune entre deux paliers (aucun "
              "palier ne couvre un taux strictement à l'intérieur), agrandie à ±0,01 point."
              "\nDans une lacune, tirets bleus = le palier inférieur, "
              "pointillés orange = le palier supérieur ; lecture par défaut : {default} (Code "
              "civil art. 1190).",
    },
    # --- duration and notice (cgvlib.views.notice.renewal_timeline)
    "renewal_title": {
        "en": "When the termination letter must leave: terms from {start}, renewals, notice "
              "windows",
        "fr": "Quand envoyer la lettre de résiliation : périodes depuis le {start}, "
              "reconductions, délais de préavis",
    },
    "date_label": {"en": "date", "fr": "date"},
    "terms_silent": {"en": "the terms say nothing on duration or notice",
                     "fr": "le contrat ne dit rien de la durée ni du préavis"},
    "per_order": {
        "en": "duration per order (art. {article}): no tacite reconduction, no préavis; a "
              "termination takes effect when made",
        "fr": "durée par commande (art. {article}) : ni reconduction tacite, ni préavis ; la "
              "résiliation prend effet dès qu'elle est faite",
    },
    "no_commitment": {
        "en": "subscription without commitment: no term to renew; the art. {article} préavis "
              "runs from any request (see notice_by_tenure)",
        "fr": "abonnement sans engagement : aucune période à reconduire ; le préavis de l'art. "
              "{article} court dès la demande (voir notice_by_tenure)",
    },
    "term_set_by_order": {
        "en": "term length set by the order or quote (art. {article}): give commitment_months",
        "fr": "durée fixée par la commande ou le devis (art. {article}) : indiquer "
              "commitment_months",
    },
    "month_terms": {"en": "{months}-month terms", "fr": "périodes de {months} mois"},
    "term_legend": {"en": "term (to the eve of its renewal)",
                    "fr": "période (jusqu'à la veille de sa reconduction)"},
    "renewal_legend": {"en": "renewal date (tacite reconduction)",
                       "fr": "date de reconduction (reconduction tacite)"},
    "window_legend": {"en": "window to send the letter (default reading)",
                      "fr": "délai pour envoyer la lettre (lecture par défaut)"},
    "last_day_legend": {"en": "last day to send it (default reading)",
                        "fr": "dernier jour pour envoyer la lettre (lecture par défaut)"},
    "other_last_day_legend": {"en": "last day under another reading",
                              "fr": "dernier jour selon une autre lecture"},
    "risk_day_legend": {"en": "last day under another reading (dated when later: the risk)",
                        "fr": "dernier jour selon une autre lecture (daté s'il est plus tard : "
                              "le risque)"},
    "today": {"en": "today", "fr": "aujourd'hui"},
    "scenario_date": {"en": "scenario date", "fr": "date du scénario"},
    "day_line": {"en": "{label} ({day})", "fr": "{label} ({day})"},
    # --- compliance findings (cgvlib.views.findings.summary_chart)
    "findings_title": {
        "en": "Compliance findings per vendor, by severity ({count} in all)",
        "fr": "Constatations de conformité par fournisseur, par gravité ({count} au total)",
    },
    "findings_axis": {"en": "Findings (number)", "fr": "Constatations (nombre)"},
    "severity": {"en": "Severity", "fr": "Gravité"},
    "severity_breach": {"en": "breach", "fr": "manquement (breach)"},
    "severity_risk": {"en": "risk", "fr": "risque (risk)"},
    "severity_ambiguity": {"en": "ambiguity", "fr": "ambiguïté (ambiguity)"},
    "severity_note": {"en": "note", "fr": "remarque (note)"},
    "meaning_breach": {
        "en": "contradicts a statute it cannot depart from, or omits a mention it requires",
        "fr": "contredit une disposition légale à laquelle elle ne peut déroger, ou omet une "
              "mention obligatoire",
    },
    "meaning_risk": {
        "en": "lawful as read, but a court may set it aside, or unlawful in some situation",
        "fr": "licite telle qu'écrite, mais un juge peut l'écarter, ou illicite dans certaines "
              "situations",
    },
    "meaning_ambiguity": {"en": "admits several readings or contradicts itself",
                          "fr": "admet plusieurs lectures ou se contredit"},
    "meaning_note": {"en": "a drafting error or a fact worth knowing",
                     "fr": "une erreur de rédaction ou un fait utile à connaître"},
    "severity_meaning": {"en": "{severity}: {meaning}", "fr": "{severity} : {meaning}"},
    "list_separator": {"en": "; ", "fr": " ; "},
    "findings_note": {
        "en": "Each finding is one check on one clause (cgvlib.check_all). {meanings}.",
        "fr": "Chaque constatation est un contrôle portant sur une clause (cgvlib.check_all). "
              "Gravités : {meanings}.",
    },
}


def word(key: str, lang: str, **values) -> str:
    """The chart words ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``
    (values a language does not use are ignored)."""
    return WORDS[key][check_lang(lang)].format(**values)


# --------------------------------------------------------------------------- numbers and dates


def decimal_text(value, lang: str) -> str:
    """A number as written (``str(value)``), with a decimal comma in French: ``0.21`` ->
    ``'0,21'``. Nothing is rounded."""
    text = str(value)
    return text.replace(".", ",") if check_lang(lang) == "fr" else text


def axis_eur_text(value: float, lang: str) -> str:
    """A whole-euro amount of a scale (an axis bound, not a result): ``'12,346 EUR'`` or
    ``'12 346 €'`` (narrow no-break spaces between thousands, a no-break space before €)."""
    if check_lang(lang) == "en":
        return eur_text(value)
    return f"{value:,.0f}".replace(",", NARROW_NBSP) + f"{NBSP}€"


def chart_day(day: dt.date, lang: str) -> str:
    """A date written out in a chart: ``'31 Jan 2024'`` (en) or ``'31/01/2024'`` (fr)."""
    if check_lang(lang) == "en":
        return f"{day:%d %b %Y}"
    return format_date(day, lang)


# --------------------------------------------------------------------------- tick labels


FRENCH_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                 "oct.", "nov.", "déc.")
FRENCH_EURO_AXIS = FuncFormatter(lambda value, _pos: axis_eur_text(value, "fr"))
FRENCH_PERCENT_AXIS = FuncFormatter(
    lambda value, _pos: f"{value:g}".replace(".", ",") + f"{NBSP}%")


def french_date_tick(value: float, _pos=None) -> str:
    """A date tick in French: the year on 1 January, the month's abbreviation on another
    month's first day (``'avr.'``), else ``'15/04'``."""
    day = mdates.num2date(value)
    if day.day != 1:
        return f"{day:%d/%m}"
    return str(day.year) if day.month == 1 else FRENCH_MONTHS[day.month - 1]


def euro_axis(lang: str) -> Formatter:
    """Tick labels of an axis in euros: ``1,000 EUR`` (en) or ``1 000 €`` (fr)."""
    return EURO_AXIS if check_lang(lang) == "en" else FRENCH_EURO_AXIS


def percent_axis(lang: str) -> Formatter:
    """Tick labels of an axis in percent: ``0.5 %`` (en) or ``0,5 %`` (fr)."""
    return PERCENT_AXIS if check_lang(lang) == "en" else FRENCH_PERCENT_AXIS


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
