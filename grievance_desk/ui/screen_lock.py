"""Lock when the desktop's screen saver locks the screen (freedesktop ScreenSaver, D-Bus).

Wired after the first paint (``ui/late_start.py``): connecting to the session bus can take a
while on some desktops. Where Qt has no D-Bus module (Windows), there is nothing to watch.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SLOT, QObject, Slot

try:
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # a Qt build without D-Bus (Windows)
    QDBusConnection = None  # type: ignore[assignment,misc]


class _ScreenLockListener(QObject):
    """Receives the screen saver's ActiveChanged(bool) and calls back when it turns on."""

    def __init__(self, callback: Callable[[], object]) -> None:
        super().__init__()
        self.callback = callback

    @Slot(bool)
    def active_changed(self, active: bool) -> None:
        if active:
            self.callback()


_listeners: list[_ScreenLockListener] = []


def watch_screen_lock(callback: Callable[[], object], bus: QDBusConnection | None = None) -> bool:
    """Call ``callback`` when the desktop's screen saver locks (Linux, D-Bus); True if wired.

    ``bus`` is the session bus unless given (a test passes a private one).
    """
    if QDBusConnection is None:
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
