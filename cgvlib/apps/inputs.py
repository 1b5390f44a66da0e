"""Fields where a user types an amount: a text box read as cgvlib reads every typed amount
(:func:`cgvlib.money.amount_cents`: ``10 000,50``, ``10000,50``, ``10000.50``, ``10 000 €``),
so that an amount is typed as it is written in French or in English. A number box
(``FloatText``) would take neither the comma nor the spaces.

The field sends its text when the user presses Enter or leaves it (not at every key). The app
reads it with :func:`typed_euros` in its ``compute``, so a text that is not an amount shows
one message in the app's message line (the field's name, what is wrong, a form that would be
accepted) and the last good figure stays.
"""

from __future__ import annotations

from decimal import Decimal

import ipywidgets as widgets
from traitlets import Unicode

from cgvlib.amount_text import AMOUNT_ADVICE
from cgvlib.errors import InputError
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


def typed_euros(text: str, name: str, *, optional: bool = False) -> float | None:
    """The euros typed in an amount field, read by :func:`cgvlib.money.amount_cents` (which
    refuses anything else, naming ``name`` and showing an accepted form), as the float the
    apps pass on: exact to the cent, since it is read back by its shortest repr. An empty
    field is None when ``optional``, else refused.

    >>> typed_euros("10 000,50 €", "amount")
    10000.5
    """
    if not text.strip():
        if optional:
            return None
        raise InputError(f"{name}: empty; {AMOUNT_ADVICE}")
    return float(cents_to_euros(amount_cents(text, name)))
