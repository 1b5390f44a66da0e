"""Excel and iCalendar exports: they open again, hold the expected rows and dates, say every
word in the reader's language (French on the command line, English on request), and never
overwrite a file or write into data/."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import openpyxl
import pytest

import cgvlib
from cgvlib.cli import main
from cgvlib.errors import InputError
from cgvlib.report.exports import export_ics, export_xlsx
from tests.conftest import ROOT

NB = "\u00a0"  # Babel's French: a no-break space before €


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = export_xlsx(tmp_path_factory.mktemp("xlsx") / "cgv.xlsx", written_on="2026-12-01")
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def french(tmp_path_factory):
    path = export_xlsx(tmp_path_factory.mktemp("xlsx") / "cgv.fr.xlsx", lang="fr",
                       written_on="2026-12-01")
    return openpyxl.load_workbook(path)


def rows(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]


def test_workbook_has_its_sheets_with_headers(workbook):
    assert workbook.sheetnames == ["Comparison", "Findings", "Vendors", "About"]
    comparison = workbook["Comparison"]
    assert [c.value for c in comparison[1]] == [
        "Clause family", "Item", "Vendor", "What the terms say", "Ambiguous", "Other readings",
        "Article", "Quote", "Note"]
    assert all(c.font.bold for c in comparison[1])
    assert comparison.freeze_panes == "A2"
    assert [c.value for c in workbook["Findings"][1]] == [
        "Check", "Vendor", "Severity", "Clause family", "Article", "Quote", "Rule",
        "Explanation", "Semesters"]


def test_french_workbook_sheets_and_headers(french):
    assert french.sheetnames == ["Comparaison", "Constatations", "Fournisseurs", "À propos"]
    assert [c.value for c in french["Comparaison"][1]] == [
        "Famille de clauses", "Élément", "Fournisseur", "Ce que disent les conditions",
        "Ambiguë", "Autres lectures", "Article", "Citation", "Remarque"]
    assert [c.value for c in french["Constatations"][1]] == [
        "Contrôle", "Fournisseur", "Gravité", "Famille de clauses", "Article", "Citation",
        "Règle", "Explication", "Semestres"]
    assert [c.value for c in french["Fournisseurs"][1]] == [
        "Nom", "Activité", "Document", "Version", "Fichier du fournisseur", "Valeurs citées",
        "Ambiguïtés", "Citations vérifiées"]


def test_comparison_holds_teogest_late_payment_rate(workbook, french):
    found = [r for r in rows(workbook["Comparison"]) if r["Vendor"] == "Teogest"
             and r["Clause family"] == "late payment" and r["Item"] == "rate"]
    assert len(found) == 1
    assert found[0]["Article"] == "14.6"
    assert found[0]["Quote"]
    assert found[0]["Ambiguous"] == "yes"  # art. 14.6: the rate is fixed when? two readings
    said = [r for r in rows(french["Comparaison"]) if r["Fournisseur"] == "Teogest"
            and r["Famille de clauses"] == "retard de paiement" and r["Élément"] == "taux"]
    assert len(said) == 1
    assert said[0]["Article"] == "14.6"
    assert said[0]["Citation"] == found[0]["Quote"]  # the contract's own words, never translated
    assert said[0]["Ambiguë"] == "oui"


def test_findings_hold_leappy_rate_below_floor(workbook, french):
    found = [r for r in rows(workbook["Findings"])
             if r["Vendor"] == "Leappy SAS" and r["Check"] == "late rate below the floor"]
    assert len(found) == 1
    assert found[0]["Article"] == "4"
    assert found[0]["Severity"] == "breach"
    assert found[0]["Quote"]
    said = [r for r in rows(french["Constatations"]) if r["Fournisseur"] == "Leappy SAS"
            and r["Contrôle"] == "taux de retard sous le plancher"]
    assert len(said) == 1
    assert (said[0]["Article"], said[0]["Gravité"]) == ("4", "manquement")


def test_no_code_word_on_a_french_sheet(french):
    # no identifier (snake_case), no True/False/None/nan reaches a cell
    for sheet in french:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert value not in {"True", "False", "None", "nan"}, (sheet.title, value)
                    assert not re.search(r"\b[a-z]+_[a-z_]+\b", value) or "@" in value, (
                        sheet.title, value)


def test_counts_stay_numbers(workbook, french):
    # Teogest: 11 ambiguities + art. 20 at exactly one year of tenure + "heures ouvrées" in
    # three deadlines = 15 (as in tests/views/test_tables.py)
    teogest = [r for r in rows(workbook["Vendors"]) if r["Name"] == "Teogest"]
    assert teogest[0]["Ambiguities"] == 15
    assert teogest[0]["Quotes verified"] == "yes"
    said = [r for r in rows(french["Fournisseurs"]) if r["Nom"] == "Teogest"]
    assert said[0]["Ambiguïtés"] == 15
    assert said[0]["Citations vérifiées"] == "oui"


def test_the_day_written_is_a_date_cell_in_the_readers_format(workbook, french):
    for book, sheet, label, date_format in [
        (workbook, "About", "Written on", "[$-809]d mmmm yyyy"),  # en-GB: 1 December 2026
        (french, "À propos", "Écrit le", "[$-40C]d mmmm yyyy"),  # fr-FR: 1 décembre 2026
    ]:
        cell = book[sheet]["B2"]
        assert book[sheet]["A2"].value == label
        assert cell.value == dt.datetime(2026, 12, 1)  # a date, not text
        assert cell.number_format == date_format


def janquor_events(path) -> list:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("janquor-")]


def test_ics_one_event_per_janquor_term_with_alarm(tmp_path):
    # start 2024-01-31: terms end 2025-01-30 and 2026-01-30 (the next starts 2026-01-31, after
    # `until`). Art. 16 « deux (2) mois avant le terme », default reading (the last safe day)
    # counted from the term's last day: 2025-01-30 - 2 months = 2024-11-30; from the
    # anniversary 2025-01-31 - 2 months = 31 November -> 2024-11-30 too; then 2025-11-30.
    path = export_ics(tmp_path / "deadlines.ics", vendors=["janquor"], start="2024-01-31",
                      until="2025-12-31")
    events = janquor_events(path)
    days = [e.decoded("dtstart") for e in events]
    assert days == [dt.date(2024, 11, 30), dt.date(2025, 11, 30)]
    table = cgvlib.renewal_deadlines("janquor", "2024-01-31", "2025-12-31")  # cross-check
    assert list(table["last_day_to_send_notice"]) == days
    for event in events:
        assert str(event["uid"]) == f"janquor-{event.decoded('dtstart')}@cgvlib"
        assert "16" in str(event["description"])
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0].decoded("trigger") == dt.timedelta(days=-14)
        assert str(alarms[0]["action"]) == "DISPLAY"
    assert "renews 2025-01-31" in str(events[0]["summary"])
    assert "last safe day" in str(events[0]["summary"])
    assert "Other reading (anniversary): 2024-11-30." in str(events[0]["description"])


def test_ics_event_on_the_last_safe_day_names_the_risk(tmp_path):
    # GOUT 7 C, 12-month maintenance from 2024-01-01 at 50.00 a month: one month before the
    # period's last day 2024-12-31 -> 2024-11-30 (the event); before the renewal date
    # 2025-01-01 -> 2024-12-01, the risk: a letter only then renews the 12 months, 12 x 50.00
    # = 600.00 at stake.
    path = export_ics(tmp_path / "gout.ics", vendors=["gout"], start="2024-01-01",
                      until="2024-12-31", commitment_months=12, monthly_amount=50)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2024, 11, 30)
    description = str(event["description"])
    assert ("Risk: the reading notice[0]=anniversary gives 2024-12-01; a letter sent after "
            "2024-11-30 may come too late to stop the renewal; at stake if it leaves only on "
            "2024-12-01: 600.00 EUR.") in description
    unpriced = export_ics(tmp_path / "gout2.ics", vendors=["gout"], start="2024-01-01",
                          until="2024-12-31", commitment_months=12)
    (plain,) = icalendar.Calendar.from_ical(unpriced.read_bytes()).walk("VEVENT")
    assert "gives 2024-12-01" in str(plain["description"])
    assert "at stake" not in str(plain["description"])


def test_ics_skips_per_order_vendors_and_takes_commitments(tmp_path):
    path = export_ics(tmp_path / "all.ics", start="2024-01-01", until="2024-12-31",
                      commitment_months={"teogest": 12, "gout": 12})
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    uids = {str(e["uid"]).split("-")[0] for e in calendar.walk("VEVENT")}
    assert uids == {"janquor", "gout", "teogest"}
    note = str(calendar["x-wr-caldesc"])
    assert "Leappy" in note and "ioSmart" in note


def test_no_overwrite_without_force(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_text("keep me")
    with pytest.raises(InputError, match=r"out\.xlsx.*force"):
        export_xlsx(target, vendors=["janquor"])
    assert target.read_text() == "keep me"
    ics = tmp_path / "out.ics"
    ics.write_text("keep me")
    with pytest.raises(InputError, match="force"):
        export_ics(ics, vendors=["janquor"], start="2024-01-31", until="2025-01-01")
    assert ics.read_text() == "keep me"
    export_xlsx(target, vendors=["janquor"], force=True)
    assert openpyxl.load_workbook(target).sheetnames == ["Comparison", "Findings", "Vendors",
                                                         "About"]


@pytest.mark.parametrize("folder", ["data", "notebooks"])
def test_refuses_paths_under_data_and_notebooks(folder):
    target = ROOT / folder / "export-should-not-exist.xlsx"
    refused = rf"refused, this is inside {ROOT / folder}, .*; outputs are never written there, " \
              "even with --force"
    with pytest.raises(InputError, match=refused):
        export_xlsx(target, vendors=["janquor"], force=True)
    with pytest.raises(InputError, match=refused):
        export_ics(target.with_suffix(".ics"), vendors=["janquor"], start="2024-01-31",
                   until="2025-01-01")
    assert not target.exists() and not target.with_suffix(".ics").exists()


def test_cli_export(tmp_path, capsys):
    xlsx, ics = tmp_path / "c.xlsx", tmp_path / "d.ics"
    argv = ["export", "--xlsx", str(xlsx), "--ics", str(ics), "--start", "2024-01-01",
            "--until", "2025-06-30", "--commitment", "teogest=12", "--commitment", "gout=12"]
    assert main(argv) == 0  # French, as every command (report, ledger) by default
    out = capsys.readouterr().out
    assert ("laissé de côté Leappy SAS : ses conditions ne prévoient ni renouvellement ni "
            "préavis ; il n'y a pas d'échéance à calculer") in out
    assert f"comparaison et constatations écrites dans {xlsx}" in out
    assert openpyxl.load_workbook(xlsx).sheetnames[0] == "Comparaison"
    assert "cgvlib : échéances des lettres de résiliation" in ics.read_text(encoding="utf-8")
    assert main(argv) == 2
    assert capsys.readouterr().err == (f"cgvlib: {xlsx}: already exists and is kept; pass --force "
                                       "(force=True) to replace it, or choose another name\n")
    assert main([*argv, "--force"]) == 0


def test_cli_export_in_english(tmp_path, capsys):
    xlsx = tmp_path / "c.xlsx"
    assert main(["export", "--xlsx", str(xlsx), "--vendor", "janquor", "--lang", "en"]) == 0
    assert capsys.readouterr().out == f"comparison and findings written to {xlsx}\n"
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Comparison", "Findings", "Vendors",
                                                       "About"]


def test_ics_in_french(tmp_path):
    # As test_ics_event_on_the_last_safe_day_names_the_risk, said in French: GOUT 7 C,
    # 12-month maintenance from 2024-01-01 at 50.00 a month; last safe day 30 November 2024
    # (one month before the period's last day), the anniversary reading 1 December 2024 (one
    # month before the renewal on 1 January 2025): 12 x 50,00 = 600,00 € at stake.
    path = export_ics(tmp_path / "gout.fr.ics", vendors=["gout"], start="2024-01-01",
                      until="2024-12-31", commitment_months=12, monthly_amount=50, lang="fr")
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2024, 11, 30)
    assert str(event["summary"]) == ("Michaël GOUT : dernier jour sûr pour envoyer la lettre de "
                                     "résiliation (renouvellement le 1er janvier 2025)")
    description = str(event["description"])
    assert description.startswith(
        "Période du 1er janvier 2024 au 31 décembre 2024 ; renouvelée le 1er janvier 2025 sauf "
        "si la lettre de résiliation part au plus tard le 30 novembre 2024, le dernier jour "
        "sûr.\n")
    assert ("Risque : la lecture « compté depuis la date anniversaire » donne le 1er décembre "
            "2024 ; une lettre envoyée après le 30 novembre 2024 peut arriver trop tard pour "
            "empêcher le renouvellement ; en jeu si elle ne part que le 1er décembre 2024 : "
            f"600,00{NB}€.") in description
    (alarm,) = event.walk("VALARM")
    assert str(alarm["description"]) == ("Michaël GOUT : lettre de résiliation à envoyer au "
                                         "plus tard le 30 novembre 2024")
    assert str(calendar["x-wr-caldesc"]) == (
        "Échéances de préavis du 1er janvier 2024 au 31 décembre 2024.")


def test_no_deadline_refused_in_the_readers_language(tmp_path):
    # Leappy art. 5: duration per order, no renewal, so no notice deadline at all
    with pytest.raises(InputError) as english:
        export_ics(tmp_path / "l.ics", vendors=["leappy"], start="2024-01-01",
                   until="2024-12-31")
    assert str(english.value) == (
        "no notice deadline to export in the period (Leappy SAS: Leappy SAS's terms state no "
        "renewal and no notice (duration per order: art. 5); there is no deadline to compute)")
    with pytest.raises(InputError) as french:
        export_ics(tmp_path / "l.ics", vendors=["leappy"], start="2024-01-01",
                   until="2024-12-31", lang="fr")
    assert str(french.value) == (
        "aucune échéance de préavis à exporter sur la période (Leappy SAS : ses conditions ne "
        "prévoient ni renouvellement ni préavis ; il n'y a pas d'échéance à calculer)")
    assert not (tmp_path / "l.ics").exists()


def test_every_clause_note_is_in_french_on_the_french_sheet(workbook, french):
    # the two sheets list the same rows in the same order: each English note has its French
    english = [r["Note"] for r in rows(workbook["Comparison"])]
    said = [r["Remarque"] for r in rows(french["Comparaison"])]
    assert len(english) == len(said)
    missing = [e for e, f in zip(english, said, strict=True) if e and not f]
    assert not missing, missing
    assert not [f for e, f in zip(english, said, strict=True) if e and f == e]


def test_janquor_schedule_limit_note_in_french(french):
    # data/vendors/janquor.yaml, limits: the art. 8 « 28/12 » date of a payment schedule
    said = [r for r in rows(french["Comparaison"]) if r["Fournisseur"] == "JANQUOR"
            and r["Famille de clauses"] == "limites" and r["Élément"] == "paiement"
            and "28 décembre" in r["Ce que disent les conditions"]]
    assert [r["Remarque"] for r in said] == [
        "« 28/12 » est le 28 décembre (jour/mois). Un échéancier de 5 mois demandé après fin "
        "juillet ne peut pas courir sur toute sa durée."]
