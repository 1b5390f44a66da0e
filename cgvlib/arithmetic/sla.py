"""Service levels (SLA): the downtime an availability target allows, the month's
unavailability rate, and the service credit it earns.

Only Teogest commits to a service level (annex 2, « Charte Qualité »); every other vendor's
text is silent and :func:`unavailability`, :func:`sla_credit` and :func:`sla_credit_table`
say so with a clear error.

Annexe 2 A.1: « L’Editeur garantit un taux de disponibilité de 99,8 % ce qui représente un
maximum d’indisponibilité de 2 mn 52.8 s par jour, 20 mn 9.6 s par semaine, 1 h 27mn 39.5 s
par mois et 17 h 31mn 53.9 s par an. »

Annexe 2 A.6: « Taux d’indisponibilité = Temps d’indisponibilité / Temps total théorique
* 100 » ... « Le « temps total théorique » correspond à la période totale d’utilisation
possible du service dans le mois donné déduction faite des temps de maintenance corrective et
évolutive programmés. » The tiers follow (0 / 3 / 8 / 13 / 20 % of the month's invoice), with a
cap « plafonné à 20 % du montant de la facture du Client pour ce mois ».

Conventions of this module:

- Durations are exact: seconds as ``Decimal`` (downtime allowances) and rates as ``Fraction``
  (an unavailability rate such as 5400 / 2,498,400 x 100 has no finite decimal form). Only
  display values are rounded: downtime to the tenth of a second, the rate to three decimals,
  both half-up.
- A month is, for the downtime *table* of A.1, the mean Gregorian month (365.2425 / 12 days),
  which is how the text's own figures come out; for the *unavailability rate* of A.6 it is the
  actual calendar month (28 to 31 days x 86,400 s; clock changes ignored: a month is counted
  in days of 24 hours).
- A rate that falls in a gap the tiers leave (e.g. 0.205 %, between « 0,2 % » and « 0,21 »)
  is ambiguous; the result then carries both readings' figures. A rate outside every gap
  reads one way, whatever the clause's ambiguity block says: ``readings`` is empty.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, Inexact, InvalidOperation, localcontext
from fractions import Fraction

import pandas as pd

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    clause_of,
    over_readings,
)
from cgvlib.arithmetic.working_words import (
    Worded,
    count_words,
    day_words,
    decimal_words,
    duration_said,
    eur,
    file_words,
    month_words,
    named,
)
from cgvlib.dates import as_month
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, Said, translate
from cgvlib.lang import check_lang
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.sla import PERIODS, CreditTier, Sla
from cgvlib.model.vendor import Vendor
from cgvlib.money import round_half_up
from cgvlib.reference.calendar import add_days
from cgvlib.reference.months import add_months, end_of_month

SECONDS_PER_DAY = 86_400
MEAN_GREGORIAN_YEAR_DAYS = Decimal("365.2425")  # 146,097 days every 400 years
TENTH = Decimal("0.1")
RATE_DISPLAY = Decimal("0.001")  # the rate shown to three decimals (tiers have two)
SLA_WHAT = "service levels (availability commitment and service credits)"


# --- small exact conversions ---------------------------------------------------------------


def _exact_decimal(value, name: str) -> Decimal:
    """A finite number as an exact Decimal (floats taken as typed: 99.8 -> Decimal('99.8'))."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise InputError(f"{name}: expected a number, got {type(value).__name__} {value!r}")
    try:
        d = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise InputError(f"{name}: {value!r} is not a number") from None
    if not d.is_finite():
        raise InputError(f"{name}: {value!r} is not a finite number")
    return d


def _fraction(value, name: str) -> Fraction:
    """A number (int, float as typed, Decimal, numeric string, Fraction) as an exact Fraction."""
    if isinstance(value, Fraction):
        return value
    return Fraction(_exact_decimal(value, name))


def _exact(compute: Callable[[], Decimal]) -> Decimal:
    """Run a Decimal computation with enough precision, trapping any rounding."""
    with localcontext() as ctx:
        ctx.prec = 200
        ctx.traps[Inexact] = True
        return compute()


def _num(d: Decimal | int) -> str:
    """A Decimal without trailing zeros and without exponent: 0.20 -> '0.2', 1E+1 -> '10'."""
    return format(Decimal(d).normalize(), "f")


def _tidy(d: Decimal) -> Decimal:
    """The same value without trailing zeros (5259.4920000 -> 5259.492), never as 1E+2."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def _fraction_text(f: Fraction, places: int = 6) -> str:
    """A Fraction exactly when it has a short decimal form, else to ``places`` decimals + '…'."""
    d = Decimal(f.numerator) / Decimal(f.denominator)
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if Fraction(q) == f:
        return _num(q)
    return f"{_num(q)}…"


def _round_fraction(f: Fraction, quantum: Decimal) -> Decimal:
    """``f`` rounded half-up to ``quantum`` (e.g. 0.001), exactly."""
    step = Fraction(quantum)
    units = round_half_up(f / step)
    return Decimal(units) * quantum


# --- 1. downtime allowed by an availability target (annexe 2 A.1) ------------------------------


def _availability(value) -> Decimal:
    a = _exact_decimal(value, "availability_percent")
    if not Decimal(0) <= a <= Decimal(100):
        raise InputError(f"availability_percent: {value!r} % is outside 0..100; give a "
                         "percentage such as 99.8")
    return a


def _period_seconds(period: str, year_days: Decimal) -> Decimal:
    """Length of ``period`` in seconds: a day of 86,400 s, 7 days, year_days / 12 days,
    year_days days (exact: year_days x 86,400 / 12 = year_days x 7,200)."""
    if period not in PERIODS:
        raise InputError(f"period: {period!r} is not a period; valid periods: "
                         + ", ".join(PERIODS))
    # a month is a twelfth of the year: year_days x (86,400 / 12) s, exact in Decimal
    base = {"day": Decimal(1), "week": Decimal(7), "month": year_days, "year": year_days}[period]
    seconds_per_base = SECONDS_PER_DAY // 12 if period == "month" else SECONDS_PER_DAY
    return _tidy(_exact(lambda: base * seconds_per_base))


def _year_days(value) -> Decimal:
    d = _exact_decimal(value, "year_days")
    if d <= 0:
        raise InputError(f"year_days: {value!r} must be a positive number of days, e.g. 365.2425 "
                         "(mean Gregorian year) or 365")
    return d


def format_duration(seconds: Decimal) -> str:
    """Seconds already rounded to the tenth, as the text writes them: '1 h 27 min 39.5 s'.

    Leading zero units are left out ('2 min 52.8 s'); a duration of a day or more starts with
    days ('1 d 0 h 0 min 0.0 s'). No rounding happens here.
    """
    tenths = int(seconds * 10)
    if Decimal(tenths) != seconds * 10:
        raise ValueError(f"{seconds} s is not rounded to the tenth of a second")
    whole, tenth = divmod(tenths, 10)
    minutes, secs = divmod(whole, 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [(days, "d"), (hours, "h"), (minutes, "min")]
    while parts and parts[0][0] == 0:
        parts.pop(0)
    return " ".join([f"{n} {u}" for n, u in parts] + [f"{secs}.{tenth} s"])


@dataclass(frozen=True, kw_only=True)
class DowntimeResult(Result):
    """The most downtime an availability target allows over one period.

    ``seconds`` is exact; ``rounded`` is rounded half-up to the tenth of a second (the
    precision of the text's own table) and ``human`` spells ``rounded`` out; ``timedelta`` is
    ``seconds`` to the microsecond (its own resolution), rounded half-up.
    """

    vendor: str = "(any vendor)"
    availability_percent: Decimal
    period: str
    period_days: Fraction
    period_seconds: Decimal
    year_days: Decimal
    seconds: Decimal
    rounded: Decimal
    timedelta: dt.timedelta
    human: str

    def headline(self, lang: str = "en") -> str:
        return Phrase("{availability} % availability allows {downtime} of downtime per {period}",
                      availability=decimal_words(_num(self.availability_percent)),
                      downtime=_duration_said(self.human),
                      period=PERIOD_WORDS[self.period]).say(lang)


PERIOD_WORDS = {"day": Phrase("day", "period"), "week": Phrase("week", "period"),
                "month": Phrase("month", "period"), "year": Phrase("year", "period")}


def _period_length(period: str, days, seconds) -> Phrase:
    """``a month is 30.436875 day(s) = 2629746 s``."""
    if period == "day":
        return Phrase("a day is {days} day(s) = {seconds} s", days=days, seconds=seconds)
    if period == "week":
        return Phrase("a week is {days} day(s) = {seconds} s", days=days, seconds=seconds)
    if period == "month":
        return Phrase("a month is {days} day(s) = {seconds} s", days=days, seconds=seconds)
    return Phrase("a year is {days} day(s) = {seconds} s", days=days, seconds=seconds)


def _duration_said(human: str) -> Said:
    """``1 h 27 min 39.5 s`` (:func:`format_duration`) in words: ``1 h 27 min 39,5 s`` in
    French, a day written ``j``."""
    return Said(lambda lang: human if lang == "en" else
                human.replace(".", ",").replace(" d ", " j "))


def sla_downtime(availability_percent, period: str, *,
                 year_days=MEAN_GREGORIAN_YEAR_DAYS) -> DowntimeResult:
    """The maximum downtime ``availability_percent`` allows per ``period``.

    Annexe 2 A.1 (Teogest): « un taux de disponibilité de 99,8 % ce qui représente un maximum
    d’indisponibilité de 2 mn 52.8 s par jour, 20 mn 9.6 s par semaine, 1 h 27mn 39.5 s par
    mois et 17 h 31mn 53.9 s par an ».

    downtime = (100 - availability) / 100 x the period's length, where a day is 86,400 s, a
    week 7 days, a month ``year_days / 12`` days and a year ``year_days`` days. The default
    ``year_days`` is the mean Gregorian year, 365.2425 days, with which the text's table comes
    out to the tenth of a second (month 2,629,746 s -> 5,259.492 s -> 1 h 27 min 39.5 s).

    ``period`` is one of "day", "week", "month", "year"; ``availability_percent`` is in
    0..100 (99.8 means 99.8 %).
    """
    a = _availability(availability_percent)
    yd = _year_days(year_days)
    period_seconds = _period_seconds(period, yd)
    days = Fraction(period_seconds) / SECONDS_PER_DAY
    seconds = _tidy(_exact(lambda: (100 - a) * period_seconds / 100))
    rounded = seconds.quantize(TENTH, rounding=ROUND_HALF_UP)
    micros = round_half_up(Fraction(seconds) * 1_000_000)
    human = format_duration(rounded)
    year = decimal_words(_num(yd))
    working = (
        Worded(Joined((
            _period_length(period, decimal_words(_fraction_text(days)),
                           decimal_words(_num(period_seconds))),
            Phrase(" (year of {days} days / 12)", days=year) if period == "month" else "",
            Phrase(" (year of {days} days)", days=year) if period == "year" else ""))),
        Worded(Phrase("unavailability allowed: 100 % - {availability} % = {allowed} %",
                      availability=decimal_words(_num(a)), allowed=decimal_words(_num(100 - a)))),
        Worded(Phrase("{allowed} % x {period} s = {seconds} s",
                      allowed=decimal_words(_num(100 - a)),
                      period=decimal_words(_num(period_seconds)),
                      seconds=decimal_words(_num(seconds)))),
        Worded(Phrase("rounded half-up to the tenth of a second: {seconds} s = {downtime}",
                      seconds=decimal_words(_num(rounded)), downtime=_duration_said(human))),
    )
    return DowntimeResult(
        availability_percent=a, period=period, period_days=days, period_seconds=period_seconds,
        year_days=yd, seconds=seconds, rounded=rounded,
        timedelta=dt.timedelta(microseconds=micros), human=human, working=working,
    )


def downtime_table(availability_percent, *, year_days=MEAN_GREGORIAN_YEAR_DAYS,
                   lang: str = "en") -> pd.DataFrame:
    """One row per period (day, week, month, year) of :func:`sla_downtime`, for tables and charts.

    Columns: ``period``, ``period_days``, ``period_seconds``, ``seconds`` (exact Decimal),
    ``rounded`` (Decimal, tenth of a second), ``human`` (``rounded`` spelt out in ``lang``:
    ``2 min 52.8 s``, in French ``2 min 52,8 s``), ``timedelta``, and ``hours`` (a float, for
    charts only).
    """
    rows = []
    for period in PERIODS:
        r = sla_downtime(availability_percent, period, year_days=year_days)
        rows.append({"period": r.period, "period_days": r.period_days,
                     "period_seconds": r.period_seconds, "seconds": r.seconds,
                     "rounded": r.rounded, "human": _duration_said(r.human).say(check_lang(lang)),
                     "timedelta": r.timedelta,
                     "hours": float(r.seconds) / 3600})
    return pd.DataFrame(rows)


# --- 2. the month's unavailability rate (annexe 2 A.6) -----------------------------------------

_NUMBER = r"\d+(?:[.,]\d+)?"
_UNITS_FORM = re.compile(
    rf"^(?:(?P<h>{_NUMBER})\s*h)?\s*(?:(?P<min>{_NUMBER})\s*(?:min|mn|m|$))?\s*"
    rf"(?:(?P<s>{_NUMBER})\s*s)?$"
)
_CLOCK_FORM = re.compile(r"^(?P<h>\d+):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d(?:[.,]\d+)?))?$")
DURATION_FORMS = (
    "a datetime.timedelta; a number of minutes (int, float, Decimal: 90, 1.5); or a string: "
    "'90' (minutes), '90min', '90 mn', '1h30' (1 h 30 min), '1 h 27 mn 39.5 s', '2h', '45s', "
    "'1:30' or '1:27:39.5' (h:mm[:ss])"
)


def duration_seconds(value, name: str = "duration") -> Decimal:
    """A duration as exact seconds (Decimal).

    Accepted: a ``datetime.timedelta``; a number, read as **minutes** (90 and 1.5 are 90 and
    1.5 minutes); or a string of the forms ``'90'`` (minutes), ``'90min'`` / ``'90 mn'`` /
    ``'90m'``, ``'1h30'`` (the bare number after the hours is minutes), ``'2h'``, ``'45s'``,
    ``'1 h 27 mn 39.5 s'`` (hours, minutes, seconds in that order, each optional, decimal point
    or comma) and ``'1:30'`` / ``'1:27:39.5'`` (h:mm[:ss]). Negative durations are refused.
    """
    if isinstance(value, dt.timedelta):
        if value < dt.timedelta(0):
            raise InputError(f"{name}: {value} is negative; give a duration of 0 or more")
        micros = (value.days * SECONDS_PER_DAY + value.seconds) * 1_000_000 + value.microseconds
        return Decimal(micros).scaleb(-6)
    if isinstance(value, str):
        text = value.strip().lower()
        m = _CLOCK_FORM.match(text) or _UNITS_FORM.match(text)
        if not text or m is None or not any(m.groupdict().values()):
            raise InputError(f"{name}: {value!r} is not a duration; accepted: {DURATION_FORMS}")
        parts = {k: Decimal(v.replace(",", ".")) if v else Decimal(0)
                 for k, v in m.groupdict().items()}
        return parts["h"] * 3600 + parts["min"] * 60 + parts["s"]
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InputError(f"{name}: expected a duration, got {type(value).__name__} {value!r}; "
                         f"accepted: {DURATION_FORMS}")
    minutes = _exact_decimal(value, name)
    if minutes < 0:
        raise InputError(f"{name}: {value!r} minutes is negative; give 0 or more")
    return _exact(lambda: minutes * 60)


def _sla_of(vendor: Vendor) -> Sla:
    return clause_of(vendor, "sla", SLA_WHAT)


@dataclass(frozen=True, kw_only=True)
class UnavailabilityResult(Result):
    """A month's unavailability rate by the vendor's own formula.

    ``percent`` is the exact rate (a Fraction: 75/347 means 0.216138... %); ``percent_rounded``
    is it rounded half-up to three decimals, for display only (the tiers are applied to
    ``percent``). Durations are in seconds, exact.
    """

    month: dt.date  # first day of the month
    days_in_month: int
    total_seconds: int
    planned_maintenance_seconds: Decimal
    theoretical_seconds: Decimal
    downtime_seconds: Decimal
    percent: Fraction
    percent_rounded: Decimal

    def headline(self, lang: str = "en") -> str:
        return Phrase("{month}: unavailability {down} s / {total} s x 100 = {percent} %",
                      month=month_words(self.month),
                      down=decimal_words(_num(self.downtime_seconds)),
                      total=decimal_words(_num(self.theoretical_seconds)),
                      percent=decimal_words(_fraction_text(self.percent))).say(lang)


def unavailability(downtime, month, *, planned_maintenance=0,
                   vendor: Vendor | str = "teogest") -> UnavailabilityResult:
    """The month's unavailability rate by the vendor's formula (Teogest, annexe 2 A.6).

    « Taux d’indisponibilité = Temps d’indisponibilité / Temps total théorique * 100 »;
    « Le « temps total théorique » correspond à la période totale d’utilisation possible du
    service dans le mois donné déduction faite des temps de maintenance corrective et
    évolutive programmés »; the « temps d’indisponibilité » « ne comprend pas les temps de
    maintenance programmés ni les temps d’indisponibilité dus à une cause de force majeure »
    (nor time when the vendor's infrastructure is not at fault).

    - ``downtime``: the month's downtime as the clause counts it, i.e. already **without**
      planned maintenance and force majeure (this function cannot tell them apart);
    - ``planned_maintenance``: the planned corrective and evolutive maintenance of the month,
      deducted from the total time;
    - both accept what :func:`duration_seconds` accepts (a timedelta, a number of minutes, or
      a string such as '1h30', '90min', '1:30');
    - ``month``: 'YYYY-MM' or any date in it. The total time is the actual calendar month,
      28 to 31 days x 86,400 s (clock changes ignored).
    """
    v = as_vendor(vendor)
    sla = _sla_of(v).default_reading()
    first = as_month(month, "month")
    days = end_of_month(first).day
    total = days * SECONDS_PER_DAY
    maintenance = duration_seconds(planned_maintenance, "planned_maintenance")
    down = duration_seconds(downtime, "downtime")
    theoretical = total - maintenance
    if theoretical <= 0:
        raise InputError(Phrase("planned_maintenance: {maintenance} s leaves no service time "
                                "in {month} ({total} s); give less than the month's length",
                                maintenance=decimal_words(_num(maintenance)),
                                month=month_words(first), total=count_words(total)))
    if down > theoretical:
        raise InputError(Phrase("downtime: {down} s exceeds the theoretical total time of "
                                "{month} ({theoretical} s = {total} s - {maintenance} s of "
                                "planned maintenance)", down=decimal_words(_num(down)),
                                month=month_words(first),
                                theoretical=decimal_words(_num(theoretical)),
                                total=count_words(total),
                                maintenance=decimal_words(_num(maintenance))))
    percent = Fraction(down) / Fraction(theoretical) * 100
    rounded = _round_fraction(percent, RATE_DISPLAY)
    working = (
        Worded(Phrase("formula ({article}): {formula}", article=sla.source.article,
                      formula=file_words(sla.formula))),
        Worded(Phrase("{month} has {days} days: total time {days} x 86,400 s = {total} s",
                      month=month_words(first), days=days, total=count_words(total))),
        Worded(Phrase("minus planned maintenance ({excluded}): {maintenance} s -> temps total "
                      "théorique {theoretical} s",
                      excluded=Joined((file_words(e) for e in sla.excluded_from_total_time),
                                      ", "),
                      maintenance=decimal_words(_num(maintenance)),
                      theoretical=decimal_words(_num(theoretical)))),
        Worded(Phrase("downtime (excluding {excluded}): {down} s",
                      excluded=Joined((file_words(e) for e in sla.excluded_from_downtime), "; "),
                      down=decimal_words(_num(down)))),
        Worded(Phrase("{down} / {total} x 100 = {percent} % (shown as {rounded} %)",
                      down=decimal_words(_num(down)), total=decimal_words(_num(theoretical)),
                      percent=decimal_words(_fraction_text(percent)),
                      rounded=decimal_words(rounded))),
    )
    return UnavailabilityResult(
        vendor=v.name, month=first, days_in_month=days, total_seconds=total,
        planned_maintenance_seconds=maintenance, theoretical_seconds=theoretical,
        downtime_seconds=down, percent=percent, percent_rounded=rounded, working=working,
        sources=(sla.source,),
    )


# --- 3. the service credit of a month (annexe 2 A.6) -------------------------------------------


def tier_label(tier: CreditTier, lang: str = "en") -> str:
    """'0–0.2 %', '0.51–1 %', '> 1.5 %' (an exclusive lower bound reads '>'); in French
    (``lang="fr"``) '0,51–1 %', with a comma and a no-break space before '%'."""
    low, high = (_num(b) if b is not None else None for b in (tier.low, tier.to_percent))
    if check_lang(lang) == "fr":
        low, high = (b.replace(".", ",") if b else b for b in (low, high))
    unit, up_to = ("\u00a0%" if lang == "fr" else " %"), translate("up to", lang)
    if high is None:
        return f"{'≥' if tier.from_percent is not None else '>'} {low}{unit}"
    if tier.from_percent is not None:
        return f"{low}–{high}{unit}"
    return f"> {low} {up_to} {high}{unit}"


def _gap_of(sla: Sla, p: Fraction) -> tuple[int, tuple[Decimal, Decimal]] | None:
    """``(index of the tier below, (low, high))`` when ``p`` falls between two tiers."""
    for i, (a, b) in enumerate(zip(sla.tiers, sla.tiers[1:], strict=False)):
        if a.to_percent < p < b.low or (p == b.low and b.from_percent is None
                                        and b.low > a.to_percent):
            return i, (a.to_percent, b.low)
    return None


def _unavailability_percent(value, vendor: Vendor) -> tuple[Fraction, UnavailabilityResult | None]:
    if isinstance(value, UnavailabilityResult):
        if value.vendor != vendor.name:
            raise InputError(f"unavailability_percent: computed with {value.vendor}'s formula, "
                             f"not {vendor.name}'s")
        return value.percent, value
    p = _fraction(value, "unavailability_percent")
    if not 0 <= p <= 100:
        raise InputError(f"unavailability_percent: {value!r} % is outside 0..100; give the "
                         "month's rate in percent, e.g. 0.205 for 0.205 %")
    return p, None


def claim_deadline(sla: Sla, month: dt.date) -> dt.date | None:
    """Last day to claim the credit of ``month``, when the claim window runs from its last day.

    Teogest, annexe 2 A.6: « à condition d’en faire la demande dans les trente jours suivant le
    dernier jour du mois de référence »: the 30th calendar day after the month's last day.
    """
    if "last day" not in sla.claim_from:
        return None
    last = end_of_month(month)
    n, unit = sla.claim_within.value, sla.claim_within.unit
    if n != int(n):
        return None
    kinds = {"calendar_days": "calendar", "jours_ouvres": "ouvré", "jours_ouvrables": "ouvrable"}
    if unit in kinds:
        return add_days(last, int(n), kinds[unit])
    if unit == "months":
        return add_months(last, int(n))
    return None


_PAID_AS = {"credit_note": Phrase("a credit note (avoir)"), "payment": Phrase("a payment"),
            "unstated": Phrase("a form the text does not state")}


@dataclass(frozen=True, kw_only=True)
class SlaCreditResult(Result):
    """The service credit a month's unavailability earns.

    ``tier`` is the tier's label ('0.51–1 %') and ``tier_index`` its position in the clause
    (None when no tier applies); ``percent`` the credit in percent of the month's invoice;
    ``amount`` / ``amount_cents`` the credit, rounded once half-up to the cent; ``gap`` the
    interval between two tiers the rate fell in (None otherwise), in which case the result is
    ``ambiguous`` and ``readings`` holds the lower-tier and upper-tier figures.
    """

    unavailability_percent: Fraction
    invoice_cents: int
    tier: str | None
    tier_index: int | None
    percent: Decimal
    amount: Decimal
    amount_cents: int
    cap_percent: Decimal
    cap_cents: int
    cap_applied: bool
    gap: tuple[Decimal, Decimal] | None
    claim_deadline_rule: str
    claim_deadline: dt.date | None

    def headline(self, lang: str = "en") -> str:
        tier = (Phrase("tier {tier}", tier=Said(lambda lang: self.tier if lang == "en" else
                                                 self.tier.replace(".", ",").replace(" %",
                                                                                     "\u00a0%")))
                if self.tier else Phrase("no tier"))
        capped = Phrase(" (capped)") if self.cap_applied else ""
        return Phrase("{unavailability} % unavailability -> {tier}: credit {credit} % of "
                      "{invoice} = {amount}{capped}",
                      unavailability=decimal_words(_fraction_text(self.unavailability_percent)),
                      tier=tier, credit=decimal_words(_num(self.percent)),
                      invoice=eur(self.invoice_cents), amount=eur(self.amount_cents),
                      capped=capped).say(lang)


def _credit_one(sla: Sla, vendor: Vendor, p: Fraction, cents: int,
                measured: UnavailabilityResult | None) -> SlaCreditResult:
    """The credit under one reading of the clause (``sla.between_tiers`` fixed)."""
    ptext = _fraction_text(p)
    ptext_said = decimal_words(ptext)
    working = list(measured.working) if measured else [
        Worded(Phrase("unavailability {percent} % (given)", percent=ptext_said))]
    sources = []
    gap = _gap_of(sla, p)
    index = next((i for i, t in enumerate(sla.tiers) if t.contains(p)), None)
    if index is None and gap is not None:
        below, (low, high) = gap
        index = below if sla.between_tiers == "lower_tier" else below + 1
        side = Phrase("below") if sla.between_tiers == "lower_tier" else Phrase("above")
        working.append(Worded(Phrase(
            "{percent} % falls in the gap {low}–{high} % that no tier covers; reading "
            "'{reading}': it takes the tier {side}", percent=ptext_said,
            low=decimal_words(_num(low)), high=decimal_words(_num(high)),
            reading=named(sla.between_tiers), side=side)))
    if index is None:
        credit = Decimal(0)
        working.append(Worded(Phrase("no tier covers {percent} %: the text grants no credit",
                                     percent=ptext_said)))
    else:
        tier = sla.tiers[index]
        credit = tier.credit_percent
        sources.append(tier.source)
        working.append(Worded(Phrase(
            "tier {tier} ({article}): credit {credit} % of the month's invoice",
            tier=Said(lambda lang, tier=tier: tier_label(tier, lang)),
            article=tier.source.article, credit=decimal_words(_num(credit)))))
    # « le montant des pénalités dues pour un mois est plafonné à 20 % du montant de la facture
    # du Client pour ce mois »: the cap is compared on the exact amounts, then one rounding.
    cap = sla.cap.percent
    cap_applied = credit > cap
    applied = cap if cap_applied else credit
    exact = Fraction(cents) * Fraction(applied) / 100
    amount = round_half_up(exact)
    cap_exact = Fraction(cents) * Fraction(cap) / 100
    cap_cents = round_half_up(cap_exact)
    working.append(Worded(Phrase(
        "{credit} % x {invoice} = {exact} EUR -> {amount} (half-up to the cent)",
        credit=decimal_words(_num(applied)), invoice=eur(cents),
        exact=decimal_words(_fraction_text(exact / 100, 8)), amount=eur(amount))))
    top = max(t.credit_percent for t in sla.tiers)
    cap_note = (Phrase("applied: the tier's credit exceeds it") if cap_applied
                else Joined((Phrase("not reached"),
                             Phrase(" (no tier exceeds it: the top tier is {top} %)",
                                    top=decimal_words(_num(top))) if top <= cap else "")))
    working.append(Worded(Phrase("cap {cap} % of the month's invoice ({article}) = {amount}: "
                                 "{note}", cap=decimal_words(_num(cap)),
                                 article=sla.cap.source.article, amount=eur(cap_cents),
                                 note=cap_note)))
    sources += [sla.cap.source, sla.source]
    rule = Worded(Phrase("claim within {within} following {event}; paid as {paid_as}",
                         within=duration_said(sla.claim_within),
                         event=file_words(sla.claim_from), paid_as=_PAID_AS[sla.paid_as]))
    deadline = claim_deadline(sla, measured.month) if measured else None
    working.append(Worded(Joined((rule, Phrase(": for {month}, by {deadline}",
                                               month=month_words(measured.month),
                                               deadline=day_words(deadline))
                                  if deadline else ""))))
    return SlaCreditResult(
        vendor=vendor.name, unavailability_percent=p, invoice_cents=cents,
        tier=tier_label(sla.tiers[index]) if index is not None else None, tier_index=index,
        percent=applied, amount=Decimal(amount).scaleb(-2), amount_cents=amount,
        cap_percent=cap, cap_cents=cap_cents, cap_applied=cap_applied,
        gap=gap[1] if gap else None, claim_deadline_rule=rule, claim_deadline=deadline,
        working=tuple(working), sources=tuple(sources),
    )


def sla_credit(vendor: Vendor | str, unavailability_percent, invoice_amount, *,
               reading: str | None = None) -> SlaCreditResult:
    """The service credit a month's unavailability rate earns (Teogest, annexe 2 A.6).

    « Si le taux d’indisponibilité est compris entre 0 % et 0,2 %, le Client ne pourra
    prétendre à aucune indemnité. Si [...] compris entre 0,21 et 0,5 % [...] 3 % du montant de
    la facturation du mois de référence », then 8 % (0,51 % .. 1 %), 13 % (1,01 % .. 1,5 %) and
    20 % (« supérieur à 1,5 % »), « plafonné à 20 % du montant de la facture du Client pour ce
    mois », « versée sous forme d’avoir » on a claim « dans les trente jours suivant le dernier
    jour du mois de référence ».

    - ``unavailability_percent``: the month's rate in percent (0.205 means 0.205 %) as a
      number, Decimal, Fraction or numeric string, or an :class:`UnavailabilityResult` (whose
      exact rate is used, and whose month dates the claim deadline);
    - ``invoice_amount``: the month's invoice in euros (at most two decimals).

    The credit is invoice x credit percent, exact in cents, rounded once half-up. The cap is
    applied generally; with Teogest's tiers it never binds (20 % is both the top tier and the
    cap). A rate strictly between two tiers (Teogest: 0.2..0.21, 0.5..0.51, 1..1.01 %) is
    computed under every reading of the clause (:func:`~cgvlib.arithmetic.common.over_readings`;
    default: upper tier, Code civil art. 1190). Elsewhere every reading gives the same figures
    and they are collapsed: ``ambiguous`` is False and ``readings`` empty.
    """
    v = as_vendor(vendor)
    sla = _sla_of(v)
    p, measured = _unavailability_percent(unavailability_percent, v)
    cents = amount_cents(invoice_amount, "invoice_amount")
    result = over_readings(sla, lambda s: _credit_one(s, v, p, cents, measured), reading=reading)
    return _collapsed(result)


def _collapsed(result: SlaCreditResult) -> SlaCreditResult:
    """``result`` without readings when every reading gives the same figures."""
    if not result.readings:
        return result
    first, *others = (r.figures() for r in result.readings.values())
    if all(f == first for f in others):
        return dataclasses.replace(result, reading=None, default_reading=None, readings={},
                                   ambiguity=None)
    return result


def sla_credit_table(vendor: Vendor | str) -> pd.DataFrame:
    """The vendor's credit tiers and the gaps between them, in order, for tables and step charts.

    One row per tier and per gap: ``kind`` ('tier' or 'gap'), ``label``, ``tier_index``,
    ``low`` / ``low_inclusive``, ``high`` / ``high_inclusive`` (an open top tier runs to 100 %,
    the highest rate there is), ``credit_percent`` (the default reading's credit),
    ``credit_lower_tier`` / ``credit_upper_tier`` (what a gap takes under each rule; equal to
    the credit on a tier row), and ``article``.
    """
    v = as_vendor(vendor)
    sla = _sla_of(v)
    variants, default_name = reading_variants(sla)
    default_rule = variants[default_name].between_tiers
    rows = []
    for i, t in enumerate(sla.tiers):
        rows.append({
            "kind": "tier", "label": tier_label(t), "tier_index": i, "low": t.low,
            "low_inclusive": t.from_percent is not None,
            "high": t.to_percent if t.to_percent is not None else Decimal(100),
            "high_inclusive": True, "credit_percent": t.credit_percent,
            "credit_lower_tier": t.credit_percent, "credit_upper_tier": t.credit_percent,
            "article": t.source.article,
        })
        if i + 1 < len(sla.tiers) and sla.tiers[i + 1].low > t.to_percent:
            nxt = sla.tiers[i + 1]
            by_rule = {"lower_tier": t.credit_percent, "upper_tier": nxt.credit_percent}
            rows.append({
                "kind": "gap", "label": f"{_num(t.to_percent)}–{_num(nxt.low)} % (gap)",
                "tier_index": None, "low": t.to_percent, "low_inclusive": False,
                "high": nxt.low, "high_inclusive": nxt.from_percent is None,
                "credit_percent": by_rule[default_rule],
                "credit_lower_tier": by_rule["lower_tier"],
                "credit_upper_tier": by_rule["upper_tier"], "article": sla.source.article,
            })
    table = pd.DataFrame(rows)
    table["tier_index"] = table["tier_index"].astype("Int64")
    return table
