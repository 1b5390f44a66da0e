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
reads it in its ``compute`` (:func:`typed_euros`, :func:`typed_date`, :func:`typed_percent`),
so a text that cannot be read shows one message in the app's message line, in the app's
language (the field's name, what is wrong, a form that would be accepted), and the last good
figure stays.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import ipywidgets as widgets
from traitlets import Unicode

from cgvlib.amount_text import AMOUNT_ADVICE, PERCENT_ADVICE, parse_percent
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import translate
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


class AmountText(widgets.Text):
    """A text box for an amount in euros (see the module docstring)."""

    value = AmountTextTrait(help="the amount as typed").tag(sync=True)

    def __init__(self, value=None, **kwargs) -> None:
        kwargs.setdefault("continuous_update", False)
        kwargs.setdefault("placeholder", "10 000,50")
        super().__init__(value=value, **kwargs)


class PercentText(AmountText):
    """A text box for a percentage (``-15,5``), read by :func:`typed_percent`; a number given
    from Python becomes its plain text."""

    def __init__(self, value=None, **kwargs) -> None:
        kwargs.setdefault("placeholder", "12,5")
        super().__init__(value=value, **kwargs)


class DateTextTrait(Unicode):
    """The text of a date field; a date given from Python (``control.value =
    datetime.date(2024, 3, 15)``) becomes its text in the field's language (:func:`date_text`),
    None an empty field."""

    def validate(self, obj, value):
        if value is None or isinstance(value, dt.date):
            return date_text(value, getattr(obj, "lang", "en"))
        return super().validate(obj, value)


class DateText(widgets.Text):
    """A text box for a day, typed ``15/03/2024``, ``15 mars 2024`` or ``2024-03-15`` (see the
    module docstring); ``lang``: how a date given from Python is written in it."""

    value = DateTextTrait(help="the date as typed").tag(sync=True)

    def __init__(self, value=None, *, lang: str = "fr", **kwargs) -> None:
        self.lang = check_lang(lang)
        kwargs.setdefault("continuous_update", False)
        kwargs.setdefault("placeholder", "15/03/2024" if self.lang == "fr" else "2024-03-15")
        super().__init__(value=value, **kwargs)


def _refused(name: str, lang: str, label: str | None, english: str, said: str,
             **values) -> InputError:
    """The one-line refusal of a typed value: ``english`` (naming the field ``name``) in
    English; else ``said`` (the message in ``lang``, with ``{field}`` and ``values`` to fill),
    naming the field by its ``label``."""
    if check_lang(lang) == "en":
        return InputError(english)
    return InputError(said.format(field=label or name, **values))


def typed_euros(text: str, name: str, *, optional: bool = False, lang: str = "en",
                label: str | None = None) -> float | None:
    """The euros typed in an amount field, read by :func:`cgvlib.money.amount_cents` (which
    refuses anything else, naming ``name`` and showing an accepted form), as the float the
    apps pass on: exact to the cent, since it is read back by its shortest repr. An empty
    field is None when ``optional``, else refused. ``lang``, ``label``: the refusal's language
    and, in French, the field's name as the app shows it.

    >>> typed_euros("10 000,50 €", "amount")
    10000.5
    """
    if not text.strip():
        if optional:
            return None
        raise _refused(name, lang, label, f"{name}: empty; {AMOUNT_ADVICE}",
                       translate("{field}: empty; write an amount such as 10 000,50 or "
                                 "10000.50", lang))
    try:
        return float(cents_to_euros(amount_cents(text, name)))
    except InputError as refused:
        if lang == "en":
            raise
        raise _refused(name, lang, label, str(refused),
                       translate("{field}: {text} is not an amount in euros; write an amount "
                                 "such as 10 000,50 or 10000.50", lang),
                       text=_quoted(text, lang)) from None


def typed_date(text: str, name: str, *, optional: bool = False, lang: str = "en",
               label: str | None = None) -> dt.date | None:
    """The day typed in a date field (:class:`DateText`), read by
    :func:`cgvlib.dates.as_date`; an empty field is None when ``optional``, else refused with
    the accepted forms (as is a text that is not a date).

    >>> typed_date("15 mars 2024", "due")
    datetime.date(2024, 3, 15)
    """
    if not text.strip():
        if optional:
            return None
        raise _refused(name, lang, label,
                       f"{name}: empty; write a date such as 15/03/2024, 15 mars 2024 or "
                       "2024-03-15",
                       translate("{field}: empty; write a date such as 15/03/2024, 15 mars "
                                 "2024 or 2024-03-15", lang))
    try:
        return as_date(text, name)
    except InputError as refused:
        if lang == "en":
            raise
        raise _refused(name, lang, label, str(refused),
                       translate("{field}: {text} is not a date; write a date such as "
                                 "15/03/2024, 15 mars 2024 or 2024-03-15", lang),
                       text=_quoted(text, lang)) from None


def typed_percent(text: str, name: str, *, lang: str = "en",
                  label: str | None = None) -> float:
    """The percentage typed in a :class:`PercentText` field (:func:`parse_percent`: ``-15,5``
    or ``12.5 %``), as the float the apps pass on; anything else, or an empty field, is
    refused with an accepted form."""
    try:
        return float(parse_percent(text))
    except ValueError:
        raise _refused(name, lang, label,
                       f"{name}: {text!r} is not a percentage; {PERCENT_ADVICE}",
                       translate("{field}: {text} is not a percentage; write a percentage "
                                 "such as 0,5 or 12.5", lang),
                       text=_quoted(text, lang)) from None


def _quoted(text: str, lang: str) -> str:
    return f"« {text.strip()} »" if lang == "fr" else repr(text)
