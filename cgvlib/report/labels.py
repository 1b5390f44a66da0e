"""The report's words in French (the default) and English.

Only the report's own text is here: headings, the sentences that introduce each section, the
column names of its tables. Amounts and dates are formatted by :func:`cgvlib.money.format_eur`
and :func:`cgvlib.dates.format_date` from the already-rounded figures. The charts are drawn in
the report's language too, with their own words (:mod:`cgvlib.views.words`). The working
printed under each table (``result.explain()``), the descriptions of the clauses in the
appendix table and the findings' explanations keep the library's English wording, and the
contract quotes stay verbatim.
"""

from __future__ import annotations

from cgvlib.lang import check_lang

TEXT: dict[str, dict[str, str]] = {
    "title": {
        "fr": "Conditions générales de vente : {names}",
        "en": "Terms of sale: {names}",
    },
    "subtitle": {
        "fr": "Comparées aux règles supplétives du Code de commerce. Chaque chiffre cite "
              "l'article et la phrase du contrat dont il vient ; une clause qui se lit de "
              "deux façons garde ses deux lectures. Le détail des calculs, les descriptions et "
              "remarques tirées des clauses (tableau en annexe, délais de réclamation) et les "
              "constatations de conformité sont rédigés en anglais ; les citations sont "
              "celles des contrats.",
        "en": "Compared with the statutory default rules of the Code de commerce. Every figure "
              "cites the article and sentence of the contract it comes from; a clause that "
              "reads two ways keeps both readings.",
    },
    "parameters": {"fr": "Le scénario", "en": "The scenario"},
    "parameters_intro": {
        "fr": "Les hypothèses de ce rapport (paramètres de l'exécution) :",
        "en": "What this report assumes (the run's parameters):",
    },
    "comparison": {"fr": "Annexe : les clauses, côte à côte",
                   "en": "Appendix: the clauses side by side"},
    "comparison_intro": {
        "fr": "Une ligne par point du contrat, une colonne par fournisseur et une pour la loi. "
              "‡ : la clause admet plusieurs lectures (la lecture par défaut est affichée) ; "
              "— : le texte ne dit rien.",
        "en": "One row per item of the contract, one column per vendor and one for the law. "
              "‡: the clause admits several readings (the default one is shown); —: the "
              "text says nothing.",
    },
    "late_payment": {"fr": "Retard de paiement", "en": "Late payment"},
    "late_payment_intro": {
        "fr": "Ce que chaque fournisseur peut réclamer pour une facture de {amount} échue le "
              "{due} et payée le {paid} : pénalités de retard et indemnité forfaitaire pour "
              "frais de recouvrement (L441-10, D441-5). Les montants sont ceux que la loi "
              "rend dus : jamais sous trois fois le taux d'intérêt légal de chaque semestre "
              "(L441-10 II) ; quand une clause donne moins, son propre total figure à côté.",
        "en": "What each vendor may claim for an invoice of {amount} due on {due} and paid on "
              "{paid}: late-payment penalties and the fixed recovery indemnity (L441-10, "
              "D441-5). The figures are those the law makes due: never below three times the "
              "legal rate of each semester (L441-10 II); where a clause gives less, its own "
              "total stands beside.",
    },
    "sla": {"fr": "Niveaux de service", "en": "Service levels"},
    "sla_intro": {
        "fr": "Le crédit de service dû pour un mois où le service a été indisponible "
              "{unavailability} du temps, sur une facture mensuelle de {amount}.",
        "en": "The service credit owed for a month in which the service was unavailable "
              "{unavailability} of the time, on a monthly invoice of {amount}.",
    },
    "exit": {"fr": "Résiliation et reconduction", "en": "Termination and renewal"},
    "exit_intro": {
        "fr": "Un contrat commencé le {start}, une lettre de résiliation envoyée le {notice} : "
              "quand il prend fin et ce qui reste dû jusque-là, à {monthly} par mois.",
        "en": "A contract started on {start}, a termination letter sent on {notice}: when it "
              "ends and what is due until then, at {monthly} a month.",
    },
    "findings": {"fr": "Conformité", "en": "Compliance"},
    "findings_intro": {
        "fr": "Les clauses confrontées au Code de commerce, semestre par semestre : "
              "manquements (breach), risques (risk), ambiguïtés (ambiguity) et remarques (note).",
        "en": "The clauses checked against the Code de commerce, semester by semester: "
              "breaches, risks, ambiguities and notes.",
    },
    "working": {"fr": "Détail du calcul", "en": "The working"},
    "nothing_found": {"fr": "Aucune constatation.", "en": "No finding."},
    # table columns and cells
    "vendor": {"fr": "Fournisseur", "en": "Vendor"},
    "parameter": {"fr": "Paramètre", "en": "Parameter"},
    "value": {"fr": "Valeur", "en": "Value"},
    "days_late": {"fr": "Jours de retard", "en": "Days late"},
    "first_day_of_delay": {"fr": "Premier jour de retard", "en": "First day of delay"},
    "days_of_delay": {"fr": "Jours comptés", "en": "Days counted"},
    "rate": {"fr": "Taux", "en": "Rate"},
    "interest": {"fr": "Pénalités", "en": "Penalties"},
    "indemnity": {"fr": "Indemnité", "en": "Indemnity"},
    "total": {"fr": "Total", "en": "Total"},
    "as_written": {"fr": "Total selon la clause (sous le plancher)",
                   "en": "Total by the clause (below the floor)"},
    "other_readings": {"fr": "Autres lectures", "en": "Other readings"},
    "article": {"fr": "Article", "en": "Article"},
    "tier": {"fr": "Palier d'indisponibilité", "en": "Unavailability tier"},
    "credit_percent": {"fr": "Crédit (% de la facture)", "en": "Credit (% of the invoice)"},
    "credit": {"fr": "Crédit", "en": "Credit"},
    "cap": {"fr": "Plafond", "en": "Cap"},
    "request": {"fr": "Lettre envoyée le", "en": "Letter sent on"},
    "deadline": {"fr": "Dernier jour pour l'envoyer", "en": "Last day to send it"},
    "end": {"fr": "Fin du contrat", "en": "Contract ends"},
    "renewed": {"fr": "Reconduit", "en": "Renewed"},
    "billed_total": {"fr": "Dû jusqu'à la fin", "en": "Due until the end"},
    "note": {"fr": "Remarque", "en": "Note"},
    "yes": {"fr": "oui", "en": "yes"},
    "no": {"fr": "non", "en": "no"},
    "per_month": {"fr": "par mois", "en": "per month"},
    "per_year": {"fr": "par an", "en": "per year"},
    "not_computed": {"fr": "non calculé : {why}", "en": "not computed: {why}"},
    "notice_sent": {"fr": "lettre envoyée", "en": "notice sent"},
    "silent": {"fr": "le contrat ne dit rien", "en": "the terms say nothing"},
    # parameter names
    "p_vendors": {"fr": "Fournisseurs", "en": "Vendors"},
    "p_invoice_amount": {"fr": "Montant de la facture", "en": "Invoice amount"},
    "p_due": {"fr": "Échéance", "en": "Due date"},
    "p_paid": {"fr": "Payée le", "en": "Paid on"},
    "p_invoice_date": {"fr": "Date de facture", "en": "Invoice date"},
    "p_unavailability_percent": {"fr": "Indisponibilité du mois", "en": "Unavailability"},
    "p_monthly_amount": {"fr": "Montant mensuel", "en": "Monthly amount"},
    "p_contract_start": {"fr": "Début du contrat", "en": "Contract start"},
    "p_notice_date": {"fr": "Lettre de résiliation", "en": "Termination letter"},
    "p_commitment_months": {"fr": "Durée d'engagement (mois)", "en": "Commitment (months)"},
    "p_lang": {"fr": "Langue", "en": "Language"},
    "p_default": {"fr": "selon le contrat", "en": "as the terms say"},
}


def text(key: str, lang: str, **values) -> str:
    """The report's text ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    return TEXT[key][check_lang(lang)].format(**values)
