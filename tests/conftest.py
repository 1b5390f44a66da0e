"""Shared fixtures: the example vendor file and its small source text."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml

from cgvlib import paths

# No test reads the user data folder of the machine it runs on (values a user added with
# `rates add`): every test, and every command or kernel it starts, sees an empty one.
os.environ["CGVLIB_USER_DATA"] = tempfile.mkdtemp(prefix="cgvlib-user-data-")
atexit.register(shutil.rmtree, os.environ["CGVLIB_USER_DATA"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLE_FILE = ROOT / "data" / "vendors" / "exemple.example.yaml"


@pytest.fixture
def example_data() -> dict:
    """The minimal example vendor file as a dict, to be altered by a test."""
    return yaml.safe_load(EXAMPLE_FILE.read_text(encoding="utf-8"))


@pytest.fixture
def write_vendor(tmp_path):
    """Write a vendor dict (or raw text) to ``tmp_path/<name>`` and return the path."""

    def write(data, name: str = "exemple.yaml") -> Path:
        path = tmp_path / name
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                                 sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def texts_present() -> Path:
    folder = paths.texts_dir()
    if not folder.is_dir():
        pytest.skip(f"the vendors' texts are not at {folder}; set CGVLIB_TEXTS to verify quotes")
    return folder


@pytest.fixture(autouse=True)
def own_vendors_forgotten():
    """An analyst's own vendor a test adds to the session (``vendor(path)``, a ledger's
    ``vendor_files``) is forgotten after it: other tests see the five vendors only."""
    from cgvlib.model import loader

    before = dict(loader._OWN)
    yield
    loader._OWN.clear()
    loader._OWN.update(before)
