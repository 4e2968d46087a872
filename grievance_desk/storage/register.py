"""Open, create and close a register: key file, lock, SQLCipher engine and migrations.

This is the one place that puts the pieces together, in the order the security checklist
asks: refuse a foreign or damaged file before keying, take the single-writer lock, unwrap
the data key, key the connection and read the schema to confirm it, check integrity after an
unclean shutdown, back up and migrate. Every failure is a RegisterError with a message for a
person; nothing on disk changes unless the open succeeds.
"""

from __future__ import annotations

import getpass
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from grievance_desk.storage import keyring_store, unlock_attempts
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.backup import export_encrypted, write_backup
from grievance_desk.storage.engine import (
    BEGIN_MODE,
    make_engine,
    raw_key_literal,
    sqlcipher3_connect,
)
from grievance_desk.storage.errors import (
    KeyFileMismatch,
    NotARegister,
    RegisterError,
    RegisterExists,
    RegisterMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from grievance_desk.storage.keyfile import (
    KdfParams,
    KeyFile,
    database_salt,
    default_kdf,
    new_data_key,
    new_recovery_key,
)
from grievance_desk.storage.leftovers import finish_interrupted_work
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.paths import key_file_for, make_private_dir

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Unlock:
    """How the officer proves they may open the register (one of the three)."""

    passphrase: str | None = None
    recovery_key: str | None = None
    use_keyring: bool = False


def _unclean_marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".open")


def _check_file_before_keying(db_path: Path, keyfile: KeyFile, key_path: Path) -> None:
    if not db_path.exists():
        raise RegisterMissing(str(db_path))
    with db_path.open("rb") as handle:
        head = handle.read(16)
    if head == SQLITE_PLAIN_HEADER:
        raise NotARegister(str(db_path), "it is an unencrypted SQLite database")
    if len(head) < 16:
        raise NotARegister(str(db_path), "the file is empty or cut short")
    if keyfile.database_salt and keyfile.database_salt != head.hex():
        raise KeyFileMismatch(str(key_path), str(db_path))


class Register:
    """An open, unlocked register. Close it to drop the key and release the lock."""

    def __init__(
        self, path: Path, keyfile: KeyFile, data_key: bytes, engine: Engine, lock: RegisterLock
    ) -> None:
        self.path = path
        self.key_path = key_file_for(path)
        self.keyfile = keyfile
        self._data_key: bytes | None = data_key
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self._writer_sessions = sessionmaker(
            bind=engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"}), expire_on_commit=False
        )
        self.recovered_from_unclean_shutdown = False

    # -- creating and opening -------------------------------------------------------------

    @staticmethod
    def create(path: Path, passphrase: str, kdf: KdfParams | None = None) -> tuple[Register, str]:
        """Create an empty register; returns it and the recovery key to show once."""
        key_path = key_file_for(path)
        if path.exists() or key_path.exists():
            raise RegisterExists(str(path))
        make_private_dir(path.parent)
        data_key = new_data_key()
        recovery_key = new_recovery_key()
        keyfile = KeyFile.create(data_key, passphrase, recovery_key, kdf or default_kdf())
        lock = RegisterLock(path)
        lock.acquire()
        old_umask = os.umask(0o077)
        try:
            engine = make_engine(path, data_key)
            from grievance_desk.storage.migrate import migrate  # Alembic: only when opening

            migrate(engine, path)
            with engine.begin() as connection:
                connection.execute(
                    text("INSERT INTO setting (key, value) VALUES ('register.id', :v)"),
                    {"v": f'"{keyfile.register_id}"'},
                )
            keyfile.database_salt = database_salt(path)
            keyfile.save(key_path)
        except BaseException:
            lock.release()
            raise
        finally:
            os.umask(old_umask)
        register = Register(path, keyfile, data_key, engine, lock)
        _unclean_marker(path).touch(mode=0o600)
        return register, recovery_key

    @staticmethod
    def unlock_key(path: Path, unlock: Unlock) -> tuple[KeyFile, bytes]:
        """Read the key file and unwrap the data key (Argon2id: call off the GUI thread)."""
        finish_interrupted_work(path)  # a restore cut short, an export's stale scratch files
        key_path = key_file_for(path)
        if not path.exists():
            raise RegisterMissing(str(path))
        keyfile = KeyFile.load(key_path)
        _check_file_before_keying(path, keyfile, key_path)
        if unlock.use_keyring:
            remembered = keyfile.extra.get("remembered", {})
            backend = remembered.get("backend", "") if isinstance(remembered, dict) else ""
            key = keyring_store.recall_key(keyfile.register_id, backend) if backend else None
            if key is not None:
                return keyfile, key
            if unlock.passphrase is None and unlock.recovery_key is None:
                raise WrongPassphrase()
        return keyfile, Register._unwrap(path, keyfile, unlock, key_path)

    @staticmethod
    def open(path: Path, unlock: Unlock) -> Register:
        """Unlock, lock, key, verify and migrate; raises a RegisterError a person can act on."""
        keyfile, data_key = Register.unlock_key(path, unlock)
        return Register.open_with_key(path, keyfile, data_key)

    @staticmethod
    def _unwrap(path: Path, keyfile: KeyFile, unlock: Unlock, key_path: Path) -> bytes:
        """Try the passphrase or recovery key, slowed after repeated failures, and counted."""
        delay = unlock_attempts.delay_before_attempt(path)
        if delay:
            time.sleep(delay)
        try:
            if unlock.recovery_key is not None:
                return keyfile.open_with_recovery_key(unlock.recovery_key, key_path)
            if unlock.passphrase is None:
                raise WrongPassphrase()
            key = keyfile.open_with_passphrase(unlock.passphrase, key_path)
        except (WrongPassphrase, WrongRecoveryKey):
            unlock_attempts.record_failure(path)
            raise
        pending = keyfile.pending_slots()
        if pending is not None:
            keyfile.pending_key = pending.open_with_passphrase(unlock.passphrase, key_path)
        return key

    @staticmethod
    def open_with_key(path: Path, keyfile: KeyFile, data_key: bytes) -> Register:
        """Open with an unwrapped key; finishes a key rotation a crash interrupted."""
        try:
            return Register._open_keyed(path, keyfile, data_key)
        except NotARegister:
            if keyfile.pending_key is None:
                raise
        register = Register._open_keyed(path, keyfile, keyfile.pending_key)
        register._finish_rotation()
        return register

    @staticmethod
    def _open_keyed(path: Path, keyfile: KeyFile, data_key: bytes) -> Register:
        lock = RegisterLock(path)
        lock.acquire()
        try:
            engine = make_engine(path, data_key)
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT count(*) FROM sqlite_master"))
            except DatabaseError as error:
                engine.dispose()
                raise NotARegister(
                    str(path), "it cannot be decrypted with this key, or its pages are damaged"
                ) from error
            register = Register(path, keyfile, data_key, engine, lock)
            marker = _unclean_marker(path)
            if marker.exists():
                problems = register.integrity_problems()
                if problems:
                    register.close()
                    raise NotARegister(str(path), "integrity check failed: " + problems[0])
                register.recovered_from_unclean_shutdown = True
            from grievance_desk.storage.migrate import migrate  # Alembic: only when opening

            migrate(engine, path, backup=register.backup_to)
            marker.touch(mode=0o600)
            register._report_failed_attempts()
            return register
        except RegisterError:
            lock.release()
            raise
        except DatabaseError as error:
            lock.release()
            raise NotARegister(str(path), str(error.orig)) from error
        except BaseException:
            lock.release()
            raise

    def _report_failed_attempts(self) -> None:
        """Move the failed attempts since the last unlock into the audit chain."""
        failed = unlock_attempts.failures(self.path)
        if not failed:
            return
        with self.writing() as session:
            append_event(
                session,
                action="register.unlock_failed",
                actor="unknown",
                at=datetime.now(UTC),
                payload={"attempts": len(failed), "first": failed[0], "last": failed[-1]},
            )
        unlock_attempts.clear(self.path)

    # -- sessions -------------------------------------------------------------------------

    def reading(self) -> Session:
        """A session for queries; writes belong in ``writing()``."""
        return self._sessions()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on error."""
        with self._writer_sessions() as session, session.begin():
            yield session

    # -- key management -------------------------------------------------------------------

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise RegisterError("The register is locked. Unlock it first.")
        return self._data_key

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the same data key under a new passphrase; the database is untouched."""
        self.keyfile.seal_passphrase(self.data_key, new_passphrase, kdf or default_kdf())
        self.keyfile.save(self.key_path)

    def rotate_key(self, passphrase: str, kdf: KdfParams | None = None) -> str:
        """Re-key the database with a new data key; returns the new recovery key.

        Crash-safe order: the new key is first sealed into "pending" slots of the key file;
        then SQLCipher re-encrypts every page in one transaction; then the pending slots
        replace the old ones. A crash in between leaves a register that the passphrase still
        opens (``open_with_key`` finishes the rotation).
        """
        if self.keyfile.open_with_passphrase(passphrase, self.key_path) != self.data_key:
            raise WrongPassphrase()
        new_key, new_recovery = new_data_key(), new_recovery_key()
        pending = KeyFile(register_id=self.keyfile.register_id, slots={})
        pending.seal_passphrase(new_key, passphrase, kdf or default_kdf())
        pending.seal_recovery(new_key, new_recovery)
        self.keyfile.extra["pending"] = {"slots": pending.slots}
        self.keyfile.save(self.key_path)
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.rollback()
        self.engine.dispose()
        raw = sqlcipher3_connect(self.path, self.data_key)
        try:
            raw.execute(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
        finally:
            raw.close()
        self._switch_engine(new_key)
        self._finish_rotation()
        return new_recovery

    def _switch_engine(self, data_key: bytes) -> None:
        self.engine.dispose()
        self.engine = make_engine(self.path, data_key)
        self._data_key = data_key
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer_sessions = sessionmaker(
            bind=self.engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"}),
            expire_on_commit=False,
        )

    def _finish_rotation(self) -> None:
        """Make the pending slots the real ones, after the database answers to the new key."""
        pending = self.keyfile.pending_slots()
        if pending is None:
            return
        problems = self.integrity_problems()
        if problems:
            raise NotARegister(str(self.path), "integrity check failed after re-keying")
        self.keyfile.slots = pending.slots
        self.keyfile.extra.pop("pending", None)
        self.keyfile.pending_key = None
        self.keyfile.database_salt = database_salt(self.path)
        self.keyfile.save(self.key_path)
        if self.remembered_backend:
            keyring_store.remember_key(self.keyfile.register_id, self.data_key)

    def remember_on_this_computer(self) -> str:
        backend = keyring_store.remember_key(self.keyfile.register_id, self.data_key)
        self.keyfile.extra["remembered"] = {"backend": backend}
        self.keyfile.save(self.key_path)
        return backend

    def forget_on_this_computer(self) -> None:
        keyring_store.forget_key(self.keyfile.register_id)
        self.keyfile.extra.pop("remembered", None)
        self.keyfile.save(self.key_path)

    @property
    def remembered_backend(self) -> str | None:
        remembered = self.keyfile.extra.get("remembered")
        return str(remembered.get("backend")) if isinstance(remembered, dict) else None

    # -- checks and copies ----------------------------------------------------------------

    def integrity_problems(self) -> list[str]:
        """SQLCipher's page HMAC check plus SQLite's own; an empty list means sound."""
        problems: list[str] = []
        with self.engine.connect() as connection:
            for row in connection.exec_driver_sql("PRAGMA cipher_integrity_check"):
                problems.append(str(row[0]))
            if problems:
                # A page that fails its HMAC cannot be read, so SQLite's own check would
                # only fail with a misleading error; the damaged pages are the finding.
                connection.rollback()
                return problems
            try:
                for row in connection.exec_driver_sql("PRAGMA integrity_check"):
                    if str(row[0]) != "ok":
                        problems.append(str(row[0]))
            except DatabaseError as error:
                problems.append(f"the database structure cannot be read ({error.orig})")
            connection.rollback()
        return problems

    def backup_to(self, target: Path) -> Path:
        """An encrypted copy and its key file at ``target``; returns the key file's path."""
        return write_backup(self.engine, self.keyfile, self.data_key, target)

    def export_copy(self, target: Path) -> None:
        export_encrypted(self.engine, target, self.data_key)

    @property
    def actor(self) -> str:
        """Who the audit trail records: the officer set in Settings, else the OS account."""
        with self.reading() as session:
            value = session.execute(
                text("SELECT value FROM setting WHERE key = 'officer.name'")
            ).scalar()
        if value:
            import json

            return str(json.loads(value))
        try:
            return getpass.getuser()
        except Exception:  # no user name on some service accounts
            return "officer"

    def close(self) -> None:
        """Checkpoint, drop every connection and the key, release the lock."""
        if self._data_key is None:
            return
        try:
            with self.engine.connect() as connection:
                # Fold the WAL back into the file; if a reader still holds it, do not wait
                # (the next open checkpoints it), so locking never hangs.
                connection.exec_driver_sql("PRAGMA busy_timeout=200")
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.exec_driver_sql("PRAGMA busy_timeout=10000")
                connection.rollback()
        finally:
            self.engine.dispose()
            self._data_key = None
            _unclean_marker(self.path).unlink(missing_ok=True)
            self._lock.release()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
