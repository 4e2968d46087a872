"""UI fixtures: a themed QApplication, the op runner, and an unlocked main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from grievance_desk import messages
from grievance_desk.storage.register import Register
from grievance_desk.ui import i18n
from grievance_desk.ui.main import application
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings into tmp_path, so tests never read or write the officer's preferences."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return application()


@pytest.fixture
def runner(app: QApplication) -> Iterator[OpRunner]:
    ops = OpRunner()
    yield ops
    ops.wait_idle()
    ops.shutdown()  # no idle worker threads left behind from test to test


@pytest.fixture
def ui_register(runner: OpRunner, register_path: Path) -> Iterator[Register]:
    """A register opened on the worker thread, as the app opens it.

    The register's file lock (filelock, thread-local by default) belongs to the thread that
    took it, and the app closes registers on the worker thread; see the report to storage.
    """
    from tests.conftest import PASSPHRASE

    opened, _recovery = runner.call(lambda: Register.create(register_path, PASSPHRASE))
    runner.register = opened  # as the window does on unlock: Op.on_register work gets it
    yield opened
    runner.register = None
    runner.call(opened.close)


@pytest.fixture
def window(qtbot, runner: OpRunner, ui_register: Register) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(runner, ui_register.path, ui_register)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.files.remove_all()
    if main.workspace is not None:
        main.lock()
    runner.wait_idle()


def settle(qtbot, runner: OpRunner, rounds: int = 3) -> None:  # type: ignore[no-untyped-def]
    """Let queued background work finish and its results arrive on the GUI thread."""
    for _ in range(rounds):
        runner.wait_idle()
        qtbot.wait(20)


@pytest.fixture(autouse=True)
def _collect_qt_garbage(qapp: QApplication) -> Iterator[None]:
    """Free each test's Qt objects while the application still exists, not at exit."""
    yield
    import gc

    qapp.processEvents()
    gc.collect()
    qapp.processEvents()


@pytest.fixture
def hindi(app, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The Hindi window: its catalogue compiled and installed before the window exists (after
    the application's own start-up, which sets the English window's formats once), and the
    services' messages in Hindi too. English again afterwards."""
    qm = i18n.compiled_catalogue("hi", tmp_path / "cache")
    assert qm is not None, "the Hindi catalogue did not compile"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale("hi"))
    messages.use_language("hi")  # what the services say, as ui/main.install_language does
    assert i18n.tr("Settings") != "Settings"
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale("en_GB"))
