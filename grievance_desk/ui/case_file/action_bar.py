"""The case's workflow steps as buttons: only those the status allows, the usual next first.

Buttons wrap rather than hide behind an overflow. The bar only says which step was pressed
(``sig_action``, ``sig_extend``, ``sig_correspondence``); ``workflow.CaseWorkflow`` runs it.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton, QWidget

from grievance_desk.domain.workflow import ACTION_LABELS, Action, Status, next_actions
from grievance_desk.ui.flow_layout import FlowLayout
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.resources import icon

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
    Action.ACKNOWLEDGE: QT_TR_NOOP("Record that the requester was told we received the request"),
    Action.REQUEST_IDENTITY_PROOF: QT_TR_NOOP(
        "Wait for proof of identity (stops the clock where the policy says so)"
    ),
    Action.REQUEST_CLARIFICATION: QT_TR_NOOP(
        "Wait for the requester's answer (stops the clock where the policy says so)"
    ),
    Action.RESUME: QT_TR_NOOP(
        "The proof or answer arrived: the clock runs on from where it stopped"
    ),
    Action.START_WORK: QT_TR_NOOP("Mark the case in progress"),
    Action.SEND_RESPONSE: QT_TR_NOOP("Record that the response was sent"),
    Action.CLOSE: QT_TR_NOOP("Close with an outcome; the record must show the reply first"),
    Action.REOPEN: QT_TR_NOOP("Reopen a closed case (asks first: a new deadline runs from today)"),
}


def action_text(action: Action) -> str:
    """A workflow step's button text in the window's language ("…" where a dialog asks)."""
    text, _icon = ACTION_TEXT[action]
    return tr(text.removesuffix("…")) + ("…" if text.endswith("…") else "")


class CaseActionBar(QWidget):
    """Workflow steps, Extend and Record correspondence, as wrapping tool buttons."""

    sig_action = Signal(object)  # the Action pressed
    sig_extend = Signal()
    sig_correspondence = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_actions")
        self.setAccessibleName(tr("Case actions"))
        self.flow = FlowLayout(self, spacing=6)
        self.flow.setContentsMargins(12, 2, 12, 6)
        self.actions_: dict[Action, QAction] = {}
        self.tools: dict[Action, QToolButton] = {}
        for action, (_text, icon_name) in ACTION_TEXT.items():
            qaction = QAction(icon(icon_name), action_text(action), self)
            qaction.triggered.connect(lambda _c=False, a=action: self.sig_action.emit(a))
            self.actions_[action] = qaction
            self.tools[action] = _tool(qaction)
        self.extend_action = QAction(icon("extend"), tr("Extend…"), self)
        self.extend_action.setToolTip(tr("Extend the response deadline, as the policy allows"))
        self.extend_action.triggered.connect(lambda: self.sig_extend.emit())
        self.correspondence_action = QAction(icon("email"), tr("Record correspondence…"), self)
        self.correspondence_action.setToolTip(
            tr("Record a message received from or sent to the requester (Ctrl+Shift+M)")
        )
        self.correspondence_action.setShortcut("Ctrl+Shift+M")
        self.correspondence_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.correspondence_action.triggered.connect(lambda: self.sig_correspondence.emit())
        self.extend_tool = _tool(self.extend_action)
        self.correspondence_tool = _tool(self.correspondence_action)
        for tool in (*self.tools.values(), self.extend_tool, self.correspondence_tool):
            self.flow.addWidget(tool)

    def show_status(self, status: Status, *, can_extend: bool = True) -> None:
        """Show the steps the status allows, the usual next one first; hide the rest
        (Extend too where the policy allows no extension, or no more)."""
        shown = next_actions(status)
        for action, qaction in self.actions_.items():
            allowed = action in shown
            qaction.setEnabled(allowed)
            qaction.setVisible(allowed)
            self.tools[action].setVisible(allowed)
            self.tools[action].setProperty("role", "")
            qaction.setToolTip(tr(ACTION_TIPS[action]))
        can_extend = can_extend and status not in (Status.CLOSED, Status.RESPONSE_SENT)
        self.extend_action.setEnabled(can_extend)
        self.extend_action.setVisible(can_extend)
        self.extend_tool.setVisible(can_extend)
        self.correspondence_action.setEnabled(True)
        tools = [self.tools[a] for a in shown]
        if tools:
            tools[0].setProperty("role", "primary")
        for tool in self.tools.values():
            tool.style().unpolish(tool)
            tool.style().polish(tool)
        self.flow.set_order([*tools, self.extend_tool, self.correspondence_tool])
        self.updateGeometry()


def _tool(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setIconSize(QSize(16, 16))
    button.setAutoRaise(False)
    button.setAccessibleName(action.text().rstrip("…"))
    return button
