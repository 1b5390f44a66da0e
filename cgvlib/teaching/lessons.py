"""The exercises of each lesson of ``notebooks/teaching/``, keyed by the notebook's name.

Lessons 01 to 03 take their questions, answers, classic mistakes and working from the apps'
exercise builders (:func:`cgvlib.apps.late_payment.law_exercises`,
:func:`cgvlib.apps.notice.notice_exercises`, :func:`cgvlib.apps.findings.findings_exercises`)
and add two hints each, which never state the answer; lesson 02 adds an exercise on the two
readings of JANQUOR's « terme » and sets Teogest's on a scenario of its own. Lessons 04 to
06 are defined here. Their words are English and French (``lang``), through the catalog.
Every answer is computed by the library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from cgvlib.apps.exercises import Exercise as AppExercise
from cgvlib.apps.findings import findings_exercises
from cgvlib.apps.late_payment import law_exercises
from cgvlib.apps.notice import gout_deadline_exercise, notice_exercises, teogest_end_exercise
from cgvlib.arithmetic.notice import exit_plan, renewal_deadlines
from cgvlib.arithmetic.price import revise_price
from cgvlib.arithmetic.sla import sla_credit, sla_downtime, unavailability
from cgvlib.dates import as_date, format_date
from cgvlib.i18n import say, translate
from cgvlib.money import format_eur, format_number, round_half_up
from cgvlib.reference.months import months_before
from cgvlib.reference.syntec import load_syntec, syntec, syntec_ratio
from cgvlib.teaching.exercise import Exercise


def _hints_01(lang: str) -> dict[int, tuple[str, str]]:
    return {
        1: (translate("Count the days of delay from the day after the due date to the payment "
                      "date, and split them at 1 July: L441-10 II gives each semester its own "
                      "rate.", lang),
            translate("For each part: 10,000 EUR x (the ECB rate in force on 1 January or on 1 "
                      "July, plus 10 points) x its days / 365. Add the parts, round once to the "
                      "cent, then add the fixed recovery indemnity of D441-5.", lang)),
        2: (translate("L441-10 II: penalties are due « le jour suivant la date de règlement "
                      "figurant sur la facture ». Is the due date itself a day of delay?", lang),
            translate("Mind the calendar: 2024 is a leap year. Which day follows the due date?",
                      lang)),
        3: (translate("The floor is a multiple of the legal interest rate of the semester, not "
                      "of the ECB rate, and the multiple is written in L441-10 II.", lang),
            translate("Take the legal rate of the first semester of 2024 for creditors other "
                      "than consumers (« dans tous les autres cas »: "
                      "cgvlib.legal_rate('2024-03-01') gives it), then apply the multiple.",
                      lang)),
        4: (translate("Art. 14 can be read two ways: the delay starts the day after receipt (« "
                      "payables à réception »), or after the thirty days from issue. A "
                      "standard-form contract is read, in doubt, against the party who drafted "
                      "it (Code civil 1190): which start is that?", lang),
            translate("Under the later start, count thirty calendar days after the issue date; "
                      "the first day of delay is the day after the thirtieth.", lang)),
        5: (translate("The default reading is pro rata temporis: the penalty grows day by day, "
                      "not month by month, and the question leaves out the 40 EUR.", lang),
            translate("A month is a twelfth of a 365-day year: 10 % a month is 120 % a year; "
                      "take that rate on 2,000 EUR for 45 days out of 365.", lang)),
    }


def _hints_02(lang: str) -> dict[str, tuple[str, str]]:
    return {
        "janquor_deadline": (
            translate("Find the term first: a 12-month contract ends on the day before its "
                      "anniversary. Then go back two calendar months, not 60 days.", lang),
            translate("Going back two months from the end of January lands in a month that may "
                      "be too short: the date then clamps to that month's last day (end-of-month "
                      "clamping).", lang)),
        "janquor_two_readings": (
            translate("« Le terme » may be the term's last day or the anniversary, the first "
                      "day of the renewed period: count two calendar months back from each. "
                      "Which of the two days is in time under both readings?", lang),
            translate("The earlier day is safe whichever reading a judge follows; the later one "
                      "is the risk: in time only if « le terme » is the anniversary.", lang)),
        "janquor_late_cost": (
            translate("Was the letter in time? A late letter is void (« toute demande de "
                      "résiliation hors-délai sera nul »): the contract renews for another 12 "
                      "months, due in full.", lang),
            translate("Count the monthly bills still to come from the month in progress on the "
                      "day the letter leaves (a started month is due) to the end of the renewed "
                      "period, and multiply by 1,000 EUR.", lang)),
        "teogest_end": (
            translate("Count the préavis first: one month, plus one month per completed year of "
                      "subscription on the day of the request.", lang),
            translate("The préavis starts « le lendemain du mois » of the request, on the first "
                      "day of the next month, and ends on the last day of its last month.",
                      lang)),
        "teogest_first_anniversary": (
            translate("« Moins d’un an » gives no préavis, « plus d’un an » gives one month "
                      "plus one per completed year. A request on the anniversary fits neither "
                      "phrase: which reading does a careful client plan on?", lang),
            translate("The careful reading is the one that gives the later end and the larger "
                      "bill; on the anniversary, how many years are completed?", lang)),
        "gout_deadline": (
            translate("« L’échéance » may be the period's last day or the renewal date; for a "
                      "date the client must meet, take the reading that gives the earliest "
                      "day.", lang),
            translate("Find the last day of a 12-month period starting on 1 April 2024, then go "
                      "back one calendar month (not 30 days); a day that does not exist clamps "
                      "to the month's end.", lang)),
    }


def _hints_03(lang: str) -> dict[int, tuple[str, str]]:
    return {
        1: (translate("Compare « taux d’intérêt légal, majoré de trois points » with three times "
                      "the legal rate: for which legal rates is legal + 3 below 3 x legal?",
                      lang),
            translate("legal + 3 < 3 x legal when the legal rate is above 1.5 %. Find the first "
                      "semester whose legal rate for professional creditors passes it: "
                      "cgvlib.legal_rate(day) gives each semester's rate.", lang)),
        2: (translate("The legal rate is fixed per semester, not per year (« Il est calculé "
                      "semestriellement », L313-2): is Leappy's 4.22 % the rate of January to "
                      "June 2023?", lang),
            translate("Take the legal rate of the first semester of 2023 for professional "
                      "creditors (cgvlib.legal_rate('2023-03-15')) and apply the multiple of "
                      "L441-10 II.", lang)),
        3: (translate("The floor is three times the legal rate, Leappy's rate twice the same "
                      "legal rate: the gap is their difference.", lang),
            translate("3 x legal - 2 x legal is one legal rate: take the legal rate of the "
                      "first semester of 2024 for professional creditors.", lang)),
    }


def _hinted(base: dict, hints: dict, lang: str) -> dict:
    return {key: _with_hints(exercise, hints[key], lang) for key, exercise in base.items()}


def _with_hints(base: AppExercise, hints: tuple[str, ...], lang: str) -> Exercise:
    return Exercise(question=base.question, solution=base.solution, unit=base.unit,
                    working=base.working, mistakes=dict(base.mistakes), hints=hints, lang=lang)


def late_payment_law(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 01: L441-10, D441-5 and penalty clauses."""
    return _hinted(law_exercises(lang), _hints_01(lang), lang)


# JANQUOR art. 16, a contract started on 15 July 2024: the two readings of « le terme » give
# two different last days (no end-of-month clamping to make them meet, unlike 31 January)
TWO_READINGS_START = "2024-07-15"
# Teogest art. 20 in the lesson: a scenario of its own, so that the answer (30 June 2025) is
# neither the worked example of the lesson's prose (31 March) nor another exercise's answer
TEOGEST_START, TEOGEST_REQUEST = "2020-06-10", "2025-01-14"


def janquor_two_readings_exercise(lang: str = "en") -> AppExercise:
    """JANQUOR art. 16, 12 months from :data:`TWO_READINGS_START`: « deux (2) mois avant le
    terme du contrat » counted from the term's last day (14 July 2025: 14 May 2025) or from the
    anniversary (15 July 2025: 15 May 2025). The last safe day is the earlier, 14 May; 15 May
    is the risk, in time under one reading only."""
    def row() -> dict:
        table = renewal_deadlines("janquor", TWO_READINGS_START, TWO_READINGS_START)
        return table.iloc[0].to_dict()

    def day(key: str) -> str:
        return format_date(row()[key], lang)

    return AppExercise(
        question=translate(
            "JANQUOR, 12-month contract started on 15 July 2024, art. 16: the letter must leave "
            "« deux (2) mois avant le terme du contrat ». « Le terme » may be the term's last "
            "day or the anniversary, the first day of the renewed period. Which is the last day "
            "on which the letter is safe, in time whichever reading a judge follows?", lang),
        solution=lambda: row()["last_day_to_send_notice"],
        unit="date",
        working=lambda: translate(
            "the first term runs {start} to {end}, the renewed period starts on {renewal}; two "
            "months before the term's last day is {safe}, two months before the anniversary "
            "{risk}; a letter sent on {safe} is in time under both readings (the last safe "
            "day), a letter sent on {risk} only if « le terme » is the anniversary (the risk: "
            "if not, the contract renews and the whole renewed period is due)", lang).format(
                start=day("term_start"), end=day("term_end"), renewal=day("renewal_date"),
                safe=day("last_day_to_send_notice"),
                risk=day("last_day_to_send_notice (anniversary)")),
        mistakes={
            translate("you counted from the anniversary: that day is the risk, in time only "
                      "under that reading; under the other, the letter is void and the renewed "
                      "period due in full", lang):
                lambda: row()["last_day_to_send_notice (anniversary)"],
            translate("you counted 60 days back from the term's last day instead of two "
                      "calendar months", lang):
                lambda: row()["term_end"] - dt.timedelta(days=60),
            translate("you gave the term's last day, when the contract ends: the letter must "
                      "leave two months earlier", lang): lambda: row()["term_end"],
        },
    )


def renewal_and_notice(lang: str = "en") -> dict[str, Exercise]:
    """Lesson 02: tacite reconduction and préavis. GOUT's exercise is on a period starting on
    1 April and Teogest's on a scenario of its own, so that no two answers coincide and no
    worked example of the prose gives one away."""
    exercises = {**notice_exercises(lang),
                 "janquor_two_readings": janquor_two_readings_exercise(lang),
                 "teogest_end": teogest_end_exercise(TEOGEST_START, TEOGEST_REQUEST, lang),
                 "gout_deadline": gout_deadline_exercise("2024-04-01", lang)}
    return _hinted(exercises, _hints_02(lang), lang)


def compliance_findings(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 03: three findings checked against the statute."""
    return _hinted(findings_exercises(lang), _hints_03(lang), lang)


# --------------------------------------------------------------------------- lesson 04


def _credit(downtime, month: str, invoice, planned_maintenance=0) -> Callable[[], Decimal]:
    def value():
        rate = unavailability(downtime, month, planned_maintenance=planned_maintenance)
        return sla_credit("teogest", rate, invoice).amount
    return value


def _credit_at(percent, invoice, reading: str | None = None) -> Callable[[], Decimal]:
    return lambda: sla_credit("teogest", percent, invoice, reading=reading).amount


def _working(lang: str, *results: Callable[[], object]) -> Callable[[], str]:
    return lambda: "; ".join(say(line, lang) for r in results for line in r().working)


def service_levels(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 04: Teogest's service levels (annex 2): the downtime budget of a period, the
    month's unavailability rate, the credit tiers and the gaps between them. Its questions,
    hints and mistakes are in English and French (``lang``), through the gettext catalog.

    1. The downtime 99.8 % allows per week, in minutes: 0.2 % of 7 x 1,440 min.
    2. June 2024 (30 days), 4 h down, invoice 2,500 EUR: 4 / 720 h = 0.556 %, tier 0.51-1 %,
       credit 8 %.
    3. A month at 0.205 %, invoice 2,000 EUR: in the gap between « 0,2 % » and « 0,21 »;
       default reading (upper tier, Code civil 1190) 3 %.
    4. June 2024, 3 h 36 min down, 24 h of planned maintenance, invoice 1,500 EUR: the
       maintenance leaves the total time (720 - 24 = 696 h), 3.6 / 696 = 0.517 %, tier 8 %.
    """
    week = lambda: sla_downtime("99.8", "week")  # noqa: E731
    return {
        1: Exercise(
            translate("Teogest annex 2 A.1 guarantees « un taux de disponibilité de 99,8 % ». "
                      "How many minutes of downtime does that allow per week (7 days of 24 "
                      "hours)?", lang),
            solution=lambda: week().seconds / 60,
            unit="minutes",
            working=_working(lang, week),
            mistakes={
                translate("you took the downtime of one day, not of a week", lang):
                    lambda: sla_downtime("99.8", "day").seconds / 60,
                translate("you took 99.8 % of the week, the time the service must be up, not "
                          "the 0.2 % it may be down", lang):
                    lambda: Decimal("0.998") * 7 * 1440,
                translate("you read 0.2 % as 0.02 %: 0.2 % is 2 in a thousand", lang):
                    lambda: Decimal("0.0002") * 7 * 1440,
                translate("you gave hours, not minutes", lang): lambda: week().seconds / 3600,
            },
            hints=(translate("The text guarantees availability; the downtime allowed is what "
                             "is left: 100 % - 99.8 %.", lang),
                   translate("A week is 7 x 24 x 60 minutes; take the allowed share of it.",
                             lang)),
            lang=lang,
        ),
        2: Exercise(
            translate("Teogest, June 2024 (30 days): the service was down 4 hours in all, with "
                      "no planned maintenance; the month's invoice is 2,500 EUR. What service "
                      "credit does annex 2 A.6 give, in EUR?", lang),
            solution=_credit("4h", "2024-06", 2500),
            unit="EUR",
            working=_working(lang, lambda: sla_credit(
                "teogest", unavailability("4h", "2024-06"), 2500)),
            mistakes={
                translate("you took the tier below (0.21-0.5 %, 3 %): 4 h out of 720 h is "
                          "above 0.5 %", lang): _credit_at("0.3", 2500),
                translate("you took the tier above (1.01-1.5 %, 13 %): 4 h out of 720 h is "
                          "below 1 %", lang): _credit_at("1.2", 2500),
                translate("you applied the unavailability rate itself to the invoice, not the "
                          "tier's credit", lang): lambda: Decimal(2500) * 4 / 720 / 100,
            },
            hints=(translate("First the month's unavailability rate: downtime / the month's "
                             "total time x 100, June having 30 days of 24 hours.", lang),
                   translate("Then find the tier the rate falls in (0.21-0.5 %, 0.51-1 %, "
                             "1.01-1.5 %, above 1.5 %) and take its share of the month's "
                             "invoice.", lang)),
            lang=lang,
        ),
        3: Exercise(
            translate("Teogest's tiers read « compris entre 0 % et 0,2 % » (no credit), then "
                      "« compris entre 0,21 et 0,5 % » (3 %). A month's unavailability is "
                      "0.205 % and its invoice 2,000 EUR. Under the default reading of the gap "
                      "between the tiers, what credit is due, in EUR?", lang),
            solution=_credit_at("0.205", 2000),
            unit="EUR",
            working=_working(lang, _credit_at_result("0.205", 2000)),
            mistakes={
                translate("you gave the rate to the tier below (no credit): that reading "
                          "favours the vendor who drafted the text; in doubt a standard-form "
                          "contract is read against its drafter (Code civil 1190)", lang):
                    _credit_at("0.205", 2000, reading="lower_tier"),
                translate("you took the 8 % tier (0.51-1 %)", lang): _credit_at("0.75", 2000),
            },
            hints=(translate("0.205 % is in neither tier: the text leaves a gap between 0.2 "
                             "and 0.21. Two readings: it takes the tier below, or the tier "
                             "above.", lang),
                   translate("In doubt, a standard-form contract is read against the party "
                             "who drafted it (Code civil 1190): which reading does that "
                             "favour, the vendor or the client?", lang)),
            lang=lang,
        ),
        4: Exercise(
            translate("Teogest, June 2024: 3 h 36 min of downtime, and 24 hours of planned "
                      "corrective and evolutive maintenance; the month's invoice is 1,500 EUR. "
                      "Annex 2 A.6: « Le « temps total théorique » correspond à la période "
                      "totale d’utilisation possible du service dans le mois donné déduction "
                      "faite des temps de maintenance [...] programmés ». What service credit "
                      "is due, in EUR?", lang),
            solution=_credit("3h36", "2024-06", 1500, planned_maintenance="24h"),
            unit="EUR",
            working=_working(lang, lambda: sla_credit(
                "teogest", unavailability("3h36", "2024-06", planned_maintenance="24h"),
                1500)),
            mistakes={
                translate("you did not deduct the planned maintenance from the month's total "
                          "time (3.6 h / 720 h = 0.5 %, the 3 % tier)", lang):
                    _credit("3h36", "2024-06", 1500),
                translate("you counted the planned maintenance as downtime; it is deducted "
                          "from the total time instead", lang): _credit("27h36", "2024-06", 1500),
            },
            hints=(translate("The maintenance is not downtime: it is taken out of the month's "
                             "total time, the denominator of the rate.", lang),
                   translate("Total time: 30 x 24 hours minus the maintenance; rate: downtime "
                             "/ that total x 100; then the tier, then its share of the "
                             "invoice.", lang)),
            lang=lang,
        ),
    }


# --------------------------------------------------------------------------- lesson 05


def _leappy_price(price, signed: str, service: str) -> Callable[[], Decimal]:
    return lambda: revise_price("leappy", price, signed, service).price


def _ratio_price(price: int, new_month: str, base_month: str) -> Callable[[], Decimal]:
    """``price`` x S(new_month) / S(base_month), rounded once half-up to the cent: a mistaken
    choice of index months."""
    def value():
        ratio = syntec_ratio(new_month, base_month)
        return Decimal(round_half_up(price * 100 * ratio)).scaleb(-2)
    return value


def _teogest_worst(price, signed: str, service: str) -> Callable[[], Decimal]:
    return lambda: revise_price("teogest", price, signed, service).worst_case_price


def _explained(vendor: str, price, signed: str, service: str,
               lang: str) -> Callable[[], str]:
    return lambda: revise_price(vendor, price, signed, service).explain(lang)


# the change of base (August 2022): a base of the old index, a new value of the revised one
CHANGE_OF_BASE_S1, CHANGE_OF_BASE_S2 = "2021-12", "2023-01"


def _coefficient() -> Fraction:
    return load_syntec().revision.coefficient_fraction


def _plain_ratio_price(price: int, new: Fraction, base: Fraction) -> Decimal:
    """``price`` x ``new`` / ``base``, rounded once half-up to the cent."""
    return Decimal(round_half_up(price * 100 * new / base)).scaleb(-2)


def _change_of_base_working(lang: str) -> str:
    base, new = syntec(CHANGE_OF_BASE_S1), syntec(CHANGE_OF_BASE_S2)
    price = _ratio_price(1000, CHANGE_OF_BASE_S2, CHANGE_OF_BASE_S1)()
    return translate(
        "S1 = {base} (old index, December 2021), S2 = {new} (revised index, January 2023); the "
        "base in revised terms is S1 x k = {base} x {k}; price = 1,000 EUR x {new} / ({base} x "
        "{k}) = {price}", lang).format(
            base=format_number(base.value, lang), new=format_number(new.value, lang),
            k=format_number(load_syntec().revision.coefficient, lang),
            price=format_eur(int(price * 100), lang))


def price_revision(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 05: price revision on the Syntec index. Its questions, hints and mistakes are in
    English and French (``lang``), through the gettext catalog.

    1. Leappy, 1,000 EUR signed 2023-03-01, a service on 2023-08-01: one revision (1 July
       2023); S1 the index last published on 2023-03-01 (2023-01, 293.9), S2 the one last
       published on 2023-07-01 (2023-05, 302.7): 1,000 x 302.7 / 293.9 = 1,029.94 EUR.
    2. Leappy, 2,000 EUR signed 2023-03-01, a service on 2024-01-01: the revision of 1 January
       applies to services after it, so only July 2023's: 2,000 x 302.7 / 293.9 = 2,059.88.
    3. Teogest, 1,000 EUR set on 2024-03-01, a service on 2026-02-01: two revisions (1 January
       2025 and 2026), worst case +9 % each: 1,000 x 1.09 x 1.09 = 1,188.10 EUR.
    4. Across the August 2022 change of base: 1,000 EUR on a base S1 of the old index
       (December 2021, 277.3), revised with the revised index of January 2023 (293.9) and the
       « coefficient de raccord » k = 0.97975: 1,000 x 293.9 / (277.3 x k) = 1,081.77 EUR.
    """
    return {
        1: Exercise(
            translate("Leappy art. 4: « P2=P1x(S2/S1) où [...] S2 représente le dernier indice "
                      "Syntec publié à la date de la révision, S1 représente le dernier indice "
                      "Syntec publié à la date de la précédente révision (pour la première "
                      "révision, l'indice utilisé sera le dernier publié à la date de la "
                      "signature du contrat) », revisions « en janvier et juillet ». A price of "
                      "1,000 EUR is signed on 1 March 2023. What is the price of a service "
                      "executed on 1 August 2023, in EUR?", lang),
            solution=_leappy_price(1000, "2023-03-01", "2023-08-01"),
            unit="EUR",
            working=_explained("leappy", 1000, "2023-03-01", "2023-08-01", lang),
            mistakes={
                translate("you took for S2 the index of July 2023, the month of the revision; "
                          "on 1 July the last index published is two months older (the index "
                          "of a month is published at the end of the next)", lang):
                    _ratio_price(1000, "2023-07", "2023-01"),
                translate("you took for S1 the index of March 2023, the month of the "
                          "signature, not the last one published on that day", lang):
                    _ratio_price(1000, "2023-05", "2023-03"),
                translate("you took the indices of the months of the signature and of the "
                          "revision themselves, not the last ones published", lang):
                    _ratio_price(1000, "2023-07", "2023-03"),
                translate("you took for S2 the index of June 2023, published on 31 July, "
                          "after the revision", lang): _ratio_price(1000, "2023-06", "2023-01"),
            },
            hints=(translate("Two index values: the last one published on the day of the "
                             "signature, and the last one published on the day of the revision "
                             "(1 July 2023). The index of a month is published at the end of "
                             "the following month.", lang),
                   translate("cgvlib.syntec_last_published(day) gives the last index published "
                             "on a day; the price is 1,000 EUR x S2 / S1, rounded to the cent.",
                             lang)),
            lang=lang,
        ),
        2: Exercise(
            translate("Leappy again, art. 4: « Les nouveaux prix sont appliqués à tous les "
                      "services exécutés après la date de la révision de prix ». A price of "
                      "2,000 EUR is signed on 1 March 2023. What is the price of a service "
                      "executed on 1 January 2024, in EUR?", lang),
            solution=_leappy_price(2000, "2023-03-01", "2024-01-01"),
            unit="EUR",
            working=_explained("leappy", 2000, "2023-03-01", "2024-01-01", lang),
            mistakes={
                translate("you applied the revision of 1 January 2024 too; its new prices "
                          "apply to the services executed after that day, and this one is "
                          "executed on it", lang): _ratio_price(2000, "2023-11", "2023-01"),
                translate("you applied no revision; the revision of July 2023 has taken "
                          "effect", lang): lambda: Decimal("2000.00"),
            },
            hints=(translate("Which revisions have taken effect for a service executed on "
                             "1 January 2024? Read « après la date de la révision » closely.",
                             lang),
                   translate("A service executed on a revision date keeps the previous price: "
                             "count only the revisions strictly before the service, each with "
                             "its own S1 and S2.", lang)),
            lang=lang,
        ),
        3: Exercise(
            translate("Teogest art. 14.1.2: prices « révisés au 1er janvier de chaque année en "
                      "fonction de l’indice Syntec. Si cet indice entraîne une hausse des "
                      "tarifs inférieure à 9 %, la hausse pourra être supérieure à celle fondée "
                      "sur l'indice Syntec mais ne pourra excéder 9 % ». A subscription priced "
                      "1,000 EUR on 1 March 2024: in the worst case (the vendor using its whole "
                      "margin every time), what is the price of a service on 1 February 2026, "
                      "in EUR?", lang),
            solution=_teogest_worst(1000, "2024-03-01", "2026-02-01"),
            unit="EUR",
            working=_explained("teogest", 1000, "2024-03-01", "2026-02-01", lang),
            mistakes={
                translate("you added the two rises (2 x 9 % = 18 %); each revision applies to "
                          "the price the previous one gave", lang): lambda: Decimal("1180.00"),
                translate("you applied one revision only; 1 January 2025 and 1 January 2026 "
                          "both fall after the price was set", lang):
                    lambda: Decimal("1090.00"),
                translate("you also applied the revision of 1 January 2024, before the price "
                          "was set", lang):
                    lambda: Decimal(round_half_up(Fraction(1000_00) * Fraction(109, 100) ** 3))
                    .scaleb(-2),
            },
            hints=(translate("Count the revisions: each 1 January after the date the price "
                             "was set, up to the service.", lang),
                   translate("In the worst case each revision is +9 %, applied to the price "
                             "the previous revision gave (compounded, not added).", lang)),
            lang=lang,
        ),
        4: Exercise(
            translate("A price of 1,000 EUR is revised once with P2 = P1 x S2 / S1 (the formula "
                      "of Leappy's art. 4). Its base S1 is the old Syntec index of December "
                      "2021, 277.3; the revision takes the revised index of January 2023, 293.9. "
                      "The old index stopped with July 2022, and the Syntec federation published "
                      "a « coefficient de raccord » of 0.97975 (280.6 / 286.4), which « peut "
                      "servir aux utilisateurs qui, pour des raisons contractuelles, "
                      "souhaiteraient poursuivre la série arrêtée ». What is the revised price, "
                      "in EUR?", lang),
            solution=_ratio_price(1000, CHANGE_OF_BASE_S2, CHANGE_OF_BASE_S1),
            unit="EUR",
            working=lambda: _change_of_base_working(lang),
            mistakes={
                translate("you divided a revised value by an old one without the coefficient: "
                          "the ratio mixes two series and comes out about 2 % too low", lang):
                    lambda: _plain_ratio_price(1000, Fraction("293.9"), Fraction("277.3")),
                translate("you multiplied by the coefficient instead of dividing by it: the old "
                          "base is put in revised terms as S1 x k, so k divides the ratio", lang):
                    lambda: _plain_ratio_price(1000, Fraction("293.9") * _coefficient(),
                                               Fraction("277.3")),
                translate("you took 286.4, the old value in the coefficient's denominator, as "
                          "the base; the contract's base is its own S1, December 2021", lang):
                    lambda: _plain_ratio_price(1000, Fraction("293.9"), Fraction("286.4")),
            },
            hints=(translate("S1 is a value of the old index, S2 of the revised one: the two "
                             "series cannot be divided as they stand.", lang),
                   translate("Put the base in revised terms first, S1 x 0.97975 (or continue "
                             "the old series, S2 / 0.97975), then apply P1 x S2 / S1 and round "
                             "once to the cent.", lang)),
            lang=lang,
        ),
    }


# --------------------------------------------------------------------------- lesson 06

SAFE_HARBOUR_MONTHS = 18  # L442-1 II: « un préavis de dix-huit mois »


def _teogest_notice() -> Callable[[], object]:
    return lambda: exit_plan("teogest", "2019-03-15", "2025-11-20")


def established_relationship(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 06: ending an established commercial relationship (Code de commerce L442-1 II).

    1. GOUT maintenance renewed every year since 2016, ending at the term of 31 December 2025:
       the last safe day for a letter giving the 18 months of the safe harbour, counted back
       from the term's last day as the library counts every notice (the last safe day):
       18 months before 2025-12-31 is 2024-06-30.
    2. Teogest, subscribed since 2019-03-15, request 2025-11-20: art. 20 gives 1 + 6 full
       years = 7 months; the safe harbour is 18: 11 months short.
    3. GOUT ends a 9-year relationship with the contract's month of notice; with a notice of 9
       months held reasonable and a monthly gross margin of 400 EUR, the client's loss as
       courts usually measure it (the margin over the notice not given): (9 - 1) x 400.
    """
    teogest = _teogest_notice()
    return {
        1: Exercise(
            translate("Michaël GOUT has maintained a client's website since 1 January "
                      "2016, the maintenance renewed every year by « tacite reconduction "
                      "» (art. 7 C: notice « au moins un mois avant l’échéance »). After "
                      "nine years, the relationship is established. The client wants it "
                      "to end at the term of 31 December 2025 with notice no court can "
                      "hold too short (L442-1 II: « un préavis de dix-huit mois »). "
                      "Counting back from the term's last day, as for every notice in "
                      "these lessons, what is the last safe day to send the letter?", lang),
            solution=lambda: months_before("2025-12-31", SAFE_HARBOUR_MONTHS),
            unit="date",
            working=lambda: translate(
                "18 calendar months before the term's last day, {term}, is {safe} (the same "
                "day number, clamped to the month's end); the contract alone asks one month, "
                "{contract}, which L442-1 II may hold too short for a relationship of nine "
                "years", lang).format(
                    term=format_date(as_date("2025-12-31"), lang),
                    safe=format_date(months_before("2025-12-31", SAFE_HARBOUR_MONTHS), lang),
                    contract=format_date(months_before("2025-12-31", 1), lang)),
            mistakes={
                translate("you gave the contract's own deadline, one month before the "
                          "term; L442-1 II judges the notice by the length of the "
                          "relationship, whatever the contract says", lang):
                    lambda: months_before("2025-12-31", 1),
                translate("you counted 18 months of 30 days (540 days) instead of "
                          "calendar months", lang):
                    lambda: as_date("2025-12-31") - dt.timedelta(days=540),
                translate("you counted 12 months, one per year of a yearly contract, not "
                          "the 18 of the statute", lang): lambda: months_before("2025-12-31", 12),
            },
            hints=(translate("The statute's safe harbour is a number of months written "
                             "in L442-1 II; the contract's one month does not bind a "
                             "court.", lang),
                   translate("Go back that many calendar months from 31 December 2025, "
                             "the term's last day, as lesson 02 counts « N mois avant le "
                             "terme ».", lang)),
            lang=lang,
        ),
        2: Exercise(
            translate("Teogest, subscription since 15 March 2019; the client asks to "
                      "unsubscribe on 20 November 2025. Art. 20 gives « un préavis "
                      "minimum d’un mois plus un mois par année complète d’abonnement ». "
                      "By how many months is that préavis shorter than the eighteen "
                      "months of L442-1 II, which no court can hold too short?", lang),
            solution=lambda: SAFE_HARBOUR_MONTHS - teogest().notice_months,
            unit="months",
            working=lambda: translate(
                "art. 20: 1 + {years} full years = {months} months ({derivation}); 18 - "
                "{months} = {gap} months", lang).format(
                    years=teogest().notice_months - 1, months=teogest().notice_months,
                    derivation="; ".join(say(line, lang) for line in teogest().derivation),
                    gap=SAFE_HARBOUR_MONTHS - teogest().notice_months),
            mistakes={
                translate("you counted started years (7) instead of completed years (6), "
                          "so 8 months of préavis", lang):
                    lambda: SAFE_HARBOUR_MONTHS - teogest().notice_months - 1,
                translate("you forgot the base month of « un mois plus un mois par année "
                          "complète »", lang):
                    lambda: SAFE_HARBOUR_MONTHS - teogest().notice_months + 1,
                translate("you gave the préavis itself, not the gap to eighteen months", lang):
                    lambda: teogest().notice_months,
            },
            hints=(translate("First the contractual préavis: one month, plus one per "
                             "completed year of subscription on the day of the request.", lang),
                   translate("Then subtract it from the statute's eighteen months.", lang)),
            lang=lang,
        ),
        3: Exercise(
            translate("After nine years, Michaël GOUT ends a client's maintenance with "
                      "the contract's one month of notice. Suppose a court holds that "
                      "this relationship called for nine months of notice, and that the "
                      "client's gross margin on the relationship is 400 EUR a month. "
                      "Courts usually measure the loss from an abrupt ending as the "
                      "gross margin the victim would have earned over the notice it did "
                      "not get. What is that loss, in EUR?", lang),
            solution=lambda: Decimal((9 - 1) * 400),
            unit="EUR",
            working=lambda: translate(
                "notice due {due} months, given {given}: {missing} months missing x {margin} "
                "= {loss}", lang).format(
                    due=9, given=1, missing=9 - 1, margin=format_eur(400_00, lang),
                    loss=format_eur((9 - 1) * 400_00, lang)),
            mistakes={
                translate("you counted the whole nine months; the month of notice given "
                          "is not missing", lang):
                    lambda: Decimal(9 * 400),
                translate("you counted the eighteen months of the safe harbour; it is "
                          "the notice no court can hold too short, not the notice this "
                          "court required", lang):
                    lambda: Decimal((18 - 1) * 400),
            },
            hints=(translate("Only the notice that was not given is lost: the notice due "
                             "minus the notice given.", lang),
                   translate("Multiply the missing months by the monthly gross margin.", lang)),
            lang=lang,
        ),
    }


def _credit_at_result(percent, invoice) -> Callable[[], object]:
    return lambda: sla_credit("teogest", percent, invoice)


# The lessons, by the name of their notebook in notebooks/teaching/
LESSONS: dict[str, Callable[[str], dict]] = {
    "01_late_payment_law": late_payment_law,
    "02_renewal_and_notice": renewal_and_notice,
    "03_compliance_findings": compliance_findings,
    "04_service_levels": service_levels,
    "05_price_revision": price_revision,
    "06_established_relationship": established_relationship,
}

__all__ = ["LESSONS", "compliance_findings", "established_relationship", "late_payment_law",
           "price_revision",
           "renewal_and_notice", "service_levels"]
