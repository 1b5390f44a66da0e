"""Jurisdiction clauses: who chooses the court, whether it exists, whether it can hear the case.

- Code de procédure civile art. 48: « Toute clause qui, directement ou indirectement, déroge
  aux règles de compétence territoriale est réputée non écrite à moins qu'elle n'ait été
  convenue entre des personnes ayant toutes contracté en qualité de commerçant et qu'elle n'ait
  été spécifiée de façon très apparente dans l'engagement de la partie à qui elle est
  opposée. » A court left to one party's later choice is not a court agreed on.
- Code de commerce L721-3: the tribunaux de commerce hear disputes « relatives aux engagements
  entre commerçants [...] » and « relatives aux actes de commerce entre toutes personnes ».
- Code de commerce D721-1 and its annexe 7-1 set the seats of the tribunaux de commerce: the
  vendor file records in ``court_exists`` whether the court it names exists (with the reason
  in its note); the check reads that field, never a list of its own.
"""

from __future__ import annotations

import unicodedata

from cgvlib.analysis.checks.base import Context, Finding, register, source_of
from cgvlib.analysis.words import first_sentence, written
from cgvlib.i18n import Phrase
from cgvlib.model.procedure import Jurisdiction

CPC_48 = Phrase("Code de procédure civile art. 48 (a forum clause binds only parties who all "
                "contracted as traders)")
EXISTS_RULE = Phrase("Code de commerce D721-1 and annexe 7-1 (seats of the tribunaux de "
                     "commerce)")
STATUS_RULE = Phrase("Code de procédure civile art. 48; Code de commerce L721-3 (the tribunal "
                     "de commerce hears disputes between traders)")


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _clauses(ctx: Context):
    for i, clause in enumerate(ctx.vendor.jurisdiction):
        if isinstance(clause, Jurisdiction):
            yield i, clause.default_reading(), clause


@register(CPC_48)
def court_chosen_by_one_party(ctx: Context):
    """The clause lets one party choose the court after the dispute arises.

    CPC art. 48: a forum clause must be « convenue entre des personnes ayant toutes contracté en
    qualité de commerçant »; a court left to one party's choice is not agreed on, and a clause
    depending on one party's will alone may be set aside; the ordinary rules (the defendant's
    domicile, CPC art. 42 and 46) then apply.
    """
    for i, reading, clause in _clauses(ctx):
        if reading.chosen_by != "vendor":
            continue
        article, quote = source_of(clause)
        yield Finding(
            severity="risk", family="jurisdiction", article=article, quote=quote, rule=CPC_48,
            explanation=Phrase("For {what}, the court is the one the vendor chooses, not one the "
                               "parties agreed on: the client cannot foresee where it may be "
                               "sued, and a court may hold the clause void (CPC art. 48), the "
                               "ordinary rules of jurisdiction then applying.",
                               what=written(clause.applies_to)),
            path=f"jurisdiction[{i}].chosen_by")


@register(EXISTS_RULE)
def court_does_not_exist(ctx: Context):
    """The clause names a court that does not exist (as the vendor file records it in
    ``court_exists``, with its reason).

    Code de commerce D721-1 and annexe 7-1 set the seats of the tribunaux de commerce: a clause
    naming a court that has no seat cannot operate.
    """
    for i, reading, clause in _clauses(ctx):
        if reading.court_exists is not False:
            continue
        article, quote = source_of(clause)
        why = first_sentence(clause.note) if clause.note else ""
        explanation = (Phrase("For {what}, the clause names the {court}, a court that does not "
                              "exist ({why}). The clause cannot operate as written.",
                              what=written(clause.applies_to), court=reading.court,
                              why=written(why)) if why else
                       Phrase("For {what}, the clause names the {court}, a court that does not "
                              "exist. The clause cannot operate as written.",
                              what=written(clause.applies_to), court=reading.court))
        yield Finding(
            severity="risk", family="jurisdiction", article=article, quote=quote,
            rule=EXISTS_RULE, explanation=explanation,
            path=f"jurisdiction[{i}].court")


@register(STATUS_RULE)
def court_competence_depends_on_status(ctx: Context):
    """The clause names a tribunal judiciaire for disputes with professional clients: whether
    it binds, and which court is competent, depend on the parties' status.

    CPC art. 48: a forum clause binds only parties « ayant toutes contracté en qualité de
    commerçant »; Code de commerce L721-3: disputes between traders go to the tribunal de
    commerce. A note.
    """
    for i, reading, clause in _clauses(ctx):
        if reading.court is None or "tribunal judiciaire" not in _fold(reading.court):
            continue
        article, quote = source_of(clause)
        yield Finding(
            severity="note", family="jurisdiction", article=article, quote=quote,
            rule=STATUS_RULE,
            explanation=Phrase("The clause names the {court}. Between traders, disputes go to the "
                               "tribunal de commerce (L721-3), not the tribunal judiciaire; with "
                               "a client who is not a trader (an individual, an association, a "
                               "liberal profession) the tribunal judiciaire may be competent, but "
                               "the forum clause does not bind that client (CPC art. 48). Which "
                               "court hears a dispute depends on each client's status.",
                               court=reading.court),
            path=f"jurisdiction[{i}].court")
