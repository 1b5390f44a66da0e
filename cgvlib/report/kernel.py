"""The reports' kernel: ipykernel, started with what every report uses already loaded.

``python -m cgvlib.report.kernel -f CONNECTION_FILE`` is ``python -m ipykernel_launcher``
preceded by :func:`warm_up`: the modules of the template's sections (pandas, matplotlib,
cgvlib's analysis and views), the vendor files, the report's default language's catalog
and matplotlib's fonts. The batch (:mod:`cgvlib.report.batch`) starts its kernels so: the
kernel loads them in its own process while the batch's process gets ready (papermill, the
HTML exporter), instead of during the template's first cells. Nothing depends on a report's
parameters, and the notebook's namespace is left as a fresh kernel's.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

WARM_LANG = "fr"  # the template's default language (cgvlib.report.batch.DEFAULT_LANG)


def warm_up() -> None:
    """Load what every report needs, whatever its vendors and parameters: the sections'
    modules, the chart backend, the vendor files, the French catalog, the fonts (one small
    figure drawn). A failure here is left to the report's own cells, which will say why."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    import cgvlib.report.sections  # noqa: F401  (pandas, matplotlib, analysis, views)
    from cgvlib.i18n import translations
    from cgvlib.model.loader import vendors

    vendors()
    translations(WARM_LANG)
    figure = Figure(figsize=(1, 1))
    figure.add_subplot().set_title("0")
    FigureCanvasAgg(figure).draw()


def main() -> None:
    """Warm up, then run ipykernel as ``python -m ipykernel_launcher`` does (the kernel's
    working folder left out of ``sys.path`` while it loads; ipykernel puts it back)."""
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    with contextlib.suppress(Exception):  # the cells that need it fail with their message
        warm_up()
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
