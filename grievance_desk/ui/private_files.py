"""Files the window writes with personal data: owner-only, and temporary copies removed.

``write_private`` saves a letter, report or attachment where the officer chose, 0600.

The register keeps no plaintext copies, so "Open" writes the file into a folder only the
officer's account can read, hands it to the system viewer, and deletes it when the window
locks or the app quits (and at the next start, in case of a crash).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from grievance_desk.services.attachments import NotViewable, viewing_filename
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.viewing_copies import PREFIX, sweep_leftovers

#: How long a viewing copy stays on disk: long enough for a slow viewer to start and read it.
VIEW_COPY_SECONDS = 300


class PrivateFiles:
    """Attachments opened for viewing: a private temporary copy, removed afterwards."""

    def __init__(self) -> None:
        self._folders: list[Path] = []
        sweep_leftovers()

    def write(self, filename: str, data: bytes) -> Path:
        folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        folder.chmod(0o700)
        self._folders.append(folder)
        safe = Path(filename).name or "attachment"
        path = folder / safe
        return write_private(path, data)

    def open_copy(self, filename: str, data: bytes, parent: QWidget | None = None) -> Path | None:
        """Open an attachment in the system viewer through a sanitised private copy.

        The copy's name ends in the extension of the type its bytes show (never the
        requester's own), programs are refused with a message, and the copy is deleted
        after :data:`VIEW_COPY_SECONDS` (the viewer has read it by then), on lock and on quit.
        """
        try:
            name = viewing_filename(filename, data)
        except NotViewable as error:
            if parent is not None:
                show_error(parent, tr("Not opened"), error)
            return None
        path = self.write(name, data)
        QTimer.singleShot(VIEW_COPY_SECONDS * 1000, lambda: self.remove(path))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def remove(self, path: Path) -> None:
        """Delete one viewing copy and its private folder."""
        folder = path.parent
        if folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)
            self._folders.remove(folder)

    def remove_all(self) -> None:
        for folder in self._folders:
            shutil.rmtree(folder, ignore_errors=True)
        self._folders.clear()

    @property
    def count(self) -> int:
        return len([f for f in self._folders if f.exists()])


def write_private(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` readable by the officer's account only (0600).

    Letters, reports and attachments saved from the window are personal data. The file is
    created 0600 (never briefly world-readable), and an existing file chosen for overwrite
    loses any wider mode it had.
    """
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):  # POSIX; on Windows the folder's ACL decides
            os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)
    return path
