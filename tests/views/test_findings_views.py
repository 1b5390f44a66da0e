"""The findings views: the table keeps the vendors and severities asked for, sorted by severity
(breach first) then vendor in the charts' order; severity cells are coloured; every row carries
its article and verbatim quote in a title tooltip (HTML-escaped); the summary chart stacks one
bar per vendor by severity in the same colours."""

from __future__ import annotations

import html
import re

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer
from pandas.io.formats.style import Styler

import cgvlib
from cgvlib.analysis.checks import SEVERITIES
from cgvlib.errors import InputError, UnknownVendorError
from cgvlib.views.findings import (
    SEVERITY_COLOURS,
    finding_detail,
    finding_frame,
    finding_labels,
    findings_table,
    pick_finding,
    select_findings,
    summary_chart,
)

LEAPPY_QUOTE = ("un taux équivalent à deux (2) fois le taux d’intérêt légal (en vigueur au jour "
                "de la facturation des prestations")


def row(id_, vendor, severity, article="1", quote="q", path="p"):
    return {"id": id_, "vendor": vendor, "severity": severity, "family": "late payment",
            "article": article, "quote": quote, "rule": "L441-10", "explanation": "e",
            "periods": "", "path": path}


@pytest.fixture
def sample() -> pd.DataFrame:
    """A small findings frame in check_all's order (vendor by name, then severity)."""
    rows = [
        row("n1", "JANQUOR", "note"),
        row("r1", "JANQUOR", "risk"),
        row("b1", "Leappy SAS", "breach", article="4", quote='le « taux » <x> & "y"'),
        row("a1", "Leappy SAS", "ambiguity"),
        row("b2", "Teogest", "breach"),
        row("r2", "Teogest", "risk"),
        row("a2", "Teogest", "ambiguity", path="sla"),
        row("a2", "Teogest", "ambiguity", path="fees[3]"),
        row("r3", "ioSmart", "risk"),
    ]
    frame = pd.DataFrame(rows)
    frame["severity"] = pd.Categorical(frame["severity"], categories=list(SEVERITIES),
                                       ordered=True)
    return frame


@pytest.fixture(scope="module")
def findings() -> pd.DataFrame:
    return cgvlib.check_all()


def cell_css(styler: Styler, i: int, column: str) -> str:
    """The CSS the rendered HTML gives the cell of row ``i`` (position) and ``column``."""
    text = styler.to_html()
    table_id = re.search(r'<table id="(T_\w+)"', text).group(1)
    j = list(styler.data.columns).index(column)
    cell_id = f"#{table_id}_row{i}_col{j}"
    css = []
    for selectors, props in re.findall(r"([^{}]+)\{([^{}]*)\}", text.split("</style>")[0]):
        if cell_id in [s.strip() for s in selectors.split(",")]:
            css += [p.strip() for p in props.split(";") if p.strip()]
    return "; ".join(css)


# --- selection and order -----------------------------------------------------------------------


def test_sorted_by_severity_then_vendor_in_the_charts_order(sample):
    styler = findings_table(sample)
    assert isinstance(styler, Styler)
    # breach: Teogest before Leappy (JANQUOR, ioSmart, Teogest, Leappy, GOUT), then risk...
    assert list(styler.data["id"]) == ["b2", "b1", "r1", "r3", "r2", "a2", "a2", "a1", "n1"]
    assert list(styler.data["severity"]) == ["breach"] * 2 + ["risk"] * 3 + ["ambiguity"] * 3 \
        + ["note"]
    # the frame's index is kept, so the app can find the row again
    assert list(styler.data.index) == [4, 2, 1, 8, 5, 6, 7, 3, 0]
    assert list(styler.data.columns) == ["severity", "vendor", "id", "family", "article", "rule",
                                         "explanation", "periods"]


def test_filtered_by_vendor_ids_or_names_and_severity(sample):
    data = findings_table(sample, vendors=["leappy", "Teogest"], severities=["breach", "risk"]
                          ).data
    assert list(data["id"]) == ["b2", "b1", "r2"]
    data = findings_table(sample, vendors="iosmart", severities="risk").data
    assert list(data["id"]) == ["r3"]


def test_the_quote_as_a_column_when_asked(sample):
    data = findings_table(sample, vendors=["leappy"], severities=["breach"],
                          with_quotes=True).data
    assert list(data.columns) == ["severity", "vendor", "id", "family", "article", "quote",
                                  "rule", "explanation", "periods"]
    assert data["quote"].tolist() == ['le « taux » <x> & "y"']


def test_no_finding_gives_an_empty_table_that_says_so(sample):
    styler = findings_table(sample, vendors=["iosmart"], severities=["breach"])
    assert styler.data.empty
    assert styler.caption == "No breach finding for ioSmart."
    assert "No breach finding for ioSmart." in styler.to_html()
    # the law's own terms have no finding: accepted and left out
    assert findings_table(sample, vendors=["statutory"]).data.empty
    assert list(findings_table(sample, vendors=["iosmart", "statutory"]).data["id"]) == ["r3"]


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"vendors": []}, "vendors: no vendor chosen"),
    ({"severities": []}, "severities: none chosen"),
    ({"severities": ["fatal"]}, "severities: unknown ['fatal']; valid: breach, risk"),
])
def test_bad_filters_are_input_errors(sample, kwargs, words):
    with pytest.raises(InputError, match=re.escape(words)):
        findings_table(sample, **kwargs)


def test_unknown_vendor_is_named(sample):
    with pytest.raises(UnknownVendorError, match="nosuch"):
        select_findings(sample, vendors=["nosuch"])


# --- colours and tooltips -----------------------------------------------------------------------


@pytest.mark.parametrize(("i", "colour"), [
    (0, "#C62828"),  # breach red
    (2, "#EF8A17"),  # risk orange
    (5, "#F2D04B"),  # ambiguity yellow
    (8, "#A6A6A6"),  # note grey
])
def test_severity_cells_coloured(sample, i, colour):
    styler = findings_table(sample)
    assert f"background-color: {colour}" in cell_css(styler, i, "severity")
    assert "background-color" not in cell_css(styler, i, "vendor")


def test_severity_colours_are_red_orange_yellow_grey():
    assert SEVERITY_COLOURS == {"breach": "#C62828", "risk": "#EF8A17", "ambiguity": "#F2D04B",
                                "note": "#A6A6A6"}


def test_tooltip_is_article_and_quote_html_escaped(sample):
    styler = findings_table(sample, vendors=["leappy"], severities=["breach"])
    text = styler.to_html()
    escaped = "art. 4: « le « taux » &lt;x&gt; &amp; &quot;y&quot; »"
    # every cell of the row carries it, none carries the raw text
    assert text.count(f'title="{escaped}"') == len(styler.data.columns)
    assert '<x>' not in text


def test_tooltip_of_leappy_late_rate_below_floor(findings):
    styler = findings_table(findings, vendors=["leappy"], severities=["breach"])
    data = styler.data
    assert data.loc[data["id"] == "late_rate_below_floor", "article"].tolist() == ["4"]
    i = list(data["id"]).index("late_rate_below_floor")
    tip = styler.tooltips.tt_data.iloc[i, 0]
    assert tip == html.escape(f"art. 4: « {LEAPPY_QUOTE} »")
    # the check is shown by its name (cgvlib.names), never its id
    cell = re.search(r'<td [^>]*title="([^"]*)"[^>]*>late rate below the floor</td>',
                     styler.to_html())
    assert cell is not None and "art. 4" in cell.group(1)
    assert "deux (2) fois le taux d’intérêt légal" in cell.group(1)


def test_breach_and_risk_of_the_five_vendors(findings):
    data = findings_table(findings, severities=["breach", "risk"]).data
    assert set(data["severity"]) == {"breach", "risk"}
    breaches = data[data["severity"] == "breach"]
    assert list(breaches["vendor"]) == ["JANQUOR", "Teogest", "Leappy SAS", "Leappy SAS",
                                        "Michaël GOUT"]
    assert ("Teogest", "late_rate_below_floor") in set(zip(breaches["vendor"], breaches["id"],
                                                            strict=True))


# --- one finding --------------------------------------------------------------------------------


def test_one_finding_in_full(findings):
    finding = pick_finding(findings, "leappy", "late_rate_below_floor")
    table = finding_frame(finding).set_index("field")["value"]
    assert table["article"] == "4"
    assert table["quote"] == f"« {LEAPPY_QUOTE} »"
    assert table["periods"] == "2015-S1..2026-S1"
    assert table["rule"].startswith("Code de commerce L441-10 II")
    assert list(table.index[:3]) == ["vendor", "check", "severity"]
    assert "below the statutory floor" in finding_detail(findings, "Leappy SAS",
                                                         "late_rate_below_floor").to_html()


def test_pick_finding_needs_a_path_when_a_check_reports_twice(sample):
    with pytest.raises(InputError, match="2 findings 'a2' on Teogest; choose one with path="):
        pick_finding(sample, "teogest", "a2")
    assert pick_finding(sample, "teogest", "a2", path="sla").name == 6
    with pytest.raises(InputError, match="no finding 'zz' on Teogest; its findings: b2, r2, a2"):
        pick_finding(sample, "teogest", "zz")


def test_labels_add_the_path_only_where_needed(sample):
    labels = [label for label, _ in finding_labels(select_findings(sample, vendors=["teogest"]))]
    assert labels == ["Teogest · b2", "Teogest · r2", "Teogest · a2 · sla",
                      "Teogest · a2 · fees[3]"]


# --- the summary chart --------------------------------------------------------------------------


def bars(fig) -> dict[str, BarContainer]:
    ax = fig.axes[0]
    return {c.get_label(): c for c in ax.containers if isinstance(c, BarContainer)}


def test_summary_chart_stacks_one_bar_per_vendor_by_severity(sample):
    fig = summary_chart(sample)
    ax = fig.axes[0]
    containers = bars(fig)
    assert list(containers) == ["breach", "risk", "ambiguity", "note"]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["JANQUOR", "ioSmart", "Teogest", "Leappy SAS"]  # the fixed order
    widths = {s: [p.get_width() for p in c.patches] for s, c in containers.items()}
    assert widths == {"breach": [0, 0, 1, 1], "risk": [1, 1, 1, 0],
                      "ambiguity": [0, 0, 2, 1], "note": [1, 0, 0, 0]}
    # stacked: each segment starts where the previous severities end (Teogest: 1 + 1, then 2)
    assert [p.get_x() for p in containers["ambiguity"].patches] == [1, 1, 2, 1]
    for severity, container in containers.items():
        assert {to_hex(p.get_facecolor()).upper() for p in container.patches} == {
            SEVERITY_COLOURS[severity]}
    assert containers["breach"].patches[2].get_gid() == "breach:Teogest"
    assert ax.get_title(loc="left") == "Compliance findings per vendor, by severity (9 in all)"
    assert ax.get_xlabel() == "Findings (number)"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["breach", "risk",
                                                                    "ambiguity", "note"]


def test_summary_chart_of_chosen_vendors_shows_a_vendor_without_finding(sample):
    fig = summary_chart(sample, vendors=["gout", "leappy"])
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Leappy SAS", "Michaël GOUT"]
    assert [p.get_width() for p in bars(fig)["breach"].patches] == [1, 0]
    totals = [t.get_text() for t in ax.texts if t.get_gid() == "total"]
    assert totals == ["2", "0"]
    fig = summary_chart(sample, vendors=["leappy", "statutory"])  # no bar for the law
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Leappy SAS"]


def test_summary_chart_counts_of_the_five_vendors(findings):
    fig = summary_chart(findings)
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["JANQUOR", "ioSmart", "Teogest", "Leappy SAS", "Michaël GOUT"]
    breach = [p.get_width() for p in bars(fig)["breach"].patches]
    assert breach == [1, 0, 1, 2, 1]


# --- the table in French -----------------------------------------------------------------------


def shown_cells(styler: Styler) -> list[str]:
    """The text of the body cells as the page shows them, row by row."""
    return re.findall(r"<td [^>]*>([^<]*)</td>", styler.to_html())


def shown_headers(styler: Styler) -> list[str]:
    return re.findall(r'<th [^>]*class="col_heading[^"]*"[^>]*>([^<]*)</th>', styler.to_html())


def test_a_french_table_names_severities_checks_families_and_columns(findings):
    styler = findings_table(findings, vendors=["leappy"], severities=["breach"], lang="fr")
    assert shown_headers(styler) == ["Gravité", "Fournisseur", "Contrôle", "Famille de clauses",
                                     "Article", "Règle", "Explication", "Semestres"]
    row = shown_cells(styler)[:4]
    assert row == ["manquement", "Leappy SAS", "taux de retard sous le plancher",
                   "retard de paiement"]
    # the data keep the identifiers, for a program that reads them
    assert styler.data["id"].iloc[0] == "late_rate_below_floor"
    assert styler.data["severity"].iloc[0] == "breach"


def test_a_french_caption_says_what_is_shown(sample):
    styler = findings_table(sample, vendors=["leappy", "teogest"], severities=["breach"],
                            lang="fr")
    # b1 (Leappy) and b2 (Teogest): two breaches
    assert styler.caption == (
        "Constats pour Teogest et Leappy SAS : 2 (manquement), par gravité (manquement en rouge, "
        "risque en orange, ambiguïté en jaune, remarque en gris), puis par fournisseur. Survolez "
        "une ligne pour voir l'article et la citation exacte du contrat qu'elle concerne.")
    assert findings_table(sample, vendors=["iosmart"], severities=["breach"],
                          lang="fr").caption == "Aucun constat (manquement) pour ioSmart."


def test_identifiers_in_an_explanation_are_shown_by_their_names(sample):
    sample.loc[sample["id"] == "b1", "explanation"] = "Default: debit_date_is_due; x_y stays."
    en = shown_cells(findings_table(sample, vendors=["leappy"], severities=["breach"]))
    fr = shown_cells(findings_table(sample, vendors=["leappy"], severities=["breach"],
                                    lang="fr"))
    # a snake_case word that names nothing (x_y) is left for the page scan to find
    assert "Default: “due on the debit date”; x_y stays." in en
    assert "Default: « échéance à la date du prélèvement »; x_y stays." in fr
