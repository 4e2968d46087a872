"""'Remember on this computer': the data key in the OS keyring, and only a real one.

Backends that would not protect the key (``fail``, ``null``, any plaintext file, a chainer
with nothing real behind it) count as "no keyring": we say so and ask for the passphrase,
never silently falling back to plaintext. The key file records which backend holds the key;
if the backend changes, the stored key is ignored and the passphrase is asked for.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

from grievance_desk.messages import _
from grievance_desk.storage.errors import KeyringUnavailable

SERVICE = "Grievance Desk"
_MIN_PRIORITY = 1.0


def backend_name(backend: KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__qualname__}"


def _is_real(backend: KeyringBackend) -> bool:
    name = backend_name(backend).lower()
    if any(word in name for word in ("fail", "null", "plaintext", "keyrings.alt")):
        return False
    inner = getattr(backend, "backends", None)
    if inner is not None:  # the chainer: real only if something real is behind it
        return any(_is_real(b) for b in inner)
    try:
        return float(backend.priority) >= _MIN_PRIORITY
    except Exception:  # a backend whose priority check itself fails is not usable
        return False


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    backend: str
    reason: str = ""


def keyring_status() -> KeyringStatus:
    """Whether a secure keyring exists here, and why not, for the greyed-out checkbox."""
    backend = keyring.get_keyring()
    name = backend_name(backend)
    if _is_real(backend):
        return KeyringStatus(True, name)
    return KeyringStatus(False, name, _("no secure keyring service was found on this computer"))


def remember_key(register_id: str, data_key: bytes) -> str:
    """Store the key; returns the backend name to record in the key file."""
    status = keyring_status()
    if not status.available:
        raise KeyringUnavailable(status.reason)
    try:
        keyring.set_password(SERVICE, register_id, data_key.hex())
    except KeyringError as error:
        raise KeyringUnavailable(str(error)) from error
    return status.backend


def recall_key(register_id: str, expected_backend: str) -> bytes | None:
    """The remembered key, or None when absent, unreadable or held by another backend."""
    status = keyring_status()
    if not status.available or status.backend != expected_backend:
        return None
    try:
        secret = keyring.get_password(SERVICE, register_id)
    except KeyringError:
        return None
    if secret is None or len(secret) != 64:
        return None
    try:
        return bytes.fromhex(secret)
    except ValueError:
        return None


def forget_key(register_id: str) -> None:
    """Remove the remembered key; quietly does nothing where none is stored."""
    with contextlib.suppress(KeyringError):
        keyring.delete_password(SERVICE, register_id)
