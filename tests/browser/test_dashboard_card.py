"""The summary card at the top of the dashboard (Voilà, in a real browser): one row per vendor
of the dashboard's scenario, above the tabs, its figures on the first screen.

Same server, browser and page as ``test_dashboard.py`` (its fixtures); skipped without
``/usr/bin/chromium`` unless ``CGVLIB_REQUIRE_BROWSER=1``.
"""

from __future__ import annotations

import datetime as dt

from cgvlib.dates import format_date
from cgvlib.money import format_eur
from tests.browser.test_dashboard import (  # noqa: F401 - fixtures
    STEP_MS,
    browser,
    chromium,
    dashboard_url,
    visit,
)


def test_the_card_is_above_the_tabs_on_the_first_screen(visit):  # noqa: F811
    from playwright.sync_api import expect

    page = visit.page
    page.evaluate("() => { window.scrollTo(0, 0); document.querySelectorAll("
                  "'#rendered_cells').forEach(e => e.scrollTop = 0); }")
    card = page.locator(".cgv-card")
    expect(card).to_be_visible(timeout=STEP_MS)
    # the dashboard's five vendors; the law's default terms have no contract to leave
    assert card.locator("tbody tr").count() == 5
    # Teogest, the default scenario (worked out in tests/report/test_summary_card.py; the
    # dashboard's card is in French, the page's language): 102.51 EUR owed, last safe day
    # 2025-01-30
    teogest = card.locator('tr[data-vendor="teogest"]')
    assert teogest.locator("td.cgv-owed .cgv-figure").inner_text() == format_eur(10251, "fr")
    deadline = teogest.locator("td.cgv-deadline .cgv-figure")
    assert deadline.inner_text() == format_date(dt.date(2025, 1, 30), "fr")
    window = page.viewport_size["height"]
    box = deadline.bounding_box()
    assert box is not None and box["y"] + box["height"] <= window, box
    tabs = page.locator(".widget-tab").first.bounding_box()
    assert tabs is not None and card.bounding_box()["y"] < tabs["y"]
