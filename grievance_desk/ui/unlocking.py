"""The unlock screen's register work: the key, the register, restoring, the recovery key.

The unlock screen itself needs only PySide6 to paint; this module brings the register and
key file code (SQLAlchemy, Alembic, cryptography, keyring). No Qt here: ``ui/stages.py``
loads it on the worker thread when the officer unlocks; ``ui/preload.py`` warms it while
they type. Reading the remembered key and the dialogs shown after an attempt are in
``ui/late_start.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from grievance_desk.services import auto_backup
from grievance_desk.services.auto_backup import AutoBackup
from grievance_desk.services.register_access import Register, Unlock
from grievance_desk.services.register_opening import RegisterOpening


class UnlockWork:
    """What the unlock screen asks of the register code (``how``: ``Unlock``'s fields)."""

    @staticmethod
    def open_register(opening: RegisterOpening, path: Path, how: dict[str, Any]) -> Register:
        """Unwrap the key and open the register (worker thread), the one way every door does."""
        return opening.open(path, Unlock(**how))

    @staticmethod
    def backups(path: Path) -> list[AutoBackup]:
        """The automatic backups of ``path``, newest usable first."""
        return auto_backup.restore_latest_candidates(path)

    @staticmethod
    def restore_and_open(
        opening: RegisterOpening, source: Path, path: Path, how: dict[str, Any]
    ) -> Register:
        """Replace the register with the backup ``source``, then open it (worker thread)."""
        return opening.restore_and_open(source, path, Unlock(**how))
