"""A register with a garbled page, and SQLite's low-level failures: each told plainly.

The register opens (page 1 is fine) but one page in the middle fails its HMAC. ``verify``
must name the damaged page and point to the backups instead of failing with a database
error, and the CLI must exit 1 with that message, never a traceback.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from grievance_desk.cli import main
from grievance_desk.services.demo_data import fill_demo_register
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.errors import database_failure_text
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE

PAGE = 4096


def _garble_a_middle_page(path: Path) -> int:
    data = bytearray(path.read_bytes())
    page = len(data) // PAGE // 2
    start = page * PAGE + 100
    data[start : start + 16] = bytes(b ^ 0xA5 for b in data[start : start + 16])
    path.write_bytes(bytes(data))
    return page + 1  # SQLite numbers pages from 1


@pytest.fixture
def damaged(register_path: Path) -> tuple[Path, int]:
    register, _recovery = Register.create(register_path, PASSPHRASE)
    fill_demo_register(register, now=datetime(2026, 11, 1, tzinfo=UTC), count=150)
    register.close()
    return register_path, _garble_a_middle_page(register_path)


def test_verify_names_the_damaged_page_and_the_way_back(damaged: tuple[Path, int]) -> None:
    path, page = damaged
    register = Register.open(path, Unlock(passphrase=PASSPHRASE))
    try:
        report = verify_register(register)
    finally:
        register.close()
    assert not report.ok
    assert any(f"page {page}" in problem for problem in report.file_problems)
    text = " ".join(report.lines())
    assert "not checked" in text
    assert "Restore the latest backup" in text


def test_cli_verify_exits_3_with_a_message(
    damaged: tuple[Path, int], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, page = damaged
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["verify", "--register", str(path)]) == 3  # an integrity failure
    out = capsys.readouterr()
    assert f"HMAC verification failed for page {page}" in out.out + out.err
    assert "Traceback" not in out.out + out.err


@pytest.mark.parametrize(
    ("sqlite_says", "expected"),
    [
        ("database or disk is full", "The disk is full, so nothing was saved"),
        ("attempt to write a readonly database", "cannot be written"),
        ("database disk image is malformed", "Restore from a backup"),
        ("file is not a database", "Restore from a backup"),
    ],
)
def test_low_level_failures_read_as_what_to_do(sqlite_says: str, expected: str) -> None:
    error = OperationalError("INSERT INTO grievance_case …", {}, Exception(sqlite_says))
    message = database_failure_text(error)
    assert message is not None and expected in message


def test_other_errors_are_left_alone() -> None:
    assert database_failure_text(ValueError("unrelated")) is None
