"""A checked exercise that does not give itself away.

:class:`Exercise` holds a question, the right answer computed by the library (never typed by
hand in a notebook), the unit, the usual mistakes (each as the value that mistaken reasoning
gives and what went wrong), two hints and the working. It answers a student in steps:

1. ``exercise.check(answer)``: right or wrong. A wrong answer is never told the expected value:
   the verdict names the classic mistake the answer matches, if any, and gives the first hint;
   a second wrong answer gives the second hint; after that, the verdict points to
   ``exercise.worked()``.
2. ``exercise.hint()``: the next hint on request, without answering.
3. ``exercise.worked()``: the worked answer, the value and the library's working (what the
   solutions notebooks print).

Answers are read as a student types them: a date as :func:`cgvlib.dates.as_date` reads it
(``15/03/2024``, ``15 mars 2024``, ``2024-03-15``), a number as
:func:`cgvlib.amount_text.parse_amount` reads amounts (``10 000,50``, ``10000.50``,
``206,44 €``; a percentage may end with ``%``, a count with its unit). An answer that cannot be
read (a list, a two-digit year, ``1,500``) gets a verdict saying how to write it, never a
traceback.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from cgvlib.amount_text import AmountTextError, parse_amount
from cgvlib.date_text import DateTextError, TypedTextError, parse_date_text
from cgvlib.dates import as_date, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import ntranslate, translate
from cgvlib.lang import check_lang
from cgvlib.money import format_eur, format_number, format_percent

UNITS = ("EUR", "percent", "days", "months", "minutes", "date")
# words a student may leave after a count ("2 months", "2 mois", "45 jours")
_COUNT_WORDS = re.compile(r"\s*(months?|mois|days?|jours?|j|minutes?|mn|min)\.?\s*$", re.IGNORECASE)


@dataclass(frozen=True, repr=False)
class Verdict:
    """What a check, a hint or a worked answer says. ``correct`` is None when it judges no
    answer (a hint, a worked answer, an answer not given or not readable). Shown as its
    message, in a notebook (HTML, in colour) as in a console."""

    correct: bool | None
    message: str

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return bool(self.correct)

    def _repr_html_(self) -> str:
        colour = {True: "#1B7F3B", False: "#B22222"}.get(self.correct, "#404040")
        body = html.escape(self.message).replace("\n", "<br>")
        return f'<p style="color:{colour}">{body}</p>'


class AnswerNotRead(ValueError):
    """An answer that cannot be read in the exercise's unit; ``advice`` says how to write it."""

    def __init__(self, advice: str):
        super().__init__(advice)
        self.advice = advice


def _form_advice(unit: str, lang: str) -> str:
    if unit == "date":
        return translate("Write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15.", lang)
    if unit == "EUR":
        return translate("Write an amount in euros such as 1 234,56 or 1234.56.", lang)
    if unit == "percent":
        return translate("Write a percentage such as 6,18 or 6.18 (the % sign is optional).",
                         lang)
    if unit == "minutes":
        return translate("Write a number of minutes such as 12,5 or 12.5.", lang)
    return translate("Write a whole number such as 2.", lang)


def _refusal(refused: TypedTextError, text: str, lang: str) -> str:
    """Why ``text`` was refused, in ``lang`` (:meth:`~cgvlib.date_text.TypedTextError.say`:
    ``1,500 est ambigu : 1500 euros ou 1,50 euros ? [...]``), without the refusal's own advice:
    the exercise gives the form its unit takes."""
    advice = translate("; ", lang) + refused.advice.say(lang)
    return refused.say(text, lang).removesuffix(advice)


def read_answer(value, unit: str, lang: str = "en"):
    """``value`` as the exercise's ``unit`` reads it: a ``datetime.date`` for ``"date"``, a
    ``Decimal`` otherwise (EUR and percent to the cent). Raise :class:`AnswerNotRead` with the
    form to use when it cannot be read."""
    if unit not in UNITS:
        raise InputError(f"unit: {unit!r} is not one of {', '.join(UNITS)}")
    advice = _form_advice(unit, lang)
    shown = repr(value) if not isinstance(value, str) else f"'{value}'"
    if unit == "date":
        if isinstance(value, bool) or not isinstance(value, str | dt.date):
            raise AnswerNotRead(translate("{shown} is not a date.", lang).format(shown=shown)
                                + " " + advice)
        if not isinstance(value, str):
            return as_date(value, "answer")
        try:
            return parse_date_text(value)
        except DateTextError as refused:
            raise AnswerNotRead(f"{_refusal(refused, value, lang)}." + " " + advice) from None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise AnswerNotRead(translate("{shown} is not a number.", lang).format(shown=shown)
                            + " " + advice)
    if isinstance(value, float) and value != value:
        raise AnswerNotRead(translate("{shown} is not a number.", lang).format(shown=shown)
                            + " " + advice)
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = value.strip()
        if unit == "percent":
            text = text.removesuffix("%").strip()
        elif unit in ("days", "months", "minutes"):
            text = _COUNT_WORDS.sub("", text)
        try:
            number = parse_amount(text, currency=unit == "EUR")
        except AmountTextError as refused:
            raise AnswerNotRead(translate("{shown} is not read as a number ({reason}).", lang)
                                .format(shown=shown, reason=_refusal(refused, text, lang))
                                + " " + advice) from None
    if unit in ("EUR", "percent", "minutes"):
        return number.quantize(Decimal("0.01"))
    return number


def show_value(value, unit: str, lang: str = "en") -> str:
    """A value of ``unit`` as the reader's language writes it (``30 novembre 2024``,
    ``206,44 €``...)."""
    lang = check_lang(lang)
    if unit == "date":
        return format_date(value, lang)
    if unit == "EUR":
        return format_eur(int(value * 100), lang)
    if unit == "percent":
        return format_percent(value, lang)
    if unit == "minutes":
        return translate("{n} min", lang).format(n=format_number(value, lang))
    count, number = int(value) if value == int(value) else 2, format_number(value, lang)
    if unit == "days":
        return ntranslate("{n} day", "{n} days", count, lang).format(n=number)
    return ntranslate("{n} month", "{n} months", count, lang).format(n=number)


@dataclass
class Exercise:
    """A question whose answer the library computes.

    ``mistakes`` maps the explanation of a classic mistake to a function giving the value that
    reasoning produces; ``hints`` are two hints, the first gentle, the second closer to the
    method, neither stating the answer; ``working`` gives the library's working for the worked
    answer. ``lang`` is the language of the verdicts' own words ("en" or "fr")."""

    question: str
    solution: Callable[[], object]
    unit: str = "EUR"
    working: Callable[[], str] | None = None
    mistakes: dict[str, Callable[[], object]] = field(default_factory=dict)
    hints: tuple[str, ...] = ()
    lang: str = "en"
    wrong_answers: int = field(default=0, init=False)
    hints_given: int = field(default=0, init=False)

    def __post_init__(self):
        if self.unit not in UNITS:
            raise InputError(f"unit: {self.unit!r} is not one of {', '.join(UNITS)}")
        self.lang = check_lang(self.lang)

    def answer(self):
        """The expected value, in the exercise's unit (for tests and the solutions)."""
        return read_answer(self.solution(), self.unit, self.lang)

    def shown(self, value) -> str:
        return show_value(value, self.unit, self.lang)

    def _next_hint(self) -> str:
        if not self.hints:
            return ""
        number = min(self.hints_given, len(self.hints) - 1)
        self.hints_given = min(self.hints_given + 1, len(self.hints))
        return translate("Hint {number}: {hint}", self.lang).format(
            number=number + 1, hint=self.hints[number])

    def check(self, given) -> Verdict:
        """Right or wrong, never the expected value when wrong: the classic mistake the answer
        matches, then the next hint, and once both hints are given, where the worked answer
        is."""
        lang = self.lang
        if given is None or (isinstance(given, str) and not given.strip()):
            return Verdict(None, translate(
                "No answer yet: write your answer in the answer cell, run it, then run this "
                "cell again. Stuck? .hint() gives a hint.", lang))
        try:
            value = read_answer(given, self.unit, lang)
        except AnswerNotRead as unread:
            return Verdict(None, translate("Your answer cannot be read: {advice}", lang)
                           .format(advice=unread.advice))
        expected = self.answer()
        if value == expected:
            return Verdict(True, translate("Right: {value}. .worked() shows the library's "
                                           "working, to compare with yours.", lang)
                           .format(value=self.shown(expected)))
        self.wrong_answers += 1
        lines = [translate("Not right yet: {value}.", lang).format(value=self.shown(value))]
        for why, mistaken in self.mistakes.items():
            if value == read_answer(mistaken(), self.unit, lang):
                lines.append(translate("That is the figure you get if {why}.", lang)
                             .format(why=why))
                break
        if self.hints_given < len(self.hints):
            lines.append(self._next_hint())
        else:
            lines.append(translate("You have seen every hint: .worked() shows the worked "
                                   "answer.", lang))
        return Verdict(False, "\n".join(lines))

    def hint(self) -> Verdict:
        """The next hint (the last one again once all are given)."""
        if not self.hints:
            return Verdict(None, translate("This exercise has no hint.", self.lang))
        return Verdict(None, self._next_hint())

    def worked(self) -> Verdict:
        """The worked answer: the value and the library's working."""
        lines = [translate("Answer: {value}.", self.lang).format(value=self.shown(self.answer()))]
        if self.working:
            lines.append(translate("Working: {working}", self.lang).format(
                working=self.working()))
        return Verdict(None, "\n".join(lines))


__all__ = ["UNITS", "AnswerNotRead", "Exercise", "Verdict", "read_answer", "show_value"]
