"""Time from a control's change on the dashboard page to its chart redrawn in a real browser.

Voilà serves ``notebooks/dashboard.ipynb`` (French, its default parameters) as ``make
dashboard`` does; Debian's chromium (``/usr/bin/chromium``, headless, ``--no-sandbox``),
driven by Playwright, opens it. On every tab that has a chart, one control is given
:data:`CHANGES` values not seen before (so memoisation cannot hide the work), typed as a
reader types them (``fill``, then Enter). Each change is timed in the page itself: from the
``input`` event of the field to the moment the tab's new chart image (another ``src``) is
decoded, ready to paint, so the figure includes the trip to the kernel and back, the
recomputation, the PNG and its transfer.

Baseline in the same run, right after each tab's changes in the page: the same changes made
in-process on the same dashboard (:func:`cgvlib.apps.dashboard.dashboard` with the
notebook's parameters), timed with ``bench_apps``' method (the control set until the
results are recomputed and the PNG the notebook shows is rendered). The ratio is the page's
median over the in-process median.
Target: a median under 400 ms per tab. Needs chromium and Playwright (the test tools):
without them the benchmark says so and exits 1.
"""

from __future__ import annotations

import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_apps import render  # noqa: E402  (the notebook's PNG, as bench_apps renders it)

from cgvlib.apps.dashboard import dashboard, tab_title  # noqa: E402
from cgvlib.i18n import translate  # noqa: E402

sys.path.insert(0, str(ROOT))
# the browser test's way of finding chromium and serving the dashboard with Voilà
from tests.browser.test_dashboard import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    free_port,
    stop,
    voila_command,
)

LANG = "fr"  # the notebook's default
CHANGES = 10
TARGET_MS = 400.0
SERVER_START_S = 60
FIRST_RENDER_MS = 180_000
STEP_MS = 30_000
# The notebook's parameters (its cell tagged ``parameters``) and the settings it gives the tabs.
VENDORS = ["janquor", "iosmart", "teogest", "leappy", "gout", "statutory"]
SETTINGS = {
    "Late payment": {"amount": 10000, "due": "2024-03-01", "paid": "2024-04-15"},
    "Service credits (SLA)": {"vendor": "teogest", "month": "2024-03", "downtime": "1h30"},
    "Notice and exit": {"vendor": "janquor", "start": "2024-01-31",
                        "notice_sent": "2024-12-05"},
    "Price revision": {"price": 1000, "start": "2023-03-15"},
}
# Tab -> (the control changed, the values typed): every tab that has a chart. Each value
# changes the chart's picture (a change that leaves it alike sends the same image, which the
# page cannot tell from no change).
CHANGED = {
    "Late payment": ("amount", [str(10000 + i) for i in range(1, CHANGES + 1)]),
    "Service credits (SLA)": ("downtime", [f"1h{30 + i}" for i in range(1, CHANGES + 1)]),
    "Notice and exit": ("notice_sent", [f"{5 + i:02d}/12/2024" for i in range(1, CHANGES + 1)]),
    "Price revision": ("price", [str(1000 + i) for i in range(1, CHANGES + 1)]),
    # month ends going back from the data's end: each moves the claims, so the chart changes
    "Your ledger": ("as_of", ["31/05/2026", "30/04/2026", "31/03/2026", "28/02/2026",
                              "31/01/2026", "31/12/2025", "30/11/2025", "31/10/2025",
                              "30/09/2025", "31/08/2025"]),
}

# In the page: arm a timer on the field (its first ``input`` event starts it) and on the
# panel (the first chart image with another ``src``, once decoded, stops it).
ARM = """([panel, field]) => {
  const before = panel.querySelector('.widget-output img')?.src;
  window.__cgvTiming = {start: null, end: null};
  const timing = window.__cgvTiming;
  field.addEventListener('input', () => { if (timing.start === null)
      timing.start = performance.now(); }, {once: true, capture: true});
  const seen = new MutationObserver(() => {
    const img = panel.querySelector('.widget-output img');
    if (!img || img.src === before || timing.end !== null || timing.waiting) return;
    timing.waiting = true;
    seen.disconnect();
    img.decode().catch(() => null).then(() => { timing.end = performance.now(); });
  });
  seen.observe(panel, {subtree: true, childList: true, attributes: true,
                       attributeFilter: ['src']});
}"""
DONE = "() => window.__cgvTiming && window.__cgvTiming.end !== null"
ELAPSED = "() => window.__cgvTiming.end - window.__cgvTiming.start"


def wait_until_answering(server: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"voila exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}voila/static/voila.js", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"voila did not answer at {url} within {SERVER_START_S} s")


def in_page(page, tab: str, control_label: str, values: list[str]) -> list[float]:
    """Each change of the control labelled ``control_label`` on ``tab``: ms until the new
    chart is decoded."""
    title = translate(PROCESS.apps[tab].title, LANG)
    page.locator(".widget-tab .lm-TabBar-tab", has_text=tab_title(tab, LANG)).click()
    panel = page.locator(".widget-tab-contents > .widget-box", has_text=title)
    panel.locator(".widget-output img").first.wait_for(state="visible", timeout=STEP_MS)
    field = panel.get_by_label(control_label, exact=True)
    times = []
    for value in values:
        page.evaluate(ARM, [panel.element_handle(), field.element_handle()])
        field.fill(value)
        field.press("Enter")
        try:
            page.wait_for_function(DONE, timeout=STEP_MS)
        except Exception as exc:
            raise RuntimeError(f"{tab}: {control_label} = {value!r}: no new chart within "
                               f"{STEP_MS / 1000:.0f} s") from exc
        times.append(page.evaluate(ELAPSED))
    return times


def measure(sync_playwright, url: str) -> dict[str, tuple[list[float], list[float]]]:
    """Open the page in chromium and time the changes of every tab of :data:`CHANGED`, each
    tab's in the page then in-process (so both meet the same load of the machine)."""
    times = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.set_default_timeout(STEP_MS)
            page.goto(url, wait_until="load", timeout=FIRST_RENDER_MS)
            page.locator(".widget-tab .lm-TabBar-tab").first.wait_for(timeout=STEP_MS)
            for tab, (name, values) in CHANGED.items():
                if tab not in PROCESS.apps:  # a tab the dashboard does not have (any more)
                    continue
                label = PROCESS.apps[tab].controls[name].description
                times[tab] = (in_page(page, tab, label, values),
                              in_process(tab, name, values))
        finally:
            browser.close()
    return times


def in_process(tab: str, name: str, values: list[str]) -> list[float]:
    """The same changes in-process, with bench_apps' method."""
    app = PROCESS.apps[tab]
    control = app.controls[name]
    times = []
    for value in values:
        start = time.perf_counter()
        control.value = value
        if app.figure_changed:
            render(app, app.figure)
        times.append((time.perf_counter() - start) * 1000)
        if app.error is not None:
            raise RuntimeError(f"{tab}: {name} = {value!r}: {app.error}")
    return times


PROCESS = dashboard(VENDORS, SETTINGS, lang=LANG)


def main() -> int:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("playwright is missing: install the test tools, pip install -e '.[test]'")
        return 1
    if not CHROMIUM.exists():
        print(f"{CHROMIUM} is missing: apt-get install -y chromium")
        return 1
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:  # Voilà's log, shown when the page fails
        server = subprocess.Popen(voila_command(port), cwd=ROOT, stdout=log,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
        try:
            wait_until_answering(server, url)
            page_times = measure(sync_playwright, url)
        except Exception:
            log.seek(0)
            print(log.read().decode(errors="replace")[-3000:])
            raise
        finally:
            stop(server)
    failed = False
    print(f"{'tab':<24} {'control':<14} {'page median':>12} {'page p95':>9} "
          f"{'in-process':>11} {'ratio':>6}  verdict")
    for tab, (name, _values) in CHANGED.items():
        if tab not in page_times:
            continue
        times, process = page_times[tab]
        median, baseline = statistics.median(times), statistics.median(process)
        p95 = statistics.quantiles(times, n=20)[-1]
        ok = median < TARGET_MS
        failed |= not ok
        print(f"{tab:<24} {name:<14} {median:10.1f}ms {p95:7.1f}ms {baseline:9.1f}ms "
              f"{median / baseline:5.2f}x  {'PASS' if ok else 'FAIL'}")
    print(f"target: median < {TARGET_MS:.0f} ms from typing a value to the tab's new chart "
          f"decoded in chromium ({CHANGES} changes per tab); baseline: the same changes "
          "in-process (results recomputed, the notebook's PNG rendered)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
