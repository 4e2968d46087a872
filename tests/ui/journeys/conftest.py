"""Journeys: the real MainWindow at 1366x768 on a real register, driven only through what the
officer sees (QAction.trigger, mouse clicks on visible buttons, shortcuts, typing).

An exception raised inside any slot fails the test (pytest-qt's default exception capture;
never turned off here). Modal dialogs opened with ``exec()`` block the call that opened them,
so a test says beforehand what to do with the next modal (`when_modal`); the "press
everything" test rejects every modal that appears (`ModalDismisser`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QMessageBox,
    QWidget,
)

from grievance_desk.services.clock import utc_now
from grievance_desk.services.demo_data import DEMO_SETTINGS, fill_demo_register
from grievance_desk.storage.register import Register
from grievance_desk.storage.settings_store import put_setting
from grievance_desk.ui.main_window import MainWindow
from grievance_desk.ui.ops import OpRunner
from tests.ui.conftest import settle

SCREEN = (1366, 768)


def _window(qtbot, runner: OpRunner, register: Register) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(runner, register.path, register)
    qtbot.addWidget(main)
    main.resize(*SCREEN)
    main.show()
    qtbot.waitExposed(main)
    settle(qtbot, runner)
    return main


def _close(main: MainWindow, runner: OpRunner) -> None:
    main.files.remove_all()
    if main.workspace is not None:
        main.lock(auto=True)  # saves valid edits, never asks
    runner.wait_idle()


@pytest.fixture
def office_register(runner: OpRunner, register_path: Path) -> Iterator[Register]:
    """An empty register with a (fictitious) organisation and officer filled in."""
    from tests.conftest import PASSPHRASE

    opened, _recovery = runner.call(lambda: Register.create(register_path, PASSPHRASE))

    def settings() -> None:
        with opened.writing() as session:
            for key, value in DEMO_SETTINGS.items():
                put_setting(session, key, value)

    runner.call(settings)
    yield opened
    runner.call(opened.close)


@pytest.fixture
def desk(qtbot, runner: OpRunner, office_register: Register) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real window, unlocked, at 1366x768 on an empty office register."""
    main = _window(qtbot, runner, office_register)
    yield main
    _close(main, runner)


@pytest.fixture
def demo_desk(qtbot, runner: OpRunner, register_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real window on a register filled by services/demo_data.py (fictitious cases)."""
    from tests.conftest import PASSPHRASE

    opened, _recovery = runner.call(lambda: Register.create(register_path, PASSPHRASE))
    now = utc_now() - timedelta(minutes=5)
    runner.call(lambda: fill_demo_register(opened, now=now, count=40))
    main = _window(qtbot, runner, opened)
    yield main
    _close(main, runner)
    runner.call(opened.close)


# --------------------------------------------------------------------------- modals


def when_modal(handler: Callable[[QWidget], None], *, timeout_ms: int = 10_000) -> list[QWidget]:
    """Run ``handler`` on the next modal widget that appears (from inside its exec loop).

    Returns a list that holds the widget once handled, so the test can assert it was.
    """
    before = QApplication.activeModalWidget()
    seen: list[QWidget] = []
    timer = QTimer()
    timer.setInterval(20)
    waited = [0]

    def poll() -> None:
        waited[0] += 20
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not before and modal.isVisible():
            timer.stop()
            seen.append(modal)
            handler(modal)
        elif waited[0] > timeout_ms:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    seen_holder.append(timer)  # keep the timer alive until it fires
    return seen


seen_holder: list[QTimer] = []


def button_named(widget: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (without & and …) starts with ``text``."""
    for button in widget.findChildren(QAbstractButton):
        label = button.text().replace("&", "").rstrip("…")
        if button.isVisible() and label.lower().startswith(text.lower()):
            return button
    names = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    raise AssertionError(f"no visible button {text!r} in {type(widget).__name__}: {names}")


def click(qtbot, button: QAbstractButton) -> None:  # type: ignore[no-untyped-def]
    """Click a visible, enabled button with the mouse, as the officer would."""
    assert button.isVisible(), f"{button.text()!r} is not visible"
    assert button.isEnabled(), f"{button.text()!r} is greyed out"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def answer_box(qtbot, text: str) -> Callable[[QWidget], None]:  # type: ignore[no-untyped-def]
    """A `when_modal` handler that clicks the message box's button ``text``."""

    def handler(modal: QWidget) -> None:
        click(qtbot, button_named(modal, text))

    return handler


class ModalDismisser(QObject):
    """Rejects whatever modal dialog is active, every few milliseconds, and counts them."""

    def __init__(self) -> None:
        super().__init__()
        self.dismissed: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._reject)

    def _reject(self) -> None:
        popup = QApplication.activePopupWidget()  # a button's menu opens as a popup
        if popup is not None:
            self.dismissed.append(f"{type(popup).__name__} popup")
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        self.dismissed.append(f"{type(modal).__name__}: {modal.windowTitle()}")
        if isinstance(modal, QMessageBox | QDialog):
            modal.reject()
        else:
            modal.close()

    def __enter__(self) -> ModalDismisser:
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()


def top_levels_too_large() -> list[str]:
    """Visible top-level windows larger than the 1366x768 laptop screen."""
    found = []
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and (widget.width() > SCREEN[0] or widget.height() > SCREEN[1]):
            found.append(f"{type(widget).__name__} '{widget.windowTitle()}' {widget.size()}")
    return found
