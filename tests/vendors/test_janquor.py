"""JANQUOR (text 000): the values read from its terms of sale, checked one by one."""

from decimal import Decimal

import pytest

import cgvlib.model.loader as loader
from cgvlib.model.ambiguity import LAST_SAFE_DAY_RULE
from cgvlib.model.base import Silent


@pytest.fixture(scope="module")
def v():
    return loader.vendor("janquor")


def test_loads_with_verified_quotes(v):
    assert v.id == "janquor"
    assert v.quotes_verified
    assert v.document.file == "000_830e2572b525cfcc.txt"
    assert v.document.sha256.startswith("2f62e64a")
    # "à compter du 31/07/2025 et jusqu'à leur mise à jour"
    assert "31/07/2025" in v.document.version


# --- art. 8: payment terms, schedule, contest ---------------------------------------------------


def test_payment_term_unstated(v):
    # art. 8: "facturées le 10 de chaque mois et payées à leur date d'échéance" (no term stated)
    (term,) = v.payment_terms
    assert term.kind == "unstated"
    assert term.days is None
    assert term.source.article == "8"
    assert "le 10 de chaque mois" in term.source.quote
    assert "L441-10" in term.note


def test_payment_schedule_at_most_5_months(v):
    # art. 8: "L'échéancier ne pourra excéder 5 mois"
    (d,) = [d for d in v.deadlines if d.topic == "payment"]
    assert d.limit == "at_most"
    assert (d.duration.value, d.duration.unit) == (Decimal(5), "months")
    assert d.source.article == "8"


def test_payment_schedule_settled_before_28_december(v):
    # art. 8: "la créance doit être soldée avant le 28/12 de l'année en cours."
    (lim,) = [x for x in v.limits if "28/12" in x.source.quote]
    assert lim.topic == "payment"
    assert lim.quantity == "before 28 December of the current year"


def test_invoice_contest_within_15_days(v):
    # art. 8: "Toute contestation d'une facture devra être faite dans les 15 jours à compter de
    # la réception de la facture"
    (d,) = [d for d in v.deadlines if d.topic == "contest"]
    assert (d.duration.value, d.duration.unit) == (Decimal(15), "calendar_days")
    assert d.limit == "within"
    assert d.party == "client"
    assert d.from_event == "receipt of the invoice"


# --- art. 11: late payment ---------------------------------------------------------------------


def test_late_penalty_ten_percent_per_month(v):
    # art. 11: "Les pénalités de retard sont égales à 10% du montant de la facture par mois de
    # retard."
    lp = v.late_payment
    assert lp.rule.kind == "percent_per_month"
    assert lp.rule.percent == Decimal("10")
    assert lp.rate_fixed_at is None  # a fixed percentage, no published rate
    assert lp.base == "invoice_total"  # "du montant de la facture"
    assert lp.source.article == "11"
    assert "1231-5" in lp.note  # a penalty a judge may moderate


def test_late_penalty_start_and_fallback(v):
    # art. 11: "le jour suivant la date de règlement portée sur la facture ou, à défaut, le 31ème
    # jour suivant la date d'exécution de la prestation demandée"
    lp = v.late_payment
    assert (lp.delay_starts.after, lp.delay_starts.days) == ("due_date", 0)
    assert (lp.fallback_start.after, lp.fallback_start.days) == ("performance", 30)


def test_late_penalty_no_reminder_and_whole_debt_due(v):
    # art. 11: "exigibles sans qu'aucun rappel ne soit nécessaire"; "l'exigibilité immédiate de la
    # totalité des sommes dues"; the art. 8 registered letter is recorded in the note
    lp = v.late_payment
    assert lp.formal_notice == "not_required"
    assert lp.whole_debt_due is True
    assert "lettre recommandée" in lp.note


def test_late_penalty_part_month_ambiguity(v):
    # art. 11: "par mois de retard" does not say how a started month counts
    lp = v.late_payment
    assert lp.ambiguous
    assert [r.name for r in lp.ambiguity.readings] == ["prorata", "prorata_30",
                                                       "prorata_months", "started"]
    assert lp.ambiguity.default == "prorata"
    readings = lp.readings()
    assert readings["prorata"].rule.months == "prorata"
    assert readings["prorata_30"].rule.months == "prorata_30"
    assert readings["prorata_months"].rule.months == "prorata_months"
    assert readings["started"].rule.months == "started"
    assert readings["started"].rule.percent == Decimal("10")
    assert lp.default_reading().rule.months == "prorata"


def test_recovery_indemnity_40_per_unpaid_sum(v):
    # art. 11: "toute somme, y compris l'acompte, non payée ... indemnité forfaitaire de 40 euros"
    ri = v.recovery_indemnity
    assert ri.amount == Decimal("40")
    assert ri.per == "unpaid_sum"
    assert "acompte" in ri.source.quote


# --- art. 12, 15: termination and suspension -----------------------------------------------------


def test_termination_15_days_after_formal_notice(v):
    # art. 12: "passé un délai de 15 jours à compter de la réception d'une mise en demeure"
    (d,) = [d for d in v.deadlines if d.topic == "termination"]
    assert d.source.article == "12"
    assert (d.duration.value, d.duration.unit) == (Decimal(15), "calendar_days")
    assert "mise en demeure" in d.from_event


def test_suspension_until_full_payment(v):
    # art. 15: "la société JANQUOR suspendra la mise à jour du dossier et les déclarations"
    (lim,) = [x for x in v.limits if x.source.article == "15"]
    assert lim.topic == "payment"
    assert "until full settlement" in lim.quantity


# --- art. 16: term, renewal, notice, exit --------------------------------------------------------


def test_initial_terms(v):
    # art. 16: "Une durée de 12 mois renouvelable par tacite reconduction pour la même durée";
    # "Une durée de 3 ou 6 mois, renouvelable à la demande expresse du client."
    t = v.term
    assert t.duration == "fixed"
    terms = [(i.months, i.renewal, i.renewal_months) for i in t.initial_terms]
    assert terms == [(12, "tacit", 12), (3, "on_request", None), (6, "on_request", None)]


def test_notice_two_months_before_term(v):
    # art. 16: "par l'envoi d'un courrier recommandé avec demande d'avis de réception deux (2)
    # mois avant le terme du contrat"; "toute demande de résiliation hors-délai sera nul"
    (n,) = v.term.notice
    assert n.rule.kind == "before_term"
    assert n.rule.months == 2
    assert n.rule.counted_from == "term_end"
    assert "recommandé" in n.rule.form
    assert n.rule.late_notice == "void_renewal_due"
    assert n.applies_to.startswith("12-month")


def test_notice_day_convention_ambiguity(v):
    # art. 16: "deux (2) mois avant le terme du contrat": term's last day or anniversary date
    n = v.term.notice[0]
    assert n.ambiguous
    # the last safe day: two months before the term's last day (the earlier day)
    assert n.ambiguity.default == "term_end"
    assert n.ambiguity.why_default.startswith(LAST_SAFE_DAY_RULE)
    readings = n.readings()
    assert set(readings) == {"term_end", "anniversary"}
    assert readings["term_end"].rule.counted_from == "term_end"
    assert readings["anniversary"].rule.counted_from == "anniversary"
    assert readings["anniversary"].rule.months == 2
    assert n.default_reading().rule.counted_from == "term_end"


def test_exit_charges(v):
    # art. 16: "Toute période reconduite sera due en intégralité."; "la totalité des sommes
    # restant dues jusqu'au terme du contrat seront exigibles immédiatement"
    kinds = [e.kind for e in v.term.exit_charges]
    assert kinds == ["renewed_period_in_full", "all_sums_to_term"]
    assert all(e.payer == "client" for e in v.term.exit_charges)
    assert "express request" in v.term.exit_charges[1].applies_to
    # service maintained to the term otherwise; judicial liquidation excepted
    assert "liquidation" in v.term.note


# --- art. 4, 7: price revision and fees ----------------------------------------------------------


def test_volume_step_revision_on_10_january(v):
    # art. 4: "révision le 10/01. Tout écart supérieur à 10% sur le volume de travail prévu ...
    # indexation du budget à la hausse ou à la baisse à un taux de 3%"
    (r,) = [r for r in v.price_revision if r.kind == "volume_step"]
    assert (r.months, r.day) == ([1], 10)
    assert r.threshold_percent == Decimal("10")
    assert r.step_percent == Decimal("3")
    assert r.index is None
    assert "day/month" in r.note


def test_tariffs_changed_for_new_orders_only(v):
    # art. 4: "s'accorde le droit de modifier ses tarifs à tout moment. Toutefois, elle s'engage
    # à facturer les prestations commandées au montant d'honoraires indiqués"
    (r,) = [r for r in v.price_revision if r.kind == "new_orders_only"]
    assert r.source.article == "4"


def test_vat_20_percent(v):
    # art. 4: "taux de TVA en vigueur (actuellement 20 %)"
    (vat,) = [f for f in v.fees if f.kind == "vat"]
    assert vat.percent == Decimal("20")


def test_management_fee_5_percent_of_fees(v):
    # art. 7: "Les frais de gestion du dossier sont arrêtés à 5% du montant total des
    # honoraires HT."
    (fee,) = [f for f in v.fees if f.kind == "percent_of_fees"]
    assert fee.percent == Decimal("5")
    assert "excluding VAT" in fee.base
    assert "débours juridiques" in fee.note


def test_travel_costs_on_receipts_only(v):
    # art. 7: "Aucun frais de déplacement ne sera facturé sans justificatif comptable."
    (lim,) = [x for x in v.limits if x.source.article == "7"]
    assert "receipt" in lim.quantity


def test_no_early_payment_discount(v):
    # art. 6: "Aucun escompte ne sera accordé, en cas de paiement anticipé."
    (lim,) = [x for x in v.limits if x.source.article == "6"]
    assert lim.quantity == "none (0 %)"


# --- art. 3, 18, 2, 22: procedure ----------------------------------------------------------------


def test_reservations_confirmed_within_5_days(v):
    # art. 3: "confirmées par écrit dans les 5 jours suivant la livraison, par courrier recommandé"
    (d,) = [d for d in v.deadlines if d.topic == "claims"]
    assert d.source.article == "3"
    assert (d.duration.value, d.duration.unit) == (Decimal(5), "calendar_days")
    assert d.from_event == "delivery"


def test_audit_on_3_calendar_days_notice(v):
    # art. 18: "trois (3) jours calendaires à l'avance"
    (d,) = [d for d in v.deadlines if d.topic == "audit"]
    assert d.limit == "not_before"
    assert (d.duration.value, d.duration.unit) == (Decimal(3), "calendar_days")


def test_changes_above_200_eur_need_an_amendment(v):
    # art. 2: "supérieur à 200 € devra faire l'objet d'un avenant"; art. 22: "supérieur à 200€
    # devra être mise par écrite dans un avenant"
    changes = [x for x in v.limits if x.topic == "changes"]
    assert [x.source.article for x in changes] == ["2", "22"]
    assert all(x.quantity == "above 200 EUR" for x in changes)


def test_liability_capped_at_amounts_paid(v):
    # art. 21: "la garantie serait limitée au montant payé par le client pour la fourniture des
    # services"
    (cap,) = v.liability
    assert cap.basis == "amounts_paid"
    assert cap.multiplier == Decimal(1)
    assert "direct damage only" in cap.applies_to
    assert cap.excl_vat is None  # the text does not say: two readings


def test_liability_vat_ambiguity(v):
    # "limitée au montant payé par le client": with or without VAT (art. 4 bills "hors taxes,
    # avec application du taux de TVA en vigueur (actuellement 20 %)")
    (cap,) = v.liability
    a = cap.ambiguity
    assert [r.name for r in a.readings] == ["vat_included", "excl_vat"]
    assert a.default == "vat_included"
    assert a.why_default.startswith("Code civil art. 1190")
    readings = cap.readings()
    assert readings["vat_included"].excl_vat is False
    assert readings["excl_vat"].excl_vat is True


def test_confidentiality_without_duration(v):
    # art. 20: no duration stated
    (c,) = v.confidentiality
    assert c.after_end is None
    assert c.indefinite is False


def test_force_majeure_article_1218(v):
    # art. 14: "au sens de l'article 1218 du Code civil"
    fm = v.force_majeure
    assert fm.legal_basis == "code_civil_1218"
    assert fm.notify_within is None
    assert fm.termination_after is None


def test_jurisdiction_meaux(v):
    # art. 23: "soumis au droit français"; "devant le Tribunal de commerce de Meaux"
    (j,) = v.jurisdiction
    assert j.law == "French law"
    assert j.court == "Tribunal de commerce de Meaux"
    assert j.chosen_by == "fixed"
    assert "75001 Paris" in j.note  # registered office elsewhere


# --- silent families ---------------------------------------------------------------------------


def test_silent_families(v):
    assert isinstance(v.sla, Silent)
    assert v.non_solicitation == []
    assert v.cancellation == []


def test_ambiguities_listed(v):
    # the notice ambiguity sits inside term.notice[0]
    assert [p for p, _ in v.ambiguities()] == ["late_payment", "term.notice[0]", "liability[0]"]
    assert [n.ambiguous for n in v.term.notice] == [True]
    assert v.liability[0].ambiguous  # VAT in or out of the cap
