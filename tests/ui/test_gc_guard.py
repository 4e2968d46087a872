"""Cycles are collected on the GUI thread only, never on the worker that allocated them."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from grievance_desk.ui import gc_guard
from grievance_desk.ui.main import application


class _Cycle:
    freed_on_gui_thread: ClassVar[list[bool]] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on_gui_thread.append(threading.current_thread() is threading.main_thread())


def test_worker_allocations_never_trigger_a_collection(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    app = application()
    assert not gc.isenabled(), "automatic collection is off once the app exists"
    assert gc_guard.install(app) is gc_guard.install(app), "installed once"
    _Cycle.freed_on_gui_thread.clear()

    def make_garbage() -> None:
        for _ in range(20_000):  # far past every generation threshold
            _Cycle()

    worker = threading.Thread(target=make_garbage)
    worker.start()
    worker.join()
    assert _Cycle.freed_on_gui_thread == [], "nothing was collected on the worker"

    qtbot.waitUntil(lambda: len(_Cycle.freed_on_gui_thread) >= 20_000, timeout=5_000)
    assert all(_Cycle.freed_on_gui_thread), "the GUI thread's timer collected them"
