"""The SQLCipher engine: keyed with the raw data key, WAL, full sync, foreign keys.

SQLAlchemy's ``sqlite+pysqlcipher`` dialect sends ``PRAGMA key`` as the first statement of
every connection. We hand it the raw-key form ``x'<64 hex digits>'`` (no KDF per open), built
only from bytes we generated and checked against a hex pattern; no PRAGMA ever contains a
string a person typed.

Transactions: the pysqlite driver's implicit transactions do not cover DDL and cannot take a
write lock up front, so we switch them off and emit BEGIN ourselves (SQLAlchemy's documented
recipe). Writers ask for ``BEGIN IMMEDIATE`` so two writers never deadlock half-way.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import NullPool, QueuePool

from grievance_desk.messages import _

_RAW_KEY = re.compile(r"^[0-9a-f]{64}$")
BEGIN_MODE = "begin_mode"
_BEGIN_MODES = {"DEFERRED", "IMMEDIATE", "EXCLUSIVE"}


def raw_key_literal(data_key: bytes) -> str:
    """The raw-key literal for PRAGMA key, refusing anything but 32 bytes of hex."""
    hex_key = data_key.hex()
    if not _RAW_KEY.fullmatch(hex_key):
        raise ValueError(_("The data key must be exactly 32 bytes."))
    return f"x'{hex_key}'"


def sqlcipher_url(db_path: Path, data_key: bytes) -> URL:
    return URL.create(
        "sqlite+pysqlcipher", password=raw_key_literal(data_key), database=str(db_path)
    )


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # The dialect has already sent PRAGMA key. Reading the schema proves the key is right
    # (SQLCipher only decrypts page 1 when it is first needed).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("SELECT count(*) FROM sqlite_master")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten content is zeroed, not left in free pages (purges, edits).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA cache_size=-32000")
        cursor.execute("PRAGMA temp_store=MEMORY")
    finally:
        cursor.close()


def _on_begin(conn: Any) -> None:
    mode = str(conn.get_execution_options().get(BEGIN_MODE, "DEFERRED")).upper()
    if mode not in _BEGIN_MODES:
        raise ValueError(_("Unknown transaction mode {mode}.").format(mode=repr(mode)))
    conn.exec_driver_sql(f"BEGIN {mode}")


@cache
def _quiet_sqlcipher_log() -> None:
    # SQLCipher logs decryption failures to stderr; we report them as messages instead.
    import sqlcipher3

    probe = sqlcipher3.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
    finally:
        probe.close()


def sqlcipher3_connect(db_path: Path, data_key: bytes) -> Any:
    """A bare keyed DB-API connection, for the few statements SQLAlchemy cannot pool (rekey)."""
    import sqlcipher3

    _quiet_sqlcipher_log()
    connection = sqlcipher3.connect(str(db_path), isolation_level=None)
    connection.execute(f'PRAGMA key = "{raw_key_literal(data_key)}"')
    connection.execute("SELECT count(*) FROM sqlite_master")
    return connection


def keyless_engine(db_path: Path) -> Engine:
    """What a closed register keeps: an engine with no key in its URL or connect hook, so
    the raw key does not outlive ``close()``; any query on it fails as a wrong key would."""
    return create_engine(
        URL.create("sqlite+pysqlcipher", database=str(db_path)), poolclass=NullPool
    )


def make_engine(db_path: Path, data_key: bytes) -> Engine:
    """An engine for one register; call ``dispose()`` to drop every pooled connection."""
    _quiet_sqlcipher_log()
    engine = create_engine(
        sqlcipher_url(db_path, data_key),
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine
