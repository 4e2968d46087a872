"""Warm the unlocked app's imports while the officer types the passphrase.

The unlock screen needs only PySide6 and the key file code, so it shows fast; everything
behind it (SQLAlchemy, SQLModel, Alembic, reportlab, openpyxl, the services, the pages) is
imported once it has painted, so unlocking does not pay for it either:

1. a background thread imports the plain-Python modules (no Qt, so no QObject is ever
   created off the GUI thread);
2. then the GUI thread imports the Qt page modules one per event-loop turn, so typing stays
   responsive.

The modules are those behind ``ui/stages.py``'s boundaries and what they import. Two
threads importing overlapping module graphs at once can trip the import system's deadlock
check, so whoever imports app modules elsewhere first calls ``wait()`` (the
background thread is joined) or ``stop()`` (an unlock has started: nothing new begins, and
the rest is imported where it is needed). Every step is an optimisation only: a failed
import is ignored here and raised again, with its real traceback, where the app needs it.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from grievance_desk.ui import gc_guard

log = logging.getLogger(__name__)

#: Plain-Python modules the workspace and unlocking need; imported on a background thread.
BACKGROUND: tuple[str, ...] = (
    "grievance_desk.storage.register",
    "grievance_desk.storage.migrate",
    "grievance_desk.services.case_queries",
    "grievance_desk.services.cases",
    "grievance_desk.services.reports",
    "grievance_desk.services.email_intake",
    "grievance_desk.services.attachments",
    "grievance_desk.services.new_case",
    "grievance_desk.services.correspondence",
    "grievance_desk.services.auto_backup",
    "grievance_desk.services.letter_drafts",
    "grievance_desk.services.letter_issue",
    "grievance_desk.services.letter_templates",
    "grievance_desk.services.spreadsheet_io",
    "grievance_desk.documents.letter_pdf",
    "grievance_desk.documents.report_pdf",
    "grievance_desk.ui.unlocking",  # plain Python: what unlocking runs on the worker thread
)

#: Qt modules of the workspace; imported on the GUI thread, one per event-loop turn.
GUI: tuple[str, ...] = (
    "grievance_desk.ui.case_file",
    "grievance_desk.ui.cases_page",
    "grievance_desk.ui.today_page",
    "grievance_desk.ui.reports_page",
    "grievance_desk.ui.settings_page",
    "grievance_desk.ui.new_case_dialog",
    "grievance_desk.ui.workspace",
)


def _import(name: str) -> None:
    try:
        importlib.import_module(name)
    except Exception:  # raised again, with its traceback, where the module is needed
        log.debug("preloading %s failed", name, exc_info=True)


class Preloader(QObject):
    """Background imports, then GUI-thread imports; ``wait``/``stop`` keep them apart."""

    _sig_background_done = Signal()

    def __init__(self, background: Sequence[str] = BACKGROUND, gui: Sequence[str] = GUI) -> None:
        super().__init__()
        self._background = tuple(background)
        self._gui = list(gui)
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._sig_background_done.connect(self._next_gui_import)

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def done(self) -> bool:
        """True once there is nothing left to import (or it was stopped)."""
        thread = self._thread
        return self._stopped or (thread is not None and not thread.is_alive() and not self._gui)

    def start(self) -> None:
        """Begin, once; not after ``stop`` (an unlock already imports what it needs)."""
        if self._thread is not None or self._stopped:
            return
        self._thread = threading.Thread(
            target=self._run_background, name="grievance-preload", daemon=True
        )
        self._thread.start()

    def _run_background(self) -> None:
        for name in self._background:
            if self._stopped:
                break
            _import(name)
        # Emitted from this thread: the connection is queued to the GUI thread.
        self._sig_background_done.emit()

    def _next_gui_import(self) -> None:
        if self._stopped:
            return
        if not self._gui:
            # Everything imported, nothing personal loaded yet (the register is locked):
            # the moment to set the modules' objects aside from every later collection.
            gc_guard.freeze_startup()
            return
        _import(self._gui.pop(0))
        QTimer.singleShot(0, self._next_gui_import)

    def wait(self, timeout: float | None = None) -> None:
        """Block until the background imports are over (safe to import app modules then)."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def stop(self) -> None:
        """No further imports start; the background module being imported finishes."""
        self._stopped = True


_preloader: Preloader | None = None


def _instance() -> Preloader:
    global _preloader
    if _preloader is None:
        _preloader = Preloader()
    return _preloader


def start() -> None:
    """Warm the imports now (GUI thread, after the unlock screen has painted)."""
    _instance().start()


def stop() -> None:
    """An unlock or restore is starting: begin nothing new (GUI thread)."""
    _instance().stop()


def wait() -> None:
    """Let the background imports finish before importing app modules on this thread."""
    if _preloader is not None:
        _preloader.wait()
