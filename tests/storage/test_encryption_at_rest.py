"""What is on disk: no personal data in the clear, and a standard SQLCipher 4 file."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from grievance_desk.domain.case_record import Requester
from grievance_desk.services.cases import register_case
from grievance_desk.storage.paths import companions
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE
from tests.support.drafts import make_draft

MARKER = "ZEBRA-MARKER-7f3a"


def _files_contain(path: Path, needle: bytes) -> list[str]:
    return [p.name for p in companions(path) if p.exists() and needle in p.read_bytes()]


def test_marker_never_appears_in_database_wal_or_key_file(register_path: Path) -> None:
    register, _ = Register.create(register_path, PASSPHRASE)
    draft = make_draft(
        requester=Requester(name=f"Test {MARKER}", email="marker@example.org"),
        description=f"The marker {MARKER} is in the description too.",
    )
    register_case(register, draft, now=NOW)
    # After commit, with the WAL still holding the change.
    wal = register_path.with_name(register_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0
    for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), b"marker@example.org"):
        assert _files_contain(register_path, needle) == []
    register.close()
    for needle in (MARKER.encode(), b"marker@example.org"):
        assert _files_contain(register_path, needle) == []


def test_any_sqlcipher4_client_reads_it_with_the_raw_key(register_path: Path) -> None:
    register, _ = Register.create(register_path, PASSPHRASE)
    reference = register_case(register, make_draft(), now=NOW)
    raw_key = register.data_key.hex()
    register.close()

    # No project code below: the sqlcipher3 module alone, as DB Browser or the shell would.
    connection = sqlcipher3.connect(str(register_path))
    connection.execute(f"PRAGMA key = \"x'{raw_key}'\"")
    rows = connection.execute(
        "SELECT c.reference, r.name FROM grievance_case c JOIN requester r ON r.id = c.requester_id"
    ).fetchall()
    connection.close()
    assert rows == [(reference, "Test Person Alpha")]


def test_without_the_key_the_file_is_unreadable(register_path: Path) -> None:
    register, _ = Register.create(register_path, PASSPHRASE)
    register.close()
    connection = sqlcipher3.connect(str(register_path))
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
        raise AssertionError("an encrypted register opened without its key")
    except sqlcipher3.DatabaseError as error:
        assert "not a database" in str(error)
    finally:
        connection.close()


def test_register_files_are_private(register_path: Path) -> None:
    register, _ = Register.create(register_path, PASSPHRASE)
    register_case(register, make_draft(), now=NOW)
    for path in companions(register_path):
        if path.exists():
            assert path.stat().st_mode & 0o077 == 0, path.name
    register.close()
    Register.open(register_path, Unlock(passphrase=PASSPHRASE)).close()
