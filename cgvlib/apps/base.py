"""What every app shares: controls, one output area, a message line, and the wiring.

An app is a set of named controls (``app.controls``), a ``compute(**values)`` that turns the
controls' values into results, and a ``draw(results)`` that turns results into a figure (and
optionally ``table(results)`` into a DataFrame). Changing any control's ``value`` recomputes
once and redraws once:

- results are memoised by the control values they depend on (``compute`` is never called
  twice for the same values);
- the figure is replaced in the single output area with ``clear_output(wait=True)``, so the
  old figure stays until the new one is ready (no flicker);
- a bad value (a paid date before the due date, a negative amount) shows a clear message in
  the app's message line, in the app's language (:meth:`~cgvlib.errors.CgvError.said`),
  keeps the last good figure, and never raises a traceback;
- a scenario past the reference data shows its notice there (which series is known until
  when, how to go on: :class:`~cgvlib.errors.OutOfCoverageError`'s message), in the notice
  style rather than as an error; an app may also give a notice with its results
  (:meth:`App.notice`: figures marked provisional), shown in the same line.

Tests drive an app without a browser: set ``app.controls["amount"].value = 5000`` and read
``app.results``, ``app.figure``, ``app.frame`` and ``app.message.value``.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Hashable, Mapping
from decimal import Decimal
from typing import Any

import ipywidgets as widgets
import pandas as pd
from IPython.display import HTML, display
from pandas.io.formats.style import Styler

from cgvlib.dates import format_date
from cgvlib.errors import CgvError, OutOfCoverageError
from cgvlib.i18n import Phrase, translate
from cgvlib.lang import check_lang
from cgvlib.money import format_eur, format_number
from cgvlib.names import label, name_identifiers
from cgvlib.views.words import decimal_text

# Words the apps show that reach the page as data rather than through a call with its words
# (tab and app titles, choices' names, the column names and cells of the tables shown): each
# is said through the catalog when shown (:func:`shown_header`, :func:`shown_value`); written
# here so that the catalog's checks know them.
SHOWN_WORDS = (
    # the dashboard's tabs (cgvlib.apps.dashboard.TABS) and the apps' titles
    Phrase("Compare the terms"), Phrase("Late payment"), Phrase("Service credits (SLA)"),
    Phrase("Notice and exit"), Phrase("Price revision"), Phrase("Compliance findings"),
    Phrase("Your ledger"),
    Phrase("How do the vendors' terms differ, clause by clause?"),
    Phrase("Late payment: what do we owe each vendor?"),
    Phrase("Service credit for a month's downtime (SLA)"),
    Phrase("Notice and exit: when the contract ends and what leaving costs"),
    Phrase("Price revision: the price of a service over time under each vendor's clause"),
    Phrase("Where does a clause break the law, or the text contradict itself?"),
    # choices' names (compare, findings, notice, sla)
    Phrase("(choose a cell to see its article and quote)"),
    Phrase("(choose a finding to read it in full)"), Phrase("Statutory default (law)"),
    Phrase("12 months"), Phrase("24 months"), Phrase("36 months"),
    Phrase("renewal timeline"), Phrase("exit cost by date"),
    Phrase("'1h30' (1 h 30 min), '90' (minutes), '90min', '2h', '45s', '1:30' (h:mm), "
           "'1:27:39.5' (h:mm:ss) or '1 h 27 mn 39.5 s'"),
    # column names of the tables shown
    Phrase("ambiguous"), Phrase("amount (EUR)"), Phrase("article"), Phrase("as written"),
    Phrase("at stake"), Phrase("billed monthly"), Phrase("billed months"),
    Phrase("billed total"), Phrase("billing"), Phrase("cap applied"), Phrase("check"),
    Phrase("claim deadline"), Phrase("clause"), Phrase("credit percent"), Phrase("days late"),
    Phrase("days of delay"), Phrase("deadline met"), Phrase("end"), Phrase("explanation"),
    Phrase("family"), Phrase("field"), Phrase("first day of delay"), Phrase("id"),
    Phrase("indemnity"), Phrase("index values used"), Phrase("interest"), Phrase("item"),
    Phrase("last day to send notice"), Phrase("later day risk"), Phrase("notice months"),
    Phrase("notice start"), Phrase("other readings"), Phrase("path"), Phrase("path stops"),
    Phrase("periods"), Phrase("price at"), Phrase("quote"), Phrase("rates"),
    Phrase("reading"), Phrase("renewed"), Phrase("revised price (EUR)"),
    Phrase("revisions applied"), Phrase("rule"), Phrase("severity"), Phrase("tenure years"),
    Phrase("term end"), Phrase("terms"), Phrase("text"), Phrase("tier"), Phrase("total"),
    Phrase("unavailability"), Phrase("value"), Phrase("worst case (EUR)"),
    # cells of the late-payment table (cgvlib.views.late_payment.late_payment_table)
    Phrase("its own clause"), Phrase("the law's default terms"),
    Phrase("Statutory default (Code de commerce)"),
)

ERROR_STYLE = "color:#B22222;font-weight:bold"
NOTE_STYLE = "color:#404040"
NOTICE_STYLE = "color:#5d4400;background:#fff8e1;border-left:4px solid #8d6e00;padding:2px 6px"
# Tables are never clipped: long cells wrap (up to 40em wide, a word broken only when it
# cannot fit), and a table taller than the box scrolls inside it with its header row kept in
# view; a wider one scrolls sideways. The box's height is fixed (36em), not a share of the
# window, which would grow with a window made as tall as the page (a full-page screenshot).
TABLE_BOX_CSS = (
    ".cgv-table-box{max-height:36em;max-width:100%;overflow:auto}"
    ".cgv-table-box table{border-collapse:separate;border-spacing:0}"
    ".cgv-table-box thead{position:sticky;top:0;z-index:1;background:#fff}"  # all header rows
    ".cgv-table-box thead th{background:#fff}"
    ".cgv-table-box td,.cgv-table-box th{white-space:normal;overflow-wrap:break-word;"
    "max-width:40em;vertical-align:top;text-align:left}"
)


def assume_last_checkbox(value: bool = False, lang: str = "fr") -> widgets.Checkbox:
    """The opt-in to go past the reference data, shared by the apps that compute with rates
    or the Syntec index: ticked, the app computes inside
    :func:`~cgvlib.reference.provisional.assume_last` (its figures marked provisional)."""
    return widgets.Checkbox(value=bool(value), indent=False, description=translate(
        "Carry the last known values forward (provisional)", lang))


def _in_kernel() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _key(value: Any) -> Hashable:
    if isinstance(value, list | tuple):
        return tuple(_key(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _key(v)) for k, v in value.items()))
    return value


def freeze_layout(figure, *, again: bool = False) -> None:
    """Lay ``figure`` out once and keep those positions, so that later renders of a figure
    updated in place skip the constrained-layout solve (which measures every text). The
    figure also keeps an Agg canvas, so text metrics are cached from one render to the next.
    ``again``: lay it out anew first (texts whose size matters have changed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    if again:
        figure.set_layout_engine("constrained")
    if figure.get_layout_engine() is not None:
        figure.draw_without_rendering()
        # no engine at all (not even "none"): savefig then draws once instead of twice
        figure.set_layout_engine(None)


# A sum the library's working text writes (``1,234.56 EUR``, :func:`cgvlib.money.format_eur`
# without a language), shown again in the reader's language.
_WORKING_EUR = re.compile(r"(-?)(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2}) EUR")
_IDENTIFIER = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")


def shown_value(value: Any, lang: str) -> str:
    """One cell of an app's table as the reader sees it in ``lang``: yes/no for a boolean,
    nothing for a missing value, a date and a number written the language's way, a sum in
    euros by :func:`cgvlib.money.format_eur`, an identifier by its name
    (:func:`cgvlib.names.label`) and a text in the catalog's words when it has them, its
    identifiers named (:func:`cgvlib.names.name_identifiers`)."""
    if isinstance(value, bool):
        return translate("yes" if value else "no", lang)
    if value is None or (isinstance(value, float) and value != value) or value is pd.NaT:
        return ""
    if isinstance(value, dt.datetime):
        return format_date(value.date(), lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, Decimal) and value.is_finite() and check_lang(lang) != "en":
        return format_number(value, lang, keep_zeros=True)  # a sum: 1 000,00
    if isinstance(value, int | float | Decimal):
        return decimal_text(value, lang)
    text = str(value)
    if _IDENTIFIER.fullmatch(text):
        return label(text, lang)
    text = _WORKING_EUR.sub(lambda m: format_eur(int(
        f"{m[1]}{m[2].replace(',', '')}{m[3]}"), lang), text)
    named = name_identifiers(translate(text, lang) if text else text, lang)
    # an identifier without a name is shown as its words (cgvlib.names' fallback rule)
    return _IDENTIFIER.sub(lambda m: m[0].replace("_", " "), named)


def message_day(day: dt.date, lang: str) -> str:
    """A day in an app's message: ISO in English (as the library writes it), ``15 mars 2024``
    in French."""
    return str(day) if check_lang(lang) == "en" else format_date(day, lang)


def shown_header(name: Any, lang: str) -> str:
    """A column's (or the index's) name in ``lang``: its words (``days_late`` -> ``days
    late``) through the catalog."""
    if name is None:
        return None
    words = str(name).replace("_", " ")
    return translate(words, lang) if words else words


def shown_frame(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` as the reader sees it in ``lang``: every header through
    :func:`shown_header`, every cell (and index label) through :func:`shown_value`. The app
    keeps its own frame (``app.frame``) as computed; this one is only shown."""
    check_lang(lang)
    shown = frame.astype(object).map(lambda v: shown_value(v, lang))
    shown.columns = [shown_header(c, lang) for c in frame.columns]
    shown.index = pd.Index([shown_value(i, lang) if not isinstance(i, int) else i
                            for i in frame.index], name=shown_header(frame.index.name, lang))
    return shown


def readable_table(table: pd.DataFrame | Styler) -> HTML:
    """``table`` (a DataFrame or a styled one) as HTML that is never clipped: in a box that
    scrolls with a sticky header row, its long cells wrapped (:data:`TABLE_BOX_CSS`)."""
    styler = table if isinstance(table, Styler) else table.style
    return HTML(f'<div class="cgv-table-box"><style>{TABLE_BOX_CSS}</style>'
                f"{styler.to_html()}</div>")


class App:
    """Base class: subclasses set ``title``, build ``controls`` in ``make_controls`` and
    implement ``compute`` and ``draw`` (and optionally ``table``)."""

    title = ""
    lang = "en"  # the language of every word the app shows; an app's ``lang`` argument sets it

    def __init__(self) -> None:
        self.controls: dict[str, widgets.Widget] = self.make_controls()
        self.message = widgets.HTML(value="")
        self.output = widgets.Output()
        self.notes = widgets.HTML(value="")  # the figure's footnotes, as text under it
        self.table_output = widgets.Output()
        self.results: Any = None
        self.figure = None
        self.frame: pd.DataFrame | None = None
        self.error: str | None = None
        self.figure_changed = False  # the last refresh gave a new or changed figure
        self.redrawn_in_place = False  # ``draw`` sets it when it updates the figure it returns
        self.computations = 0  # how many times compute ran (tests check memoisation)
        self._memo: dict[Hashable, Any] = {}
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.widget = widgets.VBox([
            widgets.HTML(f"<b>{html.escape(self.shown_title)}</b>") if self.title
            else widgets.HTML(),
            self.layout_controls(),
            self.message,
            *self.arrange_outputs(),
        ])
        self.refresh()

    @property
    def shown_title(self) -> str:
        """The app's title in its language."""
        return translate(self.title, self.lang)

    def arrange_outputs(self) -> list[widgets.Widget]:
        """The outputs under the controls, in page order: the figure, its notes, the table."""
        return [self.output, self.notes, self.table_output]

    # --- what subclasses provide ------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        raise NotImplementedError

    def compute(self, **values) -> Any:
        raise NotImplementedError

    def draw(self, results) -> Any:
        raise NotImplementedError

    def table(self, results) -> pd.DataFrame | None:
        return None

    def notice(self, results) -> str | None:
        """A sentence shown above the figure with these results (e.g. that they carry the last
        reference values forward and are provisional); None: nothing to say."""
        return None

    def layout_controls(self) -> widgets.Widget:
        wrap = widgets.Layout(flex_flow="row wrap")
        return widgets.HBox(list(self.controls.values()), layout=wrap)

    # --- wiring -----------------------------------------------------------------------------

    @property
    def values(self) -> Mapping[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    def _on_change(self, _change=None) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Recompute (memoised) and redraw from the controls' current values."""
        values = dict(self.values)
        key = _key(values)
        try:
            if key not in self._memo:
                self.computations += 1
                self._memo[key] = self.compute(**values)
            results = self._memo[key]
            self.redrawn_in_place = False
            figure = self.draw(results)
            frame = self.table(results)
        except CgvError as exc:
            self.error = exc.said(self.lang)  # in the page's language (CgvError.said)
            style = NOTICE_STYLE if isinstance(exc, OutOfCoverageError) else ERROR_STYLE
            self.message.value = f'<span style="{style}">{html.escape(self.error)}</span>'
            return
        self.error = None
        notice = self.notice(results)
        self.message.value = (f'<span style="{NOTICE_STYLE}">{html.escape(notice)}</span>'
                              if notice else "")
        # A figure needs showing again only when it is new or ``draw`` changed it in place.
        self.figure_changed = figure is not self.figure or self.redrawn_in_place
        self.results, self.figure, self.frame = results, figure, frame
        notes = getattr(figure, "cgvlib_notes", "")
        shown = f'<small style="{NOTE_STYLE}">{html.escape(notes)}</small>'
        self.notes.value = shown if notes else ""
        self._show()

    def _show(self) -> None:
        if not _in_kernel():
            return
        if self.figure_changed:
            with self.output:
                self.output.clear_output(wait=True)
                if self.figure is not None:
                    display(self.figure)
        with self.table_output:
            self.table_output.clear_output(wait=True)
            if self.frame is not None:
                display(self.shown_table())

    def shown_table(self) -> HTML | None:
        """The table under the figure as the page shows it, in the app's language
        (:func:`shown_frame`, :func:`readable_table`)."""
        return None if self.frame is None else readable_table(shown_frame(self.frame,
                                                                          self.lang))

    def _ipython_display_(self) -> None:
        display(self.widget)


class TableApp(App):
    """An app whose "figure" is a styled table (a pandas Styler) with the detail of one
    chosen row shown in full right under the controls (next to the control that chooses it,
    above the table), and a choice control whose options follow the table.

    Subclasses name the choice control in ``choice`` and implement ``choices(results)`` →
    ``[(label, value), ...]``, ``chosen(results)`` → the value the results were computed for,
    and ``detail_frame(frame)`` → the frame to show in full (default: as it is).
    """

    choice = ""
    no_choice_label = "(choose one)"

    def __init__(self) -> None:
        self._syncing = False
        super().__init__()

    def arrange_outputs(self) -> list[widgets.Widget]:
        """The chosen row's detail first, right under the control that chooses it, then the
        table (which may be long) and its notes."""
        return [self.table_output, self.output, self.notes]

    def choices(self, results) -> list[tuple[str, Any]]:
        raise NotImplementedError

    def chosen(self, results) -> Any:
        raise NotImplementedError

    def detail_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        return frame

    @property
    def styler(self):
        return self.figure

    def refresh(self) -> None:
        if self._syncing:
            return
        super().refresh()
        if self.choice in self.controls and self.results is not None:
            self._sync_choices()

    def _sync_choices(self) -> None:
        """Offer the rows of the table shown; keep the chosen one while it is listed,
        otherwise clear the choice (and the detail with it)."""
        control = self.controls[self.choice]
        offered = self.choices(self.results)
        options = [(translate(self.no_choice_label, self.lang), None), *offered]
        current = control.value
        keep = current if current in [value for _, value in offered] else None
        if list(control.options) != options:
            self._syncing = True
            try:
                control.options = options
                control.value = keep
            finally:
                self._syncing = False
        if keep != self.chosen(self.results) or control.value != current:
            super().refresh()

    def _show(self) -> None:
        if not _in_kernel():
            return
        with self.output:
            self.output.clear_output(wait=True)
            if self.figure is not None:
                display(readable_table(self.figure))
        with self.table_output:
            self.table_output.clear_output(wait=True)
            if self.frame is not None:
                display(self.shown_table())

    def shown_table(self) -> HTML | None:
        """The chosen row's detail in full, as shown under its control (:func:`readable_table`)."""
        from cgvlib.views.tables import full_text

        if self.frame is None:
            return None
        return readable_table(full_text(shown_frame(self.detail_frame(self.frame), self.lang)))
