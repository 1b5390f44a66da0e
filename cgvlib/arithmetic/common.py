"""What every computation shares: the vendor it reads, exact inputs, and results that show
their working and carry the figures of every reading of an ambiguous clause.

Conventions (stated once for the whole layer):

- Amounts come in as euros (numbers or numeric strings) and are turned into integer cents by
  :func:`amount_cents` (:func:`cgvlib.money.amount_cents`, the one rule), which refuses
  booleans, complex numbers, NaN, infinity, negative amounts, amounts above 100,000,000.00
  EUR (the limit of exact int64 arithmetic) and sub-cent amounts: an invoice has cents, so
  12.345 EUR is an input error, never a silent rounding. DataFrame columns get the same rule
  and words from :mod:`cgvlib.arithmetic.frame_inputs`.
- Dates come in as ``datetime.date`` or ISO strings (:func:`cgvlib.dates.as_date`).
- Money in results is ``Decimal`` euros made from integer cents; every rounding is the one
  half-up rounding of :mod:`cgvlib.money`, done once at the end of a computation.
- A clause that admits several readings is computed under each (:func:`over_readings`); the
  result's own figures are the default reading's, and ``result.readings`` maps every reading's
  name to its full result.
- A result shows itself briefly: its repr is one line under :data:`REPR_LIMIT` characters
  (the headline figure, :meth:`Result.brief`, and the reading shown), its ``_repr_html_`` a
  small table for notebooks (the figure, the reading, the other readings' figures); the
  full working stays in :meth:`Result.explain` (also ``str(result)``).
- A result's words are said in the reader's language: its working lines are :class:`Worded`
  strings (their English, carrying the :class:`~cgvlib.i18n.Phrase` they were made from), and
  ``explain(lang)`` / ``headline(lang)`` say them in French (Babel's dates, amounts and
  numbers, the readings' names of :func:`cgvlib.names.label`) or in English, the library's
  working text (ISO dates, ``1,234.56 EUR``).
"""

from __future__ import annotations

import dataclasses
import html
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from cgvlib.arithmetic.working_words import Worded as Worded  # re-exported
from cgvlib.arithmetic.working_words import article_words, colon, file_words, named
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, say
from cgvlib.model.ambiguity import Clause, reading_variants
from cgvlib.model.base import Silent, Source
from cgvlib.model.loader import vendor as vendor_by_id
from cgvlib.model.vendor import Vendor
from cgvlib.money import amount_cents as amount_cents  # re-exported: the one rule
from cgvlib.money import cents_to_euros, format_eur
from cgvlib.names import label

STATUTORY_ID = "statutory"
ANY_VENDOR = "(any vendor)"  # the vendor of a result that reads no vendor's terms


def as_vendor(vendor: Vendor | str) -> Vendor:
    """A :class:`Vendor`, from itself, its id, or ``"statutory"`` (the law's default terms)."""
    if isinstance(vendor, Vendor):
        return vendor
    if vendor == STATUTORY_ID:
        from cgvlib.arithmetic.statutory import statutory

        return statutory()
    if not isinstance(vendor, str):
        raise InputError(f"vendor: expected a vendor id such as 'teogest' or a Vendor, got "
                         f"{type(vendor).__name__}")
    return vendor_by_id(vendor)


def euros(cents: int) -> Decimal:
    return cents_to_euros(cents)


def clause_of(vendor: Vendor, family: str, what: str):
    """The vendor's clause of ``family``; a clear error when the text is silent on it."""
    clause = getattr(vendor, family)
    if isinstance(clause, Silent) or clause in (None, []):
        raise InputError(f"{vendor.name}'s terms say nothing on {what}, so there is nothing to "
                         "compute" + (f" ({clause.note})" if getattr(clause, "note", None) else ""))
    return clause


def choose(items: list, which, *, argument: str, what: str, label: Callable[[Any], str],
           default_first: bool = False) -> tuple[int, Any]:
    """One of a vendor's clauses of a kind: ``which`` is its index, or words that are all found
    in exactly one clause's ``label``; None picks the only one (or the first, when
    ``default_first``). Returns ``(index, clause)``; a clear error lists the choices."""
    listing = "; ".join(f"[{i}] {label(item)}" for i, item in enumerate(items))
    if which is None:
        if len(items) == 1 or (default_first and items):
            return 0, items[0]
        raise InputError(f"{argument}: there are {len(items)} {what}s; choose one by number or "
                         f"by words of it: {listing}")
    if isinstance(which, int) and not isinstance(which, bool):
        if 0 <= which < len(items):
            return which, items[which]
        raise InputError(f"{argument}: no {what} number {which}; valid: {listing}")
    if isinstance(which, str):
        words = which.casefold().split()
        found = [i for i, item in enumerate(items)
                 if all(w in label(item).casefold() for w in words)]
        if len(found) == 1:
            return found[0], items[found[0]]
        raise InputError(f"{argument}: {which!r} matches {len(found)} {what}s, not one; "
                         f"valid: {listing}")
    raise InputError(f"{argument}: expected a number or words, got {type(which).__name__} "
                     f"{which!r}")


REPR_LIMIT = 2048  # a result's repr and its HTML table stay well under this many characters
BRIEF_LIMIT = 300  # one figure's words in a repr or its HTML table


def _clip(text: str, limit: int) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _html_row(head: str, text: str) -> str:
    """One row of a result's HTML table: a heading cell and its text (clipped), escaped."""
    return (f"<tr><th style='text-align:left'>{html.escape(head)}</th>"
            f"<td style='text-align:left'>{html.escape(_clip(text, BRIEF_LIMIT))}</td></tr>")


@dataclass(frozen=True, kw_only=True)
class Result:
    """Base of every result: the vendor, the working, the citations, and the readings.

    ``readings`` is empty when the clause reads one way; otherwise it maps each reading's name
    to its full result, and ``reading`` names the one whose figures this result shows.
    """

    vendor: str
    working: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    reading: str | None = None
    default_reading: str | None = None
    readings: Mapping[str, Result] = field(default_factory=dict, repr=False)
    ambiguity: str | None = None
    default_rule: str | None = field(default=None, repr=False)
    meanings: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def ambiguous(self) -> bool:
        """True when the clause's text admits several readings (``ambiguity`` says why)."""
        return self.ambiguity is not None

    def __init_subclass__(cls, **kwargs) -> None:
        """Every result keeps :meth:`__repr__` below: without this, the ``@dataclass`` of each
        subclass would write its own repr of every field (kilobytes of working)."""
        super().__init_subclass__(**kwargs)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = Result.__repr__  # type: ignore[method-assign]

    def headline(self, lang: str = "en") -> str:  # pragma: no cover - every result overrides it
        return type(self).__name__

    def brief(self, lang: str = "en") -> str:
        """The headline figure and what it is, in a few words: the line :func:`repr` shows.
        The headline by default; results whose headline is long say less here."""
        return self.headline(lang)

    def reading_words(self, lang: str = "en") -> str:
        """Which reading the figures are those of, among how many ("" for a clause that reads
        one way)."""
        if not self.readings:
            return ""
        which = (Phrase("the default") if self.reading == self.default_reading
                 else Phrase("the default is {reading}", reading=named(self.default_reading)))
        return Phrase("reading {reading} ({which}) of {count}", reading=named(self.reading),
                      which=which, count=len(self.readings)).say(lang)

    def __repr__(self) -> str:
        """One line: the kind of result, the vendor, the headline figure and the reading, e.g.
        ``<SlaCreditResult teogest: credit 30.00 EUR (...); .explain() for the working>``;
        always under :data:`REPR_LIMIT` characters (the working is in :meth:`explain`)."""
        readings = self.reading_words()
        line = (f"{self.vendor}: {_clip(self.brief(), BRIEF_LIMIT)}"
                + (f" — {readings}" if readings else ""))
        return f"<{type(self).__name__} {_clip(line, REPR_LIMIT // 2)}; .explain() for the working>"

    def _repr_html_(self) -> str:
        """A small table for notebooks, under :data:`REPR_LIMIT` characters: the figure, the
        reading shown and the other readings' figures (as many as fit; the rest are in
        ``.readings``). The working stays in :meth:`explain`."""
        caption = html.escape(f"{type(self).__name__}: {self.vendor}")
        head = f"<table><caption style='text-align:left'>{caption}</caption>"
        tail = ("<tr><td colspan='2' style='text-align:left'><code>.explain()</code> for the "
                "working</td></tr></table>")
        rows = [_html_row("figure", self.brief())]
        if self.readings:
            rows.append(_html_row("reading", self.reading_words()))
            others = [(name, r) for name, r in self.readings.items() if name != self.reading]
            room = REPR_LIMIT - len(head) - len(tail) - len("".join(rows)) - 200
            for i, (name, result) in enumerate(others):
                row = _html_row(f"other reading {name}", result.brief())
                if len(row) > room:
                    rows.append(_html_row("", f"and {len(others) - i} more in .readings"))
                    break
                rows.append(row)
                room -= len(row)
        return head + "".join(rows) + tail

    def figures(self) -> dict[str, Any]:
        """The result's own figures (what varies between readings), for tables."""
        skip = {f.name for f in dataclasses.fields(Result)}
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if f.name not in skip}

    def explain(self, lang: str = "en") -> str:
        """The result in words: headline, working, the clause's words, the reading shown and
        the rule that makes it the default, and every reading's figures; in ``lang`` (English,
        the library's working text, by default)."""
        who = (self.vendor if lang == "en" else Phrase("(any vendor)").say(lang)
               if self.vendor == ANY_VENDOR else label(self.vendor, lang))
        lines = [f"{who}{colon(lang)}{self.headline(lang)}"]
        lines += [f"  {say(w, lang)}" for w in self.working]
        for s in self.sources:
            lines.append(f"  [art. {article_words(s.article).say(lang)}] « {s.quote} »")
        if self.readings:
            which = (Phrase("the default") if self.reading == self.default_reading
                     else Phrase("chosen; the default is {reading}",
                                 reading=named(self.default_reading)))
            lines.append("  " + Phrase("Reading shown: {reading} ({which}).",
                                       reading=named(self.reading), which=which).say(lang))
            lines += textwrap.wrap(Phrase("Why the default: {rule}",
                                          rule=file_words(self.default_rule)).say(lang), 96,
                                   initial_indent="    ", subsequent_indent="    ")
            if self.ambiguity:
                lines.append("  " + Phrase("The text admits several readings. Why:").say(lang))
                lines += textwrap.wrap(file_words(self.ambiguity).say(lang), 96,
                                       initial_indent="    ", subsequent_indent="    ")
            lines.append("  " + Phrase("Every reading ({count}):",
                                       count=len(self.readings)).say(lang))
            for name, r in self.readings.items():
                mark = " " + Phrase("(default)").say(lang) if name == self.default_reading else ""
                if name == self.reading and name != self.default_reading:
                    mark += " <- " + Phrase("shown").say(lang)
                means = self.meanings.get(name)
                means = colon(lang) + file_words(means).say(lang) if means else ""
                lines.append(f"    - {named(name).say(lang)}{mark}{means}")
                lines.append(f"      {r.headline(lang)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.explain()


R = TypeVar("R", bound=Result)


def over_readings(clause: Clause, compute: Callable[[Clause], R], reading: str | None = None) -> R:
    """``compute`` the result under every reading of ``clause`` (nested clauses included).

    The returned result shows the ``reading`` asked for (by default the clause's default
    reading) and carries every reading's result in ``readings``.
    """
    variants, default_name = reading_variants(clause)
    if len(variants) == 1:
        if reading not in (None, default_name):
            raise InputError(f"reading {reading!r}: this clause reads one way only")
        return compute(variants[default_name])
    results = {name: compute(variant) for name, variant in variants.items()}
    ambiguous = ambiguous_clauses(clause)
    return with_readings(
        results, reading, default_name,
        ambiguity=file_texts(c.ambiguity.note for _, c in ambiguous),
        default_rule=file_texts(dict.fromkeys(c.ambiguity.why_default for _, c in ambiguous)),
        meanings=reading_meanings(clause),
    )


def with_readings(results: Mapping[str, R], reading: str | None, default_name: str, *,
                  ambiguity: str | None, default_rule: str,
                  meanings: Mapping[str, str]) -> R:
    """The result of ``reading`` (the default when None) carrying every reading's result, the
    default's name and the rule that makes it the default; a clear error for a name that is
    not a reading."""
    chosen = reading or default_name
    if chosen not in results:
        raise InputError(f"reading {chosen!r} is not a reading of this clause; valid readings: "
                         + ", ".join(results))
    return dataclasses.replace(results[chosen], reading=chosen, default_reading=default_name,
                               readings=dict(results), ambiguity=ambiguity or None,
                               default_rule=default_rule, meanings=dict(meanings))


def reading_meanings(clause: Clause) -> dict[str, str]:
    """Each reading's name (as :func:`reading_variants` names them) and what it means."""
    ambiguous = ambiguous_clauses(clause)
    several = len(ambiguous) > 1
    return {(f"{path or 'self'}={r.name}" if several else r.name): file_texts([r.means])
            for path, c in ambiguous for r in c.ambiguity.readings}


def file_texts(texts) -> Worded:
    """Texts of a vendor file (ambiguity notes, rules, meanings), their whitespace made
    single, joined by ``" / "``: a :class:`Worded` string said through the catalog."""
    return Worded(Joined((file_words(" ".join(t.split())) for t in texts), " / "))


def ambiguous_clauses(clause: Clause):
    from cgvlib.model.ambiguity import nested_clauses

    return [(p, c) for p, c in nested_clauses(clause) if c.ambiguous]


def money(cents: int) -> str:
    """Already-rounded cents for working lines."""
    return format_eur(cents)


# The fields of a vendor (or statute) file whose English words the working shows, by the kind
# of object that holds them, said through the catalog (msgid = the English as the file writes
# it, whitespace made single).
FILE_TEXT_FIELDS = {
    "Ambiguity": ("note", "why_default"),
    "Reading": ("means",),
    "Sla": ("formula", "excluded_from_total_time", "excluded_from_downtime", "claim_from"),
    "ExitCharge": ("applies_to",),
    "Fee": ("name", "when", "per", "base", "note"),
    "CancellationSchedule": ("of", "applies_to"),
    "CancellationTier": ("note",),
    "PriceRevision": ("applies_to",),
    "Deadline": ("what", "from_event", "note"),
    "NonSolicitation": ("applies_to", "from_event", "note"),
    "LiabilityCap": ("note",),
}
# ... and the note of a price clause that revises no running order (its working says it).
NEW_ORDERS_ONLY = "new_orders_only"


def file_texts_shown(vendors=None) -> set[str]:
    """Every English text of the vendor files (and the law's default terms) that a result's
    working can show: each needs its French in the catalog (``tests/i18n``)."""
    from cgvlib.arithmetic.statutory import statutory
    from cgvlib.model.loader import vendors as all_vendors

    found: set[str] = set()
    seen: set[int] = set()

    def walk(obj) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, (list, tuple)):
            for item in obj:
                walk(item)
            return
        if not hasattr(type(obj), "model_fields"):
            return
        shown = FILE_TEXT_FIELDS.get(type(obj).__name__, ())
        if getattr(obj, "kind", None) == NEW_ORDERS_ONLY and type(obj).__name__ == "PriceRevision":
            shown = (*shown, "note")
        for name in type(obj).model_fields:
            value = getattr(obj, name)
            if name in shown:
                for text in value if isinstance(value, (list, tuple)) else [value]:
                    if isinstance(text, str) and text.strip():
                        found.add(" ".join(text.split()))
            walk(value)

    for v in [*(all_vendors() if vendors is None else vendors), statutory()]:
        walk(v)
    return found
