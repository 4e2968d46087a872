"""Any unexpected exception in the window: a dialog that says what failed, and a log line.

Installed by ``ui/main.py`` as ``sys.excepthook`` (an exception raised in a slot) and as the
op runner's hook for background work that has no failure handler of its own. The officer
sees what failed, the error's own words, "Copy details" (a message-free traceback for a
bug report) and where the log is; the log gets the same message-free traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from grievance_desk import __version__
from grievance_desk.error_log import safe_traceback
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.widgets import name_standard_buttons

log = logging.getLogger("grievance_desk.ui")


class ErrorDialog(QDialog):
    """What failed, the error's message, "Copy details" and the log folder."""

    def __init__(
        self, what: str, error: BaseException, log_path: Path | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unexpected_error")
        self.setWindowTitle(tr("Something went wrong"))
        self.details = (
            f"Grievance Desk {__version__} on {sys.platform}\nWhat failed: {what}\n\n"
            + safe_traceback(error)
        )
        headline = QLabel(_bold(tr("{what} failed.").format(what=what)))
        headline.setTextFormat(Qt.TextFormat.RichText)
        message = QLabel(type(error).__name__ + (": " + str(error) if str(error) else ""))
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        advice = QLabel(
            tr(
                "What was already saved is kept. Try again; if it keeps happening, send the "
                "details (they hold no names or addresses) to whoever supports Grievance Desk "
                "for you."
            )
        )
        advice.setWordWrap(True)
        self.message = message
        where = QLabel(
            tr("The log is in {folder}").format(folder=log_path.parent)
            if log_path is not None
            else tr("No log is kept.")
        )
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = where
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(tr("Copy details"))
        self.copy_button.clicked.connect(self._copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if log_path is not None:
            folder = log_path.parent
            self.open_log_button = QPushButton(tr("Open log folder"))
            self.open_log_button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
            )
            buttons.addButton(self.open_log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (headline, message, advice, where):
            layout.addWidget(part)
        layout.addWidget(buttons)
        name_standard_buttons(buttons)
        self.setMinimumWidth(440)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("Copied"))


def _bold(text: str) -> str:
    """``text`` in bold for a rich-text label (as the headline was before translation)."""
    return f"<b>{text}</b>"


class UnexpectedErrors:
    """Shows one dialog at a time for unexpected exceptions and logs every one of them."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.dialog: ErrorDialog | None = None
        self.count = 0
        self._previous_hook: Callable[..., object] | None = None
        self._owner: QWidget | None = None

    def install(self) -> None:
        """Become ``sys.excepthook`` (exceptions raised in Qt slots arrive there)."""
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        self.report("An action in the window", error)

    def owner(self) -> QWidget:
        """A hidden parent for a message when no window is active (so it never blocks)."""
        if self._owner is None:
            self._owner = QWidget()
        return self._owner

    def report(self, what: str, error: BaseException, parent: QWidget | None = None) -> None:
        """Log ``error`` (no personal data) and show the dialog unless one is already up."""
        self.count += 1
        what = what.rstrip("\u2026. ") or tr("An action")  # progress labels end in "…"
        log.error("%s failed: %s", what, type(error).__name__, exc_info=error)
        if self.dialog is not None and self.dialog.isVisible():
            return
        owner = parent or QApplication.activeWindow()
        self.dialog = ErrorDialog(what, error, self.log_path, owner)
        self.dialog.open()
