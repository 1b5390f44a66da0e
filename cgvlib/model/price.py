"""Price revision clauses (révision des prix).

- ``index_ratio``: P2 = P1 x S2 / S1 on an index (Syntec), at fixed months of the year;
- ``index_with_margin``: yearly revision "en fonction de" the index, where the vendor may go
  above the index up to ``cap_percent`` (a discretionary margin);
- ``volume_step``: the budget moves up or down by ``step_percent`` when the volume of work
  deviates by more than ``threshold_percent`` from plan;
- ``new_orders_only``: the vendor may change its prices at any time, for new orders only.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from cgvlib.model.ambiguity import Clause
from cgvlib.model.base import Percent

IndexValue = Literal[
    "last_published_at_revision",
    "last_published_at_previous_revision",
    "last_published_at_signature",
    "unstated",
]


class PriceRevision(Clause):
    applies_to: list[str] = Field(min_length=1, description="What the revision applies to")
    kind: Literal["index_ratio", "index_with_margin", "volume_step", "new_orders_only"]
    index: Literal["syntec"] | None = None
    months: list[int] = Field(default_factory=list, description="Revision months, 1 = January")
    day: int | None = Field(default=None, ge=1, le=31, description="Revision day of the month")
    new_index: IndexValue | None = Field(default=None, description="S2 of the formula")
    base_index: IndexValue | None = Field(default=None, description="S1 of the formula")
    first_base_index: IndexValue | None = Field(
        default=None, description="S1 at the first revision"
    )
    cap_percent: Percent | None = Field(default=None, description="Largest increase allowed")
    above_index_allowed: bool = Field(
        default=False, description="The vendor may raise prices above the index (up to the cap)"
    )
    threshold_percent: Percent | None = None
    step_percent: Percent | None = None

    @model_validator(mode="after")
    def _fields_for_kind(self) -> Self:
        need = {
            "index_ratio": ("index", "months", "new_index", "base_index"),
            "index_with_margin": ("index", "months", "cap_percent"),
            "volume_step": ("months", "threshold_percent", "step_percent"),
            "new_orders_only": (),
        }[self.kind]
        missing = [f for f in need if getattr(self, f) in (None, [])]
        if missing:
            raise ValueError(f"kind {self.kind!r} needs {', '.join(missing)}")
        if any(not 1 <= m <= 12 for m in self.months):
            raise ValueError(f"months must be between 1 and 12, got {self.months}")
        return self
