"""Composition root: choose the register, then start the desktop app (Qt lives in ui/)."""

from __future__ import annotations

from pathlib import Path


def run_gui(register: Path | None = None, *, smoke_test: Path | None = None) -> int:
    """Start the desktop app on ``register`` (default: the user's register).

    ``smoke_test`` names a folder for a scripted run (see ``ui/smoke_test.py``).
    """
    from grievance_desk.ui.main import run

    return run(register, smoke_test=smoke_test)
