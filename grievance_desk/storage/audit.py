"""The audit chain: every change to a case appends an event linked to the one before.

``hash = SHA-256(previous hash ‖ canonical JSON of the event header)``, where the header holds
the event's id, case, time, actor, action and the SHA-256 of its payload (the before/after
values). Keeping the payload out of the hash and only its digest in lets the retention purge
redact personal values while every hash still verifies; an unredacted payload must still
match its digest. ``verify_chain`` recomputes all of it and names the first broken link.

Since schema 0007 an event about a case also records, as ``state_sha256`` in its payload, the
digest of the case's state right after the change (``storage/case_state.py``), so the chain
vouches for the record and not only for itself; ``storage/record_check.py`` compares it with
the case as it is. It sits in the payload, so the hash rule (and every evidence bundle's
check of it) is unchanged; a case's latest event is never redacted (a purge redacts the
case's earlier events, then appends its own), so the digest stays checkable.

A "chain.repair" event (``services/integrity.py``) documents one event lost by the import
defect of versions before 0007: the missing event id and the hash the next event links to.
``verify_chain`` lets the chain pass that one gap only with such a record, and counts it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _, ngettext
from grievance_desk.storage.case_state import case_state_digest, iter_case_states
from grievance_desk.storage.column_types import UtcDateTime
from grievance_desk.storage.tables import AuditEvent

GENESIS = "0" * 64
REPAIR_ACTION = AuditAction.CHAIN_REPAIR
# The payload key holding the case's state digest after the change (schema 0007 on).
STATE_KEY = "state_sha256"
_STAMP = UtcDateTime()


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8; dates as ISO text."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    ).encode("utf-8")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _header(
    event_id: int, case_id: int | None, at: datetime, actor: str, action: str, payload_sha: str
) -> dict[str, Any]:
    return {
        "id": event_id,
        "case_id": case_id,
        "at": _STAMP.process_bind_param(at, None),  # type: ignore[arg-type]
        "actor": actor,
        "action": action,
        "payload_sha256": payload_sha,
    }


def chain_hash(prev_hash: str, header: dict[str, Any]) -> str:
    return digest(prev_hash.encode("ascii") + canonical_json(header))


class ChainWriter:
    """Appends links in one transaction, remembering the tip so bulk imports do not re-read it."""

    def __init__(self, session: Session) -> None:
        self._session = session
        last = session.execute(
            select(AuditEvent.id, AuditEvent.hash).order_by(col(AuditEvent.id).desc()).limit(1)
        ).first()
        self._next_id = 1 if last is None else int(last[0]) + 1
        self._tip = GENESIS if last is None else str(last[1])

    def append(
        self,
        *,
        action: str,
        actor: str,
        at: datetime,
        case_id: int | None = None,
        payload: dict[str, Any] | None = None,
        state: str | None = None,
    ) -> AuditEvent:
        """Add the next link. An event about a case records the case's state digest, read
        from the rows as flushed now: append it after the change it records. A caller that
        has the digest already (a bulk import, the 0007 baseline) passes it as ``state``."""
        action = str(action)  # an AuditAction's value: the text stored and hashed
        if case_id is not None:
            if state is None:
                self._session.flush()
                state = case_state_digest(self._session, case_id)
            if state is not None:
                payload = {**(payload or {}), STATE_KEY: state}
        payload_text = canonical_json(payload or {}).decode("utf-8")
        payload_sha = digest(payload_text.encode("utf-8"))
        event_id, prev_hash = self._next_id, self._tip
        event = AuditEvent(
            id=event_id,
            case_id=case_id,
            at=at,
            actor=actor,
            action=action,
            payload=payload_text,
            payload_digest=payload_sha,
            prev_hash=prev_hash,
            hash=chain_hash(prev_hash, _header(event_id, case_id, at, actor, action, payload_sha)),
        )
        self._session.add(event)
        self._next_id, self._tip = event_id + 1, event.hash
        return event


BASELINE_ACTION = AuditAction.CASE_STATE_BASELINE


def append_state_baselines(session: Session, *, at: datetime, actor: str, note: str) -> int:
    """One ``case.state_baseline`` event per case, recording its state as found now: for a
    register whose events carry no state digests (made before schema 0007). Returns how many."""
    chain = ChainWriter(session)
    found = list(iter_case_states(session))
    for case_id, reference, state in found:
        chain.append(
            action=BASELINE_ACTION,
            actor=actor,
            at=at,
            case_id=case_id,
            payload={"reference": reference, "note": note},
            state=state,
        )
    session.flush()
    return len(found)


def append_event(
    session: Session,
    *,
    action: str,
    actor: str,
    at: datetime,
    case_id: int | None = None,
    payload: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add the next link in the caller's transaction: a change and its trace commit together."""
    event = ChainWriter(session).append(
        action=action, actor=actor, at=at, case_id=case_id, payload=payload
    )
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    """What ``verify`` found: the number of events checked and the first broken link."""

    events: int
    redacted: int
    broken_at: int | None = None
    problem: str = ""
    repaired_gaps: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return self.broken_at is None

    def __str__(self) -> str:
        if self.ok:
            line = _("Audit chain intact: {events} events ({redacted} redacted).").format(
                events=self.events, redacted=self.redacted
            )
            if self.repaired_gaps:
                shown = ", ".join(str(n) for n in self.repaired_gaps[:10])
                more = "" if len(self.repaired_gaps) <= 10 else ", \u2026"
                line += " " + ngettext(
                    "{count} event(s) lost by the import defect of versions before schema 0007 "
                    "are documented by repair events (missing event {shown}{more}).",
                    "{count} event(s) lost by the import defect of versions before schema 0007 "
                    "are documented by repair events (missing event {shown}{more}).",
                    len(self.repaired_gaps),
                ).format(count=len(self.repaired_gaps), shown=shown, more=more)
            return line
        return _("Audit chain broken at event {event}: {problem}").format(
            event=self.broken_at, problem=self.problem
        )


def _events(session: Session, batch: int = 5000) -> Iterator[AuditEvent]:
    after = 0
    while True:
        rows = session.scalars(
            select(AuditEvent)
            .where(col(AuditEvent.id) > after)
            .order_by(col(AuditEvent.id))
            .limit(batch)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1].id
        session.expunge_all()


def recorded_repairs(session: Session) -> dict[int, str]:
    """Each documented lost event: its id and the hash the event after it links to."""
    repairs: dict[int, str] = {}
    rows = session.execute(
        select(AuditEvent.payload).where(col(AuditEvent.action) == REPAIR_ACTION)
    ).scalars()
    for payload in rows:
        try:
            data = json.loads(payload or "{}")
            missing, lost = data.get("missing_event"), data.get("lost_hash")
        except (ValueError, AttributeError):
            continue
        if isinstance(missing, int) and isinstance(lost, str):
            repairs[missing] = lost
    return repairs


def verify_chain(session: Session) -> ChainReport:
    """Recompute every link; stops at the first event whose hash, link or payload is wrong.

    A missing event is passed only where a repair event documents it (the lost event's id
    and the hash the next event links to), and only if that repair event is itself in the
    chain, checked like any other (so at least one event must follow the gap)."""
    repairs = recorded_repairs(session)
    prev_hash = GENESIS
    expected_id = 1
    count = redacted = 0
    repaired: list[int] = []
    for event in _events(session):
        if event.id == expected_id + 1 and repairs.get(expected_id) == event.prev_hash:
            repaired.append(expected_id)
            prev_hash = event.prev_hash
            expected_id += 1
        if event.id != expected_id:
            return ChainReport(
                count,
                redacted,
                expected_id,
                _("event {missing} is missing (next is {next})").format(
                    missing=expected_id, next=event.id
                ),
            )
        if event.prev_hash != prev_hash:
            return ChainReport(count, redacted, event.id, _("it does not link to the event before"))
        header = _header(
            event.id, event.case_id, event.at, event.actor, event.action, event.payload_digest
        )
        if chain_hash(prev_hash, header) != event.hash:
            return ChainReport(count, redacted, event.id, _("its contents do not match its hash"))
        if event.redacted_at is None:
            if digest((event.payload or "").encode("utf-8")) != event.payload_digest:
                return ChainReport(
                    count, redacted, event.id, _("its recorded values do not match their digest")
                )
        else:
            redacted += 1
        prev_hash = event.hash
        expected_id += 1
        count += 1
    return ChainReport(count, redacted, repaired_gaps=tuple(repaired))


class ChainHead(NamedTuple):
    """The last event's sequence number and hash: a short fingerprint of the whole history.

    Printed on reports and evidence bundles, it anchors the chain outside the file:
    ``verify --head SEQ:HASH`` proves the register still extends it."""

    sequence: int
    hash: str

    def __str__(self) -> str:
        return f"{self.sequence}:{self.hash}"


def chain_head(session: Session) -> ChainHead:
    """The latest event's id and hash (0 and the genesis hash for an empty chain)."""
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(col(AuditEvent.id).desc()).limit(1)
    ).first()
    if last is None:
        return ChainHead(0, GENESIS)
    return ChainHead(int(last[0]), str(last[1]))


def redact_event(session: Session, event_id: int, kept: dict[str, Any], at: datetime) -> None:
    """Replace an event's payload with its non-personal part; the digest and hash stay."""
    session.execute(
        text("UPDATE audit_event SET payload = :payload, redacted_at = :at WHERE id = :id"),
        {
            "payload": canonical_json({"redacted": True, **kept}).decode("utf-8"),
            "at": _STAMP.process_bind_param(at, None),  # type: ignore[arg-type]
            "id": event_id,
        },
    )
