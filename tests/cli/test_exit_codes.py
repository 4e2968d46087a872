"""Each cause has its own exit code, and the bare command opens the window (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from grievance_desk.cli import main
from grievance_desk.cli.exit_codes import ExitCode, help_table
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "r.db"
    Register.create(path, PASSPHRASE)[0].close()
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
    return path


def test_wrong_passphrase_is_12(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", "not the passphrase at all")
    assert main(["due", "--register", str(register)]) == ExitCode.WRONG_SECRET == 12


def test_missing_register_is_10(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["due", "--register", str(tmp_path / "none.db")]) == 10


def test_register_in_use_is_11(register: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    lock = RegisterLock(register)  # as another window holding the register would
    lock.acquire()
    try:
        assert main(["due", "--register", str(register)]) == ExitCode.REGISTER_IN_USE
    finally:
        lock.release()


def test_unknown_case_is_4(register: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    code = main(
        [
            "letter",
            "GRV-2026-99999",
            "acknowledgement",
            "--register",
            str(register),
            "--output",
            str(tmp_path / "x.pdf"),
        ]
    )
    assert code == ExitCode.NOT_FOUND


def test_malformed_within_is_a_usage_mistake(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["due", "--within", "2x"])
    assert exit_info.value.code == ExitCode.USAGE
    assert "36h, 14d or 2w" in capsys.readouterr().err


def test_help_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert help_table().splitlines()[1] in out
    for code in ExitCode:
        assert f"  {int(code)} " in help_table(), code
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"| {int(code)} |" in readme, f"README lacks exit code {int(code)}"


@pytest.mark.parametrize("argv", [[], ["--register", "/tmp/elsewhere.db"]])
def test_bare_command_opens_the_window(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    monkeypatch.setattr(
        "grievance_desk.app.run_gui", lambda register, smoke_test: started.append(register) or 0
    )
    assert main(argv) == 0
    assert started == [Path(argv[1]) if argv else None]


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX pipe")
def test_a_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    """``policies | head -1``: the reader leaves early; no traceback, no error message."""
    shell = (
        f"{sys.executable} -m grievance_desk policies | head -c 1 >/dev/null; "
        "echo ${PIPESTATUS[0]}"
    )
    result = subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)},
        check=False,
        timeout=60,
    )
    assert result.stderr == ""
    assert result.stdout.strip() == "0"
