"""Excel and iCalendar exports: they open again, hold the expected rows and dates, and never
overwrite a file or write into data/."""

from __future__ import annotations

import datetime as dt

import icalendar
import openpyxl
import pytest

import cgvlib
from cgvlib.cli import main
from cgvlib.errors import InputError
from cgvlib.report.exports import export_ics, export_xlsx
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    path = export_xlsx(tmp_path_factory.mktemp("xlsx") / "cgv.xlsx")
    return openpyxl.load_workbook(path)


def rows(sheet) -> list[dict]:
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)]


def test_workbook_has_both_sheets_with_headers(workbook):
    assert workbook.sheetnames == ["Comparison", "Findings"]
    comparison = workbook["Comparison"]
    assert [c.value for c in comparison[1]] == ["family", "item", "vendor", "text", "ambiguous",
                                                "other_readings", "article", "quote", "note"]
    assert all(c.font.bold for c in comparison[1])
    assert comparison.freeze_panes == "A2"
    header = [c.value for c in workbook["Findings"][1]]
    assert {"id", "vendor", "article", "quote"} <= set(header)


def test_comparison_holds_teogest_late_payment_rate(workbook):
    found = [r for r in rows(workbook["Comparison"])
             if r["vendor"] == "Teogest" and r["family"] == "late payment" and r["item"] == "rate"]
    assert len(found) == 1
    assert found[0]["article"] == "14.6"
    assert found[0]["quote"]


def test_findings_hold_leappy_rate_below_floor(workbook):
    found = [r for r in rows(workbook["Findings"])
             if r["vendor"] == "Leappy SAS" and r["id"] == "late_rate_below_floor"]
    assert len(found) == 1
    assert found[0]["article"] == "4"
    assert found[0]["quote"]


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
    assert openpyxl.load_workbook(target).sheetnames == ["Comparison", "Findings"]


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
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "skipped Leappy SAS" in out and xlsx.exists() and ics.exists()
    assert main(argv) == 2
    assert capsys.readouterr().err == (f"cgvlib: {xlsx}: already exists and is kept; pass --force "
                                       "(force=True) to replace it, or choose another name\n")
    assert main([*argv, "--force"]) == 0
