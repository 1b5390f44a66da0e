"""The exercises of each lesson of ``notebooks/teaching/``, keyed by the notebook's name.

Lessons 01 to 03 take their questions, answers, classic mistakes and working from the apps'
exercise builders (:func:`cgvlib.apps.late_payment.law_exercises`,
:func:`cgvlib.apps.notice.notice_exercises`, :func:`cgvlib.apps.findings.findings_exercises`)
and add two hints each, which never state the answer. Lesson 04 (service levels, Teogest
annex 2) is defined here. Every answer is computed by the library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from cgvlib.apps.exercises import Exercise as AppExercise
from cgvlib.apps.findings import findings_exercises
from cgvlib.apps.late_payment import law_exercises
from cgvlib.apps.notice import notice_exercises
from cgvlib.arithmetic.notice import renewal_deadlines
from cgvlib.arithmetic.price import revise_price
from cgvlib.arithmetic.sla import sla_credit, sla_downtime, unavailability
from cgvlib.i18n import translate
from cgvlib.money import round_half_up
from cgvlib.reference.months import add_months
from cgvlib.reference.syntec import syntec_ratio
from cgvlib.teaching.exercise import Exercise

HINTS_01 = {
    1: ("Count the days of delay from the day after the due date to the payment date, and "
        "split them at 1 July: L441-10 II gives each semester its own rate.",
        "For each part: 10,000 EUR x (the ECB rate in force on 1 January or on 1 July, plus 10 "
        "points) x its days / 365. Add the parts, round once to the cent, then add the fixed "
        "recovery indemnity of D441-5."),
    2: ("L441-10 II: penalties are due « le jour suivant la date de règlement figurant sur la "
        "facture ». Is the due date itself a day of delay?",
        "Mind the calendar: 2024 is a leap year. Which day follows the due date?"),
    3: ("The floor is a multiple of the legal interest rate of the semester, not of the ECB "
        "rate, and the multiple is written in L441-10 II.",
        "Take the legal rate of the first semester of 2024 for creditors other than consumers "
        "(« dans tous les autres cas »: cgvlib.legal_rate('2024-03-01') gives it), then apply "
        "the multiple."),
    4: ("Art. 14 can be read two ways: the delay starts the day after receipt (« payables à "
        "réception »), or after the thirty days from issue. A standard-form contract is read, "
        "in doubt, against the party who drafted it (Code civil 1190): which start is that?",
        "Under the later start, count thirty calendar days after the issue date; the first day "
        "of delay is the day after the thirtieth."),
    5: ("The default reading is pro rata temporis: the penalty grows day by day, not month by "
        "month, and the question leaves out the 40 EUR.",
        "A month is a twelfth of a 365-day year: 10 % a month is 120 % a year; take that rate "
        "on 2,000 EUR for 45 days out of 365."),
}

HINTS_02 = {
    "janquor_deadline": (
        "Find the term first: a 12-month contract ends on the day before its anniversary. "
        "Then go back two calendar months, not 60 days.",
        "Going back two months from the end of January lands in a month that may be too "
        "short: the date then clamps to that month's last day (end-of-month clamping)."),
    "janquor_late_cost": (
        "Was the letter in time? A late letter is void (« toute demande de résiliation "
        "hors-délai sera nul »): the contract renews for another 12 months, due in full.",
        "Count the monthly bills still to come from the month in progress on the day the "
        "letter leaves (a started month is due) to the end of the renewed period, and multiply "
        "by 1,000 EUR."),
    "teogest_end": (
        "Count the préavis first: one month, plus one month per completed year of "
        "subscription on the day of the request.",
        "The préavis starts « le lendemain du mois » of the request, on the first day of the "
        "next month, and ends on the last day of its last month."),
    "teogest_first_anniversary": (
        "« Moins d’un an » gives no préavis, « plus d’un an » gives one month plus one per "
        "completed year. A request on the anniversary fits neither phrase: which reading does "
        "a careful client plan on?",
        "The careful reading is the one that gives the later end and the larger bill; on the "
        "anniversary, how many years are completed?"),
    "gout_deadline": (
        "« L’échéance » may be the period's last day or the renewal date; for a date the "
        "client must meet, take the reading that gives the earliest day.",
        "Find the last day of a 12-month period starting on 1 April 2024, then go back one "
        "calendar month (not 30 days); a day that does not exist clamps to the month's end."),
}

HINTS_03 = {
    1: ("Compare « taux d’intérêt légal, majoré de trois points » with three times the legal "
        "rate: for which legal rates is legal + 3 below 3 x legal?",
        "legal + 3 < 3 x legal when the legal rate is above 1.5 %. Find the first semester "
        "whose legal rate for professional creditors passes it: cgvlib.legal_rate(day) gives "
        "each semester's rate."),
    2: ("The legal rate is fixed per semester, not per year (« Il est calculé "
        "semestriellement », L313-2): is Leappy's 4.22 % the rate of January to June 2023?",
        "Take the legal rate of the first semester of 2023 for professional creditors "
        "(cgvlib.legal_rate('2023-03-15')) and apply the multiple of L441-10 II."),
    3: ("The floor is three times the legal rate, Leappy's rate twice the same legal rate: the "
        "gap is their difference.",
        "3 x legal - 2 x legal is one legal rate: take the legal rate of the first semester of "
        "2024 for professional creditors."),
}


def _hinted(base: dict, hints: dict, lang: str) -> dict:
    return {key: _with_hints(exercise, hints[key], lang) for key, exercise in base.items()}


def _with_hints(base: AppExercise, hints: tuple[str, ...], lang: str) -> Exercise:
    return Exercise(question=base.question, solution=base.solution, unit=base.unit,
                    working=base.working, mistakes=dict(base.mistakes), hints=hints, lang=lang)


def late_payment_law(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 01: L441-10, D441-5 and penalty clauses."""
    return _hinted(law_exercises(), HINTS_01, lang)


def _gout_row() -> dict:
    table = renewal_deadlines("gout", "2024-04-01", "2024-04-01", commitment_months=12)
    return {**table.iloc[0].to_dict(), "reading": table.attrs["reading"]}


def _gout_deadline() -> AppExercise:
    """GOUT art. 7 C, maintenance for 12 months from 1 April 2024: the period's last day is
    31 March 2025; one calendar month before it, clamped, is 28 February 2025 (the renewal
    date 1 April 2025 gives 1 March 2025, the risk)."""
    row = _gout_row
    return AppExercise(
        question=("Michaël GOUT, website maintenance for 12 months from 1 April 2024, renewed "
                  "tacitly « sauf si le Client [...] en fait la demande par lettre recommandée "
                  "avec accusé de réception au moins un mois avant l’échéance » (art. 7 C). "
                  "What is the last safe day to send the letter?"),
        solution=lambda: row()["last_day_to_send_notice"],
        unit="date",
        working=lambda: (
            f"the period runs {row()['term_start']} to {row()['term_end']}; « l’échéance » may "
            f"be the period's last day or the renewal date {row()['renewal_date']}; one month "
            f"before the last day is {row()['last_day_to_send_notice']} (31 February does not "
            f"exist: the date clamps to the month's last day; default reading {row()['reading']}"
            ": for a date the client must meet, the earliest day any reading gives), one month "
            f"before the renewal date {row()['last_day_to_send_notice (notice[0]=anniversary)']}"
            ", the risk"),
        mistakes={
            "you counted from the renewal date (1 April 2025): that reading gives the later "
            "day, which may be too late to stop the renewal; the last safe day counts from the "
            "period's last day": lambda: add_months(row()["renewal_date"], -1),
            "you counted 30 days back from the period's last day instead of one calendar month":
                lambda: row()["term_end"] - dt.timedelta(days=30),
            "you gave the period's last day, when the contract ends: the letter must leave a "
            "month earlier": lambda: row()["term_end"],
            "you rolled the non-existent 31 February over to early March instead of clamping it "
            "to the month's last day": lambda: dt.date(2025, 3, 3),
        },
    )


def renewal_and_notice(lang: str = "en") -> dict[str, Exercise]:
    """Lesson 02: tacite reconduction and préavis (GOUT's exercise on a period starting on
    1 April, so that its answer differs from JANQUOR's)."""
    return _hinted({**notice_exercises(), "gout_deadline": _gout_deadline()}, HINTS_02, lang)


def compliance_findings(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 03: three findings checked against the statute."""
    return _hinted(findings_exercises(), HINTS_03, lang)


# --------------------------------------------------------------------------- lesson 04


def _credit(downtime, month: str, invoice, planned_maintenance=0) -> Callable[[], Decimal]:
    def value():
        rate = unavailability(downtime, month, planned_maintenance=planned_maintenance)
        return sla_credit("teogest", rate, invoice).amount
    return value


def _credit_at(percent, invoice, reading: str | None = None) -> Callable[[], Decimal]:
    return lambda: sla_credit("teogest", percent, invoice, reading=reading).amount


def _working(*results: Callable[[], object]) -> Callable[[], str]:
    return lambda: "; ".join(line for r in results for line in r().working)


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
            working=_working(week),
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
            working=_working(lambda: sla_credit(
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
            working=_working(_credit_at_result("0.205", 2000)),
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
            working=_working(lambda: sla_credit(
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


def _explained(vendor: str, price, signed: str, service: str) -> Callable[[], str]:
    return lambda: revise_price(vendor, price, signed, service).explain()


def price_revision(lang: str = "en") -> dict[int, Exercise]:
    """Lesson 05: price revision on the Syntec index.

    1. Leappy, 1,000 EUR signed 2023-03-01, a service on 2023-08-01: one revision (1 July
       2023); S1 the index last published on 2023-03-01 (2023-01, 293.9), S2 the one last
       published on 2023-07-01 (2023-05, 302.7): 1,000 x 302.7 / 293.9 = 1,029.94 EUR.
    2. Leappy, 2,000 EUR signed 2023-03-01, a service on 2024-01-01: the revision of 1 January
       applies to services after it, so only July 2023's: 2,000 x 302.7 / 293.9 = 2,059.88.
    3. Teogest, 1,000 EUR set on 2024-03-01, a service on 2026-02-01: two revisions (1 January
       2025 and 2026), worst case +9 % each: 1,000 x 1.09 x 1.09 = 1,188.10 EUR.
    """
    return {
        1: Exercise(
            "Leappy art. 4: « P2=P1x(S2/S1) où [...] S2 représente le dernier indice Syntec "
            "publié à la date de la révision, S1 représente le dernier indice Syntec publié à "
            "la date de la précédente révision (pour la première révision, l'indice utilisé "
            "sera le dernier publié à la date de la signature du contrat) », revisions « en "
            "janvier et juillet ». A price of 1,000 EUR is signed on 1 March 2023. What is the "
            "price of a service executed on 1 August 2023, in EUR?",
            solution=_leappy_price(1000, "2023-03-01", "2023-08-01"),
            unit="EUR",
            working=_explained("leappy", 1000, "2023-03-01", "2023-08-01"),
            mistakes={
                "you took for S2 the index of July 2023, the month of the revision; on 1 July "
                "the last index published is two months older (the index of a month is "
                "published at the end of the next)": _ratio_price(1000, "2023-07", "2023-01"),
                "you took for S1 the index of March 2023, the month of the signature, not the "
                "last one published on that day": _ratio_price(1000, "2023-05", "2023-03"),
                "you took the indices of the months of the signature and of the revision "
                "themselves, not the last ones published": _ratio_price(1000, "2023-07",
                                                                        "2023-03"),
                "you took for S2 the index of June 2023, published on 31 July, after the "
                "revision": _ratio_price(1000, "2023-06", "2023-01"),
            },
            hints=("Two index values: the last one published on the day of the signature, and "
                   "the last one published on the day of the revision (1 July 2023). The index "
                   "of a month is published at the end of the following month.",
                   "cgvlib.syntec_last_published(day) gives the last index published on a day; "
                   "the price is 1,000 EUR x S2 / S1, rounded to the cent."),
            lang=lang,
        ),
        2: Exercise(
            "Leappy again, art. 4: « Les nouveaux prix sont appliqués à tous les services "
            "exécutés après la date de la révision de prix ». A price of 2,000 EUR is signed on "
            "1 March 2023. What is the price of a service executed on 1 January 2024, in EUR?",
            solution=_leappy_price(2000, "2023-03-01", "2024-01-01"),
            unit="EUR",
            working=_explained("leappy", 2000, "2023-03-01", "2024-01-01"),
            mistakes={
                "you applied the revision of 1 January 2024 too; its new prices apply to the "
                "services executed after that day, and this one is executed on it":
                    _ratio_price(2000, "2023-11", "2023-01"),
                "you applied no revision; the revision of July 2023 has taken effect":
                    lambda: Decimal("2000.00"),
            },
            hints=("Which revisions have taken effect for a service executed on 1 January "
                   "2024? Read « après la date de la révision » closely.",
                   "A service executed on a revision date keeps the previous price: count only "
                   "the revisions strictly before the service, each with its own S1 and S2."),
            lang=lang,
        ),
        3: Exercise(
            "Teogest art. 14.1.2: prices « révisés au 1er janvier de chaque année en fonction "
            "de l’indice Syntec. Si cet indice entraîne une hausse des tarifs inférieure à 9 %, "
            "la hausse pourra être supérieure à celle fondée sur l'indice Syntec mais ne pourra "
            "excéder 9 % ». A subscription priced 1,000 EUR on 1 March 2024: in the worst case "
            "(the vendor using its whole margin every time), what is the price of a service "
            "on 1 February 2026, in EUR?",
            solution=_teogest_worst(1000, "2024-03-01", "2026-02-01"),
            unit="EUR",
            working=_explained("teogest", 1000, "2024-03-01", "2026-02-01"),
            mistakes={
                "you added the two rises (2 x 9 % = 18 %); each revision applies to the price "
                "the previous one gave": lambda: Decimal("1180.00"),
                "you applied one revision only; 1 January 2025 and 1 January 2026 both fall "
                "after the price was set": lambda: Decimal("1090.00"),
                "you also applied the revision of 1 January 2024, before the price was set":
                    lambda: Decimal(round_half_up(Fraction(1000_00) * Fraction(109, 100) ** 3))
                    .scaleb(-2),
            },
            hints=("Count the revisions: each 1 January after the date the price was set, up "
                   "to the service.",
                   "In the worst case each revision is +9 %, applied to the price the previous "
                   "revision gave (compounded, not added)."),
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
}

__all__ = ["LESSONS", "compliance_findings", "late_payment_law", "price_revision",
           "renewal_and_notice", "service_levels"]
