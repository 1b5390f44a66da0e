"""Every identifier a page could show has a name in French and English (cgvlib.names).

The identifiers are read from their sources: the readings of the five vendor files (and the
names the arithmetic gives a reading of a clause with several ambiguities, ``path=reading``),
the severities and checks of findings, and every value of a ``Literal`` field of the clause
model."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing

import pytest
from pydantic import BaseModel

import cgvlib.model
from cgvlib.analysis.checks import NOT_COMPUTED, REGISTRY, SEVERITIES
from cgvlib.errors import InputError
from cgvlib.i18n import read_catalog
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.loader import load_vendor
from cgvlib.names import CONTEXT, ID_LABELS, label
from cgvlib.paths import vendors_dir

FIVE = ["janquor", "iosmart", "teogest", "leappy", "gout"]


def reading_ids() -> set[str]:
    names = set()
    for vendor_id in FIVE:
        vendor = load_vendor(vendors_dir() / f"{vendor_id}.yaml", verify_quotes=False)
        for _path, clause in vendor.ambiguities():
            names |= {r.name for r in clause.ambiguity.readings}
            names |= set(reading_variants(clause)[0])
    return names


def literal_values(annotation) -> set[str]:
    found = set()
    if typing.get_origin(annotation) is typing.Literal:
        found |= {a for a in typing.get_args(annotation) if isinstance(a, str)}
    for arg in typing.get_args(annotation):
        found |= literal_values(arg)
    return found


def model_values() -> set[str]:
    values = set()
    for module in pkgutil.iter_modules(cgvlib.model.__path__):
        loaded = importlib.import_module(f"cgvlib.model.{module.name}")
        for _name, cls in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(cls, BaseModel):
                for field in cls.model_fields.values():
                    values |= literal_values(field.annotation)
    return values


IDENTIFIERS = sorted(reading_ids() | set(SEVERITIES) | model_values() | set(REGISTRY)
                     | {NOT_COMPUTED, "as_written"})


def test_the_sources_were_read():
    # Teogest art. 14 alone has six readings; JANQUOR art. 21 has two under `self=`, ioSmart's
    # liability period two under `period=`
    assert {"day_31_semester", "after_due_date_invoice_date", "self=vat_included",
            "period=calendar_months"} <= set(IDENTIFIERS)
    assert {"breach", "note", "jours_ouvrables", "tacit", "unstated", "late_rate_below_floor",
            "check_not_computed"} <= set(IDENTIFIERS)


def test_every_identifier_has_a_name_in_both_languages():
    unnamed = [i for i in IDENTIFIERS if i.rpartition("=")[2] not in ID_LABELS]
    assert not unnamed, f"add to cgvlib.names.ID_LABELS and the catalog: {unnamed}"
    french = {m.id: m.string for m in read_catalog("fr") if m.context == CONTEXT}
    untranslated = [i for i in IDENTIFIERS if not french.get(ID_LABELS[i.rpartition("=")[2]])]
    assert not untranslated, f"add their French to the catalog: {untranslated}"
    for identifier in IDENTIFIERS:
        for lang in ("fr", "en"):
            name = label(identifier, lang)
            assert name.strip() and "_" not in name and "=" not in name, (identifier, name)


def test_names_worked_out_by_hand():
    assert label("prorata_30", "fr") == "prorata (mois de 30 jours)"
    assert label("prorata_30", "en") == "pro rata (30-day months)"
    assert label("day_31_semester", "fr") == "retard dès le 31e jour, taux légal de chaque semestre"
    assert label("vat_included", "fr") == "TTC"
    assert label("breach", "fr") == "manquement"
    assert label("breach", "en") == "breach"
    assert label("jours_ouvres", "en") == "business days (Mon-Fri)"
    assert label("late_rate_below_floor", "fr") == "taux de retard sous le plancher"


def test_a_reading_of_a_clause_with_several_ambiguities_is_named_by_its_reading():
    assert label("notice[0]=term_end", "fr") == "compté depuis la fin de la période"
    assert label("self=excl_vat", "en") == "excluding VAT"


def test_an_unknown_identifier_shows_its_words_never_its_raw_form():
    assert label("some_new_kind", "fr") == "some new kind"
    assert label("period=some_new_kind", "en") == "some new kind"


def test_a_wrong_language_is_refused_even_for_an_unknown_identifier():
    with pytest.raises(InputError, match="lang: 'de'"):
        label("some_new_kind", "de")
    with pytest.raises(InputError, match="lang: 'de'"):
        label("breach", "de")


def test_every_clause_family_is_named_with_the_comparisons_english():
    from cgvlib.analysis.compare import FAMILIES

    assert {key: ID_LABELS[key] for key in FAMILIES} == FAMILIES
    assert label("deadlines", "fr") == "délais"
    assert label("late_payment", "fr") == "retard de paiement"


def test_identifiers_in_a_sentence_are_given_their_names():
    from cgvlib.names import name_identifiers

    sentence = "Reading shown: notice[0]=term_end; billing: 14 x monthly_amount; a_b as is."
    assert name_identifiers(sentence, "en") == (
        "Reading shown: “counted from the end of the term”; billing: 14 x “monthly amount”; "
        "a_b as is.")
    assert name_identifiers(sentence, "fr") == (
        "Reading shown: « compté depuis la fin de la période »; billing: 14 x « montant "
        "mensuel »; a_b as is.")
    # two readings joined by a slash are two names
    assert name_identifiers("without_notice/as_written", "en") == (
        "“without notice”/“as written”")
    with pytest.raises(InputError, match="lang: 'de'"):
        name_identifiers("as_written", "de")
