"""The comparison tables: the styled clause-by-vendor table (its data is exactly
``cgvlib.compare``; ambiguous cells highlighted, silent ones greyed; every cell's article and
quote in its tooltip), the citations behind a cell, the ambiguity list, and one scenario's
figures across vendors (money formatted from the already-rounded amounts)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

import pandas as pd
import pytest
from pandas.io.formats.style import Styler

import cgvlib
from cgvlib.i18n import translate
from cgvlib.views.tables import (
    AMBIGUOUS_BACKGROUND,
    SILENT_STYLE,
    ambiguities_table,
    citations_table,
    comparison_cells,
    comparison_table,
    format_money,
    full_text,
    scenario_table,
    tier_words,
    vendors_table,
)

TWO = ["teogest", "leappy"]


def cell_css(styler: Styler, row: tuple, column: str) -> str:
    """The CSS the rendered HTML gives one cell (from the <style> rules naming its id)."""
    html = styler.to_html()
    table_id = re.search(r'<table id="(T_\w+)"', html).group(1)
    i = styler.data.index.get_loc(row)
    j = list(styler.data.columns).index(column)
    cell_id = f"#{table_id}_row{i}_col{j}"
    css = []
    for selectors, props in re.findall(r"([^{}]+)\{([^{}]*)\}", html.split("</style>")[0]):
        if cell_id in [s.strip() for s in selectors.split(",")]:
            css += [p.strip() for p in props.split(";") if p.strip()]
    return "; ".join(css)


# --- comparison_table --------------------------------------------------------------------------


@pytest.mark.parametrize(("vendors", "families"), [
    (TWO, ["late payment"]),
    (["janquor", "iosmart", "gout"], ["payment terms", "service levels", "jurisdiction"]),
    (None, None),
])
def test_data_is_exactly_compare(vendors, families):
    styler = comparison_table(vendors, families)
    assert isinstance(styler, Styler)
    pd.testing.assert_frame_equal(styler.data, cgvlib.compare(vendors, families))


def test_columns_are_vendor_names_and_rows_grouped_by_family():
    styler = comparison_table(TWO, ["late payment", "recovery indemnity"])
    assert list(styler.data.columns) == ["Teogest", "Leappy SAS"]
    assert list(dict.fromkeys(styler.data.index.get_level_values("family"))) == [
        "late payment", "recovery indemnity"]
    assert styler.data.index.names == ["family", "item"]


def test_tooltip_holds_article_and_quote_of_teogest_late_payment_rate():
    styler = comparison_table(TWO, ["late payment"])
    tip = styler.tooltips.tt_data.loc[("late payment", "rate"), "Teogest"]
    assert "art. 14.6" in tip
    assert "majoré de trois points" in tip
    # the other readings of the rate's date, as the comparison words them
    assert "Other readings:" in tip and "fixed at invoicing" in tip
    # and the rendered cell carries it (title attribute, kept by exported HTML)
    html = styler.to_html()
    cell = re.search(r'<td [^>]*title="([^"]*)"[^>]*>legal rate \+ 3 pts, rate of each semester',
                     html)
    assert cell is not None
    assert "art. 14.6" in cell.group(1) and "majoré de trois points" in cell.group(1)


def test_ambiguous_cells_highlighted_and_others_not():
    styler = comparison_table(TWO, ["late payment"])
    # Teogest art. 14.6: "à compter du premier jour de retard", day 31 or the day after receipt
    assert styler.data.loc[("late payment", "delay starts"), "Teogest"].endswith("‡")
    assert AMBIGUOUS_BACKGROUND in cell_css(styler, ("late payment", "delay starts"), "Teogest")
    # Leappy art. 4: formal notice first or not
    assert AMBIGUOUS_BACKGROUND in cell_css(styler, ("late payment", "formal notice first"),
                                            "Leappy SAS")
    assert AMBIGUOUS_BACKGROUND not in cell_css(styler, ("late payment", "whole debt due at once"),
                                                "Leappy SAS")
    assert "‡" in styler.caption  # the legend


def test_silent_cells_greyed():
    styler = comparison_table(["janquor", "teogest"], ["service levels"])
    assert styler.data.loc[("service levels", "availability"), "JANQUOR"] == "text silent"
    assert SILENT_STYLE in cell_css(styler, ("service levels", "availability"), "JANQUOR")
    assert SILENT_STYLE not in cell_css(styler, ("service levels", "availability"), "Teogest")
    # a silent cell's tooltip says why (the vendor file's note)
    assert styler.tooltips.tt_data.loc[("service levels", "availability"), "JANQUOR"].startswith(
        "text silent: ")


def test_ambiguous_only_keeps_the_rows_with_an_ambiguous_cell():
    full = cgvlib.compare(TWO, ["late payment"])
    styler = comparison_table(TWO, ["late payment"], ambiguous_only=True)
    assert list(styler.data.index) == [("late payment", "rate"), ("late payment", "delay starts"),
                                       ("late payment", "formal notice first")]
    pd.testing.assert_frame_equal(styler.data, full.loc[styler.data.index])
    assert "Only the rows with an ambiguous cell" in styler.caption


def test_text_is_html_escaped():
    styler = comparison_table(["teogest"], ["cancellation"])
    assert "< 8 days" in styler.data.iloc[0, 0]
    assert "&lt; 8 days" in styler.to_html()


def test_statutory_terms_are_a_column():
    styler = comparison_table(["teogest", "statutory"], ["late payment"])
    assert styler.data.loc[("late payment", "rate"), "Statutory default (Code de commerce)"] == (
        "ECB rate + 10 pts, rate of each semester")


def test_nothing_to_show_says_so():
    styler = comparison_table(["janquor"], ["cancellation"])  # JANQUOR has no such clause
    assert styler.data.empty
    assert styler.caption.startswith("Nothing to show")
    styler = comparison_table(["iosmart"], ["recovery indemnity"], ambiguous_only=True)
    assert styler.data.empty and "no ambiguous clause" in styler.caption
    assert "Nothing to show" in styler.to_html()


def test_empty_selection_is_an_input_error():
    with pytest.raises(cgvlib.InputError, match="vendors: choose at least one"):
        comparison_table([])
    with pytest.raises(cgvlib.InputError, match="families: choose at least one"):
        comparison_table(TWO, [])


def test_comparison_cells_leave_out_items_not_stated():
    table = cgvlib.compare(TWO, ["late payment"])
    cells = comparison_cells(table)
    assert ("late payment", "rate", "Teogest") in cells
    assert len(cells) == 10  # 5 items x 2 vendors, all stated
    table = cgvlib.compare(["janquor", "teogest"], ["cancellation"])
    assert all(vendor == "Teogest" for _, _, vendor in comparison_cells(table))


# --- vendors_table -----------------------------------------------------------------------------


def test_vendors_table():
    frame = vendors_table()
    assert list(frame.index) == ["gout", "iosmart", "janquor", "leappy", "teogest"]
    teogest = frame.loc["teogest"]
    assert teogest["name"] == "Teogest"
    assert teogest["document"] == "Conditions Générales de Vente Teogest"
    assert teogest["version"] == "Mises à jour le 19 mars 2024"
    assert teogest["vendor file"] == "data/vendors/teogest.yaml"
    # 11 + art. 20 at exactly one year of tenure + "heures ouvrées" in three deadlines
    assert teogest["ambiguities"] == 15
    statute = vendors_table("statutory").loc["statutory"]
    assert statute["vendor file"] == "data/statute/statutory.yaml"
    assert (statute["values cited"], statute["ambiguities"]) == (3, 0)


# --- citations_table ---------------------------------------------------------------------------


def test_citations_of_one_cell():
    frame = citations_table("teogest", "late payment", "rate")
    assert list(frame.columns) == ["item", "text", "article", "quote", "other readings", "note"]
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row["article"] == "14.6"
    assert "majoré de trois points" in row["quote"]
    assert row["other readings"] == ("legal rate + 3 pts, fixed at the start of the delay | "
                                     "legal rate + 3 pts, fixed at invoicing")


def test_citations_of_a_silent_family_say_so():
    frame = citations_table("janquor", "service levels", "availability")
    assert frame["text"].tolist() == ["text silent"]
    assert frame["article"].tolist() == [None]
    assert frame["note"].iloc[0]


def test_citations_of_the_statute():
    frame = citations_table("statutory", "recovery indemnity")
    assert frame["article"].tolist() == ["D441-5"]
    assert frame["quote"].tolist() == ["est fixé à 40 euros"]


def test_citations_of_an_item_not_stated_list_the_items():
    with pytest.raises(cgvlib.InputError, match="items they state: 'rate', 'delay starts'"):
        citations_table("teogest", "late payment", "no such item")


# --- ambiguities_table -------------------------------------------------------------------------


def test_ambiguities_of_janquor():
    frame = ambiguities_table(["janquor"])
    assert frame["path"].tolist() == ["late_payment", "term.notice[0]", "liability[0]"]
    assert frame["family"].tolist() == ["late payment", "duration and notice", "liability"]
    assert frame["article"].tolist() == ["11", "16", "21"]
    # the notice's default is the earlier (safe) last day; the cap's the sums paid with VAT
    assert frame["default"].tolist() == ["prorata", "term_end", "vat_included"]
    assert frame["readings"].iloc[1].splitlines()[1].startswith("anniversary: ")
    assert set(frame["vendor"]) == {"JANQUOR"}


def test_ambiguities_of_teogest_late_payment():
    frame = ambiguities_table("teogest").set_index("path")
    row = frame.loc["late_payment"]
    assert row["article"] == "14.6"
    assert row["default"] == "day_31_semester"
    assert len(row["readings"].splitlines()) == 6
    assert "premier jour de retard" in row["note"]


def test_no_ambiguity_in_the_statute():
    frame = ambiguities_table("statutory")
    assert frame.empty
    assert list(frame.columns) == ["vendor", "family", "path", "article", "readings", "default",
                                   "why default", "note"]


# --- scenario_table ----------------------------------------------------------------------------


def test_scenario_table_of_late_payment():
    results = {
        # 10,000 EUR, invoice and due date 2024-03-01 (payable on receipt), paid 2024-05-15.
        # Default reading: delay from day 31 after issue (2024-04-01), 45 days. As written:
        # 5.07 + 3 = 8.07 %: 1,000,000 x 807 x 45 / 3,650,000 = 9,949.3 cents -> 99.49 EUR,
        # total 139.49 EUR. Under the L441-10 II floor, 3 x 5.07 = 15.21 % (2024-S1):
        # 1,000,000 x 1521 x 45 / 3,650,000 = 18,752.1 cents -> 187.52 EUR, total 227.52 EUR.
        "teogest": cgvlib.late_payment("teogest", 10_000, due="2024-03-01", paid="2024-05-15",
                                       invoice_date="2024-03-01"),
        # The law: 15 days at 12.50 % (2023-S1) + 30 days at 14.00 % (2023-S2):
        # 1,000,000 x (1250 x 15 + 1400 x 30) / 3,650,000 = 16,643.8 cents -> 166.44 EUR.
        "statutory": cgvlib.late_payment("statutory", 10_000, "2023-06-15", "2023-07-30"),
    }
    frame = scenario_table(results)
    assert list(frame.index) == ["teogest", "statutory"]
    assert frame.index.name == "vendor"
    assert frame.loc["teogest", "interest"] == "187.52 EUR"
    assert frame.loc["teogest", "total"] == "227.52 EUR"
    assert frame.loc["teogest", "total_as_written"] == "139.49 EUR"
    assert frame.loc["statutory", "total_as_written"] is None
    assert frame.loc["teogest", "amount"] == "10,000.00 EUR"
    assert frame.loc["statutory", "interest"] == "166.44 EUR"
    assert frame.loc["statutory", "total"] == "206.44 EUR"
    assert frame.loc["teogest", "days_of_delay"] == 45
    assert frame.loc["teogest", "ambiguous"] is True
    assert frame.loc["statutory", "ambiguous"] is False
    assert frame.loc["teogest", "reading"] == "day_31_semester"
    # from the day after the due date, 75 days: at 15.21 %, 31,253.4 cents -> 312.53 EUR;
    # as written at 8.07 %, 16,582.2 cents -> 165.82 EUR
    others = frame.loc["teogest", "other readings"]
    assert "after_due_date_semester: 10,000.00 EUR paid 75 days late: interest 312.53 EUR" in (
        others)
    assert ("after_due_date_semester/as_written: 10,000.00 EUR paid 75 days late: interest "
            "165.82 EUR") in others
    assert "day_31_semester/as_written: 10,000.00 EUR paid 75 days late: interest 99.49" in (
        others)
    assert frame.loc["statutory", "other readings"] is None
    assert frame.loc["teogest", "headline"].startswith("10,000.00 EUR paid 75 days late")
    assert not [c for c in frame.columns if c.endswith("_cents")]
    assert "periods" not in frame.columns
    assert list(frame.columns[-3:]) == ["ambiguous", "reading", "other readings"]


def test_scenario_table_money_given_only_in_cents():
    # 0.205 % falls in the gap between tiers; the cap is 20 % of 1,234.56 = 246.912 -> 246.91
    frame = scenario_table({"teogest": cgvlib.sla_credit("teogest", 0.205, 1234.56)})
    assert frame.loc["teogest", "cap"] == "246.91 EUR"
    assert frame.loc["teogest", "amount"] == "37.04 EUR"  # 3 % of 1,234.56 = 37.0368


def test_money_is_formatted_without_rounding_again():
    assert format_money(Decimal("1234.50")) == "1,234.50 EUR"
    assert format_money(Decimal("0.05")) == "0.05 EUR"
    with pytest.raises(cgvlib.InputError, match="not a whole number of cents"):
        format_money(Decimal("0.125"))


def test_scenario_table_refuses_what_is_not_a_result():
    with pytest.raises(cgvlib.InputError, match=r"results\['teogest'\]: expected a cgvlib result"):
        scenario_table({"teogest": 139.49})
    with pytest.raises(cgvlib.InputError, match="no result"):
        scenario_table({})


def test_statutory_payment_terms():
    # L441-10 I: "le trentième jour suivant la date de réception des marchandises ou
    # d'exécution de la prestation demandée"
    styler = comparison_table(["statutory"], ["payment terms"])
    assert styler.data.iloc[0, 0] == "30 days after delivery or performance"


def test_full_text_keeps_every_character_and_line_breaks():
    frame = pd.DataFrame({"readings": ["a: < 8 days\nb: ≥ 8 days"], "note": [None]})
    styler = full_text(frame)
    assert styler.data is frame
    html = styler.to_html()
    assert "a: &lt; 8 days<br>b: ≥ 8 days" in html
    assert ">None<" not in html


def test_a_french_comparison_names_its_families_items_and_cells_in_french():
    styler = comparison_table(["leappy"], ["late_payment", "jurisdiction"], lang="fr")
    page = styler.to_html()
    families = re.findall(r'<th [^>]*class="row_heading level0[^"]*"[^>]*>([^<]*)</th>', page)
    assert families == ["retard de paiement", "juridiction compétente"]
    items = re.findall(r'<th [^>]*class="row_heading level1[^"]*"[^>]*>([^<]*)</th>', page)
    # describe's fixed items in French; the words a clause says it applies to, through the
    # catalog (the vendor file's English is the msgid)
    assert items[:5] == ["taux", "début du retard", "assiette des pénalités",
                         "mise en demeure préalable",
                         "déchéance du terme (toute la dette exigible)"]
    assert items[5:] == [translate(item, "fr")
                         for item in styler.data.index.get_level_values("item")[5:]]
    assert styler.caption.startswith("‡ sur fond jaune clair : la clause admet plusieurs "
                                     "lectures ;")
    assert "anglais" not in styler.caption
    # the cells in French: Leappy's penalties, « deux fois le taux d'intérêt légal » taken at the
    # invoice date, on the amount excluding VAT, after a formal notice (its default reading, one
    # of two: ‡)
    cells = styler.data["Leappy SAS"]
    assert cells[("late payment", "rate")] == "2 fois le taux légal, fixé à la facturation"
    assert cells[("late payment", "penalty base")] == "montant HT"
    assert cells[("late payment", "formal notice first")] == "requise ‡"
    # the data keep the comparison's own words
    assert set(styler.data.index.get_level_values("family")) == {"late payment", "jurisdiction"}
    english = comparison_table(["leappy"], ["late_payment"]).caption
    assert english.startswith("‡ on a light yellow background") and "English" not in english


def test_a_french_tooltip_introduces_the_other_readings_in_french():
    styler = comparison_table(["teogest"], ["late_payment"], lang="fr")
    tips = styler.tooltips.tt_data.to_numpy().ravel()
    assert any("Autres lectures :" in tip for tip in tips)
    assert not any("Other readings" in tip for tip in tips)


# --- the tables in French -----------------------------------------------------------------------


def test_ambiguities_in_french():
    frame = ambiguities_table(["janquor"], lang="fr")
    assert list(frame.columns) == ["fournisseur", "famille", "chemin", "article", "lectures",
                                   "lecture par défaut", "pourquoi par défaut", "remarque"]
    row = frame.iloc[1]  # art. 16 « deux (2) mois avant le terme du contrat »
    assert row["famille"] == "durée et préavis"
    assert row["chemin"] == "term.notice[0]"
    assert row["article"] == "16"
    # the readings by their names (term_end, anniversary), their meaning through the catalog
    assert row["lectures"].splitlines() == [
        "compté depuis la fin de la période : deux mois comptés à rebours depuis le dernier "
        "jour de la période en cours",
        "compté depuis la date anniversaire : deux mois comptés à rebours depuis la date "
        "anniversaire (premier jour de la période renouvelée)"]
    assert row["lecture par défaut"] == "compté depuis la fin de la période"
    assert row["remarque"].startswith("« deux (2) mois avant le terme du contrat » ne fixe pas")
    assert frame["famille"].tolist() == ["retard de paiement", "durée et préavis",
                                         "responsabilité"]


def test_ambiguities_in_french_hold_no_identifier():
    frame = ambiguities_table(lang="fr")
    for column in ["famille", "lectures", "lecture par défaut", "pourquoi par défaut",
                   "remarque"]:
        for text in frame[column].dropna():
            assert not re.search(r"\b[a-z]+_[a-z0-9_]+\b", text), (column, text)


def test_ambiguities_in_english_by_default():
    assert ambiguities_table("janquor").equals(ambiguities_table("janquor", lang="en"))
    with pytest.raises(cgvlib.InputError, match="lang: 'de'"):
        ambiguities_table("janquor", lang="de")


def test_vendors_table_in_french():
    frame = vendors_table(["iosmart", "statutory"], lang="fr")
    assert list(frame.columns) == ["nom", "activité", "document", "version",
                                   "fichier du fournisseur", "valeurs citées", "ambiguïtés",
                                   "citations vérifiées"]
    assert frame.index.name == "identifiant"
    iosmart = frame.loc["iosmart"]
    assert iosmart["activité"] == "matériel et services informatiques, sur devis ou en régie"
    assert iosmart["version"] == "non indiquée dans le texte (non daté)"
    assert iosmart["citations vérifiées"] == "oui"
    statute = frame.loc["statutory"]
    assert statute["nom"] == "Règles supplétives (Code de commerce)"
    assert statute["version"] == "L. 441-10 en vigueur depuis le 26 avril 2019"
    assert (statute["valeurs citées"], statute["ambiguïtés"]) == (3, 0)  # counts stay numbers


def test_scenario_table_in_french():
    NB, NNB = "\u00a0", "\u202f"  # Babel's French: before €, between thousands
    # the figures of test_scenario_table_of_late_payment, said in French: 10,000 EUR due and
    # invoiced 2024-03-01 (payable on receipt), paid 2024-05-15; default reading: delay from
    # day 31 after issue, 1 April 2024, 45 days at the floor 15.21 %: 187.52 + 40 = 227.52 EUR;
    # as written at 8.07 %: 99.49 + 40 = 139.49 EUR
    results = {"teogest": cgvlib.late_payment("teogest", 10_000, due="2024-03-01",
                                              paid="2024-05-15", invoice_date="2024-03-01")}
    frame = scenario_table(results, lang="fr")
    assert frame.index.name == "fournisseur"
    row = frame.loc["teogest"]
    assert row["montant"] == f"10{NNB}000,00{NB}€"
    assert row["échéance"] == "1er mars 2024"
    assert row["premier jour de retard"] == "1er avril 2024"
    assert row["intérêts"] == f"187,52{NB}€"
    assert row["total"] == f"227,52{NB}€"
    assert row["total tel qu'écrit"] == f"139,49{NB}€"
    assert row["taux"] == "15,21"
    assert (row["ambigu"], row["provisoire"]) == ("oui", "non")
    assert row["lecture"] == "retard dès le 31e jour, taux légal de chaque semestre"
    assert row["résumé"].startswith(f"10{NNB}000,00{NB}€ payés avec 75 jours de retard")
    # English stays the library's working text
    english = scenario_table(results)
    assert english.loc["teogest", "total_as_written"] == "139.49 EUR"


# English words that a French cell or header never needs (a file's quotes are French)
ENGLISH_WORDS = re.compile(
    r"\b(the|of|and|to|within|following|paid|claim|tier|up|month|months|day|days|by|not|is|"
    r"at|with|from|basis|fee|gap|request|deadline|start|end|price|refund|reading|unit|"
    r"percent|schedule|applies|kind|quantity|optional|window|payments|after|event|later|"
    r"stake|billing|before|None|True|False|nan)\b")


@functools.cache
def french_scenarios() -> dict:
    """One result of each kind that every vendor it applies to can compute."""
    results = {}
    for v in cgvlib.vendors():
        results[f"late {v.id}"] = cgvlib.late_payment(
            v.id, 10_000, due="2024-03-01", paid="2024-05-15", invoice_date="2024-03-01")
        if v.id != "gout":  # Michaël GOUT's term length is set by each quote
            results[f"exit {v.id}"] = cgvlib.exit_plan(v.id, "2023-01-01", "2024-06-15",
                                                       monthly_amount=1000)
    for percent in (0.205, 0.3, 0.7, 2):  # Teogest alone states an SLA: gap, tiers, top tier
        results[f"sla {percent}"] = cgvlib.sla_credit("teogest", percent, 1234.56)
    results["early exit janquor"] = cgvlib.early_exit("janquor", "2024-01-01", "2024-06-15",
                                                      monthly_amount=1000)
    for v in ("leappy", "teogest"):
        results[f"cancel {v}"] = cgvlib.cancellation_fee(v, 1000, "2024-06-20 10:00",
                                                         "2024-06-10 10:00")
    for v in ("gout", "janquor", "leappy"):
        results[f"liability {v}"] = cgvlib.liability_cap(v, [("2024-01-01", 1000)],
                                                         "2024-06-01")
    return results


@pytest.mark.parametrize("key", list(french_scenarios()))
def test_scenario_table_in_french_has_no_english_word(key):
    frame = scenario_table({key: french_scenarios()[key]}, lang="fr")
    for header, value in [*((c, c) for c in frame.columns), *frame.iloc[0].items()]:
        if isinstance(value, str):
            assert not ENGLISH_WORDS.search(value), (header, value)
            assert not re.search(r"\d\.\d", value), (header, value)  # a decimal comma


def test_scenario_table_in_french_sla_tier_and_claim_rule():
    # Teogest annexe 2 A.6: 0.3 % unavailability falls in the tier « 0,21 % à 0,5 % »,
    # credit 3 % of 1,234.56 = 37.0368 -> 37.04 EUR; claim « dans les 30 jours suivant le
    # dernier jour du mois de référence », paid « sous forme d'avoir »
    row = scenario_table({"teogest": cgvlib.sla_credit("teogest", 0.3, 1234.56)},
                         lang="fr").loc["teogest"]
    assert row["palier"] == "0,21–0,5\u00a0%"
    assert row["montant"] == "37,04\u00a0€"
    assert row["règle du délai de réclamation"] == (
        "réclamation dans les 30 jours suivant le dernier jour du mois de référence ; "
        "versé sous forme d'un avoir")
    # 2 % is above the top tier, « > 1,5 % »: credit 20 % of 1,234.56 = 246.91 EUR
    top = scenario_table({"teogest": cgvlib.sla_credit("teogest", 2, 1234.56)},
                         lang="fr").loc["teogest"]
    assert (top["palier"], top["montant"]) == ("> 1,5\u00a0%", "246,91\u00a0€")
    # English stays the working text
    english = scenario_table({"teogest": cgvlib.sla_credit("teogest", 0.3, 1234.56)})
    assert english.loc["teogest", "tier"] == "0.21–0.5 %"


def test_tier_words_in_french():
    assert tier_words("> 0.5 up to 1 %", "fr") == "> 0,5 jusqu'à 1\u00a0%"
    assert tier_words("> 0.5 up to 1 %", "en") == "> 0.5 up to 1 %"


def test_a_computed_table_and_a_rate_said_in_french():
    import datetime as dt

    from cgvlib.reference.ecb_rate import ecb_rate
    from cgvlib.reference.legal_rate import legal_rate
    from cgvlib.views.tables import rate_text, table_in

    frame = pd.DataFrame({"renewal_date": [dt.date(2025, 1, 1)], "renewed": [True]})
    assert table_in(frame, "en") is frame
    assert table_in(frame, "fr").to_dict("list") == {
        "date de renouvellement": ["1er janvier 2025"], "renouvelé": ["oui"]}
    # the ECB main refinancing rate rose to 4.50 % on 20 September 2023 and was cut to 4.25 %
    # from 12 June 2024: on 1 March 2024 it is 4.50 %, in force until 11 June 2024
    assert rate_text(ecb_rate("2024-03-01"), "fr") == (
        "4,50 % (taux des opérations principales de refinancement de la BCE, "
        "du 20 septembre 2023 au 11 juin 2024)")
    # a caveat said in French too: the legal rate of 2010 comes from the annual file (décret
    # of 2010: 0.65 %), before the professional/consumer split of 2015
    assert rate_text(legal_rate("2010-05-01"), "fr") == (
        "0,65 % (taux de l'intérêt légal, créanciers professionnels, du 1er janvier 2010 au "
        "31 décembre 2010) [taux annuel de 2010 (décret) : avant 2015, un seul taux pour tous "
        "les créanciers ; la distinction entre créanciers particuliers et professionnels "
        "commence le 1er janvier 2015 (ordonnance n° 2014-947)]")
