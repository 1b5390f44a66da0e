"""cgvlib.teaching: a check says right or wrong without giving the answer away, a first hint
then a second, the worked answer on request; answers are read as a student types them."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest

from cgvlib.errors import InputError
from cgvlib.teaching import Exercise, lesson, lesson_names, read_answer, show_value
from cgvlib.teaching.edition import edition
from tests.conftest import ROOT


def toy(lang: str = "en") -> Exercise:
    return Exercise("How much is 10 % of 1,000 EUR?", solution=lambda: 100, unit="EUR",
                    working=lambda: "10 % x 1,000 EUR = 100 EUR",
                    mistakes={"you took 1 %": lambda: 10},
                    hints=("Ten per cent is a tenth.", "Divide by ten."), lang=lang)


def test_a_wrong_answer_gets_the_mistake_and_a_hint_but_never_the_answer():
    exercise = toy()
    first = exercise.check("10,00")
    assert first.correct is False
    assert "you took 1 %" in str(first) and "Hint 1: Ten per cent is a tenth." in str(first)
    second = exercise.check(99)
    assert "Hint 2: Divide by ten." in str(second)
    third = exercise.check("99")
    assert ".worked()" in str(third)
    for verdict in (first, second, third):
        assert "100" not in str(verdict)  # the expected value is never shown
    assert repr(first) == str(first)  # a notebook's plain-text output is the message
    assert 'style="color:#B22222"' in first._repr_html_()


def test_right_answers_and_the_worked_answer():
    exercise = toy()
    assert exercise.check("100,00 €").correct
    assert exercise.check(Decimal("100")).correct
    assert str(exercise.worked()) == ("Answer: €100.00.\n"
                                      "Working: 10 % x 1,000 EUR = 100 EUR")
    assert str(toy("fr").worked()).startswith("Réponse : 100,00\u00a0€.")


def test_hints_on_request_then_the_last_one_again():
    exercise = toy()
    assert str(exercise.hint()) == "Hint 1: Ten per cent is a tenth."
    assert str(exercise.hint()) == "Hint 2: Divide by ten."
    assert str(exercise.hint()) == "Hint 2: Divide by ten."
    assert str(toy("fr").hint()) == "Indice 1 : Ten per cent is a tenth."


@pytest.mark.parametrize("typed", ["15/03/2024", "15 mars 2024", "15 Mars 2024", "2024-03-15",
                                   dt.date(2024, 3, 15)])
def test_french_dates_are_read(typed):
    assert read_answer(typed, "date") == dt.date(2024, 3, 15)


@pytest.mark.parametrize(("typed", "unit", "value"), [
    ("10 000,50", "EUR", Decimal("10000.50")),
    ("10\u202f000,50\u00a0€", "EUR", Decimal("10000.50")),
    ("6,18 %", "percent", Decimal("6.18")),
    ("2 mois", "months", Decimal(2)),
    ("20,16 min", "minutes", Decimal("20.16")),
])
def test_french_amounts_are_read(typed, unit, value):
    assert read_answer(typed, unit) == value


@pytest.mark.parametrize(("typed", "unit", "says"), [
    ("15/03/24", "date", "Write a date such as 15/03/2024"),
    ("31/02/2024", "date", "February 2024 has 29 days"),
    (45, "date", "45 is not a date"),
    ([100], "EUR", "[100] is not a number"),
    ("1,500", "EUR", "'1,500' is not read as a number ('1,500' is ambiguous"),
    ("cent euros", "EUR", "Write an amount in euros such as 1 234,56"),
    (True, "percent", "True is not a number"),
    (float("nan"), "EUR", "nan is not a number"),
])
def test_a_wrong_type_gets_advice_not_a_traceback(typed, unit, says):
    exercise = Exercise("?", solution=lambda: "2024-03-15" if unit == "date" else 1, unit=unit,
                        hints=("h1", "h2"))
    verdict = exercise.check(typed)
    assert verdict.correct is None and says in str(verdict)
    assert exercise.wrong_answers == 0 and exercise.hints_given == 0  # no hint used up


def test_no_answer_yet_and_an_unknown_unit():
    assert str(toy().check(None)).startswith("No answer yet")
    assert str(toy("fr").check("  ")).startswith("Pas encore de réponse")
    with pytest.raises(InputError, match="unit: 'hours' is not one of"):
        Exercise("?", solution=lambda: 1, unit="hours")


def test_values_are_shown_as_the_reader_writes_them():
    assert show_value(dt.date(2025, 2, 28), "date", "fr") == "28 février 2025"
    assert show_value(Decimal("14000.00"), "EUR", "fr") == "14\u202f000,00\u00a0€"
    assert show_value(Decimal(2), "months", "fr") == "2 mois"
    assert show_value(Decimal(1), "months", "en") == "1 month"


# The lessons' answers, worked by hand
EXPECTED = {
    # exercise 1 (206.44 EUR) has its own test below
    ("01_late_payment_law", 2): dt.date(2024, 3, 1),  # the day after 29 February 2024
    ("01_late_payment_law", 3): Decimal("15.21"),  # 3 x 5.07 % (legal rate 2024-S1)
    ("01_late_payment_law", 4): dt.date(2024, 4, 1),  # 1 March + 30 days = 31 March, then +1
    # 2,000 EUR x 120 % x 45 / 365 = 295.890... -> 295.89
    ("01_late_payment_law", 5): Decimal("295.89"),
    # 31 January 2024 + 12 months: last day 30 January 2025; 2 months before: 30 November 2024
    ("02_renewal_and_notice", "janquor_deadline"): dt.date(2024, 11, 30),
    # Teogest art. 20, subscribed 10 June 2020, request 14 January 2025: 10 June 2024 is the
    # 4th anniversary, 10 June 2025 not yet reached, so 4 completed years; préavis « un mois
    # plus un mois par année complète » = 1 + 4 = 5 months, from « le lendemain du mois » of
    # the request (1 February 2025): February, March, April, May, June: ends 30 June 2025
    # (not the 31 March of the lesson's worked example, nor another exercise's answer)
    ("02_renewal_and_notice", "teogest_end"): dt.date(2025, 6, 30),
    # JANQUOR art. 16, 12 months from 15 July 2024: the term's last day is 14 July 2025, the
    # anniversary 15 July 2025; « deux (2) mois avant le terme »: 14 May 2025 under the first
    # reading, 15 May 2025 under the second; safe under both: 14 May 2025 (15 May, the risk)
    ("02_renewal_and_notice", "janquor_two_readings"): dt.date(2025, 5, 14),
    ("02_renewal_and_notice", "teogest_first_anniversary"): Decimal(2),  # 1 + 1 full year
    # 1 April 2024 + 12 months: last day 31 March 2025; one month before: 31 February,
    # clamped to 28 February 2025
    ("02_renewal_and_notice", "gout_deadline"): dt.date(2025, 2, 28),
    # renewed: 2 months left (30 Nov-30 Jan, the month in progress counted) + 12 = 14 x 1,000
    ("02_renewal_and_notice", "janquor_late_cost"): Decimal("14000.00"),
    ("03_compliance_findings", 1): dt.date(2023, 1, 1),  # legal rate 2.06 % > 1.5 %
    ("03_compliance_findings", 2): Decimal("6.18"),  # 3 x 2.06 %
    ("03_compliance_findings", 3): Decimal("5.07"),  # 3 x 5.07 - 2 x 5.07
    ("04_service_levels", 1): Decimal("20.16"),  # 0.2 % x 7 x 1,440 min = 20.16
    # 4 h / (30 x 24 h) = 0.5556 %: tier 0.51-1 %, 8 % x 2,500 = 200
    ("04_service_levels", 2): Decimal("200.00"),
    # 0.205 % in the gap 0.2-0.21: upper tier by default, 3 % x 2,000 = 60
    ("04_service_levels", 3): Decimal("60.00"),
    # 3.6 h / (720 - 24 = 696 h) = 0.517 %: tier 8 %, 8 % x 1,500 = 120
    ("04_service_levels", 4): Decimal("120.00"),
    # S1 = 2023-01 (293.9, last published on 1 March 2023), S2 = 2023-05 (302.7, published
    # 30 June, last published on 1 July): 1,000 x 302.7 / 293.9 = 1,029.942... -> 1,029.94
    ("05_price_revision", 1): Decimal("1029.94"),
    # a service ON 1 January 2024 keeps the July 2023 price: 2,000 x 302.7 / 293.9 = 2,059.88
    ("05_price_revision", 2): Decimal("2059.88"),
    # revisions of 1 January 2025 and 2026, +9 % each: 1,000 x 1.09 x 1.09 = 1,188.10
    ("05_price_revision", 3): Decimal("1188.10"),
    # the August 2022 change of base: S1 old (December 2021) 277.3, S2 revised (January 2023)
    # 293.9, k = 0.97975: S1 x k = 277.3 - 277.3 x 0.02025 = 271.684675; 293.9 / 271.684675 =
    # 1.0817688...: 1,000 x 1.0817688 = 1,081.7688 -> 1,081.77 (without k: 1,059.86)
    ("05_price_revision", 4): Decimal("1081.77"),
    # 18 calendar months before the term's last day, 31 December 2025: 30 June 2024
    ("06_established_relationship", 1): dt.date(2024, 6, 30),
    # Teogest art. 20, 2019-03-15 -> 2025-11-20: 6 full years, 1 + 6 = 7 months; 18 - 7 = 11
    ("06_established_relationship", 2): Decimal(11),
    # (9 months due - 1 given) x 400 EUR of monthly gross margin = 3,200
    ("06_established_relationship", 3): Decimal("3200.00"),
}


@pytest.mark.parametrize(("name", "key"), list(EXPECTED), ids=str)
def test_each_lesson_answer(name, key):
    assert lesson(name)[key].answer() == EXPECTED[(name, key)]


def test_the_statutory_penalty_of_lesson_01():
    # ECB rate on 1 January 2023: 2.50 %, on 1 July 2023: 4.00 % (+ 10 points each)
    # 15 days in June: 10,000 x 12.50 % x 15/365 = 51.3699 EUR
    # 30 days in July: 10,000 x 14.00 % x 30/365 = 115.0685 EUR
    # sum 166.4384 -> 166.44 EUR, + 40 EUR indemnity = 206.44 EUR
    assert lesson("01_late_payment_law")[1].answer() == Decimal("206.44")


def test_every_exercise_has_two_hints_that_do_not_state_its_answer():
    for name in lesson_names():
        for key, exercise in lesson(name).items():
            assert len(exercise.hints) == 2, (name, key)
            shown = {exercise.shown(exercise.answer()),
                     show_value(exercise.answer(), exercise.unit, "fr")}
            if exercise.unit == "date":
                shown.add(exercise.answer().isoformat())
            for hint in exercise.hints:
                assert not any(s in hint for s in shown), (name, key, hint)


def test_a_lesson_mistake_is_named_in_its_check():
    exercise = lesson("02_renewal_and_notice")["gout_deadline"]
    verdict = exercise.check("01/03/2025")  # one month before the renewal date
    assert "counted from the renewal date" in str(verdict)
    assert "28 February 2025" not in str(verdict)
    assert exercise.check("28 février 2025").correct


def test_no_two_answers_of_a_lesson_coincide():
    for name in lesson_names():
        answers = [exercise.answer() for exercise in lesson(name).values()]
        assert len(set(answers)) == len(answers), (name, answers)


def test_the_two_readings_exercise_names_the_risk():
    exercise = lesson("02_renewal_and_notice")["janquor_two_readings"]
    verdict = exercise.check("15/05/2025")  # two months before the anniversary
    assert verdict.correct is False and "that day is the risk" in str(verdict)
    assert "14 May 2025" not in str(verdict)
    assert exercise.check("14 mai 2025").correct
    worked = str(lesson("02_renewal_and_notice", "fr")["janquor_two_readings"].worked())
    assert worked.startswith("Réponse : 14 mai 2025.")
    assert "deux mois avant l'anniversaire le 15 mai 2025" in worked


@pytest.mark.parametrize(("name", "key", "typed"), [
    ("01_late_payment_law", 1, "206,44"),
    ("01_late_payment_law", 1, "206,44 €"),
    ("01_late_payment_law", 2, "01/03/2024"),
    ("01_late_payment_law", 3, "15,21 %"),
    ("01_late_payment_law", 5, "295,89"),
    ("02_renewal_and_notice", "janquor_deadline", "30/11/2024"),
    ("02_renewal_and_notice", "janquor_late_cost", "14 000,00"),
    ("02_renewal_and_notice", "teogest_end", "30 juin 2025"),
    ("02_renewal_and_notice", "teogest_first_anniversary", "2 mois"),
    ("03_compliance_findings", 1, "01/01/2023"),
    ("03_compliance_findings", 2, "6,18"),
    ("03_compliance_findings", 3, "5,07"),
])
def test_lessons_01_to_03_read_french_answers(name, key, typed):
    assert lesson(name, "fr")[key].check(typed).correct


@pytest.mark.parametrize(("name", "key", "typed", "says"), [
    ("01_late_payment_law", 1, "1,500", "Écrivez un montant en euros"),
    ("01_late_payment_law", 2, "31/02/2024", "Écrivez une date"),
    ("02_renewal_and_notice", "teogest_end", 45, "n'est pas une date"),
    ("03_compliance_findings", 2, [6.18], "n'est pas un nombre"),
])
def test_lessons_01_to_03_advise_on_a_wrong_type_in_french(name, key, typed, says):
    exercise = lesson(name, "fr")[key]
    verdict = exercise.check(typed)
    assert verdict.correct is None and says in str(verdict), str(verdict)
    assert exercise.hints_given == 0  # no hint used up


def test_lessons_01_to_03_speak_french():
    assert lesson("01_late_payment_law", "fr")[1].question.startswith("Conditions légales")
    assert lesson("01_late_payment_law", "fr")[2].hints[1].startswith("Attention au calendrier")
    gout = lesson("02_renewal_and_notice", "fr")["gout_deadline"]
    assert "à partir du 1er avril 2024" in gout.question
    verdict = gout.check("01/03/2025")
    assert "vous avez compté depuis la date de renouvellement" in str(verdict)
    assert "Indice 1 :" in str(verdict)
    floor = lesson("03_compliance_findings", "fr")[2]
    assert str(floor.worked()) == (
        "Réponse : 6,18\u00a0%.\nCalcul : 3 fois le taux légal du premier semestre 2023, "
        "2,06\u00a0%, = 6,18\u00a0% ; 4,22 % est le taux légal du second semestre 2023 "
        "(juillet à décembre) seulement")


def test_an_unknown_lesson_is_refused():
    with pytest.raises(InputError, match="lesson: '05_x' is not a lesson; valid: "
                                         "01_late_payment_law"):
        lesson("05_x")


# --------------------------------------------------------------------------- editions

TEACHING = ROOT / "notebooks" / "teaching"


def read(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted((TEACHING / "fr").glob("*.ipynb")), ids=lambda p: p.name)
def test_each_french_edition_is_made_from_its_one_source(path):
    source = read(TEACHING / path.name)
    assert read(path) == edition(source, "fr"), (
        f"{path.name}: regenerate the French edition from notebooks/teaching/{path.name} "
        "(cgvlib.teaching.edition.edition(source, 'fr'))")


def test_every_lesson_has_its_french_edition():
    assert sorted(path.stem for path in (TEACHING / "fr").glob("*.ipynb")) == lesson_names()


def test_an_edition_speaks_its_language_and_keeps_the_same_checks():
    source = read(TEACHING / "04_service_levels.ipynb")
    french = edition(source, "fr")
    assert french["cells"][0]["source"][0].startswith("# Niveaux de service")
    assert "".join(french["cells"][1]["source"]).startswith('lang = "fr"')
    code = [c["source"] for c in source["cells"][2:] if c["cell_type"] == "code"]
    assert code == [c["source"] for c in french["cells"][2:] if c["cell_type"] == "code"]
    assert lesson("04_service_levels", "fr")[3].question.startswith("Les paliers de Teogest")
    assert edition(source, "en") == source


def test_an_edition_without_a_translation_is_refused():
    source = read(TEACHING / "04_service_levels.ipynb")
    del source["cells"][3]["metadata"]["cgvlib"]
    with pytest.raises(InputError, match=r"the markdown cells \[3\] have no fr text"):
        edition(source, "fr")


@pytest.mark.parametrize(("typed", "unit", "message"), [
    # a comma before three figures: 1500 euros or 1.50 euros? refused, in French words
    ("1,500", "EUR", "'1,500' n'est pas lu comme un nombre (1,500 est ambigu : 1500 euros ou "
                     "1,50 euros ? groupez les milliers par des espaces et donnez au plus deux "
                     "décimales). Écrivez un montant en euros comme 1 234,56 ou 1234.56."),
    ("cent euros", "EUR", "'cent euros' n'est pas lu comme un nombre (cent euros n'est pas un "
                          "nombre d'euros). Écrivez un montant en euros comme 1 234,56 ou "
                          "1234.56."),
    # 2024 is a leap year: February has 29 days
    ("31/02/2024", "date", "31/02/2024 n'est pas une date : février 2024 a 29 jours. Écrivez "
                           "une date comme 15/03/2024, 15 mars 2024 ou 2024-03-15."),
])
def test_a_french_lesson_refuses_in_french(typed, unit, message):
    exercise = Exercise("?", solution=lambda: "2024-03-15" if unit == "date" else 1, unit=unit,
                        hints=("h1", "h2"), lang="fr")
    verdict = exercise.check(typed)
    assert verdict.correct is None
    assert str(verdict) == "Votre réponse ne peut pas être lue : " + message
