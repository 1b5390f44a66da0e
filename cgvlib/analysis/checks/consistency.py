"""Internal contradictions and drafting errors.

Every contradiction a reader found is recorded in the vendor file as an ``ambiguity`` block
(the clause's readings and the default one, Code civil art. 1190: « Dans le doute, [...] le
contrat d'adhésion [s'interprète] contre celui qui l'a proposé »). :func:`ambiguous_clause`
reports each of them; the other checks read the model's structure for specific kinds of
contradiction (a formal notice both required and not, a payment term stated two ways, a
duration stated in two units, an obligation put on the wrong party). The article numbers
read from the vendor's text are :mod:`cgvlib.analysis.checks.numbering`'s.
"""

from __future__ import annotations

from decimal import Decimal

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    family_of,
    reading_names,
    register,
    source_of,
    variants_of,
)
from cgvlib.analysis.words import (
    SEMICOLON,
    Worded,
    decimal_words,
    duration_words,
    listed,
    named,
    written,
)
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.ambiguity import nested_clauses
from cgvlib.model.base import Duration, Strict
from cgvlib.model.payment import LatePayment
from cgvlib.model.term import ExitCharge

INTERPRETATION = ("Code civil art. 1190 (« le contrat d'adhésion [s'interprète] contre celui qui "
                  "l'a proposé »)")
CONSISTENCY = Worded(Phrase("internal consistency"))
NOTICE_RULE = Worded(Joined((CONSISTENCY, "; Code de commerce L441-10 II (« Les pénalités de "
                             "retard sont exigibles sans qu'un rappel soit nécessaire »)")))


@register(INTERPRETATION)
def ambiguous_clause(ctx: Context):
    """A clause the text lets be read several ways (one finding per ambiguity of the file),
    with its readings and the default one.

    Code civil art. 1190: « Dans le doute, [...] le contrat d'adhésion [s'interprète] contre
    celui qui l'a proposé »: the default reading is the one less favourable to the drafter,
    unless the file says why not.
    """
    for path, clause in ctx.vendor.ambiguities():
        amb = clause.ambiguity
        article, quote = source_of(clause)
        readings = listed(Phrase("{name}: {means}", name=named(r.name), means=written(r.means))
                          for r in amb.readings)
        yield Finding(
            severity="ambiguity", family=family_of(path), article=article, quote=quote,
            rule=INTERPRETATION,
            explanation=Phrase("{note} Readings: {readings}. Default: {default} ({why})",
                               note=written(amb.note), readings=readings,
                               default=named(amb.default), why=written(amb.why_default)),
            path=path)


@register(NOTICE_RULE)
def formal_notice_contradiction(ctx: Context):
    """The late-payment clause both requires a formal notice before penalties and says none is
    needed.

    L441-10 II: « Les pénalités de retard sont exigibles sans qu'un rappel soit nécessaire »: a
    reading that makes penalties conditional on a formal notice adds a condition the law does
    not impose (it restricts the creditor, not the client).
    """
    clause = ctx.vendor.late_payment
    if not isinstance(clause, LatePayment):
        return
    variants, default = variants_of(clause)
    by_value: dict[str, list[str]] = {}
    for name, variant in variants.items():
        by_value.setdefault(variant.formal_notice, []).append(name)
    if set(by_value) != {"required", "not_required"}:
        return
    article, quote = source_of(clause)
    chosen = (Phrase("formal notice required") if default in by_value["required"]
              else Phrase("formal notice not required"))
    yield Finding(
        severity="ambiguity", family="late payment", article=article, quote=quote,
        rule=NOTICE_RULE,
        explanation=Phrase(
            "The clause says both that penalties need a prior formal notice (readings "
            "{required}) and that they run without any reminder (readings {not_required}). "
            "Default: {chosen} ({default}). The law makes penalties due without a reminder "
            "(L441-10 II); a notice requirement binds only the vendor who wrote it.",
            required=reading_names(by_value["required"]),
            not_required=reading_names(by_value["not_required"]), chosen=chosen,
            default=named(default)),
        path="late_payment.formal_notice")


def _term_words(term) -> Phrase:
    match term.kind:
        case "on_receipt":
            return Phrase("on receipt of the invoice")
        case "days_after_invoice":
            return Phrase("{days} days after the invoice date", days=term.days)
        case "days_after_performance":
            return Phrase("{days} days after performance", days=term.days)
        case "days_end_of_month":
            return Phrase("{days} days end of month", days=term.days)
        case "in_advance":
            return Phrase("before the period it covers")
        case _:
            return Phrase("at a date the terms do not state")


@register(CONSISTENCY)
def payment_term_stated_two_ways(ctx: Context):
    """A payment term the text states two ways (e.g. « payables à réception, dans les dix (10)
    jours »): its readings give different due dates.

    Internal consistency: the due date decides when late penalties start (L441-10 II: « le
    jour suivant la date de règlement figurant sur la facture »).
    """
    for i, term in enumerate(ctx.vendor.payment_terms):
        variants, default = variants_of(term)
        words = {name: _term_words(v) for name, v in variants.items()}
        if len({str(w) for w in words.values()}) < 2:
            continue
        article, quote = source_of(term)
        items = listed((Phrase("{name}: due {when}", name=named(name), when=w)
                         for name, w in words.items()))
        yield Finding(
            severity="ambiguity", family="payment terms", article=article, quote=quote,
            rule=CONSISTENCY,
            explanation=Phrase("The payment term for {what} is stated two ways ({listed}); the "
                               "due date, hence the first day of late penalties, differs. "
                               "Default: {default}.", what=written(term.applies_to),
                               listed=items, default=named(default)),
            path=f"payment_terms[{i}]")


def _durations(obj, path: str = "") -> dict[str, Duration]:
    """Every Duration in ``obj`` (a clause), by field path relative to it."""
    found: dict[str, Duration] = {}
    if isinstance(obj, Duration):
        return {path: obj}
    if isinstance(obj, Strict):
        for name in type(obj).model_fields:
            if name in ("ambiguity", "source"):
                continue
            sub = f"{path}.{name}" if path else name
            found.update(_durations(getattr(obj, name), sub))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            found.update(_durations(item, f"{path}[{i}]"))
    return found


DAYS_PER_UNIT = {"calendar_days": Decimal(1), "weeks": Decimal(7), "hours": Decimal(1) / 24}


def _in_days(d: Duration) -> Decimal | None:
    per = DAYS_PER_UNIT.get(d.unit)
    return None if per is None else d.value * per


def _num(d: Decimal) -> str:
    return f"{d.normalize():f}"


@register(CONSISTENCY)
def duration_units_disagree(ctx: Context):
    """One rule whose duration the text states in two units that disagree (90 days against
    12 weeks = 84 days): the clause's readings give the same field in different units.

    Internal consistency: a duration between the two figures falls under one and not the other.
    """
    for path, clause in ctx.vendor.ambiguities():
        readings = clause.readings()
        per_field: dict[str, dict[str, Duration]] = {}
        for name, reading in readings.items():
            for field, duration in _durations(reading).items():
                per_field.setdefault(field, {})[name] = duration
        for field, values in per_field.items():
            if len({d.unit for d in values.values()}) < 2:
                continue
            days = {name: _in_days(d) for name, d in values.items()}
            items = listed((
                Phrase("{name}: {duration} ({days} days)", name=named(name),
                       duration=duration_words(d), days=decimal_words(_num(days[name])))
                if d.unit != "calendar_days" and days[name] is not None
                else Phrase("{name}: {duration}", name=named(name), duration=duration_words(d))
                for name, d in values.items()))
            text = Phrase("The same rule states its duration in two units ({listed})",
                          listed=items)
            known = [v for v in days.values() if v is not None]
            if len(known) == len(days) and len(set(known)) > 1:
                low, high = min(known), max(known)
                text = Phrase("The same rule states its duration in two units ({listed}): they "
                              "disagree by {gap} days, so a duration of more than {low} and at "
                              "most {high} days falls under one and not the other",
                              listed=items, gap=decimal_words(_num(high - low)),
                              low=decimal_words(_num(low)), high=decimal_words(_num(high)))
            article, quote = source_of(clause)
            yield Finding(
                severity="ambiguity", family=family_of(path), article=article, quote=quote,
                rule=CONSISTENCY,
                explanation=Phrase("{text}. Default: {default}.", text=text,
                                   default=named(clause.ambiguity.default)),
                path=f"{path}.{field}")


@register(Joined((CONSISTENCY, SEMICOLON, INTERPRETATION)))
def obligation_on_wrong_party(ctx: Context):
    """A charge due on the client's exit that the text, as written, puts on the vendor.

    Internal consistency: an exit charge is what the client owes when leaving. Code civil art.
    1190 reads a standard-form contract against its drafter: the vendor may be held to its
    words and lose the claim the clause was meant to give it.
    """
    for path, clause in nested_clauses(ctx.vendor):
        if not isinstance(clause, ExitCharge):
            continue
        if clause.default_reading().payer != "vendor":
            continue
        article, quote = source_of(clause)
        yield Finding(
            severity="risk", family=family_of(path), article=article, quote=quote,
            rule=Joined((CONSISTENCY, SEMICOLON, INTERPRETATION)),
            explanation=Phrase("On {what}, the text makes the vendor, not the client, owe the "
                               "sums for the services performed up to the effective date: an "
                               "obligation put on the wrong party. Read literally and against "
                               "its drafter (art. 1190), the vendor could lose its claim to be "
                               "paid for that work.", what=written(clause.applies_to)),
            path=f"{path}.payer")
