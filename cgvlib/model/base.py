"""The building blocks of every clause: citations, amounts, percentages, durations.

Strict values, settled once here for every model:

- a boolean is never a number: whole numbers are :data:`Count` (strict integers: pydantic's
  lax mode would read ``true`` as 1), percentages :data:`Rate` or :data:`Share`, and every
  other number a ``Decimal``, which refuses booleans by itself (the vendor loader words every
  such refusal the same way: "expected a number, got the boolean true");
- a yes/no field is a :data:`Flag`: ``true`` or ``false`` only (never ``"yes"``, 1 or ``"on"``);
- percentages are :data:`Share` (a part of a whole, 0 to 100: availability, credit tiers and
  caps, deposits, cancellation fees, VAT, discounts) or :data:`Rate` (0 or more, at most 1000
  as a guard against a misplaced decimal point: interest rates and points, percent per month,
  price increases and caps, surcharges).

Every value a vendor file states is *cited*: it carries ``source: {article, quote}``, the
article as the text numbers it and a verbatim quote of at most 200 characters. A quote may
join fragments of one sentence with `` … `` (each fragment must appear in the text, in order).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictInt,
    Tag,
    model_validator,
)

MAX_QUOTE_CHARS = 200
FRAGMENT_SEPARATOR = " … "


def boolean_for_a_number(value: bool) -> str:
    """The one message for a boolean given where a number is expected."""
    return (f"expected a number, got the boolean {str(value).lower()}; write a figure such as "
            "30 (true and false are only for yes/no fields)")


def _not_a_boolean(value):
    """YAML's true/false are never numbers here (pydantic's lax mode reads true as 1)."""
    if isinstance(value, bool):
        raise ValueError(boolean_for_a_number(value))
    return value


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


MAX_RATE_PERCENT = 1000


def _as_decimal(value) -> Decimal | None:
    try:
        number = Decimal(str(value)) if isinstance(value, int | float | str | Decimal) else None
    except InvalidOperation:
        return None  # not a number: pydantic says so
    return number if number is not None and number.is_finite() else None


def _share(value):
    number = _as_decimal(_not_a_boolean(value))
    if number is not None and not 0 <= number <= 100:
        raise ValueError(f"{value} % is outside 0 to 100: this percentage is a share of a "
                         "whole (100 % is all of it)")
    return value


def _rate(value):
    number = _as_decimal(_not_a_boolean(value))
    if number is not None and number < 0:
        raise ValueError(f"{value} % is negative: this percentage is 0 or more")
    if number is not None and number > MAX_RATE_PERCENT:
        raise ValueError(f"{value} % is above {MAX_RATE_PERCENT} %: check the decimal point "
                         "(15.21 means 15.21 %)")
    return value


Count = StrictInt
"""A whole number (days, months, a count): an integer only, never ``true`` (which pydantic's lax
mode reads as 1), ``"12"`` or ``12.5``; bounds are set per field with ``Field``."""
Flag = StrictBool
"""Yes or no: ``true`` or ``false`` only (never ``"yes"``, ``1`` or ``"on"``)."""
Rate = Annotated[
    Decimal,
    Field(ge=0, le=MAX_RATE_PERCENT, description="A rate in percent: 15.21 means 15.21 %"),
    BeforeValidator(_rate),
]
"""A rate in percent, 0 or more (at most 1000): interest, points, increases, surcharges."""
Share = Annotated[
    Decimal,
    Field(ge=0, le=100, description="A share in percent, 0 to 100: 20 means 20 %"),
    BeforeValidator(_share),
]
"""A part of a whole in percent, 0 to 100: availability, credits, deposits, fees of a quote."""
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
