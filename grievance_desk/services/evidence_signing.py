"""The register's signing key: evidence bundles carry its Ed25519 signature.

A digest list proves a bundle is intact, not who made it: anyone can rewrite SHA256SUMS. Each
register therefore has one Ed25519 key pair, made on first use and kept inside the encrypted
register (the ``evidence.signing_key`` setting; no schema change). A bundle carries the public
key and a signature over its SHA256SUMS; the officer gives the recipient the key's fingerprint
by another route (letter, report, phone), and the recipient compares it with the one the
bundle was signed with. The fingerprint is the SHA-256 of the raw 32-byte public key, printed
as 16 groups of 4 hex digits so it can be read aloud.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from sqlalchemy.orm import Session

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.messages import _
from grievance_desk.services.clock import utc_now
from grievance_desk.services.evidence_format import BundleError
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_registry import EVIDENCE_SIGNING_KEY

__all__ = [
    "SIGNING_KEY_SETTING",
    "fingerprint",
    "public_key_pem",
    "register_fingerprint",
    "register_signing_key",
    "signing_key",
]

SIGNING_KEY_SETTING = EVIDENCE_SIGNING_KEY.key


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key as ``abcd ef01 …`` (16 groups of 4 hex digits)."""
    raw = public_key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    hexed = hashlib.sha256(raw).hexdigest()
    return " ".join(hexed[i : i + 4] for i in range(0, len(hexed), 4))


def public_key_pem(public_key: Ed25519PublicKey) -> bytes:
    """The public key as PEM (SubjectPublicKeyInfo), which ``openssl pkeyutl`` reads."""
    return public_key.public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)


def _loaded(stored: object) -> Ed25519PrivateKey:
    """The stored key, or a message naming the fix (it never silently makes a new one)."""
    try:
        if not isinstance(stored, dict):
            raise TypeError(_("not an object"))
        raw = base64.b64decode(str(stored["ed25519_private"]), validate=True)
        return Ed25519PrivateKey.from_private_bytes(raw)
    except (TypeError, KeyError, ValueError) as error:
        raise BundleError(
            _(
                "The register's signing key (setting evidence.signing_key) is damaged, so no "
                "bundle can be signed. Restore the register from a backup; a new key would not "
                "match the fingerprint you have already given out."
            )
        ) from error


def signing_key(session: Session, *, actor: str, now: datetime) -> Ed25519PrivateKey:
    """The register's key, made (and its fingerprint recorded in the audit trail) on first use.

    Call inside a writing transaction: the key and its audit event commit together.
    """
    stored = EVIDENCE_SIGNING_KEY.read(session)
    if stored is not None:
        return _loaded(stored)
    key = Ed25519PrivateKey.generate()
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    EVIDENCE_SIGNING_KEY.write(
        session,
        {"ed25519_private": base64.b64encode(raw).decode("ascii"), "created_at": now.isoformat()},
    )
    append_event(
        session,
        action=AuditAction.REGISTER_SIGNING_KEY_CREATED,
        actor=actor,
        at=now,
        payload={"algorithm": "Ed25519", "fingerprint": fingerprint(key.public_key())},
    )
    return key


def register_signing_key(register: Register, *, now: datetime) -> Ed25519PrivateKey:
    """The register's signing key, made on first use (see `signing_key`)."""
    with register.reading() as session:
        stored = EVIDENCE_SIGNING_KEY.read(session)
    if stored is not None:
        return _loaded(stored)
    with register.writing() as session:
        return signing_key(session, actor=register.actor, now=now)


def register_fingerprint(register: Register, *, now: datetime | None = None) -> str:
    """The fingerprint of the key that signs this register's bundles (for Settings and the CLI).

    The key is made on first use, so the officer can hand out the fingerprint before the first
    bundle is ever exported.
    """
    return fingerprint(register_signing_key(register, now=now or utc_now()).public_key())
