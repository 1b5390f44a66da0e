"""The dashboard in a real browser: Voilà serves ``notebooks/dashboard.ipynb``, Debian's
chromium (driven by Playwright) opens it, every tab renders its widgets without a widget error,
and changing a control redraws the chart and the table of its tab.

Needs ``/usr/bin/chromium`` (``apt-get install -y chromium chromium-driver``). Without it the
tests are skipped, unless ``CGVLIB_REQUIRE_BROWSER=1`` (CI sets it), which makes them fail.
The page may fetch nothing but from the local server: every other request is blocked and
recorded, so the widgets' JavaScript must come from the installed Jupyter extensions.
Screenshots (full page) and the server's log go to ``test-output/browser/``.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cgvlib.apps.dashboard import TABS, tab_title
from cgvlib.i18n import translate
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
NOTEBOOK = ROOT / "notebooks" / "dashboard.ipynb"
OUTPUT = ROOT / "test-output" / "browser"
SERVER_START_S = 60  # until Voilà answers
FIRST_RENDER_MS = 120_000  # until Voilà has run the whole notebook and sent the page
STEP_MS = 30_000  # any other wait: a tab shown, a control changed until its chart is redrawn
WIDGET_ERRORS = ("Error displaying widget", "Failed to load model class",
                 "Could not create a model")
WIDGET_CONSOLE_ERROR = re.compile(r"model class|create a model|widget", re.IGNORECASE)
MAX_SHOT_HEIGHT = 16_000  # px
# The height of the page's content: Voilà's lab template scrolls it in #rendered_cells.
CONTENT_HEIGHT = ("() => Math.max(document.documentElement.scrollHeight, "
                  "...[...document.querySelectorAll('#rendered_cells')].map(e => e.scrollHeight))")
LANG = "fr"  # the notebook's default: the page is French
SHOWN_TABS = [tab_title(tab, LANG) for tab in TABS]  # the tabs' titles on the page
TITLES = {tab_title(tab, LANG): translate(app_class.title, LANG)
          for tab, (app_class, _) in TABS.items()}


# --- the browser and the server -------------------------------------------------------------

def missing(reason: str) -> None:
    """Skip the browser tests, or fail them when CGVLIB_REQUIRE_BROWSER=1 (as in CI)."""
    if os.environ.get("CGVLIB_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}; CGVLIB_REQUIRE_BROWSER=1 requires the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's chromium, or a skip (a failure with CGVLIB_REQUIRE_BROWSER=1) saying how to
    install it."""
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} is missing: install Debian's chromium with "
                "`apt-get install -y chromium chromium-driver` (as root)")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium):
    """One headless chromium for the module, launched by Playwright."""
    try:
        from playwright import sync_api
    except ImportError:
        missing("playwright is missing: install the test tools, pip install -e '.[test]'")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(chromium), headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def voila_command(port: int) -> list[str]:
    """Voilà from the interpreter running the tests (the project's venv)."""
    voila = Path(sys.executable).with_name("voila")
    program = [str(voila)] if voila.exists() else [sys.executable, "-m", "voila"]
    return [*program, str(NOTEBOOK), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
            "--VoilaConfiguration.show_tracebacks=True"]


def stop(server: subprocess.Popen) -> None:
    """Ask Voilà to stop (it shuts its kernels down), then kill it and its kernels."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # its own session: Voilà and its kernels
            server.wait(timeout=10)


def wait_until_answering(server: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"voila exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}voila/static/voila.js", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"voila did not answer at {url} within {SERVER_START_S} s:\n"
                f"{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def dashboard_url(chromium):
    """Serve the dashboard with Voilà on a free local port; its URL, ending with ``/``."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = OUTPUT / "voila.log"
    with log.open("w") as out:
        server = subprocess.Popen(voila_command(port), cwd=ROOT, stdout=out,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
    try:
        wait_until_answering(server, url, log)
        yield url
    finally:
        stop(server)


# --- one visit of the page --------------------------------------------------------------------

@dataclass
class Visit:
    """The page, what it asked the local server for, what it was refused (any other host),
    and its console errors and uncaught exceptions."""

    page: object
    local: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def shot(self, name: str) -> None:
        """A full-page screenshot. Voilà's page scrolls inside a panel, not the document, so
        the window is made as tall as that panel's content while the screenshot is taken."""
        page, size = self.page, self.page.viewport_size
        height = min(page.evaluate(CONTENT_HEIGHT), MAX_SHOT_HEIGHT)
        page.set_viewport_size({"width": size["width"], "height": max(height, size["height"])})
        try:
            page.wait_for_function(f"() => ({CONTENT_HEIGHT})() <= window.innerHeight + 1")
            page.screenshot(path=str(OUTPUT / f"{name}.png"), full_page=True)
        finally:
            page.set_viewport_size(size)

    def widget_errors_shown(self) -> list[str]:
        text = self.page.evaluate("() => document.body.textContent")
        return [error for error in WIDGET_ERRORS if error in text]

    def widget_console_errors(self) -> list[str]:
        return [m for m in self.console_errors + self.page_errors
                if WIDGET_CONSOLE_ERROR.search(m)]


@pytest.fixture(scope="module")
def visit(browser, dashboard_url):
    """The dashboard opened in a fresh browser context, its tabs shown. One visit serves every
    test (Voilà runs the notebook in a new kernel for each visit); no test needs another's
    changes, and none undoes them."""
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    seen = Visit(page)

    def local_only(route):
        url = route.request.url
        if url.startswith(dashboard_url):
            seen.local.append(url)
            route.continue_()
        else:
            seen.blocked.append(f"{route.request.resource_type} {url}")
            route.abort()

    def console(message):
        if message.type == "error":
            seen.console_errors.append(message.text)

    page.route("**/*", local_only)
    page.on("console", console)
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
    page.set_default_timeout(STEP_MS)
    try:
        # Voilà sends the page as it runs the notebook: "load" comes once the notebook has run
        page.goto(dashboard_url, wait_until="load", timeout=FIRST_RENDER_MS)
        tabs = page.locator(".widget-tab .lm-TabBar-tab")
        try:
            expect(tabs).to_have_count(len(TABS), timeout=STEP_MS)
        except AssertionError as error:
            raise AssertionError(
                f"the dashboard's tabs did not render ({error}); console errors: "
                f"{seen.console_errors}; requests refused: {seen.blocked}") from None
        expect(tabs).to_have_text(SHOWN_TABS, timeout=STEP_MS)
        yield seen
    finally:
        context.close()


def panel(page, tab: str):
    """The content of ``tab`` (its app's VBox), after clicking the tab."""
    page.locator(".widget-tab .lm-TabBar-tab", has_text=tab).click()
    return page.locator(".widget-tab-contents > .widget-box", has_text=TITLES[tab])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- the tests --------------------------------------------------------------------------------

def test_every_tab_renders_its_app_without_widget_errors(visit):
    from playwright.sync_api import expect

    for number, tab in enumerate(SHOWN_TABS, start=1):
        content = panel(visit.page, tab)
        expect(content).to_be_visible(timeout=STEP_MS)
        # each app shows a chart (a PNG) or a styled table in its output area (a table app
        # has the chosen row's detail first, empty until a row is chosen)
        shown = content.locator(".widget-output img, .widget-output table").first
        expect(shown).to_be_visible(timeout=STEP_MS)
        visit.shot(f"tab-{number}-{slug(tab)}")
    assert visit.widget_errors_shown() == []
    assert visit.widget_console_errors() == []
    assert visit.page_errors == []
    # the widgets' code came from the local server (the installed extensions), none from a CDN
    assert any("/jupyterlab-manager/" in url for url in visit.local)
    assert [b for b in visit.blocked if b.startswith("script ")] == []


def test_changing_the_amount_redraws_the_late_payment_chart_and_table(visit):
    from playwright.sync_api import expect

    content = panel(visit.page, "Retard de paiement")
    chart = content.locator(".widget-output img").first
    table = content.locator(".widget-output table").first
    expect(chart).to_be_visible(timeout=STEP_MS)
    expect(table).to_contain_text("€", timeout=STEP_MS)  # sums as French pages write them
    before_src, before_table = chart.get_attribute("src"), table.inner_text()
    visit.shot("late-payment-before")

    amount = content.get_by_label("Montant (EUR)")
    amount.fill("2500" if amount.input_value() != "2500" else "5000")
    amount.press("Enter")  # the amount field sends its text on Enter (or when it loses focus)

    expect(chart).not_to_have_attribute("src", before_src, timeout=STEP_MS)
    expect(table).not_to_have_text(before_table, timeout=STEP_MS)
    visit.shot("late-payment-after")
    assert visit.widget_errors_shown() == []
    assert visit.widget_console_errors() == []
