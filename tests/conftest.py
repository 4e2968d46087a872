"""Shared fixtures: real registers in tmp_path, a fast KDF, and keyrings that are not the OS one."""

from __future__ import annotations

import gettext
import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from grievance_desk import messages
from grievance_desk.storage.keyfile import KDF_PROFILE_ENV
from grievance_desk.storage.register import Register
from grievance_desk.storage.scratch import STATE_ENV

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ[KDF_PROFILE_ENV] = "fast"
# The scratch-file journal (storage/scratch.py) in a temp folder, never the real state folder.
os.environ.setdefault(STATE_ENV, tempfile.mkdtemp(prefix="gd-test-state-"))

PASSPHRASE = "correct horse battery staple"
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps secrets in a dict, so no test touches the OS keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test reads English, whatever the machine's locale or an earlier test chose.

    The CLI speaks the language its environment asks for (``LANGUAGE``, ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG``), so a developer's ``LANG=hi_IN.UTF-8`` would turn English
    assertions into failures: each test starts with ``LANGUAGE=en`` (children started with
    ``run_cli`` inherit it); a test that wants Hindi sets the variables itself. Afterwards
    argparse's text domain goes back to gettext's default and `messages` to English.
    """
    domain = gettext.textdomain()
    monkeypatch.setenv("LANGUAGE", "en")
    yield
    gettext.textdomain(domain)
    messages.use_language(messages.SOURCE_LANGUAGE)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def failing_keyring() -> Iterator[None]:
    """A machine with no keyring service (a headless Linux box)."""
    keyring.set_keyring(fail.Keyring())
    yield


@pytest.fixture
def register_path(tmp_path: Path) -> Path:
    return tmp_path / "office" / "register.db"


@pytest.fixture
def register(register_path: Path) -> Iterator[Register]:
    opened, _recovery = Register.create(register_path, PASSPHRASE)
    yield opened
    opened.close()
