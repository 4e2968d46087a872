"""Encrypted copies of a register that stay consistent while it is in use.

The copy is the register's own encrypted file, byte for byte: SQLCipher encrypts every page
with the data key, so the bytes on disk are already a standard SQLCipher file that opens with
the same key (and the same salt, which the key file copy records). Copying bytes runs at disk
speed; re-encrypting through ``sqlcipher_export`` or SQLite's backup API ran at ~115 MB/s
(17 s for a 2 GB register), because both decrypt and re-encrypt every page.

Consistency: the WAL is checkpointed and truncated, then a read transaction starts. When the
WAL is still empty after that, the reader is reading the database file alone (SQLite's read
lock 0), and no checkpoint can write into the file until it ends, however much the app
writes meanwhile (its writes wait in the WAL). So the file is frozen at that snapshot while
it is copied. If a write slipped in between, the attempt is repeated; if the WAL never stays
empty, or the file cannot be read (a mandatory lock on Windows), ``sqlcipher_export`` into a
new file attached with the same key is the fallback.

The copy is written beside its target as ``.partial`` (mode 0600 from the start), fsynced
and renamed into place, so a crash mid-way never leaves a half backup under the real name;
the ``.partial`` is removed on any failure (a full disk included) and noted in the scratch
journal, so a kill's leftover is swept at the next start. A copy of the key file, with the
copy's salt, is written before the rename: the pair opens with the same passphrase or
recovery key, and a database under a backup's name always has its key file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from grievance_desk.messages import _
from grievance_desk.storage.engine import raw_key_literal
from grievance_desk.storage.fault_points import fault_point
from grievance_desk.storage.file_safety import fsync_file
from grievance_desk.storage.keyfile import KeyFile, database_salt
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.scratch import tracked

_ATTEMPTS = 20
_NO_ROOM = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_CHUNK = 8 * 1024 * 1024

# POSIX: descriptors on register files, kept open until the file is deleted or replaced.
# Closing any descriptor on a file drops every fcntl lock the process holds on it, SQLite's
# included (https://sqlite.org/howtocorrupt.html, "POSIX advisory locks canceled by a
# separate thread doing close()"), so the copy reads through one descriptor per file that
# is not closed while SQLite may hold locks on that file.
_SOURCES: dict[str, int] = {}
_SOURCES_LOCK = threading.Lock()
_KEEP_OPEN = os.name != "nt"


class _WalNotEmpty(Exception):
    """A write slipped in between the checkpoint and the snapshot; try again."""


def _fsync(path: Path) -> None:
    """Flush the copy (a writable handle on Windows, where ``_commit`` needs one)."""
    fsync_file(path)


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name == "nt":
        return
    _fsync(folder)


def _database_path(cursor: Any) -> Path:
    for _seq, name, file in cursor.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    raise ValueError(_("an in-memory database has no file to copy"))


@contextlib.contextmanager
def _source(path: Path) -> Iterator[int]:
    """A read descriptor on the register file for the copy.

    On POSIX it is kept open and reused (see ``_SOURCES``). Windows locks are per handle, so
    closing one is harmless there, and a handle left open would stop a restore from renaming
    the register: there it is opened and closed each time.
    """
    if not _KEEP_OPEN:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            yield fd
        finally:
            os.close(fd)
        return
    with _SOURCES_LOCK:
        fd = _open_source(str(path.resolve()))
    yield fd


def _open_source(key: str) -> int:
    for path, fd in list(_SOURCES.items()):
        if not _still_there(path, fd):
            # Deleted or replaced (a restore): no SQLite connection is on that file any more.
            del _SOURCES[path]
            os.close(fd)
    found = _SOURCES.get(key)
    if found is None:
        found = _SOURCES[key] = os.open(key, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    return found


def _still_there(path: str, fd: int) -> bool:
    try:
        now = Path(path).stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)


def _wal_empty(db_path: Path) -> bool:
    try:
        return db_path.with_name(db_path.name + "-wal").stat().st_size == 0
    except FileNotFoundError:
        return True


def _read_at(fd: int, length: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, length, offset)
    os.lseek(fd, offset, os.SEEK_SET)  # Windows: no pread, and this descriptor is ours alone
    return os.read(fd, length)


#: ``progress(done, total)`` in bytes, for the CLI's bar and the app's progress box.
Progress = Callable[[int, int], None]


def _copy_bytes(source: int, size: int, partial: Path, progress: Progress | None = None) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    out = os.open(partial, flags, 0o600)
    try:
        offset = 0
        while offset < size:
            chunk = _read_at(source, min(_CHUNK, size - offset), offset)
            if not chunk:
                raise OSError(
                    _("the register file ended at {offset} of {size} bytes").format(
                        offset=offset, size=size
                    )
                )
            view = memoryview(chunk)
            while view:
                written = os.write(out, view)
                view = view[written:]
            offset += len(chunk)
            if progress is not None:
                progress(offset, size)
            fault_point("backup.copying")
        os.fsync(out)
    finally:
        os.close(out)


def _copy_snapshot(
    cursor: Any, db_path: Path, partial: Path, progress: Progress | None = None
) -> None:
    """Copy the file while a read transaction holds it still; _WalNotEmpty if it cannot."""
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cursor.execute("BEGIN DEFERRED")
    try:
        cursor.execute("SELECT count(*) FROM sqlite_master")  # the snapshot starts here
        pages = int(cursor.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(cursor.execute("PRAGMA page_size").fetchone()[0])
        if not _wal_empty(db_path):
            raise _WalNotEmpty
        size = pages * page_size
        with _source(db_path) as source:
            if os.fstat(source).st_size < size:
                raise _WalNotEmpty  # not all checkpointed into the file yet
            _copy_bytes(source, size, partial, progress)
    finally:
        cursor.execute("ROLLBACK")


def _export(cursor: Any, partial: Path, data_key: bytes) -> None:
    """The slow fallback: SQLCipher's logical export into a new file keyed the same way."""
    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    cursor.execute(
        "ATTACH DATABASE ? AS backup_copy KEY ?", (str(partial), raw_key_literal(data_key))
    )
    try:
        cursor.execute("SELECT sqlcipher_export('backup_copy')")
    finally:
        cursor.execute("DETACH DATABASE backup_copy")
    partial.chmod(0o600)
    _fsync(partial)


def _copy_to_partial(
    engine: Engine, partial: Path, data_key: bytes, progress: Progress | None = None
) -> None:
    """The consistent copy, under the ``.partial`` name (removed by the caller on failure)."""
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        db_path = _database_path(cursor)
        copied = False
        for attempt in range(_ATTEMPTS):
            try:
                _copy_snapshot(cursor, db_path, partial, progress)
                copied = True
                break
            except _WalNotEmpty:
                partial.unlink(missing_ok=True)
                time.sleep(0.01 * (attempt + 1))
            except OSError as error:
                partial.unlink(missing_ok=True)
                if error.errno in _NO_ROOM:
                    raise  # the fallback would fill the same disk
                break
        if not copied:
            _export(cursor, partial, data_key)
        cursor.close()
    finally:
        raw.close()
    fault_point("backup.copied")


def write_backup(
    engine: Engine,
    keyfile: KeyFile,
    data_key: bytes,
    target: Path,
    progress: Progress | None = None,
) -> Path:
    """An encrypted copy plus its key file; returns the key file's path.

    Order: the copy is made under ``.partial``; its key file is written (atomically) under
    the final name; then the copy is renamed into place. So a database under a backup's name
    always has its key file, and a crash or a full disk leaves at most a ``.partial`` (swept
    at the next start, pruned from the automatic backup folder) and a key file alone.
    """
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(target.name + ".partial")
    key_path = key_file_for(target)
    wrote_key = False
    with tracked(partial):
        try:
            _copy_to_partial(engine, partial, data_key, progress)
            copy = KeyFile(
                register_id=keyfile.register_id,
                slots=dict(keyfile.slots),
                database_salt=database_salt(partial),
                extra={k: v for k, v in keyfile.extra.items() if k != "remembered"},
            )
            wrote_key = True
            copy.save(key_path)
            _fsync_dir(target.parent)
            fault_point("backup.key_written")
            partial.replace(target)
            _fsync_dir(target.parent)
            fault_point("backup.done")
        except BaseException:
            if wrote_key and not target.exists():
                for path in (key_path, key_path.with_name(key_path.name + ".tmp")):
                    with contextlib.suppress(OSError):
                        path.unlink()
            raise
    return key_path


def remove_register_files(db_path: Path) -> None:
    """Delete a register's WAL and shared-memory files before a restored copy takes its place."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
