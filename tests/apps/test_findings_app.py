"""The findings app, driven from pytest: the list follows the vendors and severities chosen, a
chosen finding shows its full row, the checks run once whatever the filters, an empty selection
shows a message and keeps the last list; and the exercises of the lesson on findings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest
from pandas.io.formats.style import Styler

import cgvlib
import cgvlib.apps.findings as findings_app
from cgvlib.apps.findings import NO_FINDING_LABEL, FindingsApp, findings_exercises
from cgvlib.errors import InputError


@pytest.fixture(scope="module")
def findings() -> pd.DataFrame:
    return cgvlib.check_all()


@pytest.fixture
def app(findings):
    return FindingsApp(findings=findings, lang="en")


def ids(app) -> list[tuple[str, str]]:
    return list(zip(app.figure.data["vendor"], app.figure.data["id"], strict=True))


def test_controls_and_default_selection(app):
    assert set(app.controls) == {"vendors", "severities", "finding"}
    vendors = app.controls["vendors"]
    assert vendors.options == (("JANQUOR", "janquor"), ("ioSmart", "iosmart"),
                               ("Teogest", "teogest"), ("Leappy SAS", "leappy"),
                               ("Michaël GOUT", "gout"))
    assert vendors.value == ("janquor", "iosmart", "teogest", "leappy", "gout")
    # (name in the app's language, severity)
    assert app.controls["severities"].options == (("breach", "breach"), ("risk", "risk"),
                                                  ("ambiguity", "ambiguity"), ("note", "note"))
    assert app.controls["severities"].value == ("breach", "risk")
    assert app.controls["finding"].value is None
    assert app.error is None
    assert isinstance(app.figure, Styler) and app.styler is app.figure
    assert set(app.figure.data["severity"]) == {"breach", "risk"}
    assert ids(app)[:2] == [("JANQUOR", "payment_term_missing"),
                            ("Teogest", "late_rate_below_floor")]
    assert app.frame is None  # no finding chosen yet


def test_filters_select_rows(app):
    app.controls["vendors"].value = ("leappy",)
    assert app.error is None
    assert ids(app) == [("Leappy SAS", "late_rate_below_floor"),
                        ("Leappy SAS", "recovery_indemnity_missing"),
                        ("Leappy SAS", "court_chosen_by_one_party"),
                        ("Leappy SAS", "court_does_not_exist")]
    app.controls["severities"].value = ("note",)
    assert ids(app) == [("Leappy SAS", "stated_rate_wrong"),
                        ("Leappy SAS", "force_majeure_outdated_reference")]


def test_finding_list_follows_the_table(app):
    options = app.controls["finding"].options
    assert options[0] == (NO_FINDING_LABEL, None)
    labels = [label for label, _ in options[1:]]
    assert len(labels) == len(app.figure.data)
    assert "Leappy SAS · late rate below the floor" in labels  # the check by its name
    app.controls["vendors"].value = ("teogest",)
    app.controls["severities"].value = ("ambiguity",)
    labels = [label for label, _ in app.controls["finding"].options[1:]]
    # several findings of one check on one vendor: the field path tells them apart
    assert "Teogest · ambiguous clause · sla" in labels
    assert all(label.startswith("Teogest · ") for label in labels)


def test_choosing_a_finding_shows_its_full_row(app, findings):
    options = dict(app.controls["finding"].options)
    index = options["Leappy SAS · late rate below the floor"]
    app.controls["finding"].value = index
    assert app.error is None
    detail = app.frame.set_index("field")["value"]
    assert detail["article"] == "4"
    assert detail["quote"].startswith("« un taux équivalent à deux (2) fois le taux d’intérêt")
    assert detail["rule"].startswith("Code de commerce L441-10 II")
    assert detail["periods"] == "2015-S1..2026-S1"
    assert "below the statutory floor" in detail["explanation"]
    assert detail["explanation"] == findings.loc[index, "explanation"]
    # the finding stays chosen while it is listed, and is cleared when it no longer is
    app.controls["vendors"].value = ("leappy", "teogest")
    assert app.controls["finding"].value == index and app.frame is not None
    app.controls["severities"].value = ("note",)
    assert app.controls["finding"].value is None and app.frame is None


def test_check_all_runs_once_across_filter_changes(monkeypatch, findings):
    calls = []

    def counting_check_all(*args, **kwargs):
        calls.append(args)
        return findings

    monkeypatch.setattr(findings_app, "check_all", counting_check_all)
    app = FindingsApp(lang="en")
    assert calls == [()] and app.check_computations == 1
    app.controls["severities"].value = ("breach",)
    app.controls["vendors"].value = ("teogest", "leappy")
    app.controls["finding"].value = app.controls["finding"].options[1][1]
    app.controls["severities"].value = ("breach", "risk", "ambiguity", "note")
    assert len(calls) == 1 and app.check_computations == 1


def test_nothing_recomputed_for_values_already_seen(app):
    app.controls["severities"].value = ("breach",)
    computations, tables = app.computations, app.table_computations
    app.controls["severities"].value = ("breach", "risk")
    app.controls["severities"].value = ("breach",)
    assert app.computations == computations  # ("breach", "risk") was the start
    assert app.table_computations == tables


def test_empty_selection_shows_a_message_and_keeps_the_list(app):
    before = app.figure
    app.controls["vendors"].value = ()
    assert app.error == ("vendors: no vendor selected; choose at least one (hold Ctrl or "
                         "Shift to select several)")
    assert "no vendor selected" in app.message.value
    assert app.figure is before
    app.controls["vendors"].value = ("leappy",)
    assert app.error is None and app.message.value == ""
    app.controls["severities"].value = ()
    assert app.error.startswith("severities: no severity selected; choose at least one of "
                                "breach, risk, ambiguity, note")


def test_a_selection_without_finding_says_so(app):
    app.controls["vendors"].value = ("iosmart",)
    app.controls["severities"].value = ("breach",)
    assert app.error is None
    assert app.figure.data.empty
    assert "No breach finding for ioSmart." in app.message.value
    assert app.controls["finding"].options == ((NO_FINDING_LABEL, None),)


def test_initial_selection_and_bad_initial_values(findings):
    app = FindingsApp(["teogest", "leappy", "statutory"], ["breach"], findings=findings, lang="en")
    assert app.controls["vendors"].value == ("teogest", "leappy")  # the law has no finding
    assert ids(app) == [("Teogest", "late_rate_below_floor"),
                        ("Leappy SAS", "late_rate_below_floor"),
                        ("Leappy SAS", "recovery_indemnity_missing")]
    with pytest.raises(InputError, match="vendors: unknown"):
        FindingsApp(["nosuch"], findings=findings, lang="en")
    with pytest.raises(InputError, match="severities: unknown"):
        FindingsApp(severities=["fatal"], findings=findings, lang="en")


# --- the exercises of the lesson ----------------------------------------------------------------


def test_exercise_teogest_first_semester_below_the_floor():
    exercise = findings_exercises()[1]
    assert exercise.answer() == dt.date(2023, 1, 1)
    assert exercise.check("2023-01-01").correct
    verdict = exercise.check("2023-07-01")  # 2 x instead of 3 x: legal rate above 3 % (4.22)
    assert not verdict.correct and "twice the legal rate instead of three times" in str(verdict)
    verdict = exercise.check("2015-01-01")  # consumer rate: 4.06 % in 2015-S1, above 1.5 %
    assert "creditors who are consumers" in str(verdict)
    verdict = exercise.check("2022-07-01")
    assert "last semester in which the clause is still lawful" in str(verdict)
    assert "No answer yet" in str(exercise.check(None))


def test_exercise_floor_of_2023_s1():
    exercise = findings_exercises()[2]
    assert exercise.answer() == Decimal("6.18")  # 3 x 2.06
    assert exercise.check("6,18").correct
    assert "4,22 % pour l'année 2023" in str(exercise.check(12.66))  # 3 x 4.22
    assert "twice the legal rate" in str(exercise.check(4.12))  # 2 x 2.06
    assert "statutory default" in str(exercise.check(12.50))  # ECB 2.50 % + 10


def test_exercise_leappy_gap_in_2024_s1():
    exercise = findings_exercises()[3]
    assert exercise.answer() == Decimal("5.07")  # 15.21 - 10.14: the legal rate itself
    assert "stated 4.22 %" in str(exercise.check(4.22))
    assert "Leappy's rate itself" in str(exercise.check(10.14))
