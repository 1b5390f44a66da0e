"""The comparison app, driven from pytest: the table follows the vendors and families chosen,
a chosen cell shows its article and quote, an empty selection shows a message and keeps the
last table, and nothing is computed twice."""

from __future__ import annotations

import pandas as pd
import pytest
from pandas.io.formats.style import Styler

import cgvlib
from cgvlib.apps.compare import NO_CELL_LABEL, CompareApp

RATE = ("late payment", "rate", "teogest")
FIVE = ["Michaël GOUT", "ioSmart", "JANQUOR", "Leappy SAS", "Teogest"]


@pytest.fixture
def app():
    return CompareApp(families=["late payment", "recovery indemnity"], lang="en")


def test_controls():
    app = CompareApp(lang="en")
    assert set(app.controls) == {"vendors", "families", "ambiguous_only", "cell"}
    vendors = app.controls["vendors"]
    assert ("Teogest", "teogest") in vendors.options
    assert vendors.options[-1][1] == "statutory"
    assert vendors.value == ("gout", "iosmart", "janquor", "leappy", "teogest")
    assert app.controls["families"].value[:2] == ("payment_terms", "late_payment")
    assert app.controls["cell"].value is None
    assert app.error is None
    assert isinstance(app.figure, Styler) and app.styler is app.figure
    assert list(app.figure.data.columns) == FIVE
    pd.testing.assert_frame_equal(app.figure.data, cgvlib.compare())
    assert app.frame is None  # no cell chosen yet


def test_changing_vendors_changes_the_columns(app):
    app.controls["vendors"].value = ("teogest", "leappy")
    assert app.error is None
    assert list(app.figure.data.columns) == ["Teogest", "Leappy SAS"]
    pd.testing.assert_frame_equal(
        app.figure.data, cgvlib.compare(["teogest", "leappy"], ["late payment",
                                                                "recovery indemnity"]))
    app.controls["vendors"].value = ("janquor",)
    assert list(app.figure.data.columns) == ["JANQUOR"]


def test_statutory_terms_as_a_column(app):
    app.controls["vendors"].value = ("teogest", "statutory")
    assert app.error is None
    assert list(app.figure.data.columns) == ["Teogest", "Statutory default (Code de commerce)"]
    assert app.figure.data.loc[("recovery indemnity", ""),
                               "Statutory default (Code de commerce)"] == "40 EUR per invoice"
    app.controls["families"].value = tuple(key for _, key in app.controls["families"].options)
    assert app.error is None
    assert "Statutory default (Code de commerce)" in app.figure.data.columns


def test_choosing_a_cell_shows_its_citation(app):
    cell = app.controls["cell"]
    assert RATE in [value for _, value in cell.options]
    assert "late payment / rate / Teogest" in [label for label, _ in cell.options]
    tables = app.table_computations
    cell.value = RATE
    assert app.error is None
    assert app.frame["article"].tolist() == ["14.6"]
    assert "majoré de trois points" in app.frame["quote"].iloc[0]
    assert "fixed at invoicing" in app.frame["other readings"].iloc[0]
    assert app.table_computations == tables  # the comparison is not computed again
    cell.value = None
    assert app.frame is None


def test_cell_list_follows_the_table(app):
    app.controls["cell"].value = RATE
    app.controls["vendors"].value = ("teogest", "leappy")
    assert app.controls["cell"].value == RATE  # still in the table: kept
    assert app.frame["article"].tolist() == ["14.6"]
    app.controls["vendors"].value = ("leappy",)
    values = [value for _, value in app.controls["cell"].options]
    assert values[0] is None and app.controls["cell"].options[0][0] == NO_CELL_LABEL
    assert all(vendor == "leappy" for _, _, vendor in values[1:])
    assert app.controls["cell"].value is None  # the Teogest cell is gone, and its citation
    assert app.frame is None
    assert app.results.cell is None


def test_empty_vendor_selection_shows_a_message_and_keeps_the_table(app):
    before = app.figure
    app.controls["vendors"].value = ()
    assert app.error.startswith("vendors: no vendor selected; choose at least one")
    assert "choose at least one" in app.message.value
    assert app.figure is before
    app.controls["vendors"].value = ("teogest",)
    assert app.error is None and app.message.value == ""


def test_empty_family_selection_shows_a_message(app):
    app.controls["families"].value = ()
    assert app.error.startswith("families: no clause family selected")


def test_ambiguous_only(app):
    app.controls["ambiguous_only"].value = True
    rows = app.figure.data
    assert list(rows.index) == [("late payment", "rate"), ("late payment", "delay starts"),
                                ("late payment", "formal notice first")]
    assert rows.apply(lambda col: col.str.contains("‡")).any(axis=1).all()
    # nothing ambiguous left (GOUT's late-payment clause reads one way): say so, not an empty table
    app.controls["vendors"].value = ("gout",)
    assert "nothing to show" in app.error and "untick 'ambiguous rows only'" in app.error


def test_memoisation(app):
    assert (app.computations, app.table_computations) == (1, 1)
    app.controls["vendors"].value = ("teogest", "leappy")
    assert (app.computations, app.table_computations) == (2, 2)
    app.controls["cell"].value = RATE  # the citations only
    assert (app.computations, app.table_computations) == (3, 2)
    app.controls["cell"].value = None  # values already seen: nothing computed
    app.controls["cell"].value = RATE
    assert (app.computations, app.table_computations) == (3, 2)
    app.controls["ambiguous_only"].value = True  # the rate row is ambiguous: the cell stays
    assert (app.computations, app.table_computations) == (4, 3)
    assert app.controls["cell"].value == RATE
    app.controls["ambiguous_only"].value = False
    app.controls["vendors"].value = ("teogest", "leappy", "janquor")
    app.controls["vendors"].value = ("teogest", "leappy")
    assert app.controls["cell"].value == RATE
    assert (app.computations, app.table_computations) == (5, 4)


def test_initial_selection_is_checked():
    with pytest.raises(cgvlib.InputError, match="vendors: unknown"):
        CompareApp(vendors=["nobody"], lang="en")
    with pytest.raises(cgvlib.InputError, match="families: unknown"):
        CompareApp(families=["nothing"], lang="en")
    app = CompareApp(vendors="teogest", families="late payment", ambiguous_only=True, lang="en")
    assert list(app.figure.data.columns) == ["Teogest"]
    assert app.controls["families"].value == ("late_payment",)
