"""Teaching: exercises that check a student's answer without giving it away.

``cgvlib.teaching.lesson("01_late_payment_law")`` gives the exercises of a lesson of
``notebooks/teaching/`` (keyed as the notebook numbers them); each
:class:`~cgvlib.teaching.exercise.Exercise` answers ``check(answer)`` (right or wrong, a classic
mistake named, a first hint, then a second), ``hint()`` and ``worked()`` (the worked answer,
which the solutions notebooks in ``notebooks/teaching/solutions/`` print).
"""

from __future__ import annotations

from cgvlib.errors import InputError
from cgvlib.teaching.exercise import AnswerNotRead, Exercise, Verdict, read_answer, show_value


def lesson(name: str, lang: str = "en") -> dict:
    """The exercises of the lesson ``name`` (its notebook's name, e.g.
    ``"02_renewal_and_notice"``), their verdicts in ``lang``."""
    from cgvlib.teaching.lessons import LESSONS

    if name not in LESSONS:
        raise InputError(f"lesson: {name!r} is not a lesson; valid: {', '.join(LESSONS)}")
    return LESSONS[name](lang)


def lesson_names() -> list[str]:
    from cgvlib.teaching.lessons import LESSONS

    return list(LESSONS)


__all__ = ["AnswerNotRead", "Exercise", "Verdict", "lesson", "lesson_names", "read_answer",
           "show_value"]
