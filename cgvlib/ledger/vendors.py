"""Vendor names as a ledger writes them, matched to vendor ids.

A name matches a vendor by its id or its display name, without case, accents, spaces or
punctuation (``teogest``, ``TEOGEST``, ``Téogest``; ``Leappy SAS`` and ``Leappy``: a legal
form such as SAS, SARL or SA is left aside), among the built-in vendors, the analyst's own
vendor files given (:func:`cgvlib.model.loader.own_vendor`) and those already added in this
session; ``Loi``, ``statutory``, ``L441-10`` (or ``L. 441-10``) name the law's default terms
(id ``statutory``, :mod:`cgvlib.arithmetic.statutory`). A name matching none is refused
with the closest known name (:func:`difflib.get_close_matches`). Each distinct name of the
file is looked up once.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from cgvlib.arithmetic.common import STATUTORY_ID, as_vendor
from cgvlib.ledger.headers import plain
from cgvlib.ledger.usual_cells import distinct_codes, text_array
from cgvlib.model.loader import own_vendor, own_vendors, vendors

STATUTORY_NAMES = ("Loi", "La loi", "statutory", "L441-10", "L. 441-10", "Article L441-10",
                   "Code de commerce L441-10", "Statutory terms", "Conditions légales")
LEGAL_FORMS = ("sas", "sasu", "sarl", "sa", "eurl", "sci", "snc", "ltd", "inc", "gmbh")
MISSING, UNKNOWN = "vendor_missing", "vendor_unknown"


def _forms_dropped(name: str) -> str:
    words = [w for w in re.split(r"[\s.,]+", name.casefold()) if w]
    kept = [w for w in words if w not in LEGAL_FORMS]
    return plain(" ".join(kept or words))


@dataclass(frozen=True)
class VendorNames:
    """Plain forms of every known name -> vendor id, and each id's display name."""

    ids: dict[str, str]
    names: dict[str, str]

    def lookup(self, text: str) -> str | None:
        return self.ids.get(plain(text)) or self.ids.get(_forms_dropped(text))

    def closest(self, text: str) -> str | None:
        """The display name closest to ``text`` (difflib), or None."""
        found = difflib.get_close_matches(plain(text), list(self.ids), n=1, cutoff=0.5)
        return self.names[self.ids[found[0]]] if found else None


def known_names(vendor_files: Iterable = ()) -> VendorNames:
    """Every vendor a ledger may name: built-in, the files given (added to the session), the
    session's own vendors, and the law's default terms."""
    for path in vendor_files:
        own_vendor(path)
    ids: dict[str, str] = {}
    names: dict[str, str] = {}
    for v in [*vendors(), *own_vendors()]:
        names[v.id] = v.name
        for form in (v.id, v.name):
            ids.setdefault(plain(form), v.id)
            ids.setdefault(_forms_dropped(form), v.id)
    statutory = as_vendor(STATUTORY_ID)
    names[STATUTORY_ID] = statutory.name
    for form in (*STATUTORY_NAMES, statutory.name):
        ids.setdefault(plain(form), STATUTORY_ID)
    return VendorNames(ids, names)


def match_vendors(values: pd.Series, known: VendorNames) -> tuple[np.ndarray, np.ndarray,
                                                                    np.ndarray]:
    """``(ids, reason, closest)`` per row: the vendor id (``""`` where refused), ``""`` or a
    reason code (``vendor_missing``, ``vendor_unknown``), and the closest known name for an
    unknown one (``""`` when none is close)."""
    codes, found, why, near = match_distinct(values, known)
    return found[codes], why[codes], near[codes]


def match_distinct(values: pd.Series, known: VendorNames):
    """``(codes, ids, reason, closest)``: each row's distinct name (a missing cell: -1, the
    last entry), and per distinct name the fields of :func:`match_vendors`."""
    arrow = text_array(values)
    if arrow is not None:  # Arrow text: hashed in C, each distinct name once
        distinct, codes = distinct_codes(arrow)  # a missing cell: the last entry
        uniques = distinct.to_pylist()
    else:
        codes, uniques = pd.factorize(values if pd.api.types.is_string_dtype(values.dtype)
                                      else values.astype(object), sort=False)
    found = np.full(len(uniques) + 1, "", dtype=object)
    why = np.full(len(uniques) + 1, MISSING, dtype=object)
    near = np.full(len(uniques) + 1, "", dtype=object)
    for i, value in enumerate(uniques):
        text = str(value).strip() if not pd.isna(value) else ""
        if not text:
            continue
        vendor_id = known.lookup(text)
        if vendor_id:
            found[i], why[i] = vendor_id, ""
        else:
            why[i], near[i] = UNKNOWN, known.closest(text) or ""
    return codes, found, why, near
