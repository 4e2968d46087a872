"""Replacing keys: a new data key (rotate), a new recovery key, and exporting the raw key.

Rotation is for when a raw key may have been exposed (it was exported with ``key
--export-raw``, or a laptop was lost with the key remembered): every page is re-encrypted
under a new key and a new recovery key is issued. "New recovery key" re-seals the same data
key when only the recovery key is lost or exposed. Either way the new recovery key replaces
the old one only after the officer confirmed they have it (``confirm_recovery_key``); until
then the old one keeps working, and an interruption shows the new one again at the next
unlock. The audit chain records each change and every raw-key export.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from grievance_desk.domain.audit_actions import AuditAction
from grievance_desk.storage.audit import append_event
from grievance_desk.storage.keyfile import key_id
from grievance_desk.storage.register import Register


def rotate_key(
    register: Register,
    passphrase: str,
    *,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> str:
    """Re-key the register; returns the new recovery key to show, pending confirmation.

    ``progress(step, total)`` follows the rotation's steps (sealing, re-encrypting, checking).
    """
    del now  # the audit event is written when the new key is confirmed
    return register.rotate_key(passphrase, progress=progress)


def new_recovery_key(register: Register) -> str:
    """A new recovery key for the same data key; returns it to show, pending confirmation."""
    return register.begin_new_recovery_key()


def confirm_recovery_key(register: Register, *, now: datetime) -> None:
    """The officer has the new recovery key: it replaces the old one (and is audited)."""
    register.confirm_recovery_key_shown(now)


def export_raw_key(register: Register, *, now: datetime, reason: str = "") -> str:
    """The raw data key as hex, for another SQLCipher client; the export is audited first."""
    with register.writing() as session:
        append_event(
            session,
            action=AuditAction.REGISTER_KEY_EXPORTED,
            actor=register.actor,
            at=now,
            payload={"key_id": key_id(register.data_key), "reason": reason},
        )
    return register.data_key.hex()
