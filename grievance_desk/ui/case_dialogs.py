"""Dialogs for the case actions that need more than a click: close, extend."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from grievance_desk.domain.case_types import Outcome, RefusalGround
from grievance_desk.ui.widgets import label


class CloseCaseDialog(QDialog):
    """Outcome, and grounds when refusing (the domain refuses grounds without a refusal)."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Close {reference}")
        self.outcome = QComboBox()
        for outcome in Outcome:
            self.outcome.addItem(outcome.label, outcome.value)
        self.outcome.setAccessibleName("Outcome")
        self.grounds_box = QGroupBox("Grounds for refusal")
        grounds_layout = QVBoxLayout(self.grounds_box)
        self.grounds: dict[RefusalGround, QCheckBox] = {}
        for ground in RefusalGround:
            box = QCheckBox(ground.label)
            self.grounds[ground] = box
            grounds_layout.addWidget(box)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("Optional note for the timeline")
        self.note.setFixedHeight(70)
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName("Note")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Close case")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Outcome:", self.outcome)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.grounds_box)
        layout.addWidget(label("Note:", ""))
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.setMinimumWidth(420)

    def _outcome_changed(self) -> None:
        refusing = self.outcome.currentData() in (
            Outcome.REFUSED.value,
            Outcome.PARTLY_FULFILLED.value,
        )
        self.grounds_box.setEnabled(refusing)
        if not refusing:
            for box in self.grounds.values():
                box.setChecked(False)

    def chosen_grounds(self) -> list[RefusalGround]:
        return [ground for ground, box in self.grounds.items() if box.isChecked()]


class ExtendDialog(QDialog):
    """The reason the requester is told; the policy decides whether an extension is allowed."""

    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Extend {reference}")
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            "Why more time is needed, as the requester will be told (e.g. the records are "
            "spread over several systems)."
        )
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName("Reason for the extension")
        self.notice_sent = QCheckBox("Notice of the extension has been sent to the requester")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Extend")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Reason (required):", ""))
        layout.addWidget(self.reason)
        layout.addWidget(self.notice_sent)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._changed)
        self._changed()
        self.setMinimumWidth(440)

    def _changed(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.reason.toPlainText().strip())
        )
