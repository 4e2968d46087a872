"""Composition root: choose the register, then start the desktop app (Qt lives in ui/)."""

from __future__ import annotations

from pathlib import Path


def run_gui(register: Path | None = None) -> int:
    """Start the desktop app on ``register`` (default: the user's register)."""
    from grievance_desk.ui.main import run

    return run(register)
