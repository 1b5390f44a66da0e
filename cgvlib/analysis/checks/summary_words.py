"""What each registered check checks (its summary), as a :class:`~cgvlib.i18n.Phrase`:
:func:`cgvlib.analysis.checks.list_checks` says them in a reader's language through the
catalog. Keyed by the summary's English, its white space made single; a summary missing here
is shown in English (tests/notebooks run the French lesson that lists them)."""

from __future__ import annotations

from cgvlib.i18n import Phrase

SUMMARY_WORDS = {phrase.msgid: phrase for phrase in (
    Phrase('The late-penalty rate (default reading) is below three times the legal interest '
           'rate.'),
    Phrase('Another reading of the late-penalty clause would put the rate below the floor in '
           'semesters where the default reading does not.'),
    Phrase('A rate fixed at the invoice date (or at the start of the delay), lawful then, falls '
           'below the floor of a later semester while the invoice is still unpaid.'),
    Phrase('The terms do not mention the fixed recovery indemnity at all.'),
    Phrase('The indemnity is named without its amount.'),
    Phrase("The indemnity's amount is not the 40 EUR D441-5 sets."),
    Phrase('The indemnity is counted per unpaid sum, not per invoice paid late.'),
    Phrase('The terms state no late-penalty rate.'),
    Phrase("An invoice's payment term is not stated."),
    Phrase('A payment term exceeds 60 days from the invoice, or 45 days end of month.'),
    Phrase('A reference rate the terms state as a fact differs from the reference data in part '
           'of the period the terms state it for.'),
    Phrase('Force majeure is defined by a repealed article (Code civil art. 1148).'),
    Phrase('The late penalty costs more than three times the statutory default penalty on the '
           'reference invoice: a penalty a judge may moderate.'),
    Phrase('The clause lets one party choose the court after the dispute arises.'),
    Phrase('The clause names a court that does not exist (as the vendor file records it in '
           '``court_exists``, with its reason).'),
    Phrase('The clause names a tribunal judiciaire for disputes with professional clients: '
           "whether it binds, and which court is competent, depend on the parties' status."),
    Phrase('A price revision that lets the vendor raise prices above the index (up to a cap), '
           'with the worst case against the index path over a reference period.'),
    Phrase('A clause the text lets be read several ways (one finding per ambiguity of the file), '
           'with its readings and the default one.'),
    Phrase('The late-payment clause both requires a formal notice before penalties and says none '
           'is needed.'),
    Phrase('A payment term the text states two ways (e.g. « payables à réception, dans les dix '
           '(10) jours »): its readings give different due dates.'),
    Phrase('One rule whose duration the text states in two units that disagree (90 days against '
           "12 weeks = 84 days): the clause's readings give the same field in different units."),
    Phrase("A charge due on the client's exit that the text, as written, puts on the vendor."),
    Phrase("An article number the text uses for two different headings (read from the vendor's "
           'text; a note naming the reason when the text is not at hand).'),
    Phrase('The text refers to one of its own articles by a number no heading of the text has '
           "(read from the vendor's text: its references against its numbered headings; a note "
           'naming the reason when the text is not at hand).'),
    Phrase('A monthly unavailability rate between two credit tiers falls in neither (one finding '
           'per gap, with an example value and the credit under each reading).'),
    Phrase('The credit tiers do not reach 0 % or stop below 100 % unavailability: rates beyond '
           'the first or last tier earn an unstated credit.'),
    Phrase('A notice of cancellation (for some combination of the facts the lines depend on) '
           'that no line of the schedule covers, with examples.'),
    Phrase('A notice of cancellation that two lines of the schedule both cover (with different '
           'fees, or the same), with an example.'),
    Phrase('The schedule has no line for the longest notices: what a cancellation well ahead of '
           'the event costs is unstated (read against the drafter: nothing).'),
    Phrase('A penalty « par mois de retard » whose readings differ on whether a started month is '
           'due whole or runs pro rata, with what each costs on a 10,000 EUR invoice.'),
    Phrase('A notice « N mois avant le terme » whose readings differ on the day the months are '
           "counted back from (the term's last day, or the anniversary), with both deadlines."),
    Phrase('A notice that depends on tenure (none under N months, a notice over) whose text is '
           "silent on a tenure of exactly N months: the file's readings differ on that boundary "
           '(``rule.at_threshold``), with when the contract ends under each.'),
    Phrase("The vendor's late cost on the reference invoice is more than three times, or less "
           "than a third of, the median of the other vendors' (a note)."),
)}

__all__ = ["SUMMARY_WORDS"]
