"""Registering and changing cases, each change leaving its trace in the audit chain.

Every function here runs in one write transaction: the case row, its search entry and its
audit event commit together or not at all. "now" comes from the caller, so tests and imports
can say exactly when a thing happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlalchemy.orm import Session
from sqlmodel import col, select

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.domain.case_record import CaseDraft, Requester, validate_draft
from grievance_desk.domain.case_types import (
    CaseKind,
    Channel,
    DataCategory,
    IdentityState,
    Outcome,
    Priority,
    RefusalGround,
    Relationship,
    Representative,
    RequestType,
)
from grievance_desk.domain.closing import ClosingRecord, check_closing
from grievance_desk.domain.reference import (
    MAX_SEQUENCE,
    InvalidReference,
    ReferenceOutOfRange,
    format_reference,
    legacy_reference_tag,
    parse_reference,
)
from grievance_desk.domain.workflow import AWAITING_REQUESTER, Action, Status, check_action
from grievance_desk.messages import _
from grievance_desk.services.case_deadlines import refresh_next_due, refresh_next_due_from

# Re-exported: most callers find a case and the officer's zone through this module.
from grievance_desk.services.case_lookup import find_case as find_case
from grievance_desk.services.case_lookup import officer_zone as officer_zone
from grievance_desk.storage import search
from grievance_desk.storage.audit import ChainWriter, append_event
from grievance_desk.storage.case_state import new_case_state_digest
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.name_collation import requester_sort_key
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import REFERENCE_PREFIX
from grievance_desk.storage.tables import Case, ClockPause, Correspondence, Letter, ReferenceCounter
from grievance_desk.storage.tables import Requester as RequesterRow

DEFAULT_PREFIX = REFERENCE_PREFIX.default


class DuplicateReference(RegisterError):
    def __init__(self, reference: str) -> None:
        super().__init__(
            _(
                "A case with reference {reference} is already in the register. Remove the "
                "reference from the import to give the case a new one, or skip that row."
            ).format(reference=reference)
        )


class ReferencesExhausted(RegisterError):
    """The year's counter is at the highest number (a register that imported one before
    references were range-checked): no new case of that year can be numbered."""

    def __init__(self, year: int, last: int) -> None:
        super().__init__(
            _(
                "No new {year} case can be numbered: the {year} reference counter is at "
                "{last}, the highest a reference may have is {max_sequence:,}. A case with "
                "that number was imported earlier. Register the case with its own reference "
                "(or a received date in another year) and ask support to renumber the imported "
                "case."
            ).format(year=year, last=last, max_sequence=MAX_SEQUENCE)
        )


def reference_prefix(session: Session) -> str:
    return REFERENCE_PREFIX.read(session)


def _claim_reference(session: Session, reference: str, bulk: BulkContext) -> tuple[int, int]:
    """Keep an imported reference and move the counter past it so it is never reused."""
    parsed = parse_reference(reference)
    if session.scalar(select(Case.id).where(col(Case.reference) == str(parsed))) is not None:
        raise DuplicateReference(str(parsed))
    if parsed.year not in bulk.counters:
        counter = session.get(ReferenceCounter, parsed.year)
        bulk.counters[parsed.year] = 0 if counter is None else counter.last_sequence
    bulk.counters[parsed.year] = max(bulk.counters[parsed.year], parsed.sequence)
    return parsed.year, parsed.sequence


def snapshot(case: Case, person: RequesterRow) -> dict[str, Any]:
    """The case as plain JSON values: the audit payload and the basis of exports."""
    return {
        "reference": case.reference,
        "kind": str(case.kind),
        "request_type": str(case.request_type),
        "channel": str(case.channel),
        "received_at": case.received_at.isoformat(),
        "status": str(case.status),
        "priority": str(case.priority),
        "identity_state": str(case.identity_state),
        "representative": str(case.representative),
        "representative_name": case.representative_name,
        "data_categories": list(case.data_categories),
        "description": case.description,
        "outcome": None if case.outcome is None else str(case.outcome),
        "refusal_grounds": list(case.refusal_grounds),
        "tags": list(case.tags),
        "policy_id": case.policy_id,
        "acknowledged_at": case.acknowledged_at.isoformat() if case.acknowledged_at else None,
        "closed_at": case.closed_at.isoformat() if case.closed_at else None,
        "requester": {
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "postal_address": person.postal_address,
            "relationship": str(person.relationship),
            "organisation": person.organisation,
        },
    }


@dataclass
class BulkContext:
    """What every insert in one transaction shares: read once, written back once."""

    tz: ZoneInfo
    prefix: str
    chain: ChainWriter
    counters: dict[int, int] = field(default_factory=dict)

    @staticmethod
    def for_session(session: Session) -> BulkContext:
        return BulkContext(officer_zone(session), reference_prefix(session), ChainWriter(session))

    def next_reference(self, session: Session, year: int) -> tuple[str, int]:
        if year not in self.counters:
            counter = session.get(ReferenceCounter, year)
            self.counters[year] = 0 if counter is None else counter.last_sequence
        if self.counters[year] >= MAX_SEQUENCE:
            raise ReferencesExhausted(year, self.counters[year])
        self.counters[year] += 1
        return format_reference(self.prefix, year, self.counters[year]), self.counters[year]

    def save_counters(self, session: Session) -> None:
        """Write the sequence numbers used; call before the transaction commits."""
        for year, last in self.counters.items():
            counter = session.get(ReferenceCounter, year)
            if counter is None:
                session.add(ReferenceCounter(year=year, last_sequence=last))
            elif counter.last_sequence < last:
                counter.last_sequence = last
        session.flush()


def insert_case(
    session: Session,
    draft: CaseDraft,
    *,
    now: datetime,
    actor: str,
    bulk: BulkContext | None = None,
) -> Case:
    """Add one validated draft inside the caller's transaction (import passes ``bulk``)."""
    single = bulk is None
    bulk = bulk or BulkContext.for_session(session)
    tz = bulk.tz
    validate_draft(draft, now=now, zone=tz)  # a received time after now is refused here too
    tags = list(draft.tags)
    reference = draft.reference
    if reference:
        try:
            year, sequence = _claim_reference(session, reference, bulk)
            reference = str(parse_reference(reference))
        except ReferenceOutOfRange:
            raise  # the right shape but an impossible number: say so, never keep it as a tag
        except InvalidReference:
            tags.append(legacy_reference_tag(reference))
            reference = None
    if not reference:
        year = draft.received_at.astimezone(tz).year
        reference, sequence = bulk.next_reference(session, year)
    person = RequesterRow(
        name=draft.requester.name.strip(),
        email=draft.requester.email.strip(),
        phone=draft.requester.phone.strip(),
        postal_address=draft.requester.postal_address.strip(),
        relationship=draft.requester.relationship,
        organisation=draft.requester.organisation.strip(),
    )
    case = Case(
        reference=reference,
        ref_year=year,
        ref_sequence=sequence,
        kind=draft.kind,
        request_type=draft.request_type,
        channel=draft.channel,
        received_at=draft.received_at,
        requester_id=0,
        representative=draft.representative,
        representative_name=draft.representative_name,
        data_categories=[str(c) for c in draft.data_categories],
        description=draft.description,
        identity_state=draft.identity_state,
        priority=draft.priority,
        status=draft.status,
        outcome=draft.outcome,
        refusal_grounds=[str(g) for g in draft.refusal_grounds],
        tags=tags,
        policy_id=draft.policy_id,
        acknowledged_at=draft.acknowledged_at,
        closed_at=draft.closed_at,
        created_at=now,
        updated_at=now,
    )
    session.add(person)
    session.flush()
    assert person.id is not None
    case.requester_id = person.id
    case.requester_sort_key = requester_sort_key(person.name)
    session.add(case)
    session.flush()
    assert case.id is not None
    search.index_case(session, case.id, case.reference, person.name, person.email, case.description)
    bulk.chain.append(
        action=AuditAction.CASE_CREATED,
        actor=actor,
        at=now,
        case_id=case.id,
        payload={"after": snapshot(case, person)},
        state=new_case_state_digest(case, person),
    )
    if single:
        bulk.save_counters(session)
        _refresh_next_due(session, case, now)
    return case


def _refresh_next_due(session: Session, case: Case, now: datetime) -> None:
    refresh_next_due(session, case, now=now)


def refresh_next_due_after_bulk(session: Session, first_id: int, now: datetime) -> None:
    """After a bulk insert: store the nearest deadline of every case from ``first_id`` on."""
    refresh_next_due_from(session, first_id, now=now)


def next_case_id(session: Session) -> int:
    """The id the next inserted case will get at the least (for bulk follow-up work)."""
    last = session.scalar(select(func.max(col(Case.id))))
    return int(last or 0) + 1


def register_case(register: Register, draft: CaseDraft, *, now: datetime) -> str:
    """Record a new case and return its reference."""
    actor = register.actor
    with register.writing() as session:
        return insert_case(session, draft, now=now, actor=actor).reference


def to_draft(case: Case, person: RequesterRow) -> CaseDraft:
    """A stored case as plain data, for exports, letters and forms."""
    return CaseDraft(
        reference=case.reference,
        kind=CaseKind(case.kind),
        request_type=RequestType(case.request_type),
        channel=Channel(case.channel),
        received_at=case.received_at,
        requester=Requester(
            name=person.name,
            email=person.email,
            phone=person.phone,
            postal_address=person.postal_address,
            relationship=Relationship(person.relationship),
            organisation=person.organisation,
        ),
        description=case.description,
        representative=Representative(case.representative),
        representative_name=case.representative_name,
        data_categories=tuple(DataCategory(c) for c in case.data_categories),
        identity_state=IdentityState(case.identity_state),
        priority=Priority(case.priority),
        status=Status(case.status),
        outcome=None if case.outcome is None else Outcome(case.outcome),
        refusal_grounds=tuple(RefusalGround(g) for g in case.refusal_grounds),
        tags=tuple(case.tags),
        policy_id=case.policy_id,
        acknowledged_at=case.acknowledged_at,
        closed_at=case.closed_at,
    )


def iter_drafts(session: Session, batch: int = 2000) -> Iterable[CaseDraft]:
    """Every case in reference order, a batch at a time, so exports of 100,000 stay small."""
    after = 0
    while True:
        rows = session.execute(
            select(Case, RequesterRow)
            .join(RequesterRow, col(RequesterRow.id) == col(Case.requester_id))
            .where(col(Case.id) > after)
            .order_by(col(Case.id))
            .limit(batch)
        ).all()
        if not rows:
            return
        for case, person in rows:
            yield to_draft(case, person)
        after = rows[-1][0].id or after
        session.expunge_all()


def change_status(
    register: Register,
    reference: str,
    action: Action,
    *,
    now: datetime,
    note: str = "",
    outcome: Outcome | None = None,
    refusal_grounds: Iterable[RefusalGround] = (),
) -> Status:
    """Move a case along the workflow; awaiting statuses open and close clock pauses.

    Refuses an action the workflow does not offer in the case's status (Reopen on an open
    case would restart its statutory clock), and a closing the record does not support
    (`domain.closing`: the reply on file, grounds for a refusal, identity settled).
    """
    actor = register.actor
    with register.writing() as session:
        case, person = find_case(session, reference)
        assert case.id is not None
        before = snapshot(case, person)
        current = Status(case.status)
        wanted = check_action(current, action)
        tz = officer_zone(session)
        today = now.astimezone(tz).date()
        if current in AWAITING_REQUESTER:
            _end_pause(session, case, today)
        if current is Status.AWAITING_IDENTITY_PROOF and wanted is not Status.CLOSED:
            # The proof arrived: under uk-gdpr the clock starts from here.
            case.identity_proof_at = now
            if case.identity_state is IdentityState.PENDING:
                case.identity_state = IdentityState.VERIFIED
        if action is Action.REQUEST_IDENTITY_PROOF and case.identity_state in (
            IdentityState.NOT_REQUIRED,
            IdentityState.FAILED,
        ):
            case.identity_state = IdentityState.PENDING
        if wanted in AWAITING_REQUESTER:
            session.add(ClockPause(case_id=case.id, reason=wanted, started_on=today))
        if action is Action.ACKNOWLEDGE and case.acknowledged_at is None:
            case.acknowledged_at = now
        if wanted is Status.CLOSED:
            if outcome is None:
                raise ValueError(_("Closing a case needs an outcome (for example fulfilled)."))
            grounds = list(refusal_grounds)
            check_closing(
                case.reference,
                closing_record(session, case, outcome=outcome, refusal_grounds=grounds),
            )
            checked = replace(
                to_draft(case, person),
                status=Status.CLOSED,
                outcome=outcome,
                refusal_grounds=tuple(grounds),
                closed_at=now,
            )
            validate_draft(checked)
            case.outcome = outcome
            case.refusal_grounds = [str(g) for g in grounds]
            case.closed_at = now
        if action is Action.REOPEN:
            case.reopened_at = now
            case.closed_at = None
            case.outcome = None
            case.refusal_grounds = []
        case.status = wanted
        case.updated_at = now
        _refresh_next_due(session, case, now)
        session.flush()
        append_event(
            session,
            action=AuditAction.of_step(action),
            actor=actor,
            at=now,
            case_id=case.id,
            payload=_change_payload(before, snapshot(case, person), note=note),
        )
        return wanted


#: Letters that ask or tell something on the way, not the reply to the request.
_INTERIM_STEPS = frozenset(
    {"acknowledge", "request_identity_proof", "request_clarification", "record_extension"}
)


def closing_record(
    session: Session,
    case: Case,
    *,
    outcome: Outcome | None,
    refusal_grounds: Iterable[RefusalGround] = (),
) -> ClosingRecord:
    """The facts `domain.closing` checks: status, identity, and whether a reply is on file.

    A reply is an issued letter whose template is not an interim one (acknowledgement,
    identity proof, clarification, extension notice), or any correspondence sent out.
    """
    from grievance_desk.services.letter_templates import LetterTemplateError, get_template

    assert case.id is not None
    issued = session.scalars(
        select(Letter.template_id).where(
            col(Letter.case_id) == case.id, col(Letter.issued_at).is_not(None)
        )
    ).all()
    response_letter = False
    for template_id in set(issued):
        try:
            step = get_template(session, template_id).next_step
        except LetterTemplateError:
            step = ""  # a template no longer known: the letter itself is the reply on file
        if step not in _INTERIM_STEPS:
            response_letter = True
            break
    sent = session.scalar(
        select(func.count())
        .select_from(Correspondence)
        .where(col(Correspondence.case_id) == case.id, col(Correspondence.direction) == "out")
    )
    return ClosingRecord(
        status=Status(case.status),
        identity_state=IdentityState(case.identity_state),
        outcome=outcome,
        refusal_grounds=tuple(refusal_grounds),
        response_letter_issued=response_letter,
        correspondence_out=bool(sent),
    )


def closing_problems_for(
    register: Register,
    reference: str,
    *,
    outcome: Outcome | None,
    refusal_grounds: Iterable[RefusalGround] = (),
) -> list[str]:
    """What closing ``reference`` with ``outcome`` still needs, for the close dialog."""
    from grievance_desk.domain.closing import closing_problems

    with register.reading() as session:
        case, _person = find_case(session, reference)
        return closing_problems(
            closing_record(session, case, outcome=outcome, refusal_grounds=refusal_grounds)
        )


def _change_payload(
    before: dict[str, Any], after: dict[str, Any], *, note: str | None = None
) -> dict[str, Any]:
    """Only what changed, before and after: the trail stays complete and the register small."""
    changed = [key for key in after if before.get(key) != after[key]]
    payload: dict[str, Any] = {
        "reference": after["reference"],
        "before": {key: before.get(key) for key in changed},
        "after": {key: after[key] for key in changed},
    }
    if note is not None:
        payload["note"] = note
    return payload


def _end_pause(session: Session, case: Case, today: Any) -> None:
    open_pause = session.scalar(
        select(ClockPause).where(
            col(ClockPause.case_id) == case.id, col(ClockPause.ended_on).is_(None)
        )
    )
    if open_pause is not None:
        open_pause.ended_on = today


_EDITABLE_CASE = {
    "kind",
    "request_type",
    "channel",
    "received_at",
    "representative",
    "representative_name",
    "data_categories",
    "description",
    "identity_state",
    "priority",
    "tags",
    "policy_id",
}
_EDITABLE_PERSON = {"name", "email", "phone", "postal_address", "relationship", "organisation"}


def update_case(
    register: Register, reference: str, changes: dict[str, Any], *, now: datetime
) -> None:
    """Edit details (not status: that goes through ``change_status``); validates first."""
    actor = register.actor
    with register.writing() as session:
        edit_case(session, reference, changes, now=now, actor=actor)


def edit_case(
    session: Session, reference: str, changes: dict[str, Any], *, now: datetime, actor: str
) -> None:
    """``update_case`` inside the caller's transaction, with its audit event; a refused
    change raises before anything is written, and the caller's transaction rolls back."""
    unknown = set(changes) - _EDITABLE_CASE - {f"requester.{f}" for f in _EDITABLE_PERSON}
    if unknown:
        raise ValueError(
            _("These fields cannot be edited here: {names}.").format(
                names=", ".join(sorted(unknown))
            )
        )
    case, person = find_case(session, reference)
    before = snapshot(case, person)
    draft = to_draft(case, person)
    person_changes = {
        k.split(".", 1)[1]: v for k, v in changes.items() if k.startswith("requester.")
    }
    case_changes = {k: v for k, v in changes.items() if not k.startswith("requester.")}
    for key in ("data_categories", "tags"):
        if key in case_changes:
            case_changes[key] = tuple(case_changes[key])
    checked = replace(draft, requester=replace(draft.requester, **person_changes), **case_changes)
    validate_draft(checked)
    for key, value in person_changes.items():
        setattr(person, key, value)
    for key, value in case_changes.items():
        setattr(case, key, list(value) if isinstance(value, tuple) else value)
    case.updated_at = now
    case.requester_sort_key = requester_sort_key(person.name)
    _refresh_next_due(session, case, now)
    session.flush()
    assert case.id is not None
    search.index_case(session, case.id, case.reference, person.name, person.email, case.description)
    append_event(
        session,
        action=AuditAction.CASE_UPDATED,
        actor=actor,
        at=now,
        case_id=case.id,
        payload=_change_payload(before, snapshot(case, person)),
    )
