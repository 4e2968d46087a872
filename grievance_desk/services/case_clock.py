"""A case's deadline inputs, built in one place from plain values.

The engine (`domain.deadline_engine.deadlines`) needs a `CaseClock`, a policy version and its
calendar. The case page, the "due" list, reminders, letters and the monthly report all build
those from the same stored facts; they do it here, so they can never disagree about which
policy applies or which pauses count. `ClockFacts` is plain values, so one stored case and
the report's bulk reader (rows read thousands at a time) feed the same function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.deadline_engine import CaseClock, Pause
from grievance_desk.domain.policy import Policy
from grievance_desk.domain.work_calendar import WorkCalendar
from grievance_desk.messages import _
from grievance_desk.services.policy_settings import PolicySettings
from grievance_desk.storage.tables import Case, ClockPause, Extension

__all__ = [
    "ClockFacts",
    "PolicyChooser",
    "clock_facts_of",
    "clock_of",
    "policy_id_for",
    "received_on",
]

#: (reason, first day, last day or None while the clock is still stopped)
PauseRow = tuple[str, date, date | None]


@dataclass(frozen=True)
class ClockFacts:
    """What a case's deadlines depend on, as plain values (no personal data)."""

    received_at: datetime
    request_type: str
    kind: str
    policy_id: str | None
    identity_proof_at: datetime | None = None
    fee_received_at: datetime | None = None
    reopened_at: datetime | None = None
    pauses: tuple[PauseRow, ...] = ()
    extensions: tuple[datetime, ...] = ()

    @staticmethod
    def of(
        row: Any, pauses: Iterable[tuple[Any, date, date | None]], extensions: Iterable[datetime]
    ) -> ClockFacts:
        """From anything with the case's columns as attributes (a `Case`, a report row)."""
        return ClockFacts(
            received_at=row.received_at,
            request_type=str(row.request_type),
            kind=str(row.kind),
            policy_id=row.policy_id,
            identity_proof_at=row.identity_proof_at,
            fee_received_at=row.fee_received_at,
            reopened_at=row.reopened_at,
            pauses=tuple((str(reason), start, end) for reason, start, end in pauses),
            extensions=tuple(extensions),
        )


def clock_facts_of(session: Session, case: Case) -> ClockFacts:
    """One stored case's facts: its row plus its pauses and extensions (two queries)."""
    assert case.id is not None
    pauses = session.execute(
        select(col(ClockPause.reason), col(ClockPause.started_on), col(ClockPause.ended_on)).where(
            col(ClockPause.case_id) == case.id
        )
    ).all()
    extensions = session.scalars(
        select(Extension.granted_at).where(col(Extension.case_id) == case.id)
    ).all()
    return ClockFacts.of(case, [(r, s, e) for r, s, e in pauses], extensions)


def received_on(facts: ClockFacts, zone: ZoneInfo) -> date:
    """The received date in the officer's zone: the date that picks the law and its version."""
    return facts.received_at.astimezone(zone).date()


def policy_id_for(facts: ClockFacts, settings: PolicySettings, zone: ZoneInfo) -> str:
    """The policy a case is under: its own, else the default for its type on its received date
    (the officer's default, else the law then in force for the organisation's profile)."""
    return facts.policy_id or settings.default_for(
        facts.request_type, facts.kind, received_on(facts, zone)
    )


_CURRENT: Any = object()


def clock_of(
    facts: ClockFacts,
    *,
    until: datetime | None = None,
    zone: ZoneInfo | None = None,
    reopened_at: datetime | None = _CURRENT,
) -> CaseClock:
    """The engine's clock for a case: now (``until`` None), or as it stood at ``until``.

    As it stood at a past moment (for reports): pauses and extensions not yet begun are left
    out, a pause that ended later is still open then, and proof / fee not yet received do not
    count; ``reopened_at`` names the reopening that started that clock. Open pauses stay open
    (end None): pass ``as_of`` to the engine to count them.
    """
    reopened = facts.reopened_at if reopened_at is _CURRENT else reopened_at
    pauses: Iterable[PauseRow] = facts.pauses
    extensions: Iterable[datetime] = facts.extensions
    proof, fee = facts.identity_proof_at, facts.fee_received_at
    if until is not None:
        if zone is None:
            raise ValueError(_("a clock as it stood at a moment needs the officer's zone"))
        day = until.astimezone(zone).date()
        pauses = [
            (reason, start, end if end is not None and end <= day else None)
            for reason, start, end in pauses
            if start <= day
        ]
        extensions = [e for e in extensions if e <= until]
        proof = proof if proof is not None and proof <= until else None
        fee = fee if fee is not None and fee <= until else None
    return CaseClock(
        received_at=facts.received_at,
        identity_proof_at=proof,
        fee_received_at=fee,
        pauses=tuple(
            sorted((Pause(start, end, reason) for reason, start, end in pauses), key=_start)
        ),
        extensions=tuple(sorted(extensions)),
        reopened_at=reopened,
        request_type=facts.request_type,
    )


def _start(pause: Pause) -> date:
    return pause.start


class PolicyChooser:
    """Policy versions and calendars for many cases, each looked up once.

    Raises `PolicySettingsError` (unknown id, no version in force on the received date); a
    caller that lists many cases turns it into that case's problem.
    """

    def __init__(self, settings: PolicySettings, zone: ZoneInfo) -> None:
        self.settings = settings
        self.zone = zone
        self._found: dict[tuple[str, date], Policy] = {}
        self._calendars: dict[int, WorkCalendar] = {}  # by id(): hashing a Policy is slow

    def policy_id(self, facts: ClockFacts) -> str:
        """`policy_id_for` with this chooser's settings and zone."""
        return policy_id_for(facts, self.settings, self.zone)

    def policy(self, facts: ClockFacts) -> Policy:
        """The version of the case's policy in force on its received date."""
        return self.version(self.policy_id(facts), received_on(facts, self.zone))

    def version(self, policy_id: str, on: date) -> Policy:
        """The version of ``policy_id`` in force on ``on`` (cached)."""
        key = (policy_id, on)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self.settings.policy_in_force(policy_id, on)
        return found

    def calendar(self, policy: Policy) -> WorkCalendar:
        """The policy's working-day calendar (cached)."""
        found = self._calendars.get(id(policy))
        if found is None:
            found = self._calendars[id(policy)] = self.settings.calendar_for(policy)
        return found
