"""An exercise does not give itself away: each lesson of ``notebooks/teaching/`` is executed
headless with its default parameters (no answer given), and no exercise's expected value
appears, in any form a reader would recognise, in the prose or the outputs of the cells before
that exercise's check cell (``exercises[<key>].check(...)``).

The expected values come from :func:`cgvlib.teaching.lesson`, the same exercises the notebook
checks against; the forms are the ones the library and a reader write: ``2024-11-30``,
``30/11/2024``, ``30 November 2024``, ``30 novembre 2024``, ``6.18`` and ``6,18``,
``14,000.00`` and ``14 000,00``, ``2 months``, ``20 min 9.6 s``... The French editions
(``notebooks/teaching/fr/``) are checked the same way."""

from __future__ import annotations

import ast
import datetime as dt
import json
import re
from decimal import Decimal

import pytest

from cgvlib.teaching import lesson, lesson_names
from tests.conftest import ROOT

TEACHING = ROOT / "notebooks" / "teaching"
# each lesson, and its editions in other languages (notebooks/teaching/fr/...)
LESSONS = [TEACHING / f"{name}.ipynb" for name in lesson_names()] + sorted(
    (TEACHING / "fr").glob("*.ipynb"))
CHECK = re.compile(r"exercises\[(.+?)\]\.check\(")
SPACES = ("", " ", ",", "\u00a0", "\u202f")
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
MONTHS_FR = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]


def date_forms(day: dt.date) -> list[str]:
    first = "1er" if day.day == 1 else str(day.day)
    forms = [day.isoformat(), f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}",
             f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
             f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}",
             f"{day.day} {MONTHS_FR[day.month - 1]} {day.year}",
             f"{first} {MONTHS_FR[day.month - 1]} {day.year}"]
    if (day.month, day.day) in ((1, 1), (7, 1)):  # the first day of a semester
        forms.append(f"{day.year}-S{1 if day.month == 1 else 2}")
    return forms


def number_forms(value: Decimal, unit: str) -> list[str]:
    """The ways a number is written; a whole amount only with its cents or its currency, and a
    count only with its unit (a bare ``2`` is everywhere)."""
    whole, cents = divmod(abs(value).quantize(Decimal("0.01")), 1)
    units = f"{int(whole):,}"
    decimals = f"{cents:.2f}"[2:]
    forms = []
    for sep in SPACES:
        grouped = units.replace(",", sep)
        forms += [f"{grouped}.{decimals}", f"{grouped},{decimals}"]
        if decimals.endswith("0") and decimals != "00":
            forms += [f"{grouped}.{decimals[0]}", f"{grouped},{decimals[0]}"]
        if decimals == "00" and unit == "EUR":
            forms += [f"€{grouped}", f"{grouped} EUR", f"{grouped} €", f"{grouped}\u00a0€"]
        if decimals == "00" and unit in ("days", "months"):
            word = {"days": ("day", "jour"), "months": ("month", "mois")}[unit]
            forms += [f"{grouped} {w}" for w in word]
    if unit == "minutes":
        seconds = (value - int(value)) * 60
        forms += [f"{int(value)} {m} {seconds.normalize()}" for m in ("min", "mn")]
    return sorted(set(forms))


def forms_of(exercise) -> list[str]:
    value = exercise.answer()
    return date_forms(value) if exercise.unit == "date" else number_forms(value, exercise.unit)


def found(form: str, text: str) -> bool:
    """``form`` in ``text`` as a whole: not inside a longer number or date."""
    return re.search(r"(?<![\d.,/-])" + re.escape(form) + r"(?![\d]|[.,/-]\d)", text) is not None


def cell_text(cell) -> str:
    """What a reader sees of a cell: its prose, or its outputs (text, HTML, errors)."""
    if cell["cell_type"] == "markdown":
        return "".join(cell["source"])
    parts = []
    for output in cell.get("outputs", []):
        parts.append("".join(output.get("text", "")))
        for kind in ("text/plain", "text/html", "text/markdown"):
            parts.append("".join(output.get("data", {}).get(kind, "")))
        parts.append("\n".join(output.get("traceback", [])))
    return "\n".join(parts)


def check_cells(nb) -> list[tuple[int, object]]:
    cells = []
    for index, cell in enumerate(nb["cells"]):
        match = CHECK.search("".join(cell["source"])) if cell["cell_type"] == "code" else None
        if match:
            cells.append((index, ast.literal_eval(match.group(1))))
    return cells


def test_forms_are_found_whole_and_only_whole():
    assert found("30 November 2024", "by 30 November 2024, the")
    assert not found("2024-11-30", "2024-11-301")
    assert found("6.18", "a floor of 6.18 %")
    assert not found("6.18", "16.18 %") and not found("6.18", "6.185")
    assert "14 000,00" in number_forms(Decimal("14000.00"), "EUR")
    assert "2 month" in number_forms(Decimal(2), "months")  # found in "2 months" too
    assert "2" not in number_forms(Decimal(2), "months")
    assert "20 min 9.6" in number_forms(Decimal("20.16"), "minutes")
    assert "2023-S1" in date_forms(dt.date(2023, 1, 1))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.relative_to(TEACHING.parent).as_posix())
def test_no_exercise_answer_appears_before_its_check(path, tmp_path):
    papermill = pytest.importorskip("papermill")
    executed = tmp_path / path.name
    papermill.execute_notebook(str(path), str(executed), cwd=str(path.parent),
                               kernel_name="python3", progress_bar=False,
                               execution_timeout=300, start_timeout=120)
    nb = json.loads(executed.read_text(encoding="utf-8"))
    exercises = lesson(path.stem, nb["metadata"].get("cgvlib", {}).get("lang", "en"))
    checks = check_cells(nb)
    assert sorted(map(str, (key for _, key in checks))) == sorted(map(str, exercises)), (
        f"{path.name}: every exercise needs one check cell")
    leaks = []
    for index, key in checks:
        forms = forms_of(exercises[key])
        for before in range(index):
            text = cell_text(nb["cells"][before])
            leaks += [f"exercise {key}: {form!r} in cell {before}" for form in forms
                      if found(form, text)]
    assert not leaks, f"{path.name} gives answers away: " + "; ".join(leaks)
