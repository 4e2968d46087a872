"""Backups are byte copies of the encrypted file, consistent while writers keep writing.

Each backup must open with the same passphrase and recovery key, pass SQLCipher's and
SQLite's integrity checks and the audit-chain verification, hold everything committed
before it began, and be written as ``.partial`` then renamed, mode 0600.
"""

from __future__ import annotations

import stat
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from grievance_desk.services.cases import register_case
from grievance_desk.services.integrity import verify_register
from grievance_desk.storage import backup as backup_module
from grievance_desk.storage.engine import make_engine
from grievance_desk.storage.keyfile import KeyFile, database_salt
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE
from tests.storage import crash_writer
from tests.support.drafts import make_draft

START = datetime(2026, 11, 21, tzinfo=UTC)  # after make_draft's received date


def case_count(register: Register) -> int:
    with register.reading() as session:
        return int(session.scalar(text("SELECT count(*) FROM grievance_case")) or 0)


def check_copy(target: Path, *, passphrase: str = PASSPHRASE) -> int:
    """Open the backup like the officer would, verify it fully; returns its case count."""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not target.with_name(target.name + ".partial").exists()
    assert not target.read_bytes()[:16].startswith(b"SQLite format 3")
    keyfile = KeyFile.load(key_file_for(target))
    assert keyfile.database_salt == database_salt(target)
    with Register.open(target, Unlock(passphrase=passphrase)) as copy:
        report = verify_register(copy)
        assert report.ok, report.lines()
        assert report.chain.events > 0
        return case_count(copy)


def test_a_backup_opens_with_the_passphrase_and_recovery_key(tmp_path: Path) -> None:
    register, recovery = Register.create(tmp_path / "r.db", PASSPHRASE)
    with register:
        for index in range(5):
            register_case(register, make_draft(), now=START + timedelta(minutes=index))
        # The last cases may still be in the WAL: the backup must hold them.
        target = tmp_path / "backups" / "copy.db"
        register.backup_to(target)
        assert check_copy(target) == 5
    with Register.open(target, Unlock(recovery_key=recovery)) as copy:
        assert case_count(copy) == 5
    # The key file copy carries no remembered keyring entry.
    assert "remembered" not in KeyFile.load(key_file_for(target)).extra


def test_the_byte_copy_is_the_register_file_and_reuses_one_descriptor(tmp_path: Path) -> None:
    register, _ = Register.create(tmp_path / "r.db", PASSPHRASE)
    with register:
        register_case(register, make_draft(), now=START)
        register.backup_to(tmp_path / "one.db")
        register.backup_to(tmp_path / "two.db")
        with register.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        source = (tmp_path / "r.db").read_bytes()
        assert (tmp_path / "one.db").read_bytes() == source
        assert database_salt(tmp_path / "one.db") == database_salt(tmp_path / "r.db")
        mine = str((tmp_path / "r.db").resolve())
        assert [k for k in backup_module._SOURCES if k == mine] == [mine]


def test_where_locks_are_per_handle_the_file_is_not_kept_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows: a handle left open would stop a restore renaming the register."""
    monkeypatch.setattr(backup_module, "_KEEP_OPEN", False)
    register, _ = Register.create(tmp_path / "r.db", PASSPHRASE)
    with register:
        register_case(register, make_draft(), now=START)
        register.backup_to(tmp_path / "copy.db")
        assert str((tmp_path / "r.db").resolve()) not in backup_module._SOURCES
        assert check_copy(tmp_path / "copy.db") == 1


def test_the_export_fallback_when_the_wal_never_stays_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "_wal_empty", lambda _path: False)
    monkeypatch.setattr(backup_module.time, "sleep", lambda _s: None)
    register, _ = Register.create(tmp_path / "r.db", PASSPHRASE)
    with register:
        register_case(register, make_draft(), now=START)
        target = tmp_path / "copy.db"
        register.backup_to(target)
        # sqlcipher_export writes a new file: a new salt, recorded in the key file copy.
        assert database_salt(target) != database_salt(tmp_path / "r.db")
        assert check_copy(target) == 1


def test_the_export_fallback_when_the_file_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_args: object) -> None:
        raise PermissionError("a mandatory lock (as on Windows)")

    monkeypatch.setattr(backup_module, "_copy_bytes", locked)
    register, _ = Register.create(tmp_path / "r.db", PASSPHRASE)
    with register:
        register_case(register, make_draft(), now=START)
        register.backup_to(tmp_path / "copy.db")
        assert check_copy(tmp_path / "copy.db") == 1


def test_backups_taken_while_a_thread_keeps_writing_are_consistent(tmp_path: Path) -> None:
    register, _ = Register.create(tmp_path / "r.db", PASSPHRASE)
    stop = threading.Event()
    written: list[int] = []
    failures: list[BaseException] = []

    def writer() -> None:
        index = 0
        try:
            while not stop.is_set():
                index += 1
                draft = make_draft(description=f"Backup test case {index} " + "x" * 3000)
                register_case(register, draft, now=START + timedelta(seconds=index))
                written.append(index)
        except BaseException as error:  # reported below, not lost in the thread
            failures.append(error)

    with register:
        for index in range(30):
            register_case(register, make_draft(), now=START - timedelta(hours=index))
        thread = threading.Thread(target=writer)
        thread.start()
        try:
            counts = []
            for number in range(6):
                before = 30 + len(written)
                target = tmp_path / "backups" / f"copy-{number}.db"
                register.backup_to(target)
                after = 30 + len(written)
                found = check_copy(target)
                # Everything committed before the backup began, nothing not yet committed.
                assert before <= found <= after + 1
                counts.append(found)
                time.sleep(0.05)
        finally:
            stop.set()
            thread.join()
    assert not failures
    assert len(written) > 10 and counts == sorted(counts)


def test_backups_taken_while_another_process_keeps_writing_are_consistent(
    register_path: Path, tmp_path: Path
) -> None:
    Register.create(register_path, PASSPHRASE)[0].close()
    keyfile, data_key = Register.unlock_key(register_path, Unlock(passphrase=PASSPHRASE))
    writer = crash_writer.spawn(register_path, PASSPHRASE)
    # The writer holds the register's lock; this process reads the file through its own
    # engine, as SQLite allows (WAL, shared memory), and copies it.
    engine = make_engine(register_path, data_key)
    try:
        assert writer.stdout is not None
        writer.stdout.readline()  # the writer has committed its first case
        counts = []
        for number in range(5):
            target = tmp_path / f"copy-{number}.db"
            backup_module.write_backup(engine, keyfile, data_key, target)
            counts.append(check_copy(target))
            time.sleep(0.1)
    finally:
        writer.kill()
        writer.wait()
        engine.dispose()
    assert counts == sorted(counts) and counts[-1] > counts[0] >= 1
