"""Every case's deadlines, from the register: the engine wired to the stored facts.

The engine (`domain.deadline_engine`) is pure; this module gathers what it needs from the
register (the case row, its clock pauses and extensions, the officer's policies, holidays and
time zone) and says which deadlines are still open. It is what the case page, the "due" list,
reminders and the calendar export all read, so they can never disagree about a date.

Conventions:

* "Today" is ``now`` in the officer's time zone; an open pause counts up to today.
* The acknowledgement is met once ``acknowledged_at`` is set; the response once the case is
  ``response_sent`` or ``closed``. A closed case has no open deadline.
* The extension-notice date is a last chance, not a duty: it is open (and reminded) until it
  passes, and never makes a case overdue.
* A reopened case runs a new clock from ``reopened_at`` (the engine drops the old pauses and
  extensions), so it is never overdue for its old dates; its reminder keys and calendar UIDs
  carry the reopening, so dismissals of the old clock's reminders do not hide the new ones.
* A case whose policy cannot be applied (unknown id, no version in force on its received date)
  is listed with a ``problem`` rather than breaking the whole list: it needs the officer's
  attention more than any date does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam
from sqlalchemy import select as sa_select
from sqlalchemy import update as sa_update
from sqlalchemy.orm import Session
from sqlmodel import SQLModel, col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.deadline_engine import (
    CaseClock,
    ClockInputError,
    Deadline,
    DeadlineKind,
    Deadlines,
    ExtensionRefusedError,
    deadlines,
    ensure_can_extend,
)
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.reminders import (
    DueDeadline,
    Reminder,
    ReminderSchedule,
    reminders_due,
)
from grievance_desk.domain.work_calendar import NoWorkingDayError
from grievance_desk.domain.workflow import Status
from grievance_desk.messages import _
from grievance_desk.services.case_clock import (
    ClockFacts,
    PolicyChooser,
    clock_facts_of,
    clock_of,
)
from grievance_desk.services.case_lookup import find_case, officer_zone
from grievance_desk.services.ics_export import CalendarDeadline
from grievance_desk.services.policy_settings import (
    PolicySettings,
    PolicySettingsError,
    load_policy_settings,
)
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case, ClockPause, Extension, ReminderState

__all__ = [
    "CaseDeadlineError",
    "CaseDeadlines",
    "CaseExtensionRefused",
    "OpenDeadline",
    "ReminderKeyError",
    "calendar_items",
    "case_clock",
    "deadlines_for_case",
    "dismiss_reminder",
    "due_within",
    "extend_case",
    "open_case_deadlines",
    "policy_for_case",
    "reminders_now",
    "snooze_reminder",
]

_NEVER = datetime.max.replace(tzinfo=UTC)
_RESPONSE_MET = frozenset({Status.RESPONSE_SENT, Status.CLOSED})


class CaseDeadlineError(RegisterError):
    """A case's deadlines cannot be worked out; the message names the case and the fix."""


class CaseExtensionRefused(CaseDeadlineError, ExtensionRefusedError):
    """The policy does not allow this extension; the message carries the engine's reason."""


class ReminderKeyError(RegisterError):
    """A reminder key that no reminder can have, or a snooze that ends in the past."""


# --------------------------------------------------------------------------- plain data


@dataclass(frozen=True)
class OpenDeadline:
    """A deadline still to be met, with what the "due" list shows for it."""

    kind: DeadlineKind
    due: datetime
    due_date: date
    days_left: int
    overdue: bool
    explanation: str
    date_only: bool = False


@dataclass(frozen=True)
class CaseDeadlines:
    """One case's deadlines as plain data for the UI, the CLI, reminders and the calendar.

    ``deadlines`` is None only when ``problem`` says why the policy could not be applied.
    ``next`` is the nearest open deadline; ``days_left`` is its distance in the officer's
    days (negative = overdue). ``clock_key`` identifies the current clock (the case id, plus
    the reopening) for reminder keys and calendar UIDs.
    """

    case_id: int
    reference: str
    status: Status
    clock_key: str
    policy_id: str
    policy_name: str
    policy_label: str
    legal_source: str
    deadlines: Deadlines | None
    open_deadlines: tuple[OpenDeadline, ...]
    acknowledgement_met: bool
    response_met: bool
    reopened: bool
    schedule: ReminderSchedule | None
    problem: str | None = None

    @property
    def next(self) -> OpenDeadline | None:
        """The nearest deadline still open."""
        return self.open_deadlines[0] if self.open_deadlines else None

    @property
    def days_left(self) -> int | None:
        """Days to the nearest open deadline in the officer's zone (negative = overdue)."""
        return None if self.next is None else self.next.days_left

    @property
    def overdue(self) -> bool:
        """Whether any deadline the law imposes has passed unmet."""
        return any(d.overdue for d in self.open_deadlines)


@dataclass(frozen=True)
class _CaseFacts:
    """The columns of a case the deadlines depend on (no personal data)."""

    id: int
    reference: str
    request_type: str
    status: Status
    policy_id: str | None
    received_at: datetime
    identity_proof_at: datetime | None
    fee_received_at: datetime | None
    reopened_at: datetime | None
    acknowledged_at: datetime | None
    kind: str


_FACT_COLUMNS = (
    col(Case.id),
    col(Case.reference),
    col(Case.request_type),
    col(Case.status),
    col(Case.policy_id),
    col(Case.received_at),
    col(Case.identity_proof_at),
    col(Case.fee_received_at),
    col(Case.reopened_at),
    col(Case.acknowledged_at),
    col(Case.kind),
)


def _facts(row: Any) -> _CaseFacts:
    return _CaseFacts(*row)


def _facts_of(case: Case) -> _CaseFacts:
    assert case.id is not None
    return _CaseFacts(
        case.id,
        case.reference,
        str(case.request_type),
        Status(case.status),
        case.policy_id,
        case.received_at,
        case.identity_proof_at,
        case.fee_received_at,
        case.reopened_at,
        case.acknowledged_at,
        str(case.kind),
    )


# --------------------------------------------------------------------------- computing


class _Context:
    """What every case in one listing shares: settings, zone, today, policies and calendars."""

    def __init__(self, session: Session, now: datetime) -> None:
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError(_("now has no time zone; pass an aware datetime"))
        self.now = now
        self.zone: ZoneInfo = officer_zone(session)
        self.today = now.astimezone(self.zone).date()
        self.settings: PolicySettings = load_policy_settings(session)
        self.policies = PolicyChooser(self.settings, self.zone)


def _clock_key(facts: _CaseFacts) -> str:
    if facts.reopened_at is None:
        return str(facts.id)
    return f"{facts.id}-r{int(facts.reopened_at.timestamp())}"


def _open(deadline: Deadline, ctx: _Context, *, can_be_overdue: bool) -> OpenDeadline:
    due_date = deadline.due.astimezone(ctx.zone).date()
    return OpenDeadline(
        kind=deadline.kind,
        due=deadline.due,
        due_date=due_date,
        days_left=(due_date - ctx.today).days,
        overdue=can_be_overdue and ctx.now > deadline.due,
        explanation=deadline.explanation,
        date_only=deadline.date_only,
    )


def _open_deadlines(
    result: Deadlines, ctx: _Context, *, ack_met: bool, response_met: bool, closed: bool
) -> tuple[OpenDeadline, ...]:
    if closed:
        return ()
    found: list[OpenDeadline] = []
    if result.acknowledge_by is not None and not ack_met:
        found.append(_open(result.acknowledge_by, ctx, can_be_overdue=True))
    if not response_met:
        found.append(_open(result.final_respond_by, ctx, can_be_overdue=True))
        notice = result.extension_notice_by
        if (
            result.extended_respond_by is None
            and notice is not None
            and notice.due != result.respond_by.due
            and ctx.now <= notice.due
        ):
            found.append(_open(notice, ctx, can_be_overdue=False))
    found.sort(key=lambda d: (d.due, d.kind.value))
    return tuple(found)


def _compute(facts: _CaseFacts, clock: ClockFacts, ctx: _Context) -> CaseDeadlines:
    status = Status(facts.status)
    ack_met = facts.acknowledged_at is not None
    response_met = status in _RESPONSE_MET
    base: dict[str, Any] = {
        "case_id": facts.id,
        "reference": facts.reference,
        "status": status,
        "clock_key": _clock_key(facts),
        "acknowledgement_met": ack_met,
        "response_met": response_met,
        "reopened": facts.reopened_at is not None,
    }
    policy_id = ctx.policies.policy_id(clock)
    try:
        policy = ctx.policies.policy(clock)
        result = deadlines(
            clock_of(clock),
            policy,
            ctx.policies.calendar(policy),
            ctx.zone,
            as_of=ctx.today,
        )
    except (PolicySettingsError, ClockInputError, NoWorkingDayError, ValueError) as error:
        problem = str(error).rstrip(".")
        return CaseDeadlines(
            **base,
            policy_id=policy_id,
            policy_name="",
            policy_label=policy_id,
            legal_source="",
            deadlines=None,
            open_deadlines=(),
            schedule=None,
            problem=_(
                "{reference}: no deadlines can be worked out ({problem}). Put the case under "
                "another policy, or fix the policy."
            ).format(reference=facts.reference, problem=problem),
        )
    return CaseDeadlines(
        **base,
        policy_id=policy.id,
        policy_name=policy.name,
        policy_label=policy.label,
        legal_source=policy.legal_source,
        deadlines=result,
        open_deadlines=_open_deadlines(
            result,
            ctx,
            ack_met=ack_met,
            response_met=response_met,
            closed=status is Status.CLOSED,
        ),
        schedule=ctx.settings.schedule_for(policy),
    )


def case_clock(session: Session, case: Case) -> CaseClock:
    """The engine's view of a stored case: receipt, proof, fee, pauses, extensions, reopening.

    Open pauses stay open (end None): pass ``as_of`` (today) to the engine to count them.
    """
    return clock_of(clock_facts_of(session, case))


def policy_for_case(session: Session, case: Case) -> Policy:
    """The policy version governing a case: its own policy id, else its request type's default.

    Chosen by the received date in the officer's zone, so a complaint received before an
    amendment keeps the old rule.
    """
    chooser = PolicyChooser(load_policy_settings(session), officer_zone(session))
    try:
        return chooser.policy(clock_facts_of(session, case))
    except PolicySettingsError as error:
        raise CaseDeadlineError(
            _("{reference}: {error} Put the case under another policy.").format(
                reference=case.reference, error=error
            )
        ) from None


def _single(session: Session, reference: str, now: datetime) -> CaseDeadlines:
    case, _person = find_case(session, reference)
    assert case.id is not None
    return _compute(_facts_of(case), clock_facts_of(session, case), _Context(session, now))


def deadlines_for_case(
    register_or_session: Register | Session, reference: str, *, now: datetime
) -> CaseDeadlines:
    """One case's deadlines and which are met, for the case page and letters.

    Raises CaseDeadlineError (naming the fix) when the case's policy cannot be applied, since
    a case page must not show an invented date.
    """
    if isinstance(register_or_session, Register):
        with register_or_session.reading() as session:
            found = _single(session, reference, now)
    else:
        found = _single(register_or_session, reference, now)
    if found.problem is not None:
        raise CaseDeadlineError(found.problem)
    return found


def _open_cases(session: Session, now: datetime, *, from_id: int = 0) -> list[CaseDeadlines]:
    """Three queries in all (cases, pauses, extensions), however many cases are open."""
    ctx = _Context(session, now)
    open_filter = (col(Case.status) != Status.CLOSED) & (col(Case.id) >= from_id)
    rows = session.execute(
        sa_select(*_FACT_COLUMNS).where(open_filter).order_by(col(Case.id))
    ).all()
    pauses: dict[int, list[tuple[Any, date, date | None]]] = defaultdict(list)
    for case_id, reason, started, ended in session.execute(
        select(
            col(ClockPause.case_id),
            col(ClockPause.reason),
            col(ClockPause.started_on),
            col(ClockPause.ended_on),
        )
        .join(Case, col(Case.id) == col(ClockPause.case_id))
        .where(open_filter)
    ):
        pauses[case_id].append((reason, started, ended))
    extensions: dict[int, list[datetime]] = defaultdict(list)
    for case_id, granted_at in session.execute(
        select(col(Extension.case_id), col(Extension.granted_at))
        .join(Case, col(Case.id) == col(Extension.case_id))
        .where(open_filter)
    ):
        extensions[case_id].append(granted_at)
    return [
        _compute(facts, ClockFacts.of(facts, pauses[facts.id], extensions[facts.id]), ctx)
        for facts in map(_facts, rows)
    ]


def _next_due(item: CaseDeadlines) -> dict[str, Any]:
    nearest = item.next
    stopped = item.deadlines is None or item.deadlines.clock_stopped
    if item.problem is not None or stopped or nearest is None:
        return {"b_id": item.case_id, "b_due": None, "b_kind": None}
    return {"b_id": item.case_id, "b_due": nearest.due, "b_kind": str(nearest.kind)}


def _store_next_due(session: Session, items: Iterable[CaseDeadlines]) -> None:
    rows = [_next_due(item) for item in items]
    if rows:
        table = SQLModel.metadata.tables["grievance_case"]  # Core UPDATE: executemany
        session.execute(
            sa_update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(next_due_at=bindparam("b_due"), next_due_kind=bindparam("b_kind")),
            rows,
        )


def refresh_next_due(session: Session, case: Case, *, now: datetime) -> None:
    """Keep the case's nearest open deadline in its row, so lists sort by it in SQL.

    Called in the transaction of every change that can move a deadline. NULL while the clock
    is stopped (the date moves every day then), once the deadlines are met, or when the
    policy cannot be applied.
    """
    assert case.id is not None
    session.flush()
    if Status(case.status) is Status.CLOSED:
        case.next_due_at, case.next_due_kind = None, None
        return
    item = _single(session, case.reference, now)
    values = _next_due(item)
    case.next_due_at, case.next_due_kind = values["b_due"], values["b_kind"]


def refresh_next_due_from(session: Session, first_id: int, *, now: datetime) -> None:
    """The same for every open case from ``first_id`` on, in bulk (after an import)."""
    session.flush()
    _store_next_due(session, _open_cases(session, now, from_id=first_id))


def open_case_deadlines(register: Register, *, now: datetime) -> list[CaseDeadlines]:
    """Every open case's deadlines, in case order; a case whose policy fails carries ``problem``.

    Built from three queries however many cases are open, so the tray and the "due" list stay
    quick with 10,000+ open cases.
    """
    with register.reading() as session:
        return _open_cases(session, now)


def _urgency(item: CaseDeadlines) -> tuple[int, datetime, str]:
    rank = 0 if item.problem is not None else 1 if item.overdue else 2
    due = item.next.due if item.next is not None else _NEVER
    return rank, due, item.reference


def due_within(
    register: Register, *, now: datetime, within: timedelta | None
) -> list[CaseDeadlines]:
    """Open cases with a deadline due by ``now + within`` (all when None), most urgent first.

    Order: cases whose policy cannot be applied, then overdue (longest overdue first), then
    nearest due; so the officer reads the list top-down and never misses a breach.
    """
    items = [i for i in open_case_deadlines(register, now=now) if i.problem or i.next]
    if within is not None:
        limit = now + within
        items = [i for i in items if i.problem or (i.next is not None and i.next.due <= limit)]
    return sorted(items, key=_urgency)


# --------------------------------------------------------------------------- extending


def extend_case(
    register: Register,
    reference: str,
    *,
    now: datetime,
    reason: str,
    notice_sent_at: datetime | None = None,
) -> CaseDeadlines:
    """Record an extension, or refuse with the engine's reason (none allowed, maximum reached,
    notice too late), so the register never shows a date the law does not give.

    The notice deadline is checked against ``notice_sent_at`` when given (notice sent in time
    but recorded later), else against ``now``.
    """
    if not reason.strip():
        raise CaseDeadlineError(
            _("An extension needs its reasons (the requester must be told them). Give --reason.")
        )
    if notice_sent_at is not None and notice_sent_at.tzinfo is None:
        raise ValueError(_("notice_sent_at has no time zone; pass an aware datetime"))
    actor = register.actor
    with register.writing() as session:
        case, _person = find_case(session, reference)
        assert case.id is not None
        if Status(case.status) in _RESPONSE_MET:
            raise CaseDeadlineError(
                _(
                    "{reference} is {status}: its response deadline is met, so there is nothing to "
                    "extend. Reopen it first if needed."
                ).format(reference=case.reference, status=Status(case.status).label.lower())
            )
        before = _single(session, case.reference, now)
        if before.problem is not None:
            raise CaseDeadlineError(before.problem)
        ctx = _Context(session, now)
        facts = clock_facts_of(session, case)
        policy = ctx.policies.policy(facts)
        try:
            ensure_can_extend(
                clock_of(facts),
                policy,
                ctx.policies.calendar(policy),
                ctx.zone,
                at=notice_sent_at or now,
                as_of=ctx.today,
            )
        except ExtensionRefusedError as error:
            raise CaseExtensionRefused(f"{case.reference}: {error}.") from None
        session.add(
            Extension(
                case_id=case.id,
                granted_at=now,
                reason=reason.strip(),
                notice_sent_at=notice_sent_at,
            )
        )
        case.updated_at = now
        refresh_next_due(session, case, now=now)
        session.flush()
        after = _single(session, case.reference, now)
        assert before.deadlines is not None and after.deadlines is not None
        append_event(
            session,
            action=AuditAction.CASE_EXTENDED,
            actor=actor,
            at=now,
            case_id=case.id,
            payload={
                "reference": case.reference,
                "policy": policy.label,
                "reason": reason.strip(),
                "notice_sent_at": notice_sent_at.isoformat() if notice_sent_at else None,
                "before": {"respond_by": before.deadlines.final_respond_by.due.isoformat()},
                "after": {"respond_by": after.deadlines.final_respond_by.due.isoformat()},
            },
        )
        return after


# --------------------------------------------------------------------------- reminders


def _due_items(items: Iterable[CaseDeadlines]) -> list[DueDeadline]:
    found = []
    for item in items:
        if item.schedule is None:
            continue
        for deadline in item.open_deadlines:
            found.append(
                DueDeadline(
                    item.clock_key, item.reference, deadline.kind.value, deadline.due, item.schedule
                )
            )
    return found


def reminders_now(register: Register, *, now: datetime) -> list[Reminder]:
    """What to remind the officer of now: overdue first, dismissals and snoozes respected.

    Deadlines already met (acknowledgement sent, response sent, case closed) are left out.
    """
    with register.reading() as session:
        zone = officer_zone(session)
        items = _due_items(_open_cases(session, now))
        states = session.scalars(select(ReminderState)).all()
    dismissed = {s.key for s in states if s.dismissed_at is not None}
    snoozed = {s.key: s.snoozed_until for s in states if s.snoozed_until is not None}
    return reminders_due(items, now, zone, dismissed=dismissed, snoozed_until=snoozed)


def _case_id_of(key: str) -> int:
    parts = key.split(":")
    head = parts[0].split("-r", 1)[0]
    if len(parts) < 3 or not head.isdigit() or len(key) > 200:
        raise ReminderKeyError(
            _(
                "{key} is not a reminder key (they look like 42:respond:before:3). Copy the "
                "key from the reminders list."
            ).format(key=repr(key))
        )
    return int(head)


def _remember(
    register: Register, key: str, now: datetime, action: AuditAction, snoozed_until: datetime | None
) -> None:
    case_id = _case_id_of(key)
    actor = register.actor
    with register.writing() as session:
        if session.get(Case, case_id) is None:
            raise ReminderKeyError(
                _("Reminder {key} belongs to no case in this register.").format(key=repr(key))
            )
        state = session.get(ReminderState, key)
        if state is None:
            state = ReminderState(key=key)
            session.add(state)
        if snoozed_until is None:
            state.dismissed_at = now
        else:
            state.snoozed_until = snoozed_until
        session.flush()
        append_event(
            session,
            action=action,
            actor=actor,
            at=now,
            case_id=case_id,
            payload={
                "key": key,
                "snoozed_until": None if snoozed_until is None else snoozed_until.isoformat(),
            },
        )


def dismiss_reminder(register: Register, key: str, *, now: datetime) -> None:
    """Hide one reminder for good (other slots of the same deadline still fire)."""
    _remember(register, key, now, AuditAction.REMINDER_DISMISSED, None)


def snooze_reminder(register: Register, key: str, *, until: datetime, now: datetime) -> None:
    """Hide one reminder until ``until``; it comes back then if still due."""
    if until.tzinfo is None or until.utcoffset() is None:
        raise ReminderKeyError(_("The snooze end has no time zone; pass an aware datetime."))
    if until <= now:
        raise ReminderKeyError(
            _("A snooze must end in the future (it would end {date}). Choose a later time.").format(
                date=until.isoformat()
            )
        )
    _remember(register, key, now, AuditAction.REMINDER_SNOOZED, until)


# --------------------------------------------------------------------------- calendar


def calendar_items(register: Register, *, now: datetime) -> list[CalendarDeadline]:
    """Every open deadline of every open case, for the .ics export (references only).

    Overdue deadlines are included: an unmet legal date stays in the calendar until it is met.
    """
    found = []
    for item in open_case_deadlines(register, now=now):
        if item.schedule is None:
            continue
        for deadline in item.open_deadlines:
            found.append(
                CalendarDeadline(
                    case_id=item.clock_key,
                    reference=item.reference,
                    kind=deadline.kind.value,
                    due=deadline.due,
                    alarm_offsets_days=item.schedule.offsets_days,
                    date_only=deadline.date_only,
                )
            )
    return found
