"""Exercises for the teaching notebooks, checked with cgvlib.

An :class:`Exercise` holds a question, the right answer computed by the library (never typed
by hand in the notebook), the unit, and the usual mistakes, each as the value that mistaken
reasoning gives and the explanation of what went wrong. ``exercise.check(answer)`` says
whether the answer is right and, when it is not, why: the explanation of the mistake it
matches, or the expected value with the library's working.

These are the apps' exercises (they show the expected value when an answer is wrong). The
lessons of ``notebooks/teaching/`` use :mod:`cgvlib.teaching`, which takes the same questions,
answers and mistakes, never gives the answer away, gives two hints and reads any answer a
student types (a wrong type gets advice, not a traceback).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from cgvlib.amount_text import AmountTextError, parse_amount
from cgvlib.dates import as_date
from cgvlib.errors import InputError


@dataclass(frozen=True)
class Verdict:
    correct: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.correct

    def _repr_html_(self) -> str:
        colour = "#1B7F3B" if self.correct else "#B22222"
        return f'<p style="color:{colour}"><b>{self.message}</b></p>'


def _normalise(value, unit: str):
    """An answer as typed: a date as :func:`cgvlib.dates.as_date` reads it, a number as
    :func:`cgvlib.amount_text.parse_amount` reads amounts (``1 234,56 €``, ``1234.56``; a
    percentage may end with ``%``), refusing what could be read two ways (``1,500``)."""
    if unit == "date":
        return as_date(value, "answer")
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = str(value).strip()
        text = text.removesuffix("%").strip() if unit == "percent" else text
        try:
            number = parse_amount(text, currency=unit == "EUR")
        except AmountTextError as refused:  # the app's words are English: the refusal's own
            raise InputError(f"answer: {refused.say(text, 'en')}") from None
    if unit in ("EUR", "percent"):
        return number.quantize(Decimal("0.01"))
    return number


@dataclass
class Exercise:
    """A question whose answer the library computes; ``mistakes`` maps an explanation to a
    function giving the value that mistaken reasoning produces."""

    question: str
    solution: Callable[[], object]
    unit: str = "EUR"  # "EUR", "percent", "days", "months", "date"
    working: Callable[[], str] | None = None
    mistakes: dict[str, Callable[[], object]] = field(default_factory=dict)

    def answer(self):
        return _normalise(self.solution(), self.unit)

    def check(self, given) -> Verdict:
        if given is None or given == "":
            return Verdict(False, "No answer yet: write your answer in the cell, then run it.")
        value = _normalise(given, self.unit)
        expected = self.answer()
        if value == expected:
            return Verdict(True, f"Correct: {self._show(expected)}.")
        for why, mistaken in self.mistakes.items():
            if value == _normalise(mistaken(), self.unit):
                return Verdict(False, f"Not quite: {self._show(value)} is what you get if "
                                      f"{why}. The answer is {self._show(expected)}.")
        detail = f" Working: {self.working()}" if self.working else ""
        return Verdict(False, f"Not quite: expected {self._show(expected)}, you gave "
                              f"{self._show(value)}.{detail}")

    def _show(self, value) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        suffix = {"EUR": " EUR", "percent": " %", "days": " days", "months": " months"}
        return f"{value}{suffix.get(self.unit, '')}"
