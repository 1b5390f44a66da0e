"""Where reports and exports may be written, stated once.

Nothing cgvlib writes lands inside the project's ``data/`` (its inputs) or ``notebooks/``
(the templates), and an existing file is replaced only when the caller says so (``force``).
"""

from __future__ import annotations

from pathlib import Path

from cgvlib.errors import InputError
from cgvlib.paths import PROJECT_ROOT, data_dir


def protected_folders() -> list[Path]:
    """The folders nothing is written into: the data in use, the project's data/ and
    notebooks/."""
    return [p.resolve() for p in (data_dir(), PROJECT_ROOT / "data", PROJECT_ROOT / "notebooks")]


def check_outside_protected(path: Path, what: str) -> None:
    resolved = Path(path).expanduser().resolve()
    for folder in protected_folders():
        if resolved == folder or resolved.is_relative_to(folder):
            raise InputError(f"{path}: {what} are never written inside {folder} (the "
                             "project's data and notebooks); choose a path outside it")


def output_file(path, force: bool, suffix: str) -> Path:
    """The file to write: not inside data/ or notebooks/, not existing unless ``force``."""
    if not isinstance(path, str | Path) or not str(path):
        raise InputError(f"path: expected a file name such as 'out{suffix}', got {path!r}")
    target = Path(path).expanduser()
    check_outside_protected(target, "exports")
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name such as 'out{suffix}'")
    if target.exists() and not force:
        raise InputError(f"{target} already exists; pass force=True (--force) to overwrite it")
    if not target.parent.is_dir():
        raise InputError(f"{target}: folder {target.parent} does not exist")
    return target


def output_folder(path) -> Path:
    """A folder to write reports into, created if missing; never data/ or notebooks/."""
    if not isinstance(path, str | Path) or not str(path):
        raise InputError(f"out: expected a folder such as 'reports/', got {path!r}")
    folder = Path(path).expanduser()
    check_outside_protected(folder, "reports")
    if folder.exists() and not folder.is_dir():
        raise InputError(f"out: {folder} is a file; give a folder such as 'reports/'")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
