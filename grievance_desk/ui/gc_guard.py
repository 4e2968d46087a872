"""Python's cyclic garbage collector runs on the GUI thread only.

Left automatic, the collector runs on whichever thread happens to allocate when a threshold
is crossed: often the background worker (unlocking, paging cases, building reports) or the
import warm-up. A cycle that holds a Qt object's Python wrapper is then freed on that
thread; shiboken hands the C++ deletion to the GUI thread, which later crashed
(``BindingManager::runDeletionInMainThread``, seen in the UI tests on Python 3.11.2).

So automatic collection is switched off and the GUI thread collects on a timer, by the same
generation thresholds Python would use (the well-known PyQt recipe). Reference counting
still frees everything that is not in a cycle at once, on any thread, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 100  # small, frequent young-generation passes: no visible pause


class MainThreadCollector(QObject):
    """Owns the timer; a child of the application, so it lives exactly as long."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("gc_guard")
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()

    def collect_due(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        first, second, third = gc.get_count()
        freed = 0
        if first > self.threshold[0]:
            freed += gc.collect(0)
            if second > self.threshold[1]:
                freed += gc.collect(1)
                if third > self.threshold[2]:
                    freed += gc.collect(2)
        return freed


def freeze_startup() -> None:
    """Collect once, then move every object alive now out of later collections' way.

    Called while the unlock screen waits, after the imports: modules, classes and caches
    live as long as the process, yet each full collection would walk them again (a
    ~120 ms pause in the 100,000-case benchmark). No personal data exists yet at that
    moment, so nothing freed later from the case register is ever frozen.
    """
    gc.collect()
    gc.freeze()


def install(app: QCoreApplication) -> MainThreadCollector:
    """Switch to GUI-thread collection once per application (later calls return the same)."""
    existing = app.findChild(MainThreadCollector, "gc_guard")
    if isinstance(existing, MainThreadCollector):
        return existing
    return MainThreadCollector(app)
