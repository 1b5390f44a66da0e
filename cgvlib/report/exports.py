"""Excel and iCalendar exports, in the reader's language (``lang``: ``"en"`` or ``"fr"``).

- :func:`export_xlsx`: one workbook, sheet ``Comparison`` (:func:`cgvlib.compare_long`),
  sheet ``Findings`` (:func:`cgvlib.check_all`), each with its article and quote columns,
  sheet ``Vendors`` (:func:`cgvlib.views.tables.vendors_table`) and sheet ``About`` (the day
  it was written, the legend). In French (``Comparaison``, ``Constatations``,
  ``Fournisseurs``, ``À propos``) every header, family, item, check, severity, explanation,
  ``oui``/``non`` and the legend are French (the quotes are the contracts' own words; a vendor
  file's note is shown in the catalog's French, which every note of the package's vendor files
  has: ``tests/i18n``); counts stay numbers and the day
  stays a date cell, shown with a French or English date format;
- :func:`export_ics`: one all-day event per vendor and term on the last safe day to send the
  termination notice (:func:`cgvlib.renewal_deadlines`, the vendor file's default reading: the
  earliest day any reading gives), with a display alarm ``alarm_days`` before; the description
  names each later reading's day as the risk, and the sum at stake when ``monthly_amount`` is
  given. Its summaries and descriptions are said in ``lang`` (English: the library's working
  text, ISO dates and the readings' identifiers; French: dates, amounts and readings' names as
  a French page writes them).

Both write through the output guard (:mod:`cgvlib.output`): never inside ``data/``,
``notebooks/`` or the CGV texts, never over an input, never over an existing file unless
``force=True``, atomically (a temporary file beside the target, replaced once complete).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from cgvlib.analysis.checks import check_all
from cgvlib.analysis.compare import compare_long
from cgvlib.analysis.words import article_words, day_words, eur, named, said
from cgvlib.arithmetic.common import as_vendor
from cgvlib.arithmetic.notice import renewal_deadlines
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Phrase, Said, say, translate
from cgvlib.lang import check_lang
from cgvlib.model.loader import vendors as all_vendors
from cgvlib.model.vendor import Vendor
from cgvlib.names import label, name_identifiers
from cgvlib.output import check_target, guarded_write, write_bytes
from cgvlib.views.tables import (
    comparison_caption,
    family_name,
    item_name,
    vendor_name,
    vendors_table,
    yes_no,
)
from cgvlib.views.words import WORDS, word

COMPARISON_COLUMNS = ["family", "item", "vendor", "text", "ambiguous", "other_readings",
                      "article", "quote", "note"]
FINDINGS_COLUMNS = ["id", "vendor", "severity", "family", "article", "quote", "rule",
                    "explanation", "periods"]
# The sheets' headers and names, in the reader's language
COMPARISON_HEADERS = {
    "family": Phrase("Clause family"), "item": Phrase("Item"), "vendor": Phrase("Vendor"),
    "text": Phrase("What the terms say"), "ambiguous": Phrase("Ambiguous"),
    "other_readings": Phrase("Other readings"), "article": Phrase("Article"),
    "quote": Phrase("Quote"), "note": Phrase("Note"),
}
SHEET_NAMES = {"comparison": Phrase("Comparison"), "findings": Phrase("Findings"),
               "vendors": Phrase("Vendors"), "about": Phrase("About")}
WIDE = {"text", "quote", "note", "explanation", "other_readings", "rule", "item", "activity",
        "document", "version", "value"}
MAX_WIDTH = 60
# Excel date formats with the language's month names (Windows locale ids: fr-FR, en-GB)
DATE_FORMATS = {"fr": "[$-40C]d mmmm yyyy", "en": "[$-809]d mmmm yyyy"}


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


def _header(words: str) -> str:
    """A sheet's header: its words with a capital first letter."""
    return words[:1].upper() + words[1:]


def _sheet(workbook, title: str, frame: pd.DataFrame, wide: Iterable[str] = (),
           formats: Mapping[str, str] | None = None) -> None:
    """``frame`` as a sheet: bold headers (``frame``'s columns, already in the reader's
    language) frozen above the rows, a filter, widths from the content, long text wrapped in
    the ``wide`` columns, and each column of ``formats`` shown with its number format."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    sheet.append([_header(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False, name=None):
        sheet.append([_cell(v) if not isinstance(v, str) else v for v in row])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    if len(frame):
        sheet.auto_filter.ref = sheet.dimensions
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    wide, formats = set(wide), dict(formats or {})
    for i, name in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        values = [v for v in frame.iloc[:, i - 1] if _cell(v) is not None]
        longest = max([len(str(name)), *(len(str(v)) for v in values)])
        sheet.column_dimensions[letter].width = min(longest + 2, MAX_WIDTH)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=i, max_col=i):
            cell.alignment = wrap if name in wide else top
            if name in formats:
                cell.number_format = formats[name]


def _note(note, silent: bool, lang: str):
    """A comparison row's note in ``lang``: a silent family's is said already
    (:func:`cgvlib.compare_long`); a clause's note, the vendor file's English, where the
    catalog gives its French (else no note in French: a text the catalog lacks, such as a
    user's own vendor file, is never shown in English on a French sheet)."""
    if not isinstance(note, str) or not note or silent or lang == "en":
        return note if isinstance(note, str) and note else None
    english = " ".join(note.split())
    french = translate(english, lang)
    return french if french != english else None


def comparison_sheet(vendors: list[Vendor], lang: str) -> pd.DataFrame:
    """The comparison as the sheet shows it: one row per vendor and clause item, every word
    in ``lang``."""
    long = compare_long(vendors, lang=lang)
    frame = pd.DataFrame({
        "family": [family_name(f, lang) for f in long["family"]],
        "item": [item_name(i, lang) for i in long["item"]],
        "vendor": [vendor_name(v, lang) for v in long["vendor"]],
        "text": long["text"].to_numpy(),
        "ambiguous": [yes_no(a, lang) for a in long["ambiguous"]],
        "other_readings": [r if isinstance(r, str) and r else None
                           for r in long["other_readings"]],
        "article": [article_words(a).say(lang) if isinstance(a, str) and a else None
                    for a in long["article"]],
        "quote": [q if isinstance(q, str) and q else None for q in long["quote"]],
        "note": [_note(n, s, lang) for n, s in zip(long["note"], long["silent"], strict=True)],
    })
    return frame.rename(columns={c: COMPARISON_HEADERS[c].say(lang) for c in frame.columns})


def _periods(text, lang: str):
    """``2015-S1..2026-S1`` as ``2015-S1 to 2026-S1`` (``2015-S1 à 2026-S1``)."""
    if not isinstance(text, str) or not text:
        return None
    first, sep, last = text.partition("..")
    return Phrase("{first} to {last}", first=first, last=last).say(lang) if sep else text


def findings_sheet(found: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The findings as the sheet shows them: checks, severities and families by their names,
    explanations and rules said in ``lang`` (any identifier left in them by its name)."""
    def sentence(value) -> str:
        return name_identifiers(said(value, lang), lang)

    columns = {
        "id": lambda v: label(v, lang),
        "vendor": lambda v: vendor_name(v, lang),
        "severity": lambda v: label(str(v), lang),
        "family": lambda v: family_name(v, lang),
        "article": lambda v: article_words(v).say(lang) if v else None,
        "quote": lambda v: v or None,
        "rule": sentence,
        "explanation": sentence,
        "periods": lambda v: _periods(v, lang),
    }
    present = [c for c in FINDINGS_COLUMNS if c in found.columns]
    return pd.DataFrame({word(f"column_{c}", lang): [columns[c](_cell(v)) for v in found[c]]
                         for c in present})


def vendors_sheet(vendors: list[Vendor], lang: str) -> pd.DataFrame:
    """The vendors, their documents and versions (:func:`cgvlib.views.tables.vendors_table`),
    the quotes' check said ``yes``/``no``."""
    table = vendors_table(vendors, lang=lang).reset_index(drop=True)
    if lang == "en":
        table["quotes verified"] = [yes_no(v, lang) for v in table["quotes verified"]]
    return table


def about_sheet(written_on: dt.date, lang: str) -> pd.DataFrame:
    """What the workbook is: the day it was written, the comparison's legend."""
    return pd.DataFrame({
        translate("Item", lang): [translate("Written on", lang), translate("Legend", lang)],
        translate("Value", lang): [written_on, comparison_caption(lang)],
    })


def export_xlsx(path, *, vendors=None, findings: pd.DataFrame | None = None,
                lang: str = "en", written_on=None, force: bool = False) -> Path:
    """Write the comparison (sheet ``Comparison``), the findings (sheet ``Findings``), the
    vendors (sheet ``Vendors``) and what the workbook is (sheet ``About``) to one Excel
    workbook at ``path``, in ``lang``; return the path written.

    ``vendors``: vendor ids, :class:`Vendor` objects or paths of an analyst's own vendor files
    (default: every vendor file);
    ``findings``: a frame from :func:`cgvlib.check_all` to export instead of computing it;
    ``lang``: ``"en"`` or ``"fr"`` (sheet names, headers, every word, ``yes``/``oui``, the
    date's format); ``written_on``: the day the ``About`` sheet gives (default: today).
    """
    from openpyxl import Workbook

    check_lang(lang)
    target = check_target(path, force=force, example="out.xlsx")
    day = dt.date.today() if written_on is None else as_date(written_on, "written_on")
    chosen = _chosen(vendors)
    found = check_all(chosen) if findings is None else findings
    if not isinstance(found, pd.DataFrame):
        raise InputError(f"findings: expected a DataFrame from check_all, got "
                         f"{type(found).__name__}")
    workbook = Workbook()
    workbook.remove(workbook.active)
    comparison = comparison_sheet(chosen, lang)
    wide = {COMPARISON_HEADERS[c].say(lang) for c in WIDE if c in COMPARISON_HEADERS}
    _sheet(workbook, SHEET_NAMES["comparison"].say(lang), comparison, wide)
    shown = findings_sheet(found, lang)
    _sheet(workbook, SHEET_NAMES["findings"].say(lang), shown,
           {word(f"column_{c}", lang) for c in WIDE if f"column_{c}" in WORDS})
    table = vendors_sheet(chosen, lang)
    _sheet(workbook, SHEET_NAMES["vendors"].say(lang), table, set(table.columns[1:4]))
    about = about_sheet(day, lang)
    value = about.columns[1]
    _sheet(workbook, SHEET_NAMES["about"].say(lang), about, {value},
           {value: DATE_FORMATS[lang]})
    return guarded_write(target, workbook.save, force=force)


# --------------------------------------------------------------------------- ics


@dataclass
class Deadlines:
    """The events to write, and the vendors left out with the reason (its ``str`` the
    library's English; said in a reader's language by :func:`cgvlib.i18n.say`)."""

    events: list = field(default_factory=list)
    skipped: dict[str, Said] = field(default_factory=dict)


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


def _skipped(vendor: Vendor, refused: InputError) -> Said:
    """Why ``vendor`` has no event: the library's English, or in French whether its term
    length must be given (``--commitment``) or its terms state no renewal at all."""
    english = str(refused)
    why = (Phrase("its term length is not given; give it, e.g. --commitment {id}=12",
                  id=vendor.id) if english.startswith("commitment_months:") else
           Phrase("its terms state no renewal and no notice; there is no deadline to compute"))
    return Said(lambda lang: english if lang == "en" else why.say(lang))


def _stake_cents(euros) -> int:
    """The sum at stake (euros, already rounded to the cent) as whole cents, exactly."""
    return int(Decimal(str(euros)) * 100)


def deadline_events(vendors=None, *, start, until, commitment_months=None,
                    monthly_amount=None, alarm_days: int = 14, lang: str = "en") -> Deadlines:
    """The iCalendar events :func:`export_ics` writes, their words in ``lang``, and the
    vendors skipped (per-order vendors have no deadline; a vendor whose term length must be
    given is skipped when it was not given for it)."""
    from icalendar import Alarm, Event

    check_lang(lang)
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
        months, by_name = _months_for(v, commitment_months)
        try:
            table = renewal_deadlines(v, first, last, commitment_months=months,
                                      monthly_amount=monthly_amount)
        except InputError as exc:
            if by_name:
                raise
            out.skipped[v.name] = _skipped(v, exc)
            continue
        quotes = [s.quote for s in table.attrs.get("sources", [])]
        reading = table.attrs.get("reading")
        others = [c for c in table.columns if c.startswith("last_day_to_send_notice (")]
        who = vendor_name(v.name, lang)
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
            event.add("summary", Phrase(
                "{vendor}: last safe day to send the termination notice (renews {renews})",
                vendor=who, renews=day_words(renews)).say(lang))
            lines = [
                Phrase("Term {start} to {end}; renews {renews} unless notice is sent by {day}, "
                       "the last safe day.", start=day_words(_as_day(row["term_start"])),
                       end=day_words(_as_day(row["term_end"])), renews=day_words(renews),
                       day=day_words(day)),
                Phrase("Rule: art. {rule} (reading shown: {reading}, the earliest day any "
                       "reading gives); notice months: {months}.", rule=row["rule"],
                       reading=named(reading), months=row["notice_months"]),
                *(_other_reading_line(row, c, day) for c in others),
                *(f"« {q} »" for q in quotes),
                Phrase("Computed by cgvlib.renewal_deadlines; check the contract itself."),
            ]
            event.add("description", "\n".join(say(line, lang) for line in lines))
            event.add("transp", "TRANSPARENT")
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", Phrase("{vendor}: termination notice due by {day}",
                                            vendor=who, day=day_words(day)).say(lang))
            alarm.add("trigger", dt.timedelta(days=-alarm_days))
            event.add_component(alarm)
            out.events.append(event)
    return out


def _other_reading_line(row: dict, column: str, safe: dt.date) -> Phrase:
    """Another reading's day in an event's description: the risk when it is later, with the
    sum at stake when the table has it."""
    name = column[len("last_day_to_send_notice ("):-1]
    other = _as_day(row[column])
    if other is None or other <= safe:
        return Phrase("Other reading ({name}): {day}.", name=named(name),
                      day=day_words(other) if other else "—")
    stake = row.get(f"at_stake ({name})")
    if stake is not None and not pd.isna(stake):
        return Phrase("Risk: the reading {name} gives {other}; a letter sent after {safe} may "
                      "come too late to stop the renewal; at stake if it leaves only on "
                      "{other}: {stake}.", name=named(name), other=day_words(other),
                      safe=day_words(safe), stake=eur(_stake_cents(stake)))
    return Phrase("Risk: the reading {name} gives {other}; a letter sent after {safe} may come "
                  "too late to stop the renewal.", name=named(name), other=day_words(other),
                  safe=day_words(safe))


def export_ics(path, *, vendors=None, start, until, commitment_months=None,
               monthly_amount=None, alarm_days: int = 14, lang: str = "en",
               force: bool = False) -> Path:
    """Write one all-day event per vendor per term on the last safe day to send the
    termination notice, from ``start`` while terms start on or before ``until``; return the
    path written.

    ``commitment_months``: a number of months for every vendor, or a ``{vendor: months}``
    mapping (GOUT and Teogest need one); ``monthly_amount``: euros a month, to state in each
    event what is at stake if the letter leaves only on a later reading's day. Vendors without
    deadlines (per order: Leappy, ioSmart) are skipped; the calendar's description
    (``X-WR-CALDESC``) says which and why. ``lang``: the language of the calendar's name and
    description and of the events' summaries and descriptions.
    UIDs are stable (``<vendor id>-<date>@cgvlib``), so a re-import updates the events.
    """
    from icalendar import Calendar

    check_lang(lang)
    target = check_target(path, force=force, example="out.ics")
    found = deadline_events(vendors, start=start, until=until,
                            commitment_months=commitment_months,
                            monthly_amount=monthly_amount, alarm_days=alarm_days, lang=lang)
    skipped = "; ".join(Phrase("{vendor}: {why}", vendor=vendor_name(name, lang), why=why)
                        .say(lang) for name, why in found.skipped.items())
    if not found.events:
        raise InputError(translate("no notice deadline to export in the period", lang)
                         + (f" ({skipped})" if skipped else ""))
    calendar = Calendar()
    calendar.add("prodid", "-//cgvlib//notice deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", translate("cgvlib: termination notice deadlines", lang))
    note = Phrase("Notice deadlines from {start} to {until}.",
                  start=day_words(as_date(start, "start")),
                  until=day_words(as_date(until, "until"))).say(lang)
    if skipped:
        note += " " + Phrase("Skipped: {vendors}", vendors=skipped).say(lang)
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
