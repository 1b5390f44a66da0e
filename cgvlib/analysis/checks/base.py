"""What every check shares: the finding, the context a check reads, the registry, and small
helpers (semesters, readings, families, wording).

A check is a function ``f(ctx) -> Iterable[Finding]`` registered with :func:`register` under
its own name, which is the stable id of the findings it reports. It reads only the vendor
file's fields (never its id or name) and the reference data, so it works on any vendor file.

Severities (from the most to the least serious):

- ``breach``: the clause, read by default, contradicts a statute it cannot depart from, or
  omits a mention the statute requires;
- ``risk``: lawful as read by default, but a court may set it aside or moderate it, it becomes
  unlawful in some situation (a later semester, another reading), or it cannot operate;
- ``ambiguity``: the text admits several readings or contradicts itself;
- ``note``: a drafting error or a fact worth knowing, without legal effect of its own.

When a check cannot compute for a vendor file (the vendor's text is not at hand, a clause the
arithmetic cannot evaluate), it reports a ``note`` with the id :data:`NOT_COMPUTED` naming the
check and the reason, never a silent nothing.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from cgvlib.analysis.compare import FAMILIES
from cgvlib.analysis.words import Worded, decimal_words, eur_words, named
from cgvlib.arithmetic.late_payment import annual_rate_bp
from cgvlib.arithmetic.penalty_floor import floor_bp_on
from cgvlib.errors import CgvError
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.ambiguity import Clause, reading_variants
from cgvlib.model.vendor import Vendor
from cgvlib.reference.legal_rate import legal_rate, load_semester_rates
from cgvlib.reference.months import semester_end, semester_label, semester_start

SEVERITIES = ("breach", "risk", "ambiguity", "note")
COLUMNS = ["id", "vendor", "severity", "family", "article", "quote", "rule", "explanation",
           "periods", "path"]
NOT_COMPUTED = "check_not_computed"

# --------------------------------------------------------------------------- the finding


@dataclass(frozen=True)
class Finding:
    """One finding on one vendor. ``id`` defaults to the reporting check's id.

    ``rule`` and ``explanation`` may be given as words to say in the reader's language (a
    :class:`~cgvlib.i18n.Phrase` or :class:`~cgvlib.i18n.Joined`): they are kept as
    :class:`~cgvlib.analysis.words.Worded` strings, their English as the text and
    :func:`cgvlib.i18n.say` giving them in French."""

    severity: str
    family: str
    article: str
    quote: str
    rule: str
    explanation: str
    periods: str = ""
    path: str = ""
    id: str | None = None

    def __post_init__(self):
        for name in ("rule", "explanation"):
            value = getattr(self, name)
            if not isinstance(value, str):
                object.__setattr__(self, name, Worded(value))
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity {self.severity!r} is not one of {SEVERITIES}")


# --------------------------------------------------------------------------- semesters


@dataclass(frozen=True, order=True)
class Semester:
    """A half-year of the legal interest rate: ``start`` (1 January / 1 July) to ``end``."""

    start: dt.date
    end: dt.date = field(compare=False)

    @property
    def label(self) -> str:
        return semester_label(self.start)

    @classmethod
    def of(cls, day: dt.date) -> Semester:
        return cls(semester_start(day), semester_end(day))


def reference_semesters() -> tuple[Semester, ...]:
    """Every semester of the legal-rate data: 2015-S1 to the last one it covers."""
    return tuple(Semester(r.start, r.end) for r in load_semester_rates().rows)


def floor_bp(semester: Semester) -> int:
    """L441-10 II floor of ``semester``: three times the legal rate (professional creditors)."""
    return floor_bp_on(semester.start)


def legal_bp(semester: Semester) -> int:
    return legal_rate(semester.start, "professional").bp


def runs(semesters: Iterable[Semester], universe: Iterable[Semester]) -> str:
    """Semesters as runs of consecutive ones in ``universe``: ``"2015-S1..2016-S2, 2023-S1"``."""
    order = sorted(universe)
    chosen = set(semesters)
    parts, current = [], []
    for s in order:
        if s in chosen:
            current.append(s)
        elif current:
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return ", ".join(p[0].label if len(p) == 1 else f"{p[0].label}..{p[-1].label}"
                     for p in parts)


# --------------------------------------------------------------------------- rates


def annual_equivalent(rule, day: dt.date) -> tuple[Fraction, str]:
    """The lowest annual rate, in basis points, that ``rule`` can charge on ``day``, and how.

    Annual rules: :func:`~cgvlib.arithmetic.late_payment.annual_rate_bp`. A rate per month:
    ``prorata`` (a day is 12/365 of a month) and ``prorata_months`` (whole calendar months, the
    rest a share of its month) are ``percent x 12`` a year; ``prorata_30`` (a day is 1/30 of a
    month) ``percent x 365 / 30``; ``started`` (every started month due whole) costs
    ``percent`` per started month, at least ``percent x 365 / 31`` a year (a month has at most
    31 days), the figure used here.
    """
    if rule.kind == "percent_per_month":
        bp = Fraction(rule.percent) * 100
        if rule.months in ("prorata", "prorata_months"):
            return bp * 12, Worded(Phrase("{month} % per month pro rata = {year} % a year",
                                          month=pct_words(bp), year=pct_words(bp * 12)))
        if rule.months == "prorata_30":
            year = bp * 365 / 30
            return year, Worded(Phrase("{month} % per month of 30 days = {year} % a year "
                                       "(365 days)", month=pct_words(bp), year=pct_words(year)))
        low = bp * 365 / 31
        return low, Worded(Phrase("{month} % per started month = at least {year} % a year "
                                  "(a month of 31 days)", month=pct_words(bp),
                                  year=pct_words(low)))
    bp, how = annual_rate_bp(rule, day)
    return Fraction(bp), how


def pct(bp) -> str:
    """Basis points (int or Fraction) as a percentage with two decimals: 1521 -> '15.21'."""
    value = Fraction(bp) / 100
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return f"{exact.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


def pct_words(bp):
    """:func:`pct` in words: ``15.21`` (``15,21`` in French)."""
    return decimal_words(pct(bp))


# --------------------------------------------------------------------------- readings


def variants_of(clause: Clause) -> tuple[dict[str, Clause], str]:
    """Every reading of ``clause`` (nested ones included) and the default's name."""
    return reading_variants(clause)


def group_readings(results: dict[str, object], default: str) -> list[tuple[list[str], object]]:
    """Readings grouped by equal result, the default reading's group first."""
    groups: list[tuple[list[str], object]] = []
    for name, result in sorted(results.items(), key=lambda kv: kv[0] != default):
        for names, value in groups:
            if value == result:
                names.append(name)
                break
        else:
            groups.append(([name], result))
    return groups


def reading_names(names: list[str]) -> Joined:
    """Reading names, comma-separated (each by its name in French)."""
    return Joined((named(n) for n in names), ", ")


def readings_words(names: list[str], default: str, total: int) -> Phrase | str:
    """'' when every reading is named (the clause reads this way whatever the reading), else
    'under reading(s) a, b (the default)' or '(not the default, x)'."""
    if len(names) == total:
        return ""
    listed = reading_names(names)
    if default in names:
        if len(names) > 1:
            return Phrase("under readings {names} (the default)", names=listed)
        return Phrase("under reading {names} (the default)", names=listed)
    if len(names) > 1:
        return Phrase("under readings {names} (not the default, {default})", names=listed,
                      default=named(default))
    return Phrase("under reading {names} (not the default, {default})", names=listed,
                  default=named(default))


# --------------------------------------------------------------------------- paths, words


def family_of(path: str) -> str:
    """The comparison's family label of a field path: ``fees[3].after`` -> ``'fees'``."""
    key = path.split(".")[0].split("[")[0]
    return FAMILIES.get(key, key.replace("_", " "))


def source_of(clause) -> tuple[str, str]:
    source = getattr(clause, "source", None)
    return (source.article, source.quote) if source is not None else ("", "")


def eur_cents(cents):
    """Cents (int or Fraction) as '1,234.56 EUR' ('1 234,56 €' in French; already rounded, or
    rounded half-up here)."""
    return eur_words(cents)


def days_words(n: int) -> Phrase:
    return Phrase("1 day") if n == 1 else Phrase("{days} days", days=n)


# --------------------------------------------------------------------------- context, registry


@dataclass(frozen=True)
class Context:
    """What a check reads: the vendor, the semesters examined, the date (if any), the peers
    (for comparisons across vendors) and where the vendors' texts are."""

    vendor: Vendor
    semesters: tuple[Semester, ...]
    all_semesters: tuple[Semester, ...]
    at: dt.date | None
    peers: tuple[Vendor, ...]
    texts_dir: Path


@dataclass(frozen=True)
class CheckSpec:
    id: str
    function: Callable[[Context], Iterable[Finding]]
    module: str
    summary: str
    rule: str


REGISTRY: dict[str, CheckSpec] = {}


def register(rule: str) -> Callable:
    """Register a check under its function's name; ``rule`` names the statute it implements."""

    def wrap(function: Callable[[Context], Iterable[Finding]]):
        name = function.__name__
        said = rule if isinstance(rule, str) else Worded(rule)
        if name in REGISTRY:
            raise ValueError(f"check {name!r} registered twice")
        first = inspect.getdoc(function).split("\n\n")[0] if function.__doc__ else name
        REGISTRY[name] = CheckSpec(name, function, function.__module__.rsplit(".", 1)[-1],
                                   " ".join(first.split()), said)
        return function

    return wrap


def run(spec: CheckSpec, ctx: Context) -> Iterator[tuple[str, Finding]]:
    """The findings of one check on one vendor, each with its id; a check that fails on this
    vendor file with a cgvlib error reports it as a :data:`NOT_COMPUTED` note."""
    try:
        found = list(spec.function(ctx))
    except CgvError as exc:
        found = [not_computed(spec.id, str(exc))]
    for f in found:
        yield (f.id or spec.id), f


def not_computed(check_id: str, why, *, family: str = "", path: str = "") -> Finding:
    """The note saying check ``check_id`` did not run on this vendor file, and ``why`` (words
    or an error's message)."""
    return Finding(
        id=NOT_COMPUTED, severity="note", family=family, article="", quote="",
        rule=Phrase("(check {check})", check=named(check_id)),
        explanation=Phrase("{check} not computed: {why}", check=named(check_id), why=why),
        path=path)
