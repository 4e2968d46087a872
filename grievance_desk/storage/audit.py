"""The audit chain: every change to a case appends an event linked to the one before.

``hash = SHA-256(previous hash ‖ canonical JSON of the event header)``, where the header holds
the event's id, case, time, actor, action and the SHA-256 of its payload (the before/after
values). Keeping the payload out of the hash and only its digest in lets the retention purge
redact personal values while every hash still verifies; an unredacted payload must still
match its digest. ``verify_chain`` recomputes all of it and names the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, text
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.storage.column_types import UtcDateTime
from grievance_desk.storage.tables import AuditEvent

GENESIS = "0" * 64
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
    ) -> AuditEvent:
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

    @property
    def ok(self) -> bool:
        return self.broken_at is None

    def __str__(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.events} events ({self.redacted} redacted)."
        return f"Audit chain broken at event {self.broken_at}: {self.problem}"


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


def verify_chain(session: Session) -> ChainReport:
    """Recompute every link; stops at the first event whose hash, link or payload is wrong."""
    prev_hash = GENESIS
    expected_id = 1
    count = redacted = 0
    for event in _events(session):
        if event.id != expected_id:
            return ChainReport(
                count, redacted, expected_id, f"event {expected_id} is missing (next is {event.id})"
            )
        if event.prev_hash != prev_hash:
            return ChainReport(count, redacted, event.id, "it does not link to the event before")
        header = _header(
            event.id, event.case_id, event.at, event.actor, event.action, event.payload_digest
        )
        if chain_hash(prev_hash, header) != event.hash:
            return ChainReport(count, redacted, event.id, "its contents do not match its hash")
        if event.redacted_at is None:
            if digest((event.payload or "").encode("utf-8")) != event.payload_digest:
                return ChainReport(
                    count, redacted, event.id, "its recorded values do not match their digest"
                )
        else:
            redacted += 1
        prev_hash = event.hash
        expected_id += 1
        count += 1
    return ChainReport(count, redacted)


def chain_head(session: Session) -> tuple[int, str]:
    """The number of events and the last hash: a short fingerprint of the whole history."""
    count = session.scalar(select(func.count()).select_from(AuditEvent)) or 0
    last = session.scalar(select(AuditEvent.hash).order_by(col(AuditEvent.id).desc()).limit(1))
    return int(count), str(last or GENESIS)


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
