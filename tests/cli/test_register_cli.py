"""The command line end to end, in process: init, verify, backup, restore, key, passwd, demo."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest
import sqlcipher3

from grievance_desk import __version__
from grievance_desk.cli import main
from grievance_desk.storage.paths import key_file_for
from tests.conftest import PASSPHRASE

Run = tuple[int, str, str]


class Cli(Protocol):
    def __call__(self, *argv: str, stdin: str | None = None) -> Run: ...


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)

    def run(*argv: str, stdin: str | None = None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
            monkeypatch.setattr("grievance_desk.cli.common._stdin_secret", None)
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"grievance-desk {__version__}\n"
    with pytest.raises(SystemExit) as exit_info:  # argparse's own, with other arguments
        main(["--version", "--help"])
    assert exit_info.value.code == 0
    for command in ("init", "import", "export", "verify", "backup", "restore", "key", "passwd"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0


def test_init_prints_the_recovery_key_once_and_verify_passes(cli: Cli, tmp_path: Path) -> None:
    register = tmp_path / "r.db"
    code, out, _ = cli("init", "--register", str(register))
    assert code == 0
    assert "RECOVERY KEY" in out
    recovery = next(line.strip() for line in out.splitlines() if line.count("-") == 7)
    code, out, _ = cli("verify", "--register", str(register))
    assert code == 0 and "intact" in out
    # The recovery key opens it too, given on stdin.
    code, out, _ = cli(
        "verify", "--register", str(register), "--recovery-key", "--passphrase-stdin",
        stdin=recovery + "\n",
    )  # fmt: skip
    assert code == 0


def test_init_refuses_a_short_passphrase_and_an_existing_register(
    cli,
    tmp_path: Path,
) -> None:
    register = tmp_path / "r.db"
    code, _, err = cli("init", "--register", str(register), "--passphrase-stdin", stdin="short\n")
    assert code == 1 and "too short" in err
    assert not register.exists()
    assert cli("init", "--register", str(register))[0] == 0
    code, _, err = cli("init", "--register", str(register))
    assert code == 1 and "already exists" in err


def test_wrong_passphrase_and_missing_register_are_one_line_errors(
    cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register = tmp_path / "r.db"
    code, _, err = cli("verify", "--register", str(register))
    assert code == 10 and "no register" in err.lower() and "Traceback" not in err
    cli("init", "--register", str(register))
    monkeypatch.setenv("GRIEVANCE_DESK_PASSPHRASE", "wrong wrong wrong")
    code, _, err = cli("verify", "--register", str(register))
    assert code == 12 and "not correct" in err
    monkeypatch.delenv("GRIEVANCE_DESK_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = cli("verify", "--register", str(register))
    assert code == 1 and "No passphrase given" in err


def test_register_from_environment_variable(
    cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register = tmp_path / "env" / "r.db"
    monkeypatch.setenv("GRIEVANCE_DESK_REGISTER", str(register))
    assert cli("init")[0] == 0
    assert register.exists() and key_file_for(register).exists()


def test_backup_and_restore(cli: Cli, tmp_path: Path) -> None:
    register = tmp_path / "r.db"
    copy = tmp_path / "backups" / "copy.db"
    cli("demo", str(register), "--cases", "12")
    code, out, _ = cli("backup", "--register", str(register), str(copy))
    assert code == 0 and copy.exists() and key_file_for(copy).exists()
    assert b"example.org" not in copy.read_bytes()

    code, _, err = cli("restore", "--register", str(register), str(copy))
    assert code == 1 and "--force" in err
    code, out, _ = cli("restore", "--register", str(register), str(copy), "--force")
    assert code == 0 and "intact" in out
    # The replaced register is kept as a pair that opens as it is.
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("r.replaced-")]
    assert sorted(p.suffix for p in kept) == [".db", ".gdkey"]
    code, out, _ = cli("export", "--register", str(register), "--format", "json")
    assert len(json.loads(out)) == 12


def test_restore_refuses_a_damaged_backup(cli: Cli, tmp_path: Path) -> None:
    register = tmp_path / "r.db"
    copy = tmp_path / "copy.db"
    cli("demo", str(register), "--cases", "5")
    cli("backup", "--register", str(register), str(copy))
    data = bytearray(copy.read_bytes())
    data[5000:5100] = b"\x00" * 100  # a garbled page
    copy.write_bytes(bytes(data))
    before = register.read_bytes()
    code, _, err = cli("restore", "--register", str(register), str(copy), "--force")
    assert code == 1 and "Traceback" not in err
    assert register.read_bytes() == before


def test_key_export_raw_opens_the_file_in_plain_sqlcipher(cli: Cli, tmp_path: Path) -> None:
    register = tmp_path / "r.db"
    cli("demo", str(register), "--cases", "3")
    code, out, err = cli("key", "--register", str(register), "--export-raw")
    assert code == 0 and "warning" in err
    raw = out.strip()
    connection = sqlcipher3.connect(str(register))
    connection.execute(f"PRAGMA key = \"x'{raw}'\"")
    assert connection.execute("SELECT count(*) FROM grievance_case").fetchone() == (3,)
    connection.close()


def test_passwd_changes_the_passphrase(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "r.db"
    cli("init", "--register", str(register))
    monkeypatch.delenv("GRIEVANCE_DESK_PASSPHRASE")
    code, out, _ = cli(
        "passwd", "--register", str(register), "--passphrase-stdin", "--new-passphrase-stdin",
        stdin=f"{PASSPHRASE}\nan entirely new passphrase\n",
    )  # fmt: skip
    assert code == 0, out
    code, _, err = cli(
        "verify", "--register", str(register), "--passphrase-stdin", stdin=PASSPHRASE
    )
    assert code == 12 and "not correct" in err
    code, _, _ = cli(
        "verify", "--register", str(register), "--passphrase-stdin",
        stdin="an entirely new passphrase\n",
    )  # fmt: skip
    assert code == 0


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "grievance_desk", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and __version__ in result.stdout


def test_second_process_is_refused_while_a_register_is_open(tmp_path: Path) -> None:
    """A real second process, as a second window would be."""
    import os

    from grievance_desk.storage.register import Register, Unlock

    register = tmp_path / "r.db"
    Register.create(register, PASSPHRASE)[0].close()
    env = {**os.environ, "GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE}
    with Register.open(register, Unlock(passphrase=PASSPHRASE)):
        result = subprocess.run(
            [sys.executable, "-m", "grievance_desk", "verify", "--register", str(register)],
            capture_output=True, text=True, env=env, check=False,
        )  # fmt: skip
    assert result.returncode == 11
    assert "already open in another" in result.stderr


def test_rotate_key_prints_a_new_recovery_key(cli: Cli, tmp_path: Path) -> None:
    register = tmp_path / "r.db"
    cli("demo", str(register), "--cases", "4")
    old_key = cli("key", "--register", str(register), "--export-raw")[1].strip()
    code, out, _ = cli("rotate-key", "--register", str(register))
    assert code == 0 and "NEW RECOVERY KEY" in out
    new_key = cli("key", "--register", str(register), "--export-raw")[1].strip()
    assert new_key != old_key and len(new_key) == 64
    code, out, _ = cli("verify", "--register", str(register))
    assert code == 0
