"""Cancellation fees (frais d'annulation) for a scheduled event: a training session, an
appointment, a coaching session.

The vendors' schedules (``cancellation`` in the vendor files):

- Teogest, annexe 4 D (training sessions): « 100 % si l'annulation intervient moins de 8 jours
  avant la date de la formation, 50 % si l'annulation intervient entre 8 et 15 jours avant la
  date de la formation, 20 % si l'annulation intervient entre 16 jours et un mois avant la date
  de la formation, aucun si l'annulation intervient avant un mois avant le début de la
  formation. »
- Leappy, art. 8: « toute action non honorée mais non décommandée dans les quarante-huit (48)
  heures précédant la date de sa réalisation reste due au prestataire ».
- Michaël GOUT, art. 7 A: free « au moins 48 heures » before; « 50% du montant hors taxe
  estimé » under 48 h before the provider travels; « deux cent (200) euros hors taxe » when
  « la prestation ne peut être estimée »; « facturation intégrale du rendez-vous, si le
  Prestataire se déplace [...] (avec un minimum de deux cent euros) ».
- JANQUOR and ioSmart have no schedule. ioSmart only reserves « des frais d'annulation ou un
  dédommagement correspondant aux frais engagés et/ou aux prestations déjà réalisées », which
  the text does not quantify: there is no fee to compute, and the error says so.

Conventions of this module:

- The notice is ``event_at - cancelled_at``. A date (without a time) means midnight at the
  start of that day, so a training "le 31 mars" is 2024-03-31 00:00.
- Each bound of a tier is compared in its own unit:

  * ``hours``: the exact time between the two moments (48 h 00 min is « au moins 48 heures »,
    47 h 59 min is « moins de 48h »);
  * ``calendar_days`` (and ``weeks``, 7 days each): whole calendar days between the
    cancellation *date* and the event *date*, times of day ignored: a cancellation on
    2024-03-23 for a training on 2024-03-31 is 8 days before it. Counted this way the
    Teogest lines « moins de 8 jours », « entre 8 et 15 jours » and « entre 16 jours et un
    mois » leave no gap (counted in hours, (15, 16) days would be one);
  * ``months`` (and ``years``, 12 months each): « un mois avant la date de la formation » is
    ``add_months(event date, -1)``, clamped to month end (:mod:`cgvlib.reference.months`):
    for a training on 2024-03-31 it is 2024-02-29. A cancellation on that day is exactly one
    month before (« entre 16 jours et un mois »: 20 %), one on 2024-02-28 is more than a
    month before (« avant un mois »: no fee), one on 2024-03-01 is 30 days before (20 %);
  * ``jours_ouvres`` / ``jours_ouvrables``: :func:`~cgvlib.reference.calendar.count_days`
    from the cancellation date to the event date (none of the texts uses them here).

- A cancellation at or after the event's start (a zero or negative notice) falls in the tiers
  without a lower bound: the shortest-notice fee applies (a no-show is due in full at Leappy
  and Teogest; at GOUT 50 %, or the full amount once the provider has travelled). The result
  flags it (``after_event``).
- ``cancelled_at`` is when the client cancels. At Teogest the text also says « La confirmation
  de l'annulation sera effective à la réception par le Client d'un e-mail de confirmation par
  l'Editeur »; read against its drafter (Code civil art. 1190), the client's request counts.
- Facts: a tier may hold only when facts are true (``when`` in the vendor file, e.g. GOUT's
  ``travelled`` and ``estimable``). Pass them as keyword arguments; a fact the schedule needs
  to pick the tier and that is missing is an error naming it.
- The fee is ``fee_percent`` of ``amount`` (plus ``fee_amount`` when a tier has both), at
  least ``minimum``, rounded once half-up to the cent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    choose,
    euros,
    over_readings,
)
from cgvlib.arithmetic.working_words import (
    Worded,
    counted_words,
    day_words,
    decimal_words,
    duration_said,
    eur,
    file_words,
)
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, Said, say
from cgvlib.model.base import Duration, Silent
from cgvlib.model.fees import CancellationSchedule, CancellationTier
from cgvlib.model.vendor import Vendor
from cgvlib.money import BP_PER_UNIT, div_round_half_up, percent_to_bp, to_cents
from cgvlib.reference.calendar import count_days
from cgvlib.reference.months import months_before

#: What each fact named in a tier's ``when`` means, for error messages.
FACTS: dict[str, str] = {
    "travelled": "the provider travelled and the appointment did not take place "
    "(« si le Prestataire se déplace et que le rendez-vous n'a finalement pas lieu »)",
    "estimable": "the service can be estimated in time or amount "
    "(« si la prestation ne peut être estimée en temps / en montant » means estimable=False)",
}

_DAY_KINDS = {"jours_ouvres": "ouvré", "jours_ouvrables": "ouvrable"}
# The facts a tier's ``when`` names, as the working says them (the identifier in English).
FACT_NAMES = {"travelled": Phrase("the provider travelled", "fact"),
              "estimable": Phrase("the service can be estimated", "fact")}


def _minute_words(moment: dt.datetime) -> Said:
    """``2024-03-31 14:00`` in the English working, ``31 mars 2024 à 14:00`` in French."""
    return Said(lambda lang: f"{moment:%Y-%m-%d %H:%M}" if lang == "en" else
                Phrase("{day} at {time}", day=day_words(moment.date()),
                       time=f"{moment:%H:%M}").say(lang))


@dataclass(frozen=True, kw_only=True)
class CancellationResult(Result):
    """The fee for cancelling one event.

    ``fee`` / ``fee_cents``: the fee; ``amount``: the event's (estimated) amount it is computed
    on (None when a flat fee needs none); ``tier``: the line of the schedule that applies, in
    words, and ``tier_index`` its position; ``notice``: the exact time between cancellation and
    event, and ``notice_value`` the notice in ``notice_unit`` (whole calendar days, or hours);
    ``percent`` / ``flat`` / ``minimum``: the tier's terms; ``after_event``: the cancellation
    came at or after the event's start.
    """

    fee: Decimal
    fee_cents: int
    amount: Decimal | None
    schedule: str
    tier: str
    tier_index: int
    notice: dt.timedelta
    notice_value: Decimal
    notice_unit: str
    after_event: bool
    percent: Decimal | None = None
    flat: Decimal | None = None
    minimum: Decimal | None = None
    facts: Mapping[str, bool] = field(default_factory=dict)

    def headline(self, lang: str = "en") -> str:
        terms = []
        if self.percent is not None:
            of = ("" if self.amount is None else
                  Phrase(" of {amount}", amount=eur(to_cents(self.amount))))
            terms.append(Phrase("{percent} %{of}", percent=decimal_words(
                f"{self.percent.normalize():f}"), of=of))
        if self.flat is not None:
            terms.append(Phrase("flat {amount}", amount=eur(to_cents(self.flat))))
        if self.minimum is not None:
            terms.append(Phrase("minimum {amount}", amount=eur(to_cents(self.minimum))))
        return Phrase("cancellation fee {fee} ({terms}; notice {notice}: {tier})",
                      fee=eur(self.fee_cents), terms=Joined(terms, ", "),
                      notice=_notice_text(self.notice, self.notice_unit, self.notice_value),
                      tier=self.tier).say(lang)


# --------------------------------------------------------------------------- inputs


MOMENT_ADVICE = ("write a date such as 31/03/2024, 31 mars 2024 or 2024-03-31 (midnight), "
                 "with a time after it if needed: 31/03/2024 14:00, 31 mars 2024 à 14 h 30 or "
                 "2024-03-31T14:00")
# A time of day after the date, the French way or the ISO way: ``14:00``, ``14:00:30``,
# ``14 h``, ``14h30``, ``14 h 30``, optionally after ``à``.
_TIME_AFTER = re.compile(r"(?P<day>.+?)(?:\s+à)?\s+(?P<hour>\d{1,2})\s*(?::|h)\s*"
                         r"(?P<minute>\d{2})?(?::(?P<second>\d{2}))?", re.IGNORECASE)


def _time_of_day(match: re.Match, text: str, name: str) -> dt.time:
    hour, minute, second = (int(match[k] or 0) for k in ("hour", "minute", "second"))
    if hour > 23 or minute > 59 or second > 59:
        raise InputError(f"{name}: {text!r} has no such time of day ({hour:02d}:{minute:02d}"
                         f"{f':{second:02d}' if match['second'] else ''}); {MOMENT_ADVICE}")
    return dt.time(hour, minute, second)


def _as_moment(value, name: str) -> dt.datetime:
    """A date or datetime (or a typed one) as a datetime; a date means midnight (00:00).

    Text is a date as :func:`cgvlib.dates.as_date` reads it (``31/03/2024``, ``31 mars 2024``,
    ``2024-03-31``), optionally followed by a time of day (``31/03/2024 14:00``, ``31 mars
    2024 à 14 h``, ``31/03/2024 14h30``), or an ISO date and time (``2024-03-31T14:00``)."""
    if isinstance(value, dt.datetime):
        if value != value:  # pandas NaT
            raise InputError(f"{name}: missing date (NaT); give e.g. '2024-03-31' or "
                             "'2024-03-31T14:00'")
        return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, str):
        text = " ".join(value.split())
        if "T" in text:
            try:
                return dt.datetime.fromisoformat(text)
            except ValueError:
                raise InputError(f"{name}: {value!r} is not a date and time; "
                                 f"{MOMENT_ADVICE}") from None
        timed = _TIME_AFTER.fullmatch(text)
        if timed:
            day = _typed_day(timed["day"], value, name)
            return dt.datetime.combine(day, _time_of_day(timed, value, name))
        return dt.datetime.combine(_typed_day(text, value, name), dt.time())
    raise InputError(f"{name}: expected a date or datetime (or text such as '31/03/2024 "
                     f"14:00' or '2024-03-31T14:00'), got {type(value).__name__} {value!r}")


def _typed_day(text: str, value: str, name: str) -> dt.date:
    """The date part of a typed moment, by :func:`cgvlib.dates.as_date`: its refusal says what
    is wrong with the date; the forms of a moment replace its advice."""
    try:
        return as_date(text, name)
    except InputError as refused:
        raise InputError(f"{str(refused).split('; ')[0]}; {MOMENT_ADVICE}") from None


def _notice(event: dt.datetime, cancelled: dt.datetime) -> dt.timedelta:
    try:
        return event - cancelled
    except TypeError:
        raise InputError("event_at and cancelled_at: one has a time zone and the other has "
                         "not; give both with a time zone or both without") from None


def _schedule_of(v: Vendor, schedule) -> CancellationSchedule:
    """The vendor's schedule, chosen by ``schedule`` (words of its ``applies_to``, or index)."""
    schedules = list(v.cancellation)
    if not schedules:
        raise InputError(_no_schedule_message(v))
    return choose(schedules, schedule, argument="schedule",
                  what=f"{v.name} cancellation schedule", label=lambda s: s.applies_to)[1]


def _no_schedule_message(v: Vendor) -> str:
    """Why there is nothing to compute: no schedule, and what the text says instead."""
    message = f"{v.name}'s terms set no cancellation fee schedule, so there is no fee to compute"
    term = v.term
    charges = [] if isinstance(term, Silent) else [
        c for c in term.exit_charges if "cancel" in c.applies_to.lower()]
    for charge in charges:
        message += (f". For {charge.applies_to}, the text only says « {charge.source.quote} » "
                    f"(art. {charge.source.article}): not quantified (costs incurred and/or work "
                    "already done), so no amount can be computed")
    return message


def _facts(schedule: CancellationSchedule, facts: dict) -> dict[str, bool]:
    known = sorted({k for t in schedule.tiers for k in t.when})
    for name, value in facts.items():
        if name not in known:
            valid = ", ".join(known) if known else "none: this schedule depends on no fact"
            raise InputError(f"{name}: not a fact of this cancellation schedule "
                             f"({schedule.applies_to}); facts it uses: {valid}")
        if not isinstance(value, bool):
            raise InputError(f"{name}: expected True or False, got {value!r}")
    return dict(facts)


# --------------------------------------------------------------------------- notice vs bounds


def _sign(x) -> int:
    return (x > 0) - (x < 0)


def _whole(value: Decimal, unit: str) -> int:
    if value != value.to_integral_value():
        raise InputError(f"a notice bound of {value} {unit} is not a whole number of {unit}; "
                         "only hours may be fractional")
    return int(value)


def compare_notice(bound: Duration, cancelled: dt.datetime, event: dt.datetime) -> int:
    """The sign of (notice - bound): 1 longer, 0 exactly, -1 shorter, in the bound's unit."""
    unit = bound.unit
    if unit == "hours":
        micros = (event - cancelled) // dt.timedelta(microseconds=1)
        return _sign(Decimal(micros) - bound.value * 3_600_000_000)
    day_from, day_to = cancelled.date(), event.date()
    if unit in ("calendar_days", "weeks"):
        days = (day_to - day_from).days
        return _sign(Decimal(days) - bound.value * (7 if unit == "weeks" else 1))
    if unit in _DAY_KINDS:
        days = (day_to - day_from).days  # sign only, when the event is not after
        if day_to > day_from:
            days = count_days(day_from, day_to, _DAY_KINDS[unit])
        return _sign(Decimal(days) - bound.value)
    if unit in ("months", "years"):
        months = _whole(bound.value, unit) * (12 if unit == "years" else 1)
        anchor = months_before(day_to, months)  # "un mois avant la date de la formation"
        return 1 if day_from < anchor else 0 if day_from == anchor else -1
    raise InputError(f"a notice bound in {unit} cannot be computed here (heures ouvrées are not "
                     "modelled); convert the bound to hours or days in the vendor file")


def bounds_hold(tier: CancellationTier, compare: Callable[[Duration], int]) -> bool:
    checks = (
        (tier.at_least, lambda c: c >= 0),
        (tier.more_than, lambda c: c > 0),
        (tier.at_most, lambda c: c <= 0),
        (tier.less_than, lambda c: c < 0),
    )
    return all(test(compare(bound)) for bound, test in checks if bound is not None)


def _describe(tier: CancellationTier) -> Worded:
    words = [said(duration_said(bound)) for said, bound in (
        (lambda b: Phrase("at least {bound}", bound=b), tier.at_least),
        (lambda b: Phrase("more than {bound}", bound=b), tier.more_than),
        (lambda b: Phrase("at most {bound}", bound=b), tier.at_most),
        (lambda b: Phrase("less than {bound}", bound=b), tier.less_than)) if bound is not None]
    parts = [Phrase("notice {bounds}", bounds=Joined(
        [w for i, word in enumerate(words) for w in ([Phrase(" and ", "list")] if i else [])
         + [word]])) if words else Phrase("any notice")]
    if tier.when:
        parts.append(Phrase(" when {facts}", facts=Joined(
            (Said(lambda lang, k=k, v=v: f"{k}={v}" if lang == "en" else
                  f"{say(FACT_NAMES.get(k, k), lang)} : "
                  f"{say(Phrase('yes') if v else Phrase('no'), lang)}")
             for k, v in tier.when.items()), ", ")))
    return Worded(Joined(parts))


def _display_unit(schedule: CancellationSchedule) -> str:
    """The unit the notice is reported in: hours for an hour-based schedule, else days."""
    for tier in schedule.tiers:
        for bound in (tier.at_least, tier.more_than, tier.at_most, tier.less_than):
            if bound is not None:
                return bound.unit if bound.unit in ("hours", *_DAY_KINDS) else "calendar_days"
    return "hours"


def _notice_value(unit: str, cancelled: dt.datetime, event: dt.datetime) -> Decimal:
    if unit == "hours":
        micros = (event - cancelled) // dt.timedelta(microseconds=1)
        return Decimal(micros) / Decimal(3_600_000_000)
    days = (event.date() - cancelled.date()).days
    if unit in _DAY_KINDS and days > 0:
        days = count_days(cancelled.date(), event.date(), _DAY_KINDS[unit])
    return Decimal(days)


def _notice_text(notice: dt.timedelta, unit: str, value: Decimal) -> str | Said:
    if unit != "hours":
        return Said(lambda lang: f"{value} {unit.replace('_', ' ')}" if lang == "en" else
                    counted_words(value, unit, lang))
    sign = "-" if notice < dt.timedelta(0) else ""
    seconds = abs(notice) // dt.timedelta(seconds=1)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours} h {minutes:02d} min" + (f" {secs:02d} s" if secs else "")


def _match(schedule: CancellationSchedule, compare, facts: dict[str, bool]):
    """The one tier whose bounds hold and whose facts are true; errors name missing facts."""
    candidates, missing = [], set()
    for i, tier in enumerate(schedule.tiers):
        if not bounds_hold(tier, compare):
            continue
        if any(k in facts and facts[k] != v for k, v in tier.when.items()):
            continue
        need = [k for k in tier.when if k not in facts]
        missing.update(need)
        candidates.append((i, tier))
    if missing:
        lines = "; ".join(f"{k}: {FACTS.get(k, 'a condition of the schedule')}"
                          for k in sorted(missing))
        raise InputError(f"missing fact(s) {', '.join(sorted(missing))}: the fee for this notice "
                         f"depends on them; pass them as True or False ({lines})")
    if not candidates:
        raise InputError(f"no line of the schedule ({schedule.applies_to}) covers this notice "
                         "with these facts: the text leaves a gap here")
    if len(candidates) > 1:
        raise InputError("the schedule's lines " + ", ".join(str(i) for i, _ in candidates)
                         + " overlap for this notice; the vendor file needs fixing")
    return candidates[0]


# --------------------------------------------------------------------------- entry point


def cancellation_fee(vendor, amount, event_at, cancelled_at, *, schedule=None, reading=None,
                     **facts) -> CancellationResult:
    """The fee for cancelling an event scheduled at ``event_at``, cancelled at ``cancelled_at``.

    ``amount``: the event's price or estimated amount in euros (GOUT: « montant hors taxe
    estimé »; Teogest: the price of the training); it may be None only when the tier that
    applies is a flat fee. ``event_at`` / ``cancelled_at``: dates (midnight) or datetimes, or
    text: ``31/03/2024``, ``31 mars 2024`` or ``2024-03-31`` (midnight), with a time if needed
    (``31/03/2024 14:00``, ``31 mars 2024 à 14 h``, ``2024-03-31T14:00``). ``schedule``: words
    of the schedule's ``applies_to`` or its index, when the vendor has several. ``facts``:
    the conditions some tiers need (GOUT: ``travelled``, ``estimable``). See the module
    docstring for how the notice is counted.
    """
    v = as_vendor(vendor)
    chosen = _schedule_of(v, schedule)
    event = _as_moment(event_at, "event_at")
    cancelled = _as_moment(cancelled_at, "cancelled_at")
    notice = _notice(event, cancelled)
    amount_c = None if amount is None else amount_cents(amount, "amount")
    given = _facts(chosen, facts)

    def one(sched: CancellationSchedule) -> CancellationResult:
        return _compute(v, sched, amount_c, event, cancelled, notice, given)

    return over_readings(chosen, one, reading=reading)


def _compute(v, sched, amount_c, event, cancelled, notice, facts) -> CancellationResult:
    def compare(bound):
        return compare_notice(bound, cancelled, event)

    index, tier = _match(sched, compare, facts)
    unit = _display_unit(sched)
    value = _notice_value(unit, cancelled, event)
    after_event = notice <= dt.timedelta(0)
    working = [
        Worded(Phrase("event ({what}) at {event}; cancelled at {cancelled}",
                      what=file_words(sched.applies_to), event=_minute_words(event),
                      cancelled=_minute_words(cancelled))),
        Worded(Joined((Phrase("notice: {notice}", notice=_notice_text(notice, unit, value)),
                       Phrase(" (whole calendar days from the cancellation date to the event "
                              "date)") if unit == "calendar_days" else ""))),
    ]
    if after_event:
        working.append(Worded(Phrase("the cancellation is at or after the event's start: the "
                                     "lines without a lower bound on the notice apply")))
    for bound in (tier.at_least, tier.more_than, tier.at_most, tier.less_than):
        if bound is not None and bound.unit in ("months", "years"):
            months = _whole(bound.value, bound.unit) * (12 if bound.unit == "years" else 1)
            working.append(Worded(Phrase(
                "{bound} before the event: {day} (add_months, clamped to month end)",
                bound=duration_said(bound), day=day_words(months_before(event.date(), months)))))
    working.append(Worded(Phrase("line {index}: {tier}", index=index, tier=_describe(tier))))

    numerator = 0
    if tier.fee_percent is not None:
        bp = percent_to_bp(tier.fee_percent, "fee_percent")
        if amount_c is None and bp:  # a 0 % line needs no amount
            raise InputError(f"amount: this line of the schedule is {tier.fee_percent} % of "
                             f"{sched.of}; give the amount in euros")
        numerator = (amount_c or 0) * bp
        of = Phrase("the amount") if amount_c is None else eur(amount_c)
        working.append(Worded(Phrase("{percent} % of {of} ({what})",
                                     percent=decimal_words(tier.fee_percent), of=of,
                                     what=file_words(sched.of))))
    if tier.fee_amount is not None:
        numerator += to_cents(tier.fee_amount) * BP_PER_UNIT
        working.append(Worded(Phrase("flat fee {amount}",
                                     amount=eur(to_cents(tier.fee_amount)))))
    cents = div_round_half_up(numerator, BP_PER_UNIT)
    if tier.minimum is not None and cents < to_cents(tier.minimum):
        working.append(Worded(Phrase("{fee} is below the minimum {minimum}: the minimum is due",
                                     fee=eur(cents), minimum=eur(to_cents(tier.minimum)))))
        cents = to_cents(tier.minimum)
    working.append(Worded(Phrase("fee: {fee}", fee=eur(cents))))
    if tier.note:
        working.append(Worded(Phrase("note: {note}", note=file_words(tier.note))))
    return CancellationResult(
        vendor=v.name, working=tuple(working), sources=(sched.source, tier.source),
        fee=euros(cents), fee_cents=cents,
        amount=None if amount_c is None else euros(amount_c),
        schedule=sched.applies_to, tier=_describe(tier), tier_index=index,
        notice=notice, notice_value=value, notice_unit=unit, after_event=after_event,
        percent=tier.fee_percent, flat=tier.fee_amount, minimum=tier.minimum, facts=dict(facts),
    )


__all__ = ["CancellationResult", "cancellation_fee"]
