"""The data files under data/rates/: shape, coverage and consistency, read independently of the
loader (csv module); then the loader's refusals of malformed files, each naming file and line."""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cgvlib import paths
from cgvlib.errors import OutOfCoverageError, ReferenceDataError
from cgvlib.reference.ecb_rate import load_ecb_rates
from cgvlib.reference.legal_rate import legal_rate, load_annual_rates, load_semester_rates
from cgvlib.reference.series import AsOf
from cgvlib.reference.syntec import load_syntec

RATES = paths.PROJECT_ROOT / "data" / "rates"
SHARED = paths.PROJECT_ROOT.parent / "shared" / "data"
FILES = {
    "fr_legal_interest_rate.csv": ("start", "end", "professional", "consumer", "source"),
    "fr_legal_interest_rate_annual.csv": ("year", "rate", "source"),
    "ecb_main_refinancing_rate.csv": ("effective", "rate", "source"),
    "syntec_index.csv": ("month", "value", "series", "published", "source"),
}


def read(name: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(preamble, rows) of a data file, with the csv module only."""
    meta, body = {}, []
    with open(RATES / name, encoding="utf-8", newline="") as handle:
        for line in handle:
            if not body and line.startswith("#"):
                key, _, value = line[1:].partition(":")
                meta[key.strip()] = value.strip()
            else:
                body.append(line)
    return meta, list(csv.DictReader(body))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


# --------------------------------------------------------------------------------------------
# The shipped files
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILES))
def test_preamble_and_header(name):
    meta, rows = read(name)
    keys = ("series", "unit", "extend")
    if name.startswith("ecb"):  # holds add no row: only the ECB file states its end
        keys += ("complete_until",)
    for key in keys:
        assert meta.get(key), f"{name}: missing '# {key}:'"
    assert meta["unit"] == ("index points" if name.startswith("syntec") else "percent")
    with open(RATES / name, encoding="utf-8") as handle:
        header = next(line for line in handle if not line.startswith("#"))
    assert tuple(header.strip().split(",")) == FILES[name]
    assert rows


def test_coverage_ends():
    # Coverage table of the sources: the semester, annual and Syntec files are covered through
    # their last row; the ECB file through its '# complete_until' line (holds add no row).
    assert load_semester_rates().complete_until == dt.date(2026, 6, 30)
    assert load_annual_rates().complete_until == dt.date(2014, 12, 31)
    assert read("ecb_main_refinancing_rate.csv")[0]["complete_until"] == "2026-06-11"
    assert load_syntec().complete_until == dt.date(2025, 10, 1)


@pytest.mark.parametrize("name", sorted(FILES))
def test_rows_are_the_shared_facts_verbatim(name):
    shared = SHARED / name
    if not shared.exists():
        pytest.skip("shared reference data not available")
    with open(shared, encoding="utf-8", newline="") as handle:
        expected = list(csv.DictReader(handle))
    _, rows = read(name)
    if name == "syntec_index.csv":
        for row in rows:
            row.pop("series")
    assert rows == expected


def test_legal_semesters_contiguous_no_gap_no_overlap():
    _, rows = read("fr_legal_interest_rate.csv")
    assert day(rows[0]["start"]) == dt.date(2015, 1, 1)
    expected_start = dt.date(2015, 1, 1)
    for row in rows:
        start, end = day(row["start"]), day(row["end"])
        assert start == expected_start, row
        assert (start.month, start.day) in ((1, 1), (7, 1))
        assert (end.month, end.day) == ((6, 30) if start.month == 1 else (12, 31))
        assert end.year == start.year
        expected_start = end + dt.timedelta(days=1)
    assert day(rows[-1]["end"]) == dt.date(2026, 6, 30)
    assert len(rows) == 23  # 2015-S1 .. 2026-S1


def test_legal_rates_have_two_decimals():
    _, rows = read("fr_legal_interest_rate.csv")
    for row in rows:
        for field in ("professional", "consumer"):
            assert re.fullmatch(r"\d+\.\d\d", row[field]), row


def test_no_unconfirmed_values():
    # SOURCES.md "Not yet confirmed": 2026-S2 legal rate, June 2026 ECB rise, 2026 Syntec
    _, legal = read("fr_legal_interest_rate.csv")
    assert all(day(r["start"]) < dt.date(2026, 7, 1) for r in legal)
    _, ecb = read("ecb_main_refinancing_rate.csv")
    assert all(day(r["effective"]) <= dt.date(2025, 6, 11) for r in ecb)
    _, syntec = read("syntec_index.csv")
    assert all(r["month"] < "2026-01" for r in syntec)


def test_annual_years_consecutive():
    _, rows = read("fr_legal_interest_rate_annual.csv")
    assert [int(r["year"]) for r in rows] == list(range(2005, 2015))


def test_ecb_dates_strictly_increasing_and_rates_valid():
    meta, rows = read("ecb_main_refinancing_rate.csv")
    dates = [day(r["effective"]) for r in rows]
    assert dates == sorted(set(dates))
    for row in rows:
        rate = Decimal(row["rate"])
        assert rate >= 0
        assert rate == rate.quantize(Decimal("0.01"))
        assert row["source"].strip()
    assert day(meta["complete_until"]) >= dates[-1]


def test_syntec_months_sorted_and_series_split_at_august_2022():
    _, rows = read("syntec_index.csv")
    months = [r["month"] for r in rows]
    assert months == sorted(set(months))
    for row in rows:
        assert row["series"] in ("old", "revised")
        if row["series"] == "revised":
            assert row["month"] >= "2022-08"
            assert row["source"].startswith("REVISED index")
        else:
            assert row["month"] <= "2022-07"
            assert row["source"].startswith("OLD index")


def test_revision_yaml():
    with open(RATES / "syntec_revision_2022.yaml", encoding="utf-8") as handle:
        doc = yaml.safe_load(handle)
    assert doc["coefficient"] == "0.97975"
    assert (doc["first_revised_month"], doc["last_old_month"]) == ("2022-08", "2022-07")
    assert doc["sources"]


def test_readme_exists():
    text = (RATES / "README.md").read_text(encoding="utf-8")
    for name in [*FILES, "syntec_revision_2022.yaml", "complete_until", "22 months"]:
        assert name in text


def test_loaders_accept_shipped_files_and_cache():
    assert load_semester_rates() is load_semester_rates()
    assert load_annual_rates().rows[0].year == 2005
    assert load_ecb_rates().complete_until == dt.date(2026, 6, 11)
    assert load_syntec().complete_until == dt.date(2025, 10, 1)


def test_asof_is_readable():
    value = AsOf(
        series="demo rate",
        value=Decimal("1.50"),
        bp=150,
        start=dt.date(2024, 1, 1),
        end=dt.date(2024, 6, 30),
        source="a source",
    )
    assert str(value) == "1.50 % (demo rate, 2024-01-01..2024-06-30; a source)"
    assert float(value) == 1.5


# --------------------------------------------------------------------------------------------
# Malformed files: each refusal names the file and the line
# --------------------------------------------------------------------------------------------

LEGAL_PREAMBLE = """\
# series: test legal rate
# unit: percent
# complete_until: {until}
# extend: add one row
start,end,professional,consumer,source
"""
ECB_PREAMBLE = """\
# series: test ECB
# unit: percent
# complete_until: 2024-12-31
# extend: add one row and move complete_until
effective,rate,source
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def legal_file(tmp_path: Path, rows: str, until: str = "2015-12-31") -> Path:
    return write(tmp_path, "fr_legal_interest_rate.csv", LEGAL_PREAMBLE.format(until=until) + rows)


def refusal(load, path: Path) -> str:
    with pytest.raises(ReferenceDataError) as info:
        load(path)
    message = str(info.value)
    assert str(path) in message
    return message


def test_bad_number(tmp_path):
    path = legal_file(
        tmp_path,
        '2015-01-01,2015-06-30,0.93,4.06,"a"\n2015-07-01,2015-12-31,O.99,4.29,"b"\n',
    )
    message = refusal(load_semester_rates, path)
    assert "line 7" in message
    assert "'professional'" in message
    assert "O.99" in message


def test_too_many_decimals(tmp_path):
    path = legal_file(tmp_path, '2015-01-01,2015-12-31,0.935,4.06,"a"\n', until="2015-12-31")
    assert "line 6" in refusal(load_semester_rates, path)


def test_overlap(tmp_path):
    path = legal_file(
        tmp_path,
        '2015-01-01,2015-06-30,0.93,4.06,"a"\n2015-06-01,2015-12-31,0.99,4.29,"b"\n',
    )
    message = refusal(load_semester_rates, path)
    assert "line 7" in message
    assert "overlap" in message


def test_gap(tmp_path):
    path = legal_file(
        tmp_path,
        '2015-01-01,2015-06-30,0.93,4.06,"a"\n2016-01-01,2016-06-30,1.01,4.54,"b"\n',
        until="2016-06-30",
    )
    message = refusal(load_semester_rates, path)
    assert "line 7" in message
    assert "gap" in message


def test_duplicate_semester(tmp_path):
    path = legal_file(
        tmp_path,
        '2015-01-01,2015-06-30,0.93,4.06,"a"\n2015-01-01,2015-06-30,0.93,4.06,"a"\n',
        until="2015-06-30",
    )
    message = refusal(load_semester_rates, path)
    assert "line 7" in message
    assert "duplicate" in message


def test_one_row_extends_the_legal_rate_coverage(tmp_path):
    one = legal_file(tmp_path, '2015-01-01,2015-06-30,0.93,4.06,"a"\n', until="2015-06-30")
    assert load_semester_rates(one).complete_until == dt.date(2015, 6, 30)
    two = write(tmp_path, "two.csv", one.read_text() + '2015-07-01,2015-12-31,0.99,4.29,"b"\n')
    assert load_semester_rates(two).complete_until == dt.date(2015, 12, 31)


def test_missing_preamble_key(tmp_path):
    path = write(
        tmp_path,
        "ecb.csv",
        "# series: test ECB\n# unit: percent\n# extend: add one row\n"
        'effective,rate,source\n2024-01-01,4.50,"a"\n',
    )
    message = refusal(load_ecb_rates, path)
    assert "line 4" in message  # the header row, where the preamble ended
    assert "complete_until" in message


def test_malformed_preamble_line(tmp_path):
    path = write(tmp_path, "ecb.csv", "# series test ECB\n" + ECB_PREAMBLE)
    assert "line 1" in refusal(load_ecb_rates, path)


def test_ecb_duplicate_date(tmp_path):
    path = write(
        tmp_path,
        "ecb.csv",
        ECB_PREAMBLE + '2024-01-01,4.50,"a"\n2024-06-12,4.25,"b"\n2024-06-12,3.65,"c"\n',
    )
    message = refusal(load_ecb_rates, path)
    assert "line 8" in message
    assert "duplicate" in message
    assert "line 7" in message  # the first occurrence


def test_ecb_unsorted(tmp_path):
    path = write(tmp_path, "ecb.csv", ECB_PREAMBLE + '2024-06-12,4.25,"b"\n2024-01-01,4.50,"a"\n')
    message = refusal(load_ecb_rates, path)
    assert "line 7" in message
    assert "not sorted" in message


def test_ecb_bad_date(tmp_path):
    path = write(tmp_path, "ecb.csv", ECB_PREAMBLE + '12/06/2024,4.25,"b"\n')
    message = refusal(load_ecb_rates, path)
    assert "line 6" in message
    assert "'effective'" in message


def test_ecb_source_with_hash_and_comma_is_kept(tmp_path):
    path = write(tmp_path, "ecb.csv", ECB_PREAMBLE + '2024-01-01,4.50,"PR #12, p. 3"\n')
    assert load_ecb_rates(path).rows[0].source == "PR #12, p. 3"


def test_wrong_header(tmp_path):
    path = write(tmp_path, "ecb.csv", ECB_PREAMBLE.replace("effective,rate", "date,rate"))
    assert "line 5" in refusal(load_ecb_rates, path)


def test_syntec_series_on_wrong_side_of_the_switch(tmp_path):
    (tmp_path / "syntec_revision_2022.yaml").write_bytes(
        (RATES / "syntec_revision_2022.yaml").read_bytes()
    )
    path = write(
        tmp_path,
        "syntec_index.csv",
        "# series: test\n# unit: index points\n# complete_until: 2022-09\n# extend: add\n"
        "month,value,series,published,source\n"
        '2022-09,281.0,old,,"OLD index; x"\n',
    )
    message = refusal(load_syntec, path)
    assert "line 6" in message
    assert "'series'" in message


def test_cgvlib_data_is_read_at_call_time(tmp_path, monkeypatch):
    rates = tmp_path / "rates"
    rates.mkdir()
    for name in ("fr_legal_interest_rate_annual.csv",):
        (rates / name).write_bytes((RATES / name).read_bytes())
    legal_file(rates, '2015-01-01,2015-06-30,0.93,4.06,"a"\n', until="2015-06-30")
    monkeypatch.setenv("CGVLIB_DATA", str(tmp_path))
    assert legal_rate("2015-03-01").source == "a"
    with pytest.raises(OutOfCoverageError, match="2015-06-30"):
        legal_rate("2015-07-01")
    # an edited file is re-read (the cache is keyed by path, mtime and size)
    legal_file(
        rates,
        '2015-01-01,2015-06-30,0.93,4.06,"a"\n2015-07-01,2015-12-31,0.99,4.29,"b"\n',
        until="2015-12-31",
    )
    os.utime(rates / "fr_legal_interest_rate.csv", ns=(0, 10**18))
    assert legal_rate("2015-07-01").value == Decimal("0.99")
    monkeypatch.delenv("CGVLIB_DATA")
    assert legal_rate("2015-03-01").source.startswith("Arrêté du 23 décembre 2014")
