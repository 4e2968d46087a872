"""The key file: the register's data key, wrapped under the passphrase and the recovery key.

The database is keyed with 32 random bytes. That data key is never stored in the clear: the
key file holds it sealed with AES-GCM twice, once under a key derived from the passphrase with
Argon2id and once under the recovery key (already high-entropy, so HKDF suffices). Changing the
passphrase re-seals the same data key; the database is not touched.

The file also records the register's id and the database's 16-byte SQLCipher salt (the only
clear bytes of an SQLCipher file), so a key file from another register is named as such
instead of being reported as a wrong passphrase. A checksum separates "damaged or edited"
from "wrong passphrase".

Changes that must survive a crash are a small state machine kept in the file's ``pending``
entry (see ``register.py``): a new recovery key is sealed there, together with a copy of its
text sealed under the data key, until the officer has been shown it; a key rotation also
seals the new data key under the old one, so every secret the officer holds keeps opening the
register at every step. Every field is bounded before use: a hostile or damaged file gets a
message, never a traceback, a hang or a 4 GiB Argon2id run.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from grievance_desk.messages import _, ngettext
from grievance_desk.storage.durable import read_head, read_regular_file, write_atomically
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
MAX_KEY_FILE_BYTES = 64 * 1024
_BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
KDF_PROFILE_ENV = "GRIEVANCE_DESK_KDF_PROFILE"
TEST_PROFILE = "test-only"
# pytest sets these in its own process and every child it starts; an officer's shell has none.
_PYTEST_MARKERS = ("PYTEST_CURRENT_TEST", "PYTEST_VERSION")

# Argon2id bounds. The floor is OWASP's lowest recommended setting (19 MiB, 2 passes); the
# ceiling keeps a hostile key file from asking for more memory or time than a laptop has.
FLOOR_MEMORY_KIB = 19_456
FLOOR_WORK = 2 * FLOOR_MEMORY_KIB  # passes x memory
MAX_ITERATIONS = 16
MAX_LANES = 16
MAX_MEMORY_KIB = 1024 * 1024  # 1 GiB

PENDING_ROTATION = "rotation"  # a new data key and recovery key, database being re-keyed
PENDING_RECOVERY = "recovery"  # a new recovery key for the same data key
PENDING_INITIAL = "initial"  # a new register whose recovery key was not yet confirmed
_PENDING_KINDS = {PENDING_ROTATION, PENDING_RECOVERY, PENDING_INITIAL}


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

    @property
    def below_floor(self) -> bool:
        return self.memory_kib < FLOOR_MEMORY_KIB or self.iterations * self.memory_kib < FLOOR_WORK

    def describe(self) -> str:
        memory = (
            f"{self.memory_kib // 1024} MiB"
            if self.memory_kib >= 1024
            else f"{self.memory_kib} KiB"
        )
        passes = ngettext("{n} pass", "{n} passes", self.iterations).format(n=self.iterations)
        return f"Argon2id {passes}, {memory}"


_test_hook_allows_fast = False


def allow_fast_kdf_for_tests() -> None:
    """A test-only hook: let ``GRIEVANCE_DESK_KDF_PROFILE=fast`` apply in this process."""
    global _test_hook_allows_fast
    _test_hook_allows_fast = True


def fast_kdf_allowed() -> bool:
    """The weak test profile is honoured only under pytest or after the test-only hook."""
    return _test_hook_allows_fast or any(os.environ.get(name) for name in _PYTEST_MARKERS)


def default_kdf() -> KdfParams:
    """The cost for new key files. ``GRIEVANCE_DESK_KDF_PROFILE=fast`` is honoured only in a
    test process; anywhere else it is ignored, so a real key file is never weak."""
    if os.environ.get(KDF_PROFILE_ENV) == "fast" and fast_kdf_allowed():
        return KdfParams.fast()
    return KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, what: str, path: Path, size: int | None = None) -> bytes:
    """Decode a bounded base64 field; ``size`` is the exact byte length it must have."""
    if not isinstance(text, str) or not text:
        raise KeyFileDamaged(str(path), _("{what} is missing").format(what=what))
    if len(text) > 4096:
        raise KeyFileDamaged(str(path), _("{what} is far too long").format(what=what))
    try:
        data = base64.b64decode(text, validate=True)
    except ValueError as error:
        raise KeyFileDamaged(
            str(path), _("{what} is not valid base64").format(what=what)
        ) from error
    if size is not None and len(data) != size:
        raise KeyFileDamaged(
            str(path),
            _("{what} has {count} bytes instead of {size}").format(
                what=what, count=len(data), size=size
            ),
        )
    return data


def _int_field(slot: dict[str, Any], name: str, low: int, high: int, path: Path) -> int:
    value = slot.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise KeyFileDamaged(
            str(path),
            _("the passphrase setting {name} is not a whole number").format(name=repr(name)),
        )
    if not low <= value <= high:
        raise KeyFileDamaged(
            str(path),
            _("the passphrase setting {name} is {value}, outside {low}..{high}").format(
                name=repr(name), value=value, low=low, high=high
            ),
        )
    return value


def _kdf_params(slot: dict[str, Any], path: Path) -> KdfParams:
    if slot.get("kdf", "argon2id") != "argon2id":
        raise KeyFileDamaged(
            str(path),
            _("unknown passphrase method {method}").format(method=repr(slot.get("kdf"))),
        )
    lanes = _int_field(slot, "lanes", 1, MAX_LANES, path)
    return KdfParams(
        iterations=_int_field(slot, "iterations", 1, MAX_ITERATIONS, path),
        lanes=lanes,
        memory_kib=_int_field(slot, "memory_kib", 8 * lanes, MAX_MEMORY_KIB, path),
    )


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


def _derived(data_key: bytes, purpose: bytes) -> bytes:
    """A key for sealing things under the data key (the rotation link, the escrowed text)."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"grievance-desk " + purpose)
    return hkdf.derive(data_key)


def key_id(data_key: bytes) -> str:
    """A short public fingerprint of a data key, for audit events (not reversible)."""
    return hashlib.sha256(b"grievance-desk key id" + data_key).hexdigest()[:16]


@dataclass
class KeyFile:
    """The parsed key file; ``slots`` maps "passphrase" / "recovery" to their sealed key."""

    register_id: str
    slots: dict[str, dict[str, Any]]
    database_salt: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Set by unlock when a key rotation is pending: the new key. Never written to disk.
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

    def _passphrase_slot(
        self, data_key: bytes, passphrase: str, params: KdfParams
    ) -> dict[str, Any]:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _passphrase_kek(passphrase, salt, params)
        sealed = AESGCM(kek).encrypt(nonce, data_key, self._aad("passphrase"))
        slot: dict[str, Any] = {
            "kdf": "argon2id",
            "iterations": params.iterations,
            "lanes": params.lanes,
            "memory_kib": params.memory_kib,
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "sealed_key": _b64(sealed),
        }
        if params.below_floor:
            slot["profile"] = TEST_PROFILE  # only a test process can get here
        return slot

    def _recovery_slot(self, data_key: bytes, recovery_key: str) -> dict[str, Any]:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        kek = _recovery_kek(recovery_key, salt)
        sealed = AESGCM(kek).encrypt(nonce, data_key, self._aad("recovery"))
        return {
            "kdf": "hkdf-sha256",
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "sealed_key": _b64(sealed),
        }

    def seal_passphrase(self, data_key: bytes, passphrase: str, params: KdfParams) -> None:
        """(Re-)wrap the data key under a passphrase; used at set-up and by ``passwd``."""
        self.slots["passphrase"] = self._passphrase_slot(data_key, passphrase, params)

    def seal_recovery(self, data_key: bytes, recovery_key: str) -> None:
        self.slots["recovery"] = self._recovery_slot(data_key, recovery_key)

    def _seal_small(self, key: bytes, purpose: str, data: bytes) -> dict[str, str]:
        nonce = secrets.token_bytes(12)
        sealed = AESGCM(_derived(key, purpose.encode())).encrypt(nonce, data, self._aad(purpose))
        return {"nonce": _b64(nonce), "sealed": _b64(sealed)}

    def _open_small(self, key: bytes, purpose: str, entry: object, path: Path) -> bytes | None:
        if not isinstance(entry, dict):
            raise KeyFileDamaged(
                str(path), _("the pending {purpose} entry is unreadable").format(purpose=purpose)
            )
        nonce = _unb64(entry.get("nonce"), f"pending {purpose} nonce", path, 12)
        sealed = _unb64(entry.get("sealed"), f"pending {purpose}", path)
        try:
            return AESGCM(_derived(key, purpose.encode())).decrypt(
                nonce, sealed, self._aad(purpose)
            )
        except InvalidTag:
            return None

    # -- pending changes (the crash-safe state machine) ------------------------------------

    def begin_rotation(
        self,
        old_key: bytes,
        new_key: bytes,
        passphrase: str,
        new_recovery: str,
        params: KdfParams,
    ) -> None:
        """Record a rotation: the new key under the passphrase, the new recovery key and the
        old key (the link keeps the old secrets working until the new key has been shown)."""
        self.extra["pending"] = {
            "kind": PENDING_ROTATION,
            "id": secrets.token_hex(8),
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "slots": {
                "passphrase": self._passphrase_slot(new_key, passphrase, params),
                "recovery": self._recovery_slot(new_key, new_recovery),
            },
            "link": self._seal_small(old_key, "link", new_key),
            "escrow": self._seal_small(new_key, "escrow", new_recovery.encode("ascii")),
        }

    def begin_recovery_change(self, data_key: bytes, new_recovery: str, *, initial: bool) -> None:
        """Record a new recovery key that is not yet confirmed as shown to the officer."""
        self.extra["pending"] = {
            "kind": PENDING_INITIAL if initial else PENDING_RECOVERY,
            "id": secrets.token_hex(8),
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "slots": {} if initial else {"recovery": self._recovery_slot(data_key, new_recovery)},
            "escrow": self._seal_small(data_key, "escrow", new_recovery.encode("ascii")),
        }

    def pending(self, path: Path = Path("key file")) -> dict[str, Any] | None:
        """The pending entry, checked; None when nothing is pending."""
        entry = self.extra.get("pending")
        if entry is None:
            return None
        if not isinstance(entry, dict) or not isinstance(entry.get("slots"), dict):
            raise KeyFileDamaged(str(path), _("the pending key change is unreadable"))
        kind = entry.get("kind", PENDING_ROTATION)  # files from before "kind" were rotations
        if kind not in _PENDING_KINDS:
            raise KeyFileDamaged(
                str(path), _("unknown pending key change {kind}").format(kind=repr(kind))
            )
        return entry

    def pending_kind(self) -> str | None:
        entry = self.pending()
        return None if entry is None else str(entry.get("kind", PENDING_ROTATION))

    def pending_slots(self) -> KeyFile | None:
        """The slots of an unfinished key change, as a key file of their own."""
        entry = self.pending()
        if entry is None:
            return None
        return KeyFile(register_id=self.register_id, slots=dict(entry["slots"]))

    def rotation_key_from(self, key: bytes, path: Path = Path("key file")) -> bytes | None:
        """The new data key of a pending rotation, given the old key (or the new one)."""
        entry = self.pending(path)
        if entry is None or entry.get("kind", PENDING_ROTATION) != PENDING_ROTATION:
            return None
        if "link" not in entry:
            return None  # an older file: the new key comes from the pending passphrase slot
        new_key = self._open_small(key, "link", entry["link"], path)
        if new_key is not None:
            if len(new_key) != DATA_KEY_BYTES:
                raise KeyFileDamaged(str(path), _("the pending key has the wrong length"))
            return new_key
        if self._open_small(key, "escrow", entry.get("escrow"), path) is not None:
            return key  # it already is the new key
        return None

    def unshown_recovery_key(self, data_key: bytes, path: Path = Path("key file")) -> str | None:
        """The pending recovery key's text, opened with the key the database now uses."""
        entry = self.pending(path)
        if entry is None or "escrow" not in entry:
            return None
        text = self._open_small(data_key, "escrow", entry["escrow"], path)
        return None if text is None else text.decode("ascii", errors="replace")

    def finish_pending(self) -> None:
        """Make the pending slots the real ones (after the officer was shown the key)."""
        entry = self.pending()
        if entry is None:
            return
        self.slots.update(entry["slots"])
        self.extra.pop("pending", None)
        self.pending_key = None

    def drop_pending(self) -> None:
        """Roll a pending change back: the slots in force stay as they are."""
        self.extra.pop("pending", None)
        self.pending_key = None

    # -- opening --------------------------------------------------------------------------

    def _slot(self, name: str, path: Path) -> dict[str, Any]:
        slot = self.slots.get(name)
        if not isinstance(slot, dict):
            raise KeyFileDamaged(str(path), _("the {name} entry is missing").format(name=name))
        return slot

    def kdf_params(self, path: Path = Path("key file")) -> KdfParams:
        """The passphrase slot's Argon2id cost, each field bounded before any use."""
        return _kdf_params(self._slot("passphrase", path), path)

    def weak_kdf_warning(self, path: Path = Path("key file")) -> str | None:
        """A message when the passphrase is sealed below the floor (None when it is fine).

        A test process's own fast key files are not reported to it."""
        try:
            params = self.kdf_params(path)
        except KeyFileDamaged:
            return None
        if not params.below_floor:
            return None
        slot = self._slot("passphrase", path)
        if slot.get("profile") == TEST_PROFILE and fast_kdf_allowed():
            return None
        floor = KdfParams(iterations=2, lanes=1, memory_kib=FLOOR_MEMORY_KIB).describe()
        origin = (
            " " + _("It was written with the test-only setting.") if slot.get("profile") else ""
        )
        return _(
            "The passphrase in {path} is protected too weakly ({strength}; the floor is "
            "{floor}), so a stolen key file could be guessed quickly.{origin} Change the "
            "passphrase (Settings \u2192 Change passphrase, or `grievance-desk passwd`; you may "
            "keep the same one): it is then sealed at full strength."
        ).format(path=path, strength=params.describe(), floor=floor, origin=origin)

    def open_with_passphrase(self, passphrase: str, path: Path = Path("key file")) -> bytes:
        """The data key, or WrongPassphrase; runs Argon2id, so call it off the GUI thread."""
        return self._open_passphrase_slot(self._slot("passphrase", path), passphrase, path)

    def _open_passphrase_slot(self, slot: dict[str, Any], passphrase: str, path: Path) -> bytes:
        params = _kdf_params(slot, path)
        salt = _unb64(slot.get("salt"), "salt", path, 16)
        nonce = _unb64(slot.get("nonce"), "nonce", path, 12)
        sealed = _unb64(slot.get("sealed_key"), "sealed key", path, DATA_KEY_BYTES + 16)
        kek = _passphrase_kek(passphrase, salt, params)
        try:
            return AESGCM(kek).decrypt(nonce, sealed, self._aad("passphrase"))
        except InvalidTag as error:
            raise WrongPassphrase() from error

    def open_pending_passphrase(self, passphrase: str, path: Path = Path("key file")) -> bytes:
        """The pending rotation's new key from its own passphrase slot (older files)."""
        slots = self.pending_slots()
        if slots is None or not isinstance(slots.slots.get("passphrase"), dict):
            raise WrongPassphrase()
        return self._open_passphrase_slot(slots.slots["passphrase"], passphrase, path)

    def open_with_recovery_key(self, recovery_key: str, path: Path = Path("key file")) -> bytes:
        """The data key from the recovery key in force, else from a pending new one."""
        try:
            return self._open_recovery_slot(self._slot("recovery", path), recovery_key, path)
        except WrongRecoveryKey:
            pending = self.pending_slots()
            slot = pending.slots.get("recovery") if pending is not None else None
            if not isinstance(slot, dict):
                raise
            return self._open_recovery_slot(slot, recovery_key, path)

    def _open_recovery_slot(self, slot: dict[str, Any], recovery_key: str, path: Path) -> bytes:
        salt = _unb64(slot.get("salt"), "salt", path, 16)
        nonce = _unb64(slot.get("nonce"), "nonce", path, 12)
        sealed = _unb64(slot.get("sealed_key"), "sealed key", path, DATA_KEY_BYTES + 16)
        kek = _recovery_kek(recovery_key, salt)
        try:
            return AESGCM(kek).decrypt(nonce, sealed, self._aad("recovery"))
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

    def save(self, path: Path, *, step: str | None = None) -> None:
        """Write atomically (temp file, fsync, rename, fsync the folder): never half a key.

        ``step`` names the fault points of this write (``<step>.temp_written`` …)."""
        data = json.dumps(self.to_json(), indent=2, sort_keys=True).encode("utf-8")
        write_atomically(path, data, step=step)

    @staticmethod
    def load(path: Path) -> KeyFile:
        """Read and check a key file; a damaged or edited one raises KeyFileDamaged."""
        if not path.exists():
            raise KeyFileMissing(str(path))
        raw = read_regular_file(path, limit=MAX_KEY_FILE_BYTES, what=_("key file"))
        try:
            payload = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise KeyFileDamaged(str(path), _("it is not readable JSON")) from error
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise KeyFileDamaged(str(path), _("it is not a Grievance Desk key file"))
        if payload.get("checksum") != _checksum(payload):
            raise KeyFileDamaged(str(path), _("its checksum does not match its contents"))
        if payload.get("version") != VERSION:
            raise KeyFileDamaged(
                str(path),
                _("unknown version {version}").format(version=repr(payload.get("version"))),
            )
        known = {"format", "version", "register_id", "database_salt", "slots", "checksum"}
        slots = payload.get("slots")
        register_id = payload.get("register_id")
        if not isinstance(slots, dict) or not isinstance(register_id, str):
            raise KeyFileDamaged(str(path), _("the register id or key entries are missing"))
        salt = payload.get("database_salt", "")
        if not isinstance(salt, str) or len(salt) not in (0, 32):
            raise KeyFileDamaged(str(path), _("the database salt is not 16 bytes of hex"))
        keyfile = KeyFile(
            register_id=register_id,
            slots=slots,
            database_salt=salt,
            extra={k: v for k, v in payload.items() if k not in known},
        )
        keyfile.kdf_params(path)  # bounds checked now, before anyone runs Argon2id
        keyfile._check_sealed(path)
        return keyfile

    def _check_sealed(self, path: Path) -> None:
        """Every sealed entry has its exact shape, whichever secret will be used."""
        pending = self.pending(path)
        groups = [("", self.slots), *([("pending ", pending["slots"])] if pending else [])]
        for prefix, slots in groups:
            for name in ("passphrase", "recovery"):
                slot = slots.get(name)
                if slot is None and prefix:
                    continue
                if not isinstance(slot, dict):
                    raise KeyFileDamaged(
                        str(path),
                        _("the {name} entry is missing").format(name=prefix + name),
                    )
                if name == "passphrase":
                    _kdf_params(slot, path)
                _unb64(slot.get("salt"), f"the {prefix}{name} salt", path, 16)
                _unb64(slot.get("nonce"), f"the {prefix}{name} nonce", path, 12)
                _unb64(
                    slot.get("sealed_key"),
                    f"the {prefix}{name} sealed key",
                    path,
                    DATA_KEY_BYTES + 16,
                )


def new_data_key() -> bytes:
    """32 random bytes from the OS: the key SQLCipher uses as a raw key."""
    return secrets.token_bytes(DATA_KEY_BYTES)


def database_salt(db_path: Path) -> str:
    """The SQLCipher salt: the first 16 bytes of the file, the only ones not encrypted."""
    return read_head(db_path, 16, what=_("register")).hex()
