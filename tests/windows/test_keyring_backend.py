"""Windows: 'Remember on this computer' uses Windows Credential Manager, and nothing weaker.

keyring picks ``keyring.backends.Windows.WinVaultKeyring`` there (priority 5); keyrings.alt's
file-based Windows backends are not a secure store and must count as "no keyring". These are
backend objects of the real keyring API (``KeyringBackend`` subclasses) with the names and
priorities of the Windows ones, since the Windows DLLs cannot be loaded here.
"""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend

from grievance_desk.storage import keyring_store


def _backend(module: str, name: str, priority: float) -> KeyringBackend:
    class Backend(KeyringBackend):
        def get_password(self, service: str, username: str) -> str | None:
            return self.stored.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.stored[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.stored.pop((service, username), None)

    Backend.priority = priority  # type: ignore[assignment,misc]
    Backend.__module__, Backend.__qualname__, Backend.__name__ = module, name, name
    backend = Backend()
    backend.stored = {}  # type: ignore[attr-defined]
    return backend


@pytest.fixture(autouse=True)
def _restore_keyring() -> object:
    before = keyring.get_keyring()
    yield
    keyring.set_keyring(before)


def test_windows_credential_manager_is_a_real_keyring_and_holds_the_key() -> None:
    vault = _backend("keyring.backends.Windows", "WinVaultKeyring", 5)
    keyring.set_keyring(vault)
    status = keyring_store.keyring_status()
    assert status.available
    assert status.backend == "keyring.backends.Windows.WinVaultKeyring"
    recorded = keyring_store.remember_key("register-id", b"\x01" * 32)
    assert keyring_store.recall_key("register-id", recorded) == b"\x01" * 32


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("keyrings.alt.Windows", "EncryptedKeyring"),  # a file in the profile, not the vault
        ("keyrings.alt.file", "PlaintextKeyring"),
        ("keyring.backends.fail", "Keyring"),
    ],
)
def test_file_and_fail_backends_on_windows_are_no_keyring(module: str, name: str) -> None:
    keyring.set_keyring(_backend(module, name, 5))
    assert not keyring_store.keyring_status().available
