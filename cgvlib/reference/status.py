"""How current the reference series are (``python -m cgvlib rates status``), and the short
notice a page shows when a scenario reaches past them.

:func:`rates_status` gives one row per series the arithmetic depends on: the last date it
covers, the months missing inside it, its latest value with that value's source (and whether
the user supplied it), and its age: the days from the end of its coverage to today.

:func:`coverage_notice` takes the dates of a scenario and returns one sentence, in French or
English, naming each series the scenario reaches past, or ``None`` when the data covers it.
Reports, apps and notebooks show it above their figures.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import pandas as pd

from cgvlib.dates import as_date, format_date
from cgvlib.errors import InputError
from cgvlib.i18n import translate
from cgvlib.lang import check_lang
from cgvlib.reference.ecb_rate import load_ecb_rates
from cgvlib.reference.legal_rate import load_annual_rates, load_semester_rates
from cgvlib.reference.provisional import assumed_until, on_the_data
from cgvlib.reference.series import month_end, month_str, next_month
from cgvlib.reference.syntec import assumed_publication, load_syntec

SERIES = ("legal", "ecb", "syntec")
# The series' names, notice and "known until" words: English msgids, French in the catalog
# (cgvlib.i18n).
TITLES = {
    "legal": "legal interest rate",
    "ecb": "ECB main refinancing rate",
    "syntec": "Syntec index",
}
NOTICE = (
    "The scenario reaches past the reference data: {series}. Figures that need a later value "
    "are not computed unless the last value is carried forward (then marked provisional); "
    "`python -m cgvlib rates status` says how to add the values.")
UNTIL = "{series} known until {date}"
PROVISIONAL_NOTICE = (
    "Provisional figures: the scenario reaches past the reference data: {series}. The last "
    "known values are carried forward, and every figure that uses one is marked provisional.")
HOW_TO_GO_ON = (
    "To compute them, add the values (`python -m cgvlib rates add`) or carry the last known "
    "values forward (the report's “assume last” parameter, the apps' box, or --assume-last).")
# a date of a scenario mapping: these keys (and any key ending in _date) hold dates
DATE_KEYS = ("due", "paid", "invoice_date", "contract_start", "notice_date", "notice_sent",
             "start", "until", "at", "base_date", "date")


class Horizon(NamedTuple):
    """The last date a series answers for (``syntec``: the last "last published" date)."""

    series: str
    last: dt.date


def horizons() -> tuple[Horizon, ...]:
    """The last covered date of each series, user-supplied values included (the data's own,
    even inside an :func:`~cgvlib.reference.provisional.assume_last` block)."""
    with on_the_data():
        return _horizons()


def _horizons() -> tuple[Horizon, ...]:
    syntec = load_syntec()
    return (
        Horizon("legal", load_semester_rates().complete_until),
        Horizon("ecb", load_ecb_rates().complete_until),
        Horizon("syntec",
                assumed_publication(next_month(syntec.complete_until)) - dt.timedelta(days=1)),
    )


def rates_status(today=None) -> pd.DataFrame:
    """One row per series (index ``series``: legal, ecb, syntec), with the columns:

    - ``title``; ``covered_from``, ``covered_until`` (dates; the legal rate from 2005, its
      annual rates); ``missing``: the months missing inside the range (``"YYYY-MM"``);
    - ``latest`` (the latest value, as text), ``latest_from`` (the date it holds from),
      ``latest_source``, ``latest_user_supplied``;
    - ``user_rows`` (values from the user data folder), ``user_file`` (its path or ``""``),
      ``superseded``: the keys of user rows the packaged series holds with another value (the
      packaged value is used; ``rates add --force`` replaces it);
    - ``age_days``: days from ``covered_until`` to ``today``, 0 while covered.
    """
    day = as_date(today, "today") if today is not None else dt.date.today()
    legal, ecb, syntec = load_semester_rates(), load_ecb_rates(), load_syntec()
    last_legal, last_ecb, last_syntec = legal.rows[-1], ecb.rows[-1], syntec.rows[-1]
    rows = [
        ("legal", load_annual_rates().first, legal.complete_until, [],
         f"{last_legal.professional} % (professional) / {last_legal.consumer} % (consumer)",
         last_legal.start, last_legal.source, last_legal.user,
         sum(r.user for r in legal.rows), legal.user_path, legal.superseded),
        ("ecb", ecb.effectives[0], ecb.complete_until, [], f"{last_ecb.rate} %",
         last_ecb.effective, last_ecb.source, last_ecb.user, sum(r.user for r in ecb.rows),
         ecb.user_path, ecb.superseded),
        ("syntec", syntec.first, month_end(syntec.complete_until),
         [month_str(m) for m in syntec.gaps()],
         f"{last_syntec.value} ({last_syntec.series} index, {month_str(last_syntec.month)})",
         last_syntec.month, last_syntec.source, last_syntec.user,
         sum(r.user for r in syntec.rows), syntec.user_path, syntec.superseded),
    ]
    frame = pd.DataFrame(
        [
            {
                "series": key, "title": TITLES[key], "covered_from": first,
                "covered_until": until, "missing": missing, "latest": latest,
                "latest_from": since, "latest_source": source, "latest_user_supplied": user,
                "user_rows": int(count), "user_file": str(path) if path else "",
                "superseded": list(superseded), "age_days": max(0, (day - until).days),
            }
            for key, first, until, missing, latest, since, source, user, count, path, superseded
            in rows
        ]
    )
    return frame.set_index("series")


def scenario_dates(dates_or_scenario) -> list[dt.date]:
    """Every date in ``dates_or_scenario``: one date, an iterable of dates, or a scenario (a
    mapping such as report parameters, nested ``per_vendor`` mappings included, or a
    dataclass) whose date-valued keys (:data:`DATE_KEYS`, ``*_date``) are read."""
    found: list[dt.date] = []
    _collect(dates_or_scenario, found, top=True)
    return found


def _collect(value, found: list[dt.date], *, top: bool = False, key: str | None = None) -> None:
    if value is None:
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        for name, item in value.items():
            name = str(name)
            if name in DATE_KEYS or name.endswith("_date") or isinstance(item, Mapping):
                _collect(item, found, key=name)
        return
    if isinstance(value, dt.date | pd.Timestamp) or (isinstance(value, str) and (top or key)):
        found.append(as_date(value, key or "date"))
        return
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        for item in value:
            _collect(item, found, top=top, key=key)
        return
    if top:
        raise InputError(f"dates_or_scenario: {value!r} is not a date, a list of dates or a "
                         "scenario mapping; valid: '2026-09-30', [date, …], {'paid': …}")


def _check_series(series) -> tuple[str, ...]:
    if series is None:
        return SERIES
    chosen = (series,) if isinstance(series, str) else tuple(series)
    for name in chosen:
        if name not in SERIES:
            raise InputError(f"series: {name!r} is not a reference series; valid: "
                             + ", ".join(SERIES))
    return chosen


def past_the_data(dates_or_scenario, series=None) -> dict[str, dt.date]:
    """The series (among ``series``, default all) the scenario reaches past, each with its
    last covered date (see :func:`horizons`); empty when the data covers every date."""
    chosen = _check_series(series)
    dates = scenario_dates(dates_or_scenario)
    if not dates:
        return {}
    latest = max(dates)
    return {h.series: h.last for h in horizons() if h.series in chosen and latest > h.last}


def coverage_notice(dates_or_scenario, lang: str = "fr", *, series=None,
                    assumed: bool | None = None, how: bool = False) -> str | None:
    """The short notice a page shows when its scenario reaches past the reference data (which
    series, known until when), in ``lang`` (``"fr"`` or ``"en"``); ``None`` when covered.
    ``series`` limits it to the series the page uses (``("legal", "ecb")`` for late payment,
    ``"syntec"`` for price revision; default: all three).

    ``assumed``: whether the last values are carried forward (default: whether this runs
    inside an :func:`~cgvlib.reference.provisional.assume_last` block); the notice then says
    the figures are provisional. ``how``: add the sentence saying how to compute the figures
    anyway (a page that could not compute them)."""
    lang = check_lang(lang)
    past = past_the_data(dates_or_scenario, series)
    if not past:
        return None
    if assumed is None:
        assumed = assumed_until() is not None
    parts = [translate(UNTIL, lang).format(series=translate(TITLES[key], lang),
                                           date=format_date(last, lang))
             for key, last in past.items()]
    text = translate(PROVISIONAL_NOTICE if assumed else NOTICE, lang).format(
        series=(" ; " if lang == "fr" else "; ").join(parts))
    if how and not assumed:
        text += " " + translate(HOW_TO_GO_ON, lang)
    return text


def data_version() -> tuple:
    """A key that changes whenever the series a computation reads change: a user value added,
    a data file edited, or an :func:`~cgvlib.reference.provisional.assume_last` block entered or
    left. A cache of tables built from the series (the vectorised late-payment rates) must
    include it in its key, or it would serve provisional or outdated rates."""
    return (assumed_until(), id(load_semester_rates()), id(load_ecb_rates()), id(load_syntec()))
