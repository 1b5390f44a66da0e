"""A vendor's terms of sale: every clause family of the checklist, each cited or explicitly
silent. This is the model a ``data/vendors/<id>.yaml`` file is validated against."""

from __future__ import annotations

from typing import Any

from pydantic import Field, PrivateAttr

from cgvlib.model.ambiguity import Clause, nested_clauses
from cgvlib.model.base import Silent, SilentOr, Strict
from cgvlib.model.fees import CancellationSchedule, Fee
from cgvlib.model.obligations import Confidentiality, LiabilityCap, NonSolicitation
from cgvlib.model.payment import LatePayment, PaymentTerm, RecoveryIndemnity
from cgvlib.model.price import PriceRevision
from cgvlib.model.procedure import Deadline, ForceMajeure, Jurisdiction, Limit
from cgvlib.model.sla import Sla
from cgvlib.model.term import Term


class Document(Strict):
    """The text the terms were read from."""

    title: str
    version: str = Field(description="The version the text states, e.g. 'updated 19 March 2024'")
    file: str | None = Field(
        default=None, description="File name of the text among the source texts, to verify quotes"
    )
    sha256: str | None = Field(
        default=None,
        pattern=r"^[0-9a-f]{64}$",
        description="Hash of the text the file was read from",
    )


class Vendor(Strict):
    """Every clause family, in checklist order. A family the text does not address is written
    ``{silent: true, note: ...}`` (single families) or ``[]`` (lists), never left out."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    activity: str
    document: Document
    payment_terms: list[PaymentTerm] = Field(min_length=1)
    late_payment: SilentOr[LatePayment]
    recovery_indemnity: SilentOr[RecoveryIndemnity]
    sla: SilentOr[Sla]
    term: SilentOr[Term]
    price_revision: list[PriceRevision]
    fees: list[Fee]
    cancellation: list[CancellationSchedule]
    liability: list[LiabilityCap]
    non_solicitation: list[NonSolicitation]
    confidentiality: list[Confidentiality]
    deadlines: list[Deadline]
    limits: list[Limit]
    force_majeure: SilentOr[ForceMajeure]
    jurisdiction: list[Jurisdiction]

    _origin: str | None = PrivateAttr(default=None)
    _quotes_verified: bool = PrivateAttr(default=False)

    @property
    def origin(self) -> str | None:
        """The file the vendor was loaded from."""
        return self._origin

    @property
    def quotes_verified(self) -> bool:
        """True when every quote was found in the vendor's text at load time."""
        return self._quotes_verified

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        """One line (every clause would make tens of KB): the id, the name and the text read;
        ``cgvlib.compare([id])`` shows the terms, ``model_dump()`` every field."""
        return (f"<Vendor {self.id}: {self.name}, {self.document.title} "
                f"({self.document.version}); .model_dump() for every clause>")

    def clauses(self) -> list[tuple[str, Any]]:
        """Every clause with its field path, e.g. ``("fees[2]", Fee(...))``; silent ones too."""
        out: list[tuple[str, Any]] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, list):
                out += [(f"{name}[{i}]", v) for i, v in enumerate(value)]
            elif isinstance(value, (Clause, Silent)):
                out.append((name, value))
        return out

    def ambiguities(self) -> list[tuple[str, Clause]]:
        """Every clause that admits several readings, nested ones included, with its path."""
        return [(p, c) for p, c in nested_clauses(self) if c.ambiguous]

    def citations(self) -> list[tuple[str, Any]]:
        """Every ``source`` in the file with its field path (nested ones included)."""
        found: list[tuple[str, Any]] = []

        def walk(obj: Any, path: str) -> None:
            if isinstance(obj, Strict):
                fields = type(obj).model_fields
                values = obj.__dict__  # the fields' values (getattr, without its lookups)
                source = values.get("source") if "source" in fields else None
                if source is not None:
                    found.append((f"{path}.source", source))
                for field in fields:
                    value = values[field]
                    if field != "source" and isinstance(value, Strict | list):
                        walk(value, f"{path}.{field}" if path else field)
            elif isinstance(obj, list):
                for i, item in enumerate(obj):
                    if isinstance(item, Strict | list):
                        walk(item, f"{path}[{i}]")

        walk(self, "")
        return found
