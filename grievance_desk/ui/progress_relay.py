"""Progress from the worker thread to a progress bar, by queued signal.

Services report progress through a plain ``(done, total)`` callback on the worker thread;
a widget may only be touched on the GUI thread. The relay is created on the GUI thread, so
its signal, emitted from the worker, is delivered there (Qt queues cross-thread signals).
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QProgressBar
from shiboken6 import isValid


class ProgressRelay(QObject):
    """Call it from any thread with ``(done, total)``; the bar follows on the GUI thread."""

    sig_progress = Signal(int, int)

    def __init__(self, bar: QProgressBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self.sig_progress.connect(self._show)

    def __call__(self, done: int, total: int) -> None:
        # The dialog may have been closed meanwhile: the work goes on, the bar is gone.
        with contextlib.suppress(RuntimeError):
            if isValid(self):
                self.sig_progress.emit(done, total)

    def _show(self, done: int, total: int) -> None:
        if total <= 0:
            self._bar.setRange(0, 0)  # busy, size unknown
            return
        self._bar.setRange(0, 1000)
        self._bar.setValue(min(1000, done * 1000 // total))
