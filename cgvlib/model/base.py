"""The building blocks of every clause: citations, amounts, percentages, durations.

Every value a vendor file states is *cited*: it carries ``source: {article, quote}``, the
article as the text numbers it and a verbatim quote of at most 200 characters. A quote may
join fragments of one sentence with `` … `` (each fragment must appear in the text, in order).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

MAX_QUOTE_CHARS = 200
FRAGMENT_SEPARATOR = " … "


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a value comes from: the article (as the text numbers or titles it) and a quote."""

    article: str = Field(min_length=1, description="The text's own article number or heading")
    quote: str = Field(
        min_length=3,
        max_length=MAX_QUOTE_CHARS,
        description="Verbatim quote (white space free); fragments may be joined by ' … '",
    )

    def fragments(self) -> list[str]:
        return [f for f in self.quote.split(FRAGMENT_SEPARATOR) if f.strip()]


class Cited(Strict):
    """A value stated by the text, with its citation and an optional reader's note."""

    source: Source
    note: str | None = Field(default=None, description="A reader's remark, not part of the text")


Percent = Annotated[Decimal, Field(ge=0, le=1000, description="A percentage: 15.21 means 15.21 %")]
Euros = Annotated[Decimal, Field(ge=0, description="An amount in euros, e.g. 40 or 88.00")]

DayKind = Literal["calendar_days", "jours_ouvres", "jours_ouvrables"]
DurationUnit = Literal[
    "calendar_days",
    "jours_ouvres",
    "jours_ouvrables",
    "hours",
    "working_hours",
    "weeks",
    "months",
    "years",
]
DURATION_UNITS: tuple[str, ...] = DurationUnit.__args__  # type: ignore[attr-defined]
_DURATION_TEXT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s+([a-z_]+)\s*$")


class Duration(Strict):
    """A length of time as the text states it, in the text's own unit.

    Written in a vendor file either as ``{value: 10, unit: jours_ouvres}`` or as the short
    string ``"10 jours_ouvres"``. Units: calendar_days (jours calendaires), jours_ouvres
    (Monday-Friday less public holidays), jours_ouvrables (Monday-Saturday less public
    holidays), hours, working_hours (heures ouvrées), weeks, months, years.
    """

    value: Decimal = Field(ge=0)
    unit: DurationUnit

    @classmethod
    def parse(cls, text: str) -> Duration:
        m = _DURATION_TEXT.match(text)
        if not m:
            raise ValueError(
                f"{text!r} is not a duration; write e.g. '15 calendar_days' with a unit among "
                + ", ".join(DURATION_UNITS)
            )
        return cls(value=Decimal(m.group(1)), unit=m.group(2))

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value):
        return cls.parse(value).model_dump() if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema, handler):
        object_form = handler(core_schema)
        text_form = {
            "type": "string",
            "pattern": _DURATION_TEXT.pattern,
            "description": "e.g. '10 jours_ouvres'",
        }
        return {"anyOf": [text_form, object_form]}

    def __str__(self) -> str:
        words = {
            "calendar_days": "days",
            "jours_ouvres": "jours ouvrés",
            "jours_ouvrables": "jours ouvrables",
            "working_hours": "working hours",
        }
        value = int(self.value) if self.value == int(self.value) else self.value
        unit = words.get(self.unit, self.unit)
        if value == 1 and unit.endswith("s") and unit != "hours":
            unit = unit.removesuffix("s")
        elif value == 1 and unit == "hours":
            unit = "hour"
        return f"{value} {unit}"


class Silent(Strict):
    """The text says nothing on this clause family: stated explicitly, never by omission."""

    silent: Literal[True]
    note: str | None = Field(
        default=None, description="What that silence means, e.g. the law's default"
    )


Party = Literal["client", "vendor", "either"]


def _family_tag(value) -> str:
    return (
        "silent"
        if isinstance(value, dict | Silent) and (isinstance(value, Silent) or "silent" in value)
        else "clause"
    )


class _SilentOr:
    """``SilentOr[X]``: a single clause family, either the clause ``X`` or ``{silent: true}``."""

    def __class_getitem__(cls, clause):
        return Annotated[
            Annotated[clause, Tag("clause")] | Annotated[Silent, Tag("silent")],
            Discriminator(_family_tag),
        ]


SilentOr = _SilentOr
