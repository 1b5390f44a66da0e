"""A French report's findings and clause comparison are wholly French, an English one wholly
English: the library's sentences (a finding's explanation, its rule, a comparison cell, the
vendor files' own English words) are said in the page's language, and no line on a French page
says that a part is in English.

The scan looks for the commonest English words (" the ", " of ", " and ", " is ", " not "),
which no French sentence holds; the contracts' quotes are French. It reads the text a browser
shows of the two folded parts (:func:`tests.report.test_page_language.shown`)."""

from __future__ import annotations

import re

import pytest

from cgvlib.report.sections import prepare
from tests.report.test_page_language import FIVE, SCENARIO, shown

ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|is|not|vendor|family|item|statutory)\b",
                           re.IGNORECASE)
PARTS = ("folded_findings", "folded_comparison")


def english_words(text: str) -> set[str]:
    """The common English words in ``text`` (lower case)."""
    return {word.lower() for word in ENGLISH_WORDS.findall(text)}


def test_the_scan_finds_english_words_and_not_french_ones():
    assert english_words("The penalty is below the floor") == {"the", "is"}
    assert english_words("sums of money and rates, not stated") == {"of", "and", "not"}
    # the table's own English (its index names, the law's column)
    assert english_words("vendor family item Statutory default") == {
        "vendor", "family", "item", "statutory"}
    # French words that look alike are not English: « de », « est », « on », « due »
    assert english_words("la facture est due à réception ; on compte les jours") == set()


@pytest.mark.parametrize("vendor", FIVE)
def test_a_french_page_says_its_findings_and_comparison_in_french(vendor):
    report = prepare(vendors=[vendor], lang="fr", **SCENARIO)
    texts = {part: shown(getattr(report, part)()) for part in PARTS}
    assert all(texts.values())  # the parts were rendered
    found = {part: sorted(english_words(text)) for part, text in texts.items()}
    assert not {part: words for part, words in found.items() if words}
    for text in texts.values():  # no line saying a part is in English
        assert "anglais" not in text
        assert "Content-Type" not in text  # an empty row name is not the catalog's header


def test_the_same_finding_reads_in_english_on_an_english_page():
    # Teogest's rate, the legal rate plus three points, in 2023-S1: 2.06 + 3 = 5.06 % against
    # a floor of 3 x 2.06 = 6.18 % (legal rate of 2023-S1, professional creditors: 2.06 %)
    english = shown(prepare(vendors=["teogest"], lang="en", **SCENARIO).folded_findings())
    french = shown(prepare(vendors=["teogest"], lang="fr", **SCENARIO).folded_findings())
    assert "5.06 % against a floor of 3 x 2.06 = 6.18 %" in english
    assert "5,06 % contre un plancher de 3 x 2,06 = 6,18 %" in french
    # the clause comparison: Teogest's rate, « taux d'intérêt légal, majoré de trois points »
    english = shown(prepare(vendors=["teogest"], lang="en", **SCENARIO).folded_comparison())
    french = shown(prepare(vendors=["teogest"], lang="fr", **SCENARIO).folded_comparison())
    assert "legal rate + 3 pts" in english and "taux légal + 3 points" in french
