"""cgvlib: contract arithmetic and comparison for French B2B terms of sale (CGV).

The public API, importable from the package top level:

- vendors: :func:`vendors`, :func:`vendor`, :func:`load_vendor`;
- comparison: :func:`compare`, :func:`compare_long`, :func:`citation`;
- reference series: :func:`legal_rate`, :func:`ecb_rate`, :func:`ecb_semester_rate`,
  :func:`syntec`, :func:`syntec_last_published`, :func:`syntec_ratio` and the series for
  charts (:func:`legal_rate_series`, :func:`ecb_rate_series`, :func:`syntec_series`);
- calendar: :func:`add_days`, :func:`count_days`, :func:`is_day`, :func:`public_holidays`,
  :func:`add_months`, :func:`months_before`, :func:`end_of_month`,
  :func:`day_after_month_of`, :func:`started_months`.
"""

from cgvlib.analysis.compare import citation, compare, compare_long
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

__all__ = [
    "CgvError", "InputError", "OutOfCoverageError", "ReferenceDataError", "UnknownVendorError",
    "VendorFileError", "add_days", "add_months", "citation", "compare", "compare_long",
    "count_days", "day_after_month_of", "ecb_rate", "ecb_rate_series", "ecb_semester_rate",
    "end_of_month", "is_day", "legal_rate", "legal_rate_series", "load_vendor", "months_after",
    "months_before", "public_holidays", "started_months", "syntec", "syntec_last_published",
    "syntec_ratio", "syntec_series", "vendor", "vendors",
]
__version__ = "0.1.0"
