"""The HTML reports in a real browser at 1366x768: the summary card's figures are on the first
screen, without scrolling; the comparison page (every vendor together) answers on its first
screen and folds its details, so that it stays short.

Two reports are generated as ``make demo`` does (the template's default scenario, in French):
Teogest's alone, and the five vendors together. Needs ``/usr/bin/chromium``, like
``test_dashboard.py`` (skipped without it, failed with ``CGVLIB_REQUIRE_BROWSER=1``). Screenshots
of the first screens go to ``test-output/browser/``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.dates import format_date
from cgvlib.money import format_eur
from cgvlib.report.batch import run
from tests.browser.test_dashboard import CHROMIUM_ARGS, OUTPUT, browser, chromium  # noqa: F401

SCREEN = {"width": 1366, "height": 768}
VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout"]
# Before the card and the folds, the page over the five vendors weighed 1.33 MB (its charts as
# full-colour PNGs, every table open) and was 37,000 px tall at 1366 px wide. Now the card, the
# scenario and the three scenario tables stay open and the rest folds: six screens at most,
# and under 1 MB (the charts in 256 colours, a quarter of their weight).
MAX_TOGETHER_HEIGHT = 6 * SCREEN["height"]
MAX_TOGETHER_BYTES = 1_000_000


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Teogest's report and the report over the five vendors, as `make demo` makes them."""
    out = tmp_path_factory.mktemp("reports")
    for batch in (run(["teogest"], out=out, progress=False),
                  run(VENDORS, out=out, together=True, progress=False)):
        assert batch.ok, batch.summary()
    return out


@pytest.fixture
def page(browser):  # noqa: F811 - the module-scoped browser of test_dashboard
    context = browser.new_context(viewport=SCREEN)
    try:
        yield context.new_page()
    finally:
        context.close()


def on_first_screen(page, locator) -> bool:
    """Whether the element is shown whole inside the window, the page not scrolled."""
    box = locator.bounding_box()
    return (box is not None and page.evaluate("window.scrollY") == 0 and box["y"] >= 0
            and box["y"] + box["height"] <= SCREEN["height"]
            and box["x"] + box["width"] <= SCREEN["width"])


def test_the_card_is_on_the_first_screen_of_a_vendor_report(reports, page):
    page.goto((reports / "teogest.html").as_uri())
    OUTPUT.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(OUTPUT / "report-teogest-first-screen.png"))
    row = page.locator('.cgv-card tr[data-vendor="teogest"]')
    # Teogest, the default scenario (worked out in tests/report/test_summary_card.py): the
    # floor's 102.51 EUR (73.16 EUR by the clause), last safe day 2025-01-30, 2,000 EUR at
    # stake if the letter leaves only on 2025-01-31.
    owed, deadline, stake = (row.locator(f"td.cgv-{c} .cgv-figure")
                             for c in ("owed", "deadline", "stake"))
    assert owed.inner_text() == format_eur(10251, "fr")
    assert deadline.inner_text() == format_date(dt.date(2025, 1, 30), "fr")
    assert stake.inner_text() == format_eur(200000, "fr")
    assert "1 manquement" in row.locator("td.cgv-findings").inner_text()
    for figure in (owed, deadline, stake, row.locator("td.cgv-findings")):
        assert on_first_screen(page, figure), figure


def test_the_card_links_to_the_details(reports, page):
    page.goto((reports / "teogest.html").as_uri())
    page.locator('.cgv-card tr[data-vendor="teogest"] td.cgv-deadline a').click()
    # the link leads to the termination section: its heading is now on screen
    assert page.evaluate("window.scrollY") > 0
    box = page.locator("#exit").bounding_box()
    assert box is not None and 0 <= box["y"] < SCREEN["height"], box


def test_the_comparison_page_answers_on_its_first_screen_and_stays_short(reports, page):
    html = reports / "vendors.html"
    page.goto(html.as_uri())
    page.screenshot(path=str(OUTPUT / "report-vendors-first-screen.png"))
    rows = page.locator(".cgv-card tbody tr")
    assert rows.count() == len(VENDORS)
    for i in range(len(VENDORS)):
        for cell in ("owed", "deadline", "stake", "findings"):
            assert on_first_screen(page, rows.nth(i).locator(f"td.cgv-{cell}")), (i, cell)
    # the details are folded: charts, findings, the clause table
    assert page.locator("details[open]").count() == 0
    assert page.locator("details").count() >= 5
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_TOGETHER_HEIGHT, height
    assert html.stat().st_size < MAX_TOGETHER_BYTES
