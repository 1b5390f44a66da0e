"""Where reports and exports may be written: kept for callers of this module; the rules live in
:mod:`cgvlib.output`, the one place cgvlib writes files.

Nothing cgvlib writes lands inside the project's ``data/`` (its inputs), ``notebooks/`` (the
templates) or the CGV texts, nor over an input, and an existing file is replaced only when the
caller says so (``force``).
"""

from __future__ import annotations

from pathlib import Path

from cgvlib import output


def protected_folders() -> list[Path]:
    """The folders nothing is written into (:func:`cgvlib.output.protected_folders`)."""
    return [folder for folder, _ in output.protected_folders()]


def check_outside_protected(path: Path, what: str = "outputs") -> None:
    output.refuse_protected(path)


def output_file(path, force: bool, suffix: str) -> Path:
    """The file to write: not an input, not inside data/ or notebooks/, not existing unless
    ``force`` (:func:`cgvlib.output.check_target`)."""
    return output.check_target(path, force=force, example=f"out{suffix}")


def output_folder(path) -> Path:
    """A folder to write reports into, created if missing; never data/ or notebooks/."""
    return output.output_folder(path, what="reports")
