"""Child processes for the cold-start and memory benchmarks (run as ``python -m``).

``bare``: a QApplication and one QLabel, the yardstick. ``app PATH``: the officer's real
path, the ``grievance-desk`` console script's ``main()`` with ``gui --register PATH`` (CLI →
``app.run_gui`` → ``ui.main.run`` → unlock screen). ``wizard PATH``: the same with no register
at PATH yet, so the first-run wizard opens. Each prints ``painted`` when its window's first
paint event arrives and quits. The app is not changed for this: the child wraps
``QApplication.exec`` to install an application-wide event filter that watches for the first
paint of the expected widget class, so import order and start-up work stay the real ones.

``memory PATH``: unlock with the passphrase (real Argon2id), open the Cases page, scroll
from the first row to the last, and print the RSS high-water mark at each step as JSON.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _rss_mb() -> float:
    """RSS high-water of this process. Not ru_maxrss: Linux carries the parent's (pytest's)
    high-water mark through fork and exec into it, so it would report pytest's size."""
    if Path("/proc/self/status").exists():
        return _status_mb("VmHWM")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mb() -> float:
    return _status_mb("VmRSS")


def _report_paint() -> None:
    """``painted`` on stdout; the same mark on stderr, with the process's CPU time so far
    (less disturbed than wall time on a busy machine), splits ``-X importtime`` output."""
    print("painted", flush=True)
    cpu_ms = time.process_time() * 1000
    print(f"-- painted -- cpu_ms={cpu_ms:.1f}", file=sys.stderr, flush=True)


def _watch_paint(app: Any, widget: Any) -> Any:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class PaintWatch(QObject):
        seen = False

        def eventFilter(self, _obj: Any, event: Any) -> bool:  # noqa: N802 - Qt override
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                _report_paint()
                QTimer.singleShot(0, app.quit)
            return False

    watch = PaintWatch()
    widget.installEventFilter(watch)
    return watch


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Grievance Desk")
    watch = _watch_paint(app, label)
    label.show()
    app.exec()
    del watch


def _quit_on_first_paint(class_name: str, object_name: str = "") -> None:
    """Print ``painted`` at the first paint of the ``class_name`` widget, then quit the app.

    Only PySide6 is imported here (the app imports it anyway). When the app's own
    ``QApplication.exec`` starts, the window is built and shown but not yet painted: the
    widget is found then (a top-level ``class_name``, or the child named ``object_name``)
    and watched alone, as the bare window's label is. An application-wide filter would
    make PySide wrap every object that gets an event, which costs the app, not the
    yardstick, tens of milliseconds.
    """
    from PySide6.QtWidgets import QApplication, QWidget

    real_exec = QApplication.exec

    def find(app: Any) -> Any:
        for window in app.topLevelWidgets():
            if type(window).__name__ == class_name:
                return window
            child = window.findChild(QWidget, object_name) if object_name else None
            if child is not None and type(child).__name__ == class_name:
                return child
        raise LookupError(f"no {class_name} was shown")

    def exec_watched(app: Any) -> int:
        watch = _watch_paint(app, find(app))
        try:
            return int(real_exec())
        finally:
            del watch

    QApplication.exec = exec_watched  # type: ignore[method-assign,assignment]


def entry_point(path: Path, class_name: str, object_name: str = "") -> None:
    """What the ``grievance-desk`` console script runs: ``sys.exit(main())`` on its argv."""
    _quit_on_first_paint(class_name, object_name)
    sys.argv = ["grievance-desk", "gui", "--register", str(path)]
    from grievance_desk.cli import main

    code = main()
    if code:
        raise SystemExit(code)


def memory(path: Path, passphrase: str) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from grievance_desk.storage.register import Register, Unlock
    from grievance_desk.ui.cases_page import CasesPage
    from grievance_desk.ui.main import application
    from grievance_desk.ui.ops import OpRunner
    from grievance_desk.ui.private_files import PrivateFiles

    steps: dict[str, float] = {"imports": _rss_mb()}
    app: QApplication = application()
    runner = OpRunner()
    register = runner.call(lambda: Register.open(path, Unlock(passphrase=passphrase)), 120)
    runner.register = register  # as the window does on unlock
    steps["unlocked (Argon2id + open)"] = _rss_mb()
    page = CasesPage(runner, PrivateFiles())
    page.resize(1280, 800)
    page.show()

    def wait(predicate: Any, timeout: float = 120.0) -> None:
        end = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > end:
                raise TimeoutError("the Cases page did not load")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    wait(lambda: page.model.loaded and page.model.rowCount() > 0)
    page.table.viewport().repaint()
    steps["Cases page, first rows"] = _rss_mb()
    model, bar = page.model, page.table.verticalScrollBar()
    total = model.rowCount()
    started = time.perf_counter()
    row = 0
    stride = page.table.viewport().height() // page.table.rowHeight(0)
    while row < total:
        # Scroll one screen at a time, end to end, waiting for each page that comes into view.
        page.table.scrollTo(model.index(min(row, total - 1), 0))
        target = min(row, total - 1)
        model.data(model.index(target, 0))
        wait(lambda t=target: model.row_at(t) is not None)
        app.processEvents()
        row += stride * 25  # every 25th screen (each page of 200 rows is fetched once)
    bar.setValue(bar.maximum())
    last = model.index(total - 1, 0)
    model.data(last)
    wait(lambda: model.row_at(total - 1) is not None)
    page.table.viewport().repaint()
    steps["scrolled end to end"] = _rss_mb()
    print(
        json.dumps(
            {
                "steps_mb": steps,
                "current_mb": _current_mb(),
                "rows": total,
                "pages_fetched": model.pages_fetched,
                "cached_rows": model.cached_rows,
                "scroll_seconds": time.perf_counter() - started,
            }
        ),
        flush=True,
    )
    QTimer.singleShot(0, app.quit)
    app.exec()
    page.close()
    runner.call(register.close)
    runner.shutdown()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    elif mode == "app":
        entry_point(Path(sys.argv[2]), "UnlockScreen", "unlock_screen")
    elif mode == "wizard":
        entry_point(Path(sys.argv[2]), "SetupWizard")
    else:
        memory(Path(sys.argv[2]), sys.argv[3])
