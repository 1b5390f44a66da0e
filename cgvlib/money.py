"""Exact money and rates: the one place the project's arithmetic conventions are settled.

- Amounts are integer **cents** (``int``); rates are integer **basis points** (15.21 % = 1521 bp);
  day counts are integers. Floats appear only in charts.
- Interest for one period is the exact fraction ``cents * bp * days / (365 * 10_000)``
  (day count **actual/365 fixed**: leap years are not special). The numerators of all periods
  are summed and the total is rounded **once, half-up, to the cent** (:func:`div_round_half_up`).
- Display formats the already-rounded cents (:func:`format_eur`, with Babel for a page); it
  never rounds again (the display rule, below).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as babel_format_percent

from cgvlib.amount_text import AMOUNT_ADVICE_WORDS, AmountTextError, parse_amount
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase
from cgvlib.lang import BABEL_LOCALES, check_lang

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


# --------------------------------------------------------------------------- amounts given by users
# The one rule for an amount a user gives (an invoice, a payment, a monthly fee), in euros or
# in cents: :func:`amount_cents` applies it to one value, and
# :mod:`cgvlib.arithmetic.frame_inputs` to a whole DataFrame column with the same words.

INT64_MAX = 2**63 - 1  # 9,223,372,036,854,775,807
MAX_AMOUNT_CENTS = 10_000_000_000  # 100,000,000.00 EUR
# Why: the vectorised interest is the exact int64 product cents x basis points x days (x 12
# for a rate per month). 10^10 cents x 10,000 bp (100 % a year) x 92,233 days (252 years)
# stays below INT64_MAX; larger amounts could overflow it silently.
MAX_AMOUNT_WHY = Phrase("the exact arithmetic computes cents x basis points x days in 64-bit "
                        "integers (at most 9,223,372,036,854,775,807), and 10,000,000,000 "
                        "cents x 10,000 bp (100 % a year) x 92,233 days (252 years) still fits")

# problem -> (verb before the reason in a one-value message, reason, advice), per unit; the
# reason and the advice are words (their English as ``str``, French through the catalog)
_REFUSALS = {
    "euros": {
        "kind": ("is", Phrase("not a number of euros"),
                 Phrase("give euros as numbers with at most two decimals, e.g. 1234.56")),
        "missing": ("is", Phrase("missing (NaN, None or NaT)"),
                    Phrase("give every amount, 0 or more euros")),
        "negative": ("is", Phrase("negative"), Phrase("give an amount of 0 or more euros")),
        "too_large": ("is", Phrase("above 100,000,000.00 EUR, the limit of exact int64 amounts"),
                      MAX_AMOUNT_WHY),
        "sub_cent": ("has", Phrase("fractions of a cent"),
                     Phrase("give euros with at most two decimals, e.g. 1234.56")),
    },
    "cents": {
        "kind": ("is", Phrase("not a number of cents"),
                 Phrase("give whole cents as integers, e.g. 123456")),
        "missing": ("is", Phrase("missing (NaN, None or NaT)"),
                    Phrase("give every amount, 0 or more cents")),
        "negative": ("is", Phrase("negative"), Phrase("give an amount of 0 or more cents")),
        "too_large": ("is", Phrase("above 10,000,000,000 cents (100,000,000.00 EUR), the limit "
                                   "of exact int64 amounts"), MAX_AMOUNT_WHY),
        "sub_cent": ("has", Phrase("fractions of a cent"),
                     Phrase("give whole cents as integers, e.g. 123456")),
    },
}
# A one-value message, by its verb: "amount: -5 is negative; give ..."
_REFUSAL_SENTENCES = {
    "is": Phrase("{name}: {value} is {reason}; {advice}"),
    "has": Phrase("{name}: {value} has {reason}; {advice}"),
}
AMOUNT_PROBLEMS = tuple(_REFUSALS["euros"])  # the order they are checked in


def amount_refusal(problem: str, unit: str = "euros") -> tuple[str, Phrase, Phrase]:
    """``(verb, reason, advice)`` of an amount refused for ``problem`` (one of
    :data:`AMOUNT_PROBLEMS`: kind, missing, negative, too_large, sub_cent); the reason and the
    advice are :class:`~cgvlib.i18n.Phrase` (``str()`` gives their English)."""
    return _REFUSALS[unit][problem]


def shown(value):
    """``value`` as Python shows it in a message (a numpy scalar as its Python twin)."""
    if not isinstance(value, str | bytes) and type(value).__module__ == "numpy" and hasattr(
            value, "item"):
        return value.item()
    return value


def is_missing(value) -> bool:
    """None, NaN (float, numpy or Decimal), NaT or pandas NA: a value not given."""
    if value is None or type(value).__name__ in ("NaTType", "NAType"):
        return True
    if isinstance(value, Decimal):
        return value.is_nan()
    if isinstance(value, str | bytes):
        return False
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _is_real_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float | Decimal):
        return True
    return type(value).__module__ == "numpy" and getattr(value, "dtype", None) is not None \
        and value.dtype.kind in "iuf"


def amount_cents(value, name: str = "amount", *, unit: str = "euros") -> int:
    """An amount a user gives, in euros (``unit="cents"``: in cents), as integer cents.

    Refused, each with :func:`amount_refusal`'s words (the same as for a
    DataFrame column): anything but a real number or a numeric string (a bool, a complex, a
    date, a timedelta, ``'abc'``, ``'nan'``, infinity); a missing value (None, NaN, NaT);
    a negative amount; an amount above :data:`MAX_AMOUNT_CENTS` (100,000,000.00 EUR, the
    limit of exact int64 arithmetic); fractions of a cent (12.345 EUR is an input error,
    never a silent rounding). A float is read as typed (its shortest repr).

    A string is read as people type amounts (:mod:`cgvlib.amount_text`): ``'10 000,50'``,
    ``'10000.50'``, ``'10000,50'``, ``'10 000 €'``, ``'10 000,50 EUR'``; a form that could be
    read two ways (``'1,234.56'``, ``'1.234,56'``, ``'1,234'``) is refused with one that
    cannot:

    >>> amount_cents("10 000,50 €", "invoice_amount")
    1000050
    >>> amount_cents("1.234,56", "invoice_amount")
    Traceback (most recent call last):
    ...
    cgvlib.errors.InputError: invoice_amount: '1.234,56' is ambiguous: it has both a comma and a point (1,234.56 or 1.234,56?); group thousands with spaces and put one comma or point before the cents; write an amount such as 10 000,50 or 10000.50
    """  # noqa: E501

    def refuse(problem: str):
        verb, reason, advice = amount_refusal(problem, unit)
        sentence = _REFUSAL_SENTENCES[verb]
        return InputError(Phrase(sentence.msgid, name=name, value=repr(shown(value)),
                                 reason=reason, advice=advice))

    if is_missing(value):
        raise refuse("missing")
    if not (isinstance(value, str) or _is_real_number(value)):
        raise refuse("kind")
    if isinstance(value, str):
        try:
            d = parse_amount(value, currency=unit == "euros")
        except AmountTextError as refused:
            advice = AMOUNT_ADVICE_WORDS if unit == "euros" else amount_refusal("kind", unit)[2]
            refusal = Phrase(refused.words.msgid, value=repr(value), **refused.words.values)
            raise InputError(Phrase("{name}: {refusal}; {advice}", name=name, refusal=refusal,
                                    advice=advice)) from None
    else:
        try:
            d = value if isinstance(value, Decimal) else Decimal(str(value))
        except (InvalidOperation, ValueError):
            raise refuse("kind") from None
    if not d.is_finite():
        raise refuse("kind")
    if d < 0:
        raise refuse("negative")
    cents = d * 100 if unit == "euros" else d
    if cents > MAX_AMOUNT_CENTS:
        raise refuse("too_large")
    if cents != cents.to_integral_value():
        raise refuse("sub_cent")
    return int(cents)


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

# --------------------------------------------------------------------------- display
# The display rule, stated once: an amount is shown from cents the arithmetic has already
# rounded (half-up, once); the display never rounds again. Babel (like Python's ``round``)
# rounds half-even, so it is only given the exact Decimal ``cents / 100`` built from the
# integer (two places, nothing to round) and told not to quantize (``decimal_quantization=
# False``: it would print more digits rather than round any). Cents that are not a whole
# number are refused, never rounded here.


def exact_euros(cents) -> Decimal:
    """Whole ``cents`` as the exact two-place Decimal a formatter may print as it is:
    ``123456 -> Decimal('1234.56')``. A fraction of a cent (``2.5``) is refused: round it
    first (:func:`div_round_half_up`), the display does not round."""
    if isinstance(cents, bool) or not _is_real_number(cents) or is_missing(cents) \
            or Decimal(str(shown(cents))) != int(cents):
        raise InputError(f"cents: {shown(cents)!r} is not a whole number of cents; amounts are "
                         "shown only once rounded to the cent (div_round_half_up)")
    return Decimal(int(cents)).scaleb(-2)


def format_eur(cents: int, lang: str | None = None) -> str:
    """Already-rounded ``cents`` for a page, by Babel for ``lang``: ``'1 234,56 €'`` (fr: a
    narrow no-break space between thousands, a no-break space before €) or ``'€1,234.56'``
    (en). Without ``lang``: ``'1,234.56 EUR'``, the library's working text (``explain()``,
    messages). Nothing is rounded (see the display rule above)."""
    euros = exact_euros(cents)
    if lang is None:
        sign = "-" if euros < 0 else ""
        return f"{sign}{abs(euros):,.2f} EUR"
    return format_currency(euros, "EUR", locale=BABEL_LOCALES[check_lang(lang)],
                           decimal_quantization=False)


def format_number(value, lang: str, *, keep_zeros: bool = False) -> str:
    """A number for a page with the digits it has (``Decimal('12345.678')`` ->
    ``'12 345,678'`` in French, ``'12,345.678'`` in English): Babel's separators, no
    rounding. ``keep_zeros``: its trailing zeros kept too (a sum ``Decimal('1000.00')`` ->
    ``'1 000,00'``), where by default they are dropped (``'1 000'``)."""
    number = _decimal(value, "number")
    places = max(0, -number.as_tuple().exponent) if keep_zeros else 0
    pattern = "#,##0." + "0" * places if places else None
    return format_decimal(number, format=pattern, locale=BABEL_LOCALES[check_lang(lang)],
                          decimal_quantization=False)


def format_percent(percent: Decimal | int | str, lang: str | None = None) -> str:
    """An exact percentage (15.21 means 15.21 %) with the digits it has, by Babel for ``lang``:
    ``'15,21\u00a0%'`` (fr) or ``'15.21%'`` (en). Without ``lang``: ``'15.21 %'``, the
    library's working text. Nothing is rounded."""
    value = _decimal(percent, "percent")
    if lang is None:
        return f"{value.normalize():f} %"
    return babel_format_percent(value.scaleb(-2), locale=BABEL_LOCALES[check_lang(lang)],
                                decimal_quantization=False)
