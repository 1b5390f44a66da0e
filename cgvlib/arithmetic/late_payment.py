"""Late-payment interest (pénalités de retard) and the fixed recovery indemnity for one invoice.

Statute (Code de commerce):

- L441-10 II: penalties run from « le jour suivant la date de règlement figurant sur la
  facture », « sans qu'un rappel soit nécessaire », at the agreed rate, which « ne peut
  toutefois fixer un taux inférieur à trois fois le taux d'intérêt légal »; when the terms are
  silent, at « le taux d'intérêt appliqué par la Banque centrale européenne à son opération de
  refinancement la plus récente majoré de 10 points de pourcentage », « le taux applicable
  pendant le premier semestre de l'année concernée [étant] le taux en vigueur au 1er janvier
  [...] au 1er juillet » for the second; and « Tout professionnel en situation de retard de
  paiement est de plein droit débiteur [...] d'une indemnité forfaitaire pour frais de
  recouvrement ».
- D441-5: that indemnity « est fixé à 40 euros ».

The operative answer (DESIGN.md): the figures are the lawful ones. Wherever a clause gives
less than three times the legal rate, the floor applies, semester by semester over the delay
(:mod:`cgvlib.arithmetic.penalty_floor`); the clause's own figure stays a reading, ``as_written``
(``<reading>/as_written`` for a clause read several ways), and every result carries it with the
gap. Every reading of an ambiguous clause is computed; the default is the file's, and
``explain()`` names the reading shown and the rule that makes it the default.

Conventions (DESIGN.md, :mod:`cgvlib.money`):

- **Days.** Days late = paid - due. The first day of delay is the day after the clause's
  ``delay_starts.after`` event plus ``days`` (after the due date with 0 days: the day after
  the due date), never before the day after the due date. The day of payment is a day of
  delay: days of delay = max(0, paid - first day of delay + 1).
- **Rates.** A rule on the ECB rate uses the L441-10 II semester rate
  (:func:`~cgvlib.reference.ecb_rate.ecb_semester_rate`, the ECB rate in force on 1 January or
  1 July) unless the clause names a day for it (``ecb_rate: in_force``: the rate of the most
  recent refinancing operation on that day, :func:`~cgvlib.reference.ecb_rate.ecb_rate`). Rules
  on the legal rate use :func:`~cgvlib.reference.legal_rate.legal_rate` for the clause's
  creditor. The rate is taken on the invoice date (``rate_fixed_at: invoice_date``), on the
  first day of delay (``delay_start``), or semester by semester (``semester``: the delay is
  split at 1 January / 1 July, each piece at its semester's rate). ``higher_of`` takes, period
  by period, the highest of its rules' annual rates.
- **Months of delay** (``percent_per_month``) are counted from the day before the first day of
  delay (the due date), on its monthly anniversaries
  (:func:`~cgvlib.reference.months.months_of_delay`), so a clamped month end never starts a
  month early.
- **Exact arithmetic.** Amount in integer cents, rates in integer basis points, days in
  integers; interest is ONE exact fraction, rounded once, half-up, to the cent:

  * annual rules: cents x sum over periods of bp x days / (365 x 10,000) (actual/365 fixed);
  * ``percent_per_month``, ``prorata``: months = days x 12 / 365, so cents x bp x days x 12
    / (365 x 10,000);
  * ``prorata_30``: months = days / 30, so cents x bp x days / (30 x 10,000);
  * ``prorata_months``: months = whole months + the days left over / the length of the month
    they fall in (L days): cents x bp x (whole x L + rest) / (L x 10,000);
  * ``started``: months = the months of delay started, so cents x bp x months / 10,000.

- **Indemnity.** 40 EUR per invoice paid late (days late >= 1), whatever the terms say or omit
  (L441-10 II, D441-5): the clause's amount when it states one, else the statute's.

The amount is the sum the clause's ``base`` names (the invoice total, or the amount excluding
VAT for Leappy and GOUT); the caller gives that figure. A clause's ``fallback_start`` (the start
when the invoice bears no due date) is not used here: this function always takes a due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple

from cgvlib.arithmetic.common import (
    Result,
    ambiguous_clauses,
    amount_cents,
    as_vendor,
    clause_of,
    euros,
    file_texts,
    over_readings,
    reading_meanings,
    with_readings,
)
from cgvlib.arithmetic.penalty_floor import ARTICLE as FLOOR_ARTICLE
from cgvlib.arithmetic.penalty_floor import (
    FLOOR_FROM,
    NOT_BEFORE_2009,
    FloorPiece,
    floor_applies,
    floor_pieces,
)
from cgvlib.arithmetic.working_words import (
    Worded,
    count_words,
    day_words,
    decimal_words,
    eur,
    named,
    said_days,
    semester_words,
    year_words,
)
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.base import Silent, Source
from cgvlib.model.payment import LatePayment
from cgvlib.model.vendor import Vendor
from cgvlib.money import (
    BP_PER_UNIT,
    INTEREST_DENOMINATOR,
    bp_to_percent,
    div_round_half_up,
    percent_to_bp,
    to_cents,
)
from cgvlib.reference.ecb_rate import ecb_rate, ecb_semester_rate
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.months import (
    months_of_delay,
    semester_bounds_between,
    semester_label,
    started_months_of_delay,
)
from cgvlib.reference.provisional import carried_notes, joined_notes, marked
from cgvlib.reference.series import NOTE_SEPARATOR

# D441-5: « Le montant de l'indemnité forfaitaire pour frais de recouvrement [...] est fixé à
# 40 euros. »
STATUTORY_INDEMNITY_CENTS = 4_000
MONTHS_PER_YEAR = 12  # prorata: months = days x 12 / 365
DAYS_PER_MONTH_30 = 30  # prorata_30: months = days / 30
AS_WRITTEN = "as_written"  # the reading of the clause's own figure, the floor aside
LAWFUL = "lawful"  # the figure under the law, when the clause reads one way

BASE_WORDS = {
    "invoice_total": Phrase("the invoice amount as invoiced (VAT included)"),
    "amount_excl_vat": Phrase("the amount excluding VAT (montant hors taxes)"),
    "unstated": Phrase("the sum unpaid (the text does not say on which amount)"),
}


# --------------------------------------------------------------------------- result


@dataclass(frozen=True)
class DelayPeriod:
    """A stretch of the delay at one rate: ``start``..``end`` (both included), ``days`` long.

    ``rate_bp``/``rate`` are the annual rate (per month for a per-month rule); ``how`` says how
    the rate was found, e.g. ``"3 x legal rate 4.22 % (2023-S2)"``; ``months`` is the number of
    months counted for a per-month rule (started months), else None. ``carried`` holds the
    notes of the reference values carried forward past the data to find the rate (inside
    :func:`~cgvlib.reference.provisional.assume_last`), empty otherwise.
    """

    start: dt.date
    end: dt.date
    days: int
    rate_bp: int
    rate: Decimal
    how: str
    months: int | None = None
    clause_rate_bp: int | None = None
    carried: tuple[str, ...] = ()  # notes of the values carried forward past the data

    @property
    def floored(self) -> bool:
        """True when the L441-10 II floor replaced the clause's rate in this period
        (``clause_rate_bp`` then holds the clause's own rate)."""
        return self.clause_rate_bp is not None


@dataclass(frozen=True, kw_only=True)
class LatePaymentResult(Result):
    """Interest, indemnity and total for one invoice paid late, with the periods used.

    ``rate`` is the rate of the first period (annual percent, or percent per month for a
    per-month rule, as ``rate_unit`` says), None when there is no day of delay.

    The figures are the lawful ones: never below the L441-10 II floor, semester by semester
    (:mod:`cgvlib.arithmetic.penalty_floor`). When the floor raised them, ``as_written`` holds
    the clause's own figures (the same reading, the floor aside) and ``gap_cents`` what the
    otherwise ``as_written`` is None and ``gap_cents`` 0.

    ``provisional`` is true when a rate (or the floor) took a value carried forward past the
    reference data (:func:`~cgvlib.reference.provisional.assume_last`); ``provisional_note``
    then says which value was carried forward (its English as a ``str``, said in a reader's
    language by :func:`cgvlib.i18n.say`).
    """

    amount: Decimal
    amount_cents: int
    due: dt.date
    paid: dt.date
    invoice_date: dt.date | None
    days_late: int
    first_day_of_delay: dt.date
    days_of_delay: int
    rate: Decimal | None
    rate_unit: str
    periods: tuple[DelayPeriod, ...]
    interest: Decimal
    interest_cents: int
    indemnity: Decimal
    indemnity_cents: int
    total: Decimal
    total_cents: int
    as_written: LatePaymentResult | None = field(default=None, repr=False)
    provisional: bool = False
    provisional_note: str = ""

    @property
    def floor_applied(self) -> bool:
        """True when the L441-10 II floor raised the clause's figure."""
        return self.as_written is not None

    @property
    def gap_cents(self) -> int:
        """What the floor adds to the clause as written (0 when it adds nothing)."""
        return 0 if self.as_written is None else self.total_cents - self.as_written.total_cents

    def figures(self) -> dict[str, Any]:
        """The figures, with the clause as written given by its total (not the whole result)."""
        figures = super().figures()
        del figures["as_written"]
        if self.as_written is not None:
            figures["total_as_written"] = self.as_written.total
            figures["total_as_written_cents"] = self.as_written.total_cents
        return figures

    def brief(self, lang: str = "en") -> str:
        """``'102.51 EUR for 45 days late (lawful, L441-10 II floor; as written 73.16 EUR)'``."""
        parts = [Phrase("{total} for {days} late", total=eur(self.total_cents),
                        days=said_days(self.days_late))]
        if self.as_written is not None:
            parts.append(Phrase(" (lawful, {article} floor; as written {total})",
                                article=FLOOR_ARTICLE, total=eur(self.as_written.total_cents)))
        if self.provisional:
            parts.append(Phrase(" (provisional: the last known rate carried forward)"))
        return Joined(parts).say(lang)

    def headline(self, lang: str = "en") -> str:
        parts = [Phrase("{amount} paid {days} late: interest {interest} + indemnity {indemnity} "
                        "= {total}", amount=eur(self.amount_cents), days=said_days(self.days_late),
                        interest=eur(self.interest_cents), indemnity=eur(self.indemnity_cents),
                        total=eur(self.total_cents))]
        if self.as_written is not None:
            parts.append(Phrase(" under the {article} floor (the clause as written: {written}, "
                                "{gap} less)", article=FLOOR_ARTICLE,
                                written=eur(self.as_written.total_cents), gap=eur(self.gap_cents)))
        if self.provisional:
            parts.append(Joined((" (", self.provisional_note, ")")))
        return Joined(parts).say(lang)


# --------------------------------------------------------------------------- clause helpers


def needs_invoice_date(clause: LatePayment) -> bool:
    """True when the reading needs the invoice date: the delay runs from it, or the rate is
    the one in force on it (« en vigueur au jour de la facturation »)."""
    return clause.delay_starts.after == "invoice_date" or clause.rate_fixed_at == "invoice_date"


def readings_needing_invoice_date(clause: LatePayment) -> list[str]:
    """Names of the readings of ``clause`` that need the invoice date."""
    variants, _ = reading_variants(clause)
    return [name for name, variant in variants.items() if needs_invoice_date(variant)]


def missing_invoice_date_error(vendor: Vendor, clause: LatePayment, where: str) -> InputError:
    """The error for a reading that needs the invoice date when none was given."""
    names = readings_needing_invoice_date(clause)
    if names == ["as_written"]:
        why = (
            "the delay runs from the invoice date"
            if clause.delay_starts.after == "invoice_date"
            else "the rate is the one in force on the invoice date"
        )
        needs = f"needs the invoice date ({why})"
    else:
        listed = ", ".join(f"{n!r}{_reading_means(clause, n)}" for n in names)
        needs = f"needs the invoice date under reading(s) {listed}"
    return InputError(
        f"{where}: {vendor.name}'s late-payment clause (art. {clause.source.article}) {needs}; "
        "give the invoice date (invoice_date='YYYY-MM-DD', or an invoice_date column)"
    )


def _reading_means(clause: LatePayment, name: str) -> str:
    if clause.ambiguity is None:
        return ""
    for r in clause.ambiguity.readings:
        if r.name == name:
            return f" ({r.means})"
    return ""


def delay_offset(clause: LatePayment) -> tuple[str, int]:
    """``(event, n)``: the first day of delay is the day after ``event`` + ``n`` days.

    Only the due date and the invoice date are inputs of this layer; a start after performance
    needs the performance date, which these functions do not take.
    """
    start = clause.delay_starts
    if start.after == "performance":
        raise InputError(
            "this late-payment clause starts the delay after performance (the date of the "
            "service), which late_payment does not take; compute from the due date instead"
        )
    return start.after, start.days


def points_bp(points) -> int:
    return percent_to_bp(points, "points")


def whole_multiple(rule) -> int:
    """The integer multiple of a ``legal_multiple`` rule; refuses one that would not give
    whole basis points (only whole multiples are computed exactly: 3 and 2 are)."""
    multiple = rule.multiple
    if multiple != multiple.to_integral_value():
        raise InputError(
            f"legal_multiple: multiple {multiple} x the legal rate need not be a whole number "
            "of basis points, so it cannot be computed exactly; only whole multiples (2, 3...) "
            "are supported"
        )
    return int(multiple)


def annual_rules(rule) -> list:
    """The annual rules of ``rule`` (itself, or the members of a ``higher_of``)."""
    if rule.kind != "higher_of":
        return [rule]
    members = []
    for member in rule.rules:
        if member.kind in ("percent_per_month", "higher_of"):
            raise InputError(
                f"higher_of: every rule compared must be an annual rate; {member.kind!r} is not "
                "(a rate per month cannot be compared period by period with an annual one)"
            )
        members.append(member)
    return members


# --------------------------------------------------------------------------- the rates


def _legal_label(legal, day: dt.date):
    if (legal.end - legal.start).days > 200:  # 2005-2014: one rate for the year (décret)
        return year_words(legal.start.year)
    return semester_words(day)


class RateFound(NamedTuple):
    """An annual rule's rate on a day: ``bp``, ``how`` it was found (the working line, with
    "(provisional: …)" or "(user-supplied)" after a value that is so), and the ``notes`` of
    the values carried forward past the data to find it (empty when none was)."""

    bp: int
    how: str
    notes: tuple[str, ...] = ()


def _legal_mark(legal) -> Joined | str:
    """What follows the legal rate's label, after ``"; "``: its note when it was carried
    forward past the data, "user-supplied" when it comes from the user data folder."""
    if legal.assumed:
        return Joined((NOTE_SEPARATOR, legal.note))
    if legal.user_supplied:
        return Joined((NOTE_SEPARATOR, Phrase("user-supplied")))
    return ""


def rate_found(rule, day: dt.date) -> RateFound:
    """An annual rule's rate on ``day``, in bp, with how it was found."""
    if rule.kind == "ecb_plus_points" and rule.ecb_rate == "in_force":
        # the most recent refinancing operation's rate on ``day`` itself
        ecb = ecb_rate(day)
        return RateFound(
            ecb.bp + points_bp(rule.points),
            Worded(Phrase("ECB {rate} % in force on {day} (since {start}){mark} + {points} pts",
                          rate=decimal_words(ecb.value), day=day_words(day),
                          start=day_words(ecb.start), mark=marked(ecb),
                          points=decimal_words(rule.points))), carried_notes(ecb),
        )
    if rule.kind == "ecb_plus_points":
        # L441-10 II: « le taux en vigueur au 1er janvier » / « au 1er juillet »
        ecb = ecb_semester_rate(day)
        return RateFound(
            ecb.bp + points_bp(rule.points),
            Worded(Phrase("ECB {rate} % in force on {start} ({semester}){mark} + {points} pts",
                          rate=decimal_words(ecb.value), start=day_words(ecb.start),
                          semester=semester_words(day), mark=marked(ecb),
                          points=decimal_words(rule.points))), carried_notes(ecb),
        )
    legal = legal_rate(day, rule.creditor)
    label = Joined((_legal_label(legal, day), _legal_mark(legal)))
    if rule.kind == "legal_multiple":
        m = whole_multiple(rule)
        return RateFound(m * legal.bp, Worded(Phrase(
            "{multiple} x legal rate {rate} % ({when})", multiple=m,
            rate=decimal_words(legal.value), when=label)), carried_notes(legal))
    if rule.kind == "legal_plus_points":
        return RateFound(
            legal.bp + points_bp(rule.points),
            Worded(Phrase("legal rate {rate} % ({when}) + {points} pts",
                          rate=decimal_words(legal.value), when=label,
                          points=decimal_words(rule.points))), carried_notes(legal),
        )
    raise InputError(f"rule kind {rule.kind!r} is not an annual rate")  # pragma: no cover


def annual_rate(rule, day: dt.date) -> RateFound:
    """The annual rate of ``rule`` on ``day`` (basis points), how it was found, and the notes
    of any value carried forward past the data.

    ``higher_of``: « au taux le plus élevé entre » its rules, each on the same day.
    """
    if rule.kind != "higher_of":
        return rate_found(rule, day)
    found = [rate_found(member, day) for member in annual_rules(rule)]
    best = max(f.bp for f in found)
    parts = Joined((Phrase("{how} = {rate} %", how=f.how, rate=decimal_words(bp_to_percent(f.bp)))
                    for f in found), " vs ")
    notes = tuple(dict.fromkeys(n for f in found for n in f.notes))
    return RateFound(best, Worded(Phrase("higher of {rates}", rates=parts)), notes)


def annual_rate_bp(rule, day: dt.date) -> tuple[int, str]:
    """The annual rate of ``rule`` on ``day`` (basis points) and how it was found
    (:func:`annual_rate`)."""
    found = annual_rate(rule, day)
    return found.bp, found.how


# --------------------------------------------------------------------------- computation


def first_day_of_delay(clause: LatePayment, due: dt.date, invoice_date: dt.date | None) -> dt.date:
    """The day after ``delay_starts.after`` + ``days``, never before the day after the due date
    (L441-10 II: penalties run from « le jour suivant la date de règlement »)."""
    event, days = delay_offset(clause)
    base = due if event == "due_date" else invoice_date
    return max(base + dt.timedelta(days=days + 1), due + dt.timedelta(days=1))


@dataclass(frozen=True)
class Interest:
    """The exact interest of one reading: ``weight`` / ``denominator`` euros-cents per cent of
    the amount, so interest = cents x weight / denominator, rounded once, half-up."""

    periods: tuple[DelayPeriod, ...]
    weight: int
    denominator: int
    terms: str  # the weight's factors, for the working line
    per_month: bool = False

    def cents(self, amount_cents: int) -> int:
        return div_round_half_up(amount_cents * self.weight, self.denominator)


def _per_month(rule, first: dt.date, paid: dt.date) -> Interest:
    """A rate per month of delay, its months counted as ``rule.months`` says (model
    :class:`~cgvlib.model.payment.PercentPerMonth`)."""
    bp = percent_to_bp(rule.percent, "percent")
    days = (paid - first).days + 1
    months = None
    percent, since = decimal_words(rule.percent), day_words(first - dt.timedelta(days=1))
    if rule.months == "prorata":
        how = Phrase("{percent} % per month pro rata temporis, a month being a twelfth of a "
                     "365-day year ({days} days x 12 / 365 months)", percent=percent, days=days)
        weight, denominator = bp * days * MONTHS_PER_YEAR, INTEREST_DENOMINATOR
        terms = Phrase("{bp} bp x {days} d x 12 / (365 x 10,000)", bp=bp, days=days)
    elif rule.months == "prorata_30":
        how = Phrase("{percent} % per month pro rata, a month being 30 days ({days} days / 30)",
                     percent=percent, days=days)
        weight, denominator = bp * days, DAYS_PER_MONTH_30 * BP_PER_UNIT
        terms = Phrase("{bp} bp x {days} d / (30 x 10,000)", bp=bp, days=days)
    elif rule.months == "prorata_months":
        full, rest, length = months_of_delay(first, paid)
        how = Phrase("{percent} % per month of delay pro rata: {full} whole month(s) from "
                     "{since}, then {rest} day(s) of a {length}-day month", percent=percent,
                     full=full, since=since, rest=rest, length=length)
        weight, denominator = bp * (full * length + rest), length * BP_PER_UNIT
        terms = Phrase("{bp} bp x ({full} x {length} + {rest}) d / ({length} x 10,000)",
                       bp=bp, full=full, length=length, rest=rest)
    else:
        months = started_months_of_delay(first, paid)
        how = Phrase("{percent} % per started month of delay ({months} month(s) started, "
                     "counted from {since})", percent=percent, months=months, since=since)
        weight, denominator = bp * months, BP_PER_UNIT
        terms = Phrase("{bp} bp x {months} month(s) / 10,000", bp=bp, months=months)
    how, terms = Worded(how), Worded(terms)
    period = DelayPeriod(first, paid, days, bp, bp_to_percent(bp), how, months)
    return Interest((period,), weight, denominator, terms, per_month=True)


def _annual(clause: LatePayment, first: dt.date, paid: dt.date,
            invoice_date: dt.date | None) -> Interest:
    """An annual rate, taken per semester, on the invoice date or on the first day of delay."""
    rule = clause.rule
    if clause.rate_fixed_at == "semester":
        periods = []
        for start, end in semester_bounds_between(first, paid):
            found = annual_rate(rule, start)
            periods.append(DelayPeriod(start, end, (end - start).days + 1, found.bp,
                                       bp_to_percent(found.bp), found.how,
                                       carried=found.notes))
    else:
        when = invoice_date if clause.rate_fixed_at == "invoice_date" else first
        found = annual_rate(rule, when)
        bp, how = found.bp, found.how
        taken = (
            Phrase("{how}, taken on the invoice date {day}", how=how, day=day_words(when))
            if clause.rate_fixed_at == "invoice_date"
            else Phrase("{how}, taken on the first day of delay {day}", how=how,
                        day=day_words(when))
        )
        days = (paid - first).days + 1
        periods = [
            DelayPeriod(first, paid, days, bp, bp_to_percent(bp), Worded(taken),
                        carried=found.notes)
        ]
    return _annual_interest(periods)


def _annual_interest(periods: list[DelayPeriod]) -> Interest:
    terms = Joined((Phrase("{bp} bp x {days} d", bp=p.rate_bp, days=p.days) for p in periods),
                   " + ")
    return Interest(tuple(periods), sum(p.rate_bp * p.days for p in periods),
                    INTEREST_DENOMINATOR, Worded(Phrase("({terms}) / (365 x 10,000)",
                                                        terms=terms)))


def clause_interest(clause: LatePayment, first: dt.date, paid: dt.date,
                    invoice_date: dt.date | None) -> Interest:
    """The interest of the delay ``first``..``paid`` as the clause writes it."""
    if clause.rule.kind == "percent_per_month":
        return _per_month(clause.rule, first, paid)
    return _annual(clause, first, paid, invoice_date)


def _split(period: DelayPeriod, piece: FloorPiece) -> DelayPeriod:
    """The part of ``period`` in ``piece``'s semester, at the higher of its rate and the
    floor (L441-10 II « ne peut toutefois fixer un taux inférieur »)."""
    carried = tuple(dict.fromkeys((*period.carried, *carried_notes(piece.legal))))
    if piece.bp > period.rate_bp:
        return DelayPeriod(piece.start, piece.end, piece.days, piece.bp,
                           bp_to_percent(piece.bp),
                           Worded(Phrase("{floor}, above the clause's {rate} % ({how})",
                                         floor=_floor_words(piece),
                                         rate=decimal_words(period.rate), how=period.how)),
                           clause_rate_bp=period.rate_bp, carried=carried)
    return DelayPeriod(piece.start, piece.end, piece.days, period.rate_bp, period.rate,
                       period.how, carried=carried)


def _floor_words(piece: FloorPiece) -> Joined:
    """The floor of a semester piece, with the mark of a provisional or user-supplied legal
    rate."""
    return Joined((piece.words(), "" if piece.legal is None else marked(piece.legal)))


def lawful_interest(written: Interest, cents: int) -> Interest | None:
    """``written`` under the L441-10 II floor, semester by semester; None when the floor
    never exceeds the clause (the clause's figure is then the lawful one).

    Annual rates: each semester piece at the higher of the two rates. A rate per month: the
    interest over the whole delay against the floor's over the same days, the larger owed
    (module :mod:`cgvlib.arithmetic.penalty_floor`).
    """
    first, last = written.periods[0].start, written.periods[-1].end
    pieces = floor_pieces(first, last)
    if not written.per_month:
        periods = [_split(p, _clip(piece, p)) for p in written.periods for piece in pieces
                   if piece.start <= p.end and p.start <= piece.end]
        if not any(p.floored for p in periods):
            return None
        return _annual_interest(periods)
    at_floor = _annual_interest([
        DelayPeriod(piece.start, piece.end, piece.days, piece.bp, bp_to_percent(piece.bp),
                    Worded(Phrase("{floor}: over the whole delay the floor gives more than the "
                                  "clause's {how}", floor=_floor_words(piece),
                                  how=written.periods[0].how)),
                    clause_rate_bp=written.periods[0].rate_bp,
                    carried=carried_notes(piece.legal))
        for piece in pieces
    ])
    if at_floor.cents(cents) <= written.cents(cents):
        return None
    return at_floor


def _clip(piece: FloorPiece, period: DelayPeriod) -> FloorPiece:
    return FloorPiece(max(piece.start, period.start), min(piece.end, period.end), piece.legal)


@lru_cache(maxsize=1)
def _statutory_indemnity_source() -> Source:
    from cgvlib.arithmetic.statutory import statutory

    return statutory().recovery_indemnity.source


def indemnity_terms(vendor: Vendor) -> tuple[int, str, tuple[Source, ...]]:
    """The indemnity per invoice paid late (cents), its working line, and its citation.

    L441-10 II / D441-5 give 40 EUR « de plein droit »: when the terms omit the indemnity
    (Leappy) or name it without an amount (GOUT), the statute's 40 EUR applies.
    """
    clause = vendor.recovery_indemnity
    statute = _statutory_indemnity_source()
    if isinstance(clause, Silent) or clause is None:
        return (
            STATUTORY_INDEMNITY_CENTS,
            Worded(Phrase("Indemnity: {amount}, set by D441-5 (« est fixé à 40 euros »); the "
                          "terms do not mention it, L441-10 II makes it due « de plein droit »",
                          amount=eur(STATUTORY_INDEMNITY_CENTS))),
            (statute,),
        )
    if clause.amount is None:
        return (
            STATUTORY_INDEMNITY_CENTS,
            Worded(Phrase("Indemnity: {amount}; the terms name it without an amount (art. "
                          "{article}), D441-5 sets it « à 40 euros »",
                          amount=eur(STATUTORY_INDEMNITY_CENTS), article=clause.source.article)),
            (clause.source, statute),
        )
    cents = to_cents(clause.amount, "recovery_indemnity.amount")
    per = (
        Phrase(" (counted once: the clause's « toute somme » is this one invoice)")
        if clause.per == "unpaid_sum"
        else ""
    )
    return cents, Worded(Phrase("Indemnity: {amount} per invoice paid late{per}",
                                amount=eur(cents), per=per)), (clause.source,)


def _start_words(
    clause: LatePayment, first: dt.date, due: dt.date, invoice_date: dt.date | None
) -> str:
    event, offset = delay_offset(clause)
    base = due if event == "due_date" else invoice_date
    if event == "due_date":
        words = (Phrase("day {n} after the due date", n=offset + 1) if offset
                 else Phrase("the day after the due date"))
    else:
        words = (Phrase("day {n} after the invoice date {day}", n=offset + 1,
                        day=day_words(invoice_date)) if offset
                 else Phrase("the day after the invoice date {day}", day=day_words(invoice_date)))
    if first > base + dt.timedelta(days=offset + 1):
        return Joined((words, Phrase(", held to the day after the due date: no delay runs "
                                     "before it")))
    return words


def _interest_lines(cents: int, interest: Interest) -> list[str]:
    """The periods and the one exact fraction, for the working."""
    lines = []
    for p in interest.periods:
        unit = Phrase(" per month") if interest.per_month and not p.floored else ""
        lines.append(Worded(Joined(("  ", Phrase(
            "{start}..{end}: {days} day(s) at {rate} %{unit}: {how}", start=day_words(p.start),
            end=day_words(p.end), days=p.days, rate=decimal_words(p.rate), unit=unit,
            how=p.how)))))
    exact = Decimal(cents * interest.weight) / interest.denominator
    lines.append(Worded(Phrase("Interest: {cents} cents x {terms} = {exact} cents, rounded "
                               "half-up once", cents=count_words(cents), terms=interest.terms,
                               exact=decimal_words(f"{exact:.4f}"))))
    return lines


def _floor_line(interest: Interest | None, lawful: Interest | None) -> str | None:
    """What the L441-10 II floor did to the figures, in one line."""
    if interest is None:
        return None
    if lawful is None:
        return Worded(Phrase("{article} floor (3 x the legal rate, semester by semester): the "
                             "clause's rate is not below it on any day of the delay, so the "
                             "clause's figure is the lawful one", article=FLOOR_ARTICLE))
    raised = {semester_label(p.start): p.start for p in lawful.periods if p.floored}
    semesters = Joined((semester_words(raised[key]) for key in sorted(raised)), ", ")
    return Worded(Phrase("{article}: « ne peut toutefois fixer un taux inférieur à trois fois le "
                         "taux d'intérêt légal »: the clause's rate is below that floor in "
                         "{semesters}, where the floor applies instead (the law over the "
                         "letter)", article=FLOOR_ARTICLE, semesters=semesters))


def _result(vendor: Vendor, clause: LatePayment, cents: int, due: dt.date, paid: dt.date,
            invoice_date: dt.date | None, first: dt.date, head: list[str],
            interest: Interest | None, notes: list[str],
            as_written: LatePaymentResult | None = None,
            carried: tuple[str, ...] = ()) -> LatePaymentResult:
    """A result from the exact interest of a reading (None: no day of delay)."""
    days_late = (paid - due).days
    working = list(head)
    if interest is None:
        working.append(Worded(Phrase("Days of delay: 0 (paid before the first day of delay): "
                                     "no interest")))
        interest_cents = 0
    else:
        working.append(Worded(Phrase("Days of delay: {days} ({first}..{paid}, the day of "
                                     "payment counted)", days=(paid - first).days + 1,
                                     first=day_words(first), paid=day_words(paid))))
        working += _interest_lines(cents, interest)
        interest_cents = interest.cents(cents)
    working += notes
    if clause.formal_notice == "required":
        working.append(Worded(Phrase(
            "Under this reading interest is owed only after a formal notice "
            "(mise en demeure) by registered letter; the figures assume it was sent "
            "(interest then counts from the first day of delay)"
        )))
    unit_cents, line, indemnity_sources = indemnity_terms(vendor)
    # L441-10 II: « Tout professionnel en situation de retard de paiement »: paid after the due
    # date, whatever day the clause's own penalty starts on.
    indemnity_cents = unit_cents if days_late >= 1 else 0
    working.append(line if days_late >= 1 else
                   Worded(Phrase("Indemnity: none, paid on or before the due date")))
    total_cents = interest_cents + indemnity_cents
    working.append(Worded(Phrase("Total: {interest} + {indemnity} = {total}",
                                 interest=eur(interest_cents), indemnity=eur(indemnity_cents),
                                 total=eur(total_cents))))
    if as_written is not None:
        working.append(Worded(Phrase("The clause as written, the floor aside: {written}; the "
                                     "floor adds {gap}", written=eur(as_written.total_cents),
                                     gap=eur(total_cents - as_written.total_cents))))
    periods = () if interest is None else interest.periods
    carried = tuple(dict.fromkeys((*(n for p in periods for n in p.carried), *carried)))
    if carried:
        working.append(Worded(Phrase("Provisional figure: {notes}", notes=joined_notes(carried))))
    per_month = interest is not None and interest.per_month and not periods[0].floored
    return LatePaymentResult(
        vendor=vendor.id,
        working=tuple(working),
        sources=(clause.source, *indemnity_sources),
        amount=euros(cents),
        amount_cents=cents,
        due=due,
        paid=paid,
        invoice_date=invoice_date,
        days_late=days_late,
        first_day_of_delay=first,
        days_of_delay=0 if interest is None else (paid - first).days + 1,
        rate=periods[0].rate if periods else None,
        rate_unit="per month" if per_month or (interest is None and
                                               clause.rule.kind == "percent_per_month")
        else "per year",
        periods=periods,
        interest=euros(interest_cents),
        interest_cents=interest_cents,
        indemnity=euros(indemnity_cents),
        indemnity_cents=indemnity_cents,
        total=euros(total_cents),
        total_cents=total_cents,
        as_written=as_written,
        provisional=bool(carried),
        provisional_note=joined_notes(carried) if carried else "",
    )


def _compute(
    vendor: Vendor,
    clause: LatePayment,
    cents: int,
    due: dt.date,
    paid: dt.date,
    invoice_date: dt.date | None,
) -> LatePaymentResult:
    """The result under one reading of the clause: the lawful figures, with the clause's own
    in ``as_written`` when the L441-10 II floor raised them."""
    first = first_day_of_delay(clause, due, invoice_date)
    head = [
        Worded(Phrase("Amount: {amount}, read as {base}", amount=eur(cents),
                      base=BASE_WORDS[clause.base])),
        Worded(Phrase("Due {due}, paid {paid}: {days} day(s) late (paid - due)",
                      due=day_words(due), paid=day_words(paid), days=(paid - due).days)),
        Worded(Phrase("First day of delay: {first} ({how})", first=day_words(first),
                      how=_start_words(clause, first, due, invoice_date))),
    ]
    written = clause_interest(clause, first, paid, invoice_date) if paid >= first else None
    floors = floor_applies(vendor.id) and written is not None
    lawful = lawful_interest(written, cents) if floors else None
    notes = []
    floor_notes: tuple[str, ...] = ()
    if floors:
        floor_notes = carried_notes(*(p.legal for p in floor_pieces(first, paid)))
        notes.append(_floor_line(written, lawful))
        if first < FLOOR_FROM:
            notes.append(Worded(Phrase("{article} floor: {why}", article=FLOOR_ARTICLE,
                                       why=NOT_BEFORE_2009)))
    as_written = _result(vendor, clause, cents, due, paid, invoice_date, first, head, written,
                         notes if lawful is None else
                         [Worded(Phrase("As written: the clause's own rate, the {article} "
                                        "floor aside (the lawful figure applies the floor)",
                                        article=FLOOR_ARTICLE))],
                         carried=floor_notes if lawful is None else ())
    if lawful is None:
        return as_written
    return _result(vendor, clause, cents, due, paid, invoice_date, first, head, lawful, notes,
                   as_written=as_written, carried=floor_notes)


def late_payment(
    vendor: Vendor | str, amount, due, paid, *, invoice_date=None, reading: str | None = None
) -> LatePaymentResult:
    """Interest (or penalty), fixed recovery indemnity and total for one invoice paid late.

    ``vendor``: a :class:`Vendor`, its id, or ``"statutory"`` (L441-10's default terms: ECB
    semester rate + 10 points, semester by semester). ``amount``: euros, the sum the clause's
    base names. ``due``/``paid``: dates (``paid`` on or after ``due``). ``invoice_date``: needed
    when the reading runs the delay from it or takes the rate in force on it (Leappy, GOUT,
    Teogest's day-31 readings). ``reading``: another reading (:func:`reading_names`): of an
    ambiguous clause (JANQUOR's month conventions; ioSmart's ECB rate; Teogest's six;
    Leappy's formal notice), or a clause's figure as written, the floor aside
    (``as_written``, ``<reading>/as_written``).

    The figures are the lawful ones: never below the L441-10 II floor, semester by semester;
    ``result.as_written`` holds the clause's own when the floor raised them. See the module
    docstring for the day counts and the exact formula.
    """
    v = as_vendor(vendor)
    clause = clause_of(v, "late_payment", "late-payment penalties")
    cents = amount_cents(amount, "amount")
    due_day = as_date(due, "due")
    paid_day = as_date(paid, "paid")
    invoice_day = None if invoice_date is None else as_date(invoice_date, "invoice_date")
    if paid_day < due_day:
        raise InputError(
            f"paid: {paid_day} is before the due date {due_day}; a late payment is "
            "paid on or after its due date"
        )
    if invoice_day is not None and invoice_day > due_day:
        raise InputError(
            f"invoice_date: {invoice_day} is after the due date {due_day}; an "
            "invoice falls due on or after its date"
        )
    if invoice_day is None and readings_needing_invoice_date(clause):
        raise missing_invoice_date_error(v, clause, "invoice_date")
    for variant in reading_variants(clause)[0].values():
        annual_rules(variant.rule)
        delay_offset(variant)

    def one(variant: LatePayment) -> LatePaymentResult:
        return _compute(v, variant, cents, due_day, paid_day, invoice_day)

    if not floor_applies(v.id):
        return over_readings(clause, one, reading=reading)
    return _under_the_floor(clause, one, reading)


def reading_names(clause: LatePayment, floors: bool) -> tuple[list[str], str]:
    """Every reading a late-payment figure can be asked under, and the default's name.

    The clause's own readings give the lawful figures (the L441-10 II floor applied); for an
    agreed rate each also has its ``as written`` counterpart, the floor aside: ``as_written``
    when the clause reads one way (its lawful reading is then ``lawful``), else
    ``<reading>/as_written``. The law's own default terms have no floor (``floors`` False,
    :func:`~cgvlib.arithmetic.penalty_floor.floor_applies`), hence no counterpart.
    """
    variants, default_name = reading_variants(clause)
    if not floors:
        return list(variants), default_name
    if len(variants) == 1:
        return [LAWFUL, AS_WRITTEN], LAWFUL
    return [*variants, *(as_written_name(n) for n in variants)], default_name


def as_written_name(reading: str) -> str:
    """The name of ``reading``'s figure as written, the floor aside."""
    return AS_WRITTEN if reading == LAWFUL else f"{reading}/{AS_WRITTEN}"


FLOOR_RULE = Worded(Phrase(
    "The law over the letter: an agreed rate may not be below three times the legal rate "
    "({article}), so the floor applies, semester by semester, wherever the clause gives less; "
    "the clause as written stays a reading with its own figure.", article=FLOOR_ARTICLE))


def _under_the_floor(clause: LatePayment, one, reading: str | None) -> LatePaymentResult:
    """Every reading's lawful result, with its ``as written`` counterpart where the floor
    raised the figure (:func:`reading_names`)."""
    variants, default_name = reading_variants(clause)
    single = len(variants) == 1
    names, _ = reading_names(clause, floors=True)
    if reading is not None and reading not in names:
        raise InputError(f"reading {reading!r} is not a reading of this clause; valid "
                         "readings: " + ", ".join(names))
    lawful = {(LAWFUL if single else name): one(variant) for name, variant in variants.items()}
    default = LAWFUL if single else default_name
    results = dict(lawful)
    meanings = {} if single else reading_meanings(clause)
    if single:
        meanings[LAWFUL] = Worded(Phrase("the clause under the {article} floor",
                                         article=FLOOR_ARTICLE))
    for name, result in lawful.items():
        written = as_written_name(name)
        if result.as_written is not None:
            results[written] = result.as_written
            meanings[written] = Worded(
                Phrase("the clause's own figure, the {article} floor aside",
                       article=FLOOR_ARTICLE) if single else
                Phrase("the clause's own figure under {reading}, the {article} floor aside",
                       reading=named(name), article=FLOOR_ARTICLE))
        elif reading == written:  # the floor changed nothing: the same figures
            results[written] = result
    if single and len(results) == 1:  # the floor changed nothing: one figure
        return lawful[LAWFUL]
    ambiguity = None if single else file_texts(
        c.ambiguity.note for _, c in ambiguous_clauses(clause))
    rule = FLOOR_RULE if single else _sentences(_default_rule(clause), FLOOR_RULE)
    return with_readings(results, reading, default, ambiguity=ambiguity, default_rule=rule,
                         meanings=meanings)


def _sentences(first: Worded, second) -> Worded:
    """The file's rule (said through the catalog), a full stop, then ``second``."""
    stop = "" if first.rstrip().endswith((".", ".)")) else "."
    return Worded(Joined((first, f"{stop} ", second)))


def _default_rule(clause: LatePayment) -> str:
    return file_texts(dict.fromkeys(c.ambiguity.why_default for _, c in ambiguous_clauses(clause)))


__all__ = ["DelayPeriod", "LatePaymentResult", "late_payment"]
