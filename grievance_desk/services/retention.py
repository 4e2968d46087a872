"""Retention: erase a closed case's personal data when its period ends, and prove it was done.

The officer keeps personal data no longer than needed (DPDP Act s.8(7)), but a purged case
must still count in reports and its history must still verify. So a purge *redacts* rather
than deletes: the requester's details, the free text, correspondence, attachment contents and
letter PDFs are cleared, while the reference, dates, type, status and outcome stay. Its audit
events keep their header and payload digest (so every hash still verifies) and lose their
personal values (`storage.audit.redact_event`). Everything for one purge happens in one
transaction, closed by a ``case.purged`` event: a crash leaves the case either whole or purged.

A legal hold suspends the rule for a case; identity documents can be destroyed earlier, as
soon as the identity is verified.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_types import IdentityState
from grievance_desk.domain.retention import (
    CaseRetentionFacts,
    DueCase,
    RetentionRules,
    due_for_purge,
    erase_after,
    rules_from_dict,
    rules_to_dict,
)
from grievance_desk.messages import _
from grievance_desk.services.cases import find_case
from grievance_desk.services.letter_records import PURGED
from grievance_desk.storage.audit import append_event, redact_event
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.name_collation import requester_sort_key
from grievance_desk.storage.register import Register
from grievance_desk.storage.search import compact_search_index, forget_case
from grievance_desk.storage.settings_registry import RETENTION_RULES
from grievance_desk.storage.tables import (
    Attachment,
    AuditEvent,
    Case,
    Correspondence,
    Extension,
    Letter,
)
from grievance_desk.storage.tables import Requester as RequesterRow

__all__ = [
    "ERASED",
    "PURGED_LETTER",
    "RULES_SETTING",
    "IdentityNotVerified",
    "NoIdentityDocuments",
    "PurgeItem",
    "PurgePlan",
    "PurgeResult",
    "RetentionError",
    "destroy_identity_documents",
    "load_rules",
    "purge",
    "purge_plan",
    "redacted_payload",
    "save_rules",
    "set_legal_hold",
]

RULES_SETTING = RETENTION_RULES.key
ERASED = "[erased]"
PURGED_LETTER = PURGED  # letters.py owns the letter statuses
PURGE_ACTION = AuditAction.CASE_PURGED
HOLD_ACTION = AuditAction.CASE_LEGAL_HOLD
ID_DOCS_ACTION = AuditAction.CASE_IDENTITY_DOCUMENTS_DESTROYED

# Audit payload keys that carry no personal data: codes, dates, ids and digests. Everything
# else (names, e-mails, descriptions, notes, reasons, file names, tags) goes in a purge.
_KEPT_KEYS = frozenset(
    {
        "reference",
        "kind",
        "request_type",
        "channel",
        "received_at",
        "status",
        "priority",
        "identity_state",
        "representative",
        "relationship",
        "data_categories",
        "outcome",
        "refusal_grounds",
        "policy_id",
        "policy",
        "acknowledged_at",
        "closed_at",
        "reopened_at",
        "notice_sent_at",
        "respond_by",
        "snoozed_until",
        "key",
        # a chain.repair event's record of the lost event (no personal data; verify needs it)
        "missing_event",
        "lost_hash",
        "neighbour_event",
        "imported_at",
        "legal_hold",
        "letter_id",
        "copy_of",
        "template_id",
        "template_version",
        "attachment_id",
        "attachments",
        "sha256",
        "size",
        "media_type",
        "purpose",
        "pdf_sha256",
        "pdf_size",
        "body_sha256",
        "subject_sha256",
        "body_sha256_before",
        "body_sha256_after",
        "before",
        "after",
        "requester",
    }
)


class RetentionError(RegisterError):
    """A retention action that cannot be done; the message says why and what to do."""


class IdentityNotVerified(RetentionError):
    def __init__(self, reference: str, state: str) -> None:
        super().__init__(
            _(
                "{reference}: the requester's identity is {state}, not verified, so the "
                "identity documents are still needed. Mark the identity verified on the case "
                "first, then destroy them."
            ).format(reference=reference, state=state.replace("_", " "))
        )


class NoIdentityDocuments(RetentionError):
    def __init__(self, reference: str) -> None:
        super().__init__(
            _(
                "{reference} has no identity documents left to destroy (none were attached "
                "with the purpose 'identity proof', or they were destroyed already)."
            ).format(reference=reference)
        )


# --------------------------------------------------------------------------- rules


def load_rules(session: Session) -> RetentionRules:
    """The officer's retention rules (default: erase 3 years after closing)."""
    stored = RETENTION_RULES.read(session)
    return rules_from_dict(stored if isinstance(stored, Mapping) else None)


def save_rules(register: Register, rules: RetentionRules, *, now: datetime) -> None:
    """Store new rules, with the change in the audit trail (a purge is judged by them)."""
    actor = register.actor
    after = rules_to_dict(rules)
    with register.writing() as session:
        before = RETENTION_RULES.read(session)
        RETENTION_RULES.write(session, after)
        append_event(
            session,
            action=AuditAction.SETTINGS_CHANGED,
            actor=actor,
            at=now,
            payload={"key": RULES_SETTING, "before": before, "after": after},
        )


# --------------------------------------------------------------------------- planning


@dataclass(frozen=True)
class PurgeItem:
    """One case a purge will erase: its reference and what it holds, never a name."""

    reference: str
    request_type: str
    closed_at: datetime
    erase_after: datetime
    period: str
    attachments: int
    letters: int
    correspondence: int

    def line(self) -> str:
        """One line for the confirmation list."""
        return _(
            "{reference}  {request_type}, closed {closed_on}, kept {period} (due {due}): "
            "{attachments} attachment(s), {letters} letter(s), {correspondence} message(s)"
        ).format(
            reference=self.reference,
            request_type=self.request_type.replace("_", " "),
            closed_on=f"{self.closed_at:%Y-%m-%d}",
            period=self.period,
            due=f"{self.erase_after:%Y-%m-%d}",
            attachments=self.attachments,
            letters=self.letters,
            correspondence=self.correspondence,
        )


@dataclass(frozen=True)
class PurgePlan:
    """What a purge will erase as of ``as_of``; shown to the officer before anything happens."""

    as_of: datetime
    items: tuple[PurgeItem, ...] = ()

    @property
    def references(self) -> list[str]:
        return [item.reference for item in self.items]

    @property
    def empty(self) -> bool:
        return not self.items

    def totals(self) -> dict[str, int]:
        """Counts across the plan, for the confirmation question."""
        return {
            "cases": len(self.items),
            "attachments": sum(i.attachments for i in self.items),
            "letters": sum(i.letters for i in self.items),
            "correspondence": sum(i.correspondence for i in self.items),
        }

    def lines(self) -> list[str]:
        """The plan as the officer reads it: one line per case, then the totals."""
        if self.empty:
            return [_("No case is due for erasure under the retention rules.")]
        totals = self.totals()
        return [
            *(item.line() for item in self.items),
            _(
                "In all: {cases} case(s), {attachments} attachment(s), {letters} letter(s), "
                "{correspondence} message(s). References, dates, type, status and outcome are "
                "kept for reports."
            ).format(**totals),
        ]


@dataclass(frozen=True)
class PurgeResult:
    """What a purge did: the cases erased, and those left alone with the reason."""

    purged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    events_redacted: int = 0


def _facts(case: Case) -> CaseRetentionFacts:
    assert case.id is not None
    return CaseRetentionFacts(
        case_id=case.id,
        reference=case.reference,
        request_type=str(case.request_type),
        closed_at=case.closed_at,
        legal_hold=bool(case.legal_hold),
        purged_at=case.purged_at,
    )


def _count(session: Session, table: Any, case_id: int) -> int:
    return int(
        session.scalar(select(func.count()).select_from(table).where(col(table.case_id) == case_id))
        or 0
    )


def _item(session: Session, due: DueCase) -> PurgeItem:
    facts = due.facts
    assert facts.closed_at is not None
    return PurgeItem(
        reference=facts.reference,
        request_type=facts.request_type,
        closed_at=facts.closed_at,
        erase_after=due.erase_after,
        period=due.period.describe(),
        attachments=_count(session, Attachment, facts.case_id),
        letters=_count(session, Letter, facts.case_id),
        correspondence=_count(session, Correspondence, facts.case_id),
    )


def purge_plan(register: Register, *, now: datetime) -> PurgePlan:
    """The cases whose retention period has ended and are not on legal hold."""
    with register.reading() as session:
        rules = load_rules(session)
        candidates = session.scalars(
            select(Case).where(
                col(Case.closed_at).is_not(None),
                col(Case.purged_at).is_(None),
                col(Case.legal_hold).is_(False),
            )
        ).all()
        due = due_for_purge((_facts(c) for c in candidates), rules, now)
        return PurgePlan(as_of=now, items=tuple(_item(session, d) for d in due))


# --------------------------------------------------------------------------- redaction


def redacted_payload(payload: str | None, action: str) -> dict[str, Any]:
    """The non-personal part of an audit payload: codes, dates, ids and digests only."""
    try:
        data = json.loads(payload or "{}")
    except ValueError:
        return {}
    kept = _keep(data) if isinstance(data, dict) else {}
    if not isinstance(kept, dict):
        return {}
    return kept


def _keep(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _keep(v) for k, v in value.items() if k in _KEPT_KEYS}
    if isinstance(value, list):
        return [_keep(v) for v in value]
    return value


def _purge_case(session: Session, case: Case, now: datetime) -> tuple[dict[str, Any], int]:
    """Erase one case's personal data in the caller's transaction; returns the purge record."""
    assert case.id is not None
    person = session.get(RequesterRow, case.requester_id)
    if person is not None:
        person.name = ERASED
        person.email = person.phone = person.postal_address = person.organisation = ""
        case.requester_sort_key = requester_sort_key(ERASED)
    case.description = ""
    case.representative_name = ""
    case.purged_at = now
    messages = session.scalars(
        select(Correspondence).where(col(Correspondence.case_id) == case.id)
    ).all()
    for message in messages:
        message.counterpart = message.subject = message.body = ""
    files = session.scalars(select(Attachment).where(col(Attachment.case_id) == case.id)).all()
    for attachment in files:
        attachment.content = None
        attachment.filename = f"{ERASED} attachment {attachment.id}"
        if attachment.destroyed_at is None:
            attachment.destroyed_at = now
    letters = session.scalars(select(Letter).where(col(Letter.case_id) == case.id)).all()
    purged_letters: list[dict[str, Any]] = []
    for letter in letters:
        if letter.status == "issued":
            purged_letters.append({"letter_id": letter.id, "pdf_sha256": letter.sha256})
        letter.status = PURGED_LETTER
        letter.pdf = None
        letter.subject = letter.body = ""
    for extension in session.scalars(
        select(Extension).where(col(Extension.case_id) == case.id)
    ).all():
        extension.reason = ""
    forget_case(session, case.id)
    session.flush()
    events = session.scalars(
        select(AuditEvent).where(
            col(AuditEvent.case_id) == case.id, col(AuditEvent.redacted_at).is_(None)
        )
    ).all()
    for event in events:
        redact_event(session, event.id, redacted_payload(event.payload, event.action), now)
    record = {
        "reference": case.reference,
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "attachments": len(files),
        "letters": purged_letters,
        "letters_total": len(letters),
        "correspondence": len(messages),
        "events_redacted": len(events),
    }
    return record, len(events)


def purge(register: Register, plan: PurgePlan, *, now: datetime) -> PurgeResult:
    """Erase the personal data of the cases in ``plan``, all in one transaction.

    Each case is checked again first (a hold placed, a case reopened or the rules changed
    since the plan was shown leave it alone, reported in ``skipped``).
    """
    actor = register.actor
    result = PurgeResult()
    if plan.empty:
        return result
    redacted = 0
    fault_point("purge.planned")
    with register.writing() as session:
        rules = load_rules(session)
        for item in plan.items:
            case = session.scalar(select(Case).where(col(Case.reference) == item.reference))
            if case is None:
                result.skipped.append((item.reference, _("it is no longer in the register")))
                continue
            reason = _not_due(case, rules, now)
            if reason:
                result.skipped.append((item.reference, reason))
                continue
            period = rules.period_for(str(case.request_type))
            record, count = _purge_case(session, case, now)
            record["rule"] = period.describe()
            redacted += count
            append_event(
                session, action=PURGE_ACTION, actor=actor, at=now, case_id=case.id, payload=record
            )
            result.purged.append(case.reference)
            fault_point("purge.case_erased")
        if result.purged:
            compact_search_index(session)
        fault_point("purge.before_commit")
    fault_point("purge.committed")
    return PurgeResult(result.purged, result.skipped, redacted)


def _not_due(case: Case, rules: RetentionRules, now: datetime) -> str:
    if case.purged_at is not None:
        return _("it was purged already")
    if case.legal_hold:
        return _("it is on legal hold")
    if case.closed_at is None:
        return _("it was reopened")
    until = erase_after(_facts(case), rules)
    if until is None or until > now:
        return _("its retention period has not ended under the current rules")
    return ""


# --------------------------------------------------------------------------- hold, ID documents


def set_legal_hold(
    register: Register, reference: str, on: bool, *, now: datetime, reason: str
) -> bool:
    """Place or lift a legal hold (litigation, a regulator's inquiry) that stops the purge.

    The reason is required and recorded, because keeping data past its period must be
    justified. Returns False when the case was already in that state (nothing recorded).
    """
    reason = " ".join(reason.split())
    if not reason:
        raise RetentionError(
            _(
                "Give the reason for the legal hold change (for example the inquiry or case "
                "number); it is recorded in the audit trail."
            )
        )
    actor = register.actor
    with register.writing() as session:
        case, _person = find_case(session, reference)
        if case.purged_at is not None:
            raise RetentionError(
                _(
                    "{reference} was purged on {purged_at:%Y-%m-%d}; its personal data is gone, so "
                    "a legal hold has nothing left to keep."
                ).format(reference=case.reference, purged_at=case.purged_at)
            )
        if bool(case.legal_hold) == on:
            return False
        case.legal_hold = on
        session.flush()
        append_event(
            session,
            action=HOLD_ACTION,
            actor=actor,
            at=now,
            case_id=case.id,
            payload={"reference": case.reference, "legal_hold": on, "reason": reason},
        )
        return True


@dataclass(frozen=True)
class DestroyedDocuments:
    """What ``destroy_identity_documents`` destroyed (ids and digests, kept on file)."""

    reference: str
    attachment_ids: tuple[int, ...]
    total_bytes: int


def destroy_identity_documents(
    register: Register, reference: str, *, now: datetime
) -> DestroyedDocuments:
    """Destroy a case's identity-proof attachments once the identity is verified.

    ID copies are the most sensitive thing a case holds and are needed only to verify who
    asked; after that they go, in one action that records what was destroyed (ids, sizes,
    digests) in the audit trail. Refused while the identity is not verified.
    """
    actor = register.actor
    with register.writing() as session:
        case, _person = find_case(session, reference)
        state = IdentityState(case.identity_state)
        if state is not IdentityState.VERIFIED:
            raise IdentityNotVerified(case.reference, state.value)
        rows: Sequence[Attachment] = session.scalars(
            select(Attachment).where(
                col(Attachment.case_id) == case.id,
                col(Attachment.purpose) == "identity_proof",
                col(Attachment.content).is_not(None),
            )
        ).all()
        if not rows:
            raise NoIdentityDocuments(case.reference)
        destroyed = []
        for row in rows:
            row.content = None
            row.destroyed_at = now
            destroyed.append(
                {
                    "attachment_id": row.id,
                    "sha256": row.sha256,
                    "size": row.size,
                    "media_type": row.media_type,
                }
            )
        session.flush()
        append_event(
            session,
            action=ID_DOCS_ACTION,
            actor=actor,
            at=now,
            case_id=case.id,
            payload={"reference": case.reference, "attachments": destroyed},
        )
        return DestroyedDocuments(
            case.reference, tuple(int(r.id or 0) for r in rows), sum(r.size for r in rows)
        )
