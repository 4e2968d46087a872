"""The tray icon: reminders as notifications, and Show / Lock / Quit while the app runs.

The menu and its actions exist whether or not the desktop has a tray (they are what the
tests press); the icon itself only where ``QSystemTrayIcon`` says a tray is available.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from grievance_desk.ui.i18n import tr
from grievance_desk.ui.resources import app_icon

APP_NAME = "Grievance Desk"  # the brand, the same in every language


class Tray(QObject):
    sig_show = Signal()
    sig_lock = Signal()
    sig_quit = Signal()
    sig_open_case = Signal(str)

    def __init__(self, parent: QObject | None = None, *, available: bool | None = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self._seen: set[str] = set()
        self._last_reference = ""
        self.menu = QMenu()
        self.show_action = QAction(tr("Show Grievance Desk"), self)
        self.show_action.triggered.connect(lambda: self.sig_show.emit())
        self.lock_action = QAction(tr("Lock"), self)
        self.lock_action.triggered.connect(lambda: self.sig_lock.emit())
        self.quit_action = QAction(tr("Quit"), self)
        self.quit_action.triggered.connect(lambda: self.sig_quit.emit())
        self.menu.addAction(self.show_action)
        self.menu.addAction(self.lock_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon: QSystemTrayIcon | None = None
        if not self.available:
            return
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setToolTip(APP_NAME)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(lambda _reason: self.sig_show.emit())
        self.icon.messageClicked.connect(lambda: self._clicked())
        self.icon.show()

    def notify(self, reminders: list[object]) -> int:
        """Show reminders not yet shown this session (one summary if several); returns count."""
        fresh = [r for r in reminders if getattr(r, "key", "") not in self._seen]
        for reminder in fresh:
            self._seen.add(str(getattr(reminder, "key", "")))
        if not fresh:
            return 0
        first = fresh[0]
        self._last_reference = str(getattr(first, "reference", ""))
        if self.icon is None:
            return len(fresh)
        if len(fresh) == 1:
            title = tr("Reminder: {reference}").format(reference=self._last_reference)
            text = str(getattr(first, "message", ""))
        else:
            title = tr("{count} reminders").format(count=len(fresh))
            more = len(fresh) - 1
            text = (
                str(getattr(first, "message", ""))
                + "\n"
                + (
                    tr("…and 1 more on the Today page.")
                    if more == 1
                    else tr("…and {count} more on the Today page.").format(count=more)
                )
            )
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 15_000)
        return len(fresh)

    def _clicked(self) -> None:
        if self._last_reference:
            self.sig_open_case.emit(self._last_reference)
