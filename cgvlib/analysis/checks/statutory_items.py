"""The mentions the terms of sale must carry: payment term, penalty rate, recovery indemnity.

Code de commerce:

- L441-1 I: the terms of sale include « les conditions de règlement »;
- L441-10 II: « Les conditions de règlement mentionnées au I de l'article L. 441-1 précisent
  les conditions d'application et le taux d'intérêt des pénalités de retard [...] ainsi que le
  montant de l'indemnité forfaitaire pour frais de recouvrement »; « Tout professionnel en
  situation de retard de paiement est de plein droit débiteur [...] d'une indemnité
  forfaitaire pour frais de recouvrement, dont le montant est fixé par décret »;
- D441-5: « Le montant de l'indemnité forfaitaire pour frais de recouvrement [...] est fixé à
  40 euros »;
- L441-10 I: « Le délai convenu entre les parties pour régler les sommes dues ne peut dépasser
  soixante jours à compter de la date d'émission de la facture. Par dérogation, un délai
  maximal de quarante-cinq jours fin de mois [...] peut être convenu ».
"""

from __future__ import annotations

from decimal import Decimal

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    group_readings,
    readings_words,
    register,
    source_of,
    variants_of,
)
from cgvlib.analysis.words import decimal_words, written
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.base import Silent
from cgvlib.model.payment import LatePayment, RecoveryIndemnity

INDEMNITY_RULE = ("Code de commerce L441-10 II (« le montant de l'indemnité forfaitaire pour "
                  "frais de recouvrement »), D441-5 (« est fixé à 40 euros »)")
RATE_RULE = ("Code de commerce L441-1 I, L441-10 II (« précisent les conditions d'application "
             "et le taux d'intérêt des pénalités de retard »)")
TERM_RULE = "Code de commerce L441-1 I (« les conditions de règlement »), L441-10 I"
LIMIT_RULE = ("Code de commerce L441-10 I (« ne peut dépasser soixante jours à compter de la "
              "date d'émission de la facture »; « quarante-cinq jours fin de mois »)")
STATUTORY_INDEMNITY = Decimal(40)
MAX_DAYS = {"days_after_invoice": 60, "days_after_performance": 60, "days_end_of_month": 45}
MAX_WORDS = {"days_after_invoice": Phrase("60 days from the invoice date"),
             "days_after_performance": Phrase("60 days from the invoice date (an invoice is "
                                              "issued at the earliest on performance)"),
             "days_end_of_month": Phrase("45 days end of month")}


def _context(ctx: Context) -> tuple[str, str]:
    """Article and quote of the late-payment clause, where the indemnity is expected."""
    lp = ctx.vendor.late_payment
    return source_of(lp) if isinstance(lp, LatePayment) else ("", "")


@register(INDEMNITY_RULE)
def recovery_indemnity_missing(ctx: Context):
    """The terms do not mention the fixed recovery indemnity at all.

    L441-10 II: the terms « précisent [...] le montant de l'indemnité forfaitaire pour frais de
    recouvrement »; D441-5: « est fixé à 40 euros ». It is due by law anyway.
    """
    if not isinstance(ctx.vendor.recovery_indemnity, Silent):
        return
    article, quote = _context(ctx)
    where = (Phrase(" (the late-payment clause, art. {article}, does not mention it)",
                    article=article) if article else "")
    yield Finding(
        severity="breach", family="recovery indemnity", article=article, quote=quote,
        rule=INDEMNITY_RULE,
        explanation=Phrase("The terms never mention the fixed recovery indemnity{where}. "
                           "L441-10 II requires the terms to state its amount; it is due by law "
                           "all the same: 40 EUR per invoice paid late (D441-5).", where=where),
        path="recovery_indemnity")


@register(INDEMNITY_RULE)
def recovery_indemnity_amount_missing(ctx: Context):
    """The indemnity is named without its amount.

    L441-10 II: the terms « précisent [...] le montant de l'indemnité forfaitaire »; D441-5:
    « est fixé à 40 euros ».
    """
    clause = ctx.vendor.recovery_indemnity
    if not isinstance(clause, RecoveryIndemnity):
        return
    variants, default = variants_of(clause)
    if variants[default].amount is not None:
        return
    article, quote = source_of(clause)
    yield Finding(
        severity="breach", family="recovery indemnity", article=article, quote=quote,
        rule=INDEMNITY_RULE,
        explanation=Phrase("The terms name the fixed recovery indemnity but not its amount, "
                           "which L441-10 II requires them to state; D441-5 sets it at 40 EUR "
                           "per invoice paid late."),
        path="recovery_indemnity.amount")


@register(INDEMNITY_RULE)
def recovery_indemnity_amount_not_40(ctx: Context):
    """The indemnity's amount is not the 40 EUR D441-5 sets.

    D441-5: « Le montant de l'indemnité forfaitaire pour frais de recouvrement [...] est fixé à
    40 euros »; a creditor whose costs are higher may claim more only « sur justification »
    (L441-10 II).
    """
    clause = ctx.vendor.recovery_indemnity
    if not isinstance(clause, RecoveryIndemnity):
        return
    variants, default = variants_of(clause)
    amounts = {name: v.amount for name, v in variants.items()}
    article, quote = source_of(clause)
    for names, amount in group_readings(amounts, default):
        if amount is None or amount == STATUTORY_INDEMNITY:
            continue
        reading = readings_words(names, default, len(variants))
        lower = amount < STATUTORY_INDEMNITY
        yield Finding(
            severity="breach" if default in names else "risk", family="recovery indemnity",
            article=article, quote=quote, rule=INDEMNITY_RULE,
            explanation=Phrase(
                "The terms set the indemnity at {amount} EUR{reading}, not the 40 EUR of "
                "D441-5: {consequence}", amount=decimal_words(amount),
                reading=Joined((" ", reading)) if reading else "",
                consequence=Phrase("the creditor is owed 40 EUR whatever the terms say.")
                if lower else Phrase("more than 40 EUR is owed only on justification of the "
                                     "costs (L441-10 II), not as a fixed sum.")),
            path="recovery_indemnity.amount")


@register(INDEMNITY_RULE)
def recovery_indemnity_per_unpaid_sum(ctx: Context):
    """The indemnity is counted per unpaid sum, not per invoice paid late.

    L441-10 II: « Tout professionnel en situation de retard de paiement est de plein droit
    débiteur [...] d'une indemnité forfaitaire »; D441-5 sets it per invoice (« 40 euros »).
    A note: counted per sum, one invoice paid in several late sums costs more than 40 EUR.
    """
    clause = ctx.vendor.recovery_indemnity
    if not isinstance(clause, RecoveryIndemnity):
        return
    variants, default = variants_of(clause)
    if variants[default].per != "unpaid_sum":
        return
    article, quote = source_of(clause)
    amount = variants[default].amount
    yield Finding(
        severity="note", family="recovery indemnity", article=article, quote=quote,
        rule=INDEMNITY_RULE,
        explanation=Phrase(
            "The indemnity{amount} is due per unpaid sum rather than per invoice paid late: an "
            "invoice settled in several late instalments (or a late deposit and a late balance) "
            "would bear it more than once, beyond the statutory scheme of one indemnity per "
            "invoice (D441-5).",
            amount=Phrase(" of {amount} EUR", amount=decimal_words(amount))
            if amount is not None else ""),
        path="recovery_indemnity.per")


@register(RATE_RULE)
def late_rate_missing(ctx: Context):
    """The terms state no late-penalty rate.

    L441-10 II: the terms « précisent les conditions d'application et le taux d'intérêt des
    pénalités de retard »; failing that, the ECB refinancing rate plus 10 points applies.
    """
    if not isinstance(ctx.vendor.late_payment, Silent):
        return
    yield Finding(
        severity="breach", family="late payment", article="", quote="", rule=RATE_RULE,
        explanation=Phrase("The terms state no late-penalty rate, which L441-10 II requires "
                           "them to state; the statutory rate applies: the ECB refinancing rate "
                           "of the semester plus 10 points."),
        path="late_payment")


@register(TERM_RULE)
def payment_term_missing(ctx: Context):
    """An invoice's payment term is not stated.

    L441-1 I: the terms of sale include « les conditions de règlement »; L441-10 I: failing
    them, « le délai de règlement des sommes dues est fixé au trentième jour suivant la date de
    réception des marchandises ou d'exécution de la prestation demandée ».
    """
    for i, term in enumerate(ctx.vendor.payment_terms):
        variants, default = variants_of(term)
        if variants[default].kind != "unstated":
            continue
        article, quote = source_of(term)
        yield Finding(
            severity="breach", family="payment terms", article=article, quote=quote,
            rule=TERM_RULE,
            explanation=Phrase("No payment term is stated for {what}: the terms must state the "
                               "conditions of payment (L441-1 I). Failing them, L441-10 I sets "
                               "the 30th day after performance (or delivery).",
                               what=written(term.applies_to)),
            path=f"payment_terms[{i}]")


@register(LIMIT_RULE)
def payment_term_too_long(ctx: Context):
    """A payment term exceeds 60 days from the invoice, or 45 days end of month.

    L441-10 I: « Le délai convenu entre les parties pour régler les sommes dues ne peut dépasser
    soixante jours à compter de la date d'émission de la facture. Par dérogation, un délai
    maximal de quarante-cinq jours fin de mois [...] peut être convenu ». A breach when the
    default reading exceeds it, a risk when only another reading does.
    """
    for i, term in enumerate(ctx.vendor.payment_terms):
        variants, default = variants_of(term)
        over = {name: (v.kind, v.days) for name, v in variants.items()
                if v.kind in MAX_DAYS and v.days > MAX_DAYS[v.kind]}
        if not over:
            continue
        article, quote = source_of(term)
        for names, (kind, days) in group_readings(over, default):
            reading = readings_words(names, default, len(variants))
            yield Finding(
                severity="breach" if default in names else "risk", family="payment terms",
                article=article, quote=quote, rule=LIMIT_RULE,
                explanation=Phrase(
                    "The term for {what} is {term}{reading}, beyond the statutory maximum of "
                    "{maximum}.", what=written(term.applies_to),
                    term=Phrase("{days} days end of month", days=days)
                    if kind == "days_end_of_month" else Phrase("{days} days", days=days),
                    reading=Joined((" (", reading, ")")) if reading else "",
                    maximum=MAX_WORDS[kind]),
                path=f"payment_terms[{i}].days")
