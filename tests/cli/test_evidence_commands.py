"""evidence, verify-bundle and fingerprint from the command line."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from grievance_desk.cli import evidence_commands
from grievance_desk.cli.common import UserError
from grievance_desk.storage.register import Register
from tests.conftest import PASSPHRASE
from tests.support.cli_commands import closed_register, run_group
from tests.support.kill_points import run_cli, was_killed

BUNDLE_PASSWORD = "a long bundle password"


def _run(*argv: str) -> int:
    return run_group(evidence_commands, *argv)


@pytest.fixture
def filled(register: Register, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    return closed_register(register, monkeypatch, evidence_commands)


def test_evidence_warns_when_unencrypted_and_verify_bundle_names_the_signer(
    filled: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled
    out = tmp_path / "case.zip"
    assert _run("evidence", reference, "--output", str(out), "--register", str(path)) == 0
    captured = capsys.readouterr()
    assert "warning: the evidence bundle is NOT encrypted" in captured.err
    assert "Evidence bundle written" in captured.out
    fingerprint = re.search(r"Signed by the register key ((?:[0-9a-f]{4} ?){16})", captured.out)
    assert fingerprint is not None
    assert out.stat().st_mode & 0o077 == 0
    # The same fingerprint from the fingerprint command (what the officer hands out).
    assert _run("fingerprint", "--register", str(path)) == 0
    shown = capsys.readouterr().out.strip()
    assert shown == fingerprint[1].strip()
    assert _run("verify-bundle", str(out), "--fingerprint", shown.replace(" ", ":")) == 0
    printed = capsys.readouterr().out
    assert "intact and signed" in printed and f"Signed by the key {shown}" in printed
    assert _run("verify-bundle", str(out), "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["signed_by"] == shown and ":" in result["chain_head"]
    other = "0123 " * 16
    assert _run("verify-bundle", str(out), "--fingerprint", other) == 3
    assert "not by 0123 0123" in capsys.readouterr().out
    damaged = tmp_path / "damaged.zip"
    data = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as bundle:  # a byte inside the summary PDF's data
        info = bundle.getinfo("summary.pdf")
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    assert _run("verify-bundle", str(damaged)) == 3
    assert re.search(r": \d+ problems? found:", capsys.readouterr().out)
    with pytest.raises(UserError, match="no file"):
        _run("verify-bundle", str(tmp_path / "absent.zip"))
    with pytest.raises(SystemExit):
        _run("verify-bundle", str(out), "--fingerprint", "not hex")
    assert "64 hex digits" in capsys.readouterr().err


def test_encrypt_makes_a_password_and_prints_it_once(
    filled: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, reference = filled
    out = tmp_path / "case.zip"
    assert _run("evidence", reference, "-o", str(out), "--encrypt", "--register", str(path)) == 0
    captured = capsys.readouterr()
    assert "NOT encrypted" not in captured.err
    found = re.search(r"Bundle password: (\S+)", captured.out)
    assert found is not None and len(found[1]) == 29
    assert "Windows Explorer" in captured.out and "another route" in captured.out
    assert found[1].encode() not in out.read_bytes()


def test_encrypted_evidence_reads_the_password_after_the_passphrase(
    filled: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, reference = filled
    monkeypatch.delenv("GRIEVANCE_DESK_PASSPHRASE")
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSPHRASE}\n{BUNDLE_PASSWORD}\n"))
    out = tmp_path / "case.zip"
    args = ("evidence", reference, "-o", str(out), "--register", str(path))
    assert _run(*args, "--passphrase-stdin", "--password-stdin") == 0
    assert "AES-256 encrypted" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{BUNDLE_PASSWORD}\n"))
    assert _run("verify-bundle", str(out), "--password-stdin") == 0
    assert "intact and signed" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong password here\n"))
    assert _run("verify-bundle", str(out), "--password-stdin") == 12
    assert "password is wrong" in capsys.readouterr().out
    assert _run("verify-bundle", str(out)) == 1
    assert "give its password" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    with pytest.raises(UserError, match="no password line"):
        _run("verify-bundle", str(out), "--password-stdin")


def test_a_short_password_or_both_options_are_refused_before_anything_is_written(
    filled: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, reference = filled
    out = tmp_path / "case.zip"
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(UserError, match="too short"):
        _run("evidence", reference, "-o", str(out), "--password-stdin", "--register", str(path))
    with pytest.raises(UserError, match="either --encrypt"):
        _run(
            "evidence", reference, "-o", str(out), "--encrypt", "--password-stdin",
            "--register", str(path),
        )  # fmt: skip
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.parametrize("point", ["evidence.before_record", "evidence.before_replace"])
def test_a_kill_while_exporting_leaves_no_bundle_and_a_sound_register(
    filled: tuple[Path, str], tmp_path: Path, point: str
) -> None:
    path, reference = filled
    out = tmp_path / "case.zip"
    env = {"GRIEVANCE_DESK_PASSPHRASE": PASSPHRASE}
    killed = run_cli(
        ["evidence", reference, "-o", str(out), "--register", str(path)], kill_at=point, env=env
    )
    assert was_killed(killed), killed.stderr
    assert not out.exists()
    partial = tmp_path / "case.zip.partial"
    assert partial.stat().st_mode & 0o077 == 0  # left owner-only; the next export replaces it
    assert run_cli(["verify", "--register", str(path)], env=env).returncode == 0
    again = run_cli(["evidence", reference, "-o", str(out), "--register", str(path)], env=env)
    assert again.returncode == 0, again.stderr
    assert out.exists() and not partial.exists()
    assert run_cli(["verify-bundle", str(out)]).returncode == 0
