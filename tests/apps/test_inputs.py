"""The typed fields (amount, date, percentage): one reading and one refusal for all three,
in the app's language, with the reason and a form that is accepted."""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.apps.inputs import (
    AMOUNT,
    DATE,
    PERCENT,
    AmountText,
    DateText,
    PercentText,
    TypedText,
    read_typed,
    typed_date,
    typed_euros,
    typed_percent,
)
from cgvlib.errors import InputError

FR_DATE_FORMS = "écrivez une date telle que 15/03/2024, 15 mars 2024 ou 2024-03-15"
FR_AMOUNT_FORMS = "écrivez un montant tel que 10 000,50 ou 10000.50"


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return str(info.value)


def test_each_field_reads_its_text():
    assert typed_euros("10 000,50 €", "amount") == 10_000.5
    assert typed_date("1er mars 2024", "due") == dt.date(2024, 3, 1)
    assert typed_percent("-15,5", "deviation") == -15.5
    assert typed_euros(" ", "amount", optional=True) is None
    assert typed_date("", "due", optional=True) is None
    assert typed_percent("", "deviation", optional=True) is None


@pytest.mark.parametrize(("kind", "text", "french"), [
    # 2023 is not a leap year: February has 28 days
    (DATE, "29/02/2023", "« 29/02/2023 » n'est pas une date : février 2023 a 28 jours ; "
                         f"{FR_DATE_FORMS}"),
    (DATE, "2024-04-31", "« 2024-04-31 » n'est pas une date : avril 2024 a 30 jours ; "
                         f"{FR_DATE_FORMS}"),
    (AMOUNT, "1,500", "« 1,500 » est ambigu : 1500 euros ou 1,50 euros ? groupez les milliers "
                      f"par des espaces et donnez au plus deux décimales ; {FR_AMOUNT_FORMS}"),
    # read as an amount, refused by the rule of amounts (no negative invoice)
    (AMOUNT, "-10", f"« -10 » n'est pas un montant en euros ; {FR_AMOUNT_FORMS}"),
    (PERCENT, "cinq", "« cinq » n'est pas un pourcentage ; écrivez un pourcentage tel que 0,5 "
                      "ou 12.5"),
])
def test_one_refusal_in_french_names_the_field_and_says_why(kind, text, french):
    assert refused(read_typed, kind, text, "field", lang="fr", label="Champ") == (
        f"Champ : {french}")


def test_english_refusals_are_the_librarys_own():
    assert refused(typed_date, "29/02/2023", "paid") == (
        "paid: '29/02/2023' is not a calendar date: February 2023 has 28 days; write a date "
        "such as 15/03/2024, 15 mars 2024 or 2024-03-15")
    assert refused(typed_euros, "-10", "amount") == (
        "amount: '-10' is negative; give an amount of 0 or more euros")
    assert refused(typed_percent, "cinq", "deviation") == (
        "deviation: 'cinq' is not a percentage; write a percentage such as 0,5 or 12.5")


@pytest.mark.parametrize(("kind", "english", "french"), [
    (AMOUNT, "amount: empty; write an amount such as 10 000,50 or 10000.50",
     f"Champ : vide ; {FR_AMOUNT_FORMS}"),
    (DATE, "amount: empty; write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15",
     f"Champ : vide ; {FR_DATE_FORMS}"),
    (PERCENT, "amount: empty; write a percentage such as 0,5 or 12.5",
     "Champ : vide ; écrivez un pourcentage tel que 0,5 ou 12.5"),
])
def test_an_empty_field_is_refused_unless_optional(kind, english, french):
    assert refused(read_typed, kind, "", "amount") == english
    assert refused(read_typed, kind, "  ", "amount", lang="fr", label="Champ") == french


def test_the_fields_share_one_text_box():
    for box, placeholder in [(AmountText(), "10 000,50"), (PercentText(), "12,5"),
                             (DateText(), "15/03/2024"), (DateText(lang="en"), "2024-03-15")]:
        assert isinstance(box, TypedText)
        assert box.continuous_update is False  # read on Enter or when the field is left
        assert box.placeholder == placeholder
    assert AmountText(5000).value == "5000"
    assert DateText(dt.date(2024, 3, 1)).value == "01/03/2024"
    assert DateText(dt.date(2024, 3, 1), lang="en").value == "2024-03-01"
