"""The project's exceptions: each says what is wrong, where, and what would be valid.

Every error raised on purpose by cgvlib derives from :class:`CgvError`, so a notebook or a
command-line tool can catch one type and print its message instead of a traceback.
"""

from __future__ import annotations


class CgvError(Exception):
    """Base class of every error cgvlib raises on purpose."""


class InputError(CgvError, ValueError):
    """An argument given to a cgvlib function is invalid (a date, an amount, a choice)."""


class OutOfCoverageError(CgvError, LookupError):
    """A reference series was asked for a date it does not cover.

    The message names the series, the first and last covered dates, and how to extend the
    data; ``last_covered`` holds the last covered date for programs.
    """

    def __init__(self, message: str, *, series: str, last_covered=None):
        super().__init__(message)
        self.series = series
        self.last_covered = last_covered


class ReferenceDataError(CgvError):
    """A reference data file under ``data/rates/`` is malformed."""


class VendorFileError(CgvError):
    """A vendor file is malformed, incomplete or inconsistent.

    ``problems`` lists every problem found as ``(field_path, message)``; the message names
    the file and, for each problem, the line, the field path, what is wrong and what would
    be valid.
    """

    def __init__(self, path, problems: list[tuple[str, str]]):
        self.path = str(path)
        self.problems = list(problems)
        lines = [f"{self.path}: {len(self.problems)} problem(s) in this vendor file"]
        lines += [f"  - {where}: {what}" for where, what in self.problems]
        super().__init__("\n".join(lines))


class UnknownVendorError(CgvError, KeyError):
    """No vendor file has the requested id."""

    def __str__(self) -> str:  # KeyError would print the repr of its argument
        return str(self.args[0])
