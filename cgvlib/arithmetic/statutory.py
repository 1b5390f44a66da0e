"""The law's default terms between professionals, as a pseudo-vendor, and the two statutory
late-payment rates.

Code de commerce L441-10 II: « Sauf disposition contraire qui ne peut toutefois fixer un taux
inférieur à trois fois le taux d'intérêt légal, ce taux est égal au taux d'intérêt appliqué par
la Banque centrale européenne à son opération de refinancement la plus récente majoré de 10
points de pourcentage. Dans ce cas, le taux applicable pendant le premier semestre de l'année
concernée est le taux en vigueur au 1er janvier de l'année en question. Pour le second semestre
de l'année concernée, il est le taux en vigueur au 1er juillet de l'année en question. »

- :func:`statutory_late_rate`: the rate when the terms are silent (ECB semester rate + 10 pts);
- :func:`minimum_late_rate`: the floor an agreed rate may not go below (3 x the legal rate,
  professional creditors);
- :func:`statutory`: the default terms as a :class:`~cgvlib.model.vendor.Vendor`, read from
  ``data/statute/statutory.yaml`` and cited to the Code de commerce, usable wherever a vendor is.
"""

from __future__ import annotations

from dataclasses import replace

from cgvlib import paths
from cgvlib.i18n import Phrase
from cgvlib.model.loader import load_vendor
from cgvlib.model.vendor import Vendor
from cgvlib.money import bp_to_percent
from cgvlib.reference.ecb_rate import ecb_semester_rate
from cgvlib.reference.legal_rate import legal_rate
from cgvlib.reference.provisional import joined_notes, number_text
from cgvlib.reference.series import AsOf

STATUTORY_POINTS_BP = 1_000  # "majoré de 10 points de pourcentage"
FLOOR_MULTIPLE = 3  # "un taux inférieur à trois fois le taux d'intérêt légal"


def statute_dir():
    return paths.data_dir() / "statute"


def statutory() -> Vendor:
    """The statutory default terms (L441-10, D441-5) as a vendor, quotes verified."""
    return load_vendor(statute_dir() / "statutory.yaml", texts_dir=statute_dir())


def _scaled(base: AsOf, bp: int, series: str, note: Phrase) -> AsOf:
    """``base`` scaled to ``bp``: its note said after ``note``, in the reader's language."""
    return replace(base, series=series, value=bp_to_percent(bp), bp=bp,
                   note=joined_notes([note, base.note] if base.note else [note]))


def statutory_late_rate(date, *, assume=None) -> AsOf:
    """ECB semester rate + 10 points: the L441-10 II rate when the terms are silent."""
    ecb = ecb_semester_rate(date, assume=assume)
    return _scaled(ecb, ecb.bp + STATUTORY_POINTS_BP, "statutory late-payment rate (L441-10 II)",
                   Phrase("ECB semester rate {rate} % + 10 points",
                          rate=number_text(ecb.value)))


def minimum_late_rate(date, *, assume=None) -> AsOf:
    """Three times the legal interest rate (professional creditors): the L441-10 II floor."""
    legal = legal_rate(date, "professional", assume=assume)
    return _scaled(legal, FLOOR_MULTIPLE * legal.bp, "minimum late-payment rate (L441-10 II)",
                   Phrase("{multiple} x legal rate {rate} %", multiple=str(FLOOR_MULTIPLE),
                          rate=number_text(legal.value)))
