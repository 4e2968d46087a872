"""A progress bar on a terminal for the long commands, and nothing at all when piped.

restic and borg draw on standard error only when it is a terminal, so a script's output and
log stay clean. Services report ``progress(done, total)``; this turns that into one line
redrawn in place, at most ten times a second.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

Progress = Callable[[int, int], None]
_WIDTH = 30
_EVERY = 0.1


def _quiet(done: int, total: int) -> None:
    """Nothing to draw on: a pipe, a file, or a test."""


@contextmanager
def progress_bar(label: str, stream: TextIO | None = None) -> Iterator[Progress]:
    """``with progress_bar("Importing") as progress: service(..., progress=progress)``."""
    out = sys.stderr if stream is None else stream
    if not out.isatty():
        yield _quiet
        return
    last = 0.0
    drawn = False

    def draw(done: int, total: int) -> None:
        nonlocal last, drawn
        now = time.monotonic()
        if now - last < _EVERY and done < total:
            return
        last = now
        share = 0.0 if total <= 0 else min(1.0, done / total)
        filled = round(share * _WIDTH)
        bar = "#" * filled + "-" * (_WIDTH - filled)
        out.write(f"\r{label} [{bar}] {share:4.0%} {done:,}/{total:,}")
        out.flush()
        drawn = True

    try:
        yield draw
    finally:
        if drawn:
            out.write("\r\x1b[K")  # clear the bar so the command's own message reads cleanly
            out.flush()
