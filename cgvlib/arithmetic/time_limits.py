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
- ``working_hours`` (« heures ouvrées »): the texts do not define a working day's length; the
  project reads N working hours as N / 24 jours ouvrés (48 heures ouvrées = 2 jours ouvrés),
  rounded up to whole days, and says so in the result.

The clause's ``limit`` says what the date means: ``within`` (the last day to act), ``not_before``
(the first day the step may happen), ``at_most`` (the end of the longest period allowed),
``example`` (a figure the text gives as an example, not a rule).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from cgvlib.arithmetic.common import Result, as_vendor, choose, clause_of, over_readings
from cgvlib.dates import as_date
from cgvlib.model.base import Duration
from cgvlib.model.procedure import Deadline
from cgvlib.reference.calendar import add_days
from cgvlib.reference.months import add_months

LIMIT_WORDS = {
    "within": "no later than",
    "not_before": "not before",
    "at_most": "at most until",
    "example": "for example by (the text gives it as an example, not a rule)",
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

    def headline(self) -> str:
        when = f"{LIMIT_WORDS[self.limit]} {self.date}"
        return f"{self.what}: {when} ({self.duration} from {self.start})"


def limit_date(duration: Duration, start: dt.date | dt.datetime, *, region: str = "metropole"):
    """The date ``duration`` after ``start``, counted in the duration's own unit (module doc)."""
    n = duration.value
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


def _compute(vendor_name: str, clause: Deadline, start, region: str) -> TimeLimitResult:
    date = limit_date(clause.duration, start, region=region)
    working = [f"from {start} ({clause.from_event}): {clause.duration} -> {date}"]
    if clause.duration.unit == "working_hours":
        days = math.ceil(clause.duration.value / WORKING_HOURS_PER_DAY)
        working.append(f"{clause.duration} read as {days} jours ouvrés (24 working hours a day: "
                       "the text does not define a working day)")
    if clause.note:
        working.append(f"note: {clause.note}")
    return TimeLimitResult(
        vendor=vendor_name, what=clause.what, topic=clause.topic, party=clause.party,
        limit=clause.limit, duration=str(clause.duration), from_event=clause.from_event,
        start=start, date=date, working=tuple(working), sources=(clause.source,),
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
    one row each with what, party, limit, duration, the event, the date, and the article."""
    v = as_vendor(vendor)
    rows = []
    for i, clause in enumerate(clause_of(v, "deadlines", "time limits")):
        if topic is not None and clause.topic != topic:
            continue
        r = time_limit(v, i, start, region=region)
        rows.append({"topic": r.topic, "what": r.what, "party": r.party, "limit": r.limit,
                     "duration": r.duration, "from_event": r.from_event, "date": r.date,
                     "ambiguous": r.ambiguous, "article": clause.source.article})
    return pd.DataFrame(rows)
