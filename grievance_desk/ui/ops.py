"""Background work the Anki way: one executor, small op objects, results back by signal.

Unlocking (Argon2id), creating a demo register, counting and paging 100,000 cases and backups
all take longer than a frame, so the window must never wait for them. Every such call goes
through `Op`: ``Op(runner, work).success(cb).failure(cb).run_in_background()``. The work runs
on the runner's single worker thread (one writer, so SQLCipher never sees two threads racing
for a write lock); the callbacks run on the GUI thread, delivered by a queued signal.

Work on the open register is ``Op.on_register(runner, work)``: ``work`` receives the register
the runner holds (as Anki's ``CollectionOp`` receives ``mw.col``), so widgets need not keep
one, and work queued before a lock finds the register gone and is dropped. Long work takes
``Op.on_register_with_progress``: it also receives an `OpProgress` to report ``(done, total)``
to and to learn from that it was cancelled (Spyder's workers stop on a flag the same way).
An op that changed the register says what with `OpChanges`; the runner announces it after the
op's own success callback (``sig_changed``), and each page refreshes only what it shows
(Anki's ``OpChanges`` and ``operation_did_execute``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from grievance_desk.ui.i18n import tr

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

    from grievance_desk.services.register_access import Register

T = TypeVar("T")
BUSY_DELAY_MS = 250
log = logging.getLogger(__name__)
#: Set by ui/main.py: what to do with background work that failed and has no failure
#: handler (the unexpected-error dialog and the log). Called as (what, error, parent).
unhandled_failure: Callable[[str, Exception, Any], None] | None = None


PROGRESS_POLL_MS = 100


class OpCancelled(Exception):
    """Raised inside work that noticed its op was cancelled; the op ends quietly."""


class RegisterClosed(Exception):
    """The register was locked or closed before queued work on it could run."""


class OpProgress:
    """How far long work has got, and whether the officer cancelled it.

    Plain Python on purpose: written on the worker thread, read by a GUI timer. A Qt object
    captured by work can have its Python wrapper released on the worker thread, which
    shiboken then tears down on the GUI thread after the widget is gone (a crash seen after
    locking). Two ints and an event need no Qt.
    """

    def __init__(self) -> None:
        self.done = 0
        self.total = 0
        self._cancelled = threading.Event()

    def update(self, done: int, total: int) -> None:
        """Report progress; raises `OpCancelled` once the op was cancelled."""
        self.done, self.total = done, total
        self.check()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise OpCancelled

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class OpChanges(NamedTuple):
    """What an op changed, so each page refreshes only what it shows.

    ``references`` names the cases touched (empty: unknown or none); ``cases`` says the case
    list may differ (a new case, a status, a filter's members); ``deadlines`` that dates moved
    (a policy, a holiday, a pause); ``settings`` that register settings changed.
    """

    cases: bool = False
    deadlines: bool = False
    settings: bool = False
    letters: bool = False
    references: frozenset[str] = frozenset()

    @classmethod
    def everything(cls) -> OpChanges:
        """After an import or a restore: every page reloads."""
        return cls(cases=True, deadlines=True, settings=True, letters=True)

    @classmethod
    def case(cls, reference: str, *, deadlines: bool = False, letters: bool = False) -> OpChanges:
        """One case changed (it may also move in the list and the counts)."""
        return cls(
            cases=True, deadlines=deadlines, letters=letters, references=frozenset({reference})
        )

    def __or__(self, other: object) -> OpChanges:
        if not isinstance(other, OpChanges):
            return NotImplemented
        return OpChanges(
            cases=self.cases or other.cases,
            deadlines=self.deadlines or other.deadlines,
            settings=self.settings or other.settings,
            letters=self.letters or other.letters,
            references=self.references | other.references,
        )


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
    #: (changes: OpChanges, initiator: QObject | None), after a changing op succeeded.
    sig_changed = Signal(object, object)
    #: (label, done, total) of the newest op that reports progress, polled on the GUI thread.
    sig_progress = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: The open register that `Op.on_register` work receives; None while locked.
        self.register: Register | None = None
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
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_POLL_MS)
        self._progress_timer.timeout.connect(self._poll_progress)
        self._last_progress: tuple[str, int, int] | None = None

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
        if op.reports_progress and not self._progress_timer.isActive():
            self._progress_timer.start()
        work = op.work  # the worker sees the work alone, never the op and its widgets

        def run() -> Any:
            return work()

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
        if not any(live.reports_progress for live in self._live.values()):
            self._progress_timer.stop()
            self._last_progress = None
        changes = op.deliver(future)
        if changes is not None:
            initiator = op.parent if op.parent is not None and isValid(op.parent) else None
            self.sig_changed.emit(changes, initiator)

    def _poll_progress(self) -> None:
        reporting = [live for live in self._live.values() if live.reports_progress]
        if not reporting:
            return
        newest = reporting[-1]
        now = (newest.progress_label, newest.progress.done, newest.progress.total)
        if now != self._last_progress:
            self._last_progress = now
            self.sig_progress.emit(*now)

    def work_on_register(self, work: Callable[[Register], T]) -> Callable[[], T]:
        """``work`` bound to the register open when it runs, on the worker thread."""

        def bound() -> T:
            register = self.register
            if register is None:
                raise RegisterClosed("The register was locked before this could run.")
            return work(register)

        return bound

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
        self._cancelled: Callable[[], Any] | None = None
        self._changes: OpChanges | None = None
        self.progress_label = ""
        self.progress = OpProgress()
        self.reports_progress = False

    @classmethod
    def on_register(
        cls, runner: OpRunner, work: Callable[[Register], T], *, parent: QObject | None = None
    ) -> Op[T]:
        """Work on the register the runner holds when the work runs."""
        return cls(runner, runner.work_on_register(work), parent=parent)

    @classmethod
    def on_register_with_progress(
        cls,
        runner: OpRunner,
        work: Callable[[Register, OpProgress], T],
        *,
        parent: QObject | None = None,
    ) -> Op[T]:
        """Long work on the register that reports ``(done, total)`` and can be cancelled."""
        progress = OpProgress()
        bound = runner.work_on_register(lambda register: work(register, progress))
        op = cls(runner, bound, parent=parent)
        op.progress = progress
        op.reports_progress = True
        return op

    @property
    def parent(self) -> QObject | None:
        return self._parent

    def changes(self, changes: OpChanges) -> Op[T]:
        """Announce ``changes`` to every page once this op has succeeded."""
        self._changes = changes
        return self

    def on_cancelled(self, callback: Callable[[], Any]) -> Op[T]:
        self._cancelled = callback
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report; it ends as cancelled."""
        self.progress.cancel()

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

    def deliver(self, future: Future[Any]) -> OpChanges | None:
        """Hand the result to the callbacks; returns the changes to announce, if any."""
        error = future.exception()
        changes = self._changes if error is None else None
        if self._parent is not None and not isValid(self._parent):
            return changes  # the widget is gone, but what changed still changed
        if error is None:
            if self._success is not None:
                self._success(future.result())
            return changes
        if isinstance(error, OpCancelled):
            if self._cancelled is not None:
                self._cancelled()
            return None
        if isinstance(error, RegisterClosed):
            log.info("Dropped work queued before the register was locked.")
            return None
        if not isinstance(error, Exception):
            raise error
        if self._failure is not None:
            self._failure(error)
            return None
        if unhandled_failure is None:
            # Only before ui/main.py installed the handler (tests): fail loudly, in the slot.
            log.error("Background work failed: %s", "".join(traceback.format_exception(error)))
            raise error
        parent = self._parent if isinstance(self._parent, QWidget) else None
        unhandled_failure(self.progress_label or tr("Background work"), error, parent)
        return None
