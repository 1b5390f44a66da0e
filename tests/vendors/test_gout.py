"""Michaël GOUT (004): the values read from his CGV, asserted one by one with their words."""

from decimal import Decimal

import pytest

import cgvlib.model.loader as loader
from cgvlib.model.ambiguity import LAST_SAFE_DAY_RULE
from cgvlib.model.base import Duration, Silent


def d(text: str) -> Duration:
    return Duration.parse(text)


@pytest.fixture(scope="module")
def v():
    return loader.vendor("gout")


def test_document(v):
    assert v.quotes_verified
    assert v.document.file == "004_0e4cbae37958531b.txt"
    assert "2 janvier 2022" in v.document.version


# --- payment -------------------------------------------------------------------------------


def test_coaching_invoices_30_days(v):
    # 5 A: "les factures sont éditées à la fin de la prestation [...] et sont réglables sous
    # trente (30) jours"
    term = v.payment_terms[0]
    assert term.source.article == "5 A"
    assert term.kind == "days_after_invoice"
    assert term.days == 30


def test_website_invoices_ambiguity(v):
    # 5AB1: "les factures sont payables à réception, dans les dix (10) jours suivants la date de
    # facture"
    term = v.payment_terms[1]
    assert term.source.article == "5AB1"
    assert term.kind == "days_after_invoice"
    assert term.days == 10
    readings = term.readings()
    assert set(readings) == {"ten_days", "on_receipt"}
    assert readings["ten_days"].days == 10
    assert readings["on_receipt"].kind == "on_receipt"
    assert readings["on_receipt"].days is None
    assert term.ambiguity.default == "ten_days"
    assert term.default_reading().days == 10


def test_one_off_security_invoices_30_days(v):
    # 5 C: "une facture sera éditée suite à la prestation et sera réglable sous trente (30) jours"
    term = v.payment_terms[2]
    assert term.source.article == "5 C"
    assert term.kind == "days_after_invoice"
    assert term.days == 30


def test_recurring_security_paid_in_advance(v):
    # 5 D: "une facture sera éditée au semestre ou à l'année calendaire [...] Les prestations
    # récurrentes sont réglées à l'avance."
    term = v.payment_terms[3]
    assert term.kind == "in_advance"
    assert "semester" in term.applies_to
    assert "calendar year" in term.applies_to


def test_late_payment_three_times_legal_rate(v):
    # art. 6: "un taux équivalent à trois (3) fois le taux d'intérêt légal (en vigueur au jour de
    # la facturation des prestations)"
    lp = v.late_payment
    assert lp.rule.kind == "legal_multiple"
    assert lp.rule.multiple == Decimal("3")
    assert lp.rule.creditor == "professional"
    assert lp.rate_fixed_at == "invoice_date"
    # "calculée sur le montant hors taxes de la somme restant due"
    assert lp.base == "amount_excl_vat"
    # "court à compter du jour suivant la date de règlement portée sur la facture"
    assert lp.delay_starts.after == "due_date"
    assert lp.delay_starts.days == 0
    # "Le taux applicable est calculé au prorata."
    assert lp.day_count == "actual/365"
    # "sans qu'aucun rappel ou mise en demeure préalable ne soient nécessaires"
    assert lp.formal_notice == "not_required"
    # "L'exigibilité immédiate de toute somme restante due"
    assert lp.whole_debt_due is True
    assert not lp.ambiguous
    assert lp.stated_rates == []


def test_recovery_indemnity_without_amount(v):
    # art. 6: "L'indemnité forfaitaire pour frais de recouvrement est due au créancier en cas de
    # retard de paiement" (no amount)
    ri = v.recovery_indemnity
    assert ri.amount is None
    assert ri.per == "invoice"
    assert "L441-1" in ri.note
    assert "40 EUR" in ri.note


# --- fees ----------------------------------------------------------------------------------------


def test_vat_20_percent(v):
    # 4 A: "Le montant applicable de TVA en France sur les prestations de services est de 20%."
    vat = v.fees[0]
    assert vat.kind == "vat"
    assert vat.percent == Decimal("20")


def test_website_deposit_50_percent(v):
    # 5AB2 (first): "Celui-ci correspond à 50% du montant du devis"
    deposit = v.fees[1]
    assert deposit.kind == "deposit"
    assert deposit.percent == Decimal("50")
    assert deposit.optional is False
    assert deposit.source.article == "5AB2 (first heading of that number)"


def test_second_deposit_after_two_weeks_slip(v):
    # 5AB2 (first): "En cas de dépassement de planning de plus de deux semaines, et dans le cas où
    # le site internet ne serait pas déjà inauguré, un second acompte de 50% serait demandé"
    second = v.fees[2]
    assert second.kind == "deposit"
    assert second.percent == Decimal("50")
    assert second.after == d("2 weeks")
    assert "not yet launched" in second.when


def test_monthly_surcharge_after_90_days(v):
    # 5AB2 (second): "une période supérieure à quatre-vingt-dix (90) jours, une facture
    # supplémentaire de 5% du devis initial sera établie chaque mois"
    surcharge = v.fees[3]
    assert surcharge.kind == "recurring_surcharge"
    assert surcharge.percent == Decimal("5")
    assert surcharge.per == "month"
    assert "initial quote" in surcharge.base
    assert surcharge.after == d("90 calendar_days")
    assert surcharge.source.article == "5AB2 (second heading of that number)"
    # the duplicated article number is recorded
    assert "Duplicated article number" in surcharge.note


def test_monthly_surcharge_start_ambiguity(v):
    # 5AB2 (second): "notifié de cette possibilité de surfacturation au-delà de 12 semaines"
    surcharge = v.fees[3]
    readings = surcharge.readings()
    assert set(readings) == {"ninety_days", "twelve_weeks"}
    assert readings["ninety_days"].after == d("90 calendar_days")
    assert readings["twelve_weeks"].after == d("12 weeks")
    assert surcharge.ambiguity.default == "ninety_days"


def test_security_deposit_above_500_optional(v):
    # 5 C: "en cas de devis supérieur à cinq cent euros (500) euros, un acompte de 50% peut être
    # demandé"
    deposit = v.fees[4]
    assert deposit.kind == "deposit"
    assert deposit.percent == Decimal("50")
    assert deposit.optional is True
    assert "500 EUR" in deposit.when
    (limit,) = v.limits
    assert limit.quantity == "500 EUR"
    assert limit.source.article == "5 C"


def test_hourly_adjustment_at_vendors_discretion(v):
    # 4BA: "le tarif proposé peut être ajusté au temps effectif passé avec le Client, à la libre
    # appréciation du Prestataire"
    (rev,) = v.price_revision
    assert rev.kind == "new_orders_only"
    assert rev.source.article == "4BA"
    assert rev.index is None
    assert "Closest kind only" in rev.note


# --- cancellation ---------------------------------------------------------------------------------


def test_appointment_cancellation_tiers(v):
    (schedule,) = v.cancellation
    free, half, flat, travelled = schedule.tiers
    # 7 A: "estsans frais dès lors qu'elle est annoncée au moins 48 heures à l'"
    assert free.at_least == d("48 hours")
    assert free.fee_percent == Decimal("0")
    assert "cut off" in free.note
    # "50% du montant hors taxe estimé [...] moins de 48h avant le rendez-vous, et avant
    # déplacement du Prestataire"
    assert half.less_than == d("48 hours")
    assert half.fee_percent == Decimal("50")
    assert half.when == {"travelled": False, "estimable": True}
    # "deux cent (200) euros hors taxe [...] si la prestation ne peut être estimée"
    assert flat.less_than == d("48 hours")
    assert flat.fee_amount == Decimal("200")
    assert flat.when == {"travelled": False, "estimable": False}
    # "facturation intégrale du rendez-vous, si le Prestataire se déplace [...] (avec un minimum
    # de deux cent euros)"
    assert travelled.fee_percent == Decimal("100")
    assert travelled.minimum == Decimal("200")
    assert travelled.when == {"travelled": True}
    assert travelled.at_least is None and travelled.less_than is None


# --- term -----------------------------------------------------------------------------------------


def test_maintenance_renews_tacitly(v):
    # 7 C: "Le renouvellement d'une prestation d'entretien / maintenance de site internet se fait
    # par tacite reconduction"
    assert v.term.duration == "per_order"
    (initial,) = v.term.initial_terms
    assert initial.renewal == "tacit"
    assert initial.months is None


def test_maintenance_notice_one_month_before_term(v):
    # 7 C: "par lettre recommandée avec accusé de réception au moins un mois avant l'échéance de
    # cette prestation"
    (notice,) = v.term.notice
    assert notice.rule.kind == "before_term"
    assert notice.rule.months == 1
    assert notice.rule.form == "lettre recommandée avec accusé de réception"
    assert notice.rule.counted_from == "term_end"
    readings = notice.readings()
    assert set(readings) == {"term_end", "anniversary"}
    assert readings["term_end"].rule.counted_from == "term_end"
    assert readings["anniversary"].rule.counted_from == "anniversary"
    assert readings["anniversary"].rule.months == 1
    # the last safe day: one month before the period's last day (the earlier day)
    assert notice.ambiguity.default == "term_end"
    assert notice.ambiguity.why_default.startswith(LAST_SAFE_DAY_RULE)


def test_started_months_due_refund_within_two_months(v):
    # 7 C: "Tous mois commencé est dû. Les autres pourront faire l'objet d'un remboursement par
    # chèque sous deux (2) mois."
    started = v.term.exit_charges[0]
    assert started.kind == "started_months"
    assert started.refund_within == d("2 months")
    readings = started.readings()
    assert set(readings) == {"refund_owed", "refund_discretionary"}
    assert readings["refund_owed"].refund_within == d("2 months")
    assert readings["refund_discretionary"].kind == "all_sums_to_term"
    assert readings["refund_discretionary"].refund_within is None
    assert started.ambiguity.default == "refund_owed"


def test_withdrawal_during_project_billed_at_time_spent(v):
    # 7 B: "un complément pourra être facturé au client, prenant en compte le temps passé et non
    # encore payé"
    withdrawal = v.term.exit_charges[1]
    assert withdrawal.kind == "work_done"
    assert withdrawal.payer == "client"
    assert withdrawal.source.article == "7 B"


def test_termination_by_client_wrong_party(v):
    # 7 F: "seront dues par le Prestataire les sommes qui correspondent aux prestations
    # réalisées" (the wrong party: the client owes them)
    wrong = v.term.exit_charges[2]
    assert wrong.kind == "work_done"
    assert wrong.payer == "vendor"
    assert "wrong party" in wrong.note


def test_domain_and_hosting_year_due(v):
    # art. 11: "le Client devra s'acquitter de toutes les sommes restantes dues au titre de cet
    # enregistrement et ce même si la prestation associée est résiliée"
    yearly = v.term.exit_charges[3]
    assert yearly.kind == "all_sums_to_term"
    assert yearly.source.article == "11"


# --- liability, confidentiality -----------------------------------------------------------------


def test_liability_half_of_sums_paid(v):
    # art. 10: "limitée à la moitié de la somme totale effectivement payée par le Client pour le
    # service fourni [...] à la date de la réclamation par lettre recommandée"
    (cap,) = v.liability
    assert cap.basis == "amounts_paid"
    assert cap.multiplier == Decimal("0.5")
    assert cap.excl_vat is None
    assert "date of the claim" in cap.window
    # with or without VAT (4 A: "TVA [...] de 20%"): both readings, VAT included by default
    assert [r.name for r in cap.ambiguity.readings] == ["vat_included", "excl_vat"]
    assert cap.ambiguity.default == "vat_included"
    assert cap.ambiguity.why_default.startswith("Code civil art. 1190")
    assert cap.default_reading().excl_vat is False
    assert cap.reading("excl_vat").excl_vat is True


def test_confidentiality_without_duration(v):
    # art. 9: "Respecter la plus stricte confidentialité concernant les informations fournies
    # par le Client"; "Les clauses du contrat ou du devis signé [...] sont réputées
    # confidentielles"
    assert len(v.confidentiality) == 2
    for clause in v.confidentiality:
        assert clause.after_end is None
        assert clause.indefinite is False


# --- deadlines ------------------------------------------------------------------------------------


def deadline(v, article: str):
    (found,) = [x for x in v.deadlines if x.source.article == article]
    return found


def test_termination_for_breach_10_jours_ouvres(v):
    # 7 D: "Le contrat prendra fin, à cet effet, dix (10) jours ouvrés après l'envoi [...] d'une
    # lettre recommandée"
    cure = deadline(v, "7 D")
    assert cure.topic == "cure"
    assert cure.party == "either"
    assert cure.duration == d("10 jours_ouvres")


def test_incomplete_file_two_weeks(v):
    # 3BD: "En cas de devis signé mais de dossier incomplet depuis plus de deux semaines"
    cancel = deadline(v, "3BD")
    assert cancel.party == "vendor"
    assert cancel.limit == "not_before"
    assert cancel.duration == d("2 weeks")


def test_website_follow_up_deadlines(v):
    meeting, overrun = [x for x in v.deadlines if x.source.article == "4BB"]
    # 4BB: "sans report de réunion à une date située maximum à trois (3) jours d'intervalle"
    assert meeting.limit == "at_most"
    assert meeting.duration == d("3 calendar_days")
    # 4BB: "En cas de dépassement supérieur à deux (2) semaines du planning précédemment estimé"
    assert overrun.duration == d("2 weeks")
    assert overrun.limit == "not_before"


def test_surcharge_notice_at_week_eight(v):
    # 5AB2 (second): "Lors de la huitième semaine (56 jours environ), le Client est notifié"
    notice = deadline(v, "5AB2 (second heading of that number)")
    assert notice.topic == "notice"
    assert notice.party == "vendor"
    assert notice.duration == d("8 weeks")


# --- force majeure, jurisdiction, silent families ------------------------------------------------


def test_force_majeure(v):
    # art. 8: "au sens de l'article 1148 du Code civil"; "perdure au-delà d'un délai de quinze
    # (15) jours ouvrés à compter de la date de réception de la notification"
    fm = v.force_majeure
    assert fm.legal_basis == "code_civil_1148"
    assert fm.notify_within is None
    assert fm.termination_after == d("15 jours_ouvres")
    assert "1218" in fm.note


def test_jurisdiction_dijon_no_governing_law(v):
    # art. 12: "sera de la compétence du Tribunal judiciaire de Dijon"
    (court,) = v.jurisdiction
    assert court.court == "Tribunal judiciaire de Dijon"
    assert court.chosen_by == "fixed"
    assert court.law is None


def test_silent_families(v):
    # no SLA, no non-solicitation clause in the text
    assert isinstance(v.sla, Silent)
    assert v.non_solicitation == []


def test_every_ambiguity(v):
    # Vendor.ambiguities() lists nested clauses too: two sit inside `term`
    assert [path for path, _ in v.ambiguities()] == [
        "payment_terms[1]", "term.notice[0]", "term.exit_charges[0]", "fees[3]", "liability[0]",
    ]
    assert v.term.notice[0].ambiguous
    assert v.term.exit_charges[0].ambiguous
