"""Fields where a user types an amount, a date or a percentage, read as cgvlib reads every
typed value, so that each is typed as it is written in French or in English:

- :class:`AmountText`: euros, read by :func:`cgvlib.money.amount_cents` (``10 000,50``,
  ``10000,50``, ``10000.50``, ``10 000 €``); a number box (``FloatText``) would take neither
  the comma nor the spaces;
- :class:`DateText`: a day, read by :func:`cgvlib.dates.as_date` (``15/03/2024``,
  ``15 mars 2024``, ``1er mars 2024``, ``2024-03-15``); a date picker shows the browser's own
  format and language, and takes no typed French date;
- :class:`PercentText`: a percentage with a decimal comma or point (``-15,5``, ``12.5 %``),
  read by :func:`parse_percent`.

A field sends its text when the user presses Enter or leaves it (not at every key). The app
reads it in its ``compute`` (:func:`typed_euros`, :func:`typed_date`, :func:`typed_percent`,
each :func:`read_typed` with its :class:`FieldKind`), so a text that cannot be read shows one
message in the app's message line, in the app's language (the field's name, what is wrong and
why, a form that would be accepted), and the last good figure stays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import ipywidgets as widgets
from traitlets import Unicode

from cgvlib.amount_text import parse_amount, parse_percent
from cgvlib.date_text import TypedTextError, parse_date_text
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase
from cgvlib.lang import check_lang
from cgvlib.money import amount_cents, cents_to_euros, is_missing


def number_text(value) -> str:
    """A number as plain text, as a user would type it: ``5000.0`` -> ``'5000'``,
    ``1234.56`` -> ``'1234.56'``; None or NaN -> ``''`` (an empty field)."""
    if is_missing(value):
        return ""
    number = Decimal(str(value))
    if not number.is_finite():
        return str(value)
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number.normalize():f}"


def date_text(day: dt.date | None, lang: str) -> str:
    """A day as a user of ``lang`` types it: ``15/03/2024`` (fr) or ``2024-03-15`` (en); None
    -> ``''`` (an empty field)."""
    if day is None:
        return ""
    return f"{day:%d/%m/%Y}" if check_lang(lang) == "fr" else day.isoformat()


class AmountTextTrait(Unicode):
    """The text of an amount field; a number given from Python (``control.value = 5000``)
    becomes its plain text (:func:`number_text`), None an empty field."""

    def validate(self, obj, value):
        if value is None or (not isinstance(value, str | bool) and isinstance(
                value, int | float | Decimal)):
            return number_text(value)
        return super().validate(obj, value)


class TypedText(widgets.Text):
    """A text box read when the user presses Enter or leaves it, showing an accepted form
    (``placeholder``) while empty."""

    placeholder_text = ""

    def __init__(self, value=None, **kwargs) -> None:
        kwargs.setdefault("continuous_update", False)
        kwargs.setdefault("placeholder", self.placeholder_text)
        super().__init__(value=value, **kwargs)


class AmountText(TypedText):
    """A text box for an amount in euros (see the module docstring)."""

    value = AmountTextTrait(help="the amount as typed").tag(sync=True)
    placeholder_text = "10 000,50"


class PercentText(AmountText):
    """A text box for a percentage (``-15,5``), read by :func:`typed_percent`; a number given
    from Python becomes its plain text."""

    placeholder_text = "12,5"


class DateTextTrait(Unicode):
    """The text of a date field; a date given from Python (``control.value =
    datetime.date(2024, 3, 15)``) becomes its text in the field's language (:func:`date_text`),
    None an empty field."""

    def validate(self, obj, value):
        if value is None or isinstance(value, dt.date):
            return date_text(value, getattr(obj, "lang", "en"))
        return super().validate(obj, value)


class DateText(TypedText):
    """A text box for a day, typed ``15/03/2024``, ``15 mars 2024`` or ``2024-03-15`` (see the
    module docstring); ``lang``: how a date given from Python is written in it."""

    value = DateTextTrait(help="the date as typed").tag(sync=True)

    def __init__(self, value=None, *, lang: str = "fr", **kwargs) -> None:
        self.lang = check_lang(lang)
        self.placeholder_text = "15/03/2024" if self.lang == "fr" else "2024-03-15"
        super().__init__(value=value, **kwargs)


# --------------------------------------------------------------------------- reading a field


@dataclass(frozen=True)
class FieldKind:
    """What a kind of field reads, and its words when it cannot.

    ``read``: the library's reader, ``(text, name) -> value``, raising an English
    :class:`InputError` that names the field; ``explain``: the text's own reading, raising a
    :class:`~cgvlib.date_text.TypedTextError` that says why in each language (it may accept a
    text ``read`` refuses by a rule of its own, a negative amount); ``empty``, ``not_read``:
    the refusal of an empty field, and of a text whose reason is that rule (``{field}``,
    ``{text}``), each with a form that is accepted."""

    read: Callable[[str, str], object]
    explain: Callable[[str], object]
    empty: Phrase
    not_read: Phrase


def _percent(text: str, name: str) -> float:
    try:
        return float(parse_percent(text))
    except TypedTextError as refused:
        raise InputError(f"{name}: {refused.say(text, 'en')}") from None


AMOUNT = FieldKind(
    read=lambda text, name: float(cents_to_euros(amount_cents(text, name))),
    explain=parse_amount,
    empty=Phrase("{field}: empty; write an amount such as 10 000,50 or 10000.50"),
    not_read=Phrase("{field}: {text} is not an amount in euros; write an amount such as "
                    "10 000,50 or 10000.50"))
DATE = FieldKind(
    read=as_date,
    explain=parse_date_text,
    empty=Phrase("{field}: empty; write a date such as 15/03/2024, 15 mars 2024 or "
                 "2024-03-15"),
    not_read=Phrase("{field}: {text} is not a date; write a date such as 15/03/2024, 15 mars "
                    "2024 or 2024-03-15"))
PERCENT = FieldKind(
    read=_percent,
    explain=parse_percent,
    empty=Phrase("{field}: empty; write a percentage such as 0,5 or 12.5"),
    not_read=Phrase("{field}: {text} is not a percentage; write a percentage such as 0,5 or "
                    "12.5"))


def read_typed(kind: FieldKind, text: str, name: str, *, optional: bool = False,
               lang: str = "en", label: str | None = None):
    """The value typed in a field of ``kind``: an empty field is None when ``optional``, else
    refused; a text that cannot be read is refused in one line in ``lang``, naming the field
    (``name`` in English, its ``label`` as the app shows it in French), saying why and
    showing a form that is accepted. English refusals are the library's own messages."""
    field = name if check_lang(lang) == "en" or label is None else label
    if not text.strip():
        if optional:
            return None
        raise InputError(kind.empty.say(lang).format(field=field))
    try:
        return kind.read(text, name)
    except InputError:
        if lang == "en":
            raise
        try:
            kind.explain(text)
        except TypedTextError as refused:
            why = refused.say(text, lang, shown=_quoted(text, lang))
            raise InputError(Phrase("{field}: {refusal}", field=field, refusal=why)
                             .say(lang)) from None
        raise InputError(kind.not_read.say(lang).format(field=field,
                                                        text=_quoted(text, lang))) from None


def typed_euros(text: str, name: str, *, optional: bool = False, lang: str = "en",
                label: str | None = None) -> float | None:
    """The euros typed in an amount field (:func:`read_typed`), read by
    :func:`cgvlib.money.amount_cents`, as the float the apps pass on: exact to the cent,
    since it is read back by its shortest repr.

    >>> typed_euros("10 000,50 €", "amount")
    10000.5
    """
    return read_typed(AMOUNT, text, name, optional=optional, lang=lang, label=label)


def typed_date(text: str, name: str, *, optional: bool = False, lang: str = "en",
               label: str | None = None) -> dt.date | None:
    """The day typed in a date field (:class:`DateText`, :func:`read_typed`), read by
    :func:`cgvlib.dates.as_date`.

    >>> typed_date("15 mars 2024", "due")
    datetime.date(2024, 3, 15)
    """
    return read_typed(DATE, text, name, optional=optional, lang=lang, label=label)


def typed_percent(text: str, name: str, *, optional: bool = False, lang: str = "en",
                  label: str | None = None) -> float | None:
    """The percentage typed in a :class:`PercentText` field (:func:`read_typed`, read by
    :func:`parse_percent`: ``-15,5`` or ``12.5 %``), as the float the apps pass on."""
    return read_typed(PERCENT, text, name, optional=optional, lang=lang, label=label)


def _quoted(text: str, lang: str) -> str:
    return f"« {text.strip()} »" if lang == "fr" else repr(text)
