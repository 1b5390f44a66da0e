"""The report's details fold (no kernel): charts, findings and the clause table each sit in a
closed ``<details>`` under a line saying what it holds; charts are PNGs of 256 colours."""

from __future__ import annotations

import base64
import io
import re

import pytest
from PIL import Image

from cgvlib.report.sections import prepare


@pytest.fixture(scope="module")
def report():
    return prepare(vendors=["teogest", "gout"], invoice_amount=10000, due="2024-03-01",
                   paid="2024-04-15", unavailability_percent=0.5, monthly_amount=1000,
                   contract_start="2024-01-31", notice_date="2024-12-05",
                   commitment_months={"gout": 12})


def test_charts_fold_as_small_palette_images(report):
    page = report.charts("late_payment").data
    assert page.startswith("<details><summary>Graphiques (2)</summary>")
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', page)
    assert len(images) == 2  # the cost by days late and the penalty rate over time
    image = Image.open(io.BytesIO(base64.b64decode(images[0])))
    assert image.mode == "P" and len(image.getcolors(256)) <= 256


def test_findings_and_clauses_fold_under_a_line_saying_what_they_hold(report):
    findings = report.folded_findings().data
    count = len(report.findings)
    assert findings.startswith(f"<details><summary>Les {count} constatations, avec l'article "
                               "et la citation</summary>")
    assert "<table" in findings and "<details open" not in findings
    clauses = report.folded_comparison().data
    assert clauses.startswith("<details><summary>Le tableau des clauses, une colonne par "
                              "fournisseur</summary>")
