"""An error a reader may see carries its words: ``str(err)`` is its English (what the library
and its tests read), ``err.said(lang)`` and :func:`cgvlib.i18n.say` give it in the reader's
language; an error raised with a plain string says that string in every language."""

from __future__ import annotations

import pickle

import pytest

from cgvlib.errors import (
    CgvError,
    InputError,
    OutOfCoverageError,
    UnknownVendorError,
    YamlError,
)
from cgvlib.i18n import Phrase, Said, say


def test_an_error_raised_with_words_is_english_as_a_string_and_french_when_said():
    error = InputError(Phrase("Late payment"))
    assert str(error) == error.args[0] == "Late payment"
    assert error.said("fr") == say(error, "fr") == "Retard de paiement"
    assert error.said("en") == "Late payment"
    with pytest.raises(InputError, match=r"^Late payment$"):
        raise error


def test_an_error_raised_with_a_plain_string_says_it_in_every_language():
    error = InputError("amount: -5 EUR is negative")
    assert error.words is None
    assert error.said("fr") == error.said("en") == str(error) == "amount: -5 EUR is negative"


def test_the_errors_with_their_own_construction_keep_working():
    coverage = OutOfCoverageError(Said(lambda lang: "fin" if lang == "fr" else "end"),
                                  series="s", last_covered=None)
    assert (str(coverage), coverage.said("fr"), coverage.series) == ("end", "fin", "s")
    unknown = UnknownVendorError("vendor 'acme': no such vendor")
    assert str(unknown) == unknown.said("fr") == "vendor 'acme': no such vendor"
    yaml = YamlError("f.yaml", "duplicate key", line=3, key="a")
    assert str(yaml) == yaml.said("fr") == "f.yaml, line 3, a: duplicate key"
    assert isinstance(CgvError(), Exception) and CgvError().said("fr") == ""


def test_an_error_with_words_pickles_with_them():
    # a worker process (the batch report) sends its errors back pickled
    copied = pickle.loads(pickle.dumps(InputError(Phrase("Late payment"))))
    assert (str(copied), copied.said("fr")) == ("Late payment", "Retard de paiement")
