"""The register's errors, for the window and the command line (they never import storage).

Each message is written for a person; the window shows ``str(error)`` and the CLI prints it.
Services raise these (and their own subclasses of RegisterError).
"""

from __future__ import annotations

from grievance_desk.storage.errors import (
    AttachmentTooLarge,
    KeyFileDamaged,
    KeyFileMismatch,
    KeyFileMissing,
    KeyringUnavailable,
    NewerSchema,
    NotARegister,
    NotFound,
    RegisterError,
    RegisterExists,
    RegisterInUse,
    RegisterMissing,
    WrongPassphrase,
    WrongRecoveryKey,
    database_failure_text,
)

__all__ = [
    "AttachmentTooLarge",
    "KeyFileDamaged",
    "KeyFileMismatch",
    "KeyFileMissing",
    "KeyringUnavailable",
    "NewerSchema",
    "NotARegister",
    "NotFound",
    "RegisterError",
    "RegisterExists",
    "RegisterInUse",
    "RegisterMissing",
    "WrongPassphrase",
    "WrongRecoveryKey",
    "database_failure_text",
]
