"""Open, create and close a register: key file, lock, SQLCipher engine and migrations.

This is the one place that puts the pieces together, in the order the security checklist
asks: refuse a foreign or damaged file before keying, take the single-writer lock, unwrap
the data key, key the connection and read the schema to confirm it, check integrity after an
unclean shutdown, back up and migrate. Every failure is a RegisterError with a message for a
person; nothing on disk changes unless the open succeeds.
"""

from __future__ import annotations

import contextlib
import copy
import getpass
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.storage import keyring_store, unlock_attempts
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.backup import write_backup
from grievance_desk.storage.durable import (
    DiskFull,
    check_regular_file,
    file_size_limit,
    free_bytes,
    fsync_folder,
    is_disk_full,
    read_head,
)
from grievance_desk.storage.engine import (
    BEGIN_MODE,
    keyless_engine,
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
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.keyfile import (
    PENDING_RECOVERY,
    PENDING_ROTATION,
    KdfParams,
    KeyFile,
    database_salt,
    default_kdf,
    key_id,
    new_data_key,
    new_recovery_key,
)
from grievance_desk.storage.leftovers import finish_interrupted_work
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.paths import key_file_for, make_private_dir, register_path_problem
from grievance_desk.storage.settings_registry import OFFICER_NAME, REGISTER_ID, UNLOCK_TRACKED_AT

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
#: Steps ``rotate_key`` reports: new key sealed, pages re-encrypted, checked, done.
ROTATE_STEPS = 4
# Every fault point of the key operations, in the order they are reached, so the kill-point
# harness (tests/storage/test_key_kill_points.py) walks each one. The CLI adds "<op>.printed"
# between showing a new recovery key and confirming it.
FAULT_POINTS: dict[str, tuple[str, ...]] = {
    "init": (
        "init.start",
        "init.database_built",
        "init.keyfile.temp_written",
        "init.keyfile.replaced",
        "init.key_file_placed",
        "init.register_placed",
        "init.printed",
        "init.audited",
        "init.finish.temp_written",
        "init.finish.replaced",
        "init.finished",
    ),
    "passwd": (
        "passwd.start",
        "passwd.keyfile.temp_written",
        "passwd.keyfile.replaced",
        "passwd.saved",
    ),
    "rotate_key": (
        "rotate_key.start",
        "rotate_key.pending.temp_written",
        "rotate_key.pending.replaced",
        "rotate_key.before_rekey",
        "rotate_key.rekeyed",
        "rotate_key.checkpointed",
        "rotate_key.keyring_updated",
        "rotate_key.printed",
        "rotate_key.audited",
        "rotate_key.finish.temp_written",
        "rotate_key.finish.replaced",
        "rotate_key.finished",
    ),
    "new_recovery_key": (
        "new_recovery_key.pending.temp_written",
        "new_recovery_key.pending.replaced",
        "new_recovery_key.printed",
        "new_recovery_key.audited",
        "new_recovery_key.finish.temp_written",
        "new_recovery_key.finish.replaced",
        "new_recovery_key.finished",
    ),
}


def rotation_rolled_back_notice() -> str:
    """The notice shown after an unlock that undid an unfinished key rotation."""
    return _(
        "A key rotation started earlier did not finish, so it was undone: the register still "
        "uses its previous key, passphrase and recovery key. Run `grievance-desk rotate-key` "
        "again if the key needs replacing."
    )


@dataclass(frozen=True)
class Unlock:
    """How the officer proves they may open the register (one of the three)."""

    passphrase: str | None = None
    recovery_key: str | None = None
    use_keyring: bool = False


def _unclean_marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".open")


def _creating(path: Path) -> Path:
    """Where ``create`` builds a file before it is put in place."""
    return path.with_name(path.name + ".creating")


def _remove_creating(path: Path) -> None:
    tmp_db, tmp_key = _creating(path), _creating(key_file_for(path))
    for leftover in (
        tmp_db,
        tmp_db.with_name(tmp_db.name + "-wal"),
        tmp_db.with_name(tmp_db.name + "-shm"),
        tmp_key,
        tmp_key.with_name(tmp_key.name + ".tmp"),
    ):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _finish_interrupted_create(path: Path) -> None:
    """After a kill inside ``create``: put a finished register in place, or sweep the rest.

    The key file is placed before the database, so a key file that matches the database
    left under its temporary name means the register was complete: the rename is finished.
    Anything else never existed as a register and is removed."""
    tmp_db, key_path = _creating(path), key_file_for(path)
    if path.exists() or not tmp_db.exists():
        return
    if key_path.exists():
        try:
            matches = KeyFile.load(key_path).database_salt == database_salt(tmp_db)
        except (OSError, RegisterError):
            matches = False
        if matches:
            with contextlib.suppress(FileNotFoundError):
                tmp_db.replace(path)
            fsync_folder(path.parent)
            return
        return  # a key file of something else: leave everything for a person to look at
    _remove_creating(path)


def _key_opens(db_path: Path, data_key: bytes) -> bool:
    """Whether a fresh connection with ``data_key`` reads the database's schema."""
    try:
        sqlcipher3_connect(db_path, data_key).close()
    except Exception:  # sqlcipher3's DatabaseError: the key does not fit the file
        return False
    return True


def _rekey_room(db_path: Path) -> int:
    """Free space a re-key needs: every page is written to the WAL once, plus headroom."""
    size = 0
    for part in (db_path, db_path.with_name(db_path.name + "-wal")):
        with contextlib.suppress(OSError):
            size += part.stat().st_size
    return size + size // 20 + 1024 * 1024


def _check_file_before_keying(db_path: Path, keyfile: KeyFile, key_path: Path) -> None:
    if not db_path.exists():
        raise RegisterMissing(str(db_path))
    head = read_head(db_path, 16, what=_("register"))
    if head == SQLITE_PLAIN_HEADER:
        raise NotARegister(str(db_path), _("it is an unencrypted SQLite database"))
    if len(head) < 16:
        raise NotARegister(str(db_path), _("the file is empty or cut short"))
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
        # A recovery key the officer must be shown (and confirm) before it replaces the old.
        self.unshown_recovery_key: str | None = None
        # Things to tell the officer after unlocking (weak key file, deleted attempts record).
        self.notices: list[str] = []

    # -- creating and opening -------------------------------------------------------------

    @staticmethod
    def create(
        path: Path,
        passphrase: str,
        kdf: KdfParams | None = None,
        *,
        await_confirmation: bool = False,
        populate: Callable[[Session], None] | None = None,
    ) -> tuple[Register, str]:
        """Create an empty register; returns it and the recovery key to show once.

        ``populate`` writes what the set-up chose (organisation, policies) in the same
        transaction as the register's own first settings, before the file is put in place:
        if it raises, no register is left behind.

        The database and its key file are built under temporary names and put in place
        together (key file, then database: the commit), so a kill or a full disk leaves a
        whole register or none. With ``await_confirmation`` the recovery key stays escrowed
        in the key file, and is shown again at each unlock, until
        ``confirm_recovery_key_shown`` says the officer has seen it.
        """
        key_path = key_file_for(path)
        too_long = register_path_problem(path)
        if too_long is not None:
            raise RegisterError(too_long)
        make_private_dir(path.parent)
        check_regular_file(path, _("register"))
        lock = RegisterLock(path)
        lock.acquire()
        old_umask = os.umask(0o077)
        tmp_db, tmp_key = _creating(path), _creating(key_path)
        placed_key = False
        try:
            _finish_interrupted_create(path)
            if path.exists() or key_path.exists():
                raise RegisterExists(str(path))
            fault_point("init.start")
            data_key = new_data_key()
            recovery_key = new_recovery_key()
            keyfile = KeyFile.create(data_key, passphrase, recovery_key, kdf or default_kdf())
            keyfile.extra[unlock_attempts.KEY_FILE_FLAG] = True
            if await_confirmation:
                keyfile.begin_recovery_change(data_key, recovery_key, initial=True)
            engine = make_engine(tmp_db, data_key)
            try:
                from grievance_desk.storage.migrate import migrate  # Alembic: only when opening

                migrate(engine, tmp_db)
                with Session(engine) as session, session.begin():
                    REGISTER_ID.write(session, keyfile.register_id)
                    UNLOCK_TRACKED_AT.write(session, str(path.resolve()))
                    if populate is not None:
                        populate(session)  # one commit for the set-up and its first data
                        session.flush()
                with engine.connect() as connection:
                    connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    connection.rollback()
            finally:
                engine.dispose()
            fault_point("init.database_built")
            keyfile.database_salt = database_salt(tmp_db)
            keyfile.save(tmp_key, step="init.keyfile")
            unlock_attempts.reset(path)
            tmp_key.replace(key_path)
            placed_key = True
            fault_point("init.key_file_placed")
            tmp_db.replace(path)  # the commit: from here on the register exists
            fsync_folder(path.parent)
            fault_point("init.register_placed")
            engine = make_engine(path, data_key)
        except BaseException as error:
            if not path.exists():
                if placed_key:
                    key_path.unlink(missing_ok=True)
                unlock_attempts.attempts_file_for(path).unlink(missing_ok=True)
            _remove_creating(path)
            lock.release()
            if isinstance(error, Exception) and is_disk_full(error, path.parent):
                raise DiskFull(str(path.parent), _("no register was created")) from error
            raise
        finally:
            os.umask(old_umask)
        register = Register(path, keyfile, data_key, engine, lock)
        if await_confirmation:
            register.unshown_recovery_key = recovery_key
        _unclean_marker(path).touch(mode=0o600)
        return register, recovery_key

    @staticmethod
    def unlock_key(path: Path, unlock: Unlock) -> tuple[KeyFile, bytes]:
        """Read the key file and unwrap the data key (Argon2id: call off the GUI thread).

        When a key rotation is pending, ``keyfile.pending_key`` holds the new key too, so
        ``open_with_key`` can use whichever of the two the database answers to."""
        finish_interrupted_work(path)  # a restore cut short, an export's stale scratch files
        key_path = key_file_for(path)
        check_regular_file(path, _("register"))
        _finish_interrupted_create(path)
        if not path.exists():
            raise RegisterMissing(str(path))
        keyfile = KeyFile.load(key_path)
        _check_file_before_keying(path, keyfile, key_path)
        key: bytes | None = None
        if unlock.use_keyring:
            remembered = keyfile.extra.get("remembered", {})
            backend = remembered.get("backend", "") if isinstance(remembered, dict) else ""
            key = keyring_store.recall_key(keyfile.register_id, backend) if backend else None
            if key is None and unlock.passphrase is None and unlock.recovery_key is None:
                raise WrongPassphrase()
        if key is None:
            key = Register._unwrap(path, keyfile, unlock, key_path)
        keyfile.pending_key = keyfile.rotation_key_from(key, key_path)
        if (
            keyfile.pending_key is None
            and keyfile.pending_kind() == PENDING_ROTATION
            and unlock.passphrase is not None
        ):
            # A rotation recorded by an older version (no link): its own passphrase slot.
            with contextlib.suppress(WrongPassphrase):
                keyfile.pending_key = keyfile.open_pending_passphrase(unlock.passphrase, key_path)
        return keyfile, key

    @staticmethod
    def open(path: Path, unlock: Unlock) -> Register:
        """Unlock, lock, key, verify and migrate; raises a RegisterError a person can act on."""
        keyfile, data_key = Register.unlock_key(path, unlock)
        return Register.open_with_key(path, keyfile, data_key)

    @staticmethod
    def _unwrap(path: Path, keyfile: KeyFile, unlock: Unlock, key_path: Path) -> bytes:
        """Try the passphrase or recovery key, slowed after repeated failures, and counted."""
        tracked = bool(keyfile.extra.get(unlock_attempts.KEY_FILE_FLAG))
        delay = unlock_attempts.delay_before_attempt(path, tracked=tracked)
        if delay:
            time.sleep(delay)
        try:
            if unlock.recovery_key is not None:
                return keyfile.open_with_recovery_key(unlock.recovery_key, key_path)
            if unlock.passphrase is None:
                raise WrongPassphrase()
            return keyfile.open_with_passphrase(unlock.passphrase, key_path)
        except (WrongPassphrase, WrongRecoveryKey):
            unlock_attempts.record_failure(path, tracked=tracked)
            raise

    @staticmethod
    def open_with_key(path: Path, keyfile: KeyFile, data_key: bytes) -> Register:
        """Open with an unwrapped key; settles a key change a crash interrupted."""
        try:
            register = Register._open_keyed(path, keyfile, data_key)
        except NotARegister:
            if keyfile.pending_key is None or keyfile.pending_key == data_key:
                raise
            register = Register._open_keyed(path, keyfile, keyfile.pending_key)
        try:
            register._settle_pending()
        except BaseException:
            register.close()
            raise
        return register

    @staticmethod
    def _open_keyed(path: Path, keyfile: KeyFile, data_key: bytes) -> Register:
        lock = RegisterLock(path)
        lock.acquire()
        try:
            # A key-file write a crash cut short (the file in place is whole; this is not).
            key_path = key_file_for(path)
            key_path.with_name(key_path.name + ".tmp").unlink(missing_ok=True)
            engine = make_engine(path, data_key)
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT count(*) FROM sqlite_master"))
            except DatabaseError as error:
                engine.dispose()
                raise NotARegister(
                    str(path), _("it cannot be decrypted with this key, or its pages are damaged")
                ) from error
            register = Register(path, keyfile, data_key, engine, lock)
            marker = _unclean_marker(path)
            if marker.exists():
                problems = register.integrity_problems()
                if problems:
                    register.close()
                    raise NotARegister(
                        str(path),
                        _("integrity check failed: {problem}").format(problem=problems[0]),
                    )
                register.recovered_from_unclean_shutdown = True
            from grievance_desk.storage.migrate import migrate  # Alembic: only when opening

            migrate(engine, path, backup=register.backup_to)
            marker.touch(mode=0o600)
            register._report_failed_attempts()
            warning = keyfile.weak_kdf_warning(register.key_path)
            if warning:
                register.notices.append(warning)
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
        """Move the failed attempts since the last unlock into the audit chain.

        The register itself records where its attempts are tracked (its resolved path), so
        a record deleted there is noticed (and reported) instead of silently resetting the
        count. A copy opened somewhere else (a backup being checked, a moved register) is
        simply tracked from its new place, never reported as tampered."""
        record = unlock_attempts.read(self.path)
        here = str(self.path.resolve())
        with self.reading() as session:
            tracked_at = UNLOCK_TRACKED_AT.read(session)
        tracked = tracked_at == here
        lost = tracked and (not record.present or record.lost_at is not None)
        if not (lost or record.failures) and not tracked:
            # Only adopting this place: best effort, so a copy on read-only media still opens.
            with contextlib.suppress(DatabaseError), self.writing() as session:
                UNLOCK_TRACKED_AT.write(session, here)
        elif lost or record.failures:
            with self.writing() as session:
                if lost:
                    append_event(
                        session,
                        action=AuditAction.REGISTER_UNLOCK_RECORD_MISSING,
                        actor="unknown",
                        at=datetime.now(UTC),
                        payload={"noticed": record.lost_at or "at this unlock"},
                    )
                if record.failures:
                    append_event(
                        session,
                        action=AuditAction.REGISTER_UNLOCK_FAILED,
                        actor="unknown",
                        at=datetime.now(UTC),
                        payload={
                            "attempts": len(record.failures),
                            "first": record.failures[0],
                            "last": record.failures[-1],
                        },
                    )
                if not tracked:
                    UNLOCK_TRACKED_AT.write(session, here)
        if lost:
            self.notices.append(unlock_attempts.lost_notice().format(path=self.path))
        if lost or record.failures or not record.present or not tracked:
            with contextlib.suppress(OSError, RegisterError):
                unlock_attempts.reset(self.path)
        if not self.keyfile.extra.get(unlock_attempts.KEY_FILE_FLAG):
            self.keyfile.extra[unlock_attempts.KEY_FILE_FLAG] = True
            with contextlib.suppress(OSError, RegisterError):
                self.keyfile.save(self.key_path)

    # -- pending key changes --------------------------------------------------------------

    def _settle_pending(self) -> None:
        """At unlock: roll back a rotation the database never took, or get ready to show the
        new recovery key again (it replaces the old one only once the officer confirms)."""
        kind = self.keyfile.pending_kind()
        if kind is None:
            return
        if kind == PENDING_ROTATION:
            new_key = self.keyfile.pending_key
            if new_key is None:
                # An older rotation record opened without the passphrase: which key the
                # database uses cannot be told yet, so leave it for a passphrase unlock.
                return
            if new_key != self.data_key:
                # The database still answers to the old key: the re-key never happened.
                self.keyfile.drop_pending()
                with contextlib.suppress(OSError, RegisterError):
                    self.keyfile.save(self.key_path, step="unlock.rollback")
                self.notices.append(rotation_rolled_back_notice())
                return
            if self.remembered_backend:
                with contextlib.suppress(RegisterError):
                    keyring_store.remember_key(self.keyfile.register_id, self.data_key)
        shown = self.keyfile.unshown_recovery_key(self.data_key, self.key_path)
        if shown is None:
            if kind != PENDING_ROTATION:
                return
            # An older rotation record (no escrowed key) and the database on its new key:
            # finish it as before.
            self.keyfile.finish_pending()
            self.keyfile.database_salt = database_salt(self.path)
            self.keyfile.save(self.key_path, step="unlock.finish")
            return
        self.unshown_recovery_key = shown

    def confirm_recovery_key_shown(self, now: datetime | None = None) -> None:
        """The officer has seen the pending recovery key: it now replaces the old one.

        The audit event is written first and names the change, so a kill between the two
        steps neither repeats the event nor leaves the change half done."""
        entry = self.keyfile.pending(self.key_path)
        if entry is None:
            self.unshown_recovery_key = None
            return
        kind = str(entry.get("kind", PENDING_ROTATION))
        step = {PENDING_ROTATION: "rotate_key", PENDING_RECOVERY: "new_recovery_key"}.get(
            kind, "init"
        )
        action = {
            PENDING_ROTATION: AuditAction.REGISTER_KEY_ROTATED,
            PENDING_RECOVERY: AuditAction.REGISTER_RECOVERY_KEY_REPLACED,
        }.get(kind)
        if action is not None:
            change = str(entry.get("id") or entry.get("started", ""))
            self._append_once(action, change, now or datetime.now(UTC))
        fault_point(f"{step}.audited")
        self.keyfile.finish_pending()
        self.keyfile.database_salt = database_salt(self.path)
        self.keyfile.save(self.key_path, step=f"{step}.finish")
        self.unshown_recovery_key = None
        fault_point(f"{step}.finished")

    def _append_once(self, action: str, change: str, now: datetime) -> None:
        payload = {"change": change, "key_id": key_id(self.data_key)}
        with self.writing() as session:
            last = session.execute(
                text("SELECT payload FROM audit_event WHERE action = :a ORDER BY id DESC LIMIT 1"),
                {"a": action},
            ).scalar()
            try:
                done = isinstance(last, str) and json.loads(last).get("change") == change
            except (ValueError, AttributeError):  # a redacted or odd payload: not this change
                done = False
            if not done:
                append_event(session, action=action, actor=self.actor, at=now, payload=payload)

    def _refuse_if_pending(self) -> None:
        if self.keyfile.pending_kind() is not None:
            raise RegisterError(
                _(
                    "A new recovery key is still waiting to be confirmed as written down. "
                    "Confirm it first (it is shown when the register is unlocked), then try "
                    "again."
                )
            )

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
            raise RegisterError(_("The register is locked. Unlock it first."))
        return self._data_key

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams | None = None) -> None:
        """Re-wrap the data key under a new passphrase (at full strength); the database is
        untouched. One atomic key-file write: a kill leaves the old or the new passphrase.

        A pending rotation's new key is re-sealed too, so no passphrase is ever locked out."""
        fault_point("passwd.start")
        params = kdf or default_kdf()
        # Built on a copy and adopted only once written: a failed write changes nothing.
        changed = copy.deepcopy(self.keyfile)
        entry = changed.pending(self.key_path)
        if entry is not None and "passphrase" in entry["slots"]:
            new_key = self.keyfile.pending_key
            if new_key is None:  # an older rotation record, opened without the passphrase
                raise RegisterError(
                    _(
                        "An interrupted key rotation must be finished first: lock the register "
                        "and unlock it with the passphrase, then change the passphrase."
                    )
                )
            entry["slots"]["passphrase"] = changed._passphrase_slot(new_key, new_passphrase, params)
        changed.seal_passphrase(self.data_key, new_passphrase, params)
        changed.save(self.key_path, step="passwd.keyfile")
        self.keyfile = changed
        fault_point("passwd.saved")

    def begin_new_recovery_key(self) -> str:
        """A new recovery key for the same data key, pending until the officer confirms they
        have it (``confirm_recovery_key_shown``); the old one works until then."""
        self._refuse_if_pending()
        recovery = new_recovery_key()
        self.keyfile.begin_recovery_change(self.data_key, recovery, initial=False)
        try:
            self.keyfile.save(self.key_path, step="new_recovery_key.pending")
        except BaseException:
            self.keyfile.drop_pending()
            raise
        self.unshown_recovery_key = recovery
        return recovery

    def rotate_key(
        self,
        passphrase: str,
        kdf: KdfParams | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> str:
        """Re-key the database with a new data key; returns the new recovery key to show.

        The steps (each a fault point ``rotate_key.*``): the new key is sealed into the key
        file's pending entry, under the passphrase, the new recovery key and the old key;
        SQLCipher re-encrypts every page in one transaction; the keyring is updated. The new
        recovery key replaces the old one only in ``confirm_recovery_key_shown``, after it
        was shown. At every step the passphrase and a recovery key the officer has seen
        open the register; the next unlock rolls back or resumes an interrupted rotation.
        ``progress(step, ROTATE_STEPS)`` follows those steps: SQLCipher's re-key is one call
        with no callback, so the bar moves per step, not per page.
        """
        step = progress or (lambda _done, _total: None)
        step(0, ROTATE_STEPS)
        fault_point("rotate_key.start")
        self._refuse_if_pending()
        if self.keyfile.open_with_passphrase(passphrase, self.key_path) != self.data_key:
            raise WrongPassphrase()
        needed = _rekey_room(self.path)
        if free_bytes(self.path.parent) < needed:
            raise DiskFull(str(self.path.parent), _("the key was not rotated"))
        old_key, new_key, new_recovery = self.data_key, new_data_key(), new_recovery_key()
        self.keyfile.begin_rotation(
            old_key, new_key, passphrase, new_recovery, kdf or default_kdf()
        )
        try:
            self.keyfile.save(self.key_path, step="rotate_key.pending")
        except BaseException:
            self.keyfile.drop_pending()
            raise
        self.keyfile.pending_key = new_key
        step(1, ROTATE_STEPS)
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.rollback()
        self.engine.dispose()
        fault_point("rotate_key.before_rekey")
        raw = sqlcipher3_connect(self.path, old_key)
        try:
            raw.execute(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
        except Exception as error:
            self._abandon_rotation()
            if is_disk_full(error, self.path.parent):
                raise DiskFull(str(self.path.parent), _("the key was not rotated")) from error
            raise
        finally:
            raw.close()
        if not _key_opens(self.path, new_key):
            # SQLCipher rolls a failed re-key back without raising (seen with EFBIG): the
            # database still answers to the old key, so the rotation is undone, and said.
            self._abandon_rotation()
            if min(free_bytes(self.path.parent), file_size_limit()) < needed:
                raise DiskFull(str(self.path.parent), _("the key was not rotated"))
            raise RegisterError(
                _(
                    "The register could not be re-encrypted, so the key was not rotated; "
                    "nothing was changed and the passphrase and recovery key work as before."
                )
            )
        fault_point("rotate_key.rekeyed")
        step(2, ROTATE_STEPS)
        self._switch_engine(new_key)
        problems = self.integrity_problems()
        if problems:
            raise NotARegister(str(self.path), _("integrity check failed after re-keying"))
        step(3, ROTATE_STEPS)
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.rollback()
        fault_point("rotate_key.checkpointed")
        if self.remembered_backend:
            with contextlib.suppress(RegisterError):
                keyring_store.remember_key(self.keyfile.register_id, new_key)
        fault_point("rotate_key.keyring_updated")
        self.unshown_recovery_key = new_recovery
        step(ROTATE_STEPS, ROTATE_STEPS)
        return new_recovery

    def _abandon_rotation(self) -> None:
        """The re-key failed and was rolled back by SQLite: forget the pending entry."""
        self.keyfile.drop_pending()
        with contextlib.suppress(OSError, RegisterError):
            self.keyfile.save(self.key_path, step="rotate_key.abandon")
        self._switch_engine(self.data_key)

    def _switch_engine(self, data_key: bytes) -> None:
        self.engine.dispose()
        self.engine = make_engine(self.path, data_key)
        self._data_key = data_key
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer_sessions = sessionmaker(
            bind=self.engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"}),
            expire_on_commit=False,
        )

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
                problems.append(
                    _("the database structure cannot be read ({error})").format(error=error.orig)
                )
            connection.rollback()
        return problems

    def backup_to(self, target: Path, progress: Callable[[int, int], None] | None = None) -> Path:
        """An encrypted copy and its key file at ``target``; returns the key file's path."""
        return write_backup(self.engine, self.keyfile, self.data_key, target, progress)

    @property
    def actor(self) -> str:
        """Who the audit trail records: the officer set in Settings, else the OS account."""
        with self.reading() as session:
            value = OFFICER_NAME.read(session)
        if value:
            return value
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
            self._forget_key()
            _unclean_marker(self.path).unlink(missing_ok=True)
            self._lock.release()

    def _forget_key(self) -> None:
        """Drop every pooled connection and every object that holds the raw key (the
        engine's URL and its connect hook): a closed register keeps a keyless engine."""
        self.engine.dispose()
        self.engine = keyless_engine(self.path)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer_sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._data_key = None
        self.keyfile.pending_key = None
        self.unshown_recovery_key = None

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
