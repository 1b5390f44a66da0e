"""Dates, amounts and percentages typed the French way (or the ISO/English way), everywhere
one is typed: the library's functions (``as_date``, ``as_month``, ``amount_cents``), the apps'
amount, date and percentage fields, ``-p`` values and ``-f`` files of ``python -m cgvlib
report``. What could be read two
ways, or is not a date or an amount at all, is refused in one line naming the field and
showing a form that is accepted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import cgvlib
from cgvlib.amount_text import AmountTextError, parse_amount, parse_percent
from cgvlib.apps.late_payment import LatePaymentApp
from cgvlib.date_text import DateTextError, parse_date_text, parse_french_month
from cgvlib.dates import as_date, as_month
from cgvlib.errors import InputError
from cgvlib.money import amount_cents
from cgvlib.report.batch import Run, parse_cli_value, plan, read_parameters_file

D = dt.date
NBSP, NNBSP = "\u00a0", "\u202f"
DATE_FORMS = "write a date such as 15/03/2024, 15 mars 2024 or 2024-03-15"
MONTH_FORMS = "write a month such as 03/2024, mars 2024 or 2024-03"
AMOUNT_FORMS = "write an amount such as 10 000,50 or 10000.50"
FRENCH_MONTHS = ("(janvier, février, mars, avril, mai, juin, juillet, août, septembre, "
                 "octobre, novembre, décembre)")


def refusal(call, *args) -> str:
    with pytest.raises(InputError) as info:
        call(*args)
    return str(info.value)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(("typed", "day"), [
    ("15/03/2024", D(2024, 3, 15)),
    ("5/3/2024", D(2024, 3, 5)),
    ("03/04/2024", D(2024, 4, 3)),  # day first, the French order: 3 April, not 4 March
    ("29/02/2024", D(2024, 2, 29)),  # 2024 is a leap year
    ("15 mars 2024", D(2024, 3, 15)),
    ("1er mars 2024", D(2024, 3, 1)),
    ("1ER MARS 2024", D(2024, 3, 1)),
    ("1\u1d49\u02b3 mars 2024", D(2024, 3, 1)),  # 1ᵉʳ, the typographer's superscript
    ("15 février 2024", D(2024, 2, 15)),
    ("15 fevrier 2024", D(2024, 2, 15)),
    ("15 Février 2024", D(2024, 2, 15)),
    ("1er août 2024", D(2024, 8, 1)),
    ("15 aout 2024", D(2024, 8, 15)),
    ("25 décembre 2026", D(2026, 12, 25)),
    ("5 déc. 2026", D(2026, 12, 5)),  # the short form French pages print
    (f" 15{NBSP}mars{NNBSP}2024 ", D(2024, 3, 15)),
    ("2024-03-15", D(2024, 3, 15)),
])
def test_dates_typed_the_french_or_the_iso_way(typed, day):
    assert as_date(typed, "due") == day


@pytest.mark.parametrize(("typed", "message"), [
    ("31/02/2024", "'31/02/2024' is not a calendar date: February 2024 has 29 days"),
    ("29/02/2023", "'29/02/2023' is not a calendar date: February 2023 has 28 days"),
    ("31 avril 2024", "'31 avril 2024' is not a calendar date: April 2024 has 30 days"),
    ("15/13/2024", "'15/13/2024' is not a calendar date: there is no month 13 (1 to 12)"),
    ("03/15/2024", "'03/15/2024' is not a calendar date: there is no month 15 (1 to 12)"),
    ("15/03/24", "'15/03/24' is not a date: give the year in full, with four figures (2024, "
                 "not 24)"),
    ("15 marsh 2024", "'15 marsh 2024' is not a date: 'marsh' is not a French month name "
                      f"{FRENCH_MONTHS}"),
    ("15 March 2024", "'15 March 2024' is not a date: 'march' is not a French month name "
                      f"{FRENCH_MONTHS}"),
    ("2er mars 2024", "'2er mars 2024' is not a date: only the first of the month is written "
                      "'1er', not '2er'"),
    ("15-03-2024", "'15-03-2024' is not a date"),
    ("15.03.2024", "'15.03.2024' is not a date"),
    ("2024/03/15", "'2024/03/15' is not a date"),
    ("", "'' is not a date"),
])
def test_dates_refused_with_the_field_and_the_accepted_forms(typed, message):
    assert refusal(as_date, typed, "due") == f"due: {message}; {DATE_FORMS}"


def test_an_impossible_iso_date_keeps_its_message():
    assert refusal(as_date, "2024-02-30", "paid") == (
        "paid: 2024-02-30 is not a calendar date: February 2024 has 29 days; write a date that "
        "exists, as YYYY-MM-DD")


FR_DATE_FORMS = "écrivez une date telle que 15/03/2024, 15 mars 2024 ou 2024-03-15"


@pytest.mark.parametrize(("typed", "french", "english"), [
    # 2024 is a leap year: February has 29 days
    ("30/02/2024", "30/02/2024 n'est pas une date : février 2024 a 29 jours",
     "'30/02/2024' is not a calendar date: February 2024 has 29 days"),
    ("31/04/2025", "31/04/2025 n'est pas une date : avril 2025 a 30 jours",
     "'31/04/2025' is not a calendar date: April 2025 has 30 days"),
    ("2025-04-31", "2025-04-31 n'est pas une date : avril 2025 a 30 jours",
     "'2025-04-31' is not a calendar date: April 2025 has 30 days"),
    ("15/13/2024", "15/13/2024 n'est pas une date : il n'y a pas de mois 13 (les mois vont de "
                   "1 à 12)",
     "'15/13/2024' is not a calendar date: there is no month 13 (1 to 12)"),
    ("15 marsh 2024", "15 marsh 2024 n'est pas une date : « marsh » n'est pas un nom de mois "
                      f"{FRENCH_MONTHS}",
     f"'15 marsh 2024' is not a date: 'marsh' is not a French month name {FRENCH_MONTHS}"),
    ("15/03/24", "15/03/24 n'est pas une date : donnez l'année en entier, en quatre chiffres "
                 "(2024, pas 24)",
     "'15/03/24' is not a date: give the year in full, with four figures (2024, not 24)"),
    ("2er mars 2024", "2er mars 2024 n'est pas une date : seul le premier du mois s'écrit "
                      "« 1er », pas « 2er »",
     "'2er mars 2024' is not a date: only the first of the month is written '1er', not '2er'"),
    ("demain", "demain n'est pas une date", "'demain' is not a date"),
])
def test_a_typed_date_is_refused_with_the_reason_in_each_language(typed, french, english):
    with pytest.raises(DateTextError) as refused:
        parse_date_text(typed)
    assert refused.value.say(typed, "fr") == f"{french} ; {FR_DATE_FORMS}"
    assert refused.value.say(typed, "en") == f"{english}; {DATE_FORMS}"
    # the library's own message (as_date) says the same in English
    assert refusal(as_date, typed, "due") == (
        f"due: {english}; {DATE_FORMS}" if "-" not in typed else
        "due: 2025-04-31 is not a calendar date: April 2025 has 30 days; write a date that "
        "exists, as YYYY-MM-DD")


def test_a_typed_month_is_refused_with_the_reason_in_french():
    with pytest.raises(DateTextError) as refused:
        parse_french_month("13/2024")
    assert refused.value.say("13/2024", "fr") == (
        "13/2024 n'est pas un mois : il n'y a pas de mois 13 (les mois vont de 1 à 12) ; "
        "écrivez un mois tel que 03/2024, mars 2024 ou 2024-03")


@pytest.mark.parametrize(("typed", "french"), [
    ("1.234,56", "1.234,56 est ambigu : il a une virgule et un point (1,234.56 ou 1.234,56 ?) ; "
                 "groupez les milliers par des espaces et mettez une seule virgule ou un seul "
                 "point avant les centimes"),
    ("1,500", "1,500 est ambigu : 1500 euros ou 1,50 euros ? groupez les milliers par des "
              "espaces et donnez au plus deux décimales"),
    ("1.234.567", "1.234.567 n'est pas un montant : groupez les milliers par des espaces, non "
                  "par des virgules ou des points, et mettez une seule virgule ou un seul point "
                  "avant les centimes"),
    ("dix euros", "dix euros n'est pas un nombre d'euros"),
])
def test_a_typed_amount_is_refused_with_the_reason_in_french(typed, french):
    with pytest.raises(AmountTextError) as refused:
        parse_amount(typed)
    assert refused.value.say(typed, "fr") == (
        f"{french} ; écrivez un montant tel que 10 000,50 ou 10000.50")


def test_a_typed_percentage_is_refused_in_french():
    with pytest.raises(AmountTextError) as refused:
        parse_percent("moins 12")
    assert refused.value.say("moins 12", "fr") == (
        "moins 12 n'est pas un pourcentage ; écrivez un pourcentage tel que 0,5 ou 12.5")


@pytest.mark.parametrize(("typed", "first"), [
    ("2024-03", D(2024, 3, 1)), ("03/2024", D(2024, 3, 1)), ("mars 2024", D(2024, 3, 1)),
    ("Août 2022", D(2022, 8, 1)), ("15/03/2024", D(2024, 3, 1)), ("2022-08-17", D(2022, 8, 1)),
])
def test_months_typed_the_french_or_the_iso_way(typed, first):
    assert as_month(typed) == first


@pytest.mark.parametrize(("typed", "message"), [
    ("2024-13", "'2024-13' is not a month: there is no month 13 (1 to 12)"),
    ("13/2024", "'13/2024' is not a month: there is no month 13 (1 to 12)"),
    ("mars 24", "'mars 24' is not a month: give the year in full, with four figures (2024, "
                "not 24)"),
    ("marsh 2024", "'marsh 2024' is not a month: 'marsh' is not a French month name "
                   f"{FRENCH_MONTHS}"),
])
def test_months_refused_with_the_accepted_forms(typed, message):
    assert refusal(as_month, typed) == f"month: {message}; {MONTH_FORMS}"


# --------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(("typed", "cents"), [
    ("10 000,50", 1_000_050),
    (f"10{NBSP}000,50", 1_000_050),
    (f"10{NNBSP}000,50", 1_000_050),
    ("10000.50", 1_000_050),
    ("10000,50", 1_000_050),
    ("10 000 €", 1_000_000),
    ("10 000,50 EUR", 1_000_050),
    ("10 000,50 eur", 1_000_050),
    ("12,5€", 1_250),
    (f"1{NNBSP}234,56{NBSP}€", 123_456),  # as a French page prints 1 234,56 €
    ("1 234 567,89", 123_456_789),
    ("0,500", 50),  # 0 then three figures: no thousands to mistake, half a euro
    (" 42 ", 4_200),
    ("10000", 1_000_000),
])
def test_amounts_typed_the_french_or_the_english_way(typed, cents):
    assert amount_cents(typed, "invoice_amount") == cents


BOTH = ("is ambiguous: it has both a comma and a point (1,234.56 or 1.234,56?); group "
        "thousands with spaces and put one comma or point before the cents")
GROUPED = ("is not an amount: group thousands with spaces, not with commas or points, and put "
           "one comma or point before the cents")


@pytest.mark.parametrize(("typed", "message"), [
    ("1,234.56", f"'1,234.56' {BOTH}; {AMOUNT_FORMS}"),
    ("1.234,56", f"'1.234,56' {BOTH}; {AMOUNT_FORMS}"),
    ("1,500", "'1,500' is ambiguous: 1500 euros or 1.50 euros? group thousands with spaces and "
              f"give at most two decimals; {AMOUNT_FORMS}"),
    ("10.000", "'10.000' is ambiguous: 10000 euros or 10.00 euros? group thousands with spaces "
               f"and give at most two decimals; {AMOUNT_FORMS}"),
    ("1.234.567", f"'1.234.567' {GROUPED}; {AMOUNT_FORMS}"),
    ("1,234,567", f"'1,234,567' {GROUPED}; {AMOUNT_FORMS}"),
    ("10 00", f"'10 00' is not a number of euros; {AMOUNT_FORMS}"),
    ("1e3", f"'1e3' is not a number of euros; {AMOUNT_FORMS}"),
    ("€10", f"'€10' is not a number of euros; {AMOUNT_FORMS}"),
    ("dix euros", f"'dix euros' is not a number of euros; {AMOUNT_FORMS}"),
    ("", f"'' is not a number of euros; {AMOUNT_FORMS}"),
    # either reading is refused: 12.345 EUR has fractions of a cent (12345 needs no point)
    ("12.345", "'12.345' has fractions of a cent; give euros with at most two decimals, e.g. "
               "1234.56"),
    ("10 000,505", "'10 000,505' has fractions of a cent; give euros with at most two "
                   "decimals, e.g. 1234.56"),
    ("-10", "'-10' is negative; give an amount of 0 or more euros"),
])
def test_amounts_refused_with_the_field_and_an_accepted_form(typed, message):
    assert refusal(amount_cents, typed, "invoice_amount") == f"invoice_amount: {message}"


def test_the_public_api_takes_french_text():
    # The law's terms, 10,000 EUR due 2023-06-15 paid 2023-07-30: 15 days at 12.50 % (2023-S1)
    # + 30 days at 14.00 % (2023-S2): 1,000,000 x (1250 x 15 + 1400 x 30) / 3,650,000
    # = 16,643.8 cents -> 166.44 EUR.
    r = cgvlib.late_payment("statutory", "10 000,00 €", "15/06/2023", "30 juillet 2023")
    assert (r.amount_cents, r.due, r.paid, r.interest_cents) == (
        1_000_000, D(2023, 6, 15), D(2023, 7, 30), 16_644)
    # 2024-05-07 + 1 jour ouvré: 8 and 9 May are public holidays -> 10 May
    assert cgvlib.add_days("7 mai 2024", 1, "ouvré") == D(2024, 5, 10)


# --------------------------------------------------------------------------- the apps


def test_an_amount_field_reads_french_text():
    app = LatePaymentApp(vendors=["statutory"], amount=1000, due="15/06/2023",
                         paid="30 juillet 2023", lang="en")
    assert app.controls["amount"].value == "1000"
    app.controls["amount"].value = "10 000,00 €"
    assert app.error is None
    assert app.results.amount == 10_000.0
    assert app.results["statutory"].interest_cents == 16_644  # as worked out above
    app.controls["amount"].value = "1.234,56"
    assert app.error == f"amount: '1.234,56' {BOTH}; {AMOUNT_FORMS}"
    assert app.results["statutory"].interest_cents == 16_644  # the last good results stay
    app.controls["amount"].value = ""
    assert app.error == f"amount: empty; {AMOUNT_FORMS}"


def test_a_french_app_refuses_in_french_naming_its_field():
    app = LatePaymentApp(vendors=["statutory"], amount=1000, due="15/06/2023",
                         paid="30 juillet 2023")  # French, the apps' default
    app.controls["amount"].value = "1.234,56"
    assert app.error == ("Montant (EUR) : « 1.234,56 » est ambigu : il a une virgule et un "
                         "point (1,234.56 ou 1.234,56 ?) ; groupez les milliers par des espaces "
                         "et mettez une seule virgule ou un seul point avant les centimes ; "
                         "écrivez un montant tel que 10 000,50 ou 10000.50")
    app.controls["amount"].value = "10 000,00"
    assert app.error is None and app.results["statutory"].interest_cents == 16_644


def test_date_fields_read_french_text():
    # dates are typed, not picked: shown in the app's language, read by as_date
    app = LatePaymentApp(vendors=["statutory"], amount=10_000, due="15/06/2023",
                         paid="30 juillet 2023")
    assert (app.controls["due"].value, app.controls["paid"].value) == ("15/06/2023",
                                                                       "30/07/2023")
    assert app.error is None and app.results["statutory"].interest_cents == 16_644
    # 2023-06-15 to 2023-08-14: 15 days at 12.50 % + 45 days at 14.00 %:
    # 1,000,000 x (1250 x 15 + 1400 x 45) / 3,650,000 = 22,397.26 -> 223.97 EUR
    app.controls["paid"].value = "14 août 2023"
    assert app.error is None and app.results["statutory"].interest_cents == 22_397
    app.controls["paid"].value = "2023-08-14"  # ISO too
    assert app.error is None and app.results["statutory"].interest_cents == 22_397
    app.controls["paid"].value = "31/02/2023"
    assert app.error == ("Payée le : « 31/02/2023 » n'est pas une date : février 2023 a 28 "
                         "jours ; écrivez une date telle que 15/03/2024, 15 mars 2024 ou "
                         "2024-03-15")
    assert app.results["statutory"].interest_cents == 22_397  # the last good figure stays
    app.controls["paid"].value = "14/08/23"
    assert "n'est pas une date" in app.error and "\n" not in app.error
    english = LatePaymentApp(vendors=["statutory"], amount=10_000, due="2023-06-15",
                             paid="2023-07-30", lang="en")
    assert english.controls["paid"].value == "2023-07-30"
    english.controls["paid"].value = "31/02/2023"
    assert english.error == ("paid: '31/02/2023' is not a calendar date: February 2023 has 28 "
                             f"days; {DATE_FORMS}")


def test_a_percentage_field_takes_a_decimal_comma():
    from cgvlib.apps.prices import PriceApp

    # JANQUOR: « révision le 10/01. Tout écart supérieur à 10% sur le volume de travail prévu
    # [...] entraînera une indexation du budget à la hausse ou à la baisse à un taux de 3% ».
    # With -12,5 % each year (below plan, past 10 %): 1,000.00 x 0.97 = 970.00 on 2024-01-10,
    # x 0.97 = 940.90 on 2025-01-10.
    app = PriceApp(vendors=["janquor"], price=1000, start="15/03/2023", until="31/10/2025",
                   volume_deviation_percent=None)
    app.controls["volume_known"].value = True
    app.controls["volume_deviation_percent"].value = "-12,5"
    assert app.error is None
    assert app.results["janquor"].result.price == Decimal("940.90")
    app.controls["volume_deviation_percent"].value = "-12.5 %"
    assert app.error is None and app.results["janquor"].result.price == Decimal("940.90")
    app.controls["volume_deviation_percent"].value = "moins 12"
    assert app.error == ("Écart de volume, % (chaque année) : « moins 12 » n'est pas un "
                         "pourcentage ; écrivez un pourcentage tel que 0,5 ou 12.5")
    assert app.results["janquor"].result.price == Decimal("940.90")


# --------------------------------------------------------------------------- the report command


@pytest.mark.parametrize(("name", "typed", "value"), [
    ("due", "15/03/2024", D(2024, 3, 15)),
    ("paid", "15 mars 2024", D(2024, 3, 15)),
    ("invoice_date", "1er mars 2024", D(2024, 3, 1)),
    ("contract_start", "2024-01-31", D(2024, 1, 31)),  # YAML's own date
    ("invoice_amount", "10 000,50", "10000.50"),
    ("monthly_amount", "1 200 €", "1200.00"),
    ("invoice_amount", "10000,50", "10000.50"),
    ("invoice_amount", "10000.50", 10000.5),  # YAML's own number, checked by the run
    ("unavailability_percent", "0,5", "0.5"),  # a percentage with a decimal comma
    ("unavailability_percent", "0,25 %", "0.25"),
    ("unavailability_percent", "0.5", 0.5),  # YAML's own number
    ("lang", "en", "en"),  # not a date nor an amount: as YAML reads it
])
def test_p_values_typed_the_french_way(name, typed, value):
    assert parse_cli_value(typed, name) == value


@pytest.mark.parametrize(("name", "typed", "message"), [
    ("due", "31/02/2024", f"-p due: '31/02/2024' is not a calendar date: February 2024 has 29 "
                          f"days; {DATE_FORMS}"),
    ("notice_date", "15/03/24", "-p notice_date: '15/03/24' is not a date: give the year in "
                                f"full, with four figures (2024, not 24); {DATE_FORMS}"),
    ("invoice_amount", "1.234,56", f"-p invoice_amount: '1.234,56' {BOTH}; {AMOUNT_FORMS}"),
    ("unavailability_percent", "0,5,1", "-p unavailability_percent: '0,5,1' is not a "
                                        "percentage; write a percentage such as 0,5 or 12.5"),
])
def test_p_values_refused_before_anything_runs(name, typed, message):
    assert refusal(parse_cli_value, typed, name) == message


def test_a_parameters_file_typed_the_french_way(tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text("due: 15/03/2024\ninvoice_amount: 10 000,50\nper_vendor:\n  gout:\n"
                    "    paid: 1er avril 2024\n    monthly_amount: \"1 200,00 €\"\n",
                    encoding="utf-8")
    assert read_parameters_file(path) == {
        "due": D(2024, 3, 15), "invoice_amount": "10000.50",
        "per_vendor": {"gout": {"paid": D(2024, 4, 1), "monthly_amount": "1200.00"}}}
    (run,) = plan(["gout"], parameters=read_parameters_file(path))
    assert run.parameters == {"due": "2024-03-15", "invoice_amount": "10000.50",
                              "paid": "2024-04-01", "monthly_amount": "1200.00",
                              "vendors": ["gout"]}


def test_a_parameters_file_names_the_line_of_a_bad_value(tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text("due: 15/03/2024\nper_vendor:\n  gout:\n    paid: 31 avril 2024\n",
                    encoding="utf-8")
    assert refusal(read_parameters_file, path) == (
        f"{path}, line 4, per_vendor.gout.paid: '31 avril 2024' is not a calendar date: April "
        f"2024 has 30 days; {DATE_FORMS}")
    path.write_text("lang: en\ninvoice_amount: 1,500\n", encoding="utf-8")
    assert refusal(read_parameters_file, path) == (
        f"{path}, line 2, invoice_amount: '1,500' is ambiguous: 1500 euros or 1.50 euros? "
        f"group thousands with spaces and give at most two decimals; {AMOUNT_FORMS}")


def test_french_and_english_reports_never_share_a_file_name():
    french, english = plan(["teogest"]), plan(["teogest"], parameters={"lang": "en"})
    assert (french[0].file_stem, english[0].file_stem) == ("teogest", "teogest.en")
    (together,) = plan(["teogest", "gout"], together=True, parameters={"lang": "en"})
    assert together.file_stem == "vendors.en"
    assert Run("gout", {"lang": "fr"}).file_stem == "gout"
