"""Duration, renewal, notice (préavis) and exit: when a contract really ends, and by when the
letter must leave.

- :func:`exit_plan`: the contract's last day if notice is sent on a given day, the notice's
  length and how it was derived, the last safe day to send it and the risk of a later reading,
  and what is billed until the end (:mod:`.exit_cost`);
- :func:`renewal_deadlines`: one row per term, with the last safe day to send notice, every
  other reading's day, and what is at stake if the letter leaves on a later one;
- :func:`early_exit`: a maintenance or contract ended in the middle of its period (GOUT 7 C,
  JANQUOR art. 16): the months due, and the refund of the months not started with its date.

Conventions (stated once for this module):

- **Terms.** A term of N months from ``start`` runs from ``start`` to its last day
  ``term_end = add_months(start, N) - 1 day``; the *anniversary* (renewal date, first day of the
  renewed term) is ``add_months(start, N)``. Renewed terms are computed from the original start
  (``add_months(start, N + k * R)``), never by chaining, so a start on 31 January or on
  29 February keeps its day where the month has it (2024-02-29: terms end 2025-02-27,
  2026-02-27, 2027-02-27, 2028-02-28). Months clamp to the month's end
  (:mod:`cgvlib.reference.months`).
- **Before the term** (``before_term``: JANQUOR art. 16 « deux (2) mois avant le terme du
  contrat », GOUT 7 C « au moins un mois avant l'échéance »): the last day to send the letter
  is ``add_months(anchor, -months)``, the anchor being the term's last day (``term_end``) or
  its anniversary (``anniversary``), as the reading says; a letter sent on that day is in time.
  A letter sent later does not stop the renewal (JANQUOR: « toute demande de résiliation
  hors-délai sera nul et ne fera en aucun cas obstacle à ladite reconduction »; GOUT: the
  renewal is tacit « sauf si » the request is in time): the contract ends at the end of the
  first later term whose deadline the letter meets (the next one for 12-month terms). Strictly,
  a void letter is of no effect; the plan reports the earliest end the client can reach, and
  says by when a letter for that term must leave.
- **Until the eve of renewal** (``until_eve_of_renewal``, Teogest 14.3 « jusqu'à la veille de
  la date de renouvellement »): the last day is the term's last day; the contract ends at the
  end of the term in progress.
- **Tenure** (``tenure_based``, Teogest art. 20): tenure is counted in completed months and
  years from ``start`` to the request (:func:`~cgvlib.reference.months.full_months_between`).
  « si le client est abonné depuis moins d'un an, il n'y aura pas de préavis et la résiliation
  du Contrat sera effective à la fin du mois au cours duquel le client aura demandé le
  désabonnement »: under ``no_notice_under_months`` (12) completed months the contract ends on
  the last day of the month of the request. Otherwise « un préavis minimum d'un mois plus un
  mois par année complète d'abonnement en considérant que le préavis démarrera le lendemain du
  mois au cours duquel le client aura demandé le désabonnement »: notice = base_months +
  months_per_full_year x completed years, from the first day of the next month, ending on the
  last day of its last month. A request made exactly on the first anniversary has 12 completed
  months: the text's « moins d'un an » / « plus d'un an » leave that day out, and the vendor
  file records both readings (``at_threshold``): « plus d'un an » (notice due, 1 + 1 = 2
  months, the default: the reading a careful client plans on) and « moins d'un an » (no notice,
  ends at the end of the month of the request). Without a commitment, the plan of a request made
  in the first year or on the anniversary has a deadline: the last day to ask without notice
  (the day before the anniversary, or the anniversary itself under the « moins d'un an »
  reading).
- **Commitments** (Teogest 14.1.1, 14.3): ``commitment_months`` (12, 24 or 36) counted from
  ``start`` and renewed tacitly for the same length. 14.1.1: such subscriptions « ne peuvent
  être résiliés qu'au terme de la période souscrite et en respectant les dispositions liées au
  préavis »; art. 20: « Si la date de fin du préavis est postérieure à la date de fin de
  l'engagement du client [...], l'abonnement se poursuivra jusqu'à la date de fin du
  préavis. » So under art. 20 the contract ends on the later of the notice's end and the end of
  the commitment period in progress at the request; the deadline is the latest request whose
  notice ends with that period (:func:`latest_tenure_request`). Under the 14.3 reading (the
  file's ambiguity on ``term.notice[1]``; art. 20 is the default, the last safe day) the client
  declines the renewal up to the eve of the renewal date, and the contract ends at the end of
  the commitment period in progress. Without a
  commitment (the monthly subscription) only art. 20 applies: 14.3 governs the renewal of a
  commitment, and 14.1.1 binds only subscriptions « dont la durée est supérieure à un mois ».
- **Per order** (Leappy art. 5, ioSmart): no renewal and no notice; a termination takes effect
  on the day it is made, the order itself setting the mission's length; only the work done is
  due.
- **The last safe day and the risk** (:data:`~cgvlib.model.ambiguity.LAST_SAFE_DAY_RULE`): where
  the readings of a clause give different last days for the same term, the vendor files make
  the earliest the default, so ``deadline`` is the last safe day. The plan of each reading also
  names the latest day another reading gives (``later_deadline``, ``later_reading``) and what
  is at stake if the letter leaves only on that day (``at_stake``): what is billed for a letter
  sent that day under this reading (late, so void or followed by the whole notice) less what
  is billed under the later reading (in time). JANQUOR: the renewed period in full,
  12 x the monthly amount; GOUT: the renewed maintenance period; Teogest: the art. 20 notice
  months billed past the commitment.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from cgvlib.arithmetic.common import (
    Result,
    amount_cents,
    as_vendor,
    clause_of,
    euros,
    over_readings,
)
from cgvlib.arithmetic.exit_cost import (
    PERIOD_EXIT_KINDS,
    Billing,
    exit_billing,
    invoice_history_cents,
    period_exit,
)
from cgvlib.arithmetic.working_words import Worded, day_words, eur, named, semicolon
from cgvlib.dates import as_date
from cgvlib.errors import InputError
from cgvlib.i18n import Joined, Phrase
from cgvlib.model.ambiguity import reading_variants
from cgvlib.model.base import Source
from cgvlib.model.term import InitialTerm, NoticeRule, TenureBased, Term
from cgvlib.model.vendor import Vendor
from cgvlib.reference.months import (
    add_months,
    day_after_month_of,
    end_of_month,
    full_months_between,
    full_years_between,
    months_before,
)

ONE_DAY = dt.timedelta(days=1)
WHAT = "the contract's duration, renewal and notice"


# --------------------------------------------------------------------------- result


@dataclass(frozen=True, kw_only=True)
class ExitPlan(Result):
    """When the contract ends if notice is sent on ``request_date``, and what is billed.

    - ``end``: the contract's last day; ``notice_months``: the notice's length (0 when none;
      for a before-term rule, the months the letter must precede the term); ``notice_start``:
      the first day of a notice that runs from a day the rule fixes (art. 20), else None;
    - ``term_end``: the last day of the term or commitment period in progress at the request
      (None without one); ``deadline``: the last day to send notice for that term (None when the
      rule has none); ``deadline_met``: whether the request meets it (None without a deadline);
      ``renewed``: the term renews because the request came too late;
    - ``tenure_years``: completed years of subscription at the request (tenure rules only);
    - ``derivation``: how the end was found, line by line; ``rule``: the article(s) applied;
    - ``billed_monthly`` / ``billed_total`` (and ``*_cents``): the monthly amount and the total
      billed from the month in progress at the request to the end (None when not computable,
      ``billing_basis`` says why); ``billed_months``: the months the total covers;
    - the risk (module docstring): ``later_deadline`` the latest last day another reading
      gives for the same term when it is later than ``deadline`` (None when every reading
      agrees), ``later_reading`` that reading's name; ``at_stake`` (and ``at_stake_cents``)
      what the client pays in addition if its letter leaves only on ``later_deadline`` (None
      when not computable, ``at_stake_basis`` says why).
    """

    start: dt.date
    request_date: dt.date
    notice_months: int
    notice_start: dt.date | None
    end: dt.date
    term_end: dt.date | None
    deadline: dt.date | None
    deadline_met: bool | None
    renewed: bool
    tenure_years: int | None
    rule: str
    derivation: tuple[str, ...]
    billed_monthly: Decimal | None
    billed_monthly_cents: int | None
    billed_total: Decimal | None
    billed_total_cents: int | None
    billed_months: int
    billing_basis: str
    later_deadline: dt.date | None = None
    later_reading: str | None = None
    at_stake: Decimal | None = None
    at_stake_cents: int | None = None
    at_stake_basis: str = ""

    def headline(self, lang: str = "en") -> str:
        parts = []
        if self.notice_start is not None:
            parts.append(Phrase("notice {months} month(s) from {start}",
                                months=self.notice_months, start=day_words(self.notice_start)))
        if self.deadline is not None:
            parts.append(Phrase("last safe day {deadline} met", deadline=day_words(self.deadline))
                         if self.deadline_met else
                         Phrase("last safe day {deadline} missed",
                                deadline=day_words(self.deadline)))
        notice = Joined(parts, ", ") if parts else Phrase("no notice")
        renewed = Phrase(", renewed (late notice)") if self.renewed else ""
        billed = ("" if self.billed_total_cents is None
                  else Phrase("; billed until the end {amount}",
                              amount=eur(self.billed_total_cents)))
        return Joined((Phrase("request {request}: ends {end} ({notice}{renewed}){billed}",
                              request=day_words(self.request_date), end=day_words(self.end),
                              notice=notice, renewed=renewed, billed=billed),
                       self.risk_line(prefix=semicolon(lang), lang=lang))).say(lang)

    def risk_line(self, prefix: str = "", lang: str = "en") -> str:
        """The later reading's day and what is at stake, in one line ("" without a risk)."""
        if self.later_deadline is None:
            return ""
        stake = (Phrase("at stake not computable") if self.at_stake_cents is None
                 else Phrase("at stake {amount}", amount=eur(self.at_stake_cents)))
        return prefix + Phrase("risk: {day} under {reading} ({stake} if the letter leaves only "
                               "then)", day=day_words(self.later_deadline),
                               reading=named(self.later_reading), stake=stake).say(lang)


# --------------------------------------------------------------------------- terms


@dataclass(frozen=True)
class Terms:
    """The successive terms of a contract started on ``start``: a first term of
    ``first_months``, renewed for ``renewal_months`` each time (None: no tacit renewal)."""

    start: dt.date
    first_months: int
    renewal_months: int | None
    offer: InitialTerm

    def _months_to(self, k: int) -> int:
        """Months from ``start`` to the end of term ``k`` (0-based)."""
        return self.first_months + k * (self.renewal_months or 0)

    def bounds(self, k: int) -> tuple[dt.date, dt.date]:
        """First and last day of term ``k`` (0-based); term_end = add_months(start, N) - 1."""
        first = self.start if k == 0 else add_months(self.start, self._months_to(k - 1))
        return first, add_months(self.start, self._months_to(k)) - ONE_DAY

    def index_of(self, day: dt.date) -> int:
        """The term ``day`` falls in; an error past the end of a term that does not renew."""
        months = full_months_between(self.start, day)
        if months < self.first_months:
            return 0
        if self.renewal_months is None:
            how = (Phrase("at the client's express request")
                   if self.offer.renewal == "on_request" else Phrase("if agreed"))
            raise InputError(Phrase(
                "notice_sent: {day} is after the end of the {months}-month term ({end}), which "
                "renews only {how} (art. {article}): the contract has already ended",
                day=day_words(day), months=self.first_months, end=day_words(self.bounds(0)[1]),
                how=how, article=self.offer.source.article))
        return 1 + (months - self.first_months) // self.renewal_months


def _as_months(value, name: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise InputError(Phrase("{name}: expected a whole number of months such as 12, got "
                                "{value}", name=name, value=repr(value)))
    try:
        months = operator.index(value)
    except TypeError:
        raise InputError(Phrase("{name}: expected a whole number of months such as 12, got "
                                "{type} {value}", name=name, type=type(value).__name__,
                                value=repr(value))) from None
    if months < 1:
        raise InputError(Phrase("{name}: {months} months; give a length of 1 month or more",
                                name=name, months=months))
    return months


def contract_terms(vendor: Vendor, term: Term, start: dt.date,
                   commitment_months: int | None) -> Terms:
    """The terms of the commitment offered by ``term.initial_terms`` of ``commitment_months``.

    Without ``commitment_months``: the one tacitly renewed length the terms offer. A length set
    by the order or quote (``months: null``, GOUT 7 C) must be given; its renewed periods are
    read as the same length (the text does not state it). A tacit offer without
    ``renewal_months`` is renewed for its own length. When several offers have the length
    asked for (Teogest: 14.3 dossier-based, renewed tacitly; 14.1.1 users-based, renewal not
    stated), the tacitly renewed one is used.
    """
    offers = term.initial_terms
    fixed = sorted({o.months for o in offers if o.months is not None})
    open_offers = [o for o in offers if o.months is None]
    if commitment_months is None:
        tacit = sorted({o.months for o in offers if o.months and o.renewal == "tacit"})
        if len(tacit) == 1:
            chosen = next(o for o in offers if o.months == tacit[0] and o.renewal == "tacit")
        elif open_offers and not tacit:
            o = open_offers[0]
            raise InputError(Phrase(
                "commitment_months: {vendor}'s term length is set by the order or quote "
                "(art. {article}: « {quote} »); give it, e.g. commitment_months=12",
                vendor=vendor.name, article=o.source.article, quote=o.source.quote))
        else:
            raise InputError(Phrase("commitment_months: {vendor}'s terms offer several "
                                    "lengths; give one of {lengths}", vendor=vendor.name,
                                    lengths=", ".join(map(str, fixed))))
    else:
        matches = sorted((o for o in offers if o.months == commitment_months),
                         key=lambda o: o.renewal != "tacit")
        if matches:
            chosen = matches[0]
        elif open_offers:
            chosen = open_offers[0]
        else:
            raise InputError(Phrase(
                "commitment_months: {vendor}'s terms offer no {months}-month term; valid "
                "lengths: {lengths}", vendor=vendor.name, months=commitment_months,
                lengths=", ".join(map(str, fixed))))
    months = chosen.months or commitment_months
    renewal = (chosen.renewal_months or months) if chosen.renewal == "tacit" else None
    return Terms(start, months, renewal, chosen)


def _commitment(vendor: Vendor, term: Term, start: dt.date,
                commitment_months: int | None) -> Terms | None:
    """A tenure-based vendor's commitment (None: the monthly subscription, no commitment)."""
    if commitment_months is None:
        return None
    lengths = sorted({o.months for o in term.initial_terms if o.months and o.months > 1})
    if commitment_months not in lengths:
        raise InputError(Phrase(
            "commitment_months: {vendor}'s commitments are {lengths} months; give one of them, "
            "or None for a subscription without commitment (a monthly subscription is not a "
            "commitment: 14.1.1 binds only subscriptions « dont la durée est supérieure à un "
            "mois »)", vendor=vendor.name, lengths=", ".join(map(str, lengths))))
    return contract_terms(vendor, term, start, commitment_months)


# --------------------------------------------------------------------------- notice rules


def _rules(term: Term, kind: str) -> list[NoticeRule]:
    return [n for n in term.notice if n.rule.kind == kind]


def deadline_for(rule: NoticeRule, term_end: dt.date) -> dt.date:
    """The last day to send notice for a term ending on ``term_end``.

    ``before_term``: ``months`` before the term's last day (``term_end``) or before its
    anniversary (``anniversary`` = term_end + 1 day), clamped: JANQUOR, start 2024-01-31, term
    end 2025-01-30 -> 2024-11-30; anniversary 2025-01-31 -> 2024-11-30 (no 31 November).
    ``until_eve_of_renewal``: the term's last day, the eve of the renewal date.
    """
    r = rule.rule
    if r.kind == "until_eve_of_renewal":
        return term_end
    if r.kind != "before_term":
        raise InputError(f"a {r.kind} notice rule has no fixed deadline before the term")
    anchor = term_end if r.counted_from == "term_end" else term_end + ONE_DAY
    return months_before(anchor, r.months)


def _deadline_words(rule: NoticeRule) -> str:
    r = rule.rule
    if r.kind == "until_eve_of_renewal":
        return Phrase("until the eve of the renewal date (the term's last day)")
    if r.counted_from == "term_end":
        return Phrase("{months} month(s) before the term's last day", months=r.months)
    return Phrase("{months} month(s) before the anniversary", months=r.months)


@dataclass(frozen=True)
class TenureNotice:
    """Art. 20 for one request: completed months and years, notice length, start and end;
    ``free_until``: the last day a request gets no notice (None when every request gets one),
    ``threshold``: the day tenure reaches ``no_notice_under_months``."""

    months_full: int
    years: int
    notice_months: int
    notice_start: dt.date | None
    end: dt.date
    lines: tuple[str, ...]
    free_until: dt.date | None
    threshold: dt.date


def tenure_notice(rule: TenureBased, start: dt.date, request: dt.date) -> TenureNotice:
    """The notice a tenure rule gives a request made on ``request`` (module docstring).

    Start 2021-03-15, request 2024-11-20: 3 completed years, notice 1 + 3 = 4 months from
    2024-12-01, ending 2025-03-31. Start 2024-03-15, request 2024-11-20: 8 completed months,
    no notice, ends 2024-11-30. Start 2023-11-20, request 2024-11-20 (the anniversary itself):
    ``at_threshold="notice"`` 1 + 1 = 2 months, ends 2025-01-31; ``"no_notice"`` ends
    2024-11-30.
    """
    threshold_months = rule.no_notice_under_months
    threshold = add_months(start, threshold_months)
    on_threshold = threshold_months > 0 and request == threshold
    free_until = (None if threshold_months == 0
                  else threshold if rule.at_threshold == "no_notice" else threshold - ONE_DAY)
    months_full = full_months_between(start, request)
    years = full_years_between(start, request)
    tenure = [Phrase("tenure {start} -> {request}: {months} completed month(s), {years} "
                     "year(s)", start=day_words(start), request=day_words(request),
                     months=months_full, years=years)]
    if on_threshold:
        words = (Phrase("« moins d'un an » (no notice)") if rule.at_threshold == "no_notice"
                 else Phrase("« plus d'un an » (notice due)"))
        tenure.append(Phrase("; the request falls on the day tenure reaches {months} months, "
                             "which « moins d'un an » / « plus d'un an » leave out: read as "
                             "{words}", months=threshold_months, words=words))
    tenure = Worded(Joined(tenure))
    if months_full < threshold_months or (on_threshold and rule.at_threshold == "no_notice"):
        end = end_of_month(request)
        return TenureNotice(months_full, years, 0, None, end, (
            tenure,
            Worded(Phrase("under {months} months (« abonné depuis moins d'un an »): no notice, "
                          "ends at the end of the month of the request, {end}",
                          months=threshold_months, end=day_words(end))),
        ), free_until, threshold)
    n = rule.base_months + rule.months_per_full_year * years
    first = day_after_month_of(request)
    end = add_months(first, n) - ONE_DAY
    return TenureNotice(months_full, years, n, first, end, (
        tenure,
        Worded(Phrase("notice = {base} + {per_year} x {years} completed year(s) = {months} "
                      "month(s)", base=rule.base_months, per_year=rule.months_per_full_year,
                      years=years, months=n)),
        Worded(Phrase("from the day after the month of the request, {first}, to {end}",
                      first=day_words(first), end=day_words(end))),
    ), free_until, threshold)


@functools.lru_cache(maxsize=4096)
def latest_tenure_request(rule: TenureBased, start: dt.date, term_end: dt.date) -> dt.date | None:
    """The latest request date (from ``start``) whose art. 20 notice ends on or before
    ``term_end``; None when even a request on ``start`` ends later.

    The notice's end never decreases as the request moves later (the tenure only grows; on the
    first anniversary it is the end of that month or the notice's under ``at_threshold``, both
    between the day before's and the day after's), so a binary search over the days finds it.
    Cached: the rule is immutable.
    """
    if tenure_notice(rule, start, start).end > term_end:
        return None
    lo, hi = 0, (term_end - start).days  # lo always qualifies
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if tenure_notice(rule, start, start + dt.timedelta(days=mid)).end <= term_end:
            lo = mid
        else:
            hi = mid - 1
    return start + dt.timedelta(days=lo)


# --------------------------------------------------------------------------- plans


@dataclass(frozen=True)
class _Inputs:
    vendor: Vendor
    start: dt.date
    request: dt.date
    commitment_months: int | None
    monthly_cents: int | None
    history: dict[dt.date, int] | None


def _plan(inputs: _Inputs, term: Term, *, notice_months: int, notice_start, end, term_end,
          deadline, deadline_met, renewed, tenure_years, rule: str, derivation: list[str],
          sources: list[Source]) -> ExitPlan:
    billing: Billing = exit_billing(
        term.exit_charges, start=inputs.start, request=inputs.request, end=end,
        notice_months=notice_months, history=inputs.history, monthly_cents=inputs.monthly_cents,
    )
    cents = billing.monthly_cents, billing.total_cents
    return ExitPlan(
        vendor=inputs.vendor.name,
        working=(*derivation, *billing.lines,
                 Worded(Phrase("billing: {basis}", basis=billing.basis))),
        sources=tuple(dict.fromkeys([*sources, *billing.sources])),
        start=inputs.start, request_date=inputs.request, notice_months=notice_months,
        notice_start=notice_start, end=end, term_end=term_end, deadline=deadline,
        deadline_met=deadline_met, renewed=renewed, tenure_years=tenure_years, rule=rule,
        derivation=tuple(derivation),
        billed_monthly=None if cents[0] is None else euros(cents[0]),
        billed_monthly_cents=cents[0],
        billed_total=None if cents[1] is None else euros(cents[1]),
        billed_total_cents=cents[1], billed_months=billing.months, billing_basis=billing.basis,
    )


def _renewal_plan(inputs: _Inputs, term: Term, rule: NoticeRule, terms: Terms,
                  extra: tuple[str, ...] = (), tenure_years: int | None = None) -> ExitPlan:
    """Before-term and eve-of-renewal rules: the term in progress ends, or the next one."""
    request = inputs.request
    k = terms.index_of(request)
    first, last = terms.bounds(k)
    length = terms.first_months if k == 0 else terms.renewal_months
    lines = [*extra, Worded(Phrase("term {k} in progress: {first} to {last} ({months} months, "
                                   "art. {article})", k=k + 1, first=day_words(first),
                                   last=day_words(last), months=length,
                                   article=terms.offer.source.article))]
    if terms.renewal_months is None:
        lines.append(Worded(Phrase("no tacit renewal ({renewal}): the contract ends at the "
                                   "term, {last}, without notice",
                                   renewal=named(terms.offer.renewal), last=day_words(last))))
        return _plan(inputs, term, notice_months=0, notice_start=None, end=last, term_end=last,
                     deadline=None, deadline_met=None, renewed=False,
                     tenure_years=tenure_years, rule=terms.offer.source.article, derivation=lines,
                     sources=[terms.offer.source])
    deadline = deadline_for(rule, last)
    lines.append(Worded(Phrase("notice {when} (art. {article}): last day to send it {deadline}",
                               when=_deadline_words(rule), article=rule.source.article,
                               deadline=day_words(deadline))))
    j, term_deadline = k, deadline
    while term_deadline < request:
        j += 1
        term_deadline = deadline_for(rule, terms.bounds(j)[1])
    end = terms.bounds(j)[1]
    if j == k:
        lines.append(Worded(Phrase("sent {request}, in time: the contract ends at the term, "
                                   "{end}", request=day_words(request), end=day_words(end))))
    else:
        late = {"void_renewal_due": Phrase("void (« toute demande de résiliation hors-délai sera "
                                           "nul »), the renewed period is due in full"),
                "unstated": Phrase("too late to stop the tacit renewal")}.get(
            getattr(rule.rule, "late_notice", "unstated"))
        lines.append(Worded(Phrase(
            "sent {request}, after {deadline}: {late}; the earliest end is the end of term {k}, "
            "{end} (a letter for it must leave by {term_deadline})", request=day_words(request),
            deadline=day_words(deadline), late=late, k=j + 1, end=day_words(end),
            term_deadline=day_words(term_deadline))))
    return _plan(inputs, term, notice_months=getattr(rule.rule, "months", 0),
                 notice_start=None, end=end, term_end=last, deadline=deadline,
                 deadline_met=j == k, renewed=j > k, tenure_years=tenure_years,
                 rule=rule.source.article, derivation=lines,
                 sources=[terms.offer.source, rule.source])


def _tenure_plan(inputs: _Inputs, term: Term) -> ExitPlan:
    """Teogest: art. 20, with a commitment (14.1.1) or the 14.3 non-renewal."""
    art20 = _rules(term, "tenure_based")[0]
    eve = _rules(term, "until_eve_of_renewal")
    commitment = _commitment(inputs.vendor, term, inputs.start, inputs.commitment_months)
    if commitment is not None and eve:
        return _renewal_plan(inputs, term, eve[0], commitment, extra=(
            Worded(Phrase("{months}-month commitment: non-renewal « jusqu'à la veille de la date "
                          "de renouvellement » (art. {article}), without the art. {art20} "
                          "notice", months=inputs.commitment_months,
                          article=eve[0].source.article, art20=art20.source.article)),
        ), tenure_years=full_years_between(inputs.start, inputs.request))
    request = inputs.request
    notice = tenure_notice(art20.rule, inputs.start, request)
    lines = [*notice.lines]
    end, term_end, deadline, sources = notice.end, None, None, [art20.source]
    if commitment is None:
        lines.append(Worded(Phrase("no commitment (monthly subscription): art. {article} "
                                   "alone", article=art20.source.article)))
        if notice.free_until is not None and request <= notice.threshold:
            deadline = notice.free_until
            lines.append(Worded(Phrase("last day to ask without notice: {deadline} (tenure "
                                       "reaches {months} months on {threshold})",
                                       deadline=day_words(deadline),
                                       months=art20.rule.no_notice_under_months,
                                       threshold=day_words(notice.threshold))))
    else:
        k = commitment.index_of(request)
        first, term_end = commitment.bounds(k)
        sources.append(commitment.offer.source)
        lines.append(Worded(Phrase("{months}-month commitment period in progress: {first} to "
                                   "{end}", months=inputs.commitment_months,
                                   first=day_words(first), end=day_words(term_end))))
        deadline = latest_tenure_request(art20.rule, inputs.start, term_end)
        if deadline is not None:
            lines.append(Worded(Phrase("last day for a request whose notice ends with this "
                                       "period: {deadline}", deadline=day_words(deadline))))
        if notice.end > term_end:
            lines.append(Worded(Phrase("the notice ends after the commitment: « l'abonnement se "
                                       "poursuivra jusqu'à la date de fin du préavis », {end}",
                                       end=day_words(notice.end))))
        else:
            end = term_end
            lines.append(Worded(Phrase("the commitment ends after the notice: terminable only "
                                       "« au terme de la période souscrite », {end}",
                                       end=day_words(term_end))))
    return _plan(inputs, term, notice_months=notice.notice_months,
                 notice_start=notice.notice_start, end=end, term_end=term_end,
                 deadline=deadline, deadline_met=None if deadline is None else request <= deadline,
                 renewed=False, tenure_years=notice.years, rule=art20.source.article,
                 derivation=lines, sources=sources)


def _per_order_plan(inputs: _Inputs, term: Term) -> ExitPlan:
    """Leappy, ioSmart: no renewal and no notice; effective on the day of the request."""
    lines = [Worded(Phrase("duration per order: the order or quote sets the mission's length; "
                           "the terms state no renewal and no notice")),
             Worded(Phrase("a termination takes effect on the day it is made, {day}, unless the "
                           "order says otherwise", day=day_words(inputs.request)))]
    if inputs.commitment_months is not None:
        lines.append(Worded(Phrase("{name}={months} not used: the terms offer no commitment",
                                   name=named("commitment_months"),
                                   months=inputs.commitment_months)))
    sources = list(dict.fromkeys([term.source, *(o.source for o in term.initial_terms)]))
    return _plan(inputs, term, notice_months=0, notice_start=None, end=inputs.request,
                 term_end=None, deadline=None, deadline_met=None, renewed=False,
                 tenure_years=None, rule=term.source.article,
                 derivation=lines, sources=sources)


def _plan_for(inputs: _Inputs, term: Term) -> ExitPlan:
    if _rules(term, "tenure_based"):
        return _tenure_plan(inputs, term)
    renewal_rules = _rules(term, "before_term") or _rules(term, "until_eve_of_renewal")
    if renewal_rules:
        terms = contract_terms(inputs.vendor, term, inputs.start, inputs.commitment_months)
        return _renewal_plan(inputs, term, renewal_rules[0], terms)
    return _per_order_plan(inputs, term)


# --------------------------------------------------------------------------- entry points


def _span(start, later, name: str, advice: Phrase) -> tuple[dt.date, dt.date]:
    """``start`` and the ``later`` date named ``name`` as dates, the later not before start."""
    first = as_date(start, "start")
    last = as_date(later, name)
    if last < first:
        raise InputError(Phrase("{name}: {last} is before start {first}; {advice}", name=name,
                                last=day_words(last), first=day_words(first), advice=advice))
    return first, last


def exit_plan(vendor: Vendor | str, start, notice_sent, *, commitment_months=None,
              monthly_amount=None, invoice_history=None, reading=None,
              with_risk: bool = True) -> ExitPlan:
    """When the contract really ends if notice is sent on ``notice_sent``, and what is billed.

    ``start``: the date the contract (subscription) started; ``commitment_months``: the
    commitment's length (Teogest: 12, 24 or 36, None for no commitment; JANQUOR: 12 by default,
    or 3 or 6; GOUT: required, the maintenance's length); ``monthly_amount``: euros per month
    (Teogest: the expected monthly use during the notice and the ordinary monthly invoice;
    JANQUOR, GOUT: the monthly price); ``invoice_history``: Teogest's monthly invoices (month ->
    euros, a mapping or ``pandas.Series``). ``reading`` names a reading of the term clause
    (e.g. ``"notice[1]=eve_of_renewal"`` or ``"notice[0]=one_year_no_notice"`` for Teogest,
    ``"anniversary"`` for JANQUOR, ``"notice[0]=anniversary"`` for GOUT); the result shows the
    default one (the last safe day) and carries all in ``readings``. Each reading's plan names
    the later day another reading gives and what is at stake if only it is met (module
    docstring); ``with_risk=False`` leaves those fields empty (a chart of many days needs only
    the ends and totals). Conventions: module docstring and :mod:`.exit_cost`.
    """
    v = as_vendor(vendor)
    term = clause_of(v, "term", WHAT)
    first, request = _span(start, notice_sent, "notice_sent",
                           Phrase("notice can only be sent once the contract has started"))
    monthly = None if monthly_amount is None else amount_cents(monthly_amount, "monthly_amount")
    history = (None if invoice_history is None
               else invoice_history_cents(invoice_history, first, request))
    inputs = _Inputs(v, first, request, _as_months(commitment_months, "commitment_months"),
                     monthly, history)
    plan = over_readings(term, lambda t: _plan_for(inputs, t), reading=reading)
    return _with_risk(plan, reading_variants(term)[0], inputs) if with_risk else plan


# --------------------------------------------------------------------------- the risk


def _on(inputs: _Inputs, day: dt.date) -> _Inputs:
    """``inputs`` for a letter sent on ``day`` (the invoices issued up to its month)."""
    history = inputs.history
    if history is not None:
        history = {m: c for m, c in history.items() if m <= day.replace(day=1)}
    return dataclasses.replace(inputs, request=day, history=history)


def at_stake(inputs: _Inputs, day: dt.date, reading: Term, later: Term
             ) -> tuple[int | None, str]:
    """What a letter sent on ``day`` costs in addition under ``reading`` (late) compared with
    ``later`` (in time): the difference of the two plans' totals, or None and why."""
    if day < inputs.start:
        return None, Worded(Phrase("not computable: {day} is before the contract's start "
                                   "{start} (a notice longer than the first term)",
                                   day=day_words(day), start=day_words(inputs.start)))
    on_day = _on(inputs, day)
    mine, theirs = _plan_for(on_day, reading), _plan_for(on_day, later)
    if mine.billed_total_cents is None or theirs.billed_total_cents is None:
        missing = mine if mine.billed_total_cents is None else theirs
        return None, missing.billing_basis
    stake = mine.billed_total_cents - theirs.billed_total_cents
    return stake, Worded(Phrase(
        "a letter sent on {day} ends the contract on {end} under this reading ({billed} billed "
        "from that day) and on {later_end} under the later one ({later_billed}): {stake} more",
        day=day_words(day), end=day_words(mine.end), billed=eur(mine.billed_total_cents),
        later_end=day_words(theirs.end), later_billed=eur(theirs.billed_total_cents),
        stake=eur(stake)))


def _risk(name: str, plan: ExitPlan, plans: dict[str, ExitPlan], variants: dict[str, Term],
          inputs: _Inputs) -> ExitPlan:
    """``plan`` (the reading ``name``) with the latest day another reading gives for the same
    term, when later than its own deadline, and what is at stake on that day."""
    if plan.deadline is None:
        return plan
    later = [(r.deadline, n) for n, r in plans.items()
             if r.deadline is not None and r.deadline > plan.deadline]
    if not later:
        return plan
    day, other = max(later, key=lambda item: item[0])
    stake, basis = at_stake(inputs, day, variants[name], variants[other])
    line = Worded(Phrase("risk: the reading {reading} gives {day}, later than the last safe "
                         "day {deadline}; {stake}", reading=named(other), day=day_words(day),
                         deadline=day_words(plan.deadline),
                         stake=basis if stake is not None else
                         Phrase("the sum at stake is not computable ({basis})", basis=basis)))
    return dataclasses.replace(
        plan, working=(*plan.working, line), later_deadline=day, later_reading=other,
        at_stake=None if stake is None else euros(stake), at_stake_cents=stake,
        at_stake_basis=basis)


def _with_risk(plan: ExitPlan, variants: dict[str, Term], inputs: _Inputs) -> ExitPlan:
    """``plan`` and each of its readings with their risk (:func:`_risk`)."""
    if not plan.readings:
        return plan
    readings = {n: _risk(n, r, plan.readings, variants, inputs) for n, r in plan.readings.items()}
    carried = {f.name: getattr(plan, f.name) for f in dataclasses.fields(Result)
               if f.name not in ("vendor", "working", "sources", "readings")}
    return dataclasses.replace(readings[plan.reading], **carried, readings=readings)


# --------------------------------------------------------------------------- early exit


@dataclass(frozen=True, kw_only=True)
class EarlyExit(Result):
    """A contract or maintenance ended on ``ends_on``, in the middle of its period.

    ``period_start``/``period_end``: the period in progress; ``period_months``,
    ``started_months`` (begun by ``ends_on``, the month in progress included),
    ``unstarted_months``; ``months_due`` and ``due`` (``due_cents``): what the client bears
    from the month in progress on; ``refund`` (``refund_cents``): the months not started,
    paid in advance and refunded by ``refund_by`` (0 and None when the charge refunds
    nothing); sums None without ``monthly_amount`` (``basis`` says so).
    """

    start: dt.date
    ends_on: dt.date
    period_start: dt.date
    period_end: dt.date
    period_months: int
    started_months: int
    unstarted_months: int
    months_due: int
    due: Decimal | None
    due_cents: int | None
    refund: Decimal | None
    refund_cents: int | None
    refund_by: dt.date | None
    basis: str

    def headline(self, lang: str = "en") -> str:
        months = Phrase("ends {ends}, in the period {start} to {end}: {started} of {months} "
                        "month(s) started", ends=day_words(self.ends_on),
                        start=day_words(self.period_start), end=day_words(self.period_end),
                        started=self.started_months, months=self.period_months)
        if self.due_cents is None:
            return Joined((months, "; ", self.basis)).say(lang)
        refund = (Phrase(", refund {amount} by {by}", amount=eur(self.refund_cents),
                         by=day_words(self.refund_by))
                  if self.refund_by is not None else Phrase(", no refund"))
        return Joined((months, Phrase("; due {amount}", amount=eur(self.due_cents)),
                       refund)).say(lang)


def _early_exit(inputs: _Inputs, term: Term) -> EarlyExit:
    if _rules(term, "tenure_based") or not (_rules(term, "before_term")
                                            or _rules(term, "until_eve_of_renewal")):
        raise InputError(Phrase(
            "{vendor}'s terms state no exit in the middle of a period (art. {article}); see "
            "exit_plan for when a termination takes effect", vendor=inputs.vendor.name,
            article=term.source.article))
    charge = next((c for c in term.exit_charges if c.kind in PERIOD_EXIT_KINDS), None)
    if charge is None:
        raise InputError(Phrase("{vendor}'s terms state no charge for an exit in the middle "
                                "of a period", vendor=inputs.vendor.name))
    terms = contract_terms(inputs.vendor, term, inputs.start, inputs.commitment_months)
    first, last = terms.bounds(terms.index_of(inputs.request))
    split = period_exit(charge, start=inputs.start, period_start=first, period_end=last,
                        ends_on=inputs.request, monthly_cents=inputs.monthly_cents)
    cents = inputs.monthly_cents, split.due_cents, split.refund_cents
    return EarlyExit(
        vendor=inputs.vendor.name, working=(*split.lines,
                                            Worded(Phrase("basis: {basis}", basis=split.basis))),
        sources=tuple(dict.fromkeys([terms.offer.source, *split.sources])),
        start=inputs.start, ends_on=inputs.request, period_start=first, period_end=last,
        period_months=split.period_months, started_months=split.started,
        unstarted_months=split.not_started, months_due=split.months_due,
        due=None if cents[1] is None else euros(cents[1]), due_cents=cents[1],
        refund=None if cents[2] is None else euros(cents[2]), refund_cents=cents[2],
        refund_by=split.refund_by, basis=split.basis,
    )


def early_exit(vendor: Vendor | str, start, ends_on, *, commitment_months=None,
               monthly_amount=None, reading=None) -> EarlyExit:
    """What ending a contract on ``ends_on``, in the middle of its period, costs and returns.

    GOUT 7 C (maintenance; its length, ``commitment_months``, is required): « Tous mois
    commencé est dû. Les autres pourront faire l'objet d'un remboursement par chèque sous deux
    (2) mois »: under the default reading the started months are due and the others, paid in
    advance (5 D), refunded within two months of ``ends_on``; under the other, every sum to the
    end of the period. JANQUOR art. 16 (an express request to stop the services): « la
    totalité des sommes restant dues jusqu'au terme du contrat seront exigibles
    immédiatement ». The text does not say when a GOUT maintenance may end midway (7 D breach,
    7 E cessation of business); ``ends_on`` is the day it ends. Months are counted on the
    monthly anniversaries of ``start``; the month in progress is due (:mod:`.exit_cost`).
    """
    v = as_vendor(vendor)
    term = clause_of(v, "term", WHAT)
    first, last = _span(start, ends_on, "ends_on", Phrase("give a day on or after it"))
    monthly = None if monthly_amount is None else amount_cents(monthly_amount, "monthly_amount")
    inputs = _Inputs(v, first, last, _as_months(commitment_months, "commitment_months"),
                     monthly, None)
    return over_readings(term, lambda t: _early_exit(inputs, t), reading=reading)


# --------------------------------------------------------------------------- deadlines table


def _deadline_rows(vendor: Vendor, term: Term, start: dt.date, until: dt.date,
                   commitment_months: int | None) -> list[dict]:
    """Rows for one reading: term bounds, last day to send notice, notice months, rule."""
    tenure = _rules(term, "tenure_based")
    eve = _rules(term, "until_eve_of_renewal")
    if tenure:
        if commitment_months is None:
            raise InputError(Phrase(
                "commitment_months: {vendor}'s subscription without commitment has no term to "
                "renew (art. 20 notice runs from any request: see exit_plan); give the "
                "commitment's length, one of {lengths}", vendor=vendor.name,
                lengths=", ".join(str(m) for m in sorted({o.months for o in term.initial_terms
                                                          if o.months and o.months > 1}))))
        terms = _commitment(vendor, term, start, commitment_months)
    else:
        rules = _rules(term, "before_term") or eve
        if not rules:
            raise InputError(Phrase(
                "{vendor}'s terms state no renewal and no notice (duration per order: art. "
                "{article}); there is no deadline to compute", vendor=vendor.name,
                article=term.source.article))
        terms = contract_terms(vendor, term, start, commitment_months)
    rows, k = [], 0
    while True:
        first, last = terms.bounds(k)
        if first > until:
            break
        renewal = None if terms.renewal_months is None else last + ONE_DAY
        if renewal is None:
            day, months, article = None, 0, terms.offer.source.article
        elif tenure and not eve:
            day = latest_tenure_request(tenure[0].rule, start, last)
            months = (None if day is None
                      else tenure_notice(tenure[0].rule, start, day).notice_months)
            article = tenure[0].source.article
        else:
            rule = eve[0] if tenure else rules[0]
            day, article = deadline_for(rule, last), rule.source.article
            months = getattr(rule.rule, "months", 0)
        rows.append({"term_start": first, "term_end": last, "renewal_date": renewal,
                     "last_day_to_send_notice": day, "notice_months": months, "rule": article})
        if renewal is None:
            break
        k += 1
    return rows


def renewal_deadlines(vendor: Vendor | str, start, until, *, commitment_months=None,
                      monthly_amount=None, reading=None) -> pd.DataFrame:
    """One row per term from ``start`` while terms start on or before ``until``.

    Columns: ``term_start``, ``term_end`` (= add_months(start, N) - 1 day), ``renewal_date``
    (term_end + 1 day; None for a term that does not renew tacitly), ``last_day_to_send_notice``
    and ``notice_months`` under the reading shown (the default one, the last safe day, unless
    ``reading`` names another), one ``last_day_to_send_notice (<reading>)`` and
    ``notice_months (<reading>)`` column per other reading that changes the notice rules, and
    ``rule`` (the article). With ``monthly_amount`` (euros a month), one ``at_stake
    (<reading>)`` column per other reading: what the client pays in addition, under the reading
    shown, if the letter leaves on that reading's day (``Decimal`` euros; 0 when that day is
    not later; None when not computable, e.g. Teogest's notice billed at the highest of three
    amounts, which needs the invoice history: see :func:`exit_plan`).

    Teogest (``commitment_months`` required: 12, 24 or 36): under art. 20 (the default) the last
    day is the latest request whose notice ends on or before the term's last day (it depends on
    tenure; it may fall in an earlier term, and is empty when none does); under the 14.3
    reading it is the eve of the renewal date (the term's last day) with no notice.
    ``df.attrs`` holds the vendor, the reading shown, the default reading, the readings and the
    sources.
    """
    v = as_vendor(vendor)
    term = clause_of(v, "term", WHAT)
    first, last = _span(start, until, "until", Phrase("give a date on or after start"))
    months = _as_months(commitment_months, "commitment_months")
    monthly = None if monthly_amount is None else amount_cents(monthly_amount, "monthly_amount")
    variants, default_name = reading_variants(term)
    shown = reading or default_name
    if shown not in variants:
        raise InputError(Phrase("reading {reading} is not a reading of {vendor}'s term "
                                "clause; valid readings: {valid}", reading=repr(shown),
                                vendor=v.name, valid=", ".join(variants)))
    others = [n for n in variants
              if n != shown and variants[n].notice != variants[shown].notice]
    rows = _deadline_rows(v, variants[shown], first, last, months)
    frame = pd.DataFrame(rows, columns=["term_start", "term_end", "renewal_date",
                                        "last_day_to_send_notice", "notice_months", "rule"])
    stakes = {}
    for name in others:
        other = pd.DataFrame(_deadline_rows(v, variants[name], first, last, months))
        frame.insert(frame.columns.get_loc("notice_months"),
                     f"last_day_to_send_notice ({name})", other["last_day_to_send_notice"])
        frame.insert(frame.columns.get_loc("rule"), f"notice_months ({name})",
                     other["notice_months"])
        if monthly is not None:
            inputs = _Inputs(v, first, first, months, monthly, None)
            stakes[f"at_stake ({name})"] = [
                _stake(inputs, safe, day, variants[shown], variants[name])
                for safe, day in zip(frame["last_day_to_send_notice"],
                                     other["last_day_to_send_notice"], strict=True)]
    for column, values in stakes.items():
        frame.insert(frame.columns.get_loc("rule"), column, values)
    sources = _cited(variants[shown])
    frame.attrs.update(vendor=v.name, reading=shown, default_reading=default_name,
                       readings=list(variants), sources=sources)
    return frame


def _missing(day) -> bool:
    return day is None or (not isinstance(day, dt.date) and pd.isna(day))


def _stake(inputs: _Inputs, safe, day, shown: Term, other: Term) -> Decimal | None:
    """What a letter sent on the other reading's ``day`` costs in addition under the reading
    shown: 0 when that day is not later than the reading shown's ``safe`` day."""
    if _missing(day):
        return None
    if not _missing(safe) and day <= safe:
        return euros(0)
    cents = at_stake(inputs, day, shown, other)[0]
    return None if cents is None else euros(cents)


def _cited(term: Term) -> list[Source]:
    """The term's sources: the clause, its offers and its notice rules, once each."""
    found = [term.source, *(o.source for o in term.initial_terms),
             *(n.source for n in term.notice)]
    return list(dict.fromkeys(found))


__all__ = ["EarlyExit", "ExitPlan", "early_exit", "exit_plan", "renewal_deadlines"]
