"""The dashboard's two editions: ``notebooks/dashboard.ipynb`` is written in French (the page
``make dashboard`` serves), ``notebooks/dashboard.en.ipynb`` is its English edition, made from
it by :func:`cgvlib.teaching.edition.edition`, so that each page's prose speaks the language of
its apps."""

from __future__ import annotations

import json

from cgvlib.teaching.edition import edition, translations_missing
from tests.conftest import ROOT

FRENCH = ROOT / "notebooks" / "dashboard.ipynb"
ENGLISH = ROOT / "notebooks" / "dashboard.en.ipynb"


def read(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def prose(notebook: dict) -> str:
    return "\n".join("".join(c["source"]) for c in notebook["cells"]
                     if c["cell_type"] == "markdown")


def parameters(notebook: dict) -> str:
    return "".join(next(c["source"] for c in notebook["cells"]
                        if "parameters" in c["metadata"].get("tags", [])))


def test_the_english_edition_is_made_from_the_french_source():
    assert read(ENGLISH) == edition(read(FRENCH), "en"), (
        "regenerate notebooks/dashboard.en.ipynb: "
        "cgvlib.teaching.edition.edition(source, 'en')")


def test_each_edition_speaks_one_language():
    french, english = read(FRENCH), read(ENGLISH)
    assert translations_missing(french, "en") == []
    assert 'lang = "fr"' in parameters(french) and 'lang = "en"' in parameters(english)
    assert prose(french).startswith("# Le tableau de bord : toutes les applications du classeur")
    assert prose(english).startswith("# The dashboard: every app of the workbook on one page")
    assert "| Votre grand livre | sur l'ensemble de nos factures" in prose(french)
    assert "| Your ledger | across our invoices, what could each vendor claim? |" in prose(english)
    for english_word in (" the ", " tab ", " which ", " every "):
        assert english_word not in prose(french)
    code = [c["source"] for c in french["cells"] if c["cell_type"] == "code"]
    assert code[1:] == [c["source"] for c in english["cells"] if c["cell_type"] == "code"][1:]
