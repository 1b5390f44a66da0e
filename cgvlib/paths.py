"""Where cgvlib finds its data and the vendors' source texts.

- ``data/`` of the project (reference series and vendor files); ``CGVLIB_DATA`` overrides it.
- The vendors' CGV texts, read only to verify citations: ``../shared/cgv`` beside the project;
  ``CGVLIB_TEXTS`` overrides it. When the folder is absent, citations are not verified.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("CGVLIB_DATA", PROJECT_ROOT / "data"))


def rates_dir() -> Path:
    return data_dir() / "rates"


def vendors_dir() -> Path:
    return data_dir() / "vendors"


def texts_dir() -> Path:
    return Path(os.environ.get("CGVLIB_TEXTS", PROJECT_ROOT.parent / "shared" / "cgv"))
