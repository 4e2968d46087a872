"""Open a register copy without writing a byte beside it: backups on read-only media.

A normal open takes the lock file, leaves an unclean-shutdown marker, switches on WAL (which
creates ``-wal`` and ``-shm`` files) and may migrate: all writes, so a backup on a DVD, a
write-protected USB stick or a read-only share could be neither checked nor restored from.
Here SQLite opens the file as ``immutable`` (no locks, no journal, no shared memory), keyed as
usual; the result answers ``verify`` and can be read, never written.

Only for a file nobody is writing: immutable means SQLite trusts the bytes not to change, and
it would not see a WAL, so a file with a non-empty ``-wal`` beside it is refused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DatabaseError
from sqlalchemy.pool import NullPool

from grievance_desk.messages import _
from grievance_desk.storage.engine import raw_key_literal
from grievance_desk.storage.errors import NotARegister, RegisterError
from grievance_desk.storage.lock import RegisterLock
from grievance_desk.storage.register import Register, Unlock


class ReadOnlyRegister(Register):
    """A register opened immutable: reading and ``verify`` only; closing writes nothing."""

    def close(self) -> None:
        self.engine.dispose()
        self._data_key = None


def _connect_immutable(db_path: Path) -> Any:
    import sqlcipher3

    uri = db_path.resolve().as_uri() + "?immutable=1"
    return sqlcipher3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def _on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN DEFERRED")


def immutable_engine(db_path: Path, data_key: bytes) -> Engine:
    """An engine that reads the file as it is; SQLAlchemy's dialect sends the key first."""
    url = URL.create("sqlite+pysqlcipher", password=raw_key_literal(data_key), database="")
    engine = create_engine(url, creator=lambda: _connect_immutable(db_path), poolclass=NullPool)
    event.listen(engine, "begin", _on_begin)
    return engine


def has_unsaved_journal(db_path: Path) -> bool:
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except FileNotFoundError:
        return False


def open_read_only(path: Path, unlock: Unlock) -> ReadOnlyRegister:
    """Unlock and open ``path`` without writing beside it; raises a RegisterError to show."""
    if has_unsaved_journal(path):
        raise RegisterError(
            _(
                "{path} has a write-ahead journal beside it ({name}-wal), so it is in use or "
                "was not closed cleanly and cannot be checked read-only. Open it normally from "
                "a folder you can write to."
            ).format(path=path, name=path.name)
        )
    keyfile, data_key = Register.unlock_key(path, unlock)
    engine = immutable_engine(path, data_key)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT count(*) FROM sqlite_master"))
            connection.rollback()
    except DatabaseError as error:
        engine.dispose()
        raise NotARegister(
            str(path), _("it cannot be decrypted with this key, or its pages are damaged")
        ) from error
    return ReadOnlyRegister(path, keyfile, data_key, engine, RegisterLock(path))
