"""Clauses that let the vendor move a price beyond its index at its own discretion.

Code civil art. 1164: « Dans les contrats cadre, il peut être convenu que le prix sera fixé
unilatéralement par l'une des parties, à charge pour elle d'en motiver le montant en cas de
contestation. En cas d'abus dans la fixation du prix, le juge peut être saisi d'une demande
tendant à obtenir des dommages et intérêts et le cas échéant la résolution du contrat. »
Code de commerce L442-1 I 2°: liability for « soumettre ou [...] tenter de soumettre l'autre
partie à des obligations créant un déséquilibre significatif dans les droits et obligations des
parties ».

The worst case is quantified on a reference period where the index data is complete and on one
series: 1,000 EUR set on 2016-01-01, the price of a service on 2022-01-01 (six yearly
revisions, all on the old Syntec index, before its August 2022 revision), computed with
:func:`cgvlib.arithmetic.price.revise_price` (exact fractions, one rounding).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    eur_cents,
    register,
    source_of,
    variants_of,
)
from cgvlib.analysis.words import count_words, day_words, decimal_words, named, written
from cgvlib.arithmetic.price import revise_price, scheduled_dates
from cgvlib.errors import CgvError
from cgvlib.i18n import Joined, Phrase, Said
from cgvlib.reference.syntec import syntec_last_published, syntec_ratio

RULE = ("Code civil art. 1164 (« En cas d'abus dans la fixation du prix »); Code de commerce "
        "L442-1 I 2° (déséquilibre significatif)")
PRICE_EUR = 1_000
START = dt.date(2016, 1, 1)
END = dt.date(2022, 1, 1)
INDEX_NAMES = {"syntec": Phrase("Syntec index")}


def _percent(factor: Fraction) -> Said:
    """A change as a signed percentage: ``+12.34 %`` (``+12,34 %``)."""
    words = f"{float((factor - 1) * 100):+.2f} %"
    return Said(lambda lang: words if lang == "en" else words.replace(".", ","))


def _figures(ctx: Context, index: int, clause) -> tuple:
    """(index-path cents, worst-case cents, number of revisions, how) for the clause."""
    try:
        r = revise_price(ctx.vendor, PRICE_EUR, START, END, clause=index,
                         index_missing="refuse")
        return r.price_cents, r.worst_case_cents, len(r.revisions), Phrase("revision by revision")
    except CgvError:
        # the arithmetic cannot follow this clause: the index values directly, and the cap
        dates = [d for d in scheduled_dates(clause, START.year, END.year) if START < d <= END]
        ratio = syntec_ratio(syntec_last_published(END), syntec_last_published(START))
        worst = max(ratio, (1 + Fraction(clause.cap_percent) / 100) ** len(dates))
        cents = PRICE_EUR * 100
        return (cents * ratio, cents * worst, len(dates),
                Phrase("from the index values and the cap"))


@register(RULE)
def price_discretion_above_index(ctx: Context):
    """A price revision that lets the vendor raise prices above the index (up to a cap), with
    the worst case against the index path over a reference period.

    Code civil art. 1164: « En cas d'abus dans la fixation du prix, le juge peut être saisi
    [...] »; Code de commerce L442-1 I 2° (déséquilibre significatif). Clauses with the same
    rule and the same figures are reported together.
    """
    groups: dict[tuple, list[tuple[int, object]]] = {}
    for i, clause in enumerate(ctx.vendor.price_revision):
        variants, default = variants_of(clause)
        chosen = variants[default]
        if not chosen.above_index_allowed:
            continue
        if chosen.cap_percent is None:
            key = (None, chosen.kind, tuple(chosen.months))
        else:
            path, worst, revisions, how = _figures(ctx, i, clause)
            key = (chosen.cap_percent, chosen.kind, tuple(chosen.months), path, worst,
                   revisions, how)
        groups.setdefault(key, []).append((i, clause))
    for key, members in groups.items():
        first = members[0][1]
        _, quote = source_of(first)
        articles = ", ".join(dict.fromkeys(c.source.article for _, c in members))
        paths = ", ".join(f"price_revision[{i}]" for i, _ in members)
        what = Joined((written(a) for a in first.applies_to), " / ") if len(members) == 1 else (
            Phrase("{count} clauses, art. {articles}", count=len(members), articles=articles))
        index = INDEX_NAMES.get(first.index, named(first.index) if first.index
                                else Phrase("index"))
        if key[0] is None:
            text = Phrase("The vendor may raise the prices ({what}) above the index with no cap "
                          "stated.", what=what)
        else:
            cap, _, _, path, worst, revisions, how = key
            cents = PRICE_EUR * 100
            text = Phrase(
                "The prices ({what}) follow the {index} but the vendor may raise them above it, "
                "up to {cap} % a revision. On {price} EUR set on {start}, a service on {end} "
                "({revisions} revisions, old Syntec index; {how}): {path} by the index "
                "({path_change}), up to {worst} ({worst_change}) if the vendor uses its margin "
                "at every revision, {gap} ({gap_change}) above the index path.",
                what=what, index=index, cap=decimal_words(cap), price=count_words(PRICE_EUR),
                start=day_words(START), end=day_words(END), revisions=revisions, how=how,
                path=eur_cents(path), path_change=_percent(Fraction(path) / cents),
                worst=eur_cents(worst), worst_change=_percent(Fraction(worst) / cents),
                gap=eur_cents(Fraction(worst) - Fraction(path)),
                gap_change=_percent(Fraction(worst) / Fraction(path)))
        yield Finding(
            severity="risk", family="price revision", article=articles, quote=quote,
            rule=RULE, explanation=text, path=paths)
