"""Rotating the data key: data kept, old secrets retired, and a crash half-way is recoverable."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from grievance_desk.services.cases import register_case
from grievance_desk.services.integrity import verify_register
from grievance_desk.services.key_rotation import confirm_recovery_key, rotate_key
from grievance_desk.storage.engine import raw_key_literal, sqlcipher3_connect
from grievance_desk.storage.errors import WrongPassphrase, WrongRecoveryKey
from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import NOW, PASSPHRASE, MemoryKeyring
from tests.support.drafts import make_draft


def _references(register: Register) -> list[str]:
    with register.reading() as session:
        return list(session.execute(text("SELECT reference FROM grievance_case")).scalars())


def test_rotation_keeps_data_and_retires_the_old_key_and_recovery_key(
    register_path: Path, memory_keyring: MemoryKeyring
) -> None:
    register, old_recovery = Register.create(register_path, PASSPHRASE)
    reference = register_case(register, make_draft(), now=NOW)
    register.remember_on_this_computer()
    old_key = register.data_key
    with pytest.raises(WrongPassphrase):
        rotate_key(register, "not the passphrase", now=NOW)
    new_recovery = rotate_key(register, PASSPHRASE, now=NOW)
    confirm_recovery_key(register, now=NOW)
    assert register.data_key != old_key and new_recovery != old_recovery
    assert _references(register) == [reference]
    assert verify_register(register).ok
    register.close()

    connection = sqlcipher3.connect(str(register_path))
    connection.execute(f'PRAGMA key = "{raw_key_literal(old_key)}"')
    with pytest.raises(sqlcipher3.DatabaseError):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    connection.close()

    with pytest.raises(WrongRecoveryKey):
        Register.open(register_path, Unlock(recovery_key=old_recovery))
    for unlock in (
        Unlock(passphrase=PASSPHRASE),
        Unlock(recovery_key=new_recovery),
        Unlock(use_keyring=True),
    ):
        with Register.open(register_path, unlock) as reopened, reopened.reading() as session:
            actions = session.execute(text("SELECT action FROM audit_event")).scalars()
            assert "register.key_rotated" in list(actions)
            assert _references(reopened) == [reference]


def test_a_crash_between_rekey_and_key_file_is_finished_at_next_open(
    register_path: Path,
) -> None:
    """Simulate the worst moment: pages re-encrypted, key file still naming the old key."""
    register, _ = Register.create(register_path, PASSPHRASE)
    reference = register_case(register, make_draft(), now=NOW)
    old_key = register.data_key
    keyfile = register.keyfile
    register.close()

    from grievance_desk.storage.keyfile import KdfParams, new_data_key, new_recovery_key

    new_key = new_data_key()
    pending = KeyFile(register_id=keyfile.register_id, slots={})
    pending.seal_passphrase(new_key, PASSPHRASE, KdfParams.fast())
    pending.seal_recovery(new_key, new_recovery_key())
    keyfile.extra["pending"] = {"slots": pending.slots}
    keyfile.save(key_file_for(register_path))
    raw = sqlcipher3_connect(register_path, old_key)
    raw.execute(f'PRAGMA rekey = "{raw_key_literal(new_key)}"')
    raw.close()
    # "Crash" here: the key file still has the old slots as its main ones.

    with Register.open(register_path, Unlock(passphrase=PASSPHRASE)) as reopened:
        assert reopened.data_key == new_key
        assert _references(reopened) == [reference]
    finished = KeyFile.load(key_file_for(register_path))
    assert "pending" not in finished.extra
    assert finished.open_with_passphrase(PASSPHRASE) == new_key


def test_two_rotations_in_a_row_are_two_audit_events(register_path: Path) -> None:
    register, _ = Register.create(register_path, PASSPHRASE)
    for _ in range(2):
        rotate_key(register, PASSPHRASE, now=NOW)
        confirm_recovery_key(register, now=NOW)
    with register.reading() as session:
        actions = list(session.execute(text("SELECT action FROM audit_event")).scalars())
    assert actions.count("register.key_rotated") == 2
    assert verify_register(register).ok
    register.close()
