"""Leappy SAS (003): the values read from its CGV, asserted one by one with their words."""

import datetime as dt
from decimal import Decimal

import pytest

import cgvlib.model.loader as loader
from cgvlib.model.base import Duration, Silent


def d(text: str) -> Duration:
    return Duration.parse(text)


@pytest.fixture(scope="module")
def v():
    return loader.vendor("leappy")


def test_document(v):
    assert v.quotes_verified
    assert v.document.file == "003_9add73b9ee147dea.txt"
    assert "1er Janvier 2023" in v.document.version


# --- payment -------------------------------------------------------------------------------


def test_services_paid_on_receipt(v):
    # art. 4: "le client versera au prestataire les prix des prestations dès réception des
    # factures"
    term = v.payment_terms[0]
    assert term.kind == "on_receipt"
    assert term.days is None
    assert term.source.article == "4"
    # art. 8 repeats it: "Régler toute prestation dûe à réception de facture"
    assert "dûe à réception de facture" in term.note


def test_deposit_paid_before_start(v):
    # art. 3: "Le règlement de cet acompte permet de déclencher le démarrage de la prestation"
    term = v.payment_terms[1]
    assert term.kind == "in_advance"
    assert "acompte" in term.applies_to


def test_recruitment_fees_due_in_14_days(v):
    # art. 7.1: "réglé dans les quatorze (14) jours à compter de la date d'émission de la facture"
    term = v.payment_terms[2]
    assert term.kind == "days_after_invoice"
    assert term.days == 14
    assert term.source.article == "7.1"
    assert "recruitment" in term.applies_to


def test_late_payment_rate_twice_legal_rate_at_invoicing(v):
    # art. 4: "un taux équivalent à deux (2) fois le taux d'intérêt légal (en vigueur au jour de
    # la facturation des prestations"
    lp = v.late_payment
    assert lp.rule.kind == "legal_multiple"
    assert lp.rule.multiple == Decimal("2")
    assert lp.rule.creditor == "professional"
    assert lp.rate_fixed_at == "invoice_date"
    # "calculée sur le montant hors taxes de la somme restant due"
    assert lp.base == "amount_excl_vat"
    # "court à compter du jour suivant la date de règlement portée sur la facture"
    assert lp.delay_starts.after == "due_date"
    assert lp.delay_starts.days == 0
    # "calculé au prorata temporis"
    assert lp.day_count == "actual/365"
    # "L'exigibilité immédiate de toute somme restant due"
    assert lp.whole_debt_due is True
    # 2 x the legal rate is below the L441-10 II floor of 3 x: the note says so
    assert "L441-10" in lp.note


def test_late_payment_formal_notice_ambiguity(v):
    # art. 4: "pourra, après mise en demeure, par lettre recommandée avec avis de réception, être
    # productive d'intérêts" vs "sans qu'aucun rappel ou mise en demeure préalable ne soient
    # nécessaires"
    lp = v.late_payment
    assert lp.ambiguous
    assert lp.formal_notice == "not_required"
    readings = lp.readings()
    assert set(readings) == {"without_notice", "after_formal_notice"}
    assert readings["without_notice"].formal_notice == "not_required"
    assert readings["after_formal_notice"].formal_notice == "required"
    # the interest still counts from the due date under both readings
    assert readings["after_formal_notice"].delay_starts.after == "due_date"
    assert lp.ambiguity.default == "after_formal_notice"
    assert lp.default_reading().formal_notice == "required"


def test_stated_legal_rate_for_2023(v):
    # art. 4: "Le taux d'intérêt légal est fixé à 4,22 % pour l'année 2023 pour information"
    (stated,) = v.late_payment.stated_rates
    assert stated.series == "legal_professional"
    assert stated.percent == Decimal("4.22")
    assert stated.from_date == dt.date(2023, 1, 1)
    assert stated.to_date == dt.date(2023, 12, 31)
    # the reference data: 2.06 % in 2023-S1, 4.22 % in 2023-S2
    assert "2.06" in stated.note


def test_recovery_indemnity_silent(v):
    # the text never mentions the 40 EUR indemnity
    assert isinstance(v.recovery_indemnity, Silent)
    assert "D441-5" in v.recovery_indemnity.note
    assert "L441-1" in v.recovery_indemnity.note


# --- price revision -----------------------------------------------------------------------------


def test_syntec_revision_january_and_july(v):
    # art. 4: "P2=P1x(S2/S1) [...] La révision des prix intervient en janvier et juillet de
    # chaque année sur la base du dernier indice Syntec publié à la date de la révision"
    (rev,) = v.price_revision
    assert rev.kind == "index_ratio"
    assert rev.index == "syntec"
    assert rev.months == [1, 7]
    assert rev.new_index == "last_published_at_revision"
    # "S1 représente le dernier indice Syntec publié à la date de la précédente révision"
    assert rev.base_index == "last_published_at_previous_revision"
    # "pour la première révision, l'indice utilisé sera le dernier publié à la date de la
    # signature du contrat"
    assert rev.first_base_index == "last_published_at_signature"
    assert rev.cap_percent is None


def test_syntec_revision_day_ambiguity(v):
    # "en janvier et juillet": the day of the month is not stated
    rev = v.price_revision[0]
    readings = rev.readings()
    assert set(readings) == {"first_of_month", "end_of_month"}
    assert readings["first_of_month"].day == 1
    assert readings["end_of_month"].day == 31
    assert rev.ambiguity.default == "first_of_month"
    assert rev.default_reading().day == 1


# --- fees and cancellation ----------------------------------------------------------------------


def test_recruitment_fee(v):
    # art. 7.1: "Le pourcentage est de 25% de la Rémunération Annuelle Fixe Totale du
    # Consultant" [...] "pour une durée de un an soit 225 jours"
    fee, _unit = v.fees
    assert fee.kind == "recruitment"
    assert fee.percent == Decimal("25")
    assert fee.days == 225
    assert fee.source.article == "7.1"


def test_billing_unit_credit(v):
    # art. 4: « au crédit - correspondant à une journée, pouvant être fractionné en
    # demi-crédit »: one crédit = 1 day, the smallest part billed half a crédit
    _fee, unit = v.fees
    assert (unit.kind, unit.per, unit.days, unit.smallest_part) == (
        "billing_unit", "crédit", 1, Decimal("0.5"))
    assert unit.amount is None  # each quote sets the price of a crédit
    assert unit.source.article == "4"


def test_cancellation_within_48_hours_due(v):
    # art. 8: "toute action non honorée mais non décommandée dans les quarante-huit (48) heures
    # précédant la date de sa réalisation reste due au prestataire"
    (schedule,) = v.cancellation
    late, early = schedule.tiers
    assert late.less_than == d("48 hours")
    assert late.fee_percent == Decimal("100")
    # "les actions annulées avec le préavis de quarante-huit (48) heures" are rescheduled
    assert early.at_least == d("48 hours")
    assert early.fee_percent == Decimal("0")
    # "La réalisation ultérieure de cette action entraînera son paiement en sus"
    assert "en sus" in late.note


# --- term -----------------------------------------------------------------------------------------


def test_term_set_by_quote(v):
    # art. 5: "La durée des prestations est définie dans le devis ou la lettre de mission"
    assert v.term.duration == "per_order"
    assert v.term.initial_terms[0].months is None
    assert v.term.notice == []


def test_exit_charges_work_done(v):
    # art. 5: "seront dues par le client les sommes correspondant aux prestations réalisées
    # jusqu'à la date de prise d'effet de la résiliation et non encore payées"
    client_exit, force_majeure_exit = v.term.exit_charges
    assert client_exit.kind == "work_done"
    assert client_exit.payer == "client"
    # art. 18: "le client doit verser au prestataire tous les montants dus jusqu'à la date de
    # résiliation"
    assert force_majeure_exit.kind == "work_done"
    assert force_majeure_exit.source.article == "18"


# --- liability, non-solicitation, confidentiality -------------------------------------------------


def test_liability_half_of_sums_paid_excl_vat(v):
    # art. 9: "supérieurs à la moitié de la somme totale hors taxes effectivement payée"
    cap = v.liability[0]
    assert cap.basis == "amounts_paid"
    assert cap.multiplier == Decimal("0.5")
    assert cap.excl_vat is True
    # "Pour l'ensemble de la mission [...] Depuis la signature du contrat jusqu'à la phase
    # génératrice de l'action en responsabilité"
    assert "whole mission" in cap.window
    assert "instalments" in cap.window


def test_data_loss_limited_to_reconstitution(v):
    # art. 10: "limitée à la reconstitution des éléments détruits"
    cap = v.liability[1]
    assert cap.basis == "unstated"
    assert cap.source.article == "10"


def test_non_solicitation_of_staff(v):
    # art. 17: "pendant les deux ans qui suivent la cessation du contrat de travail des
    # collaborateurs [...] une indemnité égale à douze (12) mois de salaire brut"
    staff = v.non_solicitation[0]
    assert staff.applies_to == "employees"
    assert staff.parties == "both"
    assert staff.duration == d("2 years")
    assert "contrat de travail" in staff.from_event
    assert staff.penalty_months == 12
    assert staff.penalty_basis == "monthly_gross_salary"


def test_non_solicitation_of_subcontractors(v):
    # art. 17: "pendant une durée de deux ans à compter de la cessation des relations
    # contractuelles [...] douze (12) mois [...] de prestation fournie par le sous-traitant"
    sub = v.non_solicitation[1]
    assert sub.applies_to == "subcontractors"
    assert sub.parties == "both"
    assert sub.duration == d("2 years")
    assert "relations contractuelles" in sub.from_event
    assert sub.penalty_months == 12
    assert sub.penalty_basis == "subcontractor_services"
    # "entendu à taux plein de 5 jours par semaine": 52 x 5 = 260 days as written; the text's
    # own year of 225 days (art. 7.1 "pour une durée de un an soit 225 jours") is the other
    # reading, and the default (Code civil art. 1190: the smaller penalty)
    assert sub.service_days_per_year == 260
    assert [r.name for r in sub.ambiguity.readings] == ["weeks_of_five_days",
                                                         "text_year_225_days"]
    assert sub.ambiguity.default == "text_year_225_days"
    assert sub.default_reading().service_days_per_year == 225
    assert v.non_solicitation[0].service_days_per_year is None
    assert not v.non_solicitation[0].ambiguous


def test_price_confidentiality_two_years(v):
    # art. 9: "pendant la durée du contrat et pendant la période de deux ans qui lui succède à ne
    # pas communiquer à un tiers les prix ou les conditions présentes"
    prices, client_info, clauses = v.confidentiality
    assert "prices" in prices.applies_to
    assert prices.after_end == d("2 years")
    # art. 8: "Ne pas les divulguer à un tiers [...] à un quelconque moment"
    assert client_info.indefinite is True
    assert client_info.after_end is None
    # art. 8: "Les clauses du contrat signé entre les parties sont réputées confidentielles"
    assert clauses.after_end is None
    assert clauses.indefinite is False


# --- deadlines and limits -------------------------------------------------------------------------


def deadline(v, article: str, topic: str):
    (found,) = [x for x in v.deadlines if x.source.article == article and x.topic == topic]
    return found


def test_acceptance_deadlines(v):
    # art. 14: "dans les 10 jours ouvrables de la réception des prestations"; "Le prestataire
    # dispose de 10 jours ouvrables pour accepter la demande du client"
    client, vendor = [x for x in v.deadlines if x.topic == "acceptance"]
    assert client.party == "client"
    assert client.duration == d("10 jours_ouvrables")
    assert vendor.party == "vendor"
    assert vendor.duration == d("10 jours_ouvrables")


def test_cure_period_one_month(v):
    # art. 11: "n'est pas réparée dans un délai de un mois à compter de la notification"
    cure = deadline(v, "11", "cure")
    assert cure.duration == d("1 months")
    assert cure.limit == "within"


def test_insolvency_notice_unanswered_one_month(v):
    # art. 5: "une mise en demeure adressée à l'administrateur judiciaire (ou liquidateur)
    # restée plus d'un mois sans réponse"
    insolvency = deadline(v, "5", "termination")
    assert insolvency.duration == d("1 months")
    assert insolvency.limit == "not_before"


def test_documents_returned_within_30_jours_ouvres(v):
    # art. 5: "au plus tard dans les trente (30) jours ouvrés qui suivent la résiliation"
    returned = deadline(v, "5", "data")
    assert returned.party == "vendor"
    assert returned.duration == d("30 jours_ouvres")


def test_recruitment_window_12_months(v):
    # art. 7: "dans un délai de douze (12) mois après que ce dernier lui soit Présenté"
    windows = [x for x in v.deadlines if x.source.article == "7"]
    assert len(windows) == 2
    assert all(x.duration == d("12 months") for x in windows)


def test_data_kept_current_and_three_previous_years(v):
    # art. 10: "au titre de l'exercice en cours et des trois années précédentes"
    (limit,) = v.limits
    assert limit.topic == "data"
    assert limit.quantity == "current financial year + 3 previous years"


# --- force majeure, jurisdiction, silent families -------------------------------------------------


def test_force_majeure(v):
    # art. 18: "au sens de l'article 1148 du Code civil"; "Dans les cinq (5) jours ouvrés
    # maximum"; "perdure au-delà d'un délai de quinze (15) jours ouvrés"
    fm = v.force_majeure
    assert fm.legal_basis == "code_civil_1148"
    assert fm.notify_within == d("5 jours_ouvres")
    assert fm.termination_after == d("15 jours_ouvres")
    assert fm.termination_after_is_example is False
    assert "1218" in fm.note


def test_disputes_to_courts_chosen_by_leappy(v):
    # art. 19: "régies par le droit français [...] de la compétence des tribunaux choisis par le
    # consultant Leappy"
    main = v.jurisdiction[0]
    assert main.law == "French law"
    assert main.court is None
    assert main.chosen_by == "vendor"


def test_index_disputes_to_montreuil(v):
    # art. 4: "l'indice retenu par le tribunal de commerce de Montreuil, ayant statué en référé"
    index = v.jurisdiction[1]
    assert index.court == "Tribunal de commerce de Montreuil"
    assert index.chosen_by == "fixed"
    assert "Bobigny" in index.note
    # no tribunal de commerce sits in Montreuil (Code de commerce D721-1, annexe 7-1): the
    # file records it as a fact, for the jurisdiction checks
    assert index.court_exists is False
    assert "annexe 7-1" in index.note
    assert v.jurisdiction[0].court_exists is None  # no court named, nothing to check


def test_silent_families(v):
    assert isinstance(v.sla, Silent)
    assert v.non_solicitation  # not silent: art. 17


def test_every_ambiguity_listed(v):
    assert [path for path, _ in v.ambiguities()] == ["late_payment", "price_revision[0]",
                                                     "non_solicitation[1]"]
