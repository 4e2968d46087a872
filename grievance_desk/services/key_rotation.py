"""Rotating the data key: every page re-encrypted under a new key, and a new recovery key.

For when a raw key may have been exposed (it was exported with ``key --export-raw``, or a
laptop was lost with the key remembered). The audit chain records that it happened.
"""

from __future__ import annotations

from datetime import datetime

from grievance_desk.storage.audit import append_event
from grievance_desk.storage.register import Register


def rotate_key(register: Register, passphrase: str, *, now: datetime) -> str:
    """Re-key the register; returns the new recovery key, which replaces the old one."""
    recovery_key = register.rotate_key(passphrase)
    with register.writing() as session:
        append_event(
            session, action="register.key_rotated", actor=register.actor, at=now, payload={}
        )
    return recovery_key
