"""Where cgvlib finds its data and the vendors' source texts.

- ``data/`` of the project (reference series and vendor files); ``CGVLIB_DATA`` overrides it.
- The vendors' CGV texts, read only to verify citations: ``../shared/cgv`` beside the project;
  ``CGVLIB_TEXTS`` overrides it. When the folder is absent, citations are not verified.
- The user data folder, outside the project, where ``python -m cgvlib rates add/update`` keep
  the reference values a user supplies: ``CGVLIB_USER_DATA`` if set, else
  ``$XDG_DATA_HOME/cgvlib``, else ``~/.local/share/cgvlib``; its series are in ``rates/``.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_DATA = PROJECT_ROOT / "data"


# The folders follow the environment at each call (a test or a notebook may change it); the
# Path objects are made once per value, since reference lookups ask for them thousands of times.


@functools.lru_cache(maxsize=32)
def _folder(base: str | None, default: Path, *parts: str) -> Path:
    return (Path(base).expanduser() if base else default).joinpath(*parts)


def data_dir() -> Path:
    return _folder(os.environ.get("CGVLIB_DATA"), PROJECT_DATA)


def rates_dir() -> Path:
    return _folder(os.environ.get("CGVLIB_DATA"), PROJECT_DATA, "rates")


def rates_file(name: str) -> Path:
    """The packaged reference series ``name`` (e.g. ``fr_legal_interest_rate.csv``) in the
    data folder in use."""
    return _folder(os.environ.get("CGVLIB_DATA"), PROJECT_DATA, "rates", name)


def vendors_dir() -> Path:
    return _folder(os.environ.get("CGVLIB_DATA"), PROJECT_DATA, "vendors")


DEFAULT_TEXTS_DIR = PROJECT_ROOT.parent / "shared" / "cgv"


def texts_dir() -> Path:
    """The texts folder in use: ``CGVLIB_TEXTS`` when set, else ``../shared/cgv``."""
    return Path(os.environ.get("CGVLIB_TEXTS", DEFAULT_TEXTS_DIR))


def texts_dirs() -> list[Path]:
    """The folders a vendor's text is looked for in, after the vendor file's own folder:
    ``CGVLIB_TEXTS`` when set, then ``../shared/cgv`` (so that a ``CGVLIB_TEXTS`` naming a
    folder of one's own texts never hides the built-in vendors' texts)."""
    return list(dict.fromkeys([texts_dir(), DEFAULT_TEXTS_DIR]))


def example_vendor_file() -> Path:
    """The minimal example vendor file; its text ``exemple.txt`` sits beside it."""
    return PROJECT_ROOT / "data" / "vendors" / "exemple.example.yaml"


def user_data_dir() -> Path:
    """The user data folder: ``CGVLIB_USER_DATA``, else ``$XDG_DATA_HOME/cgvlib``, else
    ``~/.local/share/cgvlib``."""
    return _user_folder(os.environ.get("CGVLIB_USER_DATA"), os.environ.get("XDG_DATA_HOME"),
                        os.environ.get("HOME"))


def user_rates_dir() -> Path:
    """The user-supplied reference series (``rates add``/``rates update``)."""
    return _user_folder(os.environ.get("CGVLIB_USER_DATA"), os.environ.get("XDG_DATA_HOME"),
                        os.environ.get("HOME"), "rates")


@functools.lru_cache(maxsize=32)
def _user_folder(chosen: str | None, xdg: str | None, home: str | None, *parts: str) -> Path:
    if chosen:
        return Path(chosen).expanduser().joinpath(*parts)
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return (base / "cgvlib").joinpath(*parts)
