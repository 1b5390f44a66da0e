"""cgvlib: contract arithmetic and comparison for French B2B terms of sale (CGV).

The public API, importable from the package top level:

- vendors: :func:`vendors`, :func:`vendor`, :func:`load_vendor`;
- comparison: :func:`compare`, :func:`compare_long`, :func:`citation`;
- compliance: :func:`check`, :func:`check_all` (findings against the Code de commerce and
  the texts' own consistency), :func:`findings_summary`, :func:`list_checks`;
- reference series: :func:`legal_rate`, :func:`ecb_rate`, :func:`ecb_semester_rate`,
  :func:`syntec`, :func:`syntec_last_published`, :func:`syntec_ratio` and the series for
  charts (:func:`legal_rate_series`, :func:`ecb_rate_series`, :func:`syntec_series`);
- contract arithmetic: :func:`late_payment`, :func:`late_payment_frame`,
  :func:`statutory_late_rate`, :func:`minimum_late_rate`, :func:`statutory` (the law's default
  terms as a vendor), :func:`sla_downtime`, :func:`unavailability`, :func:`sla_credit`,
  :func:`exit_plan`, :func:`early_exit`, :func:`renewal_deadlines`, :func:`revise_price`,
  :func:`price_path`, :func:`cancellation_fee`, :func:`time_and_materials`,
  :func:`management_fee`,
  :func:`minimum_billing`, :func:`deposit`, :func:`overrun_surcharge`, :func:`vat`,
  :func:`recruitment_fee`, :func:`non_solicitation_penalty`, :func:`liability_cap`,
  :func:`time_limit`, :func:`time_limits`;
- calendar: :func:`add_days`, :func:`count_days`, :func:`is_day`, :func:`public_holidays`,
  :func:`add_months`, :func:`months_before`, :func:`end_of_month`,
  :func:`day_after_month_of`, :func:`started_months`.
"""

from cgvlib.analysis.checks import check, check_all, findings_summary, list_checks
from cgvlib.analysis.compare import citation, compare, compare_long
from cgvlib.arithmetic.cancellation import cancellation_fee
from cgvlib.arithmetic.fees import (
    deposit,
    management_fee,
    minimum_billing,
    non_solicitation_penalty,
    overrun_surcharge,
    recruitment_fee,
    time_and_materials,
    vat,
)
from cgvlib.arithmetic.late_payment import late_payment
from cgvlib.arithmetic.late_payment_frame import late_payment_frame
from cgvlib.arithmetic.liability import liability_cap
from cgvlib.arithmetic.notice import early_exit, exit_plan, renewal_deadlines
from cgvlib.arithmetic.price import price_path, revise_price
from cgvlib.arithmetic.sla import (
    downtime_table,
    sla_credit,
    sla_credit_table,
    sla_downtime,
    unavailability,
)
from cgvlib.arithmetic.statutory import minimum_late_rate, statutory, statutory_late_rate
from cgvlib.arithmetic.time_limits import time_limit, time_limits
from cgvlib.errors import (
    CgvError,
    InputError,
    OutOfCoverageError,
    ReferenceDataError,
    UnknownVendorError,
    VendorFileError,
)
from cgvlib.model.loader import load_vendor, vendor, vendors
from cgvlib.reference.calendar import add_days, count_days, is_day, public_holidays
from cgvlib.reference.ecb_rate import ecb_rate, ecb_rate_series, ecb_semester_rate
from cgvlib.reference.legal_rate import legal_rate, legal_rate_series
from cgvlib.reference.months import (
    add_months,
    day_after_month_of,
    end_of_month,
    months_after,
    months_before,
    started_months,
)
from cgvlib.reference.syntec import (
    syntec,
    syntec_last_published,
    syntec_ratio,
    syntec_series,
)

_SUBPACKAGES = ("analysis", "apps", "arithmetic", "model", "reference", "report", "views")


def __getattr__(name: str):
    """``cgvlib.report``, ``cgvlib.apps`` and ``cgvlib.views`` after a plain ``import cgvlib``:
    imported on first use, since they bring in Jupyter, ipywidgets and matplotlib."""
    if name in _SUBPACKAGES:
        import importlib

        return importlib.import_module(f"cgvlib.{name}")
    raise AttributeError(f"module 'cgvlib' has no attribute {name!r}")

__all__ = [
    "CgvError",
    "InputError",
    "OutOfCoverageError",
    "ReferenceDataError",
    "UnknownVendorError",
    "VendorFileError",
    "add_days",
    "add_months",
    "cancellation_fee",
    "check",
    "check_all",
    "citation",
    "compare",
    "compare_long",
    "count_days",
    "day_after_month_of",
    "deposit",
    "downtime_table",
    "early_exit",
    "ecb_rate",
    "ecb_rate_series",
    "ecb_semester_rate",
    "end_of_month",
    "exit_plan",
    "findings_summary",
    "is_day",
    "late_payment",
    "late_payment_frame",
    "legal_rate",
    "legal_rate_series",
    "liability_cap",
    "list_checks",
    "load_vendor",
    "management_fee",
    "minimum_billing",
    "minimum_late_rate",
    "months_after",
    "months_before",
    "non_solicitation_penalty",
    "overrun_surcharge",
    "price_path",
    "public_holidays",
    "recruitment_fee",
    "renewal_deadlines",
    "revise_price",
    "sla_credit",
    "sla_credit_table",
    "sla_downtime",
    "started_months",
    "statutory",
    "statutory_late_rate",
    "syntec",
    "syntec_last_published",
    "syntec_ratio",
    "syntec_series",
    "time_and_materials",
    "time_limit",
    "time_limits",
    "unavailability",
    "vat",
    "vendor",
    "vendors",
]
__version__ = "0.1.0"
