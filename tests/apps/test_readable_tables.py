"""The apps' tables are never clipped: they show in a box that scrolls with its header row kept
in view (sticky), long cells wrap; a table app shows the chosen row's detail right under the
control that chooses it, above the table."""

from __future__ import annotations

import pandas as pd
import pytest

import cgvlib
from cgvlib.apps.base import readable_table
from cgvlib.apps.findings import FindingsApp
from cgvlib.apps.late_payment import LatePaymentApp


def test_a_table_scrolls_with_a_sticky_header_and_wraps_its_cells():
    long_quote = "« " + "une clause très longue " * 40 + "»"
    box = readable_table(pd.DataFrame({"quote": [long_quote]})).data
    assert box.startswith('<div class="cgv-table-box">') and box.endswith("</div>")
    assert "overflow:auto" in box and "max-height:36em" in box
    assert "thead{position:sticky;top:0" in box
    assert "white-space:normal;overflow-wrap:break-word" in box
    assert long_quote in box  # the cell in full, never cut


def test_the_late_payment_table_shows_in_the_box():
    app = LatePaymentApp(vendors=["teogest"], amount=10_000, due="2024-03-01",
                         paid="2024-04-15", lang="en")
    shown = app.shown_table().data
    assert 'class="cgv-table-box"' in shown
    assert "Teogest" in shown


@pytest.fixture(scope="module")
def findings() -> pd.DataFrame:
    return cgvlib.check("leappy")


def test_a_chosen_finding_shows_under_its_control_above_the_table(findings):
    app = FindingsApp(findings=findings, lang="en")
    children = list(app.widget.children)
    # title, controls (the finding chooser among them), message, then the detail, the table
    assert children.index(app.table_output) == 3
    assert children.index(app.table_output) < children.index(app.output)
    assert app.shown_table() is None  # nothing chosen yet
    options = dict(app.controls["finding"].options)
    app.controls["finding"].value = options["Leappy SAS · late rate below the floor"]
    detail = app.shown_table().data
    assert 'class="cgv-table-box"' in detail
    assert "un taux équivalent à deux (2) fois" in detail


def test_an_app_with_a_chart_keeps_its_table_under_the_chart():
    app = LatePaymentApp(vendors=["teogest"], lang="en")
    children = list(app.widget.children)
    assert children.index(app.output) < children.index(app.notes) < children.index(
        app.table_output)
