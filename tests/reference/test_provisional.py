"""``assume_last``: the explicit opt-in to carry each series' last value past the data, every
value so obtained marked provisional; outside the block, dates past the data are refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cgvlib.errors import InputError, OutOfCoverageError
from cgvlib.reference.ecb_rate import ecb_rate, ecb_semester_rate
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.provisional import assume_last, assumed_until
from cgvlib.reference.rates_add import add_legal_rate
from cgvlib.reference.status import data_version
from cgvlib.reference.syntec import syntec, syntec_last_published


def test_the_legal_rate_carried_forward_is_provisional():
    with assume_last("2027-03-31") as until:
        assert until == assumed_until() == dt.date(2027, 3, 31)
        rate = legal_rate("2027-02-01")
        assert (rate.value, rate.start, rate.end, rate.assumed) == (
            Decimal("2.62"), dt.date(2027, 1, 1), dt.date(2027, 6, 30), True)
        assert rate.note == ("provisional: the legal rates of 2026-01-01..2026-06-30 (2.62 / "
                             "6.67) carried forward past 2026-06-30, the end of the data "
                             "(assume last)")
        assert rate.source.startswith(rate.note + "; its source: Arrêté du 15 décembre 2025")
        assert legal_rate("2026-09-01", "consumer").value == Decimal("6.67")
        assert legal_rate("2026-03-01").assumed is False  # inside the data: not provisional
        with pytest.raises(OutOfCoverageError):
            legal_rate("2027-07-01")  # past ``until``
    assert assumed_until() is None
    with pytest.raises(OutOfCoverageError):
        legal_rate("2027-02-01")


def test_the_ecb_rate_carried_forward_is_provisional():
    with assume_last("2026-12-31"):
        rate = ecb_rate("2026-06-12")
        assert (rate.value, rate.start, rate.end, rate.assumed) == (
            Decimal("2.15"), dt.date(2025, 6, 11), dt.date(2026, 12, 31), True)
        assert rate.note == ("provisional: the rate 2.15 % (in force since 2025-06-11) carried "
                             "forward past 2026-06-11, the end of the data (assume last)")
        assert ecb_rate("2026-06-11").assumed is False
        semester = ecb_semester_rate("2026-08-01")
        assert (semester.value, semester.assumed) == (Decimal("2.15"), True)
        assert "carried forward past 2026-06-11" in semester.note
        assert ecb_semester_rate("2026-03-01").assumed is False
    with pytest.raises(OutOfCoverageError):
        ecb_rate("2026-06-12")


def test_the_syntec_index_carried_forward_is_provisional():
    with assume_last("2026-01-31"):
        month = syntec("2025-12")
        assert (month.value, month.series, month.assumed) == (Decimal("322.2"), "revised", True)
        assert month.note.startswith("provisional: the index of 2025-10 (322.2) carried forward "
                                     "past 2025-10-31")
        assert syntec("2025-10").assumed is False
        with pytest.raises(OutOfCoverageError, match="gap"):
            syntec("2025-08")  # a gap is not past the data: never carried
        last = syntec_last_published("2026-01-31")
        assert (last.month, last.assumed) == ("2025-12", True)
    with pytest.raises(OutOfCoverageError):
        syntec("2025-12")


def test_user_values_come_first_then_the_carry():
    add_legal_rate("2026-S2", "3.10", "7.00", "https://www.legifrance.gouv.fr/test",
                   today=dt.date(2026, 12, 5))
    with assume_last("2027-02-01"):
        added = legal_rate("2026-09-01")
        assert (added.value, added.user_supplied, added.assumed) == (Decimal("3.10"), True, False)
        carried = legal_rate("2027-02-01")
        assert (carried.value, carried.user_supplied, carried.assumed) == (
            Decimal("3.10"), True, True)
        assert "the legal rates of 2026-07-01..2026-12-31 (3.10 / 7.00)" in carried.note


def test_the_data_version_changes_with_the_context_and_the_data():
    before = data_version()
    with assume_last("2027-01-01"):
        inside = data_version()
    assert before != inside and data_version() == before
    add_legal_rate("2026-S2", "3.10", "7.00", "https://www.legifrance.gouv.fr/test",
                   today=dt.date(2026, 12, 5))
    assert data_version() != before


def test_a_bad_until():
    with pytest.raises(InputError, match="until"), assume_last("31/13/2026"):
        pass  # pragma: no cover


# --------------------------------------------------------------------------- figures so computed

# The statutory terms (L441-10 II: ECB semester rate + 10 points), 10,000.00 EUR due
# 2026-06-25 paid 2026-07-10: 15 days late, 5 in 2026-S1 (2026-06-26..30) and 10 in 2026-S2
# (2026-07-01..10). 2026-S2 takes the ECB rate in force on 1 July 2026, past the data (known
# until 2026-06-11); carried forward, the last rate 2.15 % (since 2025-06-11) gives 12.15 %
# in both semesters: 1,000,000 x 1215 x 15 = 18,225,000,000 / 3,650,000 = 4,993.15 -> 4,993
# cents, + 40 EUR = 8,993 cents.
LATE = ("statutory", 10_000, "2026-06-25", "2026-07-10")


def test_a_late_payment_past_the_data_is_refused_then_provisional_inside_the_block():
    from cgvlib.arithmetic.late_payment import late_payment

    with pytest.raises(OutOfCoverageError):
        late_payment(*LATE)
    with assume_last("2026-12-31"):
        result = late_payment(*LATE)
    assert (result.interest_cents, result.total_cents) == (4_993, 8_993)
    assert result.provisional is True
    assert result.provisional_note.endswith(
        "provisional: the rate 2.15 % (in force since 2025-06-11) carried forward past "
        "2026-06-11, the end of the data (assume last)")
    first, second = result.periods
    assert first.carried == () and "provisional" not in first.how  # 2026-S1: the data's own
    assert second.how.startswith("ECB 2.15 % in force on 2026-07-01 (2026-S2) (")
    assert "carried forward past 2026-06-11" in second.how and second.carried
    assert result.working[-1].startswith("Provisional figure: ")
    assert result.brief() == ("89.93 EUR for 15 days late (provisional: the last known rate "
                              "carried forward)")
    assert "(rate in force on 2026-07-01" in result.headline()
    with pytest.raises(OutOfCoverageError):  # the block ended: refused again
        late_payment(*LATE)


def test_a_late_payment_inside_the_data_is_not_provisional_even_inside_the_block():
    from cgvlib.arithmetic.late_payment import late_payment

    # 10,000.00 EUR due 2026-03-01 paid 2026-03-31: 30 days of 2026-S1 at 2.15 + 10 =
    # 12.15 %: 1,000,000 x 1215 x 30 / 3,650,000 = 9,986.30 -> 9,986 cents
    with assume_last("2026-12-31"):
        result = late_payment("statutory", 10_000, "2026-03-01", "2026-03-31")
    assert (result.interest_cents, result.provisional, result.provisional_note) == (
        9_986, False, "")
    assert not any("Provisional" in line for line in result.working)


def test_the_floor_on_a_carried_legal_rate_makes_the_figure_provisional():
    from cgvlib.arithmetic.late_payment import late_payment

    # Leappy: 2 x the legal rate on the invoice date (2026-06-01, 2026-S1: 2 x 2.62 = 5.24 %),
    # below the floor 3 x 2.62 = 7.86 %, which applies in both semesters, 2026-S2's legal rate
    # carried forward from 2026-S1: 1,000,000 x 786 x 15 / 3,650,000 = 3,230.14 -> 3,230
    with assume_last("2026-12-31"):
        result = late_payment("leappy", 10_000, "2026-06-25", "2026-07-10",
                              invoice_date="2026-06-01")
    assert (result.interest_cents, result.provisional) == (3_230, True)
    assert "the legal rates of 2026-01-01..2026-06-30 (2.62 / 6.67) carried forward" in (
        result.provisional_note)
    assert result.as_written.provisional is False  # the clause's own rate: 2026-S1's, known


def test_user_supplied_rates_are_labelled_so():
    from cgvlib.arithmetic.late_payment import late_payment

    add_legal_rate("2026-S2", "3.10", "7.00", "https://www.legifrance.gouv.fr/test",
                   today=dt.date(2026, 12, 5))
    # Leappy, invoice and due 2026-07-01, paid 2026-07-31: 30 days at the floor 3 x 3.10 =
    # 9.30 % (the clause: 2 x 3.10 = 6.20 %): 1,000,000 x 930 x 30 / 3,650,000 = 7,643.84
    # -> 7,644 cents; a user's value, not a carried one: not provisional
    result = late_payment("leappy", 10_000, "2026-07-01", "2026-07-31",
                          invoice_date="2026-07-01")
    assert (result.interest_cents, result.provisional) == (7_644, False)
    (period,) = result.periods
    assert period.how.startswith("3 x legal rate 3.10 % (2026-S2) = 9.30 %, the L441-10 II "
                                 "floor (user-supplied), above the clause's 6.20 % (2 x legal "
                                 "rate 3.10 % (2026-S2; user-supplied)")


def test_the_frame_says_which_rows_are_provisional_inside_the_block_only():
    import pandas as pd

    from cgvlib.arithmetic.late_payment_frame import late_payment_frame

    # row 0: the case above (2026-S2 carried: provisional, 4,993 cents); row 1: 2026-03-01 to
    # 2026-03-31, inside the data (9,986 cents, not provisional)
    frame = pd.DataFrame({"amount": [10_000.0, 10_000.0], "due": ["2026-06-25", "2026-03-01"],
                          "paid": ["2026-07-10", "2026-03-31"]})
    with assume_last("2026-12-31"):
        out = late_payment_frame("statutory", frame)
    assert out["interest_cents"].tolist() == [4_993, 9_986]
    assert out["provisional"].tolist() == [True, False]
    assert out["provisional"].dtype == bool
    assert "provisional" not in late_payment_frame("statutory", frame.iloc[[1]]).columns


def test_the_notice_says_provisional_inside_the_block_and_the_horizons_stay_the_data():
    from cgvlib.reference.provisional import assume_last_if
    from cgvlib.reference.status import coverage_notice, horizons

    with assume_last_if(True, ["2026-07-10", None, "2026-06-25"]) as until:
        assert until == dt.date(2026, 7, 10)  # the latest date given
        assert dict(horizons())["ecb"] == dt.date(2026, 6, 11)  # the data's own end
        assert coverage_notice(["2026-07-10"], "en", series="ecb") == (
            "Provisional figures: the scenario reaches past the reference data: ECB main "
            "refinancing rate known until 11 June 2026. The last known values are carried "
            "forward, and every figure that uses one is marked provisional.")
    with assume_last_if(False, "2026-07-10"):
        assert assumed_until() is None
    notice = coverage_notice(["2026-07-10"], "fr", series="ecb", how=True)
    assert notice.endswith(
        "Pour les calculer, ajoutez les valeurs (« python -m cgvlib rates add ») ou reportez "
        "les dernières valeurs connues (paramètre « prolonger les dernières valeurs » du "
        "rapport, case « Prolonger les dernières valeurs connues » des applications, ou "
        "--assume-last).")
    with pytest.raises(InputError, match="until: no date given"), assume_last_if(True, [None]):
        pass  # pragma: no cover


def test_a_price_revision_on_a_carried_syntec_month_is_provisional():
    from cgvlib.arithmetic.price import revise_price

    # Leappy art. 4, P2 = P1 x S2/S1, revised 1 January: 1,000.00 EUR set on 2025-11-01, S1 the
    # index last published then (2025-09, 321.7); S2 the one last published on 2026-01-01,
    # 2025-11, past the data (its last month 2025-10): carried forward, 322.2.
    # 100,000 cents x 3222 / 3217 = 100,155.42 -> 100,155 cents
    with pytest.raises(OutOfCoverageError):
        revise_price("leappy", 1_000, "2025-11-01", "2026-02-01")
    with assume_last("2026-12-31"):
        result = revise_price("leappy", 1_000, "2025-11-01", "2026-02-01")
    assert (result.price_cents, result.provisional) == (100_155, True)
    assert result.provisional_note.startswith(
        "provisional: the index of 2025-10 (322.2) carried forward past 2025-10-31")
    assert result.headline().startswith("1,001.55 EUR on 2026-02-01 (1,000.00 EUR set on "
                                        "2025-11-01, 1 revision) (provisional: ")
    revision = next(line for line in result.working if line.startswith("Revision 2026-01-01"))
    assert "S1 = 321.7 (2025-09, revised, assumed published 2025-10-31), last" in revision
    assert "S2 = 322.2 (2025-11, revised, assumed published 2025-12-31) (provisional: " in (
        revision)
    before = revise_price("leappy", 1_000, "2025-11-01", "2025-12-01")  # no revision yet
    assert (before.price_cents, before.provisional) == (100_000, False)


def test_a_dask_frame_computed_after_the_block_keeps_the_block():
    import pandas as pd

    dd = pytest.importorskip("dask.dataframe")
    from cgvlib.arithmetic.late_payment_frame import late_payment_frame

    # the two rows of the frame test above: 4,993 cents provisional, 9,986 cents not
    frame = pd.DataFrame({"amount": [10_000.0, 10_000.0], "due": ["2026-06-25", "2026-03-01"],
                          "paid": ["2026-07-10", "2026-03-31"]})
    with assume_last("2026-12-31"):
        lazy = late_payment_frame("statutory", dd.from_pandas(frame, npartitions=2))
    out = lazy.compute()  # dask computes here, after the block
    assert out["interest_cents"].tolist() == [4_993, 9_986]
    assert out["provisional"].tolist() == [True, False]
