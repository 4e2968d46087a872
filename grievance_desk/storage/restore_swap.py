"""Put a checked copy in place of a register and its key file, so no crash can split the pair.

A register is two files that must match: the database and its key file (which records the
database's salt). Two renames cannot be one atomic step, so a restore writes a small journal
first and walks these steps, each durable (fsync) before the next:

1. ``journal``: ``<register>.restore-journal`` names the staged pair and where the current
   pair will be kept;
2. the staged copy ``<register>.restoring.db`` and its key file are written and checked
   (the caller does this);
3. the current pair is kept as ``<name>.replaced-<time>.db`` and ``.gdkey`` (hard links, so
   the live files never leave their place; a copy where the file system has no links), a
   pair that opens as it is, and its WAL, which belongs to it, moves along with it;
4. ``os.replace`` the database, then the key file;
5. the journal is removed.

``recover_interrupted_restore`` runs before every unlock: while the staged database still
exists the live register was never touched, so the restore is rolled back (staged files
removed, the WAL put back); once the database has been replaced, the staged key file is
moved into place, finishing it. Either way the register opens with the passphrase of the
pair that is in place, and a kill at any step loses nothing.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from grievance_desk.messages import _
from grievance_desk.storage import file_safety
from grievance_desk.storage.errors import RegisterError, RegisterInUse
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.keyfile import KeyFile, database_salt
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.paths import key_file_for

JOURNAL_SUFFIX = ".restore-journal"
STAGED_SUFFIX = ".restoring.db"
# Files SQLite and the register open beside a database; the staged copy gets them too.
_BESIDE = ("-wal", "-shm", "-journal", ".lock", ".open", ".attempts")
# What belongs to the replaced register and moves with it to its kept name.
_TRAVELS = ("-wal", ".open")


def journal_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + JOURNAL_SUFFIX)


def staged_for(db_path: Path) -> Path:
    """The staged copy's name: beside the register, so the final rename is atomic."""
    return db_path.with_name(db_path.name + STAGED_SUFFIX)


def fsync_file(path: Path) -> None:
    """Flush a staged or kept file (a writable handle on Windows: see file_safety)."""
    file_safety.fsync_file(path)


def fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "nt":
        fsync_file(folder)


@dataclass(frozen=True)
class Kept:
    """Where the replaced register and key file were kept (None when there was none)."""

    database: Path | None
    key_file: Path | None


def _kept_names(db_path: Path, stamp: str) -> tuple[Path, Path]:
    """``register.replaced-<time>.db`` and its ``.gdkey``: a pair that opens as it is."""
    for n in range(100):
        tail = f".replaced-{stamp}" + (f"-{n}" if n else "")
        kept_db = db_path.with_name(f"{db_path.stem}{tail}{db_path.suffix or '.db'}")
        kept_key = key_file_for(kept_db)
        if not kept_db.exists() and not kept_key.exists():
            return kept_db, kept_key
    raise FileExistsError(
        _("too many replaced copies of {name} at {stamp}").format(name=db_path.name, stamp=stamp)
    )


def begin(db_path: Path, stamp: str) -> Kept:
    """Step 1: record the plan. The caller holds the register's lock from here to ``finish``."""
    kept_db, kept_key = _kept_names(db_path, stamp)
    had_db, had_key = db_path.exists(), key_file_for(db_path).exists()
    plan = {
        "staged": staged_for(db_path).name,
        "kept_database": kept_db.name if had_db else None,
        "kept_key_file": kept_key.name if had_key else None,
    }
    _write_private(journal_for(db_path), json.dumps(plan).encode("utf-8"))
    fsync_dir(db_path.parent)
    fault_point("restore.journal_written")
    return Kept(kept_db if had_db else None, kept_key if had_key else None)


def _write_private(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
    tmp.replace(path)


def _keep(live: Path, kept: Path) -> None:
    """A second name for the live file; a durable copy where hard links are not allowed."""
    try:
        os.link(live, kept)
    except OSError:
        shutil.copyfile(live, kept)
        kept.chmod(0o600)
        fsync_file(kept)


def swap_in(db_path: Path, kept: Kept) -> None:
    """Steps 3–5: keep the current pair, put the staged pair in place, drop the journal."""
    key_path = key_file_for(db_path)
    staged = staged_for(db_path)
    if kept.database is not None:
        _keep(db_path, kept.database)
    if kept.key_file is not None:
        _keep(key_path, kept.key_file)
    fsync_dir(db_path.parent)
    fault_point("restore.old_kept")
    if kept.database is not None:
        _move_wal(db_path, kept.database)
    fault_point("restore.wal_moved")
    staged.replace(db_path)
    fsync_dir(db_path.parent)
    fault_point("restore.database_replaced")
    key_file_for(staged).replace(key_path)
    fsync_dir(db_path.parent)
    fault_point("restore.key_replaced")
    _remove_staged(db_path)
    journal_for(db_path).unlink()
    fsync_dir(db_path.parent)
    fault_point("restore.journal_removed")


def _move_wal(db_path: Path, kept_db: Path) -> None:
    """The live WAL may hold the last commits of the replaced register: it goes with it, and
    so does its unclean-shutdown marker (the kept copy is checked when it is next opened)."""
    for suffix in _TRAVELS:
        own = db_path.with_name(db_path.name + suffix)
        if own.exists():
            own.replace(kept_db.with_name(kept_db.name + suffix))
    with contextlib.suppress(FileNotFoundError):
        db_path.with_name(db_path.name + "-shm").unlink()
    fsync_dir(db_path.parent)


def _remove_staged(db_path: Path) -> None:
    staged = staged_for(db_path)
    staged_key = key_file_for(staged)
    # The key file goes first: a staged key file without its staged database means "the
    # database was already swapped in", which recovery finishes.
    for path in (
        staged_key.with_name(staged_key.name + ".tmp"),
        staged_key,
        *(staged.with_name(staged.name + s) for s in _BESIDE),
        staged,
    ):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    # A copy made by an older version is migrated when checked, after a backup of its own.
    for leftover in staged.parent.glob(glob.escape(staged.stem) + ".before-migration-*"):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def abandon(db_path: Path) -> None:
    """A restore that failed before the swap: remove what it staged; the register is as it was."""
    _roll_back(db_path, _read_plan(db_path))


def _read_plan(db_path: Path) -> dict[str, object]:
    try:
        plan = json.loads(journal_for(db_path).read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return plan if isinstance(plan, dict) else {}


def _roll_back(db_path: Path, plan: dict[str, object]) -> None:
    kept_db = plan.get("kept_database")
    kept_key = plan.get("kept_key_file")
    if isinstance(kept_db, str):
        kept = db_path.with_name(kept_db)
        for suffix in _TRAVELS:
            moved = kept.with_name(kept.name + suffix)
            own = db_path.with_name(db_path.name + suffix)
            if moved.exists() and not own.exists():
                moved.replace(own)
        _drop_second_name(db_path, kept)
    if isinstance(kept_key, str):
        _drop_second_name(key_file_for(db_path), db_path.with_name(kept_key))
    _remove_staged(db_path)
    journal = journal_for(db_path)
    for path in (journal, journal.with_name(journal.name + ".tmp")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    fsync_dir(db_path.parent)


def _drop_second_name(live: Path, kept: Path) -> None:
    """Remove a kept name made by this restore, only while the live file is still there."""
    if kept.exists() and live.exists():
        kept.unlink()


def _belongs_to(key_path: Path, db_path: Path) -> bool:
    """The key file records this database's salt (the swapped-in copy is the one in place)."""
    try:
        return KeyFile.load(key_path).database_salt == database_salt(db_path)
    except (RegisterError, OSError):
        return False


def recover_interrupted_restore(db_path: Path) -> str | None:
    """Finish or roll back a restore a crash interrupted; says which, or None if there was none.

    Called before every unlock. A restore still running in another process holds the lock,
    so it is left alone.
    """
    if not journal_for(db_path).exists():
        return None
    lock = RegisterLock(db_path)
    try:
        lock.acquire(timeout=0.1)
    except RegisterInUse:
        return None
    try:
        plan = _read_plan(db_path)
        staged = staged_for(db_path)
        if staged.exists() or not plan:
            _roll_back(db_path, plan)
            return "rolled back"
        staged_key = key_file_for(staged)
        if staged_key.exists() and _belongs_to(staged_key, db_path):
            staged_key.replace(key_file_for(db_path))
        _remove_staged(db_path)
        with contextlib.suppress(FileNotFoundError):
            journal_for(db_path).unlink()
        fsync_dir(db_path.parent)
        return "finished"
    finally:
        lock.release()
