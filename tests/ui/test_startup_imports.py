"""The unlock screen must show without the heavy libraries behind it.

A cold start is dominated by imports: SQLAlchemy, SQLModel, Alembic, reportlab and openpyxl
together cost several times a bare PySide6 window. They load after the unlock screen has
painted (ui/preload.py warms them while the officer types). A module-level import of any of
them on the start-up path would silently undo that, so this test starts the real entry point
(``grievance-desk gui``) in a fresh interpreter and lists what was imported at the first paint
of the unlock screen. No timing: only which modules were loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "sqlalchemy",
    "sqlmodel",
    "alembic",
    "reportlab",
    "openpyxl",
    "jinja2",
    "sqlcipher3",
    "keyring",
    "grievance_desk.storage.register",
    "grievance_desk.services.case_queries",
    "grievance_desk.ui.cases_page",
    "grievance_desk.ui.setup_wizard",
)

# Lighter, but still a few milliseconds each of a cold start that is measured against a bare
# window (tests/benchmarks/test_bench_startup.py), and only needed later: the worker thread's
# pool (first background work), dataclasses, importlib.resources (resources are found by
# path, see grievance_desk/resources_path.py), and what ui/late_start.py sets up after the
# first paint: the tray icon, the error dialog and its log file (logging.handlers), the
# single-instance socket (QtNetwork); platformdirs only when no register is named; zxcvbn
# only where a new passphrase is typed.
DEFERRED = (
    "concurrent.futures",
    "dataclasses",
    "importlib.resources",
    "logging.handlers",
    "platformdirs",
    "zxcvbn",
    "PySide6.QtNetwork",
    "grievance_desk.ui.tray",
    "grievance_desk.ui.error_dialog",
    "grievance_desk.ui.late_start",
    "grievance_desk.ui.workspace",
)

# Runs `grievance-desk gui --register PATH` as the console script does, and prints the names
# of the modules loaded when the unlock screen first paints, then quits.
CHILD = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

real_exec = QApplication.exec
seen = {}

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if not seen and event.type() == QEvent.Type.Paint and type(obj).__name__ == %(cls)r:
            seen["modules"] = sorted(sys.modules)
            QTimer.singleShot(0, QApplication.quit)
        return False

def exec_watched(app):
    watch = FirstPaint()
    app.installEventFilter(watch)
    QTimer.singleShot(60_000, QApplication.quit)
    return real_exec()

QApplication.exec = exec_watched
sys.argv = ["grievance-desk", "gui", "--register", %(path)r]
from grievance_desk.cli import main
code = main()
print(json.dumps({"code": code, "modules": seen.get("modules")}))
"""


def _modules_at_first_paint(tmp_path: Path, register: Path, widget_class: str) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path / "home"),
    }
    child = subprocess.run(
        [sys.executable, "-c", CHILD % {"cls": widget_class, "path": str(register)}],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    report = json.loads(child.stdout.strip().splitlines()[-1])
    assert report["modules"] is not None, f"the {widget_class} never painted\n{child.stderr}"
    return set(report["modules"])


def _loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


def test_unlock_screen_paints_without_heavy_imports(tmp_path: Path) -> None:
    register = tmp_path / "register.db"
    register.write_bytes(b"")  # the screen only needs the file to exist to offer unlocking
    modules = _modules_at_first_paint(tmp_path, register, "UnlockScreen")
    assert "grievance_desk.ui.unlock_screen" in modules  # it did go through the real path
    heavy = [name for name in HEAVY if _loaded(modules, name)]
    assert not heavy, (
        f"imported before the unlock screen painted: {heavy}. Import them where they are "
        "used (after unlocking), or add them to ui/preload.py to warm them in the background."
    )
    early = [name for name in DEFERRED if _loaded(modules, name)]
    assert not early, f"imported before the unlock screen painted, but needed only later: {early}"
