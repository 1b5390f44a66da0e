"""Gaps and overlaps in tiered schedules: service-credit tiers and cancellation fees.

A schedule should give one answer for every figure: every unavailability rate in exactly one
credit tier, every notice of cancellation (under every combination of the facts its lines
depend on) in exactly one line. What the text leaves uncovered is an ambiguity (Code civil art.
1190 then reads it against the drafter); a schedule that stops before the largest figures
leaves those unstated.

SLA tiers are compared as the model bounds them (inclusive ``from``/``to``, exclusive
``above``). Cancellation notices are probed the way :mod:`cgvlib.arithmetic.cancellation`
counts them (hours exactly; calendar days and weeks by date; months by calendar month with
end-of-month clamping), for events on several dates of the year (month lengths differ), so a
gap this check reports is one the arithmetic meets.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from cgvlib.analysis.checks.base import (
    Context,
    Finding,
    readings_words,
    register,
    source_of,
    variants_of,
)
from cgvlib.analysis.describe import fact_words
from cgvlib.analysis.words import day_words, decimal_words, duration_words, listed, named, written
from cgvlib.arithmetic.cancellation import bounds_hold, compare_notice
from cgvlib.i18n import Joined, Phrase, Said
from cgvlib.model.fees import CancellationSchedule, CancellationTier
from cgvlib.model.sla import Sla

RULE = Phrase("internal consistency; Code civil art. 1190 (a gap is read against the drafter)")

# --------------------------------------------------------------------------- SLA tiers


def _num(d: Decimal):
    """A figure with the digits it has (``0.205``; ``0,205`` in French)."""
    return decimal_words(f"{Decimal(d).normalize():f}")


def _tier_words(tier) -> Phrase:
    values = dict(low=_num(tier.low), credit=_num(tier.credit_percent))
    if tier.to_percent is not None:
        values["high"] = _num(tier.to_percent)
        if tier.from_percent is not None:
            return Phrase("from {low} to {high} %: {credit} % credit", **values)
        return Phrase("above {low} to {high} %: {credit} % credit", **values)
    if tier.from_percent is not None:
        return Phrase("from {low} %: {credit} % credit", **values)
    return Phrase("above {low} %: {credit} % credit", **values)


@register(RULE)
def sla_tier_gap(ctx: Context):
    """A monthly unavailability rate between two credit tiers falls in neither (one finding
    per gap, with an example value and the credit under each reading).

    Internal consistency; Code civil art. 1190 reads the gap against the drafter.
    """
    sla = ctx.vendor.sla
    if not isinstance(sla, Sla):
        return
    variants, default = variants_of(sla)
    written = variants[default]
    for i, (low, high) in enumerate(written.gaps()):
        below = next(t for t in written.tiers if t.to_percent == low)
        above = next(t for t in written.tiers if t.low == high)
        example = (low + high) / 2
        credits = {"lower_tier": below.credit_percent, "upper_tier": above.credit_percent}
        readings = listed((Phrase("{name}: {credit} %", name=named(name),
                                  credit=_num(credits[v.between_tiers]))
                           for name, v in variants.items()))
        index = written.tiers.index(below)
        yield Finding(
            severity="ambiguity", family="service levels", article=below.source.article,
            quote=f"{below.source.quote} … {above.source.quote}"[:200], rule=RULE,
            explanation=Phrase("Gap {number}: a monthly unavailability rate above {low} % and "
                               "below {high} % (e.g. {example} %) falls in no tier: the tier "
                               "below gives {below} %, the tier above {above} % credit. Credit "
                               "by reading: {readings} (default {default}).", number=i + 1,
                               low=_num(low), high=_num(high), example=_num(example),
                               below=_num(below.credit_percent),
                               above=_num(above.credit_percent), readings=readings,
                               default=named(default)),
            path=f"sla.tiers[{index}], sla.tiers[{index + 1}]")


@register(RULE)
def sla_tiers_stop_short(ctx: Context):
    """The credit tiers do not reach 0 % or stop below 100 % unavailability: rates beyond the
    first or last tier earn an unstated credit.

    Internal consistency; Code civil art. 1190.
    """
    sla = ctx.vendor.sla
    if not isinstance(sla, Sla):
        return
    variants, default = variants_of(sla)
    tiers = variants[default].tiers
    first, last = tiers[0], tiers[-1]
    if first.low > 0:
        yield Finding(
            severity="ambiguity", family="service levels", article=first.source.article,
            quote=first.source.quote, rule=RULE,
            explanation=Phrase("The first tier ({tier}) starts above 0 %: a rate below {low} % "
                               "(e.g. {example} %) is in no tier.", tier=_tier_words(first),
                               low=_num(first.low), example=_num(first.low / 2)),
            path="sla.tiers[0]")
    if last.to_percent is not None and last.to_percent < 100:
        example = last.to_percent + 1
        yield Finding(
            severity="ambiguity", family="service levels", article=last.source.article,
            quote=last.source.quote, rule=RULE,
            explanation=Phrase("The last tier ({tier}) stops at {high} %: a higher rate (e.g. "
                               "{example} %) is in no tier, though it is the worst case for the "
                               "client: the text does not say what it earns.",
                               tier=_tier_words(last), high=_num(last.to_percent),
                               example=_num(example)),
            path=f"sla.tiers[{len(tiers) - 1}]")


# --------------------------------------------------------------------------- cancellation

# Events on dates whose previous months have 28, 29, 30 and 31 days, at 09:00.
PROBE_EVENTS = tuple(dt.datetime(y, m, d, 9) for y, m, d in (
    (2024, 1, 31), (2024, 2, 29), (2024, 3, 1), (2024, 3, 31), (2024, 5, 31), (2024, 7, 15),
    (2024, 12, 31), (2025, 2, 28), (2025, 3, 29), (2025, 3, 31)))
TIMES = (dt.time(0, 0), dt.time(8, 59), dt.time(9, 0), dt.time(23, 59))
DAYS_PER = {"hours": Decimal(1) / 24, "calendar_days": Decimal(1), "weeks": Decimal(7),
            "months": Decimal(31), "years": Decimal(366), "jours_ouvres": Decimal(2),
            "jours_ouvrables": Decimal(2), "working_hours": Decimal(1)}


def _bounds(tier: CancellationTier):
    return [b for b in (tier.at_least, tier.more_than, tier.at_most, tier.less_than)
            if b is not None]


def _horizon(schedule: CancellationSchedule) -> int:
    """Days of notice past every bound of the schedule (the probes go that far back)."""
    longest = max((b.value * DAYS_PER[b.unit] for t in schedule.tiers for b in _bounds(t)),
                  default=Decimal(0))
    return int(longest) * 2 + 3


def _moments(schedule: CancellationSchedule, event: dt.datetime) -> list[dt.datetime]:
    """Cancellation moments to probe for ``event``: every day back to the horizon at a few
    times of day, and a minute either side of each bound counted in hours."""
    moments = {event + dt.timedelta(hours=1)}  # after the event's start (a no-show)
    for days in range(_horizon(schedule) + 1):
        day = event.date() - dt.timedelta(days=days)
        moments.update(dt.datetime.combine(day, t) for t in TIMES)
    for tier in schedule.tiers:
        for b in _bounds(tier):
            if b.unit == "hours":
                edge = event - dt.timedelta(hours=float(b.value))
                moments.update(edge + dt.timedelta(minutes=k) for k in (-1, 0, 1))
    return sorted(m for m in moments)


def _facts(schedule: CancellationSchedule) -> list[dict[str, bool]]:
    keys = sorted({k for t in schedule.tiers for k in t.when})
    return [dict(zip(keys, values, strict=True))
            for values in itertools.product((False, True), repeat=len(keys))]


def _holding(schedule: CancellationSchedule, cancelled, event) -> tuple[int, ...]:
    """The lines whose notice bounds a cancellation at ``cancelled`` meets, whatever the facts."""
    def compare(bound):
        return compare_notice(bound, cancelled, event)

    return tuple(i for i, t in enumerate(schedule.tiers) if bounds_hold(t, compare))


def _applying(schedule: CancellationSchedule, facts: dict[str, bool]) -> frozenset[int]:
    """The lines whose conditions (``when``) the facts meet."""
    return frozenset(i for i, t in enumerate(schedule.tiers)
                     if all(facts.get(k) == v for k, v in t.when.items()))


def _hours_based(schedule: CancellationSchedule) -> bool:
    return any(b.unit == "hours" for t in schedule.tiers for b in _bounds(t))


def _notice(schedule, cancelled: dt.datetime, event: dt.datetime) -> Phrase:
    if cancelled >= event:
        return Phrase("at or after the event's start (a no-show)")
    if _hours_based(schedule):
        minutes = int((event - cancelled).total_seconds() // 60)
        return Phrase("{hours} h {minutes} min before the event", hours=minutes // 60,
                      minutes=f"{minutes % 60:02d}")
    days = (event.date() - cancelled.date()).days
    return Phrase("{days} calendar days before the event (cancelled {cancelled}, event {event})",
                  days=days, cancelled=day_words(cancelled.date()),
                  event=day_words(event.date()))


def _key(hours_based: bool, cancelled, event):
    if cancelled >= event:
        return ("after",)
    if hours_based:
        return ("h", int((event - cancelled).total_seconds() // 60))
    return ("d", (event.date() - cancelled.date()).days)


def _probes(schedule: CancellationSchedule) -> tuple:
    """Per probe event: the far cancellation (years ahead) and the lines its bounds meet, then
    each probe moment (longest notice first) with the lines its bounds meet. The bounds do not
    depend on the facts, so they are computed once for all combinations of facts."""
    found = []
    for event in PROBE_EVENTS:
        far = event - dt.timedelta(days=_horizon(schedule) * 3 + 400)
        found.append((event, far, _holding(schedule, far, event),
                      tuple((m, _holding(schedule, m, event))
                            for m in _moments(schedule, event))))
    return tuple(found)


_SCANS: dict[str, list] = {}  # by the schedule's content: three checks scan each schedule


def _scan(schedule: CancellationSchedule) -> list:
    """Per combination of facts: the uncovered probes (gaps), the probes in several lines
    (overlaps), and whether the longest notices are uncovered (the schedule stops short).

    Probes with a longer notice than any covered one belong to the stopping short, not to a
    gap, when the farthest probe (years ahead) is uncovered too.
    """
    key = schedule.model_dump_json()
    if key not in _SCANS:
        if len(_SCANS) > 256:  # many schedules seen (edited files): start afresh
            _SCANS.clear()
        _SCANS[key] = _scanned(schedule)
    return _SCANS[key]


def _scanned(schedule: CancellationSchedule) -> list:
    events = _probes(schedule)
    hours_based = _hours_based(schedule)
    out = []
    for facts in _facts(schedule):
        applying = _applying(schedule, facts)
        gaps, overlaps, short = {}, {}, None
        for event, far, far_holding, moments in events:
            far_uncovered = not applying.intersection(far_holding)
            if far_uncovered:
                short = short or (far, event)
            probes = [(m, [i for i in holding if i in applying]) for m, holding in moments]
            covered = [m for m, hits in probes if hits]
            for moment, hits in probes:
                key = _key(hours_based, moment, event)
                if not hits:
                    if far_uncovered and (not covered or moment < covered[0]):
                        continue  # beyond the longest line: stopping short, not a gap
                    gaps.setdefault(key, (moment, event))
                elif len(hits) > 1:
                    overlaps.setdefault(key, (moment, event, tuple(hits)))
        out.append((facts, gaps, overlaps, short))
    return out


def _facts_words(facts: dict[str, bool]) -> Phrase | str:
    """`` when a=False, b=True`` (each fact by its name, yes or no, in French)."""
    if not facts:
        return ""
    listed = Joined((_fact_words(k, v) for k, v in facts.items()), ", ")
    return Phrase(" when {facts}", facts=listed)


def _fact_words(fact: str, value: bool):
    """``travelled=False`` in English; in French, the fact in words (the comparison's
    :func:`~cgvlib.analysis.describe.fact_words`)."""
    said = fact_words(fact, value)
    return Said(lambda lang: f"{fact}={value}" if lang == "en" else said.say(lang))


def _in_brackets(words):
    """`` (words)``, or nothing for no words."""
    return Joined((" (", words, ")")) if words else ""


def _schedules(ctx: Context):
    for i, schedule in enumerate(ctx.vendor.cancellation):
        variants, default = variants_of(schedule)
        for name, variant in variants.items():
            reading = readings_words([name], default, len(variants))
            yield i, schedule, variant, reading


@register(RULE)
def cancellation_gap(ctx: Context):
    """A notice of cancellation (for some combination of the facts the lines depend on) that no
    line of the schedule covers, with examples.

    Internal consistency; Code civil art. 1190 reads the gap against the drafter.
    """
    for i, schedule, variant, reading in _schedules(ctx):
        for facts, gaps, _, _ in _scan(variant):
            if not gaps:
                continue
            examples = [_notice(variant, m, e) for m, e in (gaps[k] for k in sorted(gaps)[:3])]
            article, quote = source_of(schedule)
            yield Finding(
                severity="ambiguity", family="cancellation", article=article, quote=quote,
                rule=RULE,
                explanation=Phrase("No line of the schedule for {what} covers some notices"
                                   "{facts}{reading}: e.g. {examples}. The fee for them is "
                                   "unstated.", what=written(schedule.applies_to),
                                   facts=_facts_words(facts), reading=_in_brackets(reading),
                                   examples=listed(examples)),
                path=f"cancellation[{i}].tiers")


@register(RULE)
def cancellation_overlap(ctx: Context):
    """A notice of cancellation that two lines of the schedule both cover (with different
    fees, or the same), with an example.

    Internal consistency.
    """
    for i, schedule, variant, reading in _schedules(ctx):
        for facts, _, overlaps, _ in _scan(variant):
            if not overlaps:
                continue
            moment, event, hits = overlaps[min(overlaps)]
            article, quote = source_of(schedule)
            lines = Joined((Phrase("line {number}", number=h + 1) for h in hits), ", ")
            yield Finding(
                severity="ambiguity", family="cancellation", article=article, quote=quote,
                rule=RULE,
                explanation=Phrase("Lines of the schedule for {what} overlap{facts}{reading}: a "
                                   "cancellation {notice} falls in {lines}.",
                                   what=written(schedule.applies_to), facts=_facts_words(facts),
                                   reading=_in_brackets(reading),
                                   notice=_notice(variant, moment, event), lines=lines),
                path=f"cancellation[{i}].tiers")


@register(RULE)
def cancellation_schedule_stops_short(ctx: Context):
    """The schedule has no line for the longest notices: what a cancellation well ahead of the
    event costs is unstated (read against the drafter: nothing).

    Internal consistency; Code civil art. 1190.
    """
    for i, schedule, variant, reading in _schedules(ctx):
        for facts, _, _, short in _scan(variant):
            if short is None:
                continue
            longest = max((b for t in variant.tiers for b in _bounds(t)),
                          key=lambda b: b.value * DAYS_PER[b.unit], default=None)
            article, quote = source_of(schedule)
            yield Finding(
                severity="ambiguity", family="cancellation", article=article, quote=quote,
                rule=RULE,
                explanation=Phrase("The schedule for {what} stops short{facts}{reading}: no line "
                                   "covers a cancellation made longer before the event than its "
                                   "longest bound ({longest}); the text does not say what it "
                                   "costs, and read against its drafter it costs nothing.",
                                   what=written(schedule.applies_to), facts=_facts_words(facts),
                                   reading=_in_brackets(reading),
                                   longest=duration_words(longest)),
                path=f"cancellation[{i}].tiers")
