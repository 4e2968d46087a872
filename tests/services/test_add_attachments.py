"""Attaching several files to a case is one use case (issue 16.3): all of them or none.

Before, the case file added each file in its own transaction, so a refused third file kept
the first two in the register while the window said "Not attached".
"""

from __future__ import annotations

import pytest
from sqlalchemy import text

from grievance_desk.services.attachments import (
    EmptyAttachment,
    FileToAttach,
    add_attachments,
    list_attachments,
)
from grievance_desk.services.cases import register_case
from grievance_desk.storage.errors import AttachmentTooLarge
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import NOW
from tests.support.drafts import make_draft

SMALL = FileToAttach("letter.pdf", b"%PDF-1.4 fictitious letter", "evidence")
OTHER = FileToAttach("note.txt", b"A fictitious note.", "correspondence")
LARGE = FileToAttach("scan.pdf", b"%PDF-1.4 " + b"x" * 200, "evidence")


def _events(register: Register) -> int:
    with register.reading() as session:
        return int(session.execute(text("SELECT count(*) FROM audit_event")).scalar_one())


def test_every_file_is_kept_in_one_event_group(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    before = _events(register)
    infos = add_attachments(register, reference, [SMALL, OTHER], now=NOW)
    assert [i.filename for i in infos] == ["letter.pdf", "note.txt"]
    assert [i.purpose for i in list_attachments(register, reference)] == [
        "evidence",
        "correspondence",
    ]
    assert _events(register) == before + 2


def test_a_refused_third_file_keeps_none(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    with register.writing() as session:
        put_setting(session, "attachments.max_bytes", 100)
    before = _events(register)
    with pytest.raises(AttachmentTooLarge, match=r"scan\.pdf"):
        add_attachments(register, reference, [SMALL, OTHER, LARGE], now=NOW)
    assert list_attachments(register, reference) == []
    assert _events(register) == before


def test_an_empty_file_is_refused_before_anything_is_written(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    with pytest.raises(EmptyAttachment, match=r"empty\.pdf"):
        add_attachments(
            register, reference, [SMALL, FileToAttach("empty.pdf", b"", "evidence")], now=NOW
        )
    assert list_attachments(register, reference) == []
