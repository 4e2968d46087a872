"""Encrypted copies of a register that stay consistent while it is in use.

The WAL is checkpointed first, then SQLCipher's own ``sqlcipher_export`` writes every table
into a new encrypted file attached with the same data key. The copy is written beside its
target and renamed into place, so a crash mid-way never leaves a half backup under the real
name. A copy of the key file, updated with the new file's salt, goes beside it: the pair opens
with the same passphrase or recovery key.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import Engine

from grievance_desk.storage.engine import raw_key_literal
from grievance_desk.storage.keyfile import KeyFile, database_salt
from grievance_desk.storage.paths import key_file_for


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def export_encrypted(engine: Engine, target: Path, data_key: bytes) -> None:
    """Write an encrypted, self-contained copy of the open database to ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute(
            "ATTACH DATABASE ? AS backup_copy KEY ?", (str(partial), raw_key_literal(data_key))
        )
        try:
            cursor.execute("SELECT sqlcipher_export('backup_copy')")
        finally:
            cursor.execute("DETACH DATABASE backup_copy")
        cursor.close()
    finally:
        raw.close()
    partial.chmod(0o600)
    _fsync(partial)
    partial.replace(target)


def write_backup(engine: Engine, keyfile: KeyFile, data_key: bytes, target: Path) -> Path:
    """An encrypted copy plus its key file; returns the key file's path."""
    export_encrypted(engine, target, data_key)
    copy = KeyFile(
        register_id=keyfile.register_id,
        slots=dict(keyfile.slots),
        database_salt=database_salt(target),
        extra={k: v for k, v in keyfile.extra.items() if k != "remembered"},
    )
    key_path = key_file_for(target)
    copy.save(key_path)
    return key_path


def remove_register_files(db_path: Path) -> None:
    """Delete a register's WAL and shared-memory files before a restored copy takes its place."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            db_path.with_name(db_path.name + suffix).unlink()
