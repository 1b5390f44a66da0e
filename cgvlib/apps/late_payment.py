"""What do we owe each vendor if we pay an invoice late? An app over the late-payment
arithmetic, and the exercises of the lesson on payment law.

:class:`LatePaymentApp`. Controls: ``vendors`` (several; the five vendors and the statutory
default terms), ``amount`` (euros, the sum each clause's base names), ``due`` and ``paid``
(dates, typed ``15/03/2024``, ``15 mars 2024`` or ``2024-03-15``), ``invoice_date``
(optional: the vendors whose clause needs it take the due date when it is empty),
``assume_last`` (a checkbox, off by default: past the end of the reference
rates, carry their last known values forward, every figure so computed marked provisional).
Past the data with the box unticked, the app shows the notice of
:func:`~cgvlib.reference.status.coverage_notice` (which series is known until when, how to go
on) instead of figures; ticked, the same notice says the figures are provisional.
Results: one :func:`cgvlib.late_payment` result per vendor, by id (every reading of an
ambiguous clause inside). Figure: :func:`~cgvlib.views.late_payment.cost_by_days_late` with a
vertical marker at the days late chosen, shown as a PNG with its legend as HTML under it
(:class:`~cgvlib.apps.chart_app.ChartApp`); table:
:func:`~cgvlib.views.late_payment.late_payment_table`.

Each vendor's result is cached by (vendor, amount, due, paid, and the invoice date when its
clause needs one), so adding a vendor computes only that vendor, and changing the invoice
date recomputes only the vendors whose clause reads it.

:func:`law_exercises`: the exercises of ``notebooks/teaching/01_late_payment_law.ipynb``,
each answer computed by the library and each classic mistake (the due date counted as a day
of delay, the wrong semester's rate, the indemnity forgotten...) recognised.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import ipywidgets as widgets
import pandas as pd

from cgvlib.apps.base import assume_last_checkbox, freeze_layout, message_day
from cgvlib.apps.chart_app import ChartApp
from cgvlib.apps.choosers import chosen_ids
from cgvlib.apps.exercises import Exercise
from cgvlib.apps.inputs import AmountText, DateText, typed_date, typed_euros
from cgvlib.arithmetic.common import STATUTORY_ID, amount_cents
from cgvlib.arithmetic.late_payment import (
    LatePaymentResult,
    late_payment,
    readings_needing_invoice_date,
)
from cgvlib.arithmetic.statutory import minimum_late_rate, statutory_late_rate
from cgvlib.dates import as_date
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.money import (
    BP_PER_UNIT,
    INTEREST_DENOMINATOR,
    cents_to_euros,
    div_round_half_up,
    format_percent,
)
from cgvlib.names import label
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.provisional import assume_last_if, assumed_until
from cgvlib.views.late_payment import (
    cost_by_days_late,
    coverage,
    default_vendors,
    late_payment_table,
    past_coverage_error,
    terms_of,
    update_cost_chart,
)
from cgvlib.views.summary import late_payment_notice

CHART_DAYS = 120  # the chart runs to 120 days late, further when the payment is later


@dataclass(frozen=True)
class LatePaymentResults:
    """One scenario for the selected vendors: its inputs and each vendor's result by id."""

    vendors: tuple[str, ...]
    amount: float
    due: dt.date
    paid: dt.date
    invoice_date: dt.date | None  # as typed (None: the due date where a clause needs one)
    results: Mapping[str, LatePaymentResult] = field(default_factory=dict)
    assume_last: bool = False  # the last reference values carried forward past the data
    notice: str | None = None  # the scenario reaches past the reference data

    @property
    def days_late(self) -> int:
        return (self.paid - self.due).days

    def __getitem__(self, vendor: str) -> LatePaymentResult:
        return self.results[vendor]

    def explain(self, vendor: str, lang: str = "en") -> str:
        return self.results[vendor].explain(lang)


def vendor_choices(extra=(), lang: str = "en") -> list[tuple[str, str]]:
    """``(name, id)`` of every vendor file, then the statutory default terms (named in
    ``lang``), then any ``extra`` ids."""
    ids = default_vendors(with_statutory=True)
    ids += [v for v in extra if v not in ids]
    return [(label(v, lang) if v == STATUTORY_ID else terms_of(v).vendor.name, v) for v in ids]


class LatePaymentApp(ChartApp):
    """The late-payment interest, indemnity and total of one invoice for several vendors.

    ``LatePaymentApp(vendors=["teogest", "leappy"], amount=10_000, due="2024-03-01",
    paid="2024-04-15", invoice_date=None)``: every argument is the initial value of the control
    of that name (``vendors`` defaults to the five vendors and the statutory default terms, and
    may hold an analyst's own vendor as its file's path or a loaded Vendor:
    :mod:`cgvlib.apps.choosers`).
    """

    title = "Late payment: what do we owe each vendor?"

    def __init__(self, vendors=None, amount: float = 10_000.0, due="2024-03-01",
                 paid="2024-04-15", invoice_date=None, assume_last: bool = False,
                 lang: str = "fr") -> None:
        self.lang = check_lang(lang)
        given = chosen_ids(vendors)  # own vendors (a path, a Vendor) offered beside the others
        chosen = list(default_vendors(with_statutory=True) if given is None else given)
        self._choices = vendor_choices(chosen, self.lang)
        self._initial = {
            "vendors": tuple(chosen),
            "amount": float(amount),
            "due": as_date(due, "due"),
            "paid": as_date(paid, "paid"),
            "invoice_date": None if invoice_date is None else as_date(invoice_date,
                                                                       "invoice_date"),
            "assume_last": bool(assume_last),
        }
        self._per_vendor: dict[tuple, LatePaymentResult] = {}
        self.vendor_computations = 0  # how many single-vendor results were computed
        self._figure = None
        self._figure_key: tuple | None = None  # (everything but the amount, the amount)
        super().__init__()

    # --- controls ---------------------------------------------------------------------------

    def make_controls(self) -> dict[str, widgets.Widget]:
        init, lang = self._initial, self.lang
        style = {"description_width": "initial"}
        return {
            "vendors": widgets.SelectMultiple(
                options=self._choices, value=init["vendors"], rows=len(self._choices),
                description=translate("Vendors", lang), style=style,
                tooltip=translate("Ctrl- or Shift-click to choose several", lang)),
            "amount": AmountText(value=init["amount"], style=style,
                                 description=translate("Amount (EUR)", lang)),
            "due": DateText(init["due"], lang=lang, style=style,
                            description=translate("Due date", lang)),
            "paid": DateText(init["paid"], lang=lang, style=style,
                             description=translate("Paid on", lang)),
            "invoice_date": DateText(init["invoice_date"], lang=lang, style=style,
                                     description=translate("Invoice date (optional)", lang)),
            "assume_last": assume_last_checkbox(init["assume_last"], self.lang),
        }

    def _field(self, name: str) -> str:
        """The control ``name`` as the messages name it: ``name`` in English, the control's
        description in French."""
        return name if self.lang == "en" else self.controls[name].description

    def layout_controls(self) -> widgets.Widget:
        c = self.controls
        dates = widgets.VBox([c["amount"], c["due"], c["paid"], c["invoice_date"],
                              c["assume_last"]])
        return widgets.HBox([c["vendors"], dates])

    # --- computation ------------------------------------------------------------------------

    def _check(self, vendors, amount, due, paid, invoice_date) -> None:
        lang, field = self.lang, self._field
        if not vendors:
            raise InputError(translate("vendors: none chosen; choose at least one vendor "
                                       "(Ctrl- or Shift-click to choose several)", lang))
        if amount is None or (isinstance(amount, float) and math.isnan(amount)):
            raise InputError("amount: empty; give the invoice amount in euros, e.g. 10000")
        if amount < 0:
            raise InputError(translate("{field}: {amount} EUR is negative; give the invoice "
                                       "amount in euros, 0 or more", lang).format(
                                           field=field("amount"), amount=amount))
        amount_cents(amount, "amount")  # refuses fractions of a cent
        if paid < due:
            raise InputError(translate("{field}: {paid} is before the due date {due}; a late "
                                       "payment is paid on or after its due date (pick a later "
                                       "payment date)", lang).format(
                                           field=field("paid"), paid=message_day(paid, lang),
                                           due=message_day(due, lang)))
        if invoice_date is not None and invoice_date > due:
            raise InputError(translate("{field}: {invoice_date} is after the due date {due}; an "
                                       "invoice falls due on or after its date (leave it empty "
                                       "to use the due date)", lang).format(
                                           field=field("invoice_date"),
                                           invoice_date=message_day(invoice_date, lang),
                                           due=message_day(due, lang)))
        if paid > coverage().until:
            notice = late_payment_notice(due, paid, invoice_date, self.lang, assumed=False)
            if notice is None:  # pragma: no cover - coverage() and the notice agree
                raise past_coverage_error("paid", paid)
            raise OutOfCoverageError(notice, series="late-payment rate",
                                     last_covered=coverage().until)

    def _one(self, vendor: str, amount: float, due: dt.date, paid: dt.date,
             invoice_date: dt.date | None) -> LatePaymentResult:
        terms = terms_of(vendor)
        needs = bool(readings_needing_invoice_date(terms.clause))
        invoice = (invoice_date or due) if needs else None
        key = (vendor, amount, due, paid, invoice, assumed_until())
        if key not in self._per_vendor:
            self.vendor_computations += 1
            self._per_vendor[key] = late_payment(terms.computed_on, amount, due, paid,
                                                 invoice_date=invoice)
        return self._per_vendor[key]

    def compute(self, *, vendors, amount, due, paid, invoice_date,
                assume_last=False) -> LatePaymentResults:
        lang, field = self.lang, self._field
        amount = typed_euros(amount, "amount", lang=lang,  # 10 000,50 or 10000.50
                             label=field("amount"))
        due = typed_date(due, "due", lang=lang, label=field("due"))  # 15/03/2024, 15 mars 2024
        paid = typed_date(paid, "paid", lang=lang, label=field("paid"))
        invoice_date = typed_date(invoice_date, "invoice_date", optional=True, lang=lang,
                                  label=field("invoice_date"))
        shell = LatePaymentResults(tuple(vendors), amount, due, paid, invoice_date,
                                   assume_last=bool(assume_last))
        with self._reading(shell):
            self._check(vendors, amount, due, paid, invoice_date)
            results = {v: self._one(v, amount, due, paid, invoice_date) for v in vendors}
        notice = (late_payment_notice(due, paid, invoice_date, self.lang, assumed=True)
                  if assume_last else None)
        return replace(shell, results=results, notice=notice)

    def _reading(self, results: LatePaymentResults):
        """The block the rates are read in: carried forward past the data when the box is
        ticked (:func:`~cgvlib.reference.provisional.assume_last`), to the payment or to the
        chart's end (:data:`CHART_DAYS` after the due date), whichever is later."""
        due = results.due or dt.date.min
        paid = results.paid or due
        return assume_last_if(results.assume_last,
                              max(paid, due + dt.timedelta(days=CHART_DAYS)))

    def notice(self, results: LatePaymentResults) -> str | None:
        return results.notice

    def draw(self, results: LatePaymentResults):
        with self._reading(results):
            return self._draw(results)

    def _draw(self, results: LatePaymentResults):
        """The chart for the results; when only the amount changed, the figure already shown
        is updated in place (its layout kept), which renders much faster than a new one."""
        key = (results.vendors, results.due, results.invoice_date, results.days_late,
               results.assume_last)
        if self._figure_key == (key, results.amount):
            return self._figure
        if self._figure_key is not None and self._figure_key[0] == key and update_cost_chart(
                self._figure, results.amount):
            freeze_layout(self._figure, again=self._needs_layout(results.amount))
            self.redrawn_in_place = True
        else:
            self._figure = cost_by_days_late(
                list(results.vendors), results.amount, results.due,
                max_days=CHART_DAYS, invoice_date=results.invoice_date,
                mark_days=results.days_late, with_statutory=False, notes_in_figure=False,
                legend_in_figure=False, lang=self.lang)
            freeze_layout(self._figure)
        self._figure_key = (key, results.amount)
        return self._figure

    def _needs_layout(self, amount: float) -> bool:
        """Whether the euro tick labels got wider or narrower (another number of digits), so
        the figure must be laid out anew."""
        old = self._figure_key[1] if self._figure_key else None
        return old is None or len(f"{old:,.0f}") != len(f"{amount:,.0f}")

    def table(self, results: LatePaymentResults) -> pd.DataFrame:
        return late_payment_table(results.results, self.lang)


# --------------------------------------------------------------------------- the lesson


def _interest_cents(cents: int, pieces: list[tuple[int, int]]) -> int:
    """Exact interest for (rate bp, days) pieces, rounded once half-up (the library's
    formula), to reproduce a mistaken reasoning's figure."""
    return div_round_half_up(cents * sum(bp * days for bp, days in pieces),
                             INTEREST_DENOMINATOR)


def law_exercises(lang: str = "en") -> dict[int, Exercise]:
    """The exercises of the lesson on payment law, numbered from 1; their words in ``lang``.

    1. The statutory penalty (L441-10 II) on 10,000 EUR due 2023-06-15 paid 2023-07-30: the
       delay spans two semesters, each at its own ECB + 10 points rate, plus 40 EUR.
    2. The first day of delay of an invoice due 2024-02-29.
    3. Three times the legal rate in 2024-S1 (the floor of L441-10 II).
    4. The first day of delay of a Teogest invoice issued and due 2024-03-01, under the default
       reading of art. 14.6 (day 31 after issue).
    5. JANQUOR's penalty (10 % per month, pro rata) on 2,000 EUR paid 45 days late.
    """
    statutory_case = {"vendor": STATUTORY_ID, "amount": 10_000, "due": "2023-06-15",
                      "paid": "2023-07-30"}

    def statutory_result(**changes) -> LatePaymentResult:
        args = {**statutory_case, **changes}
        return late_payment(args.pop("vendor"), args.pop("amount"), args.pop("due"),
                            args.pop("paid"))

    def whole_delay_at(day: str):
        def value():
            r = statutory_result()
            bp = statutory_late_rate(day).bp
            return cents_to_euros(_interest_cents(r.amount_cents, [(bp, r.days_of_delay)])
                            + r.indemnity_cents)
        return value

    def teogest(reading: str | None = None) -> LatePaymentResult:
        r = late_payment("teogest", 1_000, "2024-03-01", "2024-04-30",
                         invoice_date="2024-03-01")
        return r if reading is None else r.readings[reading]

    def janquor(reading: str | None = None) -> LatePaymentResult:
        r = late_payment("janquor", 2_000, "2024-03-01", "2024-04-15")
        return r if reading is None else r.readings[reading]

    return {
        1: Exercise(
            translate("Statutory terms (L441-10 II, D441-5): an invoice of 10,000 EUR due on "
                      "2023-06-15 is paid on 2023-07-30. How much does the debtor owe on top of "
                      "the invoice (interest + indemnité forfaitaire), in EUR?", lang),
            solution=lambda: statutory_result().total,
            unit="EUR",
            working=lambda: statutory_result().explain(lang),
            mistakes={
                translate("you count the due date as a day of delay (46 days instead of 45): "
                          "penalties run from « le jour suivant la date de règlement »", lang):
                    lambda: statutory_result(due="2023-06-14").total,
                translate("you apply the first semester's rate (ECB rate on 1 January 2023 + 10 "
                          "points) to the whole delay; L441-10 II takes each semester's rate, so "
                          "the days from 1 July are at the rate in force on 1 July", lang):
                    whole_delay_at("2023-06-15"),
                translate("you apply the second semester's rate to the whole delay; the days in "
                          "June are at the rate in force on 1 January", lang):
                    whole_delay_at("2023-07-01"),
                translate("you forget the 40 EUR indemnité forfaitaire (L441-10 II, D441-5), due "
                          "on top of the interest", lang): lambda: statutory_result().interest,
            },
        ),
        2: Exercise(
            translate("An invoice is due on 2024-02-29. On which date is the first day of delay "
                      "(YYYY-MM-DD)?", lang),
            solution=lambda: late_payment(STATUTORY_ID, 100, "2024-02-29",
                                          "2024-03-31").first_day_of_delay,
            unit="date",
            working=lambda: translate("L441-10 II: penalties are due « le jour suivant la date "
                                      "de règlement figurant sur la facture »: the day after "
                                      "2024-02-29.", lang),
            mistakes={
                translate("you count the due date itself as a day of delay; the debtor may still "
                          "pay on the due date", lang): lambda: "2024-02-29",
            },
        ),
        3: Exercise(
            translate("What is the lowest penalty rate a clause may set for an invoice whose "
                      "delay falls in 2024-S1 (three times the legal rate, L441-10 II), in "
                      "percent?", lang),
            solution=lambda: minimum_late_rate("2024-03-01").value,
            unit="percent",
            working=lambda: translate(
                "three times the legal rate of the first semester of 2024 for professional "
                "creditors: 3 x {legal} = {floor} (L441-10 II)", lang).format(
                    legal=format_percent(legal_rate("2024-03-01", "professional").value, lang),
                    floor=format_percent(minimum_late_rate("2024-03-01").value, lang)),
            mistakes={
                translate("you use the legal rate of 2023-S2 (4.22 %, the figure Leappy's terms "
                          "quote « pour l'année 2023 »); the legal rate changes every semester",
                          lang):
                    lambda: 3 * legal_rate("2023-09-01", "professional").value,
                translate("you use the legal rate for creditors who are consumers (natural "
                          "persons not acting for professional needs); between businesses the "
                          "other rate applies", lang):
                    lambda: 3 * legal_rate("2024-03-01", "consumer").value,
                translate("you give the statutory default rate (ECB + 10 points), which applies "
                          "when the terms are silent, not the floor", lang):
                    lambda: statutory_late_rate("2024-03-01").value,
                translate("you give twice the legal rate (Leappy's clause), which is below the "
                          "floor", lang):
                    lambda: 2 * legal_rate("2024-03-01", "professional").value,
            },
        ),
        4: Exercise(
            translate("Teogest art. 14.5 and 14.6: an invoice issued on 2024-03-01 is « payables "
                      "à réception » (due 2024-03-01); penalties are triggered by « le défaut de "
                      "paiement ... dans un délai de trente (30 jours) après son émission » and "
                      "run « à compter du premier jour de retard ». Under the default reading "
                      "(read against the drafter, Code civil 1190), on which date is the first "
                      "day of delay (YYYY-MM-DD)?", lang),
            solution=lambda: teogest().first_day_of_delay,
            unit="date",
            working=lambda: teogest().explain(lang),
            mistakes={
                translate("you take the other reading (the day after the due date, the invoice "
                          "being payable on receipt); the default is the later start, less "
                          "favourable to the drafter", lang):
                    lambda: teogest("after_due_date_semester").first_day_of_delay,
                translate("you take day 30 after issue, which is still within the thirty days",
                          lang):
                    lambda: as_date("2024-03-01") + dt.timedelta(days=30),
            },
        ),
        5: Exercise(
            translate("JANQUOR art. 11: « 10% du montant de la facture par mois de retard ». An "
                      "invoice of 2,000 EUR due on 2024-03-01 is paid on 2024-04-15 (45 days "
                      "late). What is the penalty (without the 40 EUR indemnity) under the "
                      "default, pro rata reading, in EUR?", lang),
            solution=lambda: janquor().interest,
            unit="EUR",
            working=lambda: janquor().explain(lang),
            mistakes={
                translate("you count every started month whole (2 months = 20 %), the other "
                          "reading; the default reads the clause pro rata temporis", lang):
                    lambda: janquor("started").interest,
                translate("you count months of 30 days (45 / 30 = 1.5 months); the library "
                          "counts months as days x 12 / 365", lang):
                    lambda: cents_to_euros(div_round_half_up(2_000_00 * 1_000 * 45,
                                                             BP_PER_UNIT * 30)),
                translate("you add the 40 EUR indemnity, which the question leaves out", lang):
                    lambda: janquor().total,
            },
        ),
    }


__all__ = ["LatePaymentApp", "LatePaymentResults", "law_exercises", "vendor_choices"]
