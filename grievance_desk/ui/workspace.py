"""The unlocked window's contents: the four pages and the actions that need the register.

Destroyed on lock, so no page, model or form that showed personal data outlives it. This
module and what it imports (the pages, the services behind them: SQLAlchemy, reportlab,
openpyxl…) are loaded after unlock by ``ui/stages.py`` (warmed by ``ui/preload.py`` while
the officer types), so ``ui/main_window.py`` and the unlock screen paint without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

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

from grievance_desk.services import auto_backup
from grievance_desk.services.case_queries import CaseFilter, sync_next_due
from grievance_desk.services.clock import utc_now
from grievance_desk.services.email_intake import EmailIntake, is_email_file, read_email_file
from grievance_desk.services.new_case import (
    NewCaseChoices,
    new_case_choices,
    register_case_zone,
    register_new_case,
)
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
    MINIMUM_WINDOW,
    NAV_WIDTH,
    PAGES,
    TODAY,
    WhereTheOfficerWas,
)
from grievance_desk.ui.new_case_dialog import NewCaseDialog, blank_draft
from grievance_desk.ui.ops import Op, OpChanges, OpRunner
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
        runner: OpRunner,
        files: PrivateFiles,
        status: Callable[[str, int], None] = lambda _text, _ms: None,
    ) -> None:
        """``status`` shows a message in the window's status bar (ms; 0: until replaced)."""
        super().__init__()
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
        self.today: TodayPage = TodayPage(runner)
        self.cases: CasesPage = CasesPage(runner, files)
        self.reports: ReportsPage = ReportsPage(runner)
        self.settings: SettingsPage = SettingsPage(runner)
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
        # One connection: every op that changed the register says what, each page reloads
        # only what it shows (Anki's operation_did_execute). Disconnected in clear().
        runner.sig_changed.connect(self._register_changed)
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

    def load_pages(self) -> None:
        """At unlock: each page reads what it shows (on the worker)."""
        self.cases.refresh()
        self.today.refresh()
        self.settings.refresh()

    def _register_changed(self, changes: OpChanges, initiator: object) -> None:
        """An op changed the register: each page reloads only what it shows."""
        if self.closed:
            return
        if changes.cases or changes.deadlines:  # counts, reminders, rows and due dates
            self.today.refresh()
            self.cases.refresh()
        if changes.settings and not _within(self.settings, initiator):
            self.settings.refresh()
        self.reports.mark_stale()
        case_file = self.cases.case_file
        reference = case_file.reference
        # Letters alone: the letters tab that made them reloads its list and the timeline.
        if reference is None or not (changes.cases or changes.deadlines):
            return
        if changes.references and reference not in changes.references:
            return
        # Someone else's change must not throw away what the officer is typing here.
        if _within(case_file, initiator) or not case_file.has_unsaved():
            case_file.reload()

    def sync_deadlines(self) -> None:
        """Bring every open case's next deadline up to date (worker); the pages follow."""
        Op.on_register(
            self.runner, lambda register: sync_next_due(register, now=utc_now()), parent=self
        ).failure(lambda _e: None).changes(OpChanges(deadlines=True)).with_progress(
            tr("Updating deadlines…")
        ).run_in_background()

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
        with contextlib.suppress(RuntimeError):  # cleared twice
            self.runner.sig_changed.disconnect(self._register_changed)
        self.cases.clear()
        self.today.clear()
        self.reports.clear()
        self.settings.clear()

    def show_error(self, title: str, error: BaseException | str) -> None:
        show_error(self.window(), title, error)

    # -- actions that need the register -------------------------------------------------

    def new_case(self, intake: EmailIntake | None = None) -> None:
        """Open the new-case dialog once the zone and policy list are read (worker)."""
        Op.on_register(self.runner, new_case_choices, parent=self).success(
            lambda choices: self._open_new_case(choices, intake)
        ).failure(lambda e: self.show_error(tr("Cannot start a new case"), e)).run_in_background()

    def _open_new_case(self, choices: NewCaseChoices, intake: EmailIntake | None) -> None:
        draft = intake.draft if intake is not None else blank_draft(utc_now())
        dialog = NewCaseDialog(draft, choices.zone, choices.policy_ids, intake, self.window())
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._register_new(dialog))
        dialog.open()

    def _register_new(self, dialog: NewCaseDialog) -> None:
        draft = dialog.form.draft()
        files = dialog.chosen_attachments()

        def work(register: Register) -> str:
            # One transaction: the case, its search entry, every file and all their events.
            return register_new_case(register, draft, files, now=utc_now())

        def done(reference: str) -> None:
            status(tr("Registered {reference}.").format(reference=reference), 8000)
            if not self.closed:  # locked meanwhile: the workspace is gone
                self.open_case(reference)

        # The window, not this workspace, receives the result: a lock meanwhile must not
        # swallow "registered" or the reason it failed.
        window, status = self.window(), self.status
        Op.on_register(self.runner, work, parent=window).success(done).failure(
            lambda e: show_error(window, tr("Case not registered"), e)
        ).changes(OpChanges(cases=True, deadlines=True)).with_progress(
            tr("Registering the case…")
        ).run_in_background()

    def choose_email(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window(), tr("New case from an e-mail"), "", tr("E-mail (*.eml *.msg)")
        )
        if path:
            self.new_case_from_email(Path(path))

    def new_case_from_email(self, path: Path) -> None:
        """Open the new-case dialog filled from an e-mail file.

        The message is parsed on the worker thread, with the officer's zone read there too
        (a naive Date means that zone), so the window never waits for it (issues 16, 18.9).
        """

        def read(register: Register) -> EmailIntake:
            return read_email_file(path, now=utc_now(), zone=register_case_zone(register))

        Op.on_register(self.runner, read, parent=self).success(self.new_case).failure(
            lambda e: self.show_error(tr("Not an e-mail we can read"), e)
        ).with_progress(tr("Reading {name}…").format(name=path.name)).run_in_background()

    @staticmethod
    def accepts(path: Path) -> bool:
        """Whether a file dropped on the window starts a case (an e-mail file)."""
        return is_email_file(path)

    def import_spreadsheet(self) -> ImportDialog:
        """File → Import spreadsheet: check every row, then import the good ones or none."""
        dialog = ImportDialog(self.runner, self.window())
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
            tr("Backing up…")
        ).run_in_background()


def _within(widget: QWidget, initiator: object) -> bool:
    """Whether ``initiator`` (an op's parent) is ``widget`` or inside it: it refreshed itself."""
    return isinstance(initiator, QWidget) and (
        initiator is widget or widget.isAncestorOf(initiator)
    )
