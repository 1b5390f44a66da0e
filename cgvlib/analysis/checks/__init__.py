"""Compliance and drafting checks of a vendor's terms against French commercial law.

``check(vendor)`` runs every registered check on one vendor and returns one row per finding;
``check_all()`` does it for several vendors (and compares them with each other);
``findings_summary(frame)`` counts the findings by vendor and severity; ``list_checks()`` lists
the checks with the rule each implements.

Columns of a findings frame: ``id`` (the check's stable id, e.g. ``late_rate_below_floor``),
``vendor`` (its name), ``severity`` (breach / risk / ambiguity / note, see
:mod:`cgvlib.analysis.checks.base`), ``family`` (the comparison's family label), ``article``
and ``quote`` (the vendor's words), ``rule`` (the statute article, or "internal consistency"),
``explanation`` (plain words, with the figures; ``rule`` and ``explanation`` are strings holding
their English that :func:`cgvlib.i18n.say` gives in French), ``periods`` (semesters concerned, e.g.
``"2023-S1..2026-S1"``, or empty) and ``path`` (field path in the vendor file).

``at`` limits the time-dependent checks to the situation at that date: the floor in that
date's semester, a rate fixed earlier and still running then, stated rates for that semester,
and the reference late-payment scenario paid on that date (due 60 days before). By default
they cover every semester from 2015-S1 to the end of the legal-rate data, and the scenario is
an invoice due on 2024-03-15 paid 60 days late.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from cgvlib import paths
from cgvlib.analysis.checks import (  # noqa: F401  (importing registers the checks)
    consistency,
    discretion,
    facts,
    floor,
    jurisdiction,
    numbering,
    outliers,
    partial_periods,
    penalties,
    references,
    schedules,
    statutory_items,
)
from cgvlib.analysis.checks.base import (
    COLUMNS,
    NOT_COMPUTED,
    REGISTRY,
    SEVERITIES,
    Context,
    Finding,
    Semester,
    reference_semesters,
    run,
)
from cgvlib.analysis.checks.summary_words import SUMMARY_WORDS
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import say, translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendor as vendor_by_id
from cgvlib.model.loader import vendor_text
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.names import label
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.status import data_version

__all__ = ["COLUMNS", "NOT_COMPUTED", "REGISTRY", "SEVERITIES", "Finding", "check", "check_all",
           "findings_summary", "list_checks"]


# The order findings and checks are listed in: the statute first, drafting after.
MODULE_ORDER = ("floor", "statutory_items", "facts", "references", "penalties", "jurisdiction",
                "discretion", "consistency", "numbering", "schedules", "partial_periods",
                "outliers")


def _ordered() -> list:
    return sorted(REGISTRY.values(), key=lambda s: MODULE_ORDER.index(s.module))


def _as_vendor(v) -> Vendor:
    return v if isinstance(v, Vendor) else vendor_by_id(v)


def _checks(only: Iterable[str] | None):
    if only is None:
        return _ordered()
    if isinstance(only, str):
        only = [only]
    unknown = [c for c in only if c not in REGISTRY]
    if unknown:
        raise InputError(f"unknown check(s) {', '.join(unknown)}; valid checks: "
                         + ", ".join(REGISTRY))
    return [REGISTRY[c] for c in only]


def _semesters(at) -> tuple[tuple[Semester, ...], tuple[Semester, ...], object]:
    universe = reference_semesters()
    if at is None:
        return universe, universe, None
    day = as_date(at, "at")
    legal_rate(day)  # refuses a date the reference data does not cover, saying how far it goes
    return (Semester.of(day),), universe, day


SAID_COLUMNS = ("rule", "explanation")  # words said in the reader's language when shown


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column in SAID_COLUMNS:  # object columns: a string column would drop what they say
        frame[column] = pd.Series([row[column] for row in rows], index=frame.index,
                                  dtype=object)
    frame["severity"] = pd.Categorical(frame["severity"], categories=list(SEVERITIES),
                                       ordered=True)
    order = {name: i for i, name in enumerate([*(s.id for s in _ordered()), NOT_COMPUTED])}
    frame = frame.assign(_order=frame["id"].map(order).fillna(len(order)))
    frame = frame.sort_values(["vendor", "severity", "_order", "path"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


_FOUND: dict[tuple, tuple[tuple, list[dict]]] = {}  # the rows of recent calls, by inputs
_FOUND_LIMIT = 256


def _text_stamp(v: Vendor, texts_dir: Path) -> tuple:
    """The vendor's text as the checks read it: its path and modification time."""
    path = vendor_text(v, texts_dir)
    return (None, None) if path is None else (str(path), path.stat().st_mtime_ns)


def _rows(v: Vendor, at, peers, checks, texts_dir) -> list[dict]:
    """The findings' rows on one vendor; the rows of a call with the same inputs (the very
    same vendor objects, which a changed vendor file replaces, the same reference data, the
    same text) are reused."""
    semesters, universe, day = _semesters(at)
    folder = Path(texts_dir) if texts_dir else paths.texts_dir()
    peers = tuple(peers)
    objects = (v, *peers)
    key = (tuple(id(o) for o in objects), semesters, universe, day,
           None if checks is None else tuple(checks), str(folder), data_version(),
           _text_stamp(v, folder))
    found = _FOUND.get(key)
    if found is not None and all(a is b for a, b in zip(found[0], objects, strict=True)):
        return [dict(row) for row in found[1]]
    rows = _computed_rows(v, semesters, universe, day, peers, checks, folder)
    if len(_FOUND) >= _FOUND_LIMIT:
        _FOUND.clear()
    _FOUND[key] = (objects, [dict(row) for row in rows])
    return rows


def _computed_rows(v: Vendor, semesters, universe, day, peers, checks, folder: Path
                   ) -> list[dict]:
    ctx = Context(vendor=v, semesters=semesters, all_semesters=universe, at=day,
                  peers=peers, texts_dir=folder)
    rows = []
    for spec in _checks(checks):
        for found_id, f in run(spec, ctx):
            rows.append({"id": found_id, "vendor": v.name, "severity": f.severity,
                         "family": f.family, "article": f.article, "quote": f.quote,
                         "rule": f.rule, "explanation": f.explanation, "periods": f.periods,
                         "path": f.path})
    return rows


def check(vendor, at=None, *, peers=None, checks=None, texts_dir=None) -> pd.DataFrame:
    """Every finding on one vendor: a DataFrame with the columns of :data:`COLUMNS`.

    ``vendor``: a :class:`~cgvlib.model.vendor.Vendor` or a vendor id. ``at``: a date, to
    limit the time-dependent checks to that date's situation (default: every semester from
    2015-S1 to the end of the reference data). ``peers``: the vendors the cross-vendor checks
    compare it with (default: every vendor file of ``data/vendors/``). ``checks``: ids of the
    checks to run (default: all). ``texts_dir``: where the vendors' texts are (default
    :func:`cgvlib.paths.texts_dir`).
    """
    v = _as_vendor(vendor)
    others = all_vendors() if peers is None else [_as_vendor(p) for p in peers]
    return _frame(_rows(v, at, others, checks, texts_dir))


def check_all(vendors=None, at=None, *, checks=None, texts_dir=None) -> pd.DataFrame:
    """Every finding on every vendor (default: every vendor file), each compared with the
    others for the cross-vendor checks. Same columns as :func:`check`."""
    chosen = all_vendors() if vendors is None else [_as_vendor(v) for v in vendors]
    rows = []
    for v in chosen:
        rows += _rows(v, at, chosen, checks, texts_dir)
    return _frame(rows)


def findings_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts of findings by vendor (rows) and severity (columns, most serious first), with a
    ``total`` column; vendors in the order they appear in ``frame``."""
    vendors = list(dict.fromkeys(frame["vendor"]))
    severity = pd.Categorical(frame["severity"], categories=list(SEVERITIES), ordered=True)
    table = (pd.crosstab(pd.Categorical(frame["vendor"], categories=vendors), severity,
                         dropna=False)
             .reindex(index=vendors, columns=list(SEVERITIES), fill_value=0))
    table.index.name, table.columns.name = "vendor", "severity"
    table["total"] = table.sum(axis=1)
    return table.astype("int64")


def _summary_in(summary: str, lang: str) -> str:
    key = " ".join(summary.split())
    return SUMMARY_WORDS[key].say(lang) if key in SUMMARY_WORDS else summary


def list_checks(lang: str = "en") -> pd.DataFrame:
    """The registered checks: id, module, what each checks, and the rule it implements.

    ``lang="fr"``: each check by its name (:func:`cgvlib.names.label`), what it checks said
    through the catalog (:data:`~cgvlib.analysis.checks.summary_words.SUMMARY_WORDS`) and its
    rule, under French headers (the module, a name of the code, left out)."""
    if check_lang(lang) == "en":
        return pd.DataFrame([{"id": s.id, "module": s.module, "checks": s.summary,
                              "rule": s.rule} for s in _ordered()])
    return pd.DataFrame([{translate("check", lang): label(s.id, lang),
                          translate("checks", lang): _summary_in(s.summary, lang),
                          translate("rule", lang): say(s.rule, lang)} for s in _ordered()])
