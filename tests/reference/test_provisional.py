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
