"""The findings on the five vendors, each worked out by hand from the text, the statute and the
reference data, and asserted as literals: (check id, severity, semesters, field path).

Legal interest rate, professional creditors (data/rates/fr_legal_interest_rate.csv), in %:
2015-S1 0.93, 2015-S2 0.99, 2016-S1 1.01, 2016-S2 0.93, 2017 0.90 / 0.90, 2018 0.89 / 0.88,
2019 0.86 / 0.87, 2020 0.87 / 0.84, 2021 0.79 / 0.76, 2022 0.76 / 0.77, 2023 2.06 / 4.22,
2024 5.07 / 4.92, 2025 3.71 / 2.76, 2026-S1 2.62 (the last semester of the data). The floor of
L441-10 II is three times that. ECB rate on 1 January / 1 July: 0.05 in 2015, 0.00 from 2016-S2
to 2022-S2, 2.50 (2023-S1), 4.00 (2023-S2), 4.50 (2024-S1).
"""

from __future__ import annotations

import pytest

from cgvlib.analysis.checks import check, check_all, findings_summary
from cgvlib.model.loader import vendor

EXPECTED = {
    "janquor": [
        # art. 8 « payées à leur date d'échéance »: no term is ever fixed (L441-1 I)
        ("payment_term_missing", "breach", "", "payment_terms[0]"),
        # art. 11 10 % a month: on 10,000 EUR 60 days late 1,972.60 EUR pro rata (2,000 EUR by
        # started months) against 238.36 EUR at ECB + 10 points (14.50 % in 2024-S1): 8.3 x > 3
        ("late_penalty_manifestly_excessive", "risk", "", "late_payment.rule"),
        # the file's ambiguities: part months (art. 11), VAT in the cap (art. 21), « deux (2)
        # mois avant le terme »
        ("ambiguous_clause", "ambiguity", "", "late_payment"),
        ("ambiguous_clause", "ambiguity", "", "liability[0]"),
        ("ambiguous_clause", "ambiguity", "", "term.notice[0]"),
        # « par mois de retard »: 1 day late costs 1,000 EUR (started) or 32.88 EUR (prorata)
        ("late_penalty_part_month_unspecified", "ambiguity", "", "late_payment.rule.months"),
        # 2 months before the term: 31 October or 1 November for a period ending 31 December
        ("notice_term_day_unspecified", "ambiguity", "", "term.notice[0].rule.counted_from"),
        # « toute somme, y compris l'acompte, non payée [...] 40 euros »: per sum, not per invoice
        ("recovery_indemnity_per_unpaid_sum", "note", "", "recovery_indemnity.per"),
        # 2,012.60 EUR against a median of the others of 248.36 EUR: 8.1 x > 3
        ("late_cost_outlier", "note", "", "late_payment.rule"),
        # not reported: 10 % a month is 120 % a year, never below the floor; art. 14 cites
        # art. 1218 (the right article); Tribunal de commerce de Meaux exists
    ],
    "iosmart": [
        # « apprécié à la date de départ du retard »: the higher of ECB + 10 and 3 x legal, fixed
        # on the first day of delay. Never below the floor in its own semester (3 x legal is one
        # of the two), but a delay starting in 2023-S2 keeps 14.00 % (ECB 4.00 + 10) into
        # 2024-S1, whose floor is 3 x 5.07 = 15.21 %; every semester to 2023-S2 has a later,
        # higher floor than its rate (2015-2022: 10.00-10.05 % against 15.21 % in 2024-S1)
        ("late_rate_fixed_below_later_floor", "risk", "2015-S1..2023-S2",
         "late_payment.rate_fixed_at"),
        # « taux de refinancement de la BCE ... apprécié à la date de départ du retard »: the ECB
        # rate in force that day, or the semester's rate that L441-10 II names (both readings
        # are overtaken in the same semesters, so the finding above is one)
        ("ambiguous_clause", "ambiguity", "", "late_payment"),
        # VAT in or out of the 12-month cap; which days the « douze (12) derniers mois » cover
        ("ambiguous_clause", "ambiguity", "", "liability[1]"),
        ("ambiguous_clause", "ambiguity", "", "liability[1].period"),
        # (Assurance) « la limitation de responsabilité définie à l'article 7.2 ci-dessus »: the
        # text numbers no heading at all, so there is no article 7.2 (its only other article
        # references are to the Code civil, « l'article 2372 », « articles 1641 et suivants »,
        # and to the RGPD, « articles 44 et suivants »)
        ("reference_to_missing_article", "note", "", "document.file"),
    ],
    "teogest": [
        # 14.6 legal rate + 3 points: below 3 x legal when legal > 1.5 %, i.e. 2023-S1 (2.06:
        # 5.06 < 6.18) to 2026-S1 (2.62: 5.62 < 7.86); 2022-S2: 3.77 >= 2.31
        ("late_rate_below_floor", "breach", "2023-S1..2026-S1", "late_payment.rule"),
        # under the readings taking the rate at the invoice date or at the delay's start (not
        # the default, each semester's rate): legal + 3, lawful when fixed up to 2022-S2 (legal
        # <= 1.5 %), overtaken by a later floor (e.g. fixed 2022-S2 at 3.77 %, floor 6.18 % in
        # 2023-S1). From 2023-S1 it is already below when fixed (the breach above).
        ("late_rate_fixed_below_later_floor", "risk", "2015-S1..2022-S2",
         "late_payment.rate_fixed_at"),
        # 14.1.2, 14.2.2, 14.3.2, 14.3.3 « la hausse pourra être supérieure [...] ne pourra
        # excéder 9 % »: 1,000 EUR from 2016-01-01 to 2022-01-01: 1,093.17 by the index,
        # 1,677.10 at +9 % a year
        ("price_discretion_above_index", "risk", "",
         "price_revision[0], price_revision[1], price_revision[2], price_revision[3]"),
        # the file's fifteen ambiguities, one finding each
        ("ambiguous_clause", "ambiguity", "", "confidentiality[0]"),
        # annex 2 « heures ouvrées »: diagnosis, fix, restore
        ("ambiguous_clause", "ambiguity", "", "deadlines[10]"),
        ("ambiguous_clause", "ambiguity", "", "deadlines[11]"),
        ("ambiguous_clause", "ambiguity", "", "deadlines[13]"),
        ("ambiguous_clause", "ambiguity", "", "deadlines[8]"),
        ("ambiguous_clause", "ambiguity", "", "late_payment"),
        ("ambiguous_clause", "ambiguity", "", "liability[0]"),
        ("ambiguous_clause", "ambiguity", "", "payment_terms[2]"),
        ("ambiguous_clause", "ambiguity", "", "price_revision[0]"),
        ("ambiguous_clause", "ambiguity", "", "price_revision[1]"),
        ("ambiguous_clause", "ambiguity", "", "price_revision[2]"),
        ("ambiguous_clause", "ambiguity", "", "price_revision[3]"),
        ("ambiguous_clause", "ambiguity", "", "sla"),
        # art. 20 « moins d'un an » / « plus d'un an »: the file's ambiguity on a request made
        # exactly on the first anniversary (readings one_year_notice_due / one_year_no_notice)
        ("ambiguous_clause", "ambiguity", "", "term.notice[0]"),
        ("ambiguous_clause", "ambiguity", "", "term.notice[1]"),
        # 14.5 « payables à réception » and « peuvent être prélevées 14 jours après leur
        # émission »: due on receipt or 14 days after issue
        ("payment_term_stated_two_ways", "ambiguity", "", "payment_terms[2]"),
        # annex 2 A.6 tiers « entre 0 % et 0,2 % », « entre 0,21 et 0,5 % », « entre 0,51 % et
        # 1 % », « entre 1,01 % et 1,5 % »: gaps (0.2, 0.21), (0.5, 0.51), (1, 1.01)
        ("sla_tier_gap", "ambiguity", "", "sla.tiers[0], sla.tiers[1]"),
        ("sla_tier_gap", "ambiguity", "", "sla.tiers[1], sla.tiers[2]"),
        ("sla_tier_gap", "ambiguity", "", "sla.tiers[2], sla.tiers[3]"),
        # art. 20, the same silence quantified: subscribed 2023-11-20, a request on 2024-11-20
        # (exactly one year) ends the contract on 2025-01-31 as « plus d'un an » (1 + 1 = 2
        # months from 2024-12-01) or on 2024-11-30 as « moins d'un an » (no notice)
        ("notice_tenure_boundary_unstated", "ambiguity", "", "term.notice[0].rule.at_threshold"),
        # not reported: every article the text refers to (7, 8, 14, 18) has a heading; the
        # training schedule (annex 4 D) covers every whole day of notice (< 8, 8-15, 16 days-1
        # month, more than a month); « supérieur à 1,5 % » closes the SLA
    ],
    "leappy": [
        # art. 4 « deux (2) fois le taux d'intérêt légal »: below 3 x legal in every semester
        ("late_rate_below_floor", "breach", "2015-S1..2026-S1", "late_payment.rule"),
        # the text never mentions the 40 EUR indemnity (L441-10 II, D441-5)
        ("recovery_indemnity_missing", "breach", "", "recovery_indemnity"),
        # art. 19 « tribunaux choisis par le consultant Leappy »
        ("court_chosen_by_one_party", "risk", "", "jurisdiction[0].chosen_by"),
        # art. 4 « tribunal de commerce de Montreuil »: none sits there (court_exists: false)
        ("court_does_not_exist", "risk", "", "jurisdiction[1].court"),
        ("ambiguous_clause", "ambiguity", "", "late_payment"),
        # art. 17 « douze (12) mois - entendu à taux plein de 5 jours par semaine »: 260 or 225
        ("ambiguous_clause", "ambiguity", "", "non_solicitation[1]"),
        ("ambiguous_clause", "ambiguity", "", "price_revision[0]"),
        # art. 4 « après mise en demeure » and « sans qu'aucun rappel ou mise en demeure
        # préalable ne soient nécessaires »
        ("formal_notice_contradiction", "ambiguity", "", "late_payment.formal_notice"),
        # « 4,22 % pour l'année 2023 »: 2.06 % in 2023-S1, 4.22 % in 2023-S2
        ("stated_rate_wrong", "note", "2023-S1", "late_payment.stated_rates[0]"),
        # art. 18 « au sens de l'article 1148 du Code civil »
        ("force_majeure_outdated_reference", "note", "", "force_majeure.legal_basis"),
        # not reported: the rate fixed at invoicing is already below the floor when fixed, so
        # the later-floor risk adds nothing to the breach; art. 17 « voir article 7 » and
        # « l'article 7.1 des présentes » refer to articles the text has
    ],
    "gout": [
        # art. 6 names « L'indemnité forfaitaire pour frais de recouvrement » without amount
        ("recovery_indemnity_amount_missing", "breach", "", "recovery_indemnity.amount"),
        # art. 6 three times the legal rate « en vigueur au jour de la facturation »: exactly
        # the floor when fixed, but an invoice of 2022-07-01 (2.31 %) unpaid in 2023-S1 runs
        # below 6.18 %; every semester to 2023-S2 has a later, higher legal rate
        ("late_rate_fixed_below_later_floor", "risk", "2015-S1..2023-S2",
         "late_payment.rate_fixed_at"),
        # 7 F « seront dues par le Prestataire les sommes qui correspondent aux prestations
        # réalisées »
        ("obligation_on_wrong_party", "risk", "", "term.exit_charges[2].payer"),
        ("ambiguous_clause", "ambiguity", "", "fees[3]"),
        # art. 10 « la moitié de la somme totale effectivement payée »: VAT in or out
        ("ambiguous_clause", "ambiguity", "", "liability[0]"),
        ("ambiguous_clause", "ambiguity", "", "payment_terms[1]"),
        ("ambiguous_clause", "ambiguity", "", "term.exit_charges[0]"),
        ("ambiguous_clause", "ambiguity", "", "term.notice[0]"),
        # 5AB1 « payables à réception, dans les dix (10) jours suivants la date de facture »
        ("payment_term_stated_two_ways", "ambiguity", "", "payment_terms[1]"),
        # 5AB2 « quatre-vingt-dix (90) jours » against « au-delà de 12 semaines » (84 days)
        ("duration_units_disagree", "ambiguity", "", "fees[3].after"),
        # 7 C « au moins un mois avant l'échéance »
        ("notice_term_day_unspecified", "ambiguity", "", "term.notice[0].rule.counted_from"),
        # art. 8 « au sens de l'article 1148 du Code civil »
        ("force_majeure_outdated_reference", "note", "", "force_majeure.legal_basis"),
        # art. 12 « Tribunal judiciaire de Dijon »
        ("court_competence_depends_on_status", "note", "", "jurisdiction[0].court"),
        # two headings « 5AB2– » (Acomptes financiers; Surfacturation en cas de dépassement)
        ("duplicate_article_number", "note", "", "fees[1], fees[2], fees[3], deadlines[4]"),
        # not reported: 3 x legal is the floor itself, not below it; the cancellation schedule
        # of 7 A covers every notice under every combination of travelled / estimable
    ],
}


@pytest.fixture(scope="module")
def findings(texts_present_module):
    return check_all()


@pytest.fixture(scope="module")
def texts_present_module():
    from cgvlib import paths

    if not paths.texts_dir().is_dir():
        pytest.skip("the vendors' texts are needed to read GOUT's headings")


@pytest.mark.parametrize("vendor_id", list(EXPECTED))
def test_findings_on_each_vendor(findings, vendor_id):
    name = vendor(vendor_id).name
    got = [(r.id, r.severity, r.periods, r.path)
           for r in findings[findings["vendor"] == name].itertuples()]
    assert got == EXPECTED[vendor_id]


def test_one_vendor_alone_gives_the_same_findings(findings):
    leappy = vendor("leappy")
    alone = check(leappy)
    assert alone.equals(findings[findings["vendor"] == leappy.name].reset_index(drop=True))


def test_figures_in_the_explanations(findings):
    def text(vendor_id, check_id):
        rows = findings[(findings["vendor"] == vendor(vendor_id).name)
                        & (findings["id"] == check_id)]
        return rows["explanation"].iloc[0]

    assert "1.86 % against a floor of 3 x 0.93 = 2.79 %" in text("leappy",
                                                                 "late_rate_below_floor")
    assert "an invoice dated 2022-07-01 bears 3 x legal rate 0.77 % (2022-S2) = 2.31 %" in text(
        "gout", "late_rate_fixed_below_later_floor")
    assert "floor of 3 x 2.06 = 6.18 %" in text("gout", "late_rate_fixed_below_later_floor")
    assert "a delay that started on 2023-07-01" in text("iosmart",
                                                        "late_rate_fixed_below_later_floor")
    assert "2.06 % for 2023-S1; 4.22 % for 2023-S2" in text("leappy", "stated_rate_wrong")
    assert "1,093.17 EUR by the index" in text("teogest", "price_discretion_above_index")
    assert "1,677.10 EUR" in text("teogest", "price_discretion_above_index")
    assert "e.g. 0.205 %" in text("teogest", "sla_tier_gap")
    assert "1,972.60 EUR (8.3 times) under prorata (the default)" in text(
        "janquor", "late_penalty_manifestly_excessive")
    assert "refers to article 7.2" in text("iosmart", "reference_to_missing_article")
    assert "the text numbers no heading at all" in text("iosmart", "reference_to_missing_article")
    assert "on 2025-01-31 under one_year_notice_due" in text("teogest",
                                                            "notice_tenure_boundary_unstated")
    assert "on 2024-11-30 under one_year_no_notice" in text("teogest",
                                                           "notice_tenure_boundary_unstated")


def test_summary_counts(findings):
    summary = findings_summary(findings)
    assert list(summary.columns) == ["breach", "risk", "ambiguity", "note", "total"]
    counts = {vendor(v).name: len(rows) for v, rows in EXPECTED.items()}
    assert summary["total"].to_dict() == counts
    assert summary.loc["Teogest", "breach"] == 1
    assert summary.loc["ioSmart", "breach"] == 0


def test_at_a_date_of_2023_s1(texts_present_module):
    # at 2023-03-01 (legal rate 2.06 %, floor 6.18 %): Leappy 4.12 % and Teogest 5.06 % are
    # below; Leappy's stated 4.22 % is wrong that day; GOUT's rates fixed in 2015-S1..2022-S2
    # (3 x 0.76 .. 3 x 1.01 %) are overtaken; ioSmart's (10 % or more) are not
    frame = check_all(at="2023-03-01")
    below = frame[frame["id"] == "late_rate_below_floor"]
    assert dict(zip(below["vendor"], below["periods"], strict=True)) == {
        "Leappy SAS": "2023-S1", "Teogest": "2023-S1"}
    later = frame[frame["id"] == "late_rate_fixed_below_later_floor"]
    assert dict(zip(later["vendor"], later["periods"], strict=True)) == {
        "Michaël GOUT": "2015-S1..2022-S2", "Teogest": "2015-S1..2022-S2"}
    assert frame[frame["id"] == "stated_rate_wrong"]["vendor"].tolist() == ["Leappy SAS"]
