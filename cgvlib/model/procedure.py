"""Time limits, force majeure, limits and jurisdiction: the procedure around the contract."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Cited, Duration, Flag, Party

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


_SPAN = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$")
HourSpan = Annotated[str, Field(pattern=_SPAN.pattern, description="e.g. '09:30-12:00'")]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class OpeningHours(Cited):
    """Weekly opening hours as the text states them, by weekday: each day a list of
    ``'HH:MM-HH:MM'`` spans (a day left out is closed). French public holidays are closed."""

    monday: list[HourSpan] = Field(default_factory=list)
    tuesday: list[HourSpan] = Field(default_factory=list)
    wednesday: list[HourSpan] = Field(default_factory=list)
    thursday: list[HourSpan] = Field(default_factory=list)
    friday: list[HourSpan] = Field(default_factory=list)
    saturday: list[HourSpan] = Field(default_factory=list)
    sunday: list[HourSpan] = Field(default_factory=list)

    def spans(self, weekday: int) -> list[tuple[dt.time, dt.time | None]]:
        """The day's spans as ``(opens, closes)``; ``closes`` None stands for 24:00."""
        out = []
        for span in getattr(self, WEEKDAYS[weekday]):
            h1, m1, h2, m2 = map(int, _SPAN.match(span).groups())
            out.append((dt.time(h1, m1), None if h2 == 24 else dt.time(h2, m2)))
        return out

    @model_validator(mode="after")
    def _spans_in_order(self) -> Self:
        for day in WEEKDAYS:
            minutes = []
            for span in getattr(self, day):
                h1, m1, h2, m2 = map(int, _SPAN.match(span).groups())
                start, end = h1 * 60 + m1, h2 * 60 + m2
                if end > 24 * 60 or end <= start:
                    raise ValueError(f"{day}: {span!r} must close after it opens, by 24:00")
                minutes.append((start, end))
            if any(a[1] > b[0] for a, b in itertools.pairwise(minutes)):
                raise ValueError(f"{day}: spans {getattr(self, day)} overlap or are not in order")
        if not any(getattr(self, day) for day in WEEKDAYS):
            raise ValueError("opening hours need at least one open span in the week")
        return self


class Deadline(Clause):
    """A time limit: who must act, what, by when, counted from which event.

    ``limit``: ``within`` (no later than), ``not_before`` (no sooner than), ``at_most`` (a
    maximum length), ``example`` (the text gives the figure as an example, not a rule).

    A duration in ``working_hours`` (« heures ouvrées ») is counted as ``hours_counted`` says:
    ``jours_ouvres_24h`` (the default when unset): 24 hours per jour ouvré, so N hours are
    N / 24 jours ouvrés rounded up; ``opening_hours``: the hours of ``opening_hours`` (public
    holidays closed), which must then be given, cited.
    """

    topic: Topic
    what: str = Field(min_length=3)
    party: Party
    limit: Literal["within", "not_before", "at_most", "example"]
    duration: Duration
    from_event: str
    hours_counted: Literal["jours_ouvres_24h", "opening_hours"] | None = Field(
        default=None, description="working_hours only: how the hours are counted"
    )
    opening_hours: OpeningHours | None = Field(
        default=None, description="The hours that count as heures ouvrées, with their source"
    )

    @model_validator(mode="after")
    def _hours_fit_unit(self) -> Self:
        if self.hours_counted is not None and self.duration.unit != "working_hours":
            raise ValueError(f"hours_counted is only for a duration in working_hours, not "
                             f"{self.duration.unit}")
        if self.hours_counted == "opening_hours" and self.opening_hours is None:
            raise ValueError("hours_counted: opening_hours needs opening_hours (the weekly hours, "
                             "cited)")
        return self


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
    termination_after_is_example: Flag = False


class Jurisdiction(Clause):
    applies_to: str
    law: str | None = Field(description="Governing law; None when the text does not say")
    court: str | None = Field(description="The court named; None when none is named")
    chosen_by: Literal["fixed", "vendor", "unstated"]
    court_exists: Flag | None = Field(
        default=None,
        description="False when no court of that name and kind exists (say why, with a source, "
        "in the note); True when checked; None when not checked",
    )
