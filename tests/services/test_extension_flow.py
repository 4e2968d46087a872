"""Extend once, tell the requester once: the notice letter starts from the extension's reasons,
issuing it records the notice, and nothing offers to record the extension a second time."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from grievance_desk.services import letter_drafts, letter_issue
from grievance_desk.services.case_deadlines import extend_case
from grievance_desk.services.cases import find_case, register_case
from grievance_desk.services.extensions import extension_preview
from grievance_desk.storage.register import Register
from grievance_desk.storage.tables import AuditEvent, Extension
from tests.conftest import NOW
from tests.services.test_letters import fill
from tests.support.drafts import make_draft

REASON = "The records are spread over three systems (test)."


def _extensions(register: Register, reference: str) -> list[Extension]:
    with register.reading() as session:
        case, _ = find_case(session, reference)
        rows = session.scalars(select(Extension).where(col(Extension.case_id) == case.id)).all()
        for row in rows:
            session.expunge(row)
        return list(rows)


def test_preview_shows_the_new_date_and_the_policy_limit(register: Register) -> None:
    reference = register_case(register, make_draft(received_at=NOW, policy_id="gdpr"), now=NOW)
    preview = extension_preview(register, reference, now=NOW + timedelta(days=3))
    assert preview.refusal is None
    assert preview.new_respond_by is not None and preview.new_respond_by > preview.respond_by
    assert "at most 1 extension" in preview.limit and "0 granted" in preview.limit
    extend_case(register, reference, now=NOW + timedelta(days=3), reason=REASON)
    again = extension_preview(register, reference, now=NOW + timedelta(days=4))
    assert again.new_respond_by is None
    assert again.refusal is not None and "1 already granted" in again.refusal
    assert again.respond_by == preview.new_respond_by


def test_the_notice_of_a_granted_extension_records_its_notice_not_a_second_extension(
    register: Register,
) -> None:
    reference = fill(register)
    later = NOW + timedelta(days=2)
    extend_case(register, reference, now=later, reason=REASON)
    draft = letter_drafts.draft_letter(register, reference, "extension_notice", now=later)
    assert REASON in draft.body, "the notice starts from the reasons given when extending"
    issued = letter_issue.issue_letter(register, draft.letter_id, now=later + timedelta(hours=1))
    assert issued.next_step is None, "no offer to record the extension again"
    (extension,) = _extensions(register, reference)
    assert extension.notice_sent_at == later + timedelta(hours=1)
    with register.reading() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "case.extension_notice_sent" in actions


def test_a_notice_sent_before_extending_offers_to_record_the_extension(register: Register) -> None:
    reference = fill(register)
    draft = letter_drafts.draft_letter(
        register, reference, "extension_notice", now=NOW,
        overrides={"letter.extension_reasons": REASON},
    )  # fmt: skip
    issued = letter_issue.issue_letter(register, draft.letter_id, now=NOW)
    assert issued.next_step is not None and issued.next_step.kind == "extension"
    assert issued.next_step.reason == REASON
    assert _extensions(register, reference) == []
