"""Price revision (révision des prix): the price at a date of a price set at an earlier date,
under the vendor's revision clause, with every index value used; and its monthly path.

The clauses, one rule each (``PriceRevision.kind``):

- ``index_ratio``, Leappy art. 4: « P2=P1x(S2/S1) où [...] S2 représente le dernier indice
  Syntec publié à la date de la révision, S1 représente le dernier indice Syntec publié à la
  date de la précédente révision (pour la première révision, l'indice utilisé sera le dernier
  publié à la date de la signature du contrat). La révision des prix intervient en janvier et
  juillet de chaque année ». Computed revision by revision, each revision's S1 being the
  previous revision's S2; the product of the ratios telescopes to S_last / S_first (with the
  2022 coefficient when S_first is an old-index value).
- ``index_with_margin``, Teogest 14.1.2, 14.2.2, 14.3.2, 14.3.3: « révisés au 1er janvier de
  chaque année en fonction de l'indice Syntec. Si cet indice entraîne une hausse des tarifs
  inférieure à 9 %, la hausse pourra être supérieure à celle fondée sur l'indice Syntec mais ne
  pourra excéder 9 % ». The result carries the index-based price and the worst case (the
  vendor using its whole margin: +9 % a year). Readings (the file's ambiguity): ``capped_at_9``
  cuts an index rise above 9 % to 9 %; ``index_in_full`` applies it in full.
- ``index_since``, Teogest annexes 2 D and 3: « tarif au 30/10/2023 qui sera révisé selon
  l'indice Syntec en vigueur à la date de délivrance des prestations »: one step at the date of
  the service, P = P0 x S(service date) / S(tariff date).
- ``volume_step``, JANQUOR art. 4: « Les honoraires feront l'objet d'une révision le 10/01.
  Tout écart supérieur à 10% sur le volume de travail prévu, après évaluation de l'année N-1,
  entraînera une indexation du budget à la hausse ou à la baisse à un taux de 3% sur l'année
  N. » Needs the fact ``volume_deviation_percent``.
- ``new_orders_only`` (ioSmart, GOUT, JANQUOR's tariffs): a running order keeps its price.

Conventions (decided here, stated in every result's working):

- **Index values.** "Le dernier indice publié à la date" is
  :func:`~cgvlib.reference.syntec.syntec_last_published` (publication on or before that day,
  actual or assumed). A value the data lacks (a gap, or past the end) is never interpolated.
- **A missing index value** (``index_missing``). By default (``"worst_case"``) a clause whose
  worst case does not depend on the index still gives it: ``index_with_margin`` read with the
  index rise capped (Teogest's ``capped_at_9``) allows at most +9 % a revision whatever the
  index, so the worst case is the cap at each revision; the index-based price is then unknown
  (``price`` None) and ``index_unknown`` says which month is missing and why (a gap, or past
  the end of the data). Every other clause or reading, whose bound is the index itself
  (Leappy's P2 = P1 x S2/S1, the annexes' tariffs, Teogest read ``index_in_full``), raises the
  reference layer's :class:`~cgvlib.errors.OutOfCoverageError` naming the month, and says why
  there is no worst case either. ``index_missing="refuse"`` refuses every clause, as a chart
  of index-based prices needs.
  Where the clause does not say which values are compared (Teogest: ``unstated``), the working
  convention is the index last published at each revision date against the one last published
  at the previous revision date (the previous 1 January), whatever the date the price was set:
  the result flags it.
- **Which revisions apply.** A price set on ``base_date`` already includes a revision dated that
  day; the revisions dated after ``base_date`` apply once they have taken effect at ``at``:
  on their date for Teogest (« révisés au 1er janvier ») and JANQUOR (« révision le 10/01 »);
  the day after their date for ``index_ratio`` (Leappy: « Les nouveaux prix sont appliqués à
  tous les services exécutés après la date de la révision de prix »: a service executed ON the
  revision date keeps the previous price); at the service date itself for ``index_since``.
- **Revision day.** The clause's ``day`` (1 when unstated), clamped to the month's last day.
- **Exact money.** The price is carried as an exact fraction of cents through every revision
  and rounded once, half-up, to the cent at the end (each revision's price in the working is
  that exact value rounded for display only). Likewise the worst case.
- **Monthly path** (:func:`price_path`): the price of a service executed on the start date,
  then on the first day of each month; so a Leappy revision of 1 July first shows on the
  1 August row (a service on 1 July keeps the old price). The path stops with the reference
  layer's error at the first month it cannot compute (a gap or the end of the Syntec data),
  naming the row and the missing month; ``clip=True`` returns the months before it instead.
  A row whose index-based price is unknown but whose worst case is known (see above) has
  ``price`` None, the worst case, and the reason in ``index_unknown``.
- **Readings.** Every reading is computed; a reading whose index values are missing from the
  data (and which has no worst case without them) is carried as not computable
  (``unavailable``) rather than blocking the others; asking for it raises the error.
"""

from __future__ import annotations

import datetime as dt
import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import pandas as pd

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    choose,
    clause_of,
    euros,
    over_readings,
)
from cgvlib.arithmetic.working_words import (
    Worded,
    article_words,
    colon,
    day_words,
    decimal_words,
    eur,
    file_words,
    listed,
    month_words,
    named,
    semicolon,
)
from cgvlib.dates import as_date
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.i18n import Joined, Phrase, Said, say
from cgvlib.model.price import PriceRevision
from cgvlib.model.vendor import Vendor
from cgvlib.money import round_half_up
from cgvlib.reference.months import add_months, end_of_month, start_of_next_month
from cgvlib.reference.provisional import carried_notes, joined_notes, marked
from cgvlib.reference.syntec import (
    SyntecValue,
    assumed_publication,
    load_syntec,
    syntec_last_published,
    syntec_ratio,
)

VOLUME_FACT = "volume_deviation_percent"
FACTS = (VOLUME_FACT,)
INDEX_MISSING = ("worst_case", "refuse")
FLAGGED_CONVENTION = Worded(Phrase(
    "the text does not say which index values are compared (new_index/base_index unstated); "
    "working convention, not the text: the index last published at each revision date against "
    "the one last published at the previous revision date"
))


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class RevisionStep:
    """One revision: its date, the index values compared and the price after it.

    ``ratio`` is S2 / S1 exactly (with the 2022 coefficient when S1 is old and S2 revised),
    ``None`` for a clause without index or when an index value is missing; ``factor`` is what
    the revision multiplies the price by (the ratio, capped, or a volume step; None when the
    index value is missing), ``worst_factor`` the same for the worst case. ``price`` and
    ``worst_case_price`` are the exact prices after this revision rounded to the cent for
    display (``price`` None once an index value is missing); ``price_exact`` (in cents) is what
    the next revision starts from. ``index_unknown`` names the index value this revision lacks
    and why ("" when it has them all).
    """

    date: dt.date
    effective: dt.date
    s1: SyntecValue | None
    s2: SyntecValue | None
    ratio: Fraction | None
    factor: Fraction | None
    worst_factor: Fraction
    price: Decimal | None
    worst_case_price: Decimal
    price_exact: Fraction | None = field(repr=False)
    note: str = ""
    index_unknown: str = ""


@dataclass(frozen=True, kw_only=True)
class PriceRevisionResult(Result):
    """The price at ``at`` of ``base_price`` set on ``base_date``, under one reading.

    ``price``/``price_cents``: the revised price (the index-based one); ``worst_case_price``:
    the highest price the clause lets the vendor charge (its discretionary margin used in full,
    or an unknown volume deviation taken upwards), equal to ``price`` otherwise; ``factor`` the
    exact overall factor of the price; ``index_values`` every Syntec value used, in order;
    ``depends_on`` the facts the result would need and was not given.

    When an index value is missing: if the clause bounds the rise whatever the index (a cap),
    ``price``, ``price_cents`` and ``factor`` are None, the worst case is given, and
    ``index_unknown`` lists each missing value (which revision, which month, why); otherwise
    the reading is not computable: every figure None and the reason in ``unavailable``.
    """

    base_price: Decimal
    base_price_cents: int
    base_date: dt.date
    at: dt.date
    clause_index: int
    kind: str
    applies_to: tuple[str, ...]
    price: Decimal | None
    price_cents: int | None
    worst_case_price: Decimal | None
    worst_case_cents: int | None
    factor: Fraction | None
    revisions: tuple[RevisionStep, ...] = ()
    index_values: tuple[SyntecValue, ...] = ()
    depends_on: tuple[str, ...] = ()
    index_unknown: tuple[str, ...] = ()
    unavailable: str | None = None
    error: OutOfCoverageError | None = field(default=None, repr=False, compare=False)

    def figures(self) -> dict:
        figures = super().figures()
        figures.pop("error", None)
        return figures

    @property
    def provisional_note(self) -> str:
        """Which index values were carried forward past the data
        (:func:`~cgvlib.reference.provisional.assume_last`), said in a reader's language by
        :func:`cgvlib.i18n.say`; "" when none was."""
        notes = carried_notes(*self.index_values)
        return joined_notes(notes) if notes else ""

    @property
    def provisional(self) -> bool:
        """True when an index value used was carried forward past the data."""
        return bool(self.provisional_note)

    def headline(self, lang: str = "en") -> str:
        if self.unavailable is not None:
            why = self.unavailable if self.error is None else say(self.error, lang)
            return Phrase("not computable: {why}", why=why.split(". ")[0]).say(lang)
        count = len(self.revisions)
        said = dict(base=eur(self.base_price_cents), day=day_words(self.base_date), count=count)
        setting = (Phrase("({base} set on {day}, 1 revision)", **said) if count == 1 else
                   Phrase("({base} set on {day}, {count} revisions)", **said))
        if self.price_cents is None:
            parts = [Phrase("worst case {worst} on {at} {setting}; index-based price unknown: "
                            "{unknown}", worst=eur(self.worst_case_cents),
                            at=day_words(self.at), setting=setting,
                            unknown=listed(self.index_unknown))]
        else:
            parts = [Phrase("{price} on {at} {setting}", price=eur(self.price_cents),
                            at=day_words(self.at), setting=setting)]
            if self.worst_case_cents != self.price_cents:
                parts.append(Phrase("; worst case {worst}", worst=eur(self.worst_case_cents)))
        if self.depends_on:
            parts.append(Phrase("; depends on {facts}", facts=Joined(self.depends_on, ", ")))
        if self.provisional:
            parts.append(Joined((" (", self.provisional_note, ")")))
        return Joined(parts).say(lang)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def select_clause(vendor: Vendor, clause: int | str | None) -> tuple[int, PriceRevision]:
    """The vendor's revision clause: ``None`` for its first one, an index into
    ``vendor.price_revision``, or words found in exactly one clause's ``applies_to``."""
    clauses = clause_of(vendor, "price_revision", "price revision")
    return choose(clauses, clause, argument="clause", what="price revision clause",
                  label=lambda c: " / ".join(c.applies_to), default_first=True)


def _percent(value, name: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, numbers.Real | str | Decimal):
        raise InputError(f"{name}: expected a percentage such as 12 or -15.5, got {value!r}")
    try:
        d = Decimal(str(value).strip())
    except InvalidOperation:
        raise InputError(f"{name}: {value!r} is not a number; give e.g. 12 or -15.5") from None
    if not d.is_finite():
        raise InputError(f"{name}: {value!r} is not a finite percentage")
    return Fraction(d)


def _deviations(facts: Mapping, clause: PriceRevision, vendor: Vendor) -> dict | Fraction | None:
    """The volume deviation fact: None, one percentage, or {year N-1: percentage}."""
    unknown = sorted(set(facts) - set(FACTS))
    if unknown:
        raise InputError(f"unknown fact(s) {', '.join(unknown)}; the only fact price revision "
                         f"uses is {VOLUME_FACT} (JANQUOR's volume of work, art. 4)")
    value = facts.get(VOLUME_FACT)
    if value is None:
        return None
    if clause.kind != "volume_step":
        raise InputError(f"{VOLUME_FACT}: {vendor.name}'s clause ({clause.kind}) does not depend "
                         "on the volume of work; leave the fact out")
    if not isinstance(value, Mapping):
        return _percent(value, VOLUME_FACT)
    out = {}
    for year, percent in value.items():
        if isinstance(year, bool) or not str(year).strip().isdigit():
            raise InputError(f"{VOLUME_FACT}: {year!r} is not a year; key the mapping by the year "
                             "evaluated (N-1), e.g. {2024: 12}")
        out[int(str(year))] = _percent(percent, f"{VOLUME_FACT}[{year}]")
    return out


# --------------------------------------------------------------------------------------------
# One reading
# --------------------------------------------------------------------------------------------


def _fraction_text(f: Fraction, places: int = 7) -> str:
    return f"{Decimal(f.numerator) / Decimal(f.denominator):.{places}f}"


def _index_text(s: SyntecValue) -> Phrase:
    """An index value for the working, marked when carried forward past the data or
    user-supplied (:func:`~cgvlib.reference.provisional.marked`)."""
    said = dict(value=decimal_words(s.value),
                month=month_words(dt.date.fromisoformat(f"{s.month}-01")),
                series=SERIES_WORDS[s.series],
                published=day_words(s.published), mark=marked(s))
    if s.published_assumed:
        return Phrase("{value} ({month}, {series}, assumed published {published}){mark}", **said)
    return Phrase("{value} ({month}, {series}, published {published}){mark}", **said)


SERIES_WORDS = {"old": Phrase("old", "Syntec series"),
                "revised": Phrase("revised", "Syntec series")}


def scheduled_dates(clause: PriceRevision, first_year: int, last_year: int) -> list[dt.date]:
    """The clause's revision dates from ``first_year`` to ``last_year``: each of its months on
    its ``day`` (1 when unstated), clamped to the month's last day."""
    day = clause.day or 1
    dates = []
    for year in range(first_year, last_year + 1):
        for month in sorted(clause.months):
            first = dt.date(year, month, 1)
            dates.append(first.replace(day=min(day, end_of_month(first).day)))
    return dates


def _in_effect(clause: PriceRevision, revision: dt.date, at: dt.date) -> bool:
    # Leappy art. 4: « Les nouveaux prix sont appliqués à tous les services exécutés après la
    # date de la révision de prix »: from the day after. Teogest « révisés au 1er janvier »,
    # JANQUOR « révision le 10/01 »: on the date itself.
    return revision < at if clause.kind == "index_ratio" else revision <= at


def index_factors(ratio: Fraction, clause: PriceRevision) -> tuple[Fraction, Fraction]:
    """(index-based factor, worst-case factor) of one revision with index ratio ``ratio``.

    ``index_with_margin`` (Teogest 14.1.2): the index rise, cut to the cap when
    ``index_capped``; « Si cet indice entraîne une hausse des tarifs inférieure à 9 %, la hausse
    pourra être supérieure à celle fondée sur l'indice Syntec mais ne pourra excéder 9 % »: the
    worst case is the higher of that and the cap when ``above_index_allowed``. Other kinds: the
    ratio itself, for both.
    """
    if clause.kind != "index_with_margin":
        return ratio, ratio
    cap = 1 + Fraction(clause.cap_percent) / 100
    by_index = min(ratio, cap) if clause.index_capped else ratio
    worst = max(by_index, cap) if clause.above_index_allowed else by_index
    return by_index, worst


def worst_factor_without_index(clause: PriceRevision) -> Fraction | None:
    """The worst-case factor of one revision when its index value is unknown: the cap of an
    ``index_with_margin`` clause whose index rise is capped (Teogest 14.1.2, read
    ``capped_at_9``: « ne pourra excéder 9 % »), which bounds the rise whatever the index;
    None when the bound is the index itself (no cap, or a reading applying the index in
    full)."""
    if clause.kind == "index_with_margin" and clause.index_capped:
        return 1 + Fraction(clause.cap_percent) / 100
    return None


def _no_bound_reason(clause: PriceRevision) -> Phrase:
    """Why a clause has no worst case without its index values."""
    match clause.kind:
        case "index_ratio":
            return Phrase("P2 = P1 x S2/S1 has no cap, the price is the index's")
        case "index_since":
            return Phrase("the tariff follows the index in force at the service date, with no "
                          "cap")
        case _:
            return Phrase("read this way, an index rise above {cap} % applies in full, so "
                          "nothing bounds the rise but the index",
                          cap=decimal_words(clause.cap_percent))


@dataclass
class _Chain:
    """The exact prices (in cents) carried from revision to revision; ``price`` becomes None
    once a revision's index value is missing (the worst case may still be carried)."""

    price: Fraction | None
    worst: Fraction
    steps: list[RevisionStep] = field(default_factory=list)
    working: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    index_unknown: list[str] = field(default_factory=list)

    def apply(self, date, effective, s1, s2, ratio, factor, worst_factor, line, note="",
              index_unknown=""):
        self.price = None if self.price is None or factor is None else self.price * factor
        self.worst *= worst_factor
        price = None if self.price is None else round_half_up(self.price)
        self.steps.append(RevisionStep(
            date=date, effective=effective, s1=s1, s2=s2, ratio=ratio, factor=factor,
            worst_factor=worst_factor, price=None if price is None else euros(price),
            worst_case_price=euros(round_half_up(self.worst)), price_exact=self.price, note=note,
            index_unknown=index_unknown))
        shown = [Phrase("price unknown") if price is None else
                 Phrase("price {price}", price=eur(price))]
        if self.worst != self.price:
            shown.append(Phrase(", worst case {worst}", worst=eur(round_half_up(self.worst))))
        self.working.append(Worded(Joined((line, Said(semicolon), *shown))))


def _last_published(which: str, day: dt.date, what: Phrase) -> SyntecValue:
    try:
        return syntec_last_published(day)
    except OutOfCoverageError as exc:
        raise OutOfCoverageError(Phrase("{which} of the revision {what}: {error}", which=which,
                                        what=what, error=exc),
                                 series=exc.series, last_covered=exc.last_covered) from None


def _assumed_last_published_month(day: dt.date) -> dt.date:
    """The month whose index is last published on ``day`` by the reference layer's rule (each
    month assumed published on the last day of the following month at the latest)."""
    month = add_months(day.replace(day=1), -1)
    return month if assumed_publication(month) <= day else add_months(month, -1)


def missing_index_text(which: str, day: dt.date, revision: dt.date) -> Worded:
    """Which index value a revision lacks and why: a gap in the data, or a month before or
    after the data (the month named is the one last published on ``day``)."""
    data = load_syntec()
    said = dict(which=which, revision=day_words(revision), day=day_words(day))
    published = [m for m, when in data.publications if when <= day]
    if published and max(published) not in data.by_month:
        return Worded(Phrase("{which} of the revision of {revision}, the index last published "
                             "on {day}, is that of {month}, a gap in the data",
                             month=month_words(max(published)), **said))
    month = _assumed_last_published_month(day)
    if month < data.first:
        return Worded(Phrase("{which} of the revision of {revision}, the index last published "
                             "on {day}, is that of {month}, before the data starts ({first})",
                             month=month_words(month), first=month_words(data.first), **said))
    return Worded(Phrase("{which} of the revision of {revision}, the index last published on "
                         "{day}, would be that of {month} (published by {published}), after the "
                         "end of the data (its last month is {last})", month=month_words(month),
                         published=day_words(assumed_publication(month)),
                         last=month_words(data.complete_until), **said))


def _index_value(which: str, day: dt.date, revision: dt.date,
                 bound: Fraction | None) -> tuple[SyntecValue | None, str]:
    """(the index value, "") or, when it is missing and the clause has a worst case without
    it (``bound``), (None, why it is missing); otherwise the reference layer's error."""
    try:
        return _last_published(which, day, Phrase("of {day}", day=day_words(revision))), ""
    except OutOfCoverageError:
        if bound is None:
            raise
        return None, missing_index_text(which, day, revision)


def _index_base_date(which: str | None, previous: dt.date, base_date: dt.date) -> dt.date:
    # S1 as the clause names it: « le dernier indice Syntec publié à la date de la précédente
    # révision (pour la première révision, [...] à la date de la signature du contrat) »
    if which == "last_published_at_signature":
        return base_date
    return previous  # last_published_at_previous_revision, or the flagged convention


def _index_revisions(clause, chain, base_date, at, index_missing) -> None:
    """``index_ratio`` and ``index_with_margin``: revision after revision, S1 of each being the
    index last published at the previous revision (the first one's per the clause). A missing
    index value leaves the index-based price unknown from that revision on; the worst case
    goes on with the cap when the clause has one (:func:`worst_factor_without_index`)."""
    dates = scheduled_dates(clause, base_date.year - 1, at.year)
    applied = [d for d in dates if base_date < d and _in_effect(clause, d, at)]
    if "unstated" in (clause.new_index, clause.base_index):
        chain.working.append(Worded(Phrase("Index values: {convention}",
                                           convention=FLAGGED_CONVENTION)))
    bound = worst_factor_without_index(clause) if index_missing == "worst_case" else None
    s1, s1_missing = None, ""
    for number, date in enumerate(applied):
        previous = dates[dates.index(date) - 1]
        if number == 0:
            first = clause.first_base_index or clause.base_index
            s1_date = _index_base_date(first, previous, base_date)
            s1, s1_missing = _index_value("S1", s1_date, date, bound)
            s1_where = (Phrase("the signature") if first == "last_published_at_signature"
                        else Phrase("the previous revision date"))
            s1_text = (Phrase("{index}, last published at {day} ({where})", index=_index_text(s1),
                              day=day_words(s1_date), where=s1_where) if s1
                       else Phrase("unknown: {why}", why=s1_missing))
        else:
            s1_text = (Phrase("{index} (the previous revision's S2)", index=_index_text(s1)) if s1
                       else Phrase("unknown (the previous revision's S2)"))
            s1_missing = "" if s1 else Worded(Phrase(
                "S1 of the revision of {day}, the previous revision's S2", day=day_words(date)))
        s2, s2_missing = _index_value("S2", date, date, bound)
        s2_text = (Phrase("{index}, last published at {day}", index=_index_text(s2),
                          day=day_words(date)) if s2
                   else Phrase("unknown: {why}", why=s2_missing))
        effective = date + dt.timedelta(days=1) if clause.kind == "index_ratio" else date
        line = [Phrase("Revision {day} (new prices from {effective}): S1 = {s1}; S2 = {s2}",
                       day=day_words(date), effective=day_words(effective), s1=s1_text,
                       s2=s2_text)]
        causes = [m for m in (s1_missing if number == 0 else "", s2_missing) if m]
        chain.index_unknown += causes  # the months missing, each named once
        missing = "; ".join(m for m in (s1_missing, s2_missing) if m)
        if s1 is None or s2 is None:
            ratio = factor = None
            worst = bound
            line.append(Phrase("; index-based rise unknown; whatever the index, the rise is "
                               "capped at {cap} %: worst case x {factor}",
                               cap=decimal_words(clause.cap_percent),
                               factor=decimal_words(_fraction_text(worst))))
        else:
            ratio = syntec_ratio(s2, s1)
            factor, worst = index_factors(ratio, clause)
            line.append(Joined((Said(semicolon), "S2/S1 = ", _ratio_text(s2, s1), " = ",
                                decimal_words(_fraction_text(ratio)))))
            if factor != ratio:
                line.append(Phrase(", capped at {factor}",
                                   factor=decimal_words(_fraction_text(factor, 2))))
            if worst != factor:
                line.append(Phrase("; vendor's margin: up to {factor}",
                                   factor=decimal_words(_fraction_text(worst))))
        chain.apply(date, effective, s1, s2, ratio, factor, worst, Joined(line),
                    index_unknown=missing)
        s1 = s2


def _ratio_text(s2: SyntecValue, s1: SyntecValue) -> Phrase | Joined:
    if s1.series == "old" and s2.series == "revised":
        k = load_syntec().revision.coefficient
        return Phrase("{s2} / ({s1} x {k}, the 2022 coefficient de raccord)",
                      s2=decimal_words(s2.value), s1=decimal_words(s1.value),
                      k=decimal_words(k))
    return Joined((decimal_words(s2.value), " / ", decimal_words(s1.value)))


def _since_revision(clause, chain, base_date, at) -> None:
    """``index_since`` (Teogest annexes 2 D, 3): « révisé selon l'indice Syntec en vigueur à la
    date de délivrance des prestations »: one step from the tariff's date to the service's."""
    what = Phrase("at the service date {day}", day=day_words(at))
    s1 = _last_published("S1", base_date, what)
    s2 = _last_published("S2", at, what)
    ratio = syntec_ratio(s2, s1)
    line = Phrase("Service on {at}: S1 = {s1}, in force (last published) at the tariff date "
                  "{base}; S2 = {s2}, in force at {at}; S2/S1 = {ratio} = {value}",
                  at=day_words(at), s1=_index_text(s1), base=day_words(base_date),
                  s2=_index_text(s2), ratio=_ratio_text(s2, s1),
                  value=decimal_words(_fraction_text(ratio)))
    chain.apply(at, at, s1, s2, ratio, ratio, ratio, line)


def _volume_revisions(clause, chain, base_date, at, deviations) -> None:
    """``volume_step`` (JANQUOR art. 4): on each 10 January, ±3 % when the volume of year N-1
    deviated from plan by « Tout écart supérieur à 10% »: strictly more than 10 % either way
    (exactly 10 % changes nothing)."""
    applied = [d for d in scheduled_dates(clause, base_date.year, at.year)
               if base_date < d and _in_effect(clause, d, at)]
    if isinstance(deviations, Fraction) and len(applied) > 1:
        raise InputError(f"{VOLUME_FACT}: {len(applied)} revisions fall between {base_date} and "
                         f"{at} ({', '.join(map(str, applied))}); give one deviation per year "
                         "evaluated, e.g. {" + f"{applied[0].year - 1}: 12, "
                         f"{applied[1].year - 1}: -15" + "}")
    threshold, step = Fraction(clause.threshold_percent), Fraction(clause.step_percent) / 100
    limit, change = clause.threshold_percent, clause.step_percent
    for date in applied:
        year = date.year - 1
        deviation = deviations.get(year) if isinstance(deviations, dict) else deviations
        head = Phrase("Revision {day} (budget of {budget}, volume of {year})",
                      day=day_words(date), budget=date.year, year=year)
        limit_said, change_said = decimal_words(limit), decimal_words(change)
        if deviation is None:
            chain.depends_on.append(Worded(Phrase("{fact} for {year}", fact=named(VOLUME_FACT),
                                                  year=year)))
            line = Phrase("{head}: the volume deviation of {year} is not given, price "
                          "unchanged; worst case a deviation above +{limit} %: +{change} %",
                          head=head, year=year, limit=limit_said, change=change_said)
            chain.apply(date, date, None, None, None, Fraction(1), 1 + step, line,
                        note=f"depends on {VOLUME_FACT} for {year}")
            continue
        if deviation > threshold:
            factor, what = 1 + step, Phrase("above +{limit} %: +{change} %", limit=limit_said,
                                            change=change_said)
        elif deviation < -threshold:
            factor, what = 1 - step, Phrase("below -{limit} %: -{change} %", limit=limit_said,
                                            change=change_said)
        else:
            factor, what = Fraction(1), Phrase("within ±{limit} % (« supérieur à 10% »): "
                                               "unchanged", limit=limit_said)
        line = Phrase("{head}: deviation {deviation} %, {what}", head=head,
                      deviation=decimal_words(_fraction_text(deviation, 2)), what=what)
        chain.apply(date, date, None, None, None, factor, factor, line)


def _heading(clause: PriceRevision, vendor: Vendor) -> Worded:
    what = Joined((file_words(a) for a in clause.applies_to), " / ")
    match clause.kind:
        case "index_ratio":
            rule = Phrase("P2 = P1 x S2/S1 on the Syntec index, new prices for services after "
                          "the date")
        case "index_with_margin":
            cap = decimal_words(clause.cap_percent)
            cut = (Phrase("cut to {cap} %", cap=cap) if clause.index_capped
                   else Phrase("in full, even above {cap} %", cap=cap))
            rule = (Phrase("yearly on the Syntec index ({cut}); the vendor may go up to {cap} %",
                           cut=cut, cap=cap) if clause.above_index_allowed else
                    Phrase("yearly on the Syntec index ({cut})", cut=cut))
        case "index_since":
            rule = Phrase("tariff of {day} revised on the Syntec index in force at the date of "
                          "the service", day=day_words(clause.as_of))
        case "volume_step":
            rule = Phrase("±{step} % when the volume deviates by more than {threshold} %",
                          step=decimal_words(clause.step_percent),
                          threshold=decimal_words(clause.threshold_percent))
        case _:
            rule = Phrase("tariffs change for new orders only: a running order keeps its price")
    return Worded(Joined((f"{vendor.name}, art. ", article_words(clause.source.article), " (",
                          what, ")",
                          Said(colon), rule)))


def _compute(clause, vendor, index, cents, base_date, at, deviations,
             index_missing) -> PriceRevisionResult:
    chain = _Chain(price=Fraction(cents), worst=Fraction(cents))
    chain.working.append(_heading(clause, vendor))
    chain.working.append(Worded(Phrase("Price {price} set on {base}; price of a service on {at}",
                                       price=eur(cents), base=day_words(base_date),
                                       at=day_words(at))))
    figures = dict(vendor=vendor.id, sources=(clause.source,), base_price=euros(cents),
                   base_price_cents=cents, base_date=base_date, at=at, clause_index=index,
                   kind=clause.kind, applies_to=tuple(clause.applies_to))
    try:
        match clause.kind:
            case "index_ratio" | "index_with_margin":
                _index_revisions(clause, chain, base_date, at, index_missing)
            case "index_since":
                _since_revision(clause, chain, base_date, at)
            case "volume_step":
                _volume_revisions(clause, chain, base_date, at, deviations)
            case _:
                chain.working.append(Worded(Phrase("No revision of a running order: {note}",
                                                   note=file_words(clause.note or ""))))
    except OutOfCoverageError as exc:
        if index_missing == "worst_case":
            exc = OutOfCoverageError(Joined((exc, Phrase(
                " No worst case without it either: {reason}.", reason=_no_bound_reason(clause)))),
                series=exc.series, last_covered=exc.last_covered)
        return PriceRevisionResult(**figures, working=(*chain.working,
                                                       Worded(Phrase("Stopped: {why}",
                                                                     why=exc))),
                                   price=None, price_cents=None, worst_case_price=None,
                                   worst_case_cents=None, factor=None, unavailable=str(exc),
                                   error=exc)
    worst = round_half_up(chain.worst)
    if not chain.steps and clause.kind != "new_orders_only":
        chain.working.append(Worded(Phrase("No revision takes effect after {base} and by {at}",
                                           base=day_words(base_date), at=day_words(at))))
    if chain.price is None:
        return _without_index_price(figures, chain, cents, worst)
    price = round_half_up(chain.price)
    factor = chain.price / cents if cents else _product(s.factor for s in chain.steps)
    if chain.steps:
        chain.working.append(Worded(Joined((
            Phrase("Price {price} x {factor} = {revised} (exact fractions, rounded once, "
                   "half-up, to the cent)", price=eur(cents),
                   factor=decimal_words(_fraction_text(factor)), revised=eur(price)),
            Phrase("; worst case {worst}", worst=eur(worst)) if worst != price else ""))))
    return PriceRevisionResult(
        **figures, working=tuple(chain.working), price=euros(price), price_cents=price,
        worst_case_price=euros(worst), worst_case_cents=worst, factor=factor,
        revisions=tuple(chain.steps), index_values=_index_values(chain),
        depends_on=tuple(chain.depends_on))


def _without_index_price(figures: dict, chain: _Chain, cents: int,
                         worst: int) -> PriceRevisionResult:
    """The result when an index value is missing but the cap bounds every revision: the worst
    case, the index-based price unknown, and which index values are missing."""
    worst_factor = _product(s.worst_factor for s in chain.steps)
    chain.working.append(Worded(Phrase(
        "Index-based price unknown: {unknown}. Worst case {price} x {factor} = {worst} (the cap "
        "at every revision, whatever the index; exact fractions, rounded once, half-up, to the "
        "cent)", unknown=listed(chain.index_unknown), price=eur(cents),
        factor=decimal_words(_fraction_text(worst_factor)), worst=eur(worst))))
    return PriceRevisionResult(
        **figures, working=tuple(chain.working), price=None, price_cents=None,
        worst_case_price=euros(worst), worst_case_cents=worst, factor=None,
        revisions=tuple(chain.steps), index_values=_index_values(chain),
        depends_on=tuple(chain.depends_on), index_unknown=tuple(chain.index_unknown))


def _index_values(chain: _Chain) -> tuple[SyntecValue, ...]:
    values: list[SyntecValue] = []
    for step in chain.steps:
        values += [s for s in (step.s1, step.s2) if s is not None and s not in values]
    return tuple(values)


def _product(factors) -> Fraction:
    out = Fraction(1)
    for f in factors:
        out *= f
    return out


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def revise_price(vendor: Vendor | str, price, base_date, at, *, reading: str | None = None,
                 clause: int | str | None = None, index_missing: str = "worst_case",
                 **facts) -> PriceRevisionResult:
    """The price of a service executed on ``at`` of a price ``price`` (euros, excl. VAT) set on
    ``base_date`` (the signature, or the tariff's date), under the vendor's revision clause.

    ``clause`` chooses among the vendor's clauses (default: its first, the main prices), by
    number or by words of what it applies to (Teogest: ``"minimum monthly billing"``,
    ``"hourly rate of 130"``, ``"minimum billing of 70"``, ``"reversibility"``). For an
    ``index_since`` clause ``base_date`` may be None: the tariff's date the text states.
    ``reading`` asks for another reading of an ambiguous clause. Facts:
    ``volume_deviation_percent`` (JANQUOR), a percentage or ``{year N-1: percentage}``.

    When an index value needed is missing: with ``index_missing="worst_case"`` (the default) a
    clause capped whatever the index (Teogest read ``capped_at_9``) gives its worst case, the
    index-based price None and the missing months in ``index_unknown``; any other clause, and
    every clause with ``index_missing="refuse"``, raises
    :class:`~cgvlib.errors.OutOfCoverageError` naming the month.
    """
    if index_missing not in INDEX_MISSING:
        raise InputError(f"index_missing: {index_missing!r} is not one of "
                         f"{', '.join(INDEX_MISSING)} (worst_case: give the worst case when the "
                         "clause caps the rise whatever the index; refuse: refuse)")
    v = as_vendor(vendor)
    index, chosen = select_clause(v, clause)
    cents = amount_cents(price, "price")
    if base_date is None:
        if chosen.kind != "index_since":
            raise InputError("base_date: give the date the price was set at (the signature)")
        start = chosen.as_of
    else:
        start = as_date(base_date, "base_date")
    day = as_date(at, "at")
    if day < start:
        raise InputError(f"at: {day} is before base_date {start}; give the date of a service on "
                         "or after the date the price was set")
    deviations = _deviations(facts, chosen, v)
    result = over_readings(chosen, lambda c: _compute(c, v, index, cents, start, day,
                                                      deviations, index_missing),
                           reading=reading)
    if result.error is not None:
        raise result.error
    return result


def price_path(vendor: Vendor | str, price, start, until, *, reading: str | None = None,
               clause: int | str | None = None, clip: bool = False,
               index_missing: str = "worst_case", **facts) -> pd.DataFrame:
    """The monthly path of a price set on ``start``: one row per month, the price of a service
    executed on ``start`` then on the first day of each following month up to ``until``.

    Columns: ``date``, ``price`` and ``worst_case`` (Decimal euros), ``price_cents`` and
    ``worst_case_cents``, ``index`` (the last S2 applied, Decimal, None before the first
    revision, without index, or when it is missing), ``index_month``, ``series``
    (old/revised), ``revision`` (True on rows where a revision took effect since the previous
    row), ``revision_dates`` and ``index_unknown`` (why the index-based price is unknown, ""
    when it is known).

    Where the Syntec data has a gap or ends, a clause capped whatever the index still gives its
    worst case (see :func:`revise_price`, ``index_missing``): ``price`` is then None and
    ``price_cents`` is a nullable ``Int64`` column (``int64`` when every price is known).
    Otherwise raises :class:`~cgvlib.errors.OutOfCoverageError` naming the row's date and the
    missing month; with ``clip=True`` the path stops at the last computable month instead, and
    ``frame.attrs["clipped"]`` says where and why.
    """
    if start is None:
        _, chosen = select_clause(as_vendor(vendor), clause)
        if chosen.kind != "index_since":
            raise InputError("start: give the date the price was set at (the signature)")
        first = chosen.as_of
    else:
        first = as_date(start, "start")
    last = as_date(until, "until")
    if last < first:
        raise InputError(f"until: {last} is before start {first}; give a later date")
    dates, day = [first], start_of_next_month(first)
    while day <= last:
        dates.append(day)
        day = start_of_next_month(day)
    rows, applied, clipped = [], 0, None
    for day in dates:
        try:
            r = revise_price(vendor, price, first, day, reading=reading, clause=clause,
                             index_missing=index_missing, **facts)
        except OutOfCoverageError as exc:
            if not clip or not rows:
                hint = (f" Pass clip=True to stop the path at {rows[-1]['date']:%Y-%m}, the last "
                        "computable month." if rows else "")
                raise OutOfCoverageError(f"price_path: no price for {day} ({day:%Y-%m}): "
                                         f"{exc}{hint}", series=exc.series,
                                         last_covered=exc.last_covered) from None
            clipped = f"stopped before {day:%Y-%m}: {exc}"
            break
        s2 = r.revisions[-1].s2 if r.revisions else None
        if r.kind == "index_since":  # revised whenever the index in force changes
            new = () if not rows or rows[-1]["index_month"] == s2.month else (day,)
        else:
            new = tuple(s.date for s in r.revisions[applied:])
        applied = len(r.revisions)
        rows.append({
            "date": day, "price": r.price, "worst_case": r.worst_case_price,
            "price_cents": r.price_cents, "worst_case_cents": r.worst_case_cents,
            "index": s2.value if s2 else None, "index_month": s2.month if s2 else None,
            "series": s2.series if s2 else None, "revision": bool(new),
            "revision_dates": ", ".join(map(str, new)),
            "index_unknown": "; ".join(r.index_unknown)})
    frame = pd.DataFrame(rows, index=pd.PeriodIndex([d.strftime("%Y-%m") for d in
                                                     (row["date"] for row in rows)],
                                                    freq="M", name="month"))
    frame["date"] = pd.to_datetime(frame["date"])
    known = frame["price_cents"].notna().all()
    frame = frame.astype({"price_cents": "int64" if known else "Int64",
                          "worst_case_cents": "int64"})
    if clipped:
        frame.attrs["clipped"] = clipped
    return frame


__all__ = ["INDEX_MISSING", "PriceRevisionResult", "RevisionStep", "index_factors",
           "missing_index_text", "price_path", "revise_price", "scheduled_dates",
           "select_clause", "worst_factor_without_index"]
