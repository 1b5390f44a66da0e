"""ioSmart (text 001): the values read from its terms of sale, checked one by one.

The text has no article numbers; its passages are located by heading-like names such as
"Paiement (unnumbered)".
"""

from decimal import Decimal

import pytest

import cgvlib.model.loader as loader
from cgvlib.model.base import Silent

LOCATORS = {
    "Devis et commande (unnumbered)",
    "Prix (unnumbered)",
    "Paiement (unnumbered)",
    "Retard de paiement (unnumbered)",
    "Livraison (unnumbered)",
    "Réclamations (unnumbered)",
    "Responsabilité (unnumbered)",
    "Force majeure (unnumbered)",
    "Données personnelles (unnumbered)",
    "Confidentialité (unnumbered)",
    "Droit applicable et litiges (unnumbered)",
}


@pytest.fixture(scope="module")
def v():
    return loader.vendor("iosmart")


def test_loads_with_verified_quotes(v):
    assert v.id == "iosmart"
    assert v.quotes_verified
    assert v.document.file == "001_b715ce42d9aed1c5.txt"
    assert v.document.sha256.startswith("a640d3b1")
    assert "undated" in v.document.version


def test_locators_are_the_agreed_headings(v):
    used = {source.article for _, source in v.citations()}
    assert used <= LOCATORS
    assert all(a.endswith("(unnumbered)") for a in used)


# --- quote, time-and-materials, deposit ------------------------------------------------------


def test_quote_valid_30_days(v):
    # "Le devis émis par la Société a une durée de validité limitée de 30 jours à compter de sa
    # date d'émission"
    (d,) = [d for d in v.deadlines if d.topic == "quote"]
    assert (d.duration.value, d.duration.unit) == (Decimal(30), "calendar_days")
    assert d.limit == "within"
    assert d.from_event == "the quote's date of issue"


def test_hourly_rate_88_by_started_half_hour(v):
    # "Le taux horaire standard est de 88,00 € HT/heure"; "Chaque demi-heure commencée est due"
    (fee,) = [f for f in v.fees if f.kind == "hourly"]
    assert fee.amount == Decimal("88.00")
    assert fee.increment_minutes == 30
    assert fee.excl_vat is True
    assert fee.optional is False


def test_urgent_surcharge_25_percent_optional(v):
    # "programmée à moins de 24 heures ouvrées ou réalisée en dehors des horaires habituels)
    # pourra faire l'objet d'une majoration de 25 %"
    (fee,) = [f for f in v.fees if f.kind == "surcharge"]
    assert fee.percent == Decimal("25")
    assert fee.optional is True
    assert "24 working hours" in fee.when
    assert "outside usual hours" in fee.when


def test_deposit_30_percent_is_an_example(v):
    # "d'exiger un acompte (par exemple 30 %)"
    (fee,) = [f for f in v.fees if f.kind == "deposit"]
    assert fee.percent == Decimal("30")
    assert fee.optional is True
    assert "par exemple" in fee.source.quote
    assert "example" in fee.note


def test_no_vat_rate_stated(v):
    # "la TVA applicable au taux en vigueur sera ajoutée sur la facture": no rate given
    assert [f for f in v.fees if f.kind == "vat"] == []


def test_cancellation_of_accepted_order_costs_work_done(v):
    # "des frais d'annulation ou un dédommagement correspondant aux frais engagés et/ou aux
    # prestations déjà réalisées"
    (charge,) = v.term.exit_charges
    assert charge.kind == "work_done"
    assert charge.payer == "client"
    assert "cancellation" in charge.applies_to


def test_term_per_order(v):
    t = v.term
    assert t.duration == "per_order"
    assert t.initial_terms == []
    assert t.notice == []


# --- payment -------------------------------------------------------------------------------------


def test_payment_30_days_net_from_invoice(v):
    # "les factures sont payables à 30 jours nets à compter de leur date d'émission"
    (term,) = v.payment_terms
    assert term.kind == "days_after_invoice"
    assert term.days == 30
    # the legal maximum recalled: "60 jours ... ou 45 jours fin de mois"
    assert "60 jours" in term.note
    assert "45 jours fin de mois" in term.note


def test_no_early_payment_discount(v):
    # "aucun escompte pour paiement comptant ou anticipé n'est consenti"
    (lim,) = [x for x in v.limits if "escompte" in x.source.quote]
    assert lim.topic == "payment"
    assert lim.quantity == "none (escompte 0 %)"


# --- late payment --------------------------------------------------------------------------------


def test_late_interest_higher_of_ecb_plus_10_and_three_legal(v):
    # "au taux le plus élevé entre : le taux de refinancement de la Banque Centrale Européenne
    # (BCE) majoré de 10 points et trois fois le taux d'intérêt légal en vigueur"
    rule = v.late_payment.rule
    assert rule.kind == "higher_of"
    ecb, legal = rule.rules
    assert (ecb.kind, ecb.points) == ("ecb_plus_points", Decimal("10"))
    assert (legal.kind, legal.multiple, legal.creditor) == (
        "legal_multiple",
        Decimal("3"),
        "professional",
    )


def test_late_interest_fixed_at_delay_start_prorata(v):
    # "Le taux retenu est apprécié à la date de départ du retard et s'applique au prorata
    # temporis"; "À compter du lendemain de l'échéance de la facture"
    lp = v.late_payment
    assert lp.rate_fixed_at == "delay_start"
    assert lp.day_count == "actual/365"
    assert (lp.delay_starts.after, lp.delay_starts.days) == ("due_date", 0)
    assert lp.fallback_start is None


def test_late_interest_no_formal_notice_and_acceleration(v):
    # "sans qu'aucune mise en demeure préalable ne soit nécessaire"; "rendra également exigible
    # l'intégralité des sommes restant dues (exigibilité anticipée)"
    lp = v.late_payment
    assert lp.formal_notice == "not_required"
    assert lp.whole_debt_due is True
    # "toute somme impayée": recorded as the invoice amount, the choice explained in the note
    assert lp.base == "invoice_total"
    assert "toute somme impayée" in lp.note


def test_late_rate_ecb_on_the_day_or_the_semester(v):
    # "Le taux retenu est apprécié à la date de départ du retard": the ECB rate in force that
    # day (the default: the clause names the day), or L441-10 II's semester rate
    lp = v.late_payment
    assert lp.ambiguous
    assert [r.name for r in lp.ambiguity.readings] == ["ecb_on_delay_start",
                                                       "ecb_semester_rate"]
    assert lp.ambiguity.default == "ecb_on_delay_start"
    on_the_day = lp.readings()["ecb_on_delay_start"].rule.rules[0]
    assert (on_the_day.kind, on_the_day.points, on_the_day.ecb_rate) == (
        "ecb_plus_points", Decimal("10"), "in_force")
    assert lp.readings()["ecb_semester_rate"].rule.rules[0].ecb_rate == "semester"


def test_recovery_indemnity_40(v):
    # "indemnité forfaitaire pour frais de recouvrement de 40 €, due dès le premier jour de retard"
    ri = v.recovery_indemnity
    assert ri.amount == Decimal("40")
    assert ri.per == "invoice"


def test_suspension_on_late_payment(v):
    # "se réserve le droit de suspendre immédiatement l'exécution des prestations ou commandes en
    # cours, après simple information au Client"
    (lim,) = [x for x in v.limits if "suspendre" in x.source.quote]
    assert lim.topic == "payment"
    assert lim.quantity.startswith("immediately")


def test_termination_15_days_after_reminder(v):
    # "dans un délai de 15 jours après relance, la Société pourra résilier la commande de plein
    # droit"
    (d,) = [d for d in v.deadlines if d.topic == "termination"]
    assert (d.duration.value, d.duration.unit) == (Decimal(15), "calendar_days")
    assert d.from_event == "a reminder (relance)"
    assert d.party == "client"


# --- claims, liability ---------------------------------------------------------------------------


def test_claims_within_10_jours_ouvres(v):
    # "dans un délai de 10 jours ouvrés suivant la livraison du bien ou l'exécution de la
    # prestation"
    (d,) = [d for d in v.deadlines if d.topic == "claims" and d.limit == "within"]
    assert (d.duration.value, d.duration.unit) == (Decimal(10), "jours_ouvres")
    assert d.source.article == "Réclamations (unnumbered)"


def test_carrier_reservations_3_jours_ouvrables_example(v):
    # "(par ex. ... confirmation au transporteur par lettre recommandée sous 3 jours ouvrables"
    (d,) = [d for d in v.deadlines if d.limit == "example"]
    assert (d.duration.value, d.duration.unit) == (Decimal(3), "jours_ouvrables")
    assert d.topic == "claims"


def test_liability_capped_at_order_amount_paid(v):
    # "au montant total hors taxes effectivement payé par le Client au titre de la commande
    # concernée ou de la période contractuelle"
    cap = v.liability[0]
    assert cap.basis == "order_amount_paid"
    assert cap.excl_vat is True
    assert "article 7.2" in cap.note  # reference to an article number the text does not have


def test_liability_ongoing_relations_trailing_12_months(v):
    # "plafonnée au montant cumulé des sommes facturées et encaissées au cours des douze (12)
    # derniers mois précédant la survenance du fait générateur"
    cap = v.liability[1]
    assert cap.basis == "trailing_12_months_invoiced_and_collected"
    assert "ongoing" in cap.applies_to
    assert cap.excl_vat is False


def test_liability_vat_ambiguity(v):
    cap = v.liability[1]
    assert cap.ambiguous
    assert cap.ambiguity.default == "vat_included"
    readings = cap.readings()
    assert set(readings) == {"vat_included", "excl_vat"}
    assert readings["vat_included"].excl_vat is False
    assert readings["excl_vat"].excl_vat is True
    assert readings["excl_vat"].basis == "trailing_12_months_invoiced_and_collected"
    assert cap.default_reading().excl_vat is False


def test_liability_window_ambiguity(v):
    # "au cours des douze (12) derniers mois précédant la survenance du fait générateur"
    period = v.liability[1].period
    assert (period.months, period.counted) == (12, "to_event_day")
    assert period.source.quote.startswith("au cours des douze (12) derniers mois")
    a = period.ambiguity
    assert [r.name for r in a.readings] == ["to_event_day", "before_event_day",
                                             "calendar_months"]
    assert a.default == "to_event_day"
    assert "no window is always the one less favourable" in " ".join(a.why_default.split())
    assert period.reading("calendar_months").counted == "calendar_months"
    assert v.liability[0].period is None  # the per-order cap has no window


def test_ambiguities_listed(v):
    assert [p for p, _ in v.ambiguities()] == [
        "late_payment", "liability[1]", "liability[1].period"]


# --- force majeure, confidentiality, data, jurisdiction ------------------------------------------


def test_force_majeure_60_days_is_an_example(v):
    # "au-delà d'une durée raisonnable (par exemple, soixante [60] jours consécutifs), chaque
    # partie pourra résilier"
    fm = v.force_majeure
    assert (fm.termination_after.value, fm.termination_after.unit) == (
        Decimal(60),
        "calendar_days",
    )
    assert fm.termination_after_is_example is True
    assert fm.legal_basis == "case_law"  # "habituellement reconnus par la jurisprudence"
    assert fm.notify_within is None
    assert fm.notify.startswith("promptement")


def test_confidentiality_2_years_after_end(v):
    # "se poursuivra pendant une période de deux (2) ans à compter de la fin des relations"
    (c,) = v.confidentiality
    assert (c.after_end.value, c.after_end.unit) == (Decimal(2), "years")
    assert c.indefinite is False


def test_personal_data_retention(v):
    # "généralement cinq ans à compter de la fin de la relation"
    (lim,) = [x for x in v.limits if x.topic == "data"]
    assert "five years" in lim.quantity


def test_jurisdiction_courts_of_registered_office(v):
    # "compétence expresse est attribuée aux tribunaux du ressort du siège social de la Société"
    (j,) = v.jurisdiction
    assert j.law == "French law"
    assert j.chosen_by == "fixed"
    assert "siège social" in j.court
    assert "Compiègne" in j.note
    assert "médiateur" in j.note  # optional mediation


def test_price_changes_for_new_orders_only(v):
    # "modifier ses tarifs à tout moment, sous réserve d'en informer le Client en amont de toute
    # nouvelle commande"
    (r,) = v.price_revision
    assert r.kind == "new_orders_only"
    assert r.cap_percent is None


# --- silent families ---------------------------------------------------------------------------


def test_silent_families(v):
    assert isinstance(v.sla, Silent)
    assert v.non_solicitation == []
    assert v.cancellation == []
