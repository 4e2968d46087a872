"""The figures of the monthly (or yearly) summary, computed from plain per-case facts.

Services gather the facts (dates from the register, due moments from the deadline engine);
this module turns them into figures, each carrying the case references behind it so any
number can be opened as a list. Every definition is written once, in the docstring of the
function that computes it, and `definitions()` hands those same words to the report's
appendix. Pure: no I/O, no clock; the period, its time zone and "as at" are arguments.
References only: nothing here ever holds a requester's name, e-mail or description.
"""

from __future__ import annotations

import inspect
import math
import statistics
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from grievance_desk.domain.case_types import Channel, Outcome, RequestType

__all__ = [
    "AGE_BUCKETS",
    "AgeBucket",
    "Breakdown",
    "CaseFacts",
    "CaseRow",
    "Closure",
    "Definition",
    "Figure",
    "PeriodError",
    "Report",
    "ReportPeriod",
    "TrendPoint",
    "build_report",
    "definitions",
    "facts_from_data",
    "facts_to_data",
    "month_period",
    "parse_month",
    "percentile_nearest_rank",
    "report_from_data",
    "report_moment",
    "report_to_data",
    "trend_periods",
    "trend_point",
    "trend_point_from_data",
    "trend_point_to_data",
    "year_period",
]


class PeriodError(ValueError):
    """A report period that cannot be used; the message says what to give instead."""


# --------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class ReportPeriod:
    """A calendar month or year in the officer's time zone: [first_day, end_day)."""

    key: str
    label: str
    first_day: date
    end_day: date
    tz: ZoneInfo

    @cached_property
    def start_at(self) -> datetime:
        """The first instant of the period, local midnight of its first day."""
        return datetime.combine(self.first_day, time.min, tzinfo=self.tz)

    @cached_property
    def end_at(self) -> datetime:
        """The first instant after the period (exclusive end)."""
        return datetime.combine(self.end_day, time.min, tzinfo=self.tz)

    @property
    def last_day(self) -> date:
        return self.end_day - timedelta(days=1)

    @cached_property
    def _utc_bounds(self) -> tuple[datetime, datetime]:
        # Stored moments are UTC: comparing like with like skips two zone look-ups each time.
        return self.start_at.astimezone(UTC), self.end_at.astimezone(UTC)

    def contains(self, moment: datetime) -> bool:
        """Whether ``moment`` falls in the period as the officer's calendar counts it."""
        start, end = self._utc_bounds
        return start <= moment < end


def month_period(year: int, month: int, tz: ZoneInfo) -> ReportPeriod:
    """One calendar month in ``tz``: a case received at 23:30 local on the 31st belongs to it."""
    if not 1 <= month <= 12 or not 1900 <= year <= 9998:
        raise PeriodError(
            f"{year:04d}-{month:02d} is not a month; give it as YYYY-MM, e.g. 2026-10."
        )
    first = date(year, month, 1)
    return ReportPeriod(
        key=f"{year:04d}-{month:02d}",
        label=first.strftime("%B %Y"),
        first_day=first,
        end_day=first + relativedelta(months=1),
        tz=tz,
    )


def year_period(year: int, tz: ZoneInfo) -> ReportPeriod:
    """One calendar year in ``tz``."""
    if not 1900 <= year <= 9998:
        raise PeriodError(f"{year} is not a year we can report on; give it as YYYY, e.g. 2026.")
    return ReportPeriod(
        key=f"{year:04d}",
        label=f"Year {year:04d}",
        first_day=date(year, 1, 1),
        end_day=date(year + 1, 1, 1),
        tz=tz,
    )


def parse_month(text: str) -> tuple[int, int]:
    """Read "2026-10" as (2026, 10); anything else is an error naming the format YYYY-MM."""
    parts = text.strip().split("-")
    if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
        try:
            year, month = int(parts[0]), int(parts[1])
        except ValueError:
            pass
        else:
            if 1 <= month <= 12:
                return year, month
    raise PeriodError(f"{text!r} is not a month; give it as YYYY-MM, for example 2026-10.")


def trend_periods(period: ReportPeriod) -> tuple[ReportPeriod, ...]:
    """The twelve calendar months ending with the period's last month."""
    last = period.last_day.replace(day=1)
    months = [last - relativedelta(months=back) for back in range(11, -1, -1)]
    return tuple(month_period(m.year, m.month, period.tz) for m in months)


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class Closure:
    """One closing of a case: when, with what outcome, and the response due date then in force.

    ``clock_started_at`` is the receipt, or the reopening that started the clock this closure
    ended. ``respond_by`` is the engine's final response due moment for that clock (extended
    where an extension was granted, pauses added); None when no policy could be applied.
    """

    closed_at: datetime
    clock_started_at: datetime
    respond_by: datetime | None
    outcome: str | None = None


@dataclass(frozen=True)
class CaseFacts:
    """What the report needs to know about one case; no personal data.

    ``pauses`` are (first, last) dates on which the clock stood still, last None while still
    stopped. ``responses`` are the moments a response was sent. ``respond_by_at_end`` is the
    engine's final response due moment of the clock running at the report's "as at" moment
    (None when the case was closed then, or no policy applies); ``acknowledge_by`` is the
    acknowledgement due moment from receipt (None when the policy asks for none).
    """

    reference: str
    request_type: str
    channel: str
    policy_id: str
    received_at: datetime
    acknowledged_at: datetime | None = None
    acknowledge_by: datetime | None = None
    closures: tuple[Closure, ...] = ()
    reopenings: tuple[datetime, ...] = ()
    responses: tuple[datetime, ...] = ()
    pauses: tuple[tuple[date, date | None], ...] = ()
    respond_by_at_end: datetime | None = None
    has_policy: bool = True
    status_now: str = ""
    #: "complaint" or "rights_request": the report splits received and redressed by it.
    kind: str = "rights_request"
    #: Whether the policy's law stops the clock while awaiting the requester (statutory days).
    pauses_stop_clock: bool = True


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figure:
    """One number of the report and the cases behind it.

    ``value`` is the number shown (a count, a percentage or days; None when there is nothing
    to measure). ``count``/``of`` give a share's numerator and denominator. ``references``
    are the cases the drill-down opens; ``drill_down`` says in words which cases those are.
    """

    key: str
    label: str
    value: int | float | None
    unit: str
    references: tuple[str, ...] = ()
    drill_down: str = ""
    count: int | None = None
    of: int | None = None
    share: float | None = None


@dataclass(frozen=True)
class Breakdown:
    """Counts and shares of one population by one dimension (request type, channel …)."""

    key: str
    label: str
    dimension: str
    total: int
    rows: tuple[Figure, ...]


@dataclass(frozen=True)
class TrendPoint:
    """One month of the 12-month trend."""

    period_key: str
    label: str
    received: Figure
    closed: Figure
    on_time: Figure


@dataclass(frozen=True)
class CaseRow:
    """One line of the Cases sheet: references, dates and status, never personal data."""

    reference: str
    request_type: str
    channel: str
    policy_id: str
    received: str
    acknowledged: str
    closed_in_period: str
    answered: str
    respond_by: str
    days_to_respond: int | None
    on_time: str
    outcome: str
    status_at_end: str
    age_days_at_end: int | None
    status_now: str


@dataclass(frozen=True)
class Definition:
    """A term and its written definition, for the appendix."""

    term: str
    text: str


@dataclass(frozen=True)
class Report:
    """The whole summary as plain data: what the PDF, spreadsheets, JSON and UI all show."""

    organisation: str
    period: ReportPeriod
    generated_at: datetime
    as_at: datetime
    headline: tuple[Figure, ...]
    days_to_respond: tuple[Figure, ...]
    breakdowns: tuple[Breakdown, ...]
    ageing: tuple[Figure, ...]
    trend: tuple[TrendPoint, ...]
    cases: tuple[CaseRow, ...]
    definitions: tuple[Definition, ...] = field(default=())
    # The audit chain head ("SEQ:HASH") when the report was made, printed so the paper
    # anchors the register's history (``verify --head``); "" when not known.
    chain_head: str = ""

    @property
    def complete(self) -> bool:
        """False while the period is still running (figures are "to date")."""
        return self.as_at >= self.period.end_at - _INSTANT

    def figures(self) -> Iterator[Figure]:
        """Every figure, in report order, so the UI and exports can address any by key."""
        yield from self.headline
        yield from self.days_to_respond
        for breakdown in self.breakdowns:
            yield from breakdown.rows
        yield from self.ageing
        for point in self.trend:
            yield from (point.received, point.closed, point.on_time)

    def figure(self, key: str) -> Figure:
        """The figure with stable key ``key`` (for example "overdue_at_end")."""
        for found in self.figures():
            if found.key == key:
                return found
        raise KeyError(f"the report has no figure {key!r}; see Report.figures() for the keys")


# --------------------------------------------------------------------------- helpers


def _refs(cases: Sequence[CaseFacts]) -> tuple[str, ...]:
    return tuple(sorted({c.reference for c in cases}))


def _percent(part: int, whole: int) -> float | None:
    """A share as a percentage with one decimal, half rounded up (None for 0 of 0)."""
    if whole == 0:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


_INSTANT = timedelta(microseconds=1)


def report_moment(period: ReportPeriod, now: datetime) -> datetime:
    """The moment statuses are read at: the period's last instant, or ``now`` if earlier.

    A period that has not begun yet has no figures, so that is an error naming what to ask.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now has no time zone; pass an aware datetime")
    moment = min(now.astimezone(period.tz), period.end_at - _INSTANT)
    if moment < period.start_at:
        raise PeriodError(
            f"{period.label} has not begun yet; choose a period up to "
            f"{now.astimezone(period.tz).strftime('%Y-%m')}."
        )
    return moment


def _local_day(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def _last_closure_in(case: CaseFacts, period: ReportPeriod, until: datetime) -> Closure | None:
    found = [c for c in case.closures if period.contains(c.closed_at) and c.closed_at <= until]
    return max(found, key=lambda c: c.closed_at) if found else None


def _closed_at(case: CaseFacts, moment: datetime) -> bool:
    """Whether the case stood closed at ``moment``: its last closing or reopening was a closing."""
    events = [(c.closed_at, 1) for c in case.closures if c.closed_at <= moment]
    events += [(r, 0) for r in case.reopenings if r <= moment]
    if not events:
        return False
    return max(events)[1] == 1


def _answered_at(case: CaseFacts, closure: Closure) -> datetime:
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
    found: list[tuple[CaseFacts, Closure]] = []
    for case in facts:
        closure = _last_closure_in(case, period, as_at)
        if closure is not None:
            found.append((case, closure))
    return found


def open_at_end(facts: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """Open at the period's end: cases received by the end of the period (or by the moment the
    report was made, for a period still running) that were not closed at that moment. A case
    reopened before then and not closed again is open.
    """
    return [c for c in facts if c.received_at <= as_at and not _closed_at(c, as_at)]


def awaiting_requester_at_end(facts: Sequence[CaseFacts], as_at: datetime) -> list[CaseFacts]:
    """Awaiting the requester at the period's end: open cases whose clock stood still on the
    last day of the period because the officer was waiting for identity proof or
    clarification (a pause began on or before that day and had not ended by then).
    """
    tz = as_at.tzinfo
    assert isinstance(tz, ZoneInfo)
    day = _local_day(as_at, tz)
    return [
        c
        for c in open_at_end(facts, as_at)
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
    found = []
    for case in open_at_end(facts, as_at):
        if _acknowledgement_missed(case, as_at):
            found.append(case)
            continue
        if case.respond_by_at_end is None or case.respond_by_at_end >= as_at:
            continue
        start = _current_clock_start(case, as_at)
        if any(start <= r <= as_at for r in case.responses):
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
        answered = _answered_at(case, closure)
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
            moments.append(_answered_at(case, first))
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
    start = _local_day(closure.clock_started_at, tz)
    answered = _local_day(_answered_at(case, closure), tz)
    elapsed = (answered - start).days
    return max(0, elapsed - _paused_days(case, start, answered))


def statutory_days_to_respond(case: CaseFacts, closure: Closure, tz: ZoneInfo) -> int:
    """Days on the law's clock: as days to respond, but days awaiting the
    requester are left out only where the case's policy stops the clock (GDPR); under CCPA
    §7021(b), DPDP, SPDI and the IT Rules the clock runs, so every day counts."""
    if case.pauses_stop_clock:
        return days_to_respond(case, closure, tz)
    start = _local_day(closure.clock_started_at, tz)
    return max(0, (_local_day(_answered_at(case, closure), tz) - start).days)


def percentile_nearest_rank(values: Sequence[int], percent: float) -> int:
    """Median and 90th percentile: the 90th percentile is by the nearest-rank method: sort
    the days ascending and take the value at rank
    ⌈p/100 × n⌉ (1-based). It is always one of the observed values, so "90th percentile:
    41 days" names a real case's time. The median is the usual middle value (the mean of the
    two middle values when the count is even).
    """
    if not values:
        raise ValueError("no values: a percentile needs at least one")
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
    return (_local_day(as_at, tz) - _local_day(case.received_at, tz)).days


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


def trend(
    facts: Sequence[CaseFacts],
    period: ReportPeriod,
    as_at: datetime,
    known: Mapping[str, TrendPoint] | None = None,
) -> list[TrendPoint]:
    """12-month trend: for each of the twelve calendar months ending with the report's last
    month, the cases received, the cases closed and the on-time share of those closed, each
    by the definitions above applied to that month.
    """
    months = trend_periods(period)
    known = known or {}
    wanted = [m for m in months if m.key not in known]
    # Each month's definitions run over only the cases received or closed in it (in their
    # original order), which gives the same lists as running them over every case.
    received_in, closed_in = _by_month(facts, wanted)
    computed = {
        month.key: trend_point(received_in[index], closed_in[index], month, as_at)
        for index, month in enumerate(wanted)
    }
    return [known.get(month.key) or computed[month.key] for month in months]


def trend_point(
    received_in: Sequence[CaseFacts],
    closed_in: Sequence[CaseFacts],
    month: ReportPeriod,
    as_at: datetime,
) -> TrendPoint:
    """One month of the trend from the cases received in it and those closed in it.

    For a month that has ended by ``as_at`` the point is the same in every later report, so
    the services may keep it and pass it back as ``known``.
    """
    received = received_in_period(received_in, month)
    closed = closed_in_period(closed_in, month, as_at)
    on_time, late = on_time_responses(closed)
    return TrendPoint(
        period_key=month.key,
        label=month.first_day.strftime("%b %Y"),
        received=Figure(
            f"trend.{month.key}.received",
            f"Received in {month.label}",
            len(received),
            "cases",
            _refs(received),
            f"Cases received in {month.label}",
        ),
        closed=Figure(
            f"trend.{month.key}.closed",
            f"Closed in {month.label}",
            len(closed),
            "cases",
            _refs([c for c, _ in closed]),
            f"Cases closed in {month.label}",
        ),
        on_time=Figure(
            f"trend.{month.key}.on_time",
            f"On-time responses in {month.label}",
            _percent(len(on_time), len(on_time) + len(late)),
            "%",
            _refs(on_time),
            f"Cases closed in {month.label} and answered by their due date",
            count=len(on_time),
            of=len(on_time) + len(late),
        ),
    )


def _by_month(
    facts: Sequence[CaseFacts], months: Sequence[ReportPeriod]
) -> tuple[list[list[CaseFacts]], list[list[CaseFacts]]]:
    """Per month (in order, not necessarily consecutive): the cases received in it, and those
    with a closing in it."""
    starts = [m.start_at for m in months]

    def index(moment: datetime) -> int | None:
        found = bisect_right(starts, moment) - 1
        return found if found >= 0 and months[found].contains(moment) else None

    received: list[list[CaseFacts]] = [[] for _ in months]
    closed: list[list[CaseFacts]] = [[] for _ in months]
    for case in facts:
        found = index(case.received_at)
        if found is not None:
            received[found].append(case)
        seen: set[int] = set()
        for closure in case.closures:
            found = index(closure.closed_at)
            if found is not None and found not in seen:
                seen.add(found)
                closed[found].append(case)
    return received, closed


_DEFINED: tuple[Callable[..., object], ...] = (
    received_in_period,
    closed_in_period,
    open_at_end,
    overdue_at_end,
    awaiting_requester_at_end,
    on_time_responses,
    on_time_acknowledgements,
    days_to_respond,
    statutory_days_to_respond,
    percentile_nearest_rank,
    age_at_end,
    by_dimension,
    no_deadline,
    trend,
)


def definitions() -> tuple[Definition, ...]:
    """The appendix: each figure's definition, taken from the docstring that implements it.

    Each of those docstrings opens with "Term: definition", so the words exist only once.
    """
    found = []
    for function in _DEFINED:
        doc = " ".join((inspect.getdoc(function) or "").split())
        term, _, text = doc.partition(": ")
        found.append(Definition(term, text[:1].upper() + text[1:]))
    return tuple(found)


# --------------------------------------------------------------------------- the report


def _count(
    key: str, label: str, cases: Sequence[CaseFacts], drill: str, *, of: int | None = None
) -> Figure:
    return Figure(
        key,
        label,
        len(cases),
        "cases",
        _refs(cases),
        drill,
        count=len(cases),
        of=of,
        share=None if of is None else _percent(len(cases), of),
    )


def _share(
    key: str, label: str, good: Sequence[CaseFacts], bad: Sequence[CaseFacts], drill: str
) -> Figure:
    total = len(good) + len(bad)
    return Figure(
        key,
        label,
        _percent(len(good), total),
        "%",
        _refs(good),
        drill,
        count=len(good),
        of=total,
        share=_percent(len(good), total),
    )


def _breakdown(
    key: str,
    label: str,
    dimension: str,
    cases: Sequence[CaseFacts],
    attribute: Callable[[CaseFacts], str],
    codes: Sequence[str],
    names: Callable[[str], str],
    population: str,
) -> Breakdown:
    groups = by_dimension(cases, attribute, codes)
    rows = tuple(
        _count(
            f"{key}.{code}",
            names(code),
            members,
            f"{population} — {dimension.lower()}: {names(code)}",
            of=len(cases),
        )
        for code, members in groups.items()
    )
    return Breakdown(key, label, dimension, len(cases), rows)


def _compliance_layout(
    received: Sequence[CaseFacts],
    closed: Sequence[tuple[CaseFacts, Closure]],
    period: ReportPeriod,
    names: Mapping[str, str],
) -> tuple[Breakdown, Breakdown]:
    """IT Rules r.4(1)(d): a significant social media intermediary's monthly report gives the
    complaints received (by category: the policy each complaint is under) and the action
    taken on them (the outcome of the complaints closed)."""
    complaints = [c for c in received if c.kind == "complaint"]
    closed_complaints = [(c, cl) for c, cl in closed if c.kind == "complaint"]
    outcome_of = {c.reference: (cl.outcome or "none") for c, cl in closed_complaints}
    return (
        _breakdown(
            "it_rules_received_by_category",
            "IT Rules r.4(1)(d): complaints received by category",
            "Category",
            complaints,
            lambda c: c.policy_id,
            sorted({c.policy_id for c in complaints}),
            lambda code: names.get(code, code),
            f"Complaints received in {period.label}",
        ),
        _breakdown(
            "it_rules_action_taken",
            "IT Rules r.4(1)(d): action taken on complaints",
            "Action taken",
            [c for c, _ in closed_complaints],
            lambda c: outcome_of[c.reference],
            [o.value for o in Outcome],
            _label_of(Outcome),
            f"Complaints closed in {period.label}",
        ),
    )


def _label_of(enum: type[RequestType] | type[Channel] | type[Outcome]) -> Callable[[str], str]:
    names: dict[str, str] = {}  # asked once per case row: look each code up once

    def name(code: str) -> str:
        found = names.get(code)
        if found is None:
            try:
                found = enum(code).label
            except ValueError:
                found = "Not recorded" if code == "none" else code
            names[code] = found
        return found

    return name


def _iso(moment: datetime | None, tz: ZoneInfo) -> str:
    # "YYYY-MM-DD HH:MM" without strftime, which imports the time module on every call.
    return "" if moment is None else moment.astimezone(tz).isoformat(" ", "minutes")[:16]


def build_report(
    facts: Sequence[CaseFacts],
    period: ReportPeriod,
    *,
    now: datetime,
    organisation: str = "",
    policy_names: dict[str, str] | None = None,
    known_trend: Mapping[str, TrendPoint] | None = None,
    it_rules_compliance: bool = False,
) -> Report:
    """Every figure of the summary for ``period`` from the facts of the cases that matter.

    Statuses "at the period's end" are read at its last instant, or at ``now`` for a period
    still running (the report then says "to date"). ``facts`` must include every case
    received in the period or the eleven months before it, closed in that window, or open
    at that moment; other cases are ignored by every definition, so passing more is harmless.
    Trend months given in ``known_trend`` (by month key, from an earlier report) are taken as
    they are, and the cases received or closed only in those months may then be left out.
    """
    tz = period.tz
    as_at = report_moment(period, now)
    received = received_in_period(facts, period)
    closed = closed_in_period(facts, period, as_at)
    closed_cases = [c for c, _ in closed]
    still_open = open_at_end(facts, as_at)
    # Both look only at the open cases: given those, they find the same ones.
    overdue = overdue_at_end(still_open, as_at)
    waiting = awaiting_requester_at_end(still_open, as_at)
    on_time, late = on_time_responses(closed)
    ack_on_time, ack_late = on_time_acknowledgements(closed)
    involved = {c.reference: c for c in [*received, *closed_cases, *still_open]}
    missing = no_deadline(list(involved.values()))
    running = as_at < period.end_at - _INSTANT
    end_words = "now (period still running)" if running else "at the end of the period"

    headline = (
        _count("received", "Received", received, f"Cases received in {period.label}"),
        _count("closed", "Closed", closed_cases, f"Cases closed in {period.label}"),
        _count("open_at_end", "Open at end", still_open, f"Cases open {end_words}"),
        _count("overdue_at_end", "Overdue at end", overdue, f"Cases overdue {end_words}"),
        _count(
            "awaiting_requester_at_end",
            "Awaiting requester at end",
            waiting,
            f"Cases awaiting the requester {end_words}",
        ),
        _share(
            "on_time_response",
            "Responses on time",
            on_time,
            late,
            f"Cases closed in {period.label} and answered by their due date",
        ),
        _count(
            "late_response",
            "Responses late",
            late,
            f"Cases closed in {period.label} and answered after their due date",
            of=len(on_time) + len(late),
        ),
        _share(
            "on_time_acknowledgement",
            "Acknowledgements on time",
            ack_on_time,
            ack_late,
            f"Cases closed in {period.label} whose acknowledgement was on time",
        ),
        _count(
            "late_acknowledgement",
            "Acknowledgements late",
            ack_late,
            f"Cases closed in {period.label} whose acknowledgement was late or missing",
            of=len(ack_on_time) + len(ack_late),
        ),
        _count(
            "no_deadline",
            "No deadline (policy not applicable)",
            missing,
            "Cases in this report whose policy could not be applied",
        ),
    )

    durations = {case.reference: days_to_respond(case, closure, tz) for case, closure in closed}
    values = list(durations.values())
    population = f"Cases closed in {period.label}"
    if values:
        median = statistics.median(values)
        p90 = percentile_nearest_rank(values, 90)
        longest = max(values)
        timing: tuple[Figure, ...] = (
            Figure(
                "days_to_respond.median",
                "Median days to respond",
                float(median) if median != int(median) else int(median),
                "days",
                _refs(closed_cases),
                population,
                of=len(values),
            ),
            Figure(
                "days_to_respond.p90",
                "90th percentile days to respond",
                p90,
                "days",
                tuple(sorted(r for r, d in durations.items() if d >= p90)),
                f"{population} that took {p90} days or more",
                of=len(values),
            ),
            Figure(
                "days_to_respond.max",
                "Longest days to respond",
                longest,
                "days",
                tuple(sorted(r for r, d in durations.items() if d == longest)),
                f"{population} that took the longest ({longest} days)",
                of=len(values),
            ),
        )
        statutory = {c.reference: statutory_days_to_respond(c, cl, tz) for c, cl in closed}
        law_median = statistics.median(statutory.values())
        timing = (
            *timing,
            Figure(
                "days_to_respond.statutory_median",
                "Median days on the law's clock",
                float(law_median) if law_median != int(law_median) else int(law_median),
                "days",
                _refs(closed_cases),
                f"{population}; days awaiting the requester count where the law's clock runs",
                of=len(values),
            ),
        )
    else:
        timing = (
            Figure("days_to_respond.median", "Median days to respond", None, "days", (),
                   population, of=0),
            Figure("days_to_respond.p90", "90th percentile days to respond", None, "days", (),
                   population, of=0),
            Figure("days_to_respond.max", "Longest days to respond", None, "days", (),
                   population, of=0),
            Figure("days_to_respond.statutory_median", "Median days on the law's clock", None,
                   "days", (), population, of=0),
        )  # fmt: skip

    names = policy_names or {}
    policy_codes = sorted({c.policy_id for c in received})
    outcome_of = {c.reference: (cl.outcome or "none") for c, cl in closed}
    kind_names = {"complaint": "Complaints", "rights_request": "Rights requests"}.get
    breakdowns: tuple[Breakdown, ...] = (
        _breakdown(
            "by_request_type",
            "Received by request type",
            "Request type",
            received,
            lambda c: c.request_type,
            [t.value for t in RequestType],
            _label_of(RequestType),
            f"Cases received in {period.label}",
        ),
        _breakdown(
            "by_channel",
            "Received by channel",
            "Channel",
            received,
            lambda c: c.channel,
            [ch.value for ch in Channel],
            _label_of(Channel),
            f"Cases received in {period.label}",
        ),
        _breakdown(
            "by_outcome",
            "Closed by outcome",
            "Outcome",
            closed_cases,
            lambda c: outcome_of[c.reference],
            [o.value for o in Outcome],
            _label_of(Outcome),
            f"Cases closed in {period.label}",
        ),
        _breakdown(
            "by_policy",
            "Received by policy",
            "Policy",
            received,
            lambda c: c.policy_id,
            policy_codes,
            lambda code: names.get(code, code),
            f"Cases received in {period.label}",
        ),
        _breakdown(
            "received_by_kind",
            "Received by kind",
            "Kind",
            received,
            lambda c: c.kind,
            ["complaint", "rights_request"],
            lambda code: kind_names(code, code),
            f"Cases received in {period.label}",
        ),
        _breakdown(
            "closed_by_kind",
            "Redressed by kind",
            "Kind",
            closed_cases,
            lambda c: c.kind,
            ["complaint", "rights_request"],
            lambda code: kind_names(code, code),
            f"Cases closed in {period.label}",
        ),
    )
    if it_rules_compliance:
        breakdowns = (*breakdowns, *_compliance_layout(received, closed, period, names))

    ages = {c.reference: age_at_end(c, as_at) for c in still_open}
    ageing = tuple(
        _count(
            f"ageing.{bucket.key}",
            bucket.label,
            [
                c
                for c in still_open
                if bucket.low <= ages[c.reference]
                and (bucket.high is None or ages[c.reference] <= bucket.high)
            ],
            f"Cases open {end_words}, aged {bucket.label}",
            of=len(still_open),
        )
        for bucket in AGE_BUCKETS
    )

    closure_of = dict((c.reference, cl) for c, cl in closed)
    on_time_refs = {c.reference for c in on_time}
    late_refs = {c.reference for c in late}
    overdue_refs = {c.reference for c in overdue}
    waiting_refs = {c.reference for c in waiting}
    type_label, channel_label, outcome_label = (
        _label_of(RequestType),
        _label_of(Channel),
        _label_of(Outcome),
    )
    rows = []
    for ref in sorted(involved):
        case = involved[ref]
        closure = closure_of.get(ref)
        if ref in ages:
            status = (
                "Overdue"
                if ref in overdue_refs
                else "Awaiting requester"
                if ref in waiting_refs
                else "Open"
            )
        else:
            status = "Closed"
        rows.append(
            CaseRow(
                reference=ref,
                request_type=type_label(case.request_type),
                channel=channel_label(case.channel),
                policy_id=case.policy_id,
                received=_iso(case.received_at, tz),
                acknowledged=_iso(case.acknowledged_at, tz),
                closed_in_period=_iso(closure.closed_at if closure else None, tz),
                answered=_iso(_answered_at(case, closure) if closure else None, tz),
                respond_by=_iso(closure.respond_by if closure else case.respond_by_at_end, tz),
                days_to_respond=durations.get(ref),
                on_time="yes" if ref in on_time_refs else "no" if ref in late_refs else "",
                outcome=outcome_label(closure.outcome or "none") if closure else "",
                status_at_end=status,
                age_days_at_end=ages.get(ref),
                status_now=case.status_now,
            )
        )

    return Report(
        organisation=organisation,
        period=period,
        generated_at=now,
        as_at=as_at,
        headline=headline,
        days_to_respond=timing,
        breakdowns=breakdowns,
        ageing=ageing,
        trend=tuple(trend(facts, period, as_at, known_trend)),
        cases=tuple(rows),
        definitions=definitions(),
    )


# --------------------------------------------------------------------------- stored form


def _figure_data(figure: Figure) -> list[object]:
    return [
        figure.key,
        figure.label,
        figure.value,
        figure.unit,
        list(figure.references),
        figure.drill_down,
        figure.count,
        figure.of,
        figure.share,
    ]


def _figure_from(data: list[Any]) -> Figure:
    key, label, value, unit, references, drill, count, of, share = data
    return Figure(key, label, value, unit, tuple(references), drill, count, of, share)


def trend_point_to_data(point: TrendPoint) -> list[Any]:
    """One trend month as JSON-ready data (a finished month's point is kept on its own)."""
    return [
        point.period_key,
        point.label,
        *(_figure_data(f) for f in (point.received, point.closed, point.on_time)),
    ]


def trend_point_from_data(data: list[Any]) -> TrendPoint:
    """The point `trend_point_to_data` stored; KeyError/TypeError/ValueError if damaged."""
    key, label, received, closed, on_time = data
    return TrendPoint(
        key, label, _figure_from(received), _figure_from(closed), _figure_from(on_time)
    )


_CASE_COLUMNS = tuple(f.name for f in fields(CaseRow))


def report_to_data(report: Report) -> dict[str, Any]:
    """The report's figures, rows and definitions as JSON-ready data (for the report cache).

    Leaves out what the caller supplies again: the organisation, the period (with its time
    zone) and the moments ``generated_at``/``as_at``. JSON keeps ints, floats (exactly, by
    repr), strings and None apart, so `report_from_data` gives back an equal report.
    """
    return {
        "headline": [_figure_data(f) for f in report.headline],
        "days_to_respond": [_figure_data(f) for f in report.days_to_respond],
        "breakdowns": [
            [b.key, b.label, b.dimension, b.total, [_figure_data(f) for f in b.rows]]
            for b in report.breakdowns
        ],
        "ageing": [_figure_data(f) for f in report.ageing],
        "trend": [trend_point_to_data(p) for p in report.trend],
        "case_columns": list(_CASE_COLUMNS),
        "cases": [[getattr(row, name) for name in _CASE_COLUMNS] for row in report.cases],
        "definitions": [[d.term, d.text] for d in report.definitions],
    }


def report_from_data(
    data: dict[str, Any],
    period: ReportPeriod,
    *,
    now: datetime,
    organisation: str,
) -> Report:
    """The report `report_to_data` stored, for ``period`` made at ``now`` for ``organisation``.

    Raises ValueError when the data is not in this version's shape (then compute afresh).
    """
    if data.get("case_columns") != list(_CASE_COLUMNS):
        raise ValueError("stored report rows have other columns")
    try:
        return Report(
            organisation=organisation,
            period=period,
            generated_at=now,
            as_at=report_moment(period, now),
            headline=tuple(_figure_from(f) for f in data["headline"]),
            days_to_respond=tuple(_figure_from(f) for f in data["days_to_respond"]),
            breakdowns=tuple(
                Breakdown(key, label, dimension, total, tuple(_figure_from(f) for f in rows))
                for key, label, dimension, total, rows in data["breakdowns"]
            ),
            ageing=tuple(_figure_from(f) for f in data["ageing"]),
            trend=tuple(trend_point_from_data(p) for p in data["trend"]),
            cases=tuple(CaseRow(*row) for row in data["cases"]),
            definitions=tuple(Definition(term, text) for term, text in data["definitions"]),
        )
    except (KeyError, TypeError) as error:
        raise ValueError(f"stored report is damaged ({error})") from None


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_moment(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def facts_to_data(case: CaseFacts) -> list[Any]:
    """One case's facts as JSON-ready data (moments as ISO 8601 with their offset)."""
    return [
        case.reference,
        case.request_type,
        case.channel,
        case.policy_id,
        _moment(case.received_at),
        _moment(case.acknowledged_at),
        _moment(case.acknowledge_by),
        [
            [_moment(c.closed_at), _moment(c.clock_started_at), _moment(c.respond_by), c.outcome]
            for c in case.closures
        ],
        [_moment(r) for r in case.reopenings],
        [_moment(r) for r in case.responses],
        [
            [first.isoformat(), None if last is None else last.isoformat()]
            for first, last in case.pauses
        ],
        _moment(case.respond_by_at_end),
        case.has_policy,
        case.status_now,
        case.kind,
        case.pauses_stop_clock,
    ]


def facts_from_data(data: list[Any]) -> CaseFacts:
    """The facts `facts_to_data` stored: the same moments, dates and values."""
    (
        reference,
        request_type,
        channel,
        policy_id,
        received_at,
        acknowledged_at,
        acknowledge_by,
        closures,
        reopenings,
        responses,
        pauses,
        respond_by_at_end,
        has_policy,
        status_now,
        *extra,
    ) = data
    # Entries stored before issue 14 lack the last two (the cache format was bumped too).
    kind, pauses_stop_clock = (*extra, "rights_request", True)[:2]
    received = _read_moment(received_at)
    assert received is not None
    return CaseFacts(
        reference=reference,
        request_type=request_type,
        channel=channel,
        policy_id=policy_id,
        received_at=received,
        acknowledged_at=_read_moment(acknowledged_at),
        acknowledge_by=_read_moment(acknowledge_by),
        closures=tuple(
            Closure(
                datetime.fromisoformat(closed),
                datetime.fromisoformat(started),
                _read_moment(due),
                outcome,
            )
            for closed, started, due, outcome in closures
        ),
        reopenings=tuple(datetime.fromisoformat(r) for r in reopenings),
        responses=tuple(datetime.fromisoformat(r) for r in responses),
        pauses=tuple(
            (date.fromisoformat(first), None if last is None else date.fromisoformat(last))
            for first, last in pauses
        ),
        respond_by_at_end=_read_moment(respond_by_at_end),
        has_policy=has_policy,
        status_now=status_now,
        kind=str(kind),
        pauses_stop_clock=bool(pauses_stop_clock),
    )
