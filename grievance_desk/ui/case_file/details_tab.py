"""The Details tab: the case's edit form with Save and Revert, which wait for a change.

The tab only hosts the form and says what state it is in; ``CaseFile.save`` does the saving
(it also saves a letter draft first), so the buttons are wired there.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from grievance_desk.services.case_snapshot import CaseSnapshot
from grievance_desk.ui.case_form import CaseForm
from grievance_desk.ui.i18n import tr
from grievance_desk.ui.resources import icon
from grievance_desk.ui.widgets import label


class DetailsTab(QScrollArea):
    """The form, a line saying what is unsaved or invalid, Revert and Save changes."""

    sig_dirty_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = CaseForm([])
        self.save_button = QPushButton(icon("save"), tr("Save changes"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setShortcut("")
        self.revert_button = QPushButton(tr("Revert"))
        self.status = label("", "hint")
        self.form.sig_state_changed.connect(self._form_state)
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.status, 1)
        save_row.addWidget(self.revert_button)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        self.setWidgetResizable(True)
        self.setWidget(details)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def show_case(self, snap: CaseSnapshot) -> None:
        """Load the case's details, with the policies it may use (those in force or in use)."""
        policy = self.form.policy
        policy.blockSignals(True)
        policy.clear()
        policy.addItem(tr("Default for the request type"), None)
        for policy_id in snap.policy_ids:
            policy.addItem(policy_id, policy_id)
        policy.blockSignals(False)
        self.form.load(snap.draft, snap.zone, reply_language=snap.reply_language)  # issue 17

    def _form_state(self, dirty: bool, valid: bool) -> None:
        self.save_button.setEnabled(dirty and valid)
        self.revert_button.setEnabled(dirty)
        if dirty and not valid:
            self.status.setText(tr("Fix the fields marked in red to save."))
        elif dirty:
            self.status.setText(tr("Unsaved changes."))
        else:
            self.status.setText("")
        self.sig_dirty_changed.emit(dirty)
