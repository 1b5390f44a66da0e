"""Price revision: figures worked out by hand from the clauses and data/rates/syntec_index.csv.

Index values used (month, value, series, publication date; "assumed" = last day of the following
month, the file giving none), all from data/rates/syntec_index.csv:

    2019-11  274.7 old      assumed 2019-12-31     2023-05  302.7 revised  2023-06-30
    2020-11  274.8 old      assumed 2020-12-31     2023-06  304.0 revised  2023-07-31
    2021-06  275.7 old      2021-07-30             2023-08  305.7 revised  2023-09-29
    2021-08  276.5 old      2021-09-30             2023-09  306.0 revised  2023-10-31
    2021-11  276.9 old      assumed 2021-12-31     2023-11  307.0 revised  2023-12-29
    2022-08  280.6 revised  2022-09-30             2024-01  310.5 revised  assumed 2024-02-29
    2023-01  293.9 revised  2023-02-28             2024-05  313.3 revised  assumed 2024-06-30
    2023-02  298.5 revised  2023-03-31             2024-08  314.1 revised  assumed 2024-09-30

Gaps: 2022-01..07, 2022-09..12, 2023-12, 2024-06, 2024-07, 2024-11, 2025-02..08; the data ends
with 2025-10. Coefficient de raccord (2022): k = 0.97975, so an old S1 and a revised S2 give
S2 / (S1 x k).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

from cgvlib.arithmetic.price import index_factors, price_path, revise_price, scheduled_dates
from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.model.loader import vendor as load

K = Fraction("0.97975")


# --- Leappy art. 4: P2 = P1 x S2/S1, on 1 January and 1 July ----------------------------------


def test_leappy_first_revision():
    # Signed 2023-03-15: S1 = last published at 2023-03-15 = 2023-01 (293.9, published
    # 2023-02-28; 2023-02 was published 2023-03-31). Revision 2023-07-01: S2 = last published at
    # 2023-07-01 = 2023-05 (302.7, published 2023-06-30; 2023-06 published 2023-07-31).
    # 1000 x 302.7 / 293.9 = 1029.9421... -> 1,029.94 EUR, for services after 2023-07-01.
    r = revise_price("leappy", 1000, "2023-03-15", "2023-07-02")
    assert r.price == Decimal("1029.94")
    assert r.price_cents == 102994
    assert r.worst_case_price == r.price  # no discretionary margin
    assert r.base_price == Decimal("1000.00")
    assert (r.base_date, r.at) == (dt.date(2023, 3, 15), dt.date(2023, 7, 2))
    (step,) = r.revisions
    assert step.date == dt.date(2023, 7, 1)
    assert step.effective == dt.date(2023, 7, 2)
    assert (step.s1.month, step.s1.value, step.s1.series) == ("2023-01", Decimal("293.9"),
                                                              "revised")
    assert step.s1.published == dt.date(2023, 2, 28)
    assert (step.s2.month, step.s2.value) == ("2023-05", Decimal("302.7"))
    assert step.ratio == Fraction("302.7") / Fraction("293.9")
    assert step.price == Decimal("1029.94")
    assert [s.month for s in r.index_values] == ["2023-01", "2023-05"]
    assert r.sources[0].article == "4"
    assert "S2/S1 = 302.7 / 293.9 = 1.0299422" in "\n".join(r.working)
    assert r.headline().startswith("1,029.94 EUR on 2023-07-02")


def test_leappy_service_on_the_revision_date_keeps_the_old_price():
    # « Les nouveaux prix sont appliqués à tous les services exécutés après la date de la
    # révision de prix »: a service ON 2023-07-01 is not after it.
    assert revise_price("leappy", 1000, "2023-03-15", "2023-07-01").price == Decimal("1000.00")
    assert revise_price("leappy", 1000, "2023-03-15", "2023-07-01").revisions == ()


def test_leappy_chained_revisions():
    # 2024-01-01: S2 = last published at 2024-01-01 = 2023-11 (307.0, published 2023-12-29;
    # 2023-12 is a gap but would be assumed published 2024-01-31, after the date).
    # 2024-07-01: 2024-05 assumed published 2024-06-30 -> 313.3 (2024-06, a gap, would be
    # assumed published 2024-07-31). Chained: S1 of each = S2 of the previous revision.
    # 1000 x 302.7/293.9 x 307.0/302.7 x 313.3/307.0 = 1000 x 313.3/293.9 = 1066.0088 -> 1,066.01
    r = revise_price("leappy", 1000, "2023-03-15", "2024-07-02")
    assert [s.date for s in r.revisions] == [dt.date(2023, 7, 1), dt.date(2024, 1, 1),
                                             dt.date(2024, 7, 1)]
    assert [(s.s1.value, s.s2.value) for s in r.revisions] == [
        (Decimal("293.9"), Decimal("302.7")),
        (Decimal("302.7"), Decimal("307.0")),
        (Decimal("307.0"), Decimal("313.3")),
    ]
    assert r.revisions[2].s2.published_assumed
    # each step's price: 1029.94, 1000 x 307.0/293.9 = 1044.5730 -> 1044.57, then 1066.01
    assert [s.price for s in r.revisions] == [Decimal("1029.94"), Decimal("1044.57"),
                                              Decimal("1066.01")]
    assert r.price == Decimal("1066.01")
    assert r.factor == Fraction("313.3") / Fraction("293.9")
    # 2025-01-01 is the next revision: not applied to a service on that day
    assert revise_price("leappy", 1000, "2023-03-15", "2025-01-01").price == Decimal("1066.01")


def test_leappy_revision_needing_a_gap_month():
    # revision 2025-01-01: the last index published on 2025-01-01 is 2024-11 (assumed published
    # 2024-12-31), a gap: refused, never interpolated nor replaced by 2024-10
    with pytest.raises(OutOfCoverageError, match="2024-11 is a gap") as info:
        revise_price("leappy", 1000, "2023-03-15", "2025-01-02")
    # no worst case either: the formula has no cap, the price is the index's
    assert "No worst case without it either: P2 = P1 x S2/S1 has no cap" in str(info.value)


def test_leappy_past_the_end_of_the_data():
    # signed 2025-11-15: S1 = 2025-09 (321.7, assumed published 2025-10-31; 2025-10 published
    # 2025-11-28). Revision 2026-01-01: the lookup covers dates up to 2025-12-30 only.
    assert revise_price("leappy", 1000, "2025-11-15", "2026-01-01").price == Decimal("1000.00")
    with pytest.raises(OutOfCoverageError, match="after the last covered date"):
        revise_price("leappy", 1000, "2025-11-15", "2026-01-02")


def test_leappy_end_of_month_reading():
    # reading end_of_month: revisions on 31 January and 31 July. Signed 2023-03-15, S1 = 293.9;
    # revision 2023-07-31: S2 = last published at 2023-07-31 = 2023-06 (304.0, published
    # 2023-07-31): 1000 x 304.0/293.9 = 1034.3654 -> 1,034.37, for services from 2023-08-01.
    r = revise_price("leappy", 1000, "2023-03-15", "2023-08-01", reading="end_of_month")
    assert r.reading == "end_of_month"
    assert r.revisions[0].date == dt.date(2023, 7, 31)
    assert r.price == Decimal("1034.37")
    assert r.readings["first_of_month"].price == Decimal("1029.94")
    assert revise_price("leappy", 1000, "2023-03-15", "2023-08-01").price == Decimal("1029.94")


def test_a_reading_missing_its_index_does_not_block_the_others():
    # end_of_month: revision 2024-01-31 needs 2023-12 (assumed published 2024-01-31), a gap;
    # the default reading (1 January: 2023-11) is computable.
    r = revise_price("leappy", 1000, "2023-03-15", "2024-03-01")
    assert r.price == Decimal("1044.57")  # 1000 x 307.0/293.9
    other = r.readings["end_of_month"]
    assert other.price is None
    assert "2023-12 is a gap" in other.unavailable
    assert other.headline().startswith("not computable")
    with pytest.raises(OutOfCoverageError, match="2023-12"):
        revise_price("leappy", 1000, "2023-03-15", "2024-03-01", reading="end_of_month")


def test_leappy_signed_in_2021_meets_the_2022_gap():
    # Signed 2021-08-15: S1 = 2021-06 (275.7, published 2021-07-30; 2021-07 assumed 2021-08-31).
    # Revision 2022-01-01: S2 = 2021-11 (276.9): 1000 x 276.9/275.7 = 1004.3526 -> 1,004.35.
    r = revise_price("leappy", 1000, "2021-08-15", "2022-07-01")
    assert r.price == Decimal("1004.35")
    # revision 2022-07-01 needs 2022-05 (assumed published 2022-06-30): a gap of the old index
    with pytest.raises(OutOfCoverageError, match="2022-05 is a gap"):
        revise_price("leappy", 1000, "2021-08-15", "2022-07-02")


def leappy_in_october():
    """Leappy's formula with one revision a year on 1 October (a test clause): the one way to
    chain across August 2022 with the data's gaps."""
    v = load("leappy")
    clause = v.price_revision[0].model_copy(update={"months": [10], "ambiguity": None})
    return v.model_copy(update={"price_revision": [clause]})


def test_chained_across_the_2022_switch():
    # Signed 2021-08-15, S1 = 2021-06 old 275.7.
    # 2021-10-01: S2 = 2021-08 old 276.5 (published 2021-09-30): 276.5/275.7
    # 2022-10-01: S2 = 2022-08 revised 280.6 (published 2022-09-30): 280.6 / (276.5 x 0.97975)
    # 2023-10-01: S2 = 2023-08 revised 305.7 (published 2023-09-29): 305.7/280.6
    # product = 305.7 / (275.7 x 0.97975) = 305.7 / 270.117075; x 1000 = 1131.7315 -> 1,131.73
    r = revise_price(leappy_in_october(), 1000, "2021-08-15", "2023-10-02")
    ratios = [s.ratio for s in r.revisions]
    assert ratios == [
        Fraction("276.5") / Fraction("275.7"),
        Fraction("280.6") / (Fraction("276.5") * K),
        Fraction("305.7") / Fraction("280.6"),
    ]
    assert [s.s2.series for s in r.revisions] == ["old", "revised", "revised"]
    # steps: 1000 x 276.5/275.7 = 1002.9017 -> 1002.90; 1000 x 280.6/(275.7 k) = 1038.8088
    assert [s.price for s in r.revisions] == [Decimal("1002.90"), Decimal("1038.81"),
                                              Decimal("1131.73")]
    assert r.price == Decimal("1131.73")
    assert "x 0.97975, the 2022 coefficient de raccord" in "\n".join(r.working)


def test_leappy_amount_edges():
    # 0.01 EUR: 1 x 313.3/293.9 = 1.066 cents -> 0.01; 0 stays 0
    assert revise_price("leappy", "0.01", "2023-03-15", "2024-07-02").price == Decimal("0.01")
    assert revise_price("leappy", 0, "2023-03-15", "2024-07-02").price == Decimal("0.00")
    # 10,000,000 EUR: 1,000,000,000 cents x 313.3/293.9 = 1,066,008,846.546 -> 10,660,088.47
    big = revise_price("leappy", 10_000_000, "2023-03-15", "2024-07-02")
    assert big.price == Decimal("10660088.47")


def test_revision_day_clamped_to_month_end():
    # day 31 in a 30-day month, and February
    clause = load("leappy").price_revision[0].model_copy(update={"months": [2, 4], "day": 31})
    assert scheduled_dates(clause, 2024, 2025) == [
        dt.date(2024, 2, 29), dt.date(2024, 4, 30), dt.date(2025, 2, 28), dt.date(2025, 4, 30)]


# --- Teogest 14.1.2, 14.3.3: 1 January, Syntec, vendor's margin up to 9 % -----------------------


def test_teogest_minimum_billing_worst_case_through_the_2024_11_gap():
    # 14.3.3: 130 EUR HT at 1 January 2024. Revision 2025-01-01 compares the index last
    # published at 2025-01-01 (2024-11, a gap) with the one at 2024-01-01 (2023-11, 307.0):
    # the index-based price is unknown, but under capped_at_9 (« ne pourra excéder 9 % ») the
    # rise is at most 9 % whatever the index: worst case 130 x 1.09 = 141.70 exactly.
    r = revise_price("teogest", 130, "2024-01-01", "2025-01-01", clause="minimum monthly billing")
    assert (r.price, r.price_cents, r.factor) == (None, None, None)
    assert (r.worst_case_price, r.worst_case_cents) == (Decimal("141.70"), 14_170)
    assert r.unavailable is None and r.reading == "capped_at_9"
    assert r.index_unknown == ("S2 of the revision of 2025-01-01, the index last published on "
                               "2025-01-01, is that of 2024-11, a gap in the data",)
    (step,) = r.revisions
    assert (step.s1.month, step.s2, step.ratio, step.factor) == ("2023-11", None, None, None)
    assert (step.worst_factor, step.price, step.worst_case_price) == (
        Fraction(109, 100), None, Decimal("141.70"))
    assert "2024-11, a gap in the data" in step.index_unknown
    working = "\n".join(r.working)
    assert "Index-based price unknown: S2 of the revision of 2025-01-01" in working
    assert "Worst case 130.00 EUR x 1.0900000 = 141.70 EUR" in working
    assert r.headline().startswith("worst case 141.70 EUR on 2025-01-01 (130.00 EUR set on "
                                   "2024-01-01, 1 revision); index-based price unknown: ")
    assert r.index_values == (step.s1,)
    # index_in_full: an index rise above 9 % applies in full, so no bound without the index
    full = r.readings["index_in_full"]
    assert full.worst_case_price is None
    assert "2024-11 is a gap" in full.unavailable and "applies in full" in full.unavailable
    with pytest.raises(OutOfCoverageError, match="nothing bounds the rise but the index"):
        revise_price("teogest", 130, "2024-01-01", "2025-01-01", clause="minimum monthly",
                     reading="index_in_full")
    # asked to refuse, it refuses as a chart of index-based prices needs
    with pytest.raises(OutOfCoverageError, match="2024-11 is a gap"):
        revise_price("teogest", 130, "2024-01-01", "2025-01-01", clause="minimum monthly billing",
                     index_missing="refuse")
    # set on 1 January 2024: the revision of that day is already in it
    r = revise_price("teogest", 130, "2024-01-01", "2024-12-31", clause="minimum monthly billing")
    assert (r.price, r.worst_case_price, r.revisions) == (Decimal("130.00"), Decimal("130.00"), ())


def test_teogest_worst_case_past_the_end_of_the_data():
    # 2026-01-01: the index last published then would be 2025-11 (published by 2025-12-31),
    # after the data (its last month is 2025-10). Worst case, one rounding at the end:
    # 130 x 1.09^2 = 130 x 1.1881 = 154.453 -> 154.45 on 2026-01-01; 130 x 1.09^3 =
    # 130 x 1.295029 = 168.35377 -> 168.35 on 2027-01-01 (the exact product, rounded once).
    r = revise_price("teogest", 130, "2024-01-01", "2026-06-30", clause="minimum monthly billing")
    assert r.worst_case_price == Decimal("154.45") and r.price is None
    later = revise_price("teogest", 130, "2024-01-01", "2027-01-01", clause="minimum monthly")
    assert later.worst_case_price == Decimal("168.35")
    assert [s.worst_case_price for s in later.revisions] == [
        Decimal("141.70"), Decimal("154.45"), Decimal("168.35")]
    assert later.index_unknown[1] == (
        "S2 of the revision of 2026-01-01, the index last published on 2026-01-01, would be that "
        "of 2025-11 (published by 2025-12-31), after the end of the data (its last month is "
        "2025-10)")
    # the 2026 revision's S1 is the 2025 revision's S2, unknown: named on the step, not twice
    # among the result's missing months
    assert len(later.index_unknown) == 3
    assert later.revisions[1].index_unknown.startswith(
        "S1 of the revision of 2026-01-01, the previous revision's S2; S2 of the revision")


def test_teogest_worst_case_when_s1_is_the_missing_month():
    # 1,000 EUR set on 2023-03-15 (14.1.2). Revision 2024-01-01: S1 = last published at the
    # previous 1 January, 2023-01-01: 2022-11, a gap; S2 = 2023-11 (307.0) is known. Worst case
    # 1000 x 1.09 = 1,090.00; the index-based price unknown.
    r = revise_price("teogest", 1000, "2023-03-15", "2024-06-30")
    assert r.worst_case_price == Decimal("1090.00") and r.price is None
    assert r.revisions[0].s2.month == "2023-11" and r.revisions[0].s1 is None
    assert r.index_unknown == ("S1 of the revision of 2024-01-01, the index last published on "
                               "2023-01-01, is that of 2022-11, a gap in the data",)


def test_teogest_one_year_index_and_worst_case():
    # 130 EUR set on 2021-01-01 (covered years of the old index). Revision 2022-01-01:
    # S2 = last published at 2022-01-01 = 2021-11 (276.9), S1 = last published at the previous
    # 1 January, 2021-01-01 = 2020-11 (274.8). Index: 130 x 276.9/274.8 = 130.9934 -> 130.99.
    # Rise 0.76 % < 9 %: the vendor may go up to 9 %: worst case 130 x 1.09 = 141.70.
    r = revise_price("teogest", 130, "2021-01-01", "2022-01-01", clause="minimum monthly billing")
    assert r.sources[0].article == "14.3.3"
    assert r.price == Decimal("130.99")
    assert r.worst_case_price == Decimal("141.70")
    (step,) = r.revisions
    assert (step.s1.month, step.s2.month) == ("2020-11", "2021-11")
    assert step.effective == step.date == dt.date(2022, 1, 1)  # « révisés au 1er janvier »
    assert step.worst_factor == Fraction(109, 100)
    assert "working convention, not the text" in "\n".join(r.working)
    assert r.ambiguous and r.reading == "capped_at_9"
    assert r.readings["index_in_full"].worst_case_price == Decimal("141.70")
    assert "worst case 141.70 EUR" in r.headline()


def test_teogest_two_years():
    # 130 EUR set on 2020-01-01: 2021-01-01 (S1 2019-11 = 274.7, S2 2020-11 = 274.8) then
    # 2022-01-01 (S2 2021-11 = 276.9): 130 x 276.9/274.7 = 131.0411 -> 131.04;
    # worst case 130 x 1.09 x 1.09 = 154.453 -> 154.45 (rounded once, at the end)
    r = revise_price("teogest", 130, "2020-01-01", "2022-06-30", clause=3)
    assert [s.s2.month for s in r.revisions] == ["2020-11", "2021-11"]
    assert r.revisions[0].s1.month == "2019-11"
    assert r.price == Decimal("131.04")
    assert r.worst_case_price == Decimal("154.45")
    # a price set mid-year: the first revision still compares 1 January with 1 January
    mid = revise_price("teogest", 130, "2021-06-15", "2022-01-01")
    assert mid.revisions[0].s1.month == "2020-11"
    assert mid.sources[0].article == "14.1.2"


def test_teogest_readings_above_nine_percent():
    # 14.1.2: the 9 % ceiling is stated for an index rise « inférieure à 9 % »; an index rise of
    # 10 % (ratio 11/10) is cut to 9 % (capped_at_9) or applies in full (index_in_full).
    p = load("teogest").price_revision[0]
    capped, full = p.readings()["capped_at_9"], p.readings()["index_in_full"]
    assert index_factors(Fraction(11, 10), capped) == (Fraction(109, 100), Fraction(109, 100))
    assert index_factors(Fraction(11, 10), full) == (Fraction(11, 10), Fraction(11, 10))
    # a rise of 2 %: both readings give the index, worst case 9 %
    for reading in (capped, full):
        assert index_factors(Fraction(102, 100), reading) == (Fraction(102, 100),
                                                              Fraction(109, 100))
    # a fall of 1 % lowers the index-based price; the vendor may still raise up to 9 %
    assert index_factors(Fraction(99, 100), capped) == (Fraction(99, 100), Fraction(109, 100))


# --- Teogest annexes 2 D and 3: revised at the date of the service ------------------------------


def test_teogest_restore_rate_at_the_date_of_service():
    # Annexe 2 D: 130 EUR/h « tarif au 30/10/2023 »: S1 = last published at 2023-10-30 =
    # 2023-08 (305.7, published 2023-09-29; 2023-09 was published 2023-10-31). Service on
    # 2024-03-15: S2 = 2024-01 (310.5, assumed published 2024-02-29).
    # 130 x 310.5/305.7 = 132.0412 -> 132.04
    r = revise_price("teogest", 130, "2023-10-30", "2024-03-15", clause="hourly rate of 130")
    assert r.price == Decimal("132.04")
    assert r.kind == "index_since"
    assert (r.revisions[0].s1.month, r.revisions[0].s2.month) == ("2023-08", "2024-01")
    # base_date None: the tariff's date the text states
    assert revise_price("teogest", 130, None, "2024-03-15", clause=4).price == Decimal("132.04")


def test_teogest_restore_minimum_dated_a_day_later():
    # 70 EUR minimum « tarif au 31/10/2023 »: S1 = 2023-09 (306.0, published that very day).
    # 70 x 310.5/306.0 = 71.0294 -> 71.03
    r = revise_price("teogest", 70, None, "2024-03-15", clause="minimum billing of 70")
    assert r.base_date == dt.date(2023, 10, 31)
    assert r.revisions[0].s1.month == "2023-09"
    assert r.price == Decimal("71.03")


def test_teogest_reversibility_assistance():
    # Annexe 3: 200 EUR/h, tarif au 30/10/2023: 200 x 310.5/305.7 = 203.1403 -> 203.14; on
    # 2024-10-15: S2 = 2024-08 (314.1, assumed published 2024-09-30): 200 x 314.1/305.7 =
    # 205.4956 -> 205.50
    assert revise_price("teogest", 200, None, "2024-03-15", clause="reversibility").price == (
        Decimal("203.14"))
    assert revise_price("teogest", 200, None, "2024-10-15", clause="reversibility").price == (
        Decimal("205.50"))
    # on the tariff date itself the price is the tariff
    assert revise_price("teogest", 200, None, "2023-10-30", clause="reversibility").price == (
        Decimal("200.00"))


def test_index_since_across_the_2022_switch():
    # The annex formula on a tariff dated 2021-08-15 (a test clause): S1 = 2021-06 old 275.7
    # (published 2021-07-30); service on 2023-03-01: S2 = 2023-01 revised 293.9 (published
    # 2023-02-28). Ratio 293.9 / (275.7 x 0.97975) = 293.9 / 270.117075 = 1.0880467...;
    # 1000 x that = 1088.0467 -> 1,088.05
    v = load("teogest")
    clause = v.price_revision[4].model_copy(update={"as_of": dt.date(2021, 8, 15)})
    test_vendor = v.model_copy(update={"price_revision": [clause]})
    r = revise_price(test_vendor, 1000, None, "2023-03-01")
    assert r.revisions[0].ratio == Fraction("293.9") / (Fraction("275.7") * K)
    assert r.price == Decimal("1088.05")


def test_index_since_service_in_a_gap():
    # service on 2024-02-01: the index in force is 2023-12 (assumed published 2024-01-31), a gap
    with pytest.raises(OutOfCoverageError, match="2023-12 is a gap") as info:
        revise_price("teogest", 130, None, "2024-02-01", clause="hourly rate of 130")
    assert "follows the index in force at the service date, with no cap" in str(info.value)


# --- JANQUOR art. 4: ±3 % on 10 January when the volume deviated by more than 10 % ---------------


@pytest.mark.parametrize(
    ("deviation", "expected"),
    [
        (12, "1030.00"),  # +12 % > +10 %: 1000 x 1.03
        (-15, "970.00"),  # -15 % < -10 %: 1000 x 0.97
        (10, "1000.00"),  # exactly 10 %: « Tout écart supérieur à 10% » is strictly above
        (-10, "1000.00"),
        ("10.01", "1030.00"),
        (0, "1000.00"),
    ],
)
def test_janquor_volume_step(deviation, expected):
    # revision on 10 January 2025 of a budget signed 2024-03-01, volume of 2024
    r = revise_price("janquor", 1000, "2024-03-01", "2025-06-30",
                     volume_deviation_percent=deviation)
    assert r.price == Decimal(expected)
    assert r.worst_case_price == r.price
    assert r.depends_on == ()
    assert r.revisions[0].date == dt.date(2025, 1, 10)


def test_janquor_without_the_fact():
    # without the deviation, the budget is unchanged but the result says it depends on it; worst
    # case a deviation above +10 %: 1000 x 1.03 = 1030.00
    r = revise_price("janquor", 1000, "2024-03-01", "2025-06-30")
    assert r.price == Decimal("1000.00")
    assert r.worst_case_price == Decimal("1030.00")
    assert r.depends_on == ("volume_deviation_percent for 2024",)
    assert "depends on volume_deviation_percent for 2024" in r.headline()


def test_janquor_year_by_year():
    # signed 2023-02-01: 2024-01-10 (volume of 2023: +12 %, +3 %) and 2025-01-10 (2024: -15 %,
    # -3 %): 1000 x 1.03 x 0.97 = 999.10; on 2025-01-09 only the first: 1030.00
    facts = {2023: 12, 2024: -15}
    assert revise_price("janquor", 1000, "2023-02-01", "2025-01-10",
                        volume_deviation_percent=facts).price == Decimal("999.10")
    assert revise_price("janquor", 1000, "2023-02-01", "2025-01-09",
                        volume_deviation_percent=facts).price == Decimal("1030.00")
    # one number for two revisions is refused
    with pytest.raises(InputError, match="one deviation per year"):
        revise_price("janquor", 1000, "2023-02-01", "2025-01-10", volume_deviation_percent=12)


def test_janquor_half_up_rounding():
    # 1.50 EUR x 1.03 = 1.545 EUR = 154.5 cents -> 155 (half-up; half-even would give 154)
    r = revise_price("janquor", "1.50", "2024-03-01", "2025-01-10", volume_deviation_percent=12)
    assert r.price == Decimal("1.55")


def test_janquor_tariffs_for_new_orders():
    # art. 4: « elle s'engage à facturer les prestations commandées au montant d'honoraires
    # indiqués lors de la signature »
    r = revise_price("janquor", 1000, "2023-02-01", "2025-06-30", clause="tariffs for new")
    assert (r.kind, r.price) == ("new_orders_only", Decimal("1000.00"))


# --- ioSmart, GOUT: no revision of a running order ---------------------------------------------


def test_iosmart_unchanged():
    # « Les commandes en cours ou devis déjà acceptés ne seront pas affectés par des
    # modifications tarifaires ultérieures. »
    r = revise_price("iosmart", 88, "2023-01-01", "2030-01-01")
    assert (r.price, r.worst_case_price, r.revisions) == (Decimal("88.00"), Decimal("88.00"), ())
    assert "ne seront pas affectés" in "\n".join(r.working)
    assert r.sources[0].article == "Prix (unnumbered)"


def test_gout_unchanged():
    r = revise_price("gout", 500, "2023-01-01", "2024-01-01")
    assert r.price == Decimal("500.00")
    assert "libre appréciation du Prestataire" in r.sources[0].quote


# --- bad input ---------------------------------------------------------------------------------


def test_bad_input():
    with pytest.raises(InputError, match="at: 2023-01-01 is before base_date 2023-03-15"):
        revise_price("leappy", 1000, "2023-03-15", "2023-01-01")
    with pytest.raises(InputError, match="fractions of a cent"):
        revise_price("leappy", "12.345", "2023-03-15", "2023-07-02")
    with pytest.raises(InputError, match="negative"):
        revise_price("leappy", -1, "2023-03-15", "2023-07-02")
    with pytest.raises(InputError, match="not a date"):
        revise_price("leappy", 1000, "15.03.2023", "2023-07-02")
    with pytest.raises(InputError, match="base_date: give the date"):
        revise_price("leappy", 1000, None, "2023-07-02")
    with pytest.raises(InputError, match="does not depend on the volume of work"):
        revise_price("leappy", 1000, "2023-03-15", "2023-07-02", volume_deviation_percent=12)
    with pytest.raises(InputError, match="unknown fact"):
        revise_price("janquor", 1000, "2023-03-15", "2023-07-02", volume_deviaton_percent=12)
    with pytest.raises(InputError, match="not a number"):
        revise_price("janquor", 1000, "2024-03-01", "2025-06-30", volume_deviation_percent="x")
    with pytest.raises(InputError, match="not a year"):
        revise_price("janquor", 1000, "2024-03-01", "2025-06-30",
                     volume_deviation_percent={"last": 12})
    with pytest.raises(InputError, match="matches 2 price revision clauses"):
        revise_price("teogest", 130, "2024-01-01", "2024-06-01", clause="restore")
    with pytest.raises(InputError, match="no price revision clause number 7; valid: \\[0\\]"):
        revise_price("teogest", 130, "2024-01-01", "2024-06-01", clause=7)
    with pytest.raises(InputError, match="not a reading"):
        revise_price("leappy", 1000, "2023-03-15", "2023-07-02", reading="mid_month")
    with pytest.raises(InputError, match="say nothing on price revision"):
        revise_price("statutory", 1000, "2023-03-15", "2023-07-02")


# --- price_path ----------------------------------------------------------------------------------


def test_price_path_leappy():
    path = price_path("leappy", 1000, "2023-03-15", "2024-08-01")
    assert list(path.index.astype(str))[:3] == ["2023-03", "2023-04", "2023-05"]
    assert path.index[-1] == pd.Period("2024-08", freq="M")
    assert path.loc["2023-03", "date"] == pd.Timestamp("2023-03-15")
    # services on 1 July 2023 keep the old price; the revision shows from 1 August
    assert path.loc["2023-07", "price"] == Decimal("1000.00")
    assert path.loc["2023-08", "price"] == Decimal("1029.94")
    assert path.loc["2024-02", "price"] == Decimal("1044.57")
    assert path.loc["2024-08", "price"] == Decimal("1066.01")
    assert list(path.index[path["revision"]].astype(str)) == ["2023-08", "2024-02", "2024-08"]
    assert path.loc["2024-02", "revision_dates"] == "2024-01-01"
    assert path.loc["2024-08", "index"] == Decimal("313.3")
    assert path.loc["2024-08", "series"] == "revised"
    assert path.loc["2023-05", "index"] is None
    assert path["price_cents"].dtype == "int64"
    # row for row the scalar form
    assert path.loc["2024-03", "price"] == revise_price("leappy", 1000, "2023-03-15",
                                                        "2024-03-01").price


def test_price_path_stops_at_a_gap_or_clips():
    # the 2025-01-01 revision needs 2024-11 (gap): the row of 2025-02-01 is not computable
    with pytest.raises(OutOfCoverageError) as info:
        price_path("leappy", 1000, "2023-03-15", "2025-06-01")
    message = str(info.value)
    assert "no price for 2025-02-01" in message and "2024-11" in message
    assert "clip=True" in message and "2025-01" in message
    clipped = price_path("leappy", 1000, "2023-03-15", "2025-06-01", clip=True)
    assert clipped.index[-1] == pd.Period("2025-01", freq="M")
    assert "2024-11" in clipped.attrs["clipped"]


def test_price_path_teogest_worst_case_and_annex():
    path = price_path("teogest", 130, "2020-01-01", "2022-01-01", clause="minimum monthly")
    assert path.loc["2020-12", "worst_case"] == Decimal("130.00")
    assert path.loc["2021-01", "worst_case"] == Decimal("141.70")
    assert path.loc["2022-01", "worst_case"] == Decimal("154.45")
    assert path.loc["2022-01", "price"] == Decimal("131.04")
    assert (path["worst_case_cents"] >= path["price_cents"]).all()
    # annex rate: revised whenever the index in force changes; 2024-02-01 falls in a gap
    annex = price_path("teogest", 130, None, "2024-06-01", clause="hourly rate of 130", clip=True)
    assert annex.index[-1] == pd.Period("2024-01", freq="M")
    assert annex.loc["2023-10", "price"] == Decimal("130.00")
    # 2023-11-01: S2 = 2023-09 (306.0): 130 x 306.0/305.7 = 130.1276 -> 130.13
    assert annex.loc["2023-11", "price"] == Decimal("130.13")
    assert bool(annex.loc["2023-11", "revision"])


def test_price_path_teogest_worst_case_without_the_index():
    # 130 EUR minimum billing of 1 January 2024: 130.00 through 2024; from 2025-01-01 the
    # index-based price is unknown (2024-11 a gap), worst case 141.70 (130 x 1.09); from
    # 2026-01-01 154.45 (130 x 1.09^2 = 154.453)
    path = price_path("teogest", 130, "2024-01-01", "2026-02-01", clause="minimum monthly billing")
    assert path.loc["2024-12", "price"] == Decimal("130.00")
    assert path.loc["2024-12", "index_unknown"] == ""
    assert path.loc["2025-01", "price"] is None
    assert pd.isna(path.loc["2025-01", "price_cents"])
    assert path.loc["2025-01", "worst_case"] == Decimal("141.70")
    assert "2024-11, a gap in the data" in path.loc["2025-01", "index_unknown"]
    assert path.loc["2026-01", "worst_case"] == Decimal("154.45")
    assert list(path.index[path["revision"]].astype(str)) == ["2025-01", "2026-01"]
    assert str(path["price_cents"].dtype) == "Int64"
    assert path["worst_case_cents"].dtype == "int64"
    # asked to refuse: the path stops before 2025-01
    refused = price_path("teogest", 130, "2024-01-01", "2026-02-01", clause="minimum monthly",
                         index_missing="refuse", clip=True)
    assert refused.index[-1] == pd.Period("2024-12", freq="M")


def test_index_missing_must_be_one_of_two_words():
    with pytest.raises(InputError, match="index_missing: 'guess' is not one of worst_case, refuse"):
        revise_price("teogest", 130, "2024-01-01", "2025-01-01", index_missing="guess")


def test_price_path_without_index():
    path = price_path("iosmart", 88, "2024-01-15", "2024-04-01")
    assert list(path["price"]) == [Decimal("88.00")] * 4
    assert not path["revision"].any()
    with pytest.raises(InputError, match="until"):
        price_path("iosmart", 88, "2024-01-15", "2023-04-01")
