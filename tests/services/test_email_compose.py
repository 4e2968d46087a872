"""A letter as a draft e-mail for the officer's mail client, read back with the email package."""

from __future__ import annotations

import email
import email.policy
import io
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from pypdf import PdfReader

from grievance_desk.services.clock import utc_now
from grievance_desk.services.correspondence import list_correspondence
from grievance_desk.services.email_compose import (
    MAILTO_LIMIT,
    ComposeError,
    eml_bytes,
    letter_email,
    mailto_url,
    record_sent,
)
from grievance_desk.services.letter_drafts import draft_letter
from grievance_desk.services.letter_integrity import letter_pdf
from grievance_desk.services.letter_issue import issue_letter
from grievance_desk.storage.register import Register
from tests.ui.test_letters_ui import filled_case


def _issued(register: Register) -> tuple[str, int]:
    reference = filled_case(register)
    draft = draft_letter(register, reference, "acknowledgement", now=utc_now())
    issue_letter(register, draft.letter_id, now=utc_now())
    return reference, draft.letter_id


def test_the_eml_is_an_unsent_draft_to_the_requester_with_the_pdf(register: Register) -> None:
    reference, letter_id = _issued(register)
    mail = letter_email(register, letter_id)
    parsed = email.message_from_bytes(eml_bytes(mail), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    assert parsed["X-Unsent"] == "1"
    assert parsed["To"].addresses[0].addr_spec == "gamma@example.org"
    assert parsed["To"].addresses[0].display_name == "Test Person Gamma"
    assert reference in parsed["Subject"]
    body = parsed.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert text.startswith("Dear Test Person Gamma,")
    assert reference in text
    (attachment,) = list(parsed.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == f"{reference}-acknowledgement-{letter_id}.pdf"
    data = attachment.get_content()
    assert data == letter_pdf(register, letter_id)
    assert reference in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_mailto_carries_address_subject_and_text_within_its_limit(register: Register) -> None:
    _reference, letter_id = _issued(register)
    mail = letter_email(register, letter_id)
    url = mailto_url(mail)
    assert len(url) <= MAILTO_LIMIT
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "gamma@example.org"
    query = parse_qs(parts.query)
    assert query["subject"] == [mail.subject]
    assert query["body"][0].strip()


def test_a_draft_letter_or_a_requester_without_email_is_refused(register: Register) -> None:
    reference = filled_case(register)
    draft = draft_letter(register, reference, "acknowledgement", now=utc_now())
    with pytest.raises(ComposeError, match="issue it first"):
        letter_email(register, draft.letter_id)
    other = filled_case(register, name="Test Person Post")
    from grievance_desk.services.cases import update_case

    update_case(register, other, {"requester.email": ""}, now=utc_now())
    letter = draft_letter(register, other, "acknowledgement", now=utc_now())
    issue_letter(register, letter.letter_id, now=utc_now())
    with pytest.raises(ComposeError, match="no e-mail address"):
        letter_email(register, letter.letter_id)


def test_sent_is_recorded_as_outgoing_correspondence(register: Register) -> None:
    reference, letter_id = _issued(register)
    mail = letter_email(register, letter_id)
    now = utc_now()
    record_sent(register, mail, at=now, now=now)
    (item,) = list_correspondence(register, reference)
    assert item.direction == "out"
    assert item.counterpart == "gamma@example.org"
    assert item.subject == mail.subject
    assert mail.pdf_name in item.body
