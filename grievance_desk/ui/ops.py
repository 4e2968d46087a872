"""Background work the Anki way: one executor, small op objects, results back by signal.

Unlocking (Argon2id), creating a demo register, counting and paging 100,000 cases and backups
all take longer than a frame, so the window must never wait for them. Every such call goes
through `Op`: ``Op(runner, work).success(cb).failure(cb).run_in_background()``. The work runs
on the runner's single worker thread (one writer, so SQLCipher never sees two threads racing
for a write lock); the callbacks run on the GUI thread, delivered by a queued signal.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from shiboken6 import isValid

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")
BUSY_DELAY_MS = 250
log = logging.getLogger(__name__)
#: Set by ui/main.py: what to do with background work that failed and has no failure
#: handler (the unexpected-error dialog and the log). Called as (what, error, parent).
unhandled_failure: Callable[[str, Exception, Any], None] | None = None


class _Finished(QObject):
    """Carries "op N finished" from the worker thread to the GUI thread.

    The worker's done-callback must not hold the runner: a future outlives its callback on
    the worker thread, and if that dropped the last reference to the runner, the runner
    would be destroyed there while the GUI thread delivers its queued events (a crash seen
    in the full test run). These carriers are never destroyed, so the worker only ever
    holds an object that stays alive; a destroyed runner simply loses its connection.
    """

    sig_finished = Signal(object, object)


_CARRIERS: list[_Finished] = []  # kept for the process's life, one per runner


class OpRunner(QObject):
    """Owns the one background thread; tells the status bar when work is running."""

    sig_busy_changed = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = None
        self._running: list[str] = []
        # Ops in flight, by number. The worker sees only the number, never the op: the op
        # holds widgets (its callbacks, its parent), and a widget's Python wrapper released
        # on the worker thread is torn down by shiboken later in the main thread, which
        # crashed once the widget was already gone. Ops are dropped here, on the GUI thread.
        self._live: dict[int, Op[Any]] = {}
        self._next_id = 0
        # The status bar's busy indicator appears only for work that outlasts a blink:
        # flashing it for every 20 ms page load costs two relayouts and looks nervous.
        self._shown = False
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._announce)
        self._carrier = _Finished()
        _CARRIERS.append(self._carrier)
        self._carrier.sig_finished.connect(self._deliver)

    @property
    def _executor(self) -> ThreadPoolExecutor:
        """The worker thread, started on first use: the unlock screen paints before any
        work, and importing concurrent.futures cost ~5 ms of that cold start."""
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="grievance-op")
        return self._pool

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def submit(self, op: Op[Any]) -> None:
        label = op.progress_label
        if label:
            self._running.append(label)
            if self._shown:
                self.sig_busy_changed.emit(True, label)
            elif not self._busy_timer.isActive():
                self._busy_timer.start()
        self._next_id += 1
        op_id = self._next_id
        self._live[op_id] = op
        live = self._live

        def run() -> Any:
            return live[op_id].work()

        future = self._executor.submit(run)
        emit = self._carrier.sig_finished.emit
        future.add_done_callback(lambda f: emit(op_id, f))

    @Slot(object, object)
    def _deliver(self, op_id: int, future: Future[Any]) -> None:
        op = self._live.pop(op_id, None)
        if op is None:
            return
        if op.progress_label and op.progress_label in self._running:
            self._running.remove(op.progress_label)
            if self._running:
                if self._shown:
                    self.sig_busy_changed.emit(True, self._running[-1])
            else:
                self._busy_timer.stop()
                if self._shown:
                    self._shown = False
                    self.sig_busy_changed.emit(False, "")
        op.deliver(future)

    def _announce(self) -> None:
        if self._running and not self._shown:
            self._shown = True
            self.sig_busy_changed.emit(True, self._running[-1])

    def wait_idle(self, timeout: float = 30.0) -> None:
        """Block until queued work has run (tests and shutdown only)."""
        self._executor.submit(lambda: None).result(timeout=timeout)

    def call(self, work: Callable[[], T], timeout: float = 60.0) -> T:
        """Run ``work`` on the worker thread and wait (tests and start-up only).

        Registers are opened and closed on the worker thread, because the register's file
        lock belongs to the thread that took it.
        """
        return self._executor.submit(work).result(timeout=timeout)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)
        with contextlib.suppress(RuntimeError):  # already disconnected: shut down twice
            self._carrier.sig_finished.disconnect(self._deliver)


class Op(Generic[T]):
    """One piece of background work and what to do with its result on the GUI thread.

    ``parent`` ties the callbacks to a widget: if it was destroyed meanwhile (the window was
    locked and cleared), the result is dropped instead of touching a dead widget.
    """

    def __init__(
        self, runner: OpRunner, work: Callable[[], T], *, parent: QObject | None = None
    ) -> None:
        self._runner = runner
        self.work = work
        self._parent = parent
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[Exception], Any] | None = None
        self.progress_label = ""

    def success(self, callback: Callable[[T], Any]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any]) -> Op[T]:
        self._failure = callback
        return self

    def with_progress(self, label: str) -> Op[T]:
        """Show ``label`` with a busy indicator in the status bar while this runs."""
        self.progress_label = label
        return self

    def run_in_background(self) -> None:
        self._runner.submit(self)

    def deliver(self, future: Future[Any]) -> None:
        if self._parent is not None and not isValid(self._parent):
            return
        error = future.exception()
        if error is None:
            if self._success is not None:
                self._success(future.result())
            return
        if not isinstance(error, Exception):
            raise error
        if self._failure is not None:
            self._failure(error)
        else:
            from PySide6.QtWidgets import QWidget

            parent = self._parent if isinstance(self._parent, QWidget) else None
            if unhandled_failure is not None:
                unhandled_failure(self.progress_label or "Background work", error, parent)
                return
            log.error("Background work failed: %s", "".join(traceback.format_exception(error)))
            from grievance_desk.ui.dialogs import show_error

            show_error(parent, "Something went wrong", error)
