"""The deadline engine: by when must the officer answer, and why.

`deadlines(clock, policy, calendar, tz)` is a pure function of a case's clock facts. Nothing
here reads the system clock: "now" (``as_of``) and the time zone are arguments.

Conventions (each one is what the issue-3 worked examples need, and each is tested):

* The clock starts at receipt, or for ``ClockStart.LATEST_OF_RECEIPT_PROOF_FEE`` at the
  latest of receipt, identity proof and fee. A reopened case starts a new clock at
  ``reopened_at``; pauses and extensions before the reopening belong to the old clock.
* Days are days in the officer's time zone (default Asia/Kolkata). A day-based due date is
  the end of that day (23:59:59.999999 local); DST changes never move it.
* ``DAY_AFTER_RECEIPT``: N calendar days end on receipt date + N (it-rules 2026-03-02 + 7 →
  03-09); N business days end on the N-th working day after the receipt date (ccpa
  2026-03-02 + 10 → 03-16). ``DAY_OF_RECEIPT``: the receipt date is day one, so N days end
  on receipt + N − 1. Months are the same date N months on under either convention (ICO:
  "day one" gives the same date), or the last day of that month where there is none
  (2025-01-31 → 2025-02-28); `MonthEndRule.FIRST_DAY_OF_NEXT_MONTH` gives the 1st instead.
* Hour periods are exact elapsed time from the moment the clock started, shown in the
  officer's zone.
* Pauses (clock stopped): a pause counts both its first and last date, so 03-10..03-20 adds
  11 days (DPA 2018 s.54(3A) style). Overlapping pauses are merged first. Pauses are clipped
  to the first counted day of the clock, and a pause adds time only if it starts on or
  before the (already pause-extended) due date: once the time has run out, stopping the
  clock no longer helps. For business-day periods a pause adds the working days inside it.
  The acknowledgement is not paused: it only confirms receipt.
* An open pause (end ``None``) counts up to and including ``as_of``, i.e. the date shown is
  the earliest it can be if the clock restarts tomorrow; it moves one day later for each day
  the clock stays stopped. Without ``as_of`` an open pause is an `OpenPauseError`.
* A pause whose status the policy does not list as clock-stopping is ignored (and said so);
  under a policy with no clock-stopping statuses (ccpa) every pause is ignored.
* Extensions are added to the end of the original period before pauses and roll-forward
  (gdpr: 02-28 + 2 months → 04-28, the cautious reading of "two further months"). Notice of
  extension is due by the original response due date unless the policy names another period.
* Roll-forward (when the policy says so) moves a due date on a non-working day to the next
  working day, after pauses are added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil.relativedelta import relativedelta

from grievance_desk.domain.policy import (
    ClockStart,
    CountingStart,
    MonthEndRule,
    Period,
    PeriodUnit,
    Policy,
    describe_period,
)
from grievance_desk.domain.work_calendar import WorkCalendar, calendar_for_policy
from grievance_desk.messages import _, ngettext

__all__ = [
    "DEFAULT_TZ",
    "CaseClock",
    "ClockInputError",
    "Deadline",
    "DeadlineKind",
    "Deadlines",
    "ExtensionRefusedError",
    "NaiveDatetimeError",
    "OpenPauseError",
    "Pause",
    "UnknownTimeZoneError",
    "can_extend",
    "deadlines",
    "ensure_can_extend",
    "extension_refusal",
    "resolve_zone",
]

DEFAULT_TZ = "Asia/Kolkata"

#: The instant a day-based deadline falls due: the very end of that day.
END_OF_DAY = time.max


class ClockInputError(ValueError):
    """The facts about a case's clock are inconsistent; the message says which and how to fix."""


class NaiveDatetimeError(ClockInputError):
    """A datetime without a time zone: we cannot tell which day it was for the officer."""


class OpenPauseError(ClockInputError):
    """An open pause (clock still stopped) needs ``as_of`` to say up to when it counts."""


class UnknownTimeZoneError(ValueError):
    """The officer's time zone is not an IANA zone name."""


class ExtensionRefusedError(ValueError):
    """The policy does not let this case be extended; the message gives the reason."""


class DeadlineKind(StrEnum):
    """The deadlines a case can have; also the stable name used in reminder keys and .ics UIDs."""

    ACKNOWLEDGE = "acknowledge"
    RESPOND = "respond"
    EXTENSION_NOTICE = "extension_notice"
    EXTENDED_RESPOND = "extended_respond"


@dataclass(frozen=True)
class Pause:
    """A stretch of days on which the clock was stopped (both dates count).

    ``end`` is None while the clock is still stopped. ``status`` is the case status that
    stopped it (e.g. "awaiting_identity_proof"); None means "whatever the policy allows",
    which is what the command-line calculator uses.
    """

    start: date
    end: date | None = None
    status: str | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ClockInputError(
                _("pause ends ({end}) before it starts ({start}); swap the dates").format(
                    end=self.end, start=self.start
                )
            )


@dataclass(frozen=True)
class CaseClock:
    """The facts about a case that its deadlines depend on; all datetimes are time-zone aware.

    ``extensions`` holds the moment each extension was granted.
    """

    received_at: datetime
    identity_proof_at: datetime | None = None
    fee_received_at: datetime | None = None
    pauses: tuple[Pause, ...] = ()
    extensions: tuple[datetime, ...] = ()
    reopened_at: datetime | None = None
    #: The request type, for pause rules scoped to some types (UK GDPR Art 12A: access only).
    request_type: str | None = None

    def __post_init__(self) -> None:
        for name in ("received_at", "identity_proof_at", "fee_received_at", "reopened_at"):
            _require_aware(getattr(self, name), name)
        for moment in self.extensions:
            _require_aware(moment, "extensions")
        if self.reopened_at is not None and self.reopened_at < self.received_at:
            raise ClockInputError(_("reopened_at is before received_at; check the reopening date"))


@dataclass(frozen=True)
class Deadline:
    """One due moment and the reason for it, in words an officer can put in a letter.

    ``date_only`` says whether the law gives a whole day (due by the end of ``due_date`` in
    the officer's zone: day, business-day and month periods) or a moment (hour periods, such
    as the IT Rules' 72 hours). Calendars, lists and letters read it instead of guessing
    from the time of ``due``.
    """

    kind: DeadlineKind
    due: datetime
    explanation: str
    date_only: bool = False

    @property
    def due_date(self) -> date:
        """The officer's date it falls due on (``due`` is in the officer's zone)."""
        return self.due.date()


@dataclass(frozen=True)
class Deadlines:
    """Everything `deadlines` worked out for a case."""

    policy_id: str
    policy_label: str
    clock_started_at: datetime
    acknowledge_by: Deadline | None
    respond_by: Deadline
    extension_notice_by: Deadline | None
    extended_respond_by: Deadline | None
    days_paused: int
    clock_stopped: bool
    notes: tuple[str, ...] = ()

    @property
    def final_respond_by(self) -> Deadline:
        """The response date actually in force: the extended one once an extension is granted."""
        return self.extended_respond_by or self.respond_by

    def all(self) -> tuple[Deadline, ...]:
        """Every deadline that applies, in order, for reminders and calendar export."""
        found = (
            self.acknowledge_by,
            self.respond_by,
            self.extension_notice_by,
            self.extended_respond_by,
        )
        return tuple(d for d in found if d is not None)

    def explanation(self) -> list[str]:
        """The notes and each deadline's reason, in the order an officer reads them."""
        return [*self.notes, *(d.explanation for d in self.all())]


# --------------------------------------------------------------------------- helpers


def resolve_zone(tz: str | ZoneInfo) -> ZoneInfo:
    """Accept a zone name or object, failing with a message that says what a zone looks like."""
    if isinstance(tz, ZoneInfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder, a name too long
        raise UnknownTimeZoneError(
            _(
                "unknown time zone {zone}; use an IANA name such as Asia/Kolkata or Europe/London"
            ).format(zone=repr(tz))
        ) from None


def _require_aware(value: datetime | None, name: str) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise NaiveDatetimeError(
            _("{name} has no time zone ({moment}); attach the zone it was recorded in").format(
                name=name, moment=value.isoformat()
            )
        )


def _deadline_name(kind: DeadlineKind) -> str:
    """A deadline's name at the start of its explanation ("Extension notice")."""
    return {
        DeadlineKind.ACKNOWLEDGE: _("Acknowledge"),
        DeadlineKind.RESPOND: _("Respond"),
        DeadlineKind.EXTENSION_NOTICE: _("Extension notice"),
        DeadlineKind.EXTENDED_RESPOND: _("Extended respond"),
    }[kind]


def _clock_start(clock: CaseClock, policy: Policy, zone: ZoneInfo, notes: list[str]) -> datetime:
    start = clock.received_at
    if policy.clock_start is ClockStart.LATEST_OF_RECEIPT_PROOF_FEE:
        candidates = [
            (clock.received_at, "receipt"),
            (clock.identity_proof_at, "identity proof"),
            (clock.fee_received_at, "fee"),
        ]
        start, what = max(((m, w) for m, w in candidates if m is not None), key=lambda c: c[0])
        day = start.astimezone(zone).date().isoformat()
        if what == "identity proof":
            notes.append(
                _(
                    "Clock starts at identity proof ({date}), the latest of receipt, identity "
                    "proof and fee."
                ).format(date=day)
            )
        elif what == "fee":
            notes.append(
                _(
                    "Clock starts at fee ({date}), the latest of receipt, identity proof and fee."
                ).format(date=day)
            )
    elif clock.identity_proof_at is not None or clock.fee_received_at is not None:
        notes.append(
            _(
                "Under {policy} the clock starts at receipt; identity proof / fee dates do "
                "not move it (record a pause instead if the policy lets the clock stop)."
            ).format(policy=policy.label)
        )
    if clock.reopened_at is not None:
        notes.append(
            _(
                "Reopened on {date}: a new clock runs from the reopening; the earlier deadlines "
                "are history and no longer apply."
            ).format(date=clock.reopened_at.astimezone(zone).date().isoformat())
        )
        start = max(start, clock.reopened_at)
    return start


def _add_months(day: date, months: int, rule: MonthEndRule) -> date:
    result = day + relativedelta(months=months)
    if rule is MonthEndRule.FIRST_DAY_OF_NEXT_MONTH and result.day < day.day:
        result += relativedelta(days=1)
    return result


def _period_end(
    start_at: datetime,
    start_day: date,
    period: Period,
    policy: Policy,
    calendar: WorkCalendar,
) -> date | datetime:
    """The unpaused, unrolled end of ``period`` counted from the clock start."""
    day_of = policy.counting_start is CountingStart.DAY_OF_RECEIPT
    if period.unit is PeriodUnit.HOURS:
        return start_at.astimezone(UTC) + timedelta(hours=period.amount)
    if period.unit is PeriodUnit.CALENDAR_DAYS:
        return start_day + timedelta(days=period.amount - 1 if day_of else period.amount)
    if period.unit is PeriodUnit.BUSINESS_DAYS:
        before_day_one = start_day - timedelta(days=1) if day_of else start_day
        return calendar.add_working_days(before_day_one, period.amount)
    return _add_months(start_day, period.amount, policy.month_end_rule)


def _extend(
    end: date | datetime, length: Period, count: int, policy: Policy, calendar: WorkCalendar
) -> date | datetime:
    """Add ``count`` extensions of ``length`` to the end of the original period."""
    total = length.amount * count
    if isinstance(end, datetime):
        return end + timedelta(hours=total)  # hour units only (Policy enforces it)
    if length.unit is PeriodUnit.CALENDAR_DAYS:
        return end + timedelta(days=total)
    if length.unit is PeriodUnit.BUSINESS_DAYS:
        return calendar.add_working_days(end, total)
    return _add_months(end, total, policy.month_end_rule)


@dataclass(frozen=True)
class _Span:
    first: date
    last: date


def _effective_pauses(
    clock: CaseClock,
    policy: Policy,
    first_counted: date,
    as_of: date | None,
    notes: list[str],
) -> tuple[tuple[_Span, ...], bool]:
    """Pauses that stop this policy's clock, clipped to the clock and merged."""
    if not clock.pauses:
        return (), False
    if not policy.stops_clock(None, clock.request_type):
        count = len(clock.pauses)
        notes.append(
            ngettext(
                "Under {policy} the clock does not stop: {count} pause ignored.",
                "Under {policy} the clock does not stop: {count} pauses ignored.",
                count,
            ).format(policy=policy.label, count=count)
        )
        return (), False
    spans: list[_Span] = []
    stopped_now = False
    for pause in clock.pauses:
        if not policy.stops_clock(pause.status, clock.request_type):
            stopping = [
                s for s in policy.clock_stop_statuses if policy.stops_clock(s, clock.request_type)
            ]
            if clock.request_type:
                ignored = _(
                    "Pause from {start} ({status}) ignored: under {policy} only {statuses} "
                    "stop the clock for {request_type} requests."
                )
            else:
                ignored = _(
                    "Pause from {start} ({status}) ignored: under {policy} only {statuses} "
                    "stop the clock."
                )
            notes.append(
                ignored.format(
                    start=pause.start,
                    status=pause.status,
                    policy=policy.label,
                    statuses=", ".join(stopping),
                    request_type=clock.request_type,
                )
            )
            continue
        last = pause.end
        if last is None:
            if as_of is None:
                raise OpenPauseError(
                    _(
                        "the clock has been stopped since {start} with no end date; pass "
                        "as_of (today) so the open pause can be counted up to it"
                    ).format(start=pause.start)
                )
            last = max(as_of, pause.start)
            stopped_now = stopped_now or as_of >= pause.start
            notes.append(
                _(
                    "Clock stopped since {start} and still stopped: counted up to {last}; the "
                    "dates move one day later for each further day."
                ).format(start=pause.start, last=last)
            )
        first = max(pause.start, first_counted)
        if last < first:
            notes.append(
                _("Pause {start}..{last} ignored: it ends before the clock started.").format(
                    start=pause.start, last=last
                )
            )
            continue
        spans.append(_Span(first, last))
    spans.sort(key=lambda s: s.first)
    merged: list[_Span] = []
    for span in spans:
        if merged and span.first <= merged[-1].last + timedelta(days=1):
            merged[-1] = _Span(merged[-1].first, max(merged[-1].last, span.last))
        else:
            merged.append(span)
    return tuple(merged), stopped_now


def _local_day(moment: date | datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date() if isinstance(moment, datetime) else moment


def _apply_pauses(
    end: date | datetime,
    spans: Sequence[_Span],
    unit: PeriodUnit,
    calendar: WorkCalendar,
    zone: ZoneInfo,
) -> tuple[date | datetime, int, list[str]]:
    """Push ``end`` later by each pause that starts on or before it (sequentially)."""
    added_days = 0
    parts: list[str] = []
    for span in spans:
        if span.first > _local_day(end, zone):
            continue
        days = (span.last - span.first).days + 1
        if unit is PeriodUnit.BUSINESS_DAYS:
            working = calendar.working_days_between(span.first, span.last)
            if working:
                assert not isinstance(end, datetime)
                end = calendar.add_working_days(end, working)
            parts.append(
                ngettext(
                    "{first}..{last} (+{count} business day)",
                    "{first}..{last} (+{count} business days)",
                    working,
                ).format(first=span.first, last=span.last, count=working)
            )
        else:
            end = end + timedelta(days=days)
            parts.append(
                ngettext(
                    "{first}..{last} (+{count} day)", "{first}..{last} (+{count} days)", days
                ).format(first=span.first, last=span.last, count=days)
            )
        added_days += days
    return end, added_days, parts


def _finish(
    kind: DeadlineKind,
    end: date | datetime,
    headline: str,
    pause_parts: Sequence[str],
    policy: Policy,
    calendar: WorkCalendar,
    zone: ZoneInfo,
) -> Deadline:
    """Roll forward if the policy says so, fix the due moment, and say why in one line."""
    words = [headline]
    if pause_parts:
        words.append(_("clock stopped {pauses}").format(pauses=", ".join(pause_parts)))
    local = end.astimezone(zone) if isinstance(end, datetime) else None
    day = _local_day(end, zone)
    if policy.roll_forward:
        reason = calendar.non_working_reason(day)
        if reason is not None:
            rolled = calendar.next_working_day(day)
            words.append(
                _("{day} is {reason}, rolled forward to the next working day {rolled}").format(
                    day=day, reason=reason, rolled=rolled
                )
            )
            day = rolled
    else:
        words.append(_("no roll-forward"))
    if local is not None:
        due = local if day == local.date() else datetime.combine(day, local.time(), tzinfo=zone)
        due_text = due.strftime("%Y-%m-%d %H:%M %Z")
    else:
        due = datetime.combine(day, END_OF_DAY, tzinfo=zone)
        due_text = _("end of {date}").format(date=day.isoformat())
    return Deadline(
        kind,
        due,
        _("{deadline} by {due}: {reasons}.").format(
            deadline=_deadline_name(kind), due=due_text, reasons="; ".join(words)
        ),
        date_only=local is None,
    )


def _headline(
    period: Period,
    start_at: datetime,
    start_day: date,
    policy: Policy,
    end: date | datetime,
    zone: ZoneInfo,
) -> str:
    if period.unit is PeriodUnit.HOURS:
        started = start_at.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z")
        return _("{period} from {start} under {policy}").format(
            period=describe_period(period), start=started, policy=policy.label
        )
    if policy.counting_start is CountingStart.DAY_OF_RECEIPT:
        counting = _("counting {date} as day one").format(date=start_day)
    else:
        counting = _("counted from the day after {date}").format(date=start_day)
    text = _("{period} {counting} under {policy} → {end}").format(
        period=describe_period(period),
        counting=counting,
        policy=policy.label,
        end=_local_day(end, zone),
    )
    if period.unit is PeriodUnit.CALENDAR_MONTHS and _local_day(end, zone).day != start_day.day:
        text += " " + _("(no such date that month: month-end rule)")
    return text


# --------------------------------------------------------------------------- public API


def deadlines(
    clock: CaseClock,
    policy: Policy,
    calendar: WorkCalendar | None = None,
    tz: str | ZoneInfo = DEFAULT_TZ,
    *,
    as_of: date | None = None,
) -> Deadlines:
    """Work out every deadline of a case, each with the reason an officer can quote.

    Deadlines are law, so the function is pure and explains itself: the same facts always
    give the same dates, and each date says which rule, pauses and roll-forward produced it.
    ``calendar`` defaults to the policy's own working week and holidays; pass one built with
    `calendar_for_policy(policy, extra_days_off)` to include the officer's days off.
    ``as_of`` (the officer's "today") is needed only while a pause is still open.
    """
    zone = resolve_zone(tz)
    cal = calendar if calendar is not None else calendar_for_policy(policy)
    notes: list[str] = []
    start_at = _clock_start(clock, policy, zone, notes)
    start_day = start_at.astimezone(zone).date()
    first_counted = (
        start_day
        if policy.counting_start is CountingStart.DAY_OF_RECEIPT
        or policy.respond.unit is PeriodUnit.HOURS
        else start_day + timedelta(days=1)
    )
    reopen_day = clock.reopened_at.astimezone(zone).date() if clock.reopened_at else None
    live_clock = clock
    if reopen_day is not None and clock.reopened_at is not None:
        reopened_at = clock.reopened_at
        live_clock = CaseClock(
            request_type=clock.request_type,
            received_at=clock.received_at,
            pauses=tuple(p for p in clock.pauses if p.end is None or p.end >= reopen_day),
            extensions=tuple(e for e in clock.extensions if e >= reopened_at),
        )
    spans, stopped_now = _effective_pauses(live_clock, policy, first_counted, as_of, notes)

    acknowledge = None
    if policy.acknowledge is not None:
        # Acknowledging confirms receipt, so it runs from receipt (or reopening) even where
        # the response clock waits for identity proof or a fee.
        ack_at = max(clock.received_at, clock.reopened_at or clock.received_at)
        ack_day = ack_at.astimezone(zone).date()
        ack_end = _period_end(ack_at, ack_day, policy.acknowledge, policy, cal)
        acknowledge = _finish(
            DeadlineKind.ACKNOWLEDGE,
            ack_end,
            _headline(policy.acknowledge, ack_at, ack_day, policy, ack_end, zone),
            (),
            policy,
            cal,
            zone,
        )

    nominal = _period_end(start_at, start_day, policy.respond, policy, cal)
    paused_end, days_paused, pause_parts = _apply_pauses(
        nominal, spans, policy.respond.unit, cal, zone
    )
    respond = _finish(
        DeadlineKind.RESPOND,
        paused_end,
        _headline(policy.respond, start_at, start_day, policy, nominal, zone),
        pause_parts,
        policy,
        cal,
        zone,
    )

    notice = extended = None
    rule = policy.extension
    granted = len(live_clock.extensions)
    if not rule.allowed:
        if granted:
            notes.append(
                ngettext(
                    "{count} extension recorded but {policy} allows none: ignored.",
                    "{count} extensions recorded but {policy} allows none: ignored.",
                    granted,
                ).format(count=granted, policy=policy.label)
            )
    else:
        if rule.notice_within is None:
            notice = Deadline(
                DeadlineKind.EXTENSION_NOTICE,
                respond.due,
                _(
                    "Extension notice by the response due date {date}: notice of an extension, "
                    "with reasons, must reach the requester within the original period."
                ).format(date=respond.due.date()),
                date_only=respond.date_only,
            )
        else:
            n_end = _period_end(start_at, start_day, rule.notice_within, policy, cal)
            n_paused, _unused, n_parts = _apply_pauses(
                n_end, spans, rule.notice_within.unit, cal, zone
            )
            notice = _finish(
                DeadlineKind.EXTENSION_NOTICE,
                n_paused,
                _headline(rule.notice_within, start_at, start_day, policy, n_end, zone),
                n_parts,
                policy,
                cal,
                zone,
            )
        if granted > rule.max_count:
            notes.append(
                _(
                    "{count} extensions recorded but {policy} allows {allowed}: only {allowed} "
                    "counted."
                ).format(count=granted, policy=policy.label, allowed=rule.max_count)
            )
        count = min(granted, rule.max_count)
        if count and rule.length is not None:
            ext_nominal = _extend(nominal, rule.length, count, policy, cal)
            ext_paused, ext_days_paused, ext_parts = _apply_pauses(
                ext_nominal, spans, policy.respond.unit, cal, zone
            )
            days_paused = max(days_paused, ext_days_paused)
            headline = _(
                "{period} + {count} × {extension} extension from {start} under {policy} → {end}"
            ).format(
                period=describe_period(policy.respond),
                count=count,
                extension=describe_period(rule.length),
                start=_local_day(nominal, zone),
                policy=policy.label,
                end=_local_day(ext_nominal, zone),
            )
            extended = _finish(
                DeadlineKind.EXTENDED_RESPOND,
                ext_paused,
                headline,
                ext_parts,
                policy,
                cal,
                zone,
            )

    return Deadlines(
        policy_id=policy.id,
        policy_label=policy.label,
        clock_started_at=start_at,
        acknowledge_by=acknowledge,
        respond_by=respond,
        extension_notice_by=notice,
        extended_respond_by=extended,
        days_paused=days_paused,
        clock_stopped=stopped_now,
        notes=tuple(notes),
    )


def extension_refusal(
    clock: CaseClock,
    policy: Policy,
    calendar: WorkCalendar | None = None,
    tz: str | ZoneInfo = DEFAULT_TZ,
    *,
    at: datetime | None = None,
    as_of: date | None = None,
) -> str | None:
    """Why one more extension may not be granted, or None if it may.

    Extending without the right to do so leaves the case overdue while the officer believes
    it is not, so every refusal says which rule forbids it.
    """
    rule = policy.extension
    if not rule.allowed:
        return _("{policy} allows no extension ({source})").format(
            policy=policy.label, source=policy.legal_source
        )
    live = clock.extensions
    if clock.reopened_at is not None:
        reopened_at = clock.reopened_at
        live = tuple(e for e in clock.extensions if e >= reopened_at)
    if len(live) >= rule.max_count:
        return ngettext(
            "{policy} allows at most {count} extension and {granted} already granted",
            "{policy} allows at most {count} extensions and {granted} already granted",
            rule.max_count,
        ).format(policy=policy.label, count=rule.max_count, granted=len(live))
    if at is not None:
        _require_aware(at, "at")
        result = deadlines(clock, policy, calendar, tz, as_of=as_of)
        if result.extension_notice_by is not None and at > result.extension_notice_by.due:
            return _(
                "notice of extension was due by {date}; it is too late to extend, so respond now"
            ).format(date=result.extension_notice_by.due.date())
    return None


def can_extend(
    clock: CaseClock,
    policy: Policy,
    calendar: WorkCalendar | None = None,
    tz: str | ZoneInfo = DEFAULT_TZ,
    *,
    at: datetime | None = None,
    as_of: date | None = None,
) -> bool:
    """Whether the UI may offer "extend"; see `extension_refusal` for the reason when not."""
    return extension_refusal(clock, policy, calendar, tz, at=at, as_of=as_of) is None


def ensure_can_extend(
    clock: CaseClock,
    policy: Policy,
    calendar: WorkCalendar | None = None,
    tz: str | ZoneInfo = DEFAULT_TZ,
    *,
    at: datetime | None = None,
    as_of: date | None = None,
) -> None:
    """Raise `ExtensionRefusedError` with the reason before an extension is recorded."""
    reason = extension_refusal(clock, policy, calendar, tz, at=at, as_of=as_of)
    if reason is not None:
        raise ExtensionRefusedError(_("cannot extend: {reason}").format(reason=reason))
