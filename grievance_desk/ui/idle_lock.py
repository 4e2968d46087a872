"""Lock after idle time: an application-wide event filter restarts a timer on any input.

Installed on the QApplication, so input anywhere (every window and dialog) counts as
activity. On timeout it emits ``sig_idle``; the main window then clears every view, drops
the key (Register.close) and shows the unlock screen. Where the desktop reports the screen
locking (freedesktop ScreenSaver over D-Bus), that locks too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import SLOT, QEvent, QObject, QTimer, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}


class IdleLock(QObject):
    sig_idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.sig_idle)
        self.set_timeout_ms(int(minutes * 60_000))
        self.active = False

    def set_timeout_ms(self, milliseconds: int) -> None:
        self._timer.setInterval(max(50, milliseconds))
        if self._timer.isActive():
            self._timer.start()

    def set_minutes(self, minutes: float) -> None:
        self.set_timeout_ms(int(minutes * 60_000))

    def start(self) -> None:
        self.active = True
        self._timer.start()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if self.active and event.type() in _ACTIVITY:
            self._timer.start()
        return super().eventFilter(watched, event)


class _ScreenLockListener(QObject):
    """Receives the screen saver's ActiveChanged(bool) and calls back when it turns on."""

    def __init__(self, callback: Callable[[], object]) -> None:
        super().__init__()
        self.callback = callback

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.callback()


def watch_screen_lock(callback: Callable[[], object], bus: QDBusConnection | None = None) -> bool:
    """Call ``callback`` when the desktop's screen saver locks (Linux, D-Bus); True if wired.

    ``bus`` is the session bus unless given (a test passes a private one).
    """
    try:
        # Here, not at the top: the window calls this after its first paint, and QtDBus is
        # not needed to show the unlock screen.
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # pragma: no cover - a PySide6 build without QtDBus
        return False
    if bus is None:
        bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    listener = _ScreenLockListener(callback)
    ok = bus.connect(  # type: ignore[call-overload]  # PySide6's stubs lack the slot-name form
        "",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        listener,
        # SLOT() adds the "1" Qt's slot strings start with; a bare "active_changed(bool)"
        # was refused (connect returned False), so the watch never worked before.
        SLOT("active_changed(bool)"),
    )
    if ok:
        _listeners[:] = [listener]  # the latest window's, alive as long as it is wanted
    return bool(ok)


_listeners: list[_ScreenLockListener] = []
