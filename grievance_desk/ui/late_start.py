"""What the app sets up once its first window has painted: nothing here shows on that frame.

Loaded by ``ui/stages.py`` from a zero-timer after the first paint (the start-up bench
measures the time to that paint): the rotating log file (``logging.handlers``,
``platformdirs``), the op runner's hook for failures nobody handles (the dialogs and the
domain's error types), the single-instance socket (QtNetwork), the tray icon, the
screen-lock watch (D-Bus), the About dialog, the unlock screen's key file check
(cryptography, keyring) and the dialogs it shows after an attempt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from grievance_desk import log_file
from grievance_desk.domain.case_record import InvalidCase
from grievance_desk.services.errors import RegisterError
from grievance_desk.ui import ops
from grievance_desk.ui.about_dialog import AboutDialog
from grievance_desk.ui.dialogs import error_text, show_error
from grievance_desk.ui.error_dialog import UnexpectedErrors
from grievance_desk.ui.local_socket import LocalServer, ask_running_to_raise
from grievance_desk.ui.recovery_key_dialog import RecoveryKeyDialog
from grievance_desk.ui.restore_dialog import RestoreDialog
from grievance_desk.ui.screen_lock import watch_screen_lock
from grievance_desk.ui.tray import Tray
from grievance_desk.ui.viewing_copies import sweep_leftovers

__all__ = [
    "LocalServer",
    "Tray",
    "UnlockDialogs",
    "about_dialog",
    "ask_running_to_raise",
    "finish_error_handling",
    "install_error_handling",
    "sweep_leftovers",
    "watch_screen_lock",
]


def about_dialog(parent: QWidget, register: Path) -> AboutDialog:
    """Help → About: version, the register's and the log's folders, licences."""
    return AboutDialog(parent, register=register, logs=log_file.log_folder())


class UnlockDialogs:
    """What the unlock screen reads once shown (is the key remembered?) and shows after an
    attempt: error texts and two dialogs."""

    error_text = staticmethod(error_text)
    show_error = staticmethod(show_error)
    RecoveryKeyDialog = RecoveryKeyDialog
    RestoreDialog = RestoreDialog


def install_error_handling(folder: Path | None = None) -> UnexpectedErrors:
    """Unexpected exceptions (in a slot, or in background work nobody handles) show the
    error dialog and go to the rotating log file in the user log folder (or ``folder``)."""
    errors = UnexpectedErrors(None)
    errors.install()
    finish_error_handling(errors, folder)
    return errors


def finish_error_handling(errors: UnexpectedErrors, folder: Path | None = None) -> Path | None:
    """Send the log to its file (``folder``, else the user log folder) and route background
    failures nobody handles to ``errors``; returns the log's path (None: no log is kept)."""
    try:
        errors.log_path = log_file.install(folder)
    except OSError:
        errors.log_path = None  # a read-only profile: the dialog still shows, says no log is kept

    def failed(what: str, error: Exception, parent: object) -> None:
        widget = parent if isinstance(parent, QWidget) else None
        if isinstance(error, RegisterError | InvalidCase | ValueError):
            # A message meant for people; never a modal loop here (tests, late results).
            show_error(widget or QApplication.activeWindow() or errors.owner(), what, error)
        else:
            errors.report(what, error, widget)

    ops.unhandled_failure = failed
    return errors.log_path
