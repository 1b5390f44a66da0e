"""Every reference test runs with its own empty user data folder (``CGVLIB_USER_DATA``), so
that values a user added on this machine never change what the tests see."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def user_data(tmp_path, monkeypatch):
    """The user data folder of the test: ``tmp_path/user`` (absent until something is added)."""
    folder = tmp_path / "user"
    monkeypatch.setenv("CGVLIB_USER_DATA", str(folder))
    return folder
