"""The dates, amounts and percentages among the report's parameters, read as people type
them, before anything runs.

The report template's ``parameters`` cell says which parameters are which: a parameter whose
default is a date (``due = "2024-03-01"``) or whose name ends in ``_date`` is a date; one
whose comment starts with ``EUR`` (``invoice_amount = 10000  # EUR, ...``) is an amount in
euros; one whose name ends in ``_percent`` (``unavailability_percent``) is a percentage; one
whose comment starts with ``path`` (``ledger``) is a file. A
``-p`` value or a parameters file's value given as text for one of them is read here:

- a date as :func:`cgvlib.dates.as_date` reads it (``15/03/2024``, ``15 mars 2024``,
  ``1er mars 2024``, ``2024-03-15``), passed on as a date;
- an amount as :func:`cgvlib.money.amount_cents` reads it (``10 000,50``, ``10000.50``,
  ``10 000 €``), passed on as the exact euros it writes (``"10000.50"``);
- a percentage with a decimal comma or point (``0,5``, ``0.5``, ``12,5 %``), read by
  :func:`cgvlib.amount_text.parse_percent`, passed on as the exact number it writes
  (``"0.5"``);
- a file's path, read from the folder the command runs in, passed on absolute (the run's
  notebook works in its own folder) and protected from being written over;

so that a value that cannot be read stops the command at once, naming the option or the file,
line and parameter, with a form that would be accepted. Values YAML already typed (a YAML date,
a number) and every other parameter are left to the run's own checks
(:func:`cgvlib.report.parameters.report_parameters`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from cgvlib.amount_text import PERCENT_ADVICE, parse_percent
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.money import amount_cents, cents_to_euros
from cgvlib.output import protect_input

DATE, AMOUNT, PERCENT, PATH = "date", "amount", "percent", "path"
_ISO_DEFAULT = re.compile(r"""["']\d{4}-\d{2}-\d{2}["']""")


@functools.lru_cache(maxsize=8)
def _kinds(template: str, modified: float) -> dict[str, str]:
    import papermill

    kinds = {}
    for name, about in papermill.inspect_notebook(template).items():
        default, comment = str(about.get("default") or ""), str(about.get("help") or "")
        if _ISO_DEFAULT.fullmatch(default.strip()) or name.endswith("_date"):
            kinds[name] = DATE
        elif comment.strip().startswith("EUR"):
            kinds[name] = AMOUNT
        elif name.endswith("_percent"):
            kinds[name] = PERCENT
        elif comment.strip().startswith("path"):
            kinds[name] = PATH
    return kinds


def parameter_kinds(template: Path) -> dict[str, str]:
    """``{name: "date" | "amount" | "percent" | "path"}`` for the template's date, amount,
    percentage and file parameters (a file's comment starts with "path")."""
    path = Path(template)
    return _kinds(str(path), path.stat().st_mtime)


def typed_value(name: str, value, where: str, template: Path):
    """``value`` of the parameter ``name`` with its text read when it is a date, an amount or
    a percentage (a ``datetime.date``; the euros, the percentage as exact text); anything else
    as it is. ``where`` names the value in an error (``-p due``; ``scenario.yaml, line 3,
    due``)."""
    if not isinstance(value, str):
        return value
    kind = parameter_kinds(template).get(name)
    if kind == DATE:
        return as_date(value, where)
    if kind == AMOUNT:
        return str(cents_to_euros(amount_cents(value, where)))
    if kind == PATH:  # the run's notebook works in its own folder: the path made absolute
        path = Path(value).expanduser().resolve()
        if not path.is_file():
            raise InputError(f"{where}: {value} is not a file; give the path of a ledger "
                             "(.csv, .xlsx or .parquet)")
        protect_input(path, f"the ledger {path.name}")  # no report is written over it
        return str(path)
    if kind == PERCENT:
        try:
            return str(parse_percent(value))
        except ValueError:
            raise InputError(f"{where}: {value!r} is not a percentage; {PERCENT_ADVICE}") \
                from None
    return value


def typed_values(values: dict, where, template: Path) -> dict:
    """Every value of ``values`` through :func:`typed_value`; ``where(name)`` names it."""
    return {name: typed_value(name, value, where(name), template)
            for name, value in values.items()}

