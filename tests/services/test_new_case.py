"""A new case with its files is one transaction (issue 16.3): a kill or a refused file in the
middle leaves no case without its files, and the audit events form one group."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.services.attachments import EmptyAttachment, list_attachments
from grievance_desk.services.email_intake import IntakeAttachment
from grievance_desk.services.new_case import FAULT_POINTS, register_new_case
from grievance_desk.storage.audit import verify_chain
from grievance_desk.storage.errors import AttachmentTooLarge
from grievance_desk.storage.fault_points import KILL_AT_ENV
from grievance_desk.storage.register import Register, Unlock
from grievance_desk.storage.settings_store import put_setting
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft
from tests.support.kill_points import ROOT, was_killed

PDF = IntakeAttachment(
    filename="id-proof.pdf",
    data=b"%PDF-1.4 fictitious id proof",
    media_type="application/pdf",
    purpose="identity_proof",
)
MAIL = IntakeAttachment(
    filename="request.eml",
    data=b"From: t@example.org\n\nTest.",  # shorter than PDF
    media_type="message/rfc822",
    purpose="email",
)

# The child registers a case with two files, dying where GRIEVANCE_DESK_KILL_AT says. Before
# issue 16 the window did this as two transactions (the case, then each file), so a kill
# after the case leaves it in the register without its files.
CHILD = """
import sys
from grievance_desk.services.email_intake import IntakeAttachment
from grievance_desk.services.new_case import register_new_case
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW
from tests.support.drafts import make_draft
from tests.services.test_new_case import MAIL, PDF

register = Register.open(__import__("pathlib").Path(sys.argv[1]), Unlock(passphrase=sys.argv[2]))
print(register_new_case(register, make_draft(), [MAIL, PDF], now=NOW), flush=True)
register.close()
"""


def _counts(register: Register) -> dict[str, int]:
    with register.reading() as session:
        return {
            table: int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
            for table in ("grievance_case", "attachment", "audit_event")
        }


def test_the_case_and_its_files_are_saved_as_one_group(register: Register) -> None:
    before = _counts(register)
    reference = register_new_case(register, make_draft(), [MAIL, PDF], now=NOW)
    assert sorted(f.filename for f in list_attachments(register, reference)) == [
        "id-proof.pdf",
        "request.eml",
    ]
    after = _counts(register)
    assert after["audit_event"] - before["audit_event"] == 3
    with register.reading() as session:
        rows = session.execute(
            text("SELECT action, at, actor FROM audit_event ORDER BY id DESC LIMIT 3")
        ).all()
        assert verify_chain(session).ok
    assert [r[0] for r in reversed(rows)] == [
        "case.created",
        "attachment.added",
        "attachment.added",
    ]
    assert len({(r[1], r[2]) for r in rows}) == 1, "one time and one actor for the group"


def test_a_file_over_the_limit_saves_nothing_and_names_the_file(register: Register) -> None:
    with register.writing() as session:
        put_setting(session, "attachments.max_bytes", len(PDF.data) - 1)
    before = _counts(register)
    with pytest.raises(AttachmentTooLarge, match=r"id-proof\.pdf"):
        register_new_case(register, make_draft(), [MAIL, PDF], now=NOW)
    assert _counts(register) == before


def test_an_empty_file_is_refused_before_anything_is_written(register: Register) -> None:
    before = _counts(register)
    empty = IntakeAttachment(filename="blank.pdf", data=b"", media_type="application/pdf")
    with pytest.raises(EmptyAttachment, match=r"blank\.pdf"):
        register_new_case(register, make_draft(), [MAIL, empty], now=NOW)
    assert _counts(register) == before


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_a_kill_between_the_case_and_its_files_leaves_neither(
    register_path: Path, point: str
) -> None:
    Register.create(register_path, PASSPHRASE)[0].close()
    env = {**os.environ, "PYTHONPATH": str(ROOT), KILL_AT_ENV: point}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(register_path), PASSPHRASE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert was_killed(child), child.stderr
    with Register.open(register_path, Unlock(passphrase=PASSPHRASE)) as register:
        counts = _counts(register)
        with register.reading() as session:
            assert verify_chain(session).ok
    assert counts["grievance_case"] == 0 and counts["attachment"] == 0, json.dumps(counts)
