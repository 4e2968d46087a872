"""Key-file fields, odd files at the register's paths, the test-only KDF, the unlock-attempts
record, the raw-key export and the key after close (issue 18 items 8, 10 and 11)."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import time
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from grievance_desk.services.key_rotation import export_raw_key
from grievance_desk.storage import unlock_attempts
from grievance_desk.storage.durable import NotARegularFile
from grievance_desk.storage.errors import KeyFileDamaged, RegisterError, RegisterInUse
from grievance_desk.storage.keyfile import (
    KDF_PROFILE_ENV,
    KdfParams,
    KeyFile,
    _checksum,
    default_kdf,
)
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE
from tests.support.kill_points import ROOT

OFFICER_ENV = {"PYTEST_CURRENT_TEST": "", "PYTEST_VERSION": ""}


@pytest.fixture
def closed(register_path: Path) -> tuple[Path, str]:
    register, recovery = Register.create(register_path, PASSPHRASE)
    register.close()
    return register_path, recovery


def _edit_key_file(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    key_path = key_file_for(path)
    payload = json.loads(key_path.read_text())
    change(payload)
    payload["checksum"] = _checksum(payload)
    key_path.write_text(json.dumps(payload))


def _actions(register: Register) -> list[str]:
    with register.reading() as session:
        return list(session.execute(text("SELECT action FROM audit_event")).scalars())


def _officer_cli(
    args: list[str], stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """The CLI as an officer's shell runs it: no pytest in the environment."""
    child = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    child.update(env, PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.run(
        [sys.executable, "-m", "grievance_desk", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=child,
        timeout=60,
        check=False,
    )


# -- 18.10: every field bounded before use -------------------------------------------------

BAD_FIELDS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    ("iterations 10**9", lambda p: p["slots"]["passphrase"].update(iterations=10**9), "outside"),
    ("memory 4 TiB", lambda p: p["slots"]["passphrase"].update(memory_kib=2**32), "outside"),
    ("lanes 0", lambda p: p["slots"]["passphrase"].update(lanes=0), "outside"),
    ("iterations text", lambda p: p["slots"]["passphrase"].update(iterations="3"), "whole"),
    ("iterations bool", lambda p: p["slots"]["passphrase"].update(iterations=True), "whole"),
    ("iterations float", lambda p: p["slots"]["passphrase"].update(iterations=3.5), "whole"),
    ("salt cut", lambda p: p["slots"]["passphrase"].update(salt="AAAA"), "bytes instead"),
    ("nonce not b64", lambda p: p["slots"]["passphrase"].update(nonce="@@@"), "base64"),
    ("sealed cut", lambda p: p["slots"]["passphrase"].update(sealed_key="QUJD"), "bytes"),
    ("salt number", lambda p: p["slots"]["passphrase"].update(salt=7), "missing"),
    ("slot a list", lambda p: p["slots"].update(passphrase=[1, 2]), "missing"),
    ("slots a string", lambda p: p.update(slots="x"), "missing"),
    ("database salt", lambda p: p.update(database_salt=["x"]), "salt"),
    ("pending junk", lambda p: p.update(pending={"kind": "rotation", "slots": 3}), "pending"),
    ("pending kind", lambda p: p.update(pending={"kind": "other", "slots": {}}), "pending"),
    ("recovery salt", lambda p: p["slots"]["recovery"].update(salt="!!"), "base64"),
]


@pytest.mark.parametrize(("name", "change", "says"), BAD_FIELDS, ids=[b[0] for b in BAD_FIELDS])
def test_a_bad_key_file_field_is_named_at_once(
    closed: tuple[Path, str], name: str, change: Callable[[dict[str, Any]], None], says: str
) -> None:
    path, recovery = closed
    _edit_key_file(path, change)
    started = time.monotonic()
    for unlock in (Unlock(passphrase=PASSPHRASE), Unlock(recovery_key=recovery)):
        with pytest.raises(KeyFileDamaged, match=says):
            Register.open(path, unlock)
    assert time.monotonic() - started < 5, f"{name} was not refused at once"


def test_bad_fields_on_the_command_line_are_one_line_messages(closed: tuple[Path, str]) -> None:
    path, _ = closed
    _edit_key_file(path, lambda p: p["slots"]["passphrase"].update(iterations=10**9))
    result = _officer_cli(["verify", "--register", str(path)], GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "altered or damaged" in result.stderr and "iterations" in result.stderr


def test_an_oversized_or_deeply_nested_key_file_is_refused(closed: tuple[Path, str]) -> None:
    path, _ = closed
    key_path = key_file_for(path)
    key_path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(RegisterError, match="larger than a key file"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))
    key_path.write_text("[" * 20_000 + "]" * 20_000)
    with pytest.raises(KeyFileDamaged, match="not readable JSON"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))


@pytest.mark.parametrize("which", ["register", "key file"])
def test_a_fifo_at_the_register_or_key_path_never_hangs(
    closed: tuple[Path, str], which: str
) -> None:
    path, _ = closed
    target = path if which == "register" else key_file_for(path)
    target.unlink()
    os.mkfifo(target)
    with pytest.raises(NotARegularFile, match="not a regular file"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))
    for args in (
        ["verify"],
        ["init"],
        ["passwd", "--new-passphrase-stdin"],
        ["key", "--export-raw"],
    ):
        result = _officer_cli(
            [*args, "--register", str(path)], stdin="x\n", GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE
        )
        assert result.returncode == 1, (args, result.stdout)
        assert "Traceback" not in result.stderr
        assert "not a regular file" in result.stderr or "already exists" in result.stderr


def test_a_symlinked_register_takes_the_same_lock(closed: tuple[Path, str], tmp_path: Path) -> None:
    path, _ = closed
    link = tmp_path / "elsewhere" / "link.db"
    link.parent.mkdir()
    link.symlink_to(path)
    key_file_for(link).symlink_to(key_file_for(path))
    with Register.open(path, Unlock(passphrase=PASSPHRASE)), pytest.raises(RegisterInUse):
        Register.open(link, Unlock(passphrase=PASSPHRASE))
    with Register.open(link, Unlock(passphrase=PASSPHRASE)), pytest.raises(RegisterInUse):
        Register.open(path, Unlock(passphrase=PASSPHRASE))


# -- 18.8: the fast KDF only in tests, and weak key files are named ------------------------


def test_the_fast_profile_is_ignored_outside_a_test_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert default_kdf() == KdfParams.fast()  # this is a test process
    for name in OFFICER_ENV:
        monkeypatch.delenv(name, raising=False)
    assert default_kdf() == KdfParams()

    path = tmp_path / "r.db"
    result = _officer_cli(
        ["init", "--register", str(path)],
        GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE,
        **{KDF_PROFILE_ENV: "fast"},
    )
    assert result.returncode == 0, result.stderr
    slot = KeyFile.load(key_file_for(path)).slots["passphrase"]
    assert slot["memory_kib"] == KdfParams().memory_kib and "profile" not in slot


def test_a_weak_key_file_says_so_and_passwd_strengthens_it(closed: tuple[Path, str]) -> None:
    path, _ = closed
    slot = KeyFile.load(key_file_for(path)).slots["passphrase"]
    assert slot["profile"] == "test-only"  # written by this test process, and marked
    result = _officer_cli(["verify", "--register", str(path)], GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "protected too weakly" in result.stderr and "test-only" in result.stderr
    assert "grievance-desk passwd" in result.stderr

    result = _officer_cli(
        ["passwd", "--register", str(path), "--new-passphrase-stdin"],
        stdin=PASSPHRASE + "\n",
        GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE,
    )
    assert result.returncode == 0, result.stderr
    params = KeyFile.load(key_file_for(path)).kdf_params()
    assert not params.below_floor
    result = _officer_cli(["verify", "--register", str(path)], GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 0 and "weakly" not in result.stderr


def test_an_unmarked_weak_key_file_is_reported_in_tests_too(closed: tuple[Path, str]) -> None:
    path, _ = closed
    _edit_key_file(path, lambda p: p["slots"]["passphrase"].pop("profile"))
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        assert any("protected too weakly" in notice for notice in register.notices)


# -- 18.11: attempts record, raw-key export, key after close -------------------------------


def test_deleting_the_attempts_record_is_detected_and_keeps_the_throttle(
    closed: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = closed
    monkeypatch.setattr("grievance_desk.storage.register.time.sleep", lambda _s: None)
    for _ in range(5):
        with pytest.raises(RegisterError):
            Register.open(path, Unlock(passphrase="a wrong guess"))
    record = unlock_attempts.attempts_file_for(path)
    record.unlink()  # what the attacker does to hide the attempts and reset the delay
    assert unlock_attempts.delay_before_attempt(path, tracked=True) > 0
    with pytest.raises(RegisterError):
        Register.open(path, Unlock(passphrase="another wrong guess"))
    assert unlock_attempts.delay_before_attempt(path, tracked=True) > 1

    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        assert "register.unlock_record_missing" in _actions(register)
        assert any("deleted or replaced" in notice for notice in register.notices)
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        assert not register.notices  # reported once; the record is back
    assert record.exists()


def test_a_record_deleted_without_any_failure_is_still_noticed(closed: tuple[Path, str]) -> None:
    path, _ = closed
    with Register.open(path, Unlock(passphrase=PASSPHRASE)):
        pass
    unlock_attempts.attempts_file_for(path).unlink()
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        assert _actions(register).count("register.unlock_record_missing") == 1


def test_export_raw_is_audited(closed: tuple[Path, str]) -> None:
    path, _ = closed
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        raw = export_raw_key(register, now=NOW)
        assert raw == register.data_key.hex()
        assert _actions(register)[-1] == "register.key_exported"


def test_the_cli_export_leaves_an_audit_event(closed: tuple[Path, str]) -> None:
    path, _ = closed
    result = _officer_cli(
        ["key", "--register", str(path), "--export-raw"], GRIEVANCE_DESK_PASSPHRASE=PASSPHRASE
    )
    assert result.returncode == 0, result.stderr
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        assert "register.key_exported" in _actions(register)


def test_the_raw_key_does_not_outlive_close(closed: tuple[Path, str]) -> None:
    path, _ = closed
    register = Register.open(path, Unlock(passphrase=PASSPHRASE))
    raw = register.data_key.hex()
    assert raw in str(register.engine.url.password)
    old_engine = weakref.ref(register.engine)
    register.close()
    gc.collect()
    assert old_engine() is None
    assert register.engine.url.password is None
    assert raw not in repr(register.engine.url._asdict()) and raw not in repr(vars(register))
    with pytest.raises(RegisterError, match="locked"):
        _ = register.data_key


def test_a_backup_checked_elsewhere_is_not_reported_as_tampered(
    closed: tuple[Path, str], tmp_path: Path
) -> None:
    from grievance_desk.services.backups import backup, check_backup

    path, _ = closed
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        backup(register, tmp_path / "copies" / "copy.db", now=NOW)
    (tmp_path / "copies").mkdir(exist_ok=True)
    assert check_backup(tmp_path / "copies" / "copy.db", Unlock(passphrase=PASSPHRASE)).ok
    with Register.open(tmp_path / "copies" / "copy.db", Unlock(passphrase=PASSPHRASE)) as copy:
        assert "register.unlock_record_missing" not in _actions(copy)
        assert not copy.notices
