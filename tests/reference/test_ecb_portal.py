"""``rates update ecb``: the ECB Data Portal CSV, read from a file (offline) or downloaded.

``tests/fixtures/ecb_mro_portal.csv`` is in the layout of the portal's "Download CSV" of
FM.D.U2.EUR.4F.KR.MRR_FR.LEV (one row per change, newest first). Its rows up to 2025-06-11 are
the official changes (the same as ``data/rates/``); its last row, 2.30 % from 2026-09-16, is
made up for the test.
"""

from __future__ import annotations

import datetime as dt
import urllib.error
from decimal import Decimal

import pytest

from cgvlib.errors import InputError
from cgvlib.reference.ecb_portal import parse_portal_csv, read_portal_file, update_ecb
from cgvlib.reference.ecb_rate import ecb_rate, load_ecb_rates
from cgvlib.reference.rates_add import add_ecb_rate
from tests.conftest import FIXTURES

FIXTURE = FIXTURES / "ecb_mro_portal.csv"
TODAY = dt.date(2026, 12, 5)
SDMX_HEADER = ("KEY,FREQ,REF_AREA,CURRENCY,PROVIDER_FM,INSTRUMENT_FM,PROVIDER_FM_ID,"
               "DATA_TYPE_FM,TIME_PERIOD,OBS_VALUE,OBS_STATUS,TITLE\n")


def sdmx_rows(days_and_values, key="FM.B.U2.EUR.4F.KR.MRR_FR.LEV") -> str:
    freq = key.split(".")[1]
    return SDMX_HEADER + "".join(
        f'{key},{freq},U2,EUR,4F,KR,MRR_FR,LEV,{day},{value},A,"Main refinancing operations"\n'
        for day, value in days_and_values)


def test_the_fixture_is_read_sorted_with_its_changes():
    series = read_portal_file(FIXTURE)
    assert series.key == "FM.D.U2.EUR.4F.KR.MRR_FR.LEV"
    assert series.observations[0] == (dt.date(2023, 9, 20), Decimal("4.50"))
    assert series.observations[-1] == (dt.date(2026, 9, 16), Decimal("2.30"))
    assert len(series.changes()) == 10


def test_a_daily_sdmx_csv_keeps_only_the_changes():
    text = sdmx_rows([("2025-06-10", "2.40"), ("2025-06-11", "2.15"), ("2025-06-12", "2.15"),
                      ("2025-06-13", "2.15"), ("2025-06-16", "")])
    series = parse_portal_csv(text)
    assert series.changes() == [(dt.date(2025, 6, 10), Decimal("2.40")),
                                (dt.date(2025, 6, 11), Decimal("2.15"))]
    assert series.changes(Decimal("2.40")) == [(dt.date(2025, 6, 11), Decimal("2.15"))]


def test_update_from_the_fixture(user_data):
    result = update_ecb(FIXTURE, today=TODAY)
    assert result.changed
    assert "2.30 % from 2026-09-16; complete until 2026-09-16" in result.message
    rate = ecb_rate("2026-09-16")
    assert (rate.value, rate.user_supplied) == (Decimal("2.30"), True)
    assert rate.source.startswith("user-supplied: ECB Data Portal, series "
                                  "FM.D.U2.EUR.4F.KR.MRR_FR.LEV (https://data.ecb.europa.eu/")
    assert ecb_rate("2026-07-01").value == Decimal("2.15")
    assert load_ecb_rates().complete_until == dt.date(2026, 9, 16)
    again = update_ecb(FIXTURE, today=TODAY)
    assert not again.changed and "adds nothing" in again.message


def test_until_states_a_later_end_for_a_file_of_changes():
    update_ecb(FIXTURE, until="2026-11-30", today=TODAY)
    assert load_ecb_rates().complete_until == dt.date(2026, 11, 30)
    with pytest.raises(InputError, match=r"^until: 2026-12-31 must be between"):
        update_ecb(FIXTURE, until="2026-12-31", today=TODAY)


def test_a_daily_file_sets_the_end_at_its_last_observation(tmp_path):
    path = tmp_path / "daily.csv"
    path.write_text(sdmx_rows([("2026-06-10", "2.15"), ("2026-06-11", "2.15"),
                               ("2026-07-01", "2.15"), ("2026-07-02", "2.15")]), encoding="utf-8")
    result = update_ecb(path, today=TODAY)
    assert "no change; complete until 2026-07-02" in result.message
    assert load_ecb_rates().complete_until == dt.date(2026, 7, 2)
    assert ecb_rate("2026-07-02").user_supplied is True


def test_the_portal_contradicting_a_user_row_needs_force():
    add_ecb_rate("2026-09-16", "2.40", "https://example.org/ecb", today=TODAY)
    with pytest.raises(InputError, match=r"contradicts user-supplied rows \(2.40 % from "
                                         r"2026-09-16\).*--force"):
        update_ecb(FIXTURE, today=TODAY)
    update_ecb(FIXTURE, force=True, today=TODAY)
    assert ecb_rate("2026-09-16").value == Decimal("2.30")


def test_a_disagreement_with_the_packaged_data_stops_the_update(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text(sdmx_rows([("2025-06-11", "2.25")]), encoding="utf-8")
    with pytest.raises(InputError, match=r"gives 2.25 % on 2025-06-11, but .* gives 2.15 %"):
        update_ecb(path, today=TODAY)


@pytest.mark.parametrize(("text", "message"), [
    ("", "the file is empty"),
    ("a,b,c\n1,2,3\n", "neither layout"),
    (sdmx_rows([("2025-06-11", "2.15")], key="FM.D.U2.EUR.4F.KR.DFR.LEV"), "not the MRO"),
    (sdmx_rows([("11/06/2025", "2.15")]), "line 2: the date '11/06/2025' is not YYYY-MM-DD"),
    (sdmx_rows([("2025-06-11", "2,15")]), "line 2: 13 fields where the header has 12"),
    (sdmx_rows([("2025-06-11", "'2.15'")]), "line 2: OBS_VALUE \"'2.15'\" is not a number"),
    (sdmx_rows([("2025-06-11", "2.155")]), "at most two decimals"),
    (SDMX_HEADER, "no observation"),
])
def test_bad_files(text, message):
    with pytest.raises(InputError, match=message):
        parse_portal_csv(text, "f.csv")


def test_an_unreadable_file():
    with pytest.raises(InputError, match=r"^--from-file: .*missing.csv: cannot be read"):
        update_ecb(FIXTURE.parent / "missing.csv", today=TODAY)


def test_without_network_the_message_suggests_from_file():
    def offline(url, timeout):
        assert url.startswith("https://data-api.ecb.europa.eu/service/data/FM/"
                              "B.U2.EUR.4F.KR.MRR_FR.LEV?format=csvdata&startPeriod=2026-05-11")
        raise urllib.error.URLError("Name or service not known")

    with pytest.raises(InputError, match=r"could not be reached .*--from-file FILE.csv"):
        update_ecb(today=TODAY, opener=offline)


def test_a_download_is_read_like_a_file():
    class Answer:
        def __init__(self, data):
            self.data = data

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self, size):
            return self.data

    body = sdmx_rows([("2026-06-11", "2.15"), ("2026-06-17", "2.40"), ("2026-06-18", "2.40")])
    result = update_ecb(today=TODAY, opener=lambda url, timeout: Answer(body.encode()))
    assert "2.40 % from 2026-06-17; complete until 2026-06-18" in result.message
    assert "downloaded 2026-12-05" in ecb_rate("2026-06-17").source
