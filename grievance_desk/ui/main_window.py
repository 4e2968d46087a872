"""The main window: unlock screen or workspace, navigation, toolbar, status bar, locking.

Locked, the window holds only the unlock screen: the workspace (every page, model and form
that showed personal data) is destroyed, the register closes on the background thread after
any work in flight, and opened attachment copies are deleted. Unlocking builds a fresh
workspace and returns to the page and case the officer had open.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from grievance_desk.ui import stages
from grievance_desk.ui.clipboard import SensitiveClipboard
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.idle_lock import IdleLock
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.resources import app_icon, icon
from grievance_desk.ui.unlock_screen import UnlockScreen
from grievance_desk.ui.widgets import ElidedLabel, name_standard_buttons

if TYPE_CHECKING:
    # The workspace (the pages, the services behind them: SQLAlchemy, Alembic, reportlab,
    # openpyxl…) is ui/workspace.py, loaded by ui/stages.py when the register is unlocked,
    # not before the unlock screen shows: it is most of a cold start. ui/preload.py warms it
    # while the officer types. The tray icon is made after the first paint (late_start).
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from grievance_desk.services.email_intake import EmailIntake
    from grievance_desk.services.register_access import Register
    from grievance_desk.services.register_opening import RegisterOpening
    from grievance_desk.ui.import_dialog import ImportDialog
    from grievance_desk.ui.new_case_dialog import NewCaseDialog
    from grievance_desk.ui.private_files import PrivateFiles
    from grievance_desk.ui.tray import Tray
    from grievance_desk.ui.workspace import Workspace

#: The pages, named with QT_TR_NOOP and shown through tr().
PAGES = [
    (QT_TR_NOOP("Today"), "today"),
    (QT_TR_NOOP("Cases"), "cases"),
    (QT_TR_NOOP("Reports"), "reports"),
    (QT_TR_NOOP("Settings"), "settings"),
]
TODAY, CASES, REPORTS, SETTINGS = range(4)
REMINDER_POLL_MS = 5 * 60_000
DEFAULT_AUTO_LOCK_MINUTES = 10


SHORTCUTS = (
    ("Ctrl+N", QT_TR_NOOP("New case")),
    ("Ctrl+Shift+N", QT_TR_NOOP("New case from an e-mail file")),
    ("Ctrl+I", QT_TR_NOOP("Import a spreadsheet register (Excel or CSV)")),
    ("Ctrl+E", QT_TR_NOOP("Export the case list as shown (Excel or CSV)")),
    ("Ctrl+F", QT_TR_NOOP("Search cases")),
    ("Ctrl+S", QT_TR_NOOP("Save the case or letter you are editing")),
    ("Ctrl+P", QT_TR_NOOP("Print the letter on screen")),
    ("Ctrl+Shift+L", QT_TR_NOOP("New letter for the open case")),
    ("Ctrl+Shift+M", QT_TR_NOOP("Record correspondence on the open case")),
    ("Ctrl+Enter", QT_TR_NOOP("Build the report (Reports page)")),
    ("Ctrl+L", QT_TR_NOOP("Lock now (the key is dropped from memory)")),
    ("Ctrl+1…4", QT_TR_NOOP("Today, Cases, Reports, Settings")),
    ("F1", QT_TR_NOOP("This help")),
    ("Ctrl+F1", QT_TR_NOOP("About: version, register and log folders, licences")),
)


_DROP_HELP = QT_TR_NOOP(
    "Drop an e-mail saved as .eml or Outlook .msg on the window to start a case from it; "
    "drop any file on an open case to attach it. Right-click the Cases table's header to "
    "show or hide columns."
)


def help_html() -> str:
    """The shortcut table in the palette's own colours, so it reads in light and dark."""
    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    stripe = palette.color(QPalette.ColorRole.AlternateBase).name()
    rule = palette.color(QPalette.ColorRole.Mid).name()
    rows = "".join(
        f'<tr style="background:{stripe if i % 2 else "transparent"}">'
        f'<td style="padding:4px 14px 4px 6px; white-space:nowrap"><b>{key}</b></td>'
        f'<td style="padding:4px 6px">{tr(what)}</td></tr>'
        for i, (key, what) in enumerate(SHORTCUTS)
    )
    title = tr("Grievance Desk — keyboard")
    drop_help = tr(_DROP_HELP)
    return (
        f'<div style="color:{text}"><h3>{title}</h3>'
        f'<table cellspacing="0" style="border-top:1px solid {rule}; '
        f'border-bottom:1px solid {rule}">{rows}</table>'
        f'<p style="color:{muted}">{drop_help}</p></div>'
    )


def _collect_garbage() -> None:
    gc.collect()


#: The smallest window the workspace is laid out for (a 1024x768 screen less its panels),
#: and the size it opens at when the screen has room (a 1366x768 laptop has not).
MINIMUM_WINDOW = QSize(1024, 640)
PREFERRED_WINDOW = QSize(1280, 800)
NAV_WIDTH = 150
COMPACT_NAV_WIDTH = 56
COMPACT_BELOW = 1200


def fit_to_screen(window: QWidget, preferred: QSize = PREFERRED_WINDOW) -> None:
    """Size ``window`` to ``preferred`` or the screen's available area, whichever is smaller,
    and centre it there: the window never opens under a taskbar or off the screen."""
    screen = window.screen()
    if screen is None:
        window.resize(preferred)
        return
    area = screen.availableGeometry()
    # The frame (title bar, borders) is not known before the first show: leave room for it.
    width = max(1, min(preferred.width(), area.width() - 16))
    height = max(1, min(preferred.height(), area.height() - 48))
    window.resize(width, height)
    window.move(
        area.x() + (area.width() - width) // 2,
        area.y() + max(0, (area.height() - height - 32) // 2),
    )


class WhereTheOfficerWas(NamedTuple):
    # A NamedTuple, not a dataclass: importing dataclasses cost ~7 ms of the unlock
    # screen's cold start, and this is the only one on that path.
    page: int = TODAY
    reference: str | None = None
    search: str = ""


class MainWindow(QMainWindow):
    sig_locked = Signal()
    sig_unlocked = Signal()

    def __init__(
        self,
        runner: OpRunner,
        register_path: Path,
        register: Register | None = None,
        *,
        demo: bool = False,
        unlock_hint: str = "",
        opening: RegisterOpening | None = None,
    ) -> None:
        super().__init__()
        self.runner = runner
        self.register_path = register_path
        self.demo = demo
        self._files: PrivateFiles | None = None
        self.tray: Tray | None = None
        self.clipboard = SensitiveClipboard(parent=self)
        self.workspace: Workspace | None = None
        self._workspace_class: type[Workspace] | None = None
        self.auto_backup = not demo  # a demo register of fictitious data needs no backups
        self._where = WhereTheOfficerWas()
        self._lock_notice = ""
        self.setWindowTitle(
            tr("Grievance Desk — DEMO (fictitious data)") if demo else "Grievance Desk"
        )
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        fit_to_screen(self)

        self.stack = QStackedWidget()
        self.unlock_screen = UnlockScreen(runner, register_path, hint=unlock_hint, opening=opening)
        self.unlock_screen.sig_unlocked.connect(self.unlocked)
        self.unlock_screen.sig_shown.connect(self._start_desktop_hooks)
        self.stack.addWidget(self.unlock_screen)
        self.setCentralWidget(self.stack)

        self._build_toolbar()
        self._build_status_bar()
        self._build_file_menu()  # after the toolbar: the menu reuses its actions

        self.idle = IdleLock(DEFAULT_AUTO_LOCK_MINUTES, self)
        self.idle.sig_idle.connect(lambda: self.lock(auto=True))
        self.reminder_timer = QTimer(self)
        self.reminder_timer.setInterval(REMINDER_POLL_MS)
        self.reminder_timer.timeout.connect(self._poll_reminders)

        if register is not None:
            self.unlocked(register)
        else:
            self._set_locked_ui(True)

    @property
    def files(self) -> PrivateFiles:
        """Opened attachment copies; made on first use (it sweeps a crash's leftovers)."""
        if self._files is None:
            self._files = stages.private_files_class()()
        return self._files

    def _start_desktop_hooks(self) -> None:
        """Tray icon, screen-lock watch and the sweep of leftover attachment copies.

        Run once the unlock screen has painted (or on unlocking, whichever is first): none
        of them shows on the first frame, and the tray and D-Bus calls can take a while on
        some desktops, so they must not delay it.
        """
        if self.tray is not None:
            return
        self.tray = stages.tray_class()(self)
        self.tray.sig_show.connect(self._show_window)
        self.tray.sig_lock.connect(lambda: self.lock())
        self.tray.sig_quit.connect(self.close)
        self.tray.sig_open_case.connect(self.open_case)
        stages.screen_lock_watch()(lambda: self.lock(auto=True))
        stages.sweep_viewing_copies()()

    def _watch_activity(self, on: bool) -> None:
        """The idle lock sees every input event only while unlocked: an application-wide
        filter makes PySide wrap each object that gets an event, which slowed the first
        paint of the unlock screen and is of no use while locked."""
        app = QApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self.idle)
        else:
            app.removeEventFilter(self.idle)

    # -- chrome --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar(tr("Main"))
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.toolbar = bar

        make = self._action

        self.new_action = make(
            tr("New case"), "new-case", "Ctrl+N", lambda: self.new_case(), tr("New case")
        )
        self.import_action = make(
            tr("From e-mail…"),
            "email",
            "Ctrl+Shift+N",
            self.choose_email,
            tr("New case from an e-mail"),
        )
        self.search_action = make(
            tr("Search"), "search", "Ctrl+F", self.focus_search, tr("Search cases")
        )
        self.save_action = make(tr("Save"), "save", "Ctrl+S", self.save, tr("Save the open case"))
        self.lock_action = make(tr("Lock"), "lock", "Ctrl+L", lambda: self.lock(), tr("Lock now"))
        self.help_action = make(tr("Help"), "help", "F1", self.show_help, tr("Keyboard shortcuts"))
        self.print_action = make(
            tr("Print"), "print", "Ctrl+P", self.print_letter, tr("Print the letter")
        )
        self.addAction(self.print_action)
        self.about_action = make(
            tr("About Grievance Desk"),
            "help",
            "Ctrl+F1",
            self.show_about,
            tr("Version and licences"),
        )
        self.addAction(self.about_action)
        for action in (self.new_action, self.import_action, self.search_action, self.save_action):
            bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.lock_action)
        bar.addAction(self.help_action)
        self.page_actions: list[QAction] = []
        for row in range(4):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _c=False, r=row: self._go(r))
            self.addAction(action)
            self.page_actions.append(action)

    def _action(self, text: str, icon_name: str, shortcut: str, slot: Any, tip: str) -> QAction:
        """A window-wide action with its shortcut in the tooltip (toolbar and File menu)."""
        action = QAction(icon(icon_name), text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.setToolTip(tip + " (" + shortcut + ")")
        action.triggered.connect(slot)
        return action

    def _build_file_menu(self) -> None:
        """File menu: new case, from an e-mail, import a spreadsheet, export the list, lock."""

        make = self._action

        self.import_sheet_action = make(
            tr("Import spreadsheet…"),
            "open",
            "Ctrl+I",
            lambda: self.import_spreadsheet(),
            tr("Import an Excel or CSV register"),
        )
        self.export_list_action = make(
            tr("Export case list…"),
            "save",
            "Ctrl+E",
            lambda: self.export_case_list(),
            tr("Export the cases shown, with the current filter and search, to Excel or CSV"),
        )
        menu = self.menuBar().addMenu(tr("&File"))
        menu.setObjectName("file_menu")
        menu.addAction(self.new_action)
        menu.addAction(self.import_action)
        menu.addSeparator()
        menu.addAction(self.import_sheet_action)
        menu.addAction(self.export_list_action)
        menu.addSeparator()
        menu.addAction(self.lock_action)
        self.file_menu = menu

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.lock_label = QLabel()
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(120)
        self.busy_bar.setFixedHeight(12)
        self.busy_text = QLabel()
        self.busy_bar.hide()
        self.busy_text.hide()
        # Messages (showMessage) take the left; the lock state, busy indicator and register
        # sit on the right as permanent widgets, so a message never paints over them, and
        # the register's path elides instead of widening the window.
        self.register_label = ElidedLabel()
        self.register_label.setMaximumWidth(420)
        bar.addPermanentWidget(self.busy_text)
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.register_label)
        bar.addPermanentWidget(self.lock_label)
        self.runner.sig_busy_changed.connect(self._busy)
        name = str(self.register_path)
        if self.demo:
            name = tr("Demo register (fictitious data): {path}").format(path=name)
        self.register_label.setText(name)
        self.register_label.setToolTip(str(self.register_path))

    def _busy(self, busy: bool, text: str) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_text.setVisible(busy)
        self.busy_text.setText(text)

    def _set_locked_ui(self, locked: bool) -> None:
        for action in (
            self.new_action,
            self.import_action,
            self.search_action,
            self.save_action,
            self.print_action,
            self.import_sheet_action,
            self.export_list_action,
        ):
            action.setEnabled(not locked)
        self.lock_action.setEnabled(not locked)
        for action in self.page_actions:
            action.setEnabled(not locked)
        lock_icon = icon("lock" if locked else "unlock")
        self.lock_label.setPixmap(lock_icon.pixmap(14, 14))
        self.lock_label.setText("")
        self.lock_label.setToolTip(tr("Locked") if locked else tr("Unlocked"))
        self.statusBar().showMessage(tr("Locked — the key is not in memory.") if locked else "", 0)
        self.lock_label.setAccessibleName(tr("Locked") if locked else tr("Unlocked"))

    # -- locking -------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.workspace is None

    def unlocked(self, register: Register) -> None:
        workspace_class = stages.workspace_class()  # the pages and their services
        self._start_desktop_hooks()
        assert self.tray is not None
        self.runner.register = register  # what Op.on_register work receives; no widget holds it
        self.idle.set_minutes(workspace_class.auto_lock_minutes())
        self.workspace = workspace_class(self.runner, self.files, self.statusBar().showMessage)
        self._workspace_class = workspace_class
        self.workspace.settings.sig_auto_lock_changed.connect(self.idle.set_minutes)
        self.workspace.today.sig_reminders.connect(self.tray.notify)
        self.workspace.cases.sig_new_case_requested.connect(self.new_action.trigger)
        self.workspace.cases.sig_import_requested.connect(self.import_sheet_action.trigger)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self._set_locked_ui(False)
        self._watch_activity(True)
        self.idle.start()
        self.reminder_timer.start()
        self.workspace.load_pages()
        self.workspace.restore(self._where)
        self.workspace.sync_deadlines()
        if self._lock_notice:
            self.workspace.show_error(tr("Unsaved changes"), self._lock_notice)
            self._lock_notice = ""
        self.sig_unlocked.emit()

    def lock(self, *, auto: bool = False) -> bool:
        """Clear every view, drop the key, show the unlock screen; False if cancelled."""
        workspace = self.workspace
        register = self.runner.register
        if workspace is None or register is None:
            return True
        go_ahead, notice = workspace.release(auto=auto)
        if not go_ahead:
            return False
        self._lock_notice = notice or self._lock_notice
        self._where = workspace.where()
        workspace.clear()
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        # Collect the workspace's cyclic garbage here, on the GUI thread, once Qt has deleted
        # it (see ops.py: never let a collection on the worker free widget wrappers).
        QTimer.singleShot(0, _collect_garbage)
        self.workspace = None
        self.runner.register = None  # work still queued finds the register gone and stops
        if self._files is not None:
            self._files.remove_all()
        self.clipboard.clear_if_ours()
        self.idle.stop()
        self._watch_activity(False)
        self.reminder_timer.stop()
        if self.auto_backup and self._workspace_class is not None:
            self._workspace_class.backup_if_due(
                self.runner, register, self, self.statusBar().showMessage
            )
        Op(self.runner, register.close).failure(lambda _e: None).run_in_background()
        self.stack.setCurrentWidget(self.unlock_screen)
        self._set_locked_ui(True)
        self.sig_locked.emit()
        return True

    # -- actions -------------------------------------------------------------------------

    def _go(self, row: int) -> None:
        if self.workspace is not None:
            self.workspace.show_page(row)

    def focus_search(self) -> None:
        if self.workspace is not None:
            self.workspace.show_page(CASES)
            self.workspace.cases.focus_search()

    def save(self) -> None:
        if self.workspace is not None:
            self.workspace.cases.case_file.save()

    def show_help(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(tr("Grievance Desk — help"))
        box.setIconPixmap(app_icon().pixmap(48, 48))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(help_html())
        box.setObjectName("help_box")
        about = box.addButton(tr("About…"), QMessageBox.ButtonRole.ActionRole)
        about.setObjectName("help_about_button")
        about.clicked.connect(lambda: self.about_action.trigger())
        box.addButton(QMessageBox.StandardButton.Close)
        name_standard_buttons(box)
        self.last_help = box
        box.open()

    def show_about(self) -> None:
        dialog = stages.about_dialog()(self, self.register_path)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_about = dialog
        dialog.open()

    def print_letter(self) -> None:
        """Ctrl+P: print the letter shown in the open case's Letters tab."""
        if self.workspace is None:
            return
        case_file = self.workspace.cases.case_file
        letters = case_file.letters
        if case_file.reference is None or letters.current is None:
            self.statusBar().showMessage(
                tr("Open a case and choose a letter in its Letters tab to print it."), 6000
            )
            if case_file.reference is not None:
                case_file.tabs.setCurrentWidget(letters)
            return
        self.workspace.show_page(CASES)
        case_file.tabs.setCurrentWidget(letters)
        letters.print()

    def open_case(self, reference: str) -> None:
        self._show_window()
        if self.workspace is not None:
            self.workspace.open_case(reference)

    def _show_window(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _poll_reminders(self) -> None:
        if self.workspace is not None:
            self.workspace.today.refresh()

    def new_case(self, intake: EmailIntake | None = None) -> None:
        """Open the new-case dialog (once the worker has read its choices: `last_dialog`)."""
        if self.workspace is not None:
            self.workspace.new_case(intake)

    def choose_email(self) -> None:
        if self.workspace is not None:
            self.workspace.choose_email()

    def new_case_from_email(self, path: Path) -> None:
        if self.workspace is not None:
            self.workspace.new_case_from_email(path)

    def import_spreadsheet(self) -> ImportDialog | None:
        """File → Import spreadsheet: check every row, then import the good ones or none."""
        return self.workspace.import_spreadsheet() if self.workspace is not None else None

    @property
    def last_dialog(self) -> NewCaseDialog | None:
        """The last new-case dialog opened (tests read it)."""
        return self.workspace.last_dialog if self.workspace is not None else None

    @property
    def last_import_dialog(self) -> ImportDialog | None:
        return self.workspace.last_import_dialog if self.workspace is not None else None

    def export_case_list(self) -> None:
        """File → Export case list: the Cases page's current filter and search, as shown."""
        if self.workspace is not None:
            self.workspace.cases.export_list()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        workspace = self.workspace
        if workspace is not None and any(
            workspace.accepts(Path(u.toLocalFile())) for u in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        workspace = self.workspace
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if workspace is not None and workspace.accepts(path):
                event.acceptProposedAction()
                self.new_case_from_email(path)
                return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.workspace is not None and not self.lock():
            event.ignore()
            return
        if self._files is not None:
            self._files.remove_all()
        self.clipboard.clear_if_ours()
        self.runner.wait_idle()
        event.accept()
