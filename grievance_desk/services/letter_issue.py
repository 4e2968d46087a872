"""Issuing letters: render the PDF once, store it with its digest for good, suggest the next step.

Issuing writes an audit event carrying the same digests (`letter_integrity` checks them).
The workflow step that usually follows (acknowledge, record the extension …) is offered as
data; the caller decides whether to take it. A correction is a re-issue: a new draft.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy.orm import Session

from grievance_desk.documents.letter_pdf import render_letter_pdf
from grievance_desk.domain.workflow import Action, Status, can_move, target_of
from grievance_desk.messages import _
from grievance_desk.services.case_deadlines import CaseDeadlineError, policy_for_case
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.extensions import has_live_extension, record_notice_issued
from grievance_desk.services.letter_integrity import issue_payload
from grievance_desk.services.letter_languages import (
    extension_reason_markers,
    letter_language,
    route_texts,
)
from grievance_desk.services.letter_layout import letter_document
from grievance_desk.services.letter_records import (
    DRAFT,
    ISSUE_ACTION,
    ISSUED,
    LetterDraft,
    LetterError,
    as_draft,
    insert_draft,
    letter_row,
    split_body,
    template_title,
)
from grievance_desk.services.letter_templates import (
    LetterTemplate,
    LetterTemplateError,
    get_template,
)
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import Case

_STEP_ACTIONS: dict[str, Action] = {
    "acknowledge": Action.ACKNOWLEDGE,
    "request_identity_proof": Action.REQUEST_IDENTITY_PROOF,
    "request_clarification": Action.REQUEST_CLARIFICATION,
    "send_response": Action.SEND_RESPONSE,
    "close": Action.CLOSE,
}


@dataclass(frozen=True)
class NextStep:
    """The workflow step that usually follows a letter; offered, never taken automatically.

    ``kind`` "status" means `cases.change_status(register, reference, action, now=…)`;
    "extension" means `case_deadlines.extend_case(register, reference, now=…, reason=…)`
    with ``reason`` (the reasons the letter gave).
    """

    kind: Literal["status", "extension"]
    label: str
    action: Action | None = None
    reason: str = ""


@dataclass(frozen=True)
class IssuedLetter:
    """What issuing produced: the stored letter, its digest and the suggested next step."""

    letter_id: int
    reference: str
    template_id: str
    template_version: str
    sha256: str
    pdf: bytes
    issued_at: datetime
    next_step: NextStep | None


def _check_routes_on(session: Session, case: Case, body: str, on: date) -> None:
    """Refuse to issue a letter naming a remedy not in force on the day it is issued."""
    try:
        policy = policy_for_case(session, case)
    except CaseDeadlineError:
        return
    stale = [  # issue 17: the route as any letter language words it
        r
        for r in policy.escalation
        if any(text in body for text in route_texts(r)) and not r.in_force_on(on)
    ]
    if stale:
        raise LetterError(
            _(
                "This draft names {authority} ({citation}), a remedy not in force on "
                "{date}. Discard the draft and draft the letter again, so it names the "
                "route in force today."
            ).format(authority=stale[0].authority, citation=stale[0].citation, date=on.isoformat())
        )


def _next_step(template: LetterTemplate | None, case: Case, reasons: str) -> NextStep | None:
    if template is None:
        return None
    status = Status(case.status)
    if template.next_step == "record_extension":
        if status in (Status.RESPONSE_SENT, Status.CLOSED):
            return None
        return NextStep("extension", _("Record the extension on the case"), reason=reasons)
    action = _STEP_ACTIONS.get(template.next_step)
    if action is None or not can_move(status, target_of(action)):
        return None
    if action is Action.ACKNOWLEDGE and case.acknowledged_at is not None:
        return None
    labels = {
        Action.ACKNOWLEDGE: _("Mark the case acknowledged"),
        Action.REQUEST_IDENTITY_PROOF: _("Mark the case awaiting identity proof (stops the clock)"),
        Action.REQUEST_CLARIFICATION: _("Mark the case awaiting clarification (stops the clock)"),
        Action.SEND_RESPONSE: _("Mark the response sent"),
        Action.CLOSE: _("Close the case (choose the outcome)"),
    }
    return NextStep("status", labels[action], action=action)


def issue_letter(register: Register, letter_id: int, *, now: datetime) -> IssuedLetter:
    """Issue a draft: render the PDF dated today and store it, its SHA-256 and the template
    version for good, with an audit event carrying the same digests (so `verify` can prove
    the letter on file is the one sent). Returns the workflow step that usually follows.
    """
    actor = register.actor
    with register.writing() as session:
        row, case, person = letter_row(session, letter_id)
        if row.status != DRAFT:
            raise LetterError(
                _(
                    "Letter {letter_id} is already issued; an issued letter never changes. "
                    "Re-issue it to make a corrected copy as a new letter."
                ).format(letter_id=letter_id)
            )
        salutation, body, closing = split_body(row.body)
        zone = officer_zone(session)
        _check_routes_on(session, case, body, now.astimezone(zone).date())
        pdf = render_letter_pdf(
            letter_document(
                session,
                case,
                person,
                subject=row.subject,
                salutation=salutation,
                body=body,
                closing=closing,
                on=now.astimezone(zone).date(),
                language=letter_language(row.template_version),
            )
        )
        sha = hashlib.sha256(pdf).hexdigest()
        row.status = ISSUED
        row.issued_at = now
        row.pdf = pdf
        row.sha256 = sha
        session.flush()
        append_event(
            session,
            action=ISSUE_ACTION,
            actor=actor,
            at=now,
            case_id=case.id,
            payload=issue_payload(row),
        )
        try:
            template: LetterTemplate | None = get_template(session, row.template_id)
        except LetterTemplateError:
            template = None
        reasons = ""
        next_step: NextStep | None = None
        if template is not None and template.next_step == "record_extension":
            reasons = _extension_reasons(body)
            # The notice of an extension already granted records that notice; only a notice
            # sent before the extension is recorded offers to record it.
            if not record_notice_issued(
                session, case, letter_id=letter_id, now=now, actor=actor
            ) and not has_live_extension(session, case):
                next_step = _next_step(template, case, reasons)
        else:
            next_step = _next_step(template, case, reasons)
        return IssuedLetter(
            letter_id=letter_id,
            reference=case.reference,
            template_id=row.template_id,
            template_version=row.template_version,
            sha256=sha,
            pdf=pdf,
            issued_at=now,
            next_step=next_step,
        )


def _extension_reasons(body: str) -> str:
    """The reasons paragraph(s) of an extension notice, for the extension record."""
    blocks = [b.strip() for b in body.split("\n\n") if b.strip()]
    for index, block in enumerate(blocks):
        if block.endswith(extension_reason_markers()) and index + 1 < len(blocks):
            return blocks[index + 1]
    return "See the extension notice issued to the requester."


def reissue_letter(register: Register, letter_id: int, *, now: datetime) -> LetterDraft:
    """Start a corrected copy of an issued letter as a new draft (the original stays)."""
    actor = register.actor
    with register.writing() as session:
        row, case, _person = letter_row(session, letter_id)
        copy = insert_draft(
            session,
            case_id=row.case_id,
            template_id=row.template_id,
            template_version=row.template_version,
            subject=row.subject,
            body=row.body,
            now=now,
            actor=actor,
            copy_of=letter_id,
        )
        return as_draft(
            copy, case.reference, template_title(session, row.template_id, row.template_version)
        )
