"""The French catalog: it loads, it covers every message the code uses, and nothing else.

The msgids are the English words of :data:`cgvlib.views.words.WORDS`,
:data:`cgvlib.report.labels.TEXT`, :data:`cgvlib.names.ID_LABELS` (context ``identifier``), the
reference data's notice (:mod:`cgvlib.reference.status`), the summary card's words
(:mod:`cgvlib.views.summary`, its counted severities with context ``count``) and
of every ``translate("...", lang)`` / ``_("...", lang)`` / ``ntranslate("...", "...", n, lang)``
/ ``Phrase("...", ...)`` call with literals, found by reading the code."""

from __future__ import annotations

import ast
import gettext
import string

import pytest

from cgvlib.analysis.words import UNIT_FORMS, file_texts_described
from cgvlib.arithmetic.common import file_texts_shown
from cgvlib.errors import InputError
from cgvlib.i18n import catalog_path, read_catalog, translate, translations
from cgvlib.names import CONTEXT, ID_LABELS
from cgvlib.reference import status
from cgvlib.report.labels import TEXT
from cgvlib.views.summary import CARD_WORDS, SEVERITY_WORDS
from cgvlib.views.words import WORDS
from tests.conftest import ROOT

TRANSLATE_CALLS = {"translate", "_", "ntranslate", "Phrase"}


def literal_calls() -> set[tuple[str | None, str]]:
    """(context, msgid) of each ``translate``/``_`` call whose message is a literal."""
    found = set()
    for path in sorted((ROOT / "cgvlib").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None)
                    in TRANSLATE_CALLS and node.args):
                continue
            first = node.args[0]
            if node.func.id == "ntranslate":
                if all(isinstance(a, ast.Constant) for a in node.args[:2]):
                    found.add(("count", (node.args[0].value, node.args[1].value)))
                continue
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                context = next((k.value.value for k in node.keywords if k.arg == "context"
                                and isinstance(k.value, ast.Constant)), None)
                place = 1 if node.func.id == "Phrase" else 2  # Phrase(msgid, context)
                if len(node.args) > place and isinstance(node.args[place], ast.Constant):
                    context = node.args[place].value
                found.add((context, first.value))
    return found


def used_messages() -> set[tuple[str | None, str]]:
    tables = [*WORDS.values(), *TEXT.values(), *status.TITLES.values(), status.NOTICE,
              status.UNTIL, status.PROVISIONAL_NOTICE, status.HOW_TO_GO_ON,
              *CARD_WORDS.values()]
    used = {(None, english) for english in tables}
    used |= {(CONTEXT, english) for english in ID_LABELS.values()}
    used |= {("count", forms) for forms in SEVERITY_WORDS.values()}  # ntranslate's
    used |= {(None, english) for english in file_texts_shown()}  # vendor files, in the working
    used |= file_texts_described()  # vendor files, in the findings and the comparison
    used |= {("count", forms) for forms in UNIT_FORMS.values()}  # durations, in French units
    return used | literal_calls()


def catalog_messages() -> dict[tuple[str | None, str], object]:
    return {(m.context, m.id): m for m in read_catalog("fr") if m.id}


def fields(text: str | tuple[str, ...]) -> set[str]:
    """The ``{placeholders}`` of a message (of all its forms, for a plural one)."""
    texts = text if isinstance(text, tuple) else (text,)
    return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


def test_the_catalog_is_the_french_po_file_shipped_in_the_package():
    assert catalog_path("fr") == ROOT / "cgvlib" / "locale" / "fr" / "LC_MESSAGES" / "cgvlib.po"
    catalog = read_catalog("fr")
    assert str(catalog.locale) == "fr"
    assert isinstance(translations("fr"), gettext.GNUTranslations)
    assert type(translations("en")) is gettext.NullTranslations


def test_translate_gives_french_from_the_catalog_and_english_as_written():
    assert translate("Late payment", "fr") == "Retard de paiement"
    assert translate("Late payment", "en") == "Late payment"
    assert translate("as written", "fr", "identifier") == "telle qu'écrite"
    assert translate("tier below", "en", "identifier") == "tier below"


def test_translate_refuses_another_language():
    with pytest.raises(InputError, match="lang: 'de' is not a language of cgvlib; valid: fr, en"):
        translate("Late payment", "de")


def test_every_message_the_code_uses_has_a_french_translation():
    catalog = catalog_messages()
    missing = sorted((m for m in used_messages() if m not in catalog), key=str)
    assert not missing, f"add these to {catalog_path('fr')}: {missing}"
    untranslated = sorted((m for m in used_messages() if catalog[m].fuzzy
                           or not all(catalog[m].string if catalog[m].pluralizable
                                      else [catalog[m].string])), key=str)
    assert not untranslated, f"translate (or unmark fuzzy) in the catalog: {untranslated}"


def test_the_catalog_holds_no_message_the_code_no_longer_uses():
    unused = sorted(set(catalog_messages()) - used_messages(), key=str)
    assert not unused, f"remove from {catalog_path('fr')}: {unused}"


def test_the_french_fills_only_placeholders_the_english_is_given():
    for (_context, english), message in catalog_messages().items():
        assert fields(message.string) <= fields(english), english


def test_a_count_takes_the_form_of_its_language():
    from cgvlib.views.summary import severity_count

    # French: 0 and 1 take the singular; English: only 1
    assert [severity_count("breach", n, "fr") for n in (0, 1, 2)] == [
        "0 manquement", "1 manquement", "2 manquements"]
    assert [severity_count("ambiguity", n, "en") for n in (0, 1, 2)] == [
        "0 ambiguities", "1 ambiguity", "2 ambiguities"]


def test_the_words_tables_keep_their_functions():
    from cgvlib.report.labels import text
    from cgvlib.views.words import word

    assert word("severity", "fr") == "Gravité"
    assert word("gap_number", "fr", k=2) == "lacune 2"
    assert word("gap_number", "en", k=2) == "gap 2"
    assert text("late_payment", "fr") == "Retard de paiement"
    assert text("not_computed", "en", why="no data") == "not computed: no data"
