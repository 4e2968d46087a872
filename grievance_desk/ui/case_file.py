"""The case file: header, workflow actions, details, deadlines, timeline, attachments, letters.

It is the reading pane of the Cases page. Actions follow the workflow: only the steps the
case's status allows are shown, as buttons that wrap rather than hide behind an overflow,
the one that usually comes next first and highlighted; everything that touches the register
runs through the op helper, and after each change the file reloads from the register so
what the officer sees is what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_record import CaseDraft
from grievance_desk.domain.case_types import Outcome
from grievance_desk.domain.reminders import days_phrase, due_phrase
from grievance_desk.domain.workflow import ACTION_LABELS, Action, Status, next_actions
from grievance_desk.services.attachments import (
    AttachmentInfo,
    add_attachment,
    attachment_bytes,
    list_attachments,
)
from grievance_desk.services.case_queries import (
    TimelineItem,
    case_timeline,
    policy_ids_in_use,
)
from grievance_desk.services.cases import change_status, find_case, officer_zone, to_draft
from grievance_desk.services.clock import utc_now
from grievance_desk.services.correspondence import record_correspondence
from grievance_desk.services.extensions import extension_refused
from grievance_desk.services.letters import NextStep
from grievance_desk.services.register_access import Register
from grievance_desk.services.reply_language import (  # issue 17
    ReplyLanguage,
    reply_language_for,
    set_reply_language,
)
from grievance_desk.ui import theme
from grievance_desk.ui.case_dialogs import CloseCaseDialog, ExtendDialog, confirm_reopen
from grievance_desk.ui.case_form import CaseForm
from grievance_desk.ui.cases_table_model import urgency_colour
from grievance_desk.ui.correspondence_dialog import CorrespondenceDialog
from grievance_desk.ui.dialogs import show_error
from grievance_desk.ui.flow_layout import FlowLayout
from grievance_desk.ui.letters_tab import CaseContext, LettersTab
from grievance_desk.ui.ops import Op, OpRunner
from grievance_desk.ui.private_files import PrivateFiles, write_private
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label, thin_bar_style

try:  # TODO(case_deadlines): always present once services/case_deadlines.py ships everywhere
    from grievance_desk.services import case_deadlines
except ImportError:  # pragma: no cover
    case_deadlines = None  # type: ignore[assignment]

_ICONS: dict[Action, str] = {
    Action.ACKNOWLEDGE: "check",
    Action.REQUEST_IDENTITY_PROOF: "pause",
    Action.REQUEST_CLARIFICATION: "pause",
    Action.RESUME: "play",
    Action.START_WORK: "play",
    Action.SEND_RESPONSE: "reply",
    Action.CLOSE: "close-case",
    Action.REOPEN: "open",
}
#: The workflow's own labels; "…" where a dialog asks something first.
ACTION_TEXT: dict[Action, tuple[str, str]] = {
    action: (ACTION_LABELS[action] + ("…" if action in (Action.CLOSE, Action.REOPEN) else ""), name)
    for action, name in _ICONS.items()
}
ACTION_TIPS: dict[Action, str] = {
    Action.ACKNOWLEDGE: "Record that the requester was told we received the request",
    Action.REQUEST_IDENTITY_PROOF: "Wait for proof of identity (stops the clock where the "
    "policy says so)",
    Action.REQUEST_CLARIFICATION: "Wait for the requester's answer (stops the clock where the "
    "policy says so)",
    Action.RESUME: "The proof or answer arrived: the clock runs on from where it stopped",
    Action.START_WORK: "Mark the case in progress",
    Action.SEND_RESPONSE: "Record that the response was sent",
    Action.CLOSE: "Close with an outcome; the record must show the reply first",
    Action.REOPEN: "Reopen a closed case (asks first: a new deadline runs from today)",
}
_KIND_TEXT = {
    "acknowledge": "Acknowledge by",
    "respond": "Respond by",
    "extension_notice": "Notice of extension by",
    "extended_respond": "Respond by (extended)",
}


@dataclass
class CaseSnapshot:
    reference: str
    case_id: int
    draft: CaseDraft
    zone: ZoneInfo
    deadlines: Any
    timeline: list[TimelineItem]
    attachments: list[AttachmentInfo]
    policy_ids: list[str]
    extension_refused: str | None = None
    reply_language: ReplyLanguage | None = None  # issue 17


def load_snapshot(register: Register, reference: str) -> CaseSnapshot:
    """Everything the case file shows, read in one go on the background thread."""
    from grievance_desk.domain.policy_presets import policy_ids

    now = utc_now()
    with register.reading() as session:
        case, person = find_case(session, reference)
        assert case.id is not None
        draft = to_draft(case, person)
        zone = officer_zone(session)
        timeline = case_timeline(session, case.id)
        ids = sorted(set(policy_ids()) | set(policy_ids_in_use(session)))
        refused = extension_refused(session, case, now=now)
        reply = reply_language_for(session, case)  # issue 17
        deadlines: Any = None
        if case_deadlines is not None:
            try:
                deadlines = case_deadlines.deadlines_for_case(session, case.reference, now=now)
            except case_deadlines.CaseDeadlineError as error:
                deadlines = str(error)  # the panel shows the problem and its fix
    return CaseSnapshot(
        reference=draft.reference or reference,
        case_id=case.id,
        draft=draft,
        zone=zone,
        deadlines=deadlines,
        timeline=timeline,
        attachments=list_attachments(register, reference),
        policy_ids=ids,
        extension_refused=refused,
        reply_language=reply,
    )


class DeadlinePanel(QWidget):
    """Due dates, days left, a progress bar each and the engine's explanation."""

    def __init__(self) -> None:
        super().__init__()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 12, 12, 12)
        self.layout_.setSpacing(10)

    def clear(self) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def show_deadlines(self, info: Any, zone: ZoneInfo, now: datetime) -> None:
        self.clear()
        if isinstance(info, str):
            self.layout_.addWidget(label(info, "error", wrap=True))
            self.layout_.addStretch(1)
            return
        if info is None:
            self.layout_.addWidget(
                label("Deadlines are not available in this version.", "muted", wrap=True)
            )
            self.layout_.addStretch(1)
            return
        policy = label(f"Policy: {info.policy_label}", "section", wrap=True)
        self.layout_.addWidget(policy)
        if info.legal_source:
            self.layout_.addWidget(label(info.legal_source, "hint", wrap=True))
        if info.problem:
            self.layout_.addWidget(label(info.problem, "error", wrap=True))
        result = info.deadlines
        if result is None:
            self.layout_.addStretch(1)
            return
        if result.clock_stopped:
            self.layout_.addWidget(
                label(
                    "The clock is stopped while we wait for the requester "
                    f"({days_phrase(result.days_paused)} paused so far).",
                    "muted",
                    wrap=True,
                )
            )
        open_kinds = {d.kind: d for d in info.open_deadlines}
        start = result.clock_started_at
        for deadline in result.all():
            card = QFrame()
            card.setProperty("role", "card")
            grid = QGridLayout(card)
            grid.setContentsMargins(12, 10, 12, 10)
            title = label(_KIND_TEXT.get(str(deadline.kind), str(deadline.kind)), "section")
            due = deadline.due.astimezone(zone)
            when = label(due.strftime("%a %d %b %Y"), "")
            when.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(title, 0, 0)
            grid.addWidget(when, 0, 1)
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(6)
            bar.setMinimumWidth(120)
            bar.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            bar.setRange(0, 1000)
            total = max(1.0, (deadline.due - start).total_seconds())
            elapsed = min(total, max(0.0, (now - start).total_seconds()))
            bar.setValue(int(1000 * elapsed / total))
            opened = open_kinds.get(deadline.kind)
            extended = result.extended_respond_by
            if str(deadline.kind) == "respond" and extended is not None:
                # Superseded, not met: the extended date is the one that counts now.
                state = f"extended to {extended.due.astimezone(zone):%d %b %Y}"
                colour = theme.DUE_WEEK.darker(140)
                bar.setValue(0)
            elif opened is not None:
                state = due_phrase(opened.days_left)
                colour = urgency_colour(opened.days_left)
            elif str(deadline.kind) == "extension_notice":
                state = "extension granted" if extended is not None else "only if extending"
                colour = theme.DUE_WEEK.darker(140)
                bar.setValue(0)
            else:
                state, colour = "met", theme.ON_TRACK
                bar.setValue(1000)
            bar.setStyleSheet(thin_bar_style(colour.name()))
            bar.setAccessibleName(f"{title.text()}: {state}")
            status = label(state, "")
            status.setStyleSheet(f"color: {colour.name()}; font-weight: 600;")
            grid.addWidget(bar, 1, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(status, 1, 1, Qt.AlignmentFlag.AlignRight)
            explanation = label(deadline.explanation, "hint", wrap=True)
            grid.addWidget(explanation, 2, 0, 1, 2)
            grid.setColumnStretch(0, 1)
            self.layout_.addWidget(card)
        for note in result.notes:
            self.layout_.addWidget(label(note, "hint", wrap=True))
        self.layout_.addStretch(1)


class CaseFile(QWidget):
    """One case; ``sig_case_changed(reference)`` tells the list to refresh."""

    sig_case_changed = Signal(str)
    sig_dirty_changed = Signal(bool)

    def __init__(
        self,
        register: Register,
        runner: OpRunner,
        files: PrivateFiles,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.register = register
        self.runner = runner
        self.files = files
        self.snapshot: CaseSnapshot | None = None
        self.wanted: str | None = None  # the reference asked for last
        self.setAcceptDrops(True)
        self.setObjectName("case_file")

        self.empty = label("Select a case to read it here.", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.title = label("", "page_title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = label("", "badge")
        # Two fixed lines rather than one wrapped label: a wrapped label's height is not
        # honoured inside the stacked pane, and it overlapped the title in a narrow pane.
        self.subtitle = label("", "muted")
        self.received = label("", "muted")
        for line in (self.subtitle, self.received):
            line.setMinimumWidth(1)  # clipped in a narrow pane, never widening it
        header = QFrame()
        header.setObjectName("case_header")
        head = QVBoxLayout(header)
        head.setContentsMargins(12, 10, 12, 6)
        head.setSpacing(2)
        head.addWidget(self.title)
        status_line = QHBoxLayout()
        status_line.addWidget(self.badge)
        status_line.addWidget(self.subtitle, 1)
        head.addLayout(status_line)
        head.addWidget(self.received)

        self.actions_box = QWidget()
        self.actions_box.setObjectName("case_actions")
        self.actions_box.setAccessibleName("Case actions")
        self.actions_flow = FlowLayout(self.actions_box, spacing=6)
        self.actions_flow.setContentsMargins(12, 2, 12, 6)
        self.action_buttons: dict[Action, QAction] = {}
        self.action_tools: dict[Action, QToolButton] = {}
        for action, (text, icon_name) in ACTION_TEXT.items():
            qaction = QAction(icon(icon_name), text, self)
            qaction.triggered.connect(lambda _c=False, a=action: self.run_action(a))
            self.action_buttons[action] = qaction
            self.action_tools[action] = self._tool(qaction)
        self.extend_action = QAction(icon("extend"), "Extend…", self)
        self.extend_action.setToolTip("Extend the response deadline, as the policy allows")
        self.extend_action.triggered.connect(lambda: self.extend())
        self.correspondence_action = QAction(icon("email"), "Record correspondence…", self)
        self.correspondence_action.setToolTip(
            "Record a message received from or sent to the requester (Ctrl+Shift+M)"
        )
        self.correspondence_action.setShortcut("Ctrl+Shift+M")
        self.correspondence_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.correspondence_action.triggered.connect(lambda: self.record_correspondence())
        self.addAction(self.correspondence_action)
        self.extend_tool = self._tool(self.extend_action)
        self.correspondence_tool = self._tool(self.correspondence_action)
        for tool in (*self.action_tools.values(), self.extend_tool, self.correspondence_tool):
            self.actions_flow.addWidget(tool)

        self.form = CaseForm([])
        self.save_button = QPushButton(icon("save"), "Save changes")
        self.save_button.setProperty("role", "primary")
        self.save_button.setShortcut("")
        self.revert_button = QPushButton("Revert")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.form.sig_state_changed.connect(self._form_state)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        self.form_status = label("", "hint")
        save_row.addWidget(self.form_status, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        details_layout.addLayout(save_row)
        details_scroll = QScrollArea()
        details_scroll.setWidgetResizable(True)
        details_scroll.setWidget(details)
        details_scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.deadlines = DeadlinePanel()
        deadlines_scroll = QScrollArea()
        deadlines_scroll.setWidgetResizable(True)
        deadlines_scroll.setWidget(self.deadlines)
        deadlines_scroll.setFrameShape(QFrame.Shape.NoFrame)

        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels(["When", "What", "Details"])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setAccessibleName("Timeline, newest first")
        self.timeline.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.timeline.itemActivated.connect(self._timeline_activated)

        self.attachments = QTreeWidget()
        self.attachments.setHeaderLabels(["File", "Kind", "Size", "Added"])
        self.attachments.setRootIsDecorated(False)
        self.attachments.setAccessibleName("Attachments")
        self.attachments.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attachments.itemActivated.connect(lambda _i, _c: self.open_attachment())
        add = QPushButton(icon("attach"), "Add…")
        add.clicked.connect(self.choose_attachments)
        self.open_button = QPushButton(icon("open"), "Open")
        self.open_button.clicked.connect(self.open_attachment)
        self.save_as_button = QPushButton(icon("save"), "Save as…")
        self.save_as_button.clicked.connect(self.save_attachment_as)
        files_tab = QWidget()
        files_layout = QVBoxLayout(files_tab)
        files_layout.addWidget(self.attachments)
        files_buttons = QHBoxLayout()
        files_buttons.addWidget(label("Drop files here to attach them.", "hint"), 1)
        files_buttons.addWidget(add)
        files_buttons.addWidget(self.open_button)
        files_buttons.addWidget(self.save_as_button)
        files_layout.addLayout(files_buttons)

        self.letters = LettersTab(register, runner)
        self.letters.sig_case_changed.connect(self._letters_changed)
        self.letters.sig_next_step.connect(self.take_next_step)
        self.letters.sig_edit_template.connect(self.edit_template)
        self.letters.sig_dirty_changed.connect(
            lambda _d: self.sig_dirty_changed.emit(self.has_unsaved())
        )

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)  # every tab stays reachable in a narrow pane
        self.tabs.tabBar().setExpanding(False)
        self.tabs.addTab(details_scroll, "Details")
        self.tabs.addTab(deadlines_scroll, "Deadlines")
        self.tabs.addTab(self.timeline, "Timeline")
        self.tabs.addTab(files_tab, "Files")
        self.tabs.addTab(self.letters, icon("letter"), "Letters")

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(header)
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
        register = self.register
        self.wanted = reference
        Op(self.runner, lambda: load_snapshot(register, reference), parent=self).success(
            self._arrived
        ).failure(lambda e: show_error(self, "Could not open the case", e)).run_in_background()

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
        self.timeline.clear()
        self.attachments.clear()
        self.deadlines.clear()
        self.letters.clear()

    def _show(self, snap: CaseSnapshot) -> None:
        self.snapshot = snap
        draft = snap.draft
        self.title.setText(snap.reference)
        self.badge.setText(draft.status.label)
        local = draft.received_at.astimezone(snap.zone)
        self.subtitle.setText(f"{draft.requester.name} · {draft.request_type.label}")
        self.received.setText(f"{draft.channel.label}, received {local:%d %b %Y %H:%M}")
        for line in (self.subtitle, self.received):
            line.setToolTip(line.text())
        self._update_actions(draft.status, can_extend=snap.extension_refused is None)
        current = self.form.policy.currentData()
        self.form.policy.blockSignals(True)
        self.form.policy.clear()
        self.form.policy.addItem("Default for the request type", None)
        for policy_id in snap.policy_ids:
            self.form.policy.addItem(policy_id, policy_id)
        self.form.policy.blockSignals(False)
        del current
        self.form.load(draft, snap.zone, reply_language=snap.reply_language)
        self.deadlines.show_deadlines(snap.deadlines, snap.zone, utc_now())
        self._fill_timeline(snap)
        self._fill_attachments(snap)
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

    def _tool(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setIconSize(QSize(16, 16))
        button.setAutoRaise(False)
        button.setAccessibleName(action.text().rstrip("…"))
        return button

    def _update_actions(self, status: Status, *, can_extend: bool = True) -> None:
        """Show the steps the status allows, the usual next one first; hide the rest
        (Extend too where the policy allows no extension, or no more)."""
        shown = next_actions(status)
        for action, qaction in self.action_buttons.items():
            allowed = action in shown
            qaction.setEnabled(allowed)
            qaction.setVisible(allowed)
            self.action_tools[action].setVisible(allowed)
            self.action_tools[action].setProperty("role", "")
            qaction.setToolTip(ACTION_TIPS[action])
        can_extend = can_extend and status not in (Status.CLOSED, Status.RESPONSE_SENT)
        self.extend_action.setEnabled(can_extend)
        self.extend_action.setVisible(can_extend)
        self.extend_tool.setVisible(can_extend)
        self.correspondence_action.setEnabled(True)
        tools = [self.action_tools[a] for a in shown]
        if tools:
            tools[0].setProperty("role", "primary")
        for tool in self.action_tools.values():
            tool.style().unpolish(tool)
            tool.style().polish(tool)
        self.actions_flow.set_order([*tools, self.extend_tool, self.correspondence_tool])
        self.actions_box.updateGeometry()

    def _fill_timeline(self, snap: CaseSnapshot) -> None:
        self.timeline.clear()
        for item in snap.timeline:
            when = item.at.astimezone(snap.zone).strftime("%d %b %Y %H:%M")
            row = QTreeWidgetItem([when, item.title, item.detail])
            row.setData(0, Qt.ItemDataRole.UserRole, item.attachment_id)
            row.setToolTip(2, item.detail)
            if item.actor:
                row.setToolTip(1, f"By {item.actor}")
            self.timeline.addTopLevelItem(row)
        self.timeline.resizeColumnToContents(0)
        self.timeline.setColumnWidth(1, max(180, self.timeline.columnWidth(1)))
        self.timeline.resizeColumnToContents(1)

    def _fill_attachments(self, snap: CaseSnapshot) -> None:
        self.attachments.clear()
        for info in snap.attachments:
            row = QTreeWidgetItem(
                [
                    info.filename,
                    info.purpose.replace("_", " "),
                    _size(info.size),
                    info.added_at.astimezone(snap.zone).strftime("%d %b %Y"),
                ]
            )
            row.setData(0, Qt.ItemDataRole.UserRole, info.id)
            row.setToolTip(0, f"{info.media_type}, SHA-256 {info.sha256[:16]}…")
            self.attachments.addTopLevelItem(row)
        for column in (1, 2, 3):
            self.attachments.resizeColumnToContents(column)
        self.tabs.setTabText(3, f"Files ({len(snap.attachments)})")

    # -- editing -------------------------------------------------------------------------

    def _form_state(self, dirty: bool, valid: bool) -> None:
        self.save_button.setEnabled(dirty and valid)
        self.revert_button.setEnabled(dirty)
        if dirty and not valid:
            self.form_status.setText("Fix the fields marked in red to save.")
        elif dirty:
            self.form_status.setText("Unsaved changes.")
        else:
            self.form_status.setText("")
        self.sig_dirty_changed.emit(dirty)

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
        from grievance_desk.services.cases import update_case

        changes = self.form.changes()
        language = changes.pop("reply_language", None)  # issue 17: its own service call
        register, reference = self.register, snap.reference

        def work() -> None:
            now = utc_now()
            if changes:
                update_case(register, reference, changes, now=now)
            if language is not None:
                set_reply_language(register, reference, language, now=now)

        self.save_button.setEnabled(False)

        def failed(error: Exception) -> None:
            show_error(self, "Not saved", error)
            self.form.show_all_problems()

        Op(self.runner, work, parent=self).success(lambda _r: self._changed()).failure(
            failed
        ).with_progress("Saving…").run_in_background()
        # The form stays dirty until the reload arrives; treat it as saved for leaving.
        self.form.load(self.form.draft(), snap.zone)
        return True

    def revert(self) -> None:
        if self.snapshot is not None:
            self.form.load(
                self.snapshot.draft,
                self.snapshot.zone,
                reply_language=self.snapshot.reply_language,
            )
            self.letters.revert()

    def _changed(self) -> None:
        if self.snapshot is not None:
            self.sig_case_changed.emit(self.snapshot.reference)
            self.reload()

    # -- workflow ------------------------------------------------------------------------

    def run_action(self, action: Action) -> None:
        snap = self.snapshot
        if snap is None or not self.action_buttons[action].isEnabled():
            return
        kwargs: dict[str, Any] = {}
        if action is Action.REOPEN and not confirm_reopen(self, snap.reference):
            return
        if action is Action.CLOSE:
            dialog = CloseCaseDialog(snap.reference, self, check=self._closing_check)
            self.last_close_dialog = dialog
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            kwargs = {
                "outcome": dialog.chosen_outcome(),
                "refusal_grounds": dialog.chosen_grounds(),
                "note": dialog.note.toPlainText().strip(),
            }
        self.apply_action(action, **kwargs)

    def _closing_check(
        self, outcome: Outcome, grounds: list[Any], done: Callable[[list[str]], None]
    ) -> None:
        """What closing still needs, read off the GUI thread (the service checks it again)."""
        from grievance_desk.services.cases import closing_problems_for

        register, reference = self.register, self.reference
        if reference is None:
            return
        Op(
            self.runner,
            lambda: closing_problems_for(
                register, reference, outcome=outcome, refusal_grounds=grounds
            ),
            parent=self,
        ).success(done).failure(lambda e: done([str(e)])).run_in_background()

    def apply_action(self, action: Action, **kwargs: Any) -> None:
        snap = self.snapshot
        assert snap is not None
        register, reference = self.register, snap.reference

        def work() -> None:
            change_status(register, reference, action, now=utc_now(), **kwargs)

        Op(self.runner, work, parent=self).success(lambda _r: self._changed()).failure(
            lambda e: show_error(self, "Not done", e)
        ).with_progress(ACTION_TEXT[action][0].rstrip("…") + "…").run_in_background()

    def extend(self) -> None:
        """Show the new date and the policy's limit, then extend with the reason given."""
        snap = self.snapshot
        if snap is None:
            return
        from grievance_desk.services.extensions import extension_preview

        register, reference = self.register, snap.reference
        Op(
            self.runner, lambda: extension_preview(register, reference, now=utc_now()), parent=self
        ).success(self._ask_extension).failure(
            lambda e: show_error(self, "Cannot extend", e)
        ).run_in_background()

    def _ask_extension(self, preview: Any) -> None:
        if self.snapshot is None or self.snapshot.reference != preview.reference:
            return
        dialog = ExtendDialog(preview.reference, preview, self)
        self.last_extend_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.apply_extension(
            dialog.reason.toPlainText().strip(),
            dialog.notice_sent.isChecked(),
            write_notice=dialog.write_notice.isChecked(),
        )

    def apply_extension(
        self, reason: str, notice_sent: bool = False, *, write_notice: bool = False
    ) -> None:
        snap = self.snapshot
        assert snap is not None
        if case_deadlines is None:
            show_error(self, "Not available", "Extensions need the deadline service.")
            return
        register, reference = self.register, snap.reference

        def work() -> None:
            now = utc_now()
            case_deadlines.extend_case(
                register,
                reference,
                now=now,
                reason=reason,
                notice_sent_at=now if notice_sent else None,
            )

        def done(_result: object) -> None:
            self._changed()
            if write_notice:
                # The notice next, pre-filled with the reason; issuing it records the notice.
                self.tabs.setCurrentWidget(self.letters)
                self.letters.new("extension_notice")

        Op(self.runner, work, parent=self).success(done).failure(
            lambda e: show_error(self, "Not extended", e)
        ).with_progress("Extending…").run_in_background()

    # -- letters and correspondence ------------------------------------------------------

    def _letters_changed(self) -> None:
        """A letter was drafted, edited or issued: the timeline shows it; the list may too."""
        snap = self.snapshot
        if snap is None:
            return
        register, reference = self.register, snap.reference

        def reloaded(fresh: CaseSnapshot) -> None:
            if self.snapshot is None or self.snapshot.reference != fresh.reference:
                return
            self.snapshot = fresh
            self._fill_timeline(fresh)

        Op(self.runner, lambda: load_snapshot(register, reference), parent=self).success(
            reloaded
        ).failure(lambda _e: None).run_in_background()

    def take_next_step(self, step: NextStep) -> None:
        """The step the officer accepted after issuing a letter."""
        if self.snapshot is None:
            return
        if step.kind == "extension":
            self.apply_extension(step.reason or "See the extension notice issued.", True)
        elif step.action is Action.CLOSE:
            self.run_action(Action.CLOSE)
        elif step.action is not None:
            self.apply_action(step.action)

    def edit_template(self, template_id: str = "") -> None:
        from grievance_desk.ui.template_editor import TemplateEditorDialog

        dialog = TemplateEditorDialog(self.register, self.runner, template_id or None, self)
        self.last_template_editor = dialog
        dialog.open()

    def record_correspondence(self) -> CorrespondenceDialog | None:
        snap = self.snapshot
        if snap is None:
            return None
        dialog = CorrespondenceDialog(
            snap.reference, snap.draft.received_at, snap.zone, utc_now(), self
        )
        self.last_correspondence_dialog = dialog
        dialog.accepted.connect(lambda: self.save_correspondence(dialog.values()))
        dialog.open()
        return dialog

    def save_correspondence(self, values: dict[str, Any]) -> None:
        snap = self.snapshot
        if snap is None:
            return
        register, reference = self.register, snap.reference

        def work() -> None:
            record_correspondence(register, reference, now=utc_now(), **values)

        Op(self.runner, work, parent=self).success(lambda _r: self._changed()).failure(
            lambda e: show_error(self, "Not recorded", e)
        ).with_progress("Recording…").run_in_background()

    # -- attachments ---------------------------------------------------------------------

    def choose_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Attach files")
        self.attach_files([Path(p) for p in paths])

    def attach_files(self, paths: list[Path]) -> None:
        snap = self.snapshot
        if snap is None or not paths:
            return
        register, reference = self.register, snap.reference

        def work() -> int:
            now = utc_now()
            for path in paths:
                add_attachment(register, reference, path.name, path.read_bytes(), now=now)
            return len(paths)

        Op(self.runner, work, parent=self).success(lambda _n: self._changed()).failure(
            lambda e: show_error(self, "Not attached", e)
        ).with_progress("Attaching…").run_in_background()

    def _selected_attachment(self) -> int | None:
        item = self.attachments.currentItem()
        value = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def _timeline_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        value = item.data(0, Qt.ItemDataRole.UserRole)
        if value is not None:
            self._open(int(value))

    def open_attachment(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is not None:
            self._open(attachment_id)

    def _open(self, attachment_id: int) -> None:
        register = self.register

        def opened(result: tuple[AttachmentInfo, bytes]) -> None:
            info, data = result
            self.files.open_copy(info.filename, data, self)

        Op(self.runner, lambda: attachment_bytes(register, attachment_id), parent=self).success(
            opened
        ).failure(lambda e: show_error(self, "Could not open", e)).run_in_background()

    def save_attachment_as(self) -> None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return
        register = self.register

        def got(result: tuple[AttachmentInfo, bytes]) -> None:
            info, data = result
            target, _ = QFileDialog.getSaveFileName(self, "Save attachment as", info.filename)
            if target:
                try:
                    write_private(Path(target), data)
                except OSError as error:
                    show_error(self, "Not saved", f"{target} could not be written: {error}.")

        Op(self.runner, lambda: attachment_bytes(register, attachment_id), parent=self).success(
            got
        ).failure(lambda e: show_error(self, "Could not read", e)).run_in_background()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.snapshot is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.is_file()]
        if paths:
            event.acceptProposedAction()
            self.attach_files(paths)


def _size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"
