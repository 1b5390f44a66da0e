"""The project rule for a date the client must meet (DESIGN.md, "Defaults and readings"): the
default reading gives the earliest last day to send notice, the last safe day; the later
readings are shown as the risk. Checked on every vendor file, not on a list of names, so a new
vendor or a new reading is held to it too."""

from __future__ import annotations

import datetime as dt

import pytest

from cgvlib.arithmetic.notice import renewal_deadlines
from cgvlib.model.ambiguity import LAST_SAFE_DAY_RULE, nested_clauses, reading_variants
from cgvlib.model.base import Silent
from cgvlib.model.loader import vendors

D = dt.date
# month ends, a leap day, the 1st, mid-month: where counting from the term's last day or from
# the anniversary, and month-end clamping, make readings differ
STARTS = [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 1), D(2023, 11, 20), D(2024, 6, 15)]
UNTIL_YEARS = 4


def _term(v):
    term = v.term
    return None if isinstance(term, Silent) else term


def _lengths(term) -> list[int | None]:
    """The commitment lengths renewal_deadlines takes for this term clause."""
    kinds = {n.rule.kind for v in reading_variants(term)[0].values() for n in v.notice}
    if "tenure_based" in kinds:
        return sorted({o.months for o in term.initial_terms if o.months and o.months > 1})
    if any(o.months is None for o in term.initial_terms):
        return [1, 6, 12, 24]  # set by the order or quote (GOUT)
    return [None]


def _deadline_cases():
    for v in vendors():
        term = _term(v)
        if term is None:
            continue
        variants, _ = reading_variants(term)
        if len({repr(variant.notice) for variant in variants.values()}) < 2:
            continue  # no reading changes the notice rules
        for months in _lengths(term):
            yield pytest.param(v, months, id=f"{v.id}-{months}")


CASES = list(_deadline_cases())


def test_the_rule_covers_the_vendors_with_deadline_readings():
    assert {case.values[0].id for case in CASES} == {"janquor", "gout", "teogest"}


@pytest.mark.parametrize(("vendor", "months"), CASES)
def test_default_reading_gives_the_earliest_deadline(vendor, months):
    for start in STARTS:
        until = start.replace(year=start.year + UNTIL_YEARS, day=1)
        frame = renewal_deadlines(vendor, start, until, commitment_months=months)
        assert frame.attrs["reading"] == frame.attrs["default_reading"]
        others = [c for c in frame.columns if c.startswith("last_day_to_send_notice (")]
        assert others, "a reading that changes the notice has its own column"
        for row in frame.to_dict("records"):
            safe = row["last_day_to_send_notice"]
            for column in others:
                if row[column] is not None and safe is not None:
                    assert safe <= row[column], (start, column, row)


def test_every_notice_ambiguity_states_the_rule():
    # a vendor file's why_default for a date the client must meet opens with the rule's words
    found = []
    for v in vendors():
        term = _term(v)
        if term is None:
            continue
        for path, clause in nested_clauses(term, "term"):
            if clause.ambiguous and path.startswith("term.notice"):
                found.append((v.id, path))
                why = " ".join(clause.ambiguity.why_default.split())
                assert why.startswith(LAST_SAFE_DAY_RULE), (v.id, path, why)
    assert sorted(found) == [("gout", "term.notice[0]"), ("janquor", "term.notice[0]"),
                             ("teogest", "term.notice[0]"), ("teogest", "term.notice[1]")]


def test_the_defaults_the_rule_gives():
    # JANQUOR art. 16 and GOUT 7 C: counted back from the term's last day, not the anniversary;
    # Teogest: art. 20 over 14.3, and notice due on the first anniversary itself
    by_id = {v.id: v for v in vendors()}
    assert by_id["janquor"].term.notice[0].ambiguity.default == "term_end"
    assert by_id["gout"].term.notice[0].ambiguity.default == "term_end"
    assert by_id["teogest"].term.notice[0].ambiguity.default == "one_year_notice_due"
    assert by_id["teogest"].term.notice[1].ambiguity.default == "art20_notice"
