"""Automatic backups: an encrypted copy when the app closes, at most once a day, kept in a
rotating set.

An officer who never thinks about backups still has last week's register when the laptop's
disk fails or a file is damaged. Each copy is the SQLCipher export ``Register.backup_to``
writes (encrypted with the same key, with its key file beside it), named by the UTC moment it
was taken so the names sort by age. Only files named that way are ever rotated out, so nothing
else in the folder is touched. The folder is the officer's choice (setting ``backups.folder``;
default ``backups/`` beside the register); it is also noted in the key file, which is not
encrypted, so the app can offer these backups even when the register itself cannot be opened.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _, ngettext
from grievance_desk.services.cases import officer_zone
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.errors import RegisterError
from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for, make_private_dir
from grievance_desk.storage.register import SQLITE_PLAIN_HEADER, Register
from grievance_desk.storage.settings_registry import BACKUPS_FOLDER, BACKUPS_KEEP

__all__ = [
    "DEFAULT_KEEP",
    "FOLDER_SETTING",
    "KEEP_SETTING",
    "AutoBackup",
    "AutoBackupError",
    "backup_folder",
    "backup_if_due",
    "backup_now",
    "backups_to_keep",
    "holding_erased_data",
    "list_backups",
    "restore_latest_candidates",
    "set_backup_settings",
]

FOLDER_SETTING = BACKUPS_FOLDER.key
KEEP_SETTING = BACKUPS_KEEP.key
DEFAULT_KEEP: int = BACKUPS_KEEP.default
DEFAULT_FOLDER_NAME = "backups"
KEY_FILE_HINT = "auto_backups_folder"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"^(?P<stem>.+)-auto-(?P<stamp>\d{8}T\d{6}Z)\.db$")


class AutoBackupError(RegisterError):
    """An automatic backup could not be written; the message names the folder and the fix."""


@dataclass(frozen=True)
class AutoBackup:
    """One automatic backup: the encrypted copy, its key file, when it was taken and its size.

    ``problem`` is empty for a copy that looks whole without unlocking it (both files present,
    encrypted, the key file belongs to it); a restore still verifies it fully.
    """

    path: Path
    key_file: Path
    taken_at: datetime
    size: int
    problem: str = ""

    @property
    def usable(self) -> bool:
        return not self.problem


def _default_folder(register_path: Path) -> Path:
    return register_path.parent / DEFAULT_FOLDER_NAME


def backup_folder(register: Register) -> Path:
    """Where automatic backups go: the officer's chosen folder, else ``backups/`` beside it."""
    with register.reading() as session:
        chosen = BACKUPS_FOLDER.read(session)
    return Path(chosen).expanduser() if chosen else _default_folder(register.path)


def backups_to_keep(register: Register) -> int:
    """How many automatic backups the rotation keeps (``backups.keep``, default 14)."""
    return _keep(register)


def _keep(register: Register) -> int:
    with register.reading() as session:
        value = BACKUPS_KEEP.read(session)
    return value if isinstance(value, int) and value >= 1 else DEFAULT_KEEP


def set_backup_settings(
    register: Register,
    *,
    now: datetime,
    folder: Path | None = None,
    keep: int | None = None,
) -> None:
    """Choose the backup folder and how many copies to keep (recorded in the audit trail).

    The folder is created now (private to the officer's account) so a mistyped or read-only
    location is reported while the officer is looking, not silently at the next close.
    """
    if keep is not None and not 1 <= keep <= 1000:
        raise AutoBackupError(
            _(
                "Keep between 1 and 1000 automatic backups ({keep} was asked for); 14 covers "
                "two weeks of working days."
            ).format(keep=keep)
        )
    if folder is not None:
        folder = folder.expanduser().resolve()
        try:
            make_private_dir(folder)
        except OSError as error:
            raise AutoBackupError(
                _(
                    "The backup folder {folder} cannot be created ({value}). Choose a folder you "
                    "can write to."
                ).format(folder=folder, value=error.strerror or error)
            ) from error
    with register.writing() as session:
        changes: dict[str, object] = {}
        if folder is not None:
            BACKUPS_FOLDER.write(session, str(folder))
            changes["folder"] = str(folder)
        if keep is not None:
            BACKUPS_KEEP.write(session, keep)
            changes["keep"] = keep
        if changes:
            append_event(
                session,
                action=AuditAction.SETTINGS_CHANGED,
                actor=register.actor,
                at=now,
                payload={"key": "backups", "after": changes},
            )
    if folder is not None:
        register.keyfile.extra[KEY_FILE_HINT] = str(folder)
        register.keyfile.save(register.key_path)


def _taken_at(path: Path) -> datetime | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    return datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)


def _problem(path: Path, key_path: Path) -> str:
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as error:
        return _("it cannot be read ({error})").format(error=error.strerror or error)
    if len(head) < 16:
        return _("it is empty or cut short")
    if head == SQLITE_PLAIN_HEADER:
        return _("it is not encrypted")
    if not key_path.exists():
        return _("its key file {name} is missing").format(name=key_path.name)
    try:
        keyfile = KeyFile.load(key_path)
    except RegisterError:
        return _("its key file {name} is damaged").format(name=key_path.name)
    if keyfile.database_salt and keyfile.database_salt != head.hex():
        return _("its key file {name} belongs to another copy").format(name=key_path.name)
    return ""


def _scan(folder: Path, stem: str | None) -> list[AutoBackup]:
    if not folder.is_dir():
        return []
    found: list[AutoBackup] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        taken = _taken_at(path)
        if match is None or taken is None or (stem is not None and match["stem"] != stem):
            continue
        key_path = key_file_for(path)
        found.append(
            AutoBackup(path, key_path, taken, path.stat().st_size, _problem(path, key_path))
        )
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def list_backups(register: Register) -> list[AutoBackup]:
    """This register's automatic backups, newest first."""
    return _scan(backup_folder(register), register.path.stem)


@dataclass(frozen=True)
class BackupStatus:
    """What the Settings page shows: the folder, how many to keep, the copies there now."""

    folder: Path
    keep: int
    backups: list[AutoBackup]
    zone: ZoneInfo


def backup_status(register: Register) -> BackupStatus:
    """Read the backup settings and list the copies (off the GUI thread: it scans a folder)."""
    with register.reading() as session:
        zone = officer_zone(session)
    return BackupStatus(
        backup_folder(register), backups_to_keep(register), list_backups(register), zone
    )


def _prune(folder: Path, stem: str, keep: int) -> list[Path]:
    removed: list[Path] = []
    for old in _scan(folder, stem)[keep:]:
        for path in (old.path, old.key_file):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        removed.append(old.path)
    return removed + _prune_orphans(folder, stem)


def _prune_orphans(folder: Path, stem: str) -> list[Path]:
    """What an interrupted automatic backup of this register left: ``.partial`` copies and
    key files without their copy (the copy is renamed in last, so these are never a whole
    backup). Runs after a backup of the same register, which holds its lock, so no other
    backup of it is being written."""
    removed: list[Path] = []
    for path in folder.glob(glob.escape(stem) + "-auto-*"):
        name = path.name
        if name.endswith(".db.partial"):
            database = name.removesuffix(".partial")
        elif name.endswith(".gdkey.tmp"):
            database = name.removesuffix(".gdkey.tmp") + ".db"
        elif name.endswith(".gdkey") and not path.with_suffix(".db").exists():
            database = name.removesuffix(".gdkey") + ".db"
        else:
            continue
        match = _NAME.match(database)
        if match is not None and match["stem"] == stem:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            removed.append(path)
    return removed


def backup_now(register: Register, *, now: datetime) -> AutoBackup:
    """Write one automatic backup now, then keep only the newest ``backups.keep`` copies.

    A failure (disk full, folder gone or read-only) leaves no partial copy behind and raises
    AutoBackupError naming the folder; the register itself is never affected.
    """
    folder = backup_folder(register)
    stamp = now.astimezone(UTC).strftime(_STAMP)
    target = folder / f"{register.path.stem}-auto-{stamp}.db"
    if target.exists():
        raise AutoBackupError(
            _("An automatic backup {name} was already taken this second.").format(name=target.name)
        )
    try:
        make_private_dir(folder)
        key_path = register.backup_to(target)
    except OSError as error:
        _clean_partial(target)
        raise AutoBackupError(_os_message(folder, error)) from error
    except Exception:
        _clean_partial(target)
        raise
    with register.writing() as session:
        append_event(
            session,
            action=AuditAction.REGISTER_BACKUP,
            actor=register.actor,
            at=now,
            payload={"file": target.name, "automatic": True},
        )
    _prune(folder, register.path.stem, _keep(register))
    return AutoBackup(target, key_path, _taken_at(target) or now, target.stat().st_size)


def _clean_partial(target: Path) -> None:
    for path in (
        target.with_name(target.name + ".partial"),
        target,
        key_file_for(target),
        key_file_for(target).with_name(key_file_for(target).name + ".tmp"),
    ):
        with contextlib.suppress(OSError):
            path.unlink()


def _os_message(folder: Path, error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        why = _("the disk is full")
        fix = _("Free some space or choose a backup folder on another disk in Settings.")
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = _("the folder cannot be written to")
        fix = _("Choose a backup folder you can write to in Settings.")
    else:
        why = error.strerror or str(error)
        fix = _("Check the backup folder in Settings.")
    return _(
        "The automatic backup could not be written to {folder} ({why}). Nothing was "
        "changed in the register. {fix}"
    ).format(folder=folder, why=why, fix=fix)


def holding_erased_data(register: Register, *, purged_at: datetime) -> list[str]:
    """Lines for the officer after a purge: which automatic backups still hold what was erased.

    A purge cannot reach into backups (each is a sealed copy, with its own audit chain), so
    the copies taken before it keep the erased data, encrypted, until the rotation removes
    them: the newest ``backups.keep`` are kept and one is taken at most once a day.
    """
    older = [b for b in list_backups(register) if b.taken_at <= purged_at]
    if not older:
        return []
    keep = _keep(register)
    return [
        ngettext(
            "{count} automatic backup(s) taken before this purge still hold the erased data "
            "(encrypted): {names}. They rotate out as new ones are taken (the newest {keep} are "
            "kept, at most one a day), or delete them now in {folder}.",
            "{count} automatic backup(s) taken before this purge still hold the erased data "
            "(encrypted): {names}. They rotate out as new ones are taken (the newest {keep} are "
            "kept, at most one a day), or delete them now in {folder}.",
            len(older),
        ).format(
            count=len(older),
            names=", ".join(b.path.name for b in older),
            keep=keep,
            folder=backup_folder(register),
        ),
        _(
            "Manual backups and the .replaced and .before-migration copies keep it until you "
            "delete them."
        ),
    ]


def backup_if_due(register: Register, *, now: datetime) -> AutoBackup | None:
    """On close: back up unless a backup was already taken today (the officer's day).

    Returns the new backup, or None when today's copy exists. The UI calls this off the GUI
    thread when the officer closes the register or quits.
    """
    with register.reading() as session:
        zone = officer_zone(session)
    existing = list_backups(register)
    today = now.astimezone(zone).date()
    if existing and existing[0].taken_at.astimezone(zone).date() >= today:
        return None
    return backup_now(register, now=now)


def restore_latest_candidates(register_path: Path, folder: Path | None = None) -> list[AutoBackup]:
    """Backups to offer when a register cannot be opened, newest usable first.

    Works without the key: the folder is ``folder`` if given, else the one noted in the key
    file (if it can still be read), else ``backups/`` beside the register. Copies with a
    visible problem are listed after the usable ones, with the problem named.
    """
    folders: list[Path] = []
    if folder is not None:
        folders.append(folder.expanduser())
    else:
        with contextlib.suppress(RegisterError, OSError):
            hint = KeyFile.load(key_file_for(register_path)).extra.get(KEY_FILE_HINT)
            if isinstance(hint, str) and hint:
                folders.append(Path(hint))
        folders.append(_default_folder(register_path))
    seen: set[Path] = set()
    found: list[AutoBackup] = []
    for candidate in folders:
        for backup in _scan(candidate, register_path.stem):
            if backup.path not in seen:
                seen.add(backup.path)
                found.append(backup)
    found.sort(key=lambda b: (not b.usable, -b.taken_at.timestamp()))
    return found
