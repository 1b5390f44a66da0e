"""Your own ledger, in an app: point it at an accounting export and see what each vendor
could claim for late payment.

Controls: ``path`` (the ledger's path: .csv, .xlsx or .parquet), ``upload`` (or the file
itself, uploaded; it wins over the path), ``as_of`` (the day unpaid invoices are counted as
paid on, typed ``30/06/2026``, ``30 juin 2026`` or ``2026-06-30``), ``amount_basis`` (as the
amount's header says, or HT / TTC when it does not) and ``assume_last`` (carry the reference
data's last values forward, figures marked provisional). Shows the counts (rows read,
accepted, rejected), the chart of exposure by month of the due date
(:func:`cgvlib.views.exposure.exposure_chart`), the totals by vendor as the table, and under
it the largest items and the rejected rows with their reasons.

Tests drive it without a browser: ``app.controls["path"].value = "ledger.csv"``,
``app.controls["as_of"].value = "30/06/2026"``, then read ``app.results`` (a
:class:`~cgvlib.ledger.LedgerResult`), ``app.figure``, ``app.frame``, ``app.details.value``
and ``app.message.value``.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import ipywidgets as widgets
import pandas as pd

from cgvlib.apps.base import assume_last_checkbox, freeze_layout, readable_table
from cgvlib.apps.chart_app import ChartApp
from cgvlib.apps.inputs import DateText, typed_date
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.ledger.claims import ledger_claims
from cgvlib.ledger.read import read_ledger, read_upload
from cgvlib.ledger.result import LedgerResult
from cgvlib.ledger.tables import invoices_table, rejected_table, summary_table
from cgvlib.paths import PROJECT_ROOT
from cgvlib.reference.provisional import assume_last_if
from cgvlib.reference.status import horizons
from cgvlib.views.exposure import exposure_chart

EXAMPLE = PROJECT_ROOT / "notebooks" / "examples" / "ledger_exemple.csv"  # the example ledger
LARGEST = 10  # items listed under the table
REJECTED_SHOWN = 50  # rejected rows listed (the workbook of the command lists them all)
FROM_HEADER = ""  # the amount_basis choice "as the header says"


class LedgerApp(ChartApp):
    """``LedgerApp(path="notebooks/examples/ledger_exemple.csv", as_of="30/06/2026",
    lang="fr")``; every argument but ``lang`` is the initial value of its control."""

    title = "Your own ledger: what each vendor could claim"

    def __init__(self, path: str = "", as_of: dt.date | str | None = None,
                 amount_basis: str | None = None, assume_last: bool = False,
                 lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        self._initial = {"path": str(path), "as_of": as_of or dt.date.today(),
                         "amount_basis": amount_basis or FROM_HEADER,
                         "assume_last": assume_last}
        self.details = widgets.HTML(value="")
        super().__init__()

    @property
    def shown_title(self) -> str:
        return translate("Your own ledger: what each vendor could claim", self.lang)

    def make_controls(self) -> dict[str, widgets.Widget]:
        lang = self.lang
        return {
            "path": widgets.Text(value=self._initial["path"],
                                 description=translate("Ledger", lang),
                                 placeholder="ledger.csv", continuous_update=False),
            "upload": widgets.FileUpload(accept=".csv,.txt,.xlsx,.parquet", multiple=False,
                                         description=translate("Upload", lang)),
            "as_of": DateText(self._initial["as_of"], lang=lang,
                              description=translate("As of", lang)),
            "amount_basis": widgets.Dropdown(
                options=[(translate("as the header says", lang), FROM_HEADER),
                         (translate("HT (excl. VAT)", lang), "HT"),
                         (translate("TTC (incl. VAT)", lang), "TTC")],
                value=self._initial["amount_basis"],
                description=translate("Amounts", lang)),
            "assume_last": assume_last_checkbox(self._initial["assume_last"], lang),
        }

    def arrange_outputs(self) -> list[widgets.Widget]:
        """The chart, its legend, the notes and the table (:class:`ChartApp`), then the
        largest items and the rejected rows."""
        return [*super().arrange_outputs(), self.details]

    def compute(self, path: str, upload, as_of: str, amount_basis: str,
                assume_last: bool) -> LedgerResult:
        lang = self.lang
        day = typed_date(as_of, "as_of", lang=lang, label=translate("As of", lang))
        basis = amount_basis or None
        files = list(upload or ())
        if files:
            chosen = files[-1]
            ledger = read_upload(chosen["name"], bytes(chosen["content"]),
                                 amount_basis=basis, lang=lang)
        elif path.strip():
            ledger = self._read(path.strip(), basis)
        else:
            raise InputError(translate("Give the path of your ledger (.csv, .xlsx or "
                                       ".parquet), or upload it", lang))
        with assume_last_if(assume_last, day):
            return ledger_claims(ledger, as_of=day, lang=lang)

    def _read(self, path: str, basis: str | None):
        """The ledger at ``path``, read again only when the file or the basis has changed
        (a new ``as_of`` or ``assume_last`` recomputes the claims of the same rows)."""
        stat = Path(path).stat() if Path(path).is_file() else None
        key = (path, basis, stat and (stat.st_mtime_ns, stat.st_size))
        if stat is None or getattr(self, "_read_key", None) != key:
            self._ledger = read_ledger(path, amount_basis=basis, lang=self.lang)
            self._read_key = key
        return self._ledger

    def draw(self, results: LedgerResult):
        self.details.value = self._details(results)
        figure = exposure_chart(results, self.lang, legend_in_figure=False)
        freeze_layout(figure)
        return figure

    def table(self, results: LedgerResult) -> pd.DataFrame:
        return summary_table(results, self.lang)

    def notice(self, results: LedgerResult) -> str | None:
        """The counts, always; and that some figures are provisional, when they are."""
        lang = self.lang
        words = results.counts_line(lang)
        if is_example(results.source):
            words = translate("The example ledger ({name}): upload yours, or give its path, "
                              "to see what your vendors could claim", lang).format(
                name=EXAMPLE.parent.relative_to(PROJECT_ROOT).as_posix()) + ". " + words
        if results.provisional:
            words += ". " + translate("Some figures carry the last reference values forward: "
                                      "they are provisional.", lang)
        return words

    def _details(self, results: LedgerResult) -> str:
        lang = self.lang
        parts = []
        largest = results.largest(LARGEST)
        late = int((largest["total_cents"] > 0).sum())
        if late:
            parts.append(f"<h4>{html.escape(translate('Largest items', lang))}</h4>")
            parts.append(readable_table(invoices_table(
                results, lang, limit=min(LARGEST, late))).data)
        if results.rejected_count:
            title = translate("Rejected rows", lang)
            parts.append(f"<h4>{html.escape(title)} ({results.rejected_count})</h4>")
            parts.append(readable_table(rejected_table(results, lang,
                                                       limit=REJECTED_SHOWN)).data)
        return "".join(parts)


def is_example(source: str) -> bool:
    """Whether ``source`` (a ledger's name as read) is the example ledger :data:`EXAMPLE`."""
    try:
        return Path(source).expanduser().resolve() == EXAMPLE.resolve()
    except (OSError, ValueError):
        return False


def reference_day() -> dt.date:
    """The last day both rates of late payment (the legal rate, the ECB rate) are known: a
    ledger computed on that day has every figure, none past the reference data."""
    return min(h.last for h in horizons() if h.series in ("legal", "ecb"))
