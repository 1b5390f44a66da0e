"""Time from a control's change to the app's updated results and redrawn figure.

For every app in cgvlib.apps, set one numeric control 50 times to values not seen before (so
memoisation cannot hide the work), and time each change until the results are recomputed and
the figure is rendered to PNG, as the notebook front end would receive it (when the change
leaves the figure as it was, e.g. an invoice amount that does not move the chart, the app
does not redisplay it and nothing is rendered). Baseline in the same
run: the same computation and rendering called directly, without the widgets.
Targets: median under 150 ms per change, 95th percentile under 300 ms.
"""

from __future__ import annotations

import importlib
import inspect
import io
import pkgutil
import statistics
import sys
import time

import ipywidgets as widgets

import cgvlib.apps
from cgvlib.apps.base import App
from cgvlib.apps.inputs import AmountText, typed_euros

CHANGES = 50
TARGET_MS = 150.0
TARGET_P95_MS = 300.0


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


def render(figure) -> None:
    if figure is None or not hasattr(figure, "savefig"):
        return
    figure.savefig(io.BytesIO(), format="png")


def main() -> int:
    failed = False
    print(f"{'app':<18} {'control':<22} {'median':>9} {'p95':>9} {'baseline':>9} {'ratio':>6}  "
          "verdict")
    for cls in apps():
        app = cls()
        found = numeric_control(app)
        if found is None:
            print(f"{cls.__name__:<18} (no numeric control: skipped)")
            continue
        name, base = found
        control = app.controls[name]
        times, direct = [], []
        for i in range(1, CHANGES + 1):
            value = base + i if base else i
            start = time.perf_counter()
            control.value = type(control.value)(value) if control.value is not None else value
            if app.figure_changed:  # what the app redisplays: a new or changed figure only
                render(app.figure)
            times.append((time.perf_counter() - start) * 1000)
            values = dict(app.values)
            start = time.perf_counter()
            render(app.draw(app.compute(**values)))
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
    sys.exit(main())
