"""Price revision clauses (révision des prix).

- ``index_ratio``: P2 = P1 x S2 / S1 on an index (Syntec), at fixed months of the year;
- ``index_with_margin``: yearly revision "en fonction de" the index, where the vendor may go
  above the index up to ``cap_percent`` (a discretionary margin); ``index_capped`` says whether
  an index rise above the cap is cut to it (True) or applies in full (False, the cap then
  bounding only the discretionary margin);
- ``index_since``: a tariff dated ``as_of`` and revised "selon l'indice Syntec en vigueur à la
  date de délivrance des prestations": no fixed revision date, the price of each service is
  P = P0 x S(index at the service date) / S(index at ``as_of``);
- ``volume_step``: the budget moves up or down by ``step_percent`` when the volume of work
  deviates by more than ``threshold_percent`` from plan;
- ``new_orders_only``: the vendor may change its prices at any time, for new orders only.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Count, Flag, Rate

IndexValue = Literal[
    "last_published_at_revision",
    "last_published_at_previous_revision",
    "last_published_at_signature",
    "last_published_at_service",
    "last_published_at_as_of",
    "unstated",
]


class PriceRevision(Clause):
    applies_to: list[str] = Field(min_length=1, description="What the revision applies to")
    kind: Literal[
        "index_ratio", "index_with_margin", "index_since", "volume_step", "new_orders_only"
    ]
    index: Literal["syntec"] | None = None
    months: list[Count] = Field(default_factory=list, description="Revision months, 1 = January")
    day: Count | None = Field(default=None, ge=1, le=31, description="Revision day of the month")
    as_of: dt.date | None = Field(
        default=None, description="index_since: the date the tariff was set at (tarif au ...)"
    )
    new_index: IndexValue | None = Field(default=None, description="S2 of the formula")
    base_index: IndexValue | None = Field(default=None, description="S1 of the formula")
    first_base_index: IndexValue | None = Field(
        default=None, description="S1 at the first revision"
    )
    cap_percent: Rate | None = Field(default=None, description="Largest increase allowed")
    above_index_allowed: Flag = Field(
        default=False, description="The vendor may raise prices above the index (up to the cap)"
    )
    index_capped: Flag = Field(
        default=True,
        description="index_with_margin: an index rise above cap_percent is cut to the cap "
        "(false: it applies in full, the cap bounding only the vendor's margin above the index)",
    )
    threshold_percent: Rate | None = None
    step_percent: Rate | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Self:
        need = {
            "index_ratio": ("index", "months", "new_index", "base_index"),
            "index_with_margin": ("index", "months", "cap_percent"),
            "index_since": ("index", "as_of", "new_index", "base_index"),
            "volume_step": ("months", "threshold_percent", "step_percent"),
            "new_orders_only": (),
        }[self.kind]
        missing = [f for f in need if getattr(self, f) in (None, [])]
        if missing:
            raise ValueError(f"kind {self.kind!r} needs {', '.join(missing)}")
        if any(not 1 <= m <= 12 for m in self.months):
            raise ValueError(f"months must be between 1 and 12, got {self.months}")
        if self.kind == "index_since" and self.months:
            raise ValueError("kind 'index_since' revises at each service date: give no months")
        return self
