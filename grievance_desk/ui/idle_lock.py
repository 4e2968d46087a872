"""Lock after idle time: an application-wide event filter restarts a timer on any input.

Installed on the QApplication, so input anywhere (every window and dialog) counts as
activity. On timeout it emits ``sig_idle``; the main window then clears every view, drops
the key (Register.close) and shows the unlock screen. Where the desktop reports the screen
locking, that locks too (``ui/screen_lock.py``).
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
