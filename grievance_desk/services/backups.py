"""Backups and restore: encrypted copies the officer can rely on.

A restore never replaces the register until the copy has been unlocked, checked (integrity
and audit chain) and found sound; the current register is kept beside it under a
``.replaced-<time>`` name rather than deleted, so a mistaken restore loses nothing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from grievance_desk.services.integrity import VerifyReport, verify_register
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.backup import remove_register_files
from grievance_desk.storage.errors import RegisterError, RegisterExists
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock


class BackupUnsound(RegisterError):
    def __init__(self, path: Path, report: VerifyReport) -> None:
        super().__init__(
            f"The backup {path} failed its checks and was not restored: "
            + " ".join(report.lines())
            + " Try an older backup."
        )


@dataclass(frozen=True)
class BackupResult:
    database: Path
    key_file: Path
    size: int


def backup(register: Register, target: Path, *, now: datetime) -> BackupResult:
    """An encrypted copy plus its key file, consistent while the register is in use."""
    if target.exists() or key_file_for(target).exists():
        raise RegisterExists(str(target))
    key_path = register.backup_to(target)
    with register.writing() as session:
        append_event(
            session,
            action="register.backup",
            actor=register.actor,
            at=now,
            payload={"file": target.name},
        )
    return BackupResult(target, key_path, target.stat().st_size)


def check_backup(backup_path: Path, unlock: Unlock) -> VerifyReport:
    """Unlock and verify a backup where it lies, without changing the live register."""
    with Register.open(backup_path, unlock) as copy:
        return verify_register(copy)


def restore(
    backup_path: Path, register_path: Path, unlock: Unlock, *, force: bool, now: datetime
) -> VerifyReport:
    """Replace the register with a verified backup; refuses to overwrite without ``force``."""
    exists = register_path.exists() or key_file_for(register_path).exists()
    if exists and not force:
        raise RegisterExists(
            f"{register_path} (add --force to replace it; the current one is kept as a "
            ".replaced copy)"
        )
    report = check_backup(backup_path, unlock)
    if not report.ok:
        raise BackupUnsound(backup_path, report)
    register_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = RegisterLock(register_path)
    lock.acquire()
    try:
        stamp = now.strftime("%Y%m%dT%H%M%S")
        if exists:
            for path in (register_path, key_file_for(register_path)):
                if path.exists():
                    path.replace(path.with_name(f"{path.name}.replaced-{stamp}"))
            remove_register_files(register_path)
        partial = register_path.with_name(register_path.name + ".restoring")
        shutil.copyfile(backup_path, partial)
        partial.chmod(0o600)
        partial.replace(register_path)
        shutil.copyfile(key_file_for(backup_path), key_file_for(register_path))
        key_file_for(register_path).chmod(0o600)
    finally:
        lock.release()
    with Register.open(register_path, unlock) as restored:
        with restored.writing() as session:
            append_event(
                session,
                action="register.restored",
                actor=restored.actor,
                at=now,
                payload={"from": backup_path.name},
            )
        return verify_register(restored)
