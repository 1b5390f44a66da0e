"""An app whose chart is shown as a PNG it renders itself, with the legend as HTML under it.

:class:`ChartApp` is an :class:`~cgvlib.apps.base.App` for charts redrawn at every change of
a control (the late-payment, price, SLA and notice apps). Its ``draw`` returns a figure made
without a legend (the views' ``legend_in_figure=False``) and laid out once
(:func:`~cgvlib.apps.base.freeze_layout`); the app then shows:

- the figure as the PNG of :func:`~cgvlib.views.shown_chart.figure_png` (drawn as laid out,
  lightly compressed), instead of letting the notebook's matplotlib formatter render it with
  a tight bounding box, which lays every text out a second time (an app whose chart only
  moves a marker may render the rest once and draw the marker over it, overriding
  ``shown_png``, as the SLA app does);
- its legend as HTML (:func:`~cgvlib.views.shown_chart.legend_html`) in ``app.legend``, right
  under the image as wide as it (its entries side by side), rewritten only when they change;
- the notes and the table under them, as every app does.
"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import Image, display

from cgvlib.apps.base import App, _in_kernel
from cgvlib.views.shown_chart import figure_png, legend_html


class ChartApp(App):
    """Base class of the apps whose figure is shown as a PNG with an HTML legend."""

    def __init__(self) -> None:
        self.legend = widgets.HTML(value="")
        super().__init__()

    def arrange_outputs(self) -> list[widgets.Widget]:
        """The image, its legend right under it, then the notes, then the table."""
        return [self.output, self.legend, self.notes, self.table_output]

    def shown_png(self) -> bytes | None:
        """The PNG the page shows for the current figure (None without a figure)."""
        return None if self.figure is None else figure_png(self.figure)

    def refresh(self) -> None:
        super().refresh()
        if self.error is None:
            shown = legend_html(self.figure)
            if self.legend.value != shown:
                self.legend.value = shown

    def _show(self) -> None:
        changed = self.figure_changed
        if changed and _in_kernel():
            with self.output:
                self.output.clear_output(wait=True)
                png = self.shown_png()
                if png is not None:
                    display(Image(data=png, format="png"))
        self.figure_changed = False  # the figure is shown: the base class shows the table
        try:
            super()._show()
        finally:
            self.figure_changed = changed


__all__ = ["ChartApp"]
