"""New case, from a blank form or an e-mail dropped on the window.

An e-mail only fills the form; the officer checks it (the sender may be a nominee or an
assistant) and chooses which of its files to keep before anything is saved.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_record import CaseDraft, Requester
from grievance_desk.domain.case_types import CaseKind, Channel, RequestType
from grievance_desk.services.email_intake import EmailIntake, IntakeAttachment
from grievance_desk.ui.case_form import CaseForm
from grievance_desk.ui.widgets import label


def blank_draft(now: datetime) -> CaseDraft:
    return CaseDraft(
        kind=CaseKind.RIGHTS_REQUEST,
        request_type=RequestType.ACCESS,
        channel=Channel.EMAIL,
        received_at=now,
        requester=Requester(name=""),
    )


class NewCaseDialog(QDialog):
    def __init__(
        self,
        draft: CaseDraft,
        zone: ZoneInfo,
        policy_ids: list[str],
        intake: EmailIntake | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New case" if intake is None else f"New case from {intake.source_name}")
        self.form = CaseForm(policy_ids)
        self.form.load(draft, zone)
        self.files = QListWidget()
        self.files.setAccessibleName("Files to keep with the case")
        self.files.setMaximumHeight(110)
        self._attachments: list[IntakeAttachment] = list(intake.attachments) if intake else []
        for attachment in self._attachments:
            item = QListWidgetItem(f"{attachment.filename}  ({len(attachment.data):,} bytes)")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.files.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Register case")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.form.sig_state_changed.connect(self._state)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        if intake is not None:
            layout.addWidget(
                label(
                    f"Filled from the e-mail \u201c{intake.subject or '(no subject)'}\u201d from "
                    f"{intake.sender_address or 'an unknown sender'}. Check every field: the "
                    "sender may act for someone else.",
                    "hint",
                    wrap=True,
                )
            )
        layout.addWidget(scroll, 1)
        if self._attachments:
            layout.addWidget(label("Keep these files with the case:", "section"))
            layout.addWidget(self.files)
        layout.addWidget(self.buttons)
        self.resize(620, 760)
        self._state(True, self.form.is_valid)

    def _state(self, _dirty: bool, valid: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(valid)

    def _try_accept(self) -> None:
        if not self.form.is_valid:
            self.form.show_all_problems()
            return
        self.accept()

    def chosen_attachments(self) -> list[IntakeAttachment]:
        return [
            attachment
            for row, attachment in enumerate(self._attachments)
            if self.files.item(row).checkState() == Qt.CheckState.Checked
        ]
