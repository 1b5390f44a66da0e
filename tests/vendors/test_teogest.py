"""Teogest (002_e3b3096ff3294ba6.txt, CGV "Mises à jour le 19 mars 2024"): the values read from
the text, asserted as literals with the article and the words they come from."""

import datetime as dt
from decimal import Decimal

import pytest

import cgvlib.model.loader as loader
from cgvlib.model.ambiguity import LAST_SAFE_DAY_RULE
from cgvlib.model.base import Duration, Silent


@pytest.fixture(scope="module")
def v():
    return loader.vendor("teogest")


def d(text: str) -> Duration:
    return Duration.parse(text)


def by_applies_to(items, words: str):
    found = [x for x in items if words in x.applies_to]
    assert len(found) == 1, f"expected one clause applying to {words!r}, got {len(found)}"
    return found[0]


def deadline(v, what: str):
    found = [x for x in v.deadlines if what in x.what]
    assert len(found) == 1, f"expected one deadline about {what!r}, got {len(found)}"
    return found[0]


def limit(v, what: str):
    found = [x for x in v.limits if what in x.what]
    assert len(found) == 1, f"expected one limit about {what!r}, got {len(found)}"
    return found[0]


def fee(v, name: str):
    found = [x for x in v.fees if name in x.name]
    assert len(found) == 1, f"expected one fee named {name!r}, got {len(found)}"
    return found[0]


# --- the file itself ------------------------------------------------------------------------


def test_document_and_quotes(v):
    assert v.id == "teogest"
    assert v.document.file == "002_e3b3096ff3294ba6.txt"
    assert v.document.version == "Mises à jour le 19 mars 2024"
    assert v.document.sha256 == "019a2cc0ac750ac1e7acbe6e502e7850bfc0a0347707dbce32ff2af64d11d492"
    assert v.quotes_verified


def test_no_family_is_silent(v):
    # every clause family of the checklist is addressed by the text
    for name in ("late_payment", "recovery_indemnity", "sla", "term", "force_majeure"):
        assert not isinstance(getattr(v, name), Silent), name
    for name in ("price_revision", "fees", "cancellation", "liability", "non_solicitation"):
        assert getattr(v, name), name


def test_ambiguities_listed(v):
    assert {p for p, _ in v.ambiguities()} == {
        "payment_terms[2]",
        "late_payment",
        "sla",
        "term.notice[0]",
        "term.notice[1]",
        "price_revision[0]",
        "price_revision[1]",
        "price_revision[2]",
        "price_revision[3]",
        "liability[0]",
        "confidentiality[0]",
        "deadlines[8]",
        "deadlines[10]",  # « heures ouvrées »: diagnosis, fix and restore
        "deadlines[11]",
        "deadlines[13]",
    }
    # art. 20's first anniversary, and the art. 20 / 14.3 conflict, sit on the notice rules
    assert [n.ambiguous for n in v.term.notice] == [True, True]


# --- art. 14.5 payment -----------------------------------------------------------------------


def test_invoices_payable_on_receipt(v):
    # 14.5: "Sauf spécifications contraires, les factures émises par l'Editeur sont payables à
    # réception."
    t = by_applies_to(v.payment_terms, "all invoices")
    assert t.kind == "on_receipt"
    assert t.days is None


def test_subscription_debit_on_the_20th(v):
    # 14.5: "prélevé le 20 de chaque mois au plus tôt ou le jour ouvré le plus proche avant cette
    # date si le 20 ne correspond pas à un jour ouvré"
    t = by_applies_to(v.payment_terms, "subscription invoices")
    assert t.kind == "on_receipt"
    assert t.debit_day == 20
    assert t.debit_roll == "previous_jour_ouvre"


def test_complementary_invoices_debited_after_14_days(v):
    # 14.5: "Les factures de prestations complémentaires peuvent être prélevées 14 jours après
    # leur émission."
    t = by_applies_to(v.payment_terms, "complementary services")
    assert t.kind == "on_receipt"
    a = t.ambiguity
    assert [r.name for r in a.readings] == ["on_receipt", "debit_date_is_due"]
    assert a.default == "debit_date_is_due"
    readings = t.readings()
    assert readings["on_receipt"].kind == "on_receipt"
    assert readings["debit_date_is_due"].kind == "days_after_invoice"
    assert readings["debit_date_is_due"].days == 14
    assert t.default_reading().days == 14


def test_paid_in_advance(v):
    # 14.1: "Pour contracter avec l'Editeur, le Client doit régler sa première commande."
    assert by_applies_to(v.payment_terms, "first order").kind == "in_advance"
    # Annexe 4 A: "72 h avant le début de la formation : … le règlement de la totalité du devis"
    assert by_applies_to(v.payment_terms, "training quotes").kind == "in_advance"
    # 14.1.1: "Jusqu'au 31/03/2024 ... avec un règlement immédiat pour toute la période"
    assert by_applies_to(v.payment_terms, "until 31/03/2024").kind == "in_advance"


def test_non_sepa_management_fee(v):
    # 14.5: "en dehors de la zone Sepa, l'Editeur aura la possibilité de facturer, chaque mois,
    # des frais de gestion se montant à 35 € H.T."
    f = fee(v, "SEPA")
    assert f.kind == "fixed"
    assert f.amount == Decimal("35")
    assert f.per == "month"
    assert f.optional
    assert f.excl_vat


# --- art. 14.6 late payment ------------------------------------------------------------------


def test_late_payment_rate_legal_plus_three_points(v):
    # 14.6: "un intérêt de retard égal au taux d'intérêt légal, majoré de trois points sans mise
    # en demeure préalable"
    lp = v.late_payment
    assert lp.rule.kind == "legal_plus_points"
    assert lp.rule.points == Decimal("3")
    assert lp.rule.creditor == "professional"
    assert lp.formal_notice == "not_required"
    assert lp.whole_debt_due is False
    assert lp.base == "unstated"


def test_late_payment_as_written(v):
    # 14.6: "à compter du premier jour de retard" (invoices payable on receipt); rate date unstated
    lp = v.late_payment
    assert lp.delay_starts.after == "due_date"
    assert lp.delay_starts.days == 0
    assert lp.rate_fixed_at == "semester"


def test_late_payment_readings(v):
    # 14.6: "le défaut de paiement ... dans un délai de trente (30 jours) après son émission" then
    # "à compter du premier jour de retard": day after the due date, or day 31 after issue;
    # "taux d'intérêt légal" without a date: semester, delay start or invoice date.
    lp = v.late_payment
    names = [r.name for r in lp.ambiguity.readings]
    assert names == [
        "after_due_date_semester",
        "after_due_date_delay_start",
        "after_due_date_invoice_date",
        "day_31_semester",
        "day_31_delay_start",
        "day_31_invoice_date",
    ]
    assert lp.ambiguity.default == "day_31_semester"
    readings = lp.readings()
    for name in names:
        start = readings[name].delay_starts
        if name.startswith("day_31"):
            assert (start.after, start.days) == ("invoice_date", 30), name
        else:
            assert (start.after, start.days) == ("due_date", 0), name
    assert readings["after_due_date_semester"].rate_fixed_at == "semester"
    assert readings["after_due_date_delay_start"].rate_fixed_at == "delay_start"
    assert readings["after_due_date_invoice_date"].rate_fixed_at == "invoice_date"
    assert readings["day_31_semester"].rate_fixed_at == "semester"
    assert readings["day_31_delay_start"].rate_fixed_at == "delay_start"
    assert readings["day_31_invoice_date"].rate_fixed_at == "invoice_date"
    default = lp.default_reading()
    assert (default.delay_starts.after, default.delay_starts.days) == ("invoice_date", 30)
    assert default.rate_fixed_at == "semester"


def test_recovery_indemnity(v):
    # 14.6: "la facturation d'une indemnité forfaitaire de 40 € H.T.,"
    ri = v.recovery_indemnity
    assert ri.amount == Decimal("40")
    assert ri.per == "invoice"
    assert "H.T." in ri.note


def test_suspension_and_termination_for_non_payment(v):
    # 14.6: "quinze (15) jours après l'envoi de trois e-mails demeurés infructueux ou quinze (15)
    # jours après l'envoi d'un courrier de relance adressé en recommandé"
    t = deadline(v, "terminate for non-payment")
    assert t.topic == "termination"
    assert t.party == "vendor"
    assert t.limit == "not_before"
    assert t.duration == d("15 calendar_days")
    # 14.6: default = unpaid "dans un délai de trente (30 jours) après son émission"
    p = deadline(v, "before default")
    assert p.duration == d("30 calendar_days")
    assert p.limit == "within"
    assert "suspension" in p.what


# --- annexe 2 SLA ----------------------------------------------------------------------------


def test_sla_availability(v):
    # Annexe 2 A.1: "L'Editeur garantit un taux de disponibilité de 99,8 %"; "7 jours sur 7 et 24
    # heures sur 24 (y compris dimanches et jours fériés), hors périodes de maintenance"
    s = v.sla
    assert s.availability_percent == Decimal("99.8")
    assert s.window == "month"
    assert "24/7" in s.hours
    assert "Sundays" in s.hours
    assert "maintenance" in s.hours


def test_sla_stated_downtime_in_seconds(v):
    # Annexe 2 A.1: "2 mn 52.8 s par jour, 20 mn 9.6 s par semaine, 1 h 27mn 39.5 s par mois et
    # 17 h 31mn 53.9 s par an"
    sd = v.sla.stated_downtime
    assert sd.day == Decimal("172.8")
    assert sd.week == Decimal("1209.6")
    assert sd.month == Decimal("5259.5")
    assert sd.year == Decimal("63113.9")
    # each is 0.2 % of its period (a mean Gregorian month and year for the last two)
    assert sd.day == Decimal("86400") * Decimal("0.002")
    assert sd.week == Decimal("604800") * Decimal("0.002")
    year_seconds = Decimal("365.2425") * 86400
    assert round(year_seconds * Decimal("0.002"), 1) == sd.year
    assert round(year_seconds / 12 * Decimal("0.002"), 1) == sd.month


def test_sla_formula_and_exclusions(v):
    # Annexe 2 A.6: "Taux d'indisponibilité = Temps d'indisponibilité / Temps total théorique * 100"
    s = v.sla
    assert "Temps d’indisponibilité / Temps total théorique * 100" in s.formula
    # "Il ne comprend pas les temps de maintenance programmés ni les temps d'indisponibilité dus
    # à une cause de force majeure."
    assert any("programmed maintenance" in x for x in s.excluded_from_downtime)
    assert any("force majeure" in x for x in s.excluded_from_downtime)
    # "déduction faite des temps de maintenance corrective et évolutive programmés"
    assert s.excluded_from_total_time == [
        "programmed corrective maintenance",
        "programmed evolutive maintenance",
    ]


def test_sla_tiers(v):
    # Annexe 2 A.6: 0 % "entre 0 % et 0,2 %", 3 % "entre 0,21 et 0,5 %", 8 % "entre 0,51 % et
    # 1 %", 13 % "entre 1,01 % et 1,5 %", 20 % "supérieur à 1,5 %"
    tiers = [(t.from_percent, t.above_percent, t.to_percent, t.credit_percent) for t in v.sla.tiers]
    assert tiers == [
        (Decimal("0"), None, Decimal("0.2"), Decimal("0")),
        (Decimal("0.21"), None, Decimal("0.5"), Decimal("3")),
        (Decimal("0.51"), None, Decimal("1"), Decimal("8")),
        (Decimal("1.01"), None, Decimal("1.5"), Decimal("13")),
        (None, Decimal("1.5"), None, Decimal("20")),
    ]
    assert len({t.source.quote for t in v.sla.tiers}) == 5  # each tier cited by its sentence


def test_sla_gaps_and_between_tiers(v):
    # the tiers leave (0.2, 0.21), (0.5, 0.51) and (1, 1.01) uncovered
    s = v.sla
    assert s.gaps() == [
        (Decimal("0.2"), Decimal("0.21")),
        (Decimal("0.5"), Decimal("0.51")),
        (Decimal("1"), Decimal("1.01")),
    ]
    assert s.between_tiers == "lower_tier"
    assert [r.name for r in s.ambiguity.readings] == ["lower_tier", "upper_tier"]
    assert s.ambiguity.default == "upper_tier"
    assert s.readings()["lower_tier"].between_tiers == "lower_tier"
    assert s.readings()["upper_tier"].between_tiers == "upper_tier"
    assert s.default_reading().between_tiers == "upper_tier"
    for gap in ("(0.2, 0.21)", "(0.5, 0.51)", "(1, 1.01)"):
        assert gap in s.note


def test_sla_cap_claim_and_credit_note(v):
    # Annexe 2 A.6: "plafonné à 20 % du montant de la facture du Client pour ce mois"
    s = v.sla
    assert s.cap.percent == Decimal("20")
    # "dans les trente jours suivant le dernier jour du mois de référence"
    assert s.claim_within == d("30 calendar_days")
    assert s.claim_from == "the last day of the reference month"
    # "sera versée sous forme d'avoir"
    assert s.paid_as == "credit_note"


def test_bug_diagnosis_and_fix(v):
    # Annexe 2 A.3.a: "rechercher et contrôler les causes du dysfonctionnement dans un délai de
    # 48 heures ouvrées"
    diag = deadline(v, "causes of a reported software bug")
    assert diag.duration == d("48 working_hours")
    assert diag.limit == "within"
    assert diag.party == "vendor"
    # "s'engage à faire tout son possible pour que la défaillance logicielle soit corrigée dans
    # un délai de 72 heures ouvrées"
    fix = deadline(v, "fix a software bug")
    assert fix.duration == d("72 working_hours")
    assert "best-effort" in fix.note


def test_heures_ouvrees_two_readings(v):
    # « heures ouvrées », and art. 9 « ouvert du lundi au jeudi de 9h30 à 12 h et de 13 h 30 à
    # 18 h et le vendredi de 9h30 à 12 h et de 13 h 30 à 17 h »
    for what in ("causes of a reported software bug", "fix a software bug",
                 "restore a vendor backup"):
        x = deadline(v, what)
        assert x.hours_counted == "opening_hours"
        hours = x.opening_hours
        assert hours.monday == hours.thursday == ["09:30-12:00", "13:30-18:00"]
        assert hours.friday == ["09:30-12:00", "13:30-17:00"]
        assert hours.saturday == hours.sunday == []
        assert hours.source.article == "9"
        assert [r.name for r in x.ambiguity.readings] == ["jours_ouvres_24h", "support_hours"]
        # the deadline binds the vendor: the earlier one (24 hours to a jour ouvré) by default
        assert x.ambiguity.default == "jours_ouvres_24h"
        assert "earlier deadline" in " ".join(x.ambiguity.why_default.split())
        assert x.default_reading().hours_counted == "jours_ouvres_24h"


def test_restores(v):
    # Annexe 2 A.3.b: "restaurables dans un délai de 20 minutes à 2 heures"
    assert deadline(v, "after a server crash").duration == d("2 hours")
    # Annexe 2 D: "sera effectuée dans un délai de 48 heures ouvrées"
    r = deadline(v, "restore a vendor backup")
    assert r.duration == d("48 working_hours")
    assert r.from_event == "the client's request"


def test_maintenance_notice(v):
    # Annexe 2 A.2: "au moins 15 jours avant l'intervention"
    m = deadline(v, "programmed (non force majeure) maintenance")
    assert m.limit == "not_before"
    assert m.duration == d("15 calendar_days")
    # "au plus un samedi par mois"
    assert "one Saturday per month" in limit(v, "evolutive maintenance").quantity


def test_backup_retention(v):
    # Annexe 2 D: "Ces sauvegardes sont conservées 5 jours." / "conservées une semaine" /
    # "conservée un mois ... un an ... dix ans"
    assert limit(v, "host's full server snapshots").quantity == "5 days"
    assert limit(v, "daily backups").quantity == "1 week"
    assert limit(v, "weekly, monthly and yearly").quantity == (
        "weekly kept 1 month; monthly kept 1 year; yearly kept 10 years"
    )


# --- duration, notice, exit (art. 4, 14, 20) ------------------------------------------------


def test_contract_indefinite(v):
    # 4: "Sa durée n'est pas limitée dans le temps"
    assert v.term.duration == "indefinite"


def test_commitments(v):
    # 14.3: "un mois, c'est la durée minimale ou un an ou deux ans ou encore trois ans" and "Tous
    # les abonnements sont reconduits par tacite reconduction."
    terms = [(t.months, t.renewal, t.renewal_months) for t in v.term.initial_terms]
    assert terms == [
        (1, "tacit", 1),
        (12, "tacit", 12),
        (24, "tacit", 24),
        (36, "tacit", 36),
        # 14.1.1: users-based "d'un an, de deux ans ou de trois ans", renewal not stated
        (12, "unstated", None),
        (24, "unstated", None),
        (36, "unstated", None),
        # 14.2: Easyteo "d'un an ou de plusieurs années"
        (None, "unstated", None),
    ]


def test_tenure_based_notice(v):
    # 20: "si le client est abonné depuis moins d'un an, il n'y aura pas de préavis"; "un préavis
    # minimum d'un mois plus un mois par année complète d'abonnement"; "le préavis démarre le
    # lendemain du mois durant lequel la demande de résiliation a été formulée"
    n = by_applies_to(v.term.notice, "termination by the client")
    r = n.rule
    assert r.kind == "tenure_based"
    assert r.no_notice_under_months == 12
    assert r.base_months == 1
    assert r.months_per_full_year == 1
    assert r.starts == "day_after_month_of_request"
    # "Si la date de fin du préavis est postérieure à la date de fin de l'engagement du client
    # ..., l'abonnement se poursuivra jusqu'à la date de fin du préavis."
    assert r.extends_commitment is True
    assert "registered letter" in r.form
    # "moins d'un an" / "plus d'un an": exactly one year is in neither branch; both readings
    # are kept, notice due by default (the later end, the last safe day the day before)
    assert "exactly on the first anniversary" in n.note
    assert r.at_threshold == "notice"
    a = n.ambiguity
    assert [x.name for x in a.readings] == ["one_year_notice_due", "one_year_no_notice"]
    assert a.default == "one_year_notice_due"
    assert a.why_default.startswith(LAST_SAFE_DAY_RULE)
    assert n.readings()["one_year_no_notice"].rule.at_threshold == "no_notice"


def test_non_renewal_until_eve_conflicts_with_art20(v):
    # 14.3: "L'Abonné a cependant la possibilité de ne pas reconduire un contrat ... jusqu'à la
    # veille de la date de renouvellement"
    n = by_applies_to(v.term.notice, "non-renewal")
    assert n.rule.kind == "until_eve_of_renewal"
    a = n.ambiguity
    assert [r.name for r in a.readings] == ["eve_of_renewal", "art20_notice"]
    # the last safe day: the art. 20 request, never later than the eve of renewal
    assert a.default == "art20_notice"
    assert a.why_default.startswith(LAST_SAFE_DAY_RULE)
    assert n.readings()["eve_of_renewal"].rule.kind == "until_eve_of_renewal"
    art20 = n.readings()["art20_notice"].rule
    assert art20.kind == "tenure_based"
    assert (art20.no_notice_under_months, art20.base_months, art20.months_per_full_year) == (
        12,
        1,
        1,
    )
    assert n.default_reading().rule.kind == "tenure_based"


def test_exit_charges(v):
    # 20: "Tout mois commencé étant dû"
    kinds = [(e.kind, e.discount_percent) for e in v.term.exit_charges]
    assert ("started_months", None) in kinds
    # 20: "la plus importante de toute la durée de son abonnement minorée de 20%"
    hi = by_applies_to(v.term.exit_charges, "notice period")
    assert hi.kind == "highest_of_three"
    assert hi.discount_percent == Decimal("20")
    assert hi.payer == "client"


def test_monthly_only_for_six_months(v):
    # 14.3: "A compter du 1er avril 2024, l'abonnement mensuel ne sera possible que pour les six
    # premiers mois d'abonnement."
    m = deadline(v, "monthly dossier-based subscription")
    assert m.limit == "at_most"
    assert m.duration == d("6 months")
    # "une période complémentaire de 6 mois à compter du 1er avril 2024 ... au plus tard le 30
    # septembre 2024"
    old = deadline(v, "subscribed before 1 April 2024")
    assert old.duration == d("6 months")
    assert old.from_event == "1 April 2024"


# --- price revision (14.1.2, 14.2.2, 14.3.2, 14.3.3) --------------------------------------------


def test_price_revisions(v):
    # "Ces prix sont révisés au 1er janvier de chaque année en fonction de l'indice Syntec. Si cet
    # indice entraîne une hausse des tarifs inférieure à 9 %, la hausse pourra être supérieure à
    # celle fondée sur l'indice Syntec mais ne pourra excéder 9 %."
    yearly = v.price_revision[:4]
    assert [p.source.article for p in yearly] == ["14.1.2", "14.2.2", "14.3.2", "14.3.3"]
    for p in yearly:
        assert p.kind == "index_with_margin"
        assert p.index == "syntec"
        assert p.months == [1]
        assert p.day == 1
        assert p.cap_percent == Decimal("9")
        assert p.above_index_allowed is True
        assert p.new_index == "unstated"
        assert p.base_index == "unstated"


def test_price_revision_covers_commitments_and_minimum(v):
    # 14.3.2: "également sur les prix ... correspondant à des engagements annuels, bisannuels ou
    # trisannuels pour les périodes restant à courir"
    assert any("remaining periods" in a for a in v.price_revision[2].applies_to)
    # 14.3.3: "Au 1er janvier 2024 ce montant a été fixé à 130 € H.T. et est révisé au premier
    # janvier de chaque année en fonction de l'indice Syntec"
    assert "minimum monthly billing" in v.price_revision[3].applies_to[0]


def test_price_revision_above_nine_percent(v):
    # the 9 % ceiling is stated only for an index rise "inférieure à 9 %"
    for p in v.price_revision[:4]:
        a = p.ambiguity
        assert [r.name for r in a.readings] == ["capped_at_9", "index_in_full"]
        assert a.default == "capped_at_9"
        capped = p.readings()["capped_at_9"]
        assert capped.kind == "index_with_margin"
        assert capped.cap_percent == Decimal("9")
        assert capped.index_capped is True
        # an index rise of 9 % or more applies in full; below 9 % the margin up to 9 % remains
        full = p.readings()["index_in_full"]
        assert full.kind == "index_with_margin"
        assert full.cap_percent == Decimal("9")
        assert full.above_index_allowed is True
        assert full.index_capped is False
        assert p.default_reading().index_capped is True


def test_annex_rates_revised_at_the_date_of_service(v):
    # Annexe 2 D: "au tarif horaire de 130 € H.T (tarif au 30/10/2023 qui sera révisé selon
    # l'indice Syntec en vigueur à la date de délivrance des prestations) avec un minimum de
    # facturation de 70 € H.T. par dossier annuel restauré (tarif au 31/10/2023 qui sera révisé
    # ...)"; Annexe 3: "au tarif horaire de 200 € H.T (tarif au 30/10/2023 qui sera révisé ...)"
    since = v.price_revision[4:]
    assert [(p.source.article, p.as_of) for p in since] == [
        ("Annexe 2 D.2", dt.date(2023, 10, 30)),
        ("Annexe 2 D.2", dt.date(2023, 10, 31)),
        ("Annexe 3", dt.date(2023, 10, 30)),
    ]
    assert ["130 EUR" in since[0].applies_to[0], "70 EUR" in since[1].applies_to[0],
            "200 EUR" in since[2].applies_to[0]] == [True, True, True]
    for p in since:
        assert p.kind == "index_since"
        assert p.index == "syntec"
        assert p.months == []
        assert p.new_index == "last_published_at_service"
        assert p.base_index == "last_published_at_as_of"
        assert not p.ambiguous
        assert "en vigueur à la date de délivrance des prestations" in p.source.quote


def test_minimum_monthly_billing(v):
    # 14.3.3: "Au 1er janvier 2024 ce montant a été fixé à 130 € H.T."
    f = fee(v, "minimum monthly billing")
    assert f.kind == "minimum_billing"
    assert f.amount == Decimal("130")
    assert f.per == "month"
    assert f.as_of == dt.date(2024, 1, 1)


# --- fees ------------------------------------------------------------------------------------


def test_identifier_reset(v):
    # 5.3: "laquelle pourra alors être facturée 35 € H.T."
    f = fee(v, "identifier reset")
    assert (f.kind, f.amount, f.optional) == ("fixed", Decimal("35"), True)


def test_restore_fee(v):
    # Annexe 2 D: "au tarif horaire de 130 € H.T (tarif au 30/10/2023 ...) avec un minimum de
    # facturation de 70 € H.T. par dossier annuel restauré (tarif au 31/10/2023 ...)"
    f = fee(v, "restore of a vendor backup")
    assert f.kind == "hourly"
    assert f.amount == Decimal("130")
    assert f.minimum == Decimal("70")
    assert "yearly file" in f.per
    assert f.as_of == dt.date(2023, 10, 30)
    assert "31/10/2023" in f.note
    assert "Syntec" in f.note


def test_reversibility_assistance_fee(v):
    # Annexe 3: "facturées au tarif horaire de 200 € H.T (tarif au 30/10/2023 qui sera révisé selon
    # l'indice Syntec en vigueur à la date de délivrance des prestations)"
    f = fee(v, "reversibility assistance")
    assert f.kind == "hourly"
    assert f.amount == Decimal("200")
    assert f.as_of == dt.date(2023, 10, 30)


def test_support_callbacks(v):
    # 9: "limité à 5 (cinq) par jour ouvré et les appels non effectués ne sont pas reportables"
    lim = limit(v, "call-back")
    assert lim.quantity == "5 per jour ouvré"
    assert lim.topic == "support"


# --- art. 13 sub-processors and audit ------------------------------------------------------------


def test_sub_processor_objection(v):
    # 13.2: "Le Client disposera alors d'un délai de 10 (dix) jours pour formuler ses éventuelles
    # objections."
    o = deadline(v, "sub-processor")
    assert o.duration == d("10 calendar_days")
    assert o.party == "client"
    assert o.limit == "within"


def test_audit(v):
    # 13.8: "l'audit ne pourra débuter dans un délai inférieur à 30 (trente) jours après la demande"
    a = deadline(v, "start of an audit")
    assert (a.limit, a.duration) == ("not_before", d("30 calendar_days"))
    # "la présence de l'auditeur dans les locaux de l'Editeur ne devra pas excéder une semaine"
    onsite = deadline(v, "auditor's presence")
    assert (onsite.limit, onsite.duration) == ("at_most", d("1 weeks"))
    # "au plus une fois par an"
    assert limit(v, "audits").quantity == "1 per year"


# --- art. 18 liability, 23 non-solicitation, 24 confidentiality -----------------------------------


def test_liability_formula(v):
    # 18.2: "strictement limité au remboursement du montant des sommes effectivement payées ... par
    # poste Utilisateur, par jour d'interruption sur la moyenne de consommation des 6 (six)
    # derniers mois"
    c = v.liability[0]
    assert c.basis == "per_user_per_day_6_month_average"
    assert c.multiplier == Decimal("1")
    a = c.ambiguity
    assert [r.name for r in a.readings] == ["per_affected_user_per_day", "daily_average_all_users"]
    assert a.default == "daily_average_all_users"
    assert "users affected" in c.readings()["per_affected_user_per_day"].window
    assert "all users" in c.readings()["daily_average_all_users"].window
    # 18.1: "dommages directs et prévisibles"
    assert "direct and foreseeable" in c.note


def test_non_solicitation(v):
    # 23: "pendant les 12 (douze) mois qui suivront sa cessation"; "6 (six) fois la rémunération
    # brute mensuelle du salarié au moment de son départ"
    n = v.non_solicitation[0]
    assert n.applies_to == "employees"
    assert n.parties == "both"
    assert n.duration == d("12 months")
    assert n.penalty_months == 6
    assert n.penalty_basis == "monthly_gross_salary"


def test_confidentiality(v):
    # 24: "et, en toute hypothèse, pendant une période de 3 (trois) ans après le terme du Contrat"
    c = v.confidentiality[0]
    assert c.after_end == d("3 years")
    assert c.indefinite is False
    a = c.ambiguity
    assert [r.name for r in a.readings] == ["three_years", "while_confidential"]
    assert a.default == "while_confidential"
    assert c.readings()["three_years"].after_end == d("3 years")
    assert c.readings()["while_confidential"].after_end is None
    assert c.readings()["while_confidential"].indefinite is True


# --- annexe 3 reversibility, art. 21 ------------------------------------------------------------


def test_reversibility(v):
    # Annexe 3: "dans un délai de 3 mois après la fin de son abonnement ou de sa dernière connexion"
    r = deadline(v, "reversibility request")
    assert r.duration == d("3 months")
    assert r.party == "client"
    assert [x.name for x in r.ambiguity.readings] == ["later_of_two", "earlier_of_two"]
    assert r.ambiguity.default == "later_of_two"
    assert r.readings()["later_of_two"].from_event.startswith("the later of")
    assert r.readings()["earlier_of_two"].from_event.startswith("the earlier of")
    # "restituer gratuitement et dans un délai maximum de 21 jours"
    back = deadline(v, "return of all the data")
    assert back.duration == d("21 calendar_days")
    assert back.party == "vendor"


def test_art21_slowdown_and_backup(v):
    # 21: "dans les quinze jours suivant la première prise de contact du Client par L'Editeur"
    assert deadline(v, "slowdowns").duration == d("15 calendar_days")
    # 21: "pendant un délai de trois mois après la résiliation"
    assert deadline(v, "keeps a backup").duration == d("3 months")


def test_termination_for_breach(v):
    # 20: "trente (30) jours après l'envoi d'une lettre de mise en demeure adressée en recommandé"
    t = deadline(v, "terminate for breach")
    assert (t.party, t.limit, t.duration) == ("either", "not_before", d("30 calendar_days"))


def test_address_change(v):
    # 25: "ne sera opposable à l'autre Partie que huit jours calendaires après"
    assert deadline(v, "change of registered office").duration == d("8 calendar_days")


# --- annexe 4 training ---------------------------------------------------------------------------


def test_training_cancellation_schedule(v):
    # Annexe 4 D: "100 % si ... moins de 8 jours", "50 % si ... entre 8 et 15 jours", "20 % si ...
    # entre 16 jours et un mois", "aucun si l'annulation intervient avant un mois avant le début"
    sched = v.cancellation[0]
    tiers = [(t.less_than, t.at_least, t.at_most, t.more_than, t.fee_percent) for t in sched.tiers]
    assert tiers == [
        (d("8 calendar_days"), None, None, None, Decimal("100")),
        (None, d("8 calendar_days"), d("15 calendar_days"), None, Decimal("50")),
        (None, d("16 calendar_days"), d("1 months"), None, Decimal("20")),
        (None, None, None, d("1 months"), Decimal("0")),
    ]
    assert sched.tiers[-1].source.quote.startswith("aucun si l’annulation")


def test_training_documents_72_hours_before(v):
    # Annexe 4 A: "Le Client devra avoir fourni à l'Editeur les éléments suivants 72 h avant le
    # début de la formation"
    t = deadline(v, "the training starts")
    assert (t.limit, t.duration) == ("not_before", d("72 hours"))


# --- art. 18.3 force majeure, art. 25 jurisdiction -----------------------------------------------


def test_force_majeure(v):
    # 18.3: "événement de force majeure présentant les caractéristiques définies par la
    # jurisprudence"; "devra sans délai informer l'autre partie"
    fm = v.force_majeure
    assert fm.legal_basis == "case_law"
    assert fm.notify == "sans délai"
    assert fm.notify_within is None
    assert fm.termination_after is None


def test_jurisdiction(v):
    # 25: "le Tribunal de commerce de Paris sera seul compétent"; "soumis au droit français"
    j = by_applies_to(v.jurisdiction, "professionals")
    assert j.court == "Tribunal de commerce de Paris"
    assert j.law == "French law"
    assert j.chosen_by == "fixed"
    other = by_applies_to(v.jurisdiction, "other disputes")
    assert other.court is None
    assert other.law == "French law"
