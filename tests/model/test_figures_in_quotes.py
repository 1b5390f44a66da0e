"""Every figure of a vendor file appears in the quote that cites it (digits or French words).

A quote is the evidence for its values: « 6 (six) fois la rémunération brute mensuelle » for a
penalty of 6 months, not the sentence next to it. Each numeric field (a number or a duration)
is looked for in the nearest ``source.quote`` above it, as digits (``99.8`` or ``99,8``), as
French words (``six``, ``quarante-huit``) or, for a figure the text states another way, in the
forms :func:`forms` lists (12 months as « un an », 0.5 as « demi » or « moitié »).

Not checked, each for a stated reason: a zero (an absence: « sans frais », « aucun ») and a
multiplier of 1 (the whole of a basis) (:func:`_skipped`); the day counts of a ``DelayStart``
(« le jour suivant », « le 31ème jour » are ordinals) and the seconds of a ``StatedDowntime``
(converted from « 2 mn 52.8 s ») (:data:`NOT_CHECKED`). A figure the file derives from the
quoted words (260 days a year of « 5 jours par semaine ») is checked through the figure it
comes from (:data:`DERIVED`). A figure cited in another clause's
quote is looked for there (:data:`CITED_WITH`).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from cgvlib.model.base import Duration, Source, Strict
from cgvlib.model.citations import normalise
from cgvlib.model.loader import load_vendor, vendor_files
from cgvlib.model.payment import DelayStart
from cgvlib.model.sla import StatedDowntime

VENDOR_FILES = vendor_files()

FRENCH = {
    1: ("un", "une", "premier"), 2: ("deux",), 3: ("trois",), 4: ("quatre",), 5: ("cinq",),
    6: ("six",), 7: ("sept",), 8: ("huit",), 9: ("neuf",), 10: ("dix",), 11: ("onze",),
    12: ("douze",), 13: ("treize",), 14: ("quatorze",), 15: ("quinze",), 16: ("seize",),
    20: ("vingt",), 21: ("vingt et un",), 30: ("trente",), 40: ("quarante",),
    45: ("quarante-cinq",), 48: ("quarante-huit",), 50: ("cinquante",), 60: ("soixante",),
    90: ("quatre-vingt-dix",), 100: ("cent",), 200: ("deux cent",),
}
# What a text says instead of a figure, when the figure is a part or the whole of something.
SAID_OTHERWISE = {
    Decimal("0.5"): ("demi", "moitié"),
    Decimal("100"): ("intégral", "totalité", "reste due"),  # a fee of 100 % of the price
}
NOT_CHECKED = {  # clause types whose figures are conversions of the text's words
    DelayStart: "« le jour suivant », « le 31ème jour »: ordinals, recorded as days after",
    StatedDowntime: "seconds converted from the text's « 2 mn 52.8 s » (see the file's note)",
}
# field path (without the vendor) -> the clause whose quote states it
CITED_WITH = {"sla.availability_percent": "sla.stated_downtime"}
# figures the file derives from the quoted words: field -> (the figure the quote must hold,
# how the field is made from it)
DERIVED = {
    "service_days_per_year": (lambda days: Decimal(days) / 52, "days a week x 52 weeks"),
}


def forms(value: Decimal | int, field: str = "") -> set[str]:
    """The ways a text may write ``value``: digits (point or comma), French words, and for a
    number of months that is whole years, the years (« un an », « deux ans »)."""
    d = Decimal(value).normalize()
    digits = f"{d:f}"
    found = {digits, digits.replace(".", ",")}
    found |= set(SAID_OTHERWISE.get(d, ()))
    if d == d.to_integral_value():
        found |= set(FRENCH.get(int(d), ()))
        if "months" in field and int(d) % 12 == 0:
            years = int(d) // 12
            found |= {f"{w} an" for w in FRENCH.get(years, ())} | {f"{years} an"}
    if field == "increment_minutes" and d == 30:
        found.add("demi-heure")
    return found


def in_quote(value: Decimal | int, quote: str, field: str = "") -> bool:
    """Whether ``value`` appears in ``quote``: digits not inside a longer number, words at the
    start of a word."""
    text = normalise(quote).lower()
    for form in forms(value, field):
        pattern = (rf"(?<![\d,.]){re.escape(form)}(?!\d)" if form[0].isdigit()
                   else rf"\b{re.escape(form)}")
        if re.search(pattern, text):
            return True
    return False


def figures(obj, path: str = "", quote: str = ""):
    """(path, field name, value, quote) for every numeric field, with the nearest quote."""
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from figures(item, f"{path}[{i}]", quote)
        return
    if not isinstance(obj, Strict) or isinstance(obj, Source | Duration):
        return
    if type(obj) in NOT_CHECKED:
        return
    source = getattr(obj, "source", None)
    quote = source.quote if source is not None else quote
    for name in type(obj).model_fields:
        if name in ("source", "ambiguity", "note"):
            continue
        value = getattr(obj, name)
        sub = f"{path}.{name}" if path else name
        if isinstance(value, Duration):
            yield sub, name, value.value, quote
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            yield sub, name, value, quote
        else:
            yield from figures(value, sub, quote)


def _skipped(name: str, value) -> bool:
    """A zero is an absence (« sans frais », « aucun »), not a figure of the text; a multiplier
    of 1 is the whole of the basis, which the text names without a figure."""
    return value == 0 or (name == "multiplier" and value == 1)


def _quote_at(vendor, path: str) -> str:
    obj = vendor
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj.source.quote


@pytest.mark.parametrize("path", VENDOR_FILES, ids=lambda p: p.stem)
def test_every_figure_is_in_its_quote(path):
    vendor = load_vendor(path, verify_quotes=False)
    missing = []
    for where, name, value, quote in figures(vendor):
        if _skipped(name, value):
            continue
        if where in CITED_WITH:
            quote = _quote_at(vendor, CITED_WITH[where])
        if name in DERIVED:
            value = DERIVED[name][0](value)
        if not in_quote(value, quote, name):
            missing.append(f"{where} = {value}: not in « {quote} »")
    assert missing == []


# --- the cases read by hand ----------------------------------------------------------------------


def by_path(vendor_id: str, path: str):
    vendor = load_vendor(next(p for p in VENDOR_FILES if p.stem == vendor_id),
                         verify_quotes=False)
    obj = vendor
    for part in re.findall(r"\w+|\[\d+\]", path):
        obj = obj[int(part[1:-1])] if part.startswith("[") else getattr(obj, part)
    return obj


def test_teogest_non_solicitation_penalty_is_quoted():
    # art. 23: « pendant les 12 (douze) mois qui suivront sa cessation » and « une somme
    # forfaitaire égale à 6 (six) fois la rémunération brute mensuelle du salarié »
    clause = by_path("teogest", "non_solicitation[0]")
    assert (clause.penalty_months, clause.duration.value) == (6, 12)
    assert "6 (six) fois la rémunération brute mensuelle" in clause.source.quote
    assert in_quote(6, clause.source.quote) and in_quote(12, clause.source.quote)


def test_leappy_non_solicitation_penalties_are_quoted():
    # art. 17: « douze (12) mois de salaire brut » (employees), « douze (12) mois - entendu à
    # taux plein » (subcontractors), each for « deux ans »
    for path in ("non_solicitation[0]", "non_solicitation[1]"):
        clause = by_path("leappy", path)
        assert "douze (12) mois" in clause.source.quote
        assert in_quote(clause.penalty_months, clause.source.quote)
        assert in_quote(clause.duration.value, clause.source.quote)  # « deux ans »


def test_teogest_revision_of_running_commitments_quotes_its_cap():
    # 14.3.2: « ne pourra excéder 9 %. La révision des prix s'appliquera également sur les prix
    # des prestations correspondant à des engagements annuels, bisannuels ou trisannuels »
    clause = by_path("teogest", "price_revision[2]")
    assert clause.source.article == "14.3.2"
    assert clause.cap_percent == 9 and "excéder 9 %" in clause.source.quote
    assert "engagements annuels, bisannuels ou trisannuels" in clause.source.quote


def test_janquor_volume_revision_quotes_its_three_figures():
    # art. 4: « révision le 10/01. Tout écart supérieur à 10% [...] à un taux de 3% sur
    # l'année N »: the day (10), the threshold (10 %) and the step (3 %), once cut before 3%
    clause = by_path("janquor", "price_revision[0]")
    quote = clause.source.quote
    assert (clause.day, clause.threshold_percent, clause.step_percent) == (10, 10, 3)
    assert "le 10/01" in quote and "supérieur à 10%" in quote and "taux de 3%" in quote


def test_teogest_availability_is_quoted_with_its_downtime():
    # annexe 2 A.1: « taux de disponibilité de 99,8 % ce qui représente un maximum
    # d'indisponibilité de 2 mn 52.8 s par jour [...] »
    sla = by_path("teogest", "sla")
    assert sla.availability_percent == Decimal("99.8")
    assert sla.stated_downtime.source.article == "Annexe 2 A.1"
    assert in_quote(sla.availability_percent, sla.stated_downtime.source.quote)


def test_leappy_billing_unit_is_quoted():
    # art. 4: « au crédit - correspondant à une journée, pouvant être fractionné en demi-crédit »
    unit = by_path("leappy", "fees[1]")
    assert in_quote(unit.days, unit.source.quote)            # « une journée »
    assert in_quote(unit.smallest_part, unit.source.quote)   # « demi-crédit »


# --- the matcher itself -----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "quote", "field", "found"), [
    (6, "égale à 6 (six) fois", "", True),
    (6, "égale à six fois", "", True),
    (6, "pendant 16 mois", "", False),            # 6 inside 16 does not count
    (Decimal("99.8"), "un taux de 99,8 %", "", True),
    (Decimal("9.8"), "un taux de 99,8 %", "", False),
    (3, "à un taux de 3% sur l'année N", "", True),
    (3, "entraînera une indexation du budget", "", False),
    (12, "depuis plus d'un an", "no_notice_under_months", True),
    (12, "depuis plus d'un an", "penalty", False),  # only a count of months reads as years
    (Decimal("0.5"), "limitée à la moitié de la somme", "", True),
    (30, "Chaque demi-heure commencée est due", "increment_minutes", True),
    (200, "avec un minimum de deux cent euros", "", True),
])
def test_in_quote(value, quote, field, found):
    assert in_quote(value, quote, field) is found
