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

from __future__ import annotations

import importlib

# Each public name and the module that defines it: imported on first use (PEP 562), so that
# ``import cgvlib`` stays light and only what a caller touches is loaded.
_PUBLIC: dict[str, str] = {
    "check": "cgvlib.analysis.checks",
    "check_all": "cgvlib.analysis.checks",
    "findings_summary": "cgvlib.analysis.checks",
    "list_checks": "cgvlib.analysis.checks",
    "citation": "cgvlib.analysis.compare",
    "compare": "cgvlib.analysis.compare",
    "compare_long": "cgvlib.analysis.compare",
    "cancellation_fee": "cgvlib.arithmetic.cancellation",
    "deposit": "cgvlib.arithmetic.fees",
    "management_fee": "cgvlib.arithmetic.fees",
    "minimum_billing": "cgvlib.arithmetic.fees",
    "non_solicitation_penalty": "cgvlib.arithmetic.fees",
    "overrun_surcharge": "cgvlib.arithmetic.fees",
    "recruitment_fee": "cgvlib.arithmetic.fees",
    "time_and_materials": "cgvlib.arithmetic.fees",
    "vat": "cgvlib.arithmetic.fees",
    "late_payment": "cgvlib.arithmetic.late_payment",
    "late_payment_frame": "cgvlib.arithmetic.late_payment_frame",
    "liability_cap": "cgvlib.arithmetic.liability",
    "early_exit": "cgvlib.arithmetic.notice",
    "exit_plan": "cgvlib.arithmetic.notice",
    "renewal_deadlines": "cgvlib.arithmetic.notice",
    "price_path": "cgvlib.arithmetic.price",
    "revise_price": "cgvlib.arithmetic.price",
    "downtime_table": "cgvlib.arithmetic.sla",
    "sla_credit": "cgvlib.arithmetic.sla",
    "sla_credit_table": "cgvlib.arithmetic.sla",
    "sla_downtime": "cgvlib.arithmetic.sla",
    "unavailability": "cgvlib.arithmetic.sla",
    "minimum_late_rate": "cgvlib.arithmetic.statutory",
    "statutory": "cgvlib.arithmetic.statutory",
    "statutory_late_rate": "cgvlib.arithmetic.statutory",
    "time_limit": "cgvlib.arithmetic.time_limits",
    "time_limits": "cgvlib.arithmetic.time_limits",
    "CgvError": "cgvlib.errors",
    "InputError": "cgvlib.errors",
    "OutOfCoverageError": "cgvlib.errors",
    "ReferenceDataError": "cgvlib.errors",
    "UnknownVendorError": "cgvlib.errors",
    "VendorFileError": "cgvlib.errors",
    "load_vendor": "cgvlib.model.loader",
    "vendor": "cgvlib.model.loader",
    "vendors": "cgvlib.model.loader",
    "add_days": "cgvlib.reference.calendar",
    "count_days": "cgvlib.reference.calendar",
    "is_day": "cgvlib.reference.calendar",
    "public_holidays": "cgvlib.reference.calendar",
    "ecb_rate": "cgvlib.reference.ecb_rate",
    "ecb_rate_series": "cgvlib.reference.ecb_rate",
    "ecb_semester_rate": "cgvlib.reference.ecb_rate",
    "legal_rate": "cgvlib.reference.legal_rate",
    "legal_rate_series": "cgvlib.reference.legal_rate",
    "add_months": "cgvlib.reference.months",
    "day_after_month_of": "cgvlib.reference.months",
    "end_of_month": "cgvlib.reference.months",
    "months_after": "cgvlib.reference.months",
    "months_before": "cgvlib.reference.months",
    "started_months": "cgvlib.reference.months",
    "syntec": "cgvlib.reference.syntec",
    "syntec_last_published": "cgvlib.reference.syntec",
    "syntec_ratio": "cgvlib.reference.syntec",
    "syntec_series": "cgvlib.reference.syntec",
}

_SUBPACKAGES = ("analysis", "apps", "arithmetic", "ledger", "model", "reference", "report",
                "teaching", "views")

__all__ = sorted(_PUBLIC)
__version__ = "0.1.0"


def __getattr__(name: str):
    """A public name or a subpackage, imported on first use and then kept in the module."""
    module = _PUBLIC.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
    elif name in _SUBPACKAGES:
        value = importlib.import_module(f"cgvlib.{name}")
    else:
        raise AttributeError(f"module 'cgvlib' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC) | set(_SUBPACKAGES))
