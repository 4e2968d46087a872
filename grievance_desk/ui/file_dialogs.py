"""File dialogs that start where the officer keeps files: the last folder used, else Documents.

Qt's dialogs otherwise open in the process's working folder (often the program folder or /),
so every export began with a hunt for the right place. The last folder is remembered per
computer (QSettings), never inside the register.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER_KEY = "files/last_folder"


def start_folder() -> Path:
    """The last folder a file was chosen in, if it still exists; else Documents (or home)."""
    last = QSettings().value(LAST_FOLDER_KEY, "")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(path: Path) -> None:
    """Remember the folder of a chosen file (or the folder itself) for the next dialog."""
    folder = path if path.is_dir() else path.parent
    QSettings().setValue(LAST_FOLDER_KEY, str(folder))


def save_file_name(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """Ask where to save ``suggested`` (a file name); None if the officer cancelled."""
    target, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / suggested), filters)
    if not target:
        return None
    chosen = Path(target)
    remember_folder(chosen)
    return chosen


def open_file_name(parent: QWidget | None, title: str, filters: str = "") -> Path | None:
    """Ask for one existing file; None if the officer cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), filters)
    if not path:
        return None
    chosen = Path(path)
    remember_folder(chosen)
    return chosen
