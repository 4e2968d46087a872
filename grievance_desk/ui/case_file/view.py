"""The case file: one case's header, workflow steps and tabs, composed from their modules.

It is the reading pane of the Cases page. Each part has its own module (see the package's
docstring); this one loads the case off the GUI thread, hands each part the snapshot, saves
the details, and reloads after every change so what the officer sees is what was saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QScrollArea, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from grievance_desk.domain.workflow import Action
from grievance_desk.services.case_details import save_case_details
from grievance_desk.services.case_snapshot import CaseSnapshot, load_snapshot
from grievance_desk.services.clock import utc_now
from grievance_desk.services.letter_issue import NextStep
from grievance_desk.services.register_access import Register
from grievance_desk.ui.case_file.action_bar import CaseActionBar
from grievance_desk.ui.case_file.deadline_panel import DeadlinePanel
from grievance_desk.ui.case_file.details_tab import DetailsTab
from grievance_desk.ui.case_file.files_tab import FilesTab
from grievance_desk.ui.case_file.header import CaseHeader
from grievance_desk.ui.case_file.timeline_view import TimelineView
from grievance_desk.ui.case_file.workflow import CaseWorkflow
from grievance_desk.ui.clipboard import SensitiveClipboard
from grievance_desk.ui.correspondence_dialog import CorrespondenceDialog
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.letters_tab import CaseContext, LettersTab
from grievance_desk.ui.ops import Op, OpChanges, OpRunner
from grievance_desk.ui.private_files import PrivateFiles
from grievance_desk.ui.resources import icon
from grievance_desk.ui.template_editor import TemplateEditorDialog
from grievance_desk.ui.widgets import label

FILES_TAB = 3


class CaseFile(QWidget):
    """One case. What its ops change is announced as `OpChanges` (the Workspace reloads
    the list, Today and this file from them)."""

    sig_dirty_changed = Signal(bool)

    def __init__(
        self,
        runner: OpRunner,
        files: PrivateFiles,
        parent: QWidget | None = None,
        *,
        clipboard: SensitiveClipboard | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.files = files
        self.snapshot: CaseSnapshot | None = None
        self.wanted: str | None = None  # the reference asked for last
        self.setAcceptDrops(True)
        self.setObjectName("case_file")
        self.clipboard = clipboard or SensitiveClipboard(parent=self)

        self.empty = label(tr("Select a case to read it here."), "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.header = CaseHeader(self.clipboard)
        self.title, self.badge = self.header.title, self.header.badge

        self.actions_box = CaseActionBar()
        self.actions_flow = self.actions_box.flow
        self.action_buttons = self.actions_box.actions_
        self.action_tools = self.actions_box.tools
        self.extend_action = self.actions_box.extend_action
        self.extend_tool = self.actions_box.extend_tool
        self.correspondence_action = self.actions_box.correspondence_action
        self.addAction(self.correspondence_action)  # its shortcut works anywhere in the file
        self.workflow = CaseWorkflow(
            runner,
            self,
            lambda: self.snapshot,
            lambda action: self.action_buttons[action].isEnabled(),
        )
        self.actions_box.sig_action.connect(self.workflow.run_action)
        self.actions_box.sig_extend.connect(self.workflow.extend)
        self.actions_box.sig_correspondence.connect(lambda: self.record_correspondence())
        self.workflow.sig_write_notice.connect(self._write_extension_notice)

        self.details = DetailsTab()
        self.form = self.details.form
        self.save_button = self.details.save_button
        self.revert_button = self.details.revert_button
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button.clicked.connect(lambda: self.revert())
        self.details.sig_dirty_changed.connect(self.sig_dirty_changed)

        self.deadlines = DeadlinePanel()
        deadlines_scroll = QScrollArea()
        deadlines_scroll.setWidgetResizable(True)
        deadlines_scroll.setWidget(self.deadlines)
        deadlines_scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.timeline = TimelineView()
        self.files_tab = FilesTab(runner, files, lambda: self.reference)
        self.timeline.sig_open_attachment.connect(self.files_tab.open_copy)
        self.attachments = self.files_tab.tree
        self.open_button = self.files_tab.open_button

        self.letters = LettersTab(runner)
        self.letters.sig_case_changed.connect(self._letters_changed)
        self.letters.sig_next_step.connect(self.take_next_step)
        self.letters.sig_edit_template.connect(
            lambda template_id, language: self.edit_template(template_id, language)
        )
        self.letters.sig_dirty_changed.connect(
            lambda _d: self.sig_dirty_changed.emit(self.has_unsaved())
        )

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)  # every tab stays reachable in a narrow pane
        self.tabs.tabBar().setExpanding(False)
        self.tabs.addTab(self.details, tr("Details"))
        self.tabs.addTab(deadlines_scroll, tr("Deadlines"))
        self.tabs.addTab(self.timeline, tr("Timeline"))
        self.tabs.addTab(self.files_tab, tr("Files"))
        self.tabs.addTab(self.letters, icon("letter"), tr("Letters"))

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.header)
        body_layout.addWidget(self.actions_box)
        body_layout.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

    # -- loading -------------------------------------------------------------------------

    @property
    def reference(self) -> str | None:
        return self.snapshot.reference if self.snapshot else None

    def show_case(self, reference: str) -> None:
        """Load ``reference``; only the case asked for last is ever shown (loads can overlap)."""
        self.wanted = reference
        Op.on_register(
            self.runner, lambda register: load_snapshot(register, reference), parent=self
        ).success(self._arrived).failure(
            lambda e: show_error(self, tr("Could not open the case"), e)
        ).run_in_background()

    def _arrived(self, snap: CaseSnapshot) -> None:
        # A save's reload of the case being left must not replace the case now selected.
        if self.wanted is not None and snap.reference == self.wanted.strip().upper():
            self._show(snap)

    def reload(self) -> None:
        if self.wanted is not None:
            self.show_case(self.wanted)

    def clear(self) -> None:
        self.wanted = None
        self.snapshot = None
        self.stack.setCurrentIndex(0)
        self.header.clear()
        self.timeline.clear()
        self.attachments.clear()
        self.deadlines.clear()
        self.letters.clear()

    def _show(self, snap: CaseSnapshot) -> None:
        self.snapshot = snap
        draft = snap.draft
        self.header.show_case(snap)
        self.actions_box.show_status(draft.status, can_extend=snap.extension_refused is None)
        self.details.show_case(snap)
        self.deadlines.show_deadlines(snap.deadlines, snap.zone, utc_now())
        self.timeline.show_case(snap)
        self.files_tab.show_case(snap)
        self.tabs.setTabText(FILES_TAB, tr("Files ({count})").format(count=len(snap.attachments)))
        self.letters.show_case(
            CaseContext(
                reference=snap.reference,
                request_type=draft.request_type.value,
                status=draft.status.value,
                zone=snap.zone,
                reply_language=snap.reply_language.code if snap.reply_language else "en",
            )
        )
        self.stack.setCurrentIndex(1)

    # -- editing -------------------------------------------------------------------------

    def has_unsaved(self) -> bool:
        return self.snapshot is not None and (self.form.is_dirty or self.letters.is_dirty())

    def save(self) -> bool:
        """Save the details if valid; returns whether the form is now clean."""
        snap = self.snapshot
        if snap is not None and self.letters.is_dirty() and not self.letters.save_draft():
            self.tabs.setCurrentWidget(self.letters)
            return False
        if snap is None or not self.form.is_dirty:
            return True
        if not self.form.is_valid:
            self.form.show_all_problems()
            self.tabs.setCurrentIndex(0)
            return False
        changes = self.form.changes()
        language = changes.pop("reply_language", None)  # issue 17: kept on its own column
        reference = snap.reference

        def work(register: Register) -> None:
            # One transaction: a refused value leaves nothing of this save behind.
            save_case_details(register, reference, changes, reply_language=language, now=utc_now())

        self.save_button.setEnabled(False)

        def failed(error: Exception) -> None:
            show_error(self, tr("Not saved"), error)
            self.form.show_all_problems()

        # The Workspace reloads this file, the list row and Today's counts from the changes.
        Op.on_register(self.runner, work, parent=self).failure(failed).changes(
            OpChanges.case(reference, deadlines=True)
        ).with_progress(tr("Saving…")).run_in_background()
        # The form stays dirty until the reload arrives; treat it as saved for leaving.
        self.form.load(self.form.draft(), snap.zone)
        return True

    def revert(self) -> None:
        if self.snapshot is not None:
            self.form.load(
                self.snapshot.draft,
                self.snapshot.zone,
                reply_language=self.snapshot.reply_language,  # issue 17
            )
            self.letters.revert()

    # -- workflow (run by CaseWorkflow; kept here for the window and the letters) --------

    def apply_action(self, action: Action, **kwargs: Any) -> None:
        self.workflow.apply_action(action, **kwargs)

    def apply_extension(
        self, reason: str, notice_sent: bool = False, *, write_notice: bool = False
    ) -> None:
        self.workflow.apply_extension(reason, notice_sent, write_notice=write_notice)

    def take_next_step(self, step: NextStep) -> None:
        """The step the officer accepted after issuing a letter."""
        self.workflow.take_next_step(step)

    def record_correspondence(self) -> CorrespondenceDialog | None:
        return self.workflow.record_correspondence()

    def _write_extension_notice(self) -> None:
        # The notice next, pre-filled with the reason; issuing it records the notice.
        self.tabs.setCurrentWidget(self.letters)
        self.letters.new("extension_notice")

    # -- letters -------------------------------------------------------------------------

    def _letters_changed(self) -> None:
        """A letter was drafted, edited or issued: the timeline shows it; the list may too."""
        snap = self.snapshot
        if snap is None:
            return
        reference = snap.reference

        def reloaded(fresh: CaseSnapshot) -> None:
            if self.snapshot is None or self.snapshot.reference != fresh.reference:
                return
            self.snapshot = fresh
            self.timeline.show_case(fresh)

        Op.on_register(
            self.runner, lambda register: load_snapshot(register, reference), parent=self
        ).success(reloaded).failure(lambda _e: None).run_in_background()

    def edit_template(self, template_id: str = "", language: str = "en") -> None:
        """The template editor on ``template_id`` in ``language`` (the draft's; issue 17)."""
        dialog = TemplateEditorDialog(self.runner, template_id or None, self, language=language)
        self.last_template_editor = dialog
        dialog.open()

    # -- attachments dropped anywhere on the file ----------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.snapshot is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            event.acceptProposedAction()
            self.files_tab.attach_files(paths)
