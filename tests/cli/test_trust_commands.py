"""purge, hold, destroy-id-docs and backups from the command line."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from grievance_desk.cli import trust_commands
from grievance_desk.cli.common import UserError
from grievance_desk.domain.case_types import IdentityState
from grievance_desk.services.attachments import add_attachment
from grievance_desk.services.auto_backup import backup_now
from grievance_desk.services.cases import find_case, register_case, update_case
from grievance_desk.services.retention import RetentionError
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE
from tests.services.test_retention import LATER, MARKER
from tests.support.cli_commands import closed_register, run_group
from tests.support.drafts import make_draft


def _run(*argv: str) -> int:
    return run_group(trust_commands, *argv)


@pytest.fixture
def filled(register: Register, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    return closed_register(register, monkeypatch, trust_commands)


def _open(path: Path) -> Register:
    return Register.open(path, Unlock(passphrase=PASSPHRASE))


def test_purge_dry_run_shows_the_plan_and_changes_nothing(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled
    assert _run("purge", "--dry-run", "--register", str(path)) == 0
    out = capsys.readouterr().out
    assert reference in out and "Dry run" in out and MARKER not in out
    with _open(path) as register, register.reading() as session:
        assert find_case(session, reference)[0].purged_at is None


def test_purge_without_a_terminal_needs_yes(
    filled: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _reference = filled
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(UserError, match="--yes"):
        _run("purge", "--register", str(path))


def test_purge_asks_on_a_terminal(
    filled: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty("no\n"))
    assert _run("purge", "--register", str(path)) == 1
    assert "Nothing was purged" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", Tty("purge\n"))
    assert _run("purge", "--register", str(path)) == 0
    assert f"Purged 1 case: {reference}" in capsys.readouterr().out


def test_purge_yes_then_nothing_left(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled
    assert _run("purge", "--yes", "--register", str(path)) == 0
    assert reference in capsys.readouterr().out
    assert _run("purge", "--yes", "--register", str(path)) == 0
    assert "No case is due" in capsys.readouterr().out
    with _open(path) as register, register.reading() as session:
        case, person = find_case(session, reference)
        assert case.purged_at is not None and MARKER not in person.name


def test_hold_on_and_off(filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]) -> None:
    path, reference = filled
    assert _run("hold", reference, "--on", "--reason", "Board inquiry (test)", "--register",
                str(path)) == 0  # fmt: skip
    assert "now on legal hold" in capsys.readouterr().out
    assert _run("purge", "--dry-run", "--register", str(path)) == 0
    assert "No case is due" in capsys.readouterr().out
    assert _run("hold", reference, "--on", "--reason", "x", "--register", str(path)) == 0
    assert "already on legal hold" in capsys.readouterr().out
    assert _run("hold", reference, "--off", "--reason", "closed", "--register", str(path)) == 0
    with pytest.raises(RetentionError, match="reason"):
        _run("hold", reference, "--on", "--reason", " ", "--register", str(path))
    with pytest.raises(SystemExit):
        _run("hold", reference, "--reason", "no state", "--register", str(path))


def test_destroy_id_docs(
    register: Register, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reference = register_case(register, make_draft(identity_state=IdentityState.PENDING), now=NOW)
    add_attachment(register, reference, "id.png", b"\x89PNG\r\n\x1a\nID", now=NOW,
                   purpose="identity_proof")  # fmt: skip
    path = register.path
    register.close()
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    with pytest.raises(RetentionError, match="not verified"):
        _run("destroy-id-docs", reference, "--yes", "--register", str(path))
    with _open(path) as opened:
        update_case(opened, reference, {"identity_state": IdentityState.VERIFIED}, now=NOW)
    assert _run("destroy-id-docs", reference, "--yes", "--register", str(path)) == 0
    assert "Destroyed 1 identity document of" in capsys.readouterr().out


def test_backups_lists_without_unlocking(
    register: Register, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_now(register, now=NOW)
    backup_now(register, now=datetime(2026, 11, 26, 9, 0, tzinfo=UTC))
    path = register.path
    register.close()
    monkeypatch.delenv("GRIEVANCE_DESK_PASSPHRASE", raising=False)
    assert _run("backups", "--register", str(path)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("2026-11-26 09:00") and lines[1].startswith("2026-11-25 09:30")
    assert _run("backups", "--json", "--register", str(path)) == 0
    listing = json.loads(capsys.readouterr().out)
    assert len(listing) == 2 and listing[0]["problem"] is None
    assert _run("backups", "--register", str(path), "--folder", str(path.parent / "none")) == 0
    assert "No automatic backups" in capsys.readouterr().out


def test_purge_names_the_automatic_backups_that_still_hold_the_erased_data(
    filled: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _reference = filled
    with _open(path) as register:
        older = backup_now(register, now=LATER - timedelta(days=1))
    assert _run("purge", "--yes", "--register", str(path)) == 0
    out = capsys.readouterr().out
    assert "1 automatic backup" in out and older.path.name in out
    assert "rotate out" in out and "Manual backups" in out
