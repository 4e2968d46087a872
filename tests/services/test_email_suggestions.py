"""What an e-mail makes obvious is suggested, never applied: the draft stays as it was.

Every test reads a real .eml built with the standard library's email package.
"""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from grievance_desk.domain.case_types import CaseKind, RequestType
from grievance_desk.services.email_intake import Suggestion, read_email_bytes
from tests.conftest import NOW


def eml(subject: str, body: str, *, html: bool = False) -> bytes:
    message = EmailMessage()
    message["From"] = "Test Person <test.person@example.org>"
    message["To"] = "grievance@example.org"
    message["Subject"] = subject
    message["Date"] = "Tue, 24 Nov 2026 10:15:00 +0530"
    message.set_content(body, subtype="html" if html else "plain")
    return message.as_bytes()


def suggested(subject: str, body: str, *, html: bool = False) -> dict[str, list[Suggestion]]:
    intake = read_email_bytes("request.eml", eml(subject, body, html=html), now=NOW)
    found: dict[str, list[Suggestion]] = {}
    for item in intake.suggestions:
        found.setdefault(item.field, []).append(item)
    return found


@pytest.mark.parametrize(
    ("subject", "body", "expected"),
    [
        ("Request", "Please delete my account and all my data.", RequestType.ERASURE),
        ("Erase my data", "Thanks.", RequestType.ERASURE),
        ("Address", "Kindly correct my address to 1 Example Road.", RequestType.CORRECTION),
        ("Update", "Please update my mobile number in your records.", RequestType.CORRECTION),
        ("Data", "Send me a copy of my personal data you hold.", RequestType.ACCESS),
        ("Consent", "I withdraw my consent for processing.", RequestType.CONSENT_WITHDRAWAL),
        ("Stop", "Unsubscribe me from your marketing e-mails.", RequestType.MARKETING_OPT_OUT),
    ],
)
def test_request_types_are_suggested_with_the_words_that_say_so(
    subject: str, body: str, expected: RequestType
) -> None:
    found = suggested(subject, body)
    first = found["request_type"][0]
    assert first.value == expected.value
    assert first.label == f"Request type: {expected.label}"
    assert first.evidence.lower() in f"{subject}\n{body}".lower()


def test_a_complaint_is_suggested_as_the_complaint_kind() -> None:
    found = suggested("Complaint about your service", "I wish to file a complaint.")
    assert [s.value for s in found["kind"]] == [CaseKind.COMPLAINT.value]
    assert "complaint" in found["kind"][0].evidence.lower()


def test_indian_phone_numbers_in_the_body_are_found_in_every_usual_format() -> None:
    found = suggested(
        "Callback",
        "Call me on +91 98765 43210 or 09876 543211, office (080) 4123 4567.\n"
        "Order no. 12345678 is not a phone number; 2026-11-24 is a date.",
    )
    phones = [s.value for s in found["requester.phone"]]
    assert phones == ["+91 98765 43210", "+91 98765 43211", "+91 80 4123 4567"]
    assert found["requester.phone"][0].evidence == "+91 98765 43210"


def test_nothing_is_applied_to_the_draft() -> None:
    intake = read_email_bytes(
        "request.eml",
        eml("Complaint", "Delete my account. Call +91 98765 43210."),
        now=NOW,
    )
    assert {s.field for s in intake.suggestions} == {"kind", "request_type", "requester.phone"}
    assert intake.draft.kind is CaseKind.RIGHTS_REQUEST
    assert intake.draft.request_type is RequestType.OTHER
    assert intake.draft.requester.phone == ""


def test_an_ordinary_message_suggests_nothing() -> None:
    assert suggested("Hello", "Thank you for your letter of last week.") == {}


def test_html_bodies_are_read_for_suggestions_too() -> None:
    found = suggested("Request", "<p>Please <b>delete my account</b>.</p>", html=True)
    assert found["request_type"][0].value == RequestType.ERASURE.value
