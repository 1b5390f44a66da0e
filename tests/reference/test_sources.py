"""Item by item, which packaged rows rest on a secondary site rather than on the publisher of
the value (the Journal officiel, the ECB, the Fédération Syntec): the list below is the work
left to do. Replacing a row's source by its primary source removes its key from this list
(and this test then says which one to drop). See ``cgvlib/reference/sources.py`` and
``data/rates/README.md``, "Primary and secondary sources"."""

from __future__ import annotations

import pytest

from cgvlib.reference.sources import (
    cites_official_text,
    packaged_rows,
    rests_on_secondary_site,
    secondary_rows,
)


def _keys(text: str) -> list[str]:
    return text.split()


# series -> the keys (semester start, year, effective date, month) of the rows whose source
# names no page of the value's publisher
SECONDARY = {
    "legal": _keys(
        "2015-01-01 2015-07-01 2016-01-01 2016-07-01 2017-01-01 2017-07-01 2018-01-01 "
        "2018-07-01 2019-01-01 2019-07-01 2020-07-01 2021-01-01 2021-07-01 2022-01-01 "
        "2022-07-01 2023-01-01 2023-07-01 2024-01-01 2024-07-01 2025-01-01 2025-07-01 "
        "2026-01-01 "
    ),
    "legal_annual": _keys(
        "2005 2006 2007 2008 2009 2010 2011 2012 2013 2014 "
    ),
    "ecb": _keys(
        "1999-01-01 1999-04-09 1999-11-05 2000-02-04 2000-03-17 2000-04-28 2000-06-09 "
        "2000-09-01 2000-10-06 2001-05-11 2001-08-31 2001-09-18 2001-11-09 2002-12-06 "
        "2003-03-07 2003-06-06 2005-12-06 2006-03-08 2006-06-15 2006-08-09 2006-10-11 "
        "2006-12-13 2007-03-14 2007-06-13 2008-07-09 2008-10-15 2008-11-12 2008-12-10 "
        "2009-01-21 2009-03-11 2009-04-08 2009-05-13 2011-04-13 2011-07-13 2011-11-09 "
        "2011-12-14 2012-07-11 2013-05-08 2013-11-13 2014-06-11 2014-09-10 2016-03-16 "
        "2022-07-27 2022-09-14 2022-11-02 2022-12-21 2023-02-08 2023-03-22 2023-05-10 "
        "2023-06-21 2023-08-02 2023-09-20 2024-06-12 2024-09-18 2024-10-23 2024-12-18 "
        "2025-02-05 2025-03-12 2025-04-23 2025-06-11 "
    ),
    "syntec": _keys(
        "2015-01 2015-02 2015-03 2015-04 2015-05 2015-06 2015-07 2015-08 2015-09 2015-10 "
        "2015-11 2015-12 2016-01 2016-02 2016-03 2016-04 2016-05 2016-06 2016-07 2016-08 "
        "2016-09 2016-10 2016-11 2016-12 2017-01 2017-02 2017-03 2017-04 2017-05 2017-06 "
        "2017-07 2017-08 2017-09 2017-10 2017-11 2017-12 2018-01 2018-02 2018-03 2018-04 "
        "2018-05 2018-06 2018-07 2018-08 2018-09 2018-10 2018-11 2018-12 2019-01 2019-02 "
        "2019-03 2019-04 2019-05 2019-06 2019-07 2019-08 2019-09 2019-10 2019-11 2019-12 "
        "2020-01 2020-02 2020-11 2020-12 2021-01 2021-02 2021-03 2021-04 2021-05 2021-06 "
        "2021-07 2021-08 2021-09 2021-10 2021-11 2021-12 2022-08 2023-01 2023-02 2023-03 "
        "2023-04 2023-05 2023-06 2023-07 2023-08 2023-09 2023-10 2023-11 2024-01 2024-02 "
        "2024-03 2024-04 2024-05 2024-08 2024-09 2024-10 2024-12 2025-01 2025-09 2025-10 "
    ),
}
# rows whose source names the publisher's page
PRIMARY = {
    "legal": ["2020-01-01"],
    "syntec": ["2020-03", "2020-04", "2020-05", "2020-06", "2020-07", "2020-08", "2020-09",
               "2020-10"],
}


def test_the_rows_resting_on_a_secondary_site():
    table = secondary_rows()
    found = {series: list(group.key) for series, group in table.groupby("series", sort=False)}
    assert found == SECONDARY


def test_the_rows_citing_the_primary_source():
    primary: dict[str, list[str]] = {}
    for series, key, source in packaged_rows():
        if not rests_on_secondary_site(series, source):
            primary.setdefault(series, []).append(key)
    assert primary == PRIMARY


def test_secondary_rows_that_do_not_even_name_the_official_text():
    table = secondary_rows()
    assert table[table.series.isin(["legal", "legal_annual"])].cites_official.all()
    assert not table[table.series == "syntec"].cites_official.any()
    ecb = table[table.series == "ecb"]
    assert list(ecb[ecb.cites_official].key) == [
        "1999-01-01", "1999-04-09", "2000-02-04", "2000-10-06", "2024-12-18", "2025-02-05",
        "2025-03-12", "2025-04-23", "2025-06-11",]


@pytest.mark.parametrize(("series", "source", "secondary", "official"), [
    ("legal", "Arrêté du 19 juin 2025, NOR ECOT2516925A (ksca.fr)", True, True),
    ("legal", "JORF n°0302, https://www.legifrance.gouv.fr/jorf/id/X", False, True),
    ("ecb", "https://www.ecb.europa.eu/press/pr/date/2025/html/x.en.html", False, False),
    ("ecb", "Banque de France policy rates table", True, False),
    ("syntec", "REVISED index; juristique.org/actualite/indice-syntec-janvier-2025", True, False),
    ("syntec", "REVISED index; https://www.syntec.fr/indice", False, False),
])
def test_classification(series, source, secondary, official):
    assert rests_on_secondary_site(series, source) is secondary
    assert cites_official_text(source) is official
