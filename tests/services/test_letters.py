"""Letters end to end on a real register: draft, preview, issue, and tamper detection."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import DataCategory
from grievance_desk.domain.workflow import Action
from grievance_desk.services import (
    letter_context,
    letter_drafts,
    letter_integrity,
    letter_issue,
    letter_records,
    letter_requirements,
)
from grievance_desk.services.cases import register_case
from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.services.letter_templates import (
    EmptyFields,
    LetterTemplateError,
    format_date,
    shipped_templates,
)
from grievance_desk.storage.audit import verify_chain
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft

DEVANAGARI_NAME = "श्रीमती अनन्या क्षत्रिय (Test)"

FILLED = {
    "letter.identity_documents": "- a copy of one photo identity document (test)",
    "letter.clarification_needed": "- which account your request concerns (test)",
    "letter.extension_reasons": "Your request covers archived records we must search (test).",
    "letter.processing_activities": "Billing and support for the test account.",
    "letter.recipients": "- a fictitious payment processor (billing details)",
    "letter.corrections_made": "The billing address now reads 1 Demo Street (test).",
    "letter.data_erased": "Registration details and support tickets (test).",
    "letter.data_retained": "Invoices, which tax law requires us to keep for eight years.",
    "letter.objection_outcome": "Analytics on your account has stopped (test).",
    "letter.consent_purposes": "- product-update e-mails (test)",
    "letter.nominee_name": "Test Nominee Beta",
    "letter.resolution": "A delay in the suppression list was fixed (test).",
    "letter.reasons": "The information is subject to legal professional privilege (test).",
    "letter.closure_summary": "We sent our response and heard nothing further (test).",
}


def fill(register: Register, name: str = "Test Person Alpha") -> str:
    """Demo organisation settings and one fully filled access request; returns its reference."""
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)
    draft = make_draft(
        requester=Requester(
            name=name,
            email="alpha@example.org",
            phone="+91 00000 00001",
            postal_address="1 Demo Street, Sample Nagar, Testpur 000000",
        ),
        data_categories=(DataCategory.REGISTRATION, DataCategory.BILLING),
    )
    return register_case(register, draft, now=NOW)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_every_template_renders_a_pdf_with_reference_name_date_and_contact(
    register: Register,
) -> None:
    reference = fill(register)
    due = letter_context.build_context
    with register.reading() as session:
        context = due(session, reference, now=NOW, overrides=FILLED)
    respond_by = format_date(context["deadlines"]["respond_by"])
    extended = format_date(context["deadlines"]["extended_respond_by"])
    for template in shipped_templates():
        pdf = letter_drafts.preview_letter(
            register, reference, template.id, now=NOW, overrides=FILLED
        )
        content = _text(pdf)
        assert reference in content, template.id
        assert "Test Person Alpha" in content, template.id
        assert "grievance.officer@example.org" in content, template.id
        assert "+91 00000 99999" in content, template.id
        assert "25 November 2026" in content, template.id  # the letter's date
        assert "Page 1 of" in content and "Confidential" in content
        if "deadlines.respond_by" in template.body:
            assert respond_by in content, template.id
        if "deadlines.extended_respond_by" in template.body:
            assert extended in content, template.id
    with register.reading() as session:
        assert session.execute(text("SELECT count(*) FROM letter")).scalar() == 0


def test_a_draft_survives_a_restart_and_can_be_edited(
    register: Register, register_path: Path
) -> None:
    reference = fill(register)
    draft = letter_drafts.draft_letter(register, reference, "acknowledgement", now=NOW)
    assert draft.status == "draft"
    assert draft.template_version == "acknowledgement@shipped-2"
    assert draft.salutation == "Dear Test Person Alpha,"
    register.close()
    reopened = Register.open(register_path, Unlock(passphrase=PASSPHRASE))
    try:
        [again] = letter_records.list_letters(reopened, reference)
        assert again == draft
        edited = letter_drafts.update_draft(
            reopened, draft.letter_id, now=NOW, body=draft.body + "\n\n- an added bullet"
        )
        assert edited.body.endswith("- an added bullet")
        assert edited.closing == draft.closing
        preview = letter_drafts.render_preview(reopened, draft.letter_id)
        assert "an added bullet" in _text(preview)
    finally:
        reopened.close()


def test_issuing_stores_the_pdf_digest_and_suggests_the_next_step(register: Register) -> None:
    reference = fill(register)
    draft = letter_drafts.draft_letter(register, reference, "acknowledgement", now=NOW)
    later = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)
    issued = letter_issue.issue_letter(register, draft.letter_id, now=later)
    assert issued.next_step is not None
    assert issued.next_step.kind == "status" and issued.next_step.action is Action.ACKNOWLEDGE
    assert letter_integrity.letter_pdf(register, draft.letter_id) == issued.pdf
    assert "26 November 2026" in _text(issued.pdf)
    assert letter_drafts.render_preview(register, draft.letter_id) == issued.pdf
    with register.reading() as session:
        assert verify_chain(session).ok
        payload = session.execute(
            text("SELECT payload FROM audit_event WHERE action = 'letter.issued'")
        ).scalar()
        assert issued.sha256 in str(payload)
        assert letter_integrity.verify_issued_letters(session) == []
    with pytest.raises(letter_records.LetterError, match="already issued"):
        letter_issue.issue_letter(register, draft.letter_id, now=later)
    with pytest.raises(letter_records.LetterError, match="cannot change"):
        letter_drafts.update_draft(register, draft.letter_id, now=later, body="changed")
    copy = letter_issue.reissue_letter(register, draft.letter_id, now=later)
    assert copy.letter_id != draft.letter_id and copy.status == "draft"
    assert copy.body == draft.body


def test_an_extension_notice_suggests_recording_the_extension(register: Register) -> None:
    reference = fill(register)
    draft = letter_drafts.draft_letter(
        register, reference, "extension_notice", now=NOW, overrides=FILLED
    )
    issued = letter_issue.issue_letter(register, draft.letter_id, now=NOW)
    assert issued.next_step is not None
    assert issued.next_step.kind == "extension"
    assert "archived records" in issued.next_step.reason


def test_changing_an_issued_letter_row_is_reported(register: Register) -> None:
    reference = fill(register)
    draft = letter_drafts.draft_letter(register, reference, "refusal", now=NOW, overrides=FILLED)
    letter_issue.issue_letter(register, draft.letter_id, now=NOW)
    with register.engine.begin() as connection:  # a raw, keyed connection: no service
        connection.execute(
            text("UPDATE letter SET body = body || ' (altered)' WHERE id = :id"),
            {"id": draft.letter_id},
        )
    with register.reading() as session:
        problems = letter_integrity.verify_issued_letters(session)
    assert len(problems) == 1
    assert f"Letter {draft.letter_id} ({reference})" in problems[0]
    assert "its text differs" in problems[0]
    with register.engine.begin() as connection:
        connection.execute(
            text("UPDATE letter SET pdf = :pdf, sha256 = :sha WHERE id = :id"),
            {"pdf": b"%PDF-fake", "sha": "0" * 64, "id": draft.letter_id},
        )
    with pytest.raises(letter_records.LetterTampered, match="altered since it was issued"):
        letter_integrity.letter_pdf(register, draft.letter_id)
    with register.engine.begin() as connection:
        connection.execute(
            text("UPDATE letter SET status = 'draft' WHERE id = :id"), {"id": draft.letter_id}
        )
    with register.reading() as session:
        assert "no longer on file as issued" in letter_integrity.verify_issued_letters(session)[0]


def test_a_required_field_left_empty_is_named_before_anything_is_stored(
    register: Register,
) -> None:
    reference = fill(register)
    with pytest.raises(EmptyFields) as error:
        letter_drafts.draft_letter(register, reference, "erasure_done", now=NOW)
    assert error.value.names == ["letter.data_erased"]
    with pytest.raises(LetterTemplateError, match=r"requester\.name cannot be set"):
        letter_drafts.draft_letter(
            register, reference, "closure", now=NOW, overrides={"requester.name": "X"}
        )
    assert letter_records.list_letters(register, reference) == []
    inputs = letter_requirements.letter_inputs(register, reference, "erasure_done", now=NOW)
    assert [(i.name, i.required) for i in inputs] == [
        ("letter.data_erased", True),
        ("letter.data_retained", False),  # optional: nothing kept is said in words, not "None"
    ]


def test_a_devanagari_requester_name_prints_in_the_devanagari_font(register: Register) -> None:
    reference = fill(register, name=DEVANAGARI_NAME)
    draft = letter_drafts.draft_letter(register, reference, "acknowledgement", now=NOW)
    issued = letter_issue.issue_letter(register, draft.letter_id, now=NOW)
    assert b"NotoSansDevanagari-Regular" in issued.pdf
    content = _text(issued.pdf)
    assert "मती" in content and "(Test)" in content


def test_a_refusal_uses_the_recorded_grounds_and_names_no_remedy_its_policy_lacks(
    register: Register,
) -> None:
    """org-default names no regulator: the DPDP Board (s.27) is not in force before 13 May 2027
    and is not this policy's route (issue 14 defect 1)."""
    reference = fill(register)
    with register.reading() as session:
        context = letter_context.build_context(session, reference, now=NOW)
    assert "Board" not in context["escalation"]["route"]
    assert context["escalation"]["route"] == letter_context.NO_ROUTE_TEXT
    assert context["officer"]["contact"] == "grievance.officer@example.org or +91 00000 99999"
    assert context["letter"]["refused_action"] == "provide all of the information you asked for"
