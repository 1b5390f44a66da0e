"""The floor the law puts under an agreed late-penalty rate.

Code de commerce L441-10 II: « Sauf disposition contraire qui ne peut toutefois fixer un taux
inférieur à trois fois le taux d'intérêt légal, ce taux est égal au taux d'intérêt appliqué
par la Banque centrale européenne [...] majoré de 10 points de pourcentage. »

The operative answer is the law over the letter: a late-penalty figure is never below the
floor. The legal interest rate is set per semester (Code monétaire et financier L313-2), so
the floor is taken semester by semester over the delay: every semester piece of the delay runs
at the higher of the clause's rate for that piece and three times that semester's legal rate
(the value for professional creditors, « tous les autres cas »). The clause as written stays
a reading with its own figure (:mod:`cgvlib.arithmetic.late_payment`).

- A rate per month is a sum per month of delay, not a rate that can be set beside an annual
  one piece by piece: the interest it yields over the whole delay is compared with the
  interest at the floor over the same days, and the larger is owed. Half-up rounding never
  reverses an order, so the larger of two rounded figures is the larger figure rounded: one
  rounding still.
- Since when: loi n° 2008-776 du 4 août 2008 (LME) set the floor at three times the legal rate
  from 1 January 2009; before, it was one and a half times. That earlier floor is not
  modelled: the days of a delay before 2009 are computed as written, and the working says so.
- Not for the law's own default rate (the ``statutory`` terms, ECB + 10 points): the floor
  bounds what the parties agree (« sauf disposition contraire qui ne peut toutefois »), not the
  rate the law applies when they agree none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cgvlib.arithmetic.statutory import FLOOR_MULTIPLE
from cgvlib.arithmetic.working_words import Worded, decimal_words, semester_words, year_words
from cgvlib.i18n import Phrase
from cgvlib.money import bp_to_percent
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.months import semester_bounds_between
from cgvlib.reference.series import AsOf

FLOOR_FROM = dt.date(2009, 1, 1)  # loi n° 2008-776 (LME): three times the legal rate
ARTICLE = "L441-10 II"
NOT_BEFORE_2009 = Worded(Phrase(
    "before 2009 the floor was one and a half times the legal rate (before loi n° 2008-776), "
    "not modelled: those days are computed as written"
))


@dataclass(frozen=True)
class FloorPiece:
    """One semester piece ``start``..``end`` (both included) of a delay, with the legal rate
    its floor is three times (``None`` before 2009, where the floor of the time is not
    modelled: ``bp`` is then 0)."""

    start: dt.date
    end: dt.date
    legal: AsOf | None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def bp(self) -> int:
        return 0 if self.legal is None else FLOOR_MULTIPLE * self.legal.bp

    def words(self) -> Worded:
        if self.legal is None:
            return Worded(Phrase("no floor modelled in {semester} ({why})",
                                 semester=semester_words(self.start), why=NOT_BEFORE_2009))
        annual = (self.legal.end - self.legal.start).days > 200  # 2005-2014: a rate per year
        when = year_words(self.start.year) if annual else semester_words(self.start)
        return Worded(Phrase("{multiple} x legal rate {rate} % ({when}) = {floor} %, the "
                             "{article} floor", multiple=FLOOR_MULTIPLE,
                             rate=decimal_words(self.legal.value), when=when,
                             floor=decimal_words(bp_to_percent(self.bp)), article=ARTICLE))


def floor_bp_on(day: dt.date) -> int:
    """The L441-10 II floor on ``day`` in basis points: three times the legal rate
    (professional creditors) of its semester; 0 before 2009 (not modelled). Past the
    reference data: :class:`~cgvlib.errors.OutOfCoverageError`."""
    return FloorPiece(day, day, _legal(day)).bp


def _legal(day: dt.date) -> AsOf | None:
    return None if day < FLOOR_FROM else legal_rate(day, "professional")


def floor_pieces(first: dt.date, last: dt.date) -> list[FloorPiece]:
    """The delay ``first``..``last`` split at 1 January / 1 July, each piece with its floor."""
    return [FloorPiece(s, e, _legal(s)) for s, e in semester_bounds_between(first, last)]


def floor_applies(vendor_id: str) -> bool:
    """True for an agreed rate; False for the law's own default terms (``statutory``)."""
    from cgvlib.arithmetic.common import STATUTORY_ID

    return vendor_id != STATUTORY_ID


__all__ = ["ARTICLE", "FLOOR_FROM", "FloorPiece", "floor_applies", "floor_bp_on", "floor_pieces"]
