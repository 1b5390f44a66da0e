"""Exact money and rates: the one place the project's arithmetic conventions are settled.

- Amounts are integer **cents** (``int``); rates are integer **basis points** (15.21 % = 1521 bp);
  day counts are integers. Floats appear only in charts.
- Interest for one period is the exact fraction ``cents * bp * days / (365 * 10_000)``
  (day count **actual/365 fixed**: leap years are not special). The numerators of all periods
  are summed and the total is rounded **once, half-up, to the cent** (:func:`div_round_half_up`).
- Display formats the already-rounded cents (:func:`format_eur`); it never rounds again.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from cgvlib.errors import InputError
from cgvlib.lang import check_lang

DAYS_IN_YEAR = 365  # actual/365 fixed
BP_PER_UNIT = 10_000  # basis points in 1 (100 %)
INTEREST_DENOMINATOR = DAYS_IN_YEAR * BP_PER_UNIT


def _decimal(value, name: str) -> Decimal:
    if isinstance(value, bool):
        raise InputError(f"{name}: expected a number, got {value!r}")
    try:
        d = Decimal(str(value)) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        raise InputError(f"{name}: {value!r} is not a number") from None
    if not d.is_finite():
        raise InputError(f"{name}: {value!r} is not a finite number")
    return d


def to_cents(euros, name: str = "amount", *, allow_negative: bool = False) -> int:
    """Euros (number or numeric string) to integer cents, rounding half-up at the cent.

    ``to_cents(12.345) == 1235``: the float's shortest repr ``'12.345'`` is used, so a value
    typed as 12.345 is taken as typed, not as its binary approximation.
    """
    d = _decimal(euros, name)
    if d < 0 and not allow_negative:
        raise InputError(f"{name}: {euros!r} is negative; give an amount of 0 or more euros")
    return int((d * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent_to_bp(percent, name: str = "rate") -> int:
    """A rate in percent (15.21 means 15.21 %) to integer basis points (1521).

    Rates with more than two decimals are refused rather than rounded silently.
    """
    d = _decimal(percent, name) * 100
    if d != d.to_integral_value():
        raise InputError(f"{name}: {percent!r} % has more than two decimals; give e.g. 4.22")
    return int(d)


def bp_to_percent(bp: int) -> Decimal:
    """1521 -> Decimal('15.21')."""
    return (Decimal(bp) / 100).quantize(Decimal("0.01"))


def div_round_half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half-up (away from zero at .5), exactly, on ints."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    q, r = divmod(abs(numerator), denominator)
    return sign * (q + (1 if 2 * r >= denominator else 0))


def round_half_up(value: Fraction | int) -> int:
    """An exact rational (e.g. cents x a percentage as a Fraction) rounded half-up to an int:
    the project's one rounding, for computations kept as fractions until the end."""
    value = Fraction(value)
    return div_round_half_up(value.numerator, value.denominator)


def percent_fraction(percent) -> Fraction:
    """A percentage (15.21, Decimal('15.21'), '15.21') as an exact fraction of 1 (1521/10000)."""
    return Fraction(percent_to_bp(percent), BP_PER_UNIT)


def cents_to_euros(cents: int) -> Decimal:
    """1235 -> Decimal('12.35')."""
    return Decimal(cents).scaleb(-2)


NBSP, NARROW_NBSP = "\u00a0", "\u202f"


def format_eur(cents: int, lang: str = "en") -> str:
    """Format already-rounded cents: ``'1,234.56 EUR'`` (en) or ``'1 234,56 €'`` (fr).

    Pure string work on the integer: no second rounding can happen here.
    """
    check_lang(lang)
    sign = "-" if cents < 0 else ""
    units, hundredths = divmod(abs(int(cents)), 100)
    grouped = f"{units:,}"
    if lang == "fr":
        grouped = grouped.replace(",", NARROW_NBSP)
        return f"{sign}{grouped},{hundredths:02d}{NBSP}€"
    return f"{sign}{grouped}.{hundredths:02d} EUR"


def format_percent(percent: Decimal | int | str, lang: str = "en") -> str:
    """An exact percentage as written: ``'15.21 %'`` (en) or ``'15,21\u00a0%'`` (fr).

    The value is shown with the digits it has (``Decimal('8.07')``); nothing is rounded."""
    check_lang(lang)
    text = f"{Decimal(str(percent)).normalize():f}"
    if lang == "fr":
        return text.replace(".", ",") + f"{NBSP}%"
    return f"{text} %"
