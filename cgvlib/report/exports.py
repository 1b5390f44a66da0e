"""Excel and iCalendar exports.

- :func:`export_xlsx`: one workbook, sheet ``Comparison`` (:func:`cgvlib.compare_long`) and
  sheet ``Findings`` (:func:`cgvlib.check_all`), each with its article and quote columns;
- :func:`export_ics`: one all-day event per vendor and term on the last safe day to send the
  termination notice (:func:`cgvlib.renewal_deadlines`, the vendor file's default reading: the
  earliest day any reading gives), with a display alarm ``alarm_days`` before; the description
  names each later reading's day as the risk, and the sum at stake when ``monthly_amount`` is
  given.

Both write through the output guard (:mod:`cgvlib.output`): never inside ``data/``,
``notebooks/`` or the CGV texts, never over an input, never over an existing file unless
``force=True``, atomically (a temporary file beside the target, replaced once complete).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cgvlib.analysis.checks import check_all
from cgvlib.analysis.compare import compare_long
from cgvlib.arithmetic.common import as_vendor, money
from cgvlib.arithmetic.notice import renewal_deadlines
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.output import check_target, guarded_write, write_bytes

COMPARISON_COLUMNS = ["family", "item", "vendor", "text", "ambiguous", "other_readings",
                      "article", "quote", "note"]
FINDINGS_COLUMNS = ["id", "vendor", "severity", "family", "article", "quote", "rule",
                    "explanation", "periods"]
WIDE = {"text", "quote", "note", "explanation", "other_readings", "rule", "item"}
MAX_WIDTH = 60


def _chosen(vendors) -> list[Vendor]:
    if vendors is None:
        return all_vendors()
    if isinstance(vendors, (str, Vendor)):
        vendors = [vendors]
    return [as_vendor(v) for v in vendors]


# --------------------------------------------------------------------------- xlsx


def _cell(value):
    if value is None:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return value


def _sheet(workbook, title: str, frame: pd.DataFrame, columns: list[str]) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    present = [c for c in columns if c in frame.columns]
    sheet.append(present)
    for row in frame[present].itertuples(index=False, name=None):
        sheet.append([_cell(v) if not isinstance(v, str) else v for v in row])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    if len(frame):
        sheet.auto_filter.ref = sheet.dimensions
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for i, name in enumerate(present, start=1):
        letter = get_column_letter(i)
        longest = max([len(name), *(len(str(v)) for v in frame[name] if _cell(v) is not None)])
        sheet.column_dimensions[letter].width = min(max(longest, len(name)) + 2, MAX_WIDTH)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
            cell.alignment = wrap if name in WIDE else top


def export_xlsx(path, *, vendors=None, findings: pd.DataFrame | None = None,
                force: bool = False) -> Path:
    """Write the comparison (sheet ``Comparison``) and the findings (sheet ``Findings``) to
    one Excel workbook at ``path``; return the path written.

    ``vendors``: vendor ids, :class:`Vendor` objects or paths of an analyst's own vendor files
    (default: every vendor file);
    ``findings``: a frame from :func:`cgvlib.check_all` to export instead of computing it.
    """
    from openpyxl import Workbook

    target = check_target(path, force=force, example="out.xlsx")
    chosen = _chosen(vendors)
    comparison = compare_long(chosen)
    found = check_all(chosen) if findings is None else findings
    if not isinstance(found, pd.DataFrame):
        raise InputError(f"findings: expected a DataFrame from check_all, got "
                         f"{type(found).__name__}")
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, "Comparison", comparison, COMPARISON_COLUMNS)
    _sheet(workbook, "Findings", found, FINDINGS_COLUMNS)
    return guarded_write(target, workbook.save, force=force)


# --------------------------------------------------------------------------- ics


@dataclass
class Deadlines:
    """The events to write, and the vendors left out with the reason."""

    events: list = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)


def _months_for(vendor: Vendor, commitment_months) -> tuple[int | None, bool]:
    """The commitment for ``vendor`` and whether it was given for this vendor by name."""
    if commitment_months is None or isinstance(commitment_months, int):
        return commitment_months, False
    if isinstance(commitment_months, Mapping):
        keys = {str(k).lower(): v for k, v in commitment_months.items()}
        for key in (vendor.id.lower(), vendor.name.lower()):
            if key in keys:
                return keys[key], True
        return None, False
    raise InputError("commitment_months: expected a number of months or a {vendor: months} "
                     f"mapping, got {type(commitment_months).__name__}")


def _as_day(value) -> dt.date | None:
    if value is None or (not isinstance(value, dt.date) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value


def deadline_events(vendors=None, *, start, until, commitment_months=None,
                    monthly_amount=None, alarm_days: int = 14) -> Deadlines:
    """The iCalendar events :func:`export_ics` writes, and the vendors skipped (per-order
    vendors have no deadline; a vendor whose term length must be given is skipped when it was
    not given for it)."""
    from icalendar import Alarm, Event

    if isinstance(alarm_days, bool) or not isinstance(alarm_days, int) or alarm_days < 0:
        raise InputError(f"alarm_days: expected a whole number of days, 0 or more, got "
                         f"{alarm_days!r}")
    first, last = as_date(start, "start"), as_date(until, "until")
    if isinstance(commitment_months, Mapping):
        known = {k for v in _chosen(vendors) for k in (v.id.lower(), v.name.lower())}
        unknown = [k for k in commitment_months if str(k).lower() not in known]
        if unknown:
            raise InputError("commitment_months: no chosen vendor named " + ", ".join(
                map(repr, unknown)) + "; chosen: " + ", ".join(
                v.id for v in _chosen(vendors)))
    out = Deadlines()
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    for v in _chosen(vendors):
        months, named = _months_for(v, commitment_months)
        try:
            table = renewal_deadlines(v, first, last, commitment_months=months,
                                      monthly_amount=monthly_amount)
        except InputError as exc:
            if named:
                raise
            out.skipped[v.name] = str(exc)
            continue
        quotes = [s.quote for s in table.attrs.get("sources", [])]
        reading = table.attrs.get("reading")
        others = [c for c in table.columns if c.startswith("last_day_to_send_notice (")]
        for row in table.to_dict("records"):
            day = _as_day(row["last_day_to_send_notice"])
            if day is None:
                continue
            renews = _as_day(row["renewal_date"])
            event = Event()
            event.add("uid", f"{v.id}-{day.isoformat()}@cgvlib")
            event.add("dtstamp", stamp)
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("summary", f"{v.name}: last safe day to send the termination notice "
                                 f"(renews {renews})")
            lines = [
                f"Term {row['term_start']} to {row['term_end']}; renews {renews} unless notice "
                f"is sent by {day}, the last safe day.",
                f"Rule: art. {row['rule']} (reading shown: {reading}, the earliest day any "
                f"reading gives); notice months: {row['notice_months']}.",
            ]
            lines += [_other_reading_line(row, c, day) for c in others]
            lines += [f"« {q} »" for q in quotes]
            lines.append("Computed by cgvlib.renewal_deadlines; check the contract itself.")
            event.add("description", "\n".join(lines))
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{v.name}: termination notice due by {day}")
            alarm.add("trigger", dt.timedelta(days=-alarm_days))
            event.add_component(alarm)
            out.events.append(event)
    return out


def _other_reading_line(row: dict, column: str, safe: dt.date) -> str:
    """Another reading's day in an event's description: the risk when it is later, with the
    sum at stake when the table has it."""
    name = column[len("last_day_to_send_notice ("):-1]
    other = _as_day(row[column])
    if other is None or other <= safe:
        return f"Other reading ({name}): {other}."
    line = (f"Risk: the reading {name} gives {other}; a letter sent after {safe} may come too "
            "late to stop the renewal")
    stake = row.get(f"at_stake ({name})")
    if stake is not None and not pd.isna(stake):
        line += f"; at stake if it leaves only on {other}: {money(int(stake * 100))}"
    return line + "."


def export_ics(path, *, vendors=None, start, until, commitment_months=None,
               monthly_amount=None, alarm_days: int = 14, force: bool = False) -> Path:
    """Write one all-day event per vendor per term on the last safe day to send the
    termination notice, from ``start`` while terms start on or before ``until``; return the
    path written.

    ``commitment_months``: a number of months for every vendor, or a ``{vendor: months}``
    mapping (GOUT and Teogest need one); ``monthly_amount``: euros a month, to state in each
    event what is at stake if the letter leaves only on a later reading's day. Vendors without
    deadlines (per order: Leappy, ioSmart) are skipped; the calendar's description
    (``X-WR-CALDESC``) says which and why.
    UIDs are stable (``<vendor id>-<date>@cgvlib``), so a re-import updates the events.
    """
    from icalendar import Calendar

    target = check_target(path, force=force, example="out.ics")
    found = deadline_events(vendors, start=start, until=until,
                            commitment_months=commitment_months,
                            monthly_amount=monthly_amount, alarm_days=alarm_days)
    if not found.events:
        why = "; ".join(f"{name}: {why}" for name, why in found.skipped.items())
        raise InputError("no notice deadline to export in the period"
                         + (f" ({why})" if why else ""))
    calendar = Calendar()
    calendar.add("prodid", "-//cgvlib//notice deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "cgvlib: termination notice deadlines")
    note = f"Notice deadlines from {as_date(start, 'start')} to {as_date(until, 'until')}."
    if found.skipped:
        note += " Skipped: " + "; ".join(f"{n}: {why}" for n, why in found.skipped.items())
    calendar.add("x-wr-caldesc", note)
    for event in found.events:
        calendar.add_component(event)
    return write_bytes(target, calendar.to_ical(), force=force)


def commitment_arguments(values: Iterable[str]) -> int | dict[str, int] | None:
    """``--commitment`` values (``12`` or ``vendor=12``) as :func:`export_ics` takes them."""
    mapping: dict[str, int] = {}
    default = None
    for value in values:
        name, sep, months = value.rpartition("=")
        try:
            number = int(months)
        except ValueError:
            raise InputError(f"--commitment {value!r}: expected vendor=months such as "
                             "teogest=12, or a number of months") from None
        if sep:
            mapping[name.strip()] = number
        else:
            default = number
    if default is not None and mapping:
        raise InputError("--commitment: give either one number for every vendor or "
                         "vendor=months values, not both")
    return mapping or default


__all__ = ["commitment_arguments", "deadline_events", "export_ics", "export_xlsx"]
