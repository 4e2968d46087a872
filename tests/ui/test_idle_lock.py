"""The idle lock fires after quiet, not while the officer types or moves the mouse.

A real IdleLock installed on the application, as the window installs it, with the officer's
minutes shortened to milliseconds; input is real key presses and clicks into a field.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtDBus import QDBusConnection
from PySide6.QtWidgets import QApplication, QLineEdit

from grievance_desk.ui.idle_lock import IdleLock
from grievance_desk.ui.screen_lock import watch_screen_lock

QUIET_MS = 300


@pytest.fixture
def idle(qapp: QApplication) -> Iterator[IdleLock]:
    lock = IdleLock(10)
    lock.set_timeout_ms(QUIET_MS)
    qapp.installEventFilter(lock)
    yield lock
    lock.stop()
    qapp.removeEventFilter(lock)


@pytest.fixture
def field(qtbot) -> QLineEdit:  # type: ignore[no-untyped-def]
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    return edit


def test_quiet_locks(qtbot, idle: IdleLock) -> None:  # type: ignore[no-untyped-def]
    idle.start()
    with qtbot.waitSignal(idle.sig_idle, timeout=QUIET_MS * 10):
        pass


def test_typing_keeps_it_unlocked_then_quiet_locks(qtbot, idle: IdleLock, field: QLineEdit) -> None:  # type: ignore[no-untyped-def]
    fired: list[bool] = []
    idle.sig_idle.connect(lambda: fired.append(True))
    idle.start()
    for _ in range(8):  # 8 x 100 ms of typing: well past the 300 ms of quiet it needs
        qtbot.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(100)
    assert not fired
    assert field.text() == "a" * 8
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(fired), timeout=QUIET_MS * 10)


def test_stopped_it_never_fires_and_input_does_not_restart_it(
    qtbot, idle: IdleLock, field: QLineEdit
) -> None:  # type: ignore[no-untyped-def]
    fired: list[bool] = []
    idle.sig_idle.connect(lambda: fired.append(True))
    idle.start()
    idle.stop()
    qtbot.keyClick(field, Qt.Key.Key_B)
    qtbot.wait(QUIET_MS * 2)
    assert not fired
    assert not idle.active


def test_a_new_timeout_applies_to_the_running_wait(qtbot, idle: IdleLock) -> None:  # type: ignore[no-untyped-def]
    idle.set_minutes(10)
    idle.start()
    idle.set_timeout_ms(QUIET_MS)  # the settings page changed the minutes while unlocked
    with qtbot.waitSignal(idle.sig_idle, timeout=QUIET_MS * 10):
        pass


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A private D-Bus daemon of our own (never the desktop's), its address."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    QDBusConnection.disconnectFromBus("grievance-desk-test")
    daemon.terminate()
    daemon.wait(timeout=10)


def _screen_saver_says(address: str, active: bool) -> None:
    subprocess.run(
        [
            "dbus-send",
            f"--bus={address}",
            "--type=signal",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            f"boolean:{'true' if active else 'false'}",
        ],
        check=True,
    )


def test_the_desktop_locking_its_screen_locks_the_desk(qtbot, private_bus: str) -> None:  # type: ignore[no-untyped-def]
    bus = QDBusConnection.connectToBus(private_bus, "grievance-desk-test")
    assert bus.isConnected()
    locked: list[bool] = []
    assert watch_screen_lock(lambda: locked.append(True), bus) is True

    _screen_saver_says(private_bus, False)  # the screen saver ending does not lock
    qtbot.wait(200)
    assert not locked
    _screen_saver_says(private_bus, True)
    qtbot.waitUntil(lambda: bool(locked), timeout=5_000)


def test_without_a_bus_it_says_the_screen_lock_is_not_watched(qapp: QApplication) -> None:
    bus = QDBusConnection.connectToBus("unix:path=/nonexistent/grievance-desk", "gd-no-bus")
    assert watch_screen_lock(lambda: None, bus) is False
