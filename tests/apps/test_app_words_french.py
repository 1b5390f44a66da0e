"""Every app of the dashboard, built in French for every vendor, shows French words only: no
common English word in what a reader sees (the HTML lines, the charts' texts, the styled
tables and the tables shown under them, the controls' labels and choices).

The scan looks for words that are English and never French ("the", "per", "month",
"billed", "carried forward"...), whole words only, in the text a browser shows. The
contracts' quotes are French, and vendor names and statute ids hold none of these words, so
no allowance is needed for them; only a command to type (« python -m cgvlib rates add ») is
left out. What the app's output areas show is what ``App._show``
displays there: the figure (or the styled table) and :meth:`App.shown_table`; the areas
themselves stay empty without a kernel, so the scan reads those objects directly.

Beside the default scenario of each vendor, the scan covers the scenarios that bring the
reference layer's words onto the page: a date past the reference data (the notice that
refuses it) and the same date with the last known values carried forward (the provisional
notes), and the notice app's second chart (the exit cost by date)."""

from __future__ import annotations

import re

import ipywidgets as widgets
import matplotlib.pyplot as plt
import pytest
from pandas.io.formats.style import Styler

from cgvlib.apps.base import readable_table
from cgvlib.apps.dashboard import dashboard
from cgvlib.apps.sla import sla_vendors
from tests.apps.test_app_language import control_texts, visible
from tests.report.test_page_language import chart_texts

VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout", "statutory"]
NOTICE_VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout"]

# English words no French sentence holds (French look-alikes left out: « on », « due »,
# « notice », « date », « a », « article », « total », « clause », « minimum », « met »).
ENGLISH = re.compile(
    r"\b(?:the|of|and|is|are|was|not|per|month|months|day|days|year|years|until|billed|"
    r"when|floor|adds|index|revised|carried|forward|data|from|with|which|this|that|"
    r"for|by|at|or|to|in|its|their|after|before|past|than|then|only|every|each|"
    r"late|paid|last|first|letter|sent|cost|price|amount|interest|penalty|provisional|"
    r"reading|readings|default|see|would|should|must|can|cannot|will|no|none|yes|"
    r"rate|rates|end|ends|term|renewed|deadline|missed|given|known|value|values)\b",
    re.IGNORECASE)


# What a French page may hold that the scan would take for English: a command to type
# (« python -m cgvlib rates add », --assume-last).
COMMANDS = re.compile(r"python -m cgvlib(?: [a-z-]+)*|--[a-z-]+")

def english_words(text: str) -> set[str]:
    """The English words of ``text``, lower case (commands to type left out)."""
    return {word.lower() for word in ENGLISH.findall(COMMANDS.sub(" ", text))}


def widget_texts(widget: widgets.Widget) -> list[str]:
    """The visible text of ``widget`` and of every widget inside it: an HTML or label value,
    a control's label, tooltip, placeholder and choices, an output area's text and HTML."""
    texts = []
    if isinstance(widget, widgets.HTML | widgets.HTMLMath):
        texts.append(visible(widget.value))
    elif isinstance(widget, widgets.Label):
        texts.append(widget.value)
    elif isinstance(widget, widgets.Output):
        for output in widget.outputs:
            data = output.get("data", {})
            texts.append(visible(data["text/html"]) if "text/html" in data
                         else data.get("text/plain", output.get("text", "")))
    elif not isinstance(widget, widgets.Box):
        texts += control_texts(widget)
    for child in getattr(widget, "children", ()):
        texts += widget_texts(child)
    return [text for text in texts if text]


def shown_texts(app) -> dict[str, str]:
    """Each part of one app (``"widgets"``, ``"chart"``, ``"table"``, ``"detail"``) -> its
    visible text; a table app's choice set to its first offered row."""
    choice = getattr(app, "choice", "")
    if choice and len(app.controls[choice].options) > 1:
        app.controls[choice].value = app.controls[choice].options[1][1]
    parts = {"widgets": " | ".join(widget_texts(app.widget))}
    if isinstance(app.figure, Styler):
        parts["table"] = visible(readable_table(app.figure).data)
    elif app.figure is not None:
        parts["chart"] = chart_texts(app.figure)
    shown = app.shown_table()
    if shown is not None:
        parts["detail"] = visible(shown.data)
    return parts


def english_in(board) -> dict[str, list[str]]:
    """``"<tab> <part>"`` -> the English words found there, for each app of ``board``."""
    found = {}
    for title, app in board.apps.items():
        for part, text in shown_texts(app).items():
            words = english_words(text)
            if words:
                found[f"{title} {part}"] = sorted(words)
    plt.close("all")
    return found


def test_the_scan_finds_english_words_and_not_french_ones():
    assert english_words("10.00 % per month (the floor adds 2 points)") == {
        "per", "month", "the", "floor", "adds"}
    assert english_words("provisional: the last known rate carried forward") == {
        "provisional", "the", "last", "known", "rate", "carried", "forward"}
    assert english_words("Index revised; data from 2024-01, billed until 30 June") == {
        "index", "revised", "data", "from", "billed", "until"}
    # French that looks alike: « due », « on », « notice », « date », « total »
    assert english_words("la somme est due à réception ; on lit la notice, total à date") == set()
    assert english_words("« le jour suivant la date de règlement figurant sur la facture »"
                         " (art. L441-10 II)") == set()
    assert english_words("taux révisé ; données jusqu'au 30 juin 2026") == set()
    assert english_words("ajoutez la valeur (« python -m cgvlib rates add ») ou --assume-last"
                         ) == set()
    assert english_words("10.00 % per month") == {"per", "month"}


def test_the_walk_reads_the_widgets_inside_boxes():
    box = widgets.VBox([widgets.HTML("<b>the floor</b><style>p{}</style>"),
                        widgets.HBox([widgets.Dropdown(options=[("per month", 1)],
                                                       description="billed")])])
    assert widget_texts(box) == ["the floor", "billed", "per month"]


@pytest.mark.parametrize("vendor", VENDORS)
def test_every_app_is_wholly_french_for_each_vendor(vendor):
    with_sla = [vid for _name, vid in sla_vendors()]
    settings = {"Service credits (SLA)": {"vendor": vendor if vendor in with_sla
                                          else with_sla[0], "month": "2024-03"}}
    if vendor in NOTICE_VENDORS:
        settings["Notice and exit"] = {"vendor": vendor,
                                       "commitment_months": 12 if vendor == "gout" else None}
    else:  # the law's default terms: compared and priced beside a vendor, not alone
        settings["Price revision"] = settings["Compliance findings"] = {"vendors": ["teogest"]}
    board = dashboard([vendor], settings, lang="fr")
    assert all(app.error is None for app in board.apps.values()), {
        title: app.error for title, app in board.apps.items()}
    assert english_in(board) == {}
    notice = board.apps["Notice and exit"]
    notice.controls["chart"].value = "exit cost"
    assert notice.error is None
    found = {part: sorted(english_words(text)) for part, text in shown_texts(notice).items()}
    assert not {part: words for part, words in found.items() if words}
    plt.close("all")


@pytest.mark.parametrize("assume_last", [False, True])
def test_a_scenario_past_the_reference_data_is_told_in_french(assume_last):
    # a payment and a price path two years past the data: refused with a notice, or computed
    # on the last known values carried forward, marked provisional
    settings = {"Late payment": {"due": "2028-01-10", "paid": "2028-03-10",
                                 "assume_last": assume_last},
                "Price revision": {"until": "2028-06-30", "assume_last": assume_last}}
    board = dashboard(["teogest", "leappy", "statutory"], settings, lang="fr")
    late = board.apps["Late payment"]
    assert (late.error is None) == assume_last  # refused with a notice, or provisional figures
    assert english_in(board) == {}



def test_a_vendor_files_note_is_shown_in_french_or_not_at_all():
    from cgvlib.apps.compare import shown_note

    # Michaël GOUT's VAT note has its French in the catalog
    note = ('"Depuis octobre 2019, le Prestataire est soumis à TVA" (month only, no day). '
            "Prices are stated excluding VAT unless otherwise mentioned.")
    assert shown_note(note, "fr") == (
        "« Depuis octobre 2019, le Prestataire est soumis à TVA » (le mois seulement, sans "
        "jour). Les prix sont donnés hors TVA sauf mention contraire.")
    assert shown_note(note, "en") == note
    # a note without French yet is left out of a French page rather than shown in English
    assert shown_note("A note the catalog does not hold.", "fr") is None
    assert shown_note(None, "fr") is None
