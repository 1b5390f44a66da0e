"""Article numbers read from the vendor's text: a number used for two headings, and a
reference to an article the text does not have.

Both checks read the vendor's own text (``document.file`` beside the vendor file, else in the
context's texts folder: :func:`cgvlib.model.loader.vendor_text`); when
it is not at hand they report a ``note`` saying they did not run. A citation by article number
must designate one clause of the terms: a number two headings share, or a number no heading
has, designates none for sure (internal consistency).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cgvlib.analysis.checks.base import Context, Finding, family_of, not_computed, register
from cgvlib.analysis.checks.consistency import CONSISTENCY
from cgvlib.analysis.words import listed
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.citations import normalise
from cgvlib.model.loader import vendor_text

# Headings: « Article 4 : Paiement », « 5AB2– Acomptes financiers », « 14.1.2 Prix des Modules »,
# « 1. CHAMP D'APPLICATION »: a label of digits (dotted, possibly followed by capital letters and
# a digit), a separator, then a title starting with a capital letter, on a short line.
LABEL = r"\d+(?:\.\d+)*[A-Z]{0,3}\d?"
HEADING = re.compile(
    rf"^(?:(?i:article|art\.)\s+)?(?P<label>{LABEL})\.?\s*(?:[:)–—-]\s*|\s+)"
    r"(?P<title>\S.{0,100})$")
NEW_SCOPE = re.compile(r"^(?i:annexe)\b")  # an annex may restart the numbering
MAX_HEADING_CHARS = 110
# References in the running text: « à l'article 7.2 ci-dessus », « voir article 7 »,
# « l'Article 8 « Maintenance » », « l'article 7.1 des présentes Conditions Générales ».
REFERENCE = re.compile(rf"\b(?i:articles?|art\.)\s+(?P<label>{LABEL})\b")
# ... unless another instrument follows: « l'article 1148 du Code civil », « l'article 28 du
# RGPD », « aux articles 1641 et suivants du Code civil » (but « des présentes », « du présent
# contrat » are the text itself).
OTHER_INSTRUMENT = re.compile(r"^\s*(?:et suivants\s+)?(?:du|de la|de l['’]|des)\s+(?!présent)",
                              re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")
MAX_QUOTE = 200


def headings(text: str) -> list[tuple[int, str, str]]:
    """The numbered headings of a text: (line number, label, whole line), annexes restarting
    the numbering (their headings get the label ``"<annex line>/<label>"``)."""
    found, scope = [], ""
    for number, raw in enumerate(text.splitlines(), 1):
        line = " ".join(raw.split())
        if NEW_SCOPE.match(line):
            scope = f"{line[:20]}/"
            continue
        m = HEADING.match(line)
        if (m is None or len(line) > MAX_HEADING_CHARS or not m["title"][0].isupper()
                or line.endswith((".", ",", ";", ":"))):
            continue
        found.append((number, scope + m["label"].upper(), line))
    return found


def article_labels(text: str) -> set[str]:
    """Every article number the text gives a heading: its numbered headings, and any line
    opening with « Article N », however long (« ARTICLE 12. TRAITEMENT DES DONNÉES À
    CARACTÈRE PERSONNEL DANS LE CADRE DU RGPD ET [...] »)."""
    labels = {label.split("/")[-1] for _, label, _ in headings(text)}
    for raw in text.splitlines():
        m = REFERENCE.match(" ".join(raw.split()))
        if m is not None:
            labels.add(m["label"].upper())
    return labels


def references(text: str) -> list[tuple[int, str, str]]:
    """The text's references to its own articles, outside its headings: (line number, label,
    the sentence holding the reference, white space normalised)."""
    heading_lines = {number for number, _, _ in headings(text)}
    found = []
    for number, raw in enumerate(text.splitlines(), 1):
        if number in heading_lines:
            continue
        line = " ".join(raw.split())
        for m in REFERENCE.finditer(line):
            if m.start() == 0 or OTHER_INSTRUMENT.match(line[m.end():]):
                continue  # a heading « Article N ... », or another instrument's article
            found.append((number, m["label"].upper(), _sentence(line, m.start())))
    return found


def _sentence(line: str, at: int) -> str:
    """The sentence of ``line`` around position ``at``, cut to a quote's length."""
    start = 0
    for end in SENTENCE_END.finditer(line):
        if end.start() >= at:
            return line[start:end.start()][:MAX_QUOTE]
        start = end.end()
    return line[start:][:MAX_QUOTE]


def _text(ctx: Context, check_id: str) -> Iterator[str | Finding]:
    """The vendor's text, or the note saying ``check_id`` could not read it."""
    doc = ctx.vendor.document
    path = vendor_text(ctx.vendor, ctx.texts_dir)  # beside the vendor file, else texts_dir
    if path is None:
        yield not_computed(check_id, Phrase(
            "the vendor's text {file} is not in {folder}, so the article numbers were not read",
            file=doc.file or Phrase("(no file named)"), folder=ctx.texts_dir),
            path="document.file")
        return
    yield path.read_text(encoding="utf-8")


@register(CONSISTENCY)
def duplicate_article_number(ctx: Context):
    """An article number the text uses for two different headings (read from the vendor's
    text; a note naming the reason when the text is not at hand).

    Internal consistency: a citation by article number no longer designates one clause.
    """
    raw = next(_text(ctx, "duplicate_article_number"))
    if isinstance(raw, Finding):
        yield raw
        return
    by_label: dict[str, list[tuple[int, str]]] = {}
    for number, label, line in headings(raw):
        by_label.setdefault(label, []).append((number, line))
    for label, lines in by_label.items():
        if len(lines) < 2:
            continue
        shown = label.split("/")[-1]
        cited = [p.removesuffix(".source") for p, s in ctx.vendor.citations()
                 if s.article.split(" (")[0].strip() == shown]
        items = listed((Phrase("line {line}: « {text} »", line=n, text=text)
                         for n, text in lines))
        parts = [Phrase("The text numbers {count} different headings « {label} » ({listed}): a "
                        "reference to article {label} does not say which.", count=len(lines),
                        label=shown, listed=items)]
        if cited:
            parts.append(Phrase(" The file cites it at {paths}.", paths=", ".join(cited)))
        yield Finding(
            severity="note", family=family_of(cited[0]) if cited else "document",
            article=shown, quote=" … ".join(text for _, text in lines)[:200], rule=CONSISTENCY,
            explanation=Joined(parts),
            path=", ".join(cited) or "document.file")


def _has_article(labels: set[str], label: str) -> bool:
    """Whether a heading is numbered ``label``, or a sub-article of it (7.1 makes 7 exist)."""
    return label in labels or any(other.startswith(f"{label}.") for other in labels)


@register(CONSISTENCY)
def reference_to_missing_article(ctx: Context):
    """The text refers to one of its own articles by a number no heading of the text has (read
    from the vendor's text: its references against its numbered headings; a note naming the
    reason when the text is not at hand).

    Internal consistency: « l'article 7.2 ci-dessus » in a text without an article 7.2
    designates no clause, so what the reference imports (a limitation, a definition) must be
    guessed. References to other instruments (« l'article 1148 du Code civil », « du RGPD »)
    are not the text's own and are left out.
    """
    raw = next(_text(ctx, "reference_to_missing_article"))
    if isinstance(raw, Finding):
        yield raw
        return
    numbered = headings(raw)
    labels = article_labels(raw)
    missing: dict[str, list[tuple[int, str]]] = {}
    for number, label, sentence in references(raw):
        if not _has_article(labels, label):
            missing.setdefault(label, []).append((number, sentence))
    for label, places in missing.items():
        cited = [p.removesuffix(".source") for p, s in ctx.vendor.citations()
                 if any(normalise(s.fragments()[0]) in normalise(sentence)
                        or normalise(sentence) in normalise(s.quote) for _, sentence in places)]
        items = listed((Phrase("line {line}: « {text} »", line=n, text=sentence)
                         for n, sentence in places))
        headings_words = (Phrase("the text numbers no heading at all") if not labels else
                          Phrase("no heading of the text is numbered {label} or under it",
                                 label=label))
        parts = [Phrase("The text refers to article {label} ({listed}) but has no article "
                        "{label}: {headings}. The reference designates no clause of these terms, "
                        "so what it refers to must be guessed.", label=label, listed=items,
                        headings=headings_words)]
        if cited:
            parts.append(Phrase(" The file cites that passage at {paths}.",
                                paths=", ".join(cited)))
        yield Finding(
            severity="note", family=family_of(cited[0]) if cited else "document",
            article=_article_before(numbered, places[0][0]), quote=places[0][1],
            rule=CONSISTENCY,
            explanation=Joined(parts),
            path=", ".join(cited) or "document.file")


def _article_before(numbered: list[tuple[int, str, str]], line: int) -> str:
    """The label of the last heading before ``line`` ("" when none)."""
    before = [label.split("/")[-1] for number, label, _ in numbered if number < line]
    return before[-1] if before else ""
