"""The tray icon: reminders as notifications, and Show / Lock / Quit while the app runs."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from grievance_desk.ui.resources import app_icon


class Tray(QObject):
    sig_show = Signal()
    sig_lock = Signal()
    sig_quit = Signal()
    sig_open_case = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._seen: set[str] = set()
        self._last_reference = ""
        self.icon: QSystemTrayIcon | None = None
        if not self.available:
            return
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip("Grievance Desk")
        menu = QMenu()
        menu.addAction("Show Grievance Desk", self.sig_show.emit)
        menu.addAction("Lock", self.sig_lock.emit)
        menu.addSeparator()
        menu.addAction("Quit", self.sig_quit.emit)
        self._menu = menu
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(lambda _reason: self.sig_show.emit())
        self.icon.messageClicked.connect(self._clicked)
        self.icon.show()

    def notify(self, reminders: list[object]) -> int:
        """Show reminders not yet shown this session (one summary if several); returns count."""
        fresh = [r for r in reminders if getattr(r, "key", "") not in self._seen]
        for reminder in fresh:
            self._seen.add(str(getattr(reminder, "key", "")))
        if not fresh or self.icon is None:
            return len(fresh)
        first = fresh[0]
        self._last_reference = str(getattr(first, "reference", ""))
        if len(fresh) == 1:
            title, text = f"Reminder: {self._last_reference}", str(getattr(first, "message", ""))
        else:
            title = f"{len(fresh)} reminders"
            text = f"{getattr(first, 'message', '')}\n…and {len(fresh) - 1} more on the Today page."
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        return len(fresh)

    def _clicked(self) -> None:
        if self._last_reference:
            self.sig_open_case.emit(self._last_reference)
