"""A French lesson is French in its outputs too: the text a French edition's code cells show
(printed results, tables, in text or HTML) holds no common English word and no snake_case
identifier, and no figure with a decimal point before its unit (``52.8 s``, ``4.5 %``: French
writes ``52,8 s``). The contracts' own words between «quotes» are left out (they are quoted as
written), so are vendor names and statute ids (which no word below matches).

The editions are executed once, by tests/notebooks/test_notebooks.py
(``test_runs_headless_through_papermill``, default parameters), which calls
:func:`english_in_outputs` on each French edition it runs; the tests here check the scan
itself on outputs written by hand."""

from __future__ import annotations

import html
import re

# Common English words a library output would carry untranslated (word boundaries, any case)
ENGLISH_WORDS = [
    "the", "and", "of", "is", "to", "per", "month", "months", "day", "days", "until",
    "billed", "not", "when", "floor", "from", "which", "with", "paid", "late", "owed",
    "reading", "readings", "provisional", "vendor", "notice", "rate", "amount", "interest",
    "period", "statutory", "applies", "deadline", "none", "true", "false", "what", "rule",
]
ENGLISH = re.compile(r"\b(" + "|".join(ENGLISH_WORDS) + r")\b", re.IGNORECASE)
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
POINT_FIGURE = re.compile(r"\b\d+\.\d+(?=\s?(?:s\b|min\b|h\b|%|€|EUR\b|jours?\b))")
QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
HTML_TAG = re.compile(r"<style.*?</style>|<[^>]+>", re.DOTALL)

def shown_texts(cell: dict) -> list[str]:
    """The text a reader sees in a code cell's outputs: printed text, and each result's HTML
    (its tags left out) or else its plain text; a chart's plain text (its ``<Figure ...>``
    repr, under the image) is not shown."""
    texts = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream" and output.get("name") == "stdout":
            texts.append("".join(output["text"]))
        data = output.get("data", {})
        if "text/html" in data:
            texts.append(html.unescape(HTML_TAG.sub(" ", "".join(data["text/html"]))))
        elif "text/plain" in data and not any(kind.startswith("image/") for kind in data):
            texts.append("".join(data["text/plain"]))
    return texts


def english_in_outputs(notebook: dict) -> list[str]:
    """One line per code cell whose outputs show English: the cell's index, its first line,
    and the English words and identifiers found (outside «quotes»)."""
    found = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        words: set[str] = set()
        for text in shown_texts(cell):
            text = QUOTED.sub(" ", text)
            words |= {w.lower() for w in ENGLISH.findall(text)} | set(SNAKE_CASE.findall(text))
            words |= set(POINT_FIGURE.findall(text))
        if words:
            first = "".join(cell["source"]).split("\n")[0]
            found.append(f"cell {index} ({first}): {sorted(words)}")
    return found


def _notebook(*outputs) -> dict:
    return {"cells": [{"cell_type": "code", "source": ["x"], "outputs": list(outputs)}]}


def test_english_words_and_identifiers_are_found():
    printed = {"output_type": "stream", "name": "stdout",
               "text": ["statutory: 10,000.00 EUR paid 50 days late: interest 197.26 EUR\n",
                        "downtime 2 min 52.8 s\n"]}
    table = {"output_type": "execute_result",
             "data": {"text/html": "<table><tr><th>last_day_to_send_notice</th></tr></table>",
                      "text/plain": "ignored when there is HTML"}}
    found = english_in_outputs(_notebook(printed, table))
    assert len(found) == 1
    for word in ("statutory", "paid", "days", "late", "interest", "last_day_to_send_notice",
                 "197.26", "52.8"):
        assert word in found[0]


def test_french_quotes_vendor_names_and_charts_pass():
    printed = {"output_type": "stream", "name": "stdout",
               "text": ["Règles supplétives : 10 000,00 € payés avec 50 jours de retard ; "
                        "Michaël GOUT, art. L441-10 II « the rate is not late »\n"]}
    table = {"output_type": "display_data",
             "data": {"text/html": "<style>td { color: red }</style><td>fournisseur</td>"}}
    chart = {"output_type": "display_data",
             "data": {"image/png": "", "text/plain": "<Figure size 640x480 with 2 Axes>"}}
    assert english_in_outputs(_notebook(printed, table, chart)) == []
