"""Long commands draw a bar on a terminal and print nothing when piped."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from grievance_desk.cli import main
from grievance_desk.cli.progress import progress_bar
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_a_bar_that_is_cleared_at_the_end() -> None:
    terminal = Terminal()
    with progress_bar("Importing", terminal) as progress:
        progress(0, 4)
        progress(4, 4)
    drawn = terminal.getvalue()
    assert "Importing [" in drawn and "100% 4/4" in drawn
    assert drawn.endswith("\r\x1b[K")


def test_a_pipe_sees_nothing() -> None:
    pipe = io.StringIO()
    with progress_bar("Importing", pipe) as progress:
        progress(1, 2)
        progress(2, 2)
    assert pipe.getvalue() == ""


def test_backup_import_and_report_draw_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    register = tmp_path / "r.db"
    Register.create(register, PASSPHRASE)[0].close()
    sheet = tmp_path / "cases.csv"
    rows = "".join(f"0{1 + n % 9}/11/2026,access,Test Person {n}\n" for n in range(300))
    sheet.write_text("received,request_type,requester_name\n" + rows, encoding="utf-8")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["import", str(sheet), "--register", str(register)]) == 0
    assert main(["backup", str(tmp_path / "copy.db"), "--register", str(register)]) == 0
    report = ["report", "--month", "2026-11", "--output", str(tmp_path / "n.json")]
    assert main([*report, "--register", str(register)]) == 0
    drawn = terminal.getvalue()
    for label in ("Importing [", "Backing up [", "Building the report ["):
        assert label in drawn, drawn


def _register_with_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    register = tmp_path / "r.db"
    Register.create(register, PASSPHRASE)[0].close()
    sheet = tmp_path / "cases.csv"
    rows = "".join(f"0{1 + n % 9}/11/2026,access,Test Person {n}\n" for n in range(30))
    sheet.write_text("received,request_type,requester_name\n" + rows, encoding="utf-8")
    assert main(["import", str(sheet), "--register", str(register)]) == 0
    assert main(["backup", str(tmp_path / "copy.db"), "--register", str(register)]) == 0
    return register


def _restore_export_rotate(tmp_path: Path, register: Path) -> None:
    copy = str(tmp_path / "copy.db")
    assert main(["restore", copy, "--register", str(register), "--force"]) == 0
    out = tmp_path / f"cases-{len(list(tmp_path.iterdir()))}.csv"
    assert main(["export", "--output", str(out), "--register", str(register)]) == 0
    assert main(["rotate-key", "--register", str(register)]) == 0


def test_restore_export_and_rotate_key_draw_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = _register_with_cases(tmp_path, monkeypatch)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    _restore_export_rotate(tmp_path, register)
    drawn = terminal.getvalue()
    for label in ("Restoring [", "Exporting [", "Re-encrypting ["):
        assert label in drawn, drawn
    assert "30/30" in drawn  # the export counted every case
    assert "4/4" in drawn  # the rotation reached its last step


def test_restore_export_and_rotate_key_draw_nothing_when_piped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = _register_with_cases(tmp_path, monkeypatch)
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    _restore_export_rotate(tmp_path, register)
    written = pipe.getvalue()
    assert "[" not in written and "\r" not in written, written
