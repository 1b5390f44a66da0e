"""The summary card, first in every report (no kernel): per vendor, what the late payment owes
(the lawful figure, the clause's beside it), the last safe day for the termination letter and
what is at stake, the findings by severity, each linking to its section. The figures are
worked out by hand from the vendor files and the rates in data/rates.

The scenario is the report template's default one (notebooks/report.ipynb, the one `make demo`
runs): an invoice of 10,000 EUR due 2024-03-01, paid 2024-04-15 (45 days late, all in
2024-S1: legal rate for professionals 5.07 %, so the L441-10 II floor 3 x 5.07 = 15.21 %);
a contract started 2024-01-31, a termination letter sent 2024-12-05, 1,000 EUR a month.
"""

from __future__ import annotations

import ast
import datetime as dt
import re

import papermill
import pytest

from cgvlib.analysis.checks import check
from cgvlib.dates import format_date
from cgvlib.money import format_eur
from cgvlib.report.batch import TEMPLATE
from cgvlib.report.sections import prepare
from cgvlib.views.summary import ANCHORS, summary_card

VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout"]
SCENARIO = dict(invoice_amount=10000, due="2024-03-01", paid="2024-04-15",
                unavailability_percent=0.5, monthly_amount=1000, contract_start="2024-01-31",
                notice_date="2024-12-05")


def fr_day(year: int, month: int, day: int) -> str:
    return format_date(dt.date(year, month, day), "fr")


@pytest.fixture(scope="module")
def together():
    """The report over the five vendors, GOUT's maintenance given 12 months (its quote sets
    the length), in French."""
    return prepare(vendors=VENDORS, commitment_months={"gout": 12}, **SCENARIO)


@pytest.fixture(scope="module")
def rows(together):
    return {row.vendor: row for row in together.summary_card().rows}


def test_teogest_owes_the_floor_with_the_clause_beside_it(rows):
    teogest = rows["teogest"]
    # Teogest art. 14.6, default reading: the delay counts from day 31 after the invoice
    # (2024-03-01 + 31 = 2024-04-01), 15 days to 2024-04-15. As written, legal + 3 points =
    # 8.07 %: 1,000,000 c x 807 x 15 / 3,650,000 = 3,316.44 c -> 33.16 + 40 = 73.16 EUR. The
    # floor 15.21 % applies instead: 1,000,000 x 1521 x 15 / 3,650,000 = 6,250.68 c -> 62.51
    # + 40 = 102.51 EUR.
    assert teogest.owed == format_eur(10251, "fr")
    assert teogest.owed_detail == (f"{format_eur(7316, 'fr')} selon la clause, sous le "
                                   "plancher légal")


def test_teogest_last_safe_day_and_what_is_at_stake(rows):
    teogest = rows["teogest"]
    # Art. 20, no commitment: under a year of subscription there is no notice. Started
    # 2024-01-31, the year is reached on 2025-01-31; « moins d'un an » read strictly, the last
    # day to ask without notice is the day before, 2025-01-30 (the last safe day); the other
    # reading (no notice on the anniversary itself) allows 2025-01-31. A letter of that day
    # under the default reading has 12 full months: notice 1 + 1 = 2 months (February, March
    # 2025), billed at the highest of the last invoice (1,000), the largest less 20 % (800)
    # and the expected use (1,000): 1,000; with January, the month in progress: 3 x 1,000 =
    # 3,000 EUR, against January alone (1,000) under the other reading: 2,000 EUR at stake.
    # The letter of 2024-12-05 is in time and ends the contract at the end of its month.
    assert teogest.deadline == fr_day(2025, 1, 30)
    assert teogest.deadline_detail == (f"la lettre du {fr_day(2024, 12, 5)} est à temps ; fin "
                                       f"le {fr_day(2024, 12, 31)}")
    assert teogest.stake == format_eur(200000, "fr")
    assert fr_day(2025, 1, 31) in teogest.stake_detail


def test_gout_twelve_month_maintenance(rows):
    gout = rows["gout"]
    # GOUT: 3 x the legal rate in force at invoicing (2024-S1): 15.21 %, 45 days from
    # 2024-03-01: 1,000,000 x 1521 x 45 / 3,650,000 = 18,752.05 c -> 187.52 + 40 = 227.52 EUR,
    # not below the floor, so no figure as written beside it.
    assert gout.owed == format_eur(22752, "fr")
    assert gout.owed_detail == "pénalités et indemnité forfaitaire"
    # Art. 7 C: 12 months from 2024-01-31, last day 2025-01-30; notice « au moins un mois
    # avant l'échéance »: 2024-12-30 counting from the last day (the earliest reading), or
    # 2024-12-31 from the anniversary. A letter of 2024-12-31 is late under the first reading:
    # the maintenance renews to 2026-01-30, 13 months billed from the month in progress (12
    # renewed + 2024-12-31..2025-01-30) = 13,000 EUR, against 1,000 EUR in time under the
    # second: 12,000 EUR at stake.
    assert gout.deadline == fr_day(2024, 12, 30)
    assert gout.stake == format_eur(1200000, "fr")
    assert fr_day(2024, 12, 31) in gout.stake_detail


def test_janquor_letter_too_late(rows):
    janquor = rows["janquor"]
    # Art. 11: 10 % of the invoice per month of delay, pro rata by default: 120 % a year,
    # 1,000,000 x 12,000 x 45 / 3,650,000 = 147,945.21 c -> 1,479.45 + 40 = 1,519.45 EUR.
    assert janquor.owed == format_eur(151945, "fr")
    # Art. 16: 12 months from 2024-01-31 (last day 2025-01-30), notice 2 months before the
    # term: by 2024-11-30. The letter of 2024-12-05 is void, the contract renews to
    # 2026-01-30; due from the month in progress (2024-11-30..2024-12-30) to the end: 2 months
    # of the first term + 12 renewed = 14 x 1,000 = 14,000 EUR.
    assert janquor.deadline == fr_day(2024, 11, 30)
    assert janquor.deadline_detail.startswith(f"la lettre du {fr_day(2024, 12, 5)} est trop "
                                              "tardive : contrat reconduit")
    assert janquor.stake == format_eur(1400000, "fr")


def test_per_order_vendors_say_there_is_no_deadline(rows):
    # Leappy art. 5, ioSmart: no renewal, no notice; the termination takes effect at once.
    for vendor in ("leappy", "iosmart"):
        row = rows[vendor]
        assert row.deadline == ""
        assert row.deadline_detail == (f"Aucun jour limite : la lettre du {fr_day(2024, 12, 5)}"
                                       f" met fin au contrat le {fr_day(2024, 12, 5)}.")
        assert row.stake_detail == "Rien : pas de jour limite à manquer."


def test_findings_counted_by_severity(rows):
    # Teogest's one breach: legal + 3 points (8.07 % in 2024-S1) is below 3 x the legal rate
    # (15.21 %), L441-10 II.
    teogest = dict(rows["teogest"].findings)
    assert teogest["breach"] == "1 manquement"
    assert rows["teogest"].findings_total == len(check("teogest"))
    # most serious first, only the severities found
    order = ["breach", "risk", "ambiguity", "note"]
    for row in rows.values():
        severities = [s for s, _ in row.findings]
        assert severities == sorted(severities, key=order.index)


def test_every_figure_links_to_its_section(together):
    page = together.summary_card().html
    for section in ("late_payment", "exit", "findings"):
        assert f'href="#{ANCHORS[section]}"' in page
        assert f'<a id="{ANCHORS[section]}"></a>' in together.heading(section).data
    assert page.count("<tr data-vendor=") == 5


def test_a_length_left_to_the_quote_says_why_in_a_sentence():
    report = prepare(vendors=["gout"], **SCENARIO)  # no commitment_months
    gout = report.summary_card().rows[0]
    assert gout.deadline == ""
    assert gout.deadline_detail.startswith("Non calculé : la durée du contrat de Michaël GOUT "
                                           "est fixée par le devis ou la commande (art. 7 C)")


def test_english_card():
    card = summary_card(["teogest", "statutory"], lang="en", **{
        k: v for k, v in SCENARIO.items() if k != "unavailability_percent"})
    (teogest,) = card.rows  # the law's default terms have no contract to leave: left out
    assert teogest.owed == format_eur(10251, "en")
    assert teogest.deadline == format_date(dt.date(2025, 1, 30), "en")
    assert "At a glance" in card.html


def test_make_demo_scenario_computes_for_every_vendor():
    """The template's defaults (`make demo`): every vendor's late payment and exit compute,
    and no page says "non calculé" without a sentence of why."""
    defaults = {name: ast.literal_eval(spec["default"])
                for name, spec in papermill.inspect_notebook(str(TEMPLATE)).items()}
    defaults.pop("vendors")
    for vendor in VENDORS:
        report = prepare(vendors=[vendor], **defaults)
        row = report.summary_card().rows[0]
        assert row.owed, vendor
        assert not row.deadline_detail.startswith("Non calculé"), (vendor, row)
        notes = report.exit_table().data.to_dict("records")[0]
        assert not any(re.match(r"(?i)non calculé|not computed", str(v)) for v in notes.values())
