"""Messages in and out of a case: e-mails, letters received, phone notes.

Recorded as they happened (the officer gives the time), each with an audit event, so the
timeline shows the whole exchange and the chain proves when it was entered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_record import clean_text
from grievance_desk.domain.case_types import Channel
from grievance_desk.messages import _
from grievance_desk.services.cases import find_case
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Correspondence

DIRECTIONS = ("in", "out")
MAX_BODY = 200_000


@dataclass(frozen=True)
class CorrespondenceItem:
    id: int
    direction: str
    channel: Channel
    at: datetime
    counterpart: str
    subject: str
    body: str


def _item(row: Correspondence) -> CorrespondenceItem:
    assert row.id is not None
    return CorrespondenceItem(
        row.id, row.direction, Channel(row.channel), row.at, row.counterpart, row.subject, row.body
    )


def record_correspondence(
    register: Register,
    reference: str,
    *,
    direction: str,
    channel: Channel,
    at: datetime,
    now: datetime,
    counterpart: str = "",
    subject: str = "",
    body: str = "",
) -> CorrespondenceItem:
    """Add one message to a case; refuses what cannot be right before saving anything."""
    if direction not in DIRECTIONS:
        raise ValueError(
            _("Direction must be 'in' or 'out', not {direction}.").format(direction=repr(direction))
        )
    if at.tzinfo is None:
        raise ValueError(_("The time of the message needs a time zone."))
    if at > now:
        raise ValueError(_("The message cannot be dated in the future; check the date and time."))
    if not (subject.strip() or body.strip()):
        raise ValueError(
            _("Give the message a subject or some text, so the timeline says what it was.")
        )
    if len(body) > MAX_BODY:
        raise ValueError(
            _(
                "The text is {count:,} characters; keep it under {max_body:,} and attach the "
                "full message as a file instead."
            ).format(count=len(body), max_body=MAX_BODY)
        )
    actor = register.actor
    with register.writing() as session:
        case, _unused = find_case(session, reference)
        assert case.id is not None
        if at < case.received_at:
            raise ValueError(
                _("The message is dated before the case was received; check the date and time.")
            )
        row = Correspondence(
            case_id=case.id,
            direction=direction,
            channel=channel,
            at=at,
            counterpart=clean_text(counterpart),
            subject=clean_text(subject),
            body=body.replace("\x00", ""),
        )
        session.add(row)
        session.flush()
        append_event(
            session,
            action=AuditAction.of_correspondence(direction),
            actor=actor,
            at=now,
            case_id=case.id,
            payload={
                "correspondence_id": row.id,
                "channel": str(channel),
                "at": at.isoformat(),
                "counterpart": row.counterpart,
                "subject": row.subject,
                "body": row.body,
            },
        )
        return _item(row)


def list_correspondence(register: Register, reference: str) -> list[CorrespondenceItem]:
    """A case's messages, oldest first, as the officer reads an exchange."""
    with register.reading() as session:
        case, _unused = find_case(session, reference)
        rows = session.scalars(
            select(Correspondence)
            .where(col(Correspondence.case_id) == case.id)
            .order_by(col(Correspondence.at), col(Correspondence.id))
        ).all()
        return [_item(row) for row in rows]
