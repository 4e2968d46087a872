"""After a scripted session through the services, no personal data is on disk in the clear.

The session registers cases whose names, e-mails, addresses and descriptions carry a marker,
takes an e-mail in, attaches files holding the marker, issues letters, builds every report
format, exports an encrypted evidence bundle, takes the automatic backup and closes. Then
every file the app could have written is scanned for the marker: the register, its WAL and
shared-memory files, the key file, the lock, the backup folder, the log, and the temp folder.
(Qt settings and the UI session are the UI's to add.)
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from grievance_desk.domain.case_record import Requester
from grievance_desk.domain.case_types import Outcome
from grievance_desk.services import letter_drafts, letter_integrity, letter_issue, reports
from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.auto_backup import backup_folder, backup_if_due
from grievance_desk.services.cases import register_case
from grievance_desk.services.email_intake import read_email_bytes
from grievance_desk.services.evidence import export_evidence
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register
from tests.conftest import NOW, PASSPHRASE
from tests.services.test_retention import settle
from tests.support.closing import close_with_reply
from tests.support.drafts import make_draft

MARKER = "Qwzmarkerx"
DEVANAGARI_MARKER = "परीक्षणचिह्नक"
EMAIL = f"{MARKER.lower()}.person@example.org"


def _needles() -> list[bytes]:
    found = []
    for text in (MARKER, MARKER.lower(), MARKER.upper(), DEVANAGARI_MARKER, EMAIL):
        found += [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]
    return found


def _leaks(paths: list[Path]) -> list[str]:
    needles = _needles()
    hits = []
    for path in paths:
        if not path.is_file():
            continue
        data = path.read_bytes()
        for needle in needles:
            if needle in data:
                hits.append(f"{path} contains {needle!r}")
    return hits


def _files_under(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders if folder.exists() for p in folder.rglob("*"))


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the process's temp folder at one we can scan."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    yield folder


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    """Everything any module logs during the session, at every level."""
    path = tmp_path / "logs" / "grievance-desk.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(old_level)
    handler.close()


def _session(register: Register, out: Path) -> list[str]:
    settle(register)
    references = []
    for index in range(3):
        draft = make_draft(
            requester=Requester(
                name=f"Test {MARKER} {DEVANAGARI_MARKER} {index}",
                email=EMAIL,
                phone="+91 00000 00042",
                postal_address=f"{index} {MARKER} Street, Testpur 000000",
                organisation=f"{MARKER} Holdings (test)",
            ),
            description=f"Send me my data please. {MARKER} {DEVANAGARI_MARKER} (test)",
            representative_name="",
        )
        references.append(register_case(register, draft, now=NOW + timedelta(minutes=index)))
    mail = (
        f"From: Test {MARKER} <{EMAIL}>\r\nSubject: Erasure request {MARKER}\r\n"
        "Date: Tue, 24 Nov 2026 10:00:00 +0530\r\nContent-Type: text/plain; charset=utf-8\r\n"
        f"\r\nPlease erase my account. {MARKER}\r\n"
    ).encode()
    intake = read_email_bytes(f"{MARKER}.eml", mail, now=NOW)
    from_mail = register_case(register, intake.draft, now=NOW)
    references.append(from_mail)
    for attachment in intake.attachments:
        add_attachment(
            register, from_mail, attachment.filename, attachment.data, now=NOW,
            purpose=attachment.purpose,
        )  # fmt: skip
    for reference in references[:3]:
        add_attachment(
            register, reference, f"{MARKER}-id.txt", f"ID of {MARKER} {EMAIL}".encode(),
            now=NOW, purpose="identity_proof",
        )  # fmt: skip
        draft = letter_drafts.draft_letter(register, reference, "acknowledgement", now=NOW)
        letter_issue.issue_letter(register, draft.letter_id, now=NOW + timedelta(hours=1))
        letter_integrity.letter_pdf(register, draft.letter_id)
    close_with_reply(
        register, references[0], now=NOW + timedelta(days=2),
        outcome=Outcome.FULFILLED, note=f"done for {MARKER}",
    )  # fmt: skip
    report = reports.monthly_report(register, month=date(2026, 11, 1), now=NOW + timedelta(days=3))
    for fmt in reports.FORMATS:
        built = reports.export_report(report, fmt)
        assert not [n for n in _needles() if n in built], f"the {fmt} report names a person"
    export_evidence(
        register, references[0], out / "case.gdbundle", now=NOW,
        password="a long bundle password",
    )  # fmt: skip
    return references


def test_no_personal_data_in_the_clear_after_a_session(
    register_path: Path, tmp_path: Path, private_tmp: Path, log_file: Path
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    register, _recovery = Register.create(register_path, PASSPHRASE)
    try:
        _session(register, out)
        # While open: the WAL holds the latest pages.
        office = register_path.parent
        assert register_path.with_name(register_path.name + "-wal").exists()
        assert _leaks(_files_under(office, private_tmp, log_file.parent, out)) == []
        made = backup_if_due(register, now=NOW + timedelta(days=3))
        assert made is not None and made.path.parent == backup_folder(register)
        assert verify_register(register).ok
    finally:
        register.close()
    scanned = _files_under(register_path.parent, private_tmp, log_file.parent, out)
    assert register_path in scanned and register_path.with_suffix(".gdkey") in scanned
    assert any(p.suffix == ".db" and "auto" in p.name for p in scanned)
    assert _leaks(scanned) == []
    assert list(private_tmp.iterdir()) == [], "temporary files were left behind"


def test_the_scan_would_find_a_leak(tmp_path: Path) -> None:
    """The scanner itself works: a plaintext copy with the marker is caught in each encoding."""
    for index, encoding in enumerate(("utf-8", "utf-16-le")):
        (tmp_path / f"leak{index}.txt").write_bytes(f"x {MARKER} y".encode(encoding))
    (tmp_path / "devanagari.txt").write_text(DEVANAGARI_MARKER, encoding="utf-8")
    leaky = {hit.split(" contains ")[0] for hit in _leaks(_files_under(tmp_path))}
    assert len(leaky) == 3
