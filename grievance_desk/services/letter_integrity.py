"""The kept PDF of an issued letter, and the proof that nothing changed since it was issued.

Every read of an issued letter's PDF is checked against its digest and its issue event;
`verify_issued_letters` reports every row that no longer matches.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.messages import _
from grievance_desk.services.letter_records import (
    ISSUE_ACTION,
    ISSUED,
    PURGED,
    LetterError,
    LetterTampered,
    letter_row,
)
from grievance_desk.storage.audit import digest
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import AuditEvent, Case, Letter


def issue_payload(row: Letter) -> dict[str, Any]:
    """The digests an issue event records, so a later change to the row shows."""
    return {
        "letter_id": row.id,
        "template_id": row.template_id,
        "template_version": row.template_version,
        "subject_sha256": digest(row.subject.encode("utf-8")),
        "body_sha256": digest(row.body.encode("utf-8")),
        "pdf_sha256": row.sha256,
        "pdf_size": len(row.pdf or b""),
    }


def _issue_events(session: Session, case_id: int | None = None) -> dict[int, AuditEvent]:
    """Issue events by letter id; of one case when ``case_id`` is given.

    One letter's check reads its own case's events (indexed): the whole register's issue
    events are ~200,000 rows at 100,000 cases, 15 s to load, and the case file's preview of
    an issued letter waited for them. The case id is part of each event's chained hash, so
    it cannot have been moved to hide an event.
    """
    events: dict[int, AuditEvent] = {}
    query = select(AuditEvent).where(col(AuditEvent.action) == ISSUE_ACTION)
    if case_id is not None:
        query = query.where(col(AuditEvent.case_id) == case_id)
    for event in session.scalars(query).all():
        try:
            payload = json.loads(event.payload or "{}")
        except ValueError:
            continue
        letter_id = payload.get("letter_id")
        if isinstance(letter_id, int):
            events[letter_id] = event
    return events


def _mismatches(row: Letter, event: AuditEvent | None) -> list[str]:
    found: list[str] = []
    if row.pdf is None or row.sha256 is None:
        return [_("its PDF or digest is missing")]
    if hashlib.sha256(row.pdf).hexdigest() != row.sha256:
        found.append(_("its PDF does not match its stored SHA-256"))
    if event is None:
        return [*found, _("no issue event in the audit trail records it")]
    if event.redacted_at is not None:
        return found
    recorded = json.loads(event.payload or "{}")
    expected = issue_payload(row)
    for key, what in (
        ("pdf_sha256", _("its stored digest")),
        ("body_sha256", _("its text")),
        ("subject_sha256", _("its subject")),
        ("template_version", _("its template version")),
        ("pdf_size", _("its PDF size")),
    ):
        if recorded.get(key) != expected[key]:
            found.append(
                _("{what} differs from what was recorded when it was issued").format(what=what)
            )
    if hashlib.sha256(row.pdf).hexdigest() != recorded.get("pdf_sha256"):
        found.append(_("its PDF differs from the one issued"))
    return sorted(set(found), key=found.index)


def checked_pdf(session: Session, row: Letter) -> bytes:
    """An issued letter's stored PDF, refused (`LetterTampered`) if it no longer matches."""
    problems = _mismatches(row, _issue_events(session, row.case_id).get(row.id or 0))
    if problems:
        raise LetterTampered(
            _(
                "Issued letter {id} has been altered since it was issued: {problems}. Restore "
                "the register from a backup and run verify."
            ).format(id=row.id, problems="; ".join(problems))
        )
    assert row.pdf is not None
    return row.pdf


def letter_pdf(register: Register, letter_id: int) -> bytes:
    """The stored PDF of an issued letter, after checking it is byte-for-byte the one issued."""
    with register.reading() as session:
        row, _case, _person = letter_row(session, letter_id)
        if row.status != ISSUED:
            raise LetterError(
                _(
                    "Letter {letter_id} is a draft; it has no PDF on file yet. Preview it, or "
                    "issue it first."
                ).format(letter_id=letter_id)
            )
        return checked_pdf(session, row)


def verify_issued_letters(session: Session) -> list[str]:
    """Every issued letter whose row no longer matches its issue event, one line each.

    The audit chain proves the events are intact; this proves the letters match them, so
    editing an issued letter's PDF, digest, text or template version is caught by `verify`.
    """
    events = _issue_events(session)
    problems: list[str] = []
    issued_ids: set[int] = set()
    rows = session.execute(
        select(Letter, Case.reference)
        .join(Case, col(Case.id) == col(Letter.case_id))
        .where(col(Letter.status) == ISSUED)
        .order_by(col(Letter.id))
    ).all()
    for row, reference in rows:
        assert row.id is not None
        issued_ids.add(row.id)
        found = _mismatches(row, events.get(row.id))
        if found:
            problems.append(f"Letter {row.id} ({reference}): " + "; ".join(found) + ".")
    # A retention purge clears a letter's PDF and marks it purged; its digest must still be
    # the one recorded when it was issued.
    purged = dict(
        session.execute(
            select(col(Letter.id), col(Letter.sha256)).where(col(Letter.status) == PURGED)
        ).all()
    )
    for letter_id, event in sorted(events.items()):
        if letter_id in purged:
            recorded = json.loads(event.payload or "{}").get("pdf_sha256")
            if recorded is not None and recorded != purged[letter_id]:
                problems.append(
                    _(
                        "Letter {letter_id} was purged, but its digest differs from the one "
                        "recorded when it was issued."
                    ).format(letter_id=letter_id)
                )
            continue
        if letter_id not in issued_ids:
            problems.append(
                _(
                    "Letter {letter_id} was issued (audit event {id}) but is no longer on file as "
                    "issued."
                ).format(letter_id=letter_id, id=event.id)
            )
    return problems
