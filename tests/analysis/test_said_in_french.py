"""The findings and the comparison said in French: the same figures, Babel's formats, the
catalog's words; the English kept as the library always wrote it.

A finding's ``explanation`` and ``rule`` are strings holding their English (so the English
tests read them unchanged) that :func:`cgvlib.i18n.say` gives in French; a comparison cell is
said in the table's language (``compare(..., lang="fr")``)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cgvlib
from cgvlib.analysis.compare import compare, compare_long
from cgvlib.analysis.words import article_words, duration_words, eur_words
from cgvlib.arithmetic.statutory import statutory
from cgvlib.i18n import say
from cgvlib.model.base import Duration
from cgvlib.money import format_eur
from tests.analysis.checks_support import ambiguity, build, rows, run
from tests.analysis.test_checks_penalties_outliers import monthly

ENGLISH_WORDS = re.compile(r"\b(?:the|of|and|is|not|with|under|per)\b")
NBSP, NNBSP = "\u00a0", "\u202f"  # Babel's French: before €, between thousands
VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout"]


@pytest.fixture(scope="module")
def findings():
    return cgvlib.check_all()


def test_a_finding_keeps_its_english_and_says_itself_in_french(findings):
    for column in ("explanation", "rule"):
        for words in findings[column]:
            assert say(words, "en") == str(words)  # the English of the library, unchanged
            french = say(words, "fr")
            assert "{" not in french and "}" not in french, french  # every value filled in
            assert not ENGLISH_WORDS.findall(french), french


def test_every_comparison_cell_is_french_on_a_french_table():
    table = compare([*(cgvlib.vendor(v) for v in VENDORS), statutory()], lang="fr")
    for cell in table.to_numpy().ravel():
        assert not ENGLISH_WORDS.findall(cell), cell
    # the English table is the one the library always gave
    assert compare(VENDORS).equals(compare(VENDORS, lang="en"))


def test_the_comparison_says_a_clause_in_french():
    # Leappy: « deux fois le taux d'intérêt légal », taken at the invoice date; the indemnity
    # « 40 euros » per invoice is not in its text (the law's words then)
    long = compare_long(["leappy"], ["late_payment", "recovery_indemnity"], lang="fr")
    text = dict(zip(long["item"], long["text"], strict=True))
    assert text["rate"] == "2 fois le taux légal, fixé à la facturation"
    assert text["penalty base"] == "montant HT"
    assert text[""] == "texte muet (loi : 40 € par facture, D441-5)"
    english = compare_long(["leappy"], ["late_payment"])
    assert english.loc[english["item"] == "rate", "text"].item() == (
        "2x legal rate, fixed at invoicing")


def test_a_penalty_finding_in_french(example_data, write_vendor):
    # 10 % a month pro rata on 10,000 EUR, 60 days late: 10 % x 60 x 12 / 365 = 19.726 %
    # -> 1,972.60 EUR, 8.3 times the statutory 238.36 EUR (ECB 4.50 % + 10 = 14.50 % a year)
    v = build(write_vendor, monthly(example_data, 10))
    [f] = rows(run(v), "late_penalty_manifestly_excessive")
    french = say(f["explanation"], "fr")
    assert f"1{NNBSP}972,60{NBSP}€ (8,3 fois)" in french
    assert f"contre 238,36{NBSP}€ au taux légal supplétif" in french
    assert f"10{NNBSP}000 € facturés le 14 février 2024, échus le 15 mars 2024" in french
    assert "1,972.60 EUR (8.3 times)" in f["explanation"]  # the English, as it was


def test_a_reading_is_named_in_french_in_a_finding(example_data, write_vendor):
    amb = ambiguity({"one": {}, "ten": {"rule": {"percent": 10}}}, default="one")
    v = build(write_vendor, monthly(example_data, 1, amb))
    [f] = rows(run(v), "late_penalty_manifestly_excessive")
    assert "selon la lecture ten (autre que celle par défaut, one)" in say(f["explanation"],
                                                                           "fr")


@pytest.mark.parametrize(("text", "french"), [
    ("10 jours_ouvres", "10 jours ouvrés"),
    ("1 jours_ouvres", "1 jour ouvré"),
    ("2 weeks", "2 semaines"),
    ("1 months", "1 mois"),
    ("30 calendar_days", "30 jours"),
    ("72 working_hours", "72 heures ouvrées"),
    ("1 years", "1 an"),
])
def test_a_duration_in_french_units(text, french):
    duration = Duration.parse(text)
    assert say(duration_words(duration), "en") == str(duration)  # the library's English
    assert say(duration_words(duration), "fr") == french


def test_an_article_remark_in_french():
    assert say(article_words("Prix (unnumbered)"), "fr") == "Prix (non numéroté)"
    assert say(article_words("5AB2 (second heading of that number)"), "fr") == (
        "5AB2 (second titre portant ce numéro)")
    assert say(article_words("Prix (unnumbered)"), "en") == "Prix (unnumbered)"
    assert say(article_words("7.1 (see annex)"), "fr") == "7.1 (see annex)"  # not a remark


@given(st.integers(min_value=0, max_value=10**12))
def test_an_amount_reads_as_the_library_wrote_it_and_as_babel_formats_it(cents):
    words = eur_words(cents)
    assert say(words, "en") == f"{cents // 100:,}.{cents % 100:02d} EUR"
    assert say(words, "fr") == format_eur(cents, "fr")


@given(st.integers(min_value=1, max_value=10**9), st.integers(min_value=1, max_value=1000))
def test_a_fraction_of_cents_is_rounded_half_up_once(numerator, denominator):
    from fractions import Fraction

    exact = Fraction(numerator, denominator)
    whole = int(exact) + (1 if exact - int(exact) >= Fraction(1, 2) else 0)
    assert say(eur_words(exact), "fr") == format_eur(whole, "fr")


def test_a_duration_with_decimals():
    assert say(duration_words(Duration(value=Decimal("1.5"), unit="hours")), "fr") == (
        "1,5 heure")  # French counts below 2 in the singular
