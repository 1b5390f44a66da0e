"""Time limits, force majeure, limits and jurisdiction: the procedure around the contract."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Duration, Party

Topic = Literal[
    "claims",
    "contest",
    "cure",
    "termination",
    "audit",
    "acceptance",
    "data",
    "support",
    "quote",
    "payment",
    "changes",
    "notice",
    "other",
]


class Deadline(Clause):
    """A time limit: who must act, what, by when, counted from which event.

    ``limit``: ``within`` (no later than), ``not_before`` (no sooner than), ``at_most`` (a
    maximum length), ``example`` (the text gives the figure as an example, not a rule).
    """

    topic: Topic
    what: str = Field(min_length=3)
    party: Party
    limit: Literal["within", "not_before", "at_most", "example"]
    duration: Duration
    from_event: str


class Limit(Clause):
    """A quantity the text caps or sets that is neither money nor time (5 call-backs a day,
    one audit a year, an amount above which an amendment is needed)."""

    topic: Topic
    what: str = Field(min_length=3)
    quantity: str = Field(
        description="The figure with its unit, e.g. '200 EUR' or '5 per jour ouvré'"
    )


class ForceMajeure(Clause):
    legal_basis: Literal["code_civil_1218", "code_civil_1148", "case_law", "unstated"]
    notify_within: Duration | None = None
    notify: str = Field(description="How promptly the text asks for notice, in its words")
    termination_after: Duration | None = None
    termination_after_is_example: bool = False


class Jurisdiction(Clause):
    applies_to: str
    law: str | None = Field(description="Governing law; None when the text does not say")
    court: str | None = Field(description="The court named; None when none is named")
    chosen_by: Literal["fixed", "vendor", "unstated"]
    court_exists: bool | None = Field(
        default=None,
        description="False when no court of that name and kind exists (say why, with a source, "
        "in the note); True when checked; None when not checked",
    )
