"""Lock after idle time: an application-wide event filter restarts a timer on any input.

Installed on the QApplication, so input anywhere (every window and dialog) counts as
activity. On timeout it emits ``sig_idle``; the main window then clears every view, drops
the key (Register.close) and shows the unlock screen. Where the desktop reports the screen
locking (freedesktop ScreenSaver over D-Bus), that locks too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

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


def watch_screen_lock(callback: object) -> bool:
    """Call ``callback`` when the desktop's screen saver locks (Linux, D-Bus); True if wired."""
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False

    class _Listener(QObject):
        from PySide6.QtCore import Slot

        @Slot(bool)
        def active_changed(self, active: bool) -> None:
            if active and callable(callback):
                callback()

    listener = _Listener()
    ok = bus.connect(  # type: ignore[call-overload]  # PySide6's stubs lack the slot-name form
        "",
        "/org/freedesktop/ScreenSaver",
        "org.freedesktop.ScreenSaver",
        "ActiveChanged",
        listener,
        "active_changed(bool)",
    )
    if ok:
        watch_screen_lock.listener = listener  # type: ignore[attr-defined]
    return bool(ok)
