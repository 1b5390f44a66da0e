"""The project's exceptions: each says what is wrong, where, and what would be valid.

Every error raised on purpose by cgvlib derives from :class:`CgvError`, so a notebook or a
command-line tool can catch one type and print its message instead of a traceback.

An error that a reader may see (an app's message line, a French report) is raised with its
words as a :class:`~cgvlib.i18n.Phrase` (or any object with a ``say(lang)`` method):
``raise InputError(Phrase("amount: {amount} is negative; ...", amount="-5"))``. ``str(err)``
is then its English, as before, and ``err.said("fr")`` (or :func:`cgvlib.i18n.say`) its
French through the catalog; an error raised with a plain string says that string in every
language.
"""

from __future__ import annotations


class CgvError(Exception):
    """Base class of every error cgvlib raises on purpose.

    ``CgvError(message)``: ``message`` is a plain string, or words to say in a reader's
    language (a :class:`~cgvlib.i18n.Phrase`, kept as ``words``); the exception's own message
    (``str(err)``, ``err.args[0]``) is their English."""

    def __init__(self, message="", *args) -> None:
        self.words = message if hasattr(message, "say") else None
        super().__init__(str(message) if self.words is not None else message, *args)

    def said(self, lang: str) -> str:
        """The error's message in ``lang`` (its English when it was raised with a plain
        string)."""
        return self.words.say(lang) if getattr(self, "words", None) is not None else str(self)

    def say(self, lang: str) -> str:
        """:meth:`said`, so that :func:`cgvlib.i18n.say` says an error as it says a phrase."""
        return self.said(lang)


class InputError(CgvError, ValueError):
    """An argument given to a cgvlib function is invalid (a date, an amount, a choice)."""


class OutOfCoverageError(CgvError, LookupError):
    """A reference series was asked for a date it does not cover.

    The message names the series, the first and last covered dates, and how to extend the
    data; ``last_covered`` holds the last covered date for programs.
    """

    def __init__(self, message, *, series: str, last_covered=None):
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


class OutputError(InputError):
    """A file cannot be written where asked (:mod:`cgvlib.output`): the place is an input or
    inside ``data/``, the file exists and ``force`` was not given, the folder cannot be created
    or written, the disk is full, or another report holds the folder. The message names the
    path, what is wrong and what to do; nothing partial is left behind."""


class YamlError(InputError):
    """A YAML file or value breaks the strict rules of :mod:`cgvlib.strict_yaml` (duplicate
    key, YAML 1.1 trap such as ``010`` or ``yes``, alias, nesting too deep, file too big or not
    UTF-8, impossible date, invalid syntax).

    One line: ``<source>, line <n>, <key>: <what is wrong; what is valid>``; ``source``,
    ``line`` (1-based, or None), ``key`` (the key path, or None) and ``problem`` are kept for
    callers that re-word it (a vendor file's error lists it as one of its problems)."""

    def __init__(self, source, problem: str, *, line: int | None = None, key: str | None = None):
        self.source = str(source)
        self.problem = problem
        self.line = line
        self.key = key
        super().__init__(f"{self.source}, {self.where}: {problem}" if self.where
                         else f"{self.source}: {problem}")

    @property
    def where(self) -> str:
        """``"line 7, sla.cap.percent"`` (what is known of it), or ``""``."""
        parts = [f"line {self.line}" if self.line is not None else None, self.key]
        return ", ".join(p for p in parts if p)


class YamlSyntaxError(YamlError):
    """The text is not YAML at all (a bracket left open, a bad indentation): a
    :class:`YamlError` that a caller may choose to treat as plain text (a ``-p`` value)."""
