"""A case's reply language: proposed from the requester's script, confirmed by the officer,
and a Hindi letter issued end to end (issue 17)."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlmodel import col, select

from grievance_desk.domain.case_record import Requester
from grievance_desk.services import letter_drafts, letter_issue
from grievance_desk.services.cases import register_case
from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import DEMO_SETTINGS
from grievance_desk.services.letter_languages import (
    TemplateNotInLanguage,
    letter_language,
)
from grievance_desk.services.reply_language import (
    ReplyLanguageError,
    get_reply_language,
    set_reply_language,
)
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.storage.tables import AuditEvent
from tests.support.drafts import make_draft

NAME = "अनिता शर्मा"


def _case(register: Register, description: str) -> str:
    with register.writing() as session:
        for key, value in DEMO_SETTINGS.items():
            put_setting(session, key, value)
    draft = make_draft(
        requester=Requester(name=NAME, email="anita@example.org"),
        description=description,
        received_at=utc_now() - timedelta(hours=1),
    )
    return register_case(register, draft, now=utc_now())


def test_a_hindi_description_proposes_hindi_until_the_officer_decides(register: Register) -> None:
    reference = _case(register, "कृपया मेरा सारा डेटा मुझे भेजें। (परीक्षण)")
    proposed = get_reply_language(register, reference)
    assert (proposed.code, proposed.confirmed) == ("hi", False)
    chosen = set_reply_language(register, reference, "en", now=utc_now())
    assert (chosen.code, chosen.confirmed, chosen.proposed) == ("en", True, "hi")
    with register.reading() as session:
        event = session.scalars(
            select(AuditEvent).where(col(AuditEvent.action) == "case.reply_language_set")
        ).one()
        payload = json.loads(event.payload or "{}")
        assert (payload["before"], payload["after"]) == (None, "en")


def test_an_unknown_language_is_refused_with_the_list(register: Register) -> None:
    reference = _case(register, "Please send me my data (test).")
    with pytest.raises(ReplyLanguageError, match=r"'xx'.*hi \(Hindi\)"):
        set_reply_language(register, reference, "xx", now=utc_now())
    assert get_reply_language(register, reference).confirmed is False  # nothing saved


def test_a_hindi_acknowledgement_is_issued_with_a_hindi_frame(register: Register) -> None:
    reference = _case(register, "कृपया मेरा सारा डेटा मुझे भेजें। (परीक्षण)")
    now = utc_now()
    draft = letter_drafts.draft_letter(
        register, reference, "acknowledgement", now=now, language="hi"
    )
    assert draft.template_version == "acknowledgement@hi-shipped-1"
    assert letter_language(draft.template_version) == "hi"
    assert draft.salutation == f"प्रिय {NAME},"
    issued = letter_issue.issue_letter(register, draft.letter_id, now=now)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.pdf)).pages)
    squashed = "".join(text.split())
    words = ("हमारा संदर्भ", "दिनांक", "विषय", "गोपनीय", "पृष्ठ 1 / 1", "भवदीय", "शिकायत अधिकारी")
    for word in words:
        assert "".join(word.split()) in squashed, word
    assert "Our reference" not in text and "Page 1" not in text
    # The demo officer's title is the glossary's "Grievance Officer": printed in Hindi.
    assert "\nGrievance Officer\n" not in text and text.count("शिकायत अधिकारी") >= 1
    assert issued.next_step is not None and issued.next_step.action is not None


def test_a_language_without_templates_says_so(register: Register) -> None:
    reference = _case(register, "Please send me my data (test).")
    with pytest.raises(TemplateNotInLanguage, match="no Tamil"):
        letter_drafts.draft_letter(
            register, reference, "acknowledgement", now=utc_now(), language="ta"
        )


def test_the_hindi_extension_notice_gives_its_reasons_to_the_extension_record(
    register: Register,
) -> None:
    assert (
        letter_issue._extension_reasons(
            "पहला अनुच्छेद।\n\nहम उस तिथि तक अपना उत्तर पूरा नहीं कर पाएँगे, निम्नलिखित कारणों से:"
            "\n\nअभिलेख संग्रह में हैं (परीक्षण)।"
        )
        == "अभिलेख संग्रह में हैं (परीक्षण)।"
    )


def test_a_hindi_e_mail_proposes_hindi_for_the_case_it_opens(register: Register) -> None:
    from email.message import EmailMessage

    from grievance_desk.services.email_intake import read_email_bytes

    message = EmailMessage()
    message["From"] = f"{NAME} <anita@example.org>"
    message["To"] = "grievance.officer@example.org"
    message["Subject"] = "मेरा डेटा"
    message["Date"] = "Sun, 06 Dec 2026 09:00:00 +0530"
    message.set_content("नमस्ते, कृपया मेरे खाते का सारा व्यक्तिगत डेटा मुझे भेजें।\n-- \nSent from my phone")
    intake = read_email_bytes("hindi.eml", message.as_bytes(), now=utc_now())
    reference = register_case(register, intake.draft, now=utc_now())
    assert get_reply_language(register, reference).code == "hi"
