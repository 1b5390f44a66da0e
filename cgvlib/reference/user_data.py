"""User-supplied reference values: where they live and how they join the packaged series.

``python -m cgvlib rates add`` and ``rates update`` write the values a user supplies into the
user data folder (:func:`cgvlib.paths.user_data_dir`: ``CGVLIB_USER_DATA``, else
``$XDG_DATA_HOME/cgvlib``, else ``~/.local/share/cgvlib``), one file per series in ``rates/``,
named and shaped like the packaged file of ``data/rates/`` (a ``# key: value`` preamble, the
header, one row per line). Nothing is ever written into the package or the project's ``data/``.

How a user file joins its packaged series (each series module does the merge; the rules are
the same for all):

- a user row after the packaged series' last row **extends** it; the first one must follow on
  (the next semester, a later ECB change, any later Syntec month);
- a user row for a Syntec month missing inside the packaged range **fills that gap**;
- a user row for a period the packaged series already holds **replaces** its value only if
  the user file's ``# replaces:`` line names it (``rates add --force`` writes both); a row equal
  to the packaged one is dropped, the packaged row being the reference; a differing row the
  ``# replaces:`` line does not name (a value the user added before the package caught up) is
  **superseded** by the packaged one, and ``rates status`` says so: never a silent replacement;
- anything else (a row before the series starts, an ECB change inside the range the packaged
  file says is complete) is refused with a :class:`~cgvlib.errors.ReferenceDataError` naming
  the user file, the line and the field.

Every value taken from the user folder is marked: its ``source`` starts with
``"user-supplied"`` and the lookup result has ``user_supplied=True``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cgvlib import paths
from cgvlib.reference.series import USER_MARK

T = TypeVar("T")
U = TypeVar("U")

REPLACES = "replaces"  # the preamble key listing the packaged rows a user file replaces

_MERGED: dict[tuple[str, int, int], tuple[object, object, object]] = {}


def user_series_path(name: str) -> Path:
    """Where the user file of the series ``name`` (e.g. ``ecb_main_refinancing_rate.csv``)
    lives, whether or not it exists."""
    return _in(paths.user_rates_dir(), name)


@functools.lru_cache(maxsize=32)
def _in(folder: Path, name: str) -> Path:
    return folder / name


def existing_user_series(name: str) -> Path | None:
    """The user file of the series ``name`` if there is one, else ``None``."""
    path = user_series_path(name)
    return path if path.is_file() else None


def user_source(source: str, replaced: str | None = None) -> str:
    """The source of a user row as shown wherever the value is used: ``"user-supplied: …"``,
    or ``"user-supplied, replacing the packaged value 2.62: …"``."""
    if replaced is None:
        return f"{USER_MARK}: {source}"
    return f"{USER_MARK}, replacing the packaged value {replaced}: {source}"


def merged(name: str, base: T, user: U | None, merge: Callable[[T, U], T]) -> T:
    """``merge(base, user)``, kept while both parsed files are the same objects (the parsers
    cache them by file, so an edited file is merged again); ``base`` itself without a user
    file."""
    if user is None:
        return base
    key = (name, id(base), id(user))
    found = _MERGED.get(key)
    if found is None or found[0] is not base or found[1] is not user:
        if len(_MERGED) > 16:
            _MERGED.clear()
        found = (base, user, merge(base, user))
        _MERGED[key] = found
    return found[2]  # type: ignore[return-value]


def replaced_keys(meta) -> frozenset[str]:
    """The keys (``2026-01-01``, ``2025-10``) listed by a user file's ``# replaces:`` line."""
    return frozenset(k.strip() for k in meta.get(REPLACES, "").split(",") if k.strip())
