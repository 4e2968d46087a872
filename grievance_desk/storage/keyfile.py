"""The key file: the register's data key, wrapped under the passphrase and the recovery key.

The database is keyed with 32 random bytes. That data key is never stored in the clear: the
key file holds it sealed with AES-GCM twice, once under a key derived from the passphrase with
Argon2id and once under the recovery key (already high-entropy, so HKDF suffices). Changing the
passphrase re-seals the same data key; the database is not touched.

The file also records the register's id and the database's 16-byte SQLCipher salt (the only
clear bytes of an SQLCipher file), so a key file from another register is named as such
instead of being reported as a wrong passphrase. A checksum separates "damaged or edited"
from "wrong passphrase".
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from grievance_desk.storage.errors import (
    KeyFileDamaged,
    KeyFileMissing,
    WrongPassphrase,
    WrongRecoveryKey,
)

FORMAT = "grievance-desk key file"
VERSION = 1
DATA_KEY_BYTES = 32
RECOVERY_KEY_BYTES = 20
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
KDF_PROFILE_ENV = "GRIEVANCE_DESK_KDF_PROFILE"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default follows OWASP's 2023 advice (64 MiB, 3 passes)."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 65_536

    @staticmethod
    def fast() -> KdfParams:
        """For tests only: a cost low enough that a suite of hundreds of unlocks runs quickly."""
        return KdfParams(iterations=1, lanes=1, memory_kib=8)


def default_kdf() -> KdfParams:
    """The cost for new key files; ``GRIEVANCE_DESK_KDF_PROFILE=fast`` is for test processes."""
    if os.environ.get(KDF_PROFILE_ENV) == "fast":
        return KdfParams.fast()
    return KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str, path: Path) -> bytes:
    if not isinstance(text, str):
        raise KeyFileDamaged(str(path), f"{what} is missing")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as error:
        raise KeyFileDamaged(str(path), f"{what} is not valid base64") from error


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _checksum(payload: dict[str, Any]) -> str:
    body = {k: v for k, v in payload.items() if k != "checksum"}
    return hashlib.sha256(_canonical(body)).hexdigest()


def new_recovery_key() -> str:
    """A 160-bit recovery key in groups of four, easy to write down: ``ABCD-EFGH-…``."""
    raw = secrets.token_bytes(RECOVERY_KEY_BYTES)
    text = base64.b32encode(raw).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def _recovery_bytes(recovery_key: str) -> bytes:
    cleaned = recovery_key.upper().replace("-", "").replace(" ", "").strip()
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    if len(cleaned) != 32 or any(c not in _BASE32 for c in cleaned):
        raise WrongRecoveryKey()
    return base64.b32decode(cleaned)


def _passphrase_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"grievance-desk recovery")
    return hkdf.derive(_recovery_bytes(recovery_key))


@dataclass
class KeyFile:
    """The parsed key file; ``slots`` maps "passphrase" / "recovery" to their sealed key."""

    register_id: str
    slots: dict[str, dict[str, Any]]
    database_salt: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Set by unlock when a key rotation was interrupted: the new key, unwrapped from the
    # "pending" slots with the same passphrase. Never written to disk.
    pending_key: bytes | None = field(default=None, repr=False, compare=False)

    # -- creating and sealing -------------------------------------------------------------

    @staticmethod
    def create(
        data_key: bytes, passphrase: str, recovery_key: str, params: KdfParams | None = None
    ) -> KeyFile:
        """Seal a new data key under both secrets."""
        keyfile = KeyFile(register_id=str(uuid.uuid4()), slots={})
        keyfile.seal_passphrase(data_key, passphrase, params or default_kdf())
        keyfile.seal_recovery(data_key, recovery_key)
        return keyfile

    def _aad(self, slot: str) -> bytes:
        return f"grievance-desk:{self.register_id}:{slot}".encode()

    def seal_passphrase(self, data_key: bytes, passphrase: str, params: KdfParams) -> None:
        """(Re-)wrap the data key under a passphrase; used at set-up and by ``passwd``."""
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _passphrase_kek(passphrase, salt, params)
        sealed = AESGCM(kek).encrypt(nonce, data_key, self._aad("passphrase"))
        self.slots["passphrase"] = {
            "kdf": "argon2id",
            "iterations": params.iterations,
            "lanes": params.lanes,
            "memory_kib": params.memory_kib,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "sealed_key": _b64(sealed),
        }

    def seal_recovery(self, data_key: bytes, recovery_key: str) -> None:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _recovery_kek(recovery_key, salt)
        sealed = AESGCM(kek).encrypt(nonce, data_key, self._aad("recovery"))
        self.slots["recovery"] = {
            "kdf": "hkdf-sha256",
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "sealed_key": _b64(sealed),
        }

    # -- opening --------------------------------------------------------------------------

    def _slot(self, name: str, path: Path) -> dict[str, Any]:
        slot = self.slots.get(name)
        if not isinstance(slot, dict):
            raise KeyFileDamaged(str(path), f"the {name} entry is missing")
        return slot

    def pending_slots(self) -> KeyFile | None:
        """The slots of an unfinished key rotation, as a key file of their own."""
        pending = self.extra.get("pending")
        if not isinstance(pending, dict) or not isinstance(pending.get("slots"), dict):
            return None
        return KeyFile(register_id=self.register_id, slots=dict(pending["slots"]))

    def open_with_passphrase(self, passphrase: str, path: Path = Path("key file")) -> bytes:
        """The data key, or WrongPassphrase; runs Argon2id, so call it off the GUI thread."""
        slot = self._slot("passphrase", path)
        try:
            params = KdfParams(
                iterations=int(slot["iterations"]),
                lanes=int(slot["lanes"]),
                memory_kib=int(slot["memory_kib"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise KeyFileDamaged(str(path), "the passphrase settings are unreadable") from error
        kek = _passphrase_kek(passphrase, _unb64(slot.get("salt"), "salt", path), params)
        try:
            return AESGCM(kek).decrypt(
                _unb64(slot.get("nonce"), "nonce", path),
                _unb64(slot.get("sealed_key"), "sealed key", path),
                self._aad("passphrase"),
            )
        except InvalidTag as error:
            raise WrongPassphrase() from error

    def open_with_recovery_key(self, recovery_key: str, path: Path = Path("key file")) -> bytes:
        slot = self._slot("recovery", path)
        kek = _recovery_kek(recovery_key, _unb64(slot.get("salt"), "salt", path))
        try:
            return AESGCM(kek).decrypt(
                _unb64(slot.get("nonce"), "nonce", path),
                _unb64(slot.get("sealed_key"), "sealed key", path),
                self._aad("recovery"),
            )
        except InvalidTag as error:
            raise WrongRecoveryKey() from error

    # -- the file -------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "register_id": self.register_id,
            "database_salt": self.database_salt,
            "slots": self.slots,
            **self.extra,
        }
        payload["checksum"] = _checksum(payload)
        return payload

    def save(self, path: Path) -> None:
        """Write atomically (temp file, fsync, rename) so a crash never leaves half a key."""
        data = json.dumps(self.to_json(), indent=2, sort_keys=True).encode("utf-8")
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        tmp.replace(path)

    @staticmethod
    def load(path: Path) -> KeyFile:
        """Read and check a key file; a damaged or edited one raises KeyFileDamaged."""
        if not path.exists():
            raise KeyFileMissing(str(path))
        try:
            payload = json.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise KeyFileDamaged(str(path), "it is not readable JSON") from error
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise KeyFileDamaged(str(path), "it is not a Grievance Desk key file")
        if payload.get("checksum") != _checksum(payload):
            raise KeyFileDamaged(str(path), "its checksum does not match its contents")
        if payload.get("version") != VERSION:
            raise KeyFileDamaged(str(path), f"unknown version {payload.get('version')!r}")
        known = {"format", "version", "register_id", "database_salt", "slots", "checksum"}
        slots = payload.get("slots")
        register_id = payload.get("register_id")
        if not isinstance(slots, dict) or not isinstance(register_id, str):
            raise KeyFileDamaged(str(path), "the register id or key entries are missing")
        return KeyFile(
            register_id=register_id,
            slots=slots,
            database_salt=str(payload.get("database_salt", "")),
            extra={k: v for k, v in payload.items() if k not in known},
        )


def new_data_key() -> bytes:
    """32 random bytes from the OS: the key SQLCipher uses as a raw key."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def database_salt(db_path: Path) -> str:
    """The SQLCipher salt: the first 16 bytes of the file, the only ones not encrypted."""
    with db_path.open("rb") as handle:
        return handle.read(16).hex()
