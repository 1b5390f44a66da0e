"""Where does a clause break French commercial law, or the text contradict itself? An app over
the compliance findings, and the exercises of the lesson on them.

Controls:

- ``vendors``: the vendors whose findings are listed (ids as values, names as labels);
- ``severities``: breach, risk, ambiguity, note (default: breach and risk);
- ``finding``: one finding of the current list (``"Leappy SAS · late_rate_below_floor"``, the
  field path added where a vendor has several findings of one check); its options follow the
  list.

Output: the styled findings table (:func:`cgvlib.views.findings.findings_table`, severity
cells coloured, the article and verbatim quote in each row's tooltip) takes the place of a
figure: ``draw`` returns the ``Styler`` (``app.figure``, also ``app.styler``). ``table``
returns the chosen finding in full (explanation, article, quote, rule, periods) as a
DataFrame (``app.frame``), shown below the list, or None while no finding is chosen.
``lang`` (``"fr"`` by default, or ``"en"``): the language of the controls, the list and the
finding shown (checks and severities by their names, :func:`cgvlib.names.label`).

The checks run once: :func:`cgvlib.check_all` is computed the first time the findings are
needed (or given with ``findings=``) and kept; changing a filter or choosing a finding only
selects rows (``app.check_computations`` stays 1). No vendor or no severity chosen shows a
message and keeps the last table; a selection with no finding shows an empty table saying so.

:func:`findings_exercises` are the exercises of ``notebooks/teaching/03_compliance_findings``.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
from pandas.io.formats.style import Styler

from cgvlib.analysis.checks import SEVERITIES, check_all
from cgvlib.apps.base import TableApp
from cgvlib.apps.choosers import chosen_ids, with_own
from cgvlib.apps.exercises import Exercise
from cgvlib.arithmetic.common import STATUTORY_ID
from cgvlib.arithmetic.late_payment import annual_rate_bp
from cgvlib.arithmetic.statutory import FLOOR_MULTIPLE, minimum_late_rate, statutory_late_rate
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendor as vendor_by_id
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.money import bp_to_percent, format_number, format_percent
from cgvlib.names import label
from cgvlib.reference.legal_rate import legal_rate, load_semester_rates
from cgvlib.reference.months import semester_label
from cgvlib.views.findings import (
    DEFAULT_SEVERITIES,
    finding_frame,
    finding_labels,
    findings_table,
    select_findings,
)
from cgvlib.views.late_payment import default_vendors

NO_FINDING_LABEL = "(choose a finding to read it in full)"


@dataclass(frozen=True)
class FindingsResults:
    """The styled list, its rows, the finding options ``(label, index)``, and the chosen
    finding (its index in the findings frame) with its full text."""

    styler: Styler
    rows: pd.DataFrame
    options: tuple[tuple[str, object], ...]
    finding: object | None
    detail: pd.DataFrame | None

    @property
    def table(self) -> pd.DataFrame:
        return self.styler.data


def vendor_options() -> list[tuple[str, str]]:
    """``(name, id)`` of every vendor file, in the charts' fixed order."""
    names = {v.id: v.name for v in all_vendors()}
    return [(names[vid], vid) for vid in default_vendors(with_statutory=False)]


class FindingsApp(TableApp):
    """The compliance findings of the chosen vendors and severities, one finding in full on
    demand.

    ``FindingsApp(vendors=None, severities=("breach", "risk"), findings=None)``: the initial
    selection (default: every vendor file; ``"statutory"`` is accepted and left out, the law's
    own terms having no finding) and the findings (default: :func:`cgvlib.check_all`, computed
    once when first needed).
    """

    title = "Where does a clause break the law, or the text contradict itself?"

    def __init__(self, vendors=None, severities=DEFAULT_SEVERITIES, *,
                 findings: pd.DataFrame | None = None, lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        self._initial = (vendors, severities)
        self._findings = findings
        self._tables: dict[tuple, tuple[Styler, pd.DataFrame, tuple]] = {}
        self.check_computations = 0  # how many times check_all ran (once at most)
        self._own: list[str] = []  # ids of the analyst's own vendors given, checked too
        self.table_computations = 0  # lists built (choosing a finding adds none)
        super().__init__()

    # --- the findings, computed once ------------------------------------------------------------

    @property
    def findings(self) -> pd.DataFrame:
        """Every finding (:func:`cgvlib.check_all`), computed on first use and kept."""
        if self._findings is None:
            self.check_computations += 1
            self._findings = (check_all([vid for _, vid in vendor_options()] + self._own)
                              if self._own else check_all())
        return self._findings

    # --- controls -------------------------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        vendors, severities = self._initial
        given = chosen_ids(vendors)  # own vendors (a path, a Vendor) are checked and offered too
        builtin = vendor_options()
        options = with_own(builtin, given)
        self._own = [vid for _, vid in options[len(builtin):]]
        ids = [vid for _, vid in options]
        if given is None:
            chosen = tuple(ids)
        else:
            unknown = [v for v in given if v not in ids and v != STATUTORY_ID]
            if unknown:
                raise InputError(translate("vendors: unknown {unknown}; valid: {valid}",
                                           self.lang).format(unknown=unknown,
                                                             valid=", ".join(ids)))
            chosen = tuple(v for v in given if v != STATUTORY_ID)
        severities = [severities] if isinstance(severities, str) else list(severities or ())
        unknown = [s for s in severities if s not in SEVERITIES]
        if unknown:
            raise InputError(translate("severities: unknown {unknown}; valid: {valid}",
                                       self.lang).format(unknown=unknown,
                                                         valid=", ".join(SEVERITIES)))
        wide, lang = widgets.Layout(width="auto"), self.lang
        return {
            "vendors": widgets.SelectMultiple(options=options, value=chosen, rows=len(options),
                                              description=translate("vendors", lang),
                                              layout=wide),
            "severities": widgets.SelectMultiple(options=[(label(s, lang), s) for s in SEVERITIES],
                                                 value=tuple(severities), rows=len(SEVERITIES),
                                                 description=translate("severities", lang),
                                                 layout=wide),
            "finding": widgets.Dropdown(options=[(translate(NO_FINDING_LABEL, lang), None)],
                                        value=None, description=translate("finding", lang),
                                        layout=widgets.Layout(width="44em")),
        }

    # --- computation ----------------------------------------------------------------------------

    def _list(self, vendors: tuple, severities: tuple):
        key = (vendors, severities)
        if key not in self._tables:
            self.table_computations += 1
            frame = self.findings
            rows = select_findings(frame, vendors=list(vendors), severities=list(severities))
            styler = findings_table(frame, vendors=list(vendors), severities=list(severities),
                                    lang=self.lang)
            self._tables[key] = (styler, rows, tuple(finding_labels(rows, self.lang)))
        return self._tables[key]

    def compute(self, *, vendors, severities, finding) -> FindingsResults:
        if not vendors:
            raise InputError(translate("vendors: no vendor selected; choose at least one (hold "
                                       "Ctrl or Shift to select several)", self.lang))
        if not severities:
            raise InputError(translate("severities: no severity selected; choose at least one "
                                       "of {severities} (hold Ctrl or Shift to select several)",
                                       self.lang).format(severities=", ".join(
                                           label(s, self.lang) for s in SEVERITIES)))
        chosen = tuple(s for s in SEVERITIES if s in severities)  # one order, one cache entry
        styler, rows, options = self._list(tuple(vendors), chosen)
        detail = None
        if finding is not None and finding in rows.index:
            detail = finding_frame(rows.loc[finding], self.lang)
        return FindingsResults(styler=styler, rows=rows, options=options,
                               finding=finding if detail is not None else None, detail=detail)

    def draw(self, results: FindingsResults) -> Styler:
        """The styled findings list: this app's figure."""
        return results.styler

    def table(self, results: FindingsResults) -> pd.DataFrame | None:
        """The chosen finding in full (field, value), or None."""
        return results.detail

    def detail_frame(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The chosen finding, one field a row; in French without the field path, a key path
        of the vendor file (its English keys), which the article and the quote locate for a
        reader."""
        if self.lang != "en":
            frame = frame[frame["field"] != translate("path", self.lang)]
        return frame.set_index("field")

    # --- the finding list follows the table -----------------------------------------------------

    choice = "finding"
    no_choice_label = NO_FINDING_LABEL

    def choices(self, results: FindingsResults) -> list[tuple[str, object]]:
        return list(results.options)

    def chosen(self, results: FindingsResults):
        return results.finding

    def refresh(self) -> None:
        super().refresh()
        if self.error is None and self.results is not None and self.results.rows.empty:
            self.message.value = ('<span style="color:#404040">'
                                  + html.escape(self.results.styler.caption) + " "
                                  + html.escape(translate("Choose other vendors or severities.",
                                                          self.lang)) + "</span>")


# --------------------------------------------------------------------------- exercises


def _semesters() -> list[dt.date]:
    return [row.start for row in load_semester_rates().rows]


def first_semester_below(vendor: str, *, multiple: int = FLOOR_MULTIPLE,
                         creditor: str = "professional") -> dt.date | None:
    """The first day of the first semester (2015 on) in which ``vendor``'s late-penalty rate
    (its default reading, on the semester's first day) is below ``multiple`` x the legal rate.

    ``multiple`` and ``creditor`` exist to reproduce classic mistakes: the floor of L441-10 II
    is three times the legal rate for professional creditors (« dans tous les autres cas »,
    Code monétaire et financier L313-2); the rate of the clause is then read with the same
    legal rate as the floor."""
    rule = vendor_by_id(vendor).late_payment.default_reading().rule
    if creditor != "professional":
        if getattr(rule, "creditor", None) is None:
            raise InputError(f"{vendor}: its rate does not depend on the legal rate")
        rule = rule.model_copy(update={"creditor": creditor})
    for start in _semesters():
        rate, _ = annual_rate_bp(rule, start)
        if rate < multiple * legal_rate(start, creditor).bp:
            return start
    return None


def _semester_before(day: dt.date) -> dt.date:
    earlier = [s for s in _semesters() if s < day]
    return earlier[-1] if earlier else day


def _teogest_working(lang: str = "en") -> str:
    first = first_semester_below("teogest")
    before = _semester_before(first)
    lines = []
    for day in (before, first):
        legal = legal_rate(day, "professional").value
        lines.append(translate("{semester}: legal rate {legal} + 3 pts = {sum} against a floor "
                               "of 3 x {legal} = {floor}", lang).format(
            semester=semester_label(day), legal=format_percent(legal, lang),
            sum=format_percent(legal + 3, lang),
            floor=format_percent(minimum_late_rate(day).value, lang)))
    return translate("legal rate + 3 points is below 3 x the legal rate when 2 x the legal rate "
                     "exceeds 3, i.e. when the legal rate passes 1.5 %. {semesters}.", lang
                     ).format(semesters="; ".join(lines))


def _gap_2024() -> object:
    """Leappy's gap below the floor in 2024-S1, in points: 3 x legal - 2 x legal."""
    day = dt.date(2024, 1, 1)
    rule = vendor_by_id("leappy").late_payment.default_reading().rule
    rate, _ = annual_rate_bp(rule, day)
    return bp_to_percent(minimum_late_rate(day).bp - rate)


def findings_exercises(lang: str = "en") -> dict[int, Exercise]:
    """The exercises of the lesson on compliance findings, numbered from 1; their words in
    ``lang``.

    1. From which semester is Teogest's « taux d'intérêt légal, majoré de trois points » below
       the floor of L441-10 II? (a date: the first day of that semester)
    2. The floor in 2023-S1, the semester Leappy's « 4,22 % pour l'année 2023 » gets wrong.
    3. How far below the floor Leappy's twice the legal rate is in 2024-S1, in points.
    """
    s1_2023 = dt.date(2023, 1, 1)
    s1_2024 = dt.date(2024, 1, 1)
    return {
        1: Exercise(
            translate("Teogest art. 14.6: « intérêt de retard égal au taux d’intérêt légal, "
                      "majoré de trois points ». From which semester is this rate below the "
                      "floor of L441-10 II (three times the legal rate)? Answer with the first "
                      "day of that semester (YYYY-MM-DD).", lang),
            solution=lambda: first_semester_below("teogest"),
            unit="date",
            working=lambda: _teogest_working(lang),
            mistakes={
                translate("you compare with twice the legal rate instead of three times (L441-10 "
                          "II: « trois fois le taux d'intérêt légal »); legal + 3 points falls "
                          "below twice the legal rate only once the legal rate passes 3 %", lang):
                    lambda: first_semester_below("teogest", multiple=2),
                translate("you use the legal rate for creditors who are consumers (natural "
                          "persons not acting for professional needs); between businesses the "
                          "rate « dans tous les autres cas » applies", lang):
                    lambda: first_semester_below("teogest", creditor="consumer"),
                translate("you give the last semester in which the clause is still lawful; the "
                          "question asks for the first one below the floor", lang):
                    lambda: _semester_before(first_semester_below("teogest")),
            },
        ),
        2: Exercise(
            translate("Leappy's terms state « Le taux d’intérêt légal est fixé à 4,22 % pour "
                      "l’année 2023 ». What is the floor of L441-10 II (three times the legal "
                      "rate) for a delay in 2023-S1 (January to June 2023), in percent?", lang),
            solution=lambda: minimum_late_rate(s1_2023).value,
            unit="percent",
            working=lambda: translate(
                "3 x the legal rate of 2023-S1, {legal}, = {floor}; 4.22 % is the legal rate of "
                "2023-S2 (July to December) only", lang).format(
                    legal=format_percent(legal_rate(s1_2023).value, lang),
                    floor=format_percent(minimum_late_rate(s1_2023).value, lang)),
            mistakes={
                translate("you take Leappy's « 4,22 % pour l'année 2023 »; the legal rate is "
                          "fixed per semester (« Il est calculé semestriellement », L313-2) and "
                          "4.22 % is the rate of 2023-S2 only", lang):
                    lambda: FLOOR_MULTIPLE * legal_rate("2023-07-01", "professional").value,
                translate("you take twice the legal rate (Leappy's own multiple); the floor is "
                          "three times", lang):
                    lambda: 2 * legal_rate(s1_2023, "professional").value,
                translate("you use the legal rate for creditors who are consumers; between "
                          "businesses the rate « dans tous les autres cas » applies", lang):
                    lambda: FLOOR_MULTIPLE * legal_rate(s1_2023, "consumer").value,
                translate("you give the statutory default (ECB rate + 10 points), which applies "
                          "when the terms are silent; the floor is what agreed terms may not go "
                          "below", lang):
                    lambda: statutory_late_rate(s1_2023).value,
            },
        ),
        3: Exercise(
            translate("Leappy art. 4: « un taux équivalent à deux (2) fois le taux d’intérêt "
                      "légal ». By how many percentage points is this rate below the floor of "
                      "L441-10 II for an invoice of 2024-S1?", lang),
            solution=_gap_2024,
            unit="percent",
            working=lambda: translate(
                "floor 3 x {legal} = {floor} minus Leappy's 2 x {legal} = {gap} points: three "
                "times minus twice the legal rate is the legal rate itself", lang).format(
                    legal=format_percent(legal_rate(s1_2024).value, lang),
                    floor=format_percent(minimum_late_rate(s1_2024).value, lang),
                    gap=format_number(_gap_2024(), lang)),
            mistakes={
                translate("you use Leappy's stated 4.22 % instead of the legal rate of 2024-S1",
                          lang):
                    lambda: legal_rate("2023-07-01", "professional").value,
                translate("you use the legal rate for creditors who are consumers", lang):
                    lambda: legal_rate(s1_2024, "consumer").value,
                translate("you give Leappy's rate itself (2 x the legal rate), not the gap",
                          lang):
                    lambda: 2 * legal_rate(s1_2024, "professional").value,
            },
        ),
    }


__all__ = ["NO_FINDING_LABEL", "FindingsApp", "FindingsResults", "findings_exercises",
           "first_semester_below", "vendor_options"]
