"""The report's parameters, checked before anything is computed.

The report template (``notebooks/report.ipynb``) holds the parameters and their defaults in its
cell tagged ``parameters``; papermill overrides them per run. :func:`report_parameters` turns
those raw values (numbers or numeric strings, dates as ``datetime.date`` or ``YYYY-MM-DD``
strings, as YAML or the command line give them) into one checked :class:`ReportParameters`,
and refuses a bad value with the parameter's name, what is wrong and what would be valid.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from cgvlib.arithmetic.common import STATUTORY_ID, amount_cents, as_vendor
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.lang import check_lang


@dataclass(frozen=True)
class ReportParameters:
    """One report's scenario, checked. Amounts in cents; dates as dates."""

    vendors: tuple[str, ...]
    lang: str
    invoice_cents: int
    due: dt.date
    paid: dt.date
    invoice_date: dt.date  # the due date when not given (an invoice payable on receipt)
    unavailability_percent: Fraction
    monthly_cents: int
    contract_start: dt.date
    notice_date: dt.date
    commitment_months: Mapping[str, int]  # per vendor id; absent: as the terms say
    assume_last: bool = False  # past the reference data: carry the last values forward
    ledger: Path | None = None  # an analyst's ledger: a section of what each vendor could claim
    ledger_as_of: dt.date | None = None  # its unpaid invoices counted as paid then (None: today)

    @property
    def latest(self) -> dt.date:
        """The scenario's latest date: how far ``assume_last`` carries the reference data."""
        return max(self.due, self.paid, self.invoice_date, self.contract_start,
                   self.notice_date)

    @property
    def compared(self) -> tuple[str, ...]:
        """The report's vendors and, beside them, the law's default terms."""
        return (*self.vendors, STATUTORY_ID)


def _vendor_ids(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not value:
        raise InputError(f"vendors: expected a vendor id or a list of them, such as "
                         f"['teogest'], got {value!r}")
    ids = []
    for item in value:
        if not isinstance(item, str) or item == STATUTORY_ID:
            raise InputError(f"vendors: {item!r} is not a vendor id; give ids of files in "
                             "data/vendors, such as 'teogest' (the law's default terms are "
                             "always shown beside them)")
        # an unknown id raises, listing the known ones; the path of an analyst's own vendor
        # file adds that vendor to the session (cgvlib.model.loader.own_vendor), known by its id
        ids.append(as_vendor(item).id)
    return tuple(dict.fromkeys(ids))


def _percent(value, name: str) -> Fraction:
    try:
        percent = Fraction(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        raise InputError(f"{name}: {value!r} is not a percentage; give a number such as 0.5 "
                         "(for 0.5 %)") from None
    if not 0 <= percent <= 100:
        raise InputError(f"{name}: {value}% is outside 0..100")
    return percent


def _months(value, vendors: tuple[str, ...]) -> dict[str, int]:
    """None (as the terms say), a number of months for every vendor, or {vendor: months}
    (a batch shares one mapping: entries for the other reports' vendors are left aside)."""
    if value is None:
        return {}
    given = value if isinstance(value, Mapping) else dict.fromkeys(vendors, value)
    months = {}
    for vendor, n in given.items():
        as_vendor(str(vendor))  # an unknown id raises, listing the known ones
        if vendor not in vendors or n is None:
            continue
        if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
            raise InputError(f"commitment_months: {n!r} for {vendor} is not a number of "
                             "months; give a whole number such as 12, or leave it out")
        months[vendor] = n
    return months


def _flag(value, name: str) -> bool:
    """A yes/no parameter: a boolean, or the words a params file or ``-p`` may give."""
    if isinstance(value, bool):
        return value
    words = {"true": True, "yes": True, "oui": True, "1": True,
             "false": False, "no": False, "non": False, "0": False}
    found = words.get(str(value).strip().lower()) if isinstance(value, str | int) else None
    if found is None:
        raise InputError(f"{name}: {value!r} is not yes or no; give True or False (also "
                         "accepted: oui/non, yes/no, 1/0)")
    return found


def _ledger(value) -> Path | None:
    """None (no ledger section) or the path of an existing ledger file."""
    if value is None or value == "":
        return None
    path = Path(str(value)).expanduser()
    if not path.is_file():
        raise InputError(f"ledger: {value} is not a file; give the path of a ledger (.csv, "
                         ".xlsx or .parquet), or None for no ledger section")
    return path.resolve()


def report_parameters(*, vendors, lang="fr", invoice_amount, due, paid, invoice_date=None,
                      unavailability_percent, monthly_amount, contract_start, notice_date,
                      commitment_months=None, assume_last=False, ledger=None,
                      ledger_as_of=None) -> ReportParameters:
    """Check the report's raw parameters; see the template's ``parameters`` cell.
    ``assume_last``: past the end of the reference data, carry each series' last value
    forward to the scenario's latest date, the figures so computed marked provisional
    (:func:`~cgvlib.reference.provisional.assume_last`); otherwise they are not computed and
    a notice says why. ``ledger``: the path of an analyst's ledger (:mod:`cgvlib.ledger`),
    whose section says what each vendor could claim, its unpaid invoices counted as paid on
    ``ledger_as_of`` (today when None)."""
    ids = _vendor_ids(vendors)
    due_day, paid_day = as_date(due, "due"), as_date(paid, "paid")
    if paid_day < due_day:
        raise InputError(f"paid: {paid_day} is before due {due_day}; a late payment is paid "
                         "on or after its due date")
    invoiced = None if invoice_date is None else as_date(invoice_date, "invoice_date")
    if invoiced is not None and invoiced > due_day:
        raise InputError(f"invoice_date: {invoiced} is after due {due_day}; an invoice is "
                         "issued on or before its due date")
    start, notice = as_date(contract_start, "contract_start"), as_date(notice_date, "notice_date")
    if notice < start:
        raise InputError(f"notice_date: {notice} is before contract_start {start}; the letter "
                         "is sent during the contract")
    return ReportParameters(
        vendors=ids,
        lang=check_lang(lang),
        invoice_cents=amount_cents(invoice_amount, "invoice_amount"),
        due=due_day,
        paid=paid_day,
        invoice_date=invoiced or due_day,
        unavailability_percent=_percent(unavailability_percent, "unavailability_percent"),
        monthly_cents=amount_cents(monthly_amount, "monthly_amount"),
        contract_start=start,
        notice_date=notice,
        commitment_months=_months(commitment_months, ids),
        assume_last=_flag(assume_last, "assume_last"),
        ledger=_ledger(ledger),
        ledger_as_of=None if ledger_as_of is None else as_date(ledger_as_of, "ledger_as_of"),
    )
