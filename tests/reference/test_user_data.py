"""User-supplied reference values (``rates add``): where they go, how they are checked, how they
join the packaged series, and how they are marked.

The values added here after the end of the packaged data (2026-S2, ECB changes after
2026-06-11, Syntec months after 2025-10) are made up for the tests; the packaged values they
are compared with are the official ones of ``data/rates/``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from cgvlib import paths
from cgvlib.errors import InputError, OutOfCoverageError, OutputError, ReferenceDataError
from cgvlib.output import guarded_write, write_user_series
from cgvlib.reference.ecb_rate import ecb_rate, ecb_semester_rate, load_ecb_rates
from cgvlib.reference.legal_rate import legal_rate, load_semester_rates
from cgvlib.reference.rates_add import add_ecb_rate, add_legal_rate, add_syntec, check_source
from cgvlib.reference.status import rates_status
from cgvlib.reference.syntec import syntec, syntec_last_published

TODAY = dt.date(2026, 12, 5)
NOR = "Arrêté du … (test), NOR ECOT2600001A"
URL = "https://www.ecb.europa.eu/press/pr/date/2026/html/test.en.html"
SYNTEC_URL = "https://www.syntec.fr/test-indice"


# ------------------------------------------------------------------------------ the folder


def test_user_folder_default_and_override(monkeypatch, tmp_path):
    monkeypatch.setenv("CGVLIB_USER_DATA", str(tmp_path / "mine"))
    assert paths.user_data_dir() == tmp_path / "mine"
    assert paths.user_rates_dir() == tmp_path / "mine" / "rates"
    monkeypatch.delenv("CGVLIB_USER_DATA")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.user_data_dir() == tmp_path / "xdg" / "cgvlib"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert paths.user_data_dir() == tmp_path / "home" / ".local" / "share" / "cgvlib"


def test_without_a_user_file_the_packaged_series_is_unchanged(user_data):
    assert not user_data.exists()
    assert legal_rate("2026-03-01").value == Decimal("2.62")
    assert legal_rate("2026-03-01").user_supplied is False
    assert load_semester_rates().complete_until == dt.date(2026, 6, 30)
    with pytest.raises(OutOfCoverageError):
        legal_rate("2026-07-01")


# ------------------------------------------------------------------------------ legal rate


def test_add_a_semester_extends_the_legal_rate_and_marks_it(user_data):
    result = add_legal_rate("2026-S2", "3.10", "7.00", NOR, today=TODAY)
    assert result.changed
    assert result.path == user_data / "rates" / "fr_legal_interest_rate.csv"
    rate = legal_rate("2026-09-15")
    assert (rate.value, rate.bp, rate.start, rate.end) == (
        Decimal("3.10"), 310, dt.date(2026, 7, 1), dt.date(2026, 12, 31))
    assert rate.user_supplied is True
    assert rate.source == "user-supplied: " + NOR
    assert "user-supplied" in str(rate)
    assert legal_rate("2026-09-15", "consumer").value == Decimal("7.00")
    assert legal_rate("2026-03-01").user_supplied is False  # the packaged semester
    assert load_semester_rates().complete_until == dt.date(2026, 12, 31)
    # the package's own data is untouched
    assert "2026-07-01" not in (paths.rates_dir() / "fr_legal_interest_rate.csv").read_text()


def test_legal_rate_continuity_and_replacement():
    with pytest.raises(InputError, match="the next semester to add is 2026-S2"):
        add_legal_rate("2027-S1", "3.10", "7.00", NOR, today=dt.date(2027, 1, 5))
    with pytest.raises(InputError, match=r"already holds 2.62 .professional. / 6.67") as info:
        add_legal_rate("2026-S1", "2.70", "6.67", NOR, today=TODAY)
    assert "--force" in str(info.value)
    same = add_legal_rate("2026-S1", "2.62", "6.67", NOR, today=TODAY)
    assert not same.changed and "nothing changed" in same.message
    add_legal_rate("2026-S1", "2.70", "6.67", NOR, force=True, today=TODAY)
    replaced = legal_rate("2026-03-01")
    assert replaced.value == Decimal("2.70") and replaced.user_supplied
    assert replaced.source.startswith("user-supplied, replacing the packaged value 2.62 / 6.67")


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("2026-S3", "3.10", "7.00"), "semester"),
        (("2026/2", "3.10", "7.00"), "semester"),
        (("2026-S2", "3,10", "7.00"), "professional"),
        (("2026-S2", "3.105", "7.00"), "professional"),
        (("2026-S2", "3.10", "25"), "consumer"),
        (("2026-S2", "-1", "7.00"), "professional"),
    ],
)
def test_legal_rate_bad_input_names_the_field(args, field):
    with pytest.raises(InputError, match=f"^{field}: "):
        add_legal_rate(*args, NOR, today=TODAY)


def test_legal_rate_too_far_ahead():
    with pytest.raises(InputError, match=r"too far ahead; .* 2027-01-01"):
        add_legal_rate("2027-S2", "3.10", "7.00", NOR, today=TODAY)


# ------------------------------------------------------------------------------ sources


@pytest.mark.parametrize(
    "source",
    [URL, "Arrêté du 15 décembre 2025, NOR ECOT2534567A",
     "Arrêté du 15 décembre 2025, JORF n°0302 du 26 décembre 2025"],
)
def test_valid_sources(source):
    assert check_source(source) == source


@pytest.mark.parametrize("source", ["", "   ", "a friend told me", "line one\nline two",
                                    None, "x" * 501 + " https://a.fr"])
def test_invalid_sources(source):
    with pytest.raises(InputError, match=r"^source: "):
        check_source(source)


# ------------------------------------------------------------------------------ ECB


def test_add_an_ecb_change_extends_the_rate_and_the_semester_rate():
    add_ecb_rate("2026-09-16", "2.30", URL, until="2026-11-30", today=TODAY)
    before = ecb_rate("2026-09-15")
    assert before.value == Decimal("2.15") and before.user_supplied  # held per the user file
    assert ecb_rate("2026-06-11").user_supplied is False
    after = ecb_rate("2026-10-01")
    assert (after.value, after.start, after.end, after.user_supplied) == (
        Decimal("2.30"), dt.date(2026, 9, 16), dt.date(2026, 11, 30), True)
    assert after.source == "user-supplied: " + URL
    # the rate in force on 1 July 2026: known only from the user file (no change after
    # 2026-06-11, the end of the packaged data, until 2026-09-16)
    semester = ecb_semester_rate("2026-08-01")
    assert semester.value == Decimal("2.15") and semester.user_supplied is True
    assert ecb_semester_rate("2026-03-01").user_supplied is False
    assert load_ecb_rates().complete_until == dt.date(2026, 11, 30)
    with pytest.raises(OutOfCoverageError):
        ecb_rate("2026-12-01")


def test_an_ecb_hold_moves_only_the_end():
    result = add_ecb_rate(until="2026-10-29", source=URL, today=TODAY)
    assert "unchanged at 2.15 % until 2026-10-29" in result.message
    assert ecb_rate("2026-10-29").value == Decimal("2.15")
    assert ecb_semester_rate("2026-08-01").value == Decimal("2.15")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"effective": "2026-05-06", "rate": "2.40"}, "^effective: 2026-05-06 is inside the range"),
        ({"effective": "2026-09-16", "rate": "2.15"}, "^rate: 2.15 % is already in force"),
        ({"effective": "2026-09-16", "rate": "12"}, "^rate: 12 % is out of range"),
        ({"effective": "16/09/2026", "rate": "2.30"}, "^effective: '16/09/2026' is not a date"),
        ({"effective": "2027-03-01", "rate": "2.30"}, "^effective: 2027-03-01 is more than 31"),
        ({"effective": "2026-09-16"}, "^ecb: give both"),
        ({"until": "2027-01-01"}, "^until: 2027-01-01 is in the future"),
        ({"until": "2026-05-01"}, "^until: 2026-05-01 is not after 2026-06-11"),
    ],
)
def test_ecb_bad_input(kwargs, message):
    with pytest.raises(InputError, match=message):
        add_ecb_rate(source=URL, today=TODAY, **kwargs)


def test_ecb_replacement_needs_force():
    add_ecb_rate("2026-09-16", "2.30", URL, today=TODAY)
    with pytest.raises(InputError, match=r"already holds 2.30 %.*--force"):
        add_ecb_rate("2026-09-16", "2.40", URL, today=TODAY)
    with pytest.raises(InputError, match=r"already holds 2.15 %.*--force"):
        add_ecb_rate("2025-06-11", "2.20", URL, today=TODAY)
    add_ecb_rate("2026-09-16", "2.40", URL, force=True, today=TODAY)
    assert ecb_rate("2026-09-16").value == Decimal("2.40")


# ------------------------------------------------------------------------------ Syntec


def test_add_syntec_months_extend_and_fill_gaps():
    with pytest.raises(OutOfCoverageError, match="gap"):
        syntec("2025-08")
    add_syntec("2025-08", "321.0", SYNTEC_URL, today=TODAY)
    filled = syntec("2025-08")
    assert (filled.value, filled.series, filled.user_supplied) == (Decimal("321.0"), "revised",
                                                                   True)
    assert filled.source == "user-supplied: REVISED index; " + SYNTEC_URL
    assert syntec("2025-10").user_supplied is False
    add_syntec("2025-11", "322.9", SYNTEC_URL, published="2025-12-30", today=TODAY)
    november = syntec("2025-11")
    assert (november.published, november.published_assumed) == (dt.date(2025, 12, 30), False)
    last = syntec_last_published("2026-01-15")
    assert (last.month, last.user_supplied) == ("2025-11", True)


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (("2025-11", "380.0"), {}, "^value: 380.0 is more than 10% away from 322.2"),
        (("2025-11", "322,9"), {}, "^value: '322,9' is not an index value"),
        (("2025/11", "322.9"), {}, "^month: '2025/11' is not a month"),
        (("2026-12", "322.9"), {}, "^month: 2026-12 has not ended yet"),
        (("2026-02", "322.9"), {}, "^month: 2026-02 leaves a gap after 2025-10"),
        (("2025-11", "322.9"), {"published": "2025-11-15"}, "^published: 2025-11-15 must be"),
        (("2014-12", "245.0"), {}, "^month: 2014-12 is before the series starts"),
        (("2025-10", "322.5"), {}, "^month 2025-10: the series already holds 322.2"),
    ],
)
def test_syntec_bad_input(args, kwargs, message):
    with pytest.raises(InputError, match=message):
        add_syntec(*args, SYNTEC_URL, today=TODAY, **kwargs)


# ------------------------------------------------------------------------------ the files


def test_a_hand_edited_user_file_is_checked_like_a_packaged_one(user_data):
    folder = user_data / "rates"
    folder.mkdir(parents=True)
    (folder / "fr_legal_interest_rate.csv").write_text(
        "# series: s\n# unit: percent\n# extend: e\nstart,end,professional,consumer,source\n"
        "2027-01-01,2027-06-30,3.10,7.00,x\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as info:
        legal_rate("2026-03-01")
    message = str(info.value)
    assert str(folder / "fr_legal_interest_rate.csv") in message
    assert "line 5, field 'start'" in message
    assert "the first added semester starts on 2026-07-01" in message


def test_the_user_file_is_an_input_only_rates_add_rewrites(user_data):
    add_legal_rate("2026-S2", "3.10", "7.00", NOR, today=TODAY)
    legal_rate("2026-09-15")  # loaded: now an input
    target = user_data / "rates" / "fr_legal_interest_rate.csv"
    with pytest.raises(OutputError, match="an input cgvlib reads"):
        guarded_write(target, lambda tmp: tmp.write_text("x"), force=True)
    with pytest.raises(OutputError, match="not a user series"):
        write_user_series("../../x.csv", "x")
    text = target.read_text(encoding="utf-8")
    assert write_user_series("fr_legal_interest_rate.csv", text) == target


def test_a_user_folder_inside_data_is_refused(monkeypatch):
    monkeypatch.setenv("CGVLIB_USER_DATA", str(paths.PROJECT_ROOT / "data" / "user"))
    with pytest.raises(OutputError, match="the user data folder is inside"):
        write_user_series("syntec_index.csv", "x")
    assert not (paths.PROJECT_ROOT / "data" / "user").exists()


def test_forcing_over_a_packaged_row_is_recorded_in_the_file(user_data):
    add_legal_rate("2026-S1", "2.70", "6.67", NOR, force=True, today=TODAY)
    text = (user_data / "rates" / "fr_legal_interest_rate.csv").read_text(encoding="utf-8")
    assert "# replaces: 2026-01-01\n" in text


def test_a_user_row_the_package_now_holds_differently_is_superseded(user_data):
    """A value the user added before the package had it, which the package (updated since)
    states differently: the packaged value is used, and the status says so."""
    folder = user_data / "rates"
    folder.mkdir(parents=True)
    (folder / "syntec_index.csv").write_text(
        "# series: s\n# unit: index points\n# extend: e\nmonth,value,series,published,source\n"
        "2025-10,322.9,revised,,REVISED index; https://www.syntec.fr/x\n"
        "2025-11,323.0,revised,,REVISED index; https://www.syntec.fr/y\n", encoding="utf-8")
    october = syntec("2025-10")
    assert (october.value, october.user_supplied) == (Decimal("322.2"), False)
    assert syntec("2025-11").user_supplied is True
    assert rates_status(TODAY).loc["syntec"].superseded == ["2025-10"]


def test_a_forced_older_semester_and_an_extension_live_together():
    add_legal_rate("2025-S1", "3.80", "7.21", NOR, force=True, today=TODAY)
    add_legal_rate("2026-S2", "3.10", "7.00", NOR, today=TODAY)
    assert legal_rate("2025-03-01").value == Decimal("3.80")
    assert legal_rate("2025-09-01").value == Decimal("2.76")  # packaged, untouched
    assert legal_rate("2026-09-01").value == Decimal("3.10")
    with pytest.raises(InputError, match="the next semester to add is 2027-S1"):
        add_legal_rate("2027-S2", "3.10", "7.00", NOR, today=dt.date(2027, 6, 20))
