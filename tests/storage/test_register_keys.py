"""Opening the register: passphrase, recovery key, keyring, and every way it must refuse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlcipher3

from grievance_desk.storage.errors import (
    KeyFileDamaged,
    KeyFileMismatch,
    KeyFileMissing,
    KeyringUnavailable,
    NotARegister,
    RegisterExists,
    RegisterInUse,
    RegisterMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)
from grievance_desk.storage.keyfile import KeyFile
from grievance_desk.storage.paths import key_file_for
from grievance_desk.storage.register import Register, Unlock
from tests.conftest import PASSPHRASE, MemoryKeyring


@pytest.fixture
def closed_register(register_path: Path) -> tuple[Path, str]:
    register, recovery = Register.create(register_path, PASSPHRASE)
    register.close()
    return register_path, recovery


def test_opens_with_the_passphrase(closed_register: tuple[Path, str]) -> None:
    path, _ = closed_register
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        assert register.integrity_problems() == []


def test_opens_with_the_recovery_key_in_any_case_and_spacing(
    closed_register: tuple[Path, str],
) -> None:
    path, recovery = closed_register
    typed = recovery.lower().replace("-", " ")
    with Register.open(path, Unlock(recovery_key=typed)) as register:
        assert register.integrity_problems() == []


def test_wrong_passphrase_is_refused_and_changes_nothing(
    closed_register: tuple[Path, str],
) -> None:
    path, _ = closed_register
    key_before = key_file_for(path).read_bytes()
    db_before = path.read_bytes()
    with pytest.raises(WrongPassphrase, match="not correct"):
        Register.open(path, Unlock(passphrase="not the passphrase"))
    assert key_file_for(path).read_bytes() == key_before
    assert path.read_bytes() == db_before


def test_wrong_recovery_key_is_refused(closed_register: tuple[Path, str]) -> None:
    path, _ = closed_register
    with pytest.raises(WrongRecoveryKey):
        Register.open(path, Unlock(recovery_key="AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"))
    with pytest.raises(WrongRecoveryKey):
        Register.open(path, Unlock(recovery_key="too short"))


def test_nothing_given_opens_nothing(closed_register: tuple[Path, str]) -> None:
    path, _ = closed_register
    with pytest.raises(WrongPassphrase):
        Register.open(path, Unlock())
    with pytest.raises(WrongPassphrase):
        Register.open(path, Unlock(use_keyring=True))  # nothing remembered yet


def test_remembered_key_opens_from_the_keyring(
    closed_register: tuple[Path, str], memory_keyring: MemoryKeyring
) -> None:
    path, _ = closed_register
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        backend = register.remember_on_this_computer()
    assert backend.endswith("MemoryKeyring")
    assert len(memory_keyring.secrets) == 1
    with Register.open(path, Unlock(use_keyring=True)) as register:
        register.forget_on_this_computer()
    assert memory_keyring.secrets == {}
    with pytest.raises(WrongPassphrase):
        Register.open(path, Unlock(use_keyring=True))


def test_keyring_from_another_backend_is_not_trusted(
    closed_register: tuple[Path, str], memory_keyring: MemoryKeyring
) -> None:
    import keyring

    path, _ = closed_register
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        register.remember_on_this_computer()

    class OtherBackend(MemoryKeyring):
        pass

    impostor = OtherBackend()
    impostor.secrets = dict(memory_keyring.secrets)
    keyring.set_keyring(impostor)
    with pytest.raises(WrongPassphrase):
        Register.open(path, Unlock(use_keyring=True))


@pytest.mark.usefixtures("failing_keyring")
def test_no_keyring_says_so_and_never_falls_back_to_plaintext(
    closed_register: tuple[Path, str],
) -> None:
    path, _ = closed_register
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        with pytest.raises(KeyringUnavailable, match="no secure keyring"):
            register.remember_on_this_computer()
        assert register.remembered_backend is None
    assert "remembered" not in json.loads(key_file_for(path).read_text())


def test_change_passphrase_rewraps_the_same_key(closed_register: tuple[Path, str]) -> None:
    path, recovery = closed_register
    with Register.open(path, Unlock(passphrase=PASSPHRASE)) as register:
        register.change_passphrase("a new and longer passphrase")
    with pytest.raises(WrongPassphrase):
        Register.open(path, Unlock(passphrase=PASSPHRASE))
    Register.open(path, Unlock(passphrase="a new and longer passphrase")).close()
    Register.open(path, Unlock(recovery_key=recovery)).close()


def test_second_opener_is_refused_while_the_first_holds_it(
    closed_register: tuple[Path, str],
) -> None:
    path, _ = closed_register
    with (
        Register.open(path, Unlock(passphrase=PASSPHRASE)),
        pytest.raises(RegisterInUse, match="already open"),
    ):
        Register.open(path, Unlock(passphrase=PASSPHRASE))
    Register.open(path, Unlock(passphrase=PASSPHRASE)).close()


def test_create_refuses_to_overwrite(closed_register: tuple[Path, str]) -> None:
    path, _ = closed_register
    before = path.read_bytes()
    with pytest.raises(RegisterExists):
        Register.create(path, "another passphrase")
    assert path.read_bytes() == before


def test_missing_register_and_missing_key_file(
    closed_register: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = closed_register
    with pytest.raises(RegisterMissing, match="grievance-desk init"):
        Register.open(tmp_path / "nowhere.db", Unlock(passphrase=PASSPHRASE))
    key_file_for(path).unlink()
    with pytest.raises(KeyFileMissing, match="key file"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))


def test_edited_key_file_is_named_as_damaged(closed_register: tuple[Path, str]) -> None:
    path, _ = closed_register
    key_path = key_file_for(path)
    payload = json.loads(key_path.read_text())
    payload["slots"]["passphrase"]["iterations"] = 2
    key_path.write_text(json.dumps(payload))
    with pytest.raises(KeyFileDamaged, match="checksum"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))
    key_path.write_text("{not json")
    with pytest.raises(KeyFileDamaged, match="JSON"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))


def test_key_file_of_another_register_is_named_as_such(
    closed_register: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = closed_register
    other, _ = Register.create(tmp_path / "other" / "register.db", PASSPHRASE)
    other.close()
    key_file_for(path).write_bytes(key_file_for(other.path).read_bytes())
    with pytest.raises(KeyFileMismatch, match="another register"):
        Register.open(path, Unlock(passphrase=PASSPHRASE))


def test_plain_sqlite_truncated_and_random_files_are_not_registers(
    closed_register: tuple[Path, str], tmp_path: Path
) -> None:
    path, _ = closed_register
    keyfile = KeyFile.load(key_file_for(path))
    keyfile.database_salt = ""  # so the salt check does not answer first

    plain = tmp_path / "plain.db"
    sqlcipher3.connect(str(plain)).execute("CREATE TABLE t (a)").connection.commit()
    keyfile.save(key_file_for(plain))
    with pytest.raises(NotARegister, match="unencrypted SQLite"):
        Register.open(plain, Unlock(passphrase=PASSPHRASE))

    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(path.read_bytes()[:10])
    keyfile.save(key_file_for(truncated))
    with pytest.raises(NotARegister, match="cut short"):
        Register.open(truncated, Unlock(passphrase=PASSPHRASE))

    random_file = tmp_path / "random.db"
    random_file.write_bytes(bytes(range(256)) * 64)
    keyfile.save(key_file_for(random_file))
    with pytest.raises(NotARegister, match="cannot be decrypted"):
        Register.open(random_file, Unlock(passphrase=PASSPHRASE))
