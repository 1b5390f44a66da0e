"""How do the vendors' terms differ, clause by clause? An app over the comparison table.

Controls:

- ``vendors``: the vendors compared (ids as values, names as labels), and ``"statutory"``, the
  law's default terms between professionals (Code de commerce L441-10, D441-5);
- ``families``: the clause families shown (all by default);
- ``ambiguous_only``: keep only the rows with a cell whose clause admits several readings;
- ``cell``: one (family, item, vendor) cell of the current table; its options follow the table.

Output: the styled comparison table (:func:`cgvlib.views.tables.comparison_table`) is the
app's main output and takes the place of a figure: ``draw`` returns the pandas ``Styler``, so
``app.figure`` (also ``app.styler``) holds it and the base class displays it in the output
area. ``table`` returns the citation rows (article, verbatim quote, other readings) of the
chosen cell (``app.frame``, a DataFrame), shown in full below the table, or None while no cell
is chosen. ``lang`` (``"fr"`` by default, or ``"en"``): the language of the controls, the
table's legend, families and items, and the citations shown.

The comparison is computed once per (vendors, families, ambiguous_only) and the citations once
per cell, so choosing a cell never recomputes the table. An empty selection (no vendor, no
family) or a table left empty by ``ambiguous_only`` shows a message and keeps the last table.
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from pandas.io.formats.style import Styler

from cgvlib.analysis.compare import FAMILIES
from cgvlib.apps.base import TableApp
from cgvlib.apps.choosers import chosen_ids, with_own
from cgvlib.arithmetic.common import STATUTORY_ID
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.names import label
from cgvlib.views.tables import (
    citations_table,
    comparison_cells,
    comparison_table,
    family_name,
    item_name,
    resolve_vendors,
)

NO_CELL_LABEL = "(choose a cell to see its article and quote)"
STATUTORY_LABEL = "Statutory default (law)"

Cell = tuple[str, str, str]  # (family label, item, vendor id)


@dataclass(frozen=True)
class CompareResults:
    """The styled table, its cells (family, item, vendor id) and the chosen cell's citations."""

    styler: Styler
    cells: tuple[Cell, ...]
    cell: Cell | None
    citations: pd.DataFrame | None

    @property
    def table(self) -> pd.DataFrame:
        return self.styler.data


def vendor_options(lang: str = "en") -> list[tuple[str, str]]:
    """``(name, id)`` of every vendor file, then the law's default terms (named in
    ``lang``)."""
    return [(v.name, v.id) for v in all_vendors()] + [(translate(STATUTORY_LABEL, lang),
                                                       STATUTORY_ID)]


def cell_label(cell: Cell, names: dict[str, str], lang: str = "en") -> str:
    """``family / item / vendor``, the family and the item named in ``lang``."""
    family, item, vendor = cell
    parts = (family_name(family, lang) if family else family,
             item_name(item, lang) if item else item, names.get(vendor, vendor))
    return " / ".join(part for part in parts if part)


class CompareApp(TableApp):
    """The clause-by-vendor comparison with its citations on demand.

    ``CompareApp(vendors=None, families=None, ambiguous_only=False)``: the initial selection
    (default: every vendor file, every family). ``vendors`` may hold an analyst's own vendor,
    as its file's path or a loaded Vendor (:mod:`cgvlib.apps.choosers`).
    """

    title = "How do the vendors' terms differ, clause by clause?"

    def __init__(self, vendors=None, families=None, ambiguous_only: bool = False,
                 lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        self._initial = (vendors, families, ambiguous_only)
        self._tables: dict[tuple, tuple[Styler, tuple[Cell, ...]]] = {}
        self._citations: dict[Cell, pd.DataFrame] = {}
        self._names: dict[str, str] = {}
        self.table_computations = 0  # comparisons computed (choosing a cell adds none)
        super().__init__()

    # --- controls -------------------------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        vendors, families, ambiguous_only = self._initial
        given = chosen_ids(vendors)  # own vendors (a path, a Vendor) offered beside the others
        lang = self.lang
        options = with_own(vendor_options(lang), given)
        self._names = {vid: name for name, vid in options}
        ids = [vid for _, vid in options]
        if given is None:
            chosen = tuple(vid for vid in ids if vid != STATUTORY_ID)
        else:
            chosen = given
            unknown = [v for v in chosen if v not in ids]
            if unknown:
                raise InputError(translate("vendors: unknown {unknown}; valid: {valid}",
                                           lang).format(unknown=unknown, valid=", ".join(ids)))
        by_label = {name: key for key, name in FAMILIES.items()}
        by_label.update({label(key, lang): key for key in FAMILIES})
        if families is None:
            fams = tuple(FAMILIES)
        else:
            fams = tuple(by_label.get(f, f) for f in ([families] if isinstance(families, str)
                                                      else families))
            unknown = [f for f in fams if f not in FAMILIES]
            if unknown:
                raise InputError(translate("families: unknown {unknown}; valid: {valid}",
                                           lang).format(unknown=unknown, valid=", ".join(
                                               label(key, lang) for key in FAMILIES)))
        wide = widgets.Layout(width="auto")
        return {
            "vendors": widgets.SelectMultiple(options=options, value=chosen, rows=len(options),
                                              description=translate("vendors", lang),
                                              layout=wide),
            "families": widgets.SelectMultiple(
                options=[(label(key, lang), key) for key in FAMILIES], value=fams,
                rows=8, description=translate("families", lang), layout=wide),
            "ambiguous_only": widgets.Checkbox(value=bool(ambiguous_only),
                                               description=translate("ambiguous rows only",
                                                                     lang)),
            "cell": widgets.Dropdown(options=[(translate(NO_CELL_LABEL, lang), None)],
                                     value=None, description=translate("cell", lang),
                                     layout=widgets.Layout(width="60em")),
        }

    # --- computation ----------------------------------------------------------------------------

    def _table(self, vendors: tuple, families: tuple, ambiguous_only: bool):
        key = (vendors, families, ambiguous_only)
        if key not in self._tables:
            self.table_computations += 1
            styler = comparison_table(list(vendors), list(families),
                                      ambiguous_only=ambiguous_only, lang=self.lang)
            ids = {v.name: v.id for v in resolve_vendors(list(vendors))}
            cells = tuple((fam, item, ids.get(name, name))
                          for fam, item, name in comparison_cells(styler.data))
            self._tables[key] = (styler, cells)
        return self._tables[key]

    def _cell_citations(self, cell: Cell) -> pd.DataFrame:
        if cell not in self._citations:
            family, item, vendor = cell
            self._citations[cell] = citations_table(vendor, family, item, lang=self.lang)
        return self._citations[cell]

    def compute(self, *, vendors, families, ambiguous_only, cell) -> CompareResults:
        lang = self.lang
        if not vendors:
            raise InputError(translate("vendors: no vendor selected; choose at least one (hold "
                                       "Ctrl or Shift to select several)", lang))
        if not families:
            raise InputError(translate("families: no clause family selected; choose at least "
                                       "one (hold Ctrl or Shift to select several)", lang))
        styler, cells = self._table(tuple(vendors), tuple(families), bool(ambiguous_only))
        if styler.data.empty:
            raise InputError(translate(
                "nothing to show: no selected vendor's terms have an ambiguous clause in the "
                "selected families; choose other families or vendors, or untick 'ambiguous "
                "rows only'", lang) if ambiguous_only else translate(
                "nothing to show: no selected vendor's terms have a clause in the selected "
                "families; choose other families or vendors", lang))
        cell = tuple(cell) if cell else None
        citations = self._cell_citations(cell) if cell in cells else None
        return CompareResults(styler=styler, cells=cells, cell=cell if citations is not None
                              else None, citations=citations)

    def draw(self, results: CompareResults) -> Styler:
        """The styled comparison table: this app's figure."""
        return results.styler

    def table(self, results: CompareResults) -> pd.DataFrame | None:
        """The chosen cell's citation rows (article, quote, other readings), or None."""
        return results.citations

    # --- the cell list follows the table --------------------------------------------------------

    choice = "cell"
    no_choice_label = NO_CELL_LABEL

    def choices(self, results: CompareResults) -> list[tuple[str, Cell]]:
        """The cells of the table shown, by label."""
        return [(cell_label(c, self._names, self.lang), c) for c in results.cells]

    def chosen(self, results: CompareResults) -> Cell | None:
        return results.cell

    def detail_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The chosen cell's citations as shown: each item named in the app's language, and
        the vendor file's note (its English) said through the catalog (:func:`shown_note`)."""
        return frame.assign(item=[item_name(i, self.lang) if i else i for i in frame["item"]],
                            note=[shown_note(n, self.lang) for n in frame["note"]])


def shown_note(note, lang: str) -> str | None:
    """A vendor file's note in ``lang``: as written in English; in French, its entry in the
    catalog, or nothing while the catalog has none (a French page shows no English)."""
    if not note or not isinstance(note, str) or lang == "en":
        return note
    said = translate(" ".join(note.split()), lang)
    return said if said != " ".join(note.split()) else None
