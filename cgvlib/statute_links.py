"""The official text of each statute article the lessons, notebooks and report cite, on
Légifrance, written once here.

An article is linked by its stable Légifrance address (``codes/article_lc/LEGIARTI...``,
which opens the version in force; L442-1's address is its first version's, which Légifrance
keeps for the article through its rewritings since 2019).

:func:`link_citations` turns every citation of these articles in a Markdown text into a link to
its text (``L441-10 II`` becomes ``[L441-10](https://...) II``), leaving the links already
there as they are; :func:`unlinked_citations` lists the citations a text leaves without their
link. A citation is the article's compact number as the project writes it: ``L441-1``,
``L441-10``, ``D441-5``, ``L442-1`` (Code de commerce), ``1218``, ``1231-5`` (Code civil).
"""

from __future__ import annotations

import re

from cgvlib.errors import InputError

LEGIFRANCE = "https://www.legifrance.gouv.fr"


def _article(legiarti: str) -> str:
    return f"{LEGIFRANCE}/codes/article_lc/{legiarti}"


STATUTE_URLS: dict[str, str] = {
    # Code de commerce: terms of sale between professionals (payment terms, penalties, indemnity)
    "L441-1": _article("LEGIARTI000038414469"),
    # Code de commerce: payment terms, late penalties, the recovery indemnity
    "L441-10": _article("LEGIARTI000038414392"),
    # Code de commerce (regulatory part): the indemnity's 40 euros
    "D441-5": _article("LEGIARTI000043197457"),
    # Code de commerce: abrupt ending of an established commercial relationship
    "L442-1": _article("LEGIARTI000006232255"),
    # Code civil: force majeure (since 1 October 2016)
    "1218": _article("LEGIARTI000032041431"),
    # Code civil: penalty clauses a judge may moderate
    "1231-5": _article("LEGIARTI000032010131"),
}

# a citation: one of the articles, not inside a longer number or identifier
CITATION = re.compile(r"(?<![\w.\-/])(L441-10|L441-1|D441-5|L442-1|1231-5|1218)(?![\w\-]|[.,]\d)")
# a Markdown link: [text](address)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)\)")


def statute_url(article: str) -> str:
    """The Légifrance address of ``article`` (``"L441-10"``, ``"1231-5"``...)."""
    if article not in STATUTE_URLS:
        raise InputError(f"article: {article!r} has no link; valid: {', '.join(STATUTE_URLS)}")
    return STATUTE_URLS[article]


def statute_link(article: str, words: str | None = None) -> str:
    """A Markdown link to ``article``'s text, its words ``words`` (the article by default)."""
    return f"[{words or article}]({statute_url(article)})"


def link_citations(markdown: str) -> str:
    """``markdown`` with every citation outside a link made a link to its article's text."""
    pieces, start = [], 0
    for link in _LINK.finditer(markdown):
        pieces.append(_linked(markdown[start:link.start()]))
        pieces.append(link.group(0))
        start = link.end()
    pieces.append(_linked(markdown[start:]))
    return "".join(pieces)


def _linked(text: str) -> str:
    return CITATION.sub(lambda m: statute_link(m.group(1)), text)


def unlinked_citations(markdown: str) -> list[str]:
    """The citations of ``markdown`` that are not the text of a link to their own article:
    outside any link, or in a link to another address."""
    missing, start = [], 0
    for link in _LINK.finditer(markdown):
        missing += CITATION.findall(markdown[start:link.start()])
        missing += [cited for cited in CITATION.findall(link.group(1))
                    if STATUTE_URLS[cited] != link.group(2)]
        start = link.end()
    return missing + CITATION.findall(markdown[start:])


__all__ = ["CITATION", "STATUTE_URLS", "link_citations",
           "statute_link", "statute_url", "unlinked_citations"]
