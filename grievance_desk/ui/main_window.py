"""The main window: unlock screen or workspace, navigation, toolbar, status bar, locking.

Locked, the window holds only the unlock screen: the workspace (every page, model and form
that showed personal data) is destroyed, the register closes on the background thread after
any work in flight, and opened attachment copies are deleted. Unlocking builds a fresh
workspace and returns to the page and case the officer had open.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QWidget,
)

from grievance_desk.ui import preload
from grievance_desk.ui.clipboard import SensitiveClipboard
from grievance_desk.ui.idle_lock import IdleLock, watch_screen_lock
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from grievance_desk.ui.resources import app_icon, icon
from grievance_desk.ui.unlock_screen import UnlockScreen
from grievance_desk.ui.widgets import ElidedLabel

if TYPE_CHECKING:
    # The workspace's pages and the services behind them (SQLAlchemy, Alembic, reportlab,
    # openpyxl…) are imported when the register is unlocked, not before the unlock screen
    # shows: they are most of a cold start. ui/preload.py warms them while the officer types.
    # Event types only annotate, and the tray icon is made after the first paint.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent

    from grievance_desk.services.case_queries import CaseFilter
    from grievance_desk.services.email_intake import EmailIntake
    from grievance_desk.services.register_access import Register
    from grievance_desk.services.register_opening import RegisterOpening
    from grievance_desk.services.reports import DrillDown
    from grievance_desk.ui.cases_page import CasesPage
    from grievance_desk.ui.new_case_dialog import NewCaseDialog
    from grievance_desk.ui.reports_page import ReportsPage
    from grievance_desk.ui.settings_page import SettingsPage
    from grievance_desk.ui.today_page import TodayPage
    from grievance_desk.ui.tray import Tray

PAGES = [("Today", "today"), ("Cases", "cases"), ("Reports", "reports"), ("Settings", "settings")]
TODAY, CASES, REPORTS, SETTINGS = range(4)
REMINDER_POLL_MS = 5 * 60_000
DEFAULT_AUTO_LOCK_MINUTES = 10
#: E-mails up to this size are read on the GUI thread (a few ms); larger ones on the worker.
INLINE_EMAIL_BYTES = 64 * 1024  # until unlocking reads the officer's setting


def _auto_backup() -> ModuleType | None:
    """``services.auto_backup``, imported when first needed (the register is being closed)."""
    try:
        from grievance_desk.services import auto_backup
    except ImportError:  # pragma: no cover - TODO(auto_backup): remove once it ships everywhere
        return None
    return auto_backup


SHORTCUTS = (
    ("Ctrl+N", "New case"),
    ("Ctrl+Shift+N", "New case from an e-mail file"),
    ("Ctrl+I", "Import a spreadsheet register (Excel or CSV)"),
    ("Ctrl+E", "Export the case list as shown (Excel or CSV)"),
    ("Ctrl+F", "Search cases"),
    ("Ctrl+S", "Save the case or letter you are editing"),
    ("Ctrl+P", "Print the letter on screen"),
    ("Ctrl+Shift+L", "New letter for the open case"),
    ("Ctrl+Shift+M", "Record correspondence on the open case"),
    ("Ctrl+Enter", "Build the report (Reports page)"),
    ("Ctrl+L", "Lock now (the key is dropped from memory)"),
    ("Ctrl+1…4", "Today, Cases, Reports, Settings"),
    ("F1", "This help"),
    ("Ctrl+F1", "About: version, register and log folders, licences"),
)


def help_html() -> str:
    """The shortcut table in the palette's own colours, so it reads in light and dark."""
    from PySide6.QtGui import QGuiApplication, QPalette

    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
    stripe = palette.color(QPalette.ColorRole.AlternateBase).name()
    rule = palette.color(QPalette.ColorRole.Mid).name()
    rows = "".join(
        f'<tr style="background:{stripe if i % 2 else "transparent"}">'
        f'<td style="padding:4px 14px 4px 6px; white-space:nowrap"><b>{key}</b></td>'
        f'<td style="padding:4px 6px">{what}</td></tr>'
        for i, (key, what) in enumerate(SHORTCUTS)
    )
    return (
        f'<div style="color:{text}"><h3>Grievance Desk — keyboard</h3>'
        f'<table cellspacing="0" style="border-top:1px solid {rule}; '
        f'border-bottom:1px solid {rule}">{rows}</table>'
        f'<p style="color:{muted}">Drop an e-mail saved as .eml or Outlook .msg on the window '
        "to start a case from it; drop any file on an open case to attach it. Right-click the "
        "Cases table's header to show or hide columns.</p></div>"
    )


def _show_error(parent: QWidget, title: str, error: BaseException | str) -> None:
    """``dialogs.show_error``, imported on first use (it brings the domain's error types)."""
    from grievance_desk.ui.dialogs import show_error

    show_error(parent, title, error)


def _collect_garbage() -> None:
    import gc

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


class PageStack(QStackedWidget):
    """The pages: however wide a page's content asks to be, the window is never widened.

    A page lays out inside :data:`MINIMUM_WINDOW` (long content scrolls or elides; a test
    checks every page); this cap is the backstop that keeps a new label or table from
    resizing the officer's window.
    """

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        return hint.boundedTo(
            QSize(MINIMUM_WINDOW.width() - NAV_WIDTH, MINIMUM_WINDOW.height() - 120)
        )


class NavDelegate(QStyledItemDelegate):
    """Paints the page list, with icons only while the window is narrow."""

    icons_only = False

    def initStyleOption(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self.icons_only:
            option.text = ""
            option.decorationAlignment = Qt.AlignmentFlag.AlignCenter
            option.decorationPosition = QStyleOptionViewItem.Position.Top


class WhereTheOfficerWas(NamedTuple):
    # A NamedTuple, not a dataclass: importing dataclasses cost ~7 ms of the unlock
    # screen's cold start, and this is the only one on that path.
    page: int = TODAY
    reference: str | None = None
    search: str = ""


class Workspace(QWidget):
    """Everything shown while unlocked; destroyed on lock so no personal data lingers."""

    def __init__(self, register: Register, runner: OpRunner, files: PrivateFiles) -> None:
        from PySide6.QtWidgets import QListWidget, QListWidgetItem

        from grievance_desk.ui.cases_page import CasesPage
        from grievance_desk.ui.reports_page import ReportsPage
        from grievance_desk.ui.settings_page import SettingsPage
        from grievance_desk.ui.today_page import TodayPage

        super().__init__()
        self.register = register
        self.nav = QListWidget()
        self.nav.setObjectName("nav_bar")
        self.nav.setAccessibleName("Pages")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        for text, icon_name in PAGES:
            item = QListWidgetItem(icon(icon_name), text)
            item.setSizeHint(QSize(NAV_WIDTH - 20, 36))
            item.setToolTip(text)
            self.nav.addItem(item)
        self.compact_nav = False
        self._nav_delegate = NavDelegate(self.nav)
        self.nav.setItemDelegate(self._nav_delegate)
        self.today: TodayPage = TodayPage(register, runner)
        self.cases: CasesPage = CasesPage(register, runner, files)
        self.reports: ReportsPage = ReportsPage(register, runner)
        self.settings: SettingsPage = SettingsPage(register, runner)
        self.pages = PageStack()
        for page in (self.today, self.cases, self.reports, self.settings):
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self._nav_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.today.sig_open_filter.connect(self.open_filter)
        self.today.sig_open_case.connect(self.open_case)
        self.reports.sig_open_drill_down.connect(self.open_drill_down)
        self.settings.sig_deadlines_changed.connect(self.refresh_all)
        self._last_page = TODAY
        self.nav.setCurrentRow(TODAY)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_nav(event.size().width())

    def _fit_nav(self, width: int) -> None:
        """Below :data:`COMPACT_BELOW` pixels the page list shows icons only (names in
        tooltips), so the Cases list keeps its key columns in a 1024-pixel window."""
        compact = width < COMPACT_BELOW
        if compact == self.compact_nav:
            return
        self.compact_nav = compact
        self.nav.setFixedWidth(COMPACT_NAV_WIDTH if compact else NAV_WIDTH)
        self._nav_delegate.icons_only = compact  # the names stay on the items (a11y, tests)
        for row in range(self.nav.count()):
            item = self.nav.item(row)
            item.setSizeHint(QSize((COMPACT_NAV_WIDTH if compact else NAV_WIDTH) - 20, 36))
        self.nav.viewport().update()

    def _nav_changed(self, row: int) -> None:
        if row == self._last_page:
            return
        if self._last_page == CASES and not self.cases.confirm_leave():
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(CASES)
            self.nav.blockSignals(False)
            return
        self._last_page = row
        self.pages.setCurrentIndex(row)
        page = self.pages.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def show_page(self, row: int) -> None:
        self.nav.setCurrentRow(row)

    def open_filter(self, filters: CaseFilter, name: str) -> None:
        self.show_page(CASES)
        if self.nav.currentRow() == CASES:
            self.cases.show_filter(filters, name)

    def open_case(self, reference: str) -> None:
        self.show_page(CASES)
        if self.nav.currentRow() == CASES:
            self.cases.open_case(reference)

    def open_drill_down(self, found: DrillDown) -> None:
        """A report figure was clicked: the Cases page with exactly its cases."""
        self.show_page(CASES)
        if self.nav.currentRow() == CASES:
            self.cases.show_references(found.references, found.title)

    def refresh_all(self) -> None:
        self.cases.refresh()
        self.today.refresh()
        self.settings.refresh()

    def where(self) -> WhereTheOfficerWas:
        return WhereTheOfficerWas(
            page=self.nav.currentRow(),
            reference=self.cases.case_file.reference,
            search=self.cases.search.text(),
        )

    def restore(self, where: WhereTheOfficerWas) -> None:
        if where.search:
            self.cases.search.setText(where.search)
        if where.reference:
            self.cases.open_case(where.reference)
        self.show_page(where.page)

    def clear(self) -> None:
        self.cases.clear()
        self.today.clear()
        self.reports.clear()
        self.settings.clear()


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
        self.register: Register | None = None
        self.demo = demo
        self._files: PrivateFiles | None = None
        self.tray: Tray | None = None
        self.clipboard = SensitiveClipboard(parent=self)
        self.workspace: Workspace | None = None
        self.auto_backup = not demo  # a demo register of fictitious data needs no backups
        self._where = WhereTheOfficerWas()
        self._lock_notice = ""
        self.setWindowTitle("Grievance Desk" + (" — DEMO (fictitious data)" if demo else ""))
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
            self._files = PrivateFiles()
        return self._files

    def _start_desktop_hooks(self) -> None:
        """Tray icon, screen-lock watch and the sweep of leftover attachment copies.

        Run once the unlock screen has painted (or on unlocking, whichever is first): none
        of them shows on the first frame, and the tray and D-Bus calls can take a while on
        some desktops, so they must not delay it.
        """
        if self.tray is not None:
            return
        from grievance_desk.ui.tray import Tray

        self.tray = Tray(self)
        self.tray.sig_show.connect(self._show_window)
        self.tray.sig_lock.connect(lambda: self.lock())
        self.tray.sig_quit.connect(self.close)
        self.tray.sig_open_case.connect(self.open_case)
        watch_screen_lock(lambda: self.lock(auto=True))
        _ = self.files

    def _watch_activity(self, on: bool) -> None:
        """The idle lock sees every input event only while unlocked: an application-wide
        filter makes PySide wrap each object that gets an event, which slowed the first
        paint of the unlock screen and is of no use while locked."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self.idle)
        else:
            app.removeEventFilter(self.idle)

    # -- chrome --------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main")
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(bar)
        self.toolbar = bar

        make = self._action

        self.new_action = make(
            "New case", "new-case", "Ctrl+N", lambda: self.new_case(), "New case"
        )
        self.import_action = make(
            "From e-mail…", "email", "Ctrl+Shift+N", self.choose_email, "New case from an e-mail"
        )
        self.search_action = make("Search", "search", "Ctrl+F", self.focus_search, "Search cases")
        self.save_action = make("Save", "save", "Ctrl+S", self.save, "Save the open case")
        self.lock_action = make("Lock", "lock", "Ctrl+L", lambda: self.lock(), "Lock now")
        self.help_action = make("Help", "help", "F1", self.show_help, "Keyboard shortcuts")
        self.print_action = make("Print", "print", "Ctrl+P", self.print_letter, "Print the letter")
        self.addAction(self.print_action)
        self.about_action = make(
            "About Grievance Desk", "help", "Ctrl+F1", self.show_about, "Version and licences"
        )
        self.addAction(self.about_action)
        for action in (self.new_action, self.import_action, self.search_action, self.save_action):
            bar.addAction(action)
        spacer = QWidget()
        from PySide6.QtWidgets import QSizePolicy

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
        action.setToolTip(f"{tip} ({shortcut})")
        action.triggered.connect(slot)
        return action

    def _build_file_menu(self) -> None:
        """File menu: new case, from an e-mail, import a spreadsheet, export the list, lock."""

        make = self._action

        self.import_sheet_action = make(
            "Import spreadsheet…",
            "open",
            "Ctrl+I",
            lambda: self.import_spreadsheet(),
            "Import an Excel or CSV register",
        )
        self.export_list_action = make(
            "Export case list…",
            "save",
            "Ctrl+E",
            lambda: self.export_case_list(),
            "Export the cases shown, with the current filter and search, to Excel or CSV",
        )
        menu = self.menuBar().addMenu("&File")
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
        name = ("Demo register (fictitious data): " if self.demo else "") + str(self.register_path)
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
        self.lock_label.setToolTip("Locked" if locked else "Unlocked")
        self.statusBar().showMessage("Locked — the key is not in memory." if locked else "", 0)
        self.lock_label.setAccessibleName("Locked" if locked else "Unlocked")

    # -- locking -------------------------------------------------------------------------

    @property
    def is_locked(self) -> bool:
        return self.workspace is None

    def unlocked(self, register: Register) -> None:
        # Any warm-up import still running finishes first: two threads importing the same
        # modules at once can trip the import system's deadlock check.
        preload.wait()
        from grievance_desk.services.case_queries import sync_next_due
        from grievance_desk.services.clock import utc_now
        from grievance_desk.ui.settings_page import auto_lock_minutes

        self._start_desktop_hooks()
        assert self.tray is not None
        self.register = register
        self.runner.register = register  # what Op.on_register work receives
        self.idle.set_minutes(auto_lock_minutes())
        self.workspace = Workspace(register, self.runner, self.files)
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
        self.workspace.refresh_all()
        self.workspace.restore(self._where)
        workspace = self.workspace
        Op(self.runner, lambda: sync_next_due(register, now=utc_now()), parent=workspace).success(
            # Not after a lock: the closed register no longer holds its key.
            lambda _none: workspace.refresh_all() if self.workspace is workspace else None
        ).failure(lambda _e: None).with_progress("Updating deadlines…").run_in_background()
        if self._lock_notice:
            _show_error(self, "Unsaved changes", self._lock_notice)
            self._lock_notice = ""
        self.sig_unlocked.emit()

    def lock(self, *, auto: bool = False) -> bool:
        """Clear every view, drop the key, show the unlock screen; False if cancelled."""
        workspace = self.workspace
        register = self.register
        if workspace is None or register is None:
            return True
        case_file = workspace.cases.case_file
        if case_file.has_unsaved():
            if auto:
                if case_file.form.is_valid:
                    case_file.save()
                else:
                    self._lock_notice = (
                        f"The window locked while {case_file.reference} had changes with "
                        "invalid fields; they were not saved. Enter them again."
                    )
            else:
                from grievance_desk.ui.dialogs import UnsavedChoice, ask_unsaved

                choice = ask_unsaved(self, case_file.reference or "this case")
                if choice is UnsavedChoice.CANCEL:
                    return False
                if choice is UnsavedChoice.SAVE and not case_file.save():
                    return False
        self._where = workspace.where()
        workspace.clear()
        self.stack.removeWidget(workspace)
        workspace.deleteLater()
        # Collect the workspace's cyclic garbage here, on the GUI thread, once Qt has deleted
        # it (see ops.py: never let a collection on the worker free widget wrappers).
        QTimer.singleShot(0, _collect_garbage)
        self.workspace = None
        self.register = None
        self.runner.register = None  # work still queued finds the register gone and stops
        self.files.remove_all()
        self.clipboard.clear_if_ours()
        self.idle.stop()
        self._watch_activity(False)
        self.reminder_timer.stop()
        if self.auto_backup:
            self._backup_if_due(register)
        Op(self.runner, register.close).failure(lambda _e: None).run_in_background()
        self.stack.setCurrentWidget(self.unlock_screen)
        self._set_locked_ui(True)
        self.sig_locked.emit()
        return True

    def _backup_if_due(self, register: Register) -> None:
        """At most one automatic backup a day, taken when the register is closed."""
        auto_backup = _auto_backup()
        if auto_backup is None:  # pragma: no cover - TODO(auto_backup): always present
            return
        from grievance_desk.services.clock import utc_now

        def work() -> object:
            return auto_backup.backup_if_due(register, now=utc_now())

        def done(result: object) -> None:
            if result is not None:
                path = getattr(result, "path", None)
                self.statusBar().showMessage(
                    f"Automatic backup written: {getattr(path, 'name', path)}.", 8000
                )

        Op(self.runner, work, parent=self).success(done).failure(
            lambda e: self.statusBar().showMessage(f"Automatic backup failed: {e}", 0)
        ).with_progress("Backing up…").run_in_background()

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
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle("Grievance Desk — help")
        box.setIconPixmap(app_icon().pixmap(48, 48))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(help_html())
        box.setObjectName("help_box")
        about = box.addButton("About…", QMessageBox.ButtonRole.ActionRole)
        about.setObjectName("help_about_button")
        about.clicked.connect(lambda: self.about_action.trigger())
        box.addButton(QMessageBox.StandardButton.Close)
        self.last_help = box
        box.open()

    def show_about(self) -> None:
        from grievance_desk.error_log import log_folder
        from grievance_desk.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self, register=self.register_path, logs=log_folder())
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
                "Open a case and choose a letter in its Letters tab to print it.", 6000
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

    def _officer_zone(self) -> Any:
        """The officer's time zone from Settings: a naive e-mail Date means that zone."""
        from grievance_desk.services.cases import officer_zone

        register = self.register
        if register is None:
            return None
        with register.reading() as session:
            return officer_zone(session)

    def new_case(self, intake: EmailIntake | None = None) -> NewCaseDialog | None:
        register = self.register
        if register is None:
            return None
        from grievance_desk.domain.policy_presets import policy_ids
        from grievance_desk.services.case_queries import policy_ids_in_use
        from grievance_desk.services.cases import officer_zone
        from grievance_desk.services.clock import utc_now
        from grievance_desk.ui.new_case_dialog import NewCaseDialog, blank_draft

        with register.reading() as session:
            zone = officer_zone(session)
            ids = sorted(set(policy_ids()) | set(policy_ids_in_use(session)))
        draft = intake.draft if intake is not None else blank_draft(utc_now())
        dialog = NewCaseDialog(draft, zone, ids, intake, self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._register_new(dialog))
        dialog.open()
        return dialog

    def _register_new(self, dialog: NewCaseDialog) -> None:
        register = self.register
        if register is None:
            return
        draft = dialog.form.draft()
        files = dialog.chosen_attachments()

        def work() -> str:
            from grievance_desk.services.clock import utc_now
            from grievance_desk.services.new_case import register_new_case

            return register_new_case(register, draft, files, now=utc_now())

        def done(reference: str) -> None:
            self.statusBar().showMessage(f"Registered {reference}.", 8000)
            if self.workspace is not None:
                self.workspace.refresh_all()
                self.workspace.open_case(reference)

        Op(self.runner, work, parent=self).success(done).failure(
            lambda e: _show_error(self, "Case not registered", e)
        ).with_progress("Registering the case…").run_in_background()

    def choose_email(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, "New case from an e-mail", "", "E-mail (*.eml *.msg)"
        )
        if path:
            self.new_case_from_email(Path(path))

    def new_case_from_email(self, path: Path) -> None:
        """Open the new-case dialog filled from an e-mail file.

        A typical message (under ``INLINE_EMAIL_BYTES``) is read at once, in a few
        milliseconds; a larger one (a long HTML newsletter, big attachments) is read on the
        worker thread, so the window never waits for it (issue 18.9).
        """
        from grievance_desk.services.clock import utc_now
        from grievance_desk.services.email_intake import read_email_file

        try:
            small = path.stat().st_size <= INLINE_EMAIL_BYTES
        except OSError:
            small = True  # read_email_file names the problem
        if small:
            try:
                intake = read_email_file(path, now=utc_now(), zone=self._officer_zone())
            except Exception as error:
                _show_error(self, "Not an e-mail we can read", error)
                return
            self.new_case(intake)
            return
        read = lambda: read_email_file(path, now=utc_now(), zone=self._officer_zone())  # noqa: E731
        Op(self.runner, read, parent=self).success(self.new_case).failure(
            lambda e: _show_error(self, "Not an e-mail we can read", e)
        ).with_progress(f"Reading {path.name}…").run_in_background()

    def import_spreadsheet(self) -> None:
        """File → Import spreadsheet: check every row, then import the good ones or none."""
        register = self.register
        if register is None or self.workspace is None:
            return
        from grievance_desk.ui.import_dialog import ImportDialog

        dialog = ImportDialog(register, self.runner, self)
        workspace = self.workspace
        dialog.sig_imported.connect(lambda _report: workspace.refresh_all())
        self.last_import_dialog = dialog
        dialog.open()

    def export_case_list(self) -> None:
        """File → Export case list: the Cases page's current filter and search, as shown."""
        if self.workspace is not None:
            self.workspace.cases.export_list()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        from grievance_desk.services.email_intake import is_email_file

        if self.register is not None and any(
            is_email_file(Path(u.toLocalFile())) for u in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        from grievance_desk.services.email_intake import is_email_file

        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if is_email_file(path):
                event.acceptProposedAction()
                self.new_case_from_email(path)
                return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.workspace is not None and not self.lock():
            event.ignore()
            return
        self.files.remove_all()
        self.clipboard.clear_if_ours()
        self.runner.wait_idle()
        event.accept()
