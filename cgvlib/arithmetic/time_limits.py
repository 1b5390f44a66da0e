"""Time limits: the date by which (or from which) a party must act, from the event that starts
the clock, counted in the text's own unit.

Units (:class:`~cgvlib.model.base.Duration`) and how they are counted from the event date:

- ``calendar_days``: the N-th calendar day after the event (jours calendaires);
- ``jours_ouvres`` / ``jours_ouvrables``: the N-th jour ouvré (Monday-Friday) / ouvrable
  (Monday-Saturday) strictly after the event, French public holidays excluded
  (:func:`cgvlib.reference.calendar.add_days`);
- ``weeks``: 7 x N calendar days; ``months`` / ``years``: the same day N months (12 N months)
  later, clamped to the month's end (:func:`cgvlib.reference.months.add_months`);
- ``hours``: N hours after the event's start (a date is read as midnight);
- ``working_hours`` (« heures ouvrées »), as the clause's ``hours_counted`` says. The texts do
  not define them, so a vendor file records two readings (Teogest annex 2):
  ``jours_ouvres_24h``: 24 hours to a jour ouvré, N hours = N / 24 jours ouvrés rounded up to
  whole days, counted like jours ouvrés (48 heures ouvrées from Monday 2024-05-06: 2 jours
  ouvrés, 7 and, past the holidays of 8 and 9 May, 10 May); ``opening_hours``: N hours of the
  clause's ``opening_hours`` (:func:`opening_hours_end`), public holidays closed, from the
  event's moment (a date is read as 00:00, so the whole of that day's opening hours count);
  the date is then the moment the N-th hour ends. When the deadline binds the vendor, the
  earlier date (the 24-hour reading) is the default (Code civil art. 1190).

The clause's ``limit`` says what the date means: ``within`` (the last day to act), ``not_before``
(the first day the step may happen), ``at_most`` (the end of the longest period allowed),
``example`` (a figure the text gives as an example, not a rule).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import pandas as pd
from babel.dates import get_day_names

from cgvlib.arithmetic.common import Result, as_vendor, choose, clause_of, over_readings
from cgvlib.arithmetic.working_words import (
    Worded,
    duration_said,
    file_words,
    moment_words,
)
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, Said
from cgvlib.lang import BABEL_LOCALES
from cgvlib.model.base import Duration
from cgvlib.model.procedure import WEEKDAYS, Deadline, OpeningHours
from cgvlib.reference.calendar import add_days, is_public_holiday
from cgvlib.reference.months import add_months

LIMIT_WORDS = {
    "within": Phrase("no later than"),
    "not_before": Phrase("not before"),
    "at_most": Phrase("at most until"),
    "example": Phrase("for example by (the text gives it as an example, not a rule)"),
}
WORKING_HOURS_PER_DAY = 24


@dataclass(frozen=True, kw_only=True)
class TimeLimitResult(Result):
    what: str
    topic: str
    party: str
    limit: str
    duration: str
    from_event: str
    start: dt.date
    date: dt.date | dt.datetime
    duration_words: Said = field(default=None, repr=False, compare=False)  # for the headline

    def figures(self) -> dict:
        """The figures, without the duration's words (the ``duration`` figure says it)."""
        figures = super().figures()
        del figures["duration_words"]
        return figures

    def headline(self, lang: str = "en") -> str:
        return Phrase("{what}: {limit} {date} ({duration} from {start})",
                      what=file_words(self.what), limit=LIMIT_WORDS[self.limit],
                      date=moment_words(self.date), duration=self.duration_words,
                      start=moment_words(self.start)).say(lang)


def limit_date(duration: Duration, start: dt.date | dt.datetime, *, region: str = "metropole",
               opening_hours: OpeningHours | None = None):
    """The date ``duration`` after ``start``, counted in the duration's own unit (module doc);
    ``working_hours`` are counted in ``opening_hours`` when they are given."""
    n = duration.value
    if duration.unit == "working_hours" and opening_hours is not None:
        return opening_hours_end(start, n, opening_hours, region=region)
    day = start.date() if isinstance(start, dt.datetime) else start
    match duration.unit:
        case "calendar_days" | "weeks":
            factor = 7 if duration.unit == "weeks" else 1
            return add_days(day, int(n * factor), "calendar")
        case "jours_ouvres":
            return add_days(day, int(n), "ouvré", region=region)
        case "jours_ouvrables":
            return add_days(day, int(n), "ouvrable", region=region)
        case "months" | "years":
            factor = 12 if duration.unit == "years" else 1
            return add_months(day, int(n * factor))
        case "hours":
            moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(
                start, dt.time())
            return moment + dt.timedelta(hours=float(n))
        case "working_hours":
            days = math.ceil(n / WORKING_HOURS_PER_DAY)
            return add_days(day, days, "ouvré", region=region)
    raise ValueError(duration.unit)


#: A bound on the days an opening-hours count may scan (a week always has an open span).
_MAX_SCAN_DAYS = 366 * 10


def opening_hours_end(start: dt.date | dt.datetime, hours, opening: OpeningHours, *,
                      region: str = "metropole") -> dt.datetime:
    """The moment ``hours`` hours of ``opening`` have elapsed from ``start`` (a date is read as
    00:00), French public holidays of ``region`` closed.

    Teogest (art. 9: Monday to Thursday 9:30-12:00 and 13:30-18:00, Friday to 17:00): 48 hours
    from Monday 2024-05-06 00:00 are 7 (Mon 6) + 7 (Tue 7) + 6 (Fri 10; 8 and 9 May are
    holidays) + 7 + 7 + 7 (Mon 13 - Wed 15) + 7 (Thu 16) = 48: Thursday 2024-05-16 18:00.
    The count ends when the last hour ends, at the close of a span when it fills it.
    """
    moment = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    remaining = dt.timedelta(hours=float(hours))
    if remaining != dt.timedelta(seconds=int(hours * 3600)):
        raise InputError(f"hours: {hours} is not a whole number of seconds")
    if remaining <= dt.timedelta(0):
        return moment
    day = moment.date()
    for _ in range(_MAX_SCAN_DAYS):
        if not is_public_holiday(day, region=region):
            for opens, closes in opening.spans(day.weekday()):
                begin = max(dt.datetime.combine(day, opens), moment)
                end = (dt.datetime.combine(day, closes) if closes is not None
                       else dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))
                if begin >= end:
                    continue
                if end - begin >= remaining:
                    return begin + remaining
                remaining -= end - begin
        day += dt.timedelta(days=1)
    raise InputError(f"start: no {hours} opening hours within ten years of {start}")


def _hours_text(opening: OpeningHours) -> Said:
    """``Mon 09:30-12:00, 13:30-18:00; ...`` (``lun. 09:30-12:00, ...`` in French)."""
    def words(lang: str) -> str:
        names = (None if lang == "en" else
                 get_day_names("abbreviated", locale=BABEL_LOCALES[lang]))
        parts = []
        for i, name in enumerate(WEEKDAYS):
            spans = getattr(opening, name)
            if spans:
                day = name[:3].capitalize() if names is None else names[i]
                parts.append(f"{day} {', '.join(spans)}")
        return ("; " if lang == "en" else " ; ").join(parts)
    return Said(words)


def _compute(vendor_name: str, clause: Deadline, start, region: str) -> TimeLimitResult:
    in_opening_hours = (clause.duration.unit == "working_hours"
                        and clause.hours_counted == "opening_hours")
    date = limit_date(clause.duration, start, region=region,
                      opening_hours=clause.opening_hours if in_opening_hours else None)
    working = [Worded(Phrase("from {start} ({event}): {duration} -> {date}",
                             start=moment_words(start), event=file_words(clause.from_event),
                             duration=duration_said(clause.duration),
                             date=moment_words(date)))]
    sources = [clause.source]
    if in_opening_hours:
        working.append(Worded(Joined((
            Phrase("{duration} counted in the opening hours ({hours}), public holidays closed",
                   duration=duration_said(clause.duration),
                   hours=_hours_text(clause.opening_hours)),
            Phrase("; a date is read as 00:00, so the whole day's hours count: give a date and "
                   "time for an event during the day")
            if not isinstance(start, dt.datetime) else ""))))
        sources.append(clause.opening_hours.source)
    elif clause.duration.unit == "working_hours":
        days = math.ceil(clause.duration.value / WORKING_HOURS_PER_DAY)
        working.append(Worded(Phrase("{duration} read as {days} jours ouvrés (24 hours to a "
                                     "jour ouvré), counted from the day after the event",
                                     duration=duration_said(clause.duration), days=days)))
    if clause.note:
        working.append(Worded(Phrase("note: {note}", note=file_words(clause.note))))
    return TimeLimitResult(
        vendor=vendor_name, what=clause.what, topic=clause.topic, party=clause.party,
        limit=clause.limit, duration=str(clause.duration), from_event=clause.from_event,
        start=start, date=date, working=tuple(working), sources=tuple(sources),
        duration_words=duration_said(clause.duration),
    )


def time_limit(vendor, which, start, *, region: str = "metropole",
               reading: str | None = None) -> TimeLimitResult:
    """The date of one of the vendor's time limits (``which``: its number in
    ``vendor.deadlines`` or words of what it is about), counted from ``start``, the date of the
    event that starts the clock."""
    v = as_vendor(vendor)
    clauses = clause_of(v, "deadlines", "time limits")
    _, clause = choose(clauses, which, argument="which", what=f"{v.name} time limit",
                       label=lambda d: f"{d.topic}: {d.what}")
    day = start if isinstance(start, dt.datetime) else as_date(start, "start")
    return over_readings(clause, lambda c: _compute(v.name, c, day, region), reading=reading)


def time_limits(vendor, start, *, topic: str | None = None,
                region: str = "metropole") -> pd.DataFrame:
    """Every time limit of the vendor (or of one ``topic``) counted from the same ``start``:
    one row each with what, party, limit, duration, the event, the date (the default
    reading's), and the article; for a clause the text lets be read several ways,
    ``reading`` names the default reading and ``readings`` maps every reading to its date
    (``{}`` and None otherwise)."""
    v = as_vendor(vendor)
    clauses = clause_of(v, "deadlines", "time limits")
    topics = sorted({clause.topic for clause in clauses})
    if topic is not None and topic not in topics:
        raise InputError(f"topic: {topic!r} is not a topic of {v.name}'s time limits; valid "
                         f"topics: {', '.join(topics)}")
    rows = []
    for i, clause in enumerate(clauses):
        if topic is not None and clause.topic != topic:
            continue
        r = time_limit(v, i, start, region=region)
        rows.append({"topic": r.topic, "what": r.what, "party": r.party, "limit": r.limit,
                     "duration": r.duration, "from_event": r.from_event, "date": r.date,
                     "ambiguous": r.ambiguous, "reading": r.reading,
                     "readings": {name: x.date for name, x in r.readings.items()},
                     "article": clause.source.article})
    return pd.DataFrame(rows)
