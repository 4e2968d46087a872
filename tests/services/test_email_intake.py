"""E-mail intake: .eml and .msg fill a draft and keep the files; bad files get a clear error."""

from __future__ import annotations

import importlib.util
import sys
from email.message import EmailMessage
from pathlib import Path

import pytest

from grievance_desk.domain.case_types import Channel
from grievance_desk.services.email_intake import EmailIntakeError, read_email_bytes, read_email_file
from tests.conftest import NOW


def sample_eml(with_attachment: bool = True) -> bytes:
    message = EmailMessage()
    message["From"] = "Test Person Delta <delta@example.org>"
    message["To"] = "grievance@example.org"
    message["Subject"] = "Erase my account (test)"
    message["Date"] = "Tue, 24 Nov 2026 10:15:00 +0530"
    message.set_content("Please delete my trial account and all data (fictitious test).")
    if with_attachment:
        message.add_attachment(
            b"%PDF-1.4 fictitious id proof", maintype="application", subtype="pdf",
            filename="id-proof.pdf",
        )  # fmt: skip
    return message.as_bytes()


def test_eml_fills_the_draft_and_keeps_message_and_attachment() -> None:
    intake = read_email_bytes("request.eml", sample_eml(), now=NOW)
    assert intake.sender_name == "Test Person Delta"
    assert intake.draft.requester.email == "delta@example.org"
    assert intake.draft.channel is Channel.EMAIL
    assert intake.draft.description.startswith("Erase my account (test)")
    assert "delete my trial account" in intake.draft.description
    assert intake.received_at.isoformat() == "2026-11-24T10:15:00+05:30"
    names = [a.filename for a in intake.attachments]
    assert names == ["request.eml", "id-proof.pdf"]
    assert intake.attachments[0].purpose == "email"
    assert intake.attachments[1].media_type == "application/pdf"


def test_missing_date_falls_back_to_now() -> None:
    data = sample_eml(False).replace(b"Date: Tue, 24 Nov 2026 10:15:00 +0530\n", b"")
    assert read_email_bytes("x.eml", data, now=NOW).received_at == NOW


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.eml", b"", "empty"),
        ("notes.eml", b"just some words, no headers at all", "does not look like an e-mail"),
        ("photo.eml", b"\x89PNG\r\n\x1a\n\x00\x00", "not an e-mail"),
        ("broken.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Outlook"),
    ],
)
def test_bad_files_say_what_to_do(name: str, data: bytes, words: str) -> None:
    with pytest.raises(EmailIntakeError, match=words):
        read_email_bytes(name, data, now=NOW)


def test_unreadable_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmailIntakeError, match="could not be read"):
        read_email_file(tmp_path / "gone.eml", now=NOW)


def test_raw_utf8_headers_keep_a_devanagari_name() -> None:
    """RFC 6532 mail puts UTF-8 straight into headers; the stdlib escapes those bytes."""
    raw = "From: राम Example <ram@example.org>\r\nSubject: मेरा डेटा\r\n\r\nTest body.".encode()
    intake = read_email_bytes("utf8.eml", raw, now=NOW)
    assert intake.draft.requester.name == "राम Example"
    assert intake.draft.description.startswith("मेरा डेटा")


def test_undecodable_header_bytes_become_storable_text(register) -> None:  # type: ignore[no-untyped-def]
    from grievance_desk.services.cases import register_case

    raw = b"From: Test \xff\xfe Person <t@example.org>\r\nSubject: x\r\n\r\nA fictitious request."
    intake = read_email_bytes("bad-bytes.eml", raw, now=NOW)
    assert "\ufffd" in intake.draft.requester.name
    assert register_case(register, intake.draft, now=NOW).startswith("GRV-")


def test_msg_without_the_outlook_extra_says_how_to_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The .msg reader is the optional ``outlook`` extra; without it the officer is told
    to save the message as .eml or install the extra, and .eml intake still works."""
    from grievance_desk.services import email_intake

    monkeypatch.setitem(sys.modules, "extract_msg", None)  # import now raises ImportError
    monkeypatch.setattr(importlib.util, "find_spec", lambda _name, *_a: None)
    assert not email_intake.msg_reader_available()
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64
    with pytest.raises(EmailIntakeError) as caught:
        read_email_bytes("request.msg", data, now=NOW)
    message = str(caught.value)
    assert "request.msg" in message
    assert ".eml" in message
    assert 'pip install "grievance-desk[outlook]"' in message
    assert read_email_bytes("request.eml", sample_eml(), now=NOW).sender_name


def test_the_outlook_reader_is_found_when_installed() -> None:
    from grievance_desk.services.email_intake import msg_reader_available

    assert msg_reader_available()  # the test extra installs it
