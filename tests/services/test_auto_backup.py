"""Automatic backups: on close at most daily, a rotating set, restore candidates, failures."""

from __future__ import annotations

import errno
import os
from datetime import UTC, timedelta
from pathlib import Path

import pytest

from grievance_desk.services.auto_backup import (
    DEFAULT_KEEP,
    AutoBackupError,
    backup_folder,
    backup_if_due,
    backup_now,
    list_backups,
    restore_latest_candidates,
    set_backup_settings,
)
from grievance_desk.services.backups import restore
from grievance_desk.services.cases import register_case
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft


def test_default_folder_is_beside_the_register(register: Register) -> None:
    assert backup_folder(register) == register.path.parent / "backups"
    assert list_backups(register) == []


def test_on_close_at_most_once_a_day_in_the_officers_zone(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    first = backup_if_due(register, now=NOW)
    assert first is not None and first.path.exists() and first.key_file.exists()
    assert first.path.stat().st_mode & 0o077 == 0
    assert backup_if_due(register, now=NOW + timedelta(hours=5)) is None
    # 09:30 UTC + 15 h = 00:30 the next day in Asia/Kolkata: a new day there.
    second = backup_if_due(register, now=NOW + timedelta(hours=15))
    assert second is not None
    assert [b.path for b in list_backups(register)] == [second.path, first.path]


def test_rotating_set_keeps_the_newest(register: Register) -> None:
    from grievance_desk.services.auto_backup import _keep

    assert _keep(register) == DEFAULT_KEEP == 14
    set_backup_settings(register, now=NOW, keep=3)
    taken = [backup_now(register, now=NOW + timedelta(days=d)) for d in range(5)]
    listed = list_backups(register)
    assert [b.path for b in listed] == [t.path for t in reversed(taken[2:])]
    assert not taken[0].path.exists() and not taken[0].key_file.exists()
    with pytest.raises(AutoBackupError, match="between 1 and 1000"):
        set_backup_settings(register, now=NOW, keep=0)


def test_other_files_in_the_folder_are_never_touched(register: Register) -> None:
    folder = backup_folder(register)
    folder.mkdir(parents=True)
    mine = folder / "officer-notes.txt"
    mine.write_text("not a backup")
    other = folder / "other-auto-20200101T000000Z.db"
    other.write_bytes(b"x" * 32)
    set_backup_settings(register, now=NOW, keep=1)
    for day in range(3):
        backup_now(register, now=NOW + timedelta(days=day))
    assert mine.exists() and other.exists()
    assert len(list_backups(register)) == 1


def test_chosen_folder_is_used_and_found_without_the_key(
    register: Register, tmp_path: Path
) -> None:
    chosen = tmp_path / "usb stick" / "gd-backups"
    set_backup_settings(register, now=NOW, folder=chosen)
    assert backup_folder(register) == chosen.resolve()
    made = backup_now(register, now=NOW)
    assert made.path.parent == chosen.resolve()
    path = register.path
    register.close()
    candidates = restore_latest_candidates(path)
    assert [c.path for c in candidates] == [made.path] and candidates[0].usable


def test_restore_latest_candidate_brings_the_cases_back(register: Register) -> None:
    reference = register_case(register, make_draft(), now=NOW)
    backup_now(register, now=NOW)
    path = register.path
    register.close()
    with path.open("r+b") as handle:  # the register is damaged
        handle.seek(4096)
        handle.write(os.urandom(4096))
    latest = restore_latest_candidates(path)[0]
    report = restore(latest.path, path, Unlock(passphrase=PASSPHRASE), force=True, now=NOW)
    assert report.ok
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as restored:
        from grievance_desk.services.cases import find_case

        with restored.reading() as session:
            assert find_case(session, reference)[0].reference == reference
        assert verify_register(restored).ok


def test_damaged_candidates_come_last_with_the_problem_named(register: Register) -> None:
    good = backup_now(register, now=NOW)
    bad = backup_now(register, now=NOW + timedelta(days=1))
    bad.key_file.unlink()
    truncated = backup_now(register, now=NOW + timedelta(days=2))
    truncated.path.write_bytes(b"")
    found = restore_latest_candidates(register.path)
    assert [c.path for c in found] == [good.path, truncated.path, bad.path]
    assert found[0].usable
    assert "cut short" in found[1].problem and "missing" in found[2].problem


def test_disk_full_leaves_no_partial_copy_and_says_so(
    register: Register, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(target: Path) -> Path:
        target.with_name(target.name + ".partial").write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(register, "backup_to", full)
    with pytest.raises(AutoBackupError, match="disk is full") as caught:
        backup_if_due(register, now=NOW)
    assert "Nothing was changed" in str(caught.value)
    assert list(backup_folder(register).iterdir()) == []


def test_permission_denied_is_named(register: Register, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(target: Path) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(target))

    monkeypatch.setattr(register, "backup_to", denied)
    with pytest.raises(AutoBackupError, match="cannot be written to"):
        backup_now(register, now=NOW)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_named(register: Register, tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    set_backup_settings(register, now=NOW, folder=folder)
    folder.chmod(0o500)
    try:
        with pytest.raises(AutoBackupError, match="cannot be written"):
            backup_now(register, now=NOW)
    finally:
        folder.chmod(0o700)


def test_backups_are_encrypted_and_recorded(register: Register) -> None:
    register_case(register, make_draft(), now=NOW)
    made = backup_now(register, now=NOW)
    assert not made.path.read_bytes().startswith(b"SQLite format 3")
    assert made.taken_at == NOW.replace(microsecond=0).astimezone(UTC)
    with Register.open(made.path, Unlock(passphrase=PASSPHRASE)) as copy:
        assert verify_register(copy).ok
    assert verify_register(register).chain.events >= 2


def test_what_interrupted_backups_left_is_pruned_and_nothing_else(register: Register) -> None:
    """A killed backup leaves a ``.partial`` copy or a key file alone; the next one prunes them."""
    folder = backup_folder(register)
    folder.mkdir(parents=True)
    leftovers = [
        folder / "register-auto-20261101T080000Z.db.partial",
        folder / "register-auto-20261102T080000Z.gdkey",
        folder / "register-auto-20261103T080000Z.gdkey.tmp",
    ]
    kept = [
        folder / "other-auto-20261101T080000Z.db.partial",  # another register's
        folder / "register-notes.db.partial",  # not an automatic backup's name
    ]
    for path in (*leftovers, *kept):
        path.write_bytes(b"half")
    made = backup_now(register, now=NOW)
    assert [p for p in leftovers if p.exists()] == []
    assert all(p.exists() for p in kept)
    assert made.path.exists() and made.key_file.exists()
