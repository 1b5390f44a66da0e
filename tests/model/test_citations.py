"""Every quote of every vendor file is in the vendor's text (white space normalised)."""

from __future__ import annotations

import pytest

from cgvlib.model.citations import normalise, quote_position, source_text
from cgvlib.model.loader import load_vendor, vendor_files

VENDOR_FILES = vendor_files()


def test_the_five_vendors_are_there():
    assert [p.stem for p in VENDOR_FILES] == ["gout", "iosmart", "janquor", "leappy", "teogest"]


@pytest.mark.parametrize("path", VENDOR_FILES, ids=lambda p: p.stem)
def test_every_quote_is_in_the_text(path, texts_present):
    vendor = load_vendor(path, texts_dir=texts_present)  # raises on any quote not found
    assert vendor.quotes_verified
    text, sha = source_text(texts_present / vendor.document.file)
    assert vendor.document.sha256 == sha
    missing = [p for p, s in vendor.citations() if quote_position(s, text) < 0]
    assert missing == []


@pytest.mark.parametrize("path", VENDOR_FILES, ids=lambda p: p.stem)
def test_every_value_is_cited(path):
    vendor = load_vendor(path, verify_quotes=False)
    for field_path, clause in vendor.clauses():
        if not getattr(clause, "silent", False):
            assert clause.source.quote, field_path


def test_normalise_collapses_white_space_and_apostrophes():
    assert normalise("l’Editeur\u00a0 s'engage\n à") == "l'Editeur s'engage à"
