"""Which rows of the reference series rest on a primary source, and which on a secondary site.

The **primary source** of a value is the publisher's own statement of it:

- legal interest rate: the arrêté (décret before 2015) in the Journal officiel, on
  ``legifrance.gouv.fr`` or ``journal-officiel.gouv.fr``;
- ECB main refinancing rate: the ECB's decision or its Data Portal, on ``ecb.europa.eu``;
- Syntec index: the Fédération Syntec's publication, on ``syntec.fr``.

A row **rests on a secondary site** when its ``source`` names none of those places: the value
was read on another site (a national central bank's table, a ministry table, a law firm, a
news site), even when the row cites the official text by its reference (``cites_official``:
a NOR number, a Journal officiel date, a décret or arrêté, an ECB press release or decision),
which is then the way to replace it. The classification reads the ``source`` text only;
:func:`secondary_rows` lists those rows (``tests/reference/test_sources.py`` holds the list,
so that replacing one by its primary source shows as a change there). User-supplied rows are
not listed: their source is the user's.
"""

from __future__ import annotations

import re

import pandas as pd

from cgvlib.reference.ecb_rate import load_ecb_rates
from cgvlib.reference.legal_rate import load_annual_rates, load_semester_rates
from cgvlib.reference.series import month_str
from cgvlib.reference.syntec import load_syntec

PRIMARY_SITES = {
    "legal": ("legifrance.gouv.fr", "journal-officiel.gouv.fr"),
    "legal_annual": ("legifrance.gouv.fr", "journal-officiel.gouv.fr"),
    "ecb": ("ecb.europa.eu",),
    "syntec": ("syntec.fr",),
}
_OFFICIAL_REFERENCE = re.compile(
    r"\bNOR\b|\bJORF?\b|Journal officiel|\bDécret n°|\bArrêté du|\bECB PR\b|\bECB decision\b",
    re.IGNORECASE,
)


def rests_on_secondary_site(series: str, source: str) -> bool:
    """True when ``source`` (a row of ``series``: legal, legal_annual, ecb, syntec) names no
    page of the value's publisher (:data:`PRIMARY_SITES`)."""
    text = source.lower()
    return not any(site in text for site in PRIMARY_SITES[series])


def cites_official_text(source: str) -> bool:
    """True when ``source`` names the official text by its reference (NOR, JO date, décret,
    arrêté, ECB press release or decision)."""
    return bool(_OFFICIAL_REFERENCE.search(source))


def packaged_rows() -> list[tuple[str, str, str]]:
    """(series, key, source) of every packaged row: the key is the semester start, the year,
    the effective date or the month."""
    rows = [("legal", r.start.isoformat(), r.source)
            for r in load_semester_rates(user=False).rows]
    rows += [("legal_annual", str(r.year), r.source) for r in load_annual_rates().rows]
    rows += [("ecb", r.effective.isoformat(), r.source) for r in load_ecb_rates(user=False).rows]
    rows += [("syntec", month_str(r.month), r.source) for r in load_syntec(user=False).rows]
    return rows


def secondary_rows() -> pd.DataFrame:
    """The packaged rows that rest on a secondary site: columns series, key, cites_official
    (the row names the official text, so its primary source can be looked up), source."""
    found = [
        {"series": series, "key": key, "cites_official": cites_official_text(source),
         "source": source}
        for series, key, source in packaged_rows()
        if rests_on_secondary_site(series, source)
    ]
    return pd.DataFrame(found, columns=["series", "key", "cites_official", "source"])
