"""Attachments opened for viewing: a private temporary copy, removed afterwards.

The register keeps no plaintext copies, so "Open" writes the file into a folder only the
officer's account can read, hands it to the system viewer, and deletes it when the window
locks or the app quits (and at the next start, in case of a crash).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

_PREFIX = "grievance-desk-view-"


class PrivateFiles:
    def __init__(self) -> None:
        self._folders: list[Path] = []
        _sweep_leftovers()

    def write(self, filename: str, data: bytes) -> Path:
        folder = Path(tempfile.mkdtemp(prefix=_PREFIX))
        folder.chmod(0o700)
        self._folders.append(folder)
        safe = Path(filename).name or "attachment"
        path = folder / safe
        path.write_bytes(data)
        path.chmod(0o600)
        return path

    def remove_all(self) -> None:
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)
        self._folders.clear()

    @property
    def count(self) -> int:
        return len([f for f in self._folders if f.exists()])


def _sweep_leftovers() -> None:
    base = Path(tempfile.gettempdir())
    for folder in base.glob(_PREFIX + "*"):
        try:
            if folder.is_dir() and folder.owner() == Path.home().owner():
                shutil.rmtree(folder, ignore_errors=True)
        except (OSError, KeyError, NotImplementedError):
            continue
