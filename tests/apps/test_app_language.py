"""Every app, in French and in English, as a reader sees it: its title, every control's label,
tooltip and options, the message line, the chart's texts (title, axes, ticks, legend, notes)
and the tables shown (the styled table of the comparison and findings apps, the table or the
chosen row's detail under it). No code identifier (snake_case), no ``True``/``False``/
``None``/``nan``, and in French no English severity (``breach``...) and no English label.

The scan is the one of ``tests/report/test_page_language.py`` (its patterns and its reading of
HTML and charts), applied to the widgets instead of the report's cells."""

from __future__ import annotations

import html
import re

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest
from pandas.io.formats.style import Styler

from cgvlib.apps.base import readable_table
from cgvlib.apps.dashboard import TABS, dashboard
from cgvlib.i18n import translate
from tests.report.test_page_language import (
    ENGLISH_SEVERITIES,
    PYTHON_VALUES,
    SNAKE_CASE,
    VisibleText,
    chart_texts,
)

VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout", "statutory"]
# The library's own English sentences, which a French table introduces as such (the findings'
# explanations, the comparison's cell descriptions: the caption says so): there "breach" or
# "risk" is a word, not a raw severity.
STILL_IN_ENGLISH = {"findings table", "findings detail", "compare table", "compare detail"}


def visible(page: str) -> str:
    parser = VisibleText()
    parser.feed(page)
    return " ".join(parser.parts)


def control_texts(control: widgets.Widget) -> list[str]:
    """What a reader sees of a control: its label, tooltip, placeholder and options' names."""
    texts = [getattr(control, name, "") or "" for name in ("description", "tooltip",
                                                           "placeholder")]
    options = getattr(control, "options", ())
    texts += [option[0] if isinstance(option, tuple) else str(option) for option in options]
    return [t for t in texts if t]


def app_texts(title: str, app) -> dict[str, str]:
    """Each part of one app (``"<tab> controls"``...) -> its visible text, with its choice
    control (a table app's cell or finding) set to the first offered row."""
    choice = getattr(app, "choice", "")
    if choice and len(app.controls[choice].options) > 1:
        app.controls[choice].value = app.controls[choice].options[1][1]
    key = {"Compare the terms": "compare", "Compliance findings": "findings"}.get(title, title)
    parts = {
        f"{key} title": visible(app.widget.children[0].value),
        f"{key} controls": " | ".join(t for c in app.controls.values()
                                      for t in control_texts(c)),
        f"{key} message": visible(app.message.value),
        f"{key} notes": visible(app.notes.value),
    }
    if isinstance(app.figure, Styler):
        parts[f"{key} table"] = visible(readable_table(app.figure).data)
    elif app.figure is not None:
        parts[f"{key} chart"] = chart_texts(app.figure)
    shown = app.shown_table()
    if shown is not None:
        parts[f"{key} detail"] = visible(shown.data)
    return parts


def leaks(part: str, text: str, lang: str) -> set[str]:
    found = set(SNAKE_CASE.findall(text)) | set(PYTHON_VALUES.findall(text))
    if lang == "fr" and part not in STILL_IN_ENGLISH:
        found |= set(ENGLISH_SEVERITIES.findall(text))
    return found


@pytest.fixture(scope="module", params=["fr", "en"])
def board(request):
    made = dashboard(VENDORS, lang=request.param)
    yield request.param, made
    plt.close("all")


def test_every_app_speaks_the_readers_language(board):
    lang, made = board
    texts = {}
    for title, app in made.apps.items():
        assert app.error is None, (title, app.error)
        texts.update(app_texts(title, app))
    assert all(texts[f"{k} title"] for k in ("compare", "findings", "Late payment"))
    found = {part: sorted(leaks(part, text, lang)) for part, text in texts.items()}
    assert not {part: words for part, words in found.items() if words}


def test_the_tabs_and_titles_are_in_the_readers_language(board):
    lang, made = board
    titles = list(made.widget.titles)
    if lang == "en":
        assert titles == list(TABS)
        return
    assert titles == ["Comparer les conditions", "Retard de paiement",
                      "Crédits de service (SLA)", "Préavis et sortie", "Révision des prix",
                      "Constats de conformité", "Votre grand livre"]
    assert made.apps["Late payment"].controls["amount"].description == "Montant (EUR)"
    # every label, option and title has a French entry (none left in English)
    for app in made.apps.values():
        assert translate(app.title, "fr") != app.title
        for name, control in app.controls.items():
            description = getattr(control, "description", "")
            assert not description or translate(description, "fr") == description, name


# the column names of the tables the apps show: each has a French entry in the catalog
HEADERS = re.compile(r"<th[^>]*>(.*?)</th>", re.S)


def test_french_table_headers_are_french():
    made = dashboard(VENDORS, lang="fr")
    for title in ("Late payment", "Service credits (SLA)", "Notice and exit",
                  "Price revision"):
        app = made.apps[title]
        page = app.shown_table().data
        headers = {html.unescape(visible(h)).strip() for h in HEADERS.findall(page)} - {""}
        english = {h for h in app.frame.columns.map(lambda c: str(c).replace("_", " "))}
        untranslated = {h for h in headers & english if translate(h, "fr") == h}
        # a word the same in both languages (« article », « total ») is in the catalog
        assert untranslated <= {"article", "total", "clause"}, (title, untranslated)
    plt.close("all")


@pytest.mark.parametrize(("title", "control", "typed", "message"), [
    ("Late payment", "due", "31/02/2024",
     "Échéance : « 31/02/2024 » n'est pas une date : février 2024 a 29 jours ; écrivez une "
     "date telle que 15/03/2024, 15 mars 2024 ou 2024-03-15"),
    ("Late payment", "amount", "dix mille",
     "Montant (EUR) : « dix mille » n'est pas un nombre d'euros ; écrivez un montant tel que "
     "10 000,50 ou 10000.50"),
    ("Notice and exit", "notice_sent", "",
     "lettre envoyée : vide ; écrivez une date telle que 15/03/2024, 15 mars 2024 ou "
     "2024-03-15"),
    ("Service credits (SLA)", "downtime", "une heure",
     "Indisponibilité : « une heure » n'est pas une durée ; tapez « 1h30 » (1 h 30 min)"),
    ("Price revision", "until", "2022-01-01",
     "Jusqu'au : le 1er janvier 2022 est avant la date où le prix a été fixé (15 mars 2023) ; "
     "choisissez une date plus tardive"),
])
def test_a_bad_entry_is_refused_in_french_in_one_line(title, control, typed, message):
    app = dashboard(VENDORS, lang="fr").apps[title]
    figure = app.figure
    app.controls[control].value = typed
    assert app.error is not None and app.error.startswith(message), app.error
    assert "\n" not in app.error and not SNAKE_CASE.search(app.error)
    assert app.figure is figure  # the last good figure stays
    plt.close("all")


def test_the_scan_finds_what_it_looks_for():
    assert leaks("Late payment controls", "Échéance | None | due_date", "fr") == {
        "None", "due_date"}
    assert leaks("findings controls", "manquement | breach", "fr") == {"breach"}
    assert leaks("findings table", "a breach of L441-10", "fr") == set()
    assert leaks("Late payment chart", "breach", "en") == set()
