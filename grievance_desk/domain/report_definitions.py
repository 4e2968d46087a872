"""The definitions of the report's figures, each written once, in the docstring of the
function that computes it (the appendix quotes those same words, see `report_appendix`).

Pure functions of per-case facts, the period and "as at"; no I/O, no clock.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from grievance_desk.domain.report_model import CaseFacts, Closure
from grievance_desk.domain.report_period import ReportPeriod
from grievance_desk.messages import _

__all__ = [
    "AGE_BUCKETS",
    "AgeBucket",
    "age_at_end",
    "answered_at",
    "awaiting_among_open",
    "awaiting_requester_at_end",
    "by_dimension",
    "closed_in_period",
    "days_to_respond",
    "local_day",
    "no_deadline",
    "on_time_acknowledgements",
    "on_time_responses",
    "open_at_end",
    "overdue_among_open",
    "overdue_at_end",
    "percentile_nearest_rank",
    "received_in_period",
    "statutory_days_to_respond",
]


def local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


# Stored moments are UTC, and comparing two moments of one zone skips the zone's offset
# look-ups: the definitions read "as at" in UTC once (a moment is the same in any zone).


def _last_closure_in(case: CaseFacts, period: ReportPeriod, until: datetime) -> Closure | None:
    found = [c for c in case.closures if c.closed_at <= until and period.contains(c.closed_at)]
    return max(found, key=lambda c: c.closed_at) if found else None


def _closed_at(case: CaseFacts, moment: datetime) -> bool:
    """Whether the case stood closed at ``moment``: its last closing or reopening was a closing
    (a reopening at the very moment of a closing does not undo it)."""
    last = max((c.closed_at for c in case.closures if c.closed_at <= moment), default=None)
    return last is not None and not any(last < r <= moment for r in case.reopenings)


def answered_at(case: CaseFacts, closure: Closure) -> datetime:
    sent = [r for r in case.responses if closure.clock_started_at <= r <= closure.closed_at]
    return min(sent) if sent else closure.closed_at


def _paused_days(case: CaseFacts, after: date, through: date) -> int:
    """Distinct days in (after, through] on which a pause stood the clock still."""
    days: set[date] = set()
    for first, last in case.pauses:
        lo = max(first, after + timedelta(days=1))
        hi = min(last if last is not None else through, through)
        while lo <= hi:
            days.add(lo)
            lo += timedelta(days=1)
    return len(days)


def _current_clock_start(case: CaseFacts, moment: datetime) -> datetime:
    earlier = [r for r in case.reopenings if r <= moment]
    return max(earlier) if earlier else case.received_at


# --------------------------------------------------------------------------- definitions


def received_in_period(facts: Sequence[CaseFacts], period: ReportPeriod) -> list[CaseFacts]:
    """Received: cases whose time of receipt falls within the period, as the officer's time
    zone counts days (a case received at 23:30 local time on the last day of a month belongs
    to that month, even though it is already the next day in UTC).
    """
    return [c for c in facts if period.contains(c.received_at)]


def closed_in_period(
    facts: Sequence[CaseFacts], period: ReportPeriod, as_at: datetime
) -> list[tuple[CaseFacts, Closure]]:
    """Closed: cases closed at least once within the period. A case closed, reopened and
    closed again in the same period counts once, with its last closing in the period; a case
    closed in the period and reopened later still counts as closed in the period.
    """
    until = as_at.astimezone(UTC)
    found: list[tuple[CaseFacts, Closure]] = []
    for case in facts:
        closure = _last_closure_in(case, period, until)
        if closure is not None:
            found.append((case, closure))
    return found


def open_at_end(facts: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """Open at the period's end: cases received by the end of the period (or by the moment the
    report was made, for a period still running) that were not closed at that moment. A case
    reopened before then and not closed again is open.
    """
    at = as_at.astimezone(UTC)
    return [c for c in facts if c.received_at <= at and not _closed_at(c, at)]


def awaiting_requester_at_end(facts: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """Awaiting the requester at the period's end: open cases whose clock stood still on the
    last day of the period because the officer was waiting for identity proof or
    clarification (a pause began on or before that day and had not ended by then).
    """
    return awaiting_among_open(open_at_end(facts, as_at), as_at)


def awaiting_among_open(still_open: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """`awaiting_requester_at_end` of cases already known to be open at ``as_at``."""
    tz = as_at.tzinfo
    assert isinstance(tz, ZoneInfo)
    day = local_day(as_at, tz)
    return [
        c
        for c in still_open
        if any(first <= day and (last is None or last > day) for first, last in c.pauses)
    ]


def overdue_at_end(facts: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """Overdue at the period's end: open cases not yet answered whose response due date had
    passed at the end of the period, or whose acknowledgement was due and not yet sent. The
    due date is the deadline engine's, for the clock
    running then (from receipt, or from the latest reopening), with pauses added and granted
    extensions honoured; a case whose response had been sent is not overdue while it awaits
    closing. Cases without an applicable policy are never counted here (see "No deadline").
    """
    return overdue_among_open(open_at_end(facts, as_at), as_at)


def overdue_among_open(still_open: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """`overdue_at_end` of cases already known to be open at ``as_at``."""
    at = as_at.astimezone(UTC)
    found = []
    for case in still_open:
        if _acknowledgement_missed(case, at):
            found.append(case)
            continue
        if case.respond_by_at_end is None or case.respond_by_at_end >= at:
            continue
        start = _current_clock_start(case, at)
        if any(start <= r <= at for r in case.responses):
            continue
        found.append(case)
    return found


def _acknowledgement_missed(case: CaseFacts, as_at: datetime) -> bool:
    """The acknowledgement was due before ``as_at`` and neither it nor a response was sent:
    an open case in breach of the acknowledgement rule (IT Rules r.3(2)(a)(i): 24 hours) is
    overdue even while its response date is still ahead."""
    if case.acknowledge_by is None or case.acknowledge_by >= as_at:
        return False
    done = [m for m in (case.acknowledged_at, *case.responses) if m is not None and m <= as_at]
    return not done


def on_time_responses(
    closed: Sequence[tuple[CaseFacts, Closure]],
) -> tuple[list[CaseFacts], list[CaseFacts]]:
    """On-time responses: of the cases closed in the period that have a response due date,
    the share answered by that date. "Answered" is the first response sent after the clock
    started, or the closing itself when no response was recorded separately. The due date is
    the deadline engine's final one for the clock the closing ended: paused days are added
    (the clock stops while awaiting the requester, where the policy says so) and granted
    extensions are honoured. A reopened case is judged on its closing in the period against
    the clock that started at the reopening; its earlier closing was judged in its own period.
    """
    on_time: list[CaseFacts] = []
    late: list[CaseFacts] = []
    for case, closure in closed:
        if closure.respond_by is None:
            continue
        answered = answered_at(case, closure)
        (on_time if answered <= closure.respond_by else late).append(case)
    return on_time, late


def on_time_acknowledgements(
    closed: Sequence[tuple[CaseFacts, Closure]],
) -> tuple[list[CaseFacts], list[CaseFacts]]:
    """On-time acknowledgements: of the cases closed in the period whose policy requires an
    acknowledgement, the share acknowledged by the acknowledgement due date (counted from
    receipt; reopening does not call for a new one). A response sent before any separate
    acknowledgement counts as the acknowledgement, since it confirms receipt.
    """
    on_time: list[CaseFacts] = []
    late: list[CaseFacts] = []
    for case, _closure in closed:
        if case.acknowledge_by is None:
            continue
        moments = [case.acknowledged_at] if case.acknowledged_at is not None else []
        if case.closures:
            first = min(case.closures, key=lambda c: c.closed_at)
            moments.append(answered_at(case, first))
        done = min(moments) if moments else None
        (on_time if done is not None and done <= case.acknowledge_by else late).append(case)
    return on_time, late


def days_to_respond(case: CaseFacts, closure: Closure, tz: ZoneInfo) -> int:
    """Days to respond: whole days from the day the clock started (receipt, or the reopening
    for a reopened case) to the day of the answer, in the officer's time zone, not counting
    days on which the case was awaiting the requester (a pause counts its first and last
    day). Answered on the day of receipt is 0 days. Pauses are excluded whatever the policy,
    because this measures the organisation's own handling time.
    """
    start = local_day(closure.clock_started_at, tz)
    answered = local_day(answered_at(case, closure), tz)
    elapsed = (answered - start).days
    return max(0, elapsed - _paused_days(case, start, answered))


def statutory_days_to_respond(case: CaseFacts, closure: Closure, tz: ZoneInfo) -> int:
    """Days on the law's clock: as days to respond, but days awaiting the
    requester are left out only where the case's policy stops the clock (GDPR); under CCPA
    §7021(b), DPDP, SPDI and the IT Rules the clock runs, so every day counts."""
    if case.pauses_stop_clock:
        return days_to_respond(case, closure, tz)
    start = local_day(closure.clock_started_at, tz)
    return max(0, (local_day(answered_at(case, closure), tz) - start).days)


def percentile_nearest_rank(values: Sequence[int], percent: float) -> int:
    """Median and 90th percentile: the 90th percentile is by the nearest-rank method: sort
    the days ascending and take the value at rank
    ⌈p/100 × n⌉ (1-based). It is always one of the observed values, so "90th percentile:
    41 days" names a real case's time. The median is the usual middle value (the mean of the
    two middle values when the count is even).
    """
    if not values:
        raise ValueError(_("no values: a percentile needs at least one"))
    ordered = sorted(values)
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def age_at_end(case: CaseFacts, as_at: datetime) -> int:
    """Ageing of open cases: a case's age is the whole days from its day of receipt to the
    last day of the period
    (or the day the report was made, for a period still running), in the officer's time
    zone, pauses included: how long the case has been with the organisation.
    """
    tz = as_at.tzinfo
    assert isinstance(tz, ZoneInfo)
    return (local_day(as_at, tz) - local_day(case.received_at, tz)).days


@dataclass(frozen=True)
class AgeBucket:
    key: str
    label: str
    low: int
    high: int | None


AGE_BUCKETS: tuple[AgeBucket, ...] = (
    AgeBucket("0-7", "0–7 days", 0, 7),
    AgeBucket("8-15", "8–15 days", 8, 15),
    AgeBucket("16-30", "16–30 days", 16, 30),
    AgeBucket("31-60", "31–60 days", 31, 60),
    AgeBucket("61-90", "61–90 days", 61, 90),
    AgeBucket("over-90", "over 90 days", 91, None),
)


def by_dimension(
    cases: Sequence[CaseFacts], attribute: Callable[[CaseFacts], str], codes: Sequence[str]
) -> dict[str, list[CaseFacts]]:
    """Breakdowns and shares: request type, channel and policy count the cases received in
    the period;
    outcome counts the cases closed in the period (by the outcome of that closing). Each row's
    share is its count divided by the population's total, as a percentage with one decimal
    (half rounded up), so shares may not add up to exactly 100.0.
    """
    groups: dict[str, list[CaseFacts]] = {code: [] for code in codes}
    for case in cases:
        groups.setdefault(attribute(case), []).append(case)
    return groups


def no_deadline(facts: Sequence[CaseFacts]) -> list[CaseFacts]:
    """No deadline: cases in the report whose policy could not be applied (an unknown policy,
    or one not in force on the date of receipt). They are left out of the on-time and overdue
    figures rather than guessed at, and listed here so they can be put under a policy.
    """
    return [c for c in facts if not c.has_policy]
