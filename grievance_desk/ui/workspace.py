"""The unlocked window's contents: the four pages and the actions that need the register.

Destroyed on lock, so no page, model or form that showed personal data outlives it. This
module and what it imports (the pages, the services behind them: SQLAlchemy, reportlab,
openpyxl…) are loaded after unlock by ``ui/stages.py`` (warmed by ``ui/preload.py`` while
the officer types), so ``ui/main_window.py`` and the unlock screen paint without them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from grievance_desk.domain.policy_presets import policy_ids
from grievance_desk.services import auto_backup
from grievance_desk.services.case_queries import CaseFilter, policy_ids_in_use, sync_next_due
from grievance_desk.services.cases import officer_zone
from grievance_desk.services.clock import utc_now
from grievance_desk.services.email_intake import EmailIntake, is_email_file, read_email_file
from grievance_desk.services.new_case import register_new_case
from grievance_desk.services.register_access import Register
from grievance_desk.services.reports import DrillDown
from grievance_desk.ui.cases_page import CasesPage
from grievance_desk.ui.dialogs import UnsavedChoice, ask_unsaved, show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.import_dialog import ImportDialog
from grievance_desk.ui.main_window import (
    CASES,
    COMPACT_BELOW,
    COMPACT_NAV_WIDTH,
    INLINE_EMAIL_BYTES,
    MINIMUM_WINDOW,
    NAV_WIDTH,
    PAGES,
    TODAY,
    WhereTheOfficerWas,
)
from grievance_desk.ui.new_case_dialog import NewCaseDialog, blank_draft
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from grievance_desk.ui.reports_page import ReportsPage
from grievance_desk.ui.resources import icon
from grievance_desk.ui.settings_page import SettingsPage, auto_lock_minutes
from grievance_desk.ui.today_page import TodayPage

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent


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


class Workspace(QWidget):
    """Everything shown while unlocked; destroyed on lock so no personal data lingers."""

    def __init__(
        self,
        register: Register,
        runner: OpRunner,
        files: PrivateFiles,
        status: Callable[[str, int], None] = lambda _text, _ms: None,
    ) -> None:
        """``status`` shows a message in the window's status bar (ms; 0: until replaced)."""
        super().__init__()
        self.register = register
        self.runner = runner
        self.status = status
        self.closed = False
        self.last_dialog: NewCaseDialog | None = None
        self.last_import_dialog: ImportDialog | None = None
        self.nav = QListWidget()
        self.nav.setObjectName("nav_bar")
        self.nav.setAccessibleName(tr("Pages"))
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        for text, icon_name in PAGES:
            item = QListWidgetItem(icon(icon_name), tr(text))
            item.setSizeHint(QSize(NAV_WIDTH - 20, 36))
            item.setToolTip(tr(text))
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

    @staticmethod
    def auto_lock_minutes() -> int:
        """The officer's auto-lock setting (Settings page)."""
        return auto_lock_minutes()

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

    def sync_deadlines(self) -> None:
        """Bring every open case's next deadline up to date (worker), then refresh."""
        register = self.register
        Op(self.runner, lambda: sync_next_due(register, now=utc_now()), parent=self).success(
            # Not after a lock: the closed register no longer holds its key.
            lambda _none: None if self.closed else self.refresh_all()
        ).failure(lambda _e: None).with_progress("Updating deadlines…").run_in_background()

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

    def release(self, *, auto: bool) -> tuple[bool, str]:
        """Before a lock: what to do with the open case's unsaved changes. Returns whether
        to lock, and a notice for the next unlock (changes that could not be saved)."""
        case_file = self.cases.case_file
        if not case_file.has_unsaved():
            return True, ""
        if auto:
            if case_file.form.is_valid:
                case_file.save()
                return True, ""
            return True, tr(
                "The window locked while {reference} had changes with invalid fields; they "
                "were not saved. Enter them again."
            ).format(reference=case_file.reference)
        choice = ask_unsaved(self.window(), case_file.reference or tr("this case"))
        if choice is UnsavedChoice.CANCEL:
            return False, ""
        if choice is UnsavedChoice.SAVE and not case_file.save():
            return False, ""
        return True, ""

    def clear(self) -> None:
        self.closed = True
        self.cases.clear()
        self.today.clear()
        self.reports.clear()
        self.settings.clear()

    def show_error(self, title: str, error: BaseException | str) -> None:
        show_error(self.window(), title, error)

    # -- actions that need the register -------------------------------------------------

    def _officer_zone(self) -> ZoneInfo:
        """The officer's time zone from Settings: a naive e-mail Date means that zone."""
        with self.register.reading() as session:
            return officer_zone(session)

    def new_case(self, intake: EmailIntake | None = None) -> NewCaseDialog:
        with self.register.reading() as session:
            zone = officer_zone(session)
            ids = sorted(set(policy_ids()) | set(policy_ids_in_use(session)))
        draft = intake.draft if intake is not None else blank_draft(utc_now())
        dialog = NewCaseDialog(draft, zone, ids, intake, self.window())
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._register_new(dialog))
        dialog.open()
        return dialog

    def _register_new(self, dialog: NewCaseDialog) -> None:
        register = self.register
        draft = dialog.form.draft()
        files = dialog.chosen_attachments()

        def work() -> str:
            # One transaction: the case, its search entry, every file and all their events.
            return register_new_case(register, draft, files, now=utc_now())

        def done(reference: str) -> None:
            status(tr("Registered {reference}.").format(reference=reference), 8000)
            if not self.closed:  # locked meanwhile: the workspace is gone
                self.refresh_all()
                self.open_case(reference)

        # The window, not this workspace, receives the result: a lock meanwhile must not
        # swallow "registered" or the reason it failed.
        window, status = self.window(), self.status
        Op(self.runner, work, parent=window).success(done).failure(
            lambda e: show_error(window, "Case not registered", e)
        ).with_progress("Registering the case…").run_in_background()

    def choose_email(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window(), tr("New case from an e-mail"), "", tr("E-mail (*.eml *.msg)")
        )
        if path:
            self.new_case_from_email(Path(path))

    def new_case_from_email(self, path: Path) -> None:
        """Open the new-case dialog filled from an e-mail file.

        A typical message (under ``INLINE_EMAIL_BYTES``) is read at once, in a few
        milliseconds; a larger one (a long HTML newsletter, big attachments) is read on the
        worker thread, so the window never waits for it (issue 18.9).
        """
        try:
            small = path.stat().st_size <= INLINE_EMAIL_BYTES
        except OSError:
            small = True  # read_email_file names the problem
        if small:
            try:
                intake = read_email_file(path, now=utc_now(), zone=self._officer_zone())
            except Exception as error:
                self.show_error(tr("Not an e-mail we can read"), error)
                return
            self.new_case(intake)
            return
        read = lambda: read_email_file(path, now=utc_now(), zone=self._officer_zone())  # noqa: E731
        Op(self.runner, read, parent=self).success(self.new_case).failure(
            lambda e: self.show_error("Not an e-mail we can read", e)
        ).with_progress(f"Reading {path.name}…").run_in_background()

    @staticmethod
    def accepts(path: Path) -> bool:
        """Whether a file dropped on the window starts a case (an e-mail file)."""
        return is_email_file(path)

    def import_spreadsheet(self) -> ImportDialog:
        """File → Import spreadsheet: check every row, then import the good ones or none."""
        dialog = ImportDialog(self.register, self.runner, self.window())
        dialog.sig_imported.connect(lambda _report: None if self.closed else self.refresh_all())
        self.last_import_dialog = dialog
        dialog.open()
        return dialog

    @staticmethod
    def backup_if_due(
        runner: OpRunner, register: Register, parent: QWidget, status: Callable[[str, int], None]
    ) -> None:
        """At most one automatic backup a day, taken when the register is closed."""

        def done(result: auto_backup.AutoBackup | None) -> None:
            if result is not None:
                status(tr("Automatic backup written: {name}.").format(name=result.path.name), 8000)

        def failed(error: Exception) -> None:
            status(tr("Automatic backup failed: {error}").format(error=error), 0)

        work = lambda: auto_backup.backup_if_due(register, now=utc_now())  # noqa: E731
        Op(runner, work, parent=parent).success(done).failure(failed).with_progress(
            "Backing up…"
        ).run_in_background()
