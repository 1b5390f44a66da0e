"""Every page of the report, for every vendor, in both languages, as a reader sees it: no
code identifier (snake_case), no ``True``/``False``/``None``/``nan``, and on a French page no
English severity (``breach``...).

The report is rendered as ``notebooks/report.ipynb`` renders it, without a kernel: each cell's
object (Markdown, HTML, a styled table, the summary card) turned into the text a browser shows
(tags, styles and scripts left out), and each chart's texts (title, axes, ticks, legend,
notes) read from the figure.

No identifier is allowed anywhere: a part that shows a reading, a check, a severity or a clause
family passes it through :func:`cgvlib.names.label`, and the library's English sentences shown
(a finding's explanation, a result's working) name their identifiers with
:func:`cgvlib.names.name_identifiers`."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.text
import mistune
import pytest
from pandas.io.formats.style import Styler

from cgvlib.report.sections import prepare

FIVE = ["janquor", "iosmart", "teogest", "leappy", "gout"]
SCENARIO = dict(invoice_amount=10000, due="2024-03-01", paid="2024-04-15",
                unavailability_percent=0.5, monthly_amount=1000, contract_start="2024-01-31",
                notice_date="2024-12-05")
SNAKE_CASE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
PYTHON_VALUES = re.compile(r"\b(?:True|False|None|nan|NaN|NaT)\b")
ENGLISH_SEVERITIES = re.compile(r"\b(?:breach|risk|ambiguity)\b")

# Parts that still hold the library's English sentences on a French page, each introduced by a
# French line saying so: the English word "breach" would be a word there, not a raw severity.
# None left: the findings, the comparison and the working are said in French
# (tests/report/test_page_french.py checks them for English words).
STILL_IN_ENGLISH: set[str] = set()


class VisibleText(HTMLParser):
    """The text a browser shows of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("style", "script")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("style", "script")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def shown(obj) -> str:
    """What a notebook shows of a cell's object."""
    if isinstance(obj, Styler):
        page = obj.to_html()
    elif type(obj).__name__ == "Markdown":
        page = mistune.html(obj.data)  # as the notebook renders it: a link shows its words
    elif type(obj).__name__ == "HTML":
        page = obj.data
    else:
        page = obj._repr_html_()
    parser = VisibleText()
    parser.feed(page)
    return " ".join(parser.parts)


def chart_texts(figure) -> str:
    figure.draw_without_rendering()  # the tick labels get their text
    return " | ".join(t.get_text() for t in figure.findobj(matplotlib.text.Text)
                      if t.get_text())


def rendered(vendor: str, lang: str) -> dict[str, str]:
    """Each part of the report (named as its cell's call) -> its visible text."""
    report = prepare(vendors=[vendor], lang=lang, **SCENARIO)
    parts = {
        "title": report.title(), "summary_card": report.summary_card(),
        "introduction": report.introduction(), "parameters_table": report.parameters_table(),
        "late_payment_table": report.late_payment_table(), "sla_table": report.sla_table(),
        "exit_table": report.exit_table(), "folded_findings": report.folded_findings(),
        "folded_comparison": report.folded_comparison(),
    }
    texts = {name: shown(obj) for name, obj in parts.items()}
    for section in ("parameters", "late_payment", "sla", "exit", "findings", "comparison"):
        texts[f"heading {section}"] = shown(report.heading(section))
    texts["working"] = " ".join(shown(report.working(s)) for s in ("late_payment", "sla", "exit"))
    figures = [report.late_payment_chart(), report.penalty_rate_chart(), *report.sla_charts(),
               report.renewal_chart(), report.findings_chart()]
    texts["charts"] = " | ".join(chart_texts(f) for f in figures if f is not None)
    plt.close("all")
    return texts


def leaks(part: str, text: str, lang: str) -> set[str]:
    found = set(SNAKE_CASE.findall(text)) | set(PYTHON_VALUES.findall(text))
    if lang == "fr" and part not in STILL_IN_ENGLISH:
        found |= set(ENGLISH_SEVERITIES.findall(text))
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("vendor", FIVE)
def test_no_identifier_reaches_a_page(vendor, lang):
    texts = rendered(vendor, lang)
    assert texts["title"] and texts["charts"]  # the parts were rendered
    found = {part: sorted(leaks(part, text, lang)) for part, text in texts.items()}
    assert not {part: words for part, words in found.items() if words}


def test_the_scan_finds_what_it_looks_for():
    text = "délai term_end ; valeur None ; gravité breach"
    assert leaks("title", text, "fr") == {"term_end", "None", "breach"}
    assert leaks("title", "severity breach", "en") == set()
    assert leaks("charts", "JANQUOR v term_end", "fr") == {"term_end"}
    assert leaks("folded_findings", "late_rate_below_floor", "fr") == {"late_rate_below_floor"}
    # the library's English sentences may say "breach"; an identifier is found there too
    assert leaks("folded_comparison", "a breach under term_end", "fr") == {"breach", "term_end"}
    assert leaks("working", "a breach under term_end", "fr") == {"breach", "term_end"}


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_identifier_in_the_notebooks_and_apps_charts(lang):
    # the charts the notebooks and apps draw beside the report's: what leaving costs, the price
    # paths (every vendor's clause, notes included), the Syntec index, Teogest's downtime
    # allowance and its préavis by tenure
    from cgvlib.views.notice import exit_cost_by_date, notice_by_tenure
    from cgvlib.views.prices import price_paths_chart, syntec_chart
    from cgvlib.views.sla import downtime_budget_chart

    figures = [exit_cost_by_date(v, "2024-01-31", monthly_amount=1000, notice_sent="2024-12-05",
                                 commitment_months=12 if v == "gout" else None, lang=lang)
               for v in FIVE]
    figures += [price_paths_chart(FIVE, 1000, "2023-03-15", "2025-10-31", lang=lang),
                syntec_chart(lang=lang), downtime_budget_chart(lang=lang),
                notice_by_tenure(lang=lang)]
    texts = " | ".join(chart_texts(f) for f in figures)
    plt.close("all")
    assert leaks("charts", texts, lang) == set()
