"""Time from a control's change to the app's updated results and redrawn figure.

For every app in cgvlib.apps, set one numeric control 50 times to values not seen before (so
memoisation cannot hide the work), or for the apps whose chart that control leaves as it is
the control that moves it (:data:`MOVED`: the SLA app's downtime, the notice app's letter
date), and time each change until the results are recomputed and
the figure is rendered to the PNG the notebook front end receives (when the change leaves the
figure as it was, e.g. an invoice amount that does not move the chart, the app does not
redisplay it and nothing is rendered): the PNG an app with its own rendering makes
(:class:`~cgvlib.apps.chart_app.ChartApp`, legend as HTML under it), otherwise what the
notebook's matplotlib formatter makes of a figure (``print_figure(fig, "png",
bbox_inches="tight")``, the inline backend's default). Baseline in the same run: the same
computation and rendering called directly, without the widgets.
Targets: median under 150 ms per change, 95th percentile under 300 ms.
``python benchmarks/bench_apps.py SlaApp NoticeApp`` times only the apps named.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
import statistics
import sys
import time

import ipywidgets as widgets
from IPython.core.pylabtools import print_figure

import cgvlib.apps
from cgvlib.apps.base import App
from cgvlib.apps.chart_app import ChartApp
from cgvlib.apps.inputs import AmountText, typed_euros

CHANGES = 50
TARGET_MS = 150.0
TARGET_P95_MS = 300.0
LETTER_SENT = dt.date(2024, 12, 5)  # the notice app's default letter date

# The control a reader moves where it redraws the chart, and its value at the i-th change
# (from 1): minutes of downtime in the SLA app's month (91 to 140 min: 0.2 to 0.3 %, across
# the first gap between two tiers); the notice app's letter one day later each time, typed as
# a reader types it (06/12/2024, ...).
MOVED = {
    "SlaApp": ("downtime", lambda i: str(90 + i)),
    "NoticeApp": ("notice_sent",
                  lambda i: f"{LETTER_SENT + dt.timedelta(days=i):%d/%m/%Y}"),
}


def apps() -> list[type[App]]:
    found = []
    for info in pkgutil.iter_modules(cgvlib.apps.__path__):
        module = importlib.import_module(f"cgvlib.apps.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, App) and cls is not App and cls.__module__ == module.__name__
                    and "make_controls" in vars(cls)):  # skip App and abstract bases
                found.append(cls)
    return found


def numeric_control(app: App) -> tuple[str, float] | None:
    """The app's first amount field (typed text, read as euros) or number box."""
    for name, control in app.controls.items():
        if isinstance(control, AmountText):
            return name, typed_euros(control.value, name, optional=True) or 0.0
    for name, control in app.controls.items():
        if isinstance(control, widgets.FloatText | widgets.BoundedFloatText | widgets.IntSlider
                      | widgets.FloatSlider | widgets.IntText | widgets.BoundedIntText):
            return name, float(control.value or 0)
    return None


def render(app: App, figure) -> None:
    """The PNG the notebook shows for ``figure`` in ``app``."""
    if figure is None or not hasattr(figure, "savefig"):
        return
    if isinstance(app, ChartApp):
        app.shown_png()  # the PNG it renders itself (ChartApp._show)
    else:
        print_figure(figure, "png", bbox_inches="tight")


def changes(app: App) -> tuple[str, list] | None:
    """The control to move and its :data:`CHANGES` values, each not seen before."""
    if type(app).__name__ in MOVED:
        name, value = MOVED[type(app).__name__]
        return name, [value(i) for i in range(1, CHANGES + 1)]
    found = numeric_control(app)
    if found is None:
        return None
    name, base = found
    control = app.controls[name]
    values = [base + i if base else i for i in range(1, CHANGES + 1)]
    return name, [type(control.value)(v) if control.value is not None else v for v in values]


def main(names=()) -> int:
    failed = False
    print(f"{'app':<18} {'control':<22} {'median':>9} {'p95':>9} {'baseline':>9} {'ratio':>6}  "
          "verdict")
    for cls in apps():
        if names and cls.__name__ not in names:
            continue
        app = cls()
        found = changes(app)
        if found is None:
            print(f"{cls.__name__:<18} (no numeric control: skipped)")
            continue
        name, values = found
        control = app.controls[name]
        times, direct = [], []
        for value in values:
            start = time.perf_counter()
            control.value = value
            if app.figure_changed:  # what the app redisplays: a new or changed figure only
                render(app, app.figure)
            times.append((time.perf_counter() - start) * 1000)
            values = dict(app.values)
            start = time.perf_counter()
            render(app, app.draw(app.compute(**values)))
            direct.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[-1]
        baseline = statistics.median(direct)
        ok = median < TARGET_MS and p95 < TARGET_P95_MS and app.error is None
        failed |= not ok
        print(f"{cls.__name__:<18} {name:<22} {median:8.1f}ms {p95:8.1f}ms "
              f"{baseline:8.1f}ms {median / baseline:5.2f}x  {'PASS' if ok else 'FAIL'}"
              + (f" ({app.error})" if app.error else ""))
    print(f"targets: median < {TARGET_MS:.0f} ms, p95 < {TARGET_P95_MS:.0f} ms per change (results "
          "recomputed, figure rendered); baseline: the same drawing and rendering called directly")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
