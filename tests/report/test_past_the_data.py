"""A scenario past the reference rates: the report does not fail, it says which series is known
until when and how to go on; with ``assume_last`` (the report parameter, ``--assume-last`` on
the command line) the last values are carried forward and the figures marked provisional.

The scenario: 10,000.00 EUR due 2026-06-25, paid 2026-07-10 (15 days late: 5 in 2026-S1, 10 in
2026-S2), invoiced 2026-06-01. The data knows the legal rate until 2026-06-30 and the ECB rate
until 2026-06-11, so 2026-S2 needs values past both. Carried forward (legal rate 2.62 %, ECB
2.15 %):

- statutory: 2.15 + 10 = 12.15 % in both semesters: 1,000,000 x 1215 x 15 / 3,650,000 =
  4,993.15 -> 49.93 EUR, + 40 = 89.93 EUR;
- Leappy: 2 x 2.62 = 5.24 % on the invoice date, below the floor 3 x 2.62 = 7.86 %:
  1,000,000 x 786 x 15 / 3,650,000 = 3,230.14 -> 32.30 EUR, + 40 = 72.30 EUR (as written
  1,000,000 x 524 x 15 / 3,650,000 = 2,153.42 -> 21.53, + 40 = 61.53 EUR).
"""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.cli import main
from cgvlib.errors import InputError
from cgvlib.reference.provisional import assumed_until
from cgvlib.report.parameters import report_parameters
from cgvlib.report.sections import prepare

NB = "\u00a0"
SCENARIO = {
    "vendors": ["leappy"], "lang": "fr", "invoice_amount": 10_000, "due": "2026-06-25",
    "paid": "2026-07-10", "invoice_date": "2026-06-01", "unavailability_percent": 0.5,
    "monthly_amount": 1_000, "contract_start": "2025-01-31", "notice_date": "2026-06-05",
}
NOTICE_FR = (
    "Le scénario dépasse les données de référence : taux de l'intérêt légal connu jusqu'au "
    "30 juin 2026 ; taux de refinancement de la BCE connu jusqu'au 11 juin 2026.")
NOT_COMPUTED_FR = ("Non calculé : le scénario dépasse les données de référence (voir "
                   "l'avertissement ci-dessus).")


def test_without_assume_last_the_report_says_why_and_how_to_go_on():
    report = prepare(**SCENARIO)
    card = report.summary_card()
    assert card.notice.startswith(NOTICE_FR)
    assert card.notice.endswith("ou --assume-last).")  # how to go on
    assert "rates add" in card.notice
    (row,) = card.rows
    assert (row.owed, row.owed_detail) == ("", NOT_COMPUTED_FR)
    assert '<p class="cgv-notice">Le scénario dépasse' in card.html
    table = report.late_payment_table().data
    assert table["Remarque"].tolist() == [NOT_COMPUTED_FR, NOT_COMPUTED_FR]  # Leappy, the law
    assert f"**{NOTICE_FR}" in report.heading("late_payment").data
    assert NOT_COMPUTED_FR.replace("'", "&#x27;") in report.working("late_payment").data


def test_with_assume_last_the_figures_are_provisional():
    report = prepare(**SCENARIO, assume_last=True)
    assert report.p.latest == dt.date(2026, 7, 10)  # the carry reaches the scenario's end
    card = report.summary_card()
    assert card.notice.startswith("Montants provisoires : le scénario dépasse les données de "
                                  "référence : taux de l'intérêt légal connu jusqu'au 30 juin "
                                  "2026")
    (row,) = card.rows
    assert row.owed == f"72,30{NB}€"
    assert row.owed_detail == (f"61,53{NB}€ selon la clause, sous le plancher légal ; "
                               "provisoire : dernier taux connu reporté")
    table = report.late_payment_table().data
    assert table["Total"].tolist() == [f"72,30{NB}€", f"89,93{NB}€"]
    assert table["Remarque"].tolist() == ["provisoire : dernier taux connu reporté"] * 2
    assert "Montants provisoires" not in report.heading("late_payment").data.split("**")[0]
    working = report.working("late_payment").data
    assert "Montant provisoire : " in working  # the working names the value carried forward
    assert assumed_until() is None  # the report's block ended with its computation


def test_a_covered_scenario_has_no_notice_with_or_without_assume_last():
    covered = {**SCENARIO, "due": "2024-03-01", "paid": "2024-04-15", "invoice_date": None}
    for assume in (False, True):
        report = prepare(**covered, assume_last=assume)
        card = report.summary_card()
        assert card.notice is None and "cgv-notice" not in card.html.split("</style>")[1]
        # Leappy 2024-S1: 45 days at the floor 3 x 5.07 = 15.21 %: 187.52 + 40 = 227.52 EUR
        assert card.rows[0].owed == f"227,52{NB}€"
        assert "provisoire" not in card.rows[0].owed_detail


@pytest.mark.parametrize(("value", "flag"), [(True, True), (False, False), ("oui", True),
                                             ("non", False), ("true", True), (0, False)])
def test_the_assume_last_parameter(value, flag):
    assert report_parameters(**SCENARIO, assume_last=value).assume_last is flag


def test_a_bad_assume_last_parameter_is_refused():
    with pytest.raises(InputError, match=r"assume_last: 'peut-être' is not yes or no; give "
                                         r"True or False"):
        report_parameters(**SCENARIO, assume_last="peut-être")


# --------------------------------------------------------------------------- the commands


def test_compare_with_assume_last_computes_inside_the_block(monkeypatch, capsys):
    import cgvlib.analysis.compare as compare_module

    seen = []

    def compare(vendors, families):
        seen.append(assumed_until())
        raise InputError("stop here")

    monkeypatch.setattr(compare_module, "compare", compare)
    assert main(["compare", "--assume-last"]) == 2
    assert main(["compare"]) == 2
    assert seen == [dt.date.today(), None]


def test_export_carries_the_data_to_until(monkeypatch, tmp_path):
    import cgvlib.report.exports as exports

    seen = []

    def export_xlsx(path, **kwargs):
        seen.append(assumed_until())
        return path

    monkeypatch.setattr(exports, "export_xlsx", export_xlsx)
    target = str(tmp_path / "out.xlsx")
    assert main(["export", "--xlsx", target, "--assume-last", "--until", "2027-01-01"]) == 0
    assert main(["export", "--xlsx", target, "--assume-last"]) == 0
    assert main(["export", "--xlsx", target]) == 0
    assert seen == [dt.date(2027, 1, 1), dt.date.today(), None]


def test_report_with_assume_last_sets_the_report_parameter(monkeypatch):
    import cgvlib.report.batch as batch

    given = {}

    class Done:
        ok = True

        def summary(self):
            return "done"

    def run(vendors, **kwargs):
        given.update(kwargs["parameters"])
        return Done()

    monkeypatch.setattr(batch, "run", run)
    assert main(["report", "--vendor", "leappy", "--assume-last", "--quiet"]) == 0
    assert given == {"assume_last": True}
    given.clear()
    assert main(["report", "--vendor", "leappy", "--quiet"]) == 0
    assert given == {}


def test_the_report_runs_past_the_data_through_papermill(tmp_path):
    """The template's parameter: ``report --assume-last`` end to end (one papermill run)."""
    out = tmp_path / "reports"
    status = main(["report", "--vendor", "leappy", "--out", str(out), "--quiet",
                   "--assume-last", "-p", "due", "2026-06-25", "-p", "paid", "2026-07-10",
                   "-p", "invoice_date", "2026-06-01", "-p", "notice_date", "2026-06-05"])
    assert status == 0
    page = (out / "leappy.html").read_text(encoding="utf-8")
    assert "Montants provisoires : le scénario dépasse les données de référence" in page
    assert f"72,30{NB}€" in page


def test_the_notebooks_card_past_the_data():
    """:func:`cgvlib.views.summary.summary_card` (notebooks, dashboard): the same notice, and
    the same opt-in."""
    from cgvlib.views.summary import summary_card

    scenario = {key: SCENARIO[key] for key in ("due", "paid", "invoice_date", "lang")}
    scenario.update(invoice_amount=10_000, contract_start="2025-01-31",
                    notice_date="2026-06-05", monthly_amount=1_000)
    card = summary_card(["leappy"], **scenario)
    assert card.notice.startswith(NOTICE_FR)
    assert (card.rows[0].owed, card.rows[0].owed_detail) == ("", NOT_COMPUTED_FR)
    card = summary_card(["leappy"], **scenario, assume_last=True)
    assert card.notice.startswith("Montants provisoires : ")
    assert card.rows[0].owed == f"72,30{NB}€"
    assert assumed_until() is None
