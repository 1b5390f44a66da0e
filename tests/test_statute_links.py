"""Every citation of the statute articles the project relies on links to its official text on
Légifrance: in the prose of every notebook (workbook, lessons and their French editions,
solutions; the French prose a lesson keeps in its cells' metadata too) and in the report's
prose."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cgvlib.errors import InputError
from cgvlib.report.sections import prepare
from cgvlib.statute_links import (
    STATUTE_URLS,
    link_citations,
    statute_link,
    statute_url,
    unlinked_citations,
)
from tests.conftest import ROOT

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)
ARTICLE = "https://www.legifrance.gouv.fr/codes/article_lc/"


def test_each_article_has_its_legifrance_address():
    # LEGIARTI identifiers of the articles (Légifrance)
    assert STATUTE_URLS == {
        "L441-1": ARTICLE + "LEGIARTI000038414469",
        "L441-10": ARTICLE + "LEGIARTI000038414392",
        "D441-5": ARTICLE + "LEGIARTI000043197457",
        "L442-1": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000006232255",
        "1218": ARTICLE + "LEGIARTI000032041431",
        "1231-5": ARTICLE + "LEGIARTI000032010131",
    }
    assert statute_link("D441-5") == f"[D441-5]({ARTICLE}LEGIARTI000043197457)"
    with pytest.raises(InputError, match="article: 'L441-6' has no link; valid: L441-1, "):
        statute_url("L441-6")


def test_citations_become_links_and_links_stay():
    text = "the floor of L441-10 II, 40 EUR (D441-5); Code civil 1231-5."
    assert link_citations(text) == (
        f"the floor of [L441-10]({ARTICLE}LEGIARTI000038414392) II, 40 EUR "
        f"([D441-5]({ARTICLE}LEGIARTI000043197457)); Code civil "
        f"[1231-5]({ARTICLE}LEGIARTI000032010131).")
    assert unlinked_citations(text) == ["L441-10", "D441-5", "1231-5"]
    assert unlinked_citations(link_citations(text)) == []


def test_only_whole_citations_count_and_a_wrong_address_is_caught():
    # L441-1 is not L441-10; no citation inside a longer number, identifier or amount
    assert unlinked_citations("L441-1 and L441-10") == ["L441-1", "L441-10"]
    assert unlinked_citations("L441-10-1, 12180, LEGIARTI0001218, 1 218,00, 1218.5") == []
    # a link citing an article must open that article, not another one's text
    assert unlinked_citations(f"[L441-10]({ARTICLE}LEGIARTI000043197457)") == ["L441-10"]


@given(st.lists(st.sampled_from([*STATUTE_URLS, " ", "II", "(", ")", ", ", "art. ", "\n", "x"]),
                max_size=30))
def test_linking_leaves_no_citation_unlinked_and_is_idempotent(parts):
    text = "".join(parts)
    linked = link_citations(text)
    assert unlinked_citations(linked) == []
    assert link_citations(linked) == linked


def prose(path) -> list[tuple[str, str]]:
    """Each markdown cell's text, and each translation a lesson keeps in its metadata."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    texts = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        texts.append((cell["id"], "".join(cell["source"])))
        texts += [(f"{cell['id']} ({lang})", words)
                  for lang, words in cell.get("metadata", {}).get("cgvlib", {}).items()]
    return texts


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_citation_in_a_notebook_links_to_its_text(path):
    unlinked = [(cell, cited) for cell, text in prose(path) for cited in unlinked_citations(text)]
    assert not unlinked, f"{path.name}: cite with cgvlib.statute_links.statute_link: {unlinked}"


def test_the_lessons_and_workbook_cite_with_links():
    # the statute's own words are cited in the lessons: the links are there, not just absent
    cited = "".join(text for name in ("teaching/01_late_payment_law", "02_late_payment")
                    for _, text in prose(ROOT / "notebooks" / f"{name}.ipynb"))
    assert f"[L441-10]({ARTICLE}LEGIARTI000038414392)" in cited
    assert f"[D441-5]({ARTICLE}LEGIARTI000043197457)" in cited


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_citation_in_the_report_prose_links_to_its_text(lang):
    report = prepare(vendors=["teogest", "janquor"], invoice_amount=10000, due="2024-03-01",
                     paid="2024-04-15", unavailability_percent=0.5, monthly_amount=1000,
                     contract_start="2024-01-31", notice_date="2024-12-05", lang=lang)
    pages = [report.introduction().data] + [report.heading(section).data for section in
                                            ("late_payment", "sla", "exit", "findings")]
    assert all(unlinked_citations(page) == [] for page in pages), pages
    # the late-payment section cites L441-10 and D441-5, each with its link
    assert f"[L441-10]({ARTICLE}LEGIARTI000038414392)" in pages[1]
    assert f"[D441-5]({ARTICLE}LEGIARTI000043197457)" in pages[1]
