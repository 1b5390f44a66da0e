"""What a team shares: parameterised reports and exports (layer 8, above every other).

- :func:`run` (:mod:`cgvlib.report.batch`): the report template ``notebooks/report.ipynb``
  executed by papermill for one vendor, several or all, each exported to HTML without code;
  ``python -m cgvlib report``. Its sections are :mod:`cgvlib.report.sections`, in French or
  English (:mod:`cgvlib.report.labels`).
- :mod:`cgvlib.report.exports`: the comparison and findings as an Excel workbook, the notice
  deadlines as an iCalendar file; ``python -m cgvlib export``.
"""

from cgvlib.report.batch import Batch, Outcome, run

__all__ = ["Batch", "Outcome", "run"]
