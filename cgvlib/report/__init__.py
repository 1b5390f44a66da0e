"""What a team shares: parameterised reports and exports (layer 8, above every other).

- :func:`run` (:mod:`cgvlib.report.batch`): the report template ``notebooks/report.ipynb``
  executed by papermill for one vendor, several or all, each exported to HTML without code;
  ``python -m cgvlib report``. Its sections are :mod:`cgvlib.report.sections`, in French or
  English (:mod:`cgvlib.report.labels`).
- :mod:`cgvlib.report.exports`: the comparison and findings as an Excel workbook, the notice
  deadlines as an iCalendar file; ``python -m cgvlib export``.

The batch's names are imported on first use (PEP 562): the report's own kernel imports
:mod:`cgvlib.report.sections` and never needs the batch (papermill, the kernels).
"""

from __future__ import annotations

import importlib

__all__ = ["Batch", "Outcome", "run"]


def __getattr__(name: str):
    """``run``, ``Batch`` and ``Outcome`` from :mod:`cgvlib.report.batch`, on first use."""
    if name not in __all__:
        raise AttributeError(f"module 'cgvlib.report' has no attribute {name!r}")
    value = getattr(importlib.import_module("cgvlib.report.batch"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
