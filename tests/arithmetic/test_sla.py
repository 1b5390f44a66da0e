"""SLA arithmetic (cgvlib/arithmetic/sla.py) against figures worked out by hand.

Source: Teogest, 002_e3b3096ff3294ba6.txt, annexe 2 (« Charte Qualité »):
- A.1: « un taux de disponibilité de 99,8 % ce qui représente un maximum d’indisponibilité de
  2 mn 52.8 s par jour, 20 mn 9.6 s par semaine, 1 h 27mn 39.5 s par mois et 17 h 31mn 53.9 s
  par an »;
- A.6: « Taux d’indisponibilité = Temps d’indisponibilité / Temps total théorique * 100 »; the
  tiers 0 % (0 .. 0,2 %), 3 % (0,21 .. 0,5 %), 8 % (0,51 % .. 1 %), 13 % (1,01 % .. 1,5 %),
  20 % (« supérieur à 1,5 % »), capped at 20 % of the month's invoice, claimed « dans les
  trente jours suivant le dernier jour du mois de référence », paid as a credit note.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from cgvlib.arithmetic.sla import (
    downtime_table,
    duration_seconds,
    format_duration,
    sla_credit,
    sla_credit_table,
    sla_downtime,
    tier_label,
    unavailability,
)
from cgvlib.errors import InputError
from cgvlib.model.loader import vendor as load

D = Decimal


@pytest.fixture(scope="module")
def teogest():
    return load("teogest")


# --- 1. downtime allowed by 99.8 % (annexe 2 A.1) --------------------------------------------

# 0.2 % of each period, mean Gregorian year of 365.2425 days:
#   day    86,400 s            x 0.002 =    172.8   s =  2 min 52.8 s
#   week   604,800 s           x 0.002 =  1,209.6   s = 20 min  9.6 s
#   month  365.2425 / 12 d = 30.436875 d = 2,629,746 s
#                              x 0.002 =  5,259.492 s -> 5,259.5 s = 1 h 27 min 39.5 s
#   year   365.2425 d = 31,556,952 s
#                              x 0.002 = 63,113.904 s -> 63,113.9 s = 17 h 31 min 53.9 s
TEXT_TABLE = {
    # period: (exact seconds, rounded, our spelling, the text's own words)
    "day": (D("172.8"), D("172.8"), "2 min 52.8 s", "2 mn 52.8 s"),
    "week": (D("1209.6"), D("1209.6"), "20 min 9.6 s", "20 mn 9.6 s"),
    "month": (D("5259.492"), D("5259.5"), "1 h 27 min 39.5 s", "1 h 27mn 39.5 s"),
    "year": (D("63113.904"), D("63113.9"), "17 h 31 min 53.9 s", "17 h 31mn 53.9 s"),
}


@pytest.mark.parametrize("period", list(TEXT_TABLE))
def test_downtime_reproduces_the_text_table(period):
    seconds, rounded, human, text_words = TEXT_TABLE[period]
    r = sla_downtime(99.8, period)
    assert r.seconds == seconds
    assert r.rounded == rounded
    assert r.human == human
    # the text writes "mn", sometimes without a space before it ("27mn")
    assert r.human.replace(" min", " mn") == re.sub(r"(\d)mn", r"\1 mn", text_words)
    assert r.availability_percent == D("99.8")
    assert r.period == period


@pytest.mark.parametrize("period", list(TEXT_TABLE))
def test_downtime_matches_the_vendor_file(teogest, period):
    # the vendor file records the text's figures in seconds (stated_downtime)
    stated = getattr(teogest.sla.stated_downtime, period)
    assert sla_downtime(teogest.sla.availability_percent, period).rounded == stated


def test_downtime_timedelta_and_period_lengths():
    month = sla_downtime("99.8", "month")
    assert month.period_days == Fraction("30.436875")  # 365.2425 / 12
    assert month.period_seconds == D("2629746")  # 30.436875 x 86,400
    assert month.timedelta == dt.timedelta(hours=1, minutes=27, seconds=39, microseconds=492000)
    year = sla_downtime(D("99.8"), "year")
    assert year.period_seconds == D("31556952")
    assert year.timedelta == dt.timedelta(hours=17, minutes=31, seconds=53, microseconds=904000)
    assert "2629746 s" in month.explain()
    assert month.headline() == "99.8 % availability allows 1 h 27 min 39.5 s of downtime per month"


def test_downtime_with_a_365_day_year():
    # month 365 / 12 days = 2,628,000 s x 0.002 = 5,256 s = 1 h 27 min 36.0 s
    assert sla_downtime(99.8, "month", year_days=365).seconds == D("5256")
    assert sla_downtime(99.8, "month", year_days=365).human == "1 h 27 min 36.0 s"
    assert sla_downtime(99.8, "month", year_days=365).period_days == Fraction(365, 12)
    # year 31,536,000 s x 0.002 = 63,072 s = 17 h 31 min 12.0 s
    assert sla_downtime(99.8, "year", year_days=365).human == "17 h 31 min 12.0 s"


def test_downtime_edges():
    assert sla_downtime(100, "year").seconds == 0
    assert sla_downtime(100, "year").human == "0.0 s"
    # 0 % availability: the whole day
    assert sla_downtime(0, "day").seconds == D("86400")
    assert sla_downtime(0, "day").human == "1 d 0 h 0 min 0.0 s"
    # 0.01 % of a day: 8.64 s -> 8.6 s (half-up at the tenth)
    assert sla_downtime(99.99, "day").rounded == D("8.6")
    # 0.1 % of a mean month: 2,629.746 s -> 2,629.7 s = 43 min 49.7 s
    assert sla_downtime(99.9, "month").human == "43 min 49.7 s"
    # 0.05 % of a mean year: 15,778.476 s -> 15,778.5 s = 4 h 22 min 58.5 s
    assert sla_downtime(99.95, "year").human == "4 h 22 min 58.5 s"


def test_downtime_table():
    t = downtime_table(99.8)
    assert list(t["period"]) == ["day", "week", "month", "year"]
    assert list(t["rounded"]) == [D("172.8"), D("1209.6"), D("5259.5"), D("63113.9")]
    assert list(t["human"]) == [TEXT_TABLE[p][2] for p in TEXT_TABLE]
    assert t["hours"].iloc[1] == pytest.approx(0.336)  # 1,209.6 s / 3,600
    # the same durations as a French reader writes them: decimal comma
    assert list(downtime_table(99.8, lang="fr")["human"]) == [
        "2 min 52,8 s", "20 min 9,6 s", "1 h 27 min 39,5 s", "17 h 31 min 53,9 s"]


@pytest.mark.parametrize(
    ("availability", "period", "words"),
    [
        (100.01, "day", "outside 0..100"),
        (-1, "day", "outside 0..100"),
        ("abc", "day", "not a number"),
        (True, "day", "expected a number"),
        (float("nan"), "day", "not a finite number"),
        (99.8, "months", "valid periods: day, week, month, year"),
        (99.8, "jour", "valid periods: day, week, month, year"),
    ],
)
def test_downtime_bad_input(availability, period, words):
    with pytest.raises(InputError, match=words):
        sla_downtime(availability, period)


def test_downtime_bad_year_days():
    with pytest.raises(InputError, match="year_days"):
        sla_downtime(99.8, "year", year_days=0)


def test_format_duration():
    assert format_duration(D("5259.5")) == "1 h 27 min 39.5 s"
    assert format_duration(D("3600")) == "1 h 0 min 0.0 s"
    assert format_duration(D("0.1")) == "0.1 s"
    with pytest.raises(ValueError, match="tenth"):
        format_duration(D("1.25"))


# --- 2. the month's unavailability rate (annexe 2 A.6) ---------------------------------------


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (dt.timedelta(hours=1, minutes=30), D(5400)),
        (dt.timedelta(microseconds=1), D("0.000001")),
        (90, D(5400)),  # a number is minutes
        (1.5, D(90)),
        (D("0.5"), D(30)),
        ("90", D(5400)),
        ("90min", D(5400)),
        ("90 mn", D(5400)),
        ("90m", D(5400)),
        ("1h30", D(5400)),
        ("1h30min", D(5400)),
        ("1 h 30", D(5400)),
        ("2h", D(7200)),
        ("1.5h", D(5400)),
        ("1h30m15s", D(5415)),
        ("45s", D(45)),
        ("1 h 27 mn 39.5 s", D("5259.5")),
        ("1 h 27mn 39,5 s", D("5259.5")),
        ("1:30", D(5400)),
        ("1:27:39.5", D("5259.5")),
        ("0", D(0)),
    ],
)
def test_duration_forms(value, seconds):
    assert duration_seconds(value) == seconds


@pytest.mark.parametrize("value", ["", "abc", "1h30x", "1:75", "-5", -5,
                                   dt.timedelta(seconds=-1), True, None, [1]])
def test_duration_bad_forms(value):
    with pytest.raises(InputError, match=r"duration|negative"):
        duration_seconds(value, "downtime")


def test_unavailability_february_2024():
    # 2024-02 has 29 days: 29 x 86,400 = 2,505,600 s; planned maintenance 2 h = 7,200 s
    # temps total théorique = 2,505,600 - 7,200 = 2,498,400 s; downtime 1 h 30 = 5,400 s
    # 5,400 / 2,498,400 x 100 = 540,000 / 2,498,400 = 75 / 347 = 0.216138... %
    u = unavailability("1h30", "2024-02", planned_maintenance="2h")
    assert u.days_in_month == 29
    assert u.total_seconds == 2_505_600
    assert u.planned_maintenance_seconds == 7200
    assert u.theoretical_seconds == 2_498_400
    assert u.downtime_seconds == 5400
    assert u.percent == Fraction(75, 347)
    assert u.percent_rounded == D("0.216")
    assert u.month == dt.date(2024, 2, 1)
    assert u.vendor == "Teogest"
    assert u.sources[0].article == "Annexe 2 A.6"
    assert "2,505,600 s" in u.explain()


@pytest.mark.parametrize(
    ("month", "days", "total"),
    [
        ("2023-02", 28, 2_419_200),  # 28 x 86,400
        ("2024-02", 29, 2_505_600),  # leap year
        ("2024-04", 30, 2_592_000),
        ("2024-01", 31, 2_678_400),
        (dt.date(2024, 1, 31), 31, 2_678_400),  # any date names its month
        ("2024-12-15", 31, 2_678_400),
    ],
)
def test_unavailability_month_lengths(month, days, total):
    u = unavailability(0, month)
    assert (u.days_in_month, u.total_seconds, u.percent) == (days, total, 0)


def test_unavailability_whole_month_down():
    # 2024-04: 2,592,000 s, no maintenance, down the whole month: 100 %
    assert unavailability(dt.timedelta(days=30), "2024-04").percent == 100


def test_unavailability_bad_input():
    with pytest.raises(InputError, match="month"):
        unavailability(10, "2024-13")
    with pytest.raises(InputError, match="leaves no service time"):
        unavailability(0, "2024-04", planned_maintenance=dt.timedelta(days=30))
    # 2024-04: 2,592,000 - 7,200 = 2,584,800 s of theoretical time
    with pytest.raises(InputError, match="exceeds the theoretical total time"):
        unavailability(dt.timedelta(days=30), "2024-04", planned_maintenance="2h")
    with pytest.raises(InputError, match="not a duration"):
        unavailability("soon", "2024-04")


@pytest.mark.parametrize("vendor_id", ["janquor", "iosmart", "leappy", "gout", "statutory"])
def test_unavailability_silent_vendor(vendor_id):
    with pytest.raises(InputError, match="say nothing on service levels"):
        unavailability(10, "2024-04", vendor=vendor_id)


# --- 3. the credit (annexe 2 A.6) --------------------------------------------------------------

# On a 1,234.56 EUR invoice (123,456 cents), one half-up rounding to the cent:
#   0 %  -> 0.00
#   3 %  -> 123,456 x 3 / 100  = 3,703.68 cents  -> 37.04 EUR
#   8 %  -> 123,456 x 8 / 100  = 9,876.48 cents  -> 98.76 EUR
#   13 % -> 123,456 x 13 / 100 = 16,049.28 cents -> 160.49 EUR
#   20 % -> 123,456 x 20 / 100 = 24,691.2 cents  -> 246.91 EUR (also the cap)
BOUNDS = [
    ("0", "0–0.2 %", 0, D(0), D("0.00")),
    ("0.2", "0–0.2 %", 0, D(0), D("0.00")),
    ("0.21", "0.21–0.5 %", 1, D(3), D("37.04")),
    ("0.5", "0.21–0.5 %", 1, D(3), D("37.04")),
    ("0.51", "0.51–1 %", 2, D(8), D("98.76")),
    ("1", "0.51–1 %", 2, D(8), D("98.76")),
    ("1.01", "1.01–1.5 %", 3, D(13), D("160.49")),
    ("1.5", "1.01–1.5 %", 3, D(13), D("160.49")),
    ("1.5001", "> 1.5 %", 4, D(20), D("246.91")),
    ("100", "> 1.5 %", 4, D(20), D("246.91")),
]


@pytest.mark.parametrize(("rate", "label", "index", "percent", "amount"), BOUNDS)
def test_credit_at_tier_bounds(rate, label, index, percent, amount):
    r = sla_credit("teogest", rate, "1234.56")
    assert (r.tier, r.tier_index, r.percent, r.amount) == (label, index, percent, amount)
    assert r.amount_cents == int(amount * 100)
    # a bound is inside a tier: one reading, no gap
    assert not r.ambiguous
    assert r.readings == {}
    assert r.gap is None
    assert r.cap_applied is False
    assert r.cap_cents == 24_691


@pytest.mark.parametrize(
    ("rate", "gap", "upper", "lower"),
    [
        # (rate, gap, (default: upper tier percent, amount), (lower tier percent, amount))
        ("0.205", (D("0.2"), D("0.21")), (D(3), D("37.04")), (D(0), D("0.00"))),
        ("0.505", (D("0.5"), D("0.51")), (D(8), D("98.76")), (D(3), D("37.04"))),
        ("1.005", (D(1), D("1.01")), (D(13), D("160.49")), (D(8), D("98.76"))),
        ("0.2000001", (D("0.2"), D("0.21")), (D(3), D("37.04")), (D(0), D("0.00"))),
        ("0.2099999", (D("0.2"), D("0.21")), (D(3), D("37.04")), (D(0), D("0.00"))),
    ],
)
def test_credit_in_a_gap_is_ambiguous(rate, gap, upper, lower):
    r = sla_credit("teogest", rate, "1234.56")
    assert r.ambiguous
    assert r.gap == gap
    assert set(r.readings) == {"lower_tier", "upper_tier"}
    # default: upper tier (Code civil art. 1190, as the vendor file says)
    assert r.default_reading == "upper_tier"
    assert r.reading == "upper_tier"
    assert (r.percent, r.amount) == upper
    assert (r.readings["upper_tier"].percent, r.readings["upper_tier"].amount) == upper
    assert (r.readings["lower_tier"].percent, r.readings["lower_tier"].amount) == lower
    assert "falls in the gap" in r.explain()


def test_credit_reading_asked_for():
    r = sla_credit("teogest", 0.205, 1234.56, reading="lower_tier")
    assert (r.reading, r.default_reading, r.percent, r.amount) == (
        "lower_tier", "upper_tier", D(0), D("0.00"))
    assert r.ambiguous
    # outside a gap the readings agree and collapse, whichever is asked for
    r = sla_credit("teogest", 0.3, 1234.56, reading="lower_tier")
    assert (r.ambiguous, r.reading, r.percent) == (False, None, D(3))
    with pytest.raises(InputError, match="valid readings: lower_tier, upper_tier"):
        sla_credit("teogest", 0.205, 1234.56, reading="midpoint")


def test_credit_from_a_measured_month():
    # 2024-02: 5,400 / (2,505,600 - 7,200) x 100 = 75/347 = 0.216138... % -> tier 0.21-0.5 %
    # 3 % of 1,234.56 = 37.0368 -> 37.04 EUR; claim by 2024-02-29 + 30 days = 2024-03-30
    u = unavailability("1h30", "2024-02", planned_maintenance="2h")
    r = sla_credit("teogest", u, "1234.56")
    assert (r.tier, r.percent, r.amount) == ("0.21–0.5 %", D(3), D("37.04"))
    assert r.unavailability_percent == Fraction(75, 347)
    assert r.claim_deadline == dt.date(2024, 3, 30)
    assert not r.ambiguous
    assert "5400 / 2498400 x 100" in r.explain()


def test_credit_from_a_month_in_a_gap():
    # 2024-04 (30 days, 2,592,000 s), no maintenance, 88 min = 5,280 s of downtime:
    # 5,280 / 2,592,000 x 100 = 11/54 = 0.2037... %, in the gap 0.2-0.21 %
    u = unavailability("88min", "2024-04")
    assert u.percent == Fraction(11, 54)
    r = sla_credit("teogest", u, 1000)
    assert r.ambiguous
    assert r.amount == D("30.00")  # 3 % of 1,000 (upper tier)
    assert r.readings["lower_tier"].amount == D("0.00")
    # claim by 2024-04-30 + 30 days = 2024-05-30
    assert r.claim_deadline == dt.date(2024, 5, 30)


def test_credit_at_exactly_the_allowance():
    # 0.2 % of 2024-04 = 5,184 s = 1 h 26 min 24 s: exactly 0.2 %, no credit, not ambiguous
    u = unavailability("1h26min24s", "2024-04")
    assert u.percent == Fraction(1, 5)
    r = sla_credit("teogest", u, 1000)
    assert (r.percent, r.amount, r.ambiguous) == (D(0), D("0.00"), False)


@pytest.mark.parametrize(
    ("invoice", "rate", "amount"),
    [
        ("0.01", 2, D("0.00")),  # 1 cent x 20 % = 0.2 cent -> 0.00
        ("0.01", "0.3", D("0.00")),  # 1 cent x 3 % = 0.03 cent -> 0.00
        ("0.50", "1.2", D("0.07")),  # 50 cents x 13 % = 6.5 cents -> 7 (half-up; half-even: 6)
        ("0.10", 2, D("0.02")),  # 10 cents x 20 % = 2 cents
        (10_000_000, 2, D("2000000.00")),  # 20 %
        (10_000_000, "0.3", D("300000.00")),  # 3 %
        ("10000000.00", "0.99", D("800000.00")),  # 8 %
        (0, 50, D("0.00")),
    ],
)
def test_credit_amounts(invoice, rate, amount):
    assert sla_credit("teogest", rate, invoice).amount == amount


def test_credit_inputs_are_exact():
    # a float is taken as typed, a Fraction or Decimal exactly
    assert sla_credit("teogest", 0.21, 100).percent == D(3)
    assert sla_credit("teogest", D("0.21"), 100).percent == D(3)
    assert sla_credit("teogest", Fraction(21, 100), 100).percent == D(3)
    assert sla_credit("teogest", Fraction(41, 200), 100).ambiguous  # 0.205


def test_credit_claim_rule_and_sources():
    r = sla_credit("teogest", 0.6, 1234.56)
    assert r.claim_deadline_rule == ("claim within 30 days following the last day of the "
                                     "reference month; paid as a credit note (avoir)")
    assert r.claim_deadline is None  # no month given
    articles = {s.article for s in r.sources}
    assert articles == {"Annexe 2 A.6"}
    assert any("0,51 % et 1 %" in s.quote for s in r.sources)
    assert any("plafonné à 20 %" in s.quote for s in r.sources)
    assert "no tier exceeds it" in r.explain()
    assert r.headline() == ("0.6 % unavailability -> tier 0.51–1 %: credit 8 % of 1,234.56 EUR "
                            "= 98.76 EUR")


def test_cap_binds_when_a_tier_exceeds_it(teogest):
    # a made-up variant of the clause whose top tier grants 30 %: the 20 % cap then binds
    tiers = list(teogest.sla.tiers)
    tiers[-1] = tiers[-1].model_copy(update={"credit_percent": D(30)})
    richer = teogest.model_copy(update={"sla": teogest.sla.model_copy(update={"tiers": tiers})})
    r = sla_credit(richer, 2, "1234.56")
    # 30 % x 1,234.56 = 370.368 > cap 20 % = 246.912 -> 246.91 EUR
    assert (r.cap_applied, r.percent, r.amount) == (True, D(20), D("246.91"))


@pytest.mark.parametrize("vendor_id", ["janquor", "iosmart", "leappy", "gout", "statutory"])
def test_credit_silent_vendor(vendor_id):
    with pytest.raises(InputError, match="say nothing on service levels"):
        sla_credit(vendor_id, 1, 100)
    with pytest.raises(InputError, match="say nothing on service levels"):
        sla_credit_table(vendor_id)


@pytest.mark.parametrize(
    ("rate", "invoice", "words"),
    [
        (-0.1, 100, "outside 0..100"),
        ("100.01", 100, "outside 0..100"),
        ("abc", 100, "not a number"),
        (float("nan"), 100, "not a finite number"),
        (True, 100, "expected a number"),
        (1, -1, "negative"),
        (1, "12.345", "fractions of a cent"),
    ],
)
def test_credit_bad_input(rate, invoice, words):
    with pytest.raises(InputError, match=words):
        sla_credit("teogest", rate, invoice)


def test_credit_refuses_another_vendors_measure(teogest):
    other = teogest.model_copy(update={"name": "Other"})
    u = unavailability(10, "2024-04", vendor=other)
    with pytest.raises(InputError, match="Other's formula"):
        sla_credit("teogest", u, 100)


def test_credit_table():
    t = sla_credit_table("teogest")
    assert list(t["kind"]) == ["tier", "gap", "tier", "gap", "tier", "gap", "tier", "tier"]
    assert list(t["label"]) == ["0–0.2 %", "0.2–0.21 % (gap)", "0.21–0.5 %", "0.5–0.51 % (gap)",
                                "0.51–1 %", "1–1.01 % (gap)", "1.01–1.5 %", "> 1.5 %"]
    assert list(t["low"]) == [D(0), D("0.2"), D("0.21"), D("0.5"), D("0.51"), D(1), D("1.01"),
                              D("1.5")]
    assert list(t["high"]) == [D("0.2"), D("0.21"), D("0.5"), D("0.51"), D(1), D("1.01"),
                               D("1.5"), D(100)]
    assert list(t["low_inclusive"]) == [True, False, True, False, True, False, True, False]
    assert list(t["credit_percent"]) == [0, 3, 3, 8, 8, 13, 13, 20]  # gaps: upper tier
    assert list(t["credit_lower_tier"]) == [0, 0, 3, 3, 8, 8, 13, 20]
    assert list(t["credit_upper_tier"]) == [0, 3, 3, 8, 8, 13, 13, 20]
    assert t["tier_index"].tolist()[::2] == [0, 1, 2, 3]


def test_tier_labels_in_french():
    tiers = load("teogest").sla.tiers
    # annexe 2 A.6: "de 0,21 % à 0,5 %" → 3 %; the last tier, above 1.5 %
    assert tier_label(tiers[1]) == "0.21–0.5 %"
    assert tier_label(tiers[1], "fr") == "0,21–0,5\u00a0%"
    assert tier_label(tiers[-1], "fr") == "> 1,5\u00a0%"
