"""Every page of the report, for every vendor, in both languages, as a reader sees it: no
code identifier (snake_case), no ``True``/``False``/``None``/``nan``, and on a French page no
English severity (``breach``...).

The report is rendered as ``notebooks/report.ipynb`` renders it, without a kernel: each cell's
object (Markdown, HTML, a styled table, the summary card) turned into the text a browser shows
(tags, styles and scripts left out), and each chart's texts (title, axes, ticks, legend,
notes) read from the figure.

:data:`KNOWN_LEAKS` lists, part by part, the identifiers that still reach a page; the test
fails on any other. Shrink the list as the parts are fixed: a part that shows a reading or a
check should pass it through :func:`cgvlib.names.label`."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.text
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

# Reading names (cgvlib.names has a label for each), check ids and parameter names that the
# parts below still print as they are.
READINGS = {
    "after_due_date_delay_start", "after_due_date_invoice_date", "after_due_date_semester",
    "after_formal_notice", "art20_notice", "as_written", "before_event_day", "calendar_months",
    "capped_at_9", "daily_average_all_users", "day_31_delay_start", "day_31_invoice_date",
    "day_31_semester", "debit_date_is_due", "earlier_of_two", "ecb_on_delay_start",
    "ecb_semester_rate", "end_of_month", "eve_of_renewal", "excl_vat", "first_of_month",
    "index_in_full", "jours_ouvres_24h", "later_of_two", "lower_tier", "ninety_days",
    "on_receipt", "one_year_no_notice", "one_year_notice_due", "per_affected_user_per_day",
    "prorata_30", "prorata_months", "refund_discretionary", "refund_owed", "support_hours",
    "ten_days", "term_end", "text_year_225_days", "three_years", "to_event_day",
    "twelve_weeks", "upper_tier", "vat_included", "weeks_of_five_days", "while_confidential",
    "without_notice",
}
KNOWN_LEAKS: dict[str, set[str]] = {
    # cgvlib/views/findings.py table: the check's id, and reading names in the explanations
    # (cgvlib.analysis, English)
    "folded_findings": READINGS | {"*check id*"},
    # result.explain() (cgvlib/arithmetic): the library's English working
    "working": READINGS | {"monthly_amount"},
    # cgvlib/views/notice.py renewal chart, tick labels: "v term_end; x anniversary"
    "charts": {"term_end"},
}


# Parts whose sentences are still the library's English on a French page (cgvlib.analysis
# describes the clauses and explains the findings, cgvlib.arithmetic writes the working): the
# English word "breach" is a word there, not a raw severity.
STILL_IN_ENGLISH = {"working", "folded_findings", "folded_comparison"}


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
        page = html.escape(obj.data)
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


def leaks(part: str, text: str, lang: str, check_ids: set[str]) -> set[str]:
    found = set(SNAKE_CASE.findall(text)) | set(PYTHON_VALUES.findall(text))
    if lang == "fr" and part not in STILL_IN_ENGLISH:
        found |= set(ENGLISH_SEVERITIES.findall(text))
    allowed = KNOWN_LEAKS.get(part, set())
    if "*check id*" in allowed:
        allowed = allowed | check_ids
    return found - allowed


@pytest.fixture(scope="module")
def check_ids() -> set[str]:
    from cgvlib.analysis.checks import REGISTRY

    return set(REGISTRY)


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("vendor", FIVE)
def test_no_identifier_reaches_a_page(vendor, lang, check_ids):
    texts = rendered(vendor, lang)
    assert texts["title"] and texts["charts"]  # the parts were rendered
    found = {part: sorted(leaks(part, text, lang, check_ids)) for part, text in texts.items()}
    assert not {part: words for part, words in found.items() if words}


def test_the_scan_finds_what_it_looks_for(check_ids):
    text = "délai term_end ; valeur None ; gravité breach"
    assert leaks("title", text, "fr", check_ids) == {"term_end", "None", "breach"}
    assert leaks("title", "severity breach", "en", check_ids) == set()
    assert leaks("charts", "JANQUOR v term_end", "fr", check_ids) == set()  # known
    assert leaks("exit_table", "30 janvier 2026: term_end", "fr", check_ids) == {"term_end"}
    assert leaks("folded_findings", "late_rate_below_floor", "fr", check_ids) == set()
