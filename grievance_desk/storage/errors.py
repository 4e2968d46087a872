"""Errors the register raises, each with a message that names the problem and the fix.

The CLI and the app show ``str(error)`` to the officer as it is, so every message here is
written for a person, never a traceback.
"""

from __future__ import annotations

from grievance_desk.messages import _


class RegisterError(Exception):
    """Base class: something about the register the officer can act on."""


class WrongPassphrase(RegisterError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The passphrase is not correct for this register. Check Caps Lock and the "
                "keyboard layout and try again, or unlock with the recovery key."
            )
        )


class WrongRecoveryKey(RegisterError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "The recovery key is not correct for this register. Type it exactly as printed "
                "at set-up (letters and digits; dashes and spaces do not matter)."
            )
        )


class KeyFileMissing(RegisterError):
    def __init__(self, path: str) -> None:
        super().__init__(
            _(
                "The key file {path} is missing. It sits beside the register and is needed to "
                "unlock it: restore it from your backup folder (backups keep a copy beside each "
                "register copy)."
            ).format(path=path)
        )


class KeyFileDamaged(RegisterError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            _(
                "The key file {path} has been altered or damaged ({detail}). Restore it from the "
                "copy beside your latest backup."
            ).format(path=path, detail=detail)
        )


class KeyFileMismatch(RegisterError):
    def __init__(self, key_path: str, db_path: str) -> None:
        super().__init__(
            _(
                "The key file {key_path} belongs to another register, not to {db_path}. Put the "
                "register's own key file beside it (backups keep one beside each copy)."
            ).format(key_path=key_path, db_path=db_path)
        )


class NotARegister(RegisterError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            _(
                "{path} is not a Grievance Desk register or is damaged ({detail}). If it was "
                "yours, restore it from the latest backup with `grievance-desk restore`."
            ).format(path=path, detail=detail)
        )


class RegisterMissing(RegisterError):
    def __init__(self, path: str) -> None:
        super().__init__(
            _(
                "There is no register at {path}. Create one with `grievance-desk init` or "
                "point to yours with --register PATH."
            ).format(path=path)
        )


class RegisterExists(RegisterError):
    def __init__(self, path: str) -> None:
        super().__init__(
            _(
                "A register already exists at {path}; it was left as it is. Choose another path "
                "with --register PATH."
            ).format(path=path)
        )


class RegisterInUse(RegisterError):
    def __init__(self, path: str) -> None:
        super().__init__(
            _(
                "The register {path} is already open in another Grievance Desk window or "
                "command. Close that one first; if none is running, wait a moment and try again."
            ).format(path=path)
        )


class NewerSchema(RegisterError):
    def __init__(self, path: str, revision: str) -> None:
        super().__init__(
            _(
                "The register {path} was saved by a newer version of Grievance Desk (schema "
                "{revision}). Install that version to open it; nothing was changed."
            ).format(path=path, revision=revision)
        )


class KeyringUnavailable(RegisterError):
    def __init__(self, backend: str) -> None:
        super().__init__(
            _(
                "This computer has no secure keyring ({backend}), so the key cannot be "
                "remembered here. Unlock with the passphrase each time."
            ).format(backend=backend)
        )


class AttachmentTooLarge(RegisterError):
    def __init__(self, filename: str, size: int, limit: int) -> None:
        super().__init__(
            _(
                "{filename} is {size:.1f} MB, over the {limit:.0f} MB limit for attachments. "
                "Compress it or attach the part that matters; nothing was saved."
            ).format(filename=filename, size=size / 1_000_000, limit=limit / 1_000_000)
        )


class NotFound(RegisterError):
    """A case, attachment or letter that does not exist in this register."""


def database_failure_text(error: BaseException) -> str | None:
    """A person's message for SQLite's low-level failures (disk full, read-only, damage).

    SQLite reports these as bare codes ("database or disk is full") from whichever statement
    hit them; the officer needs what happened to their work and what to do. ``None`` when
    the error is not one of these.
    """
    detail = str(getattr(error, "orig", None) or error).lower()
    if "disk is full" in detail or "no space" in detail:
        return _(
            "The disk is full, so nothing was saved (the change was rolled back whole). Free "
            "some space on the disk that holds the register, then save again; what you "
            "entered is still on screen."
        )
    if "readonly" in detail or "read-only" in detail or "permission denied" in detail:
        return _(
            "The register's folder or file cannot be written (read-only or no permission), so "
            "nothing was saved. Make the folder writable for your account, then save again."
        )
    if "disk i/o error" in detail:
        # How SQLite reports a write refused for room (EFBIG, EDQUOT) as well as a failing
        # disk: never "damaged", which would send the officer to restore a sound register.
        return _(
            "The disk refused a read or write, most often because the disk is full, so "
            "nothing was saved. Free some space on the disk that holds the register and try "
            "again; if it keeps happening, `grievance-desk verify` checks the register."
        )
    if any(sign in detail for sign in ("malformed", "hmac", "not a database", "corrupt")):
        return _(
            "Part of the register file is damaged and cannot be read. Nothing was changed. "
            "Lock the register and choose \u201cRestore from a backup\u2026\u201d on the unlock "
            "screen (or `grievance-desk restore`); `grievance-desk verify` lists what is wrong."
        )
    return None
