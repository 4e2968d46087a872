"""Composition root: which register, the one service that opens it, then Qt or the CLI.

The window (``run_gui``) and every command (``cli/common.py``) get their register path and
their ``RegisterOpening`` here, so both front ends open, unlock and create registers the same
way. Light at import: the CLI and the unlock screen load it before anything heavy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from grievance_desk.services.register_opening import RegisterOpening


def register_path(chosen: Path | None = None) -> Path:
    """``chosen`` (``--register``), else ``$GRIEVANCE_DESK_REGISTER``, else the user data
    folder's register."""
    from grievance_desk.services.register_paths import default_register_path  # platformdirs

    return (chosen or default_register_path()).expanduser()


def register_opening() -> RegisterOpening:
    """The service that opens, unlocks and creates registers: on the system clock (read
    when needed, so building it imports nothing heavy) and at the default key strength."""
    from grievance_desk.services.register_opening import RegisterOpening

    return RegisterOpening()


def run_gui(register: Path | None = None, *, smoke_test: Path | None = None) -> int:
    """Start the desktop app on ``register`` (default: the user's register).

    ``smoke_test`` names a folder for a scripted run (see ``ui/smoke_test.py``).
    """
    from grievance_desk.ui.main import run

    return run(register, smoke_test=smoke_test, opening=register_opening())
