"""Legal references the terms cite that the law has since replaced.

Code civil art. 1218 (ordonnance n° 2016-131 du 10 février 2016, in force 1 October 2016):
« Il y a force majeure en matière contractuelle lorsqu'un événement échappant au contrôle du
débiteur, qui ne pouvait être raisonnablement prévu lors de la conclusion du contrat et dont les
effets ne peuvent être évités par des mesures appropriées, empêche l'exécution de son
obligation par le débiteur. » Former art. 1148 no longer defines force majeure.

The table :data:`OUTDATED` is data: the model's ``force_majeure.legal_basis`` value, what
replaced it, and since when. A basis the law still uses (art. 1218) or none (case law) is fine.
"""

from __future__ import annotations

import datetime as dt

from cgvlib.analysis.checks.base import Context, Finding, register, source_of
from cgvlib.analysis.words import day_words
from cgvlib.i18n import Phrase, Said
from cgvlib.model.procedure import ForceMajeure

RULE = Phrase("Code civil art. 1218 (since 1 October 2016, ordonnance n° 2016-131; formerly "
              "art. 1148)")
OUTDATED = {
    "code_civil_1148": ("Code civil art. 1148", "Code civil art. 1218", dt.date(2016, 10, 1),
                        "ordonnance n° 2016-131 du 10 février 2016"),
}


def _long_date(day: dt.date):
    """``1 October 2016`` (``1 octobre 2016``)."""
    english = f"{day.day} {day:%B %Y}"
    return Said(lambda lang: english if lang == "en" else day_words(day).say(lang))


@register(RULE)
def force_majeure_outdated_reference(ctx: Context):
    """Force majeure is defined by a repealed article (Code civil art. 1148).

    Code civil art. 1218, in force since 1 October 2016: « Il y a force majeure en matière
    contractuelle lorsqu'un événement échappant au contrôle du débiteur [...] ». A note: the
    contract still has force majeure, defined by art. 1218, not by the article cited.
    """
    clause = ctx.vendor.force_majeure
    if not isinstance(clause, ForceMajeure) or clause.legal_basis not in OUTDATED:
        return
    old, new, since, by = OUTDATED[clause.legal_basis]
    article, quote = source_of(clause)
    yield Finding(
        severity="note", family="force majeure", article=article, quote=quote, rule=RULE,
        explanation=Phrase("Force majeure is defined by reference to {old}, which no longer "
                           "defines it: {new} does since {since} ({by}). The terms are dated "
                           "« {version} »; art. 1218's definition applies whatever the "
                           "reference.", old=old, new=new, since=_long_date(since), by=by,
                           version=ctx.vendor.document.version),
        path="force_majeure.legal_basis")
