"""Attachments: kept inside the register with digest and type; bad files refused cleanly."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text

from grievance_desk.services.attachments import (
    EmptyAttachment,
    add_attachment,
    attachment_bytes,
    detect_media_type,
    list_attachments,
)
from grievance_desk.services.cases import register_case
from grievance_desk.storage.errors import AttachmentTooLarge, NotFound
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import NOW
from tests.support.drafts import make_draft

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _events(register: Register) -> list[str]:
    with register.reading() as session:
        return list(session.execute(text("SELECT action FROM audit_event")).scalars())


def test_attachment_is_kept_with_digest_size_and_type(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    info = add_attachment(
        register, reference, "id-proof.jpg", PDF, now=NOW, purpose="identity_proof"
    )
    assert info.media_type == "application/pdf"  # the bytes say PDF, whatever the name says
    assert info.sha256 == hashlib.sha256(PDF).hexdigest() and info.size == len(PDF)
    assert [a.filename for a in list_attachments(register, reference)] == ["id-proof.jpg"]
    stored, data = attachment_bytes(register, info.id)
    assert data == PDF and stored == info
    assert _events(register)[-1] == "attachment.added"


def test_oversized_and_empty_files_are_refused_and_nothing_is_saved(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    with register.writing() as session:
        put_setting(session, "attachments.max_bytes", 1000)
    with pytest.raises(AttachmentTooLarge, match="over the"):
        add_attachment(register, reference, "scan.png", PNG + b"\x00" * 1000, now=NOW)
    with pytest.raises(EmptyAttachment, match="0 bytes"):
        add_attachment(register, reference, "empty.pdf", b"", now=NOW)
    assert list_attachments(register, reference) == []
    assert _events(register) == ["case.created"]


def test_the_default_cap_is_fifty_megabytes(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    with pytest.raises(AttachmentTooLarge, match="50 MB"):
        add_attachment(register, reference, "huge.bin", b"\x01" * (50_000_000 + 1), now=NOW)


def test_damaged_attachment_is_not_shown_as_real(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    info = add_attachment(register, reference, "letter.pdf", PDF, now=NOW)
    with register.writing() as session:
        session.execute(
            text("UPDATE attachment SET content = :c WHERE id = :id"),
            {"c": PDF.replace(b"obj", b"jbo"), "id": info.id},
        )
    with pytest.raises(Exception, match="does not match its recorded SHA-256"):
        attachment_bytes(register, info.id)
    with pytest.raises(NotFound):
        attachment_bytes(register, 999)


def test_unknown_case_and_purpose(register: Register) -> None:
    with pytest.raises(NotFound, match="GRV-2026-99999"):
        add_attachment(register, "GRV-2026-99999", "a.pdf", PDF, now=NOW)
    reference = register_case(register, make_draft(), now=NOW)
    with pytest.raises(ValueError, match="purpose"):
        add_attachment(register, reference, "a.pdf", PDF, now=NOW, purpose="souvenir")


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (PNG, "photo.pdf", "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "x", "image/jpeg"),
        (b"PK\x03\x04" + b"\x00" * 20, "form.docx", DOCX),
        (b"Received: from mail.example.org\r\nFrom: a@example.org\r\n", "m.txt", "message/rfc822"),
        (b"plain words", "note.csv", "text/csv"),
        (b"\x00\x01\x02binary", "blob", "application/octet-stream"),
    ],
)  # fmt: skip
def test_type_is_read_from_the_bytes(data: bytes, name: str, expected: str) -> None:
    assert detect_media_type(data, name) == expected
