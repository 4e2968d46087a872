"""Windows has no SIGKILL; CSV line endings must not depend on the OS that wrote them."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from grievance_desk.cli import main
from grievance_desk.storage import fault_points
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE


def test_a_kill_point_without_sigkill_terminates_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows os.kill(pid, SIGTERM) is TerminateProcess: no handler, no clean-up, as -9."""
    sent: list[tuple[int, int]] = []
    monkeypatch.delattr(signal, "SIGKILL", raising=False)
    monkeypatch.setattr(os, "kill", lambda pid, sig: sent.append((pid, sig)))
    monkeypatch.setenv(fault_points.KILL_AT_ENV, "restore.copying")
    fault_points.fault_point("backup.copying")
    assert sent == []
    fault_points.fault_point("restore.copying")
    assert sent == [(os.getpid(), signal.SIGTERM)]


def test_csv_export_has_one_crlf_per_row_whatever_the_os(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written as bytes: Windows' text-mode newline translation can never make \\r\\r\\n."""
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    register = tmp_path / "r.db"
    Register.create(register, PASSPHRASE)[0].close()
    sheet = tmp_path / "in.csv"
    rows = "".join(f"0{1 + n}/11/2026,access,Test Person {n}\n" for n in range(3))
    sheet.write_text("received,request_type,requester_name\n" + rows, encoding="utf-8")
    assert main(["import", str(sheet), "--register", str(register)]) == 0
    out = tmp_path / "out.csv"
    assert main(["export", "--output", str(out), "--register", str(register)]) == 0
    data = out.read_bytes()
    assert b"\r\r\n" not in data
    assert data.count(b"\r\n") == 4 == data.count(b"\n")  # header + 3 rows
