"""The case file's header: reference, status, requester and channel, and copy actions.

Copying the requester's name, e-mail address, phone number or postal address goes through
``SensitiveClipboard``: the copy is marked concealed for clipboard managers and cleared after
30 s unless the officer copied something else meanwhile (as KeePassXC does).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_record import Requester
from grievance_desk.services.case_snapshot import CaseSnapshot
from grievance_desk.ui import dates
from grievance_desk.ui.clipboard import SensitiveClipboard
from grievance_desk.ui.i18n import QT_TR_NOOP, tr
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label

#: What can be copied: (the requester's field, the menu text, the name in the note).
COPYABLE: tuple[tuple[str, str, str], ...] = (
    ("email", QT_TR_NOOP("Copy e-mail address"), QT_TR_NOOP("E-mail address")),
    ("phone", QT_TR_NOOP("Copy phone number"), QT_TR_NOOP("Phone number")),
    ("name", QT_TR_NOOP("Copy requester's name"), QT_TR_NOOP("Name")),
    ("postal_address", QT_TR_NOOP("Copy postal address"), QT_TR_NOOP("Postal address")),
)


class CaseHeader(QFrame):
    """Reference (selectable), status badge, requester and type, channel and received date."""

    def __init__(self, clipboard: SensitiveClipboard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("case_header")
        self.clipboard = clipboard
        self.requester: Requester | None = None
        self.title = label("", "page_title")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = label("", "badge")
        # Two fixed lines rather than one wrapped label: a wrapped label's height is not
        # honoured inside the stacked pane, and it overlapped the title in a narrow pane.
        self.subtitle = label("", "muted")
        self.received = label("", "muted")
        for line in (self.subtitle, self.received):
            line.setMinimumWidth(1)  # clipped in a narrow pane, never widening it
        self.copied = label("", "hint")
        self.copied.setObjectName("case_copied")
        self.copied.setVisible(False)
        self.copied.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        menu = QMenu(self)
        self.copy_actions: dict[str, QAction] = {}
        for field, text, _name in COPYABLE:
            action = QAction(tr(text), self)
            action.triggered.connect(lambda _c=False, f=field: self.copy_field(f))
            menu.addAction(action)
            self.copy_actions[field] = action
        self.copy_button = QToolButton()
        self.copy_button.setIcon(icon("person"))
        self.copy_button.setText(tr("Copy"))
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_button.setMenu(menu)
        self.copy_button.setAccessibleName(tr("Copy the requester's details"))
        self.copy_button.setToolTip(
            tr(
                "Copy the requester's contact details; the clipboard is cleared after "
                "{seconds} seconds"
            ).format(seconds=_seconds(clipboard.clear_after_ms))
        )

        head = QVBoxLayout(self)
        head.setContentsMargins(12, 10, 12, 6)
        head.setSpacing(2)
        title_line = QHBoxLayout()
        title_line.addWidget(self.title, 1)
        title_line.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(title_line)
        status_line = QHBoxLayout()
        status_line.addWidget(self.badge)
        status_line.addWidget(self.subtitle, 1)
        head.addLayout(status_line)
        received_line = QHBoxLayout()
        received_line.addWidget(self.received)
        received_line.addSpacing(12)
        received_line.addWidget(self.copied, 1)  # gives way first in a narrow pane
        head.addLayout(received_line)
        clipboard.sig_cleared.connect(lambda: self.copied.setVisible(False))

    def show_case(self, snap: CaseSnapshot) -> None:
        """Fill the header from ``snap``; copy actions for empty fields are disabled."""
        draft = snap.draft
        self.requester = draft.requester
        self.title.setText(snap.reference)
        self.badge.setText(tr(draft.status.label))
        local = draft.received_at.astimezone(snap.zone)
        self.subtitle.setText(draft.requester.name + " · " + tr(draft.request_type.label))
        self.received.setText(
            tr("{channel}, received {when}").format(
                channel=tr(draft.channel.label), when=dates.day_time(local)
            )
        )
        for line in (self.subtitle, self.received):
            line.setToolTip(line.text())
        for field, action in self.copy_actions.items():
            action.setEnabled(bool(str(getattr(draft.requester, field, "")).strip()))
        self.copied.setVisible(False)

    def copy_field(self, field: str) -> None:
        """Put one of the requester's details on the clipboard, to be cleared after a while."""
        value = str(getattr(self.requester, field, "")).strip() if self.requester else ""
        if not value:
            return
        self.clipboard.copy(value)
        name = next(n for f, _t, n in COPYABLE if f == field)
        seconds = _seconds(self.clipboard.clear_after_ms)
        self.copied.setText(tr("Copied; cleared in {seconds} s").format(seconds=seconds))
        self.copied.setToolTip(
            tr(
                "{what} is on the clipboard, hidden from clipboard managers, and is cleared "
                "after {seconds} s unless you copy something else first."
            ).format(what=tr(name), seconds=seconds)
        )
        self.copied.setVisible(True)

    def clear(self) -> None:
        self.requester = None
        self.copied.setVisible(False)


def _seconds(milliseconds: int) -> int:
    return max(1, -(-milliseconds // 1000))
