"""The explicit opt-in to go past the reference data: carry each series' last value forward,
every value so obtained marked provisional.

Without it, a date past the end of a series is refused (:class:`~cgvlib.errors.OutOfCoverageError`).
Inside ``with assume_last(until):`` the series read by every computation (the loaders of
:mod:`cgvlib.reference.legal_rate`, :mod:`cgvlib.reference.ecb_rate` and
:mod:`cgvlib.reference.syntec`, user-supplied values included) are extended up to ``until``:

- the legal rate: each missing semester takes the last semester's two rates;
- the ECB rate: the last rate is taken to hold until ``until`` (no change assumed);
- the Syntec index: each month after the last one takes the last month's value (assumed
  published on the last day of the following month); a gap inside the series stays a gap.

Every value obtained that way has ``assumed=True``, a ``note`` saying which value was carried
forward from which date, and a ``source`` starting with ``"provisional:"``, so that a figure
built on it can say so. A note is a :class:`~cgvlib.reference.series.Note`: its English as
a ``str``, said in a
reader's language by :func:`cgvlib.i18n.say` (``provisoire : dernière valeur connue reportée
au-delà du 30 juin 2026, fin des données (...)``). The context is per thread and per task (a
:mod:`contextvars` variable) and ends with the ``with`` block.

The command-line ``--assume-last`` of ``compare``, ``report`` and ``export``, the report
parameter and the apps' toggle are to call this around their computation, with the scenario's
last date as ``until`` (see :func:`cgvlib.reference.status.scenario_dates`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar

from babel.numbers import format_decimal

from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase, Said
from cgvlib.lang import BABEL_LOCALES
from cgvlib.reference.series import NOTE_SEPARATOR, Note, day_or_month_words

PROVISIONAL_MARK = "provisional"
_UNTIL: ContextVar[dt.date | None] = ContextVar("cgvlib_assume_last_until", default=None)


@contextlib.contextmanager
def assume_last(until) -> Iterator[dt.date]:
    """Within the block, every series reaches ``until`` (a date), its last value carried
    forward and marked provisional. Nested blocks: the inner ``until`` applies inside."""
    day = as_date(until, "until")
    token = _UNTIL.set(day)
    try:
        yield day
    finally:
        _UNTIL.reset(token)


def assume_last_if(on: bool, until) -> contextlib.AbstractContextManager:
    """:func:`assume_last` to ``until`` when ``on`` (the opt-in of a command, a report or an
    app), else a block that changes nothing. ``until``: a date, or the dates of a scenario
    (their latest is taken; ``None`` items ignored)."""
    if not on:
        return contextlib.nullcontext()
    if isinstance(until, list | tuple):
        days = [as_date(d, "until") for d in until if d is not None]
        if not days:
            raise InputError("until: no date given to carry the reference data to")
        until = max(days)
    return assume_last(until)


@contextlib.contextmanager
def on_the_data() -> Iterator[None]:
    """Within the block, the series are the data alone, as outside any :func:`assume_last`
    block (to say where the data ends while carrying it forward)."""
    token = _UNTIL.set(None)
    try:
        yield
    finally:
        _UNTIL.reset(token)


def assumed_until() -> dt.date | None:
    """The date the series are carried forward to in the current context, or ``None``."""
    return _UNTIL.get()


_SOURCE_SEPARATOR = "; its source: "


# The words of every note made in this run, by its English: a note read back from a value's
# ``source`` (:func:`note_of`) is said in the reader's language as the note first made.
_NOTE_WORDS: dict[str, object] = {}


def number_text(value) -> Said:
    """A rate or an index value of a note: as written (``2.62``) in the English note, the
    language's way in French (``2,62``)."""
    return Said(lambda lang: str(value) if lang == "en" else format_decimal(
        value, format="#,##0.##########", locale=BABEL_LOCALES[lang]))


def provisional_note(what, last: dt.date) -> Note:
    """The note of a carried-forward value: which value (words, a
    :class:`~cgvlib.i18n.Phrase`), past which date (the end of the data)."""
    note = Note(Phrase("provisional: {what} carried forward past {last}, the end of the data "
                       "(assume last)", what=what, last=day_or_month_words(last)))
    _NOTE_WORDS[str(note)] = note.words
    return note


def provisional_source(what, last: dt.date, source: str) -> str:
    """The source of a carried-forward value: its note, then the source of the value."""
    return provisional_note(what, last) + _SOURCE_SEPARATOR + source


def note_of(source: str) -> Note | str:
    """The note part of a :func:`provisional_source` (a :class:`Note` to say in a reader's
    language when it was made in this run)."""
    text = source.split(_SOURCE_SEPARATOR, 1)[0]
    words = _NOTE_WORDS.get(text)
    return text if words is None else Note(words)


def joined_notes(notes) -> Note:
    """Several notes in one, ``"; "``-separated (`` ; `` in French), each said in the reader's
    language."""
    parts = []
    for note in notes:
        parts += [NOTE_SEPARATOR, note] if parts else [note]
    return Note(Joined(parts))


def marked(value) -> Note | str:
    """What a working line adds after a reference value (an
    :class:`~cgvlib.reference.series.AsOf`): its note when it was carried forward past the
    data, or "user-supplied" when it comes from the user data folder; nothing otherwise."""
    if value.assumed:
        return Note(Joined((" (", value.note, ")")))
    if value.user_supplied:
        return Note(Phrase(" (user-supplied)"))
    return ""


def carried_notes(*values) -> tuple[str, ...]:
    """The notes of those reference values (``None`` ignored) carried forward past the data,
    each once."""
    return tuple(dict.fromkeys(v.note for v in values if v is not None and v.assumed))


_CARRIED: dict[tuple[str, int, dt.date], tuple[object, object]] = {}


def carried(name: str, data, extend):
    """``extend(data, until)`` in an :func:`assume_last` block (kept while ``data`` is the same
    object), ``data`` itself outside one."""
    until = _UNTIL.get()
    if until is None:
        return data
    key = (name, id(data), until)
    found = _CARRIED.get(key)
    if found is None or found[0] is not data:
        if len(_CARRIED) > 32:
            _CARRIED.clear()
        found = (data, extend(data, until))
        _CARRIED[key] = found
    return found[1]
