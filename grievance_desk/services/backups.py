"""Backups and restore: encrypted copies the officer can rely on, and a restore no crash can break.

Restore copies the backup beside the register under a staged name (owner-only), opens the
copy with its key, records the restore in its audit trail, verifies it, fsyncs it, and only
then swaps it in with ``os.replace`` (database and key file as a pair: see
``storage/restore_swap.py``). The current register is kept beside it as
``<name>.replaced-<time>.db`` with its key file, so a mistaken restore loses nothing, and a
kill at any point leaves either the old register or the restored one, each opening with its
own passphrase.
The backup itself is only read, never written beside, so read-only media work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.integrity import VerifyReport, verify_register
from grievance_desk.storage import restore_swap
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import RegisterError, RegisterExists
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.file_safety import (
    DiskFull,
    copy_private,
    is_disk_full,
    require_regular_file,
)
from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.read_only import has_unsaved_journal, open_read_only
from grievance_desk.storage.register import Register, Unlock


class BackupUnsound(RegisterError):
    def __init__(self, path: Path, report: VerifyReport) -> None:
        super().__init__(
            _(
                "The backup {path} failed its checks and was not restored: {findings} Try an "
                "older backup."
            ).format(path=path, findings=" ".join(report.lines()))
        )


class RestoreOntoItself(RegisterError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            _(
                "{path} is the register itself (or its key file), not a backup of it; "
                "restoring it onto itself would destroy it. Nothing was changed. Choose a "
                "backup file."
            ).format(path=path)
        )


@dataclass(frozen=True)
class BackupResult:
    database: Path
    key_file: Path
    size: int


def backup(
    register: Register,
    target: Path,
    *,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> BackupResult:
    """An encrypted copy plus its key file, consistent while the register is in use.

    ``progress(done, total)`` counts bytes copied, for a progress bar.
    """
    require_regular_file(target, _("a backup"))
    require_regular_file(key_file_for(target), _("a backup's key file"))
    if target.exists() or _foreign_key_file(register, key_file_for(target)):
        raise RegisterExists(str(target))
    try:
        key_path = register.backup_to(target, progress)
    except OSError as error:
        if is_disk_full(error):
            raise DiskFull(target.parent, _("the backup")) from error
        raise
    with register.writing() as session:
        append_event(
            session,
            action=AuditAction.REGISTER_BACKUP,
            actor=register.actor,
            at=now,
            payload={"file": target.name},
        )
    return BackupResult(target, key_path, target.stat().st_size)


def _foreign_key_file(register: Register, key_path: Path) -> bool:
    """A key file with no copy beside it is an interrupted backup's, if it is this register's."""
    if not key_path.exists():
        return False
    try:
        return KeyFile.load(key_path).register_id != register.keyfile.register_id
    except (RegisterError, OSError):
        return True


def check_backup(backup_path: Path, unlock: Unlock) -> VerifyReport:
    """Unlock and verify a backup where it lies, writing nothing beside it (read-only media)."""
    require_regular_file(backup_path, _("a backup"))
    require_regular_file(key_file_for(backup_path), _("a backup's key file"))
    with open_read_only(backup_path, unlock) as copy:
        return verify_register(copy)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return a.resolve() == b.resolve()


def _refuse_the_live_register(backup_path: Path, register_path: Path) -> None:
    live = (register_path, key_file_for(register_path))
    given = (backup_path, key_file_for(backup_path))
    if any(_same_file(g, x) for g in given for x in live if g.exists() or x.exists()):
        raise RestoreOntoItself(backup_path)


def restore(
    backup_path: Path,
    register_path: Path,
    unlock: Unlock,
    *,
    force: bool,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> VerifyReport:
    """Replace the register with a verified backup; refuses to overwrite without ``force``.

    ``progress(done, total)`` counts the backup's bytes copied, for a progress bar.
    """
    require_regular_file(backup_path, _("a backup"))
    require_regular_file(key_file_for(backup_path), _("a backup's key file"))
    require_regular_file(register_path, _("the register"))
    _refuse_the_live_register(backup_path, register_path)
    exists = register_path.exists() or key_file_for(register_path).exists()
    if exists and not force:
        raise RegisterExists(
            _(
                "{register_path} (add --force to replace it; the current one is kept as a "
                ".replaced copy)"
            ).format(register_path=register_path)
        )
    if has_unsaved_journal(backup_path):
        raise RegisterError(
            _(
                "{backup_path} has a write-ahead journal beside it, so it is an open register, "
                "not a finished backup. Close it, or restore a backup file."
            ).format(backup_path=backup_path)
        )
    # Unwrap the key once, from the backup's key file (read only), before copying anything.
    keyfile, data_key = Register.unlock_key(backup_path, unlock)
    register_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    restore_swap.recover_interrupted_restore(register_path)
    lock = RegisterLock(register_path)
    lock.acquire()
    try:
        try:
            kept = restore_swap.begin(register_path, now.strftime("%Y%m%dT%H%M%S"))
            report = _stage(backup_path, register_path, keyfile, data_key, now, progress)
        except OSError as error:
            restore_swap.abandon(register_path)
            if is_disk_full(error):
                raise DiskFull(register_path.parent, _("the restored copy")) from error
            raise
        except BaseException:
            restore_swap.abandon(register_path)
            raise
        if not report.ok:
            restore_swap.abandon(register_path)
            raise BackupUnsound(backup_path, report)
        try:
            restore_swap.swap_in(register_path, kept)
        except OSError as error:
            # Only keeping the current pair can fail for want of room (a copy where the file
            # system has no hard links): the register has not been touched yet.
            if restore_swap.staged_for(register_path).exists():
                restore_swap.abandon(register_path)
            if is_disk_full(error):
                raise DiskFull(register_path.parent, _("a copy of the current register")) from error
            raise
    finally:
        lock.release()
    return report


def _stage(
    backup_path: Path,
    register_path: Path,
    keyfile: KeyFile,
    data_key: bytes,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> VerifyReport:
    """Copy the backup beside the register, record the restore in it, and verify the result."""
    staged = restore_swap.staged_for(register_path)
    copy_private(
        backup_path,
        staged,
        "a backup",
        after_chunk=lambda: fault_point("restore.copying"),
        progress=progress,
    )
    fault_point("restore.database_staged")
    copy_private(key_file_for(backup_path), key_file_for(staged), _("a backup's key file"))
    fault_point("restore.key_staged")
    with Register.open_with_key(staged, keyfile, data_key) as copy:
        report = verify_register(copy)
        if not report.ok:
            return report
        with copy.writing() as session:
            append_event(
                session,
                action=AuditAction.REGISTER_RESTORED,
                actor=copy.actor,
                at=now,
                payload={"from": backup_path.name},
            )
        fault_point("restore.recorded")
        report = verify_register(copy)
    if has_unsaved_journal(staged):
        raise RegisterError(
            _(
                "The restored copy could not be folded into one file; nothing was changed. Try "
                "the restore again."
            )
        )
    restore_swap.fsync_file(staged)
    restore_swap.fsync_file(key_file_for(staged))
    fault_point("restore.checked")
    return report
