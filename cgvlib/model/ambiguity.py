"""Clauses that admit more than one reading.

A vendor file never chooses silently between two readings of a clause. The clause's fields
are written once, as the text reads most literally; an ``ambiguity`` block then names every
reading, each as a set of field overrides (``set``, merged into the written fields), says why
the text admits them (``note``), and which one is used by default and why.

Default rule of this project: Code civil art. 1190, "dans le doute, [...] le contrat
d'adhésion [s'interprète] contre celui qui l'a proposé": the default reading is the one less
favourable to the vendor who drafted the terms, unless the file says why otherwise.
"""

from __future__ import annotations

from typing import Any, Self

from pydantic import Field, ValidationError, model_validator

from cgvlib.model.base import Cited, Strict

DEFAULT_RULE = (
    "Code civil art. 1190: in doubt, a standard-form contract is read against its drafter"
)
# The project rule for a date the client must meet (a notice, a claim): a vendor file's
# ``why_default`` for such a clause opens with these words.
LAST_SAFE_DAY_RULE = (
    "For a date the client must meet, the default is the earliest date any reading gives: the "
    "last safe day; the later reading is shown as the risk"
)


class Reading(Strict):
    """One way of reading the clause."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="Identifier, e.g. day_31")
    means: str = Field(min_length=3, description="The reading in plain words")
    set: dict[str, Any] = Field(
        default_factory=dict,
        description="Fields that differ from the written clause under this reading (deep-merged)",
    )


class Ambiguity(Strict):
    """Why the text admits several readings, the readings, and the default."""

    note: str = Field(min_length=3)
    readings: list[Reading] = Field(min_length=2)
    default: str = Field(description="Name of the reading used by default")
    why_default: str = Field(default=DEFAULT_RULE)

    @model_validator(mode="after")
    def _default_is_a_reading(self) -> Ambiguity:
        names = [r.name for r in self.readings]
        if len(set(names)) != len(names):
            raise ValueError(f"reading names must be unique, got {names}")
        if self.default not in names:
            raise ValueError(f"default {self.default!r} is not one of the readings {names}")
        return self


def deep_merge(base: dict, overrides: dict) -> dict:
    """``base`` with ``overrides`` merged in: nested mappings merge, anything else replaces.

    A mapping whose ``kind`` differs from the one it overrides replaces it whole (another kind
    of rule has other fields).
    """
    merged = dict(base)
    for key, value in overrides.items():
        old = merged.get(key)
        if (
            isinstance(value, dict)
            and isinstance(old, dict)
            and value.get("kind", old.get("kind")) == old.get("kind")
        ):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class Clause(Cited):
    """A cited clause that may carry an ``ambiguity`` block listing its readings."""

    ambiguity: Ambiguity | None = None

    @model_validator(mode="after")
    def _readings_are_valid(self) -> Self:
        if self.ambiguity is not None:
            self.readings()  # validates every reading; raises ValueError naming the bad one
        return self

    @property
    def ambiguous(self) -> bool:
        return self.ambiguity is not None

    def readings(self) -> dict[str, Self]:
        """Every reading as a full clause (without its ambiguity block), by name.

        A clause with no ambiguity has one reading, ``"as_written"``.
        """
        if self.ambiguity is None:
            return {"as_written": self}
        written = self.model_dump(exclude={"ambiguity"}, exclude_none=True)
        out: dict[str, Self] = {}
        for reading in self.ambiguity.readings:
            try:
                out[reading.name] = type(self).model_validate(deep_merge(written, reading.set))
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                raise ValueError(
                    f"reading {reading.name!r} gives an invalid clause: {where}: {first['msg']}"
                ) from None
        return out

    def default_reading(self) -> Self:
        """The reading used when the caller does not choose one (nested clauses included)."""
        chosen = self if self.ambiguity is None else self.readings()[self.ambiguity.default]
        return with_nested_defaults(chosen)

    def reading(self, name: str | None = None) -> Self:
        """The reading called ``name`` (the default one when ``name`` is None)."""
        if name is None:
            return self.default_reading()
        readings = self.readings()
        if name not in readings:
            raise KeyError(f"no reading {name!r}; this clause has {sorted(readings)}")
        return readings[name]


def with_nested_defaults(obj):
    """``obj`` with every clause nested in its fields replaced by its default reading."""
    updates = {}
    for name in type(obj).model_fields:
        value = getattr(obj, name)
        if isinstance(value, Clause):
            updates[name] = value.default_reading()
        elif isinstance(value, list) and any(isinstance(v, Clause) for v in value):
            updates[name] = [v.default_reading() if isinstance(v, Clause) else v for v in value]
    return obj.model_copy(update=updates) if updates else obj


def nested_clauses(obj, path: str = "") -> list[tuple[str, Clause]]:
    """Every clause in ``obj`` and below it, with its field path, ``obj`` itself first."""
    found = [(path, obj)] if isinstance(obj, Clause) else []
    if isinstance(obj, Strict):
        for name in type(obj).model_fields:
            if name == "ambiguity":
                continue
            value = getattr(obj, name)
            sub = f"{path}.{name}" if path else name
            if isinstance(value, list):
                for i, item in enumerate(value):
                    found += nested_clauses(item, f"{sub}[{i}]")
            else:
                found += nested_clauses(value, sub)
    return found


def replace_at(obj, path: str, new):
    """``obj`` with the clause at ``path`` (``""`` for obj itself, or e.g. ``notice[1]``)
    replaced by ``new``."""
    if not path:
        return new
    head, _, rest = path.partition(".")
    name, _, index = head.partition("[")
    value = getattr(obj, name)
    if index:
        i = int(index.rstrip("]"))
        items = list(value)
        items[i] = replace_at(items[i], rest, new)
        return obj.model_copy(update={name: items})
    return obj.model_copy(update={name: replace_at(value, rest, new)})


def reading_variants(clause) -> tuple[dict[str, Clause], str]:
    """Every way of reading ``clause``, one ambiguity at a time, the others at their default.

    Returns ``(variants, default_name)``: each variant is the whole clause (nested clauses
    resolved). A clause without ambiguity has the single variant ``"as_written"``. With one
    ambiguity the names are its readings' names; with several, ``"<path>=<reading>"`` (the
    path of the clause inside ``clause``, e.g. ``notice[1]=art20_notice``).
    """
    default = clause.default_reading()
    ambiguous = [(p, c) for p, c in nested_clauses(clause) if c.ambiguous]
    if not ambiguous:
        return {"as_written": default}, "as_written"
    several = len(ambiguous) > 1
    variants: dict[str, Clause] = {}
    default_name = None
    for path, nested in ambiguous:
        for name, reading in nested.readings().items():
            key = f"{path or 'self'}={name}" if several else name
            if name == nested.ambiguity.default:
                default_name = default_name or key
                if several and path != ambiguous[0][0]:
                    continue  # the same clause as the overall default, listed once
            variants[key] = replace_at(default, path, with_nested_defaults(reading))
    return variants, default_name
