"""Composition root: choose the register, build the services, start Qt or the CLI."""

from __future__ import annotations

import sys
from pathlib import Path


def run_gui(register: Path | None = None) -> int:
    """Start the desktop app; until the window lands, say so plainly."""
    try:
        from grievance_desk.ui.main import run  # type: ignore[import-not-found]
    except ImportError:
        print(
            "The desktop window is not built yet in this version. Use the command line: "
            "grievance-desk --help",
            file=sys.stderr,
        )
        return 1
    result: int = run(register)
    return result
