"""Lock when the desktop's screen saver locks the screen (freedesktop ScreenSaver, D-Bus).

Wired after the first paint (``ui/late_start.py``): connecting to the session bus can take a
while on some desktops. Where Qt has no D-Bus module (Windows), there is nothing to watch.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot

try:
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # a Qt build without D-Bus (Windows)
    QDBusConnection = None  # type: ignore[assignment,misc]


def watch_screen_lock(callback: object) -> bool:
    """Call ``callback`` when the desktop's screen saver locks (Linux, D-Bus); True if wired."""
    if QDBusConnection is None:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False

    class _Listener(QObject):
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
